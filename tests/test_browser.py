"""The built reports in a real browser: headless Chromium (the system one) through playwright.

Builds every report of the catalog whose notebook exists, on the shipped data, into a
temporary folder (the whole set by default, see the ``site`` fixture), then opens each page and
index offline. Screenshots go to
$KREPORT_TEST_OUTPUT/screenshots (or the test's tmp folder).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kreport.build.catalog import REPORTS
from kreport.build.orchestrator import build

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
CJK_FONT_WORDS = ("CJK", "Noto Sans SC", "Noto Serif SC", "Source Han", "WenQuanYi", "Droid Sans Fallback",
                  "PingFang", "Microsoft YaHei", "SimSun", "SimHei")


def _chromium() -> str:
    path = os.environ.get("KREPORT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if path:
        return path
    message = ("chromium is not installed: run `make system-deps` "
               "(or `apt-get install chromium fonts-noto-cjk`) to run the browser test")
    if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
        pytest.fail(message + " [CI is set: the browser test may not be skipped]")
    pytest.skip(message)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """Every report whose notebook exists, both languages, every platform (one with KREPORT_BROWSER_PLATFORM=douyin).

    KREPORT_BROWSER_SITE=reports/ checks an already built folder instead of building.
    """
    _chromium()
    if os.environ.get("KREPORT_BROWSER_SITE"):
        return Path(os.environ["KREPORT_BROWSER_SITE"])
    out = tmp_path_factory.mktemp("browser") / "reports"
    catalog = {name: spec for name, spec in REPORTS.items() if spec.path.exists()}
    platform = os.environ.get("KREPORT_BROWSER_PLATFORM", "all")
    params = {} if platform == "all" else {"platform": platform}
    results = build(out_dir=out, catalog=catalog, params=params, echo=lambda line: None)
    failed = [(r.name, r.error) for r in results if r.status != "built"]
    assert not failed, failed
    return out


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    root = os.environ.get("KREPORT_TEST_OUTPUT")
    folder = Path(root) / "screenshots" if root else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    executable = _chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


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

        # every chart has a size on screen
        sizes = page.eval_on_selector_all(
            "figure.chart svg, figure.chart img, main img",
            "els => els.map(e => { const r = e.getBoundingClientRect(); return [e.tagName, r.width, r.height]; })")
        for tag, width, height in sizes:
            if not (width > 0 and height > 0):
                problems.append(f"{name}: a {tag} chart is drawn {width}×{height}")
        figures = page.locator("figure.chart").count()
        if figures and not sizes:
            problems.append(f"{name}: {figures} figure.chart without an svg or img")

        # every table-of-contents link lands on a section heading
        targets = page.eval_on_selector_all("nav.toc a", "as => as.map(a => a.getAttribute('href'))")
        if path.name != "index.html" and not targets:
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
