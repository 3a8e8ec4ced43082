"""Paraphrased revenue wordings, shared by every company's rules: the rewrites, briefs, spun and translated
copies analysts save ("reported Q3 2024 results with revenue reaching RMB 31.1 billion", "revenue for the
quarter was 35.05 billion yuan", "二季度,快手收入为309.75亿元", "期内总收入2991亿元").

They are looser wordings (``weak``): a release's own highlight gives the figure where both read one. What
keeps them honest:

- the word "revenue" must follow the start of a clause, a company's name, "total"/"net", or "with"/"its":
  a segment's revenue ("domestic revenue", "商品收入", "线上营销服务收入") is never read as the company's;
- the period is the sentence's own ("Q3 2024", "the third quarter of 2024", "2024年第三季度") or a short form
  ("Q3", "the quarter", "三季度", "本季度") that agrees with the quarter the page reports on, or the block's;
  anything else (nine months, 上半年, 前三季度, another quarter) leaves the figure out;
- estimates, expectations and guidance are refused.
"""

from __future__ import annotations

from kreport.extract.periods import SHORT_QUARTER
from kreport.extract.rules.common import NUM, USD, YEAR, Rule, rule

__all__ = ["paraphrase_rules", "full_year_rules", "fiscal_year_rules"]

_LINE = "total revenue (a paraphrase of the release's wording)"
_REFUSE_EN = (r"\b(?:expect(?:s|ed|ing)?|estimates?|estimated|consensus|forecasts?|projected|projects|guidance|"
              r"anticipated|outlook|would|will)\b")
_REFUSE_ZH = r"预期|预计|预测|一致预期|指引|展望|将|海外|国际业务|境外"
_ORDINAL = r"first|second|third|fourth"
_WHEN_EN = (rf"Q[1-4][ -]?{YEAR}|{YEAR} ?Q[1-4]|{SHORT_QUARTER}|the (?:{_ORDINAL}) quarter(?: of)? {YEAR}|(?:{_ORDINAL}) quarter(?: of)? {YEAR}"
            rf"|the (?:{_ORDINAL}) quarter|Q[1-4]|the quarter|this quarter")
_PREFIX_WHEN_EN = rf"(?P<when>Q[1-4][ -]?{YEAR}|{YEAR} ?Q[1-4]|Q[1-4]|(?:{_ORDINAL})-quarter)(?:'s|’s)?"
_COMPANY_EN = r"(?:Kuaishou|JD(?:\.com)?|Alibaba(?: Group)?|PDD(?: Holdings)?|Pinduoduo|the company|the group)(?:'s|’s)"
# The company itself as the subject of "reported" ("JD.com reported revenue of ...", "The company recorded revenue of ..."); never a
# unit or a segment ("the cloud unit reported revenue of ..." is not read).
_REPORTER_EN = (r"(?:Kuaishou|JD(?:\.com)?|Alibaba(?: Group)?|PDD(?: Holdings)?|Pinduoduo|(?<![\w-] )the company|(?<![\w-] )the group|^It|(?<=[,;] )it"
                # the company by what it is, opening the sentence: "The tech and e-commerce giant obtained a revenue of"
                r"|^The (?:[\w-]+ (?:and )?){0,3}(?:company|group|firm|giant|e-tailer|retailer|e-commerce firm|operator))"
                r" (?:also )?(?:reported|recorded|posted|generated|booked|obtained|achieved)(?: an?)?")
# Whose revenue it is, after the word: "Net revenues at JD.com", "Total revenues of the Shanghai-headquartered e-tailer".
_WHOSE_EN = (r"(?: (?:at|of) (?:Kuaishou|JD(?:\.com)?|Alibaba(?: Group)?|PDD(?: Holdings)?|Pinduoduo"
             r"|the (?:[\w-]+ ){0,2}(?:company|group|firm|e-tailer|e-commerce firm|retailer|platform|giant|operator)))?")
_SUBJECT_EN = (r"(?:(?:^|(?<=[,;:(] )|(?<=^• )|(?<=\bwith )|(?<=\bits )|(?<=\band )|(?<=\bthat )|(?<=\bsaid )|(?<=\bincluding )|"
               + _COMPANY_EN + r" |" + _REPORTER_EN + r" )"
               r"(?:total |net |overall |quarterly )?|\b(?:total|net|quarterly) )(?:revenues?|sales)" + _WHOSE_EN)
# The two ways a rewrite writes money: "RMB 31.1 billion" and "31.1 billion yuan".
# ... and, in summaries, US dollars first with the renminbi in brackets: "$39.7 billion (RMB 287.9 billion)" (US dollars alone: never).
_MONEY_EN = (rf"(?:RMB|CNY) ?(?P<v>{NUM}) ?(?P<u>billion|million|bn|mn)\b{USD}",
             rf"(?P<v>{NUM}) ?(?P<u>trillion|billion|million|bn|mn) (?:yuan|RMB|CNY|Chinese yuan|renminbi)\b(?! renminbi)",
             rf"(?:US ?\$|USD ?|\$) ?(?:{NUM}) ?(?:billion|million|bn|mn) \((?:RMB|CNY) ?(?P<v>{NUM}) ?(?P<u>billion|million|bn|mn)\)",
             # a summary's yuan sign and short unit: "Revenue: CN¥35.5b (up 65% from 3Q 2021)"
             rf"(?:CN|CNY|RMB) ?¥ ?(?P<v>{NUM}) ?(?P<u>billion|million|bn|mn|b|m)\b")
_VERB_EN = (rf"(?:(?P<lead>was|were|of|reached|reaching|reach|hit|hitting|totaled|totalled|totaling|came in at|amounted to|stood at"
            rf"|(?:rose|increased|grew|climbed|jumped|surged|fell|decreased|declined|dropped) to|–|—|:| -)"
            rf"|(?:rose|increased|grew|climbed|jumped|surged|was up|were up|fell|decreased|declined|dropped) (?:by )?(?:{NUM})(?:%| percent| per cent)"
            rf"(?: year[- ](?:over|on)[- ]year| YoY| from a year (?:earlier|ago))? to(?: reach)?)")



def _versus_en(prior: str) -> str:
    """A stated change and the comparative after a figure: "..., up by 10 percent, from 86.8 billion yuan ($12 billion) in the first
    quarter of 2030", "a year-on-year increase of 48.8% compared to RMB 12.86 billion in Q2 2030" (the pair must fit the change)."""
    return (rf"(?:(?: \([^()]{{0,40}}\))?,? (?:(?P<dir>up|down)(?: by)? (?P<g>{NUM})(?:%| percent)|an? (?:year-on-year |year-over-year )?"
            rf"(?P<dir2>increase|decrease|rise|decline|growth) of (?P<g2>{NUM})(?:%| percent)(?: year-on-year| year-over-year)?),?"
            rf" (?:from|compared (?:to|with)|versus) {prior}(?: \([^()]{{0,40}}\))? (?P<pwhen>in Q[1-4][ -]?{YEAR}|in the (?:{_ORDINAL}) quarter of {YEAR}"
            rf"|(?:in|for) the same (?:period|quarter) (?:of |in )?(?:last year|{YEAR})|a year (?:earlier|ago)))?")


_Q_ZH = r"[一二三四]"
_WHEN_ZH = (rf"{YEAR}年第?{_Q_ZH}季度?|{YEAR} ?年? ?Q[1-4]|{SHORT_QUARTER}|{YEAR} ?财年 ?第?{_Q_ZH}季度?|第?{_Q_ZH}季度|第{_Q_ZH}季|本季度?|当季度?|Q[1-4]"
            r"|(?:本|该|当)?财季|第?[一二三四]财季"
            r"|该季度|上一?季度?|期内|季内")
# ... "阿里" (the media's short name; never 阿里云, 阿里国际 ... whose words follow it), and "其" ("its") right after "财报显示,"
# ("the results show, its revenue ...": the company whose results they are; after any other subject "其" is not read)
_COMPANY_ZH = (r"(?:(?:快手|京东|阿里巴巴|阿里(?![\u4e00-\u9fff]{0,2}(?:云|国际|妈妈|影业|健康|音乐|数字|本地|大文娱|集团旗下))|拼多多|PDD)"
               r"(?:集团|科技)?|公司|集团|(?<=(?:财报|报告|业绩|数据|公告)显示,)其)")
# Where a Chinese revenue clause may start: the sentence, a comma or colon, a summary's section label ("核心财务表现 - ").
_START_ZH = r"(?:^|(?<=[,:;|])|(?<=- )|(?<=[\u4e00-\u9fff]-))"  # "| • |净营收...": a table cell
_PRIOR_EN = (rf"(?:RMB|CNY) ?(?P<pv>{NUM}) ?(?P<pu>billion|million)", rf"(?P<pv>{NUM}) ?(?P<pu>billion|million|bn|mn) (?:yuan|RMB|CNY|Chinese yuan|renminbi)",
             rf"(?:US ?\$|USD ?|\$) ?(?:{NUM}) ?(?:billion|million|bn|mn) \((?:RMB|CNY) ?(?P<pv>{NUM}) ?(?P<pu>billion|million)\)",
             rf"(?:CN|CNY|RMB) ?¥ ?(?P<pv>{NUM}) ?(?P<pu>billion|million|bn|mn|b|m)\b")
_PRIOR_ZH = rf"(?:人民币)?(?P<pv>{NUM})(?P<pu>亿)元"
_MONEY_ZH = (rf"人民币 ?(?P<v>{NUM}) ?(?P<u>亿)元", rf"(?P<v>{NUM}) ?(?P<u>亿)元(?:人民币)?",
             # a headline's revenue in 亿 with no currency word ("京东Q4营收2759亿 同比增23%"): yuan, unless another currency follows (then no
             # match: the lookahead wants the clause to end or its change to follow)
             rf"(?P<v>{NUM})(?P<u>亿)(?=$|[,;.!?(]|同比|按年|环比|增|降|下滑|上升)")


def paraphrase_rules(platform: str | None = None) -> tuple[Rule, ...]:
    """The shared paraphrase rules (weak) for ``platform``'s pages. 净收入 is JD's net revenues in its translations,
    but net income in the others' ("淨收入為人民幣107.17億元" beside a revenue of 2,603 亿): read as revenue for JD only."""
    net = "|净收入" if platform in (None, "jd") else ""
    rules: list[Rule] = []
    for money in _MONEY_EN:
        # The period first: "In Q3 2024, total revenue rose 11% to ...", "reported Q3 2024 results with revenue of ..."
        rules.append(rule("revenue_total", rf"\b(?:in|for|during|reported)(?: strong| solid| robust| weak| mixed)? (?P<when>{_WHEN_EN})"
                          rf"(?: financial)?(?: results| earnings)?,?"
                          rf"(?: [^;]{{0,40}}?)? {_SUBJECT_EN} {_VERB_EN} {money}", _LINE, english=True, weak=True,
                          kinds=("quarter", "intro"), refuse=_REFUSE_EN))
        # After the subject: "Total revenue for the third quarter of 2024 was ...", "Revenue for the quarter was ..."
        prior = _PRIOR_EN[_MONEY_EN.index(money)]
        rules.append(rule("revenue_total", rf"{_SUBJECT_EN} (?:for|in) (?P<when>{_WHEN_EN}) {_VERB_EN} {money}{_versus_en(prior)}", _LINE,
                          english=True, weak=True, kinds=("quarter", "intro"), refuse=_REFUSE_EN))
        # The period as an adjective: "with Q1 2024 revenue reaching 86.8 billion RMB"
        # ... and its comparative: "Q2 total revenue of RMB97,059.5 million (US$13,355.8 million), an increase of 86% from RMB52,280.7
        # million in the same period last year"
        prior = _PRIOR_EN[_MONEY_EN.index(money)]
        # ... or a summary's item after its dash: "Financial Performance - Q3 2024 revenue reached 99.35 billion yuan"
        rules.append(rule("revenue_total", rf"(?:^|(?<=[,;:(] )|(?<= - )|(?<=\bwith )|(?<=\bits )|(?<=\band )|(?<=\bthat )|{_COMPANY_EN} ){_PREFIX_WHEN_EN} "
                          rf"(?:total |net )?revenues? "
                          rf"{_VERB_EN} {money}(?: \([^()]{{0,40}}\))?(?:, an? (?P<dir>increase|decrease) of (?P<g>{NUM})% from {prior} "
                          rf"(?P<pwhen>(?:in|for) the same (?:period|quarter) (?:of |in )?(?:last year|{YEAR})))?", _LINE, english=True, weak=True,
                          kinds=("quarter", "intro"), refuse=_REFUSE_EN))
        # The comparative after the change: "a total revenue of 14.21 billion yuan, an increase of 89% over the same period of
        # last year of 7.514 billion yuan"
        rules.append(rule("revenue_total", rf"{_SUBJECT_EN} {_VERB_EN} {money}, an? (?P<dir>increase|decrease) of (?P<g>{NUM})% "
                          rf"(?P<pwhen>over the same (?:period|quarter) of last year) of {_PRIOR_EN[_MONEY_EN.index(money)]}", _LINE, english=True, weak=True,
                          kinds=("quarter", "intro"), refuse=_REFUSE_EN))
        # The change first: "reported a 94 per cent surge in third-quarter revenue to 68.8 billion yuan", "posted 1.7 per cent growth in
        # revenue to 247.7 billion yuan"
        rules.append(rule("revenue_total", rf"\b(?:reported|posted|recorded|saw|logged|booked) (?:an? )?(?P<g>{NUM}) ?(?:%|percent|per cent) "
                          rf"(?P<dir>surge|jump|rise|increase|growth|gain|climb|decline|drop|fall|decrease) in (?:(?:its|the) )?"
                          rf"(?:(?P<when>(?:{_ORDINAL})-quarter|Q[1-4]) |quarterly )?(?:total |net )?(?:revenues?|sales) to {money}"
                          rf"(?: \([^()]{{0,40}}\))?(?: (?:in|for|during) (?P<when2>the (?:{_ORDINAL}) quarter(?: of {YEAR})?"
                          rf"|the (?:March|June|September|December) quarter|Q[1-4](?:[ -]?{YEAR})?)\b(?!,? (?:ended|ending|through|to)\b))?", _LINE,
                          english=True, weak=True, kinds=("quarter", "intro"), refuse=_REFUSE_EN))
        # A summary's item, the name and a colon: "Revenue: CN¥35.5b (up 65% from 3Q 2021)" (its period: the block's, or the page's on a
        # story about one quarter; the change's "from 3Q 2021" must be a year before it)
        rules.append(rule("revenue_total", rf"^(?:total |net )?revenues?: {money}(?: \([^()]{{0,40}}\))?(?![\w(])", _LINE, english=True, weak=True,
                          kinds=("quarter", "intro"), refuse=_REFUSE_EN))
        # The figure before its name: "results that showed 21.5 billion yuan ($3.3 billion) in revenue"
        rules.append(rule("revenue_total", rf"\b(?:showed|posted|reported|recorded|generated|with) {money}(?: \([^()]{{0,30}}\))? in "
                          rf"(?:total |net )?revenues?\b", _LINE, english=True, weak=True, kinds=("quarter", "intro"), refuse=_REFUSE_EN))
        # No period of its own: the block's quarter, or the page's in a story ("for the quarter" after it: the page's).
        # "... in the fourth quarter" after it: the page's, if it is that quarter.
        rules.append(rule("revenue_total", rf"{_SUBJECT_EN} {_VERB_EN} {money}(?: \([^()]{{0,40}}\))?(?: (?:for|in|during) (?P<when2>the quarter"
                          rf"|this quarter|the (?:{_ORDINAL}) quarter(?: of {YEAR})?|the (?:March|June|September|December) quarter|Q[1-4](?:[ -]?{YEAR})?)\b"
                          rf"(?!,? (?:ended|ending|through|to)\b))?"
                          # "..., an increase of 169% from RMB2,709.0 million in the same quarter of 2018"
                          rf"{_versus_en(prior)}",
                          _LINE, english=True, weak=True, kinds=("quarter", "intro"), refuse=_REFUSE_EN))
    for money in _MONEY_ZH:
        rules.append(rule("revenue_total", rf"{_START_ZH}(?:(?P<when>{_WHEN_ZH}),?)?(?:期内)?的?(?:实现了?)?(?:{_COMPANY_ZH}的?(?:实现了?)?"
                          rf"(?:总收入|总营收|营收|营业收入{net}|收入)|(?:总收入|总营收|营收|营业收入{net})|(?<=^)收入|(?<=实现)收入"
                          rf"|(?<=^期内)收入|(?<=[,:;]期内)收入|(?<=季内)收入|(?<=季度,)收入|(?<=季度)收入|(?<=财季)收入)(?P<lead>为|是|达到|达|录得)?{money}"
                          # a translation's comparative after it: "(美元)137.534亿),较2021年同期的人民币221.671亿元增长了7%"
                          rf"(?:(?:\([^,;。]{{0,30}}\))?,较(?P<pwhen>去年同期|{YEAR}年同期)的{_PRIOR_ZH}(?P<dir>增长|增加|下降|减少)了?(?P<g>{NUM})%)?", _LINE,
                          english=False, weak=True, kinds=("quarter", "intro"), refuse=_REFUSE_ZH))
        # A machine translation's order, the period after the figure: "净营收3470亿元人民币(美元1475亿)为2031年第四季度,较..."
        rules.append(rule("revenue_total", rf"{_START_ZH}(?:{_COMPANY_ZH}的?)?(?:总收入|总营收|营收|营业收入{net}{'|净营收' if net else ''})"
                          rf"(?P<lead>为)?{money}(?:\([^()]{{0,20}}\))?为(?P<when2>{YEAR}年第?{_Q_ZH}季度)", _LINE,
                          english=False, weak=True, kinds=("quarter", "intro"), refuse=_REFUSE_ZH))
        # The company (and its stock code) first: "阿里巴巴(9988)上季收入2478亿元", "快手2025财年第三季收入同比增长14.2%至356亿元"
        # ... and "实现" before the revenue's name: "公司2031Q1实现营业收入2031.76亿元" (issue 23, rules12)
        rules.append(rule("revenue_total", rf"{_START_ZH}{_COMPANY_ZH}(?:\([-\w.]{{1,12}}\))? ?(?P<when>{_WHEN_ZH}) ?的?(?:实现了? ?)?"
                          rf"(?:总收入|总营收|营收|营业收入{net}|收入) ?(?:(?P<lead>为|是|达到|达|录得)|(?:同比|按年)?"
                          rf"(?P<dir>增长|增加|上升|升|下降|减少|下跌|跌)(?:{NUM})%,?(?:至|达到?|为))?{money}", _LINE,
                          english=False, weak=True, kinds=("quarter", "intro"), refuse=_REFUSE_ZH))
        # From the year before: "2023年第二季度,快手收入由2022年同期的217亿元增加27.9%至277亿元"
        rules.append(rule("revenue_total", rf"{_START_ZH}(?:(?P<when>{_WHEN_ZH}),?)?(?:{_COMPANY_ZH}的?(?:总收入|总营收|营收|收入)"
                          rf"|(?:总收入|总营收|营收)|(?<=^)收入|(?<=实现)收入)由(?P<pwhen>去年同期|{YEAR}年同期)的{_PRIOR_ZH}"
                          rf"(?:(?P<dir>增长|增加|下降|减少)(?P<g>{NUM})%|升|上升|增|降|下降)至(?:(?:{_WHEN_ZH})的)?{money}", _LINE,
                          english=False, weak=True, kinds=("quarter", "intro"), refuse=_REFUSE_ZH))
        # The change first: "2025年第三季度收入同比增长14.2%至356亿元人民币"
        rules.append(rule("revenue_total", rf"{_START_ZH}(?:(?P<when>{_WHEN_ZH}),?)?(?:期内)?的?(?:{_COMPANY_ZH}的?"
                          rf"(?:总收入|总营收|营收|营业收入{net}|收入)|(?:总收入|总营收|营收|营业收入{net})|(?<=^)收入|(?<=实现)收入"
                          rf"|(?<=季度,)收入|(?<=季度)收入|(?<=财季)收入)(?:同比|按年)(?P<dir>增长|增加|上升|升|下降|减少|下跌|跌)"
                          rf"(?:{NUM})%,?(?:至|达到?|为){money}", _LINE,
                          english=False, weak=True, kinds=("quarter", "intro"), refuse=_REFUSE_ZH))
    return tuple(rules)


def fiscal_year_rules() -> tuple[Rule, ...]:
    """A fiscal year's revenue named with its fiscal year in the sentence: "2022财年,阿里实现营收8530.62亿元" (Alibaba's fiscal year to
    March 2022, FY2022; a calendar-year company's 财年 is its calendar year). Not a looser wording: the sentence states the period."""
    return tuple(rule("revenue_total", rf"{_START_ZH}(?P<when>{YEAR} ?财年(?:全年)?),?(?:{_COMPANY_ZH}的?)?(?:实现了?)?(?:总收入|总营收|营收|收入)"
                      rf"(?:(?P<lead>为|达到|达|录得)|(?:同比|按年)?(?P<dir>增长|增加|上升|下降|减少)(?:{NUM})%,?(?:至|达到?|为))?{money}",
                      "total revenue of a fiscal year named in the sentence", english=False, kinds=("quarter", "year", "intro"),
                      refuse=_REFUSE_ZH)
                 for money in _MONEY_ZH)


# Each company's own Chinese names, and the generic subjects (公司, 集团) that are the page's company.
_OWN_ZH = {"jd": r"京东(?:集团)?|公司|集团", "kuaishou": r"快手(?:科技)?|公司|集团", "pdd": r"拼多多(?:集团)?|PDD|公司|集团",
           "alibaba": r"阿里巴巴(?:集团)?|公司|集团"}


def full_year_rules(platform: str | None = None) -> tuple[Rule, ...]:
    """A year's revenue named with its year in the sentence, for a company whose fiscal year is the calendar's:
    "2031年全年净营收为人民币11588亿元", "2031年全年總收入同比增長11.8%至人民幣1,269億元". Not a looser wording:
    the sentence states the period itself."""
    net = "净营收|净收入|" if platform in (None, "jd") else ""
    own = _OWN_ZH.get(platform or "", _COMPANY_ZH)
    rules: list[Rule] = []
    for money in _MONEY_ZH:
        # ... the company before its year, and a year without 全年 ("京东2031年营收为9516亿元", "2031全年实现营收10847亿元"): a year named
        # right before the revenue's name is the revenue's period (a quarter's, a half's or a forecast's words after the year do not match)
        # (only the page's own company, or 公司/集团, is read there: "阿里巴巴2031年营收" on JD's page is not JD's)
        rules.append(rule("revenue_total", rf"{_START_ZH}(?:{own})?(?P<when>{YEAR}年?全年|{YEAR}年(?=(?:{own})?的?(?:实现)?(?:总|净)?(?:营|收)))"
                          rf",?的?(?:(?:{own})的?)?(?:实现)?"
                          rf"(?:{net}总收入|总营收|营收|收入)(?:(?P<lead>为|达到|达|录得)|(?:同比|按年)?"
                          rf"(?P<dir>增长|增加|上升|下降|减少)(?:{NUM})%,?(?:至|达到?|为))?{money}", "total revenue of a year named in the sentence",
                          english=False, kinds=("quarter", "year", "intro"), refuse=_REFUSE_ZH))
        # 全年 alone, on a fourth quarter's page: the year that quarter ends, as "annual revenue" (figures._own_period; issue 23, rules12):
        # "2031年第四季度总收入达244亿元;全年总收入同比增长37.9%至811亿元"
        rules.append(rule("revenue_total", rf"{_START_ZH}(?:{own})?(?P<when>全年)(?:{own})?的?(?:{net}总收入|总营收|营收)"
                          rf"(?:(?P<lead>为|达到|达|录得)|(?:同比|按年)?(?P<dir>增长|增加|上升|下降|减少)(?:{NUM})%,?(?:至|达到?|为))?{money}",
                          "total revenue of the year a fourth quarter's page ends", english=False, kinds=("year", "intro"), refuse=_REFUSE_ZH))
        # The year first, the company's 全年 after it: "2031 年,京东全年的收入达到 11588 亿元"
        rules.append(rule("revenue_total", rf"{_START_ZH}(?P<when>{YEAR}年),{_COMPANY_ZH}全年的?"
                          rf"(?:{net}总收入|总营收|营收|收入)(?:(?P<lead>为|达到|达|录得)|(?:同比|按年)?"
                          rf"(?P<dir>增长|增加|上升|下降|减少)(?:{NUM})%,?(?:至|达到?|为))?{money}", "total revenue of a year named in the sentence",
                          english=False, kinds=("quarter", "year", "intro"), refuse=_REFUSE_ZH))
    for money in _MONEY_EN:
        # The year before the verb: "The company's net revenues for the full year were 845.8 billion Chinese yuan", "Total revenue for
        # fiscal year 2031 was ..." ("the full year" alone: the year a fourth quarter's page ends, see figures._own_period)
        rules.append(rule("revenue_total", rf"{_SUBJECT_EN} (?:for|in) (?P<when>(?:the )?(?:full|whole)[- ]year(?: (?:of )?{YEAR})?"
                          rf"|(?:the )?(?:fiscal )?year(?: of)? {YEAR}|fiscal {YEAR}) {_VERB_EN} {money}",
                          "total revenue of a year named in the sentence", english=True, kinds=("year", "intro"), refuse=_REFUSE_EN))
        # A calendar year alone, and its comparative: "Total revenue for 2031 reached RMB 113,470 million, representing a year-on-year
        # increase of 20.5% from RMB 94,183 million in 2030" (full_year_rules serve the companies whose fiscal year is the calendar's)
        for prior in _PRIOR_EN[:2]:
            rules.append(rule("revenue_total", rf"{_SUBJECT_EN} (?:for|in) (?P<when>{YEAR}) {_VERB_EN} {money}(?: \([^()]{{0,40}}\))?"
                              rf"(?:,? (?:representing )?an? (?:year-on-year |year-over-year )?(?P<dir>increase|decrease) of (?P<g>{NUM})%"
                              rf" from {prior} (?P<pwhen>in {YEAR}))?(?![\w-])", "total revenue of a year named in the sentence", english=True,
                              kinds=("year", "intro"), refuse=_REFUSE_EN))
        # The year after the change: "Our total revenue reached RMB 94.18 billion, up 16.2% year-over-year in 2022"
        rules.append(rule("revenue_total", rf"{_SUBJECT_EN} {_VERB_EN} {money}(?: \([^()]{{0,40}}\))?, (?:up|down) (?:{NUM})%"
                          rf"(?: year-over-year| year-on-year| yoy)? (?:in|for) (?:the (?:full )?year )?(?P<when2>{YEAR})\b",
                          "total revenue of a year named after its change", english=True, kinds=("year", "intro"), refuse=_REFUSE_EN))
        # "annual revenue was 1,084.7 billion CNY" on a fourth quarter's page: the year that quarter ends (read nowhere else)
        rules.append(rule("revenue_total", rf"(?:^|(?<=[,;:] )|(?<=\bits )|(?<=\band )|(?<=\bwhile ))(?P<when>annual|full[- ]year) "
                          rf"(?:total |net )?revenues? (?P<lead>was|were|of|reached|totaled|totalled|came in at|amounted to|stood at) {money}",
                          "total revenue of the year a fourth quarter's page ends", english=True, kinds=("year", "intro"), refuse=_REFUSE_EN))
    return tuple(rules)
