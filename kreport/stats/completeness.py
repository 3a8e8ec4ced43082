"""Whether a quarter's figures are all in: the series the quarter before had, against those this quarter has so far.

A quarter is entered release by release: Kuaishou's figures may be in while PDD's are not. The
brief reads this to say what is still missing, instead of silently comparing fewer series or
falling back to the quarter before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

__all__ = ["Completeness", "quarter_completeness"]


@dataclass(frozen=True)
class Completeness:
    """The quarterly series (platform, metric) of ``previous`` and of ``quarter``, and those still missing.

    ``missing`` leaves out series no longer disclosed at ``quarter`` (they will not come).
    """

    quarter: pd.Period
    previous: pd.Period
    had: tuple[tuple[str, str], ...]
    has: tuple[tuple[str, str], ...]
    missing: tuple[tuple[str, str], ...]

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def share(self) -> float:
        """The share of last quarter's (still disclosed) series this quarter has so far."""
        expected = len(self.missing) + len(set(self.has) & set(self.had))
        return 1.0 if not expected else 1 - len(self.missing) / expected


def quarter_completeness(metrics: pd.DataFrame, quarter: pd.Period,
                         disclosed: Callable[[str, str, pd.Period], bool] | None = None) -> Completeness:
    """Compare the quarterly series ``metrics`` has for ``quarter`` with those it has for the quarter before.

    ``disclosed(platform, metric, quarter)`` (for example :meth:`Dataset.is_disclosed`) says whether a
    series is still published; a series that is not is never counted missing.
    """
    quarterly = metrics[metrics["period_kind"] == "quarter"]
    previous = quarter - 1

    def series(period) -> set[tuple[str, str]]:
        rows = quarterly[quarterly["period"] == period]
        return set(zip(rows["platform"], rows["metric"]))

    had, has = series(previous), series(quarter)
    missing = sorted(s for s in had - has if disclosed is None or disclosed(s[0], s[1], quarter))
    return Completeness(quarter, previous, tuple(sorted(had)), tuple(sorted(has)), tuple(missing))
