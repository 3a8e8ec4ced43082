"""Frames the report sections share: latest figures with year-on-year change, labelled periods.

Pure pandas on the loaded metrics frame; no drawing and no fitting.
"""

from __future__ import annotations

import pandas as pd

from kreport.dataset.periods import period_label
from kreport.dataset.schema import BOUNDS

__all__ = ["without_bounds", "reported_first", "latest_figures", "year_earlier", "chart_frame"]


def without_bounds(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows that are levels: a bound ("over 2.1亿") is shown in tables but never computed with."""
    return frame[~frame["qualifier"].isin(BOUNDS)]


def reported_first(frame: pd.DataFrame, keys) -> pd.DataFrame:
    """One row per ``keys``: a company's own (reported) figure wins over an estimate of the same period."""
    return frame.sort_values("basis", key=lambda b: b.cat.codes, kind="stable").drop_duplicates(keys, keep="first")


def year_earlier(metrics: pd.DataFrame, row) -> pd.Series | None:
    """The same platform/metric/kind/basis one year before ``row``'s period, if exact."""
    target = row["period"] - (4 if row["period_kind"] == "quarter" else 1)
    match = metrics[
        (metrics["platform"] == row["platform"]) & (metrics["metric"] == row["metric"])
        & (metrics["period_kind"] == row["period_kind"])
        & (metrics["period"] == target) & (metrics["basis"] == row["basis"])
    ]
    match = without_bounds(match)
    return None if match.empty else match.iloc[0]


def latest_figures(metrics: pd.DataFrame, platforms=None, metric_order=None) -> pd.DataFrame:
    """The newest figure per platform and metric, with its YoY change where both ends are exact.

    Columns of the metrics frame plus ``period_text``, ``yoy`` (fraction, NaN where the
    year-earlier figure is missing, a bound, or of another basis kind).
    """
    frame = metrics if platforms is None else metrics[metrics["platform"].isin(platforms)]
    # Quarterly figures are preferred over annual ones of the same end date, reported over estimates.
    frame = frame.sort_values(["period_end", "period_kind", "basis"], ascending=[True, False, False])
    latest = frame.groupby(["platform", "metric"], sort=False).tail(1).copy()
    yoy = []
    for _, row in latest.iterrows():
        earlier = year_earlier(metrics, row)
        exact = row["qualifier"] not in BOUNDS
        yoy.append(row["value"] / earlier["value"] - 1 if earlier is not None and exact and earlier["value"] else float("nan"))
    latest["yoy"] = yoy
    latest["period_text"] = [period_label(p, k) for p, k in zip(latest["period"], latest["period_kind"])]
    if metric_order:
        latest["metric_rank"] = latest["metric"].map({m: i for i, m in enumerate(metric_order)})
        latest = latest.dropna(subset=["metric_rank"]).sort_values(["platform", "metric_rank"])
    return latest.reset_index(drop=True)


def chart_frame(metrics: pd.DataFrame, platform: str, metric: str, kinds=("quarter",),
                include_bounds=False) -> pd.DataFrame:
    """Rows of one platform's metric ready to chart: label, value, basis, period_end, source_id."""
    rows = metrics[(metrics["platform"] == platform) & (metrics["metric"] == metric)
                   & metrics["period_kind"].isin(kinds)]
    if not include_bounds:
        rows = without_bounds(rows)
    rows = rows.sort_values(["period_end", "basis"]).drop_duplicates("period_end", keep="first").copy()
    rows["label"] = [period_label(p, k) for p, k in zip(rows["period"], rows["period_kind"])]
    return rows.reset_index(drop=True)
