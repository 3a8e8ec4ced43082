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


# A synthetic market row (China's online retail sales, issue 22) and its source, for tests that need one.
MARKET_PLATFORM = "china,China (synthetic market),全国（合成）,market,National Bureau of Statistics,国家统计局,synthetic,合成,12\n"
MARKET_SOURCE = ("t-nbs,[Synthetic NBS figures],kreport tests,https://example.org/kreport-tests/nbs,2026-01-17,"
                 "tests/fixtures/data (synthetic),official\n")


@pytest.fixture
def market_data(tmp_path):
    """A function giving a copy of the synthetic data with the market row ``china`` and the given market (or other) rows,
    each ``platform,metric,period,value,qualifier,unit,basis`` (source t-nbs); ``folder`` keeps several copies apart."""
    def make(*rows: str, folder: str = "data") -> Path:
        data = tmp_path / folder
        shutil.copytree(SYNTHETIC_DATA_DIR, data)
        with open(data / "platforms.csv", "a", encoding="utf-8") as out:
            out.write(MARKET_PLATFORM)
        with open(data / "sources.csv", "a", encoding="utf-8") as out:
            out.write(MARKET_SOURCE)
        with open(data / "metrics.csv", "a", encoding="utf-8") as out:
            out.write("".join(f"{r},t-nbs,synthetic,\n" for r in rows))
        return data
    return make
# --- end of data fixtures ---------------------------------------------------------------


# --- browser fixtures (tests/test_browser.py, tests/test_screens.py) ---------------------
# One built site and one headless Chromium for the whole session: both browser test modules read them.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium_path() -> str:
    """The system Chromium; skips the test without one, fails it when CI is set."""
    import os

    path = os.environ.get("KREPORT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if path:
        return path
    message = ("chromium is not installed: run `make system-deps` "
               "(or `apt-get install chromium fonts-noto-cjk`) to run the browser test")
    if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
        pytest.fail(message + " [CI is set: the browser test may not be skipped]")
    pytest.skip(message)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """Every report whose notebook exists, both languages, every platform (one with KREPORT_BROWSER_PLATFORM=douyin).

    KREPORT_BROWSER_SITE=reports/ checks an already built folder instead of building.
    """
    import os

    from kreport.publish.catalog import REPORTS
    from kreport.publish.orchestrator import build

    chromium_path()
    if os.environ.get("KREPORT_BROWSER_SITE"):
        return Path(os.environ["KREPORT_BROWSER_SITE"])
    out = tmp_path_factory.mktemp("browser") / "reports"
    catalog = {name: spec for name, spec in REPORTS.items() if spec.path.exists()}
    platform = os.environ.get("KREPORT_BROWSER_PLATFORM", "all")
    params = {} if platform == "all" else {"platform": platform}
    results = build(out_dir=out, catalog=catalog, params=params, echo=lambda line: None)
    failed = [(r.name, r.error) for r in results if r.status != "built"]
    assert not failed, failed
    return out


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def built_site(site) -> Path:
    """The built site under the name the reader-contract test (tests/test_reader_contract.py) reads it by."""
    return site
# --- end of browser fixtures -------------------------------------------------------------
