"""Loading the checked data files into tidy, typed frames.

Money is in RMB bn, people in millions and rates in fractions of 1 after loading, whatever
unit the file used. Quarters, calendar years and fiscal years keep their own pandas Period
frequency, and the ``period_kind`` column says which, so annual and quarterly values are
never mixed silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kreport.config import DATA_DIR
from kreport.dataset.periods import parse_period, parse_quarter
from kreport.dataset.schema import CANONICAL_UNIT, GRADES, METRICS, OPTIONAL_TABLES, TABLES, TIERS, UNITS, WEAK_TIERS
from kreport.dataset.selections import reported_first, without_bounds
from kreport.dataset.validate import check, parse_date, parse_number, split_source_ids
from kreport.errors import ParameterError

__all__ = ["Dataset", "load", "load_metrics", "quarterly_series", "annual_series", "check_platform", "figure_grade"]


# The columns of Dataset.disclosures: the file's, with ``period`` a Period and ``announced`` a Timestamp.
DISCLOSURE_COLUMNS = (*OPTIONAL_TABLES["disclosures.csv"], "period_kind", "line")


def _no_disclosures() -> pd.DataFrame:
    """An empty disclosures frame with the dtypes of a loaded one."""
    dtypes = {"announced": "datetime64[ns]", "line": int}
    return pd.DataFrame({column: pd.Series(dtype=dtypes.get(column, object)) for column in DISCLOSURE_COLUMNS})


@dataclass(frozen=True)
class Dataset:
    """The four tables, loaded and joined, and the optional record of disclosures.

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
        a quarterly ``quarter``. ``platforms`` holds the platforms only (the rows reports are made
        for); a ``market`` row of platforms.csv (China's online retail sales) is in ``markets``.
    data_dir : Path
    disclosures : DataFrame
        disclosures.csv (empty when the folder has none): one row per platform, metric and
        event (``first`` or ``last`` period disclosed), with ``period`` a Period of the platform's
        kind (``period_kind``: quarter, year or fiscal_year), ``announced`` a Timestamp (NaT if
        not known), ``source_id``, ``note`` and the ``line`` in the file. Ask it with
        :meth:`last_disclosed`, :meth:`first_disclosed` and :meth:`is_disclosed`.
    definitions : dict
        definitions.csv: ``(platform, metric) -> (label_en, label_zh)``, what a metric is for that
        platform in readers' words. The metrics frame carries reader_notes.csv as ``reader_note_en``
        and ``reader_note_zh`` ('' where a figure has none).
    """

    metrics: pd.DataFrame
    platforms: pd.DataFrame
    sources: pd.DataFrame
    events: pd.DataFrame
    data_dir: Path
    disclosures: pd.DataFrame = field(default_factory=_no_disclosures)
    definitions: dict = field(default_factory=dict)
    markets: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(TABLES["platforms.csv"])))

    def as_of(self, quarter) -> Dataset:
        """What was known for periods up to the end of ``quarter`` (YYYYQn)."""
        cutoff = parse_quarter(quarter, "as_of").end_time
        metrics = self.metrics[self.metrics["period_end"] <= cutoff]
        events = self.events[self.events["date"] <= cutoff]
        # Disclosure records are kept whole: whether a metric is still disclosed at a quarter
        # does not depend on the cut-off.
        return Dataset(metrics.reset_index(drop=True), self.platforms, self.sources,
                       events.reset_index(drop=True), self.data_dir, self.disclosures, self.definitions, self.markets)

    def used_sources(self) -> pd.DataFrame:
        """The sources the figures (primary and corroborating), events and disclosure records cite: one list, so
        every page that counts sources counts the same ones."""
        used = (set(self.metrics["source_id"]) | {i for ids in self.metrics["corroborated_by"] for i in ids}
                | set(self.events["source_id"]) | set(self.disclosures["source_id"]))
        return self.sources[self.sources["source_id"].isin(used)]

    def latest_quarter(self) -> pd.Period:
        """The newest calendar quarter with a platform's figure in the data (a market figure does not count)."""
        quarters = self.metrics.loc[(self.metrics["period_kind"] == "quarter") & (self.metrics["model"] != "market"), "period"]
        return max(quarters)

    def ended(self, quarter) -> pd.DataFrame:
        """The disclosure records of metrics no longer disclosed at ``quarter``: one row per platform
        and metric, with the last period, when the end was announced and its source."""
        if self.disclosures.empty:
            return self.disclosures
        ended = [not self.is_disclosed(r.platform, r.metric, quarter) and r.event == "last"
                 for r in self.disclosures.itertuples()]
        return self.disclosures[ended].reset_index(drop=True)

    def _disclosure(self, platform: str, metric: str, event: str) -> pd.Period | None:
        if metric not in METRICS:
            raise ParameterError("metric", metric, "one of " + ", ".join(METRICS))
        check_platform(self, platform)
        rows = self.disclosures[(self.disclosures["platform"] == platform) & (self.disclosures["metric"] == metric)
                                & (self.disclosures["event"] == event)]
        return rows["period"].iloc[0] if len(rows) else None

    def last_disclosed(self, platform: str, metric: str) -> pd.Period | None:
        """The last period ``platform`` disclosed ``metric`` for, per disclosures.csv; None if none is recorded.

        The Period is of the kind the record was written in: a quarter (``2025Q4``), a calendar
        year (``2016``) or the platform's fiscal year (Alibaba's ``FY2021``, a ``Y-MAR`` Period).
        None means that no end is recorded, not that the metric is disclosed.
        """
        return self._disclosure(platform, metric, "last")

    def first_disclosed(self, platform: str, metric: str) -> pd.Period | None:
        """The first period ``platform`` disclosed ``metric`` for, per disclosures.csv; None if none is recorded."""
        return self._disclosure(platform, metric, "first")

    def is_disclosed(self, platform: str, metric: str, quarter) -> bool:
        """Whether ``platform`` still discloses ``metric`` for ``quarter`` (YYYYQn or a quarterly Period).

        True unless disclosures.csv records a last period that ends before the quarter ends
        (Kuaishou's GMV, last disclosed for 2025Q4, is not disclosed at 2026Q1), or a first
        period that starts after it. A quarter inside a last fiscal or calendar year is disclosed:
        Alibaba's GMV, last disclosed for FY2021 (to March 2021), is disclosed at 2021Q1, not at 2021Q2.
        """
        wanted = parse_quarter(quarter, "quarter")
        last = self.last_disclosed(platform, metric)
        first = self.first_disclosed(platform, metric)
        if last is not None and wanted.end_time > last.end_time:
            return False
        return first is None or wanted.start_time >= first.start_time


def load(data_dir: Path | str | None = None, as_of=None) -> Dataset:
    """Check and load the data folder; raise DataError (file:line: column) on any error."""
    data_dir = Path(data_dir) if data_dir is not None else DATA_DIR
    report = check(data_dir)
    report.raise_for_errors()
    # Name the columns: a file with a header and no rows still gives every column.
    tables = {name: pd.DataFrame([{**row.values, "line": row.line} for row in rows],
                                 columns=[*TABLES[name], "line"])
              for name, rows in report.tables.items() if name in TABLES}
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
    disclosures = _disclosures_frame(report.tables.get("disclosures.csv", []), platforms)
    notes = {(r["platform"], r["metric"], r["period"].strip()): (r["note_en"].strip(), r["note_zh"].strip())
             for r in report.tables.get("reader_notes.csv", [])}
    by_line = {line: notes.get((pl, m, p.strip()), ("", "")) for line, pl, m, p in
               zip(raw["line"], raw["platform"], raw["metric"], raw["period"])}
    metrics["reader_note_en"] = [by_line[line][0] for line in metrics["line"]]
    metrics["reader_note_zh"] = [by_line[line][1] for line in metrics["line"]]
    definitions = {(r["platform"], r["metric"]): (r["label_en"].strip(), r["label_zh"].strip())
                   for r in report.tables.get("definitions.csv", [])}
    indexed = platforms.set_index("platform", drop=False)
    market = indexed["model"] == "market"
    dataset = Dataset(metrics, indexed[~market], sources, events, data_dir, disclosures, definitions, indexed[market])
    return dataset.as_of(as_of) if as_of is not None else dataset


def _disclosures_frame(rows, platforms: pd.DataFrame) -> pd.DataFrame:
    """disclosures.csv as a frame: periods parsed by each platform's fiscal year, dates as Timestamps."""
    if not rows:
        return _no_disclosures()
    fiscal = platforms.set_index("platform")["fiscal_year_end_month"]
    parsed = [parse_period(row["period"], int(fiscal[row["platform"]])) for row in rows]
    frame = pd.DataFrame({
        **{column: [row[column] for row in rows] for column in OPTIONAL_TABLES["disclosures.csv"]},
        "line": [row.line for row in rows],
    })
    frame["period"] = [p for p, _ in parsed]
    frame["period_kind"] = [k for _, k in parsed]
    frame["announced"] = pd.to_datetime([parse_date(text) if text else None for text in frame["announced"]])
    return frame[list(DISCLOSURE_COLUMNS)].sort_values(["platform", "metric", "event"]).reset_index(drop=True)


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
    frame["grade"] = pd.Categorical(
        [figure_grade(b, tier, n) for b, tier, n in zip(frame["basis"].astype(str), frame["tier"].astype(str), frame["n_sources"])],
        categories=list(GRADES))
    return frame.sort_values(["platform", "metric", "period_end", "period_kind"]).reset_index(drop=True)


def figure_grade(basis: str, tier: str, n_sources: int) -> str:
    """How sure a figure is (one of :data:`~kreport.dataset.schema.GRADES`): an estimate is an estimate; a
    reported figure read on one media or aggregator page only is ``single_source``; else ``reported``."""
    if basis == "estimate":
        return "estimate"
    return "single_source" if int(n_sources) == 1 and tier in WEAK_TIERS else "reported"


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
    return reported_first(rows, "period").sort_values("period_end")


def quarterly_series(frame: pd.DataFrame, platform: str, metric: str, *,
                     include_bounds: bool = False, column: str = "value") -> pd.Series:
    """One platform's quarterly metric as a float Series on a contiguous ``Q-DEC`` PeriodIndex.

    Quarters with no figure are NaN (never dropped), so periods cannot shift. Bounds ("over
    100 million") are left out unless ``include_bounds``; a reported figure wins over an
    estimate for the same quarter. An empty Series if the platform has no quarterly figure.
    ``column="grade"`` gives the grade of the same figures instead of their values (object Series).
    """
    rows = _select(frame, platform, metric, ("quarter",), include_bounds)
    name = f"{platform}.{metric}"
    if rows.empty:
        return pd.Series([], index=pd.PeriodIndex([], freq="Q-DEC"), dtype=float if column == "value" else object, name=name)
    values = rows[column].to_numpy(float) if column == "value" else rows[column].astype(object).to_numpy()
    series = pd.Series(values, index=pd.PeriodIndex(rows["period"], freq="Q-DEC"))
    full = pd.period_range(series.index.min(), series.index.max(), freq="Q-DEC")
    return series.reindex(full).rename(name)


def annual_series(frame: pd.DataFrame, platform: str, metric: str, *,
                  include_bounds: bool = False, column: str = "value") -> pd.Series:
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
    values = rows[column].to_numpy(float) if column == "value" else rows[column].astype(object).to_numpy()
    series = pd.Series(values, index=pd.PeriodIndex(rows["period"], freq=freq))
    full = pd.period_range(series.index.min(), series.index.max(), freq=freq)
    return series.reindex(full).rename(name)


