"""Charts: one seaborn theme, one colour per business model, one encoding per grade, legends from what is drawn.

A mark means one thing on every chart: a solid line and a filled marker or bar is a reported
figure; a half-filled marker or a pale dotted bar, a company figure read on one media page only;
a dashed line, a hollow marker or a hatched bar, an estimate; a square, a model's output; a
triangle, a bound ("over 500"), never joined by a line. Lines join consecutive periods only, so a
missing period is a break. Each chart's legend lists exactly the encodings it drew.

Every function takes frames that are already computed (charts never fit) and returns SVG
markup with text kept as text, so Chinese is drawn by the reader's CJK font.
"""

from __future__ import annotations

import contextvars
import functools
import io
import re
import textwrap
from dataclasses import dataclass, field

import matplotlib as mpl
import matplotlib.colors as mcolors
import matplotlib.ticker as mticker
import numpy as np
import pandas as pd
import seaborn as sns
from markupsafe import escape
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from kreport.dataset.periods import period_label
from kreport.dataset.schema import GRADES
from kreport.render.text import t
from kreport.stats.basis import weakest_of

__all__ = [
    "Chart", "period_x", "MODEL_COLOURS", "platform_colour", "theme", "line_chart", "bar_chart", "waterfall",
    "fan_chart", "seasonal_chart", "event_timeline",
]

MODEL_COLOURS = {"trust": "#d9480f", "interest": "#1971c2", "shelf": "#2b8a3e"}
# Shelf platforms share the shelf hue in three shades, so the model stays readable.
_PLATFORM_SHADES = {"alibaba": "#2b8a3e", "jd": "#69a825", "pdd": "#0b7285"}
_FONTS = ["Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "DejaVu Sans"]


# What the data table under a chart lists for each plotted point (see Chart.points).
POINT_COLUMNS = ["series", "platform", "metric", "period", "value", "unit", "basis", "qualifier"]
@dataclass
class Chart:
    """An SVG chart and every point it draws: the data behind the chart, one row per point.

    ``points`` columns: series (legend label), platform, metric (a metric of the vocabulary or a
    derived one such as ``gmv_yoy``), period (as written in metrics.csv: 2024, 2024Q3, FY2021),
    value (canonical units: RMB bn, millions, fractions; a derived series its own value), unit
    (how to read value), basis (a grade: reported, single_source, estimate or model), qualifier.
    """

    svg: str
    points: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=POINT_COLUMNS))
    # The same chart drawn for a phone (see _themed): shown instead of ``svg`` on a narrow screen.
    narrow: str = ""


def period_x(period: pd.Period) -> pd.Timestamp:
    """Where a period is drawn on a time axis: the middle of its own span, never its end.

    The one time-axis convention of every chart: 2024 at 2024-07-02, 2024Q4 at mid-November
    2024, FY2021 (April 2020 to March 2021) at 2020-10-01.
    """
    start, end = period.start_time, period.end_time
    return (start + (end - start) / 2).floor("D")


def _year_axis(ax, periods) -> None:
    """Year labels centred on their years, with year boundaries as grid lines.

    A point drawn at :func:`period_x` then sits inside its own year's span, under its label.
    """
    years = sorted({p.start_time.year for p in periods} | {p.end_time.year for p in periods})
    years = list(range(years[0], years[-1] + 1))
    ax.set_xticks([pd.Timestamp(year=y, month=1, day=1) for y in [*years, years[-1] + 1]], labels=[])
    ax.set_xticks([period_x(pd.Period(str(y), freq="Y-DEC")) for y in years], labels=[str(y) for y in years], minor=True)
    ax.tick_params(axis="x", which="minor", length=0, labelsize=9)
    ax.tick_params(axis="x", which="major", length=4)
    ax.grid(axis="x", which="major", visible=True)
    ax.grid(axis="x", which="minor", visible=False)
    ax.set_xlim(pd.Timestamp(year=years[0], month=1, day=1) - pd.Timedelta(days=20),
                pd.Timestamp(year=years[-1] + 1, month=1, day=1) + pd.Timedelta(days=20))


class _Marks:
    """Gives each drawn point an id, and after drawing a <title> and data attributes in the SVG."""

    def __init__(self):
        self.rows: list[dict] = []
        self.lines: list[tuple[str, str]] = []

    def add(self, artist, row: dict, shown: str) -> None:
        gid = f"kpt{len(self.rows)}"
        artist.set_gid(gid)
        self.rows.append({**row, "_gid": gid, "_title": shown})

    def add_line(self, artist, series: str, periods: list, style: str) -> None:
        """A drawn line and the periods it joins, in order, so a reader (or a test) can see it never spans a gap."""
        gid = f"kln{len(self.lines)}"
        artist.set_gid(gid)
        labels = " ".join(period_label(p) for p in periods)
        self.lines.append((gid, f'class="chart-line" data-series="{escape(series)}" data-periods="{escape(labels)}" '
                                f'data-style="{"dashed" if style == "--" else "solid"}"'))

    def apply(self, svg: str) -> str:
        for row in self.rows:
            attrs = (f'class="chart-point" data-series="{escape(row["series"])}" data-metric="{escape(row["metric"])}" '
                     f'data-period="{escape(row["period"])}" data-value="{row["value"]!r}" data-basis="{escape(row["basis"])}"')
            if row.get("qualifier"):
                attrs += f' data-qualifier="{escape(row["qualifier"])}"'
            svg = svg.replace(f'<g id="{row["_gid"]}">', f'<g id="{row["_gid"]}" {attrs}><title>{escape(row["_title"])}</title>', 1)
        for gid, attrs in self.lines:
            svg = svg.replace(f'<g id="{gid}">', f'<g id="{gid}" {attrs}>', 1)
        return svg

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame([{c: r.get(c, "") for c in POINT_COLUMNS} for r in self.rows], columns=POINT_COLUMNS)


class _Encodings:
    """What a chart drew, so that its legend lists exactly those encodings and says what each means."""

    def __init__(self, lang: str):
        self.lang = lang
        self.grades: set[str] = set()
        self.bounds: set[str] = set()
        self.bars = False
        self.gap = False

    def handles(self) -> list:
        """Legend entries, in grey, for the grades and bounds drawn (none when every mark is a plain reported figure)."""
        if not (self.grades - {"reported"}) and not self.bounds and not self.gap:
            return []
        out = []
        for grade in GRADES:
            if grade not in self.grades:
                continue
            label = t(f"legend.{grade}", self.lang)
            if self.bars:
                out.append(Patch(facecolor=_BAR_FACE[grade](_GREY), edgecolor=_GREY, hatch=_HATCH[grade], label=label))
            else:
                out.append(Line2D([], [], color=_GREY, lw=1.5, ls=_LINE[grade], marker="o", markersize=6, label=label,
                                  **_marker_style(grade, _GREY)))
        for bound in sorted(self.bounds):
            out.append(Line2D([], [], color=_GREY, lw=0, marker=_BOUND_MARKER[bound], markersize=7, markerfacecolor="white",
                              markeredgecolor=_GREY, label=t(f"legend.bound.{bound}", self.lang)))
        if self.gap:
            out.append(Line2D([], [], color="none", lw=0, label=t("legend.gap", self.lang)))
        return out


_GREY = "#495057"
# One encoding per grade: line style between points, marker fill, bar hatch and fill.
_LINE = {"reported": "-", "single_source": "-", "estimate": "--", "model": "--"}
_HATCH = {"reported": None, "single_source": "...", "estimate": "///", "model": "xxx"}
_BAR_FACE = {"reported": lambda c: c, "single_source": lambda c: mcolors.to_rgba(c, 0.35),
             "estimate": lambda c: "white", "model": lambda c: "white"}
_BOUND_MARKER = {"over": "^", "under": "v"}


def _marker_style(grade: str, colour: str) -> dict:
    """Marker fill for a grade: solid, half-filled (one page only), or hollow (estimate, model)."""
    if grade == "reported":
        return {"markerfacecolor": colour, "markeredgecolor": colour}
    if grade == "single_source":
        return {"markerfacecolor": colour, "markeredgecolor": colour, "fillstyle": "left", "markerfacecoloralt": "white"}
    return {"markerfacecolor": "white", "markeredgecolor": colour}


def _grade(row) -> str:
    """A row's grade: its ``grade`` column (figures as loaded, derived values from kreport.stats.basis), else its basis."""
    for column in ("grade", "basis"):
        value = row.get(column)
        if isinstance(value, str) and value in GRADES:
            return value
    return "reported"


def _bound(row) -> str:
    qualifier = str(row.get("qualifier", "") or "")
    return qualifier if qualifier in _BOUND_MARKER else ""


def _point(rows_series, row, value, unit, grade=None) -> dict:
    return {"series": str(rows_series), "platform": str(row.get("platform", "")), "metric": str(row.get("metric", "")),
            "period": period_label(row["period"]), "value": float(value), "unit": unit,
            "basis": grade or _grade(row), "qualifier": str(row.get("qualifier", "") or "")}


def _draw_point(ax, x, y, colour: str, grade: str, bound: str, drawn: _Encodings, size=6.0):
    """One figure as a marker: its grade's fill, on a circle, or on an arrow-like triangle for a bound (never joined
    by a line): a bound read on one media page is half-filled like any other such figure."""
    drawn.grades.add(grade)
    if bound:
        drawn.bounds.add(bound)
        (mark,) = ax.plot([x], [y], lw=0, marker=_BOUND_MARKER[bound], markersize=size + 2, markeredgewidth=1.5, zorder=3,
                          **_marker_style(grade, colour))
        return mark
    (mark,) = ax.plot([x], [y], lw=0, marker="o", markersize=size, markeredgewidth=1.3, zorder=3, **_marker_style(grade, colour))
    return mark


def _consecutive(a, b) -> bool:
    """Whether two periods follow each other with no period missing between them (same kind of period)."""
    return a.freqstr == b.freqstr and a + 1 == b


def _draw_runs(ax, points: list[tuple], colour: str, drawn: _Encodings, label=None, lw=2.0, marks: _Marks | None = None) -> None:
    """Lines between consecutive periods only, each segment dashed when either end is an estimate or model output.

    ``points``: (span, x, y, grade) sorted by x. A gap of a missing period breaks the line; the
    legend says so once per chart. With ``marks``, each line carries the periods it joins.
    """
    segments: list[tuple[str, list, list]] = []
    for (p0, x0, y0, g0), (p1, x1, y1, g1) in zip(points, points[1:]):
        if not _consecutive(p0, p1):
            drawn.gap = True
            continue
        style = _LINE[weakest_of((g0, g1))]
        if segments and segments[-1][0] == style and segments[-1][2][-1] == p0:
            segments[-1][1].append((x1, y1))
            segments[-1][2].append(p1)
        else:
            segments.append((style, [(x0, y0), (x1, y1)], [p0, p1]))
    for style, xy, periods in segments:
        xs, ys = zip(*xy)
        (line,) = ax.plot(xs, ys, color=colour, lw=lw, ls=style)
        if marks is not None:
            marks.add_line(line, str(label if label is not None else ""), periods, style)
    if label is not None:  # the series' legend entry is its colour, whatever its segments' styles
        ax.plot([], [], color=colour, lw=lw, label=label)


def _legend(ax, drawn: _Encodings, series_entries: bool) -> None:
    """The legend below the plot (never over the data): the series, then each encoding drawn."""
    handles, labels = ax.get_legend_handles_labels() if series_entries else ([], [])
    extra = drawn.handles()
    if not handles and not extra:
        return
    handles = [*handles, *extra]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, -0.1), ncol=min(3, len(handles)),
              frameon=False, borderaxespad=0.0)


def _value_axis(ax, unit: str, lang: str, log: bool = False) -> None:
    """Tick labels in the reader's unit words: 亿元 and 亿 in Chinese, as in the text beside the chart."""
    scale = {"RMB_bn": 10.0, "million": 0.01}.get(unit, 1.0) if lang == "zh" else 1.0

    def tick(value, _pos):
        shown = value * scale
        if shown == 0:
            return "0"
        text = f"{shown:,.2f}".rstrip("0").rstrip(".") if abs(shown) < 10 else f"{shown:,.0f}"
        return text

    if unit in ("RMB_bn", "million", "RMB", "index") or log:
        ax.yaxis.set_major_formatter(mticker.FuncFormatter(tick))


def platform_colour(platform: str, model: str) -> str:
    return _PLATFORM_SHADES.get(platform, MODEL_COLOURS[model])


@functools.cache
def theme() -> dict:
    """The one theme of the report set, as matplotlib settings (seaborn's whitegrid and notebook context).

    Charts apply it inside ``matplotlib.rc_context`` on a figure of their own: drawing never
    switches the global backend or changes a notebook's own plotting settings.
    """
    rc = {**sns.axes_style("whitegrid"), **sns.plotting_context("notebook")}
    rc.update({
        "font.family": "sans-serif", "font.sans-serif": _FONTS, "svg.fonttype": "none",
        "axes.spines.top": False, "axes.spines.right": False, "axes.titleweight": "bold",
        "axes.titlesize": 12, "axes.labelsize": 10, "legend.fontsize": 9, "legend.frameon": False,
        "axes.unicode_minus": False, "svg.hashsalt": "kreport",  # the same chart gives the same SVG
        "text.parse_math": False,  # names from data are plain text: "$x$" is not TeX
        # No background of its own: a chart sits on the page's paper, light or dark (report.css recolours
        # its text and grid lines in dark mode).
        "figure.facecolor": "none", "axes.facecolor": "none", "savefig.facecolor": "none",
    })
    return rc


# A second, narrow drawing of every chart for phones (report.css shows it at phone width): a figure about
# 340 CSS px wide, so that it is drawn at about its natural size, with every text at least NARROW_MIN_PT
# (8.5 pt = 11.3 CSS px), ticks thinned until their labels stand apart, and legends below the plot.
NARROW_WIDTH = 3.55  # inches
NARROW_MIN_PT = 8.5
_NARROW: contextvars.ContextVar[bool] = contextvars.ContextVar("kreport_narrow_chart", default=False)


def _themed(draw):
    """Run a chart function inside the report theme, leaving matplotlib's global settings as they were.

    The function runs twice: once as is (the chart of wide screens and paper) and once narrow
    (:data:`_NARROW` set, read by :func:`_figure` and :func:`_svg`); the narrow SVG goes to
    ``Chart.narrow``. ``Chart.svg`` and ``Chart.points`` are the wide drawing's.
    """
    @functools.wraps(draw)
    def themed(*args, **kwargs):
        with mpl.rc_context(theme()):
            chart = draw(*args, **kwargs)
        token = _NARROW.set(True)
        try:
            with mpl.rc_context(theme()):
                narrow = draw(*args, **kwargs)
        finally:
            _NARROW.reset(token)
        chart.narrow = _narrow_markup(narrow.svg)
        return chart
    return themed


def _narrow_markup(svg: str) -> str:
    """The narrow copy as it goes into a page beside the wide one: its ids renamed (no clash with the wide
    copy's), hidden from assistive technology (the wide copy and the data table say the same) and marked
    with a class the stylesheet and the tests know."""
    svg = re.sub(r'\bid="', 'id="n-', svg)
    svg = svg.replace("url(#", "url(#n-").replace('href="#', 'href="#n-')
    return svg.replace("<svg ", '<svg class="chart-narrow" aria-hidden="true" ', 1)


def _svg(fig) -> str:
    buffer = io.StringIO()
    metadata = {"Date": None, "Creator": None, "Format": None, "Type": None}
    if _NARROW.get():
        _fit_narrow(fig)
        fig.savefig(buffer, format="svg", metadata=metadata)  # the constrained layout keeps it all inside
    else:
        fig.savefig(buffer, format="svg", bbox_inches="tight", metadata=metadata)
    text = buffer.getvalue()
    text = text[text.index("<svg"):]
    # Keep the natural size as a ceiling; CSS lets the chart shrink with the page.
    return text.replace("<svg ", '<svg role="img" ', 1)


def _figure(width=9.0, height=4.2):
    if _NARROW.get():
        # Phone: the same chart on a narrow figure, a little taller than its share of the wide one.
        fig = Figure(figsize=(NARROW_WIDTH, height if height < 2.5 else max(2.8, 0.8 * height)), layout="constrained")
    else:
        fig = Figure(figsize=(width, height))
    return fig, fig.subplots()


class _Thinned(mticker.Formatter):
    """Another formatter's labels, every ``step``-th kept counting back from the last (the newest period stays)."""

    def __init__(self, inner: mticker.Formatter, step: int):
        self.inner, self.step = inner, step

    def set_axis(self, axis):
        super().set_axis(axis)
        self.inner.set_axis(axis)

    def format_ticks(self, values):
        labels = self.inner.format_ticks(values)
        shown = [i for i, label in enumerate(labels) if label]
        keep = set(shown[::-1][::self.step])
        return [label if i in keep else "" for i, label in enumerate(labels)]

    def __call__(self, x, pos=None):
        return self.inner(x, pos)


def _fit_narrow(fig) -> None:
    """Make a chart drawn on a narrow figure legible: larger text, legends below the plot, thinned ticks."""
    for ax in fig.axes:
        ax.tick_params(axis="both", which="both", labelsize=NARROW_MIN_PT)
    handles, labels = [], []
    for ax in fig.axes:
        legend = ax.get_legend()
        if legend is not None:
            handles += list(legend.legend_handles)
            labels += [text.get_text() for text in legend.get_texts()]
            legend.remove()
    for text in fig.findobj(mpl.text.Text):
        if text.get_text() and text.get_fontsize() < NARROW_MIN_PT:
            text.set_fontsize(NARROW_MIN_PT)
    renderer = FigureCanvasAgg(fig).get_renderer()  # measures text; no backend is switched
    if handles:  # below the plot, never over the data: two columns where they fit, else one
        labels = [textwrap.fill(label, 36) for label in labels]
        for ncol in ((2, 1) if len(handles) > 1 else (1,)):
            legend = fig.legend(handles, labels, loc="outside lower center", ncol=ncol, fontsize=NARROW_MIN_PT,
                                frameon=False, columnspacing=1.0, handlelength=1.6)
            if ncol == 1 or legend.get_window_extent(renderer).width <= fig.bbox.width * 0.98:
                break
            legend.remove()
    fig.draw_without_rendering()  # lays the figure out once: every tick label measured where it is drawn
    gap = NARROW_MIN_PT * 0.6 * fig.dpi / 72
    for ax in fig.axes:
        for axis, horizontal in ((ax.xaxis, True), (ax.yaxis, False)):
            for which in ("major", "minor"):
                labels = axis.get_majorticklabels() if which == "major" else axis.get_minorticklabels()
                boxes = [label.get_window_extent(renderer) for label in labels if label.get_visible() and label.get_text()]
                spans = sorted((b.x0, b.x1) if horizontal else (b.y0, b.y1) for b in boxes)
                step = _thinning(spans, gap)
                if step > 1:
                    inner = axis.get_major_formatter() if which == "major" else axis.get_minor_formatter()
                    (axis.set_major_formatter if which == "major" else axis.set_minor_formatter)(_Thinned(inner, step))


def _thinning(spans: list[tuple[float, float]], gap: float) -> int:
    """The smallest n such that every n-th label, counted back from the last, stands ``gap`` apart from the next."""
    for step in range(1, max(2, len(spans))):
        kept = spans[::-1][::step][::-1]
        if all(a[1] + gap <= b[0] for a, b in zip(kept, kept[1:])):
            return step
    return max(1, len(spans))


@_themed
def line_chart(frame: pd.DataFrame, *, series="platform", unit="RMB_bn", fmt=None, ylabel="", title="",
               colours: dict | None = None, labels: dict | None = None, percent=False, events=None,
               log=False, lang="en", breaks: list | None = None) -> Chart:
    """Lines over time per ``series``, drawn by grade: solid between reported figures, dashed where either end
    is an estimate or a model's output; markers filled, half-filled (one media page) or hollow.

    ``frame`` columns: period (a Period), value, basis or grade, platform, metric, and optionally span (the
    Period drawn over, when it differs from the figure's own period) and qualifier. A bound ("over 500")
    is drawn as a triangle, never as a point of a line. A missing period breaks the line. ``unit`` says
    how to read the values (see :func:`kreport.render.numbers.format_quantity`); ``lang`` words the legend.
    ``breaks``: (first Period of a new scope, label) pairs, drawn as labelled vertical lines where a series
    changes what it measures.
    """
    fig, ax = _figure()
    marks = _Marks()
    drawn = _Encodings(lang)
    fmt = fmt or (lambda v, u, q: f"{v:,.3g}")
    spans = []
    frame = frame.assign(_span=frame["span"] if "span" in frame else frame["period"])
    frame = frame.assign(_x=[period_x(p) for p in frame["_span"]]).sort_values("_x")
    for key, rows in frame.groupby(series, sort=False):
        colour = (colours or {}).get(key, _GREY)
        label = (labels or {}).get(key, key)
        rows = rows.dropna(subset=["value"])
        levels = []
        for _, row in rows.iterrows():
            grade, bound = _grade(row), _bound(row)
            dot = _draw_point(ax, row["_x"], row["value"], colour, grade, bound, drawn)
            if not bound:
                levels.append((row["_span"], row["_x"], row["value"], grade))
            point = _point(label, row, row["value"], unit, grade)
            marks.add(dot, point, f"{label} · {point['period']} · {fmt(row['value'], unit, point['qualifier'])}")
        _draw_runs(ax, levels, colour, drawn, label=label, marks=marks)
        spans += list(rows["_span"])
    if spans:
        _year_axis(ax, spans)
    if percent:
        ax.yaxis.set_major_formatter(mticker.PercentFormatter(1.0, decimals=None))
        ax.axhline(0, color="#868e96", lw=0.8)
    if log:
        ax.set_yscale("log")
    _value_axis(ax, unit, lang, log=log)
    if events is not None:
        _mark_events(ax, events)
    for period, text in breaks or ():
        ax.axvline(period.start_time, color="#c92a2a", lw=1.0, ls=(0, (4, 2)))
        ax.annotate(text, (period.start_time, 1.0), xycoords=("data", "axes fraction"), xytext=(3, -10),
                    textcoords="offset points", fontsize=8, color="#c92a2a")
    ax.set_xlabel("")
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title, loc="left")
    _legend(ax, drawn, series_entries=frame[series].nunique() > 1)
    return Chart(marks.apply(_svg(fig)), marks.frame())


def _mark_events(ax, events: pd.DataFrame) -> None:
    ymax = ax.get_ylim()[1]
    for i, (_, event) in enumerate(events.iterrows()):
        ax.axvline(event["date"], color="#868e96", lw=0.8, ls=":")
        ax.annotate(str(i + 1), (event["date"], ymax), xytext=(2, -12), textcoords="offset points",
                    fontsize=8, color="#495057")


def _bar_width(period: pd.Period) -> pd.Timedelta:
    return (period.end_time - period.start_time) * 0.8


@_themed
def bar_chart(frame: pd.DataFrame, *, unit="RMB_bn", fmt=None, ylabel="", colour="#495057", title="",
              growth: pd.Series | None = None, growth_label="", series_label="", growth_grades: pd.Series | None = None,
              lang="en") -> Chart:
    """Bars over time, each period over its own span, so a missing period is an empty slot; growth on a right axis.

    Bars are filled by grade: solid (reported), pale and dotted (one media page), hatched white
    (estimate). ``frame`` columns: period, label, value, basis or grade, platform, metric, qualifier.
    ``growth`` (fractions, on the periods' index) is drawn as a line that breaks at gaps, with
    ``growth_grades`` (the weakest grade of each change's two figures, from kreport.stats.basis).
    """
    fig, ax = _figure()
    marks = _Marks()
    drawn = _Encodings(lang)
    drawn.bars = True
    fmt = fmt or (lambda v, u, q: f"{v:,.3g}")
    periods = list(frame["period"])
    xs = [period_x(p) for p in periods]
    for x, period, (_, row) in zip(xs, periods, frame.iterrows()):
        grade, bound = _grade(row), _bound(row)
        drawn.grades.add(grade)
        (bar,) = ax.bar([x], [row["value"]], width=_bar_width(period), color=_BAR_FACE[grade](colour), edgecolor=colour,
                        lw=1.2, hatch=_HATCH[grade])
        point = _point(series_label, row, row["value"], unit, grade)
        marks.add(bar, point, f"{series_label} · {point['period']} · {fmt(row['value'], unit, point['qualifier'])}")
        if bound:
            drawn.bounds.add(bound)
            ax.plot([x], [row["value"]], lw=0, marker=_BOUND_MARKER[bound], markersize=8, markerfacecolor="white",
                    markeredgecolor=colour, markeredgewidth=1.5, zorder=3)
    if periods:
        _year_axis(ax, periods)
    _value_axis(ax, unit, lang)
    ax.set_ylabel(ylabel)
    if growth is not None:
        ax2 = ax.twinx()
        grades = growth_grades if growth_grades is not None else pd.Series("reported", index=growth.index)
        points = []
        for x, period, (_, row) in zip(xs, periods, frame.iterrows()):
            value = growth.get(period, np.nan)
            if not np.isfinite(value):
                continue
            grade = grades.get(period)
            grade = grade if isinstance(grade, str) else "reported"
            (dot,) = ax2.plot([x], [value], lw=0, marker="o", markersize=3.5, zorder=3, **_marker_style(grade, "#212529"))
            point = _point(growth_label, {**row, "metric": f"{row['metric']}_yoy", "qualifier": ""}, value, "growth", grade)
            marks.add(dot, point, f"{growth_label} · {point['period']} · {value:+.1%}")
            points.append((period, x, value, grade))
        _draw_runs(ax2, points, "#212529", drawn, label=growth_label, lw=1.2, marks=marks)
        ax2.yaxis.set_major_formatter(mticker.PercentFormatter(1.0, decimals=None))
        ax2.set_ylabel(growth_label)
        ax2.grid(False)
        ax2.spines["right"].set_visible(True)
        handles, _ = ax2.get_legend_handles_labels()
        drawn_handles = drawn.handles()
        if handles or drawn_handles:
            ax.legend(handles=[*handles[:1], *drawn_handles], loc="upper left", bbox_to_anchor=(0.0, -0.1),
                      ncol=min(3, 1 + len(drawn_handles)), frameon=False, borderaxespad=0.0)
    else:
        _legend(ax, drawn, series_entries=False)
    if title:
        ax.set_title(title, loc="left")
    return Chart(marks.apply(_svg(fig)), marks.frame())


@_themed
def waterfall(steps: pd.DataFrame, *, ylabel="", total_label="", colour="#495057", grade="reported", lang="en") -> Chart:
    """A waterfall of additive log contributions, drawn and labelled ×100 (log points).

    ``steps`` columns: label, value (a log change), and for the data table: platform, metric, period.
    ``grade`` is the weakest grade of the six figures the decomposition uses (kreport.stats.basis).
    """
    fig, ax = _figure(8.0, 3.8)
    marks = _Marks()
    drawn = _Encodings(lang)
    drawn.bars = True
    drawn.grades.add(grade)
    running = 0.0
    rows = [*steps.to_dict("records")]
    total = {**rows[-1], "label": total_label, "metric": "gmv_log_change", "value": float(steps["value"].sum())} if rows else None
    for i, row in enumerate([*rows, total] if total else []):
        is_total = i == len(rows)
        height = row["value"] * 100
        bottom = 0.0 if is_total else running
        face = colour if is_total else ("#2b8a3e" if height >= 0 else "#c92a2a")
        bar = ax.bar(i, height, bottom=bottom, width=0.6, color=_BAR_FACE[grade](face), edgecolor=face, hatch=_HATCH[grade])[0]
        ax.text(i, bottom + height, f"{height:+.1f}", ha="center", va="bottom" if height >= 0 else "top", fontsize=8)
        point = _point(row["label"], row, row["value"], "log_change", grade)
        marks.add(bar, point, f"{row['label']} · {point['period']} · {height:+.1f}")
        running += 0.0 if is_total else height
    ax.set_xticks(range(len(rows) + 1), [*steps["label"], total_label], fontsize=9)
    ax.axhline(0, color="#868e96", lw=0.8)
    ax.set_ylabel(ylabel)
    _legend(ax, drawn, series_entries=False)
    return Chart(marks.apply(_svg(fig)), marks.frame())


@_themed
def fan_chart(history: pd.DataFrame, forecast: pd.DataFrame, *, unit="RMB_bn", fmt=None, ylabel="", colour="#495057",
              labels=None, later: pd.DataFrame | None = None, lang="en") -> Chart:
    """History by grade; the forecast with 80% and 95% bands, drawn and listed as a model estimate.

    ``history`` columns: period, value, basis or grade, platform, metric. ``forecast`` columns: period,
    forecast, lo80, hi80, lo95, hi95 (plus platform and metric for the data table). ``later``
    (columns as history): published figures inside the forecast's span, drawn as separate marks
    against the forecast.
    """
    labels = labels or {}
    fmt = fmt or (lambda v, u, q: f"{v:,.3g}")
    fig, ax = _figure()
    marks = _Marks()
    drawn = _Encodings(lang)
    hist = history.dropna(subset=["value"])
    points = []
    for _, row in hist.iterrows():
        x, grade = period_x(row["period"]), _grade(row)
        dot = _draw_point(ax, x, row["value"], colour, grade, "", drawn, size=4.0)
        point = _point(labels.get("history", "history"), row, row["value"], unit, grade)
        marks.add(dot, point, f"{point['series']} · {point['period']} · {fmt(row['value'], unit, '')}")
        points.append((row["period"], x, row["value"], grade))
    _draw_runs(ax, points, colour, drawn, label=labels.get("history", "history"), marks=marks)
    periods = list(pd.PeriodIndex(forecast["period"]))
    x_fc = [period_x(p) for p in periods]
    ax.fill_between(x_fc, forecast["lo95"], forecast["hi95"], color=colour, alpha=0.15, lw=0, label=labels.get("95", "95%"))
    ax.fill_between(x_fc, forecast["lo80"], forecast["hi80"], color=colour, alpha=0.3, lw=0, label=labels.get("80", "80%"))
    ax.plot(x_fc, forecast["forecast"], color=colour, lw=2, ls="--", label=labels.get("forecast", "forecast"))
    for x, period, (_, row) in zip(x_fc, periods, forecast.iterrows()):
        (dot,) = ax.plot([x], [row["forecast"]], lw=0, marker="s", markersize=4, markerfacecolor="white", markeredgecolor=colour, zorder=3)
        point = _point(labels.get("forecast", "forecast"), {**row, "period": period}, row["forecast"], unit, "model")
        marks.add(dot, point, f"{point['series']} · {point['period']} · {fmt(row['forecast'], unit, '')} "
                              f"[{fmt(row['lo80'], unit, '')} – {fmt(row['hi80'], unit, '')}]")
    if later is not None and not later.dropna(subset=["value"]).empty:
        published = later.dropna(subset=["value"])
        for i, (_, row) in enumerate(published.iterrows()):
            grade = _grade(row)
            drawn.grades.add(grade)
            (dot,) = ax.plot([period_x(row["period"])], [row["value"]], lw=0, marker="D", markersize=5, zorder=4,
                             label=labels.get("later", "published") if i == 0 else None, **_marker_style(grade, "#212529"))
            point = _point(labels.get("later", "published"), row, row["value"], unit, grade)
            marks.add(dot, point, f"{point['series']} · {point['period']} · {fmt(row['value'], unit, '')}")
    _year_axis(ax, [*hist["period"], *periods])
    _value_axis(ax, unit, lang)
    ax.set_ylabel(ylabel)
    _legend(ax, drawn, series_entries=True)
    return Chart(marks.apply(_svg(fig)), marks.frame())


@_themed
def seasonal_chart(indices: pd.Series, *, platform="", metric="gmv", ylabel="", colour="#495057", grade="reported",
                   lang="en") -> Chart:
    """Seasonal indices by quarter of the year (1 = average quarter); ``grade`` is the weakest of the figures used."""
    fig, ax = _figure(6.0, 3.2)
    marks = _Marks()
    drawn = _Encodings(lang)
    drawn.bars = True
    drawn.grades.add(grade)
    bars = ax.bar([f"Q{q}" for q in indices.index], indices.to_numpy(), color=_BAR_FACE[grade](colour), edgecolor=colour,
                  hatch=_HATCH[grade], width=0.6)
    for bar, (q, value) in zip(bars, indices.items()):
        row = {"series": ylabel, "platform": platform, "metric": f"{metric}_seasonal_index", "period": f"Q{q}",
               "value": float(value), "unit": "ratio", "basis": grade, "qualifier": ""}
        marks.add(bar, row, f"Q{q} · {value:.2f}")
    ax.axhline(1, color="#212529", lw=0.8)
    ax.set_ylabel(ylabel)
    _legend(ax, drawn, series_entries=False)
    return Chart(marks.apply(_svg(fig)), marks.frame())


@_themed
def event_timeline(events: pd.DataFrame, *, colours: dict) -> Chart:
    """Dated strategy events on one time axis, one row per platform."""
    fig, ax = _figure(9.0, 0.5 + 0.45 * max(1, events["platform_label"].nunique()))
    rows = {p: i for i, p in enumerate(events["platform_label"].unique())}
    for n, event in enumerate(events.itertuples(), 1):
        y = rows[event.platform_label]
        ax.scatter(event.date, y, color=colours.get(event.platform, "#495057"), s=40, zorder=3)
        ax.annotate(str(n), (event.date, y), xytext=(0, 6), textcoords="offset points", ha="center", fontsize=8)
    ax.set_yticks(list(rows.values()), list(rows.keys()))
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.grid(axis="y", visible=False)
    return Chart(_svg(fig))
