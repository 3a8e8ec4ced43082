"""Numbers as readers read them: RMB bn or 亿元 / 万亿元, millions or 亿 / 万, percentages, changes.

Chinese amounts follow CLDR's compact forms as Babel formats them (3.5万亿元, 3850亿元, 4.13亿,
9660万元), the way Chinese financial writing counts; English keeps RMB bn and million (RMB mn
below a billion, so a small figure never rounds to 0.1 RMB bn). Every figure keeps at least three
significant digits, and the qualifier of a bound or an approximate figure leads (≈, >, <).
"""

from __future__ import annotations

import math

from babel.lists import format_list
from babel.numbers import format_compact_decimal, format_decimal

__all__ = ["quantity", "format_value", "format_change", "format_quantity", "format_share"]

_QUALIFIER = {"": "", "about": "≈", "over": ">", "under": "<"}
_LOCALE = {"en": "en", "zh": "zh_Hans_CN"}
_SIGNIFICANT = 3


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _decimals(value: float, significant: int = _SIGNIFICANT) -> int:
    """Decimals that keep ``significant`` digits of ``value`` (none for values of that many digits or more)."""
    if value == 0 or not math.isfinite(value):
        return 0
    digits = int(math.floor(math.log10(abs(value)))) + 1
    return max(0, significant - digits)


def _plain(value: float, lang: str = "en", bound: bool = False) -> str:
    """A plain number with grouping and three significant digits: 3,850 · 385 · 33.7 · 4.16.

    A bound keeps only the digits it was stated with (">5", not ">5.00").
    """
    value = value + 0.0  # -0.0 reads as 0
    decimals = _decimals(round(value, 10))
    if bound:
        while decimals and round(value, decimals - 1) == round(value, decimals):
            decimals -= 1
    text = format_decimal(round(value, decimals), format=f"#,##0.{'0' * decimals}" if decimals else "#,##0",
                          locale=_LOCALE.get(lang, "en"))
    return "0" if text in ("-0", "−0") else text


def _compact_zh(amount: float) -> str:
    """An amount in Chinese compact form (万, 亿, 万亿) with three significant digits: 3.5万亿, 3850亿, 4.13亿.

    The amount is rounded to three significant digits first: 429.8 million is 4.3亿 (4.30, its trailing zero dropped as
    CLDR's compact form does), never 4.298亿, which would show a fourth digit where the third is a zero.
    """
    if amount:
        amount = float(f"{amount:.{_SIGNIFICANT}g}")
    best = format_compact_decimal(amount, locale=_LOCALE["zh"], fraction_digits=0)
    for fraction_digits in range(0, 4):
        best = format_compact_decimal(amount, locale=_LOCALE["zh"], fraction_digits=fraction_digits)
        if sum(c.isdigit() for c in best) >= _SIGNIFICANT:
            break
    return best


def format_value(value: float, unit: str, qualifier: str = "", lang: str = "en") -> str:
    """A canonical value for reading without its unit word: three significant digits, rates in %."""
    if _missing(value):
        return "–"
    prefix = _QUALIFIER.get(qualifier or "", "")
    if unit == "fraction":
        return prefix + format_share(value)
    return prefix + _plain(value, lang, bound=bool(prefix))


def format_share(value: float, precise: bool = False) -> str:
    """A share in per cent: 18.1% · 1.53% · 72%; ``precise`` keeps two decimals under 10% and one above."""
    if _missing(value):
        return "–"
    pct = value * 100 + 0.0
    decimals = 2 if abs(pct) < 10 else 1
    text = f"{pct:.{decimals}f}"
    if not precise and "." in text:
        text = text.rstrip("0").rstrip(".")
    return ("0" if text in ("-0", "") else text) + "%"


def quantity(value: float, unit: str, qualifier: str = "", lang: str = "en") -> str:
    """A value with its unit, the way a reader of ``lang`` counts: 3,850亿元 and 4.13亿 in Chinese."""
    if _missing(value):
        return "–"
    prefix = _QUALIFIER.get(qualifier or "", "")
    value = value + 0.0
    if unit == "fraction":
        return prefix + format_share(value)
    if lang == "zh" and unit == "RMB_bn":
        return f"{prefix}{_compact_zh(value * 1e9)}元"
    if lang == "zh" and unit == "million":
        return f"{prefix}{_compact_zh(value * 1e6)}"
    bound = bool(prefix)
    if unit == "RMB_bn":
        if abs(value) < 1 and value != 0:
            return f"{prefix}{_plain(value * 1000, bound=bound)} RMB mn"
        return f"{prefix}{_plain(value, bound=bound)} RMB bn"
    if unit == "million":
        return f"{prefix}{_plain(value, bound=bound)} million"
    return f"{prefix}{_plain(value, bound=bound)} {unit}"


def format_change(change: float) -> str:
    """A change in per cent with its sign: +15.2%, −3.1%; a change off a start-up base is not shown (–)."""
    if _missing(change) or not math.isfinite(change):
        return "–"
    change = round(change, 3) + 0.0
    return f"{change:+.1%}"


def format_quantity(value: float, unit: str, qualifier: str = "", lang: str = "en", precise: bool = False) -> str:
    """Any plotted value in the reader's units: canonical units as :func:`quantity`, derived ones their own way.

    Derived units: ``growth`` (a change, +15.2%), ``index`` (base = 100), ``RMB`` (per user, yuan),
    ``log_change`` (×100, log points), ``ratio`` (1 = average). ``precise`` keeps the digits a chart's
    data table needs to reproduce the chart.
    """
    if _missing(value):
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
    if unit == "fraction":
        return _QUALIFIER.get(qualifier or "", "") + format_share(value, precise=precise)
    return quantity(value, unit, qualifier, lang)


def listing(items, lang: str, style: str = "standard") -> str:
    """Items joined as the language lists them (CLDR via Babel): "A, B, and C" / "A、B和C"."""
    items = [str(i) for i in items]
    return format_list(items, style=style, locale=_LOCALE.get(lang, "en")) if items else ""
