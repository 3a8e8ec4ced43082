"""Charts: one seaborn theme, one colour per business model, estimates drawn hollow and dashed.

Every function takes frames that are already computed (charts never fit) and returns SVG
markup with text kept as text, so Chinese is drawn by the reader's CJK font.
"""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("svg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import seaborn as sns  # noqa: E402

__all__ = [
    "MODEL_COLOURS", "platform_colour", "theme", "line_chart", "bar_chart", "waterfall",
    "fan_chart", "seasonal_chart", "event_timeline",
]

MODEL_COLOURS = {"trust": "#d9480f", "interest": "#1971c2", "shelf": "#2b8a3e"}
# Shelf platforms share the shelf hue in three shades, so the model stays readable.
_PLATFORM_SHADES = {"alibaba": "#2b8a3e", "jd": "#69a825", "pdd": "#0b7285"}
_FONTS = ["Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "DejaVu Sans"]


def platform_colour(platform: str, model: str) -> str:
    return _PLATFORM_SHADES.get(platform, MODEL_COLOURS[model])


def theme() -> None:
    """The one theme of the report set."""
    sns.set_theme(style="whitegrid", context="notebook", font=_FONTS[0], rc={
        "font.family": "sans-serif", "font.sans-serif": _FONTS, "svg.fonttype": "none",
        "axes.spines.top": False, "axes.spines.right": False, "axes.titleweight": "bold",
        "axes.titlesize": 12, "axes.labelsize": 10, "legend.fontsize": 9, "legend.frameon": False,
        "axes.unicode_minus": False,
    })


def _svg(fig) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight")
    plt.close(fig)
    text = buffer.getvalue()
    text = text[text.index("<svg"):]
    # Keep the natural size as a ceiling; CSS lets the chart shrink with the page.
    return text.replace("<svg ", '<svg role="img" ', 1)


def _figure(width=9.0, height=4.2):
    theme()
    return plt.subplots(figsize=(width, height))


def line_chart(frame: pd.DataFrame, *, x="period_end", y="value", series="platform", ylabel="", title="",
               colours: dict | None = None, labels: dict | None = None, percent=False, events=None,
               log=False) -> str:
    """Lines per ``series``; rows with basis 'estimate' drawn dashed with hollow markers.

    ``frame`` columns: x, y, series, basis. ``events``: optional frame with date and label.
    """
    fig, ax = _figure()
    for key, rows in frame.sort_values(x).groupby(series, sort=False):
        colour = (colours or {}).get(key, "#495057")
        label = (labels or {}).get(key, key)
        rows = rows.dropna(subset=[y])
        estimate = rows["basis"].astype(str).eq("estimate").to_numpy()
        ax.plot(rows[x], rows[y], color=colour, lw=2, ls="--" if estimate.all() else "-", label=label)
        ax.scatter(rows[x][~estimate], rows[y][~estimate], color=colour, s=22, zorder=3)
        ax.scatter(rows[x][estimate], rows[y][estimate], facecolor="white", edgecolor=colour, s=30, zorder=3, lw=1.5)
    if percent:
        ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        ax.axhline(0, color="#868e96", lw=0.8)
    if log:
        ax.set_yscale("log")
        ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    if events is not None:
        _mark_events(ax, events)
    ax.set_xlabel("")
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title, loc="left")
    if frame[series].nunique() > 1 or events is not None:
        ax.legend(loc="upper left")
    return _svg(fig)


def _mark_events(ax, events: pd.DataFrame) -> None:
    ymax = ax.get_ylim()[1]
    for i, (_, event) in enumerate(events.iterrows()):
        ax.axvline(event["date"], color="#868e96", lw=0.8, ls=":")
        ax.annotate(str(i + 1), (event["date"], ymax), xytext=(2, -12), textcoords="offset points",
                    fontsize=8, color="#495057")


def bar_chart(frame: pd.DataFrame, *, x="label", y="value", ylabel="", colour="#495057", title="",
              estimate_col="basis", growth: pd.Series | None = None, growth_label="") -> str:
    """Bars per period; estimates hatched and pale. ``growth`` (fractions) on a right axis."""
    fig, ax = _figure()
    positions = np.arange(len(frame))
    estimate = frame[estimate_col].astype(str).eq("estimate").to_numpy() if estimate_col in frame else np.zeros(len(frame), bool)
    bars = ax.bar(positions, frame[y], color=[("white" if e else colour) for e in estimate],
                  edgecolor=colour, lw=1.2)
    for bar, e in zip(bars, estimate):
        if e:
            bar.set_hatch("///")
    ax.set_xticks(positions, frame[x], rotation=90 if len(frame) > 12 else 0, fontsize=8)
    ax.set_ylabel(ylabel)
    if growth is not None:
        ax2 = ax.twinx()
        ax2.plot(positions, growth.to_numpy(), color="#212529", marker="o", ms=3, lw=1.2, label=growth_label)
        ax2.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        ax2.set_ylabel(growth_label)
        ax2.grid(False)
        ax2.spines["right"].set_visible(True)
    if title:
        ax.set_title(title, loc="left")
    return _svg(fig)


def waterfall(steps: pd.DataFrame, *, ylabel="", total_label="", colour="#495057") -> str:
    """A waterfall of additive contributions: ``steps`` has columns label and value."""
    fig, ax = _figure(8.0, 3.8)
    running = 0.0
    for i, row in enumerate(steps.itertuples()):
        ax.bar(i, row.value, bottom=running, color="#2b8a3e" if row.value >= 0 else "#c92a2a", width=0.6)
        ax.text(i, running + row.value, f"{row.value * 100:+.1f}",
                ha="center", va="bottom" if row.value >= 0 else "top", fontsize=8)
        running += row.value
    n = len(steps)
    ax.bar(n, running, color=colour, width=0.6)
    ax.text(n, running, f"{running * 100:+.1f}", ha="center", va="bottom" if running >= 0 else "top", fontsize=8)
    ax.set_xticks(range(n + 1), [*steps["label"], total_label], fontsize=9)
    ax.axhline(0, color="#868e96", lw=0.8)
    ax.set_ylabel(ylabel)
    return _svg(fig)


def fan_chart(history: pd.Series, forecast: pd.DataFrame, *, ylabel="", colour="#495057", labels=None) -> str:
    """History as a line; forecast with 80% and 95% bands (columns period, forecast, lo80, hi80, lo95, hi95)."""
    labels = labels or {}
    fig, ax = _figure()
    hist = history.dropna()
    x_hist = hist.index.to_timestamp(how="end").normalize()
    ax.plot(x_hist, hist.to_numpy(), color=colour, lw=2, marker="o", ms=3, label=labels.get("history", "history"))
    x_fc = pd.PeriodIndex(forecast["period"]).to_timestamp(how="end").normalize()
    ax.fill_between(x_fc, forecast["lo95"], forecast["hi95"], color=colour, alpha=0.15, lw=0, label=labels.get("95", "95%"))
    ax.fill_between(x_fc, forecast["lo80"], forecast["hi80"], color=colour, alpha=0.3, lw=0, label=labels.get("80", "80%"))
    ax.plot(x_fc, forecast["forecast"], color=colour, lw=2, ls="--", label=labels.get("forecast", "forecast"))
    ax.set_ylabel(ylabel)
    ax.legend(loc="upper left")
    return _svg(fig)


def seasonal_chart(indices: pd.Series, *, ylabel="", colour="#495057") -> str:
    """Seasonal indices by quarter (1 = average quarter)."""
    fig, ax = _figure(6.0, 3.2)
    ax.bar([f"Q{q}" for q in indices.index], indices.to_numpy(), color=colour, width=0.6)
    ax.axhline(1, color="#212529", lw=0.8)
    ax.set_ylabel(ylabel)
    return _svg(fig)


def event_timeline(events: pd.DataFrame, *, colours: dict) -> str:
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
    return _svg(fig)
