"""What heldout18 (issue 23) showed after its blind measurement, in sentences of our own."""

from __future__ import annotations


def test_a_figure_set_against_what_was_expected_is_read_and_the_expectation_never(figures):
    head = "Alibaba reported results for the quarter ended September 30, 2031.\n"
    read = figures(head + "Revenue: Revenue was 236.503 billion yuan, a 5% increase year-on-year, lower than the expected 239.43 billion yuan.\n",
                   "alibaba")
    assert ("revenue_total", "2031Q3", "236.503", "RMB_bn", "") in read
    assert not {f for f in read if f[2] == "239.43"}


def test_a_years_average_users_named_as_such_are_the_years(figures):
    text = "快手2031年全年业绩\n2031年全年,快手APP的平均日活用户为3.799亿,同比增长6.8%;平均月活用户为6.782亿,同比增长10.7%。\n"
    read = figures(text, "kuaishou")
    assert ("dau", "2031", "3.799", "100m", "") in read and ("mau", "2031", "6.782", "100m", "") in read
    # ... never a year's count without "average" (a record, or one quarter's)
    assert not {f for f in figures("快手2031年全年业绩\n2031年全年,快手APP的日活用户突破4亿。\n", "kuaishou") if f[0] == "dau"}
