"""The tenth rule round (issue 23): wordings and guards from the misses of heldout2 to heldout8, in sentences of our own."""

from __future__ import annotations

import pytest

from kreport.extract.cleaning import matchable
from kreport.extract.periods import plain_periods

# --- Chinese fiscal quarters: glossed with their calendar quarter, named by number alone, 财季, and the fiscal year ------------


@pytest.mark.parametrize("sentence, plain", [
    ("阿里巴巴集团发布了2031财年第一季度财报(截至2030年6月30日)。", "阿里巴巴集团发布了2030年第二季度财报。"),
    ("阿里巴巴集团公布2031财年第二财季(自然年2030年三季度)业绩", "阿里巴巴集团公布2030年第三季度业绩"),
    ("阿里巴巴集团公布2031财年第四季度(即2031年第一季度)业绩", "阿里巴巴集团公布2031年第一季度业绩"),
])
def test_a_chinese_fiscal_quarter_with_an_agreeing_gloss_is_written_plainly(sentence, plain):
    assert plain_periods(matchable(sentence), 3) == plain


@pytest.mark.parametrize("sentence, end", [
    ("阿里巴巴集团发布了2031财年第一季度财报(截至2030年9月30日)。", 3),  # the gloss disagrees: left as written
    ("阿里巴巴集团公布2031财年第二财季(自然年2030年二季度)业绩", 3),
    ("快手发布了2031财年第一季度财报(截至2030年6月30日)。", 12),  # a calendar-year company's calendar gives another quarter
])
def test_a_chinese_fiscal_quarter_whose_gloss_disagrees_is_left_as_written(sentence, end):
    assert plain_periods(matchable(sentence), end) == matchable(sentence)


ALI_Q2 = "8月10日晚,阿里巴巴集团发布了2031财年第一季度财报(截至2030年6月30日)。"


def test_its_revenue_after_the_results_show_is_the_companys(figures):
    text = ALI_Q2 + "财报显示,其实现营收2341.6亿元(人民币,下同),同比增长14%。\n"
    assert figures(text, "alibaba") == {("revenue_total", "2030Q2", "2341.6", "RMB_100m", "")}


@pytest.mark.parametrize("sentence", [
    "淘天集团本季度表现亮眼,其实现营收1149.53亿元,同比增长12%。",  # "其" after another subject: not read
    "淘天集团财报显示,其实现营收1149.53亿元,同比增长12%。",  # a part of the company: never its total
    "财报显示,阿里云实现营收251.23亿元,同比增长4%。",  # 阿里云 is no short name for the company
    "财报显示,阿里国际数字商业集团实现营收261.43亿元。",
])
def test_a_part_or_another_subject_is_not_the_companys_revenue(figures, sentence):
    assert not figures(ALI_Q2 + sentence + "\n", "alibaba")


ALI_FQ4 = "阿里巴巴集团公布2031财年第四季度及全年业绩。"


def test_a_fiscal_quarter_by_number_alone_on_a_page_naming_it_with_its_fiscal_year(figures):
    text = ALI_FQ4 + "财报显示,四季度阿里实现营收2040.52亿元,同比增长9%。\n"
    assert figures(text, "alibaba") == {("revenue_total", "2031Q1", "2040.52", "RMB_100m", "")}


def test_a_quarter_by_number_alone_is_not_the_fiscal_one_on_a_page_that_does_not_name_it(figures):
    text = "阿里巴巴集团公布截至2031年3月31日止季度业绩。财报显示,四季度阿里实现营收2040.52亿元,同比增长9%。\n"
    assert not figures(text, "alibaba")


def test_the_fiscal_quarter_of_a_glossed_page_reads_its_revenue(figures):
    text = "11月17日消息,阿里巴巴集團公布2031財年第二財季(自然年2030年三季度)業績,財季收入人民幣2071.76億元,同比增長3%,好于市場預期。\n"
    assert figures(text, "alibaba") == {("revenue_total", "2030Q3", "2071.76", "RMB_100m", "")}


@pytest.mark.parametrize("sentence", [
    "市场预计下一财季收入人民币2200亿元。",  # a forecast
    "第三财季收入人民币2200亿元。",  # another fiscal quarter than the page's (its second)
])
def test_another_fiscal_quarter_or_a_forecast_is_not_read(figures, sentence):
    text = "11月17日消息,阿里巴巴集团公布2031财年第二财季(自然年2030年三季度)业绩。" + sentence + "\n"
    assert not figures(text, "alibaba")


def test_a_fiscal_years_revenue_named_with_its_fiscal_year(figures):
    text = ALI_FQ4 + "报告显示,2031财年,阿里实现营收8530.62亿元,同比增长19%。\n"
    assert ("revenue_total", "FY2031", "8530.62", "RMB_100m", "") in figures(text, "alibaba")


@pytest.mark.parametrize("sentence", [
    "2032财年,阿里营收预计将达9000亿元。",  # a forecast
    "2031财年,阿里云实现营收800亿元。",  # a part
])
def test_a_fiscal_years_forecast_or_part_is_not_read(figures, sentence):
    assert not {f for f in figures(ALI_FQ4 + sentence + "\n", "alibaba") if f[1].startswith("FY")}
