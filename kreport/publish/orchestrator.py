"""The quarterly build: one orchestration function, :func:`build`, that the command line calls.

One way through: snapshot the data (under the data lock) → validate it → :func:`plan` once (a
frozen :class:`Plan`, the quarter parsed once) → lock the output folder → forecasts → run the
notebooks side by side (papermill, each in a kernel of its own, forked warm from the build's fork
server) → manifest → indexes → the quarter's data snapshot → PDFs. Every kernel input is a
notebook parameter (data, last quarter's snapshot, the forecast store); every file is written to a
temporary name and renamed into place; one build at a time holds the output folder's lock.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

from filelock import FileLock, Timeout

from kreport.cache import clear
from kreport.config import DATA_DIR, REPORTS_DIR, SNAPSHOT
from kreport.dataset.load import load
from kreport.errors import BuildError, ParameterError
from kreport.files import atomic_write
from kreport.publish.catalog import REPORTS
from kreport.publish.index_pages import write_indexes
from kreport.publish.kernels import DEFAULT_TIMEOUT, ENGINES, fork_server, runtime_dir
from kreport.publish.manifest import RunResult, save_manifest
from kreport.publish.pdf import INSTALL_HINT, find_chromium, print_pdf
from kreport.publish.plan import Plan, plan, plan_build
from kreport.publish.pool import WorkerPool
from kreport.publish.snapshot import data_snapshot, refuse_inside

__all__ = ["build", "plan_build", "Interrupted"]


class Interrupted(KeyboardInterrupt):
    """The build was asked to stop (SIGINT or SIGTERM)."""


@contextlib.contextmanager
def _terminate_like_interrupt():
    """SIGTERM (cron timeouts, systemd, `timeout`) stops a build the way Ctrl-C does: cleanly, leaving nothing behind."""
    def stop(signum, _frame):
        raise Interrupted(signal.Signals(signum).name)

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: leave signals to the caller
        yield
        return
    # Ctrl-C and `kill -INT` stop a build even when it was started with SIGINT ignored (a background job of a
    # script, or a parent that ignored it): Python then keeps SIG_IGN, and the build would run to its end.
    previous_int = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, previous_int)


def build(quarter=None, reports=None, *, data_dir=None, out_dir=None, jobs=None, force=False,
          timeout=DEFAULT_TIMEOUT, params=None, catalog=None, pdf=False, cold=False, echo=print,
          kernels="warm") -> list[RunResult]:
    """Validate the data, then run and publish every report that needs it.

    Returns one RunResult per planned run. Raises BuildError when another build holds
    the output folder or the data has errors (nothing is run then). ``force`` reruns every report
    but keeps the cached forecasts; ``cold`` deletes kreport's forecast cache entries first. With
    ``pdf``, every published page also gets a PDF beside it (headless Chromium; without it, a hint
    and HTML only). ``kernels``: ``warm`` forks each notebook's kernel from a process that has
    imported everything once; ``fresh`` starts a new Python per notebook (the way before).
    """
    data_dir = Path(data_dir) if data_dir else DATA_DIR
    out_dir = Path(out_dir) if out_dir else REPORTS_DIR
    if timeout is None or isinstance(timeout, bool) or not isinstance(timeout, int) or timeout < 1:
        raise ParameterError("timeout", timeout, "a whole number of seconds, at least 1")
    if kernels not in ENGINES:
        raise ParameterError("kernels", kernels, "one of " + ", ".join(ENGINES))
    refuse_inside(out_dir, data_dir)
    with _terminate_like_interrupt(), data_snapshot(data_dir) as snapshot:
        dataset = load(snapshot)  # raises DataError before anything runs
        # Parameter errors surface here, before the output folder, its lock or any kernel exists.
        the_plan = plan(quarter, reports, data_dir=snapshot, out_dir=out_dir, force=force, dataset=dataset,
                        params=params, catalog=catalog)
        _check_out_dir(out_dir)
        lock = FileLock(str(out_dir / ".build.lock"))
        try:
            lock.acquire(timeout=0)
        except Timeout:
            raise BuildError(
                f"another kreport build is writing to {out_dir} (lock {out_dir / '.build.lock'}); "
                "wait for it to finish and run the build again"
            ) from None
        except OSError as exc:  # after Timeout, which is an OSError too
            raise BuildError(f"cannot write to the output folder {out_dir}: {exc.strerror or exc}") from None
        try:
            return _run(the_plan, jobs, timeout, catalog or REPORTS, pdf, cold, echo, kernels)
        finally:
            _tidy(out_dir, the_plan.quarter_dir / ".work")
            lock.release()


def _run(the_plan: Plan, jobs, timeout, catalog, pdf, cold, echo, kernels) -> list[RunResult]:
    quarter, quarter_dir, out_dir = the_plan.label, the_plan.quarter_dir, the_plan.out_dir
    shutil.rmtree(runtime_dir(out_dir), ignore_errors=True)  # connection files a killed build left
    the_plan.cache_dir.mkdir(exist_ok=True)  # from now on, plans keep the notebooks' parameters there too
    if cold:
        removed = clear(the_plan.cache_dir)
        echo(f"forecast cache emptied ({removed} entries)")
    manifest = dict(the_plan.manifest)
    previous = manifest.get("runs", {})
    results: list[RunResult] = []
    for run in the_plan.runs:
        if run.action == "skip":
            echo(f"[{run.name}] skipped: {run.reason}")
            old = previous[run.name]
            results.append(RunResult(run.name, run.report, run.params, "skipped", 0.0, run.reason,
                                     old.get("html"), records=old.get("records", {}), key=old.get("key", {})))
    # The longest pages first (as long as they took last time), so that no worker is left with a long page at the end.
    todo = sorted(the_plan.to_run(), key=lambda run: -float(previous.get(run.name, {}).get("seconds") or 0))
    if todo:  # here, not at the top: a build with nothing to run never loads the renderer or the statistics
        from kreport.publish.forecasts import precompute_forecasts
        from kreport.publish.run import Worker, execute_task, start_worker, warm
    cores = max(1, os.cpu_count() or 1)
    jobs = min(max(1, jobs or cores), len(todo) or 1)
    work_dir = quarter_dir / ".work"
    started = time.monotonic()
    with contextlib.ExitStack() as stack:
        server = stack.enter_context(fork_server(str(out_dir.resolve()))) if todo and kernels == "warm" else None
        if any(catalog[r.report].forecasts for r in todo):
            # Every forecast the reports show, computed once and side by side before any kernel starts
            # (the fork server imports meanwhile).
            precompute_forecasts(the_plan.dataset.metrics, the_plan.dataset.platforms.index, the_plan.quarter, out_dir,
                                 max(jobs, cores), echo, store=the_plan.cache_dir)
        if todo:
            warm()  # once here, not once per worker: the workers are forked from this process
            echo(f"Building {len(todo)} of {len(the_plan.runs)} reports for {quarter} with {jobs} jobs")
            worker = Worker(os.getpid(), str(out_dir.resolve()), the_plan.navigation, kernels,
                            server.socket if server else None, timeout)
            with WorkerPool(jobs, start_worker, (os.getpid(), str(out_dir.resolve()), worker)) as pool:
                for run in todo:
                    echo(f"[{run.name}] queued: {run.reason}")
                done = 0
                for _, result in pool.map_unordered(execute_task, [(run, work_dir) for run in todo]):
                    done += 1
                    results.append(result)
                    detail = f" at cell {result.failed_cell}: {result.error}" if result.status == "failed" else ""
                    echo(f"[{result.name}] {result.status} in {result.seconds:.1f}s{detail} ({done}/{len(todo)})")
                    save_manifest(quarter_dir, quarter, manifest, results, slices=the_plan.slices)
    order = {run.name: i for i, run in enumerate(the_plan.runs)}
    results.sort(key=lambda r: order[r.name])
    save_manifest(quarter_dir, quarter, manifest, results, seconds=time.monotonic() - started, slices=the_plan.slices)
    write_indexes(out_dir, the_plan.dataset, quarters={quarter})
    _keep_snapshot(the_plan, results)
    if pdf:
        _print_pdfs(quarter_dir, results, echo)
    return results


def _keep_snapshot(the_plan: Plan, results: list[RunResult]) -> None:
    """The metrics this quarter was first published from, for the next quarter's list of revisions.

    Written once and kept, so rebuilding a past quarter never loses the record; and only by a build
    that published something (an interrupted or all-failed build never reaches here or publishes
    nothing), so the next brief never lists a "revision" of a figure no page showed.
    """
    path = the_plan.quarter_dir / SNAPSHOT
    if path.exists() or not any(r.status in ("built", "skipped") and r.html for r in results):
        return
    atomic_write(path, (the_plan.data_dir / "metrics.csv").read_bytes())


def _check_out_dir(out_dir: Path) -> None:
    """The output folder exists (or can be made) and is a folder this build can write to."""
    if out_dir.exists() and not out_dir.is_dir():
        raise BuildError(f"the output folder {out_dir} is a file, not a folder; choose another --out")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(f"cannot create the output folder {out_dir}: {exc.strerror or exc}") from None
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise BuildError(f"cannot write to the output folder {out_dir}: permission denied")


def _print_pdfs(quarter_dir: Path, results: list[RunResult], echo) -> None:
    chromium = find_chromium()
    if chromium is None:
        echo(f"no PDFs: {INSTALL_HINT}")
        return
    for result in results:
        if not result.html:
            continue
        try:
            echo(f"[{result.name}] PDF {print_pdf(quarter_dir / result.html, chromium).name}")
        except (OSError, subprocess.SubprocessError) as exc:
            echo(f"[{result.name}] no PDF: {exc}")


def _tidy(out_dir: Path, work_dir: Path | None) -> None:
    """Remove what an interrupted or finished build leaves behind: kernel connection files and partial notebooks.

    Failed runs' notebooks (``.work/failed/``) are kept: they are how a failure is read afterwards.
    """
    shutil.rmtree(runtime_dir(out_dir), ignore_errors=True)
    if work_dir is not None and work_dir.is_dir():
        for partial in work_dir.glob("*.ipynb"):
            partial.unlink(missing_ok=True)
