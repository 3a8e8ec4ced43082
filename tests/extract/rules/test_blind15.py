"""What heldout15 (issue 23) showed after its blind measurement, in sentences of our own: a projection is never read as a figure,
and a twelve-month GMV the page gives as a quarter's is not read (reading it as twelve months would be a correction)."""

from __future__ import annotations


def test_a_projection_is_not_a_figure(figures):
    text = ("Kuaishou initiation note\nKuaishou's 2031 revenue was RMB 113.47 billion.\n"
            "The report projects a revenue of RMB 30.45 billion for Q2 2032, reflecting a 10% year-on-year growth.\n")
    assert not {f for f in figures(text, "kuaishou") if f[1] == "2032Q2"}


def test_a_twelve_month_gmv_given_as_a_quarters_is_not_read(figures):
    head = "Pinduoduo has reported a 44% year-on-year growth with total revenue reaching 6.54 billion yuan in the first quarter of 2031.\n"
    text = head + "Gross Merchandise Volume (GMV) reached 1.16 trillion yuan in the first quarter, an increase of 108% from the same period last year.\n"
    assert not {f for f in figures(text, "pdd") if f[0] == "gmv_ttm"}
    text = head + "GMV in the twelve months ended March 31, 2031 was RMB1,157.2 billion.\n"
    assert {f for f in figures(text, "pdd") if f[0] == "gmv_ttm"} == {("gmv_ttm", "2031Q1", "1157.2", "RMB_bn", "")}


def test_a_brokers_preview_is_not_placed_in_the_quarter_it_forecasts():
    from kreport.extract.release import read_release

    text = ("Investment Rating - The report maintains a \"Buy\" rating for Kuaishou (1024 HK). Core Insights - The report anticipates a "
            "slowdown in GMV growth for the second quarter. - The report projects a revenue of RMB 30.45 billion for Q2 2032, reflecting "
            "a 10% year-on-year growth.\n")
    assert read_release(text).period is None
