"""Rewrites' wordings of every metric (kreport/extract/rules/rewrites.py). Sentences of the tests' own, none taken
from a fixture; the years are made up (2031) so no rule can lean on a real page."""

from __future__ import annotations

import pytest

KS_EN = "Examplecorp notes: Kuaishou Technology Announces Third Quarter 2031 Unaudited Financial Results\n\n"
KS_ZH = "快手科技發佈2031年第三季度業績\n\n"
JD_EN = "Examplecorp notes: JD.com Announces Third Quarter 2031 Results\n\n"
JD_ZH = "京东公布2031年第三季度业绩\n\n"
PDD_EN = "Examplecorp notes: PDD Holdings Announces Third Quarter 2031 Unaudited Financial Results\n\n"
BABA_EN = "Examplecorp notes: Alibaba Group Announces September Quarter 2031 Results\n\n"


@pytest.mark.parametrize("sentence, expected", [
    ("Average daily active users reached 420.1 million, up 3.1%.", {("dau", "2031Q3", "420.1", "million", "")}),
    ("In Q3 2031, Kuaishou's core operating data set new highs, with average daily active users growing 3.1% to 420.1 million.",
     {("dau", "2031Q3", "420.1", "million", "")}),
    ("Monthly active users also grew to 730.5 million.", {("mau", "2031Q3", "730.5", "million", "")}),
    ("Online marketing services revenue was RMB 20.2 billion, while e-commerce GMV reached RMB 400.7 billion.",
     {("revenue_marketing", "2031Q3", "20.2", "RMB_bn", ""), ("gmv", "2031Q3", "400.7", "RMB_bn", "")}),
    ("Revenue from other services increased by 12.0% to RMB 5.6 billion from RMB 5.0 billion for the same period of 2030.",
     {("revenue_commerce", "2031Q3", "5.6", "RMB_bn", ""), ("revenue_commerce", "2030Q3", "5.0", "RMB_bn", "")}),
    ("Average monthly active buyers reached 140.2 million.", {("monthly_buyers", "2031Q3", "140.2", "million", "")}),
])
def test_kuaishou_in_english(figures, sentence, expected):
    assert figures(KS_EN + sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("2031年第三季度,快手应用的平均日活跃用户及月活跃用户达4.201亿及7.305亿,分别同比增长3.1%及2.0%。",
     {("dau", "2031Q3", "4.201", "100m", ""), ("mau", "2031Q3", "7.305", "100m", "")}),
    ("2031年第三季度,快手收入由2030年同期的360亿元增加12.0%至403亿元,其中,在线营销服务收入由2030年同期的180亿元增加12.2%至202亿元。",
     {("revenue_marketing", "2031Q3", "202", "RMB_100m", ""), ("revenue_marketing", "2030Q3", "180", "RMB_100m", ""),
      ("revenue_total", "2031Q3", "403", "RMB_100m", ""), ("revenue_total", "2030Q3", "360", "RMB_100m", "")}),
    ("电商月均买家数达1.402亿,同比持续增长。", {("monthly_buyers", "2031Q3", "1.402", "100m", "")}),
    # the segment opens the clause, its revenue follows the comma (never the company's revenue)
    ("其他服务业务受电商带动,收入同比增长12%至56亿元人民币。", {("revenue_commerce", "2031Q3", "56", "RMB_100m", "")}),
])
def test_kuaishou_in_chinese(figures, sentence, expected):
    assert figures(KS_ZH + sentence) == expected


def test_jd_service_revenues_and_twelve_month_customers(figures):
    assert figures(JD_EN + "Net service revenues were 60.2 billion Chinese yuan (8.4 billion dollars), an increase of 12.0 percent.") == {
        ("revenue_commerce", "2031Q3", "60.2", "RMB_bn", "")}
    text = JD_EN + ("Annual active customer accounts increased to 620.5 million in the twelve months ended September 30, 2031 "
                    "from 610.0 million in the twelve months ended June 30, 2031.")
    assert figures(text) == {("annual_buyers", "2031Q3", "620.5", "million", ""), ("annual_buyers", "2031Q2", "610.0", "million", "")}
    text = JD_EN + "Annual active customers for the twelve months ended September 30, 2031 reached 620.5 million."
    assert figures(text) == {("annual_buyers", "2031Q3", "620.5", "million", "")}


def test_jd_in_chinese_and_a_part_of_service_revenues_is_not_the_whole(figures):
    assert figures(JD_ZH + "2031年第三季度的净服务收入为人民币602亿元(合84亿美元),较2030年第三季度增长12.0%。") == {
        ("revenue_commerce", "2031Q3", "602", "RMB_100m", "")}
    assert figures(JD_ZH + "平台及广告服务收入为人民币250亿元。") == set()


def test_a_twelve_month_change_that_does_not_fit_its_figures_drops_both(figures):
    text = JD_EN + ("Annual active customer accounts increased by 30.0 percent to 620.5 million in the twelve months ended "
                    "September 30, 2031 from 610.0 million in the twelve months ended September 30, 2030.")
    assert figures(text) == set()


def test_pdd_segment_lines_in_prose(figures):
    text = PDD_EN + "Online marketing service revenue was 49.1 billion yuan, up 10%; transaction service revenue was 47.9 billion yuan, up 20%."
    assert figures(text) == {("revenue_marketing", "2031Q3", "49.1", "RMB_bn", ""), ("revenue_commerce", "2031Q3", "47.9", "RMB_bn", "")}


def test_alibaba_consumers_and_mobile_users(figures):
    text = (BABA_EN + "In the quarter ended September 30, 2031:\n"
            "- Annual active consumers (formerly annual active buyers) on our China retail marketplaces reached 950 million, "
            "an increase of 10 million from the 12-month period ended June 30, 2031.\n"
            "- Mobile MAUs on our China retail marketplaces reached 990 million in September, an increase of 5 million over June.\n")
    assert figures(text) == {("annual_buyers", "2031Q3", "950", "million", ""), ("mau", "2031Q3", "990", "million", "")}
    # A month of another quarter is never the page's.
    assert figures(BABA_EN + "In the quarter ended September 30, 2031:\n- Mobile MAUs on our China retail marketplaces reached "
                   "990 million in June.\n") == set()


@pytest.mark.parametrize("text", [
    KS_EN + "Kling AI monthly active users reached 45.0 million.",  # another product's users
    KS_EN + "Overseas DAUs reached 60.0 million.",
    KS_ZH + "快手搜索月活跃用户超5亿。",
    KS_ZH + "2030年第三季度,快手DAU达4.08亿。",  # a rewrite's wording names another quarter than the page's
    KS_EN + "Daily active users are expected to reach 430 million.",
    BABA_EN + "Annual active consumers of the Alibaba ecosystem across the world reached 1,300 million.",
    KS_EN + "For H1 2031, average daily active users reached 418.0 million.",
])
def test_other_products_periods_and_forecasts_give_nothing(figures, text):
    assert figures(text) == set()


@pytest.mark.parametrize("text, expected", [
    (KS_EN + "Q3 total revenue of RMB40.3bn (+8.0% yoy), ahead of last year.", {("revenue_total", "2031Q3", "40.3", "RMB_bn", "")}),
    (KS_EN + "Kuaishou achieved 420 million daily active users (DAUs) in a record quarter.", {("dau", "2031Q3", "420", "million", "")}),
    (PDD_EN + "The growth came from a 15% increase in online marketing services and others to RMB50.2 billion.",
     {("revenue_marketing", "2031Q3", "50.2", "RMB_bn", "")}),
    (JD_EN + "Third-quarter revenue reached 320.5 billion CNY (about 45.0 billion USD), up 5.0%.",
     {("revenue_total", "2031Q3", "320.5", "RMB_bn", "")}),
    (JD_EN + "Amid fee cuts, service revenue still reached 62.0 billion CNY (about 8.7 billion USD) in the third quarter, a record.",
     {("revenue_commerce", "2031Q3", "62.0", "RMB_bn", "")}),
    (BABA_EN + "Alibaba Group (BABA) reported strong Q3 2031 results with revenue reaching RMB250,100 million.",
     {("revenue_total", "2031Q3", "250100", "RMB_mn", "")}),
    (KS_ZH + "期内实现营收403.5亿元,同比增长12.0%。", {("revenue_total", "2031Q3", "403.5", "RMB_100m", "")}),
])
def test_summaries_short_forms(figures, text, expected):
    assert figures(text) == expected


def test_a_story_without_its_year_takes_it_from_a_quarter_end_month_it_names(figures):
    text = ("Alibaba revenue rose in the third quarter.\nThe number of mobile monthly active users on China retail "
            "marketplaces reached 990 million in September 2031, up 5 million.")
    assert figures(text) == {("mau", "2031Q3", "990", "million", "")}


def test_a_summarys_lines_under_a_heading_on_its_own_line(figures):
    text = ("$KUAISHOU-W(01024)$ 2031Q3 results beat\nPerformance\nCore Data Highlights\n"
            "Daily active users 420 million (+4.8% yoy), monthly active users 730 million (+5.0% yoy);\n"
            "Online marketing revenue of RMB21.0 billion (+13.3% yoy) and e-commerce GMV of RMB470.1 billion (+14.4% yoy);\n")
    assert figures(text) == {("dau", "2031Q3", "420", "million", ""), ("mau", "2031Q3", "730", "million", ""),
                             ("revenue_marketing", "2031Q3", "21.0", "RMB_bn", ""), ("gmv", "2031Q3", "470.1", "RMB_bn", "")}


def test_a_clause_after_a_semicolon_is_its_own(figures):
    text = KS_ZH + "本季度,快手应用平均日活跃用户数达4.201亿,连续三个季度再创历史新高;平均月活跃用户达到7.305亿。"
    assert figures(text) == {("dau", "2031Q3", "4.201", "100m", ""), ("mau", "2031Q3", "7.305", "100m", "")}


def test_a_full_year_line_named_in_its_sentence(figures):
    text = "快手科技發佈2031年第四季度及全年業績\n2031年全年總收入同比增長11.8%至人民幣1,400億元,經調整利潤淨額同比增長。"
    assert figures(text) == {("revenue_total", "2031", "1400", "RMB_100m", "")}


def test_a_story_whose_quarter_has_its_year_from_the_comparison(figures):
    text = ("PDD Holdings announced its second-quarter revenue reached 110.50 billion CNY (15.40 billion USD), a 7% increase "
            "compared to the same period in 2030. Analysts had projected revenue of 109.00 billion CNY. Alibaba and JD.com also cut prices.")
    assert figures(text) == {("revenue_total", "2031Q2", "110.50", "RMB_bn", "")}


@pytest.mark.parametrize("text", [
    JD_EN + "Alibaba's revenue rose 5% to RMB 236.5 billion in the quarter.",
    KS_EN + "For comparison, e-commerce GMV at Douyin reached RMB 1,000.0 billion.",
    KS_ZH + "同期,抖音电商GMV达到10000亿元。",
])
def test_a_clause_about_another_company_gives_nothing(figures, text):
    assert figures(text) == set()


def test_stories_whose_quarter_comes_from_a_dateline_or_an_as_of_date(figures):
    text = ("November 20, 2031 - Shares of PDD Holdings rose.\nToday, the company reported its Q3 unaudited financial results.\n"
            "Highlights for Q3 earnings\nQ3 total revenue of RMB110,500.5 million (US$15,000.0 million), an increase of 10%.\n")
    assert figures(text) == {("revenue_total", "2031Q3", "110500.5", "RMB_mn", "")}
    text = ("This past weekend, pinduoduo was in the news. Its shares rose. In the Q3 financial report as of September 30, 2031, "
            "pinduoduo achieved a total revenue of 110.5 billion yuan, an increase of 10% over the same period of last year of 100.4 billion yuan.")
    assert figures(text) == {("revenue_total", "2031Q3", "110.5", "RMB_bn", ""), ("revenue_total", "2030Q3", "100.4", "RMB_bn", "")}


def test_a_figure_before_its_name_and_pdds_buyers_in_a_story(figures):
    text = (" date 2031-11-26 SHANGHAI, Nov. 26, 2031 (GLOBE NEWSWIRE) -- Pinduoduo said it will promote young leaders.\n\n"
            "Chen made the comments as Pinduoduo reported third quarter results that showed 110.5 billion yuan ($15.0 billion) in "
            "revenue and 950.1 million users who placed orders in the trailing 12-month period.")
    assert figures(text) == {("revenue_total", "2031Q3", "110.5", "RMB_bn", ""), ("annual_buyers", "2031Q3", "950.1", "million", "")}


def test_jds_two_revenue_lines_named_together_and_a_quarter_inside_a_segments_name(figures):
    assert figures(JD_ZH + "2031Q3京东集团收入3100亿元,同比增长7.6%。其中商品、服务收入分别为2500、600亿元,同比增长3%、30%。") == {
        ("revenue_total", "2031Q3", "3100", "RMB_100m", ""), ("revenue_commerce", "2031Q3", "600", "RMB_100m", "")}
    assert figures(KS_ZH + "这其中,线上营销服务Q3收入达202亿元,同比增长12.8%。快手电商业务GMV本季度同比增长17.6%至4000亿元。") == {
        ("revenue_marketing", "2031Q3", "202", "RMB_100m", ""), ("gmv", "2031Q3", "4000", "RMB_100m", "")}


@pytest.mark.parametrize("text, expected", [
    # A broker note's two-digit year and a summary's figure after a space, no verb
    ("投资评级 - 快手-W 买入\n\n平台生态 - DAU增长优于预期,31Q3平均DAU 4.21亿,同比增长5.4%,MAU 7.31亿,同比增长4.3%。",
     {("dau", "2031Q3", "4.21", "100m", ""), ("mau", "2031Q3", "7.31", "100m", "")}),
    ("核心观点 - 1Q31快手各项业务符合预期。\n\n财务 - 1Q31实现总收入331亿元,同比增长11.4%。",
     {("revenue_total", "2031Q1", "331", "RMB_100m", "")}),
])
def test_two_digit_year_quarters_in_broker_summaries(figures, text, expected):
    assert figures(text) == expected


def test_a_two_digit_year_for_another_quarter_is_never_the_page_s(figures):
    text = "核心观点 - 31Q3快手各项业务符合预期。\n\n财务 - 30Q3平均DAU 4.01亿,同比增长5.4%。"
    assert figures(text) == set()


@pytest.mark.parametrize("sentence, expected", [
    ("年度活跃客户账户3截至2031年9月30日的十二个月中,从截至2030年9月30日的十二个月的6.012亿增长了6.2%,达到6.385亿。",
     {("annual_buyers", "2031Q3", "6.385", "100m", ""), ("annual_buyers", "2030Q3", "6.012", "100m", "")}),
    ("截至2031年9月30日的十二个月,年度活跃客户账户达到6.385亿。", {("annual_buyers", "2031Q3", "6.385", "100m", "")}),
    # twelve months that end before the page's quarter: not the page's figure
    ("截至2031年6月30日的十二个月,年度活跃客户账户达到6.2亿。", set()),
])
def test_jd_twelve_month_customers_in_chinese(figures, sentence, expected):
    assert figures(JD_ZH + sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("其中,线上营销服务、直播和其他服务收入分别为202亿元、95亿元和56亿元。",
     {("revenue_marketing", "2031Q3", "202", "RMB_100m", ""), ("revenue_commerce", "2031Q3", "56", "RMB_100m", "")}),
    ("2031年第三季度,快手线上营销服务收入、其他服务收入分别为202、56亿元。",
     {("revenue_marketing", "2031Q3", "202", "RMB_100m", ""), ("revenue_commerce", "2031Q3", "56", "RMB_100m", "")}),
    # a name that is no line of the company's, or as many names as figures not given: nothing
    ("海外、直播和其他服务收入分别为20亿元、95亿元和56亿元。", set()),
    ("线上营销服务、直播和其他服务收入分别为202亿元和56亿元。", set()),
    ("前三季度,线上营销服务和其他服务收入分别为602亿元和156亿元。", set()),
])
def test_kuaishou_revenue_lines_listed_with_fenbie(figures, sentence, expected):
    assert figures(KS_ZH + sentence) == expected


def test_a_sentence_opening_with_qizhong_takes_the_quarter_the_sentence_before_opened_with(figures):
    # A page that also speaks of a half year (not a story about one quarter): a sentence needs its own period.
    text = ("快手上半年营收为803.83亿元,较2030年同期增长14.0%。\n"
            "三季度,快手收入为409.75亿元,同比增长11.6%。其中,线上营销服务收入为205亿元,同比增长22.1%。\n")
    assert ("revenue_marketing", "2031Q3", "205", "RMB_100m", "") in figures(KS_ZH + text)
    # the sentence before opened with another quarter: its part is not the page's
    text = "快手上半年营收为803.83亿元。\n二季度,快手收入为309.75亿元。其中,线上营销服务收入为175亿元。\n"
    assert not {f for f in figures(KS_ZH + text) if f[0] == "revenue_marketing"}
    # no quarter opened the sentence before: nothing to take
    text = "快手上半年营收为803.83亿元。其中,线上营销服务收入为405亿元。\n"
    assert not {f for f in figures(KS_ZH + text) if f[0] == "revenue_marketing"}


@pytest.mark.parametrize("sentence, expected", [
    # the page's quarter named by its last day at the sentence's start, on a page that also speaks of other periods
    ("The annual user volume keeps rising. In the Q3 financial report as of September 30, 2031, PDD achieved a total revenue "
     "of 94.21 billion yuan, an increase of 9% over the same period of last year of 86.43 billion yuan.",
     {("revenue_total", "2031Q3", "94.21", "RMB_bn", ""), ("revenue_total", "2030Q3", "86.43", "RMB_bn", "")}),
    ("The annual user volume keeps rising. In the Q3 financial report as of June 30, 2031, PDD achieved a total revenue of 94.21 billion yuan.",
     set()),
    ("Moreover, in the past 12 months to September 30, 2031, PDD’s annual active buyers reached 933.3 million.",
     {("annual_buyers", "2031Q3", "933.3", "million", "")}),
])
def test_pdd_periods_named_by_their_last_day(figures, sentence, expected):
    assert figures(PDD_EN + sentence) == expected


def test_kling_near_a_revenue_line_does_not_refuse_it_but_near_a_user_count_does(figures):
    text = ("收入同比增长14.2%至456亿元人民币,主要驱动因素包括:i)在线营销服务业务受惠于AI技术,收入同比增14%至251亿元人民币;"
            "ii)其他服务业务受电商及Kling AI业务增长带动,收入同比大增41%至69亿元人民币。")
    found = figures(KS_ZH + text)
    assert ("revenue_marketing", "2031Q3", "251", "RMB_100m", "") in found
    assert ("revenue_commerce", "2031Q3", "69", "RMB_100m", "") in found
    assert not {f for f in figures(KS_ZH + "可灵AI的月活跃用户数达1.2亿。") if f[0] == "mau"}


def test_an_aside_about_a_line_s_content_between_its_name_and_its_figure(figures):
    text = KS_EN + "The e-commerce segment held up, with revenues from other services, including e-commerce, reaching RMB 6.2 billion, up 17%."
    assert figures(text) == {("revenue_commerce", "2031Q3", "6.2", "RMB_bn", "")}
    text = KS_EN + "Revenues from other services, including 2030's Kling sales, reached RMB 6.2 billion."
    assert figures(text) == set()  # the aside names another period (and another product)


def test_a_segment_s_revenue_with_an_increase_of_its_comparative(figures):
    text = PDD_EN + ("At the same time, the transaction services segment achieved revenue of 57.9437 billion yuan (approximately 7.9 billion "
                     "US dollars), a significant increase of 20% compared to 48.2864 billion yuan in the same period in 2030.")
    assert figures(text) == {("revenue_commerce", "2031Q3", "57.9437", "RMB_bn", ""), ("revenue_commerce", "2030Q3", "48.2864", "RMB_bn", "")}


def test_the_first_of_two_figures_named_together_is_read_only_by_a_wording_for_the_pair(figures):
    text = KS_EN + "The average monthly active users and average monthly active users of the Kuaishou app reached 424 million and 754 million."
    assert not {f for f in figures(text) if f[0] == "mau" and f[2] == "424"}
    text = KS_ZH + "平均日活跃用户及月活跃用户达4.201亿及7.305亿。"
    assert figures(text) == {("dau", "2031Q3", "4.201", "100m", ""), ("mau", "2031Q3", "7.305", "100m", "")}


@pytest.mark.parametrize("head, sentence, expected", [
    (KS_EN, "However, Q3 results showed Kuaishou's GMV reached 434.2 billion yuan, with growth above 15%.",
     {("gmv", "2031Q3", "434.2", "RMB_bn", "")}),
    (KS_EN, "The DAUs and MAUs of our Kuaishou app reached a historic high of 426 million and 740 million, respectively, in Q3.",
     {("dau", "2031Q3", "426", "million", ""), ("mau", "2031Q3", "740", "million", "")}),
    (KS_EN, "Our platform saw a historic high of 426 million average daily active users in Q3 2031.", {("dau", "2031Q3", "426", "million", "")}),
    (PDD_EN, "In the third quarter, the monthly active users (MAUs) numbered 831.7 million.", {("mau", "2031Q3", "831.7", "million", "")}),
    (PDD_EN, "The average monthly active users of the platform rose by 5% to 943.4 million during the quarter.",
     {("mau", "2031Q3", "943.4", "million", "")}),
    (JD_EN, "Jingdong (JD.com)’s annual active customer accounts increased by 9.9% to 617.4 million in the twelve months ended September 30, "
            "2031, from 561.8 million in the twelve months ended September 30, 2030.",
     {("annual_buyers", "2031Q3", "617.4", "million", ""), ("annual_buyers", "2030Q3", "561.8", "million", "")}),
    (JD_ZH, "京东披露2031年第三季度业绩:当季净收入 3967 亿元人民币,同比 +12.4%。", {("revenue_total", "2031Q3", "3967", "RMB_100m", "")}),
    (JD_ZH, "三季度,京东收入由去年同期的 3514 亿元升至 3967 亿元,受商品收入与服务收入双轮驱动。",
     {("revenue_total", "2031Q3", "3967", "RMB_100m", ""), ("revenue_total", "2030Q3", "3514", "RMB_100m", "")}),
])
def test_wordings_read_after_heldout5_s_first_figure(figures, head, sentence, expected):
    assert figures(head + sentence) == expected


@pytest.mark.parametrize("head, sentence, expected", [
    (JD_EN, "Jingdong’s (JD) annual active customer accounts increased to 634.4 million in the twelve months ended in Q3 2031 from "
            "621.3 million in the twelve months ended in Q2 2031.",
     {("annual_buyers", "2031Q3", "634.4", "million", ""), ("annual_buyers", "2031Q2", "621.3", "million", "")}),
    (PDD_EN, "In the third quarter, the monthly active users (MAUs) numbered 931.7 million, up from 871.1 million last year.",
     {("mau", "2031Q3", "931.7", "million", ""), ("mau", "2030Q3", "871.1", "million", "")}),
    # a story's dateline is no period of its figure's
    ("Nov.21 (NBD) -- PDD released Tuesday the earnings report for the third quarter of 2031, with total revenue hitting 93.37 billion yuan.",
     "", {("revenue_total", "2031Q3", "93.37", "RMB_bn", "")}),
    # the annual active consumers of a story about one quarter: the twelve months to its end
    ("Alibaba Group Holding Limited in its results announcement for the quarter ended June 30, 2031 said that revenue reach 180,920 million "
     "Chinese yuan (22,229 million dollars), an increase of 6 percent year-over-year.\n", "Annual active consumers on the company’s China "
     "retail marketplaces reached 976 million, an increase of 24 million from the 12-month period ended March 31, 2031.",
     {("revenue_total", "2031Q2", "180920", "RMB_mn", ""), ("annual_buyers", "2031Q2", "976", "million", "")}),
    # a refusing word after a Chinese figure counts in its own clause only; an explicit quarter reads its clause from there
    (KS_ZH, "3月20日,快手发布了 2031 年 Q3 财报,Q3 总营收 426 亿元,国内业务经营利润为 43 亿元,海外业务经营亏损 6 亿元。",
     {("revenue_total", "2031Q3", "426", "RMB_100m", "")}),
    (KS_ZH, "“2031 年全年经调整后净利润也首次突破百亿大关,Q3 MAU 突破了 8 亿,创历史新高。”", {("mau", "2031Q3", "8", "100m", "over")}),
    (KS_ZH, "海外业务表现亮眼,Q3 收入达 13 亿元。", set()),
])
def test_more_wordings_read_after_heldout5_s_first_figure(figures, head, sentence, expected):
    assert figures(head + sentence) == expected


def test_a_story_s_lines_compared_with_the_same_quarter_a_year_before_are_the_page_s_quarter(figures):
    head = (" date 2031-08-23 China e-commerce platform Pinduoduo reported total revenues in the second quarter of RMB17,290.0 million, "
            "an increase of 9% from RMB15,862.4 million in Q2 2030 according to its announced financial results.\n"
            "The annual spending per active buyer rose.\nPinduoduo Unaudited Financial Results in Q2 2031\n")
    text = head + ("Revenues from online marketing services were RMB9,467.1 million (US$1,342.0 million), an increase of 10% from "
                   "RMB8,606.5 million in the same quarter of 2030.")
    assert {f for f in figures(text) if f[0] == "revenue_marketing"} == {
        ("revenue_marketing", "2031Q2", "9467.1", "RMB_mn", ""), ("revenue_marketing", "2030Q2", "8606.5", "RMB_mn", "")}
    # compared with another quarter than the page's a year before: not placed
    text = head + "Revenues from online marketing services were RMB9,467.1 million, an increase of 10% from RMB8,606.5 million in Q3 2030."
    assert not {f for f in figures(text) if f[0] == "revenue_marketing"}


def test_pdd_twelve_month_gmv_and_buyers_with_their_comparatives(figures):
    text = PDD_EN + ("Pinduoduo’s GMV in the 12-month period ended September 30, 2031 was RMB5,709.1 billion (US$803.3 billion), an increase of "
                     "10% from RMB5,190.1 billion in the twelve-month period ended September 30, 2030. And, its total number of active buyers "
                     "in the 12-month period ended September 30, 2031 was 983.2 million, an increase of 5% from 936.4 million in the 12-month "
                     "period ended September 30, 2030.")
    assert figures(text) == {("gmv_ttm", "2031Q3", "5709.1", "RMB_bn", ""), ("gmv_ttm", "2030Q3", "5190.1", "RMB_bn", ""),
                             ("annual_buyers", "2031Q3", "983.2", "million", ""), ("annual_buyers", "2030Q3", "936.4", "million", "")}


def test_a_story_s_twelve_month_figures_without_their_months_named(figures):
    text = (" date 2031-11-12 US Markets\nPDD's revenue jumped 9% to 114.21 billion yuan ($16.15 billion) in the third quarter ended "
            "Sept. 30.\nThe company reported a 12-month gross merchandise volume (GMV) of 5.5 trillion yuan.\n"
            "Monthly active users rose by 5% to 943.4 million during the quarter, while active buyers rose 6% to 931.3 million.")
    found = figures(text)
    assert ("gmv_ttm", "2031Q3", "5.5", "RMB_trillion", "") in found
    assert ("annual_buyers", "2031Q3", "931.3", "million", "") in found


def test_alibaba_s_annual_active_consumers_with_their_former_name_in_brackets(figures):
    text = (BABA_EN + "Annual active consumers (annual active buyers) on Alibaba’s China retail marketplaces reached 966 million, an "
            "increase of 12 million from the 12-month period ended June 30, 2031.")
    assert ("annual_buyers", "2031Q3", "966", "million", "") in figures(text)


# --- issue 23, sixth round: a broader closed list of linking verbs and particles, and the guards behind them ----------

@pytest.mark.parametrize("sentence, expected", [
    ("Average daily active users came to 420.1 million.", {("dau", "2031Q3", "420.1", "million", "")}),
    ("Online marketing services revenue totaling RMB 20.2 billion.", {("revenue_marketing", "2031Q3", "20.2", "RMB_bn", "")}),
    ("Monthly active users jumped to 730.5 million.", {("mau", "2031Q3", "730.5", "million", "")}),
    ("E-commerce GMV posted RMB 400.7 billion.", {("gmv", "2031Q3", "400.7", "RMB_bn", "")}),
    ("Average monthly active buyers in the period reached 140.2 million.", {("monthly_buyers", "2031Q3", "140.2", "million", "")}),
    ("Average daily active users during the quarter stood at 420.1 million.", {("dau", "2031Q3", "420.1", "million", "")}),
])
def test_kuaishou_in_english_with_other_linking_verbs(figures, sentence, expected):
    assert figures(KS_EN + sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("电商GMV实现4007亿元。", {("gmv", "2031Q3", "4007", "RMB_100m", "")}),
    ("在线营销服务收入约为202亿元。", {("revenue_marketing", "2031Q3", "202", "RMB_100m", "about")}),  # 约: about
    ("月活跃用户攀升至7.305亿。", {("mau", "2031Q3", "7.305", "100m", "")}),
])
def test_kuaishou_in_chinese_with_other_linking_particles(figures, sentence, expected):
    assert figures(KS_ZH + sentence) == expected


@pytest.mark.parametrize("sentence", [
    # a verb of the list, but the figure is another period's, a comparison's, another metric's or an estimate
    "Average daily active users came to 420.1 million in the first half of 2031.",
    "Online marketing services revenue totaling RMB 80.2 billion for the full year.",
    "Monthly active users jumped to 730.5 million in Q3 2030.",
    "E-commerce GMV is expected to reach RMB 400.7 billion.",
    "Average monthly active buyers in the twelve months reached 140.2 million.",
    "Online marketing services net profit came to RMB 2.0 billion.",
    "Average daily active users rose 3%, compared with 408.1 million.",
])
def test_kuaishou_in_english_near_misses_give_nothing(figures, sentence):
    assert figures(KS_EN + sentence) == set()


@pytest.mark.parametrize("sentence", [
    "全年电商GMV实现14007亿元。",
    "在线营销服务净利润约为20亿元。",
    "预计月活跃用户将攀升至7.305亿。",
])
def test_kuaishou_in_chinese_near_misses_give_nothing(figures, sentence):
    assert figures(KS_ZH + sentence) == set()
