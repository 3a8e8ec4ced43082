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
