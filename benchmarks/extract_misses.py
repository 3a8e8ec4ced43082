"""Where each missed expected row of the held-out sets is lost in `kreport extract`'s pipeline (issue 23, rules12).

Prints one line per miss and a table of misses by stage; not a test. Stages, in pipeline order:

- page: the page is not placed under the expected company, or not in the quarter its `.meta.json` gives (``period``);
- sentence: no sentence of the page holds the expected quote's figure (split away, or a table/heading cut);
- wording: no rule for the metric matches a sentence holding the figure (the metric vocabulary or the phrasing);
- period: a rule read the figure but its period could not be placed (own words, block, page quarter);
- guard: a rule read the figure and a guard refused it (kreport/extract/guards.py or a check in figures.py);
- settled: the figure was read and placed, then dropped when settling (two values, a part above its whole);
- other: read with another value, period or unit.

    .venv/bin/python benchmarks/extract_misses.py [--set heldout2 ... heldout23 | held] [--show]
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import sys
from pathlib import Path

from kreport.config import PROJECT_ROOT
from kreport.extract import figures as figures_module
from kreport.extract.reading import read_document
from kreport.extract.release import read_release

RELEASES = PROJECT_ROOT / "tests" / "fixtures" / "releases"
HELD = [f"heldout{n}" for n in range(2, 24)]
STAGES = ("page", "sentence", "wording", "period", "guard", "settled", "other")
_PERIOD_WORDS = ("period", "quarter", "placed", "year", "block", "half", "comparative", "names no")


def _fiscal() -> dict[str, int]:
    with open(PROJECT_ROOT / "data" / "platforms.csv", newline="", encoding="utf-8") as handle:
        return {r["platform"]: int(r["fiscal_year_end_month"]) for r in csv.DictReader(handle) if r["fiscal_year_end_month"].isdigit()}


def _digits(value: str) -> str:
    return value.replace(",", "")


def classify(path: Path, fiscal: dict[str, int]) -> list[tuple[str, str, str]]:
    """(stage, missed row, detail) for every expected row of ``path`` the extractor does not give."""
    expected_path = path.with_name(path.name[: -len(".txt")] + ".expected.csv")
    with open(expected_path, newline="", encoding="utf-8") as handle:
        expected = list(csv.DictReader(handle))
    if not expected:
        return []
    meta_path = path.with_name(path.name[: -len(".txt")] + ".meta.json")
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    document = read_document(path)
    release = read_release(document.text, name=str(path), fiscal_year_end_month=fiscal)
    calls: list[tuple] = []
    original = figures_module._read_sentence

    def traced(release_, rule, text, quote, block, skipped, *args, **kwargs):
        before = len(skipped)
        found = original(release_, rule, text, quote, block, skipped, *args, **kwargs)
        calls.append((rule, text, quote, found, list(skipped[before:])))
        return found

    figures_module._read_sentence = traced
    try:
        reading = figures_module.read_figures(release) if release.platform else None
    finally:
        figures_module._read_sentence = original
    kept = {(f.platform, f.metric, f.period.label): f for f in reading.figures} if reading else {}
    out = []
    for row in expected:
        key = (row["platform"], row["metric"], row["period"])
        label = f"{path.parent.name}/{path.stem}: {' '.join(key)} = {row['value']} {row['unit']}"
        got = kept.get(key)
        if got is not None and (got.value, got.unit, got.qualifier) == (row["value"], row["unit"], row["qualifier"]):
            continue
        value = _digits(row["value"])
        placed = release.period.label if release.period else ""
        if release.platform != meta.get("platform", row["platform"]) or (meta.get("period") and placed != meta["period"]
                                                                           and placed != f"{meta['period']}Q4"):
            out.append(("page", label, f"placed as {release.platform} {release.period.label if release.period else None}"
                        f" (meta: {meta.get('platform')} {meta.get('period')})"))
            continue
        holding = [loc for loc in release.sentences if value in _digits(loc.segment.text)]
        if not holding:
            out.append(("sentence", label, "no sentence holds the figure"))
            continue
        mine = [c for c in calls if c[0].metric == row["metric"] and value in _digits(c[2])]
        read = [f for c in mine for f in c[3] if _digits(f.value) == value]
        skips = [s for c in mine for s in c[4] if value in _digits(str(s))]
        if any(f.period.label == row["period"] for f in read):
            out.append(("settled", label, "; ".join(s for s in reading.skipped if row["metric"] in s)[:160]))
        elif read:
            out.append(("other", label, "read for " + ", ".join(sorted({f.period.label for f in read}))))
        elif skips:
            why = str(skips[0]).split(": ", 1)[-1]
            stage = "period" if any(w in why for w in _PERIOD_WORDS) and "another company" not in why else "guard"
            out.append((stage, label, why[:160]))
        elif got is not None:
            out.append(("other", label, f"kept {got.value} {got.unit} {got.qualifier}"))
        else:
            out.append(("wording", label, holding[0].segment.text.strip()[:160]))
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="held", help="heldout2 ... heldout23, or held: all of them")
    parser.add_argument("--show", action="store_true", help="print every miss with its stage and detail")
    args = parser.parse_args(argv)
    fiscal = _fiscal()
    sets = HELD if args.set == "held" else [args.set]
    table: dict[str, collections.Counter] = {}
    for name in sets:
        counts = table.setdefault(name, collections.Counter())
        for path in sorted((RELEASES / name).glob("*.txt")):
            for stage, label, detail in classify(path, fiscal):
                counts[stage] += 1
                if args.show:
                    print(f"{stage:9} {label}\n          {detail}")
    print(f"\n{'set':10}" + "".join(f"{s:>9}" for s in STAGES) + f"{'total':>8}")
    total = collections.Counter()
    for name, counts in table.items():
        total.update(counts)
        print(f"{name:10}" + "".join(f"{counts[s]:9}" for s in STAGES) + f"{sum(counts.values()):8}")
    print(f"{'all':10}" + "".join(f"{total[s]:9}" for s in STAGES) + f"{sum(total.values()):8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
