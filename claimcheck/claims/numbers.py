"""Numbers: text -> Quantities (digits, scales, number words, money, measures, shares, ranges, vague
amounts). Pure Python, no spaCy; one pass of regexes over the text, linear in its length.

    find_quantities(text, masks)  every stated quantity, with its hedge, unit and interval
    parse_number("1.8 million")   a bare number phrase -> 1800000.0

This module walks the text and puts each quantity together (its unit, hedge and range); the
grammar lives beside it, one module per thing it holds: `numwords.py` (number words and their
tables), `figure.py` (the pattern of one figure, its value, what a scale letter means),
`habits.py` (how a page writes its figures, and what it lost in conversion), `exclusions.py`
(digits that state no amount), `amounts.py` (vague amounts, shares and ranks in words), `joins.py`
(ranges with conversions, two-sided bounds, inherited hedges), `hedges.py` (hedge words and the
interval rules), `durations.py` (compound durations), `scales.py` (ratings), `currencies.py` (US$,
HK$, RM, EUR, "30 euros" -> ISO codes), `units.py` (km, GB, hp, °C and `to_base_unit`),
`identifiers.py` (digits that name, date or score things).

How a figure is read:
* Scales: words ("1.8 million", "13 lakh", "₹250 crore") and abbreviations ("$3tn", "1.5bn", "6.7M",
  "7 B users", "9m people"). A lowercase "m" glued to a figure without a currency is a million
  before a noun ("9m people", "20m tonnes") and metres where the text measures ("a 5m wall",
  "100m sprint", "5m high", "a 212.5m tower", "4,261m."), and on a page that writes lengths in metres
  and no sums in millions, wherever no noun follows ("from 324m to 330m"). "cr" is a crore on a page
  that counts in lakh and crore.
* Locales: "45 000" and "63.000" are thousands when the page writes numbers that way (a group of
  "000", or two or more groups, somewhere on the page; or "18.500 visitors" or "2,5 km" on a page
  with no dot decimals); "1.8 million" and "2.5" stay decimals.
* Compound durations are one ("three hours and twenty minutes", `durations.py`); a figure on a
  named scale is a rating ("Category 4", `scales.py`); figures glued to a label or a hedge by a
  table cell are read ("Length2,310 km", "about22 minutes").
* Signs: "-2.4%", "−40°C", "minus 40 degrees" are negative; a change keeps the wording ("fell 3.1%").
* Ranges: "between 3% and 4%", "$2bn-$4bn", "8- to 16-metre", "six or seven", "20–25 km3": the
  unit or scale on either end applies to both. A descending pair of integers ("won 3-1", "102-98")
  is a score, not a range.

What is *not* a quantity: years and dates (they qualify a claim as its `time`; "around 1257," is a
year, "around 1500 people" a count; a year-sized figure with a unit, "1200 hp", is a quantity),
clock times, ordinals (except "second largest"-style ranks), identifiers ("Article 55", "Pixel 8",
"Game 5", "COVID-19", "LZ 129", "two 747 jets"), addresses, postcodes, coordinates in every form,
scores, journal volumes and pages, money-year labels ("(2005 USD)"), school years, names made of
number words ("the Big Four"), the page number after markers ("[1][2]: 429"), and anything in a
masked span (URLs, footnote markers, page chrome). Zero-width characters inside a
figure ("1\u200b000") are ignored. Figures too large for a finite float are skipped.
"""
from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable
from dataclasses import replace

from ..model import Bound, Quantity, Span
from . import currencies, identifiers, units
from .amounts import (
    FEW_RE,
    FRACTION_RE,
    FRACTION_SCALE_RE,
    RANK_RE,
    VAGUE_RE,
    few_of_scale,
    rank,
    share,
    share_of_scale,
    vague_amount,
)
from .durations import find_durations, find_shares
from .exclusions import SIGN_WORD_BEFORE, YEARISH, counted_compound, is_not_a_quantity, pair_is_score
from .figure import figure_pattern, figure_value, parse_number, scale_factor
from .habits import (
    INDIAN_PAGE,
    INVISIBLE,
    METRES_WRITTEN,
    MONEY_M,
    SPACE_PAGE,
    Page,
    dot_page,
    glued_at,
    lost_fractions,
    unglue_labels,
)
from .hedges import PREFIX_HEDGES, SUFFIX_BOUNDS, SUFFIX_RE, allowance, hedge_of, interval
from .joins import converted_ranges, inherit_hedges, merge_two_sided
from .numwords import NUMWORDS, SCALE_WORD, SCALES, TIME_UNITS, words_to_number
from .scales import find_ratings

__all__ = ["blank", "find_quantities", "parse_number", "words_to_number"]

MONTHS = identifiers.MONTHS
_CHANGE_BEFORE = re.compile(r"\b(?:increas|rose|rise|rising|grew|grow|fell|fall|dropp?|declin|decreas|jump|climb|"
                            r"went|expand|shr[ai]nk|cut|rais|reduc|doubl|tripl|surg|soar|plung|slump)\w*"
                            r"[\s\u00a0]+(?:[\w,]+[\s\u00a0]+){0,3}from[\s\u00a0]+"
                            r"(?:(?:about|around|some|roughly|nearly|almost|over|under|just)[\s\u00a0]+)?$", re.IGNORECASE)


def blank(text: str, spans: Iterable[Span]) -> str:
    """`text` with the given spans replaced by spaces: same length, so offsets survive."""
    chars = list(text)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


class _Spans:
    """Sorted, non-overlapping spans with an O(log n) overlap test."""

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)  # spans starting before `end`
        return any(s < end and start < e for s, e in self.spans[max(0, i - 2):i])

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.spans.insert(i, (start, end))
        self.starts.insert(i, start)


def find_quantities(text: str, masks: Iterable[Span] = ()) -> list[Quantity]:
    """Every stated quantity in `text`, hedge and range included, outside the masked spans."""
    original = text
    text = blank(text, sorted([*masks, *identifiers.apparatus(text)]))  # same length, so offsets still point into the original
    # What a page lost in conversion, put back at the same length: a rupee sign ("L750 cr"), a
    # fraction glyph ("21/2 days"), the space between an infobox label and its value ("Height85 m").
    written = lost_fractions(currencies.misencoded_rupees(text))
    text = unglue_labels(written)
    # "1\u200b000": read without the invisible characters; `gaps[i]` is where, in the text read, the
    # i-th removed character stood, so an offset maps back by counting the gaps at or before it.
    gaps = [m.start() - i for i, m in enumerate(INVISIBLE.finditer(text))]
    if gaps:
        text, written = INVISIBLE.sub("", text), INVISIBLE.sub("", written)
    dot_groups, space_groups = dot_page(text), bool(SPACE_PAGE.search(text))
    indian = bool(INDIAN_PAGE.search(text))
    page = Page(text, figure_pattern(space_groups, dot_groups, indian), figure_pattern(space_groups, dot_groups, indian, True), dot_groups,
                 bool(METRES_WRITTEN.search(text)) and not MONEY_M.search(text))
    # "Category 4", "magnitude 6.8": a scale's figure, not a count; read with its label as written,
    # so an infobox's glued "Magnitude6.8" is the scale's too
    found: list[Quantity] = find_ratings(written)
    taken = _Spans((q.start, q.end) for q in found)
    for d in [*find_shares(text, NUMWORDS, words_to_number),  # "half an hour", "an hour and a half"
              *find_durations(text, NUMWORDS, words_to_number)]:  # "three hours and twenty minutes": one duration
        if not taken.overlaps(d.start, d.end):
            found.append(d)
            taken.add(d.start, d.end)
    for rx, make in ((FRACTION_SCALE_RE, share_of_scale), (FRACTION_RE, share)):
        for m in rx.finditer(text):
            q = make(text, m)
            if q is not None and not taken.overlaps(q.start, q.end):
                found.append(q)
                taken.add(q.start, q.end)
    cores = list(page.core.finditer(text))
    glued = [g for g in (page.glued.match(text, at) for at in glued_at(text)) if g is not None]
    if glued:
        cores = sorted([*cores, *glued], key=lambda c: c.start())
    i = 0
    while i < len(cores):
        m = cores[i]
        i += 1
        if taken.overlaps(m.start(), m.end()):
            continue
        q, used_next = _quantity_at(page, m, cores[i] if i < len(cores) else None)
        if used_next:
            i += 1  # the range (or the score) consumed the next number
        if q is None or taken.overlaps(q.start, q.end):
            continue
        found.append(q)
        taken.add(q.start, q.end)
    for rx, make_vague in ((VAGUE_RE, vague_amount), (FEW_RE, few_of_scale), (RANK_RE, rank)):
        for m in rx.finditer(text):
            if taken.overlaps(m.start(), m.end()):  # masked spans are already blank in `text`
                continue
            q = make_vague(text, m)
            if q:
                found.append(q)
                taken.add(q.start, q.end)
    found = inherit_hedges(merge_two_sided(converted_ranges(sorted(found, key=lambda q: q.start), text), text), text)
    if gaps:
        found = [replace(q, start=q.start + bisect.bisect_right(gaps, q.start),
                         end=q.end - 1 + bisect.bisect_right(gaps, q.end - 1) + 1) for q in found]
    return [replace(q, quote=original[q.start:q.end]) for q in found]


def _unit_after(text: str, end: int, before: str, scaled: bool, currency: str | None) -> tuple[str, str | None, float, int]:
    """Look right of a number for its unit: (kind, unit, multiplier, new end of the phrase)."""
    after = text[end:end + 40]
    m = re.match(r"[\s\u00a0]+percentage[\s\u00a0]+points?\b", after, re.IGNORECASE)
    if m:
        return "percent", "percentage point", 1.0, end + m.end()
    m = re.match(r"[\s\u00a0]*(?:%|per[\s\u00a0]?cent\b|percent\b|pc\b|pct\b)", after, re.IGNORECASE)
    if m:
        points = re.match(r"[\s\u00a0]+(?:age[\s\u00a0]+)?points?\b", after[m.end():], re.IGNORECASE)
        if points:
            return "percent", "percentage point", 1.0, end + m.end() + points.end()
        return "percent", "percent", 1.0, end + m.end()
    m = re.match(r"[\s\u00a0]+per[\s\u00a0]+([0-9][0-9,]*|thousand|hundred|million|capita|head)\b", after, re.IGNORECASE)
    if m:  # "15.88 per 1,000": a rate
        return "rate", "per " + m.group(1).replace(",", ""), 1.0, end + m.end()
    m = re.match(r"-year-old\b|[\s\u00a0]+years?[\s\u00a0]+old\b", after, re.IGNORECASE)
    if m:
        return "age", "year", 1.0, end + m.end()
    if not currency:
        money = currencies.currency_after(text, end, before, scaled)
        if money:
            return "money", money[0], 1.0, money[1]
    measure = units.unit_after(text, end)
    if measure and not (currency and measure[0] in ("m", "t", "B")):
        return "measure", measure[0], 1.0, measure[1]
    m = re.match(r"[\s\u00a0\-]+(?:more[\s\u00a0]+|long[\s\u00a0]+|full[\s\u00a0]+)?([a-z]+)", after, re.IGNORECASE)
    if m:
        first = m.group(1).lower()
        if first in TIME_UNITS:
            unit, mult = TIME_UNITS[first]
            return "duration", unit, float(mult), end + m.end(1)
    return "count", None, 1.0, end


def _quantity_at(page: Page, m: re.Match[str], nxt: re.Match[str] | None) -> tuple[Quantity | None, bool]:
    """The quantity whose figure `m` matched (or None), and whether it consumed the next match `nxt`."""
    text = page.text
    value, step, scale = figure_value(m, page.dot_groups)
    if value is None:
        return None, False
    if pair_is_score(page, m, nxt):
        return None, True
    start, end = m.start(), m.end()
    before = text[max(0, start - 30):start]
    cur = m.group("cur")
    currency = currencies.prefix_code(cur, text[max(0, start - 150):end + 150]) if cur else None
    factor = scale_factor(page, m, scale, currency)
    if factor is None:
        return None, False
    metres = factor == 0.0
    kilometres = factor == -1.0
    scaled = bool(scale or (m.group("scale") or "").lower().startswith("dozen")) and not metres and not kilometres
    if scaled:
        value, step = value * factor, step * factor
    negative = bool(m.group("sign") or m.group("csign"))
    sign_word = SIGN_WORD_BEFORE.search(before)
    if sign_word and not negative:
        negative, start, before = True, start - len(sign_word.group()), before[:sign_word.start()]
    unit: str | None
    if metres or kilometres:
        kind, unit, mult, qend = "measure", "m" if metres else "km", 1.0, end
    else:
        kind, unit, mult, qend = _unit_after(text, end, text[max(0, start - 150):start], scaled, currency)
    if (kind == "money" and not cur and not scaled and YEARISH.match(m.group("num"))
            and re.search(r"(?:\(|\b(?:in|constant|real|of))[\s\u00a0]*$", before, re.IGNORECASE)):
        return None, False  # "(2005 USD)", "in 2010 dollars": the year a sum is priced in
    if kind == "count" and not scaled and value <= 13 and _SCHOOL_YEARS.search(before) and _SCHOOL_YEARS_AFTER.match(text, end):
        return None, True  # "in years seven to nine": school years, the second label goes with the first
    if is_not_a_quantity(page, m, has_unit=kind != "count" or currency is not None or scaled):
        # "pp. 9-47", "in 2019-20", "March 3-4": the figure after the dash goes with this one
        return None, nxt is not None and re.fullmatch(r"[-–]", text[m.end():nxt.start()]) is not None
    # Ranges: "between A and B", "from A to B", "A-B", "A to B", "A or B"; the unit may follow
    # either end ("3% to 4%", "44 mg to 50 mg", "20-25 km3"). "Rose from 11 to 18" is a change.
    if nxt is not None and not _CHANGE_BEFORE.search(before):
        q = _range(page, m, nxt, value, step, scaled, currency, (kind, unit, mult, qend), start, before, negative)
        if q is not None:
            return q, True
    if unit == "°":
        unit = units.degrees_scale(text, start, qend) or unit  # "a temperature of 660 degrees"
    if currency:
        kind, unit = "money", currency
    elif kind == "count" and re.search(r"[A-Z][a-z]+,[\s\u00a0]*$", before) and text[end:end + 1] == "," and value < 130:
        kind, unit = "age", "year"  # "Omir Bekaly, 46, is": an appositive age
    elif kind == "count" and _AGE_BEFORE.search(before):
        kind, unit = "age", "year"  # "the age of 18", "aged over 60"
    compound = counted_compound(m.group("num"), text[qend:qend + 30]) if kind == "count" and not currency and not scaled else None
    if compound:
        qend += compound.end()  # "500-passenger": the noun says what is counted
    each = re.match(r"[\s\u00a0]+each\b", text[qend:qend + 8])
    if each:
        qend += each.end()
    if negative:
        value = -value
    # "from three days to several months": only the lower end is a figure.
    if re.search(r"\bfrom[\s\u00a0]+$", before, re.IGNORECASE) and re.match(r"[\s\u00a0]+to[\s\u00a0]+(?:several|many|a few)\b", text[qend:qend + 20], re.IGNORECASE):
        value *= mult
        return _finite(Quantity(start, qend, text[start:qend], kind, Bound.AT_LEAST, value, value, None, unit)), False
    bound, near, qstart = Bound.EXACT, False, start
    wide = text[max(0, start - 80):start]
    hedge = hedge_of(wide)
    if hedge:
        phrase = " ".join(wide[hedge[0]:].split()).lower()
        bound, near = hedge[1], hedge[2]
        qstart = start - (len(wide) - hedge[0])
        if phrase in ("some", "over", "under", "about", "around") and kind == "count" and value < 10 and not scaled and not m.group("num")[0].isdigit():
            bound, qstart = Bound.EXACT, start  # "some two" is rare; "under one roof" is not a bound
        elif (phrase == "within" and kind == "measure" and units.FACTORS.get(unit or "", ("", 0.0))[0] == "m"
              and re.match(r"[\s\u00a0]+of\b", text[qend:qend + 6])):
            bound, qstart = Bound.EXACT, start  # "within 500 m of the wreck": the distance that bounds a zone is exact
    suffix = SUFFIX_RE.match(text[end:end + 16])
    if suffix and kind == "count" and bound is Bound.EXACT:
        bound = SUFFIX_BOUNDS[re.sub(r"[\s\u00a0-]+", " ", (suffix.group(1) or suffix.group(2)).lower()).strip()]
        qend = end + suffix.end()
    value *= mult
    step *= mult
    if m.group("tol") and bound is Bound.EXACT:  # "2,550 ± 50": the stated uncertainty is the interval
        tol = float(m.group("tol").replace(",", "")) * mult * SCALES.get((m.group("scale") or m.group("tscale") or "").lower(), 1.0)
        return _finite(Quantity(qstart, qend, text[qstart:qend], kind, Bound.APPROX, value, value - tol, value + tol, unit)), False
    low, high = interval(bound, value, allowance(value, step, scaled), near)
    return _finite(Quantity(qstart, qend, text[qstart:qend], kind, bound, value, low, high, unit)), False


# School years: "in years seven to nine", "across Years 7-9": labels, not a range of anything
_SCHOOL_YEARS = re.compile(r"\b(?i:in|into|across|from|between|through|of|for|school)[\s\u00a0]+(?:[Yy]ears|YEARS)[\s\u00a0]+$")
_SCHOOL_YEARS_AFTER = re.compile(r"[\s\u00a0]*(?:[-–]|to\b|and\b)[\s\u00a0]*(?:[0-9]{1,2}|one|two|three|four|five|six|seven|eight|"
                                 r"nine|ten|eleven|twelve|thirteen)\b(?![\s\u00a0]+[a-z]+s\b)", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:aged?|ages)(?:[\s\u00a0]+of)?[\s\u00a0]+(?:between[\s\u00a0]+)?(?:" + "|".join(
    re.escape(h) for h, _, _ in PREFIX_HEDGES if h.isalpha() or " " in h) + r")?[\s\u00a0]*$", re.IGNORECASE)


def _range(page: Page, m: re.Match[str], nxt: re.Match[str], value: float, step: float, scaled: bool,
           currency: str | None, first_unit: tuple[str, str | None, float, int], start: int, before: str,
           negative: bool) -> Quantity | None:
    """The range that starts at `m` and ends at `nxt`, or None when the two are not one."""
    text = page.text
    kind, unit, mult, qend = first_unit
    lead = re.search(r"\b(between|from)[\s\u00a0]+$", before, re.IGNORECASE)
    if lead and lead.group(1).lower() == "between":
        joiner = r"[\s\u00a0]+(?:and|to)[\s\u00a0]+|[\s\u00a0]*[-–][\s\u00a0]*"
    elif lead:
        joiner = r"[\s\u00a0]+to[\s\u00a0]+|[\s\u00a0]*[-–][\s\u00a0]*"
    else:
        joiner = r"[\s\u00a0]*(?:-|–|—)[\s\u00a0]*|~|-?[\s\u00a0]+(?:to|or|through|thru)[\s\u00a0]+"
    ends = {m.end(), qend}
    # "between 5 -10%": the sign the pattern gave the second figure is the range's dash
    dash = bool(nxt.group("sign")) and not text[m.end():nxt.start()].strip() and text[m.end():nxt.start()] != ""
    if not dash and not any(re.fullmatch(joiner, text[e:nxt.start()]) for e in ends if e <= nxt.start()):
        return None
    if identifiers.is_date(text[max(0, nxt.start() - 60):nxt.start()], text[nxt.end():nxt.end() + 40]):
        return None  # "between 11,940 ± 40 and 2,550 ± 50 BP", "March 3-4": a span of dates
    high, _, high_scale = figure_value(nxt, page.dot_groups)
    if high is None:
        return None
    nxt_cur = nxt.group("cur")
    cur2 = currencies.prefix_code(nxt_cur, text[max(0, nxt.start() - 150):nxt.end() + 150]) if nxt_cur else None
    high_factor = scale_factor(page, nxt, high_scale, currency or cur2)
    if high_factor is None or high_factor < 0 or is_not_a_quantity(page, nxt, has_unit=True):
        return None
    unit2: str | None
    if high_factor == 0.0:  # metres
        kind2, unit2, mult2, qend2 = "measure", "m", 1.0, nxt.end()
    else:
        high *= high_factor
        kind2, unit2, mult2, qend2 = _unit_after(text, nxt.end(), text[max(0, start - 150):nxt.start()], bool(high_scale), currency or cur2)
    if (nxt.group("sign") and not dash) or nxt.group("csign"):
        high = -high
    if kind != "count" and kind2 != "count" and (kind, unit) != (kind2, unit2):
        return None  # "from 44 ml to 50 mg": two quantities, not one range
    if kind in ("percent", "measure", "duration", "rate", "age") and kind2 == "count":
        return None  # "fell 2% to 7,400": a share, then a count
    if kind2 == "count" and kind != "count":
        kind2, unit2, mult2, qend2 = kind, unit, mult, nxt.end()
    words_scale = re.search(rf"(?:{SCALE_WORD})$", nxt.group("num"), re.IGNORECASE)
    if (not scaled and (high_scale or words_scale) and high_factor not in (0.0, 1.0)) or (not scaled and words_scale):
        factor = high_factor if high_scale else SCALES.get(words_scale.group().lower(), 1) if words_scale else 1
        if value * factor <= abs(high):  # "1.25 to 1.5 million", "three to four million"
            value, scaled = value * factor, True
    low = -value if negative else value
    if low < 0 and high < 0 and low > high:
        low, high = high, low  # "from -18 °C to -34 °C"
    if not low < high or high == 0:
        return None
    qstart = start - len(lead.group(0)) if lead else start
    kind_out = "money" if (currency or cur2) else kind2
    unit_out = currency or cur2 or unit2
    if kind_out == "count" and _AGE_BEFORE.search(text[max(0, qstart - 30):qstart] + " "):
        kind_out, unit_out = "age", "year"
    return _finite(Quantity(qstart, qend2, text[qstart:qend2], kind_out, Bound.RANGE, None, low * mult2, high * mult2, unit_out))


def _finite(q: Quantity) -> Quantity | None:
    """Skip a quantity whose numbers no finite float holds (a 400-digit figure, an overflowing scale)."""
    if any(x is not None and not math.isfinite(x) for x in (q.value, q.low, q.high)):
        return None
    return q
