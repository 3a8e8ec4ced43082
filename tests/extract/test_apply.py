"""--apply (kreport/extract/apply.py): validated appends with backups; nothing written on a conflict or an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from kreport.dataset.validate import check
from kreport.errors import DataError
from kreport.extract import extract

RELEASE = Path(__file__).resolve().parent.parent / "fixtures" / "extract" / "kuaishou-2025q4-synthetic-zh-hant.txt"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_the_new_rows_and_their_source_are_appended_and_the_old_bytes_kept(synthetic_data_copy):
    before = snapshot(synthetic_data_copy)
    extraction = extract([RELEASE], data_dir=synthetic_data_copy)
    applied = extraction.apply()
    assert (applied.metrics_added, applied.sources_added) == (5, 1)
    metrics = (synthetic_data_copy / "metrics.csv").read_bytes()
    assert metrics.startswith(before["metrics.csv"])  # never rewrites a row
    assert metrics.count(b"\n") == before["metrics.csv"].count(b"\n") + 5
    assert (synthetic_data_copy / "sources.csv").read_bytes().startswith(before["sources.csv"])
    assert {p.read_bytes() for p in applied.backups} == {before["metrics.csv"], before["sources.csv"]}
    assert all(p.parent == synthetic_data_copy and ".bak-" in p.name for p in applied.backups)
    assert check(synthetic_data_copy).ok and not check(synthetic_data_copy).warnings
    again = extract([RELEASE], data_dir=synthetic_data_copy)
    assert {row.status for row in again.rows} == {"same", "rounding"}  # 3.950億 against 395 million: a rounding and again.files[0].source.new is False
    assert again.apply().metrics_added == 0


def test_a_conflict_writes_nothing(synthetic_data_copy):
    path = synthetic_data_copy / "metrics.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("kuaishou,dau,2024Q4,395,", "kuaishou,dau,2024Q4,380,"), encoding="utf-8")
    before = snapshot(synthetic_data_copy)
    extraction = extract([RELEASE], data_dir=synthetic_data_copy)
    assert [row.status for row in extraction.rows].count("conflict") == 1
    with pytest.raises(DataError, match="--apply wrote nothing: kuaishou dau 2024Q4 is a conflict"):
        extraction.apply()
    assert snapshot(synthetic_data_copy) == before


def test_a_validation_error_writes_nothing(synthetic_data_copy):
    # A source dated before the quarter it reports on is an error of `kreport validate`.
    text = RELEASE.read_text(encoding="utf-8").replace("香港2026年3月25日", "香港2025年9月25日")
    release = synthetic_data_copy.parent / "early.txt"
    release.write_text(text, encoding="utf-8")
    before = snapshot(synthetic_data_copy)
    extraction = extract([release], data_dir=synthetic_data_copy)
    refused = r"--apply wrote nothing: the row kuaishou \w+ 2025Q4 read from here would fail `kreport validate` .*published 2025-09-25"
    with pytest.raises(DataError, match=refused) as caught:
        extraction.apply()
    # Named where the row came from, a line that exists (never the line metrics.csv would have had after the append).
    assert caught.value.file == str(release)
    assert 1 <= caught.value.line <= text.count("\n") + 1
    assert text.splitlines()[caught.value.line - 1].strip() in extraction.rows[0].quote or extraction.rows[0].quote in text
    assert snapshot(synthetic_data_copy) == before


def test_excel_line_ends_are_kept(synthetic_data_copy):
    for name in ("metrics.csv", "sources.csv"):
        path = synthetic_data_copy / name
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    extract([RELEASE], data_dir=synthetic_data_copy).apply()
    metrics = (synthetic_data_copy / "metrics.csv").read_bytes()
    assert metrics.count(b"\r\n") == metrics.count(b"\n")
