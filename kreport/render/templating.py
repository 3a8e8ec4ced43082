"""Jinja2 templates with autoescape on: page shells, index pages and the blocks of a report page.

Text that comes from data is escaped by the template, so a note holding ``<script>`` shows as
text; markup built by one template and passed to another is :class:`markupsafe.Markup`.
"""

from __future__ import annotations

import math
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

__all__ = ["Markup", "render", "block", "stylesheet", "css_string"]


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("kreport.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        finalize=_blank_missing,
    )
    environment.filters["css_string"] = css_string
    return environment


def css_string(value) -> Markup:
    """``value`` as a quoted CSS string, safe inside a <style> element: every character but letters, digits,
    spaces, common punctuation and non-ASCII text is written as a CSS escape (so no quote, backslash, ``<``
    or ``&`` is left to end the string or the element)."""
    out = []
    for ch in str(value):
        if ch.isalnum() or ch in " .,:;·()/_-+%" or (ord(ch) > 127 and ch.isprintable()):
            out.append(ch)
        else:
            out.append(f"\\{ord(ch):06x}")
    return Markup('"' + "".join(out) + '"')


def _blank_missing(value):
    """None and NaN print as nothing, not as 'None' or 'nan'."""
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else value


def render(template: str, **context) -> str:
    """A whole page from ``template`` (``*.html.j2`` in kreport/render/templates)."""
    return _environment().get_template(template).render(**context)


def block(name: str, *args) -> Markup:
    """One macro of blocks.html.j2, rendered with ``args``."""
    macro = getattr(_environment().get_template("blocks.html.j2").module, name)
    return Markup(str(macro(*args)))


def stylesheet() -> Markup:
    """The pages' one stylesheet, inlined (the CSS is ours, not data; a template only to use one set of rules
    under two media queries)."""
    return Markup(_environment().get_template("report.css").render())
