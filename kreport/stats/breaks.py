"""Did growth change after a dated strategy event? Tests of a break in the growth trend.

For each event the year-on-year log growth rate (which removes the seasonal
pattern) is compared before and after the event with an event dummy,
``g_t = a + b * after_t + e_t``, using Newey-West standard errors because
overlapping year-on-year changes are autocorrelated by construction. A Chow
test on the log level (trend plus quarter dummies, split at the event) is
given beside it. The quarter containing the event is left out of both
sides: it is partly before and partly after.

A handful of quarters is weak evidence whatever the p-value: every row
carries n_before and n_after, and an event with fewer than `min_side`
growth observations on either side gets no statistics, only a flag.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kreport.errors import ParameterError
from kreport.stats.notes import note
from kreport.stats.series import check_series, periods_per_year, to_period

__all__ = ["growth_breaks", "BREAK_COLUMNS"]

BREAK_COLUMNS = [
    "period", "label", "n_before", "n_after", "growth_before", "growth_after", "change",
    "change_se", "change_lo95", "change_hi95", "p_value", "chow_f", "chow_p_value", "evidence", "caveat",
]


def _chow(log_level: pd.Series, event: pd.Period, m: int):
    """Chow F test for a break at `event` in a trend + season regression of the log level."""
    import statsmodels.api as sm
    from scipy import stats

    data = log_level.dropna()
    pos = np.array([p.ordinal for p in data.index], dtype=float)
    season = [(data.index.quarter == q).astype(float) for q in range(2, m + 1)] if m == 4 else []
    X = np.column_stack([np.ones(len(data)), pos - pos[0]] + season)
    k = X.shape[1]
    before = np.array([p < event for p in data.index])
    after = np.array([p > event for p in data.index])
    if before.sum() < k + 2 or after.sum() < k + 2:
        return np.nan, np.nan
    keep = before | after
    rss_pooled = sm.OLS(data.to_numpy()[keep], X[keep]).fit().ssr
    rss_split = sum(sm.OLS(data.to_numpy()[side], X[side]).fit().ssr for side in (before, after))
    dof = keep.sum() - 2 * k
    if dof <= 0 or rss_split <= 0:
        return np.nan, np.nan
    f = ((rss_pooled - rss_split) / k) / (rss_split / dof)
    return float(f), float(stats.f.sf(f, k, dof))


def _evidence(p_value: float, n_small: int) -> str:
    if not np.isfinite(p_value):
        return "too few observations"
    if p_value >= 0.10:
        return "none"
    if n_small < 8:
        return "weak"
    return "strong" if p_value < 0.01 else "moderate"


def growth_breaks(series: pd.Series, events, min_side: int = 4) -> pd.DataFrame:
    """Test each event for a change in the growth trend.

    Parameters
    ----------
    series : pandas.Series
        A positive kreport series (quarterly or annual).
    events : sequence of (date or Period or str, str)
        Event dates and labels, e.g. ``[("2022-06-15", "new strategy")]``.
    min_side : int
        Fewest growth observations required on each side; below it the row is
        flagged and its statistics are NaN.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`BREAK_COLUMNS`: the event's period and label, counts of
        growth observations before and after, mean year-on-year growth before
        and after (fractions), the change in log growth (``change``, with
        Newey-West standard error, 95% interval and p-value), the Chow F test
        and its p-value, an ``evidence`` word (too few observations / none /
        weak / moderate / strong; "weak" whenever a side has fewer than 8) and
        a caveat (a :class:`kreport.stats.notes.Note`).
    """
    import statsmodels.api as sm

    series = check_series(series)
    if not isinstance(events, (list, tuple)):
        raise ParameterError("events", events, "a list of (date or Period, label) pairs")
    m = periods_per_year(series.index)
    log_level = np.log(series.where(series > 0))
    earlier = log_level.reindex(series.index - m)
    earlier.index = series.index
    growth = (log_level - earlier).dropna()
    rows = []
    for item in events:
        if not (isinstance(item, (list, tuple)) and len(item) == 2):
            raise ParameterError("events", item, "a (date or Period, label) pair")
        when, label = item
        event = to_period(when, series.index.freqstr)
        before = growth[growth.index < event]
        after = growth[growth.index > event]
        row = dict.fromkeys(BREAK_COLUMNS, np.nan)
        row.update(period=event, label=str(label), n_before=len(before), n_after=len(after))
        if len(before):
            row["growth_before"] = float(np.expm1(before.mean()))
        if len(after):
            row["growth_after"] = float(np.expm1(after.mean()))
        n_small = min(len(before), len(after))
        if n_small < min_side:
            row["evidence"] = "too few observations"
            row["caveat"] = note("breaks.too_few", before=len(before), after=len(after), min_side=min_side)
            rows.append(row)
            continue
        g = pd.concat([before, after])
        X = sm.add_constant((g.index > event).astype(float))
        fit = sm.OLS(g.to_numpy(), X).fit(cov_type="HAC", cov_kwds={"maxlags": max(m - 1, 1)})
        change, se = float(fit.params[1]), float(fit.bse[1])
        row.update(change=change, change_se=se, change_lo95=change - 1.96 * se, change_hi95=change + 1.96 * se,
                   p_value=float(fit.pvalues[1]))
        row["chow_f"], row["chow_p_value"] = _chow(log_level, event, m)
        row["evidence"] = _evidence(row["p_value"], n_small)
        row["caveat"] = note("breaks.quarters" if m == 4 else "breaks.years", before=len(before), after=len(after))
        rows.append(row)
    return pd.DataFrame(rows, columns=BREAK_COLUMNS)
