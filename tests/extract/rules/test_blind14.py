"""What heldout14 (issue 23) showed after its blind measurement, in sentences of our own: a total revenue whose subject is a part of
the company is left out, whichever looser wording read it, and a bracketed list of the part's own units naming the company ("JD
Retail (including JD Health, JD Industry ...)") does not make the part the company."""

from __future__ import annotations

from kreport.extract.clauses import part_subject


def test_a_part_named_before_the_amount_is_the_subject_unless_the_company_is_named_after_it():
    text = "In Q4 2031, JD Retail (including JD Health, JD Industry, and other components) reported revenue of CNY 307.1 billion"
    assert part_subject(text, text.index("307.1"), "jd") == "Retail"
    text = "New business segments, particularly food delivery, generated 57.5 billion CNY in revenue for Q1 2031"
    assert part_subject(text, text.index("57.5"), "jd") is not None
    text = "Beside its cloud unit, JD.com reported revenue of CNY 347 billion"
    assert part_subject(text, text.index("347"), "jd") is None
    assert part_subject("JD.com reported revenue of CNY 347 billion", 30, "jd") is None


def test_a_looser_wordings_total_with_a_part_as_subject_is_left_out(figures):
    head = "JD.com Announces First Quarter 2031 Results\n"
    assert not {f for f in figures(head + "New business segments, particularly food delivery, generated 57.5 billion CNY in revenue for "
                                          "Q1 2031.\n", "jd") if f[0] == "revenue_total"}
    assert {f for f in figures(head + "In Q1 2031, JD.com generated 301.1 billion CNY in revenue.\n", "jd") if f[0] == "revenue_total"} \
        <= {("revenue_total", "2031Q1", "301.1", "RMB_bn", "")}
    assert not {f for f in figures(head + "In Q1 2031, JD Retail (including JD Health and JD Industry) reported revenue of CNY 307.1 "
                                          "billion, up 14.7% YoY.\n", "jd") if f[0] == "revenue_total"}
