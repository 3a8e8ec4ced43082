"""Reading tables: estimate badges, source links and CSV downloads, all values escaped."""

from __future__ import annotations

import base64

import pandas as pd

from kreport.render.numbers import format_change, format_value, quantity
from kreport.render.report import Html, Report
from kreport.render.templating import Markup, block

__all__ = ["quantity", "format_value", "format_change", "figure_table", "html_table", "csv_download"]


def html_table(frame: pd.DataFrame, numeric=()) -> Markup:
    """A plain, readable table; every cell is escaped unless it is Markup built by a block template."""
    rows = [list(row) for row in frame.itertuples(index=False)]
    return block("data_table", [str(c) for c in frame.columns], rows, tuple(numeric))


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
    columns[rep.t("col.metric")] = [rep.t(f"metric.{m}") for m in figures["metric"]]
    columns[rep.t("col.period")] = list(figures["period_text"])
    columns[rep.t("col.value")] = [
        quantity(v, u, q, rep.lang) for v, u, q in zip(figures["value"], figures["unit"], figures["qualifier"])
    ]
    columns[rep.t("col.basis")] = [block("badge", b, rep.t("basis." + b)) for b in figures["basis"].astype(str)]
    columns[rep.t("col.source")] = [source_link(r) for _, r in figures.iterrows()]
    columns[rep.t("col.note")] = list(figures["note"])
    return html_table(pd.DataFrame(columns), numeric=(rep.t("col.value"),))


def csv_download(rep: Report, frame: pd.DataFrame, filename: str) -> Html:
    """A link that downloads ``frame`` as CSV from the page itself (a data: URI, works offline)."""
    payload = base64.b64encode(frame.to_csv(index=False).encode("utf-8-sig")).decode("ascii")
    return Html(block("download", filename, payload, rep.t("download", name=filename)))


