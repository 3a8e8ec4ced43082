"""One report run (kreport/publish/run.py): a notebook executed through papermill, its page published.

The provenance footer is checked without a kernel; the runs themselves start real kernels on the
fixture notebooks (tests/fixtures, written by make_fixtures.py) and are marked slow.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

from kreport.publish.plan import Run
from kreport.publish.run import DEFAULT_TIMEOUT, _footer, execute

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DATA = FIXTURES / "data"
KEY = {"notebook": "n" * 64, "parameters": "p" * 64, "data/metrics.csv": "0123456789abcdef" * 4,
       "data/sources.csv": "fedcba9876543210" * 4, "kreport code": "c" * 64}


def a_run(tmp_path, notebook="good", lang="en") -> Run:
    params = {"quarter": "2025Q3", "lang": lang}
    return Run(notebook, params, FIXTURES / f"{notebook}.ipynb", tmp_path / "out" / "2025Q3" / f"{notebook}-{lang}.html",
               key=dict(KEY), reason="never built", inputs={"data_dir": str(DATA)},
               provenance={k: v for k, v in KEY.items() if k.startswith("data/")})


def test_the_default_timeout_is_ten_minutes_a_cell():
    assert DEFAULT_TIMEOUT == 600


def test_footer_says_what_was_built_from_what(tmp_path):
    footer = _footer(a_run(tmp_path), 12.345)
    assert list(footer) == ["parameters", "built", "run time", "data files (sha256)", "git commit", "versions"]
    # The data folder is a path on the builder's machine: left out of the page.
    assert json.loads(footer["parameters"]) == {"quarter": "2025Q3", "lang": "en"}
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC", footer["built"])
    assert footer["run time"] == "12.3 s"
    assert footer["data files (sha256)"] == "data/metrics.csv 0123456789ab, data/sources.csv fedcba987654"
    assert re.match(r"^([0-9a-f]{7,}( \(with uncommitted changes\))?|none)$", footer["git commit"])
    assert footer["versions"].startswith("kreport ") and ", Python 3." in footer["versions"]


def test_footer_keeps_chinese_parameters_readable(tmp_path):
    run = a_run(tmp_path)
    run.params["note"] = "快手"
    assert '"note": "快手"' in _footer(run, 0.0)["parameters"]


@pytest.mark.slow
def test_a_good_run_publishes_its_page_and_records(tmp_path):
    run = a_run(tmp_path)
    work = tmp_path / "work"
    result = execute(run, work, timeout=120)
    assert (result.name, result.report, result.status, result.error) == ("good-en", "good", "built", None)
    assert result.html == "good-en.html" and result.reason == "never built" and result.key == KEY
    assert result.records == {"title": "Fixture en", "headlines": [{"label": "answer", "value": 42}]}
    page = run.output.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<title>Fixture en · 2025Q3</title>" in page and "alpha body" in page  # the tab names the quarter
    assert str(DATA) not in page  # no data_dir in the footer or the body
    assert list(work.iterdir()) == []  # the executed notebook is not kept after success
    assert 0 < result.seconds < 120


@pytest.mark.slow
def test_a_failed_run_keeps_its_notebook_and_publishes_nothing(tmp_path):
    run = a_run(tmp_path, "fail", lang="zh")
    work = tmp_path / "work"
    result = execute(run, work, timeout=120)
    assert result.status == "failed"
    assert result.error == "ValueError: fixture failure zh"
    assert result.failed_cell == 4  # the cell that raised, counted like an execution count
    assert result.html is None and result.records == {}
    assert not run.output.exists()
    kept = Path(result.failed_notebook)
    assert kept == work / "failed" / "fail-zh.ipynb" and kept.is_file()
    nb = nbformat.read(kept, as_version=4)
    assert any(o.get("ename") == "ValueError" for c in nb.cells for o in c.get("outputs", []))


def test_a_worker_sets_no_environment_for_kernels(tmp_path, monkeypatch):
    """Issue 18: kernels got the output folder through KREPORT_REPORTS_DIR / KREPORT_CACHE_DIR; now every input
    is a notebook parameter, and a worker only keeps jupyter's connection files under the output folder."""
    import ctypes
    import os

    from kreport.publish import run as run_module

    monkeypatch.delenv("KREPORT_REPORTS_DIR", raising=False)
    monkeypatch.delenv("KREPORT_CACHE_DIR", raising=False)
    monkeypatch.setattr(ctypes, "CDLL", lambda *args, **kwargs: type("Libc", (), {"prctl": staticmethod(lambda *a: 0)})())
    monkeypatch.setitem(run_module._BUILD, "pid", None)
    run_module.start_worker(os.getppid(), str(tmp_path / "out"))
    assert "KREPORT_REPORTS_DIR" not in os.environ and "KREPORT_CACHE_DIR" not in os.environ
    assert os.environ["JUPYTER_RUNTIME_DIR"] == str(tmp_path / "out" / ".work-runtime")
    assert run_module._build_alive()
    monkeypatch.setitem(run_module._BUILD, "pid", -1)  # as if the build that started this worker were gone
    assert not run_module._build_alive()


def test_a_full_disk_fails_the_run_naming_the_path_and_leaves_no_truncated_notebook(tmp_path, monkeypatch):
    """Issue 24, item 15: ENOSPC gave "NotJSONError" and left truncated notebooks."""
    import errno

    import papermill

    def full_disk(notebook, output, **kwargs):
        Path(output).write_text('{"cells": [', encoding="utf-8")  # cut short
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(papermill, "execute_notebook", full_disk)
    work = tmp_path / "work"
    result = execute(a_run(tmp_path), work, timeout=60)
    assert result.status == "failed"
    assert result.error.startswith("no space left on device writing ") and str(work) in result.error
    assert not list(work.rglob("*.ipynb"))


def test_a_symlink_planted_at_the_work_notebook_is_not_followed(tmp_path, monkeypatch):
    """Issue 24, item 11: papermill's plain open() wrote through a symlink at .work/<run>.ipynb."""
    import papermill

    target = tmp_path / "precious.txt"
    target.write_text("keep me", encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    run = a_run(tmp_path)
    (work / f"{run.name}.ipynb").symlink_to(target)
    written = []

    def fake(notebook, output, **kwargs):
        written.append(Path(output))
        Path(output).write_text("{}", encoding="utf-8")
        raise RuntimeError("stop here")

    monkeypatch.setattr(papermill, "execute_notebook", fake)
    execute(run, work, timeout=60)
    assert target.read_text(encoding="utf-8") == "keep me"
    assert written and not written[0].is_symlink() and written[0].name != f"{run.name}.ipynb"


def test_no_interrupt_is_sent_to_a_kernel_being_shut_down():
    """Issue 18/24: jupyter_client interrupts a kernel before shutting it down; the kernel then logged
    "KeyboardInterrupt caught in kernel" in successful builds."""
    import asyncio

    from kreport.publish.kernels import manager_class

    for engine in ("fresh", "warm"):
        km = manager_class(engine, "/nonexistent")()
        km.shutting_down = True
        assert asyncio.run(km._async_interrupt_kernel()) is None  # no kernel, and no error: nothing was sent
        km.shutting_down = False
        with pytest.raises(RuntimeError):
            asyncio.run(km._async_interrupt_kernel())  # a real interrupt still goes through


def test_connection_files_go_to_the_runtime_folder_not_tmpdir(tmp_path, monkeypatch):
    """Issue 24: connection files (with their HMAC keys) were left in $TMPDIR after SIGINT and kill -9."""
    from kreport.publish.kernels import manager_class

    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    for engine in ("fresh", "warm"):
        km = manager_class(engine, "@x")()
        km.write_connection_file()
        assert Path(km.connection_file).parent == tmp_path / "runtime" and Path(km.connection_file).exists()
        km.cleanup_connection_file()


def test_a_kernel_that_died_before_answering_is_started_again(tmp_path, monkeypatch):
    """Ports chosen by jupyter_client can be taken by another process before the kernel binds them: no cell
    has run, so the run starts another kernel instead of failing."""
    import papermill

    calls = []

    def flaky(notebook, output, **kwargs):
        calls.append(output)
        if len(calls) == 1:
            raise RuntimeError("Kernel died before replying to kernel_info")
        raise RuntimeError("the second kernel failed in another way")

    monkeypatch.setattr(papermill, "execute_notebook", flaky)
    result = execute(a_run(tmp_path), tmp_path / "work", timeout=60)
    assert len(calls) == 2 and result.error == "RuntimeError: the second kernel failed in another way"
