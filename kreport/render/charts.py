"""Charts: one seaborn theme, one colour per business model, estimates drawn hollow and dashed.

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
import matplotlib.ticker as mticker
import numpy as np
import pandas as pd
import seaborn as sns
from markupsafe import escape
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from kreport.dataset.periods import period_label

__all__ = [
    "Chart", "period_x", "weak_source", "WEAK_TIERS", "MODEL_COLOURS", "platform_colour", "theme", "line_chart", "bar_chart", "waterfall",
    "fan_chart", "seasonal_chart", "event_timeline",
]

MODEL_COLOURS = {"trust": "#d9480f", "interest": "#1971c2", "shelf": "#2b8a3e"}
# Shelf platforms share the shelf hue in three shades, so the model stays readable.
_PLATFORM_SHADES = {"alibaba": "#2b8a3e", "jd": "#69a825", "pdd": "#0b7285"}
_FONTS = ["Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "DejaVu Sans"]


# What the data table under a chart lists for each plotted point (see Chart.points).
POINT_COLUMNS = ["series", "platform", "metric", "period", "value", "unit", "basis", "qualifier", "weak_source"]
# A figure that rests on one source of these tiers is drawn like an estimate: hollow, or a hatched bar.
WEAK_TIERS = ("media", "aggregator")


@dataclass
class Chart:
    """An SVG chart and every point it draws: the data behind the chart, one row per point.

    ``points`` columns: series (legend label), platform, metric (a metric of the vocabulary or a
    derived one such as ``gmv_yoy``), period (as written in metrics.csv: 2024, 2024Q3, FY2021),
    value (canonical units: RMB bn, millions, fractions; a derived series its own value), unit
    (how to read value), basis (reported, estimate or model), qualifier.
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

    def add(self, artist, row: dict, shown: str) -> None:
        gid = f"kpt{len(self.rows)}"
        artist.set_gid(gid)
        self.rows.append({**row, "_gid": gid, "_title": shown})

    def apply(self, svg: str) -> str:
        for row in self.rows:
            attrs = (f'class="chart-point" data-series="{escape(row["series"])}" data-metric="{escape(row["metric"])}" '
                     f'data-period="{escape(row["period"])}" data-value="{row["value"]!r}"')
            svg = svg.replace(f'<g id="{row["_gid"]}">', f'<g id="{row["_gid"]}" {attrs}><title>{escape(row["_title"])}</title>', 1)
        return svg

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame([{c: r.get(c, "") for c in POINT_COLUMNS} for r in self.rows], columns=POINT_COLUMNS)


def weak_source(row) -> str:
    """The tier of the one source a figure rests on, when that is a media or aggregator page; else ''."""
    tier = str(row.get("tier", "") or "")
    try:
        single = int(row.get("n_sources", 0)) == 1
    except (TypeError, ValueError):
        single = False
    return tier if single and tier in WEAK_TIERS else ""


def _hollow(row) -> bool:
    return str(row.get("basis", "")) == "estimate" or bool(weak_source(row))


def _point(rows_series, row, value, unit, basis=None) -> dict:
    return {"series": str(rows_series), "platform": str(row.get("platform", "")), "metric": str(row.get("metric", "")),
            "period": period_label(row["period"]), "value": float(value), "unit": unit,
            "basis": str(basis or row.get("basis", "reported")), "qualifier": str(row.get("qualifier", "") or ""),
            "weak_source": weak_source(row) if basis is None else ""}


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
    if _NARROW.get():
        _fit_narrow(fig)
        fig.savefig(buffer, format="svg", metadata={"Date": None})  # the constrained layout keeps it all inside
    else:
        fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
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
               log=False) -> Chart:
    """Lines over time per ``series``; rows with basis 'estimate' drawn dashed with hollow markers.

    ``frame`` columns: period (a Period), value, basis, platform, metric, and optionally span (the
    Period drawn over, when it differs from the figure's own period) and qualifier. ``unit`` says
    how to read value; ``fmt(value, unit, qualifier)`` writes it for the point's hover title.
    ``events``: optional frame with a date column.
    """
    fig, ax = _figure()
    marks = _Marks()
    fmt = fmt or (lambda v, u, q: f"{v:,.3g}")
    spans = []
    frame = frame.assign(_span=frame["span"] if "span" in frame else frame["period"])
    frame = frame.assign(_x=[period_x(p) for p in frame["_span"]]).sort_values("_x")
    for key, rows in frame.groupby(series, sort=False):
        colour = (colours or {}).get(key, "#495057")
        label = (labels or {}).get(key, key)
        rows = rows.dropna(subset=["value"])
        estimate = rows["basis"].astype(str).eq("estimate").to_numpy()
        hollow = [_hollow(row) for _, row in rows.iterrows()]
        ax.plot(rows["_x"], rows["value"], color=colour, lw=2, ls="--" if estimate.all() else "-", label=label)
        for (_, row), est in zip(rows.iterrows(), hollow):
            dot = (ax.scatter([row["_x"]], [row["value"]], facecolor="white", edgecolor=colour, s=30, zorder=3, lw=1.5) if est
                   else ax.scatter([row["_x"]], [row["value"]], color=colour, s=22, zorder=3))
            point = _point(label, row, row["value"], unit)
            marks.add(dot, point, f"{label} · {point['period']} · {fmt(row['value'], unit, point['qualifier'])}")
        spans += list(rows["_span"])
    if spans:
        _year_axis(ax, spans)
    if percent:
        ax.yaxis.set_major_formatter(mticker.PercentFormatter(1.0))
        ax.axhline(0, color="#868e96", lw=0.8)
    if log:
        ax.set_yscale("log")
        ax.yaxis.set_major_formatter(mticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    if events is not None:
        _mark_events(ax, events)
    ax.set_xlabel("")
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title, loc="left")
    if frame[series].nunique() > 1 or events is not None:
        ax.legend(loc="upper left")
    return Chart(marks.apply(_svg(fig)), marks.frame())


def _mark_events(ax, events: pd.DataFrame) -> None:
    ymax = ax.get_ylim()[1]
    for i, (_, event) in enumerate(events.iterrows()):
        ax.axvline(event["date"], color="#868e96", lw=0.8, ls=":")
        ax.annotate(str(i + 1), (event["date"], ymax), xytext=(2, -12), textcoords="offset points",
                    fontsize=8, color="#495057")


@_themed
def bar_chart(frame: pd.DataFrame, *, unit="RMB_bn", fmt=None, ylabel="", colour="#495057", title="",
              growth: pd.Series | None = None, growth_label="", series_label="") -> Chart:
    """Bars per period, on categorical period labels; estimates hatched and pale. ``growth`` (fractions) on a right axis.

    ``frame`` columns: period, label, value, basis, platform, metric, qualifier.
    """
    fig, ax = _figure()
    marks = _Marks()
    fmt = fmt or (lambda v, u, q: f"{v:,.3g}")
    positions = np.arange(len(frame))
    estimate = [_hollow(row) for _, row in frame.iterrows()]
    bars = ax.bar(positions, frame["value"], color=[("white" if e else colour) for e in estimate], edgecolor=colour, lw=1.2)
    for bar, e, (_, row) in zip(bars, estimate, frame.iterrows()):
        if e:
            bar.set_hatch("///")
        point = _point(series_label, row, row["value"], unit)
        marks.add(bar, point, f"{series_label} · {point['period']} · {fmt(row['value'], unit, point['qualifier'])}")
    ax.set_xticks(positions, frame["label"], rotation=90 if len(frame) > 12 else 0, fontsize=8)
    ax.set_ylabel(ylabel)
    if growth is not None:
        ax2 = ax.twinx()
        ax2.plot(positions, growth.to_numpy(), color="#212529", lw=1.2, label=growth_label)
        for pos, value, (_, row) in zip(positions, growth.to_numpy(), frame.iterrows()):
            if np.isfinite(value):
                dot = ax2.scatter([pos], [value], color="#212529", s=9, zorder=3)
                point = _point(growth_label, {**row, "metric": f"{row['metric']}_yoy", "qualifier": ""}, value, "growth", "reported")
                marks.add(dot, point, f"{growth_label} · {point['period']} · {value:+.1%}")
        ax2.yaxis.set_major_formatter(mticker.PercentFormatter(1.0))
        ax2.set_ylabel(growth_label)
        ax2.grid(False)
        ax2.spines["right"].set_visible(True)
    if title:
        ax.set_title(title, loc="left")
    return Chart(marks.apply(_svg(fig)), marks.frame())


@_themed
def waterfall(steps: pd.DataFrame, *, ylabel="", total_label="", colour="#495057") -> Chart:
    """A waterfall of additive log contributions, drawn and labelled ×100 (log points).

    ``steps`` columns: label, value (a log change), and for the data table: platform, metric, period.
    """
    fig, ax = _figure(8.0, 3.8)
    marks = _Marks()
    running = 0.0
    rows = [*steps.to_dict("records")]
    total = {**rows[-1], "label": total_label, "metric": "gmv_log_change", "value": float(steps["value"].sum())} if rows else None
    for i, row in enumerate([*rows, total] if total else []):
        is_total = i == len(rows)
        height = row["value"] * 100
        bottom = 0.0 if is_total else running
        bar = ax.bar(i, height, bottom=bottom, width=0.6,
                     color=colour if is_total else ("#2b8a3e" if height >= 0 else "#c92a2a"))[0]
        ax.text(i, bottom + height, f"{height:+.1f}", ha="center", va="bottom" if height >= 0 else "top", fontsize=8)
        point = _point(row["label"], row, row["value"], "log_change")
        marks.add(bar, point, f"{row['label']} · {point['period']} · {height:+.1f}")
        running += 0.0 if is_total else height
    ax.set_xticks(range(len(rows) + 1), [*steps["label"], total_label], fontsize=9)
    ax.axhline(0, color="#868e96", lw=0.8)
    ax.set_ylabel(ylabel)
    return Chart(marks.apply(_svg(fig)), marks.frame())


@_themed
def fan_chart(history: pd.DataFrame, forecast: pd.DataFrame, *, unit="RMB_bn", fmt=None, ylabel="", colour="#495057",
              labels=None, later: pd.DataFrame | None = None) -> Chart:
    """History as a line; the forecast with 80% and 95% bands, drawn and listed as a model estimate.

    ``history`` columns: period, value, basis, platform, metric. ``forecast`` columns: period,
    forecast, lo80, hi80, lo95, hi95 (plus platform and metric for the data table). ``later``
    (columns as history): published figures inside the forecast's span, drawn as separate marks
    against the forecast.
    """
    labels = labels or {}
    fmt = fmt or (lambda v, u, q: f"{v:,.3g}")
    fig, ax = _figure()
    marks = _Marks()
    hist = history.dropna(subset=["value"])
    x_hist = [period_x(p) for p in hist["period"]]
    ax.plot(x_hist, hist["value"], color=colour, lw=2, label=labels.get("history", "history"))
    for x, (_, row) in zip(x_hist, hist.iterrows()):
        dot = ax.scatter([x], [row["value"]], color=colour, s=9, zorder=3)
        point = _point(labels.get("history", "history"), row, row["value"], unit)
        marks.add(dot, point, f"{point['series']} · {point['period']} · {fmt(row['value'], unit, '')}")
    periods = list(pd.PeriodIndex(forecast["period"]))
    x_fc = [period_x(p) for p in periods]
    ax.fill_between(x_fc, forecast["lo95"], forecast["hi95"], color=colour, alpha=0.15, lw=0, label=labels.get("95", "95%"))
    ax.fill_between(x_fc, forecast["lo80"], forecast["hi80"], color=colour, alpha=0.3, lw=0, label=labels.get("80", "80%"))
    ax.plot(x_fc, forecast["forecast"], color=colour, lw=2, ls="--", label=labels.get("forecast", "forecast"))
    for x, period, (_, row) in zip(x_fc, periods, forecast.iterrows()):
        dot = ax.scatter([x], [row["forecast"]], facecolor="white", edgecolor=colour, s=16, zorder=3, lw=1.2)
        point = _point(labels.get("forecast", "forecast"), {**row, "period": period}, row["forecast"], unit, "model")
        marks.add(dot, point, f"{point['series']} · {point['period']} · {fmt(row['forecast'], unit, '')} "
                              f"[{fmt(row['lo80'], unit, '')} – {fmt(row['hi80'], unit, '')}]")
    if later is not None and not later.dropna(subset=["value"]).empty:
        published = later.dropna(subset=["value"])
        for i, (_, row) in enumerate(published.iterrows()):
            dot = ax.scatter([period_x(row["period"])], [row["value"]], color="#212529", marker="D", s=22, zorder=4,
                             label=labels.get("later", "published") if i == 0 else None)
            point = _point(labels.get("later", "published"), row, row["value"], unit)
            marks.add(dot, point, f"{point['series']} · {point['period']} · {fmt(row['value'], unit, '')}")
    _year_axis(ax, [*hist["period"], *periods])
    ax.set_ylabel(ylabel)
    ax.legend(loc="upper left")
    return Chart(marks.apply(_svg(fig)), marks.frame())


@_themed
def seasonal_chart(indices: pd.Series, *, platform="", metric="gmv", ylabel="", colour="#495057") -> Chart:
    """Seasonal indices by quarter of the year (1 = average quarter)."""
    fig, ax = _figure(6.0, 3.2)
    marks = _Marks()
    bars = ax.bar([f"Q{q}" for q in indices.index], indices.to_numpy(), color=colour, width=0.6)
    for bar, (q, value) in zip(bars, indices.items()):
        row = {"series": ylabel, "platform": platform, "metric": f"{metric}_seasonal_index", "period": f"Q{q}",
               "value": float(value), "unit": "ratio", "basis": "reported", "qualifier": ""}
        marks.add(bar, row, f"Q{q} · {value:.2f}")
    ax.axhline(1, color="#212529", lw=0.8)
    ax.set_ylabel(ylabel)
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
