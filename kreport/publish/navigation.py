"""The way around a quarter's pages: the top bar of every report page and the per-language indexes link the same set."""

from __future__ import annotations

import json
from dataclasses import dataclass

from kreport.publish.catalog import REPORTS
from kreport.render.text import LANGUAGES, t

__all__ = ["page_title", "index_name", "top_bars", "Navigation"]


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


def _same(report: str, params: dict) -> str:
    return json.dumps([report, params], sort_keys=True, default=str)


@dataclass(frozen=True)
class Navigation:
    """Every page a quarter has or is about to have, indexed once; :meth:`bar` gives one page's top bar.

    Made once per build (linear in the pages) and handed to the workers, each of which draws the
    bars of its own pages: a plan never holds every page's list of every page.
    """

    quarter: str
    pages: dict  # lang -> [(file name, title)], in report order
    twins: dict  # file name -> the same report's page in the other language (or None)

    @classmethod
    def of(cls, pages: list[tuple[str, str, dict]], quarter: str, platforms) -> Navigation:
        """``pages`` lists (file name, report, parameters) for every page of the quarter."""
        order = {name: i for i, name in enumerate(REPORTS)}
        pages = sorted(pages, key=lambda page: (order.get(page[1], len(order)), page[0]))
        by_params = {_same(r, p): n for n, r, p in pages}
        listed: dict[str, list] = {lang: [] for lang in LANGUAGES}
        twins = {}
        for name, report, params in pages:
            lang = params.get("lang", "en")
            listed.setdefault(lang, []).append((name, page_title(report, params, platforms)))
            other = {**params, "lang": next((x for x in LANGUAGES if x != lang), lang)}
            twins[name] = by_params.get(_same(report, other))
        return cls(quarter, listed, twins)

    def bar(self, name: str, lang: str) -> dict:
        """The top bar of page ``name``: its quarter, the other pages of that quarter in its language, the same
        report in the other language, the quarter's index and all quarters."""
        quarter = self.quarter
        return {
            "quarter": quarter, "lang": lang, "index": index_name(lang), "all": "../index.html",
            "index_label": t("nav.index", lang, quarter=quarter), "all_label": t("nav.all", lang),
            "twin": self.twins.get(name), "twin_label": t("nav.twin", lang),
            "pages": [{"title": title, "href": n, "current": n == name} for n, title in self.pages.get(lang, [])],
        }


def top_bars(pages: list[tuple[str, str, dict]], quarter: str, platforms) -> dict[str, dict]:
    """The top bar of every page (see :class:`Navigation`)."""
    navigation = Navigation.of(pages, quarter, platforms)
    return {name: navigation.bar(name, params.get("lang", "en")) for name, _, params in pages}
