"""Each quarter, end to end (README "Each quarter"): `kreport extract` a release, review, `--apply`,
`kreport validate`, then a build of one small report for the new quarter, on a copy of the synthetic data."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kreport.publish.orchestrator import build

pytestmark = pytest.mark.slow

KREPORT = str(Path(sys.executable).with_name("kreport"))
RELEASE = Path(__file__).resolve().parent.parent / "fixtures" / "extract" / "kuaishou-2025q4-synthetic-zh-hant.txt"


def kreport(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([KREPORT, *args], capture_output=True, text=True, timeout=120)


def test_extract_review_apply_validate_build(synthetic_data_copy, tmp_path):
    data = str(synthetic_data_copy)
    review = kreport("extract", str(RELEASE), "--data", data)
    assert review.returncode == 0, review.stderr
    rows = list(csv.DictReader(io.StringIO(review.stdout)))
    assert {(r["metric"], r["period"], r["value"], r["unit"], r["status"]) for r in rows} == {
        ("dau", "2025Q4", "4.200", "100m", "new"), ("dau", "2024Q4", "3.950", "100m", "rounding"),
        ("gmv", "2025Q4", "2600", "RMB_100m", "new"), ("gmv", "2024Q4", "2400", "RMB_100m", "same"),
        ("revenue_total", "2025Q4", "400", "RMB_100m", "new"), ("revenue_total", "2024Q4", "354", "RMB_100m", "new"),
        ("gmv", "2025", "8375", "RMB_100m", "new"), ("gmv", "2024", "7650", "RMB_100m", "same"),
    }
    assert "5 new, 2 same, 1 rounding, 0 conflict" in review.stderr
    assert not list(synthetic_data_copy.glob("*.bak-*")), "reviewing writes nothing"

    applied = kreport("extract", str(RELEASE), "--data", data, "--apply")
    assert applied.returncode == 0, applied.stderr
    assert "appended 5 rows" in applied.stderr and len(list(synthetic_data_copy.glob("*.bak-*"))) == 2

    validated = kreport("validate", "--data", data)
    assert validated.returncode == 0, validated.stderr
    assert re.search(r"periods 2020Q4 to 2025Q4, 13 sources, 4 events; 0 errors, 0 warnings", validated.stdout), validated.stdout

    out = tmp_path / "reports"
    results = build("2025Q4", ["data"], data_dir=synthetic_data_copy, out_dir=out, jobs=1, params={"lang": "en"}, echo=lambda line: None)
    assert [(r.name, r.status) for r in results] == [("data-en", "built")]
    page = re.sub(r"<[^>]+>", " ", (out / "2025Q4" / "data-en.html").read_text(encoding="utf-8"))
    assert re.search(r"2025Q4\s+420\s+million", page)  # the new DAU, 4.200億, in the data appendix
    assert "kuaishou-2025q4-zh-hant" in page
