"""One report run in a worker process: execute the notebook through papermill, publish its HTML."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import platform as _platform
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from kreport.config import PROJECT_ROOT
from kreport.files import atomic_write
from kreport.publish.export import notebook_records, notebook_to_html, page
from kreport.publish.kernels import DEFAULT_TIMEOUT, manager_class, runtime_dir
from kreport.publish.manifest import RunResult
from kreport.publish.navigation import Navigation
from kreport.publish.plan import Run

__all__ = ["DEFAULT_TIMEOUT", "KERNEL_ARGUMENTS", "Worker", "start_worker", "forecast_cache_dir", "runtime_dir", "execute"]

# Kernels log nothing below errors: their "running over TCP without encryption" warning is not news.
# No IPython history: every kernel would otherwise open (and lock) the same SQLite file in ~/.ipython.
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=40", "--HistoryManager.enabled=False"]
_BUILD: dict = {"pid": None, "worker": None}


class Worker:
    """What every run of a worker shares, handed over once when the worker starts: the build's pid,
    the quarter's navigation (each page's top bar), the kernel engine and the fork server's socket."""

    def __init__(self, build_pid: int, out_dir: str, navigation: Navigation | None = None, engine: str = "fresh",
                 server: str | None = None, timeout: int = DEFAULT_TIMEOUT):
        self.build_pid, self.out_dir, self.navigation = build_pid, out_dir, navigation
        self.engine, self.server, self.timeout = engine, server, timeout


def start_worker(build_pid: int, out_dir: str, worker: Worker | None = None) -> None:
    """Initialise a worker process: die with the build, and keep kernel connection files under the output folder.

    Linux sends the worker SIGKILL when the build dies (``PR_SET_PDEATHSIG``); everywhere,
    :func:`execute` publishes nothing once the build that started it is gone. Kernels get every
    input as a notebook parameter: nothing here is meant for them.
    """
    _BUILD["pid"] = build_pid
    _BUILD["worker"] = worker
    _one_blas_thread()
    # jupyter_client writes connection files (with their keys) under the output folder, which the
    # build removes, not into ~ or $TMPDIR.
    os.environ["JUPYTER_RUNTIME_DIR"] = str(runtime_dir(Path(out_dir)))
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the check before publishing still holds
    if os.getppid() != build_pid:  # the build died before the signal was armed
        os._exit(1)


# Environment variables that give a fresh process (a kernel) one BLAS thread.
BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def _one_blas_thread() -> None:
    """One BLAS thread in this worker and in the kernels it starts.

    The build already runs one worker per core. Statistical fits multiply tiny matrices, and a
    BLAS that wakes a thread per core for each of them, in every worker at once, ran the
    forecasts about ten times slower on two shared cores (92 s against 7 s for the shipped data).
    """
    from threadpoolctl import threadpool_limits

    for name in BLAS_THREADS:
        os.environ[name] = "1"
    threadpool_limits(limits=1)


def forecast_cache_dir(out_dir: Path) -> Path:
    """Where a build's forecasts are cached: with its output."""
    return Path(out_dir) / ".cache"


def _build_alive() -> bool:
    return _BUILD["pid"] is None or os.getppid() == _BUILD["pid"]


def warm() -> None:
    """Import what every run needs (papermill, nbclient, the exporter) once, in the build, before it forks its workers."""
    import nbclient  # noqa: F401
    import papermill  # noqa: F401
    from jupyter_client import AsyncKernelManager  # noqa: F401

    from kreport.publish.export import warm as warm_export

    warm_export()


def execute_task(task: tuple[Run, Path]) -> RunResult:
    """:func:`execute` for the worker pool: one (run, work folder) with the worker's settings."""
    run, work_dir = task
    worker = _BUILD["worker"] or Worker(os.getppid(), str(work_dir))
    return execute(run, work_dir, worker.timeout, engine=worker.engine, server=worker.server,
                   navigation=worker.navigation)


START_ATTEMPTS = 3


def _did_not_start(exc: BaseException) -> bool:
    """Whether a kernel died before it answered its first request (no cell of the notebook ran)."""
    return "before replying to kernel_info" in str(exc)


def _no_space(exc: BaseException) -> bool:
    while exc is not None:
        if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def execute(run: Run, work_dir: Path, timeout: int, *, engine: str = "fresh", server: str | None = None,
            navigation: Navigation | None = None) -> RunResult:
    """Run one notebook and publish its HTML (in a worker process)."""
    import nbformat
    import papermill
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    started = time.monotonic()
    work_dir.mkdir(parents=True, exist_ok=True)
    # A fresh name made with O_EXCL: a symlink planted at .work/<run>.ipynb is never followed.
    handle, name = tempfile.mkstemp(prefix=f"{run.name}.", suffix=".ipynb", dir=work_dir)
    os.close(handle)
    executed = Path(name)
    result = RunResult(run.name, run.report, run.params, "failed", reason=run.reason, key=run.key)
    try:
        for attempt in range(1, START_ATTEMPTS + 1):
            try:
                papermill.execute_notebook(
                    str(run.notebook), str(executed), parameters=run.notebook_parameters, kernel_name="python3",
                    progress_bar=False, log_output=False, execution_timeout=timeout, report_mode=True,
                    extra_arguments=KERNEL_ARGUMENTS, kernel_manager_class=manager_class(engine, server),
                )
                break
            except RuntimeError as exc:
                # The ports jupyter_client chose were taken by another process before the kernel bound them
                # (two builds, or anything else, on one machine): no cell has run, so start another kernel.
                if attempt == START_ATTEMPTS or not _did_not_start(exc):
                    raise
    except papermill.PapermillExecutionError as exc:
        result.failed_cell = exc.exec_count
        result.error = f"{exc.ename}: {exc.evalue}"
    except CellTimeoutError:
        result.error = f"timed out: a cell ran longer than {timeout} s"
    except DeadKernelError as exc:
        result.error = f"the kernel died (it exited or was killed while running a cell): {exc}"
    except Exception as exc:  # noqa: BLE001 - any failure of one run must not stop the others
        if _no_space(exc):
            result.error = f"no space left on device writing {executed}"
            executed.unlink(missing_ok=True)  # a truncated notebook is no record of anything
            result.seconds = round(time.monotonic() - started, 2)
            return result
        result.error = f"{type(exc).__name__}: {exc}"
    if result.error is None:
        nb = nbformat.read(executed, as_version=4)
        result.records = notebook_records(nb)
        title = result.records.get("title", run.name)
        footer = _footer(run, time.monotonic() - started)
        lang = run.params.get("lang", "en")
        nav = navigation.bar(run.output.name, lang) if navigation else {}
        quarter = run.params.get("quarter")
        markup = page(notebook_to_html(nb), title=f"{title} · {quarter}" if quarter else title, lang=lang, footer=footer, nav=nav)
        if not _build_alive():  # an orphan never publishes: a newer build may own this folder now
            executed.unlink(missing_ok=True)
            os._exit(1)
        try:
            atomic_write(run.output, markup)
        except OSError as exc:
            result.error = (f"no space left on device writing {run.output}" if exc.errno == errno.ENOSPC
                            else f"could not write {run.output.name}: {exc.strerror or exc}")
        else:
            result.status, result.html = "built", run.output.name
            result.built_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        executed.unlink(missing_ok=True)
    if result.status != "built":
        failed = work_dir / "failed" / f"{run.name}.ipynb"
        failed.parent.mkdir(parents=True, exist_ok=True)
        if executed.exists():
            os.replace(executed, failed)  # a rename: a symlink at the failed name is replaced, not followed
            result.failed_notebook = str(failed)
            if result.failed_cell is None:  # a timeout or a dead kernel: the last cell that started
                # Counted like an execution count (papermill runs the code cells in order); the cell's
                # own execution_count may be missing when the kernel died before announcing it.
                try:
                    code = [c for c in nbformat.read(failed, as_version=4).cells if c.cell_type == "code"]
                except Exception:  # noqa: BLE001 - a notebook papermill could not finish: no cell to name
                    code = []
                started_cells = [i for i, c in enumerate(code, 1) if c.metadata.get("papermill", {}).get("start_time")]
                result.failed_cell = started_cells[-1] if started_cells else None
    result.seconds = round(time.monotonic() - started, 2)
    return result


def _git_commit() -> str:
    try:
        out = subprocess.run(["git", "-C", str(PROJECT_ROOT), "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, timeout=5)
        dirty = subprocess.run(["git", "-C", str(PROJECT_ROOT), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=5).stdout.strip()
        return (out.stdout.strip() + (" (with uncommitted changes)" if dirty else "")) if out.returncode == 0 else "none"
    except (OSError, subprocess.SubprocessError):
        return "none"


def _versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    parts = []
    for package in ("kreport", "pandas", "statsmodels", "seaborn", "matplotlib", "papermill", "nbconvert"):
        try:
            parts.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            parts.append(f"{package} ?")
    return ", ".join(parts) + f", Python {_platform.python_version()}"


def _footer(run: Run, seconds: float) -> dict[str, str]:
    data = {k: v[:12] for k, v in run.provenance.items()}
    return {
        "parameters": json.dumps(run.params, ensure_ascii=False),
        "built": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "run time": f"{seconds:.1f} s",
        "data files (sha256)": ", ".join(f"{k} {v}" for k, v in data.items()),
        "git commit": _git_commit(),
        "versions": _versions(),
    }
