"""The guards that refuse a figure in doubt (kreport/extract/guards.py), on sentences made up for the tests: each
guard once on the function itself, then through the reader, with near-misses that must still be read."""

from __future__ import annotations

import pytest

from kreport.extract.figures import read_figures
from kreport.extract.guards import refusal
from kreport.extract.periods import Span
from kreport.extract.release import read_release

Q = Span("quarter", 2031, 3)


def why(text: str, figure: str, metric: str = "revenue_total", platform: str | None = "kuaishou", period: Span = Q,
        pair: bool = False, ttm: bool = False) -> str:
    start = text.index(figure)
    end = start + len(figure)
    return refusal(text, metric, platform, 0, start, end, period, pair, ttm)


def figures(text: str, **given) -> set[tuple[str, str, str, str, str]]:
    reading = read_figures(read_release(text, fiscal_year_end_month={"alibaba": 3}, **given))
    return {(f.metric, f.period.label, f.value, f.unit, f.qualifier) for f in reading.figures}


# --- another metric: net income, profit, a loss are never revenue -------------------------------------------------

def test_net_income_and_profit_wordings_are_never_revenue():
    assert "net income" in why("Net income reached RMB 4.2 billion", "4.2 billion")
    assert "net income" in why("Its operating profit climbed to RMB 4.2 billion", "4.2 billion")
    assert "net income" in why("净利润达到人民币42亿元", "42亿", platform="pdd")
    assert "净收入" in why("淨收入為人民幣42億元", "42億", platform="alibaba")


def test_revenue_beside_net_income_in_another_clause_is_still_read():
    text = "Net income was RMB 1.0 billion, revenue reached RMB 4.2 billion"  # the rule's words start at "revenue"
    assert refusal(text, "revenue_total", "kuaishou", text.index("revenue"), text.index("4.2"), len(text), Q) == ""
    assert why("净收入为人民币420亿元", "420亿", platform="jd") == ""  # JD's translations: net revenues
    assert why("Net income reached RMB 4.2 billion", "4.2 billion", metric="dau") == ""  # only revenue is guarded


# --- a comparison's figure is never the period's own -------------------------------------------------------------

def test_a_figure_after_from_or_compared_with_is_a_comparison():
    text = "Revenues were RMB7,290.0 million, an increase of 169% from RMB2,709.0 million in Q2 2030"
    assert "compared" in why(text, "2,709.0 million")
    assert "compared" in why("收入由去年同期的人民币2914亿元升至3567亿元", "2914亿")
    assert "compared" in why("Revenue rose 8%, compared with RMB 90.1 billion", "90.1 billion")


def test_the_figure_a_comparison_rises_to_is_read():
    assert why("收入由去年同期的人民币2914亿元升至3567亿元", "3567亿") == ""
    assert why("总收入同比增长14.2%至人民币356亿元", "356亿") == ""  # 同比 is no comparison's figure
    assert why("Revenue rose from RMB 90.1 billion to RMB 99.5 billion", "99.5 billion") == ""
    assert why("Average DAUs were more than 400 million", "400 million", metric="dau") == ""  # a bound, no comparison
    assert "compared" in why("Revenue was higher than RMB 90.1 billion", "90.1 billion")


# --- the second of two figures --------------------------------------------------------------------------------------

def test_the_second_of_two_figures_needs_a_wording_for_the_pair():
    text = "monthly active users reached 374 million and 654 million"
    assert "pair" in refusal(text, "mau", "kuaishou", text.index("654"), text.index("654"), text.index("654") + 11, Q)
    # the rule read both figures itself (its words start before the first): no refusal
    assert refusal(text, "mau", "kuaishou", 0, text.index("654"), text.index("654") + 11, Q) == ""
    assert why(text, "654 million", pair=True) == ""


# --- another period named in the figure's own clause ---------------------------------------------------------------

def test_a_period_named_after_the_figure_in_its_clause_refuses_it():
    assert "another period" in why("Total revenue reached RMB 94.18 billion, up 16.2% year-over-year in 2031", "94.18 billion")
    assert "another period" in why("Total revenues were RMB7,290.0 million in Q2 2030", "7,290.0 million")
    assert "another period" in why("Revenue was RMB 12.0 billion for the full year", "12.0 billion")
    assert "another period" in why("Revenue was RMB 12.0 billion over the full year", "12.0 billion")
    assert "another period" in why("Revenue was RMB 12.0 billion in the first half of 2031", "12.0 billion")
    assert "another period" in why("Revenue was RMB 12.0 billion, a full-year record", "12.0 billion")
    assert "another period" in why("总收入为人民币1269亿元全年同比增长", "1269亿")


def test_the_figures_own_period_and_a_comparisons_period_are_no_other_period():
    assert why("Revenue was RMB 12.0 billion in the third quarter of 2031", "12.0 billion") == ""
    assert why("Revenue was RMB 12.0 billion, up 9% from RMB 11.0 billion in Q3 2030", "12.0 billion") == ""
    assert why("Revenue was RMB 12.0 billion, up 9% compared with the third quarter of 2030", "12.0 billion") == ""
    assert why("Revenue was RMB 12.0 billion, up 9% over the same quarter of 2030", "12.0 billion") == ""
    assert why("Revenue was RMB 12.0 billion, up 9% year-over-year; net income for the full year was RMB 1 billion",
               "12.0 billion") == ""  # the year is another clause's
    assert why("日活跃用户为4.010亿,较2030年的3.825亿增长4.8%", "4.010亿", metric="dau") == ""
    assert why("Revenue was RMB 40.0 billion in 2031", "40.0 billion", period=Span("year", 2031)) == ""


def test_a_twelve_month_figure_keeps_its_own_twelve_months_only():
    text = "Active buyers in the twelve months ended September 30, 2031 were 700.0 million, up from 600.0 million in the " \
           "twelve months ended September 30, 2030"
    assert why(text, "700.0 million", metric="annual_buyers", ttm=True) == ""
    text = "annual active customers increased to 334.4 million in the twelve months ended in Q3 2031"
    assert why(text, "334.4 million", metric="annual_buyers", ttm=True) == ""
    text = "annual active customers increased to 334.4 million in the twelve months ended June 30, 2031"
    assert "another period" in why(text, "334.4 million", metric="annual_buyers", ttm=True)


# --- through the reader: the first-contact failures of heldout4 and heldout5, in sentences of our own ----------------

STORY = "date 2031-08-20\n"


def test_a_comparatives_quarter_is_never_the_pages_quarter():
    text = STORY + ("Pinduoduo reported total revenues in the second quarter of RMB7,290.0 million, an increase of 169% "
                    "from RMB2,709.0 million in Q2 2030.\n")
    assert all(period != "2030Q2" or value == "2709.0" for _, period, value, *_ in figures(text, platform="pdd"))


def test_a_years_total_after_a_change_is_not_the_quarters():
    text = STORY + "Kuaishou Technology reported its fourth quarter 2030 results. Our total revenue reached RMB 94.18 billion, " \
                   "up 16.2% year-over-year in 2030.\n"
    assert ("revenue_total", "2030Q4", "94.18", "RMB_bn", "") not in figures(text, platform="kuaishou")


# --- another listed company's figures on a page that compares several ----------------------------------------------

def platform_figures(text: str, **given) -> set[tuple[str, str, str, str, str]]:
    reading = read_figures(read_release(text, fiscal_year_end_month={"alibaba": 3}, **given))
    return {(f.platform, f.metric, f.period.label, f.value, f.unit) for f in reading.figures}


PDD_STORY = "Examplecorp notes: PDD Holdings Announces Third Quarter 2031 Unaudited Financial Results\n\n"


def test_another_companys_figure_is_read_for_it_when_its_clause_names_it_and_the_quarter():
    for sentence in ("In the third quarter of 2031, JD.com's revenue rose 5% to RMB 300.5 billion.",
                     "JD.com's revenue for Q3 2031 was RMB 300.5 billion.",
                     "Rival JD.com's revenue rose 5% to RMB 300.5 billion in the third quarter of 2031."):
        assert platform_figures(PDD_STORY + sentence + "\n", platform="pdd") == {("jd", "revenue_total", "2031Q3", "300.5", "RMB_bn")}
    text = PDD_STORY + "JD.com's annual active customer accounts increased to 600.5 million in the twelve months ended September 30, 2031.\n"
    assert platform_figures(text, platform="pdd") == {("jd", "annual_buyers", "2031Q3", "600.5", "million")}


def test_another_companys_figure_is_not_read_without_a_quarter_in_so_many_words_or_in_a_shared_clause():
    for sentence in ("Rival JD.com's revenue rose 5% to RMB 300.5 billion in the quarter.",  # the quarter not named
                     "JD.com's revenue for the quarter was RMB 300.5 billion.",
                     "In the third quarter of 2031, JD.com's revenue was RMB 300.5 billion in Q2 2031.",  # two periods
                     "Rival JD.com's revenue rose 5% to RMB 300.5 billion in the third quarter of 2030.",  # not the page's quarter
                     "JD.com and Alibaba's revenue rose 5% to RMB 300.5 billion in the third quarter of 2031.",  # two companies
                     "Rival JD.com's revenue is expected to reach RMB 300.5 billion in the third quarter of 2031."):  # an estimate
        text = PDD_STORY + sentence + "\n"
        assert not any(v == "300.5" for *_, v, _ in platform_figures(text, platform="pdd")), sentence


# --- a change stated after a figure and its comparative must fit them (heldout6's first contact) --------------------

@pytest.mark.parametrize(("sentence", "kept"), [
    # 506.2 against 474.3 is +6.7%, not the +6.4% stated: one of the three numbers is misread, so none is kept
    ("Average monthly active users (MAUs) reached 506.2 million in Q2 2031, up from 474.3 million in Q2 2030, "
     "marking a growth of 6.4%.", False),
    ("Average monthly active users (MAUs) reached 506.2 million in Q2 2031, up from 474.3 million in Q2 2030, "
     "marking a growth of 6.7%.", True),
])
def test_a_trailing_change_must_fit_the_pair(sentence, kept):
    text = "Kuaishou Technology announced its results for the second quarter of 2031.\n" + sentence + "\n"
    values = {(metric, value) for metric, _, value, *_ in figures(text, platform="kuaishou")}
    assert (("mau", "506.2") in values) is kept


# --- a part's revenue: a segment, business group, subsidiary or unit is never the company's total -------------------

@pytest.mark.parametrize(("text", "figure", "platform"), [
    ("作为公司基本盘的淘天集团,本季度实现营收1149.53亿元,同比增长12%", "1149.53亿", "alibaba"),
    ("阿里国际数字商业集团收入为261.43亿元", "261.43亿", "alibaba"),
    ("本季度雲智能集團錄得收入264.49億元", "264.49億", "alibaba"),
    ("京东零售本季度收入达到2631亿元", "2631亿", "jd"),
    ("京東物流的收入為人民幣441億元", "441億", "jd"),
    ("拼多多主站本季度营收约为600亿元", "600亿", "pdd"),
    ("快手电商业务的收入为人民币12亿元", "12亿", "kuaishou"),
    ("Taobao and Tmall Group's revenue was RMB 114.95 billion in the quarter", "114.95 billion", "alibaba"),
    ("Revenue at the Cloud Intelligence Group rose 6% to RMB 29.6 billion", "29.6 billion", "alibaba"),
    ("JD Retail generated revenue of RMB 263.1 billion", "263.1 billion", "jd"),
    ("Temu brought in revenue of about RMB 40 billion", "40 billion", "pdd"),
    ("Its e-commerce unit posted revenue of RMB 14 billion", "14 billion", "kuaishou"),
])
def test_a_parts_revenue_is_never_the_companys_total(text, figure, platform):
    assert "a part of the company" in why(text, figure, platform=platform)


@pytest.mark.parametrize(("text", "figure", "platform"), [
    ("阿里巴巴集团发布财报,其实现营收2341.6亿元", "2341.6亿", "alibaba"),
    ("淘天集团表现亮眼;阿里巴巴本季度总营收为2341.6亿元", "2341.6亿", "alibaba"),
    ("淘天集团收入增长12%,集团总收入为2341.6亿元", "2341.6亿", "alibaba"),
    ("拼多多旗下的Temu增长强劲,公司营收为993.5亿元", "993.5亿", "pdd"),
    ("PDD Holdings, the owner of Temu, reported revenue of 99.35 billion yuan", "99.35 billion", "pdd"),
    ("Alibaba Group's revenue rose 5% to RMB 236.5 billion", "236.5 billion", "alibaba"),
    ("Although Taobao and Tmall Group grew, Alibaba's total revenue was RMB 236.5 billion", "236.5 billion", "alibaba"),
    ("JD.com reported net revenues of RMB 291.4 billion", "291.4 billion", "jd"),
])
def test_the_companys_own_total_beside_a_part_is_still_read(text, figure, platform):
    assert why(text, figure, platform=platform) == ""


def test_a_parts_revenue_through_the_reader_is_not_the_total():
    text = ("阿里巴巴集团2024财年第一季度(截至2023年6月30日)业绩。此前作为阿里基本盘的淘天集团,本季度实现营收1149.53亿元,同比增长12%。")
    assert not {f for f in figures(text, platform="alibaba") if f[0] == "revenue_total"}


def test_two_different_totals_for_one_period_are_both_left_out():
    text = "In the third quarter of 2031, revenue was RMB 30.0 billion. In the third quarter of 2031, revenue was RMB 31.0 billion."
    reading = read_figures(read_release(text, platform="kuaishou"))
    assert not [f for f in reading.figures if f.metric == "revenue_total"]
    assert any("different values" in s for s in reading.skipped)
