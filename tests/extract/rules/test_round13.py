"""The thirteenth rule round (issue 23): general mechanisms, in sentences of our own.

1. A quarter named only inside a comparison ("which stood at 72 percent in the first quarter of 2030") is not the page's quarter;
   a yearless quarter of the page is that quarter of the year after the comparison's only when the text says the comparison is a
   year earlier.
2. The generic clause reader (kreport/extract/clauses.py): a metric's term, then the nearest amount of the right kind in its clause,
   used only where no company rule read the clause; pairs in order ("A/B分别为x/y"); the prior-year comparative "from Y in the same
   quarter of YEAR".
3. Its guards: the stated change must fit the pair, a plausibility band per platform and metric, never a guessed period.
"""

from __future__ import annotations

from pathlib import Path

from kreport.extract.release import read_release

RELEASES = Path(__file__).parents[2] / "fixtures" / "releases"


def _period(text: str) -> str | None:
    release = read_release(text, fiscal_year_end_month={"alibaba": 3})
    return release.period.label if release.period else None


# --- 1. a comparison's quarter is not the page's ---------------------------------------------------------------------------------

_STORY = ("Kuaishou shares drop after Q1 financial results\n"
          "Kuaishou Technology shares tumbled on Tuesday after the ByteDance rival released its first-quarter financial results.\n"
          "While revenues soared by 36.6 percent to 17 billion yuan in the first quarter, live streaming fell. Live streaming "
          "accounted for 43 percent of the revenues, which stood at 72 percent in the first quarter of 2030.\n")


def test_a_quarter_named_only_in_a_which_stood_at_comparison_is_not_the_pages():
    assert _period(_STORY) is None


def test_a_comparison_said_to_be_a_year_earlier_places_the_yearless_quarter_a_year_after_it():
    text = _STORY + "Revenue rose 36.6 percent from 12.4 billion yuan in the same quarter of 2030.\n"
    assert _period(text) == "2031Q1"


def test_a_quarter_with_its_year_that_is_no_comparison_still_places_the_page():
    text = ("Kuaishou released its results for the first quarter of 2031.\n"
            "Revenue stood at 17 billion yuan in the first quarter of 2031.\n")
    assert _period(text) == "2031Q1"


def test_the_heldout11_story_is_no_longer_placed_in_its_comparisons_quarter():
    path = RELEASES / "heldout11" / "kuaishou-2021q1-en-media.txt"
    assert _period(path.read_text(encoding="utf-8")) in (None, "2021Q1")


# --- 2. the generic clause reader -------------------------------------------------------------------------------------------------

KS = "快手科技发布2031年第二季度业绩\n\n"
PDD_EN = "Pinduoduo reported its second-quarter 2031 results on Tuesday.\n\n"


def test_two_names_and_two_amounts_with_fenbie_pair_in_order(figures):
    text = KS + "2031Q2快手应用平均日活跃用户/月活跃用户分别为4.66亿/7.4亿,同比增长3.3%/2.7%。"
    assert figures(text) == {("dau", "2031Q2", "4.66", "100m", ""), ("mau", "2031Q2", "7.4", "100m", "")}


def test_a_metric_name_takes_the_nearest_amount_of_its_kind_in_its_clause(figures):
    text = KS + "2031Q2,公司实现线上营销收入251亿元,同比增长14%,主要系内循环广告的强劲增长。"
    assert figures(text) == {("revenue_marketing", "2031Q2", "251", "RMB_100m", "")}


def test_a_comma_that_starts_a_new_subject_starts_a_new_clause(figures):
    text = "Kuaishou Q2 2031 call notes\n\nUsers: in Q2 2031, DAU was 495 million, up 5.1% year-on-year, MAU was 792 million, up 2.7% year-on-year."
    assert figures(text) == {("dau", "2031Q2", "495", "million", ""), ("mau", "2031Q2", "792", "million", "")}


def test_the_same_quarter_of_a_named_year_gives_the_comparative_when_the_change_fits(figures):
    text = PDD_EN + ("Average monthly active users in the second quarter of 2031 were 668.8 million, an increase of 55% from 431.5 million "
                     "in the same quarter of 2030.")
    assert figures(text) == {("mau", "2031Q2", "668.8", "million", ""), ("mau", "2030Q2", "431.5", "million", "")}


def test_a_change_amount_is_never_a_level(figures):
    text = PDD_EN + "In the second quarter of 2031, average monthly active users increased by 28 million from the previous quarter."
    assert figures(text) == set()


def test_dollars_and_percentages_are_never_the_figure(figures):
    text = PDD_EN + "In the second quarter of 2031, total revenues rose 67% (US$1.73 billion)."
    assert figures(text) == set()


def test_a_comparative_is_not_read_where_no_company_rule_read_the_headline_but_its_year_is_wrong(figures):
    text = PDD_EN + ("Average monthly active users in the second quarter of 2031 were 668.8 million, an increase of 55% from 431.5 million "
                     "in the same quarter of 2028.")
    assert ("mau", "2028Q2", "431.5", "million", "") not in figures(text)


def test_a_forecast_or_another_company_is_not_read(figures):
    assert figures(KS + "2031Q2快手线上营销收入预计为251亿元。") == set()
    assert figures(KS + "2031Q2抖音日活跃用户为8.66亿。") == set()


def test_a_part_or_another_measure_is_not_the_total(figures):
    assert figures(PDD_EN + "In the second quarter of 2031, total costs of revenues were RMB 15.9 billion.") == set()
    assert figures(PDD_EN + "In the second quarter of 2031, revenue from Temu grew to RMB 35.9 billion.") == set()


def test_two_names_before_one_amount_leave_it_unread(figures):
    assert figures("京东集团发布2031年第二季度业绩\n\n服务收入成为营收增长主力,2031年二季度增至578.47亿元,同比增加40.3%。") == set()


# --- 3. its guards ------------------------------------------------------------------------------------------------------------------


def test_a_pair_whose_stated_change_does_not_fit_is_left_out(figures):
    text = PDD_EN + ("Average monthly active users in the second quarter of 2031 were 668.8 million, an increase of 30% from 431.5 million "
                     "in the same quarter of 2030.")
    assert figures(text) == set()


def test_a_figure_outside_the_plausibility_band_is_left_out_with_a_reason():
    from kreport.extract.figures import read_figures

    # 36.6亿 daily users: a misread unit (the band for Kuaishou's DAU is 100 to 600 million)
    reading = read_figures(read_release(KS + "2031Q2快手应用平均日活跃用户/月活跃用户分别为36.6亿/7.4亿。"))
    assert ("dau", "2031Q2") not in {(f.metric, f.period.label) for f in reading.figures}
    assert any("plausible range" in why for why in reading.skipped)


def test_the_bands_are_a_small_table_per_platform_and_metric():
    from kreport.extract.rules.generic import band_for

    assert band_for("kuaishou", "dau", "quarter") == (100, 600)
    assert band_for("kuaishou", "revenue_total", "year")[1] > band_for("kuaishou", "revenue_total", "quarter")[1]
    assert band_for("douyin", "dau", "quarter") is None


def test_a_clause_naming_no_period_after_a_sentence_about_another_is_not_placed(figures):
    text = ("Kuaishou reported Q2 2031 results.\n\nFor the full year 2030, the company said users grew strongly. "
            "MAU was 792 million, up 2.7% year-on-year.")
    assert figures(text) == set()


def test_a_month_is_never_the_pages_quarter(figures):
    assert figures(KS + "我们的年度活跃用户数在10月份突破了7亿的新里程碑。") == set()


def test_a_clause_a_company_rule_read_gives_only_its_missing_comparative(figures):
    text = ("PDD Holdings Announces Second Quarter 2031 Unaudited Financial Results\nSecond Quarter 2031 Highlights\n"
            "Total revenues in the quarter were RMB12,190.0 million, an increase of 67% from 7.3 billion in the same quarter of 2030.\n")
    found = figures(text)
    assert ("revenue_total", "2031Q2", "12190.0", "RMB_mn", "") in found


def test_an_actual_figure_beating_the_estimates_is_read_and_the_estimate_is_not(figures):
    text = KS + "2031Q2,公司实现线上营销收入251亿元,同比增长14%,超预期。"
    assert figures(text) == {("revenue_marketing", "2031Q2", "251", "RMB_100m", "")}
    assert figures(KS + "2031Q2,快手总收入超过市场预期的344.5亿元。") == set()


def test_a_looser_wordings_figure_is_only_the_pages_periods(figures):
    text = PDD_EN + "In the twelve months ended March 31, 2031, the number of annual active buyers reached 885.5 million."
    assert figures(text) == set()


def test_a_comparisons_year_is_not_the_figures(figures):
    text = ("JD.com Announces Fourth Quarter and Full Year 2031 Results.\n\n"
            "While net service revenues were 93.9 billion Chinese yuan, an increase of 42 percent from the full year of 2030.")
    assert ("revenue_commerce", "2030", "93.9", "RMB_bn", "") not in figures(text)


def test_a_second_metric_in_a_clause_a_rule_read_for_the_first_is_still_read(figures):
    text = KS + "用户流量表现 - 2031Q2 DAU达4.09亿 同比增长3.4%创历史新高 MAU达7.15亿 同比增长3.3%"
    assert ("mau", "2031Q2", "7.15", "100m", "") in figures(text)


def test_a_count_as_of_the_quarters_last_day_is_that_quarters(figures):
    text = ("JD.com Q3 2031 results summary.\n\nUser Engagement - The number of annual active users increased by 6.5% to 588.3 million "
            "as of September 30, 2031, from 552.4 million a year earlier.")
    assert figures(text) >= {("annual_buyers", "2031Q3", "588.3", "million", ""), ("annual_buyers", "2030Q3", "552.4", "million", "")}


def test_the_amount_a_change_runs_from_is_never_the_level(figures):
    text = PDD_EN + "In the second quarter of 2031, average monthly active users grew from 431.5 million to 668.8 million."
    assert ("mau", "2031Q2", "431.5", "million", "") not in figures(text)


def test_the_same_name_twice_in_a_pair_reads_nothing(figures):
    text = KS + "2031Q2,快手应用的平均月活跃用户及平均月活跃用户分别为4.66亿及7.4亿。"
    assert figures(text) == set()


def test_a_lower_case_retail_is_no_segment_and_a_change_amount_is_skipped(figures):
    text = ("Alibaba Group announced its June quarter 2031 results.\n\n"
            "Annual active consumers on Alibaba's retail marketplaces in China increased 16m from the previous quarter, reaching 842m.")
    assert ("annual_buyers", "2031Q2", "842", "million", "") in figures(text)


def test_a_from_to_sentence_gives_the_year_before_as_the_comparative(figures):
    text = "快手科技发布2031年第四季度及全年业绩\n\n公司收入由2030年的1269亿元增加8.0%至2031年的1370.5亿元,主要因线上营销服务增长。"
    found = figures(text)
    assert ("revenue_total", "2030", "1269", "RMB_100m", "") in found


def test_placing_a_figure_by_its_comparison_needs_a_stated_change_that_fits(figures):
    page = "拼多多发布2031年第三季度业绩。\n\n"
    unfit = page + "另一方面,交易服务收入激增至500.34亿元人民币,相较2030年同期的291.527亿元人民币,增长率达到惊人的72%。"
    assert figures(unfit) == set()
    fit = page + "另一方面,交易服务收入增长至500.34亿元人民币,相较2030年同期的291.527亿元人民币同比增长72%。"
    assert figures(fit) == {("revenue_commerce", "2031Q3", "500.34", "RMB_100m", ""), ("revenue_commerce", "2030Q3", "291.527", "RMB_100m", "")}


def test_alibabas_annual_active_users_are_not_read_as_its_consumers(figures):
    text = ("Alibaba Group announced its March quarter 2031 results.\n\n"
            "Alibaba said annual active users reached 811 million, up 32 million from the previous quarter.")
    assert figures(text) == set()


def test_a_year_right_before_the_metrics_name_is_its_period_on_that_years_page(figures):
    text = ("PDD Holdings 2031 annual results summary: fourth quarter and full year 2031.\n\n"
            "Total revenues for PDD have shown significant growth, with 2031 total revenues reaching RMB 447.64 billion.")
    assert ("revenue_total", "2031", "447.64", "RMB_bn", "") in figures(text)
    other = text.replace("with 2031 total", "with 2029 total")
    assert ("revenue_total", "2029", "447.64", "RMB_bn", "") not in figures(other)


def test_taiwans_word_for_a_fiscal_year_places_a_calendar_companys_quarter(figures):
    text = ("拼多多周一公布 2031 會計年度第二季 (截至 6/30) 財報，該季營收優於市場預期，營收成長 7% 至約人民幣 1,140 億元(折合 159 億美元)。\n")
    assert _period(text) == "2031Q2"
    assert figures(text) == {("revenue_total", "2031Q2", "1140", "RMB_100m", "about")}
