"""Numbers as readers read them: RMB bn or 亿元, millions or 亿, percentages, changes."""

from __future__ import annotations

import math

__all__ = ["quantity", "format_value", "format_change", "format_quantity"]

_QUALIFIER = {"": "", "about": "≈", "over": ">", "under": "<"}


def format_value(value: float, unit: str, qualifier: str = "", lang: str = "en") -> str:
    """A canonical value for reading: RMB bn with one decimal, people in millions, rates in %."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    prefix = _QUALIFIER.get(qualifier or "", "")
    value = value + 0.0  # -0.0 reads as 0
    if unit == "fraction":
        text = f"{value:.0%}"
    elif value >= 100:
        text = f"{value:,.0f}"
    else:
        text = f"{value:,.1f}"
    return prefix + text


def quantity(value: float, unit: str, qualifier: str = "", lang: str = "en") -> str:
    """A value with its unit, the way a reader of ``lang`` counts: 亿元 and 亿 in Chinese."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if lang == "zh" and unit == "RMB_bn":
        return f"{format_value(value * 10, 'RMB_100m', qualifier)}亿元"
    if lang == "zh" and unit == "million":
        return f"{_QUALIFIER.get(qualifier or '', '')}{value / 100:,.2f}亿"
    suffix = {"RMB_bn": " RMB bn", "million": " million", "fraction": ""}.get(unit, f" {unit}")
    return f"{format_value(value, unit, qualifier)}{suffix}"


def format_change(change: float) -> str:
    if change is None or (isinstance(change, float) and math.isnan(change)):
        return "–"
    return f"{change:+.1%}"


def format_quantity(value: float, unit: str, qualifier: str = "", lang: str = "en") -> str:
    """Any plotted value in the reader's units: canonical units as :func:`quantity`, derived ones their own way.

    Derived units: ``growth`` (a change, +15.2%), ``index`` (base = 100), ``RMB`` (per user, yuan),
    ``log_change`` (×100, log points), ``ratio`` (1 = average).
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if unit == "growth":
        return format_change(value)
    if unit == "index":
        return f"{value:,.1f}"
    if unit == "RMB":
        return f"{value:,.0f}元" if lang == "zh" else f"RMB {value:,.0f}"
    if unit == "log_change":
        return f"{value * 100:+.1f}"
    if unit == "ratio":
        return f"{value:.2f}"
    return quantity(value, unit, qualifier, lang)

