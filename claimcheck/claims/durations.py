"""Compound durations: "three hours and twenty minutes", "4 days, 6 hours and 10 minutes",
"a 5-year-and-3-month term", "a year and six months" are one duration each, not two or three.

    find_durations(text, to_number)   -> Quantities of kind `duration`

The parts must name units from larger to smaller ("2 hours and 3 days" is a list, not a sum). The
total is stated in the largest unit when it is exact there to two decimals (7 years and 9 months is
7.75 years), otherwise in the smallest (3 hours and 20 minutes is 200 minutes, not 3.333 hours).
A single "a"/"an"/"one" with a unit ("less than a minute", "within an hour") is read here too, but
only after a hedge: "a day later" and "once a week" state no duration. Pure Python.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from ..model import Bound, Quantity
from .hedges import hedge_before, interval

# seconds in each unit: a month a twelfth of a year of 365.25 days, as units.py has it
_SECONDS = {"year": 31557600.0, "month": 2629800.0, "week": 604800.0, "day": 86400.0, "hour": 3600.0,
            "minute": 60.0, "second": 1.0}
_UNIT = r"(?P<u{i}>years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?)\b"
_SP = r"[\s\u00a0]"


def _pattern(words: str) -> re.Pattern[str]:
    def part(i: int) -> str:
        return rf"(?P<n{i}>[0-9]+(?:\.[0-9]+)?|{words}|an?|one)(?:{_SP}+|-){_UNIT.format(i=i)}"

    joint = rf"(?:{_SP}*,{_SP}*(?:and{_SP}+)?|{_SP}+(?:and{_SP}+)?|-and-)"
    return re.compile(rf"(?<![\w.,-]){part(0)}(?:{joint}{part(1)})?(?:{joint}{part(2)})?(?:{joint}{part(3)})?", re.IGNORECASE)


_cache: dict[str, re.Pattern[str]] = {}


def _unit(word: str) -> str:
    word = word.lower().rstrip("s")
    return {"yr": "year", "hr": "hour", "min": "minute", "sec": "second"}.get(word, word)


def find_durations(text: str, words: str, to_number: Callable[[str], float | None]) -> list[Quantity]:
    """Compound durations in `text`, and hedged "a minute"s; `words` is the regex of number words
    and `to_number` reads one ("twenty" -> 20)."""
    rx = _cache.get(words) or _cache.setdefault(words, _pattern(words))
    found: list[Quantity] = []
    for m in rx.finditer(text):
        parts: list[tuple[float, str]] = []
        end = m.start()
        for i in range(4):
            if m.group(f"n{i}") is None:
                break
            n = m.group(f"n{i}").lower()
            value = 1.0 if n in ("a", "an") else float(n) if n[0].isdigit() else to_number(n)
            unit = _unit(m.group(f"u{i}"))
            if value is None or (parts and _SECONDS[unit] >= _SECONDS[parts[-1][1]]):
                break
            parts.append((value, unit))
            end = m.end(f"u{i}")
        start = m.start()
        before = text[max(0, start - 30):start]
        hedge = hedge_before(before)
        single = m.group("n0").lower() in ("a", "an", "one")
        if len(parts) < 2 and not (parts and single and hedge):
            continue
        if len(parts) >= 2 and m.group("n0")[0].isdigit() and len(m.group("n0")) == 4 and parts[0][1] == "year":
            continue  # "1998 years" is no duration to add to
        seconds = sum(v * _SECONDS[u] for v, u in parts)
        big, small = parts[0][1], parts[-1][1]
        in_big = seconds / _SECONDS[big]
        unit, value = (big, round(in_big, 2)) if abs(in_big * 100 - round(in_big * 100)) < 1e-6 else (small, seconds / _SECONDS[small])
        bound = Bound.EXACT
        low: float | None = value
        high: float | None = value
        if hedge is not None:
            bound = hedge[1]
            low, high = interval(bound, value, 0.0, hedge[2])
            start -= len(before) - hedge[0]
        found.append(Quantity(start, end, text[start:end], "duration", bound, value, low, high, unit))
    return found
