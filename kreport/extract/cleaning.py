"""Text as a pattern can read it: one form for the many ways a saved page spells the same sentence.

Pages saved from the web are messy: numbers split by a stray space (``RMB334 .2 billion``), words
glued together (``fromRMB222.5``), full-width punctuation, spaces between Chinese characters
(``2025年第 一 季度``), pinyin injected after characters (``數(shù)``), and traditional or simplified
script. :func:`matchable` turns a sentence into one canonical form for the rules to match; the
quote shown to the analyst is always the original sentence, never this form.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["matchable", "strip_pinyin", "simplified", "unspun", "CJK"]

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
# Pinyin in brackets right after a Chinese character: 數(shù), 達(dá), 領(lǐng). Lower-case letters
# only, so a bracketed English name (可靈 (Kling)) or a footnote (GMV(1)) is kept.
_PINYIN = re.compile(rf"(?<=[{CJK}])\((?=[a-z{_TONE_VOWELS}]*[{_TONE_VOWELS}])[a-z{_TONE_VOWELS}]{{1,7}}\)")

# Traditional characters of the words the rules read, mapped to their simplified form, so one
# pattern reads both scripts. Only characters whose simplified form is unambiguous are listed. The
# headings' words are among them (財務回顧, 業績亮點): a heading left unread glues onto the next sentence.
_PAIRS = (
    "為为 爲为 億亿 萬万 幣币 總总 額额 電电 應应 躍跃 戶户 數数 較较 達达 與与 過过 業业 績绩 務务 營营 銷销 "
    "長长 減减 計计 審审 個个 這这 於于 從从 內内 經经 調调 淨净 凈净 潤润 發发 佈布 報报 財财 創创 歷历 連连 "
    "續续 錄录 虧亏 損损 時时 間间 買买 賣卖 約约 臺台 櫃柜 團团 號号 聯联 東东 貨货 並并 們们 線线 佔占 貢贡 "
    "獻献 後后 體体 網网 頭头 導导 產产 環环 幾几 場场 實实 現现 億亿 亞亚 國国 區区 門门 開开 關关 雲云 "
    "萬万 錢钱 員员 處处 選选 擇择 認认 證证 讀读 寫写 書书 記记 說说 話话 讓让 協协 議议 價价 該该 質质 種种 "
    "類类 樣样 條条 齊齐 隊队 軟软 劃划 覽览 憑凭 優优 勢势 機机 會会 擴扩 況况 滿满 趨趋 轉转 據据 設设 備备 "
    "級级 極极 藝艺 專专 見见 觀观 視视 頻频 廣广 聲声 態态 購购 組组 織织 進进 濟济 兩两 邊边 歲岁 費费 靈灵 極极 屆届 "
    "顧顾 點点 別别"
).split()
_TRADITIONAL = str.maketrans({pair[0]: pair[1] for pair in _PAIRS})
# Units a number may stand before; a decimal point split from its digits is rejoined only before one.
_UNIT = r"(?:billion|million|trillion|万亿|亿|百万)"


def strip_pinyin(text: str) -> str:
    """``數(shù)連續(xù)`` becomes ``數連續``: pinyin a page injected after characters is dropped."""
    return _PINYIN.sub("", text)


def simplified(text: str) -> str:
    """The characters the rules read, in simplified script (億 → 亿, 總收入 → 总收入)."""
    return text.translate(_TRADITIONAL)


def matchable(text: str) -> str:
    """One canonical form of a sentence for the rules; never shown to anyone.

    NFKC (full-width digits and punctuation to ASCII), pinyin dropped, simplified script, one
    space for any run of white space, none next to a Chinese character, a decimal point split
    from its digits rejoined only before a unit (``RMB290 .2 billion`` → ``RMB290.2 billion``),
    and words glued to a number or to ``RMB`` separated (``fromRMB222.5`` → ``from RMB222.5``).
    """
    text = simplified(strip_pinyin(unicodedata.normalize("NFKC", text)))
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(rf"(?<=[{CJK}]) | (?=[{CJK}])", "", text)
    # "2025会计年度第二季" (Taiwan's word for a fiscal year): the 财年 the period readers know
    text = re.sub(r"(?<=\d)(?:会计|會計)年度(?=第|Q|[一二三四]季)", "财年", text)
    # A split decimal point: "290 .2 billion" (a space never comes before a full stop), and "290. 2 billion"
    # only before a unit ("in 2022. 30% came from" stays two sentences).
    text = re.sub(r"(?<=\d) \.(?=\d)", ".", text)
    text = re.sub(rf"(?<=\d)\. (?=\d+ ?{_UNIT})", ".", text)
    # A split thousands group before a unit: "11, 844亿元".
    text = re.sub(rf"(?<=\d), (?=\d{{3}}(?:\.\d+)? ?{_UNIT})", ",", text)
    text = re.sub(r"(?<=[a-z])(?=RMB|US\$|\d)", " ", text)
    text = re.sub(r"\( ", "(", text)
    text = re.sub(r" \)", ")", text)
    text = re.sub(r" (?=[,;:])", "", text)
    return text


_NUMBER_WORDS = {w: str(i) for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                                                  "fifteen sixteen seventeen eighteen nineteen twenty".split())}
# Machine-spun English: a synonym swapped in for each word of a release's sentence ("Total revenues in the quarter were ...,
# an increase of 7% from ... in the same quarter of 2024" spun as "Complete revenues within the quarter have been ..., a rise of
# seven% from ... in the identical quarter of 2024"). Only swaps that never change a figure or a period are undone.
_SPUN = (
    (re.compile(r"\bcomplete (revenues?)\b", re.IGNORECASE), r"total \1"),
    (re.compile(r"\bwithin the (quarter|period)\b", re.IGNORECASE), r"in the \1"),
    (re.compile(r"\bidentical (quarter|period)\b", re.IGNORECASE), r"same \1"),
    (re.compile(r"\b(?:have|has) been (?=(?:RMB|CNY) ?\d|\d)", re.IGNORECASE), "were "),
    (re.compile(r"\ban? rise of\b", re.IGNORECASE), "an increase of"),
    (re.compile(r"\ban? (?:lower|fall|decline) of\b", re.IGNORECASE), "a decrease of"),
    # "had been 374.3 million", "representing a rise of 8.3% from 345.5 million for a similar interval of 2022", "Total e-commerce GMV
    # elevated by 28.4% to": the spinner's words for "were", "the same period", "increased"
    (re.compile(r"\bhad been (?=(?:RMB|CNY) ?\d|\d)", re.IGNORECASE), "were "),
    (re.compile(r"\b(for|in|during) (?:an? |the )?(?:similar|identical|same|corresponding) (?:interval|interval of time|time period|period) (?=of \d{4}\b|"
                r"(?:of )?(?:last|final|the previous|the prior) year\b)", re.IGNORECASE), r"\1 the same period "),
    (re.compile(r"\b(?:elevated|improved|expanded|went up|greater) (by \d+(?:\.\d+)?(?:%| percent) (?:year[- ](?:over|on)[- ]year )?to\b)",
                re.IGNORECASE), r"increased \1"),
    # a renminbi figure written with both signs: "RMB253.8 billion yuan" (a blog's) reads "RMB253.8 billion"
    (re.compile(r"\b((?:RMB|CNY) ?\d[\d,]*(?:\.\d+)? ?(?:trillion|billion|million|bn|mn)) (?:Chinese )?yuan\b", re.IGNORECASE), r"\1"),
    # a year written without 年 before 全年 ("2023全年实现营收"): the year's usual form
    (re.compile(r"(?<!\d)((?:19|20)\d{2})全年"), r"\1年全年"),
    # Taiwan's word for a rise ("營收成長 9% 至人民幣 1,082.8 億元"): 增长
    (re.compile(r"成长(?=\d)"), "增长"),
    # a spun Chinese verb: "总收入到达人民币191亿元" (到达 for 达到) before a figure
    (re.compile(r"到达(?=人民币|\d)"), "达到"),
    (re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r") ?(?=%|percent\b|per cent\b)", re.IGNORECASE), None),
)


def unspun(form: str) -> str:
    """A matchable English sentence with the swaps of machine-spun copies undone (see ``_SPUN``): "a rise of seven% from
    RMB97,059.5 million in the identical quarter of 2024" reads "an increase of 7% from RMB97,059.5 million in the same
    quarter of 2024"."""
    for pattern, replacement in _SPUN:
        if replacement is None:
            form = pattern.sub(lambda m: _NUMBER_WORDS[m.group(1).lower()], form)
        else:
            form = pattern.sub(replacement, form)
    return form
