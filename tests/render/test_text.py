import re
import string

import pytest

from kreport.errors import ParameterError
from kreport.render.text import STRINGS, t

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_string_exists_in_both_languages():
    for key, (en, zh) in STRINGS.items():
        if key.startswith("unit.") or key == "trends.model.theta":
            continue
        assert en.strip() or zh.strip() == "", key
        assert zh.strip(), key


def test_english_strings_carry_no_chinese_except_quoted_names():
    # Chinese belongs only where it is the name itself (泛货架 etc. are not used in English strings).
    # A language switch names the other language in its own script ("中文" on an English page).
    switches = {"nav.twin", "index.other"}
    offenders = [k for k, (en, _) in STRINGS.items() if CJK.search(en) and k not in switches]
    assert offenders == []


def test_both_languages_take_the_same_placeholders():
    for key, (en, zh) in STRINGS.items():
        names = lambda s: {f[1] for f in string.Formatter().parse(s) if f[1]}
        assert names(en) == names(zh), key


def test_t_fills_values_and_rejects_unknown_keys():
    assert t("figure", "zh", n=3) == "图3"
    assert t("figure", "en", n=3) == "Figure 3."
    with pytest.raises(ParameterError, match="key"):
        t("no.such.key", "en")


def test_every_note_of_the_statistics_layer_has_its_text_in_both_languages():
    from kreport.stats.notes import FALLBACK_REASONS, NOTE_CODES

    for code, names in NOTE_CODES.items():
        key = f"note.{code}"
        assert key in STRINGS, f"no text for the note {code}: it would vanish from the page"
        for text in STRINGS[key]:
            assert {f[1] for f in string.Formatter().parse(text) if f[1]} == set(names), key
    for reason in FALLBACK_REASONS:
        assert f"note.reason.{reason}" in STRINGS, reason
