"""Tests for kreport/dataset/load.py: units, periods, series and cut-offs of the loaded data.

On the synthetic dataset in tests/fixtures/data (see its README.md); every expected value is
computed by hand from those files.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kreport.dataset.load import (
    annual_series,
    check_platform,
    load,
    load_metrics,
    quarterly_series,
)
from kreport.dataset.schema import CANONICAL_UNIT, METRICS, MODELS
from kreport.errors import ParameterError

SYNTHETIC_DATA_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "data"


@pytest.fixture(scope="module")
def dataset():
    return load(SYNTHETIC_DATA_DIR)


@pytest.fixture(scope="module")
def metrics(dataset):
    return dataset.metrics


def figure(metrics, platform, metric, period) -> pd.Series:
    """The one row of a figure; ``period`` as written in metrics.csv (2022Q1, 2022, FY2022)."""
    kind = "fiscal_year" if period.startswith("FY") else "quarter" if "Q" in period else "year"
    rows = metrics[(metrics["platform"] == platform) & (metrics["metric"] == metric)
                   & (metrics["period"].astype(str) == period.removeprefix("FY"))
                   & (metrics["period_kind"] == kind)]
    assert len(rows) == 1, (platform, metric, period, len(rows))
    return rows.iloc[0]


# --- units ------------------------------------------------------------------------------

@pytest.mark.parametrize(("platform", "metric", "period", "published", "unit_published", "value", "unit"), [
    ("kuaishou", "gmv", "2025Q3", 2090, "RMB_100m", 209.0, "RMB_bn"),          # 亿元 -> bn
    ("kuaishou", "gmv", "2022Q1", 120000, "RMB_mn", 120.0, "RMB_bn"),          # million -> bn
    ("kuaishou", "gmv", "2023Q3", 173, "RMB_bn", 173.0, "RMB_bn"),             # unchanged
    ("douyin", "gmv", "2024", 3, "RMB_trillion", 3000.0, "RMB_bn"),            # 万亿元 -> bn
    ("kuaishou", "dau", "2025Q3", 4.1, "100m", 410.0, "million"),              # 亿人 -> million
    ("kuaishou", "dau", "2025Q2", 405, "million", 405.0, "million"),
    ("kuaishou", "repurchase_rate", "2024Q4", 70, "percent", 0.70, "fraction"),  # percent -> fraction
    ("kuaishou", "repurchase_rate", "2025Q2", 0.72, "fraction", 0.72, "fraction"),
])
def test_units_are_normalised(metrics, platform, metric, period, published, unit_published, value, unit):
    row = figure(metrics, platform, metric, period)
    assert row["value_published"] == pytest.approx(published)
    assert row["unit_published"] == unit_published
    assert row["value"] == pytest.approx(value)
    assert row["unit"] == unit


def test_every_figure_is_in_the_canonical_unit_of_its_kind(metrics):
    expected = metrics["metric"].map(lambda m: CANONICAL_UNIT[METRICS[m].kind])
    assert (metrics["unit"] == expected).all()
    rates = metrics[metrics["metric"] == "repurchase_rate"]["value"]
    assert rates.between(0, 1).all() and len(rates) > 0


# --- periods ----------------------------------------------------------------------------

def test_alibaba_fiscal_year_ends_in_march(metrics):
    row = figure(metrics, "alibaba", "gmv", "FY2024")
    assert row["period_kind"] == "fiscal_year"
    assert row["period"].freqstr == "Y-MAR"
    assert row["period_start"] == pd.Timestamp("2023-04-01")
    assert row["period_end"] == pd.Timestamp("2024-03-31")
    assert row["value"] == pytest.approx(8200.0)


def test_calendar_years_and_quarters_keep_their_own_kind(metrics):
    year = figure(metrics, "kuaishou", "gmv", "2022")
    assert (year["period_kind"], year["period"].freqstr) == ("year", "Y-DEC")
    assert (year["period_start"], year["period_end"]) == (pd.Timestamp("2022-01-01"), pd.Timestamp("2022-12-31"))
    assert year["value"] == pytest.approx(576.0)  # 0.576 RMB_trillion
    quarter = figure(metrics, "kuaishou", "gmv", "2022Q2")
    assert (quarter["period_kind"], quarter["period"].freqstr) == ("quarter", "Q-DEC")
    assert (quarter["period_start"], quarter["period_end"]) == (pd.Timestamp("2022-04-01"), pd.Timestamp("2022-06-30"))


# --- quarterly series -------------------------------------------------------------------

def test_quarterly_series_is_contiguous_with_nan_for_missing_quarters(metrics):
    dau = quarterly_series(metrics, "kuaishou", "dau")
    assert dau.index.freqstr == "Q-DEC"
    assert str(dau.index[0]) == "2020Q4" and str(dau.index[-1]) == "2025Q3"
    assert list(dau.index) == list(pd.period_range("2020Q4", "2025Q3", freq="Q-DEC"))
    assert dau[pd.Period("2021Q2", "Q-DEC")] == pytest.approx(320.0)
    assert math.isnan(dau[pd.Period("2021Q3", "Q-DEC")])  # not in the data: NaN, not dropped
    assert [str(q) for q in dau.index[dau.isna()]] == ["2021Q3"]
    assert dau[pd.Period("2021Q4", "Q-DEC")] == pytest.approx(330.0)
    assert dau[pd.Period("2025Q3", "Q-DEC")] == pytest.approx(410.0)  # 4.1 亿
    assert dau.name == "kuaishou.dau"
    assert dau.dtype == float


def test_quarterly_series_of_gmv_has_every_quarter_in_rmb_bn(metrics):
    gmv = quarterly_series(metrics, "kuaishou", "gmv")
    assert list(gmv.index) == list(pd.period_range("2020Q4", "2025Q3", freq="Q-DEC"))
    assert gmv.notna().all()
    assert gmv[pd.Period("2020Q4", "Q-DEC")] == pytest.approx(125.0)
    assert gmv[pd.Period("2022Q1", "Q-DEC")] == pytest.approx(120.0)  # 120000 RMB_mn
    assert gmv[pd.Period("2023Q3", "Q-DEC")] == pytest.approx(173.0)  # 173 RMB_bn
    assert gmv.sum() == pytest.approx(125 + 480 + 576 + 691 + 765 + 176 + 192.5 + 209)


def test_quarterly_series_is_empty_without_quarterly_figures(metrics):
    series = quarterly_series(metrics, "alibaba", "gmv")  # Alibaba GMV is by fiscal year only
    assert series.empty and series.index.freqstr == "Q-DEC"


def test_bounds_are_left_out_unless_asked_for(metrics):
    default = quarterly_series(metrics, "kuaishou", "monthly_buyers")
    assert str(default.index[0]) == "2023Q3"  # the 2022Q4 'over 1亿' bound is left out
    with_bounds = quarterly_series(metrics, "kuaishou", "monthly_buyers", include_bounds=True)
    assert str(with_bounds.index[0]) == "2022Q4"
    assert with_bounds[pd.Period("2022Q4", "Q-DEC")] == pytest.approx(100.0)
    assert [str(q) for q in with_bounds.index[with_bounds.isna()]] == ["2023Q1", "2023Q2"]  # contiguous: the gap is NaN
    assert with_bounds.loc["2023Q3":].equals(default.loc["2023Q3":])


def test_annual_bounds_are_left_out_unless_asked_for(metrics):
    assert annual_series(metrics, "kuaishou", "annual_buyers").empty  # only 'over 2亿' for 2024
    assert annual_series(metrics, "kuaishou", "annual_buyers", include_bounds=True).to_dict() == {
        pd.Period("2024", "Y-DEC"): pytest.approx(200.0)}
    douyin = annual_series(metrics, "douyin", "gmv")  # 2021 is an 'over' bound; 'about' is kept
    assert [str(p) for p in douyin.index] == ["2022", "2023", "2024"]
    assert douyin.tolist() == pytest.approx([1400.0, 2200.0, 3000.0])
    assert [str(p) for p in annual_series(metrics, "douyin", "gmv", include_bounds=True).index] == [
        "2021", "2022", "2023", "2024"]


# --- annual and quarterly are never mixed -------------------------------------------------

def test_annual_and_quarterly_series_never_mix(metrics):
    quarterly = quarterly_series(metrics, "kuaishou", "gmv")
    annual = annual_series(metrics, "kuaishou", "gmv")
    assert annual.index.freqstr == "Y-DEC"
    assert [str(p) for p in annual.index] == ["2021", "2022", "2023", "2024"]
    assert annual.tolist() == pytest.approx([480.0, 576.0, 691.0, 765.0])
    assert not np.isin(annual.to_numpy(), quarterly.dropna().to_numpy()).any()
    assert quarterly.max() < annual.max()


def test_fiscal_years_stay_on_their_own_frequency(metrics):
    alibaba = annual_series(metrics, "alibaba", "gmv")
    assert alibaba.index.freqstr == "Y-MAR"
    assert [str(p) for p in alibaba.index] == ["2023", "2024", "2025"]
    assert alibaba.tolist() == pytest.approx([8000.0, 8200.0, 8400.0])


def test_calendar_and_fiscal_years_of_one_metric_raise(synthetic_data_copy):
    data = synthetic_data_copy
    with open(data / "metrics.csv", "a", encoding="utf-8") as f:
        f.write("alibaba,gmv,2022,7000,,RMB_bn,estimate,t-ali,calendar year,\n")
    metrics = load_metrics(data)
    with pytest.raises(ParameterError) as caught:
        annual_series(metrics, "alibaba", "gmv")
    assert caught.value.name == "metric"


def test_reported_figure_wins_over_an_estimate(synthetic_data_copy):
    data = synthetic_data_copy
    with open(data / "metrics.csv", "a", encoding="utf-8") as f:
        f.write("kuaishou,dau,2023Q3,400,,million,estimate,t-ks-2023,test estimate,\n")
        f.write("kuaishou,dau,2021Q3,3.25,,100m,estimate,t-ks-2021,test estimate,\n")
    series = quarterly_series(load_metrics(data), "kuaishou", "dau")
    assert series[pd.Period("2023Q3", "Q-DEC")] == pytest.approx(370.0)
    assert series[pd.Period("2021Q3", "Q-DEC")] == pytest.approx(325.0)  # the estimate fills the gap
    assert series.notna().all()


# --- as_of ------------------------------------------------------------------------------

def test_as_of_drops_later_periods_and_events(dataset):
    cut = dataset.as_of("2022Q4")
    assert cut.metrics["period_end"].max() == pd.Timestamp("2022-12-31")
    assert (cut.metrics["period_end"] <= pd.Timestamp("2022-12-31")).all()
    assert (cut.events["date"] <= pd.Timestamp("2022-12-31")).all()
    assert list(cut.events["event_id"]) == ["EV01", "EV03"]  # EV02 (2023-03-01) and EV04 (2024-09-10) are later
    assert len(cut.events) < len(dataset.events) and len(cut.metrics) < len(dataset.metrics)
    gmv = quarterly_series(cut.metrics, "kuaishou", "gmv")
    assert str(gmv.index[-1]) == "2022Q4"
    assert str(cut.latest_quarter()) == "2022Q4"
    assert str(dataset.latest_quarter()) == "2025Q3"
    # Annual figures that end by the cut-off stay: calendar 2022 does, Alibaba's FY2023 (to March 2023) does not.
    assert annual_series(cut.metrics, "kuaishou", "gmv").index[-1] == pd.Period("2022", "Y-DEC")
    assert "alibaba" not in set(cut.metrics["platform"])
    assert [str(p) for p in annual_series(dataset.as_of("2024Q1").metrics, "alibaba", "gmv").index] == ["2023", "2024"]
    # load(as_of=...) is the same cut.
    assert load(SYNTHETIC_DATA_DIR, as_of="2022Q4").metrics.equals(cut.metrics)


def test_as_of_rejects_a_malformed_quarter(dataset):
    with pytest.raises(ParameterError) as caught:
        dataset.as_of("2022-12")
    assert caught.value.name == "as_of"


# --- references between the tables ---------------------------------------------------------

def test_every_metric_source_resolves(dataset):
    metrics, sources = dataset.metrics, dataset.sources
    assert set(metrics["source_id"]) <= set(sources["source_id"])
    assert metrics["source_title"].notna().all() and (metrics["source_title"] != "").all()
    assert sources["source_id"].is_unique


def test_every_platform_has_a_business_model(dataset):
    assert set(dataset.platforms["model"]) <= set(MODELS)
    assert dataset.metrics["model"].isin(MODELS).all()
    assert set(dataset.metrics["platform"]) <= set(dataset.platforms["platform"])
    assert dict(zip(dataset.platforms["platform"], dataset.platforms["model"])) == {
        "kuaishou": "trust", "douyin": "interest", "alibaba": "shelf", "pdd": "shelf"}
    assert dataset.platforms.loc["alibaba", "fiscal_year_end_month"] == 3


def test_every_event_source_and_platform_resolves(dataset):
    events = dataset.events
    assert len(events) > 0
    assert set(events["source_id"]) <= set(dataset.sources["source_id"])
    assert set(events["platform"]) <= set(dataset.platforms["platform"])
    assert events["date"].is_monotonic_increasing
    assert list(events["event_id"]) == ["EV01", "EV03", "EV02", "EV04"]  # by date, not by file order
    assert (events["quarter"] == events["date"].dt.to_period("Q-DEC")).all()


def test_each_figure_carries_its_source_and_business_model(metrics):
    row = figure(metrics, "alibaba", "gmv", "FY2025")
    assert (row["source_id"], row["source_title"]) == ("t-ali", "[Synthetic test figures: Taobao & Tmall]")
    assert (row["source_publisher"], row["source_url"], row["source_published"]) == ("kreport tests", "", "2025-05-15")
    assert row["model"] == "shelf"
    assert (row["value_published"], row["unit_published"], row["value"]) == (8.4, "RMB_trillion", pytest.approx(8400.0))
    douyin = figure(metrics, "douyin", "gmv", "2022")
    assert (douyin["basis"], douyin["qualifier"], douyin["source_published"]) == ("estimate", "about", "")


def test_files_with_a_header_and_no_rows_load_as_typed_empty_frames(synthetic_data_copy):
    (synthetic_data_copy / "events.csv").write_text(
        "event_id,platform,date,name_en,name_zh,description_en,description_zh,source_id\n", encoding="utf-8")
    dataset = load(synthetic_data_copy)
    assert dataset.events.empty
    assert pd.api.types.is_datetime64_any_dtype(dataset.events["date"])
    assert {"event_id", "platform", "quarter", "line"} <= set(dataset.events.columns)
    assert dataset.as_of("2022Q4").events.empty
    assert len(dataset.metrics) == 99


def test_every_row_keeps_its_line_in_metrics_csv(dataset):
    lines = dataset.metrics["line"]
    assert lines.is_unique and lines.min() == 2
    assert lines.max() == len(dataset.metrics) + 1


# --- parameters -------------------------------------------------------------------------

def test_unknown_platform_raises_parameter_error(dataset, metrics):
    for call in (lambda: quarterly_series(metrics, "taobao", "gmv"),
                 lambda: annual_series(metrics, "taobao", "gmv"),
                 lambda: check_platform(dataset, "taobao"),
                 lambda: check_platform(metrics, "taobao")):
        with pytest.raises(ParameterError) as caught:
            call()
        assert caught.value.name == "platform"
        assert caught.value.value == "taobao"
        assert "`platform`" in str(caught.value) and "kuaishou" in str(caught.value)
    assert check_platform(dataset, "kuaishou") == "kuaishou"


def test_unknown_metric_raises_parameter_error(metrics):
    with pytest.raises(ParameterError) as caught:
        quarterly_series(metrics, "kuaishou", "revnue")
    assert caught.value.name == "metric"
    assert isinstance(caught.value, ValueError)


def test_an_identical_repeated_row_is_loaded_once(synthetic_data_copy):
    """Issue 10: duplicate rows were published twice."""
    metrics = synthetic_data_copy / "metrics.csv"
    lines = metrics.read_text(encoding="utf-8").splitlines()
    metrics.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    assert len(load(synthetic_data_copy).metrics) == len(lines) - 1
