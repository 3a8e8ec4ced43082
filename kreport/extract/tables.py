"""Markdown tables of machine summaries: ``| Metric | Q1 2022 | Q1 2021 | YoY Change |`` then
``| Average DAU (million) | 345.5 | 295.3 | +17.0% |``, often run together on one line.

A row is read only when everything about it is stated: the header names the page's quarter in the first value
column and the quarter a year before in the second, the row's label is a metric of the company's under a name
known here, and its unit is in the label or the header ("(million)", "(RMB million)"; "RMB thousand" is no unit of
metrics.csv, so such a row is left out). Where the row states its change, the two values must fit it at their
published precision, or the row is left out with the reason. Figures read here are a looser source than a
release's own sentences (``weak``): a release's wording settles a figure both give.
"""

from __future__ import annotations

import re

from kreport.extract.cleaning import matchable
from kreport.extract.periods import Span, quarter_named
from kreport.extract.release import Release
from kreport.extract.values import plain, within_growth

__all__ = ["table_figures", "LABELS"]

# Row labels of each company's metrics (matched on the label without its parenthetical unit, ignoring case).
LABELS: dict[str, dict[str, str]] = {
    "kuaishou": {"dau": r"average DAUs?", "mau": r"average MAUs?", "gmv": r"(?:total )?e-commerce GMV",
                 "revenue_total": r"(?:total )?revenues?", "revenue_marketing": r"online marketing services?",
                 "revenue_commerce": r"other services"},
    "pdd": {"revenue_total": r"total revenues?", "revenue_marketing": r"online marketing services(?: and others)?",
            "revenue_commerce": r"transaction services", "mau": r"average monthly active users"},
    "jd": {"revenue_total": r"(?:total )?net revenues?", "revenue_commerce": r"(?:total )?net service revenues?"},
    "alibaba": {"revenue_total": r"(?:total )?revenues?"},
}
_UNITS = {"million": "million", "rmb million": "RMB_mn", "rmb billion": "RMB_bn", "rmb mn": "RMB_mn", "rmb bn": "RMB_bn",
          "rmb 100 million": "RMB_100m"}
_PEOPLE = {"dau", "mau"}
_CELL = r"[^|]*?"
_HEADER = re.compile(rf"\| ?(?:Metric|Item|Indicator) ?\| ?(?P<a>{_CELL}) ?\| ?(?P<b>{_CELL}) ?\|", re.IGNORECASE)
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_ROW = re.compile(rf"\| ?(?P<label>[A-Za-z][^|]*?) ?\| ?(?P<a>{_NUMBER}) ?\| ?(?P<b>{_NUMBER}) ?\|"
                  rf"(?: ?(?P<c>[+-]?\(?(?:{_NUMBER})%\)?) ?\|)?")


def _period(cell: str) -> Span | None:
    return quarter_named(re.sub(r"\s*\(.*\)\s*$", "", cell).strip())


def _unit(text: str, metric: str) -> str | None:
    """The unit a label or header cell states in brackets, if it is one of metrics.csv's for the metric's kind."""
    match = re.search(r"\(([^()]*)\)", text)
    unit = _UNITS.get(match.group(1).strip().lower()) if match else None
    return unit if unit is not None and (unit == "million") == (metric in _PEOPLE) else None


def table_figures(release: Release, figure) -> tuple[list, list[str]]:
    """The figures the markdown tables of ``release`` state; ``figure(metric, period, value, unit, role, quote)`` makes one."""
    labels = LABELS.get(release.platform or "", {})
    found, skipped = [], []
    if not labels or release.period is None or release.period.kind != "quarter":
        return found, skipped
    for located in release.sentences:
        text = located.segment.text
        form = matchable(text)
        headers = list(_HEADER.finditer(form))
        for row in _ROW.finditer(form):
            header = next((h for h in reversed(headers) if h.end() <= row.start()), None)
            if header is None:
                continue
            label = re.sub(r"\s*\(.*\)\s*$", "", row.group("label")).strip()
            metric = next((m for m, words in labels.items() if re.fullmatch(words, label, re.IGNORECASE)), None)
            if metric is None:
                continue
            unit = _unit(row.group("label"), metric) or _unit(header.group("a"), metric)
            now, then = _period(header.group("a")), _period(header.group("b"))
            quote = row.group().strip()
            where = f"{metric} in the table row {quote[:60]!r}"
            if unit is None:
                skipped.append(f"{where}: its unit is not one of metrics.csv")
                continue
            if now != release.period or then != release.period.year_earlier():
                skipped.append(f"{where}: its columns are not {release.period} and the year before")
                continue
            if change := row.group("c"):
                sign = -1 if change.startswith(("-", "(")) else 1
                if not within_growth(plain(row.group("a")), unit, plain(row.group("b")), unit, re.sub(r"[^\d.]", "", change), sign):
                    skipped.append(f"{where}: the stated change {change} does not fit {row.group('a')} against {row.group('b')}; left out")
                    continue
            exact = quote if quote in text else text  # the quote is always the original text
            found.append(figure(metric, now, plain(row.group("a")), unit, "headline", exact))
            found.append(figure(metric, then, plain(row.group("b")), unit, "comparative", exact))
    return found, skipped
