"""Forecasts computed once, before any report runs.

Every forecast a quarter's reports show (:func:`kreport.stats.forecast.policy.needed_forecasts`)
is computed here, side by side in worker processes, into the build's forecast cache. The
notebooks then read each result from the cache: no kernel runs a backtest the build has run, and
the two languages never compute the same backtest. One worker takes all the cuts of one series
(as the data stand, and as of the quarter before), longest first, so the shorter cut reuses the
longer one's fits.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kreport.publish.run import start_worker
from kreport.stats.forecast.policy import needed_forecasts, series_forecast

__all__ = ["ForecastSummary", "precompute_forecasts", "compute_group"]


@dataclass(frozen=True)
class ForecastSummary:
    """What the build's forecast step did: series forecast, how many were computed (not cached), seconds."""

    series: int
    computed: int
    seconds: float


def compute_group(group: list[tuple[str, pd.Series]]) -> int:
    """Forecast one group of cuts of a series (in a worker); return how many were computed, not read from the cache."""
    from kreport.stats.forecast import backtest

    before = backtest.BACKTESTS_RUN["count"]
    for metric, series in group:
        try:
            series_forecast(metric, series)
        except Exception:  # noqa: BLE001 - the report that shows this series meets the error and reports it
            continue
    return backtest.BACKTESTS_RUN["count"] - before


def precompute_forecasts(metrics: pd.DataFrame, platforms, quarter, out_dir: Path, jobs: int,
                         echo=print) -> ForecastSummary:
    """Compute every forecast the quarter's reports need into the cache of the build at ``out_dir``."""
    started = time.monotonic()
    groups = needed_forecasts(metrics, platforms, quarter)
    if not groups:
        return ForecastSummary(0, 0, 0.0)
    # The longest backtests first, so the pool's last task is a short one.
    groups.sort(key=lambda group: -sum(len(series) for _, series in group))
    workers = max(1, min(jobs, len(groups)))
    pool = ProcessPoolExecutor(max_workers=workers, initializer=start_worker,
                               initargs=(os.getpid(), str(Path(out_dir).resolve())))
    try:
        computed = sum(pool.map(compute_group, groups))
    except BaseException:
        # Interrupted, or a worker died: end the workers now rather than wait for their backtests.
        workers_alive = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for worker in workers_alive:
            worker.terminate()
        raise
    pool.shutdown()
    summary = ForecastSummary(sum(len(group) for group in groups), computed, round(time.monotonic() - started, 2))
    echo(f"forecasts: {summary.series} series ready ({summary.computed} computed, the rest cached) "
         f"in {summary.seconds:.1f}s")
    return summary
