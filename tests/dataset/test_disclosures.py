"""Tests for disclosures.csv (issue 12): when a platform started or stopped disclosing a metric.

The file is optional, so the synthetic dataset in tests/fixtures/data has none; each test writes a small
one into a copy of it (the ``synthetic_data_copy`` fixture). The shipped data/disclosures.csv is checked
at the end, with data/README.md, like tests/test_shipped_data.py checks the other files.
"""

from __future__ import annotations

import csv
import re

import pandas as pd
import pytest

from kreport.config import PROJECT_ROOT
from kreport.dataset.load import load
from kreport.dataset.schema import DISCLOSURE_EVENTS, OPTIONAL_TABLES, TABLES
from kreport.dataset.validate import check
from kreport.errors import DataError, ParameterError

COLUMNS = OPTIONAL_TABLES["disclosures.csv"]
# The synthetic Kuaishou GMV runs 2020Q4-2025Q3 and Alibaba's (fiscal year to March) FY2023-FY2025.
KS_LAST = {"platform": "kuaishou", "metric": "gmv", "event": "last", "period": "2025Q4", "announced": "2025-08-21",
           "source_id": "t-ks-2025-media", "note": "'GMV will still be disclosed for Q3, Q4 ... of 2025'"}
ALI_LAST = {"platform": "alibaba", "metric": "gmv", "event": "last", "period": "FY2025", "announced": "",
            "source_id": "t-ali", "note": "inferred: the FY2026 release has no GMV"}
PDD_FIRST = {"platform": "pdd", "metric": "gmv_ttm", "event": "first", "period": "2022Q4", "announced": "",
             "source_id": "t-pdd", "note": "the first release with GMV"}


def write_disclosures(data_dir, rows, columns=COLUMNS) -> None:
    with open(data_dir / "disclosures.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def problems(report, file="disclosures.csv") -> list[str]:
    return [str(p) for p in report.problems if p.file == file]


# --- an optional file ---------------------------------------------------------------------------------

def test_a_folder_without_disclosures_validates_and_loads(synthetic_data_copy):
    assert not (synthetic_data_copy / "disclosures.csv").exists()
    report = check(synthetic_data_copy)
    assert report.ok and report.warnings == []
    assert report.tables["disclosures.csv"] == []
    assert "disclosures" not in report.summary()  # the summary names the file only when there is one
    data = load(synthetic_data_copy)
    assert data.disclosures.empty
    assert list(data.disclosures.columns) == [*COLUMNS, "period_kind", "line"]
    assert data.last_disclosed("kuaishou", "gmv") is None
    assert data.is_disclosed("kuaishou", "gmv", "2030Q4")


def test_disclosures_is_not_one_of_the_required_tables():
    # A required fifth file would break every data folder made before issue 12.
    assert "disclosures.csv" not in TABLES
    assert COLUMNS == ("platform", "metric", "event", "period", "announced", "source_id", "note")
    assert DISCLOSURE_EVENTS == ("first", "last")


def test_a_valid_file_validates_and_is_counted(synthetic_data_copy):
    write_disclosures(synthetic_data_copy, [KS_LAST, ALI_LAST, PDD_FIRST])
    report = check(synthetic_data_copy)
    assert report.ok, [str(p) for p in report.errors]
    assert problems(report) == []
    assert report.summary().endswith("4 events, 3 disclosures; 0 errors, 0 warnings")


# --- validation: file:line: column: message ---------------------------------------------------------------

@pytest.mark.parametrize(("change", "column", "message"), [
    pytest.param({"platform": "taobao"}, "platform", "unknown value 'taobao'", id="unknown-platform"),
    pytest.param({"metric": "revenue"}, "metric", "unknown value 'revenue'", id="unknown-metric"),
    pytest.param({"event": "stopped"}, "event", "unknown value 'stopped'; expected one of first, last", id="unknown-event"),
    pytest.param({"source_id": "t-nowhere"}, "source_id", "unknown value 't-nowhere'", id="unknown-source"),
    pytest.param({"source_id": ""}, "source_id", "is empty", id="no-source"),
    pytest.param({"note": ""}, "note", "is empty", id="no-note"),
    pytest.param({"period": "2025-Q4"}, "period", "is not a period", id="period-form"),
    pytest.param({"period": "Q4 2025"}, "period", "is not a period", id="period-words"),
    pytest.param({"period": "2205Q4"}, "period", "has the year 2205", id="period-year"),
    pytest.param({"period": "FY2025"}, "period", "this platform's fiscal year is the calendar year; write 2025", id="fy-for-december"),
    pytest.param({"announced": "2025-02-30"}, "announced", "February 2025 has 28 days", id="impossible-date"),
    pytest.param({"announced": "21/08/2025"}, "announced", "is not a date YYYY-MM-DD", id="date-form"),
    pytest.param({"announced": "2099-01-01"}, "announced", "is after today", id="future-date"),
])
def test_a_bad_cell_is_an_error_at_its_line_and_column(synthetic_data_copy, change, column, message):
    write_disclosures(synthetic_data_copy, [ALI_LAST, {**KS_LAST, **change}])
    report = check(synthetic_data_copy)
    errors = [str(p) for p in report.errors]
    assert any(e.startswith(f"disclosures.csv:3: {column}: ") and message in e for e in errors), errors
    with pytest.raises(DataError) as raised:
        load(synthetic_data_copy)
    assert str(raised.value).startswith("disclosures.csv:3:")


def test_a_fiscal_year_is_accepted_where_the_platform_has_one(synthetic_data_copy):
    write_disclosures(synthetic_data_copy, [ALI_LAST])
    assert check(synthetic_data_copy).ok


def test_one_row_per_platform_metric_and_event(synthetic_data_copy):
    write_disclosures(synthetic_data_copy, [KS_LAST, {**KS_LAST, "period": "2026Q1"}])
    assert problems(check(synthetic_data_copy)) == [
        "disclosures.csv:3: event: kuaishou gmv already has a 'last' record on line 2; keep one row"]


def test_the_first_period_may_not_follow_the_last(synthetic_data_copy):
    write_disclosures(synthetic_data_copy, [KS_LAST, {**KS_LAST, "event": "first", "period": "2026Q1"}])
    report = check(synthetic_data_copy)
    assert [str(p) for p in report.errors] == [
        "disclosures.csv:3: period: kuaishou gmv: the first disclosed period 2026Q1 comes after the last, 2025Q4"]
    # and every synthetic GMV quarter now comes before the "first" one: one warning for the record, not one per figure
    (warning,) = report.warnings
    assert str(warning).startswith("disclosures.csv:3: period: warning: kuaishou gmv: metrics.csv has 24 reported figures "
                                   "before the first disclosed period 2026Q1: line 2 (2020Q4), line 3 (2021Q1), line 4 (2021Q2), ...")


def test_a_reported_figure_after_the_last_disclosed_period_is_a_warning(synthetic_data_copy):
    # The synthetic Alibaba GMV has FY2025; a record saying FY2024 was the last contradicts it.
    write_disclosures(synthetic_data_copy, [{**ALI_LAST, "period": "FY2024"}])
    report = check(synthetic_data_copy)
    assert report.ok
    (warning,) = report.warnings
    assert re.fullmatch(
        r"disclosures\.csv:2: period: warning: alibaba gmv: metrics\.csv has 1 reported figure after the last disclosed "
        r"period FY2024: line \d+ \(FY2025\); correct the record or the figures", str(warning)), str(warning)


def test_a_reported_figure_before_the_first_disclosed_period_is_a_warning(synthetic_data_copy):
    write_disclosures(synthetic_data_copy, [{**PDD_FIRST, "period": "2023Q2"}])
    (warning,) = [str(w) for w in check(synthetic_data_copy).warnings]
    assert re.fullmatch(r"disclosures\.csv:2: period: warning: pdd gmv_ttm: metrics\.csv has 1 reported figure before the first "
                        r"disclosed period 2023Q2: line \d+ \(2022Q4\); correct the record or the figures", warning), warning


def test_missing_and_unexpected_columns_are_errors(synthetic_data_copy):
    write_disclosures(synthetic_data_copy, [{k: v for k, v in KS_LAST.items() if k != "announced"}],
                      columns=[c for c in COLUMNS if c != "announced"])
    assert any(p.startswith("disclosures.csv:1: announced: column is missing") for p in problems(check(synthetic_data_copy)))
    write_disclosures(synthetic_data_copy, [{**KS_LAST, "tier": "media"}], columns=[*COLUMNS, "tier"])
    assert any(p.startswith("disclosures.csv:1: tier: unexpected column") for p in problems(check(synthetic_data_copy)))


def test_a_stray_space_is_read_without_it_and_warned(synthetic_data_copy):
    write_disclosures(synthetic_data_copy, [{**KS_LAST, "period": "2025Q4 "}])
    report = check(synthetic_data_copy)
    assert report.ok
    assert problems(report) == [
        "disclosures.csv:2: period: warning: '2025Q4 ' has a stray space before or after it; read as '2025Q4'"]
    assert str(load(synthetic_data_copy).last_disclosed("kuaishou", "gmv")) == "2025Q4"


def test_an_excel_saved_file_is_accepted_with_warnings(synthetic_data_copy):
    write_disclosures(synthetic_data_copy, [KS_LAST])
    path = synthetic_data_copy / "disclosures.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    report = check(synthetic_data_copy)
    assert report.ok
    assert set(problems(report)) == {"disclosures.csv:1: warning: starts with a UTF-8 byte-order mark (Excel); accepted",
                                     "disclosures.csv: warning: has CRLF line ends (Excel); accepted"}


# --- the loader: last_disclosed and is_disclosed ------------------------------------------------------------

@pytest.fixture
def disclosed(synthetic_data_copy):
    write_disclosures(synthetic_data_copy, [KS_LAST, ALI_LAST, PDD_FIRST])
    return load(synthetic_data_copy)


def test_the_loaded_frame(disclosed):
    frame = disclosed.disclosures
    assert list(frame["platform"]) == ["alibaba", "kuaishou", "pdd"]  # sorted by platform, metric, event
    assert list(frame["period_kind"]) == ["fiscal_year", "quarter", "quarter"]
    assert list(frame["line"]) == [3, 2, 4]
    ks = frame.set_index("platform").loc["kuaishou"]
    assert ks["announced"] == pd.Timestamp("2025-08-21") and pd.isna(frame.set_index("platform").loc["alibaba", "announced"])
    assert ks["source_id"] == "t-ks-2025-media"


def test_last_disclosed_is_a_period_of_the_kind_written(disclosed):
    assert disclosed.last_disclosed("kuaishou", "gmv") == pd.Period("2025Q4", freq="Q-DEC")
    fiscal = disclosed.last_disclosed("alibaba", "gmv")
    assert fiscal.freqstr in ("Y-MAR", "A-MAR") and fiscal.end_time.normalize() == pd.Timestamp("2025-03-31")
    assert disclosed.last_disclosed("kuaishou", "dau") is None  # no end recorded
    assert disclosed.last_disclosed("pdd", "gmv_ttm") is None  # a first record only
    assert disclosed.first_disclosed("pdd", "gmv_ttm") == pd.Period("2022Q4", freq="Q-DEC")


@pytest.mark.parametrize(("platform", "metric", "quarter", "expected"), [
    ("kuaishou", "gmv", "2025Q3", True),
    ("kuaishou", "gmv", "2025Q4", True),  # the last disclosed quarter itself
    ("kuaishou", "gmv", "2026Q1", False),
    ("kuaishou", "gmv", "2030Q2", False),
    ("alibaba", "gmv", "2025Q1", True),  # inside FY2025, which ends in March 2025
    ("alibaba", "gmv", "2025Q2", False),
    ("pdd", "gmv_ttm", "2022Q3", False),  # before the first disclosed quarter
    ("pdd", "gmv_ttm", "2022Q4", True),
    ("pdd", "gmv_ttm", "2030Q1", True),  # no last record
    ("kuaishou", "dau", "2030Q1", True),  # no record at all
    ("douyin", "gmv", "2024Q4", True),
])
def test_is_disclosed(disclosed, platform, metric, quarter, expected):
    assert disclosed.is_disclosed(platform, metric, quarter) is expected
    assert disclosed.is_disclosed(platform, metric, pd.Period(quarter, freq="Q-DEC")) is expected


def test_disclosures_survive_as_of(disclosed):
    cut = disclosed.as_of("2022Q4")
    assert cut.disclosures.equals(disclosed.disclosures)
    assert not cut.is_disclosed("kuaishou", "gmv", "2026Q1")


@pytest.mark.parametrize(("args", "name"), [
    (("kuaishou", "revenue", "2025Q4"), "metric"),
    (("taobao", "gmv", "2025Q4"), "platform"),
    (("kuaishou", "gmv", "2025-Q4"), "quarter"),
    (("kuaishou", "gmv", "2025"), "quarter"),
])
def test_bad_arguments_are_parameter_errors(disclosed, args, name):
    with pytest.raises(ParameterError) as raised:
        disclosed.is_disclosed(*args)
    assert raised.value.name == name


# --- the shipped file ----------------------------------------------------------------------------------------

SHIPPED = PROJECT_ROOT / "data"


def test_the_shipped_records():
    data = load(SHIPPED)
    assert {(r.platform, r.metric, r.event, str(r.period)) for r in data.disclosures.itertuples()} == {
        ("kuaishou", "gmv", "last", "2025Q4"), ("pdd", "gmv_ttm", "last", "2021Q4"),
        ("alibaba", "gmv", "last", "2021"), ("jd", "gmv", "last", "2017Q1")}
    assert data.disclosures.set_index("platform").loc["alibaba", "period_kind"] == "fiscal_year"
    assert not data.is_disclosed("kuaishou", "gmv", "2026Q1") and data.is_disclosed("kuaishou", "gmv", "2025Q4")
    notes = data.disclosures.set_index("platform")["note"]
    assert "inferred: the 2022Q1 release has no GMV" in notes["pdd"]
    assert "last figure in this dataset; no statement found" in notes["jd"]
    assert "Q4, and the annual report of 2025" in notes["kuaishou"]


def test_the_readme_documents_the_columns():
    readme = (SHIPPED / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## disclosures\.csv\n(.*?)(?=^## )", readme, re.S | re.M)
    assert section, "data/README.md has no section 'disclosures.csv'"
    rows = [line for line in section.group(1).split("\n") if line.startswith("| `")]
    documented = [row.split("|")[1].strip().strip("`") for row in rows]
    assert documented[:len(COLUMNS)] == list(COLUMNS)
