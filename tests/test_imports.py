"""Importing kreport has no side effects and is light: the command line never pays for the plotting stack."""

import subprocess
import sys

import pytest

HEAVY = ("matplotlib", "seaborn", "scipy", "statsmodels")


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys\nprint(' '.join(sorted(sys.modules)))"],
                         capture_output=True, text=True, check=True).stdout.split()
    return {name.split(".")[0] for name in out}


@pytest.mark.parametrize("module", ["kreport", "kreport.cli", "kreport.dataset.periods", "kreport.dataset.validate",
                                    "kreport.publish.plan", "kreport.extract"])
def test_importing_needs_no_plotting_or_model_library(module):
    loaded = _modules_after(f"import {module}")
    assert not loaded & set(HEAVY), f"import {module} loads {sorted(loaded & set(HEAVY))}"


@pytest.mark.parametrize("argv", [["--help"], ["validate"], ["plan"], ["params", "brief"]])
def test_commands_that_draw_nothing_never_import_the_plotting_stack(argv):
    code = ("import contextlib, io\nfrom kreport.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
            f"    try:\n        main({argv!r})\n    except SystemExit:\n        pass")
    loaded = _modules_after(code)
    assert not loaded & set(HEAVY), f"kreport {' '.join(argv)} loads {sorted(loaded & set(HEAVY))}"


def test_drawing_a_chart_leaves_matplotlibs_backend_and_settings_alone():
    code = """
import matplotlib
backend = matplotlib.get_backend()
before = dict(matplotlib.rcParams)
import pandas as pd
from kreport.render import charts
frame = pd.DataFrame({"period": pd.period_range("2024Q1", periods=4, freq="Q"), "value": [1.0, 2.0, 3.0, 4.0],
                      "basis": "reported", "platform": "kuaishou", "metric": "gmv"})
chart = charts.line_chart(frame, colours={"kuaishou": "#d9480f"})
assert chart.svg.startswith("<svg")
assert matplotlib.get_backend() == backend, (backend, matplotlib.get_backend())
changed = {k for k, v in matplotlib.rcParams.items() if str(before.get(k)) != str(v)}
assert not changed, sorted(changed)
print("ok")
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip().endswith("ok"), result.stderr[-2000:]


def test_the_command_lines_timeout_default_is_the_runs():
    from kreport import cli
    from kreport.publish import run

    assert cli.DEFAULT_TIMEOUT == run.DEFAULT_TIMEOUT
