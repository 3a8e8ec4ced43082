"""Kuaishou's results releases, in English and in simplified and traditional Chinese.

The key-highlights bullets ("Average DAUs on Kuaishou APP were 408.9 million, representing an increase of
3.4% from 395.3 million for the same period of 2024", "快手應用平均日活躍用戶為4.080億,較去年同期3.938億
增長3.6%"), the segment lines of the financial review, and the chief executive's quote that some reposts
keep alone ("日活躍用戶數...達到4.162億", "總收入同比增長14.2%,達到人民幣356億元"), read only where no
bullet gave the figure, including both user counts named at once ("日活跃用户数和月活跃用户数分别达到了
3.866亿和6.847亿").
"""

from __future__ import annotations

from kreport.extract.rules.common import (
    CHANGE_EN,
    FN,
    LEAD_EN,
    LEAD_ZH,
    MONTH,
    NUM,
    QUARTER_ZH,
    SAME_PERIOD_EN,
    SAME_PERIOD_ZH,
    YEAR,
    money_en,
    money_zh,
    people_en,
    people_zh,
    rule,
)

__all__ = ["RULES"]



def _compared_en(prior: str) -> str:
    return rf"(?:, representing {CHANGE_EN} from {prior} {SAME_PERIOD_EN})?"


def _compared_zh(prior: str) -> str:
    return rf"(?:,较{SAME_PERIOD_ZH}的?{prior}(?:(?P<dir>增长|增加|下降|减少)(?P<g>{NUM})%)?)?"


_WHEN_ZH = rf"(?:(?P<when>{QUARTER_ZH}),?)?"
_USERS_ZH = rf"(?:{NUM})(?:亿|百万)"
_BOTH_USERS = (r"(?:我们的|快手的|快手应用的)?(?:平均)?日活跃(?:用户)?数?(?:和|及|与)(?:平均)?月活跃(?:用户)?数?"
               r"[^。;,]{0,12},?分别(?P<lead>达到)了?")
_OTHER_USERS = r"可灵|Kling|海外|Kwai|Snack|极速版|国际"
# The executive's and media's looser user wordings also refuse a forecast ("市场预计快手平均日活跃用户将达4.2亿")
_OTHER_USERS_OR_FORECAST = _OTHER_USERS + r"|预计|预期|预测|指引|展望|目标|将(?:会|于|在|达|突破|超过)"
_DAU = "average daily active users of the Kuaishou app (快手應用平均日活躍用戶)"
_MAU = "average monthly active users of the Kuaishou app (快手應用平均月活躍用戶)"
_GMV = "total e-commerce GMV (電商商品交易總額)"
_REVENUE = "total revenue (總收入)"
_MARKETING = "Kuaishou 'online marketing services' line (線上營銷服務)"
_OTHER = ("Kuaishou 'other services' line (其他服務: mainly e-commerce commissions and fees; from 2024Q3 it "
          "includes Kling AI (可靈AI) revenue)")
_REVENUE_CHANGE_EN = rf"(?P<dir>increased|decreased|grew) by (?P<g>{NUM})% to {money_en()}"
_WHEN_EN = rf"(?: for (?P<when>the (?:first|second|third|fourth) quarter of {YEAR}|{YEAR}))?"
_SEGMENT_EN = rf"{_REVENUE_CHANGE_EN}{_WHEN_EN}(?: from {money_en('pv', 'pu')}(?: {SAME_PERIOD_EN})?)?"
_SEGMENT_ZH = (rf"收入由(?P<pwhen>去年同期|{YEAR}年同期)的{money_zh('pv', 'pu')}(?P<dir>增加|增长|减少|下降)(?P<g>{NUM})%至"
               rf"(?:(?P<when>{QUARTER_ZH}|{YEAR}年)的)?{money_zh()}")

RULES = (
    # English
    rule("dau", rf"\bAverage DAUs? on Kuaishou APP {LEAD_EN} {people_en()}" + _compared_en(people_en("pv", "pu")),
         _DAU, english=True),
    rule("mau", rf"\bAverage MAUs? on Kuaishou APP {LEAD_EN} {people_en()}" + _compared_en(people_en("pv", "pu")),
         _MAU, english=True),
    rule("gmv", rf"\bTotal (?:e-commerce GMV|GMV of e-commerce transactions facilitated on our platform){FN} {LEAD_EN} {money_en()}"
         + _compared_en(money_en("pv", "pu")),
         _GMV, english=True),
    rule("revenue_total", rf"^Total revenue {_REVENUE_CHANGE_EN}(?: from {money_en('pv', 'pu')} {SAME_PERIOD_EN})?",
         _REVENUE, english=True),
    rule("revenue_total", rf"^Total revenue {LEAD_EN} {money_en()}" + _compared_en(money_en("pv", "pu")),
         _REVENUE, english=True),
    rule("revenue_marketing", rf"^Revenue from (?:our )?online marketing services {_SEGMENT_EN}", _MARKETING, english=True,
         kinds=("quarter", "year")),
    rule("revenue_commerce", rf"^Revenue from (?:our )?other services {_SEGMENT_EN}", _OTHER, english=True,
         kinds=("quarter", "year")),
    # Chinese (matched in simplified script: 億 reads as 亿)
    rule("dau", rf"{_WHEN_ZH}快手应用的?平均日活跃用户数?{LEAD_ZH}{people_zh()}" + _compared_zh(people_zh("pv", "pu")),
         _DAU, english=False),
    rule("mau", rf"{_WHEN_ZH}快手应用的?平均月活跃用户数?{LEAD_ZH}{people_zh()}" + _compared_zh(people_zh("pv", "pu")),
         _MAU, english=False),
    rule("gmv", rf"{_WHEN_ZH}(?:平台上促成的电商交易的商品总交易额|电商商品交易总额|电商GMV|电商交易总额){FN}{LEAD_ZH}{money_zh()}"
         + _compared_zh(money_zh("pv", "pu")), _GMV, english=False),
    rule("revenue_total", rf"{_WHEN_ZH}总收入{LEAD_ZH}{money_zh()}" + _compared_zh(money_zh("pv", "pu")),
         _REVENUE, english=False),
    rule("revenue_marketing", rf"线上营销服务{_SEGMENT_ZH}", _MARKETING, english=False, kinds=("quarter", "year")),
    rule("revenue_commerce", rf"其他服务(?:\(包括电商\))?{_SEGMENT_ZH}", _OTHER, english=False, kinds=("quarter", "year")),
    # A Hong Kong results announcement's summary table, its cells run together: "截至3月31日止三個月2024年2023年 ...
    # (人民幣百萬元,百分比除外)收入29,408100.025,217100.016.6%" (revenue, its 100.0% share, last year's, its share, the change).
    # Read only where the stated change fits the two figures, which a wrong split of the digits never does.
    rule("revenue_total", rf"截至(?P<when>\d{{1,2}}月\d{{1,2}}日止三个月(?P<hy>{YEAR})年)(?P<py>{YEAR})年[^()]{{0,40}}"
         rf"\(人民币(?P<u>百万)元[^)]*\)收入(?P<v>\d{{1,3}}(?:,\d{{3}})+)100\.0(?P<pv>\d{{1,3}}(?:,\d{{3}})+)100\.0(?P<dir>)(?P<g>\d{{1,3}}\.\d)%",
         _REVENUE, english=False, kinds=("quarter", "intro")),
    # The same table in the English announcement: "For the Three Months Ended March 31, 2024 2023 ... (RMB million, except for
    # percentages) Revenue 29,408 100.0 25,217 100.0 16.6%" (its cells spaced or run together)
    rule("revenue_total", rf"\bthree months ended (?P<when>{MONTH} \d{{1,2}},? (?P<hy>{YEAR})),? (?P<py>{YEAR})\b[^()]{{0,60}}"
         rf"\(RMB ?(?P<u>million)[^)]*\) ?(?:Total )?revenues? ?(?P<v>\d{{1,3}}(?:,\d{{3}})+) ?100\.0 ?(?P<pv>\d{{1,3}}(?:,\d{{3}})+) ?100\.0 ?"
         rf"(?P<dir>)(?P<g>\d{{1,3}}\.\d)%", _REVENUE, english=True, kinds=("quarter", "intro")),
    # A rewrite's full-year line, the year named in it: "2024年全年總收入同比增長11.8%至人民幣1,269億元"
    rule("revenue_total", rf"(?:^|(?<=[,;]))(?P<when>{YEAR}年全年),?总收入(?:同比|按年)?(?P<dir>增长|下降|减少)(?P<g>{NUM})%,?(?:至|达到|达)"
         rf"{money_zh()}", _REVENUE, english=False, kinds=("quarter", "year", "intro")),
    # The chief executive's quote, where no bullet gave the figure.
    rule("revenue_total", rf"{_WHEN_ZH}总收入(?:同比|按年)?(?P<dir>增长|下降|减少)(?P<g>{NUM})%,?(?:至|达到|达){money_zh()}",
         _REVENUE, english=False, weak=True),
    rule("dau", rf"{_WHEN_ZH}(?:我们的|快手的|快手应用的)?日活跃用户数?[^。;,]{{0,16}},?(?P<lead>达到|达|突破)"
         + people_zh(), _DAU, english=False, weak=True, refuse=_OTHER_USERS_OR_FORECAST),
    # Both named at once, in that order: "日活跃用户数和月活跃用户数分别达到了3.866亿和6.847亿".
    rule("dau", rf"{_BOTH_USERS}{people_zh()}(?:和|及|与){_USERS_ZH}", _DAU, english=False, weak=True, refuse=_OTHER_USERS_OR_FORECAST),
    rule("mau", rf"{_BOTH_USERS}{_USERS_ZH}(?:和|及|与){people_zh()}", _MAU, english=False, weak=True, refuse=_OTHER_USERS_OR_FORECAST),
)
