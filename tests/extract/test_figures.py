"""Figures read from releases (kreport/extract/figures.py): every fixture's headline figures, exactly, and
nothing where the text leaves any doubt. A wrong value is far worse than a missing one."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kreport.extract.figures import read_figures
from kreport.extract.periods import Span
from kreport.extract.release import read_release

RELEASES = Path(__file__).resolve().parent.parent / "fixtures" / "releases"
# The in-sample openings and the held-out ones (heldout/, collected after the rules were written; see its README).
FIXTURES = sorted(str(p.relative_to(RELEASES))[: -len(".txt")] for p in (*RELEASES.glob("*.txt"), *RELEASES.glob("heldout/*.txt")))


def figures(text: str, **given) -> set[tuple[str, str, str, str, str]]:
    reading = read_figures(read_release(text, fiscal_year_end_month={"alibaba": 3}, **given))
    return {(f.metric, f.period.label, f.value, f.unit, f.qualifier) for f in reading.figures}


# --- the fixtures: real release openings with hand-checked expected rows ---------------------------------

@pytest.mark.parametrize("name", FIXTURES)
def test_each_fixture_gives_exactly_its_expected_rows(name):
    text = (RELEASES / f"{name}.txt").read_text(encoding="utf-8")
    with open(RELEASES / f"{name}.expected.csv", newline="", encoding="utf-8") as handle:
        expected = list(csv.DictReader(handle))
    reading = read_figures(read_release(text, fiscal_year_end_month={"alibaba": 3}))
    got = {(f.platform, f.metric, f.period.label): f for f in reading.figures}
    for row in expected:
        key = (row["platform"], row["metric"], row["period"])
        assert key in got, f"{name}: {key} not found"
        figure = got[key]
        assert (figure.value, figure.unit, figure.qualifier) == (row["value"], row["unit"], row["qualifier"]), key
        assert figure.quote == row["quote"], key
    extra = set(got) - {(r["platform"], r["metric"], r["period"]) for r in expected}
    assert not extra, f"{name}: rows the expected file does not have: {extra}"


# heldout2/ (issue 23): pages of every kind analysts save, measured once before any rule was written for them
# (see its README). The reader does not get all their figures yet, so the test holds it to precision: every
# figure it reads is an expected row, exactly; the benchmark prints the recall.
# heldout3/ likewise, once its first figure was recorded (precision 100%, recall 26.9%; see its README), and
# heldout4/ (first figure: precision 92.9%, recall 42.6%; see its README), heldout5/ (first figure: precision 66.7%,
# recall 13.0%), heldout6/ (first figure: precision 92.3%, recall 31.6%; collected by someone who wrote no rule) and heldout7/
# (first figure: precision 95.5%, recall 32.8%; collected likewise), and heldout8/ (first figure: precision 94.7%, recall
# 45.0%, one wrong value: a segment's revenue read as the group's; collected likewise; its `FY2022` row is an Alibaba
# fiscal year, valid per data/README.md), and heldout9/ (first figure: precision 100%, recall 44.1%, the same before
# and after the tenth rule round; collected likewise), and heldout10/ (first figure: precision 92.3%, recall 23.1%, the
# same before and after the eleventh round; its one "wrong value" is the page's own rounding, below).
HELDOUT2 = sorted(str(p.relative_to(RELEASES))[: -len(".txt")]
                  for p in RELEASES.glob("heldout?*/*.txt"))


@pytest.mark.parametrize("name", HELDOUT2)
def test_each_heldout2_page_gives_only_expected_rows_exactly(name):
    text = (RELEASES / f"{name}.txt").read_text(encoding="utf-8")
    with open(RELEASES / f"{name}.expected.csv", newline="", encoding="utf-8") as handle:
        expected = {(r["platform"], r["metric"], r["period"]): (r["value"], r["unit"], r["qualifier"]) for r in csv.DictReader(handle)}
    reading = read_figures(read_release(text, fiscal_year_end_month={"alibaba": 3}))
    for f in reading.figures:
        key = (f.platform, f.metric, f.period.label)
        assert key in expected, f"{name}: a row the expected file does not have: {key} = {f.value} {f.unit}"
        assert (f.value, f.unit, f.qualifier) == expected[key], key


# --- messy text ----------------------------------------------------------------------------------------

KS_EN = "Kuaishou Technology Announces Third Quarter 2024 Unaudited Financial Results\nThird Quarter 2024 Key Highlights\n"
KS_ZH = "快手科技發佈2024年第四季度及全年業績\n2024年第四季度業績摘要\n"


def test_numbers_split_by_a_space_or_a_line_break_are_read_whole():
    text = KS_EN + "- Total e-commerce GMV(1) was\nRMB334 .2 billion, representing an increase of 15.1% fromRMB290.2 billion for the same period of 2023."
    assert figures(text) == {("gmv", "2024Q3", "334.2", "RMB_bn", ""), ("gmv", "2023Q3", "290.2", "RMB_bn", "")}


def test_a_number_split_where_it_cannot_be_rejoined_for_certain_gives_nothing():
    text = KS_EN + "- Total e-commerce GMV(1) was RMB33 4.2 billion, representing an increase of 15.1% from RMB290.2 billion for the same period of 2023."
    assert figures(text) == set()


def test_footnote_digits_glued_to_words_are_not_read_as_figures():
    text = ("Pinduoduo Announces Fourth Quarter 2020 Unaudited Financial Results\nFourth Quarter 2020 Highlights\n"
            "  • Average monthly active users3 in the quarter were 719.9 million, an increase of 50% from 481.5 million in the same quarter of 2019.\n"
            "  • GMV1 in the twelve-month period ended December 31, 2020 was RMB1,667.6 billion (US$2255.6 billion), an increase of 66% "
            "from RMB1,006.6 billion in the twelve-month period ended December 31, 2019.\n")
    assert figures(text) == {("mau", "2020Q4", "719.9", "million", ""), ("mau", "2019Q4", "481.5", "million", ""),
                             ("gmv_ttm", "2020Q4", "1667.6", "RMB_bn", ""), ("gmv_ttm", "2019Q4", "1006.6", "RMB_bn", "")}


def test_pinyin_injected_into_chinese_text_is_read_through():
    text = ("快手科技發(fā)佈2025年第三季度業(yè)績\n2025年第三季度業(yè)績摘要\n"
            "2025年第三季度,日活躍用戶數(shù)連續(xù)三個(gè)季度創(chuàng)下歷史新高,達(dá)到4.162億。")
    assert figures(text) == {("dau", "2025Q3", "4.162", "100m", "")}


def test_a_heading_without_its_quarter_and_no_other_statement_gives_nothing():
    text = "2022年第季度业绩摘要\n\n  • 快手应用平均日活跃用户为3.634亿,较去年同期3.204亿增长13.4%。"
    assert figures(text) == set()
    assert figures(text, period=Span("quarter", 2022, 3)) == {("dau", "2022Q3", "3.634", "100m", ""), ("dau", "2021Q3", "3.204", "100m", "")}


def test_a_sentence_outside_any_block_needs_its_own_period():
    # A page that reports on the quarter and the full year (the "突破4億" case): a bare sentence could be either.
    assert figures("快手科技發佈2024年第四季度及全年業績\n快手應用平均日活躍用戶為4.010億。") == set()
    assert figures("快手科技發佈2024年第四季度及全年業績\n2024年第四季度,快手應用平均日活躍用戶為4.010億。") == {
        ("dau", "2024Q4", "4.010", "100m", "")}


def test_a_page_about_one_quarter_only_places_a_bare_sentence_in_it():
    # No block heading and no word for any other period anywhere: the sentence is about the page's quarter.
    assert figures("快手科技發佈2024年第四季度業績\n快手應用平均日活躍用戶為4.010億。") == {("dau", "2024Q4", "4.010", "100m", "")}


def test_bounds_are_qualifiers_and_vague_words_give_nothing():
    assert figures("快手科技發佈2025年第三季度業績\n2025年第三季度,快手应用的平均日活跃用户超416.2百万,创历史新高。") == {
        ("dau", "2025Q3", "416.2", "million", "over")}
    assert figures(KS_EN + "- Average DAUs on Kuaishou APP were more than 400 million.") == {("dau", "2024Q3", "400", "million", "over")}
    assert figures(KS_EN + "- Average DAUs on Kuaishou APP were nearly 410 million.") == set()
    assert figures(KS_ZH + "- 快手應用平均日活躍用戶近4.1億。") == set()


def test_half_year_blocks_give_nothing_and_full_year_blocks_give_the_year():
    text = (KS_EN.replace("Third", "Second") + "- Average DAUs on Kuaishou APP were 395.3 million.\n"
            "First Half 2024 Key Highlights\n- Average DAUs on Kuaishou APP were 394.6 million.\n")
    assert figures(text) == {("dau", "2024Q2", "395.3", "million", "")}
    text = KS_ZH + "- 快手應用平均日活躍用戶為4.010億。\n2024年全年業績摘要\n- 快手應用平均日活躍用戶為3.994億,較2023年的3.799億增長5.1%。"
    assert figures(text) == {("dau", "2024Q4", "4.010", "100m", ""), ("dau", "2024", "3.994", "100m", ""), ("dau", "2023", "3.799", "100m", "")}


def test_a_comparative_from_another_year_than_the_year_before_is_left_out():
    text = KS_EN + "- Average DAUs on Kuaishou APP were 407.5 million, representing an increase of 9.0% from 373.8 million for the same period of 2022."
    assert figures(text) == {("dau", "2024Q3", "407.5", "million", "")}


def test_a_comparative_for_a_bare_year_after_a_quarters_figure_is_left_out():
    text = KS_EN + "- Average DAUs on Kuaishou APP were 407.5 million, representing an increase of 5.4% from 386.6 million for 2023."
    assert figures(text) == {("dau", "2024Q3", "407.5", "million", "")}
    assert figures(KS_ZH + "- 快手應用平均日活躍用戶為4.010億,較2023年的3.825億增長4.8%。") == {("dau", "2024Q4", "4.010", "100m", "")}


def test_a_stated_change_that_does_not_fit_the_figures_leaves_both_out():
    text = KS_EN + "- Average DAUs on Kuaishou APP were 407.5 million, representing an increase of 15.4% from 386.6 million for the same period of 2023."
    assert figures(text) == set()


def test_two_different_values_for_one_figure_give_none():
    text = KS_EN + "- Average DAUs on Kuaishou APP were 407.5 million.\n- Average DAUs on Kuaishou APP were 417.5 million."
    assert figures(text) == set()


def test_an_executives_rounded_restatement_gives_way_to_the_bullet():
    text = KS_ZH + "- 總收入為人民幣354億元,較去年同期的人民幣326億元增長8.7%。\n程一笑表示:「第四季度總收入同比增長8.7%,達到人民幣354億元。」"
    assert figures(text) == {("revenue_total", "2024Q4", "354", "RMB_100m", ""), ("revenue_total", "2023Q4", "326", "RMB_100m", "")}
    text = KS_ZH + "- 總收入為人民幣354億元。\n程一笑表示:「第四季度總收入同比增長8.7%,達到人民幣350億元。」"
    assert figures(text) == {("revenue_total", "2024Q4", "354", "RMB_100m", "")}


def test_words_naming_another_period_next_to_a_figure_leave_it_out():
    assert figures(KS_ZH + "程一笑表示:「2024年全年,總收入同比增長11.8%,達到人民幣1,269億元。」") == set()
    assert figures(KS_EN + "In the first half of 2024, average DAUs on Kuaishou APP were 394.6 million.") == set()
    assert figures(KS_EN + "- Average DAUs on Kuaishou APP were 394.6 million in the first half of 2024.") == set()


def test_an_executives_figure_in_a_sentence_that_opens_with_another_period_is_left_out():
    # The period words are further back than the dozen characters checked for a bullet's figure.
    assert figures(KS_ZH + "程一笑表示:「2024年全年,我們持續投入AI技術,推動快手應用的日活躍用戶數達到3.994億。」") == set()
    assert figures(KS_ZH + "程一笑表示:「2024年上半年,我們持續投入AI技術,第二季度總收入同比增長11.6%,達到人民幣310億元。」") == set()
    assert figures(KS_ZH + "程一笑表示:「第三季度,我們持續投入AI技術,推動快手應用的日活躍用戶數達到4.075億。」") == set()
    # The block's own quarter named at the start is no other period.
    assert figures(KS_ZH + "程一笑表示:「2024年第四季度,我們持續投入AI技術,推動快手應用的日活躍用戶數達到4.010億。」") == {
        ("dau", "2024Q4", "4.010", "100m", "")}


def test_another_products_users_are_not_the_apps():
    assert figures(KS_ZH + "程一笑表示:「可靈AI的日活躍用戶數達到0.1億。」") == set()


def test_machine_translated_chinese_beside_an_english_release_is_not_read():
    text = ("Pinduoduo Announces Fourth Quarter 2021 Unaudited Financial Results\nFourth Quarter 2021 Highlights\n"
            "  • 總收入本季度為人民幣272.309億元(美元242.731億元人民幣\n")
    assert figures(text) == set()


def test_a_platform_without_known_wordings_gives_nothing():
    reading = read_figures(read_release("抖音电商2024年第四季度\n抖音电商GMV为人民币1万亿元。", platform="douyin"))
    assert reading.figures == () and any("douyin" in why for why in reading.skipped)


# --- issue 23: JD's quarter-and-year block, and the figures of a page without headings ---------------------

JD_BOTH = ("JD.com Announces Fourth Quarter and Full Year 2031 Results\nFourth Quarter and Full Year 2031 Highlights\n"
           "- Net revenues were RMB400.0 billion (US$55.0 billion) for the fourth quarter of 2031, an increase of 10.0% "
           "from the fourth quarter of 2030. Net revenues were RMB1,300.0 billion (US$180.0 billion) for the full year of 2031, "
           "an increase of 8.0% from the full year of 2030.\n")


def test_jd_quarter_and_year_block_gives_each_sentence_its_own_period():
    assert figures(JD_BOTH) == {("revenue_total", "2031Q4", "400.0", "RMB_bn", ""), ("revenue_total", "2031", "1300.0", "RMB_bn", "")}


def test_a_sentence_in_a_quarter_and_year_block_naming_no_period_gives_nothing():
    text = JD_BOTH.split("- Net")[0] + "- Net revenues were RMB400.0 billion (US$55.0 billion), an increase of 10.0%.\n"
    assert figures(text) == set()


def test_a_part_larger_than_its_whole_is_left_out():
    # Checked against the page's other figures for the same period (issue 23): a segment above the total, daily above
    # monthly users, segments adding up to more than the total.
    text = KS_EN + ("- Total revenue increased by 11.4% to RMB31.1 billion from RMB27.9 billion for the same period of 2023.\n"
                    "Online marketing services revenue was RMB33.0 billion.\n")
    assert ("revenue_marketing", "2024Q3", "33.0", "RMB_bn", "") not in figures(text)
    assert ("revenue_total", "2024Q3", "31.1", "RMB_bn", "") in figures(text)
    text = KS_EN + "- Average DAUs on Kuaishou APP were 407.5 million.\n- Average MAUs on Kuaishou APP were 400.1 million.\n"
    assert ("dau", "2024Q3", "407.5", "million", "") not in figures(text)


def test_an_exact_figure_settles_a_bound_it_meets_and_drops_one_it_contradicts():
    met = KS_ZH + "- 快手應用平均日活躍用戶為4.080億。\n- 2024年第四季度,日活躍用戶數突破4億。\n"
    assert figures(met) == {("dau", "2024Q4", "4.080", "100m", "")}
    contradicted = KS_ZH + "- 2024年第四季度,快手應用平均日活躍用戶為3.994億。\n- 2024年第四季度,快手應用的日活躍用戶數突破4億。\n"
    assert figures(contradicted) == {("dau", "2024Q4", "3.994", "100m", "")}  # the release's bullet settles the executive's words
    contradicted = KS_ZH + "- 快手應用平均日活躍用戶為3.994億。\n- 快手應用平均日活躍用戶超過4億。\n"
    assert figures(contradicted) == set()


def test_a_number_that_runs_into_other_digits_is_not_read():
    # A translation that doubled a point, a summary that lost one: never a figure read from part of the digits.
    assert figures("阿里巴巴集團公佈2031年9月季度業績\n在截至2031年9月30日的季度中:\n·收入為人民幣2.603.48億元,同比增長5%。") == set()
    assert figures("Examplecorp: JD.com Announces Third Quarter 2031 Results\n\nQ3 2031 revenue reached RMB 306 1 billion, up 3 6%.") == set()
