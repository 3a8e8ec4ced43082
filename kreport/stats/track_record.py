"""The forecasts' track record: every past forecast, made with the figures known then, against what was published.

Two kinds of past forecasts are set against published figures:

* the backtest of the procedure a page shows (:attr:`ForecastResult.record`): at each past quarter
  (the origin) the same procedure fitted to the figures up to that quarter only, forecasting one
  to four quarters ahead, its intervals calibrated on the errors seen before the origin;
* the forecast shown now, for quarters whose figures were published after the series' modelled run
  ended (a series cut before a missing quarter: Kuaishou's revenue, forecast from 2025Q3 for 2026Q1).

The figures are the dataset's current ones (a later revision replaces what was known at the
time); nothing after an origin enters its forecast.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["RECORD_COLUMNS", "track_record", "hit_rate", "errors_by_horizon", "misses"]

RECORD_COLUMNS = ["metric", "origin", "period", "h", "forecast", "actual", "lo80", "hi80", "lo95", "hi95",
                  "error", "inside80", "inside95", "kind"]


def track_record(results: dict) -> pd.DataFrame:
    """One row per past forecast with a published figure, over a platform's modelled series.

    Parameters
    ----------
    results : dict
        metric -> (full series as published now, modelled series, ForecastResult of the modelled series).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`RECORD_COLUMNS`: ``error`` is actual / forecast - 1, ``inside80`` and
        ``inside95`` whether the figure fell inside the band, ``kind`` "backtest" or "shown"
        (the current forecast, scored on figures published after its series' run ended).
        Ordered by metric, target period and horizon.
    """
    parts = []
    for metric, (full, modelled, result) in results.items():
        past = getattr(result, "record", None)
        if past is not None and len(past):
            past = past.copy()
            past["kind"] = "backtest"
            parts.append(past.assign(metric=metric))
        frame = result.frame
        later = [(row, full.get(row["period"], np.nan)) for _, row in frame.iterrows()]
        rows = [{"origin": str(modelled.last_valid_index()), "period": str(row["period"]), "h": int(row["h"]),
                 "forecast": row["forecast"], "actual": actual, "lo80": row["lo80"], "hi80": row["hi80"],
                 "lo95": row.get("lo95", np.nan), "hi95": row.get("hi95", np.nan), "kind": "shown", "metric": metric}
                for row, actual in later if pd.notna(actual)]
        if rows:
            parts.append(pd.DataFrame(rows))
    if not parts:
        return pd.DataFrame(columns=RECORD_COLUMNS)
    out = pd.concat(parts, ignore_index=True)
    out["error"] = out["actual"] / out["forecast"] - 1
    out["inside80"] = (out["actual"] >= out["lo80"]) & (out["actual"] <= out["hi80"])
    out["inside95"] = (out["actual"] >= out["lo95"]) & (out["actual"] <= out["hi95"])
    out = out.sort_values(["metric", "period", "h", "origin"], kind="stable").reset_index(drop=True)
    return out[RECORD_COLUMNS]


def hit_rate(record: pd.DataFrame, level: int = 80) -> tuple[int, int]:
    """(inside, total): how many published figures fell inside their forecast's band at `level`."""
    if record.empty:
        return 0, 0
    inside = record[f"inside{level}"].astype(bool)
    return int(inside.sum()), int(inside.size)


def errors_by_horizon(record: pd.DataFrame) -> pd.DataFrame:
    """Per horizon: forecasts scored, mean absolute percentage error, and 80% / 95% hit rates."""
    if record.empty:
        return pd.DataFrame(columns=["h", "n", "mape", "inside80", "inside95"])
    grouped = record.groupby("h")
    return pd.DataFrame({"n": grouped.size(), "mape": grouped["error"].apply(lambda e: float(np.mean(np.abs(e)))),
                         "inside80": grouped["inside80"].mean(), "inside95": grouped["inside95"].mean()}).reset_index()


def misses(record: pd.DataFrame, level: int = 95) -> pd.DataFrame:
    """Published figures outside their forecast's band at `level`, with the size of the miss.

    ``beyond`` is how far the figure lay outside the band, relative to the nearer bound
    (negative below the band); ``error`` the miss against the forecast itself.
    """
    out = record[~record[f"inside{level}"].astype(bool)].copy()
    below = out["actual"] < out[f"lo{level}"]
    out["beyond"] = np.where(below, out["actual"] / out[f"lo{level}"] - 1, out["actual"] / out[f"hi{level}"] - 1)
    return out
