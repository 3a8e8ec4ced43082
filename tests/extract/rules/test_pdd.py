"""PDD's wordings (kreport/extract/rules/pdd.py), beyond the fixtures' openings."""

from __future__ import annotations

TITLE = "PDD Holdings Announces Second Quarter 2024 Unaudited Financial Results\n\n"


def test_the_segment_lines_of_the_quarter(figures):
    text = TITLE + ("Second Quarter 2024 Unaudited Financial Results\n"
                    "Revenues from online marketing services and others were RMB49,115.5 million (US$6,758.5 million), "
                    "an increase of 29% from RMB38,027.7 million in the same quarter of 2023.\n"
                    "Revenues from transaction services were RMB47,944.0 million (US$6,597.3 million), an increase of 234% "
                    "from RMB14,353.9 million in the same quarter of 2023.\n")
    assert figures(text) == {("revenue_marketing", "2024Q2", "49115.5", "RMB_mn", ""), ("revenue_marketing", "2023Q2", "38027.7", "RMB_mn", ""),
                             ("revenue_commerce", "2024Q2", "47944.0", "RMB_mn", ""), ("revenue_commerce", "2023Q2", "14353.9", "RMB_mn", "")}


def test_the_fiscal_year_block(figures):
    text = ("Pinduoduo Announces Fourth Quarter 2020 Unaudited Financial Results\n\nFiscal Year 2020 Highlights\n"
            "  • Total revenues in 2020 were RMB59,491.9 million (US$9,117.5 million), an increase of 97% from RMB30,141.9 million in 2019.\n")
    assert figures(text) == {("revenue_total", "2020", "59491.9", "RMB_mn", ""), ("revenue_total", "2019", "30141.9", "RMB_mn", "")}


def test_quarter_wordings_outside_the_quarter_block_give_nothing(figures):
    text = ("Pinduoduo Announces Fourth Quarter 2020 Unaudited Financial Results\n\nFiscal Year 2020 Highlights\n"
            "  • Total revenues in the quarter were RMB26,547.7 million.\n")
    assert figures(text) == set()
