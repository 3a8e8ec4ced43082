"""Numbers as readers read them (kreport/render/numbers.py): canonical units and the derived ones charts plot."""

from __future__ import annotations

import math

import pytest

from kreport.render.numbers import format_change, format_quantity, format_value, quantity


@pytest.mark.parametrize("value, unit, qualifier, expected", [
    (385.0, "RMB_bn", "", "385"),
    (1234.5, "RMB_bn", "", "1,234"),  # one decimal only below 100
    (99.94, "RMB_bn", "", "99.9"),
    (12.34, "million", "about", "≈12.3"),
    (210.0, "million", "over", ">210"),
    (5.0, "million", "under", "<5"),  # a bound keeps the digits it was stated with
    (4.162, "million", "", "4.16"),  # three significant digits
    (0.0966, "RMB_bn", "", "0.0966"),
    (0.725, "fraction", "", "72.5%"),  # a share keeps its tenth of a point (take rates run 1.00–1.53%)
    (0.7, "fraction", "over", ">70%"),
])
def test_format_value(value, unit, qualifier, expected):
    assert format_value(value, unit, qualifier) == expected


@pytest.mark.parametrize("function", [format_value, quantity, format_quantity])
@pytest.mark.parametrize("missing", [None, math.nan])
def test_missing_values_print_as_a_dash(function, missing):
    assert function(missing, "RMB_bn") == "–"
    assert format_change(missing) == "–"


@pytest.mark.parametrize("value, unit, qualifier, lang, expected", [
    (209.0, "RMB_bn", "", "en", "209 RMB bn"),
    (209.0, "RMB_bn", "", "zh", "2090亿元"),  # 亿元 = RMB 100 million (CLDR's compact form)
    (3000.0, "RMB_bn", "about", "zh", "≈3万亿元"),  # never a five-digit 亿 figure
    (3500.0, "RMB_bn", "", "zh", "3.5万亿元"),
    (7494.0, "RMB_bn", "", "zh", "7.49万亿元"),
    (413.2, "million", "", "zh", "4.13亿"),  # 亿 = 100 million people
    (410.0, "million", "", "zh", "4.1亿"),
    (429.8, "million", "", "zh", "4.3亿"),  # three significant digits (4.30), never four (4.298亿) for a trailing zero
    (2455.6, "RMB_bn", "", "zh", "2.46万亿元"),
    (900.0, "million", "over", "zh", ">9亿"),
    (0.0966, "RMB_bn", "", "en", "96.6 RMB mn"),  # never "0.1 RMB bn"
    (0.0966, "RMB_bn", "", "zh", "9660万元"),
    (410.0, "million", "", "en", "410 million"),
    (0.72, "fraction", "", "zh", "72%"),
])
def test_quantity_in_each_language(value, unit, qualifier, lang, expected):
    assert quantity(value, unit, qualifier, lang) == expected


def test_format_change_is_signed_with_one_decimal():
    assert format_change(209 / 190 - 1) == "+10.0%"
    assert format_change(-0.0514) == "-5.1%"
    assert format_change(0.0) == "+0.0%"


@pytest.mark.parametrize("value, unit, lang, expected", [
    (0.152, "growth", "en", "+15.2%"),
    (132.81, "index", "en", "132.8"),
    (2039.02, "RMB", "en", "RMB 2,039"),
    (2039.02, "RMB", "zh", "2,039元"),
    (0.0531, "log_change", "en", "+5.3"),  # log points × 100
    (-0.0012, "log_change", "zh", "-0.1"),
    (1.1874, "ratio", "en", "1.19"),
])
def test_derived_units_read_their_own_way(value, unit, lang, expected):
    assert format_quantity(value, unit, lang=lang) == expected


def test_canonical_units_read_as_quantities():
    assert format_quantity(209.0, "RMB_bn", "about", "en") == quantity(209.0, "RMB_bn", "about", "en") == "≈209 RMB bn"
    assert format_quantity(410.0, "million", "", "zh") == "4.1亿"
