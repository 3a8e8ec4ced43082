"""The result type every forecast model returns, below both the models and the saturating curves."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

__all__ = ["ModelForecast"]


@dataclass(frozen=True)
class ModelForecast:
    """One model's forecast on the modelling scale.

    Attributes
    ----------
    model : str
        Model name (a key of :data:`MODEL_NAMES`).
    mean, sigma : numpy.ndarray
        Forecast mean and standard deviation for horizons 1..h.
    params : dict
        Fitted parameters and the chosen form.
    aic, aicc, bic : float
        Information criteria (NaN where the model has none).
    residuals : numpy.ndarray
        In-sample one-step residuals (may be empty).
    note : str
        Why a form was chosen, or why a fallback was used.
    fallback : bool
        True if the model failed or was implausible and seasonal naive stood in.
    """

    model: str
    mean: np.ndarray
    sigma: np.ndarray
    params: dict = field(default_factory=dict)
    aic: float = float("nan")
    aicc: float = float("nan")
    bic: float = float("nan")
    residuals: np.ndarray = field(default_factory=lambda: np.empty(0))
    note: str = ""
    fallback: bool = False
