"""The seventeenth rule round (issue 23): wordings the clause reader reads, in sentences of our own.

1. A machine translation's "will reach" for a reported past figure ("The financial report shows that in 2031, revenue will reach ...,
   a year-on-year increase of 12%"): an actual; a real forecast (an expectation, a later period, no report cited) stays refused.
2. Twelve months ended the page's quarter's last month ("to 612.3 million in the 12 months ended June"): the page's quarter's count.
3. A calendar-year company's "For the fiscal year, ..." on its fourth quarter's page: the calendar year.
4. An aside between dashes after the name ("Annual active buyers — accounts that ... — rose ... to reach 912.3 million").
5. A change "from the same period in 2030" with no amount, on the page of 2031's quarter: the page's quarter.
6. Kuaishou's other services named by what they include ("包括电商收入在内的其他收入", "其他服务(含电商业务)收入"), after
   "同比增长20%达" (the 比 of 同比 is no comparison); a year named once as a whole year for every clause of its sentence.
7. Kuaishou's "MAC" / "月活跃买家": monthly buyers.
8. A name with its abbreviation in brackets ("日活跃用户(DAU)和月活跃用户(MAU)分别达到"): the pair read in order.
9. A threshold, then the figure ("日均活跃用户数首度突破4亿,达到4.18亿"): the exact figure.
10. A label over the parts ("Revenue Breakdown: - Product revenue was ..."): not the total's name.
11. The name's quarter as its adjective ("a 20% increase in fourth-quarter total revenues to"), in a clause that also names the fiscal
    year the page's quarter closes: the page's quarter.
12. The figure set against the analysts' ("which was lower than the 216.1 billion yuan projected by analysts"): read, the estimate's
    amount never.
"""

from __future__ import annotations

KS_Q4_EN = "Kuaishou reported its results for the fourth quarter of 2031 on Tuesday.\n\n"
KS_Q1_ZH = "快手发布2031年第一季度业绩\n\n"
KS_Q3_ZH = "快手发布2031年第三季度业绩\n\n"
KS_Q4_ZH = "快手发布2031年第四季度业绩\n\n"
# (a page that speaks of another period too, "annual": no story about its quarter alone, whose every figure is the quarter's)
JD_Q2_EN = "JD.com reported its second-quarter 2031 results on Tuesday.\n\nIts annual shopping festival ended on June 18.\n\n"
PDD_Q3_EN = "Pinduoduo reported its results for the third quarter of 2031 on Tuesday.\n\n"
PDD_Q4_EN = "PDD Holdings reported its results for the fourth quarter and fiscal year of 2031 on Tuesday.\n\n"
ALI_DEC = "Alibaba reported its results for the quarter ended December 31, 2031 on Tuesday.\n\n"


def _values(found) -> set[str]:
    return {f[2] for f in found}


# --- 1. a translation's "will reach" for a reported past figure ----------------------------------------------------------------------

def test_a_reported_will_reach_with_a_change_against_a_year_before_is_an_actual(figures):
    text = KS_Q4_EN + ("The financial report shows that in 2031, Kuaishou's revenue will reach 123.45 billion yuan, a year-on-year "
                       "increase of 12.3%, slightly exceeding Bloomberg's forecast.")
    assert ("revenue_total", "2031", "123.45", "RMB_bn", "") in figures(text)


def test_a_reported_will_be_with_its_comparative(figures):
    text = KS_Q4_EN + ("According to the financial report, Kuaishou's online marketing business revenue in 2031 will be 66.12 billion yuan, "
                       "an increase of 10.2% from 60.0 billion yuan in 2030.")
    found = figures(text)
    assert ("revenue_marketing", "2031", "66.12", "RMB_bn", "") in found
    assert ("revenue_marketing", "2030", "60.0", "RMB_bn", "") in found


def test_a_real_forecast_is_still_refused(figures):
    # an expectation, a later year, the next year, no report cited: each a forecast
    for sentence in ("The financial report shows that Kuaishou expects its revenue will reach 140.12 billion yuan in 2031, a year-on-year "
                     "increase of 13.5%.",
                     "The financial report shows that in 2032, Kuaishou's revenue will reach 140.12 billion yuan, a year-on-year increase "
                     "of 13.5%.",
                     "The financial report shows that Kuaishou's revenue will reach 140.12 billion yuan next year, a year-on-year increase "
                     "of 13.5%.",
                     "Analysts say that in 2031, Kuaishou's revenue will reach 140.12 billion yuan, a year-on-year increase of 13.5%."):
        assert "140.12" not in _values(figures(KS_Q4_EN + sentence)), sentence


def test_a_reported_will_reach_without_a_stated_change_is_refused(figures):
    text = KS_Q4_EN + "The financial report shows that in 2031, Kuaishou's revenue will reach 140.12 billion yuan."
    assert "140.12" not in _values(figures(text))


def test_another_companys_reported_will_reach_is_not_read(figures):
    text = KS_Q4_EN + ("The financial report shows that in 2031, Alibaba's revenue will reach 140.12 billion yuan, a year-on-year "
                       "increase of 13.5%.")
    assert "140.12" not in _values(figures(text))


# --- 2. twelve months ended the page's quarter's last month ---------------------------------------------------------------------------

def test_twelve_months_ended_the_pages_month_is_the_pages_quarter(figures):
    text = JD_Q2_EN + ("The company's annual active customer accounts increased by 10.1% year-on-year to 612.3 million in the 12 months "
                       "ended June.")
    assert ("annual_buyers", "2031Q2", "612.3", "million", "") in figures(text)


def test_twelve_months_ended_another_month_is_not_read(figures):
    text = JD_Q2_EN + ("The company's annual active customer accounts increased by 10.1% year-on-year to 612.3 million in the 12 months "
                       "ended March.")
    assert "612.3" not in _values(figures(text))


# --- 3. a calendar-year company's "For the fiscal year" ------------------------------------------------------------------------------

def test_a_calendar_companys_fiscal_year_on_its_fourth_quarters_page(figures):
    text = PDD_Q4_EN + "For the fiscal year, total revenues surged by 20% to RMB512.3 billion."
    assert ("revenue_total", "2031", "512.3", "RMB_bn", "") in figures(text)


def test_the_fiscal_year_on_another_quarters_page_is_not_read(figures):
    text = PDD_Q3_EN + "For the fiscal year, total revenues surged by 20% to RMB512.3 billion."
    assert "512.3" not in _values(figures(text))


def test_a_fiscal_year_beside_a_quarter_is_not_read(figures):
    text = PDD_Q4_EN + "For the fourth quarter of the fiscal year, total revenues surged by 20% to RMB152.3 billion."
    assert ("revenue_total", "2031", "152.3", "RMB_bn", "") not in figures(text)


# --- 4. an aside between dashes --------------------------------------------------------------------------------------------------------

def test_a_dashed_aside_between_the_name_and_the_verb(figures):
    text = PDD_Q3_EN + ("Annual active buyers — user accounts that placed at least one order on the platform's app or through its mini "
                        "programs in the past year — rose 3% from the previous quarter to reach 912.3 million, compared with 4.5% growth in "
                        "the first quarter and 3.2% in the second.")
    assert ("annual_buyers", "2031Q3", "912.3", "million", "") in figures(text)


def test_a_dashed_aside_in_another_quarter_is_not_read(figures):
    text = PDD_Q3_EN + ("In the second quarter, annual active buyers — user accounts that placed at least one order on the platform's app "
                        "or through its mini programs in the past year — rose 3% to reach 902.3 million.")
    assert "902.3" not in _values(figures(text))


# --- 5. a change from the same period of the year before, without an amount --------------------------------------------------------------

def test_a_change_from_the_same_period_of_the_year_before_places_the_pages_quarter(figures):
    text = JD_Q2_EN + ("Details: JD.com reported net revenue of RMB 301.2 billion ($42.5 billion), representing a 12.3% increase from the "
                       "same period in 2030, the company said in a statement.")
    assert ("revenue_total", "2031Q2", "301.2", "RMB_bn", "") in figures(text)


def test_a_change_from_the_same_period_of_another_year_is_not_read(figures):
    text = JD_Q2_EN + ("Details: JD.com reported net revenue of RMB 301.2 billion ($42.5 billion), representing a 12.3% increase from the "
                       "same period in 2029, the company said in a statement.")
    assert "301.2" not in _values(figures(text))


# --- 6. Kuaishou's other services by what they include -------------------------------------------------------------------------------

def test_other_revenue_including_e_commerce_is_other_services(figures):
    text = KS_Q1_ZH + "2031Q1公司实现收入400.1亿元,同比增长10%。包括电商收入在内的其他收入同比增长20%达55.5亿元。"
    assert ("revenue_commerce", "2031Q1", "55.5", "RMB_100m", "") in figures(text)


def test_a_bare_other_revenue_is_not_read(figures):
    text = KS_Q1_ZH + "2031Q1公司实现收入400.1亿元,同比增长10%。其他收入同比增长20%达5.5亿元。"
    assert "5.5" not in _values(figures(text))


def test_other_services_with_e_commerce_in_brackets_in_a_whole_years_list(figures):
    text = KS_Q4_ZH + ("2031年全年在线营销服务收入900.4亿元,同比增长14.9%;直播业务收入353.9亿元,同比增长1.2%;其他服务(含电商业务)收入"
                       "197.5亿元,同比增长31.4%。")
    assert ("revenue_commerce", "2031", "197.5", "RMB_100m", "") in figures(text)


def test_a_whole_years_list_on_another_quarters_page_is_not_read(figures):
    text = KS_Q3_ZH + ("2031年全年在线营销服务收入900.4亿元,同比增长14.9%;直播业务收入353.9亿元,同比增长1.2%;其他服务(含电商业务)收入"
                       "197.5亿元,同比增长31.4%。")
    assert "197.5" not in _values(figures(text))


# --- 7. monthly buyers --------------------------------------------------------------------------------------------------------------

def test_mac_is_kuaishous_monthly_buyers(figures):
    text = KS_Q1_ZH + "2031Q1快手电商GMV同比增长20%达4,000亿元,主要受益于买家转化效率提升(MAC同比增长10%达1.55亿人,MAU渗透率同比提升2pct)。"
    assert ("monthly_buyers", "2031Q1", "1.55", "100m", "") in figures(text)


def test_a_days_active_buyers_are_not_monthly_buyers(figures):
    text = KS_Q1_ZH + "2031Q1快手电商GMV同比增长20%达4,000亿元,日均活跃买家同比增长60%达0.55亿。"
    assert not any(f[0] == "monthly_buyers" for f in figures(text))


def test_another_companys_mac_is_not_read(figures):
    text = ALI_DEC + "8月MAC人数达3亿,较4月前增长200%。"
    assert not any(f[0] == "monthly_buyers" for f in figures(text))


# --- 8. names with their abbreviations in brackets, paired in order -----------------------------------------------------------------

def test_names_with_bracketed_abbreviations_pair_in_order(figures):
    text = KS_Q1_ZH + "用户基本盘稳健,31Q1日活跃用户(DAU)和月活跃用户(MAU)分别达到4.21亿和7.33亿,分别同比增长3.6%和2.1%。"
    found = figures(text)
    assert ("dau", "2031Q1", "4.21", "100m", "") in found
    assert ("mau", "2031Q1", "7.33", "100m", "") in found
    assert ("mau", "2031Q1", "4.21", "100m", "") not in found


def test_a_bracketed_abbreviation_of_another_measure_is_no_pair(figures):
    text = KS_Q1_ZH + "31Q1日活跃用户(MAU)达到4.21亿。"
    assert not any(f[0] == "mau" and f[2] == "4.21" for f in figures(text))


# --- 9. a threshold, then the figure -------------------------------------------------------------------------------------------------

def test_a_threshold_then_the_exact_figure(figures):
    text = KS_Q3_ZH + "2031年第三季度,快手日均活跃用户数首度突破4亿,达到4.18亿,同比增长5.4%。"
    found = figures(text)
    assert ("dau", "2031Q3", "4.18", "100m", "") in found
    assert not any(f[0] == "dau" and f[2] == "4" for f in found)


def test_a_threshold_then_another_measure_is_not_its_figure(figures):
    text = KS_Q3_ZH + "2031年第三季度,快手日均活跃用户数首度突破4亿,达到130分钟的日均使用时长。"
    assert not any(f[0] == "dau" and f[2] == "130" for f in figures(text))


# --- 10. a label over the parts -------------------------------------------------------------------------------------------------------

def test_a_revenue_breakdown_label_takes_no_parts_figure(figures):
    text = JD_Q2_EN + ("JD Group achieved revenue of 333.05 billion CNY in Q2 2031, up 7.0% year-on-year. Financial Performance - Revenue "
                       "Breakdown: - Product revenue was 268.51 billion CNY, up 6.6% year-on-year.")
    found = figures(text)
    assert ("revenue_total", "2031Q2", "333.05", "RMB_bn", "") in found
    assert "268.51" not in _values(found)


# --- 11. the name's quarter as its adjective ------------------------------------------------------------------------------------------

PDD_Q4_LEAD = "PDD Holdings reported its results for the fourth quarter and fiscal year of 2031 on Tuesday.\n\nIts annual report came too.\n\n"


def test_a_quarter_adjective_beside_the_fiscal_year_is_the_pages_quarter(figures):
    text = PDD_Q4_LEAD + ("PDD Holdings announced its unaudited financial results for the fourth quarter and fiscal year ending December "
                          "31, 2031, highlighting a 20% increase in fourth-quarter total revenues to RMB120.6 billion (approximately US$21.2 "
                          "billion).")
    assert ("revenue_total", "2031Q4", "120.6", "RMB_bn", "") in figures(text)


def test_another_quarters_adjective_or_another_year_is_not_read(figures):
    for sentence in ("PDD Holdings announced its unaudited financial results for the fourth quarter and fiscal year ending December 31, "
                     "2031, highlighting a 20% increase in third-quarter total revenues to RMB120.6 billion.",
                     "PDD Holdings announced its unaudited financial results for the fourth quarter and fiscal year ending December 31, "
                     "2030, highlighting a 20% increase in fourth-quarter total revenues to RMB120.6 billion."):
        assert "120.6" not in _values(figures(PDD_Q4_LEAD + sentence)), sentence


# --- 12. the figure set against the analysts' projection ----------------------------------------------------------------------------------

ALI_SEP = "Alibaba misses estimates\n\nNovember 18, 2031 11:22 pm\n\nAlibaba reported its results for the September quarter of 2031.\n\n"


def test_a_figure_lower_than_the_analysts_projection_is_read(figures):
    text = ALI_SEP + ("Revenue increased by 9% year-on-year to 210.69 billion yuan ($31.43 billion), which was lower than the 216.173 "
                      "billion yuan ($32.28 billion) projected by analysts.")
    found = figures(text)
    assert ("revenue_total", "2031Q3", "210.69", "RMB_bn", "") in found
    assert "216.173" not in _values(found)


def test_a_projection_alone_is_still_refused(figures):
    text = ALI_SEP + "Revenue is projected to increase by 9% year-on-year to 230.69 billion yuan next quarter, analysts said."
    assert "230.69" not in _values(figures(text))
