"""The growth-trends report: backtests, the chosen model, fan charts, residual checks, breaks at events."""

from __future__ import annotations

import numpy as np
import pandas as pd
from markupsafe import Markup, escape

from kreport.dataset.load import annual_series, quarterly_series
from kreport.dataset.periods import period_label
from kreport.dataset.schema import CANONICAL_UNIT, METRICS
from kreport.dataset.selections import chart_frame
from kreport.render import charts
from kreport.render.numbers import format_change, quantity
from kreport.render.report import Html, Report
from kreport.render.tables import html_table
from kreport.stats.breaks import growth_breaks
from kreport.stats.claims import missing_quarters
from kreport.stats.derived import cagr, meaningful_start
from kreport.stats.forecast.describe import describe_series
from kreport.stats.forecast.policy import (
    MIN_QUARTERS,
    ended_nowcast,
    modelled_series,
    platform_track_record,
    series_forecast,
)
from kreport.stats.series import trailing_complete_run
from kreport.stats.track_record import errors_by_horizon, hit_rate, misses

__all__ = ["method", "coverage", "series_forecasts", "track_record", "breaks", "annual_growth", "headlines"]


def _label(rep: Report, metric: str) -> str:
    """The metric's name, with the listed company for company-level metrics: "Total revenue (Alibaba Group)"."""
    label = rep.t(f"metric.{metric}")
    owner = rep.owner_name(rep.platform, metric)
    return label if owner == rep.platform_name(rep.platform) else rep.t("trends.owned", metric=label, owner=owner)


def method(rep: Report) -> Html:
    return rep.section(rep.t("trends.method")) + rep.paragraph(rep.t("trends.method.text", n=MIN_QUARTERS))


def coverage(rep: Report) -> Html:
    """Which series are long enough to model, and which are not."""
    mine = rep.data.metrics[rep.data.metrics["platform"] == rep.platform]
    modelled = modelled_series(rep.data.metrics, rep.platform)
    rows = []
    for metric in METRICS:
        if metric not in set(mine["metric"]):
            continue
        series = quarterly_series(mine, rep.platform, metric)
        # A modelled series may end before a missing quarter: its run is the one the model uses.
        run = trailing_complete_run(modelled.get(metric, series)) if series.notna().any() else series
        if series.notna().any():
            status = rep.t("trends.modelled") if metric in modelled else rep.t("trends.too_short")
            status += rep.ended_mark(rep.platform, metric)
            span = f"{run.index[0]}–{run.index[-1]}" if len(run) else "–"
        else:
            status, span = rep.t("trends.annual_only"), "–"
        rows.append({rep.t("col.metric"): rep.t(f"metric.{metric}"), rep.t("trends.col.quarters"): str(int(series.notna().sum())),
                     rep.t("trends.col.run"): span, rep.t("trends.col.status"): status})
    block = rep.section(rep.t("trends.coverage"))
    if not rows:
        return block + rep.paragraph(rep.t("profile.nodata"))
    frame = pd.DataFrame(rows)
    block += rep.table(html_table(frame, numeric=(rep.t("trends.col.quarters"),)), rep.t("trends.coverage.caption", n=MIN_QUARTERS))
    missing = missing_quarters(rep.data.metrics, rep.platform, rep.quarter)
    if missing:
        block += rep.callout(rep.t("trends.missing_quarters", name=rep.platform_name(rep.platform),
                                   quarters=rep.t("list.separator").join(str(q) for q in missing)), kind="note")
    if not modelled:
        block += rep.callout(rep.t("trends.none_long"))
    return block + _described(rep, mine, modelled)


def _described(rep: Report, mine: pd.DataFrame, modelled: dict) -> Html:
    """Each quarterly series too short to model, described: newest figure, change on a year earlier, compound growth."""
    items = []
    for metric in METRICS:
        if metric in modelled or metric not in set(mine[mine["period_kind"] == "quarter"]["metric"]):
            continue
        d = describe_series(quarterly_series(mine, rep.platform, metric))
        if d is None:
            continue
        unit = CANONICAL_UNIT[METRICS[metric].kind]
        text = rep.t("trends.described", metric=_label(rep, metric), n=d.n, first=str(d.first), last=str(d.last),
                     value=quantity(d.value, unit, lang=rep.lang))
        if np.isfinite(d.yoy):
            text += rep.t("trends.described.yoy", change=format_change(d.yoy))
        if np.isfinite(d.cagr):
            text += rep.t("trends.described.cagr", cagr=f"{d.cagr:+.1%}", start=str(d.cagr_from), end=str(d.last))
        items.append(text)
    if not items:
        return Html("")
    return rep.paragraph(rep.t("trends.described.intro")) + rep.bullets(items)


def _score_table(rep: Report, table: pd.DataFrame) -> str:
    """Model × mean over horizons: MASE, sMAPE, raw and calibrated coverage; the chosen procedure first."""
    agg = table.groupby("model").agg(mase=("mase", "mean"), smape=("smape", "mean"), c80r=("coverage80_raw", "mean"),
                                     c80=("coverage80_cal", "mean"), c95r=("coverage95_raw", "mean"),
                                     c95=("coverage95_cal", "mean"), n=("n", "sum"))
    if {"auto", "combo"} <= set(agg.index) and np.allclose(agg.loc["auto"], agg.loc["combo"], equal_nan=True):
        agg = agg.drop(index="combo")  # the forecast shown is that combination: one row, not two alike
    snaive = agg.loc["snaive", "mase"] if "snaive" in agg.index else np.nan
    agg["rel"] = agg["mase"] / snaive
    agg = agg.sort_values("mase")
    agg = pd.concat([agg.loc[["auto"]], agg.drop(index="auto")]) if "auto" in agg.index else agg
    frame = pd.DataFrame({
        rep.t("trends.col.model"): [rep.t("trends.model.auto") if m == "auto" else rep.t(f"trends.model.{m}") for m in agg.index],
        "MASE": [f"{v:.2f}" for v in agg["mase"]],
        rep.t("trends.col.rel"): [f"{v:.2f}" for v in agg["rel"]],
        "sMAPE": [f"{v:.1f}%" for v in agg["smape"]],
        rep.t("trends.col.c80"): [f"{r:.0%} → {c:.0%}" for r, c in zip(agg["c80r"], agg["c80"])],
        rep.t("trends.col.c95"): [f"{r:.0%} → {c:.0%}" for r, c in zip(agg["c95r"], agg["c95"])],
        rep.t("trends.col.n"): [str(int(v)) for v in agg["n"]],
    })
    return html_table(frame, numeric=tuple(frame.columns[1:]))


def series_forecasts(rep: Report) -> Html:
    """For each modelled series: the backtest table, the chosen model, a fan chart and residual checks."""
    series_by_metric = modelled_series(rep.data.metrics, rep.platform)
    block = Html("")
    if not series_by_metric:
        return block
    mine = rep.data.metrics[rep.data.metrics["platform"] == rep.platform]
    colour = charts.platform_colour(rep.platform, rep.data.platforms.loc[rep.platform, "model"])
    for metric, series in series_by_metric.items():
        result = series_forecast(metric, series)
        unit = CANONICAL_UNIT[METRICS[metric].kind]
        label = _label(rep, metric)
        block += rep.section(rep.t("trends.series", metric=label))
        sources = mine[mine["metric"] == metric]["source_id"]
        if not rep.data.is_disclosed(rep.platform, metric, rep.quarter):
            block += rep.ended_notice(rep.platform, metric)
            block += rep.paragraph(rep.t("trends.nowcast", metric=label, quarter=str(rep.quarter),
                                         last=period_label(rep.data.last_disclosed(rep.platform, metric))))
            block += _nowcast_block(rep, metric, series, result, unit, label)
        if result.backtest is not None:
            block += rep.table(_score_table(rep, result.backtest), rep.t("trends.backtest.caption", metric=label))
        last = result.frame.iloc[-1]
        if result.lost_to_snaive:
            block += rep.paragraph(rep.t("trends.lost_to_snaive", auto=f"{result.auto_mase:.2f}",
                                         snaive=f"{result.snaive_mase:.2f}"))
        block += rep.paragraph(rep.t(
            "trends.chosen", models=" + ".join(rep.t(f"trends.model.{m}") for m in result.members),
            period=str(last["period"]), point=quantity(last["forecast"], unit, lang=rep.lang),
            lo=quantity(last["lo80"], unit, lang=rep.lang), hi=quantity(last["hi80"], unit, lang=rep.lang)))
        frame = chart_frame(mine, rep.platform, metric)
        history = frame[frame["period"].isin(series.dropna().index)]
        # Figures after a missing quarter (the series was cut before it) are set against the forecast.
        later = frame[frame["period"].isin(result.frame["period"])]
        if not later.empty:
            block += rep.paragraph(rep.t("trends.later", metric=label, end=str(series.last_valid_index()),
                                         periods=", ".join(str(p) for p in later["period"])))
        svg = charts.fan_chart(history, result.frame.assign(platform=rep.platform, metric=metric), unit=unit, fmt=rep.format,
                               ylabel=rep.t(f"axis.{unit}"), colour=colour, later=later, lang=rep.lang, labels={
            "history": rep.t("trends.history"), "forecast": rep.t("trends.forecast"), "80": rep.t("trends.band80"),
            "95": rep.t("trends.band95"), "later": rep.t("trends.published_since")})
        block += rep.figure(svg, rep.t("trends.fan.caption", metric=label, start=str(result.frame["period"].iloc[0]),
                                       end=str(result.frame["period"].iloc[-1])), sources)
        summary = result.summary
        resid = pd.DataFrame({
            rep.t("trends.col.model"): [rep.t(f"trends.model.{m}") for m in summary["model"]],
            "AICc": [f"{v:.1f}" if np.isfinite(v) else "–" for v in summary["aicc"].astype(float)],
            rep.t("trends.col.lb"): [
                (f"p = {p:.2f} ({int(lags)} " + rep.t("trends.lags") + ")") if np.isfinite(p) else "–"
                for p, lags in zip(summary["ljung_box_pvalue"].astype(float), summary["ljung_box_lags"])],
            rep.t("trends.col.verdict"): [
                rep.t("trends.resid.ok") if np.isfinite(p) and p >= 0.05 else
                (rep.t("trends.resid.bad") if np.isfinite(p) else rep.t("trends.resid.na"))
                for p in summary["ljung_box_pvalue"].astype(float)],
        })
        block += rep.table(html_table(resid), rep.t("trends.resid.caption", metric=label))
        if result.notes:
            block += rep.callout(rep.t("list.separator").join(rep.note(n) for n in result.notes), kind="note")
    return block + track_record(rep)


def _nowcast_block(rep: Report, metric: str, series: pd.Series, result, unit: str, label: str) -> Html:
    """The nowcast from the quarter's own indicators beside the time-series projection, and which is used."""
    nc = ended_nowcast(rep.data.metrics, rep.platform, metric, rep.quarter, result, series)
    if nc is None:
        return rep.paragraph(rep.t("trends.nowcast.none", metric=label, quarter=str(rep.quarter)))
    row = result.frame[result.frame["period"] == rep.quarter]
    q = lambda v: quantity(v, unit, lang=rep.lang)  # noqa: E731
    names = rep.t("trends.sep").join(_label(rep, m) for m in nc.indicators)
    frame = pd.DataFrame({
        rep.t("trends.col.estimate"): [rep.t("trends.nowcast.model", indicators=names),
                                      rep.t("trends.nowcast.projection", end=str(series.last_valid_index()))],
        rep.t("col.forecast"): [q(nc.value), q(row.iloc[0]["forecast"]) if len(row) else "–"],
        rep.t("col.interval80"): [f"{q(nc.lo80)} – {q(nc.hi80)}",
                                  f"{q(row.iloc[0]['lo80'])} – {q(row.iloc[0]['hi80'])}" if len(row) else "–"],
        rep.t("trends.col.backtest_error"): [
            rep.t("trends.nowcast.error", mape=f"{nc.mape:.1%}", n=nc.n),
            rep.t("trends.nowcast.error", mape=f"{nc.projection_mape:.1%}", n=nc.projection_n)
            if nc.projection_n else "–"],
        rep.t("trends.col.used"): [rep.t("yes" if nc.used == "nowcast" else "no"),
                                   rep.t("yes" if nc.used == "projection" else "no")],
    })
    block = rep.table(html_table(frame, numeric=(rep.t("col.forecast"),)),
                      rep.t("trends.nowcast.caption", metric=label, quarter=str(rep.quarter)))
    key = "trends.nowcast.used_model" if nc.used == "nowcast" else "trends.nowcast.used_projection"
    return block + rep.paragraph(rep.t(key, metric=label, quarter=str(rep.quarter), value=q(nc.value),
                                       lo=q(nc.lo80), hi=q(nc.hi80), indicators=names))


def _record_table(rep: Report, record: pd.DataFrame) -> Markup:
    """The track record as a table of class "forecast-record", one row per forecast with its figures as data-* attributes."""
    units = {m: CANONICAL_UNIT[METRICS[m].kind] for m in record["metric"].unique()}
    frame = pd.DataFrame({
        rep.t("col.metric"): [_label(rep, m) for m in record["metric"]],
        rep.t("trends.col.target"): list(record["period"]),
        rep.t("trends.col.origin"): list(record["origin"]),
        rep.t("col.forecast"): [quantity(v, units[m], lang=rep.lang) for v, m in zip(record["forecast"], record["metric"])],
        rep.t("col.interval80"): [f"{quantity(lo, units[m], lang=rep.lang)} – {quantity(hi, units[m], lang=rep.lang)}"
                                  for lo, hi, m in zip(record["lo80"], record["hi80"], record["metric"])],
        rep.t("col.actual"): [quantity(v, units[m], lang=rep.lang) for v, m in zip(record["actual"], record["metric"])],
        rep.t("col.error"): [format_change(e) for e in record["error"]],
        rep.t("col.inside"): [rep.t("yes" if ok else "no") for ok in record["inside80"]],
    })
    markup = str(html_table(frame, numeric=(rep.t("col.forecast"), rep.t("col.actual"), rep.t("col.error"))))
    markup = markup.replace('<table class="data-table">', '<table class="data-table forecast-record">', 1)
    head, body = markup.split("<tbody>", 1)
    parts = body.split("<tr>")
    attrs = [
        " ".join(f'data-{k}="{escape(v)}"' for k, v in (
            ("platform", rep.platform), ("metric", r.metric), ("period", r.period), ("origin", r.origin),
            ("value", f"{r.forecast:.6g}"), ("actual", f"{r.actual:.6g}"), ("lo80", f"{r.lo80:.6g}"),
            ("hi80", f"{r.hi80:.6g}"), ("lo95", f"{r.lo95:.6g}"), ("hi95", f"{r.hi95:.6g}"), ("h", str(r.h))))
        for r in record.itertuples()]
    body = parts[0] + "".join(f'<tr class="forecast-row" {a}>' + part for a, part in zip(attrs, parts[1:]))
    return Markup(head + "<tbody>" + body)


def track_record(rep: Report) -> Html:
    """Every past forecast, made with the figures known then, against the figure later published."""
    mine = rep.data.metrics[rep.data.metrics["platform"] == rep.platform]
    results = {metric: (quarterly_series(mine, rep.platform, metric), series, series_forecast(metric, series))
               for metric, series in modelled_series(rep.data.metrics, rep.platform).items()}
    record = platform_track_record(rep.data.metrics, rep.platform, results)
    if record.empty:
        return Html("")
    block = rep.section(rep.t("trends.record"), rep.t("trends.record.intro"))
    inside, total = hit_rate(record, 80)
    inside95, _ = hit_rate(record, 95)
    block += rep.paragraph(rep.t("trends.record.hits", inside=inside, total=total, inside95=inside95))
    missed = misses(record, 95)
    for r in missed.itertuples():
        unit = CANONICAL_UNIT[METRICS[r.metric].kind]
        block += rep.callout(rep.t("trends.record.miss", metric=_label(rep, r.metric), period=r.period, origin=r.origin,
                                   actual=quantity(r.actual, unit, lang=rep.lang),
                                   forecast=quantity(r.forecast, unit, lang=rep.lang),
                                   lo=quantity(r.lo95, unit, lang=rep.lang), hi=quantity(r.hi95, unit, lang=rep.lang),
                                   error=format_change(r.error), beyond=format_change(r.beyond)))
    by_h = errors_by_horizon(record)
    frame = pd.DataFrame({
        rep.t("trends.col.h"): [str(int(h)) for h in by_h["h"]],
        rep.t("trends.col.n"): [str(int(n)) for n in by_h["n"]],
        rep.t("trends.col.mape"): [f"{v:.1%}" for v in by_h["mape"]],
        rep.t("trends.col.hit80"): [f"{v:.0%}" for v in by_h["inside80"]],
        rep.t("trends.col.hit95"): [f"{v:.0%}" for v in by_h["inside95"]],
    })
    block += rep.table(html_table(frame, numeric=tuple(frame.columns)), rep.t("trends.record.horizon.caption"))
    sources = rep.data.metrics[(rep.data.metrics["platform"] == rep.platform)
                               & rep.data.metrics["metric"].isin(record["metric"].unique())]["source_id"]
    block += rep.table(_record_table(rep, record), rep.t("trends.record.caption"), sources)
    return block


def breaks(rep: Report) -> Html:
    """Did year-on-year growth change after each dated strategy event?"""
    block = rep.section(rep.t("trends.breaks"), rep.t("trends.breaks.intro"))
    evs = rep.data.events[rep.data.events["platform"] == rep.platform]
    series_by_metric = {m: s for m, s in modelled_series(rep.data.metrics, rep.platform).items() if m in ("gmv", "dau")}
    if evs.empty or not series_by_metric:
        return block + rep.paragraph(rep.t("trends.breaks.none"))
    name_col = "name_zh" if rep.lang == "zh" else "name_en"
    rows = []
    for metric, series in series_by_metric.items():
        found = growth_breaks(series, [(d.strftime("%Y-%m-%d"), n) for d, n in zip(evs["date"], evs[name_col])])
        for r in found.itertuples():
            tested = np.isfinite(r.change) if isinstance(r.change, float) else False
            rows.append({
                rep.t("col.metric"): rep.t(f"metric.{metric}"),
                rep.t("col.event"): f"{r.label} ({r.period})",
                rep.t("trends.col.before"): f"{r.growth_before:+.0%} (n={r.n_before})" if np.isfinite(r.growth_before) else f"– (n={r.n_before})",
                rep.t("trends.col.after"): f"{r.growth_after:+.0%} (n={r.n_after})" if np.isfinite(r.growth_after) else f"– (n={r.n_after})",
                rep.t("trends.col.change"): (f"{r.change * 100:+.1f} [{r.change_lo95 * 100:+.1f}, {r.change_hi95 * 100:+.1f}]" if tested else "–"),
                "p": f"{r.p_value:.3f}" if tested else "–",
                rep.t("trends.col.evidence"): _evidence(rep, r),
            })
    frame = pd.DataFrame(rows)
    block += rep.table(html_table(frame), rep.t("trends.breaks.caption"), evs["source_id"])
    return block + rep.callout(rep.t("trends.breaks.caveat"))


def _evidence(rep: Report, r) -> str:
    """The evidence label; "weak" with a small p-value says why (too few quarters on a side), not that p is large."""
    key = str(r.evidence).replace(" ", "_")
    if key == "weak" and np.isfinite(r.p_value) and r.p_value < 0.05:
        return rep.t("trends.evidence.weak_few", n=min(r.n_before, r.n_after))
    return rep.t("trends.evidence." + key)


def annual_growth(rep: Report) -> Html:
    """Compound annual growth of the platform's annual series (descriptive, no model)."""
    mine = rep.data.metrics[rep.data.metrics["platform"] == rep.platform]
    rows = []
    for metric in METRICS:
        if metric not in set(mine[mine["period_kind"] != "quarter"]["metric"]):
            continue
        series = annual_series(mine, rep.platform, metric).dropna()
        if len(series) < 2:
            continue
        # A CAGR starts at the first meaningful base (kreport.stats.derived.MEANINGFUL_BASE): never off a start-up year.
        first, last = meaningful_start(series), series.index[-1]
        if first is None or first == last:
            continue
        kind = "fiscal_year" if first.freqstr != "Y-DEC" else "year"
        span = f"{period_label(first, kind)}–{period_label(last, kind)}"
        rows.append({rep.t("col.metric"): rep.t(f"metric.{metric}"), rep.t("col.period"): span,
                     rep.t("trends.col.cagr"): f"{cagr(series.reindex(pd.period_range(first, last, freq=series.index.freq)), first, last):+.1%}"})
    block = rep.section(rep.t("trends.annual"))
    if not rows:
        return block + rep.paragraph(rep.t("trends.annual.none"))
    src = mine[mine["period_kind"] != "quarter"]["source_id"]
    return block + rep.table(html_table(pd.DataFrame(rows)), rep.t("trends.annual.caption"), src)


def headlines(rep: Report):
    out = {}
    for metric, series in list(modelled_series(rep.data.metrics, rep.platform).items())[:2]:
        result = series_forecast(metric, series)
        last = result.frame.iloc[-1]
        unit = CANONICAL_UNIT[METRICS[metric].kind]
        key = "trends.headline.weak" if result.lost_to_snaive else "trends.headline"
        out[rep.t(key, metric=_label(rep, metric), period=str(last["period"]))] = (
            f"{quantity(last['forecast'], unit, lang=rep.lang)} "
            f"[{quantity(last['lo80'], unit, lang=rep.lang)}–{quantity(last['hi80'], unit, lang=rep.lang)}]")
    return rep.record(**out)


