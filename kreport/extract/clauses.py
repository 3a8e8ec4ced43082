"""The generic clause reader (issue 23, rules13): a fallback for the sentences no company wording reads.

A sentence (its matchable form, quarters written plainly) is cut into clauses: at ";" and a sentence's end, and at a comma that starts a
new subject (a piece that names a metric); a piece naming none goes with the clause before it (or, before any, with the next one:
"2022Q4,公司实现线上营销收入151亿元,同比增长14%" is one clause). In a clause:

- a metric's name from the vocabulary (:mod:`kreport.extract.rules.generic`) takes the nearest amount after it whose unit fits the
  metric's kind (people or money), with no other metric's name and no other amount of that kind between them;
- amounts that are changes are never levels: percentages, an amount right after "increased"/"by"/"增加" ("increased 16m from the
  previous quarter"), dollars;
- "A/B分别为x/y", "A及B分别为x及y", "A and B of x and y respectively" pair in order;
- an amount after "from", "compared with", "较…的", "由…的" is the comparison: read as the prior-year comparative only where its
  words place it one year before the figure ("in the same quarter of 2019", "去年同期", "a year earlier");
- the clause's own period, else the page's quarter exactly as the company rules are placed (the sentence before named it and gave a
  figure, a list going on with it, a story about one quarter, a quarter's block), never a guess.

Guards: the stated change must fit a figure and its comparative at their published precision (both left out otherwise); a figure
outside the plausibility band of its platform and metric is left out with a reason; forecasts and another company's clause are not
read; the guards of :mod:`kreport.extract.guards` apply as to any rule's figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kreport.dataset.schema import METRICS, UNITS
from kreport.extract.guards import refusal
from kreport.extract.periods import MONTH, YEAR, Span, date_quarter, quarter_named, quarter_of, year_of
from kreport.extract.release import INTRO, PLATFORM_NAMES, Block, Release, periods_named
from kreport.extract.rules.generic import BARE_REVENUE_BEFORE_EN, BARE_REVENUE_BEFORE_ZH, OTHER, PARTS, TERMS, band_for
from kreport.extract.values import canonical, plain, within_growth

__all__ = ["band_size", "part_subject", "Reading", "clauses", "read_clauses", "straight", "LINE"]

LINE = "a generic clause reading (kreport/extract/clauses.py)"

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# An amount: its currency before, the number, its scale word, its currency after.
_AMOUNT = re.compile(
    rf"(?P<pre>(?:RMB|CNY|人民币|US ?\$|USD|HK\$|\$|¥|CN¥) ?)?(?P<v>{_NUM})(?![\d.%])"
    rf"(?: ?(?P<u>trillion|billion|million|bn|mn|万亿|亿|百万|万|m|b)(?![A-Za-z]))?"
    rf"(?P<post> ?(?:Chinese )?(?:yuan|renminbi|RMB|CNY|元人民币|元|美元|港元|dollars|US dollars))?(?! ?%| ?percent| ?per cent)",
    re.IGNORECASE)
_SCALE_MONEY = {"trillion": "RMB_trillion", "billion": "RMB_bn", "bn": "RMB_bn", "b": "RMB_bn", "million": "RMB_mn", "mn": "RMB_mn",
                "m": "RMB_mn", "万亿": "RMB_trillion", "亿": "RMB_100m", "百万": "RMB_mn"}
_SCALE_PEOPLE = {"billion": "billion", "million": "million", "mn": "million", "m": "million", "亿": "100m", "百万": "million"}
# A classifier after a count in 亿/万: orders, people, items, visits ... (never an amount of money)
_COUNTED = re.compile(r"\s?(?:[单單人件次笔筆户戶个個位名台部张張条條份套辆輛家]|用户|用戶|消费者|消費者|买家|買家|美元|港元|日元|欧元|歐元)")
_PEOPLE_WORDS = re.compile(r"用户|用戶|买家|買家|消费者|消費者|人数|人數|订单|訂單|\b(?:users?|buyers?|consumers?|orders?|DAUs?|MAUs?)\b",
                           re.IGNORECASE)
_DOLLARS = re.compile(r"US ?\$|USD|HK\$|^\$|美元|港元|dollars", re.IGNORECASE)

# The words that make an amount a change, right before it ("increased 16m", "增加了1800万", "up by 28m")
_CHANGE_BEFORE = re.compile(r"(?:\b(?:increased|decreased|rose|grew|fell|declined|dropped|added|gained|lost|up|down|by|an? (?:increase|decrease|"
                            r"rise|decline|growth|drop) of|net additions? of)|增加了?|增长了?|减少了?|下降了?|新增|净增|[+\-])\s?$", re.IGNORECASE)
# The words that make an amount the comparison's, right before it
_COMPARED_BEFORE_EN = re.compile(r"\b(?:from|compared (?:with|to)|versus|vs\.?|against|than|over|(?:previous|prior|last) (?:quarter|period|year)(?: of)?)"
                                 r"\s?(?:the )?(?:RMB|CNY|US\$)?\s?$", re.IGNORECASE)
# A name that is an object, not a subject: "accounting for 84% of the total revenue", "占总收入的"
_OBJECT_BEFORE = re.compile(r"(?:%|percent) of (?:the |its )?$|\b(?:accounting for|share of|proportion of|part of)\b[^,;]{0,20}$|占[^,;]{0,8}$",
                            re.IGNORECASE)
_PRODUCT_BEFORE = re.compile(r"可灵|Kling|海外|Kwai|Snack|极速版|国际|搜索|小程序|lite|overseas|international|search|mini[- ]program|"
                             r"Temu|Taobao|Tmall|淘宝|天猫|淘天|零售|Retail|cloud|云"
                             r"|短剧|短劇|小游戏|小遊戲", re.IGNORECASE)  # (heldout19) a content category's audience: "短剧日活用户破3亿"
_EXCLUDING = re.compile(r"\b(?:excluding|excl\.?|exclusive of|other than|except|net of|ex-)|不含|不包括|剔除|扣除|除去", re.IGNORECASE)
_ASIDE = re.compile(r" ?[—–] [^—–;]{1,160}? [—–] ?|——[^—;]{1,80}?——")
_GAP, _GAP_ZH = 100, 40  # the most characters between a name and its amount (English, Chinese)
# (rules17) never the "比" of "同比"/"环比" ("同比增长48%达42亿元": the change, then the figure)
_COMPARED_ZH = re.compile(rf"(?:较|相较|相比|(?<![同环])比|由|从|对比)(?P<pwhen>去年同期|上年同期|{YEAR} ?年同期|{YEAR} ?年|[^,;至到]{{0,24}}?)的?\s?$")
# An amount a change runs from: "5.522亿增加到5.883亿", "from 552.2 million to 588.3 million"
_FROM_VALUE = re.compile(r"^\s?(?:\([^()]{0,40}\))?\s?(?:[^\d,;。]{0,6}(?:到|至)|to)\s?(?:RMB|人民币)?\s?\d", re.IGNORECASE)
_SAME_ZH = re.compile(rf"(?P<pwhen>去年同期|上年同期|{YEAR} ?年同期)(?:为|是|的|则为)\s?$")
_PWHEN_EN = re.compile(rf"^(?: ?\([^()]{{0,40}}\))?,? ?(?P<pwhen>(?:in|for|during) (?:the same|a similar|the corresponding|the comparable) "
                       rf"(?:period|quarter|interval) (?:of |in )?(?:last year|the previous year|"
                       rf"the prior year|{YEAR})|(?:in|for) (?:the )?(?:{YEAR} ?Q[1-4]|Q[1-4] ?{YEAR}|(?:first|second|third|fourth) quarter(?: of)? {YEAR})"
                       rf"|a year (?:earlier|ago|before)|(?:in|for) the year-(?:ago|earlier) (?:period|quarter)|(?:in|for) {YEAR}|last year"
                       # (rules14) the quarter before: "up from 580.8 million in the previous quarter"
                       rf"|(?:in|for|during|at the end of) the (?:previous|prior|preceding|last) quarter)\b",
                       re.IGNORECASE)
_QOQ = re.compile(r"quarter[- ](?:on|over)[- ]quarter|sequential|\bQoQ\b|环比|previous quarter|prior quarter|last quarter|上一?季度?",
                  re.IGNORECASE)
# A stated change: "an increase of 55%", "up 8.3%", "increased by 8% to", "同比增长14%", "同比+13.3%", "a 47.6% increase"
_CHANGE = re.compile(rf"(?P<dir>increase[sd]?|decrease[sd]?|rise|rose|grew|growth|grow(?:ing)?|up|down|fell|decline[sd]?|drop(?:ped)?|surged?|jumped?"
                     rf"|soared|climbed|增长了?|增加了?|上升了?|提升了?|下降了?|减少了?|下滑了?|同比\+|同比-)(?: of| by)? ?(?P<g>{_NUM})"
                     rf" ?(?:%|percent|per cent)"
                     rf"|(?P<g2>{_NUM}) ?(?:%|percent|per cent) (?:year[- ](?:on|over)[- ]year |yoy )?(?P<dir2>increase|decrease|rise|decline|growth|drop)",
                     re.IGNORECASE)
_DOWN = re.compile(r"decrease|decline|fell|drop|down|下降|减少|下滑|-", re.IGNORECASE)
_RESPECTIVELY = re.compile(r"分别|各(?=录得|为|是|达|实现|增长至|增至)|respectively", re.IGNORECASE)
_JOIN = re.compile(r"^\s?(?:/|及|和|与|、|and|&)\s?$", re.IGNORECASE)
# A clause that forecasts or estimates
_REFUSE = re.compile(r"\b(?:expect(?:s|ed|ing|ations?)?|estimat\w*|consensus|forecasts?|projected|projects?|guidance|outlook|target|will|would|could|may|might"
                     r"|should|plans?|projections?|predict\w*)\b|预期|预计|预测|指引|展望|目标|将(?:会|于|在|达|突破|超过)|有望", re.IGNORECASE)
# An actual figure set against the estimates is no estimate: "超预期", "高于彭博一致预期21%", "beating analysts' estimates"
_AGAINST = re.compile(r"(?:超出?|好于|优于|低于|高于|不及|符合|略超|大超|远超)[^,;。]{0,8}?预期|\b(?:better|worse|stronger|weaker)-than-expected\b"
                      # (heldout18) "lower than the expected 239.43 billion yuan", "higher than the market expectation of 23.1 billion"
                      r"|\b(?:higher|lower|better|worse) than (?:the )?(?:market |analysts?'? |consensus )?(?:expected|expectations?|estimates?)\b"
                      r"|\b(?:beat|beats|beating|exceed\w*|above|ahead of|below|miss\w*|top\w*|surpass\w*) (?:the )?(?:average |market |analysts?'?s? "
                      r"|Bloomberg's |consensus |Wall Street "
                      # (rules15) "beat our and the market's expectations", "beating Refinitiv's consensus"
                      r"|(?:our|and|the|their) |(?:[A-Z][\w.]*|market|Street)'s )*(?:expectations?|estimates?|forecasts?|consensus)"
                      # (rules15) "compared with Street's estimate of", "versus analysts' average estimate of": the estimate's amount is
                      # never read (see _ESTIMATE_BEFORE); the figure set against it is
                      r"|\b(?:compared (?:with|to)|versus|vs\.?|against) (?:the )?(?:(?:[A-Z][\w.]*|analysts?|Street|market)'s? |average |market "
                      r"|analysts? |consensus )*(?:expectations?|estimates?|forecasts?)(?= (?:of|at) )"
                      # (rules17) "which was lower than the 206.173 billion yuan ($32.28 billion) projected by analysts": the estimate's amount
                      # is never read (see _ESTIMATE_AFTER); the figure set against it is
                      r"|\b(?:lower|higher|less|more|weaker|stronger|below|above) than (?:the )?[^,;]{0,60}? (?:projected|expected|estimated"
                      r"|forecast|predicted) by (?:analysts?|the market|Wall Street|[A-Z][\w.]*)", re.IGNORECASE)
# (rules17) An estimate's amount, its word after it: "the 206.173 billion yuan ($32.28 billion) projected by analysts"
_ESTIMATE_AFTER = re.compile(r"(?: ?\([^()]{0,40}\))? (?:projected|expected|estimated|forecast|predicted) by\b", re.IGNORECASE)
# (rules17) A machine translation's future tense for a reported past figure: "The financial report shows that in 2022, the company's
# revenue will reach 94.18 billion yuan, a year-on-year increase of 16.2%" (将达 rendered "will reach"). The report's own words frame it
# ("the financial report shows", "according to the results", "results showed") and the clause states the change against a year before;
# only "will"/"would" are forgiven (an expectation, an estimate, guidance, a target stay refused), and only for a period the clause
# names that is not after the page's (see _reported_actual)
_REPORTED = re.compile(r"\b(?:the (?:company's )?(?:financial|earnings|annual|quarterly|results?|interim) (?:report|results|statements?|announcement)s? "
                       r"(?:shows?|showed|revealed|reveals|indicates?|indicated|disclosed|discloses)"
                       r"|according to (?:the |its )?(?:company's )?(?:financial |earnings |annual |quarterly |interim )?(?:reports?|results|announcement"
                       r"|filings?|statements?)|(?:the )?(?:results|data|figures) (?:showed|shows?|revealed))\b", re.IGNORECASE)
_WILL = re.compile(r"\b(?:will|would)\b", re.IGNORECASE)
_YEAR_BEFORE_WORDS = re.compile(rf"year[- ](?:on|over)[- ]year|\byoy\b|同比|\b(?:from|compared (?:with|to)|over|than)\b[^,;]{{0,50}}?\b(?:{YEAR}"
                                rf"|(?:the )?same (?:period|quarter)|last year|a year (?:earlier|ago|before))\b", re.IGNORECASE)
# (rules17) A change stated against the same period of a named year, with no amount: "representing a 33.8% increase from the same period
# in 2019" (on the page of 2020's quarter: the figure is the page's quarter's)
_SAME_PERIOD_OF = re.compile(rf"\b(?:increase|decrease|growth|rise|decline|drop|up|down|rose|grew|fell|declined|increased|decreased|jump|jumped"
                             rf"|surged?)\b[^,;]{{0,30}}?\b(?:from|over|compared (?:with|to)|versus|vs\.?) (?:the )?(?:same|corresponding|comparable) "
                             rf"(?:period|quarter) (?:of|in) (?P<y>{YEAR})\b", re.IGNORECASE)
_EXACT_AFTER = re.compile(r"(?: ?(?:人|名|users?|people))?(?: for the first time)? ?[,，]? ?(?:并|and )?(?:达到了?|达|至|reaching|to reach|to) ?(?:RMB ?)?",
                          re.IGNORECASE)
_QUARTER_ADJECTIVE = re.compile(r"\b(?P<n>first|second|third|fourth)-quarter (?:total |net )?$", re.IGNORECASE)
_VAGUE = re.compile(r"(?:nearly|almost|close to|接近|将近|近)\s?$", re.IGNORECASE)
_OVER = re.compile(r"(?:over|more than|exceeded|exceeding|surpassed|超过|超|逾|突?破|多于)\s?$", re.IGNORECASE)  # (heldout19) "破3亿"
_ABOUT = re.compile(r"(?:approximately|about|around|roughly|约)\s?$", re.IGNORECASE)
# Words for a period other than a quarter or twelve months to a quarter's end
_PART = re.compile(r"\b(?:full[- ]year|annual(?! active| report| results)|fiscal year|first half|second half|interim|six months|nine months|H[12]"
                   r"|first three quarters|year[- ]to[- ]date|so far this year|this year)\b|全年|年度(?!活跃)|财年|半年|中期|前三季|首三季|九个月|六个月"
                   r"|年初|今年", re.IGNORECASE)
_QUARTER_WORDS = re.compile(r"quarter|(?<![A-Za-z0-9])Q[1-4](?![A-Za-z0-9])|[1-4]Q|季", re.IGNORECASE)
_SHORT_QUARTER = re.compile(r"\b(?:in |during |for )?(?:the |this )?(?P<n>first|second|third|fourth)[ -]quarter\b(?!,? (?:of )?(?:19|20)\d\d)"
                            r"|\b(?:in|during|for) (?:the|this) quarter\b|\bthis quarter\b|(?<![年\d])第?(?P<zh>[一二三四])季度(?!\d)"
                            r"|本季度?|当季度?|季内|期内|该季度"
                            # (rules15) a yearless "in Q4" (never "Q4 2031", "2031Q4", "Q4'31", "Q4 FY31")
                            r"|(?<![\d\w/-])(?<!\d )(?:in |during |for )?Q(?P<qn>[1-4])(?![\w'’/-])(?! ?(?:FY|'|’)?\d)", re.IGNORECASE)
_YEAR_ONLY = re.compile(rf"\b(?:in|for|during) (?:fiscal (?:year )?)?(?P<y>{YEAR})\b(?! ?Q[1-4])(?![-–]\d)"
                        # a year before the metric's name: "with 2023 total revenues reaching RMB 247.64 billion"
                        rf"|\b(?P<y2>{YEAR}) (?=(?:total |net |full[- ]year )?(?:revenues?|GMV|sales)\b)"
                        rf"|(?<![\d年较由比从])(?P<zh>{YEAR}) ?年(?![第\dQ同一二三四上下前])", re.IGNORECASE)
_COMPANIES = {**PLATFORM_NAMES, "meituan": r"Meituan|美团", "tencent": r"Tencent|腾讯", "douyin": r"Douyin|TikTok|ByteDance|抖音|字节",
              "temu": r"Temu", "taobao": r"Taobao|Tmall|淘宝|天猫"}
_OWN = {"pdd": {"pdd", "temu"}, "alibaba": {"alibaba", "taobao"}}
_CJK = re.compile(r"[\u4e00-\u9fff]")
# An English comparison and the period it names ("from the full year of 2019", "from 366 million in the same quarter of 2019", "from the
# previous quarter"): the comparison's period
_COMPARED_EN_SPAN = re.compile(rf"\b(?:from|over|compared (?:with|to)|versus|vs\.?|than|against)\b[^,;]{{0,60}}?(?:{YEAR}|last year"
                               rf"|a year (?:earlier|ago|before)|(?:previous|prior|last|same) (?:quarter|period)(?: (?:of|in) {YEAR})?"
                               # (heldout17) "a 1.7% increase from the fourth quarter and a 2.9% jump versus the year-ago quarter"
                               rf"|(?:year[- ]ago|year[- ]earlier|sequential) (?:quarter|period)|the (?:first|second|third|fourth) quarter)\b",
                               re.IGNORECASE)
# (rules17) Other periods' rates set beside the figure: "..., compared with 4.5% growth in the first quarter and 3.2% in the second" (the
# quarters named are the changes', not the figure's: a rate is no amount of the figure's metric)
_RATES_COMPARED = re.compile(r",? ?\b(?:compared (?:with|to)|versus|vs\.?|against) (?:an? )?\d+(?:\.\d+)?(?:%| percent| per cent)"
                             r"(?: (?:growth|increase|rise|decline|decrease|drop))? (?:in|for|during) the (?:first|second|third|fourth|previous|prior)"
                             r"(?: quarter)?(?:,? and (?:an? )?\d+(?:\.\d+)?(?:%| percent| per cent)(?: (?:growth|increase|rise|decline|decrease|drop))?"
                             r" (?:in|for|during) the (?:first|second|third|fourth)(?: quarter)?)?(?: quarters?)?(?=[,;.]|$)", re.IGNORECASE)
# (rules16) A quarter of this year: "in Q1 this year", "the first quarter of this year", "今年第一季度", "今年一季度"
_THIS_YEARS_QUARTER = re.compile(r"\b(?P<q>(?:(?:in|for|during) )?(?:the )?(?:first|second|third|fourth)[ -]quarter|(?:(?:in|for|during) )?Q[1-4]) "
                                 r"(?:of )?this year\b|今年(?P<zh>第?[一二三四]季度?)", re.IGNORECASE)
# (rules16) A count at a year's end: "as of the end of 2019", "at the end of 2019", "截至2019年底", "截至2019年末"
_YEAR_END = re.compile(rf"\b(?:as of|as at|at) the end of (?P<y>{YEAR})\b(?! ?Q[1-4])|截至 ?(?P<zh>{YEAR}) ?年(?:底|末)", re.IGNORECASE)
# (rules16) A fiscal year named outright: "fiscal year 2024", "the full fiscal year 2020", "fiscal 2024", "FY2024", "2024财年"
_FISCAL_YEAR = re.compile(rf"\b(?:(?:full |whole )?fiscal (?:year )?(?:of )?(?P<y>{YEAR})|FY ?(?P<fy>{YEAR}))\b(?! ?Q[1-4])"
                          rf"|(?P<zh>{YEAR}) ?财年(?! ?第| ?Q| ?[一二三四]季)", re.IGNORECASE)
# An estimate's amount: "超过市场预期的344.5亿元", "estimates of 43.3 billion yuan"
_ESTIMATE_BEFORE = re.compile(r"(?:预期|预测|预估|估计)的?\s?$|\b(?:expectations?|estimates?|forecasts?|consensus|expected|estimated)(?: of| at)?\s?$",
                              re.IGNORECASE)
# A Chinese comparison and the period it names ("较截至2019年9月30日止的12个月期间", "较2023年同期的"): the comparison's period
_COMPARED_ZH_SPAN = re.compile(r"(?:较|相较|相比|比|由|从|对比)[^,;。]{0,30}?(?:期间|同期|的)")


@dataclass(frozen=True)
class Reading:
    """One figure the clause reader read, before it becomes a Figure: where in the sentence, and its comparative."""

    metric: str
    period: Span
    value: str
    unit: str
    qualifier: str
    start: int  # the metric's name, in the sentence
    value_start: int
    value_end: int
    prior: tuple[Span, str, str] | None  # the comparative's period, value and unit
    clause: tuple[int, int] = (0, 0)  # the clause, in the sentence


def _terms(text: str, platform: str) -> list[tuple[int, int, str]]:
    """The metric names in ``text``: (start, end, metric), the longest where two overlap, a bare revenue word only in a subject's place."""
    found: list[tuple[int, int, str]] = []
    for metric, pattern, platforms in TERMS:
        if platforms is not None and platform not in platforms:
            continue
        for match in re.finditer(pattern, text, re.IGNORECASE):
            found.append((match.start(), match.end(), metric))
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    kept: list[tuple[int, int, str]] = []
    for start, end, metric in found:
        if kept and start < kept[-1][1]:
            continue
        word = text[start:end]
        if metric == "revenue_total" and re.match(r" from | of (?!(?:RMB|CNY|US|\$|¥|\d|about|approximately|around|over|more|nearly|almost|roughly))",
                                                  text[end: end + 20], re.IGNORECASE):
            continue  # "Revenue from core commerce", "net revenues from the sales of general merchandise": a part's
        if metric.startswith("revenue") and re.match(r" ?(?:breakdown|by (?:segment|business|category|line)|mix|structure|composition|split)\b"
                                                     r"|构成|结构|拆分|明细", text[end: end + 20], re.IGNORECASE):
            continue  # (rules17) a label over the parts: "Revenue Breakdown: - Product revenue was 208.51 billion", "收入构成:"
        if metric == "revenue_marketing" and word[:1].lower() == "a" and not BARE_REVENUE_BEFORE_EN.search(text[max(0, start - 24): start]):
            continue  # (rules15) "advertising revenue" in a subject's place only, as a bare revenue ("external advertising revenue": a part)
        if metric == "revenue_total" and re.fullmatch(r"revenues?|收入", word, re.IGNORECASE):
            before = text[max(0, start - 24): start]
            if not (BARE_REVENUE_BEFORE_ZH if _CJK.match(word) else BARE_REVENUE_BEFORE_EN).search(before):
                continue  # "live streaming revenue", "商品收入": a part's revenue
            if kept and kept[-1][2] != "revenue_total" and kept[-1][2].startswith("revenue") and start - kept[-1][1] <= 20:
                continue  # "「其他服务」业务,收入58.78亿元": the segment's revenue
        if not _CJK.match(word[:1] or "a") and start > 0 and text[start - 1].isascii() and text[start - 1].isalnum():
            continue
        if kept and kept[-1][2] == metric and re.fullmatch(r" ?[(（] ?", text[kept[-1][1]: start]) \
                and (close := re.match(r" ?[)）]", text[end:])):
            # (rules17) a name and its abbreviation in brackets ("日活跃用户(DAU)和月活跃用户(MAU)分别达到"): one name, so that
            # names joined by "和" pair with their amounts in order
            kept[-1] = (kept[-1][0], end + close.end(), metric)
            continue
        kept.append((start, end, metric))
    return kept


def straight(text: str) -> str:
    """``text`` with its curly apostrophes straight, one character for one (the offsets hold)."""
    return text.replace("\u2019", "'").replace("\u2018", "'")


def clauses(text: str, platform: str) -> list[tuple[int, int]]:
    """The clauses of a sentence as (start, end): cut at ";" and at a comma that starts a new subject (a piece naming a metric)."""
    text = straight(text)
    terms = _terms(text, platform)
    pieces: list[tuple[int, int]] = []
    start = 0
    for match in re.finditer(r";|。|,(?!\d{3}(?!\d))|(?<!\d),", text):
        pieces.append((start, match.start()))
        start = match.end()
    pieces.append((start, len(text)))
    hard = {m.end() for m in re.finditer(r";|。", text)}
    out: list[list[int]] = []
    pending: int | None = None  # the start of pieces naming no metric, before the first that names one
    for begin, end in pieces:
        names = any(begin <= t[0] < end for t in terms)
        if names or not out or begin in hard:
            if not names and (not out or begin in hard):
                pending = begin if pending is None else pending
                continue
            out.append([pending if pending is not None else begin, end])
            pending = None
        else:
            out[-1][1] = end
    if pending is not None and out:
        out[-1][1] = len(text)
    return [(a, b) for a, b in out]


def _unit(metric: str, match: re.Match) -> str | None:
    """The schema unit of an amount for ``metric``, or None when it does not fit the metric's kind."""
    kind = METRICS[metric].kind
    scale = (match.group("u") or "").lower() if (match.group("u") or "").isascii() else match.group("u")
    money = bool(match.group("pre") or match.group("post"))
    if money and (_DOLLARS.search(match.group("pre") or "") or _DOLLARS.search(match.group("post") or "")):
        return None
    if kind == "money":
        if not money and scale in ("亿", "万亿") and not _COUNTED.match(match.string[match.end():]):
            money = True  # (rules14) a broker's "其他服务为23.67亿": a revenue's amount in 亿 with its 元 left out (never "23亿单")
        if not money or scale not in _SCALE_MONEY:
            return None
        if scale in ("b", "m") and not re.search(r"¥", match.group("pre") or ""):
            return None
        return _SCALE_MONEY[scale]
    if kind == "people":
        return _SCALE_PEOPLE.get(scale) if not money else None
    return None


def _qualifier(before: str) -> str | None:
    if _VAGUE.search(before):
        return None
    return "over" if _OVER.search(before) else "about" if _ABOUT.search(before) else ""


def _quarter_before(span: Span) -> Span:
    return quarter_of(span.year, span.quarter - 1) if span.quarter > 1 else quarter_of(span.year - 1, 4)


def _prior_period(words: str, headline: Span) -> Span | None:
    """A comparative's period from its words: one year before the headline's, or (rules14) a quarter's the quarter before it in so
    many words ("in the previous quarter"); never another."""
    words = re.sub(r"\s+", " ", (words or "").strip())
    earlier = headline.year_earlier()
    if headline.kind == "quarter" and re.fullmatch(r"(?:in|for|during|at the end of) the (?:previous|prior|preceding|last) quarter", words,
                                                   re.IGNORECASE):
        return _quarter_before(headline)
    if re.fullmatch(r"(?:(?:in|for|during) )?(?:the )?(?:same (?:period|quarter) (?:of |in )?(?:last year|the (?:previous|prior) year)|last year"
                    r"|a year (?:earlier|ago|before)|year-(?:ago|earlier) (?:period|quarter))|去年同期|上年同期|去年", words, re.IGNORECASE):
        return earlier
    if match := re.search(rf"({YEAR})", words):
        year = year_of(match.group(1))
        if headline.kind == "quarter":
            named = quarter_named(re.sub(r"^(?:in|for|during) (?:the )?", "", words, flags=re.IGNORECASE))
            if named is not None and named == _quarter_before(headline):
                return named  # (rules15) the quarter before, named in so many words: as "in the previous quarter"
            if named is not None:
                return earlier if named == earlier else None
            same = re.search(r"(?:same|similar|corresponding|comparable) (?:period|quarter|interval)|同期", words, re.IGNORECASE)
            return earlier if same and year == earlier.year else None
        return earlier if year == earlier.year and headline.kind in ("year", "fiscal_year") else None
    return None


_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_FULL_YEAR = re.compile(r"全年|\bfull[- ]year\b(?! (?:of )?2 ?0)"
                        # (rules17) a calendar-year company's "For the fiscal year, total revenues surged by 59% to" (no year named: the one
                        # the fourth quarter's page closes)
                        r"|\b(?:the |its )?(?:full |whole )?fiscal year\b(?! ?(?:of )?(?:19|20|'|’)?\d)", re.IGNORECASE)
_MONTH_QUARTER = re.compile(rf"\b(March|June|September|December) quarter\b(?!,? (?:of )?{YEAR})", re.IGNORECASE)
_ORDINAL_OF = {"march": "first", "june": "second", "september": "third", "december": "fourth"}


_ANNUAL_REVENUE = re.compile(r"\bannual (?=(?:total |net )?revenues?\b)", re.IGNORECASE)


def _own_period(clause: str, release: Release, metric: str) -> Span | None | str:
    """The period a clause names as its own: a Span, "" if none, None if unreadable (several, or a word for another period)."""
    if not release.calendar and (fiscal := _fiscal_year(clause, release, metric)) is not None:
        return fiscal
    if not release.calendar and re.search(r"(?<![A-Za-z])FY|fiscal|财年|财季", clause, re.IGNORECASE):
        return None  # a fiscal period of a company whose fiscal year is not the calendar's: the company rules place those
    clause = _COMPARED_EN_SPAN.sub(" ", _COMPARED_ZH_SPAN.sub(" ", _RATES_COMPARED.sub(" ", clause)))
    # (rules16) a quarter "of this year" ("in Q1 this year", "in the first quarter of this year", "今年第一季度"): a yearless quarter,
    # read as one (its number must be the page's quarter's); "this year" alone stays a part of a year
    clause = _THIS_YEARS_QUARTER.sub(lambda m: f" {m.group('q') or m.group('zh')} ", clause)
    # (rules14) a quarter named by its last month, without its year ("In the March quarter,"): that calendar quarter, by its number
    clause = _MONTH_QUARTER.sub(lambda m: f"the {_ORDINAL_OF[m.group(1).lower()]} quarter", clause)
    if re.search(r"上一?季|\b(?:last|previous|prior) quarter\b", clause, re.IGNORECASE):
        return None  # the quarter before: the company rules place it by the page's date, or not at all
    page = release.period
    to_page = []  # (rules17) the twelve months to the page's quarter's last month, named
    if metric in ("gmv_ttm", "annual_buyers") and page is not None and page.kind == "quarter" and release.calendar:
        # (rules15) "in the (first) 12 months to the end of March": the twelve months to the page's quarter's last month, by its name
        def _ttm(match: re.Match) -> str:
            same = _MONTHS.index(match.group("m").lower()[:3]) == page.quarter * 3 - 1
            if same and (match.group("y") is None or int(match.group("y")) == page.year):
                to_page.append(match.group())
                return ""
            return match.group()
        clause = re.sub(rf"\b(?:in |for |during )?(?:the )?(?:first |past |last |trailing )?(?:twelve|12)[- ]months? (?:ended|ending|to the end of|to|through)"
                        rf" (?P<m>{MONTH})(?![a-z])(?: (?:2[89]|3[01])(?!\d))?(?! \d)(?:,? (?P<y>(?:19|20)\d\d))?", _ttm, clause, flags=re.IGNORECASE)
    named = {s for s in periods_named(clause) if s.kind == "quarter" or release.calendar}
    if release.calendar:  # "2025财年第二季" of a company whose fiscal year is the calendar's
        named |= {quarter_of(year_of(m.group(1)), "一二三四".index(m.group(2)) + 1)
                  for m in re.finditer(rf"({YEAR}) ?财年 ?第?([一二三四])财?季", clause)}
    # a count as of a quarter's last day ("588.3 million as of September 30, 2022", "截至2022年9月30日"): that quarter's
    for match in re.finditer(rf"\b(?:as of|as at|at the end of) ({MONTH} \d{{1,2}},? {YEAR})|截至 ?({YEAR} ?年 ?\d{{1,2}} ?月 ?\d{{1,2}} ?日)",
                             clause, re.IGNORECASE):
        if METRICS[metric].kind == "people" and (span := date_quarter(match.group(1) or match.group(2).replace(" ", ""))) is not None:
            named.add(span)
    # (rules16) a count at a year's end ("as of the end of 2019", "at the end of 2019", "截至2019年底"): the year's fourth quarter's, the
    # count being taken on its last day (never the year's own: a count is no year's figure)
    for match in _YEAR_END.finditer(clause):
        if METRICS[metric].kind == "people":
            year = year_of(match.group("y") or match.group("zh"))
            named.discard(Span("year", year))
            named.add(quarter_of(year, 4))
    if len(named) > 1:
        return None
    if to_page and not named and not _PART.search(clause) and not re.search(rf"\d{{1,2}} ?月|\b{MONTH}\b|\b(?:19|20)\d\d\b|quarter|季",
                                                                            clause, re.IGNORECASE):
        # (rules17) "increased by 29.9% year-on-year to 417.4 million in the 12 months ended June" on a June quarter's page: the
        # clause's own period is the page's quarter (a count of twelve months to its last month), named in so many words
        return page
    if not named and re.search(rf"\d{{1,2}} ?月|\b{MONTH}\b", clause, re.IGNORECASE):
        return None  # a month or a date the reader does not place ("在10月份突破了7亿", "the second quarter ended September 30")
    if named:
        span = next(iter(named))
        if span.kind != "quarter" and METRICS[metric].kind != "money" \
                and not (metric in ("dau", "mau") and re.search(r"平均|average", clause, re.IGNORECASE) and _FULL_YEAR.search(clause)):
            return None  # a year's user count: an average of what? (heldout18: "2023年全年,快手APP的平均日活用户为3.799亿": the year's average)
        return span
    page = release.period
    closes = release.calendar and page is not None and page.kind == "quarter" and page.quarter == 4
    if closes and _FULL_YEAR.search(clause) and not _PART.search(_FULL_YEAR.sub(" ", clause)) and METRICS[metric].kind == "money" \
            and metric != "gmv_ttm" and not _YEAR_ONLY.search(clause) and not _QUARTER_WORDS.search(clause):
        return Span("year", page.year)  # (rules14) "全年营收翻倍增长至594.9亿元" on a fourth quarter's page: the year it closes
    if _PART.search(clause) and not (_YEAR_ONLY.search(clause) and not _PART.search(_ANNUAL_REVENUE.sub(" ", clause))):
        return None  # (heldout17: "Kuaishou's annual revenue in 2022 was", a year's revenue with its year, is read as the year's below)
    years = {year_of(m.group("y") or m.group("y2") or m.group("zh")) for m in _YEAR_ONLY.finditer(clause)}
    if closes and len(years) == 1 and metric in ("annual_buyers", "gmv_ttm") and years == {page.year} and not _QUARTER_WORDS.search(clause) \
            and not re.search(r"fiscal|财年|財年|\bFY", clause, re.IGNORECASE):
        return page  # (rules14) "2020年,平台年活跃买家数增长至7.88亿" on 2020Q4's page: the twelve months to the year's end
    short = list(_SHORT_QUARTER.finditer(clause))
    if years and (short or _QUARTER_WORDS.search(clause)):
        return None  # "2025年三季度" not read plainly, or a year and a quarter: unclear
    if years:
        if len(years) > 1 or not release.calendar or not metric.startswith("revenue"):
            return None
        year = years.pop()
        page = release.period
        if page is None or page.year != year or (page.kind == "quarter" and page.quarter != 4):
            return None  # a year that is not the one the page's results close
        return Span("year", year)
    if short:
        period = release.period
        if period is None or period.kind != "quarter":
            return None
        for match in short:
            number = (("first", "second", "third", "fourth").index(match.group("n").lower()) + 1 if match.group("n")
                      else "一二三四".index(match.group("zh")) + 1 if match.group("zh")
                      else int(match.group("qn")) if match.group("qn") else period.quarter)
            # (rules16) a company whose fiscal year is not the calendar's numbers its quarters by it: Alibaba's "fourth-quarter
            # revenue" on the page of the quarter to March is that quarter's (either numbering naming the page's quarter places it)
            # (never beside a year: "In Q3 of 2019" is read by neither numbering)
            fiscal = (period.quarter - release.fiscal_end // 3 - 1) % 4 + 1 \
                if not release.calendar and not re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", clause) else period.quarter
            if number not in (period.quarter, fiscal):
                return None
        return period
    if re.search(rf"\b(?:19|20)\d\d\b|{YEAR} ?年|(?<![A-Za-z0-9])Q[1-4](?![A-Za-z0-9])|quarter|季度", clause, re.IGNORECASE):
        return None  # a period's words the reader does not place
    return ""


def _fiscal_year(clause: str, release: Release, metric: str) -> Span | None:
    """(rules16) The fiscal year a clause names outright ("For fiscal year 2024, the company's revenue ...", "Revenue for the full fiscal
    year 2020 was up 35 percent to"), for a company whose fiscal year is not the calendar's, on the page of the quarter that closes it
    (Alibaba's March quarter): that fiscal year. None for any other: another fiscal year, a quarter's words beside it, a count (a
    year's user count is an average of what?) or a page of another quarter."""
    page = release.period
    if page is None or page.kind != "quarter" or not _closes_fiscal(page, release) or not metric.startswith("revenue"):
        return None
    # the page says in another sentence too that it covers the fiscal year ("results for the fourth quarter and fiscal year ended
    # March 31"): a story about the quarter alone that names a fiscal year once may mean another's (left out as before)
    if sum(1 for located in release.sentences if re.search(r"fiscal year|财年|財年", located.segment.text, re.IGNORECASE)) < 2:
        return None
    years = {year_of(m.group("y") or m.group("fy") or m.group("zh")) for m in _FISCAL_YEAR.finditer(clause)}
    rest = _FISCAL_YEAR.sub(" ", re.sub(r"\([^()]{0,40}\)", " ", clause))  # "(April 2022-March 2023)": the fiscal year's own months
    if years != {page.year} or _QUARTER_WORDS.search(rest) or re.search(r"(?<![A-Za-z])FY|fiscal|财年|财季|first half|six months|nine months"
                                                                         r"|半年|前三季", rest, re.IGNORECASE):
        return None
    return Span("fiscal_year", page.year)


def _closes_fiscal(page: Span, release: Release) -> bool:
    """Whether the page's quarter is the last of a fiscal year that is not the calendar's (Alibaba's: the quarter to March)."""
    return not release.calendar and page.kind == "quarter" and page.quarter * 3 == release.fiscal_end


def _another_company(clause: str, platform: str) -> bool:
    own = _OWN.get(platform, {platform})
    return any(re.search(names, clause, re.IGNORECASE) for company, names in _COMPANIES.items() if company not in own)


def _up_to_rival(text: str, begin: int, after: int) -> str:
    """(rules15) The clause up to the comma or bracket after its figure: "平台年活跃买家数增长至7.88亿,超过阿里巴巴(7.79亿)" names
    the rival only past it (the figure is still the company's); a rival named before the figure, or in its own stretch, holds it."""
    stop = re.search(r"[,;(]|\s[-–—]\s", text[after:])
    return text[begin: after + (stop.start() if stop else len(text) - after)]


def _amounts(text: str, start: int, end: int) -> list[re.Match]:
    return [m for m in _AMOUNT.finditer(text, start, end) if not re.match(r"\d", text[m.end():m.end() + 1] or "a")]


def _kind_of(match: re.Match) -> str:
    money = bool(match.group("pre") or match.group("post"))
    return "money" if money else "people" if match.group("u") else "none"


def band_size(metric: str, value: str, unit: str) -> float:
    """A figure in the units the plausibility bands are written in (RMB billion, or million people)."""
    return canonical(value, unit) / UNITS["RMB_bn" if METRICS[metric].kind == "money" else "million"].factor


def part_subject(text: str, start: int, platform: str) -> str | None:
    """The part of the company (a segment, a unit, a new business) named in ``text`` before ``start`` with the company not named again
    after it, outside brackets ("JD Retail (including JD Health, JD Industry, ...) reported revenue of": JD Retail's, not JD's); None if
    there is none."""
    parts = list(re.finditer(PARTS, text[:start], re.IGNORECASE))
    if not parts:
        return None
    after = re.sub(r"\([^()]*\)|（[^（）]*）", " ", text[parts[-1].end(): start])
    return None if re.search(PLATFORM_NAMES[platform], after, re.IGNORECASE) else parts[-1].group()


def read_clauses(release: Release, text: str, block: Block, carry: Span | None, skipped: list[tuple[str, str, str, str]],
                 after: Span | None = None) -> list[Reading]:
    """The figures the generic reader reads in a sentence (matchable form, quarters plain), with their comparatives; what it leaves out,
    and why, goes to ``skipped`` as (why, metric, value, unit)."""
    platform = release.platform
    if not platform:
        return []
    text = straight(text)  # (rules15) "the company’s revenue": a curly apostrophe is an apostrophe (one character for one)
    found: list[Reading] = []
    # (rules16) the periods the sentence names as its figures', not a comparison's ("..., an increase of 42 percent from the full year
    # of 2019": 2019 is what the year's figure is compared with, no period of the sentence's own)
    sentence_named = periods_named(_COMPARED_EN_SPAN.sub(" ", _COMPARED_ZH_SPAN.sub(" ", _RATES_COMPARED.sub(" ", text))))
    every = _terms(text, platform)
    for begin, end in clauses(text, platform):
        clause = text[begin:end]
        terms = [t for t in every if begin <= t[0] < end]
        if not terms or (_REFUSE.search(_AGAINST.sub(" ", clause)) and not _reported_actual(text, clause, release)):
            continue
        rival = _another_company(clause, platform)
        if release.language == "en" and _CJK.search(clause):
            continue  # a machine translation interleaved with an English release's text is not read
        levels = _levels(text, terms, end)
        for (t_start, t_end, metric), amount in levels:
            if metric == OTHER:
                continue
            if METRICS[metric].kind == "money" and not (amount.group("pre") or amount.group("post")) \
                    and _PEOPLE_WORDS.search(text[t_end: amount.start()]):
                continue  # a bare 亿 after words about people ("收入增长,用户达3.6亿"): a count, not the revenue
            if _EXCLUDING.search(text[t_start: amount.start()]):
                continue  # (rules15) "Total revenues excluding revenues from merchandise sales ... was": not the total
            if _PRODUCT_BEFORE.search(text[max(begin, t_start - 12): t_start]):
                continue  # another product's users or revenue ("快手搜索月活跃用户", "海外平均日活跃用户", "Kwai's DAUs")
            unit = _unit(metric, amount)
            if unit is None:
                continue
            if rival and _another_company(_up_to_rival(text, begin, amount.end()), platform):
                continue  # another company's clause
            reading = _reading(release, text, clause, begin, end, block, carry, after, sentence_named, metric, t_start, amount, unit,
                               skipped)
            if reading is not None:
                found.append(reading)
    return found


def _reported_actual(text: str, clause: str, release: Release) -> bool:
    """(rules17) Whether a clause refused only for its "will"/"would" is a translation's reported actual: the sentence cites the report
    ("The financial report shows that in 2022, revenue will reach ..."), the clause states a change against a year before and names
    its own period, none after the page's (a forecast for next year, the next quarter or a guidance stays refused)."""
    page = release.period
    rest = _WILL.sub(" ", _AGAINST.sub(" ", clause))
    if page is None or _REFUSE.search(rest) or not _WILL.search(clause) or not _REPORTED.search(text) or not _YEAR_BEFORE_WORDS.search(clause) \
            or _stated_change(clause) is None or re.search(r"\b(?:next|coming|following|this) (?:year|quarter)\b|明年|下季|今年", clause,
                                                           re.IGNORECASE):
        return False
    own = _COMPARED_EN_SPAN.sub(" ", _COMPARED_ZH_SPAN.sub(" ", clause))
    named = periods_named(own) | {Span("year", year_of(m.group("y") or m.group("y2") or m.group("zh"))) for m in _YEAR_ONLY.finditer(own)}
    return bool(named) and all(span.year < page.year or (span.year == page.year and (span.kind != "quarter" or page.kind != "quarter"
                                                                                       or span.quarter <= page.quarter))
                               for span in named)


def _levels(text: str, terms: list[tuple[int, int, str]], end: int) -> list[tuple[tuple[int, int, str], re.Match]]:
    """Each metric name and the amount it takes: the nearest level after it, before the next name; "A/B分别为x/y" in order."""
    out = []
    index = 0
    while index < len(terms):
        term = terms[index]
        # names joined by "/", "及", "and" ... then "分别"/"respectively": the pair's figures in order
        group = [term]
        while index + len(group) < len(terms) and _JOIN.match(text[group[-1][1]: terms[index + len(group)][0]]):
            group.append(terms[index + len(group)])
        if len(group) > 1:
            stop = terms[index + len(group)][0] if index + len(group) < len(terms) else end
            rest = text[group[-1][1]: stop]
            amounts = [m for m in _amounts(text, group[-1][1], stop) if not _is_change(text, m)]
            # (rules15) a broker's "DAU/MAU 4.01亿/7.36亿", "DAU/MAU ... was 401/736 million": names and amounts slashed alike pair in
            # order without "respectively", a scale after the last amount going with those before it
            run = _slashed_run(text, group, amounts)
            slashed = run is not None
            if run is not None:
                amounts = [_Shared(m, run[-1]) if _kind_of(m) == "none" else m for m in run]
            if (_RESPECTIVELY.search(rest) or slashed) and len(amounts) >= len(group) and len({t[2] for t in group}) == len(group) \
                    and all(_JOIN.match(text[a.end(): b.start()]) for a, b in zip(amounts[: len(group)], amounts[1: len(group)])):
                out.extend(zip(group, amounts[: len(group)]))
            index += len(group)
            continue
        stop = terms[index + 1][0] if index + 1 < len(terms) else end
        if term[2] == OTHER or (index + 1 < len(terms) and _ambiguous(text, term, terms[index + 1])) \
                or (index > 0 and _ambiguous(text, terms[index - 1], term)):
            index += 1
            continue  # another measure's name, or two names in a row before one amount: whose it is is unclear
        if _OBJECT_BEFORE.search(text[max(0, term[0] - 30): term[0]]):
            index += 1
            continue
        if METRICS[term[2]].kind == "people" and (count := _count_before(text, term)) is not None:
            # (heldout17) a count before the name: "311 million active customers represented a 1.7% increase", "Kuaishou had 265
            # million daily users" (never a change's or a comparison's amount: "added 29 million active customers")
            out.append((term, count))
            index += 1
            continue
        gap = _GAP_ZH if _CJK.search(text[term[0]: term[1]]) else _GAP
        # (rules17) an aside between dashes right after the name does not count to the gap: "Annual active buyers — user accounts
        # that placed at least one order ... — rose 2% from the previous quarter to reach 867.3 million" (an aside holding an amount
        # of its own is no aside)
        aside = _ASIDE.match(text, term[1], stop)
        if aside is not None and any(_kind_of(m) != "none" for m in _amounts(text, aside.start(), aside.end())):
            aside = None
        extra = len(aside.group()) if aside is not None else 0
        for amount in _amounts(text, term[1], min(stop, term[1] + gap + extra + 20)):
            if amount.start() - term[1] - extra > gap:
                break
            if _is_change(text, amount) or _is_comparison(text, amount, term[1]) or _FROM_VALUE.match(text[amount.end():]) \
                    or _ESTIMATE_BEFORE.search(text[max(0, amount.start() - 20): amount.start()]) or _ESTIMATE_AFTER.match(text, amount.end()):
                continue
            kind = _kind_of(amount)
            if kind == "none":
                continue
            if _OVER.search(text[max(0, amount.start() - 12): amount.start()]) and (exact := _EXACT_AFTER.match(text, amount.end(), stop)):
                # (rules17) a threshold, then the figure: "日均活跃用户数首度突破4亿,达到4.08亿", "surpassed 400 million for the first
                # time, reaching 408 million": the exact amount right after it, of the same kind
                following = [m for m in _amounts(text, exact.end(), stop) if m.start() == exact.end() and _kind_of(m) == kind]
                amount = following[0] if following else amount
            out.append((term, amount))
            break
        index += 1
    return out


def _count_before(text: str, term: tuple[int, int, str]) -> re.Match | None:
    """The count of people written right before a name of people ("311 million active customers"), or None."""
    floor = max(0, term[0] - 30)
    before = [m for m in _amounts(text, floor, term[0]) if not text[m.end(): term[0]].strip()]
    if not before or _kind_of(before[-1]) != "people" or _is_change(text, before[-1]) or _is_comparison(text, before[-1], floor) \
            or re.search(r"\b(?:of|from|than|to|surpass\w*|exceed\w*|pass\w*|cross\w*|top\w*|hit|break\w*)\s?$|突破|超过|超|逾",
                         text[floor: before[-1].start()], re.IGNORECASE) \
            or _OVER.search(text[floor: before[-1].start()]) or _VAGUE.search(text[floor: before[-1].start()]):
        return None  # a threshold ("surpassed 400 million DAUs"), a part of a whole, a comparison's: no count of the period's
    if not re.search(r"(?:^|[•:;(]|\s[-–—]|\b(?:had|has|have|reported|counted|posted|recorded|reached))\s*$",
                     text[floor: before[-1].start()], re.IGNORECASE):
        return None  # only a count that opens its clause or follows its verb ("with 700 million MAUs": a description)
    after = text[term[1]: term[1] + _GAP]
    if any(_kind_of(m) == "people" for m in _AMOUNT.finditer(after)):
        return None  # the name takes an amount after it too ("700 million MAUs ... reached 702 million"): which is the figure is unclear
    return before[-1]


def _slashed_run(text: str, group: list[tuple[int, int, str]], amounts: list[re.Match]) -> list[re.Match] | None:
    """The first run of as many amounts as ``group`` has names, slashed ("401/736 million") as the names are ("DAU/MAU"), its last
    amount with a scale; None if the names are not slashed or there is no such run (a longer run: "271/438/525亿元" is not theirs)."""
    n = len(group)
    if not all(text[a[1]: b[0]].strip() == "/" for a, b in zip(group, group[1:])):
        return None
    for i in range(len(amounts) - n + 1):
        run = amounts[i: i + n]
        if all(text[a.end(): b.start()] == "/" for a, b in zip(run, run[1:])) and _kind_of(run[-1]) != "none" \
                and not re.match(r"/", text[run[-1].end():]) and not re.search(r"[\d.]/$", text[max(0, run[0].start() - 2): run[0].start()]):
            return run
    return None


class _Shared:
    """An amount of a slashed list that takes its scale and currency from the list's last ("401/736 million": 401 million)."""

    def __init__(self, match: re.Match, last: re.Match) -> None:
        self._match, self._last, self.string = match, last, match.string

    def group(self, name: str) -> str | None:
        return self._match.group(name) if name == "v" else self._match.group(name) or self._last.group(name)

    def start(self, *group) -> int:
        return self._match.start(*group)

    def end(self, *group) -> int:
        return self._match.end(*group)


def _ambiguous(text: str, first: tuple[int, int, str], second: tuple[int, int, str]) -> bool:
    """Whether two names follow each other with no amount between them (not as a label: "Revenue Breakdown - Online ..."), so the
    amount after them may be either's ("服务收入成为营收增长主力,...增至578.47亿元")."""
    if first[2] == second[2]:
        return False
    between = text[first[1]: second[0]]
    if re.search(r" [-–—] |: ?$|\|", between):
        return False
    if first[2] == OTHER and second[2] != OTHER and re.search(r"[,;]", between):
        return False
    return not any(_kind_of(m) != "none" for m in _amounts(text, first[1], second[0]))


def _is_change(text: str, amount: re.Match) -> bool:
    before = text[max(0, amount.start() - 30): amount.start()]
    return bool(_CHANGE_BEFORE.search(before)) and not re.search(r"\bto\s?$|至\s?$", before)


def _is_comparison(text: str, amount: re.Match, floor: int) -> bool:
    before = text[max(floor, amount.start() - 30): amount.start()]
    return bool(_COMPARED_BEFORE_EN.search(before) or _COMPARED_ZH.search(before) or _SAME_ZH.search(before))


def _reading(release, text, clause, begin, end, block, carry, after, sentence_named, metric, t_start, amount, unit,
             skipped) -> Reading | None:
    platform = release.platform
    value = plain(amount.group("v"))
    where = f"{metric} {value} {unit} in {clause.strip()[:60]!r} (generic clause reader)"
    between = text[t_start: amount.start()] if amount.start() > t_start else text[max(0, amount.start() - 16): amount.start()]
    qualifier = _qualifier(between)
    if qualifier is None:
        return None
    if re.search(r"\d[.,]?$|\d $", text[max(0, amount.start() - 2): amount.start()]) or re.match(r"[.,]\d", text[amount.end("v"):]):
        return None  # the digits run into others ("2.603.48亿元")
    # the comparison stated in the clause
    prior_match = _comparison(text, begin, end, amount)
    own = _own_period(clause if prior_match is None else clause.replace(prior_match[0], " "), release, metric)
    if not own and (adjective := _QUARTER_ADJECTIVE.search(text[max(begin, t_start - 24): t_start])) and release.calendar \
            and (page := release.period) is not None and page.kind == "quarter" \
            and ("first", "second", "third", "fourth").index(adjective.group("n").lower()) + 1 == page.quarter \
            and all(year_of(y) == page.year for y in re.findall(rf"(?<!\d)({YEAR})(?!\d)", clause)) \
            and not re.search(r"\b(?:previous|prior|last|year-ago|year-earlier)\b|上一?季|去年", clause, re.IGNORECASE):
        # (rules17) the name's own quarter, as its adjective: "highlighting a 24% increase in fourth-quarter total revenues to RMB110.6
        # billion" in a clause that also names the fiscal year the quarter closes (the page's quarter, and no other year, named)
        own = page
    confirmed = False  # the clause states a change that the figure and its comparison fit
    if prior_match is not None and (change := _stated_change(clause)) is not None and (punit := _prior_unit(metric, prior_match[1])):
        confirmed = within_growth(value, unit, plain(prior_match[1].group("v")), punit, *change)
    period = _placed(release, own, text, block, carry, after, sentence_named, metric, prior_match if confirmed else None)
    if period is None:
        skipped.append((f"{where}: its period could not be placed", metric, value, unit))
        return None
    band = band_for(platform, metric, period.kind)
    if band is None or float(value) > UNITS[unit].maximum * 100:
        return None
    size = band_size(metric, value, unit)
    if not band[0] <= size <= band[1]:
        skipped.append((f"{where}: outside the plausible range {band[0]:g}-{band[1]:g} for {platform} {metric}; left out", metric, value, unit))
        return None
    if metric == "revenue_total" and (part := part_subject(text, t_start, platform)):
        skipped.append((f"{where}: the sentence's subject before it is a part of the company ({part!r}); left out", metric, value, unit))
        return None
    if why := refusal(text, metric, platform, t_start, amount.start("v"), amount.end(), period, pair=False,
                      ttm=metric in ("gmv_ttm", "annual_buyers")):
        skipped.append((f"{where}: {why}", metric, value, unit))
        return None
    prior = None
    if prior_match is not None:
        _words, pmatch, pwhen = prior_match
        punit = _prior_unit(metric, pmatch)
        change = _stated_change(clause)
        when = _prior_period(pwhen, period) if punit is not None else None
        sequential = when is not None and period.kind == "quarter" and when == _quarter_before(period)
        if punit is not None and change is not None and not sequential \
                and not within_growth(value, unit, plain(pmatch.group("v")), punit, *change):
            skipped.append((f"{where}: the stated change of {change[0]}% does not fit it against {pmatch.group('v')}; both left out", metric,
                            value, unit))
            return None
        if when is not None:
            prior = (when, plain(pmatch.group("v")), punit)
    return Reading(metric, period, value, unit, qualifier, t_start, amount.start("v"), amount.end(), prior, (begin, end))


def _comparison_amounts(text: str, same: re.Match) -> bool:
    """Whether the stretch of a stated change has an amount of its own (then the comparison pair rules, not the bare wording)."""
    return any(_kind_of(m) != "none" for m in _amounts(text, same.start(), same.end()))


def _prior_unit(metric: str, pmatch: re.Match) -> str | None:
    """The unit of a comparison's amount: as any amount's, or a bare scale after a money figure ("from 7.28 billion in the same quarter
    of 2019" after "12.19 billion yuan")."""
    punit = _unit(metric, pmatch)
    scale = pmatch.group("u") or ""
    scale = scale.lower() if scale.isascii() else scale
    if punit is None and METRICS[metric].kind == "money" and not (pmatch.group("pre") or pmatch.group("post")) and scale not in ("", "b", "m"):
        punit = _SCALE_MONEY.get(scale)
    return punit


def _comparison(text: str, begin: int, end: int, headline: re.Match) -> tuple[str, re.Match, str] | None:
    """The clause's one comparison amount and its period's words: (the words to leave out of the clause's own period, the amount,
    the period's words)."""
    found = []
    for amount in _amounts(text, begin, end):
        if amount.start() == headline.start() or _kind_of(amount) == "none" or _ESTIMATE_AFTER.match(text, amount.end()):
            continue  # the figure itself, a bare number (a year: "相较2023年同期"), or an estimate's amount
        before = text[max(begin, amount.start() - 30): amount.start()]
        if _COMPARED_BEFORE_EN.search(before):
            words = _PWHEN_EN.match(text[amount.end(): end])
            pwhen = words.group("pwhen") if words else ""
            found.append((text[amount.start(): amount.end() + (words.end() if words else 0)], amount, pwhen))
        elif (zh := _COMPARED_ZH.search(before)) or (zh := _SAME_ZH.search(before)):
            found.append((text[max(begin, amount.start() - 30) + zh.start(): amount.end()], amount, zh.group("pwhen") or ""))
    return found[0] if len(found) == 1 else None


def _stated_change(clause: str) -> tuple[str, int] | None:
    """The clause's year-on-year change (percent, sign), if it states one and only one."""
    changes = [m for m in _CHANGE.finditer(clause) if not _QOQ.search(clause[m.end(): m.end() + 30])
               and not _QOQ.search(clause[max(0, m.start() - 8): m.start()])]
    if len(changes) != 1:
        return None
    match = changes[0]
    direction = match.group("dir") or match.group("dir2") or ""
    return match.group("g") or match.group("g2"), -1 if _DOWN.search(direction) else 1


def _placed(release: Release, own, text: str, block: Block, carry: Span | None, after: Span | None, sentence_named: set[Span],
            metric: str, prior_match) -> Span | None:
    """The figure's period: its clause's own, else the page's quarter where the company rules would place it; never a guess."""
    if own is None:
        return None
    page = release.period
    if own:
        if block.kind == "quarter" and block.span is not None and own != block.span:
            return None
        if block.kind not in (INTRO, "quarter") and own.kind == "quarter":
            return None  # a quarter's figure in a year's or a half's block
        # a looser wording's figure is the page's own period's (or the year its fourth quarter closes), never another's
        if page is None or not (own == page or (own.kind == "year" and page.kind == "quarter" and page.quarter == 4 and own.year == page.year)
                                or (own.kind == "fiscal_year" and _closes_fiscal(page, release) and own.year == page.year)):
            return None
        return own
    if len(sentence_named) == 1 and next(iter(sentence_named)).kind == "quarter":
        named = next(iter(sentence_named))
        if named.kind == "year" and release.calendar and page is not None and page.kind == "quarter" and page.quarter == 4 \
                and named.year == page.year and METRICS[metric].kind == "money" and metric != "gmv_ttm" and block.kind in (INTRO, "quarter") \
                and _FULL_YEAR.search(text) and not _QUARTER_WORDS.search(text) and not _PART.search(_FULL_YEAR.sub(" ", text)):
            # (rules17) "2022年全年在线营销服务收入490.4亿元,...;其他服务(含电商业务)收入97.5亿元": the year named once, as a whole
            # year, for every clause of the sentence, on the page of the quarter that closes it
            return named
        return named if named in (page, block.span) and named.kind == "quarter" and not _PART.search(text) else None
    whole = _own_period(text, release, metric)
    if whole:
        # the sentence's one period, named in another of its clauses ("Online marketing service revenue for 2024 reached ..., and
        # commission revenue was 195.90 billion yuan"): the page's period only, as for the clause's own
        if page is not None and (whole == page or (whole.kind == "year" and page.kind == "quarter" and page.quarter == 4
                                                   and whole.year == page.year)) and block.kind in (INTRO, "quarter"):
            return whole
        return None
    if whole is None:
        return None
    if sentence_named or _PART.search(text):
        return None
    if block.kind == "quarter" and block.span is not None:
        return block.span
    if block.kind not in (INTRO,) and block.span is not None:
        return None
    if page is None or page.kind != "quarter":
        return None
    if after is not None and after != page:
        return None  # the sentence before named another period
    if carry == page:
        return page
    # a change from the quarter before ("increased 16m from the previous quarter") names no period of the figure's
    bare = re.sub(r"\b(?:from|compared (?:with|to)|over|versus) (?:the )?(?:previous|prior|last) quarter\b", " ", _RATES_COMPARED.sub(" ", text),
                  flags=re.IGNORECASE)
    if release.flat and not re.search(rf"\b(?:19|20)\d\d\b|{YEAR} ?年|季度|quarter|(?<![A-Za-z0-9])Q[1-4](?![A-Za-z0-9])|上半年|全年|year", bare,
                                      re.IGNORECASE):
        return page  # a story about one quarter, the sentence naming no period
    if (same := _SAME_PERIOD_OF.search(text)) and len(_SAME_PERIOD_OF.findall(text)) == 1 and year_of(same.group("y")) == page.year - 1 \
            and not _comparison_amounts(text, same):
        return page  # (rules17) "representing a 33.8% increase from the same period in 2019" on 2020's quarter's page: that quarter's
    if prior_match is not None and not release.parts and _prior_period(prior_match[2], page) == page.year_earlier() \
            and re.search(r"same|similar|corresponding|comparable|同期", prior_match[2]):
        return page  # compared with the same quarter a year before the page's, the stated change fitting the pair
    return None
