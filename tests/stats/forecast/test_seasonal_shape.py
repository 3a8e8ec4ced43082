"""The shipped forecasts keep the seasonal turns of a growing, strongly seasonal series (issue 21).

Kuaishou's GMV peaks in Q4 (1.38-1.40 times Q3 in 2022-2024) and falls back in Q1 (0.71-0.72 times
Q4). A forecast whose seasonal swing stays fixed in RMB while the level grows flattens those ratios:
before issue 21 it put 2025Q4 at 1.25 times 2025Q3. Each forecast Q4/Q3 and Q1/Q4 ratio must lie
within the range of the three previous years' ratios, widened by 0.05 each side.
"""

from __future__ import annotations

import pytest

from kreport.dataset.load import load_metrics
from kreport.stats.forecast.engine import forecast
from kreport.stats.forecast.policy import SATURATING, modelled_series

TOLERANCE = 0.05


def _ratio(values, later, earlier):
    return values[later] / values[earlier]


def seasonal_turns(series, result):
    """(label, forecast ratio, lowest and highest of the three previous years) for each Q4/Q3 and Q1/Q4 turn."""
    history = series.dropna()
    path = dict(zip(result.frame["period"], result.frame["forecast"]))
    values = {**history.to_dict(), **path}
    out = []
    for period in result.frame["period"]:
        if period.quarter not in (4, 1):
            continue
        before = period - 1
        if before not in values:
            continue
        past = [_ratio(values, period - 4 * k, before - 4 * k) for k in (1, 2, 3)
                if period - 4 * k in history.index and before - 4 * k in history.index]
        if len(past) < 3:
            continue
        out.append((f"{period}/{before}", _ratio(values, period, before), min(past), max(past)))
    return out


@pytest.fixture(scope="module")
def shipped():
    series = modelled_series(load_metrics(), "kuaishou")
    return {metric: (series[metric], forecast(series[metric], horizon=4, saturating=metric in SATURATING))
            for metric in ("gmv", "revenue_total")}


@pytest.mark.parametrize("metric", ["gmv", "revenue_total"])
def test_shipped_kuaishou_forecast_keeps_its_seasonal_ratios(shipped, metric):
    series, result = shipped[metric]
    turns = seasonal_turns(series, result)
    assert len(turns) >= 2, turns  # a Q4/Q3 and a Q1/Q4 turn inside the four quarters
    for label, ratio, lo, hi in turns:
        assert lo - TOLERANCE <= ratio <= hi + TOLERANCE, (metric, label, round(ratio, 3), round(lo, 3), round(hi, 3))


def test_the_2026q1_revenue_miss_is_found(shipped):
    """Kuaishou's 2026Q1 revenue (33.7 RMB bn) fell below the 95% band of the forecast made from 2025Q3."""
    from kreport.dataset.load import quarterly_series
    from kreport.stats.track_record import misses, track_record

    series, result = shipped["revenue_total"]
    full = quarterly_series(load_metrics(), "kuaishou", "revenue_total")
    missed = misses(track_record({"revenue_total": (full, series, result)}), 95)
    row = missed[(missed["period"] == "2026Q1") & (missed["origin"] == "2025Q3")]
    assert len(row) == 1 and row["actual"].iloc[0] == pytest.approx(33.716)
    assert row["beyond"].iloc[0] < 0  # below the band
