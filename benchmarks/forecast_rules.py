"""Choice rules the forecast engine does not use, kept so the benchmark can show why.

Each rule chooses, at each backtest origin, the members to average from the errors already
observed by then (forecasts whose targets are before the origin), so its score includes the luck
of choosing. On all 704 M3 quarterly series both scored worse than always averaging ETS, ARIMA and
Theta (benchmarks/README_forecast.md). Use with ``kreport.stats.forecast.backtest.add_auto(choose=...)``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kreport.stats.forecast.backtest import add_auto, choose_members, known_before

__all__ = ["topk", "margin", "shown", "add_rules"]

TOP_K = 3
MIN_ERRORS = 4
MARGIN = 0.85


def _past_scores(frame: pd.DataFrame, pos: int, candidates) -> pd.DataFrame:
    past = known_before(frame[frame["model"].isin(candidates)], pos)
    scaled = (past["actual"] - past["forecast"]).abs() / past["denominator"]
    return scaled.groupby(past["model"]).agg(["mean", "count"])


def _singles(frame, candidates):
    singles = frame[frame["model"] != "combo"]
    return singles, tuple(candidates) if candidates is not None else tuple(singles["model"].unique())


def topk(frame: pd.DataFrame, pos: int, candidates=None) -> tuple[str, ...]:
    """The mean of the TOP_K candidates with the lowest past MASE (kreport's rule before issue 13)."""
    singles, candidates = _singles(frame, candidates)
    default = choose_members(frame, pos, candidates)
    score = _past_scores(singles, pos, candidates)
    if len(score) < len(candidates) or score["count"].min() < MIN_ERRORS:
        return default
    return tuple(score["mean"].sort_values(kind="stable").index[:TOP_K])


def margin(frame: pd.DataFrame, pos: int, candidates=None) -> tuple[str, ...]:
    """The combination unless one candidate's past MASE is below MARGIN times the combination's."""
    singles, candidates = _singles(frame, candidates)
    default = choose_members(frame, pos, candidates)
    score = _past_scores(singles, pos, candidates)
    if len(score) < len(candidates) or score["count"].min() < MIN_ERRORS:
        return default
    if len(default) > 1 and "combo" in set(frame["model"]):
        combo_error = _past_scores(frame, pos, ("combo",))["mean"].iloc[0]
    else:
        combo_error = score["mean"].get(default[0], np.inf)
    best = score["mean"].idxmin()
    return (best,) if score["mean"][best] < MARGIN * combo_error else default


def shown(frame: pd.DataFrame, pos: int, candidates=None) -> tuple[str, ...]:
    """What the engine shows: the combination, or seasonal naive when its past MASE was lower.

    kreport.stats.forecast.engine.forecast makes this choice once, on the whole backtest; here it
    is made at each origin from the errors known then, so the benchmark scores the switch honestly.
    """
    singles, candidates = _singles(frame, candidates)
    default = choose_members(frame, pos, candidates)
    if "snaive" not in candidates or "combo" not in set(frame["model"]):
        return default
    combo = _past_scores(frame, pos, ("combo",))
    naive = _past_scores(singles, pos, ("snaive",))
    if combo.empty or naive.empty:
        return default
    return ("snaive",) if naive["mean"].iloc[0] < combo["mean"].iloc[0] else default


def add_rules(frame: pd.DataFrame) -> pd.DataFrame:
    """``auto_margin``, ``auto_topk`` and ``auto_shown`` added to a backtest frame (``complete_backtest(extra=...)``)."""
    frame = add_auto(frame, name="auto_margin", choose=margin)
    frame = add_auto(frame, name="auto_shown", choose=shown)
    return add_auto(frame, name="auto_topk", choose=topk)
