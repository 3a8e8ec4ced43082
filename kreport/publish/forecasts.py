"""Forecasts computed once, before any report runs, into the forecast store the notebooks are handed.

Every forecast a quarter's reports show (:func:`kreport.stats.forecast.policy.needed_forecasts`)
is computed here, side by side in worker processes, into the build's forecast store
(``<out>/.cache``). The notebooks get that folder as their ``forecast_store`` parameter and read
each result from it: no kernel runs a backtest the build has run, and the two languages never
compute the same backtest. One worker takes all the cuts of one series (as the data stand, and as
of the quarter before), longest first, so the shorter cut reuses the longer one's fits.

A notebook opened in JupyterLab calls :func:`prepare` for the same forecasts: what a build already
computed is read, the rest is computed with a line of progress per series.

Every cached forecast is checked when read (:func:`plausible`): one whose point forecasts are more
than :data:`PLAUSIBLE_FACTOR` times above or below the series' last figure is computed again.
"""

from __future__ import annotations

import math
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kreport import cache
from kreport.publish.pool import WorkerPool
from kreport.publish.run import start_worker
from kreport.stats.forecast.engine import forecast
from kreport.stats.forecast.models import FitMemo
from kreport.stats.forecast.policy import SATURATING, needed_forecasts, series_forecast

__all__ = ["ForecastSummary", "precompute_forecasts", "compute_group", "plausible", "prepare", "PLAUSIBLE_FACTOR"]

PLAUSIBLE_FACTOR = 5.0


def plausible(result, series: pd.Series, *args, **kwargs) -> bool:
    """Whether a forecast's points stay within PLAUSIBLE_FACTOR of the series' last figure (either way)."""
    last = series.dropna()
    if last.empty:
        return True
    last = float(last.iloc[-1])
    points = pd.to_numeric(result.frame["forecast"], errors="coerce")
    if last <= 0 or points.isna().all():
        return True
    return bool(points.dropna().between(last / PLAUSIBLE_FACTOR, last * PLAUSIBLE_FACTOR).all()
                and all(math.isfinite(x) for x in points.dropna()))


cache.check_with(forecast, plausible)


@dataclass(frozen=True)
class ForecastSummary:
    """What the build's forecast step did: series forecast, how many were computed (not cached), seconds."""

    series: int
    computed: int
    seconds: float


def _start(build_pid: int, out_dir: str, store: str) -> None:
    start_worker(build_pid, out_dir)
    cache.use(store)


def compute_group(group: list[tuple[str, pd.Series]]) -> int:
    """Forecast one group of cuts of a series (in a worker); return how many were computed, not read from the cache."""
    from kreport.stats.forecast import backtest

    before = backtest.BACKTESTS_RUN["count"]
    memo = FitMemo()  # the cuts of one series share their fits
    for metric, series in group:
        try:
            series_forecast(metric, series, memo=memo)
        except Exception:  # noqa: BLE001 - the report that shows this series meets the error and reports it
            continue
    return backtest.BACKTESTS_RUN["count"] - before


def precompute_forecasts(metrics: pd.DataFrame, platforms, quarter, out_dir: Path, jobs: int,
                         echo=print, store: Path | None = None) -> ForecastSummary:
    """Compute every forecast the quarter's reports need into the forecast store (default ``<out_dir>/.cache``)."""
    import os

    started = time.monotonic()
    groups = needed_forecasts(metrics, platforms, quarter)
    if not groups:
        return ForecastSummary(0, 0, 0.0)
    # The longest backtests first, so the pool's last task is a short one.
    groups.sort(key=lambda group: -sum(len(series) for _, series in group))
    store = Path(store) if store else Path(out_dir) / ".cache"
    workers = max(1, min(jobs, len(groups)))
    with WorkerPool(workers, _start, (os.getpid(), str(Path(out_dir).resolve()), str(store.resolve()))) as pool:
        computed = sum(n for _, n in pool.map_unordered(compute_group, groups))
    summary = ForecastSummary(sum(len(group) for group in groups), computed, round(time.monotonic() - started, 2))
    echo(f"forecasts: {summary.series} series ready ({summary.computed} computed, the rest cached) "
         f"in {summary.seconds:.1f}s")
    return summary


def prepare(rep, out=None) -> None:
    """Make sure the forecasts report ``rep`` shows are in its forecast store, saying what is computed.

    In a build every forecast is already there and this prints nothing. In JupyterLab, on a quarter
    no build has computed, a backtest takes seconds per series: one line per series computed, with
    its place in the list, instead of minutes of silence.
    """
    out = out or sys.stdout
    platforms = [rep.platform] if rep.platform else list(rep.data.platforms.index)
    todo = [(metric, series) for group in needed_forecasts(rep.data.metrics, platforms, rep.quarter)
            for metric, series in group
            if not cache.contains(forecast, series, horizon=4, saturating=metric in SATURATING)]
    for i, (metric, series) in enumerate(todo, 1):
        started = time.monotonic()
        print(f"forecast {i} of {len(todo)}: {series.name or metric} to {series.last_valid_index()} …",
              end="", file=out, flush=True)
        try:
            series_forecast(metric, series)
        except Exception as exc:  # noqa: BLE001 - the section showing it reports the error
            print(f" failed ({type(exc).__name__})", file=out, flush=True)
            continue
        print(f" {time.monotonic() - started:.1f} s", file=out, flush=True)
