"""The quarterly build: plan the report runs, execute them through papermill, publish HTML.

One orchestration function, :func:`build`, that the command line calls. A run is skipped
when its notebook, parameters, data files and the kreport code are unchanged since its
last successful build. Every file is written to a temporary name and renamed into place,
and one build at a time holds the output folder's lock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import platform as _platform
import subprocess
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .catalog import LANGUAGES, REPORTS, ReportSpec
from .config import DATA_DIR, PROJECT_ROOT, REPORTS_DIR, SNAPSHOT
from .errors import BuildError, ParameterError
from .periods import parse_quarter

__all__ = ["Run", "RunResult", "plan", "build", "read_manifest", "DEFAULT_TIMEOUT"]

DEFAULT_TIMEOUT = 600  # seconds a single cell may run before the kernel counts as hung
MANIFEST = "manifest.json"
_PACKAGE_DIR = Path(__file__).parent


@dataclass
class Run:
    """One notebook run of the build: a report with one set of parameters."""

    report: str
    params: dict
    notebook: Path
    output: Path  # the published HTML
    key: dict = field(default_factory=dict)  # hashes of everything the output depends on
    action: str = "run"  # run | skip
    reason: str = ""

    @property
    def name(self) -> str:
        return self.output.stem


@dataclass
class RunResult:
    name: str
    report: str
    params: dict
    status: str  # built | skipped | failed
    seconds: float = 0.0
    reason: str = ""
    html: str | None = None
    failed_notebook: str | None = None
    failed_cell: int | None = None
    error: str | None = None
    records: dict = field(default_factory=dict)
    key: dict = field(default_factory=dict)


def _hash_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _hash_files(paths) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def input_hashes(data_dir: Path) -> dict[str, str]:
    """Hashes of what every report reads: each data file and the kreport package code."""
    hashes = {f"data/{p.name}": _hash_bytes(p.read_bytes()) for p in sorted(Path(data_dir).glob("*.csv"))}
    hashes["kreport code"] = _hash_files(
        [p for p in _PACKAGE_DIR.rglob("*") if p.is_file() and p.suffix in (".py", ".css", ".j2")]
    )
    return hashes


def read_manifest(quarter_dir: Path) -> dict:
    path = Path(quarter_dir) / MANIFEST
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError:
        return {}  # a manifest we cannot read means: rebuild


def _grid(spec: ReportSpec, platforms: list[str]) -> list[dict]:
    values = {"lang": list(LANGUAGES), "platform": platforms}
    runs: list[dict] = [{}]
    for name in spec.grid:
        runs = [{**run, name: value} for run in runs for value in values[name]]
    return runs


def _reason(run: Run, previous: dict | None, force: bool) -> str | None:
    """Why ``run`` must run, or None when its last good output is still current."""
    if force:
        return "--force"
    if not previous:
        return "never built"
    if previous.get("status") == "failed":
        return "failed last time"
    if not run.output.exists():
        return "output missing"
    old = previous.get("key", {})
    changed = [name for name, digest in run.key.items() if old.get(name) != digest]
    if changed:
        return ", ".join(f"{name} changed" for name in changed)
    return None


def plan(quarter=None, reports=None, *, data_dir=None, out_dir=None, force=False, dataset=None,
         params=None, catalog=None) -> tuple[str, list[Run]]:
    """Every report × parameter set of a build, each marked run or skip with its reason.

    ``params`` fixes notebook parameters for every run (a grid parameter such as
    ``platform`` then takes only that value). ``catalog`` replaces the report set
    (tests use it to run notebooks of their own). Every run's parameters are checked against
    its notebook's ``parameters`` cell here, before any kernel starts.
    """
    from .data import load
    from .params import check_parameters, notebook_parameters

    data_dir = Path(data_dir) if data_dir else DATA_DIR
    out_dir = Path(out_dir) if out_dir else REPORTS_DIR
    dataset = dataset or load(data_dir)
    params = dict(params or {})
    if "quarter" in params:  # `-p quarter=...` chooses the quarter (and its output folder) like --quarter
        fixed = params.pop("quarter")
        if quarter is not None and str(parse_quarter(fixed)) != str(parse_quarter(quarter)):
            raise ParameterError("quarter", fixed, f"the same as --quarter {quarter}")
        quarter = fixed
    quarter = str(parse_quarter(quarter) if quarter is not None else dataset.latest_quarter())
    catalog = catalog or REPORTS
    names = list(reports) if reports else list(catalog)
    for name in names:
        if name not in catalog:
            raise ParameterError("report", name, "one of " + ", ".join(catalog))
        if not catalog[name].path.exists():
            raise BuildError(f"report {name!r}: its notebook {catalog[name].path} does not exist")
    platforms = list(dataset.platforms.index)
    declared_by = {name: notebook_parameters(catalog[name].path) for name in names}
    # A fixed parameter applies to the notebooks that declare it (`-p platform=kuaishou` narrows the
    # platform reports and leaves the others whole); one that no notebook declares is refused.
    for key, value in params.items():
        if not any(key in declared for declared in declared_by.values()):
            known = sorted({k for declared in declared_by.values() for k in declared})
            raise ParameterError(key, value, "a parameter the notebooks declare: " + ", ".join(known))
    grid_values = {"lang": list(LANGUAGES), "platform": platforms}
    for key, value in params.items():
        if key in grid_values and value not in grid_values[key]:  # else it would silently match no run
            raise ParameterError(key, value, "one of " + ", ".join(map(str, grid_values[key])))
    hashes = input_hashes(data_dir)
    previous = read_manifest(out_dir / quarter).get("runs", {})
    runs = []
    for name in names:
        spec = catalog[name]
        notebook_hash = _hash_bytes(spec.path.read_bytes())
        declared = declared_by[name]
        for grid_params in _grid(spec, platforms):
            if any(k in params and params[k] != v for k, v in grid_params.items()):
                continue
            run_params = {"quarter": quarter, **grid_params,
                          **{k: v for k, v in params.items() if k in declared}}
            if data_dir != DATA_DIR:
                run_params["data_dir"] = str(data_dir)
            check_parameters(declared, run_params, platforms)
            stem = "-".join([name, *(str(grid_params[k]) for k in spec.grid)])
            run = Run(name, run_params, spec.path, out_dir / quarter / f"{stem}.html")
            run.key = {"notebook": notebook_hash,
                       "parameters": _hash_bytes(json.dumps(run_params, sort_keys=True).encode()), **hashes}
            reason = _reason(run, previous.get(run.name), force)
            run.action, run.reason = ("run", reason) if reason else ("skip", "unchanged since last build")
            runs.append(run)
    return quarter, runs


def _execute(run: Run, work_dir: Path, timeout: int) -> RunResult:
    """Run one notebook and publish its HTML (in a worker process)."""
    import nbformat
    import papermill
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    from .export import atomic_write, notebook_records, notebook_to_html, page

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
        "built": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "run time": f"{seconds:.1f} s",
        "data files (sha256)": ", ".join(f"{k} {v}" for k, v in data.items()),
        "git commit": _git_commit(),
        "versions": _versions(),
    }


def build(quarter=None, reports=None, *, data_dir=None, out_dir=None, jobs=None, force=False,
          timeout=DEFAULT_TIMEOUT, params=None, catalog=None, echo=print) -> list[RunResult]:
    """Validate the data, then run and publish every report that needs it.

    Returns one RunResult per planned run. Raises BuildError when another build holds
    the output folder or the data has errors (nothing is run then).
    """
    from filelock import FileLock, Timeout

    from .data import load
    from .site import write_indexes

    data_dir = Path(data_dir) if data_dir else DATA_DIR
    out_dir = Path(out_dir) if out_dir else REPORTS_DIR
    dataset = load(data_dir)  # raises DataError before anything runs
    # Parameter errors surface here, before the output folder, its lock or any kernel exists;
    # the plan is made again under the lock.
    plan(quarter, reports, data_dir=data_dir, out_dir=out_dir, force=force, dataset=dataset,
         params=params, catalog=catalog)
    out_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(out_dir / ".build.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise BuildError(
            f"another kreport build is writing to {out_dir} (lock {out_dir / '.build.lock'}); "
            "wait for it to finish and run the build again"
        ) from None
    try:
        quarter, runs = plan(quarter, reports, data_dir=data_dir, out_dir=out_dir, force=force,
                             dataset=dataset, params=params, catalog=catalog)
        quarter_dir = out_dir / quarter
        from .export import atomic_write

        # The metrics this build read, for the next quarter's list of revisions.
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
        # One language first: the other language's runs then find the shared backtests cached.
        todo = sorted((r for r in runs if r.action == "run"), key=lambda r: r.params.get("lang") != "en")
        jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo) or 1))
        work_dir = quarter_dir / ".work"
        started = time.monotonic()
        if todo:
            echo(f"Building {len(todo)} of {len(runs)} reports for {quarter} with {jobs} jobs")
            pool = ProcessPoolExecutor(max_workers=jobs)
            try:
                futures = {}
                for run in todo:
                    echo(f"[{run.name}] queued: {run.reason}")
                    futures[pool.submit(_execute, run, work_dir, timeout)] = run
                for done, future in enumerate(as_completed(futures), 1):
                    result = future.result()
                    results.append(result)
                    detail = f" at cell {result.failed_cell}: {result.error}" if result.status == "failed" else ""
                    echo(f"[{result.name}] {result.status} in {result.seconds:.1f}s{detail} ({done}/{len(todo)})")
                    _save_manifest(quarter_dir, quarter, manifest, results)
            except BaseException:
                # Interrupted (Ctrl-C, or SIGINT to this process alone): stop now instead of
                # running the queue out. Pages are written by rename, so ending a worker loses no
                # page; its kernel exits with it.
                _stop(pool)
                raise
            pool.shutdown()
        order = {run.name: i for i, run in enumerate(runs)}
        results.sort(key=lambda r: order[r.name])
        _save_manifest(quarter_dir, quarter, manifest, results, seconds=time.monotonic() - started)
        write_indexes(out_dir, dataset)
        return results
    finally:
        lock.release()


def _stop(pool: ProcessPoolExecutor) -> None:
    """Cancel the queued runs and end the running workers."""
    workers = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        if worker.is_alive():
            worker.terminate()
    for worker in workers:
        worker.join(timeout=10)


def _save_manifest(quarter_dir: Path, quarter: str, manifest: dict, results: list[RunResult], seconds=None) -> None:
    from .export import atomic_write

    runs = dict(manifest.get("runs", {}))
    for result in results:
        entry = asdict(result)
        if result.status == "skipped":
            entry = {**runs.get(result.name, {}), "last_action": "skipped", "reason": result.reason}
        elif result.status == "failed" and result.name in runs and runs[result.name].get("html"):
            entry["html"] = runs[result.name]["html"]  # the last good page stays published
        runs[result.name] = entry
    manifest.update({
        "quarter": quarter,
        "updated": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "runs": runs,
    })
    if seconds is not None:
        manifest["seconds"] = round(seconds, 2)
    atomic_write(quarter_dir / MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False, default=str))
