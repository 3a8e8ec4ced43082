"""The quarterly build: one orchestration function, :func:`build`, that the command line calls.

It validates the data, plans the runs, executes them side by side through papermill and
publishes HTML. Every file is written to a temporary name and renamed into place, and one
build at a time holds the output folder's lock.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from filelock import FileLock, Timeout

from kreport.cache import clear
from kreport.config import DATA_DIR, REPORTS_DIR, SNAPSHOT
from kreport.dataset.load import load
from kreport.errors import BuildError, ParameterError
from kreport.files import atomic_write
from kreport.publish.catalog import REPORTS
from kreport.publish.forecasts import precompute_forecasts
from kreport.publish.index_pages import write_indexes
from kreport.publish.manifest import RunResult, read_manifest, save_manifest
from kreport.publish.pdf import INSTALL_HINT, find_chromium, print_pdf
from kreport.publish.plan import plan
from kreport.publish.run import DEFAULT_TIMEOUT, execute, forecast_cache_dir, runtime_dir, start_worker

__all__ = ["build"]


def build(quarter=None, reports=None, *, data_dir=None, out_dir=None, jobs=None, force=False,
          timeout=DEFAULT_TIMEOUT, params=None, catalog=None, pdf=False, cold=False, echo=print) -> list[RunResult]:
    """Validate the data, then run and publish every report that needs it.

    Returns one RunResult per planned run. Raises BuildError when another build holds
    the output folder or the data has errors (nothing is run then). ``force`` reruns every report
    but keeps the cached forecasts; ``cold`` empties the forecast cache first. With ``pdf``, every
    published page also gets a PDF beside it (headless Chromium; without it, a hint and HTML only).
    """
    data_dir = Path(data_dir) if data_dir else DATA_DIR
    out_dir = Path(out_dir) if out_dir else REPORTS_DIR
    if timeout is None or isinstance(timeout, bool) or not isinstance(timeout, int) or timeout < 1:
        raise ParameterError("timeout", timeout, "a whole number of seconds, at least 1")
    dataset = load(data_dir)  # raises DataError before anything runs
    # Parameter errors surface here, before the output folder, its lock or any kernel exists;
    # the plan is made again under the lock.
    plan(quarter, reports, data_dir=data_dir, out_dir=out_dir, force=force, dataset=dataset,
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
        quarter, runs = plan(quarter, reports, data_dir=data_dir, out_dir=out_dir, force=force,
                             dataset=dataset, params=params, catalog=catalog)
        quarter_dir = out_dir / quarter
        if cold:
            removed = clear(forecast_cache_dir(out_dir))
            echo(f"forecast cache emptied ({removed} entries)")
        # The metrics this quarter was first built from, for the next quarter's list of revisions:
        # written once and kept, so rebuilding a past quarter never loses the record.
        if not (quarter_dir / SNAPSHOT).exists():
            atomic_write(quarter_dir / SNAPSHOT, (data_dir / "metrics.csv").read_bytes())
        manifest = read_manifest(quarter_dir)
        previous = manifest.get("runs", {})
        results: list[RunResult] = []
        for run in runs:
            if run.action == "skip":
                echo(f"[{run.name}] skipped: {run.reason}")
                old = previous[run.name]
                results.append(RunResult(run.name, run.report, run.params, "skipped", 0.0, run.reason,
                                         old.get("html"), records=old.get("records", {}), key=old.get("key", {})))
        todo = [r for r in runs if r.action == "run"]
        cores = max(1, jobs or os.cpu_count() or 1)
        jobs = min(cores, len(todo) or 1)
        work_dir = quarter_dir / ".work"
        started = time.monotonic()
        if any((catalog or REPORTS)[r.report].forecasts for r in todo):
            # Every forecast the reports show, computed once and side by side before any kernel starts.
            precompute_forecasts(dataset.metrics, dataset.platforms.index, quarter, out_dir, cores, echo)
        if todo:
            echo(f"Building {len(todo)} of {len(runs)} reports for {quarter} with {jobs} jobs")
            pool = ProcessPoolExecutor(max_workers=jobs, initializer=start_worker,
                                       initargs=(os.getpid(), str(out_dir.resolve())))
            try:
                futures = {}
                for run in todo:
                    echo(f"[{run.name}] queued: {run.reason}")
                    futures[pool.submit(execute, run, work_dir, timeout)] = run
                for done, future in enumerate(as_completed(futures), 1):
                    result = future.result()
                    results.append(result)
                    detail = f" at cell {result.failed_cell}: {result.error}" if result.status == "failed" else ""
                    echo(f"[{result.name}] {result.status} in {result.seconds:.1f}s{detail} ({done}/{len(todo)})")
                    save_manifest(quarter_dir, quarter, manifest, results)
            except BaseException:
                # Interrupted (Ctrl-C, or SIGINT to this process alone): stop now instead of
                # running the queue out. Pages are written by rename, so ending a worker loses no
                # page; its kernel exits with it.
                _stop(pool)
                raise
            pool.shutdown()
        order = {run.name: i for i, run in enumerate(runs)}
        results.sort(key=lambda r: order[r.name])
        save_manifest(quarter_dir, quarter, manifest, results, seconds=time.monotonic() - started)
        write_indexes(out_dir, dataset, quarters={quarter})
        if pdf:
            _print_pdfs(quarter_dir, results, echo)
        return results
    finally:
        _tidy(out_dir, out_dir / quarter / ".work" if quarter else None)
        lock.release()


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


def _stop(pool: ProcessPoolExecutor) -> None:
    """Cancel the queued runs and end the running workers."""
    workers = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        if worker.is_alive():
            worker.terminate()
    for worker in workers:
        worker.join(timeout=10)
