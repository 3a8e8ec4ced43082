"""Shared by the rule tests: ``figures(text, platform=None)``, the figures a text gives as
(metric, period, value, unit, qualifier)."""

from __future__ import annotations

import pytest

from kreport.extract.figures import read_figures
from kreport.extract.release import read_release


def _figures(text: str, platform: str | None = None) -> set[tuple[str, str, str, str, str]]:
    reading = read_figures(read_release(text, platform=platform, fiscal_year_end_month={"alibaba": 3}))
    return {(f.metric, f.period.label, f.value, f.unit, f.qualifier) for f in reading.figures}


@pytest.fixture
def figures():
    return _figures
