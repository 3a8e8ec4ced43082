"""The reader's contract, checked on the whole built set: every mark and every word on a page means one thing.

The pages are read as files (no browser): the chart data under every chart, the data attributes of
every drawn point and line, the legend texts in each SVG, and the visible text of each page.
Each check here was first seen to fail on the pages built before issue 19.
"""

from __future__ import annotations

import math
import re
from functools import cache
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup

import kreport
from kreport.dataset.load import annual_series, quarterly_series
from kreport.dataset.periods import parse_quarter, period_label
from kreport.dataset.schema import GRADES, METRICS
from kreport.render.text import t
from kreport.stats import basis

pytestmark = [pytest.mark.slow]

_ATTRS = re.compile(r'([a-z-]+)="([^"]*)"')


def _pages(site: Path) -> list[Path]:
    return sorted(site.glob("*/*.html"))


def _lang(path: Path) -> str:
    return "zh" if path.stem.endswith("-zh") else "en"


@cache
def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _figures(path: Path):
    """(svg, chart-data rows) of every figure of a page."""
    for figure in _soup(path).select("figure"):
        svg = figure.find("svg")
        rows = [dict(tr.attrs) | {"shown": tr.find_all("td")[2].get_text()} for tr in figure.select("table.chart-data tbody tr")]
        if svg is not None:
            yield svg, rows


def _legend_texts(svg) -> set[str]:
    return {text.get_text() for text in svg.find_all("text")}


# --- marks ------------------------------------------------------------------------------------------------------

def test_every_encoding_drawn_has_its_legend_entry(built_site):
    """A half-filled, hollow or hatched mark, a model's square or a bound's triangle always has its legend entry."""
    problems, checked = [], 0
    for path in _pages(built_site):
        lang = _lang(path)
        for number, (svg, _) in enumerate(_figures(path), 1):
            points = svg.select("g.chart-point")
            grades = {g.get("data-basis") for g in points}
            bounds = {g.get("data-qualifier") for g in points} & {"over", "under"}
            legend = _legend_texts(svg)
            needed = {t(f"legend.{g}", lang) for g in grades - {"reported"} if g in GRADES and g != "model"}
            needed |= {t(f"legend.bound.{b}", lang) for b in bounds}
            if grades - {"reported", "model"} or bounds:
                needed.add(t("legend.reported", lang)) if "reported" in grades else None
            missing = needed - legend
            checked += 1
            if missing:
                problems.append(f"{path.parent.name}/{path.name} figure {number}: drawn without a legend entry: {sorted(missing)}")
            stray = {t(f"legend.{g}", lang) for g in GRADES if g != "model" and g not in grades} & legend
            if stray and grades:
                problems.append(f"{path.parent.name}/{path.name} figure {number}: legend lists what is not drawn: {sorted(stray)}")
    assert checked > 50
    assert not problems, "\n".join(problems[:30])


def _consecutive(labels: list[str]) -> bool:
    def period(label: str) -> pd.Period:
        if "Q" in label:
            return parse_quarter(label)
        if label.startswith("FY"):
            return pd.Period(label[2:], freq="Y-MAR")
        return pd.Period(label, freq="Y-DEC")

    periods = [period(label) for label in labels]
    return all(a.freqstr == b.freqstr and a + 1 == b for a, b in zip(periods, periods[1:]))


def test_no_line_spans_a_missing_period_and_no_bound_is_a_point_of_a_line(built_site):
    problems, lines = [], 0
    for path in _pages(built_site):
        for number, (svg, _) in enumerate(_figures(path), 1):
            bounds = {(g.get("data-series"), g.get("data-period")) for g in svg.select("g.chart-point")
                      if g.get("data-qualifier") in ("over", "under")}
            for line in svg.select("g.chart-line"):
                lines += 1
                labels = line.get("data-periods", "").split()
                where = f"{path.parent.name}/{path.name} figure {number} ({line.get('data-series')})"
                if not _consecutive(labels):
                    problems.append(f"{where}: a line joins {' '.join(labels)} across a gap")
                joined = {(line.get("data-series"), label) for label in labels} & bounds
                if joined:
                    problems.append(f"{where}: a bound drawn as a point of a line: {sorted(joined)}")
    assert lines > 50
    assert not problems, "\n".join(problems[:30])


# --- basis ------------------------------------------------------------------------------------------------------

def _grades_of(site_quarter: str):
    m = kreport.load(as_of=parse_quarter(site_quarter)).metrics
    m = m.assign(label=[period_label(p, k) for p, k in zip(m["period"], m["period_kind"])])

    def figure(platform, metric, label):
        rows = m[(m["platform"] == platform) & (m["metric"] == metric) & (m["label"] == label)]
        return str(rows["grade"].sort_values().iloc[0]) if len(rows) else None

    def series(platform, metric, kind="quarter"):
        select = quarterly_series if kind == "quarter" else annual_series
        return select(m, platform, metric, column="grade")

    return figure, series


def _expected_grade(figure, series, platform: str, metric: str, label: str, row: dict) -> str | None:
    """The weakest grade of the figures a chart-data row is computed from (None: a row this test does not know)."""
    def earlier(label: str) -> str:
        if "Q" in label:
            return str(parse_quarter(label) - 4)
        return f"FY{int(label[2:]) - 1}" if label.startswith("FY") else str(int(label) - 1)

    if metric in METRICS:
        return figure(platform, metric, label)
    if metric.endswith("_yoy"):
        base = metric.removesuffix("_yoy")
        return basis.weakest_of([figure(platform, base, label), figure(platform, base, earlier(label))])
    if metric.startswith("gmv_index_"):
        return basis.weakest_of([figure(platform, "gmv", label), figure(platform, "gmv", metric.rsplit("_", 1)[1])])
    pairs = {"gmv_per_dau": ("gmv", "dau"), "gmv_per_buyer": ("gmv", "monthly_buyers"),
             "gmv_ttm_per_annual_buyer": ("gmv_ttm", "annual_buyers"), "gmv_per_annual_buyer": ("gmv", "annual_buyers"),
             "buyer_penetration": ("monthly_buyers", "mau"), "take_rate": ("revenue_commerce", "gmv")}
    if metric in pairs:
        grades = [figure(platform, m, label) for m in pairs[metric]]
        if grades[1] is None and "Q" not in label:  # annual buyers counted to the quarter the year ends in
            year = pd.Period(label[2:], freq="Y-MAR") if label.startswith("FY") else pd.Period(label, freq="Y-DEC")
            grades[1] = figure(platform, pairs[metric][1], str(pd.Period(year.end_time, freq="Q-DEC")))
        return basis.weakest_of(grades)
    if metric == "gmv_share_online_retail":  # a calendar year's GMV (or twelve months to December, or its quarters)
        used = figure(platform, "gmv", label) or figure(platform, "gmv_ttm", f"{label}Q4")
        if used is None:
            used = basis.weakest_of([figure(platform, "gmv", f"{label}Q{i}") for i in range(1, 5)])
        return basis.weakest_of([used, figure("china", "online_retail_physical", label)])
    if metric == "gmv_seasonal_index":
        return basis.whole(series(platform, "gmv"))
    if metric.startswith("gmv_growth_") or metric == "gmv_log_change":
        period = parse_quarter(label)
        return basis.decomposition(series(platform, "gmv"), series(platform, "mau"), series(platform, "monthly_buyers")).get(period)
    return None


def test_every_chart_data_row_carries_the_weakest_grade_of_its_inputs(built_site):
    problems, checked = [], 0
    for quarter_dir in sorted(p for p in built_site.iterdir() if p.is_dir() and not p.name.startswith(".")):
        figure, series = _grades_of(quarter_dir.name)
        for path in sorted(quarter_dir.glob("*.html")):
            for _svg, rows in _figures(path):
                for row in rows:
                    if row.get("data-basis") == "model":
                        continue
                    expected = _expected_grade(figure, series, row["data-platform"], row["data-metric"], row["data-period"], row)
                    if expected is None:
                        problems.append(f"{path.name}: {row['data-metric']} is a chart metric this test does not know")
                        continue
                    checked += 1
                    if row["data-basis"] != expected:
                        problems.append(f"{path.name}: {row['data-platform']} {row['data-metric']} {row['data-period']} "
                                        f"is marked {row['data-basis']}, its inputs make it {expected}")
    assert checked > 300
    assert not problems, "\n".join(problems[:30])


# --- words ------------------------------------------------------------------------------------------------------

# Names, abbreviations and methods that a Chinese financial text writes in Latin letters.
_LATIN_OK = {"GMV", "DAU", "MAU", "ETS", "ARIMA", "SARIMA", "Theta", "MASE", "AICc", "CSV", "UTF", "FY", "AI", "Kling", "Temu",
             "VIP", "RMB", "TTM", "HTML", "PDF", "SVG", "CAGR", "YoY", "QoQ", "NBS", "App", "Newey", "West", "Ljung", "Box",
             "Gompertz", "Holt", "Winters", "kreport", "sMAPE"}


@cache
def _source_words() -> frozenset[str]:
    """Names a Chinese page may quote as they are: the words of the sources' titles and publishers, and the Latin
    words the Chinese event descriptions themselves use (晚点LatePost, WARC)."""
    dataset = kreport.load()
    text = " ".join([*dataset.sources["title"].astype(str), *dataset.sources["publisher"].astype(str),
                     *dataset.events["name_zh"].astype(str), *dataset.events["description_zh"].astype(str)])
    return frozenset(re.findall(r"[A-Za-z]{3,}", text))


def _reader_text(path: Path) -> str:
    """A page's visible text without what is a name or a source: links, source lines and lists, page titles,
    and the provenance footer (file names, versions, hashes)."""
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for tag in soup.select("a, .source, .source-line, title, style, script, svg title, svg metadata, .chart-point title, "
                           "table.sources, footer.provenance"):
        tag.decompose()
    return soup.get_text(" ")


def test_chinese_pages_read_as_chinese(built_site):
    problems = []
    for path in [p for p in _pages(built_site) if _lang(p) == "zh"] + sorted(built_site.glob("*/index-zh.html")):
        text = _reader_text(path)
        if "回购" in text:
            problems.append(f"{path.name}: 回购 (a share buyback) where 复购 (repurchase) is meant")
        for figure in re.findall(r"\d{2},\d{3}亿", text):
            problems.append(f"{path.name}: a five-digit 亿 figure {figure} (write 万亿)")
        for unit in ("十亿元", "百万人"):
            if unit in text:
                problems.append(f"{path.name}: {unit}, while the text counts in 亿元 and 亿")
        words = {w for w in re.findall(r"[A-Za-z]{3,}", text) if w not in _LATIN_OK and w not in _source_words()}
        if words:
            problems.append(f"{path.name}: English words on a Chinese page: {sorted(words)[:12]}")
    assert not problems, "\n".join(problems[:40])


# The analysts' habits: issue numbers, corrections, source ids in parentheses, and the shouted words of
# their notes ("LOWER BOUND ONLY", "average MONTHLY repurchase rate").
_CURATION = re.compile(r"issue \d+|re-marked|round 2|\(reportify|headline figure wrong|body figures used|aggregator-only|"
                       r"\bwas [\d.,]+ (?:million|RMB|bn)[^.;]*\([a-z0-9]+(?:-[a-z0-9]+)+\)|"
                       r"\b(?:LOWER|UPPER|BOUND|ONLY|MONTHLY|ANNUAL|NOT|NOTE|TODO|CHECK|SEPTEMBER|SECONDARY)\b")


def test_no_page_shows_the_analysts_curation_notes(built_site):
    problems = []
    for path in sorted(built_site.rglob("*.html")):
        for hit in _CURATION.findall(_reader_text(path)):
            if hit in _source_words():  # a source's own name (HKEX, EDGAR) is a name, not a note
                continue
            problems.append(f"{path.relative_to(built_site)}: {hit!r}")
    assert not problems, "\n".join(problems[:40])


# --- tables that reproduce their charts -------------------------------------------------------------------------

_ZH_UNITS = {"万亿": 1e12, "亿": 1e8, "万": 1e4}


def _read_back(shown: str, unit: str) -> float | None:
    """The number a reader reads in a chart-data cell, in the row's canonical unit."""
    text = shown.replace(",", "").replace("−", "-").lstrip("≈><")
    match = re.search(r"[-+]?\d+(?:\.\d+)?", text)
    if not match:
        return None
    number = float(match.group())
    rest = text[match.end():]
    for word, size in _ZH_UNITS.items():
        if rest.startswith(word):
            number *= size
            return number / (1e9 if "元" in rest else 1e6)
    if "%" in rest:
        return number / 100
    if "RMB mn" in rest:
        return number / 1000
    if unit == "log_change":
        return number / 100
    return number


def test_every_chart_data_table_reproduces_its_chart(built_site):
    """Each value in the table under a chart reads back to the plotted value at three significant digits."""
    problems, checked = [], 0
    for path in _pages(built_site):
        for _svg, rows in _figures(path):
            for row in rows:
                value = float(row["data-value"])
                shown = _read_back(row["shown"], row.get("data-unit", ""))
                if shown is None or value == 0:
                    continue
                checked += 1
                # A share or a change to 0.1 point (1.53% is not 2%, 18.1% not 18%); any other value to 2% of itself.
                tolerance = 0.0005 if "%" in row["shown"] else max(abs(value) * 0.02, 0.051 if "." not in row["shown"] else 0.0)
                if not math.isclose(shown, value, abs_tol=tolerance):
                    problems.append(f"{path.name}: {row['data-platform']} {row['data-metric']} {row['data-period']}: "
                                    f"the table says {row['shown']!r}, the chart plots {value}")
    assert checked > 300
    assert not problems, "\n".join(problems[:30])
