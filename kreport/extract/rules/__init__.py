"""The wordings each company's results releases use for each metric: one module per company.

A platform with no module here (Douyin: ByteDance publishes no results) gives no figures.
"""

from __future__ import annotations

from kreport.extract.rules import alibaba, jd, kuaishou, pdd
from kreport.extract.rules.common import Rule
from kreport.extract.rules.paraphrase import fiscal_year_rules, full_year_rules, paraphrase_rules
from kreport.extract.rules.rewrites import rewrite_rules

__all__ = ["RULES", "Rule"]

RULES: dict[str, tuple[Rule, ...]] = {
    "kuaishou": kuaishou.RULES + paraphrase_rules("kuaishou") + full_year_rules("kuaishou") + rewrite_rules("kuaishou"),
    "pdd": pdd.RULES + paraphrase_rules("pdd") + full_year_rules("pdd") + rewrite_rules("pdd"),
    "alibaba": alibaba.RULES + paraphrase_rules("alibaba") + fiscal_year_rules() + rewrite_rules("alibaba"),
    "jd": jd.RULES + paraphrase_rules("jd") + full_year_rules("jd") + rewrite_rules("jd"),
}
