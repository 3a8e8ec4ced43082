"""The seventh rule round (issue 23): wordings that carry to pages not yet seen. Every sentence is made up; the
pages are stories (no release heading), so the guards of a story apply."""

from __future__ import annotations

import pytest

JD_Q2 = "JD.com announced its Q2 2031 results on Thursday.\n\n"
PDD_Q1 = "PDD Holdings reported its first quarter 2031 results on Tuesday.\n\n"
ALIBABA_Q4 = "Alibaba Group announced its December quarter 2030 results.\n\n"


@pytest.mark.parametrize("sentence", [
    # the company as the subject of "reported"
    "In Q2 2031, JD.com reported revenue of RMB 300.5 billion (USD 41.6 billion), an increase of 5.0% compared to Q2 2030.",
    "The company reported revenue of 300.5 billion yuan ($41.6 billion) in the three months through June, according to its report.",
    # whose revenue, after the word
    "Net revenues at JD.com for the second quarter of 2031 were 300.5 billion Chinese yuan (41.6 billion dollars), an increase of 5 percent.",
    "Total revenues of the Beijing-based retailer in the quarter were 300.5 billion yuan ($41.6 billion).",
    # "rose to", and the quarter with its end date after the figure
    "Total revenues rose to 300.5 billion yuan ($41.6 billion) in the second quarter ended June 30, beating analysts' estimates of 290 billion yuan.",
])
def test_the_quarters_revenue_in_more_story_wordings(figures, sentence):
    assert figures(JD_Q2 + sentence) == {("revenue_total", "2031Q2", "300.5", "RMB_bn", "")}


@pytest.mark.parametrize("sentence", [
    "The cloud unit reported revenue of 30.5 billion yuan in the quarter.",  # a unit's revenue, not the company's
    "Total revenues rose to 300.5 billion yuan in the first quarter ended March 31.",  # another quarter than the page's
    "Total revenues rose to 300.5 billion yuan in the second quarter ended September 30.",  # a date that is no second quarter's end
    "In Q2 2031, JD.com reported revenue of US$41.6 billion.",  # US$ only
    "The company reported revenue of 300.5 billion yuan for the first half.",
    "JD.com reported revenue of 300.5 billion yuan in the second quarter of 2030.",  # a year earlier
])
def test_story_wordings_left_out(figures, sentence):
    assert figures(JD_Q2 + sentence) == set()


@pytest.mark.parametrize("sentence, prior", [
    ("Revenue was 95.7 billion yuan ($13.2 billion), up by 10 percent, from 87.0 billion yuan ($12 billion) in the first quarter of 2030.",
     ("revenue_total", "2030Q1", "87.0", "RMB_bn", "")),
    ("Total revenue for Q1 2031 reached RMB 19.14 billion, a year-on-year increase of 48.8% compared to RMB 12.86 billion in Q1 2030.",
     ("revenue_total", "2030Q1", "12.86", "RMB_bn", "")),
    ("Total revenues of the e-tailer in the quarter were 37.64 billion yuan ($5.48 billion), an increase of 58% from 23.79 billion yuan "
     "in the same quarter of 2030.", ("revenue_total", "2030Q1", "23.79", "RMB_bn", "")),
])
def test_a_comparative_after_a_stated_change_is_read_when_the_pair_fits_it(figures, sentence, prior):
    found = figures(PDD_Q1 + sentence)
    assert prior in found and len(found) == 2


@pytest.mark.parametrize("sentence", [
    # the stated change does not fit the pair: both are left out
    "Revenue was 95.7 billion yuan, up by 20 percent, from 87.0 billion yuan in the first quarter of 2030.",
    "Total revenue for Q1 2031 reached RMB 19.14 billion, a year-on-year increase of 38.8% compared to RMB 12.86 billion in Q1 2030.",
])
def test_a_comparative_whose_change_does_not_fit_leaves_both_out(figures, sentence):
    assert figures(PDD_Q1 + sentence) == set()


def test_a_comparative_for_another_quarter_is_not_read(figures):
    found = figures(PDD_Q1 + "Revenue was 95.7 billion yuan, up by 10 percent, from 87.0 billion yuan in the fourth quarter of 2030.")
    assert ("revenue_total", "2030Q4", "87.0", "RMB_bn", "") not in found and ("revenue_total", "2030Q1", "87.0", "RMB_bn", "") not in found


def test_a_fiscal_quarter_with_its_end_date_is_the_calendar_quarter(figures):
    text = ("Alibaba's revenue for the third quarter of fiscal 2031, which ended on December 31, 2030, stood at 250.1 billion yuan "
            "($38.9 billion), up 7 percent year-on-year, the company said in its financial report on Tuesday.")
    assert figures(text) == {("revenue_total", "2030Q4", "250.1", "RMB_bn", "")}


def test_a_companys_short_quarter_before_revenue(figures):
    text = "Alibaba Q3 2030 summary: results for the quarter.\n\nAlibaba’s Q3 revenue was RMB230,690 million (US$31,147 million), up 9%."
    assert figures(text) == {("revenue_total", "2030Q3", "230690", "RMB_mn", "")}
