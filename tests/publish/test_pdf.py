"""PDF copies of the pages (kreport/publish/pdf.py): headless Chromium, written under a temporary name."""

import os
import stat
from pathlib import Path

import pytest

from kreport.publish import pdf


def test_chromium_is_found_from_the_environment_first(monkeypatch):
    monkeypatch.setenv("KREPORT_CHROMIUM", "/opt/my/chromium")
    assert pdf.find_chromium() == "/opt/my/chromium"


def test_without_chromium_there_is_no_pdf_and_a_hint(monkeypatch):
    monkeypatch.delenv("KREPORT_CHROMIUM", raising=False)
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    assert pdf.find_chromium() is None
    assert "apt-get install chromium" in pdf.INSTALL_HINT and "HTML was built anyway" in pdf.INSTALL_HINT


def test_a_failed_print_leaves_no_pdf_and_no_temporary_file(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<!DOCTYPE html><html><body><p>x</p></body></html>")
    with pytest.raises(Exception):  # noqa: B017 - /bin/false fails the way a crashing Chromium does
        pdf.print_pdf(page, "/bin/false")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html"]


@pytest.mark.skipif(pdf.find_chromium() is None, reason="chromium is not installed (make system-deps)")
def test_a_page_prints_to_an_a4_pdf_beside_it(tmp_path):
    page = tmp_path / "report-en.html"
    page.write_text("<!DOCTYPE html><html><body><h1>Quarterly brief</h1><p>text</p></body></html>")
    out = pdf.print_pdf(page, pdf.find_chromium())
    assert out == tmp_path / "report-en.pdf"
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and b"/MediaBox" in data
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report-en.html", "report-en.pdf"]
    assert Path(out).stat().st_size > 1000


# --- what a printed page carries: bookmarks, a running header and footer, page x of y --------------------

def _outline_titles(reader) -> list[str]:
    titles = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles


@pytest.mark.skipif(pdf.find_chromium() is None, reason="chromium is not installed (make system-deps)")
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_printed_page_has_bookmarks_a_running_header_and_page_x_of_y(tmp_path, lang):
    import pypdf

    from kreport.publish.export import page

    sections = "".join(f'<h2 id="s{i}">{i}. Section {i}</h2>' + "<p>text</p>" * 40 for i in range(1, 4))
    target = tmp_path / f"brief-{lang}.html"
    body = '<header class="title-block"><h1>Quarterly brief</h1></header><!--TOC-->' + sections
    nav = {"quarter": "2026Q1", "lang": lang, "index": f"index-{lang}.html", "all": "../index.html", "index_label": "2026Q1",
           "all_label": "all", "twin": None, "twin_label": "", "pages": [{"title": "Quarterly brief", "href": target.name, "current": True}]}
    html = page(body, title="Quarterly brief", lang=lang, footer={"built": "today"}, nav=nav)
    target.write_text(html, encoding="utf-8")
    reader = pypdf.PdfReader(pdf.print_pdf(target, pdf.find_chromium()))
    n = len(reader.pages)
    assert n >= 2
    titles = _outline_titles(reader)
    assert "Quarterly brief" in titles and {"1. Section 1", "2. Section 2", "3. Section 3"} <= set(titles), titles
    for i, sheet in enumerate(reader.pages, 1):
        text = " ".join(sheet.extract_text().split())
        assert "kreport · Quarterly brief" in text and "2026Q1" in text
        assert (f"Page {i} of {n}" if lang == "en" else f"第 {i} 页，共 {n} 页") in text.replace("⻚", "页"), text[:300]
        assert ("Sources:" if lang == "en" else "来源：") in text


@pytest.mark.slow
@pytest.mark.skipif(pdf.find_chromium() is None, reason="chromium is not installed (make system-deps)")
def test_the_pdf_of_a_built_report_has_its_headings_as_bookmarks_and_numbered_pages(tmp_path):
    """A real `kreport build --pdf`: the brief in English, read back with pypdf."""
    import re

    import pypdf

    from kreport.cli import main

    assert main(["build", "--quarter", "2026Q1", "--report", "brief", "--pdf", "--out", str(tmp_path)]) == 0
    html = (tmp_path / "2026Q1" / "brief-en.html").read_text(encoding="utf-8")
    reader = pypdf.PdfReader(tmp_path / "2026Q1" / "brief-en.pdf")
    headings = [re.sub(r"<[^>]+>", "", h) for h in re.findall(r'<h2 id="s\d+"[^>]*>(.*?)</h2>', html, re.S)]
    titles = _outline_titles(reader)
    assert headings and all(h in titles for h in headings), (headings, titles)
    n = len(reader.pages)
    for i, sheet in enumerate(reader.pages, 1):
        text = " ".join(sheet.extract_text().split())
        assert f"Page {i} of {n}" in text and "2026Q1" in text and "Sources:" in text
