"""The report set: each report's notebook and its parameter grid, declared once."""

from __future__ import annotations

from dataclasses import dataclass

from kreport.config import NOTEBOOKS_DIR
from kreport.errors import ParameterError
from kreport.render.text import LANGUAGES, REPORT_NAMES, t

__all__ = ["ReportSpec", "REPORTS", "LANGUAGES", "get_report"]


@dataclass(frozen=True)
class ReportSpec:
    """A report: its notebook and the parameters that vary across its runs.

    ``forecasts`` says the report shows forecasts (through
    :func:`kreport.stats.forecast.policy.series_forecast`), so the build computes them first.
    ``grid`` names the parameters that make one run each, in file-name order: a report
    with ``("platform", "lang")`` runs once per platform in the data and per language,
    into ``<name>-<platform>-<lang>.html``. ``quarter`` (and the input folders ``data_dir``,
    ``reports_dir``, ``forecast_store``) are the same for every run of a build. A report with
    ``platform`` in its grid reads that platform's rows of the data; any other, every platform's.
    """

    name: str
    notebook: str
    grid: tuple[str, ...]
    forecasts: bool = False  # shows forecasts: the build computes them before any report runs
    # What a run reads beyond its slice (kreport.publish.slices): figures for periods after its quarter,
    # and the previous quarter's data snapshot (the brief's list of revisions).
    reads_later_periods: bool = False
    reads_snapshot: bool = False

    @property
    def path(self):
        return NOTEBOOKS_DIR / self.notebook

    def title(self, lang: str) -> str:
        """The reader's title (a test catalog's own reports have none: their name stands in)."""
        return t(f"report.{self.name}", lang) if self.name in REPORT_NAMES else self.name


REPORTS: dict[str, ReportSpec] = {r.name: r for r in (
    ReportSpec("brief", "brief.ipynb", ("lang",), forecasts=True, reads_later_periods=True, reads_snapshot=True),
    ReportSpec("comparison", "comparison.ipynb", ("lang",)),
    ReportSpec("platform", "platform.ipynb", ("platform", "lang")),
    ReportSpec("trends", "trends.ipynb", ("platform", "lang"), forecasts=True),
    ReportSpec("data", "data.ipynb", ("lang",)),
)}
assert tuple(REPORTS) == REPORT_NAMES


def get_report(name: str) -> ReportSpec:
    if name not in REPORTS:
        raise ParameterError("report", name, "one of " + ", ".join(REPORTS))
    return REPORTS[name]
