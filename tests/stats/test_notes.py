import pytest

from kreport.errors import ParameterError
from kreport.stats.notes import NOTE_CODES, note


def test_a_note_is_a_code_with_exactly_its_values():
    made = note("forecast.gap", n=12, start="2022Q3")
    assert made.code == "forecast.gap" and made.as_dict() == {"n": 12, "start": "2022Q3"}
    assert hash(made) == hash(note("forecast.gap", start="2022Q3", n=12))  # cacheable, order-free


@pytest.mark.parametrize(("code", "values"), [
    ("forecast.nonsense", {}),
    ("forecast.gap", {"n": 12}),  # a value missing
    ("forecast.short", {"n": 5, "extra": 1}),  # a value too many
    ("forecast.fallback", {"model": "ets", "reason": "it felt wrong"}),  # a reason with no text
])
def test_an_unknown_code_or_wrong_values_fail_loudly(code, values):
    with pytest.raises(ParameterError):
        note(code, **values)


def test_the_engine_and_the_breaks_speak_in_notes():
    import numpy as np
    import pandas as pd

    from kreport.stats.breaks import growth_breaks
    from kreport.stats.forecast.engine import forecast

    index = pd.period_range("2019Q1", periods=8, freq="Q-DEC")
    series = pd.Series(100 * 1.05 ** np.arange(8), index=index)
    result = forecast(series, horizon=2)
    assert result.notes and all(n.code in NOTE_CODES for n in result.notes)
    assert "forecast.short" in {n.code for n in result.notes}
    found = growth_breaks(series, [("2020-06-30", "event")])
    assert found["caveat"].iloc[0].code == "breaks.too_few"
