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
  quarter of 2023", "较2023年的3.825亿") is the comparison's, and is checked where the comparative is read;
- **a part's revenue**: a total-revenue figure whose sentence, before it, last names a segment, business group, subsidiary
  or unit that is not the listed company itself ("淘天集团,本季度实现营收1149.53亿元", "雲智能集團收入", "京东零售的收入",
  "Taobao and Tmall Group's revenue", "JD Retail", "Temu", "主站", "its e-commerce unit"): a part's revenue, never the
  company's total. A later name for the company itself or for the total ("...; 集团总收入为", "Alibaba's revenue") reads on;
  a part named as something the company owns ("PDD, the owner of Temu, ...", "旗下的淘宝") is no subject.

Two different total revenues for the same period on one page are never both kept: figures.py's settling leaves both out
with a reason, unless a release's own wording (a strong rule) read one of them.
"""

from __future__ import annotations

import re

from kreport.extract.periods import MONTH, SHORT_QUARTER, YEAR, Span, date_quarter, quarter_named, year_of

__all__ = ["refusal", "carried_part"]

_CHINESE = re.compile(r"[\u4e00-\u9fff]")

# --- another metric -------------------------------------------------------------------------------------------
_NOT_REVENUE_EN = re.compile(r"\bnet (?:income|profits?|loss(?:es)?|earnings)\b|\b(?:gross |operating |net )?profits?\b"
                             r"|\bcomprehensive income\b|\b(?<!achieved )(?<!achieved an )(?<!achieved a )operating income\b"
                             r"|\bincome from operations\b|\bEBITDA\b|\bearnings per\b",
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


# --- a part's revenue ---------------------------------------------------------------------------------------------
_COMPANY_ZH = r"(?:阿里巴巴|阿里|京东|京東|拼多多|快手|PDD|JD|Alibaba)(?:控股)?"
# a named business group, division, segment or subsidiary in Chinese ("淘天集团", "阿里国际数字商业集团", "京东零售")
_PART_ZH = re.compile(r"(?P<name>[\u4e00-\u9fffA-Za-z]{0,10}?)(?:集团|集團|事业群|事業群|事业部|事業部|业务|業務|板块|板塊|分部|子公司|分公司)"
                      r"|淘宝|淘寶|天猫|天貓|淘天|菜鸟|菜鳥|阿里云|阿里雲|云智能|雲智能|本地生活|大文娱|大文娛|饿了么|餓了麼|高德|优酷|優酷|盒马|盒馬"
                      r"|速卖通|速賣通|京东零售|京東零售|京东物流|京東物流|京东健康|京東健康|京东工业|京東工業|达达|達達|德邦|新业务|新業務"
                      r"|Temu|多多买菜|多多買菜|主站|拼多多主站|快手电商|快手電商|可灵|可靈|海外(?:电商|電商)|跨境(?:电商|電商)")
_PART_EN = re.compile(r"\b(?!(?:Alibaba|JD|JD\.com|PDD|Pinduoduo|Kuaishou|The|the|Tencent|Meituan)\s+Group\b)"
                      r"(?:[A-Z][\w.&'’-]*\s(?:and\s|&\s)?){1,5}"
                      r"(?:Group|Unit|Segment|Division|Business(?:\s+Group)?|Arm|Subsidiary)\b"
                      r"|\b(?:[Ii]ts|[Tt]he(?: company's| group's)?|[Tt]heir)\s+"
                      r"(?:[\w-]+\s){0,3}?(?:unit|segment|division|arm|subsidiary|business(?: group)?)\b"
                      r"|\b(?:Taobao|Tmall|Cainiao|Alibaba Cloud|Aliyun|Lazada|AliExpress|Trendyol|Ele\.me|Youku|Freshippo|Hema|Amap"
                      r"|JD Retail|JD Logistics|JD Health|JD Industrials|JD Property|Dada|Jingxi|Temu|Duoduo Maicai|Pinduoduo app|Kling)\b")
_NOT_A_PART_ZH = re.compile(rf"{_COMPANY_ZH}(?:集团|集團)$|^(?:集团|集團)$|主营业务|主營業務|各(?:项|項)?业务|各(?:项|項)?業務")
_UNNAMED_ZH = ("集团", "集團", "业务", "業務", "板块", "板塊", "分部")
# Words before "集团" that name no part: a period's, the company's own ("2031年第四季度集团收入", "公司首次实现季度集团整体盈利")
_NO_NAME_ZH = re.compile(r"(?:\d*年|第|[一二三四1-4]|季度?|Q[1-4]|全年|上半年|下半年|本|该|該|公司|整体|整體|首次|实现|實現|同期)*")
_OWNED = re.compile(r"(?:owns?|owner of|parent(?: company)? of|operator of|operates|behind|which runs|runs|旗下(?:的|拥有|擁有)?|母公司"
                    r"|包括|including|such as|and)\s*(?:the\s)?$", re.IGNORECASE)
_SELF_ZH = re.compile(rf"{_COMPANY_ZH}(?:集团|集團)?|(?<![\u4e00-\u9fff])(?:集团|集團|公司)(?:总|總|整体|整體)?(?:收入|营收|營收)|(?:总|總)(?:收入|营收|營收)"
                      # (heldout16) "公司实现营业收入252亿元": the company's own revenue
                      r"|(?:集团|集團|公司)(?:实现|實現|取得|录得|錄得)(?:营业|營業)?(?:总|總)?(?:收入|营收|營收)")
_SELF_EN = re.compile(r"\b(?:Alibaba|JD(?:\.com)?|PDD|Pinduoduo|Kuaishou)(?:\s+(?:Group|Holdings|Inc\.?|Technology))*(?:'s|’s)?"
                      r"(?!\s+(?:Retail|Logistics|Health|Cloud|Industrials|Property)\b)"
                      r"|\b(?:total|overall|group|consolidated|company-wide)\s+(?:net\s+)?revenues?\b|\b(?:the|its)\s+group's\b", re.IGNORECASE)
_SENTENCE_START = re.compile(r"[。;；!?！？\n]|\.\s")


def _part_named(before: str) -> str:
    """The segment, business group, subsidiary or unit the words before a figure last name as their subject, or "" if none,
    or if a name for the company itself or for its total comes after it."""
    last = None
    for pattern in (_PART_ZH, _PART_EN):
        for found in pattern.finditer(before):
            name = found.group()
            if pattern is _PART_ZH and _NOT_A_PART_ZH.search(name):
                continue  # the company itself ("阿里巴巴集团"), the group, its main business
            if pattern is _PART_ZH and _NO_NAME_ZH.fullmatch(found.group("name") or "") \
                    and name[len(found.group("name") or ""):] in _UNNAMED_ZH:
                continue  # "集团收入", "业务", "2031年第四季度集团收入": no name
            if _OWNED.search(before[: found.start()][-24:]):
                continue  # something the company owns ("PDD, the owner of Temu", "旗下的淘宝")
            if last is None or found.end() > last.end():
                last = found
    if last is None:
        return ""
    rest = before[last.end():]
    if _SELF_ZH.search(rest) or _SELF_EN.search(rest):
        return ""
    return last.group().strip()


def carried_part(before: str, text: str, company: str) -> str:
    """(heldout16's assisted reading) The part of the company the sentence ``before`` names as its subject, when ``text`` names no
    subject of its own (neither the company, by ``company``'s names, nor its total, nor another part): "Alibaba's International Digital
    Commerce Group consists of AliExpress, Trendyol, and Lazada. Revenue grew 44% year-over-year to RMB 28,516 million." (the
    part's revenue); "" otherwise."""
    opening = before.lstrip()
    found = _PART_EN.match(opening) or _PART_ZH.match(opening)
    part = found.group().strip() if found else ""
    if not part or _NOT_A_PART_ZH.search(part) or part in _UNNAMED_ZH:
        return ""  # the part must be the sentence's subject, at its start (not one it names on the way)
    if not re.match(r"\s*(?:(?:net |total )?revenues?|收入|营收|營收)\b", text, re.IGNORECASE) or re.match(r"\s*total", text, re.IGNORECASE):
        return ""  # ... and the sentence must open with a bare revenue word, no subject of its own
    if re.search(company, text, re.IGNORECASE) or _SELF_ZH.search(text) or _SELF_EN.search(text) or _part_named(text):
        return ""
    return part


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


# (heldout23) "active buyers ... hit the 500 million milestone to reach 536.3 million": a round threshold, then the figure
_MILESTONE = re.compile(r"\s?(?:milestone|mark|threshold|大关|关口)", re.IGNORECASE)


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
    if metric == "revenue_total":
        sentence = text[: value_start]
        opened = [m.end() for m in _SENTENCE_START.finditer(sentence)]
        if part := _part_named(sentence[opened[-1] if opened else 0:]):
            return f"its subject is a part of the company ({part!r}), not the company: never its total revenue"
    before = text[max(0, value_start - 40): value_start]
    if (_COMPARED_EN.search(before) if not _CHINESE.search(before[-6:]) else _COMPARED_ZH.search(before[-20:])):
        return "the figure is what another figure is compared with ('from X', '较…的X'), not the period's own"
    if not pair and (first := _AFTER_FIGURE.search(before)) and value_start - len(before) + first.start() < start:
        # the first figure lies before the rule's words: the rule did not read the pair itself
        return "the figure is the second of a pair ('X and Y'); only a wording for the pair reads it"
    if words and (other := _other_period_after(text[value_end:], period, ttm)):
        return f"its clause names another period after the figure ({other.strip()!r})"
    if _MILESTONE.match(text, value_end):
        return "the figure is a milestone passed ('hit the 500 million milestone'), not the period's own count"
    return ""
