"""Numbers: text -> Quantities (digits, scales, number words, money, measures, shares, ranges, vague
amounts). Pure Python, no spaCy; one pass of regexes over the text, linear in its length.

    find_quantities(text, masks)  every stated quantity, with its hedge, unit and interval
    parse_number("1.8 million")   a bare number phrase -> 1800000.0

The grammar's tables live beside it: `hedges.py` (hedge words and the interval rules),
`currencies.py` (US$, HK$, RM, EUR, "30 euros" -> ISO codes), `units.py` (km, GB, hp, °C and
`to_base_unit`), `identifiers.py` (digits that name, date or score things).

How a figure is read:
* Scales: words ("1.8 million", "13 lakh", "₹250 crore") and abbreviations ("$3tn", "1.5bn", "6.7M",
  "7 B users", "9m people"). A lowercase "m" glued to a figure without a currency is a million
  before a noun ("9m people", "20m tonnes") and metres where the text measures ("a 5m wall",
  "100m sprint", "5m high", "a 212.5m tower", "4,261m."), and on a page that writes lengths in metres
  and no sums in millions, wherever no noun follows ("from 324m to 330m"). "cr" is a crore on a page
  that counts in lakh and crore.
* Locales: "45 000" and "63.000" are thousands when the page writes numbers that way (a group of
  "000", or two or more groups, somewhere on the page; or "18.500 visitors" or "2,5 km" on a page
  with no dot decimals); "1.8 million" and "2.5" stay decimals.
* Compound durations are one ("three hours and twenty minutes", `durations.py`); a figure on a
  named scale is a rating ("Category 4", `scales.py`); figures glued to a label or a hedge by a
  table cell are read ("Length2,310 km", "about22 minutes").
* Signs: "-2.4%", "−40°C", "minus 40 degrees" are negative; a change keeps the wording ("fell 3.1%").
* Ranges: "between 3% and 4%", "$2bn-$4bn", "8- to 16-metre", "six or seven", "20–25 km3": the
  unit or scale on either end applies to both. A descending pair of integers ("won 3-1", "102-98")
  is a score, not a range.

What is *not* a quantity: years and dates (they qualify a claim as its `time`; "around 1257," is a
year, "around 1500 people" a count; a year-sized figure with a unit, "1200 hp", is a quantity),
clock times, ordinals (except "second largest"-style ranks), identifiers ("Article 55", "Pixel 8",
"Game 5", "COVID-19", "LZ 129", "two 747 jets"), addresses, postcodes, coordinates in every form,
scores, journal volumes and pages, money-year labels ("(2005 USD)"), school years, names made of
number words ("the Big Four"), the page number after markers ("[1][2]: 429"), and anything in a
masked span (URLs, footnote markers, page chrome). Zero-width characters inside a
figure ("1\u200b000") are ignored. Figures too large for a finite float are skipped.
"""
from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from ..model import Bound, Quantity, Span
from . import currencies, identifiers, units
from .durations import find_durations, find_shares
from .hedges import (
    EMPHASIS_BEFORE,
    FEW,
    PREFIX_HEDGES,
    SEVERAL,
    SUFFIX_BOUNDS,
    SUFFIX_RE,
    VAGUE,
    allowance,
    hedge_before,
    hedge_of,
    interval,
)
from .hedges import SP as _SP
from .scales import find_ratings

UNITS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"])}
TENS = {w: 10 * (i + 2) for i, w in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "lakhs": 1e5,
          "crore": 1e7, "crores": 1e7, "lakh crore": 1e12, "k": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9,
          "b": 1e9, "tn": 1e12, "trn": 1e12, "tln": 1e12, "t": 1e12, "mil": 1e6, "cr": 1e7, "crs": 1e7}
ORDINALS = {w: i + 1 for i, w in enumerate(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"])}
MONTHS = identifiers.MONTHS
FRACTIONS = {"half": 50, "a half": 50, "one-half": 50, "a third": 100 / 3, "one-third": 100 / 3,
             "one third": 100 / 3, "two-thirds": 200 / 3, "two thirds": 200 / 3, "a quarter": 25,
             "one-quarter": 25, "one quarter": 25, "three-quarters": 75, "three quarters": 75,
             "a fifth": 20, "one-fifth": 20, "a tenth": 10, "one-tenth": 10}
TIME_UNITS = {"year": ("year", 1), "years": ("year", 1), "yrs": ("year", 1), "month": ("month", 1),
              "months": ("month", 1), "week": ("week", 1), "weeks": ("week", 1), "day": ("day", 1), "days": ("day", 1),
              "hour": ("hour", 1), "hours": ("hour", 1), "hrs": ("hour", 1), "minute": ("minute", 1),
              "minutes": ("minute", 1), "mins": ("minute", 1), "min": ("minute", 1), "second": ("second", 1),
              "seconds": ("second", 1), "secs": ("second", 1), "decade": ("year", 10), "decades": ("year", 10),
              "century": ("year", 100), "centuries": ("year", 100), "millennium": ("year", 1000),
              "millennia": ("year", 1000)}

_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_SCALE_WORD = rf"hundred|thousand|million|billion|trillion|lakh{_SP}crores?|lakhs?|crores?"
_NUMWORDS = rf"(?:{_WORD})(?:(?:-|{_SP})(?:{_WORD}|dozen)|{_SP}(?:{_SCALE_WORD})(?:{_SP}and(?={_SP}(?:{_WORD})))?)*\b"
_NUM = r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+"
VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875,
          "⅕": 0.2}
_VULGAR = "".join(VULGAR)
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_NOT_BEFORE = r"\w/.,:°º′″" + re.escape(currencies.SIGN_CHARS)
# The page writes thousands with a dot ("63.000", "1.234.567") or a space ("45 000", "1 234 567").
_DOT_PAGE = re.compile(r"(?<![\d.,])(?:[0-9]{1,3}(?:\.[0-9]{3}){2,}|[1-9][0-9]{0,2}\.000|[0-9]{1,3}(?:\.[0-9]{3})+,[0-9]{1,2})(?![\d.,])")
_SPACE_PAGE = re.compile(r"(?<![\d.,])(?:[0-9]{1,3}(?: [0-9]{3}){2,}|[1-9][0-9]{0,2} 000)(?![\d.,])")
# Weaker signs of the same habit, believed only on a page with no sign of the other one: "18.500
# visitors" (nobody counts 18.5 visitors) and a decimal comma before a unit ("2,5 %", "3,75 m").
# (Each starts with a digit and looks behind it after, so the engine can skip to digits.)
_DOT_COUNTED = re.compile(r"[1-9](?<![\d.,][1-9])[0-9]{0,2}\.[0-9]{3}[ \u00a0]+(?:people|persons|visitors|fans|residents|inhabitants|"
                          r"spectators|participants|protesters|demonstrators|soldiers|troops|victims|deaths|dead|workers|"
                          r"employees|members|voters|votes|students|tourists|refugees|cases|homes|houses|copies|units)\b")
_COMMA_DECIMAL_UNIT = re.compile(r"[0-9](?<![\d.,][0-9])[0-9]{0,2},[0-9]{1,2}[ \u00a0]?(?:%|m|km|kg|cm|mm|°C|Prozent|por[ \u00a0]ciento)(?![\w])")
_DOT_DECIMAL = re.compile(r"[0-9](?<![\d.,][0-9])(?:[0-9]*\.[0-9]{1,2}(?![\d.,])|[0-9]{0,2},[0-9]{3}(?![\d]))")


def _dot_page(text: str) -> bool:
    """Whether the page writes thousands with a dot ("18.000 people", "1.234.567"): read from its
    own figures, so an ambiguous "2.750 m" reads as the rest of the page writes."""
    if _DOT_PAGE.search(text):
        return True
    if _DOT_DECIMAL.search(text):  # most pages show the other habit early: stop there
        return False
    return bool(_DOT_COUNTED.search(text) or _COMMA_DECIMAL_UNIT.search(text))


_INDIAN_PAGE = re.compile(r"\b(?:crores?|lakhs?|INR)\b|\bRs\.?(?=[ \u00a0]?[0-9])|₹")
_DOT_GROUPED = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?")
_COMMA_DECIMAL = re.compile(r"[0-9]+,[0-9]{1,2}")


# Where a figure is glued to the word before it by a lost space or a table cell: "Length2,310 km",
# "Lives Lost1,198" (a grouped figure after a label), "about22 minutes" (after a whole hedge word).
# Found in one pass; the figure is then read there by the core pattern without its left-hand checks.
_LETTER_DIGIT = re.compile(r"(?<=[A-Za-z])[0-9]")  # scans digits only, which is fast
_GLUED_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])")
_GLUED_HEDGE = re.compile(r"\b(?:about|around|nearly|almost|over|roughly|approximately|some|only|just)$", re.IGNORECASE)


def _glued_at(text: str) -> list[int]:
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
_LABEL_CELL = re.compile(rf"{_LABEL}(?=(?:{currencies.PREFIX})?[0-9][^\n]{{0,80}}$)", re.MULTILINE)
_GLUED_LINE = re.compile(rf"{_LABEL}(?=[0-9A-Z{re.escape(currencies.SIGN_CHARS)}][^\n]{{0,80}}$)", re.MULTILINE)


def _unglue_labels(text: str) -> str:
    """`text` with a space read between each glued infobox label and its value."""
    if not re.search(r"[a-z)](?:[0-9]|[A-Z]{1,3}\$|[^\x00-\x7f])", text):
        return text
    # a hedge word glued to its figure ("about22 minutes") is read with the hedge by `_glued_at`
    cells = [m for m in _LABEL_CELL.finditer(text) if not _GLUED_HEDGE.search(m.group())]
    if not cells:
        return text
    breaks = [m.start() for m in re.finditer("\n", text)]
    glued = {bisect.bisect_left(breaks, m.start()) for m in _GLUED_LINE.finditer(text)}
    chars = list(text)
    for m in cells:
        line = bisect.bisect_left(breaks, m.start())
        if line - 1 in glued or line + 1 in glued:
            chars[m.end() - 1] = " "
    return "".join(chars)


# A fraction glyph lost in conversion: "21/2 days" was "2½ days", "11/2 hours" "1½ hours". Read so
# only before a unit of time or length, where a date or a ratio cannot stand; the glyph is written
# back with zero-width padding (same length, so offsets hold).
_LOST_FRACTION = re.compile(r"(?<![\w/.,])([0-9]{1,2})(1/2|1/4|3/4)(?=[ \u00a0](?:days?|hours?|weeks?|months?|years?|minutes?|"
                            r"miles?|km|kilomet(?:re|er)s?|met(?:re|er)s?|feet|foot|inch(?:es)?|yards?)\b)")
_GLYPHS = {"1/2": "½", "1/4": "¼", "3/4": "¾"}


def _lost_fractions(text: str) -> str:
    if "/" not in text:
        return text
    return _LOST_FRACTION.sub(lambda m: m.group(1) + _GLYPHS[m.group(2)] + "\u200b\u200b", text)


@lru_cache(maxsize=16)
def _core(space_groups: bool, dot_groups: bool, indian: bool = False, glued: bool = False) -> re.Pattern[str]:
    """The pattern of one figure: currency, sign, digits or words, scale, stated uncertainty.
    On a page that counts in lakh and crore (`indian`), "cr" is a crore: "Rs 7,413 cr". The
    `glued` variant has no left-hand checks and no currency or sign: it is only tried where
    `_glued_at` says a figure is glued to a word."""
    crore = "cr|Cr|crs|Crs|" if indian else ""
    groups = [rf"[0-9]*[{_VULGAR}]", r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])", r"[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?![0-9])",
              r"[0-9]{1,3}(?:[\u00a0\u202f\u2009][0-9]{3})+(?![0-9])"]
    if space_groups:
        groups.append(r"[0-9]{1,3}(?: [0-9]{3})+(?![0-9])")
    if dot_groups:
        groups[:0] = [r"[0-9]{1,3}(?:\.[0-9]{3})+(?![0-9.])(?:,[0-9]+)?", r"[0-9]+,[0-9]{1,2}(?![0-9])"]
    digits = "(?:" + "|".join(groups) + r"|[0-9]+)(?:\.[0-9]+)?"
    prefix = (r"(?P<cur>(?!))?(?P<csign>(?!))?(?P<sign>(?!))?(?=[0-9])" if glued else
              rf"(?:(?<![{_NOT_BEFORE}])(?=(?-i:[A-Z{currencies.SIGN_CHARS}]))(?P<cur>{currencies.PREFIX})[ \u00a0]?(?P<csign>[-−](?=\.?[0-9]))?"
              # a sign after "40 " only on a signed change in a list: "CAC 40 -0.8%, DAX -1.2%"
              rf"|(?<![{_NOT_BEFORE}])(?:(?<![0-9][ \u00a0])|(?=[-−][0-9]*\.?[0-9]+[ \u00a0]?(?:%|pts?\b|points?\b|bp\b)))"
              rf"(?P<sign>[-−])(?=\.?[0-9])"
              rf"|(?<![{_NOT_BEFORE}])(?:(?<![A-Za-z]-)|(?<=[0-9][kmb]-)|(?<=[0-9]bn-)))")
    return re.compile(
        rf"{prefix}(?P<num>{digits}|\.[0-9]+|{_NUMWORDS}(?:{_SP}and{_SP}an?{_SP}(?:half|quarter)\b(?!{_SP}of\b))?"
        rf"|an?{_SP}hundred{_SP}and{_SP}(?:{_WORD})(?:-(?:{_WORD}))?\b|an?(?={_SP}(?:{_SCALE_WORD}|dozen)\b)"
        rf"|half(?:{_SP}an?)?(?={_SP}(?:{_SCALE_WORD}|dozen)\b))"
        rf"(?:(?P<gscale>(?-i:{crore}[bB][nN]|[mM][nN]|mln|mil|bln|[tT][nN]|trn|tln|MM|k|K|m|M|b|B|T))(?![\w])"
        rf"|(?:{_SP}|(?<=[0-9]))(?P<scale>{_SCALE_WORD}|dozens?)\b"
        rf"|[ \u00a0](?P<sscale>(?-i:{crore}bn|BN|mn|mln|bln|tn|trn|B|M)|(?(cur)(?-i:m|k|b)|(?!)))(?![\w]))?"
        rf"(?:[\s\u00a0]*(?:±|\+/-|\+/−)[\s\u00a0]*(?P<tol>(?:{_NUM})(?:\.[0-9]+)?)(?:{_SP}(?P<tscale>{_SCALE_WORD})\b)?)?",
        re.IGNORECASE)


_VAGUE_RE = re.compile(r"\b(?P<q>(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)\b|(?:dozens|scores|hundreds|thousands|millions|billions|trillions)"
                       r"(?=\s+of\s+\w|\s+(?:more\s+)?[a-z]+s\b))", re.IGNORECASE)
_FEW_RE = re.compile(r"\b(?P<q>(?P<how>a\s+few|several)\s+(?P<s>dozen|hundred|thousand|million|billion)(?:\s+(?P<s2>thousand))?)\b", re.IGNORECASE)
_FRACTION_WORDS = "|".join(sorted((re.escape(f).replace(r"\ ", r"[\s\u00a0]+") for f in FRACTIONS), key=len, reverse=True))
_FRACTION_RE = re.compile(
    rf"\b(?P<q>{_FRACTION_WORDS})(?=\s+(?:of|the|their|its|his|her|our|all|these|those)\b)|\b(?P<q2>(?:one|two|three|[0-9]{{1,2}})[\s-]in[\s-]"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|[0-9]{1,3}))\b(?![.,][0-9])"
    r"(?![\s\u00a0]+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b)", re.IGNORECASE)
# "three-quarters of a million", "a quarter million": a share of a scale is a count
_FRACTION_SCALE_RE = re.compile(
    rf"\b(?P<q>(?P<f>{_FRACTION_WORDS})[\s\u00a0]+(?:of[\s\u00a0]+)?(?:an?[\s\u00a0]+)?(?P<s>thousand|million|billion|trillion))\b", re.IGNORECASE)
_RANK_RE = re.compile(r"\b(?P<q>(?:" + "|".join(ORDINALS) + r"|[0-9]{1,3}(?:st|nd|rd|th))[\s-](?:largest|biggest|smallest|"
                      r"highest|lowest|most|least|richest|poorest|busiest|oldest|largest-ever|fastest|deadliest))\b", re.IGNORECASE)
_CHANGE_BEFORE = re.compile(r"\b(?:increas|rose|rise|rising|grew|grow|fell|fall|dropp?|declin|decreas|jump|climb|"
                            r"went|expand|shr[ai]nk|cut|rais|reduc|doubl|tripl|surg|soar|plung|slump)\w*"
                            r"[\s\u00a0]+(?:[\w,]+[\s\u00a0]+){0,3}from[\s\u00a0]+"
                            r"(?:(?:about|around|some|roughly|nearly|almost|over|under|just)[\s\u00a0]+)?$", re.IGNORECASE)
_YEARISH = re.compile(r"^(1[0-9]{3}|20[0-9]{2}|2100)$")
# After a hedged year ("around 1257, ...", "around 1250 and ..."): punctuation, a function word, or another year.
_YEAR_AFTER = re.compile(r"^(?:[\s\u00a0]*(?:[,.;:)!?\]]|$)|[\s\u00a0]+(?:and|or|to|when|but|the|a|an|in|at|on|by|with|"
                         r"after|before|until|as|while|during|which|that|where|there|it|he|she|they|we|because|since|"
                         r"following|providing|AD|BC|CE|BCE)\b|[\s\u00a0]*[-–][\s\u00a0]*(?:1[0-9]{3}|20[0-9]{2})\b)")
_COUNT_BEFORE = re.compile(r"\b(?:of|were|was|is|are|be|been|being|reached|numbered|numbering|totall?ed|totall?ing|"
                           r"estimated|put|rose to|fell to|to)[\s\u00a0]*$", re.IGNORECASE)
# A year-sized figure that counts people or things: "1000 people", "killed 1500 civilians" (not "In 1999 people ...")
_COUNTED_AFTER = re.compile(r"^[\s\u00a0]+(?:more[\s\u00a0]+|new[\s\u00a0]+|other[\s\u00a0]+)?(?:people|persons|residents|families|"
                            r"households|children|men|women|workers|employees|jobs|soldiers|troops|police|officers|students|"
                            r"deaths|cases|homes|houses|buildings|cars|vehicles|passengers|refugees|migrants|prisoners|"
                            r"detainees|protesters|demonstrators|civilians|delegates|members|votes|signatures|patients|"
                            r"doctors|nurses|teachers|staff|fans|visitors|tourists|users|customers|companies|firms|schools|"
                            r"villages|sites|camps|facilities|stores|shops|trees|animals|species|victims|casualties)\b", re.IGNORECASE)
_TIME_BEFORE = re.compile(r"\b(?:in|since|by|until|till|from|during|before|after|spring|summer|"
                          r"autumn|fall|winter|early|late|mid)[\s\u00a0]+$", re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|these|those|its|their|his|her|our|your|my|all|both|every|each)[\s\u00a0]+$", re.IGNORECASE)
_SIGN_WORD_BEFORE = re.compile(r"(?<!plus or )(?<![0-9] )\b(?:minus|negative)[\s\u00a0]+$", re.IGNORECASE)
_METRE_AFTER = re.compile(r"^(?:-|[ \u00a0]+(?:high|tall|long|wide|deep|away|above|below|under|thick|across|from|"
                          r"in[ \u00a0]+(?:diameter|length|height|depth|width)|sprint|race|dash|hurdles|relay|freestyle|"
                          r"butterfly|backstroke|breaststroke|medley|final|heats?|title|record|event|mark|line|barrier|"
                          r"world[ \u00a0]+record|gold|silver|bronze|metres?|meters?)\b)", re.IGNORECASE)
_METRE_BEFORE = re.compile(r"\b(?:height|tall|high|long|length|deep|depth|wide|width|metres?|meters?|distance|elevation|"
                           r"altitude|diameter|radius|wall|waves?|jump|jumped|throw|threw|sea level|depth|swim|run|ran|"
                           r"towers?|masts?|antennas?|antennae|spires?|summit|peak|cliffs?|tsunami|crater|dam|bridge|span)\b",
                           re.IGNORECASE)
# Words after "212.5m" that a height or a length takes, not a count: "a 212.5m tower", "0.4m lower",
# "at 1,350m altitude". A counted noun ("9m people") or money ("a £14m contract") reads a million.
_METRE_NOUN_AFTER = re.compile(r"^[ \u00a0]+(?:lower|higher|shorter|taller|deeper|wider|longer|altitude|elevation|"
                               r"towers?|masts?|antennas?|spires?|cliffs?|waves?|walls?|dams?|bridges?|drop|fall|climb|"
                               r"descent|span|yachts?|pool|shaft|tunnel|peak|summit|radius|diameter)\b", re.IGNORECASE)
# What may follow a bare "324m" that is no noun: punctuation, the end, or a function word ("from 324m to 330m").
_NO_NOUN_AFTER = re.compile(r"^(?:[ \u00a0]*(?:[,.;:!?)\]]|$)|[ \u00a0]+(?:to|and|or|à|in|at|on|by|with|for|from|of|"
                            r"above|below|when|after|before|but|while|then|is|was|were|are)\b)", re.IGNORECASE)
_METRES_WRITTEN = re.compile(r"[0-9][ \u00a0]?(?:metres|meters|metre|meter|ft|feet)\b|[0-9][ \u00a0]m\b(?![ \u00a0]?[a-z])")
_MONEY_M = re.compile(rf"[{re.escape(currencies.SIGN_CHARS)}][ \u00a0]?[0-9][0-9.,]*[ \u00a0]?(?:m|mn|million)\b")
_RANGE_AFTER_WORD = re.compile(rf"^(?:-?[\s\u00a0]+(?:to|or)[\s\u00a0]+|[\s\u00a0]*[-–][\s\u00a0]*)(?:{_WORD}|[$€£¥₹]?[0-9])\b", re.IGNORECASE)


def words_to_number(words: str) -> float | None:
    """'Twenty-two' -> 22, 'one hundred and fifty' -> 150, 'a million' -> 1e6, 'two dozen' -> 24."""
    total, current = 0.0, 0.0
    seen = False
    words = re.sub(r"lakh[\s\u00a0]+crores?", "lakhcrore", words.lower().strip())  # 1e5 x 1e7
    part = re.search(r"[\s\u00a0]+and[\s\u00a0]+an?[\s\u00a0]+(half|quarter)$", words)
    if part:  # "two and a half"
        whole = words_to_number(words[:part.start()])
        return None if whole is None else whole + (0.5 if part.group(1) == "half" else 0.25)
    for token in re.split(r"[\s\u00a0\u202f\-]+", words):
        if token in ("and", ""):
            continue
        if token in ("a", "an"):
            current, seen = 1, True
        elif token in UNITS:
            if current % 100 and (UNITS[token] >= 10 or current % 10):
                return None  # "three twenty", "one one hundred": not one number
            current += UNITS[token]
            seen = True
        elif token in TENS:
            if current % 100:
                return None
            current += TENS[token]
            seen = True
        elif token == "dozen":
            current = (current or 1) * 12
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in ("thousand", "million", "billion", "trillion", "lakh", "lakhs", "crore", "crores", "lakhcrore"):
            total += (current or 1) * SCALES.get(token, 1e12)
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(text: str) -> float | None:
    """A bare number phrase ('2,000', '1.8 million', '$275m', 'Twenty-two') -> its value."""
    m = _core(False, False).fullmatch(text.strip())
    if not m:
        return None
    value, _, scale = _core_value(m, False)
    return value * SCALES.get(scale, 1.0) if value is not None else None


def _core_value(m: re.Match[str], dot_page: bool) -> tuple[float | None, float, str]:
    """(value before scaling, rounding step, scale word) of a CORE match; the step is one unit of
    the last stated digit. The value is None for a figure no finite float holds."""
    num = m.group("num")
    scale = (m.group("scale") or m.group("gscale") or m.group("sscale") or m.group("tscale") or "")
    scale = scale if scale in ("M", "MM", "B", "K", "T") else scale.lower()
    if num[-1] in VULGAR:  # "2½", "¾"
        return (float(num[:-1]) if num[:-1] else 0.0) + VULGAR[num[-1]], VULGAR[num[-1]], scale
    scale = re.sub(r"^lakh[\s\u00a0\u202f\u2009]+crores?$", "lakh crore", scale)
    if num[0].isdigit() or num[0] == ".":
        if dot_page and (not scale or num.count(".") > 1) and _DOT_GROUPED.fullmatch(num):
            # "1.234.567 million": two dots cannot both be decimal points, scale or not
            digits = num.replace(".", "").replace(",", ".")
        elif dot_page and _COMMA_DECIMAL.fullmatch(num):
            digits = num.replace(",", ".")
        else:
            digits = re.sub(r"[, \u00a0\u202f\u2009]", "", num)
        if len(digits) > 40:
            return None, 0.0, scale  # no news figure has forty digits; a float would overflow or round away
        try:
            value = float(digits)
        except ValueError:
            return None, 0.0, scale  # digits no reading of the page's separators makes a number
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        step = 10.0 ** -decimals
        if not decimals:
            stripped = digits.rstrip("0")
            step = 10.0 ** (len(digits) - len(stripped)) if stripped else 1.0
    elif num.lower().startswith("half"):
        value, step = 0.5, 0.5  # "half a million"
    else:
        found = words_to_number(num)
        if found is None:
            return None, 0.0, scale
        value = found
        step = value if value < 20 else 10.0 ** (len(str(int(value))) - len(str(int(value)).rstrip("0")))
    if scale in ("dozen", "dozens"):
        return value * 12, 12.0, ""
    return value, step, scale


def blank(text: str, spans: Iterable[Span]) -> str:
    """`text` with the given spans replaced by spaces: same length, so offsets survive."""
    chars = list(text)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


class _Spans:
    """Sorted, non-overlapping spans with an O(log n) overlap test."""

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)  # spans starting before `end`
        return any(s < end and start < e for s, e in self.spans[max(0, i - 2):i])

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.spans.insert(i, (start, end))
        self.starts.insert(i, start)


@dataclass
class _Page:
    text: str
    core: re.Pattern[str]
    glued: re.Pattern[str]  # the core pattern without its left-hand checks, for figures glued to a word
    dot_groups: bool
    metres: bool = False  # the page writes lengths in metres or feet and no sums in millions


def find_quantities(text: str, masks: Iterable[Span] = ()) -> list[Quantity]:
    """Every stated quantity in `text`, hedge and range included, outside the masked spans."""
    original = text
    text = blank(text, sorted([*masks, *identifiers.apparatus(text)]))  # same length, so offsets still point into the original
    # What a page lost in conversion, put back at the same length: a rupee sign ("L750 cr"), a
    # fraction glyph ("21/2 days"), the space between an infobox label and its value ("Height85 m").
    text = _unglue_labels(_lost_fractions(currencies.misencoded_rupees(text)))
    # "1\u200b000": read without the invisible characters; `gaps[i]` is where, in the text read, the
    # i-th removed character stood, so an offset maps back by counting the gaps at or before it.
    gaps = [m.start() - i for i, m in enumerate(_INVISIBLE.finditer(text))]
    if gaps:
        text = _INVISIBLE.sub("", text)
    dot_groups, space_groups = _dot_page(text), bool(_SPACE_PAGE.search(text))
    indian = bool(_INDIAN_PAGE.search(text))
    page = _Page(text, _core(space_groups, dot_groups, indian), _core(space_groups, dot_groups, indian, True), dot_groups,
                 bool(_METRES_WRITTEN.search(text)) and not _MONEY_M.search(text))
    found: list[Quantity] = find_ratings(text)  # "Category 4", "magnitude 6.8": a scale's figure, not a count
    taken = _Spans((q.start, q.end) for q in found)
    for d in [*find_shares(text, _NUMWORDS, words_to_number),  # "half an hour", "an hour and a half"
              *find_durations(text, _NUMWORDS, words_to_number)]:  # "three hours and twenty minutes": one duration
        if not taken.overlaps(d.start, d.end):
            found.append(d)
            taken.add(d.start, d.end)
    for rx, make in ((_FRACTION_SCALE_RE, _fraction_of_scale), (_FRACTION_RE, _fraction)):
        for m in rx.finditer(text):
            q = make(text, m)
            if q is not None and not taken.overlaps(q.start, q.end):
                found.append(q)
                taken.add(q.start, q.end)
    cores = list(page.core.finditer(text))
    glued = [g for g in (page.glued.match(text, at) for at in _glued_at(text)) if g is not None]
    if glued:
        cores = sorted([*cores, *glued], key=lambda c: c.start())
    i = 0
    while i < len(cores):
        m = cores[i]
        i += 1
        if taken.overlaps(m.start(), m.end()):
            continue
        q, used_next = _quantity_at(page, m, cores[i] if i < len(cores) else None)
        if used_next:
            i += 1  # the range (or the score) consumed the next number
        if q is None or taken.overlaps(q.start, q.end):
            continue
        found.append(q)
        taken.add(q.start, q.end)
    for rx, make_vague in ((_VAGUE_RE, _vague), (_FEW_RE, _few), (_RANK_RE, _rank)):
        for m in rx.finditer(text):
            if taken.overlaps(m.start(), m.end()):  # masked spans are already blank in `text`
                continue
            q = make_vague(text, m)
            if q:
                found.append(q)
                taken.add(q.start, q.end)
    found = _inherit_hedges(_merge_two_sided(_converted_ranges(sorted(found, key=lambda q: q.start), text), text), text)
    if gaps:
        found = [replace(q, start=q.start + bisect.bisect_right(gaps, q.start),
                         end=q.end - 1 + bisect.bisect_right(gaps, q.end - 1) + 1) for q in found]
    return [replace(q, quote=original[q.start:q.end]) for q in found]


_CONVERSION_OPEN = re.compile(r"[\s\u00a0]*\([\s\u00a0]*")
_CONVERSION_CLOSE = re.compile(r"[\s\u00a0]*\)")


def _converted_ranges(found: list[Quantity], text: str) -> list[Quantity]:
    """ "between 5,100 km (3,169 mi) and 5,900 km (3,666 mi)": one range of the first unit; the
    converted ends in parentheses are its optional conversion, not figures of their own."""
    out: list[Quantity] = []
    i = 0
    while i < len(found):
        merged = _converted_range(found[i:i + 4], text) if i + 4 <= len(found) else None
        out.append(merged or found[i])
        i += 4 if merged else 1
    return out


def _converted_range(four: list[Quantity], text: str) -> Quantity | None:
    a, b, c, d = four
    if not (a.bound is Bound.EXACT and c.bound is Bound.EXACT and a.kind == c.kind and b.kind == d.kind
            and a.kind in ("measure", "money") and a.unit == c.unit and b.unit == d.unit
            and a.value is not None and c.value is not None and a.value < c.value):
        return None
    lead = re.search(r"\b(between|from)[\s\u00a0]+$", text[max(0, a.start - 12):a.start], re.IGNORECASE)
    joiner = r"(?:and|to)" if lead and lead.group(1).lower() == "between" else r"(?:to|through)"
    close = _CONVERSION_CLOSE.match(text, d.end)
    if not (close and _CONVERSION_OPEN.fullmatch(text, a.end, b.start) and _CONVERSION_OPEN.fullmatch(text, c.end, d.start)
            and re.fullmatch(rf"[\s\u00a0]*\)[\s\u00a0]*(?:{joiner}[\s\u00a0]+|[-–—][\s\u00a0]*)", text[b.end:c.start])):
        return None
    start = a.start - len(lead.group()) if lead else a.start
    return Quantity(start, close.end(), text[start:close.end()], a.kind, Bound.RANGE, None, a.value, c.value, a.unit)


def _merge_two_sided(found: list[Quantity], text: str) -> list[Quantity]:
    """"more than 10 and less than 20" is one range, not two bounds."""
    lower, upper = (Bound.OVER, Bound.AT_LEAST), (Bound.UNDER, Bound.AT_MOST)
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if prev and prev.value is not None and q.value is not None and re.fullmatch(
                r"[\s\u00a0,]*(?:and|but)?[\s\u00a0,]*", text[prev.end:q.start]):
            pair = {prev.bound: prev, q.bound: q}
            low = next((pair[b] for b in lower if b in pair), None)
            high = next((pair[b] for b in upper if b in pair), None)
            if (low is not None and high is not None and low is not high and low.value is not None
                    and high.value is not None and low.value < high.value):
                out[-1] = Quantity(prev.start, q.end, text[prev.start:q.end], prev.kind, Bound.RANGE, None,
                                   low.value, high.value, prev.unit or q.unit)
                continue
        out.append(q)
    return out


def _inherit_hedges(found: list[Quantity], text: str) -> list[Quantity]:
    """ "over 50 kilometres (31 miles)": a converted figure in parentheses takes the hedge of the
    figure it converts."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (prev is not None and q.bound is Bound.EXACT and q.value is not None and prev.value is not None
                and prev.bound not in (Bound.EXACT, Bound.RANGE) and prev.kind == q.kind
                and q.kind in ("measure", "money", "duration") and re.fullmatch(r"[\s\u00a0]*\([\s\u00a0]*", text[prev.end:q.start])):
            near = prev.bound in (Bound.UNDER, Bound.AT_MOST) and prev.low is not None and prev.low != 0
            low, high = interval(prev.bound, q.value, 0.0, near)
            q = replace(q, bound=prev.bound, low=low, high=high)
        out.append(q)
    return out


def _scale_factor(page: _Page, m: re.Match[str], scale: str, currency: str | None) -> float | None:
    """What the scale after a figure multiplies it by; 0.0 when a glued "m" means metres, -1.0 when a
    "k" means kilometres ("a 5K run"); None when the letters after the figure make it an identifier
    ("221B Baker Street", "4K TV")."""
    if not scale:
        return 1.0
    text = page.text
    after = text[m.end():m.end() + 30]
    if m.group("gscale") and not currency:
        if scale == "T" or (scale in ("B", "K") and re.match(r"[ \u00a0]+[A-Z0-9]", after)):
            return None
        if scale in ("k", "K") and re.match(r"[ \u00a0-](?:fun[ \u00a0]+)?(?:run|race|walk|swim|ride)\b", after, re.IGNORECASE):
            return -1.0  # "a 5K run": kilometres
        if scale in ("k", "K") and _METRE_AFTER.match(after) and not re.match(r"-", after):
            return -1.0  # "the trail is 12k long"
        if scale == "m":
            if _METRE_AFTER.match(after) or _METRE_NOUN_AFTER.match(after):
                return 0.0
            before = text[max(0, m.start() - 60):m.start()]
            if _NO_NOUN_AFTER.match(after) and not currencies.MONEY_TALK.search(before) and (
                    _METRE_BEFORE.search(before) or "," in m.group("num") or page.metres):
                # "the wall is 5m." where the sentence measures; "4,261m." (a million never takes a
                # thousands separator without a currency); "from 324m to 330m" on a page that writes
                # lengths in metres and no sums in millions
                return 0.0
            if ("," in m.group("num") and "." not in m.group("num") and not _COUNTED_AFTER.match(after)
                    and not currencies.MONEY_TALK.search(before)):
                return 0.0  # "7,409m (the old survey height)": a million is not written with a thousands separator
            if re.search(r"\bthe[ \u00a0]+$", text[max(0, m.start() - 10):m.start()], re.IGNORECASE) and re.match(
                    r"[ \u00a0]*(?:[,.;:!?)]|$)|[ \u00a0]+(?:in|at|on|for|with|and|to|by)\b", after):
                return 0.0  # "the 400m in 43 seconds": a race, not "the 9m people"
    return SCALES.get(scale.lower(), 1.0)


def _unit_after(text: str, end: int, before: str, scaled: bool, currency: str | None) -> tuple[str, str | None, float, int]:
    """Look right of a number for its unit: (kind, unit, multiplier, new end of the phrase)."""
    after = text[end:end + 40]
    m = re.match(r"[\s\u00a0]+percentage[\s\u00a0]+points?\b", after, re.IGNORECASE)
    if m:
        return "percent", "percentage point", 1.0, end + m.end()
    m = re.match(r"[\s\u00a0]*(?:%|per[\s\u00a0]?cent\b|percent\b|pc\b|pct\b)", after, re.IGNORECASE)
    if m:
        points = re.match(r"[\s\u00a0]+(?:age[\s\u00a0]+)?points?\b", after[m.end():], re.IGNORECASE)
        if points:
            return "percent", "percentage point", 1.0, end + m.end() + points.end()
        return "percent", "percent", 1.0, end + m.end()
    m = re.match(r"[\s\u00a0]+per[\s\u00a0]+([0-9][0-9,]*|thousand|hundred|million|capita|head)\b", after, re.IGNORECASE)
    if m:  # "15.88 per 1,000": a rate
        return "rate", "per " + m.group(1).replace(",", ""), 1.0, end + m.end()
    m = re.match(r"-year-old\b|[\s\u00a0]+years?[\s\u00a0]+old\b", after, re.IGNORECASE)
    if m:
        return "age", "year", 1.0, end + m.end()
    if not currency:
        money = currencies.currency_after(text, end, before, scaled)
        if money:
            return "money", money[0], 1.0, money[1]
    measure = units.unit_after(text, end)
    if measure and not (currency and measure[0] in ("m", "t", "B")):
        return "measure", measure[0], 1.0, measure[1]
    m = re.match(r"[\s\u00a0\-]+(?:more[\s\u00a0]+|long[\s\u00a0]+|full[\s\u00a0]+)?([a-z]+)", after, re.IGNORECASE)
    if m:
        first = m.group(1).lower()
        if first in TIME_UNITS:
            unit, mult = TIME_UNITS[first]
            return "duration", unit, float(mult), end + m.end(1)
    return "count", None, 1.0, end


def _is_not_a_quantity(page: _Page, m: re.Match[str], has_unit: bool) -> bool:
    """Years, dates, identifiers, list numbers, names, denominators: digits that state no amount."""
    text = page.text
    start, end = m.start("num"), m.end()
    num = m.group("num")
    before, after = text[max(0, start - 60):start], text[end:end + 40]
    is_digits = num[0].isdigit() or num[0] == "."
    if is_digits and re.match(r"^(?:st|nd|rd|th|s)\b|^[:/][0-9]|^\.[0-9]", after, re.IGNORECASE):
        return True  # ordinals, decades, clock times, dotted identifiers
    if not has_unit and re.match(r"^-(?!odd\b|year)[a-z]", after, re.IGNORECASE) and not _counted_compound(num, after):
        return True  # "3-pointer", "one-way", "a 5-star hotel": a compound, not a count; "19-year-old" is an age
    if identifiers.is_date(before, after):
        return True
    if is_digits and not m.group("cur") and identifiers.is_page_furniture(_line_before(text, start), after):
        return True  # "| 14 comments", "Comments (7)", "3 min read", "Page 2 of 5"
    if is_digits and not has_unit and identifiers.is_dot_clock(before, num, after):
        return True
    if is_digits and not has_unit and re.fullmatch(r"[0-9]{3,}", num) and re.search(
            rf"\b(?:{'|'.join(list(UNITS)[2:13])})[\s\u00a0]+$", before, re.IGNORECASE):
        return True  # "two 747 jumbo jets": a number right after a count is a model
    if re.search(r"[0-9]{4}(?:-[0-9]{1,2})+-$", before) or re.match(r"^-[0-9]{1,2}-[0-9]{1,2}", after):
        return True  # ISO dates and timestamps: "2020-09-24-11-01-26"
    if not has_unit and re.match(r"^[A-Z_]|^(?:,[0-9])+-[a-z]", after):
        return True  # glued to a capital or underscore ("3G", "01_file"), chemical locants ("1,2,3-tri...")
    if re.search(r"\bper[\s\u00a0]+$", before):
        return True  # denominators: "15.88 per 1,000"
    if (not is_digits and num[0].isupper() and not re.search(r"(?:^|[.!?:;\"“”(•·*]|\n|[-–—][\s\u00a0])[\s\u00a0]*$", before)
            and (re.match(r"^[\s\u00a0]+[A-Z][a-z]", after) or re.search(r"\b[A-Z][a-z]+[\s\u00a0]+(?:of[\s\u00a0]+)?$", before))):
        # part of a name: "the Four Corners region", "the Big Four", "the Gang of Four" (a number
        # word in capitals inside a sentence names, it does not count)
        line = text[max(text.rfind("\n", 0, start) + 1, start - 200):end + 200].split("\n")[0]
        if not _HEADLINE.fullmatch(line.strip()):
            return True
    if re.match(r"[0-9]+(?:(?:\.[0-9]+)+[ \t]+[A-Z]|[.)][ \t])", text[start:start + 20]) and re.search(r"(?:^|\n)[ \t]*$", before):
        return True  # numbering at the start of a line: "1.1 Background", "1. The first point", "2) then"
    if not m.group("cur") and not has_unit:
        line = text[max(text.rfind("\n", max(0, start - 200), start) + 1, start - 200):end + 120].split("\n")[0]
        if identifiers.is_named(before, after, line):
            return True
    if not m.group("cur") and identifiers.is_address_or_code(before, after, num):
        return True
    if re.search(r"[A-Za-z][\-–]$", before) and not re.search(r"[0-9](?:k|m|bn)[\-–]$", before):
        return True
    if re.match(r"^[-–][0-9]+[-–][0-9]", after) or re.search(r"[0-9][-–][0-9]+[-–]$", before):
        return True  # a chain of dashed numbers: "4-3-3", "555-123-4567"
    if re.fullmatch(r"0[0-9]+", num) or re.search(r"(?:\+|(?<![0-9.,])0)[0-9]+(?:[ -][0-9]{2,})*[ -]$", before):
        return True  # a leading zero is a code or a telephone number: "0800 123 4567", "+44 20 7946"
    if before.endswith("+") and re.match(r"^[ -][0-9]{2,}[ -][0-9]", after):
        return True
    if re.search(r"\b(?:1[0-9]{3}|20[0-9]{2})[\-–]$", before) and (len(num) == 2 or _YEARISH.match(num)):
        return True  # the end of a span of years: "2019-20", "1258–1259"
    if is_digits and not m.group("cur") and not m.group("scale") and not has_unit and _YEARISH.match(num):
        hedge = hedge_before(before)
        if not hedge:
            other = re.match(r"^[\s\u00a0]*[-–][\s\u00a0]*([0-9](?:[0-9,]*[0-9])?)", after)
            counted = _COUNTED_AFTER.match(after) and not _TIME_BEFORE.search(before)
            if not (other and not _YEARISH.match(other.group(1)) and len(other.group(1)) != 2) and not counted:
                return True  # a year (or a span of years) qualifies a claim, it is not one
        elif hedge[1] is Bound.APPROX and _YEAR_AFTER.match(after) and not _COUNT_BEFORE.search(before[:hedge[0]]):
            return True  # "around 1257, providing ...": a hedged year, not an approximate count
    if not is_digits:
        lowered = num.lower()
        if (lowered in ("one", "a", "an") and not m.group("scale") and not re.match(r"^[\s\u00a0]+each\b", after)
                and not (lowered == "one" and _ONE_COUNTED.match(after))
                and not (lowered == "one" and (_RANGE_AFTER_WORD.match(after) or _SIGN_WORD_BEFORE.search(before)))):
            return True  # "one of", "on the one hand", "one it cannot": not counts
        if _DETERMINER_BEFORE.search(before) and not m.group("scale") and not has_unit and not _counted_compound(num, after):
            return True  # "the two neighbouring countries": a reference, not a claim
        if lowered == "zero":
            return True
    return False


# A count in adjective form: "a 500-passenger ferry", "a 12-storey block", "a six-lane bridge". After
# digits any plain noun counts but the few that make a name, a rating or a multiplier; after a
# number word only nouns that are counted, since idioms abound ("one-way", "two-faced", "a one-off").
_COMPOUND_AFTER = re.compile(r"-(?P<noun>[a-z]{2,})\b(?![-'’])")
_NOT_COUNTED = frozenset({"star", "stars", "fold", "ish", "odd", "plus", "something", "somethings", "pointer", "pointers",
                          "seater", "seaters", "wheeler", "wheelers", "footer", "liner", "pounder", "decker", "timer",
                          "nil", "all", "to", "for", "in", "on", "and", "or", "of", "by", "up", "way", "peat", "th",
                          "cent", "cents", "dollar", "euro", "pound", "penny", "rupee", "yen", "dimensional", "sided",
                          "eleven", "love", "gun", "shot"})
_COUNTED_NOUNS = frozenset({
    "lane", "member", "seat", "bed", "bedroom", "room", "storey", "story", "floor", "page", "passenger", "person", "man",
    "woman", "strong", "nation", "country", "team", "car", "vehicle", "ship", "boat", "vessel", "plane", "aircraft",
    "truck", "engine", "door", "wheel", "hole", "game", "match", "race", "stage", "point", "part", "episode", "track",
    "city", "judge", "justice", "unit", "block", "carriage", "coach", "runway", "tower", "span", "arch", "deck",
    "mast", "berth", "cabin", "ward", "school", "house", "home", "village", "district", "county", "province",
    "island", "station", "platform", "gate", "terminal", "tonne", "ton", "crew", "officer", "soldier", "troop",
    "player", "child", "nurse", "doctor", "worker", "employee", "vote", "count", "charge"})


def _counted_compound(num: str, after: str) -> re.Match[str] | None:
    """The noun of "500-passenger" (`after` starts at the hyphen), or None when it is no count."""
    m = _COMPOUND_AFTER.match(after)
    if m is None or m.group("noun") in _NOT_COUNTED:
        return None
    if not (num[0].isdigit() or m.group("noun") in _COUNTED_NOUNS):
        return None
    return m


def _line_before(text: str, start: int) -> str:
    """The line up to `start`, or its last 200 characters after an "x" (so that no pattern takes
    them for the line's start) when the line is longer."""
    line_start = text.rfind("\n", max(0, start - 200), start) + 1
    if line_start == 0 and start > 200:
        return "x" + text[start - 200:start]
    return text[line_start:start]


def _pair_is_score(page: _Page, m: re.Match[str], nxt: re.Match[str] | None) -> bool:
    """ "won 3-1", "102-98": two plain integers joined by a dash that are a score, not a range."""
    if nxt is None or not re.fullmatch(r"[-–]", page.text[m.end():nxt.start()]):
        return False
    if any(x.group("cur") or x.group("sign") or x.group("gscale") or x.group("scale") or x.group("sscale")
           or not x.group("num").isdigit() for x in (m, nxt)):
        return False
    if units.unit_after(page.text, nxt.end()) or re.match(r"[\s\u00a0]*(?:%|per[\s\u00a0]?cent|percent)", page.text[nxt.end():nxt.end() + 12]):
        return False
    if _YEARISH.match(m.group("num")):
        return False  # "2019-20": the year rules read it
    before = page.text[max(0, m.start() - 60):m.start()]
    return identifiers.is_score(before, page.text[nxt.end():nxt.end() + 30], float(m.group("num")), float(nxt.group("num")))


def _quantity_at(page: _Page, m: re.Match[str], nxt: re.Match[str] | None) -> tuple[Quantity | None, bool]:
    """The quantity whose figure `m` matched (or None), and whether it consumed the next match `nxt`."""
    text = page.text
    value, step, scale = _core_value(m, page.dot_groups)
    if value is None:
        return None, False
    if _pair_is_score(page, m, nxt):
        return None, True
    start, end = m.start(), m.end()
    before = text[max(0, start - 30):start]
    cur = m.group("cur")
    currency = currencies.prefix_code(cur, text[max(0, start - 150):end + 150]) if cur else None
    factor = _scale_factor(page, m, scale, currency)
    if factor is None:
        return None, False
    metres = factor == 0.0
    kilometres = factor == -1.0
    scaled = bool(scale or (m.group("scale") or "").lower().startswith("dozen")) and not metres and not kilometres
    if scaled:
        value, step = value * factor, step * factor
    negative = bool(m.group("sign") or m.group("csign"))
    sign_word = _SIGN_WORD_BEFORE.search(before)
    if sign_word and not negative:
        negative, start, before = True, start - len(sign_word.group()), before[:sign_word.start()]
    unit: str | None
    if metres or kilometres:
        kind, unit, mult, qend = "measure", "m" if metres else "km", 1.0, end
    else:
        kind, unit, mult, qend = _unit_after(text, end, text[max(0, start - 150):start], scaled, currency)
    if (kind == "money" and not cur and not scaled and _YEARISH.match(m.group("num"))
            and re.search(r"(?:\(|\b(?:in|constant|real|of))[\s\u00a0]*$", before, re.IGNORECASE)):
        return None, False  # "(2005 USD)", "in 2010 dollars": the year a sum is priced in
    if kind == "count" and not scaled and value <= 13 and _SCHOOL_YEARS.search(before) and _SCHOOL_YEARS_AFTER.match(text, end):
        return None, True  # "in years seven to nine": school years, the second label goes with the first
    if _is_not_a_quantity(page, m, has_unit=kind != "count" or currency is not None or scaled):
        # "pp. 9-47", "in 2019-20", "March 3-4": the figure after the dash goes with this one
        return None, nxt is not None and re.fullmatch(r"[-–]", text[m.end():nxt.start()]) is not None
    # Ranges: "between A and B", "from A to B", "A-B", "A to B", "A or B"; the unit may follow
    # either end ("3% to 4%", "44 mg to 50 mg", "20-25 km3"). "Rose from 11 to 18" is a change.
    if nxt is not None and not _CHANGE_BEFORE.search(before):
        q = _range(page, m, nxt, value, step, scaled, currency, (kind, unit, mult, qend), start, before, negative)
        if q is not None:
            return q, True
    if unit == "°":
        unit = units.degrees_scale(text, start, qend) or unit  # "a temperature of 660 degrees"
    if currency:
        kind, unit = "money", currency
    elif kind == "count" and re.search(r"[A-Z][a-z]+,[\s\u00a0]*$", before) and text[end:end + 1] == "," and value < 130:
        kind, unit = "age", "year"  # "Omir Bekaly, 46, is": an appositive age
    elif kind == "count" and _AGE_BEFORE.search(before):
        kind, unit = "age", "year"  # "the age of 18", "aged over 60"
    compound = _counted_compound(m.group("num"), text[qend:qend + 30]) if kind == "count" and not currency and not scaled else None
    if compound:
        qend += compound.end()  # "500-passenger": the noun says what is counted
    each = re.match(r"[\s\u00a0]+each\b", text[qend:qend + 8])
    if each:
        qend += each.end()
    if negative:
        value = -value
    # "from three days to several months": only the lower end is a figure.
    if re.search(r"\bfrom[\s\u00a0]+$", before, re.IGNORECASE) and re.match(r"[\s\u00a0]+to[\s\u00a0]+(?:several|many|a few)\b", text[qend:qend + 20], re.IGNORECASE):
        value *= mult
        return _finite(Quantity(start, qend, text[start:qend], kind, Bound.AT_LEAST, value, value, None, unit)), False
    bound, near, qstart = Bound.EXACT, False, start
    wide = text[max(0, start - 80):start]
    hedge = hedge_of(wide)
    if hedge:
        phrase = " ".join(wide[hedge[0]:].split()).lower()
        bound, near = hedge[1], hedge[2]
        qstart = start - (len(wide) - hedge[0])
        if phrase in ("some", "over", "under", "about", "around") and kind == "count" and value < 10 and not scaled and not m.group("num")[0].isdigit():
            bound, qstart = Bound.EXACT, start  # "some two" is rare; "under one roof" is not a bound
        elif (phrase == "within" and kind == "measure" and units.FACTORS.get(unit or "", ("", 0.0))[0] == "m"
              and re.match(r"[\s\u00a0]+of\b", text[qend:qend + 6])):
            bound, qstart = Bound.EXACT, start  # "within 500 m of the wreck": the distance that bounds a zone is exact
    suffix = SUFFIX_RE.match(text[end:end + 16])
    if suffix and kind == "count" and bound is Bound.EXACT:
        bound = SUFFIX_BOUNDS[re.sub(r"[\s\u00a0-]+", " ", (suffix.group(1) or suffix.group(2)).lower()).strip()]
        qend = end + suffix.end()
    value *= mult
    step *= mult
    if m.group("tol") and bound is Bound.EXACT:  # "2,550 ± 50": the stated uncertainty is the interval
        tol = float(m.group("tol").replace(",", "")) * mult * SCALES.get((m.group("scale") or m.group("tscale") or "").lower(), 1.0)
        return _finite(Quantity(qstart, qend, text[qstart:qend], kind, Bound.APPROX, value, value - tol, value + tol, unit)), False
    low, high = interval(bound, value, allowance(value, step, scaled), near)
    return _finite(Quantity(qstart, qend, text[qstart:qend], kind, bound, value, low, high, unit)), False


# "and one member of the ground crew", "plus one ground crew member": one of a counted group
_ONE_COUNTED = re.compile(r"^[\s\u00a0]+(?:[a-z]+[\s\u00a0]+){0,2}(?:member|person|man|woman|passenger|worker|"
                          r"soldier|officer|civilian|victim|survivor|resident|student|employee|patient|journalist|firefighter|"
                          r"policeman|miner|sailor|pilot|tourist|crewman|crewmember|prisoner|detainee|protester)\b(?!['’]s)")
# Every word capitalised but the small ones: "Storm Kills Three People In Town"
_HEADLINE = re.compile(r"(?:(?:[A-Z0-9\"“‘'(][^\s]*|of|the|and|in|on|for|to|a|an|at|by|with|as|or|from)(?:[\s\u00a0]+|$))+")
# School years: "in years seven to nine", "across Years 7-9": labels, not a range of anything
_SCHOOL_YEARS = re.compile(r"\b(?i:in|into|across|from|between|through|of|for|school)[\s\u00a0]+(?:[Yy]ears|YEARS)[\s\u00a0]+$")
_SCHOOL_YEARS_AFTER = re.compile(r"[\s\u00a0]*(?:[-–]|to\b|and\b)[\s\u00a0]*(?:[0-9]{1,2}|one|two|three|four|five|six|seven|eight|"
                                 r"nine|ten|eleven|twelve|thirteen)\b(?![\s\u00a0]+[a-z]+s\b)", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:aged?|ages)(?:[\s\u00a0]+of)?[\s\u00a0]+(?:between[\s\u00a0]+)?(?:" + "|".join(
    re.escape(h) for h, _, _ in PREFIX_HEDGES if h.isalpha() or " " in h) + r")?[\s\u00a0]*$", re.IGNORECASE)


def _range(page: _Page, m: re.Match[str], nxt: re.Match[str], value: float, step: float, scaled: bool,
           currency: str | None, first_unit: tuple[str, str | None, float, int], start: int, before: str,
           negative: bool) -> Quantity | None:
    """The range that starts at `m` and ends at `nxt`, or None when the two are not one."""
    text = page.text
    kind, unit, mult, qend = first_unit
    lead = re.search(r"\b(between|from)[\s\u00a0]+$", before, re.IGNORECASE)
    if lead and lead.group(1).lower() == "between":
        joiner = r"[\s\u00a0]+(?:and|to)[\s\u00a0]+|[\s\u00a0]*[-–][\s\u00a0]*"
    elif lead:
        joiner = r"[\s\u00a0]+to[\s\u00a0]+|[\s\u00a0]*[-–][\s\u00a0]*"
    else:
        joiner = r"[\s\u00a0]*(?:-|–|—)[\s\u00a0]*|~|-?[\s\u00a0]+(?:to|or|through|thru)[\s\u00a0]+"
    ends = {m.end(), qend}
    # "between 5 -10%": the sign the pattern gave the second figure is the range's dash
    dash = bool(nxt.group("sign")) and not text[m.end():nxt.start()].strip() and text[m.end():nxt.start()] != ""
    if not dash and not any(re.fullmatch(joiner, text[e:nxt.start()]) for e in ends if e <= nxt.start()):
        return None
    if identifiers.is_date(text[max(0, nxt.start() - 60):nxt.start()], text[nxt.end():nxt.end() + 40]):
        return None  # "between 11,940 ± 40 and 2,550 ± 50 BP", "March 3-4": a span of dates
    high, _, high_scale = _core_value(nxt, page.dot_groups)
    if high is None:
        return None
    nxt_cur = nxt.group("cur")
    cur2 = currencies.prefix_code(nxt_cur, text[max(0, nxt.start() - 150):nxt.end() + 150]) if nxt_cur else None
    high_factor = _scale_factor(page, nxt, high_scale, currency or cur2)
    if high_factor is None or high_factor < 0 or _is_not_a_quantity(page, nxt, has_unit=True):
        return None
    unit2: str | None
    if high_factor == 0.0:  # metres
        kind2, unit2, mult2, qend2 = "measure", "m", 1.0, nxt.end()
    else:
        high *= high_factor
        kind2, unit2, mult2, qend2 = _unit_after(text, nxt.end(), text[max(0, start - 150):nxt.start()], bool(high_scale), currency or cur2)
    if (nxt.group("sign") and not dash) or nxt.group("csign"):
        high = -high
    if kind != "count" and kind2 != "count" and (kind, unit) != (kind2, unit2):
        return None  # "from 44 ml to 50 mg": two quantities, not one range
    if kind in ("percent", "measure", "duration", "rate", "age") and kind2 == "count":
        return None  # "fell 2% to 7,400": a share, then a count
    if kind2 == "count" and kind != "count":
        kind2, unit2, mult2, qend2 = kind, unit, mult, nxt.end()
    words_scale = re.search(rf"(?:{_SCALE_WORD})$", nxt.group("num"), re.IGNORECASE)
    if (not scaled and (high_scale or words_scale) and high_factor not in (0.0, 1.0)) or (not scaled and words_scale):
        factor = high_factor if high_scale else SCALES.get(words_scale.group().lower(), 1) if words_scale else 1
        if value * factor <= abs(high):  # "1.25 to 1.5 million", "three to four million"
            value, scaled = value * factor, True
    low = -value if negative else value
    if low < 0 and high < 0 and low > high:
        low, high = high, low  # "from -18 °C to -34 °C"
    if not low < high or high == 0:
        return None
    qstart = start - len(lead.group(0)) if lead else start
    kind_out = "money" if (currency or cur2) else kind2
    unit_out = currency or cur2 or unit2
    if kind_out == "count" and _AGE_BEFORE.search(text[max(0, qstart - 30):qstart] + " "):
        kind_out, unit_out = "age", "year"
    return _finite(Quantity(qstart, qend2, text[qstart:qend2], kind_out, Bound.RANGE, None, low * mult2, high * mult2, unit_out))


def _finite(q: Quantity) -> Quantity | None:
    """Skip a quantity whose numbers no finite float holds (a 400-digit figure, an overflowing scale)."""
    if any(x is not None and not math.isfinite(x) for x in (q.value, q.low, q.high)):
        return None
    return q


def _hedged(text: str, start: int, value: float) -> tuple[Bound, int, float | None, float | None]:
    """The hedge before a share or fraction ("nearly half", "more than a third"): bound, start, low, high."""
    before = text[max(0, start - 30):start]
    hedge = hedge_before(before)
    if hedge is None or EMPHASIS_BEFORE.search(before[:hedge[0]] + " "):
        return Bound.EXACT, start, value, value
    bound, near = hedge[1], hedge[2]
    low, high = interval(bound, value, 0.0, near)
    return bound, start - (len(before) - hedge[0]), low, high


def _vague(text: str, m: re.Match[str]) -> Quantity:
    word = re.sub(r"\s+", " ", m.group("q").lower())
    low, high = VAGUE[word]
    after = text[m.end():m.end() + 20].lower()
    money = re.match(r"\s+of\s+(dollars|euros|pounds|yuan|tenge)", after)
    kind, unit = ("money", currencies.WORDS[money.group(1)]) if money else ("count", None)
    return Quantity(m.start("q"), m.end("q"), m.group("q"), kind, Bound.APPROX, None, low, high, unit, vague=True)


def _few(text: str, m: re.Match[str]) -> Quantity:
    """ "a few hundred", "several thousand": multiples of the scale word, by the convention in hedges.py."""
    lo, hi = FEW if m.group("how").lower().startswith("a") else SEVERAL
    scale = 12.0 if m.group("s").lower() == "dozen" else SCALES[m.group("s").lower()]
    if m.group("s2"):
        scale *= 1e3
    money = re.match(r"\s+of\s+(dollars|euros|pounds|yuan|tenge)", text[m.end():m.end() + 20], re.IGNORECASE)
    kind, unit = ("money", currencies.WORDS[money.group(1).lower()]) if money else ("count", None)
    return Quantity(m.start("q"), m.end("q"), m.group("q"), kind, Bound.APPROX, None, lo * scale, hi * scale, unit, vague=True)


def _fraction(text: str, m: re.Match[str]) -> Quantity | None:
    group = "q" if m.group("q") else "q2"
    phrase = re.sub(r"\s+", " ", m.group(group).lower())
    if phrase in FRACTIONS:
        value = FRACTIONS[phrase]
    else:  # "1 in 6", "one-in-ten": a share
        a, b = re.split(r"[\s-]in[\s-]", phrase)
        num = float(a) if a.isdigit() else words_to_number(a)
        den = float(b) if b.isdigit() else words_to_number(b)
        if not num or not den or num >= den:
            return None  # "filled 3 in 0.5 seconds", "1 in 0": no share
        value = 100 * num / den
    bound, start, low, high = _hedged(text, m.start(group), value)
    return Quantity(start, m.end(group), text[start:m.end(group)], "percent", bound, value, low, high, "percent")


def _fraction_of_scale(text: str, m: re.Match[str]) -> Quantity | None:
    """ "three-quarters of a million" -> 750,000; "half a million" is read by the core pattern."""
    share = FRACTIONS[re.sub(r"[\s\u00a0]+", " ", m.group("f").lower())]
    if share == 50:
        return None  # "half a million", "five and a half million": the core pattern reads these
    value = share / 100 * SCALES[m.group("s").lower()]
    bound, start, low, high = _hedged(text, m.start("q"), value)
    if bound is Bound.EXACT:
        low, high = interval(bound, value, allowance(value, value, True))  # as round as "250,000"
    return Quantity(start, m.end("q"), text[start:m.end("q")], "count", bound, value, low, high, None)


def _rank(text: str, m: re.Match[str]) -> Quantity:
    first = re.split(r"[\s-]", m.group("q").lower())[0]
    value = float(ORDINALS[first] if first in ORDINALS else int(first[:-2]))
    return Quantity(m.start("q"), m.end("q"), m.group("q"), "rank", Bound.EXACT, value, value, value, "rank")
