"""The index pages (kreport/site.py), written from hand-made manifests: no kernel runs here."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kreport.build.index_pages import write_indexes
from kreport.dataset.load import load


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
    return load()


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


def test_top_index_lists_quarters_newest_first_with_failures(site):
    top = (site / "index.html").read_text(encoding="utf-8")
    assert links(top) == ["2025Q3/index.html", "2025Q1/index.html", "2024Q4/index.html"]
    assert "drafts" not in top
    assert re.search(r"2025Q3</a>\s*— 5 reports, 2 failed", top)
    assert re.search(r"2024Q4</a>\s*— 2 reports</li>", top)
    for target in links(top):
        assert (site / target).is_file()


def test_quarter_index_links_every_report_of_the_quarter(site):
    index = (site / "2025Q3" / "index.html").read_text(encoding="utf-8")
    hrefs = links(index)
    assert "../index.html" in hrefs
    pages = {h for h in hrefs if h != "../index.html"}
    published = {p.name for p in (site / "2025Q3").glob("*.html") if p.name != "index.html"}
    assert pages == published == {"data-zh.html", "data-en.html", "platform-douyin-en.html", "brief-en.html"}
    assert "数据附录" in index and "Data appendix" in index  # titles from the catalog, per language
    assert "Platform profile · Douyin" in index
    assert "figures: <b>123</b>" in index  # headline figures from the records


def test_quarter_index_shows_failed_status_and_error(site):
    index = (site / "2025Q3" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr>(.*?)</tr>", index, re.S)
    failed = [row for row in rows if "✗ failed" in row]
    assert len(failed) == 2
    kept = next(row for row in failed if "brief-en.html" in row)
    assert "ValueError: &lt;b&gt;bad&lt;/b&gt; figure" in kept  # error text escaped
    assert "showing the last good version" in kept
    first = next(row for row in failed if "timed out" in row)
    assert "href" not in first and "last good version" not in first
    assert sum("✓ built" in row for row in rows) == 3


def test_indexes_are_complete_documents(site):
    for path in [site / "index.html", *site.glob("*/index.html")]:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>"), path
        assert "<script" not in text
    assert not (site / "drafts" / "index.html").exists()
