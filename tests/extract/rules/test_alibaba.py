"""Alibaba's wordings (kreport/extract/rules/alibaba.py): marketplace figures only, never guidance."""

from __future__ import annotations

TITLE = "Alibaba Group Announces March Quarter and Full Fiscal Year 2021 Results\n\n"


def test_quarter_and_fiscal_year_blocks(figures):
    text = TITLE + ("In the quarter ended March 31, 2021:\n\nRevenue was RMB187,395 million (US$28,602 million), an increase of 64% year-over-year.\n\n"
                    "Mobile monthly active users (MAUs) on our China retail marketplaces reached 925 million in March 2021.\n\n"
                    "In the fiscal year ended March 31, 2021:\n\nRevenue was RMB717,289 million (US$109,480 million), an increase of 41% year-over-year.\n")
    assert figures(text) == {("revenue_total", "2021Q1", "187395", "RMB_mn", ""), ("mau", "2021Q1", "925", "million", ""),
                             ("revenue_total", "FY2021", "717289", "RMB_mn", "")}


def test_ecosystem_figures_and_guidance_are_not_the_marketplaces(figures):
    text = TITLE + ("In the quarter ended March 31, 2021:\n\n"
                    "Alibaba achieved a historic milestone of one billion annual active consumers globally.\n\n"
                    "We expect to generate over RMB930 billion in revenue in fiscal year 2022.\n\n"
                    "Cloud computing revenue was RMB16,758 million (US$2,558 million), an increase of 37% year-over-year.\n")
    assert figures(text) == set()


def test_a_date_cut_short_is_read_only_where_it_fits_the_block(figures):
    text = ("Alibaba Group Announces December Quarter 2020 Results\n\nIn the quarter ended December 31, 2020:\n\n"
            "Annual active consumers on our China retail marketplaces reached 779 million for the twelve\nmonths period ended ")
    assert figures(text + "December 31, 2") == {("annual_buyers", "2020Q4", "779", "million", "")}
    assert figures(text + "September 30, 2") == set()
    assert figures(text + "December 31, 1") == set()


def test_customer_management_revenue_of_taobao_and_tmall_group(figures):
    # issue 23: the vocabulary maps Alibaba's CMR to revenue_marketing (provisional); a sentence of its own here.
    text = ("Alibaba Group Announces December Quarter 2031 Results\n\nIn the quarter ended December 31, 2031:\n\n"
            "Customer management revenue at Taobao and Tmall Group grew 10% year-over-year to RMB110,000 million (US$15,000 million).\n\n"
            "Customer management revenue grew 12% year-over-year.\n")
    assert figures(text) == {("revenue_marketing", "2031Q4", "110000", "RMB_mn", "")}
