import pandas as pd

from kreport.render.tables import format_change, html_table, quantity
from kreport.render.templating import block


def test_quantity_reads_naturally_in_each_language():
    assert quantity(385.0, "RMB_bn", lang="en") == "385 RMB bn"
    assert quantity(385.0, "RMB_bn", lang="zh") == "3,850亿元"
    assert quantity(416.2, "million", lang="zh") == "4.16亿"
    assert quantity(416.2, "million", lang="en") == "416 million"
    assert quantity(210.0, "million", "over", "en") == ">210 million"
    assert quantity(3500.0, "RMB_bn", "about", "zh") == "≈35,000亿元"
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
