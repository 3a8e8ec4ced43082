"""Cells a spreadsheet would run as a formula, made inert: the output encoding of every CSV kreport writes.

A foundation like ``files`` and ``errors``: every layer may use it, and it imports no layer.

Following the OWASP guidance on CSV injection, a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or
a carriage return is written with a single quote before it (``'=HYPERLINK(...)``), which a spreadsheet
shows as text and never evaluates. A cell that is a plain number (``-4.2``, ``+3``, ``1e-3``) is left as
it is: a spreadsheet reads it as that number, so genuine negative figures stay numeric. Negative zero
(``-0.0``, a rounding of a tiny negative change) is written as ``0.0``.
"""

from __future__ import annotations

import math
import re

__all__ = ["FORMULA_STARTS", "formula_like", "neutralise", "csv_cell"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A number a spreadsheet reads as a number, never as a formula: sign, digits, one decimal point, exponent.
_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?")
_NEGATIVE_ZERO = re.compile(r"-(?:0+(?:\.0*)?|\.0+)(?:[eE][-+]?\d+)?")


def formula_like(text: str) -> bool:
    """Whether a spreadsheet could read ``text`` as a formula: it starts with one of FORMULA_STARTS and
    is not a plain number."""
    return text.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(text)


def neutralise(text: str) -> str:
    """``text`` as a spreadsheet shows it but never runs it: a formula-like cell gets a leading ``'``;
    a plain number is kept (``-0`` becomes ``0``)."""
    if _NEGATIVE_ZERO.fullmatch(text):
        return text[1:]
    return "'" + text if formula_like(text) else text


def csv_cell(value: object) -> object:
    """One cell of a table about to be written as CSV: strings neutralised, numbers kept numeric
    (negative zero as zero), anything else unchanged."""
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, float) and value == 0 and math.copysign(1.0, value) < 0:
        return 0.0
    return value
