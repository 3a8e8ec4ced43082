"""The tenth rule round (issue 23): wordings and guards from the misses of heldout2 to heldout8, in sentences of our own."""

from __future__ import annotations

import pytest

from kreport.extract.cleaning import matchable
from kreport.extract.periods import plain_periods

# --- Chinese fiscal quarters: glossed with their calendar quarter, named by number alone, 财季, and the fiscal year ------------


@pytest.mark.parametrize("sentence, plain", [
    ("阿里巴巴集团发布了2031财年第一季度财报(截至2030年6月30日)。", "阿里巴巴集团发布了2030年第二季度财报。"),
    ("阿里巴巴集团公布2031财年第二财季(自然年2030年三季度)业绩", "阿里巴巴集团公布2030年第三季度业绩"),
    ("阿里巴巴集团公布2031财年第四季度(即2031年第一季度)业绩", "阿里巴巴集团公布2031年第一季度业绩"),
])
def test_a_chinese_fiscal_quarter_with_an_agreeing_gloss_is_written_plainly(sentence, plain):
    assert plain_periods(matchable(sentence), 3) == plain


@pytest.mark.parametrize("sentence, end", [
    ("阿里巴巴集团发布了2031财年第一季度财报(截至2030年9月30日)。", 3),  # the gloss disagrees: left as written
    ("阿里巴巴集团公布2031财年第二财季(自然年2030年二季度)业绩", 3),
    ("快手发布了2031财年第一季度财报(截至2030年6月30日)。", 12),  # a calendar-year company's calendar gives another quarter
])
def test_a_chinese_fiscal_quarter_whose_gloss_disagrees_is_left_as_written(sentence, end):
    assert plain_periods(matchable(sentence), end) == matchable(sentence)


ALI_Q2 = "8月10日晚,阿里巴巴集团发布了2031财年第一季度财报(截至2030年6月30日)。"


def test_its_revenue_after_the_results_show_is_the_companys(figures):
    text = ALI_Q2 + "财报显示,其实现营收2341.6亿元(人民币,下同),同比增长14%。\n"
    assert figures(text, "alibaba") == {("revenue_total", "2030Q2", "2341.6", "RMB_100m", "")}


@pytest.mark.parametrize("sentence", [
    "淘天集团本季度表现亮眼,其实现营收1149.53亿元,同比增长12%。",  # "其" after another subject: not read
    "淘天集团财报显示,其实现营收1149.53亿元,同比增长12%。",  # a part of the company: never its total
    "财报显示,阿里云实现营收251.23亿元,同比增长4%。",  # 阿里云 is no short name for the company
    "财报显示,阿里国际数字商业集团实现营收261.43亿元。",
])
def test_a_part_or_another_subject_is_not_the_companys_revenue(figures, sentence):
    assert not figures(ALI_Q2 + sentence + "\n", "alibaba")


ALI_FQ4 = "阿里巴巴集团公布2031财年第四季度及全年业绩。"


def test_a_fiscal_quarter_by_number_alone_on_a_page_naming_it_with_its_fiscal_year(figures):
    text = ALI_FQ4 + "财报显示,四季度阿里实现营收2040.52亿元,同比增长9%。\n"
    assert figures(text, "alibaba") == {("revenue_total", "2031Q1", "2040.52", "RMB_100m", "")}


def test_a_quarter_by_number_alone_is_not_the_fiscal_one_on_a_page_that_does_not_name_it(figures):
    text = "阿里巴巴集团公布截至2031年3月31日止季度业绩。财报显示,四季度阿里实现营收2040.52亿元,同比增长9%。\n"
    assert not figures(text, "alibaba")


def test_the_fiscal_quarter_of_a_glossed_page_reads_its_revenue(figures):
    text = "11月17日消息,阿里巴巴集團公布2031財年第二財季(自然年2030年三季度)業績,財季收入人民幣2071.76億元,同比增長3%,好于市場預期。\n"
    assert figures(text, "alibaba") == {("revenue_total", "2030Q3", "2071.76", "RMB_100m", "")}


@pytest.mark.parametrize("sentence", [
    "市场预计下一财季收入人民币2200亿元。",  # a forecast
    "第三财季收入人民币2200亿元。",  # another fiscal quarter than the page's (its second)
])
def test_another_fiscal_quarter_or_a_forecast_is_not_read(figures, sentence):
    text = "11月17日消息,阿里巴巴集团公布2031财年第二财季(自然年2030年三季度)业绩。" + sentence + "\n"
    assert not figures(text, "alibaba")


def test_a_fiscal_years_revenue_named_with_its_fiscal_year(figures):
    text = ALI_FQ4 + "报告显示,2031财年,阿里实现营收8530.62亿元,同比增长19%。\n"
    assert ("revenue_total", "FY2031", "8530.62", "RMB_100m", "") in figures(text, "alibaba")


@pytest.mark.parametrize("sentence", [
    "2032财年,阿里营收预计将达9000亿元。",  # a forecast
    "2031财年,阿里云实现营收800亿元。",  # a part
])
def test_a_fiscal_years_forecast_or_part_is_not_read(figures, sentence):
    assert not {f for f in figures(ALI_FQ4 + sentence + "\n", "alibaba") if f[1].startswith("FY")}


# --- a Chinese sentence opening with a quarter without its year ------------------------------------------------------------

KS_Q2 = "8月20日,快手科技发布2031年第二季度业绩。\n"


def test_a_quarter_without_its_year_opening_the_sentence_is_the_pages(figures):
    text = KS_Q2 + ("二季度,快手总流量创历史新高,营收同比增13.1%至350亿元,超过市场预期的344.5亿元;平均日活跃用户达4.09亿,同比增长3.4%,"
                    "平均月活跃用户达7.15亿,同比增长3.3%。\n")
    found = figures(text, "kuaishou")
    assert {("dau", "2031Q2", "4.09", "100m", ""), ("mau", "2031Q2", "7.15", "100m", "")} <= found


@pytest.mark.parametrize("sentence", [
    "三季度,快手平均日活跃用户达4.2亿。",  # another quarter than the page's
    "二季度,市场预计快手平均日活跃用户将达4.2亿。",  # a forecast
    "二季度,快手海外平均日活跃用户达4.2亿。",  # another product's users
])
def test_another_quarter_opening_the_sentence_or_a_forecast_is_not_read(figures, sentence):
    assert not {f for f in figures(KS_Q2 + sentence + "\n", "kuaishou") if f[0] == "dau"}


# --- JD's annual active customers: the change before the pair, and "as of the end of the quarter" ------------------------

JD_Q3 = "11月18日,京东集团发布2031年第三季度业绩。\n"


def test_the_change_before_the_pair_reads_both_twelve_month_figures(figures):
    text = JD_Q3 + "年度活跃客户帐户3在截至2031年9月30日的12个月内,增长了6.5%,从截至2030年9月30日的12个月的5.522亿增加到5.883亿。\n"
    assert figures(text, "jd") == {("annual_buyers", "2031Q3", "5.883", "100m", ""), ("annual_buyers", "2030Q3", "5.522", "100m", "")}


def test_a_change_that_does_not_fit_the_pair_leaves_both_out(figures):
    text = JD_Q3 + "年度活跃客户帐户3在截至2031年9月30日的12个月内,增长了16.5%,从截至2030年9月30日的12个月的5.522亿增加到5.883亿。\n"
    assert not figures(text, "jd")


def test_the_end_of_the_pages_quarter_gives_the_twelve_months_to_it(figures):
    text = JD_Q3 + "截至三季度末,京东集团的年度活跃用户数达到5.883亿,环比净增超过750万。\n"
    assert figures(text, "jd") == {("annual_buyers", "2031Q3", "5.883", "100m", "")}


@pytest.mark.parametrize("sentence", [
    "截至二季度末,京东集团的年度活跃用户数达到5.803亿。",  # another quarter's end (no year: never another's)
    "截至2030年三季度末,京东集团的年度活跃用户数达到5.522亿。",  # a year before, named as the figure's own: not this page's
    "截至三季度末,京东集团的年度活跃用户数预计将达到6亿。",  # a forecast
])
def test_another_quarters_end_or_a_forecast_is_not_read(figures, sentence):
    assert not {f for f in figures(JD_Q3 + sentence + "\n", "jd") if f[1] == "2031Q3"}


# --- a Chinese comparative after the figure's amount in dollars ("(约71.254亿美元),相较2030年同期的...") ---------------------

PDD_Q3 = "11月21日,拼多多发布2031年第三季度业绩。\n"


def test_a_comparative_after_the_dollar_amount_is_read_with_its_change(figures):
    text = PDD_Q3 + "交易服务收入为500.03亿元人民币(约71.254亿美元),相较2030年同期的291.527亿元人民币增长了72%。\n"
    assert figures(text, "pdd") == {("revenue_commerce", "2031Q3", "500.03", "RMB_100m", ""),
                                    ("revenue_commerce", "2030Q3", "291.527", "RMB_100m", "")}


def test_a_comparative_whose_change_does_not_fit_is_left_out(figures):
    text = PDD_Q3 + "交易服务收入为500.03亿元人民币(约71.254亿美元),相较2030年同期的291.527亿元人民币增长了27%。\n"
    assert not figures(text, "pdd")


def test_a_comparative_of_another_year_is_not_the_year_before(figures):
    text = PDD_Q3 + "交易服务收入为500.03亿元人民币(约71.254亿美元),相较2029年同期的291.527亿元人民币大幅增长。\n"
    assert ("revenue_commerce", "2029Q3", "291.527", "RMB_100m", "") not in figures(text, "pdd")
    assert ("revenue_commerce", "2030Q3", "291.527", "RMB_100m", "") not in figures(text, "pdd")


# --- English summaries: an item after its dash, Kuaishou's advertising revenue, "Revenue: CN¥35.5b" ------------------------

def test_a_summarys_item_after_its_dash_names_its_quarter(figures):
    text = ("Investment Rating - The report maintains a Buy rating for PDD. Summary by Sections Financial Performance - Q3 2031 revenue "
            "reached 99.35 billion yuan, a 44.33% increase year-on-year, with GAAP net profit at 24.98 billion yuan.\n")
    assert ("revenue_total", "2031Q3", "99.35", "RMB_bn", "") in figures(text, "pdd")


@pytest.mark.parametrize("item", [
    "Financial Performance - Q3 2031 revenue is expected to reach 99.35 billion yuan.",  # a forecast
    "Financial Performance - Q3 2031 Temu revenue reached 99.35 billion yuan.",  # a part
])
def test_a_dashed_item_that_forecasts_or_names_a_part_is_not_read(figures, item):
    assert not {f for f in figures("Summary by Sections. " + item + "\n", "pdd") if f[0] == "revenue_total"}


def test_kuaishous_advertising_revenue_is_its_online_marketing_revenue(figures):
    text = ("The report maintains a Recommended rating for Kuaishou-W. The company reported a total revenue of RMB 30.975 billion for "
            "Q2 2031, representing a year-over-year increase of 11.6%. - The company's advertising revenue for Q2 2031 was RMB 17.52 "
            "billion, a 22.1% increase year-over-year.\n")
    assert ("revenue_marketing", "2031Q2", "17.52", "RMB_bn", "") in figures(text, "kuaishou")


@pytest.mark.parametrize("sentence", [
    "The company's external advertising revenue for Q2 2031 was RMB 10.2 billion.",  # a part of the line
    "The company's advertising revenue for Q3 2031 is expected to be RMB 19 billion.",  # a forecast
    "The company's advertising revenue for Q2 2030 was RMB 14.35 billion.",  # another quarter
])
def test_a_part_a_forecast_or_another_quarters_advertising_revenue_is_not_read(figures, sentence):
    text = "Kuaishou reported its Q2 2031 results on Tuesday, with total revenue of RMB 30.975 billion for Q2 2031. " + sentence + "\n"
    assert not {f for f in figures(text, "kuaishou") if f[0] == "revenue_marketing"}


SUMMARY = "Pinduoduo Third Quarter 2031 Earnings: Beats Expectations\n\nPinduoduo (NASDAQ:PDD) Third Quarter 2031 Results\n\n"


def test_a_summarys_revenue_item_with_a_yuan_sign(figures):
    text = SUMMARY + "  • Revenue: CN¥35.5b (up 65% from 3Q 2030).\n\n  • Net income: CN¥10.6b (up by CN¥8.95b from 3Q 2030).\n"
    assert figures(text, "pdd") == {("revenue_total", "2031Q3", "35.5", "RMB_bn", "")}


@pytest.mark.parametrize("item", [
    "  • Revenue: CN¥35.5b (up 65% from 2Q 2031).",  # a change from the quarter before: the figure's quarter is in doubt? read as is
    "  • Revenue: US$5.0b (up 65% from 3Q 2030).",  # US dollars: never
    "  • Revenue: CN¥35.5b (up 65% from 3Q 2028).",  # a change from another year than the year before
    "  • Revenue forecast: CN¥40.0b.",
])
def test_a_summarys_item_in_dollars_or_against_another_year_is_not_read(figures, item):
    found = figures(SUMMARY + item + "\n", "pdd")
    assert not {f for f in found if f[0] == "revenue_total" and f[2] != "35.5"}
    if "2028" in item or "US$" in item:
        assert not found


# --- a summary's list of items ending with semicolons, its first item naming the page's quarter ---------------------------

# the page names the full year too, so it is no story about its quarter alone (which would place every figure in it)
HIGHLIGHTS = ("$KUAISHOU-W(01024)$ 2031Q4 results validate the strategy:\nAI-enabled advertising lifted the full-year results.\n"
              "Performance\nCore Data Highlights\n")


def test_items_of_a_semicolon_list_go_on_with_the_quarter_its_first_item_names(figures):
    text = HIGHLIGHTS + ("Q4 revenue of RMB35.4bn (+8.7% yoy), slightly exceeding market expectation of RMB34.8bn;\n"
                         "Adjusted net profit of 4.7 billion yuan (+7.8% yoy), full-year adjusted net profit of 17.7 billion yuan (+72.5% yoy);\n"
                         "Daily active users 401 million (+4.8% yoy), monthly active users 734 million (+5.0% yoy);\n"
                         "Online marketing revenue of RMB20.6 billion (+13.3% yoy) and e-commerce GMV of RMB462.1 billion (+14.4% yoy);\n"
                         "Overseas revenue grew 52.9%.\n")
    assert {("dau", "2031Q4", "401", "million", ""), ("mau", "2031Q4", "734", "million", ""),
            ("revenue_marketing", "2031Q4", "20.6", "RMB_bn", ""), ("gmv", "2031Q4", "462.1", "RMB_bn", "")} <= figures(text, "kuaishou")


@pytest.mark.parametrize("items", [
    # an item opening with another period breaks the list: what follows may be the year's
    "Q4 revenue of RMB35.4bn (+8.7% yoy);\nFull-year revenue of RMB126.9bn (+11.8% yoy);\nDaily active users 401 million (+4.8% yoy);\n",
    # the list's first item names no quarter
    "Revenue of RMB35.4bn (+8.7% yoy);\nDaily active users 401 million (+4.8% yoy);\n",
    # the first item names the year
    "2031 revenue of RMB126.9bn (+11.8% yoy);\nDaily active users 401 million (+4.8% yoy);\n",
    # the list ended (a full stop) before the item; the sentence between names no period
    "Q4 revenue of RMB35.4bn (+8.7% yoy);\nOverseas revenue grew 52.9%.\nThe market gave positive comments.\nDaily active users 401 million (+4.8% yoy);\n",
])
def test_an_item_after_another_period_or_outside_a_list_naming_the_quarter_is_not_placed(figures, items):
    assert not {f for f in figures(HIGHLIGHTS + items, "kuaishou") if f[0] == "dau"}


# --- a dated story's quarter, its lead also naming other companies' quarters ----------------------------------------------

def _story(date: str) -> str:
    return (f"date {date} Adds share price, background\n\n"
            "Nov 28 (Reuters) - China's Pinduoduo Inc PDD.O beat Wall Street estimates for third-quarter revenue on Monday.\n\n"
            "Pinduoduo's revenue increased 65% to 35.50 billion yuan ($4.99 billion) in the quarter ended Sept. 30, surpassing estimates "
            "of 30.94 billion yuan, according to Refinitiv data.\n\n"
            "JD.com Inc posted an 11.4% rise in third-quarter revenue last week.\n\n"
            "Rival Alibaba Group Holding Ltd reported 3% revenue growth for the second quarter.\n")


def test_a_dated_story_is_placed_by_the_quarter_its_own_sentences_name(figures):
    assert figures(_story("2031-11-28"), "pdd") == {("revenue_total", "2031Q3", "35.50", "RMB_bn", "")}


@pytest.mark.parametrize("date", ["2032-02-20", "2031-09-15"])  # long after that quarter ended (or before it ended: the year before's)
def test_a_story_dated_long_after_the_quarter_is_not_placed(figures, date):
    assert not figures(_story(date), "pdd")


def test_a_story_whose_own_sentences_name_two_quarters_is_not_placed(figures):
    text = _story("2031-11-28") + "Pinduoduo's second-quarter revenue had risen 36%.\n"
    assert not figures(text, "pdd")


# --- the year a company was founded is no period of a figure ---------------------------------------------------------------

PDD_STORY = "PDD Holdings saw its revenue almost double in the third quarter of 2031 from a year ago.\n"


def test_the_year_the_company_was_founded_is_no_period_of_the_figure(figures):
    text = PDD_STORY + ("The online retailer, conceived in 2015 by founder Colin Huang, on Tuesday reported a 94 per cent surge in "
                        "third-quarter revenue to 68.8 billion yuan (US$9.6 billion), beating estimates.\n")
    assert figures(text, "pdd") == {("revenue_total", "2031Q3", "68.8", "RMB_bn", "")}


@pytest.mark.parametrize("sentence", [
    "The online retailer, which in 2030 reported a 94 per cent surge in revenue to 68.8 billion yuan, grew again.",
    "The online retailer, conceived in 2015, reported for fiscal 2030 a 94 per cent surge in revenue to 68.8 billion yuan.",
])
def test_a_year_named_otherwise_still_leaves_the_figure_out(figures, sentence):
    assert not {f for f in figures(PDD_STORY + sentence + "\n", "pdd") if f[2] == "68.8"}


# --- Alibaba's active consumers named otherwise, right after a sentence giving the page's quarter's figure ---------------------

# (its full-year outlook: no story about one quarter alone, where any active-consumer count would be the quarter's)
ALI_EN = "Alibaba announced its financial results for the second quarter of 2031 on Thursday.\nThe market was calm about its full-year outlook.\n"


def test_active_consumers_after_a_sentence_naming_the_quarter_are_the_twelve_months_to_its_end(figures):
    text = ALI_EN + ("Total revenue for the second quarter of 2031 was RMB 153.8 billion. The number of consumers active on Alibaba's "
                     "China-based retail marketplaces reached 742 million, an increase of 16 million from the end of March.\n")
    assert ("annual_buyers", "2031Q2", "742", "million", "") in figures(text, "alibaba")


@pytest.mark.parametrize("sentence", [
    # the sentence before is about another quarter
    "Total revenue for the first quarter of 2031 was RMB 130.2 billion. The number of consumers active on Alibaba's China-based retail "
    "marketplaces reached 726 million.",
    # a forecast
    "Total revenue for the second quarter of 2031 was RMB 153.8 billion. The number of consumers active on Alibaba's China-based retail "
    "marketplaces is expected to reach 800 million.",
    # the sentence before gave no figure and named no quarter
    "The market was upbeat. The number of consumers active on Alibaba's China-based retail marketplaces reached 742 million.",
])
def test_active_consumers_after_another_quarter_or_forecast_are_not_read(figures, sentence):
    assert not {f for f in figures(ALI_EN + sentence + "\n", "alibaba") if f[0] == "annual_buyers"}


# --- the page's quarter goes on through a sentence that names no period and gives its figure ---------------------------------

def test_the_quarter_goes_on_through_a_sentence_placed_by_it(figures):
    text = ("Alibaba yesterday announced its financial results for the second quarter of 2031, ending June 30. The tech and e-commerce giant "
            "obtained a revenue of 153,751 million RMB (US$21,762 million), an increase of 34% year-on-year.\n\n"
            "The number of consumers active on Alibaba's China-based retail marketplaces reached 742 million, an increase of 16 million "
            "from the end of March. Its full-year outlook was unchanged.\n")
    assert figures(text, "alibaba") == {("revenue_total", "2031Q2", "153751", "RMB_mn", ""), ("annual_buyers", "2031Q2", "742", "million", "")}


@pytest.mark.parametrize("middle", [
    "For the full year, the tech and e-commerce giant obtained a revenue of 609.1 billion RMB.",  # names another period
    "The tech and e-commerce giant's shares rose 3%.",  # gives no figure of the quarter
])
def test_the_quarter_does_not_go_on_through_another_period_or_a_sentence_without_its_figure(figures, middle):
    text = ("Alibaba yesterday announced its financial results for the second quarter of 2031, ending June 30. " + middle + "\n\n"
            "The number of consumers active on Alibaba's China-based retail marketplaces reached 742 million. Its full-year outlook was "
            "unchanged.\n")
    assert not {f for f in figures(text, "alibaba") if f[0] == "annual_buyers"}


# --- a sentence a page broke across blank lines ----------------------------------------------------------------------------

def _texts(text: str) -> list[str]:
    from kreport.extract.sentences import segments

    return [" ".join(s.text.split()) for s in segments(text)]


def test_a_sentence_broken_across_blank_lines_is_joined():
    text = ("  • Complete revenues\n\n    within the quarter have been RMB103,984.8 million (US$\n\n    1\n\n"
            "    14,515.7 million), a rise of seven% from RMB97,059.5 million in the identical quarter of 2030.\n")
    assert _texts(text) == ["Complete revenues within the quarter have been RMB103,984.8 million (US$ 1 14,515.7 million), a rise of seven% "
                            "from RMB97,059.5 million in the identical quarter of 2030."]


@pytest.mark.parametrize("text, pieces", [
    ("Revenue grew strongly.\n\nrevenue from ads rose 10%.\n", 2),  # the run before ended a sentence
    ("Revenue highlights\n\nRevenue was RMB 10 billion.\n", 2),  # the next line opens with a capital
    ("Revenue highlights\n\n• revenue was RMB 10 billion.\n", 2),  # a bullet
    ("快手收入为\n\nabc 10亿元。\n", 2),  # Chinese: never joined
    ("Revenue was RMB 10 billion (US$\n\nSee the table below.\n", 2),  # an open bracket, but the next line is a new sentence
])
def test_pieces_a_blank_line_rightly_separates_stay_apart(text, pieces):
    assert len(_texts(text)) == pieces


def test_the_spun_releases_revenue_and_its_comparative_are_read(figures):
    text = ("PDD Holdings Inc. Reports Second Quarter 2031 Financial Results\n\nSecond Quarter 2031 Highlights\n\n"
            "  • Complete revenues\n\n    within the quarter have been RMB103,984.8 million (US$\n\n    1\n\n"
            "    14,515.7 million), a rise of seven% from RMB97,059.5 million in the identical quarter of 2030.\n")
    assert figures(text, "pdd") == {("revenue_total", "2031Q2", "103984.8", "RMB_mn", ""), ("revenue_total", "2030Q2", "97059.5", "RMB_mn", "")}
