import pandas as pd

from kreport.render import charts


def _frame():
    periods = [pd.Period(y, freq="Y-DEC") for y in ("2021", "2022", "2023", "2022", "2023")]
    return pd.DataFrame({
        "period": periods,
        "value": [680.0, 901.2, 1184.4, 1410.0, 2700.0],
        "platform": ["kuaishou"] * 3 + ["douyin"] * 2,
        "metric": "gmv",
        "basis": ["reported"] * 3 + ["estimate"] * 2,
    })


def test_svg_keeps_text_as_text_so_chinese_uses_the_readers_font():
    chart = charts.line_chart(_frame(), ylabel="十亿元人民币", labels={"kuaishou": "快手", "douyin": "抖音"},
                              colours={"kuaishou": "#d9480f", "douyin": "#1971c2"})
    assert chart.svg.startswith("<svg")
    assert "十亿元人民币" in chart.svg and "快手" in chart.svg
    assert "<image" not in chart.svg


def test_estimates_are_drawn_dashed():
    chart = charts.line_chart(_frame(), colours={"kuaishou": "#d9480f", "douyin": "#1971c2"})
    assert "stroke-dasharray" in chart.svg


def test_a_period_is_drawn_at_the_middle_of_its_span():
    assert charts.period_x(pd.Period("2023", freq="Y-DEC")) == pd.Timestamp("2023-07-02")
    assert charts.period_x(pd.Period("2024Q4", freq="Q-DEC")) == pd.Timestamp("2024-11-15")
    # Alibaba's FY2021 runs from April 2020 to March 2021.
    assert charts.period_x(pd.Period("2021", freq="Y-MAR")) == pd.Timestamp("2020-09-30")


def test_every_plotted_point_is_listed_with_its_period_value_and_basis():
    chart = charts.line_chart(_frame(), labels={"kuaishou": "Kuaishou", "douyin": "Douyin"})
    points = chart.points.sort_values(["platform", "period"]).reset_index(drop=True)
    assert list(points["period"]) == ["2022", "2023", "2021", "2022", "2023"]
    assert list(points["value"]) == [1410.0, 2700.0, 680.0, 901.2, 1184.4]
    assert list(points["basis"]) == ["estimate", "estimate", "reported", "reported", "reported"]
    # Each point carries a hover title and its period in the SVG itself.
    assert chart.svg.count('class="chart-point"') == 5
    assert 'data-period="2021"' in chart.svg and "<title>Kuaishou · 2021 · 680</title>" in chart.svg


def test_the_same_chart_gives_the_same_svg():
    assert charts.line_chart(_frame()).svg == charts.line_chart(_frame()).svg


def test_waterfall_axis_is_in_the_units_of_its_labels():
    steps = pd.DataFrame({"label": ["users", "conversion", "spend"], "value": [0.05, 0.02, 0.09],
                          "platform": "kuaishou", "metric": ["a", "b", "c"], "period": pd.Period("2025Q2", freq="Q-DEC")})
    chart = charts.waterfall(steps, total_label="GMV")
    total = chart.points.iloc[-1]
    assert total["value"] == 0.16 or abs(total["value"] - 0.16) < 1e-12
    assert "+16.0" in chart.svg  # the bar label
    ticks = [float(t.replace("−", "-")) for t in __import__("re").findall(r"<text[^>]*>([−-]?\d+(?:\.\d+)?)</text>", chart.svg)]
    assert max(ticks) >= 10  # the axis counts log points ×100 too, not 0.00–0.16


def test_one_colour_per_business_model():
    assert charts.platform_colour("kuaishou", "trust") == charts.MODEL_COLOURS["trust"]
    assert charts.platform_colour("douyin", "interest") == charts.MODEL_COLOURS["interest"]
    shelf = {charts.platform_colour(p, "shelf") for p in ("alibaba", "jd", "pdd")}
    assert len(shelf) == 3 and charts.MODEL_COLOURS["shelf"] in shelf


def test_names_from_data_are_plain_text_not_tex():
    frame = _frame()
    chart = charts.line_chart(frame, labels={"kuaishou": "$x^2$ shop", "douyin": "100$ club $"})
    assert "$x^2$ shop" in chart.svg and "100$ club $" in chart.svg


def test_a_negative_zero_reads_as_zero():
    from kreport.render.numbers import format_value

    assert format_value(-0.0, "RMB_bn") == "0"


def test_a_figure_read_on_one_media_page_is_drawn_half_filled_and_listed_as_such():
    frame = _frame().assign(grade=["reported", "single_source", "reported", "estimate", "estimate"])
    chart = charts.line_chart(frame)
    points = chart.points.set_index(["platform", "period"])
    assert points.loc[("kuaishou", "2022"), "basis"] == "single_source"
    assert points.loc[("kuaishou", "2021"), "basis"] == "reported"
    assert points.loc[("douyin", "2023"), "basis"] == "estimate"
    assert 'data-basis="single_source"' in chart.svg


def _legend_texts(svg: str) -> set[str]:
    import re

    return set(re.findall(r"<text[^>]*>([^<]+)</text>", svg)) | set(re.findall(r"<!-- ([^>]+?) -->", svg))


def test_every_encoding_drawn_has_its_legend_entry_and_none_other():
    frame = _frame().assign(grade=["reported", "single_source", "reported", "estimate", "estimate"])
    svg = charts.line_chart(frame, lang="en").svg
    assert {"reported", "reported, seen on one media page only", "estimate"} <= _legend_texts(svg)
    assert "model estimate" not in _legend_texts(svg)
    plain = charts.line_chart(_frame().iloc[:3]).svg  # three reported figures: no basis legend at all
    assert not {"reported", "estimate"} & _legend_texts(plain)
    zh = charts.line_chart(frame, lang="zh").svg
    assert "估算" in _legend_texts(zh)


def test_lines_never_join_periods_across_a_gap_and_bounds_are_never_points_of_a_line():
    import re

    periods = [pd.Period(p, freq="Q-DEC") for p in ("2021Q3", "2021Q4", "2024Q4", "2025Q1", "2025Q2")]
    frame = pd.DataFrame({"period": periods, "value": [2.0, 2.4, 5.2, 5.0, 5.5], "platform": "pdd", "metric": "mau",
                          "basis": "reported", "qualifier": ["", "", "", "over", ""]})
    chart = charts.line_chart(frame, unit="million")
    lines = re.findall(r'class="chart-line" data-series="[^"]*" data-periods="([^"]*)"', chart.svg)
    assert lines == ["2021Q3 2021Q4"]  # 2024Q4 and 2025Q2 are not consecutive once the bound is left out
    assert 'data-qualifier="over"' in chart.svg
    assert "lower bound (“over”)" in _legend_texts(chart.svg) and "gaps: periods with no figure" in _legend_texts(chart.svg)


def test_a_segment_touching_an_estimate_is_dashed_and_one_between_reported_figures_is_solid():
    import re

    periods = list(pd.period_range("2024Q1", periods=4, freq="Q-DEC"))
    frame = pd.DataFrame({"period": periods, "value": [1.0, 2.0, 3.0, 4.0], "platform": "kuaishou", "metric": "gmv",
                          "basis": ["reported", "reported", "estimate", "reported"]})
    chart = charts.line_chart(frame)
    lines = re.findall(r'data-periods="([^"]*)" data-style="(\w+)"', chart.svg)
    assert lines == [("2024Q1 2024Q2", "solid"), ("2024Q2 2024Q3 2024Q4", "dashed")]


def test_bars_stand_over_their_own_periods_so_a_missing_quarter_is_an_empty_slot():
    periods = [pd.Period(p, freq="Q-DEC") for p in ("2021Q3", "2021Q4", "2024Q4")]
    frame = pd.DataFrame({"period": periods, "label": [str(p) for p in periods], "value": [2441.0, 2500.0, 5200.0],
                          "platform": "pdd", "metric": "gmv_ttm", "basis": "reported", "qualifier": ""})
    chart = charts.bar_chart(frame)
    assert ">2022<" in chart.svg and ">2023<" in chart.svg  # the empty years are on the axis


def test_chinese_axes_count_in_the_texts_units():
    frame = _frame().iloc[:3]
    svg = charts.line_chart(frame, lang="zh", ylabel="亿元").svg
    import re

    ticks = [t for t in re.findall(r"<text[^>]*>([\d,.]+)</text>", svg)]
    assert "10,000" in ticks or "8,000" in ticks  # 680–1,184 RMB bn read as 6,800–11,844 亿元


def test_a_fan_chart_draws_figures_published_after_its_origin_against_the_forecast():
    periods = pd.period_range("2024Q1", periods=4, freq="Q")
    history = pd.DataFrame({"period": periods, "value": [1.0, 2.0, 3.0, 4.0], "basis": "reported",
                            "platform": "kuaishou", "metric": "dau"})
    forecast = pd.DataFrame({"period": pd.period_range("2025Q1", periods=2, freq="Q"), "forecast": [5.0, 6.0],
                             "lo80": [4.5, 5.0], "hi80": [5.5, 7.0], "lo95": [4.0, 4.5], "hi95": [6.0, 7.5],
                             "platform": "kuaishou", "metric": "dau"})
    later = history.iloc[[0]].assign(period=[pd.Period("2025Q2", "Q-DEC")], value=[6.5])
    chart = charts.fan_chart(history, forecast, unit="million", labels={"later": "published since"}, later=later)
    points = chart.points
    published = points[points["series"] == "published since"]
    assert list(zip(published["period"], published["value"], published["basis"])) == [("2025Q2", 6.5, "reported")]
    model = points[points["basis"] == "model"]
    assert list(zip(model["period"], model["value"])) == [("2025Q1", 5.0), ("2025Q2", 6.0)]
    assert len(points) == 4 + 2 + 1


# --- the narrow drawing for phones (charts._themed draws every chart twice) ------------------------------

def test_every_chart_has_a_narrow_drawing_for_phones_with_legible_text():
    import re

    chart = charts.line_chart(_frame(), labels={"kuaishou": "Kuaishou", "douyin": "Douyin"})
    narrow = chart.narrow
    assert narrow.startswith('<svg class="chart-narrow" aria-hidden="true" role="img"')
    # about 340 CSS px wide (3.55 in = 255.6 pt): drawn at about its natural size on a 390 px phone
    assert 'width="255.6pt"' in narrow
    sizes = [float(s) for s in re.findall(r"font-size: ([\d.]+)px", narrow)]
    assert sizes and min(sizes) >= charts.NARROW_MIN_PT
    # the same points, each once in the wide drawing (the one the data tests read); ids renamed in the narrow copy
    assert chart.svg.count('class="chart-point"') == narrow.count('class="chart-point"') == len(chart.points)
    assert 'id="kpt0"' in chart.svg and 'id="kpt0"' not in narrow and 'id="n-kpt0"' in narrow
    wide_ids = set(re.findall(r'id="([^"]+)"', chart.svg))
    assert not wide_ids & set(re.findall(r'id="([^"]+)"', narrow))
    assert all(ref.startswith("n-") for ref in re.findall(r'url\(#([^)]+)\)', narrow))


def test_the_narrow_drawing_moves_the_legend_below_the_plot_and_thins_ticks():
    years = [str(y) for y in range(2011, 2026)]
    frame = pd.DataFrame({"period": [pd.Period(y, freq="Y-DEC") for y in years], "value": range(1, 16),
                          "platform": "kuaishou", "metric": "gmv", "basis": "reported"})
    frame = pd.concat([frame, frame.assign(platform="douyin")])
    chart = charts.line_chart(frame, labels={"kuaishou": "Kuaishou", "douyin": "Douyin"})
    wide_years = [y for y in years if f">{y}</text>" in chart.svg]
    narrow_years = [y for y in years if f">{y}</text>" in chart.narrow]
    assert len(wide_years) == 15 and 2 <= len(narrow_years) < 15
    assert "2025" in narrow_years  # thinned from the newest year back
    assert 'id="n-legend_1"' in chart.narrow


def test_a_chart_has_no_background_of_its_own():
    """It sits on the page's paper, light or dark (report.css recolours its text in dark mode)."""
    chart = charts.line_chart(_frame())
    patch = chart.svg[chart.svg.index('<g id="patch_1">'):][:300]
    assert "fill: #ffffff" not in patch
