"""The data appendix: every figure used, its source as a link, and the data as a CSV download."""

from __future__ import annotations

import pandas as pd

from kreport.dataset.periods import period_label
from kreport.dataset.schema import METRICS
from kreport.render import templating
from kreport.render.report import Html, Report
from kreport.render.tables import csv_download, figure_table, html_table

__all__ = ["all_figures", "disclosures", "source_list", "download", "headlines"]


def _figures(rep: Report, readable: bool = True) -> pd.DataFrame:
    """The figures with a period label; ``readable``: a year-to-date figure's months in words ("Jan–Jun 2024")."""
    figures = rep.data.metrics.copy()
    figures["period_text"] = [
        rep.span_label(p) if readable and METRICS[m].cumulative else period_label(p, kind)
        for p, kind, m in zip(figures["period"], figures["period_kind"], figures["metric"])]
    return figures


def all_figures(rep: Report) -> Html:
    figures = _figures(rep)
    blocks = rep.section(rep.t("appendix.figures"), rep.t("appendix.figures.intro", n=len(figures), quarter=str(rep.quarter)))
    for platform in [*rep.data.platforms.index, *rep.data.markets.index]:
        rows = figures[figures["platform"] == platform]
        if rows.empty:
            continue
        blocks += rep.heading(rep.platform_name(platform))
        blocks += rep.table(figure_table(rep, rows, with_platform=False),
                            rep.t("appendix.table", platform=rep.platform_name(platform)), rows["source_id"])
    return blocks


def disclosures(rep: Report) -> Html:
    """When each platform stopped (or started) disclosing a metric, with the source that says so."""
    records = rep.data.disclosures
    block = rep.section(rep.t("appendix.disclosures"), rep.t("appendix.disclosures.intro"))
    if records.empty:
        return block + rep.paragraph(rep.t("appendix.disclosures.none"))
    frame = pd.DataFrame({
        rep.t("col.platform"): [rep.platform_name(p) for p in records["platform"]],
        rep.t("col.metric"): [rep.t(f"metric.{m}") for m in records["metric"]],
        rep.t("appendix.col.event"): [rep.t(f"appendix.disclosure.{e}") for e in records["event"]],
        rep.t("col.period"): [period_label(p) for p in records["period"]],
        rep.t("appendix.col.announced"): [d.date().isoformat() if pd.notna(d) else "–" for d in records["announced"]],
    })
    return block + rep.table(html_table(frame), rep.t("appendix.disclosures.caption", n=len(frame)), records["source_id"])


def source_list(rep: Report) -> Html:
    sources = rep.data.used_sources()
    frame = pd.DataFrame({
        rep.t("col.source_id"): list(sources["source_id"]),
        rep.t("col.title"): [templating.block("source_link", t, u, None, None) for t, u in zip(sources["title"], sources["url"])],
        rep.t("col.publisher"): list(sources["publisher"]),
        rep.t("col.published"): list(sources["published"]),
        rep.t("col.read_at"): list(sources["read_at"]),
    })
    return rep.section(rep.t("appendix.sources")) + rep.table(html_table(frame, css="sources"),
                                                              rep.t("appendix.sources.caption", n=len(frame)))


def download(rep: Report) -> Html:
    figures = _figures(rep, readable=False)  # the data file's own period forms; the metric says year to date
    columns = ["platform", "metric", "period_text", "value", "unit", "qualifier", "basis", "grade", "value_published",
               "unit_published", "source_id", "source_title", "source_publisher", "source_url", "source_published",
               "reader_note_en", "reader_note_zh"]
    frame = figures[columns].rename(columns={"period_text": "period"})
    # Values as the data states them, without binary float noise (320.40000000000003 is 320.4).
    frame["value"] = [float(f"{v:.10g}") + 0.0 for v in frame["value"]]
    return rep.section(rep.t("appendix.download"), rep.t("appendix.download.intro")) + csv_download(
        rep, frame, f"kreport-data-{rep.quarter}.csv")


def headlines(rep: Report):
    metrics = rep.data.metrics
    return rep.record(**{rep.t("appendix.figures.count"): str(len(metrics)),
                         rep.t("appendix.sources.count"): str(len(rep.data.used_sources()))})
