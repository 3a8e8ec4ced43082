"""The wordings of rewrites, summaries, spun and translated copies for every metric, per company.

A results release says "Average DAUs on Kuaishou APP were 408.9 million"; the pages analysts save say "average
daily active users reached 345.5 million", "Mobile MAUs on our China retail marketplaces reached 785 million in
September 2019", "Annual active customers for the twelve months ended June 30, 2020 reached 417.4 million",
"平均日活跃用户及月活跃用户达3.76亿及6.733亿", "2022年第一季度的净服务收入为人民币352亿元". These rules read them.

They are looser wordings (``weak``): a release's own wording gives the figure where both read one, and the
guards of :mod:`kreport.extract.figures` apply (the period must be the sentence's own or the page's quarter,
with no word for another period next to the figure; a stated change must fit the figure and its comparative).
What keeps them narrow:

- each company has only the metrics it reports, each under its own names (Kuaishou's "other services" is its
  commerce line; JD's "service revenues"; PDD's "transaction services"; Alibaba's "customer management revenue");
- the metric's words must open a clause (the start, a comma, "with", "while", "and", "its", "the company's",
  "快手", "其中"): a part's figure ("平台及广告服务收入", "logistics and other service revenue") is never read as
  the whole;
- another product's users (Kling, Kwai, overseas, search), the group's global ecosystem, estimates, targets and
  guidance are refused.
"""

from __future__ import annotations

from kreport.extract.periods import SHORT_QUARTER
from kreport.extract.rules.common import DATE, MONTH, NUM, USD, YEAR, Rule, rule

__all__ = ["rewrite_rules", "METRIC_WORDS_EN", "METRIC_WORDS_ZH"]

_LINE = "{metric} (a rewrite's wording of the release)"

# The metrics each company reports, under the names pages give them (English matched ignoring case).
METRIC_WORDS_EN: dict[str, dict[str, str]] = {
    "kuaishou": {
        "dau": r"(?:average )?(?:DAUs?|daily active users)(?: \(DAUs?\))?(?: (?:on|of|at) (?:the )?Kuaishou(?: (?:APP|app))?)?",
        "mau": r"(?:average )?(?:MAUs?|monthly active users)(?: \(MAUs?\))?(?: (?:on|of|at) (?:the )?Kuaishou(?: (?:APP|app))?)?",
        # "Kuaishou's GMV": its only GMV is e-commerce's; "Total GMV of e-commerce transactions facilitated on our platform(2)"
        "gmv": (r"(?:total )?(?:e-commerce )?GMV(?: of e-commerce transactions(?: facilitated)?(?: on (?:our|its|the) platform)?(?: ?\(\d\)| ?\d)?)?"
                r"|(?:total )?(?:e-commerce )?gross merchandise (?:value|volume)(?: \(GMV\))?(?: (?:on|of) (?:its|the|our) e-commerce (?:platform|business))?"),
        # "advertising revenue": Kuaishou's online marketing services are its advertising (as PDD's are)
        "revenue_marketing": r"(?:revenues? from (?:our )?)?online marketing(?: services?)?(?: revenues?)?|advertising revenues?",
        "revenue_commerce": r"(?:revenues? from (?:our )?)?other services?(?: revenues?)?",
        "monthly_buyers": r"(?:average )?monthly (?:active |shopping )?buyers",
    },
    "pdd": {
        "gmv_ttm": r"GMV|gross merchandise (?:volume|value)(?: \(GMV\))?",
        "mau": r"(?:average )?monthly active users(?: \(MAUs?\))?(?: (?:of|on) (?:the|its) (?:platform|app))?",
        "revenue_marketing": (r"(?:revenues? from )?online marketing services?(?: and others| and other services)?(?: revenues?)?"
                              r"|advertising revenues?"),
        "revenue_commerce": r"(?:revenues? from )?transaction services?(?: revenues?)?|commission revenues?",
        "annual_buyers": r"(?:annual )?active buyers",
    },
    "alibaba": {
        "annual_buyers": (r"annual active (?:consumers|buyers)(?: \((?:formerly )?annual active buyers\))?"
                          r"(?: (?:on|of|across) (?:our |its |the company(?:'s|’s) |Alibaba(?:'s|’s) )?China retail marketplaces)?"
                          # "The number of consumers active on Alibaba's China-based retail marketplaces reached 742 million"
                          r"|consumers active (?:on|across) (?:our |its |the company(?:'s|’s) |Alibaba(?:'s|’s) )?China(?:-based)? retail marketplaces"),
        "mau": r"mobile (?:MAUs?|monthly active users)(?: \(MAUs?\))?(?: on (?:our |its |Alibaba(?:'s|’s) |the company(?:'s|’s) )?China retail marketplaces)?",
        "revenue_marketing": (r"(?:Taobao and Tmall Group(?:'s|’s) )?customer management revenues?(?: \(CMR\))?"
                              r"(?: (?:at|of|from) (?:our |the )?Taobao and Tmall Group)?"),
    },
    "jd": {
        "revenue_commerce": r"(?:net )?service revenues?|revenues? from services",
        "gmv": r"GMV|gross merchandise volume(?: \(GMV\))?",  # JD's quarterly GMV (reported until 2017)
        # ... and the media's names for the same count: "annual active users", "the annual active user count" (issue 23, rules12)
        "annual_buyers": r"annual active (?:customer accounts|customers|users|user count|buyers)",
    },
}

METRIC_WORDS_ZH: dict[str, dict[str, str]] = {
    "kuaishou": {
        "dau": r"(?:快手(?:应用|App|APP)的?)?(?:平均)?日活跃用户数?(?:\(DAU\))?|(?:平均)?DAU|(?:平均)?日活(?!跃)",  # 日活: the media's short name
        "mau": r"(?:快手(?:应用|App|APP)的?)?(?:平均)?月活跃用户数?(?:\(MAU\))?|(?:平均)?MAU|(?:平均)?月活(?!跃)",
        "gmv": r"(?:快手)?电商(?:业务)?(?:GMV|交易总额|商品交易总额)(?:\(GMV\))?|GMV(?:\((?:电商)?(?:商品)?交易总额\))?",
        # an aside between the line's name and 收入: "其他服务(主要为电商)收入"
        "revenue_marketing": r"(?:来自)?(?:在线|线上)营销(?:服务)?(?:业务)?的?(?:\([^()]{1,12}\))?收入",
        "revenue_commerce": r"(?:来自)?其他服务(?:业务)?的?(?:\([^()]{1,12}\))?收入",
        "monthly_buyers": r"(?:电商)?月(?:均|活跃)买家数?",
    },
    "pdd": {
        "mau": r"平均每?月活跃用户数?",
        "annual_buyers": r"(?:年度)?活跃买家数?",
        "revenue_marketing": r"在线营销服务(?:及其他)?(?:\([^()]{1,12}\))?收入",
        "revenue_commerce": r"交易服务(?:\([^()]{1,12}\))?收入",
    },
    "alibaba": {
        "revenue_marketing": r"客户管理收入",
        "annual_buyers": r"年度活跃消费者数?",
        "mau": r"(?:中国零售市场)?移动月活跃用户数?量?",  # "中国零售市场移动月活跃用户数量达8.24亿"
    },
    "jd": {
        "revenue_commerce": r"净?服务收入",
        "annual_buyers": r"年度活跃(?:购买)?(?:用户|客户)(?:[账帐]户)?数?",  # 年度活跃购买用户 (a broker's name)
    },
}

# The segments whose revenue a Chinese rewrite may give a clause after naming them.
_SEGMENT_STEMS_ZH = {"kuaishou": {"revenue_marketing": r"(?:在线|线上)营销服务", "revenue_commerce": r"其他服务"}}
_TTM_METRICS = {"annual_buyers", "gmv_ttm"}
_PEOPLE = {"dau", "mau", "monthly_buyers", "annual_buyers"}

_REFUSE_EN = (r"\b(?:expect(?:s|ed|ing)?|estimates?|estimated|consensus|forecasts?|projected|projects|guidance|"
              r"anticipated|outlook|would|will|targets?|aims?|goal|plans?|could|may)\b|Kling|Kwai|Snack|overseas|Brazil|\bsearch\b|\bLite\b|"
              r"ecosystem|globally|worldwide|across the world")
_REFUSE_ZH = r"预期|预计|预测|指引|展望|目标|将|可灵|Kling|海外|Kwai|巴西|搜索|极速版|全球|生态(?:体系|系统)"
# Revenue lines: Kling AI's revenue is part of Kuaishou's other services (data/README.md), so a mention of Kling near a
# revenue line is no other product's figure; overseas and the rest still refuse.
_REFUSE_REVENUE_ZH = _REFUSE_ZH.replace("可灵|Kling|", "")

_ORDINAL = r"first|second|third|fourth"
_WHEN_EN = (rf"Q[1-4][ -]?{YEAR}|{YEAR} ?Q[1-4]|{SHORT_QUARTER}|the (?:{_ORDINAL}) quarter(?: of)? {YEAR}|(?:{_ORDINAL}) quarter(?: of)? {YEAR}"
            rf"|the (?:{_ORDINAL}) quarter|Q[1-4]|the quarter|this quarter|the (?:reporting )?period")
_COMPANY_EN = (r"(?:Kuaishou|Jingdong \(JD(?:\.com)?\)|Jingdong|JD(?:\.com)?|Alibaba(?: Group)?|PDD(?: Holdings)?|Pinduoduo|the company|the group)"
               r"(?:'s|’s)")
# Where a metric's words may open a clause.
_OPEN_EN = (r"(?:^|(?<=[,;:(] )|(?<=- )|(?<=\bwith )|(?<=\bwhile )|(?<=\bthat )|(?<=\band )|(?<=\bits )|(?<=\bthe )|(?<=\btheir )"
            rf"|(?<=\bof ){_COMPANY_EN}(?: \([\w.]{{1,10}}\))? |{_COMPANY_EN}(?: \([\w.]{{1,10}}\))? )")  # "Jingdong’s (JD) annual ..."
_CHANGE = r"(?P<dir>increased|decreased|grew|rose|fell|declined|dropped|climbed|jumped|surged)"
_PERCENT = rf"(?P<g>{NUM})(?:%| percent)"
# The verbs and particles that link a metric's name to its figure (a closed list, broad: media and machine English).
_LEAD = (r"(?P<lead>(?:reached an? (?:record|all-time|historic) high of|"
         r"was|were|was at|were at|reached|reaching|reach|hit|hitting|numbered|stood at|came in at|came to|totaled|totalled|"
         r"totaling|totalling|amounted to|amounting to|of|grew to|rose to|increased to|surged to|climbed to|jumped to|soared to|expanded to|"
         r"rising to|growing to|increasing to|climbing to|improved to|registered|recorded|logged|posted|landed at|settled at|clocked in at|averaged"
         r"|at(?= (?:RMB|CNY|US\$|\$|\d))"  # "with advertising revenue at 53.35 billion yuan" (issue 23, rules12)
         r"|–|—|:| -)"
         r"(?: approximately| about| around| over| more than)?)")
_SAME = (rf"(?P<pwhen>(?:for|in) the same (?:period|quarter) (?:of|in) {YEAR}|(?:for|in) the same (?:period|quarter) (?:of )?last year"
         rf"|in Q[1-4][ -]?{YEAR}|in the (?:first|second|third|fourth) quarter of {YEAR})")  # "from 195.0 million in Q2 2018"


def _money_en(v: str = "v", u: str = "u") -> tuple[str, ...]:
    return (rf"(?:RMB|CNY) ?(?P<{v}>{NUM}) ?(?P<{u}>billion|million|bn|mn)\b{USD}",
            rf"(?P<{v}>{NUM}) ?(?P<{u}>trillion|billion|million|bn|mn) (?:yuan|RMB|CNY|Chinese yuan|renminbi)\b(?! renminbi)",
            # US dollars first, the renminbi in brackets: "$7.5 billion (RMB 54.1 billion)" (US dollars alone: never)
            rf"(?:US ?\$|USD ?|\$) ?(?:{NUM}) ?(?:billion|million|bn|mn) \((?:RMB|CNY) ?(?P<{v}>{NUM}) ?(?P<{u}>billion|million|bn|mn)\)")


def _people_en(v: str = "v", u: str = "u") -> str:
    return rf"(?P<{v}>{NUM}) ?(?P<{u}>million|billion)\b"


def _ttm_en(group: str) -> str:
    return (rf"(?:(?:in|for|during|over) (?:the )?(?:past |trailing |last )?(?:twelve|12)[- ]months?(?: period)? (?:ended|ending|to|through) "
            # "the twelve months ended in Q3 2019": that quarter's end; "ended September 2031": that month's; "to the end of 2031"
            # ... or a twelve-month count "as of" a quarter's last day: "588.3 million as of September 30, 2022" (issue 23, rules12)
            rf"(?:in |the end of )?|as of (?=[A-Z][a-z]+ \d))(?P<{group}>{DATE}|Q[1-4][ -]?{YEAR}|{MONTH} {YEAR}|{YEAR})")


def _english(platform: str, metric: str, words: str) -> list[Rule]:
    line = _LINE.format(metric=metric)
    subject = rf"{_OPEN_EN}(?:(?:the )?(?:total )?number of (?:{_COMPANY_EN} )?)?(?:{words})"  # "its total number of active buyers"
    values = (_people_en(),) if metric in _PEOPLE else _money_en()
    priors = (_people_en("pv", "pu"),) if metric in _PEOPLE else _money_en("pv", "pu")
    rules: list[Rule] = []
    options = dict(english=True, weak=True, refuse=_REFUSE_EN)
    for value, prior in zip(values, priors):
        if metric in _TTM_METRICS:
            ttm = dict(options, kinds=("quarter", "intro"), period="ttm")
            # "Annual active customers for the twelve months ended June 30, 2020 reached 417.4 million"
            # ... and its comparative: "... was RMB709.1 billion (US$103.3 billion), an increase of 171% from RMB262.1 billion in the
            # twelve-month period ended June 30, 2018"
            moved = rf"(?:increased|decreased|grew|rose|fell|declined|dropped|climbed|jumped|surged) (?:by )?(?:{NUM})(?:%| percent)"
            rules.append(rule(metric, rf"{subject} {_ttm_en('when')},? (?:{_LEAD}|{moved}(?: year[- ](?:over|on)[- ]year| yoy)? to) {value}"
                              rf"(?: \([^()]{{0,40}}\))?(?:, an? (?P<dir>increase|decrease) of (?P<g>{NUM})% from {prior} {_ttm_en('pwhen')})?",
                              line, **ttm))
            # The months first: "in the past 12 months to September 30, 2031, the company's annual active buyers reached 933.3 million"
            rules.append(rule(metric, rf"(?:^|(?<=[,;:] )|(?<=\bmoreover, )){_ttm_en('when')}, {subject} {_LEAD} {value}", line, **ttm))
            # "annual active customer accounts increased by 27.4 percent to 531.9 million in the twelve months ended
            # June 30, 2021 from 417.4 million in the twelve months ended June 30, 2020"; "increased to ... from ..."
            rules.append(rule(metric, rf"{subject} (?:{_CHANGE} by {_PERCENT}(?: year-on-year| year-over-year| yoy)? to|{_LEAD}"
                              rf"|(?:increased|grew|rose) by (?:{NUM}) "
                              rf"(?:million|billion) to(?: reach)?) {value},? {_ttm_en('when')}"
                              rf"(?:,? from {prior} {_ttm_en('pwhen')})?", line, **ttm))
            # In a quarter's block, the twelve months ending with it: "Annual active consumers on our China retail
            # marketplaces reached 693 million, an increase of 19 million from the 12-month period ended ..."
            rules.append(rule(metric, rf"{subject} (?:{_LEAD}|{_CHANGE} (?:by )?{_PERCENT} to) {value}(?!,? (?:in|for|during) the)", line,
                              **dict(ttm, kinds=("quarter", "intro"))))  # in a story: see figures._headline_period
            # "the number of active buyers in the period climbed by 144 percent to 385.5 million": the twelve months to the page's quarter end
            rules.append(rule(metric, rf"{subject} (?:in|during|for) (?P<when>the (?:reporting )?period|the quarter),? (?:{_CHANGE} by {_PERCENT}"
                              rf"(?: year-on-year| year-over-year| yoy)? to|{_LEAD}) {value}", line, **ttm))
            # The count first: "The company reported 88.4 million annual active buyers for the 12 months to the end of 2031"
            # ... "Alibaba recorded 779 million annual active buyers during the same period" (right after a sentence naming the page's)
            rules.append(rule(metric, rf"\b(?:reported|recorded|had|posted|counted) {value} (?:{words}) (?:{_ttm_en('when')}"
                              rf"|(?:in|during|for|over) (?P<when2>the same period)\b(?! (?:of|in|last|a year)\b))", line, **ttm))
            # The figure first, the metric's name after it: "Pinduoduo generated 471.6 billion yuan (US$268.6 billion) in GMV in the
            # twelve-month period ended December 31, 2031"
            rules.append(rule(metric, rf"\b(?:generated|recorded|posted|reported|achieved|registered) {value}(?: \([^()]{{0,40}}\))? (?:in|of) "
                              rf"(?:{words}) {_ttm_en('when')}", line, **ttm))
            # A calendar year's twelve months: "Gross merchandise volume in 2031 was 1.667 trillion yuan" (never a fiscal year's)
            rules.append(rule(metric, rf"{subject} (?:in|for|during) (?:the (?:full |whole |calendar )?year(?: of)? )?(?P<when>{YEAR}),? {_LEAD} {value}",
                              line, **ttm))
            # "Annual active consumers stood at 779 million for the whole year" (a page whose quarter ends a year)
            rules.append(rule(metric, rf"{subject} {_LEAD} {value} (?:for|in|during|over) (?P<when2>the (?:whole|full|entire) year)\b"
                              rf"(?! (?:of|ended|ending|to)\b)", line, **ttm))
            # "The company reported a 12-month gross merchandise volume (GMV) of 1.5 trillion yuan"
            rules.append(rule(metric, rf"\b(?:an?|its|the) (?:trailing )?(?:twelve|12)[- ]month (?:{words}) (?:of|was|reached) {value}", line,
                              **dict(ttm, kinds=("quarter", "intro"))))
            continue
        # "..., an increase of 8.3% from 345.5 million for the same period of 2022"; "..., up from 71.1 million last year"
        compared = (rf"(?:,? (?:(?:representing )?an? (?P<dir2>increase|decrease) of (?P<g2>{NUM})(?:%| percent)"
                    rf"(?: year-over-year| year-on-year)? |up )?from {prior} (?:{_SAME}|(?P<pwhen2>last year|a year (?:earlier|ago))))?")
        # "revenues from other services, including e-commerce, reaching RMB 4.2 billion": an aside about the line's content
        tail = (rf"(?:, (?:including|mainly|primarily|chiefly) [^,;()]{{1,40}},)?"
                rf"(?: (?:in|for|during) (?P<when>{_WHEN_EN}|{_month_en()}))?,?(?: also| further| still)? (?:{_LEAD}|{_CHANGE} (?:by )?{_PERCENT}"
                # "... increased by 470% year-on-year or 70% quarter-on-quarter to 5,062.4 million yuan"
                rf"(?: year[- ](?:over|on)[- ]year| YoY)?(?: or (?:{NUM})(?:%| percent) quarter[- ](?:over|on)[- ]quarter)? to) {value}(?: \([^()]{{0,40}}\))?"
                rf"(?: in (?P<when2>{_month_en()}|the (?:{_ORDINAL}) quarter(?: of {YEAR})?|Q[1-4][ -]?{YEAR}|{YEAR} ?Q[1-4])(?![\w-]))?")
        rules.append(rule(metric, rf"{subject}{tail}{compared}", line, **dict(options, kinds=("quarter", "intro"))))
        if metric not in _PEOPLE:
            # The year's word in the name, on a fourth quarter's page: "with an annual service revenue of 213.4 billion CNY" (the year
            # that quarter ends, see figures._own_period; on any other page, unread)
            rules.append(rule(metric, rf"{_OPEN_EN}(?:an? |its |the )?(?P<year>annual|full[- ]year) (?:{words}) (?:{_LEAD}) {value}", line,
                              **dict(options, kinds=("quarter", "intro"))))
        # "its online marketing services and other services generated revenue of 49.1 billion yuan (approximately 6.8 billion US
        # dollars), a 29% increase compared to 37.9 billion yuan in the same period in 2023"
        rules.append(rule(metric, rf"{subject}(?: segment)? (?:generated|achieved|recorded|posted|reported) (?:a )?revenues? of {value}"
                          rf"(?: \([^()]{{0,40}}\))?(?:, an? (?:significant |strong |sharp )?(?:(?P<g>{NUM})% (?P<dir>increase|decrease)"
                          rf"|(?P<dir2>increase|decrease) of (?P<g2>{NUM})%) compared "
                          rf"(?:to|with) {prior} (?P<pwhen>in the same period (?:in|of) {YEAR}))?", line,
                          **dict(options, kinds=("quarter", "intro"))))
        # A summary's line without a verb: "Daily active users 401 million (+4.8% yoy)"
        rules.append(rule(metric, rf"{subject} {value} \([+-]?(?P<g>{NUM})% (?:yoy|YoY|year-over-year|year-on-year)\)", line,
                          **dict(options, kinds=("quarter", "intro"))))
        # The change first: "a 15% increase in online marketing services and others to RMB48.7 billion"
        rules.append(rule(metric, rf"\ban? (?P<g>{NUM})% (?P<dir>increase|decrease) in (?:{words}) to {value}", line,
                          **dict(options, kinds=("quarter", "intro"))))
        if metric in _PEOPLE:
            # The count first: "Kuaishou achieved 408 million daily active users (DAUs)"
            # ... and its month after: "Alibaba's China retail marketplaces had 785 million mobile MAUs in September 2031"
            rules.append(rule(metric, rf"\b(?P<lead>achieved|recorded|reported|had|reaching|an? (?:all-time |historic |record )high of)"
                              rf"(?: an average of)? {value} (?:{words})(?: in (?P<when2>{_month_en()})(?![\w-]))?", line,
                              **dict(options, kinds=("quarter", "intro"))))
        # The quarter glued before the metric's name: "Driven by the Double 11 promotion, Q4 e-commerce GMV reached 403.9 billion yuan",
        # "the average number of 2023Q4 monthly buyers reached 130 million"
        rules.append(rule(metric, rf"{_OPEN_EN}(?:(?:the )?(?:average |total )?number of )?(?P<when>Q[1-4](?:[ -]?{YEAR})?|{YEAR} ?Q[1-4])"
                          rf"(?:'s|’s)? (?:{words}) {_LEAD} {value}", line, **dict(options, kinds=("quarter", "intro"))))
        if metric not in _PEOPLE and platform != "alibaba":
            # ... a revenue line's bare calendar year: "Online marketing service revenue for 2031 reached 197.93 billion yuan" (issue 23,
            # rules12; a revenue line only: a year's GMV is no row the fixtures expect)
            bare = r"|{YEAR}(?![\w-])".replace("{YEAR}", YEAR) if metric.startswith("revenue") else ""
            # A calendar year's figure, named in the sentence: "GMV for the full year of 2031 was 1.18 trillion yuan" (not a looser
            # wording: the sentence states its period)
            rules.append(rule(metric, rf"{_OPEN_EN}(?:{words}) (?:for|in) (?P<when>(?:the )?(?:full|whole)[- ]year(?: of)? {YEAR}"
                              rf"|(?:the )?(?:fiscal )?year(?: of)? {YEAR}{bare}) {_LEAD} {value}", f"{metric} of a year named in the sentence",
                              english=True, refuse=_REFUSE_EN, kinds=("year", "intro")))
        # The period first: "In Q1 2022, ... with average daily active users growing 17.0% to 345.5 million"
        rules.append(rule(metric, rf"\b(?:in|for|during) (?P<when>{_WHEN_EN}),? (?P<gap>[^;]{{0,80}}? )?{subject} "
                          rf"(?:{_LEAD}|(?:{_CHANGE}|growing|rising|increasing) (?:by )?{_PERCENT}(?: year[- ](?:over|on)[- ]year| YoY)? to) {value}",
                          line, **dict(options, kinds=("quarter", "intro"))))
    return rules


def _month_en() -> str:
    return rf"(?:January|February|March|April|May|June|July|August|September|October|November|December)(?: {YEAR})?"


_WHEN_ZH = (rf"{YEAR} ?年 ?第?[一二三四]季度?|{YEAR} ?年? ?Q[1-4]|{SHORT_QUARTER}|{YEAR} ?财年 ?第?[一二三四]季度?|第?[一二三四]季度|第[一二三四]季"
            r"|本季度?|当季度?|该季度|Q[1-4]|上一?季度?|期内|季内")
_COMPANY_ZH = r"(?:快手|京东|阿里巴巴|拼多多|PDD|该公司|公司|集团)(?:\([-\w.]{1,12}\))?"
_OPEN_ZH = r"(?:^|(?<=[,;:、(])|(?<=[,;] )|(?<=- )|(?<=[\u4e00-\u9fff]-))"  # a summary's section label: "电商 - 2024Q3电商GMV..."


def _money_zh(v: str = "v", u: str = "u") -> str:
    return rf"(?:人民币)?(?P<{v}>{NUM})(?P<{u}>万亿|亿|百万)元(?:人民币)?"


def _people_zh(v: str = "v", u: str = "u") -> str:
    return rf"(?P<{v}>{NUM})(?P<{u}>亿|百万)(?:人)?"


# A record between a metric's name and its figure: "平均日活跃用户规模突破新高,".
_RECORD_ZH = r"(?:规模)?(?:,?(?:再?创|突破|刷新)(?:历史|纪录)?新高,?)?"
# The comparative right after a figure: ",较去年同期5.1亿增长15.9%", ",比2021年同期的2.932亿增长了18.5%", ",与2021年同期的20亿元相比增长7.1%",
# ",去年同期为2.93亿" (the stated change, if any, checked against the pair).
# ... after the figure's amount in another currency: "(约71.254亿美元),相较2023年同期的291.527亿元人民币"
_COMPARED_ZH = (r"(?:(?:\([^()]{0,30}\))?(?:,?(?:较|相较于?|相比于?|比|与)(?P<pwhen>去年同期|" + YEAR + r"年同期)的?"
                r"|,(?P<pwhen2>去年同期|" + YEAR + r"年同期)(?:为|是)))"
                r"{prior}(?:,?相比)?,?(?:(?P<dir2>增长|增加|上升|下降|减少)了?(?P<g2>" + NUM + r")%)?")
_COMPARED_ZH = "(?:" + _COMPARED_ZH + ")?"


def _compared_zh(prior: str) -> str:
    return _COMPARED_ZH.replace("{prior}", prior)


# The particles and verbs that link a metric's name to its figure (a closed list).
_LEAD_ZH = r"(?P<lead>为约|为超过|为|是|约为|达到约|达到了?|达约|达|录得|超过|突破了?|实现了?|达成|来到|升至|增至|增长至|提升至|上升至|攀升至)"
_CHANGE_ZH = r"(?P<dir>增长|增加|上升|大增|增|升|下降|减少|下跌|跌)"


def _chinese(platform: str, metric: str, words: str) -> list[Rule]:
    line = _LINE.format(metric=metric)
    value, prior = (_people_zh(), _people_zh("pv", "pu")) if metric in _PEOPLE else (_money_zh(), _money_zh("pv", "pu"))
    # "Q4 MAU突破了7亿"; the company before its quarter: "快手第二季度平均月活跃用户5.9亿"; a list's number glued before: "3快手App平均日活跃用户"
    # ... a list's mark before it: "2)实现服务收入596亿元" (issue 23, rules12)
    opening = rf"{_OPEN_ZH}(?:[1-9](?=[\u4e00-\u9fff])|[1-9][)、](?=[\u4e00-\u9fff]))?(?:{_COMPANY_ZH}(?=(?:{_WHEN_ZH})))?"
    start = rf"{opening}(?:(?P<when>{_WHEN_ZH}) ?,?)?(?:其中,?)?(?:{_COMPANY_ZH})?的?(?:实现了?)?(?:{words})"
    if metric in _SEGMENT_STEMS_ZH.get(platform, {}):
        # "线上营销服务Q2收入达198亿元": the quarter between the segment's name and 收入
        start = (rf"{opening}(?:(?P<when>{_WHEN_ZH}),?)?(?:其中,?)?(?:{_COMPANY_ZH})?的?(?:{words}"
                 rf"|(?:{_SEGMENT_STEMS_ZH[platform][metric]})(?P<when2>Q[1-4]|第?[一二三四]季度|本季度?)收入)")
    else:
        # A quarter word between the metric's name and its figure: "电商业务GMV本季度同比增长17.6%至3589亿元",
        # "平均日活跃用户二季度达到3.95亿" (the page's own quarter only: _own_period reads a short form no other way)
        # ... after a footnote mark, in a translation: "平均每月活跃用户2该季度的 为7.513亿"
        start = rf"{start}(?:(?:\d{{1,2}}\)?)?(?P<when2>本季度?|该季度|第?[一二三四]季度|Q[1-4])的? ?)?"
    refuse = _REFUSE_REVENUE_ZH if metric.startswith("revenue") else _REFUSE_ZH
    options = dict(english=False, weak=True, refuse=refuse, kinds=("quarter", "intro"))
    if metric in _TTM_METRICS:
        # "年度活跃客户账户3截至2022年3月31日的十二个月中,从截至2021年3月31日的十二个月的4.998亿增长了16.2%,达到5.805亿";
        # "截至2022年3月31日的十二个月,年度活跃用户数达到5.805亿": the twelve months ended a stated quarter end.
        months = r"的?(?:十二|12)个月(?:中|内|期间)?"
        ttm = dict(options, period="ttm")
        return [
            # "活跃买家3在截至2022年3月31日的十二个月期间, 为8.819亿,较截至2021年3月31日的十二个月期间的8.238亿增长了7%"
            rule(metric, rf"{_OPEN_ZH}(?:{words})(?:\d{{1,2}}\)?)?,?在?截至(?P<when>{YEAR}年\d{{1,2}}月\d{{1,2}}日){months},? ?"
                 rf"(?P<lead>为|达到|达){value}(?:,较截至(?P<pwhen>{YEAR}年\d{{1,2}}月\d{{1,2}}日){months}的{prior}{_CHANGE_ZH}了?(?P<g>{NUM})%)?",
                 line, **ttm),
            rule(metric, rf"{_OPEN_ZH}(?:{words})(?:\d{{1,2}}\)?)?,?截至(?P<when>{YEAR}年\d{{1,2}}月\d{{1,2}}日){months},?"
                 rf"从截至(?P<pwhen>{YEAR}年\d{{1,2}}月\d{{1,2}}日){months}的{prior}{_CHANGE_ZH}了?(?P<g>{NUM})%,?(?:达到|至|为){value}",
                 line, **ttm),
            # "在截至2022年9月30日的12个月内,增长了6.5%,从截至2021年9月30日的12个月的5.522亿增加到5.883亿": the change, then the pair
            rule(metric, rf"{_OPEN_ZH}(?:{words})(?:\d{{1,2}}\)?)?,?在?截至(?P<when>{YEAR}年\d{{1,2}}月\d{{1,2}}日){months},?(?:同比)?"
                 rf"{_CHANGE_ZH}了?(?P<g>{NUM})%,?从截至(?P<pwhen>{YEAR}年\d{{1,2}}月\d{{1,2}}日){months}的{prior}(?:增加|增长|上升|减少|下降)?(?:到|至){value}",
                 line, **ttm),
            # "截至三季度末,京东集团的年度活跃用户数达到5.883亿": the twelve months to the end of the quarter named (a quarter without its
            # year: the page's only, see figures._own_period)
            rule(metric, rf"{_OPEN_ZH}截至(?P<when>(?:{YEAR}年)?第?[一二三四]季度末),?(?:{_COMPANY_ZH}(?:集团)?的?)?(?:{words})"
                 rf"(?:{_LEAD_ZH}|(?:同比|按年)?{_CHANGE_ZH}了?(?P<g>{NUM})%,?(?:至|达到?|为)){value}", line, **ttm),
            rule(metric, rf"{_OPEN_ZH}截至(?P<when>{YEAR}年\d{{1,2}}月\d{{1,2}}日){months},?(?:{_COMPANY_ZH}的?)?(?:{words})"
                 rf"(?:\d{{1,2}}\)?)?(?:{_LEAD_ZH}|(?:同比|按年)?{_CHANGE_ZH}了?(?P<g>{NUM})%,?(?:至|达到?|为)){value}", line, **ttm),
        ]
    clause = []
    if metric in _SEGMENT_STEMS_ZH.get(platform, {}):
        # "其他服务业务受电商带动,收入同比增长12%至56亿元": the segment opens the clause, its revenue follows the comma.
        clause.append(rule(metric, rf"{_OPEN_ZH}(?:[iv]+\))?(?:{_SEGMENT_STEMS_ZH[platform][metric]})(?:业务)?[^,;。()]{{0,30}},收入"
                           rf"(?:同比|按年)?{_CHANGE_ZH}(?P<g>{NUM})%,?(?:至|达到?){value}", line, **options))
    if metric not in _SEGMENT_STEMS_ZH.get(platform, {}):
        # The quarter's part of a longer period's figure: "快手上半年电商GMV达4902亿元,其中第二季度达2655亿元" (the metric named in the
        # clause before, the quarter after 其中; read only for the page's quarter, like any short form)
        clause.append(rule(metric, rf"{_OPEN_ZH}(?:{_COMPANY_ZH})?(?:上半年|前三季度|全年|今年以来)的?(?:{words})(?:为|达到?|是|录得)?"
                           rf"(?:{NUM})(?:万亿|亿|百万)元?,"
                           rf"其中(?P<when>{YEAR}年第?[一二三四]季度|第?[一二三四]季度|Q[1-4])(?:的)?(?:{_LEAD_ZH}){value}", line, **options))
    return clause + [
        # "2022年第一季度的净服务收入为人民币352亿元", "电商月均买家数达1.34亿", "收入同比增长14.2%至356亿元人民币"
        # A summary's line without a verb, after a space: "24Q3平均DAU 4.08亿", "MAU 7.14亿"
        # ... "平均日活跃用户规模突破新高,同比增长18.5%达3.47亿,去年同期为2.93亿", "达到创纪录的3.473亿,比2021年同期的2.932亿增长了18.5%"
        rule(metric, rf"{start}{_RECORD_ZH} ?(?:{_LEAD_ZH}(?:创纪录的|创历史新高的)?|(?:同比|按年)?{_CHANGE_ZH}(?P<g>{NUM})%,?(?:至|达到?|为))?{value}"
                     rf"{_compared_zh(prior)}", line, **options),
        # "京东收入由去年同期的 2914 亿元升至 3567 亿元": a change without its percentage; "从2021年同期的100亿元增长至110亿元,增幅为10.5%"
        rule(metric, rf"{start}[由从](?P<pwhen>去年同期|{YEAR}年同期)的{prior}(?:升|增|增加|增长|上升|降|下降|减少)至{value}"
                     rf"(?:,(?P<dir>增)幅为(?P<g>{NUM})%)?", line, **options),
        # "在线营销服务收入由2022年同期的110亿元增加30.4%至143亿元"
        rule(metric, rf"{start}由(?P<pwhen>去年同期|{YEAR}年同期)的{prior}{_CHANGE_ZH}(?P<g>{NUM})%至(?:(?:{_WHEN_ZH})的)?{value}", line, **options),
    ]


def _pairs_zh() -> list[Rule]:
    """Both of Kuaishou's user counts at once: "平均日活跃用户及月活跃用户达3.76亿及6.733亿" (and 和, 分别达到了)."""
    both = (rf"{_OPEN_ZH}(?:(?P<when>{_WHEN_ZH}),?)?(?:快手|快手应用的?)?(?:平均)?日活跃用户数?(?:和|及|与)(?:平均)?月活跃用户数?,?"
            rf"(?:分别)?(?P<lead>达到了?|达|为)")
    options = dict(english=False, weak=True, refuse=_REFUSE_ZH, kinds=("quarter", "intro"))
    line = "average daily and monthly active users named together (a rewrite's wording)"
    return [rule("dau", rf"{both}{_people_zh()}(?:和|及|与)(?:{NUM})(?:亿|百万)", line, **options),
            rule("mau", rf"{both}(?:{NUM})(?:亿|百万)(?:和|及|与){_people_zh()}", line, **options)]


def _pairs_en() -> list[Rule]:
    """Both of Kuaishou's user counts at once: "The DAUs and MAUs of our Kuaishou app reached a historic high of 366 million and
    640 million, respectively" (the daily count named first, the monthly second, and "respectively")."""
    both = (r"(?:^|(?<=[,;:] )|(?<=\bthe )|(?<=\bThe ))(?:average )?(?:DAUs?|daily active users) and (?:average )?(?:MAUs?|monthly active users)"
            r"(?: (?:of|on) (?:our |the )?Kuaishou (?:app|APP))? (?P<lead>reached|were)(?: an? (?:all-time |historic |record )high of)? ")
    options = dict(english=True, weak=True, refuse=_REFUSE_EN, kinds=("quarter", "intro"))
    line = "average daily and monthly active users named as a pair (a rewrite's wording)"
    tail = r",? respectively(?:,? (?:in|for) (?P<when2>Q[1-4]|the quarter|this quarter))?"
    return [rule("dau", rf"{both}{_people_en()} and (?:{NUM}) (?:million|billion){tail}", line, **options),
            rule("mau", rf"{both}(?:{NUM}) (?:million|billion) and {_people_en()}{tail}", line, **options)]


def _pdd_buyers() -> list[Rule]:
    """PDD's definition in a story's words: "867.3 million users who placed orders in the trailing 12-month period"
    (the twelve months that end with the page's quarter)."""
    return [rule("annual_buyers", rf"\b{_people_en()} (?:users|buyers|user accounts) who placed (?:one or more )?orders "
                 rf"(?:in|over|during) the (?:trailing|past) (?:twelve|12)[- ]months?(?: period)?\b(?! (?:ended|ending|to))",
                 _LINE.format(metric="annual_buyers"), english=True, weak=True, refuse=_REFUSE_EN, kinds=("quarter", "intro"))]


def _history_en(metric: str, words: str) -> list[Rule]:
    """Several years' twelve-month counts in one sentence, each with its own period: "The number of active buyers on the platform has
    more than tripled over the past four years, from 244.8 million active buyers in 2017 to 788.4 million in 2020 and 823.8 million in
    the first quarter of 2021" (a calendar year's count is the twelve months to its end). Not a looser wording: every figure names its
    period; a figure without one, or a fourth, leaves the sentence unread."""
    when = rf"{YEAR}|(?:{_ORDINAL}) quarter of {YEAR}"
    head = rf"(?:^|(?<=[,;:] ))(?:the )?(?:total )?number of (?:{words})[^,;.]{{0,80}}?,? from "
    one = rf"(?:{NUM}) million(?: (?:{words}))?"
    first = rf"{_people_en()}(?: (?:{words}))? in (?:the )?(?P<when>{when})"
    ends = r"(?![\w-])(?! and \d)"
    options = dict(english=True, kinds=("quarter", "intro"), period="ttm", refuse=_REFUSE_EN)
    line = f"{metric} of several periods in one sentence, each named (a history's wording)"
    return [
        rule(metric, rf"{head}{first} to {one} in (?:the )?(?:{when})(?: and {one} in (?:the )?(?:{when}))?{ends}", line, **options),
        rule(metric, rf"{head}{one} in (?:the )?(?:{when}) to {_people_en()} in (?:the )?(?P<when>{when})(?: and {one} in (?:the )?(?:{when}))?{ends}",
             line, **options),
        rule(metric, rf"{head}{one} in (?:the )?(?:{when}) to {one} in (?:the )?(?:{when}) and {_people_en()} in (?:the )?(?P<when>{when}){ends}",
             line, **options),
    ]


def _jd_pairs_zh() -> list[Rule]:
    """JD's two revenue lines named together: "其中商品、服务收入分别为2339、541亿元"."""
    return [rule("revenue_commerce", rf"{_OPEN_ZH}(?:其中,?)?(?:商品|产品)(?:收入)?(?:、|和|及)净?服务收入,?分别为(?:人民币)?(?:{NUM})(?:亿元)?"
                 rf"(?:、|和|及)(?P<v>{NUM})(?P<u>亿)元", _LINE.format(metric="revenue_commerce"), english=False, weak=True,
                 refuse=_REFUSE_ZH, kinds=("quarter", "intro"))]


# The revenue lines a Chinese rewrite lists together, per company: the metric each is (None: a line with no metric).
_LINES_ZH: dict[str, tuple[tuple[str, str | None], ...]] = {
    "kuaishou": ((r"(?:线上|在线)营销服务", "revenue_marketing"), (r"直播(?:业务)?", None), (r"其他服务", "revenue_commerce")),
    "pdd": ((r"在线营销服务(?:及其他)?", "revenue_marketing"), (r"交易服务", "revenue_commerce")),
}


def _listed_zh(platform: str) -> list[Rule]:
    """Revenue lines named in a list and their figures in the same order: "线上营销服务、直播和其他服务收入分别为176亿元、93亿元
    和42亿元" (分别, "respectively"). Every name must be one of the company's lines, each once, as many names as figures; the
    unit may be written only after the last figure."""
    lines = _LINES_ZH.get(platform, ())
    if not lines:
        return []
    name = "|".join(f"(?:{stem})" for stem, _ in lines)
    sep = r"(?:、|和|及|与|以及)"
    value = rf"(?:人民币)?(?:{NUM})(?:亿元?)?"
    rules: list[Rule] = []
    options = dict(english=False, weak=True, refuse=_REFUSE_ZH, kinds=("quarter", "intro"))
    for count in (2, 3):
        for position in range(count):
            for stem, metric in lines:
                if metric is None:
                    continue
                # the metric's line at this position of the names, its figure at the same position of the figures
                named = sep.join([rf"(?:{stem})(?:业务)?(?:收入)?" if i == position else rf"(?!{stem})(?:{name})(?:业务)?(?:收入)?"
                                  for i in range(count)])
                figures = sep.join([rf"(?:人民币)?(?P<v>{NUM})(?:亿元?)?" if i == position else value for i in range(count)])
                # the whole list: it opens a clause (never after 、) and no further figure follows the last
                rules.append(rule(metric, rf"(?:^|(?<=[,;:(])|(?<=- )|(?<=[\u4e00-\u9fff]-))(?:(?P<when>{_WHEN_ZH}),?)?(?:其中,?)?"
                                  rf"(?:{_COMPANY_ZH})?的?(?:{named})(?:收入)?,?"
                                  rf"分别(?P<lead>为|达到?|是){figures}(?<=\d)(?P<u>亿)元(?!{sep})", _LINE.format(metric=metric) + " (a list's 分别)",
                                  **options))
    return rules


def _full_year_lines_zh(platform: str) -> list[Rule]:
    """A revenue line's year, named with its year in the sentence: "2021年全年的净服务收入为人民币1359亿元(213亿美元)" (the sentence
    states the period itself, so not a looser wording; for a company whose fiscal year is the calendar's, as full_year_rules)."""
    rules: list[Rule] = []
    for metric, words in METRIC_WORDS_ZH.get(platform, {}).items():
        if not metric.startswith("revenue_") or platform == "alibaba":
            continue
        rules.append(rule(metric, rf"{_OPEN_ZH}(?P<when>{YEAR}年全年),?的?(?:{_COMPANY_ZH}的?)?(?:{words})(?:(?P<lead>为|达到|达|录得)"
                          rf"|(?:同比|按年)?(?P<dir>增长|增加|上升|下降|减少)(?:{NUM})%,?(?:至|达到?|为))?{_money_zh()}",
                          f"{metric} of a year named in the sentence", english=False, kinds=("quarter", "year", "intro"), refuse=_REFUSE_REVENUE_ZH))
    return rules


def rewrite_rules(platform: str) -> tuple[Rule, ...]:
    """The rewrite wordings of ``platform``'s metrics (weak), English and Chinese."""
    rules: list[Rule] = _pdd_buyers() if platform == "pdd" else _jd_pairs_zh() if platform == "jd" else []
    if platform in ("pdd", "jd"):  # companies whose fiscal year is the calendar's
        rules += _history_en("annual_buyers", METRIC_WORDS_EN[platform]["annual_buyers"])
    for metric, words in METRIC_WORDS_EN.get(platform, {}).items():
        rules += _english(platform, metric, words)
    for metric, words in METRIC_WORDS_ZH.get(platform, {}).items():
        rules += _chinese(platform, metric, words)
    if platform == "kuaishou":
        rules += _pairs_zh() + _pairs_en()
    rules += _listed_zh(platform) + _full_year_lines_zh(platform)
    return tuple(rules)
