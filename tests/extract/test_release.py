"""What a release covers (kreport/extract/release.py): platform, headline quarter and blocks, from its own text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kreport.errors import DataError
from kreport.extract.periods import Span
from kreport.extract.release import heading_block, read_release

RELEASES = Path(__file__).resolve().parent.parent / "fixtures" / "releases"
# The in-sample openings and the held-out ones (heldout/, collected after the rules were written; see its README).
FIXTURES = sorted(str(p.relative_to(RELEASES))[: -len(".txt")] for p in (*RELEASES.glob("*.txt"), *RELEASES.glob("heldout/*.txt")))


@pytest.mark.parametrize("name", FIXTURES)
def test_every_fixture_says_which_platform_and_quarter_it_covers(name):
    meta = json.loads((RELEASES / f"{name}.meta.json").read_text(encoding="utf-8"))
    release = read_release((RELEASES / f"{name}.txt").read_text(encoding="utf-8"), fiscal_year_end_month={"alibaba": 3})
    assert (release.platform, release.period.label) == (meta["platform"], meta["period"])
    assert release.language == name.split("-", 2)[2]


# Pages a blind set showed placed in a quarter that is not theirs, although no figure is read from them (issue 23; each set's README):
# strict, so each mark must go when its page is fixed.
_MISPLACED = {
    "heldout14/alibaba-2023q1-zh-hant-call": "its summary's misprinted '2021 年第一季度' is read; the title's 'March Quarter 2023' is not "
                                             "seen as a second, conflicting quarter",
    "heldout14/alibaba-fy2025-zh-hans-analysis": "a fiscal year's page with a misprinted year end ('截至2025年6月30日') is placed in "
                                                 "the quarter that date ends",
}


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=_MISPLACED[n])) if n in _MISPLACED else n
                                  for n in sorted(str(p.relative_to(RELEASES))[: -len(".txt")]
                                  for p in RELEASES.glob("heldout?*/*.txt"))])
def test_a_heldout2_page_is_never_given_another_company_or_quarter(name):
    # heldout2/ to heldout23/ (issue 23): where the page leaves its company or quarter unstated, none is read; never a wrong one.
    meta = json.loads((RELEASES / f"{name}.meta.json").read_text(encoding="utf-8"))
    release = read_release((RELEASES / f"{name}.txt").read_text(encoding="utf-8"), fiscal_year_end_month={"alibaba": 3})
    assert release.platform in (None, meta["platform"])
    # a year's page (an annual report's summary) may be read as the quarter that ends that year, never as another; Alibaba's fiscal
    # year ends in March, so a fiscal year's page may be read as the March quarter of its year ("FY2023": 2023Q1)
    ends = [f"{meta['period'][2:]}Q1"] if meta["period"].startswith("FY") else []
    assert release.period is None or release.period.label in (meta["period"], f"{meta['period']}Q4", *ends)


@pytest.mark.parametrize("line, kind, label", [
    ("Second Quarter 2025 Key Highlights", "quarter", "2025Q2"),
    ("Third Quarter 202 4 Key Highlights", "quarter", "2024Q3"),
    ("JD.com Second Quarter 2020 Highlights", "quarter", "2020Q2"),
    ("In the quarter ended December 31, 2020:", "quarter", "2020Q4"),
    ("Other Key Financial Information for the Third Quarter of 2023", "quarter", "2023Q3"),
    ("2024年第四季度業績摘要", "quarter", "2024Q4"),
    ("2025年第三季度業(yè)績摘要", "quarter", "2025Q3"),
    ("2024年全年業績摘要", "year", "2024"),
    ("2024年第三季度財務回顧", "quarter", "2024Q3"),  # 顧 and 點: traditional heading words
    ("2024年第三季度財務(wù)回顧", "quarter", "2024Q3"),
    ("2024年第二季度業績亮點", "quarter", "2024Q2"),
    ("2023年全年財務回顧", "year", "2023"),
    ("Full Year 2023 Key Highlights", "year", "2023"),
    ("First Half 2024 Key Highlights", "part", None),
    ("Notes:", "other", None),
])
def test_headings_open_blocks(line, kind, label):
    block = heading_block(line)
    assert block.kind == kind
    assert (block.span.label if block.span else None) == label


@pytest.mark.parametrize("line", ["Total e-commerce GMV(1) was", "快手應用平均日活躍用戶為4.010億",
                                  "HONG KONG, Aug. 21, 2025 /PRNewswire/ -- Kuaishou Technology today announced its results."])
def test_sentences_are_no_headings(line):
    assert heading_block(line) is None


@pytest.mark.parametrize("line", ["Kuaishou Technology Announces Third Quarter 2023 Unaudited Financial Results", "快手科技發佈2024年第四季度及全年業績"])
def test_a_title_line_stands_alone_before_any_block(line):
    assert heading_block(line).kind == "intro"


def test_a_heading_that_lost_its_quarter_takes_the_quarter_the_text_states():
    text = "快手科技发布 2022 年第三季度业绩\n\n2022年第季度业绩摘要\n\n  • 快手应用平均日活跃用户为3.634亿。"
    release = read_release(text)
    assert release.period == Span("quarter", 2022, 3)
    assert release.sentences[-1].block.span == Span("quarter", 2022, 3)


def test_a_heading_that_lost_its_quarter_and_a_text_that_never_states_it_leave_the_period_open():
    release = read_release("2022年第季度业绩摘要\n\n  • 快手应用平均日活跃用户为3.634亿。")
    assert release.platform == "kuaishou" and release.period is None
    assert any("--period" in note for note in release.notes)
    settled = read_release("2022年第季度业绩摘要\n\n  • 快手应用平均日活跃用户为3.634亿。", period=Span("quarter", 2022, 3))
    assert settled.sentences[-1].block.span == Span("quarter", 2022, 3)


def test_given_values_the_text_contradicts_are_refused():
    text = "Pinduoduo Announces Fourth Quarter 2021 Unaudited Financial Results\nFourth Quarter 2021 Highlights\n"
    with pytest.raises(DataError, match="pdd release, not kuaishou"):
        read_release(text, name="x.txt", platform="kuaishou")
    with pytest.raises(DataError, match="reports on 2021Q4, not 2021Q3"):
        read_release(text, name="x.txt", period=Span("quarter", 2021, 3))


def test_a_text_naming_two_headline_quarters_has_none():
    text = "Kuaishou Technology Announces Third Quarter 2024 Results\nSecond Quarter 2024 Key Highlights\n- Average DAUs were 1 million."
    release = read_release(text)
    assert release.period is None and any("several headline quarters" in note for note in release.notes)


def test_a_release_naming_no_company_needs_platform():
    release = read_release("Second Quarter 2025 Key Highlights\n- Total revenue increased by 13.1% to RMB35.0 billion.")
    assert release.platform is None and any("--platform" in note for note in release.notes)
    assert read_release("Second Quarter 2025 Key Highlights\n", platform="kuaishou").platform == "kuaishou"


def test_a_fiscal_year_block_of_a_march_year_is_a_fiscal_year():
    text = ("Alibaba Group Announces March Quarter and Full Fiscal Year 2021 Results\n"
            "In the fiscal year ended March 31, 2021:\nRevenue was RMB717,289 million.")
    release = read_release(text, fiscal_year_end_month={"alibaba": 3})
    assert release.sentences[-1].block.span == Span("fiscal_year", 2021)


# --- issue 23: the quarter of rewrites, briefs and exchange announcements ---------------------------------

@pytest.mark.parametrize("text, label", [
    ("Pinduoduo Posts Q2 2031 Results\nRevenue rose.", "2031Q2"),
    ("拼多多发布2031年Q2财报:营收增长\n正文。", "2031Q2"),
    ("On May 20, Kuaishou released its second-quarter financial report for 2031, with revenue up.", "2031Q2"),
    ("JD.com announced its fourth-quarter and full-year earnings for 2031. Revenue grew.", "2031Q4"),
    ("快手-W:截至2031年3月31日止三個月的業績公告\n快手科技董事會欣然宣佈本公司截至2031年3月31日止三個月的未經審核合併業績。", "2031Q1"),
    ("京东交出2031年第二季度成绩单。期内营收增长。", "2031Q2"),
])
def test_the_quarter_a_rewrite_or_an_exchange_announcement_reports_on(text, label):
    assert read_release(text).period.label == label


def test_a_quarter_and_year_heading_opens_a_block_whose_sentences_name_their_period():
    assert heading_block("Fourth Quarter and Full Year 2031 Highlights").kind == "both"


@pytest.mark.parametrize("text, label", [
    # the page's lead: a machine summary's title line, an opening sentence, a Hong Kong research note's fiscal quarter
    ("Search documents\n快手-W(01024) - 2031 Q3 - 季度业绩\n\nIn Q3 2031, revenue rose.", "2031Q3"),
    (" date 2031-11-15 For the third quarter of 2031, JD.com reported net revenues of 134.8 billion Chinese yuan.", "2031Q3"),
    ("21 Nov 2031\n\n快手2031 財年第三季收入同比增長 14.2% 至 356 億元人民幣。", "2031Q3"),
    # a quarter compared with is no candidate
    ("For the second quarter of 2031, JD.com reported net revenues up 26.2 percent from the second quarter of 2030.", "2031Q2"),
    # no year in the lead: the page's date, or a quarter-end date the text states with the same quarter
    (" date 2031-11-25 阿里巴巴(9988)上季收入2478億元。", "2031Q3"),
    (" date 2031-11-13 京東集團公布,截至今年9月底止第三季純利52.8億元。", "2031Q3"),
    ("For the second quarter, JD.com reported net revenues of 253.8 billion Chinese yuan. Accounts grew in the twelve months "
     "ended June 30, 2031 from the twelve months ended June 30, 2030.", "2031Q2"),
])
def test_the_quarter_of_a_page_without_a_releases_statements(text, label):
    release = read_release(text)
    assert release.period.label == label
    assert any("was read from" in note for note in release.notes)


@pytest.mark.parametrize("text", [
    "京東14日公布第2季財報,第2季營收人民幣3,567億元。",  # no year, no date
    "Alibaba achieved sales growth in the final quarter of last year, on the back of Rmb248bn of revenue.",
    "In Q2 2031, revenue rose; in Q3 2031, it fell.",  # two quarters
    "阿里巴巴2031財年第三季收入增長。",  # a fiscal quarter of a company whose fiscal year is not the calendar's
])
def test_a_page_whose_quarter_is_unclear_gets_none(text):
    release = read_release(text, platform="alibaba" if "財年" in text else None, fiscal_year_end_month={"alibaba": 3})
    assert release.period is None


def test_a_page_that_speaks_of_another_period_is_no_story_about_one_quarter():
    assert read_release("Pinduoduo Posts Q2 2031 Results\nRevenue rose.").flat
    assert not read_release("Pinduoduo Posts Q2 2031 Results\nRevenue rose. First half revenue rose too.").flat
    assert not read_release("Second Quarter 2031 Highlights\nRevenue rose.").flat  # a release's block heading
    assert read_release("JD.com Q2 2031: annual active customer accounts rose.").flat  # "annual active" names no period


def test_a_story_setting_its_company_beside_others_is_the_company_named_most():
    text = ("Discount giant PDD nearly doubles quarterly revenue, closing in on Alibaba\n\n"
            "PDD Holdings saw its revenue almost double in the third quarter of 2031.\n"
            "PDD's transaction services surged.\nIn comparison, Alibaba reported sales of 224.8 billion yuan.\n"
            "PDD's share price jumped.\nJingdong (JD) kept growing.")
    assert read_release(text).platform == "pdd"
    # no company named at least twice as often as every other: none
    assert read_release("Alibaba and PDD grew.\nAlibaba and PDD rose. PDD fell.").platform is None


def test_a_fiscal_years_last_quarter_with_its_results_is_read_by_the_companys_calendar():
    release = read_release("阿里巴巴集团公布2031财年第四季度及全年业绩。财报显示,四季度阿里实现营收2040亿元。",
                           fiscal_year_end_month={"alibaba": 3})
    assert release.period.label == "2031Q1"
    # a lone fiscal quarter stays unread (media use 财年 loosely), and a calendar-year company's is not moved
    assert read_release("阿里巴巴2031財年第二季收入增長。", fiscal_year_end_month={"alibaba": 3}).period is None


def test_a_forecast_sentence_never_names_the_pages_quarter():
    text = ("Kuaishou reported second-quarter revenue of CNY 27.7 billion. We think this should lead to revenue growth of 21% year on "
            "year for third-quarter 2031.")
    assert read_release(text).period is None or read_release(text).period.label != "2031Q3"
    assert read_release("Kuaishou reported third-quarter 2031 revenue of CNY 30.1 billion.").period.label == "2031Q3"


def test_a_half_year_ended_a_quarters_last_day_is_not_that_quarter():
    # heldout9's prospectus story: users "in the six months ended June 30, 2020" do not make the page 2020Q2's.
    text = ("Kuaishou files its prospectus.\n\nKuaishou reported an average 302 million DAU in the six months ended June 30, "
            "2020, taking account of both its app and its mini-program.")
    assert read_release(text).period is None
    # ...while the quarter (or three months) ended that day still is.
    quarter = read_release("Kuaishou reported an average 302 million DAU in the three months ended June 30, 2020.")
    assert quarter.period is not None and quarter.period.label == "2020Q2"


def test_a_fiscal_companys_yearless_fourth_quarter_is_not_the_calendar_one():
    # heldout10's Alibaba story: "the fourth quarter and fiscal year ended March 31" with "the same quarter of 2019" is the March
    # quarter of 2020 (fiscal), never 2020Q4; the page is left unplaced rather than placed wrongly.
    text = ("Alibaba Group released its financial results for the fourth quarter and fiscal year ended March 31 on Friday.\n\n"
            "Its revenue rose 22 percent to 114.31 billion renminbi, compared with a net gain recorded in the same quarter of 2019.")
    release = read_release(text, fiscal_year_end_month={"alibaba": 3})
    assert release.period is None or release.period.label == "2020Q1"
    # a calendar-year company's page is still placed by the year its comparison names
    jd = read_release("JD.com released its results for the fourth quarter on Thursday.\n\nIts revenue rose 13 percent, compared with "
                      "the same quarter of 2019.")
    assert jd.period is not None and jd.period.label == "2020Q4"
