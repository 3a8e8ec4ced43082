"""Shared pytest fixtures. Keep each contributor's fixtures in their own marked block."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kreport.config import PROJECT_ROOT
from kreport.dataset.schema import TABLES


# --- statistics: one BLAS thread (tests/test_models.py, test_backtest.py, test_forecast.py, test_breaks.py)
@pytest.fixture(autouse=True, scope="session")
def _one_blas_thread():
    """Small statsmodels fits run far slower when BLAS threads compete for busy cores."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        yield


# --- data fixtures ----------------------------------------------------------------------
# Tests of behaviour read the small synthetic dataset in tests/fixtures/data/, so editing data/
# never breaks a unit test. Only the checks of the shipped data itself (tests/test_shipped_data.py)
# and the end-to-end and browser tests read data/.

SHIPPED_DATA_DIR = PROJECT_ROOT / "data"
SYNTHETIC_DATA_DIR = Path(__file__).resolve().parent / "fixtures" / "data"


@pytest.fixture
def shipped_data_dir() -> Path:
    """The committed data folder (not $KREPORT_DATA_DIR). Read it; never write to it."""
    return SHIPPED_DATA_DIR


@pytest.fixture
def synthetic_data_dir() -> Path:
    """The synthetic test dataset (tests/fixtures/data). Read it; never write to it."""
    return SYNTHETIC_DATA_DIR


@pytest.fixture
def synthetic_data_copy(tmp_path) -> Path:
    """A fresh copy of the four synthetic CSVs in a temporary folder, free to edit."""
    target = tmp_path / "data"
    target.mkdir()
    for name in TABLES:
        shutil.copyfile(SYNTHETIC_DATA_DIR / name, target / name)
    return target
# --- end of data fixtures ---------------------------------------------------------------


# --- the built set: every report of the catalog on the shipped data, built once per test session -----------
@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """Every report whose notebook exists, both languages, every platform (one with KREPORT_BROWSER_PLATFORM=douyin),
    at the data's latest quarter. KREPORT_BROWSER_SITE=reports/ checks an already built folder instead of building.
    Shared by the browser test and the reader-contract test, so CI builds the set once."""
    import os

    from kreport.publish.catalog import REPORTS
    from kreport.publish.orchestrator import build

    if os.environ.get("KREPORT_BROWSER_SITE"):
        return Path(os.environ["KREPORT_BROWSER_SITE"])
    out = tmp_path_factory.mktemp("site") / "reports"
    catalog = {name: spec for name, spec in REPORTS.items() if spec.path.exists()}
    platform = os.environ.get("KREPORT_BROWSER_PLATFORM", "all")
    params = {} if platform == "all" else {"platform": platform}
    results = build(out_dir=out, catalog=catalog, params=params, echo=lambda line: None)
    failed = [(r.name, r.error) for r in results if r.status != "built"]
    assert not failed, failed
    return out
# --- end of the built set ---------------------------------------------------------------
