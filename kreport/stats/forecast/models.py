"""Trend models: each fits one series and returns a point and a spread per horizon.

Every model takes the series already on its modelling scale (see
:mod:`kreport.stats.forecast.transforms`) as a NaN-free float array and returns a
:class:`ModelForecast` holding, per horizon 1..h, the forecast mean and its
standard deviation on that scale. Intervals, back-transformation,
combination and calibration are done elsewhere, the same way for all models.

statsmodels provides ETS, SARIMA, Theta and OLS; the saturating curves (scipy)
are in :mod:`kreport.stats.forecast.saturating`. ``ets``, ``arima`` and ``theta``
fit the original values (their forecasts carried onto the modelling scale); the
``*_log`` versions, kreport's earlier members, fit the modelling scale itself and
are kept for the benchmark's comparison.
"""

from __future__ import annotations

import inspect
import warnings
from dataclasses import replace
from functools import cache

import numpy as np
import pandas as pd

from kreport.errors import ModelError, ParameterError
from kreport.stats.forecast.result import ModelForecast
from kreport.stats.forecast.saturating import fit_saturating

__all__ = [
    "ModelForecast",
    "MODEL_NAMES",
    "FULL_MODELS",
    "DEFAULT_COMBINATION",
    "is_short",
    "candidate_models",
    "fit_model",
    "seasonal_strength",
]

Z80 = 1.2815515655446004  # normal quantile for a central 80% interval


def _seasonal_steps(horizon: int, m: int):
    h = np.arange(1, horizon + 1)
    return h, (h - 1) // m + 1  # years ahead, counted as whole seasonal cycles


def fit_naive(y, m, horizon):
    """Random walk: the last value, with spread from the one-step changes."""
    diffs = np.diff(y)
    s = np.sqrt(np.mean(diffs**2)) if diffs.size else np.nan
    h = np.arange(1, horizon + 1)
    return ModelForecast("naive", np.full(horizon, y[-1]), s * np.sqrt(h), residuals=diffs)


def fit_snaive(y, m, horizon):
    """Seasonal naive: the same quarter a year earlier (the baseline every model must beat)."""
    if m == 1:
        out = fit_naive(y, m, horizon)
        return ModelForecast("snaive", out.mean, out.sigma, residuals=out.residuals)
    if y.size < m:
        raise ModelError(f"seasonal naive needs {m} points, got {y.size}")
    h, k = _seasonal_steps(horizon, m)
    mean = y[y.size - m + (h - 1) % m]
    diffs = y[m:] - y[:-m]
    s = np.sqrt(np.mean(diffs**2)) if diffs.size else np.nan
    return ModelForecast("snaive", mean, s * np.sqrt(k), residuals=diffs)


def fit_drift(y, m, horizon):
    """Seasonal random walk with drift: last year's value plus the average yearly change.

    For an annual series (m = 1) this is the ordinary drift method.
    """
    if y.size < m + 2:
        raise ModelError(f"drift needs {m + 2} points, got {y.size}")
    h, k = _seasonal_steps(horizon, m)
    diffs = y[m:] - y[:-m]
    slope = diffs.mean()
    resid = diffs - slope
    n_d = diffs.size
    s = np.sqrt(np.sum(resid**2) / max(n_d - 1, 1))
    mean = y[y.size - m + (h - 1) % m] + k * slope
    sigma = s * np.sqrt(k * (1 + k / n_d))
    return ModelForecast("drift", mean, sigma, params={"drift_per_year": float(slope)}, residuals=resid)


def _trend_design(n_rows, start, m, seasonal):
    t = np.arange(start, start + n_rows, dtype=float)
    cols = [np.ones(n_rows), t]
    if seasonal:
        for q in range(1, m):
            cols.append(((np.arange(start, start + n_rows) % m) == q).astype(float))
    return np.column_stack(cols)


def fit_loglinear(y, m, horizon):
    """Linear trend with quarter dummies by OLS (log-linear on the log scale).

    A global trend over-extrapolates a slowing series; it is kept as a
    descriptive fit and competes in the backtest like any other model.
    """
    import statsmodels.api as sm

    seasonal = m > 1 and y.size >= m + 4
    if y.size < 4:
        raise ModelError(f"trend regression needs 4 points, got {y.size}")
    X = _trend_design(y.size, 0, m, seasonal)
    res = sm.OLS(y, X).fit()
    X_new = _trend_design(horizon, y.size, m, seasonal)
    pred = res.get_prediction(X_new)
    sigma = np.sqrt(pred.var_pred_mean + res.scale)
    params = {"intercept": float(res.params[0]), "slope_per_period": float(res.params[1]),
              "growth_per_year": float(np.expm1(res.params[1] * m)), "seasonal_dummies": seasonal}
    n, k = y.size, X.shape[1]
    aicc = res.aic + 2 * k * (k + 1) / (n - k - 1) if n - k - 1 > 0 else np.nan
    return ModelForecast("loglinear", np.asarray(pred.predicted_mean), np.asarray(sigma), params,
                         res.aic, aicc, res.bic, np.asarray(res.resid))


def seasonal_strength(y, m) -> float:
    """Strength of seasonality in [0, 1] (Wang, Smith & Hyndman), from a classical decomposition."""
    if m == 1 or y.size < 2 * m + 1:
        return 0.0
    s = pd.Series(y)
    trend = s.rolling(m + 1 if m % 2 == 0 else m, center=True).apply(
        lambda w: (0.5 * w[0] + w[1:-1].sum() + 0.5 * w[-1]) / m if m % 2 == 0 else w.mean(), raw=True)
    detrended = s - trend
    pos = np.arange(y.size) % m
    season = detrended.groupby(pos).transform("mean")
    remainder = detrended - season
    ok = remainder.notna()
    var_sr = np.var((season + remainder)[ok])
    if var_sr <= 0:
        return 0.0
    return float(max(0.0, 1.0 - np.var(remainder[ok]) / var_sr))


def fit_ets_log(y, m, horizon):
    """Exponential smoothing on the modelling scale, form chosen by AICc among additive-error forms.

    On the log scale additive error, trend and season are the multiplicative
    forms of the raw series, without statsmodels' multiplicative recursions
    that can explode. Trend: none, additive or damped; season: none or
    additive (when there are at least two full years plus four points).
    """
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    forms = [(None, False), ("add", False), ("add", True)]
    seasons = [None] + (["add"] if m > 1 and y.size >= 2 * m + 4 else [])
    endog = pd.Series(y)
    best = None
    for season in seasons:
        for trend, damped in forms:
            if damped and y.size < 10:
                continue
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    res = ETSModel(endog, error="add", trend=trend, damped_trend=damped, seasonal=season,
                                   seasonal_periods=m if season else None).fit(disp=False, maxiter=200)
            except Exception:  # a form that cannot be fitted simply drops out of the choice
                continue
            if np.isfinite(res.aicc) and (best is None or res.aicc < best[0].aicc):
                best = (res, trend, damped, season)
    if best is None:
        raise ModelError("no ETS form could be fitted")
    res, trend, damped, season = best
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = res.get_prediction(y.size, y.size + horizon - 1, **_seeded_simulation()).summary_frame(alpha=0.2)
    mean = frame["mean"].to_numpy()
    sigma = (frame["pi_upper"].to_numpy() - frame["pi_lower"].to_numpy()) / (2 * Z80)
    form = "A" + ({None: "N", "add": "A"}[trend] + ("d" if damped else "")) + ({None: "N", "add": "A"}[season])
    params = {"form": f"ETS({form[0]},{form[1:-1]},{form[-1]})"}
    params.update({k: float(v) for k, v in zip(res.param_names, res.params) if not k.startswith("initial")})
    return ModelForecast("ets_log", mean, sigma, params, res.aic, res.aicc, res.bic, np.asarray(res.resid))


def _differencing(y, m):
    """Seasonal difference if seasonality is strong, then a first difference if KPSS rejects."""
    from statsmodels.tsa.stattools import kpss

    D = int(m > 1 and y.size >= 3 * m and seasonal_strength(y, m) > 0.64)
    w = y[m:] - y[:-m] if D else y
    d = 0
    if w.size >= 8:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                stat, pvalue, *_ = kpss(w, regression="c", nlags="auto")
                d = int(pvalue < 0.05)
            except Exception:
                d = 1
    else:
        d = 1
    return d, D


def _arima_orders(y, m, horizon) -> list[ModelForecast]:
    """SARIMA fitted with every candidate order (differencing chosen first, see :func:`fit_arima`)."""
    from statsmodels.tsa.statespace.sarimax import SARIMAX

    if y.size < 8:
        raise ModelError(f"ARIMA needs 8 points, got {y.size}")
    key = ("arima_orders", y.tobytes(), m, horizon)
    if key in _FORMS:
        return _FORMS[key]
    d, D = _differencing(y, m)
    trend = "c" if d + D <= 1 else "n"
    seasonal_q = [0, 1] if D else [0]
    out = []
    for p, q in ((0, 0), (1, 0), (0, 1), (1, 1)):
        for sq in seasonal_q:
            n_params = p + q + sq + (trend == "c") + 1
            if y.size - d - m * D - n_params < 3:
                continue
            order, sorder = (p, d, q), (0, D, sq, m)
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    # The innovation variance concentrated out of the likelihood: on the log scale it is
                    # tiny next to the other parameters, and estimating it along with them made the
                    # optimiser crawl (tens of times slower, to the same or a lower likelihood).
                    form = ("arima", order, sorder, trend)
                    res = SARIMAX(y, order=order, seasonal_order=sorder if D else (0, 0, 0, 0), trend=trend,
                                  concentrate_scale=True).fit(disp=False, maxiter=100, start_params=_warm_start(form, y))
                    _keep_start(form, y, res.params)
                    if not np.isfinite(res.aicc):
                        continue
                    fc = res.get_forecast(horizon)
            except Exception:  # an order that cannot be fitted drops out of the choice
                continue
            burn = d + D * m
            params = {"order": order, "seasonal_order": sorder}
            params.update({k: float(v) for k, v in zip(res.model.param_names, res.params)})
            out.append(ModelForecast("arima", np.asarray(fc.predicted_mean), np.sqrt(np.asarray(fc.var_pred_mean)),
                                     params, res.aic, res.aicc, res.bic, np.asarray(res.resid)[burn:]))
    _remember(key, out)
    return out


def fit_arima_log(y, m, horizon):
    """SARIMA on the modelling scale, with orders chosen automatically.

    Differencing as in auto.arima (seasonal strength > 0.64, then KPSS); then
    (p, q) in {0, 1}^2 and, with a seasonal difference, seasonal MA order 0 or 1,
    by AICc. A drift is included when exactly one difference is taken.
    """
    orders = _arima_orders(y, m, horizon)
    if not orders:
        raise ModelError("no ARIMA order could be fitted")
    return min(orders, key=lambda f: f.aicc)


def fit_theta_log(y, m, horizon):
    """Theta method (statsmodels ThetaModel) on the modelling scale, deseasonalised additively when a test finds seasonality."""
    from statsmodels.tsa.forecasting.theta import ThetaModel

    if y.size < max(6, 2 * m if m > 1 else 6):
        raise ModelError(f"Theta needs {max(6, 2 * m)} points, got {y.size}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = ThetaModel(y, period=m, deseasonalize=m > 1 and y.size >= 2 * m, method="additive")
        res = model.fit()
        mean = np.asarray(res.forecast(horizon))
        pi = np.asarray(res.prediction_intervals(horizon, alpha=0.2))
    sigma = (pi[:, 1] - pi[:, 0]) / (2 * Z80)
    params = {k: float(v) for k, v in res.params.items()}
    return ModelForecast("theta_log", mean, sigma, params)


def _on_raw_scale(fit_raw, y, m, horizon, scale):
    """Fit `fit_raw` on the original values of a log-modelled series and carry its forecast onto the log scale.

    Some forms (ETS with multiplicative error and seasonality, or an additive trend in the
    original units, and the classical Theta method) are only defined on the original values. The
    mean moves through the transform and the spread through its derivative (delta method), so
    these members combine and calibrate like the others; a non-positive forecast of a
    log-modelled series becomes NaN and the plausibility check stands the model down.
    """
    if scale is None or scale.name != "log":
        # Rates stay on the logit scale, where no forecast can leave 0-1; identity is the original.
        return fit_raw(y, m, horizon)
    x = scale.inverse(y)
    out = fit_raw(x, m, horizon)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = scale.forward(np.where(out.mean > 0, out.mean, np.nan)) if scale.name == "log" else scale.forward(out.mean)
        sigma = out.sigma * np.abs(scale.derivative(out.mean))
    return ModelForecast(out.model, mean, sigma, out.params, out.aic, out.aicc, out.bic, out.residuals, out.note)


def _ets_forms(x, m, horizon) -> list[ModelForecast]:
    """Every stable ETS form fitted to the original values (AutoETS's set), each with its forecast."""
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    key = ("ets_forms", x.tobytes(), m, horizon)
    if key in _FORMS:
        return _FORMS[key]
    seasons = [None] + (["add", "mul"] if m > 1 and x.size >= 2 * m + 4 else [])
    positive = bool(np.all(x > 0))
    endog = pd.Series(x)
    letter = {None: "N", "add": "A", "mul": "M"}
    out = []
    for error in ("add", "mul") if positive else ("add",):
        for season in seasons:
            if season == "mul" and (error == "add" or not positive):
                continue
            for trend, damped in ((None, False), ("add", False), ("add", True)):
                if damped and x.size < 10:
                    continue
                form = ("ets", error, trend, damped, season, m)
                try:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        res = ETSModel(endog, error=error, trend=trend, damped_trend=damped, seasonal=season,
                                       seasonal_periods=m if season else None).fit(
                                           disp=False, maxiter=200, start_params=_warm_start(form, x))
                        _keep_start(form, x, res.params)
                        if not np.isfinite(res.aicc):
                            continue
                        frame = res.get_prediction(x.size, x.size + horizon - 1, **_seeded_simulation()).summary_frame(alpha=0.2)
                except Exception:  # a form that cannot be fitted simply drops out of the choice
                    continue
                params = {"form": f"ETS({letter[error]},{letter[trend]}{'d' if damped else ''},{letter[season]})"}
                params.update({k: float(v) for k, v in zip(res.param_names, res.params) if not k.startswith("initial")})
                sigma = (frame["pi_upper"].to_numpy() - frame["pi_lower"].to_numpy()) / (2 * Z80)
                out.append(ModelForecast("ets", frame["mean"].to_numpy(), sigma, params, res.aic, res.aicc,
                                         res.bic, np.asarray(res.resid)))
    _remember(key, out)
    return out


def _akaike_mix(name: str, forms: list[ModelForecast]) -> ModelForecast:
    """Forms combined by Akaike weights (AICc): the mixture's mean and standard deviation.

    Weighting every form by its evidence rather than keeping only the best one lowers the
    forecast error of a choice made on a few dozen points (Kolassa 2011, on the M3 data).
    """
    ok = [f for f in forms if np.all(np.isfinite(f.mean)) and np.all(np.isfinite(f.sigma))]
    if not ok:
        raise ModelError("no form could be fitted")
    aicc = np.array([f.aicc for f in ok])
    w = np.exp(-0.5 * (aicc - aicc.min()))
    w /= w.sum()
    means = np.array([f.mean for f in ok])
    mean = w @ means
    sigma = np.sqrt(w @ (np.array([f.sigma for f in ok]) ** 2 + (means - mean) ** 2))
    best = ok[int(np.argmin(aicc))]
    label = lambda f: f.params.get("form") or f"ARIMA{f.params['order']}{f.params['seasonal_order']}"  # noqa: E731
    params = {"form": label(best), "weights": {label(f): round(float(wi), 3) for f, wi in zip(ok, w) if wi >= 0.005}}
    return ModelForecast(name, mean, sigma, params, best.aic, best.aicc, best.bic, best.residuals)


def _ets_weighted(x, m, horizon):
    return _akaike_mix("ets", _ets_forms(x, m, horizon))


def fit_ets(y, m, horizon, scale=None):
    """Exponential smoothing on the original values: every stable form, combined by Akaike weights.

    The forms are AutoETS's: error additive or multiplicative, trend none, additive or damped,
    season none, additive or multiplicative (multiplicative season only with multiplicative error;
    seasonal forms with at least two full years plus four points). An additive trend in the
    original units grows linearly where a trend on the log scale (:func:`fit_ets_log`) compounds.
    On the M3 quarterly series the weighted forms beat the single best form by AICc (0.77 against
    0.79 of seasonal naive's error on a 55-series sample); forms that explode are caught by the
    plausibility check of :func:`fit_model`.
    """
    return _on_raw_scale(_ets_weighted, y, m, horizon, scale)


@cache
def _seeded_simulation() -> dict:
    """The seed for ETS's simulated intervals (multiplicative forms), by the name this statsmodels gives it.

    Unseeded, the same data gave other intervals on every fit, so a rebuild published other figures.
    """
    from statsmodels.tsa.exponential_smoothing.ets import ETSResults

    return {"rng" if "rng" in inspect.signature(ETSResults.simulate).parameters else "random_state": 0}


# Forms fitted in this process (ETS forms, ARIMA orders), shared by the best-form and weighted models.
_FORMS: dict = {}
# Each form's fitted parameters by the data it was fitted to: the start of the next origin's fit.
_STARTS: dict = {}


def _remember(key, value, store=_FORMS) -> None:
    if len(store) >= 4096:
        del store[next(iter(store))]
    store[key] = value


def _warm_start(form, x):
    """The parameters `form` had on the same data one point shorter (the previous backtest origin), if fitted.

    Starting there instead of statsmodels' default start, a fit converges in a few steps (about
    ten times faster on the M3 quarterly series) to an optimum of the same quality on average.
    The backtest fits origins in order, so each forecast starts from the same chain of fits.
    """
    return _STARTS.get((form, x[:-1].tobytes()))


def _keep_start(form, x, params) -> None:
    params = np.asarray(params, dtype=float)
    if np.all(np.isfinite(params)):
        _remember((form, x.tobytes()), params, _STARTS)


THETA_GRID = (1.0, 1.5, 2.0, 2.5, 3.0)


def _theta_fit(x, m):
    from statsmodels.tsa.forecasting.theta import ThetaModel

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ThetaModel(x, period=m, deseasonalize=m > 1 and x.size >= 2 * m, method="auto").fit()


def _theta_chosen(x, m) -> float:
    """The theta of THETA_GRID whose forecast of the last year, fitted before it, erred least (2: classical Theta).

    Choosing the weight of the trend line by its error on points the fit did not see is the
    optimised Theta method's idea (Fiorucci et al. 2016) with a plain holdout in place of the
    likelihood; the grid holds the classical value, 2.
    """
    hold = max(m, 4)
    if x.size - hold < max(6, 2 * m if m > 1 else 6):
        return 2.0
    try:
        res = _theta_fit(x[:-hold], m)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            errors = [np.mean(np.abs(np.asarray(res.forecast(hold, theta=t)) - x[-hold:])) for t in THETA_GRID]
    except Exception:  # no holdout fit: keep the classical value
        return 2.0
    errors = np.where(np.isfinite(errors), errors, np.inf)
    return THETA_GRID[int(np.argmin(errors))] if np.isfinite(np.min(errors)) else 2.0


def _theta_classic(x, m, horizon):
    if x.size < max(6, 2 * m if m > 1 else 6):
        raise ModelError(f"Theta needs {max(6, 2 * m)} points, got {x.size}")
    theta = _theta_chosen(x, m)
    res = _theta_fit(x, m)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        mean = np.asarray(res.forecast(horizon, theta=theta))
        pi = np.asarray(res.prediction_intervals(horizon, alpha=0.2))
    sigma = (pi[:, 1] - pi[:, 0]) / (2 * Z80)
    params = {k: float(v) for k, v in res.params.items()}
    params["theta"] = theta
    return ModelForecast("theta", mean, sigma, params)


def fit_theta(y, m, horizon, scale=None):
    """The Theta method (statsmodels ThetaModel) on the original values, its theta chosen on the last year.

    Deseasonalised multiplicatively when a test finds seasonality, as in the M3 competition's
    Theta; on logs (:func:`fit_theta_log`) the drift compounds instead. Theta is chosen from
    THETA_GRID by a holdout (:func:`_theta_chosen`); on the 704 M3 quarterly series the mean of
    ETS, ARIMA and this Theta scored 0.719 of seasonal naive's MASE against 0.724 with the
    classical theta of 2.
    """
    return _on_raw_scale(_theta_classic, y, m, horizon, scale)


def _arima_weighted(x, m, horizon):
    return _akaike_mix("arima", _arima_orders(x, m, horizon))


def fit_arima(y, m, horizon, scale=None):
    """SARIMA on the original values, its candidate orders combined by Akaike weights.

    Differencing and orders as in :func:`fit_arima_log` (a drift with one difference is then
    linear, not compounding); every order that fits is weighted by its AICc instead of keeping
    only the best.
    """
    return _on_raw_scale(_arima_weighted, y, m, horizon, scale)


def _fit_curve(name):
    def fit(y, m, horizon, scale=None):
        return fit_saturating(name, y, m, horizon, scale)
    fit.__doc__ = f"Saturating {name} curve (see :mod:`kreport.stats.forecast.saturating`)."
    return fit


_FITTERS = {
    "snaive": fit_snaive,
    "naive": fit_naive,
    "drift": fit_drift,
    "loglinear": fit_loglinear,
    "ets": fit_ets,
    "arima": fit_arima,
    "theta": fit_theta,
    "ets_log": fit_ets_log,
    "arima_log": fit_arima_log,
    "theta_log": fit_theta_log,
    "logistic": _fit_curve("logistic"),
    "gompertz": _fit_curve("gompertz"),
}

MODEL_NAMES = tuple(_FITTERS)
FULL_MODELS = ("snaive", "drift", "loglinear", "ets", "arima", "theta")
DEFAULT_COMBINATION = ("ets", "arima", "theta")
_CURVES = ("logistic", "gompertz")
_NEED_SCALE = _CURVES + ("ets", "arima", "theta")  # fitted on the original values


def is_short(n_obs: int, m: int) -> bool:
    """True when a series is too short for anything but the simple models.

    Under two full years plus four points (12 quarters) for quarterly data, or
    under 8 years for annual data.
    """
    return n_obs < max(8, 2 * m + 4)


def candidate_models(n_obs: int, m: int, saturating: bool = False) -> tuple[str, ...]:
    """The models worth fitting to a series of `n_obs` points with `m` periods a year."""
    if is_short(n_obs, m):
        return ("naive", "drift") if m == 1 else ("snaive", "naive", "drift")
    models = FULL_MODELS if m > 1 else ("naive", "drift", "loglinear", "ets", "arima", "theta")
    return models + (_CURVES if saturating else ())


def _implausible(forecast: ModelForecast, y) -> str:
    """Why a forecast is implausible (a code of FALLBACK_REASONS), or '' if it is fine.

    The band is the observed range widened by the range itself on each side
    (on the modelling scale): within a year no business series leaves that.
    """
    if not (np.all(np.isfinite(forecast.mean)) and np.all(np.isfinite(forecast.sigma))):
        return "non_finite"
    if np.any(forecast.sigma < 0):
        return "negative_spread"
    span = max(np.ptp(y), 1e-6 * max(abs(y).max(), 1.0))
    lo, hi = y.min() - span, y.max() + span
    if np.any(forecast.mean < lo) or np.any(forecast.mean > hi):
        return "outside_band"
    if np.any(forecast.sigma > 5 * span):
        return "too_wide"
    return ""


def fit_model(name: str, y, m: int, horizon: int, scale=None) -> ModelForecast:
    """Fit one model, falling back to seasonal naive if it fails or is implausible.

    Parameters
    ----------
    name : str
        One of :data:`MODEL_NAMES`.
    y : array-like
        NaN-free values on the modelling scale, oldest first.
    m : int
        Periods per year (seasonal period).
    horizon : int
        Number of periods to forecast.
    scale : kreport.stats.forecast.transforms.Scale, optional
        Needed by the saturating curves, which fit on the original scale.

    Returns
    -------
    ModelForecast
        With ``fallback=True`` and the reason's code (see :data:`kreport.stats.notes.FALLBACK_REASONS`) in ``note`` when seasonal naive
        stood in. Raises ModelError only if seasonal naive itself cannot run.
    """
    if name not in _FITTERS:
        raise ParameterError("model", name, f"one of {list(MODEL_NAMES)}")
    y = np.asarray(y, dtype=float)
    key = (_FITTERS[name], y.tobytes(), m, horizon, getattr(scale, "name", None))
    if key not in _FITTED:
        if len(_FITTED) >= _FITTED_MAX:
            del _FITTED[next(iter(_FITTED))]  # the oldest fit
        _FITTED[key] = _fit_model(name, y, m, horizon, scale)
    return _FITTED[key]


# Fits already made in this process, by model, data, period, horizon and scale. A series and its
# cut at the quarter before share every backtest origin but the last, and the longer series'
# last origin is the shorter one's final fit: fitting each once makes the second forecast nearly free.
_FITTED: dict = {}
_FITTED_MAX = 4096


def _fit_model(name, y, m, horizon, scale):
    reason = ""
    try:
        if name in _NEED_SCALE:
            out = _FITTERS[name](y, m, horizon, scale)
        else:
            out = _FITTERS[name](y, m, horizon)
        reason = _implausible(out, y)
    except (ModelError, ValueError, np.linalg.LinAlgError, RuntimeError):
        reason = "fit_failed"
    if not reason:
        return replace(out, model=name)
    base = fit_snaive(y, m, horizon) if y.size >= m else fit_naive(y, m, horizon)
    return ModelForecast(name, base.mean, base.sigma, residuals=base.residuals,
                         note=reason, fallback=True)
