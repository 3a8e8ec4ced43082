"""The build (kreport/publish/orchestrator.py): typed parameters, incremental runs, failures that lose nothing.

Most tests run tiny fixture notebooks (tests/fixtures/, written by make_fixtures.py) through
real kernels with ``build(..., catalog=...)`` on the synthetic dataset (tests/fixtures/data); the
interrupt and lock tests drive the real ``kreport build`` command end to end on the data appendix
notebook and the shipped data. The plan itself is tested in test_plan.py.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import nbformat
import pytest
from filelock import FileLock

from kreport.config import NOTEBOOKS_DIR
from kreport.errors import BuildError, ParameterError
from kreport.publish.catalog import ReportSpec
from kreport.publish.manifest import read_manifest
from kreport.publish.orchestrator import build

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DATA = FIXTURES / "data"
KREPORT = Path(sys.executable).with_name("kreport")
QUARTER = "2025Q3"
QUEUED = "] queued: "  # the line a build prints as it hands a run to a worker


def spec(name: str, notebook: Path | str | None = None, grid=("lang",)) -> ReportSpec:
    """A report of the fixture notebook ``name`` (or of ``notebook``, an absolute path)."""
    path = Path(notebook) if notebook else FIXTURES / f"{name}.ipynb"
    assert NOTEBOOKS_DIR / path == path  # an absolute notebook path overrides notebooks/
    return ReportSpec(name, str(path), grid)


def quiet(_line: str) -> None:
    pass


def by_name(results) -> dict:
    return {r.name: r for r in results}


def complete_html(path: Path) -> bool:
    text = path.read_text(encoding="utf-8")
    return text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")


def edit_first_note(data_dir: Path, suffix: str) -> None:
    path = data_dir / "metrics.csv"
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    rows[1][rows[0].index("note")] += suffix
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


# --- typed parameters: refused before any kernel starts ---------------------------------

@pytest.mark.parametrize("kwargs, name, expected", [
    ({"quarter": "2025Q5"}, "quarter", "YYYYQn"),
    ({"quarter": "2025-13"}, "quarter", "YYYYQn"),
    ({"params": {"platform": "tiktok"}}, "platform", "one of kuaishou, douyin, "),
    ({"params": {"colour": "red"}}, "colour", "a parameter the notebooks declare"),
    ({"params": {"top": "many"}}, "top", "of type int"),
    ({"params": {"lang": "fr"}}, "lang", "one of zh, en"),
    ({"params": {"quarter": "2025"}}, "quarter", "YYYYQn"),
    ({"reports": ["nope"]}, "report", "one of platform, good"),
])
def test_bad_parameters_fail_before_any_kernel(tmp_path, kwargs, name, expected):
    out = tmp_path / "out"
    catalog = {"platform": spec("platform", grid=("platform", "lang")), "good": spec("good")}
    started = time.monotonic()
    with pytest.raises(ParameterError) as info:
        build(out_dir=out, data_dir=DATA, catalog=catalog, jobs=2, echo=quiet, **kwargs)
    assert time.monotonic() - started < 15  # no kernel: a kernel alone takes seconds
    assert info.value.name == name
    assert expected in str(info.value)
    assert not out.exists()  # no output folder, no lock, no .work, no manifest


def test_missing_notebook_is_a_build_error(tmp_path):
    with pytest.raises(BuildError, match="does not exist"):
        build(out_dir=tmp_path / "out", data_dir=DATA, catalog={"gone": spec("gone")}, echo=quiet)
    assert not (tmp_path / "out").exists()


# --- incremental builds -------------------------------------------------------------------

def test_incremental_skip_data_change_and_force(tmp_path, synthetic_data_copy):
    out = tmp_path / "out"
    catalog = {"good": spec("good")}
    first = build(out_dir=out, data_dir=synthetic_data_copy, catalog=catalog, jobs=2, echo=quiet)
    assert [(r.name, r.status, r.reason) for r in first] == [
        ("good-zh", "built", "never built"), ("good-en", "built", "never built")]
    assert first[0].records == {"title": "Fixture zh", "headlines": [{"label": "answer", "value": 42}]}
    page = (out / QUARTER / "good-en.html").read_bytes()

    lines: list[str] = []
    started = time.monotonic()
    second = build(out_dir=out, data_dir=synthetic_data_copy, catalog=catalog, jobs=2, echo=lines.append)
    assert time.monotonic() - started < 15
    assert [(r.status, r.reason) for r in second] == [("skipped", "unchanged since last build")] * 2
    assert second[1].html == "good-en.html" and second[1].records == first[1].records
    assert "[good-en] skipped: unchanged since last build" in lines
    assert not any(QUEUED in line for line in lines)
    assert (out / QUARTER / "good-en.html").read_bytes() == page

    edit_first_note(synthetic_data_copy, " (checked again)")
    third = build(out_dir=out, data_dir=synthetic_data_copy, catalog=catalog, jobs=2, echo=quiet)
    assert [r.status for r in third] == ["built", "built"]
    assert all(r.reason == "data: kuaishou gmv 2020Q4 changed" for r in third), [r.reason for r in third]
    assert all("data/sources.csv" not in r.reason for r in third)

    fourth = build(out_dir=out, data_dir=synthetic_data_copy, catalog=catalog, jobs=2, force=True, echo=quiet)
    assert [(r.status, r.reason) for r in fourth] == [("built", "--force")] * 2
    manifest = read_manifest(out / QUARTER)
    assert set(manifest["runs"]) == {"good-zh", "good-en"}
    assert manifest["runs"]["good-zh"]["status"] == "built"


# --- failures lose nothing ----------------------------------------------------------------

def test_failed_report_keeps_last_good_page_and_reruns_next_time(tmp_path):
    out = tmp_path / "out"
    flaky = tmp_path / "flaky.ipynb"
    shutil.copyfile(FIXTURES / "good.ipynb", flaky)
    catalog = {"good": spec("good"), "flaky": spec("flaky", flaky)}
    first = build(out_dir=out, data_dir=DATA, catalog=catalog, jobs=2, echo=quiet)
    assert [r.status for r in first] == ["built"] * 4
    good_page = (out / QUARTER / "flaky-en.html").read_bytes()

    shutil.copyfile(FIXTURES / "fail.ipynb", flaky)  # the analyst breaks the notebook
    second = by_name(build(out_dir=out, data_dir=DATA, catalog=catalog, jobs=2, echo=quiet))
    assert second["good-en"].status == second["good-zh"].status == "skipped"
    failed = second["flaky-en"]
    assert failed.status == "failed" and failed.reason == "notebook changed"
    assert failed.error == "ValueError: fixture failure en"
    assert failed.failed_cell == 4
    kept = Path(failed.failed_notebook)
    assert kept.is_file() and kept.parent.name == "failed"
    nb = nbformat.read(kept, as_version=4)
    assert any('id="papermill-error-cell"' in c.source for c in nb.cells if c.cell_type == "markdown")
    assert any(o.get("ename") == "ValueError" for c in nb.cells for o in c.get("outputs", []))
    # the last good page is untouched and still published
    assert (out / QUARTER / "flaky-en.html").read_bytes() == good_page
    entry = read_manifest(out / QUARTER)["runs"]["flaky-en"]
    assert entry["status"] == "failed" and entry["html"] == "flaky-en.html"
    assert entry["failed_notebook"] == str(kept)
    index = (out / QUARTER / "index-en.html").read_text(encoding="utf-8")
    assert index.count("shown from the build of") == 1 and "failed" in index  # readers see the page is stale, and since when
    assert "ValueError" not in index  # the error itself stays in the manifest and the CLI summary
    assert "missing" not in (out / "index.html").read_text(encoding="utf-8")  # a last good page is still there

    third = by_name(build(out_dir=out, data_dir=DATA, catalog=catalog, jobs=2, echo=quiet))
    assert third["flaky-en"].reason == "failed last time" and third["flaky-en"].status == "failed"
    assert third["good-en"].status == "skipped"

    shutil.copyfile(FIXTURES / "good.ipynb", flaky)
    fourth = by_name(build(out_dir=out, data_dir=DATA, catalog=catalog, jobs=2, echo=quiet))
    assert fourth["flaky-en"].status == "built" and fourth["flaky-en"].reason == "failed last time"
    assert "failed" not in (out / QUARTER / "index-en.html").read_text(encoding="utf-8")


def test_hung_and_dead_kernels_fail_their_run_only(tmp_path):
    out = tmp_path / "out"
    catalog = {name: spec(name, grid=()) for name in ("good", "hang", "die")}
    started = time.monotonic()
    results = by_name(build(out_dir=out, data_dir=DATA, catalog=catalog, jobs=2, timeout=3, echo=quiet))
    assert time.monotonic() - started < 40  # the hung cell is cut at 3 s, not its 60 s
    assert results["good"].status == "built" and complete_html(out / QUARTER / "good.html")

    hang = results["hang"]
    assert hang.status == "failed"
    assert hang.error.startswith("timed out") and "3 s" in hang.error
    assert hang.failed_cell == 4  # the cell that ran too long
    die = results["die"]
    assert die.status == "failed"
    assert "kernel died" in die.error
    assert die.failed_cell == 4
    for result in (hang, die):
        assert Path(result.failed_notebook).is_file()
        assert not (out / QUARTER / f"{result.name}.html").exists()
    index = (out / QUARTER / "index-en.html").read_text(encoding="utf-8")
    assert index.count("not available: the build of") == 2 and "kernel died" not in index


# --- interrupted and concurrent builds ----------------------------------------------------

def _start_cli(out: Path, *extra: str) -> tuple[subprocess.Popen, list[str]]:
    """`kreport build --report data` in its own process group, with a $TMPDIR of its own; its stdout lines collected."""
    tmpdir = out.parent / "tmpdir"
    tmpdir.mkdir(exist_ok=True)
    process = subprocess.Popen(
        [str(KREPORT), "build", "--report", "data", "--quarter", QUARTER, "--jobs", "2", "--out", str(out), *extra],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, start_new_session=True,
        env={**os.environ, "TMPDIR": str(tmpdir)},
    )
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True).start()
    return process, lines


def _wait_for(lines: list[str], text: str, process: subprocess.Popen, limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    while not any(text in line for line in list(lines)):
        assert process.poll() is None or any(text in line for line in list(lines)), lines
        assert time.monotonic() < deadline, f"{text!r} not seen in {lines}"
        time.sleep(0.05)


@pytest.fixture(scope="module")
def good_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("good") / "out"
    result = subprocess.run([str(KREPORT), "build", "--report", "data", "--quarter", QUARTER, "--jobs", "2", "--out", str(out)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "KeyboardInterrupt" not in result.stdout + result.stderr  # issue 18, item 8
    return out


def _assert_intact(out: Path) -> None:
    pages = list(out.rglob("*.html"))
    assert {p.name for p in pages} >= {"index-en.html", "index-zh.html", "data-zh.html", "data-en.html"}
    for path in pages:
        assert complete_html(path), f"{path} is not a complete HTML document"
    manifest = json.loads((out / QUARTER / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest["runs"]) == {"data-zh", "data-en"}
    with FileLock(str(out / ".build.lock")).acquire(timeout=0):  # the lock died with the build
        pass


@pytest.mark.parametrize("sig, group, moment", [
    (signal.SIGINT, True, QUEUED),  # Ctrl-C in a terminal: the whole process group
    (signal.SIGINT, False, QUEUED),  # `kill -INT <pid>`: the main process alone
    (signal.SIGKILL, True, QUEUED),
    (signal.SIGKILL, True, "built in"),  # between publishing one page and the manifest / indexes
    (signal.SIGTERM, False, QUEUED),  # cron timeouts, systemd, `timeout` (issue 24, item 16)
])
def test_interrupted_build_leaves_complete_pages(tmp_path, good_build, sig, group, moment):
    out = tmp_path / "out"
    shutil.copytree(good_build, out)
    process, lines = _start_cli(out, "--force", "--jobs", "1")
    _wait_for(lines, moment, process)
    if moment == QUEUED:
        _wait_for_kernels(out, process, lines)
    (os.killpg if group else os.kill)(process.pid, sig)
    stopped = time.monotonic()
    process.wait(timeout=60)
    assert process.returncode != 0
    if sig in (signal.SIGINT, signal.SIGTERM):
        assert process.returncode == (130 if sig == signal.SIGINT else 143)
        assert time.monotonic() - stopped < 15  # stops now, does not run the queue out
        # nothing left behind: no kernel connection files, no partial notebooks (issue 10), no kernel (issue 24)
        assert not (out / ".work-runtime").exists()
        assert not list((out / QUARTER / ".work").glob("*.ipynb"))
        deadline = time.monotonic() + 10
        while _processes_of(out) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _processes_of(out) == []
    # Whatever ended the build, no kernel connection file in $TMPDIR (they carry their HMAC keys); after
    # SIGINT and SIGTERM nothing at all (kill -9 leaves the build's data copy, removed by the next build).
    left = list((out.parent / "tmpdir").iterdir())
    assert not [p for p in left if p.suffix == ".json"]
    if sig != signal.SIGKILL:
        assert left == []
    _assert_intact(out)


def test_second_build_into_the_same_folder_is_refused(tmp_path, good_build, capsys):
    from kreport.cli import main

    out = tmp_path / "out"
    shutil.copytree(good_build, out)
    process, lines = _start_cli(out, "--force")
    try:
        _wait_for(lines, QUEUED, process)
        with pytest.raises(BuildError) as info:
            build(QUARTER, out_dir=out, reports=["data"], force=True, echo=quiet)
        message = str(info.value)
        assert "another kreport build" in message and str(out / ".build.lock") in message
        capsys.readouterr()
        assert main(["build", "--report", "data", "--out", str(out)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "lock" in err and ".build.lock" in err
    finally:
        process.wait(timeout=120)
    assert process.returncode == 0
    _assert_intact(out)
    assert {r["status"] for r in read_manifest(out / QUARTER)["runs"].values()} == {"built"}


def test_lock_held_means_nothing_is_written(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with FileLock(str(out / ".build.lock")).acquire(timeout=0):
        with pytest.raises(BuildError, match="lock"):
            build(out_dir=out, data_dir=DATA, catalog={"good": spec("good")}, echo=quiet)
    assert [p.name for p in out.iterdir()] == [".build.lock"]



def _processes_of(out: Path) -> list[int]:
    """Processes started by a build into ``out``: its workers (and their kernel proxies and fresh kernels) carry
    JUPYTER_RUNTIME_DIR=<out>/.work-runtime; the fork server and the kernels forked from it name ``out`` in
    their command line."""
    runtime = f"JUPYTER_RUNTIME_DIR={out.resolve() / '.work-runtime'}".encode()
    label = str(out.resolve()).encode()
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit() and int(proc.name) != os.getpid():
            try:
                cmdline = (proc / "cmdline").read_bytes().split(b"\0")
                if runtime in (proc / "environ").read_bytes().split(b"\0") or (
                        b"kreport.publish._forkserver" in cmdline and label in cmdline):
                    found.append(int(proc.name))
            except OSError:
                pass
    return found


def _kernels_of(out: Path) -> list[int]:
    """The kernels of a build into ``out``: children of its fork server (warm; they share its command line), or
    ipykernel processes of its workers (fresh)."""
    def parent(pid: int) -> int:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])

    kernels, forked = [], {}
    for pid in _processes_of(out):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            if b"kreport.publish._forkserver" in cmdline:
                forked[pid] = parent(pid)
            elif b"ipykernel" in cmdline:
                kernels.append(pid)
        except (OSError, ValueError, IndexError):
            continue
    return kernels + [pid for pid, ppid in forked.items() if ppid in forked]


def _wait_for_kernels(out: Path, process: subprocess.Popen, lines: list[str], limit: float = 60) -> None:
    """Until the kernel of the build's first page runs. With warm kernels a page may take a second: the test
    polls for the kernel itself (the build's other processes live longer), and builds with one job, so that
    while the first page runs the second waits: the build is surely not over when the signal comes."""
    deadline = time.monotonic() + limit
    while not _kernels_of(out) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.01)
    assert _kernels_of(out), "the test cannot see the build's kernels"
    assert not any("] built in" in line for line in list(lines)), "the first page was over before the test saw its kernel"


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc (Linux) to find the build's processes")
def test_kill_9_of_the_build_alone_leaves_no_worker_and_publishes_nothing_after(tmp_path, good_build):
    """`kill -9 <build pid>` (not the group): workers die with it and no page appears or changes afterwards."""
    out = tmp_path / "out"
    shutil.copytree(good_build, out)
    process, lines = _start_cli(out, "--force", "--jobs", "1")
    _wait_for(lines, QUEUED, process)
    _wait_for_kernels(out, process, lines)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.html")}
    deadline = time.monotonic() + 30
    while _processes_of(out) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert _processes_of(out) == [], "worker or kernel processes outlived the build"
    time.sleep(3)  # anything still on its way would land now
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.html")} == before
    _assert_intact(out)


def test_a_quarters_data_snapshot_is_written_once_and_kept(tmp_path):
    """Issue 10: rebuilding a past quarter overwrote its data-snapshot.csv, and the next brief lost its revisions."""
    from kreport.config import SNAPSHOT

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    out = tmp_path / "out"
    catalog = {"good": spec("good", grid=())}
    build(out_dir=out, data_dir=data, catalog=catalog, echo=quiet)
    first = (out / QUARTER / SNAPSHOT).read_bytes()
    assert first == (data / "metrics.csv").read_bytes()
    edit_first_note(data, " (revised)")
    build(out_dir=out, data_dir=data, catalog=catalog, force=True, echo=quiet)
    assert (out / QUARTER / SNAPSHOT).read_bytes() == first


def test_an_all_failed_build_writes_no_data_snapshot(tmp_path):
    """Issue 24, item 9: the next brief then listed a "revision" of a figure that was never published."""
    from kreport.config import SNAPSHOT

    out = tmp_path / "out"
    results = build(out_dir=out, data_dir=DATA, catalog={"fail": spec("fail")}, echo=quiet)
    assert {r.status for r in results} == {"failed"}
    assert not (out / QUARTER / SNAPSHOT).exists()
    good = build(out_dir=out, data_dir=DATA, catalog={"good": spec("good")}, echo=quiet)
    assert {r.status for r in good} == {"built"} and (out / QUARTER / SNAPSHOT).exists()


def test_a_symlink_planted_in_the_work_folder_is_not_followed(tmp_path):
    """Issue 24, item 11: papermill wrote through <out>/<quarter>/.work/<run>.ipynb when it was a symlink."""
    out = tmp_path / "out"
    target = tmp_path / "precious.txt"
    target.write_text("keep me", encoding="utf-8")
    work = out / QUARTER / ".work"
    work.mkdir(parents=True)
    for name in ("good-en", "good-zh"):
        (work / f"{name}.ipynb").symlink_to(target)
    results = build(out_dir=out, data_dir=DATA, catalog={"good": spec("good")}, echo=quiet)
    assert {r.status for r in results} == {"built"}
    assert target.read_text(encoding="utf-8") == "keep me"
