"""The one exception root (kreport/errors.py): every error kreport raises on purpose, and how it reads."""

from __future__ import annotations

import pytest

from kreport.errors import BuildError, DataError, KreportError, ModelError, ParameterError


@pytest.mark.parametrize("cls", [DataError, ParameterError, ModelError, BuildError])
def test_every_error_is_a_kreport_error(cls):
    assert issubclass(cls, KreportError) and issubclass(KreportError, Exception)


def test_a_parameter_error_is_also_a_value_error():
    # Callers that guard against bad values with `except ValueError` catch it too.
    assert issubclass(ParameterError, ValueError)
    assert not issubclass(DataError, ValueError)


def test_data_error_locates_the_problem_as_file_line_column():
    error = DataError("metrics.csv", 12, "value", "'lots' is not a number")
    assert (error.file, error.line, error.column, error.message) == ("metrics.csv", 12, "value", "'lots' is not a number")
    assert str(error) == "metrics.csv:12: value: 'lots' is not a number"
    assert error.args == ("metrics.csv:12: value: 'lots' is not a number",)


@pytest.mark.parametrize("line, column, expected", [
    (None, None, "events.csv: file is missing"),
    (1, None, "events.csv:1: file is missing"),
    (None, "date", "events.csv: date: file is missing"),
])
def test_data_error_leaves_out_what_it_does_not_know(line, column, expected):
    assert str(DataError("events.csv", line, column, "file is missing")) == expected


def test_data_error_takes_a_path_and_keeps_it_as_text(tmp_path):
    error = DataError(tmp_path / "metrics.csv", 3, None, "bad")
    assert error.file == str(tmp_path / "metrics.csv")
    assert str(error) == f"{tmp_path / 'metrics.csv'}:3: bad"


def test_parameter_error_names_the_parameter_the_form_and_the_value():
    error = ParameterError("quarter", "2025Q5", "a quarter written YYYYQn")
    assert (error.name, error.value, error.expected) == ("quarter", "2025Q5", "a quarter written YYYYQn")
    assert str(error) == "The value for `quarter` must be a quarter written YYYYQn, but '2025Q5' was passed."
    # The value is shown as Python writes it, so a number and a string of digits differ.
    assert str(ParameterError("top", 2.5, "of type int")).endswith("but 2.5 was passed.")
    assert str(ParameterError("top", "2", "of type int")).endswith("but '2' was passed.")


def test_errors_can_be_raised_and_caught_by_the_root():
    with pytest.raises(KreportError) as caught:
        raise ModelError("a forecast needs at least 3 consecutive observations; found 2")
    assert str(caught.value) == "a forecast needs at least 3 consecutive observations; found 2"
