"""Tests for kreport/validate.py: every problem is found and located as file:line: column."""

from __future__ import annotations

import csv
import hashlib
import io
import re
import shutil

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from kreport.config import PROJECT_ROOT
from kreport.dataset.load import load
from kreport.dataset.schema import TABLES
from kreport.dataset.validate import Problem, check, parse_number
from kreport.errors import DataError

SHIPPED_DATA_DIR = PROJECT_ROOT / "data"
METRIC_COLUMNS = TABLES["metrics.csv"]
# A row that is valid on its own: Kuaishou has no 2020Q1 GMV in the shipped data.
GOOD_ROW = {
    "platform": "kuaishou", "metric": "gmv", "period": "2020Q1", "value": "500",
    "qualifier": "", "unit": "RMB_100m", "basis": "reported", "source_id": "seed004", "note": "test row",
}


def read_metrics(data_dir) -> list[dict[str, str]]:
    with open(data_dir / "metrics.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write_metrics(data_dir, rows, columns=METRIC_COLUMNS) -> None:
    with open(data_dir / "metrics.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


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


# --- the shipped data -------------------------------------------------------------------

def test_shipped_data_validates_without_errors_or_warnings(shipped_data_dir):
    report = check(shipped_data_dir)
    assert report.errors == [], "\n".join(map(str, report.errors))
    assert report.warnings == [], "\n".join(map(str, report.warnings))
    assert report.ok
    assert len(report.tables["metrics.csv"]) > 100
    assert "0 errors, 0 warnings" in report.summary()


def test_the_base_test_row_is_valid(data_copy):
    append_row(data_copy)
    report = check(data_copy)
    assert report.problems == []


# --- header problems --------------------------------------------------------------------

def test_missing_column_is_reported_on_the_header(data_copy):
    columns = [c for c in METRIC_COLUMNS if c != "qualifier"]
    rows = [{c: r[c] for c in columns} for r in read_metrics(data_copy)]
    write_metrics(data_copy, rows, columns)
    report = check(data_copy)
    assert where(report.errors) == [("metrics.csv", 1, "qualifier")]
    assert "column is missing" in report.errors[0].message
    assert str(report.errors[0]).startswith("metrics.csv:1: qualifier: column is missing")


def test_extra_column_is_reported_on_the_header(data_copy):
    columns = [*METRIC_COLUMNS, "comment"]
    rows = [{**r, "comment": "x"} for r in read_metrics(data_copy)]
    write_metrics(data_copy, rows, columns)
    report = check(data_copy)
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
def test_bad_row_is_located_at_its_line_and_column(data_copy, changes, column, words):
    line = append_row(data_copy, **changes)
    report = check(data_copy)
    assert where(report.errors) == [("metrics.csv", line, column)], "\n".join(map(str, report.problems))
    error = report.errors[0]
    assert words in error.message
    assert str(error).startswith(f"metrics.csv:{line}: {column}: ")
    assert not report.ok


def test_load_raises_the_located_data_error(data_copy):
    line = append_row(data_copy, value="lots")
    with pytest.raises(DataError) as caught:
        load(data_copy)
    error = caught.value
    assert (error.file, error.line, error.column) == ("metrics.csv", line, "value")
    assert str(error).startswith(f"metrics.csv:{line}: value: 'lots' is not a number")


def test_load_counts_the_other_errors(data_copy):
    append_row(data_copy, value="lots")
    append_row(data_copy, period="2021Q1", platform="taobao")
    with pytest.raises(DataError, match=r"and 1 more problems"):
        load(data_copy)


def test_row_with_too_many_fields_says_to_quote(data_copy):
    text = (data_copy / "metrics.csv").read_text(encoding="utf-8")
    line = text.count("\n") + 1
    (data_copy / "metrics.csv").write_text(
        text + "kuaishou,gmv,2020Q1,1,751.2,,RMB_100m,reported,seed004,unquoted comma\n", encoding="utf-8")
    report = check(data_copy)
    assert where(report.errors) == [("metrics.csv", line, None)]
    assert "quote any value that contains a comma" in report.errors[0].message


def test_line_numbers_count_physical_lines_after_a_multiline_note(data_copy):
    rows = read_metrics(data_copy)
    rows.insert(0, {**GOOD_ROW, "note": "first line\nsecond line"})
    rows.append({**GOOD_ROW, "period": "2020Q2", "value": "oops"})
    write_metrics(data_copy, rows)
    report = check(data_copy)
    # header + 2 physical lines for the first row + the shipped rows, then the bad row
    expected = 1 + 2 + (len(rows) - 2) + 1
    assert where(report.errors) == [("metrics.csv", expected, "value")]


# --- duplicates and sums ----------------------------------------------------------------

def test_same_figure_twice_with_different_values_is_an_error(data_copy):
    first = line_of(data_copy, "kuaishou", "gmv", "2023Q3")
    line = append_row(data_copy, period="2023Q3", value="2903")
    report = check(data_copy)
    assert where(report.errors) == [("metrics.csv", line, "value")]
    assert f"line {first}" in report.errors[0].message


def test_same_figure_in_another_unit_is_compared_after_normalising(data_copy):
    line_of(data_copy, "kuaishou", "gmv", "2023Q3")  # 2902 RMB_100m
    line = append_row(data_copy, period="2023Q3", value="290.2", unit="RMB_bn")
    report = check(data_copy)
    assert report.errors == []
    assert where(report.warnings) == [("metrics.csv", line, None)]


def test_same_figure_twice_identical_is_a_warning(data_copy):
    first = line_of(data_copy, "kuaishou", "gmv", "2023Q3")
    line = append_row(data_copy, period="2023Q3", value="2902")
    report = check(data_copy)
    assert report.errors == []
    assert where(report.warnings) == [("metrics.csv", line, None)]
    assert f"repeats line {first}" in report.warnings[0].message
    assert " warning: " in str(report.warnings[0])


def test_same_period_with_another_basis_is_not_a_duplicate(data_copy):
    append_row(data_copy, period="2023Q3", value="3000", basis="estimate")
    assert check(data_copy).problems == []


def test_quarters_off_the_annual_total_give_a_warning(data_copy):
    rows = read_metrics(data_copy)
    line = line_of(data_copy, "kuaishou", "gmv", "2022")
    for row in rows:
        if (row["platform"], row["metric"], row["period"]) == ("kuaishou", "gmv", "2022"):
            row["value"] = "9500"  # the four quarters add up to about 9012
    write_metrics(data_copy, rows)
    report = check(data_copy)
    assert report.errors == []
    assert where(report.warnings) == [("metrics.csv", line, "value")]
    assert "2022Q1-2022Q4" in report.warnings[0].message


def test_quarters_within_one_percent_of_the_annual_total_pass(data_copy):
    rows = read_metrics(data_copy)
    for row in rows:
        if (row["platform"], row["metric"], row["period"]) == ("kuaishou", "gmv", "2022"):
            row["value"] = "9090"  # +0.9%
    write_metrics(data_copy, rows)
    assert check(data_copy).problems == []


def test_fiscal_year_total_is_compared_with_its_own_quarters(data_copy):
    # Alibaba's FY2021 (7494 bn) runs 2020Q2..2021Q1; 2020Q1 belongs to FY2020 and must not count.
    quarters = {"2020Q1": "9999", "2020Q2": "1873.5", "2020Q3": "1873.5", "2020Q4": "1873.5", "2021Q1": "1873.5"}
    for period, value in quarters.items():
        append_row(data_copy, platform="alibaba", period=period, value=value, unit="RMB_bn", source_id="shelf-S07")
    assert check(data_copy).problems == []

    rows = read_metrics(data_copy)
    rows[-1]["value"] = "2500"  # 2021Q1: the four quarters now add up to 8120.5 against 7494
    write_metrics(data_copy, rows)
    report = check(data_copy)
    assert report.errors == []
    assert where(report.warnings) == [("metrics.csv", line_of(data_copy, "alibaba", "gmv", "FY2021"), "value")]
    assert "2020Q2-2021Q1" in report.warnings[0].message


# --- files saved by Excel and other tools -------------------------------------------------

def test_excel_bom_crlf_and_thousands_separators_are_accepted(data_copy):
    rows = read_metrics(data_copy)
    line = line_of(data_copy, "kuaishou", "gmv", "2022Q1")
    rows[line - 2].update(value="1,751.2", unit="RMB_100m")
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, METRIC_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    assert '"1,751.2"' in buffer.getvalue()
    (data_copy / "metrics.csv").write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))

    report = check(data_copy)
    assert report.errors == [], "\n".join(map(str, report.errors))
    assert sorted(where(report.warnings), key=str) == sorted(
        [("metrics.csv", 1, None), ("metrics.csv", None, None), ("metrics.csv", line, "value")], key=str)
    messages = " | ".join(p.message for p in report.warnings)
    assert "byte-order mark" in messages and "CRLF" in messages and "read as 1751.2" in messages

    metrics = load(data_copy).metrics
    row = metrics[(metrics["platform"] == "kuaishou") & (metrics["metric"] == "gmv")
                  & (metrics["period"].astype(str) == "2022Q1")].iloc[0]
    assert row["value_published"] == pytest.approx(1751.2)
    assert row["value"] == pytest.approx(175.12)
    assert row["line"] == line
    assert metrics["platform"].iloc[0] in {"alibaba", "douyin", "jd", "kuaishou", "pdd"}  # BOM not in a name


def test_gbk_file_is_rejected_with_a_fix(data_copy):
    text = (data_copy / "metrics.csv").read_text(encoding="utf-8")
    (data_copy / "metrics.csv").write_bytes(text.encode("gbk", errors="replace"))
    first_non_ascii = next(i for i, line in enumerate(text.split("\n"), start=1) if not line.isascii())
    report = check(data_copy)
    assert where(report.errors) == [("metrics.csv", first_non_ascii, None)]
    message = report.errors[0].message
    assert "not UTF-8" in message and "CSV UTF-8" in message
    with pytest.raises(DataError, match="re-save it as 'CSV UTF-8"):
        load(data_copy)


def test_semicolon_separated_file_is_rejected_with_a_fix(data_copy):
    rows = read_metrics(data_copy)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, METRIC_COLUMNS, delimiter=";", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    (data_copy / "metrics.csv").write_text(buffer.getvalue(), encoding="utf-8")
    report = check(data_copy)
    assert where(report.errors) == [("metrics.csv", 1, None)]
    assert "';'" in report.errors[0].message and "Comma delimited" in report.errors[0].message
    with pytest.raises(DataError) as caught:
        load(data_copy)
    assert (caught.value.file, caught.value.line) == ("metrics.csv", 1)


def test_spreadsheet_bytes_are_rejected(data_copy):
    (data_copy / "metrics.csv").write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 20)
    report = check(data_copy)
    assert [p.file for p in report.errors] == ["metrics.csv"]
    assert not report.ok


def test_missing_file_is_reported(data_copy):
    (data_copy / "events.csv").unlink()
    report = check(data_copy)
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

def test_validating_and_loading_never_modify_the_files(shipped_data_dir, data_copy):
    before = digests(shipped_data_dir)
    check(shipped_data_dir)
    load(shipped_data_dir)
    assert digests(shipped_data_dir) == before

    # Also a folder with an Excel-saved file and an error in it.
    raw = (data_copy / "metrics.csv").read_bytes().replace(b"\n", b"\r\n")
    (data_copy / "metrics.csv").write_bytes(b"\xef\xbb\xbf" + raw)
    (data_copy / "sources.csv").write_bytes((data_copy / "sources.csv").read_bytes() + b"bad id,,,,,\n")
    before = digests(data_copy)
    report = check(data_copy)
    with pytest.raises(DataError):
        load(data_copy)
    assert not report.ok
    assert digests(data_copy) == before


# --- property: no input makes the validator or loader fail with a raw traceback -------------------

BASE_TEXT = (SHIPPED_DATA_DIR / "metrics.csv").read_text(encoding="utf-8")
BASE_ROWS = list(csv.reader(io.StringIO(BASE_TEXT, newline="")))
TRICKY_CELLS = [
    "", " ", "-1", "-0", "1e999", "nan", "inf", "1,751.2", "1,75", "0x1F", "1_000", "２０２２Q1", "١٢", "²",
    "2022Q5", "2022-Q1", "FY2022", "FY2021", "0000Q1", "9999", "2022Q1 ", "over", "about", "percent",
    "fraction", "RMB_trillion", "120", "estimate", "seed004", "douyin", "alibaba", "annual_buyers",
    '"', '""', ",", ";", "\n", "\r", "\r\n", "\x00", "\ufeff", "\u2028", "快手", "a,b", 'x"y',
]
ROW_LEVEL = re.compile(r"^metrics\.csv:(\d+): (?:([a-z_]+|\(blank\)): )?(?:warning: )?\S")


@st.composite
def mutated_metrics(draw) -> bytes:
    """The shipped metrics.csv with random cells replaced, quotes dropped and bytes changed."""
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
    shutil.copytree(SHIPPED_DATA_DIR, target)
    return target


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=mutated_metrics())
def test_malformed_metrics_never_escape_as_raw_exceptions(fuzz_dir, content):
    (fuzz_dir / "metrics.csv").write_bytes(content)
    physical_lines = content.count(b"\n") + 1

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
