"""Rolling-origin backtest, honest model choice and calibrated scores.

For each origin from `min_train` observations on, every candidate model is fit
on the data up to that origin only and forecasts 1..h periods ahead. Two
derived forecasts are added at each origin from the same fits:

* ``combo``: the equal-weight mean of ETS, ARIMA and Theta on the modelling scale;
* ``auto``: the procedure that :func:`kreport.forecast.forecast` uses. By
  default (rule "fixed") it is that same combination at every origin: on all
  704 M3 quarterly series choosing members by their pre-origin errors scored
  worse than always combining the three (see benchmarks/README_forecast.md).
  The choice rules "topk" and "margin" are kept for the benchmark; they choose
  at each origin from backtest errors already observed by then (forecasts whose
  target period is at or before the origin), so their error includes the luck
  of choosing.

Intervals are calibrated the same way, from each model's standardised errors
observed before the origin (:mod:`kreport.calibration`). Nothing after an
origin enters that origin's forecast, choice or interval.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kreport.errors import ModelError, ParameterError
from kreport.stats.forecast.calibration import (
    LEVELS,
    interval_multipliers,
    raw_multipliers,
)
from kreport.stats.forecast.models import (
    DEFAULT_COMBINATION,
    MODEL_NAMES,
    candidate_models,
    fit_model,
)
from kreport.stats.forecast.transforms import choose_scale
from kreport.stats.series import check_series, periods_per_year, trailing_complete_run

__all__ = [
    "rolling_forecasts",
    "add_combination",
    "choose_members",
    "add_auto",
    "add_intervals",
    "score_backtest",
    "run_backtest",
    "complete_backtest",
    "backtest_table",
    "mase_denominator",
    "known_before",
    "BACKTESTS_RUN",
]

AUTO_RULE = "fixed"
RULES = ("fixed", "topk", "margin")
AUTO_TOP_K = 3
AUTO_MIN_ERRORS = 4
AUTO_MARGIN = 0.85
# Backtests this process has run (read by the build to report what it computed, and by tests).
BACKTESTS_RUN = {"count": 0}


def mase_denominator(values, m: int) -> float:
    """In-sample mean absolute seasonal-naive error (the MASE scale), skipping pairs with a gap."""
    values = np.asarray(values, dtype=float)
    if values.size <= m:
        return float("nan")
    diffs = np.abs(values[m:] - values[:-m])
    diffs = diffs[np.isfinite(diffs)]
    return float(diffs.mean()) if diffs.size else float("nan")


def _default_min_train(m: int) -> int:
    return 3 * m if m > 1 else 6


def rolling_forecasts(series: pd.Series, models=None, horizon: int = 4, min_train: int | None = None,
                      last_origin: int | None = None, scale: str = "auto",
                      saturating: bool = False) -> pd.DataFrame:
    """Fit every model at every origin and forecast 1..`horizon` periods ahead.

    Parameters
    ----------
    series : pandas.Series
        A kreport series (contiguous PeriodIndex, NaN for missing periods).
    models : sequence of str, optional
        Model names; default :func:`kreport.models.candidate_models` for a
        series of `min_train` points (so the set does not depend on the future).
    horizon : int
        Periods ahead.
    min_train : int, optional
        Observations (positions) in the first training window; default three years
        for quarterly data, 6 for annual.
    last_origin : int, optional
        Position count of the last origin; default ``len(series) - 1``.
    scale : str
        Modelling scale, see :func:`kreport.scales.choose_scale`; chosen per
        origin from that origin's training data.
    saturating : bool
        Add logistic and Gompertz curves to the default models (user counts).

    Returns
    -------
    pandas.DataFrame
        One row per origin, model and horizon: ``origin`` (last training period),
        ``origin_pos`` (training length in positions), ``model``, ``h``,
        ``period``, ``actual``, ``mean`` and ``sigma`` (modelling scale),
        ``z`` (standardised error), ``forecast`` (point, original scale),
        ``scale`` (modelling scale), ``denominator`` (MASE scale at the origin),
        ``fallback``. A missing quarter at the end of a training window is
        forecast over (the horizon is counted from the origin, never shifted).
    """
    series = check_series(series)
    m = periods_per_year(series.index)
    if horizon < 1:
        raise ParameterError("horizon", horizon, "a positive number of periods")
    min_train = _default_min_train(m) if min_train is None else int(min_train)
    last_origin = len(series) - 1 if last_origin is None else int(last_origin)
    if min_train < 2 or min_train > last_origin:
        raise ModelError(f"a backtest needs more than min_train={min_train} observations; "
                         f"the series has {len(series)}")
    models = tuple(models) if models is not None else candidate_models(min_train, m, saturating)
    for name in models:
        if name not in MODEL_NAMES:
            raise ParameterError("models", name, f"names from {list(MODEL_NAMES)}")
    values = series.to_numpy()
    rows = []
    for pos in range(min_train, last_origin + 1):
        train = series.iloc[:pos]
        run = trailing_complete_run(train)
        if len(run) < 2:
            continue
        sc = choose_scale(run.to_numpy(), scale)
        y = sc.forward(run.to_numpy())
        gap = pos - (series.index.get_loc(run.index[-1]) + 1)  # missing periods at the window's end
        denominator = mase_denominator(train.to_numpy(), m)
        targets = np.arange(pos, pos + horizon)
        actual = np.array([values[i] if i < len(values) else np.nan for i in targets])
        periods = [series.index[0] + int(i) for i in targets]
        actual_t = sc.forward(actual) if sc.name != "log" else np.log(np.where(actual > 0, actual, np.nan))
        for name in models:
            fc = fit_model(name, y, m, horizon + gap, sc)
            mean, sigma = fc.mean[gap:], fc.sigma[gap:]
            for h in range(horizon):
                rows.append((series.index[pos - 1], pos, name, h + 1, periods[h], actual[h], mean[h], sigma[h],
                             sc.name, denominator, fc.fallback, actual_t[h]))
    frame = pd.DataFrame(rows, columns=["origin", "origin_pos", "model", "h", "period", "actual", "mean",
                                        "sigma", "scale", "denominator", "fallback", "actual_t"])
    return _finish(frame)


def _finish(frame: pd.DataFrame) -> pd.DataFrame:
    frame["z"] = (frame["actual_t"] - frame["mean"]) / frame["sigma"].where(frame["sigma"] > 0)
    frame["forecast"] = _inverse(frame, frame["mean"])
    return frame


def _inverse(frame, values):
    out = np.asarray(values, dtype=float).copy()
    for name in frame["scale"].unique():
        mask = (frame["scale"] == name).to_numpy()
        out[mask] = choose_scale([], name).inverse(out[mask]) if name != "auto" else out[mask]
    return out


def add_combination(frame: pd.DataFrame, members=DEFAULT_COMBINATION, name: str = "combo") -> pd.DataFrame:
    """Append the equal-weight mean of `members` (means and spreads averaged on the modelling scale).

    Averaging the spreads averages the members' interval bounds (quantile
    averaging). Origins where a member is absent get no combination.
    """
    part = frame[frame["model"].isin(members)]
    if part.empty:
        return frame
    keys = ["origin", "origin_pos", "h", "period", "actual", "scale", "denominator", "actual_t"]
    grouped = part.groupby(keys, dropna=False, sort=False)
    combo = grouped.agg(mean=("mean", "mean"), sigma=("sigma", "mean"), fallback=("fallback", "any"),
                        n_members=("model", "nunique")).reset_index()
    combo = combo[combo["n_members"] == len(set(members))].drop(columns="n_members")
    combo["model"] = name
    combo = _finish(combo)
    return pd.concat([frame, combo[frame.columns.intersection(combo.columns)]], ignore_index=True)


def known_before(frame: pd.DataFrame, pos: int) -> pd.DataFrame:
    """Rows whose target had been observed by origin position `pos` (target index < pos)."""
    return frame[(frame["origin_pos"] + frame["h"] - 1 < pos) & frame["actual"].notna()]


def _past_scores(frame: pd.DataFrame, pos: int, candidates) -> pd.DataFrame:
    past = known_before(frame[frame["model"].isin(candidates)], pos)
    scaled = (past["actual"] - past["forecast"]).abs() / past["denominator"]
    return scaled.groupby(past["model"]).agg(["mean", "count"])


def choose_members(frame: pd.DataFrame, pos: int, candidates=None, rule: str = AUTO_RULE,
                   top_k: int = AUTO_TOP_K, min_errors: int = AUTO_MIN_ERRORS,
                   margin: float = AUTO_MARGIN, default=DEFAULT_COMBINATION) -> tuple[str, ...]:
    """The models the auto procedure combines at origin position `pos`.

    Only forecasts whose targets were observed before `pos` count, scored by
    mean scaled absolute error (MASE terms). With fewer than `min_errors` of
    them per model the answer is `default` (the ETS-ARIMA-Theta combination).

    rule "fixed" (the default): always `default`, whatever the past errors.
    rule "topk": the mean of the `top_k` candidates with the lowest past
    error. rule "margin": keep the ETS-ARIMA-Theta combination unless a single
    candidate's past error is below ``margin`` times the combination's. With
    one to sixteen past errors per origin both choices are mostly noise: on
    the M3 quarterly series they scored worse than the fixed combination, and
    are kept so the benchmark can show it.
    """
    if rule not in RULES:
        raise ParameterError("rule", rule, "one of " + ", ".join(repr(r) for r in RULES))
    base = frame[~frame["model"].str.startswith("auto")]
    singles = base[base["model"] != "combo"]
    candidates = tuple(candidates) if candidates is not None else tuple(singles["model"].unique())
    default = tuple(d for d in default if d in candidates) or candidates[:top_k]
    if rule == "fixed":
        return default
    score = _past_scores(singles, pos, candidates)
    if len(score) < len(candidates) or score["count"].min() < min_errors:
        return default
    if rule == "topk":
        return tuple(score["mean"].sort_values(kind="stable").index[:top_k])
    if len(default) > 1 and "combo" in set(base["model"]):
        combo_error = _past_scores(base, pos, ("combo",))["mean"].iloc[0]
    else:
        combo_error = score["mean"].get(default[0], np.inf)
    best = score["mean"].idxmin()
    if score["mean"][best] < margin * combo_error:
        return (best,)
    return default


def add_auto(frame: pd.DataFrame, candidates=None, rule: str = AUTO_RULE, name: str = "auto",
             **choice) -> pd.DataFrame:
    """Append the auto procedure's forecasts, chosen at each origin from earlier errors only.

    Extra keyword arguments go to :func:`choose_members`.
    """
    base = frame[~frame["model"].str.startswith("auto")]
    keys = ["origin", "origin_pos", "h", "period", "actual", "scale", "denominator", "actual_t"]
    pieces = []
    for pos, at_origin in base.groupby("origin_pos", sort=True):
        members = choose_members(base, pos, candidates, rule, **choice)
        part = at_origin[at_origin["model"].isin(members)]
        agg = part.groupby(keys, dropna=False, sort=False).agg(
            mean=("mean", "mean"), sigma=("sigma", "mean"), fallback=("fallback", "any")).reset_index()
        agg["members"] = "+".join(members)
        pieces.append(agg)
    if not pieces:
        return frame
    auto = pd.concat(pieces, ignore_index=True)
    auto["model"] = name
    auto = _finish(auto)
    return pd.concat([frame, auto], ignore_index=True)


def add_intervals(frame: pd.DataFrame, levels=LEVELS, method: str = "conformal",
                  prior_weight: float = 4.0) -> pd.DataFrame:
    """Add raw and calibrated interval bounds (original scale) for each level.

    Columns ``lo80``/``hi80``/``lo95``/``hi95`` are the models' own intervals;
    ``cal_lo80`` etc. are widened or narrowed by the multipliers learned from
    the same model's standardised errors observed before the origin.
    """
    frame = frame.copy()
    raw = raw_multipliers(levels)
    mult = np.empty((len(frame), len(levels)))
    for _, rows in frame.groupby("model", sort=False):
        by_pos = {}
        for pos in rows["origin_pos"].unique():
            past = known_before(rows, pos)
            by_pos[pos] = interval_multipliers(past["z"].to_numpy(), levels, prior_weight, method)
        idx = frame.index.get_indexer(rows.index)
        mult[idx] = np.vstack([by_pos[p] for p in rows["origin_pos"]])
    for i, level in enumerate(levels):
        tag = f"{round(level * 100)}"
        frame[f"lo{tag}"] = _inverse(frame, frame["mean"] - raw[i] * frame["sigma"])
        frame[f"hi{tag}"] = _inverse(frame, frame["mean"] + raw[i] * frame["sigma"])
        frame[f"cal_lo{tag}"] = _inverse(frame, frame["mean"] - mult[:, i] * frame["sigma"])
        frame[f"cal_hi{tag}"] = _inverse(frame, frame["mean"] + mult[:, i] * frame["sigma"])
    return frame


def score_backtest(frame: pd.DataFrame, first_origin_pos: int | None = None, levels=LEVELS) -> pd.DataFrame:
    """Model x horizon scores: MASE, sMAPE (%), raw and calibrated interval coverage.

    Rows whose actual is missing are left out. ``chosen`` marks the ``auto``
    procedure, the one :func:`kreport.forecast.forecast` uses.
    """
    scored = frame[frame["actual"].notna()]
    if first_origin_pos is not None:
        scored = scored[scored["origin_pos"] >= first_origin_pos]
    err = (scored["actual"] - scored["forecast"]).abs()
    parts = pd.DataFrame({
        "model": scored["model"], "h": scored["h"],
        "mase": err / scored["denominator"],
        "smape": 200 * err / (scored["actual"].abs() + scored["forecast"].abs()),
        "fallback": scored["fallback"].astype(float),
    })
    for level in levels:
        tag = f"{round(level * 100)}"
        a = scored["actual"]
        parts[f"coverage{tag}_raw"] = ((a >= scored[f"lo{tag}"]) & (a <= scored[f"hi{tag}"])).astype(float)
        parts[f"coverage{tag}_cal"] = ((a >= scored[f"cal_lo{tag}"]) & (a <= scored[f"cal_hi{tag}"])).astype(float)
    table = parts.groupby(["model", "h"]).mean()
    table.insert(0, "n", parts.groupby(["model", "h"]).size())
    table = table.rename(columns={"fallback": "fallback_share"}).reset_index()
    table["chosen"] = table["model"] == "auto"
    return table


def run_backtest(series: pd.Series, horizon: int = 4, models=None, min_train: int | None = None,
                 last_origin: int | None = None, scale: str = "auto", saturating: bool = False,
                 calibration: str = "conformal", compare_rules: bool = False) -> pd.DataFrame:
    """Rolling forecasts plus ``combo``, ``auto`` and intervals: the full long frame.

    With `compare_rules` the alternative choice rule ("margin", see
    :func:`choose_members`) is added as ``auto_margin`` for comparison.
    """
    BACKTESTS_RUN["count"] += 1
    frame = rolling_forecasts(series, models, horizon, min_train, last_origin, scale, saturating)
    return complete_backtest(frame, calibration, compare_rules)


def complete_backtest(frame: pd.DataFrame, calibration: str = "conformal", compare_rules: bool = False) -> pd.DataFrame:
    """Add ``combo``, ``auto`` and the intervals to the frame of :func:`rolling_forecasts`.

    The forecast benchmark calls this on saved rolling forecasts, so it scores exactly what
    :func:`run_backtest` (and so :func:`kreport.stats.forecast.engine.forecast`) does.
    """
    names = set(frame["model"])
    if set(DEFAULT_COMBINATION) <= names:
        frame = add_combination(frame)
    frame = add_auto(frame)
    if compare_rules:
        frame = add_auto(frame, rule="margin", name="auto_margin")
        frame = add_auto(frame, rule="topk", name="auto_topk")
    return add_intervals(frame, method=calibration)


def backtest_table(series: pd.Series, horizon: int = 4, models=None, min_train: int | None = None,
                   scale: str = "auto", saturating: bool = False) -> pd.DataFrame:
    """Model x horizon backtest scores of one series, for the CLI.

    Columns: model, h, n, mase, smape, fallback_share, coverage80_raw,
    coverage80_cal, coverage95_raw, coverage95_cal, chosen. ``chosen`` is True
    for the ``auto`` rows: the procedure :func:`kreport.forecast.forecast`
    applies, scored with choices made from pre-origin errors only. The
    models it would combine for the next forecast are in
    ``table.attrs["chosen_members"]``.
    """
    frame = run_backtest(series, horizon, models, min_train, None, scale, saturating)
    table = score_backtest(frame)
    end_pos = len(series)
    table.attrs["chosen_members"] = choose_members(frame, end_pos)
    cols = ["model", "h", "n", "mase", "smape", "fallback_share", "coverage80_raw", "coverage80_cal",
            "coverage95_raw", "coverage95_cal", "chosen"]
    return table[cols]
