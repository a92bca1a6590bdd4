"""Ratings: a figure on a named scale, "a Category 4 hurricane", "magnitude 6.8", "VEI 5", "Level 3".

    find_ratings(text)   -> Quantities of kind `rating`, each with its scale as the unit

A rating is not a count ("Category 4" is not four of anything) and is comparable only with a rating
on the same scale, so the scale is the claim's unit: the reconciler blocks claims by unit, and
"Category 4" never meets "magnitude 4" or "4 people". Pure Python, one regex per scale.
"""
from __future__ import annotations

import re

from ..model import Bound, Quantity
from .hedges import hedge_before, interval

_SP = r"[\s\u00a0]"
_N = r"(?P<n>[0-9]{1,2}(?:\.[0-9]{1,2})?)(?![0-9.,]?[0-9])"
_STORM = re.compile(r"\b(?:hurricanes?|storms?|typhoons?|cyclones?|Saffir|landfall|winds?)\b", re.IGNORECASE)
_TORNADO = re.compile(r"\btornado(?:es)?\b|\btwisters?\b|\bFujita\b", re.IGNORECASE)
_QUAKE = re.compile(r"\b(?:earthquakes?|quakes?|tremors?|aftershocks?|seismic|Richter|temblors?|moment magnitude|"
                    r"magnitude scale)\b", re.IGNORECASE)

_QUAKE_KEYS = ("quake", "Quake", "tremor", "seismic", "Richter", "temblor", "aftershock")
# (scale, pattern with the figure in group `n`, words one of which must stand within 120
# characters of it, the largest value the scale has, strings one of which the page must hold)
_SCALES: list[tuple[str, re.Pattern[str], re.Pattern[str] | None, float, tuple[str, ...]]] = [
    (scale, re.compile(rx), near, top, keys) for scale, rx, near, top, keys in [
    ("Saffir-Simpson category", rf"\b(?:[Cc]ategory|[Cc]at\.?)(?:{_SP}|-){_N}", _STORM, 5, ("ategory", "Cat", "cat")),
    # "magnitude 6.8", "magnitude-6.8", "Magnitude: 6.8", an infobox's glued "Magnitude6.8"
    ("magnitude", rf"\b[Mm]agnitude(?:{_SP}|-|:{_SP}*)?(?:of{_SP}+)?{_N}", _QUAKE, 10, ("agnitude",)),
    ("magnitude", rf"\b{_N}(?:{_SP}|-)(?:[Mm]agnitude\b|on{_SP}+the{_SP}+Richter(?:{_SP}+scale)?\b)", _QUAKE, 10, ("agnitude", "Richter")),
    ("magnitude", rf"(?<![\w.])M[wL]?{_SP}?(?P<n>[0-9]\.[0-9])(?![0-9])", _QUAKE, 10, _QUAKE_KEYS),
    ("VEI", rf"\bVEI(?:{_SP}|-)?(?:(?:of|=){_SP}*)?{_N}", None, 8, ("VEI",)),
    ("VEI", rf"\b[Vv]olcanic{_SP}+[Ee]xplosivity{_SP}+[Ii]ndex(?:{_SP}+\(VEI\))?(?:{_SP}+(?:of|was|is|at))?{_SP}+{_N}", None, 8,
     ("xplosivity",)),
    ("Enhanced Fujita scale", r"\bEF-?(?P<n>[0-5])\b", _TORNADO, 5, ("EF",)),
    ("Fujita scale", r"(?<![\w-])F-?(?P<n>[0-5])\b(?=[\s\u00a0-]+tornado)", None, 5, ("tornado",)),
    ("Beaufort force", rf"\b[Ff]orce(?:{_SP}|-){_N}(?=(?:{_SP}|-)+(?:gales?|winds?|storms?)\b)", None, 12, ("orce",)),
    ("level", rf"(?<![Ss]ea{_SP})(?<![Ss]ea-)\b(?:(?:[Aa]lert|[Tt]hreat|[Ww]arning|[Aa]dvisory|[Tt]ravel){_SP}+)?Level(?:{_SP}|-){_N}", None, 10, ("Level",)),
]]


def find_ratings(text: str) -> list[Quantity]:
    """Every rating on a known scale in `text`, with its hedge ("at least Category 3")."""
    found: list[Quantity] = []
    for scale, rx, near, top, keys in _SCALES:
        if not any(k in text for k in keys):
            continue  # a plain substring test is far cheaper than the pattern on a page without the scale
        for m in rx.finditer(text):
            value = float(m.group("n"))
            if value > top or (near is not None and not near.search(text, max(0, m.start() - 120), m.end() + 120)):
                continue
            start, end = m.start(), m.end()
            before = text[max(0, start - 30):start]
            article = re.search(r"\b(?:an?|the)[\s\u00a0]+$", before, re.IGNORECASE)
            bound = Bound.EXACT
            low: float | None = value
            high: float | None = value
            hedge = hedge_before(before[:article.start()] if article else before)  # "at least a Category 3"
            if hedge is not None:
                bound = hedge[1]
                low, high = interval(bound, value, 0.0, hedge[2])
                if bound in (Bound.UNDER, Bound.AT_MOST) and not hedge[2]:
                    low = 0.0
                start -= len(before) - hedge[0]
            if any(q.start < end and start < q.end for q in found):
                continue
            found.append(Quantity(start, end, text[start:end], "rating", bound, value, low, high, scale))
    return sorted(found, key=lambda q: q.start)
