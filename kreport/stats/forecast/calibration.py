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

__all__ = ["LEVELS", "interval_multipliers", "raw_multipliers"]

LEVELS = (0.80, 0.95)


def raw_multipliers(levels=LEVELS) -> np.ndarray:
    """Normal quantiles for central intervals at `levels` (1.28 and 1.96 for 80% and 95%)."""
    return stats.norm.ppf(0.5 + np.asarray(levels) / 2)


def interval_multipliers(past_z, levels=LEVELS, prior_weight: float = 4.0,
                         method: str = "conformal") -> np.ndarray:
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
    if method == "scale":
        return scaled
    out = scaled.copy()
    z_sorted = np.sort(z)
    for i, level in enumerate(levels):
        rank = int(np.ceil((n + 1) * level))
        if rank <= n:
            empirical = z_sorted[rank - 1]
            out[i] = (n * empirical + prior_weight * raw[i]) / (n + prior_weight)
    return out
