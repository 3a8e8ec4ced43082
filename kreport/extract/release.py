"""What a release covers, from its own text: the platform, the headline quarter, its language, and the
block (headline quarter, full year, half year ...) each sentence sits in.

The headline quarter is read from the release's statements about itself: the announcement sentence
("... today announced its results for the three months ended June 30, 2025", "今日發佈截至2025年9月30日止
... 第三季度 ... 業績") and its block headings ("Second Quarter 2025 Key Highlights", "2025年第三季度業績摘要").
They must agree; a heading whose quarter is missing ("2022年第季度业绩摘要") takes the quarter the rest
of the text states.

A rewrite, a summary or a press story often has neither. Then the quarter is read from the page's lead (its
first two sentences and any sentence about results or a report: "快手-W(01024) - 2024 Q3 - 季度业绩", "For the
third quarter of 2019, JD.com reported ...", "2025 財年第三季" for a calendar-year company), a quarter exactly a
year before another being a comparative; failing that, from a quarter the lead names without its year, placed by
the page's own date ("上季" on a page dated 2025-11-25 is 2025Q3) or by a quarter-end date the text states with
the same quarter ("For the second quarter" with "the twelve months ended June 30, 2021"), by the quarter its figures are
compared with a year before ("from 86.8 billion yuan in the first quarter of 2024"), by the year whose results a fourth
quarter's page also gives, or by twelve months to a year's end; or by a date the page states of itself ("Last update: Aug 25, 2025")
for a yearless quarter or one named by its months ("the July-September quarter"); failing all that, the one quarter the page names
anywhere, or the one most of its sentences name with strong dominance (a broker note's "2024Q2" points beside one mislabel).
The lead's quarters are first written one plain way
(:func:`kreport.extract.periods.plain_periods`: a fiscal quarter as its calendar quarter by the company's fiscal calendar,
"the quarter ended June 30, 2031" as "the second quarter of 2031"). Anything else, or
two quarters, and the page's quarter stays unread. ``platform`` and ``period`` given by the caller settle what the text leaves open,
and a caller's value the text contradicts is refused.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from kreport.errors import DataError
from kreport.extract.cleaning import CJK, matchable, simplified
from kreport.extract.periods import (
    MONTH,
    MONTHS,
    SHORT_QUARTER,
    YEAR,
    Span,
    date_quarter,
    fiscal_quarter_named,
    fiscal_to_calendar,
    last_quarter_numbered,
    page_date,
    plain_periods,
    quarter_before,
    quarter_named,
    year_of,
)
from kreport.extract.sentences import Segment, segments

__all__ = ["Block", "Located", "Release", "read_release", "heading_block", "PLATFORM_NAMES", "INTRO", "without_comparatives", "coming",
           "periods_named", "announces"]

_TICKER = r"(?<![\d.,])(?:{0}(?=\.HK\b|\s*[)）])|(?<=HK: )(?:{0})\b|(?<=HKEX: )(?:{0})\b|(?<=HKEX:)(?:{0})\b)"
PLATFORM_NAMES = {
    # (issue 23, rules14) short names and tickers: "阿里", "淘天集团", "BABA"; a Hong Kong code only with the exchange's mark or in
    # brackets ("(09618.HK)", "01024.HK", "HKEX: 9988"), never a bare number
    "kuaishou": r"Kuaishou|\bKwai\b|快手|" + _TICKER.format("0?1024"),
    "pdd": r"Pinduoduo|PDD Holdings|\bPDD\b|拼多多",
    "alibaba": r"Alibaba|阿里|淘天|\bBABA\b|" + _TICKER.format("0?9988"),
    "jd": r"JD\.com|Jingdong|\bJD\b|京东|" + _TICKER.format("0?9618"),
    "douyin": r"Douyin|ByteDance|抖音|字节跳动",
}
_ANNOUNCE = re.compile(r"announce[sd]?\b.*\bresults|(?:发布|公布|发表|宣布|交出).*(?:业绩|财务报告|财报|成绩单)|业绩公告"
                       r"|\b(?:released|reported|posted|announced)\b.{0,40}\b(?:results|earnings|financial report|earnings report)\b"
                       r"|\b(?:Q[1-4][ -]?2 ?0 ?\d ?\d|2 ?0 ?\d ?\d ?Q[1-4])\b.{0,20}\b(?:results|earnings)\b", re.IGNORECASE)
_QUARTER_WORDS = r"(?:first|second|third|fourth)[ -]quarter(?: of)?,? " + YEAR + r"|" + YEAR + r" (?:first|second|third|fourth) quarter" \
    r"|(?:March|June|September|December) quarter(?: of)? " + YEAR + r"|" + YEAR + r"年第?[一二三四]季度?(?![A-Za-z0-9])" \
    r"|(?<![A-Za-z0-9])Q[1-4][ -]?" + YEAR + r"|(?<!\d)" + YEAR + r" ?年? ?Q[1-4](?![A-Za-z0-9])|" + SHORT_QUARTER \
    + r"|(?<![A-Za-z0-9])[1-4]Q " + YEAR
_ENDED = re.compile(rf"(?:quarter|three months|six months|nine months|twelve months|12 months|twelve-month period|12-month period|fiscal year|year)"
                    rf"[a-z ,]*? ended ({MONTH} \d{{1,2}},? {YEAR})"
                    rf"|截[至止]({YEAR}年\d{{1,2}}月\d{{1,2}}日)", re.IGNORECASE)

# Block headings (whole lines, in matchable form).
_SUFFIX = r"(?: (?:key|business|operational|unaudited|financial|operating))*(?: highlights| results| review| information)?"
_EN_QUARTER = re.compile(rf"^(?:[\w.&-]+ )?(?P<q>{_QUARTER_WORDS}){_SUFFIX}$", re.IGNORECASE)
_EN_QUARTER_FOR = re.compile(rf"^(?:other )?(?:key )?(?:financial|operating) (?:information|results) for (?P<q>the {_QUARTER_WORDS})$", re.IGNORECASE)
_EN_IN_ENDED = re.compile(rf"^in the (?P<what>quarter|three months|fiscal year|twelve months) ended"
                          rf"(?P<date> {MONTH}(?: \d{{1,2}},?(?: {YEAR})?)?)?:?$", re.IGNORECASE)
_EN_YEAR = re.compile(rf"^(?:[\w.&-]+ )?(?:full year|fiscal year|full fiscal year|annual)(?: of)? (?P<y>{YEAR}){_SUFFIX}$", re.IGNORECASE)
_EN_BOTH = re.compile(rf"^(?:[\w.&-]+ )?(?:first|second|third|fourth) quarter (?:{YEAR} )?and (?:the )?(?:full|fiscal) (?:fiscal )?year.*$", re.IGNORECASE)
_PART_WORDS = r"(?:first half|second half|interim|six months|nine months|first nine months|first three quarters)"
_EN_PART = re.compile(rf"^(?:[\w.&-]+ )?{_PART_WORDS}(?: of)? {YEAR}{_SUFFIX}$", re.IGNORECASE)
_EN_OTHER = re.compile(r"^(?:business highlights|notes?:?|financial highlights|highlights)$", re.IGNORECASE)
_TITLE = re.compile(r"^(?:[^.。,;:]|\.(?=\w)){0,80}(?:announces?\b[^.。;:]*\bresults|(?:发布|公布)[^.。,;:]*(?:业绩|财务报告|财报))$", re.IGNORECASE)
_ZH_IN_ENDED = re.compile(rf"^在截至 ?(?P<date>{YEAR} ?年 ?\d{{1,2}} ?月 ?\d{{1,2}} ?日)的?(?:季度|三个月)(?:中|内)?,?:?$")
_ZH_QUARTER = re.compile(rf"^(?P<y>{YEAR})年第?(?P<n>[一二三四1-4]?)季度(?:业绩|财务|经营)?(?:摘要|亮点|回顾|概要)$")
_ZH_YEAR = re.compile(rf"^(?P<y>{YEAR})年(?:全年|年度|全年度)(?:业绩|财务|经营)?(?:摘要|亮点|回顾|概要)$")
_ZH_PART = re.compile(rf"^{YEAR}年(?:上半年|下半年|"
                      rf"中期(?!目[标標]|[规規][划劃]|[计計][划劃]|[战戰]略)|前三季度|前九个月|九个月)(?:业绩|财务|经营)?(?:摘要|亮点|回顾|概要)$")

INTRO = "intro"


@dataclass(frozen=True)
class Block:
    """Where a sentence sits: ``kind`` is quarter, year, both (a quarter and its full year under one heading:
    a sentence there must name its period), part (half year, nine months: no period form in metrics.csv),
    other or intro; ``span`` the period its figures are for, None when not known."""

    kind: str
    span: Span | None = None
    heading: str = ""


@dataclass(frozen=True)
class Located:
    """A sentence with the block it sits in."""

    segment: Segment
    block: Block


@dataclass(frozen=True)
class Release:
    """What one release text covers and its sentences, each in its block."""

    platform: str | None
    period: Span | None
    language: str  # en, zh-hans or zh-hant
    sentences: tuple[Located, ...]
    title: str = ""
    notes: tuple[str, ...] = field(default=())  # what was left open or skipped, for the summary
    dated: tuple[int, int, int] | None = None  # the date the page carries at its top, if any
    calendar: bool = True  # the company's fiscal year is the calendar year ("2025財年第三季" is 2025Q3)
    flat: bool = False  # no block heading and no word for a year or a half year: a story about the page's quarter
    fiscal_end: int = 12  # the month the company's fiscal year ends (Alibaba's: March)
    parts: bool = True  # the text names a half year, nine months or a full year somewhere (上半年, 前三季度, 全年, first half ...)


def _heading_form(line: str) -> str:
    return matchable(line).strip().rstrip(":").strip() if len(line) <= 120 else ""


def heading_block(line: str, fiscal_year: str = "year") -> Block | None:
    """The block a heading line opens, or None if the line is no heading.

    The span is the one the heading states; a quarter heading without its quarter ("2022年第季度业绩摘要")
    gets ``Span("quarter", year, 0)``, settled later against the release's own quarter.
    """
    form = _heading_form(line)
    if not form:
        return None
    if _TITLE.match(form):
        return Block(INTRO, None, line)  # the release's title: a line of its own, before any block
    if re.search(r"announce|发布|公布", form, re.IGNORECASE):
        return None
    if _EN_BOTH.match(form):
        return Block("both", None, line)  # a quarter and a year under one heading: each sentence must say which
    for pattern in (_EN_QUARTER, _EN_QUARTER_FOR):
        if match := pattern.match(form):
            return Block("quarter", quarter_named(re.sub(r"^the ", "", match.group("q"), flags=re.IGNORECASE)), line)
    if match := _EN_IN_ENDED.match(form):
        date = (match.group("date") or "").strip()
        if match.group("what").lower() in ("quarter", "three months"):
            return Block("quarter", date_quarter(date) or _partial_quarter(date), line)
        if match.group("what").lower() == "fiscal year":
            span = date_quarter(date)
            return Block("year", Span(fiscal_year, span.year) if span else None, line)
        return Block("other", None, line)
    if match := _ZH_IN_ENDED.match(form):  # "在截至2024年3月31日的季度中:" (a translated release's block)
        return Block("quarter", date_quarter(match.group("date").replace(" ", "")), line)
    if match := _EN_YEAR.match(form):
        return Block("year", Span(fiscal_year, year_of(match.group("y"))), line)
    if _EN_PART.match(form) or _ZH_PART.match(form):
        return Block("part", None, line)
    if match := _ZH_QUARTER.match(form):
        number = match.group("n")
        return Block("quarter", quarter_named(f"{year_of(match.group('y'))}年第{number}季度") if number
                     else Span("quarter", year_of(match.group("y")), 0), line)
    if match := _ZH_YEAR.match(form):
        return Block("year", Span(fiscal_year, year_of(match.group("y"))), line)
    if _EN_OTHER.match(form):
        return Block("other", None, line)
    return None


def _partial_quarter(date: str) -> Span | None:
    """``March 31`` (year cut off): a quarter whose year the release settles (Span year 0)."""
    match = re.fullmatch(rf"({MONTH}) (\d{{1,2}}),?", date.strip(), re.IGNORECASE)
    if not match:
        return None
    span = date_quarter(f"{match.group(1)} {match.group(2)}, 2000")
    return Span("quarter", 0, span.quarter) if span else None


def _language(text: str) -> str:
    cjk = len(re.findall(f"[{CJK}]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    if cjk < latin / 2:
        return "en"
    traditional = sum(1 for a, b in zip(text, simplified(text)) if a != b)
    return "zh-hant" if traditional > cjk * 0.01 else "zh-hans"


# A company named as another's rival or as a comparison ("Alibaba rival PDD", "closing in on Alibaba", "rivals such as JD.com"):
# not the subject of the sentence.
_NOT_SUBJECT_BEFORE = re.compile(r"(?:\brivals?|\bthan|\bon|\bover|\blike|such as|\bagainst|\bvs\.?|\bversus|\bwith|\band|\bbeside|"
                                 r"\boutpacing|\bovertaking|\bbeating|\bbehind|\bfrom|\bof)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_NOT_SUBJECT_AFTER = re.compile(r"^(?:'s|’s)?\s*(?:rivals?|competitors?|peers?)\b", re.IGNORECASE)


def _subject_of(text: str) -> str | None:
    """The company a sentence is about: the first one it names that is not named as a rival or a comparison ("Alibaba rival PDD
    posts ...": PDD)."""
    names = "|".join(f"(?:{n})" for n in PLATFORM_NAMES.values())
    text = re.sub(rf"(?:{names})(?:'s|’s)? (?:rivals?|competitors?|peers?) ", lambda m: " " * len(m.group()), text, flags=re.IGNORECASE)
    mentions = sorted((m.start(), m.end(), p) for p, names in PLATFORM_NAMES.items() for m in re.finditer(names, text, re.IGNORECASE))
    for start, end, platform in mentions:
        if _NOT_SUBJECT_BEFORE.search(text[:start]) or _NOT_SUBJECT_AFTER.match(text[end:]):
            continue
        return platform
    return None


def _story_subject(raw: list[Segment]) -> str | None:
    """The company a story is about, when its headline (first sentence) and its first sentence about results name the same one as
    their subject; None otherwise."""
    body = [s for s in raw if not s.heading]
    if not body:
        return None
    headline = _subject_of(matchable(body[0].text))
    first = next((matchable(s.text) for s in body[1:] if _RESULTS_WORDS.search(matchable(s.text)) and _platforms_in(matchable(s.text))), None)
    return headline if headline is not None and first is not None and _subject_of(first) == headline else None


# (issue 23, round16) The companies' own products and units, for a page that never names a company ("淘宝天猫的客户管理收入",
# "Temu's overseas orders", "可灵AI的收入"): read only where the page names no company at all.
PRODUCT_NAMES = {
    "kuaishou": r"可灵|\bKling\b|磁力金牛|\bKwai\b",
    "pdd": r"\bTemu\b|多多买菜|\bDuoduo\b",
    "alibaba": r"淘宝|天猫|淘天|\bTaobao\b|\bTmall\b|\bTaotian\b|菜鸟|\bCainiao\b|饿了么|\bLazada\b|\bAliExpress\b|速卖通|闲鱼|\bXianyu\b|盒马|\bFreshippo\b",
    "jd": r"京东物流|京东健康|\bJD Logistics\b|\bJD Health\b",
}


def _product_company(raw: list[Segment]) -> set[str]:
    """The one company whose products a page names, in at least two sentences, when it names no other company's (a call summary
    that says only "公司" and "可灵"); empty otherwise (two companies' products: a comparison; one sentence: an aside)."""
    counts = {p: sum(1 for s in raw if re.search(names, matchable(s.text), re.IGNORECASE)) for p, names in PRODUCT_NAMES.items()}
    named = {p for p, n in counts.items() if n}
    return named if len(named) == 1 and counts[next(iter(named))] >= 2 else set()


def _platforms_in(text: str) -> set[str]:
    return {p for p, names in PLATFORM_NAMES.items() if re.search(names, text, re.IGNORECASE)}


_HYPHENATED = re.compile(rf"\b(first|second|third|fourth)-quarter(?: and full-year)? (?:financial report|results|earnings)"
                         rf"(?: report)? (?:for|of) ({YEAR})|\b(first|second|third|fourth) quarter and "
                         rf"(?:the )?(?:full year|first half|second half|nine months)"
                         # (heldout17) "its financial results for the second quarter and the first half of 2024": the year is the quarter's too
                         rf" (?:of |ended )?({YEAR})",
                         re.IGNORECASE)


def _quarters_stated(form: str) -> set[Span]:
    found = set()
    for match in _HYPHENATED.finditer(form):
        found.add(quarter_named(f"{match.group(1) or match.group(3)} quarter {match.group(2) or match.group(4)}"))
    for match in re.finditer(_QUARTER_WORDS, form, re.IGNORECASE):
        span = quarter_named(match.group())
        if span:
            found.add(span)
    for match in _ENDED.finditer(form):
        if re.match(r"(?:six|nine) months", match.group(), re.IGNORECASE):
            continue  # a half year or nine months ended a quarter's last day is not that quarter (heldout9's prospectus story)
        if re.match(rf",? (?:(?:and )?{YEAR},? )*(?:and|to) {YEAR}\b", form[match.end():]):
            continue  # (heldout17) "for the years ended December 31, 2020, 2021 and 2022": a list of years, none the page's by itself
        span = date_quarter(match.group(1) or match.group(2))
        if span:
            found.add(span)
    return found


def periods_named(form: str) -> set[Span]:
    """The periods a sentence (matchable form, quarters written plainly) names in so many words as its own: quarters with their
    year and full years ("the full year 2024", "2024年全年"), the quarters it compares with left aside."""
    form = without_comparatives(form)
    found = {s for s in _quarters_stated(form) if s.year and s.quarter}
    found |= {Span("year", year_of(m.group(1))) for m in _FULL_YEAR_NAMED.finditer(form)}
    found |= {Span("year", year_of(m.group(1))) for m in re.finditer(rf"({YEAR}) ?年(?:全年|度)", form)}
    # a quarter or a year exactly a year before another named is that one's comparative
    return {s for s in found if Span(s.kind, s.year + 1, s.quarter) not in found}


# Words for the periods a quarter's page may also report on; a page with none of them is about its quarter only.
_OTHER_PERIODS = re.compile(r"\b(?:full[- ]year|annual(?! active| spending| consumption| spend)|fiscal year|first half|second half|interim"
                            r"|six months|nine months|H[12]"
                            r"|first three quarters|year[- ]to[- ]date)\b|全年|年度|财年|半年|"
                            r"中期(?!目[标標]|[规規][划劃]|[计計][划劃]|[战戰]略)|前三季|首三季|九个月|六个月",
                            re.IGNORECASE)
# Words for a half year, nine months or a year (a quarter's page that has none of them speaks of no period but quarters).
_PART_PERIODS = re.compile(r"\b(?:full[- ]year|fiscal year|first half|second half|interim|six months|nine months|H[12]|first three quarters"
                           r"|year[- ]to[- ]date)\b|全年|半年|"
                           r"中期(?!目[标標]|[规規][划劃]|[计計][划劃]|[战戰]略)|前三季|首三季|九个月|六个月|年初至今|今年以来", re.IGNORECASE)
_RESULTS_WORDS = re.compile(r"results|earnings|financial report|quarterly report|highlights|\breports?\b|\breported\b|analysis|\brevenues?\b"
                            r"|财报|业绩|季报|财务报告|季度报告", re.IGNORECASE)
_NO_YEAR_ZH = re.compile(r"(?<![年\d])(?:上季度?|上一季度?|第?([一二三四])季度?"
                         # Hong Kong press's "次季"/"首季" (the second/first quarter; never "是次季報", this quarter's report)
                         r"|(?<![是本此这這每该該一上下])([首次])季(?![报報度]))(?!度?[A-Za-z0-9])")
_NO_YEAR_EN = re.compile(r"\b(?:the )?(first|second|third|fourth)[ -]quarter\b(?!,? (?:of )?2 ?0 ?\d)|\bQ([1-4])\b(?![ -]?2 ?0 ?\d)", re.IGNORECASE)
# (issue 23, round16) "the comparative quarter of 2019", "the corresponding period of 2019": the same quarter a year before
_SAME_PERIOD_YEAR = re.compile(rf"\b(?:same|comparative|corresponding|year-ago) (?:period|quarter) (?:of|in) ({YEAR})\b|({YEAR})年同期",
                               re.IGNORECASE)
_AS_OF = re.compile(rf"\b(?:report|results|quarter)\b[a-z ]{{0,20}}? as of ({MONTH} \d{{1,2}},? {YEAR})", re.IGNORECASE)
_ENDED_MONTH = re.compile(rf"\b(?:quarter|three months|twelve months|12 months) ended ({MONTH}) ({YEAR})\b", re.IGNORECASE)
# The twelve months to a year's end: "for the 12 months to the end of 2020" (the fourth quarter of that year ends them).
_TO_YEAR_END = re.compile(rf"\b(?:twelve|12)[- ]months? (?:ended|ending|to|through) the end of ({YEAR})\b", re.IGNORECASE)
# A comparison with a quarter of a named year: "from 86.8 billion yuan ($12 billion) in the first quarter of 2024", "compared
# with the fourth quarter of 2019" (a yearless quarter of the same number on the page is the one a year after it).
_COMPARED_QUARTER = re.compile(rf"\b(?:from|compared (?:with|to)|versus|vs\.?)(?: (?:RMB|US\$|CNY) ?| )(?:\d[\d,.]*(?: ?(?:billion|million|bn|mn|trillion))?"
                               rf"(?: (?:yuan|RMB|CNY))?(?: \([^()]{{0,30}}\))? (?:in|for|during) )?(?:the )?"
                               rf"(?P<n>first|second|third|fourth) quarter(?: of)? (?P<y>{YEAR})\b", re.IGNORECASE)
# A fourth quarter's page that also gives its year: "Total revenues for fiscal year 2020 increased 97 percent".
_FULL_YEAR_NAMED = re.compile(rf"\b(?:fiscal year|full[- ]year|(?:the )?full year(?: of)?|(?:the )?whole year(?: of)?) ({YEAR})\b", re.IGNORECASE)


def _month_end_quarter(month: str, year: str) -> Span | None:
    """The quarter whose last month is ``month`` of ``year`` ("the quarter ended December 2022": 2022Q4)."""
    for day in (30, 31):
        if span := date_quarter(f"{month} {day}, {year}"):
            return span
    return None


def _zh_number(match: re.Match) -> int | str:
    """The number of a yearless Chinese quarter :data:`_NO_YEAR_ZH` matched ("last" for 上季)."""
    word = match.group(1) or match.group(2)
    return _NUMBERS[word] if word else "last"


_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4, "首": 1, "次": 2, "first": 1, "second": 2, "third": 3, "fourth": 4}


_COMPARED = re.compile(rf"(?:\b(?:from|compared (?:with|to)|versus|vs\.?|over|against|than|as of)|较|比|由|相比)"
                       rf"(?: the| a)? ?(?:{_QUARTER_WORDS}|(?:twelve|12)[- ]months? (?:period )?ended {MONTH} \d{{1,2}},? {YEAR})"
                       # the comparative's figure between "from" and its quarter: "from RMB2,709.0 million in Q2 2018"
                       rf"|\b(?:from|compared (?:with|to)|versus|vs\.?)(?: (?:RMB|US\$|CNY) ?| )\d[\d,.]*(?: ?(?:billion|million|bn|mn|trillion))?"
                       rf"(?: (?:yuan|RMB|CNY))?(?: \([^()]{{0,30}}\))?(?: [^,;.]{{0,40}}?)? (?:in|for|during) (?:the )?(?:{_QUARTER_WORDS})"
                       # a relative clause about an earlier figure: "..., which stood at 72 percent in the first quarter of 2020" (issue 23,
                       # rules13): the quarter it names is the comparison's, never the page's
                       rf"|\b(?:which|that) (?:had )?(?:stood|was|were|been|came in) at [^,;.]{{0,40}}? (?:in|for|during) (?:the )?(?:{_QUARTER_WORDS})",
                       re.IGNORECASE)


def without_comparatives(form: str) -> str:
    """A lead sentence without the quarters it compares with ("an increase of 26.2 percent from the second quarter
    of 2020"): only the quarter it reports on is a candidate for the page's."""
    return _COMPARED.sub(" ", form)


# A sentence that announces a release still to come ("Kuaishou will release its second-quarter 2025 earnings report on August 21st",
# "analysts expect Kuaishou to report ...", "快手将于8月21日发布2025年第二季度业绩", "將於…公佈"): the quarter it names is not the one the
# page reports on.
COMING = re.compile(r"\b(?:will|shall|(?:is|are) (?:set|scheduled|expected|due|slated|poised|going) to|plans? to|expects? to|expected to"
                    r"|expect\w* (?:\w+ ){0,3}to|ahead of (?:its|the))\s+(?:(?:officially|formally|publicly) )?"
                    r"(?:release|report|announce|publish|post|unveil|disclose|present)\w*\b"
                    r"|\bahead of (?:its|the) (?:\w+[ -]){0,4}(?:results|earnings|report)\b|\b(?:earnings|results) preview\b"
                    r"|(?:[将將][于於在]|[拟擬定][于於]|即[将將]|[预預]计[将將]|[预預]計[将將])[^。;]{0,40}?(?:发布|發佈|發布|公布|公佈|披露|举行|舉行)",
                    re.IGNORECASE)


def announces(form: str) -> bool:
    """Whether a sentence (matchable form) says results were announced ("Alibaba yesterday announced its financial results for ..."; not
    a headline's "Announces", not a release still to come)."""
    return bool(_ANNOUNCE.search(form)) and not coming(form) \
        and bool(re.search(r"\b(?:announced|released|reported|published|posted)\b|(?:发布|公布)了", form, re.IGNORECASE))


def coming(form: str) -> bool:
    """Whether a sentence (matchable form) announces a release still to come."""
    return bool(COMING.search(form))


# A sentence that forecasts ("This should lead to a decelerated revenue growth of 21% year on year for third-quarter 2023", "we expect
# ... next quarter", "预计第三季度"): the quarter it names is one still to come, not the page's.
# ... and a broker summary's "The report anticipates a slowdown in GMV growth for the second quarter", "The report projects a revenue
# of RMB 30.45 billion for Q2 2024", "is expected to grow", "with a projected gross margin of 55% for Q2 2024", "2024E: RMB 127.70
# billion".
_FORECAST = re.compile(r"\b(?:should|would|could|might|is likely to|are likely to|we (?:expect|estimate|forecast|project|anticipate)"
                       r"|(?:the|this) (?:report|note|analysts?|broker) (?:projects|anticipates|forecasts|expects|estimates|predicts)"
                       r"|(?:is|are) (?:projected|expected to)|projected|projections?|(?:19|20)\d\dE|next quarter|coming quarter)\b|预计|預計",
                       re.IGNORECASE)


def _lead(raw: list[Segment], fiscal_end: int = 12) -> list[str]:
    """The page's lead, in matchable form with its quarters written plainly: its first two sentences and any sentence
    about results or a report; a sentence announcing a release still to come, or forecasting, is no part of it."""
    body = [s for s in raw if not s.heading and not coming(matchable(s.text)) and not _FORECAST.search(matchable(s.text))]
    lead = [matchable(re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\b", "", s.text)) for s in body[:2]]
    lead += [matchable(s.text) for s in body[2:] if _RESULTS_WORDS.search(matchable(s.text))]
    return [_last_quarter(plain_periods(form, fiscal_end)) for form in lead]


_LAST_QUARTER = re.compile(rf"\b(?:the )?(?:last|final|closing) quarter of ({YEAR})\b", re.IGNORECASE)


def _last_quarter(form: str) -> str:
    """"the last quarter of 2020" written as "the fourth quarter of 2020" (issue 23, rules14)."""
    return _LAST_QUARTER.sub(lambda m: f"the fourth quarter of {m.group(1)}", form)


def _candidates(forms: list[str], calendar: bool, fiscal_end: int = 12) -> set[Span]:
    """The quarters (with their years) sentences state as the page's, a quarter a year before another left out. A company
    whose fiscal year is not the calendar year names its last quarter with the year's results by it ("阿里巴巴集团公布2022财年第四季度
    及全年业绩": the quarter to March 2022), and Chinese media copy that name: read by the company's fiscal calendar."""
    found: set[Span] = set()
    for form in forms:
        found |= {s for s in _quarters_stated(without_comparatives(form)) if s.year}
        # "the Q3 financial report as of September 30, 2020", "the quarter ended December 2022"
        found |= {s for m in _AS_OF.finditer(form) if (s := date_quarter(m.group(1)))}
        found |= {s for m in _ENDED_MONTH.finditer(form) if (s := _month_end_quarter(m.group(1), m.group(2)))}
        if calendar:
            found |= {s for m in re.finditer(rf"{YEAR} ?财年 ?第?[一二三四]季度?", form) if (s := fiscal_quarter_named(m.group()))}
        elif fiscal_end != 12:
            # only the fiscal year's last quarter given with the year's results ("2022财年第四季度及全年业绩"): a quarter that ends the
            # fiscal year it is named after can only be the company's (a lone "2031財年第三季" may be media's loose word for a calendar one)
            found |= {s for m in re.finditer(rf"({YEAR}) ?(?:财年|財年) ?第?四季度?(?:及|和|与|與)(?:全年|全财年|全財年)", form)
                      if (s := fiscal_to_calendar(4, year_of(m.group(1)), fiscal_end))}
    return {s for s in found if Span("quarter", s.year + 1, s.quarter) not in found}  # a year earlier: a comparative


def _days_after_end(span: Span, date: tuple[int, int, int]) -> int:
    """The days from the last day of the quarter ``span`` to ``date`` (negative before it ends)."""
    month = span.quarter * 3
    end = datetime.date(span.year, month, 31 if month in (3, 12) else 30)
    return (datetime.date(*date) - end).days


def _own_numbers(lead: list[str], platform: str | None) -> set[int | str]:
    """The quarters without a year the lead names in its sentences that are about the page's company: a sentence that names another
    listed company and not this one ("Rival Alibaba ... reported 3% revenue growth for the second quarter") is left aside."""
    numbers: set[int | str] = set()
    for form in lead:
        if platform is None or not re.search(PLATFORM_NAMES[platform], form, re.IGNORECASE) and _platforms_in(form) - {platform}:
            continue
        for match in _NO_YEAR_ZH.finditer(form):
            numbers.add(_zh_number(match))
        for match in _NO_YEAR_EN.finditer(form):
            numbers.add(_NUMBERS[match.group(1).lower()] if match.group(1) else int(match.group(2)))
    return numbers


def _inferred_period(raw: list[Segment], text: str, calendar: bool, dated, fiscal_end: int = 12,
                     platform: str | None = None) -> tuple[Span | None, str]:
    """The quarter a page without a release's statements reports on, and how it was read ("" if not); failing the lead, the
    fallbacks of :func:`_fallback_period` (a date the text states, a fiscal quarter by the company's calendar, the year's results)."""
    span, how = _lead_period(raw, text, calendar, dated, fiscal_end, platform)
    if span is None and not how:
        span, how = _fallback_period(raw, text, calendar, dated, fiscal_end)
    if span is None and not how:
        span, how = _page_wide_period(raw, text, calendar, dated, fiscal_end)
    if span is None and not how:
        span, how = _dominant_period(raw, text, calendar, dated, fiscal_end)
    return span, how


def _dominant_period(raw: list[Segment], text: str, calendar: bool, dated, fiscal_end: int) -> tuple[Span | None, str]:
    """(issue 23, round16) The quarter a page's sentences name as their own far more often than any other, when no other step
    settles one: a broker note that heads most of its points with the quarter ("2031Q2公司线上营销收入175亿元", "2031Q2,DAU达到3.95亿")
    and once or twice names an earlier one (a mislabel, or the quarter before). Only with strong dominance: at least four sentences
    name it, at least three times as many as name all the others together, no other is later than it (a later quarter could be the
    page's own), and a date of the page's falls within 100 days after its end. Sentences announcing a release still to come or
    forecasting are left aside, and so are the quarters a sentence compares with."""
    counts: dict[Span, int] = {}
    for segment in raw:
        form = matchable(segment.text)
        if segment.heading or coming(form) or _FORECAST.search(form):
            continue
        for span in _candidates([_last_quarter(plain_periods(form, fiscal_end))], calendar, fiscal_end):
            counts[span] = counts.get(span, 0) + 1
    if not counts:
        return None, ""
    top = max(counts, key=lambda s: counts[s])
    others = {s: n for s, n in counts.items() if s != top}
    if counts[top] < 4 or counts[top] < 3 * sum(others.values()) or any((s.year, s.quarter) > (top.year, top.quarter) for s in others):
        return None, ""
    date = dated or _stated_day(text)
    if date is not None and _days_after_end(top, date) != 0 and not 0 < _days_after_end(top, date) <= 100:
        return None, ""  # (a stated day that is the quarter's own last day is its end, not the page's date)
    return top, "the quarter most of its sentences name"


def _page_wide_period(raw: list[Segment], text: str, calendar: bool, dated, fiscal_end: int) -> tuple[Span | None, str]:
    """(issue 23, rules14) The only quarter with its year that the page names anywhere (a title line, a broker note's "25Q3", a body
    sentence past the lead: "快手在2023年第二季度实现了..."), when the lead settles none; never when the evidence conflicts: two quarters
    of equal standing (a quarter a year before another is its comparative), a yearless quarter of another number, or a date of the
    page's before the quarter's end or more than 100 days after it. A sentence announcing a release still to come, or forecasting,
    is left aside."""
    # (issue 23, round16) a half year or nine months ended on a quarter's last day ("For six months ended on September 30, 2019, the
    # number of new monthly active users ...") is no other period's page: it ends the page's quarter, and must end that one
    ends = {m.group(): date_quarter(m.group(1)) for m in _PART_ENDED.finditer(matchable(text))}
    if None in ends.values():
        return None, ""
    if _WHOLE_OTHER.search(_PART_ENDED.sub(" ", matchable(text))):
        return None, ""  # a page that speaks of a half year, nine months or a whole fiscal year: its one quarter may be an aside
    forms = [_last_quarter(plain_periods(matchable(s.text), fiscal_end)) for s in raw
             if not coming(matchable(s.text)) and not _FORECAST.search(matchable(s.text))]
    found = _candidates(forms, calendar, fiscal_end)
    numbers: set[int | str] = set()
    for form in forms:
        numbers |= {_zh_number(m) for m in _NO_YEAR_ZH.finditer(form)}
        numbers |= {_NUMBERS[m.group(1).lower()] if m.group(1) else int(m.group(2)) for m in _NO_YEAR_EN.finditer(form)}
    numbers.discard("last")
    how = "the only quarter the page names"
    if not found and calendar and numbers == {4}:
        # a yearless fourth quarter and the one year the page names as its own ("increased 57 million in Q4 ... 38.3 billion in 2020")
        years = {year_of(m.group(1) or m.group(2)) for form in forms for m in _YEAR_OWN.finditer(without_comparatives(form))}
        years = {y for y in years if y + 1 not in years}
        found = {Span("quarter", years.pop(), 4)} if len(years) == 1 else set()
        how = "the one year the page names with its yearless fourth quarter"
    if len(found) != 1:
        return None, ""
    span = next(iter(found))
    allowed = {span.quarter} if calendar else {n for n in range(1, 5) if _calendar_number(n, fiscal_end) == span.quarter} | {span.quarter}
    if numbers - allowed or set(ends.values()) - {span}:
        return None, ""
    date = dated or _stated_day(text)
    if date is not None and _days_after_end(span, date) != 0 and not 0 < _days_after_end(span, date) <= 100:
        # (a stated day that is the quarter's own last day is the quarter's end, "截至2021年12月31日", not the page's date)
        return None, ""
    return span, how


# A half year or nine months to a day: "six months ended on September 30, 2019", "the nine months ended June 30, 2021".
_PART_ENDED = re.compile(rf"\b(?:six|nine|6|9)[- ]months?(?: period)? (?:ended|ending)(?: on)? ({MONTH} \d{{1,2}},? {YEAR})", re.IGNORECASE)
# A date the page states of itself near its top when it has no date line: "2023 年 02 月 24 日", "日期 2023/2/24", "Mar 24, 2021 04:19 PM".
_STATED_DAY = re.compile(rf"(?:日期|date[d:]?) ?({YEAR})[/-](\d{{1,2}})[/-](\d{{1,2}})\b|(?<!\d)({YEAR}) ?年 ?(\d{{1,2}}) ?月 ?(\d{{1,2}}) ?日", re.IGNORECASE)
# The quarter's end the text states with a quarter's words: "the fourth quarter ended March 31, 2024", "the 12 weeks to June 30 2021",
# "截至2021年12月31日止三个月" (not six or nine months, twelve months or a fiscal year: those end a quarter without being it).
_QUARTER_ENDED = re.compile(rf"\b(?:quarter|three months|(?:twelve|12|thirteen|13) weeks)(?: period)? (?:ended|ending|to|through) (?:the end of )?"
                            rf"({MONTH} \d{{1,2}},? {YEAR})|截[至止] ?({YEAR} ?年 ?\d{{1,2}} ?月 ?\d{{1,2}} ?日) ?止?(?:的)?(?:三个月|三個月|季度)",
                            re.IGNORECASE)
# A page about one year's results: "its annual report of fiscal year 2019", "announced its 2021 financial report",
# "2021 - 年度财报", "released its 2021 performance", "2021年全年收入".
_YEAR_RESULTS = re.compile(rf"\b(?:annual (?:report|results)|full[- ]year (?:report|results|earnings))(?: (?:of|for))?"
                           rf"(?: (?:the )?(?:fiscal )?year)? ({YEAR})\b"
                           rf"|\b({YEAR}) (?:annual|full[- ]year|fiscal[- ]year) (?:report|results|earnings|performance)\b"
                           rf"|\b(?:released|reported|posted|announced|published) (?:its|the) ({YEAR}) (?:performance|results|earnings"
                           # (issue 23, round16) "Yesterday, Kuaishou announced its 2021 financial report" (a year with no quarter)
                           rf"|(?:financial|annual|earnings) (?:report|results))\b"
                           rf"|({YEAR}) ?年? ?-? ?(?:年度财报|年度业绩|年报|全年业绩|年度報告|年度业绩报告)|({YEAR}) ?年全年", re.IGNORECASE)


# (issue 23, round16) A page's own date in English, with the word that makes it the page's ("Published: 08:03 21 Aug 2020 EDT",
# "Last update: Aug 25, 2025", "Updated on March 3, 2024"): a date in a photo's caption ("... in Beijing, China, February 3, 2021")
# is no date of the page.
_PUBLISHED = re.compile(rf"\b(?:published|updated|last updated?|posted)(?: on| at)?:? (?:\d{{1,2}}:\d{{2}}(?: ?[ap]m)? )?"
                        rf"(?:(?P<m1>{MONTH}) (?P<d1>\d{{1,2}}),? (?P<y1>{YEAR})|(?P<d2>\d{{1,2}}) (?P<m2>{MONTH}),? (?P<y2>{YEAR}))\b"
                        # ... or in numbers, in English or Chinese: "Published: 2031-08-25", "发布时间:2031-08-25 10:30", "更新于 2031/8/25"
                        rf"|(?:\b(?:published|updated|last updated?|posted)(?: on| at)?|发布时间|发布日期|发布于|更新时间|更新于) ?:? ?"
                        rf"(?P<y3>{YEAR})[/-](?P<n3>\d{{1,2}})[/-](?P<d3>\d{{1,2}})(?!\d)",
                        re.IGNORECASE)


def _month_of(name: str) -> int:
    """The number of a month's English name or its short form ("Aug", "Sept."); 0 if none."""
    word = name.lower().rstrip(".")
    return next((i + 1 for i, full in enumerate(MONTHS) if full.startswith(word[:3])), 0)


def _stated_day(text: str) -> tuple[int, int, int] | None:
    """A date the page's top (its first 600 characters) states, when exactly one is stated."""
    days = {(year_of(m.group(1) or m.group(4)), int(m.group(2) or m.group(5)), int(m.group(3) or m.group(6)))
            for m in _STATED_DAY.finditer(matchable(text[:600]))}
    days |= {(year_of(m.group("y3")), int(m.group("n3")), int(m.group("d3"))) if m.group("y3") else
             (year_of(m.group("y1") or m.group("y2")), _month_of(m.group("m1") or m.group("m2")), int(m.group("d1") or m.group("d2")))
             for m in _PUBLISHED.finditer(matchable(text[:600]))}
    days = {d for d in days if 1 <= d[1] <= 12 and 1 <= d[2] <= 31}
    return days.pop() if len(days) == 1 else None


def _calendar_number(number: int, fiscal_end: int) -> int:
    """The calendar quarter of a fiscal quarter ``number`` for a fiscal year ending in month ``fiscal_end`` (Alibaba's fiscal fourth
    quarter, to March, is the calendar first)."""
    return (number - 1 + fiscal_end // 3) % 4 + 1


def _fallback_period(raw: list[Segment], text: str, calendar: bool, dated, fiscal_end: int) -> tuple[Span | None, str]:
    """The quarter of a page whose lead settles none, from the most reliable evidence left, never when it conflicts:

    - several quarters in the lead and a date the page gives (its date line, or a date stated at its top): the one quarter among them
      that ended within 75 days before that date (a results window);
    - one yearless quarter the lead names (a fiscal one by the company's calendar) and a quarter-end date the text states for a quarter
      of that number ("the fourth quarter ended March 31, 2024", "the 12 weeks to June 30 2021"), or the year its comparison names;
    - no quarter the lead names with its year, and the lead is about one year's results ("annual report of fiscal year 2019"): that
      year's fourth quarter (a company whose fiscal year is the calendar year only; the page's quarter is where the year ends)."""
    lead = _lead(raw, fiscal_end)
    date = dated or _stated_day(text)
    found = _candidates(lead, calendar, fiscal_end)
    if len(found) > 1:
        if date is None:
            return None, ""
        window = {s for s in found if 0 < _days_after_end(s, date) <= 75}
        return (window.pop(), "the page's date among the quarters its lead names") if len(window) == 1 else (None, "")
    numbers: set[int | str] = set()
    for form in lead:
        numbers |= {_zh_number(m) for m in _NO_YEAR_ZH.finditer(form)}
        numbers |= {_NUMBERS[m.group(1).lower()] if m.group(1) else int(m.group(2)) for m in _NO_YEAR_EN.finditer(form)}
    numbers.discard("last")
    ends = {s for m in _QUARTER_ENDED.finditer(matchable(text))
            if (s := date_quarter(m.group(1) or re.sub(r" ", "", m.group(2))))}
    if len(numbers) == 1:
        number = _calendar_number(next(iter(numbers)), fiscal_end)
        mine = {s for s in ends if s.quarter == number}
        if len(mine) == 1 and len(ends - mine) == 0:
            return mine.pop(), "a quarter-end date the text states (by the company's fiscal calendar)"
        if not calendar and not ends:
            # "the fourth quarter and fiscal year ended March 31 ... compared to a net gain in the same quarter of 2019": 2020Q1
            years = {year + 1 for year in _compared_years(text)}
            if len(years) == 1:
                return Span("quarter", years.pop(), number), "the year its comparison names (by the company's fiscal calendar)"
    if date is not None and not found:
        # (issue 23, round16) a date the page states of itself ("Last update: Aug 25, 2025") with one yearless quarter ("reported
        # second-quarter financial results"), or a quarter named by its months ("its financial report for the July-September
        # quarter"): the latest such quarter, if it ended within 75 days before that date (a results story)
        span, how = _dated_number(numbers, _month_quarters(lead), date, calendar, fiscal_end)
        if span is not None:
            return span, how
    if not calendar or len(numbers) > 1 or numbers - {4}:
        return None, ""
    years = {year_of(next(g for g in m.groups() if g)) for form in lead for m in _YEAR_RESULTS.finditer(form)}
    years = {y for y in years if y + 1 not in years}  # a year before another: its comparative
    if len(years) == 1:
        return Span("quarter", years.pop(), 4), "the year whose results the page gives"
    if numbers == {4} and not years:
        # (issue 23, rules14) a yearless fourth quarter and one year the lead names as its own ("2020年,平台年活跃买家数...。四季度,
        # 拼多多营收增长146%", "increased 57 million in Q4 ... to reach 38.3 billion in 2020"): that year's fourth quarter, its
        # comparisons left aside, and never past a date of the page's
        years = {year_of(m.group(1) or m.group(2)) for form in lead for m in _YEAR_OWN.finditer(without_comparatives(form))}
        years = {y for y in years if y + 1 not in years}
        if len(years) == 1:
            span = Span("quarter", years.pop(), 4)
            if date is None or 0 < _days_after_end(span, date) <= 100:
                return span, "the year the lead names with its yearless fourth quarter"
    return None, ""


# (issue 23, round16) A calendar quarter named by its months, without its year: "the July-September quarter", "in the April to June
# period", "the three months from October to December" (a calendar quarter whatever the company's fiscal year).
_MONTH_RANGE = re.compile(r"\b(?:from )?(January|April|July|October) ?(?:-|–|to|through) ?(March|June|September|December)"
                          r"(?! ?,? ?2 ?0 ?\d)(?: (?:quarter|period|months))?\b", re.IGNORECASE)
_RANGE_ENDS = {("january", "march"): 1, ("april", "june"): 2, ("july", "september"): 3, ("october", "december"): 4}


def _month_quarters(lead: list[str]) -> set[int]:
    """The calendar quarters the lead names by their first and last months, without a year ("the July-September quarter": 3)."""
    return {q for form in lead for m in _MONTH_RANGE.finditer(form)
            if (q := _RANGE_ENDS.get((m.group(1).lower(), m.group(2).lower())))}


def _dated_number(numbers: set[int | str], months: set[int], date: tuple[int, int, int], calendar: bool,
                  fiscal_end: int) -> tuple[Span | None, str]:
    """The quarter a page's own date places its one yearless quarter in: ``numbers`` are the quarters the lead names by number (a
    company whose fiscal year is not the calendar year may mean its fiscal one or, in media's words, the calendar one), ``months``
    the calendar quarters it names by their months. Every reading must come to the one quarter that ended within 75 days before
    ``date``; anything else (two quarters, none in the window) places nothing."""
    readings: set[Span] = set()
    for number in numbers:
        if number == "last":
            return None, ""
        options = {number} if calendar else {number, _calendar_number(number, fiscal_end)}
        window = {s for n in options if 0 < _days_after_end(s := last_quarter_numbered(n, date), date) <= 75}
        if len(window) != 1:
            return None, ""
        readings |= window
    for number in months:
        readings.add(last_quarter_numbered(number, date))
    if len(readings) != 1:
        return None, ""
    span = readings.pop()
    if not 0 < _days_after_end(span, date) <= 75:
        return None, ""
    return span, "the page's own stated date" if not months else "the page's date and the months its quarter is named by"


# A half year, nine months or a whole fiscal year ("2025财年营收", not "2022财年第二季度").
_WHOLE_OTHER = re.compile(r"(?:财年|財年)(?! ?第?[一二三四1-4](?:财|財)?季)|半年|"
                          r"中期(?!目[标標]|[规規][划劃]|[计計][划劃]|[战戰]略)|前三季|首三季|九个月|九個月|六个月|六個月"
                          r"|\b(?:first|second) half\b|\binterim\b|\b(?:six|nine)[- ]months?\b|\bH[12]\b|\bfiscal year(?: 2 ?0 ?\d ?\d)?"
                          r"(?! (?:first|second|third|fourth) quarter)(?!,? (?:which|that|ended|ending))", re.IGNORECASE)
_YEAR_OWN = re.compile(rf"(?<![\d.])({YEAR}) ?年(?![\d同度]|以来|前|后|後)|\b(?:in|for|of) ({YEAR})\b(?! ?(?:year[- ]on[- ]year|levels?))",
                       re.IGNORECASE)


def _lead_period(raw: list[Segment], text: str, calendar: bool, dated, fiscal_end: int = 12,
                 platform: str | None = None) -> tuple[Span | None, str]:
    """The quarter the page's lead settles ("" if not)."""
    lead = _lead(raw, fiscal_end)
    opening = _candidates(lead[:2], calendar, fiscal_end)
    found = opening if len(opening) == 1 else _candidates(lead, calendar, fiscal_end)  # the opening sentences first
    if len(found) == 1:
        return next(iter(found)), "the page's lead"
    if found:
        return None, ""
    numbers: set[int | str] = set()
    for form in lead:
        for match in _NO_YEAR_ZH.finditer(form):
            numbers.add(_zh_number(match))
        for match in _NO_YEAR_EN.finditer(form):
            numbers.add(_NUMBERS[match.group(1).lower()] if match.group(1) else int(match.group(2)))
    if len(numbers) > 1 and dated is not None and platform in PLATFORM_NAMES and len(own := _own_numbers(lead, platform)) == 1 \
            and (number := next(iter(own))) != "last" and 0 < _days_after_end(span := last_quarter_numbered(number, dated), dated) <= 75:
        # a dated story whose lead names other companies' quarters too ("JD.com ... posted an 11.4% rise in third-quarter revenue";
        # "Rival Alibaba ... for the second quarter"): the quarter its sentences about the page's company name, if the page's date falls
        # within 75 days after that quarter's end (a results story; never a later quarter's)
        return span, "the page's date (the quarters the lead names for other companies left aside)"
    if len(numbers) != 1:
        return None, ""
    number = next(iter(numbers))
    if dated is not None:
        if number == "last":
            return quarter_before(dated), "the page's date"
        if calendar:
            return last_quarter_numbered(number, dated), "the page's date"
        # a company whose fiscal year is not the calendar year: "the second quarter" is its fiscal one in its own words and the
        # calendar one in some media's; the reading whose quarter ended within 75 days before the page's date (a results story)
        readings = {last_quarter_numbered(n, dated) for n in (number, _calendar_number(number, fiscal_end))}
        window = {s for s in readings if 0 < _days_after_end(s, dated) <= 75}
        return (window.pop(), "the page's date (by the company's fiscal calendar)") if len(window) == 1 else (None, "")
    if number != "last" and calendar:
        # (a company whose fiscal year is not the calendar year numbers its quarters by the fiscal year: Alibaba's "fourth quarter
        # and fiscal year ended March 31" with "the same quarter of 2019" is 2020Q1, not 2020Q4; heldout10's first figure)
        # "its second-quarter revenue ... a 7% increase compared to the same period in 2024": the year after that one
        years = {year_of(m.group(1) or m.group(2)) + 1 for form in lead for m in _SAME_PERIOD_YEAR.finditer(form)}
        # "... from 86.8 billion yuan in the first quarter of 2024": the same quarter a year after the one compared with
        years |= {year_of(m.group("y")) + 1 for form in lead for m in _COMPARED_QUARTER.finditer(form)
                  if _NUMBERS[m.group("n").lower()] == number}
        if not years:
            # ... or anywhere on the page, when the lead names none: "Net income ... fell 5% to 32.71 billion yuan compared to the same
            # period in 2024" (one year only)
            years = {year + 1 for year in _compared_years(text)}
        elif {year + 1 for year in _compared_years(text)} - years:
            # (issue 23, round16) ... and never when the page compares with another year's same period elsewhere ("up from 500 million
            # in the comparative quarter of 2030 ... twice that of the same quarter of 2029"): which year is the page's is open
            return None, ""
        if len(years) == 1:
            return Span("quarter", years.pop(), number), "the year its comparison names"
        # a fourth quarter's page that names its year's results ("Total revenues for fiscal year 2020"), for a company whose
        # fiscal year is the calendar year
        years = {year_of(m.group(1)) for form in lead for m in _FULL_YEAR_NAMED.finditer(form)}
        if number == 4 and calendar and len(years) == 1:
            return Span("quarter", years.pop(), 4), "the year whose results the page also gives"
    if number != "last":
        ends = {s for m in _ENDED.finditer(matchable(text)) if (s := date_quarter(m.group(1) or m.group(2)))}
        ends |= {Span("quarter", year_of(m.group(1)), 4) for m in _TO_YEAR_END.finditer(matchable(text))}
        # "in June 2018": a quarter's last month with its year
        ends |= {s for m in re.finditer(rf"\bin ({MONTH}) ({YEAR})\b", matchable(text), re.IGNORECASE)
                 if (s := date_quarter(f"{m.group(1)} {30 if m.group(1)[:3].lower() in ('jun', 'sep') else 31}, {m.group(2)}"))}
        ends = {s for s in ends if s.quarter == number}
        latest = max(ends, key=lambda s: s.year, default=None)
        if latest is not None:
            return latest, "a quarter-end date the text states"
    return None, ""


# A heading's last line ("Highlights", "Key Highlights", "業績摘要") and the short lines a page's layout broke the rest of it into
_HEADING_TAIL = re.compile(r"(?:Key |Financial |Operating )?Highlights|(?:业绩|業績|财务|財務)(?:摘要|亮点|亮點|回顾|回顧)", re.IGNORECASE)
_FRAGMENT = re.compile(r"[A-Za-z0-9\u4e00-\u9fff ]{1,20}")


def _joined_headings(text: str) -> str:
    """(issue 23, heldout17) ``text`` with a heading its layout broke over several short lines written on one ("Third\nQ\nuarter\n20\n20
    \nHighlights", "Third Quarter 2024\nHighlights"), where the lines joined make a quarter's or a year's heading; any other short
    lines are left as they are."""
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        if _HEADING_TAIL.fullmatch(line.strip()):
            start = len(out)
            while start > 0 and _FRAGMENT.fullmatch(out[start - 1].strip()) and len(out) - start < 6:
                start -= 1
            for begin in range(start, len(out)):  # the longest run of fragments that makes a heading
                joined = " ".join(piece.strip() for piece in [*out[begin:], line])
                joined = re.sub(r"\b([A-Z]) ([a-z]{2,})\b", r"\1\2", joined)  # "Q uarter": one word
                block = heading_block(joined)
                if block is not None and block.kind in ("quarter", "year", "both"):
                    out[begin:] = [joined]
                    break
            else:
                out.append(line)
            continue
        out.append(line)
    return "\n".join(out)


def read_release(text: str, *, name: str = "", platform: str | None = None, period: Span | None = None,
                 fiscal_year_end_month: dict[str, int] | None = None) -> Release:
    """Read what ``text`` covers and place each sentence in its block.

    ``platform`` and ``period`` (from the command line) settle what the text leaves open; a value the
    text contradicts raises DataError naming ``name``.
    """
    notes: list[str] = []
    months = fiscal_year_end_month or {}
    text = _joined_headings(text)
    raw = segments(text, lambda line: heading_block(line) is not None)
    announcements = [s for s in raw if _ANNOUNCE.search(matchable(s.text)) and not coming(matchable(s.text))]
    title = next((s.text for s in raw if _ANNOUNCE.search(matchable(s.text)) and len(s.text) < 160 and "\n" not in s.text
                  and not re.search(r"today|今日|今天|/美通社/|PRNewswire|NEWSWIRE|BUSINESS WIRE", s.text, re.IGNORECASE)), "")

    named = set().union(*(_platforms_in(matchable(s.text)) for s in announcements)) if announcements else set()
    if not named:  # the page's first sentence, where it names one company ("PDD Holdings announced its second-quarter revenue")
        first = next((s for s in raw if not s.heading), None)
        named = _platforms_in(matchable(first.text)) if first is not None else set()
        named = named if len(named) == 1 else set()
    if not named:
        named = _platforms_in(matchable(text))
    if not named:
        named = _product_company(raw)
    if len(named) > 1:
        # A story that sets its company beside others: the company named in at least twice as many sentences as any other
        counts = sorted(((sum(1 for s in raw if p in _platforms_in(matchable(s.text))), p) for p in named), reverse=True)
        if counts[0][0] >= 2 and counts[0][0] >= 2 * counts[1][0]:
            named = {counts[0][1]}
        elif (subject := _story_subject(raw)) is not None and dict((p, c) for c, p in counts).get(subject, 0) == counts[0][0]:
            # named as often as any other, and the subject of both the headline and the first sentence about results
            named = {subject}
    found_platform = next(iter(named)) if len(named) == 1 else None
    if platform and found_platform and platform != found_platform:
        raise DataError(name, None, None, f"the text is a {found_platform} release, not {platform} (--platform); "
                                          "leave --platform out or check the file")
    if not platform and not found_platform:
        notes.append("which company's release this is is not clear from the text" +
                     (f" (it names {', '.join(sorted(named))})" if named else "") + "; give --platform")
    platform = platform or found_platform
    fiscal = "fiscal_year" if months.get(platform or "", 12) != 12 else "year"
    fiscal_end = months.get(platform or "", 12)

    stated: set[Span] = set()
    for s in announcements:  # the quarters an announcement compares with are not the page's ("from RMB2,709.0 million in Q2 2018")
        stated |= _quarters_stated(without_comparatives(plain_periods(matchable(s.text), fiscal_end)))
    for block in (heading_block(s.text, fiscal) for s in raw if s.heading):
        if block.kind == "quarter" and block.span and block.span.year and block.span.quarter:
            stated.add(block.span)
    # (heldout17) a quarter a year before another stated (a table's "Q1 2019  Q1 2018" headings) is its comparative
    stated = {s for s in stated if Span(s.kind, s.year + 1, s.quarter) not in stated}
    found_period = next(iter(stated)) if len(stated) == 1 else None
    if len(stated) > 1:
        notes.append("the text names several headline quarters (" + ", ".join(sorted(s.label for s in stated)) + ")")
    if period and found_period and period != found_period:
        raise DataError(name, None, None, f"the text reports on {found_period}, not {period} (--period); "
                                          "leave --period out or check the file")
    if period and len(stated) > 1 and period not in stated:
        raise DataError(name, None, None, f"the text reports on {', '.join(sorted(s.label for s in stated))}, not {period} (--period)")
    given = period is not None
    period = period or found_period
    dated = page_date(text)
    if period is None and not stated:
        # a page whose company is not named has no known fiscal calendar: "2026财年第二季度" is not read as a calendar quarter
        period, how = _inferred_period(raw, text, fiscal == "year" and platform is not None, dated, fiscal_end, platform)
        if period is not None:
            notes.append(f"the quarter {period} was read from {how} (no release heading or announcement states it)")
    if period is not None and not given and len(compared := _compared_years(text)) >= 2 and period.year - 1 not in compared \
            and max(compared) < period.year - 1:
        # "Third Quarter 2023 ... compared with RMB14,209.8 million in the same quarter of 2020" (and again, never "of 2022"): a page
        # whose years were changed, or a year misprinted; which year is right the text cannot say, so no quarter is read (a single
        # comparison with an earlier year is an aside, left to the figure's own checks)
        notes.append(f"the text compares with the same period of {', '.join(map(str, sorted(compared)))}, not of {period.year - 1}: "
                     f"the quarter {period} it names is not read; give --period")
        period = None
    if period is None and len(stated) <= 1:
        notes.append("the quarter the release reports on is not stated in the text; give --period")

    located: list[Located] = []
    block = Block(INTRO, None)
    for segment in raw:
        if segment.heading:
            block = _settled(heading_block(segment.text, fiscal), period, notes)
            continue
        located.append(Located(segment, block))
    flat = not any(segment.heading and heading_block(segment.text, fiscal).kind != INTRO for segment in raw) \
        and not _OTHER_PERIODS.search(matchable(text))
    return Release(platform, period, _language(text), tuple(located), title, tuple(notes), dated, fiscal == "year", flat,
                   fiscal_end, bool(_PART_PERIODS.search(matchable(text))))


def _compared_years(text: str) -> list[int]:
    """The year of each comparison "the same quarter of 2020" / "2020年同期" the text makes, in order."""
    return [year_of(m.group(1) or m.group(2)) for m in _SAME_PERIOD_YEAR.finditer(matchable(text))]


def _settled(block: Block, period: Span | None, notes: list[str]) -> Block:
    """A heading's block with its span checked against the release's quarter."""
    span = block.span
    if block.kind == "quarter":
        if span is None or period is None:
            return Block("other", None, block.heading)
        if span.quarter == 0 or span.year == 0:  # the heading lost its quarter or year
            if span.year not in (0, period.year) or span.quarter not in (0, period.quarter):
                notes.append(f"the heading {block.heading!r} does not match {period}; its block was skipped")
                return Block("other", None, block.heading)
            return Block("quarter", period, block.heading)
        if span != period:
            notes.append(f"the heading {block.heading!r} is about {span}, not the headline {period}; its block was skipped")
            return Block("other", None, block.heading)
    if block.kind == "year" and span is not None and period is not None and span.year not in (period.year, period.year + 1):
        notes.append(f"the heading {block.heading!r} does not match {period}; its block was skipped")
        return Block("other", None, block.heading)
    if block.kind == "part":
        notes.append(f"the block {block.heading.strip()!r} was skipped: metrics.csv has no half-year or nine-month periods")
    return block
