"""What a page may say about the data (kreport/stats/claims.py), and the growth rule (kreport/stats/derived.py)."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

import kreport
from kreport.stats import basis, claims
from kreport.stats.derived import MEANINGFUL_BASE, meaningful, meaningful_start

DATA = Path(__file__).resolve().parents[1] / "fixtures" / "data"


def test_growth_off_a_start_up_base_is_not_a_growth_rate():
    # Kuaishou's GMV: RMB 96.6 mn in 2018, 59.6 bn in 2019 (617×), 381 bn in 2020 (6.4×).
    growth = pd.Series([59.6 / 0.0966 - 1, 381 / 59.6 - 1], index=pd.period_range("2019", periods=2, freq="Y-DEC"))
    kept = meaningful(growth)
    assert math.isnan(kept.iloc[0]) and kept.iloc[1] == growth.iloc[1]
    assert MEANINGFUL_BASE == 0.1 and math.isnan(meaningful(9.01)) and meaningful(8.99) == 8.99
    levels = pd.Series([0.0966, 59.6, 381.0, 680.0], index=pd.period_range("2018", periods=4, freq="Y-DEC"))
    assert str(meaningful_start(levels)) == "2019"  # a CAGR starts at the first meaningful base


def test_gmv_and_users_pairs_are_found_quarterly_and_annual():
    m = kreport.load(DATA).metrics
    pairs = {(p.gmv_metric, p.user_metric, p.kind) for p in claims.gmv_user_pairs(m, "kuaishou")}
    assert ("gmv", "dau", "quarter") in pairs
    assert claims.gmv_user_pairs(m, "douyin") == [] or all(p.kind in ("quarter", "year") for p in claims.gmv_user_pairs(m, "douyin"))


def test_a_record_is_only_a_figure_above_every_earlier_one():
    s = pd.Series([400.0, 413.0, 408.0], index=pd.period_range("2025Q1", periods=3, freq="Q-DEC"))
    assert claims.record_high(s, pd.Period("2025Q2", "Q-DEC"))
    assert not claims.record_high(s, pd.Period("2025Q3", "Q-DEC"))  # "reached 408" would mislead after 413


def test_the_growth_driver_compares_signed_changes():
    assert claims.growth_driver(0.15, 0.03) == "spending"
    assert claims.growth_driver(-0.042, -0.026) == "decline"  # never "growth comes from spending" when GMV falls
    assert claims.growth_driver(0.05, 0.08) == "users"
    assert claims.growth_driver(0.10, 0.07) == "both"
    assert claims.growth_driver(math.nan, 0.1) == ""


def test_the_newest_shelf_gmv_lists_every_shelf_platform():
    dataset = kreport.load(DATA)
    shelf = dataset.platforms.index[dataset.platforms["model"] == "shelf"]
    newest = claims.newest_gmv(dataset.metrics, shelf)
    assert set(newest["platform"]) == {p for p in shelf if p in set(dataset.metrics.loc[dataset.metrics["metric"].isin(["gmv", "gmv_ttm"]), "platform"])}


def test_a_derived_grade_is_the_weakest_of_its_inputs():
    index = pd.period_range("2024Q1", periods=5, freq="Q-DEC")
    gmv = pd.Series(["reported", "estimate", "reported", "reported", "reported"], index=index)
    users = pd.Series(["reported", "reported", "single_source", "reported", "reported"], index=index)
    assert list(basis.weakest(gmv, users)) == ["reported", "estimate", "single_source", "reported", "reported"]
    assert basis.yoy(gmv).iloc[4] == "reported" and basis.yoy(gmv).iloc[0] != basis.yoy(gmv).iloc[0]  # no year earlier: NaN
    assert basis.lagged(gmv, 4).iloc[4] == "reported"
    assert basis.whole(users) == "single_source"
