"""The top bar of every report page (kreport/publish/navigation.py)."""

from pathlib import Path

import pytest

from kreport.dataset.load import load
from kreport.publish.navigation import index_name, page_title, top_bars

DATA = Path(__file__).resolve().parents[1] / "fixtures" / "data"


@pytest.fixture(scope="module")
def platforms():
    return load(DATA).platforms


def _pages():
    pages = []
    for lang in ("en", "zh"):
        pages.append((f"data-{lang}.html", "data", {"quarter": "2025Q3", "lang": lang}))
        pages.append((f"brief-{lang}.html", "brief", {"quarter": "2025Q3", "lang": lang}))
    pages.append(("platform-kuaishou-en.html", "platform", {"quarter": "2025Q3", "platform": "kuaishou", "lang": "en"}))
    return pages


def test_each_page_links_its_quarter_its_language_and_its_twin(platforms):
    bars = top_bars(_pages(), "2025Q3", platforms)
    bar = bars["data-en.html"]
    assert bar["index"] == index_name("en") == "index-en.html" and bar["all"] == "../index.html"
    assert bar["twin"] == "data-zh.html"
    # this quarter's pages in its own language, in catalog order (brief before data), itself marked
    assert [p["href"] for p in bar["pages"]] == ["brief-en.html", "platform-kuaishou-en.html", "data-en.html"]
    assert [p["current"] for p in bar["pages"]] == [False, False, True]
    assert bars["brief-zh.html"]["twin"] == "brief-en.html"
    assert all(p["href"].endswith("-zh.html") for p in bars["brief-zh.html"]["pages"])


def test_a_page_without_a_twin_links_none(platforms):
    assert top_bars(_pages(), "2025Q3", platforms)["platform-kuaishou-en.html"]["twin"] is None


def test_titles_are_in_the_pages_language_with_the_platform_name(platforms):
    name_zh = platforms.loc["kuaishou", "name_zh"]
    assert page_title("platform", {"platform": "kuaishou", "lang": "zh"}, platforms) == f"平台概览 · {name_zh}"
    assert page_title("data", {"lang": "en"}, platforms) == "Data appendix"
    assert page_title("mystery", {"lang": "en"}, platforms) == "mystery"  # a test catalog's own report
