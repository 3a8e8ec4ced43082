"""Period-indexed series (kreport/stats/series.py): frequency, the contiguity check, conversion, trailing runs."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kreport.errors import ParameterError
from kreport.stats.series import check_series, periods_per_year, to_period, trailing_complete_run


def quarterly(values, start="2022Q1"):
    return pd.Series(values, index=pd.period_range(start, periods=len(values), freq="Q-DEC"), dtype=float)


# --- periods_per_year -------------------------------------------------------------------------

@pytest.mark.parametrize("freq, expected", [("Q-DEC", 4), ("Q-MAR", 4), ("Y-DEC", 1), ("Y-MAR", 1), ("M", 12)])
def test_periods_per_year(freq, expected):
    assert periods_per_year(pd.period_range("2022-01-01", periods=3, freq=freq)) == expected


@pytest.mark.parametrize("freq", ["D", "W", "h"])
def test_periods_per_year_refuses_other_frequencies(freq):
    with pytest.raises(ParameterError) as caught:
        periods_per_year(pd.period_range("2022-01-01", periods=3, freq=freq))
    assert caught.value.name == "series.index.freq"


# --- check_series -----------------------------------------------------------------------------

def test_check_series_returns_floats_on_the_same_index():
    series = pd.Series([1, 2, 3], index=pd.period_range("2022Q1", periods=3, freq="Q"), name="x")
    checked = check_series(series)
    assert checked.dtype == float and checked.tolist() == [1.0, 2.0, 3.0]
    assert checked.index.equals(series.index) and checked.name == "x"
    gaps_as_nan = quarterly([1.0, np.nan, 3.0])
    assert check_series(gaps_as_nan).isna().tolist() == [False, True, False]
    assert check_series(quarterly([])).empty and check_series(quarterly([5.0])).tolist() == [5.0]


@pytest.mark.parametrize("index", [
    pd.PeriodIndex(["2022Q1", "2022Q3", "2022Q4"], freq="Q"),  # a dropped quarter
    pd.PeriodIndex(["2022Q2", "2022Q1", "2022Q3"], freq="Q"),  # unsorted
    pd.PeriodIndex(["2022Q1", "2022Q1", "2022Q2"], freq="Q"),  # a duplicate
], ids=["gap", "unsorted", "duplicate"])
def test_check_series_refuses_an_index_that_is_not_contiguous(index):
    with pytest.raises(ParameterError) as caught:
        check_series(pd.Series([1.0, 2.0, 3.0], index=index), name="gmv")
    assert caught.value.name == "gmv.index"
    assert "missing periods as NaN rows" in str(caught.value)


def test_check_series_refuses_what_is_not_a_period_series():
    with pytest.raises(ParameterError) as caught:
        check_series([1.0, 2.0])
    assert (caught.value.name, caught.value.value) == ("series", "list")
    dated = pd.Series([1.0, 2.0], index=pd.to_datetime(["2022-03-31", "2022-06-30"]))
    with pytest.raises(ParameterError) as caught:
        check_series(dated, name="dau")
    assert (caught.value.name, caught.value.value) == ("dau.index", "DatetimeIndex")


# --- to_period --------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["2022Q3", "2022-08-15", pd.Timestamp("2022-09-30"), pd.Period("2022Q3", "Q-DEC"),
                                   pd.Period("2022-08", "M")])
def test_to_period_of_a_quarter(value):
    assert to_period(value, "Q-DEC") == pd.Period("2022Q3", "Q-DEC")


def test_to_period_of_a_year_and_a_fiscal_year():
    assert to_period("2022-06-15", "Y-DEC") == pd.Period("2022", "Y-DEC")
    # Alibaba's fiscal year ends in March: June 2022 is in FY2023.
    assert to_period("2022-06-15", "Y-MAR") == pd.Period("2023", "Y-MAR")
    assert to_period(pd.Period("2022Q1", "Q-DEC"), "Y-MAR") == pd.Period("2022", "Y-MAR")


# --- trailing_complete_run ----------------------------------------------------------------------

def test_a_series_without_gaps_is_its_own_run():
    series = quarterly([1.0, 2.0, 3.0])
    assert trailing_complete_run(series) is series


def test_the_run_starts_after_the_last_gap():
    run = trailing_complete_run(quarterly([1.0, np.nan, 3.0, np.nan, 5.0, 6.0, 7.0]))
    assert [str(p) for p in run.index] == ["2023Q1", "2023Q2", "2023Q3"]
    assert run.tolist() == [5.0, 6.0, 7.0]


def test_missing_last_periods_end_the_run_early():
    run = trailing_complete_run(quarterly([1.0, 2.0, np.nan, 4.0, 5.0, np.nan, np.nan]))
    assert run.tolist() == [4.0, 5.0]
    assert [str(p) for p in run.index] == ["2022Q4", "2023Q1"]


def test_a_series_with_no_value_has_an_empty_run():
    run = trailing_complete_run(quarterly([np.nan, np.nan]))
    assert run.empty and isinstance(run.index, pd.PeriodIndex)
