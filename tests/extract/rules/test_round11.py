"""The eleventh rule round (issue 23): systemic causes of missed plain sentences, in sentences of our own.

Each change is general (a spinner's synonyms written back, an announcement's day that is no period, a year named right before a
Chinese revenue, a blog's "RMB... yuan"), and each has its negatives: forecasts, segments, another period, a lost decimal point.
"""

from __future__ import annotations

import pytest

from kreport.extract.cleaning import matchable, unspun

KS_Q1 = "Kuaishou Technology announced its unaudited results for the first quarter of 2031.\n"
JD_Q4 = "京东集团公布2031年第四季度及全年业绩。\n"
JD_Q2 = "JD.com announced its results for the second quarter of 2031.\n"

# --- a spinner's synonyms written back -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("spun, plain", [
    ("Average DAUs had been 374.3 million", "Average DAUs were 374.3 million"),
    ("from 345.5 million for a similar interval of 2030", "from 345.5 million for the same period of 2030"),
    ("from 345.5 million in the corresponding period of last year", "from 345.5 million in the same period of last year"),
    ("Total GMV elevated by 28.4% to RMB224.8 billion", "Total GMV increased by 28.4% to RMB224.8 billion"),
    ("revenue of RMB253.8 billion yuan;", "revenue of RMB253.8 billion;"),
    ("2031全年实现营收10847亿元", "2031年全年实现营收10847亿元"),
    ("快手总收入到达人民币191亿元", "快手总收入达到人民币191亿元"),
])
def test_a_spinners_words_are_written_back(spun, plain):
    assert unspun(matchable(spun)) == plain


@pytest.mark.parametrize("text", [
    "The team had been strong for years.",  # "had been" before no figure: left as written
    "a similar interval of time passed",  # no year after it: left as written
    "the app improved by 5 points",  # no percent and "to": left as written
])
def test_other_uses_of_those_words_are_left_alone(text):
    assert unspun(matchable(text)) == matchable(text)


def test_spun_user_counts_and_their_comparatives_are_read(figures):
    text = KS_Q1 + ("Average DAUs on Kuaishou APP had been 374.3 million, representing a rise of 8.3% from 345.5 million for a similar "
                    "interval of 2030.\n")
    assert figures(text, "kuaishou") == {("dau", "2031Q1", "374.3", "million", ""), ("dau", "2030Q1", "345.5", "million", "")}


def test_a_spun_comparative_that_does_not_fit_its_change_is_left_out(figures):
    text = KS_Q1 + ("Average DAUs on Kuaishou APP had been 374.3 million, representing a rise of 30.3% from 345.5 million for a similar "
                    "interval of 2030.\n")
    assert figures(text, "kuaishou") == set()


def test_a_spun_forecast_is_not_read(figures):
    text = KS_Q1 + "Average DAUs on Kuaishou APP are expected to have been 374.3 million next year.\n"
    assert figures(text, "kuaishou") == set()


def test_a_spun_chinese_verb_is_read(figures):
    assert figures("2031年第二季度,快手总收入到达人民币191亿元, 较去年同期增长48.8%。", "kuaishou") == {
        ("revenue_total", "2031Q2", "191", "RMB_100m", "")}


# --- the day of an announcement is no period; a blog's list of key figures ------------------------------------------------------


def test_a_blogs_key_figures_after_an_announcements_day_are_read(figures):
    text = ("On August 23, JD announced its earnings results for Q2 2031, with key figures including revenue of RMB253.8 billion yuan; "
            "service revenue of RMB 34.1 billion yuan, and annual active customers of 531.9 million.\n")
    assert figures(text, "jd") == {("revenue_total", "2031Q2", "253.8", "RMB_bn", ""), ("revenue_commerce", "2031Q2", "34.1", "RMB_bn", ""),
                                   ("annual_buyers", "2031Q2", "531.9", "million", "")}


@pytest.mark.parametrize("text", [
    # a quarter with no year: nothing
    "On August 23, JD announced its earnings results for Q2, with key figures including revenue of RMB253.8 billion yuan.\n",
    # the key figures are for another period than the day's story names
    "On August 23, 2031, JD announced its results, with key figures for the first half including revenue of RMB453.8 billion yuan.\n",
    # a forecast
    "On August 23, JD said it expects key figures for Q2 2031 including revenue of RMB253.8 billion yuan.\n",
    # a segment's revenue, not the group's
    "On August 23, JD announced its results for Q2 2031, with JD Logistics revenue of RMB25.8 billion yuan.\n",
])
def test_a_blogs_key_figures_are_not_read_without_a_clear_period_or_owner(figures, text):
    assert ("revenue_total", "2031Q2", "253.8", "RMB_bn", "") not in figures(text, "jd")
    assert not {f for f in figures(text, "jd") if f[0] == "revenue_total" and f[2] in ("453.8", "25.8")}


def test_a_figure_ten_times_the_estimate_beside_it_lost_its_point(figures):
    text = JD_Q2 + "In the second quarter of 2031, JD reported revenue of 2011 billion yuan, market forecast of 190.741 billion yuan.\n"
    assert figures(text, "jd") == set()
    text = JD_Q2 + "In the second quarter of 2031, JD reported revenue of 201.1 billion yuan, market forecast of 190.741 billion yuan.\n"
    assert figures(text, "jd") == {("revenue_total", "2031Q2", "201.1", "RMB_bn", "")}


# --- a year named right before a Chinese revenue -------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence, value", [
    ("京东2031年营收为9516亿元(约1493亿美元),同比增长27.6%。", "9516"),
    ("2031全年实现营收10847亿元,同比增长3.7%;实现Non-GAAP归母净利润352亿元。", "10847"),
])
def test_a_year_named_before_the_companys_revenue_is_the_revenues_period(figures, sentence, value):
    assert figures(JD_Q4 + sentence, "jd") == {("revenue_total", "2031", value, "RMB_100m", "")}


@pytest.mark.parametrize("sentence", [
    "京东2031年营收预计为9516亿元。",  # a forecast
    "京东2032年营收将达到10516亿元。",  # a target
    "京东2031年上半年营收为4516亿元。",  # a half year
    "京东2031年第三季度营收为2516亿元。",  # another quarter: not the year's
    "京东零售2031年营收为8516亿元。",  # a segment
    "阿里巴巴2031年营收为9516亿元。",  # another company on JD's page
])
def test_a_year_before_a_revenue_is_not_read_for_forecasts_parts_segments_or_others(figures, sentence):
    assert not {f for f in figures(JD_Q4 + sentence, "jd") if f[1] in ("2031", "2032")}


# --- a list's item after a semicolon goes on with the quarter its sentence named (English as Chinese) ------------------------


def test_an_english_item_after_a_semicolon_takes_the_quarter_its_sentence_named(figures):
    text = ("JD.com announced its results for the second quarter of 2031 and the first half.\n"
            "In Q2 2031, revenue was RMB253.8 billion; service revenue was RMB 34.1 billion.\n")
    assert figures(text, "jd") == {("revenue_total", "2031Q2", "253.8", "RMB_bn", ""), ("revenue_commerce", "2031Q2", "34.1", "RMB_bn", "")}


@pytest.mark.parametrize("item", [
    "for the first half, service revenue was RMB 64.1 billion.",  # another period in the item
    "full-year service revenue was RMB 64.1 billion.",
    "Alibaba's service revenue was RMB 64.1 billion.",  # another company
])
def test_an_english_item_naming_another_period_or_company_is_not_the_quarters(figures, item):
    text = ("JD.com announced its results for the second quarter of 2031 and the first half.\n"
            f"In Q2 2031, revenue was RMB253.8 billion; {item}\n")
    assert not {f for f in figures(text, "jd") if f[0] == "revenue_commerce"}


# --- "respectively": figures paired in order with the years after them -----------------------------------------------------------

KS_IPO = "Kuaishou filed its prospectus.\n"


@pytest.mark.parametrize("sentence", [
    "The company also reports a revenue of 8.3 billion yuan, 20.3 billion yuan and 39.1 billion yuan respectively in 2027, 2028 and 2029.",
    "Its revenue was RMB8.3 billion, RMB20.3 billion and RMB39.1 billion in 2027, 2028 and 2029, respectively.",
])
def test_a_respectively_sentence_gives_each_years_figure(figures, sentence):
    assert figures(KS_IPO + sentence, "kuaishou") == {("revenue_total", "2027", "8.3", "RMB_bn", ""),
                                                       ("revenue_total", "2028", "20.3", "RMB_bn", ""),
                                                       ("revenue_total", "2029", "39.1", "RMB_bn", "")}


@pytest.mark.parametrize("sentence", [
    # forecasts
    "Analysts expect revenue of 8.3 billion yuan, 20.3 billion yuan and 39.1 billion yuan respectively in 2031, 2032 and 2033.",
    # another company
    "Douyin posted a revenue of 8.3 billion yuan, 20.3 billion yuan and 39.1 billion yuan respectively in 2027, 2028 and 2029.",
    # a segment
    "Its live-streaming revenue of 8.3 billion yuan, 20.3 billion yuan and 39.1 billion yuan respectively in 2027, 2028 and 2029.",
    # two figures for three years: which is which is unknown
    "Its revenue of 8.3 billion yuan and 20.3 billion yuan respectively in 2027, 2028 and 2029.",
    # half years, not years
    "The company reports a revenue of 8.3 billion yuan, 20.3 billion yuan and 39.1 billion yuan respectively in the first half of 2027, "
    "2028 and 2029.",
])
def test_a_respectively_sentence_is_not_split_for_forecasts_others_segments_or_uneven_lists(figures, sentence):
    assert figures(KS_IPO + sentence, "kuaishou") == set()


# --- a headline's revenue in 亿 without 元; Taiwan's 成长 ----------------------------------------------------------------------

JD_Q4_ONLY = "京东集团公布2031年第四季度业绩。\n"


def test_a_headlines_revenue_in_yi_without_yuan_is_yuan(figures):
    assert figures(JD_Q4_ONLY + "京东Q4营收2759亿 同比增23%", "jd") == {("revenue_total", "2031Q4", "2759", "RMB_100m", "")}


@pytest.mark.parametrize("sentence", [
    "京东Q4营收2759亿美元,同比增23%",  # dollars
    "京东Q4营收2759亿港元,同比增23%",  # Hong Kong dollars
    "京东Q4营收预计2759亿,同比增23%",  # a forecast
    "京东Q3营收2459亿,同比增23%",  # another quarter
])
def test_a_revenue_in_yi_in_another_currency_or_period_is_not_read(figures, sentence):
    assert figures(JD_Q4_ONLY + sentence, "jd") == set()


def test_taiwans_word_for_a_rise_is_read(figures):
    text = "拼多多公布2031年第三季度業績。根據財報，拼多多第三季營收成長 9% 至人民幣 1,082.8 億元 (以下單位皆同)。"
    assert figures(text, "pdd") == {("revenue_total", "2031Q3", "1082.8", "RMB_100m", "")}


# --- a page's date line with a label and a short month -----------------------------------------------------------------------


@pytest.mark.parametrize("text, date", [
    ("China's PDD Warns\nChen Yangyuan\nDATE:  Aug 26 2031\n/ SOURCE:  Yicai\n", (2031, 8, 26)),
    ("Published: Sept. 3, 2031\nstory", (2031, 9, 3)),
    ("Aug 26 2031 was the day the results came out\n", None),  # a sentence, not a date line
    ("DATE: Aug 26\n", None),  # a day without its year
])
def test_a_labelled_date_line_with_a_short_month_is_the_pages_date(text, date):
    from kreport.extract.periods import page_date
    assert page_date(text) == date


def test_a_quarter_without_its_year_takes_the_labelled_date_lines(figures):
    text = ("PDD's second-quarter results beat\nDATE:  Aug 26 2031\n\n"
            "PDD reported revenue of CNY104 billion for the second quarter, up 7 percent.\n")
    assert ("revenue_total", "2031Q2", "104", "RMB_bn", "") in figures(text, "pdd")
    assert figures(text.replace("DATE:  Aug 26 2031\n", ""), "pdd") == set()
