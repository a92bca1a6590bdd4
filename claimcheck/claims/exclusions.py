"""Digits that state no amount, asked of each figure the pattern finds: ordinals, decades, clock
times, dates and years, identifiers and names, list numbering, addresses and codes, compounds
("3-pointer", "one-way"), page furniture, and scores ("won 3-1"; `pair_is_score`). Counts in
adjective form are amounts after all ("a 500-passenger ferry"; `counted_compound`). The questions
about names, dates and scores themselves are `identifiers.py`'s. Pure Python.
"""
from __future__ import annotations

import re

from ..model import Bound
from . import identifiers, units
from .habits import Page
from .hedges import hedge_before
from .numwords import UNITS, WORD

YEARISH = re.compile(r"^(1[0-9]{3}|20[0-9]{2}|2100)$")
# After a hedged year ("around 1257, ...", "around 1250 and ..."): punctuation, a function word, or another year.
_YEAR_AFTER = re.compile(r"^(?:[\s\u00a0]*(?:[,.;:)!?\]]|$)|[\s\u00a0]+(?:and|or|to|when|but|the|a|an|in|at|on|by|with|"
                         r"after|before|until|as|while|during|which|that|where|there|it|he|she|they|we|because|since|"
                         r"following|providing|AD|BC|CE|BCE)\b|[\s\u00a0]*[-–][\s\u00a0]*(?:1[0-9]{3}|20[0-9]{2})\b)")
_COUNT_BEFORE = re.compile(r"\b(?:of|were|was|is|are|be|been|being|reached|numbered|numbering|totall?ed|totall?ing|"
                           r"estimated|put|rose to|fell to|to)[\s\u00a0]*$", re.IGNORECASE)
# A year-sized figure that counts people or things: "1000 people", "killed 1500 civilians" (not "In 1999 people ...")
COUNTED_AFTER = re.compile(r"^[\s\u00a0]+(?:more[\s\u00a0]+|new[\s\u00a0]+|other[\s\u00a0]+)?(?:people|persons|residents|families|"
                            r"households|children|men|women|workers|employees|jobs|soldiers|troops|police|officers|students|"
                            r"deaths|cases|homes|houses|buildings|cars|vehicles|passengers|refugees|migrants|prisoners|"
                            r"detainees|protesters|demonstrators|civilians|delegates|members|votes|signatures|patients|"
                            r"doctors|nurses|teachers|staff|fans|visitors|tourists|users|customers|companies|firms|schools|"
                            r"villages|sites|camps|facilities|stores|shops|trees|animals|species|victims|casualties)\b", re.IGNORECASE)
_TIME_BEFORE = re.compile(r"\b(?:in|since|by|until|till|from|during|before|after|spring|summer|"
                          r"autumn|fall|winter|early|late|mid)[\s\u00a0]+$", re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|these|those|its|their|his|her|our|your|my|all|both|every|each)[\s\u00a0]+$", re.IGNORECASE)
SIGN_WORD_BEFORE = re.compile(r"(?<!plus or )(?<![0-9] )\b(?:minus|negative)[\s\u00a0]+$", re.IGNORECASE)
_RANGE_AFTER_WORD = re.compile(rf"^(?:-?[\s\u00a0]+(?:to|or)[\s\u00a0]+|[\s\u00a0]*[-–][\s\u00a0]*)(?:{WORD}|[$€£¥₹]?[0-9])\b", re.IGNORECASE)


def is_not_a_quantity(page: Page, m: re.Match[str], has_unit: bool) -> bool:
    """Years, dates, identifiers, list numbers, names, denominators: digits that state no amount."""
    text = page.text
    start, end = m.start("num"), m.end()
    num = m.group("num")
    before, after = text[max(0, start - 60):start], text[end:end + 40]
    is_digits = num[0].isdigit() or num[0] == "."
    if is_digits and re.match(r"^(?:st|nd|rd|th|s)\b|^[:/][0-9]|^\.[0-9]", after, re.IGNORECASE):
        return True  # ordinals, decades, clock times, dotted identifiers
    if not has_unit and re.match(r"^-(?!odd\b|year)[a-z]", after, re.IGNORECASE) and not counted_compound(num, after):
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
    if re.search(r"\b(?:1[0-9]{3}|20[0-9]{2})[\-–]$", before) and (len(num) == 2 or YEARISH.match(num)):
        return True  # the end of a span of years: "2019-20", "1258–1259"
    if is_digits and not m.group("cur") and not m.group("scale") and not has_unit and YEARISH.match(num):
        hedge = hedge_before(before)
        if not hedge:
            other = re.match(r"^[\s\u00a0]*[-–][\s\u00a0]*([0-9](?:[0-9,]*[0-9])?)", after)
            counted = COUNTED_AFTER.match(after) and not _TIME_BEFORE.search(before)
            if not (other and not YEARISH.match(other.group(1)) and len(other.group(1)) != 2) and not counted:
                return True  # a year (or a span of years) qualifies a claim, it is not one
        elif hedge[1] is Bound.APPROX and _YEAR_AFTER.match(after) and not _COUNT_BEFORE.search(before[:hedge[0]]):
            return True  # "around 1257, providing ...": a hedged year, not an approximate count
    if not is_digits:
        lowered = num.lower()
        if (lowered in ("one", "a", "an") and not m.group("scale") and not re.match(r"^[\s\u00a0]+each\b", after)
                and not (lowered == "one" and _ONE_COUNTED.match(after))
                and not (lowered == "one" and (_RANGE_AFTER_WORD.match(after) or SIGN_WORD_BEFORE.search(before)))):
            return True  # "one of", "on the one hand", "one it cannot": not counts
        if _DETERMINER_BEFORE.search(before) and not m.group("scale") and not has_unit and not counted_compound(num, after):
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


def counted_compound(num: str, after: str) -> re.Match[str] | None:
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


def pair_is_score(page: Page, m: re.Match[str], nxt: re.Match[str] | None) -> bool:
    """ "won 3-1", "102-98": two plain integers joined by a dash that are a score, not a range."""
    if nxt is None or not re.fullmatch(r"[-–]", page.text[m.end():nxt.start()]):
        return False
    if any(x.group("cur") or x.group("sign") or x.group("gscale") or x.group("scale") or x.group("sscale")
           or not x.group("num").isdigit() for x in (m, nxt)):
        return False
    if units.unit_after(page.text, nxt.end()) or re.match(r"[\s\u00a0]*(?:%|per[\s\u00a0]?cent|percent)", page.text[nxt.end():nxt.end() + 12]):
        return False
    if YEARISH.match(m.group("num")):
        return False  # "2019-20": the year rules read it
    before = page.text[max(0, m.start() - 60):m.start()]
    return identifiers.is_score(before, page.text[nxt.end():nxt.end() + 30], float(m.group("num")), float(nxt.group("num")))


# "and one member of the ground crew", "plus one ground crew member": one of a counted group
_ONE_COUNTED = re.compile(r"^[\s\u00a0]+(?:[a-z]+[\s\u00a0]+){0,2}(?:member|person|man|woman|passenger|worker|"
                          r"soldier|officer|civilian|victim|survivor|resident|student|employee|patient|journalist|firefighter|"
                          r"policeman|miner|sailor|pilot|tourist|crewman|crewmember|prisoner|detainee|protester)\b(?!['’]s)")
# Every word capitalised but the small ones: "Storm Kills Three People In Town"
_HEADLINE = re.compile(r"(?:(?:[A-Z0-9\"“‘'(][^\s]*|of|the|and|in|on|for|to|a|an|at|by|with|as|or|from)(?:[\s\u00a0]+|$))+")
