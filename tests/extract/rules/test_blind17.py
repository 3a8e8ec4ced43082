"""What heldout17 (issue 23) showed after its blind measurement, in sentences of our own."""

from __future__ import annotations


def test_the_years_ended_a_day_of_several_years_name_no_quarter():
    # (heldout17) a filing's table: "for the years ended December 31, 2029, 2030 and 2031" is no fourth quarter of 2029
    from kreport.extract.release import read_release

    text = ("CONSOLIDATED STATEMENTS OF INCOME\n|Revenues (including services provided to a related party of nil and RMB10,765 for the "
            "years ended December 31, 2029, 2030 and 2031, respectively)\n|¥ 130,557,589\n")
    assert read_release(text).period is None


def test_a_heading_broken_over_short_lines_opens_its_block(figures):
    # (heldout17, and heldout12's repost) a release's "Third Quarter 2031 Highlights" broken by the page's layout
    lead = ("Pinduoduo Announces Third Quarter 2031 Unaudited Financial Results\n\nSHANGHAI, China, Nov. 12, 2031 — Pinduoduo Inc. today "
            "announced its unaudited financial results for the third quarter ended September 30, 2031.\n\n")
    body = ("\n\n  • Total revenues in the quarter were RMB14,209.8 million (US$2,092.9 million), an increase of 89% from RMB7,513.9 million "
            "in the same quarter of 2030.\n")
    for heading in ("Third\nQ\nuarter\n20\n31\nHighlights", "Third Quarter 2031\nHighlights"):
        assert ("revenue_total", "2031Q3", "14209.8", "RMB_mn", "") in figures(lead + heading + body, "pdd")


def test_short_lines_that_make_no_heading_are_left_alone():
    from kreport.extract.release import _joined_headings

    text = "Menu\nNews\nMarkets\nHighlights\nRevenue rose."
    assert _joined_headings(text) == text
