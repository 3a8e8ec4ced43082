"""Build benchmark: full cold and warm `kreport build`s before and after, side by side in one run.

Prints figures; not a test. For the full report set of one quarter (or --report NAME ...), on the same data:

  before  the code of --before (default: the commit before the pipeline work of issue 18), taken
          from git into a temporary folder, run as it was: a fresh kernel (a new Python plus its
          imports) for every page;
  after   this working tree, with its default warm kernels (forked from a process that imported
          everything once); with --fresh, also this tree with `--kernels fresh`.

For each: (0) `build --cold --force` into an empty folder (a first build, no forecasts cached),
(2) `build --force` (warm: every page again, the forecasts kept); for "after" also (3) a build
with nothing changed. Optionally (1) the naive papermill + nbconvert loop (--naive). Run it under
`nice` on a shared machine: both sides see the same load, measured one after the other.

    .venv/bin/python benchmarks/build_benchmark.py [--report data ...] [--before COMMIT] [--fresh] [--naive] [--keep DIR]
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DEFAULT_BEFORE = "e2219d4"  # the tree before issue 18's pipeline work (fresh kernel per page)
EXTERNAL = re.compile(
    r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*?\s(?:src|href)\s*=\s*[\"']?(?:https?:)?//"
    r"|url\(\s*[\"']?(?:https?:)?//|@import", re.I)


def _env(code: Path | None) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KREPORT_")}
    if code is not None:  # the old tree first on the path: its kreport, its notebooks, in the build and its kernels
        env["PYTHONPATH"] = str(code)
    return env


def _checkout(commit: str, folder: Path) -> Path:
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "kreport", "notebooks"],
                             capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def build(folder: Path, args, *, code: Path | None = None, force=True, cold=False, extra=()) -> float:
    cmd = [sys.executable, "-c", "import sys; from kreport.cli import main; sys.exit(main())",
           "build", "--out", str(folder), "--data", str(ROOT / "data"), *extra]
    if args.quarter:
        cmd += ["--quarter", args.quarter]
    if args.report:
        cmd += ["--report", *args.report]
    if force:
        cmd.append("--force")
    if cold:
        cmd.append("--cold")
    started = time.monotonic()
    result = subprocess.run(cmd, capture_output=True, text=True, env=_env(code), cwd=str(folder.parent))
    seconds = time.monotonic() - started
    if result.returncode != 0:
        sys.exit(f"kreport build failed:\n{result.stdout[-3000:]}\n{result.stderr[-2000:]}")
    if "KeyboardInterrupt" in result.stdout + result.stderr:
        print("    (a KeyboardInterrupt line was printed)")
    return seconds


def naive(folder: Path, quarter: str, runs) -> float:
    started = time.monotonic()
    for run in runs:
        executed = folder / f"{run.name}.ipynb"
        cmd = [str(BIN / "papermill"), str(run.notebook), str(executed), "--kernel", "python3", "--no-progress-bar"]
        for name, value in {**run.params, "data_dir": str(ROOT / "data"), "forecast_store": str(folder / "cache")}.items():
            cmd += ["-p", name, str(value)]
        subprocess.run(cmd, capture_output=True, check=True, env=_env(None))
        subprocess.run([str(BIN / "jupyter"), "nbconvert", "--to", "html", str(executed), "--output-dir", str(folder)],
                       capture_output=True, check=True)
    return time.monotonic() - started


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", nargs="+", metavar="NAME", help="only these reports (default: all)")
    parser.add_argument("--quarter", help="YYYYQn (default: the latest in the data)")
    parser.add_argument("--before", default=DEFAULT_BEFORE, help=f"the commit measured as 'before' (default {DEFAULT_BEFORE})")
    parser.add_argument("--fresh", action="store_true", help="also this tree with --kernels fresh")
    parser.add_argument("--naive", action="store_true", help="also the papermill + nbconvert loop, one page after another")
    parser.add_argument("--after-first", action="store_true", help="measure 'after' before 'before' (to see the load's effect)")
    parser.add_argument("--keep", type=Path, help="keep the outputs in this folder (default: a temporary one)")
    args = parser.parse_args(argv)

    from kreport.publish.plan import plan_build

    root = args.keep or Path(tempfile.mkdtemp(prefix="kreport-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    the_plan = plan_build(args.quarter, args.report, data_dir=ROOT / "data", out_dir=root / "plan")
    quarter, runs = the_plan
    print(f"kreport build benchmark: {len(runs)} runs of {quarter} on {os.cpu_count()} CPUs "
          f"({', '.join(sorted({r.report for r in runs}))}); load average {os.getloadavg()[0]:.1f}", flush=True)
    old = _checkout(args.before, root / "before-code")
    figures = {}
    sides = [("before", old, ()), ("after", None, ())] + ([("after, fresh kernels", None, ("--kernels", "fresh"))]
                                                          if args.fresh else [])
    if args.after_first:
        sides = sides[1:2] + sides[:1] + sides[2:]
    for label, code, extra in sides:
        out = root / label.replace(", ", "-").replace(" ", "-")
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        cold = build(out, args, code=code, cold=True, extra=extra)
        print(f"{label:22} (0) cold --force --cold: {cold:7.1f} s", flush=True)
        warm = build(out, args, code=code, extra=extra)
        print(f"{label:22} (2) warm --force:        {warm:7.1f} s", flush=True)
        figures[label] = (cold, warm)
        again = build(out, args, code=code, force=False, extra=extra)
        print(f"{label:22} (3) nothing changed:     {again:7.1f} s   (load average {os.getloadavg()[0]:.1f})", flush=True)
        figures[f"no-op {label}"] = again
    (b_cold, b_warm), (a_cold, a_warm) = figures["before"], figures["after"]
    print(f"\nwarm: after/before = {a_warm:.1f}/{b_warm:.1f} = {a_warm / b_warm:.2f} "
          f"(target <= 0.5: {'met' if a_warm <= b_warm / 2 else 'NOT met'})")
    print(f"cold: after/before = {a_cold:.1f}/{b_cold:.1f} = {a_cold / b_cold:.2f}")
    print(f"no-op: after {figures['no-op after']:.1f} s, before {figures['no-op before']:.1f} s")
    if args.naive:
        folder = root / "naive"
        folder.mkdir(exist_ok=True)
        t_naive = naive(folder, quarter, runs)
        print(f"(1) papermill + nbconvert, one after another: {t_naive:.1f} s; after's warm build = {a_warm / t_naive:.2f} of it")
        ours = root / "after" / quarter
        offline = all(not EXTERNAL.search(p.read_text(encoding="utf-8")) for p in ours.glob("*.html"))
        print(f"all our pages offline: {'yes' if offline else 'NO'}")
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
