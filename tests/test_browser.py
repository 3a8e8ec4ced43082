"""The built reports in a real browser: headless Chromium (the system one) through playwright.

Builds every report of the catalog whose notebook exists, on the shipped data, into a
temporary folder (the whole set by default, see the ``site`` fixture), then opens each page and
index offline. Screenshots go to
$KREPORT_TEST_OUTPUT/screenshots (or the test's tmp folder).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CJK_FONT_WORDS = ("CJK", "Noto Sans SC", "Noto Serif SC", "Source Han", "WenQuanYi", "Droid Sans Fallback",
                  "PingFang", "Microsoft YaHei", "SimSun", "SimHei")

# The built site (``site``) and Chromium (``browser``) are session fixtures of tests/conftest.py, shared with
# tests/test_screens.py.


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    root = os.environ.get("KREPORT_TEST_OUTPUT")
    folder = Path(root) / "screenshots" if root else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _all_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_renders_offline_and_complete(site, browser, screenshots):
    pages = _all_pages(site)
    assert site / "index.html" in pages and len(pages) >= 4
    problems: list[str] = []
    for path in pages:
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        page = context.new_page()
        errors: list[str] = []
        blocked: list[str] = []
        page.on("console", lambda msg, errors=errors: errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc, errors=errors: errors.append(str(exc)))

        def route(route, blocked=blocked):
            url = route.request.url
            if url.startswith(("file://", "data:")):
                route.continue_()
            else:
                blocked.append(url)
                route.abort()

        context.route("**/*", route)
        page.goto(path.as_uri(), wait_until="load")
        page.evaluate("document.fonts.ready")
        name = str(path.relative_to(site))
        if errors:
            problems.append(f"{name}: console errors {errors}")
        if blocked:
            problems.append(f"{name}: requests to the network {blocked}")

        # every chart has a size on screen (the wide drawing; its narrow copy is for phones)
        sizes = page.eval_on_selector_all(
            "figure.chart svg:not(.chart-narrow), figure.chart img, main img",
            "els => els.map(e => { const r = e.getBoundingClientRect(); return [e.tagName, r.width, r.height]; })")
        for tag, width, height in sizes:
            if not (width > 0 and height > 0):
                problems.append(f"{name}: a {tag} chart is drawn {width}×{height}")
        figures = page.locator("figure.chart").count()
        if figures and not sizes:
            problems.append(f"{name}: {figures} figure.chart without an svg or img")

        # every table-of-contents link lands on a section heading
        targets = page.eval_on_selector_all("nav.toc a", "as => as.map(a => a.getAttribute('href'))")
        if not path.name.startswith("index") and not targets:
            problems.append(f"{name}: no table of contents")
        for href in targets:
            tag = page.evaluate("id => { const e = document.getElementById(id); return e && e.tagName; }",
                                href.lstrip("#"))
            if not href.startswith("#") or tag != "H2":
                problems.append(f"{name}: TOC link {href} lands on {tag}")

        # Chinese is drawn with a CJK font
        if page.evaluate("document.documentElement.lang").startswith("zh"):
            fonts = _platform_fonts(page, "h1")
            if not any(word in font for font in fonts for word in CJK_FONT_WORDS):
                problems.append(f"{name}: the h1 is drawn with {fonts}, no CJK font")

        shot = screenshots / (name.replace(os.sep, "_").removesuffix(".html") + ".png")
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 1000
        context.close()
    assert not problems, "\n".join(problems)


def _platform_fonts(page, selector: str) -> list[str]:
    """The font families Chromium actually used to draw ``selector`` (DevTools CSS.getPlatformFontsForNode)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    assert node, f"no {selector} on the page"
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    cdp.detach()
    return [f["familyName"] for f in fonts]


def test_zh_title_uses_cjk_font_and_en_has_no_tofu(site, browser):
    zh = sorted(site.glob("*/*-zh.html"))
    assert zh, "no Chinese page was built"
    page = browser.new_page()
    page.goto(zh[0].as_uri())
    fonts = _platform_fonts(page, "h1")
    assert any(word in font for font in fonts for word in CJK_FONT_WORDS), fonts
    assert page.evaluate("document.querySelector('h1').textContent").strip()
    page.close()


# --- what the charts say: every plotted point against the data, and where it is drawn -----------

_GEOMETRY = """svg => {
  const years = [...svg.querySelectorAll('text')]
    .filter(t => /^\\d{4}$/.test(t.textContent.trim()))
    .map(t => { const r = t.getBoundingClientRect(); return [Number(t.textContent.trim()), r.left + r.width / 2]; });
  const points = [...svg.querySelectorAll('g.chart-point')].map(g => {
    const r = g.getBoundingClientRect(); return [g.dataset.period, g.dataset.metric, r.left + r.width / 2]; });
  return {years, points};
}"""


def _span(label: str, metric: str) -> tuple:
    """The first and last day a figure covers: its period, or the twelve months to the quarter's end for a
    twelve-months metric (FY = the twelve months to March, Alibaba's fiscal year)."""
    import pandas as pd

    if label.startswith("FY"):
        period = pd.Period(label[2:], freq="Y-MAR")
    elif "Q" in label:
        period = pd.Period(label, freq="Q-DEC")
        if metric.removesuffix("_yoy") in ("gmv_ttm", "annual_buyers"):
            return (period - 3).start_time, period.end_time
    else:
        period = pd.Period(label, freq="Y-DEC")
    return period.start_time, period.end_time


@pytest.mark.parametrize(("page_name", "figures"), [
    ("comparison-en.html", ("Yearly e-commerce GMV by platform", "Year-on-year growth of yearly GMV")),
    ("platform-kuaishou-en.html", ("Quarterly GMV with the strategy events marked",)),
])
def test_each_point_sits_over_its_own_period(site, browser, page_name, figures):
    """Geometry in Chromium: a point lies inside its period's span on the axis, away from its edges."""
    import pandas as pd

    path = next(site.glob(f"*/{page_name}"))
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(path.as_uri())
    problems = []
    for number in figures:  # a figure is found by the start of its caption
        found = page.locator(f'figure.chart:has(figcaption:has-text("{number}")) svg').first.evaluate(_GEOMETRY)
        years = sorted(found["years"])
        assert len(years) >= 2 and found["points"], f"figure {number}: no year labels or no points"
        # The year labels stand at the middle of their years: they fix the scale from dates to pixels.
        (y0, x0), (y1, x1) = years[0], years[-1]
        mid0, mid1 = pd.Timestamp(year=y0, month=7, day=2), pd.Timestamp(year=y1, month=7, day=2)
        per_day = (x1 - x0) / (mid1 - mid0).days

        def pixel(day, mid0=mid0, x0=x0, per_day=per_day):
            return x0 + (day - mid0).days * per_day

        for label, metric, x in found["points"]:
            start, end = _span(label, metric)
            left, right = pixel(start), pixel(end)
            margin = 0.1 * (right - left)
            if not left + margin <= x <= right - margin:
                problems.append(f"figure {number}: {label} drawn at x={x:.0f}, its span is {left:.0f}–{right:.0f}")
    page.close()
    assert not problems, "\n".join(problems)


def test_every_plotted_point_matches_the_data(site):
    """Read the data table under every chart and check each value against kreport.load() (derived ones recomputed)."""
    import math
    import re

    import pandas as pd

    import kreport
    from kreport.dataset.load import annual_series, quarterly_series
    from kreport.dataset.periods import parse_quarter, period_label
    from kreport.dataset.schema import METRICS
    from kreport.stats import derived

    row_re = re.compile(r'<tr (data-[^>]*)>')
    checked, problems = 0, []
    for path in sorted(site.glob("*/*.html")):
        text = path.read_text(encoding="utf-8")
        if 'class="chart-data"' not in text:
            continue
        m = kreport.load(as_of=parse_quarter(path.parent.name)).metrics
        m = m.assign(label=[period_label(p, k) for p, k in zip(m["period"], m["period_kind"])])

        def figure(platform, metric, label, basis=None, m=m):
            rows = m[(m["platform"] == platform) & (m["metric"] == metric) & (m["label"] == label)]
            if basis:  # a chart's data-basis is the figure's grade (reported, single_source, estimate)
                rows = rows[rows["grade"] == basis]
            return rows["value"].iloc[0] if len(rows) else math.nan

        def q(platform, metric, m=m):
            return quarterly_series(m, platform, metric)

        rows = [dict(re.findall(r'data-([a-z]+)="([^"]*)"', attributes)) for attributes in row_re.findall(text)]
        shown = {(r["platform"], r["metric"], r["period"]) for r in rows if r["basis"] != "model"}
        for data in rows:
            platform, metric, label, basis = data["platform"], data["metric"], data["period"], data["basis"]
            value = float(data["value"])
            where = f"{path.name}: {platform} {metric} {label}"
            if basis == "model":
                # A forecast starts after a figure, and a figure published for a forecast period is
                # drawn beside it (against the forecast), never replaced by it.
                series = q(platform, metric)
                period = parse_quarter(label)
                if not pd.isna(series.get(period, math.nan)) and (platform, metric, label) not in shown:
                    problems.append(f"{where}: a model estimate where a figure exists and is not drawn")
                if period <= series.dropna().index[0]:
                    problems.append(f"{where}: a model estimate before the series starts")
                continue
            if metric in METRICS:
                expected = figure(platform, metric, label, basis)
            elif metric.endswith("_yoy"):
                base = metric.removesuffix("_yoy")
                earlier = (str(parse_quarter(label) - 4) if "Q" in label else
                           (f"FY{int(label[2:]) - 1}" if label.startswith("FY") else str(int(label) - 1)))
                expected = figure(platform, base, label) / figure(platform, base, earlier) - 1
            elif metric.startswith("gmv_index_"):
                expected = 100 * figure(platform, "gmv", label) / figure(platform, "gmv", metric.rsplit("_", 1)[1])
            elif metric in ("gmv_per_dau", "gmv_per_buyer", "gmv_ttm_per_annual_buyer", "gmv_per_annual_buyer", "buyer_penetration"):
                quarterly = "Q" in label
                select = q if quarterly else (lambda platform, metric, m=m: annual_series(m, platform, metric))
                if metric == "buyer_penetration":
                    series = derived.buyer_penetration(select(platform, "monthly_buyers"), select(platform, "mau"))
                else:
                    gmv_metric, users = {"gmv_per_dau": ("gmv", "dau"), "gmv_per_buyer": ("gmv", "monthly_buyers"),
                                         "gmv_ttm_per_annual_buyer": ("gmv_ttm", "annual_buyers"),
                                         "gmv_per_annual_buyer": ("gmv", "annual_buyers")}[metric]
                    user_series = select(platform, users)
                    series = (derived.gmv_per_user(select(platform, gmv_metric), user_series, annualise=quarterly and gmv_metric == "gmv")
                              if user_series.notna().any() else pd.Series(dtype=float))
                    if not quarterly and series.dropna().empty:
                        # a year's GMV against the annual buyers counted to the quarter the year ends in
                        gmv_year = select(platform, gmv_metric)
                        year = next(p for p in gmv_year.index if period_label(p) == label)
                        buyers = q(platform, users).get(pd.Period(year.end_time, freq="Q-DEC"), math.nan)
                        series = pd.Series([gmv_year[year] * 1000 / buyers], index=[year])
                period = parse_quarter(label) if quarterly else next(p for p in series.index if period_label(p) == label)
                expected = series.get(period, math.nan)
            elif metric == "gmv_share_online_retail":  # a calendar year's GMV against the year's national figure
                gmv = figure(platform, "gmv", label)
                if math.isnan(gmv):
                    gmv = figure(platform, "gmv_ttm", f"{label}Q4")
                if math.isnan(gmv):
                    gmv = sum(figure(platform, "gmv", f"{label}Q{i}") for i in range(1, 5))
                expected = gmv / figure("china", "online_retail_physical", label)
            elif metric == "take_rate":
                expected = derived.take_rate(q(platform, "revenue_commerce"), q(platform, "gmv")).get(parse_quarter(label), math.nan)
            elif metric == "gmv_seasonal_index":
                expected = derived.seasonal_indices(q(platform, "gmv"))[int(label[1])] / 100
            elif metric.startswith("gmv_growth_") or metric == "gmv_log_change":
                parts = derived.decompose_gmv_growth(q(platform, "gmv"), q(platform, "mau"), q(platform, "monthly_buyers"))
                column = {"gmv_growth_users": "users", "gmv_growth_conversion": "conversion",
                          "gmv_growth_spend_per_buyer": "spend_per_buyer", "gmv_log_change": "total"}[metric]
                expected = parts.loc[parse_quarter(label), column]
            else:
                problems.append(f"{where}: a metric this test does not know")
                continue
            checked += 1
            if not math.isclose(value, expected, rel_tol=1e-9, abs_tol=1e-12):
                problems.append(f"{where}: the page says {value}, the data gives {expected}")
    assert checked > 200, f"only {checked} plotted points found"
    assert not problems, "\n".join(problems[:40])


@pytest.mark.parametrize("width", [390, 1280])
def test_no_page_scrolls_sideways_and_every_report_page_has_a_way_around(site, browser, screenshots, width):
    """At phone and desktop width: nothing wider than the screen (wide tables scroll in their own box), a top bar
    linking the quarter's index, the same report in the other language and all quarters; readable Chinese names."""
    problems = []
    page = browser.new_page(viewport={"width": width, "height": 900})
    for path in sorted(site.rglob("*.html")):
        page.goto(path.as_uri())
        name = str(path.relative_to(site))
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 1:
            problems.append(f"{name} at {width}px: {overflow}px wider than the screen")
        if path.parent != site and not path.name.startswith("index"):
            hrefs = page.eval_on_selector_all("nav.topbar a", "as => as.map(a => a.getAttribute('href'))")
            lang = path.stem.rsplit("-", 1)[1]
            twin = path.name.replace(f"-{lang}.html", f"-{'en' if lang == 'zh' else 'zh'}.html")
            for wanted in (f"index-{lang}.html", "../index.html", twin):
                if wanted not in hrefs:
                    problems.append(f"{name}: the top bar has no link to {wanted}")
            # the first column of a table (platform names) never breaks one character per line
            narrow = page.eval_on_selector_all(
                ".data-table td:first-child", "tds => tds.filter(td => td.textContent.trim().length > 1 && "
                "td.getBoundingClientRect().width < 2.2 * parseFloat(getComputedStyle(td).fontSize)).length")
            if narrow:
                problems.append(f"{name} at {width}px: {narrow} first-column cells squeezed to one character")
        if width == 390 or path.name.startswith(("comparison", "brief")):
            page.screenshot(path=str(screenshots / f"{width}px_{name.replace(os.sep, '_').removesuffix('.html')}.png"),
                            full_page=True)
    page.close()
    assert not problems, "\n".join(problems[:40])
