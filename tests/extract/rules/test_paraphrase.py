"""Paraphrased revenue wordings every company's pages use (kreport/extract/rules/paraphrase.py): rewrites,
briefs, spun and translated copies. Sentences of their own, none taken from a fixture."""

from __future__ import annotations

import pytest

PAGE_EN = "Examplecorp notes: Kuaishou Technology Announces Third Quarter 2031 Unaudited Financial Results\n\n"
PAGE_ZH = "快手科技發佈2031年第三季度業績\n\n"


@pytest.mark.parametrize("sentence", [
    "In Q3 2031, total revenue rose 12.0% year-over-year to RMB 40.3 billion, its fastest growth in a year.",
    "Kuaishou reported Q3 2031 results with revenue reaching RMB 40.3 billion.",
    "Total revenue for the third quarter of 2031 was RMB40.3 billion.",
    "Revenue for the quarter was 40.3 billion yuan, up 12% from a year earlier.",
    "In the third quarter, total revenues were 40.3 billion yuan.",
])
def test_english_paraphrases_of_the_quarters_revenue(figures, sentence):
    assert figures(PAGE_EN + sentence) == {("revenue_total", "2031Q3", "40.3", "RMB_bn", "")}


@pytest.mark.parametrize("sentence", [
    "2031年第三季度,快手收入为403亿元,同比增长12%。",
    "第三季度,快手的总营收达到403亿元。",
    "三季度,快手收入为403亿元,同比增长12%。",
    "本季度营收403亿元。",
])
def test_chinese_paraphrases_of_the_quarters_revenue(figures, sentence):
    assert figures(PAGE_ZH + sentence) == {("revenue_total", "2031Q3", "403", "RMB_100m", "")}


@pytest.mark.parametrize("text", [
    PAGE_EN + "Revenue for the nine months ended September 30, 2031 was RMB 110.2 billion.",
    PAGE_EN + "Analysts expected revenue of RMB 40.0 billion for Q3 2031.",
    PAGE_EN + "Domestic revenue for Q3 2031 was RMB 38.1 billion.",
    PAGE_EN + "In Q2 2031, total revenue rose 9% to RMB 38.0 billion.",  # another quarter than the page's
    PAGE_EN + "In Q2, total revenue rose 9% to RMB 38.0 billion.",  # a short form naming another quarter
    # no period of its own, no heading, and the page speaks of the nine months too: not placed
    PAGE_EN + "Revenue reached RMB 40.3 billion. Revenue for the nine months was RMB 110.2 billion.",
    PAGE_EN + "Total revenue is expected to reach RMB 41.0 billion in the fourth quarter.",
    PAGE_ZH + "上半年营收为783亿元。",
    PAGE_ZH + "其中,商品收入303亿元,服务收入100亿元。",
    PAGE_ZH + "前三季度,快手收入为1102亿元。",
    PAGE_ZH + "二季度,快手收入为380亿元。",  # the page is the third quarter's
    "快手第三季度收入为403亿元。",  # the page states no year: never placed
])
def test_paraphrases_left_out_where_period_or_metric_is_unclear(figures, text):
    assert figures(text) == set()


def test_a_paraphrase_gives_way_to_the_release_wording_it_agrees_with(figures):
    text = (PAGE_EN + "Third Quarter 2031 Key Highlights\n"
            "- Total revenue increased by 12.0% to RMB40.3 billion from RMB36.0 billion for the same period of 2030.\n"
            "In Q3 2031, total revenue reached RMB 40.3 billion.")
    assert figures(text) == {("revenue_total", "2031Q3", "40.3", "RMB_bn", ""), ("revenue_total", "2030Q3", "36.0", "RMB_bn", "")}


def test_a_paraphrase_that_disagrees_with_the_release_wording_gives_way_to_it(figures):
    # A paraphrase is a looser wording (like an executive's quote): the release's own bullet settles the figure.
    text = (PAGE_EN + "Third Quarter 2031 Key Highlights\n"
            "- Total revenue increased by 12.0% to RMB40.3 billion from RMB36.0 billion for the same period of 2030.\n"
            "In Q3 2031, total revenue reached RMB 43.0 billion.")
    assert ("revenue_total", "2031Q3", "43.0", "RMB_bn", "") not in figures(text)


def test_a_story_about_one_quarter_places_a_sentence_without_a_period_in_it(figures):
    # No heading and no word for a year, a half year or nine months anywhere: the page is about its quarter only.
    assert figures(PAGE_EN + "Revenue reached RMB 40.3 billion.") == {("revenue_total", "2031Q3", "40.3", "RMB_bn", "")}
    assert figures(PAGE_EN + "With revenue reaching 40.3 billion yuan for the quarter, margins held.") == {
        ("revenue_total", "2031Q3", "40.3", "RMB_bn", "")}


def test_a_years_revenue_named_with_its_year(figures):
    page = "京东公布2031年第四季度及全年业绩\n\n"
    assert figures(page + "2031年全年净营收为人民币12000亿元(合1650亿美元),较2030年全年增长6.8%。") == {
        ("revenue_total", "2031", "12000", "RMB_100m", "")}
    # Alibaba's fiscal year is not the calendar's: "2031年全年" is no period of its figures.
    assert figures("阿里巴巴集團公佈2031年12月季度業績\n\n2031年全年收入為人民幣10000億元。") == set()


def test_net_income_in_a_translation_is_no_revenue(figures):
    # 淨收入 is JD's net revenues in its translations, net income in Alibaba's (heldout4's first figure).
    page = "阿里巴巴集團公佈2031年9月季度業績\n在截至2031年9月30日的季度中:\n"
    assert figures(page + "·淨收入為人民幣107.17億元(合15.09億美元),同比下降77%。") == set()
    assert figures("京东公布2031年第三季度业绩\n\n2031年第三季度净收入为人民币3,100亿元。") == {("revenue_total", "2031Q3", "3100", "RMB_100m", "")}


def test_the_most_precise_of_two_statements_of_a_figure_is_kept(figures):
    text = (PAGE_ZH + "快手科技于11月20日发布的第三季度财报显示,公司实现总营收403.5亿元,同比增长12.0%。\n"
            "2031年第三季度,快手营收同比增长12.0%至403亿元。")
    assert figures(text) == {("revenue_total", "2031Q3", "403.5", "RMB_100m", "")}


def test_an_overseas_segments_revenue_is_not_the_companys(figures):
    assert figures(PAGE_ZH + "此外,海外業務表現穩健,第三季度收入達13億元,同比增長20.5%。") == set()


def test_a_summarys_section_label_before_the_clause(figures):
    assert figures(PAGE_ZH + "核心财务表现 - 2031年第三季度公司实现营业收入403亿元,同比增长12.0%") == {
        ("revenue_total", "2031Q3", "403", "RMB_100m", "")}


def test_an_actual_set_against_the_estimates_is_read_and_an_estimate_is_not(figures):
    assert figures(PAGE_ZH + "2031年第三季度公司实现营业收入403亿元,同比增长12.0%,超出彭博一致预期的11.1%。") == {
        ("revenue_total", "2031Q3", "403", "RMB_100m", "")}
    assert figures(PAGE_EN + "Total revenue for the third quarter of 2031 was RMB40.3 billion, beating analysts' estimates of RMB39.0 billion.") == {
        ("revenue_total", "2031Q3", "40.3", "RMB_bn", "")}
    assert figures(PAGE_ZH + "市场预期2031年第三季度公司营业收入为400亿元。") == set()
    assert figures(PAGE_EN + "Analysts expect total revenue for the third quarter of 2031 of RMB 40.0 billion.") == set()


def test_a_year_named_before_the_company_s_full_year_revenue_in_chinese(figures):
    text = "京东公布2031年第四季度及全年业绩\n\n2031 年,京东全年的收入达到 12588 亿元,与去年同期相比增长了 6.8%。"
    assert ("revenue_total", "2031", "12588", "RMB_100m", "") in figures(text)


@pytest.mark.parametrize("head, expected", [
    ("JD.com Announces Fourth Quarter and Full Year 2031 Results\n\n", {("revenue_total", "2031", "1184.7", "RMB_bn", "")}),
    # on a third quarter's page "annual" is no year that can be named
    ("JD.com Announces Third Quarter 2031 Results\n\n", set()),
])
def test_annual_revenue_on_a_fourth_quarter_s_page_is_that_year_s(figures, head, expected):
    text = head + "In 2031, the group kept growing. Annual revenue was 1,184.7 billion CNY (about 162.8 billion USD), up 3.7% year over year."
    assert {f for f in figures(text) if f[0] == "revenue_total"} == expected


@pytest.mark.parametrize("sentence, expected", [
    ("净营收3570亿元人民币(美元1495亿)为2031年第四季度,较2030年第四季度增长13.4%。", {("revenue_total", "2031Q4", "3570", "RMB_100m", "")}),
    ("净营收3570亿元人民币(美元1495亿)为2030年第四季度。", set()),  # another quarter than the page's
    ("2031年第四季度和全年亮点| • |净营收3570亿元人民币(美元1495亿)为2031年第四季度。", {("revenue_total", "2031Q4", "3570", "RMB_100m", "")}),
])
def test_a_translation_s_revenue_with_its_quarter_after_it(figures, sentence, expected):
    text = "京东公布2031年第四季度及全年业绩\n\n" + sentence
    assert {f for f in figures(text) if f[0] == "revenue_total"} == expected


def test_a_prefixed_quarter_s_revenue_with_its_comparative(figures):
    text = ("PDD Holdings Announces Second Quarter 2031 Unaudited Financial Results\n\n"
            "Q2 total revenue of RMB107,059.5 million (US$14,355.8 million), an increase of 10% from RMB97,326.8 million in the same period "
            "last year.")
    assert figures(text) == {("revenue_total", "2031Q2", "107059.5", "RMB_mn", ""), ("revenue_total", "2030Q2", "97326.8", "RMB_mn", "")}
    # a change that does not fit the two figures: the comparative is never read
    text = text.replace("an increase of 10%", "an increase of 30%")
    assert not {f for f in figures(text) if f[1] == "2030Q2"}


def test_a_comparative_with_its_figure_before_its_quarter_is_never_the_page_s_quarter(figures):
    text = ("China e-commerce platform Pinduoduo reported total revenues in the second quarter of RMB17,290.0 million (US$2,061.9 million), "
            "an increase of 69% from RMB10,209.0 million in Q2 2030 according to its official announced financial results.\n\n"
            "Pinduoduo Unaudited Financial Results in Q2 2031\n\nTotal revenues were RMB17,290.0 million.")
    assert not {f for f in figures(text) if f[1] == "2030Q2" and f[2] == "17290.0"}


def test_a_year_named_after_the_change_makes_the_figure_that_year_s(figures):
    text = ("Kuaishou: 4Q31 Conference Call Summary\n\nIn 2031, a challenging year, users grew.\n"
            "Our total revenue reached RMB 104.18 billion, up 16.2% year-over-year in 2031.")
    assert not {f for f in figures(text) if f[0] == "revenue_total" and f[1] == "2031Q4"}


def test_a_story_s_total_revenues_with_the_same_quarter_a_year_before(figures):
    text = (" date 2031-08-23 Pinduoduo reported its results.\nThe annual spending per active buyer rose.\n"
            "Total revenues were RMB17,290.0 million (US$2,461.9 million), an increase of 9% from RMB15,862.4 million in the same quarter of 2030.")
    # the page's quarter: the second quarter named nowhere else is read from the date, the comparison names 2030's same quarter
    found = {f for f in figures(text + "\nPinduoduo Financial Results in Q2 2031") if f[0] == "revenue_total"}
    assert found == {("revenue_total", "2031Q2", "17290.0", "RMB_mn", ""), ("revenue_total", "2030Q2", "15862.4", "RMB_mn", "")}


def test_a_year_named_after_the_change_is_that_year_s_revenue(figures):
    text = ("Kuaishou: 4Q31 Conference Call Summary\n\nIn 2031, a challenging year, users grew.\n"
            "Our total revenue reached RMB 104.18 billion, up 16.2% year-over-year in 2031.")
    assert figures(text) == {("revenue_total", "2031", "104.18", "RMB_bn", "")}
