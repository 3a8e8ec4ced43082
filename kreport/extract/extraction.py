"""``kreport extract``: saved results releases in, rows for metrics.csv out, and on request into data/.

:func:`extract` reads every file first (a file it cannot read stops the run before anything is printed),
works out what each release covers, reads its figures, gives each its status against the dataset and
makes the sources.csv row of each file. It writes nothing; :meth:`Extraction.apply` appends the new rows
(see :mod:`kreport.extract.apply`).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from kreport.config import DATA_DIR
from kreport.dataset.periods import parse_quarter
from kreport.dataset.schema import TIERS
from kreport.dataset.validate import ValidationReport, check, split_source_ids
from kreport.errors import DataError, ParameterError
from kreport.extract.apply import Applied, append_rows
from kreport.extract.figures import Reading, Skip, read_figures
from kreport.extract.learned import with_learned
from kreport.extract.periods import Span
from kreport.extract.reading import Document, read_document
from kreport.extract.release import Release, read_release
from kreport.extract.rows import Row, existing_figures, make_rows, to_csv
from kreport.extract.sources import SOURCE_COLUMNS, SourceRow, source_for
from kreport.extract.values import agrees

__all__ = ["Extraction", "FileResult", "extract"]

_SOURCE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*\Z")  # \Z: "$" would accept "id\n"
_LANGUAGE = {"en": "English", "zh-hans": "simplified Chinese", "zh-hant": "traditional Chinese"}
_STATUSES = ("new", "same", "rounding", "conflict")


def _source_line(source: SourceRow) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow([source.cells()[c] for c in SOURCE_COLUMNS])
    return buffer.getvalue()


def _shown(skip: str, rows: list[Row]) -> bool:
    """A "left out" line is shown unless the very figure it is about is among the file's rows."""
    if not isinstance(skip, Skip) or not skip.value or not skip.unit:
        return True
    return not any(row.metric == skip.metric and agrees(skip.value, skip.unit, row.value, row.unit) for row in rows)


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
            counts = ", ".join(f"{self._count(rows, s)} {s}" for s in _STATUSES)
            source = result.source
            cited = (f"source {source.source_id} ({'new' if source.new else 'already in sources.csv'}, tier {source.tier}"
                     + (f", published {source.published}" if source.published else ", no date found") + ")")
            lines.append(f"{result.document.path.name}: {what} ({_LANGUAGE.get(release.language, release.language)}, "
                         f"{result.document.kind}): {len(rows)} figures ({counts}); {cited}")
            lines += [f"  note: {note}" for note in release.notes]
            lines += [f"  left out: {why}" for why in result.reading.skipped if _shown(why, rows)]
            if not rows:
                lines.append(f"  why nothing: {self._why_nothing(result)}")
            if source.new and rows:
                lines.append(f"  sources.csv row: {_source_line(source)}")
        for row in self.rows:
            if row.status == "conflict":
                lines.append(f"conflict: {row.platform} {row.metric} {row.period}: {row.note.split('CONFLICT: ', 1)[-1]}")
        if self.data_errors:
            lines.append(f"{self.data_dir} has {self.data_errors} validation errors now (run `kreport validate`); --apply refuses until they are fixed")
        new = self.count("new")
        counts = (f"{new} new, {self.count('same')} same, "
                  + (f"{self.count('rounding')} rounding, " if self.count("rounding") else "") + f"{self.count('conflict')} conflict.")
        if applying:
            lines.append(counts)
        else:
            lines.append(counts + " " + ("Review the rows, then run again with --apply to append the new ones." if new and not self.count("conflict")
                                         else "Nothing to append." if not new else "Settle the conflicts before --apply."))
        return lines

    @staticmethod
    def _why_nothing(result: FileResult) -> str:
        """One line: why a file gave no figure."""
        release, reading = result.release, result.reading
        if not release.platform:
            return "the company is not clear from the text (give --platform)"
        if not release.period:
            return "the quarter the page reports on is not stated in it (give --period)"
        if reading.skipped:
            return f"every figure found was left out ({len(reading.skipped)} above)"
        return f"no sentence is in a wording known for {release.platform} pages (kreport/extract/rules/{release.platform}.py)"

    @staticmethod
    def _count(rows: list[Row], status: str) -> int:
        return sum(row.status == status for row in rows)

    def apply(self) -> Applied:
        """Append the new rows and their sources to the data folder (see :func:`append_rows`)."""
        self.applied = append_rows(self.rows, [f.source for f in self.files], self.data_dir, locate=self._locate)
        return self.applied

    def _locate(self, row: Row) -> tuple[str, int | None]:
        """The release file a row was read from and the line its quote starts on."""
        for result in self.files:
            if result.document.path.name == row.file:
                at = result.document.text.find(row.quote)
                return str(result.document.path), (result.document.text.count("\n", 0, at) + 1 if at >= 0 else None)
        return row.file, None

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


def _check_parameters(paths, platform, period, source_id, tier, report: ValidationReport, corroborated_by=None,
                      source_url=None, publisher=None) -> Span | None:
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
    known = {row["source_id"] for row in report.tables.get("sources.csv", [])}
    for sid in split_source_ids(corroborated_by or ""):
        if sid not in known:
            raise ParameterError("corroborated-by", corroborated_by, f"source ids of sources.csv ({sid!r} is not one)")
    for name, value in (("source-url", source_url), ("publisher", publisher)):
        if value is not None and len(paths) > 1:
            raise ParameterError(name, value, "given with one PATH only (each file is its own source)")
    if source_url is not None and not re.match(r"^https?://\S+$", source_url):
        raise ParameterError("source-url", source_url, "an address starting with http:// or https://")
    return span


def extract(paths, *, platform: str | None = None, period: str | None = None, source_id: str | None = None,
            tier: str | None = None, data_dir: Path | str | None = None, note: str | None = None,
            corroborated_by: str | None = None, source_url: str | None = None, publisher: str | None = None,
            learned: bool = False) -> Extraction:
    """Read the releases at ``paths`` and return the rows they give, with their status against ``data_dir``.

    ``note`` is added to every row's note, ``corroborated_by`` (source ids of sources.csv, ';'-separated) to
    every row; ``source_url`` and ``publisher`` fill the new source row of a single file (its address and
    publisher, which a saved text does not carry). ``learned``: the learned reader (:mod:`kreport.extract.learned`, a model)
    adds the figures it finds for the metrics and periods the rules left open, each marked as a model's reading in its note.

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
    span = _check_parameters(list(paths), platform, period, source_id, tier, report, corroborated_by, source_url, publisher)
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
        # a page whose quarter is not stated still gives the figures whose sentences name their own periods (a history's)
        reading = read_figures(release) if release.platform else Reading((), ())
        if learned:
            reading = with_learned(release, reading, document.text)
        names_for = parents if release.language == "en" else parents_zh
        source = source_for(document, release, names_for, sources, source_id, tier, url=source_url, publisher=publisher)
        if source.new:
            sources[source.source_id] = source.cells()  # taken: another file of the same address cites it, any other gets a new id
        results.append(FileResult(document, release, reading, source))
        readings.append((document.path.name, source.source_id, release.period.label if release.period else "",
                         list(reading.figures)))
    rows = make_rows(readings, existing_figures(report))
    if note or corroborated_by:
        cited = ";".join(split_source_ids(corroborated_by or ""))
        rows = [replace(row, note=f"{row.note}; {note}" if note else row.note, corroborated_by=cited) for row in rows]
    return Extraction(data_dir, results, rows, len(report.errors))
