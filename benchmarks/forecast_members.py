"""kreport's earlier forecast members, kept for the benchmark's comparison only (``--earlier``).

Before issue 13 every member was fitted to the modelling scale (the logs of a positive series);
the engine now fits ETS, ARIMA and Theta to the original values and lets each weigh a season that
grows with the level (kreport/stats/forecast/models.py). These fitters follow the engine's
``fit(y, m, horizon, scale, memo)`` form and are passed to ``rolling_forecasts(fitters=...)``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kreport.errors import ModelError
from kreport.stats.forecast.models import Z80, _arima_orders, _seeded_simulation, quiet_fit
from kreport.stats.forecast.result import ModelForecast

__all__ = ["EARLIER_FITTERS"]


def fit_ets_log(y, m, horizon, scale=None, memo=None):
    """Exponential smoothing on the modelling scale, form chosen by AICc among additive-error forms."""
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
                with quiet_fit():
                    res = ETSModel(endog, error="add", trend=trend, damped_trend=damped, seasonal=season,
                                   seasonal_periods=m if season else None).fit(disp=False, maxiter=200)
            except (ValueError, np.linalg.LinAlgError):
                continue
            if not res.mle_retvals.get("converged", True):
                continue
            if np.isfinite(res.aicc) and (best is None or res.aicc < best[0].aicc):
                best = (res, trend, damped, season)
    if best is None:
        raise ModelError("no ETS form could be fitted")
    res = best[0]
    with quiet_fit():
        frame = res.get_prediction(y.size, y.size + horizon - 1, **_seeded_simulation()).summary_frame(alpha=0.2)
    sigma = (frame["pi_upper"].to_numpy() - frame["pi_lower"].to_numpy()) / (2 * Z80)
    return ModelForecast("ets_log", frame["mean"].to_numpy(), sigma, {}, res.aic, res.aicc, res.bic,
                         np.asarray(res.resid))


def fit_arima_log(y, m, horizon, scale=None, memo=None):
    """SARIMA on the modelling scale, the best order by AICc."""
    orders, _ = _arima_orders(y, m, horizon, memo)
    if not orders:
        raise ModelError("no ARIMA order could be fitted")
    return min(orders, key=lambda f: f.aicc)


def fit_theta_log(y, m, horizon, scale=None, memo=None):
    """Theta method on the modelling scale, deseasonalised additively when a test finds seasonality."""
    from statsmodels.tsa.forecasting.theta import ThetaModel

    if y.size < max(6, 2 * m if m > 1 else 6):
        raise ModelError(f"Theta needs {max(6, 2 * m)} points, got {y.size}")
    with quiet_fit():
        res = ThetaModel(y, period=m, deseasonalize=m > 1 and y.size >= 2 * m, method="additive").fit()
        mean = np.asarray(res.forecast(horizon))
        pi = np.asarray(res.prediction_intervals(horizon, alpha=0.2))
    return ModelForecast("theta_log", mean, (pi[:, 1] - pi[:, 0]) / (2 * Z80), {})


EARLIER_FITTERS = {"ets_log": fit_ets_log, "arima_log": fit_arima_log, "theta_log": fit_theta_log}
