"""Compound durations: "three hours and twenty minutes", "4 days, 6 hours and 10 minutes",
"a 5-year-and-3-month term", "a year and six months" are one duration each, not two or three.

    find_durations(text, to_number)   -> Quantities of kind `duration`

The parts must name units from larger to smaller ("2 hours and 3 days" is a list, not a sum). The
total is stated in the largest unit when it is exact there to two decimals (7 years and 9 months is
7.75 years), otherwise in the smallest (3 hours and 20 minutes is 200 minutes, not 3.333 hours).
Shares of a unit are durations too: "half an hour" is 30 minutes, "a quarter of an hour" 15, "an
hour and a half" 1.5 hours (`find_shares`). A single "a"/"an"/"one" with a unit ("less than a minute", "within an hour") is read here too, but
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


# A share of one unit: "half an hour", "a quarter of an hour", "three-quarters of a century", stated
# in the next smaller unit (30 minutes, 15 minutes, 75 years), as people count them; and a unit and
# a share, "an hour and a half", "two days and a half", in the unit itself (1.5 hours).
_SHARES = {"half": 0.5, "a half": 0.5, "one half": 0.5, "a quarter": 0.25, "one quarter": 0.25, "quarter": 0.25,
           "three quarters": 0.75, "three-quarters": 0.75, "a third": 1 / 3, "one third": 1 / 3, "two thirds": 2 / 3,
           "two-thirds": 2 / 3}
_SMALLER = {"hour": ("minute", 60.0), "day": ("hour", 24.0), "week": ("day", 7.0), "month": ("day", 30.4375),
            "year": ("month", 12.0), "decade": ("year", 10.0), "century": ("year", 100.0), "minute": ("second", 60.0),
            "second": ("second", 1.0)}
_SHARE = r"(?P<f>half|an?{sp}+(?:half|quarter|third)|one{sp}+(?:half|quarter|third)|three[\s\u00a0-]+quarters|two[\s\u00a0-]+thirds)"
_SHARE_OF_UNIT = re.compile((r"(?<![\w-])" + _SHARE + r"(?:{sp}+of)?{sp}+(?:an?|one){sp}+(?P<u>hour|day|week|month|year|decade|century|"
                             r"minute|second)\b").format(sp=_SP), re.IGNORECASE)
_UNIT_AND_SHARE = (r"(?<![\w-])(?P<n>[0-9]+|{words}|an?|one){sp}+(?P<u>hours?|days?|weeks?|months?|years?|minutes?|decades?|"
                             r"centur(?:y|ies))(?:{sp}+and{sp}+)(?P<f>an?{sp}+(?:half|quarter))\b")  # formatted with the number words


def find_shares(text: str, words: str, to_number: Callable[[str], float | None]) -> list[Quantity]:
    """ "half an hour" (30 minutes), "less than a quarter of an hour" (under 15 minutes), "an hour and
    a half" (1.5 hours); `words` and `to_number` as for `find_durations`."""
    found: list[Quantity] = []
    if "half" not in text and "quarter" not in text and "third" not in text and "Half" not in text:
        return found
    for m in _SHARE_OF_UNIT.finditer(text):
        share = _SHARES[re.sub(r"[\s\u00a0]+", " ", m.group("f").lower())]
        unit, per = _SMALLER[m.group("u").lower()]
        found.append(_hedged(text, m.start(), m.end(), round(share * per, 2), unit))
    if not re.search(r"\band[\s\u00a0]+an?[\s\u00a0]+(?:half|quarter)\b", text, re.IGNORECASE):
        return found  # the pattern of a unit and a share is costly to try on every position; most pages have none
    rx = _cache.get("and " + words) or _cache.setdefault("and " + words, re.compile(
        _UNIT_AND_SHARE.format(words=words, sp=_SP), re.IGNORECASE))
    for m in rx.finditer(text):
        n = m.group("n").lower()
        whole = 1.0 if n in ("a", "an") else float(n) if n[0].isdigit() else to_number(n)
        if whole is None:
            continue
        share = _SHARES[re.sub(r"[\s\u00a0]+", " ", m.group("f").lower())]
        unit = m.group("u").lower()
        unit = "century" if unit.startswith("centur") else unit.rstrip("s")
        value, unit = (whole + share) * (100 if unit == "century" else 10 if unit == "decade" else 1), (
            "year" if unit in ("century", "decade") else unit)
        found.append(_hedged(text, m.start(), m.end(), value, unit))
    return found


def _hedged(text: str, start: int, end: int, value: float, unit: str) -> Quantity:
    before = text[max(0, start - 30):start]
    hedge = hedge_before(before)
    bound = Bound.EXACT
    low: float | None = value
    high: float | None = value
    if hedge is not None:
        bound = hedge[1]
        low, high = interval(bound, value, 0.0, hedge[2])
        start -= len(before) - hedge[0]
    return Quantity(start, end, text[start:end], "duration", bound, value, low, high, unit)


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
        found.append(_hedged(text, start, end, value, unit))
    return found
