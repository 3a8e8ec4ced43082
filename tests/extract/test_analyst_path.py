"""The analyst's path through `kreport extract ... --apply` (issue 23): the source row shown before it is
written, --note / --corroborated-by / --source-url / --publisher, refusals naming a real file:line, one
"why" line per file that yields nothing, and `rounding` apart from `same`."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kreport.cli import main
from kreport.extract import extract

# A repost on a site that is neither the company's nor a wire: its source is graded aggregator.
AGGREGATOR_PAGE = (
    "快手科技發佈2025年第四季度及全年業績\n"
    "2025年第四季度業績摘要\n"
    "• 快手應用平均日活躍用戶為4.200億,較去年同期3.950億增長6.3%。\n"
)


@pytest.fixture
def page(tmp_path) -> Path:
    path = tmp_path / "ks-2025q4-repost.txt"
    path.write_text(AGGREGATOR_PAGE, encoding="utf-8")
    return path


def run(capsys, *args) -> tuple[int, str, str]:
    code = main(["extract", *map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_sources_row_is_shown_before_apply(capsys, page, synthetic_data_copy):
    code, _, err = run(capsys, page, "--data", synthetic_data_copy, "--source-url", "https://example.org/ks-q4",
                       "--publisher", "Example News")
    assert code == 0
    line = next(line for line in err.splitlines() if line.strip().startswith("sources.csv row:"))
    assert "https://example.org/ks-q4" in line and "Example News" in line and "aggregator" in line


def test_an_aggregator_page_is_refused_without_a_note_and_the_refusal_names_a_real_line(capsys, page, synthetic_data_copy):
    before = (synthetic_data_copy / "metrics.csv").read_bytes()
    code, _, err = run(capsys, page, "--data", synthetic_data_copy, "--apply")
    assert code != 0
    assert (synthetic_data_copy / "metrics.csv").read_bytes() == before
    # The refusal names the release's own line the figure came from, not a line metrics.csv does not have.
    assert f"{page.name}:3:" in err
    assert "--note" in err and "--corroborated-by" in err


def add_source(data_dir: Path, source_id: str, published: str, tier: str) -> None:
    with open(data_dir / "sources.csv", "a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(
            [source_id, "[test source]", "kreport tests", f"https://example.org/{source_id}", published, "tests", tier])


def test_apply_from_an_aggregator_page_with_note_and_corroboration_writes_url_and_publisher(capsys, page, synthetic_data_copy):
    add_source(synthetic_data_copy, "t-ks-2025q4-wire", "2026-03-20", "newswire")
    code, _, err = run(capsys, page, "--data", synthetic_data_copy, "--apply", "--note", "checked against the company's slides",
                       "--corroborated-by", "t-ks-2025q4-wire", "--source-url", "https://example.org/ks-q4", "--publisher", "Example News")
    assert code == 0, err
    with open(synthetic_data_copy / "metrics.csv", newline="", encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["source_id"].startswith("kuaishou-2025q4")]
    assert [(r["metric"], r["period"], r["value"]) for r in rows] == [("dau", "2025Q4", "4.200")]
    assert rows[0]["corroborated_by"] == "t-ks-2025q4-wire"
    assert rows[0]["note"].endswith("checked against the company's slides")
    with open(synthetic_data_copy / "sources.csv", newline="", encoding="utf-8") as handle:
        source = next(r for r in csv.DictReader(handle) if r["source_id"] == rows[0]["source_id"])
    assert (source["url"], source["publisher"], source["tier"]) == ("https://example.org/ks-q4", "Example News", "aggregator")


def test_apply_with_an_aggregator_only_note_alone_is_accepted(capsys, page, synthetic_data_copy):
    code, _, err = run(capsys, page, "--data", synthetic_data_copy, "--apply",
                       "--note", "aggregator-only: no release copy found (searched the IR site and the wires)")
    assert code == 0, err


def test_an_unknown_corroborating_source_is_refused_before_anything_is_read(capsys, page, synthetic_data_copy):
    code, _, err = run(capsys, page, "--data", synthetic_data_copy, "--corroborated-by", "no-such-source")
    assert code != 0 and "corroborated-by" in err


def test_every_file_that_yields_nothing_says_why_in_one_line(tmp_path, synthetic_data_copy):
    empty = tmp_path / "nothing.txt"
    empty.write_text("快手科技發佈2025年第四季度及全年業績\n今日天氣晴。\n", encoding="utf-8")
    lines = extract([empty], data_dir=synthetic_data_copy).summary()
    why = [line for line in lines if line.startswith("  why nothing:")]
    assert len(why) == 1


def test_left_out_is_not_printed_for_a_figure_whose_row_is_in_the_output(tmp_path, synthetic_data_copy):
    path = tmp_path / "both.txt"
    # The bullet gives the DAU; the chief executive's words repeat it in a form that is left out.
    path.write_text("快手科技發佈2025年第四季度及全年業績\n2025年第四季度業績摘要\n"
                    "• 快手應用平均日活躍用戶為4.200億,較去年同期3.950億增長6.3%。\n"
                    "程一笑先生表示:「2025年全年,我們的日活躍用戶數達到4.2億。」\n", encoding="utf-8")
    extraction = extract([path], data_dir=synthetic_data_copy)
    assert ("dau", "2025Q4") in {(r.metric, r.period) for r in extraction.rows}
    assert not [line for line in extraction.summary() if "left out: dau" in line]


def test_a_rounding_of_a_recorded_figure_is_not_called_the_same(tmp_path, synthetic_data_copy):
    path = tmp_path / "rounded.txt"
    path.write_text("快手科技發佈2025年第四季度及全年業績\n2025年第四季度業績摘要\n"
                    "• 快手應用平均日活躍用戶為4.2億,較去年同期4.0億增長6.3%。\n", encoding="utf-8")
    rows = {(r.metric, r.period): r for r in extract([path], data_dir=synthetic_data_copy).rows}
    assert rows[("dau", "2024Q4")].status == "rounding"  # 4.0 (100m) against the recorded 395 million: rounded, not the same
    assert "rounding of metrics.csv:" in rows[("dau", "2024Q4")].note
