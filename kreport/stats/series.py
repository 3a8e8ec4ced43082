"""Checks and small helpers for period-indexed series, shared by the statistics modules.

A kreport series is a pandas Series of floats on a sorted, contiguous
``PeriodIndex`` (quarterly ``Q-DEC``, annual ``Y-DEC`` or fiscal ``Y-MAR``),
with NaN where a period is missing. Gaps are never dropped, so a position
always means the same period.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kreport.errors import ParameterError

__all__ = ["periods_per_year", "check_series", "to_period", "trailing_complete_run"]

_PERIODS_PER_YEAR = {"Q": 4, "Y": 1, "A": 1, "M": 12}


def periods_per_year(index: pd.PeriodIndex) -> int:
    """Return how many periods make a year for a PeriodIndex (4, 1 or 12)."""
    freqstr = index.freqstr.upper()
    code = freqstr.lstrip("0123456789")[:1]
    if code not in _PERIODS_PER_YEAR:
        raise ParameterError("series.index.freq", freqstr, "a quarterly, annual or monthly period frequency")
    return _PERIODS_PER_YEAR[code]


def check_series(series: pd.Series, name: str = "series") -> pd.Series:
    """Validate a kreport series and return it as float.

    Parameters
    ----------
    series : pandas.Series
        Values on a sorted, unique, contiguous PeriodIndex.
    name : str
        Name used in error messages.

    Returns
    -------
    pandas.Series
        The same series with float dtype.

    Raises
    ------
    ParameterError
        If the index is not a PeriodIndex, is unsorted, has duplicates or gaps.
    """
    if not isinstance(series, pd.Series):
        raise ParameterError(name, type(series).__name__, "a pandas Series")
    if not isinstance(series.index, pd.PeriodIndex):
        raise ParameterError(f"{name}.index", type(series.index).__name__, "a PeriodIndex")
    periods_per_year(series.index)
    if len(series) > 1:
        ordinals = series.index.asi8
        steps = np.diff(ordinals)
        if np.any(steps != 1):
            raise ParameterError(
                f"{name}.index", "unsorted, duplicated or gapped periods",
                "sorted and contiguous (missing periods as NaN rows, never dropped)")
    return series.astype(float)


def to_period(value, freq: str) -> pd.Period:
    """Convert a Period, date, Timestamp or string such as '2022Q1' to a Period of `freq`."""
    if isinstance(value, pd.Period):
        return value.asfreq(freq) if value.freqstr != freq else value
    try:
        return pd.Period(value, freq=freq)
    except (ValueError, TypeError):
        return pd.Timestamp(value).to_period(freq)


def trailing_complete_run(series: pd.Series) -> pd.Series:
    """Return the last stretch of the series with no missing value.

    Models need an unbroken sequence; rather than interpolate a missing quarter
    (which would invent a seasonal shape) we fit on what follows the last gap.
    """
    values = series.to_numpy(dtype=float)
    missing = np.flatnonzero(np.isnan(values))
    if missing.size == 0:
        return series
    last_obs = np.flatnonzero(~np.isnan(values))
    if last_obs.size == 0:
        return series.iloc[0:0]
    end = last_obs[-1] + 1
    gaps_before_end = missing[missing < end]
    start = gaps_before_end[-1] + 1 if gaps_before_end.size else 0
    return series.iloc[start:end]
