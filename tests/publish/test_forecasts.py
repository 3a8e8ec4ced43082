"""Forecasts computed once, before any report runs (kreport/publish/forecasts.py), on the synthetic dataset."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from kreport.dataset.load import load
from kreport.publish.forecasts import precompute_forecasts
from kreport.publish.orchestrator import build
from kreport.publish.run import forecast_cache_dir
from kreport.stats.forecast.policy import needed_forecasts

DATA = Path(__file__).resolve().parent.parent / "fixtures" / "data"
QUARTER = "2025Q3"


def entries(out: Path) -> dict[str, float]:
    return {p.name: p.stat().st_mtime for p in forecast_cache_dir(out).glob("*.json")}


def test_each_forecast_is_computed_once_then_read_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.delenv("KREPORT_CACHE_DIR", raising=False)
    data = load(DATA)
    groups = needed_forecasts(data.metrics, data.platforms.index, QUARTER)
    n = sum(len(group) for group in groups)
    lines: list[str] = []
    first = precompute_forecasts(data.metrics, data.platforms.index, QUARTER, tmp_path, jobs=2, echo=lines.append)
    assert (first.series, first.computed) == (n, n)
    assert len(entries(tmp_path)) == n  # in the build's own cache, with its output
    assert lines == [f"forecasts: {n} series ready ({n} computed, the rest cached) in {first.seconds:.1f}s"]
    again = precompute_forecasts(data.metrics, data.platforms.index, QUARTER, tmp_path, jobs=2, echo=lines.append)
    assert (again.series, again.computed) == (n, 0)


@pytest.mark.slow
def test_a_report_kernel_computes_no_backtest_the_build_computed(tmp_path, monkeypatch):
    monkeypatch.delenv("KREPORT_CACHE_DIR", raising=False)
    out = tmp_path / "out"
    stamps: dict[str, float] = {}

    def echo(line: str) -> None:
        if line.startswith("forecasts: "):
            stamps["forecasts ready"] = time.time()
        lines.append(line)

    lines: list[str] = []
    results = build(out_dir=out, data_dir=DATA, quarter=QUARTER, reports=["trends"], jobs=2, echo=echo)
    assert {r.status for r in results} == {"built"}, [r.error for r in results]
    written = entries(out)
    data = load(DATA)
    n = sum(len(group) for group in needed_forecasts(data.metrics, data.platforms.index, QUARTER))
    assert f"forecasts: {n} series ready ({n} computed" in "\n".join(lines)
    # The kernels (two languages) only read: every entry was written before the first kernel started.
    assert len(written) == n
    assert max(written.values()) <= stamps["forecasts ready"]
    # A forced rebuild keeps the forecasts and computes none; --cold computes them again.
    lines.clear()
    build(out_dir=out, data_dir=DATA, quarter=QUARTER, reports=["trends"], jobs=2, force=True, echo=echo)
    assert f"forecasts: {n} series ready (0 computed" in "\n".join(lines)
    assert entries(out) == written
