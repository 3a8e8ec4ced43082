"""How fast the command line starts: `kreport --help` timed, and what `import kreport.cli` loads.

Prints figures; not a test (tests/test_imports.py asserts the imports). Target: `kreport --help`
under 0.5 s, and no matplotlib, seaborn, scipy or statsmodels imported by `import kreport.cli`.

    .venv/bin/python benchmarks/cli_benchmark.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

KREPORT = Path(sys.executable).with_name("kreport")
HEAVY = ("matplotlib", "seaborn", "scipy", "statsmodels")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args(argv)
    times = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        subprocess.run([str(KREPORT), "--help"], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    best, median = min(times), statistics.median(times)
    print(f"kreport --help: best {best:.3f} s, median {median:.3f} s of {args.repeat} "
          f"(target < 0.5 s: {'met' if median < 0.5 else 'NOT met'})")
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", "import kreport.cli"],
                            capture_output=True, text=True, check=True)
    modules = {line.split("|")[-1].strip().split(".")[0] for line in result.stderr.splitlines() if "|" in line}
    heavy = sorted(set(HEAVY) & modules)
    total = [line for line in result.stderr.splitlines() if line.rstrip().endswith("| kreport.cli")]
    cumulative = int(total[-1].split("|")[1]) / 1e6 if total else float("nan")
    print(f"import kreport.cli: {cumulative:.3f} s cumulative, {len(modules)} top-level packages; "
          f"heavy libraries loaded: {', '.join(heavy) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
