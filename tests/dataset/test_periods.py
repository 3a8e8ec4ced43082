"""Tests for kreport/periods.py: the period forms kreport accepts."""

from __future__ import annotations

import pandas as pd
import pytest

from kreport.dataset.periods import parse_period, parse_quarter, period_quarters
from kreport.errors import ParameterError


def test_parse_quarter_accepts_yyyyqn():
    quarter = parse_quarter("2025Q3")
    assert quarter == pd.Period("2025Q3", freq="Q-DEC")
    assert quarter.freqstr == "Q-DEC"
    assert (quarter.start_time, quarter.end_time.normalize()) == (pd.Timestamp("2025-07-01"),
                                                                  pd.Timestamp("2025-09-30"))
    assert parse_quarter(" 2025Q3 ") == quarter
    assert parse_quarter(quarter) is quarter


@pytest.mark.parametrize("text", ["2025Q5", "2025Q0", "2025-13", "25Q1", "", "2025", "2025q3", "2025-Q3",
                                  "Q3 2025", "1900Q1", None, 2025])
def test_parse_quarter_rejects_other_forms(text):
    with pytest.raises(ParameterError) as caught:
        parse_quarter(text)
    error = caught.value
    assert error.name == "quarter"
    assert error.value == text
    assert str(error).startswith("The value for `quarter` must be a quarter written YYYYQn")


def test_parse_quarter_names_the_parameter_it_checks():
    with pytest.raises(ParameterError, match="`as_of`") as caught:
        parse_quarter("2025Q5", "as_of")
    assert caught.value.name == "as_of"
    assert isinstance(caught.value, ValueError)


def test_parse_period_quarter():
    period, kind = parse_period("2022Q1")
    assert kind == "quarter"
    assert period == pd.Period("2022Q1", freq="Q-DEC")


def test_parse_period_calendar_year():
    period, kind = parse_period("2022")
    assert kind == "year"
    assert period.freqstr == "Y-DEC"
    assert (period.start_time, period.end_time.normalize()) == (pd.Timestamp("2022-01-01"),
                                                                pd.Timestamp("2022-12-31"))


def test_parse_period_fiscal_year_ends_in_its_month():
    period, kind = parse_period("FY2022", fiscal_year_end_month=3)
    assert kind == "fiscal_year"
    assert period.freqstr == "Y-MAR"
    assert (period.start_time, period.end_time.normalize()) == (pd.Timestamp("2021-04-01"),
                                                                pd.Timestamp("2022-03-31"))
    june, _ = parse_period("FY2022", fiscal_year_end_month=6)
    assert june.start_time == pd.Timestamp("2021-07-01")


@pytest.mark.parametrize("text", ["2022Q5", "2022-Q1", "FY22", "22", "2022 Q1", "FY2022Q1", "", "0000",
                                  "2202Q1"])
def test_parse_period_rejects_other_forms(text):
    with pytest.raises(ValueError):
        parse_period(text, 3)


def test_period_quarters_of_a_fiscal_year():
    fy2022, _ = parse_period("FY2022", 3)
    assert [str(q) for q in period_quarters(fy2022)] == ["2021Q2", "2021Q3", "2021Q4", "2022Q1"]
    year, _ = parse_period("2022")
    assert [str(q) for q in period_quarters(year)] == ["2022Q1", "2022Q2", "2022Q3", "2022Q4"]
    quarter, _ = parse_period("2022Q3")
    assert [str(q) for q in period_quarters(quarter)] == ["2022Q3"]
