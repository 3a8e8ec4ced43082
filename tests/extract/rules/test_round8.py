"""The eighth rule round (issue 23): guards and wordings from heldout7's misses, in sentences of our own."""

from __future__ import annotations

import pytest

from kreport.extract.release import read_release

# --- a lead that announces a release still to come does not set the page's quarter ---------------------------------


@pytest.mark.parametrize("lead", [
    "Kuaishou will release its third-quarter 2031 earnings report on November 20th.",
    "Kuaishou is scheduled to report its Q3 2031 results next Tuesday.",
    "Analysts expect Kuaishou to report third-quarter 2031 revenue of 40 billion yuan.",
    "快手将于11月20日发布2031年第三季度业绩。",
    "快手將於11月20日公佈2031年第三季度業績。",
])
def test_a_lead_announcing_a_coming_release_does_not_set_the_quarter(lead):
    assert read_release(lead + "\nThe market is watching its e-commerce business.").period is None


def test_a_preview_reads_the_quarter_it_reviews_not_the_one_it_announces(figures):
    text = ("Kuaishou will release its third-quarter 2031 earnings report on November 20th. The market is watching.\n"
            "In the second quarter of 2031, Kuaishou achieved total revenue of 40.1 billion yuan, a year-on-year increase of 10.0%. "
            "Adjusted net profit reached 5.6 billion yuan. Average daily active users (DAU) reached 451 million, a record high.\n")
    assert figures(text) == {("revenue_total", "2031Q2", "40.1", "RMB_bn", ""), ("dau", "2031Q2", "451", "million", "")}


# --- a sentence naming no period after one naming another period never takes the page's quarter ----------------------


@pytest.mark.parametrize("before", [
    "In the second quarter of 2031, Kuaishou achieved total revenue of 40.1 billion yuan.",
    "For the full year 2030, Kuaishou's revenue was 150.2 billion yuan.",
    "Looking back at Q2 2031, the company grew steadily.",
])
def test_a_sentence_without_a_period_after_one_naming_another_is_not_the_pages(figures, before):
    text = ("Kuaishou reported its third quarter 2031 results on Tuesday.\n"
            f"{before} Average daily active users (DAU) reached 451 million, a record high.\n")
    assert not {f for f in figures(text) if f[0] == "dau"}


def test_a_sentence_without_a_period_after_one_naming_the_pages_quarter_is_read(figures):
    text = ("Kuaishou reported its third quarter 2031 results on Tuesday.\n"
            "In the third quarter of 2031, Kuaishou achieved total revenue of 40.1 billion yuan. "
            "Average daily active users (DAU) reached 451 million, a record high.\n")
    assert ("dau", "2031Q3", "451", "million", "") in figures(text)


# --- Chinese media wordings of Kuaishou's levels in 亿 with their comparatives (heldout7's 2022Q2 stories) ------------

KS_ZH_Q2 = "8月23日,快手科技发布2031年第二季度业绩。\n\n"


@pytest.mark.parametrize("sentence, expected", [
    ("二季度,快手GMV(电商交易总额)3912亿元,同比增长31.5%。", {("gmv", "2031Q2", "3912", "RMB_100m", "")}),
    ("快手第二季度平均月活跃用户7.9亿,较去年同期6.8亿增长16.2%。",
     {("mau", "2031Q2", "7.9", "100m", ""), ("mau", "2030Q2", "6.8", "100m", "")}),
    ("用户方面,快手第二季度平均月活跃用户7.9亿,较去年同期6.8亿增长16.2%;平均日活跃用户规模突破新高,同比增长10.0%达4.4亿,去年同期为4亿。",
     {("mau", "2031Q2", "7.9", "100m", ""), ("mau", "2030Q2", "6.8", "100m", ""),
      ("dau", "2031Q2", "4.4", "100m", ""), ("dau", "2030Q2", "4", "100m", "")}),
    ("3快手App平均日活跃用户(DAU)达到创纪录的4.473亿,比2030年同期的4.068亿增长了10.0%。",
     {("dau", "2031Q2", "4.473", "100m", ""), ("dau", "2030Q2", "4.068", "100m", "")}),
    ("2031年第二季度,快手来自在线营销服务的收入从2030年同期的200亿元增长至220亿元,增幅为10.0%。",
     {("revenue_marketing", "2031Q2", "220", "RMB_100m", ""), ("revenue_marketing", "2030Q2", "200", "RMB_100m", "")}),
    ("快手第二季度来自其他服务的收入达61亿元,与2030年同期的50亿元相比增长22.0%。",
     {("revenue_commerce", "2031Q2", "61", "RMB_100m", ""), ("revenue_commerce", "2030Q2", "50", "RMB_100m", "")}),
])
def test_kuaishou_chinese_media_levels_and_comparatives(figures, sentence, expected):
    assert figures(KS_ZH_Q2 + sentence) == expected


@pytest.mark.parametrize("sentence", [
    "快手第二季度平均月活跃用户7.9亿,较去年同期6.8亿增长30.0%。",  # the stated change does not fit the pair
    "快手上半年平均月活跃用户7.9亿;平均日活跃用户同比增长10.0%达4.4亿。",  # the half year named before the clause
    "二季度,快手GMV(电商交易总额)3912亿元,超越彭博市场一致预期的3809亿元;快手预计第三季度GMV达4000亿元。",  # the forecast
])
def test_kuaishou_chinese_media_wordings_left_out(figures, sentence):
    found = figures(KS_ZH_Q2 + sentence)
    assert not {f for f in found if f[2] in ("7.9", "6.8", "4.4", "4", "4000", "3809")}


# --- machine translations of releases into traditional Chinese (heldout7's PDD and Alibaba translations) ---------------

PDD_ZH_Q1 = "拼多多公佈2031年第一季度未經審計 財務業績\n\n2031年第一季度亮點\n\n"


@pytest.mark.parametrize("sentence, expected", [
    ("·該季度的總收入為人民幣337.937億元(美元)47.534億),較2030年同期的人民幣307.216億元增長了10%。",
     {("revenue_total", "2031Q1", "337.937", "RMB_100m", ""), ("revenue_total", "2030Q1", "307.216", "RMB_100m", "")}),
    ("·平均每月活躍用户2該季度的 為9.513億,較2030年同期的9.146億增長了4%。",
     {("mau", "2031Q1", "9.513", "100m", ""), ("mau", "2030Q1", "9.146", "100m", "")}),
    ("·活躍買家3在截至2031年3月31日的十二個月期間, 為9.819億,較截至2030年3月31日的十二個月期間的9.166億增長了7%。",
     {("annual_buyers", "2031Q1", "9.819", "100m", ""), ("annual_buyers", "2030Q1", "9.166", "100m", "")}),
])
def test_pdd_traditional_chinese_translation(figures, sentence, expected):
    assert figures(PDD_ZH_Q1 + sentence) == expected


def test_a_translated_change_that_does_not_fit_leaves_the_pair_out(figures):
    assert figures(PDD_ZH_Q1 + "·平均每月活躍用户2該季度的 為9.513億,較2030年同期的9.146億增長了14%。") == set()


def test_a_translated_quarter_heading_with_a_stray_comma_opens_the_block(figures):
    text = ("阿里巴巴集團公佈2031財年3月季度和全年業績\n業務亮點\n在截至2031年3月31日的季度中, :\n"
            "· 收入 為人民幣3082億元(合433.16億美元),同比增長2%。\n")
    assert figures(text) == {("revenue_total", "2031Q1", "3082", "RMB_100m", "")}


def test_a_revenue_lines_year_named_in_a_translated_sentence(figures):
    text = ("京东公布2031年第四季度及全年业绩\n\n"
            "2031年全年的净服务收入为人民币2359亿元(313亿美元),比2030年全年增长14.7%。")
    assert figures(text) == {("revenue_commerce", "2031", "2359", "RMB_100m", "")}


# --- a summary that gives the year's lines before the quarter's (heldout7's CIW page on PDD) ---------------------------

PDD_SUMMARY = (
    "Pinduoduo generated 971.6 billion yuan (US$140.6 billion) in GMV in the twelve-month period ended December 31, 2031, an increase of "
    "34% year-on-year. Average monthly active users in the fourth quarter were 572.6 million, an increase of 13% year-on-year.\n"
    "In the twelve-month period ended December 31, 2031, the number of Pinduoduo’s active buyers was 818.5 million, an increase of 11% "
    "year-on-year.\n"
    "Total revenues were 23,120.0 million yuan (US$3,908.2 million), a 52% increase year-on-year.\n"
    "- revenues from online marketing services grew by 52% year-on-year to 21,515.6 million yuan (US$3,674.9 million);\n"
    "- revenues from transaction services grew by 22% to 1,604.4 million yuan (US$233.4 million).\n"
    "In the fourth quarter, revenues went up by 37% year-on-year or 8% quarter-on-quarter to 7,653.9 million (US$1,122.3 million).\n"
    "- revenues from online marketing services increased by 40% year-on-year or 7% quarter-on-quarter to 7,062.4 million yuan (US$1,036.3 million);\n"
    "- revenues from transaction services increased by 10% year-on-year or 4% quarter-on-quarter to 591.5 million yuan (US$86.0 million).\n")


def test_a_summary_gives_the_quarters_list_items_and_leaves_the_years_unread(figures):
    assert figures(PDD_SUMMARY) == {
        ("gmv_ttm", "2031Q4", "971.6", "RMB_bn", ""), ("mau", "2031Q4", "572.6", "million", ""),
        ("annual_buyers", "2031Q4", "818.5", "million", ""),
        ("revenue_marketing", "2031Q4", "7062.4", "RMB_mn", ""), ("revenue_commerce", "2031Q4", "591.5", "RMB_mn", "")}


def test_list_items_after_a_sentence_naming_another_quarter_are_unread(figures):
    text = PDD_SUMMARY.replace("In the fourth quarter, revenues", "In the third quarter, revenues")
    assert not {f for f in figures(text) if f[2] in ("7062.4", "591.5")}


# --- a history: several periods' counts in one sentence, each named --------------------------------------------------


def test_a_history_sentence_gives_each_count_its_own_period(figures):
    text = ("Pinduoduo (Part 2): Business Performance\n\nThe number of active buyers on the Pinduoduo platform has more than tripled "
            "over the past four years, from 344.8 million active buyers in 2027 to 888.4 million in 2030 and 923.8 million in the first "
            "quarter of 2031.\n")
    assert figures(text) == {("annual_buyers", "2027Q4", "344.8", "million", ""), ("annual_buyers", "2030Q4", "888.4", "million", ""),
                             ("annual_buyers", "2031Q1", "923.8", "million", "")}


@pytest.mark.parametrize("sentence", [
    "The number of active buyers on the platform has tripled, from 344.8 million active buyers in 2027 to 888.4 million.",  # no period
    "The number of active buyers could reach 1,000 million, from 344.8 million in 2027 to 888.4 million in 2030 and 923.8 million in 2033.",
])
def test_a_history_without_every_period_or_with_an_estimate_is_unread(figures, sentence):
    found = figures("Pinduoduo (Part 2): Business Performance\n\n" + sentence + "\n")
    assert not {f for f in found if f[2] in ("888.4", "923.8")}


# --- a story's revenue right after the sentence saying the quarter's results were announced ----------------------------


def test_revenue_right_after_the_announcement_of_the_quarters_results(figures):
    text = ("Alibaba’s retail marketplaces gain users\n\nAlibaba yesterday announced its financial results for the second quarter of 2031, "
            "ending June 30. The tech and e-commerce giant obtained a revenue of 253,751 million RMB (US$35,762 million), an increase of 34% "
            "year-on-year.\n\nIt applied for more patents in the first half of 2031 than in the whole of 2030.\n")
    assert figures(text) == {("revenue_total", "2031Q2", "253751", "RMB_mn", "")}


def test_revenue_after_an_announcement_of_another_quarter_is_unread(figures):
    text = ("Alibaba’s retail marketplaces gain users\n\nAlibaba yesterday announced its financial results for the first quarter of 2031. "
            "It said the June quarter of 2031 was strong. The tech and e-commerce giant obtained a revenue of 253,751 million RMB.\n\n"
            "It applied for more patents in the first half of 2031.\n")
    assert figures(text) == set()


# --- a broker's review: the quarter glued before the metric, the year named in the sentence ------------------------------

KS_BROKER = "Kuaishou 2031Q4 results review: e-commerce grows.\n\n"


@pytest.mark.parametrize("sentence, expected", [
    ("Kuaishou achieved revenue of 42.6 billion yuan in 2031Q4, yoy +15%.", {("revenue_total", "2031Q4", "42.6", "RMB_bn", "")}),
    ("Driven by the Double 11 promotion, Q4 e-commerce GMV reached 503.9 billion yuan, yoy +29%.", {("gmv", "2031Q4", "503.9", "RMB_bn", "")}),
    ("On the user side, the average number of 2031Q4 monthly buyers reached 150 million, and the penetration rate rose to 18.6%.",
     {("monthly_buyers", "2031Q4", "150", "million", "")}),
    ("GMV for the full year of 2031 was 1.58 trillion yuan, up 31% year over year.", {("gmv", "2031", "1.58", "RMB_trillion", "")}),
])
def test_broker_review_wordings(figures, sentence, expected):
    assert figures(KS_BROKER + sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Kuaishou achieved revenue of 42.6 billion yuan in 2031Q3, yoy +15%.",  # another quarter
    "Driven by the Double 11 promotion, Q3 e-commerce GMV reached 503.9 billion yuan.",  # another quarter
    "Q4 e-commerce GMV is expected to reach 503.9 billion yuan.",  # an estimate
])
def test_broker_review_wordings_left_out(figures, sentence):
    assert figures(KS_BROKER + sentence) == set()


# --- parts against the total at every figure's published precision; a record high; a calendar year's revenue ----------


def test_parts_are_checked_against_the_total_allowing_for_the_totals_rounding(figures):
    text = ("PDD Holdings reported its Q1 2031 results on Tuesday.\n\n"
            "Pinduoduo's Q1 2031 revenue reached 96.8 billion yuan, a year-on-year increase of 31%. "
            "Pinduoduo's advertising revenue in Q1 2031 was 52.46 billion yuan. Commission revenue in Q1 2031 was 44.4 billion yuan.\n")
    assert figures(text) == {("revenue_total", "2031Q1", "96.8", "RMB_bn", ""), ("revenue_marketing", "2031Q1", "52.46", "RMB_bn", ""),
                             ("revenue_commerce", "2031Q1", "44.4", "RMB_bn", "")}
    assert not {f for f in figures(text.replace("44.4", "44.5")) if f[0] != "revenue_total"}


def test_a_record_high_and_a_calendar_years_revenue_with_its_comparative(figures):
    text = ("Kuaishou reported its Q4 2031 results.\n\n"
            "Average monthly active users reached a record high of 800.4 million in Q4 2031, with a year-on-year increase of 10.5%.\n"
            "Total revenue for 2031 reached RMB 213,470 million, representing a year-on-year increase of 20.5% from RMB 177,154 million in 2030.\n")
    assert figures(text) == {("mau", "2031Q4", "800.4", "million", ""), ("revenue_total", "2031", "213470", "RMB_mn", ""),
                             ("revenue_total", "2030", "177154", "RMB_mn", "")}
    assert ("revenue_total", "2030", "177154", "RMB_mn", "") not in figures(text.replace("20.5%", "30.5%"))


# --- a run-together summary's list item; Alibaba's mobile MAUs named with the company's marketplaces ---------------------


def test_a_run_together_list_item_is_read_from_its_dash(figures):
    text = ("Workflow\nKUAISHOU\n快手(01024) - 2031 - 年度财报\n2032-04-22 08:36\nFinancial Performance - Total revenue for 2031 reached "
            "RMB 213,470 million, representing a year-on-year increase of 20.5% from RMB 177,154 million in 2030[13] - Gross profit for 2031 "
            "was RMB 57,391 million[13] - In Q4 2031, Kuaishou's average daily active users reached 482.5 million.\n")
    assert ("revenue_total", "2031", "213470", "RMB_mn", "") in figures(text)


def test_the_words_before_a_dash_still_count_when_the_wording_does_not_open_the_item(figures):
    text = ("Kuaishou reported its Q4 2031 results.\n\n"
            "For the first half - as the company put it - revenue was RMB 80.5 billion.\n")
    assert figures(text) == set()


def test_alibabas_mobile_maus_on_alibabas_marketplaces_in_a_month(figures):
    text = ("Alibaba’s annual active consumers on its China retail marketplaces reached 911 million for the twelve months ended March 31, "
            "2031, an increase of 32 million from 2030, according to its quarterly financial results. Mobile MAUs on Alibaba’s China retail "
            "marketplaces reached 1,025 million in March 2031, an increase of 23 million over December 2030.\n")
    assert ("mau", "2031Q1", "1025", "million", "") in figures(text)


def test_a_dash_after_words_naming_a_year_is_no_list_item(figures):
    text = "Kuaishou's Q4 2031: a strong quarter.\n\nIn 2030 - revenue was RMB 80.5 billion, the company said.\n"
    assert figures(text) == set()
