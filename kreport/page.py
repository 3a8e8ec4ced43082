"""The page a report notebook builds: title block, numbered sections, figures, tables, callouts.

A notebook makes one :class:`Report` (the validation call) and then one kreport call per
section; each call returns an :class:`Html` block that Jupyter displays. Text that comes
from data files is escaped here, so a note holding ``<script>`` shows as text.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

import pandas as pd

from .catalog import get_report
from .data import Dataset, check_platform, load
from .export import RECORD_MIME
from .params import check_lang
from .periods import parse_quarter
from .text import t

__all__ = ["Html", "Report", "open_report", "esc"]


def esc(value) -> str:
    """Escape text for HTML; None and NaN become an empty string."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return html.escape(str(value))


class Html:
    """A block of trusted markup that Jupyter displays as HTML."""

    def __init__(self, markup: str):
        self.markup = markup

    def _repr_html_(self) -> str:
        return self.markup

    def __add__(self, other: "Html") -> "Html":
        return Html(self.markup + other.markup)

    def __str__(self) -> str:
        return self.markup


class Record:
    """Headline figures for the build manifest: displayed as a kreport-only MIME type."""

    def __init__(self, data: dict):
        self.data = data

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {RECORD_MIME: self.data, "text/plain": ""}


@dataclass
class Report:
    """One report run: its parameters, the data as of its quarter, and its numbering."""

    name: str
    quarter: pd.Period
    lang: str
    data: Dataset
    platform: str | None = None
    _figures: int = 0
    _tables: int = 0
    _sections: int = 0

    # --- text -------------------------------------------------------------------------
    def t(self, key: str, **values) -> str:
        return t(key, self.lang, **values)

    def platform_name(self, platform: str) -> str:
        row = self.data.platforms.loc[platform]
        return row["name_zh"] if self.lang == "zh" else row["name_en"]

    def model_name(self, model: str) -> str:
        return self.t(f"model.{model}")

    # --- blocks -----------------------------------------------------------------------
    def title_block(self) -> Html:
        spec = get_report(self.name)
        title = spec.title_zh if self.lang == "zh" else spec.title_en
        if self.platform:
            title = f"{title} · {self.platform_name(self.platform)}"
        self.title = title
        built = dt.date.today().isoformat()
        return Html(
            '<header class="title-block">'
            f'<div class="kicker">{esc(self.t("kicker"))}</div>'
            f"<h1>{esc(title)}</h1>"
            f'<div class="meta">{esc(self.t("meta", quarter=str(self.quarter), built=built))}</div>'
            "</header><!--TOC-->"
        )

    def section(self, title: str, intro: str | None = None) -> Html:
        self._sections += 1
        markup = f'<h2 id="s{self._sections}">{self._sections}. {esc(title)}</h2>'
        if intro:
            markup += f"<p>{esc(intro)}</p>"
        return Html(markup)

    def paragraph(self, text: str) -> Html:
        return Html(f"<p>{esc(text)}</p>")

    def callout(self, text: str, kind: str = "caveat") -> Html:
        label = self.t("callout.caveat" if kind == "caveat" else "callout.note")
        return Html(f'<div class="callout {"info" if kind != "caveat" else ""}"><b>{esc(label)}</b> {esc(text)}</div>')

    def bullets(self, items: list[str], css: str = "takeaways") -> Html:
        return Html(f'<ul class="{css}">' + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>")

    def figure(self, svg: str, caption: str, source_ids) -> Html:
        """A numbered chart with its caption and a source line."""
        self._figures += 1
        return Html(
            f'<figure class="chart" id="fig{self._figures}">{svg}'
            f'<figcaption><span class="num">{esc(self.t("figure", n=self._figures))}</span> {esc(caption)}</figcaption>'
            f"{self.source_line(source_ids)}</figure>"
        )

    def table(self, markup: str, caption: str, source_ids=()) -> Html:
        """A numbered table (markup already built from escaped values) with its sources."""
        self._tables += 1
        line = self.source_line(source_ids) if len(source_ids) else ""
        return Html(
            f'<div class="table-block" id="tab{self._tables}"><div class="table-caption">'
            f'<span class="num">{esc(self.t("table", n=self._tables))}</span> {esc(caption)}</div>'
            f"{markup}{line}</div>"
        )

    def source_line(self, source_ids, limit: int = 6) -> str:
        """"Source: …" with links, the most used sources first."""
        ids = pd.Series(list(source_ids), dtype=str)
        if ids.empty:
            return ""
        counts = ids.value_counts()
        sources = self.data.sources.set_index("source_id")
        links = []
        for sid in counts.index[:limit]:
            if sid not in sources.index:
                continue
            row = sources.loc[sid]
            label = f"{row['publisher']}" + (f", {row['published']}" if row["published"] else "")
            if row["url"]:
                links.append(f'<a href="{esc(row["url"])}" title="{esc(row["title"])}">{esc(label)}</a>')
            else:
                links.append(f'<span title="{esc(row["title"])}">{esc(label)} ({esc(row["read_at"])})</span>')
        more = len(counts) - limit
        tail = esc(self.t("sources.more", n=more)) if more > 0 else ""
        return f'<div class="source-line">{esc(self.t("sources"))}: {"; ".join(links)}{tail}</div>'

    def record(self, **headlines) -> Record:
        """Put this report's headline figures into the build manifest."""
        items = [{"label": k, "value": v} for k, v in headlines.items()]
        return Record({"title": getattr(self, "title", self.name), "headlines": items})


def open_report(name: str, quarter: str, lang: str, platform: str | None = None,
                data_dir: str | None = None) -> Report:
    """Check a notebook's parameters and load the data as of ``quarter``: the notebook's one validation call."""
    get_report(name)
    period = parse_quarter(quarter)
    check_lang(lang)
    dataset = load(data_dir or None, as_of=period)
    if platform is not None:
        check_platform(dataset, platform)
    return Report(name, period, lang, dataset, platform)
