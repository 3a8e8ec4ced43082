"""The comparison's findings in words: one sentence with its numbers, period and basis, and its strongest caveat.

The findings are computed by :mod:`kreport.stats.findings`; this module only words them, for the
comparison's conclusion and, in short, the brief (two sections that may not import each other).
"""

from __future__ import annotations

from kreport.dataset.periods import period_label
from kreport.render.numbers import format_change

__all__ = ["finding_sentence", "caveat_sentence", "graded"]


def _grade_words(rep, grade: str) -> str:
    return "" if grade == "reported" else rep.t(f"brief.tk.grade.{grade}")


def graded(rep, text: str, grade: str) -> str:
    """``text`` with a word saying it rests on an estimate (or one media page), placed before its closing stop."""
    words = _grade_words(rep, grade)
    if not words:
        return text
    stop = text[-1] if text and text[-1] in ".。" else ""
    return text[: len(text) - len(stop)] + words + stop


def _growth_list(rep, latest: dict, metric: str, focus: str) -> str:
    parts = []
    for platform, (period, value, grade) in sorted(latest.items(), key=lambda item: -item[1][1]):
        if platform == focus:
            continue
        parts.append(rep.t("find.item", name=rep.owner_name(platform, metric), change=format_change(value),
                           period=period_label(period)) + _grade_words(rep, grade))
    return rep.t("list.separator").join(parts)


def finding_sentence(rep, finding) -> str:
    """One sentence of a finding, with its numbers, periods and, where it rests on estimates, a word saying so."""
    v = finding.values
    if finding.code in ("revenue_growth", "commerce_growth"):
        metric = "revenue_total" if finding.code == "revenue_growth" else "revenue_commerce"
        period, value, grade = v["latest"]["kuaishou"]
        return rep.t(f"find.{finding.code}.{finding.direction}", owner=rep.owner_name("kuaishou", metric),
                     change=format_change(value), period=period_label(period),
                     others=_growth_list(rep, v["latest"], metric, "kuaishou"),
                     gap=f"{abs(v['gap']) * 100:.1f}")
    if finding.code == "gmv_growth":
        return rep.t(f"find.gmv_growth.{finding.direction}", year=period_label(v["year"]), kuaishou=format_change(v["kuaishou"]),
                     douyin=format_change(v["douyin"]) + _grade_words(rep, finding.grade))
    if finding.code.startswith("shelf_share."):
        platform = finding.code.split(".", 1)[1]
        (p0, v0, q0), (p1, v1, q1) = v["first"], v["last"]
        return graded(rep, rep.t(f"find.shelf_share.{finding.direction}", name=rep.platform_name(platform),
                                 first=rep.format(v0, "fraction", q0), first_period=period_label(p0),
                                 last=rep.format(v1, "fraction", q1), last_period=period_label(p1)), finding.grade)
    if finding.code.startswith("market_share."):
        platform = finding.code.split(".", 1)[1]
        (p0, v0, q0), (p1, v1, q1) = v["first"], v["last"]
        return graded(rep, rep.t(f"find.market_share.{finding.direction}", name=rep.platform_name(platform),
                                 first=rep.format(v0, "fraction", q0), first_period=rep.span_label(p0),
                                 last=rep.format(v1, "fraction", q1), last_period=rep.span_label(p1),
                                 points=f"{abs(v['change']) * 100:.1f}"), finding.grade)
    return ""


def caveat_sentence(rep, finding) -> str:
    """The strongest caveat against a finding."""
    if finding.caveat == "scope_break":
        names = rep.t("list.separator").join(rep.platform_name(p) for p in finding.values.get("breaks", []))
        return rep.t("find.caveat.scope_break", names=names)
    return rep.t(f"find.caveat.{finding.caveat}")
