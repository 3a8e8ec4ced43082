"""The thirteenth rule round (issue 23): general mechanisms, in sentences of our own.

1. A quarter named only inside a comparison ("which stood at 72 percent in the first quarter of 2030") is not the page's quarter;
   a yearless quarter of the page is that quarter of the year after the comparison's only when the text says the comparison is a
   year earlier.
2. The generic clause reader (kreport/extract/clauses.py): a metric's term, then the nearest amount of the right kind in its clause,
   used only where no company rule read the clause; pairs in order ("A/B分别为x/y"); the prior-year comparative "from Y in the same
   quarter of YEAR".
3. Its guards: the stated change must fit the pair, a plausibility band per platform and metric, never a guessed period.
"""

from __future__ import annotations

from pathlib import Path

from kreport.extract.release import read_release

RELEASES = Path(__file__).parents[2] / "fixtures" / "releases"


def _period(text: str) -> str | None:
    release = read_release(text, fiscal_year_end_month={"alibaba": 3})
    return release.period.label if release.period else None


# --- 1. a comparison's quarter is not the page's ---------------------------------------------------------------------------------

_STORY = ("Kuaishou shares drop after Q1 financial results\n"
          "Kuaishou Technology shares tumbled on Tuesday after the ByteDance rival released its first-quarter financial results.\n"
          "While revenues soared by 36.6 percent to 17 billion yuan in the first quarter, live streaming fell. Live streaming "
          "accounted for 43 percent of the revenues, which stood at 72 percent in the first quarter of 2030.\n")


def test_a_quarter_named_only_in_a_which_stood_at_comparison_is_not_the_pages():
    assert _period(_STORY) is None


def test_a_comparison_said_to_be_a_year_earlier_places_the_yearless_quarter_a_year_after_it():
    text = _STORY + "Revenue rose 36.6 percent from 12.4 billion yuan in the same quarter of 2030.\n"
    assert _period(text) == "2031Q1"


def test_a_quarter_with_its_year_that_is_no_comparison_still_places_the_page():
    text = ("Kuaishou released its results for the first quarter of 2031.\n"
            "Revenue stood at 17 billion yuan in the first quarter of 2031.\n")
    assert _period(text) == "2031Q1"


def test_the_heldout11_story_is_no_longer_placed_in_its_comparisons_quarter():
    path = RELEASES / "heldout11" / "kuaishou-2021q1-en-media.txt"
    assert _period(path.read_text(encoding="utf-8")) in (None, "2021Q1")
