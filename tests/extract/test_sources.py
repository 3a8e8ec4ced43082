"""The sources.csv row of a release file (kreport/extract/sources.py)."""

from __future__ import annotations

from pathlib import Path

from kreport.dataset.validate import Row
from kreport.extract.reading import Document
from kreport.extract.release import read_release
from kreport.extract.sources import source_for

PARENTS = {"kuaishou": "Kuaishou Technology"}
TEXT = ("Kuaishou Technology Announces Second Quarter 2025 Unaudited Financial Results\n\n"
        "HONG KONG, Aug. 21, 2025 /PRNewswire/ -- Kuaishou Technology today announced its results for the three months ended June 30, 2025.\n")


def source(text=TEXT, url="", existing=None, **given):
    document = Document(Path("/tmp/ks-2025q2.txt"), text, "text", "", url)
    return source_for(document, read_release(text), PARENTS, existing or {}, **given)


def test_what_the_text_says_and_nothing_guessed():
    row = source()
    assert row.source_id == "kuaishou-2025q2-en" and row.new
    assert row.title == "Kuaishou Technology Announces Second Quarter 2025 Unaudited Financial Results"
    assert row.publisher == "Kuaishou Technology via PR Newswire"
    assert (row.url, row.published, row.read_at, row.tier) == ("", "2025-08-21", "ks-2025q2.txt", "newswire")
    undated = source(TEXT.replace("Aug. 21, 2025 ", ""))
    assert undated.published == ""


def test_the_tier_follows_the_address_and_the_option_settles_it():
    assert source(url="https://ir.kuaishou.com/news-releases/x").tier == "company"
    assert source(TEXT.replace("/PRNewswire/ ", "")).tier == "aggregator"
    assert source(tier="media").tier == "media"


def test_an_id_in_use_is_cited_for_the_same_address_and_avoided_otherwise():
    taken = {"kuaishou-2025q2-en": Row(2, {"source_id": "kuaishou-2025q2-en", "title": "t", "publisher": "p", "url": "https://a.example/x",
                                            "published": "", "read_at": "https://a.example/x", "tier": "newswire"})}
    assert source(url="https://a.example/x", existing=taken).new is False
    other = source(url="https://b.example/y", existing=taken)
    assert other.source_id == "kuaishou-2025q2-en-2" and other.new
    given = source(existing=taken, source_id="kuaishou-2025q2-en")
    assert given.new is False and given.title == "t"
