"""Build benchmark: a cold, a warm and a no-op `kreport build`, and the naive papermill + nbconvert loop.

Prints figures; not a test. For the full report set of one quarter (or --report NAME ...):

0. `kreport build --cold`: an empty output folder and an empty forecast cache (a first build);
1. naive (unless --skip-naive): for every run (report × parameter set), the `papermill` command, then
   `jupyter nbconvert --to html` (lab template), one after another, with its own empty forecast cache;
2. `kreport build --force` (warm: every page again, the forecasts kept);
3. `kreport build` again with nothing changed.

Then each page's size against nbconvert's lab export of the same executed notebook, and
whether our page is fully offline (no external src/href to scripts, styles or images).

    .venv/bin/python benchmarks/build_benchmark.py [--report data ...] [--keep DIR] [--skip-naive]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kreport.publish.orchestrator import plan

BIN = Path(sys.executable).parent
EXTERNAL = re.compile(
    r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*?\s(?:src|href)\s*=\s*[\"']?(?:https?:)?//"
    r"|url\(\s*[\"']?(?:https?:)?//|@import", re.I)


ENV = dict(os.environ)


def _run(cmd: list[str]) -> None:
    result = subprocess.run(cmd, capture_output=True, text=True, env=ENV)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{result.stderr[-2000:]}")


def naive(runs, folder: Path) -> float:
    started = time.monotonic()
    for run in runs:
        executed = folder / f"{run.name}.ipynb"
        args = [str(BIN / "papermill"), str(run.notebook), str(executed), "--kernel", "python3", "--no-progress-bar"]
        for name, value in run.params.items():
            args += ["-p", name, str(value)]
        _run(args)
        _run([str(BIN / "jupyter"), "nbconvert", "--to", "html", str(executed), "--output-dir", str(folder)])
    return time.monotonic() - started


def kreport(folder: Path, reports, quarter: str, force: bool, cold: bool = False) -> float:
    args = [str(BIN / "kreport"), "build", "--out", str(folder), "--quarter", quarter]
    if reports:
        args += ["--report", *reports]
    if force:
        args.append("--force")
    if cold:
        args.append("--cold")
    started = time.monotonic()
    result = subprocess.run(args, capture_output=True, text=True, env=ENV)
    seconds = time.monotonic() - started
    if result.returncode != 0:
        sys.exit(f"kreport build failed:\n{result.stdout[-3000:]}\n{result.stderr[-2000:]}")
    for line in result.stdout.splitlines():
        if line.startswith("forecasts: "):
            print(f"    {line}", flush=True)
    return seconds


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", nargs="+", metavar="NAME", help="only these reports (default: all)")
    parser.add_argument("--quarter", help="YYYYQn (default: the latest in the data)")
    parser.add_argument("--skip-naive", action="store_true", help="leave out the papermill + nbconvert loop (1)")
    parser.add_argument("--keep", type=Path, help="keep the outputs in this folder (default: a temporary one)")
    args = parser.parse_args(argv)

    ENV.pop("KREPORT_CACHE_DIR", None)  # each build keeps its forecasts with its output
    root = args.keep or Path(tempfile.mkdtemp(prefix="kreport-bench-"))
    naive_dir, ours_dir = root / "naive", root / "kreport"
    for folder in (naive_dir, ours_dir):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    quarter, runs = plan(args.quarter, args.report, out_dir=ours_dir)
    print(f"kreport build benchmark: {len(runs)} runs of {quarter} on {os.cpu_count()} CPUs "
          f"({', '.join(sorted({r.report for r in runs}))})", flush=True)

    t_cold = kreport(ours_dir, args.report, quarter, force=True, cold=True)
    print(f"(0) kreport build --cold (first build, no forecasts cached): {t_cold:7.1f} s", flush=True)
    t_naive = None
    if not args.skip_naive:
        ENV["KREPORT_CACHE_DIR"] = str(root / "cache-naive")
        t_naive = naive(runs, naive_dir)
        ENV.pop("KREPORT_CACHE_DIR")
        print(f"(1) papermill + nbconvert, one after another:                {t_naive:7.1f} s", flush=True)
    t_full = kreport(ours_dir, args.report, quarter, force=True)
    print(f"(2) kreport build --force (warm, default jobs):               {t_full:7.1f} s", flush=True)
    t_again = kreport(ours_dir, args.report, quarter, force=False)
    print(f"(3) kreport build, nothing changed:                          {t_again:7.1f} s", flush=True)
    r_cold, r_again = t_cold / t_full, t_again / t_full
    cold_ok = t_cold <= 60 or r_cold <= 2
    print(f"(0) = {t_cold:.1f} s, (0)/(2) = {r_cold:.2f}  (target <= 60 s or <= 2: {'met' if cold_ok else 'NOT met'})")
    if t_naive is not None:
        r_full = t_full / t_naive
        print(f"(2)/(1) = {r_full:.2f}  (target <= 0.5: {'met' if r_full <= 0.5 else 'NOT met'})")
    print(f"(3)/(2) = {r_again:.3f}  (target <= 0.03: {'met' if r_again <= 0.03 else 'NOT met'})")
    if t_naive is None:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
        return 0

    print(f"\n{'page':28} {'kreport':>10} {'nbconvert lab':>14} {'ratio':>6}  offline")
    worst = 0.0
    all_offline = True
    for run in runs:
        ours = ours_dir / quarter / f"{run.name}.html"
        theirs = naive_dir / f"{run.name}.html"
        text = ours.read_text(encoding="utf-8")
        offline = not EXTERNAL.search(text)
        all_offline &= offline
        ratio = ours.stat().st_size / theirs.stat().st_size
        worst = max(worst, ratio)
        print(f"{run.name:28} {ours.stat().st_size / 1024:8.0f} kB {theirs.stat().st_size / 1024:11.0f} kB "
              f"{ratio:6.2f}  {'yes' if offline else 'NO'}")
    print(f"largest size ratio {worst:.2f} (target <= 0.5: {'met' if worst <= 0.5 else 'NOT met'}); "
          f"all pages offline: {'yes' if all_offline else 'NO'}")
    nb_external = sum(bool(EXTERNAL.search(p.read_text(encoding="utf-8"))) for p in naive_dir.glob("*.html"))
    print(f"nbconvert lab pages with external scripts/styles: {nb_external} of {len(runs)}")
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
