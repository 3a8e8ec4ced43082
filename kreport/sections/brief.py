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
from kreport.render.findings import finding_sentence, graded
from kreport.render.numbers import format_change, quantity
from kreport.render.report import Html, Report
from kreport.render.tables import html_table
from kreport.stats import basis, claims
from kreport.stats.derived import gmv_per_dau
from kreport.stats.findings import findings
from kreport.stats.forecast.policy import (
    MIN_QUARTERS,
    ended_nowcast,
    modelled_series,
    platform_track_record,
    series_forecast,
)
from kreport.stats.track_record import hit_rate

__all__ = ["latest_table", "takeaways", "conclusion", "forecast_check", "data_changes", "headlines"]

_BRIEF_METRICS = {"gmv": "gmv", "gmv_ttm": "gmv", "dau": "dau", "monthly_buyers": "buyers",
                  "annual_buyers": "buyers", "repurchase_rate": "repurchase", "revenue_total": "revenue"}


def latest_table(rep: Report) -> Html:
    """The newest GMV, DAU, buyers, repurchase and revenue figure of every platform, with YoY change.

    A metric the platform no longer discloses says so next to its last figure.
    """
    latest = latest_figures(rep.data.metrics, metric_order=list(_BRIEF_METRICS))
    # One figure per platform and column: the first metric in the order above wins.
    latest["column"] = latest["metric"].map(_BRIEF_METRICS)
    latest = latest.drop_duplicates(["platform", "column"], keep="first")
    columns = ("gmv", "dau", "buyers", "repurchase", "revenue")
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
            if c == "buyers":  # monthly and annual buyers are different measures: every cell says which
                text = f"{rep.t('brief.buyers.' + ('monthly' if r['metric'] == 'monthly_buyers' else 'annual'))}: {text}"
            if rep.owner_name(platform, r["metric"]) != rep.platform_name(platform):  # revenue: the listed company's
                text = f"{rep.owner_name(platform, r['metric'])}: {text}"
            if not math.isnan(r["yoy"]):
                text += f" · {rep.t('col.yoy')} {format_change(r['yoy'])}"
            if r["metric"] in ("gmv_ttm", "annual_buyers"):
                text += " · " + rep.t("brief.ttm")
            if str(r["grade"]) != "reported":
                text += " · " + rep.t(f"basis.{r['grade']}") + (" *" if str(r["grade"]) == "estimate" else " †")
            text += rep.ended_mark(platform, r["metric"])
            table[rep.t(f"brief.col.{c}")].append(text)
    frame = pd.DataFrame(table)
    block = rep.section(rep.t("brief.latest"), rep.t("brief.latest.intro", quarter=str(rep.quarter)))
    block += rep.table(html_table(frame), rep.t("brief.latest.caption"), latest["source_id"])
    block += rep.callout(rep.t("brief.latest.caveat"))
    if latest.loc[latest["column"] == "buyers", "metric"].nunique() > 1:
        block += rep.callout(rep.t("brief.latest.buyers_note"), kind="note")
    ended = rep.data.ended(rep.quarter)
    if not ended.empty:
        items = [_ended_item(rep, r) for r in ended.itertuples()]
        block += rep.paragraph(rep.t("brief.ended", list="; ".join(items))) + Html(str(rep.source_line(ended["source_id"])))
    return block


def _takeaway_items(rep: Report) -> list[str]:
    """Takeaways computed by kreport.stats.claims and worded here: every change, record and comparison is the data's."""
    m = rep.data.metrics
    items = []
    has = set(m.loc[m["platform"] == "kuaishou", "metric"]) if "kuaishou" in set(m["platform"]) else set()
    gmv = claims.change(m, "kuaishou", "gmv") if "gmv" in has else None
    if gmv is not None and not rep.data.is_disclosed("kuaishou", "gmv", rep.quarter):
        items += _ended_gmv_items(rep, quarterly_series(m, "kuaishou", "gmv").dropna())
    elif gmv is not None and not math.isnan(gmv.change):
        items.append(graded(rep, rep.t("brief.tk.gmv", period=str(gmv.period), value=quantity(gmv.value, "RMB_bn", lang=rep.lang),
                                        change=format_change(gmv.change)), gmv.grade))
        prior = claims.change(m, "kuaishou", "gmv", gmv.period - 4)
        if prior is not None and not math.isnan(prior.change):
            # Half a percentage point either way counts as steady growth.
            key = ("brief.tk.steady" if abs(gmv.change - prior.change) < 0.005
                   else "brief.tk.slower" if gmv.change < prior.change else "brief.tk.faster")
            items.append(rep.t(key, now=format_change(gmv.change), before=format_change(prior.change), prior=str(prior.period)))
    dau = claims.change(m, "kuaishou", "dau") if "dau" in has else None
    if dau is not None and not math.isnan(dau.change) and gmv is not None:
        record = claims.record_high(quarterly_series(m, "kuaishou", "dau"), dau.period)
        text = rep.t("brief.tk.dau.record" if record else "brief.tk.dau.was", period=str(dau.period),
                     value=quantity(dau.value, "million", lang=rep.lang), change=format_change(dau.change))
        same = claims.change(m, "kuaishou", "gmv", dau.period)
        driver = claims.growth_driver(same.change if same else math.nan, dau.change)
        if driver in ("spending", "users", "decline"):
            text += rep.t(f"brief.tk.driver.{driver}")
        items.append(graded(rep, text, dau.grade))
        per = gmv_per_dau(quarterly_series(m, "kuaishou", "gmv"), quarterly_series(m, "kuaishou", "dau"))
        grades = basis.weakest(quarterly_series(m, "kuaishou", "gmv", column="grade"), quarterly_series(m, "kuaishou", "dau", column="grade"))
        last = dau.period
        if not math.isnan(per.get(last, math.nan)) and not math.isnan(per.get(last - 4, math.nan)):
            now_text, before_text = f"{per[last]:,.0f}", f"{per[last - 4]:,.0f}"
            direction = "same" if now_text == before_text else ("up" if per[last] > per[last - 4] else "down")
            grade = basis.weakest_of([grades.get(last), grades.get(last - 4)])
            items.append(graded(rep, rep.t(f"brief.tk.per_dau.{direction}", period=str(last), value=now_text, before=before_text), grade))
    items += _revenue_items(rep)
    annual = without_bounds(m[(m["metric"] == "gmv") & (m["period_kind"] == "year")])
    douyin = annual[annual["platform"] == "douyin"].sort_values("period_end")
    for row in douyin.iloc[::-1].itertuples():
        ks = annual[(annual["platform"] == "kuaishou") & (annual["period"] == row.period)]
        if not ks.empty:
            items.append(rep.t("brief.tk.douyin", year=str(row.period), douyin=quantity(row.value, "RMB_bn", row.qualifier, rep.lang),
                               kuaishou=quantity(ks.iloc[0]["value"], "RMB_bn", lang=rep.lang),
                               ratio=f"{row.value / ks.iloc[0]['value']:.1f}"))
            break
    shelf = rep.data.platforms.index[rep.data.platforms["model"] == "shelf"]
    newest = claims.newest_gmv(m, shelf)
    if not newest.empty:
        parts = [rep.t("brief.tk.shelf.item", name=rep.platform_name(r.platform), period=period_label(r.period, r.period_kind),
                       value=quantity(r.value, "RMB_bn", r.qualifier, rep.lang))
                 + ("" if r.grade == "reported" else rep.t(f"brief.tk.grade.{r.grade}")) for r in newest.itertuples()]
        items.append(rep.t("brief.tk.shelf.all", list=rep.t("list.separator").join(parts)))
    return items[:6]


def _ended_gmv_items(rep: Report, gmv: pd.Series) -> list[str]:
    """Kuaishou no longer discloses GMV: say so, and give the trend model's nowcast for the quarter."""
    items = [rep.t("brief.tk.ended", last=period_label(rep.data.last_disclosed("kuaishou", "gmv")),
                   value=quantity(gmv.iloc[-1], "RMB_bn", lang=rep.lang), period=str(gmv.index[-1]))]
    series = modelled_series(rep.data.metrics, "kuaishou").get("gmv")
    if series is None:
        return items
    result = series_forecast("gmv", series)
    frame = result.frame
    row = frame[frame["period"] == rep.quarter]
    nc = ended_nowcast(rep.data.metrics, "kuaishou", "gmv", rep.quarter, result, series)
    if nc is not None and nc.used == "nowcast":
        # A model estimate from the quarter's own published indicators, used because its backtest erred less.
        names = rep.t("trends.sep").join(rep.t(f"metric.{m}") for m in nc.indicators)
        items.append(rep.t("brief.tk.nowcast_model", quarter=str(rep.quarter), value=quantity(nc.value, "RMB_bn", lang=rep.lang),
                           lo=quantity(nc.lo80, "RMB_bn", lang=rep.lang), hi=quantity(nc.hi80, "RMB_bn", lang=rep.lang),
                           indicators=names, mape=f"{nc.mape:.1%}",
                           proj=f"{nc.projection_mape:.1%}" if nc.projection_n else "–"))
    elif not row.empty:
        r = row.iloc[0]
        items.append(rep.t("brief.tk.nowcast", quarter=str(rep.quarter), value=quantity(r["forecast"], "RMB_bn", lang=rep.lang),
                           lo=quantity(r["lo80"], "RMB_bn", lang=rep.lang), hi=quantity(r["hi80"], "RMB_bn", lang=rep.lang),
                           data_to=str(series.last_valid_index())))
    return items


def _revenue_items(rep: Report) -> list[str]:
    """Kuaishou's total revenue in the newest quarter that has it, with its change on a year earlier."""
    m = rep.data.metrics
    if not ((m["platform"] == "kuaishou") & (m["metric"] == "revenue_total")).any():
        return []
    revenue = claims.change(m, "kuaishou", "revenue_total")
    if revenue is None:
        return []
    return [graded(rep, rep.t("brief.tk.revenue", owner=rep.owner_name("kuaishou", "revenue_total"), period=str(revenue.period),
                               value=quantity(revenue.value, "RMB_bn", lang=rep.lang), change=format_change(revenue.change)),
                    revenue.grade)]


def takeaways(rep: Report) -> Html:
    items = _takeaway_items(rep)
    return rep.section(rep.t("brief.takeaways")) + rep.bullets(items)


def conclusion(rep: Report) -> Html:
    """The comparison's findings in short: the three on the surest evidence, without their caveats."""
    items = [text for text in (finding_sentence(rep, f) for f in findings(rep.data.metrics, rep.data.platforms, rep.quarter)) if text]
    if not items:
        return Html("")
    return rep.section(rep.t("brief.conclusion")) + rep.bullets(items[:3]) + rep.paragraph(rep.t("brief.conclusion.more"))


def forecast_check(rep: Report) -> Html:
    """Last quarter's forecast against this quarter's actual, per series modelled with what was known then.

    A series whose newest figures were missing last quarter is forecast from its last figure, so the
    check can be two quarters ahead; the table says which data each forecast used. Series that are
    no longer disclosed are named: they can no longer be scored.
    """
    block = rep.section(rep.t("brief.check"), rep.t("brief.check.intro", n=MIN_QUARTERS))
    previous = rep.quarter - 1
    rows, sources, missed = [], [], []
    mine = rep.data.metrics
    for platform in rep.data.platforms.index:
        for metric, before in modelled_series(mine, platform, as_of=previous).items():
            actual = quarterly_series(mine, platform, metric).get(rep.quarter, math.nan)
            if pd.isna(actual):
                continue
            frame = series_forecast(metric, before).frame
            row = frame[frame["period"] == rep.quarter]
            if row.empty:
                continue
            first = row.iloc[0]
            unit = CANONICAL_UNIT[METRICS[metric].kind]
            inside = first["lo80"] <= actual <= first["hi80"]
            if "lo95" in first and not first["lo95"] <= actual <= first["hi95"]:
                # Outside the 95% band: said in words, with the size of the miss.
                bound = first["lo95"] if actual < first["lo95"] else first["hi95"]
                missed.append(rep.t("brief.check.miss", name=rep.owner_name(platform, metric), metric=rep.t(f"metric.{metric}"),
                                    quarter=str(rep.quarter), actual=quantity(actual, unit, lang=rep.lang),
                                    lo=quantity(first["lo95"], unit, lang=rep.lang), hi=quantity(first["hi95"], unit, lang=rep.lang),
                                    data_to=str(before.last_valid_index()), forecast=quantity(first["forecast"], unit, lang=rep.lang),
                                    error=format_change(actual / first["forecast"] - 1), beyond=format_change(actual / bound - 1)))
            rows.append({
                rep.t("col.platform"): rep.owner_name(platform, metric), rep.t("col.metric"): rep.t(f"metric.{metric}"),
                rep.t("col.data_to"): str(before.last_valid_index()),
                rep.t("col.forecast"): quantity(first["forecast"], unit, lang=rep.lang),
                rep.t("col.interval80"): f"{quantity(first['lo80'], unit, lang=rep.lang)} – {quantity(first['hi80'], unit, lang=rep.lang)}",
                rep.t("col.actual"): quantity(actual, unit, lang=rep.lang),
                rep.t("col.error"): format_change(actual / first["forecast"] - 1),
                rep.t("col.inside"): rep.t(_inside_word(inside, actual, first["lo80"], first["hi80"], unit, rep.lang)),
            })
            sources += list(mine[(mine["platform"] == platform) & (mine["metric"] == metric)]["source_id"])
    if rows:
        block += rep.table(html_table(pd.DataFrame(rows)), rep.t("brief.check.caption", before=str(previous), quarter=str(rep.quarter)), sources)
    else:
        block += rep.paragraph(rep.t("brief.check.none", quarter=str(rep.quarter)))
    for text in missed:
        block += rep.callout(text)
    block += _record_summary(rep)
    ended = _ended_modelled(rep)
    if ended:
        block += rep.paragraph(rep.t("brief.check.ended", list="; ".join(text for text, _ in ended)))
        block += Html(str(rep.source_line([sid for _, sid in ended])))
    return block


def _record_summary(rep: Report) -> Html:
    """The track record in one sentence: how many published figures fell inside their forecast's 80% band."""
    inside = total = 0
    m = rep.data.metrics
    for platform in rep.data.platforms.index:
        mine = m[m["platform"] == platform]
        results = {metric: (quarterly_series(mine, platform, metric), series, series_forecast(metric, series))
                   for metric, series in modelled_series(m, platform).items()}
        record = platform_track_record(m, platform, results)
        n_in, n = hit_rate(record, 80)
        inside, total = inside + n_in, total + n
    return rep.paragraph(rep.t("brief.record", inside=inside, total=total)) if total else Html("")


def _ended_modelled(rep: Report) -> list[tuple[str, str]]:
    """Series that were modelled when last disclosed and have ended by this quarter: (text, source id)."""
    out = []
    for r in rep.data.ended(rep.quarter).itertuples():
        if not str(r.period.freqstr).startswith("Q"):
            continue  # an annual series was never modelled
        if r.metric in modelled_series(rep.data.metrics, r.platform, as_of=r.period):
            out.append((_ended_item(rep, r), r.source_id))
    return out


def _ended_item(rep: Report, record) -> str:
    """"Kuaishou E-commerce GMV (last: 2025Q4)" for a row of Dataset.ended()."""
    return rep.t("brief.ended.item", name=rep.platform_name(record.platform), metric=rep.t(f"metric.{record.metric}"),
                 last=period_label(record.period))


def _snapshot(quarter, reports_dir=None) -> pd.DataFrame | None:
    path = (reports_dir or REPORTS_DIR) / str(quarter) / SNAPSHOT
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
                   list=", ".join(sorted({f"{rep.owner_name(p, x)} {rep.t(f'metric.{x}')}" for p, x in zip(new["platform"], new["metric"])})) or "–")]
    old = _snapshot(rep.quarter - 1, rep.reports_dir)
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


# --- Whether the quarter is complete (issue 18): one self-contained block -----------------------------------

def completeness(rep: Report) -> Html:
    """A notice when the quarter's figures are not all in yet: which series the quarter before had that this
    one lacks so far. Nothing when the quarter is complete."""
    from kreport.stats.completeness import quarter_completeness  # here: this block stays self-contained

    state = quarter_completeness(rep.data.metrics, rep.quarter, rep.data.is_disclosed)
    if state.complete:
        return Html("")
    names = [rep.t("brief.incomplete.item", name=rep.owner_name(p, m), metric=rep.t(f"metric.{m}")) for p, m in state.missing]
    expected = len(state.missing) + len(set(state.has) & set(state.had))
    return rep.callout(rep.t("brief.incomplete", quarter=str(rep.quarter), previous=str(state.previous),
                             has=expected - len(state.missing), expected=expected, list=", ".join(names)), kind="note")


def _inside_word(inside: bool, actual: float, lo: float, hi: float, unit: str, lang: str) -> str:
    """"yes" or "no", and where a published figure outside the band prints the same as the band's nearer edge, which edge:
    "413 million" beside a band "413 million – 430 million" must not read as inside (issue 21)."""
    if inside:
        return "yes"
    edge, key = (lo, "no.just_below") if actual < lo else (hi, "no.just_above")
    return key if quantity(actual, unit, lang=lang) == quantity(edge, unit, lang=lang) else "no"
