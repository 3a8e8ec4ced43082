"""The build manifest: what each run of a quarter produced, read by the next build and the index pages."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kreport.files import atomic_write

__all__ = ["MANIFEST", "RunResult", "read_manifest", "save_manifest"]

MANIFEST = "manifest.json"


@dataclass
class RunResult:
    name: str
    report: str
    params: dict
    status: str  # built | skipped | failed
    seconds: float = 0.0
    reason: str = ""
    html: str | None = None
    failed_notebook: str | None = None
    failed_cell: int | None = None
    error: str | None = None
    records: dict = field(default_factory=dict)
    key: dict = field(default_factory=dict)
    built_at: str | None = None  # when the published page was built (UTC, ISO 8601)


def read_manifest(quarter_dir: Path) -> dict:
    path = Path(quarter_dir) / MANIFEST
    if not path.exists():
        return {}
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        return {}  # a manifest we cannot read means: rebuild
    # Valid JSON of another shape (a list, runs that are not records) is read the same way: what
    # cannot be a run's record is dropped, and those runs are rebuilt.
    if not isinstance(manifest, dict):
        return {}
    runs = manifest.get("runs")
    manifest["runs"] = {str(k): v for k, v in runs.items() if isinstance(v, dict)} if isinstance(runs, dict) else {}
    for run in manifest["runs"].values():
        for name, kind in (("key", dict), ("records", dict), ("params", dict)):
            if not isinstance(run.get(name, kind()), kind):
                run[name] = kind()
    if not isinstance(manifest.get("slices"), dict):
        manifest.pop("slices", None)
    return manifest


def save_manifest(quarter_dir: Path, quarter: str, manifest: dict, results: list[RunResult], seconds=None,
                  slices: dict | None = None) -> None:
    """Record ``results`` in the quarter's manifest (and the data rows of the ``slices`` their keys name)."""
    runs = dict(manifest.get("runs", {}))
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    for result in results:
        entry = asdict(result)
        if result.status == "skipped":
            entry = {**runs.get(result.name, {}), "last_action": "skipped", "reason": result.reason}
        if result.status == "failed":  # since when the page is missing or stale: the first failure in a row
            old = runs.get(result.name, {})
            entry["failed_at"] = old.get("failed_at") if old.get("status") == "failed" and old.get("failed_at") else now
        if result.status == "failed" and result.name in runs and runs[result.name].get("html"):
            entry["html"] = runs[result.name]["html"]  # the last good page stays published
            entry["built_at"] = runs[result.name].get("built_at")
            entry["records"] = runs[result.name].get("records", {})
        runs[result.name] = entry
    manifest.update({
        "quarter": quarter,
        "updated": now,
        "runs": runs,
    })
    if seconds is not None:
        manifest["seconds"] = round(seconds, 2)
    # The rows of each data slice a recorded run was built from: the next plan names the rows that changed.
    known = {**manifest.get("slices", {}), **(slices or {})}
    used = {run.get("key", {}).get("data") for run in runs.values() if isinstance(run.get("key"), dict)}
    manifest["slices"] = {digest: rows for digest, rows in known.items() if digest in used}
    atomic_write(quarter_dir / MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False, default=str))
