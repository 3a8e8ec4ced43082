"""Whether a quarter is complete (kreport/stats/completeness.py), and the brief's notice of what is missing (issue 18, item 2)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from kreport.dataset.load import load
from kreport.render.report import open_report
from kreport.sections import brief
from kreport.stats.completeness import quarter_completeness

DATA = Path(__file__).resolve().parent.parent / "fixtures" / "data"


def _partial_new_quarter(tmp_path: Path) -> Path:
    """The synthetic data with one figure of a new quarter, 2025Q4: Kuaishou's GMV, nothing else yet."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    with open(data / "metrics.csv", "a", encoding="utf-8") as handle:
        handle.write("kuaishou,gmv,2025Q4,2300,,RMB_100m,reported,t-ks-2025,synthetic test figure,\n")
    return data


def test_a_complete_comparison_lists_what_the_quarter_before_had_and_this_one_lacks(tmp_path):
    dataset = load(_partial_new_quarter(tmp_path))
    state = quarter_completeness(dataset.metrics, pd.Period("2025Q4", "Q-DEC"), dataset.is_disclosed)
    assert state.has == (("kuaishou", "gmv"),)
    assert ("kuaishou", "gmv") in state.had and ("kuaishou", "dau") in state.missing
    assert set(state.missing) == set(state.had) - {("kuaishou", "gmv")}
    assert not state.complete and 0 < state.share < 1


def test_a_series_no_longer_disclosed_is_not_missing(tmp_path):
    dataset = load(_partial_new_quarter(tmp_path))
    quarter = pd.Period("2025Q4", "Q-DEC")
    state = quarter_completeness(dataset.metrics, quarter, lambda platform, metric, q: metric != "dau")
    assert ("kuaishou", "dau") not in state.missing


def test_the_brief_names_what_a_partial_quarter_still_lacks(tmp_path):
    data = _partial_new_quarter(tmp_path)
    for lang, word in (("en", "Still missing"), ("zh", "尚缺")):
        rep = open_report("brief", "2025Q4", lang, data_dir=str(data))
        html = str(brief.completeness(rep))
        assert word in html and "2025Q4" in html and "2025Q3" in html
        assert rep.t("metric.dau") in html  # Kuaishou's DAU has not come in yet
        assert html.count(rep.t("metric.gmv")) == 0 or rep.t("metric.gmv_ttm") in html  # its GMV has


def test_a_quarter_with_every_series_is_complete():
    q = pd.Period("2025Q3", "Q-DEC")
    frame = pd.DataFrame({"platform": ["a", "a", "a", "a"], "metric": ["gmv", "dau", "gmv", "dau"],
                          "period": [q - 1, q - 1, q, q], "period_kind": ["quarter"] * 4})
    state = quarter_completeness(frame, q)
    assert state.complete and state.missing == () and state.share == 1.0


def test_an_empty_quarter_parameter_means_the_latest_in_the_data():
    """Issue 18, item 3: notebooks default to the latest quarter, resolved when they run."""
    rep = open_report("brief", "", "en", data_dir=str(DATA))
    assert rep.quarter == load(DATA).latest_quarter()
