"""The fifteenth rule round (issue 23): general mechanisms of the clause reader, in sentences of our own.

1. A curly apostrophe is an apostrophe: "the company’s revenue", "Alibaba’s revenue", "analysts’ estimate".
2. An actual figure set against an estimate is read, the estimate's amount never ("below analysts’ average estimate of",
   "compared with Street's estimate of").
3. People counts in the brokers' "mn" ("rising 19% YoY to 572.9mn").
4. Names joined by "/" take amounts joined by "/" in order, without "respectively", a scale after the last amount going with them all
   ("DAU/MAU 4.01亿/7.36亿", "DAU/MAU ... was 401/736 million").
5. "the company achieved operating income of": the company's revenue (never "operating income" alone).
"""

from __future__ import annotations

JD_EN = "JD.com reported its fourth-quarter 2031 results on Tuesday.\n\n"
PDD_EN = "Pinduoduo reported its results for the third quarter of 2031 on Tuesday.\n\n"
KS_EN = "Kuaishou reported its results for the fourth quarter of 2031 on Tuesday.\n\n"
KS_ZH = "快手科技发布2031年第四季度业绩\n\n"


# --- 1. curly apostrophes ---------------------------------------------------------------------------------------------------------

def test_a_curly_apostrophe_before_a_bare_revenue(figures):
    text = JD_EN + "In Q4 2031, the company’s revenue rebounded to double-digit growth, rising 13.4% YoY to CNY 347 billion."
    assert ("revenue_total", "2031Q4", "347", "RMB_bn", "") in figures(text)


def test_a_segments_revenue_stays_left_out_with_a_curly_apostrophe(figures):
    text = JD_EN + "In Q4 2031, JD Retail’s revenue rose 13.4% YoY to CNY 307 billion."
    assert not any(f[0] == "revenue_total" for f in figures(text))


# --- 2. an actual figure against an estimate -------------------------------------------------------------------------------------

def test_a_figure_below_the_analysts_estimate(figures):
    text = PDD_EN + ("Total revenue was 21.51 billion yuan ($3.37 billion) in the third quarter, below analysts’ average estimate of "
                     "26.59 billion yuan, according to data from a provider.")
    found = figures(text)
    assert ("revenue_total", "2031Q3", "21.51", "RMB_bn", "") in found
    assert not any(f[2] == "26.59" for f in found)


def test_a_figure_compared_with_the_streets_estimate(figures):
    text = PDD_EN + ("Pinduoduo's total revenue stood at 31.44 billion yuan ($4.55 billion) in the third quarter, compared with Street's "
                     "estimate of 23.68 billion yuan.")
    found = figures(text)
    assert ("revenue_total", "2031Q3", "31.44", "RMB_bn", "") in found
    assert not any(f[2] == "23.68" for f in found)


def test_an_estimate_alone_is_still_not_read(figures):
    text = PDD_EN + "Analysts' average estimate of total revenue in the third quarter was 26.59 billion yuan."
    assert not any(f[0] == "revenue_total" for f in figures(text))


# --- 3. people in "mn" ------------------------------------------------------------------------------------------------------------

def test_people_in_mn(figures):
    text = KS_EN + "In the fourth quarter, the number of DAUs increased 18% YoY to 320.4mn."
    assert ("dau", "2031Q4", "320.4", "million", "") in figures(text)


# --- 4. slashed pairs -------------------------------------------------------------------------------------------------------------

def test_slashed_names_and_amounts_with_a_shared_scale(figures):
    text = KS_EN + "The average DAU/MAU for Kuaishou applications in the fourth quarter was 401/736 million, up 4.8%/5.0% year on year."
    found = figures(text)
    assert ("dau", "2031Q4", "401", "million", "") in found
    assert ("mau", "2031Q4", "736", "million", "") in found


def test_slashed_names_and_amounts_each_with_its_scale(figures):
    text = KS_ZH + "2031年第四季度,DAU/MAU 4.01亿/7.36亿。"
    found = figures(text)
    assert ("dau", "2031Q4", "4.01", "100m", "") in found
    assert ("mau", "2031Q4", "7.36", "100m", "") in found


def test_a_slashed_range_is_no_pair(figures):
    text = KS_EN + "The average DAU/MAU in the fourth quarter was 401-736 million."
    assert not any(f[0] in ("dau", "mau") for f in figures(text))


# --- 5. the company achieved operating income -------------------------------------------------------------------------------------

def test_the_company_achieved_operating_income(figures):
    text = KS_EN + "In the fourth quarter of 2031, the company achieved operating income of 35.4 billion yuan, an increase of 8.7% year on year."
    assert ("revenue_total", "2031Q4", "35.4", "RMB_bn", "") in figures(text)


def test_slashed_amounts_after_a_compact_quarter(figures):
    text = KS_EN + ("Traffic side: DAU and time length both increased slightly year-on-year The average DAU/MAU for Kuaishou applications "
                    "in 2031Q4 was 401/736 million, up 4.8%/5.0% year on year; the average daily usage time of each DAU was 125.6 minutes.")
    found = figures(text)
    assert ("dau", "2031Q4", "401", "million", "") in found
    assert ("mau", "2031Q4", "736", "million", "") in found


def test_a_longer_slashed_run_is_not_the_pairs(figures):
    text = KS_ZH + "2031年第四季度,DAU/MAU 4.01/7.36/8.1亿。"
    assert not any(f[0] in ("dau", "mau") for f in figures(text))


def test_a_figure_that_beat_our_and_the_markets_expectations(figures):
    text = KS_EN + "4Q31 results beat our and the market’s expectations Kuaishou’s 4Q31 revenue grew 33% YoY to Rmb 20.5bn, beating consensus by 2%."
    assert ("revenue_total", "2031Q4", "20.5", "RMB_bn", "") in figures(text)


def test_advertising_revenue_is_online_marketing(figures):
    text = KS_EN + "The firm’s 4Q31 advertising revenue grew 76% YoY to Rmb 10.9bn and advertising revenue per DAU stayed flat QoQ at Rmb 34."
    assert ("revenue_marketing", "2031Q4", "10.9", "RMB_bn", "") in figures(text)


def test_a_segments_compact_quarter_revenue_is_not_the_companys(figures):
    text = KS_EN + "Kling's 4Q31 revenue grew 76% YoY to Rmb 10.9bn."
    assert not any(f[0] == "revenue_total" for f in figures(text))


# --- 6. the quarter before named in so many words; a yearless "Q4"; a rival named past the figure; "年活买家" ----------------------

def test_a_comparative_of_the_quarter_before_named_in_so_many_words(figures):
    text = JD_EN + ("JD.com's annual active users reached 531.9 million in the fourth quarter of 2031, up from 499.8 million in the third "
                    "quarter of 2031.")
    found = figures(text)
    assert ("annual_buyers", "2031Q4", "531.9", "million", "") in found
    assert ("annual_buyers", "2031Q3", "499.8", "million", "") in found


def test_a_comparative_of_another_quarter_is_not_read(figures):
    text = JD_EN + ("JD.com's annual active users reached 531.9 million in the fourth quarter of 2031, up from 499.8 million in the second "
                    "quarter of 2031.")
    assert not any(f[2] == "499.8" for f in figures(text))


def test_a_yearless_q_of_the_pages_quarter(figures):
    text = PDD_EN + "Our annual active buyers increased 57 million in Q3 to reach 788 million for the trailing twelve months."
    assert ("annual_buyers", "2031Q3", "788", "million", "") in figures(text)


def test_a_yearless_q_of_another_quarter_is_not_read(figures):
    text = PDD_EN + "Our annual active buyers increased 57 million in Q2 to reach 788 million for the trailing twelve months."
    assert not any(f[2] == "788" for f in figures(text))


def test_a_rival_named_past_the_figure(figures):
    text = "拼多多发布2031年第四季度财报\n\n拼多多发布的最新财报显示,2031年,平台年活跃买家数高速增长至7.88亿,超过阿里巴巴(7.79亿)、亚马逊等。"
    found = figures(text)
    assert ("annual_buyers", "2031Q4", "7.88", "100m", "") in found
    assert ("annual_buyers", "2031Q4", "7.79", "100m", "") not in found


def test_a_rival_named_before_the_figure_holds_the_clause(figures):
    text = KS_EN + "In the fourth quarter, Douyin's daily active users reached 401 million."
    assert not any(f[0] == "dau" for f in figures(text))


def test_jd_short_annual_buyers(figures):
    text = "京东集团发布2031年第二季度业绩\n\n公司2031Q2年活买家同比增长9%至5.8亿人,单季新增30万人。"
    assert ("annual_buyers", "2031Q2", "5.8", "100m", "") in figures(text)


def test_a_total_excluding_a_part_is_not_the_total(figures):
    text = PDD_EN + "Total revenues excluding revenues from merchandise sales for Q3 was RMB 21.2 billion or an increase of 96% from a year ago."
    assert not any(f[0] == "revenue_total" for f in figures(text))


# --- 7. twelve months to the page's quarter's last month; PDD's users who placed orders ----------------------------------------------

PDD_Q1 = "Pinduoduo reported its results for the first quarter of 2031 on Tuesday.\n\n"


def test_twelve_months_to_the_end_of_the_pages_last_month(figures):
    text = PDD_Q1 + "In the first 12 months to the end of March, Pinduoduo's GMV reached 1,157.2 billion yuan, an increase of 108%."
    assert ("gmv_ttm", "2031Q1", "1157.2", "RMB_bn", "") in figures(text)


def test_twelve_months_to_another_month_are_not_the_pages(figures):
    text = PDD_Q1 + "In the first 12 months to the end of June, Pinduoduo's GMV reached 1,157.2 billion yuan, an increase of 108%."
    assert not any(f[0] == "gmv_ttm" for f in figures(text))


def test_pdd_users_who_placed_orders_in_the_trailing_twelve_months(figures):
    text = PDD_Q1 + "The number of users who placed orders through Pinduoduo in the trailing 12-month period rose to 849.9 million."
    assert ("annual_buyers", "2031Q1", "849.9", "million", "") in figures(text)


def test_pdd_users_who_placed_orders_without_twelve_months_are_not_read(figures):
    text = PDD_Q1 + "The number of users who placed orders through Pinduoduo in the quarter rose to 849.9 million."
    assert not any(f[0] == "annual_buyers" for f in figures(text))
