"""Derived metrics: growth rates, trailing sums, indices, ratios and a GMV decomposition.

Every function takes kreport series (see :mod:`kreport.periodic`) and returns
new ones on the same PeriodIndex. Periods are matched by label, never by
position, so a missing quarter (NaN) can never shift a comparison: whatever
needs a missing value is NaN itself, and each docstring says which values a
result needs.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kreport.errors import ParameterError
from kreport.stats.series import check_series, periods_per_year, to_period

__all__ = [
    "yoy_growth",
    "qoq_growth",
    "ttm_sum",
    "cagr",
    "seasonal_indices",
    "index_to_base",
    "gmv_per_user",
    "gmv_per_dau",
    "gmv_per_buyer",
    "buyer_penetration",
    "take_rate",
    "decompose_gmv_growth",
    "MEANINGFUL_BASE",
    "meaningful",
    "meaningful_start",
]

# Growth off a base below a tenth of the value it is compared with (more than +900%) is a start-up
# artefact, not a growth rate: Kuaishou's 2019 GMV was 617 times its 2018 GMV of RMB 96.6 mn. Such a
# change is not shown (NaN), and a CAGR starts at the first period that is a meaningful base.
MEANINGFUL_BASE = 0.1


def _lagged(series: pd.Series, lag: int) -> pd.Series:
    """Values of `lag` periods earlier, aligned on the series' own labels."""
    earlier = series.reindex(series.index - lag)
    earlier.index = series.index
    return earlier


def yoy_growth(series: pd.Series) -> pd.Series:
    """Year-on-year growth as a fraction (0.475 means +47.5%).

    Quarterly: each quarter against the same quarter a year earlier; annual:
    each year against the previous one. NaN where either value is missing or
    the earlier value is zero or absent (the first year).
    """
    series = check_series(series)
    earlier = _lagged(series, periods_per_year(series.index))
    return (series / earlier.where(earlier != 0) - 1).rename(series.name)


def qoq_growth(series: pd.Series) -> pd.Series:
    """Period-on-period growth (quarter on quarter for a quarterly series), as a fraction.

    NaN where this or the previous period is missing: a quarter after a gap is
    never compared with the quarter before the gap.
    """
    series = check_series(series)
    earlier = _lagged(series, 1)
    return (series / earlier.where(earlier != 0) - 1).rename(series.name)


def meaningful(growth: pd.Series | float):
    """``growth`` where its base was at least :data:`MEANINGFUL_BASE` of the later value, else NaN."""
    limit = 1.0 / MEANINGFUL_BASE - 1.0
    if isinstance(growth, pd.Series):
        return growth.where(growth <= limit)
    return growth if growth <= limit else float("nan")


def meaningful_start(series: pd.Series):
    """The first period of ``series`` that is a meaningful base for growth: the first whose next
    non-missing value is at most 1 / MEANINGFUL_BASE times it. None if there is none."""
    observed = series.dropna()
    for (period, value), later in zip(observed.items(), observed.iloc[1:]):
        if value > 0 and later <= value / MEANINGFUL_BASE:
            return period
    return None


def ttm_sum(series: pd.Series) -> pd.Series:
    """Trailing-twelve-month sum of a quarterly flow (e.g. GMV).

    The value at a quarter is the sum of it and the three before it; NaN unless
    all four are present (a partial sum would understate the year).
    """
    series = check_series(series)
    if periods_per_year(series.index) != 4:
        raise ParameterError("series.index.freq", series.index.freqstr, "quarterly ('Q-DEC')")
    parts = [_lagged(series, lag) for lag in range(4)]
    return pd.concat(parts, axis=1).sum(axis=1, min_count=4).rename(series.name)


def cagr(series: pd.Series, start=None, end=None) -> float:
    """Compound annual growth rate between two periods, as a fraction.

    Parameters
    ----------
    series : pandas.Series
        A kreport series.
    start, end : Period, str or date, optional
        The two periods compared; default the first and last non-missing ones.
        For a quarterly series compare like quarters (or TTM sums) to avoid
        seasonality.

    Returns
    -------
    float
        ``(end / start) ** (1 / years) - 1`` with years = periods apart / periods
        per year. NaN if either value is missing or not positive.
    """
    series = check_series(series)
    freq = series.index.freqstr
    observed = series.dropna()
    start_p = to_period(start, freq) if start is not None else (observed.index[0] if len(observed) else None)
    end_p = to_period(end, freq) if end is not None else (observed.index[-1] if len(observed) else None)
    for name, p in (("start", start_p), ("end", end_p)):
        if p is None or p not in series.index:
            raise ParameterError(name, p, "a period inside the series' index")
    if end_p <= start_p:
        raise ParameterError("end", str(end_p), f"a period after start {start_p}")
    years = (end_p.ordinal - start_p.ordinal) / periods_per_year(series.index)
    first, last = series[start_p], series[end_p]
    if not (first > 0 and last > 0):
        return float("nan")
    return float((last / first) ** (1.0 / years) - 1.0)


def seasonal_indices(series: pd.Series) -> pd.Series:
    """Multiplicative seasonal index of each quarter (mean of the four = 100).

    Classical ratio to a centred 2x4 moving average: each quarter's value is
    divided by the centred average of the five quarters around it (needs all
    five present, else that ratio is skipped), the ratios are averaged per
    quarter of the year and rescaled so the four indices average 100. A
    quarter of the year with no usable ratio gets NaN and no rescaling is done.

    Returns
    -------
    pandas.Series
        Indexed by quarter number 1-4, named ``seasonal_index``.
    """
    series = check_series(series)
    if periods_per_year(series.index) != 4:
        raise ParameterError("series.index.freq", series.index.freqstr, "quarterly ('Q-DEC')")
    lags = {k: _lagged(series, k) for k in (-2, -1, 0, 1, 2)}
    centred = (0.5 * lags[-2] + lags[-1] + lags[0] + lags[1] + 0.5 * lags[2]) / 4.0
    ratio = series / centred
    by_quarter = ratio.groupby(series.index.quarter).mean()
    by_quarter = by_quarter.reindex([1, 2, 3, 4])
    if by_quarter.notna().all():
        by_quarter = by_quarter / by_quarter.mean()
    by_quarter.index.name = "quarter"
    return (100.0 * by_quarter).rename("seasonal_index")


def index_to_base(series: pd.Series, base) -> pd.Series:
    """Rescale a series so the base period equals 100.

    Raises ParameterError if the base period is outside the index or its value is
    missing or zero; missing values elsewhere stay NaN.
    """
    series = check_series(series)
    base_p = to_period(base, series.index.freqstr)
    if base_p not in series.index or not np.isfinite(series[base_p]) or series[base_p] == 0:
        raise ParameterError("base", str(base_p), "a period of the series with a non-missing, non-zero value")
    return 100.0 * series / series[base_p]


def _aligned(numerator: pd.Series, denominator: pd.Series, names: tuple[str, str]):
    numerator = check_series(numerator, names[0])
    denominator = check_series(denominator, names[1])
    if numerator.index.freqstr != denominator.index.freqstr:
        raise ParameterError(f"{names[1]}.index.freq", denominator.index.freqstr,
                             f"the same frequency as `{names[0]}` ({numerator.index.freqstr})")
    # Outer union of labels: a period present in one input only gives NaN.
    start = min(numerator.index[0], denominator.index[0])
    end = max(numerator.index[-1], denominator.index[-1])
    full = pd.period_range(start, end, freq=numerator.index.freq)
    return numerator.reindex(full), denominator.reindex(full)


def gmv_per_user(gmv: pd.Series, users: pd.Series, annualise: bool = True) -> pd.Series:
    """GMV per user in RMB, from GMV in RMB bn and users in millions.

    ``gmv * 1e9 / (users * 1e6)``; with ``annualise`` a quarterly value is
    multiplied by 4 (a quarter's spend at an annual rate). NaN where either input
    is missing or users is zero.
    """
    gmv, users = _aligned(gmv, users, ("gmv", "users"))
    factor = periods_per_year(gmv.index) if annualise else 1
    return (gmv * 1000.0 * factor / users.where(users != 0)).rename("gmv_per_user")


def take_rate(revenue: pd.Series, gmv: pd.Series) -> pd.Series:
    """Revenue as a share of GMV in the same period (both in RMB bn): the monetisation rate.

    NaN where either is missing or GMV is zero. Which revenue line it uses, and what it includes,
    is the caller's to say: the lines differ from company to company.
    """
    revenue, gmv = _aligned(revenue, gmv, ("revenue", "gmv"))
    return (revenue / gmv.where(gmv != 0)).rename("take_rate")


def gmv_per_dau(gmv: pd.Series, dau: pd.Series, annualise: bool = True) -> pd.Series:
    """GMV per daily active user in RMB (annualised for quarterly inputs); see :func:`gmv_per_user`."""
    return gmv_per_user(gmv, dau, annualise=annualise).rename("gmv_per_dau")


def gmv_per_buyer(gmv: pd.Series, buyers: pd.Series, annualise: bool = True) -> pd.Series:
    """GMV per buyer in RMB (annualised for quarterly inputs); see :func:`gmv_per_user`.

    With average monthly buyers this is the annual-rate spend of a typical
    monthly buyer; with annual buyers and annual GMV pass ``annualise=False``
    (an annual series is never multiplied anyway).
    """
    return gmv_per_user(gmv, buyers, annualise=annualise).rename("gmv_per_buyer")


def buyer_penetration(buyers: pd.Series, mau: pd.Series) -> pd.Series:
    """Share of monthly active users who buy: buyers / MAU, a fraction.

    Both in millions; NaN where either is missing or MAU is zero.
    """
    buyers, mau = _aligned(buyers, mau, ("buyers", "mau"))
    return (buyers / mau.where(mau != 0)).rename("buyer_penetration")


def decompose_gmv_growth(gmv: pd.Series, users: pd.Series, buyers: pd.Series,
                         lag: int | None = None) -> pd.DataFrame:
    """Split the change in GMV into users, conversion and spend per buyer.

    GMV = users x (buyers / users) x (GMV / buyers), so the log change of GMV
    over `lag` periods is exactly the sum of the log changes of the three
    factors.

    Parameters
    ----------
    gmv, users, buyers : pandas.Series
        Same frequency; GMV in RMB bn, users (DAU or MAU) and buyers in millions.
    lag : int, optional
        Periods compared; default one year (4 for quarterly, so seasonality
        cancels).

    Returns
    -------
    pandas.DataFrame
        Columns ``total`` (log change of GMV), ``users``, ``conversion``,
        ``spend_per_buyer`` (log contributions, summing to ``total``),
        ``total_growth`` (``exp(total) - 1``). NaN in a row where any of the six
        values needed (three now, three `lag` earlier) is missing or not positive.
    """
    gmv = check_series(gmv, "gmv")
    users = check_series(users, "users")
    buyers = check_series(buyers, "buyers")
    lag = periods_per_year(gmv.index) if lag is None else int(lag)
    if lag < 1:
        raise ParameterError("lag", lag, "a positive number of periods")
    start = min(s.index[0] for s in (gmv, users, buyers))
    end = max(s.index[-1] for s in (gmv, users, buyers))
    full = pd.period_range(start, end, freq=gmv.index.freq)
    logs = {}
    for name, s in (("gmv", gmv), ("users", users), ("buyers", buyers)):
        s = s.reindex(full)
        logs[name] = np.log(s.where(s > 0))
    d_gmv = logs["gmv"] - _lagged(logs["gmv"], lag)
    d_users = logs["users"] - _lagged(logs["users"], lag)
    d_buyers = logs["buyers"] - _lagged(logs["buyers"], lag)
    conversion = d_buyers - d_users
    # Spend per buyer is log(GMV) - log(buyers); written as the remainder so the
    # three parts add to the total exactly in floating point, not just in algebra.
    spend = d_gmv - d_users - conversion
    frame = pd.DataFrame({
        "total": d_gmv, "users": d_users, "conversion": conversion, "spend_per_buyer": spend,
    })
    frame.loc[frame.isna().any(axis=1), :] = np.nan
    frame["total_growth"] = np.expm1(frame["total"])
    frame.index.name = "period"
    return frame
