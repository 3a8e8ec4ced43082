"""Media wordings of a quarter's figures (issue 23, seventh rule round): the sentences agency stories, newswires and
Chinese media write, each on a page whose opening states the quarter ("reported its second-quarter 2031 results").
Every sentence is made up; the negative ones must give nothing (another period, another company or unit, US dollars
only, estimates, a segment)."""

from __future__ import annotations

import pytest

HEADS = {
    "kuaishou": "Kuaishou Technology reported its second-quarter 2031 results on Tuesday.",
    "pdd": "PDD Holdings reported its first-quarter 2031 results on Tuesday.",
    "jd": "JD.com reported its first-quarter 2031 results on Thursday.",
    "alibaba": "Alibaba Group reported its March quarter 2031 results on Thursday.",
    "kuaishou-zh": "快手发布2031年第二季度业绩。",
    "kuaishou-hant": "快手公布2031年第二季度業績。",
}


@pytest.mark.parametrize("head, sentence, found", [
    ("kuaishou", "Revenue rose 11% to 35.1 billion yuan ($4.9 billion) in the three months ended June 30.", ("revenue_total", "2031Q2", "35.1", "RMB_bn")),
    ("kuaishou", "Total revenue increased 11% year-on-year to RMB35.1 billion.", ("revenue_total", "2031Q2", "35.1", "RMB_bn")),
    ("kuaishou", "Kuaishou's revenue grew 11 percent to 35.1 billion yuan.", ("revenue_total", "2031Q2", "35.1", "RMB_bn")),
    ("kuaishou", "Sales rose 11% to 35.1 billion yuan.", ("revenue_total", "2031Q2", "35.1", "RMB_bn")),
    ("kuaishou", "Quarterly revenue rose 11% to 35.1 billion yuan.", ("revenue_total", "2031Q2", "35.1", "RMB_bn")),
    ("kuaishou", "Revenue came in at 35.1 billion yuan, compared with analysts' average estimate of 34.8 billion yuan.",
     ("revenue_total", "2031Q2", "35.1", "RMB_bn")),
    ("kuaishou", "Its average daily active users rose 5% to 410 million.", ("dau", "2031Q2", "410", "million")),
    ("kuaishou", "Gross merchandise value on its e-commerce platform increased 15 percent to 350.2 billion yuan.", ("gmv", "2031Q2", "350.2", "RMB_bn")),
    ("kuaishou", "Revenue from online marketing services grew 12.0% year-on-year to RMB18.5 billion.",
     ("revenue_marketing", "2031Q2", "18.5", "RMB_bn")),
    ("kuaishou-zh", "报告期内,快手总收入为351亿元,同比增长11%。", ("revenue_total", "2031Q2", "351", "RMB_100m")),
    ("kuaishou-zh", "电商GMV同比增长15%至3502亿元。", ("gmv", "2031Q2", "3502", "RMB_100m")),
    ("kuaishou-hant", "快手第二季度總收入351億元人民幣,按年增長11%。", ("revenue_total", "2031Q2", "351", "RMB_100m")),
    ("pdd", "Revenue rose 10% to 105.7 billion yuan ($14.6 billion) in the three months ended March 31.", ("revenue_total", "2031Q1", "105.7", "RMB_bn")),
    ("pdd", "The company's revenue rose 10% year on year to 105.7 billion yuan.", ("revenue_total", "2031Q1", "105.7", "RMB_bn")),
    ("pdd", "Transaction services revenue rose 8% to 50.5 billion yuan.", ("revenue_commerce", "2031Q1", "50.5", "RMB_bn")),
    ("jd", "JD.com's net revenue for the quarter was 320.5 billion yuan.", ("revenue_total", "2031Q1", "320.5", "RMB_bn")),
    ("jd", "Revenue from services increased 12% to 62.1 billion yuan.", ("revenue_commerce", "2031Q1", "62.1", "RMB_bn")),
    ("alibaba", "Taobao and Tmall Group's customer management revenue grew 9% year-over-year to RMB71.2 billion.",
     ("revenue_marketing", "2031Q1", "71.2", "RMB_bn")),
])
def test_media_wordings_of_the_quarters_figures(figures, head, sentence, found):
    assert figures(HEADS[head] + "\n\n" + sentence) == {found + ("",)}


@pytest.mark.parametrize("head, sentence", [
    ("kuaishou", "Sales and marketing expenses were 10.2 billion yuan."),
    ("kuaishou", "Revenue rose 11% to 35.1 billion yuan in the first half."),
    ("kuaishou", "Analysts expect revenue to rise 11% to 35.1 billion yuan."),
    ("kuaishou", "Revenue rose 11% to HK$35.1 billion."),
    ("kuaishou", "Revenue rose 11% to $35.1 billion."),
    ("kuaishou", "Its overseas revenue rose 30% to 1.2 billion yuan."),
    ("kuaishou", "Revenue in the third quarter rose 10% to 37 billion yuan."),
    ("kuaishou", "Revenue in the first quarter of 2031 rose 10% to 33 billion yuan."),
    ("kuaishou", "Alibaba's revenue rose 7% to 236.5 billion yuan."),
    ("kuaishou", "Net income rose 20% to 4.1 billion yuan."),
    ("kuaishou", "Revenue rose 11% to 35.1 billion yuan, compared with 30.1 billion yuan in the first quarter of 2030."),
    ("kuaishou", "Revenue grew 11 percent to 35.1 billion yuan for the six months."),
    ("kuaishou-zh", "上半年快手营收690亿元,同比增长11%。"),
    ("kuaishou-zh", "快手海外收入同比增长30%至12亿元。"),
    ("kuaishou-zh", "2030年第二季度快手营收316亿元。"),
    ("pdd", "Temu's sales rose 40% to 20 billion yuan."),
    ("alibaba", "Quarterly sales at its cloud unit rose 10% to 30 billion yuan."),
    ("alibaba", "Revenue for fiscal year 2031 rose 6% to 950 billion yuan."),
    ("jd", "JD Retail's revenue rose 5% to 280 billion yuan."),
])
def test_media_wordings_left_out(figures, head, sentence):
    assert figures(HEADS[head] + "\n\n" + sentence) == set()


@pytest.mark.parametrize("text, label", [
    ("Kuaishou Technology reported its second-quarter 2031 results on Tuesday.", "2031Q2"),
    ("PDD Holdings posted first-quarter, 2031 earnings on Tuesday.", "2031Q1"),
])
def test_a_hyphenated_quarter_names_the_page(text, label):
    from kreport.extract.release import read_release

    assert read_release(text).period.label == label


@pytest.mark.parametrize("text, found", [
    ("Kuaishou said on Tuesday that second-quarter revenue rose 11% to 35.1 billion yuan from a year earlier. The results for the June "
     "quarter 2031 beat forecasts.", {("kuaishou", "revenue_total", "2031Q2", "35.1", "RMB_bn")}),
    ("Pinduoduo said its annual active buyers rose to 950 million in the 12 months ended March 31, 2031, from 880 million a year earlier.",
     # the comparative "a year earlier" completed by the generic clause reader (rules13)
     {("pdd", "annual_buyers", "2031Q1", "950", "million"), ("pdd", "annual_buyers", "2030Q1", "880", "million")}),
    ("Pinduoduo reported Q1 2031 results. Its GMV in the 12 months ended March 31, 2031 rose 20% to 5.2 trillion yuan.",
     {("pdd", "gmv_ttm", "2031Q1", "5.2", "RMB_trillion")}),
    ("Kuaishou reported Q2 2031 results. DAUs rose 5% year on year to 410 million.", {("kuaishou", "dau", "2031Q2", "410", "million")}),
    ("快手2031年第二季度业绩:日活4.1亿,月活7.2亿。",
     {("kuaishou", "dau", "2031Q2", "4.1", "100m"), ("kuaishou", "mau", "2031Q2", "7.2", "100m")}),
])
def test_more_media_wordings(text, found):
    from kreport.extract.figures import read_figures
    from kreport.extract.release import read_release

    reading = read_figures(read_release(text))
    assert {(f.platform, f.metric, f.period.label, f.value, f.unit) for f in reading.figures} == found


@pytest.mark.parametrize("text", [
    "Pinduoduo reported Q1 2031 results. Its GMV in the 12 months ended December 31, 2030 rose 20% to 5.0 trillion yuan.",
    "快手2031年第二季度业绩:可灵日活1200万。",
    "Kuaishou reported Q2 2031 results. DAUs rose 5% year on year to 410 million in the first half.",
])
def test_more_media_wordings_left_out(figures, text):
    assert not {f for f in figures(text) if f[1] == "2031Q2" or f[1] == "2031Q1"}


@pytest.mark.parametrize("text, found", [
    ("拼多多发布2031年第一季度财报。\n\n报告期内,拼多多实现营收1057亿元,同比增长10%。", ("pdd", "revenue_total", "2031Q1", "1057", "RMB_100m")),
    ("拼多多公佈2031年第一季度業績。\n\n拼多多第一季營收1057億元人民幣,按年升10%。", ("pdd", "revenue_total", "2031Q1", "1057", "RMB_100m")),
    ("拼多多发布2031年第一季度财报。\n\n交易服务收入505亿元,同比增长8%。", ("pdd", "revenue_commerce", "2031Q1", "505", "RMB_100m")),
    ("京東公佈2031年第一季度業績。\n\n京東第一季度收入3,205億元人民幣,按年增長6%。", ("jd", "revenue_total", "2031Q1", "3205", "RMB_100m")),
    ("阿里巴巴公布截至2031年3月31日止季度业绩。\n\n客户管理收入同比增长9%至712亿元。", ("alibaba", "revenue_marketing", "2031Q1", "712", "RMB_100m")),
    # 季內: Hong Kong press's "within the quarter"
    ("阿里巴巴公佈截至2031年3月31日止季度業績。\n\n季內收入2,365億元人民幣,按年增長7%。", ("alibaba", "revenue_total", "2031Q1", "2365", "RMB_100m")),
])
def test_chinese_wordings_of_every_listed_company(text, found):
    from kreport.extract.figures import read_figures
    from kreport.extract.release import read_release

    reading = read_figures(read_release(text, fiscal_year_end_month={"alibaba": 3}))
    assert {(f.platform, f.metric, f.period.label, f.value, f.unit) for f in reading.figures} == {found}


@pytest.mark.parametrize("text", [
    "阿里巴巴公佈截至2031年3月31日止季度業績。\n\n上季內收入2,265億元人民幣。",  # the quarter before
    "阿里巴巴公佈截至2031年3月31日止季度業績。\n\n季內雲業務收入300億元人民幣。",  # a segment
    "拼多多发布2031年第一季度财报。\n\n上半年营收2057亿元。",
])
def test_chinese_wordings_left_out(text):
    from kreport.extract.figures import read_figures
    from kreport.extract.release import read_release

    assert not read_figures(read_release(text, fiscal_year_end_month={"alibaba": 3})).figures


@pytest.mark.parametrize("sentence, found", [
    ("Revenue rose to 247.7 billion yuan in the September quarter.", {("revenue_total", "2031Q3", "247.7", "RMB_bn", "")}),
    ("Revenue rose to 247.7 billion yuan in the June quarter.", set()),  # another quarter's month
])
def test_a_month_quarter_without_its_year_is_the_pages_if_it_ends_in_that_month(figures, sentence, found):
    assert figures("JD.com reported Q3 2031 results on Thursday.\n\n" + sentence) == found


@pytest.mark.parametrize("sentence, found", [
    ("Revenue rose 6% to 86.8bn yuan.", ("revenue_total", "2031Q4", "86.8", "RMB_bn", "")),
    ("Revenue rose 6% to Rmb86.8bn.", ("revenue_total", "2031Q4", "86.8", "RMB_bn", "")),
    ("Revenue rose 6% to 86.8 billion renminbi.", ("revenue_total", "2031Q4", "86.8", "RMB_bn", "")),
    ("Net revenues for the full year were 1.16 trillion yuan.", ("revenue_total", "2031", "1.16", "RMB_trillion", "")),
])
def test_money_written_every_way_a_story_writes_it(figures, sentence, found):
    assert figures("JD.com reported Q4 2031 results on Thursday.\n\n" + sentence) == {found}


@pytest.mark.parametrize("sentence", ["Revenue rose 6% to $86.8bn.", "Revenue rose 6% to HK$86.8bn.", "Revenue rose 6% to 86.8bn."])
def test_money_without_the_renminbi_is_never_read(figures, sentence):
    assert figures("JD.com reported Q4 2031 results on Thursday.\n\n" + sentence) == set()


@pytest.mark.parametrize("head, sentence, found", [
    ("pdd", "Annual active buyers in the 12 months ended March 31 rose to 950 million.", ("annual_buyers", "2031Q1", "950", "million")),
    ("jd", "Annual active customer accounts reached 600 million in the twelve months ended March 31.",
     ("annual_buyers", "2031Q1", "600", "million")),
    ("alibaba", "Annual active consumers of its China retail marketplaces reached 1.01 billion.", ("annual_buyers", "2031Q1", "1.01", "billion")),
])
def test_twelve_months_to_a_date_without_its_year(figures, head, sentence, found):
    assert figures(HEADS[head] + "\n\n" + sentence) == {found + ("",)}


@pytest.mark.parametrize("head, sentence", [
    ("pdd", "Annual active buyers in the 12 months ended December 31 rose to 950 million."),  # not the page's quarter's end
    ("alibaba", "Annual active consumers of the Alibaba ecosystem reached 1.31 billion globally."),
])
def test_twelve_months_that_are_not_the_pages_left_out(figures, head, sentence):
    assert figures(HEADS[head] + "\n\n" + sentence) == set()


def test_another_companys_change_first_revenue_in_a_month_quarter(figures):
    from kreport.extract.figures import read_figures
    from kreport.extract.release import read_release

    text = ("PDD Holdings reported its third-quarter 2031 results on Tuesday.\n\n"
            "Rival JD.com reported 1.7 per cent growth in revenue to 347.7 billion yuan in the September quarter.")
    assert {(f.platform, f.period.label, f.value) for f in read_figures(read_release(text)).figures} == {("jd", "2031Q3", "347.7")}
    assert not read_figures(read_release(text.replace("September", "June"))).figures
