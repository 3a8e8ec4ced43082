"""The text of a saved release: a text file, an HTML page saved from a browser, or a PDF.

HTML is read with Beautiful Soup: scripts and styles dropped, every block element (paragraph, list item,
heading, table row) on lines of its own, so sentences and headings keep their shape. PDF text is read with
pypdf, page by page. The page's title and, where the browser recorded it, its address come along for the
sources.csv row. Anything else (a missing file, a folder, a FIFO or a device, a file over 50 MB, an image, a
Word file, a PDF without a text layer or one that needs a password) is refused with a DataError naming the
file. The size is checked before a byte is read, and never more than the limit is read. An encrypted PDF
with an empty password (the usual "protected" investor-relations PDF, AES or RC4) is opened with the
``cryptography`` package; pypdf's own warnings about a damaged file are not printed, kreport's message says it.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import re
import stat
import warnings
from dataclasses import dataclass
from pathlib import Path

from kreport.errors import DataError

__all__ = ["Document", "read_document", "MAX_BYTES"]

MAX_BYTES = 50_000_000
_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_BINARY = {
    b"\x89PNG": "a PNG image", b"GIF8": "a GIF image", b"\xff\xd8\xff": "a JPEG image", b"PK\x03\x04": "a ZIP archive (a Word or Excel file?)",
    b"\xd0\xcf\x11\xe0": "an old Office file", b"\x7fELF": "a program", b"RIFF": "a media file",
}
_BLOCKS = ("p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "blockquote", "pre", "table", "tr",
           "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "hr", "address", "title")
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)


@dataclass(frozen=True)
class Document:
    """A release's text and what the file says about where it came from."""

    path: Path
    text: str
    kind: str  # text, html or pdf
    title: str = ""
    url: str = ""


def _refuse(path: Path, message: str) -> DataError:
    return DataError(path, None, None, message)


_COMMON = frozenset("的年季度人民币幣亿億元为為收入用户戶总總月日活跃躍同期增长長较較在和了公司")


def _common_share(text: str) -> int:
    return sum(1 for c in text[:20000] if c in _COMMON) - sum(1 for c in text[:20000] if "\ue000" <= c <= "\uf8ff")


def _decode(path: Path, raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    if b"\x00" in raw[:8192]:
        raise _refuse(path, "is not a text, HTML or PDF file (it holds binary data)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # GB18030 decodes almost any bytes, Big5 ones included, into nonsense: the decoding that gives
        # more of the characters every results release uses wins.
        decoded = []
        for encoding in ("gb18030", "big5"):
            try:
                decoded.append(raw.decode(encoding))
            except UnicodeDecodeError:
                continue
        text = max(decoded, key=_common_share, default=None)
        if text is None or _common_share(text) == 0:
            text = None
    if text is not None:
        controls = sum(1 for c in text[:20000] if ord(c) < 32 and c not in "\t\n\r\f")
        if controls <= len(text[:20000]) / 100:
            return text
    raise _refuse(path, "is not a text, HTML or PDF file (not UTF-8, GB18030 or Big5 text); save the page as text or HTML")


def _looks_html(path: Path, text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return path.suffix.lower() in _HTML_SUFFIXES or head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head


_SKIPPED = frozenset(("script", "style", "noscript", "template", "head", "svg", "iframe"))
_BLOCK_SET = frozenset(_BLOCKS)


def _flatten(soup) -> str:
    """The page's text in one walk of the tree (linear in its size, however deep the nesting): scripts,
    styles and the head left out, comments and declarations dropped, white space runs made one space
    outside ``<pre>``, a line break for ``<br>``, blank lines around every block, a bullet before each list
    item and a space after each table cell."""
    from bs4 import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction

    markup = (Comment, Declaration, Doctype, ProcessingInstruction)
    out: list[str] = []
    pre = 0
    stack = [(soup, iter(soup.contents))]
    while stack:
        tag, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            name = tag.name
            if name in _BLOCK_SET or name == "li":
                out.append("\n\n")
            elif name in ("td", "th"):
                out.append(" ")
            if name == "pre":
                pre -= 1
            continue
        if isinstance(child, NavigableString):
            if not isinstance(child, markup):
                out.append(str(child) if pre else re.sub(r"\s+", " ", str(child)))
            continue
        name = child.name
        if name in _SKIPPED:
            continue
        if name == "br":
            out.append("\n")
            continue
        if name == "li":
            out.append("\n\n• ")
        elif name in _BLOCK_SET:
            out.append("\n\n")
        if name == "pre":
            pre += 1
        stack.append((child, iter(child.contents)))
    return "".join(out)


def _html(path: Path, text: str) -> Document:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    url = ""
    if saved := _SAVED_FROM.search(text[:5000]):
        url = saved.group(1)
    for link in soup.find_all("link", rel="canonical", href=True):
        url = url or link["href"]
    for meta in soup.find_all("meta", property="og:url", content=True):
        url = url or meta["content"]
    lines = [line.strip() for line in _flatten(soup).splitlines()]
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
    url = url if url.startswith(("http://", "https://")) else ""
    return Document(path, body, "html", title, url)


@contextlib.contextmanager
def _quiet_pypdf():
    """pypdf logs and warns about damaged files on its own; kreport's DataError says what matters."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _pdf(path: Path, raw: bytes) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        with _quiet_pypdf():
            reader = PdfReader(io.BytesIO(raw))
            if reader.is_encrypted and not reader.decrypt(""):
                raise _refuse(path, "is an encrypted PDF that needs a password; save an unlocked copy (print it to PDF, or save the page as HTML)")
            pages = [page.extract_text() or "" for page in reader.pages]
            title = str((reader.metadata or {}).get("/Title") or "")
    except (DependencyError, FileNotDecryptedError, NotImplementedError) as exc:
        raise _refuse(path, f"is an encrypted PDF kreport cannot open ({exc}); save an unlocked copy (print it to PDF, "
                            "or save the page as HTML)") from exc
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as exc:
        raise _refuse(path, f"is not a readable PDF ({exc})") from exc
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise _refuse(path, "is a PDF without a text layer (a scan?); save the release as text or HTML instead")
    return Document(path, text + "\n", "pdf", title)


def _read_bounded(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_BYTES. The file is opened without blocking (a FIFO with no
    writer would hang a plain open) and checked on its open descriptor before a byte is read; a file that
    grows meanwhile is read no further than the limit."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise _refuse(path, "no such file") from None
    except (IsADirectoryError, PermissionError):
        if path.is_dir():
            raise _refuse(path, "is a folder; give a text, HTML or PDF file") from None
        raise
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _refuse(path, "is a folder; give a text, HTML or PDF file")
        if not stat.S_ISREG(info.st_mode):
            raise _refuse(path, "is not a regular file (a FIFO, a device or a socket); give a saved text, HTML or PDF file")
        if info.st_size > MAX_BYTES:
            raise _refuse(path, f"is larger than {MAX_BYTES // 1_000_000} MB; a results release is far smaller")
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as handle:
        raw = handle.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise _refuse(path, f"is larger than {MAX_BYTES // 1_000_000} MB; a results release is far smaller")
    return raw


def read_document(path: Path | str) -> Document:
    """The text of the file at ``path``; DataError naming the file when it cannot be read as a release."""
    path = Path(path)
    raw = _read_bounded(path)
    if not raw.strip():
        raise _refuse(path, "is empty")
    if raw.startswith(b"%PDF-"):
        return _pdf(path, raw)
    for magic, what in _BINARY.items():
        if raw.startswith(magic):
            raise _refuse(path, f"is not a text, HTML or PDF file (it looks like {what})")
    text = _decode(path, raw).replace("\r\n", "\n").replace("\r", "\n")
    if _looks_html(path, text):
        return _html(path, text)
    return Document(path, text, "text")
