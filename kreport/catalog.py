"""The report set: each report's notebook and its parameter grid, declared once."""

from __future__ import annotations

from dataclasses import dataclass

from .config import NOTEBOOKS_DIR
from .errors import ParameterError

__all__ = ["ReportSpec", "REPORTS", "LANGUAGES", "get_report"]

LANGUAGES = ("zh", "en")


@dataclass(frozen=True)
class ReportSpec:
    """A report: its notebook and the parameters that vary across its runs.

    ``grid`` names the parameters that make one run each, in file-name order: a report
    with ``("platform", "lang")`` runs once per platform in the data and per language,
    into ``<name>-<platform>-<lang>.html``. ``quarter`` (and ``data_dir``) are the same
    for every run of a build.
    """

    name: str
    notebook: str
    grid: tuple[str, ...]
    title_en: str
    title_zh: str

    @property
    def path(self):
        return NOTEBOOKS_DIR / self.notebook


REPORTS: dict[str, ReportSpec] = {r.name: r for r in (
    ReportSpec("brief", "brief.ipynb", ("lang",), "Quarterly brief", "季度简报"),
    ReportSpec("comparison", "comparison.ipynb", ("lang",),
               "Trust vs interest vs shelf e-commerce", "信任电商、兴趣电商与货架电商对比"),
    ReportSpec("platform", "platform.ipynb", ("platform", "lang"), "Platform profile", "平台概览"),
    ReportSpec("trends", "trends.ipynb", ("platform", "lang"), "Growth trends", "增长趋势"),
    ReportSpec("data", "data.ipynb", ("lang",), "Data appendix", "数据附录"),
)}


def get_report(name: str) -> ReportSpec:
    if name not in REPORTS:
        raise ParameterError("report", name, "one of " + ", ".join(REPORTS))
    return REPORTS[name]
