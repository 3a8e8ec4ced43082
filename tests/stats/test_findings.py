"""The comparison's conclusion (kreport/stats/findings.py) is computed from the data: flip a measure, the finding flips."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import kreport
from kreport.render.findings import caveat_sentence, finding_sentence
from kreport.render.report import open_report
from kreport.sections import comparison
from kreport.stats.findings import findings, revenue_growth

DATA = Path(__file__).resolve().parents[1] / "fixtures" / "data"

# Quarterly total revenue (RMB bn) of three listed companies, a year apart: Kuaishou +10%, Alibaba +5%, PDD +8%.
_REVENUE = {"kuaishou": ("t-ks-2025", 30.0, 33.0), "alibaba": ("t-ks-2025", 200.0, 210.0), "pdd": ("t-ks-2025", 100.0, 108.0)}


def _data(tmp_path, kuaishou_now=33.0, pdd_basis="reported") -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    lines = []
    for platform, (source, before, now) in _REVENUE.items():
        now = kuaishou_now if platform == "kuaishou" else now
        basis = pdd_basis if platform == "pdd" else "reported"
        lines.append(f"{platform},revenue_total,2024Q3,{before},,RMB_bn,{basis},{source},synthetic,")
        lines.append(f"{platform},revenue_total,2025Q3,{now},,RMB_bn,{basis},{source},synthetic,")
    with open(data / "metrics.csv", "a", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    return data


def _revenue_finding(data: Path):
    dataset = kreport.load(data)
    return next(f for f in findings(dataset.metrics, dataset.platforms, "2025Q3") if f.code == "revenue_growth")


def test_kuaishou_growing_faster_than_the_others_is_ahead_and_flipping_it_makes_it_behind(tmp_path):
    ahead = _revenue_finding(_data(tmp_path / "a"))
    assert ahead.direction == "ahead"
    assert ahead.values["latest"]["kuaishou"][1] == pytest.approx(0.10)
    assert ahead.values["gap"] == pytest.approx(0.10 - 0.065)  # the middle of Alibaba's +5% and PDD's +8%
    behind = _revenue_finding(_data(tmp_path / "b", kuaishou_now=30.6))  # +2%
    assert behind.direction == "behind"


def test_a_finding_resting_on_an_estimate_says_so(tmp_path):
    data = _data(tmp_path, pdd_basis="estimate")
    finding = _revenue_finding(data)
    assert finding.grade == "estimate"
    rep = open_report("comparison", "2025Q3", "en", data_dir=str(data))
    sentence = finding_sentence(rep, finding)
    assert "PDD Holdings +8.0% (2025Q3) (an estimate)" in sentence
    assert caveat_sentence(rep, finding).startswith("these are whole-company revenues")


def test_revenue_growth_marks_a_change_across_a_scope_break(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    with open(data / "metrics.csv", "a", encoding="utf-8") as out:
        out.write("kuaishou,revenue_commerce,2024Q2,3.0,,RMB_bn,reported,t-ks-2025,synthetic,\n"
                  "kuaishou,revenue_commerce,2025Q2,4.0,,RMB_bn,reported,t-ks-2025,synthetic,\n")
    frame = revenue_growth(kreport.load(data).metrics, ["kuaishou"], "revenue_commerce")
    row = frame.iloc[0]
    assert (str(row["period"]), row["metric"], row["break"]) == ("2025Q2", "revenue_commerce_yoy", "kling")


def test_the_comparison_opens_with_its_conclusion(tmp_path):
    rep = open_report("comparison", "2025Q3", "zh", data_dir=str(_data(tmp_path)))
    markup = str(comparison.conclusion(rep))
    assert markup.startswith('<section id="conclusion"')
    assert markup.count('<li>') >= 2 and "保留意见" in markup


def _market_rows(year_2024: float, basis_2024: str = "reported") -> tuple[str, str]:
    return ("china,online_retail_physical,2023,10000,,RMB_bn,reported",
            f"china,online_retail_physical,2024,{year_2024},,RMB_bn,{basis_2024}")


def _market_finding(data: Path, quarter="2025Q3"):
    dataset = kreport.load(data)
    return next((f for f in findings(dataset.metrics, dataset.platforms, quarter) if f.code == "market_share.kuaishou"), None)


def test_kuaishous_share_of_online_retail_rising_is_up_and_flipping_it_makes_it_down(market_data):
    up = _market_finding(market_data(*_market_rows(10000), folder="a"))  # 6.91% -> 7.65% of the same market
    assert up.direction == "up"
    assert up.values["change"] == pytest.approx(765 / 10000 - 691 / 10000)
    down = _market_finding(market_data(*_market_rows(12000), folder="b"))  # 765 / 12000 = 6.4%
    assert down.direction == "down"
    rep = open_report("comparison", "2025Q3", "en", data_dir=str(market_data(*_market_rows(10000), folder="c")))
    sentence = finding_sentence(rep, up)
    assert "7.65%" in sentence and "2024 (full year)" in sentence and "2023 (full year)" in sentence
    assert "not a market share" in caveat_sentence(rep, up)


def test_a_market_share_finding_on_an_estimate_says_so(market_data):
    data = market_data(*_market_rows(10000, basis_2024="estimate"))
    found = _market_finding(data)
    assert found.grade == "estimate"
    rep = open_report("comparison", "2025Q3", "zh", data_dir=str(data))
    assert "估算" in finding_sentence(rep, found)


def test_an_old_market_share_makes_no_finding(market_data):
    assert _market_finding(market_data(*_market_rows(10000)), quarter="2026Q4") is None  # 2024 is eight quarters old


def test_a_year_to_date_share_is_compared_with_the_same_months_a_year_earlier(market_data):
    data = market_data(*_market_rows(10000), "china,online_retail_physical,2024Q2,5000,,RMB_bn,reported",
                       "china,online_retail_physical,2025Q1,2000,,RMB_bn,reported",
                       "china,online_retail_physical,2025Q2,5000,,RMB_bn,reported")
    found = _market_finding(data)
    assert (found.values["first"][0], found.values["last"][0]) == (pd.Period("2024Q2", freq="Q-DEC"), pd.Period("2025Q2", freq="Q-DEC"))
    assert found.values["last"][1] == pytest.approx((176 + 192.5) / 5000)  # January-June 2025, not January-March
