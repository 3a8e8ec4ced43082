"""The index pages: one per quarter and language (its reports and headline figures), and one for all quarters.

Readers see no build internals here (seconds, the status of a successful run: those stay in
the manifest and the CLI summary); a report whose build failed says it is missing and since when.
"""

from __future__ import annotations

import re
from pathlib import Path

from kreport.files import atomic_write
from kreport.publish.catalog import REPORTS
from kreport.publish.manifest import read_manifest
from kreport.publish.navigation import index_name, page_title
from kreport.render.templating import render, stylesheet
from kreport.render.text import LANGUAGES, t

__all__ = ["write_indexes"]

_QUARTER_DIR = re.compile(r"^\d{4}Q[1-4]$")


def _report_order(item) -> tuple:
    name, run = item
    return (list(REPORTS).index(run["report"]) if run.get("report") in REPORTS else 99, name)


def _when(stamp: str | None) -> str:
    return (stamp or "")[:16].replace("T", " ")


def _quarter_index(quarter: str, manifest: dict, platforms, lang: str) -> str:
    rows = []
    for _, run in sorted(manifest.get("runs", {}).items(), key=_report_order):
        params = run.get("params", {})
        if params.get("lang", "en") != lang:
            continue
        problem = ""
        if run.get("status") == "failed":
            when = _when(run.get("failed_at") or manifest.get("updated"))
            problem = (t("index.kept", lang, built=_when(run.get("built_at")), when=when) if run.get("html")
                       else t("index.missing", lang, when=when))
        rows.append({
            "title": page_title(run.get("report", ""), params, platforms), "html": run.get("html"), "problem": problem,
            "headlines": [{"label": str(h.get("label", "")), "value": str(h.get("value", ""))}
                          for h in run.get("records", {}).get("headlines", [])],
        })
    other = next(x for x in LANGUAGES if x != lang)
    return render("quarter_index.html.j2", html_lang="zh-CN" if lang == "zh" else "en",
                  title=t("index.title", lang, quarter=quarter), css=stylesheet(), heading=t("index.title", lang, quarter=quarter),
                  meta=t("index.meta", lang, updated=_when(manifest.get("updated"))), other=index_name(other), other_lang=other,
                  other_label=t("index.other", lang), all_label=t("nav.all", lang), col_report=t("index.col.report", lang),
                  col_headlines=t("index.col.headlines", lang), runs=rows)


def write_indexes(out_dir: Path, dataset, quarters=None) -> None:
    """Write the indexes of ``quarters`` (default: every quarter folder) and the top-level index.html."""
    out_dir = Path(out_dir)
    folders = sorted((p for p in out_dir.iterdir() if p.is_dir() and _QUARTER_DIR.match(p.name)), reverse=True)
    items = []
    for quarter_dir in folders:
        manifest = read_manifest(quarter_dir)
        if not manifest:
            continue
        if quarters is None or quarter_dir.name in quarters:
            for lang in LANGUAGES:
                atomic_write(quarter_dir / index_name(lang),
                             _quarter_index(manifest.get("quarter", quarter_dir.name), manifest, dataset.platforms, lang))
        runs = manifest.get("runs", {}).values()
        items.append({"name": quarter_dir.name,
                      "missing": sum(r.get("status") == "failed" and not r.get("html") for r in runs)})
    atomic_write(out_dir / "index.html", render("all_quarters.html.j2", html_lang="en", title="kreport: all quarters",
                                                css=stylesheet(), quarters=items))
