"""Trend models: each fits one series and returns a point and a spread per horizon.

Every model takes the series already on its modelling scale (see
:mod:`kreport.stats.forecast.transforms`) as a NaN-free float array and returns a
:class:`ModelForecast` holding, per horizon 1..h, the forecast mean and its
standard deviation on that scale. Intervals, back-transformation,
combination and calibration are done elsewhere, the same way for all models.

statsmodels provides ETS, SARIMA, Theta and OLS; the saturating curves (scipy)
are in :mod:`kreport.stats.forecast.saturating`. ``ets``, ``arima`` and ``theta``
fit the original values (their forecasts carried onto the modelling scale), and
each lets the data say whether its seasonal swing grows with the level (see
:func:`fit_ets`, :func:`fit_arima`, :func:`fit_theta`).

Fits are remembered in a :class:`FitMemo` that the caller owns and passes down
(one per forecast, or one per group of cuts of a series in the build); nothing
is kept between calls at module level. Fits whose optimiser did not converge are
left out of the Akaike mixes and counted in the result's ``params["unconverged"]``.
"""

from __future__ import annotations

import inspect
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cache

import numpy as np
import pandas as pd

from kreport.errors import ModelError, ParameterError
from kreport.stats.forecast.result import ModelForecast
from kreport.stats.forecast.saturating import fit_saturating

__all__ = [
    "ModelForecast",
    "FitMemo",
    "quiet_fit",
    "MODEL_NAMES",
    "FULL_MODELS",
    "DEFAULT_COMBINATION",
    "COMBINATION_WEIGHTS",
    "SEASONAL_MEMBER",
    "combination_members",
    "member_weights",
    "is_short",
    "candidate_models",
    "fit_model",
    "seasonal_strength",
]

Z80 = 1.2815515655446004  # normal quantile for a central 80% interval
# Seasonal strength (Wang, Smith & Hyndman) above which a series counts as seasonal: auto.arima's
# threshold for a seasonal difference, used for Theta's deseasonalising too.
STRONG_SEASON = 0.64


@contextmanager
def quiet_fit():
    """Silence only the warnings a fit is expected to raise and that the code handles itself.

    Convergence (a non-converged fit is dropped and counted), a start that statsmodels finds
    non-stationary or non-invertible (it starts elsewhere), KPSS's table bounds (the p-value is
    then at the bound, which is what the test needs) and numerical overflow in a multiplicative
    recursion (the plausibility check stands such a form down). Anything else still shows.
    """
    from statsmodels.tools.sm_exceptions import (
        ConvergenceWarning,
        EstimationWarning,
        InterpolationWarning,
        ValueWarning,
    )

    with warnings.catch_warnings():
        for category in (ConvergenceWarning, EstimationWarning, InterpolationWarning, ValueWarning):
            warnings.simplefilter("ignore", category)
        warnings.filterwarnings("ignore", message="Non-stationary starting", category=UserWarning)
        warnings.filterwarnings("ignore", message="Non-invertible starting", category=UserWarning)
        warnings.filterwarnings("ignore", message="Too few observations", category=UserWarning)
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            warnings.filterwarnings("ignore", category=RuntimeWarning)
            yield


@dataclass
class FitMemo:
    """Fits already made, owned by the caller: pass one memo to every fit that may share work.

    A series and its cut at the quarter before share every backtest origin but the last, and
    the backtest fits origins in order, each starting from the previous origin's parameters
    (about ten times faster on the M3 quarterly series). ``max_size`` bounds each store.
    """

    fitted: dict = field(default_factory=dict)
    forms: dict = field(default_factory=dict)
    starts: dict = field(default_factory=dict)
    max_size: int = 4096

    def remember(self, store: dict, key, value) -> None:
        if len(store) >= self.max_size:
            del store[next(iter(store))]  # the oldest entry
        store[key] = value

    def warm_start(self, form, x):
        """The parameters `form` had on the same data one point shorter (the previous backtest origin), if fitted."""
        return self.starts.get((form, x[:-1].tobytes()))

    def keep_start(self, form, x, params) -> None:
        params = np.asarray(params, dtype=float)
        if np.all(np.isfinite(params)):
            self.remember(self.starts, (form, x.tobytes()), params)


def _converged(res) -> bool:
    return bool(getattr(res, "mle_retvals", None) is None or res.mle_retvals.get("converged", True))


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


def _differencing(y, m):
    """Seasonal difference if seasonality is strong, then a first difference if KPSS rejects."""
    from statsmodels.tsa.stattools import kpss

    D = int(m > 1 and y.size >= 3 * m and seasonal_strength(y, m) > STRONG_SEASON)
    w = y[m:] - y[:-m] if D else y
    d = 0
    if w.size >= 8:
        with quiet_fit():
            try:
                stat, pvalue, *_ = kpss(w, regression="c", nlags="auto", **_kpss_options())
                d = int(pvalue < 0.05)
            except (ValueError, np.linalg.LinAlgError):
                d = 1
    else:
        d = 1
    return d, D


def _arima_orders(y, m, horizon, memo: FitMemo, differencing=None, jacobian=False) -> tuple[list[ModelForecast], int]:
    """SARIMA fitted with every candidate order; returns the forms and how many did not converge.

    ``differencing`` (d, D) fixes the differences (else chosen as in auto.arima, see
    :func:`_differencing`). With ``jacobian`` (`y` the logs of a positive series) each form's
    information criteria are moved onto the original values' likelihood (the log-normal
    Jacobian, twice the sum of the logs entering the likelihood), so forms fitted to the
    logs and to the original values compete in one Akaike mix.
    """
    from statsmodels.tsa.statespace.sarimax import SARIMAX

    if y.size < 8:
        raise ModelError(f"ARIMA needs 8 points, got {y.size}")
    key = ("arima_orders", y.tobytes(), m, horizon, differencing, jacobian)
    if key in memo.forms:
        return memo.forms[key]
    d, D = differencing if differencing is not None else _differencing(y, m)
    trend = "c" if d + D <= 1 else "n"
    seasonal_q = [0, 1] if D else [0]
    out, unconverged = [], 0
    for p, q in ((0, 0), (1, 0), (0, 1), (1, 1)):
        for sq in seasonal_q:
            n_params = p + q + sq + (trend == "c") + 1
            if y.size - d - m * D - n_params < 3:
                continue
            order, sorder = (p, d, q), (0, D, sq, m)
            form = ("arima", order, sorder, trend, jacobian)
            try:
                with quiet_fit():
                    # The innovation variance concentrated out of the likelihood: on the log scale it is
                    # tiny next to the other parameters, and estimating it along with them made the
                    # optimiser crawl (tens of times slower, to the same or a lower likelihood).
                    res = SARIMAX(y, order=order, seasonal_order=sorder if D else (0, 0, 0, 0), trend=trend,
                                  concentrate_scale=True).fit(disp=False, maxiter=100,
                                                              start_params=memo.warm_start(form, y))
                    if not _converged(res):
                        unconverged += 1
                        continue
                    memo.keep_start(form, y, res.params)
                    if not np.isfinite(res.aicc):
                        continue
                    fc = res.get_forecast(horizon)
            except (ValueError, np.linalg.LinAlgError, IndexError):  # an order that cannot be fitted drops out
                continue
            burn = d + D * m
            shift = 2 * float(np.sum(y[res.loglikelihood_burn:])) if jacobian else 0.0
            params = {"order": order, "seasonal_order": sorder, "scale": "log" if jacobian else "original"}
            params.update({k: float(v) for k, v in zip(res.model.param_names, res.params)})
            out.append(ModelForecast("arima", np.asarray(fc.predicted_mean), np.sqrt(np.asarray(fc.var_pred_mean)),
                                     params, res.aic + shift, res.aicc + shift, res.bic + shift,
                                     np.asarray(res.resid)[burn:]))
    memo.remember(memo.forms, key, (out, unconverged))
    return out, unconverged


def _on_raw_scale(fit_raw, y, m, horizon, scale, memo):
    """Fit `fit_raw` on the original values of a log-modelled series and carry its forecast onto the log scale.

    Some forms (ETS with multiplicative error and seasonality, or an additive trend in the
    original units, and the classical Theta method) are only defined on the original values. The
    mean moves through the transform and the spread through its derivative (delta method), so
    these members combine and calibrate like the others; a non-positive forecast of a
    log-modelled series becomes NaN and the plausibility check stands the model down.
    """
    if scale is None or scale.name != "log":
        # Rates stay on the logit scale, where no forecast can leave 0-1; identity is the original.
        return fit_raw(y, m, horizon, memo)
    x = scale.inverse(y)
    out = fit_raw(x, m, horizon, memo)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = scale.forward(np.where(out.mean > 0, out.mean, np.nan))
        sigma = out.sigma * np.abs(scale.derivative(out.mean))
    return ModelForecast(out.model, mean, sigma, out.params, out.aic, out.aicc, out.bic, out.residuals, out.note)


def _ets_forms(x, m, horizon, memo: FitMemo) -> tuple[list[ModelForecast], int]:
    """Every stable ETS form fitted to the original values (AutoETS's set), each with its forecast.

    Returns the forms and how many did not converge (those are left out).
    """
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    key = ("ets_forms", x.tobytes(), m, horizon)
    if key in memo.forms:
        return memo.forms[key]
    seasons = [None] + (["add", "mul"] if m > 1 and x.size >= 2 * m + 4 else [])
    positive = bool(np.all(x > 0))
    endog = pd.Series(x)
    letter = {None: "N", "add": "A", "mul": "M"}
    out, unconverged = [], 0
    for error in ("add", "mul") if positive else ("add",):
        for season in seasons:
            if season == "mul" and (error == "add" or not positive):
                continue
            for trend, damped in ((None, False), ("add", False), ("add", True)):
                if damped and x.size < 10:
                    continue
                form = ("ets", error, trend, damped, season, m)
                try:
                    with quiet_fit():
                        res = ETSModel(endog, error=error, trend=trend, damped_trend=damped, seasonal=season,
                                       seasonal_periods=m if season else None).fit(
                                           disp=False, maxiter=200, start_params=memo.warm_start(form, x))
                        if not _converged(res):
                            unconverged += 1
                            continue
                        memo.keep_start(form, x, res.params)
                        if not np.isfinite(res.aicc):
                            continue
                        frame = res.get_prediction(x.size, x.size + horizon - 1, **_seeded_simulation()).summary_frame(alpha=0.2)
                except (ValueError, np.linalg.LinAlgError, IndexError, ZeroDivisionError):  # a form that cannot be fitted drops out
                    continue
                params = {"form": f"ETS({letter[error]},{letter[trend]}{'d' if damped else ''},{letter[season]})"}
                params.update({k: float(v) for k, v in zip(res.param_names, res.params) if not k.startswith("initial")})
                sigma = (frame["pi_upper"].to_numpy() - frame["pi_lower"].to_numpy()) / (2 * Z80)
                out.append(ModelForecast("ets", frame["mean"].to_numpy(), sigma, params, res.aic, res.aicc,
                                         res.bic, np.asarray(res.resid)))
    memo.remember(memo.forms, key, (out, unconverged))
    return out, unconverged


def _label(f: ModelForecast) -> str:
    if f.params.get("form"):
        return f.params["form"]
    log = " on logs" if f.params.get("scale") == "log" else ""
    return f"ARIMA{f.params['order']}{f.params['seasonal_order']}{log}"


def _akaike_mix(name: str, forms: list[ModelForecast], unconverged: int = 0) -> ModelForecast:
    """Forms combined by Akaike weights (AICc): the mixture's mean and standard deviation.

    Weighting every form by its evidence rather than keeping only the best one lowers the
    forecast error of a choice made on a few dozen points (Kolassa 2011, on the M3 data).
    Non-converged fits never get here (``unconverged`` counts them, kept in the params).
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
    params = {"form": _label(best), "weights": {_label(f): round(float(wi), 3) for f, wi in zip(ok, w) if wi >= 0.005},
              "unconverged": int(unconverged)}
    return ModelForecast(name, mean, sigma, params, best.aic, best.aicc, best.bic, best.residuals)


def _ets_weighted(x, m, horizon, memo):
    return _akaike_mix("ets", *_ets_forms(x, m, horizon, memo))


def fit_ets(y, m, horizon, scale=None, memo=None):
    """Exponential smoothing on the original values: every stable form, combined by Akaike weights.

    The forms are AutoETS's: error additive or multiplicative, trend none, additive or damped,
    season none, additive or multiplicative (multiplicative season only with multiplicative error;
    seasonal forms with at least two full years plus four points). A multiplicative season keeps
    the seasonal ratios of a growing series, an additive one keeps its seasonal differences: the
    Akaike weights let the data choose. An additive trend in the original units grows linearly.
    On the M3 quarterly series the weighted forms beat the single best form by AICc (0.77 against
    0.79 of seasonal naive's error on a 55-series sample); forms that explode are caught by the
    plausibility check of :func:`fit_model`.
    """
    return _on_raw_scale(_ets_weighted, y, m, horizon, scale, memo or FitMemo())


@cache
def _seed_argument() -> str:
    from statsmodels.tsa.exponential_smoothing.ets import ETSResults

    return "rng" if "rng" in inspect.signature(ETSResults.simulate).parameters else "random_state"


def _seeded_simulation() -> dict:
    """A fresh seeded generator for ETS's simulated intervals (multiplicative forms), by the name this statsmodels gives it.

    Unseeded, the same data gave other intervals on every fit, so a rebuild published other figures.
    A new ``RandomState(0)`` each time draws what the seed 0 drew, without the deprecated integer seed.
    """
    return {_seed_argument(): np.random.RandomState(0)}


@cache
def _kpss_options() -> dict:
    from statsmodels.tsa.stattools import kpss

    return {"result_object": False} if "result_object" in inspect.signature(kpss).parameters else {}


THETA_GRID = (1.0, 1.5, 2.0, 2.5, 3.0)


def _theta_deseasonalise(x, m) -> tuple[bool, bool]:
    """(deseasonalise, use statsmodels' test): forced on when the seasonal strength is high.

    The classical Theta deseasonalises when the autocorrelation at the seasonal lag passes a 90%
    test. On a short, fast-growing series the trend swamps that autocorrelation and the test
    misses a strong season (Kuaishou's GMV, whose Q4 is 1.4 times its Q3, forecast with no
    season at all before issue 21); the seasonal strength of a decomposition does not.
    """
    if m == 1 or x.size < 2 * m:
        return False, False
    if x.size >= 2 * m + 1 and seasonal_strength(x, m) > STRONG_SEASON:
        return True, False
    return True, True


def _theta_fit(x, m):
    from statsmodels.tsa.forecasting.theta import ThetaModel

    deseasonalise, use_test = _theta_deseasonalise(x, m)
    with quiet_fit():
        return ThetaModel(x, period=m, deseasonalize=deseasonalise, use_test=use_test, method="auto").fit()


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
        with quiet_fit():
            errors = [np.mean(np.abs(np.asarray(res.forecast(hold, theta=t)) - x[-hold:])) for t in THETA_GRID]
    except (ValueError, np.linalg.LinAlgError):  # no holdout fit: keep the classical value
        return 2.0
    errors = np.where(np.isfinite(errors), errors, np.inf)
    return THETA_GRID[int(np.argmin(errors))] if np.isfinite(np.min(errors)) else 2.0


def _theta_classic(x, m, horizon, memo=None):
    if x.size < max(6, 2 * m if m > 1 else 6):
        raise ModelError(f"Theta needs {max(6, 2 * m)} points, got {x.size}")
    theta = _theta_chosen(x, m)
    res = _theta_fit(x, m)
    with quiet_fit():
        mean = np.asarray(res.forecast(horizon, theta=theta))
        pi = np.asarray(res.prediction_intervals(horizon, alpha=0.2))
    sigma = (pi[:, 1] - pi[:, 0]) / (2 * Z80)
    params = {k: float(v) for k, v in res.params.items()}
    params["theta"] = theta
    params["deseasonalised"] = bool(_theta_deseasonalise(x, m)[0])
    return ModelForecast("theta", mean, sigma, params)


def fit_theta(y, m, horizon, scale=None, memo=None):
    """The Theta method (statsmodels ThetaModel) on the original values, its theta chosen on the last year.

    Deseasonalised multiplicatively (the seasonal ratios kept) when a test finds seasonality, as
    in the M3 competition's Theta, or when the seasonal strength exceeds 0.64
    (:func:`_theta_deseasonalise`). Theta is chosen from THETA_GRID by a holdout
    (:func:`_theta_chosen`).
    """
    return _on_raw_scale(_theta_classic, y, m, horizon, scale, memo or FitMemo())


def _arima_weighted(x, m, horizon, memo):
    forms, unconverged = _arima_orders(x, m, horizon, memo)
    if forms and x.size and np.all(x > 0):
        # The same orders on the logs: a seasonal difference there keeps the seasonal ratios.
        d, D = _differencing(x, m)
        on_logs, more = _arima_orders(np.log(x), m, horizon, memo, differencing=(d, D), jacobian=True)
        unconverged += more
        for f in on_logs:
            level = np.exp(f.mean)
            forms.append(replace(f, mean=level, sigma=level * f.sigma))
    return _akaike_mix("arima", forms, unconverged)


def fit_arima(y, m, horizon, scale=None, memo=None):
    """SARIMA on the original values and on their logs, every order combined by Akaike weights.

    Differencing as in auto.arima (seasonal strength > 0.64, then KPSS), chosen on the original
    values and used for both; orders (p, q) in {0, 1}^2 and, with a seasonal difference, a
    seasonal MA of order 0 or 1, with a drift when exactly one difference is taken. On the logs
    a seasonal difference keeps seasonal ratios (a season that grows with the level), on the
    original values seasonal differences; the likelihoods are made comparable by the log-normal
    Jacobian, so the data weigh the two.
    """
    return _on_raw_scale(_arima_weighted, y, m, horizon, scale, memo or FitMemo())


def _fit_curve(name):
    def fit(y, m, horizon, scale=None, memo=None):
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
    "logistic": _fit_curve("logistic"),
    "gompertz": _fit_curve("gompertz"),
}

MODEL_NAMES = tuple(_FITTERS)
FULL_MODELS = ("snaive", "drift", "loglinear", "ets", "arima", "theta")
DEFAULT_COMBINATION = ("ets", "arima", "theta")
# The forecast's weights on its members (issue 21). Theta had the lowest error of the three on both
# benchmark sets (M3 quarterly and the tourism quarterly set; see benchmarks/README_forecast.md), so it
# carries three fifths of the weight and ETS and ARIMA one fifth each.
COMBINATION_WEIGHTS = {"ets": 1.0, "arima": 1.0, "theta": 3.0}
# A strongly seasonal series (seasonal strength above STRONG_SEASON at the origin) also averages in
# the seasonal random walk with drift (last year's quarter plus the average yearly change): on the
# seasonal set it lowered the error by about 0.005-0.02 of seasonal naive's, on M3 it did no harm.
SEASONAL_MEMBER = "drift"
_CURVES = ("logistic", "gompertz")
_NEED_SCALE = _CURVES + ("ets", "arima", "theta")  # fitted on the original values


def combination_members(candidates, strength: float = 0.0, default=DEFAULT_COMBINATION) -> tuple[str, ...]:
    """The members the forecast combines: ETS, ARIMA and Theta (those among `candidates`), and drift too
    when the training values' seasonal strength (:func:`seasonal_strength`) exceeds STRONG_SEASON.

    With none of the three among the candidates, the first three candidates.
    """
    candidates = tuple(candidates)
    members = tuple(d for d in default if d in candidates)
    if not members:
        return candidates[:3]
    if strength > STRONG_SEASON and SEASONAL_MEMBER in candidates and SEASONAL_MEMBER not in members:
        members += (SEASONAL_MEMBER,)
    return members


def member_weights(members) -> np.ndarray:
    """Each member's weight in the combination (COMBINATION_WEIGHTS, 1 for a model not listed), summing to 1."""
    w = np.array([COMBINATION_WEIGHTS.get(name, 1.0) for name in members], dtype=float)
    return w / w.sum()


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


def fit_model(name: str, y, m: int, horizon: int, scale=None, memo: FitMemo | None = None,
              fitter=None) -> ModelForecast:
    """Fit one model, falling back to seasonal naive if it fails or is implausible.

    Parameters
    ----------
    name : str
        One of :data:`MODEL_NAMES`, or any name when `fitter` is given.
    y : array-like
        NaN-free values on the modelling scale, oldest first.
    m : int
        Periods per year (seasonal period).
    horizon : int
        Number of periods to forecast.
    scale : kreport.stats.forecast.transforms.Scale, optional
        The modelling scale (the members fitted on the original values need it).
    memo : FitMemo, optional
        Where fits are remembered (owned by the caller); None fits afresh.
    fitter : callable, optional
        ``fitter(y, m, horizon, scale, memo)`` for a model kreport does not ship (the
        benchmark's comparisons); it is checked and falls back like the others.

    Returns
    -------
    ModelForecast
        With ``fallback=True`` and the reason's code (see :data:`kreport.stats.notes.FALLBACK_REASONS`) in ``note`` when seasonal naive
        stood in. Raises ModelError only if seasonal naive itself cannot run.
    """
    if fitter is None and name not in _FITTERS:
        raise ParameterError("model", name, f"one of {list(MODEL_NAMES)}")
    fit = fitter or _FITTERS[name]
    y = np.asarray(y, dtype=float)
    memo = memo if memo is not None else FitMemo()
    key = (name, fit.__module__, fit.__qualname__, y.tobytes(), m, horizon, getattr(scale, "name", None))
    if key not in memo.fitted:
        memo.remember(memo.fitted, key, _fit_model(name, fit, y, m, horizon, scale, memo))
    return memo.fitted[key]


def _fit_model(name, fit, y, m, horizon, scale, memo):
    reason = ""
    try:
        if fit in (fit_snaive, fit_naive, fit_drift, fit_loglinear):
            out = fit(y, m, horizon)
        else:
            out = fit(y, m, horizon, scale, memo)
        reason = _implausible(out, y)
    except (ModelError, ValueError, np.linalg.LinAlgError, RuntimeError):
        reason = "fit_failed"
    if not reason:
        return replace(out, model=name)
    base = fit_snaive(y, m, horizon) if y.size >= m else fit_naive(y, m, horizon)
    return ModelForecast(name, base.mean, base.sigma, residuals=base.residuals,
                         note=reason, fallback=True)
