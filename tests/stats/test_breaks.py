"""Break tests at dated events: the size of a growth change, and refusal when evidence is thin."""

import numpy as np
import pandas as pd
import pytest

from kreport.errors import ParameterError
from kreport.stats.breaks import BREAK_COLUMNS, growth_breaks


def growth_series(n=28, change_at=14, before=0.10, after=0.02, seed=0):
    """Quarterly series growing `before` a quarter (log) up to `change_at`, `after` from then on."""
    rng = np.random.default_rng(seed)
    steps = np.where(np.arange(n) < change_at, before, after) + rng.normal(0, 0.005, n)
    season = 0.1 * (np.arange(n) % 4 == 3)
    return pd.Series(np.exp(np.log(100) + np.cumsum(steps) + season),
                     index=pd.period_range("2019Q1", periods=n, freq="Q"))


def test_slowdown_is_detected_with_its_size():
    s = growth_series()
    event = s.index[14]
    out = growth_breaks(s, [(str(event.start_time.date()), "strategy")])
    row = out.iloc[0]
    assert list(out.columns) == BREAK_COLUMNS
    assert row["period"] == event
    # Year-on-year growth exists from the 5th quarter; the event quarter is on neither side.
    assert row["n_before"] == 14 - 4 and row["n_after"] == 28 - 15
    assert row["change"] < -0.15  # yearly log growth fell from ~0.40 towards ~0.08
    assert row["p_value"] < 0.01 and row["chow_p_value"] < 0.01
    assert row["evidence"] in ("moderate", "strong")


def test_no_change_gives_no_evidence():
    s = growth_series(after=0.10)
    row = growth_breaks(s, [(s.index[14], "nothing")]).iloc[0]
    assert abs(row["change"]) < 0.05
    assert row["evidence"] == "none"


def test_too_few_quarters_are_flagged_not_tested():
    s = growth_series()
    row = growth_breaks(s, [(s.index[-2], "too late")], min_side=4).iloc[0]
    assert row["n_after"] == 1
    assert row["evidence"] == "too few observations"
    assert np.isnan(row["change"]) and np.isnan(row["p_value"])


def test_few_quarters_on_a_side_make_evidence_weak():
    s = growth_series(change_at=9)
    row = growth_breaks(s, [(s.index[9], "early")]).iloc[0]
    assert row["n_before"] == 5
    assert row["evidence"] in ("weak", "none")


def test_events_must_be_pairs():
    with pytest.raises(ParameterError):
        growth_breaks(growth_series(), ["2022Q1"])
