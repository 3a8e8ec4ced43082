"""Reading and checking the data files: every problem located as file:line: column.

The reader is the only code that opens data/*.csv. It never writes: validating loses nothing.
Files saved by Excel are accepted where unambiguous (a UTF-8 byte-order mark, CRLF line
ends, thousands separators in quoted numbers); anything else gets a message saying what to fix.
A cell with a stray space ("kuaishou ", "2025Q3 ") is read without it, with a warning naming
file:line: column, never silently. Dates must exist on the calendar.

Sources are graded by tier (company, newswire, media, broker, aggregator, seed). A figure may
cite more sources in ``corroborated_by``; every id is checked, and a ``reported`` figure whose
sources are all aggregators is an error unless its note says why ("aggregator-only: ...").

The optional disclosures.csv records when a platform started or stopped disclosing a metric; a
missing file is no error, and a present one is checked like the others.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import math
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from kreport.csvsafe import formula_like
from kreport.dataset.periods import parse_period, period_label, period_quarters
from kreport.dataset.schema import (
    AGGREGATOR_ONLY,
    BASES,
    BOUNDS,
    DISCLOSURE_EVENTS,
    METRICS,
    MODELS,
    OPTIONAL_COLUMNS,
    OPTIONAL_TABLES,
    QUALIFIERS,
    SOURCE_LIST_SEPARATOR,
    TABLES,
    TIERS,
    UNITS,
)
from kreport.errors import DataError, KreportError
from kreport.files import leftover_temporaries

__all__ = ["Problem", "ValidationReport", "Row", "Source", "check", "parse_number", "parse_date", "split_source_ids",
           "says_aggregator_only"]

_THOUSANDS = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN = re.compile(r"^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SOURCE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*\Z")
# A platform id becomes part of report file names: a slug, so no id can name a path.
PLATFORM_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}\Z")
_AGGREGATOR_ONLY = re.compile(re.escape(AGGREGATOR_ONLY).replace(r"\-", "[- ]") + r"\s*(\S?)", re.IGNORECASE)
# Dates, like periods, must fall in these years: a mistyped year (2052, 1025) is rejected.
FIRST_YEAR, LAST_YEAR = 1990, 2100
# Four quarters may differ from a reported annual total by this much before we warn.
ANNUAL_SUM_TOLERANCE = 0.01


@dataclass(frozen=True)
class Problem:
    """One problem in a data file. ``line`` counts physical lines, the header being line 1."""

    file: str
    line: int | None
    column: str | None
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        col = f" {self.column}:" if self.column else ""
        tag = "" if self.severity == "error" else " warning:"
        return f"{where}:{col}{tag} {self.message}"

    def to_error(self) -> DataError:
        return DataError(self.file, self.line, self.column, self.message)


@dataclass
class Row:
    """A data row with the physical line it starts on."""

    line: int
    values: dict[str, str]

    def __getitem__(self, key: str) -> str:
        return self.values[key]


@dataclass(frozen=True)
class Source:
    """What the checks of metrics.csv need to know about a source: its tier and publication date."""

    tier: str
    published: dt.date | None


@dataclass
class ValidationReport:
    """Everything found in one pass over a data folder."""

    data_dir: Path
    problems: list[Problem] = field(default_factory=list)
    tables: dict[str, list[Row]] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def raise_for_errors(self) -> None:
        """Raise the first error as a DataError that also counts the rest."""
        if self.errors:
            first = self.errors[0]
            more = len(self.errors) - 1
            message = first.message + (f" (and {more} more problems: run `kreport validate`)" if more else "")
            error = DataError(first.file, first.line, first.column, message)
            error.problems = self.errors
            raise error

    def summary(self) -> str:
        metrics = self.tables.get("metrics.csv", [])
        # Sort by the day each period ends (FY2025 of a March year ends before 2025Q3).
        fiscal = {r.values.get("platform"): r.values.get("fiscal_year_end_month", "") for r in self.tables.get("platforms.csv", [])}

        def ends(row):
            month = str(fiscal.get(row["platform"], "12")).strip()
            try:
                return parse_period(row["period"], int(month) if month.isdigit() else 12)[0].end_time
            except (KreportError, ValueError):
                return dt.datetime.max

        last = {}
        for row in metrics:
            last.setdefault(row["period"], ends(row))
        periods = sorted(last, key=lambda p: (last[p], p))
        # The optional disclosures.csv is counted only when the folder has one.
        disclosures = (f", {len(self.tables['disclosures.csv'])} disclosures"
                       if (self.data_dir / "disclosures.csv").exists() else "")
        models = {r.values.get("platform"): r.values.get("model") for r in self.tables.get("platforms.csv", [])}
        owners = {r["platform"] for r in metrics}
        markets = {p for p in owners if models.get(p) == "market"}
        return (
            f"{self.data_dir}: {len(metrics)} figures, "
            f"{len(owners - markets)} platforms{f' and {len(markets)} market' if markets else ''}, "
            f"{len({r['metric'] for r in metrics})} metrics, "
            f"periods {periods[0] if periods else '-'} to {periods[-1] if periods else '-'}, "
            f"{len(self.tables.get('sources.csv', []))} sources, "
            f"{len(self.tables.get('events.csv', []))} events{disclosures}; "
            f"{len(self.errors)} errors, {len(self.warnings)} warnings"
        )


def parse_number(text: str) -> float:
    """Parse a plain number or one with thousands separators ("1,751.2"); ValueError otherwise."""
    text = text.strip()
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    if not _PLAIN.match(text):
        raise ValueError(text)
    return float(text)


def parse_date(text: str) -> dt.date:
    """Parse a ``YYYY-MM-DD`` date that exists on the calendar; ValueError saying what is wrong otherwise."""
    if not _DATE.match(text):
        raise ValueError(f"{text!r} is not a date YYYY-MM-DD")
    year, month, day = (int(part) for part in text.split("-"))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"{text!r} has the year {year}; expected a year from {FIRST_YEAR} to {LAST_YEAR}")
    if not 1 <= month <= 12:
        raise ValueError(f"{text!r} is not a date: there is no month {month} (YYYY-MM-DD)")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise ValueError(f"{text!r} is not a date: {calendar.month_name[month]} {year} has {days} days")
    return dt.date(year, month, day)


def split_source_ids(text: str) -> list[str]:
    """The source ids of a ``corroborated_by`` cell, in order: ``"a;b"`` and ``"a; b"`` give ``["a", "b"]``."""
    return [part.strip() for part in text.split(SOURCE_LIST_SEPARATOR) if part.strip()]


def says_aggregator_only(note: str) -> bool | None:
    """None if the note has no "aggregator-only:" marker; else whether a reason follows it."""
    match = _AGGREGATOR_ONLY.search(note)
    return None if match is None else bool(match.group(1))


def _stray_space(cell: str, value: str) -> str:
    if not value:
        return f"{cell!r} holds only spaces; read as empty"
    return f"{cell!r} has a stray space before or after it; read as {value!r}"


def _read(path: Path, report: ValidationReport) -> list[Row] | None:
    """Read one CSV into rows; record problems of encoding and shape."""
    name = path.name
    columns = TABLES[name] if name in TABLES else OPTIONAL_TABLES[name]
    if not path.exists():
        report.problems.append(Problem(name, None, None, f"file is missing from {path.parent}"))
        return None
    if (refusal := _not_readable(path)) is not None:
        report.problems.append(Problem(name, None, None, refusal))
        return None
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        report.problems.append(Problem(
            name, line, None,
            f"is not UTF-8 (byte 0x{raw[exc.start]:02x}); re-save it as 'CSV UTF-8 (Comma delimited)'",
        ))
        return None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        report.problems.append(Problem(name, line, None, "contains a NUL byte; is this a spreadsheet, not CSV?"))
        return None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        report.problems.append(Problem(name, 1, None, f"unreadable header: {exc}"))
        return None
    if not header:
        report.problems.append(Problem(name, 1, None, f"is empty; expected the header {','.join(columns)}"))
        return None
    raw_header = header
    header = [h.strip() for h in header]
    optional = OPTIONAL_COLUMNS.get(name, ())
    if len(header) == 1 and ";" in header[0]:
        report.problems.append(Problem(
            name, 1, None, "uses ';' between columns; save it as 'CSV UTF-8 (Comma delimited)'",
        ))
        return None
    for col in columns:
        if col not in header and col not in optional:
            report.problems.append(Problem(name, 1, col, f"column is missing; expected the header {','.join(columns)}"))
    for col in header:
        if col not in columns:
            report.problems.append(Problem(name, 1, col or "(blank)", f"unexpected column; expected only {','.join(columns)}"))
    if len(set(header)) != len(header):
        report.problems.append(Problem(name, 1, None, "a column name appears twice"))
    for raw, col in zip(raw_header, header):
        if raw != col and col in columns:
            report.problems.append(Problem(name, 1, col, "the column name " + _stray_space(raw, col), "warning"))
    if any(p.file == name for p in report.errors):
        return None
    rows: list[Row] = []
    line = 1
    while True:
        start = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            report.problems.append(Problem(name, start, None, _malformed(exc)))
            return rows
        line = start
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            report.problems.append(Problem(
                name, line, None,
                f"has {len(record)} fields, expected {len(header)} ({','.join(header)}); "
                "quote any value that contains a comma",
            ))
            continue
        values = {}
        for col, cell in zip(header, record):
            values[col] = cell.strip()
            if values[col] != cell:
                report.problems.append(Problem(name, line, col, _stray_space(cell, values[col]), "warning"))
        for col in optional:
            values.setdefault(col, "")
        rows.append(Row(line, values))
    return rows


def _require(report, name, row, column, allowed=None, what=None) -> bool:
    value = row[column]
    if not value:
        report.problems.append(Problem(name, row.line, column, "is empty" + (f"; expected {what}" if what else "")))
        return False
    if allowed is not None and value not in allowed:
        report.problems.append(Problem(
            name, row.line, column, f"unknown value {value!r}; expected one of {', '.join(sorted(allowed))}",
        ))
        return False
    return True


def _past_date(report: ValidationReport, name: str, row: Row, column: str, today: dt.date) -> dt.date | None:
    """The date in ``column`` (empty is allowed), or None after recording why it is not a possible date up to today."""
    if not row[column]:
        return None
    try:
        day = parse_date(row[column])
    except ValueError as exc:
        report.problems.append(Problem(name, row.line, column, str(exc)))
        return None
    if day > today:
        report.problems.append(Problem(name, row.line, column, f"{row[column]!r} is after today ({today}); it cannot be in the future"))
        return None
    return day


def _check_sources(report: ValidationReport, rows: list[Row]) -> dict[str, Source]:
    """Check sources.csv; return every source id with its tier ("" if unknown) and date."""
    sources: dict[str, Source] = {}
    today = dt.date.today()
    for row in rows:
        name = "sources.csv"
        tier = row["tier"] if _require(report, name, row, "tier", TIERS, what="a tier: " + ", ".join(TIERS)) else ""
        published = _past_date(report, name, row, "published", today)
        if _require(report, name, row, "source_id", what="a short id"):
            if not _SOURCE_ID.match(row["source_id"]):
                report.problems.append(Problem(name, row.line, "source_id", "may hold only letters, digits, '.', '_' and '-'"))
            if row["source_id"] in sources:
                report.problems.append(Problem(name, row.line, "source_id", f"{row['source_id']!r} is defined twice"))
            else:
                sources[row["source_id"]] = Source(tier, published)
        for col in ("title", "publisher", "read_at"):
            _require(report, name, row, col)
        url = row["url"]
        if url and not url.startswith(("http://", "https://")):
            report.problems.append(Problem(name, row.line, "url", f"{url!r} is not an http(s) address"))
    return sources


def _check_platforms(report: ValidationReport, rows: list[Row]) -> dict[str, int]:
    fiscal: dict[str, int] = {}
    for row in rows:
        name = "platforms.csv"
        if _require(report, name, row, "platform", what="a platform id"):
            if not PLATFORM_ID.match(row["platform"]):
                report.problems.append(Problem(name, row.line, "platform", f"{row['platform']!r} is not a platform id: "
                                               "use lower-case letters, digits, '-' and '_' (at most 32), e.g. kuaishou"))
            elif row["platform"] in fiscal:
                report.problems.append(Problem(name, row.line, "platform", f"{row['platform']!r} is defined twice"))
        _require(report, name, row, "model", MODELS)
        if row["model"] == "market" and row["fiscal_year_end_month"] != "12":
            report.problems.append(Problem(name, row.line, "fiscal_year_end_month",
                                           "a market row's figures are calendar years and year-to-date cut-offs: write 12"))
        for col in ("name_en", "name_zh"):
            _require(report, name, row, col)
        month = row["fiscal_year_end_month"]
        if not (month.isascii() and month.isdigit()) or not 1 <= int(month) <= 12:
            report.problems.append(Problem(name, row.line, "fiscal_year_end_month", f"{month!r} is not a month number 1-12"))
            month = "12"
        fiscal[row["platform"]] = int(month)
    return fiscal


def _check_events(report: ValidationReport, rows: list[Row], platforms, sources) -> None:
    seen: set[str] = set()
    for row in rows:
        name = "events.csv"
        if _require(report, name, row, "event_id") and row["event_id"] in seen:
            report.problems.append(Problem(name, row.line, "event_id", f"{row['event_id']!r} is defined twice"))
        seen.add(row["event_id"])
        _require(report, name, row, "platform", platforms)
        _require(report, name, row, "source_id", sources)
        try:
            parse_date(row["date"])
        except ValueError as exc:
            report.problems.append(Problem(name, row.line, "date", str(exc)))
        for col in ("name_en", "name_zh"):
            _require(report, name, row, col)


def _check_metrics(report: ValidationReport, rows: list[Row], fiscal: dict[str, int], sources: dict[str, Source]) -> None:
    name = "metrics.csv"
    models = {r["platform"]: r["model"] for r in report.tables.get("platforms.csv", [])}
    seen: dict[tuple, tuple[float, int]] = {}
    # Every usable figure of a platform, metric and period, whatever its basis: (line, qualifier, value, half step, text).
    stated: dict[tuple, list[_Stated]] = {}
    for row in rows:
        ok = _require(report, name, row, "platform", fiscal.keys())
        ok &= _require(report, name, row, "metric", METRICS.keys())
        ok &= _require(report, name, row, "unit", UNITS.keys())
        ok &= _require(report, name, row, "basis", BASES)
        if row["qualifier"] not in QUALIFIERS:
            report.problems.append(Problem(
                name, row.line, "qualifier",
                f"unknown value {row['qualifier']!r}; expected empty, about, over or under",
            ))
            ok = False
        ok &= _require(report, name, row, "source_id", sources)
        period = None
        try:
            period, kind = parse_period(row["period"], fiscal.get(row["platform"], 12))
            if kind == "fiscal_year" and fiscal.get(row["platform"], 12) == 12:
                raise ValueError(f"{row['period']!r}: this platform's fiscal year is the calendar year; write {row['period'][2:]}")
        except ValueError as exc:
            report.problems.append(Problem(name, row.line, "period", str(exc)))
            period = None  # parse_period may have succeeded before the fiscal-year check raised
            ok = False
        ok &= _check_figure_sources(report, row, period, sources)
        if ok and row["metric"] in METRICS and row["platform"] in fiscal:
            ok &= _check_market_rows(report, row, models)
        raw_value = row["value"]
        try:
            value = parse_number(raw_value)
            if not math.isfinite(value):
                raise ValueError(raw_value)
        except ValueError:
            report.problems.append(Problem(name, row.line, "value", f"{raw_value!r} is not a number; write it like 1751.2"))
            continue
        if value < 0:
            report.problems.append(Problem(name, row.line, "value", f"{raw_value} is negative; figures are levels, not changes"))
            continue
        if not ok:
            continue
        metric, unit = METRICS[row["metric"]], UNITS[row["unit"]]
        if metric.kind != unit.kind:
            report.problems.append(Problem(
                name, row.line, "unit",
                f"{unit.name!r} measures {unit.kind}, but {metric.name} is {metric.kind}; expected one of "
                + ", ".join(u.name for u in UNITS.values() if u.kind == metric.kind),
            ))
            continue
        if value > unit.maximum:
            report.problems.append(Problem(
                name, row.line, "value", f"{raw_value} {unit.name} is out of range (at most {unit.maximum:g} {unit.name})",
            ))
            continue
        key = (row["platform"], row["metric"], period, kind, row["basis"])
        canonical = value * unit.factor
        figure = _Stated(row.line, row["qualifier"], canonical, _half_step(raw_value) * unit.factor,
                         f"{row['qualifier'] + ' ' if row['qualifier'] else ''}{raw_value} {unit.name}")
        others = stated.setdefault(key[:4], [])
        others.append(figure)
        if key in seen:
            earlier, earlier_line = seen[key]
            if any(o.line == earlier_line and _contradicts(o, figure) is not None for o in others):
                pass  # a bound against an exact figure: _check_bounds names both lines
            elif not math.isclose(earlier, canonical, rel_tol=1e-9):
                report.problems.append(Problem(
                    name, row.line, "value",
                    f"{row['platform']} {row['metric']} {row['period']} ({row['basis']}) is {raw_value} here "
                    f"but line {earlier_line} gives another value; keep one row",
                ))
            else:
                report.problems.append(Problem(
                    name, row.line, None, f"repeats line {earlier_line}; keep one row", "warning",
                ))
            continue
        seen[key] = (canonical, row.line)
    _check_bounds(report, stated)
    _check_annual_sums(report, seen, stated)
    _check_cumulative(report, stated)


def _check_market_rows(report: ValidationReport, row: Row, models: dict[str, str]) -> bool:
    """A market-level metric (China's online retail sales) only on a ``market`` row, and a platform's metric never on one."""
    metric, model = METRICS[row["metric"]], models.get(row["platform"])
    if metric.market_level and model != "market":
        markets = sorted(p for p, m in models.items() if m == "market")
        report.problems.append(Problem(
            "metrics.csv", row.line, "platform",
            f"{metric.name} is a market total, not a platform's figure; put it on a platform whose model is market"
            + (f" ({', '.join(markets)})" if markets else " (none is defined in platforms.csv)"),
        ))
        return False
    if not metric.market_level and model == "market":
        report.problems.append(Problem(
            "metrics.csv", row.line, "metric",
            f"{row['platform']} is a market (model market in platforms.csv), so only market totals belong to it, not "
            f"{metric.name}; market totals are: " + ", ".join(m.name for m in METRICS.values() if m.market_level),
        ))
        return False
    return True


def _check_cumulative(report: ValidationReport, stated: dict[tuple, list[_Stated]]) -> None:
    """A year-to-date figure that is smaller than an earlier cut-off of the same year (January-June below
    January-March, or the year below January-September) contradicts it: an error naming both lines."""
    by_year: dict[tuple, list[tuple]] = {}
    for (platform, metric, period, kind), figures in stated.items():
        if not METRICS[metric].cumulative or kind == "fiscal_year":
            continue
        order = period.quarter if kind == "quarter" else 4.5  # the year comes after its Jan-Sep cut-off
        if kind == "quarter" and period.quarter == 4:
            for figure in figures:
                report.problems.append(Problem(
                    "metrics.csv", figure.line, "period",
                    f"{metric} is year to date, so January-December is the year: write {period.year}, not {period}"))
            continue
        for figure in figures:
            if figure.qualifier in BOUNDS:
                continue
            by_year.setdefault((platform, metric, period.year), []).append((order, period, figure))
    for (platform, metric, _year), cuts in by_year.items():
        cuts.sort(key=lambda c: c[0])
        for (o1, p1, a), (o2, p2, b) in zip(cuts, cuts[1:]):
            if o2 > o1 and b.value + b.half_step < a.value - a.half_step:
                report.problems.append(Problem(
                    "metrics.csv", b.line, "value",
                    f"{platform} {metric} {p2} is {b.text} on this line, less than {p1}'s {a.text} on line {a.line}; "
                    "the figures are year to date, so a later cut-off of the same year cannot be smaller: one of them is wrong",
                ))


@dataclass(frozen=True)
class _Stated:
    """One figure of metrics.csv as the cross-row checks compare it (canonical units)."""

    line: int
    qualifier: str
    value: float
    half_step: float  # half the last printed digit: the rounding a published figure carries
    text: str


def _half_step(raw: str) -> float:
    digits = raw.strip().replace(",", "")
    return 0.5 * 10 ** -(len(digits.split(".", 1)[1]) if "." in digits else 0)


def _contradicts(a: _Stated, b: _Stated) -> tuple[_Stated, _Stated] | None:
    """(bound, exact) when one of the two is a bound (over, under) that the other, an exact figure, contradicts
    at its published precision ("over 4" against 3.994; "under 4.1" against 410 million); else None."""
    for bound, exact in ((a, b), (b, a)):
        if bound.qualifier not in BOUNDS or exact.qualifier != "":
            continue
        tolerance = exact.half_step + bound.value * 1e-9
        if bound.qualifier == "over" and exact.value + tolerance <= bound.value:
            return bound, exact
        if bound.qualifier == "under" and exact.value - tolerance >= bound.value:
            return bound, exact
    return None


def _check_bounds(report: ValidationReport, stated: dict[tuple, list[_Stated]]) -> None:
    """A bound that an exact figure of the same platform, metric and period contradicts, whatever their basis:
    an error at the bound's line naming the exact figure's line."""
    for (platform, metric, period, _kind), figures in stated.items():
        named: set[int] = set()
        for i, a in enumerate(figures):
            for b in figures[i + 1:]:
                pair = _contradicts(a, b)
                if pair is None or pair[0].line in named:
                    continue
                bound, exact = pair
                named.add(bound.line)
                report.problems.append(Problem(
                    "metrics.csv", bound.line, "qualifier",
                    f"{platform} {metric} {period_label(period)}: the bound '{bound.text}' here is contradicted by the exact "
                    f"figure {exact.text} at line {exact.line}; one of the two is wrong (a bound read for the wrong period?)",
                ))


def _check_figure_sources(report: ValidationReport, row: Row, period, sources: dict[str, Source]) -> bool:
    """Check a figure's corroborating ids, the tiers of its sources and their dates; False on an error."""
    name = "metrics.csv"
    ok = True
    primary = row["source_id"]
    cited = [("source_id", primary)] if primary in sources else []
    seen = {primary}
    for sid in split_source_ids(row["corroborated_by"]):
        if sid not in sources:
            report.problems.append(Problem(
                name, row.line, "corroborated_by",
                f"unknown source id {sid!r}; every id must be a source_id in sources.csv",
            ))
            ok = False
        elif sid in seen:
            report.problems.append(Problem(
                name, row.line, "corroborated_by", f"{sid!r} is already cited by this figure; list each source once", "warning",
            ))
        else:
            cited.append(("corroborated_by", sid))
        seen.add(sid)
    # A source cannot report a period that had not begun when it was published.
    if period is not None:
        start = period.start_time.date()
        for column, sid in cited:
            published = sources[sid].published
            if published is not None and published < start:
                report.problems.append(Problem(
                    name, row.line, column,
                    f"{sid!r} was published {published}, before {row['period']} began ({start}); "
                    "check the period and the source's date",
                ))
                ok = False
    # The tier rule needs every source known and graded.
    if not ok or primary not in sources or any(not sources[sid].tier for _, sid in cited):
        return ok
    tiers = {sid: sources[sid].tier for _, sid in cited}
    aggregator_only = all(tier == "aggregator" for tier in tiers.values())
    reason = says_aggregator_only(row["note"])
    if aggregator_only and row["basis"] == "reported" and not reason:
        what = ("its note's 'aggregator-only:' gives no reason" if reason is False
                else f"say why in the note ('{AGGREGATOR_ONLY} <reason>')")
        report.problems.append(Problem(
            name, row.line, "source_id",
            f"a reported figure resting only on aggregator sources ({', '.join(tiers)}): add a company, newswire, "
            f"media, broker or seed source to corroborated_by, mark it estimate, or {what}",
        ))
        return False
    if reason is not None and not aggregator_only:
        better = next(f"{sid!r} is {tier}" for sid, tier in tiers.items() if tier != "aggregator")
        report.problems.append(Problem(
            name, row.line, "note", f"says '{AGGREGATOR_ONLY}' but {better}; drop the marker", "warning",
        ))
    return ok


def _check_annual_sums(report: ValidationReport, seen: dict[tuple, tuple[float, int]],
                       stated: dict[tuple, list[_Stated]] | None = None) -> None:
    """Four quarters that do not add up to an annual total of the same basis, beyond ANNUAL_SUM_TOLERANCE.

    An error naming the total's line and the quarters' lines when all five are exact figures (the sum
    contradicts the total); a warning when any of them is approximate or a bound. Fiscal years are split
    into the calendar quarters they span (Alibaba's FY2022 is 2021Q2 to 2022Q1), so a fiscal total is
    compared with the right four quarters.
    """
    quarters = {
        (platform, metric, basis, period): value
        for (platform, metric, period, kind, basis), (value, _) in seen.items()
        if kind == "quarter"
    }
    lines = {(platform, metric, basis, period): line
             for (platform, metric, period, kind, basis), (_, line) in seen.items() if kind == "quarter"}
    qualifiers = {f.line: f.qualifier for figures in (stated or {}).values() for f in figures}
    for (platform, metric, period, kind, basis), (total, line) in seen.items():
        if kind == "quarter" or not METRICS[metric].additive or not total:
            continue
        spanned = list(period_quarters(period))  # Periods: the keys of ``quarters`` are Periods too
        parts = [quarters.get((platform, metric, basis, q)) for q in spanned]
        if any(v is None for v in parts):
            continue
        quarter_sum = sum(parts)
        if abs(quarter_sum - total) / total > ANNUAL_SUM_TOLERANCE:
            part_lines = [lines[(platform, metric, basis, q)] for q in spanned]
            exact = all(qualifiers.get(n, "") == "" for n in (line, *part_lines))
            report.problems.append(Problem(
                "metrics.csv", line, "value",
                f"{platform} {metric} {period}: the quarters {spanned[0]}-{spanned[-1]} add up to "
                f"{quarter_sum:,.1f}, {quarter_sum / total - 1:+.1%} off this annual total {total:,.1f} "
                f"(tolerance {ANNUAL_SUM_TOLERANCE:.0%}); the quarters are at lines {', '.join(map(str, part_lines))}"
                + ("; the figures contradict each other: one of them is wrong" if exact else ""),
                "error" if exact else "warning",
            ))


def check(data_dir: Path | str) -> ValidationReport:
    """Read and check every data file in ``data_dir``; return all problems found and the rows."""
    data_dir = Path(data_dir)
    report = ValidationReport(data_dir)
    for name in TABLES:
        rows = _read(data_dir / name, report)
        report.tables[name] = rows or []
    for name in OPTIONAL_TABLES:  # a missing optional file is no error: it has no rows
        rows = _read(data_dir / name, report) if (data_dir / name).exists() else []
        report.tables[name] = rows or []
    sources = _check_sources(report, report.tables["sources.csv"])
    fiscal = _check_platforms(report, report.tables["platforms.csv"])
    _check_events(report, report.tables["events.csv"], fiscal.keys(), sources)
    _check_metrics(report, report.tables["metrics.csv"], fiscal, sources)
    _check_disclosures(report, report.tables["disclosures.csv"], fiscal, sources)
    _check_reader_texts(report, fiscal)
    _check_excel_artifacts(report, data_dir)
    _check_time_and_plausibility(report)
    return report


def _check_disclosures(report: ValidationReport, rows: list[Row], fiscal: dict[str, int], sources: dict[str, Source]) -> None:
    """Check disclosures.csv: known platform, metric, event and source; a period form; a real date.

    One row per platform, metric and event; a metric's first period may not come after its last.
    A reported figure in metrics.csv for a period before the first or after the last disclosed one
    is a warning: either the record or the figure is wrong.
    """
    name = "disclosures.csv"
    seen: dict[tuple[str, str, str], tuple[object, int]] = {}
    today = dt.date.today()
    for row in rows:
        ok = _require(report, name, row, "platform", fiscal.keys())
        ok &= _require(report, name, row, "metric", METRICS.keys())
        ok &= _require(report, name, row, "event", DISCLOSURE_EVENTS, what="first or last")
        _require(report, name, row, "source_id", sources)
        _require(report, name, row, "note", what="what the record rests on: the wording quoted, or why it is inferred")
        period = None
        try:
            month = fiscal.get(row["platform"], 12)
            period, kind = parse_period(row["period"], month)
            if kind == "fiscal_year" and month == 12:
                raise ValueError(f"{row['period']!r}: this platform's fiscal year is the calendar year; write {row['period'][2:]}")
        except ValueError as exc:
            report.problems.append(Problem(name, row.line, "period", str(exc)))
            period = None
        _past_date(report, name, row, "announced", today)
        if not ok or period is None:
            continue
        key = (row["platform"], row["metric"], row["event"])
        if key in seen:
            report.problems.append(Problem(
                name, row.line, "event",
                f"{row['platform']} {row['metric']} already has a {row['event']!r} record on line {seen[key][1]}; keep one row",
            ))
            continue
        seen[key] = (period, row.line)
    for (platform, metric, event), (period, line) in seen.items():
        if event == "first" and (platform, metric, "last") in seen:
            last, _ = seen[(platform, metric, "last")]
            if period.start_time > last.end_time:
                report.problems.append(Problem(
                    name, line, "period", f"{platform} {metric}: the first disclosed period {period_label(period)} comes after the last, {period_label(last)}",
                ))
    _check_disclosures_against_figures(report, seen, fiscal)


def _check_reader_texts(report: ValidationReport, fiscal: dict[str, int]) -> None:
    """Check definitions.csv and reader_notes.csv: known platform and metric, both languages written, one row
    per key, and a reader note only for a figure metrics.csv has (same platform, metric and period)."""
    figures = {(r["platform"], r["metric"], r["period"].strip()) for r in report.tables.get("metrics.csv", [])}
    for name, key_columns, text_columns in (("definitions.csv", ("platform", "metric"), ("label_en", "label_zh")),
                                            ("reader_notes.csv", ("platform", "metric", "period"), ("note_en", "note_zh"))):
        seen: dict[tuple, int] = {}
        for row in report.tables.get(name, []):
            ok = _require(report, name, row, "platform", fiscal.keys())
            ok &= _require(report, name, row, "metric", METRICS.keys())
            for column in text_columns:
                ok &= _require(report, name, row, column, what="the text readers see, in " + ("English" if column.endswith("en") else "Chinese"))
            if not ok:
                continue
            key = tuple(row[c].strip() for c in key_columns)
            if key in seen:
                report.problems.append(Problem(name, row.line, key_columns[-1], f"{' '.join(key)} already has a row on line {seen[key]}; keep one"))
                continue
            seen[key] = row.line
            if name == "reader_notes.csv" and key not in figures:
                report.problems.append(Problem(name, row.line, "period", f"metrics.csv has no figure for {' '.join(key)}: a note needs its figure"))


def _check_disclosures_against_figures(report: ValidationReport, seen: dict, fiscal: dict[str, int]) -> None:
    """Warn, once per record, where metrics.csv has reported figures outside a metric's disclosed periods."""
    outside: dict[tuple[str, str, str], list[Row]] = {}
    for row in report.tables.get("metrics.csv", []):
        if row["basis"] != "reported":
            continue
        records = [(event, seen.get((row["platform"], row["metric"], event))) for event in DISCLOSURE_EVENTS]
        if not any(record for _, record in records):
            continue
        try:
            period, _ = parse_period(row["period"], fiscal.get(row["platform"], 12))
        except ValueError:
            continue  # metrics.csv reports its own period errors
        for event, record in records:
            if record is None:
                continue
            bound, _ = record
            if (period.start_time > bound.end_time) if event == "last" else (period.end_time < bound.start_time):
                outside.setdefault((row["platform"], row["metric"], event), []).append(row)
    for (platform, metric, event), rows in outside.items():
        bound, line = seen[(platform, metric, event)]
        shown = ", ".join(f"line {row.line} ({row['period']})" for row in rows[:3]) + (", ..." if len(rows) > 3 else "")
        report.problems.append(Problem(
            "disclosures.csv", line, "period",
            f"{platform} {metric}: metrics.csv has {len(rows)} reported figure{'s' if len(rows) > 1 else ''} "
            f"{'after the last' if event == 'last' else 'before the first'} disclosed period {period_label(bound)}: "
            f"{shown}; correct the record or the figures",
            "warning",
        ))


def _check_excel_artifacts(report: ValidationReport, data_dir: Path) -> None:
    """Say (as warnings) where a file was accepted only because the Excel form is unambiguous."""
    for name in (*TABLES, *OPTIONAL_TABLES):
        path = data_dir / name
        if not path.exists() or _not_readable(path) is not None:
            continue
        raw = path.read_bytes()
        if raw.startswith(b"\xef\xbb\xbf"):
            report.problems.append(Problem(name, 1, None, "starts with a UTF-8 byte-order mark (Excel); accepted", "warning"))
        if b"\r\n" in raw:
            report.problems.append(Problem(name, None, None, "has CRLF line ends (Excel); accepted", "warning"))
    for row in report.tables.get("metrics.csv", []):
        if _THOUSANDS.match(row["value"]):
            report.problems.append(Problem(
                "metrics.csv", row.line, "value",
                f"{row['value']!r} has thousands separators; read as {parse_number(row['value']):g}", "warning",
            ))


# --- issue 24: files that are not data files, periods not yet over, implausible neighbours, cells a ----------
# spreadsheet would run, digits that only look like digits, and one error where a missing table would cascade.

# A data file larger than this is refused before it is read (the shipped files are well under 1 MB).
MAX_DATA_BYTES = 200_000_000
# Adjacent quarters of one series further apart than this factor (either way) get a warning: a unit slip
# (million for 100m) or a mistyped digit, far more often than real news.
NEIGHBOUR_RATIO = 5.0
# The columns that hold numbers, periods or dates, per file: digits there must be the ASCII 0-9.
_DIGIT_COLUMNS = {"metrics.csv": ("period", "value"), "sources.csv": ("published",), "events.csv": ("date",),
                  "disclosures.csv": ("period", "announced")}
# Where an empty or unreadable table would make every reference to it an error of its own.
_REFERENCED = {"sources.csv": ("source_id", "corroborated_by"), "platforms.csv": ("platform",)}


def _not_readable(path: Path) -> str | None:
    """Why ``path`` cannot be read as a data file (not a regular file, or too large), or None. Checked
    before a byte is read: a FIFO would hang the reader and a link to /dev/zero would fill the memory."""
    try:
        info = path.stat()
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if not stat.S_ISREG(info.st_mode):
        return "is not a regular file (a FIFO, a device or a socket, or a link to one); the data files must be plain CSV files"
    if info.st_size > MAX_DATA_BYTES:
        return f"is {info.st_size / 1e6:,.0f} MB, larger than the {MAX_DATA_BYTES // 1_000_000} MB a data file may be; is it the right file?"
    return None


def _malformed(exc: csv.Error) -> str:
    """What a CSV reading error means for the analyst: a cell over the reader's limit is said for what it is."""
    if "field larger than field limit" in str(exc):
        return (f"a cell starting on this line is longer than {csv.field_size_limit():,} characters; shorten it "
                "(a note quotes the sentence that matters, not the page), or, if it should be short, close the quote opened on this line")
    return f"malformed CSV ({exc}); check the quotes on this line"


def _check_time_and_plausibility(report: ValidationReport) -> None:
    """The checks added for issue 24, run after all the others."""
    fiscal = {}
    for row in report.tables.get("platforms.csv", []):
        month = row["fiscal_year_end_month"]
        fiscal[row["platform"]] = int(month) if month.isascii() and month.isdigit() and 1 <= int(month) <= 12 else 12
    _check_non_ascii_digits(report)
    _check_periods_ended(report, fiscal, dt.date.today())
    _check_neighbours(report, fiscal)
    _check_formula_cells(report)
    _check_leftovers(report)
    _collapse_cascades(report)


def _check_non_ascii_digits(report: ValidationReport) -> None:
    """Numbers, periods and dates must use the digits 0-9: Python reads ٣٨٥٠ (Arabic-Indic) or ３８５０ (full
    width) as 3850, but nothing else that opens the files does, and a reader cannot tell what was meant."""
    for name, columns in _DIGIT_COLUMNS.items():
        for row in report.tables.get(name, []):
            for column in columns:
                cell = row.values.get(column, "")
                odd = next((c for c in cell if not c.isascii() and (c.isdigit() or c.isnumeric())), None)
                if odd is not None:
                    report.problems.append(Problem(
                        name, row.line, column,
                        f"{cell!r} holds {odd!r} ({unicodedata.name(odd, 'a non-ASCII digit')}); write numbers, periods "
                        "and dates with the digits 0-9",
                    ))


def _check_periods_ended(report: ValidationReport, fiscal: dict[str, int], today: dt.date) -> None:
    """A figure (or a disclosure record) for a period that has not ended yet cannot have been reported: a
    mistyped year (2099Q4), or the current quarter, would otherwise become the build's default quarter."""
    for name in ("metrics.csv", "disclosures.csv"):
        for row in report.tables.get(name, []):
            try:
                period, _ = parse_period(row["period"], fiscal.get(row["platform"], 12))
            except (ValueError, KreportError):
                continue  # reported by the file's own checks
            ends = period.end_time.date()
            if ends >= today:
                report.problems.append(Problem(
                    name, row.line, "period",
                    f"{row['period']} has not ended yet (it ends {ends}, today is {today}); record a period's figures "
                    "once it is over and reported",
                ))


def _check_neighbours(report: ValidationReport, fiscal: dict[str, int]) -> None:
    """Warn where a quarter is more than NEIGHBOUR_RATIO times (or less than its inverse) the quarter before
    in the same series (platform, metric, basis), naming both lines."""
    series: dict[tuple[str, str, str], dict] = {}
    for row in report.tables.get("metrics.csv", []):
        try:
            period, kind = parse_period(row["period"], fiscal.get(row["platform"], 12))
            value = parse_number(row["value"])
            metric, unit = METRICS[row["metric"]], UNITS[row["unit"]]
        except (ValueError, KeyError, KreportError):
            continue
        if kind != "quarter" or metric.cumulative or metric.kind != unit.kind or not math.isfinite(value) or value <= 0:
            continue
        series.setdefault((row["platform"], row["metric"], row["basis"]), {}).setdefault(period, (value * unit.factor, row))
    for (platform, metric, basis), points in series.items():
        for period in sorted(points):
            before = points.get(period - 1)
            if before is None:
                continue
            (value, row), (earlier, earlier_row) = points[period], before
            ratio = value / earlier
            if 1 / NEIGHBOUR_RATIO <= ratio <= NEIGHBOUR_RATIO:
                continue
            report.problems.append(Problem(
                "metrics.csv", row.line, "value",
                f"{platform} {metric} ({basis}) {row['period']} is {row['value']} {row['unit']} on this line, {ratio:.3g} times "
                f"{earlier_row['period']}'s {earlier_row['value']} {earlier_row['unit']} on line {earlier_row.line}: beyond "
                f"{NEIGHBOUR_RATIO:g}× or below {1 / NEIGHBOUR_RATIO:g}× the quarter before, more often a unit slip or a typo "
                "than news; check both lines",
                "warning",
            ))


def _check_formula_cells(report: ValidationReport) -> None:
    """Warn on cells a spreadsheet would run as a formula (OWASP CSV injection: a leading =, +, -, @, tab or
    CR that is not a plain number), in every data file: they reach readers through the data report's
    download (which neutralises them) and anyone opening data/ in a spreadsheet (which does not)."""
    for name, rows in report.tables.items():
        for row in rows:
            for column, cell in row.values.items():
                if formula_like(cell):
                    report.problems.append(Problem(
                        name, row.line, column,
                        f"{cell[:40]!r}{'...' if len(cell) > 40 else ''} starts with {cell[0]!r}, which a spreadsheet reads as "
                        "a formula; reword the start, or put an apostrophe (') before it",
                        "warning",
                    ))


def _collapse_cascades(report: ValidationReport) -> None:
    """One error, not one per row, where sources.csv or platforms.csv has no rows (empty, unreadable or cut
    to its header): every id cited elsewhere would otherwise be reported unknown on its own line."""
    for table, columns in _REFERENCED.items():
        if report.tables.get(table):
            continue
        cascade = [p for p in report.problems if p.file != table and p.column in columns and p.severity == "error"
                   and p.message.startswith("unknown")]
        if not cascade:
            continue
        files = sorted({p.file for p in cascade})
        said = f"so the {len(cascade)} ids cited in {', '.join(files)} could not be checked (not listed one by one)"
        report.problems = [p for p in report.problems if p not in cascade]
        own = next((i for i, p in enumerate(report.problems) if p.file == table and p.severity == "error"), None)
        if own is None:
            report.problems.insert(0, Problem(table, None, None, f"has no rows, {said}; restore it (from git or a .bak- copy)"))
        else:
            first = report.problems[own]
            report.problems[own] = Problem(first.file, first.line, first.column, f"{first.message}; {said}")


def _check_leftovers(report: ValidationReport) -> None:
    """Warn on temporary files an interrupted `kreport extract --apply` left in the data folder (a run killed
    between writing one and renaming it); the next --apply removes them under the data lock."""
    for name in (*TABLES, *OPTIONAL_TABLES):
        for leftover in leftover_temporaries(report.data_dir / name):
            report.problems.append(Problem(
                leftover.name, None, None,
                f"a temporary file an interrupted `kreport extract --apply` left beside {name}; the files under their own "
                "names are complete, the next --apply removes it, or delete it",
                "warning",
            ))
