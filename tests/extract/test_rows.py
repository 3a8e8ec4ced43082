"""Rows and their status against the dataset (kreport/extract/rows.py)."""

from __future__ import annotations

import csv
import io

from kreport.extract.figures import Figure
from kreport.extract.periods import Span
from kreport.extract.rows import COLUMNS, Existing, make_rows, to_csv

Q3 = Span("quarter", 2025, 3)


def figure(metric="dau", period=Q3, value="4.162", unit="100m", qualifier="", role="headline"):
    return Figure("kuaishou", metric, period, value, unit, qualifier, f"quote for {value}", role, "the line")


def existing(value, unit, qualifier="", line=7):
    return {("kuaishou", "dau", "2025Q3", "reported"): Existing(line, value, unit, qualifier, "src")}


def test_new_same_and_conflict_against_the_dataset():
    assert make_rows([("a.txt", "s1", "2025Q3", [figure()])], {})[0].status == "new"
    same = make_rows([("a.txt", "s1", "2025Q3", [figure()])], existing("416.2", "million"))[0]
    assert same.status == "same" and "same as metrics.csv:7 (416.2 million)" in same.note
    conflict = make_rows([("a.txt", "s1", "2025Q3", [figure()])], existing("4.1", "100m"))[0]
    assert conflict.status == "conflict"
    assert "CONFLICT: metrics.csv:7 has 4.1 100m (source src), this release 4.162 100m" in conflict.note


def test_a_bound_is_the_same_as_an_exact_figure_it_satisfies_but_not_the_other_way():
    bound = figure(value="416.2", unit="million", qualifier="over")
    assert make_rows([("a.txt", "s1", "2025Q3", [bound])], existing("4.162", "100m"))[0].status == "same"
    assert make_rows([("a.txt", "s1", "2025Q3", [figure(value="4.3")])], existing("4.2", "100m", "over"))[0].status == "conflict"


def test_within_one_run_the_first_release_is_written_and_a_disagreeing_one_makes_both_conflicts():
    rows = make_rows([("a.txt", "s1", "2025Q3", [figure()]), ("b.txt", "s2", "2025Q3", [figure(value="416.2", unit="million")])], {})
    assert [r.status for r in rows] == ["new", "same"]
    rows = make_rows([("a.txt", "s1", "2025Q3", [figure()]), ("b.txt", "s2", "2025Q3", [figure(value="4.3")])], {})
    assert [r.status for r in rows] == ["conflict", "conflict"]


def test_a_releases_own_figure_wins_over_a_later_releases_comparative():
    comparative = figure(role="comparative")
    rows = make_rows([("later.txt", "s2", "2026Q3", [comparative]), ("own.txt", "s1", "2025Q3", [figure()])], {})
    assert [(r.file, r.status) for r in rows] == [("later.txt", "same"), ("own.txt", "new")]
    assert "prior-year comparative in the 2026Q3 release" in rows[0].note


def test_the_csv_has_the_columns_of_metrics_csv_then_status_and_quote():
    rows = make_rows([("a.txt", "s1", "2025Q3", [figure()])], {})
    read = list(csv.DictReader(io.StringIO(to_csv(rows))))
    assert tuple(read[0]) == COLUMNS
    assert read[0]["value"] == "4.162" and read[0]["unit"] == "100m" and read[0]["basis"] == "reported"
    assert read[0]["quote"] == "quote for 4.162" and read[0]["source_id"] == "s1"
