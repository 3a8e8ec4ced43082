"""What the data files hold: their columns, the metric vocabulary and the units.

Values are normalised on load to one canonical unit per kind of metric:
money in RMB bn, people in millions, rates as fractions of 1.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "TABLES",
    "OPTIONAL_TABLES",
    "DISCLOSURE_EVENTS",
    "OPTIONAL_COLUMNS",
    "TIERS",
    "AGGREGATOR_ONLY",
    "SOURCE_LIST_SEPARATOR",
    "METRICS",
    "UNITS",
    "BASES",
    "GRADES",
    "WEAK_TIERS",
    "QUALIFIERS",
    "BOUNDS",
    "MODELS",
    "PLATFORM_MODELS",
    "Metric",
    "Unit",
    "CANONICAL_UNIT",
]

# Columns of each file, in order. Every file must have exactly these, except that a column
# named in OPTIONAL_COLUMNS may be left out (it then reads as empty in every row).
TABLES: dict[str, tuple[str, ...]] = {
    "metrics.csv": (
        "platform", "metric", "period", "value", "qualifier", "unit", "basis", "source_id", "note",
        "corroborated_by",
    ),
    "sources.csv": ("source_id", "title", "publisher", "url", "published", "read_at", "tier"),
    "platforms.csv": (
        "platform", "name_en", "name_zh", "model", "parent_en", "parent_zh",
        "scope_en", "scope_zh", "fiscal_year_end_month",
    ),
    "events.csv": (
        "event_id", "platform", "date", "name_en", "name_zh",
        "description_en", "description_zh", "source_id",
    ),
}

# Files a data folder may have or leave out. Each is checked like the four above when present; a
# missing one reads as a file with a header and no rows.
#   disclosures.csv   when a platform started ("first") or stopped ("last") disclosing a metric
#   definitions.csv   what a metric is for one platform, in readers' words (a label per language),
#                     where the vocabulary's general name would mislead (Kuaishou's "other services")
#   reader_notes.csv  what a reader must know about one figure, in both languages ("one month's
#                     figure, not a quarterly average"); metrics.csv's `note` is the analysts' own
#                     record and never reaches a reader's page
OPTIONAL_TABLES: dict[str, tuple[str, ...]] = {
    "disclosures.csv": ("platform", "metric", "event", "period", "announced", "source_id", "note"),
    "definitions.csv": ("platform", "metric", "label_en", "label_zh"),
    "reader_notes.csv": ("platform", "metric", "period", "note_en", "note_zh"),
}
# The events of disclosures.csv: the first period a metric was disclosed for, or the last.
DISCLOSURE_EVENTS = ("first", "last")

OPTIONAL_COLUMNS: dict[str, tuple[str, ...]] = {
    # More sources for one figure: source ids separated by ';' ("shelf-S38;scmp-3085760").
    "metrics.csv": ("corroborated_by",),
}
SOURCE_LIST_SEPARATOR = ";"

# How far a source can be trusted, graded by the page actually read (read_at):
#   company     the company's own site or filing (IR site, exchange filing, corporate blog)
#   official    a statistics office's or government's own release (National Bureau of Statistics, MOFCOM)
#   newswire    a release carried verbatim (PR Newswire, 美通社, GlobeNewswire, BusinessWire, or a repost of one)
#   media       a named outlet's own reporting
#   broker      a research note
#   aggregator  statistics sites, SEO reposts, forums, machine translations and machine summaries
#   seed        one of the seed articles the project started from
TIERS = ("company", "official", "newswire", "media", "broker", "aggregator", "seed")
# A `reported` figure whose every source is an aggregator is an error unless the note says why,
# with this marker followed by the reason: "aggregator-only: no release copy found (searched ...)".
AGGREGATOR_ONLY = "aggregator-only:"

BASES = ("reported", "estimate")
# What a reader may take a figure or a value computed from figures to be, surest first. Every mark
# on a page (solid, half-filled, hollow or hatched, dashed) and every basis word means one of these:
#   reported       the company's figure, from its release, a verbatim newswire copy, a broker, or
#                  more than one independent page
#   single_source  the company's figure, but read on one media or aggregator page only
#   estimate       a third party's estimate, a target, or a figure the data marks as an estimate
#   model          kreport's own model output (forecast, nowcast)
# A derived value (a change, ratio, index, share, per-user figure, decomposition) takes the
# weakest grade of the figures it is computed from (kreport.stats.basis).
GRADES = ("reported", "single_source", "estimate", "model")
# A reported figure that rests on one page of these tiers is graded single_source.
WEAK_TIERS = ("media", "aggregator")
# How exact a figure is: "" exact as stated, "about" rounded or approximate,
# "over" / "under" a bound only ("超过2.1亿"). Bounds are shown, never modelled.
QUALIFIERS = ("", "about", "over", "under")
BOUNDS = ("over", "under")
# Business models of e-commerce, as the seed articles frame them, and ``market``: a row of platforms.csv
# that is no platform but the whole market (China's online retail sales, NBS), the denominator of shares.
# Reports are never made for a market row; kreport.dataset.load keeps it apart (Dataset.markets).
MODELS = ("trust", "interest", "shelf", "market")
PLATFORM_MODELS = ("trust", "interest", "shelf")


@dataclass(frozen=True)
class Metric:
    """A metric of the vocabulary: its kind (money, people, rate), whether quarters add up, and
    whether the listed company reports it for itself rather than for the platform (revenue).

    ``market_level`` metrics belong to a ``market`` row of platforms.csv only, and every other metric
    to a platform only. A ``cumulative`` metric is stated year to date: its figure under a quarter
    covers January to the end of that quarter (under ``2024Q2``: January-June 2024), and its
    figure under a year the whole year; such figures are never added up.
    """

    name: str
    kind: str
    additive: bool
    company_level: bool = False
    market_level: bool = False
    cumulative: bool = False


METRICS: dict[str, Metric] = {m.name: m for m in (
    Metric("gmv", "money", True),
    Metric("gmv_ttm", "money", False),
    Metric("dau", "people", False),
    Metric("mau", "people", False),
    Metric("monthly_buyers", "people", False),
    Metric("annual_buyers", "people", False),
    Metric("repurchase_rate", "rate", False),
    Metric("revenue_total", "money", True, company_level=True),
    Metric("revenue_marketing", "money", True, company_level=True),
    Metric("revenue_commerce", "money", True, company_level=True),
    Metric("shelf_gmv_share", "rate", False),
    Metric("gmv_target", "money", False),
    Metric("paid_members", "people", False),
    Metric("online_retail_physical", "money", False, market_level=True, cumulative=True),
)}


@dataclass(frozen=True)
class Unit:
    """A unit a data file may use, the kind of metric it measures and its factor to canonical."""

    name: str
    kind: str
    factor: float
    maximum: float  # a plausibility ceiling in this unit; above it is a typing error


UNITS: dict[str, Unit] = {u.name: u for u in (
    Unit("RMB_mn", "money", 0.001, 50_000_000),
    Unit("RMB_bn", "money", 1.0, 50_000),
    Unit("RMB_100m", "money", 0.1, 500_000),  # 亿元
    Unit("RMB_trillion", "money", 1000.0, 50),  # 万亿元
    Unit("million", "people", 1.0, 2_000),
    Unit("100m", "people", 100.0, 20),  # 亿人
    Unit("billion", "people", 1000.0, 2),
    Unit("percent", "rate", 0.01, 100),
    Unit("fraction", "rate", 1.0, 1),
)}

CANONICAL_UNIT = {"money": "RMB_bn", "people": "million", "rate": "fraction"}
