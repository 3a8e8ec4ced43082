"""Quarters written plainly before the rules read them, and the page's quarter read from the ways stories give it
(issue 23, the seventh rule round; every sentence here is made up)."""

from __future__ import annotations

import pytest

from kreport.extract.periods import fiscal_to_calendar, plain_periods
from kreport.extract.release import read_release


@pytest.mark.parametrize("number, fiscal_year, end_month, label", [
    (3, 2031, 3, "2030Q4"), (1, 2031, 3, "2030Q2"), (4, 2031, 3, "2031Q1"), (2, 2031, 12, "2031Q2"), (1, 2031, 6, "2030Q3"),
])
def test_a_fiscal_quarter_is_the_calendar_quarter_its_fiscal_year_puts_it_in(number, fiscal_year, end_month, label):
    assert fiscal_to_calendar(number, fiscal_year, end_month).label == label


@pytest.mark.parametrize("form, end_month, plain", [
    # a fiscal quarter with the date it ended: only where the company's calendar agrees
    ("revenue for the third quarter of fiscal 2031, which ended on December 31, 2030, stood at 9.9 billion yuan", 3,
     "revenue for the fourth quarter of 2030 stood at 9.9 billion yuan"),
    ("For the third quarter of fiscal 2031, which ended on December 31, 2030, revenue was", 3, "For the fourth quarter of 2030, revenue was"),
    # a fiscal quarter glossed with its calendar quarter
    ("its report for the second quarter of 2031 (i.e., the third quarter of 2030).", 3, "its report for the third quarter of 2030."),
    # a quarter with its end date or month
    ("revenues rose to 9.9 billion yuan in the fourth quarter ended December 31, beating", 12,
     "revenues rose to 9.9 billion yuan in the fourth quarter, beating"),
    ("revenue of 9.9 billion yuan in the three months through December, according", 12, "revenue of 9.9 billion yuan in the fourth quarter, according"),
    ("for the quarter ended June 30, 2031, revenue", 12, "for the second quarter of 2031, revenue"),
])
def test_quarters_are_written_plainly(form, end_month, plain):
    assert plain_periods(form, end_month) == plain


@pytest.mark.parametrize("form, end_month", [
    ("the third quarter of fiscal 2031, which ended on September 30, 2030", 3),  # the fiscal calendar says December 2030
    ("the second quarter of 2031 (i.e., the fourth quarter of 2030)", 3),  # a gloss the calendar does not give
    ("the second quarter of 2031 (i.e., the second quarter of 2031)", 12),  # a calendar-year company has no gloss to make
    ("the fourth quarter ended September 30", 12),  # a date that is not that quarter's end
    ("the three months ended June 30, 2031 and 2030", 12),  # two years' columns
    ("the quarter ended May 31, 2031", 12),  # no quarter's end
    ("for the twelve months ended March 31, 2031", 12),  # twelve months stay twelve months
])
def test_a_period_that_does_not_agree_is_left_as_written(form, end_month):
    assert plain_periods(form, end_month) == form


@pytest.mark.parametrize("text, label", [
    # a fiscal quarter with its end date, for a March-year company
    ("Alibaba's revenue for the third quarter of fiscal 2031, which ended on December 31, 2030, stood at 9.9 billion yuan.", "2030Q4"),
    # a fiscal quarter and its calendar gloss are one quarter, not two
    ("On November 5, Alibaba released its financial report for the second quarter of 2031 (i.e., the third quarter of 2030).", "2030Q3"),
    # the year of a yearless quarter from the quarter it is compared with
    ("PDD saw a decline in first-quarter sales. Revenue was 9.9 billion yuan, up by 10 percent, from 9.0 billion yuan ($1 billion) "
     "in the first quarter of 2030.", "2031Q1"),
    # a fourth quarter and the year whose results the page also gives
    ("Pinduoduo's fourth-quarter revenues surged 46 percent, the company said in an earnings report. Total revenues for fiscal year "
     "2030 increased 27 percent.", "2030Q4"),
    # a fourth quarter and twelve months to a year's end
    ("Pinduoduo reported a surge in quarterly revenue. It reported 88.4 million annual active buyers for the 12 months to the end of "
     "2030. Total revenues rose to 9.9 billion yuan in the fourth quarter ended December 31.", "2030Q4"),
    # twelve months ended a quarter's last month
    ("Pinduoduo announced increased GMV by 38% to 44.8 billion yuan. Its active buyers rose to 85.5 million in the last twelve "
     "months ended September 2030.", "2030Q3"),
])
def test_the_quarter_a_story_reports_on(text, label):
    assert read_release(text, fiscal_year_end_month={"alibaba": 3}).period.label == label


@pytest.mark.parametrize("text", [
    # a yearless quarter compared with another quarter number: no year for it
    "PDD saw a decline in first-quarter sales. Revenue was 9.9 billion yuan, from 9.0 billion yuan in the fourth quarter of 2030.",
    # a fourth quarter beside a fiscal year, for a company whose fiscal year is not the calendar's
    "Alibaba's fourth-quarter revenue rose, the company said in an earnings report. Revenue for fiscal year 2031 increased.",
    # a second quarter beside a full year: the year gives a fourth quarter only
    "Pinduoduo's second-quarter revenues surged, the company said in an earnings report. Total revenues for fiscal year 2030 rose.",
])
def test_a_story_whose_quarter_is_not_settled_has_none(text):
    assert read_release(text, fiscal_year_end_month={"alibaba": 3}).period is None


@pytest.mark.parametrize("form, end_month, plain", [
    ("revenue for the second quarter of fiscal 2032 rose", 3, "revenue for the third quarter of 2031 rose"),
    ("the fiscal second quarter of 2032", 3, "the third quarter of 2031"),
    ("fiscal 2032 second quarter results", 3, "the third quarter of 2031 results"),
    ("Q2 FY2032 revenue", 3, "the third quarter of 2031 revenue"),
    ("FY32 Q2 revenue", 3, "the third quarter of 2031 revenue"),
    ("the second quarter of fiscal 2031 revenue", 12, "the second quarter of 2031 revenue"),  # a calendar-year company's fiscal quarter
])
def test_a_fiscal_quarter_is_written_as_its_calendar_quarter(form, end_month, plain):
    assert plain_periods(form, end_month) == plain


@pytest.mark.parametrize("form, end_month", [
    ("the second quarter of fiscal 2031, which ended on September 30, 2030,", 12),  # a date the calendar does not give
    ("the second quarter of fiscal 2031 that ended June 30, 2030", 3),
    ("阿里巴巴2031财年第三季收入", 3),  # Chinese media's 财年 for a company whose fiscal year is not the calendar's: left unread
])
def test_a_fiscal_quarter_in_doubt_is_left_as_written(form, end_month):
    assert plain_periods(form, end_month) == form


def test_a_stories_fiscal_quarter_is_the_page_quarter():
    text = "Alibaba Group said on Thursday that revenue for the second quarter of fiscal 2032 rose 5% to 250.1 billion yuan."
    assert read_release(text, fiscal_year_end_month={"alibaba": 3}).period.label == "2031Q3"


@pytest.mark.parametrize("text", [
    "Alibaba Group said on Thursday that revenue for the second quarter of fiscal 2032 rose 5% to 250.1 billion yuan.",
    "Alibaba Group said revenue for the second quarter of fiscal 2032 rose 5% to 250.1 billion yuan.",
])
def test_a_stories_fiscal_quarter_figure_is_its_calendar_quarters(text):
    from kreport.extract.figures import read_figures

    reading = read_figures(read_release(text, fiscal_year_end_month={"alibaba": 3}))
    assert {(f.metric, f.period.label, f.value) for f in reading.figures} == {("revenue_total", "2031Q3", "250.1")}


# --- the company a story comparing several is about (issue 23, seventh rule round) ----------------------------------------

@pytest.mark.parametrize("text, platform", [
    # the headline's subject and the first sentence about results agree; the rivals are named as often
    ("Discount e-commerce giant PDD nearly doubles quarterly revenue, closing in on Alibaba\n\n"
     "PDD Holdings saw its revenue almost double in the third quarter of 2031, narrowing the gap with rivals such as Alibaba Group.\n\n"
     "Shares rose.", "pdd"),
    ("Alibaba rival PDD posts 94% revenue jump\n\nPDD Holdings reported revenue for the third quarter of 2031 beating Alibaba.\n\n"
     "Shares fell.", "pdd"),
])
def test_a_storys_company_is_the_subject_of_its_headline_and_its_results(text, platform):
    assert read_release(text).platform == platform


@pytest.mark.parametrize("text", [
    # the headline's subject and the results sentence's differ
    "PDD nearly doubles quarterly revenue, closing in on Alibaba\n\nAlibaba reported revenue for the third quarter of 2031 above PDD's.",
    # the headline's subject is named less often than another company
    "PDD nearly doubles quarterly revenue, closing in on Alibaba\n\nPDD reported revenue for the third quarter of 2031.\n\n"
    "Alibaba rose.\n\nAlibaba fell.",
])
def test_a_story_whose_company_is_in_doubt_has_none(text):
    assert read_release(text).platform is None


def test_a_yearless_quarter_takes_its_year_from_a_same_period_comparison_anywhere_on_the_page():
    from kreport.extract.release import read_release
    text = ("TLDR\n- PDD Holdings beat Q2 earnings expectations\n- Revenue rose 7% year-over-year to 113.98 billion yuan\n"
            "The company delivered second-quarter results that topped expectations.\n"
            "Net income fell 5% to 32.71 billion yuan compared to the same period in 2030.\n")
    assert read_release(text).period.label == "2031Q2"
    # two years compared with: none is taken
    assert read_release(text + "Costs rose compared to the same period in 2029.\n").period is None


def test_a_brokers_compact_fiscal_quarter_is_its_calendar_quarter():
    from kreport.extract.periods import plain_periods

    assert plain_periods("Alibaba's FY2Q32 revenue reached RMB 236.5 billion", 3) == "Alibaba's Q3 2031 revenue reached RMB 236.5 billion"
    assert plain_periods("FY2Q32 revenue", 12) == "Q2 2032 revenue"
    assert plain_periods("FY2Q325 revenue", 3) == "FY2Q325 revenue"  # not a two-digit year: left as written
    # a fiscal year's quarter glued to Chinese words after it is still read ("FY2032Q2业绩符合预期")
    assert plain_periods("FY2032Q2业绩符合预期", 3).startswith("the third quarter of 2031")
