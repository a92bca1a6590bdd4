"""One figure: the pattern of digits or number words with its currency, sign, scale and stated
uncertainty (`figure_pattern`), its value and rounding step (`figure_value`), and what a scale
letter after it multiplies it by ("9m people" a million, "a 5m wall" metres, "a 5K run"
kilometres; `scale_factor`). `parse_number` reads a bare number phrase. Pure Python.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import currencies, identifiers
from .exclusions import COUNTED_AFTER
from .habits import Page
from .hedges import SP as _SP
from .numwords import NUM, NUMWORDS, SCALE_WORD, SCALES, VULGAR, VULGAR_CHARS, WORD, words_to_number

_NOT_BEFORE = r"\w/.,:°º′″" + re.escape(currencies.SIGN_CHARS)
_DOT_GROUPED = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?")
_COMMA_DECIMAL = re.compile(r"[0-9]+,[0-9]{1,2}")


@lru_cache(maxsize=16)
def figure_pattern(space_groups: bool, dot_groups: bool, indian: bool = False, glued: bool = False) -> re.Pattern[str]:
    """The pattern of one figure: currency, sign, digits or words, scale, stated uncertainty.
    On a page that counts in lakh and crore (`indian`), "cr" is a crore: "Rs 7,413 cr". The
    `glued` variant has no left-hand checks and no currency or sign: it is only tried where
    `glued_at` says a figure is glued to a word."""
    crore = "cr|Cr|crs|Crs|" if indian else ""
    groups = [rf"[0-9]*[{VULGAR_CHARS}]", r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])", r"[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?![0-9])",
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
        rf"{prefix}(?P<num>{digits}|\.[0-9]+|{NUMWORDS}(?:{_SP}and{_SP}an?{_SP}(?:half|quarter)\b(?!{_SP}of\b))?"
        rf"|an?{_SP}hundred{_SP}and{_SP}(?:{WORD})(?:-(?:{WORD}))?\b|an?(?={_SP}(?:{SCALE_WORD}|dozen)\b)"
        rf"|half(?:{_SP}an?)?(?={_SP}(?:{SCALE_WORD}|dozen)\b))"
        rf"(?:(?P<gscale>(?-i:{crore}[bB][nN]|[mM][nN]|mln|mil|bln|[tT][nN]|trn|tln|MM|k|K|m|M|b|B|T))(?![\w])"
        rf"|(?:{_SP}|(?<=[0-9])|-(?=(?:million|billion|trillion)-[a-z]))(?P<scale>{SCALE_WORD}|dozens?)\b"
        rf"|[ \u00a0](?P<sscale>(?-i:{crore}bn|BN|mn|mln|bln|tn|trn|B|M)|(?(cur)(?-i:m|k|b)|(?!)))(?![\w]))?"
        rf"(?:[\s\u00a0]*(?:±|\+/-|\+/−)[\s\u00a0]*(?P<tol>(?:{NUM})(?:\.[0-9]+)?)(?:{_SP}(?P<tscale>{SCALE_WORD})\b)?)?",
        re.IGNORECASE)


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


def parse_number(text: str) -> float | None:
    """A bare number phrase ('2,000', '1.8 million', '$275m', 'Twenty-two') -> its value."""
    m = figure_pattern(False, False).fullmatch(text.strip())
    if not m:
        return None
    value, _, scale = figure_value(m, False)
    return value * SCALES.get(scale, 1.0) if value is not None else None


def figure_value(m: re.Match[str], dot_page: bool) -> tuple[float | None, float, str]:
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


def scale_factor(page: Page, m: re.Match[str], scale: str, currency: str | None) -> float | None:
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
        if scale in ("B", "K", "M") and identifiers.names_before(text[max(0, m.start() - 40):m.start()]):
            return None  # "Class 8B", "Block 4M": a name, not billions
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
            if ("," in m.group("num") and "." not in m.group("num") and not COUNTED_AFTER.match(after)
                    and not currencies.MONEY_TALK.search(before)):
                return 0.0  # "7,409m (the old survey height)": a million is not written with a thousands separator
            if re.search(r"\bthe[ \u00a0]+$", text[max(0, m.start() - 10):m.start()], re.IGNORECASE) and re.match(
                    r"[ \u00a0]*(?:[,.;:!?)]|$)|[ \u00a0]+(?:in|at|on|for|with|and|to|by)\b", after):
                return 0.0  # "the 400m in 43 seconds": a race, not "the 9m people"
    return SCALES.get(scale.lower(), 1.0)
