"""The text of a saved release (kreport/extract/reading.py): text, HTML and PDF read; anything else refused."""

from __future__ import annotations

import pytest

from kreport.errors import DataError
from kreport.extract.reading import read_document

RELEASE_LINES = [
    "Kuaishou Technology Announces Second Quarter 2025 Unaudited Financial Results",
    "Second Quarter 2025 Key Highlights",
    "- Average DAUs on Kuaishou APP were 408.9 million, representing an increase of 3.4% from 395.3 million",
    "for the same period of 2024.",
]


def test_a_text_file_is_read_as_it_is(tmp_path):
    path = tmp_path / "release.txt"
    path.write_text("第一行\r\n第二行\r\n", encoding="utf-8")
    document = read_document(path)
    assert (document.kind, document.text) == ("text", "第一行\n第二行\n")


def test_chinese_text_in_gb18030_or_big5_is_read(tmp_path):
    for encoding, text in (("gb18030", "快手应用平均日活跃用户为3.634亿。"), ("big5", "快手應用平均日活躍用戶為3.662億。")):
        path = tmp_path / f"release-{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        assert read_document(path).text == text


def test_an_html_page_keeps_its_blocks_and_loses_its_scripts(tmp_path):
    path = tmp_path / "release.html"
    path.write_text(
        "<!DOCTYPE html>\n<!-- saved from url=(0035)https://example.org/ks-2025q2.html -->\n<html><head>"
        "<title>Kuaishou Technology Announces Second Quarter 2025 Results</title><script>var a = 'RMB1 billion';</script>"
        "</head><body><p><b>Second Quarter 2025 Key Highlights</b></p><ul><li>Average DAUs on Kuaishou APP were <b>408.9</b>\n"
        "million.</li><li>Total e-commerce GMV<sup>(1)</sup> was RMB358<span>.9</span> billion.</li></ul></body></html>",
        encoding="utf-8")
    document = read_document(path)
    assert document.kind == "html"
    assert document.title == "Kuaishou Technology Announces Second Quarter 2025 Results"
    assert document.url == "https://example.org/ks-2025q2.html"
    assert document.text.splitlines() == ["Second Quarter 2025 Key Highlights", "", "• Average DAUs on Kuaishou APP were 408.9 million.",
                                          "", "• Total e-commerce GMV(1) was RMB358.9 billion."]
    assert "RMB1 billion" not in document.text


def test_a_pdf_is_read_through_its_text_layer(tmp_path, minimal_pdf):
    path = tmp_path / "release.pdf"
    path.write_bytes(minimal_pdf(RELEASE_LINES))
    document = read_document(path)
    assert document.kind == "pdf"
    assert [line.strip() for line in document.text.strip().splitlines()] == RELEASE_LINES


@pytest.mark.parametrize("content, message", [
    (b"\x89PNG\r\n\x1a\n" + bytes(64), "a PNG image"),
    (b"PK\x03\x04" + bytes(64), "a ZIP archive"),
    (b"\x00\x01\x02binary" * 10, "binary data"),
    (b"%PDF-1.4\nnot really a pdf", "not a readable PDF"),
    ("empty pdf", "without a text layer"),
    (b"   \n", "is empty"),
])
def test_what_is_not_a_release_text_is_refused_naming_the_file(tmp_path, minimal_pdf, content, message):
    path = tmp_path / "release.bin"
    path.write_bytes(minimal_pdf([]) if content == "empty pdf" else content)
    with pytest.raises(DataError, match=message) as caught:
        read_document(path)
    assert str(caught.value).startswith(str(path))


def test_a_missing_file_and_a_folder_are_refused(tmp_path):
    with pytest.raises(DataError, match="no such file"):
        read_document(tmp_path / "nothing.txt")
    with pytest.raises(DataError, match="is a folder"):
        read_document(tmp_path)
