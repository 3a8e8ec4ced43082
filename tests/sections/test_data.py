"""The data appendix (kreport/sections/data.py) on the synthetic dataset in tests/fixtures/data."""

from __future__ import annotations

import base64
import csv
import io
import re
from pathlib import Path

import pytest

from kreport.render.report import open_report
from kreport.sections import data

DATA = Path(__file__).resolve().parents[1] / "fixtures" / "data"
XSS = "<script>alert(1)</script>"


def appendix(quarter="2025Q3", lang="en", data_dir=DATA):
    return open_report("data", quarter, lang, data_dir=str(data_dir))


def tables(markup) -> list[str]:
    return re.findall(r"<table.*?</table>", str(markup), re.S)


def body_rows(table: str) -> list[list[str]]:
    body = re.search(r"<tbody>(.*?)</tbody>", table, re.S).group(1)
    return [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S) for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def test_every_figure_in_one_table_per_platform():
    markup = str(data.all_figures(appendix()))
    assert "99 figures known for periods up to 2025Q3" in markup
    assert re.findall(r"<h3>(.*?)</h3>", markup) == ["Kuaishou", "Douyin", "Taobao &amp; Tmall", "Pinduoduo"]
    # Kuaishou: 20 + 4 GMV, 19 DAU, 18 MAU, 9 monthly buyers, 1 annual buyers, 2 repurchase rates.
    assert [len(body_rows(t)) for t in tables(markup)] == [73, 7, 11, 8]
    assert re.findall(r'id="(tab\d+)"', markup) == ["tab1", "tab2", "tab3", "tab4"]


def test_figures_are_shown_as_published_with_their_marks():
    markup = str(data.all_figures(appendix()))
    alibaba = body_rows(tables(markup)[2])
    fy2025 = next(row for row in alibaba if row[1] == "FY2025")
    assert fy2025[:2] == ["E-commerce GMV", "FY2025"] and fy2025[2] == "8,400 RMB bn"
    assert '<span class="source" title="[Synthetic test figures: Taobao &amp; Tmall]">kreport tests, 2025-05-15' in fy2025[4]
    bound = next(row for row in alibaba if row[1] == "2024Q1")
    assert bound[2] == "&gt;900 million"
    douyin = body_rows(tables(markup)[1])
    estimate = next(row for row in douyin if row[1] == "2023")
    assert estimate[2] == "≈2,200 RMB bn"
    assert estimate[3] == '<span class="badge estimate">estimate</span>'


def test_a_platform_without_figures_by_the_quarter_has_no_table():
    markup = str(data.all_figures(appendix("2022Q4", "zh")))
    assert re.findall(r"<h3>(.*?)</h3>", markup) == ["快手", "抖音", "拼多多"]  # Taobao & Tmall's figures start in 2023
    # Kuaishou 11 GMV + 8 DAU + 7 MAU + 1 bound, Douyin 2 GMV + 1 DAU, Pinduoduo 2: periods ending by 2022-12-31.
    assert "截至2022Q4的32个数据点" in markup


def test_text_from_the_data_is_escaped(tmp_path):
    import shutil

    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    path = copy / "metrics.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("synthetic test figure in RMB bn", f"analysts' own note {XSS} end"), encoding="utf-8")
    figure = next(line for line in text.splitlines() if line.startswith("kuaishou,gmv,"))
    platform, metric, period = figure.split(",")[:3]
    (copy / "reader_notes.csv").write_text(
        f"platform,metric,period,note_en,note_zh\n{platform},{metric},{period},note {XSS} end,说明 {XSS}\n", encoding="utf-8")
    markup = str(data.all_figures(appendix(data_dir=copy)))
    assert "note &lt;script&gt;alert(1)&lt;/script&gt; end" in markup  # the reader note, escaped
    assert "<script" not in markup
    assert "analysts' own note" not in markup  # metrics.csv's note is the analysts' record: never on a page


def test_source_list_holds_the_sources_used_by_figures_and_events():
    markup = str(data.source_list(appendix()))
    rows = body_rows(tables(markup)[0])
    ids = [row[0] for row in rows]
    assert "t-events" in ids  # cited by events only
    assert "t-unused" not in ids  # cited by nothing
    # corroborating sources count too: one list of sources, the same count on every page
    assert "The 11 sources behind the figures and events" in markup and len(rows) == 11
    ali = next(row for row in rows if row[0] == "t-ali")
    assert ali[1] == '<span class="source">[Synthetic test figures: Taobao &amp; Tmall]</span>'  # no URL: plain text, no link
    dy = next(row for row in rows if row[0] == "t-dy-media")
    assert dy[1] == '<a href="https://example.org/kreport-tests/douyin">[Synthetic test estimates: Douyin]</a>'
    assert dy[3] == ""  # no publication date


def test_download_embeds_every_figure_as_csv():
    markup = str(data.download(appendix()))
    link = re.search(r'<a class="download" download="([^"]+)" href="data:text/csv;base64,([^"]+)">', markup)
    assert link and link.group(1) == "kreport-data-2025Q3.csv"
    raw = base64.b64decode(link.group(2))
    assert raw.startswith(b"\xef\xbb\xbf")  # a byte-order mark, so Excel reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 99
    assert list(rows[0]) == ["platform", "metric", "period", "value", "unit", "qualifier", "basis", "grade", "value_published",
                             "unit_published", "source_id", "source_title", "source_publisher", "source_url",
                             "source_published", "reader_note_en", "reader_note_zh"]
    fy = next(r for r in rows if r["platform"] == "alibaba" and r["period"] == "FY2025")
    assert (fy["value"], fy["unit"], fy["value_published"], fy["unit_published"]) == ("8400.0", "RMB_bn", "8.4", "RMB_trillion")
    assert fy["source_title"] == "[Synthetic test figures: Taobao & Tmall]"  # the CSV holds the text itself


@pytest.mark.parametrize("lang, labels", [("en", ["figures", "sources"]), ("zh", ["数据点", "来源"])])
def test_headlines_count_figures_and_their_sources(lang, labels):
    record = data.headlines(appendix(lang=lang)).data
    assert record["headlines"] == [{"label": labels[0], "value": "99"}, {"label": labels[1], "value": "11"}]  # as the source list
