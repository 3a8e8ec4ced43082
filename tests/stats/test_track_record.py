"""The track record (kreport/stats/track_record.py): past forecasts against published figures."""

from types import SimpleNamespace

import pandas as pd

from kreport.stats.track_record import errors_by_horizon, hit_rate, misses, track_record


def result():
    record = pd.DataFrame({"origin": ["2024Q4", "2024Q4", "2025Q1"], "period": ["2025Q1", "2025Q2", "2025Q2"],
                           "h": [1, 2, 1], "forecast": [100.0, 110.0, 108.0], "actual": [101.0, 120.0, 120.0],
                           "lo80": [95.0, 100.0, 104.0], "hi80": [105.0, 118.0, 112.0],
                           "lo95": [90.0, 95.0, 100.0], "hi95": [110.0, 125.0, 116.0]})
    frame = pd.DataFrame({"period": pd.PeriodIndex(["2025Q4", "2026Q1"], freq="Q"), "h": [1, 2],
                          "forecast": [130.0, 125.0], "lo80": [120.0, 115.0], "hi80": [140.0, 135.0],
                          "lo95": [115.0, 110.0], "hi95": [145.0, 140.0]})
    return SimpleNamespace(record=record, frame=frame)


def test_backtest_and_later_published_figures_are_both_scored():
    full = pd.Series([99.0, 101.0, 120.0, 125.0, None, 100.0],
                     index=pd.period_range("2024Q4", periods=6, freq="Q"))
    modelled = full[:"2025Q3"]
    rec = track_record({"revenue_total": (full, modelled, result())})
    assert list(rec["kind"]) == ["backtest", "backtest", "backtest", "shown"]
    shown = rec.iloc[-1]
    assert (shown["period"], shown["origin"], shown["actual"]) == ("2026Q1", "2025Q3", 100.0)
    assert hit_rate(rec, 80) == (1, 4)  # 2025Q1 inside; 120 above both 2025Q2 bands; 100 below 115
    missed = misses(rec, 95)
    assert list(missed["period"]) == ["2025Q2", "2026Q1"]
    assert missed["beyond"].iloc[-1] == 100 / 110 - 1  # 9.1% below the 95% band's lower bound
    by_h = errors_by_horizon(rec)
    assert list(by_h["h"]) == [1, 2] and list(by_h["n"]) == [2, 2]
