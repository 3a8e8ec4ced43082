"""Planning a build: every report × parameter set, each marked run or skip with its reason.

A run is skipped when its notebook, parameters, data files and the kreport code are
unchanged since its last successful build.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kreport.config import DATA_DIR, REPORTS_DIR
from kreport.dataset.load import load
from kreport.dataset.periods import parse_quarter
from kreport.errors import BuildError, ParameterError
from kreport.publish.catalog import LANGUAGES, REPORTS, ReportSpec
from kreport.publish.manifest import read_manifest
from kreport.publish.navigation import top_bars
from kreport.publish.params import check_parameters, notebook_parameters

__all__ = ["Run", "plan", "input_hashes"]

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


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
    nav: dict = field(default_factory=dict)  # the page's top bar (see kreport.publish.navigation)

    @property
    def name(self) -> str:
        return self.output.stem


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


_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


def _inside(out_dir: Path, quarter: str, filename: str) -> Path:
    """``out_dir/quarter/filename``, refused unless the name is a plain slug that stays inside ``out_dir``."""
    stem = filename.removesuffix(".html")
    path = out_dir / quarter / filename
    if not _SLUG.match(stem) or not path.resolve().is_relative_to(out_dir.resolve()):
        raise BuildError(f"refusing to write {filename!r}: report file names are made of lower-case letters, digits, "
                         "'-' and '_' (check the platform ids in platforms.csv)")
    return path


def _quarter_with_data(quarter, dataset) -> str:
    """The quarter to build: the one asked for if the data has figures for it, else the latest with figures."""
    m = dataset.metrics
    ends = sorted({pd.Period(end, freq="Q-DEC") for end in m["period_end"]})
    if not ends:
        raise BuildError("metrics.csv has no figures: there is nothing to build")
    if quarter is None:
        quarterly = m.loc[m["period_kind"] == "quarter", "period"]
        return str(max(quarterly) if len(quarterly) else ends[-1])
    wanted = parse_quarter(quarter)
    if wanted not in ends:
        raise ParameterError("quarter", str(quarter),
                             f"a quarter the data has figures for ({len(ends)} quarters from {ends[0]} to {ends[-1]}, "
                             f"the latest {ends[-1]})")
    return str(wanted)


def plan(quarter=None, reports=None, *, data_dir=None, out_dir=None, force=False, dataset=None,
         params=None, catalog=None) -> tuple[str, list[Run]]:
    """Every report × parameter set of a build, each marked run or skip with its reason.

    ``params`` fixes notebook parameters for every run (a grid parameter such as
    ``platform`` then takes only that value). ``catalog`` replaces the report set
    (tests use it to run notebooks of their own). Every run's parameters are checked against
    its notebook's ``parameters`` cell here, before any kernel starts.
    """
    # One spelling of each folder: a relative and an absolute path to the same place are the same parameter.
    data_dir = Path(data_dir).resolve() if data_dir else DATA_DIR.resolve()
    out_dir = Path(out_dir) if out_dir else REPORTS_DIR
    dataset = dataset or load(data_dir)
    params = dict(params or {})
    if "data_dir" in params:  # one way to name the data: --data, which is validated and hashed
        raise ParameterError("data_dir", params["data_dir"], "set with --data DIR, not -p data_dir=")
    if "quarter" in params:  # `-p quarter=...` chooses the quarter (and its output folder) like --quarter
        fixed = params.pop("quarter")
        if quarter is not None and str(parse_quarter(fixed)) != str(parse_quarter(quarter)):
            raise ParameterError("quarter", fixed, f"the same as --quarter {quarter}")
        quarter = fixed
    quarter = _quarter_with_data(quarter, dataset)
    catalog = catalog or REPORTS
    names = list(dict.fromkeys(reports)) if reports else list(catalog)  # each report once
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
            if data_dir != DATA_DIR.resolve():
                run_params["data_dir"] = str(data_dir)
            check_parameters(declared, run_params, platforms)
            stem = "-".join([name, *(str(grid_params[k]) for k in spec.grid)])
            run = Run(name, run_params, spec.path, _inside(out_dir, quarter, f"{stem}.html"))
            run.key = {"notebook": notebook_hash,
                       "parameters": _hash_bytes(json.dumps(run_params, sort_keys=True).encode()), **hashes}
            reason = _reason(run, previous.get(run.name), force)
            run.action, run.reason = ("run", reason) if reason else ("skip", "unchanged since last build")
            runs.append(run)
    # The top bar links every page the quarter will have: those built before and those planned now.
    pages = {n: (r.get("report"), r.get("params", {})) for n, r in previous.items() if r.get("html")}
    pages.update({run.name: (run.report, run.params) for run in runs})
    bars = top_bars([(f"{n}.html", r, p) for n, (r, p) in pages.items()], quarter, dataset.platforms)
    for run in runs:
        run.nav = bars[run.output.name]
    return quarter, runs
