"""The page a notebook builds (kreport/render/report.py): its checks, numbering, sources and records.

On the synthetic dataset in tests/fixtures/data.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kreport.errors import ParameterError
from kreport.render.charts import POINT_COLUMNS, Chart
from kreport.render.report import RECORD_MIME, Html, Record, Report, open_report
from kreport.stats.notes import note

DATA = str(Path(__file__).resolve().parents[1] / "fixtures" / "data")


@pytest.fixture
def rep() -> Report:
    return open_report("platform", "2025Q3", "en", platform="alibaba", data_dir=DATA)


# --- open_report --------------------------------------------------------------------------

@pytest.mark.parametrize("args, name", [
    (("summary", "2025Q3", "en"), "report"),
    (("summary", "2025Q5", "fr"), "report"),  # the report is checked first
    (("data", "2025Q5", "en"), "quarter"),
    (("data", "2025-09", "en"), "quarter"),
    (("data", "2025Q3", "fr"), "lang"),
    (("platform", "2025Q3", "en", "jd"), "platform"),  # not a platform of this data
])
def test_open_report_checks_the_notebook_parameters(args, name):
    with pytest.raises(ParameterError) as caught:
        open_report(*args, data_dir=DATA)
    assert caught.value.name == name


def test_open_report_loads_the_data_as_of_the_quarter():
    rep = open_report("data", "2022Q4", "zh", data_dir=DATA)
    assert rep.quarter == pd.Period("2022Q4", "Q-DEC")
    assert (rep.name, rep.lang, rep.platform) == ("data", "zh", None)
    assert rep.data.metrics["period_end"].max() == pd.Timestamp("2022-12-31")
    assert list(rep.data.events["event_id"]) == ["EV01", "EV03"]
    assert len(rep.data.platforms) == 4  # the reference tables are whole
    assert rep.data.data_dir == Path(DATA)


def test_a_platform_with_no_figures_yet_is_still_a_platform():
    rep = open_report("platform", "2022Q1", "en", platform="alibaba", data_dir=DATA)  # its first figure is 2023Q1
    assert "alibaba" not in set(rep.data.metrics["platform"])
    assert rep.platform_name("alibaba") == "Taobao & Tmall"


# --- text -----------------------------------------------------------------------------------

def test_names_in_the_reports_language(rep):
    assert rep.platform_name("alibaba") == "Taobao & Tmall" and rep.model_name("shelf") == "shelf e-commerce"
    zh = open_report("data", "2025Q3", "zh", data_dir=DATA)
    assert zh.platform_name("alibaba") == "淘宝天猫" and zh.model_name("trust") == "信任电商"
    assert zh.t("figure", n=2) == "图2" and rep.t("figure", n=2) == "Figure 2."


def test_notes_of_the_statistics_layer_are_worded_in_the_reports_language(rep):
    gap = note("forecast.gap", n=16, start="2021Q4")
    assert rep.note(gap) == "models fitted on the 16 quarters after the last gap (2021Q4 on)"
    fallback = note("forecast.fallback", model="ets", reason="fit_failed")
    assert rep.note(fallback) == "ETS (forms weighted by AICc): the model could not be fitted; the seasonal naive forecast stood in"
    zh = open_report("data", "2025Q3", "zh", data_dir=DATA)
    assert zh.note(fallback) == "指数平滑ETS（各形式按AICc加权）：模型无法拟合，改用季节性朴素预测"


# --- blocks and their numbering ----------------------------------------------------------------

def test_title_block_names_the_report_and_platform(rep):
    assert rep.record().data["title"] == "platform"  # before the title block: the report's name
    markup = str(rep.title_block())
    assert "<h1>Platform profile · Taobao &amp; Tmall</h1>" in markup
    assert "Quarter 2025Q3 · built " in markup and markup.endswith("<!--TOC-->")
    assert rep.title == "Platform profile · Taobao & Tmall"
    assert rep.record().data["title"] == rep.title


def test_sections_tables_and_figures_are_numbered_separately(rep):
    first, second = rep.section("One", "Intro <1>"), rep.section("Two")
    assert str(first) == '<h2 id="s1">1. One</h2><p>Intro &lt;1&gt;</p>'
    assert str(second) == '<h2 id="s2">2. Two</h2>'
    table_1 = str(rep.table("<table></table>", "Caption <a>"))
    table_2 = str(rep.table("<table></table>", "Second"))
    figure_1 = str(rep.figure(Chart('<svg role="img"></svg>'), "Chart caption", []))
    assert 'id="tab1"' in table_1 and "Table 1." in table_1 and "Caption &lt;a&gt;" in table_1
    assert 'id="tab2"' in table_2 and "Table 2." in table_2
    assert 'id="fig1"' in figure_1 and "Figure 1." in figure_1
    assert '<svg role="img" aria-label="Chart caption"></svg>' in figure_1  # our markup, not escaped; named by its caption
    assert 'class="source-line"' not in table_1 and 'class="chart-data' not in figure_1


def test_callouts_say_caveat_or_note(rep):
    assert str(rep.callout("<b>x</b>")) == '<div class="callout "><b>Caveat:</b> &lt;b&gt;x&lt;/b&gt;</div>'
    assert str(rep.callout("y", kind="note")) == '<div class="callout info"><b>Note:</b> y</div>'


def test_a_figure_lists_the_data_behind_its_chart(rep):
    points = pd.DataFrame([
        {"series": "Taobao & Tmall", "platform": "alibaba", "metric": "gmv", "period": "FY2025", "value": 8400.0,
         "unit": "RMB_bn", "basis": "reported", "qualifier": ""},
        {"series": "Taobao & Tmall", "platform": "alibaba", "metric": "annual_buyers", "period": "2024Q1",
         "value": 900.0, "unit": "million", "basis": "reported", "qualifier": "over"},
    ], columns=POINT_COLUMNS)
    markup = str(rep.figure(Chart("<svg></svg>", points), "caption", ["t-ali"]))
    assert "<summary>Data behind this chart</summary>" in markup
    assert ('<tr data-platform="alibaba" data-metric="gmv" data-period="FY2025" data-value="8400.0" '
            'data-basis="reported" data-unit="RMB_bn"><td>Taobao &amp; Tmall</td><td>FY2025</td><td class="num">8,400 RMB bn</td>'
            "<td>reported</td></tr>") in markup
    assert '<td class="num">&gt;900 million</td>' in markup
    assert 'data-qualifier="over"' in markup  # a bound says so in the chart's data


# --- source lines ------------------------------------------------------------------------------

def test_source_line_links_the_most_used_sources_first(rep):
    line = str(rep.source_line(["t-dy-media", "t-ali", "t-ks-2021", "t-ali", "t-ks-2021", "t-ks-2021"]))
    assert line.startswith('<div class="source-line">Sources: ')
    ks, ali, dy = (line.index(s) for s in ("ks-2021", "synthetic-notes.txt", "douyin"))
    assert ks < ali < dy
    assert ('<a href="https://example.org/kreport-tests/ks-2021" title="[Synthetic test figures: Kuaishou 2020Q4-2021]">'
            "kreport tests, 2022-03-20</a>") in line
    # No URL: the title and where it was read instead; no date: none shown.
    assert ('<span class="source" title="[Synthetic test figures: Taobao &amp; Tmall]">kreport tests, 2025-05-15 '
            "(synthetic-notes.txt)</span>") in line
    assert ">kreport tests (made-up media estimates)</a>" in line


def test_source_line_is_limited_and_counts_the_rest(rep):
    ids = ["t-ks-2021", "t-ks-2022", "t-ks-2023", "t-ks-2024"]
    line = str(rep.source_line(ids, limit=2))
    assert line.count("<a ") == 2
    assert line.endswith(" and 2 more (see the data appendix)</div>")


def test_unknown_sources_are_left_out_and_no_sources_means_no_line(rep):
    line = str(rep.source_line(["nosuch", "t-pdd"]))
    assert line.count("<a ") == 1 and "nosuch" not in line
    assert rep.source_line([]) == ""
    assert 'class="source-line"' in str(rep.table("<table></table>", "c", pd.Series(["t-pdd"])))


def test_a_source_line_with_no_known_source_is_left_out(rep):
    assert rep.source_line(["seed003", "seed004"]) == ""


# --- what Jupyter displays --------------------------------------------------------------------

def test_html_blocks_add_up_and_display_as_html():
    both = Html("<p>a</p>") + Html("<p>b</p>")
    assert isinstance(both, Html)
    assert both._repr_html_() == str(both) == "<p>a</p><p>b</p>"


def test_records_carry_headlines_for_the_build_only(rep):
    record = rep.record(**{"GMV FY2025": "8,400 RMB bn", "figures": "3"})
    assert isinstance(record, Record)
    assert record._repr_mimebundle_() == {RECORD_MIME: {"title": "platform", "headlines": [
        {"label": "GMV FY2025", "value": "8,400 RMB bn"}, {"label": "figures", "value": "3"}]}, "text/plain": ""}
