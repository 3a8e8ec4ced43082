"""Guards that refuse a figure in doubt, whatever rule read it (issue 23: precision first on pages never seen).

Each guard looks only at the words of the figure's own clause and answers with the reason it refuses, or "":

- **another metric**: a revenue figure whose words name net income, profit or a loss ("net income was",
  "净利润", "淨收入" on any page but JD's, where it is JD's net revenues): never revenue;
- **a comparative's place**: a headline figure right after "from", "compared with", "versus", "than" or their Chinese
  ("由…的", "较", "从"): that number is the comparison, not the period's figure;
- **the second of two figures**: a figure right after "<figure> and" ("374 million and 654 million") is read only by a
  wording for the pair (one name for each figure, in order);
- **another period in the clause**: a period named after the figure in its own clause ("RMB 94.18 billion, up 16.2%
  year-over-year in 2022", "RMB7,290.0 million in Q2 2018", "..., for the full year") that is not the figure's own
  period. A period that belongs to a comparison ("from RMB2,709.0 million in Q2 2018", "compared with the fourth
  quarter of 2023", "较2023年的3.825亿") is the comparison's, and is checked where the comparative is read.
"""

from __future__ import annotations

import re

from kreport.extract.periods import MONTH, SHORT_QUARTER, YEAR, Span, date_quarter, quarter_named, year_of

__all__ = ["refusal"]

_CHINESE = re.compile(r"[\u4e00-\u9fff]")

# --- another metric -------------------------------------------------------------------------------------------
_NOT_REVENUE_EN = re.compile(r"\bnet (?:income|profits?|loss(?:es)?|earnings)\b|\b(?:gross |operating |net )?profits?\b"
                             r"|\b(?:operating|comprehensive) income\b|\bincome from operations\b|\bEBITDA\b|\bearnings per\b",
                             re.IGNORECASE)
_NOT_REVENUE_ZH = re.compile(r"净?利润|淨?利潤|盈利|净亏损|淨虧損|亏损|虧損|经营利润|經營利潤|每股收益|每股盈利")
_NET_INCOME_ZH = re.compile(r"净收入|淨收入")  # JD's net revenues in its translations; net income in the others'

# --- a comparative's place ------------------------------------------------------------------------------------
_COMPARED_EN = re.compile(r"\b(?:from|compared (?:with|to)|versus|vs\.?|against|(?<!more )(?<!less )(?<!fewer )(?<!no )than)\s+(?:the\s+)?"
                          r"(?:RMB|US\$|USD|CNY|HK\$|\$)?\s?$",
                          re.IGNORECASE)
_COMPARED_ZH = re.compile(r"(?:由|从|從|(?<!同)(?:较|較|相比|对比|對比|比))[^,;。:至到达達为為]{0,14}的\s?(?:人民币|人民幣)?\s?$")

# --- the second of two figures ----------------------------------------------------------------------------------
_AFTER_FIGURE = re.compile(r"\d\s?(?:million|billion|trillion|亿|億|百万|百萬|万|萬)?(?:元|yuan)?,?\s?(?:and|及|和|与|與|、)\s?"
                           r"(?:RMB|US\$|人民币|人民幣)?\s?$", re.IGNORECASE)

# --- another period in the clause -------------------------------------------------------------------------------
_AMOUNT = r"(?:RMB|US\$|USD|CNY|HK\$|\$)?\s?\d[\d,.]*\s?(?:billion|million|trillion|bn|mn)?(?:\s?(?:yuan|RMB|dollars))?(?:\s?\([^()]*\))?"
_TWELVE = (rf"(?:the\s+)?(?:past\s+|trailing\s+|last\s+)?(?:twelve|12)[- ]months?(?:\s+period)?\s+(?:ended|ending|to)\s+(?:in\s+)?"
           rf"(?:{MONTH}\s\d{{1,2}},?\s{YEAR}|Q[1-4][ -]?{YEAR}|(?:the\s+)?(?:first|second|third|fourth)\s+quarter(?:\s+of)?\s+{YEAR})")
_PERIOD_EN = (rf"(?:{_TWELVE}|(?:the\s+)?(?:first|second|third|fourth)\s+quarter(?:\s+of)?,?\s+{YEAR}|Q[1-4][ -]?{YEAR}|{YEAR} ?Q[1-4]|{SHORT_QUARTER}"
              rf"|(?:the\s+)?same\s+(?:period|quarter)(?:\s+(?:of|in))?\s+(?:last\s+year|the\s+(?:previous|prior)\s+year|{YEAR})"
              rf"|(?:the\s+)?(?:prior|previous)[- ]year(?:\s+(?:period|quarter))?|(?:the\s+)?year[- ]ago\s+(?:period|quarter)"
              rf"|(?:the\s+)?(?:three|twelve|nine|six)\s+months\s+end(?:ed|ing)\s+{MONTH}\s\d{{1,2}},?\s{YEAR}"
              rf"|(?:the\s+)?(?:full|fiscal|whole)\s+year(?:\s+(?:of\s+)?{YEAR})?|(?:fiscal\s+)?{YEAR}|a\s+year\s+(?:ago|earlier)|last\s+year"
              rf"|(?:the\s+)?(?:first|second)\s+half(?:\s+of)?(?:\s+{YEAR})?|(?:the\s+)?(?:nine|six|twelve)\s+months|(?:the\s+)?year)")
# A comparison and its period: "from RMB2,709.0 million in Q2 2018", "compared with the fourth quarter of 2023", "over 2022".
_COMPARISON_EN = re.compile(rf"\b(?:from|compared\s+(?:with|to)|versus|vs\.?|against|than|(?<=% )over|(?<=percent )over)\s+(?:{_AMOUNT}\s+)?"
                            rf"(?:(?:in|for|during|of)\s+)?(?:{_PERIOD_EN})\b", re.IGNORECASE)
_NAMED_PERIOD_EN = re.compile(rf"\b(?:in|for|during|over|throughout)\s+(?P<p>{_PERIOD_EN})\b|\b(?P<fy>full[- ]year)\b", re.IGNORECASE)
# The twelve months a twelve-month figure covers ("in the twelve months ended June 30, 2020"): its own period, if it ends there.
_TWELVE_MONTHS_EN = re.compile(rf"\b(?:in|for|during|over)\s+(?:the\s+)?(?:past\s+|trailing\s+|last\s+)?(?:twelve|12)[- ]months?"
                               rf"(?:\s+period)?(?:\s+(?:ended|ending|to)\s+(?:in\s+)?(?P<date>{MONTH}\s\d{{1,2}},?\s{YEAR}|Q[1-4][ -]?{YEAR}"
                               rf"|(?:the\s+)?(?:first|second|third|fourth)\s+quarter(?:\s+of)?\s+{YEAR}))?", re.IGNORECASE)
_YOY = re.compile(r"year[- ](?:over|on)[- ]year|yoy|y/y", re.IGNORECASE)
_CLAUSE_END_EN = re.compile(r";|\.(?:\s|$)|\n|,\s(?:while|whereas|and|but)\s|\s(?:while|whereas)\s")

_COMPARISON_ZH = re.compile(r"(?:较|較|比|由|从|從|相比|对比|對比)[^,;。,]{0,16}?(?:的|同期)")
_PERIOD_ZH = re.compile(rf"全年|年度|上半年|下半年|前三季度|(?:{YEAR})年(?!\s?(?:第?[一二三四1-4]季|Q[1-4]|同期|\d{{1,2}}月))")


def _span_of(words: str) -> Span | str | None:
    """The period ``words`` name: a Span, "year" for a year with no number, or None if unreadable."""
    words = re.sub(r"\s+", " ", words.strip())
    if span := quarter_named(re.sub(r"^the ", "", words, flags=re.IGNORECASE).replace(",", "")):
        return span
    if match := re.search(rf"end(?:ed|ing) ({MONTH} \d{{1,2}},? {YEAR})", words, re.IGNORECASE):
        return date_quarter(match.group(1)) if re.match(r"(?:the )?three", words, re.IGNORECASE) else "year"
    if match := re.fullmatch(rf"(?:the )?(?:(?:full|fiscal|whole) year(?: (?:of )?)?|fiscal )?({YEAR})", words, re.IGNORECASE):
        return Span("year", year_of(match.group(1)))
    return "year" if re.search(r"year|half|months", words, re.IGNORECASE) else None


def _other_period_after(after: str, period: Span | None, ttm: bool = False) -> str:
    """The words after a figure naming, in its own clause, a period other than ``period`` ("" if none); ``ttm``: the
    figure covers the twelve months that end with ``period``."""
    if _CHINESE.match(after.lstrip()[:1] or "a") or re.match(r"\s?(?:亿|億|百万|百萬|万|萬|元)", after):
        clause = re.split(r"[,;。，；:]", after, maxsplit=1)[0]
        clause = _COMPARISON_ZH.sub(" ", clause)
        found = _PERIOD_ZH.search(clause)
        return found.group() if found and (period is None or period.kind == "quarter"
                                           or not re.match(rf"{YEAR}年$", found.group()) or year_of(found.group()[:-1].replace(" ", "")) != period.year) else ""
    end = _CLAUSE_END_EN.search(after)
    clause = _YOY.sub(" ", after[: end.start() if end else 160][:160])
    clause = _COMPARISON_EN.sub(" ", clause)
    if ttm:
        for match in _TWELVE_MONTHS_EN.finditer(clause):
            date = re.sub(r"\s+", " ", match.group("date") or "")
            if date and (date_quarter(date) or quarter_named(re.sub(r"^the ", "", date, flags=re.IGNORECASE))) != period:
                return match.group()
        clause = _TWELVE_MONTHS_EN.sub(" ", clause)
    for match in _NAMED_PERIOD_EN.finditer(clause):
        if match.group("fy"):
            if period is None or period.kind == "quarter":
                return match.group()
            continue
        named = _span_of(match.group("p"))
        if re.fullmatch(r"(?:the\s+)?year", match.group("p"), re.IGNORECASE) and period is not None and period.kind != "quarter":
            continue
        if named is None or period is None:
            return match.group()
        if isinstance(named, str):
            if period.kind == "quarter":
                return match.group()
            continue
        if named.kind == "quarter" or period.kind == "quarter":
            if named != period:
                return match.group()
        elif named.year != period.year:
            return match.group()
    return ""


def refusal(text: str, metric: str, platform: str | None, start: int, value_start: int, value_end: int,
            period: Span | None, pair: bool = False, ttm: bool = False) -> str:
    """Why the figure at ``text[value_start:value_end]`` (its rule's words from ``start``) is refused, or "" if no
    guard refuses it. ``value_end`` is the end of its unit; ``pair``: the rule reads a pair of names and figures."""
    words = text[start: value_start]
    if metric.startswith("revenue"):
        clause_start = max(text.rfind(c, 0, start) for c in ",;。\n") + 1
        named = text[clause_start: value_start]
        if _NOT_REVENUE_EN.search(named) or _NOT_REVENUE_ZH.search(named):
            return "its words name net income, profit or a loss, never revenue"
        if platform != "jd" and _NET_INCOME_ZH.search(named):
            return "净收入 is net income on this company's pages, never its revenue"
    before = text[max(0, value_start - 40): value_start]
    if (_COMPARED_EN.search(before) if not _CHINESE.search(before[-6:]) else _COMPARED_ZH.search(before[-20:])):
        return "the figure is what another figure is compared with ('from X', '较…的X'), not the period's own"
    if not pair and (first := _AFTER_FIGURE.search(before)) and value_start - len(before) + first.start() < start:
        # the first figure lies before the rule's words: the rule did not read the pair itself
        return "the figure is the second of a pair ('X and Y'); only a wording for the pair reads it"
    if words and (other := _other_period_after(text[value_end:], period, ttm)):
        return f"its clause names another period after the figure ({other.strip()!r})"
    return ""
