"""The import contracts in pyproject.toml (`make lint`) hold, and a back-import breaks them."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT = Path(sys.executable).with_name("lint-imports")


def _lint(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINT), "--config", str(root / "pyproject.toml")], cwd=root, capture_output=True,
                          text=True, env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"}, timeout=300)


@pytest.fixture(scope="module")
def tree_copy(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("tree")
    shutil.copytree(ROOT / "kreport", root / "kreport", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    return root


@pytest.mark.skipif(not LINT.exists(), reason="import-linter is not installed (pip install -e '.[test]')")
def test_the_layers_are_kept(tree_copy):
    result = _lint(tree_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.skipif(not LINT.exists(), reason="import-linter is not installed (pip install -e '.[test]')")
@pytest.mark.parametrize(("module", "back_import"), [
    ("kreport/dataset/periods.py", "import kreport.stats.series"),  # dataset reaching up to statistics
    ("kreport/render/tables.py", "import kreport.publish.catalog"),  # rendering reaching up to the build
    ("kreport/stats/derived.py", "import matplotlib.pyplot"),  # statistics drawing
    ("kreport/sections/brief.py", "import kreport.sections.trends"),  # one report reading another
    ("kreport/extract/rows.py", "import kreport.stats.series"),  # extraction reaching up to statistics
    ("kreport/dataset/load.py", "import kreport.extract.rows"),  # the dataset reaching over to extraction
])
def test_a_back_import_breaks_a_contract(tree_copy, module, back_import):
    path = tree_copy / module
    original = path.read_text(encoding="utf-8")
    # Inside a function counts too: a cycle dodged that way is still a cycle.
    path.write_text(original + f"\n\ndef _dodge():\n    {back_import}\n", encoding="utf-8")
    try:
        result = _lint(tree_copy)
    finally:
        path.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    assert "BROKEN" in result.stdout
