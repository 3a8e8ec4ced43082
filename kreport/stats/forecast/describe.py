"""What a quarterly series too short to forecast still allows: its newest figure, growth on a year earlier, compound growth.

The trends page models a series only with at least MIN_QUARTERS quarters in a row; a shorter
one is described instead, so no page is an empty shell. Compound annual growth is measured
between like quarters (the same quarter of different years, so seasonality cancels) at least a
year apart, and only on a positive base.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from kreport.stats.derived import cagr, meaningful_start

__all__ = ["Description", "describe_series"]


@dataclass(frozen=True)
class Description:
    """A short series in numbers (NaN or None where the data do not allow it)."""

    n: int
    first: pd.Period
    last: pd.Period
    value: float
    yoy: float
    cagr: float
    cagr_from: pd.Period | None


def describe_series(series: pd.Series) -> Description | None:
    """Newest figure, its change on the same quarter a year earlier, and CAGR from the earliest like quarter.

    Returns None for a series with no figure.
    """
    observed = series.dropna()
    if observed.empty:
        return None
    last = observed.index[-1]
    value = float(observed.iloc[-1])
    before = series.get(last - 4, np.nan)
    yoy = value / before - 1 if np.isfinite(before) and before > 0 else float("nan")
    like = [p for p in observed.index if (last - p).n >= 4 and (last - p).n % 4 == 0 and observed[p] > 0]
    # Never off a start-up base: the first like quarter that is a meaningful base for the next year's.
    same_quarter = observed[[*like, last]]
    meaningful = meaningful_start(pd.Series(same_quarter.to_numpy(), index=pd.RangeIndex(len(same_quarter)))) if like else None
    like = like[meaningful:] if meaningful is not None else []
    growth, start = float("nan"), None
    if like and value > 0:
        start = like[0]
        growth = float(cagr(series, start, last))
    return Description(int(observed.size), observed.index[0], last, value, float(yoy), growth, start)
