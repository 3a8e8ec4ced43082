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


# --- data fixtures (tests/test_validate.py, tests/test_data.py) -------------------------

SHIPPED_DATA_DIR = PROJECT_ROOT / "data"


@pytest.fixture
def shipped_data_dir() -> Path:
    """The committed data folder (not $KREPORT_DATA_DIR). Read it; never write to it."""
    return SHIPPED_DATA_DIR


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A fresh copy of the four shipped CSVs in a temporary folder, free to edit."""
    target = tmp_path / "data"
    target.mkdir()
    for name in TABLES:
        shutil.copyfile(SHIPPED_DATA_DIR / name, target / name)
    return target
# --- end of data fixtures ---------------------------------------------------------------
