"""One matchable form of a sentence (kreport/extract/cleaning.py): messy pages read like clean ones."""

from __future__ import annotations

import pytest

from kreport.extract.cleaning import matchable, simplified, strip_pinyin, unspun


@pytest.mark.parametrize("messy, clean", [
    ("RMB334 .2 billion", "RMB334.2 billion"),  # a space before the decimal point
    ("RMB334\n.2 billion", "RMB334.2 billion"),  # a line break before it
    ("RMB334. 2 billion", "RMB334.2 billion"),  # a space after it, before a unit
    ("人民幣11, 844億元", "人民币11,844亿元"),  # a split thousands group before a unit
    ("fromRMB222.5 billion", "from RMB222.5 billion"),  # a word glued to RMB
    ("an increase of29.3% from", "an increase of 29.3% from"),  # a word glued to a number
    ("RMB2.2 billion , compared", "RMB2.2 billion, compared"),  # a space before a comma
    ("2025年第 一 季度業績摘要", "2025年第一季度业绩摘要"),  # spaces between characters; traditional script
    ("電商 GMV ( 1)為人民幣3,323億元", "电商GMV (1)为人民币3,323亿元"),
    ("ＲＭＢ１２．５ billion，", "RMB12.5 billion,"),  # full-width characters
])
def test_messy_text_reads_like_clean_text(messy, clean):
    assert matchable(messy) == clean


def test_a_full_stop_between_sentences_is_not_a_decimal_point():
    assert matchable("the same period of 2022. 30% came from other services") == "the same period of 2022. 30% came from other services"
    assert matchable("US$1 28.5 billion") == "US$1 28.5 billion"  # digits split by a space are never joined


def test_pinyin_injected_after_characters_is_dropped_and_nothing_else():
    assert strip_pinyin("日活躍用戶數(shù)連續(xù)三個(gè)季度創(chuàng)下歷史新高,達(dá)到4.162億") == "日活躍用戶數連續三個季度創下歷史新高,達到4.162億"
    assert strip_pinyin("Kling AI (可靈AI) 2.5") == "Kling AI (可靈AI) 2.5"
    assert strip_pinyin("GMV(1) was") == "GMV(1) was"
    assert strip_pinyin("Alibaba (BABA)") == "Alibaba (BABA)"


def test_traditional_characters_of_the_rules_words_read_as_simplified():
    assert simplified("快手應用平均日活躍用戶為3.662億,較去年同期3.233億增長13.3%") == "快手应用平均日活跃用户为3.662亿,较去年同期3.233亿增长13.3%"
    assert simplified("總收入為人民幣283億元") == "总收入为人民币283亿元"


def test_traditional_heading_words_read_as_simplified():
    assert simplified("2024年第三季度財務回顧") == "2024年第三季度财务回顾"
    assert simplified("業績亮點") == "业绩亮点"


def test_respectively_reads_as_simplified():
    assert simplified("分別達到4.075億和7.141億") == "分别达到4.075亿和7.141亿"


# --- machine-spun English (issue 23, seventh rule round) ---------------------------------------------------------------


@pytest.mark.parametrize("form, plain", [
    ("Complete revenues within the quarter have been RMB123,984.8 million, a rise of seven% from RMB115,870.1 million in the identical "
     "quarter of 2030.", "total revenues in the quarter were RMB123,984.8 million, an increase of 7% from RMB115,870.1 million in the same "
     "quarter of 2030."),
    ("Working revenue within the quarter was RMB25,792.9 million, a lower of 21% from RMB32,564.5 million",
     "Working revenue in the quarter was RMB25,792.9 million, a decrease of 21% from RMB32,564.5 million"),
])
def test_spun_swaps_are_undone(form, plain):
    assert unspun(form) == plain


@pytest.mark.parametrize("form", [
    "The company has been growing for seven years.",  # no figure after "has been"; "seven" before no percent
    "Revenue rose to RMB 30.1 billion.",
])
def test_a_sentence_that_is_not_spun_stays(form):
    assert unspun(form) == form


def test_a_spun_pair_is_still_checked_against_its_change():
    from kreport.extract.figures import read_figures
    from kreport.extract.release import read_release

    head = "PDD Holdings Inc. Reports Second Quarter 2031 Financial Results\n\nSecond Quarter 2031 Highlights\n\n"
    fits = head + ("- Complete revenues within the quarter have been RMB123,984.8 million (US$17,515.7 million), a rise of seven% from "
                   "RMB115,870.1 million in the identical quarter of 2030.")
    assert {(f.period.label, f.value) for f in read_figures(read_release(fits)).figures} == {("2031Q2", "123984.8"), ("2030Q2", "115870.1")}
    assert not read_figures(read_release(fits.replace("seven%", "nine%"))).figures
