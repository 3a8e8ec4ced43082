"""The report set (kreport/publish/catalog.py): one notebook and one parameter grid per report."""

from __future__ import annotations

import pytest

from kreport.config import NOTEBOOKS_DIR
from kreport.errors import ParameterError
from kreport.publish.catalog import LANGUAGES, REPORTS, ReportSpec, get_report
from kreport.render.text import REPORT_NAMES


def test_one_report_per_name_in_reading_order():
    assert tuple(REPORTS) == REPORT_NAMES == ("brief", "comparison", "platform", "trends", "data")
    assert all(name == spec.name for name, spec in REPORTS.items())
    assert LANGUAGES == ("zh", "en")


def test_each_report_has_its_notebook_named_after_it():
    for name, spec in REPORTS.items():
        assert spec.notebook == f"{name}.ipynb"
        assert spec.path == NOTEBOOKS_DIR / f"{name}.ipynb"
        assert spec.path.is_file(), spec.path


def test_grids_vary_by_language_and_the_platform_reports_by_platform():
    assert {name: spec.grid for name, spec in REPORTS.items()} == {
        "brief": ("lang",), "comparison": ("lang",), "platform": ("platform", "lang"),
        "trends": ("platform", "lang"), "data": ("lang",)}


def test_titles_in_each_language():
    assert REPORTS["data"].title("en") == "Data appendix"
    assert REPORTS["data"].title("zh") == "数据附录"
    assert REPORTS["trends"].title("zh") == "增长趋势"


def test_a_test_catalogs_report_is_titled_by_its_name(tmp_path):
    spec = ReportSpec("good", str(tmp_path / "good.ipynb"), ("lang",))
    assert spec.title("zh") == spec.title("en") == "good"
    assert spec.path == tmp_path / "good.ipynb"  # an absolute notebook path is kept as it is


def test_get_report():
    assert get_report("trends") is REPORTS["trends"]
    with pytest.raises(ParameterError) as caught:
        get_report("summary")
    assert (caught.value.name, caught.value.value) == ("report", "summary")
    assert "one of brief, comparison, platform, trends, data" in str(caught.value)


def test_a_spec_is_frozen():
    with pytest.raises(AttributeError):
        REPORTS["brief"].grid = ("platform",)
