"""What heldout12 and heldout13 (issue 23) showed after their blind measurement, in sentences of our own.

1. A page whose comparisons name, again and again, a year other than the one before its own ("Third Quarter 2033 ... in the same
   quarter of 2030") is not placed: its years were changed or misprinted, and which is right the text cannot say.
2. A figure outside its plausibility band, whichever rule read it, is left out ("revenue of 221.084 million yuan" for Alibaba's
   quarter is a misprint), never corrected.
3. A page whose company is not named has no fiscal calendar: "2036财年第二季度" is not read as a calendar quarter.
4. A dated page naming a yearless quarter of a company whose fiscal year is not the calendar year: the fiscal or the calendar reading,
   whichever quarter ended within 75 days before the date; neither, or both, and the page is not placed.
"""

from __future__ import annotations

from kreport.extract.release import read_release


def _period(text: str) -> str | None:
    release = read_release(text, fiscal_year_end_month={"alibaba": 3})
    return release.period.label if release.period else None


_RELEASE = ("PDD Holdings Announces Third Quarter 2033 Unaudited Financial Results\n"
            "Total revenues were RMB21,505.8 million, an increase of 51% from RMB14,209.8 million in the same quarter of {a}.\n"
            "Average monthly active users were 741.5 million, an increase of 15% from 643.4 million in the same quarter of {b}.\n")


def test_a_page_whose_comparisons_name_another_year_than_the_one_before_is_not_placed(figures):
    assert _period(_RELEASE.format(a=2030, b=2030)) is None
    assert figures(_RELEASE.format(a=2030, b=2030), "pdd") == set()
    assert _period(_RELEASE.format(a=2032, b=2032)) == "2033Q3"
    # one comparison with the year before is enough; so is a single comparison with an earlier year (an aside)
    assert _period(_RELEASE.format(a=2032, b=2031)) == "2033Q3"
    assert _period(_RELEASE.format(a=2031, b=2031).replace("in the same quarter of 2031.\nAverage", "in the same quarter.\nAverage")) \
        == "2033Q3"
    # the command line's quarter is the analyst's word
    assert read_release(_RELEASE.format(a=2030, b=2030), period=None).period is None


def test_a_figure_outside_its_band_is_left_out_whichever_rule_read_it(figures):
    text = ("Alibaba Group Announces December Quarter 2030 Results\n"
            "Revenue was RMB221.084 million, an increase of 37% year-over-year.\n")
    assert not {f for f in figures(text, "alibaba") if f[0] == "revenue_total"}
    assert {f for f in figures(text.replace("221.084 million", "221,084 million"), "alibaba") if f[0] == "revenue_total"} \
        == {("revenue_total", "2030Q4", "221084", "RMB_mn", "")}


def test_a_fiscal_quarter_of_an_unnamed_company_is_not_a_calendar_quarter():
    assert _period("整体财务表现 - 公司2036财年第二季度总收入为2477.95亿元,同比增长5%\n") is None


def test_a_yearless_quarter_of_a_fiscal_year_company_is_the_reading_that_ended_just_before_the_date():
    story = (" date {date}\nAlibaba beat analysts' quarterly revenue estimates on Tuesday.\n"
             "The company reported revenue of 247.8-billion yuan in the second quarter, compared with estimates of 242.65-billion yuan.\n")
    assert _period(story.format(date="2035-11-25")) == "2035Q3"  # its fiscal second quarter, to September
    assert _period(story.format(date="2035-08-20")) == "2035Q2"  # a calendar reading: the quarter to June ended 51 days before
    assert _period(story.format(date="2035-12-31")) is None  # neither ended within 75 days before
