"""A release's text cut into the sentences a figure can be quoted from.

A sentence ends at a full stop (``。`` or ``.`` before white space, but not after an abbreviation such
as ``Mr.`` or ``Inc.``), at a blank line, before a bullet (``•``, ``-`` at the start of a line or after
a full stop) and around a heading line. A single line break inside a sentence is a page's line wrap
(``Total e-commerce GMV(1) was`` / ``RMB290 .2 billion, ...``) and does not end it; nor does a blank line inside an English
sentence that ends on no punctuation when the next line opens in lower case or goes on in a bracket left open (a spun copy's
bullet broken across lines). Every segment keeps
its offsets, so its quote is the original text exactly as saved.

Pages that lost their line breaks run bullets together: a `` * `` before a capital letter (``Third Quarter
2020 Highlights * Net revenues ...``) and a machine summary's citation marks (``... 131% [1][2][18] - The
strong ...``) and a markdown link (``[Financial Summary](index=1&...)``) end a sentence too, and a piece that is a heading on its own (``Third Quarter 2020
Highlights``) is one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Segment", "segments"]

_BULLET = re.compile(r"^\s*(?:[•●▪◦·∙]|[-–—]{1,2}(?=\s|$))\s*")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof inc co corp ltd no nos st vs etc e.g i.e approx jan feb mar apr jun jul aug sep sept oct nov dec "
    "u.s u.k d.c p.r n.a".split()
)
# Where a sentence ends inside a line: 。！？! (and a closing quote or bracket after them), or . ? before
# white space. The text before the full stop is checked for abbreviations separately. A "?" glued to a letter or a
# character after it is no question mark but a character the page lost ("上半年?duì)I收"): the sentence goes on.
_END = re.compile(r"[。！？!][」』”’\"')）]*|\?(?![\w(])[」』”’\"')）]*|\.[」』”’\"')）]*(?=\s|$)")
# Bullets run together inside a line: " * " before a capital letter; a summary's citation marks before white space.
_INLINE_BREAK = re.compile(r"(?<=\s)\*(?=\s+[A-Z])|(?:\[\d{1,3}\])+(?=\s)|\]\([^()\s]*\)(?=\s)|(?<= Highlights)(?= [A-Z])")
# A short line without a sentence's end or a connecting word, followed by a line that opens with a capitalised word:
# a page's heading whose line break is all that sets it apart ("Core Data Highlights" / "Q4 revenue of RMB35.4bn").
_HEADING_LIKE = re.compile(r"[^.,;:!?。，；：\n]{1,50}")
_CONNECTOR = re.compile(r"\b(?:the|of|and|or|to|a|an|was|were|is|are|in|on|at|for|with|by|from|as|its|their|our|than|that|which)\s*$",
                        re.IGNORECASE)


def _heading_like(run: str) -> bool:
    """A run of one short line with no sentence punctuation that does not end on a word joining it to the next."""
    return bool(_HEADING_LIKE.fullmatch(run.strip())) and not _CONNECTOR.search(run)
_TITLED = re.compile(r"\s*(?:[A-Z][a-z]|Q[1-4]\b)")
# A line that ends a clause of a list ("Q4 revenue of RMB35.4bn (+8.7% yoy);") or a paragraph ("... overseas markets."),
# before a line that opens with a capital: the next line starts a piece of its own (a summary's bullets without bullet
# marks, a heading after a paragraph). An abbreviation or an initial at a line's end ("Inc.", "U.S.") is no full stop.
_CLAUSE_END = re.compile(r"(?:[;；]|(?P<word>[A-Za-z.]*)\.)[\"'”’)]*\s*\Z")


# A short Chinese line with no punctuation (a picture's credit, a label: "截圖自企業公告") before a line that opens with a
# period ("二季度,快手..."): a piece of its own, so the period still opens the next sentence.
_LABEL_ZH = re.compile(r"(?:[\u4e00-\u9fff](?:\([a-zA-Z\u00c0-\u024f]{1,7}\))?){2,12}")  # pinyin a page injected kept
_OPENS_WITH_PERIOD_ZH = re.compile(r"\s*(?:\d{4} ?年|第?[一二三四]季度|本季度|上半年|前三季度|全年)")


def _ends_on_label(run: str) -> bool:
    """Whether the run's last line is a label of its own: the run is that line, or the line before it ended a sentence."""
    before, _, last = run.rpartition("\n")
    return bool(_LABEL_ZH.fullmatch(last.strip())) and (not before.strip() or before.rstrip()[-1] in "。！？!?")


def _ends_clause(run: str) -> bool:
    match = _CLAUSE_END.search(run)
    if not match:
        return False
    word = (match.group("word") or "").lower()
    return match.group("word") is None or not (word in _ABBREVIATIONS or len(word) == 1 or "." in word)


_CAPTION = re.compile(r"^\s*[(（][^()（）]{1,12}[)）]\s*$")
_SPLIT_DECIMAL = re.compile(r"\d\. \d+ ?(?:billion|million|trillion|亿|億|百万|百萬)")


@dataclass(frozen=True)
class Segment:
    """One sentence (or heading) of a text: ``text[start:end]`` of the original, bullets left out."""

    text: str
    start: int
    end: int
    heading: bool = False


_WORD_BEFORE = re.compile(r"[A-Za-z.]+\Z")
_LOOK_BACK = 32  # longer than any abbreviation: a full stop is judged on the word before it, never the whole text


def _ends_sentence(text: str, match: re.Match) -> bool:
    if not match.group().startswith("."):
        return True
    window = max(0, match.start() - _LOOK_BACK)
    before = _WORD_BEFORE.search(text, window, match.start())
    word = before.group().lower() if before else ""
    if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return False  # Mr. Cheng, Inc. (, U.S. dollars, initials
    return not _SPLIT_DECIMAL.match(text, match.start() - 1) if match.start() else True


def _lines(text: str):
    start = 0
    for line in text.splitlines(keepends=True):
        yield start, line.rstrip("\r\n")
        start += len(line)


# A sentence a page broke across blank lines (a spun copy's bullet: "Complete revenues" / "within the quarter have been RMB103,984.8
# million (US$" / "1" / "14,515.7 million), a rise of ..."): the run before the blank line ends on no sentence or clause end, and
# the next line opens in lower case, or goes on inside a bracket the run left open (a stray footnote number, then the rest).
_GOES_ON = re.compile(r"\s*[a-z]")
_OPEN_END = re.compile(r"[^.;:!?。；：！？\s]\s*\Z")


def _broken(run: str, line: str) -> bool:
    """Whether ``line``, after a blank line, goes on with the English sentence ``run`` (see ``_GOES_ON``)."""
    if re.search(r"[\u4e00-\u9fff]", run) or not _OPEN_END.search(run) or _BULLET.match(line):
        return False
    if run.count("(") > run.count(")"):
        return bool(re.match(r"\s*(?:\d|[a-z])", line))
    return bool(_GOES_ON.match(line))


def _runs(text: str, is_heading: Callable[[str], bool]):
    """Runs of lines that belong together: (start, end, heading)."""
    run: list[int] | None = None  # [start, end]
    blank: list[int] | None = None  # the run a blank line ended, kept open while the next line may go on with it
    for start, line in _lines(text):
        end = start + len(line)
        if not line.strip():
            if run:
                blank = run
            run = None
            continue
        if blank is not None:
            if run is None and not is_heading(line.strip()) and _broken(text[blank[0]:blank[1]], line):
                run = blank
                blank = None
                run[1] = end
                continue
            yield blank[0], blank[1], False
            blank = None
        if is_heading(line.strip()) or _CAPTION.match(line):
            if run:
                yield run[0], run[1], False
            if _CAPTION.match(line):
                yield start, end, False  # a picture's caption between lines ("(资料图)"): a piece of its own
            else:
                yield start, end, True
            run = None
            continue
        if run is None or _BULLET.match(line) or _heading_like(text[run[0]:run[1]]) and _TITLED.match(line) \
                or _TITLED.match(line) and _ends_clause(text[run[0]:run[1]]) \
                or _OPENS_WITH_PERIOD_ZH.match(line) and _ends_on_label(text[run[0]:run[1]]):
            if run:
                yield run[0], run[1], False
            run = [start, end]
        else:
            run[1] = end
    if blank is not None:
        yield blank[0], blank[1], False
    if run:
        yield run[0], run[1], False


# _BULLET at a position of the whole text (``^`` would only match at its start): no copy of the rest per bullet.
_BULLET_AT = re.compile(_BULLET.pattern.removeprefix("^"))


def _trimmed(text: str, start: int, end: int) -> Segment | None:
    bullet = _BULLET_AT.match(text, start, end)
    while bullet and bullet.end() > start:
        start = bullet.end()
        bullet = _BULLET_AT.match(text, start, end)
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    start += lead
    end = start + len(piece.strip())
    if end <= start:
        return None
    return Segment(text[start:end], start, end)


def segments(text: str, is_heading: Callable[[str], bool] = lambda line: False) -> list[Segment]:
    """The sentences and headings of ``text`` in order. ``is_heading`` says which whole lines are headings."""
    found: list[Segment] = []
    for start, end, heading in _runs(text, is_heading):
        if heading:
            found.append(Segment(text[start:end].strip(), start + len(text[start:end]) - len(text[start:end].lstrip()),
                                 start + len(text[start:end].rstrip()), True))
            continue
        cuts = [m.end() for m in _END.finditer(text, start, end) if _ends_sentence(text, m)]
        cuts += [m.start() if m.group() == "*" else m.end() for m in _INLINE_BREAK.finditer(text, start, end)]
        piece_start = start
        for cut in sorted(set(cuts)) + [end]:
            if text.startswith("*", piece_start):
                piece_start += 1  # the run-together bullet itself
            segment = _trimmed(text, piece_start, cut)
            if segment:
                found.append(_as_heading(segment, is_heading) if cut != end or piece_start != start else segment)
            piece_start = cut
    return found


def _as_heading(segment: Segment, is_heading: Callable[[str], bool]) -> Segment:
    """A piece cut out of a longer line that is a heading on its own ("Third Quarter 2020 Highlights")."""
    return Segment(segment.text, segment.start, segment.end, True) if is_heading(segment.text) else segment
