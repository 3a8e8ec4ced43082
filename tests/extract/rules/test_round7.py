"""The seventh rule round (issue 23): wordings that carry to pages not yet seen. Every sentence is made up; the
pages are stories (no release heading), so the guards of a story apply."""

from __future__ import annotations

import pytest

JD_Q2 = "JD.com announced its Q2 2031 results on Thursday.\n\n"
PDD_Q1 = "PDD Holdings reported its first quarter 2031 results on Tuesday.\n\n"
ALIBABA_Q4 = "Alibaba Group announced its December quarter 2030 results.\n\n"


@pytest.mark.parametrize("sentence", [
    # the company as the subject of "reported"
    "In Q2 2031, JD.com reported revenue of RMB 300.5 billion (USD 41.6 billion), an increase of 5.0% compared to Q2 2030.",
    "The company reported revenue of 300.5 billion yuan ($41.6 billion) in the three months through June, according to its report.",
    # whose revenue, after the word
    "Net revenues at JD.com for the second quarter of 2031 were 300.5 billion Chinese yuan (41.6 billion dollars), an increase of 5 percent.",
    "Total revenues of the Beijing-based retailer in the quarter were 300.5 billion yuan ($41.6 billion).",
    # "rose to", and the quarter with its end date after the figure
    "Total revenues rose to 300.5 billion yuan ($41.6 billion) in the second quarter ended June 30, beating analysts' estimates of 290 billion yuan.",
])
def test_the_quarters_revenue_in_more_story_wordings(figures, sentence):
    assert figures(JD_Q2 + sentence) == {("revenue_total", "2031Q2", "300.5", "RMB_bn", "")}


@pytest.mark.parametrize("sentence", [
    "The cloud unit reported revenue of 30.5 billion yuan in the quarter.",  # a unit's revenue, not the company's
    "Total revenues rose to 300.5 billion yuan in the first quarter ended March 31.",  # another quarter than the page's
    "Total revenues rose to 300.5 billion yuan in the second quarter ended September 30.",  # a date that is no second quarter's end
    "In Q2 2031, JD.com reported revenue of US$41.6 billion.",  # US$ only
    "The company reported revenue of 300.5 billion yuan for the first half.",
    "JD.com reported revenue of 300.5 billion yuan in the second quarter of 2030.",  # a year earlier
])
def test_story_wordings_left_out(figures, sentence):
    assert figures(JD_Q2 + sentence) == set()


@pytest.mark.parametrize("sentence, prior", [
    ("Revenue was 95.7 billion yuan ($13.2 billion), up by 10 percent, from 87.0 billion yuan ($12 billion) in the first quarter of 2030.",
     ("revenue_total", "2030Q1", "87.0", "RMB_bn", "")),
    ("Total revenue for Q1 2031 reached RMB 19.14 billion, a year-on-year increase of 48.8% compared to RMB 12.86 billion in Q1 2030.",
     ("revenue_total", "2030Q1", "12.86", "RMB_bn", "")),
    ("Total revenues of the e-tailer in the quarter were 37.64 billion yuan ($5.48 billion), an increase of 58% from 23.79 billion yuan "
     "in the same quarter of 2030.", ("revenue_total", "2030Q1", "23.79", "RMB_bn", "")),
])
def test_a_comparative_after_a_stated_change_is_read_when_the_pair_fits_it(figures, sentence, prior):
    found = figures(PDD_Q1 + sentence)
    assert prior in found and len(found) == 2


@pytest.mark.parametrize("sentence", [
    # the stated change does not fit the pair: both are left out
    "Revenue was 95.7 billion yuan, up by 20 percent, from 87.0 billion yuan in the first quarter of 2030.",
    "Total revenue for Q1 2031 reached RMB 19.14 billion, a year-on-year increase of 38.8% compared to RMB 12.86 billion in Q1 2030.",
])
def test_a_comparative_whose_change_does_not_fit_leaves_both_out(figures, sentence):
    assert figures(PDD_Q1 + sentence) == set()


def test_a_comparative_for_another_quarter_is_not_read(figures):
    found = figures(PDD_Q1 + "Revenue was 95.7 billion yuan, up by 10 percent, from 87.0 billion yuan in the fourth quarter of 2030.")
    assert ("revenue_total", "2030Q4", "87.0", "RMB_bn", "") not in found and ("revenue_total", "2030Q1", "87.0", "RMB_bn", "") not in found


def test_a_fiscal_quarter_with_its_end_date_is_the_calendar_quarter(figures):
    text = ("Alibaba's revenue for the third quarter of fiscal 2031, which ended on December 31, 2030, stood at 250.1 billion yuan "
            "($38.9 billion), up 7 percent year-on-year, the company said in its financial report on Tuesday.")
    assert figures(text) == {("revenue_total", "2030Q4", "250.1", "RMB_bn", "")}


def test_a_companys_short_quarter_before_revenue(figures):
    text = "Alibaba Q3 2030 summary: results for the quarter.\n\nAlibaba’s Q3 revenue was RMB230,690 million (US$31,147 million), up 9%."
    assert figures(text) == {("revenue_total", "2030Q3", "230690", "RMB_mn", "")}


ALIBABA_Q3 = "Alibaba Group announced its September quarter 2031 results on Thursday.\n\n"


@pytest.mark.parametrize("sentence, found", [
    # "During the period,": the page's quarter
    ("During the period, Alibaba’s revenue was 230 billion yuan ($32 billion), an increase of 9% year-on-year.",
     ("revenue_total", "2031Q3", "230", "RMB_bn", "")),
    # "As of September 2031,": the quarter that month ends, if it is the page's
    ("As of September 2031, Alibaba had 901 million mobile monthly active users in China retail marketplaces.",
     ("mau", "2031Q3", "901", "million", "")),
    # a comparison with the estimates is no estimate
    ("As of September 2031, Alibaba recorded revenue of 230.059 billion yuan, slightly higher than the market expected 229.7 billion yuan.",
     ("revenue_total", "2031Q3", "230.059", "RMB_bn", "")),
])
def test_a_sentence_opening_on_the_pages_period(figures, sentence, found):
    assert figures(ALIBABA_Q3 + sentence) == {found}


@pytest.mark.parametrize("sentence", [
    "As of June 2031, Alibaba had 901 million mobile monthly active users in China retail marketplaces.",  # another quarter's month
    "As of August 2031, Alibaba had 901 million mobile monthly active users in China retail marketplaces.",  # a month that ends no quarter
    "During the period, Alibaba’s revenue is expected to be 230 billion yuan.",
    "In the first half, Alibaba’s revenue was 430 billion yuan.",
])
def test_an_opening_that_is_not_the_pages_quarter_is_not_read_as_it(figures, sentence):
    assert figures(ALIBABA_Q3 + sentence) == set()


PDD_Q4 = "Pinduoduo reported its fourth quarter 2031 results on Wednesday.\n\n"


@pytest.mark.parametrize("sentence, found", [
    # the twelve months of a calendar year, to its end or ended a quarter's last month
    ("The company reported 888.4 million annual active buyers for the 12 months to the end of 2031, overtaking its rivals.",
     ("annual_buyers", "2031Q4", "888.4", "million", "")),
    ("Gross merchandise volume in 2031 was 2.667 trillion yuan, up 36 percent.", ("gmv_ttm", "2031Q4", "2.667", "RMB_trillion", "")),
    ("Its active buyers rose by 14% year-on-year to 885.5 million in the last twelve months ended December 2031.",
     ("annual_buyers", "2031Q4", "885.5", "million", "")),
    ("Annual active buyers stood at 889 million for the whole year.", ("annual_buyers", "2031Q4", "889", "million", "")),
])
def test_twelve_months_named_by_their_year_or_their_last_month(figures, sentence, found):
    assert figures(PDD_Q4 + sentence) == {found}


@pytest.mark.parametrize("sentence", [
    "Gross merchandise volume in fiscal 2031 was 2.667 trillion yuan.",  # a fiscal year is not the calendar's twelve months
    "Its active buyers rose to 885.5 million in the twelve months ended November 2031.",  # a month that ends no quarter
    "The company reported 888.4 million annual active buyers for the 12 months to the end of 2030.",  # a year before: not this page's
])
def test_twelve_months_that_do_not_end_with_the_pages_quarter_are_not_read_as_it(figures, sentence):
    assert not {f for f in figures(PDD_Q4 + sentence) if f[1] == "2031Q4"}


def test_the_whole_year_is_twelve_months_only_on_the_page_of_a_quarter_that_ends_a_year(figures):
    page = "Pinduoduo reported its third quarter 2031 results on Wednesday.\n\n"
    assert figures(page + "Annual active buyers stood at 889 million for the whole year.") == set()


def test_a_per_buyer_spending_is_no_other_period_on_a_story(figures):
    page = ("Pinduoduo announced its results for the twelve months ended September 2031.\n\n"
            "Average monthly active users totaled 731.7 million in Q3 2031, an increase of 26% year-on-year. Annual spending per active "
            "buyer was 894.4 yuan. Pinduoduo’s total revenues reached 33,372.4 million yuan (US$4,910.0 mn), an increase of 69% year-over-year.")
    assert figures(page) == {("mau", "2031Q3", "731.7", "million", ""), ("revenue_total", "2031Q3", "33372.4", "RMB_mn", "")}


KS_Q3 = "Kuaishou Technology Announces Third Quarter 2031 Unaudited Financial Results\n\nThird Quarter 2031 Highlights\n\n"


def test_kuaishous_gmv_of_e_commerce_transactions_facilitated_on_its_platform(figures):
    text = KS_Q3 + ("- Total GMV of e-commerce transactions facilitated on our platform(2) was\nRMB322.5 billion , representing an increase of "
                    "26.6% fromRMB254.7 billion for the same period of 2030.")
    assert figures(text) == {("gmv", "2031Q3", "322.5", "RMB_bn", ""), ("gmv", "2030Q3", "254.7", "RMB_bn", "")}


@pytest.mark.parametrize("sentence, found", [
    ("Daily active users of Kuaishou reached 393.2 million in Q3 2031, with a year-on-year growth of 11.9%.", {("dau", "2031Q3", "393.2", "million", "")}),
    ("Daily active users of Kuaishou reached 393.2 million in Q2 2031.", set()),  # another quarter
])
def test_users_with_the_quarter_after_the_figure(figures, sentence, found):
    assert figures("Kuaishou Q3 2031 results summary.\n\n" + sentence) == found


@pytest.mark.parametrize("page, sentence, found", [
    ("JD.com reported its fourth quarter 2031 results.\n\n",
     "The company’s net revenues for the full year were 845.8 billion Chinese yuan (124.3 billion dollars), an increase of 9.3 percent.",
     {("revenue_total", "2031", "845.8", "RMB_bn", "")}),
    ("JD.com reported its fourth quarter 2031 results.\n\n", "Net revenues for fiscal year 2031 were RMB 845.8 billion.",
     {("revenue_total", "2031", "845.8", "RMB_bn", "")}),
    # "the full year" on a third quarter's page: which year is not said
    ("JD.com reported its third quarter 2031 results.\n\n", "The company’s net revenues for the full year were 845.8 billion Chinese yuan.", set()),
    # a fiscal year that is not the calendar's: no rule of a calendar year reads it
    ("Alibaba Group announced its December quarter 2031 results.\n\n", "Revenue for fiscal year 2031 was RMB 845.8 billion.", set()),
])
def test_a_years_revenue_named_before_the_verb(figures, page, sentence, found):
    assert figures(page + sentence) == found


@pytest.mark.parametrize("text, found", [
    # a Chinese sentence opening with its quarter glued to the company: "其中" after it takes that quarter
    ("京东2031年第二季度业绩点评。\n\n2031Q2京东集团收入3879亿元,同比增长7.6%。其中商品、服务收入分别为3139、740亿元,同比增长3%、30%。",
     {("revenue_total", "2031Q2", "3879", "RMB_100m", ""), ("revenue_commerce", "2031Q2", "740", "RMB_100m", "")}),
    # an aside between a segment's name and 收入
    ("快手2031年第三季度业绩点评。\n\n其他服务(主要为电商)收入为51.6亿元,同比增长17.5%,收入占比13.4%。",
     {("revenue_commerce", "2031Q3", "51.6", "RMB_100m", "")}),
    # the estimate is the other figure
    ("Kuaishou Q2 2031 results summary.\n\n- Other service revenue of 6.24 billion yuan, estimated at 6.02 billion yuan",
     {("revenue_commerce", "2031Q2", "6.24", "RMB_bn", "")}),
    # JD's quarterly GMV, its quarter named
    ("JD.com Q2 2031 results summary.\n\nJD’s GMV for Q2 2031 increased by 46% to 334.8 billion yuan (US$44.6 billion).",
     {("gmv", "2031Q2", "334.8", "RMB_bn", "")}),
])
def test_more_names_and_openings(figures, text, found):
    assert figures(text) == found


@pytest.mark.parametrize("text", [
    # the quarter glued to the sentence before is another quarter than the page's
    "京东2031年第二季度业绩点评。\n\n2031Q1京东集团收入3179亿元。其中商品、服务收入分别为2539、640亿元。",
    # an estimate alone
    "Kuaishou Q2 2031 results summary.\n\n- Other service revenue is estimated at 6.02 billion yuan",
    "JD.com Q2 2031 results summary.\n\nJD’s GMV in 2031 was 3.3 trillion yuan.",  # a year's GMV on a quarter's page
])
def test_more_names_and_openings_left_out(figures, text):
    assert not {f for f in figures(text) if f[1] == "2031Q2"}


@pytest.mark.parametrize("text, found", [
    # US dollars first, the renminbi in brackets, a summary's dash; the change from the same quarter a year before places it
    ("JD.com Q2 2031 earnings summary.\n\n- Net revenues – $41.6 billion (RMB 300.5 billion), an increase of 7.6% from Q2 2030.",
     {("revenue_total", "2031Q2", "300.5", "RMB_bn", "")}),
    ("JD.com Q2 2031 earnings summary.\n\n- Net service revenues –  $7.5 billion (RMB 64.1 billion), an increase of 30.1% from Q2 2030.",
     {("revenue_commerce", "2031Q2", "64.1", "RMB_bn", "")}),
    # the change first, the quarter as an adjective
    ("PDD Holdings announced its Q3 2031 results.\n\nThe retailer on Tuesday reported a 94 per cent surge in third-quarter revenue to "
     "98.8 billion yuan (US$13.6 billion), beating estimates.", {("revenue_total", "2031Q3", "98.8", "RMB_bn", "")}),
    # the count first and its month after, another listed company's, on a page comparing them
    ("JD.com announced its Q3 2031 results on Thursday.\n\nIn contrast, Alibaba’s China retail marketplaces had 885 million mobile MAUs "
     "in September 2031.", {("mau", "2031Q3", "885", "million", "")}),
    # twelve months "in the period" after the twelve months the sentence names, ending with the page's quarter
    ("PDD Holdings announced its Q3 2031 results.\n\nIt generated 544.8 billion yuan of gross merchandise volume in the twelve-month "
     "period ended September 30, 2031, and the number of active buyers in the period climbed by 14 percent to 885.5 million.",
     {("annual_buyers", "2031Q3", "885.5", "million", "")}),
    # the quarter's part of the half year's figure
    ("快手2031年第二季度业绩点评。\n\n快手上半年电商GMV达5902亿元,其中第二季度达3155亿元。", {("gmv", "2031Q2", "3155", "RMB_100m", "")}),
])
def test_summary_and_story_forms(figures, text, found):
    assert {f for f in figures(text) if f[0] != "gmv_ttm"} == found


@pytest.mark.parametrize("text", [
    "JD.com Q2 2031 earnings summary.\n\n- Net revenues – $41.6 billion, an increase of 7.6% from Q2 2030.",  # US dollars only
    "JD.com Q2 2031 earnings summary.\n\n- Net revenues – $41.6 billion (RMB 300.5 billion), an increase of 7.6% from Q1 2030.",
    "JD.com Q2 2031 earnings summary.\n\n- Net revenues – $41.6 billion (RMB 300.5 billion) in Q2 2030.",
    "PDD Holdings announced its Q3 2031 results.\n\nThe retailer reported a 94 per cent surge in second-quarter revenue to 98.8 billion yuan.",
    "JD.com announced its Q3 2031 results on Thursday.\n\nAlibaba’s China retail marketplaces had 885 million mobile MAUs in June 2031.",
    "PDD Holdings announced its Q3 2031 results.\n\nIn the twelve months ended June 30, 2031, the number of active buyers in the period "
    "climbed by 14 percent to 885.5 million.",
    "快手2031年第二季度业绩点评。\n\n快手上半年电商GMV达5902亿元,其中第一季度达2747亿元。",
])
def test_summary_and_story_forms_left_out(figures, text):
    assert {f for f in figures(text) if f[0] != "gmv_ttm"} == set()


@pytest.mark.parametrize("sentence, found", [
    ("Revenue was RMB 300.5 billion, an increase of 7.6% from Q1 2030.", set()),  # a change from neither a year nor a quarter before
    ("Revenue was RMB 300.5 billion, an increase of 2.0% from Q1 2031.", {("revenue_total", "2031Q2", "300.5", "RMB_bn", "")}),  # sequential
    ("Revenue was RMB 300.5 billion, an increase of 7.6% from Q2 2030.", {("revenue_total", "2031Q2", "300.5", "RMB_bn", "")}),
])
def test_a_change_stated_from_a_quarter_must_be_from_a_year_or_a_quarter_before(figures, sentence, found):
    assert figures("JD.com Q2 2031 earnings summary.\n\n" + sentence) == found


JD_STORY = "JD.com said on Thursday its results beat forecasts. The full year was strong.\n\n"


@pytest.mark.parametrize("text, found", [
    # the sentence before named the page's quarter and gave its figure: the next one goes on with it
    (JD_STORY + "Net revenues at JD.com for the fourth quarter of 2031 were 324.3 billion Chinese yuan, an increase of 10 percent from the "
     "fourth quarter of 2030. The company said, net service revenues were 42.1 billion Chinese yuan, an increase of 23.2 percent.",
     {("revenue_total", "2031Q4", "324.3", "RMB_bn", ""), ("revenue_commerce", "2031Q4", "42.1", "RMB_bn", "")}),
])
def test_a_sentence_goes_on_with_the_quarter_the_sentence_before_named(figures, text, found):
    assert figures(text) == found


@pytest.mark.parametrize("text", [
    # the sentence before named another quarter
    JD_STORY + "Net revenues for the third quarter of 2031 were 294.3 billion yuan. Net service revenues were 42.1 billion yuan.",
    # the sentence before named the quarter and the year
    JD_STORY + "Net revenues for the fourth quarter of 2031 were 324.3 billion yuan and 1,200 billion yuan for the full year. "
    "Net service revenues were 42.1 billion yuan.",
    # two sentences later
    JD_STORY + "Net revenues for the fourth quarter of 2031 were 324.3 billion yuan. Shares rose. Net service revenues were 42.1 billion yuan.",
])
def test_no_quarter_goes_on_past_one_sentence_or_from_another_period(figures, text):
    assert ("revenue_commerce", "2031Q4", "42.1", "RMB_bn", "") not in figures(text)


PDD_STORY = ("Pinduoduo reported a surge in quarterly revenue on Wednesday. Total revenues rose to 36.55 billion yuan in the fourth quarter "
             "of 2031.\n\n")


def test_another_companys_figure_for_the_same_period_as_the_sentence_before(figures):
    text = PDD_STORY + ("The company reported 888.4 million annual active buyers for the 12 months to the end of 2031, overtaking its rival. "
                        "Alibaba recorded 879 million annual active buyers during the same period.")
    found = figures(text)
    assert ("annual_buyers", "2031Q4", "888.4", "million", "") in found
    from kreport.extract.figures import read_figures
    from kreport.extract.release import read_release

    others = {(f.platform, f.metric, f.period.label, f.value) for f in read_figures(read_release(text)).figures if f.platform != "pdd"}
    assert others == {("alibaba", "annual_buyers", "2031Q4", "879")}


@pytest.mark.parametrize("between", [
    "The company reported 888.4 million annual active buyers for the 12 months to the end of 2030, a year before. ",  # another period
    "Shares fell 9 percent. ",  # no figure of the page's period right before
])
def test_the_same_period_is_not_read_without_the_page_period_right_before(between):
    from kreport.extract.figures import read_figures
    from kreport.extract.release import read_release

    text = PDD_STORY + between + "Alibaba recorded 879 million annual active buyers during the same period."
    assert not [f for f in read_figures(read_release(text)).figures if f.platform == "alibaba"]


@pytest.mark.parametrize("text, found", [
    # "期内" opening the sentence before: "其中" takes the page's quarter
    ("京东2031年第三季度业绩:营收超预期。\n\n期内总收入3091亿元,按年升10.5%。其中,商品收入2361亿元,升10.5%,服务收入729.7亿元,升30.8%。",
     {("revenue_total", "2031Q3", "3091", "RMB_100m", ""), ("revenue_commerce", "2031Q3", "729.7", "RMB_100m", "")}),
    # compared with the same period a year before, on a page that names no half year, nine months or year: the page's quarter
    ("快手2031年第二季度业绩点评。\n\n其他服务收入由2030年同期的44亿元增加21.3%至53.4亿元,主要是由于电商业务的增长。",
     {("revenue_commerce", "2031Q2", "53.4", "RMB_100m", ""), ("revenue_commerce", "2030Q2", "44", "RMB_100m", "")}),
])
def test_chinese_sentences_placed_by_the_page(figures, text, found):
    assert figures(text) == found


@pytest.mark.parametrize("text", [
    # the page also speaks of the half year: "同期" may be the half year's
    "快手2031年第二季度业绩点评。上半年营收为703亿元。\n\n其他服务收入由2030年同期的84亿元增加21.3%至101.9亿元。",
    # compared with the same period two years before
    "快手2031年第二季度业绩点评。\n\n其他服务收入由2029年同期的44亿元增加21.3%至53.4亿元。",
])
def test_chinese_sentences_not_placed_by_the_page(figures, text):
    assert not {f for f in figures(text) if f[0] == "revenue_commerce"}


KS_HKEX = "KUAISHOU TECHNOLOGY ANNOUNCEMENT OF THE RESULTS FOR THE THREE MONTHS ENDED MARCH 31, 2031\n\n"


@pytest.mark.parametrize("row", [
    "For the Three Months Ended March 31, 2031 2030 YoY change (RMB million, except for percentages) Revenue 39,408 100.0 35,217 100.0 11.9%",
    "For the Three Months Ended March 31, 2031 2030 YoY change (RMB million, except for percentages) Revenue39,408100.035,217100.011.9%",
])
def test_an_english_exchange_announcements_summary_table(figures, row):
    assert figures(KS_HKEX + row) == {("revenue_total", "2031Q1", "39408", "RMB_mn", ""), ("revenue_total", "2030Q1", "35217", "RMB_mn", "")}


def test_an_english_exchange_announcement_table_in_doubt_is_left_out(figures):
    head = "For the Three Months Ended March 31, 2031 {} YoY change (RMB million, except for percentages) Revenue 39,408 100.0 35,217 100.0 {}"
    assert figures(KS_HKEX + head.format(2030, "21.9%")) == set()  # the change does not fit the columns as split
    # columns that are not the quarter and the year before: the comparative is not placed
    assert not {f for f in figures(KS_HKEX + head.format(2029, "11.9%")) if f[1] != "2031Q1"}


@pytest.mark.parametrize("quarter, found", [
    (4, {("revenue_commerce", "2031Q4", "59.6", "RMB_bn", ""), ("revenue_commerce", "2031", "213.4", "RMB_bn", "")}),
    (3, set()),  # "annual" on a third quarter's page: which twelve months is not said (and "the fourth quarter" is another quarter)
])
def test_a_years_word_in_the_metrics_name_on_a_fourth_quarters_page(figures, quarter, found):
    text = (f"JD.com reported Q{quarter} 2031 results.\n\nService revenue still reached 59.6 billion CNY (about 8.4 billion USD) in the "
            "fourth quarter, with an annual service revenue of 213.4 billion CNY (about 30.1 billion USD), up 17.8% year over year.")
    assert figures(text) == found
