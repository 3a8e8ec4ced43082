"""Derived metrics against hand-computed values, and their handling of missing quarters."""

import numpy as np
import pandas as pd
import pytest

from kreport.errors import ParameterError
from kreport.stats.derived import (
    buyer_penetration,
    cagr,
    decompose_gmv_growth,
    gmv_per_buyer,
    gmv_per_dau,
    index_to_base,
    qoq_growth,
    seasonal_indices,
    ttm_sum,
    yoy_growth,
)


def quarterly(values, start="2021Q1"):
    return pd.Series(values, index=pd.period_range(start, periods=len(values), freq="Q"), dtype=float)


def test_yoy_matches_hand_computation():
    gmv = quarterly([118.7, 136.6, 143.9, 281.2, 175.1])
    growth = yoy_growth(gmv)
    assert growth["2022Q1"] == pytest.approx(175.1 / 118.7 - 1)
    assert round(growth["2022Q1"] * 100, 1) == 47.5
    assert growth.iloc[:4].isna().all()


def test_yoy_is_nan_when_year_earlier_quarter_is_missing_and_never_shifts():
    gmv = quarterly([100, np.nan, 120, 130, 110, 150, 132, 143])
    growth = yoy_growth(gmv)
    assert np.isnan(growth["2022Q2"])  # its year-earlier quarter is missing
    assert growth["2022Q3"] == pytest.approx(132 / 120 - 1)  # not compared with the quarter before the gap


def test_qoq_is_nan_next_to_a_gap():
    s = quarterly([100, 110, np.nan, 120])
    q = qoq_growth(s)
    assert q["2021Q2"] == pytest.approx(0.1)
    assert q[["2021Q3", "2021Q4"]].isna().all()


def test_ttm_needs_all_four_quarters():
    s = quarterly([1, 2, 3, 4, 5, np.nan, 7, 8, 9])
    ttm = ttm_sum(s)
    assert ttm["2021Q4"] == 10
    assert ttm["2022Q1"] == 14
    assert ttm[["2022Q2", "2022Q3", "2022Q4", "2023Q1"]].isna().all()  # each window holds the missing quarter
    assert ttm.iloc[:3].isna().all()


def test_cagr_over_a_span():
    s = quarterly([100, 0, 0, 0, 110, 0, 0, 0, 121])
    assert cagr(s, "2021Q1", "2023Q1") == pytest.approx(0.10)
    annual = pd.Series([100.0, 150.0], index=pd.period_range("2020", periods=2, freq="Y"))
    assert cagr(annual) == pytest.approx(0.5)
    with pytest.raises(ParameterError):
        cagr(s, "2019Q1", "2023Q1")


def test_seasonal_indices_recover_multiplicative_pattern():
    factors = np.array([0.8, 0.9, 1.0, 1.3])
    s = quarterly(np.tile(factors, 4) * 200)
    idx = seasonal_indices(s)
    assert list(idx.index) == [1, 2, 3, 4]
    np.testing.assert_allclose(idx.to_numpy(), 100 * factors / factors.mean(), rtol=1e-9)
    assert idx.mean() == pytest.approx(100)


def test_index_to_base():
    s = quarterly([50, 100, 150, np.nan])
    idx = index_to_base(s, "2021Q2")
    assert idx["2021Q2"] == 100 and idx["2021Q3"] == 150 and idx["2021Q1"] == 50
    assert np.isnan(idx["2021Q4"])
    with pytest.raises(ParameterError):
        index_to_base(s, "2021Q4")


def test_gmv_per_dau_and_per_buyer_annualised_in_rmb():
    gmv = quarterly([100.0, 120.0])  # RMB bn
    dau = quarterly([400.0, np.nan])  # millions
    per_dau = gmv_per_dau(gmv, dau)
    assert per_dau["2021Q1"] == pytest.approx(100e9 / 400e6 * 4)  # 1000 RMB a year
    assert np.isnan(per_dau["2021Q2"])
    assert gmv_per_dau(gmv, dau, annualise=False)["2021Q1"] == pytest.approx(250)
    buyers = quarterly([50.0, 60.0])
    assert gmv_per_buyer(gmv, buyers)["2021Q2"] == pytest.approx(120e9 / 60e6 * 4)


def test_buyer_penetration():
    pen = buyer_penetration(quarterly([100.0, 150.0]), quarterly([500.0, 600.0]))
    np.testing.assert_allclose(pen.to_numpy(), [0.2, 0.25])


def test_decomposition_adds_up_exactly_and_matches_hand_values():
    gmv = quarterly([100, 100, 100, 100, 150, 100, 100, 100])
    users = quarterly([400, 400, 400, 400, 440, 400, 400, 400])
    buyers = quarterly([50, 50, 50, 50, 60, 50, 50, 50])
    d = decompose_gmv_growth(gmv, users, buyers)
    row = d.loc[pd.Period("2022Q1", freq="Q")]
    assert row["users"] == pytest.approx(np.log(1.1))
    assert row["conversion"] == pytest.approx(np.log((60 / 440) / (50 / 400)))
    assert row["spend_per_buyer"] == pytest.approx(np.log((150 / 60) / (100 / 50)))
    assert row["total_growth"] == pytest.approx(0.5)
    parts = d[["users", "conversion", "spend_per_buyer"]].dropna()
    assert ((parts.sum(axis=1) - d.loc[parts.index, "total"]).abs() == 0).all()


def test_decomposition_row_is_nan_when_any_input_missing():
    gmv = quarterly([100, 100, 100, 100, 150, 120, 100, 100])
    users = quarterly([400, np.nan, 400, 400, 440, 400, 400, 400])
    buyers = quarterly([50] * 8)
    d = decompose_gmv_growth(gmv, users, buyers)
    assert d.loc[pd.Period("2022Q2", freq="Q")].isna().all()


def test_gapped_index_is_refused():
    s = pd.Series([1.0, 2.0], index=pd.PeriodIndex(["2021Q1", "2021Q3"], freq="Q"))
    with pytest.raises(ParameterError):
        yoy_growth(s)


def test_take_rate_is_revenue_over_gmv_of_the_same_quarter():
    from kreport.stats.derived import take_rate

    revenue = pd.Series([5.0, 6.0, 7.0], index=pd.period_range("2024Q1", periods=3, freq="Q"))
    gmv = pd.Series([100.0, 0.0, float("nan"), 140.0], index=pd.period_range("2024Q1", periods=4, freq="Q"))
    rate = take_rate(revenue, gmv)
    assert list(rate.index.astype(str)) == ["2024Q1", "2024Q2", "2024Q3", "2024Q4"]
    assert rate.iloc[0] == pytest.approx(0.05)
    assert rate.iloc[1:].isna().all()  # zero GMV, missing GMV, missing revenue
