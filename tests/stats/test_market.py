"""Shares of China's online retail sales (kreport/stats/market.py): same months only, grades carried, gaps never filled."""

from __future__ import annotations

import pytest

import kreport
from kreport.stats.market import SHARE_METRIC, online_retail_shares


@pytest.fixture
def shares_of(market_data):
    def compute(rows, folder="data"):
        dataset = kreport.load(market_data(*rows, folder=folder))
        return dataset, online_retail_shares(dataset.metrics, dataset.platforms.index)
    return compute


def test_a_market_row_is_kept_apart_from_the_platforms(shares_of):
    dataset, _ = shares_of(["china,online_retail_physical,2022,9000,,RMB_bn,reported"])
    assert "china" not in dataset.platforms.index
    assert list(dataset.markets.index) == ["china"]
    # The market's figure is data (the appendix lists it) but makes no quarter of the platforms' data.
    assert "online_retail_physical" in set(dataset.metrics["metric"])


def test_a_share_uses_exactly_the_months_of_the_market_figure(shares_of):
    _, shares = shares_of([
        "china,online_retail_physical,2022Q1,2000,,RMB_bn,reported",  # January-March
        "china,online_retail_physical,2022Q2,4000,,RMB_bn,reported",  # January-June
        "china,online_retail_physical,2022,9000,,RMB_bn,reported",
    ])
    ks = shares[shares["platform"] == "kuaishou"].set_index(shares["period"].astype(str)[shares["platform"] == "kuaishou"])
    assert ks.loc["2022Q1", "value"] == pytest.approx(120.0 / 2000)  # 2022Q1 alone
    assert ks.loc["2022Q2", "value"] == pytest.approx((120.0 + 132.0) / 4000)  # Q1 + Q2 against January-June
    assert ks.loc["2022Q2", "footing"] == "quarters"
    assert ks.loc["2022", "value"] == pytest.approx(576.0 / 9000)  # the calendar year's own GMV
    assert ks.loc["2022", "footing"] == "year"
    assert set(shares["metric"]) == {SHARE_METRIC}


def test_a_missing_quarter_is_never_filled(shares_of):
    # Kuaishou's synthetic quarters start in 2020Q4, so January-September 2020 has no GMV to set against it.
    _, shares = shares_of(["china,online_retail_physical,2020Q3,6000,,RMB_bn,reported"])
    assert shares[shares["platform"] == "kuaishou"].empty


def test_a_fiscal_year_is_not_set_against_a_calendar_year(shares_of):
    _, shares = shares_of(["china,online_retail_physical,2023,13000,,RMB_bn,reported"])
    assert "alibaba" not in set(shares["platform"])  # FY2023 is April 2022 to March 2023


def test_a_share_built_on_an_estimate_is_an_estimate_and_a_bound_gives_none(shares_of):
    _, shares = shares_of([
        "china,online_retail_physical,2022,9000,,RMB_bn,reported",
        "china,online_retail_physical,2021,8000,,RMB_bn,reported",
    ])
    douyin = shares[shares["platform"] == "douyin"].set_index(shares["period"].astype(str)[shares["platform"] == "douyin"])
    assert douyin.loc["2022", "grade"] == "estimate"  # "about 1.4 trillion", a media estimate
    assert douyin.loc["2022", "qualifier"] == "about"
    assert "2021" not in douyin.index  # "over 0.5 trillion" is a bound, not a level


def test_a_market_estimate_makes_every_share_an_estimate(shares_of):
    _, shares = shares_of(["china,online_retail_physical,2022,9000,,RMB_bn,estimate"])
    assert set(shares["grade"]) == {"estimate"}


def test_a_bigger_market_gives_a_smaller_share(shares_of):
    _, small = shares_of(["china,online_retail_physical,2022,9000,,RMB_bn,reported"])
    _, big = shares_of(["china,online_retail_physical,2022,18000,,RMB_bn,reported"], folder="big")
    pick = lambda f: f[(f["platform"] == "kuaishou")]["value"].iloc[0]  # noqa: E731
    assert pick(big) == pytest.approx(pick(small) / 2)
