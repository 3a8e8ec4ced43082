"""What heldout20 (issue 23) showed after its blind measurement, in sentences of our own."""

from __future__ import annotations


def test_a_product_lines_revenue_under_its_label_is_not_the_companys(figures):
    # "- 电子产品及家用电器:净收入1170亿元": a product line's bullet, read as JD's revenue before
    text = ("京东集团2031年第二季度业绩总结\n- 核心品类与业务调整:\n- 电子产品及家用电器:净收入1180亿元,同比下降1.2%。\n"
            "- 日用百货:销售收入790亿元,同比下降8.7%。\n")
    assert not {f for f in figures(text, "jd") if f[0] == "revenue_total"}
