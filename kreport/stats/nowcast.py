"""A nowcast from the quarter's own indicators: a metric no longer disclosed, estimated from figures published for the same quarter.

When a company stops publishing a metric (Kuaishou's GMV after 2025Q4) but still publishes
others for the quarter (revenue lines, daily and monthly users), the metric's year-on-year
growth is estimated from theirs: for each indicator, the metric's log growth on a year earlier
regressed on the indicator's (intercept and slope by OLS on the quarters before the one
estimated), and the estimate is the mean of those regressions.

The mean is backtested on the quarters where the metric was published, each estimated only
from earlier quarters; its interval is the quantiles of those backtest errors (on the log
scale, so the band is a ratio). The
time-series projection's own backtest error at the same horizon is set beside it, and the one
with the smaller error is the estimate used.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

__all__ = ["Nowcast", "nowcast", "MIN_ERRORS"]

# Backtest errors a candidate needs before it may be used.
MIN_ERRORS = 6
# Quarter pairs a regression needs before it estimates.
MIN_PAIRS = 6
# Student t(5) ratio of the 95% to the 80% quantile: the 95% band where too few errors set it.
TAIL_RATIO = 2.5706 / 1.4759


@dataclass(frozen=True)
class Nowcast:
    """A metric estimated for one quarter from that quarter's published indicators.

    Attributes
    ----------
    period : pandas.Period
    value, lo80, hi80, lo95, hi95 : float
        The estimate and its intervals from the backtest errors.
    indicators : tuple of str
        The metrics it is estimated from (each published for `period`).
    method : str
        "regression mean" (see :func:`nowcast`).
    mape, n : float, int
        Mean absolute percentage error of its backtest and how many quarters it was scored on.
    projection_mape, projection_n : float, int
        The time-series projection's backtest error at the same horizon (NaN, 0 if none).
    used : str
        "nowcast" or "projection": the one with the smaller backtest error.
    candidates : pandas.DataFrame
        Each indicator's own regression backtest: indicator, n, mape.
    """

    period: pd.Period
    value: float
    lo80: float
    hi80: float
    lo95: float
    hi95: float
    indicators: tuple
    method: str
    mape: float
    n: int
    projection_mape: float = float("nan")
    projection_n: int = 0
    used: str = "nowcast"
    candidates: pd.DataFrame = field(default_factory=pd.DataFrame)


def _growth(series: pd.Series, period) -> float:
    before = period - 4
    now, then = series.get(period, np.nan), series.get(before, np.nan)
    return float(np.log(now / then)) if np.isfinite(now) and np.isfinite(then) and now > 0 and then > 0 else np.nan


def _pairs(target: pd.Series, indicator: pd.Series, periods) -> pd.DataFrame:
    rows = [(p, _growth(target, p), _growth(indicator, p)) for p in periods]
    frame = pd.DataFrame(rows, columns=["period", "y", "x"]).dropna()
    return frame.set_index("period")


def _predict(history: pd.DataFrame, x: float) -> float:
    """Log growth of the target from the indicator's log growth `x`, regressed on `history` only."""
    if len(history) < MIN_PAIRS or np.ptp(history["x"]) <= 0:
        return np.nan
    slope, intercept = np.polyfit(history["x"], history["y"], 1)
    return float(intercept + slope * x)


def _quantile(abs_errors: np.ndarray, level: float) -> float:
    """The split-conformal quantile of the absolute errors (rank ceil((n + 1) level)), or NaN if too few."""
    n = abs_errors.size
    rank = int(np.ceil((n + 1) * level))
    return float(np.sort(abs_errors)[rank - 1]) if 1 <= rank <= n else np.nan


def _regression_path(pairs: pd.DataFrame) -> pd.Series:
    """Each quarter's regression estimate of the target's log growth, from earlier quarters only."""
    out = {}
    for i, (period, row) in enumerate(pairs.iterrows()):
        estimate = _predict(pairs.iloc[:i], row["x"])
        if np.isfinite(estimate):
            out[period] = estimate
    return pd.Series(out, dtype=float)


def nowcast(target: pd.Series, indicators: dict[str, pd.Series], period, projection_errors=None) -> Nowcast | None:
    """Estimate `target` at `period` from the `indicators` published for that quarter.

    The estimate is the mean of one regression per indicator published for `period` (the
    target's log growth on a year earlier against the indicator's): a fixed rule, not a choice
    among them, so its backtest (the same mean at each earlier quarter, each regression fitted on
    the quarters before) is an honest error. Each single indicator's backtest is reported too.

    Parameters
    ----------
    target : pandas.Series
        The metric's quarterly series (NaN where not published), with a figure a year before `period`.
    indicators : dict
        name -> quarterly series of the same company's other metrics.
    period : pandas.Period
        The quarter to estimate.
    projection_errors : array-like, optional
        The time-series projection's backtest errors (actual / forecast - 1) at the horizon it
        reaches `period` from: the nowcast is used only if its own backtest error is smaller.

    Returns
    -------
    Nowcast or None
        None when no indicator has a figure for `period` and a year before it, or the mean has
        fewer than :data:`MIN_ERRORS` backtest errors.
    """
    base = target.get(period - 4, np.nan)
    if not np.isfinite(base):
        return None
    history = target[target.index < period]
    rows, paths, now = [], {}, {}
    for name, series in indicators.items():
        x = _growth(series, period)
        if not np.isfinite(x):
            continue
        pairs = _pairs(history, series, history.index)
        estimate = _predict(pairs, x)
        if not np.isfinite(estimate):
            continue
        path = _regression_path(pairs)
        errors = (pairs["y"].reindex(path.index) - path).to_numpy()
        rows.append({"indicator": name, "n": int(errors.size),
                     "mape": float(np.mean(np.abs(np.expm1(errors)))) if errors.size else np.nan})
        paths[name], now[name] = path, estimate
    if not paths:
        return None
    names = tuple(paths)
    mean_path = pd.concat(paths, axis=1).mean(axis=1, skipna=True)
    y = pd.Series({p: _growth(history, p) for p in mean_path.index}, dtype=float)
    errors = (y - mean_path).dropna().to_numpy()
    if errors.size < MIN_ERRORS:
        return None
    mape = float(np.mean(np.abs(np.expm1(errors))))
    value = float(base * np.exp(np.mean(list(now.values()))))
    q80 = _quantile(np.abs(errors), 0.80)
    q95 = _quantile(np.abs(errors), 0.95)
    q80 = q80 if np.isfinite(q80) else float(np.max(np.abs(errors)))
    q95 = max(q95 if np.isfinite(q95) else 0.0, q80 * TAIL_RATIO)
    proj = np.asarray(projection_errors if projection_errors is not None else [], dtype=float)
    proj = proj[np.isfinite(proj)]
    proj_mape = float(np.mean(np.abs(proj))) if proj.size else float("nan")
    used = "projection" if proj.size >= MIN_ERRORS and proj_mape < mape else "nowcast"
    return Nowcast(period, value, value * np.exp(-q80), value * np.exp(q80), value * np.exp(-q95),
                   value * np.exp(q95), names, "regression mean", mape, int(errors.size), proj_mape,
                   int(proj.size), used, pd.DataFrame(rows))
