"""Fault injection on the one writer of data/ (issue 24): two `extract --apply` at once, `kill -9` in the middle
of one, and files that are not regular files (a FIFO, a link to /dev/zero) given to extract and validate.

Each case runs the real command line in child processes. A child is paused at a chosen point by wrapping
``os.fsync`` (every data file and backup is flushed before its rename): it writes a marker file and sleeps
there, so the parent knows exactly where it stands when it starts the second run or sends SIGKILL.
"""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kreport.dataset.validate import check

RELEASE_Q4 = Path(__file__).resolve().parent / "fixtures" / "extract" / "kuaishou-2025q4-synthetic-zh-hant.txt"
RELEASE_Q1 = """快手科技發佈2026年第一季度業績（合成測試稿，並非真實數字）

香港2026年5月25日 /美通社/ -- 合成測試稿：快手科技今日發佈截至2026年3月31日止第一季度業績。

2026年第一季度業績摘要

 • 快手應用平均日活躍用戶為4.300億。
 • 總收入為人民幣410億元。
"""

# A child: the kreport command line, paused after its N-th fsync (when N > 0) until killed or 2 s have passed.
CHILD = r"""
import os, sys, time
from pathlib import Path

marker, stop_at, pause = Path(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
real_fsync, calls = os.fsync, [0]

def fsync(fd):
    real_fsync(fd)
    calls[0] += 1
    if calls[0] == stop_at:
        marker.write_text(str(calls[0]))
        time.sleep(pause)

os.fsync = fsync
from kreport.cli import main
sys.exit(main(sys.argv[4:]))
"""


def _start(data: Path, release: Path, marker: Path, stop_at: int = 0, pause: float = 2.0) -> subprocess.Popen:
    command = [sys.executable, "-c", CHILD, str(marker), str(stop_at), str(pause),
               "extract", str(release), "--data", str(data), "--apply"]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for(marker: Path, child: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not marker.exists():
        if child.poll() is not None:
            raise AssertionError(f"the child ended before its pause: {child.returncode} {child.communicate()}")
        if time.monotonic() > deadline:
            child.kill()
            raise AssertionError("the child never reached its pause")
        time.sleep(0.02)


def _figures(data: Path) -> list[tuple[str, str, str]]:
    with open(data / "metrics.csv", encoding="utf-8", newline="") as handle:
        return [(row["metric"], row["period"], row["value"]) for row in csv.DictReader(handle)]


def _leftovers(data: Path) -> list[str]:
    return sorted(p.name for p in data.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def q1_release(tmp_path) -> Path:
    path = tmp_path / "q1.txt"
    path.write_text(RELEASE_Q1, encoding="utf-8")
    return path


def test_two_applies_at_once_both_keep_their_rows(synthetic_data_copy, q1_release, tmp_path):
    """Issue 24 item 2: the second run waits for the first's lock, then reads what it wrote."""
    first = _start(synthetic_data_copy, RELEASE_Q4, tmp_path / "paused", stop_at=1, pause=1.5)
    _wait_for(tmp_path / "paused", first)
    second = _start(synthetic_data_copy, q1_release, tmp_path / "never")
    outputs = [child.communicate(timeout=120) for child in (first, second)]
    assert (first.returncode, second.returncode) == (0, 0), outputs
    figures = _figures(synthetic_data_copy)
    assert ("dau", "2025Q4", "4.200") in figures and ("dau", "2026Q1", "4.300") in figures
    report = check(synthetic_data_copy)
    assert report.ok and not report.warnings, [str(p) for p in report.problems]
    assert _leftovers(synthetic_data_copy) == []


def test_the_same_release_applied_twice_at_once_is_appended_once(synthetic_data_copy, tmp_path):
    before = len(_figures(synthetic_data_copy))
    first = _start(synthetic_data_copy, RELEASE_Q4, tmp_path / "paused", stop_at=1, pause=1.5)
    _wait_for(tmp_path / "paused", first)
    second = _start(synthetic_data_copy, RELEASE_Q4, tmp_path / "never")
    outputs = [child.communicate(timeout=120) for child in (first, second)]
    assert (first.returncode, second.returncode) == (0, 0), outputs
    assert "nothing new to append" in outputs[1][1]
    assert len(_figures(synthetic_data_copy)) == before + 5
    sources = (synthetic_data_copy / "sources.csv").read_text(encoding="utf-8")
    assert sources.count("kuaishou-2025q4-zh-hant,") == 1


@pytest.mark.parametrize("stop_at", [1, 2, 3, 4])
def test_kill_9_during_apply_leaves_only_complete_files_and_the_next_run_finishes(synthetic_data_copy, tmp_path, stop_at):
    """Issue 24 item 3: killed after the N-th flush (backups, sources.csv, metrics.csv in turn), every file
    under its own name is complete, and the next run removes the temporary files and appends the rows once."""
    originals = {name: (synthetic_data_copy / name).read_bytes() for name in ("metrics.csv", "sources.csv")}
    child = _start(synthetic_data_copy, RELEASE_Q4, tmp_path / "paused", stop_at=stop_at, pause=60)
    _wait_for(tmp_path / "paused", child)
    os.kill(child.pid, signal.SIGKILL)
    child.communicate(timeout=30)
    for path in synthetic_data_copy.iterdir():
        if ".bak-" in path.name and not path.name.startswith("."):
            assert path.read_bytes() == originals[path.name.split(".bak-")[0]], f"{path.name} is not a complete copy"
    for name, original in originals.items():
        now = (synthetic_data_copy / name).read_bytes()
        assert now.startswith(original)  # the file as it was, or with all the new rows: never cut
    left = _leftovers(synthetic_data_copy)
    assert left and [p.file for p in check(synthetic_data_copy).warnings] == left  # validate names what the kill left
    again = _start(synthetic_data_copy, RELEASE_Q4, tmp_path / "never")
    output = again.communicate(timeout=120)
    assert again.returncode == 0, output
    assert _leftovers(synthetic_data_copy) == []
    figures = _figures(synthetic_data_copy)
    assert figures.count(("dau", "2025Q4", "4.200")) == 1 and len(figures) == originals["metrics.csv"].count(b"\n") - 1 + 5
    report = check(synthetic_data_copy)
    assert report.ok and not report.warnings, [str(p) for p in report.problems]


def _run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kreport.cli", *args], capture_output=True, text=True, timeout=timeout)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_by_extract_and_validate_without_hanging(synthetic_data_copy, tmp_path):
    """Issue 24 item 13: a FIFO (nobody writing) used to hang both commands."""
    fifo = tmp_path / "release.txt"
    os.mkfifo(fifo)
    result = _run("extract", str(fifo), "--data", str(synthetic_data_copy), timeout=30)
    assert result.returncode == 2 and "is not a regular file" in result.stderr, result.stderr
    (synthetic_data_copy / "events.csv").unlink()
    os.mkfifo(synthetic_data_copy / "events.csv")
    result = _run("validate", "--data", str(synthetic_data_copy), timeout=30)
    assert result.returncode == 1 and "events.csv: is not a regular file" in result.stderr, result.stderr


def test_a_data_file_linked_to_dev_zero_is_refused_clearly(synthetic_data_copy, tmp_path):
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    (synthetic_data_copy / "events.csv").unlink()
    (synthetic_data_copy / "events.csv").symlink_to("/dev/zero")
    result = _run("validate", "--data", str(synthetic_data_copy), timeout=30)
    assert result.returncode == 1 and "events.csv: is not a regular file" in result.stderr, result.stderr
    assert "internal error" not in result.stderr
    release = tmp_path / "zero.txt"
    release.symlink_to("/dev/zero")
    result = _run("extract", str(release), "--data", str(synthetic_data_copy), timeout=30)
    assert result.returncode == 2 and "is not a regular file" in result.stderr and "internal error" not in result.stderr
