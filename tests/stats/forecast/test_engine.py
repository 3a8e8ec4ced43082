"""The forecast call: tidy frame, bounds, short series, rates and gaps."""

import numpy as np
import pandas as pd
import pytest

from kreport.errors import ModelError
from kreport.stats.forecast.engine import forecast

FAST_MODELS = ("snaive", "drift", "loglinear", "theta")



def growing(n=20, seed=5):
    rng = np.random.default_rng(seed)
    t = np.arange(n)
    return pd.Series(120 * np.exp(0.08 * t + 0.2 * (t % 4 == 3) + rng.normal(0, 0.03, n)),
                     index=pd.period_range("2020Q1", periods=n, freq="Q"))


def test_forecast_frame_is_tidy_and_ordered():
    series = growing()
    result = forecast(series, horizon=4, models=FAST_MODELS)
    f = result.frame
    assert list(f.columns) == ["period", "h", "forecast", "lo80", "hi80", "lo95", "hi95", "model"]
    assert list(f["period"]) == list(pd.period_range("2025Q1", periods=4, freq="Q"))
    assert (f["lo95"] <= f["lo80"]).all() and (f["lo80"] <= f["forecast"]).all()
    assert (f["forecast"] <= f["hi80"]).all() and (f["hi80"] <= f["hi95"]).all()
    assert f["forecast"].iloc[3] > series.iloc[-1]  # Q4 of a growing series with a Q4 peak
    assert {"aicc", "ljung_box_pvalue", "params"} <= set(result.summary.columns)
    assert result.backtest is not None and result.backtest["chosen"].any()
    assert "forecast.calibrated" in {note.code for note in result.notes}


def test_default_models_run_on_a_sixteen_quarter_series():
    result = forecast(growing(16), horizon=2)
    assert len(result.frame) == 2 and np.isfinite(result.frame["forecast"]).all()
    assert set(result.members) <= {"snaive", "drift", "loglinear", "ets", "arima", "theta"}


def test_short_annual_series_gets_simple_models_and_says_so():
    annual = pd.Series([10.0, 12, 15, 17, 20], index=pd.period_range("2019", periods=5, freq="Y"))
    result = forecast(annual, horizon=3)
    assert set(result.members) <= {"naive", "drift"}
    assert result.backtest is None
    assert "forecast.short" in {note.code for note in result.notes}
    assert list(result.frame["period"].astype(str)) == ["2024", "2025", "2026"]


def test_rates_stay_inside_zero_and_one():
    # A repurchase rate climbing fast towards 1: a straight-line forecast would cross 1 within the horizon.
    rng = np.random.default_rng(2)
    t = np.arange(20)
    rate = pd.Series(0.60 + 0.017 * t + rng.normal(0, 0.005, 20),
                     index=pd.period_range("2020Q1", periods=20, freq="Q"))
    assert 0.60 + 0.017 * 31 > 1
    f = forecast(rate, horizon=12, models=("drift", "loglinear", "theta")).frame
    bounds = f[["forecast", "lo80", "hi80", "lo95", "hi95"]].to_numpy()
    assert np.all(bounds > 0) and np.all(bounds < 1)
    assert f["forecast"].is_monotonic_increasing


def test_missing_last_quarter_does_not_shift_the_horizon():
    series = growing()
    series.iloc[-1] = np.nan
    result = forecast(series, horizon=2, models=FAST_MODELS)
    assert str(result.frame["period"].iloc[0]) == "2025Q1"


def test_gap_inside_the_series_is_reported():
    series = growing(24)
    series.iloc[5] = np.nan
    result = forecast(series, horizon=2, models=FAST_MODELS)
    assert "forecast.gap" in {note.code for note in result.notes}


def test_too_few_points_is_a_model_error():
    with pytest.raises(ModelError):
        forecast(pd.Series([1.0, 2.0], index=pd.period_range("2020Q1", periods=2, freq="Q")))


def test_a_mean_that_loses_to_seasonal_naive_is_still_the_forecast_and_says_so():
    # A fixed seasonal shape with small noise: seasonal naive repeats it, the mean with naive and drift blurs it.
    rng = np.random.default_rng(3)
    shape = np.tile([100.0, 140.0, 90.0, 170.0], 6)
    series = pd.Series(shape * (1 + rng.normal(0, 0.01, shape.size)), index=pd.period_range("2020Q1", periods=24, freq="Q"))
    result = forecast(series, horizon=4, models=("snaive", "naive", "drift"))
    assert result.auto_mase > result.snaive_mase and result.lost_to_snaive
    assert set(result.members) != {"snaive"}  # the combination is kept, not swapped for seasonal naive
    assert result.frame["model"].iloc[0] == "+".join(result.members)
    again = type(result).from_record(result.to_record())
    assert again.lost_to_snaive and again.auto_mase == result.auto_mase


def test_a_mean_that_beats_seasonal_naive_is_not_flagged():
    result = forecast(growing(), horizon=4, models=FAST_MODELS)
    assert result.auto_mase <= result.snaive_mase and not result.lost_to_snaive
