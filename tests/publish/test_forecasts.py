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


@pytest.mark.slow
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


def test_a_forecast_far_from_the_last_figure_is_implausible():
    """Issue 24, item 7: a cache entry with every point ×10 was published unchecked."""
    import pandas as pd

    from kreport.publish.forecasts import plausible

    series = pd.Series([300.0, 350.0, 385.0], index=pd.period_range("2025Q3", periods=3, freq="Q"))
    result = type("Result", (), {"frame": pd.DataFrame({"forecast": [400.0, 420.0, 410.0, 430.0]})})()
    assert plausible(result, series)
    result.frame["forecast"] *= 10
    assert not plausible(result, series)


def test_prepare_says_what_it_computes_and_reads_what_a_build_computed(tmp_path, monkeypatch, capsys):
    """Issue 18, item 3: a notebook computing forecasts no build had computed was silent for minutes."""
    from kreport import cache
    from kreport.publish import forecasts
    from kreport.render.report import open_report

    computed = []
    monkeypatch.setattr(forecasts, "series_forecast", lambda metric, series: computed.append(metric))
    try:
        rep = open_report("trends", "2025Q3", "en", platform="kuaishou", data_dir=str(DATA),
                          forecast_store=str(tmp_path / "store"))
        forecasts.prepare(rep)
        lines = capsys.readouterr().out.splitlines()
        assert computed and len(lines) == len(computed)
        assert lines[0].startswith(f"forecast 1 of {len(computed)}: ") and lines[-1].endswith(" s")
        # What the build put in the store is read, not computed: nothing to say.
        monkeypatch.setattr(forecasts.cache, "contains", lambda *args, **kwargs: True)
        computed.clear()
        forecasts.prepare(rep)
        assert computed == [] and capsys.readouterr().out == ""
    finally:
        cache.use(None)
