"""The pieces every company's rules are written with: numbers, units, footnotes, bounds, periods.

Rules match the :func:`matchable <kreport.extract.cleaning.matchable>` form of a sentence (one space
between words, simplified script, ASCII punctuation). Their named groups:

``v``, ``u``        the figure and its unit word (billion, 亿 ...)
``lead``            the words before the figure that may make it a bound ("exceeded", "超", "约")
``when``            the figure's own period, where the sentence states it
``pv``, ``pu``      the prior-year comparative and its unit word
``pwhen``           the comparative's period ("for the same period of 2024", "去年同期", "2023年")
``dir``, ``g``      the stated change (increase / 增长 ...) and its percent, checked against the two figures
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kreport.extract.periods import MONTH, YEAR

__all__ = ["Rule", "NUM", "FN", "USD", "MONTH", "YEAR", "money_en", "people_en", "money_zh", "people_zh",
           "CHANGE_EN", "SAME_PERIOD_EN", "LEAD_EN", "LEAD_ZH", "SAME_PERIOD_ZH", "QUARTER_ZH", "DATE",
           "QUALIFIERS", "qualifier_of", "UNIT_WORDS", "rule"]

NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# A footnote mark glued to a word: GMV1, users 3, GMV(1), GMV (1), 总交易额2).
FN = r"(?: ?\(\d{1,2}\)| ?\d{1,2}\)?(?![\d.,%]))?"
USD = r"(?: ?\(US\$[^)]*\))?"
DATE = rf"{MONTH} \d{{1,2}},? ?(?:{YEAR}|\d{{0,3}})"


def money_en(v: str = "v", u: str = "u") -> str:
    return rf"RMB ?(?P<{v}>{NUM}) ?(?P<{u}>billion|million|trillion)\b{USD}"


def people_en(v: str = "v", u: str = "u") -> str:
    return rf"(?P<{v}>{NUM}) ?(?P<{u}>million|billion)\b"


def money_zh(v: str = "v", u: str = "u") -> str:
    return rf"人民币?(?P<{v}>{NUM})(?P<{u}>万亿|亿|百万)元"


def people_zh(v: str = "v", u: str = "u") -> str:
    return rf"(?P<{v}>{NUM})(?P<{u}>亿|百万)"


CHANGE_EN = rf"an? (?P<dir>increase|decrease) of (?P<g>{NUM})%"
SAME_PERIOD_EN = (rf"(?P<pwhen>(?:for|in) the same (?:period|quarter) (?:of|in) {YEAR}"
                  rf"|(?:for|in) the same (?:period|quarter) (?:of )?last year|in {YEAR}|for {YEAR})")
LEAD_EN = (r"(?P<lead>(?:were|was|reached|totaled|totalled|exceeded|surpassed)"
           r"(?: over| more than| approximately| about| around| nearly| almost| less than| under)?)")
LEAD_ZH = r"(?P<lead>为约|为超过|为|达到约|达到|达约|达|超过|超|逾|多于|约|近|接近|将近|不到|少于|突破)"
SAME_PERIOD_ZH = rf"(?P<pwhen>去年同期|去年|{YEAR}年同期|{YEAR}年)"
QUARTER_ZH = rf"{YEAR}年第?[一二三四]季度|第[一二三四]季度|本季度"

UNIT_WORDS = {
    # "b" and "m": only after a yuan sign ("CN¥35.5b"), the one wording that reads them
    "money": {"billion": "RMB_bn", "million": "RMB_mn", "trillion": "RMB_trillion", "bn": "RMB_bn", "mn": "RMB_mn", "b": "RMB_bn", "m": "RMB_mn",
              "亿": "RMB_100m", "百万": "RMB_mn", "万亿": "RMB_trillion"},
    "people": {"million": "million", "billion": "billion", "亿": "100m", "百万": "million"},
}

# Words before a figure and the qualifier they give it. None: too vague to record ("nearly", "近").
QUALIFIERS: tuple[tuple[str, str | None], ...] = (
    (r"nearly|almost|接近|将近|^近$", None),
    (r"over|more than|exceeded|surpassed|超过|^超$|逾|多于|突破|为超过", "over"),
    (r"approximately|about|around|约", "about"),
    (r"less than|under|不到|少于", "under"),
)


def qualifier_of(lead: str | None) -> str | None:
    """The qualifier the lead words give ("" for an exact figure), None if the figure must not be read."""
    lead = (lead or "").strip().lower()
    for words, qualifier in QUALIFIERS:
        if re.search(words, lead):
            return qualifier
    return ""


@dataclass(frozen=True)
class Rule:
    """One wording of one metric in one company's releases.

    ``kinds``: the blocks the wording may be read in (a sentence outside any block needs its own period).
    ``period``: how the figure's period is read: ``block`` (the block's, or the sentence's own ``when``)
    or ``ttm`` (twelve months ended the date in ``when``). ``weak``: a looser wording, such as an
    executive's quote, used only where no other wording gave the figure. ``refuse``: a sentence that
    also matches this is not read by the rule (another product's users, for example).
    """

    metric: str
    pattern: re.Pattern
    line: str
    kinds: tuple[str, ...] = ("quarter", "year", "intro")
    period: str = "block"
    weak: bool = False
    refuse: re.Pattern | None = None


def rule(metric: str, pattern: str, line: str, *, english: bool, **options) -> Rule:
    """A Rule from its pattern's text; English patterns ignore case, Chinese ones have none."""
    flags = re.IGNORECASE if english else 0
    refuse = options.pop("refuse", None)
    return Rule(metric, re.compile(pattern, flags), line, refuse=re.compile(refuse, flags) if refuse else None, **options)

