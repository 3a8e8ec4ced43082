"""Every path of the project (kreport/config.py): defined once, overridable by environment, no side effects."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from kreport import config

ROOT = Path(__file__).resolve().parent.parent


def _paths_in_a_fresh_process(env_changes: dict, cwd: Path) -> dict:
    """config's paths as a new interpreter sees them with ``env_changes`` (None removes a variable)."""
    env = {k: v for k, v in os.environ.items() if k not in ("KREPORT_DATA_DIR", "KREPORT_REPORTS_DIR")}
    env.update({k: v for k, v in env_changes.items() if v is not None})
    # config.py alone, without the package around it: quick, and only its own import counts.
    code = ("import importlib.util, json; "
            f"spec = importlib.util.spec_from_file_location('kreport_config', {str(ROOT / 'kreport' / 'config.py')!r}); "
            "config = importlib.util.module_from_spec(spec); spec.loader.exec_module(config); "
            "print(json.dumps({k: str(getattr(config, k)) for k in config.__all__}))")
    result = subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_paths_are_those_of_the_project():
    assert config.PROJECT_ROOT == ROOT
    assert (config.PROJECT_ROOT / "pyproject.toml").is_file()
    assert config.NOTEBOOKS_DIR == ROOT / "notebooks"
    assert config.SNAPSHOT == "data-snapshot.csv"
    assert set(config.__all__) == {"PROJECT_ROOT", "DATA_DIR", "NOTEBOOKS_DIR", "REPORTS_DIR", "SNAPSHOT"}


def test_defaults_do_not_depend_on_the_working_directory(tmp_path):
    paths = _paths_in_a_fresh_process({}, cwd=tmp_path)
    assert paths["DATA_DIR"] == str(ROOT / "data")
    assert paths["REPORTS_DIR"] == str(ROOT / "reports")
    assert paths["PROJECT_ROOT"] == str(ROOT)


def test_environment_variables_move_the_data_and_reports(tmp_path):
    paths = _paths_in_a_fresh_process(
        {"KREPORT_DATA_DIR": str(tmp_path / "d"), "KREPORT_REPORTS_DIR": str(tmp_path / "r")}, cwd=tmp_path)
    assert paths["DATA_DIR"] == str(tmp_path / "d")
    assert paths["REPORTS_DIR"] == str(tmp_path / "r")
    assert paths["NOTEBOOKS_DIR"] == str(ROOT / "notebooks")  # notebooks belong to the code, not the environment
    # An empty variable means "not set", not the current directory.
    empty = _paths_in_a_fresh_process({"KREPORT_DATA_DIR": "", "KREPORT_REPORTS_DIR": ""}, cwd=tmp_path)
    assert (empty["DATA_DIR"], empty["REPORTS_DIR"]) == (str(ROOT / "data"), str(ROOT / "reports"))


def test_importing_creates_nothing(tmp_path):
    _paths_in_a_fresh_process({"KREPORT_DATA_DIR": str(tmp_path / "d"), "KREPORT_REPORTS_DIR": str(tmp_path / "r")},
                              cwd=tmp_path)
    assert list(tmp_path.iterdir()) == []
