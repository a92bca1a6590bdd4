"""Hedges and intervals: the words that qualify a figure, and the interval each one allows.

How a stated figure becomes an interval (`low`, `high`), in one place:

* Exact figures are exact (`32,215` -> [32215, 32215]) unless they are round: a figure with a scale
  word (`1.8 million`) or of 1,000 or more ending in zeros (`200,000`) allows half a unit of its
  last stated digit, capped at 5% (`1.8 million` -> [1.75m, 1.85m], `1 million` -> [0.95m, 1.05m]).
* `~` approximate (about, around, roughly, some, an estimated, or so): +/-10% or the rounding
  allowance, whichever is wider.
* `>` / `>=` lower bounds (over, more than, at least, upward of, 90-odd, or more): [value, open];
  `high` is null because the text sets no ceiling.
* `<` / `<=` upper bounds: "nearly", "almost", "close to" imply the figure is near: [0.9v, v];
  "under", "fewer than", "up to", "as many as" do not: [0, v].
* `range` (between A and B, from A to B, A-B, A to B): [A, B], the two ends as stated.
* Vague amounts have no value and a conventional interval. One convention throughout: a plural
  scale word means at least two of that unit and fewer than the next word up, so "thousands" is
  [2,000, 9,999]. Two, because one thousand is written "a thousand" and a writer who says
  "thousands" means more than that; below ten thousand, because beyond it writers say "tens of
  thousands". Likewise dozens [24, 119], scores [40, 199], hundreds [200, 999], tens of thousands
  [20,000, 99,999], hundreds of thousands [200,000, 999,999], millions [2m, 999m] (a writer with ten
  million or more in mind says "tens of millions", but "millions" is used loosely, so it is left
  open up to the next word that is not used loosely, a billion), billions [2bn, 999bn]. "A few" X
  is [2X, 5X] and "several" X is [3X, 9X] ("several hundred" = [300, 900]).
* Shares are percentages 0-100 whatever the wording ("a quarter" -> 25, "one-in-ten" -> 10).
* Negative figures keep their sign ("-2.4%", "minus 40 degrees"); a change keeps the wording's
  sign ("fell 3.1%" is 3.1, the verb says which way). An upper bound on a negative figure has no
  floor: "under -5" is [open, -5].
"""
from __future__ import annotations

import re

from ..model import Bound

SP = r"[\s\u00a0\u202f\u2009]+"

VAGUE = {"dozens": (24, 119), "scores": (40, 199), "hundreds": (200, 999), "thousands": (2e3, 9999),
         "tens of thousands": (2e4, 99999), "hundreds of thousands": (2e5, 999999),
         "tens of millions": (2e7, 99999999), "hundreds of millions": (2e8, 999999999),
         "millions": (2e6, 999999999), "billions": (2e9, 999e9), "tens of billions": (2e10, 99999999999),
         "hundreds of billions": (2e11, 999999999999), "trillions": (2e12, 999e12)}
# "a few hundred", "several thousand": multiples of the scale word (the module docstring)
FEW, SEVERAL = (2, 5), (3, 9)

# Hedges before a number: (phrase, bound, near). "near" upper bounds imply closeness.
PREFIX_HEDGES: list[tuple[str, Bound, bool]] = [
    ("an estimated", Bound.APPROX, False), ("estimated", Bound.APPROX, False),
    ("approximately", Bound.APPROX, False), ("approx.", Bound.APPROX, False), ("about", Bound.APPROX, False),
    ("estimated at", Bound.APPROX, False), ("in the region of", Bound.APPROX, False), ("~", Bound.APPROX, False),
    ("≈", Bound.APPROX, False), ("as high as", Bound.AT_MOST, False), ("as low as", Bound.AT_LEAST, False),
    ("as few as", Bound.AT_LEAST, False), ("as little as", Bound.AT_LEAST, False), ("could top", Bound.OVER, False),
    ("to top", Bound.OVER, False), ("topped", Bound.OVER, False), ("topping", Bound.OVER, False),
    ("north of", Bound.OVER, False), ("a minimum of", Bound.AT_LEAST, False), ("a maximum of", Bound.AT_MOST, False),
    ("not more than", Bound.AT_MOST, False), ("not less than", Bound.AT_LEAST, False),
    ("just shy of", Bound.UNDER, True), ("approaching", Bound.UNDER, True), ("≥", Bound.AT_LEAST, False),
    ("≤", Bound.AT_MOST, False),
    ("around", Bound.APPROX, False), ("roughly", Bound.APPROX, False), ("some", Bound.APPROX, False),
    ("circa", Bound.APPROX, False), ("nearly", Bound.UNDER, True), ("almost", Bound.UNDER, True),
    ("close to", Bound.UNDER, True), ("just under", Bound.UNDER, True), ("just over", Bound.OVER, False),
    ("well over", Bound.OVER, False), ("more than", Bound.OVER, False), ("over", Bound.OVER, False),
    ("upward of", Bound.OVER, False), ("upwards of", Bound.OVER, False), ("in excess of", Bound.OVER, False),
    ("at least", Bound.AT_LEAST, False), ("no fewer than", Bound.AT_LEAST, False),
    ("no less than", Bound.AT_LEAST, False), ("up to", Bound.AT_MOST, False),
    ("as many as", Bound.AT_MOST, False), ("as much as", Bound.AT_MOST, False),
    ("at most", Bound.AT_MOST, False), ("within", Bound.AT_MOST, False), ("no more than", Bound.AT_MOST, False),
    ("under", Bound.UNDER, False), ("fewer than", Bound.UNDER, False), ("less than", Bound.UNDER, False),
    ("below", Bound.UNDER, False), ("greater than or equal to", Bound.AT_LEAST, False),
    ("more than or equal to", Bound.AT_LEAST, False), ("at least or equal to", Bound.AT_LEAST, False),
    ("bigger or equal than", Bound.AT_LEAST, False), ("higher or equal than", Bound.AT_LEAST, False),
    ("less than or equal to", Bound.AT_MOST, False), ("smaller or equal than", Bound.AT_MOST, False),
    ("less or equal than", Bound.AT_MOST, False), ("lower or equal than", Bound.AT_MOST, False),
    ("greater than", Bound.OVER, False), ("higher than", Bound.OVER, False), ("larger than", Bound.OVER, False),
    ("bigger than", Bound.OVER, False), ("above", Bound.OVER, False), ("exceeding", Bound.OVER, False),
    ("exceed", Bound.OVER, False), ("surpass", Bound.OVER, False),
    ("exceeded", Bound.OVER, False), ("exceeds", Bound.OVER, False), ("surpassed", Bound.OVER, False),
    ("surpasses", Bound.OVER, False), ("surpassing", Bound.OVER, False), ("smaller than", Bound.UNDER, False),
    ("lower than", Bound.UNDER, False), (">=", Bound.AT_LEAST, False), ("=>", Bound.AT_LEAST, False),
    ("<=", Bound.AT_MOST, False), ("=<", Bound.AT_MOST, False), (">", Bound.OVER, False), ("<", Bound.UNDER, False),
    # comparative and idiomatic hedges: "nearer 40" and "closer to 40" correct another figure towards
    # this one, so they approximate it; "a little over", "a shade under", "the best part of" bound it
    ("c.", Bound.APPROX, False), ("ca.", Bound.APPROX, False), ("nearer", Bound.APPROX, False), ("nearer to", Bound.APPROX, False), ("closer to", Bound.APPROX, False),
    ("in the order of", Bound.APPROX, False), ("on the order of", Bound.APPROX, False),
    ("something like", Bound.APPROX, False), ("something in the region of", Bound.APPROX, False),
    ("shy of", Bound.UNDER, True), ("a little over", Bound.OVER, False), ("a little more than", Bound.OVER, False),
    ("a little under", Bound.UNDER, True), ("a little less than", Bound.UNDER, True),
    ("slightly over", Bound.OVER, False), ("slightly more than", Bound.OVER, False), ("slightly above", Bound.OVER, False),
    ("slightly under", Bound.UNDER, True), ("slightly less than", Bound.UNDER, True),
    ("slightly fewer than", Bound.UNDER, True), ("slightly below", Bound.UNDER, True),
    ("a shade over", Bound.OVER, False), ("a shade under", Bound.UNDER, True), ("just below", Bound.UNDER, True),
    ("just above", Bound.OVER, False), ("just less than", Bound.UNDER, True), ("just fewer than", Bound.UNDER, True),
    ("just more than", Bound.OVER, False), ("well under", Bound.UNDER, False), ("well below", Bound.UNDER, False),
    ("well above", Bound.OVER, False), ("well in excess of", Bound.OVER, False), ("south of", Bound.UNDER, False),
    ("the best part of", Bound.UNDER, True), ("the better part of", Bound.UNDER, True),
    ("fractionally under", Bound.UNDER, True), ("fractionally over", Bound.OVER, False),
]
HEDGE_RE = re.compile(r"(?:(?<![\w<>=])" + r"|(?<![\w<>=])".join(
    re.escape(h).replace(r"\ ", SP) for h, _, _ in sorted(PREFIX_HEDGES, key=lambda x: -len(x[0])))
    + r")(?:[\s\u00a0\u202f\u2009]*)$", re.IGNORECASE)
HEDGES = {h: (b, near) for h, b, near in PREFIX_HEDGES}
_LONGEST = max(len(h.split()) for h in HEDGES)
_SYMBOLS = "<>=~≈≥≤"


def hedge_before(before: str) -> tuple[int, Bound, bool] | None:
    """The hedge that ends `before` (the text just left of a figure): (where it starts, bound, near).

    Equivalent to searching HEDGE_RE, but reads at most the last few words instead of trying the
    pattern at every position, which matters on long inputs.
    """
    end = len(before.rstrip())
    starts: list[int] = []
    i = end
    while len(starts) < _LONGEST and i > 0:
        j = i
        while i > 0 and not before[i - 1].isspace():
            i -= 1
        if i == j:
            break
        starts.append(i)
        while i > 0 and before[i - 1].isspace():
            i -= 1
    for start in reversed(starts):  # the longest phrase first: "no more than" before "more than"
        while start < end and not (before[start].isalnum() or before[start] in _SYMBOLS):
            start += 1  # "(about 5": the hedge starts after the bracket
        phrase = " ".join(before[start:end].split()).lower()
        if phrase in HEDGES and not (start > 0 and (before[start - 1].isalnum() or before[start - 1] in "_<>=")):
            bound, near = HEDGES[phrase]
            return start, bound, near
    return None
EMPHASIS_BEFORE = re.compile(r"\b(?:just|only|a mere|merely)[\s\u00a0]+$", re.IGNORECASE)
# Words that may stand between a hedge and its figure: "at least another Rs 70 crore"
_BETWEEN = re.compile(r"(?:\b(?:another|a[\s\u00a0]+further|an[\s\u00a0]+additional|an[\s\u00a0]+extra|a[\s\u00a0]+total[\s\u00a0]+of)"
                      r")[\s\u00a0]+$", re.IGNORECASE)
# A possibility sets a bound: "could climb to 75,000", "could push the total to 90,000" (a ceiling);
# "might fall to 200" (a floor). A future or a fact ("will reach", "climbed to") sets none.
_MODAL = r"\b(?:could|may|might)(?:[\s\u00a0]+(?:well|even|eventually|soon|yet|still|have))*[\s\u00a0]+"
_MODAL_CEILING = re.compile(_MODAL + r"(?:climb|rise|reach|hit|grow|increase|swell|go[\s\u00a0]+up|push|take|bring|raise|soar|"
                            r"surge|jump|balloon|mount|rocket)\w*(?:[\s\u00a0]+(?!to\b)\S+){0,3}[\s\u00a0]+to[\s\u00a0]+$"
                            + r"|" + _MODAL + r"(?:reach|hit)\w*[\s\u00a0]+$", re.IGNORECASE)
_MODAL_FLOOR = re.compile(_MODAL + r"(?:fall|drop|sink|decline|shrink|dip|slip|plunge|go[\s\u00a0]+down|cut)\w*"
                          r"(?:[\s\u00a0]+(?!to\b)\S+){0,3}[\s\u00a0]+to[\s\u00a0]+$", re.IGNORECASE)
# "an estimated area of 35 km2": the estimate qualifies the noun, and so the figure
_ESTIMATED_NOUN = re.compile(r"\b(?:an[\s\u00a0]+)?(?:estimated|approximate|rough)[\s\u00a0]+(?:[a-z]+[\s\u00a0]+){1,3}of[\s\u00a0]+$",
                             re.IGNORECASE)
_APPROX_WORDS = frozenset({"about", "around", "roughly", "approximately", "approx.", "some", "circa", "an estimated", "estimated"})


def hedge_of(before: str) -> tuple[int, Bound, bool] | None:
    """The qualifier of the figure that follows `before`: (where its words start, bound, near).

    The hedge just before it ("about"), seen through "another"/"a further" ("at least another 7");
    an outer bound over an approximation ("exceeded approximately 11 km" is over 11 km); an
    emphasis cancels a bound but not an approximation ("only over 10" is no bound, "only around
    3,000" is still about 3,000); then a possibility ("could climb to 75,000": at most) and an
    estimated noun ("an estimated area of 35 km2": about).
    """
    lowered = before.lower()
    between = _BETWEEN.search(before) if any(w in lowered for w in ("another", "further", "additional", "extra", "total")) else None
    hedge = hedge_before(before[:between.start()] if between else before)
    if hedge is not None:
        phrase = " ".join(before[hedge[0]:between.start() if between else len(before)].split()).lower()
        if hedge[1] is Bound.APPROX:
            outer = hedge_before(before[:hedge[0]])
            if outer is not None and outer[1] in (Bound.OVER, Bound.AT_LEAST, Bound.UNDER, Bound.AT_MOST):
                return outer
        # "only over 10" is no bound, but "only a little over 300" keeps its phrase's bound
        if EMPHASIS_BEFORE.search(before[:hedge[0]] + " ") and phrase not in _APPROX_WORDS and " " not in phrase:
            return None
        return hedge
    if "could" in lowered or "may" in lowered or "might" in lowered:
        if _MODAL_CEILING.search(before):
            return len(before), Bound.AT_MOST, False
        if _MODAL_FLOOR.search(before):
            return len(before), Bound.AT_LEAST, False
    if ("estimated" in lowered or "approximate" in lowered or "rough" in lowered) and _ESTIMATED_NOUN.search(before):
        return len(before), Bound.APPROX, False
    return None
SUFFIX_BOUNDS = {"odd": Bound.OVER, "or more": Bound.AT_LEAST, "and more": Bound.AT_LEAST, "+": Bound.AT_LEAST,
                  "plus": Bound.AT_LEAST, "or greater": Bound.AT_LEAST, "or above": Bound.AT_LEAST,
                  "or so": Bound.APPROX, "or less": Bound.AT_MOST, "or fewer": Bound.AT_MOST, "or below": Bound.AT_MOST}
# "90-odd", "500 or more", "97+"; but "the 97 plus one crew member" adds, it does not bound
SUFFIX_RE = re.compile(r"(?:-|[\s\u00a0]+)?(odd|(?:or|and)[\s\u00a0]+(?:more|greater|above|so|less|fewer|below)|\+|"
                       r"plus(?![\s\u00a0]+(?:[0-9]|an?\b|one|two|three|four|five|six|seven|eight|nine|ten|another|some|"
                       r"several|dozens|hundreds|tax|taxes|VAT|fees?|shipping|postage|interest|expenses|costs|bonus(?:es)?|tips?)\b))\b|(\+)", re.IGNORECASE)


def allowance(value: float, step: float, scaled: bool) -> float:
    """Half a unit of the last stated digit, capped at 5%, for round figures only."""
    if not (scaled or (abs(value) >= 1000 and step >= 10)):
        return 0.0
    return min(step / 2, abs(value) * 0.05)


def interval(bound: Bound, value: float, rounding: float, near: bool = False) -> tuple[float | None, float | None]:
    """The interval a hedged figure allows (the rules in the module docstring)."""
    if bound is Bound.EXACT:
        return value - rounding, value + rounding
    if bound is Bound.APPROX:
        spread = max(rounding, abs(value) * 0.10)
        return value - spread, value + spread
    if bound in (Bound.OVER, Bound.AT_LEAST):
        return value, None
    if bound in (Bound.UNDER, Bound.AT_MOST):
        if value < 0:
            return (value if near else None), (value * 0.9 if near else value)
        return (value * 0.9 if near else 0.0), value
    raise ValueError(bound)
