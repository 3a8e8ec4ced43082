"""The platform profile: every metric over time, seasonality, unit economics, growth decomposition, events."""

from __future__ import annotations

import pandas as pd

from kreport.dataset.load import quarterly_series
from kreport.dataset.periods import period_label
from kreport.dataset.schema import CANONICAL_UNIT, METRICS
from kreport.dataset.selections import chart_frame, latest_figures
from kreport.render import charts, templating
from kreport.render.numbers import format_change, quantity
from kreport.render.report import Html, Report
from kreport.render.tables import figure_table, html_table
from kreport.stats import basis
from kreport.stats.claims import bound_kind, gmv_user_pairs, missing_quarters, pair_values
from kreport.stats.derived import (
    buyer_penetration,
    decompose_gmv_growth,
    meaningful,
    seasonal_indices,
    yoy_growth,
)

__all__ = ["at_a_glance", "metric_history", "seasonality", "unit_economics", "decomposition", "events", "data_table", "headlines"]

_ORDER = list(METRICS)


def _colour(rep: Report) -> str:
    platform = rep.data.platforms.loc[rep.platform]
    return charts.platform_colour(rep.platform, platform["model"])


def _mine(rep: Report) -> pd.DataFrame:
    return rep.data.metrics[rep.data.metrics["platform"] == rep.platform]


def at_a_glance(rep: Report) -> Html:
    platform = rep.data.platforms.loc[rep.platform]
    scope = platform["scope_zh"] if rep.lang == "zh" else platform["scope_en"]
    block = rep.section(rep.t("profile.glance"), rep.t(
        "profile.glance.intro", name=rep.platform_name(rep.platform), model=rep.model_name(platform["model"]),
        scope=scope, quarter=str(rep.quarter)))
    mine = _mine(rep)
    if mine.empty:
        return block + rep.callout(rep.t("profile.nodata"))
    latest = latest_figures(mine, metric_order=_ORDER)
    frame = pd.DataFrame({
        rep.t("col.metric"): [_metric_label(rep, m) for m in latest["metric"]],
        rep.t("col.period"): latest["period_text"],
        rep.t("col.value"): [quantity(v, u, q, rep.lang)
                             for v, u, q in zip(latest["value"], latest["unit"], latest["qualifier"])],
        rep.t("col.yoy"): [format_change(y) for y in latest["yoy"]],
        rep.t("col.basis"): [rep.t(f"basis.{b}") + rep.ended_mark(rep.platform, m)
                             for m, b in zip(latest["metric"], latest["basis"].astype(str))],
    })
    block += rep.table(html_table(frame, numeric=(rep.t("col.value"), rep.t("col.yoy"))),
                       rep.t("profile.glance.table"), latest["source_id"])
    for metric in latest["metric"]:
        block += rep.ended_notice(rep.platform, metric)
    missing = missing_quarters(rep.data.metrics, rep.platform, rep.quarter)
    if missing:
        block += rep.callout(rep.t("profile.missing_quarters", name=rep.platform_name(rep.platform),
                                   quarters=rep.t("list.separator").join(str(q) for q in missing)), kind="note")
    gmv_rows = mine[mine["metric"].isin(["gmv", "gmv_ttm"])]
    if len(gmv_rows) and (gmv_rows["basis"].astype(str) == "estimate").all():
        block += rep.callout(rep.t("caveat.estimates", name=rep.platform_name(rep.platform)))
    if (mine["period_kind"] != "quarter").all() or mine["metric"].isin(["gmv_ttm", "annual_buyers"]).any():
        block += rep.callout(rep.t("caveat.ttm"), kind="note")
    return block


def _metric_label(rep: Report, metric: str) -> str:
    """The metric's name; a company-level figure (revenue) also names the listed company it is for."""
    label = rep.metric_name(rep.platform, metric)
    owner = rep.owner_name(rep.platform, metric)
    return label if owner == rep.platform_name(rep.platform) else f"{label} ({owner})"


def metric_history(rep: Report) -> Html:
    """One chart per metric: quarters as bars with the YoY line, years as bars."""
    mine = _mine(rep)
    block = rep.section(rep.t("profile.history"), rep.t("profile.history.intro"))
    colour = _colour(rep)
    for metric in [m for m in _ORDER if m in set(mine["metric"])]:
        canonical = CANONICAL_UNIT[METRICS[metric].kind]
        for kinds, label_key in ((("quarter",), "profile.quarterly"), (("year", "fiscal_year"), "profile.annual")):
            rows = chart_frame(mine, rep.platform, metric, kinds)
            bounds = chart_frame(mine, rep.platform, metric, kinds, include_bounds=True)
            if rows.empty:
                if not bounds.empty:
                    kind = bound_kind(bounds)
                    block += rep.paragraph(rep.t(f"profile.bounds_only.{kind}", metric=_metric_label(rep, metric),
                                                 periods=", ".join(bounds["label"])))
                continue
            if len(bounds) == 1:
                only = bounds.iloc[0]
                block += rep.paragraph(rep.t("profile.single", metric=_metric_label(rep, metric), period=only["label"],
                                             value=quantity(only["value"], only["unit"], only["qualifier"], rep.lang)))
                continue
            growth = growth_grades = None
            if kinds == ("quarter",) and len(rows) >= 5:
                series = quarterly_series(mine, rep.platform, metric)
                index = pd.PeriodIndex(rows["period"], freq="Q-DEC")
                growth = meaningful(yoy_growth(series)).reindex(index)
                growth_grades = basis.yoy(quarterly_series(mine, rep.platform, metric, column="grade")).reindex(index)
            svg = charts.bar_chart(bounds, unit=canonical, fmt=rep.format, ylabel=rep.t(f"axis.{canonical}"), colour=colour,
                                   growth=growth, growth_grades=growth_grades, growth_label=rep.t("axis.yoy"),
                                   series_label=rep.metric_name(rep.platform, metric), lang=rep.lang)
            caption = rep.t(label_key, metric=_metric_label(rep, metric), start=bounds["label"].iloc[0], end=bounds["label"].iloc[-1])
            block += rep.figure(svg, caption, bounds["source_id"])
    return block


def seasonality(rep: Report) -> Html:
    mine = _mine(rep)
    gmv = _quarterly(rep, ("gmv",)).get("gmv")
    block = rep.section(rep.t("profile.seasonality"))
    if gmv is None or gmv.notna().sum() < 8:
        return block + rep.paragraph(rep.t("profile.seasonality.none"))
    indices = seasonal_indices(gmv) / 100.0
    grade = basis.whole(quarterly_series(mine, rep.platform, "gmv", column="grade"))
    svg = charts.seasonal_chart(indices, platform=rep.platform, ylabel=rep.t("profile.seasonality.axis"), colour=_colour(rep),
                                grade=grade, lang=rep.lang)
    strongest = int(indices.idxmax())
    block += rep.paragraph(rep.t("profile.seasonality.text", q=strongest, pct=f"{indices.max() - 1:+.0%}",
                                 weak=int(indices.idxmin()), wpct=f"{indices.min() - 1:+.0%}"))
    rows = chart_frame(mine, rep.platform, "gmv")
    return block + rep.figure(svg, rep.t("profile.seasonality.caption", start=rows["label"].iloc[0], end=rows["label"].iloc[-1]), rows["source_id"])


def _quarterly(rep: Report, metrics) -> dict[str, pd.Series]:
    """The platform's quarterly series that have at least one exact figure."""
    mine = _mine(rep)
    found = {m: quarterly_series(mine, rep.platform, m) for m in metrics if m in set(mine["metric"])}
    return {m: s for m, s in found.items() if s.notna().any()}


def _ratio_rows(values: pd.Series, grades: pd.Series, name: str, platform: str, metric: str) -> pd.DataFrame:
    """A derived series as chart rows, each with the weakest grade of the figures it is computed from."""
    s = values.dropna()
    return pd.DataFrame({"period": list(s.index), "value": s.to_numpy(), "series": name,
                         "grade": grades.reindex(s.index).to_numpy(), "platform": platform, "metric": metric})


_PER_USER = {  # (GMV measure, user measure): the label and the chart-data metric name
    ("gmv", "dau"): ("profile.per_dau", "gmv_per_dau"),
    ("gmv", "monthly_buyers"): ("profile.per_buyer", "gmv_per_buyer"),
    ("gmv_ttm", "annual_buyers"): ("profile.per_annual_buyer", "gmv_ttm_per_annual_buyer"),
    ("gmv", "annual_buyers"): ("profile.per_annual_buyer", "gmv_per_annual_buyer"),
}


def unit_economics(rep: Report) -> Html:
    """GMV per user on every footing the data allows (quarters annualised, years as they are), and buyer penetration."""
    mine = _mine(rep)
    block = rep.section(rep.t("profile.unit"), rep.t("profile.unit.intro"))
    shown = 0
    per_user, used = [], []
    for pair in gmv_user_pairs(mine, rep.platform):
        if (pair.gmv_metric, pair.user_metric) not in _PER_USER:
            continue
        values, grades = pair_values(mine, rep.platform, pair)
        label, name = _PER_USER[(pair.gmv_metric, pair.user_metric)]
        text = rep.t(label) + ("" if pair.kind == "quarter" else " " + rep.t("profile.per_user.annual"))
        per_user.append(_ratio_rows(values, grades, text, rep.platform, name))
        used += [pair.gmv_metric, pair.user_metric]
    per_user = [f for f in per_user if not f.empty]
    if per_user:
        frame = pd.concat(per_user)
        palette = dict(zip(frame["series"].unique(), [_colour(rep), "#495057", "#868e96", "#adb5bd"]))
        svg = charts.line_chart(frame, series="series", unit="RMB", fmt=rep.format, ylabel=rep.t("axis.per_user"), colours=palette,
                                lang=rep.lang)
        block += rep.figure(svg, rep.t("profile.per_user.caption"), mine[mine["metric"].isin(used)]["source_id"])
        shown += 1
    have = set(mine["metric"])
    if {"monthly_buyers", "mau"} <= have:
        pen = buyer_penetration(quarterly_series(mine, rep.platform, "monthly_buyers"), quarterly_series(mine, rep.platform, "mau"))
        if pen.notna().any():
            grades = basis.weakest(quarterly_series(mine, rep.platform, "monthly_buyers", column="grade"),
                                   quarterly_series(mine, rep.platform, "mau", column="grade"))
            frame = _ratio_rows(pen, grades, rep.t("profile.penetration"), rep.platform, "buyer_penetration")
            svg = charts.line_chart(frame, series="series", unit="fraction", fmt=rep.format, ylabel=rep.t("axis.fraction"),
                                    colours={frame["series"].iloc[0]: _colour(rep)}, percent=True, lang=rep.lang)
            block += rep.figure(svg, rep.t("profile.penetration.caption"), mine[mine["metric"].isin(["monthly_buyers", "mau"])]["source_id"])
            shown += 1
    if not shown:
        block += rep.paragraph(rep.t("profile.unit.none"))
    return block


def decomposition(rep: Report) -> Html:
    """The latest year-on-year GMV change split into users, conversion and spend per buyer."""
    mine = _mine(rep)
    block = rep.section(rep.t("profile.decomp"), rep.t("profile.decomp.intro"))
    series = _quarterly(rep, ("gmv", "mau", "monthly_buyers"))
    if len(series) < 3:
        return block + rep.paragraph(rep.t("profile.decomp.none"))
    parts = decompose_gmv_growth(series["gmv"], series["mau"], series["monthly_buyers"]).dropna(subset=["total"])
    if parts.empty:
        return block + rep.paragraph(rep.t("profile.decomp.none"))
    period = parts.index[-1]
    row = parts.iloc[-1]
    steps = pd.DataFrame({"label": [rep.t("decomp.users"), rep.t("decomp.conversion"), rep.t("decomp.spend")],
                          "value": [row["users"], row["conversion"], row["spend_per_buyer"]],
                          "metric": ["gmv_growth_users", "gmv_growth_conversion", "gmv_growth_spend_per_buyer"],
                          "platform": rep.platform, "period": period})
    grades = basis.decomposition(*(quarterly_series(mine, rep.platform, m, column="grade") for m in ("gmv", "mau", "monthly_buyers")))
    svg = charts.waterfall(steps, ylabel=rep.t("axis.logpoints"), total_label=rep.t("decomp.total"), colour=_colour(rep),
                           grade=grades.get(period, "reported"), lang=rep.lang)
    block += rep.paragraph(rep.t("profile.decomp.text", period=str(period), prior=str(period - 4), total=f"{row['total_growth']:+.1%}",
                                 users=f"{row['users'] * 100:+.1f}", conv=f"{row['conversion'] * 100:+.1f}",
                                 spend=f"{row['spend_per_buyer'] * 100:+.1f}"))
    used = mine[mine["metric"].isin(["gmv", "mau", "monthly_buyers"]) & mine["period"].isin([period, period - 4])]
    block += rep.figure(svg, rep.t("profile.decomp.caption", period=str(period), prior=str(period - 4)), used["source_id"])
    return block + rep.callout(rep.t("caveat.buyers_secondary"), kind="note")


def events(rep: Report) -> Html:
    block = rep.section(rep.t("profile.events"))
    evs = rep.data.events[rep.data.events["platform"] == rep.platform]
    if evs.empty:
        return block + rep.paragraph(rep.t("profile.events.none"))
    name_col = "name_zh" if rep.lang == "zh" else "name_en"
    desc_col = "description_zh" if rep.lang == "zh" else "description_en"
    mine = _mine(rep)
    gmv = chart_frame(mine, rep.platform, "gmv")
    if not gmv.empty:
        gmv["series"] = rep.t("metric.gmv")
        svg = charts.line_chart(gmv, series="series", fmt=rep.format, ylabel=rep.t("axis.RMB_bn"), colours={rep.t("metric.gmv"): _colour(rep)},
                                events=evs[["date"]], lang=rep.lang)
        block += rep.figure(svg, rep.t("profile.events.caption"), list(gmv["source_id"]) + list(evs["source_id"]))
    sources = rep.data.sources.set_index("source_id")
    frame = pd.DataFrame({
        "#": [str(i) for i in range(1, len(evs) + 1)],
        rep.t("col.date"): [d.date().isoformat() for d in evs["date"]],
        rep.t("col.event"): [templating.block("two_lines", n, d) for n, d in zip(evs[name_col], evs[desc_col])],
        rep.t("col.source"): [
            templating.block("source_link", sources.loc[s, "publisher"], sources.loc[s, "url"], None, sources.loc[s, "read_at"])
            for s in evs["source_id"]],
    })
    return block + rep.table(html_table(frame), rep.t("profile.events.table"), evs["source_id"])


def data_table(rep: Report) -> Html:
    mine = _mine(rep).copy()
    mine["period_text"] = [period_label(p, k) for p, k in zip(mine["period"], mine["period_kind"])]
    return rep.section(rep.t("profile.data")) + rep.table(
        figure_table(rep, mine, with_platform=False), rep.t("profile.data.caption", n=len(mine)), mine["source_id"])


def headlines(rep: Report):
    """The newest GMV and DAU (or the newest figures there are) for the quarter index."""
    latest = latest_figures(_mine(rep), metric_order=_ORDER).head(2)
    return rep.record(**{
        f"{rep.t(f'metric.{r.metric}')} {r.period_text}":
            f"{quantity(r.value, r.unit, r.qualifier, rep.lang)} ({format_change(r.yoy)})"
        for r in latest.itertuples()
    })
