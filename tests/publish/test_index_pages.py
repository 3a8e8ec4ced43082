"""The index pages (kreport/publish/index_pages.py), written from hand-made manifests: no kernel runs here."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kreport.dataset.load import load
from kreport.publish.index_pages import write_indexes


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs).get("href"))


def links(markup: str) -> list[str]:
    parser = _Links()
    parser.feed(markup)
    return parser.links


def _run(report, lang, status="built", html=True, error=None, platform=None):
    params = {"quarter": "?", "lang": lang, **({"platform": platform} if platform else {})}
    name = "-".join([report, *([platform] if platform else []), lang])
    return name, {
        "name": name, "report": report, "params": params, "status": status, "seconds": 3.25,
        "html": f"{name}.html" if html else None, "error": error,
        "records": {"headlines": [{"label": "figures", "value": 123}]} if status != "failed" else {},
    }


def _quarter(out: Path, quarter: str, runs: list[tuple[str, dict]]) -> Path:
    folder = out / quarter
    folder.mkdir(parents=True)
    for _, run in runs:
        run["params"]["quarter"] = quarter
        if run["html"]:
            (folder / run["html"]).write_text("<!DOCTYPE html><html><body>x</body></html>\n")
    manifest = {"quarter": quarter, "updated": "2026-01-01T00:00:00+00:00", "runs": dict(runs)}
    (folder / "manifest.json").write_text(json.dumps(manifest))
    return folder


@pytest.fixture(scope="module")
def dataset():
    return load(Path(__file__).resolve().parents[1] / "fixtures" / "data")


@pytest.fixture
def site(tmp_path, dataset) -> Path:
    out = tmp_path / "reports"
    _quarter(out, "2024Q4", [_run("data", "zh"), _run("data", "en")])
    _quarter(out, "2025Q3", [
        _run("data", "zh"), _run("data", "en"),
        _run("platform", "en", platform="douyin"),
        # failed, its last good page kept
        _run("brief", "en", status="failed", error="ValueError: <b>bad</b> figure"),
        # failed on its first build: nothing to link to
        _run("brief", "zh", status="failed", html=False, error="timed out: a cell ran longer than 3 s"),
    ])
    _quarter(out, "2025Q1", [_run("data", "en")])
    (out / "drafts").mkdir()  # not a quarter: ignored
    (out / "2025Q3" / ".work").mkdir()
    write_indexes(out, dataset)
    return out


def test_top_index_lists_quarters_newest_first_with_both_languages(site):
    top = (site / "index.html").read_text(encoding="utf-8")
    assert links(top) == [f"{q}/index-{lang}.html" for q in ("2025Q3", "2025Q1", "2024Q4") for lang in ("en", "zh")]
    assert "drafts" not in top
    assert re.search(r"2025Q3</b>.*?\(1 missing", top)  # brief-zh failed with nothing to show
    assert "2024Q4</b>" in top and "missing" not in top.split("2024Q4")[1]
    for target in links(top):
        assert (site / target).is_file()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_quarter_index_links_every_report_of_the_quarter_in_its_language(site, lang):
    index = (site / "2025Q3" / f"index-{lang}.html").read_text(encoding="utf-8")
    other = "zh" if lang == "en" else "en"
    hrefs = links(index)
    assert "../index.html" in hrefs and f"index-{other}.html" in hrefs
    pages = {h for h in hrefs if h.endswith(f"-{lang}.html") and not h.startswith("index")}
    published = {p.name for p in (site / "2025Q3").glob(f"*-{lang}.html") if not p.name.startswith("index")}
    assert pages == published
    if lang == "en":
        assert pages == {"data-en.html", "platform-douyin-en.html", "brief-en.html"}
        assert "Data appendix" in index and "数据附录" not in index
        assert "Platform profile · Douyin" in index
        assert "figures: <b>123</b>" in index  # headline figures from the records
    else:
        assert pages == {"data-zh.html"} and "数据附录" in index


def test_readers_see_no_build_internals(site):
    for lang in ("en", "zh"):
        index = (site / "2025Q3" / f"index-{lang}.html").read_text(encoding="utf-8")
        assert "3.2" not in index and "Seconds" not in index and "✓" not in index
        assert "ValueError" not in index and "timed out" not in index  # errors stay in the manifest and the CLI


def test_a_failed_report_says_it_is_missing_and_since_when(site):
    en = (site / "2025Q3" / "index-en.html").read_text(encoding="utf-8")
    row = next(r for r in re.findall(r"<tr>(.*?)</tr>", en, re.S) if "brief-en.html" in r)
    assert "shown from the build of" in row and "2026-01-01 00:00 failed" in row  # its last good page kept
    zh = (site / "2025Q3" / "index-zh.html").read_text(encoding="utf-8")
    row = next(r for r in re.findall(r"<tr>(.*?)</tr>", zh, re.S) if "季度简报" in r)
    assert "href" not in row and "暂不可用" in row and "2026-01-01 00:00" in row


def test_indexes_are_complete_documents(site):
    for path in [site / "index.html", *site.glob("*/index-*.html")]:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>"), path
        assert "<script" not in text
    assert not (site / "drafts" / "index-en.html").exists()


def test_building_one_quarter_leaves_the_other_quarters_indexes_alone(site, dataset):
    """Issue 10: building one quarter rewrote every quarter's index."""
    other = site / "2024Q4" / "index-en.html"
    other.write_text("kept as it was", encoding="utf-8")
    write_indexes(site, dataset, quarters={"2025Q3"})
    assert other.read_text(encoding="utf-8") == "kept as it was"
    assert "2024Q4" in (site / "index.html").read_text(encoding="utf-8")  # still listed on the top index
