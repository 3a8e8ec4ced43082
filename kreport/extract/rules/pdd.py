"""PDD's (Pinduoduo's) results releases, in English: the quarter's highlights and the fiscal-year block.

GMV and active buyers are for the twelve months ended a date (``gmv_ttm``, ``annual_buyers``); revenues
and monthly active users are for the quarter ("in the quarter") or the year. The machine translations some
pages interleave with the English text are not read.
"""

from __future__ import annotations

from kreport.extract.rules.common import CHANGE_EN, DATE, FN, LEAD_EN, YEAR, money_en, people_en, rule

__all__ = ["RULES"]

_TTM = "in the twelve[- ]month period ended"
_SAME_QUARTER = rf"(?P<pwhen>in the same quarter (?:of {YEAR}|last year))"
_SAME_YEAR = rf"(?P<pwhen>in (?:fiscal year )?{YEAR})"
_REVENUE = "total revenues of PDD Holdings (Pinduoduo and Temu from 2022Q3)"
_MARKETING = "PDD 'online marketing services and others' line"
_TRANSACTION = "PDD 'transaction services' line (from 2023 it includes Temu-related fees)"


def _quarter_line(subject: str) -> str:
    return rf"^{subject} (?:in the quarter )?{LEAD_EN} {money_en()}(?:, {CHANGE_EN} from {money_en('pv', 'pu')} {_SAME_QUARTER})?"


RULES = (
    rule("gmv_ttm", rf"^GMV{FN} {_TTM} (?P<when>{DATE}) {LEAD_EN} {money_en()}"
         rf"(?:, {CHANGE_EN} from {money_en('pv', 'pu')} {_TTM} (?P<pwhen>{DATE}))?",
         "GMV for the twelve months ended the period's last day", english=True, period="ttm"),
    rule("annual_buyers", rf"^Active buyers{FN} {_TTM} (?P<when>{DATE}) {LEAD_EN} {people_en()}"
         rf"(?:, {CHANGE_EN} from {people_en('pv', 'pu')} {_TTM} (?P<pwhen>{DATE}))?",
         "active buyers in the twelve months ended the period's last day", english=True, period="ttm"),
    rule("mau", rf"^Average monthly active users{FN} in the quarter {LEAD_EN} {people_en()}"
         rf"(?:, {CHANGE_EN} from {people_en('pv', 'pu')} {_SAME_QUARTER})?",
         "average monthly active users in the quarter", english=True, kinds=("quarter",)),
    rule("revenue_total", _quarter_line("Total revenues"), _REVENUE, english=True, kinds=("quarter",)),
    rule("revenue_total", rf"^Total revenues (?:in|for) (?P<when>(?:fiscal year )?{YEAR}) {LEAD_EN} {money_en()}"
         rf"(?:, {CHANGE_EN} from {money_en('pv', 'pu')} {_SAME_YEAR})?", _REVENUE, english=True, kinds=("year",)),
    rule("revenue_marketing", _quarter_line("Revenues from online marketing services and others"), _MARKETING,
         english=True, kinds=("quarter",)),
    rule("revenue_commerce", _quarter_line("Revenues from transaction services"), _TRANSACTION, english=True,
         kinds=("quarter",)),
)
