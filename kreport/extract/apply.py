"""Appending the new rows to data/: after the checks ``kreport validate`` runs, never over a conflict.

The new rows (and the sources they cite) are first appended to copies of the data files in a temporary
folder, and that folder is validated. Only when no row is a conflict and the copy has no validation error
are the real files changed: each is copied to ``<name>.bak-<timestamp>`` beside it, then replaced by its
old bytes followed by the new rows (written under a temporary name, then renamed). Existing rows are never
rewritten; their bytes are kept exactly, line ends included.
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

from kreport.dataset.schema import OPTIONAL_TABLES, TABLES
from kreport.dataset.validate import check
from kreport.errors import DataError
from kreport.extract.rows import Row
from kreport.extract.sources import SourceRow
from kreport.files import atomic_write

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
    """``raw`` (a CSV file's bytes) followed by ``records`` in its own column order and line ends."""
    text = raw.decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(text)))
    header = [name.strip() for name in header]
    newline = "\r\n" if b"\r\n" in raw else "\n"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=newline)
    for record in records:
        writer.writerow([record.get(name, "") for name in header])
    prefix = b"" if raw.endswith((b"\n", b"\r")) or not raw else newline.encode()
    return raw + prefix + buffer.getvalue().encode("utf-8")


def _write_beside(path: Path, content: bytes) -> None:
    atomic_write(path, content, sync=True)


def _backup(path: Path, stamp: str) -> Path:
    target = path.with_name(f"{path.name}{BACKUP_SUFFIX}{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}{BACKUP_SUFFIX}{stamp}-{n}")
    shutil.copy2(path, target)
    return target


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
    cited = {row.source_id for row in new_rows}
    new_sources = [source for source in sources if source.new and source.source_id in cited]
    if not new_rows:
        return Applied(0, 0, ())
    metrics_path, sources_path = data_dir / "metrics.csv", data_dir / "sources.csv"
    before = {path: path.read_bytes() for path in (metrics_path, sources_path)}
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
        first = report.errors[0]
        more = f" (and {len(report.errors) - 1} more)" if len(report.errors) > 1 else ""
        old_lines = {path.name: before[path].count(b"\n") + (0 if before[path].endswith(b"\n") else 1) for path in before}
        if first.file == "metrics.csv" and first.line is not None and first.line > old_lines["metrics.csv"]:
            row = new_rows[first.line - old_lines["metrics.csv"] - 1] if first.line - old_lines["metrics.csv"] - 1 < len(new_rows) else None
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
    known = {str(problem) for problem in check(data_dir).warnings}
    warnings = tuple(str(problem) for problem in report.warnings if str(problem) not in known)
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    backups = []
    for path in after:
        if path.read_bytes() != before[path]:
            raise DataError(path.name, None, None, "--apply wrote nothing: the file changed while it was being read; run again")
        backups.append(_backup(path, stamp))
    for path in (sources_path, metrics_path):  # sources first: a figure never cites a source not yet written
        if path in after:
            _write_beside(path, after[path])
    return Applied(len(new_rows), len(new_sources), tuple(backups), warnings)
