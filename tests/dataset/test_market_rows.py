"""A market row (China's online retail sales, NBS) in the data: where its figures may go, and what contradicts them."""

from __future__ import annotations

from pathlib import Path

import pytest

from kreport.dataset.validate import check


@pytest.fixture
def data(market_data) -> Path:
    return market_data()


def _append(folder: Path, *rows: str) -> list[int]:
    """Append metrics rows (platform,metric,period,value,qualifier,unit,basis); return their line numbers."""
    first = sum(1 for _ in open(folder / "metrics.csv", encoding="utf-8")) + 1
    with open(folder / "metrics.csv", "a", encoding="utf-8") as out:
        out.write("".join(f"{r},t-nbs,synthetic,\n" for r in rows))
    return list(range(first, first + len(rows)))


def _where(problems):
    return [(p.file, p.line, p.column) for p in problems]


def test_market_figures_in_order_pass(data):
    _append(data, "china,online_retail_physical,2024Q1,28053,,RMB_100m,reported",
            "china,online_retail_physical,2024Q2,59596,,RMB_100m,reported",
            "china,online_retail_physical,2024,13.08,about,RMB_trillion,reported",
            "china,online_retail_physical,2025Q1,30000,,RMB_100m,reported")
    assert check(data).errors == []


def test_a_later_cut_off_smaller_than_an_earlier_one_fails_naming_both_lines(data):
    q1, h1 = _append(data, "china,online_retail_physical,2024Q1,28053,,RMB_100m,reported",
                     "china,online_retail_physical,2024Q2,25000,,RMB_100m,reported")
    report = check(data)
    assert _where(report.errors) == [("metrics.csv", h1, "value")]
    assert f"line {q1}" in report.errors[0].message and "year to date" in report.errors[0].message


def test_a_year_below_its_january_to_september_fails(data):
    q3, year = _append(data, "china,online_retail_physical,2025Q3,91528,,RMB_100m,reported",
                       "china,online_retail_physical,2025,90000,,RMB_100m,reported")
    report = check(data)
    assert _where(report.errors) == [("metrics.csv", year, "value")]
    assert f"line {q3}" in report.errors[0].message


def test_january_to_december_is_written_as_the_year(data):
    (line,) = _append(data, "china,online_retail_physical,2024Q4,130000,,RMB_100m,reported")
    report = check(data)
    assert _where(report.errors) == [("metrics.csv", line, "period")]
    assert "write 2024" in report.errors[0].message


def test_a_market_total_on_a_platform_fails(data):
    (line,) = _append(data, "kuaishou,online_retail_physical,2024,13,,RMB_trillion,reported")
    report = check(data)
    assert _where(report.errors) == [("metrics.csv", line, "platform")]
    assert "china" in report.errors[0].message


def test_a_platform_metric_on_the_market_fails(data):
    (line,) = _append(data, "china,gmv,2024,13,,RMB_trillion,reported")
    report = check(data)
    assert _where(report.errors) == [("metrics.csv", line, "metric")]


def test_a_market_row_needs_calendar_years(data):
    text = (data / "platforms.csv").read_text(encoding="utf-8").replace("合成,12\n", "合成,3\n")
    (data / "platforms.csv").write_text(text, encoding="utf-8")
    report = check(data)
    assert [(p.file, p.column) for p in report.errors] == [("platforms.csv", "fiscal_year_end_month")]
