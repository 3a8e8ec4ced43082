"""``kreport extract``: saved results releases in, rows for metrics.csv out, and on request into data/.

:func:`extract` reads every file first (a file it cannot read stops the run before anything is printed),
works out what each release covers, reads its figures, gives each its status against the dataset and
makes the sources.csv row of each file. It writes nothing; :meth:`Extraction.apply` appends the new rows
(see :mod:`kreport.extract.apply`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kreport.config import DATA_DIR
from kreport.dataset.periods import parse_quarter
from kreport.dataset.schema import TIERS
from kreport.dataset.validate import ValidationReport, check
from kreport.errors import DataError, ParameterError
from kreport.extract.apply import Applied, append_rows
from kreport.extract.figures import Reading, read_figures
from kreport.extract.periods import Span
from kreport.extract.reading import Document, read_document
from kreport.extract.release import Release, read_release
from kreport.extract.rows import Row, existing_figures, make_rows, to_csv
from kreport.extract.sources import SourceRow, source_for

__all__ = ["Extraction", "FileResult", "extract"]

_SOURCE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*\Z")  # \Z: "$" would accept "id\n"
_LANGUAGE = {"en": "English", "zh-hans": "simplified Chinese", "zh-hant": "traditional Chinese"}


@dataclass(frozen=True)
class FileResult:
    """One release file: its text, what it covers, the figures read and its source row."""

    document: Document
    release: Release
    reading: Reading
    source: SourceRow


@dataclass
class Extraction:
    """Everything one run read: per file, and the rows with their status."""

    data_dir: Path
    files: list[FileResult]
    rows: list[Row]
    data_errors: int = 0
    applied: Applied | None = field(default=None)

    def to_csv(self) -> str:
        return to_csv(self.rows)

    def count(self, status: str) -> int:
        return sum(row.status == status for row in self.rows)

    def summary(self, applying: bool = False) -> list[str]:
        """What a reader needs to review the rows, one line each (``applying``: --apply follows)."""
        lines = []
        for result in self.files:
            release, rows = result.release, [r for r in self.rows if r.file == result.document.path.name]
            what = f"{release.platform or 'unknown company'} {release.period or 'unknown quarter'}"
            counts = ", ".join(f"{self._count(rows, s)} {s}" for s in ("new", "same", "conflict"))
            source = result.source
            cited = (f"source {source.source_id} ({'new' if source.new else 'already in sources.csv'}, tier {source.tier}"
                     + (f", published {source.published}" if source.published else ", no date found") + ")")
            lines.append(f"{result.document.path.name}: {what} ({_LANGUAGE.get(release.language, release.language)}, "
                         f"{result.document.kind}): {len(rows)} figures ({counts}); {cited}")
            lines += [f"  note: {note}" for note in release.notes]
            lines += [f"  left out: {why}" for why in result.reading.skipped]
        for row in self.rows:
            if row.status == "conflict":
                lines.append(f"conflict: {row.platform} {row.metric} {row.period}: {row.note.split('CONFLICT: ', 1)[-1]}")
        if self.data_errors:
            lines.append(f"{self.data_dir} has {self.data_errors} validation errors now (run `kreport validate`); --apply refuses until they are fixed")
        new = self.count("new")
        counts = f"{new} new, {self.count('same')} same, {self.count('conflict')} conflict."
        if applying:
            lines.append(counts)
        else:
            lines.append(counts + " " + ("Review the rows, then run again with --apply to append the new ones." if new and not self.count("conflict")
                                         else "Nothing to append." if not new else "Settle the conflicts before --apply."))
        return lines

    @staticmethod
    def _count(rows: list[Row], status: str) -> int:
        return sum(row.status == status for row in rows)

    def apply(self) -> Applied:
        """Append the new rows and their sources to the data folder (see :func:`append_rows`)."""
        self.applied = append_rows(self.rows, [f.source for f in self.files], self.data_dir)
        return self.applied

    def applied_summary(self) -> list[str]:
        applied = self.applied
        if applied is None:
            return []
        if not applied.metrics_added:
            return ["--apply: nothing new to append; data/ unchanged"]
        lines = [f"--apply: appended {applied.metrics_added} rows to {self.data_dir / 'metrics.csv'} and "
                 f"{applied.sources_added} to sources.csv; copies of the files before: "
                 + ", ".join(p.name for p in applied.backups)]
        lines += [f"  {warning}" for warning in applied.warnings]
        lines.append("Next: `kreport validate`, then `kreport build`.")
        return lines


def _platform_ids(report: ValidationReport) -> list[str]:
    return [row["platform"] for row in report.tables.get("platforms.csv", [])]


def _check_parameters(paths, platform, period, source_id, tier, report: ValidationReport) -> Span | None:
    if not paths:
        raise ParameterError("paths", paths, "at least one release file")
    platforms = _platform_ids(report)
    if platform is not None and platform not in platforms:
        raise ParameterError("platform", platform, "one of " + ", ".join(platforms))
    span = None
    if period is not None:
        quarter = parse_quarter(period, name="period")
        span = Span("quarter", quarter.year, quarter.quarter)
    if source_id is not None:
        if not _SOURCE_ID.match(source_id):
            raise ParameterError("source-id", source_id, "letters, digits, '.', '_' and '-', starting with a letter or digit")
        if len(paths) > 1:
            raise ParameterError("source-id", source_id, "given with one PATH only (each file is its own source)")
    if tier is not None and tier not in TIERS:
        raise ParameterError("tier", tier, "one of " + ", ".join(TIERS))
    return span


def extract(paths, *, platform: str | None = None, period: str | None = None, source_id: str | None = None,
            tier: str | None = None, data_dir: Path | str | None = None) -> Extraction:
    """Read the releases at ``paths`` and return the rows they give, with their status against ``data_dir``.

    Raises ParameterError for a bad option and DataError for a file that cannot be read or that
    contradicts ``platform`` or ``period``; reads every file before returning anything.
    """
    data_dir = Path(data_dir) if data_dir else DATA_DIR
    if not data_dir.is_dir():
        raise ParameterError("data", str(data_dir), "a data folder that exists")
    report = check(data_dir)
    missing = [p for p in report.errors if p.line is None and "missing" in p.message and p.file in ("metrics.csv", "platforms.csv", "sources.csv")]
    if missing:
        raise DataError(missing[0].file, None, None, missing[0].message)
    span = _check_parameters(list(paths), platform, period, source_id, tier, report)
    documents = [read_document(path) for path in paths]
    names = [d.path.name for d in documents]
    if len(set(names)) != len(names):
        raise ParameterError("paths", names, "files with different names (each is named in the notes)")
    fiscal = {row["platform"]: int(row["fiscal_year_end_month"]) for row in report.tables.get("platforms.csv", [])
              if row["fiscal_year_end_month"].isdigit()}
    parents = {row["platform"]: row["parent_en"] for row in report.tables.get("platforms.csv", [])}
    parents_zh = {row["platform"]: row["parent_zh"] for row in report.tables.get("platforms.csv", [])}
    sources = {row["source_id"]: row for row in report.tables.get("sources.csv", [])}
    results, readings = [], []
    for document in documents:
        release = read_release(document.text, name=str(document.path), platform=platform, period=span,
                               fiscal_year_end_month=fiscal)
        reading = read_figures(release) if release.platform and release.period else Reading((), ())
        names_for = parents if release.language == "en" else parents_zh
        source = source_for(document, release, names_for, sources, source_id, tier)
        if source.new:
            sources[source.source_id] = source.cells()  # taken: another file of the same address cites it, any other gets a new id
        results.append(FileResult(document, release, reading, source))
        readings.append((document.path.name, source.source_id, release.period.label if release.period else "",
                         list(reading.figures)))
    rows = make_rows(readings, existing_figures(report))
    return Extraction(data_dir, results, rows, len(report.errors))
