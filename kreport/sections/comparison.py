"""Trust vs interest vs shelf e-commerce: scale, growth, indexed paths, GMV per user, repurchase, convergence."""

from __future__ import annotations

import pandas as pd

from kreport.dataset.load import quarterly_series
from kreport.dataset.periods import period_label, year_label
from kreport.dataset.schema import METRICS
from kreport.dataset.selections import reported_first, without_bounds
from kreport.render import charts, templating
from kreport.render.findings import caveat_sentence, finding_sentence
from kreport.render.numbers import format_value, listing, quantity
from kreport.render.report import Html, Report
from kreport.render.tables import html_table
from kreport.stats import basis
from kreport.stats.claims import gmv_user_pairs, pair_values, yearly_growth
from kreport.stats.claims import indexed as indexed_to
from kreport.stats.derived import MEANINGFUL_BASE, buyer_penetration, take_rate
from kreport.stats.findings import SCOPE_BREAKS, findings, revenue_growth
from kreport.stats.market import online_retail_shares, span_order

__all__ = ["conclusion", "introduction", "gmv_scale", "market_share", "growth_paths", "indexed", "per_user", "loyalty",
           "buyers_and_shelves", "monetisation", "contrast", "convergence", "headlines"]

INDEX_BASE = 2022
# How a table cell marks a figure that is not a plain reported one (the caption says what each means).
_MARK = {"estimate": "*", "single_source": "†"}


def annual_gmv(rep: Report) -> pd.DataFrame:
    """Yearly GMV of every platform: calendar and fiscal years, and twelve-month GMV ending in Q4 (a calendar year)."""
    m = rep.data.metrics
    annual = m[(m["metric"] == "gmv") & (m["period_kind"] != "quarter")]
    ttm_q4 = m[(m["metric"] == "gmv_ttm") & (m["period_kind"] == "quarter")]
    ttm_q4 = ttm_q4[[p.quarter == 4 for p in ttm_q4["period"]]].copy()
    ttm_q4["period_kind"] = "year"
    frame = pd.concat([annual, ttm_q4], ignore_index=True)
    # Twelve months to December are drawn over their calendar year; every other figure over its own period.
    frame["span"] = [pd.Period(str(p.year), freq="Y-DEC") if p.freqstr.startswith("Q") else p for p in frame["period"]]
    frame["year_label"] = [year_label(p, k) for p, k in zip(frame["period"], frame["period_kind"])]
    frame["year"] = [p.year for p in frame["period"]]
    return frame.sort_values(["platform", "period_end"]).reset_index(drop=True)


def _labels(rep: Report) -> tuple[dict, dict]:
    platforms = rep.data.platforms
    colours = {p: charts.platform_colour(p, platforms.loc[p, "model"]) for p in platforms.index}
    labels = {p: f"{rep.platform_name(p)} ({rep.model_name(platforms.loc[p, 'model'])})" for p in platforms.index}
    return colours, labels


def conclusion(rep: Report) -> Html:
    """Three to five findings for the quarter, computed by kreport.stats.findings, each with its strongest caveat."""
    found = findings(rep.data.metrics, rep.data.platforms, rep.quarter)
    items = [(finding_sentence(rep, f), caveat_sentence(rep, f)) for f in found]
    return Html(templating.block("conclusion", rep.t("cmp.conclusion"), rep.t("cmp.conclusion.intro", quarter=str(rep.quarter)),
                                 [i for i in items if i[0]], rep.t("cmp.conclusion.caveat"),
                                 rep.t("cmp.conclusion.none", quarter=str(rep.quarter))))


def introduction(rep: Report) -> Html:
    block = rep.section(rep.t("cmp.intro"), rep.t("cmp.intro.text"))
    block += rep.callout(rep.t("cmp.caveat.douyin"))
    return block + rep.callout(rep.t("cmp.caveat.scope"), kind="note")


def gmv_scale(rep: Report) -> Html:
    frame = annual_gmv(rep)
    colours, labels = _labels(rep)
    block = rep.section(rep.t("cmp.scale"), rep.t("cmp.scale.intro"))
    svg = charts.line_chart(frame, series="platform", fmt=rep.format, ylabel=rep.t("axis.RMB_bn_log"), colours=colours,
                            labels=labels, log=True, lang=rep.lang)
    block += rep.figure(svg, rep.t("cmp.scale.caption"), frame["source_id"])
    years = sorted(frame["year"].unique())
    table = {rep.t("col.platform"): [labels[p] for p in frame["platform"].unique()]}
    for year in years:
        cells = []
        for platform in frame["platform"].unique():
            row = frame[(frame["platform"] == platform) & (frame["year"] == year)]
            if row.empty:
                cells.append("–")
                continue
            r = row.iloc[0]
            text = quantity(r["value"], "RMB_bn", r["qualifier"], rep.lang)
            text = f"{text}{' (FY)' if r['period_kind'] == 'fiscal_year' else ''}"
            mark = _MARK.get(str(r["grade"]), "")
            cells.append(templating.block("marked", text, "estimate", mark) if mark else text)
        table[str(year)] = cells
    table = pd.DataFrame(table)
    block += rep.table(html_table(table, numeric=tuple(str(y) for y in years)),
                       rep.t("cmp.scale.table.marks"), frame["source_id"])
    return block


def market_share(rep: Report) -> Html:
    """Each platform's GMV as a share of China's online retail sales of physical goods, over the same months."""
    shares = online_retail_shares(rep.data.metrics, rep.data.platforms.index)
    block = rep.section(rep.t("cmp.market"), rep.t("cmp.market.intro"))
    if shares.empty:
        return block + rep.paragraph(rep.t("cmp.market.none"))
    colours, labels = _labels(rep)
    m = rep.data.metrics
    years = shares[shares["whole_year"]]
    if len(years):
        svg = charts.line_chart(years, series="platform", unit="fraction", fmt=rep.format, ylabel=rep.t("axis.share_online_retail"),
                                colours=colours, labels=labels, percent=True, lang=rep.lang)
        block += rep.figure(svg, rep.t("cmp.market.caption", names=listing([labels[p] for p in years["platform"].unique()], rep.lang),
                                       start=str(years["period"].min()), end=str(years["period"].max())),
                            [i for ids in years["sources"] for i in ids])
    block += rep.table(*_share_table(rep, shares, labels))
    market = m[m["metric"] == "online_retail_physical"]
    block += rep.paragraph(rep.t("cmp.market.coverage", n=len(market), periods=listing((
        rep.span_label(p) for p in sorted(market["period"], key=lambda p: (p.end_time, p.freqstr))), rep.lang)))
    return block + rep.callout(rep.t("cmp.market.caveat"))


def _share_table(rep: Report, shares: pd.DataFrame, labels: dict) -> tuple[str, str, list]:
    """Periods (newest first) by platform: each cell the share, marked by its grade, with the GMV it rests on."""
    spans = sorted(set(shares["period"]), key=span_order, reverse=True)
    platforms = list(dict.fromkeys(shares.sort_values("platform")["platform"]))
    table = {rep.t("cmp.col.months"): [rep.span_label(p) for p in spans]}
    for platform in platforms:
        mine = shares[shares["platform"] == platform].set_index("period")
        cells = []
        for period in spans:
            if period not in mine.index:
                cells.append("–")
                continue
            r = mine.loc[period]
            text = format_value(r["value"], "fraction", r["qualifier"])
            mark = _MARK.get(str(r["grade"]), "")
            cells.append(templating.block("marked", text, "estimate", mark) if mark else text)
        table[labels[platform]] = cells
    market = shares.drop_duplicates("period").set_index("period")["market_value"]
    table[rep.t("cmp.col.online_retail")] = [quantity(market[p], "RMB_bn", "", rep.lang) for p in spans]
    frame = pd.DataFrame(table)
    footings = {labels[p]: listing(sorted({rep.t(f"cmp.market.footing.{f}") for f in shares.loc[shares["platform"] == p, "footing"]}),
                                   rep.lang, "or") for p in platforms}
    used = [i for ids in shares["sources"] for i in ids]
    caption = rep.t("cmp.market.table", footings=rep.t("sep.clause").join(rep.t("cmp.market.footing", name=n, what=w)
                                                                            for n, w in footings.items()))
    return html_table(frame, numeric=tuple(frame.columns[1:])), caption, used


def growth_paths(rep: Report) -> Html:
    """Year-on-year growth of annual GMV, where both years are exact figures of the same kind and the base is meaningful."""
    growth = yearly_growth(without_bounds(annual_gmv(rep)))
    block = rep.section(rep.t("cmp.growth"), rep.t("cmp.growth.intro.rule", ratio=f"{1 / MEANINGFUL_BASE:.0f}"))
    if growth.empty:
        return block + rep.paragraph(rep.t("cmp.none"))
    colours, labels = _labels(rep)
    svg = charts.line_chart(growth, series="platform", unit="growth", fmt=rep.format, ylabel=rep.t("axis.yoy"), colours=colours,
                            labels=labels, percent=True, lang=rep.lang)
    return block + rep.figure(svg, rep.t("cmp.growth.caption"), growth["source_id"])


def indexed(rep: Report) -> Html:
    """Annual GMV indexed to a common calendar year, for the platforms with an exact figure that year."""
    frame = annual_gmv(rep)
    frame = without_bounds(frame[frame["period_kind"] == "year"])
    block = rep.section(rep.t("cmp.indexed"), rep.t("cmp.indexed.intro", base=INDEX_BASE))
    frame = indexed_to(frame[frame["year"] >= INDEX_BASE - 2], INDEX_BASE)
    if frame["platform"].nunique() < 2:
        return block + rep.paragraph(rep.t("cmp.none"))
    frame["metric"] = f"gmv_index_{INDEX_BASE}"
    colours, labels = _labels(rep)
    svg = charts.line_chart(frame, series="platform", unit="index", fmt=rep.format, ylabel=rep.t("axis.index", base=INDEX_BASE),
                            colours=colours, labels=labels, lang=rep.lang)
    missing = [rep.platform_name(p) for p in rep.data.platforms.index if p not in set(frame["platform"])]
    return block + rep.figure(svg, rep.t("cmp.indexed.caption", base=INDEX_BASE, missing=", ".join(missing)), frame["source_id"])


# Footings of GMV per user, the most comparable first: a year's GMV per annual active buyer, then per DAU.
_FOOTINGS = (("gmv_ttm", "annual_buyers"), ("gmv", "annual_buyers"), ("gmv", "dau"), ("gmv", "monthly_buyers"))


def per_user(rep: Report) -> Html:
    """GMV per user: for each platform its newest period with GMV and a user measure, on the most comparable footing."""
    m = rep.data.metrics
    rows = []
    for platform in rep.data.platforms.index:
        pairs = {(p.gmv_metric, p.user_metric, p.kind): p for p in gmv_user_pairs(m, platform)}
        for gmv_metric, user_metric in _FOOTINGS:
            options = [pairs[k] for k in ((gmv_metric, user_metric, kind) for kind in ("quarter", "year", "year_end")) if k in pairs]
            if not options:
                continue
            pair = max(options, key=lambda p: p.periods[-1].end_time)
            ratio, grades = pair_values(m, platform, pair)
            period = pair.periods[-1]
            footing = f"cmp.per.{gmv_metric}.{user_metric}" + (".year" if pair.kind != "quarter" else "")
            rows.append((platform, period, ratio[period], rep.t(footing), grades[period], (gmv_metric, user_metric)))
            break
    block = rep.section(rep.t("cmp.per_user"), rep.t("cmp.per_user.intro"))
    if not rows:
        return block + rep.paragraph(rep.t("cmp.none"))
    colours, labels = _labels(rep)
    frame = pd.DataFrame({
        rep.t("col.platform"): [labels[r[0]] for r in rows],
        rep.t("col.period"): [period_label(r[1]) for r in rows],
        rep.t("cmp.col.per_user"): [rep.format(r[2], "RMB") for r in rows],
        rep.t("cmp.col.measure"): [r[3] for r in rows],
        rep.t("col.basis"): [rep.t(f"basis.{r[4]}") for r in rows],
    })
    used = pd.concat([m[(m["platform"] == r[0]) & m["metric"].isin(r[5]) & (m["period"] == r[1])] for r in rows])
    block += rep.table(html_table(frame, numeric=(rep.t("cmp.col.per_user"),)), rep.t("cmp.per_user.caption"), used["source_id"])
    return block + rep.callout(rep.t("cmp.per_user.caveat"))


def loyalty(rep: Report) -> Html:
    """Buyer penetration and repurchase: disclosed by Kuaishou only."""
    m = rep.data.metrics
    block = rep.section(rep.t("cmp.loyalty"), rep.t("cmp.loyalty.intro"))
    colours, labels = _labels(rep)
    for platform in rep.data.platforms.index:
        mine = m[m["platform"] == platform]
        if not {"monthly_buyers", "mau"} <= set(mine["metric"]):
            continue
        pen = buyer_penetration(quarterly_series(mine, platform, "monthly_buyers"), quarterly_series(mine, platform, "mau")).dropna()
        if len(pen) < 2:
            continue
        grades = basis.weakest(quarterly_series(mine, platform, "monthly_buyers", column="grade"),
                               quarterly_series(mine, platform, "mau", column="grade"))
        frame = pd.DataFrame({"period": list(pen.index), "value": pen.to_numpy(), "platform": platform,
                              "metric": "buyer_penetration", "grade": grades.reindex(pen.index).to_numpy()})
        svg = charts.line_chart(frame, series="platform", unit="fraction", fmt=rep.format, ylabel=rep.t("axis.fraction"),
                                colours=colours, labels=labels, percent=True, lang=rep.lang)
        block += rep.figure(svg, rep.t("cmp.penetration.caption", name=rep.platform_name(platform)),
                            mine[mine["metric"].isin(["monthly_buyers", "mau"])]["source_id"])
    rates = m[m["metric"] == "repurchase_rate"]
    if not rates.empty:
        frame = pd.DataFrame({
            rep.t("col.platform"): [labels[p] for p in rates["platform"]],
            rep.t("col.period"): [period_label(p, k) for p, k in zip(rates["period"], rates["period_kind"])],
            rep.t("col.value"): [format_value(v, "fraction", q) for v, q in zip(rates["value"], rates["qualifier"])],
            rep.t("col.note"): [rep.reader_note(r) for _, r in rates.iterrows()],
        })
        block += rep.table(html_table(frame, numeric=(rep.t("col.value"),)), rep.t("cmp.repurchase.caption"), rates["source_id"])
    return block + rep.callout(rep.t("cmp.loyalty.caveat"))


def _metric_rows(rep: Report, metric: str, kinds=("quarter", "year")) -> pd.DataFrame:
    """Every platform's figures of one metric as chart rows (bounds kept: they are drawn as triangles), a company's
    own figure before an estimate of the same period."""
    m = rep.data.metrics
    rows = m[(m["metric"] == metric) & m["period_kind"].isin(kinds) & m["platform"].isin(rep.data.platforms.index)]
    return reported_first(rows, ["platform", "period"]).sort_values(["platform", "period_end"]).reset_index(drop=True)


def buyers_and_shelves(rep: Report) -> Html:
    """The shelf platforms' annual active buyers beside Kuaishou's, the newest buyer count of each platform on its own
    measure, and the content platforms' shelf share of GMV: where the models meet."""
    block = rep.section(rep.t("cmp.buyers"), rep.t("cmp.buyers.intro"))
    colours, labels = _labels(rep)
    annual = _metric_rows(rep, "annual_buyers", kinds=("quarter",))
    if len(annual):
        svg = charts.line_chart(annual, series="platform", unit="million", fmt=rep.format, ylabel=rep.t("axis.buyers_million"),
                                colours=colours, labels=labels, lang=rep.lang)
        block += rep.figure(svg, rep.t("cmp.buyers.caption", names=listing([labels[p] for p in annual["platform"].unique()], rep.lang),
                                       start=str(annual["period"].min()), end=str(annual["period"].max())), annual["source_id"])
    newest = []
    for metric in ("monthly_buyers", "annual_buyers"):
        rows = _metric_rows(rep, metric, kinds=("quarter",))
        newest += [r for _, r in rows.groupby("platform").tail(1).iterrows()]
    if newest:
        frame = pd.DataFrame({
            rep.t("col.platform"): [labels[r["platform"]] for r in newest],
            rep.t("col.measure"): [rep.metric_name(r["platform"], r["metric"]) for r in newest],
            rep.t("col.period"): [period_label(r["period"]) for r in newest],
            rep.t("col.value"): [quantity(r["value"], "million", r["qualifier"], rep.lang) for r in newest],
            rep.t("col.basis"): [rep.t(f"basis.{r['grade']}") for r in newest],
        })
        block += rep.table(html_table(frame, numeric=(rep.t("col.value"),)), rep.t("cmp.buyers.table"),
                           [r["source_id"] for r in newest])
    block += rep.callout(rep.t("cmp.buyers.caveat"))
    shelf = _metric_rows(rep, "shelf_gmv_share")
    block += rep.heading(rep.t("cmp.shelf"))
    if shelf["platform"].nunique() < 1:
        return block + rep.paragraph(rep.t("cmp.none"))
    svg = charts.line_chart(shelf, series="platform", unit="fraction", fmt=rep.format, ylabel=rep.t("axis.fraction"),
                            colours=colours, labels=labels, percent=True, lang=rep.lang)
    block += rep.figure(svg, rep.t("cmp.shelf.caption", names=listing([labels[p] for p in shelf["platform"].unique()], rep.lang)),
                        shelf["source_id"])
    return block + rep.callout(rep.t("find.caveat.shelf_definitions"))


def _revenue_frame(rep: Report) -> pd.DataFrame:
    """Every exact quarterly total-revenue figure, as chart rows."""
    m = rep.data.metrics
    rows = without_bounds(m[(m["metric"] == "revenue_total") & (m["period_kind"] == "quarter")])
    return rows.sort_values(["platform", "period_end"]).reset_index(drop=True)


def monetisation(rep: Report) -> Html:
    """Revenue by business model over time, the revenue mix, and the take rate where GMV still exists.

    Revenue is what each listed company reports for itself, so it goes on when GMV stops.
    """
    block = rep.section(rep.t("cmp.money"), rep.t("cmp.money.intro"))
    revenue = _revenue_frame(rep)
    if revenue.empty:
        return block + rep.paragraph(rep.t("cmp.none"))
    colours, _ = _labels(rep)
    platforms = rep.data.platforms
    owners = {p: f"{rep.owner_name(p, 'revenue_total')} ({rep.model_name(platforms.loc[p, 'model'])})" for p in platforms.index}
    svg = charts.line_chart(revenue, series="platform", fmt=rep.format, ylabel=rep.t("axis.RMB_bn"), colours=colours, labels=owners,
                            lang=rep.lang)
    block += rep.figure(svg, rep.t("cmp.money.caption", start=str(revenue["period"].min()), end=str(revenue["period"].max())),
                        revenue["source_id"])
    block += rep.paragraph(rep.t("cmp.money.growth.intro"))
    for metric in ("revenue_total", "revenue_marketing", "revenue_commerce"):
        block += _revenue_growth_chart(rep, metric, colours, owners)
    block += _revenue_mix(rep, owners)
    return block + _take_rates(rep, colours)


def _revenue_growth_chart(rep: Report, metric: str, colours: dict, owners: dict) -> Html:
    """Year-on-year growth of one company revenue line, quarter by quarter, with a mark where a line's scope changes."""
    listed = [p for p in rep.data.platforms.index if METRICS[metric].company_level]
    growth = revenue_growth(rep.data.metrics, listed, metric)
    if growth.empty:
        return Html("")
    breaks = [(pd.Period(start, freq="Q-DEC"), rep.t(f"cmp.break.{code}", name=rep.platform_name(platform)))
              for (platform, line), (start, code) in SCOPE_BREAKS.items()
              if line == metric and platform in set(growth["platform"])]
    labels = {p: rep.metric_name(p, metric) if metric != "revenue_total" else owners[p] for p in growth["platform"].unique()}
    svg = charts.line_chart(growth, series="platform", unit="growth", fmt=rep.format, ylabel=rep.t("axis.yoy"), colours=colours,
                            labels=labels, percent=True, lang=rep.lang, breaks=breaks)
    m = rep.data.metrics
    used = m[(m["metric"] == metric) & m["platform"].isin(growth["platform"])]["source_id"]
    return rep.figure(svg, rep.t("cmp.money.growth.caption", metric=rep.t(f"metric.{metric}"),
                                 start=str(growth["period"].min()), end=str(growth["period"].max())), used)


def _revenue_mix(rep: Report, owners: dict) -> Html:
    """Each company's newest quarter that splits its total revenue: the marketing and commerce lines as shares of it."""
    m = without_bounds(rep.data.metrics[rep.data.metrics["period_kind"] == "quarter"])
    rows, used = [], []
    for platform in rep.data.platforms.index:
        mine = m[(m["platform"] == platform) & m["metric"].isin(["revenue_total", "revenue_marketing", "revenue_commerce"])]
        totals = mine[mine["metric"] == "revenue_total"].sort_values("period_end")
        if totals.empty:
            continue
        # The newest quarter that splits its total, else the newest total.
        split = totals[totals["period"].isin(mine.loc[mine["metric"] != "revenue_total", "period"])]
        total = (split if not split.empty else totals).iloc[-1]
        same = mine[mine["period"] == total["period"]].set_index("metric")
        share = {k: (format_value(same.loc[k, "value"] / total["value"], "fraction") if k in same.index else "–")
                 for k in ("revenue_marketing", "revenue_commerce")}
        rows.append({rep.t("col.company"): owners[platform], rep.t("col.period"): str(total["period"]),
                     rep.t("metric.revenue_total"): quantity(total["value"], "RMB_bn", total["qualifier"], rep.lang),
                     rep.t("cmp.col.marketing_share"): share["revenue_marketing"],
                     rep.t("cmp.col.commerce_share"): share["revenue_commerce"]})
        used += list(same["source_id"])
    frame = pd.DataFrame(rows)
    return rep.table(html_table(frame, numeric=tuple(frame.columns[2:])), rep.t("cmp.money.mix"), used)


def _take_rates(rep: Report, colours: dict) -> Html:
    """Commerce revenue / GMV by quarter, where a platform published both for the same quarter."""
    m = rep.data.metrics
    frames, used = [], []
    for platform in rep.data.platforms.index:
        have = set(m.loc[(m["platform"] == platform) & (m["period_kind"] == "quarter"), "metric"])
        if not {"gmv", "revenue_commerce"} <= have:
            continue
        rate = take_rate(quarterly_series(m, platform, "revenue_commerce"), quarterly_series(m, platform, "gmv")).dropna()
        if rate.empty:
            continue
        grades = basis.weakest(quarterly_series(m, platform, "revenue_commerce", column="grade"),
                               quarterly_series(m, platform, "gmv", column="grade"))
        frames.append(pd.DataFrame({"period": list(rate.index), "value": rate.to_numpy(), "platform": platform,
                                    "metric": "take_rate", "grade": grades.reindex(rate.index).to_numpy()}))
        mine = m[(m["platform"] == platform) & m["metric"].isin(["gmv", "revenue_commerce"]) & m["period"].isin(rate.index)]
        used += list(mine["source_id"])
    block = rep.heading(rep.t("cmp.take"))
    if not frames:
        return block + rep.paragraph(rep.t("cmp.take.none"))
    frame = pd.concat(frames, ignore_index=True)
    labels = {p: rep.platform_name(p) for p in frame["platform"].unique()}
    svg = charts.line_chart(frame, series="platform", unit="fraction", fmt=rep.format, ylabel=rep.t("axis.take_rate"),
                            colours=colours, labels=labels, percent=True, lang=rep.lang)
    block += rep.figure(svg, rep.t("cmp.take.caption", names=", ".join(labels.values()), start=str(frame["period"].min()),
                                   end=str(frame["period"].max())), used)
    return block + rep.callout(rep.t("cmp.take.caveat"))


_CONTRAST_ROWS = ("traffic", "relationship", "repurchase", "shelf")


def contrast(rep: Report) -> Html:
    """The three models point by point, as the seed articles describe them."""
    frame = pd.DataFrame({
        rep.t("cmp.col.aspect"): [rep.t(f"cmp.row.{r}") for r in _CONTRAST_ROWS],
        rep.model_name("trust"): [rep.t(f"cmp.trust.{r}") for r in _CONTRAST_ROWS],
        rep.model_name("interest"): [rep.t(f"cmp.interest.{r}") for r in _CONTRAST_ROWS],
        rep.model_name("shelf"): [rep.t(f"cmp.shelf.{r}") for r in _CONTRAST_ROWS],
    })
    return rep.section(rep.t("cmp.contrast")) + rep.table(
        html_table(frame), rep.t("cmp.contrast.caption"), ["seed003", "seed004", "seed000", "seed002"])


def convergence(rep: Report) -> Html:
    """Strategy events from 2023 on: shelf features on content platforms, content on shelf platforms."""
    evs = rep.data.events[rep.data.events["date"] >= "2022-05-01"].copy()
    block = rep.section(rep.t("cmp.convergence"), rep.t("cmp.convergence.intro"))
    if evs.empty:
        return block + rep.paragraph(rep.t("cmp.none"))
    colours, labels = _labels(rep)
    evs["platform_label"] = [rep.platform_name(p) for p in evs["platform"]]
    svg = charts.event_timeline(evs, colours=colours)
    block += rep.figure(svg, rep.t("cmp.convergence.caption"), evs["source_id"])
    name_col = "name_zh" if rep.lang == "zh" else "name_en"
    frame = pd.DataFrame({
        "#": [str(i) for i in range(1, len(evs) + 1)],
        rep.t("col.date"): [d.date().isoformat() for d in evs["date"]],
        rep.t("col.platform"): evs["platform_label"].tolist(),
        rep.t("col.event"): evs[name_col].tolist(),
    })
    return block + rep.table(html_table(frame), rep.t("cmp.convergence.table"), evs["source_id"])


def headlines(rep: Report):
    """The index leads with the quarter's comparison: its first findings, not the oldest GMV figures."""
    found = [text for text in (finding_sentence(rep, f) for f in findings(rep.data.metrics, rep.data.platforms, rep.quarter)) if text]
    return rep.record(**{f"{i + 1}": text for i, text in enumerate(found[:2])})
