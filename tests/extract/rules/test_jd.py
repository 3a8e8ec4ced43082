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


def test_net_revenues_stated_before_their_quarter(figures):
    text = ("JD.com Announces Third Quarter 2023 Results\n\nThird Quarter 2023 Highlights\n\n"
            "Net revenues were RMB247.7 billion (US$33.9 billion) for the third quarter of 2023, an increase of 1.7% "
            "from the third quarter of 2022.\n"
            "Net service revenues were RMB48.5 billion (US$6.6 billion) for the third quarter of 2023, an increase of 5.1% "
            "from the third quarter of 2022.\n")
    assert figures(text) == {("revenue_total", "2023Q3", "247.7", "RMB_bn", ""), ("revenue_commerce", "2023Q3", "48.5", "RMB_bn", "")}


def test_net_revenues_stated_before_another_period_are_not_the_quarters(figures):
    text = ("JD.com Announces Third Quarter 2023 Results\n\nThird Quarter 2023 Highlights\n\n"
            "Net revenues were RMB795.1 billion (US$108.9 billion) for the first nine months of 2023, an increase of 3.4% "
            "from the first nine months of 2022.\n"
            "Net revenues were RMB247.7 billion (US$33.9 billion) for the third quarter of 2022, an increase of 1.7% "
            "from the third quarter of 2021.\n")
    assert figures(text) == set()
