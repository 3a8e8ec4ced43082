"""One forecast call: a combination scored honestly, calibrated intervals and a fit summary.

:func:`forecast` backtests the candidate models on the series itself
(:mod:`kreport.stats.forecast.backtest`), fits the members of the ``auto``
procedure (the weighted mean of ETS, ARIMA and Theta, with drift for a strongly seasonal
series; see that module) on the whole
series and widens their intervals by the procedure's own past errors. A series
too short for a backtest gets the simple models only, and the result says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from kreport.errors import ModelError, ParameterError
from kreport.stats.forecast.backtest import (
    choose_members,
    known_before,
    levelled_floor,
    run_backtest,
    score_backtest,
)
from kreport.stats.forecast.calibration import (
    LEVELS,
    adjusted_levels,
    levelled_bands,
    raw_multipliers,
)
from kreport.stats.forecast.models import (
    MODEL_NAMES,
    FitMemo,
    candidate_models,
    fit_model,
    is_short,
    member_weights,
    seasonal_strength,
)
from kreport.stats.forecast.transforms import choose_scale
from kreport.stats.notes import note
from kreport.stats.series import check_series, periods_per_year, trailing_complete_run

__all__ = ["ForecastResult", "forecast", "fit_summary"]

FRAME_COLUMNS = ["period", "h", "forecast", "lo80", "hi80", "lo95", "hi95", "model"]
RECORD_COLUMNS = ["origin", "period", "h", "forecast", "actual", "lo80", "hi80", "lo95", "hi95"]


@dataclass(frozen=True)
class ForecastResult:
    """What :func:`forecast` returns.

    Attributes
    ----------
    frame : pandas.DataFrame
        One row per future period: period, h, forecast (median, original units),
        lo80, hi80, lo95, hi95 (calibrated where a backtest allowed it), model.
    summary : pandas.DataFrame
        One row per fitted model: form and parameters, AIC, AICc, BIC, Ljung-Box
        statistic and p-value of the residuals, number of observations, note.
    backtest : pandas.DataFrame or None
        The model x horizon score table (see :func:`kreport.backtest.backtest_table`),
        None when the series was too short to backtest.
    members : tuple of str
        The models combined.
    notes : tuple of kreport.stats.notes.Note
        Caveats for readers as codes and numbers: short series, gaps, fallbacks, uncalibrated intervals.
    record : pandas.DataFrame or None
        The shown procedure's backtest forecasts whose targets are observed: one row per origin
        and horizon, each made from the figures up to its origin only (origin, period, h,
        forecast, actual, lo80, hi80, lo95, hi95 with the intervals as calibrated then).
    auto_mase, snaive_mase : float
        The backtest MASEs (mean over horizons) of the combination and of seasonal naive; NaN
        without a backtest. Where the combination's is the larger, :attr:`lost_to_snaive` is true
        and the page says so; the combination is still the forecast (see :func:`forecast`).
    """

    frame: pd.DataFrame
    summary: pd.DataFrame
    backtest: pd.DataFrame | None
    members: tuple
    notes: tuple = field(default_factory=tuple)
    record: pd.DataFrame | None = None
    auto_mase: float = float("nan")
    snaive_mase: float = float("nan")

    @property
    def lost_to_snaive(self) -> bool:
        """Whether the combination erred more than seasonal naive in this series' own backtest."""
        return bool(self.auto_mase > self.snaive_mase)

    def to_record(self) -> dict:
        """The result as plain JSON-ready data (for the cache): no pickles, nothing that runs code when read."""
        return {"frame": _frame_record(self.frame), "summary": _frame_record(self.summary),
                "backtest": None if self.backtest is None else _frame_record(self.backtest),
                "members": list(self.members), "notes": [[n.code, dict(n.values)] for n in self.notes],
                "record": None if self.record is None else _frame_record(self.record), "auto_mase": self.auto_mase, "snaive_mase": self.snaive_mase}

    @classmethod
    def from_record(cls, record: dict) -> ForecastResult:
        """The result back from :meth:`to_record`."""
        backtest = None if record["backtest"] is None else _frame_from_record(record["backtest"])
        past = None if record["record"] is None else _frame_from_record(record["record"])
        return cls(_frame_from_record(record["frame"]), _frame_from_record(record["summary"]), backtest,
                   tuple(record["members"]), tuple(note(code, **values) for code, values in record["notes"]),
                   past, float(record["auto_mase"]), float(record["snaive_mase"]))


def _frame_record(frame: pd.DataFrame) -> dict:
    dtypes = {str(c): str(t) for c, t in frame.dtypes.items()}
    rows = [[str(v) if isinstance(v, pd.Period) else v for v in row] for row in frame.itertuples(index=False)]
    return {"columns": [str(c) for c in frame.columns], "dtypes": dtypes, "rows": rows, "attrs": dict(frame.attrs)}


def _frame_from_record(record: dict) -> pd.DataFrame:
    frame = pd.DataFrame(record["rows"], columns=record["columns"])
    for column, dtype in record["dtypes"].items():
        if dtype.startswith("period["):
            frame[column] = pd.PeriodIndex(frame[column], freq=dtype[len("period["):-1])
        elif dtype in ("int64", "float64", "bool"):
            frame[column] = frame[column].astype(dtype)
    frame.attrs.update(record.get("attrs", {}))
    return frame


def fit_summary(fitted, n_obs: int, m: int) -> dict:
    """Summary of one fitted model: parameters, information criteria, Ljung-Box check.

    The Ljung-Box test uses ``min(2m, n_resid // 5)`` lags (at least 1) and is
    skipped (NaN) with fewer than 8 residuals. A small p-value means the
    residuals are still autocorrelated: the model leaves pattern unexplained.
    """
    from statsmodels.stats.diagnostic import acorr_ljungbox

    resid = np.asarray(fitted.residuals, dtype=float)
    resid = resid[np.isfinite(resid)]
    lb_stat = lb_p = np.nan
    lags = 0
    if resid.size >= 8:
        lags = max(1, min(2 * m, resid.size // 5))
        lb = acorr_ljungbox(resid, lags=[lags])
        lb_stat, lb_p = float(lb["lb_stat"].iloc[0]), float(lb["lb_pvalue"].iloc[0])
    return {
        "model": fitted.model, "params": fitted.params, "aic": fitted.aic, "aicc": fitted.aicc,
        "bic": fitted.bic, "ljung_box_stat": lb_stat, "ljung_box_pvalue": lb_p, "ljung_box_lags": lags,
        "n_obs": n_obs, "fallback": fitted.fallback, "note": fitted.note,
    }


def forecast(series: pd.Series, horizon: int = 4, models=None, scale: str = "auto",
             min_train: int | None = None, saturating: bool = False, memo: FitMemo | None = None) -> ForecastResult:
    """Forecast a series with the combination of ETS, ARIMA and Theta and intervals calibrated by its backtest.

    Parameters
    ----------
    series : pandas.Series
        A kreport series (contiguous PeriodIndex, NaN for missing periods).
    horizon : int
        Periods ahead, counted from the last period of the index.
    models : sequence of str, optional
        Candidate models; default :func:`kreport.models.candidate_models`. One
        name forces that model (it is still backtested to calibrate intervals).
    scale : {"auto", "log", "logit", "identity"}
        Modelling scale; "auto" models rates in 0-1 on the logit scale (forecasts
        stay inside the bounds) and positive amounts on the log scale.
    min_train : int, optional
        First backtest training length; default three years of quarters.
    saturating : bool
        Also consider logistic and Gompertz curves (user counts).
    memo : kreport.stats.forecast.models.FitMemo, optional
        Fits to reuse and remember (the caller's; a series and its cuts share most fits).
        Default: a new memo for this call.

    Returns
    -------
    ForecastResult
        Intervals are the members' own, scaled by the backtest's standardised errors and never
        narrower than its absolute errors at the same horizon imply. The combination is the
        forecast even where its backtest MASE is worse than seasonal naive's (``lost_to_snaive``):
        on the M3 and tourism quarterly benchmarks, switching to seasonal naive on a series' own
        short backtest made forecasts worse overall (benchmarks/README_forecast.md).

    Raises
    ------
    ModelError
        If fewer than 3 consecutive observations are available.
    """
    series = check_series(series)
    if horizon < 1:
        raise ParameterError("horizon", horizon, "a positive number of periods")
    m = periods_per_year(series.index)
    run = trailing_complete_run(series)
    if len(run) < 3:
        raise ModelError(f"a forecast needs at least 3 consecutive observations; found {len(run)}")
    notes = []
    if len(run) < series.notna().sum():
        notes.append(note("forecast.gap", n=len(run), start=str(run.index[0])))
    n = len(run)
    short = is_short(n, m)
    candidates = tuple(models) if models is not None else candidate_models(n, m, saturating)
    for name in candidates:
        if name not in MODEL_NAMES:
            raise ParameterError("models", name, f"names from {list(MODEL_NAMES)}")
    if short and models is None:
        notes.append(note("forecast.short", n=n))
    min_train = (3 * m if m > 1 else 6) if min_train is None else int(min_train)
    memo = memo if memo is not None else FitMemo()
    table, multipliers = None, np.tile(raw_multipliers(LEVELS), (horizon, 1))
    floor = np.zeros((horizon, len(LEVELS)))
    record, auto_mase, snaive_mase = None, float("nan"), float("nan")
    if not short and len(series) - min_train >= 4:
        frame = run_backtest(series, horizon, candidates, min_train, None, scale, saturating, memo=memo)
        table = score_backtest(frame)
        if len(candidates) == 1:
            members, procedure = candidates, candidates[0]
        else:
            strength = seasonal_strength(run.to_numpy(dtype=float), m)
            members, procedure = choose_members(frame, len(series), candidates, strength=strength), "auto"
            by_model = table.groupby("model")["mase"].mean()
            auto_mase, snaive_mase = float(by_model.get("auto", np.nan)), float(by_model.get("snaive", np.nan))
        past = known_before(frame[frame["model"] == procedure], len(series))
        # As at every backtest origin: the levels moved by how the earlier calibrated bands fared.
        levels = adjusted_levels(past["cal_hit"].to_numpy(dtype=float), LEVELS, horizon=horizon)
        multipliers = levelled_bands(past["z"].to_numpy(), past["h"].to_numpy(), horizon, levels, LEVELS)
        floor = levelled_floor(past, horizon, levels, LEVELS)
        record = _record(frame[frame["model"] == procedure])
        notes.append(note("forecast.calibrated", n=int(past["z"].notna().sum())))
    else:
        members = candidates if len(candidates) == 1 else tuple(c for c in ("naive", "drift") if c in candidates) \
            or candidates
        notes.append(note("forecast.uncalibrated"))
    sc = choose_scale(run.to_numpy(), scale)
    y = sc.forward(run.to_numpy())
    gap = len(series) - (series.index.get_loc(run.index[-1]) + 1)
    fits = [fit_model(name, y, m, horizon + gap, sc, memo) for name in members]
    for fitted in fits:
        if fitted.fallback:
            notes.append(note("forecast.fallback", model=fitted.model, reason=fitted.note))
    # As in the backtest (kreport.stats.forecast.backtest._combine): the weighted mean, the median spread.
    mean = member_weights(members) @ np.array([f.mean[gap:] for f in fits])
    sigma = np.median([f.sigma[gap:] for f in fits], axis=0)
    out = {"period": [series.index[-1] + k for k in range(1, horizon + 1)], "h": np.arange(1, horizon + 1),
           "forecast": sc.inverse(mean)}
    for i, (level, mult) in enumerate(zip(LEVELS, multipliers.T)):
        tag = f"{round(level * 100)}"
        half = np.maximum(mult * sigma, floor[:, i])  # never narrower than the backtest's own errors imply
        out[f"lo{tag}"] = sc.inverse(mean - half)
        out[f"hi{tag}"] = sc.inverse(mean + half)
    frame_out = pd.DataFrame(out)
    frame_out["model"] = "+".join(members)
    summary = pd.DataFrame([fit_summary(f, n, m) for f in fits])
    return ForecastResult(frame_out[FRAME_COLUMNS], summary, table, tuple(members), tuple(notes),
                          record, auto_mase, snaive_mase)


def _record(rows: pd.DataFrame) -> pd.DataFrame:
    """A procedure's backtest forecasts with observed targets, intervals as calibrated at their origin."""
    rows = rows[rows["actual"].notna()]
    out = pd.DataFrame({"origin": rows["origin"].astype(str), "period": rows["period"].astype(str),
                        "h": rows["h"].astype(int), "forecast": rows["forecast"], "actual": rows["actual"],
                        "lo80": rows["cal_lo80"], "hi80": rows["cal_hi80"],
                        "lo95": rows["cal_lo95"], "hi95": rows["cal_hi95"]})
    return out[RECORD_COLUMNS].reset_index(drop=True)
