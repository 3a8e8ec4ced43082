"""The page a report notebook builds: title block, numbered sections, figures, tables, callouts.

A notebook makes one :class:`Report` (the validation call) and then one kreport call per
section; each call returns an :class:`Html` block that Jupyter displays. Text that comes
from data files is escaped by the block templates (autoescape), so a note holding
``<script>`` shows as text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from markupsafe import escape

from kreport.dataset.load import Dataset, check_platform, load
from kreport.dataset.periods import parse_quarter, period_label
from kreport.dataset.schema import METRICS
from kreport.render.charts import Chart
from kreport.render.numbers import format_quantity
from kreport.render.templating import Markup, block
from kreport.render.text import check_lang, check_report, t
from kreport.stats.notes import Note

__all__ = ["Html", "Record", "Report", "open_report", "RECORD_MIME"]

# Outputs of this type carry a report's headline figures to the build; readers never see them.
RECORD_MIME = "application/vnd.kreport.record+json"


class Html:
    """A block of trusted markup that Jupyter displays as HTML."""

    def __init__(self, markup: str):
        self.markup = Markup(markup)  # trusted by contract: built by the block templates

    def _repr_html_(self) -> str:
        return self.markup

    def __add__(self, other: Html) -> Html:
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
    """One report run: its parameters, the data as of its quarter, and the numbered blocks it holds.

    A section, figure or table is numbered by its place among the blocks of its kind the report
    holds, a block being known by its title or caption: running a notebook cell again gives its
    blocks the numbers they had, where a counter would renumber them.
    """

    name: str
    quarter: pd.Period
    lang: str
    data: Dataset
    platform: str | None = None
    reports_dir: Path | None = None  # the published reports (last quarter's data snapshot); None: reports/
    _blocks: dict = field(default_factory=dict)  # kind -> {title or caption: number}

    def number(self, kind: str, identity: str) -> int:
        """The number of block ``identity`` among this report's blocks of ``kind`` (a new one comes last)."""
        held = self._blocks.setdefault(kind, {})
        return held.setdefault(identity, len(held) + 1)

    # --- text -------------------------------------------------------------------------
    def t(self, key: str, **values) -> str:
        return t(key, self.lang, **values)

    def platform_name(self, platform: str) -> str:
        """A platform's name, or a market row's (China's online retail sales, NBS)."""
        table = self.data.platforms if platform in self.data.platforms.index else self.data.markets
        row = table.loc[platform]
        return row["name_zh"] if self.lang == "zh" else row["name_en"]

    def metric_name(self, platform: str | None, metric: str) -> str:
        """What ``metric`` is for ``platform`` in the reader's words: its definitions.csv label where the data has one
        (Kuaishou's "other services" line, Douyin's one-month DAU), else the vocabulary's name."""
        labels = self.data.definitions.get((platform, metric))
        if labels:
            return labels[0] if self.lang == "en" else labels[1]
        return self.t(f"metric.{metric}")

    def reader_note(self, row) -> str:
        """A figure's note for readers in this report's language ('' where it has none); never the analysts' note."""
        value = row.get(f"reader_note_{self.lang}", "")
        return value if isinstance(value, str) else ""

    def owner_name(self, platform: str, metric: str) -> str:
        """Who a figure is for: the listed company for company-level metrics (revenue), else the platform."""
        if METRICS[metric].company_level:
            row = self.data.platforms.loc[platform]
            return row["parent_zh"] if self.lang == "zh" else row["parent_en"]
        return self.platform_name(platform)

    def ended_notice(self, platform: str, metric: str) -> Html:
        """"Kuaishou stopped disclosing GMV after 2025Q4", with its source, if the metric has ended by
        this report's quarter; nothing otherwise."""
        ended = self.data.ended(self.quarter)
        rows = ended[(ended["platform"] == platform) & (ended["metric"] == metric)]
        if rows.empty:
            return Html("")
        r = rows.iloc[0]
        key = "ended.announced" if pd.notna(r["announced"]) else "ended.text"
        text = self.t(key, name=self.platform_name(platform), metric=self.t(f"metric.{metric}"),
                      last=period_label(r["period"]),
                      announced=r["announced"].date().isoformat() if pd.notna(r["announced"]) else "")
        return self.callout(text, kind="note") + Html(str(self.source_line([r["source_id"]])))

    def ended_mark(self, platform: str, metric: str) -> str:
        """" · no longer disclosed after 2025Q4" for a metric that has ended by this report's quarter, else ""."""
        if self.data.is_disclosed(platform, metric, self.quarter):
            return ""
        return " · " + self.t("ended.cell", last=period_label(self.data.last_disclosed(platform, metric)))

    def span_label(self, period: pd.Period) -> str:
        """The months a year-to-date figure covers (a quarter: January to its end), or the whole calendar year:
        "Jan–Jun 2024" / "2024年1–6月", "2024 (full year)" / "2024年全年"."""
        if period.freqstr.startswith("Y"):
            return self.t("span.year", year=period.year)
        return self.t("span.ytd", year=period.year, end=self.t(f"span.month.{3 * period.quarter}"))

    def model_name(self, model: str) -> str:
        return self.t(f"model.{model}")

    # --- blocks -----------------------------------------------------------------------
    def title_block(self) -> Html:
        title = self.t(f"report.{self.name}")
        if self.platform:
            title = f"{title} · {self.platform_name(self.platform)}"
        self.title = title
        built = dt.date.today().isoformat()
        return Html(block("title_block", self.t("kicker"), title, self.t("meta", quarter=str(self.quarter), built=built)))

    def section(self, title: str, intro: str | None = None) -> Html:
        return Html(block("section", self.number("section", title), title, intro))

    def paragraph(self, text: str) -> Html:
        return Html(block("paragraph", text))

    def heading(self, text: str) -> Html:
        return Html(block("heading", text))

    def callout(self, text: str, kind: str = "caveat") -> Html:
        label = self.t("callout.caveat" if kind == "caveat" else "callout.note")
        return Html(block("callout", label, text, kind != "caveat"))

    def bullets(self, items: list[str], css: str = "takeaways") -> Html:
        return Html(block("bullets", items, css))

    def figure(self, chart: Chart, caption: str, source_ids) -> Html:
        """A numbered chart with its caption, a source line and the data behind it (every plotted point).

        The chart's narrow drawing (``chart.narrow``) follows the wide one; the stylesheet shows one of them."""
        n = self.number("figure", caption)
        svg = chart.svg.replace('<svg role="img"', f'<svg role="img" aria-label="{escape(caption)}"', 1)
        return Html(block("figure", n, self.t("figure", n=n), Markup(svg + chart.narrow), caption,
                          self.source_line(source_ids), self.chart_data(chart)))

    def chart_data(self, chart: Chart) -> Markup:
        if chart.points.empty:
            return Markup("")
        rows = []
        for r in chart.points.to_dict("records"):
            rows.append({**r, "value": repr(float(r["value"])),
                         "shown": self.format(r["value"], r["unit"], r["qualifier"], precise=True),
                         "basis_text": self.t(f"basis.{r['basis']}")})
        columns = [self.t("col.series"), self.t("col.period"), self.t("col.value"), self.t("col.basis")]
        return block("chart_data", self.t("chart.data"), columns, rows)

    def note(self, note: Note) -> str:
        """A note of the statistics layer in the report's language (every code has a translation)."""
        values = note.as_dict()
        if note.code == "forecast.fallback":
            values["model"] = self.t(f"trends.model.{values['model']}")
            values["reason"] = self.t(f"note.reason.{values['reason']}")
        return self.t(f"note.{note.code}", **values)

    def format(self, value: float, unit: str, qualifier: str = "", precise: bool = False) -> str:
        """A value in the reader's units: money, people and rates as in tables; derived units their own way.

        ``precise`` keeps the digits a chart's data table needs to reproduce the chart (rates to 0.01 point).
        """
        return format_quantity(value, unit, qualifier, self.lang, precise=precise)

    def table(self, markup: str, caption: str, source_ids=()) -> Html:
        """A numbered table (markup built by :func:`kreport.render.tables.html_table`) with its sources."""
        n = self.number("table", caption)
        line = self.source_line(source_ids) if len(source_ids) else ""
        return Html(block("table_block", n, self.t("table", n=n), Markup(markup), caption, line))

    def source_line(self, source_ids, limit: int = 6) -> Markup:
        """"Source: …" with links, the most used sources first."""
        ids = pd.Series(list(source_ids), dtype=str)
        if ids.empty:
            return Markup("")
        counts = ids.value_counts()
        sources = self.data.sources.set_index("source_id")
        links = []
        for sid in counts.index[:limit]:
            if sid not in sources.index:
                continue
            row = sources.loc[sid]
            label = f"{row['publisher']}" + (f", {row['published']}" if row["published"] else "")
            links.append(block("source_link", label, row["url"], row["title"], row["read_at"]))
        if not links:  # none of the ids is a known source: no empty "Sources:" line
            return Markup("")
        more = len(counts) - limit
        tail = self.t("sources.more", n=more) if more > 0 else ""
        return block("source_line", self.t("sources"), links, tail)

    def record(self, **headlines) -> Record:
        """Put this report's headline figures into the build manifest."""
        items = [{"label": k, "value": v} for k, v in headlines.items()]
        return Record({"title": getattr(self, "title", self.name), "headlines": items})


def open_report(name: str, quarter: str, lang: str, platform: str | None = None,
                data_dir: str | None = None, reports_dir: str | None = None, forecast_store: str | None = None) -> Report:
    """Check a notebook's parameters and load the data as of ``quarter``: the notebook's one validation call.

    Every input is a parameter: ``quarter`` empty means the latest quarter in the data (resolved now,
    so a notebook opened in JupyterLab shows the newest quarter); ``data_dir``, ``reports_dir`` (where
    last quarter's data snapshot is) and ``forecast_store`` (the forecast cache a build filled) empty
    mean the project's data/, reports/ and reports/.cache.
    """
    from kreport import cache

    check_report(name)
    period = parse_quarter(quarter) if quarter else None
    check_lang(lang)
    dataset = load(data_dir or None)
    period = period or dataset.latest_quarter()
    dataset = dataset.as_of(period)
    if platform is not None:
        check_platform(dataset, platform)
    cache.use(forecast_store or None)
    return Report(name, period, lang, dataset, platform, Path(reports_dir) if reports_dir else None)
