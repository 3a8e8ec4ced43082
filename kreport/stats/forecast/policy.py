"""Which series kreport models: long enough to backtest, and which ones saturate.

The trends report and the brief's forecast check both follow this policy.
"""

from __future__ import annotations

import pandas as pd

from kreport.cache import cached
from kreport.dataset.load import quarterly_series
from kreport.dataset.schema import METRICS
from kreport.stats.forecast.engine import ForecastResult, forecast
from kreport.stats.series import trailing_complete_run

__all__ = ["MIN_QUARTERS", "SATURATING", "modelled_series", "series_forecast"]

# A backtest needs three years to train and at least four origins to score.
MIN_QUARTERS = 16
SATURATING = {"dau", "mau", "monthly_buyers", "annual_buyers"}


def modelled_series(metrics: pd.DataFrame, platform: str) -> dict[str, pd.Series]:
    """A platform's quarterly series with a trailing run of at least MIN_QUARTERS quarters."""
    mine = metrics[metrics["platform"] == platform]
    out = {}
    for metric in METRICS:
        if metric not in set(mine["metric"]):
            continue
        series = quarterly_series(mine, platform, metric)
        if series.notna().any() and len(trailing_complete_run(series)) >= MIN_QUARTERS:
            out[metric] = series
    return out


def series_forecast(metric: str, series: pd.Series) -> ForecastResult:
    """The one forecast every report shows for a modelled series, four quarters ahead (cached).

    Reports and the build's precomputation call only this, so they share one cache entry.
    """
    return cached(forecast, series, horizon=4, saturating=metric in SATURATING,
                  encode=ForecastResult.to_record, decode=ForecastResult.from_record)
