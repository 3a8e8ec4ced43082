"""Rolling-origin backtest, honest model choice and calibrated scores.

For each origin from `min_train` observations on, every candidate model is fit
on the data up to that origin only and forecasts 1..h periods ahead. Two
derived forecasts are added at each origin from the same fits:

* ``combo``: the weighted mean of ETS, ARIMA and Theta on the modelling scale (weights
  :data:`kreport.stats.forecast.models.COMBINATION_WEIGHTS`), its spread the median of theirs;
* ``auto``: the procedure that :func:`kreport.forecast.forecast` uses: that combination at
  every origin, with drift as a fourth member where the training values are strongly seasonal
  (:func:`kreport.stats.forecast.models.combination_members`). On all 704 M3 quarterly series
  choosing members by their pre-origin errors scored worse than a fixed combination (see
  benchmarks/README_forecast.md; the choice rules live in benchmarks/).

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
    adjusted_levels,
    horizon_multipliers,
    levelled_bands,
    raw_multipliers,
)
from kreport.stats.forecast.models import (
    DEFAULT_COMBINATION,
    MODEL_NAMES,
    FitMemo,
    candidate_models,
    combination_members,
    fit_model,
    member_weights,
    seasonal_strength,
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
    "error_floor",
    "levelled_floor",
    "BACKTESTS_RUN",
]

# Errors a horizon needs before they set a floor under its band (see error_floor). With fewer, the
# empirical 80% quantile is little more than the largest error: on the benchmark sets a floor from
# four or five errors made the bands of strongly seasonal series over-cover (issue 21). With the
# adaptive levels (calibration.adjusted_levels), which widen bands that missed too often, a floor from
# six or seven errors over-covered the tourism set (83.5% at 80%); from eight, M3, tourism and M1 all
# land inside 77-83% (chosen on those three sets; benchmarks/README_forecast.md, fourth pass).
FLOOR_MIN_ERRORS = 8
# The floor reads only the errors of the latest FLOOR_WINDOW origins at each horizon. A backtest's first
# origins fit their models on the shortest histories and err more than the later ones, and the forecast
# shown is fit on the whole history; with every origin's errors the tourism set's floors held 85% of
# later errors at 80% (issue 21, benchmarks/README_forecast.md, sixth pass).
FLOOR_WINDOW = 12
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
                      saturating: bool = False, memo: FitMemo | None = None,
                      fitters: dict | None = None) -> pd.DataFrame:
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
    memo : kreport.stats.forecast.models.FitMemo, optional
        Where fits are remembered; default a new one for this backtest (each origin's fits
        start from the previous origin's parameters).
    fitters : dict, optional
        Extra models by name, ``fit(y, m, horizon, scale, memo)`` (the benchmark's comparisons).

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
    fitters = fitters or {}
    memo = memo if memo is not None else FitMemo()
    for name in models:
        if name not in MODEL_NAMES and name not in fitters:
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
        strength = seasonal_strength(run.to_numpy(dtype=float), m)  # of the original values, as Theta's test
        for name in models:
            fc = fit_model(name, y, m, horizon + gap, sc, memo, fitters.get(name))
            mean, sigma = fc.mean[gap:], fc.sigma[gap:]
            for h in range(horizon):
                rows.append((series.index[pos - 1], pos, name, h + 1, periods[h], actual[h], mean[h], sigma[h],
                             sc.name, denominator, fc.fallback, actual_t[h], int(fc.params.get("unconverged", 0)),
                             strength))
    frame = pd.DataFrame(rows, columns=["origin", "origin_pos", "model", "h", "period", "actual", "mean",
                                        "sigma", "scale", "denominator", "fallback", "actual_t", "unconverged",
                                        "season"])
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


KEYS = ["origin", "origin_pos", "h", "period", "actual", "scale", "denominator", "actual_t"]


def _combine(part: pd.DataFrame, members=None) -> pd.DataFrame:
    """The members' weighted mean (:func:`member_weights`) on the modelling scale and the median of their spreads.

    The median spread keeps one member's very wide band (Theta's on a strongly seasonal series)
    from setting the combination's; the calibration then scales it by the procedure's own errors.
    Each row's weight is its column ``_w`` when present (origins may combine different members),
    else its member's weight among `members`. One row per origin and horizon, with the count of
    members present (``n_members``).
    """
    if "_w" not in part.columns:
        part = part.assign(_w=part["model"].map(dict(zip(members, member_weights(members)))))
    part = part.assign(_wm=part["_w"] * part["mean"])
    keys = KEYS + (["season"] if "season" in part.columns else [])
    grouped = part.groupby(["origin_pos", "h"], sort=False)  # the other keys are fixed by these two
    out = grouped[[k for k in keys if k not in ("origin_pos", "h")]].first()
    sums = grouped[["_wm", "_w"]].sum()
    out["mean"] = sums["_wm"] / sums["_w"]
    out["sigma"] = grouped["sigma"].median()
    out["fallback"] = grouped["fallback"].any()
    out["n_members"] = grouped["model"].nunique()
    if "members" in part.columns:
        out["members"] = grouped["members"].first()
    return out.reset_index()


def add_combination(frame: pd.DataFrame, members=DEFAULT_COMBINATION, name: str = "combo") -> pd.DataFrame:
    """Append the combination of `members` (:func:`_combine`); origins where a member is absent get none."""
    part = frame[frame["model"].isin(members)]
    if part.empty:
        return frame
    combo = _combine(part, tuple(members))
    combo = combo[combo["n_members"] == len(set(members))].drop(columns="n_members")
    combo["model"] = name
    combo = _finish(combo)
    return pd.concat([frame, combo[frame.columns.intersection(combo.columns)]], ignore_index=True)


def known_before(frame: pd.DataFrame, pos: int) -> pd.DataFrame:
    """Rows whose target had been observed by origin position `pos` (target index < pos)."""
    return frame[(frame["origin_pos"] + frame["h"] - 1 < pos) & frame["actual"].notna()]


def choose_members(frame: pd.DataFrame, pos: int, candidates=None, default=DEFAULT_COMBINATION,
                   strength: float | None = None) -> tuple[str, ...]:
    """The models the forecast combines: ETS, ARIMA and Theta (those of them among the candidates), with
    drift as well when the training values at `pos` are strongly seasonal (:func:`combination_members`).

    No member is chosen from past errors: with one to sixteen of them per origin such a choice
    is mostly noise, and on the M3 quarterly series every rule tried scored worse than the fixed
    combination (the rules are kept in benchmarks/forecast_rules.py to show it). ``frame`` and
    ``pos`` are accepted so a rule of the benchmark can stand in (see :func:`add_auto`); the
    seasonal strength is read from the frame's ``season`` at origin `pos` unless `strength` is given.
    """
    singles = frame[~frame["model"].str.startswith("auto") & (frame["model"] != "combo")]
    candidates = tuple(candidates) if candidates is not None else tuple(singles["model"].unique())
    if strength is None:
        at = frame.loc[frame["origin_pos"] == pos, "season"] if "season" in frame.columns else frame.iloc[:0, 0]
        strength = float(at.iloc[0]) if len(at) else 0.0
    return combination_members(candidates, strength, default)


def add_auto(frame: pd.DataFrame, candidates=None, name: str = "auto", choose=choose_members) -> pd.DataFrame:
    """Append the forecast procedure's forecasts at each origin: the mean of the members `choose` names.

    ``choose(frame, pos, candidates)`` sees the frame without any ``auto*`` rows; a choice rule
    must use only rows whose targets were observed before `pos` (:func:`known_before`).
    """
    base = frame[~frame["model"].str.startswith("auto")]
    pieces = []
    for pos, at_origin in base.groupby("origin_pos", sort=True):
        members = choose(base, pos, candidates)
        part = at_origin[at_origin["model"].isin(members)]
        weight = dict(zip(members, member_weights(members)))
        pieces.append(part.assign(_w=part["model"].map(weight), members="+".join(members)))
    if not pieces:
        return frame
    auto = _combine(pd.concat(pieces, ignore_index=True)).drop(columns="n_members")
    auto = auto.sort_values(["origin_pos", "h"], kind="stable").reset_index(drop=True)
    auto["model"] = name
    auto = _finish(auto)
    return pd.concat([frame, auto], ignore_index=True)


def error_floor(past: pd.DataFrame, horizon: int, levels=LEVELS) -> np.ndarray:
    """Half-widths (modelling scale) that the series' own backtest errors imply, per horizon and level.

    ``past`` holds one procedure's backtest rows whose targets were already observed. At each
    horizon with at least :data:`FLOOR_MIN_ERRORS` errors the half-width is the empirical
    quantile of the absolute errors ``|actual - mean|`` at the level, from that horizon's errors
    alone, the latest :data:`FLOOR_WINDOW` origins' (by ``origin_pos`` where ``past`` has it): a
    series whose errors do not grow with the horizon (most of the tourism set's) is not given a
    longer horizon's floor from a shorter one's larger errors. Horizons without enough
    errors get 0 (no floor). ``levels`` is one row of levels for every horizon, or one row per
    horizon (shape (horizon, L)). Returns an array of shape (horizon, L).
    """
    by_h = np.broadcast_to(np.asarray(levels, dtype=float), (horizon, np.shape(levels)[-1]))
    out = np.zeros(by_h.shape)
    if past.empty:
        return out
    err = (past["actual_t"] - past["mean"]).abs()
    if "origin_pos" in past:
        err = err.iloc[np.argsort(past["origin_pos"].to_numpy(), kind="stable")]
    for h, e in err.groupby(past["h"]):
        e = e.to_numpy()
        e = e[np.isfinite(e)][-FLOOR_WINDOW:]
        if 1 <= h <= horizon and e.size >= FLOOR_MIN_ERRORS:
            out[h - 1] = np.quantile(e, by_h[h - 1])
    return out


def levelled_floor(past: pd.DataFrame, horizon: int, levels_by_h, nominal=LEVELS) -> np.ndarray:
    """:func:`error_floor` with each horizon at its own levels, never below the nominal ones: a band never holds
    fewer of the series' past errors at its horizon than its level claims, and holds more where it aims higher."""
    return error_floor(past, horizon, np.maximum(levels_by_h, nominal))


def add_intervals(frame: pd.DataFrame, levels=LEVELS, method: str = "conformal",
                  prior_weight: float = 4.0, floor: bool = True, adaptive: bool = True) -> pd.DataFrame:
    """Add raw and calibrated interval bounds (original scale) for each level.

    Columns ``lo80``/``hi80``/``lo95``/``hi95`` are the models' own intervals;
    ``cal_lo80`` etc. are widened or narrowed by the multipliers learned from
    the same model's standardised errors observed before the origin, and then, with `floor`,
    never narrower than that model's own absolute errors at the same horizon imply
    (:func:`error_floor`): a band that past errors at that horizon would have missed more
    often than its level allows is widened to them. With `adaptive`, each origin calibrates at
    levels moved by how that model's earlier calibrated bands fared
    (:func:`~kreport.stats.forecast.calibration.adjusted_levels`); ``cal_hit`` records, for each
    row with an observed target, whether its narrowest calibrated band held it.
    """
    frame = frame.copy()
    raw = raw_multipliers(levels)
    mult = np.empty((len(frame), len(levels)))
    horizon = int(frame["h"].max()) if len(frame) else 0
    hit = np.full(len(frame), np.nan)
    narrowest = int(np.argmin(levels))
    for _, rows in frame.groupby("model", sort=False):
        idx = frame.index.get_indexer(rows.index)
        origin = rows["origin_pos"].to_numpy()
        target = origin + rows["h"].to_numpy() - 1
        observed = rows["actual"].notna().to_numpy()
        absz = np.abs(rows["z"].to_numpy(dtype=float))
        sigma = rows["sigma"].to_numpy(dtype=float)
        steps = rows["h"].to_numpy(dtype=int)
        own_hit = np.full(len(rows), np.nan)
        # Origin by origin, in time order: each origin's levels depend on how the earlier bands fared.
        for pos in np.sort(np.unique(origin)):
            known = (target < pos) & observed
            past = rows[known]
            if adaptive:
                at = adjusted_levels(own_hit[known], levels, horizon=horizon)
                m = levelled_bands(past["z"].to_numpy(), past["h"].to_numpy(), horizon, at, levels, prior_weight, method)
            else:
                at = np.tile(np.asarray(levels, dtype=float), (horizon, 1))
                m = horizon_multipliers(past["z"].to_numpy(), past["h"].to_numpy(), horizon, levels, prior_weight, method)
            need = levelled_floor(past, horizon, at, levels) if floor else np.zeros((horizon, len(levels)))
            now = np.flatnonzero(origin == pos)
            s = sigma[now][:, None]
            with np.errstate(divide="ignore", invalid="ignore"):
                widened = np.where(s > 0, need[steps[now] - 1] / s, 0.0)
            rows_mult = np.maximum(m[steps[now] - 1], np.nan_to_num(widened))
            mult[idx[now]] = rows_mult
            done = observed[now] & np.isfinite(absz[now])
            own_hit[now[done]] = absz[now[done]] <= rows_mult[done, narrowest]
        hit[idx] = own_hit
    for i, level in enumerate(levels):
        tag = f"{round(level * 100)}"
        frame[f"lo{tag}"] = _inverse(frame, frame["mean"] - raw[i] * frame["sigma"])
        frame[f"hi{tag}"] = _inverse(frame, frame["mean"] + raw[i] * frame["sigma"])
        frame[f"cal_lo{tag}"] = _inverse(frame, frame["mean"] - mult[:, i] * frame["sigma"])
        frame[f"cal_hi{tag}"] = _inverse(frame, frame["mean"] + mult[:, i] * frame["sigma"])
    frame["cal_hit"] = hit
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
                 calibration: str = "conformal", memo: FitMemo | None = None) -> pd.DataFrame:
    """Rolling forecasts plus ``combo``, ``auto`` and intervals: the full long frame."""
    BACKTESTS_RUN["count"] += 1
    frame = rolling_forecasts(series, models, horizon, min_train, last_origin, scale, saturating, memo)
    return complete_backtest(frame, calibration)


def complete_backtest(frame: pd.DataFrame, calibration: str = "conformal", extra=None) -> pd.DataFrame:
    """Add ``combo``, ``auto`` and the intervals to the frame of :func:`rolling_forecasts`.

    The forecast benchmark calls this on saved rolling forecasts, so it scores exactly what
    :func:`run_backtest` (and so :func:`kreport.stats.forecast.engine.forecast`) does;
    ``extra(frame)`` may add its own procedures before the intervals are calibrated.
    """
    names = set(frame["model"])
    if set(DEFAULT_COMBINATION) <= names:
        frame = add_combination(frame)
    frame = add_auto(frame)
    if extra is not None:
        frame = extra(frame)
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
