"""The scale a series is modelled on: log for positive amounts, logit for rates in 0-1.

Models work on the transformed values and return a mean and a standard
deviation there; intervals are built on that scale and mapped back, so a
forecast of a positive amount stays positive and a forecast of a rate stays
strictly between 0 and 1. Back-transformed points are medians, not means,
which is what absolute-error scores (MASE, sMAPE) reward.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kreport.errors import ParameterError

__all__ = ["Scale", "choose_scale", "SCALE_NAMES"]

SCALE_NAMES = ("auto", "log", "logit", "identity")

# Rates of exactly 0 or 1 have no logit; they are nudged this far inside.
_LOGIT_EPS = 1e-4


@dataclass(frozen=True)
class Scale:
    """A monotone transform with its inverse and derivative.

    Parameters
    ----------
    name : {"log", "logit", "identity"}
    """

    name: str

    def forward(self, values):
        x = np.asarray(values, dtype=float)
        if self.name == "log":
            return np.log(x)
        if self.name == "logit":
            x = np.clip(x, _LOGIT_EPS, 1 - _LOGIT_EPS)
            return np.log(x / (1 - x))
        return x

    def inverse(self, values):
        z = np.asarray(values, dtype=float)
        if self.name == "log":
            return np.exp(z)
        if self.name == "logit":
            # Beyond +-20 the inverse rounds to exactly 0 or 1 in floating point;
            # clipping keeps every bound strictly inside (0, 1).
            return 1.0 / (1.0 + np.exp(-np.clip(z, -20.0, 20.0)))
        return z

    def derivative(self, values):
        """d forward / dx, used to carry a standard deviation onto this scale."""
        x = np.asarray(values, dtype=float)
        if self.name == "log":
            return 1.0 / x
        if self.name == "logit":
            x = np.clip(x, _LOGIT_EPS, 1 - _LOGIT_EPS)
            return 1.0 / (x * (1 - x))
        return np.ones_like(x)


def choose_scale(values, scale: str = "auto") -> Scale:
    """Pick the modelling scale for a series.

    Parameters
    ----------
    values : array-like
        Observed values (NaN ignored).
    scale : {"auto", "log", "logit", "identity"}
        "auto" uses logit when every value lies in [0, 1] (a rate), log when
        every value is positive, identity otherwise.

    Raises
    ------
    ParameterError
        If `scale` is unknown or the values do not fit the scale asked for.
    """
    if scale not in SCALE_NAMES:
        raise ParameterError("scale", scale, f"one of {list(SCALE_NAMES)}")
    x = np.asarray(values, dtype=float)
    x = x[np.isfinite(x)]
    if scale == "auto":
        if x.size and np.all((x >= 0) & (x <= 1)):
            scale = "logit"
        elif x.size and np.all(x > 0):
            scale = "log"
        else:
            scale = "identity"
    if scale == "log" and np.any(x <= 0):
        raise ParameterError("scale", "log", "'identity' or 'auto' for a series with zero or negative values")
    if scale == "logit" and np.any((x < 0) | (x > 1)):
        raise ParameterError("scale", "logit", "used only for rates between 0 and 1")
    return Scale(scale)
