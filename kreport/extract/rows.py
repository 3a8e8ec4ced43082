"""Rows for metrics.csv from the figures read, each with its status against the dataset.

``new``: no figure in data/ for the platform, metric, period and basis (and none earlier in this run);
``same``: data/ (or a file read earlier in this run) already has it, the same figure at the same precision,
or has the exact figure where the release gives only a bound it satisfies; ``rounding``: it has the figure
at another precision and the two agree once rounded (4.16 against 4.162); ``conflict``: it has another
value or qualifier, and the note shows both. Only ``new`` rows are ever written, and not while any row is
a conflict.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace

from kreport.csvsafe import neutralise
from kreport.dataset.schema import BOUNDS, UNITS
from kreport.dataset.validate import ValidationReport
from kreport.extract.figures import Figure
from kreport.extract.values import agrees, canonical, decimals

__all__ = ["COLUMNS", "Row", "Existing", "existing_figures", "make_rows", "to_csv", "BASIS"]

COLUMNS = ("platform", "metric", "period", "value", "qualifier", "unit", "basis", "source_id", "note", "corroborated_by",
           "status", "quote")
BASIS = "reported"  # a figure read from the company's own release


@dataclass(frozen=True)
class Row:
    """One output row; ``file`` and ``role`` say where it came from (not printed)."""

    platform: str
    metric: str
    period: str
    value: str
    qualifier: str
    unit: str
    basis: str
    source_id: str
    note: str
    status: str
    quote: str
    file: str = ""
    role: str = "headline"
    corroborated_by: str = ""

    def cells(self) -> dict[str, str]:
        return {column: getattr(self, column) for column in COLUMNS}


@dataclass(frozen=True)
class Existing:
    """A figure already in metrics.csv."""

    line: int
    value: str
    unit: str
    qualifier: str
    source_id: str

    def text(self) -> str:
        return f"{self.qualifier + ' ' if self.qualifier else ''}{self.value} {self.unit}"


def existing_figures(report: ValidationReport) -> dict[tuple[str, str, str, str], Existing]:
    """The figures of metrics.csv by (platform, metric, period, basis); the first row of a key wins."""
    found: dict[tuple[str, str, str, str], Existing] = {}
    for row in report.tables.get("metrics.csv", []):
        key = (row["platform"], row["metric"], row["period"], row["basis"])
        found.setdefault(key, Existing(row.line, row["value"], row["unit"], row["qualifier"], row["source_id"]))
    return found


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _note(figure: Figure, release_period: str, file: str) -> str:
    where = f"prior-year comparative in the {release_period} release" if figure.role == "comparative" else f"{release_period} release"
    return f"{figure.line}; {where}: '{_one_line(figure.quote)}' (read by kreport extract from {file})"


def _text(row: Row) -> str:
    return f"{row.qualifier + ' ' if row.qualifier else ''}{row.value} {row.unit}"


def _agree(row: Row, value: str, unit: str, qualifier: str) -> bool:
    """Equal figures; or a bound (over, under) that an exact figure already recorded satisfies."""
    if row.unit not in UNITS or unit not in UNITS or UNITS[row.unit].kind != UNITS[unit].kind:
        return False
    try:
        canonical(value, unit)
    except ValueError:  # a value metrics.csv cannot hold; validate says so
        return False
    if agrees(row.value, row.unit, value, unit):
        return row.qualifier == qualifier or (row.qualifier in BOUNDS and qualifier in ("", "about"))
    if row.qualifier in BOUNDS and qualifier in ("", "about"):
        recorded, bound = canonical(value, unit), canonical(row.value, row.unit)
        return recorded > bound if row.qualifier == "over" else recorded < bound
    return False


def _same_precision(row: Row, value: str, unit: str) -> bool:
    """Whether the two figures are printed to the same step (4.162 100m and 416.2 million are; 4.16 and 4.162 are not)."""
    mine = 10 ** -decimals(row.value) * UNITS[row.unit].factor
    theirs = 10 ** -decimals(value) * UNITS[unit].factor
    return abs(mine - theirs) <= 1e-9 * max(mine, theirs)


def _matched(row: Row, value: str, unit: str, qualifier: str) -> str:
    """``same`` or ``rounding`` for a row that agrees with a recorded figure."""
    if row.qualifier != qualifier or _same_precision(row, value, unit):
        return "same"
    return "rounding"


def make_rows(readings: list[tuple[str, str, str, list[Figure]]],
              existing: dict[tuple[str, str, str, str], Existing]) -> list[Row]:
    """Rows with their status, for ``readings``: (file name, source id, release period, figures) per file.

    Within one run the first file's figure is the one written; a later file's equal figure is ``same``,
    an unequal one makes both ``conflict``. Headline figures are placed before comparatives, so a
    release's own figure wins over a later release's restatement of it.
    """
    rows: list[Row] = []
    for file, source_id, release_period, figures in readings:
        for figure in figures:
            rows.append(Row(figure.platform, figure.metric, figure.period.label, figure.value, figure.qualifier, figure.unit,
                            BASIS, source_id, _note(figure, release_period, file), "new", figure.quote, file, figure.role))
    order = sorted(range(len(rows)), key=lambda i: (rows[i].role != "headline", i))
    planned: dict[tuple[str, str, str, str], int] = {}
    for i in order:
        row = rows[i]
        key = (row.platform, row.metric, row.period, row.basis)
        if key in existing:
            old = existing[key]
            if _agree(row, old.value, old.unit, old.qualifier):
                status = _matched(row, old.value, old.unit, old.qualifier)
                what = "same as" if status == "same" else "a rounding of"
                rows[i] = replace(row, status=status, note=f"{row.note}; {what} metrics.csv:{old.line} ({old.text()})")
            else:
                rows[i] = replace(row, status="conflict", note=f"{row.note}; CONFLICT: metrics.csv:{old.line} has {old.text()} "
                                                               f"(source {old.source_id}), this release {_text(row)}")
        elif key in planned:
            first = rows[planned[key]]
            if _agree(row, first.value, first.unit, first.qualifier):
                status = _matched(row, first.value, first.unit, first.qualifier)
                what = "same as" if status == "same" else "a rounding of"
                rows[i] = replace(row, status=status, note=f"{row.note}; {what} the row read from {first.file} ({_text(first)})")
            else:
                clash = f"; CONFLICT: {first.file} gives {_text(first)}, {row.file} {_text(row)}"
                rows[i] = replace(row, status="conflict", note=row.note + clash)
                rows[planned[key]] = replace(first, status="conflict", note=first.note + clash if "CONFLICT" not in first.note else first.note)
        else:
            planned[key] = i
    return rows


def to_csv(rows: list[Row]) -> str:
    """The rows as CSV with the header ``COLUMNS``; a cell a spreadsheet would run as a formula (a quote
    from the release, say) is neutralised (:mod:`kreport.csvsafe`)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: neutralise(cell) for column, cell in row.cells().items()})
    return buffer.getvalue()
