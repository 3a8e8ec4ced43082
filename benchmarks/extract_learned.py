"""Does a learned reader generalise where the rules do not? Leave-one-set-out figures; prints, never tests.

Issue 23's blind sets show that rules written from seen pages no longer move the figure on unseen ones. This
benchmark measures the other reader the closing notes recommended: a statistical one, trained on the hand-checked
rows of every set but one and scored on the one left out, set by set, as a blind measurement would score it.

The reader (:mod:`kreport.extract.learned`): every amount on the page with a scale word (亿, billion, million ...)
is a candidate; a linear model over character n-grams of its context (years and quarters written relative to the
page's quarter) says which metric it is and which period relative to the page's (the quarter, the quarter a year
before, the year, the year before, the fiscal year). Per metric and period the most probable candidate is kept
when its probability is at least ``--threshold`` and no other candidate as probable gives another value.

The learned reader alone takes the page's company and quarter from its ``.meta.json`` (what an analyst who saved it knows, as ``--assisted``
in extract_benchmark.py); placement is measured there, not here.

    .venv/bin/python benchmarks/extract_learned.py [--thresholds 0.5,0.7] [--union] [--only SET,...] [--extra FOLDER] [--show SET]
    .venv/bin/python benchmarks/extract_learned.py --folds 5 [--c 16] [--thresholds 0.5]   # whole sets per fold, faster
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from kreport.config import DATA_DIR, PROJECT_ROOT
from kreport.extract import extract, learned
from kreport.extract.learned import Reader, hand_checked

RELEASES = PROJECT_ROOT / "tests" / "fixtures" / "releases"


def load_pages(folder: Path) -> list:
    """(name, page, expected rows) for every saved page of ``folder`` itself (not its subfolders)."""
    return hand_checked(folder, recursive=False)


def score(page, rows) -> dict[str, list[str]]:
    (_, example, expected) = page
    want = {(p, m, per): (float(v.replace(",", "")), u, q) for p, m, per, v, u, q in expected}
    outcome = {"correct": [], "wrong": [], "unexpected": [], "missing": []}
    got = set()
    for metric, period, value, unit, qualifier in rows:
        key = (example.platform, metric, period)
        got.add(key)
        line = f"{metric} {period} = {qualifier + ' ' if qualifier else ''}{value} {unit}"
        if key not in want:
            outcome["unexpected"].append(line)
        elif want[key] == (float(value.replace(",", "")), unit, qualifier):
            outcome["correct"].append(line)
        else:
            outcome["wrong"].append(f"{line} (expected {want[key]})")
    for key, (value, unit, _qualifier) in want.items():
        if key not in got:
            outcome["missing"].append(f"{key[1]} {key[2]} = {value:g} {unit}")
    return outcome


def _sets(root: Path) -> dict[str, list]:
    sets = {"insample": load_pages(root)}
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and p.name.startswith("heldout")):
        sets[folder.name] = load_pages(folder)
    return sets


def _rule_rows(folder: Path, names: list[str], reader: Reader | None = None) -> dict[str, list[tuple[str, str, str, str, str, str]]]:
    """The command's rows per page (as saved, nothing assisted): name → (platform, metric, period, value, unit, qualifier); with
    ``reader``, as ``kreport extract --learned`` reads with that model in place of the shipped one."""
    paths = [folder / f"{name}.txt" for name in names]
    rows: dict[str, list] = {name: [] for name in names}
    if reader is not None:
        learned.shipped = lambda: reader  # the fold's model, never the shipped one (trained on this set too)
    for row in extract(paths, data_dir=DATA_DIR, learned=reader is not None).rows:
        rows[row.file[: -len(".txt")]].append((row.platform, row.metric, row.period, row.value, row.unit, row.qualifier))
    return rows


def _union(page, rules: list, learned: list) -> list:
    """The rule reader's rows of the page's company, and the learned rows for metrics and periods the rules left open."""
    platform = page[1].platform
    own = [(m, p, v, u, q) for pl, m, p, v, u, q in rules if pl == platform]
    taken = {(m, p) for m, p, *_ in own}
    return own + [row for row in learned if (row[0], row[1]) not in taken]


def _line(name: str, pages: int, result: Counter) -> str:
    extracted = result["correct"] + result["wrong"] + result["unexpected"]
    expected = result["correct"] + result["wrong"] + result["missing"]
    precision = result["correct"] / extracted if extracted else 0
    recall = result["correct"] / expected if expected else 0
    return (f"{name:18} {pages:5} {expected:8} {result['correct']:7} {result['wrong']:5} {result['unexpected']:5} "
            f"{precision:9.1%} {recall:7.1%}")


def _folds(sets: dict[str, list], args) -> int:
    """The learned reader alone, each fold of whole sets read by a model trained on the other folds: one line per threshold."""
    names = list(sets)
    folds = [names[i::args.folds] for i in range(args.folds)]
    thresholds = [float(t) for t in args.thresholds.split(",")]
    totals = {t: Counter() for t in thresholds}
    for fold in folds:
        reader = Reader.train([page[1] for n in names if n not in fold for page in sets[n]],
                              **({"c": args.c} if args.c is not None else {}))
        for n in fold:
            for page in sets[n]:
                for t in thresholds:
                    rows = [(r.metric, r.period, r.value, r.unit, r.qualifier) for r in reader.read(page[1], threshold=t)]
                    totals[t].update({k: len(v) for k, v in score(page, rows).items()})
    print(f"{'set / reader':18} {'pages':>5} {'expected':>8} {'correct':>7} {'wrong':>5} {'unexp':>5} {'precision':>9} {'recall':>7}")
    for t, result in totals.items():
        print(_line(f"{args.folds} folds @{t}", sum(len(v) for v in sets.values()), result))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=Path, default=RELEASES)
    parser.add_argument("--thresholds", default="0.5,0.7,0.9")
    parser.add_argument("--show", default="", help="list the misses and wrong rows of this set (at the first threshold)")
    parser.add_argument("--only", default="", help="score only these sets (comma-separated)")
    parser.add_argument("--extra", type=Path, action="append", default=[],
                        help="a further set folder to score (never trained on when scored)")
    parser.add_argument("--union", action="store_true", help="also score the rule reader alone, the rules with the learned rows added, "
                        "and the command with --learned (the fold's model in place of the shipped one)")
    parser.add_argument("--c", type=float, default=None, help="the model's inverse regularisation (default: the shipped reader's)")
    parser.add_argument("--folds", type=int, default=0,
                        help="score the learned reader alone in N folds of whole sets (round robin) instead of one set at a time")
    args = parser.parse_args(argv)
    sets = _sets(args.releases)
    if args.folds:
        return _folds(sets, args)
    folders = {name: (args.releases if name == "insample" else args.releases / name) for name in sets}
    for extra in args.extra:
        sets[extra.name] = load_pages(extra)
        folders[extra.name] = extra
    thresholds = [float(t) for t in args.thresholds.split(",")]
    wanted = [s for s in args.only.split(",") if s] or list(sets)
    totals: dict[str, Counter] = {}
    print(f"{'set / reader':18} {'pages':>5} {'expected':>8} {'correct':>7} {'wrong':>5} {'unexp':>5} {'precision':>9} {'recall':>7}")
    for name in wanted:
        train = [page[1] for s in sets if s != name and s not in {e.name for e in args.extra} for page in sets[s]]
        reader = Reader.train(train)
        rules = _rule_rows(folders[name], [page[0] for page in sets[name]]) if args.union else {}
        command = _rule_rows(folders[name], [page[0] for page in sets[name]], reader) if args.union else {}
        results: dict[str, Counter] = {}
        for page in sets[name]:
            if args.union:
                outcome = score(page, [(m, p, v, u, q) for pl, m, p, v, u, q in rules[page[0]] if pl == page[1].platform])
                results.setdefault("rules", Counter()).update({k: len(v) for k, v in outcome.items()})
                outcome = score(page, [(m, p, v, u, q) for pl, m, p, v, u, q in command[page[0]] if pl == page[1].platform])
                results.setdefault("command", Counter()).update({k: len(v) for k, v in outcome.items()})
                if args.show == name:
                    for kind in ("wrong", "unexpected"):
                        for item in outcome[kind]:
                            print(f"  {'command':12} {kind:10} {page[0]}: {item}")
            for threshold in thresholds:
                learned = [(r.metric, r.period, r.value, r.unit, r.qualifier) for r in reader.read(page[1], threshold=threshold)]
                for label, rows in ((f"learned@{threshold}", learned),) + (((f"union@{threshold}", _union(page, rules[page[0]], learned)),)
                                                                          if args.union else ()):
                    outcome = score(page, rows)
                    results.setdefault(label, Counter()).update({k: len(v) for k, v in outcome.items()})
                    if args.show == name and threshold == thresholds[0]:
                        for kind in ("wrong", "unexpected", "missing"):
                            for item in outcome[kind]:
                                print(f"  {label:12} {kind:10} {page[0]}: {item}")
        for label, result in results.items():
            print(_line(f"{name} {label}", len(sets[name]), result))
            totals.setdefault(label, Counter()).update(result)
        sys.stdout.flush()
    for label, result in totals.items():
        print(_line(f"all {label}", 0, result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
