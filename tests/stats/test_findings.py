"""The comparison's conclusion (kreport/stats/findings.py) is computed from the data: flip a measure, the finding flips."""

from __future__ import annotations

import shutil
from pathlib import Path

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
