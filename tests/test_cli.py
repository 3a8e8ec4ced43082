"""The `kreport` command (kreport/cli.py): one-line errors, exit status 2, nothing started."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from kreport.cli import main

KREPORT = Path(sys.executable).with_name("kreport")
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("args, name, form", [
    (["--quarter", "2025Q5"], "quarter", "YYYYQn"),
    (["--quarter", "2025-13"], "quarter", "YYYYQn"),
    (["-p", "quarter=2025-13"], "quarter", "YYYYQn"),
    (["-p", "colour=red"], "colour", "a parameter the notebooks declare: data_dir, lang, quarter"),
    (["-p", "lang=5"], "lang", "one of zh, en"),
    (["-p", "lang=fr"], "lang", "one of zh, en"),
    (["-p", "quarter=2025"], "quarter", "YYYYQn"),
    (["--report", "nosuchreport"], "report", "one of brief, "),
    (["--jobs", "0"], "jobs", "a whole number of at least 1"),
])
def test_bad_build_arguments_exit_2_with_one_line(tmp_path, capsys, args, name, form):
    out = tmp_path / "out"
    base = ["build", "--out", str(out)] + ([] if "--report" in args else ["--report", "data"])
    assert main(base + args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith(f"kreport build: The value for `{name}` must be ")
    assert form in lines[0]
    assert not out.exists()


def test_unknown_platform_is_refused(tmp_path, capsys):
    # Whether or not a selected notebook declares `platform`, `tiktok` never reaches a kernel.
    assert main(["build", "--out", str(tmp_path / "out"), "--report", "data", "-p", "platform=tiktok"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "`platform`" in err and "'tiktok'" in err
    assert not (tmp_path / "out").exists()


def test_installed_command_refuses_unknown_parameter_fast(tmp_path):
    out = tmp_path / "out"
    started = time.monotonic()
    result = subprocess.run([str(KREPORT), "build", "--report", "data", "--out", str(out), "-p", "colour=red"],
                            capture_output=True, text=True, timeout=120)
    elapsed = time.monotonic() - started
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == ("kreport build: The value for `colour` must be a parameter the notebooks declare: "
                             "data_dir, lang, quarter, but 'red' was passed.\n")
    assert "Traceback" not in result.stderr
    assert not out.exists()  # no folder, no lock, no .work: no kernel was started
    assert elapsed < 30


def test_malformed_param_syntax_is_an_argparse_error(capsys):
    with pytest.raises(SystemExit) as info:
        main(["build", "-p", "colour"])
    assert info.value.code == 2
    assert "'colour' is not NAME=VALUE" in capsys.readouterr().err


def test_plan_lists_runs_and_reasons(tmp_path, capsys):
    assert main(["plan", "--report", "data", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Quarter ") and out[0].endswith(": 2 to run, 0 to skip")
    assert [line.split()[:2] for line in out[1:]] == [["run", "data-zh"], ["run", "data-en"]]
    assert all(line.rstrip().endswith("never built") for line in out[1:])
    assert not any(tmp_path.iterdir())  # planning writes nothing


def test_dry_run_is_plan(tmp_path, capsys):
    assert main(["build", "--dry-run", "--report", "data", "--out", str(tmp_path), "--force"]) == 0
    out = capsys.readouterr().out
    assert "2 to run" in out and "--force" in out
    assert not any(tmp_path.iterdir())


def test_params_command_prints_types_and_defaults(capsys):
    assert main(["params", str(FIXTURES / "platform.ipynb")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        'quarter: str = "2025Q3"  # quarter reported on, YYYYQn',
        'lang: str = "en"  # report language: zh or en',
        "data_dir: str = \"\"  # data folder; empty means the project's data/",
        'platform: str = "kuaishou"  # platform id from data/platforms.csv',
        "top: int = 5  # rows in the table",
    ]
    assert main(["params", "data"]) == 0
    assert "quarter: str" in capsys.readouterr().out


def test_params_command_unknown_notebook(capsys):
    assert main(["params", "nosuch"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kreport params: The value for `notebook` must be a notebook file or one of ")
