"""Which series kreport models: long enough to backtest, and which ones saturate.

The trends report and the brief's forecast check both follow this policy.
"""

from __future__ import annotations

import pandas as pd

from kreport.cache import cached
from kreport.dataset.load import quarterly_series
from kreport.dataset.periods import parse_quarter
from kreport.dataset.schema import METRICS
from kreport.stats.forecast.engine import ForecastResult, forecast
from kreport.stats.forecast.models import FitMemo

__all__ = ["MIN_QUARTERS", "RECENT", "SATURATING", "INDICATORS", "modelled_series", "last_long_run_end",
           "needed_forecasts", "series_forecast", "platform_results", "platform_track_record", "ended_nowcast"]

# A backtest needs three years to train and at least four origins to score.
MIN_QUARTERS = 16
# A long run that ended at most a year before a series' newest figure still carries its trend.
RECENT = 4
SATURATING = {m.name for m in METRICS.values() if m.kind == "people"}


def modelled_series(metrics: pd.DataFrame, platform: str, as_of=None) -> dict[str, pd.Series]:
    """A platform's quarterly series that have a run of at least MIN_QUARTERS quarters, ready to forecast.

    ``as_of`` (a quarter) keeps only the figures for periods that ended by then: what was known at
    that quarter. A series is modelled on its latest unbroken run. When its newest figures follow a
    gap (a quarter whose results were not found), the series is cut at the end of its last long run
    if that run ended at most RECENT quarters before the newest figure: the forecast then starts
    after the run, and the later figures can be set against it.
    """
    mine = metrics[metrics["platform"] == platform]
    if as_of is not None:
        mine = mine[mine["period_end"] <= parse_quarter(as_of, "as_of").end_time]
    out = {}
    for metric in METRICS:
        if metric not in set(mine["metric"]):
            continue
        series = quarterly_series(mine, platform, metric)
        # A trailing long run ends at the newest figure, so the series is kept whole.
        end = last_long_run_end(series)
        if end is not None and (series.last_valid_index() - end).n <= RECENT:
            out[metric] = series[:end]
    return out


def last_long_run_end(series: pd.Series):
    """The last period of the latest unbroken run of at least MIN_QUARTERS figures, or None."""
    present = series.notna().to_numpy()
    length = 0
    best = None
    for i, ok in enumerate(present):
        length = length + 1 if ok else 0
        if length >= MIN_QUARTERS and (i + 1 == len(present) or not present[i + 1]):
            best = series.index[i]
    return best


def series_forecast(metric: str, series: pd.Series, memo: FitMemo | None = None) -> ForecastResult:
    """The one forecast every report shows for a modelled series, four quarters ahead (cached).

    Reports and the build's precomputation call only this, so they share one cache entry.
    ``memo`` (the caller's) lets the cuts of one series share their fits; it is not part of the
    cache key, since it changes how fast the answer comes, not the answer.
    """
    def series_forecast_computed(series, horizon, saturating):
        return forecast(series, horizon=horizon, saturating=saturating, memo=memo)

    return cached(series_forecast_computed, series, horizon=4, saturating=metric in SATURATING,
                  encode=ForecastResult.to_record, decode=ForecastResult.from_record)


def needed_forecasts(metrics: pd.DataFrame, platforms, quarter) -> list[list[tuple[str, pd.Series]]]:
    """Every forecast a quarter's reports ask :func:`series_forecast` for, grouped by series.

    For each platform: its modelled series as the data stand (the trends pages), as of the quarter
    and as of the quarter before (the brief's check of last quarter's forecasts). One group per
    platform and metric, longest series first, each distinct series once: a group's shorter series
    are cuts of its longest, so one worker computing a group reuses the longest backtest's fits.
    The build computes these before any report runs; the reports then read them from the cache.
    """
    previous = parse_quarter(quarter, "quarter") - 1
    groups: dict[tuple[str, str], dict[str, pd.Series]] = {}
    for platform in platforms:
        for as_of in (None, quarter, previous):
            for metric, series in modelled_series(metrics, platform, as_of=as_of).items():
                seen = groups.setdefault((platform, metric), {})
                seen.setdefault(series.to_csv(), series)
    return [sorted(((metric, s) for s in seen.values()), key=lambda item: -len(item[1]))
            for (_, metric), seen in groups.items()]



# Metrics a nowcast may be estimated from: the company's revenue lines and its users.
INDICATORS = ("revenue_total", "revenue_commerce", "revenue_marketing", "dau", "mau")


def platform_results(metrics: pd.DataFrame, platform: str) -> dict:
    """metric -> (series as published now, modelled series, its shown forecast), for each modelled series."""
    out = {}
    mine = metrics[metrics["platform"] == platform]
    for metric, series in modelled_series(metrics, platform).items():
        out[metric] = (quarterly_series(mine, platform, metric), series, series_forecast(metric, series))
    return out


def platform_track_record(metrics: pd.DataFrame, platform: str, results: dict | None = None) -> pd.DataFrame:
    """Every past forecast of a platform's modelled series against the published figure (see kreport.stats.track_record)."""
    from kreport.stats.track_record import track_record

    return track_record(results if results is not None else platform_results(metrics, platform))


def ended_nowcast(metrics: pd.DataFrame, platform: str, metric: str, quarter, result: ForecastResult | None,
                  modelled: pd.Series | None):
    """The nowcast of a metric no longer published, for `quarter`, from the platform's other figures for it.

    The projection's backtest errors at the horizon it reaches `quarter` from (the end of the
    modelled series) are passed along, so the nowcast says which of the two has erred less.
    Returns a :class:`kreport.stats.nowcast.Nowcast` or None.
    """
    from kreport.stats.nowcast import nowcast

    quarter = parse_quarter(quarter, "quarter")
    mine = metrics[metrics["platform"] == platform]
    present = set(mine["metric"])
    target = quarterly_series(mine, platform, metric)
    indicators = {name: quarterly_series(mine, platform, name) for name in INDICATORS
                  if name != metric and name in present}
    errors = None
    if result is not None and result.record is not None and modelled is not None:
        h = (quarter - modelled.last_valid_index()).n
        rows = result.record[result.record["h"] == h]
        errors = (rows["actual"] / rows["forecast"] - 1).to_numpy()
    return nowcast(target, indicators, quarter, errors)
