"""The twelfth rule round (issue 23): mechanisms meant to carry to unseen pages, in sentences of our own.

1. Page placement fallbacks (kreport/extract/release.py ``_fallback_period``): a date the page states among the quarters its lead
   names, a fiscal quarter by the company's calendar with a quarter-end date the text states, the year whose results the page gives.
2. A sentence outside any block that names the page's quarter and no other period takes the page's quarter.
3. Metric words widened inside the existing generic reading paths (annual active users, 年度活跃购买用户, 移动月活跃用户, 实现营业收入,
   a list's mark, "at" before a figure, "to reach", "as of" a quarter's last day, a revenue line's bare calendar year).

Each has its negatives: conflicting evidence, a forecast, another company, a half year, a date outside a results window.
"""

from __future__ import annotations

import pytest

from kreport.extract.release import read_release


def _period(text: str) -> str | None:
    release = read_release(text, fiscal_year_end_month={"alibaba": 3})
    return release.period.label if release.period else None


# --- 1. page placement fallbacks ------------------------------------------------------------------------------------------------


def test_a_fiscal_fourth_quarter_with_its_quarter_end_date_is_the_calendar_quarter():
    text = ("In a year of ups and downs, Alibaba Group kept investing.\nIt charted a new course.\n"
            "Alibaba's performance in the fourth quarter ended March 31, 2031 was mixed.\n"
            "The company reported fourth-quarter revenue of RMB 221.87 billion, up 7% year-on-year.\n")
    assert _period(text) == "2031Q1"


def test_a_fiscal_first_quarter_with_the_weeks_to_its_end_is_the_june_quarter():
    text = ("Alibaba reported an increase in sales.\n"
            "Revenue increased by 34% to reach RMB205.7bn in its first quarter of the year.\n"
            "Operating income dropped by 11% to RMB30.8bn in the 12 weeks to June 30 2031.\n")
    assert _period(text) == "2031Q2"


def test_a_fiscal_quarter_with_a_quarter_end_date_of_another_quarter_is_not_placed():
    text = ("Alibaba reported an increase in sales.\n"
            "Revenue increased by 34% to reach RMB205.7bn in its first quarter of the year.\n"
            "Operating income dropped in the quarter ended December 31, 2031.\n")
    assert _period(text) is None


def test_a_fiscal_fourth_quarter_with_the_same_quarter_a_year_before_is_the_march_quarter():
    text = ("LONDON - Alibaba released its financial results for the fourth quarter and fiscal year ended March 31 on Friday.\n"
            "Its revenue rose 22 percent to 114.31 billion renminbi.\n"
            "Net income fell compared to a net gain recorded in the same quarter of 2030.\n")
    assert _period(text) == "2031Q1"


def test_the_date_a_broker_page_states_picks_the_quarter_in_its_results_window():
    text = ("京东集团-SW(09618.HK) 2032 年 02 月 24 日 投资评级:买入 2031年第四季度业绩超预期 前次报告:2031年第三季度业绩稳健\n"
            "公司实现收入 2478 亿元,同比增长2%。\n")
    assert _period(text) == "2031Q4"


def test_several_quarters_and_no_date_leave_the_page_unplaced():
    text = ("京东集团-SW(09618.HK) 投资评级:买入 2031年第四季度业绩超预期 前次报告:2031年第三季度业绩稳健\n"
            "公司实现收入 2478 亿元,同比增长2%。\n")
    assert _period(text) is None


def test_a_date_after_no_quarters_results_window_leaves_the_page_unplaced():
    text = ("京东集团-SW(09618.HK) 2032 年 06 月 24 日 投资评级:买入 2031年第四季度业绩超预期 前次报告:2031年第三季度业绩稳健\n"
            "公司实现收入 2478 亿元,同比增长2%。\n")
    assert _period(text) is None


def test_a_page_about_one_years_results_is_placed_in_its_fourth_quarter():
    text = ("Pinduoduo Issues 2031 Annual Report along with a Letter to Shareholders\n"
            "Pinduoduo released its annual report of fiscal year 2031, along with a letter from its founder.\n")
    assert _period(text) == "2031Q4"


def test_a_page_naming_two_years_results_is_not_placed():
    text = ("Pinduoduo Issues 2031 Annual Report\n"
            "It also restated its annual report of fiscal year 2029.\n")
    assert _period(text) is None


def test_a_fiscal_year_companys_annual_report_is_not_placed_by_the_calendar():
    text = "Alibaba Issues 2031 Annual Report\nAlibaba released its annual report of fiscal year 2031.\n"
    assert _period(text) is None


def test_kwai_technology_is_kuaishou():
    assert read_release("Kwai technology released its 2031 performance, and its revenue grew.\n").platform == "kuaishou"


# --- 2. a sentence naming the page's quarter only -------------------------------------------------------------------------------

KS_STORY = ("11月22日消息,快手宣布截至2031年9月30日止三个月及九个月的未经审核合并业绩。\n"
            "快手总收入由2030年同期的205亿元增加12.9%至2031年第三季度的231亿元,增加主要来自于直播。\n")


def test_a_sentence_naming_the_pages_quarter_only_takes_it(figures):
    assert ("revenue_total", "2031Q3", "231", "RMB_100m", "") in figures(KS_STORY)


@pytest.mark.parametrize("sentence", [
    "快手总收入由2030年同期的205亿元增加12.9%至2031年前九个月的231亿元。",  # nine months
    "快手总收入由2030年同期的205亿元增加12.9%至2031年第二季度的231亿元。",  # another quarter
    "快手预计总收入由2030年同期的205亿元增加12.9%至2031年第三季度的231亿元。",  # a forecast
])
def test_a_sentence_naming_another_period_or_forecasting_does_not_take_the_pages_quarter(figures, sentence):
    text = "11月22日消息,快手宣布截至2031年9月30日止三个月及九个月的未经审核合并业绩。\n" + sentence + "\n"
    assert not any(f[2] == "231" and f[1] == "2031Q3" for f in figures(text))


# --- 3. metric words inside the generic paths -----------------------------------------------------------------------------------

JD_Q3 = "JD.com announced its results for the third quarter of 2031.\n"


def test_jds_annual_active_users_as_of_a_quarters_last_day(figures):
    text = JD_Q3 + "User Engagement - The number of annual active users increased by 6.5% to 588.3 million as of September 30, 2031.\n"
    assert ("annual_buyers", "2031Q3", "588.3", "million", "") in figures(text)


def test_annual_active_users_as_of_a_day_that_ends_no_quarter_are_not_read(figures):
    text = JD_Q3 + "The number of annual active users increased by 6.5% to 588.3 million as of August 15, 2031.\n"
    assert not any(f[0] == "annual_buyers" for f in figures(text))


def test_implemented_operating_revenue_after_the_company_and_its_quarter(figures):
    text = "京东集团公布2031年第一季度业绩。\n公司2031Q1實現營業收入2031.76億元(YoY +39%)。\n"
    assert ("revenue_total", "2031Q1", "2031.76", "RMB_100m", "") in figures(text, "jd")


def test_implemented_revenue_of_another_quarter_is_not_the_pages(figures):
    text = "京东集团公布2031年第一季度业绩。\n公司2030Q4实现营业收入2031.76亿元。\n"
    assert not any(f[2] == "2031.76" and f[1] == "2031Q1" for f in figures(text, "jd"))


def test_advertising_revenue_at_a_figure(figures):
    text = ("PDD Holdings announced its results for the third quarter of 2031.\n"
            "Core Insights - Revenue reached 108.3 billion yuan, with advertising revenue at 53.35 billion yuan, up 8%.\n")
    assert ("revenue_marketing", "2031Q3", "53.35", "RMB_bn", "") in figures(text)


def test_advertising_revenue_at_a_company_is_no_figure(figures):
    text = ("PDD Holdings announced its results for the third quarter of 2031.\n"
            "Advertising revenue at Temu grew, with 53.35 billion yuan expected next year.\n")
    assert not any(f[0] == "revenue_marketing" for f in figures(text))


def test_a_revenue_lines_bare_calendar_year(figures):
    text = ("PDD Holdings announced its results for the fourth quarter and fiscal year 2031.\n"
            "Revenue Breakdown - Online marketing service revenue for 2031 reached 197.93 billion yuan, a year-on-year increase of 28.9%.\n")
    assert ("revenue_marketing", "2031", "197.93", "RMB_bn", "") in figures(text)


def test_a_revenue_lines_forecast_year_is_not_read(figures):
    text = ("PDD Holdings announced its results for the fourth quarter and fiscal year 2031.\n"
            "Online marketing service revenue for 2032 will reach 220 billion yuan.\n")
    assert not any(f[2] == "220" for f in figures(text))


def test_revenue_increased_to_reach(figures):
    text = JD_Q3 + "Total revenues increased by 5% to reach RMB 260.4 billion in the third quarter of 2031.\n"
    assert ("revenue_total", "2031Q3", "260.4", "RMB_bn", "") in figures(text)


# --- 2b. a sentence among sentences about the page's quarter only ---------------------------------------------------------------

JD_NOTE = "京东集团-SW(09618.HK) 2031年第二季度业绩点评\n1)公司2031年第二季度实现收入2914亿元,同比增长1.2%。\n"


def test_a_sentence_among_sentences_about_the_pages_quarter_only_takes_it(figures):
    text = JD_NOTE + "2)实现服务收入574.9亿元,同比增长6.3%。\n3)毛利率提升。\n"
    assert ("revenue_commerce", "2031Q2", "574.9", "RMB_100m", "") in figures(text, "jd")


@pytest.mark.parametrize("near", [
    "上半年公司经营稳健。",  # a half year next to it
    "2031年第一季度公司经营稳健。",  # another quarter next to it
    "前三季度公司经营稳健。",  # nine months
])
def test_a_sentence_next_to_another_periods_words_does_not_take_the_pages_quarter(figures, near):
    text = JD_NOTE + near + "\n2)实现服务收入574.9亿元,同比增长6.3%。\n"
    assert not any(f[2] == "574.9" for f in figures(text, "jd"))


def test_a_forecast_among_the_pages_quarter_sentences_is_not_read(figures):
    text = JD_NOTE + "2)预计服务收入574.9亿元,同比增长6.3%。\n"
    assert not any(f[2] == "574.9" for f in figures(text, "jd"))


# --- 3b. 全年 alone on a fourth quarter's page ----------------------------------------------------------------------------------

KS_Q4 = "快手科技公布2031年第四季度及全年业绩。\n"


def test_the_full_years_revenue_by_quanian_alone_on_a_fourth_quarters_page(figures):
    text = KS_Q4 + "2031年第四季度总收入达244亿元,同比增长35.0%;全年总收入同比增长37.9%至811亿元。\n"
    assert ("revenue_total", "2031", "811", "RMB_100m", "") in figures(text)


def test_quanian_on_another_quarters_page_or_in_a_forecast_is_not_read(figures):
    q3 = "快手科技公布2031年第三季度业绩。\n全年总收入同比增长37.9%至811亿元。\n"
    assert not any(f[2] == "811" for f in figures(q3))
    forecast = KS_Q4 + "预计全年总收入同比增长37.9%至811亿元。\n"
    assert not any(f[2] == "811" for f in figures(forecast))
