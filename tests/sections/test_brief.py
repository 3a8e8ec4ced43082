from kreport.render.report import open_report
from kreport.sections import brief


def test_takeaways_are_computed_from_the_data():
    rep = open_report("brief", "2025Q3", "en")
    items = brief._takeaway_items(rep)
    assert 3 <= len(items) <= 6
    assert "385 RMB bn in 2025Q3, +15.2%" in items[0]
    # 2024 GMV: Douyin about 3,500 (estimate) vs Kuaishou 1,389.6 reported
    assert any("2.5 times" in i for i in items)


def test_takeaways_follow_the_quarter():
    rep = open_report("brief", "2023Q4", "zh")
    items = brief._takeaway_items(rep)
    assert "2023Q4" in items[0] and "4,039亿元" in items[0]


def test_latest_table_marks_estimates_and_twelve_month_figures():
    rep = open_report("brief", "2025Q3", "en")
    markup = str(brief.latest_table(rep))
    assert "estimate *" in markup
    assert "twelve months" in markup
