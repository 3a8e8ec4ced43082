"""The index pages: one per quarter (its reports, status and headline figures) and one for all quarters."""

from __future__ import annotations

import html
import re
from pathlib import Path

from .catalog import REPORTS
from .export import atomic_write

__all__ = ["write_indexes"]

_QUARTER_DIR = re.compile(r"^\d{4}Q[1-4]$")
_STATUS = {"built": "✓ built", "skipped": "✓ built", "failed": "✗ failed"}


def _page(title: str, body: str) -> str:
    css = (Path(__file__).parent / "templates" / "report.css").read_text(encoding="utf-8")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>\n{css}\n</style>\n</head>\n<body>\n"
        f'<main class="report">\n{body}\n</main>\n</body>\n</html>\n'
    )


def _headlines(records: dict) -> str:
    items = records.get("headlines", [])
    return "<br>".join(
        f"{html.escape(str(h.get('label', '')))}: <b>{html.escape(str(h.get('value', '')))}</b>" for h in items
    )


def _quarter_index(quarter_dir: Path, manifest: dict, platforms) -> str:
    quarter = manifest.get("quarter", quarter_dir.name)
    rows = []
    for name, run in sorted(manifest.get("runs", {}).items(), key=lambda kv: (list(REPORTS).index(kv[1]["report"])
                                                                              if kv[1].get("report") in REPORTS else 99, kv[0])):
        spec = REPORTS.get(run.get("report"))
        params = run.get("params", {})
        lang = params.get("lang", "en")
        title = (spec.title_zh if lang == "zh" else spec.title_en) if spec else name
        if "platform" in params and params["platform"] in platforms.index:
            row = platforms.loc[params["platform"]]
            title += " · " + (row["name_zh"] if lang == "zh" else row["name_en"])
        status = run.get("status", "?")
        link = f'<a href="{html.escape(run["html"])}">{html.escape(title)}</a>' if run.get("html") else html.escape(title)
        detail = ""
        if status == "failed":
            kept = " (showing the last good version)" if run.get("html") else ""
            detail = f'<div class="estimate">{html.escape(str(run.get("error", "")))}{kept}</div>'
        rows.append(
            f"<tr><td>{link}{detail}</td><td>{lang}</td><td>{_STATUS.get(status, status)}</td>"
            f"<td class=\"num\">{run.get('seconds', 0):.1f}</td><td>{_headlines(run.get('records', {}))}</td></tr>"
        )
    body = (
        f'<header class="title-block"><div class="kicker">kreport</div><h1>China content e-commerce · {quarter}</h1>'
        f'<div class="meta">Reports of {quarter} · 中国内容电商季度报告 · updated {html.escape(manifest.get("updated", ""))}'
        '</div></header>'
        '<p><a href="../index.html">All quarters</a></p>'
        '<table class="data-table"><thead><tr><th>Report</th><th>Language</th><th>Status</th><th>Seconds</th>'
        f'<th>Headline figures</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )
    return _page(f"kreport {quarter}", body)


def write_indexes(out_dir: Path, dataset) -> None:
    """Rewrite every quarter's index.html and the top-level index.html from the manifests."""
    from .build import read_manifest

    out_dir = Path(out_dir)
    quarters = sorted((p for p in out_dir.iterdir() if p.is_dir() and _QUARTER_DIR.match(p.name)), reverse=True)
    items = []
    for quarter_dir in quarters:
        manifest = read_manifest(quarter_dir)
        if not manifest:
            continue
        atomic_write(quarter_dir / "index.html", _quarter_index(quarter_dir, manifest, dataset.platforms))
        runs = manifest.get("runs", {}).values()
        failed = sum(r.get("status") == "failed" for r in runs)
        note = f", {failed} failed" if failed else ""
        items.append(f'<li><a href="{quarter_dir.name}/index.html">{quarter_dir.name}</a> '
                     f'— {len(runs)} reports{note}</li>')
    body = (
        '<header class="title-block"><div class="kicker">kreport</div><h1>China content e-commerce reports</h1>'
        '<div class="meta">中国内容电商季度报告 · trust, interest and shelf e-commerce · newest quarter first</div></header>'
        f'<ul>{"".join(items)}</ul>'
    )
    atomic_write(out_dir / "index.html", _page("kreport: all quarters", body))
