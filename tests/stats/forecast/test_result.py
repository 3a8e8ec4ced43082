"""The result every model returns (kreport/stats/forecast/result.py)."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from kreport.stats.forecast.result import ModelForecast


def test_defaults_say_nothing_was_measured():
    forecast = ModelForecast("naive", np.array([1.0, 1.0]), np.array([0.1, 0.14]))
    assert forecast.params == {}
    assert math.isnan(forecast.aic) and math.isnan(forecast.aicc) and math.isnan(forecast.bic)
    assert forecast.residuals.shape == (0,)
    assert forecast.note == "" and forecast.fallback is False


def test_a_result_is_frozen():
    forecast = ModelForecast("naive", np.array([1.0]), np.array([0.1]))
    with pytest.raises(dataclasses.FrozenInstanceError):
        forecast.fallback = True


def test_default_containers_are_not_shared_between_results():
    first = ModelForecast("naive", np.array([1.0]), np.array([0.1]))
    second = ModelForecast("drift", np.array([2.0]), np.array([0.2]))
    first.params["form"] = "changed"
    assert second.params == {}
    assert first.residuals is not second.residuals
