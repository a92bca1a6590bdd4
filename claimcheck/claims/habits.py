"""How a page writes its figures, read once per page, and what a page lost in conversion.

* Habits: thousands grouped with a dot or a space ("63.000", "45 000"), lakh and crore, lengths in
  metres and no sums in millions (`dot_page`, `SPACE_PAGE`, `INDIAN_PAGE`, `METRES_WRITTEN`); a
  `Page` holds them with the figure patterns made for them.
* Losses, put back at the same length so offsets still point into the original: the space between
  an infobox label and its value ("Height85 m", `unglue_labels`), a fraction glyph ("21/2 days",
  `lost_fractions`), and where a figure is glued to the word before it ("Lives Lost1,198",
  "about22 minutes", `glued_at`). Zero-width characters (`INVISIBLE`) are read past. Pure Python.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from . import currencies

INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# The page writes thousands with a dot ("63.000", "1.234.567") or a space ("45 000", "1 234 567").
_DOT_PAGE = re.compile(r"(?<![\d.,])(?:[0-9]{1,3}(?:\.[0-9]{3}){2,}|[1-9][0-9]{0,2}\.000|[0-9]{1,3}(?:\.[0-9]{3})+,[0-9]{1,2})(?![\d.,])")
SPACE_PAGE = re.compile(r"(?<![\d.,])(?:[0-9]{1,3}(?: [0-9]{3}){2,}|[1-9][0-9]{0,2} 000)(?![\d.,])")
# Weaker signs of the same habit, believed only on a page with no sign of the other one: "18.500
# visitors" (nobody counts 18.5 visitors) and a decimal comma before a unit ("2,5 %", "3,75 m").
# (Each starts with a digit and looks behind it after, so the engine can skip to digits.)
_DOT_COUNTED = re.compile(r"[1-9](?<![\d.,][1-9])[0-9]{0,2}\.[0-9]{3}[ \u00a0]+(?:people|persons|visitors|fans|residents|inhabitants|"
                          r"spectators|participants|protesters|demonstrators|soldiers|troops|victims|deaths|dead|workers|"
                          r"employees|members|voters|votes|students|tourists|refugees|cases|homes|houses|copies|units)\b")
_COMMA_DECIMAL_UNIT = re.compile(r"[0-9](?<![\d.,][0-9])[0-9]{0,2},[0-9]{1,2}[ \u00a0]?(?:%|m|km|kg|cm|mm|°C|Prozent|por[ \u00a0]ciento)(?![\w])")
_DOT_DECIMAL = re.compile(r"[0-9](?<![\d.,][0-9])(?:[0-9]*\.[0-9]{1,2}(?![\d.,])|[0-9]{0,2},[0-9]{3}(?![\d]))")


def dot_page(text: str) -> bool:
    """Whether the page writes thousands with a dot ("18.000 people", "1.234.567"): read from its
    own figures, so an ambiguous "2.750 m" reads as the rest of the page writes."""
    if _DOT_PAGE.search(text):
        return True
    if _DOT_DECIMAL.search(text):  # most pages show the other habit early: stop there
        return False
    return bool(_DOT_COUNTED.search(text) or _COMMA_DECIMAL_UNIT.search(text))


INDIAN_PAGE = re.compile(r"\b(?:crores?|lakhs?|INR)\b|\bRs\.?(?=[ \u00a0]?[0-9])|₹")
# Where a figure is glued to the word before it by a lost space or a table cell: "Length2,310 km",
# "Lives Lost1,198" (a grouped figure after a label), "about22 minutes" (after a whole hedge word).
# Found in one pass; the figure is then read there by the core pattern without its left-hand checks.
_LETTER_DIGIT = re.compile(r"(?<=[A-Za-z])[0-9]")  # scans digits only, which is fast
_GLUED_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])")
_GLUED_HEDGE = re.compile(r"\b(?:about|around|nearly|almost|over|roughly|approximately|some|only|just)$", re.IGNORECASE)


def glued_at(text: str) -> list[int]:
    """Where a figure starts glued to the word before it: a grouped figure after any word, any
    figure after a whole hedge word."""
    return [m.start() for m in _LETTER_DIGIT.finditer(text)
            if _GLUED_GROUPED.match(text, m.start()) or _GLUED_HEDGE.search(text, max(0, m.start() - 14), m.start())]


# An infobox cell whose label and value lost the space between them: "Height85 m (279 ft)",
# "Missing37", "Construction costUS$4.1 billion". The label starts the line and is a few words
# ending in a lowercase letter; the line is short, as a cell is, and a line next to it is glued the
# same way (a table lost its spacing; "CrossesCalloway Strait" counts), so one glued word in a
# sentence ("version2") is not taken for a cell. The label's last letter is read as a space (same
# length, so offsets hold), and the value then reads as if the cell were spaced.
_LABEL = r"^[ \t]*[A-Z][A-Za-z'’()/-]*(?:[ \u00a0][A-Za-z'’()/-]+){0,3}?[a-z)]"
_LABEL_CELL = re.compile(rf"{_LABEL}(?=(?:(?:c\.|ca\.|approx\.)[ \u00a0]?|~)?(?:{currencies.PREFIX})?[0-9][^\n]{{0,80}}$)", re.MULTILINE)
# A cell whose value is a name with a number ("RocketHarfang 4", "EngineMerlin 1D"): the number is
# the name's, and is blanked.
_NAME_CELL = re.compile(rf"{_LABEL}(?=[A-Z][\w-]*(?:[ \u00a0][A-Z][\w-]*)*[ \u00a0](?P<n>[0-9]+[A-Za-z]?)[ \t]*$)", re.MULTILINE)
_GLUED_LINE = re.compile(rf"{_LABEL}(?=(?:(?:c\.|ca\.|approx\.)[ \u00a0]?|~)?[0-9A-Z{re.escape(currencies.SIGN_CHARS)}][^\n]{{0,80}}$)",
                         re.MULTILINE)


def unglue_labels(text: str) -> str:
    """`text` with a space read between each glued infobox label and its value, and the number of a
    name that fills a glued cell blanked."""
    if not re.search(r"[a-z)](?:[0-9]|[A-Z]|[^\x00-\x7f])", text):
        return text
    # a hedge word glued to its figure ("about22 minutes") is read with the hedge by `glued_at`
    cells = [m for m in _LABEL_CELL.finditer(text) if not _GLUED_HEDGE.search(m.group())]
    names = list(_NAME_CELL.finditer(text))
    if not cells and not names:
        return text
    breaks = [m.start() for m in re.finditer("\n", text)]
    glued = {bisect.bisect_left(breaks, m.start()) for m in _GLUED_LINE.finditer(text)}
    chars = list(text)
    for m in cells:
        line = bisect.bisect_left(breaks, m.start())
        if line - 1 in glued or line + 1 in glued:
            chars[m.end() - 1] = " "
    for m in names:
        line = bisect.bisect_left(breaks, m.start())
        if line - 1 in glued or line + 1 in glued:
            number = re.search(r"[0-9]+[A-Za-z]?[ \t]*$", text[m.end():breaks[line] if line < len(breaks) else len(text)])
            if number:
                start = m.end() + number.start()
                chars[start:start + len(number.group())] = " " * len(number.group())
    return "".join(chars)


# A fraction glyph lost in conversion: "21/2 days" was "2½ days", "11/2 hours" "1½ hours". Read so
# only before a unit of time or length, where a date or a ratio cannot stand; the glyph is written
# back with zero-width padding (same length, so offsets hold).
_LOST_FRACTION = re.compile(r"(?<![\w/.,])([0-9]{1,2})(1/2|1/4|3/4)(?=[ \u00a0](?:days?|hours?|weeks?|months?|years?|minutes?|"
                            r"miles?|km|kilomet(?:re|er)s?|met(?:re|er)s?|feet|foot|inch(?:es)?|yards?)\b)")
_GLYPHS = {"1/2": "½", "1/4": "¼", "3/4": "¾"}


def lost_fractions(text: str) -> str:
    if "/" not in text:
        return text
    return _LOST_FRACTION.sub(lambda m: m.group(1) + _GLYPHS[m.group(2)] + "\u200b\u200b", text)


METRES_WRITTEN = re.compile(r"[0-9][ \u00a0]?(?:metres|meters|metre|meter|ft|feet)\b|[0-9][ \u00a0]m\b(?![ \u00a0]?[a-z])")
MONEY_M = re.compile(rf"[{re.escape(currencies.SIGN_CHARS)}][ \u00a0]?[0-9][0-9.,]*[ \u00a0]?(?:m|mn|million)\b")


@dataclass
class Page:
    text: str
    core: re.Pattern[str]
    glued: re.Pattern[str]  # the core pattern without its left-hand checks, for figures glued to a word
    dot_groups: bool
    metres: bool = False  # the page writes lengths in metres or feet and no sums in millions
