"""How sure a value is, carried through every computation: the weakest grade of its inputs.

A figure's grade (:data:`~kreport.dataset.schema.GRADES`: reported, single_source, estimate,
model) is set when the data is loaded. A value computed from figures (a change, ratio, index,
share, per-user figure, seasonal index or decomposition) is only as sure as the least sure
figure it uses, so each function here mirrors one in :mod:`kreport.stats.derived` and returns the
grades of its results on the same index. Grades are strings; a missing input gives NaN.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from kreport.dataset.schema import GRADES
from kreport.stats.series import periods_per_year

__all__ = ["RANK", "weakest_of", "weakest", "lagged", "yoy", "over_run", "whole", "decomposition", "grades_of"]

RANK = {grade: i for i, grade in enumerate(GRADES)}


def _ranks(grades: pd.Series) -> pd.Series:
    return grades.map(lambda g: RANK.get(g, np.nan) if isinstance(g, str) else np.nan).astype(float)


def _names(ranks: pd.Series) -> pd.Series:
    return ranks.map(lambda r: GRADES[int(r)] if np.isfinite(r) else np.nan).astype(object)


def weakest_of(grades: Iterable[str]) -> str:
    """The weakest of some grades ('reported' for none)."""
    ranks = [RANK[g] for g in grades if isinstance(g, str) and g in RANK]
    return GRADES[max(ranks)] if ranks else GRADES[0]


def grades_of(frame: pd.DataFrame) -> pd.Series:
    """The grades of rows of the metrics frame (its ``grade`` column, else ``basis`` read as a grade)."""
    column = frame["grade"] if "grade" in frame else frame["basis"]
    return column.astype(object)


def weakest(*series: pd.Series) -> pd.Series:
    """Per period, the weakest grade of several aligned grade series (outer union of periods; NaN if one is missing)."""
    index = series[0].index
    for s in series[1:]:
        index = index.union(s.index)
    ranks = pd.concat([_ranks(s.reindex(index)) for s in series], axis=1)
    return _names(ranks.max(axis=1, skipna=False))


def lagged(grades: pd.Series, lag: int) -> pd.Series:
    """Per period, the weaker of its grade and the grade ``lag`` periods earlier (a change over ``lag`` periods)."""
    earlier = grades.reindex(grades.index - lag)
    earlier.index = grades.index
    return weakest(grades, earlier)


def yoy(grades: pd.Series) -> pd.Series:
    """The grade of each year-on-year change: the weaker of the period and the same period a year earlier."""
    return lagged(grades, periods_per_year(grades.index))


def over_run(grades: pd.Series, start, end) -> str:
    """The weakest grade of the figures from ``start`` to ``end`` (a CAGR, an index over a span)."""
    part = grades.loc[start:end].dropna()
    return weakest_of(part)


def whole(grades: pd.Series) -> str:
    """The weakest grade of every figure of a series (a seasonal index uses them all)."""
    return weakest_of(grades.dropna())


def decomposition(gmv: pd.Series, users: pd.Series, buyers: pd.Series, lag: int | None = None) -> pd.Series:
    """The grade of each period's GMV growth decomposition: the weakest of the six figures it uses."""
    lag = periods_per_year(gmv.index) if lag is None else int(lag)
    return weakest(lagged(gmv, lag), lagged(users, lag), lagged(buyers, lag))
