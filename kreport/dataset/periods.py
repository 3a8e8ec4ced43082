"""Parsing of the period forms kreport accepts: quarters, calendar years, fiscal years."""

from __future__ import annotations

import re

import pandas as pd

from kreport.errors import ParameterError

__all__ = ["QUARTER_FORM", "parse_quarter", "parse_period", "period_quarters", "period_label", "year_label"]

QUARTER_FORM = "a quarter written YYYYQn, for example 2025Q3"
_QUARTER = re.compile(r"^(\d{4})Q([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")
_FISCAL = re.compile(r"^FY(\d{4})$")


def parse_quarter(text, name: str = "quarter") -> pd.Period:
    """Return the quarterly Period for ``"2025Q3"``; raise ParameterError naming ``name`` otherwise."""
    if isinstance(text, pd.Period) and text.freqstr.startswith("Q"):
        return text
    match = _QUARTER.match(str(text).strip()) if isinstance(text, str) else None
    if not match or not 1990 <= int(match.group(1)) <= 2100:
        raise ParameterError(name, text, QUARTER_FORM)
    return pd.Period(year=int(match.group(1)), quarter=int(match.group(2)), freq="Q-DEC")


def parse_period(text: str, fiscal_year_end_month: int = 12) -> tuple[pd.Period, str]:
    """Parse a data-file period into ``(Period, kind)``.

    ``2022Q1`` is a calendar quarter, ``2022`` a calendar year, ``FY2022`` the fiscal year
    ending in ``fiscal_year_end_month`` of 2022 (Alibaba's FY2022 runs April 2021 to March 2022).
    Raises ValueError with the accepted forms for anything else.
    """
    text = text.strip()
    year = re.match(r"^(?:FY)?(\d{4})", text)
    if year and not 1990 <= int(year.group(1)) <= 2100:
        # A mistyped year (0000, 2202Q1) would otherwise pass as a real period.
        raise ValueError(f"{text!r} has the year {year.group(1)}; expected a year from 1990 to 2100")
    if match := _QUARTER.match(text):
        return pd.Period(year=int(match.group(1)), quarter=int(match.group(2)), freq="Q-DEC"), "quarter"
    if match := _YEAR.match(text):
        return pd.Period(year=int(match.group(1)), freq="Y-DEC"), "year"
    if match := _FISCAL.match(text):
        month = pd.Timestamp(year=2000, month=fiscal_year_end_month, day=1).strftime("%b").upper()
        return pd.Period(year=int(match.group(1)), freq=f"Y-{month}"), "fiscal_year"
    raise ValueError(
        f"{text!r} is not a period; expected a quarter (2022Q1), a calendar year (2022) "
        "or a fiscal year (FY2022)"
    )


def period_quarters(period: pd.Period) -> pd.PeriodIndex:
    """The calendar quarters a period spans (a fiscal year ending March: Q2 to Q1)."""
    return pd.period_range(period.start_time, period.end_time, freq="Q-DEC")


def period_label(period: pd.Period, kind: str | None = None) -> str:
    """A period as readers and metrics.csv write it: 2024Q3, 2024, or FY2021 for a fiscal year.

    ``kind`` (the loaded frame's ``period_kind``) may be left out: it follows from the period's frequency.
    """
    if kind is None:
        kind = "quarter" if period.freqstr.startswith("Q") else (
            "year" if period.freqstr in ("Y-DEC", "A-DEC") else "fiscal_year")
    return f"FY{period.year}" if kind == "fiscal_year" else str(period)


def year_label(period: pd.Period, kind: str) -> str:
    """The year a figure belongs to: 2024, or FY2021 for a fiscal year (a quarter gives its calendar year)."""
    return f"FY{period.year}" if kind == "fiscal_year" else str(period.year)

