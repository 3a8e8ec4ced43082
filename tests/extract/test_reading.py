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


# --- issue 24: bounded work on any input, encrypted and damaged PDFs ------------------------------------------

def _encrypted(raw: bytes, user_password: str, algorithm: str) -> bytes:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(raw)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("algorithm", ["AES-256", "AES-128"])
def test_an_aes_encrypted_pdf_with_an_empty_password_is_read(tmp_path, minimal_pdf, algorithm):
    """Issue 24 item 14: the usual "protected" IR PDF; pypdf needs the cryptography package for AES."""
    path = tmp_path / "protected.pdf"
    path.write_bytes(_encrypted(minimal_pdf(RELEASE_LINES), "", algorithm))
    assert [line.strip() for line in read_document(path).text.strip().splitlines()] == RELEASE_LINES


def test_cryptography_is_a_declared_dependency():
    import tomllib
    from pathlib import Path

    import yaml

    root = Path(__file__).resolve().parents[2]
    declared = tomllib.loads((root / "pyproject.toml").read_text())["project"]["dependencies"]
    assert any(requirement.startswith("cryptography") for requirement in declared)
    conda = yaml.safe_load((root / "environment.yml").read_text())["dependencies"]
    assert any(isinstance(d, str) and d.startswith("cryptography") for d in conda)


def test_a_pdf_that_needs_a_password_is_refused_clearly(tmp_path, minimal_pdf):
    path = tmp_path / "locked.pdf"
    path.write_bytes(_encrypted(minimal_pdf(RELEASE_LINES), "secret", "AES-128"))
    with pytest.raises(DataError, match="is an encrypted PDF that needs a password; save an unlocked copy"):
        read_document(path)


def test_a_truncated_pdf_gives_kreports_message_alone(tmp_path, minimal_pdf, capfd, caplog):
    raw = minimal_pdf(RELEASE_LINES)
    path = tmp_path / "cut.pdf"
    path.write_bytes(raw[: len(raw) * 2 // 3])
    with caplog.at_level("DEBUG"), pytest.raises(DataError, match="is not a readable PDF"):
        read_document(path)
    assert capfd.readouterr() == ("", "")
    assert [r.getMessage() for r in caplog.records if r.name.startswith("pypdf")] == []  # "EOF marker not found" came first


def test_the_size_is_checked_before_reading(tmp_path, monkeypatch):
    """Issue 24 item 13: a 1 GB file was read whole (1.2 GB of memory) before the 50 MB check."""
    import pathlib

    from kreport.extract import reading

    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(reading.MAX_BYTES + 1)  # sparse: no disk used
    read = []
    monkeypatch.setattr(pathlib.Path, "read_bytes", lambda self: read.append(self) or b"")
    with pytest.raises(DataError, match="is larger than 50 MB"):
        read_document(path)
    assert read == []


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_what_is_not_a_regular_file_is_refused_without_reading(tmp_path, kind):
    import os
    from pathlib import Path

    path = tmp_path / "release.txt"
    if kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        os.mkfifo(path)  # nobody writes: a plain open() would wait for ever
    else:
        if not Path("/dev/zero").exists():
            pytest.skip("no /dev/zero here")
        path.symlink_to("/dev/zero")  # endless: read_bytes() ran out of memory
    with pytest.raises(DataError, match="is not a regular file"):
        read_document(path)


def test_deeply_nested_html_is_read_in_linear_time(tmp_path):
    """Issue 24 item 12: 20,000 nested <div>s took 20 s (each text looked up every ancestor for a <pre>)."""
    import time

    n = 20_000
    path = tmp_path / "nested.html"
    path.write_text("<html><body>" + "<div>x " * n + "<pre>a  b</pre>Revenue was RMB1 billion." + "</div>" * n + "</body></html>")
    started = time.perf_counter()
    text = read_document(path).text
    assert time.perf_counter() - started < 8
    assert text.endswith("x\n\na  b\n\nRevenue was RMB1 billion.\n") and text.count("x") == n


def test_pre_keeps_its_spaces_and_cells_and_breaks_keep_their_shape(tmp_path):
    path = tmp_path / "table.html"
    path.write_text("<html><body><!-- note --><pre>a   b\n c</pre><table><tr><td>x</td><td>y</td></tr></table>"
                    "<p>one<br>two   three</p><svg><text>drop</text></svg></body></html>")
    assert read_document(path).text == "a   b\nc\n\nx y\n\none\ntwo three\n"
