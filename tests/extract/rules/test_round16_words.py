"""The sixteenth rule round (issue 23): wordings the clause reader reads, in sentences of our own.

1. A fiscal year named outright ("For fiscal year 2031, ...", "the full fiscal year 2031") by a company whose fiscal year is not the
   calendar's, on the page of the quarter that closes it and that says elsewhere it covers the fiscal year: that fiscal year's.
2. That company's yearless ordinal quarter in its own numbering ("fourth-quarter revenue" on the page of the quarter to March).
3. A count at a year's end ("as of the end of 2031", "截至2031年底"): the year's fourth quarter's.
4. Twelve months ended a month's last day ("in the twelve months ended September 30"): the twelve months to the page's quarter.
"""

from __future__ import annotations

ALI_MARCH = "Alibaba reported its results for the quarter ended March 31, 2031 on Tuesday.\n\n"
ALI_MARCH_FY = "Alibaba reported its results for the fourth quarter and fiscal year ended March 31, 2031 on Tuesday.\n\n"
ALI_DEC = "Alibaba reported its results for the quarter ended December 31, 2031 on Tuesday.\n\n"
PDD_EN = "Pinduoduo reported its results for the third quarter of 2031 on Tuesday.\n\n"
JD_EN = "JD.com reported its fourth-quarter 2031 results on Tuesday.\n\n"
JD_ZH = "京东集团发布2031年第四季度业绩\n\n"


# --- 1. a fiscal year named outright ----------------------------------------------------------------------------------------------

def test_a_fiscal_year_on_the_page_of_the_quarter_that_closes_it(figures):
    text = ALI_MARCH_FY + "For fiscal year 2031, the company's revenue rose 9% year-on-year to RMB 912.34 billion."
    assert ("revenue_total", "FY2031", "912.34", "RMB_bn", "") in figures(text)


def test_the_full_fiscal_year_up_a_percentage_to(figures):
    text = ALI_MARCH_FY + "Revenue for the full fiscal year 2031 was up 12 percent to 645.21 billion renminbi, or $90.1 billion."
    assert ("revenue_total", "FY2031", "645.21", "RMB_bn", "") in figures(text)


def test_a_fiscal_year_on_a_page_about_the_quarter_alone_is_not_read(figures):
    text = ALI_MARCH + "For fiscal year 2031, the company's revenue rose 9% year-on-year to RMB 912.34 billion."
    assert not any(f[2] == "912.34" for f in figures(text))


def test_another_fiscal_year_is_not_read(figures):
    text = ALI_MARCH_FY + "For fiscal year 2032, the company's revenue is seen at RMB 990.12 billion."
    assert not any(f[2] == "990.12" for f in figures(text))
    text = ALI_MARCH_FY + "For fiscal year 2030, the company's revenue rose 9% year-on-year to RMB 833.12 billion."
    assert not any(f[2] == "833.12" for f in figures(text))


def test_a_fiscal_year_on_another_quarters_page_is_not_read(figures):
    text = ALI_DEC + "For fiscal year 2031, the company's revenue rose 9% year-on-year to RMB 912.34 billion."
    assert not any(f[2] == "912.34" for f in figures(text))


def test_a_fiscal_years_user_count_is_not_read(figures):
    text = ALI_MARCH_FY + "For fiscal year 2031, annual active consumers reached 1,012 million."
    assert not any(f[2] == "1012" for f in figures(text))


# --- 2. a fiscal quarter's ordinal -----------------------------------------------------------------------------------------------

def test_the_fiscal_fourth_quarter_on_the_march_quarters_page(figures):
    text = ALI_MARCH + "The company reported fourth-quarter revenue of RMB 233.45 billion, a 7% year-on-year increase."
    assert ("revenue_total", "2031Q1", "233.45", "RMB_bn", "") in figures(text)


def test_another_fiscal_quarter_is_not_read(figures):
    text = ALI_MARCH + "The company reported second-quarter revenue of RMB 233.45 billion, a 7% year-on-year increase."
    assert not any(f[2] == "233.45" for f in figures(text))


def test_a_quarter_beside_a_year_is_not_read_by_the_fiscal_numbering(figures):
    text = ALI_MARCH + "In Q4 of 2030, the company's revenue was RMB 233.45 billion."
    assert not any(f[2] == "233.45" for f in figures(text))


# --- 3. a count at a year's end --------------------------------------------------------------------------------------------------

def test_a_count_as_of_the_end_of_the_year(figures):
    text = ALI_DEC + "As of the end of 2031, annual active consumers reached 1,012 million, up 5 million from the quarter before."
    assert ("annual_buyers", "2031Q4", "1012", "million", "") in figures(text)


def test_a_count_at_the_end_of_the_year_in_chinese(figures):
    text = JD_ZH + "截至2031年底,京东年度活跃用户数达到6.12亿。"
    assert ("annual_buyers", "2031Q4", "6.12", "100m", "") in figures(text)


def test_a_count_at_the_end_of_another_year_is_not_read(figures):
    text = ALI_DEC + "As of the end of 2030, annual active consumers reached 1,002 million."
    assert not any(f[2] == "1002" for f in figures(text))


def test_a_revenue_to_the_end_of_a_year_is_not_placed_by_it(figures):
    text = JD_EN + "As of the end of 2031, the company's revenue was RMB 1,100.5 billion over three years."
    assert not any(f[2] == "1100.5" for f in figures(text))


# --- 4. twelve months ended a month's last day -----------------------------------------------------------------------------------

def test_twelve_months_ended_the_quarters_last_day(figures):
    text = PDD_EN + "Active buyers in the twelve months ended September 30 increased 12% Y/Y to 912.3 million."
    assert ("annual_buyers", "2031Q3", "912.3", "million", "") in figures(text)


def test_twelve_months_ended_another_months_last_day_is_not_read(figures):
    text = PDD_EN + "Active buyers in the twelve months ended June 30 increased 12% Y/Y to 902.3 million."
    assert not any(f[2] == "902.3" for f in figures(text))


# --- 5. a spinner's "live users" -------------------------------------------------------------------------------------------------

KS_EN = "Kuaishou reported its results for the fourth quarter of 2031 on Tuesday.\n\n"


def test_monthly_live_user_data(figures):
    text = KS_EN + "The average monthly live user data reached 712 million, a year-on-year increase of 4.5%."
    assert ("mau", "2031Q4", "712", "million", "") in figures(text)


def test_daily_live_users(figures):
    text = KS_EN + "In the fourth quarter, average daily live users were 412 million."
    assert ("dau", "2031Q4", "412", "million", "") in figures(text)


def test_another_products_live_users_are_not_read(figures):
    text = KS_EN + "Kwai's average daily live users reached 92 million in the fourth quarter."
    assert not any(f[0] == "dau" for f in figures(text))


def test_a_daily_living_users_time_is_not_a_count(figures):
    text = KS_EN + "The average daily use time of each daily living user rose to 132 minutes, up 12 million hours in total."
    assert not any(f[0] == "dau" for f in figures(text))


# --- 6. a period named only in a comparison is not the sentence's -----------------------------------------------------------------

def test_the_years_second_figure_compared_with_the_year_before(figures):
    text = JD_EN + ("The company's net revenues for the full year were 1,045.2 billion yuan, an increase of 9 percent, while net service "
                    "revenues were 181.2 billion yuan, an increase of 33 percent from the full year of 2030.")
    assert ("revenue_commerce", "2031", "181.2", "RMB_bn", "") in figures(text)


def test_a_second_figure_of_another_year_is_not_read(figures):
    text = JD_EN + ("The company's net revenues for the full year were 1,045.2 billion yuan, an increase of 9 percent, while net service "
                    "revenues were 136.2 billion yuan in the full year of 2030.")
    assert not any(f[2] == "136.2" for f in figures(text))


# --- 7. a quarter "of this year" -------------------------------------------------------------------------------------------------

def test_a_quarter_of_this_year_with_its_comparison(figures):
    text = PDD_EN + ("The company's total revenues increased to RMB 39.54 billion ($5.4 billion) in Q3 this year from RMB 31.44 billion in "
                     "the same quarter of 2030.")
    found = figures(text)
    assert ("revenue_total", "2031Q3", "39.54", "RMB_bn", "") in found
    assert ("revenue_total", "2030Q3", "31.44", "RMB_bn", "") in found


def test_another_quarter_of_this_year_is_not_read(figures):
    text = PDD_EN + "The company's total revenues increased to RMB 36.54 billion in Q2 this year from RMB 31.44 billion a year earlier."
    assert not any(f[2] == "36.54" for f in figures(text))


def test_this_year_alone_is_still_a_part_of_a_year(figures):
    text = PDD_EN + "The company's total revenues this year reached RMB 99.54 billion."
    assert not any(f[2] == "99.54" for f in figures(text))
