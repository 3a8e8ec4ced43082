"""The way around a quarter's pages: the top bar of every report page and the per-language indexes link the same set."""

from __future__ import annotations

from kreport.publish.catalog import REPORTS
from kreport.render.text import LANGUAGES, t

__all__ = ["page_title", "index_name", "top_bars"]


def index_name(lang: str) -> str:
    """A quarter's index page in one language."""
    return f"index-{lang}.html"


def page_title(report: str, params: dict, platforms) -> str:
    """A report page's title in its language: the report's title, and the platform's name where it has one."""
    lang = params.get("lang", "en")
    spec = REPORTS.get(report)
    title = spec.title(lang) if spec else report
    platform = params.get("platform")
    if platform is not None and platform in platforms.index:
        title += " · " + platforms.loc[platform, "name_zh" if lang == "zh" else "name_en"]
    return title


def top_bars(pages: list[tuple[str, str, dict]], quarter: str, platforms) -> dict[str, dict]:
    """The top bar of each page: its quarter, the other pages of that quarter in its language, the same
    report in the other language, the quarter's index and all quarters.

    ``pages`` lists (file name, report, parameters) for every page the quarter has or is about to have.
    """
    order = list(REPORTS)
    pages = sorted(pages, key=lambda page: (order.index(page[1]) if page[1] in order else len(order), page[0]))
    bars = {}
    for name, report, params in pages:
        lang = params.get("lang", "en")
        twin_params = {**params, "lang": next(x for x in LANGUAGES if x != lang)}
        twin = next((n for n, r, p in pages if r == report and p == twin_params), None)
        bars[name] = {
            "quarter": quarter, "lang": lang, "index": index_name(lang), "all": "../index.html",
            "index_label": t("nav.index", lang, quarter=quarter), "all_label": t("nav.all", lang),
            "twin": twin, "twin_label": t("nav.twin", lang),
            "pages": [{"title": page_title(r, p, platforms), "href": n, "current": n == name}
                      for n, r, p in pages if p.get("lang", "en") == lang],
        }
    return bars
