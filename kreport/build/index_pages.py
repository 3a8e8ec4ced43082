"""The index pages: one per quarter (its reports, status and headline figures) and one for all quarters."""

from __future__ import annotations

import re
from pathlib import Path

from kreport.build.catalog import REPORTS
from kreport.build.export import atomic_write
from kreport.build.manifest import read_manifest
from kreport.render.templating import render, stylesheet

__all__ = ["write_indexes"]

_QUARTER_DIR = re.compile(r"^\d{4}Q[1-4]$")
_STATUS = {"built": "✓ built", "skipped": "✓ built", "failed": "✗ failed"}


def _report_order(item) -> tuple:
    name, run = item
    return (list(REPORTS).index(run["report"]) if run.get("report") in REPORTS else 99, name)


def _quarter_index(quarter_dir: Path, manifest: dict, platforms) -> str:
    quarter = manifest.get("quarter", quarter_dir.name)
    rows = []
    for name, run in sorted(manifest.get("runs", {}).items(), key=_report_order):
        spec = REPORTS.get(run.get("report"))
        params = run.get("params", {})
        lang = params.get("lang", "en")
        title = spec.title(lang) if spec else name
        if "platform" in params and params["platform"] in platforms.index:
            row = platforms.loc[params["platform"]]
            title += " · " + (row["name_zh"] if lang == "zh" else row["name_en"])
        status = run.get("status", "?")
        rows.append({
            "title": title, "html": run.get("html"), "lang": lang, "status": _STATUS.get(status, status),
            "failed": status == "failed", "error": str(run.get("error", "")), "seconds": f"{run.get('seconds', 0):.1f}",
            "headlines": [{"label": str(h.get("label", "")), "value": str(h.get("value", ""))}
                          for h in run.get("records", {}).get("headlines", [])],
        })
    return render("quarter_index.html.j2", html_lang="en", title=f"kreport {quarter}", css=stylesheet(),
                  quarter=quarter, updated=manifest.get("updated", ""), runs=rows)


def write_indexes(out_dir: Path, dataset) -> None:
    """Rewrite every quarter's index.html and the top-level index.html from the manifests."""
    out_dir = Path(out_dir)
    quarters = sorted((p for p in out_dir.iterdir() if p.is_dir() and _QUARTER_DIR.match(p.name)), reverse=True)
    items = []
    for quarter_dir in quarters:
        manifest = read_manifest(quarter_dir)
        if not manifest:
            continue
        atomic_write(quarter_dir / "index.html", _quarter_index(quarter_dir, manifest, dataset.platforms))
        runs = manifest.get("runs", {}).values()
        items.append({"name": quarter_dir.name, "reports": len(runs), "failed": sum(r.get("status") == "failed" for r in runs)})
    atomic_write(out_dir / "index.html", render("all_quarters.html.j2", html_lang="en", title="kreport: all quarters",
                                                css=stylesheet(), quarters=items))
