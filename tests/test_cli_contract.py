"""Every subcommand on bad input: a non-zero exit, one line on stderr, no traceback (issue 10).

Runs the installed command as a reader would, in a subprocess, on copies of the synthetic data.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
KREPORT = str(Path(sys.executable).with_name("kreport"))


@pytest.fixture(scope="module")
def bad(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("bad")
    good = FIXTURES / "data"

    def copy(name: str) -> Path:
        folder = root / name
        shutil.copytree(good, folder)
        return folder

    header_only = copy("header_only")
    text = (header_only / "metrics.csv").read_text(encoding="utf-8")
    (header_only / "metrics.csv").write_text(text.splitlines()[0] + "\n", encoding="utf-8")
    bad_date = copy("bad_date")
    events = (bad_date / "events.csv").read_text(encoding="utf-8").splitlines()
    events[1] = events[1].replace(events[1].split(",")[2], "2025-02-30", 1)
    (bad_date / "events.csv").write_text("\n".join(events) + "\n", encoding="utf-8")
    directory = copy("directory")
    (directory / "sources.csv").unlink()
    (directory / "sources.csv").mkdir()
    empty_sources = copy("empty_sources")
    (empty_sources / "sources.csv").write_text("", encoding="utf-8")
    traversal = copy("traversal")
    for name in ("platforms.csv", "metrics.csv", "events.csv"):
        path = traversal / name
        path.write_text(path.read_text(encoding="utf-8").replace("douyin", "../../../x"), encoding="utf-8")
    a_file = root / "a-file"
    a_file.write_text("not a folder\n")
    read_only = root / "read-only"
    read_only.mkdir()
    read_only.chmod(0o500)
    image = root / "release.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    release = FIXTURES / "extract" / "kuaishou-2025q4-synthetic-zh-hant.txt"
    return {"image": image, "release": release,"good": good, "header_only": header_only, "bad_date": bad_date, "directory": directory,
            "empty_sources": empty_sources, "traversal": traversal, "a_file": a_file, "read_only": read_only,
            "root": root}


CASES = [
    ("params of a file that is not a notebook", ["params", "README.md"]),
    ("a quarter with no data", ["plan", "--quarter", "2030Q1"]),
    ("a quarter before the data", ["plan", "--quarter", "1999Q1"]),
    ("a quarter in the wrong form", ["plan", "--quarter", "2025-Q3"]),
    ("data_dir through -p", ["plan", "-p", "data_dir=/tmp"]),
    ("an unknown report", ["plan", "--report", "nosuch"]),
    ("a zero timeout", ["build", "--timeout", "0"]),
    ("a negative timeout", ["build", "--timeout", "-1"]),
    ("--out is a file", ["build", "--out", "{a_file}"]),
    ("a header-only metrics.csv", ["plan", "--data", "{header_only}"]),
    ("an impossible event date", ["build", "--data", "{bad_date}"]),
    ("a data file that is a folder", ["validate", "--data", "{directory}"]),
    ("an empty sources.csv", ["validate", "--data", "{empty_sources}"]),
    ("a platform id that is a path", ["plan", "--data", "{traversal}"]),
    ("a backtest CSV in a folder that does not exist", ["backtest", "--csv", "/no/such/dir/x.csv"]),
    ("a missing data folder", ["validate", "--data", "/no/such/folder"]),
    ("extract of a file that does not exist", ["extract", "/no/such/release.txt"]),
    ("extract of an image", ["extract", "{image}"]),
    ("extract of a folder", ["extract", "{root}"]),
    ("extract with an unknown platform", ["extract", "{release}", "--platform", "tiktok"]),
    ("extract with a quarter in the wrong form", ["extract", "{release}", "--period", "2025-Q4"]),
    ("extract with a quarter the release contradicts", ["extract", "{release}", "--period", "2025Q3"]),
    ("extract from a missing data folder", ["extract", "{release}", "--data", "/no/such/folder"]),
]


@pytest.mark.slow
@pytest.mark.parametrize(("what", "args"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_gets_one_clear_line_and_a_non_zero_exit(bad, tmp_path, what, args):
    args = [a.format(**{k: str(v) for k, v in bad.items()}) for a in args]
    if "--data" not in args and args[0] in ("plan", "build", "backtest", "validate", "extract"):
        args += ["--data", str(bad["good"])]
    if args[0] in ("plan", "build") and "--out" not in args:
        args += ["--out", str(tmp_path / "out")]
    done = subprocess.run([KREPORT, *args], capture_output=True, text=True, timeout=120, cwd=Path(__file__).parent.parent)
    assert done.returncode != 0, f"{what}: exit 0\n{done.stdout}"
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    if args[0] == "validate":  # validate lists every problem, one per line, naming its file (file:line: column: message)
        assert lines and all(".csv" in line and ":" in line for line in lines), done.stderr
    else:
        assert len(lines) == 1, f"{what}: {done.stderr}"
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").rglob("*.html")), "nothing may be built"


@pytest.mark.slow
@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders: run as a user to check this")
def test_a_read_only_out_folder_is_refused(bad, tmp_path):
    done = subprocess.run([KREPORT, "build", "--data", str(bad["good"]), "--out", str(bad["read_only"] / "reports")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr and len(done.stderr.splitlines()) == 1


@pytest.mark.slow
def test_a_reader_that_stops_reading_is_no_error(bad, tmp_path):
    done = subprocess.run(f"{KREPORT} plan --data {bad['good']} --out {tmp_path} | head -1", shell=True,
                          capture_output=True, text=True, timeout=120)
    assert done.stdout.startswith("Quarter ")
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr
