"""The pieces of every rule (kreport/extract/rules/common.py): qualifiers from the words before a figure."""

from __future__ import annotations

import re

import pytest

from kreport.extract.rules.common import FN, NUM, qualifier_of


@pytest.mark.parametrize("lead, qualifier", [
    ("were", ""), ("reached", ""), ("为", ""), ("达到", ""),
    ("exceeded", "over"), ("were more than", "over"), ("were over", "over"), ("超", "over"), ("超过", "over"), ("突破", "over"),
    ("were approximately", "about"), ("约", "about"), ("为约", "about"),
    ("were less than", "under"), ("不到", "under"),
    ("were nearly", None), ("近", None), ("接近", None),
])
def test_the_words_before_a_figure_give_its_qualifier(lead, qualifier):
    assert qualifier_of(lead) == qualifier


def test_numbers_and_footnote_marks():
    assert re.fullmatch(NUM, "1,667.6") and re.fullmatch(NUM, "4.162") and not re.fullmatch(NUM, "1,66")
    for glued in ("GMV1 in", "GMV(1) in", "GMV (1) in", "GMV in"):
        assert re.fullmatch(rf"GMV{FN} in", glued)
    assert not re.fullmatch(rf"GMV{FN} in", "GMV 1,667.6 in")
