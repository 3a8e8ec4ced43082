"""The wordings each company's results releases use for each metric: one module per company.

A platform with no module here (Douyin: ByteDance publishes no results) gives no figures.
"""

from __future__ import annotations

from kreport.extract.rules import alibaba, jd, kuaishou, pdd
from kreport.extract.rules.common import Rule

__all__ = ["RULES", "Rule"]

RULES: dict[str, tuple[Rule, ...]] = {
    "kuaishou": kuaishou.RULES,
    "pdd": pdd.RULES,
    "alibaba": alibaba.RULES,
    "jd": jd.RULES,
}
