"""Kuaishou's wordings (kreport/extract/rules/kuaishou.py), beyond the fixtures' openings."""

from __future__ import annotations

EN_Q4 = "Kuaishou Technology Announces Fourth Quarter and Full Year 2024 Financial Results\n\n"


def test_the_full_year_block_in_english(figures):
    text = EN_Q4 + ("Full Year 2024 Key Highlights\n"
                    "- Average DAUs on Kuaishou APP were 399.4 million, representing an increase of 5.1% from 379.9 million for 2023.\n"
                    "- Total revenue increased by 11.8% to RMB126.9 billion from RMB113.5 billion for the same period of 2023.\n")
    assert figures(text) == {("dau", "2024", "399.4", "million", ""), ("dau", "2023", "379.9", "million", ""),
                             ("revenue_total", "2024", "126.9", "RMB_bn", ""), ("revenue_total", "2023", "113.5", "RMB_bn", "")}


def test_the_segment_lines_of_the_financial_review(figures):
    text = ("Kuaishou Technology Announces Third Quarter 2024 Unaudited Financial Results\n\nThird Quarter 2024 Financial Review\n"
            "Revenue from our online marketing services increased by 20.0% to RMB17.6 billion for the third quarter of 2024 "
            "from RMB14.7 billion for the same period of 2023.\n")
    assert figures(text) == {("revenue_marketing", "2024Q3", "17.6", "RMB_bn", ""), ("revenue_marketing", "2023Q3", "14.7", "RMB_bn", "")}
    text = ("快手科技發佈2024年第三季度業績\n\n2024年第三季度業績摘要\n"
            "線上營銷服務收入由2023年同期的人民幣147億元增加20.0%至2024年第三季度的人民幣176億元。\n"
            "其他服務收入由2023年同期的人民幣35億元增加17.5%至2024年第三季度的人民幣42億元。\n")
    assert figures(text) == {("revenue_marketing", "2024Q3", "176", "RMB_100m", ""), ("revenue_marketing", "2023Q3", "147", "RMB_100m", ""),
                             ("revenue_commerce", "2024Q3", "42", "RMB_100m", ""), ("revenue_commerce", "2023Q3", "35", "RMB_100m", "")}


def test_shares_of_revenue_give_no_level(figures):
    text = ("Kuaishou Technology Announces Second Quarter 2025 Unaudited Financial Results\n\nSecond Quarter 2025 Key Highlights\n"
            "- Online marketing services and live streaming contributed 56.4% and 28.7%, respectively, to the total revenue. "
            "The other 14.9% came from other services.\n")
    assert figures(text) == set()


def test_profit_lines_are_not_revenue(figures):
    text = ("快手科技發佈2024年第四季度業績\n\n2024年第四季度業績摘要\n"
            "- 毛利為人民幣191億元,較去年同期的人民幣173億元增長10.6%。\n- 經調整利潤淨額(2)自去年同期的人民幣44億元增長至人民幣47億元。\n"
            "- 核心商業收入同比增長19.2%至人民幣300億元。\n")
    assert figures(text) == set()
