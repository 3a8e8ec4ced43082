"""A learned reader: which metric and period an amount on a page is, from the words around it.

An experiment for issue 23 (see ``benchmarks/extract_learned.py``), not yet part of ``kreport extract``. The rule reader matches
wordings; this one is trained on the hand-checked rows of the saved pages and scores every amount with a scale word:

- a *candidate* is an amount with its scale ("282.92亿元", "RMB 99.35 billion", "719.9 million"); an amount in US dollars
  is never one;
- its *context* is the page's text around it in matchable form (:func:`kreport.extract.cleaning.matchable`), with each year
  and quarter written relative to the page's own quarter ("Y0", "Y-1", "QA" for the page's quarter number, "QB" for another),
  so that what is learned from one quarter's pages carries to another's;
- a linear model (scikit-learn's logistic regression over character n-grams of the left and right context) gives each
  candidate a class: a metric and a period relative to the page's (``Q`` the quarter, ``Qp`` the quarter a year before,
  ``Y`` its calendar year, ``Yp`` the year before, ``FY`` and ``FYp`` an Alibaba fiscal year), or none;
- per metric and period the most probable candidate is kept when it is at least ``threshold`` probable, no other candidate
  that probable gives another value, and its value lies in the metric's plausible band (:func:`band_for`).

scikit-learn is imported only when a reader is trained, so importing this module costs nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kreport.dataset.schema import UNITS
from kreport.extract.cleaning import matchable
from kreport.extract.periods import Span
from kreport.extract.rules.generic import band_for

__all__ = ["Candidate", "Reader", "candidates", "context_form", "roles_of"]

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_AMOUNT = re.compile(
    rf"(?P<cur>RMB|CNY|CN¥|¥|US\$|USD|\$|HK\$)? ?(?P<v>{_NUM}) ?(?P<u>万亿|亿|百万|trillion|billion|million|bn|mn|b\b|m\b)"
    r"(?P<after> ?(?:元|美元|港元|港币|人民币|yuan|renminbi|dollars|US dollars|RMB)?)",
    re.IGNORECASE)
_SCALE = {"万亿": ("RMB_trillion", None), "亿": ("RMB_100m", "100m"), "百万": ("RMB_mn", "million"),
          "trillion": ("RMB_trillion", None), "billion": ("RMB_bn", "billion"), "bn": ("RMB_bn", None), "b": ("RMB_bn", None),
          "million": ("RMB_mn", "million"), "mn": ("RMB_mn", None), "m": ("RMB_mn", None)}
_MONEY_METRICS = {"revenue_total", "revenue_marketing", "revenue_commerce", "gmv", "gmv_ttm"}
_LEFT, _RIGHT = 48, 24
_ZH_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4}
_EN_QUARTER = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_OVER = re.compile(r"(?:over|more than|exceed(?:ed|ing)?|surpass(?:ed|ing)?|above|超过|超|逾|突破|破)\s*$", re.IGNORECASE)
_ABOUT = re.compile(r"(?:about|approximately|around|roughly|约|大约)\s*$", re.IGNORECASE)
_VAGUE = re.compile(r"(?:nearly|almost|close to|近|接近|将近|不到|少于|less than|under)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    """An amount on the page: its value as printed, its scale word, where it stands and the words around it."""

    value: str
    scale: str
    start: int
    left: str
    right: str
    qualifier: str

    def unit(self, metric: str) -> str | None:
        money, people = _SCALE[self.scale.lower() if self.scale.isascii() else self.scale]
        return money if metric in _MONEY_METRICS else people

    @property
    def number(self) -> float:
        return float(self.value.replace(",", ""))


def _anchor(period: str) -> Span:
    """The quarter a page's period is read from: a year's page is its fourth quarter's, a fiscal year's its March quarter's."""
    if period.startswith("FY"):
        return Span("quarter", int(period[2:]), 1)
    if "Q" in period:
        year, quarter = period.split("Q")
        return Span("quarter", int(year), int(quarter))
    return Span("quarter", int(period), 4)


def _relative_year(year: int, anchor: Span) -> str:
    offset = year - anchor.year
    return f" Y{offset:+d} " if -2 <= offset <= 1 else " Yx "


def context_form(text: str, anchor: Span) -> str:
    """``text`` with its years and quarter numbers written relative to ``anchor`` (the same length is not kept)."""
    text = re.sub(r"(?<!\d)((?:19|20)\d{2})(?!\d)", lambda m: _relative_year(int(m.group(1)), anchor), text)
    text = re.sub(r"(?<![A-Za-z])Q([1-4])(?!\d)", lambda m: " QA " if int(m.group(1)) == anchor.quarter else " QB ", text)
    text = re.sub(r"(?<!\d)([1-4])Q(?![A-Za-z])", lambda m: " QA " if int(m.group(1)) == anchor.quarter else " QB ", text)
    text = re.sub(r"([一二三四])(?=季)", lambda m: "甲" if _ZH_QUARTER[m.group(1)] == anchor.quarter else "乙", text)
    text = re.sub(r"\b(first|second|third|fourth)(?= quarter)", lambda m: "QA" if _EN_QUARTER[m.group(1).lower()] == anchor.quarter
                  else "QB", text, flags=re.IGNORECASE)
    return text


def candidates(text: str) -> list[Candidate]:
    """Every amount with a scale word in ``text`` (a page's matchable form), US dollar and Hong Kong dollar amounts left out."""
    found = []
    for match in _AMOUNT.finditer(text):
        currency, after = (match.group("cur") or "").upper(), match.group("after").strip().lower()
        if currency in {"US$", "USD", "$", "HK$"} or after in {"美元", "港元", "港币", "dollars", "us dollars"}:
            continue
        before = text[max(0, match.start() - 40): match.start()]
        if re.search(r"(?:US\$|USD|\$)\s*$", before):
            continue
        qualifier = "over" if _OVER.search(before) else "about" if _ABOUT.search(before) else "vague" if _VAGUE.search(before) else ""
        found.append(Candidate(match.group("v"), match.group("u"), match.start("v"),
                               text[max(0, match.start() - _LEFT): match.start()], text[match.end(): match.end() + _RIGHT], qualifier))
    return found


def roles_of(anchor: Span) -> dict[str, str]:
    """The periods a candidate may be placed in, by role: role → period label."""
    return {"Q": anchor.label, "Qp": Span("quarter", anchor.year - 1, anchor.quarter).label,
            "Y": str(anchor.year), "Yp": str(anchor.year - 1),
            "FY": f"FY{anchor.year if anchor.quarter == 1 else anchor.year + 1}",
            "FYp": f"FY{anchor.year - 1 if anchor.quarter == 1 else anchor.year}"}


def _features(candidate: Candidate, anchor: Span) -> str:
    left = context_form(candidate.left, anchor)[-40:]
    right = context_form(candidate.right, anchor)[:20]
    return f"{left}\u2039{candidate.scale.lower()}\u203a{right}"


def _analyzer(document: str) -> list[str]:
    left, rest = document.split("\u2039", 1)
    scale, right = rest.split("\u203a", 1)
    grams = [f"s:{scale}"]
    for n in (1, 2, 3):
        grams += [f"L{n}:{left[i:i + n]}" for i in range(max(0, len(left) - n + 1))]
        grams += [f"N{n}:{left[i:i + n]}" for i in range(max(0, len(left) - 14), max(0, len(left) - n + 1))]
        grams += [f"R{n}:{right[i:i + n]}" for i in range(max(0, len(right) - n + 1))]
    return grams


@dataclass(frozen=True)
class Example:
    """A page to learn from or to read: its text, company, period (``2024Q3``, ``2024``, ``FY2023``) and, to learn from, its rows
    as (metric, period, value, unit) tuples."""

    text: str
    platform: str
    period: str
    rows: tuple[tuple[str, str, str, str], ...] = ()


def _labels(example: Example, found: list[Candidate]) -> list[str]:
    anchor = _anchor(example.period)
    role_of = {label: role for role, label in roles_of(anchor).items()}
    labels = []
    for candidate in found:
        label = "none"
        for metric, period, value, unit in example.rows:
            role = role_of.get(period)
            if role is None or candidate.unit(metric) != unit:
                continue
            if abs(float(value.replace(",", "")) - candidate.number) < 1e-9:
                label = f"{metric}|{role}"
                break
        labels.append(label)
    return labels


@dataclass
class Reader:
    """A trained model and what it reads with; :meth:`train` makes one, :meth:`read` reads a page."""

    model: object
    vectorizer: object
    classes: list[str] = field(default_factory=list)

    @classmethod
    def train(cls, examples: list[Example], c: float = 4.0) -> Reader:
        from sklearn.feature_extraction.text import HashingVectorizer
        from sklearn.linear_model import LogisticRegression

        documents, labels = [], []
        for example in examples:
            if not example.period:
                continue
            form = matchable(example.text)
            found = candidates(form)
            anchor = _anchor(example.period)
            documents += [_features(candidate, anchor) for candidate in found]
            labels += _labels(example, found)
        vectorizer = HashingVectorizer(analyzer=_analyzer, n_features=2 ** 17, alternate_sign=False, norm="l2")
        model = LogisticRegression(C=c, max_iter=3000)
        model.fit(vectorizer.transform(documents), labels)
        return cls(model, vectorizer, list(model.classes_))

    def read(self, example: Example, threshold: float = 0.5) -> list[tuple[str, str, str, str, str]]:
        """Rows (metric, period, value, unit, qualifier) of ``example``'s page."""
        if not example.period:
            return []
        form = matchable(example.text)
        found = [c for c in candidates(form) if c.qualifier != "vague"]
        if not found:
            return []
        anchor = _anchor(example.period)
        periods = roles_of(anchor)
        probabilities = self.model.predict_proba(self.vectorizer.transform([_features(c, anchor) for c in found]))
        best: dict[tuple[str, str], list[tuple[float, Candidate]]] = {}
        for candidate, row in zip(found, probabilities):
            for index, probability in enumerate(row):
                label = self.classes[index]
                if label == "none" or probability < threshold:
                    continue
                metric, role = label.split("|")
                best.setdefault((metric, periods[role]), []).append((probability, candidate))
        rows = []
        for (metric, period), scored in best.items():
            scored.sort(key=lambda item: -item[0])
            top = scored[0][1]
            if any(abs(other.number - top.number) > 1e-9 or other.scale != top.scale for _, other in scored[1:]):
                continue
            unit = top.unit(metric)
            if unit is None or not _plausible(example.platform, metric, period, top.number, unit):
                continue
            rows.append((metric, period, top.value, unit, top.qualifier))
        return rows


def _plausible(platform: str, metric: str, period: str, number: float, unit: str) -> bool:
    kind = "quarter" if "Q" in period else "fiscal_year" if period.startswith("FY") else "year"
    band = band_for(platform, metric, kind)
    if band is None:
        return True
    value = number * UNITS[unit].factor
    return band[0] <= value <= band[1]
