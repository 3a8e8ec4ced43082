"""Every report on a dataset where the headline metric stops (issue 12), on synthetic data.

A copy of tests/fixtures/data in which Kuaishou stops disclosing GMV after 2025Q3 (as the real
Kuaishou does after 2025Q4), and which has 2025Q4 DAU and revenue but no 2025Q4 GMV. Each report
is built for 2025Q4. Forecasts use the three simple models (seconds, not minutes) and no cache.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from kreport.dataset.load import load
from kreport.render.report import open_report
from kreport.sections import brief, comparison, data, platform, trends
from kreport.stats.forecast.engine import forecast
from kreport.stats.forecast.policy import modelled_series

SYNTHETIC = Path(__file__).resolve().parents[1] / "fixtures" / "data"
QUARTER = "2025Q4"
# Revenue in RMB 100m (亿): total and commerce for 2024Q4-2025Q4; GMV stops after 2025Q3.
REVENUE = {"2024Q4": (300, 30), "2025Q1": (280, 28), "2025Q2": (300, 33), "2025Q3": (320, 38), "2025Q4": (340, 41)}


def simple_forecast(metric, series):
    return forecast(series, horizon=4, models=("snaive", "naive", "drift"))


@pytest.fixture(scope="module")
def stopped(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("gmv-stops") / "data"
    shutil.copytree(SYNTHETIC, folder)
    (folder / "disclosures.csv").write_text(
        "platform,metric,event,period,announced,source_id,note\n"
        "kuaishou,gmv,last,2025Q3,2025-08-20,t-ks-2025,synthetic: GMV is not disclosed from 2025Q4\n", encoding="utf-8")
    rows = ["kuaishou,dau,2025Q4,415,,million,reported,t-ks-2025,synthetic test figure,"]
    for period, (total, commerce) in REVENUE.items():
        rows.append(f"kuaishou,revenue_total,{period},{total},,RMB_100m,reported,t-ks-2025,synthetic test figure,")
        rows.append(f"kuaishou,revenue_commerce,{period},{commerce},,RMB_100m,reported,t-ks-2025,synthetic test figure,")
    with open(folder / "metrics.csv", "a", encoding="utf-8") as out:
        out.write("\n".join(rows) + "\n")
    return folder


@pytest.fixture(autouse=True)
def fast_forecasts(monkeypatch):
    for module in (brief, trends):
        monkeypatch.setattr(module, "series_forecast", simple_forecast)


def report(name, stopped, lang="en", **params):
    return open_report(name, QUARTER, lang, data_dir=str(stopped), **params)


def text(markup) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", str(markup)))


def chart_points(markup) -> list[tuple[str, str, str, float, str]]:
    """(platform, metric, period, value, basis) of every plotted point in the chart-data tables."""
    found = []
    for row in re.findall(r"<tr (data-platform=.*?)>", str(markup)):
        fields = dict(re.findall(r'data-([a-z-]+)="([^"]*)"', row))
        found.append((fields["platform"], fields["metric"], fields["period"], float(fields["value"]), fields["basis"]))
    return found


def test_the_data_says_gmv_has_ended(stopped):
    dataset = load(stopped)
    assert str(dataset.last_disclosed("kuaishou", "gmv")) == "2025Q3"
    assert dataset.is_disclosed("kuaishou", "gmv", "2025Q3")
    assert not dataset.is_disclosed("kuaishou", "gmv", QUARTER)


def test_brief_says_gmv_stopped_and_gives_the_nowcast_as_a_model_estimate(stopped):
    rep = report("brief", stopped)
    items = brief._takeaway_items(rep)
    assert items[0] == "Kuaishou stopped disclosing GMV after 2025Q3; the newest GMV in the data is 209 RMB bn for 2025Q3."
    # 2025Q4's DAU and revenue are published: the estimate from them erred less in its backtest than
    # the time-series projection, so the brief gives it, named as a model estimate (issue 21).
    assert items[1].startswith(f"Model estimate of Kuaishou's GMV for {QUARTER}: ")
    assert "not a reported figure; its backtest erred 3.8% on average against 7.2% for the time-series projection" in items[1]
    # Revenue carries on: 340 亿 in 2025Q4 against 300 亿 a year earlier.
    assert "Kuaishou Technology's total revenue was 34.0 RMB bn in 2025Q4, +13.3% on a year earlier." in items


def test_brief_latest_table_marks_gmv_as_no_longer_disclosed(stopped):
    markup = str(brief.latest_table(report("brief", stopped)))
    kuaishou = next(row for row in re.findall(r"<tr>(.*?)</tr>", markup, re.S) if "Kuaishou" in row)
    assert "209 RMB bn · 2025Q3 · YoY +10.0% · no longer disclosed after 2025Q3" in kuaishou
    assert "Kuaishou Technology: 34.0 RMB bn · 2025Q4 · YoY +13.3%" in kuaishou
    assert "No longer disclosed: Kuaishou E-commerce GMV (last: 2025Q3)." in text(markup)


def test_brief_forecast_check_scores_what_is_still_published_and_names_what_ended(stopped):
    markup = brief.forecast_check(report("brief", stopped))
    rows = [[re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row)]
            for row in re.findall(r"<tr>(.*?)</tr>", str(markup), re.S)[1:]]
    assert [(r[0], r[1], r[2], r[5]) for r in rows] == [("Kuaishou", "Average DAU", "2025Q3", "415 million")]
    assert "Ended, so no longer scored: Kuaishou E-commerce GMV (last: 2025Q3)." in text(markup)
    assert "E-commerce GMV" not in "".join(r[1] for r in rows)


def test_platform_profile_says_so_with_the_source(stopped):
    markup = platform.at_a_glance(report("platform", stopped, platform="kuaishou"))
    words = text(markup)
    assert ("Kuaishou stopped disclosing E-commerce GMV after 2025Q3: it said so on 2025-08-20. "
            "Figures for later quarters are model estimates, never reported.") in words
    assert "https://example.org/kreport-tests/ks-2025" in str(markup)
    gmv_row = next(row for row in re.findall(r"<tr>(.*?)</tr>", str(markup), re.S) if "E-commerce GMV" in row)
    assert "2025Q3" in gmv_row and "no longer disclosed after 2025Q3" in gmv_row
    assert "Total revenue (Kuaishou Technology)" in words


def test_trends_draw_the_nowcast_as_a_model_estimate_never_as_reported(stopped):
    rep = report("trends", stopped, platform="kuaishou")
    markup = trends.series_forecasts(rep)
    assert "so the forecast below is a nowcast" in text(markup)
    gmv = [p for p in chart_points(markup) if p[1] == "gmv"]
    after = [p for p in gmv if pd.Period(p[2], "Q-DEC") > pd.Period("2025Q3", "Q-DEC")]
    assert [p[2] for p in after] == ["2025Q4", "2026Q1", "2026Q2", "2026Q3"]
    assert {p[4] for p in after} == {"model"}
    reported = [p for p in gmv if p[4] == "reported"]
    assert max(pd.Period(p[2], "Q-DEC") for p in reported) == pd.Period("2025Q3", "Q-DEC")
    series = modelled_series(rep.data.metrics, "kuaishou")["gmv"]
    expected = simple_forecast("gmv", series).frame
    assert [p[3] for p in after] == pytest.approx(list(expected["forecast"]))


def test_comparison_monetisation_plots_every_revenue_figure_and_the_take_rate_until_gmv_stops(stopped):
    markup = comparison.monetisation(report("comparison", stopped))
    points = chart_points(markup)
    revenue = {(p[0], p[2]): p[3] for p in points if p[1] == "revenue_total"}
    assert revenue == {("kuaishou", q): pytest.approx(t / 10) for q, (t, _) in REVENUE.items()}
    take = {p[2]: p[3] for p in points if p[1] == "take_rate"}
    gmv = load(stopped).metrics.query("platform == 'kuaishou' and metric == 'gmv'").set_index("period")["value"]
    assert take == {q: pytest.approx(c / 10 / gmv[pd.Period(q, "Q-DEC")]) for q, (_, c) in REVENUE.items() if q != "2025Q4"}
    assert "Kling AI" in text(markup)


def test_data_appendix_lists_the_disclosure_record(stopped):
    markup = data.disclosures(report("data", stopped))
    rows = [[re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row)]
            for row in re.findall(r"<tr>(.*?)</tr>", str(markup), re.S)[1:]]
    assert [r[:5] for r in rows] == [["Kuaishou", "E-commerce GMV", "last period disclosed", "2025Q3", "2025-08-20"]]


@pytest.mark.parametrize(("name", "section", "words"), [
    ("brief", brief.latest_table, "已停止披露：快手电商GMV（最后一期：2025Q3）。"),
    ("platform", platform.at_a_glance, "快手在2025Q3之后停止披露电商GMV（于2025-08-20宣布）。"),
    ("comparison", comparison.monetisation, "货币化率：电商收入占GMV的比重"),
    ("data", data.disclosures, "最后披露的一期"),
])
def test_the_chinese_pages_say_it_too(stopped, name, section, words):
    params = {"platform": "kuaishou"} if name == "platform" else {}
    assert words in text(section(report(name, stopped, lang="zh", **params)))


def test_brief_names_new_revenue_figures_for_the_company(stopped, monkeypatch, tmp_path):
    monkeypatch.setattr(brief, "REPORTS_DIR", tmp_path)
    words = text(brief.data_changes(report("brief", stopped)))
    assert "Kuaishou Average DAU, Kuaishou Technology Commerce revenue" in words
    assert "Kuaishou Technology Total revenue" in words


def test_revenue_mix_uses_the_newest_quarter_that_splits_the_total(stopped):
    rows = [[re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row)]
            for row in re.findall(r"<tr>(.*?)</tr>", str(comparison.monetisation(report("comparison", stopped))), re.S)]
    # 2025Q4: total 340, commerce 41 (亿): 12% commerce; no marketing line.
    assert ["Kuaishou Technology (trust e-commerce)", "2025Q4", "34.0 RMB bn", "–", "12.1%"] in rows
