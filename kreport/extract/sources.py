"""The sources.csv row for a release read from a file: id, title, publisher, address, date and tier.

What the file does not say is left empty rather than guessed (an address for a text file, a date a
page does not print). The tier follows the page: ``company`` for the company's own investor-relations
site, ``newswire`` for a release carried by a wire (the dateline says /PRNewswire/, /美通社/, GLOBE
NEWSWIRE or BUSINESS WIRE), else ``aggregator``; ``--tier`` settles it. The analyst reviews the row, as
every row, before ``--apply``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from urllib.parse import urlparse

from kreport.csvsafe import neutralise
from kreport.dataset.validate import Row as DataRow
from kreport.dataset.validate import parse_date
from kreport.extract.periods import MONTH
from kreport.extract.reading import Document
from kreport.extract.release import Release

__all__ = ["SourceRow", "source_for", "COMPANY_HOSTS", "SOURCE_COLUMNS"]

SOURCE_COLUMNS = ("source_id", "title", "publisher", "url", "published", "read_at", "tier")
# Investor-relations hosts of the companies: a page read there is the company's own.
COMPANY_HOSTS = ("ir.kuaishou.com", "investor.pddholdings.com", "investor.pinduoduo.com", "alibabagroup.com",
                 "ir.jd.com", "corporate.jd.com")
_WIRES = (("/美通社/", "PR Newswire 美通社"), ("/PRNewswire/", "PR Newswire"), ("GLOBE NEWSWIRE", "GlobeNewswire"),
          ("BUSINESS WIRE", "Business Wire"))
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DATELINE_EN = re.compile(rf"({MONTH}) (\d{{1,2}}), (\d{{4}})\s*(?:/PRNewswire/|/美通社/|\(GLOBE NEWSWIRE\)|\(BUSINESS WIRE\)|[–—-])")
_DATELINE_ZH = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日\s*/美通社/")


@dataclass(frozen=True)
class SourceRow:
    """A row of sources.csv; ``new`` is False when the id is already there (it is then only cited)."""

    source_id: str
    title: str
    publisher: str
    url: str
    published: str
    read_at: str
    tier: str
    new: bool = True

    def cells(self) -> dict[str, str]:
        return {column: getattr(self, column) for column in SOURCE_COLUMNS}


def _published(text: str) -> str:
    head = text[:4000]
    day = None
    if match := _DATELINE_ZH.search(head):
        day = f"{match.group(1)}-{int(match.group(2)):02d}-{int(match.group(3)):02d}"
    elif match := _DATELINE_EN.search(head):
        month = _MONTHS.index(match.group(1).lower().rstrip(".")[:3]) + 1
        day = f"{match.group(3)}-{month:02d}-{int(match.group(2)):02d}"
    if day is None:
        return ""
    try:
        return day if parse_date(day) <= dt.date.today() else ""
    except ValueError:
        return ""


def _wire(text: str) -> str:
    head = text[:4000]
    return next((name for mark, name in _WIRES if mark in head), "")


def _tier(url: str, wire: str) -> str:
    host = urlparse(url).hostname or ""
    if any(host == h or host.endswith("." + h) for h in COMPANY_HOSTS):
        return "company"
    return "newswire" if wire else "aggregator"


def _free_id(wanted: str, url: str, read_at: str, title: str, existing: dict[str, DataRow]) -> tuple[str, bool]:
    """``wanted``, or the existing id of the same page (its address, or for a file without one its name and
    title), or ``wanted-2``, ``-3`` ... if taken."""
    for sid, row in existing.items():
        if (url and url in (row["url"], row["read_at"])) or (not url and row["read_at"] == read_at and row["title"] == title):
            return sid, False
    candidate, n = wanted, 1
    while candidate in existing:
        n += 1
        candidate = f"{wanted}-{n}"
    return candidate, True


def source_for(document: Document, release: Release, parents: dict[str, str], existing: dict[str, DataRow],
               source_id: str | None = None, tier: str | None = None, *, url: str | None = None,
               publisher: str | None = None) -> SourceRow:
    """The source row of one release file. ``parents``: the listed company's name per platform;
    ``existing``: the rows of sources.csv by id. A given ``source_id`` already in sources.csv is cited as is.
    ``url`` and ``publisher`` (from the command line) replace the address the file does not carry and the
    publisher otherwise made from the company's name and the wire."""
    if url:
        document = replace(document, url=url)
    if source_id and source_id in existing:
        row = existing[source_id]
        return SourceRow(source_id, row["title"], row["publisher"], row["url"], row["published"], row["read_at"], row["tier"], new=False)
    period = release.period.label.lower() if release.period else "unknown"
    wanted = source_id or f"{release.platform or 'release'}-{period}-{release.language}"
    parent = parents.get(release.platform or "", release.platform or "unknown company")
    title = " ".join((document.title or release.title or (
        f"[{parent} results release{' for ' + release.period.label if release.period else ''}, saved as {document.path.name}]")).split())
    # A page's title and a file's name are the page author's text: never a formula in a reader's spreadsheet.
    title, read_at = neutralise(title), neutralise(document.url or document.path.name)
    sid, new = (source_id, True) if source_id else _free_id(wanted, document.url, read_at, title, existing)
    if not new:
        row = existing[sid]
        return SourceRow(sid, row["title"], row["publisher"], row["url"], row["published"], row["read_at"], row["tier"], new=False)
    wire = _wire(document.text)
    host = urlparse(document.url).hostname if document.url else ""
    publisher = publisher or parent + (f" via {wire}" if wire else "") + (f" (on {host})" if host else "")
    return SourceRow(sid, title, publisher, document.url, _published(document.text), read_at, tier or _tier(document.url, wire))
