"""JD's wordings (kreport/extract/rules/jd.py)."""

from __future__ import annotations


def test_a_comparative_cut_short_is_left_out(figures):
    text = ("JD.com Announces 2020 Second Quarter and Interim Financial Results\n\nJD.com Second Quarter 2020 Highlights\n\n"
            "Annual active customer accounts increased by 29.9% to 417.4 million in the twelve months ended June 30, 2020 from 321.3 million in the twel")
    assert figures(text) == {("annual_buyers", "2020Q2", "417.4", "million", "")}


def test_the_full_comparative_is_read_and_checked(figures):
    text = ("JD.com Announces 2020 Second Quarter Financial Results\n\nJD.com Second Quarter 2020 Highlights\n\n"
            "Annual active customer accounts increased by 29.9% to 417.4 million in the twelve months ended June 30, 2020 "
            "from 321.3 million in the twelve months ended June 30, 2019.")
    assert figures(text) == {("annual_buyers", "2020Q2", "417.4", "million", ""), ("annual_buyers", "2019Q2", "321.3", "million", "")}


def test_product_lines_are_not_net_revenues(figures):
    text = ("JD.com Announces 2020 Second Quarter Financial Results\n\nJD.com Second Quarter 2020 Highlights\n\n"
            "Net revenues from the sales of general merchandise products for the second quarter of 2020 were RMB64.0 billion "
            "(US$9.1 billion), an increase of 45.4% from the second quarter of 2019.")
    assert figures(text) == set()
