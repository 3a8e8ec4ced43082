"""What heldout23 (issue 23) showed after its blind measurement, in sentences of our own."""

from __future__ import annotations


def test_a_milestone_passed_is_not_the_count(figures):
    # "active buyers on its platform hit the 500 million milestone to reach 536.3 million": read as 500 million before
    text = ("Pinduoduo Reports Third Quarter 2031 Results\nDuring this three-month period, active buyers on its platform hit the "
            "600 million milestone to reach 636.3 million for the twelve-month period ended September 30, 2031.\n")
    assert ("annual_buyers", "2031Q3", "600", "million", "") not in figures(text, "pdd")
