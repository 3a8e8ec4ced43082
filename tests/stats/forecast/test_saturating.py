"""Saturating growth curves (kreport/stats/forecast/saturating.py) on made-up curves with a known ceiling."""

from __future__ import annotations

import numpy as np
import pytest

from kreport.errors import ModelError, ParameterError
from kreport.stats.forecast.saturating import fit_saturating, gompertz_curve, logistic_curve
from kreport.stats.forecast.transforms import Scale

T = np.arange(20.0)
# Users growing towards 1000 (million), with a wobble of 1% so the fit has residuals.
LOGISTIC = logistic_curve(T, 1000.0, 0.4, 8.0) * (1 + 0.01 * np.sin(1.7 * T))
GOMPERTZ = gompertz_curve(T, 800.0, 3.0, 0.25) * (1 + 0.01 * np.cos(1.3 * T))
EXPONENTIAL = 100.0 * 1.1 ** T  # no sign of saturation yet


def test_the_curves_by_hand():
    assert logistic_curve(8.0, 1000.0, 0.4, 8.0) == pytest.approx(500.0)  # half the ceiling at the midpoint
    assert logistic_curve(1e3, 1000.0, 0.4, 8.0) == pytest.approx(1000.0)
    assert logistic_curve(9.0, 1000.0, 0.4, 8.0) == pytest.approx(1000.0 / (1 + np.exp(-0.4)))
    assert gompertz_curve(0.0, 800.0, 3.0, 0.25) == pytest.approx(800.0 * np.exp(-3.0))
    assert gompertz_curve(1e3, 800.0, 3.0, 0.25) == pytest.approx(800.0)


def test_logistic_fit_finds_the_ceiling_and_forecasts_below_it():
    result = fit_saturating("logistic", LOGISTIC, m=4, horizon=4)
    assert result.model == "logistic"
    assert result.params["ceiling"] == pytest.approx(1000.0, rel=0.02)
    assert result.params["midpoint"] == pytest.approx(8.0, abs=0.3)
    assert result.params["ceiling_at_bound"] is False
    assert result.mean.shape == result.sigma.shape == (4,)
    assert (np.diff(result.mean) > 0).all()  # still growing, ever more slowly
    assert LOGISTIC.max() * 0.97 < result.mean[0] and result.mean[-1] < 1000.0 * 1.02
    assert (result.sigma > 0).all() and (np.diff(result.sigma) >= 0).all()
    assert result.residuals.shape == (20,)
    assert np.isfinite([result.aic, result.aicc, result.bic]).all()


def test_gompertz_fit_finds_the_ceiling():
    result = fit_saturating("gompertz", GOMPERTZ, m=4, horizon=2)
    assert result.model == "gompertz"
    assert result.params["ceiling"] == pytest.approx(800.0, rel=0.02)
    assert set(result.params) == {"ceiling", "shift", "rate", "ceiling_at_bound"}
    assert result.params["ceiling_at_bound"] is False


@pytest.mark.parametrize("name", ["logistic", "gompertz"])
def test_a_series_that_does_not_saturate_puts_the_ceiling_on_its_bound(name):
    result = fit_saturating(name, EXPONENTIAL, m=4, horizon=4)
    assert result.params["ceiling_at_bound"] is True
    assert result.params["ceiling"] == pytest.approx(50 * EXPONENTIAL.max(), rel=1e-3)


def test_on_the_log_scale_the_same_curve_is_returned_in_logs():
    plain = fit_saturating("logistic", LOGISTIC, m=4, horizon=4)
    logged = fit_saturating("logistic", np.log(LOGISTIC), m=4, horizon=4, scale=Scale("log"))
    assert np.exp(logged.mean) == pytest.approx(plain.mean, rel=1e-6)
    # The spread moves to the log scale through the derivative: sigma / level.
    assert logged.sigma == pytest.approx(plain.sigma / plain.mean, rel=1e-6)
    assert logged.residuals == pytest.approx(np.log(LOGISTIC) - np.log(LOGISTIC - plain.residuals), abs=1e-9)


def test_too_short_or_not_positive_is_a_model_error():
    with pytest.raises(ModelError, match="needs 6 points, got 5"):
        fit_saturating("logistic", LOGISTIC[:5], m=4, horizon=1)
    with pytest.raises(ModelError, match="positive"):
        fit_saturating("gompertz", np.r_[0.0, LOGISTIC[1:]], m=4, horizon=1)


def test_an_unknown_curve_is_a_parameter_error():
    with pytest.raises(ParameterError) as caught:
        fit_saturating("richards", LOGISTIC, m=4, horizon=1)
    assert caught.value.name == "name"
