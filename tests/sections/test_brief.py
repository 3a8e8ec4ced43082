"""The quarterly brief (kreport/sections/brief.py) on the synthetic dataset in tests/fixtures/data.

Every expected figure is computed by hand from tests/fixtures/data/metrics.csv.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from kreport.render.report import open_report
from kreport.sections import brief

DATA = Path(__file__).resolve().parents[1] / "fixtures" / "data"


def brief_of(quarter="2025Q3", lang="en", data_dir=DATA):
    return open_report("brief", quarter, lang, data_dir=str(data_dir))


def test_takeaways_are_computed_from_the_data():
    items = brief._takeaway_items(brief_of())
    assert items[:5] == [
        # 2025Q3 GMV 2090亿 = 209 bn against 190 bn in 2024Q3.
        "Kuaishou's e-commerce GMV was 209 RMB bn in 2025Q3, +10.0% on a year earlier.",
        # 2024Q3 grew 190 / 173 - 1 = +9.8%: within half a point of +10.0%, so steady.
        "GMV growth is steady: +10.0% year on year, against +9.8% in 2024Q3.",
        # DAU 410 against 390 million: +5.1%, more than half of GMV's +10%: no 'users grow far more slowly'.
        # 410 million is above every earlier quarter: a record. DAU +5.1% is more than half of GMV's +10.0%: no attribution.
        "Kuaishou's average DAU reached a record 410 million in 2025Q3, +5.1% on a year earlier.",
        # 209 bn × 4 / 410 million = RMB 2,039; 190 × 4 / 390 = RMB 1,949.
        "Annualised GMV per daily active user was RMB 2,039 in 2025Q3, up from RMB 1,949 a year earlier.",
        # The newest year with both: 2024, Douyin ≈3,000 bn (estimate) / Kuaishou 765 bn = 3.9.
        "Douyin's estimated 2024 GMV (≈3,000 RMB bn, a media estimate) was about 3.9 times Kuaishou's reported 765 RMB bn.",
    ]
    # Every shelf platform's newest GMV, newest first: never one platform's figure alone.
    assert items[5].startswith("The newest shelf-e-commerce GMV figures in the data are old: Taobao & Tmall 8,400 RMB bn (FY2025); ")
    assert len(items) == 6


def test_the_shelf_takeaway_names_a_fiscal_year_as_such():
    assert "Taobao & Tmall 8,400 RMB bn (FY2025)" in brief._takeaway_items(brief_of())[5]


def test_takeaways_follow_the_quarter_and_language():
    items = brief._takeaway_items(brief_of("2023Q4", "zh"))
    assert "2160亿元" in items[0] and "+20.0%" in items[0] and "2023Q4" in items[0]
    # DAU 375 against 355 million (+5.6%) is under half of GMV's +20%: growth comes from spending.
    assert "3.75亿" in items[2] and "+5.6%" in items[2] and "人均消费" in items[2]
    assert "拼多多3.6万亿元（2023Q4）" in items[5]  # as of 2023Q4 the newest shelf GMV is PDD's twelve months; never 36,000亿元


def test_a_slowdown_is_called_one(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / "metrics.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("kuaishou,gmv,2025Q3,2090,", "kuaishou,gmv,2025Q3,1995,"),
                    encoding="utf-8")
    items = brief._takeaway_items(brief_of(data_dir=data))
    assert items[1] == "GMV growth is slowing: +5.0% year on year, against +9.8% in 2024Q3."  # 199.5 / 190


def test_a_brief_before_any_kuaishou_figure_has_takeaways_without_it():
    items = brief._takeaway_items(brief_of("2020Q3"))  # the synthetic data starts in 2020Q4
    assert items == []


def test_latest_table_marks_estimates_bounds_and_twelve_month_figures():
    markup = str(brief.latest_table(brief_of()))
    cells = {re.sub(r"<[^>]+>", "", row.split("</td>")[0]): row for row in re.findall(r"<tr>(.*?)</tr>", markup, re.S)[1:]}
    assert list(cells) == ["Kuaishou", "Douyin", "Taobao &amp; Tmall", "Pinduoduo"]
    assert "209 RMB bn · 2025Q3 · YoY +10.0%" in cells["Kuaishou"]
    assert "132 million · 2025Q2 · YoY +10.0%" in cells["Kuaishou"]  # monthly buyers: 132 / 120
    assert "72% · 2025Q2" in cells["Kuaishou"]
    assert "≈3,000 RMB bn · 2024 · YoY +36.4% · estimate *" in cells["Douyin"]  # 3000 / 2200
    assert "8,400 RMB bn · FY2025 · YoY +2.4%" in cells["Taobao &amp; Tmall"]
    assert "&gt;900 million · 2024Q1 · twelve months" in cells["Taobao &amp; Tmall"]  # a bound: no YoY
    assert "≈4,000 RMB bn · 2024Q4 · YoY +11.1% · twelve months" in cells["Pinduoduo"]


# --- last quarter's forecast against this quarter -----------------------------------------------

class NaiveResult:
    """What the section reads of a forecast: a frame whose first row is one quarter ahead."""

    def __init__(self, series: pd.Series):
        last = series.dropna().iloc[-1]
        self.frame = pd.DataFrame({"period": [series.index[-1] + 1], "forecast": [last], "lo80": [0.97 * last],
                                   "hi80": [1.03 * last]})


@pytest.fixture
def naive_forecasts(monkeypatch):
    calls = []

    def fake_forecast(metric, series):
        calls.append((series.name, str(series.index[-1]), metric))
        return NaiveResult(series)

    monkeypatch.setattr(brief, "series_forecast", fake_forecast)
    return calls


def test_forecast_check_compares_last_quarters_forecast_with_the_figure(naive_forecasts):
    markup = str(brief.forecast_check(brief_of()))
    # What was modelled at 2025Q2: Kuaishou's GMV. DAU had 15 quarters after its gap then, one too few.
    # (then the track record asks for each series as it stands now)
    assert naive_forecasts[0] == ("kuaishou.gmv", "2025Q2", "gmv")
    assert ("kuaishou.dau", "2025Q2", "dau") not in naive_forecasts
    rows = [[re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row)]
            for row in re.findall(r"<tr>(.*?)</tr>", markup, re.S)[1:]]
    assert rows == [
        # 192.5 forecast, 80% interval 186.7-198.3: 209 is outside, +8.6% off.
        ["Kuaishou", "E-commerce GMV", "2025Q2", "192 RMB bn", "187 RMB bn – 198 RMB bn", "209 RMB bn", "+8.6%", "no"],
    ]


def test_forecast_check_without_a_figure_for_the_quarter_says_so(naive_forecasts):
    markup = str(brief.forecast_check(brief_of("2025Q4")))
    assert "No modelled series has a published figure for 2025Q4 yet." in markup
    # The only forecasts asked for are the track record's: each series as it stands now.
    from kreport.stats.forecast.policy import modelled_series

    rep = brief_of("2025Q4")
    now = {(s.name, str(s.index[-1])) for s in modelled_series(rep.data.metrics, "kuaishou").values()}
    assert {(name, end) for name, end, _ in naive_forecasts} <= now


# --- what changed in the data ---------------------------------------------------------------------

def test_data_changes_without_last_quarters_build(tmp_path, monkeypatch):
    monkeypatch.setattr(brief, "REPORTS_DIR", tmp_path)
    items = re.findall(r"<li>(.*?)</li>", str(brief.data_changes(brief_of())))
    assert items == [
        "3 figures for periods ending after last quarter (new in 2025Q3): "
        "Kuaishou Average DAU, Kuaishou Average MAU, Kuaishou E-commerce GMV.",
        "No build of 2025Q2 was kept here, so revisions cannot be listed.",
    ]


def test_data_changes_list_revisions_against_last_quarters_snapshot(tmp_path, monkeypatch):
    from kreport.config import SNAPSHOT

    monkeypatch.setattr(brief, "REPORTS_DIR", tmp_path)
    lines = (DATA / "metrics.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    old = [line.replace("kuaishou,gmv,2025Q2,1925,", "kuaishou,gmv,2025Q2,1900,") for line in lines
           if not line.startswith("pdd,gmv_ttm,2023Q2,")]  # added since
    old.append("jd,gmv,2016,9392,,RMB_100m,reported,t-unused,removed since,\n")
    (tmp_path / "2025Q2").mkdir()
    (tmp_path / "2025Q2" / SNAPSHOT).write_text("".join(old), encoding="utf-8")
    items = re.findall(r"<li>(.*?)</li>", str(brief.data_changes(brief_of())))
    assert items[1:] == ["Against the data of the 2025Q2 build: 1 rows added, 1 revised, 1 removed.",
                         "Revised: kuaishou gmv 2025Q2: 1900 → 1925."]


def test_headlines_are_the_first_two_takeaways():
    record = brief.headlines(brief_of()).data
    assert [h["label"] for h in record["headlines"]] == ["1", "2"]
    assert record["headlines"][0]["value"].startswith("Kuaishou's e-commerce GMV was 209 RMB bn in 2025Q3")


@pytest.mark.parametrize(("now", "before", "en_word", "zh_word"), [
    (3280.0, 3075.0, "up from", "高于"), (3075.0, 3280.0, "down from", "低于"), (3075.0, 3075.0, "the same as", "持平")])
def test_the_comparison_word_follows_the_sign_of_the_change(now, before, en_word, zh_word):
    """Issue 10: the English brief said "RMB 3,075 in 2025Q3, up from RMB 3,280"."""
    from kreport.render.text import t

    direction = "same" if now == before else ("up" if now > before else "down")
    for lang, word in (("en", en_word), ("zh", zh_word)):
        text = t(f"brief.tk.per_dau.{direction}", lang, period="2025Q3", value=f"{now:,.0f}", before=f"{before:,.0f}")
        assert word in text
        assert ("down" not in text and "低于" not in text) if direction == "up" else ("up from" not in text and "高于" not in text)


def test_a_figure_just_outside_the_band_does_not_read_as_its_edge():
    # 2026Q1: Kuaishou's DAU (413 million) fell just under the 80% band "413 million – 430 million"; a bare "no" beside two
    # equal-looking numbers reads as a contradiction, so the column says which edge it missed.
    from kreport.sections.brief import _inside_word

    assert _inside_word(True, 420.0, 413.04, 430.0, "million", "en") == "yes"
    assert _inside_word(False, 413.0, 413.04, 430.0, "million", "en") == "no.just_below"
    assert _inside_word(False, 413.02, 400.0, 413.01, "million", "zh") == "no.just_above"  # 4.13亿 both
    assert _inside_word(False, 400.0, 413.04, 430.0, "million", "en") == "no"  # plainly outside: a plain no
