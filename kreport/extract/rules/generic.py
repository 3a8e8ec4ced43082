"""The vocabulary the generic clause reader (:mod:`kreport.extract.clauses`) reads with, and the plausibility bands it checks against.

TERMS: each metric's names in English (the releases', the media's and a spinner's), simplified Chinese (traditional script is read
in simplified form, see :func:`kreport.extract.cleaning.matchable`), each for the companies it means that metric for (None: any).
A bare "revenue" / "收入" is the company's total only in a subject's place (see :data:`BARE_REVENUE_BEFORE_EN`); after a segment's
name in the same clause it is that segment's.

BANDS: an order-of-magnitude range per (platform, metric) for one quarter (a twelve-month figure for ``gmv_ttm`` and
``annual_buyers``), in the canonical units (RMB billion, million people). A figure outside it is a misread unit, a misplaced decimal
point or another company's or segment's figure, and is left out with a reason. A year's figure of an additive metric (revenue, GMV)
is checked against three to four and a half times the quarter's band. The ranges are wide on purpose (2018 to 2026 and some):

=========  =====================  ==============  =========================================================
platform   metric                 quarter band    why
=========  =====================  ==============  =========================================================
kuaishou   revenue_total          5 - 60 bn       RMB 9 bn a quarter in 2019, 36 bn in 2025
kuaishou   revenue_marketing      1 - 40 bn       online marketing services
kuaishou   revenue_commerce       0.3 - 15 bn     other services (e-commerce; Kling AI from 2024Q3)
kuaishou   gmv                    10 - 600 bn     e-commerce GMV
kuaishou   dau / mau              100 - 600 / 200 - 1000 million
kuaishou   monthly_buyers         30 - 400 mn     e-commerce monthly active buyers (100-150 million in 2022-2025)
pdd        revenue_total          1 - 150 bn
pdd        revenue_marketing      0.5 - 80 bn
pdd        revenue_commerce       0.05 - 80 bn
pdd        gmv_ttm                100 - 8000 bn  twelve months
pdd        mau / annual_buyers    100 - 1000 million
jd         revenue_total          50 - 450 bn
jd         revenue_commerce       5 - 120 bn      service revenues
jd         annual_buyers          100 - 800 million
alibaba    revenue_total          30 - 350 bn
alibaba    revenue_marketing      20 - 150 bn     customer management revenue
alibaba    mau / annual_buyers    500 - 1300 / 400 - 1100 million
=========  =====================  ==============  =========================================================
"""

from __future__ import annotations

import re

__all__ = ["TERMS", "BANDS", "BARE_REVENUE_BEFORE_EN", "BARE_REVENUE_BEFORE_ZH", "OTHER", "PARTS", "band_for"]

_ANY = None
_NUM_Q = r"(?:first|second|third|fourth)"

# Names of other measures and of a company's parts: they read nothing themselves, but an amount after one is theirs, and a comma before
# one starts a new subject ("Total costs of revenues were RMB1,594.7 million", "总收入成本为397.092亿元", "Revenue from core commerce").
OTHER = "other"
PARTS = (r"\b(?:new )?business segments?\b|\bsegments?\b|\bdivisions?\b|分部|"
         r"core commerce|cloud|direct sales|general merchandise|electronics|logistics|international|local services|live[- ]?streaming"
         r"|Retail(?![a-z])|Temu|Taobao|Tmall|Kling|核心商业|云智能|云业务|自营|带电|日百|电子产品|家用电器|日用百货|物流|国际|本地生活|直播|零售|淘天|可灵|新业务|商品收入|平台及广告")
BLOCKERS = (
    r"costs? of (?:revenues?|sales)|(?:gross|operating|net) (?:profit|income|loss|margin)s?|income from operations|expenses?|profits?"
    r"|EBITDA|earnings|net loss|cash flow|core commerce|cloud|direct sales|general merchandise|electronics|logistics|international"
    r"|local services|live[- ]?streaming|(?-i:Retail)(?![a-z])|Temu|Taobao|Tmall|Kling"
    r"|成本|费用|利润|毛利|净利|亏损|现金流|核心商业|云智能|云业务|自营|带电|日百|电子产品|家用电器|日用百货|物流|国际|本地生活|直播|零售|淘天|可灵|新业务|商品收入|平台及广告")
# (metric, pattern, platforms); English patterns ignore case. Longer names are preferred where two overlap.
TERMS: tuple[tuple[str, str, frozenset[str] | None], ...] = (
    # --- users
    # (rules16) a spinner's "daily live users" / "monthly live user data" (never "daily living users": "each daily living user")
    ("dau", r"(?:average )?(?:number of )?daily live users?(?: number| data| count)?|"
            r"(?:average )?(?:number of )?daily active users?(?: \(DAUs?\))?|(?:average )?DAUs?(?![A-Za-z])|daily actives|日活跃用户(?:数量|数|规模)?"
            # (rules17) "日均活跃用户数": the day's average active users (never "日均活跃买家": buyers)
            r"|日均活跃用户(?:数量|数|规模)?"
            r"|(?:平均)?日活(?:跃)?(?:用户)?(?:数)?", _ANY),
    ("mau", r"(?:average )?(?:number of )?(?:mobile )?monthly live users?(?: number| data| count)?|"
            r"(?:average )?(?:number of )?(?:mobile )?monthly active users?(?: \(MAUs?\))?|(?:average )?MAUs?(?![A-Za-z])"
            r"|(?:移动)?月活跃用户(?:数量|数|规模)?|(?:平均)?月活(?:跃)?(?:用户)?(?:数)?", _ANY),
    ("annual_buyers", r"(?:number of )?annual active (?:buyers|consumers|customers|customer accounts)"
                      r"|年度活跃(?:买家|购买用户|消费者|客户)(?:数量|数)?|年活跃买家(?:数)?|年活买家(?:数)?", _ANY),
    # "annual active users": Alibaba's ecosystem-wide count as often as its marketplaces' consumers; the others' buyers
    ("annual_buyers", r"(?:number of )?annual active users?(?: count)?|年度活跃用户(?:数量|数)?", frozenset({"jd", "pdd", "kuaishou"})),
    # (heldout17) JD's "active customers" are its twelve months' ("311 million active customers"; never "monthly active customers")
    ("annual_buyers", r"(?<!monthly )(?<!average )(?<!daily )active customers?(?: accounts?)?", frozenset({"jd"})),
    # PDD's "active buyers" are its twelve months' (never "monthly active buyers")
    ("annual_buyers", r"(?<!monthly )(?<!average )active buyers", frozenset({"pdd"})),
    # (rules15) "the number of users who placed orders ... in the trailing 12-month period": PDD's twelve months' buyers
    ("annual_buyers", r"(?:number of )?users who (?:have )?placed (?:an )?orders?(?=[^,;.]{0,60}\b(?:trailing|past|last) (?:12|twelve)[- ]months?\b)",
     frozenset({"pdd"})),
    # (rules14) JD's and PDD's active buyers are their twelve months' ("过去12个月的活跃购买用户数", "活跃买家数")
    ("annual_buyers", r"(?<!月)(?<!日)活跃(?:购买用户|买家)(?:数量|数)?", frozenset({"jd", "pdd"})),
    # (rules17) Kuaishou's monthly buyers: "月活跃买家", "电商月活跃买家数", a broker's "MAC" (monthly active customers) (never
    # "日均活跃买家": a day's); the English "monthly active buyers" is left to the company rules (the expected files do not list every
    # English page's count)
    ("monthly_buyers", r"(?:电商)?月(?:活跃|活)买家(?:数量|数)?|(?<![A-Za-z])MACs?(?![A-Za-z])(?:人数|数)?", frozenset({"kuaishou"})),
    # --- revenue
    ("revenue_total", r"total (?:net )?revenues?|net revenues?|total (?:operating )?income|(?:total )?operating revenues?|revenues?"
                      r"|总收入|总营收|营业总收入|营业收入|(?<!运)营收(?!入)|营业额|收入"
                      # (rules14) a translation's "实现营业收入": "achieved an operating income of" (never "operating income" alone: a profit)
                      # with the company itself as its subject ("Taotian Group achieved an operating income of": a segment's)
                      r"|(?:(?<=Alibaba )|(?<=JD\.com )|(?<=Kuaishou )|(?<=Pinduoduo )|(?<=PDD )|(?<=Kwai )|(?<=[Tt]he company ))"
                      r"(?:Group |Holdings |Technology )?achieved (?:an? )?operating income(?= of)", _ANY),
    ("revenue_marketing", r"(?:revenues? from )?online market(?:ing)? services?(?: and others?)?(?: revenues?)?"
                          # (rules17) a translation's "online marketing business revenue"
                          r"|online marketing business(?: revenues?)?"
                          # (rules15) Kuaishou's and PDD's online marketing services are their advertising
                          r"|(?<!per )(?<!overseas )advertising revenues?(?! per)"
                          r"|线上营销(?:服务)?(?:收入)?|在线营销(?:服务)?(?:及其他|和其他|与其他)?(?:收入)?|(?<![\u4e00-\u9fff])营销服务(?:及其他)?收入"
                          r"|(?<=公司|实现|季度|Q[1-4])营销服务(?:及其他)?收入", frozenset({"kuaishou", "pdd"})),
    ("revenue_marketing", r"customer management revenues?|客户管理收入|(?<![A-Za-z])CMR(?![A-Za-z])(?: ?收入| revenues?)?", frozenset({"alibaba"})),
    ("revenue_commerce", r"(?:revenues? from )?other services?(?: revenues?)?|其他服务(?:收入)?|其他业务收入"
                         # (rules17) a broker's "包括电商收入在内的其他收入" and "其他服务(含电商业务)收入": other services revenue, named by
                         # what it includes (a bare "其他收入" is never read: it may be other income)
                         r"|包括电商(?:业务)?(?:收入)?在内的其他(?:服务)?收入|其他服务 ?[(（]含电商(?:业务)?(?:收入)?[)）] ?收入",
     frozenset({"kuaishou"})),
    ("revenue_commerce", r"(?:revenues? from )?transaction (?:services?|commissions?)(?: revenues?)?|commission revenues?"
                         r"|交易服务(?:收入)?|佣金收入", frozenset({"pdd"})),
    ("revenue_commerce", r"(?<!other )(?<!and )(?:net )?service revenues?|(?<![\u4e00-\u9fff])服务收入|(?<=京东|公司|集团|实现|季度)服务收入",
     frozenset({"jd"})),
    # --- GMV
    ("gmv", r"(?:total )?(?:e-commerce )?GMV|gross merchandise (?:value|volume)|电商(?:商品)?交易总额|商品交易总额|电商GMV", frozenset({"kuaishou"})),
    ("gmv_ttm", r"GMV|gross merchandise (?:value|volume)", frozenset({"pdd"})),
    (OTHER, BLOCKERS, _ANY),
)

# The words a bare "revenue" may follow to be the company's total: a clause's start, its subject, a verb of reporting.
BARE_REVENUE_BEFORE_EN = re.compile(
    r"(?:^|[,;:(\-–—] ?|\b(?:(?:first|second|third|fourth)[- ]quarter|said"
    r"|total|net|its|the|of|achieved|reported|posted|recorded|generated|with|quarterly|overall|while|and|but|as"
    r"|company's|group's|firm's|Kuaishou's|PDD's|Pinduoduo's|JD's|Alibaba's|a"
    # (heldout17) a period's word on the revenue: "the first half-year revenue reached", "Kuaishou's annual revenue in 2022 was" (its own
    # period placed, or refused, as any clause's; a name, so a clause after it is its own)
    r"|(?:first|second)[- ]half(?:[- ]year)?|half[- ]year|full[- ]year|annual|yearly)) ?$"
    # (rules15) a broker's compact quarter between the subject and the word: "Kuaishou's 3Q21 revenue", "the company's Q4 2024 revenue"
    r"|(?:^|[,;:(] ?|\b(?:its|the|company's|group's|firm's|Kuaishou's|PDD's|Pinduoduo's|JD's|Alibaba's) )"
    r"(?:[1-4]Q ?\d{2}|Q[1-4] ?(?:20)?\d{2}|20\d{2} ?Q[1-4]|\d{2}Q[1-4]) ?$", re.IGNORECASE)
BARE_REVENUE_BEFORE_ZH = re.compile(r"(?:^|[,;:(\-]|(?<![\d.])\d{1,2} ?[、.)] ?"  # a numbered list item: "1、收入为..."
                                    r"|公司|集团|快手|京东|阿里巴巴|阿里|拼多多|实现了?|录得|取得|其|季度|财季|Q[1-4]|年|期内|季内)$")

# (low, high) for one quarter, in RMB billion or million people (see the module's table)
BANDS: dict[tuple[str, str], tuple[float, float]] = {
    ("kuaishou", "revenue_total"): (5, 60), ("kuaishou", "revenue_marketing"): (1, 40), ("kuaishou", "revenue_commerce"): (0.3, 15),
    ("kuaishou", "gmv"): (10, 600), ("kuaishou", "dau"): (100, 600), ("kuaishou", "mau"): (200, 1000),
    ("kuaishou", "annual_buyers"): (50, 1000), ("kuaishou", "monthly_buyers"): (30, 400),
    ("pdd", "revenue_total"): (1, 150), ("pdd", "revenue_marketing"): (0.5, 80), ("pdd", "revenue_commerce"): (0.05, 80),
    ("pdd", "gmv_ttm"): (100, 8000), ("pdd", "mau"): (100, 1000), ("pdd", "annual_buyers"): (100, 1000),
    ("jd", "revenue_total"): (50, 450), ("jd", "revenue_commerce"): (5, 120), ("jd", "annual_buyers"): (100, 800),
    ("alibaba", "revenue_total"): (30, 350), ("alibaba", "revenue_marketing"): (20, 150), ("alibaba", "mau"): (500, 1300),
    ("alibaba", "annual_buyers"): (400, 1100),
}
_ADDITIVE = ("revenue_total", "revenue_marketing", "revenue_commerce", "gmv")


def band_for(platform: str, metric: str, kind: str) -> tuple[float, float] | None:
    """The plausible range of a figure of ``metric`` for ``platform`` over a period of ``kind`` (quarter, year, fiscal_year), or None
    when no band is known (the clause reader then reads nothing)."""
    band = BANDS.get((platform, metric))
    if band is None:
        return None
    if kind != "quarter" and metric in _ADDITIVE:
        return band[0] * 3, band[1] * 4.5
    return band
