"""Interval calibration from a backtest's own past errors.

Raw model intervals under-cover on short series (parameter and model-choice
uncertainty are left out). Each forecast's error is measured on the
modelling scale in units of the model's own standard deviation,
``z = (actual - mean) / sigma``; the errors seen before an origin tell how
much to widen (or narrow) that origin's intervals. Pooling the standardised
errors over horizons lets a short backtest calibrate all four horizons at once,
and a weak prior (the raw width, worth `prior_weight` errors) keeps the first
origins, with almost no errors, from swinging wildly.
"""

from __future__ import annotations

import numpy as np
from scipy import stats

from kreport.errors import ParameterError

__all__ = ["LEVELS", "TAIL_DF", "interval_multipliers", "raw_multipliers"]

LEVELS = (0.80, 0.95)
# Forecast errors of business series have heavier tails than the normal's: on the M3 quarterly
# backtests the 95% quantile of |z| is 1.76 times the 80% one (Student t with 5 degrees of
# freedom: 1.74; normal: 1.53).
TAIL_DF = 5


def raw_multipliers(levels=LEVELS) -> np.ndarray:
    """Normal quantiles for central intervals at `levels` (1.28 and 1.96 for 80% and 95%)."""
    return stats.norm.ppf(0.5 + np.asarray(levels) / 2)


def interval_multipliers(past_z, levels=LEVELS, prior_weight: float = 4.0,
                         method: str = "conformal", tail_df: float | None = TAIL_DF) -> np.ndarray:
    """How many model standard deviations each interval should span, from past errors.

    Parameters
    ----------
    past_z : array-like
        Standardised errors observed before the origin (NaN ignored).
    levels : sequence of float
        Central coverage levels, e.g. (0.80, 0.95).
    prior_weight : float
        How many errors the raw width counts for.
    method : {"conformal", "scale"}
        "scale": one factor, the root mean square of `z` shrunk to 1, times a
        Student-t quantile. "conformal": for each level the split-conformal
        quantile of ``|z|`` (rank ``ceil((n + 1) * level)``) where there are
        enough errors for it, shrunk towards the raw multiplier by
        `prior_weight`; the "scale" answer where there are not (a 95% quantile
        needs 19 errors).
    tail_df : float or None
        A wider level's multiplier is at least the narrowest level's times the ratio of their
        Student-t quantiles with `tail_df` degrees of freedom: a 95% bound estimated from a few
        dozen errors, most of them small, would otherwise assume normal tails and cover too
        little. None leaves each level to its own estimate.

    Returns
    -------
    numpy.ndarray
        One multiplier per level; with no past errors the raw normal quantiles.
    """
    if method not in ("conformal", "scale"):
        raise ParameterError("method", method, "'conformal' or 'scale'")
    z = np.asarray(past_z, dtype=float)
    z = np.abs(z[np.isfinite(z)])
    levels = np.asarray(levels, dtype=float)
    raw = raw_multipliers(levels)
    n = z.size
    if n == 0:
        return raw
    s2 = (np.sum(z**2) + prior_weight) / (n + prior_weight)
    scaled = np.sqrt(s2) * stats.t.ppf(0.5 + levels / 2, df=n + prior_weight)
    out = scaled.copy()
    if method == "conformal":
        z_sorted = np.sort(z)
        for i, level in enumerate(levels):
            rank = int(np.ceil((n + 1) * level))
            if rank <= n:
                empirical = z_sorted[rank - 1]
                out[i] = (n * empirical + prior_weight * raw[i]) / (n + prior_weight)
    if tail_df is not None and levels.size > 1:
        tail = stats.t.ppf(0.5 + levels / 2, df=tail_df)
        narrowest = int(np.argmin(levels))
        out = np.maximum(out, out[narrowest] * tail / tail[narrowest])
    return out
