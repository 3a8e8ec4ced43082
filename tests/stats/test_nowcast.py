"""The nowcast from a quarter's own indicators (kreport/stats/nowcast.py) on synthetic series."""

import numpy as np
import pandas as pd
import pytest

from kreport.stats.nowcast import nowcast

INDEX = pd.period_range("2020Q1", periods=24, freq="Q")


def series(values):
    return pd.Series(np.array(values, dtype=float), index=INDEX)


def test_the_metric_follows_its_indicator_and_the_band_comes_from_backtest_errors():
    rng = np.random.default_rng(1)
    t = np.arange(24)
    season = np.tile([1.0, 1.05, 1.1, 1.4], 6)
    revenue = 20 * np.exp(0.04 * t + rng.normal(0, 0.02, 24)) * season
    gmv = 12 * revenue * np.exp(rng.normal(0, 0.01, 24))
    target = series(gmv)
    target.iloc[-1] = np.nan  # no longer published
    nc = nowcast(target, {"revenue_total": series(revenue)}, INDEX[-1])
    assert nc.indicators == ("revenue_total",)
    assert nc.value == pytest.approx(gmv[-1], rel=0.05)
    assert nc.lo80 < nc.value < nc.hi80 and nc.lo95 <= nc.lo80 and nc.hi95 >= nc.hi80
    assert nc.n >= 6 and nc.mape < 0.05


def test_the_projection_is_used_when_its_backtest_erred_less():
    rng = np.random.default_rng(2)
    revenue = series(20 * np.exp(rng.normal(0, 0.2, 24)))  # an indicator unrelated to the metric
    target = series(100 * np.exp(0.02 * np.arange(24) + rng.normal(0, 0.1, 24)))
    target.iloc[-1] = np.nan
    nc = nowcast(target, {"revenue_total": revenue}, INDEX[-1], projection_errors=np.full(8, 0.01))
    assert nc.used == "projection" and nc.projection_mape == pytest.approx(0.01)


def test_no_indicator_for_the_quarter_means_no_nowcast():
    target = series(np.linspace(100, 200, 24))
    target.iloc[-1] = np.nan
    revenue = series(np.linspace(10, 20, 24))
    revenue.iloc[-1] = np.nan
    assert nowcast(target, {"revenue_total": revenue}, INDEX[-1]) is None
