"""The growth-trends report (kreport/sections/trends.py) on the synthetic dataset in tests/fixtures/data.

Kuaishou's GMV has 20 quarters in a row and its DAU 16 after a gap, so both are modelled; its MAU
has 13 after a gap and is not. The forecasts themselves are tested in tests/stats/forecast; here the
section's forecast call is swapped for the three simple models (seconds instead of a minute) and
nothing is written to the project's cache.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd
import pytest

from kreport.render.report import open_report
from kreport.sections import trends
from kreport.stats.forecast.engine import forecast
from kreport.stats.forecast.policy import SATURATING

DATA = str(Path(__file__).resolve().parents[1] / "fixtures" / "data")
FORECAST_CALLS: list[tuple] = []


def simple_forecast(metric, series):
    FORECAST_CALLS.append((series.name, 4, metric in SATURATING))
    return forecast(series, horizon=4, models=("snaive", "naive", "drift"))


@pytest.fixture(scope="module")
def fast_forecasts():
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(trends, "series_forecast", simple_forecast)
        yield


def kuaishou(lang="en", quarter="2025Q3"):
    return open_report("trends", quarter, lang, platform="kuaishou", data_dir=DATA)


def rows(markup) -> list[list[str]]:
    """The body rows of the first table in ``markup``, as cell texts."""
    body = re.search(r"<tbody>(.*?)</tbody>", str(markup), re.S).group(1)
    return [[re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def test_method_names_the_minimum_run():
    markup = str(trends.method(kuaishou()))
    assert markup.startswith('<h2 id="s1">1. How the forecasts are made</h2>')
    assert "at least 16 consecutive quarters" in markup


def test_coverage_says_which_series_are_modelled():
    assert rows(trends.coverage(kuaishou())) == [
        ["E-commerce GMV", "20", "2020Q4–2025Q3", "modelled below"],
        ["Average DAU", "19", "2021Q4–2025Q3", "modelled below"],  # 16 quarters after the 2021Q3 gap
        ["Average MAU", "18", "2022Q3–2025Q3", "too short: described only"],  # 13 after the 2022Q2 gap
        ["Average monthly active buyers", "8", "2023Q3–2025Q2", "too short: described only"],  # the bound left out
        ["Annual active buyers", "0", "–", "annual figures only"],
        ["Repurchase rate", "2", "2025Q2–2025Q2", "too short: described only"],
    ]


def test_coverage_of_a_platform_with_nothing_to_model_says_so():
    rep = open_report("trends", "2025Q3", "en", platform="alibaba", data_dir=DATA)
    markup = trends.coverage(rep)
    assert rows(markup)[0] == ["E-commerce GMV", "0", "–", "annual figures only"]
    assert 'class="callout "' in str(markup)  # no forecast will be shown: a caveat says why
    assert str(trends.series_forecasts(rep)) == ""


def test_coverage_follows_the_quarter():
    # As of 2024Q3 the DAU run after the gap is 12 quarters: too short.
    table = rows(trends.coverage(kuaishou(quarter="2024Q3")))
    assert table[1] == ["Average DAU", "15", "2021Q4–2024Q3", "too short: described only"]


def test_breaks_at_the_platforms_events():
    table = rows(trends.breaks(kuaishou()))
    assert [row[:4] for row in table] == [
        ["E-commerce GMV", "Synthetic event: trust campaign (2021Q2)", "– (n=0)", "+16% (n=16)"],
        ["E-commerce GMV", "Synthetic event: shelf launch (2023Q1)", "+20% (n=5)", "+13% (n=10)"],
        ["Average DAU", "Synthetic event: trust campaign (2021Q2)", "– (n=0)", "+6% (n=15)"],
        ["Average DAU", "Synthetic event: shelf launch (2023Q1)", "+9% (n=4)", "+5% (n=10)"],
    ]
    # Growth before the 2023 event: 2021Q4-2022Q4, each +20% on the year before.
    assert table[0][4:] == ["–", "–", "too few quarters to test"]  # nothing before 2021Q2 to compare
    assert table[1][6] == "small p-value, but only 5 quarters on one side: weak evidence"  # p small, 5 quarters before
    assert re.fullmatch(r"-\d+\.\d \[-\d+\.\d, -\d+\.\d\]", table[1][4])


def test_breaks_without_a_modelled_series_say_so():
    rep = open_report("trends", "2025Q3", "zh", platform="alibaba", data_dir=DATA)
    markup = str(trends.breaks(rep))
    assert "没有战略事件或序列过短，无法检验。" in markup and "<table" not in markup


def test_annual_growth_is_the_cagr_of_the_annual_figures():
    assert rows(trends.annual_growth(kuaishou())) == [
        ["E-commerce GMV", "2021–2024", f"{(765 / 480) ** (1 / 3) - 1:+.1%}"]]  # +16.8%
    alibaba = open_report("trends", "2025Q3", "en", platform="alibaba", data_dir=DATA)
    assert rows(trends.annual_growth(alibaba)) == [["E-commerce GMV", "FY2023–FY2025", f"{(8400 / 8000) ** 0.5 - 1:+.1%}"]]
    douyin = open_report("trends", "2025Q3", "en", platform="douyin", data_dir=DATA)
    assert rows(trends.annual_growth(douyin)) == [  # the 2021 'over' bound is left out: 2022-2024
        ["E-commerce GMV", "2022–2024", f"{(3000 / 1400) ** 0.5 - 1:+.1%}"]]


def test_series_forecasts_for_each_modelled_series(fast_forecasts):
    FORECAST_CALLS.clear()
    rep = kuaishou()
    markup = str(trends.series_forecasts(rep))
    # GMV is not a user count; DAU is, so its saturating curves are asked for.
    # (each asked for again by the track record at the end; the build caches them)
    assert list(dict.fromkeys(FORECAST_CALLS)) == [("kuaishou.gmv", 4, False), ("kuaishou.dau", 4, True)]
    assert [h for h in re.findall(r"<h2 [^>]*>(.*?)</h2>", markup)] == [
        "1. E-commerce GMV: backtest and forecast", "2. Average DAU: backtest and forecast",
        "3. Track record: past forecasts against published figures"]
    # a backtest and a residual table each, then the track record by horizon and forecast by forecast
    assert markup.count("<figure") == 2 and markup.count('id="tab') == 6
    assert "Forecast from " in markup and "in 2026Q3, 80% interval " in markup
    assert "forecast shown (weighted mean of Theta, ETS, ARIMA)" in markup
    # DAU is fitted after its gap, and the note says so in the report's language.
    assert "models fitted on the 16 quarters after the last gap (2021Q4 on)" in markup


def test_series_forecasts_in_chinese(fast_forecasts):
    markup = str(trends.series_forecasts(kuaishou("zh")))
    assert "模型基于最近一次数据缺口之后的16个季度拟合（自2021Q4起）" in markup
    assert "models fitted" not in markup


def test_headlines_are_the_last_forecast_of_the_first_two_series(fast_forecasts):
    record = trends.headlines(kuaishou()).data
    labels = [h["label"] for h in record["headlines"]]
    assert labels == ["E-commerce GMV 2026Q3 (forecast)", "Average DAU 2026Q3 (forecast)"]  # called a forecast
    assert all(re.fullmatch(r"\d[\d,]* (RMB bn|million) \[\d[\d,]* (RMB bn|million)–\d[\d,]* (RMB bn|million)\]",
                            h["value"]) for h in record["headlines"])


def test_the_backtest_table_shows_the_forecast_shown_once_when_it_is_the_fixed_combination():
    rep = kuaishou()
    scores = {"mase": 0.5, "smape": 8.0, "coverage80_raw": 0.8, "coverage80_cal": 0.9, "coverage95_raw": 0.95,
              "coverage95_cal": 1.0, "n": 10}
    table = pd.DataFrame([{"model": m, "h": 1, **scores} for m in ("auto", "combo")]
                         + [{"model": "snaive", "h": 1, **scores, "mase": 1.0}])
    names = [r[0] for r in rows(trends._score_table(rep, table))]
    assert names == ["forecast shown (weighted mean of Theta, ETS, ARIMA)", "seasonal naive"]
    table.loc[table["model"] == "combo", "mase"] = 0.6  # another procedure: both rows stay
    assert len(rows(trends._score_table(rep, table))) == 3


def test_track_record_rows_carry_the_forecast_and_the_published_figure(fast_forecasts):
    rep = kuaishou()
    markup = str(trends.series_forecasts(rep))
    table = re.search(r'<table class="data-table forecast-record">(.*?)</table>', markup, re.S).group(1)
    rows = re.findall(r'<tr class="forecast-row" (data-[^>]*)>', table)
    assert len(rows) >= 12
    from kreport.dataset.load import quarterly_series

    for row in rows:
        attrs = dict(re.findall(r'data-([a-z0-9]+)="([^"]*)"', row))
        assert {"platform", "metric", "period", "origin", "value", "actual", "lo80", "hi80"} <= set(attrs)
        assert attrs["origin"] < attrs["period"]  # made before the quarter it forecasts
        published = quarterly_series(rep.data.metrics, attrs["platform"], attrs["metric"])[attrs["period"]]
        assert float(attrs["actual"]) == pytest.approx(published, rel=1e-5)  # the figure in the data
    assert re.search(r"\d+ of the last \d+ published figures fell inside their forecast.{1,6}s 80% band", markup)


def test_series_too_short_to_model_are_described_not_left_empty():
    markup = re.sub(r"<[^>]+>", "", str(trends.coverage(kuaishou())))
    assert "Series too short to forecast, described with what their figures allow:" in markup
    assert re.search(r"Average MAU: 18 quarterly figures between \S+ and 2025Q3; the newest is ", markup)
    assert "on the same quarter a year earlier" in markup and "compound annual growth" in markup


def test_shipped_2026q1_kuaishou_page_carries_a_track_record_of_published_figures(fast_forecasts):
    """On the shipped data (simple models for speed): at least 12 past forecasts, each against the figure in data/."""
    from kreport.dataset.load import quarterly_series

    rep = open_report("trends", "2026Q1", "en", platform="kuaishou")
    markup = str(trends.series_forecasts(rep))
    rows = [dict(re.findall(r'data-([a-z0-9]+)="([^"]*)"', row))
            for row in re.findall(r'<tr class="forecast-row" (data-[^>]*)>', markup)]
    assert len(rows) >= 12
    for row in rows:
        published = quarterly_series(rep.data.metrics, row["platform"], row["metric"])[row["period"]]
        assert float(row["actual"]) == pytest.approx(published, rel=1e-5)
    # 2026Q1 revenue followed the missing 2025Q4: the forecast from 2025Q3 is scored against it.
    assert any(r["metric"] == "revenue_total" and r["period"] == "2026Q1" and r["origin"] == "2025Q3" for r in rows)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_results_quarter_missing_from_the_data_is_said_plainly(tmp_path, lang):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    lines = (data / "metrics.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not (line.startswith("kuaishou,") and ",2024Q2," in line)]  # Kuaishou's whole 2024Q2
    (data / "metrics.csv").write_text("".join(kept), encoding="utf-8")
    markup = str(trends.coverage(open_report("trends", "2025Q3", lang, platform="kuaishou", data_dir=str(data))))
    assert ("results for 2024Q2 are not in the data" if lang == "en" else "2024Q2的业绩不在本数据中") in markup
    assert "not in the data" not in str(trends.coverage(kuaishou("en")))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_forecast_that_lost_to_seasonal_naive_is_said_plainly_where_it_is_shown(lang):
    # Issue 21: the mean stays the forecast, and the page, the headline included, says it lost.
    def losing(metric, series):
        result = forecast(series, horizon=4, models=("snaive", "naive", "drift"))
        return type(result)(**{**result.__dict__, "auto_mase": 1.08, "snaive_mase": 0.95})

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(trends, "series_forecast", losing)
        rep = kuaishou(lang)
        markup = html.unescape(re.sub(r"<[^>]+>", "", str(trends.series_forecasts(rep))))
        labels = [h["label"] for h in trends.headlines(rep).data["headlines"]]
    said = {"en": "erred more than seasonal naive, which repeats last year's same quarter (MASE 1.08 against 0.95)",
            "zh": "误差高于重复去年同季的季节性朴素（MASE 1.08对0.95）"}[lang]
    assert markup.count(said) == 2  # once for each modelled series
    weak = {"en": "(forecast; it erred more than seasonal naive in its backtest)", "zh": "（预测；其回测误差高于季节性朴素）"}[lang]
    assert all(label.endswith(weak) for label in labels) and len(labels) == 2
