"""Fine-grained incremental builds on the shipped data (issue 18, item 1): an edit reruns only the pages that read it.

Plans only (no kernel): a "build" is simulated by writing each planned page and the manifest a build
writes, with the data rows of each run's slice.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from kreport.config import DATA_DIR
from kreport.publish.manifest import RunResult, save_manifest
from kreport.publish.plan import plan


def _published(the_plan) -> None:
    for run in the_plan.runs:
        run.output.parent.mkdir(parents=True, exist_ok=True)
        run.output.write_text("<!DOCTYPE html><html></html>\n", encoding="utf-8")
    results = [RunResult(r.name, r.report, r.params, "built", key=r.key, html=r.output.name) for r in the_plan.runs]
    save_manifest(the_plan.quarter_dir, the_plan.label, dict(the_plan.manifest), results, slices=the_plan.slices)


def _edit(data: Path, match, column: str, value: str) -> dict:
    path = data / "metrics.csv"
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
        fields = list(rows[0])
    row = next(r for r in reversed(rows) if match(r))
    row[column] = value
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return row


def test_one_pdd_figure_reruns_exactly_the_reports_that_read_pdd(tmp_path):
    data, out = tmp_path / "data", tmp_path / "out"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("*.md", ".*"))
    first = plan(data_dir=data, out_dir=out)
    _published(first)
    assert all(r.action == "skip" for r in plan(data_dir=data, out_dir=out).runs)

    row = _edit(data, lambda r: r["platform"] == "pdd" and r["metric"] == "revenue_total", "value", "111.11")
    again = plan(data_dir=data, out_dir=out)
    assert again.label == first.label
    rerun = {r.name for r in again.runs if r.action == "run"}
    expected = {r.name for r in again.runs if r.params.get("platform") in ("pdd", None)}
    assert rerun == expected
    assert {"platform-pdd-en", "trends-pdd-zh", "brief-en", "comparison-zh", "data-en"} <= rerun
    assert not rerun & {r.name for r in again.runs if r.params.get("platform") in ("kuaishou", "douyin", "jd", "alibaba")}
    basis = "" if row["basis"] == "reported" else f" ({row['basis']})"  # the reason names an estimate as such
    change = f"data: pdd revenue_total {row['period']}{basis} changed"
    assert {r.reason for r in again.runs if r.action == "run"} == {change}


def test_a_figure_after_the_quarter_built_reruns_only_the_brief(tmp_path):
    """Figures for later periods are outside a page's slice, except the brief's (it lists what changed)."""
    data, out = tmp_path / "data", tmp_path / "out"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("*.md", ".*"))
    first = plan(quarter="2025Q3", data_dir=data, out_dir=out)
    _published(first)
    _edit(data, lambda r: r["platform"] == "kuaishou" and r["period"] == "2026Q1", "note", "edited")
    again = plan(quarter="2025Q3", data_dir=data, out_dir=out)
    assert {r.report for r in again.runs if r.action == "run"} == {"brief"}


def test_a_plan_writes_nothing_outside_out_and_nothing_at_all_before_a_build(tmp_path):
    """Issue 24: `plan --out X` wrote parameter-cache entries into reports/.cache."""
    from kreport import cache

    before = set(cache.cache_dir().glob("*")) if cache.cache_dir().is_dir() else set()
    out = tmp_path / "out"
    out.mkdir()
    plan(data_dir=DATA_DIR, out_dir=out)
    assert list(out.iterdir()) == []
    assert (set(cache.cache_dir().glob("*")) if cache.cache_dir().is_dir() else set()) == before


def test_plan_grows_linearly_with_the_pages(tmp_path):
    """Issue 24: 100× the platforms took 49 s and 874 MB, each page holding every page's top bar."""
    from kreport.publish.navigation import Navigation

    pages = [(f"platform-p{i}-{lang}.html", "platform", {"platform": f"p{i}", "lang": lang})
             for i in range(2000) for lang in ("zh", "en")]
    import pandas as pd

    platforms = pd.DataFrame({"name_en": [f"P{i}" for i in range(2000)], "name_zh": [f"P{i}" for i in range(2000)]},
                             index=[f"p{i}" for i in range(2000)])
    import time

    started = time.monotonic()
    navigation = Navigation.of(pages, "2025Q3", platforms)
    assert time.monotonic() - started < 5
    assert navigation.twins["platform-p7-zh.html"] == "platform-p7-en.html"
    bar = navigation.bar("platform-p7-zh.html", "zh")
    assert len(bar["pages"]) == 2000 and [p["current"] for p in bar["pages"]].count(True) == 1
