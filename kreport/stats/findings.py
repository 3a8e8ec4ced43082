"""The comparison's conclusion: which model of e-commerce is gaining, on which measure, how much and how sure.

Each finding is computed from the data as it stands at a quarter, so it changes when the data
changes: a measure, the platforms it compares, the direction, the size, the grade of the weakest
figure it rests on, and the strongest caveat against it (a code the sections word). Nothing here
writes a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from kreport.dataset.load import annual_series, quarterly_series
from kreport.stats import basis
from kreport.stats.market import online_retail_shares, span_order

__all__ = ["Finding", "findings", "revenue_growth", "SCOPE_BREAKS"]

# Where a company's revenue line changes scope (the first quarter of the new scope): growth across it
# compares different things, so charts mark it and findings say so.
SCOPE_BREAKS = {
    ("kuaishou", "revenue_commerce"): ("2024Q3", "kling"),  # "other services" includes Kling AI
    ("pdd", "revenue_commerce"): ("2023Q1", "temu"),  # transaction services include Temu-related fees
    ("pdd", "revenue_total"): ("2022Q3", "temu"),  # Temu launched in September 2022
}


@dataclass(frozen=True)
class Finding:
    """One finding of the quarter.

    ``code`` names the measure (``revenue_growth``, ``commerce_growth``, ``gmv_growth``, ``shelf_share``,
    ``market_share``, ``buyers``); ``direction`` is ``ahead``/``behind``/``level`` for Kuaishou's trust e-commerce against
    the others (or ``up``/``down``/``flat`` for a measure of one platform); ``values`` holds what the
    sentence needs (platform -> (period, value, grade), and gaps); ``grade`` is the weakest grade used;
    ``caveat`` the code of the strongest caveat against it.
    """

    code: str
    direction: str
    values: dict = field(default_factory=dict)
    grade: str = "reported"
    caveat: str = ""


def revenue_growth(metrics: pd.DataFrame, platforms, metric: str) -> pd.DataFrame:
    """Year-on-year growth of a company revenue line, quarter by quarter, per platform, with its grade.

    Columns: platform, period, metric (``<metric>_yoy``), value (fraction), grade, and ``break`` (the
    scope-change code where the change spans one, else ''). Quarters where either figure is missing
    are left out.
    """
    rows = []
    for platform in platforms:
        values = quarterly_series(metrics, platform, metric).dropna()
        if values.empty:
            continue
        full = quarterly_series(metrics, platform, metric)
        grades = basis.yoy(quarterly_series(metrics, platform, metric, column="grade"))
        growth = (full / full.shift(4) - 1).dropna()
        start, code = SCOPE_BREAKS.get((platform, metric), (None, ""))
        for period, value in growth.items():
            spans = start is not None and period - 4 < pd.Period(start, freq="Q-DEC") <= period
            rows.append({"platform": platform, "period": period, "metric": f"{metric}_yoy", "value": float(value),
                         "grade": grades.get(period, "reported"), "break": code if spans else ""})
    return pd.DataFrame(rows, columns=["platform", "period", "metric", "value", "grade", "break"])


def _latest(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values("period").groupby("platform").tail(1).set_index("platform")


def _compare(code: str, frame: pd.DataFrame, focus: str, caveat: str, quarter: pd.Period, max_age: int = 4) -> Finding | None:
    """Kuaishou's newest value of a growth measure against the other platforms' newest, each at most ``max_age``
    quarters old at ``quarter``."""
    if frame.empty:
        return None
    latest = _latest(frame)
    latest = latest[[quarter.ordinal - p.ordinal <= max_age for p in latest["period"]]]
    if focus not in latest.index or len(latest) < 2:
        return None
    others = latest.drop(index=focus)
    mine = latest.loc[focus, "value"]
    gap = mine - others["value"].median()
    direction = "level" if abs(gap) < 0.01 else ("ahead" if gap > 0 else "behind")
    values = {p: (r.period, float(r.value), r.grade) for p, r in latest.iterrows()}
    grade = basis.weakest_of(latest["grade"])
    broken = [p for p, r in latest.iterrows() if r.get("break")]
    return Finding(code, direction, {"latest": values, "gap": float(gap), "breaks": broken}, grade,
                   "scope_break" if broken else caveat)


def _gmv_growth(metrics: pd.DataFrame) -> Finding | None:
    """Kuaishou's newest full-year GMV growth against Douyin's estimate for the same year."""
    out = {}
    for platform in ("kuaishou", "douyin"):
        try:
            years = annual_series(metrics, platform, "gmv")
            grades = annual_series(metrics, platform, "gmv", column="grade")
        except Exception:  # noqa: BLE001 - no annual GMV, or mixed kinds of year
            return None
        growth = (years / years.shift(1) - 1).dropna()
        if growth.empty:
            return None
        out[platform] = growth, basis.yoy(grades)
    common = out["kuaishou"][0].index.intersection(out["douyin"][0].index)
    if not len(common):
        return None
    year = common[-1]
    ks, dy = out["kuaishou"][0][year], out["douyin"][0][year]
    grade = basis.weakest_of([out["kuaishou"][1].get(year), out["douyin"][1].get(year)])
    gap = ks - dy
    direction = "level" if abs(gap) < 0.01 else ("ahead" if gap > 0 else "behind")
    return Finding("gmv_growth", direction, {"year": year, "kuaishou": float(ks), "douyin": float(dy), "gap": float(gap)},
                   grade, "douyin_estimate")


def _shelf_share(metrics: pd.DataFrame, platform: str) -> Finding | None:
    """How a content platform's shelf share of GMV moved between its first and newest figure."""
    rows = metrics[(metrics["platform"] == platform) & (metrics["metric"] == "shelf_gmv_share")].sort_values("period_end")
    if len(rows) < 2:
        return None
    first, last = rows.iloc[0], rows.iloc[-1]
    change = last["value"] - first["value"]
    direction = "flat" if abs(change) < 0.01 else ("up" if change > 0 else "down")
    return Finding(f"shelf_share.{platform}", direction,
                   {"first": (first["period"], float(first["value"]), first["qualifier"]),
                    "last": (last["period"], float(last["value"]), last["qualifier"]), "change": float(change)},
                   basis.weakest_of([str(first["grade"]), str(last["grade"])]), "shelf_definitions")


def _market_share(metrics: pd.DataFrame, platforms, platform: str, quarter: pd.Period, max_age: int = 4) -> Finding | None:
    """How ``platform``'s GMV share of China's online retail sales moved between the same months a year apart: its
    newest share (at most ``max_age`` quarters old at ``quarter``) against the one for the same months of the year before."""
    shares = online_retail_shares(metrics, [p for p in platforms if p == platform])
    if shares.empty:
        return None
    by_period = shares.set_index("period")
    newest = max(by_period.index, key=span_order)
    if quarter.ordinal - pd.Period(newest.end_time, freq="Q-DEC").ordinal > max_age:
        return None
    before = newest - (1 if newest.freqstr.startswith("Y") else 4)  # the same months a year earlier
    if before not in by_period.index:
        return None
    now, then = by_period.loc[newest], by_period.loc[before]
    change = float(now["value"] - then["value"])
    direction = "flat" if abs(change) < 0.002 else ("up" if change > 0 else "down")
    return Finding(f"market_share.{platform}", direction,
                   {"first": (before, float(then["value"]), then["qualifier"]), "last": (newest, float(now["value"]), now["qualifier"]),
                    "change": change}, basis.weakest_of([str(now["grade"]), str(then["grade"])]), "gmv_vs_retail")


def findings(metrics: pd.DataFrame, platforms: pd.DataFrame, quarter) -> list[Finding]:
    """The conclusion's findings at ``quarter``, strongest evidence first (reported before estimates)."""
    quarter = pd.Period(quarter, freq="Q-DEC")
    listed = [p for p in platforms.index if p != "douyin"]
    out = [
        _compare("revenue_growth", revenue_growth(metrics, listed, "revenue_total"), "kuaishou", "group_revenue", quarter),
        _compare("commerce_growth", revenue_growth(metrics, listed, "revenue_commerce"), "kuaishou", "commerce_lines", quarter),
        _gmv_growth(metrics),
        _market_share(metrics, platforms.index, "kuaishou", quarter),
        _shelf_share(metrics, "kuaishou"),
        _shelf_share(metrics, "douyin"),
    ]
    out = [f for f in out if f is not None]
    order = {g: i for i, g in enumerate(basis.RANK)}
    return sorted(out, key=lambda f: order.get(f.grade, 9))[:5]

