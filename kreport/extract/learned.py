"""A learned reader: which metric and period an amount on a page is, from the words around it.

``kreport extract --learned`` (issue 23; figures in ``benchmarks/README.md``, made by ``benchmarks/extract_learned.py``). The rule
reader matches wordings; this one is trained on the hand-checked rows of the saved pages and scores every amount with a scale word:

- a *candidate* is an amount with its scale ("282.92亿元", "RMB 99.35 billion", "719.9 million"); an amount in US dollars
  is never one;
- its *context* is the page's text around it in matchable form (:func:`kreport.extract.cleaning.matchable`), with each year
  and quarter written relative to the page's own quarter ("Y0", "Y-1", "QA" for the page's quarter number, "QB" for another),
  so that what is learned from one quarter's pages carries to another's;
- a linear model (scikit-learn's logistic regression over character n-grams of the left and right context) gives each
  candidate a class: a metric and a period relative to the page's (``Q`` the quarter, ``Qp`` the quarter a year before,
  ``Y`` its calendar year, ``Yp`` the year before, ``FY`` and ``FYp`` an Alibaba fiscal year), or none;
- per metric and period the most probable candidate is kept when it is at least ``threshold`` probable, no other candidate
  that probable gives another value, its value lies in the metric's plausible band (:func:`band_for`), a pair in its sentence
  fits the change the sentence states, and a year's figure has words for a year around it;
- :func:`with_learned` adds what it keeps to the rule reader's figures, only where the rules neither read nor refused a figure.

The shipped model (:data:`MODEL`) is made by ``scripts/train_reader.py``. scikit-learn is imported only when a reader is trained
or reads, so importing this module costs nothing.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from kreport.dataset.schema import UNITS
from kreport.errors import DataError, ModelError
from kreport.extract.cleaning import matchable
from kreport.extract.figures import Figure, Skip
from kreport.extract.figures import Reading as FigureReading
from kreport.extract.periods import Span
from kreport.extract.release import Release
from kreport.extract.rules.generic import band_for

__all__ = ["MODEL", "Candidate", "Example", "Reader", "Reading", "candidates", "context_form", "corpus_digest", "hand_checked", "roles_of", "shipped",
           "training_pages", "with_learned", "THRESHOLD", "PLACING"]

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_AMOUNT = re.compile(
    rf"(?P<cur>RMB|CNY|CN¥|¥|US\$|USD|\$|HK\$)? ?(?<![\d.,])(?P<v>{_NUM}) ?(?P<u>万亿|亿|百万|trillion|billion|million|bn|mn|b\b|m\b)"
    r"(?P<after> ?(?:元|美元|港元|港币|人民币|yuan|renminbi|dollars|US dollars|RMB)?)",
    re.IGNORECASE)
_SCALE = {"万亿": ("RMB_trillion", None), "亿": ("RMB_100m", "100m"), "百万": ("RMB_mn", "million"),
          "trillion": ("RMB_trillion", None), "billion": ("RMB_bn", "billion"), "bn": ("RMB_bn", None), "b": ("RMB_bn", None),
          "million": ("RMB_mn", "million"), "mn": ("RMB_mn", None), "m": ("RMB_mn", None)}
_MONEY_METRICS = {"revenue_total", "revenue_marketing", "revenue_commerce", "gmv", "gmv_ttm"}
_LEFT, _RIGHT = 48, 24
_ZH_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4}
_EN_QUARTER = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_PERCENT = re.compile(r"(\d+(?:\.\d+)?) ?(?:%|percent\b|per cent\b)")
# Words that make a sentence about a year (not a quarter): a year's figure is read only from one that has them.
_YEAR_WORDS = re.compile(r"full[- ]year|fiscal (?:year)?|financial year|annual|for the year|(?:the )?year ended|twelve[- ]month|12[- ]month"
                         r"|全年|年度|财年|(?:19|20)\d{2}年(?!第|[一二三四]季|Q|上半|下半|前三|[1-9]|1[0-2]月)", re.IGNORECASE)
_OVER = re.compile(r"(?:over|more than|exceed(?:ed|ing)?|surpass(?:ed|ing)?|above|(?:超过|超|逾|突破|破)了?)\s*$", re.IGNORECASE)
_ABOUT = re.compile(r"(?:about|approximately|around|roughly|约|大约|约为)\s*$", re.IGNORECASE)
_VAGUE = re.compile(r"(?:nearly|almost|close to|(?:近|接近|将近|不到|少于)了?|less than|under)\s*$", re.IGNORECASE)


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


_N_FEATURES = 2 ** 17
# The probability a candidate needs, and the inverse regularisation strength: chosen on five-fold cross-validation over the sets
# (benchmarks/README.md: C 1, 4, 16, 64 at 0.5 gave recall 13, 27, 37, 42% at precision 93, 94, 94, 93%; C 16 at 0.6: 32%, 95%).
THRESHOLD = 0.5
C = 16.0
# The probability at which the model may give an amount the rules read but could not place in a period.
PLACING = 0.8
# The rule reader's reasons for leaving out an amount only for want of a period (figures.py, clauses.py).
_UNPLACED = re.compile(r": (?:its period could not be placed|the sentence names no period and sits outside any headed block)$")
MODEL = Path(__file__).with_name("model") / "reader.npz"


def _vectorizer():
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(analyzer=_analyzer, n_features=_N_FEATURES, alternate_sign=False, norm="l2")


@dataclass(frozen=True)
class Reader:
    """A trained model: the weights of the hashed n-gram columns any training example had, per class, and the classes.

    :meth:`train` makes one, :meth:`save` and :meth:`load` keep it in a NumPy archive (the shipped one is :data:`MODEL`, made by
    ``scripts/train_reader.py`` from the hand-checked pages), :meth:`read` reads a page. ``digest`` names what it was trained on."""

    columns: np.ndarray
    weights: np.ndarray  # classes × columns
    intercept: np.ndarray
    classes: tuple[str, ...]
    digest: str = ""

    @classmethod
    def train(cls, examples: list[Example], c: float = C, digest: str = "") -> Reader:
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
        if len(set(labels)) < 2:
            raise ModelError("the training pages give fewer than two kinds of candidate; there is nothing to learn")
        model = LogisticRegression(C=c, max_iter=3000)
        model.fit(_vectorizer().transform(documents), labels)
        columns = np.nonzero(np.abs(model.coef_).max(axis=0) > 0)[0]
        return cls(columns.astype(np.int32), model.coef_[:, columns].astype(np.float32), model.intercept_.astype(np.float32),
                   tuple(str(c) for c in model.classes_), digest)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as handle:  # a file object: savez_compressed adds no ".npz" to it
            np.savez_compressed(handle, columns=self.columns, weights=self.weights.astype(np.float16), intercept=self.intercept,
                                classes=np.array(self.classes), digest=np.array(self.digest))

    @classmethod
    def load(cls, path: Path = MODEL) -> Reader:
        try:
            with np.load(path, allow_pickle=False) as archive:
                return cls(archive["columns"], archive["weights"].astype(np.float32), archive["intercept"],
                           tuple(str(c) for c in archive["classes"]), str(archive["digest"]))
        except (OSError, KeyError, ValueError) as error:
            raise DataError(path, None, None, f"is not a reader model kreport can load ({error})") from error

    def probabilities(self, documents: list[str]) -> np.ndarray:
        matrix = _vectorizer().transform(documents)[:, self.columns]
        scores = matrix @ self.weights.T + self.intercept
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        return scores / scores.sum(axis=1, keepdims=True)

    def read(self, example: Example, threshold: float = THRESHOLD) -> list[Reading]:
        """What ``example``'s page gives, one :class:`Reading` per metric and period."""
        if not example.period:
            return []
        form = matchable(example.text)
        found = [c for c in candidates(form) if c.qualifier != "vague"]
        if not found:
            return []
        anchor = _anchor(example.period)
        periods = roles_of(anchor)
        probabilities = self.probabilities([_features(c, anchor) for c in found])
        best: dict[tuple[str, str], list[tuple[float, Candidate]]] = {}
        for candidate, row in zip(found, probabilities):
            for index, probability in enumerate(row):
                label = self.classes[index]
                if label == "none" or probability < threshold:
                    continue
                metric, role = label.split("|")
                best.setdefault((metric, periods[role]), []).append((float(probability), candidate))
        readings = []
        for (metric, period), scored in best.items():
            scored.sort(key=lambda item: -item[0])
            probability, top = scored[0]
            if any(abs(other.number - top.number) > 1e-9 or other.scale != top.scale for _, other in scored[1:]):
                continue
            unit = top.unit(metric)
            if unit is None or not _plausible(example.platform, metric, period, top.number, unit):
                continue
            quote = _quote(form, top)
            if not _change_fits(quote, top):
                continue
            if "Q" not in period and not _YEAR_WORDS.search(top.left + " " + quote):
                continue
            readings.append(Reading(metric, period, top.value.replace(",", ""), unit, top.qualifier, probability, quote))
        return readings


@dataclass(frozen=True)
class Reading:
    """A figure the learned reader gives: its metric, period label, value as printed (no separators), unit, qualifier, the
    model's probability and the words around it."""

    metric: str
    period: str
    value: str
    unit: str
    qualifier: str
    probability: float
    quote: str


def _decimals(text: str) -> int:
    return len(text.split(".", 1)[1]) if "." in text else 0


def _change_fits(quote: str, candidate: Candidate) -> bool:
    """False when the sentence pairs ``candidate`` with one other amount of its scale and states changes none of which the pair
    gives at the published precision ("506.2 million ..., up from 474.3 million ..., a growth of 6.4%": the pair gives 6.7%)."""
    others = [c for c in candidates(quote) if c.scale == candidate.scale and abs(c.number - candidate.number) > 1e-9]
    percents = _PERCENT.findall(quote)
    if len(others) != 1 or not percents or not others[0].number or not candidate.number:
        return True
    a, b = candidate.number, others[0].number
    for text in percents:
        stated = float(text)
        slack = 0.5 * 10 ** -_decimals(text)
        for new, old, new_text, old_text in ((a, b, candidate.value, others[0].value), (b, a, others[0].value, candidate.value)):
            change = abs(new / old - 1) * 100
            rounding = 100 * new / old * (0.5 * 10 ** -_decimals(new_text.replace(",", "")) / new
                                          + 0.5 * 10 ** -_decimals(old_text.replace(",", "")) / old)
            if abs(change - stated) <= slack + rounding:
                return True
    return False


def _quote(form: str, candidate: Candidate) -> str:
    """The sentence of ``form`` around ``candidate`` (between the stops before and after it)."""
    stops = ("。", ". ", ";", "；", " - ", "•", "·")
    start = max(form.rfind(stop, 0, candidate.start) for stop in stops)
    ends = [i for i in (form.find(stop, candidate.start) for stop in stops) if i != -1]
    end = min(ends) if ends else len(form)
    return form[start + 1: end + 1].strip()[:300]


def _page_files(root: Path, recursive: bool = True) -> list[tuple[Path, Path, Path]]:
    found = []
    for text in sorted(root.rglob("*.txt") if recursive else root.glob("*.txt")):
        meta, expected = text.with_suffix(".meta.json"), text.with_suffix(".expected.csv")
        if meta.exists() and expected.exists():
            found.append((text, meta, expected))
    return found


def hand_checked(root: Path, recursive: bool = True) -> list[tuple[str, Example, tuple[tuple[str, ...], ...]]]:
    """Every hand-checked page under ``root`` (a ``.txt`` with its ``.meta.json``, company and period, and ``.expected.csv``): its
    name, the page to learn from or read, and its expected rows (platform, metric, period, value, unit, qualifier)."""
    pages = []
    for text, meta, expected in _page_files(root, recursive):
        info = json.loads(meta.read_text(encoding="utf-8"))
        period = info["period"][0] if isinstance(info["period"], list) else str(info["period"] or "")
        with open(expected, newline="", encoding="utf-8") as handle:
            rows = tuple((r["platform"], r["metric"], r["period"], r["value"], r["unit"], r["qualifier"] or "")
                         for r in csv.DictReader(handle))
        example = Example(text.read_text(encoding="utf-8"), info["platform"], period, tuple((m, p, v, u) for _, m, p, v, u, _ in rows))
        pages.append((text.stem, example, rows))
    return pages


def training_pages(root: Path) -> list[Example]:
    """Every hand-checked page under ``root``, its subfolders included, to learn from."""
    return [example for _, example, _ in hand_checked(root)]


def corpus_digest(root: Path) -> str:
    """A digest of the hand-checked pages under ``root`` (names and contents): the shipped model records the one it was trained on."""
    digest = hashlib.sha256()
    for files in _page_files(root):
        for path in files:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def shipped() -> Reader:
    """The reader trained on every hand-checked page, as shipped (loaded once, on first use)."""
    return Reader.load(MODEL)


def _plausible(platform: str, metric: str, period: str, number: float, unit: str) -> bool:
    kind = "quarter" if "Q" in period else "fiscal_year" if period.startswith("FY") else "year"
    band = band_for(platform, metric, kind)
    if band is None:
        return True
    value = number * UNITS[unit].factor
    return band[0] <= value <= band[1]


def _number(text: str) -> bool:
    return re.fullmatch(r"\d+(?:\.\d+)?", text) is not None


def _span(label: str) -> Span:
    if label.startswith("FY"):
        return Span("fiscal_year", int(label[2:]))
    if "Q" in label:
        year, quarter = label.split("Q")
        return Span("quarter", int(year), int(quarter))
    return Span("year", int(label))


def with_learned(release: Release, reading: FigureReading, text: str, reader: Reader | None = None,
                 threshold: float = THRESHOLD) -> FigureReading:
    """``reading`` (the rule reader's) with the learned reader's figures for the metrics and periods it left open.

    Nothing is added to a page whose company or quarter is not known, for a metric and period the rules read, or for one the rules
    left out with a reason naming that period (two different values, a vague wording, a change that does not fit), nor an amount
    the rules read and left out: the model does not overrule a refusal. The one exception is an amount the rules left out only
    because they could not place its period (no period in its sentence, outside any headed block): placing a figure by the words
    around it is what the model is for, and it may then give the figure when it is at least :data:`PLACING` probable. Each added
    figure says in its note that a model read it, with the model's probability."""
    if release.platform is None or release.period is None:
        return reading
    reader = reader or shipped()
    taken = {(f.metric, f.period.label) for f in reading.figures}
    refused = [str(why) for why in reading.skipped]
    # an amount the rules read and left out (its period unclear, its change not fitting ...) is never the model's to add
    left_out: dict[tuple[float, str], bool] = {}  # amount → whether every refusal of it was for want of a period only
    for why in reading.skipped:
        if isinstance(why, Skip) and why.value and why.unit and _number(why.value):
            key = (float(why.value), why.unit)
            left_out[key] = left_out.get(key, True) and bool(_UNPLACED.search(why))
    roles = roles_of(release.period)
    earlier = {roles["Qp"], roles["Yp"], roles["FYp"]}  # a year before the page's: its comparatives
    added = []
    for found in reader.read(Example(text, release.platform, release.period.label), threshold=threshold):
        amount = (float(found.value), found.unit)
        if (found.metric, found.period) in taken or any(found.metric in why and found.period in why for why in refused):
            continue
        if amount in left_out and not (left_out[amount] and found.probability >= PLACING):
            continue
        role = "comparative" if found.period in earlier else "headline"
        line = f"read by the learned reader (a model; probability {found.probability:.2f}): check it against the quote"
        added.append(Figure(release.platform, found.metric, _span(found.period), found.value, found.unit, found.qualifier, found.quote,
                            role, line, weak=True))
    return FigureReading(reading.figures + tuple(added), reading.skipped)
