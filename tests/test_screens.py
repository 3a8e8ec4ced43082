"""Every page legible on a phone, a wide screen and in the dark (issue 20), measured in headless Chromium.

Every page of the built site (``site``, tests/conftest.py: every report type in both languages, the quarter
indexes and the all-quarters index) is opened at 390, 768 and 1280 px, and once more at 390 and 1280 px in
dark mode (``color_scheme="dark"``); each opening measures the page once (``_MEASURE``) and the tests below
assert on what was measured:

- at 390 px no page and no table needs sideways scrolling to see a row's values;
- at every width no table cell is narrower than four characters of its own text;
- at 768 and 1280 px every table fits its column, or (a table of periods) scrolls with its newest periods
  in view and its first column fixed;
- at 390 px every visible chart text is drawn at 10 CSS px or more, and the top bar is one line;
- in dark mode the page is dark, no chart is lighter than the page and chart text is legible on it.

Screenshots of one page per type and language (390 px, 1280 px, dark) go to $KREPORT_TEST_OUTPUT/screens.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WIDTHS = (390, 768, 1280)
PHONE = 390
MIN_CHART_TEXT_PX = 10.0

# What one opening of a page measures (run in the page; the pages themselves have no script).
_MEASURE = r"""() => {
  // shown, and not a table head kept for screen readers only (a phone's cards give each value its column name)
  const visible = e => e.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})
    && !(e.closest('thead') && e.closest('thead').getBoundingClientRect().width <= 2);
  const out = {overflow: document.documentElement.scrollWidth - window.innerWidth, tables: [], cells: [],
               texts: [], topbar: null, charts: [], page_bg: null};
  // the data behind each chart is a table too: open them all
  document.querySelectorAll('details.chart-data-box').forEach(d => { d.open = true; });
  const canvas = document.createElement('canvas').getContext('2d');
  const label = (table) => {
    const box = table.closest('.table-block, figure, main');
    const caption = box && box.querySelector('.table-caption, figcaption');
    return (caption ? caption.textContent : table.className).trim().slice(0, 60);
  };
  for (const table of document.querySelectorAll('main table')) {
    if (!visible(table)) continue;
    const r = table.getBoundingClientRect();
    const t = {name: label(table), left: r.left, right: r.right, scrolls: false, by_period: false,
               newest_in_view: null, first_fixed: null};
    for (let e = table.parentElement; e && e !== document.body; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (e.scrollWidth > e.clientWidth + 1 && style.overflowX !== 'visible') {
        t.scrolls = true;
        t.by_period = e.classList.contains('by-period');
        const box = e.getBoundingClientRect();
        const heads = table.querySelectorAll('thead th');
        if (heads.length) {
          const last = heads[heads.length - 1].getBoundingClientRect();
          t.newest_in_view = last.left >= box.left - 1 && last.right <= box.right + 1;
          const first = heads[0];
          t.first_fixed = getComputedStyle(first).position === 'sticky' && Math.abs(first.getBoundingClientRect().left - box.left) < 2;
        }
      }
    }
    out.tables.push(t);
    for (const cell of table.querySelectorAll('td, th')) {
      if (!visible(cell)) continue;
      const text = cell.innerText.replace(/\s+/g, ' ').trim();
      if (!text) continue;
      const style = getComputedStyle(cell);
      canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const four = [...text].slice(0, 4).join('');
      const need = canvas.measureText(four).width;
      const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (room + 0.5 < need) out.cells.push({table: label(table), text: text.slice(0, 40), room: Math.round(room), need: Math.round(need)});
    }
  }
  for (const t of document.querySelectorAll('figure.chart svg text')) {
    const text = t.textContent.trim();
    if (!text || !visible(t)) continue;
    const m = t.getScreenCTM();
    const scale = Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
    const px = parseFloat(getComputedStyle(t).fontSize) * scale;
    out.texts.push([text.slice(0, 30), Math.round(px * 100) / 100]);
  }
  const bar = document.querySelector('nav.topbar');
  if (bar) {
    const style = getComputedStyle(bar);
    const inner = bar.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    out.topbar = {lines: inner / parseFloat(style.lineHeight), height: bar.getBoundingClientRect().height};
  }
  // colours: the page's paper, and each visible chart's background (its own, else what it sits on)
  const background = (e) => {
    for (; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      if (c && c !== 'transparent' && !/rgba\(.*, 0\)$/.test(c)) return c;
    }
    return 'rgb(255, 255, 255)';
  };
  const paper = document.querySelector('main') || document.body;
  out.page_bg = background(paper);
  for (const svg of document.querySelectorAll('figure.chart svg')) {
    if (!visible(svg)) continue;
    const patch = svg.querySelector('g[id$="patch_1"] path');
    const fill = patch ? getComputedStyle(patch).fill : 'none';
    const text = svg.querySelector('text');
    out.charts.push({bg: fill && fill !== 'none' ? fill : background(svg), text: text ? getComputedStyle(text).fill : null,
                     name: (svg.closest('figure').querySelector('figcaption') || {}).textContent || ''});
  }
  return out;
}"""


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _name(site: Path, path: Path) -> str:
    return str(path.relative_to(site))


def _shot_pages(site: Path) -> set[Path]:
    """One page per type and language: the screenshots."""
    pages, seen = set(), set()
    for path in _pages(site):
        kind = path.stem.split("-")[0] if path.parent != site else "all"
        key = (kind, path.stem.rsplit("-", 1)[-1])
        if key not in seen:
            seen.add(key)
            pages.add(path)
    return pages


@pytest.fixture(scope="module")
def screens_folder(tmp_path_factory) -> Path:
    root = os.environ.get("KREPORT_TEST_OUTPUT")
    folder = Path(root) / "screens" if root else tmp_path_factory.mktemp("screens")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def measured(site, browser, screens_folder):
    """measured(width, dark) → {page name: what _MEASURE found}, each page opened once per width and scheme."""

    @cache
    def measure(width: int, dark: bool = False) -> dict:
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme="dark" if dark else "light")
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
                      else route.abort())
        page = context.new_page()
        shots = _shot_pages(site)
        found = {}
        for path in _pages(site):
            page.goto(path.as_uri(), wait_until="load")
            page.evaluate("document.fonts.ready")
            name = _name(site, path)
            if path in shots and (width != 768 or dark):
                shot = f"{'dark_' if dark else ''}{width}px_{name.replace(os.sep, '_').removesuffix('.html')}.png"
                page.screenshot(path=str(screens_folder / shot), full_page=True)
            found[name] = page.evaluate(_MEASURE)
        context.close()
        return found

    return measure


def _luminance(css: str) -> float:
    """Relative luminance (WCAG) of an rgb()/rgba() colour."""
    import re

    r, g, b = (int(float(x)) for x in re.findall(r"[\d.]+", css)[:3])

    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _report(problems: list[str]) -> str:
    return f"{len(problems)} problems:\n" + "\n".join(problems[:60])


def test_on_a_phone_no_page_and_no_table_scrolls_sideways(measured):
    problems = []
    for name, m in measured(PHONE).items():
        if m["overflow"] > 1:
            problems.append(f"{name}: the page is {m['overflow']}px wider than the screen")
        for t in m["tables"]:
            if t["scrolls"]:
                problems.append(f"{name}: table '{t['name']}' scrolls sideways")
            elif t["right"] > PHONE + 1 or t["left"] < -1:
                problems.append(f"{name}: table '{t['name']}' reaches {t['left']:.0f}–{t['right']:.0f}px")
    assert not problems, _report(problems)


@pytest.mark.parametrize("width", WIDTHS)
def test_no_table_cell_is_narrower_than_four_characters_of_its_text(measured, width):
    problems = [f"{name}: '{c['text']}' in '{c['table']}' has {c['room']}px, needs {c['need']}px"
                for name, m in measured(width).items() for c in m["cells"]]
    assert not problems, _report(problems)


@pytest.mark.parametrize("width", [768, 1280])
def test_on_wider_screens_tables_fit_or_scroll_to_their_newest_periods_with_the_first_column_fixed(measured, width):
    problems = []
    for name, m in measured(width).items():
        if m["overflow"] > 1:
            problems.append(f"{name}: the page is {m['overflow']}px wider than the screen")
        for t in m["tables"]:
            if not t["scrolls"]:
                continue
            if not t["by_period"]:
                problems.append(f"{name}: table '{t['name']}' does not fit its column")
            elif not (t["newest_in_view"] and t["first_fixed"]):
                problems.append(f"{name}: table '{t['name']}' scrolls with newest period in view {t['newest_in_view']}, "
                                f"first column fixed {t['first_fixed']}")
    assert not problems, _report(problems)


def test_on_a_phone_every_chart_text_is_at_least_10_css_px(measured):
    problems, seen = [], 0
    for name, m in measured(PHONE).items():
        seen += len(m["texts"])
        small = [(text, px) for text, px in m["texts"] if px < MIN_CHART_TEXT_PX]
        if small:
            problems.append(f"{name}: {len(small)} of {len(m['texts'])} chart texts under {MIN_CHART_TEXT_PX}px, "
                            f"smallest {min(px for _, px in small)}px, e.g. {small[:3]}")
    assert seen > 100, f"only {seen} chart texts found"
    assert not problems, _report(problems)


def test_on_a_phone_the_top_bar_is_one_line(measured):
    problems, bars = [], 0
    for name, m in measured(PHONE).items():
        if m["topbar"] is None:
            continue
        bars += 1
        if m["topbar"]["lines"] > 1.5:
            problems.append(f"{name}: the top bar is {m['topbar']['lines']:.1f} lines ({m['topbar']['height']:.0f}px) high")
    assert bars >= 5, "hardly any page has a top bar"
    assert not problems, _report(problems)


@pytest.mark.parametrize("width", [PHONE, 1280])
def test_in_dark_mode_the_page_is_dark_and_no_chart_is_lighter_than_it(measured, width):
    problems, charts = [], 0
    for name, m in measured(width, dark=True).items():
        page = _luminance(m["page_bg"])
        if page > 0.1:
            problems.append(f"{name}: the page is light in dark mode ({m['page_bg']})")
        for c in m["charts"]:
            charts += 1
            if _luminance(c["bg"]) > page + 0.005:
                problems.append(f"{name}: chart '{c['name'][:50]}' on {c['bg']}, lighter than the page's {m['page_bg']}")
            elif c["text"] and _contrast(c["text"], c["bg"]) < 4.5:
                problems.append(f"{name}: chart '{c['name'][:50]}' text {c['text']} on {c['bg']} is hard to read")
    assert charts > 20, f"only {charts} charts seen"
    assert not problems, _report(problems)
