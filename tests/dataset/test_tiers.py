"""Tests of source tiers, corroborating sources, the aggregator-only rule, dates and stray spaces.

Every test writes its own small dataset in tmp_path; none reads data/.
"""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from kreport.dataset.load import load
from kreport.dataset.schema import TABLES, TIERS
from kreport.dataset.validate import check, parse_date, says_aggregator_only, split_source_ids
from kreport.errors import DataError

PLATFORMS = [
    {"platform": "kuaishou", "name_en": "Kuaishou", "name_zh": "快手", "model": "trust", "parent_en": "Kuaishou Technology",
     "parent_zh": "快手科技", "scope_en": "test", "scope_zh": "测试", "fiscal_year_end_month": "12"},
]
# One source of each tier.
SOURCES = [
    {"source_id": f"s-{tier}", "title": f"[{tier} test source]", "publisher": "kreport tests",
     "url": f"https://example.org/{tier}", "published": "2023-03-20", "read_at": f"https://example.org/{tier}", "tier": tier}
    for tier in TIERS
]
EVENTS = [
    {"event_id": "EV01", "platform": "kuaishou", "date": "2022-05-13", "name_en": "Test event", "name_zh": "测试事件",
     "description_en": "synthetic", "description_zh": "合成", "source_id": "s-media"},
]
FIGURE = {"platform": "kuaishou", "metric": "gmv", "period": "2022Q1", "value": "1751", "qualifier": "", "unit": "RMB_100m",
          "basis": "reported", "source_id": "s-newswire", "note": "synthetic figure", "corroborated_by": ""}


def write(folder, name, rows, columns=None):
    columns = columns or TABLES[name]
    with open(folder / name, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, columns, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def dataset(tmp_path, figures=(), sources=None, events=None, metric_columns=None, source_columns=None):
    """A data folder with the test platform, the six test sources and ``figures`` (changes to FIGURE)."""
    folder = tmp_path / "data"
    folder.mkdir(exist_ok=True)
    write(folder, "platforms.csv", PLATFORMS)
    write(folder, "sources.csv", SOURCES if sources is None else sources, source_columns)
    write(folder, "events.csv", EVENTS if events is None else events)
    write(folder, "metrics.csv", [{**FIGURE, **changes} for changes in figures], metric_columns)
    return folder


def where(problems):
    return [(p.file, p.line, p.column) for p in problems]


def test_the_test_dataset_is_valid(tmp_path):
    report = check(dataset(tmp_path, [{}]))
    assert report.problems == [], "\n".join(map(str, report.problems))


# --- tier ---------------------------------------------------------------------------------

def test_tier_column_is_required(tmp_path):
    columns = [c for c in TABLES["sources.csv"] if c != "tier"]
    report = check(dataset(tmp_path, [{}], source_columns=columns))
    assert ("sources.csv", 1, "tier") in where(report.errors)
    assert "column is missing" in report.errors[0].message


def test_empty_tier_is_rejected(tmp_path):
    sources = [{**s, "tier": ""} if s["source_id"] == "s-media" else s for s in SOURCES]
    report = check(dataset(tmp_path, [{}], sources=sources))
    line = 2 + TIERS.index("media")
    assert where(report.errors) == [("sources.csv", line, "tier")]
    assert "is empty" in report.errors[0].message and "company" in report.errors[0].message


@pytest.mark.parametrize("tier", ["blog", "Media", "Official", "wire"])
def test_unknown_tier_is_rejected(tmp_path, tier):
    sources = [{**s, "tier": tier} if s["source_id"] == "s-media" else s for s in SOURCES]
    report = check(dataset(tmp_path, [{}], sources=sources))
    line = 2 + TIERS.index("media")
    assert where(report.errors) == [("sources.csv", line, "tier")]
    assert f"unknown value {tier!r}" in report.errors[0].message
    assert str(report.errors[0]).startswith(f"sources.csv:{line}: tier: unknown value")


def test_every_tier_of_the_vocabulary_is_accepted(tmp_path):
    figures = [{"period": f"2022Q{q}", "source_id": f"s-{tier}", "basis": "estimate"}
               for q, tier in zip((1, 2, 3, 4), TIERS)]
    assert check(dataset(tmp_path, figures)).problems == []
    assert set(TIERS) == {"company", "official", "newswire", "media", "broker", "aggregator", "seed"}


# --- the aggregator-only rule ---------------------------------------------------------------

def test_reported_figure_on_an_aggregator_alone_is_rejected(tmp_path):
    report = check(dataset(tmp_path, [{}, {"period": "2022Q2", "source_id": "s-aggregator"}]))
    assert where(report.errors) == [("metrics.csv", 3, "source_id")]
    message = report.errors[0].message
    assert "aggregator" in message and "corroborated_by" in message and "aggregator-only:" in message
    assert str(report.errors[0]).startswith("metrics.csv:3: source_id: ")
    with pytest.raises(DataError) as caught:
        load(tmp_path / "data")
    assert (caught.value.file, caught.value.line, caught.value.column) == ("metrics.csv", 3, "source_id")


@pytest.mark.parametrize("note", [
    "aggregator-only: no release copy found (searched 'Kuaishou Q1 2022 results')",
    "'1751亿'; Aggregator-only: the filing itself was not found",
    "aggregator only: repost of a 新浪科技 article, original not found",
])
def test_reported_figure_on_an_aggregator_passes_when_the_note_says_why(tmp_path, note):
    report = check(dataset(tmp_path, [{"source_id": "s-aggregator", "note": note}]))
    assert report.problems == [], "\n".join(map(str, report.problems))


def test_the_marker_without_a_reason_is_not_enough(tmp_path):
    report = check(dataset(tmp_path, [{"source_id": "s-aggregator", "note": "quoted text; aggregator-only:"}]))
    assert where(report.errors) == [("metrics.csv", 2, "source_id")]
    assert "gives no reason" in report.errors[0].message


def test_an_estimate_may_rest_on_an_aggregator(tmp_path):
    assert check(dataset(tmp_path, [{"source_id": "s-aggregator", "basis": "estimate"}])).problems == []


@pytest.mark.parametrize("tier", ["company", "newswire", "media", "broker", "seed"])
def test_a_corroborating_source_of_another_tier_lifts_the_rule(tmp_path, tier):
    figure = {"source_id": "s-aggregator", "corroborated_by": f"s-{tier}"}
    assert check(dataset(tmp_path, [figure])).problems == []


def test_corroboration_by_aggregators_only_is_still_aggregator_only(tmp_path):
    sources = [*SOURCES, {**SOURCES[TIERS.index("aggregator")], "source_id": "s-aggregator-2"}]
    figure = {"source_id": "s-aggregator", "corroborated_by": "s-aggregator-2"}
    report = check(dataset(tmp_path, [figure], sources=sources))
    assert where(report.errors) == [("metrics.csv", 2, "source_id")]
    assert "s-aggregator, s-aggregator-2" in report.errors[0].message


def test_a_marker_on_a_figure_with_a_better_source_is_a_warning(tmp_path):
    report = check(dataset(tmp_path, [{"note": "aggregator-only: stale note"}]))
    assert report.errors == []
    assert where(report.warnings) == [("metrics.csv", 2, "note")]
    assert "'s-newswire' is newswire" in report.warnings[0].message


def test_says_aggregator_only():
    assert says_aggregator_only("no marker") is None
    assert says_aggregator_only("x; aggregator-only: why") is True
    assert says_aggregator_only("x; AGGREGATOR ONLY:   why") is True
    assert says_aggregator_only("x; aggregator-only:  ") is False


# --- corroborating sources -------------------------------------------------------------------

def test_every_corroborating_id_is_checked(tmp_path):
    figure = {"corroborated_by": "s-media;no-such-source;s-broker"}
    report = check(dataset(tmp_path, [figure]))
    assert where(report.errors) == [("metrics.csv", 2, "corroborated_by")]
    assert "unknown source id 'no-such-source'" in report.errors[0].message
    assert str(report.errors[0]).startswith("metrics.csv:2: corroborated_by: unknown source id")


def test_corroborating_ids_may_have_spaces_around_the_separator(tmp_path):
    assert split_source_ids(" s-media ; s-broker;;") == ["s-media", "s-broker"]
    assert check(dataset(tmp_path, [{"corroborated_by": "s-media; s-broker"}])).problems == []


def test_a_source_cited_twice_is_a_warning(tmp_path):
    report = check(dataset(tmp_path, [{"corroborated_by": "s-media;s-newswire"}, {"period": "2022Q2", "corroborated_by": "s-media;s-media"}]))
    assert report.errors == []
    assert where(report.warnings) == [("metrics.csv", 2, "corroborated_by"), ("metrics.csv", 3, "corroborated_by")]
    assert all("already cited" in w.message for w in report.warnings)


def test_the_corroborated_by_column_is_optional(tmp_path):
    columns = [c for c in TABLES["metrics.csv"] if c != "corroborated_by"]
    folder = dataset(tmp_path, [{}], metric_columns=columns)
    assert check(folder).problems == []
    metrics = load(folder).metrics
    assert metrics["corroborated_by"].tolist() == [()]
    assert metrics["n_sources"].tolist() == [1]


def test_the_loaded_frame_has_tier_and_source_counts(tmp_path):
    figures = [{}, {"period": "2022Q2", "source_id": "s-aggregator", "corroborated_by": "s-media;s-seed"}]
    metrics = load(dataset(tmp_path, figures)).metrics
    first, second = metrics.iloc[0], metrics.iloc[1]
    assert (first["source_id"], first["tier"], first["n_sources"], first["corroborated_by"]) == ("s-newswire", "newswire", 1, ())
    assert (second["source_id"], second["tier"], second["n_sources"]) == ("s-aggregator", "aggregator", 3)
    assert second["corroborated_by"] == ("s-media", "s-seed")
    assert list(metrics["tier"].cat.categories) == list(TIERS)
    assert load(tmp_path / "data").sources.set_index("source_id")["tier"].to_dict() == {f"s-{t}": t for t in TIERS}


# --- dates -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("date", "words"), [
    ("2025-02-30", "February 2025 has 28 days"),
    ("2023-02-29", "February 2023 has 28 days"),
    ("2025-04-31", "April 2025 has 30 days"),
    ("2025-13-45", "no month 13"),
    ("2025-00-10", "no month 0"),
    ("2025-01-00", "January 2025 has 31 days"),
    ("1025-05-13", "the year 1025"),
    ("2025-5-13", "not a date YYYY-MM-DD"),
    ("13/05/2022", "not a date YYYY-MM-DD"),
])
def test_impossible_event_dates_are_rejected(tmp_path, date, words):
    events = [{**EVENTS[0], "date": date}]
    report = check(dataset(tmp_path, [{}], events=events))
    assert where(report.errors) == [("events.csv", 2, "date")]
    assert words in report.errors[0].message
    with pytest.raises(DataError) as caught:  # a located error, not a crash of the date parser
        load(tmp_path / "data")
    assert (caught.value.file, caught.value.line, caught.value.column) == ("events.csv", 2, "date")


@pytest.mark.parametrize(("date", "words"), [
    ("2025-13-45", "no month 13"),
    ("2025-02-30", "February 2025 has 28 days"),
    ("2023-3-20", "not a date YYYY-MM-DD"),
])
def test_impossible_published_dates_are_rejected(tmp_path, date, words):
    sources = [{**s, "published": date} if s["source_id"] == "s-broker" else s for s in SOURCES]
    report = check(dataset(tmp_path, [{}], sources=sources))
    line = 2 + TIERS.index("broker")
    assert where(report.errors) == [("sources.csv", line, "published")]
    assert words in report.errors[0].message


def test_a_leap_day_is_a_date():
    assert parse_date("2024-02-29") == dt.date(2024, 2, 29)


def test_a_page_published_in_the_future_is_rejected(tmp_path):
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    sources = [{**s, "published": tomorrow} if s["source_id"] == "s-broker" else s for s in SOURCES]
    report = check(dataset(tmp_path, [{}], sources=sources))
    assert where(report.errors) == [("sources.csv", 2 + TIERS.index("broker"), "published")]
    assert "after today" in report.errors[0].message


def test_a_source_published_before_the_period_began_is_rejected(tmp_path):
    # The test sources are published 2023-03-20: they cannot report 2023Q2.
    report = check(dataset(tmp_path, [{"period": "2023Q1"}, {"period": "2022", "corroborated_by": "s-media"},
                                      {"period": "2023", "source_id": "s-media", "corroborated_by": "s-broker", "basis": "estimate"}]))
    assert report.errors == []  # a quarter or year that had begun may be reported (or estimated) already
    report = check(dataset(tmp_path, [{"period": "2023Q2"}]))
    assert where(report.errors) == [("metrics.csv", 2, "source_id")]
    assert "published 2023-03-20, before 2023Q2 began (2023-04-01)" in report.errors[0].message
    sources = [*SOURCES, {**SOURCES[0], "source_id": "s-late", "published": "2024-01-10"}]
    report = check(dataset(tmp_path, [{"period": "2023Q4", "source_id": "s-late", "corroborated_by": "s-media"}], sources=sources))
    assert where(report.errors) == [("metrics.csv", 2, "corroborated_by")]


# --- stray spaces ----------------------------------------------------------------------------

@pytest.mark.parametrize(("column", "cell", "value"), [
    ("platform", "kuaishou ", "kuaishou"),
    ("platform", " kuaishou", "kuaishou"),
    ("period", "2022Q3 ", "2022Q3"),
    ("period", "2022Q3\u3000", "2022Q3"),  # a full-width space from a Chinese input method
    ("source_id", "s-newswire\u00a0", "s-newswire"),  # a no-break space from a web page
    ("value", " 1751", "1751"),
    ("corroborated_by", "s-media ", "s-media"),
])
def test_a_stray_space_is_accepted_with_a_located_warning(tmp_path, column, cell, value):
    folder = dataset(tmp_path, [{}, {"period": "2022Q2", column: cell}])
    report = check(folder)
    assert report.errors == [], "\n".join(map(str, report.errors))
    assert where(report.warnings) == [("metrics.csv", 3, column)]
    warning = report.warnings[0]
    assert str(warning).startswith(f"metrics.csv:3: {column}: warning: ")
    assert repr(cell) in warning.message and f"read as {value!r}" in warning.message
    row = load(folder).metrics.sort_values("line").iloc[1]
    loaded = {"period": str(row["period"]), "value": f"{row['value_published']:g}",
              "corroborated_by": ";".join(row["corroborated_by"])}.get(column, row[column])
    assert loaded == value


def test_a_cell_of_only_spaces_reads_as_empty_with_a_warning(tmp_path):
    report = check(dataset(tmp_path, [{"qualifier": "  "}]))
    assert report.errors == []
    assert where(report.warnings) == [("metrics.csv", 2, "qualifier")]
    assert "only spaces" in report.warnings[0].message


def test_stray_spaces_in_the_other_files_are_located_too(tmp_path):
    sources = [{**s, "source_id": " s-media"} if s["source_id"] == "s-media" else s for s in SOURCES]
    events = [{**EVENTS[0], "platform": "kuaishou ", "date": "2022-05-13 "}]
    report = check(dataset(tmp_path, [{}], sources=sources, events=events))
    assert report.errors == []
    assert sorted(where(report.warnings), key=str) == sorted([
        ("sources.csv", 2 + TIERS.index("media"), "source_id"), ("events.csv", 2, "platform"), ("events.csv", 2, "date"),
    ], key=str)


def test_a_stray_space_in_a_column_name_is_a_warning(tmp_path):
    folder = dataset(tmp_path, [{}])
    text = (folder / "metrics.csv").read_text(encoding="utf-8")
    (folder / "metrics.csv").write_text(text.replace("period,", "period ,", 1), encoding="utf-8")
    report = check(folder)
    assert report.errors == []
    assert where(report.warnings) == [("metrics.csv", 1, "period")]


def test_an_inner_space_is_not_repaired(tmp_path):
    report = check(dataset(tmp_path, [{"platform": "kuai shou"}]))
    assert where(report.errors) == [("metrics.csv", 2, "platform")]
