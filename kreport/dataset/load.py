"""Loading the checked data files into tidy, typed frames.

Money is in RMB bn, people in millions and rates in fractions of 1 after loading, whatever
unit the file used. Quarters, calendar years and fiscal years keep their own pandas Period
frequency, and the ``period_kind`` column says which, so annual and quarterly values are
never mixed silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kreport.config import DATA_DIR
from kreport.dataset.periods import parse_period, parse_quarter
from kreport.dataset.schema import CANONICAL_UNIT, METRICS, TABLES, TIERS, UNITS
from kreport.dataset.selections import without_bounds
from kreport.dataset.validate import check, parse_number, split_source_ids
from kreport.errors import ParameterError

__all__ = ["Dataset", "load", "load_metrics", "quarterly_series", "annual_series", "check_platform"]


@dataclass(frozen=True)
class Dataset:
    """The four tables, loaded and joined.

    Attributes
    ----------
    metrics : DataFrame
        One row per figure: platform, metric, period (Period), period_kind, period_start,
        period_end, value (canonical unit), unit (canonical), qualifier, basis, source_id,
        note, model (business model), the source's title/publisher/url/published, the
        figure as published (value_published, unit_published) and its line in metrics.csv.
        ``source_id`` is the primary source and ``tier`` its tier (company, newswire, media,
        broker, aggregator, seed); ``corroborated_by`` is a tuple of the further source ids and
        ``n_sources`` counts all of them (1 + len(corroborated_by)).
    platforms, sources, events : DataFrame
        The reference tables; sources carry a ``tier``; events have a Timestamp ``date`` and
        a quarterly ``quarter``.
    data_dir : Path
    """

    metrics: pd.DataFrame
    platforms: pd.DataFrame
    sources: pd.DataFrame
    events: pd.DataFrame
    data_dir: Path

    def as_of(self, quarter) -> Dataset:
        """What was known for periods up to the end of ``quarter`` (YYYYQn)."""
        cutoff = parse_quarter(quarter, "as_of").end_time
        metrics = self.metrics[self.metrics["period_end"] <= cutoff]
        events = self.events[self.events["date"] <= cutoff]
        return Dataset(metrics.reset_index(drop=True), self.platforms, self.sources,
                       events.reset_index(drop=True), self.data_dir)

    def latest_quarter(self) -> pd.Period:
        """The newest calendar quarter with a figure in the data."""
        quarters = self.metrics.loc[self.metrics["period_kind"] == "quarter", "period"]
        return max(quarters)


def load(data_dir: Path | str | None = None, as_of=None) -> Dataset:
    """Check and load the data folder; raise DataError (file:line: column) on any error."""
    data_dir = Path(data_dir) if data_dir is not None else DATA_DIR
    report = check(data_dir)
    report.raise_for_errors()
    # Name the columns: a file with a header and no rows still gives every column.
    tables = {name: pd.DataFrame([{**row.values, "line": row.line} for row in rows],
                                 columns=[*TABLES[name], "line"])
              for name, rows in report.tables.items()}
    platforms = tables["platforms.csv"].astype({"fiscal_year_end_month": int})
    sources = tables["sources.csv"]
    # An identical repeated row (validation warns about it) is one figure, not two.
    raw = tables["metrics.csv"]
    raw = raw[~raw.drop(columns="line").duplicated(keep="first")]
    metrics = _metrics_frame(raw, platforms, sources)
    events = tables["events.csv"]
    events["date"] = pd.to_datetime(events["date"])
    events["quarter"] = events["date"].dt.to_period("Q-DEC")
    events = events.sort_values("date").reset_index(drop=True)
    dataset = Dataset(metrics, platforms.set_index("platform", drop=False), sources, events, data_dir)
    return dataset.as_of(as_of) if as_of is not None else dataset


def load_metrics(data_dir: Path | str | None = None, as_of=None) -> pd.DataFrame:
    """The tidy metrics frame of :func:`load`."""
    return load(data_dir, as_of).metrics


def _metrics_frame(raw: pd.DataFrame, platforms: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    fiscal = platforms.set_index("platform")["fiscal_year_end_month"]
    parsed = [parse_period(p, int(fiscal[pl])) for p, pl in zip(raw["period"], raw["platform"])]
    frame = pd.DataFrame({
        "platform": raw["platform"],
        "metric": raw["metric"],
        "period": [p for p, _ in parsed],
        "period_kind": pd.Categorical([k for _, k in parsed], categories=["quarter", "year", "fiscal_year"]),
        "value_published": [parse_number(v) for v in raw["value"]],
        "unit_published": raw["unit"],
        "qualifier": raw["qualifier"],
        "basis": pd.Categorical(raw["basis"], categories=["reported", "estimate"]),
        "source_id": raw["source_id"],
        "corroborated_by": [tuple(dict.fromkeys(i for i in split_source_ids(text) if i != primary))
                            for text, primary in zip(raw["corroborated_by"], raw["source_id"])],
        "note": raw["note"],
        "line": raw["line"].astype(int),
    })
    # pd.to_datetime keeps a datetime dtype when there are no rows (a bare list would be object).
    frame["period_start"] = pd.to_datetime([p.start_time for p in frame["period"]])
    frame["period_end"] = pd.to_datetime([p.end_time.normalize() for p in frame["period"]])
    frame["value"] = frame["value_published"] * frame["unit_published"].map(lambda u: UNITS[u].factor)
    frame["unit"] = frame["metric"].map(lambda m: CANONICAL_UNIT[METRICS[m].kind])
    frame["model"] = frame["platform"].map(platforms.set_index("platform")["model"])
    frame["n_sources"] = 1 + frame["corroborated_by"].map(len).astype(int)
    frame = frame.merge(
        sources[["source_id", "title", "publisher", "url", "published", "tier"]].rename(
            columns={"title": "source_title", "publisher": "source_publisher",
                     "url": "source_url", "published": "source_published"}),
        on="source_id", how="left",
    )
    frame["tier"] = pd.Categorical(frame["tier"], categories=list(TIERS))
    return frame.sort_values(["platform", "metric", "period_end", "period_kind"]).reset_index(drop=True)


def check_platform(dataset_or_frame, platform: str) -> str:
    """Return ``platform`` if the data knows it; raise ParameterError listing the known ones."""
    platforms = (dataset_or_frame.platforms.index if isinstance(dataset_or_frame, Dataset)
                 else dataset_or_frame["platform"].unique())
    if platform not in set(platforms):
        raise ParameterError("platform", platform, "one of " + ", ".join(sorted(platforms)))
    return platform


def _select(frame: pd.DataFrame, platform: str, metric: str, kinds: tuple[str, ...],
            include_bounds: bool) -> pd.DataFrame:
    if metric not in METRICS:
        raise ParameterError("metric", metric, "one of " + ", ".join(METRICS))
    check_platform(frame, platform)
    rows = frame[(frame["platform"] == platform) & (frame["metric"] == metric)
                 & frame["period_kind"].isin(kinds)]
    if not include_bounds:
        rows = without_bounds(rows)
    # A company's own figure wins over an estimate for the same period.
    return (rows.sort_values("basis", key=lambda b: b.cat.codes)
                .drop_duplicates("period", keep="first")
                .sort_values("period_end"))


def quarterly_series(frame: pd.DataFrame, platform: str, metric: str, *,
                     include_bounds: bool = False) -> pd.Series:
    """One platform's quarterly metric as a float Series on a contiguous ``Q-DEC`` PeriodIndex.

    Quarters with no figure are NaN (never dropped), so periods cannot shift. Bounds ("over
    100 million") are left out unless ``include_bounds``; a reported figure wins over an
    estimate for the same quarter. An empty Series if the platform has no quarterly figure.
    """
    rows = _select(frame, platform, metric, ("quarter",), include_bounds)
    name = f"{platform}.{metric}"
    if rows.empty:
        return pd.Series([], index=pd.PeriodIndex([], freq="Q-DEC"), dtype=float, name=name)
    series = pd.Series(rows["value"].to_numpy(float), index=pd.PeriodIndex(rows["period"], freq="Q-DEC"))
    full = pd.period_range(series.index.min(), series.index.max(), freq="Q-DEC")
    return series.reindex(full).rename(name)


def annual_series(frame: pd.DataFrame, platform: str, metric: str, *,
                  include_bounds: bool = False) -> pd.Series:
    """One platform's annual metric (calendar or fiscal years, whichever it reports).

    Calendar years are on a ``Y-DEC`` index, fiscal years on the platform's own (``Y-MAR``
    for Alibaba). A platform with both kinds for one metric raises ParameterError rather
    than mixing them. Missing years are NaN.
    """
    rows = _select(frame, platform, metric, ("year", "fiscal_year"), include_bounds)
    name = f"{platform}.{metric}"
    if rows.empty:
        return pd.Series([], index=pd.PeriodIndex([], freq="Y-DEC"), dtype=float, name=name)
    freqs = {p.freqstr for p in rows["period"]}
    if len(freqs) > 1:
        raise ParameterError("metric", metric, f"one kind of year for {platform}, not {sorted(freqs)}")
    freq = freqs.pop()
    series = pd.Series(rows["value"].to_numpy(float), index=pd.PeriodIndex(rows["period"], freq=freq))
    full = pd.period_range(series.index.min(), series.index.max(), freq=freq)
    return series.reindex(full).rename(name)


