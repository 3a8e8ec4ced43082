"""Saturating growth curves (logistic, Gompertz) for user counts, fitted with scipy.

statsmodels has no saturating trend model, so these use
``scipy.optimize.curve_fit`` on the original scale. The forecast spread adds
the residual variance to the parameter uncertainty carried through the curve
(delta method), then moves to the modelling scale through the transform's
derivative so the curves combine and calibrate like every other model.
"""

from __future__ import annotations

import warnings

import numpy as np

from kreport.errors import ModelError, ParameterError
from kreport.stats.forecast.result import ModelForecast

__all__ = ["logistic_curve", "gompertz_curve", "fit_saturating"]


def logistic_curve(t, ceiling, rate, midpoint):
    """Logistic: ``ceiling / (1 + exp(-rate * (t - midpoint)))``."""
    return ceiling / (1.0 + np.exp(-rate * (t - midpoint)))


def gompertz_curve(t, ceiling, shift, rate):
    """Gompertz: ``ceiling * exp(-shift * exp(-rate * t))``."""
    return ceiling * np.exp(-shift * np.exp(-rate * t))


def _start_values(name, t, x):
    top = 1.2 * x.max()
    if name == "logistic":
        return [top, 0.1, t.mean()], ([x.max(), 1e-4, -10 * t.size], [50 * x.max(), 5.0, 20 * t.size])
    ratio = np.clip(x[0] / top, 1e-6, 1 - 1e-6)
    return [top, -np.log(ratio), 0.1], ([x.max(), 1e-6, 1e-4], [50 * x.max(), 50.0, 5.0])


def fit_saturating(name: str, y, m: int, horizon: int, scale=None):
    """Fit a logistic or Gompertz curve and forecast `horizon` periods ahead.

    Parameters
    ----------
    name : {"logistic", "gompertz"}
    y : array-like
        Values on the modelling scale (converted back with `scale`).
    m : int
        Periods per year (only reported; the curves are not seasonal).
    horizon : int
    scale : kreport.stats.forecast.transforms.Scale, optional
        The modelling scale; identity if None.

    Returns
    -------
    kreport.stats.forecast.result.ModelForecast
        ``params`` holds the ceiling (saturation level) and whether it sits on its
        upper bound (then the data show no saturation yet and the curve is
        little more than an exponential).
    """
    from scipy.optimize import OptimizeWarning, curve_fit

    curves = {"logistic": logistic_curve, "gompertz": gompertz_curve}
    if name not in curves:
        raise ParameterError("name", name, "'logistic' or 'gompertz'")
    y = np.asarray(y, dtype=float)
    x = scale.inverse(y) if scale is not None else y
    if x.size < 6:
        raise ModelError(f"a {name} curve needs 6 points, got {x.size}")
    if np.any(x <= 0):
        raise ModelError(f"a {name} curve needs positive values")
    curve = curves[name]
    t = np.arange(x.size, dtype=float)
    p0, bounds = _start_values(name, t, x)
    with warnings.catch_warnings(), np.errstate(over="ignore", invalid="ignore"):
        # A covariance that cannot be estimated (then no parameter uncertainty is added) and overflow
        # of exp() at trial parameters far from the optimum; anything else still shows.
        warnings.simplefilter("ignore", OptimizeWarning)
        warnings.filterwarnings("ignore", category=RuntimeWarning)
        try:
            popt, pcov = curve_fit(curve, t, x, p0=p0, bounds=bounds, maxfev=5000)
        except RuntimeError as exc:
            raise ModelError(f"{name} curve did not converge: {exc}") from exc
    resid = x - curve(t, *popt)
    dof = max(x.size - 3, 1)
    s2 = float(np.sum(resid**2) / dof)
    t_new = np.arange(x.size, x.size + horizon, dtype=float)
    level = curve(t_new, *popt)
    # Delta method: gradient of the curve in its parameters by central differences.
    grad = np.empty((horizon, 3))
    for j in range(3):
        step = 1e-6 * max(abs(popt[j]), 1e-3)
        up, down = popt.copy(), popt.copy()
        up[j] += step
        down[j] -= step
        grad[:, j] = (curve(t_new, *up) - curve(t_new, *down)) / (2 * step)
    cov = pcov if np.all(np.isfinite(pcov)) else np.zeros((3, 3))
    var = s2 + np.einsum("ij,jk,ik->i", grad, cov, grad)
    sd = np.sqrt(np.maximum(var, 0.0))
    if scale is not None:
        mean = scale.forward(level)
        sigma = sd * np.abs(scale.derivative(level))
        resid_model = y - scale.forward(curve(t, *popt))
    else:
        mean, sigma, resid_model = level, sd, resid
    n, k = x.size, 3
    aic = n * np.log(max(np.sum(resid**2) / n, 1e-300)) + 2 * k
    aicc = aic + 2 * k * (k + 1) / (n - k - 1) if n - k - 1 > 0 else np.nan
    names = ("ceiling", "rate", "midpoint") if name == "logistic" else ("ceiling", "shift", "rate")
    params = dict(zip(names, map(float, popt)))
    params["ceiling_at_bound"] = bool(np.isclose(popt[0], bounds[1][0], rtol=1e-3))
    return ModelForecast(name, np.asarray(mean), np.asarray(sigma), params, aic, aicc,
                         aic + k * (np.log(n) - 2), np.asarray(resid_model))
