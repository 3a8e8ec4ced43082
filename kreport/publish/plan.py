"""Planning a build: every report × parameter set, each marked run or skip with its reason, in one frozen :class:`Plan`.

A run is skipped when the slice of the data it reads, its notebook, its parameters and the
kreport code are unchanged since its last successful build. The slice is derived from the
report's grid (see :mod:`kreport.publish.slices`): a platform's pages read that platform's rows,
the other reports every platform's. The reason names the change: "data: pdd revenue_total 2025Q4
changed".
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kreport.config import DATA_DIR, REPORTS_DIR, SNAPSHOT
from kreport.dataset.load import Dataset, load
from kreport.dataset.periods import parse_quarter
from kreport.errors import BuildError, ParameterError
from kreport.publish.catalog import LANGUAGES, REPORTS, ReportSpec
from kreport.publish.manifest import read_manifest
from kreport.publish.navigation import Navigation
from kreport.publish.params import check_parameters, notebook_parameters
from kreport.publish.slices import DataSlices, describe_changes
from kreport.publish.snapshot import data_snapshot, refuse_inside

__all__ = ["Run", "Plan", "plan", "plan_build", "code_hash", "PATH_PARAMETERS"]

_PACKAGE_DIR = Path(__file__).resolve().parent.parent
# Parameters that say where a kernel finds its inputs, set by the build: not part of what a page shows.
PATH_PARAMETERS = ("data_dir", "reports_dir", "forecast_store")


@dataclass(frozen=True)
class Run:
    """One notebook run of the build: a report with one set of parameters."""

    report: str
    params: dict  # what the page is about: quarter, lang, platform and any -p value
    notebook: Path
    output: Path  # the published HTML
    key: dict = field(default_factory=dict)  # hashes of everything the output depends on
    action: str = "run"  # run | skip
    reason: str = ""
    inputs: dict = field(default_factory=dict)  # PATH_PARAMETERS the notebook declares: where it reads
    provenance: dict = field(default_factory=dict)  # "data/<file>": sha256 of each data file, for the page's footer

    @property
    def name(self) -> str:
        return self.output.stem

    @property
    def notebook_parameters(self) -> dict:
        """Every parameter the kernel gets: the page's and the paths of its inputs."""
        return {**self.params, **self.inputs}


@dataclass(frozen=True)
class Plan:
    """A build's plan, made once: the quarter (parsed once), the folders, the data as read and every run."""

    quarter: pd.Period
    runs: tuple[Run, ...]
    data_dir: Path
    out_dir: Path
    dataset: Dataset
    manifest: dict  # the quarter's manifest as the plan read it
    slices: dict  # slice digest -> {row label: row hash}, for the next build's reasons
    navigation: Navigation

    @property
    def label(self) -> str:
        return str(self.quarter)

    @property
    def quarter_dir(self) -> Path:
        return self.out_dir / self.label

    @property
    def cache_dir(self) -> Path:
        return self.out_dir / ".cache"

    def to_run(self) -> list[Run]:
        return [r for r in self.runs if r.action == "run"]

    # `quarter, runs = plan(...)` keeps working for callers that want only these two.
    def __iter__(self):
        return iter((self.label, list(self.runs)))


def _hash_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def code_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in _PACKAGE_DIR.rglob("*") if p.is_file() and p.suffix in (".py", ".css", ".j2")):
        digest.update(str(path.relative_to(_PACKAGE_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _grid(spec: ReportSpec, platforms: list[str]) -> list[dict]:
    values = {"lang": list(LANGUAGES), "platform": platforms}
    runs: list[dict] = [{}]
    for name in spec.grid:
        runs = [{**run, name: value} for run in runs for value in values[name]]
    return runs


def _reason(run: Run, previous: dict | None, force: bool, old_slices: dict, new_slices: dict) -> str | None:
    """Why ``run`` must run, naming what changed, or None when its last good output is still current."""
    if force:
        return "--force"
    if not previous:
        return "never built"
    if previous.get("status") == "failed":
        return "failed last time"
    if not run.output.exists():
        return "output missing"
    old = previous.get("key", {}) if isinstance(previous.get("key"), dict) else {}
    reasons = []
    for name, digest in run.key.items():
        if old.get(name) == digest:
            continue
        if name == "data":
            reasons.append("data: " + describe_changes(old_slices.get(old.get("data")), new_slices.get(digest)))
        else:
            reasons.append(f"{name} changed")
    return "; ".join(reasons) or None


_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


def _inside(out_dir: Path, quarter: str, filename: str) -> Path:
    """``out_dir/quarter/filename``, refused unless the name is a plain slug that stays inside ``out_dir``."""
    stem = filename.removesuffix(".html")
    path = out_dir / quarter / filename
    if not _SLUG.match(stem) or not path.resolve().is_relative_to(out_dir.resolve()):
        raise BuildError(f"refusing to write {filename!r}: report file names are made of lower-case letters, digits, "
                         "'-' and '_' (check the platform ids in platforms.csv)")
    return path


def _quarter_with_data(quarter, dataset) -> pd.Period:
    """The quarter to build: the one asked for if the data has figures for it, else the latest with figures."""
    m = dataset.metrics
    ends = sorted({pd.Period(end, freq="Q-DEC") for end in m["period_end"]})
    if not ends:
        raise BuildError("metrics.csv has no figures: there is nothing to build")
    if quarter is None:
        quarterly = m.loc[m["period_kind"] == "quarter", "period"]
        return max(quarterly) if len(quarterly) else ends[-1]
    wanted = parse_quarter(quarter)
    if wanted not in ends:
        raise ParameterError("quarter", str(quarter),
                             f"a quarter the data has figures for ({len(ends)} quarters from {ends[0]} to {ends[-1]}, "
                             f"the latest {ends[-1]})")
    return wanted


def plan(quarter=None, reports=None, *, data_dir=None, out_dir=None, force=False, dataset=None,
         params=None, catalog=None) -> Plan:
    """Every report × parameter set of a build, each marked run or skip with its reason.

    ``params`` fixes notebook parameters for every run (a grid parameter such as
    ``platform`` then takes only that value). ``catalog`` replaces the report set
    (tests use it to run notebooks of their own). Every run's parameters are checked against
    its notebook's ``parameters`` cell here, before any kernel starts. Nothing is written
    outside ``out_dir``: the notebooks' parameter cache goes to ``<out>/.cache/params`` once a build made
    ``<out>/.cache``, so a plan into a new folder writes nothing.
    """
    # One spelling of each folder: a relative and an absolute path to the same place are the same folder.
    data_dir = Path(data_dir).resolve() if data_dir else DATA_DIR.resolve()
    out_dir = Path(out_dir) if out_dir else REPORTS_DIR
    if out_dir.exists() and not out_dir.is_dir():
        raise BuildError(f"the output folder {out_dir} is a file, not a folder; choose another --out")
    dataset = dataset or load(data_dir)
    params = dict(params or {})
    if "data_dir" in params:  # one way to name the data: --data, which is validated and hashed
        raise ParameterError("data_dir", params["data_dir"], "set with --data DIR, not -p data_dir=")
    for name in PATH_PARAMETERS[1:]:
        if name in params:
            raise ParameterError(name, params[name], "set by the build from --out, not with -p")
    if "quarter" in params:  # `-p quarter=...` chooses the quarter (and its output folder) like --quarter
        fixed = params.pop("quarter")
        if quarter is not None and parse_quarter(fixed) != parse_quarter(quarter):
            raise ParameterError("quarter", fixed, f"the same as --quarter {quarter}")
        quarter = fixed
    period = _quarter_with_data(quarter, dataset)
    label = str(period)
    catalog = catalog or REPORTS
    names = list(dict.fromkeys(reports)) if reports else list(catalog)  # each report once
    for name in names:
        if name not in catalog:
            raise ParameterError("report", name, "one of " + ", ".join(catalog))
        if not catalog[name].path.exists():
            raise BuildError(f"report {name!r}: its notebook {catalog[name].path} does not exist")
    platforms = list(dataset.platforms.index)
    # The notebooks' parameter cache lives in <out>/.cache/params once a build has made <out>/.cache;
    # a plan alone writes nothing, and never outside --out.
    param_cache = out_dir / ".cache" / "params" if (out_dir / ".cache").is_dir() else None
    declared_by = {name: notebook_parameters(catalog[name].path, cache_folder=param_cache) for name in names}
    # A fixed parameter applies to the notebooks that declare it (`-p platform=kuaishou` narrows the
    # platform reports and leaves the others whole); one that no notebook declares is refused.
    user_names = sorted({k for declared in declared_by.values() for k in declared} - set(PATH_PARAMETERS))
    for key, value in params.items():
        if not any(key in declared for declared in declared_by.values()):
            raise ParameterError(key, value, "a parameter the notebooks declare: " + ", ".join(user_names))
    grid_values = {"lang": list(LANGUAGES), "platform": platforms}
    for key, value in params.items():
        if key in grid_values and value not in grid_values[key]:  # else it would silently match no run
            raise ParameterError(key, value, "one of " + ", ".join(map(str, grid_values[key])))
    manifest = read_manifest(out_dir / label)
    previous = manifest.get("runs", {})
    slices = DataSlices(dataset, period)
    code = code_hash()
    snapshot = out_dir / str(period - 1) / SNAPSHOT
    paths = {"data_dir": str(data_dir), "reports_dir": str(out_dir.resolve()),
             "forecast_store": str((out_dir / ".cache").resolve())}
    provenance = {f"data/{p.name}": _hash_bytes(p.read_bytes()) for p in sorted(data_dir.glob("*.csv"))}
    runs = []
    for name in names:
        spec = catalog[name]
        notebook_hash = _hash_bytes(spec.path.read_bytes())
        declared = declared_by[name]
        for grid_params in _grid(spec, platforms):
            if any(k in params and params[k] != v for k, v in grid_params.items()):
                continue
            run_params = {"quarter": label, **grid_params, **{k: v for k, v in params.items() if k in declared}}
            check_parameters(declared, run_params, platforms)
            stem = "-".join([name, *(str(grid_params[k]) for k in spec.grid)])
            output = _inside(out_dir, label, f"{stem}.html")
            key = {"notebook": notebook_hash,
                   "parameters": _hash_bytes(json.dumps(run_params, sort_keys=True).encode()),
                   "data": slices.digest(grid_params.get("platform") if "platform" in spec.grid else None,
                                         later_periods=spec.reads_later_periods),
                   "kreport code": code}
            if spec.reads_snapshot:  # the brief lists revisions against last quarter's snapshot
                key["last quarter's snapshot"] = _hash_bytes(snapshot.read_bytes()) if snapshot.is_file() else "none"
            inputs = {k: v for k, v in paths.items() if k in declared}
            run = Run(name, run_params, spec.path, output, key, inputs=inputs, provenance=provenance)
            reason = _reason(run, previous.get(run.name), force, manifest.get("slices", {}), slices.rows)
            runs.append(Run(name, run_params, spec.path, output, key, "run" if reason else "skip",
                            reason or "unchanged since last build", inputs, provenance))
    # The top bar links every page the quarter will have: those built before and those planned now.
    pages = {n: (r.get("report"), r.get("params", {})) for n, r in previous.items() if r.get("html")}
    pages.update({run.name: (run.report, run.params) for run in runs})
    navigation = Navigation.of([(f"{n}.html", r, p) for n, (r, p) in pages.items()], label, dataset.platforms)
    used = {run.key["data"] for run in runs}
    return Plan(period, tuple(runs), data_dir, out_dir, dataset, manifest,
                {digest: slices.rows[digest] for digest in used}, navigation)


def plan_build(quarter=None, reports=None, *, data_dir=None, out_dir=None, force=False, params=None,
               catalog=None) -> Plan:
    """What `kreport plan` shows: the plan of a build from the data as it is now (read once, from a snapshot).

    Loads no plotting or statistics library: planning never draws or fits.
    """
    data_dir = Path(data_dir) if data_dir else DATA_DIR
    out_dir = Path(out_dir) if out_dir else REPORTS_DIR
    refuse_inside(out_dir, data_dir)
    with data_snapshot(data_dir) as snapshot:
        return plan(quarter, reports, data_dir=snapshot, out_dir=out_dir, force=force, dataset=load(snapshot),
                    params=params, catalog=catalog)
