import pandas as pd

from kreport.render import charts


def _frame():
    return pd.DataFrame({
        "period_end": pd.to_datetime(["2021-12-31", "2022-12-31", "2023-12-31", "2022-12-31", "2023-12-31"]),
        "value": [680.0, 901.2, 1184.4, 1410.0, 2700.0],
        "platform": ["kuaishou"] * 3 + ["douyin"] * 2,
        "basis": ["reported"] * 3 + ["estimate"] * 2,
    })


def test_svg_keeps_text_as_text_so_chinese_uses_the_readers_font():
    svg = charts.line_chart(_frame(), ylabel="十亿元人民币", labels={"kuaishou": "快手", "douyin": "抖音"},
                            colours={"kuaishou": "#d9480f", "douyin": "#1971c2"})
    assert svg.startswith("<svg")
    assert "十亿元人民币" in svg and "快手" in svg
    assert "<image" not in svg


def test_estimates_are_drawn_dashed():
    svg = charts.line_chart(_frame(), colours={"kuaishou": "#d9480f", "douyin": "#1971c2"})
    assert "stroke-dasharray" in svg


def test_one_colour_per_business_model():
    assert charts.platform_colour("kuaishou", "trust") == charts.MODEL_COLOURS["trust"]
    assert charts.platform_colour("douyin", "interest") == charts.MODEL_COLOURS["interest"]
    shelf = {charts.platform_colour(p, "shelf") for p in ("alibaba", "jd", "pdd")}
    assert len(shelf) == 3 and charts.MODEL_COLOURS["shelf"] in shelf
