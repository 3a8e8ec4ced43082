"""The Chinese strings read as Chinese financial writing: right terms, units, punctuation and spacing."""

import re

import pytest

from kreport.render.text import STRINGS

CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"  # ideographs and full-width punctuation
# Placeholders that are filled with names or words (platforms, companies, metrics, tiers, lists of them),
# never with numbers or period labels: they sit against the Chinese around them with no space.
NAME_PLACEHOLDERS = ("name", "names", "platform", "owner", "metric", "model", "models", "tier", "list", "missing", "scope", "reason")
# Latin words a Chinese finance text keeps as they are: abbreviations, model and product names.
ALLOWED_LATIN = {
    "GMV", "DAU", "MAU", "ETS", "ARIMA", "SARIMA", "Theta", "MASE", "sMAPE", "AICc", "Kling", "VIP", "Temu",
    "CSV", "UTF", "Ljung", "Box", "Newey", "West", "Gompertz", "CAGR", "kreport",
    "English",  # the language switch names the other language in its own script
}
# A language switch is written in the language it switches to.
SWITCHES = {"nav.twin", "index.other"}

ZH = {key: zh for key, (_en, zh) in STRINGS.items()}


def _offenders(pattern: str, keys=None) -> dict[str, str]:
    rx = re.compile(pattern)
    return {k: v for k, v in ZH.items() if (keys is None or k in keys) and rx.search(v)}


def test_repurchase_is_fu_gou_never_share_buyback():
    assert _offenders("回购") == {}


def test_money_in_yi_yuan_and_people_in_yi_never_ten_digit_units():
    assert _offenders("十亿|百万人|百万用户") == {}


def test_axes_use_the_unit_words_of_the_text():
    assert ZH["axis.RMB_bn"] == "亿元"
    assert ZH["axis.RMB_bn_log"] == "亿元（对数刻度）"
    assert ZH["axis.million"] == "亿人"


def test_no_quarter_word_after_a_period_placeholder():
    # Placeholders hold "2026Q1": "{quarter} 季度" would print "2026Q1 季度". 第{q}季度 (q = 1..4) is right.
    assert _offenders(r"(?<!第)\{[^}]*\}\s*季度") == {}


def test_no_space_between_a_name_placeholder_and_chinese():
    names = "|".join(NAME_PLACEHOLDERS)
    assert _offenders(rf"\{{(?:{names})\}}[ \t]+[{CJK}]|[{CJK}][ \t]+\{{(?:{names})\}}") == {}


def test_no_space_between_any_placeholder_and_chinese():
    # Mainland typesetting: "截至2026Q1的1,234个数据点", not "截至 2026Q1 的 1,234 个数据点".
    assert _offenders(rf"\}}[ \t]+[{CJK}]|[{CJK}][ \t]+\{{") == {}


def test_no_half_width_punctuation_in_chinese_sentences():
    # ，。：；（）？！ in Chinese text; a full stop only inside a number (直播电商2.0).
    assert _offenders(rf"[{CJK}][ \t]*[,;:!?()]|[,;:!?()][ \t]*[{CJK}]|,[ \t]") == {}
    assert _offenders(r"\.(?!\d)", keys=set(ZH) - SWITCHES) == {}


@pytest.mark.parametrize("key", sorted(set(ZH) - SWITCHES))
def test_no_english_words_in_chinese_strings(key):
    text = re.sub(r"\{[^}]*\}", "", ZH[key])
    words = set(re.findall(r"[A-Za-z]{3,}", text))
    assert words <= ALLOWED_LATIN, f"{key}: {sorted(words - ALLOWED_LATIN)}"


def test_switches_name_the_other_language():
    assert ZH["nav.twin"] == "English" and ZH["index.other"] == "English"
