"""Numbers for people, and the interval chart of a conflict as geometry for an inline SVG.

Pure: numbers in, strings and coordinates out; the HTML template draws them, so the chart needs
no script. Each claim is a bar from `low` to `high` on one shared axis; an open bound (None or
infinite) runs to the edge of the plot and ends in an arrow, so "over 200,000" reads as it is meant.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeGuard

# The drawing, in SVG user units (the SVG scales to its box, keeping proportions).
WIDTH = 640
PLOT_LEFT = 150  # the claims' labels stand left of the plot
PLOT_RIGHT = WIDTH - 28
ROW = 40  # one claim a row
TOP = 8
AXIS = 30  # room under the rows for the axis and its labels
BAR = 14
ARROW = 9  # length of an open bound's arrowhead
POINT = 6  # the least width of a bar, so an exact figure stays visible
GAP_BAND = 18  # room under the rows for the gap's bracket and size

_SCALES = ((1e12, "trillion", "T"), (1e9, "billion", "B"), (1e6, "million", "M"))


def finite(x: float | None) -> TypeGuard[float]:
    return x is not None and math.isfinite(x)


def _trim(x: float, digits: int) -> str:
    if not math.isfinite(x) or abs(x) >= 1e15:  # past "trillion": 1e+288, not 289 digits and commas
        return f"{x:.3g}"
    text = f"{x:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _scaled(x: float) -> tuple[float, str, str]:
    for scale, word, short in _SCALES:
        if abs(x) >= scale:
            return x / scale, word, short
    return x, "", ""


def human(x: float | None, unit: str | None = None) -> str:
    """1250000 -> "1.25 million", 200000 -> "200,000", 25 with unit percent -> "25%"."""
    if x is None:
        return "unknown"
    if not math.isfinite(x):
        return "no limit"
    v, word, _ = _scaled(x)
    text = _trim(v, 3 if word else 2) + (f" {word}" if word else "")
    return _with_unit(text, unit)


def _with_unit(text: str, unit: str | None) -> str:
    if not unit:
        return text
    if unit == "percent":
        return f"{text}%"
    if unit == "USD":
        return f"${text}"
    return f"{text} {unit}"


def short(x: float) -> str:
    """Axis labels: 1500000 -> "1.5M", 200000 -> "200k"."""
    v, _, s = _scaled(x)
    if not s and abs(x) >= 1e4:
        return _trim(x / 1e3, 1) + "k"
    return _trim(v, 2) + s


def interval_text(low: float | None, high: float | None, unit: str | None = None, bound: str | None = None) -> str:
    """What an interval allows, in words: "1.25-1.5 million", "200,000 or more", "up to 50%".

    `bound` tells an open interval from a closed one: ">" reads "more than 35", not "35 or more".
    """
    lo_ok, hi_ok = finite(low), finite(high)
    if lo_ok and not hi_ok and bound == ">":
        return f"more than {human(low, unit)}"
    if hi_ok and not lo_ok and bound == "<":
        return f"less than {human(high, unit)}"
    if lo_ok and hi_ok:
        assert low is not None and high is not None
        if low == high:
            return f"exactly {human(low, unit)}"
        vl, wl, _ = _scaled(low)
        vh, wh, _ = _scaled(high)
        if wl == wh:  # one scale word for both ends: "1.25-1.5 million"
            text = f"{_trim(vl, 3 if wl else 2)}\u2013{_trim(vh, 3 if wh else 2)}" + (f" {wh}" if wh else "")
            return _with_unit(text, unit)
        return f"{human(low, unit)} \u2013 {human(high, unit)}"
    if lo_ok:
        return f"{human(low, unit)} or more"
    if hi_ok:
        return f"up to {human(high, unit)}"
    return "any value"


@dataclass(frozen=True)
class Bar:
    """One claim's interval, drawn: x and width in plot units; open ends carry an arrowhead."""

    key: str  # the claim's id
    letter: str  # "A", "B": ties the bar to its column in the card
    label: str
    text: str  # the interval in words, written above the bar
    x: float
    y: float
    width: float
    open_low: bool
    open_high: bool
    text_x: float
    text_anchor: str  # "start" or "end"


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Gap:
    """The empty stretch between two intervals that do not overlap, with its size in words."""

    x1: float
    x2: float
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    plot_left: float
    plot_right: float
    axis_y: float
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    gap: Gap | None
    arrow: int = ARROW
    bar_height: int = BAR


@dataclass(frozen=True)
class Interval:
    key: str
    letter: str
    label: str
    low: float | None
    high: float | None
    unit: str | None = None
    bound: str | None = None


# Figures beyond this are drawn at it (their words still say what they are), so every sum and
# difference of positions stays a finite float: 2e300 is far below the float's 1.8e308.
DRAWN = 1e300
MAX_TICKS = 12


def _drawn(x: float) -> float:
    return max(-DRAWN, min(DRAWN, x))


def _step(span: float) -> float:
    """A round tick step that cuts `span` (finite, more than 0) into four to eight parts."""
    raw = span / 5
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * power:
            return m * power
    return 10 * power


def _axis(lo: float, hi: float, open_low: bool, open_high: bool) -> tuple[float, float, float]:
    """The axis from `lo` to `hi` (finite, lo <= hi), widened to round ticks: (start, end, step).

    Ends too close for a float to tell apart (1e17 and 1e17 + 16), or equal, get room around
    them, so the scale never divides by zero and the tick step is never lost in rounding.
    """
    if lo >= 0 and lo < 0.35 * hi:
        lo = 0.0  # near zero: start the axis at zero, so lengths compare honestly
    size = max(abs(lo), abs(hi))
    if hi - lo <= size * 1e-9 or hi - lo < 1e-12:
        pad = size * 0.1 if size * 0.1 > 1e-12 else 1.0
        lo, hi = lo - pad, hi + pad
    step = _step(hi - lo)
    first, last = lo, hi
    lo = math.floor(lo / step) * step
    hi = math.ceil(hi / step) * step
    # An open end needs room beyond the last figure to point into.
    if open_low and lo > 0:
        lo -= step
    if open_high:
        hi += step
    if lo == first and lo != 0:
        lo -= step / 2
    if hi == last:
        hi += step / 2
    return lo, hi, step


def chart(intervals: Sequence[Interval], gap: float | None = None) -> Chart | None:
    """The chart of these intervals on one axis, or None when no interval has a finite end.

    `gap` is the conflict's relative gap (0.2 = 20%); it labels the empty stretch between two
    intervals that do not overlap. Any figures draw: zero, negative, huge, NaN or infinite ends
    (as open ends), and a low above its high (drawn in order).
    """
    intervals = [_ordered(iv) for iv in intervals]
    ends = [_drawn(x) for iv in intervals for x in (iv.low, iv.high) if finite(x)]
    if not intervals or not ends:
        return None
    lo, hi, step = _axis(min(ends), max(ends), any(not finite(iv.low) for iv in intervals),
                         any(not finite(iv.high) for iv in intervals))

    def x_of(v: float) -> float:
        return PLOT_LEFT + (_drawn(v) - lo) / (hi - lo) * (PLOT_RIGHT - PLOT_LEFT)

    bars = []
    for i, iv in enumerate(intervals):
        y = TOP + i * ROW + 16
        open_low, open_high = not finite(iv.low), not finite(iv.high)
        x1 = x_of(iv.low) if finite(iv.low) else PLOT_LEFT + ARROW
        x2 = x_of(iv.high) if finite(iv.high) else PLOT_RIGHT - ARROW
        if x2 - x1 < POINT:
            mid = (x1 + x2) / 2
            x1, x2 = mid - POINT / 2, mid + POINT / 2
        text = interval_text(iv.low, iv.high, iv.unit, iv.bound)
        # The words go where there is room: from the bar's left end, or ending at its right end.
        left_side = x1 < (PLOT_LEFT + PLOT_RIGHT) / 2 + 40
        bars.append(Bar(iv.key, iv.letter, iv.label, text, round(x1, 2), y, round(x2 - x1, 2), open_low, open_high,
                        round(max(x1, PLOT_LEFT) if left_side else min(x2, PLOT_RIGHT), 2),
                        "start" if left_side else "end"))
    ticks = []
    first = math.ceil(lo / step)
    for k in range(MAX_TICKS + 1):  # counted, not `v += step`: near 1e17 a step of 5 is lost in rounding
        v = (first + k) * step
        if v > hi + step * 1e-9:
            break
        ticks.append(Tick(round(x_of(v), 2), short(v)))
    found = _gap(intervals, bars, gap)
    axis_y = TOP + len(intervals) * ROW + 4 + (GAP_BAND if found else 0)
    return Chart(WIDTH, int(axis_y + AXIS), PLOT_LEFT, PLOT_RIGHT, axis_y, tuple(bars), tuple(ticks), found)


def _ordered(iv: Interval) -> Interval:
    """NaN ends read as open; a low above its high is put in order."""
    low = None if iv.low is not None and math.isnan(iv.low) else iv.low
    high = None if iv.high is not None and math.isnan(iv.high) else iv.high
    if finite(low) and finite(high) and low > high:
        low, high = high, low
    return Interval(iv.key, iv.letter, iv.label, low, high, iv.unit, iv.bound)


def _gap(intervals: Sequence[Interval], bars: Sequence[Bar], gap: float | None) -> Gap | None:
    """The stretch between two disjoint intervals (the lower one's top, the higher one's bottom)."""
    if len(intervals) != 2:
        return None
    (a, ba), (b, bb) = sorted(zip(intervals, bars), key=lambda p: p[1].x)
    if not (finite(a.high) and finite(b.low)) or a.high >= b.low:
        return None
    x1, x2 = ba.x + ba.width, bb.x
    if x2 - x1 < 1:
        return None
    label = f"gap {gap * 100:.0f}%" if finite(gap) and gap < 1e12 else "no overlap"
    return Gap(round(x1, 2), round(x2, 2), label)


NARROW_WIDTH = 360  # the chart for a phone: the same intervals, labelled by letter only
NARROW_LEFT = 30


def narrow(wide: Chart) -> Chart:
    """The same chart redrawn for a narrow screen: a plot nearly as wide as the drawing, bars named
    by their letter (the card's columns carry the document), and at most five axis labels.

    A scaled-down copy of the wide chart has its words at a third of their size on a phone; this
    one keeps them at the size they are drawn.
    """
    right = NARROW_WIDTH - 14
    scale = (right - NARROW_LEFT) / (wide.plot_right - wide.plot_left)

    def x(v: float) -> float:
        return round(NARROW_LEFT + (v - wide.plot_left) * scale, 2)

    bars = tuple(Bar(b.key, b.letter, b.letter, b.text, x(b.x), b.y, round(max(b.width * scale, POINT), 2), b.open_low,
                     b.open_high, x(b.text_x), b.text_anchor) for b in wide.bars)
    every = -(-len(wide.ticks) // 5)  # keep every n-th label so five at most share the axis
    ticks = tuple(Tick(x(t.x), t.label) for t in wide.ticks[::every])
    gap = Gap(x(wide.gap.x1), x(wide.gap.x2), wide.gap.label) if wide.gap else None
    return Chart(NARROW_WIDTH, wide.height, NARROW_LEFT, right, wide.axis_y, bars, ticks, gap, wide.arrow, wide.bar_height)
