"""What heldout16 (issue 23) showed after its blind measurement, in sentences of our own: a broker's forecast sentence does not move
the page's story off its quarter, a "中期目标" (a medium-term target) is no interim period, and a period's words before "集团" or a
"公司实现营业收入" do not make the subject a part of the company."""

from __future__ import annotations


def test_a_forecast_of_the_next_quarter_does_not_take_the_next_sentence_off_the_pages_quarter(figures):
    text = ("2031Q1快手收入300亿元,同比增长16.6%。2031Q1快手直播业务收入86亿元,同比减少8%,我们预计2031Q2直播业务收入同比下降14%。"
            "线上营销服务收入同比增长27%到167亿元,其中内循环收入增长较快。\n")
    assert ("revenue_marketing", "2031Q1", "167", "RMB_100m", "") in figures(text, "kuaishou")


def test_a_sentence_about_another_actual_quarter_still_takes_the_next_sentence_off_the_pages_quarter(figures):
    text = ("2031Q1快手收入300亿元,同比增长16.6%。2030Q4快手直播业务收入94亿元。"
            "线上营销服务收入同比增长27%到167亿元,其中内循环收入增长较快。\n")
    assert not {f for f in figures(text, "kuaishou") if f[0] == "revenue_marketing"}


def test_a_medium_term_target_is_no_interim_period():
    from kreport.extract.release import read_release

    text = ("快手2031年第三季度业绩点评\n2031年第三季度公司总营收同比增长14%至356亿元。\n"
            "经营数据 - 快手用户规模实现中期目标,日均活跃用户数达到4.08亿。\n月活跃用户达到7.14亿,同比增长4.3%。\n")
    release = read_release(text)
    assert release.flat and not release.parts


def test_an_interim_period_is_still_one():
    from kreport.extract.release import read_release

    text = "快手2031年第三季度业绩点评\n2031年第三季度公司总营收同比增长14%至356亿元。\n公司中期业绩稳健。\n"
    assert read_release(text).parts


def test_a_periods_words_before_group_do_not_make_a_part(figures):
    text = "快手2031年第四季度业绩会纪要\n2031年第四季度集团收入同比增长15.8%、环比增长22.3%至283亿元,主要受在线营销服务驱动。\n"
    assert ("revenue_total", "2031Q4", "283", "RMB_100m", "") in figures(text, "kuaishou")


def test_the_company_after_a_groups_profit_is_the_company(figures):
    text = ("快手2031Q1点评\n2031Q1业务持续回暖,公司首次实现季度集团整体盈利,维持“买入”评级2031Q1公司实现营业收入252亿元(同比+19.7%),"
            "其中线上营销服务收入131亿元。\n")
    assert ("revenue_total", "2031Q1", "252", "RMB_100m", "") in figures(text, "kuaishou")


def test_a_named_group_is_still_a_part(figures):
    text = "阿里巴巴2031年第一季度业绩\n2031年第一季度淘天集团收入同比增长4%至1013亿元。\n"
    assert not {f for f in figures(text, "alibaba") if f[0] == "revenue_total"}



def test_a_bare_revenue_after_a_sentence_about_a_part_is_the_parts(figures):
    text = ("Alibaba results for the quarter ended December 31, 2031.\nAlibaba's International Digital Commerce Group consists of "
            "AliExpress, Trendyol, and Lazada. Revenue grew 44% year-over-year to RMB 28,516 million.\n")
    assert not {f for f in figures(text, "alibaba") if f[0] == "revenue_total"}
    text = ("Alibaba results for the quarter ended December 31, 2031.\nAlibaba's International Digital Commerce Group grew quickly. "
            "Total revenue grew 5% year-over-year to RMB 260,348 million.\n")
    assert ("revenue_total", "2031Q4", "260348", "RMB_mn", "") in figures(text, "alibaba")
