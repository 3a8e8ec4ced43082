"""Periods named in words (kreport/extract/periods.py)."""

from __future__ import annotations

import pytest

from kreport.extract.periods import Span, date_quarter, fiscal_quarter_named, last_quarter_numbered, page_date, quarter_before, quarter_named


@pytest.mark.parametrize("text, label", [
    ("third quarter of 2023", "2023Q3"), ("Third Quarter 2023", "2023Q3"), ("Third Quarter 202 4", "2024Q3"),
    ("2020 Second Quarter", "2020Q2"), ("December Quarter 2020", "2020Q4"), ("March quarter 2021", "2021Q1"),
    ("2025年第三季度", "2025Q3"), ("2025年三季度", "2025Q3"), ("2024年第4季度", "2024Q4"),
    # Short forms of rewrites and briefs (issue 23).
    ("Q3 2023", "2023Q3"), ("Q4-2024", "2024Q4"), ("2024Q4", "2024Q4"), ("2025 Q1", "2025Q1"), ("2025年Q3", "2025Q3"),
    # Broker notes' two-digit years: the century is this one.
    ("31Q3", "2031Q3"), ("1Q31", "2031Q1"), ("4Q22", "2022Q4"),
])
def test_quarters_named_in_words(text, label):
    assert quarter_named(text).label == label


@pytest.mark.parametrize("text", ["2022年第季度", "third quarter", "Q3", "25Q5", "5Q25", "Q5 2023", "fifth quarter of 2023", "125Q3"])
def test_a_quarter_that_is_not_all_there_is_none(text):
    assert quarter_named(text) is None


@pytest.mark.parametrize("text, label", [
    ("December 31, 2020", "2020Q4"), ("June 30, 2024", "2024Q2"), ("Sept. 30, 2025", "2025Q3"), ("2025年9月30日", "2025Q3"),
])
def test_the_quarter_ending_on_a_date(text, label):
    assert date_quarter(text).label == label


@pytest.mark.parametrize("text", ["December 30, 2020", "June 31, 2024", "December 31", "2025年9月29日"])
def test_a_date_that_ends_no_quarter_is_none(text):
    assert date_quarter(text) is None


def test_spans_are_written_as_metrics_csv_writes_periods():
    assert [Span("quarter", 2025, 3).label, Span("year", 2024).label, Span("fiscal_year", 2021).label] == ["2025Q3", "2024", "FY2021"]
    assert Span("quarter", 2025, 3).year_earlier().label == "2024Q3"


def test_hong_kong_press_and_fiscal_quarters():
    assert quarter_named("2031年第三季").label == "2031Q3"
    assert fiscal_quarter_named("2031财年第三季").label == "2031Q3"  # the caller maps it only for a calendar-year company
    assert fiscal_quarter_named("2031年第三季") is None


def test_the_date_a_saved_page_carries_and_the_quarters_it_places():
    assert page_date(" date 2031-11-25 阿里巴巴上季收入") == (2031, 11, 25)
    assert page_date("Research note\n21 Nov 2031\n\n快手") == (2031, 11, 21)
    assert page_date("8月21日,快手科技发布") is None  # a day without its year is no date
    assert quarter_before((2031, 11, 25)).label == "2031Q3"
    assert quarter_before((2031, 2, 10)).label == "2030Q4"
    assert last_quarter_numbered(3, (2031, 11, 13)).label == "2031Q3"
    assert last_quarter_numbered(4, (2031, 3, 1)).label == "2030Q4"  # the fourth quarter of 2031 has not ended


def test_a_two_digit_year_quarter_is_read_only_as_a_token_of_its_own():
    import re

    from kreport.extract.periods import SHORT_QUARTER
    assert [m.group() for m in re.finditer(SHORT_QUARTER, "31Q3实现收入, 4Q30, 2031Q3, AB31Q3, Q31Q3x")] == ["31Q3", "4Q30"]
