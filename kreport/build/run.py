"""One report run in a worker process: execute the notebook through papermill, publish its HTML."""

from __future__ import annotations

import datetime as dt
import json
import platform as _platform
import subprocess
import time
from pathlib import Path

from kreport.build.export import atomic_write, notebook_records, notebook_to_html, page
from kreport.build.manifest import RunResult
from kreport.build.plan import Run
from kreport.config import PROJECT_ROOT

__all__ = ["DEFAULT_TIMEOUT", "execute"]

DEFAULT_TIMEOUT = 600  # seconds a single cell may run before the kernel counts as hung


def execute(run: Run, work_dir: Path, timeout: int) -> RunResult:
    """Run one notebook and publish its HTML (in a worker process)."""
    import nbformat
    import papermill
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    started = time.monotonic()
    work_dir.mkdir(parents=True, exist_ok=True)
    executed = work_dir / f"{run.name}.ipynb"
    result = RunResult(run.name, run.report, run.params, "failed", reason=run.reason, key=run.key)
    try:
        papermill.execute_notebook(
            str(run.notebook), str(executed), parameters=run.params, kernel_name="python3",
            progress_bar=False, log_output=False, execution_timeout=timeout, report_mode=True,
        )
    except papermill.PapermillExecutionError as exc:
        result.failed_cell = exc.exec_count
        result.error = f"{exc.ename}: {exc.evalue}"
    except CellTimeoutError:
        result.error = f"timed out: a cell ran longer than {timeout} s"
    except DeadKernelError as exc:
        result.error = f"the kernel died (it exited or was killed while running a cell): {exc}"
    except Exception as exc:  # noqa: BLE001 - any failure of one run must not stop the others
        result.error = f"{type(exc).__name__}: {exc}"
    if result.error is None:
        nb = nbformat.read(executed, as_version=4)
        result.records = notebook_records(nb)
        title = result.records.get("title", run.name)
        footer = _footer(run, time.monotonic() - started)
        atomic_write(run.output, page(notebook_to_html(nb), title=title, lang=run.params.get("lang", "en"), footer=footer))
        executed.unlink(missing_ok=True)
        result.status, result.html = "built", run.output.name
    else:
        failed = work_dir / "failed" / f"{run.name}.ipynb"
        failed.parent.mkdir(parents=True, exist_ok=True)
        if executed.exists():
            executed.replace(failed)
            result.failed_notebook = str(failed)
            if result.failed_cell is None:  # a timeout or a dead kernel: the last cell that started
                # Counted like an execution count (papermill runs the code cells in order); the cell's
                # own execution_count may be missing when the kernel died before announcing it.
                code = [c for c in nbformat.read(failed, as_version=4).cells if c.cell_type == "code"]
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
    data = {k: v[:12] for k, v in run.key.items() if k.startswith("data/")}
    return {
        "parameters": json.dumps({k: v for k, v in run.params.items() if k != "data_dir"}, ensure_ascii=False),
        "built": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "run time": f"{seconds:.1f} s",
        "data files (sha256)": ", ".join(f"{k} {v}" for k, v in data.items()),
        "git commit": _git_commit(),
        "versions": _versions(),
    }
