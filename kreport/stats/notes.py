"""What the statistics layer tells readers, as a code plus numbers; the render layer words it in each language.

No sentence is built here: a :class:`Note` names a code of :data:`NOTE_CODES` and the values
its text needs. ``kreport.render.text`` has a translation of every code in both languages
(a test checks it), so a note can never silently vanish from a page.
"""

from __future__ import annotations

from dataclasses import dataclass

from kreport.errors import ParameterError

__all__ = ["Note", "note", "NOTE_CODES", "FALLBACK_REASONS"]

# code: the names of the values its text uses
NOTE_CODES: dict[str, tuple[str, ...]] = {
    "forecast.gap": ("n", "start"),  # fitted only on the run after the last gap
    "forecast.short": ("n",),  # too short for ETS, ARIMA or Theta
    "forecast.calibrated": ("n",),  # intervals calibrated on n backtest errors
    "forecast.uncalibrated": (),  # too short to backtest: the models' own intervals
    "forecast.fallback": ("model", "reason"),  # a model stood down; reason is one of FALLBACK_REASONS
    "breaks.too_few": ("before", "after", "min_side"),
    "breaks.quarters": ("before", "after"),
    "breaks.years": ("before", "after"),
}
# Why a model's forecast was replaced by the seasonal naive one.
FALLBACK_REASONS = ("non_finite", "negative_spread", "outside_band", "too_wide", "fit_failed")


@dataclass(frozen=True)
class Note:
    """A note for readers: a code of :data:`NOTE_CODES` and its values (hashable, so results can be cached)."""

    code: str
    values: tuple[tuple[str, object], ...] = ()

    def as_dict(self) -> dict:
        return dict(self.values)


def note(code: str, **values) -> Note:
    """A :class:`Note`, checked against :data:`NOTE_CODES`."""
    if code not in NOTE_CODES:
        raise ParameterError("code", code, "one of " + ", ".join(NOTE_CODES))
    if set(values) != set(NOTE_CODES[code]):
        raise ParameterError("values", sorted(values), f"exactly {sorted(NOTE_CODES[code])} for {code}")
    if code == "forecast.fallback" and values["reason"] not in FALLBACK_REASONS:
        raise ParameterError("reason", values["reason"], "one of " + ", ".join(FALLBACK_REASONS))
    return Note(code, tuple(sorted(values.items())))
