"""Every path of the project, defined once. Importing this has no side effects."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["PROJECT_ROOT", "DATA_DIR", "NOTEBOOKS_DIR", "REPORTS_DIR", "SNAPSHOT"]

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("KREPORT_DATA_DIR") or PROJECT_ROOT / "data")
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
REPORTS_DIR = Path(os.environ.get("KREPORT_REPORTS_DIR") or PROJECT_ROOT / "reports")
# Each build keeps the metrics file it read under this name in the quarter's folder,
# so the next quarter's brief can list revisions.
SNAPSHOT = "data-snapshot.csv"
