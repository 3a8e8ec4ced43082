"""The sixteenth round (issue 23): placing a page whose quarter its lead does not state with its year, in sentences of our own.
Each mechanism places a page where the evidence is one-sided and refuses where it is not (never-guess)."""

from __future__ import annotations

import pytest

from kreport.extract.periods import Span
from kreport.extract.release import read_release

_FISCAL = {"alibaba": 3}


def _period(text: str) -> Span | None:
    return read_release(text, fiscal_year_end_month=_FISCAL).period


# --- a date the page states of itself, with its word ("Published:", "Last update:"), places a yearless quarter ----------------------


@pytest.mark.parametrize("stamp", ["Last update: Aug 25, 2031", "Published: 08:03 21 Aug 2031 EDT", "Updated on August 25, 2031",
                                   "Published: 2031-08-25 10:30", "发布时间:2031-08-25 10:30"])
def test_a_labelled_page_date_places_a_yearless_quarter(stamp):
    text = (f"Market news\n\n{stamp}\n\nPinduoduo Inc beats estimates, shares jump\n\n"
            "Pinduoduo Inc reported second-quarter financial results that beat estimates on Monday.\n"
            "Revenue reached 99.9 billion yuan.\n")
    assert _period(text) == Span("quarter", 2031, 2)


@pytest.mark.parametrize("stamp", [
    "Last update: Feb 25, 2032",  # more than 75 days after the quarter's end: no results story of it
    "Pinduoduo's office in Shanghai, China, August 3, 2031. /Photo",  # a photo caption's date is not the page's
])
def test_a_date_far_from_the_quarter_or_not_the_pages_places_nothing(stamp):
    text = (f"Market news\n\n{stamp}\n\nPinduoduo Inc beats estimates, shares jump\n\n"
            "Pinduoduo Inc reported second-quarter financial results that beat estimates on Monday.\n"
            "Revenue reached 99.9 billion yuan.\n")
    assert _period(text) is None


# --- a calendar quarter named by its months ("the July-September quarter") with the page's date ------------------------------------


@pytest.mark.parametrize("months", ["the July-September quarter", "the July to September period"])
def test_a_quarter_named_by_its_months_is_placed_by_the_pages_date(months):
    text = ("Alibaba misses estimates and trims its outlook\n\nNovember 18, 2031 11:22 pm\n\n"
            f"On Thursday, Alibaba presented its financial report for {months}, with revenue short of forecasts.\n"
            "Revenue increased by 20% year-on-year to 250.1 billion yuan.\n")
    assert _period(text) == Span("quarter", 2031, 3)  # a calendar quarter, whatever the company's fiscal year


def test_two_quarters_named_by_their_months_place_nothing():
    text = ("Alibaba misses estimates\n\nNovember 18, 2031 11:22 pm\n\n"
            "Alibaba presented its financial report for the July-September quarter on Thursday.\n"
            "The results compare with a strong April to June period, the report said.\n")
    assert _period(text) is None


def test_a_quarter_named_by_its_months_without_a_page_date_places_nothing():
    text = ("Alibaba misses estimates\n\nAlibaba presented its financial report for the July-September quarter on Thursday.\n"
            "Revenue increased by 20% year-on-year to 250.1 billion yuan.\n")
    assert _period(text) is None


# --- "the comparative quarter of 2030" is the same quarter a year before; another year's comparison leaves it open ----------------


@pytest.mark.parametrize("words", ["the comparative quarter of 2030", "the corresponding period of 2030"])
def test_a_comparative_quarter_names_the_year_before(words):
    text = ("Pinduoduo stock drops after results\n\n"
            "Pinduoduo shocked investors with topsy-turvy second quarter results.\n"
            f"The platform had 600 million monthly active buyers, up from 500 million in {words}.\n")
    assert _period(text) == Span("quarter", 2031, 2)


def test_a_comparative_quarter_and_another_years_same_quarter_place_nothing():
    text = ("Pinduoduo stock drops after results\n\n"
            "Pinduoduo shocked investors with topsy-turvy second quarter results.\n"
            "The platform had 600 million monthly active buyers, up from 500 million in the comparative quarter of 2030. "
            "Its revenue was twice that of the same quarter of 2029.\n")
    assert _period(text) is None


# --- a half year ended on the page's quarter's last day is no other period ------------------------------------------------------


_STORY = ("Pinduoduo rang the bell on Nasdaq two years ago.\n\nShares of the platform tumbled on Wednesday.\n\n"
          "Nov. 21 - Stock of Pinduoduo fell after the company posted a wider loss for the third quarter of 2031.\n\n"
          "For six months ended on {end}, 2031, the number of new monthly active users reached 139.9 million.\n")


def test_six_months_ended_on_the_quarters_last_day_does_not_block_the_page_wide_quarter():
    assert _period(_STORY.format(end="September 30")) == Span("quarter", 2031, 3)


def test_six_months_ended_on_another_quarters_last_day_places_nothing():
    assert _period(_STORY.format(end="June 30")) is None


# --- a page about one year's results ("announced its 2031 financial report") is placed at that year's fourth quarter ------------------


def test_a_years_financial_report_places_the_page_at_its_fourth_quarter():
    text = ("Tech daily\n\nA long night for the founder!\n\n"
            "Yesterday, Kuaishou announced its 2031 financial report, and last year's net loss narrowed.\n"
            "According to the financial report, Kuaishou's revenue reached 150.1 billion yuan last year.\n")
    assert _period(text) == Span("quarter", 2031, 4)


def test_a_years_financial_report_with_another_quarter_named_places_nothing():
    text = ("Tech daily\n\nA long night for the founder!\n\n"
            "Yesterday, Kuaishou announced its 2031 financial report, and last year's net loss narrowed.\n"
            "According to the financial report, Kuaishou's revenue in the third quarter reached 40.1 billion yuan.\n")
    assert _period(text) is None


def test_a_fiscal_years_financial_report_is_not_placed_for_a_company_whose_year_ends_in_march():
    text = ("Tech daily\n\nA long night for the founder!\n\n"
            "Yesterday, Alibaba announced its 2031 financial report, and its net income rose.\n"
            "According to the financial report, Alibaba's revenue reached 950.1 billion yuan.\n")
    assert _period(text) is None


# --- a broker note whose points mostly name one quarter ----------------------------------------------------------------------------

_POINTS = ["{q}公司毛利率达到50.1%,同比+2.0pct。", "{q},快手DAU达到4.10亿,同比增长3.0%。", "{q}公司线上营销收入190亿元,同比增长12.0%。",
           "{q}公司电商GMV达到3300亿元,同比增长14%。", "{q}实现收入330亿元,同比增长10.0%。"]


def _note(quarters: list[str]) -> str:
    # (two opening sentences that name no quarter: the lead settles none)
    opening = "报告公司投资评级。公司维持\"买入\"评级。报告的核心观点:公司坚持推进提质增效策略。\n"
    return opening + "".join(p.format(q=q) for p, q in zip(_POINTS, quarters)) + "\n"


def test_the_quarter_most_points_name_places_a_broker_note():
    assert _period(_note(["2031Q2", "2031Q2", "2031Q2", "2031Q1", "2031Q2"])) == Span("quarter", 2031, 2)


@pytest.mark.parametrize("quarters", [
    ["2031Q2", "2031Q2", "2031Q2", "2031Q3", "2031Q2"],  # a later quarter named: it could be the page's own
    ["2031Q2", "2031Q2", "2031Q2", "2031Q1", "2031Q1"],  # no strong dominance
    ["2031Q2", "2031Q2", "2031Q2", "2031Q1"],  # three sentences are too few
])
def test_a_broker_note_without_a_dominant_quarter_places_nothing(quarters):
    assert _period(_note(quarters)) is None


def test_forecasts_do_not_count_towards_the_dominant_quarter():
    text = _note(["2031Q2", "2031Q1", "2031Q2"]) + "我们预计2031Q2收入340亿元。我们预计2031Q2利润40亿元。\n"
    assert _period(text) is None


# --- a page that names no company but one company's products ---------------------------------------------------------------------


def _platform(text: str) -> str | None:
    return read_release(text, fiscal_year_end_month=_FISCAL).platform


def test_one_companys_products_name_the_page_that_names_no_company():
    text = ("财务数据和关键指标变化 - 2031年第二季度营收同比增长10.0%至400亿元人民币。\n"
            "淘宝天猫的客户管理收入同比增长5%。\n天猫的会员数超过5000万。\n")
    assert _platform(text) == "alibaba"


@pytest.mark.parametrize("text", [
    "2031年第二季度营收同比增长10.0%至400亿元人民币。\n淘宝天猫的客户管理收入同比增长5%。\nTemu的订单增长较快。\n",  # two companies'
    "2031年第二季度营收同比增长10.0%至400亿元人民币。\n公司在淘宝上开设了店铺。\n",  # one sentence: an aside
])
def test_products_of_two_companies_or_a_single_mention_name_no_company(text):
    assert _platform(text) is None
