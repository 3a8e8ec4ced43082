"""Reading tables: estimate badges, source links and CSV downloads, all values escaped."""

from __future__ import annotations

import base64
import re

import pandas as pd

from kreport.csvsafe import csv_cell
from kreport.dataset.schema import WEAK_TIERS
from kreport.render.numbers import quantity
from kreport.render.report import Html, Report
from kreport.render.templating import Markup, block

__all__ = ["figure_table", "html_table", "csv_download"]


# A column headed by a period: 2024, 2024Q3, FY2021.
_PERIOD_COLUMN = re.compile(r"^(FY)?\d{4}(Q[1-4])?$")


def html_table(frame: pd.DataFrame, numeric=(), css: str = "") -> Markup:
    """A plain, readable table; every cell is escaped unless it is Markup built by a block template.

    A table whose columns after the first are three or more periods is marked as such: its newest
    periods are shown first (see the ``data_table`` block). So is a table of long rows. ``css`` adds a
    class saying what the table is (``sources`` for a list of sources).
    """
    rows = [list(row) for row in frame.itertuples(index=False)]
    columns = [str(c) for c in frame.columns]
    by_period = len(columns) >= 4 and all(_PERIOD_COLUMN.match(c) for c in columns[1:])
    return block("data_table", columns, rows, tuple(numeric), by_period, _long_rows(rows), css)


def _long_rows(rows: list[list]) -> bool:
    """Whether a row is long reading: five or more columns holding, typically, over 100 characters in all.

    Such a table reads as cards (see ``data_table``) up to a tablet's width, not only on a phone."""
    if not rows or len(rows[0]) < 5:
        return False
    if len(rows[0]) >= 7:  # seven columns (a figure with its basis, source, grade and note) never fit a tablet
        return True
    typical = 0.0
    for i in range(len(rows[0])):
        lengths = sorted(len(re.sub(r"<[^>]*>", "", str(row[i]))) for row in rows)
        typical += lengths[len(lengths) // 2]
    return typical > 100


def source_link(row) -> Markup:
    label = str(row["source_publisher"])
    if row.get("source_published"):
        label += f", {row['source_published']}"
    return block("source_link", label, row.get("source_url"), row["source_title"], None)


def figure_table(rep: Report, figures: pd.DataFrame, with_platform: bool = True) -> str:
    """Every figure with its period, value as published, basis, note and a source link."""
    columns = {}
    if with_platform:
        columns[rep.t("col.platform")] = [rep.platform_name(p) for p in figures["platform"]]
    columns[rep.t("col.metric")] = [rep.metric_name(p, m) for p, m in zip(figures["platform"], figures["metric"])]
    columns[rep.t("col.period")] = list(figures["period_text"])
    columns[rep.t("col.value")] = [
        quantity(v, u, q, rep.lang) for v, u, q in zip(figures["value"], figures["unit"], figures["qualifier"])
    ]
    grades = figures["grade"] if "grade" in figures else figures["basis"]
    columns[rep.t("col.basis")] = [block("badge", g, rep.t("basis." + g)) for g in grades.astype(str)]
    columns[rep.t("col.source")] = [source_link(r) for _, r in figures.iterrows()]
    if "tier" in figures:
        columns[rep.t("col.grade")] = [_grade(rep, r) for _, r in figures.iterrows()]
    columns[rep.t("col.note")] = [rep.reader_note(r) for _, r in figures.iterrows()]
    return html_table(pd.DataFrame(columns), numeric=(rep.t("col.value"),))


def _grade(rep: Report, row) -> Markup:
    """A figure's source grade: its main source's tier and how many sources back it; one weak source is marked."""
    tier, n = str(row["tier"]), int(row.get("n_sources", 1))
    name = rep.t(f"tier.{tier}")
    if n == 1 and tier in WEAK_TIERS:
        return block("badge", "single_source", rep.t("grade.single", tier=name))
    return block("badge", "grade", rep.t("grade.sources" if n > 1 else "grade.single", tier=name, n=n))


def csv_download(rep: Report, frame: pd.DataFrame, filename: str) -> Html:
    """A link that downloads ``frame`` as CSV from the page itself (a data: URI, works offline).

    Readers open it in a spreadsheet: every cell that would run as a formula is neutralised (a leading
    ``'``; OWASP CSV injection), numbers stay numbers and negative zero is written as 0.0 (:mod:`kreport.csvsafe`).
    """
    safe = frame.copy()
    for column in safe.columns:
        safe[column] = safe[column].map(csv_cell)
    # CRLF, as RFC 4180 and spreadsheets write it; then a cell holding a CR is quoted too, not split into rows.
    payload = base64.b64encode(safe.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")).decode("ascii")
    return Html(block("download", filename, payload, rep.t("download", name=filename)))


