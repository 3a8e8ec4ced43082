from kreport.render.report import open_report
from kreport.sections import comparison


def test_annual_gmv_maps_twelve_month_q4_to_calendar_year():
    rep = open_report("comparison", "2025Q3", "en")
    frame = comparison.annual_gmv(rep)
    pdd = frame[frame["platform"] == "pdd"].set_index("year_label")["value"]
    assert pdd["2021"] == 2441.0
    assert "FY2021" in set(frame[frame["platform"] == "alibaba"]["year_label"])


def test_indexed_chart_leaves_out_platforms_without_a_base_year_figure():
    rep = open_report("comparison", "2025Q3", "en")
    markup = str(comparison.indexed(rep))
    assert "Not shown" in markup and "JD.com" in markup


def test_contrast_table_cites_the_seeds():
    rep = open_report("comparison", "2025Q3", "zh")
    markup = str(comparison.contrast(rep))
    assert "信任电商" in markup and "亚设网" in markup
