"""The fourteenth rule round (issue 23): general mechanisms, in sentences of our own.

1. Page placement: the company by its short names and tickers (阿里, 淘天, BABA, 09988, 09618, 01024 with the exchange's mark);
   quarters in compact forms ("4Q 2031", "2031年第四季", "the last quarter of 2031"); the only quarter the page names anywhere
   when its lead settles none (never when a yearless quarter of another number, or a later date, disagrees); a yearless fourth
   quarter with the one year the lead names; Hong Kong press's "次季"/"首季" (never "是次季報").
2. Wording: the clause reader's vocabulary ("operating income of", "其他服务/其他业务收入", "录得").
"""

from __future__ import annotations

from kreport.extract.release import read_release


def _placed(text: str) -> tuple[str | None, str | None]:
    release = read_release(text, fiscal_year_end_month={"alibaba": 3})
    return release.platform, (release.period.label if release.period else None)


# --- 1. the company by its short names and tickers ----------------------------------------------------------------------------

def test_alibaba_short_name_places_the_company():
    assert _placed("阿里云收入涨三成\n本季度阿里总收入为2000亿元。\n")[0] == "alibaba"


def test_a_ticker_with_its_exchange_mark_places_the_company():
    assert _placed("点评报告\n公司(09618.HK)本季度收入增长。\n")[0] == "jd"
    assert _placed("Research note\nThe company (BABA) grew its revenue this quarter.\n")[0] == "alibaba"
    assert _placed("点评\n公司(01024.HK)收入增长。\n")[0] == "kuaishou"


def test_a_bare_number_is_no_ticker():
    assert _placed("点评\n公司收入1024亿元,同比增长。\n")[0] is None


# --- 1. compact quarters ------------------------------------------------------------------------------------------------------

def test_a_digit_quarter_with_a_four_digit_year():
    assert _placed("Kuaishou\nKuaishou announced its unaudited 4Q 2031 and audited FY 2031 results on March 23 2032.\n")[1] == "2031Q4"


def test_a_chinese_quarter_without_du():
    assert _placed("京东财报\n京东今天发布财报。\n京东2031年第四季净收入2759亿。\n")[1] == "2031Q4"


def test_the_last_quarter_of_a_year_is_its_fourth():
    assert _placed("JD.com said on Tuesday that its revenue in the last quarter of 2031 jumped 37%.\n")[1] == "2031Q4"


# --- 1. the only quarter the page names -----------------------------------------------------------------------------------------

_BODY = ("一、快手生态概述\n\n快手,作为领先的短视频平台,生态丰富。\n\n它拥有庞大的用户基础。\n\n二、背后\n\n"
         "快手在2031年第二季度实现了首次净利润,总营收同比增长27.9%至277.4亿元。\n")


def test_the_only_quarter_a_page_names_places_it():
    assert _placed(_BODY) == ("kuaishou", "2031Q2")


def test_two_quarters_of_equal_standing_place_none():
    assert _placed(_BODY + "快手在2031年第三季度的收入为300亿元。\n")[1] is None


def test_a_yearless_quarter_of_another_number_places_none():
    assert _placed(_BODY + "第三季度,快手电商GMV增长。\n")[1] is None


def test_a_quarter_not_yet_ended_by_the_pages_date_is_not_placed():
    assert _placed(" date 2031-05-02 " + _BODY)[1] is None


# --- 1. a yearless fourth quarter with the lead's one year ----------------------------------------------------------------------

def test_a_yearless_fourth_quarter_with_the_one_year_the_lead_names():
    text = "3月17日,拼多多发布的最新财报显示,2031年,平台年活跃买家数增长至7.88亿。四季度,拼多多营收增长146%至265.5亿元。\n"
    assert _placed(text) == ("pdd", "2031Q4")


def test_a_yearless_fourth_quarter_with_two_years_places_none():
    text = "3月17日,拼多多发布的最新财报显示,2031年,平台年活跃买家数增长。2033年,四季度,拼多多营收增长146%至265.5亿元。\n"
    assert _placed(text)[1] is None


# --- 1. Hong Kong press's 次季 --------------------------------------------------------------------------------------------------

def test_hong_kong_second_quarter_on_a_dated_page():
    text = " date 2031-08-30 次季經調整純利跌18%\n阿里巴巴次季收入按年增2%至2477億元。\n"
    assert _placed(text) == ("alibaba", "2031Q2")


def test_this_quarterly_report_is_no_quarter():
    text = " date 2031-08-30 阿里巴巴公布業績\n阿里巴巴於是次季報中調整收入分部匯報方式。\n"
    assert _placed(text)[1] is None


def test_a_quarter_end_stated_at_the_top_is_not_taken_for_the_pages_date():
    text = ("京东财报图解\n\n京东今天发布财报。\n\n截至2031年12月31日,京东过去12个月的活跃购买用户数5.697亿。\n\n"
            "京东2031年第四季净收入2759亿。\n")
    assert _placed(text) == ("jd", "2031Q4")


def test_a_yearless_q4_with_the_one_year_the_page_names():
    text = ("Pinduoduo call\n\nCEO said our buyers grew a lot.\n\nMore users came.\n\n"
            "Our annual active buyers increased 57 million in Q4 to reach 788 million.\n\nOrders reached 38.3 billion in 2031.\n")
    assert _placed(text) == ("pdd", "2031Q4")
    assert _placed(text + "Orders were 20 billion in 2033.\n")[1] is None


# --- 2. wording: the clause reader's vocabulary ---------------------------------------------------------------------------------

KS = "快手科技发布2031年第二季度业绩\n\n"
JD_ZH = "京东集团发布2031年第四季度业绩\n\n"
JD_EN = "JD.com reported its second-quarter 2031 results on Tuesday.\n\n"
ALI_ZH = "阿里巴巴集团公布2031年第二季度业绩\n\n"
ALI_EN = "Alibaba reported its results for the quarter ended December 31, 2031 on Tuesday.\n\n"


def test_a_translations_achieved_operating_income_is_revenue(figures):
    text = JD_EN + "JD.com Group achieved an operating income of 356.66 billion yuan in the second quarter, a year-on-year increase of 22.4%."
    assert ("revenue_total", "2031Q2", "356.66", "RMB_bn", "") in figures(text)


def test_operating_income_alone_is_never_revenue(figures):
    text = JD_EN + "JD.com's operating income was 356.66 billion yuan in the second quarter."
    assert not any(f[0] == "revenue_total" for f in figures(text))


def test_kuaishou_other_business_revenue(figures):
    assert ("revenue_commerce", "2031Q2", "25.92", "RMB_100m", "") in figures(KS + "2031Q2,其他业务收入达25.92亿元。")


def test_ge_pairs_like_fenbie(figures):
    text = JD_ZH + "2031年第四季度,按业务类型角度,商品收入/服务收入各录得2423/588亿元。"
    assert ("revenue_commerce", "2031Q4", "588", "RMB_100m", "") in figures(text)


def test_jd_active_buying_users_are_its_twelve_months(figures):
    text = JD_ZH + "截至2031年12月31日,京东过去12个月的活跃购买用户数5.697亿,较2030年同期的4.719亿增长20.7%。"
    found = figures(text)
    assert ("annual_buyers", "2031Q4", "5.697", "100m", "") in found
    assert ("annual_buyers", "2030Q4", "4.719", "100m", "") in found


def test_alibaba_cmr_is_customer_management_revenue(figures):
    text = ALI_ZH + "2031年第二季度,阿里指相關CMR按年增10%至892.52億元。"
    assert ("revenue_marketing", "2031Q2", "892.52", "RMB_100m", "") in figures(text)


def test_revenue_after_said(figures):
    text = ALI_EN + "For the quarter ended December 31, 2031, the company said revenue totaled 221.08 billion yuan ($34.2 billion)."
    assert ("revenue_total", "2031Q4", "221.08", "RMB_bn", "") in figures(text)


# --- 2. a comparison with the quarter before ----------------------------------------------------------------------------------

def test_a_count_up_from_the_previous_quarter_gives_that_quarters_figure(figures):
    text = ("JD.com Announces Third Quarter 2031 Results\n\n"
            "The number of annual active customer accounts reached 588.3 million as of September 30, 2031, up from 580.8 million "
            "in the previous quarter.")
    found = figures(text)
    assert ("annual_buyers", "2031Q2", "580.8", "million", "") in found


def test_a_comparison_with_a_quarter_two_before_gives_nothing(figures):
    text = ("JD.com Announces Third Quarter 2031 Results\n\n"
            "The number of annual active customer accounts reached 588.3 million as of September 30, 2031, up from 580.8 million "
            "in the first quarter of 2031.")
    assert not any(f[1] == "2031Q1" for f in figures(text))


# --- 3. periods -------------------------------------------------------------------------------------------------------------------

def test_a_yearless_quarter_glued_to_the_sentence_opens_it_for_all_its_clauses(figures):
    text = ("京东集团发布2031年第二季度业绩\n\n2031年上半年,京东集团净收入为5073亿元人民币。"
            "二季度净收入为2676亿元人民币,同比增长5.4%;净服务收入为416亿元人民币,同比增长21.9%。")
    assert ("revenue_commerce", "2031Q2", "416", "RMB_100m", "") in figures(text)


def test_a_yearless_quarter_of_another_number_opens_nothing(figures):
    text = ("京东集团发布2031年第二季度业绩\n\n2031年上半年,京东集团净收入为5073亿元人民币。"
            "一季度净收入为2676亿元人民币,同比增长5.4%;净服务收入为416亿元人民币,同比增长21.9%。")
    assert not any(f[2] == "416" for f in figures(text))


def test_a_month_named_quarter_without_its_year_is_the_pages_if_it_is_that_one(figures):
    head = "PDD Holdings reported its first-quarter 2031 results on Tuesday.\n\nShares fell.\n\n"
    text = head + "In the March quarter, when stores were shut, its revenue rose 22 percent to 114.31 billion renminbi."
    assert ("revenue_total", "2031Q1", "114.31", "RMB_bn", "") in figures(text)
    other = head + "In the June quarter, when stores were shut, its revenue rose 22 percent to 114.31 billion renminbi."
    assert not any(f[2] == "114.31" for f in figures(other))


def test_a_quarters_revenue_after_its_quarter_word(figures):
    text = "JD.com Announces Second Quarter 2031 Results\n\nThe company reported second-quarter revenue of RMB 321.87 billion."
    assert ("revenue_total", "2031Q2", "321.87", "RMB_bn", "") in figures(text)


def test_a_spinners_similar_interval_is_the_same_period(figures):
    text = ("Kuaishou reported its first-quarter 2031 results on Tuesday.\n\n"
            "Total income elevated by 19.7% to RMB25.2 billion from RMB21.05 billion for a similar interval of 2030.")
    assert ("revenue_total", "2030Q1", "21.05", "RMB_bn", "") in figures(text)


_PDD_YEAR = "3月17日,拼多多发布的最新财报显示,2031年全年业绩亮眼。\n\n"


def test_a_years_twelve_month_count_on_its_fourth_quarters_page(figures):
    text = _PDD_YEAR + "四季度,拼多多营收增长146%至265.5亿元。2031年,平台年活跃买家数高速增长至7.88亿。"
    assert ("annual_buyers", "2031Q4", "7.88", "100m", "") in figures(text)


def test_the_full_year_on_a_fourth_quarters_page_is_its_year(figures):
    text = _PDD_YEAR + "四季度,拼多多营收增长146%至265.5亿元,全年营收翻倍增长至594.9亿元。"
    assert ("revenue_total", "2031", "594.9", "RMB_100m", "") in figures(text)


def test_a_bare_revenue_opening_a_numbered_list_item(figures):
    text = ("阿里巴巴集团公布2031年第三季度业绩\n\n财报要点梳理:\n截至 2031 年 9 月 30 日止季度\n"
            "1、收入为人民币 2,477.95 亿元(348.08 亿美元),同比增长 5%。")
    assert ("revenue_total", "2031Q3", "2477.95", "RMB_100m", "") in figures(text)


def test_a_revenue_in_yi_without_yuan_is_money(figures):
    text = "快手科技发布2031年第四季度业绩\n\n2031年第四季度,其他服务(包括电商)为23.67亿,同比增长40.2%,持续高增。"
    assert ("revenue_commerce", "2031Q4", "23.67", "RMB_100m", "") in figures(text)


def test_a_count_in_yi_is_never_money(figures):
    text = "快手科技发布2031年第四季度业绩\n\n2031年第四季度,快手收入增长,订单量为23.67亿单。"
    assert not any(f[2] == "23.67" for f in figures(text))


def test_a_bare_yi_after_words_about_users_is_no_revenue(figures):
    text = "快手科技发布2031年第四季度业绩\n\n2031年第四季度,其他服务增长强劲,电商用户达3.6亿。"
    assert not any(f[2] == "3.6" for f in figures(text))


def test_a_fiscal_quarter_after_its_end_date_is_that_calendar_quarter(figures):
    text = ("阿里巴巴公布2031年第四季度業績\n\n"
            "2月7日晚,阿里巴巴釋出了截至2031年12月31日的2033財年第三財季財報:營收為2603.48億元,同比增長5%。")
    assert ("revenue_total", "2031Q4", "2603.48", "RMB_100m", "") not in figures(text)  # FY2033 Q3 is 2032Q4: the date disagrees
    text = text.replace("2033財年", "2032財年")
    assert ("revenue_total", "2031Q4", "2603.48", "RMB_100m", "") in figures(text)
