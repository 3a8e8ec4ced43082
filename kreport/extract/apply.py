"""Appending the new rows to data/: after the checks ``kreport validate`` runs, never over a conflict.

Everything happens under the data folder's lock (``<data>/.kreport-data.lock``, :func:`kreport.files.data_lock`),
taken before the files are read and held until the last rename, so two ``--apply`` runs (or an ``--apply`` and
a build reading the data) never interleave. Under the lock the files are read once and every ``new`` row is
checked again against them: a row another run appended meanwhile is left out, one it contradicts is refused.

The new rows (and the sources they cite) are first appended to copies of the data files in a temporary
folder, and that folder is validated. Only when no row is a conflict and the copy has no validation error
are the real files changed: each is first checked unchanged since it was read (all of them, before any
file is written), then its old bytes are written to ``<name>.bak-<timestamp>`` beside it, and it is replaced
by its old bytes followed by the new rows. Every file, backups included, is written under a temporary name
and renamed (:func:`kreport.files.atomic_write`), so a run killed at any moment leaves each name holding a
complete file; temporary files a killed run left behind are removed by the next run. A data file that is a
symbolic link stays one: its target is written. Existing rows are never rewritten; their bytes are kept
exactly, line ends included. Cells a spreadsheet would run as a formula are neutralised
(:mod:`kreport.csvsafe`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kreport.csvsafe import neutralise
from kreport.dataset.schema import OPTIONAL_TABLES, TABLES
from kreport.dataset.validate import ValidationReport, check
from kreport.errors import DataError
from kreport.extract.rows import Row, existing_figures
from kreport.extract.sources import SourceRow
from kreport.extract.values import agrees
from kreport.files import atomic_write, data_lock, leftover_temporaries

__all__ = ["Applied", "append_rows", "BACKUP_SUFFIX"]

BACKUP_SUFFIX = ".bak-"


@dataclass(frozen=True)
class Applied:
    """What --apply wrote: rows appended per file, the backup copies, and the validation's warnings."""

    metrics_added: int
    sources_added: int
    backups: tuple[Path, ...]
    warnings: tuple[str, ...] = ()


def _appended(raw: bytes, records: list[dict[str, str]]) -> bytes:
    """``raw`` (a CSV file's bytes) followed by ``records`` in its own column order and line ends, every
    cell a spreadsheet would read as a formula neutralised."""
    text = raw.decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(text)))
    header = [name.strip() for name in header]
    newline = "\r\n" if b"\r\n" in raw else "\n"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=newline)
    for record in records:
        writer.writerow([neutralise(str(record.get(name, ""))) for name in header])
    prefix = b"" if raw.endswith((b"\n", b"\r")) or not raw else newline.encode()
    return raw + prefix + buffer.getvalue().encode("utf-8")


def _target(path: Path) -> Path:
    """The file a data file's name stands for: a symbolic link's target, so the link is kept."""
    return path.resolve() if path.is_symlink() else path


def _write_beside(path: Path, content: bytes) -> None:
    atomic_write(_target(path), content, sync=True)


def _backup(path: Path, stamp: str, content: bytes) -> Path:
    """``content`` (the file as read) written to a new ``<name>.bak-<stamp>`` beside ``path``, through a
    temporary name: a backup under its final name is always complete."""
    target = path.with_name(f"{path.name}{BACKUP_SUFFIX}{stamp}")
    n = 1
    while target.exists() or target.is_symlink():
        n += 1
        target = path.with_name(f"{path.name}{BACKUP_SUFFIX}{stamp}-{n}")
    atomic_write(target, content, sync=True)
    return target


def _remove_leftovers(paths: list[Path]) -> None:
    """Temporary files a killed run left beside the data files (``.metrics.csv.<random>.tmp``, backups'
    included); only called under the data lock, when no other writer can be using one."""
    for path in paths:
        for leftover in {*leftover_temporaries(path), *leftover_temporaries(_target(path))}:
            leftover.unlink(missing_ok=True)


def _still_new(rows: list[Row], current: ValidationReport) -> list[Row]:
    """The rows still new against the data as they are now (under the lock): one another run appended
    meanwhile is left out; one it contradicts is refused."""
    existing = existing_figures(current)
    kept = []
    for row in rows:
        old = existing.get((row.platform, row.metric, row.period, row.basis))
        if old is None:
            kept.append(row)
            continue
        try:
            same = agrees(row.value, row.unit, old.value, old.unit) and row.qualifier == old.qualifier
        except (KeyError, ValueError):
            same = False
        if not same:
            raise DataError("metrics.csv", old.line, "value",
                            f"--apply wrote nothing: {row.platform} {row.metric} {row.period} was added meanwhile "
                            f"as {old.value} {old.unit}, this release gives {row.value} {row.unit}; run extract again")
    return kept


def append_rows(rows: list[Row], sources: list[SourceRow], data_dir: Path,
                locate: Callable[[Row], tuple[str, int | None]] | None = None) -> Applied:
    """Append the ``new`` rows and the new sources they cite to ``data_dir``; DataError, and nothing
    written, while any row is a conflict or the result would not validate. A refusal about a row not yet
    written names where it came from (``locate``: the release file and line of its quote), never a line
    metrics.csv does not have."""
    conflicts = [row for row in rows if row.status == "conflict"]
    if conflicts:
        first = conflicts[0]
        more = f" (and {len(conflicts) - 1} more)" if len(conflicts) > 1 else ""
        raise DataError("metrics.csv", None, "value",
                        f"--apply wrote nothing: {first.platform} {first.metric} {first.period} is a conflict{more}; "
                        "settle it in data/ by hand or leave that file out, then run again")
    new_rows = [row for row in rows if row.status == "new"]
    if not new_rows:
        return Applied(0, 0, ())
    data_dir = Path(data_dir)
    metrics_path, sources_path = data_dir / "metrics.csv", data_dir / "sources.csv"
    with data_lock(data_dir, purpose="append to"):
        _remove_leftovers([metrics_path, sources_path])
        current = check(data_dir)  # first: a data file that is a FIFO or a device is refused, never read
        if current.errors:
            first = current.errors[0]
            more = f" (and {len(current.errors) - 1} more: run `kreport validate`)" if len(current.errors) > 1 else ""
            raise DataError(first.file, first.line, first.column, f"--apply wrote nothing: the data folder has errors now: {first.message}{more}")
        before = {path: path.read_bytes() for path in (metrics_path, sources_path)}
        new_rows = _still_new(new_rows, current)
        if not new_rows:
            return Applied(0, 0, ())
        cited = {row.source_id for row in new_rows}
        new_sources = _still_new_sources([source for source in sources if source.new and source.source_id in cited], current)
        after = {metrics_path: _appended(before[metrics_path], [row.cells() for row in new_rows])}
        if new_sources:
            after[sources_path] = _appended(before[sources_path], [source.cells() for source in new_sources])
        with tempfile.TemporaryDirectory(prefix="kreport-apply-") as folder:
            trial = Path(folder)
            for name in (*TABLES, *OPTIONAL_TABLES):
                if (data_dir / name).is_file():
                    shutil.copyfile(data_dir / name, trial / name)
            for path, content in after.items():
                (trial / path.name).write_bytes(content)
            report = check(trial)
        if report.errors:
            _refuse(report, before, new_rows, locate)
        known = {str(problem) for problem in current.warnings}
        warnings = tuple(str(problem) for problem in report.warnings if str(problem) not in known)
        # Every file is compared before any is written: a refusal leaves no backup behind.
        for path in after:
            if path.read_bytes() != before[path]:
                raise DataError(path.name, None, None, "--apply wrote nothing: the file changed while it was being read; run again")
        stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
        backups = [_backup(path, stamp, before[path]) for path in after]
        for path in (sources_path, metrics_path):  # sources first: a figure never cites a source not yet written
            if path in after:
                _write_beside(path, after[path])
    return Applied(len(new_rows), len(new_sources), tuple(backups), warnings)


def _refuse(report, before: dict, new_rows: list[Row], locate) -> None:
    """Raise the first validation error of the trial data, naming where it came from: the release file and line
    of a row not yet written (``locate``), the source row to append, or the data file's own line."""
    first = report.errors[0]
    more = f" (and {len(report.errors) - 1} more)" if len(report.errors) > 1 else ""
    old_lines = {path.name: before[path].count(b"\n") + (0 if before[path].endswith(b"\n") else 1) for path in before}
    if first.file == "metrics.csv" and first.line is not None and first.line > old_lines["metrics.csv"]:
        index = first.line - old_lines["metrics.csv"] - 1
        row = new_rows[index] if index < len(new_rows) else None
        file, line = locate(row) if (locate and row) else ("metrics.csv (a row to append)", None)
        hint = (" On the command line: --corroborated-by SOURCE_ID (a source of sources.csv that carries the figure) or "
                "--note 'aggregator-only: <why no better source>'" if "aggregator" in first.message else "")
        what = f"{row.platform} {row.metric} {row.period} " if row else ""
        raise DataError(file, line, None, f"--apply wrote nothing: the row {what}read from here would fail "
                                          f"`kreport validate` ({first.column}: {first.message}){more}.{hint}")
    if first.file == "sources.csv" and first.line is not None and first.line > old_lines["sources.csv"]:
        raise DataError("sources.csv (the row to append)", None, first.column,
                        f"--apply wrote nothing: the new source row would fail `kreport validate`: {first.message}{more}")
    raise DataError(first.file, first.line, first.column, f"--apply wrote nothing: with the new rows, {first.message}{more}")


def _still_new_sources(sources: list[SourceRow], current: ValidationReport) -> list[SourceRow]:
    """The sources still to add: one another run added meanwhile for the same page is left out; another
    page under the same id is refused."""
    known = {row["source_id"]: row for row in current.tables.get("sources.csv", [])}
    kept = []
    for source in sources:
        row = known.get(source.source_id)
        if row is None:
            kept.append(source)
        elif (row["url"], row["read_at"]) != (source.url, source.read_at):
            raise DataError("sources.csv", row.line, "source_id",
                            f"--apply wrote nothing: {source.source_id!r} was added meanwhile for another page "
                            f"({row['read_at']}); run extract again")
    return kept
