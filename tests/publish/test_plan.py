"""Planning a build (kreport/publish/plan.py): every report × parameter set, run or skip, and why.

No kernel runs here: plan() reads the notebooks' parameters cells, the data and the manifest only.
The data is the synthetic dataset in tests/fixtures/data.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kreport.config import NOTEBOOKS_DIR
from kreport.errors import BuildError, ParameterError
from kreport.publish import plan as plan_module
from kreport.publish.catalog import REPORTS, ReportSpec
from kreport.publish.manifest import RunResult, save_manifest
from kreport.publish.plan import plan

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DATA = FIXTURES / "data"
PLATFORMS = ["kuaishou", "douyin", "alibaba", "pdd"]  # the order of tests/fixtures/data/platforms.csv


def spec(name: str, notebook: Path | str | None = None, grid=("lang",)) -> ReportSpec:
    """A report of the fixture notebook ``name`` (or of ``notebook``, an absolute path)."""
    path = Path(notebook) if notebook else FIXTURES / f"{name}.ipynb"
    assert NOTEBOOKS_DIR / path == path  # an absolute notebook path overrides notebooks/
    return ReportSpec(name, str(path), grid)


@pytest.fixture
def catalog(tmp_path) -> dict:
    """A platform report and a plain one, on copies of the fixture notebooks (free to edit)."""
    for name in ("platform", "good"):
        shutil.copyfile(FIXTURES / f"{name}.ipynb", tmp_path / f"{name}.ipynb")
    return {"platform": spec("platform", tmp_path / "platform.ipynb", grid=("platform", "lang")),
            "good": spec("good", tmp_path / "good.ipynb")}


def publish(quarter: str, runs, status: str = "built", slices=None) -> None:
    """What a build leaves behind: each run's page and a manifest entry with the run's key (and the data rows
    of its slice, given ``slices``, a plan's)."""
    quarter_dir = runs[0].output.parent
    for run in runs:
        run.output.parent.mkdir(parents=True, exist_ok=True)
        run.output.write_text("<!DOCTYPE html><html></html>\n", encoding="utf-8")
    save_manifest(quarter_dir, quarter, {}, [RunResult(r.name, r.report, r.params, status, key=r.key) for r in runs],
                  slices=slices)


# --- the runs ---------------------------------------------------------------------------------

def test_one_run_per_platform_and_language_in_grid_order(tmp_path, catalog):
    out = tmp_path / "out"
    quarter, runs = plan(data_dir=DATA, out_dir=out, catalog=catalog)
    assert quarter == "2025Q3"  # the newest quarter of the data
    assert [r.name for r in runs] == [f"platform-{p}-{lang}" for p in PLATFORMS for lang in ("zh", "en")] + [
        "good-zh", "good-en"]
    first = runs[0]
    assert first.report == "platform" and first.notebook == catalog["platform"].path
    assert first.output == out / "2025Q3" / "platform-kuaishou-zh.html"
    assert first.params == {"quarter": "2025Q3", "platform": "kuaishou", "lang": "zh"}
    # Where the kernel reads is a parameter too, apart from what the page is about.
    assert first.notebook_parameters["data_dir"] == str(DATA)
    assert runs[-1].params == {"quarter": "2025Q3", "lang": "en"}
    assert all((r.action, r.reason) == ("run", "never built") for r in runs)
    assert not out.exists()  # planning writes nothing


def test_fixed_platform_narrows_only_the_reports_that_declare_it(tmp_path, catalog):
    quarter, runs = plan(data_dir=DATA, out_dir=tmp_path, catalog=catalog,
                         params={"platform": "douyin", "quarter": "2024Q4"})
    assert quarter == "2024Q4"
    assert [r.name for r in runs] == ["platform-douyin-zh", "platform-douyin-en", "good-zh", "good-en"]
    assert all(r.params["quarter"] == "2024Q4" for r in runs)
    assert all(r.output.parent == tmp_path / "2024Q4" for r in runs)
    assert "platform" not in runs[-1].params  # good.ipynb does not declare it


def test_real_catalog_data_report_plans_both_languages(tmp_path):
    quarter, runs = plan(reports=["data"], data_dir=DATA, out_dir=tmp_path)
    assert [r.name for r in runs] == ["data-zh", "data-en"]
    assert all(r.action == "run" and r.reason == "never built" for r in runs)
    assert all(r.notebook == REPORTS["data"].path for r in runs)
    assert REPORTS["data"].path.exists()


def test_the_default_data_folder_is_not_passed_to_the_notebooks(tmp_path, catalog, monkeypatch):
    monkeypatch.setattr(plan_module, "DATA_DIR", DATA)
    _, runs = plan(out_dir=tmp_path, catalog={"good": catalog["good"]})
    assert [r.params for r in runs] == [{"quarter": "2025Q3", "lang": "zh"}, {"quarter": "2025Q3", "lang": "en"}]


# --- parameters refused ------------------------------------------------------------------------

@pytest.mark.parametrize("kwargs, name, expected", [
    ({"quarter": "2025Q5"}, "quarter", "YYYYQn"),
    ({"quarter": "2025Q3", "params": {"quarter": "2025Q2"}}, "quarter", "the same as --quarter 2025Q3"),
    ({"params": {"platform": "jd"}}, "platform", "one of kuaishou, douyin, alibaba, pdd"),  # jd is not in this data
    ({"params": {"lang": "fr"}}, "lang", "one of zh, en"),
    ({"params": {"colour": "red"}}, "colour", "a parameter the notebooks declare: lang, platform, quarter, top"),
    ({"params": {"top": "many"}}, "top", "of type int"),
    ({"reports": ["nope"]}, "report", "one of platform, good"),
])
def test_bad_parameters_are_refused_naming_the_parameter(tmp_path, catalog, kwargs, name, expected):
    with pytest.raises(ParameterError) as info:
        plan(data_dir=DATA, out_dir=tmp_path, catalog=catalog, **kwargs)
    assert info.value.name == name
    assert expected in str(info.value)


def test_the_same_quarter_twice_is_accepted(tmp_path, catalog):
    quarter, runs = plan("2024Q4", data_dir=DATA, out_dir=tmp_path, catalog=catalog, params={"quarter": "2024Q4"})
    assert quarter == "2024Q4" and all(r.params["quarter"] == "2024Q4" for r in runs)


def test_a_missing_notebook_is_a_build_error(tmp_path):
    with pytest.raises(BuildError, match="does not exist"):
        plan(data_dir=DATA, out_dir=tmp_path, catalog={"gone": spec("gone")})


# --- run or skip ---------------------------------------------------------------------------------

def test_unchanged_runs_are_skipped(tmp_path, catalog):
    out = tmp_path / "out"
    quarter, runs = plan(data_dir=DATA, out_dir=out, catalog=catalog)
    publish(quarter, runs)
    _, again = plan(data_dir=DATA, out_dir=out, catalog=catalog)
    assert [(r.action, r.reason) for r in again] == [("skip", "unchanged since last build")] * len(runs)
    _, forced = plan(data_dir=DATA, out_dir=out, catalog=catalog, force=True)
    assert [(r.action, r.reason) for r in forced] == [("run", "--force")] * len(runs)


def test_a_run_whose_page_is_gone_runs_again(tmp_path, catalog):
    out = tmp_path / "out"
    quarter, runs = plan(data_dir=DATA, out_dir=out, catalog=catalog, reports=["good"])
    publish(quarter, runs)
    runs[0].output.unlink()
    _, again = plan(data_dir=DATA, out_dir=out, catalog=catalog, reports=["good"])
    assert [(r.name, r.action, r.reason) for r in again] == [
        ("good-zh", "run", "output missing"), ("good-en", "skip", "unchanged since last build")]


def test_a_failed_run_runs_again(tmp_path, catalog):
    out = tmp_path / "out"
    quarter, runs = plan(data_dir=DATA, out_dir=out, catalog=catalog, reports=["good"])
    publish(quarter, runs, status="failed")
    _, again = plan(data_dir=DATA, out_dir=out, catalog=catalog, reports=["good"])
    assert [(r.action, r.reason) for r in again] == [("run", "failed last time")] * 2


def test_a_changed_data_file_or_notebook_is_named_in_the_reason(tmp_path, catalog):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    out = tmp_path / "out"
    first = plan(data_dir=data, out_dir=out, catalog=catalog)
    quarter, runs = first
    publish(quarter, runs, slices=first.slices)

    with open(data / "events.csv", "a", encoding="utf-8") as handle:
        handle.write("EV05,pdd,2024-05-01,Test event,测试事件,,,t-events\n")
    second = plan(data_dir=data, out_dir=out, catalog=catalog)
    _, again = second
    # Only the runs that read PDD's rows: PDD's platform pages and the all-platform report.
    # (PDD's slice now cites the event's source too; the all-platform slice cited it already.)
    assert {r.name: r.reason for r in again if r.action == "run"} == {
        "platform-pdd-zh": "data: event pdd EV05 added, source t-events added",
        "platform-pdd-en": "data: event pdd EV05 added, source t-events added",
        "good-zh": "data: event pdd EV05 added", "good-en": "data: event pdd EV05 added"}

    publish(quarter, again, slices=second.slices)
    (data / "README.md").write_text("notes\n", encoding="utf-8")  # not a data file: changes nothing
    notebook = Path(catalog["good"].path)
    notebook.write_bytes(notebook.read_bytes().replace(b"A kreport test fixture.", b"A kreport test fixture, edited."))
    _, third = plan(data_dir=data, out_dir=out, catalog=catalog)
    assert {r.name: r.reason for r in third if r.action == "run"} == {
        "good-zh": "notebook changed", "good-en": "notebook changed"}
    assert all(r.action == "skip" for r in third if r.report == "platform")


def test_an_unreadable_manifest_means_rebuild(tmp_path, catalog):
    out = tmp_path / "out"
    quarter, runs = plan(data_dir=DATA, out_dir=out, catalog=catalog, reports=["good"])
    publish(quarter, runs)
    (out / quarter / "manifest.json").write_text("{not json", encoding="utf-8")
    _, again = plan(data_dir=DATA, out_dir=out, catalog=catalog, reports=["good"])
    assert [(r.action, r.reason) for r in again] == [("run", "never built")] * 2


def test_each_run_key_holds_the_notebook_parameters_data_and_code(tmp_path, catalog):
    _, runs = plan(data_dir=DATA, out_dir=tmp_path, catalog=catalog, reports=["good"])
    zh, en = runs
    assert set(zh.key) == {"notebook", "parameters", "data", "kreport code"}
    assert zh.key["notebook"] == en.key["notebook"] and zh.key["parameters"] != en.key["parameters"]
    assert {k: v for k, v in zh.key.items() if k != "parameters"} == {k: v for k, v in en.key.items() if k != "parameters"}
    assert json.dumps(zh.key)  # the manifest stores it as JSON


def test_a_slice_holds_the_sources_its_rows_cite_and_nothing_else(tmp_path, catalog):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    _, before = plan(data_dir=data, out_dir=tmp_path / "out", catalog=catalog)
    (data / "notes.txt").write_text("not a data file", encoding="utf-8")
    with open(data / "sources.csv", "a", encoding="utf-8") as handle:
        handle.write("t-more,[More],kreport tests,,,x,media\n")  # a source no row cites
    _, after = plan(data_dir=data, out_dir=tmp_path / "out", catalog=catalog)
    assert [r.key for r in after] == [r.key for r in before]
    assert all(len(r.key["data"]) == 64 and len(r.key["kreport code"]) == 64 for r in after)


# --- path safety (issue 10): no id can put a page outside --out --------------------------------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from kreport.publish.plan import _inside  # noqa: E402


@given(st.text(min_size=1, max_size=40))
def test_no_generated_id_makes_a_path_outside_out(tmp_path_factory, platform_id):
    out = tmp_path_factory.getbasetemp() / "out"
    try:
        path = _inside(out, "2025Q3", f"platform-{platform_id}-en.html")
    except BuildError:
        return
    assert path.resolve().is_relative_to(out.resolve())
    assert path.parent == out / "2025Q3" and "/" not in path.name


@pytest.mark.parametrize("platform_id", ["../../../../x", "..", "a/b", "/etc/passwd", "x\x00y", "UPPER", " kuaishou"])
def test_an_id_that_is_not_a_slug_is_refused(tmp_path, platform_id):
    with pytest.raises(BuildError, match="refusing to write"):
        _inside(tmp_path, "2025Q3", f"platform-{platform_id}-en.html")


def test_the_same_data_folder_relative_or_absolute_is_the_same_parameter(tmp_path, catalog, monkeypatch):
    """Issue 10: the same folder given as a relative and as an absolute path counted as a parameter change."""
    monkeypatch.chdir(DATA.parent)
    _, relative = plan(data_dir=Path("data"), out_dir=tmp_path, catalog=catalog)
    _, absolute = plan(data_dir=DATA.resolve(), out_dir=tmp_path, catalog=catalog)
    assert [r.key["parameters"] for r in relative] == [r.key["parameters"] for r in absolute]


def test_a_report_named_twice_runs_once(tmp_path, catalog):
    name = next(iter(catalog))
    _, once = plan(reports=[name], data_dir=DATA, out_dir=tmp_path, catalog=catalog)
    _, twice = plan(reports=[name, name], data_dir=DATA, out_dir=tmp_path, catalog=catalog)
    assert [r.name for r in twice] == [r.name for r in once]
