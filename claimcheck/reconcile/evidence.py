"""Evidence that two claims state the same quantity, weighed field by field.

Inside a block (a concept and subgroup for counts, "deaths", "deaths of Americans"; a dimension
for measures, a kind for money) two claims are scored on what they share, each field weighted by
where it was read:

    concept  +1 both name the same one; 0, and a doubt, when only one does (+0.5 for a measure
             on one distinctive figure, its unit saying its dimension; a concept the page lends:
             -0.5 more, and it gives way to one a sentence states); two different ones never join
             ("height" and "length" of one dam)
    defined  +1 one defining qualifier on both sides ("deck", "within three days"); a doubt when
             only one side says it
    figure   +1 the same figure to its last digit, or its exact conversion, with three or more
             significant digits; +0.5 with two; round and small figures say nothing
    topic    +2 named in both sentences, +1.5 stated on one side and lent by the document on the
             other, +1 lent by both documents; -1 when the documents' topics do not meet;
             two sentences naming different things ("the Nile", "the Amazon") never join
    time     +1 stated on both sides, +0.5 on one, +0.25 both lent by their documents; times that
             cannot overlap keep the claims apart when both sides state them, and cost up to 1
             point otherwise (a page's most named year is a guess)
    place    +1 stated alike; stated differently keeps them apart
    event    +0.5 the same verb; proper +1 both count the same named group ("Kazakhs")

Cannot-link rules, whatever the score: different concepts, different set qualifiers ("other",
"additional"), different defining qualifiers on both sides ("within three days" / "within two
weeks"), stated times that do not overlap, and, for figures that clash, a ratio beyond what one
quantity told by two publishers plausibly spans (see `PLAUSIBLE_RATIO`; temperatures, on an
interval scale, by their difference). `raise_clash` says when a
clash between two claims that do meet is still not worth raising.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz

from ..claims.frames import time_bounds
from ..model import Claim, Frame, Kind
from .blocking import base_value

JOIN = 2.0  # the score at or above which two claims of one block are one quantity
CONCEPT = 1.0  # what sharing a lexicon concept (the block) is worth
CANNOT = -99.0
# Set qualifiers make another set ("35 other countries" are not "35 countries"): both sides must agree.
SET_QUALIFIERS = frozenset({"other", "additional", "further", "remaining", "new", "former", "more", "extra",
                            "aboard"})
# Words that describe without redefining: "the total death toll" is the death toll.
SOFT_QUALIFIERS = frozenset({"part", "total", "overall", "combined", "in total", "in all", "so far", "to date", "largest",
                             "biggest", "smallest", "change", "registered", "confirmed"})
# Qualifiers that place a figure before or after an event, or foresee it: one side only, with a
# clash, is two states ("before the eruption", "a forecast of 40,000" against the count).
TEMPORAL = frozenset({"before", "after", "forecast"})
# Two publishers' figures for one quantity clash by a little, or by a slip; beyond this ratio a
# clash means two quantities ("62 survivors", "61 crew"; "24 square miles" of valley, "230" of forest).
PLAUSIBLE_RATIO = 1.75
# Temperatures sit on an interval scale, where a ratio means nothing: a cooling of "0.5°C" and one
# of "more than 1.1 deg C" are 0.6 degrees apart, one quantity told twice, not "twice as much".
TEMPERATURE_SPREAD = 1.0
STRONG = 3.0  # evidence at which a wide ratio is plausible: both sentences state enough to be sure
STRONG_RATIO = 15.0  # ... up to a digit too many or too few ("850 mph" for 78); "up to 40 metres" and "80 km" are two things


@dataclass(frozen=True)
class Evidence:
    score: float
    said: tuple[str, ...]  # what was shared, in words: "topic from both documents", "time stated"
    weak: tuple[str, ...] = ()  # what makes a conflict between them only `possible`
    # A clash worth raising at all: a definition only one side states ("average speed", "in 2005
    # dollars") on top of a topic neither sentence names is two doubts, and such clashes were
    # nearly always two quantities on the development pages.
    raise_clash: bool = True


def qualifiers(f: Frame) -> tuple[frozenset[str], frozenset[str]]:
    """(set qualifiers, defining qualifiers) of a frame's scope."""
    return _qualifiers(f.scope)


@lru_cache(maxsize=4096)
def _qualifiers(scope: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    words = frozenset(scope)
    return words & SET_QUALIFIERS, words - SET_QUALIFIERS - SOFT_QUALIFIERS


def topic_words(f: Frame) -> list[str]:
    return list(_words(f.topic)) if f.topic else []


@lru_cache(maxsize=65536)
def _words(topic: str) -> tuple[str, ...]:
    return tuple(topic.split())


@lru_cache(maxsize=65536)
def _bounds(time: str | None) -> tuple[str, str] | None:
    return time_bounds(time)


def _alike(a: str, b: str) -> bool:
    """One name: equal, a spelling variant ("Krakatoa", "Krakatau"), or an abbreviation ("Wash.")."""
    if a == b:
        return True
    if a[:2] != b[:2]:
        return False  # both an abbreviation and a spelling variant keep the first letters
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return (len(short) >= 4 and long.startswith(short)) or (len(short) >= 5 and fuzz.ratio(a, b) >= 80)


# Names that set a story's scene rather than say what it is about: continents, oceans, the
# countries and peoples news names most. Two pages about a German airship and a ship a German
# submarine sank share "German", "Germany", "Atlantic" and are still about two things.
BACKGROUND = frozenset(" ".join((
    "africa african america american americas americans asia asian atlantic australia australian britain british",
    "canada canadian china chinese england english europe european france french german germans germany india",
    "indian indians italy italian japan japanese mexico mexican pacific russia russian soviet spain spanish",
    "usa uk us u.s. western eastern northern southern",
)).split())


def _topics_meet(ta: list[str], tb: list[str]) -> int:
    """2: one topic; 1: related names; 0: the pages are about different things.

    Names that only set the scene (`BACKGROUND`) are left out first. Then one topic when the first
    two names of each page meet, when either page's first name is anywhere in the other's list, or
    when one of either page's first two names is in the other's list and a second name is shared
    too (a single name stated in a sentence, "the Amazon", is enough on its own). Related names, one
    lead name or two shared ones, are a hint worth nothing by themselves: "Wash.", the state a page
    names beside its volcano, meets "Washington" on a page about a tower, and nothing else does.
    """
    ta, tb = [w for w in ta if w not in BACKGROUND] or ta, [w for w in tb if w not in BACKGROUND] or tb
    if any(_alike(x, y) for x in ta[:2] for y in tb[:2]) or any(_alike(ta[0], y) for y in tb) \
            or any(_alike(tb[0], x) for x in ta):
        return 2
    lead = any(_alike(x, w) for x in ta[:2] for w in tb) or any(_alike(x, w) for x in tb[:2] for w in ta)
    shared = sum(any(_alike(x, y) for y in tb) for x in ta)
    if lead and (shared >= 2 or min(len(ta), len(tb)) == 1):
        return 2
    return 1 if lead or shared >= 2 else 0


# What two times that do not overlap cost, by how each was said: a date in the figure's sentence,
# the story's present ("on Saturday"), its paragraph's one year, its page's most named year. Two
# stated dates, or one and the present, are two quantities (a cannot-link above); either against a
# paragraph's year is likely another time; a page's most named year is a guess (often the year
# the thing was built, not the year of its disaster), so it costs little or nothing.
_TIME_GAP = {("now", "paragraph"): 1.0, ("date", "paragraph"): 0.5, ("document", "now"): 0.5,
             ("now", "now"): 0.0, ("date", "document"): 0.0, ("paragraph", "paragraph"): 0.0,
             ("document", "paragraph"): 0.0, ("document", "document"): 0.0}


def _said(f: Frame) -> str:
    return "now" if f.time == "now" else "date" if f.time_from == "sentence" else f.time_from or "document"


def _firm(f: Frame) -> bool:
    """A time the figure's own sentence gives, a date rather than the story's present ("on Friday")."""
    return f.time_from == "sentence" and f.time != "now"


def weigh(a: Claim, b: Claim) -> Evidence:
    """How strongly `a` and `b`, already in one block, state the same quantity."""
    fa, fb = a.frame, b.frame
    if fa is None or fb is None:
        return Evidence(CANNOT, ())
    sa, da = qualifiers(fa)
    sb, db = qualifiers(fb)
    if sa != sb or (da and db and da != db):
        return Evidence(CANNOT, ("different qualifiers",))
    said: list[str] = []
    weak: list[str] = []
    same = _same_figure(a, b)
    lent_a, lent_b = fa.concept_from == "document", fb.concept_from == "document"
    if fa.concept and fb.concept and fa.concept != fb.concept and lent_a != lent_b:
        # a concept the page lends is its usual one, a guess: against one a sentence states it is
        # no concept at all ("measures 11.8 km" on a page of heights, against "11.8 km long")
        fa, fb = (replace(fa, concept=None), fb) if lent_a else (fa, replace(fb, concept=None))
    if fa.concept and fb.concept and fa.concept != fb.concept:
        if same < 1.0 or a.kind is not Kind.MONEY:
            return Evidence(CANNOT, ("different concepts",))
        # What a sum is for is read from the nearest word, and a page's words mislead it ("of the
        # €48 million given to the appeal, €31 million has been spent" reads as a cost); one sum to
        # its last digit says more than that reading. A measure's concept sits beside it ("212
        # metres high", "212 metres long"): two of them stay two quantities.
        score = 0.0
        weak.append(f"they are read as {fa.concept} and {fb.concept}")
    elif fa.concept and fb.concept:
        score = CONCEPT
    elif fa.concept or fb.concept:
        # a measure's unit says its dimension: with one distinctive figure, half of what a concept
        # says ("350 m" of a deck's height against "350 metres" of the deck)
        score = 0.5 if a.kind is Kind.MEASURE and same >= 1.0 else 0.0
        weak.append("only one says what it measures")
    else:
        # a block of one counted noun ("16 gas cells"): the noun stands for the concept; measures
        # and money share a block by dimension only, so there two nouns must meet
        score = CONCEPT if a.kind not in (Kind.MEASURE, Kind.MONEY) or (fa.entity and fa.entity == fb.entity) else \
            0.5 if a.kind is Kind.MEASURE and same >= 1.0 else 0.0  # the unit's dimension, as above
    if same > 0:
        score += same
        said.append("the same figure")
    if bool(da) != bool(db):
        weak.append(f"only one says {', '.join(sorted(da or db))!r}")
    elif da and da == db and da - TEMPORAL:  # "after the flood" twice says when, not what
        # the same definition said on both sides is what the figures are of: "the deck, 350 metres
        # up" and "the deck at 360 m"; "within three days" twice
        score += 1.0
        said.append(f"both say {', '.join(sorted(da))!r}")
    if fa.concept_from == "document" or fb.concept_from == "document":
        score -= 0.5
        weak.append("what one figure measures is read from its page, not its sentence")
    # topic
    ta, tb = topic_words(fa), topic_words(fb)
    stated_a, stated_b = fa.topic_from == "sentence", fb.topic_from == "sentence"
    lent = False  # the topic is only the pages' on both sides
    if ta and tb:
        if stated_a and stated_b and not any(_alike(x, y) for x in ta for y in tb):
            return Evidence(CANNOT, ("different topics named",))
        meet = _topics_meet(ta, tb)
        if meet == 2:
            both = stated_a + stated_b
            score += (1.0, 1.5, 2.0)[both]
            said.append(("topic from each document", "topic named on one side", "topic named in both")[both])
            lent = not both
        elif meet == 1:
            said.append("documents about related names")
            lent = True
        else:
            score -= 1.5 if stated_a or stated_b else 1.0
    if lent:
        weak.append("the topic is inherited on both sides")
    # time
    ba, bb = _bounds(fa.time), _bounds(fb.time)
    if ba and bb:
        firm_a, firm_b = _firm(fa), _firm(fb)
        if ba[1] < bb[0] or bb[1] < ba[0]:
            if (firm_a or fa.time == "now") and (firm_b or fb.time == "now"):
                return Evidence(CANNOT, ("times do not overlap",))  # two dates, or a date and the present
            x, y = sorted((_said(fa), _said(fb)))
            score -= _TIME_GAP[(x, y)]
        else:
            score += (0.25, 0.5, 1.0)[firm_a + firm_b]
            if firm_a and firm_b:
                said.append(f"time {fa.time if fa.time == fb.time else f'{fa.time}/{fb.time}'}")
    # place: a dateline lends a place, but only stated places speak for or against
    if fa.place and fb.place and fa.place_from == "sentence" and fb.place_from == "sentence":
        if not _alike(fa.place, fb.place):
            return Evidence(CANNOT, ("places differ",))
        score += 1.0
        said.append(f"place {fa.place}")
    if fa.event and fa.event == fb.event:
        score += 0.5
    elif a.kind is Kind.DURATION:
        weak.append("the two durations do not say they time the same thing")
    if fa.proper and fb.proper and fa.entity == fb.entity:
        score += 1.0
        said.append(f"both count {fa.entity}")
    # Two ratings on one scale are often two moments ("a Category 5 storm" at its peak, "Category
    # 3" at landfall): they group when they agree, and a clash between them is not raised.
    return Evidence(score, tuple(said), tuple(weak),
                    raise_clash=not (lent and bool(da) != bool(db)) and a.kind is not Kind.RATING)


def _digits(x: float) -> int:
    """Significant digits of a stated figure: 1,577 has 4, 4.1 billion 2, 9,000 one."""
    text = f"{abs(x):.6g}".split("e")[0].replace(".", "").strip("0")
    return len(text)


def _same_figure(a: Claim, b: Claim) -> float:
    """Two publishers giving one figure to the last digit (or its exact conversion: 279 ft, 85 m)
    are likely telling one quantity; the more digits, the less likely a coincidence. Round and
    small numbers ("20", "9,000") say nothing."""
    if a.value is None or b.value is None:
        return 0.0
    # one unit compares as written; two (279 ft, 85 m) in their base unit
    x, y = (a.value, b.value) if a.unit == b.unit else (base_value(a)[0], base_value(b)[0])
    if x is None or y is None or x <= 0 or y <= 0 or abs(x - y) > 0.003 * max(x, y):
        return 0.0
    digits = max(_digits(a.value or 0.0), _digits(b.value or 0.0))
    if digits == 2 and a.kind is Kind.MONEY and x >= 1e6:
        return 1.0  # "€48 million": a sum's scale word makes two digits as rare as four
    return 1.0 if digits >= 3 else 0.5 if digits == 2 and max(a.value or 0, b.value or 0) >= 20 else 0.0


def plausible(a: Claim, b: Claim, score: float = 0.0) -> bool:
    """Two figures close enough to be one quantity told twice (used only when they clash), or
    evidence strong enough (`STRONG`) that a wide gap is the publishers' disagreement."""
    from .intervals import stated

    x, y = stated(a), stated(b)
    if x is None or y is None or x <= 0 or y <= 0:
        return True
    if a.kind is Kind.MEASURE and base_value(a)[3] == "°C" and abs(x - y) <= TEMPERATURE_SPREAD:
        return True
    ratio = max(x, y) / min(x, y)
    if score >= STRONG and a.kind is not Kind.DURATION and ratio <= STRONG_RATIO:
        return True  # a duration's concept says little ("the flight", "the wait"): only its size does
    # "Rs 50 crore" against "50 million rupees": a power of ten apart is a slip of scale, one quantity
    scale = round(math.log10(ratio))
    slip = a.kind in (Kind.MONEY, Kind.COUNT) and 1 <= scale <= 3 and abs(ratio / 10 ** scale - 1) < 0.01
    return ratio <= PLAUSIBLE_RATIO or slip
