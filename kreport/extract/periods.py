"""The periods a release's words name: quarters, years, fiscal years and twelve months ended a date.

A :class:`Span` is written as metrics.csv writes periods (``2025Q3``, ``2024``, ``FY2021``). The parsers
read the phrases releases use, in English and Chinese, from text already made :func:`matchable
<kreport.extract.cleaning.matchable>`; each returns None for anything it cannot read for certain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Span", "YEAR", "MONTH", "SHORT_QUARTER", "quarter_of", "quarter_named", "fiscal_quarter_named", "date_quarter", "year_of", "ORDINALS",
           "page_date", "quarter_before", "last_quarter_numbered", "fiscal_to_calendar", "plain_periods",
           "fiscal_quarters_named", "fiscal_number"]

# A year as pages print it, a stray space included ("202 4"); year_of() reads it.
YEAR = r"2 ?0 ?\d ?\d(?!\d)"
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
# A quarter with a two-digit year, as broker notes write it: "24Q3", "1Q23" (never inside a longer token: "2024Q3"
# is read whole by the other forms). The century is 20: the companies and their periods are all of this one.
SHORT_QUARTER = r"(?<![A-Za-z0-9'])(?:[1-3]\d ?Q[1-4]|[1-4]Q ?[1-3]\d)(?![A-Za-z0-9])"
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "一": 1, "二": 2, "三": 3, "四": 4,
            "1": 1, "2": 2, "3": 3, "4": 4}
_QUARTER_END = {(3, 31): 1, (6, 30): 2, (9, 30): 3, (12, 31): 4}


@dataclass(frozen=True)
class Span:
    """A period of metrics.csv: ``kind`` is quarter, year or fiscal_year."""

    kind: str
    year: int
    quarter: int = 0

    @property
    def label(self) -> str:
        if self.kind == "quarter":
            return f"{self.year}Q{self.quarter}"
        return f"FY{self.year}" if self.kind == "fiscal_year" else str(self.year)

    def year_earlier(self) -> Span:
        return Span(self.kind, self.year - 1, self.quarter)

    def __str__(self) -> str:
        return self.label


def year_of(text: str) -> int:
    """``"202 4"`` → 2024."""
    return int(text.replace(" ", ""))


def quarter_of(year: int, quarter: int) -> Span:
    return Span("quarter", year, quarter)


def _month_number(name: str) -> int | None:
    name = name.lower().rstrip(".")
    for number, month in enumerate(MONTHS, 1):
        if month.startswith(name) and len(name) >= 3:
            return number
    return None


def date_quarter(text: str) -> Span | None:
    """The quarter ending on a date: ``December 31, 2020`` or ``2020年12月31日`` → 2020Q4; None if the date
    is not a quarter's last day or cannot be read."""
    if match := re.fullmatch(rf"({MONTH}) (\d{{1,2}}),? ({YEAR})", text.strip(), re.IGNORECASE):
        month, day, year = _month_number(match.group(1)), int(match.group(2)), year_of(match.group(3))
    elif match := re.fullmatch(rf"({YEAR})年(\d{{1,2}})月(\d{{1,2}})日", text.strip()):
        year, month, day = year_of(match.group(1)), int(match.group(2)), int(match.group(3))
    else:
        return None
    quarter = _QUARTER_END.get((month, day))
    return quarter_of(year, quarter) if quarter else None


def quarter_named(text: str) -> Span | None:
    """A quarter named in words: ``third quarter of 2023``, ``Third Quarter 2023``, ``2020 Second Quarter``,
    ``December Quarter 2020``, ``2025年第三季度``, ``2025年三季度``; None otherwise."""
    text = text.strip()
    if match := re.fullmatch(rf"(?:the )?(first|second|third|fourth)[ -]quarter(?: of)?,? ({YEAR})", text, re.IGNORECASE):
        return quarter_of(year_of(match.group(2)), ORDINALS[match.group(1).lower()])
    if match := re.fullmatch(rf"({YEAR}) (first|second|third|fourth) quarter", text, re.IGNORECASE):
        return quarter_of(year_of(match.group(1)), ORDINALS[match.group(2).lower()])
    if match := re.fullmatch(rf"(March|June|September|December) quarter(?: of)? ({YEAR})", text, re.IGNORECASE):
        return quarter_of(year_of(match.group(2)), (_month_number(match.group(1)) or 0) // 3)
    if match := re.fullmatch(rf"({YEAR}) ?年 ?第?([一二三四1-4])季度?", text):  # 季 alone: Hong Kong press ("2025年第三季")
        return quarter_of(year_of(match.group(1)), ORDINALS[match.group(2)])
    # Short forms of rewrites and briefs: Q3 2025, Q3-2025, 2025 Q3, 2025Q3, 2025年Q3; broker notes' 24Q3 and 1Q23.
    if match := re.fullmatch(rf"Q([1-4])[ -]?({YEAR})", text, re.IGNORECASE):
        return quarter_of(year_of(match.group(2)), int(match.group(1)))
    if match := re.fullmatch(rf"({YEAR}) ?年? ?Q([1-4])", text, re.IGNORECASE):
        return quarter_of(year_of(match.group(1)), int(match.group(2)))
    if match := re.fullmatch(r"([1-3]\d) ?Q([1-4])", text, re.IGNORECASE):
        return quarter_of(2000 + int(match.group(1)), int(match.group(2)))
    if match := re.fullmatch(rf"([1-4])Q ({YEAR})", text, re.IGNORECASE):  # "4Q 2020" (issue 23, rules14)
        return quarter_of(year_of(match.group(2)), int(match.group(1)))
    if match := re.fullmatch(r"([1-4])Q ?([1-3]\d)", text, re.IGNORECASE):
        return quarter_of(2000 + int(match.group(2)), int(match.group(1)))
    return None


def fiscal_quarter_named(text: str) -> Span | None:
    """``2025財年第三季`` (simplified: ``2025财年第三季``): the fiscal year's quarter as written; the caller maps it to a
    calendar quarter only where the company's fiscal year is the calendar year."""
    if match := re.fullmatch(rf"({YEAR}) ?财年 ?第?([一二三四1-4])季度?", text.strip()):
        return quarter_of(year_of(match.group(1)), ORDINALS[match.group(2)])
    return None


_FISCAL_QUARTER_ZH = re.compile(rf"({YEAR}) ?财年 ?第?([一二三四])财?季")


def fiscal_quarters_named(form: str, fiscal_end_month: int) -> set[Span]:
    """The calendar quarters of the fiscal quarters a sentence (matchable form) names with their fiscal year ("2022财年第四季度",
    "2023财年第二财季", "the fourth quarter of fiscal 2022", "FY2Q25"), by the company's fiscal calendar."""
    found: set[Span] = set()
    for match in _FISCAL_QUARTER_ZH.finditer(form):
        if (span := fiscal_to_calendar(ORDINALS[match.group(2)], year_of(match.group(1)), fiscal_end_month)) is not None:
            found.add(span)
    for match in _FISCAL_NAMED.finditer(form):
        if match.group("zh"):
            continue
        number = ORDINALS[(match.group("n") or match.group("n2") or match.group("n3") or match.group("q") or match.group("q2")
                           or match.group("q3")).lower()]
        year = next(g for g in (match.group(k) for k in ("fy", "fy2", "fy3", "fy4", "fy5", "fy6", "fy8")) if g)
        year = year_of(year) if len(year.replace(" ", "")) == 4 else 2000 + int(year)
        if (span := fiscal_to_calendar(number, year, fiscal_end_month)) is not None:
            found.add(span)
    return found


def fiscal_number(span: Span, fiscal_end_month: int) -> int | None:
    """The number of the company's fiscal quarter that the calendar quarter ``span`` is (Alibaba's 2022Q1: its fourth)."""
    for number in range(1, 5):
        if span in (fiscal_to_calendar(number, span.year, fiscal_end_month), fiscal_to_calendar(number, span.year + 1, fiscal_end_month)):
            return number
    return None


_DATE_MARK = re.compile(r"^\s*date (\d{4})-(\d{2})-(\d{2})\b")
_DAY_LINE = re.compile(r"^\s*(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* (\d{4})\s*$", re.IGNORECASE)
_ISO_LINE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?: \d{1,2}:\d{2}(?::\d{2})?)?\s*$")
# "August 26, 2024 - Shares of ...", "posted on May 27, 2023 3:36 am": a dateline or a byline's date opening a line.
# ... with a label and the month cut short: "DATE:  Aug 26 2025", "Published: Sept. 3, 2025".
_DATELINE = re.compile(r"^\s*(?:(?:posted|published|updated) on |(?:date|published|updated|posted):\s*)?"
                       r"(January|February|March|April|May|June|July|August|September|October|November|December"
                       r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?) (\d{1,2}),? (\d{4})(?: -| \d{1,2}:\d{2}|\s*$)", re.IGNORECASE)


def page_date(text: str) -> tuple[int, int, int] | None:
    """The date a saved page carries at its top: the store's `` date 2025-11-25`` mark, or a line of its own in
    the first ten (``21 Nov 2025``, ``2022-05-24 08:30``, ``August 26, 2024 - ...``, ``posted on May 27, 2023 3:36 am``);
    None when there is none (a day without its year is none)."""
    if match := _DATE_MARK.match(text):
        return int(match.group(1)), int(match.group(2)), int(match.group(3))
    for line in text.splitlines()[:10]:
        if match := _DAY_LINE.match(line):
            return int(match.group(3)), _month_number(match.group(2)) or 0, int(match.group(1))
        if match := _ISO_LINE.match(line):
            return int(match.group(1)), int(match.group(2)), int(match.group(3))
        if match := _DATELINE.match(line):
            return int(match.group(3)), _month_number(match.group(1)) or 0, int(match.group(2))
    return None


def _ended_before(span: Span, date: tuple[int, int, int]) -> bool:
    end_month = span.quarter * 3
    return (span.year, end_month) < (date[0], date[1])


def quarter_before(date: tuple[int, int, int]) -> Span:
    """"Last quarter" (上季) on a page dated ``date``: the last quarter that ended before its month."""
    year, month = date[0], date[1]
    quarter = (month - 1) // 3  # the quarter before the date's own
    return quarter_of(year, quarter) if quarter else quarter_of(year - 1, 4)


def last_quarter_numbered(number: int, date: tuple[int, int, int]) -> Span:
    """"The third quarter" on a page dated ``date``: the latest third quarter that had ended by then."""
    span = quarter_of(date[0], number)
    return span if _ended_before(span, date) else quarter_of(date[0] - 1, number)


def fiscal_to_calendar(number: int, fiscal_year: int, end_month: int = 12) -> Span | None:
    """The calendar quarter a company's fiscal quarter ``number`` of ``fiscal_year`` is, for a fiscal year that ends in
    ``end_month`` of the calendar year it is named after (Alibaba's: March, so its third quarter of fiscal 2021 is 2020Q4)."""
    if not 1 <= number <= 4 or end_month not in (3, 6, 9, 12):
        return None
    month, year = end_month - 3 * (4 - number), fiscal_year
    if month <= 0:
        month, year = month + 12, year - 1
    return quarter_of(year, month // 3)


_WORD_OF = {1: "first", 2: "second", 3: "third", 4: "fourth"}
_ENDS = {3: 1, 6: 2, 9: 3, 12: 4}


def _words(span: Span, with_year: bool = True) -> str:
    return f"the {_WORD_OF[span.quarter]} quarter" + (f" of {span.year}" if with_year else "")


_FISCAL_ENDED = re.compile(rf"\b(?:the )?(?P<n>first|second|third|fourth) (?:fiscal )?quarter of (?:fiscal (?:year )?|FY ?)(?P<fy>{YEAR}),? "
                           rf"(?:which|that) (?:ended|ends) (?:on )?(?P<date>{MONTH} \d{{1,2}},? {YEAR})(?P<comma>,(?= ))?", re.IGNORECASE)
_ALIAS = re.compile(rf"\b(?:the )?(?P<n>first|second|third|fourth) (?:fiscal )?quarter of (?:fiscal (?:year )?)?(?P<fy>{YEAR}) "
                    rf"\((?:i\.e\.,?|that is,?|or) (?:the )?(?P<m>first|second|third|fourth) quarter of (?P<y>{YEAR})\)", re.IGNORECASE)
_ORDINAL_ENDED = re.compile(rf"\b(?:the )?(?P<n>first|second|third|fourth) quarter,? (?:ended|ending) (?:on )?(?P<month>{MONTH}) "
                            rf"(?P<day>\d{{1,2}})(?:,? (?P<y>{YEAR}))?(?![\d,]* ?{YEAR})(?! and {YEAR})(?!,? ?\d)", re.IGNORECASE)
_MONTHS_TO = re.compile(rf"\b(?<!first )(?<!second )(?<!third )(?<!fourth )(?:the )?(?:quarter|three months|three-month period) "
                        rf"(?:ended|ending|through|to) (?:in )?(?P<month>{MONTH})"
                        rf"(?: (?P<day>\d{{1,2}}))?(?:,? (?P<y>{YEAR}))?(?![\d,]* ?{YEAR})(?! and {YEAR})(?!,? ?\d)(?![\w-])", re.IGNORECASE)


# A fiscal quarter named as such: "the second quarter of fiscal 2026", "the fiscal second quarter of 2026", "fiscal 2026 second
# quarter", "Q2 FY2026", "FY26 Q2", "FY2Q26" (a broker's: the fiscal year's second quarter), "2026财年第二季度".
_FISCAL_YEAR = rf"(?P<fy>{YEAR})|(?P<fy2>\d\d)(?!\d)"
_FISCAL_NAMED = re.compile(
    rf"(?:\b(?:the )?(?P<n>first|second|third|fourth) (?:fiscal )?quarter of (?:the )?(?:fiscal (?:year )?|FY ?)(?:{_FISCAL_YEAR})"
    rf"|\b(?:the )?fiscal (?P<n2>first|second|third|fourth) quarter(?: of)? (?P<fy3>{YEAR})"
    rf"|\bfiscal (?:year )?(?P<fy4>{YEAR}) (?P<n3>first|second|third|fourth) quarter"
    rf"|\b(?:F?Q(?P<q>[1-4]) ?(?:of )?FY ?(?P<fy5>{YEAR}|\d\d)|FY ?(?P<fy6>{YEAR}|\d\d) ?F?Q(?P<q2>[1-4])"
    rf"|FY(?P<q3>[1-4])Q(?P<fy8>\d\d))(?![A-Za-z0-9_-])"
    rf"|(?P<fy7>{YEAR}) ?财年 ?第?(?P<zh>[一二三四])季度?)"
    # ... never one with the date it ended that the company's calendar does not give (left as written, so read by no rule)
    rf"(?!,? (?:which |that )?(?:ended|ends|ending)\b)", re.IGNORECASE)


# A Chinese fiscal quarter glossed with its calendar quarter or its end date: "2024财年第一季度财报(截至2023年6月30日)",
# "2023财年第二财季(自然年2022年三季度)" (a 财季 is a fiscal quarter).
# (rules14) A Chinese fiscal quarter after its end date: "截至2023年12月31日的2024财年第三财季" (only where the company's calendar agrees).
_FISCAL_DATED_ZH = re.compile(rf"截[至止] ?(?P<date>{YEAR} ?年 ?\d{{1,2}} ?月 ?\d{{1,2}} ?日) ?止?的? ?(?P<fy>{YEAR}) ?财年 ?第?(?P<zh>[一二三四])财?季度?")
_FISCAL_GLOSSED_ZH = re.compile(rf"(?P<fy>{YEAR}) ?财年 ?第?(?P<zh>[一二三四])财?季度?(?P<mid>财报|业绩|财务业绩|季度业绩)?"
                                rf"\((?:(?:截至|截止)(?P<date>{YEAR}年\d{{1,2}}月\d{{1,2}}日)止?"
                                rf"|(?:自然年|即|亦即)?(?P<y>{YEAR})年第?(?P<q>[一二三四])季度?)\)")


def plain_periods(form: str, fiscal_end_month: int = 12) -> str:
    """A sentence's quarters written one plain way, so the same rules read them (``form``: a matchable sentence):

    - a fiscal quarter with the date it ended: "the third quarter of fiscal 2021, which ended on December 31, 2020" →
      "the fourth quarter of 2020", only where the company's fiscal calendar gives the same quarter;
    - a fiscal quarter glossed with its calendar one: "the second quarter of 2021 (i.e., the third quarter of 2020)" →
      "the third quarter of 2020", only where the company's fiscal calendar gives that gloss;
    - a quarter with its end date: "the fourth quarter ended December 31" → "the fourth quarter", "the quarter ended
      June 30, 2031" → "the second quarter of 2031", "the three months through December" → "the fourth quarter";
      only where the date is that quarter's last day (or month).

    Anything that does not agree is left as written (and so is read by no rule)."""

    def fiscal_ended(match: re.Match) -> str:
        span = date_quarter(match.group("date"))
        fiscal = fiscal_to_calendar(ORDINALS[match.group("n").lower()], year_of(match.group("fy")), fiscal_end_month)
        if span is None or span != fiscal:
            return match.group()
        # the clause's closing comma goes with it, unless the phrase opens the sentence ("For ..., which ended ..., revenue was")
        opens = re.fullmatch(r"\s*(?:in|for|during)\s*", match.string[: match.start()], re.IGNORECASE)
        return _words(span) + ("," if match.group("comma") and opens else "")

    def alias(match: re.Match) -> str:
        span = quarter_of(year_of(match.group("y")), ORDINALS[match.group("m").lower()])
        fiscal = fiscal_to_calendar(ORDINALS[match.group("n").lower()], year_of(match.group("fy")), fiscal_end_month)
        return _words(span) if fiscal_end_month != 12 and span == fiscal else match.group()

    def ordinal_ended(match: re.Match) -> str:
        number = ORDINALS[match.group("n").lower()]
        month, day = _month_number(match.group("month")), int(match.group("day"))
        if _QUARTER_END.get((month or 0, day)) != number:
            return match.group()
        return _words(quarter_of(year_of(match.group("y")), number)) if match.group("y") else _words(quarter_of(0, number), False)

    def months_to(match: re.Match) -> str:
        month = _month_number(match.group("month"))
        if month not in _ENDS or (match.group("day") and _QUARTER_END.get((month, int(match.group("day")))) is None):
            return match.group()
        number = _ENDS[month]
        return _words(quarter_of(year_of(match.group("y")), number)) if match.group("y") else _words(quarter_of(0, number), False)

    def fiscal_named(match: re.Match) -> str:
        if match.group("zh"):
            # "2025財年第三季": a calendar-year company's is read as written elsewhere; another company's is left unread (Chinese
            # media use 財年 loosely for its quarters)
            return match.group()
        number = ORDINALS[(match.group("n") or match.group("n2") or match.group("n3") or match.group("q") or match.group("q2")
                           or match.group("q3") or match.group("zh")).lower()]
        year = next(g for g in (match.group(k) for k in ("fy", "fy2", "fy3", "fy4", "fy5", "fy6", "fy7", "fy8")) if g)
        year = year_of(year) if len(year.replace(" ", "")) == 4 else 2000 + int(year)
        span = fiscal_to_calendar(number, year, fiscal_end_month)
        if span is None:
            return match.group()
        if match.group("q3"):
            return f"Q{span.quarter} {span.year}"  # a broker's compact name stays compact ("Alibaba's FY2Q25 revenue" → "Alibaba's Q3 2024 revenue")
        return f"{span.year}年第{'一二三四'[span.quarter - 1]}季度" if match.group("zh") else _words(span)

    def fiscal_glossed_zh(match: re.Match) -> str:
        fiscal = fiscal_to_calendar(ORDINALS[match.group("zh")], year_of(match.group("fy")), fiscal_end_month)
        gloss = date_quarter(match.group("date")) if match.group("date") else quarter_of(year_of(match.group("y")), ORDINALS[match.group("q")])
        if fiscal is None or gloss != fiscal:
            return match.group()
        return f"{fiscal.year}年第{'一二三四'[fiscal.quarter - 1]}季度{match.group('mid') or ''}"

    def fiscal_dated_zh(match: re.Match) -> str:
        fiscal = fiscal_to_calendar(ORDINALS[match.group("zh")], year_of(match.group("fy")), fiscal_end_month)
        if fiscal is None or fiscal_end_month == 12 or date_quarter(match.group("date").replace(" ", "")) != fiscal:
            return match.group()
        return f"{fiscal.year}年第{'一二三四'[fiscal.quarter - 1]}季度"

    form = _FISCAL_GLOSSED_ZH.sub(fiscal_glossed_zh, form)
    form = _FISCAL_DATED_ZH.sub(fiscal_dated_zh, form)
    form = _FISCAL_ENDED.sub(fiscal_ended, form)
    form = _ALIAS.sub(alias, form)
    form = _FISCAL_NAMED.sub(fiscal_named, form)
    form = _ORDINAL_ENDED.sub(ordinal_ended, form)
    return _MONTHS_TO.sub(months_to, form)
