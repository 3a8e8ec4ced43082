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


def test_a_quarter_a_year_before_another_stated_is_its_comparative():
    from kreport.extract.release import read_release

    text = ("JD reported earnings on May 10, describing the results of the first quarter.\n\nJD's first-quarter results: The raw numbers\n\n"
            "Q1 2031\n\nQ1 2030\n\nYear-Over-Year Growth\n")
    assert read_release(text).period is not None and read_release(text).period.label == "2031Q1"


def test_a_quarter_and_the_half_year_of_a_year():
    from kreport.extract.release import read_release

    text = "JD.com Inc. has released its financial results for the second quarter and the first half of 2031. Users grew.\n"
    assert read_release(text).period.label == "2031Q2"


def test_a_page_naming_only_taotian_is_alibabas():
    from kreport.extract.release import read_release

    text = ("Performance Summary: Ali announced 31Q3 results, achieving revenue of 236.5 billion yuan.\n"
            "1) Taotian Group achieved revenue of 99 billion yuan in 31Q3.\nTaotian CMR grew 2%.\n")
    assert read_release(text).platform == "alibaba"


def test_a_half_years_revenue_after_the_quarters_is_a_clause_of_its_own(figures):
    text = ("JD.com has released its financial results for the second quarter and the first half of 2031.\nIn the second quarter, JD.com "
            "Group's revenue reached 291.4 billion yuan (approximately $40.1 billion), and the first half-year revenue reached 551.4 billion "
            "yuan (approximately $75.9 billion), maintaining growth.\n")
    read = figures(text, "jd")
    assert ("revenue_total", "2031Q2", "291.4", "RMB_bn", "") in read
    assert not {f for f in read if f[2] == "551.4"}


def test_an_annual_revenue_with_its_year_is_the_years(figures):
    head = "Kuaishou released its fourth quarter 2031 results.\n"
    read = figures(head + "Kuaishou's annual revenue in 2031 was 94.2 billion yuan, an increase of 16.2 percent over the same period last year.\n",
                   "kuaishou")
    assert ("revenue_total", "2031", "94.2", "RMB_bn", "") in read
    # ... and without its year it is not read at all (never as the quarter's)
    read = figures(head + "Kuaishou's annual revenue was 94.2 billion yuan, an increase of 16.2 percent.\n", "kuaishou")
    assert not {f for f in read if f[2] == "94.2"}


def test_a_count_before_its_name_is_read_only_where_it_opens_its_clause_or_follows_its_verb(figures):
    read = figures("JD.com announced its results for the first quarter of 2031.\n311 million active customers represented an increase "
                   "of 2.9% year on year.\n", "jd")
    assert ("annual_buyers", "2031Q1", "311", "million", "") in read
    head = "Kuaishou announced its results for the second quarter of 2031.\n"
    # a description, a threshold and a comparison's count are no figure of the period
    for sentence in ("Kuaishou is a platform with 700 million MAUs, leveraging its ecosystem.\n",
                     "Kuaishou surpassed 400 million daily active users, a record.\n",
                     "Kuaishou's users grew from 250 million daily active users.\n"):
        assert not {f for f in figures(head + sentence, "kuaishou") if f[0] in ("dau", "mau")}
