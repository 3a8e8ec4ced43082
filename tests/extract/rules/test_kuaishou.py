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


def test_daily_and_monthly_users_named_together_in_the_chief_executives_words(figures):
    heading = "快手科技發佈2023年第三季度業績\n\n2023年第三季度業績摘要\n"
    quote = "程一笑先生表示:「第三季度,我們的社區活躍度持續上升,其中日活躍用戶數和月活躍用戶數分別達到了3.866億和6.847億的歷史新高。」"
    assert figures(heading + quote) == {("dau", "2023Q3", "3.866", "100m", ""), ("mau", "2023Q3", "6.847", "100m", "")}
    quote = "程一笑先生表示:「推動快手應用的平均日活躍數和月活躍用戶數再創歷史新高,分別達到4.075億和7.141億。」"
    assert figures(heading.replace("2023", "2024") + quote) == {("dau", "2024Q3", "4.075", "100m", ""), ("mau", "2024Q3", "7.141", "100m", "")}


def test_users_named_together_give_way_to_the_bullets_and_never_read_for_another_period(figures):
    heading = "快手科技發佈2024年第四季度及全年業績\n\n2024年第四季度業績摘要\n"
    bullets = "- 快手應用平均日活躍用戶為4.010億,較去年同期3.825億增長4.8%。\n- 快手應用平均月活躍用戶為7.360億,較去年同期7.004億增長5.0%。\n"
    quote = "程一笑表示:「日活躍用戶數和月活躍用戶數分別達到4.01億和7.36億。」"
    assert figures(heading + bullets + quote) == {("dau", "2024Q4", "4.010", "100m", ""), ("dau", "2023Q4", "3.825", "100m", ""),
                                                   ("mau", "2024Q4", "7.360", "100m", ""), ("mau", "2023Q4", "7.004", "100m", "")}
    quote = "程一笑表示:「2024年全年,我們持續投入AI,推動快手應用的日活躍用戶數和月活躍用戶數分別達到3.994億和7.158億。」"
    assert figures(heading + quote) == set()
    quote = "程一笑表示:「可靈AI的日活躍用戶數和月活躍用戶數分別達到0.12億和0.36億。」"
    assert figures(heading + quote) == set()


ANNOUNCEMENT = ("快手-W:截至2031年3月31日止三個月的業績公告\n\n摘要財務概要未經審核截至3月31日止三個月2031年2030年 金額佔收入百分比"
                "金額佔收入百分比同比變動 (人民幣百萬元,百分比除外)收入{now}100.0{then}100.0{change}%毛利16,12054.8")


def test_an_exchange_announcements_summary_table_run_together(figures):
    assert figures(ANNOUNCEMENT.format(now="33,000", then="30,000", change="10.0")) == {
        ("revenue_total", "2031Q1", "33000", "RMB_mn", ""), ("revenue_total", "2030Q1", "30000", "RMB_mn", "")}


def test_a_table_whose_change_does_not_fit_its_figures_gives_nothing(figures):
    # The digits split another way would give other figures; the stated change is the guard.
    assert figures(ANNOUNCEMENT.format(now="33,000", then="30,000", change="16.6")) == set()
