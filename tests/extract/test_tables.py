"""Markdown tables of machine summaries (kreport/extract/tables.py). Tables of the tests' own."""

from __future__ import annotations

from kreport.extract.figures import read_figures
from kreport.extract.release import read_release

PAGE = "Search documents\nKuaishou - 2031 Q1 - quarterly results\n\n"
HEADER = "Q1 2031 Core Operating Data | Metric | Q1 2031 | Q1 2030 | YoY Change | | :--- | :--- | :--- | :--- | "


def _figures(text: str) -> set[tuple[str, str, str, str]]:
    return {(f.metric, f.period.label, f.value, f.unit) for f in read_figures(read_release(text)).figures}


def test_a_row_run_together_gives_the_quarter_and_the_year_before():
    text = PAGE + HEADER + "| Average DAU (million) | 420.5 | 400.0 | +5.1% | | Average MAU (million) | 720.0 | 700.0 | +2.9% |"
    assert _figures(text) == {("dau", "2031Q1", "420.5", "million"), ("dau", "2030Q1", "400.0", "million"),
                              ("mau", "2031Q1", "720.0", "million"), ("mau", "2030Q1", "700.0", "million")}


def test_rows_whose_change_unit_or_columns_do_not_fit_are_left_out():
    assert _figures(PAGE + HEADER + "| Average DAU (million) | 420.5 | 400.0 | +9.9% |") == set()  # the change does not fit
    assert _figures(PAGE + HEADER + "| Revenue (RMB thousand) | 21,066,677 | 17,019,450 | 23.8% |") == set()  # no unit of metrics.csv
    other = PAGE + "| Metric | Q4 2030 | Q4 2029 | YoY Change | | Average DAU (million) | 410.0 | 390.0 | +5.1% |"
    assert _figures(other) == set()  # the columns are not the page's quarter
    assert _figures(PAGE + HEADER + "| Daily Avg Time Spent per DAU (minutes) | 128.1 | 99.3 | +29.0% |") == set()
