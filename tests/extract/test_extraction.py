"""extract(), the command's one entry point (kreport/extract/extraction.py): options checked before any file
is read, every file read before anything is returned."""

from __future__ import annotations

from pathlib import Path

import pytest

from kreport.errors import DataError, ParameterError
from kreport.extract import extract

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
RELEASE = FIXTURES / "extract" / "kuaishou-2025q4-synthetic-zh-hant.txt"
REAL = FIXTURES / "releases"


@pytest.mark.parametrize("options, name, expected", [
    ({"platform": "tiktok"}, "platform", "one of kuaishou, douyin, alibaba, pdd"),
    ({"period": "2025-Q4"}, "period", "a quarter written YYYYQn"),
    ({"source_id": "a b"}, "source-id", "letters, digits"),
    ({"tier": "blog"}, "tier", "one of company, official, newswire"),
])
def test_bad_options_are_refused_by_name(synthetic_data_dir, options, name, expected):
    with pytest.raises(ParameterError) as caught:
        extract([RELEASE], data_dir=synthetic_data_dir, **options)
    assert caught.value.name == name and expected in str(caught.value)


def test_one_source_id_for_several_files_is_refused(synthetic_data_dir):
    with pytest.raises(ParameterError, match="one PATH only"):
        extract([RELEASE, REAL / "kuaishou-2024q2-en.txt"], data_dir=synthetic_data_dir, source_id="x")


def test_a_bad_file_among_good_ones_stops_the_run(synthetic_data_dir, tmp_path):
    with pytest.raises(DataError, match="nothing.txt: no such file"):
        extract([RELEASE, tmp_path / "nothing.txt"], data_dir=synthetic_data_dir)


def test_a_period_the_text_contradicts_is_refused(synthetic_data_dir):
    with pytest.raises(DataError, match="reports on 2025Q4, not 2025Q3"):
        extract([RELEASE], data_dir=synthetic_data_dir, period="2025Q3")


def test_several_files_each_with_its_source_and_rows(synthetic_data_dir):
    extraction = extract([RELEASE, REAL / "kuaishou-2025q2-en.txt", REAL / "alibaba-2021q1-en.txt"], data_dir=synthetic_data_dir)
    assert [f.source.source_id for f in extraction.files] == ["kuaishou-2025q4-zh-hant", "kuaishou-2025q2-en", "alibaba-2021q1-en"]
    assert {row.file for row in extraction.rows} == {RELEASE.name, "kuaishou-2025q2-en.txt"}
    summary = "\n".join(extraction.summary())
    assert "alibaba-2021q1-en.txt: alibaba 2021Q1 (English, text): 0 figures" in summary
    assert "First Half 2025 Key Highlights" in summary  # what was left out, and why
    assert extraction.to_csv().splitlines()[0] == "platform,metric,period,value,qualifier,unit,basis,source_id,note,corroborated_by,status,quote"


def test_the_period_option_settles_a_release_that_never_states_its_quarter(synthetic_data_dir, tmp_path):
    path = tmp_path / "no-quarter.txt"
    path.write_text("2022年第季度业绩摘要\n\n  • 快手应用平均日活跃用户为3.634亿,较去年同期3.204亿增长13.4%。\n", encoding="utf-8")
    assert extract([path], data_dir=synthetic_data_dir).rows == []
    rows = extract([path], data_dir=synthetic_data_dir, period="2022Q3").rows
    assert [(r.metric, r.period, r.value) for r in rows] == [("dau", "2022Q3", "3.634"), ("dau", "2021Q3", "3.204")]


def test_a_pdf_and_an_html_page_give_the_rows_their_text_gives(synthetic_data_dir, tmp_path, minimal_pdf):
    lines = ["Kuaishou Technology Announces Second Quarter 2025 Unaudited Financial Results",
             "HONG KONG, Aug. 21, 2025 /PRNewswire/ -- Kuaishou Technology today announced its results for the three months ended June 30, 2025.",
             "Second Quarter 2025 Key Highlights",
             "- Average DAUs on Kuaishou APP were 408.9 million, representing an increase of 3.4% from 395.3 million",
             "for the same period of 2024."]
    pdf = tmp_path / "release.pdf"
    pdf.write_bytes(minimal_pdf(lines))
    html = tmp_path / "release.html"
    html.write_text("<html><head><title>" + lines[0] + "</title></head><body>" + "".join(f"<p>{line}</p>" for line in lines[:3])
                    + "<ul><li>" + " ".join(lines[3:])[2:] + "</li></ul></body></html>", encoding="utf-8")
    for path in (pdf, html):
        extraction = extract([path], data_dir=synthetic_data_dir)
        assert {(r.metric, r.period, r.value, r.unit) for r in extraction.rows} == {
            ("dau", "2025Q2", "408.9", "million"), ("dau", "2024Q2", "395.3", "million")}, path
        assert extraction.files[0].source.published == "2025-08-21"
