"""The `kreport` command (kreport/cli.py): one-line errors, exit status 2, nothing started.

Every command reads the synthetic dataset in tests/fixtures/data (``--data``).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from kreport.cli import main

KREPORT = Path(sys.executable).with_name("kreport")
FIXTURES = Path(__file__).parent / "fixtures"
DATA = str(FIXTURES / "data")


@pytest.mark.parametrize("args, name, form", [
    (["--quarter", "2025Q5"], "quarter", "YYYYQn"),
    (["--quarter", "2025-13"], "quarter", "YYYYQn"),
    (["-p", "quarter=2025-13"], "quarter", "YYYYQn"),
    (["-p", "colour=red"], "colour", "a parameter the notebooks declare: lang, quarter"),
    (["-p", "lang=5"], "lang", "one of zh, en"),
    (["-p", "lang=fr"], "lang", "one of zh, en"),
    (["-p", "quarter=2025"], "quarter", "YYYYQn"),
    (["--report", "nosuchreport"], "report", "one of brief, "),
    (["--jobs", "0"], "jobs", "a whole number of at least 1"),
])
def test_bad_build_arguments_exit_2_with_one_line(tmp_path, capsys, args, name, form):
    out = tmp_path / "out"
    base = ["build", "--data", DATA, "--out", str(out)] + ([] if "--report" in args else ["--report", "data"])
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
    assert main(["build", "--data", DATA, "--out", str(tmp_path / "out"), "--report", "data", "-p", "platform=tiktok"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "`platform`" in err and "'tiktok'" in err
    # A report that varies by platform names the platforms of the data folder read.
    assert main(["build", "--data", DATA, "--out", str(tmp_path / "out"), "--report", "platform", "-p", "platform=tiktok"]) == 2
    err = capsys.readouterr().err
    assert err == ("kreport build: The value for `platform` must be one of kuaishou, douyin, alibaba, pdd, "
                   "but 'tiktok' was passed.\n")
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_installed_command_refuses_unknown_parameter_fast(tmp_path):
    out = tmp_path / "out"
    started = time.monotonic()
    result = subprocess.run([str(KREPORT), "build", "--data", DATA, "--report", "data", "--out", str(out), "-p", "colour=red"],
                            capture_output=True, text=True, timeout=120)
    elapsed = time.monotonic() - started
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == ("kreport build: The value for `colour` must be a parameter the notebooks declare: "
                             "lang, quarter, but 'red' was passed.\n")
    assert "Traceback" not in result.stderr
    assert not out.exists()  # no folder, no lock, no .work: no kernel was started
    assert elapsed < 30


def test_malformed_param_syntax_is_an_argparse_error(capsys):
    with pytest.raises(SystemExit) as info:
        main(["build", "-p", "colour"])
    assert info.value.code == 2
    assert "'colour' is not NAME=VALUE" in capsys.readouterr().err


def test_plan_lists_runs_and_reasons(tmp_path, capsys):
    assert main(["plan", "--data", DATA, "--report", "data", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Quarter 2025Q3: 2 to run, 0 to skip"  # the newest quarter of the synthetic data
    assert [line.split()[:2] for line in out[1:]] == [["run", "data-zh"], ["run", "data-en"]]
    assert all(line.rstrip().endswith("never built") for line in out[1:])
    assert not any(tmp_path.iterdir())  # planning writes nothing


def test_dry_run_is_plan(tmp_path, capsys):
    assert main(["build", "--dry-run", "--data", DATA, "--report", "data", "--out", str(tmp_path), "--force"]) == 0
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


# --- kreport validate -----------------------------------------------------------------------

def test_validate_prints_the_summary_and_exits_0_on_good_data(capsys):
    assert main(["validate", "--data", DATA]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out.splitlines() == [
        f"{DATA}: 99 figures, 4 platforms, 7 metrics, periods 2020Q4 to 2025Q3, 12 sources, 4 events; 0 errors, 0 warnings"]


def test_validate_lists_every_problem_and_exits_1(tmp_path, capsys):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    with open(data / "metrics.csv", "a", encoding="utf-8") as handle:
        handle.write("kuaishou,gmv,2020Q1,lots,,RMB_100m,reported,t-ks-2021,bad value,\n")  # line 101
        handle.write("taobao,gmv,2020Q2,500,,RMB_100m,reported,t-ks-2021,unknown platform,\n")  # line 102
        handle.write("kuaishou,gmv,2023Q3,173,,RMB_bn,reported,t-ks-2023,a repeat,\n")  # line 103
    assert main(["validate", "--data", str(data)]) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        "metrics.csv:101: value: 'lots' is not a number; write it like 1751.2",
        "metrics.csv:102: platform: unknown value 'taobao'; expected one of alibaba, douyin, kuaishou, pdd",
    ]
    out = captured.out.splitlines()
    assert out[0] == "metrics.csv:103: warning: repeats line 13; keep one row"  # warnings go to stdout
    assert out[-1].endswith("; 2 errors, 1 warnings")


def test_validate_of_a_missing_folder_says_which_files_are_missing(tmp_path, capsys):
    assert main(["validate", "--data", str(tmp_path / "nothing")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [f"{name}: file is missing from {tmp_path / 'nothing'}" for name in
                   ("metrics.csv", "sources.csv", "platforms.csv", "events.csv")]


@pytest.mark.slow
def test_backtest_writes_the_score_table(tmp_path, capsys):
    target = tmp_path / "table.csv"
    assert main(["backtest", "--data", DATA, "--platform", "kuaishou", "--metric", "dau", "--horizon", "2",
                 "--csv", str(target)]) == 0
    out = capsys.readouterr().out
    assert f"wrote {target}" in out
    table = target.read_text(encoding="utf-8").splitlines()
    assert table[0].startswith("model,") and len(table) > 2


def test_backtest_of_an_unknown_metric_is_a_one_line_error(capsys):
    assert main(["backtest", "--data", DATA, "--metric", "revenue"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kreport backtest: The value for `metric` must be one of gmv, ")
    assert err.count("\n") == 1


def test_backtest_writes_no_file_unless_asked(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["backtest", "--data", DATA, "--platform", "kuaishou", "--metric", "dau", "--horizon", "2"]) == 0
    assert "model" in capsys.readouterr().out
    assert list(tmp_path.iterdir()) == []


def test_backtest_never_writes_into_the_data_folder_or_over_another_file(tmp_path, capsys):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    before = (data / "metrics.csv").read_bytes()
    assert main(["backtest", "--data", str(data), "--metric", "dau", "--csv", str(data / "metrics.csv")]) == 2
    assert "outside the data folder" in capsys.readouterr().err
    assert (data / "metrics.csv").read_bytes() == before
    other = tmp_path / "notes.csv"
    other.write_text("mine,not a backtest\n", encoding="utf-8")
    assert main(["backtest", "--data", str(data), "--metric", "dau", "--csv", str(other)]) == 2
    assert "something else" in capsys.readouterr().err
    assert other.read_text(encoding="utf-8") == "mine,not a backtest\n"


# --- the build never writes into data/, and refuses a file as --out (issue 24, items 17 and cosmetic) ---------

@pytest.mark.parametrize("command", ["build", "plan"])
def test_out_inside_the_data_folder_is_refused_and_nothing_is_written(tmp_path, capsys, command):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    before = sorted(p.name for p in data.rglob("*"))
    for out in (data, data / "reports"):
        assert main([command, "--data", str(data), "--out", str(out), "--report", "data"]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "inside the data folder" in err and "extract --apply" in err
    assert sorted(p.name for p in data.rglob("*")) == before


def test_plan_out_a_file_is_refused(tmp_path, capsys):
    """Issue 24: `plan --out FILE` printed "2 to run" where build refuses."""
    target = tmp_path / "a-file"
    target.write_text("x", encoding="utf-8")
    assert main(["plan", "--data", DATA, "--report", "data", "--out", str(target)]) == 2
    captured = capsys.readouterr()
    assert "to run" not in captured.out and "is a file" in captured.err


def test_a_full_disk_is_named_as_such(tmp_path, capsys, monkeypatch):
    """Issue 24, item 15: a full disk read "internal error: NotJSONError"."""
    import errno

    from kreport.publish import orchestrator

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "out" / "manifest.json"))

    monkeypatch.setattr(orchestrator, "_run", full)
    assert main(["build", "--data", DATA, "--report", "data", "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no space left on device" in err and "manifest.json" in err
