"""The data appendix: every figure used, its source as a link, and the data as a CSV download."""

from __future__ import annotations

import pandas as pd

from .page import Html, Report, esc
from .tables import csv_download, figure_table, html_table

__all__ = ["all_figures", "source_list", "download", "headlines"]


def _figures(rep: Report) -> pd.DataFrame:
    figures = rep.data.metrics.copy()
    figures["period_text"] = [
        (f"FY{p.year}" if kind == "fiscal_year" else str(p)) for p, kind in zip(figures["period"], figures["period_kind"])
    ]
    return figures


def all_figures(rep: Report) -> Html:
    figures = _figures(rep)
    blocks = rep.section(rep.t("appendix.figures"), rep.t("appendix.figures.intro", n=len(figures), quarter=str(rep.quarter)))
    for platform in rep.data.platforms.index:
        rows = figures[figures["platform"] == platform]
        if rows.empty:
            continue
        blocks += Html(f"<h3>{esc(rep.platform_name(platform))}</h3>")
        blocks += rep.table(figure_table(rep, rows, with_platform=False),
                            rep.t("appendix.table", platform=rep.platform_name(platform)), rows["source_id"])
    return blocks


def source_list(rep: Report) -> Html:
    used = set(rep.data.metrics["source_id"]) | set(rep.data.events["source_id"])
    sources = rep.data.sources[rep.data.sources["source_id"].isin(used)]
    frame = pd.DataFrame({
        rep.t("col.source_id"): [esc(s) for s in sources["source_id"]],
        rep.t("col.title"): [
            f'<a href="{esc(u)}">{esc(t)}</a>' if u else esc(t) for t, u in zip(sources["title"], sources["url"])
        ],
        rep.t("col.publisher"): [esc(p) for p in sources["publisher"]],
        rep.t("col.published"): [esc(p) for p in sources["published"]],
        rep.t("col.read_at"): [esc(r) for r in sources["read_at"]],
    })
    return rep.section(rep.t("appendix.sources")) + rep.table(
        html_table(frame, raw=tuple(frame.columns)), rep.t("appendix.sources.caption", n=len(frame)))


def download(rep: Report) -> Html:
    figures = _figures(rep)
    columns = ["platform", "metric", "period_text", "value", "unit", "qualifier", "basis", "value_published",
               "unit_published", "source_id", "source_title", "source_publisher", "source_url", "source_published", "note"]
    frame = figures[columns].rename(columns={"period_text": "period"})
    return rep.section(rep.t("appendix.download"), rep.t("appendix.download.intro")) + csv_download(
        rep, frame, f"kreport-data-{rep.quarter}.csv")


def headlines(rep: Report):
    metrics = rep.data.metrics
    return rep.record(**{rep.t("appendix.figures.count"): str(len(metrics)),
                         rep.t("appendix.sources.count"): str(metrics["source_id"].nunique())})
