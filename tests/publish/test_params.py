"""Typed notebook parameters (kreport/params.py): read from the `parameters` cell, checked before a run."""

from __future__ import annotations

from pathlib import Path

import pytest

from kreport.errors import ParameterError
from kreport.publish.catalog import REPORTS
from kreport.publish.params import check_lang, check_parameters, notebook_parameters

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PLATFORMS = ("kuaishou", "douyin", "alibaba", "jd")


@pytest.fixture(scope="module")
def declared() -> dict:
    return notebook_parameters(FIXTURES / "platform.ipynb")


def test_notebook_parameters_reads_names_types_defaults_and_help(declared):
    assert list(declared) == ["quarter", "lang", "data_dir", "platform", "top"]
    assert {k: v["type"] for k, v in declared.items()} == {
        "quarter": "str", "lang": "str", "data_dir": "str", "platform": "str", "top": "int"}
    assert declared["quarter"]["default"] == '"2025Q3"'
    assert declared["top"]["default"] == "5"
    assert declared["quarter"]["help"] == "quarter reported on, YYYYQn"
    assert declared["top"]["help"] == "rows in the table"


def test_shipped_notebooks_declare_typed_quarter_and_lang():
    existing = [spec for spec in REPORTS.values() if spec.path.exists()]
    assert existing, "no report notebook exists"
    for spec in existing:
        params = notebook_parameters(spec.path)
        assert params["quarter"]["type"] == "str", spec.name
        assert params["lang"]["type"] == "str", spec.name
        for grid_name in spec.grid:
            assert grid_name in params, f"{spec.name} varies {grid_name} but does not declare it"


def test_check_parameters_returns_valid_values_unchanged(declared):
    values = {"quarter": "2024Q4", "lang": "zh", "platform": "douyin", "top": 3, "data_dir": ""}
    assert check_parameters(declared, values, PLATFORMS) is values


@pytest.mark.parametrize("name, value, expected", [
    ("quarter", "2025Q5", "YYYYQn"),
    ("quarter", "2025-13", "YYYYQn"),
    ("quarter", "Q3 2025", "YYYYQn"),
    ("lang", "fr", "one of zh, en"),
    ("platform", "tiktok", "one of alibaba, douyin, jd, kuaishou"),
    ("top", "many", "of type int"),
    ("top", 2.5, "of type int"),
    ("quarter", 2025, "of type str"),
    ("colour", "red", "a parameter the notebook declares: quarter, lang, data_dir, platform, top"),
])
def test_check_parameters_names_the_parameter_and_the_accepted_form(declared, name, value, expected):
    with pytest.raises(ParameterError) as info:
        check_parameters(declared, {"quarter": "2025Q3", name: value}, PLATFORMS)
    error = info.value
    assert (error.name, error.value) == (name, value)
    message = str(error)
    assert "\n" not in message
    assert message.startswith(f"The value for `{name}` must be ")
    assert expected in message
    assert repr(value) in message


def test_check_lang():
    assert check_lang("zh") == "zh"
    with pytest.raises(ParameterError, match="`lang` must be one of zh, en, but 'EN' was passed"):
        check_lang("EN")
