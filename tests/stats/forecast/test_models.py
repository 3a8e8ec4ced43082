"""Each model's forecast on small synthetic series, the fallback guard and the short-series rule."""

import numpy as np
import pytest

from kreport.errors import ParameterError
from kreport.stats.forecast import models
from kreport.stats.forecast.models import (
    ModelForecast,
    candidate_models,
    fit_model,
    is_short,
)
from kreport.stats.forecast.saturating import fit_saturating, logistic_curve
from kreport.stats.forecast.transforms import Scale, choose_scale


def seasonal_log_series(n=20, seed=0):
    rng = np.random.default_rng(seed)
    t = np.arange(n)
    return np.log(100) + 0.05 * t + 0.1 * (t % 4 == 3) + rng.normal(0, 0.02, n)


def test_seasonal_naive_repeats_last_year_and_widens_by_year():
    y = np.array([1.0, 2, 3, 4, 2, 3, 4, 5])
    fc = fit_model("snaive", y, 4, 6)
    np.testing.assert_allclose(fc.mean, [2, 3, 4, 5, 2, 3])
    s = np.sqrt(np.mean(np.ones(4)))  # every seasonal difference is 1
    np.testing.assert_allclose(fc.sigma, s * np.sqrt([1, 1, 1, 1, 2, 2]))


def test_drift_adds_average_yearly_change():
    y = np.array([1.0, 2, 3, 4, 3, 4, 5, 6, 5, 6, 7, 8])  # +2 every year
    fc = fit_model("drift", y, 4, 5)
    np.testing.assert_allclose(fc.mean, [7, 8, 9, 10, 9])
    assert fc.params["drift_per_year"] == pytest.approx(2)


@pytest.mark.parametrize("name", ["loglinear", "ets", "arima", "theta"])
def test_statsmodels_models_forecast_the_trend_with_spread(name):
    y = seasonal_log_series()
    fc = fit_model(name, y, 4, 4, Scale("log"))
    assert not fc.fallback, fc.note
    assert fc.mean.shape == fc.sigma.shape == (4,)
    assert np.all(fc.sigma > 0)
    # The series grows ~0.05 a quarter: one year ahead the level is clearly above the last year's.
    assert fc.mean.mean() > y[-4:].mean() + 0.1


def test_models_on_the_original_values_come_back_on_the_modelling_scale():
    y = seasonal_log_series()
    raw = fit_model("theta", np.exp(y), 4, 4, Scale("identity"))
    logged = fit_model("theta", y, 4, 4, Scale("log"))
    np.testing.assert_allclose(logged.mean, np.log(raw.mean))
    np.testing.assert_allclose(logged.sigma, raw.sigma / raw.mean)


def test_a_fit_is_made_once_per_memo_and_the_memo_is_the_callers():
    y = seasonal_log_series(22)
    memo = models.FitMemo()
    assert fit_model("arima", y, 4, 4, memo=memo) is fit_model("arima", y.copy(), 4, 4, memo=memo)
    assert fit_model("arima", y, 4, 5, memo=memo) is not fit_model("arima", y, 4, 4, memo=memo)
    assert fit_model("arima", y, 4, 4) is not fit_model("arima", y, 4, 4)  # no memo: fitted afresh
    assert not [name for name in vars(models) if name in ("_FITTED", "_FORMS", "_STARTS")]  # nothing module-wide


def test_non_converged_forms_are_left_out_and_counted(monkeypatch):
    y = seasonal_log_series(22)
    assert models._arima_weighted(np.exp(y), 4, 4, models.FitMemo()).params["unconverged"] == 0
    with monkeypatch.context() as patch:
        patch.setattr(models, "_converged", lambda res: False)
        forms, unconverged = models._arima_orders(np.exp(y), 4, 4, models.FitMemo())
        assert forms == [] and unconverged > 0
        with pytest.raises(models.ModelError):
            models._arima_weighted(np.exp(y), 4, 4, models.FitMemo())  # none left to mix


def test_a_growing_season_is_kept_as_a_ratio():
    """Q4 at 1.46 times Q3 on a series that doubles in four years: the members keep the ratio."""
    t = np.arange(20)
    x = 100 * np.exp(0.045 * t) * np.tile([1.0, 1.05, 1.1, 1.54], 5)
    for name in ("ets", "arima", "theta"):
        fc = fit_model(name, np.log(x), 4, 4, Scale("log"))
        ratio = np.exp(fc.mean[3] - fc.mean[2])
        assert ratio == pytest.approx(1.4 * np.exp(0.045), abs=0.08), (name, ratio)


def test_ets_weighs_its_forms_by_aicc_and_reports_the_best():
    fc = fit_model("ets", seasonal_log_series(24), 4, 4, Scale("log"))
    weights = fc.params["weights"]
    assert fc.params["form"] in weights and max(weights.values()) == weights[fc.params["form"]]
    assert sum(weights.values()) == pytest.approx(1, abs=0.05)
    assert fc.model == "ets" and np.isfinite(fc.aicc)


def test_rates_are_fitted_on_the_logit_scale():
    rate = Scale("logit")
    y = rate.forward(np.linspace(0.6, 0.95, 20))
    fc = fit_model("theta", y, 4, 12, rate)
    assert not fc.fallback and np.all(np.diff(fc.mean) > 0)  # a raw-scale line would cross 1 and stand down


def test_exploding_model_falls_back_to_seasonal_naive(monkeypatch):
    def exploding(y, m, horizon, scale=None, memo=None):
        return ModelForecast("ets", np.full(horizon, 1e6), np.ones(horizon))

    monkeypatch.setitem(models._FITTERS, "ets", exploding)
    y = seasonal_log_series()
    fc = fit_model("ets", y, 4, 4)
    assert fc.fallback and fc.note == "outside_band"
    np.testing.assert_allclose(fc.mean, y[-4:])


def test_failing_model_falls_back_and_says_why():
    fc = fit_model("arima", np.array([1.0, 2, 3, 4, 5]), 4, 2)
    assert fc.fallback and fc.note == "fit_failed"


def test_unknown_model_is_a_parameter_error():
    with pytest.raises(ParameterError):
        fit_model("prophet", np.ones(10), 4, 4)


def test_short_series_get_simple_models_only():
    assert is_short(6, 1) and is_short(11, 4) and not is_short(12, 4)
    assert candidate_models(5, 1) == ("naive", "drift")
    assert "ets" not in candidate_models(10, 4)
    assert "ets" in candidate_models(16, 4)
    assert "logistic" in candidate_models(16, 4, saturating=True)


def test_logistic_curve_recovers_its_ceiling():
    t = np.arange(24, dtype=float)
    users = logistic_curve(t, 700.0, 0.25, 8.0)
    scale = Scale("log")
    fc = fit_saturating("logistic", scale.forward(users), 4, 4, scale)
    assert fc.params["ceiling"] == pytest.approx(700, rel=1e-3)
    assert np.all(scale.inverse(fc.mean) < 700)


def test_scale_choice():
    assert choose_scale([0.2, 0.5]).name == "logit"
    assert choose_scale([2.0, 5.0]).name == "log"
    assert choose_scale([-1.0, 5.0]).name == "identity"
    with pytest.raises(ParameterError):
        choose_scale([2.0], "logit")
    logit = Scale("logit")
    np.testing.assert_allclose(logit.inverse(logit.forward([0.1, 0.9])), [0.1, 0.9])


def test_ets_intervals_are_the_same_every_time(monkeypatch):
    """Multiplicative ETS forms have simulated intervals: unseeded, the same data gave other
    published intervals from one build to the next."""
    rng = np.random.default_rng(3)
    x = np.exp(np.linspace(4, 5, 24) + 0.1 * np.tile([0.0, 0.2, -0.1, 0.4], 6) + rng.normal(0, 0.02, 24))
    runs = []
    for _ in range(2):
        forms, _ = models._ets_forms(x, 4, 4, models.FitMemo())  # fitted again, each time
        assert any(f.params["form"].startswith("ETS(M") for f in forms)
        runs.append(np.concatenate([f.sigma for f in forms]))
    np.testing.assert_array_equal(runs[0], runs[1])


def test_the_combination_weighs_theta_three_to_one_and_adds_drift_for_a_strong_season():
    from kreport.stats.forecast.models import STRONG_SEASON, combination_members, member_weights

    full = ("snaive", "drift", "loglinear", "ets", "arima", "theta")
    assert combination_members(full, 0.0) == ("ets", "arima", "theta")
    assert combination_members(full, STRONG_SEASON + 0.01) == ("ets", "arima", "theta", "drift")
    assert combination_members(("snaive", "naive", "drift"), 0.9) == ("snaive", "naive", "drift")  # short series
    np.testing.assert_allclose(member_weights(("ets", "arima", "theta")), [0.2, 0.2, 0.6])
    np.testing.assert_allclose(member_weights(("ets", "arima", "theta", "drift")), [1 / 6, 1 / 6, 0.5, 1 / 6])
