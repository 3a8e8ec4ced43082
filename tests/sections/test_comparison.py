"""Trust vs interest vs shelf (kreport/sections/comparison.py) on the synthetic dataset in tests/fixtures/data."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from kreport.render.report import open_report
from kreport.sections import comparison

DATA = str(Path(__file__).resolve().parents[1] / "fixtures" / "data")


def comparison_of(quarter="2025Q3", lang="en"):
    return open_report("comparison", quarter, lang, data_dir=DATA)


def chart_points(markup) -> list[tuple[str, str, str, float]]:
    """(platform, metric, period, value) of every point in the data behind the charts of ``markup``."""
    return [(p, m, period, float(v)) for p, m, period, v in re.findall(
        r'<tr data-platform="([^"]*)" data-metric="([^"]*)" data-period="([^"]*)" data-value="([^"]*)"', str(markup))]


def test_annual_gmv_maps_twelve_month_q4_to_calendar_year():
    frame = comparison.annual_gmv(comparison_of())
    pdd = frame[frame["platform"] == "pdd"].set_index("year_label")["value"]
    assert pdd.to_dict() == {"2022": 3000.0, "2023": 3600.0, "2024": 4000.0}  # 2023Q2's twelve months are left out
    assert set(frame[frame["platform"] == "pdd"]["span"]) == {pd.Period(y, "Y-DEC") for y in ("2022", "2023", "2024")}
    alibaba = frame[frame["platform"] == "alibaba"]
    assert list(alibaba["year_label"]) == ["FY2023", "FY2024", "FY2025"]
    assert set(alibaba["period_kind"]) == {"fiscal_year"}
    assert list(frame[frame["platform"] == "kuaishou"]["value"]) == [480.0, 576.0, 691.0, 765.0]
    assert len(frame) == 14


def test_growth_paths_compare_like_years_only():
    points = chart_points(comparison.growth_paths(comparison_of()))
    growth = {(p, period): v for p, _, period, v in points}
    assert growth[("kuaishou", "2022")] == pytest.approx(576 / 480 - 1)
    assert growth[("douyin", "2023")] == pytest.approx(2200 / 1400 - 1)
    assert growth[("alibaba", "FY2025")] == pytest.approx(8400 / 8200 - 1)
    assert growth[("pdd", "2024Q4")] == pytest.approx(4000 / 3600 - 1)
    assert ("douyin", "2022") not in growth  # 2021 is only a lower bound
    assert len(points) == 3 + 2 + 2 + 2
    assert {m for _, m, _, _ in points} == {"gmv_yoy", "gmv_ttm_yoy"}


def test_indexed_chart_leaves_out_platforms_without_a_base_year_figure():
    markup = str(comparison.indexed(comparison_of()))
    # Alibaba reports fiscal years only: no calendar 2022 to index to.
    assert "Not shown (no exact calendar-year figure for 2022): Taobao &amp; Tmall" in markup
    index = {(p, period): v for p, _, period, v in chart_points(markup)}
    assert index[("kuaishou", "2022")] == pytest.approx(100.0)
    assert index[("kuaishou", "2024")] == pytest.approx(100 * 765 / 576)
    assert index[("douyin", "2024")] == pytest.approx(100 * 3000 / 1400)
    assert not any(p == "alibaba" for p, _ in index)


def test_indexing_needs_two_platforms_with_a_base_year():
    markup = str(comparison.indexed(comparison_of("2022Q3")))  # no calendar-2022 figure has ended yet
    assert "The data has too few comparable figures for this." in markup and "<figure" not in markup


def test_gmv_per_user_on_each_platforms_own_measure():
    markup = str(comparison.per_user(comparison_of()))
    rows = [[re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row)]
            for row in re.findall(r"<tr>(.*?)</tr>", markup, re.S)[1:]]
    assert rows == [
        # 209 bn × 4 / 410 million DAU
        ["Kuaishou (trust e-commerce)", "2025Q3", "RMB 2,039", "quarterly GMV × 4 per average DAU", "reported"],
        # 4,000 bn / 900 million annual buyers, twelve months to 2024Q4; the figures rest on one media page each,
        # so the ratio is only as sure as they are
        # Taobao & Tmall: FY2023 GMV 8,000 bn against the annual buyers counted to March 2023 (the year's last quarter)
        ["Taobao &amp; Tmall (shelf e-commerce)", "FY2023", "RMB 9,091", "yearly GMV per annual active buyer", "reported"],
        ["Pinduoduo (shelf e-commerce)", "2024Q4", "RMB 4,444", "twelve-month GMV per annual active buyer", "reported, single source"],
    ]


def test_loyalty_shows_penetration_and_the_published_repurchase_rates():
    markup = str(comparison.loyalty(comparison_of()))
    assert markup.count("<figure") == 1  # only Kuaishou has monthly buyers and MAU
    penetration = {period: v for _, m, period, v in chart_points(markup) if m == "buyer_penetration"}
    assert penetration["2025Q2"] == pytest.approx(132 / 770)
    assert len(penetration) == 8  # 2023Q3-2025Q2
    table = re.findall(r'<table class="data-table">.*?</table>', markup, re.S)[-1]
    rows = [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]]
    assert [row[1:3] for row in rows] == [["2024Q4", "70%"], ["2025Q2", "72%"]]


def test_convergence_lists_the_events_since_may_2022_in_date_order():
    markup = str(comparison.convergence(comparison_of()))
    table = re.findall(r"<table.*?</table>", markup, re.S)[-1]
    rows = [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]]
    assert rows == [
        ["1", "2022-05-20", "Douyin", "Synthetic event: mall tab"],
        ["2", "2023-03-01", "Kuaishou", "Synthetic event: shelf launch"],
        ["3", "2024-09-10", "Taobao &amp; Tmall", "Synthetic event: content feed"],
    ]
    assert "trust campaign" not in markup  # 2021-06-15 is before May 2022


def test_contrast_table_names_the_three_models():
    markup = str(comparison.contrast(comparison_of(lang="zh")))
    header = re.search(r"<thead>(.*?)</thead>", markup).group(1)
    assert re.findall(r"<th>(.*?)</th>", header)[1:] == ["信任电商", "兴趣电商", "货架电商"]


def test_headlines_lead_with_the_quarters_comparison_not_old_gmv():
    record = comparison.headlines(comparison_of()).data
    values = [h["value"] for h in record["headlines"]]
    # Douyin ≈3,000 (estimate) against 2,200 a year earlier: +36.4%; Kuaishou 765 against 691: +10.7%.
    assert values[0] == "In 2024 Kuaishou's GMV grew +10.7%, slower than Douyin's +36.4% (an estimate): interest e-commerce is gaining on trust e-commerce."




@pytest.mark.parametrize("lang", ["en", "zh"])
def test_market_share_charts_full_years_and_tables_every_span(market_data, lang):
    data = market_data("china,online_retail_physical,2024Q2,6000,,RMB_bn,reported", "china,online_retail_physical,2024,13000,,RMB_bn,reported")
    rep = open_report("comparison", "2025Q3", lang, data_dir=str(data))
    markup = str(comparison.market_share(rep))
    points = {(p, period): v for p, m, period, v in chart_points(markup) if m == "gmv_share_online_retail"}
    assert points[("kuaishou", "2024")] == pytest.approx(765 / 13000)
    assert points[("douyin", "2024")] == pytest.approx(3000 / 13000)
    assert ("kuaishou", "2024Q2") not in points  # January-June is in the table, not on the yearly chart
    assert ("Jan–Jun 2024" if lang == "en" else "2024年1–6月") in markup
    assert f"{100 * (160 + 175) / 6000:.2f}%" in markup  # Kuaishou's 2024Q1 + Q2 against January-June
    assert "alibaba" not in {p for p, _ in points}  # a fiscal year is never set against a calendar year
    assert "china" not in {p for p, _ in points}


def test_market_share_without_a_market_says_so():
    markup = str(comparison.market_share(comparison_of()))
    assert "no platform GMV for the same months" in markup
    assert "chart-data" not in markup


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_buyers_are_shown_on_their_own_measures_never_mixed(lang):
    markup = str(comparison.buyers_and_shelves(comparison_of(lang=lang)))
    points = chart_points(markup)
    annual = {(p, period): v for p, m, period, v in points if m == "annual_buyers"}
    assert annual[("pdd", "2023Q4")] == pytest.approx(860)
    assert annual[("alibaba", "2024Q1")] == pytest.approx(900)  # "over 9 (100m)": drawn as a bound
    assert not any(m == "monthly_buyers" for _, m, _, _ in points)  # a monthly count is never drawn on the annual chart
    # The table: each platform's newest count on each measure it publishes, with the measure named.
    assert ("Average monthly active buyers" if lang == "en" else "月活跃买家") in markup
    assert "2025Q2" in markup  # Kuaishou's newest monthly buyers


def test_no_shelf_share_in_the_data_says_so():
    markup = str(comparison.buyers_and_shelves(comparison_of()))
    assert "Shelf share of GMV on the content platforms" in markup
    assert "shelf_gmv_share" not in markup
