"""JD.com's results releases, in English: net revenues, net service revenues, annual active customer accounts."""

from __future__ import annotations

from kreport.extract.rules.common import DATE, NUM, YEAR, money_en, people_en, rule

__all__ = ["RULES"]

_QUARTER = rf"the (?:first|second|third|fourth) quarter of {YEAR}"
_PERIOD = rf"(?P<when>{_QUARTER}|(?:the )?(?:full )?year(?: of)? {YEAR})"
_CHANGE = rf"an? (?P<dir>increase|decrease) of (?P<g>{NUM})% from (?:{_QUARTER}|(?:the )?(?:full )?year(?: of)? {YEAR})"

_NET_REVENUES = "net revenues"
_NET_SERVICE = "JD net service revenues (marketplace and marketing plus logistics and other services)"

RULES = (
    # "Net revenues for the second quarter of 2020 were RMB201.1 billion (US$28.5 billion), an increase of ..."
    rule("revenue_total", rf"^Net revenues for {_PERIOD} (?P<lead>were|was) {money_en()}, {_CHANGE}", _NET_REVENUES,
         english=True, kinds=("quarter", "year", "intro")),
    rule("revenue_commerce", rf"^Net service revenues for {_PERIOD} (?P<lead>were|was) {money_en()}, {_CHANGE}", _NET_SERVICE,
         english=True, kinds=("quarter", "year", "intro")),
    # The later order: "Net revenues were RMB291.4 billion (US$40.1 billion) for the second quarter of 2024, an increase of ..."
    rule("revenue_total", rf"^Net revenues (?P<lead>were|was) {money_en()} for {_PERIOD}, {_CHANGE}", _NET_REVENUES,
         english=True, kinds=("quarter", "year", "intro")),
    rule("revenue_commerce", rf"^Net service revenues (?P<lead>were|was) {money_en()} for {_PERIOD}, {_CHANGE}", _NET_SERVICE,
         english=True, kinds=("quarter", "year", "intro")),
    rule("annual_buyers", rf"^Annual active customer accounts (?P<dir>increased|decreased) by (?P<g>{NUM})% to {people_en()} "
         rf"in the twelve months ended (?P<when>{DATE})(?: from {people_en('pv', 'pu')} in the twelve months ended (?P<pwhen>{DATE}))?",
         "annual active customer accounts in the twelve months ended the period's last day", english=True, period="ttm"),
)
