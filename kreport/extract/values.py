"""Figures as published: their digits, their precision, and whether two of them state the same value.

Two figures agree when they are equal at the precision of the coarser one: 294 RMB_100m and
29408 RMB_mn agree (29408 rounds to 294.08 hundred million), 4.1 100m and 4.162 100m do not.
"""

from __future__ import annotations

import math

from kreport.dataset.schema import UNITS

__all__ = ["plain", "decimals", "canonical", "agrees", "within_growth"]


def plain(text: str) -> str:
    """``"2,225"`` → ``"2225"``; the digits and decimals as written (``"6.400"`` stays)."""
    return text.replace(",", "").strip()


def decimals(text: str) -> int:
    text = plain(text)
    return len(text.split(".", 1)[1]) if "." in text else 0


def canonical(value: str, unit: str) -> float:
    return float(plain(value)) * UNITS[unit].factor


def _half_step(value: str, unit: str) -> float:
    return 0.5 * 10 ** -decimals(value) * UNITS[unit].factor


def agrees(value: str, unit: str, other: str, other_unit: str) -> bool:
    """True when the two figures state the same value at the coarser precision of the two."""
    if UNITS[unit].kind != UNITS[other_unit].kind:
        return False
    tolerance = max(_half_step(value, unit), _half_step(other, other_unit))
    return abs(canonical(value, unit) - canonical(other, other_unit)) <= tolerance * (1 + 1e-9)


def within_growth(value: str, unit: str, earlier: str, earlier_unit: str, percent: str, sign: int) -> bool:
    """Whether ``value`` against ``earlier`` gives the stated change of ``sign`` × ``percent`` %, allowing
    for the rounding of all three numbers as printed."""
    low_now, high_now = (canonical(value, unit) + s * _half_step(value, unit) for s in (-1, 1))
    low_then, high_then = (canonical(earlier, earlier_unit) + s * _half_step(earlier, earlier_unit) for s in (-1, 1))
    if low_then <= 0 or math.isnan(low_now):
        return False
    lowest, highest = (low_now / high_then - 1) * 100, (high_now / low_then - 1) * 100
    step = 0.5 * 10 ** -decimals(percent)
    stated = sign * float(plain(percent))
    return lowest - step - 0.05 <= stated <= highest + step + 0.05
