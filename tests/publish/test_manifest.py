"""The build manifest (kreport/publish/manifest.py): what each run produced, kept across builds."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from kreport.publish.manifest import MANIFEST, RunResult, read_manifest, save_manifest

QUARTER = "2025Q3"


def built(name="data-en", **changes) -> RunResult:
    values = dict(name=name, report=name.split("-")[0], params={"quarter": QUARTER, "lang": name[-2:]},
                  status="built", seconds=3.2, reason="never built", html=f"{name}.html",
                  records={"title": "T", "headlines": [{"label": "figures", "value": "99"}]}, key={"notebook": "abc"})
    values.update(changes)
    return RunResult(**values)


def test_no_manifest_or_an_unreadable_one_reads_as_empty(tmp_path):
    assert read_manifest(tmp_path) == {}
    (tmp_path / MANIFEST).write_text('{"runs": ', encoding="utf-8")  # cut short by a crash
    assert read_manifest(tmp_path) == {}


def test_saved_runs_read_back_with_every_field(tmp_path):
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    save_manifest(tmp_path, QUARTER, {}, [built("data-zh"), built("data-en")], seconds=12.345)
    manifest = read_manifest(tmp_path)
    assert manifest["quarter"] == QUARTER and manifest["seconds"] == 12.35
    assert before <= dt.datetime.fromisoformat(manifest["updated"]) <= dt.datetime.now(dt.UTC)
    assert list(manifest["runs"]) == ["data-zh", "data-en"]
    entry = manifest["runs"]["data-en"]
    assert set(entry) == {f.name for f in dataclasses.fields(RunResult)}  # every field, nothing else
    expected = {"name": "data-en", "report": "data", "params": {"quarter": QUARTER, "lang": "en"},
                "status": "built", "seconds": 3.2, "reason": "never built", "html": "data-en.html",
                "failed_notebook": None, "failed_cell": None, "error": None,
                "records": {"title": "T", "headlines": [{"label": "figures", "value": "99"}]},
                "key": {"notebook": "abc"}}
    assert {k: entry[k] for k in expected} == expected
    assert [p.name for p in tmp_path.iterdir()] == [MANIFEST]  # written by rename: no temporary file left


def test_a_skipped_run_keeps_its_last_entry_and_says_why(tmp_path):
    save_manifest(tmp_path, QUARTER, {}, [built()])
    first = read_manifest(tmp_path)
    skipped = RunResult("data-en", "data", {}, "skipped", reason="unchanged since last build")
    save_manifest(tmp_path, QUARTER, first, [skipped])
    entry = read_manifest(tmp_path)["runs"]["data-en"]
    assert entry["status"] == "built" and entry["html"] == "data-en.html" and entry["key"] == {"notebook": "abc"}
    assert entry["records"] == first["runs"]["data-en"]["records"]
    assert (entry["last_action"], entry["reason"]) == ("skipped", "unchanged since last build")


def test_a_failed_run_keeps_the_last_good_page_published(tmp_path):
    save_manifest(tmp_path, QUARTER, {}, [built()])
    failed = built(status="failed", html=None, error="ValueError: bad", failed_cell=4, records={})
    save_manifest(tmp_path, QUARTER, read_manifest(tmp_path), [failed])
    entry = read_manifest(tmp_path)["runs"]["data-en"]
    assert (entry["status"], entry["html"], entry["error"], entry["failed_cell"]) == (
        "failed", "data-en.html", "ValueError: bad", 4)


def test_a_run_that_failed_on_its_first_build_has_no_page(tmp_path):
    save_manifest(tmp_path, QUARTER, {}, [built(status="failed", html=None, error="timed out")])
    assert read_manifest(tmp_path)["runs"]["data-en"]["html"] is None


def test_runs_of_other_reports_are_kept(tmp_path):
    save_manifest(tmp_path, QUARTER, {}, [built("data-en"), built("brief-en")])
    save_manifest(tmp_path, QUARTER, read_manifest(tmp_path), [built("data-en", seconds=1.0)])
    runs = read_manifest(tmp_path)["runs"]
    assert set(runs) == {"data-en", "brief-en"} and runs["data-en"]["seconds"] == 1.0
    assert "seconds" not in read_manifest(tmp_path)  # only a whole build records its time


def test_values_json_cannot_write_are_written_as_text(tmp_path):
    save_manifest(tmp_path, QUARTER, {}, [built(records={"when": dt.date(2025, 9, 30)})])
    text = (tmp_path / MANIFEST).read_text(encoding="utf-8")
    assert json.loads(text)["runs"]["data-en"]["records"] == {"when": "2025-09-30"}


def test_chinese_is_written_as_itself(tmp_path):
    save_manifest(tmp_path, QUARTER, {}, [built(records={"title": "数据附录"})])
    assert "数据附录" in (tmp_path / MANIFEST).read_text(encoding="utf-8")


@pytest.mark.parametrize("text", ["[]", '"text"', '{"runs": [1, 2]}', '{"runs": {"brief-en": "x", "data-en": {"key": []}}}'])
def test_a_manifest_of_another_shape_reads_as_rebuild(tmp_path, text):
    """Issue 24: valid JSON of the wrong shape gave "internal error: AttributeError"."""
    (tmp_path / MANIFEST).write_text(text, encoding="utf-8")
    manifest = read_manifest(tmp_path)
    assert isinstance(manifest.get("runs", {}), dict)
    assert all(isinstance(r, dict) and isinstance(r.get("key", {}), dict) for r in manifest.get("runs", {}).values())
