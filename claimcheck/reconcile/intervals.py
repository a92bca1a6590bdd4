"""Intervals: what a claim allows, and how far apart two of them are. Pure arithmetic.

A claim's `low`/`high` already hold its hedge and stated precision ("1.8 million" allows
1.75-1.85 million); the bound says whether an end is open: "over 1 million" excludes 1 million
itself, "nearly a million" excludes a million.

No function here raises on a figure: a zero, negative, huge or non-finite value, or a low above
its high, gives an answer (an interval with its ends in order, or none; a share or none), because
one odd figure in one article must not cost a run its results. `share` is the one place a
relative size is divided out.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from ..model import Bound, Claim
from .blocking import base_value

INF = math.inf


@dataclass(frozen=True)
class Interval:
    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def disjoint(self, other: Interval) -> bool:
        return _below(self, other) or _below(other, self)

    def widened(self, share: float) -> Interval:
        return Interval(self.low - abs(self.low) * share, self.high + abs(self.high) * share, self.low_open, self.high_open)


# Figures converted from other units are rounded in the conversion ("600 miles" is 965.6 km, and
# an article writes "965 km"): across units, a gap this small is the conversion's, not a conflict.
CONVERSION_SLACK = 0.01


def clash(a: Claim, b: Claim, ia: Interval | None = None, ib: Interval | None = None) -> bool:
    """The two claims' intervals cannot both hold (allowing for conversion between units)."""
    ia = ia or interval_of(a)
    ib = ib or interval_of(b)
    if ia is None or ib is None:
        return False
    if a.unit != b.unit:
        ia, ib = ia.widened(CONVERSION_SLACK), ib.widened(CONVERSION_SLACK)
    return ia.disjoint(ib)


def share(part: float, whole: float) -> float | None:
    """`part` as a share of `whole` (0.2 = 20%), or None when that has no finite answer: a whole of
    zero, an infinite or NaN operand, or a quotient too large for a float."""
    if not (math.isfinite(part) and math.isfinite(whole)) or whole == 0:
        return None
    try:
        out = part / whole
    except (OverflowError, ZeroDivisionError):
        return None
    return out if math.isfinite(out) else None


def _below(a: Interval, b: Interval) -> bool:
    """Every value a allows lies under every value b allows."""
    return a.high < b.low or (a.high == b.low and (a.high_open or b.low_open))


def interval_of(claim: Claim) -> Interval | None:
    """The claim's interval in base units, or None when it states no figure (a fact, a vague amount).

    Also None when a figure is NaN, or infinite where a number is stated (1e300 EB overflows a
    float in bytes): such a claim cannot be compared. A low above its high is put in order.
    """
    if claim.bound is None:
        return None
    try:
        value, low, high, _ = base_value(claim)
        # NaN fails every comparison: a stated value must be finite, an end may be infinite (open).
        if (value is not None and not -INF < value < INF) or (low is not None and low != low) \
                or (high is not None and high != high):
            return None
    except (ArithmeticError, TypeError, ValueError):  # a figure no float holds, or not a number at all
        return None
    if value is None and claim.bound is not Bound.RANGE:
        return None
    lo = low if low is not None else (value if value is not None else -INF)
    hi = high if high is not None else (value if value is not None else INF)
    if claim.bound in (Bound.OVER, Bound.AT_LEAST) and high is None:
        hi = INF
    if claim.bound in (Bound.UNDER, Bound.AT_MOST) and low is None:
        lo = 0.0 if hi >= 0 else -INF  # "under 50" counts from zero; "under -5" has no floor
    if lo > hi:
        lo, hi = hi, lo
    if lo == INF or hi == -INF:
        return None
    return Interval(lo, hi, low_open=claim.bound is Bound.OVER, high_open=claim.bound is Bound.UNDER)


def stated(claim: Claim) -> float | None:
    """The figure as written (its middle for a range), in base units."""
    i = interval_of(claim)
    if i is None:
        return None
    value = base_value(claim)[0]
    if value is not None:
        return value
    if math.isfinite(i.low) and math.isfinite(i.high):
        return i.low / 2 + i.high / 2  # not (low + high) / 2, which overflows near the float's limit
    return None


def gap(a: Claim, b: Claim) -> tuple[float, str]:
    """How far apart two disjoint claims are, as a share, and the words for it.

    "1.8 million is 20% above the upper end of 1.25-1.5 million": measured from the stated
    figure of the higher claim to the nearest end of the lower one.
    """
    ia, ib = interval_of(a), interval_of(b)
    assert ia is not None and ib is not None
    lower, higher = (a, b) if ia.high <= ib.low else (b, a)
    il = interval_of(lower)
    assert il is not None
    top = il.high if il.high != INF else il.low
    ref = stated(higher)
    ih = interval_of(higher)
    assert ih is not None
    if ref is None or ref == INF or higher.bound is Bound.RANGE:
        ref = ih.low  # a range is as close as its nearer end
    if ref < top:  # a stated figure inside its own hedge's reach: use the interval's edge
        ref = ih.low
    # Measured against the size of the lower end, so a gap below zero is a gap too; a lower end of
    # zero, or a difference beyond a float, is infinitely far.
    rel = share(ref - top, abs(top)) if math.isfinite(ref - top) else None
    size = INF if rel is None else max(rel, 0.0)
    if size < 0.005 and (ih.low_open or il.high_open):
        return 0.0, f"{higher.quote!r} excludes {human(top)} itself, which {lower.quote!r} states"
    said = f"the lower end of {human_range(ih.low, ih.high)}" if higher.bound is Bound.RANGE else human(ref)
    if lower.bound is Bound.RANGE and il.low > -INF:
        words = f"{said} is {_pct(size)} above the upper end of {human_range(il.low, il.high)}"
    else:
        words = f"{said} is {_pct(size)} above {human(top)}"
    return size, words


_SCALES = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")]


def human(x: float) -> str:
    """1800000 -> "1.8 million"; 35 -> "35"; 0.5 -> "0.5"."""
    if not math.isfinite(x):
        return "no limit" if x in (INF, -INF) else "unknown"
    for size, word in _SCALES:
        if abs(x) >= size:
            return f"{x / size:,.3g} {word}"
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.4g}"


def human_range(low: float, high: float) -> str:
    """1.25 million to 1.5 million -> "1.25-1.5 million"."""
    for size, word in _SCALES:
        if math.isfinite(low) and math.isfinite(high) and abs(high) >= size and abs(low) >= size:
            return f"{low / size:,.3g}-{high / size:,.3g} {word}"
    return f"{human(low)}-{human(high)}"


def _pct(size: float) -> str:
    if not math.isfinite(size) or size >= 1e15:
        return "far"
    if size < 0.005:
        return "just"
    return f"{size * 100:.0f}%" if size < 10 else f"{size + 1:,.0f}x"
