"""Alibaba's results releases, in English: group revenue and the China retail marketplaces' consumers.

Only the marketplace figures ("on our China retail marketplaces") are read: ecosystem-wide or global
figures ("one billion annual active consumers globally", "US$1.2 trillion in GMV") and guidance
("We expect to generate over RMB930 billion in revenue") are not the platform's and are left alone.
"""

from __future__ import annotations

from kreport.extract.rules.common import DATE, LEAD_EN, MONTH, NUM, YEAR, money_en, people_en, rule

__all__ = ["RULES"]

_MARKETPLACES = "on our China retail marketplaces"

RULES = (
    rule("revenue_total", rf"^Revenue {LEAD_EN} {money_en()}, (?:an? (?P<dir>increase|decrease) of (?P<g>{NUM})% year-over-year"
         rf"|(?:and )?remained stable year-over-year)",
         "group revenue (all segments)", english=True, kinds=("quarter", "year")),
    # "Customer management revenue at Taobao and Tmall Group grew 9% year-over-year to RMB100,790 million": CMR,
    # which the vocabulary maps to revenue_marketing (provisional: it includes commissions; data/README.md).
    rule("revenue_marketing", rf"^Customer management revenue (?:at|of|from) (?:our )?Taobao and Tmall Group "
         rf"(?:(?P<dir>increased|grew|decreased) (?:by )?(?P<g>{NUM})%(?: year-over-year)? to|(?P<lead>was|were|reached)) {money_en()}",
         "customer management revenue (CMR) of Taobao and Tmall Group (provisional mapping: includes commissions)",
         english=True, kinds=("quarter",)),
    rule("annual_buyers", rf"^Annual active consumers {_MARKETPLACES} {LEAD_EN} {people_en()}"
         rf"(?: (?:for|in) the twelve months(?: period)? ended (?P<when>{DATE}))?",
         "China retail marketplaces (Taobao+Tmall); active consumers in the twelve months ended the period's last day",
         english=True, kinds=("quarter",), period="ttm"),
    rule("mau", rf"^Mobile monthly active users(?: \(MAUs?\))? {_MARKETPLACES} {LEAD_EN} {people_en()} in (?P<when>{MONTH} {YEAR})",
         "mobile MAU on China retail marketplaces in the month named", english=True, kinds=("quarter",)),
)
