"""Interval calibration from past errors (kreport/stats/forecast/calibration.py), against hand-computed values."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from kreport.errors import ParameterError
from kreport.stats.forecast.calibration import LEVELS, interval_multipliers, raw_multipliers

Z80, Z95 = 1.2815515655446004, 1.959963984540054


def test_raw_multipliers_are_normal_quantiles():
    assert LEVELS == (0.80, 0.95)
    assert raw_multipliers().tolist() == pytest.approx([Z80, Z95])
    assert raw_multipliers([0.5]).tolist() == pytest.approx([0.6744897501960817])


@pytest.mark.parametrize("method", ["conformal", "scale"])
def test_no_past_errors_gives_the_raw_width(method):
    assert interval_multipliers([], method=method).tolist() == pytest.approx([Z80, Z95])
    assert interval_multipliers([np.nan, np.inf], method=method).tolist() == pytest.approx([Z80, Z95])


def test_scale_method_by_hand():
    # Ten errors of size 2 and a prior worth 4 errors of size 1: s2 = (10 * 4 + 4) / 14.
    z = [2.0, -2.0] * 5
    expected = np.sqrt(44 / 14) * stats.t.ppf([0.9, 0.975], df=14)
    assert interval_multipliers(z, method="scale", tail_df=None).tolist() == pytest.approx(expected.tolist())


def test_conformal_with_enough_errors_uses_the_shrunk_empirical_quantile():
    # 20 errors |z| = 1..20; level 0.8 takes rank ceil(21 * 0.8) = 17, level 0.95 rank ceil(21 * 0.95) = 20.
    z = np.arange(1.0, 21.0) * np.where(np.arange(20) % 2, -1, 1)  # signs do not matter
    out = interval_multipliers(z, prior_weight=4.0, tail_df=None)
    assert out.tolist() == pytest.approx([(20 * 17 + 4 * Z80) / 24, (20 * 20 + 4 * Z95) / 24])


def test_conformal_falls_back_to_scale_where_a_level_lacks_errors():
    # With 10 errors, 80% uses rank ceil(11 * 0.8) = 9, but 95% would need rank 11 > 10.
    z = np.arange(1.0, 11.0)
    conformal = interval_multipliers(z, tail_df=None)
    scaled = interval_multipliers(z, method="scale", tail_df=None)
    assert conformal[0] == pytest.approx((10 * 9 + 4 * Z80) / 14)
    assert conformal[1] == pytest.approx(scaled[1])


def test_large_past_errors_widen_and_small_ones_narrow():
    wide = interval_multipliers([3.0] * 30)
    narrow = interval_multipliers([0.2] * 30)
    assert (wide > raw_multipliers()).all()
    assert (narrow < raw_multipliers()).all()
    assert (np.diff(wide) >= 0).all() and (np.diff(narrow) >= 0).all()  # the 95% interval is never the narrower


def test_a_stronger_prior_stays_closer_to_the_raw_width():
    z = [3.0] * 30
    weak, strong = interval_multipliers(z, prior_weight=1.0), interval_multipliers(z, prior_weight=100.0)
    assert (np.abs(strong - raw_multipliers()) < np.abs(weak - raw_multipliers())).all()


def test_unknown_method_is_refused():
    with pytest.raises(ParameterError) as caught:
        interval_multipliers([1.0], method="bootstrap")
    assert caught.value.name == "method"


def test_horizon_multipliers_weigh_each_horizons_own_errors_against_the_pooled_one():
    from kreport.stats.forecast.calibration import horizon_multipliers

    # Horizon 1 errors small, horizon 2 errors large: pooled, both get one multiplier.
    z = np.r_[np.full(6, 0.5), np.full(6, 2.0)]
    h = np.r_[np.ones(6, int), np.full(6, 2)]
    pooled = interval_multipliers(z)
    out = horizon_multipliers(z, h, 3, horizon_weight=4.0, tail_df=None)
    np.testing.assert_allclose(out[0], (6 * 0.5 + 4 * interval_multipliers(z, tail_df=None)) / 10)
    np.testing.assert_allclose(out[1], (6 * 2.0 + 4 * interval_multipliers(z, tail_df=None)) / 10)
    np.testing.assert_allclose(out[2], interval_multipliers(z, tail_df=None))  # no errors of its own
    assert out[1, 0] > out[0, 0]
    # None pools every horizon, as before issue 21.
    np.testing.assert_allclose(horizon_multipliers(z, h, 3, horizon_weight=None), np.tile(pooled, (3, 1)))
    # Too few errors at a horizon (under 3): the pooled multiplier.
    np.testing.assert_allclose(horizon_multipliers(z[:8], h[:8], 2)[1], interval_multipliers(z[:8]))
