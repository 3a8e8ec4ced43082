"""Selections of the loaded metrics frame (kreport/dataset/selections.py): levels, latest figures, chart rows.

On the synthetic dataset in tests/fixtures/data; expected values are computed by hand from its files.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from kreport.dataset.load import load
from kreport.dataset.selections import chart_frame, latest_figures, without_bounds, year_earlier

DATA = Path(__file__).resolve().parents[1] / "fixtures" / "data"


@pytest.fixture(scope="module")
def metrics() -> pd.DataFrame:
    return load(DATA).metrics


def row_of(metrics, platform, metric, period_text) -> pd.Series:
    written = pd.Series([_text(p, k) for p, k in zip(metrics["period"], metrics["period_kind"])], index=metrics.index)
    rows = metrics[(metrics["platform"] == platform) & (metrics["metric"] == metric) & (written == period_text)]
    assert len(rows) == 1, (platform, metric, period_text, len(rows))
    return rows.iloc[0]


def _text(period, kind) -> str:
    """A period as metrics.csv writes it."""
    return f"FY{period.year}" if kind == "fiscal_year" else str(period)


def loaded_with(data_dir: Path, *lines: str, drop: str | None = None) -> pd.DataFrame:
    """The metrics of the data folder ``data_dir`` with ``lines`` appended to metrics.csv (and the line
    starting with ``drop`` removed)."""
    path = data_dir / "metrics.csv"
    text = path.read_text(encoding="utf-8")
    if drop:
        kept = [line for line in text.splitlines(keepends=True) if not line.startswith(drop)]
        assert len(kept) == text.count("\n") - 1, drop
        text = "".join(kept)
    path.write_text(text + "".join(line + "\n" for line in lines), encoding="utf-8")
    return load(data_dir).metrics


def latest(frame, platform, metric) -> pd.Series:
    rows = frame[(frame["platform"] == platform) & (frame["metric"] == metric)]
    assert len(rows) == 1, (platform, metric, len(rows))
    return rows.iloc[0]


# --- without_bounds ---------------------------------------------------------------------------

def test_without_bounds_keeps_exact_and_approximate_figures(metrics):
    levels = without_bounds(metrics)
    assert len(metrics) - len(levels) == 5  # the five 'over' rows of the synthetic data
    assert not levels["qualifier"].isin(["over", "under"]).any()
    assert set(levels["qualifier"]) == {"", "about"}
    assert (metrics["qualifier"] == "about").sum() == (levels["qualifier"] == "about").sum() == 5


# --- year_earlier -----------------------------------------------------------------------------

@pytest.mark.parametrize("platform, metric, period, earlier_period, earlier_value", [
    ("kuaishou", "gmv", "2025Q3", "2024Q3", 190.0),
    ("kuaishou", "gmv", "2024", "2023", 691.0),  # a calendar year: the year before
    ("alibaba", "gmv", "FY2024", "FY2023", 8000.0),  # a fiscal year: the fiscal year before
    ("douyin", "gmv", "2023", "2022", 1400.0),  # 'about' counts as a level
])
def test_year_earlier_finds_the_same_period_a_year_before(metrics, platform, metric, period, earlier_period,
                                                          earlier_value):
    earlier = year_earlier(metrics, row_of(metrics, platform, metric, period))
    assert earlier is not None
    assert _text(earlier["period"], earlier["period_kind"]) == earlier_period
    assert earlier["value"] == pytest.approx(earlier_value)


@pytest.mark.parametrize("platform, metric, period", [
    ("kuaishou", "gmv", "2021"),  # no 2020 figure
    ("kuaishou", "dau", "2022Q3"),  # 2021Q3 is the gap
    ("douyin", "gmv", "2022"),  # 2021 is only a bound
    ("kuaishou", "gmv", "2020Q4"),  # the first quarter
])
def test_year_earlier_is_none_without_an_exact_figure(metrics, platform, metric, period):
    assert year_earlier(metrics, row_of(metrics, platform, metric, period)) is None


# --- latest_figures ---------------------------------------------------------------------------

def test_latest_figures_has_one_row_per_platform_and_metric(metrics):
    frame = latest_figures(metrics)
    pairs = sorted(zip(frame["platform"], frame["metric"]))
    assert pairs == sorted({*zip(metrics["platform"], metrics["metric"])})
    assert len(pairs) == 13


@pytest.mark.parametrize("platform, metric, period_text, value, yoy", [
    ("kuaishou", "gmv", "2025Q3", 209.0, 209 / 190 - 1),
    ("kuaishou", "dau", "2025Q3", 410.0, 410 / 390 - 1),
    ("kuaishou", "monthly_buyers", "2025Q2", 132.0, 132 / 120 - 1),
    ("kuaishou", "annual_buyers", "2024", 200.0, math.nan),  # the newest figure is a bound: no growth from it
    ("kuaishou", "repurchase_rate", "2025Q2", 0.72, math.nan),  # no 2024Q2 rate
    ("douyin", "gmv", "2024", 3000.0, 3000 / 2200 - 1),  # estimates against estimates
    ("douyin", "dau", "2024Q1", 750.0, 750 / 700 - 1),
    ("alibaba", "gmv", "FY2025", 8400.0, 8400 / 8200 - 1),
    ("alibaba", "annual_buyers", "2024Q1", 900.0, math.nan),
    ("pdd", "annual_buyers", "2024Q4", 900.0, 900 / 860 - 1),
])
def test_latest_figures_with_their_yoy_change(metrics, platform, metric, period_text, value, yoy):
    row = latest(latest_figures(metrics), platform, metric)
    assert row["period_text"] == period_text
    assert row["value"] == pytest.approx(value)
    if math.isnan(yoy):
        assert math.isnan(row["yoy"])
    else:
        assert row["yoy"] == pytest.approx(yoy)


def test_a_quarter_wins_over_the_year_that_ends_with_it(metrics):
    cut = metrics[metrics["period_end"] <= pd.Timestamp("2024-12-31")]
    row = latest(latest_figures(cut), "kuaishou", "gmv")  # 2024Q4 and 2024 both end on 2024-12-31
    assert (row["period_text"], row["period_kind"]) == ("2024Q4", "quarter")
    assert row["value"] == pytest.approx(240.0)
    assert row["yoy"] == pytest.approx(240 / 216 - 1)


def test_a_reported_figure_wins_over_an_estimate_of_the_same_period(synthetic_data_copy):
    frame = loaded_with(synthetic_data_copy, "kuaishou,gmv,2025Q3,9990,,RMB_100m,estimate,t-ks-2025-media,test,")
    row = latest(latest_figures(frame), "kuaishou", "gmv")
    assert (str(row["basis"]), row["value"]) == ("reported", pytest.approx(209.0))


def test_yoy_is_not_computed_against_a_figure_of_another_basis(synthetic_data_copy):
    # The year-earlier figure (2024Q3) is now an estimate only.
    frame = loaded_with(synthetic_data_copy, "kuaishou,gmv,2024Q3,1500,,RMB_100m,estimate,t-ks-2024,test,",
                        drop="kuaishou,gmv,2024Q3,")
    row = latest(latest_figures(frame), "kuaishou", "gmv")
    assert str(row["basis"]) == "reported"
    assert math.isnan(row["yoy"])


def test_latest_figures_for_chosen_platforms_and_metrics_in_order(metrics):
    frame = latest_figures(metrics, platforms=["kuaishou", "douyin"], metric_order=["gmv", "dau"])
    assert list(zip(frame["platform"], frame["metric"])) == [
        ("douyin", "gmv"), ("douyin", "dau"), ("kuaishou", "gmv"), ("kuaishou", "dau")]
    assert list(frame.index) == [0, 1, 2, 3]
    only_ttm = latest_figures(metrics, platforms=["pdd"], metric_order=["gmv"])
    assert only_ttm.empty  # pdd has gmv_ttm, not gmv


# --- chart_frame ------------------------------------------------------------------------------

def test_chart_frame_of_quarters_is_ordered_and_labelled(metrics):
    rows = chart_frame(metrics, "kuaishou", "gmv")
    assert len(rows) == 20
    assert list(rows["label"][:2]) == ["2020Q4", "2021Q1"] and rows["label"].iloc[-1] == "2025Q3"
    assert rows["period_end"].is_monotonic_increasing
    assert rows["value"].iloc[0] == pytest.approx(125.0)
    assert set(rows["period_kind"]) == {"quarter"}  # the annual totals stay out
    assert list(rows.index) == list(range(20))


def test_chart_frame_of_fiscal_years_says_fy(metrics):
    rows = chart_frame(metrics, "alibaba", "gmv", kinds=("year", "fiscal_year"))
    assert list(rows["label"]) == ["FY2023", "FY2024", "FY2025"]
    assert rows["value"].tolist() == pytest.approx([8000.0, 8200.0, 8400.0])
    assert chart_frame(metrics, "alibaba", "gmv").empty  # no quarters


def test_chart_frame_leaves_bounds_out_unless_asked(metrics):
    assert list(chart_frame(metrics, "kuaishou", "monthly_buyers")["label"][:1]) == ["2023Q3"]
    with_bounds = chart_frame(metrics, "kuaishou", "monthly_buyers", include_bounds=True)
    assert list(with_bounds["label"][:2]) == ["2022Q4", "2023Q3"]
    assert list(chart_frame(metrics, "douyin", "gmv", kinds=("year",))["label"]) == ["2022", "2023", "2024"]


def test_chart_frame_keeps_one_point_per_period_the_reported_one(synthetic_data_copy):
    frame = loaded_with(synthetic_data_copy, "kuaishou,gmv,2024Q3,3000,,RMB_100m,estimate,t-ks-2024,test,")
    rows = chart_frame(frame, "kuaishou", "gmv")
    assert len(rows) == 20
    point = rows[rows["label"] == "2024Q3"].iloc[0]
    assert (str(point["basis"]), point["value"]) == ("reported", pytest.approx(190.0))
