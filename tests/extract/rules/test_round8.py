"""The eighth rule round (issue 23): guards and wordings from heldout7's misses, in sentences of our own."""

from __future__ import annotations

import pytest

from kreport.extract.release import read_release

# --- a lead that announces a release still to come does not set the page's quarter ---------------------------------


@pytest.mark.parametrize("lead", [
    "Kuaishou will release its third-quarter 2031 earnings report on November 20th.",
    "Kuaishou is scheduled to report its Q3 2031 results next Tuesday.",
    "Analysts expect Kuaishou to report third-quarter 2031 revenue of 40 billion yuan.",
    "快手将于11月20日发布2031年第三季度业绩。",
    "快手將於11月20日公佈2031年第三季度業績。",
])
def test_a_lead_announcing_a_coming_release_does_not_set_the_quarter(lead):
    assert read_release(lead + "\nThe market is watching its e-commerce business.").period is None


def test_a_preview_reads_the_quarter_it_reviews_not_the_one_it_announces(figures):
    text = ("Kuaishou will release its third-quarter 2031 earnings report on November 20th. The market is watching.\n"
            "In the second quarter of 2031, Kuaishou achieved total revenue of 40.1 billion yuan, a year-on-year increase of 10.0%. "
            "Adjusted net profit reached 5.6 billion yuan. Average daily active users (DAU) reached 451 million, a record high.\n")
    assert figures(text) == {("revenue_total", "2031Q2", "40.1", "RMB_bn", ""), ("dau", "2031Q2", "451", "million", "")}


# --- a sentence naming no period after one naming another period never takes the page's quarter ----------------------


@pytest.mark.parametrize("before", [
    "In the second quarter of 2031, Kuaishou achieved total revenue of 40.1 billion yuan.",
    "For the full year 2030, Kuaishou's revenue was 150.2 billion yuan.",
    "Looking back at Q2 2031, the company grew steadily.",
])
def test_a_sentence_without_a_period_after_one_naming_another_is_not_the_pages(figures, before):
    text = ("Kuaishou reported its third quarter 2031 results on Tuesday.\n"
            f"{before} Average daily active users (DAU) reached 451 million, a record high.\n")
    assert not {f for f in figures(text) if f[0] == "dau"}


def test_a_sentence_without_a_period_after_one_naming_the_pages_quarter_is_read(figures):
    text = ("Kuaishou reported its third quarter 2031 results on Tuesday.\n"
            "In the third quarter of 2031, Kuaishou achieved total revenue of 40.1 billion yuan. "
            "Average daily active users (DAU) reached 451 million, a record high.\n")
    assert ("dau", "2031Q3", "451", "million", "") in figures(text)
