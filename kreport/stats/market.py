"""Each platform's GMV as a share of China's online retail sales of physical goods (NBS), over the same months.

The market figure is year to date (January to the end of a quarter, or the whole year; see
:attr:`kreport.dataset.schema.Metric.cumulative`), so a platform's GMV is taken over exactly those
months: its calendar-year GMV, or twelve-month GMV to December, for a whole year; else the sum of its
exact quarterly GMV from the first quarter to the cut-off, when every one of those quarters is in the
data. Nothing else is compared: a fiscal year (Alibaba's, April-March) covers other months, a bound is
not a level, and a missing quarter is never filled. A share takes the weakest grade of everything it uses.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kreport.dataset.schema import BOUNDS, METRICS
from kreport.dataset.selections import reported_first
from kreport.stats import basis

__all__ = ["SHARE_METRIC", "MarketSpan", "market_figures", "online_retail_shares", "span_order"]

SHARE_METRIC = "gmv_share_online_retail"
_COLUMNS = ["platform", "market", "metric", "period", "months", "whole_year", "value", "gmv", "market_value", "qualifier",
            "grade", "footing", "source_id", "sources"]


def span_order(period: pd.Period) -> tuple:
    """Sort key of market spans: by the day they end, a whole year after January-September's cut-off of the same year."""
    return period.end_time, period.freqstr.startswith("Y")


@dataclass(frozen=True)
class MarketSpan:
    """One market figure: the months it covers (January to ``period``'s end, or the calendar year)."""

    market: str
    period: pd.Period  # a Q-DEC quarter (year to date at its end) or a Y-DEC year
    value: float  # RMB bn
    qualifier: str
    grade: str
    source_id: str

    @property
    def whole_year(self) -> bool:
        return self.period.freqstr.startswith("Y")

    @property
    def months(self) -> int:
        return 12 if self.whole_year else 3 * self.period.quarter


def market_figures(metrics: pd.DataFrame, metric: str = "online_retail_physical") -> list[MarketSpan]:
    """The market's year-to-date and full-year figures (bounds left out), oldest first."""
    if not METRICS[metric].market_level:
        raise ValueError(f"{metric} is not a market total")
    rows = metrics[(metrics["metric"] == metric) & ~metrics["qualifier"].isin(BOUNDS)
                   & metrics["period_kind"].isin(["quarter", "year"])]
    rows = reported_first(rows, ["platform", "period"])
    spans = [MarketSpan(r.platform, r.period, float(r.value), str(r.qualifier), str(r.grade), str(r.source_id))
             for r in rows.itertuples()]
    return sorted(spans, key=lambda s: span_order(s.period))


def _exact(metrics: pd.DataFrame, platform: str, metric: str) -> pd.DataFrame:
    rows = metrics[(metrics["platform"] == platform) & (metrics["metric"] == metric) & ~metrics["qualifier"].isin(BOUNDS)]
    return reported_first(rows, "period")


def _platform_gmv(metrics: pd.DataFrame, platform: str, span: MarketSpan) -> tuple[pd.DataFrame, str] | None:
    """The platform's GMV rows covering exactly the span's months, and how they cover it; None if the data has no such GMV."""
    year = span.period.year
    if span.whole_year:
        annual = _exact(metrics, platform, "gmv")
        annual = annual[(annual["period_kind"] == "year") & (annual["period"].map(lambda p: p.year) == year)]
        if len(annual):
            return annual.head(1), "year"
        ttm = _exact(metrics, platform, "gmv_ttm")
        december = pd.Period(f"{year}Q4", freq="Q-DEC")
        ttm = ttm[(ttm["period_kind"] == "quarter") & (ttm["period"] == december)]
        if len(ttm):
            return ttm.head(1), "ttm"
    quarterly = _exact(metrics, platform, "gmv")
    quarterly = quarterly[quarterly["period_kind"] == "quarter"]
    wanted = [pd.Period(f"{year}Q{q}", freq="Q-DEC") for q in range(1, span.months // 3 + 1)]
    parts = quarterly[quarterly["period"].isin(wanted)]
    if len(parts) != len(wanted):
        return None
    return parts.sort_values("period_end"), ("quarter" if len(wanted) == 1 else "quarters")


def online_retail_shares(metrics: pd.DataFrame, platforms, metric: str = "online_retail_physical") -> pd.DataFrame:
    """Each platform's GMV over the months of each market figure, as a fraction of it.

    Columns: platform, market, metric (``gmv_share_online_retail``), period (the market figure's: a quarter
    for January to its end, or a year), months (3, 6, 9 or 12), whole_year, value (fraction), gmv and
    market_value (RMB bn), qualifier (``about`` if any figure used is approximate), grade (weakest of all
    figures used), footing (``year``, ``ttm``, ``quarter`` or ``quarters``: which GMV was used), source_id
    (the GMV's first source, for charts) and sources (every source used).
    """
    rows = []
    for span in market_figures(metrics, metric):
        if span.value <= 0:
            continue
        for platform in platforms:
            found = _platform_gmv(metrics, platform, span)
            if found is None:
                continue
            used, footing = found
            gmv = float(used["value"].sum())
            qualifiers = {span.qualifier, *map(str, used["qualifier"])}
            rows.append({
                "platform": platform, "market": span.market, "metric": SHARE_METRIC,
                "period": span.period, "months": span.months, "whole_year": span.whole_year,
                "value": gmv / span.value, "gmv": gmv, "market_value": span.value,
                "qualifier": "about" if "about" in qualifiers else "",
                "grade": basis.weakest_of([span.grade, *map(str, used["grade"])]),
                "footing": footing, "source_id": str(used["source_id"].iloc[0]),
                "sources": (*dict.fromkeys(used["source_id"].astype(str)), span.source_id),
            })
    return pd.DataFrame(rows, columns=_COLUMNS)
