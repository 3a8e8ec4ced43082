"""What a page may say about the data, computed from the data: each function answers one claim a section words.

A sentence such as "the data has no pair of GMV and user figures", "only lower bounds are
published", "DAU reached a record", "the newest shelf GMV" or "growth comes from spending" is
true or false of the data; these functions decide which, so a section only picks the words.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from kreport.dataset.load import annual_series, quarterly_series
from kreport.dataset.schema import BOUNDS
from kreport.stats import basis
from kreport.stats.derived import meaningful

__all__ = ["pair_values", "missing_quarters", "yearly_growth", "indexed", "Pair", "gmv_user_pairs", "bound_kind", "record_high", "newest_gmv",
           "growth_driver", "Change", "change"]

def missing_quarters(metrics: pd.DataFrame, platform: str, quarter, since: int = 8) -> list[pd.Period]:
    """Quarters of the last ``since`` up to ``quarter`` for which ``platform`` has no figure at all although it has
    figures both before and after (a results quarter missing from the data, such as Kuaishou's 2025Q4)."""
    quarter = pd.Period(quarter, freq="Q-DEC")
    mine = metrics[(metrics["platform"] == platform) & (metrics["period_kind"] == "quarter")]
    have = set(mine["period"])
    if not have:
        return []
    first, last = min(have), max(have)
    return [q for q in pd.period_range(quarter - since + 1, quarter, freq="Q-DEC") if first < q < last and q not in have]


def yearly_growth(frame: pd.DataFrame) -> pd.DataFrame:
    """Year-on-year growth between consecutive years of the same kind, per platform, off a meaningful base only.

    ``frame``: one row per platform and year (columns platform, period, period_kind, year, value, grade, and
    whatever else is kept from the later row), bounds left out. A change is kept only when the two
    years follow each other and the earlier one is a meaningful base
    (:data:`kreport.stats.derived.MEANINGFUL_BASE`); its grade is the weaker of the two figures'.
    Columns of the later row plus ``value`` (the change, a fraction) and ``grade``.
    """
    rows = []
    for _, group in frame.sort_values("period_end").groupby("platform", sort=False):
        for earlier, later in zip(group.to_dict("records"), group.iloc[1:].to_dict("records")):
            if later["year"] - earlier["year"] != 1 or later["period_kind"] != earlier["period_kind"]:
                continue
            growth = meaningful(later["value"] / earlier["value"] - 1) if earlier["value"] else math.nan
            if math.isnan(growth):
                continue
            rows.append({**later, "metric": f"{later['metric']}_yoy", "value": growth,
                         "grade": basis.weakest_of([str(later["grade"]), str(earlier["grade"])]), "qualifier": ""})
    return pd.DataFrame(rows)


def indexed(frame: pd.DataFrame, base_year: int) -> pd.DataFrame:
    """Each platform's yearly values divided by its own ``base_year`` value (= 100), with the weaker grade of the two.

    Platforms without an exact figure for ``base_year`` are left out.
    """
    bases = frame[frame["year"] == base_year].drop_duplicates("platform").set_index("platform")
    out = frame[frame["platform"].isin(bases.index)].copy()
    out["value"] = 100 * out["value"] / out["platform"].map(bases["value"])
    out["grade"] = [basis.weakest_of([str(g), str(bases.loc[p, "grade"])]) for g, p in zip(out["grade"], out["platform"])]
    return out


# (GMV measure, user measure, whether a quarter's GMV is annualised): GMV per user on each footing.
_PAIRS = (("gmv", "dau", True), ("gmv", "monthly_buyers", True), ("gmv_ttm", "annual_buyers", False),
          ("gmv", "annual_buyers", True), ("gmv", "mau", True))


@dataclass(frozen=True)
class Pair:
    """GMV and a user measure published for the same periods."""

    gmv_metric: str
    user_metric: str
    kind: str  # "quarter" or "year"
    periods: tuple  # the Periods where both are exact figures
    annualise: bool


def gmv_user_pairs(metrics: pd.DataFrame, platform: str) -> list[Pair]:
    """Every GMV and user measure of ``platform`` published for the same periods, quarterly and annual.

    A twelve-month GMV is set against annual buyers, a quarter's GMV against the quarter's users
    (annualised), a year's GMV against the year's buyers or its average DAU.
    """
    mine = metrics[metrics["platform"] == platform]
    have = set(mine["metric"])
    pairs = []
    for gmv_metric, user_metric, annualise in _PAIRS:
        if not {gmv_metric, user_metric} <= have:
            continue
        for kind, select in (("quarter", quarterly_series), ("year", annual_series)):
            if kind == "year" and gmv_metric == "gmv_ttm":
                continue
            try:
                gmv = select(mine, platform, gmv_metric).dropna()
                users = select(mine, platform, user_metric).dropna()
            except Exception:  # noqa: BLE001 - calendar and fiscal years mixed: no pair on that footing
                continue
            if gmv.empty or users.empty or gmv.index.freqstr != users.index.freqstr:
                continue
            both = gmv.index.intersection(users.index)
            if len(both):
                pairs.append(Pair(gmv_metric, user_metric, kind, tuple(both), annualise and kind == "quarter"))
        if gmv_metric == "gmv" and user_metric == "annual_buyers" and not any(p.gmv_metric == "gmv" and p.user_metric == user_metric
                                                                              and p.kind == "year" for p in pairs):
            # A year's GMV against the annual buyers counted over the twelve months to its last quarter
            # (Alibaba's FY2021 against its buyers at March 2021).
            years = _year_end_users(mine, platform, user_metric)
            if years is not None and len(years[0]):
                pairs.append(Pair(gmv_metric, user_metric, "year_end", tuple(years[0].index), False))
    return pairs


def _year_end_users(mine: pd.DataFrame, platform: str, user_metric: str):
    """(GMV, users, their grades) on the GMV's years, the users taken at the quarter each year ends in; None without both."""
    try:
        gmv = annual_series(mine, platform, "gmv").dropna()
    except Exception:  # noqa: BLE001 - mixed kinds of year: no pair
        return None
    users = quarterly_series(mine, platform, user_metric)
    grades = quarterly_series(mine, platform, user_metric, column="grade")
    if gmv.empty or users.dropna().empty:
        return None
    at = {p: pd.Period(p.end_time, freq="Q-DEC") for p in gmv.index}
    kept = [p for p in gmv.index if pd.notna(users.get(at[p]))]
    index = pd.PeriodIndex(kept, freq=gmv.index.freq)
    return (gmv[kept], pd.Series([users[at[p]] for p in kept], index=index),
            pd.Series([grades.get(at[p]) for p in kept], index=index, dtype=object))


def pair_values(metrics: pd.DataFrame, platform: str, pair: Pair) -> tuple[pd.Series, pd.Series]:
    """GMV per user (RMB) on a pair's footing, and the grade of each value (the weaker of its two figures)."""
    from kreport.stats.derived import gmv_per_user

    mine = metrics[metrics["platform"] == platform]
    if pair.kind == "year_end":
        gmv, users, user_grades = _year_end_users(mine, platform, pair.user_metric)
        gmv_grades = annual_series(mine, platform, pair.gmv_metric, column="grade").reindex(gmv.index)
        return gmv_per_user(gmv, users, annualise=False), basis.weakest(gmv_grades, user_grades)
    select = quarterly_series if pair.kind == "quarter" else annual_series
    values = gmv_per_user(select(mine, platform, pair.gmv_metric), select(mine, platform, pair.user_metric), annualise=pair.annualise)
    grades = basis.weakest(select(mine, platform, pair.gmv_metric, column="grade"), select(mine, platform, pair.user_metric, column="grade"))
    return values, grades


def bound_kind(rows: pd.DataFrame) -> str:
    """'over', 'under' or 'mixed': which bounds a set of bound-only rows states ('' for none)."""
    kinds = set(rows.loc[rows["qualifier"].isin(BOUNDS), "qualifier"])
    return "" if not kinds else kinds.pop() if len(kinds) == 1 else "mixed"


def record_high(series: pd.Series, period) -> bool:
    """Whether the figure of ``period`` is above every earlier figure of the series ("reached a record")."""
    series = series.dropna()
    if period not in series.index:
        return False
    earlier = series[series.index < period]
    return bool(earlier.empty or series[period] > earlier.max())


def newest_gmv(metrics: pd.DataFrame, platforms) -> pd.DataFrame:
    """The newest GMV-like figure (GMV or twelve-month GMV) of each of ``platforms``, newest first.

    Every platform is listed, so a sentence about "the newest shelf GMV" can name them all and
    their periods instead of the one that happens to be newest.
    """
    rows = metrics[metrics["platform"].isin(list(platforms)) & metrics["metric"].isin(["gmv", "gmv_ttm"])]
    rows = rows.sort_values(["period_end", "grade"], ascending=[True, False])
    return rows.groupby("platform").tail(1).sort_values("period_end", ascending=False).reset_index(drop=True)


@dataclass(frozen=True)
class Change:
    """A year-on-year change of one figure: the values, the change and its grade (weakest of the two figures)."""

    period: pd.Period
    value: float
    earlier: float
    change: float
    grade: str


def change(metrics: pd.DataFrame, platform: str, metric: str, period=None) -> Change | None:
    """The newest (or ``period``'s) quarterly figure of a metric against the same quarter a year earlier."""
    values = quarterly_series(metrics, platform, metric).dropna()
    if values.empty:
        return None
    grades = quarterly_series(metrics, platform, metric, column="grade")
    period = values.index[-1] if period is None else period
    if period not in values.index:
        return None
    earlier = values.get(period - 4, math.nan)
    growth = values[period] / earlier - 1 if earlier and not math.isnan(earlier) else math.nan
    grade = basis.yoy(grades).get(period) if not math.isnan(growth) else grades.get(period)
    return Change(period, float(values[period]), float(earlier), float(growth), grade if isinstance(grade, str) else "reported")


def growth_driver(gmv_growth: float, user_growth: float) -> str:
    """Where GMV growth comes from, compared on the same footing (both signed year-on-year changes).

    'spending'  GMV grows and users grow at most half as fast (or shrink): more spend per user;
    'users'     users grow at least as fast as GMV;
    'both'      both grow, users by more than half of GMV's growth but less than all of it;
    'decline'   GMV shrinks: there is no growth to attribute;
    ''          a change is missing.
    """
    if math.isnan(gmv_growth) or math.isnan(user_growth):
        return ""
    if gmv_growth <= 0:
        return "decline"
    if user_growth >= gmv_growth:
        return "users"
    return "spending" if user_growth <= gmv_growth / 2 else "both"
