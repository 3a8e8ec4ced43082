"""The quarterly brief: latest figures, takeaways written from the data, forecast check, data changes."""

from __future__ import annotations

import io
import math

import pandas as pd

from kreport.config import REPORTS_DIR, SNAPSHOT
from kreport.dataset.load import quarterly_series
from kreport.dataset.periods import period_label
from kreport.dataset.schema import CANONICAL_UNIT, METRICS
from kreport.dataset.selections import latest_figures, without_bounds
from kreport.render.numbers import format_change, quantity
from kreport.render.report import Html, Report
from kreport.render.tables import html_table
from kreport.stats.forecast.policy import MIN_QUARTERS, modelled_series, series_forecast

__all__ = ["latest_table", "takeaways", "forecast_check", "data_changes", "headlines"]

_BRIEF_METRICS = {"gmv": "gmv", "gmv_ttm": "gmv", "dau": "dau", "monthly_buyers": "buyers",
                  "annual_buyers": "buyers", "repurchase_rate": "repurchase"}


def latest_table(rep: Report) -> Html:
    """The newest GMV, DAU, buyers and repurchase figure of every platform, with YoY change."""
    latest = latest_figures(rep.data.metrics, metric_order=list(_BRIEF_METRICS))
    # One figure per platform and column: the first metric in the order above wins.
    latest["column"] = latest["metric"].map(_BRIEF_METRICS)
    latest = latest.drop_duplicates(["platform", "column"], keep="first")
    columns = ("gmv", "dau", "buyers", "repurchase")
    table = {rep.t("col.platform"): [], rep.t("col.model"): []}
    for c in columns:
        table[rep.t(f"brief.col.{c}")] = []
    for platform in rep.data.platforms.index:
        mine = latest[latest["platform"] == platform]
        if mine.empty:
            continue
        table[rep.t("col.platform")].append(rep.platform_name(platform))
        table[rep.t("col.model")].append(rep.model_name(rep.data.platforms.loc[platform, "model"]))
        for c in columns:
            row = mine[mine["column"] == c]
            if row.empty:
                table[rep.t(f"brief.col.{c}")].append("–")
                continue
            r = row.iloc[0]
            text = f"{quantity(r['value'], r['unit'], r['qualifier'], rep.lang)} · {r['period_text']}"
            if not math.isnan(r["yoy"]):
                text += f" · {rep.t('col.yoy')} {format_change(r['yoy'])}"
            if r["metric"] in ("gmv_ttm", "annual_buyers"):
                text += " · " + rep.t("brief.ttm")
            if str(r["basis"]) == "estimate":
                text += " · " + rep.t("basis.estimate") + " *"
            table[rep.t(f"brief.col.{c}")].append(text)
    frame = pd.DataFrame(table)
    block = rep.section(rep.t("brief.latest"), rep.t("brief.latest.intro", quarter=str(rep.quarter)))
    block += rep.table(html_table(frame), rep.t("brief.latest.caption"), latest["source_id"])
    return block + rep.callout(rep.t("brief.latest.caveat"))


def _takeaway_items(rep: Report) -> list[str]:
    m = rep.data.metrics
    items = []
    has_gmv = ((m["platform"] == "kuaishou") & (m["metric"] == "gmv")).any()
    gmv = quarterly_series(m, "kuaishou", "gmv") if has_gmv else pd.Series(dtype=float)
    gmv = gmv.dropna()
    if len(gmv) >= 5:
        last = gmv.index[-1]
        yoy = gmv.iloc[-1] / gmv.get(last - 4, float("nan")) - 1
        items.append(rep.t("brief.tk.gmv", period=str(last), value=quantity(gmv.iloc[-1], "RMB_bn", lang=rep.lang),
                           change=format_change(yoy)))
        prior = last - 4
        if prior in gmv.index and prior - 4 in gmv.index:
            prior_yoy = gmv[prior] / gmv[prior - 4] - 1
            # Half a percentage point either way counts as steady growth.
            key = ("brief.tk.steady" if abs(yoy - prior_yoy) < 0.005
                   else "brief.tk.slower" if yoy < prior_yoy else "brief.tk.faster")
            items.append(rep.t(key, now=format_change(yoy), before=format_change(prior_yoy), prior=str(prior)))
    dau = quarterly_series(m, "kuaishou", "dau").dropna() if "kuaishou" in set(m["platform"]) else pd.Series(dtype=float)
    if len(dau) >= 5 and len(gmv):
        last = dau.index[-1]
        dau_yoy = dau.iloc[-1] / dau.get(last - 4, float("nan")) - 1
        text = rep.t("brief.tk.dau", period=str(last), value=quantity(dau.iloc[-1], "million", lang=rep.lang),
                     change=format_change(dau_yoy))
        gmv_yoy = gmv.get(last, math.nan) / gmv.get(last - 4, math.nan) - 1
        if dau_yoy < gmv_yoy / 2:
            text += rep.t("brief.tk.dau_slower")
        items.append(text)
        if last in gmv.index and last - 4 in gmv.index and last - 4 in dau.index:
            per_now = gmv[last] * 4000 / dau[last]
            per_before = gmv[last - 4] * 4000 / dau[last - 4]
            now_text, before_text = f"{per_now:,.0f}", f"{per_before:,.0f}"
            direction = "same" if now_text == before_text else ("up" if per_now > per_before else "down")
            items.append(rep.t(f"brief.tk.per_dau.{direction}", period=str(last), value=now_text, before=before_text))
    annual = without_bounds(m[(m["metric"] == "gmv") & (m["period_kind"] == "year")])
    douyin = annual[annual["platform"] == "douyin"].sort_values("period_end")
    for row in douyin.iloc[::-1].itertuples():
        ks = annual[(annual["platform"] == "kuaishou") & (annual["period"] == row.period)]
        if not ks.empty:
            items.append(rep.t("brief.tk.douyin", year=str(row.period), douyin=quantity(row.value, "RMB_bn", row.qualifier, rep.lang),
                               kuaishou=quantity(ks.iloc[0]["value"], "RMB_bn", lang=rep.lang),
                               ratio=f"{row.value / ks.iloc[0]['value']:.1f}"))
            break
    shelf = m[m["model"] == "shelf"]
    if not shelf.empty:
        newest = shelf[shelf["metric"].isin(["gmv", "gmv_ttm"])].sort_values("period_end")
        if not newest.empty:
            r = newest.iloc[-1]
            items.append(rep.t("brief.tk.shelf", name=rep.platform_name(r["platform"]), period=period_label(r["period"], r["period_kind"]),
                               value=quantity(r["value"], "RMB_bn", r["qualifier"], rep.lang)))
    return items[:6]


def takeaways(rep: Report) -> Html:
    items = _takeaway_items(rep)
    return rep.section(rep.t("brief.takeaways")) + rep.bullets(items)


def forecast_check(rep: Report) -> Html:
    """Last quarter's one-quarter-ahead forecast against this quarter's actual, per modelled series."""
    block = rep.section(rep.t("brief.check"), rep.t("brief.check.intro", n=MIN_QUARTERS))
    previous = rep.quarter - 1
    rows, sources = [], []
    for platform in rep.data.platforms.index:
        for metric, series in modelled_series(rep.data.metrics, platform).items():
            if rep.quarter not in series.index or pd.isna(series[rep.quarter]):
                continue
            before = series[:previous]
            if len(before.dropna()) < MIN_QUARTERS:
                continue
            result = series_forecast(metric, before)
            first = result.frame.iloc[0]
            actual = series[rep.quarter]
            unit = CANONICAL_UNIT[METRICS[metric].kind]
            inside = first["lo80"] <= actual <= first["hi80"]
            rows.append({
                rep.t("col.platform"): rep.platform_name(platform), rep.t("col.metric"): rep.t(f"metric.{metric}"),
                rep.t("col.forecast"): quantity(first["forecast"], unit, lang=rep.lang),
                rep.t("col.interval80"): f"{quantity(first['lo80'], unit, lang=rep.lang)} – {quantity(first['hi80'], unit, lang=rep.lang)}",
                rep.t("col.actual"): quantity(actual, unit, lang=rep.lang),
                rep.t("col.error"): format_change(actual / first["forecast"] - 1),
                rep.t("col.inside"): rep.t("yes" if inside else "no"),
            })
            mine = rep.data.metrics
            sources += list(mine[(mine["platform"] == platform) & (mine["metric"] == metric)]["source_id"])
    if not rows:
        return block + rep.paragraph(rep.t("brief.check.none", quarter=str(rep.quarter)))
    return block + rep.table(html_table(pd.DataFrame(rows)), rep.t("brief.check.caption", before=str(previous), quarter=str(rep.quarter)), sources)


def _snapshot(quarter) -> pd.DataFrame | None:
    path = REPORTS_DIR / str(quarter) / SNAPSHOT
    if not path.exists():
        return None
    return pd.read_csv(io.StringIO(path.read_text(encoding="utf-8-sig")), dtype=str, keep_default_na=False)


def data_changes(rep: Report) -> Html:
    """New figures for periods after last quarter, and revisions against last quarter's build."""
    block = rep.section(rep.t("brief.changes"))
    m = rep.data.metrics
    cutoff = (rep.quarter - 1).end_time
    new = m[m["period_end"] > cutoff]
    items = [rep.t("brief.changes.new", n=len(new), quarter=str(rep.quarter),
                   list=", ".join(sorted({f"{rep.platform_name(p)} {rep.t(f'metric.{x}')}" for p, x in zip(new["platform"], new["metric"])})) or "–")]
    old = _snapshot(rep.quarter - 1)
    if old is None:
        items.append(rep.t("brief.changes.nobuild", quarter=str(rep.quarter - 1)))
    else:
        key = ["platform", "metric", "period", "basis"]
        current = pd.read_csv(rep.data.data_dir / "metrics.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
        merged = current.merge(old, on=key, how="outer", suffixes=("", "_old"), indicator=True)
        revised = merged[(merged["_merge"] == "both") & (merged["value"] != merged["value_old"])]
        added = merged[(merged["_merge"] == "left_only")]
        removed = merged[(merged["_merge"] == "right_only")]
        items.append(rep.t("brief.changes.diff", quarter=str(rep.quarter - 1), added=len(added), revised=len(revised), removed=len(removed)))
        for r in revised.head(10).itertuples():
            items.append(rep.t("brief.changes.revision", platform=r.platform, metric=r.metric, period=r.period, old=r.value_old, new=r.value))
    return block + rep.bullets(items, css="changes")


def headlines(rep: Report):
    items = _takeaway_items(rep)[:2]
    return rep.record(**{f"{i + 1}": text for i, text in enumerate(items)})

