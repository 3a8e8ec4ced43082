"""Which series are modelled (kreport/stats/forecast/policy.py), on the synthetic dataset in tests/fixtures/data."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kreport.dataset.load import load
from kreport.dataset.schema import METRICS
from kreport.stats.forecast.policy import MIN_QUARTERS, SATURATING, last_long_run_end, modelled_series, needed_forecasts

DATA = Path(__file__).resolve().parents[2] / "fixtures" / "data"


@pytest.fixture(scope="module")
def metrics() -> pd.DataFrame:
    return load(DATA).metrics


def test_the_policy_constants():
    assert MIN_QUARTERS == 16  # three years to train and four origins to score
    assert SATURATING == {m.name for m in METRICS.values() if m.kind == "people"}


def test_long_enough_series_are_modelled_and_keep_their_gaps(metrics):
    # GMV: 20 quarters in a row. DAU: 16 after its 2021Q3 gap. MAU: only 13 after its 2022Q2 gap.
    series = modelled_series(metrics, "kuaishou")
    assert list(series) == ["gmv", "dau"]
    gmv, dau = series["gmv"], series["dau"]
    assert (str(gmv.index[0]), str(gmv.index[-1]), gmv.notna().sum()) == ("2020Q4", "2025Q3", 20)
    assert str(dau.index[0]) == "2020Q4"  # the whole series, gap included: the models pick the run
    assert [str(p) for p in dau.index[dau.isna()]] == ["2021Q3"]
    assert dau.name == "kuaishou.dau"


@pytest.mark.parametrize("platform", ["douyin", "alibaba", "pdd"])
def test_platforms_with_short_or_annual_series_have_none(metrics, platform):
    assert modelled_series(metrics, platform) == {}


def test_one_quarter_less_and_the_series_is_not_modelled(metrics):
    dau_2021q4 = (metrics["platform"] == "kuaishou") & (metrics["metric"] == "dau") & (
        metrics["period"] == pd.Period("2021Q4", "Q-DEC"))
    assert dau_2021q4.sum() == 1
    series = modelled_series(metrics[~dau_2021q4], "kuaishou")  # the run after the gap is now 15 quarters
    assert list(series) == ["gmv"]


def test_a_bound_is_a_gap_in_the_run(metrics):
    frame = metrics.copy()
    gmv_2021q4 = (frame["platform"] == "kuaishou") & (frame["metric"] == "gmv") & (
        frame["period"] == pd.Period("2021Q4", "Q-DEC"))
    frame.loc[gmv_2021q4, "qualifier"] = "over"  # now only 'more than 150': 2022Q1-2025Q3 is 15 quarters
    series = modelled_series(frame, "kuaishou")
    assert list(series) == ["dau"]
    frame.loc[gmv_2021q4, "qualifier"] = "about"  # a rounded figure is a level
    assert list(modelled_series(frame, "kuaishou")) == ["gmv", "dau"]


def _with(metrics, platform, metric, period, value):
    """``metrics`` with one more exact figure (a copy of the platform's last row of that metric)."""
    row = metrics[(metrics["platform"] == platform) & (metrics["metric"] == metric)].iloc[[-1]].copy()
    period = pd.Period(period, "Q-DEC")
    row["period"], row["value"], row["period_end"] = period, value, period.end_time.normalize()
    return pd.concat([metrics, row], ignore_index=True)


def test_as_of_keeps_only_what_was_known_then(metrics):
    series = modelled_series(metrics, "kuaishou", as_of="2025Q2")
    # DAU has 16 quarters after its gap only from 2025Q3 on: a quarter earlier it had 15.
    assert list(series) == ["gmv"]
    assert str(series["gmv"].index[-1]) == "2025Q2"
    assert series["gmv"].notna().sum() == 19


def test_a_figure_after_a_missing_quarter_leaves_the_series_modelled_on_its_long_run(metrics):
    # GMV 2020Q4-2025Q3 (20 quarters), 2025Q4 missing, then a 2026Q1 figure: the trailing run is one
    # quarter, so the series is modelled on its run to 2025Q3 and the forecast covers 2025Q4 on.
    later = _with(metrics, "kuaishou", "gmv", "2026Q1", 260.0)
    gmv = modelled_series(later, "kuaishou")["gmv"]
    assert str(gmv.index[-1]) == "2025Q3"
    assert gmv.notna().sum() == 20


def test_a_long_run_that_ended_more_than_a_year_before_the_newest_figure_is_not_modelled(metrics):
    later = _with(metrics, "kuaishou", "gmv", "2026Q4", 260.0)  # five quarters after 2025Q3
    assert "gmv" not in modelled_series(later, "kuaishou")
    assert "gmv" in modelled_series(_with(metrics, "kuaishou", "gmv", "2026Q3", 260.0), "kuaishou")


def test_last_long_run_end():
    index = pd.period_range("2020Q1", periods=22, freq="Q")
    values = [1.0] * 17 + [float("nan")] + [1.0] * 3 + [float("nan")]
    assert str(last_long_run_end(pd.Series(values, index=index))) == "2024Q1"
    assert last_long_run_end(pd.Series([1.0] * 15, index=index[:15])) is None


def test_series_forecast_is_the_cached_four_quarter_forecast(metrics, tmp_path, monkeypatch):
    from kreport.stats.forecast import policy
    from kreport.stats.forecast.engine import forecast

    calls = []

    def fake_forecast(series, horizon=4, saturating=False, memo=None):
        calls.append((series.name, horizon, saturating))
        return forecast(series, horizon=horizon, models=("naive",))

    from kreport import cache

    monkeypatch.setattr(policy, "forecast", fake_forecast)
    dau = modelled_series(metrics, "kuaishou")["dau"]
    before = cache.cache_dir()
    cache.use(tmp_path)  # a cache of its own: no entry another test wrote
    try:
        first = policy.series_forecast("dau", dau)
        again = policy.series_forecast("dau", dau)
    finally:
        cache.use(before)
    # Saturating follows the metric; the second call is read from the cache, not recomputed.
    assert calls == [("kuaishou.dau", 4, True)]
    assert list(first.frame["forecast"]) == list(again.frame["forecast"])
    assert len(first.frame) == 4


def test_needed_forecasts_lists_each_series_as_it_stands_and_as_of_the_quarter_before(metrics):
    # GMV ends at 2025Q3: the trends page shows it whole, the brief's check cuts it at 2025Q2.
    # DAU as of 2025Q2 has only 15 quarters after its gap, so it is not modelled then.
    groups = needed_forecasts(metrics, ["kuaishou", "douyin"], "2025Q3")
    listed = [[(metric, str(series.last_valid_index()), len(series)) for metric, series in group] for group in groups]
    assert listed == [[("gmv", "2025Q3", 20), ("gmv", "2025Q2", 19)], [("dau", "2025Q3", 20)]]
    whole = modelled_series(metrics, "kuaishou")["gmv"]
    assert groups[0][0][1].equals(whole) and groups[0][1][1].equals(whole[:"2025Q2"])
