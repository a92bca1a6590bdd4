"""Quantities read together after each is read alone: "between 5,100 km (3,169 mi) and 5,900 km
(3,666 mi)" is one range with its conversion, "more than 10 and less than 20" one range, and a
converted figure in parentheses takes the hedge of the figure it converts ("over 50 kilometres
(31 miles)"). Pure Python.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Bound, Quantity
from .hedges import interval

_CONVERSION_OPEN = re.compile(r"[\s\u00a0]*\([\s\u00a0]*")
_CONVERSION_CLOSE = re.compile(r"[\s\u00a0]*\)")


def converted_ranges(found: list[Quantity], text: str) -> list[Quantity]:
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


def merge_two_sided(found: list[Quantity], text: str) -> list[Quantity]:
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


def inherit_hedges(found: list[Quantity], text: str) -> list[Quantity]:
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
