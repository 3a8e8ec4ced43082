"""The modelling scales (kreport/stats/forecast/transforms.py): log for amounts, logit for rates."""

from __future__ import annotations

import numpy as np
import pytest

from kreport.errors import ParameterError
from kreport.stats.forecast.transforms import SCALE_NAMES, Scale, choose_scale


@pytest.mark.parametrize("name, values", [
    ("log", [0.5, 1.0, 385.0, 1e6]),
    ("logit", [0.001, 0.25, 0.5, 0.72, 0.999]),
    ("identity", [-3.0, 0.0, 2.5]),
])
def test_inverse_undoes_forward(name, values):
    scale = Scale(name)
    assert scale.inverse(scale.forward(values)) == pytest.approx(values, rel=1e-12)


def test_forward_values_by_hand():
    assert Scale("log").forward([np.e, 1.0]).tolist() == pytest.approx([1.0, 0.0])
    assert Scale("logit").forward([0.5, 0.75]).tolist() == pytest.approx([0.0, np.log(3.0)])
    assert Scale("identity").forward([2, 3]).tolist() == [2.0, 3.0]


def test_logit_keeps_rates_of_zero_and_one_finite():
    z = Scale("logit").forward([0.0, 1.0])
    assert np.isfinite(z).all() and z[0] < -9 and z[1] > 9
    # However far out a forecast goes on the logit scale, the rate stays strictly inside (0, 1).
    back = Scale("logit").inverse([-1e6, -40.0, 40.0, 1e6])
    assert (back > 0).all() and (back < 1).all()
    assert back[0] == back[1] and back[2] == back[3]


@pytest.mark.parametrize("name, x", [("log", 4.0), ("logit", 0.2), ("identity", 7.0)])
def test_derivative_matches_a_finite_difference(name, x):
    scale = Scale(name)
    h = 1e-6
    numeric = (scale.forward(x + h) - scale.forward(x - h)) / (2 * h)
    assert scale.derivative(x) == pytest.approx(numeric, rel=1e-5)
    assert Scale("log").derivative([4.0]).tolist() == [0.25]
    assert Scale("logit").derivative([0.2]).tolist() == pytest.approx([1 / (0.2 * 0.8)])


@pytest.mark.parametrize("values, expected", [
    ([0.65, 0.7, np.nan, 0.72], "logit"),  # a rate (NaN is ignored)
    ([0.0, 0.5, 1.0], "logit"),
    ([125.0, 100.0, 209.0], "log"),  # a positive amount
    ([1.5, 2.0], "log"),  # above 1: not a rate
    ([0.0, 5.0], "identity"),  # a zero: no log
    ([-1.0, 2.0], "identity"),
    ([], "identity"),
    ([np.nan], "identity"),
])
def test_auto_picks_the_scale_from_the_values(values, expected):
    scale = choose_scale(values)
    assert isinstance(scale, Scale) and scale.name == expected


def test_an_explicit_scale_is_used_when_the_values_fit():
    assert choose_scale([0.2, 0.3], "log").name == "log"
    assert choose_scale([5.0, 6.0], "identity").name == "identity"


@pytest.mark.parametrize("values, scale", [([0.0, 5.0], "log"), ([-1.0, 5.0], "log"), ([0.5, 1.2], "logit"),
                                           ([-0.1, 0.5], "logit"), ([1.0], "sqrt")])
def test_a_scale_the_values_do_not_fit_is_refused(values, scale):
    with pytest.raises(ParameterError) as caught:
        choose_scale(values, scale)
    assert caught.value.name == "scale"


def test_the_scale_names():
    assert SCALE_NAMES == ("auto", "log", "logit", "identity")
