"""The slice of the data a report run reads, hashed row by row, so a build reruns only the pages an edit reaches.

A run's slice is derived from its report's grid: a report run per platform (``platform``,
``trends``) reads that platform's figures, events, disclosure records and its row of
platforms.csv; every other report reads every platform's. Figures count up to the end of the
quarter built (what ``open_report`` loads), unless the report also reads later periods (the
brief compares the whole metrics file with last quarter's snapshot). Of sources.csv a slice
holds the sources its rows cite.

Each row gets a label that names it for readers ("pdd revenue_total 2025Q4", "source pdd-2025q4")
and a hash of its content. A slice's digest is the hash of its labels and row hashes; the plan
keeps the row hashes of the slices it used, so the next plan can say which rows were added,
changed or removed.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict

import pandas as pd

from kreport.dataset.load import Dataset
from kreport.dataset.periods import period_label

__all__ = ["DataSlices", "describe_changes"]

_SHOWN = 3  # changes named in a reason; the rest are counted


def _text(value) -> str:
    if isinstance(value, (tuple, list)):
        return ";".join(map(str, value))
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def _rows(frame: pd.DataFrame, label) -> list[tuple[str, str, dict]]:
    """(label, content hash, row) for every row of a loaded table; labels made unique with #2, #3…"""
    columns = [c for c in frame.columns if c != "line"]
    out, seen = [], defaultdict(int)
    for row in frame.to_dict("records"):
        name = label(row)
        seen[name] += 1
        if seen[name] > 1:
            name = f"{name} #{seen[name]}"
        content = json.dumps([_text(row[c]) for c in columns], ensure_ascii=False)
        out.append((name, hashlib.sha256(content.encode()).hexdigest()[:16], row))
    return out


def _cited(row) -> list[str]:
    ids = [_text(row.get("source_id"))]
    more = row.get("corroborated_by")
    if isinstance(more, (tuple, list)):
        ids += [str(x) for x in more]
    elif isinstance(more, str) and more:
        ids += [x.strip() for x in more.split(";")]
    return [i for i in ids if i]


class DataSlices:
    """The rows of a dataset, indexed once; :meth:`digest` gives a slice's digest (and keeps its rows in ``rows``)."""

    def __init__(self, dataset: Dataset, quarter: pd.Period):
        cutoff = quarter.end_time
        m = dataset.metrics
        self._metrics = [(name, digest, row["platform"], row["period_end"] <= cutoff, _cited(row))
                         for name, digest, row in _rows(m, lambda r: f"{r['platform']} {r['metric']} "
                                                        f"{period_label(r['period'], r.get('period_kind'))}"
                                                        + ("" if r.get("basis") in ("reported", None) else f" ({r['basis']})"))]
        self._events = [(name, digest, row["platform"], row["date"] <= cutoff, _cited(row))
                        for name, digest, row in _rows(dataset.events, lambda r: f"event {r['platform']} {r['event_id']}")]
        self._disclosures = [(name, digest, row["platform"], True, _cited(row))
                             for name, digest, row in _rows(dataset.disclosures,
                                                            lambda r: f"disclosure {r['platform']} {r['metric']} {r['event']}")]
        self._platforms = {row["platform"]: (name, digest)
                           for name, digest, row in _rows(pd.concat([dataset.platforms, dataset.markets]).reset_index(drop=True),
                                                          lambda r: f"platform {r['platform']}")}
        self._sources = {row["source_id"]: (name, digest)
                         for name, digest, row in _rows(dataset.sources, lambda r: f"source {r['source_id']}")}
        self.rows: dict[str, dict[str, str]] = {}
        self._digests: dict[tuple, str] = {}

    def digest(self, platform: str | None, later_periods: bool = False) -> str:
        """The digest of one platform's slice (``None``: every platform's); ``later_periods`` adds figures after the quarter."""
        wanted = (platform, later_periods)
        if wanted in self._digests:
            return self._digests[wanted]
        rows: dict[str, str] = {}
        cited: set[str] = set()
        for table in (self._metrics, self._events, self._disclosures):
            for name, digest, owner, in_time, ids in table:
                if (platform is None or owner == platform) and (in_time or later_periods):
                    rows[name] = digest
                    cited.update(ids)
        for owner, (name, digest) in self._platforms.items():
            if platform is None or owner == platform:
                rows[name] = digest
        for source in sorted(cited):
            if source in self._sources:
                name, digest = self._sources[source]
                rows[name] = digest
        total = hashlib.sha256(json.dumps(sorted(rows.items())).encode()).hexdigest()
        self.rows[total] = rows
        self._digests[wanted] = total
        return total


def describe_changes(old: dict | None, new: dict | None) -> str:
    """"pdd revenue_total 2025Q4 changed, pdd gmv 2025Q4 added" between two slices' rows (or why it cannot say)."""
    if not isinstance(old, dict) or not isinstance(new, dict):
        return "the rows read changed (no record of the rows of the last build)"
    changes = [f"{name} added" if name not in old else f"{name} changed"
               for name, digest in new.items() if old.get(name) != digest]
    changes += [f"{name} removed" for name in old if name not in new]
    if not changes:
        return "the rows read changed"
    shown = ", ".join(changes[:_SHOWN])
    return shown + (f" and {len(changes) - _SHOWN} more" if len(changes) > _SHOWN else "")
