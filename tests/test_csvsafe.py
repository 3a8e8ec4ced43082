"""Cells a spreadsheet would run as a formula (kreport/csvsafe.py): neutralised, numbers kept (OWASP CSV injection)."""

import pytest

from kreport.csvsafe import csv_cell, formula_like, neutralise


@pytest.mark.parametrize("text", ["=1+1", "+A1", "-A1", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://evil.example","x")', "-", "+"])
def test_formula_starts_get_an_apostrophe(text):
    assert formula_like(text) and neutralise(text) == "'" + text
    assert not formula_like(neutralise(text))


@pytest.mark.parametrize("text", ["-4.2", "+3", "12", "1e-3", "-.5", "", "plain", "'=already", "a=b", " =1"])
def test_numbers_and_plain_text_are_kept(text):
    assert not formula_like(text) and neutralise(text) == text


@pytest.mark.parametrize("text, written", [("-0", "0"), ("-0.0", "0.0"), ("-0.00e3", "0.00e3"), ("-0.01", "-0.01")])
def test_negative_zero_is_written_as_zero(text, written):
    assert neutralise(text) == written


def test_csv_cell_keeps_numbers_numeric():
    assert csv_cell(-4.2) == -4.2 and csv_cell(-1) == -1
    assert str(csv_cell(-0.0)) == "0.0" and csv_cell(None) is None
    assert csv_cell("=1") == "'=1"
