"""Report numbering from the blocks it holds (issue 18, item 5): re-running a cell keeps its numbers."""

from __future__ import annotations

from pathlib import Path

from kreport import cache
from kreport.render.report import open_report

DATA = str(Path(__file__).resolve().parents[1] / "fixtures" / "data")


def _numbers(html) -> list[str]:
    import re

    return re.findall(r"(?:Figure|Table) \d+", str(html))


def test_running_a_cell_again_keeps_its_numbers():
    rep = open_report("data", "2025Q3", "en", data_dir=DATA)
    first = rep.section("One"), rep.table("<table></table>", "Table a"), rep.table("<table></table>", "Table b")
    again = rep.section("One"), rep.table("<table></table>", "Table a"), rep.table("<table></table>", "Table b")
    assert [str(x) for x in first] == [str(x) for x in again]
    assert _numbers(first[1]) == ["Table 1"] and _numbers(first[2]) == ["Table 2"]
    assert _numbers(rep.table("<table></table>", "Table c")) == ["Table 3"]  # a new block comes last
    assert rep.number("section", "Two") == 2 and rep.number("section", "One") == 1


def test_open_report_takes_its_inputs_as_parameters(tmp_path):
    """No environment channel: the forecast store and the published reports' folder are parameters."""
    try:
        rep = open_report("brief", "", "en", data_dir=DATA, reports_dir=str(tmp_path), forecast_store=str(tmp_path / "s"))
        assert rep.reports_dir == tmp_path and cache.cache_dir() == tmp_path / "s"
        assert str(rep.quarter) == "2025Q3"  # empty: the latest quarter in the data
    finally:
        cache.use(None)
