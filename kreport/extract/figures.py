"""Figures read from a release: each rule applied to each sentence, its period placed, its numbers checked.

What is never guessed, so a figure is left out instead:

- a period the sentence and its block do not settle (a sentence outside any block that names no period,
  a comparative whose year is not one year before the figure's, a half-year block);
- a figure whose wording is vague ("nearly", "近");
- a figure and its comparative whose stated change does not fit them ("an increase of 30.4%" when the two
  numbers as read give 20%): one of them was misread;
- two different values for one metric and period in one release (unless one comes from a looser wording,
  such as an executive's quote, which then gives way);
- a figure whose stated change or comparison is from a quarter neither a year nor a quarter before its own ("..., an
  increase of 7.6% from Q1 2030" after a figure placed in 2031Q2).

Each sentence is read with its quarters written one plain way first (:func:`kreport.extract.periods.plain_periods`). A
looser wording that names no period of its own is placed in the page's quarter on a story about one quarter, after an
opening naming it ("During the period,", "期内,"), when compared with the same quarter a year before, or when the
sentence right before named that quarter in so many words and gave its figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kreport.dataset.schema import METRICS, UNITS
from kreport.extract.clauses import LINE as CLAUSE_LINE
from kreport.extract.clauses import band_size, part_subject, read_clauses
from kreport.extract.cleaning import matchable, unspun
from kreport.extract.guards import carried_part, refusal
from kreport.extract.periods import (
    MONTH,
    SHORT_QUARTER,
    YEAR,
    Span,
    date_quarter,
    fiscal_number,
    fiscal_quarter_named,
    fiscal_quarters_named,
    plain_periods,
    quarter_before,
    quarter_named,
    quarter_of,
    year_of,
)
from kreport.extract.release import INTRO, PLATFORM_NAMES, Block, Release, announces, periods_named, without_comparatives
from kreport.extract.rules import RULES, Rule
from kreport.extract.rules.common import UNIT_WORDS, qualifier_of
from kreport.extract.rules.generic import band_for
from kreport.extract.tables import table_figures
from kreport.extract.values import agrees, canonical, decimals, plain, within_growth

__all__ = ["Figure", "Reading", "read_figures"]


@dataclass(frozen=True)
class Figure:
    """One figure as published: ``value`` in the digits printed (no thousands separators) and ``unit`` a
    unit of the schema; ``role`` is headline or comparative (prior-year); ``quote`` the original sentence."""

    platform: str
    metric: str
    period: Span
    value: str
    unit: str
    qualifier: str
    quote: str
    role: str
    line: str
    weak: bool = False


class Skip(str):
    """A line of "left out" (a str), with the metric and, where one was read, the value and unit it left out:
    the summary does not print it when that very figure is among the file's rows."""

    metric: str = ""
    value: str = ""
    unit: str = ""

    def __new__(cls, text: str, metric: str = "", value: str = "", unit: str | None = "") -> Skip:
        skip = super().__new__(cls, text)
        skip.metric, skip.value, skip.unit = metric, value, unit or ""
        return skip


@dataclass(frozen=True)
class Reading:
    """The figures read from one release and what was left out, and why (for the summary)."""

    figures: tuple[Figure, ...]
    skipped: tuple[str, ...]


def _unit(metric: str, word: str) -> str | None:
    unit = UNIT_WORDS[METRICS[metric].kind].get(word.lower() if word.isascii() else word)
    return unit


def _fiscal_kind(block: Block) -> str:
    return block.span.kind if block.span is not None and block.kind == "year" else "year"


def _own_period(text: str, rule: Rule, block: Block, release: Release) -> Span | None | str:
    """The period a figure's own words give (``when``): a Span, ``""`` if they give none, None if unreadable."""
    if not text:
        return ""
    text = text.strip()
    this = r"(?:the|this) quarter|the (?:reporting )?period|the same (?:period|quarter)"
    if text in ("本季度", "本季", "当季", "当季度", "该季度", "期内", "季内", "本财季", "财季", "该财季", "当财季") \
            or re.fullmatch(this, text, re.IGNORECASE):
        return release.period
    if rule.period != "ttm" and re.fullmatch(r"annual|full[- ]year|(?:the )?(?:full|whole)[- ]year|全年", text, re.IGNORECASE):
        # "annual revenue" on a fourth quarter's page: the year that quarter ends; on any other page, unreadable
        period = release.period
        return Span(_fiscal_kind(block), period.year) if period is not None and period.kind == "quarter" and period.quarter == 4 \
            and release.calendar else None
    if re.fullmatch(r"上一?季度?|last quarter", text, re.IGNORECASE):
        # "Last quarter": the page's own quarter only if the page's date puts it there.
        return release.period if release.dated is not None and quarter_before(release.dated) == release.period else None
    if span := fiscal_quarter_named(text):  # "2025財年第三季": a calendar quarter only for a calendar-year company
        return span if release.calendar else None
    if match := re.fullmatch(rf"(?:in )?({MONTH})", text, re.IGNORECASE):
        # A month without its year ("in June"): the page's own quarter if the month is in it, else unreadable.
        span = _month_quarter(match.group(1), release.period.year) if release.period is not None else None
        return span if span == release.period else None
    # A short form naming the quarter but not its year ("第三季度", "三季度", "Q3", "the third quarter"): the
    # page's own quarter if it is that quarter, else unreadable (never another year's).
    if match := re.fullmatch(r"(?:the )?(March|June|September|December) quarter", text, re.IGNORECASE):
        # "the September quarter" (no year): the page's own quarter if it ends in that month
        period = release.period
        number = ("march", "june", "september", "december").index(match.group(1).lower()) + 1
        return period if period is not None and period.kind == "quarter" and period.quarter == number else None
    if match := re.fullmatch(r"第?([一二三四])季度?|Q([1-4])|(?:the )?(first|second|third|fourth)[ -]quarter", text, re.IGNORECASE):
        number = ("一二三四".index(match.group(1)) + 1 if match.group(1) else int(match.group(2)) if match.group(2)
                  else ("first", "second", "third", "fourth").index(match.group(3).lower()) + 1)
        return _short_quarter(number, release)
    if match := re.fullmatch(r"第?([一二三四])财季", text):  # "第二财季": the company's fiscal quarter, its year not named
        return _short_quarter("一二三四".index(match.group(1)) + 1, release, fiscal=True)
    if rule.period != "ttm" and (span := date_quarter(text)) is not None and "py" in _groups(rule):
        return span  # an English announcement table's column: "Three Months Ended March 31, 2031"
    if match := re.fullmatch(rf"(\d{{1,2}})月(\d{{1,2}})日止三个月({YEAR})年", text):  # an announcement table's column
        return date_quarter(f"{year_of(match.group(3))}年{match.group(1)}月{match.group(2)}日")
    if rule.period == "ttm":
        if match := re.fullmatch(rf"(?:({YEAR})年)?第?([一二三四])季度末", text):
            # "截至三季度末": the twelve months to the end of that quarter; without its year, the page's quarter only
            number = "一二三四".index(match.group(2)) + 1
            return quarter_of(year_of(match.group(1)), number) if match.group(1) else _short_quarter(number, release)
        span = date_quarter(text) or quarter_named(text)  # "September 30, 2019"; "Q3 2019" (the twelve months ended in it)
        if match := re.fullmatch(rf"({MONTH}) ({YEAR})", text, re.IGNORECASE):
            return _month_number_end(match.group(1), year_of(match.group(2)))  # "ended September 2031": the quarter that month ends
        if re.fullmatch(YEAR, text):
            return Span("quarter", year_of(text), 4)  # "GMV in 2031", "to the end of 2031": the twelve months ended December 31
        if re.fullmatch(r"the (?:whole|full|entire) year", text, re.IGNORECASE):
            # "for the whole year" on the page of a quarter that ends a year (the calendar's or the company's fiscal one)
            period = release.period
            return period if period is not None and period.kind == "quarter" and period.quarter in (4, release.fiscal_end // 3) else None
        if span is None and release.period is not None and release.period.kind == "quarter" and block.kind == INTRO \
                and (cut := re.fullmatch(rf"({MONTH}) (\d{{1,2}}),?", text, re.IGNORECASE)):
            # "in the 12 months ended March 31" (no year) on a story about a quarter: kept only if that date ends the page's quarter
            full = date_quarter(f"{cut.group(1)} {cut.group(2)}, {release.period.year}")
            return release.period if full == release.period else None
        if span is None and block.span is not None and block.kind == "quarter":
            # A date whose year the page cut off ("December 31, 2"): kept only if it fits the block's quarter.
            match = re.fullmatch(rf"({MONTH}) (\d{{1,2}}),? ?(\d{{0,3}})", text, re.IGNORECASE)
            full = date_quarter(f"{match.group(1)} {match.group(2)}, {block.span.year}") if match else None
            if full == block.span and str(block.span.year).startswith(match.group(3)):
                span = full
        return span
    if span := quarter_named(re.sub(r"^the ", "", text, flags=re.IGNORECASE)):
        return span
    if match := re.fullmatch(rf"({MONTH}) ({YEAR})", text, re.IGNORECASE):
        return date_quarter(f"{match.group(1)} 28, {match.group(2)}") or _month_quarter(match.group(1), year_of(match.group(2)))
    if match := re.fullmatch(rf"({YEAR}) ?财年(?:全年)?", text):
        # "2022财年": the company's fiscal year (Alibaba's to March 2022: FY2022); a calendar-year company's is its year
        return Span("year" if release.calendar else "fiscal_year", year_of(match.group(1)))
    if match := re.fullmatch(rf"({YEAR})年全年", text):
        return Span(_fiscal_kind(block) if block.kind == "year" else "year", year_of(match.group(1)))
    if match := re.fullmatch(rf"(?:fiscal year |fiscal |(?:the )?(?:full |whole |fiscal )?year(?: of)? )?({YEAR})年?", text, re.IGNORECASE):
        return Span(_fiscal_kind(block) if block.kind == "year" else "year", year_of(match.group(1)))
    return None


def _short_quarter(number: int, release: Release, fiscal: bool = False) -> Span | None:
    """The page's quarter if a quarter named by its number alone ("第四季度", "四季度", "Q4", "the fourth quarter"; ``fiscal``: "第四财季")
    is it, else None (never another year's). For a company whose fiscal year is not the calendar's, the number may be the fiscal
    quarter's, but only on a page that names that fiscal quarter with its fiscal year ("2022财年第四季度", "the fourth quarter of fiscal
    2022"): "四季度" on such a page about Alibaba's March quarter is that quarter; a calendar number is read as before."""
    period = release.period
    if period is None or period.kind != "quarter":
        return None
    if release.calendar or release.fiscal_end == 12:
        return period if period.quarter == number else None
    if not fiscal and period.quarter == number:
        return period
    if fiscal_number(period, release.fiscal_end) != number:
        return None
    named = any(period in fiscal_quarters_named(plain, release.fiscal_end)
                for plain in [matchable(release.title)] + [matchable(s.segment.text) for s in release.sentences])
    return period if named else None


def _groups(rule: Rule) -> set[str]:
    """The named groups of a rule's pattern."""
    return set(rule.pattern.groupindex)


def _month_number_end(month: str, year: int) -> Span | None:
    """The quarter whose last month is ``month`` of ``year`` (None for a month that ends no quarter)."""
    for day in (30, 31):
        if span := date_quarter(f"{month.rstrip('.')} {day}, {year}"):
            return span
    return None


def _month_quarter(month: str, year: int) -> Span | None:
    for number, name in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1):
        if month.lower().startswith(name):
            return Span("quarter", year, (number - 1) // 3 + 1)
    return None


def _when(match: re.Match) -> str | None:
    """The group holding the figure's own period: ``when`` (before the figure), ``when2`` (after it) or ``year`` (the year's
    word in the metric's name: "an annual service revenue of"), if stated."""
    groups = match.groupdict()
    return "when" if groups.get("when") else "when2" if groups.get("when2") else "year" if groups.get("year") else None


def _headline_period(match: re.Match, rule: Rule, block: Block, release: Release,
                     opening: Span | None = None) -> tuple[Span | None, str]:
    """The figure's period, or None and why not (``opening``: the page's quarter, named at the sentence's start)."""
    when = _when(match)
    own = _own_period(match.group(when) if when else "", rule, block, release)
    if own == "" and opening is not None and rule.period != "ttm":
        own = opening
    if own is None:
        return None, "its period could not be read"
    if rule.weak and own and own != release.period and not (_when(match) == "year" and own.kind != "quarter"):
        # A looser wording (a paraphrase, an executive's words) is read only for the quarter the page reports on (or, by a year's
        # word in the metric's own name, "an annual service revenue of", for the year a fourth quarter's page ends).
        return None, f"a looser wording names {own}, not the page's own period"
    if block.kind == "both" and rule.period != "ttm":
        # "Fourth Quarter and Full Year 2024 Highlights": the sentence itself must name the quarter or the year.
        if not own or release.period is None:
            return None, "in a quarter-and-year block the sentence names no period of its own"
        if own == release.period or (own.kind != "quarter" and own.year == release.period.year):
            return own, ""
        return None, f"it names {own}, neither the release's quarter nor its year"
    if block.kind not in rule.kinds:
        if block.kind == "part":
            return None, f"it sits in the block {block.heading.strip()!r} (no half-year periods in metrics.csv)"
        return None, "it sits outside the blocks this wording is read in" + (f" ({block.heading.strip()!r})" if block.heading else "")
    if rule.period == "ttm":
        if not own and block.kind == "quarter" and block.span is not None and block.span.quarter:
            # "In the quarter ended September 30, 2019: ... Annual active consumers ... reached 693 million": the
            # twelve months that end with the block's quarter.
            return block.span, ""
        if not own and block.kind == INTRO and rule.weak and release.flat and release.period is not None \
                and release.period.kind == "quarter":
            # A story about one quarter: "annual active consumers ... reached 576 million", the twelve months to its end
            return release.period, ""
        if not own and block.kind == INTRO and rule.weak and opening is not None and opening == release.period \
                and opening.kind == "quarter":
            # right after a sentence that named the page's quarter and gave its figure (or after an opening naming it): "The number of
            # consumers active on Alibaba's China-based retail marketplaces reached 742 million", the twelve months to its end
            return release.period, ""
        if not own:
            return None, "the twelve months it covers are not stated"
        if block.kind == "quarter" and block.span is not None and own != block.span:
            return None, f"it is for {own} but sits in the {block.span} block"
        return own, ""
    if block.kind == INTRO or block.span is None:
        if not own and rule.weak and release.flat and release.period is not None and release.period.kind == "quarter":
            # A story (no title line, no block heading): a looser wording in a sentence that names no period is the
            # page's quarter (words for any other period next to it leave it out, see _unclear_period). A page with
            # a release's structure places its figures by its blocks instead.
            return release.period, ""
        if not own and rule.weak and release.period is not None and release.period.kind == "quarter" \
                and _SAME_QUARTER_BEFORE.fullmatch(match.groupdict().get("pwhen") or "") \
                and _prior_period(match.group("pwhen"), release.period) == release.period.year_earlier():
            # "..., an increase of 173% from RMB2,371.0 million in the same quarter of 2018": a quarter's figure, compared with the
            # same quarter a year before the page's: the page's quarter
            return release.period, ""
        if not own and rule.weak and rule.period != "ttm" and release.period is not None and release.period.kind == "quarter" \
                and not release.parts and re.fullmatch(rf"(?:{YEAR}年|去年)同期", match.groupdict().get("pwhen") or "") \
                and _prior_period(match.group("pwhen"), release.period) == release.period.year_earlier():
            # "其他服务收入由2030年同期的34亿元增加21.3%至42亿元" on a page that names no half year, nine months or year: compared with
            # the same period a year before the page's quarter, so the page's quarter
            return release.period, ""
        if not own and rule.period != "ttm" and _names_quarter_after(match.string[match.end("u"):], release.period):
            # "... rose 5% to RMB 300.5 billion in the third quarter of 2031": the page's quarter, named right after the figure
            return release.period, ""
        if not own and rule.weak and rule.period != "ttm" and release.period is not None and release.period.kind == "quarter" \
                and _change_from(match.string[match.end("u"):]) == release.period.year_earlier():
            # "Net revenues - $41.6 billion (RMB 300.5 billion), an increase of 7.6% from Q2 2030": compared with the same quarter a
            # year before the page's, so the page's quarter
            return release.period, ""
        if not own and rule.period != "ttm" and release.period is not None and release.period.kind == "quarter" \
                and _names_page_quarter_only(match.string, release):
            # "快手总收入由2021年同期的205亿元增加12.9%至2022年第三季度的231亿元": the sentence names the page's quarter and no other
            # period of its own (its comparatives aside), and no half year, nine months or year: the page's quarter (issue 23, rules12)
            return release.period, ""
        return (own, "") if own else (None, "the sentence names no period and sits outside any headed block")
    if own and own not in (block.span, release.period):
        return None, f"it names {own} but sits in the {block.span} block"
    return own or block.span, ""


# Words that name a period. Next to a figure, outside the words a rule reads as its period, they make the
# figure's period unclear ("2024年全年總收入...達到" in a quarter block; "for the first half, ... were").
_PERIOD_WORDS_ZH = re.compile(r"全年|年度|年内|半年|中期(?!目[标標]|[规規][划劃]|[计計][划劃]|[战戰]略)|前三季度|个月|今年|去年|同期|\d{4}年|季度|月份")
_PERIOD_WORDS_EN = re.compile(rf"\b(?:years?|annual|half|interim|months?|quarters?|FY|Q[1-4]|{YEAR}|{MONTH})(?![\w-])|{SHORT_QUARTER}",
                              re.IGNORECASE)
_YOY = re.compile(r"year[- ](?:over|on)[- ]year|quarter[- ](?:over|on)[- ]quarter", re.IGNORECASE)  # a change's words, not a period's
_HALF = re.compile(r"\b(?:H[12]|[12]H)\b|first half|second half|nine months", re.IGNORECASE)
_AFTER_EN = re.compile(rf"^(?: ?\(US\$[^)]*\))?,? (?:in|for|during|over|as of|at the end of) (?:the )?"
                       rf"(?:full|fiscal|first|second|third|fourth|twelve|nine|six|three|years?|half|quarters?|months?|{YEAR}|{MONTH})\b",
                       re.IGNORECASE)


# In an executive's words (a weak rule) the period is often set at the start of a long sentence ("2024年全年,
# 我们持续投入AI,推动...日活跃用户数达到"): any of these words, or another quarter, anywhere before the figure.
_OTHER_PERIOD_ZH = re.compile(r"全年|年度|年内|半年|中期(?!目[标標]|[规規][划劃]|[计計][划劃]|[战戰]略)|前三季度|个月|今年|年初")
_QUARTER_ZH = re.compile(rf"(?:({YEAR})年)?第?([一二三四])季度")


def _another_quarter(before: str, block: Block, page: Span | None = None) -> bool:
    """Whether ``before`` names a quarter other than the block's (the page's, outside any headed block; any
    quarter, in a block that is no quarter)."""
    span = block.span if block.kind == "quarter" else page if block.kind == INTRO else None
    for match in _QUARTER_ZH.finditer(before):
        if span is None or span.kind != "quarter":
            return True
        if "一二三四".index(match.group(2)) + 1 != span.quarter:
            return True
        if match.group(1) and year_of(match.group(1)) != span.year:
            return True
    return False


_DATELINE_EN = re.compile(rf"^\s*(?:[A-Z][A-Za-z ,]{{0,30}}\s)?{MONTH} ?\d{{1,2}}(?:,? {YEAR})? \([A-Za-z.&' ]{{2,30}}\) ?(?:--|—|–|-)\s*")
# A single day "on" which something happened ("On August 23, JD announced its results for Q2 2021, with ... revenue of"): the day of an
# announcement or a story, never a period a figure is for (a figure's own date is "as of", "at the end of", "ended").
_ON_DAY_EN = re.compile(rf"\bon (?:\w+day,? )?{MONTH} \d{{1,2}}(?:st|nd|rd|th)?(?:,? {YEAR})?\b", re.IGNORECASE)
# A period named after the figure's change ("..., up 16.2% year-over-year in 2022", "an increase of 9% for the full year").
_AFTER_CHANGE_EN = re.compile(rf"^(?: ?\([^()]*\))?,? (?:up|down|an? (?:increase|decrease|rise|decline) of|(?:increas|decreas|ris|declin|grow)ing(?: by)?) "
                              rf"[\d.]+ ?(?:%|percent|per cent)(?: year[- ](?:over|on)[- ]year| yoy| y/y)? (?:in|for|during|over) (?:the )?"
                              rf"(?:(?:full|fiscal|whole) )?(?:year|{YEAR}|first half|second half|nine months|six months)\b", re.IGNORECASE)
_TWELVE_ENDED_EN = re.compile(rf"\b(?:in |for |during |over )?(?:the )?(?:past |trailing |last )?(?:twelve|12)[- ]months?(?: period)? "
                              rf"(?:ended|ending|to|through) (?P<date>{MONTH} \d{{1,2}},? {YEAR})", re.IGNORECASE)
_THE_QUARTER_EN = re.compile(r"^(?: ?\(US\$[^)]*\))?,? (?:in|for|during) (?:the|this) quarter\b(?! ended| of)", re.IGNORECASE)


_ORDINAL_WORDS = ("first", "second", "third", "fourth")


def _without_own_quarter_en(before: str, own: Span | None) -> str:
    """English words before a figure without those naming the page's own quarter ("reported third quarter results",
    "In this quarter", "the Q3 financial report as of September 30, 2020"): they are no other period."""
    if own is None or own.kind != "quarter" or not own.quarter:
        return before
    year = rf"(?:,? (?:of )?{own.year})?"
    words = (rf"\b(?:the |this )?(?:{_ORDINAL_WORDS[own.quarter - 1]}[ -]quarter|Q{own.quarter}){year}\b|\b(?:in|for|during) (?:this|the) quarter\b"
             rf"|\bas of {MONTH} \d{{1,2}},? {own.year}\b")
    cleaned = re.sub(words, " ", before, flags=re.IGNORECASE)
    # a date that is the quarter's own last day ("as of September 30, 2020") was dropped only if it ends that quarter
    for match in re.finditer(rf"as of ({MONTH} \d{{1,2}},? {YEAR})", before, re.IGNORECASE):
        if date_quarter(match.group(1)) != own:
            return before
    return cleaned


# A run-together list's dash after a section label that follows no sentence's words (the start, a time, a date, a citation mark or
# Chinese: "... 08:36 Financial Performance - ") or after the item before's citation mark ("...[13] - ").
_ITEM_DASH = re.compile(r"(?:(?:^|(?<=[\d\]\u4e00-\u9fff:]) )[A-Z][A-Za-z&]*(?: (?:[A-Z&][A-Za-z&]*|and|of)){0,4}|\])\s[-–—]\s$")


def _unclear_period(text: str, match: re.Match, rule: Rule, block: Block, release: Release, opening: int = 0) -> bool:
    """Whether words just before or after the figure name a period the rule did not read (``opening``: the length
    of a sentence-opening period phrase that names the page's quarter, which is not such a word)."""
    chinese = bool(re.search(r"[\u4e00-\u9fff]", match.group()))
    # Chinese: the dozen characters before the figure's words ("2024年全年,总收入..."); English: the sentence so far.
    start = opening if match.start() >= opening else 0
    before = text[max(start, match.start() - 12): match.start()] if chinese else text[start: match.start()]
    if chinese and _when(match) == "when" and match.start("when") == match.start() and _CLAUSE_QUARTER.fullmatch(match.group("when").strip()):
        before = ""  # the clause opens with its own quarter ("...以及全年财报,Q4总营收326亿元"): the words before are another clause's
    if chinese:
        before = re.split(r"[;|]", before)[-1]  # a clause after a semicolon, a table's cell, is a statement of its own
        own = block.span if block.kind == "quarter" else release.period if block.kind == INTRO else None
        if own is not None and own.kind == "quarter":  # the page's own quarter named before the figure is no other period
            before = re.sub(rf"(?:{own.year}年)?第?{'一二三四'[own.quarter - 1]}季度", "", before)
    if not chinese and _ITEM_DASH.search(before):
        before = ""  # the wording opens a run-together list's item ("Financial Performance - Total revenue for 2023 reached"): the words
        # before the dash are a section label's (a line of capitalised words) or the item before's (ending on its citation mark)
    if not chinese:
        before = _DATELINE_EN.sub("", before)  # "Nov.21 (NBD) --": the story's dateline, no period of the figure's
        before = _ON_DAY_EN.sub(" ", before)  # "On August 23, JD announced ...": the day of an announcement, no period of the figure's
        before = _FOUNDED_EN.sub(" ", before)  # "The online retailer, conceived in 2015 by founder ...,": the company's history, no period
        before = _without_own_quarter_en(before, block.span if block.kind == "quarter" else release.period if block.kind == INTRO else None)
        if rule.period == "ttm":
            # "... GMV in the twelve-month period ended September 30, 2031, ..., and the number of active buyers in the period climbed":
            # twelve months that end with the page's quarter are the twelve-month figure's own period
            own = block.span if block.kind == "quarter" else release.period if block.kind == INTRO else None
            before = _TWELVE_ENDED_EN.sub(lambda m: " " if date_quarter(m.group("date")) == own else m.group(), before)
    if (_PERIOD_WORDS_ZH if chinese else _PERIOD_WORDS_EN).search(_YOY.sub("", before)):
        return True
    if chinese and rule.weak:
        said = text[start: match.start("v")]
        if _when(match) == "when" and match.start("when") >= start:  # the rule's own period, placed by _headline_period
            # a clause that names its own quarter ("...首次突破百亿大关,Q4 MAU突破了7亿") is read from that quarter on: words
            # for other periods in the clauses before it are theirs
            said = said[match.end("when") - start:] if _CLAUSE_QUARTER.fullmatch(match.group("when").strip()) \
                else said[: match.start("when") - start] + said[match.end("when") - start:]
        said = said[said.rfind("|") + 1:] if "|" in said[: match.start() - start] else said  # a glued heading's cell before
        if rule.period == "ttm":  # "截至2022年3月31日的十二个月": the rule's own twelve months, and its comparative's;
            said = re.sub(r"(?:十二|12)个月|年度活跃", "", said)  # "年度活跃客户": the metric's name, no period
        if _OTHER_PERIOD_ZH.search(said) or _another_quarter(said, block, release.period):
            return True
    when = match.span(_when(match)) if _when(match) else (-1, -1)
    if chinese or when[0] >= match.end("u"):
        return False
    # "300.5 billion yuan in ...": the currency word; "$41.6 billion (RMB 300.5 billion) in ...": the bracket the figure sits in
    after = re.sub(r"^(?: (?:Chinese )?(?:yuan|RMB|CNY)\b|\))", "", text[match.end("u"):])
    if _AFTER_CHANGE_EN.match(after):  # "RMB 94.18 billion, up 16.2% year-over-year in 2022": the year's figure
        return True
    own = block.span if block.kind == "quarter" else release.period if block.kind == INTRO else None
    return bool(_AFTER_EN.match(after)) and not _THE_QUARTER_EN.match(after) and not _names_quarter_after(after, own)


# When the company was founded, listed or launched ("conceived in 2015", "founded in 2011", "went public in 2018"): a date of its history,
# never a period of a figure.
_FOUNDED_EN = re.compile(rf"\b(?:founded|conceived|established|incorporated|set up|started|created|launched|listed|went public|born)"
                         rf" (?:back )?in (?:{MONTH} )?{YEAR}\b", re.IGNORECASE)


_QUARTER_AFTER_EN = re.compile(rf"^(?: (?:Chinese )?(?:yuan|RMB|CNY)\b)?(?: ?\([^()]*\))?,? (?:in|for|during) "
                               rf"(?P<p>(?:the )?(?:first|second|third|fourth) quarter(?: of)?,? {YEAR}"
                               rf"|Q[1-4][ -]?{YEAR}|{YEAR} ?Q[1-4])(?![\w-])", re.IGNORECASE)


# A stated change or a comparison with a named quarter right after a figure: "..., an increase of 31.4 percent from the fourth quarter of
# 2030", "..., compared with 30.1 billion yuan in the first quarter of 2030".
_CHANGE_FROM_EN = re.compile(rf"^(?: (?:Chinese )?(?:yuan|RMB|CNY)\b)?\)?(?: ?\([^()]*\))?,?(?: \((?=up|down))?(?: ?(?:an? (?:year-on-year |year-over-year )?"
                             rf"(?:increase|decrease|rise|decline|growth) of|up|down)(?: by)? \d[\d.]* ?(?:%|percent|per cent)"
                             rf"(?: year-on-year| year-over-year)?,?)? (?:from|compared (?:with|to)|over|versus|against) "
                             rf"(?:(?:RMB|US\$|CNY) ?\d[\d,.]*(?: ?(?:billion|million|trillion|bn|mn))?|\d[\d,.]* ?(?:billion|million|trillion|bn|mn)"
                             rf"(?: (?:Chinese )?(?:yuan|RMB|CNY))?)?(?: ?\([^()]*\))? ?(?:(?:in|for|during) )?(?:the )?"
                             rf"(?P<q>(?:first|second|third|fourth) quarter(?: of)? {YEAR}|Q[1-4][ -]?{YEAR}|{YEAR} ?Q[1-4]|[1-4]Q ?{YEAR})(?![\w-])",
                             re.IGNORECASE)


def _quarter_before(span: Span) -> Span:
    return Span("quarter", span.year, span.quarter - 1) if span.quarter > 1 else Span("quarter", span.year - 1, 4)


def _change_from(after: str) -> Span | None:
    """The quarter a change stated right after a figure is from, if it names one."""
    match = _CHANGE_FROM_EN.match(after)
    if match and (short := re.fullmatch(rf"([1-4])Q ?({YEAR})", match.group("q"), re.IGNORECASE)):  # a summary's "3Q 2021"
        return quarter_of(year_of(short.group(2)), int(short.group(1)))
    return quarter_named(match.group("q")) if match else None


def _names_quarter_after(after: str, own: Span | None) -> bool:
    """Whether the words right after a figure name, in so many words, the quarter it is placed in ("RMB 300.5 billion in
    the third quarter of 2031" in that quarter's block or on that quarter's page): its own period, no other."""
    match = _QUARTER_AFTER_EN.match(after)
    if not match or own is None or own.kind != "quarter":
        return False
    words = re.sub(r"^the ", "", match.group("p").replace(",", ""), flags=re.IGNORECASE)
    return quarter_named(words) == own


def _prior_period(text: str, headline: Span) -> Span | None:
    """The comparative's period: one year before the headline's, as its words must say."""
    text = (text or "").strip()
    earlier = headline.year_earlier()
    if re.fullmatch(r"去年同期|去年|(?:(?:for|in|over) )?the same (?:period|quarter) (?:of )?last year|last year|a year (?:earlier|ago)",
                    text, re.IGNORECASE):
        return earlier
    if (named := quarter_named(re.sub(r"^(?:in|for) (?:the )?", "", text, flags=re.IGNORECASE))) is not None:
        return earlier if named == earlier else None  # "in Q2 2018": that quarter, only if it is the year before's
    if re.fullmatch(rf"(?:in |for )?{YEAR}年?", text) and headline.kind == "quarter":
        return None  # "in 2023", "较2023年的" after a quarter's figure: the year's figure, or the quarter's?
    if match := re.search(rf"({YEAR})", text):
        year = year_of(match.group(1))
        if date := date_quarter(text):  # twelve months ended a date
            return date if date == earlier else None
        return earlier if year == earlier.year else None
    return None


def _earlier_twelve_months(text: str, headline: Span) -> Span | None:
    """A twelve-month comparative's period: the quarter its stated end date closes, if before the headline's
    ("from 321.3 million in the twelve months ended June 30, 2019" beside September 30, 2019)."""
    date = date_quarter((text or "").strip()) or quarter_named((text or "").strip())
    return date if date is not None and (date.year, date.quarter) < (headline.year, headline.quarter) else None


def _figure(release, rule, match, value, word, period, role, quote) -> Figure | None:
    unit = _unit(rule.metric, word)
    if unit is None or float(plain(value)) > UNITS[unit].maximum:
        return None
    qualifier = qualifier_of(match.groupdict().get("lead")) if role == "headline" else ""
    if qualifier is None:
        return None
    return Figure(release.platform, rule.metric, period, plain(value), unit, qualifier, quote, role, rule.line, rule.weak)


# A period named at the start of a sentence, for all its clauses: "2023年第二季度,快手收入由...,其中,在线营销服务收入由...".
_OPENING = re.compile(rf"^(?:(?:in|for|during) )?(?P<when>(?:the )?(?:first|second|third|fourth) quarter(?: of)? {YEAR}|Q[1-4][ -]?{YEAR}"
                      rf"|{YEAR} ?Q[1-4]|{SHORT_QUARTER}|{YEAR} ?年 ?第?[一二三四]季度?|{YEAR}年Q[1-4]),"
                      rf"|^(?:快手|京东|阿里巴巴|拼多多)?(?P<zh>{YEAR} ?年 ?第?[一二三四]季度?|{YEAR} ?财年 ?第?[一二三四]季度?),?"
                      # a quarter without its year, then a comma ("二季度,快手总流量..."): the page's quarter if it is that one
                      rf"|^(?P<short>第?[一二三四]季度),"
                      # ... or glued to the metric it opens ("二季度净收入为2676亿元", rules14)
                      rf"|^(?P<short2>第?[一二三四]季度)(?=[\u4e00-\u9fff])(?!以来|以前|以后|之前|之后|末|初)", re.IGNORECASE)


# A Chinese sentence opening with a quarter, with or without its year ("2024年第二季度,", "二季度,", "24Q2,").
# ... or glued to the company or metric it is about ("2031Q2京东集团收入2879亿元")
_OPENS_WITH_QUARTER_ZH = re.compile(rf"^(?P<q>{YEAR} ?年 ?第?[一二三四]季度?|{YEAR} ?年? ?Q[1-4]|{SHORT_QUARTER}|第?[一二三四]季度|期内|季内|本季度?|当季度?)"
                                    rf"(?:,|(?=[\u4e00-\u9fff]))")


_OPENING_ENDED = re.compile(rf"^(?:in|for|during) the (?:(?:first|second|third|fourth) quarter |Q[1-4] |quarter |three months )?"
                            rf"(?:financial report |results |earnings )?(?:as of|ended|ending) (?P<date>{MONTH} \d{{1,2}},? {YEAR}),",
                            re.IGNORECASE)


# "During the period,", "In the quarter,": the page's (or the block's) quarter; "As of September 2031,", "At the end of June 2031,":
# the quarter that month ends, if it is that one.
_OPENING_THE = re.compile(r"^(?:(?:during|in|for|over) (?:the|this) (?:reporting )?(?:period|quarter),|(?:期内|季内|报告期内|本季度?|当季度?),)", re.IGNORECASE)
_OPENING_MONTH = re.compile(rf"^(?:as of|as at|at the end of|by the end of|in) (?P<month>{MONTH}) (?P<y>{YEAR}),", re.IGNORECASE)


def _opening_period(text: str, rule: Rule, block: Block, release: Release) -> tuple[int, Span | None]:
    """The length of a sentence-opening period phrase and its quarter, when that is the page's (or the block's)."""
    expected = block.span if block.kind == "quarter" else release.period if block.kind == INTRO else None
    if expected is not None and expected.kind == "quarter" and (the := _OPENING_THE.match(text)):
        return the.end(), expected
    if expected is not None and expected.kind == "quarter" and (month := _OPENING_MONTH.match(text)):
        ends = _month_number_end(month.group("month"), year_of(month.group("y")))
        return (month.end(), ends) if ends == expected else (0, None)
    match = _OPENING.match(text)
    if not match and (ended := _OPENING_ENDED.match(text)):
        # "In the Q3 financial report as of September 30, 2020, ...", "For the quarter ended June 30, 2031, ...": the date's quarter
        span = date_quarter(ended.group("date"))
        expected = block.span if block.kind == "quarter" else release.period if block.kind == INTRO else None
        return (ended.end(), span) if span is not None and span == expected else (0, None)
    if not match:
        return 0, None
    if short := match.group("short") or match.group("short2"):
        span = _short_quarter("一二三四".index(short.lstrip("第")[0]) + 1, release)
        return (match.end(), span) if span is not None and span == expected else (0, None)
    when = match.group("when") or match.group("zh")
    span = quarter_named(re.sub(r"^the ", "", when, flags=re.IGNORECASE))
    if span is None and release.calendar:
        span = fiscal_quarter_named(when)
    expected = block.span if block.kind == "quarter" else release.period if block.kind == INTRO else None
    return (match.end(), span) if span is not None and span == expected else (0, None)


_COMPANIES = {**PLATFORM_NAMES, "meituan": r"Meituan|美团", "tencent": r"Tencent|腾讯", "temu": r"Temu", "taobao": r"Taobao|Tmall|淘宝|天猫"}
_OWN = {"pdd": {"pdd", "temu"}, "alibaba": {"alibaba", "taobao"}}


def _names_another_company(text: str, match: re.Match, platform: str | None) -> bool:
    """Whether the clause a looser wording sits in names another company ("Alibaba's revenue rose ..." on a JD page,
    "e-commerce GMV at Douyin reached ..." on Kuaishou's)."""
    own = _OWN.get(platform or "", {platform})
    start = max(text.rfind(c, 0, match.start()) for c in ",;。:") + 1
    clause = text[start: match.end()]
    return any(re.search(names, clause, re.IGNORECASE) for company, names in _COMPANIES.items() if company not in own)


# "a revenue of 8.3 billion yuan, 20.3 billion yuan and 39.1 billion yuan respectively in 2017, 2018 and 2019" (and "... in 2017, 2018
# and 2019, respectively"): figures paired in order with the years after them. Each pair is read as its own plain statement ("revenue
# in 2017 was 8.3 billion yuan") by the rules, with the sentence as its quote; a head with words of an estimate or another company is
# never split, nor a list whose counts of figures and years differ.
_FIGURE_EN = r"(?:RMB ?|CNY ?)?\d[\d,]*(?:\.\d+)? ?(?:trillion|billion|million)(?: (?:Chinese )?yuan| RMB)?"
_YEARS_EN = r"(?:19|20)\d{2}(?:, (?:19|20)\d{2})*,? and (?:19|20)\d{2}"
_RESPECTIVELY = re.compile(
    rf"(?:^|(?<=[,;:] )|\b(?:an?|its|the) )(?P<noun>(?:total |net )?(?:revenues?|(?:average )?(?:daily|monthly) active users|DAUs?|MAUs?|GMV"
    rf"|annual active (?:buyers|consumers|customers|users)|active buyers)) (?:of|was|were|reached|totaled|totalled) "
    rf"(?P<values>{_FIGURE_EN}(?:, {_FIGURE_EN})*,? and {_FIGURE_EN})(?:,? respectively,? (?:in|for) (?P<years>{_YEARS_EN})"
    rf"|,? (?:in|for) (?P<years2>{_YEARS_EN}),? respectively)\b", re.IGNORECASE)
_HEAD_REFUSE = re.compile(r"expect|estimat|forecast|consensus|project|guidance|target|\bwill\b|\bwould\b|\bcould\b|\bmay\b|\bplans?\b",
                          re.IGNORECASE)


def _respectively(text: str, platform: str | None) -> list[str]:
    """A "respectively" sentence's figures as plain statements, one per year, or [] (see ``_RESPECTIVELY``)."""
    match = _RESPECTIVELY.search(text)
    if match is None or _HEAD_REFUSE.search(text):
        return []
    own = _OWN.get(platform or "", {platform})
    if any(re.search(names, text[: match.end()], re.IGNORECASE) for company, names in _COMPANIES.items() if company not in own):
        return []
    values = re.findall(_FIGURE_EN, match.group("values"), re.IGNORECASE)
    years = re.findall(r"(?:19|20)\d{2}", match.group("years") or match.group("years2"))
    if len(values) != len(years):
        return []
    noun = match.group("noun")
    return [f"{noun[0].upper()}{noun[1:]} in {year} was {value}." for value, year in zip(values, years)]


def _garbled(text: str, start: int, end: int) -> bool:
    """Whether the figure's digits run into others: "2.603.48億元", "RMB 306 1 billion" read from the "1"."""
    before, after = text[max(0, start - 2): start], text[end: end + 2]
    return bool(re.search(r"\d[.,]?$|\d $", before) or re.match(r"[.,]\d|\d", after))


_AROUND = (100, 80)  # characters before and after a figure's words in which a refusing word counts


# An actual figure set against the estimates is no estimate: "超市场预期", "超出彭博一致预期的13.1%", "better-than-expected",
# "beating analysts' estimates of 43.3 billion yuan". These phrases are taken out before refusing words are looked for.
_AGAINST_ESTIMATES = re.compile(
    r"(?:超出?|好于|优于|低于|高于|不及|符合|略超|大超|远超)[^,;。]{0,8}?预期(?:的[\d.]+%)?"
    r"|\b(?:better|worse|stronger|weaker)-than-expected\b"
    # "Other service revenue of 5.24 billion yuan, estimated at 5.02 billion yuan": the estimate is the other figure
    r"|, (?:(?:vs\.?|versus|against|compared (?:with|to)) )?(?:an? |the )?(?:market |consensus |analysts?'? )?(?:average |mean |median )?"
    r"(?:estimated at|estimates? of|expected at|forecasts? of)"
    r" (?:RMB ?|US\$ ?)?\d[\d,.]* ?(?:billion|million|trillion|bn|mn)?(?: yuan)?"
    # "slightly higher than the market expected 154.7 billion yuan", "lower than analysts had estimated"
    r"|\b(?:higher|lower|more|less|better|worse|above|below) than (?:the )?(?:market|analysts?'?|Wall Street|consensus|investors?)(?:'s)?"
    r" (?:had )?(?:expected|estimated|forecast|anticipated)\b"
    r"|\b(?:beat|beats|beating|exceed(?:s|ed|ing)?|above|ahead of|below|miss(?:ed|ing)?|top(?:s|ped|ping)?|surpass(?:ed|ing)?)"
    r" (?:the )?(?:average |market |analysts?'?s? |Bloomberg's |consensus |Wall Street )*(?:expectations?|estimates?|forecasts?|consensus)"
    r"(?: of [^,;]*)?", re.IGNORECASE)


# An estimate stated right after a figure ("revenue of 2011 billion yuan, market forecast of 190.741 billion yuan"): the figure and the
# estimate are of one size; a figure ten times the estimate lost its decimal point.
_ESTIMATE_AFTER = re.compile(r"^[^;.]{0,40}?\b(?:estimated at|estimates? of|expected at|expectations? of|forecasts? of|consensus of)"
                             r" (?:RMB ?|CNY ?)?(?P<v>\d[\d,]*(?:\.\d+)?) ?(?P<u>trillion|billion|million)\b", re.IGNORECASE)
_SCALE = {"trillion": 1e12, "billion": 1e9, "million": 1e6}


def _far_from_estimate(text: str, match: re.Match) -> bool:
    """Whether an estimate stated right after the figure is not within half to twice it (see ``_ESTIMATE_AFTER``)."""
    unit = (match.group("u") or "").lower()
    estimate = _ESTIMATE_AFTER.match(text[match.end():])
    if estimate is None or unit not in _SCALE:
        return False
    figure = float(plain(match.group("v")).replace(",", "")) * _SCALE[unit]
    stated = float(estimate.group("v").replace(",", "")) * _SCALE[estimate.group("u").lower()]
    return not 0.5 * stated <= figure <= 2 * stated


def _around(text: str, match: re.Match) -> str:
    """The words around a figure's: a refusing word ("estimate", "will", another product) counts there, not
    anywhere in a long run-on sentence (a summary that lost its full stops); a comparison with the estimates is no
    estimate."""
    after = text[match.end(): match.end() + _AROUND[1]]
    if re.search(r"[\u4e00-\u9fff]", match.group()):
        after = re.split(r"[,;。]", after, maxsplit=1)[0]  # Chinese: a refusing word after the figure counts in its own clause only
    return _AGAINST_ESTIMATES.sub(" ", text[max(0, match.start() - _AROUND[0]): match.end()] + after)


_SAME_QUARTER_BEFORE = re.compile(rf"(?:in|for) the same quarter (?:of|in) {YEAR}|in Q[1-4][ -]?{YEAR}"
                                  rf"|in the (?:first|second|third|fourth) quarter of {YEAR}", re.IGNORECASE)
_CLAUSE_QUARTER = re.compile(rf"{YEAR} ?年 ?第?[一二三四]季度?|{YEAR} ?年? ?Q[1-4]|{SHORT_QUARTER}|第?[一二三四]季度|Q[1-4]")
_PAIRED = re.compile(r"(?:元)?(?:人民币)?,? ?(?:and|及|和|与|、) ?(?:RMB ?)?\d", re.IGNORECASE)


# A stated change right after a figure and its comparative, in the same clause, that the wording itself did not read.
_TRAILING_CHANGE = re.compile(
    r"[^.;。；]{0,12}?,?\s*(?:(?:marking|representing|reflecting|showing|indicating|which (?:is|was))\s+)?an?\s+"
    r"(?:(?:year-on-year|year-over-year|yoy)\s+)?(?P<dir>growth|increase|rise|decrease|decline|drop)\s+of\s+"
    r"(?P<g>\d+(?:\.\d+)?)\s*(?:%|percent)|[^。；]{0,6}?[，,]?\s*同比(?P<dir_zh>增长|上升|下降|减少)(?P<g_zh>\d+(?:\.\d+)?)%",
    re.IGNORECASE)


# The same after a figure read alone: its comparative, then the change, in the rest of the clause.
_TRAILING_PAIR = re.compile(
    r"[^.;。；]{0,40}?(?:up |down )?(?:from|compared (?:to|with)|versus|against|较|相比)\s*(?:RMB|US\$|人民币)?\s*"
    r"(?P<pv>\d[\d,]*(?:\.\d+)?)\s*(?P<pu>million|billion|trillion|亿|万)?(?:" + _TRAILING_CHANGE.pattern + ")",
    re.IGNORECASE)


def _read_sentence(release: Release, rule: Rule, text: str, quote: str, block: Block, skipped: list[str],
                   carry: Span | None = None, after: Span | None = None) -> list[Figure]:
    match = rule.pattern.search(text)
    if not match or (rule.refuse is not None and rule.refuse.search(_around(text, match))):
        return []
    where = f"{rule.metric} in {quote[:60]!r}"

    def skip(why: str) -> list[Figure]:
        skipped.append(Skip(f"{where}: {why}", rule.metric, plain(match.group("v")), _unit(rule.metric, match.group("u"))))
        return []

    opening, named = _opening_period(text, rule, block, release)
    if named is not None and match.start() < opening:
        opening, named = 0, None  # the rule reads the opening words itself
    if named is None and carry is not None and rule.weak and block.kind == INTRO:
        # the sentence right before named the page's quarter in so many words and gave its figure: a looser wording that names no
        # period of its own goes on with it ("Net revenues for the fourth quarter of 2031 were ... The company said, net service
        # revenues were ..."); any word for another period next to the figure still leaves it out
        named = carry
    if named is None and rule.weak and block.kind == INTRO and release.period is not None and release.period.kind == "quarter" \
            and ";" in text[: match.start()] \
            and _names_only(text[: match.start()], release.period):
        # a clause after a semicolon in a sentence that named the page's quarter in so many words, and no other period: "快手第二季度平均月
        # 活跃用户5.9亿,较去年同期5.1亿增长15.9%;平均日活跃用户...达3.47亿", "JD announced its results for Q2 2031, with key figures including
        # revenue of RMB253.8 billion; service revenue of RMB 34.1 billion" (any word for another period next to the figure still leaves it out)
        named = release.period
    if rule.weak and _names_another_company(text, match, release.platform):
        return skip("its clause names another company; not read as this one's")
    if "py" not in match.groupdict() and _garbled(text, match.start("v"), match.end("v")):  # a run-together table's cells touch
        return skip("the number runs into other digits (a point or a space lost or doubled); not read")
    if "pair" not in rule.line and _PAIRED.match(text, match.end("u")) and match.end() <= match.end("u") + 2:
        # "... monthly active users ... reached 374 million and 654 million": the first of two figures named together;
        # which name it is is read only by a wording for the pair
        return skip("the figure is the first of a pair ('X and Y'); only a wording for the pair reads it")
    if _unclear_period(text, match, rule, block, release, opening):
        return skip("words next to the figure name a period the wording does not place")
    if (gap := match.groupdict().get("gap")) and (_PERIOD_WORDS_EN.search(gap) or _HALF.search(gap)):
        return skip("words between the period and the figure name another period")
    period, why = _headline_period(match, rule, block, release, named)
    if period is None:
        return skip(why)
    if period == release.period and not _when(match) and block.kind == INTRO \
            and (after == _ANOTHER or (after is not None and after != release.period and named is None)):
        # "In the first quarter of 2031, ... Average DAU reached 408 million." on a page about another quarter: a sentence naming
        # no period after one that named another never takes the page's quarter
        return skip(f"it names no period and follows a sentence about {'another period' if after == _ANOTHER else after}; "
                    f"not placed in the page's {release.period}")
    checked = text
    if _when(match) == "when2" and match.start("when2") >= match.end("u"):
        # the figure's own period after it ("... 779 million for the whole year"), already placed: no other period
        checked = text[: match.start("when2")] + " " * (match.end("when2") - match.start("when2")) + text[match.end("when2"):]
    if period.kind == "quarter" and rule.period != "ttm" and (since := _change_from(text[match.end("u"):])) is not None \
            and since not in (period.year_earlier(), _quarter_before(period)):
        # "..., an increase of 7.6% from Q1 2030" after a figure placed in 2031Q2: a year-on-year change from another quarter, or
        # the figure is another quarter's
        return skip(f"its stated change is from {since}, neither a year nor a quarter before {period}; not placed")
    # a history's wording ties each of its figures to the period named right after it ("from 244.8 million ... in 2017 to 788.4 million
    # in 2020"): its "from X" and the other periods of the sentence are the wording's own
    if "history" not in rule.line and (why := refusal(checked, rule.metric, release.platform, match.start(), match.start("v"), match.end("u"),
                                                      period, "pair" in rule.line, rule.period == "ttm")):
        return skip(why)
    if rule.weak and block.kind == "year" and not match.groupdict().get("when") and METRICS[rule.metric].kind == "people":
        # An executive's user count under a full-year heading ("我們的日活躍用戶數創下歷史新高,突破4億大關"): a record
        # or one quarter's figure, not the year's average, unless the sentence itself names the year.
        return skip("an executive's user count in a full-year block names no period of its own (a record, or one quarter?)")
    headline = _figure(release, rule, match, match.group("v"), match.group("u"), period, "headline", quote)
    if headline is None:
        return skip("the wording or unit does not give a figure for certain")
    if _far_from_estimate(text, match):
        return skip("the figure is not within half to twice the estimate stated beside it (a decimal point lost?); not read")
    found = [headline]
    groups = match.groupdict()
    if not groups.get("pv") and (after := _TRAILING_PAIR.match(text, match.end())):
        # "... reached 506.2 million in Q2 2031, up from 474.3 million in Q2 2030, marking a growth of 6.4%": the wording
        # read the figure only, but the sentence states its comparative and the change, and the three must fit
        change, direction = after.group("g") or after.group("g_zh"), after.group("dir") or after.group("dir_zh")
        sign = -1 if re.match(r"decreas|declin|drop|下降|减少", direction, re.IGNORECASE) else 1
        prior_unit = _unit(rule.metric, after.group("pu") or "") or headline.unit
        if not within_growth(headline.value, headline.unit, plain(after.group("pv")), prior_unit, change, sign):
            return skip(f"the stated change of {change}% does not fit {match.group('v')} against {after.group('pv')}; left out")
    if groups.get("pv"):
        change = groups.get("g") or groups.get("g2")
        direction = groups.get("dir") if groups.get("dir") is not None else groups.get("dir2")
        if not change and (after := _TRAILING_CHANGE.match(text, match.end())):
            # "... up from 474.3 million in Q2 2020, marking a growth of 6.4%": a change the wording did not read
            # still has to fit the pair
            change, direction = after.group("g") or after.group("g_zh"), after.group("dir") or after.group("dir_zh")
        if change and direction is not None:  # an empty direction: a table's change column (a rise unless bracketed)
            sign = -1 if re.match(r"decreas|declin|fell|drop|down|下降|减少|下跌|跌", direction, re.IGNORECASE) else 1
            if not within_growth(headline.value, headline.unit, plain(groups["pv"]), _unit(rule.metric, groups.get("pu") or "") or headline.unit,
                                 change, sign):
                return skip(f"the stated change of {change}% does not fit {groups['v']} against {groups['pv']}; both left out")
        if groups.get("py"):  # a table's two year columns: the headline's year, then the year before
            prior = period.year_earlier() if (year_of(groups["hy"]), year_of(groups["py"])) == (period.year, period.year - 1) else None
        else:
            prior = (_prior_period(groups.get("pwhen") or groups.get("pwhen2") or "", period) if rule.period != "ttm"
                     else _earlier_twelve_months(groups.get("pwhen") or "", period))
        if prior is None and not _when(match) and not groups.get("py") and rule.weak and block.kind == INTRO:
            # a looser wording placed by the page alone whose comparative names another period than the year before: which
            # period the figure itself is for is in doubt
            return skip(f"its comparative {groups['pv']} is for another period than a year before {period}; not placed")
        if prior is None:
            skipped.append(f"{where}: the comparative {groups['pv']} is not placed one year before {period}")
        elif (comparative := _figure(release, rule, match, groups["pv"], groups.get("pu") or groups["u"], prior, "comparative",
                                     quote)) is not None:
            found.append(comparative)
    return found


def _satisfies(exact: Figure, bound: Figure) -> bool:
    """Whether an exact figure meets a bound ("over 4亿" and 4.01亿) at the exact figure's published precision."""
    value, limit = canonical(exact.value, exact.unit), canonical(bound.value, bound.unit)
    step = 0.5 * 10 ** -decimals(exact.value) * UNITS[exact.unit].factor
    return value + step > limit if bound.qualifier == "over" else value - step < limit if bound.qualifier == "under" else False


# Words for twelve months to a quarter's end, and for a single quarter as a figure's period (see _plausible)
_TWELVE_MONTHS = re.compile(r"twelve|12[- ]?months?|trailing|annual|past year|\bLTM\b|\bTTM\b|十二个月|12个月|十二個月|12個月|年度|全年", re.IGNORECASE)
_A_QUARTERS = re.compile(r"\b(?:in|for|during) (?:the )?(?:first|second|third|fourth|[1-4](?:st|nd|rd|th))[ -]quarter\b|\b(?:in|for|during) Q[1-4]\b"
                         r"|(?:第?[一二三四]季度)(?:的)?(?:GMV|成交额|交易额)", re.IGNORECASE)


def _plausible(figures: list[Figure], skipped: list[str]) -> list[Figure]:
    """The figures inside their plausibility band (:func:`kreport.extract.rules.generic.band_for`) widened tenfold at its low end,
    whichever rule read them: a figure outside it is a misprint or a misread unit ("revenue of 221.084 million yuan" for Alibaba's
    quarter, a thousandth of its size), never corrected. The low end is widened for the earliest years a release or prospectus may
    give (Kuaishou's revenue of RMB 8.3 billion in 2017); the clause reader keeps the band itself."""
    kept = []
    for f in figures:
        band = band_for(f.platform, f.metric, f.period.kind) if f.platform else None
        if band is not None:
            band = (band[0] / 10, band[1])
            size = band_size(f.metric, f.value, f.unit)
            if not band[0] <= size <= band[1]:
                skipped.append(f"{f.line}: {f.platform} {f.metric} {f.period.label} = {f.value} {f.unit} is outside the plausible range "
                               f"{band[0]:g}-{band[1]:g} for it; left out")
                continue
        if f.metric == "gmv_ttm" and not _TWELVE_MONTHS.search(f.quote) and _A_QUARTERS.search(f.quote):
            # "GMV reached 1.16 trillion yuan in the first quarter": the page calls a twelve-month figure a quarter's; reading it as
            # the twelve months would be a correction, never made
            skipped.append(f"{f.line}: {f.platform} gmv_ttm {f.period.label} = {f.value} {f.unit}: the sentence gives it as a quarter's, "
                           "not twelve months'; left out")
            continue
        if f.weak and f.metric == "revenue_total" and f.role == "headline" and (at := f.quote.find(f.value)) > 0 \
                and (part := part_subject(f.quote, at, f.platform)):
            # a looser wording's total whose subject is a part of the company: "New business segments, particularly food delivery,
            # generated 57.5 billion CNY in revenue"
            skipped.append(f"{f.line}: {f.platform} revenue_total {f.period.label} = {f.value} {f.unit}: the sentence's subject is a part "
                           f"of the company ({part!r}); left out")
            continue
        kept.append(f)
    return kept


def _settle(figures: list[Figure], skipped: list[str]) -> list[Figure]:
    """One figure per metric and period: agreeing ones merged, disagreeing ones left out. An exact figure and a
    bound it meets give the exact figure; a bound it contradicts ("over 4亿" against 3.994亿) leaves both out."""
    kept: list[Figure] = []
    keys = list(dict.fromkeys((f.platform, f.metric, f.period) for f in figures))
    for key in keys:
        same = [f for f in figures if (f.platform, f.metric, f.period) == key]
        strong = [f for f in same if not f.weak] or same
        exact = [f for f in strong if f.qualifier in ("", "about")]
        bounds = [f for f in strong if f.qualifier in ("over", "under")]
        if exact and bounds and all(_satisfies(exact[0], b) for b in bounds):
            strong = exact
        first = strong[0]
        if all(agrees(f.value, f.unit, first.value, first.unit) and f.qualifier == first.qualifier for f in strong):
            # The same figure stated twice ("总营收350.5亿元", "至350亿元"): the most precise statement of it.
            headlines = [f for f in strong if f.role == "headline"] or [first]
            kept.append(min(headlines, key=lambda f: 10 ** -decimals(f.value) * UNITS[f.unit].factor))
        else:
            values = ", ".join(dict.fromkeys(f"{f.qualifier + ' ' if f.qualifier else ''}{f.value} {f.unit}" for f in strong))
            skipped.append(f"{key[1]} {key[2]}: the release gives different values ({values}); none kept")
    return _check_parts(kept, skipped)


# A part and the whole it belongs to, for the same period: the part must be smaller.
_PARTS = (("revenue_marketing", "revenue_total"), ("revenue_commerce", "revenue_total"), ("dau", "mau"), ("monthly_buyers", "mau"))


def _check_parts(kept: list[Figure], skipped: list[str]) -> list[Figure]:
    """Figures checked against the page's other figures for the same period: a part larger than its whole (a segment's
    revenue above the total, daily above monthly users), or parts adding up to more than the whole, leave the part out."""
    by_key = {(f.platform, f.metric, f.period): f for f in kept if f.qualifier in ("", "about")}
    dropped: set[tuple[str, str, Span]] = set()
    for part, whole in _PARTS:
        for (platform, metric, period), figure in by_key.items():
            total = by_key.get((platform, whole, period))
            if metric != part or total is None:
                continue
            if canonical(figure.value, figure.unit) >= canonical(total.value, total.unit) * (1 + 1e-9):
                dropped.add((platform, metric, period))
                skipped.append(Skip(f"{metric} {period}: {figure.value} {figure.unit} is not below the {whole} "
                                    f"{total.value} {total.unit} the page gives for it; left out", metric, figure.value, figure.unit))
    for platform, period in {(f.platform, f.period) for f in kept}:
        parts = [by_key[(platform, m, period)] for m in ("revenue_marketing", "revenue_commerce") if (platform, m, period) in by_key]
        total = by_key.get((platform, "revenue_total", period))
        if len(parts) == 2 and total is not None and not any((platform, f.metric, period) in dropped for f in parts):
            slack = sum(0.5 * 10 ** -decimals(f.value) * UNITS[f.unit].factor for f in parts)
            # each figure at its published precision: the parts' and the total's roundings both allowed for (42.46 + 44.4 against 86.8)
            slack += 0.5 * 10 ** -decimals(total.value) * UNITS[total.unit].factor
            if sum(canonical(f.value, f.unit) for f in parts) - slack > canonical(total.value, total.unit) * (1 + 1e-9):
                for f in parts:
                    dropped.add((platform, f.metric, period))
                skipped.append(f"revenue {period}: marketing and commerce revenue add up to more than the total the page gives; both left out")
    return [f for f in kept if (f.platform, f.metric, f.period) not in dropped]


def _other_companies(release: Release, text: str, quote: str, block: Block, carry: Span | None = None) -> list[Figure]:
    """Another listed company's figures on a page that compares several ("Rival JD.com's revenue rose 1.7% to 247.7 billion
    yuan in the third quarter" on PDD's page): read only by that company's looser wordings, outside any headed block, in a
    clause that names that company and no other, and only for the quarter the page reports on, named in the sentence itself
    in so many words ("the third quarter", "Q3 2031", "September 30, 2031"; never "the quarter", never placed by the page).
    What is left out is not reported (the page is not that company's)."""
    if release.period is None or release.period.kind != "quarter" or (block.kind != INTRO and block.span is not None):
        return []
    found: list[Figure] = []
    for other, names in PLATFORM_NAMES.items():
        if other == release.platform or not RULES.get(other) or not re.search(names, text, re.IGNORECASE):
            continue
        guest = replace(release, platform=other, flat=False, dated=None, calendar=other != "alibaba")
        for rule in RULES[other]:
            if not rule.weak or not (match := rule.pattern.search(text)):
                continue
            start = max(text.rfind(c, 0, match.start()) for c in ",;。:") + 1
            if not re.search(names, text[start: match.end()], re.IGNORECASE):
                continue  # the figure's own clause must name the company
            when = match.group(_when(match)) if _when(match) else ""
            # the page's quarter may be named right after the figure ("... to RMB 300.5 billion in the third quarter of 2031")
            # ... or "during the same period" right after a sentence that named the page's quarter and gave its figure
            same = carry == release.period and re.fullmatch(r"the same (?:period|quarter)", when or "", re.IGNORECASE)
            if not re.search(rf"{YEAR}|\b(?:first|second|third|fourth|Q[1-4])\b|{MONTH}|[一二三四]季", when, re.IGNORECASE) \
                    and not (not when and _names_quarter_after(text[match.end("u"):], release.period)) and not same:
                continue  # the quarter named in so many words ("the third quarter", "Q3 2031"), not "the quarter"
            read = _read_sentence(guest, rule, text, quote, block, [], carry)
            if read and read[0].period == release.period:  # the page's quarter only (and its comparative a year before)
                found.extend(read)
    return found


_DATE_MARK = re.compile(r"^date \d{4}-\d{2}-\d{2} ?")  # the store's mark of the page's date, before its first sentence
_QUARTER_NAMED = re.compile(rf"\b(?P<n>first|second|third|fourth)[ -]quarter(?:,? (?:of )?(?P<y>{YEAR}))?|\bQ(?P<q>[1-4])(?:[ -]?(?P<y2>{YEAR}))?\b"
                            rf"|(?P<y3>{YEAR}) ?年? ?(?:第?(?P<zh>[一二三四])季度?|Q(?P<q2>[1-4]))|第(?P<zh2>[一二三四])季度?", re.IGNORECASE)


_TWELVE_TO_END = re.compile(rf"\b(?:the )?(?:past |trailing |last )?(?:twelve|12)[- ]months?(?: period)? (?:ended|ending|to|through) "
                            rf"(?:the end of (?P<y>{YEAR})|(?P<date>{MONTH} \d{{1,2}},? {YEAR}))", re.IGNORECASE)


_PART_WORDS = re.compile(r"\b(?:full[- ]year|fiscal year|annual(?! active)|first half|second half|interim|six months|nine months|H[12]"
                         r"|first three quarters|year[- ]to[- ]date|so far this year|this year|twelve months|12 months|trailing)\b"
                         r"|全年|年度|财年|半年|"
                         r"中期(?!目[标標]|[规規][划劃]|[计計][划劃]|[战戰]略)|前三季|首三季|九个月|六个月|年初|今年|过去12个月|过去十二个月", re.IGNORECASE)


def _names_page_quarter_only(text: str, release: Release) -> bool:
    """Whether a sentence (matchable form) names the page's quarter, with its year, as the only period of its own, and no word for a
    half year, nine months, a year or twelve months."""
    form = plain_periods(text, release.fiscal_end)
    return periods_named(form) == {release.period} and not _PART_WORDS.search(form)


def _names_only(text: str, period: Span) -> bool:
    """Whether ``text`` names ``period`` (a quarter, or the twelve months to its end) in so many words and no other quarter, half
    or year (the quarters it compares with left aside)."""
    text = without_comparatives(text)
    found = False
    for match in _TWELVE_TO_END.finditer(text):
        end = date_quarter(match.group("date")) if match.group("date") else Span("quarter", year_of(match.group("y")), 4)
        if end != period:
            return False
        found = True
    text = _TWELVE_TO_END.sub(" ", text)
    for match in _QUARTER_NAMED.finditer(text):
        number = (_ORDINAL_WORDS.index(match.group("n").lower()) + 1 if match.group("n") else int(match.group("q") or match.group("q2") or 0)
                  or "一二三四".index(match.group("zh") or match.group("zh2")) + 1)
        year = match.group("y") or match.group("y2") or match.group("y3")
        if number != period.quarter or (year and year_of(year) != period.year):
            return False
        found = True
    other = r"\b(?:full[- ]year|annual(?! active| spending| consumption)|fiscal year)\b|全年|年度(?!活跃)|半年"
    return found and not _HALF.search(text) and not re.search(other, text, re.IGNORECASE)


# A clause that forecasts ("我们预计2031Q2直播业务收入同比下降14%", "management expects Q2 revenue to grow"): its period is no period a
# story moves on to (issue 23, heldout16)
_FORECAST_CLAUSE = re.compile(r"预计|预测|預計|預測|展望|指引|\b(?:expects?|expected|expecting|forecasts?|projects?|projected|guidance|outlook)\b",
                              re.IGNORECASE)


def _actual_periods(text: str) -> set[Span]:
    """The periods a sentence names outside its clauses that forecast."""
    return periods_named(",".join(p for p in re.split(r"[,;。，；]", text) if not _FORECAST_CLAUSE.search(p)))


_ANOTHER = Span("another period", 0)  # a passage about a period other than the page's, not named


def _continued(segment_text: str) -> bool:
    """Whether an English piece opens in lower case: it goes on with the sentence before it (a list's items)."""
    return bool(re.match(r"[a-z]", segment_text)) and not re.search(r"[\u4e00-\u9fff]", segment_text)


def _unframed_lists(release: Release) -> set[int]:
    """The sentences of a list (a sentence and the lower-case items after it) that names no period, on a page where another list's
    sentence names the page's quarter ("Total revenues were 13,120.0 million yuan ... - revenues from online marketing services grew by
    852% ...", then "In the fourth quarter, revenues went up ... - revenues from online marketing services increased by 470% ..."): the
    list without a period is another period's (the year's), never the page's quarter."""
    if release.period is None or release.period.kind != "quarter":
        return set()
    texts = [plain_periods(unspun(_DATE_MARK.sub("", matchable(s.segment.text))), release.fiscal_end) for s in release.sentences]
    continued = [_continued(s.segment.text) for s in release.sentences]
    lists = [(i, [j for j in range(i + 1, len(texts)) if all(continued[i + 1: j + 1])])
             for i in range(len(texts) - 1) if not continued[i] and continued[i + 1]]
    if not any(_names_only(texts[i], release.period) for i, _ in lists):
        return set()
    return {k for i, items in lists if not periods_named(texts[i]) and not _names_only(texts[i], release.period) for k in (i, *items)}


def periods_mentioned(text: str) -> bool:
    """Whether a sentence has any word for a period (a year, a half, a quarter, a month ...)."""
    chinese = bool(re.search(r"[\u4e00-\u9fff]", text))
    return bool((_PERIOD_WORDS_ZH if chinese else _PERIOD_WORDS_EN).search(_YOY.sub("", text)) or _HALF.search(text))


def _opens_with_another_period(text: str, period: Span) -> bool:
    """Whether a list item's words before its first figure name a period other than ``period`` ("Full-year adjusted net profit of",
    "2024年全年收入"): such an item starts a passage about that period."""
    head = re.split(r"\d", text, maxsplit=1)[0]
    if not (_PERIOD_WORDS_EN.search(head) or _PERIOD_WORDS_ZH.search(head) or _HALF.search(head)):
        return False
    return not _names_only(head, period)


_NEARBY = 2  # the sentences before and after a sentence that count as its neighbourhood


def _quarter_only_nearby(release: Release, index: int, text: str) -> bool:
    """Whether a sentence outside any block that names no period sits among sentences about the page's quarter only: the page is placed
    in a quarter, and neither the sentence nor its neighbours (two each side) name a period or use a word for a half year, nine months,
    a year or twelve months (issue 23, rules12: "2)实现服务收入574.9亿元,同比增长6.3%" on a quarter's broker note). Forecasts, other
    companies and comparatives keep their own guards."""
    if release.period is None or release.period.kind != "quarter" or release.sentences[index].block.kind != INTRO:
        return False
    if release.parts and release.period.quarter == (release.fiscal_end // 3 or 4):
        return False  # a quarter that ends the fiscal year, on a page that also speaks of a year or a part of one: a bare figure may be the year's
    if periods_mentioned(text) or _PART_WORDS.search(text):
        return False
    for near in release.sentences[max(0, index - _NEARBY): index + _NEARBY + 1]:
        form = plain_periods(matchable(near.segment.text), release.fiscal_end)
        if _PART_WORDS.search(form) or (periods_named(form) - {release.period}):
            return False
    return True


_PERIOD_ONLY = re.compile(r": (?:words next to the figure name a period the wording does not place|the sentence names no period and sits outside "
                          r"any headed block|its period could not be read|it sits outside the blocks this wording is read in)")


def _taken(clause: str, values: list[str]) -> bool:
    """Whether a clause holds one of ``values`` (figures a company rule read or left out) as a number of its own."""
    digits = clause.replace(",", "")
    return any(re.search(rf"(?<![\d.]){re.escape(v)}(?![\d])", digits) for v in values if v)


def _generic(release: Release, text: str, quote: str, block: Block, read: list[Figure], skipped: list[str], already: int,
             carry: Span | None, after: Span | None) -> list[Figure]:
    """The generic clause reader's figures (kreport/extract/clauses.py), for the clauses no company rule read: a clause holding a figure
    a rule read or left out is the rule's, and gives at most the comparative the rule did not read for the very figure it read."""
    if release.platform is None or release.platform not in RULES:
        return []
    # a rule that left a figure out only because it could not place its period does not hold the clause: the reader places periods its
    # own way (never by a guess); any other reason (a guard, an estimate, a comparison) does
    values = [f.value for f in read] + [s.value for s in skipped[already:] if isinstance(s, Skip) and not _PERIOD_ONLY.search(s)]
    found: list[Figure] = []
    notes: list[tuple[str, str, str, str]] = []
    readings = read_clauses(release, text, block, carry, notes, after)
    skipped.extend(Skip(*note) for note in notes)
    for reading in readings:
        clause = text[reading.clause[0]: reading.clause[1]]
        prior = reading.prior
        # the clause is a rule's where the rule read (or left out) this figure, or read this metric in it: "DAU达4.09亿 ... MAU达7.15亿"
        # with DAU read by a rule still gives MAU
        if _taken(text[reading.value_start: reading.value_end], values) or any(
                f.metric == reading.metric and _taken(clause, [f.value]) for f in read) or any(
                isinstance(s, Skip) and s.metric == reading.metric and not _PERIOD_ONLY.search(s) and _taken(clause, [s.value])
                for s in skipped[already:]):
            mine = [f for f in read if f.metric == reading.metric and f.role == "headline" and f.period == reading.period
                    and agrees(f.value, f.unit, reading.value, reading.unit)]
            if not mine or prior is None or any(f.metric == reading.metric and f.role == "comparative" for f in read):
                continue
            found.append(Figure(release.platform, reading.metric, prior[0], prior[1], prior[2], "", quote, "comparative", CLAUSE_LINE, True))
            continue
        found.append(Figure(release.platform, reading.metric, reading.period, reading.value, reading.unit, reading.qualifier, quote,
                            "headline", CLAUSE_LINE, True))
        if prior is not None:
            found.append(Figure(release.platform, reading.metric, prior[0], prior[1], prior[2], "", quote, "comparative", CLAUSE_LINE, True))
    return found


def read_figures(release: Release) -> Reading:
    """Every figure the platform's rules find in the release, each once."""
    skipped: list[str] = []
    rules = RULES.get(release.platform or "", ())
    if release.platform and not rules:
        skipped.append(f"no wordings are known for {release.platform} releases")
    figures: list[Figure] = []
    opened, block = "", None  # the quarter the sentence before opened with, in the same block
    carried: Span | None = None  # the page's quarter, when the sentence before named it and gave its figure
    after: Span | None = None  # the period the last sentence that named one (in the same block) named, when it named only one
    listed: Span | None = None  # the page's quarter, when the last sentence that opens with a capital named it and no other period
    # the page's quarter, in a list of items each ending with a semicolon whose first item named it and no other period ("Q4 revenue of
    # RMB35.4bn (+8.7% yoy); ... Daily active users 401 million (+4.8% yoy); ..."): an item that names no period goes on with it, until
    # the list ends or an item opens with another period ("Full-year revenue of ...;")
    semicolons: Span | None = None
    listing = False  # the sentence before ended with a semicolon
    unframed = _unframed_lists(release)
    previous = ""  # the sentence before, as read (a part of the company it is about goes on to a sentence naming no subject)
    for index, located in enumerate(release.sentences):
        text = plain_periods(unspun(_DATE_MARK.sub("", matchable(located.segment.text))), release.fiscal_end)
        if located.block != block:
            opened, block, carried, after, listed, semicolons = "", located.block, None, None, None, None
        named = periods_named(text)
        # An English piece that opens in lower case goes on with the sentence before it (a list's items: "In the fourth quarter, revenues
        # went up by 379% ... - revenues from online marketing services increased by 470% ... to 5,062.4 million yuan"): it takes the
        # page's quarter when that sentence named it in so many words and no other period; after a sentence naming none, nothing.
        continued = _continued(located.segment.text)
        if not continued:
            listed = release.period if release.period is not None and _names_only(text, release.period) else None
        if opened and text.startswith("其中"):
            # "二季度,快手收入为309.75亿元。其中,线上营销服务收入为175亿元": the parts take the quarter the sentence
            # before opened with (checked like any period the sentence names itself)
            text = f"{opened},{text}"
        opening = _OPENS_WITH_QUARTER_ZH.match(text)
        opened = opening.group("q") if opening else ""
        if semicolons is not None and _opens_with_another_period(text, semicolons):
            semicolons = None
        carry = carried if carried is not None or not continued else listed
        if carry is None and semicolons is not None and not named:
            carry = semicolons
        if carry is None and not named and _quarter_only_nearby(release, index, text):
            carry = release.period
        read: list[Figure] = []
        already = len(skipped)
        for rule in rules:
            read.extend(_read_sentence(release, rule, text, located.segment.text, located.block, skipped, carry,
                                       _ANOTHER if index in unframed else None if named else after))
        for piece in _respectively(text, release.platform):  # each year's figure of a "respectively" sentence, read on its own
            for rule in rules:
                read.extend(_read_sentence(release, rule, piece, located.segment.text, located.block, skipped))
        generic = _generic(release, text, located.segment.text, located.block, read, skipped, already, carry,
                           _ANOTHER if index in unframed else None if named else after)
        if index and release.platform and (part := carried_part(previous, text, PLATFORM_NAMES[release.platform])):
            # a bare revenue right after a sentence about a part of the company is the part's, never the company's total
            skipped.extend(f"revenue_total {f.value} {f.unit} in {text[:60]!r}: the sentence before is about {part!r}, a part of the "
                           f"company, and this one names no subject of its own; left out" for f in read + generic if f.metric == "revenue_total")
            read = [f for f in read if f.metric != "revenue_total"]
            generic = [f for f in generic if f.metric != "revenue_total"]
        previous = text
        figures.extend(read)
        figures.extend(generic)
        read = read + [f for f in generic if f.role == "headline"]
        figures.extend(_other_companies(release, text, located.segment.text, located.block, carried))
        # the page's quarter, named in this sentence in so many words and given a figure: the next sentence may go on with it
        # ... or announced the results of that quarter ("Alibaba yesterday announced its financial results for the second quarter of 2020")
        # ... or, naming no period itself, went on with that quarter and gave its figure ("Alibaba yesterday announced its financial results
        # for the second quarter of 2020. The tech and e-commerce giant obtained a revenue of 153,751 million RMB, ... The number of
        # consumers active on ...")
        chained = carry is not None and carry == release.period and not named and not periods_mentioned(text) \
            and any(f.period == release.period for f in read)
        carried = release.period if release.period is not None and (any(f.period == release.period for f in read) or announces(text)) \
            and (_names_only(text, release.period) or chained) else None
        if actual := _actual_periods(text):
            after = next(iter(actual)) if len(actual) == 1 else Span("other", 0)
        item = located.segment.text.rstrip().endswith((";", "；"))
        if not item:
            semicolons = None
        elif semicolons is None and not listing and release.period is not None and release.period.kind == "quarter" \
                and _names_only(text, release.period):
            semicolons = release.period  # the list's first item names the page's quarter
        listing = item
    line = "a markdown table of a summary (kreport/extract/tables.py)"
    tabled, left = table_figures(release, lambda metric, period, value, unit, role, quote: Figure(
        release.platform, metric, period, value, unit, "", quote, role, line, weak=True))
    figures.extend(tabled)
    skipped.extend(left)
    return Reading(tuple(_settle(_plausible(figures, skipped), skipped)), tuple(dict.fromkeys(skipped)))
