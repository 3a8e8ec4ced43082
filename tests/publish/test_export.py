"""Reader-clean, self-contained HTML (kreport/export.py).

Unit tests feed a hand-made executed notebook to the exporter; the page tests build the data
appendix (from a data copy holding a ``<script>`` in a note) and a fixture notebook that writes
to stdout and stderr, and read every published page.
"""

from __future__ import annotations

import csv
import hashlib
import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from kreport.publish.catalog import REPORTS, ReportSpec
from kreport.publish.export import RECORD_MIME, notebook_records, notebook_to_html, page
from kreport.publish.orchestrator import build

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
QUARTER = "2025Q3"
XSS = "<script>alert(1)</script>"
EXTERNAL = re.compile(r"^\s*(https?:)?//", re.I)


class Document(HTMLParser):
    """What the tests look at in a page: tags with attributes, ids, style text, text."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.ids: dict[str, str] = {}
        self.styles: list[str] = []
        self.text: list[str] = []
        self._in_style = False
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if "id" in attrs:
            self.ids[attrs["id"]] = tag
        if "style" in attrs:
            self.styles.append(attrs["style"] or "")
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        (self.styles if self._in_style else self.text).append(data)


def external_requests(markup: str) -> list[str]:
    """Every URL the page would fetch from a network: src/href of anything but <a>, CSS url() and @import."""
    doc = Document(markup)
    found = []
    for tag, attrs in doc.tags:
        for name, value in attrs.items():
            if value is None:
                continue
            if name in ("src", "srcset", "data", "poster", "action", "formaction", "background") or (
                    name in ("href", "xlink:href") and tag != "a"):
                if EXTERNAL.match(value) or (name == "srcset" and re.search(r"(https?:)?//", value)):
                    found.append(f"<{tag} {name}={value}>")
    for css in doc.styles:
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css):
            if not url.startswith(("data:", "#")):
                found.append(f"url({url})")
        found += re.findall(r"@import[^;]*", css)
    return found


# --- the exporter on a hand-made notebook ----------------------------------------------------

def _executed_notebook():
    params = new_code_cell('quarter: str = "2025Q3"\nlang: str = "en"', execution_count=1)
    params.metadata["tags"] = ["parameters"]
    injected = new_code_cell('# Parameters\ndata_dir = "/secret/injected/path"\n', execution_count=2,
                             outputs=[new_output("execute_result", data={"text/plain": "'/secret/injected/path'"},
                                                 execution_count=2)])
    injected.metadata["tags"] = ["injected-parameters"]
    body = new_code_cell("SECRET_SOURCE = compute()\ndisplay(section)", execution_count=3, outputs=[
        new_output("stream", name="stdout", text="stdout chatter\n"),
        new_output("stream", name="stderr", text="UserWarning: stderr chatter\n"),
        new_output("display_data", data={"text/html": '<h2 id="s1">1. Growth</h2><p>Body text.</p>',
                                         "text/plain": "<Html object repr>"}),
        new_output("display_data", data={RECORD_MIME: {"title": "T", "headlines": [{"label": "a", "value": 1}]},
                                         "text/plain": ""}),
        new_output("error", ename="ZeroDivisionError", evalue="division by zero",
                   traceback=["Traceback (most recent call last):", "ZeroDivisionError: division by zero"]),
    ])
    second = new_code_cell("x", execution_count=4, outputs=[
        new_output("execute_result", data={"text/html": '<h2 id="s2">2. Outlook</h2>'}, execution_count=4)])
    note = new_markdown_cell("Notes for notebook users: MARKDOWN_NOTE")
    return new_notebook(cells=[note, params, injected, body, second])


def test_notebook_to_html_keeps_only_reader_output():
    body = notebook_to_html(_executed_notebook())
    assert '<h2 id="s1">1. Growth</h2>' in body and '<h2 id="s2">2. Outlook</h2>' in body
    for hidden in ("SECRET_SOURCE", "display(section)", "/secret/injected/path", "data_dir", "quarter: str",
                   "stdout chatter", "stderr chatter", "Traceback", "ZeroDivisionError", "division by zero",
                   "Html object repr", "MARKDOWN_NOTE", "headlines", "In&nbsp;[", "Out["):
        assert hidden not in body, hidden
    assert "<script" not in body and "jp-InputArea" not in body


def test_notebook_records_collects_headline_figures():
    assert notebook_records(_executed_notebook()) == {"title": "T", "headlines": [{"label": "a", "value": 1}]}


def test_page_wraps_body_with_title_toc_and_escaped_footer():
    body = notebook_to_html(_executed_notebook())
    html = page(body, title="Growth <trends>", lang="zh", footer={"parameters": '{"lang": "zh"}', "note": "<b>x</b>"})
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"zh-CN\">") and html.endswith("</html>\n")
    assert "<title>Growth &lt;trends&gt;</title>" in html
    assert '<nav class="toc" aria-label="目录">' in html
    assert '<a href="#s1">1. Growth</a>' in html and '<a href="#s2">2. Outlook</a>' in html
    assert "<td>&lt;b&gt;x&lt;/b&gt;</td>" in html and "来源与构建信息" in html
    assert external_requests(html) == []


def test_external_request_detector_finds_what_it_should():
    bad = ('<html><head><link rel="stylesheet" href="https://cdn.example/x.css">'
           '<script src="//cdn.example/x.js"></script><style>body{background:url(http://x/y.png)}</style>'
           '</head><body><img src="https://x/y.png"><a href="https://ok.example/">fine</a>'
           '<div style="background: url(\'data:image/png;base64,AA\')"></div></body></html>')
    assert len(external_requests(bad)) == 4


# --- published pages ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The data appendix from a data copy with a <script> in a note, plus the stdout/stderr fixture."""
    import shutil

    from kreport.config import PROJECT_ROOT
    from kreport.dataset.schema import TABLES

    root = tmp_path_factory.mktemp("export")
    data = root / "data"
    data.mkdir()
    for name in TABLES:
        shutil.copyfile(PROJECT_ROOT / "data" / name, data / name)
    path = data / "metrics.csv"
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    rows[1][rows[0].index("note")] = f"analyst note {XSS} end"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    # A reader note is what reaches the page: escaped like every text from data.
    platform, metric, period = (rows[1][rows[0].index(c)] for c in ("platform", "metric", "period"))
    (data / "reader_notes.csv").write_text(f"platform,metric,period,note_en,note_zh\n{platform},{metric},{period},"
                                           f"reader note {XSS} end,读者说明 {XSS} 完\n", encoding="utf-8")
    catalog = {"data": REPORTS["data"],
               "good": ReportSpec("good", str(FIXTURES / "good.ipynb"), ("lang",))}
    out = root / "out"
    # The quarter is named: the shipped data's newest quarter moves on as figures are added (2026Q1 since issue 12).
    results = build(QUARTER, out_dir=out, data_dir=data, catalog=catalog, jobs=2, echo=lambda line: None)
    assert [r.status for r in results] == ["built"] * 4, [(r.name, r.error) for r in results]
    return {"out": out, "data": data, "results": results}


def _pages(built):
    return sorted(p for p in (built["out"] / QUARTER).glob("*-*.html") if not p.name.startswith("index-"))


@pytest.mark.slow
def test_pages_are_reader_clean(built):
    pages = _pages(built)
    assert [p.name for p in pages] == ["data-en.html", "data-zh.html", "good-en.html", "good-zh.html"]
    for path in pages:
        html = path.read_text(encoding="utf-8")
        for hidden in ("open_report(", "from kreport", "rep.title_block", "SECRET_CODE_MARKER", "import sys",
                       "injected-parameters", "# Parameters", str(built["data"]), "data_dir",
                       "stdout-noise-marker", "stderr-noise-marker", "Traceback", "Error:",
                       "jp-InputArea", "jp-InputPrompt", "jp-OutputPrompt", "In&nbsp;[", "application/vnd.kreport"):
            assert hidden not in html, f"{hidden!r} in {path.name}"
        assert 'data-mime-type="application/vnd.jupyter.stderr"' not in html
        assert "<script" not in html.lower(), path.name
        assert external_requests(html) == [], path.name


@pytest.mark.slow
def test_pages_have_title_block_and_working_toc(built):
    for path in _pages(built):
        html = path.read_text(encoding="utf-8")
        doc = Document(html)
        assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
        assert '<header class="title-block">' in html and html.count("<h1>") == 1
        assert re.search(r"<title>[^<]+</title>", html)
        lang = "zh-CN" if path.stem.endswith("-zh") else "en"
        assert f'<html lang="{lang}">' in html
        toc = re.search(r'<nav class="toc".*?</nav>', html, re.S).group(0)
        targets = re.findall(r'<a href="#([^"]+)"', toc)
        assert len(targets) >= 2, path.name
        for target in targets:
            assert doc.ids.get(target) == "h2", f"{path.name}: TOC link #{target} has no heading"


@pytest.mark.slow
def test_pages_have_provenance_footer(built):
    metrics_hash = hashlib.sha256((built["data"] / "metrics.csv").read_bytes()).hexdigest()[:12]
    for path in _pages(built):
        page = path.read_text(encoding="utf-8")
        footer = re.search(r'<footer class="provenance">(.*?)</footer>', page, re.S).group(1)
        rows = dict(re.findall(r"<tr><th>(.*?)</th><td>(.*?)</td></tr>", footer))
        lang = path.stem.rsplit("-", 1)[1]
        if lang == "zh":  # the labels in the reader's language
            from kreport.publish.export import _FOOTER_ZH

            rows = {english: rows[chinese] for english, chinese in _FOOTER_ZH.items() if chinese in rows}
        assert set(rows) >= {"parameters", "built", "run time", "data files (sha256)", "git commit", "versions"}
        assert html.unescape(rows["parameters"]) == f'{{"quarter": "{QUARTER}", "lang": "{lang}"}}'
        assert f"data/metrics.csv {metrics_hash}" in rows["data files (sha256)"]
        assert all(f"data/{name}" in rows["data files (sha256)"]
                   for name in ("events.csv", "platforms.csv", "sources.csv"))
        assert re.match(r"^([0-9a-f]{7,}|none)", rows["git commit"])
        for package in ("kreport", "pandas", "papermill", "nbconvert", "Python"):
            assert package in rows["versions"]


@pytest.mark.slow
def test_text_from_data_is_escaped(built):
    for lang in ("en", "zh"):
        html = (built["out"] / QUARTER / f"data-{lang}.html").read_text(encoding="utf-8")
        assert "analyst note" not in html  # the analysts' note never reaches a page
        note = "reader note" if lang == "en" else "读者说明"
        assert f"{note} &lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert XSS not in html


@pytest.mark.slow
def test_indexes_are_clean_too(built):
    for path in (built["out"] / "index.html", built["out"] / QUARTER / "index-en.html", built["out"] / QUARTER / "index-zh.html"):
        html = path.read_text(encoding="utf-8")
        assert "<script" not in html and external_requests(html) == []
