"""Jinja2 templates with autoescape (kreport/render/templating.py): text from data shows as text."""

from __future__ import annotations

import numpy as np
import pytest
from jinja2 import UndefinedError

from kreport.render.templating import Markup, block, render, stylesheet

XSS = "<script>alert(1)</script>"


def test_text_from_data_is_escaped():
    markup = block("paragraph", f"analyst note {XSS} & more")
    assert markup == "<p>analyst note &lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>"
    assert "<script>" not in block("callout", "Note:", XSS, True)
    assert block("heading", "Taobao & Tmall") == "<h3>Taobao &amp; Tmall</h3>"


def test_attributes_are_escaped_too():
    link = block("source_link", "P & Q", 'https://example.org/?a="b"&c=<d>', 'a "title"', None)
    assert link == ('<a href="https://example.org/?a=&#34;b&#34;&amp;c=&lt;d&gt;" title="a &#34;title&#34;">'
                    "P &amp; Q</a>")


def test_markup_passes_through_unescaped():
    assert block("paragraph", Markup("<b>bold</b>")) == "<p><b>bold</b></p>"
    # A block is Markup itself, so blocks nest without being escaped twice.
    badge = block("badge", "estimate", "estimate")
    assert isinstance(badge, Markup)
    assert block("bullets", [badge, "<i>plain</i>"], "takeaways") == (
        '<ul class="takeaways"><li><span class="badge estimate">estimate</span></li>'
        "<li>&lt;i&gt;plain&lt;/i&gt;</li></ul>")


@pytest.mark.parametrize("missing", [None, float("nan"), np.float64("nan")])
def test_none_and_nan_print_as_nothing(missing):
    assert block("paragraph", missing) == "<p></p>"
    table = block("data_table", ["a", "b"], [[1, missing]], ())
    assert '<td data-label="a">1</td><td data-label="b"></td>' in table
    assert "None" not in table and "nan" not in table


def test_zero_is_not_missing():
    assert block("paragraph", 0) == "<p>0</p>"
    assert block("paragraph", 0.0) == "<p>0.0</p>"


def test_optional_parts_are_left_out():
    assert block("section", 2, "Growth", None) == '<h2 id="s2">2. Growth</h2>'
    assert block("section", 2, "Growth", "Intro.") == '<h2 id="s2">2. Growth</h2><p>Intro.</p>'
    assert block("source_link", "Publisher", "", "Title", "seed.txt") == '<span class="source" title="Title">Publisher (seed.txt)</span>'
    assert block("source_link", "Publisher", None, None, None) == '<span class="source">Publisher</span>'


def test_a_missing_url_makes_no_link():
    assert "<a " not in block("source_link", "Publisher", float("nan"), "Title", None)


def test_pages_escape_their_text_and_inline_our_stylesheet():
    css = stylesheet()
    assert isinstance(css, Markup) and "{" in css and "font" in css
    page = render("base.html.j2", html_lang="zh-CN", title="Growth <trends> & more", css=css)
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh-CN">')
    assert "<title>Growth &lt;trends&gt; &amp; more</title>" in page
    assert str(css) in page  # the CSS is ours: inlined as it is, never escaped
    assert page.endswith("</html>\n")  # the trailing newline is kept


def test_a_value_a_template_needs_must_be_given():
    with pytest.raises(UndefinedError):
        render("toc.html.j2", label="Contents")  # no headings
    assert render("toc.html.j2", label="目录", headings=[("s1", "1. 增长")]) == (
        '<nav class="toc" aria-label="目录"><h2 class="toc-title">目录</h2><ol>'
        '<li><a href="#s1">1. 增长</a></li></ol></nav>')


def test_an_unknown_block_is_an_error():
    with pytest.raises(AttributeError):
        block("no_such_block", "x")


def test_css_string_cannot_end_its_string_or_its_style_element():
    from kreport.render.templating import css_string

    assert css_string('Brief "x" </style><b>&') == '"Brief \\000022x\\000022 \\00003c/style\\00003e\\00003cb\\00003e\\000026"'
    assert css_string("季度简报 · 2026Q1") == '"季度简报 · 2026Q1"'
