"""Numbers: text -> Quantities (digits, scales, number words, money, shares, ranges, vague amounts).
Pure Python, no spaCy. The hedge words, and the rules that turn a hedged figure into an interval,
live in `hedges.py`.

What is *not* a quantity: years and dates (they qualify a claim as its `time`), clock times,
ordinals (except "second largest"-style ranks), identifiers ("Article 55", "Resolution 2231"),
numbers glued inside words ("COVID-19", "G7"), and anything in a masked span (URLs, footnote
markers, page chrome).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from .hedges import (EMPHASIS_BEFORE, HEDGE_RE, HEDGES, PREFIX_HEDGES, SP as _SP, SUFFIX_BOUNDS, SUFFIX_RE,
                     VAGUE, allowance, interval)
from ..model import Bound, Quantity, Span

UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
ORDINALS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth".split())}
MONTHS = ("jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
          "july|august|september|october|november|december")
FRACTIONS = {"half": 50, "a half": 50, "one-half": 50, "a third": 100 / 3, "one-third": 100 / 3,
             "one third": 100 / 3, "two-thirds": 200 / 3, "two thirds": 200 / 3, "a quarter": 25,
             "one-quarter": 25, "one quarter": 25, "three-quarters": 75, "three quarters": 75,
             "a fifth": 20, "one-fifth": 20, "a tenth": 10, "one-tenth": 10}
CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY", "₸": "KZT", "₽": "RUB"}
CURRENCY_WORDS = {"dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
                  "yuan": "CNY", "renminbi": "CNY", "tenge": "KZT", "rubles": "RUB", "roubles": "RUB",
                  "som": "KGS", "yen": "JPY", "rupees": "INR"}
TIME_UNITS = {"year": ("year", 1), "years": ("year", 1), "month": ("month", 1), "months": ("month", 1),
              "week": ("week", 1), "weeks": ("week", 1), "day": ("day", 1), "days": ("day", 1),
              "hour": ("hour", 1), "hours": ("hour", 1), "decade": ("year", 10), "decades": ("year", 10),
              "century": ("year", 100), "centuries": ("year", 100)}
MEASURES = {"km2": "km2", "km²": "km2", "km": "km", "kilometres": "km", "kilometers": "km", "miles": "mile", "mile": "mile",
            "metres": "m", "meters": "m", "tonnes": "t", "tons": "t", "kg": "kg", "hectares": "ha",
            "acres": "acre", "square kilometres": "km2", "square kilometers": "km2", "sq km": "km2",
            "feet": "ft", "mw": "MW", "gw": "GW", "barrels": "barrel"}

_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_SCALE_WORD = "hundred|thousand|million|billion|trillion"
_NUMWORDS = rf"(?:{_WORD})(?:(?:-|{_SP})(?:{_WORD}|dozen)|{_SP}(?:{_SCALE_WORD})(?:{_SP}and(?={_SP}(?:{_WORD})))?)*\b"
_DIGITS = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}(?:[\u00a0\u202f\u2009][0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?"
CORE = re.compile(
    rf"(?:(?<![\w/.,:])(?P<cur>US\$|[$€£¥₸₽])|(?<![\w/.,:$€£¥₸₽])(?:(?<![A-Za-z]-)|(?<=[0-9][km]-)|(?<=[0-9]bn-)))(?P<num>{_DIGITS}|\.[0-9]+|{_NUMWORDS}|an?(?={_SP}(?:{_SCALE_WORD}|dozen)\b)"
    rf"|half(?:{_SP}an?)?(?={_SP}(?:{_SCALE_WORD}|dozen)\b))"
    rf"(?:(?P<gscale>bn|mn|mln|k|m|b)(?![\w])|(?:{_SP}|(?<=[0-9]))(?P<scale>{_SCALE_WORD}|dozens?)\b)?"
    rf"(?:[\s\u00a0]*±[\s\u00a0]*(?P<tol>[0-9][0-9,]*(?:\.[0-9]+)?)(?:{_SP}(?P<tscale>{_SCALE_WORD})\b)?)?",
    re.I)
_VAGUE_RE = re.compile(r"\b(?P<q>(?:tens|hundreds)\s+of\s+(?:thousands|millions)\b|(?:dozens|scores|hundreds|thousands|millions|billions)"
                       r"(?=\s+of\s+\w|\s+(?:more\s+)?[a-z]+s\b))", re.I)
_FRACTION_RE = re.compile(r"\b(?P<q>" + "|".join(sorted((re.escape(f) for f in FRACTIONS), key=len, reverse=True))
                          + r")(?=\s+of\b)|\b(?P<q2>(?:one|two|three|[0-9]{1,2})[\s-]in[\s-](?:two|three|four|five|six|seven|eight|nine|ten|[0-9]{1,3}))\b", re.I)
_RANK_RE = re.compile(r"\b(?P<q>(?:" + "|".join(ORDINALS) + r")[\s-](?:largest|biggest|smallest|highest|lowest|most|least|richest|poorest))\b", re.I)
_ID_WORDS = (r"(?:articles?|sections?|chapters?|parts?|paragraphs?|clauses?|no|nos|number|resolutions?|rules?|"
             r"figures?|figs?|tables?|pages?|pp?|vol|volumes?|issues?|routes?|highways?|flights?|rooms?|grades?|"
             r"levels?|phases?|versions?|titles?|acts?|amendments?|covid|group of|units?|tiers?|protocols?|items?|"
             r"cases?|episodes?|seasons?|lines?|platforms?|gates?|districts?|zones?|wards?|square|streets?|st|"
             r"avenues?|roads?|rd|role|category|categories|class|type|model|series|exhibits?|appendix)")
# "Article 55", and the rest of a list of them: "Districts 2, 4 and 10", "Districts 14 and 19-22"
_IDENTIFIER_BEFORE = re.compile(
    rf"\b{_ID_WORDS}\.?[\s\u00a0]*#?(?:[0-9]+[\s\u00a0]*(?:,|and|&|or|-|–)[\s\u00a0]*)*$", re.I)
_ERA_AFTER = re.compile(r"^(?:[\s\u00a0]*±[\s\u00a0]*[0-9,]+)?[\s\u00a0]*(?:BC|BCE|AD|CE|BP)\b")
_CHANGE_BEFORE = re.compile(r"\b(?:increas|rose|rise|rising|grew|grow|fell|fall|dropp?|declin|decreas|jump|climb|"
                            r"went|expand|shr[ai]nk|cut|rais|reduc|doubl|tripl|surg|soar|plung|slump)\w*"
                            r"[\s\u00a0]+(?:[\w,]+[\s\u00a0]+){0,3}from[\s\u00a0]+"
                            r"(?:(?:about|around|some|roughly|nearly|almost|over|under|just)[\s\u00a0]+)?$", re.I)
_DATE_BEFORE = re.compile(rf"\b(?:{MONTHS})\.?[\s\u00a0]+$", re.I)
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?[\s\u00a0]+(?:of[\s\u00a0]+)?(?:{MONTHS})\b", re.I)
_YEARISH = re.compile(r"^(1[0-9]{3}|20[0-9]{2}|2100)$")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|these|those|its|their|his|her|our|your|my|all|both|every|each)[\s\u00a0]+$", re.I)
_CLOCK_AFTER = re.compile(r"^(?::[0-9]{2}|[\s\u00a0]*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b))", re.I)


def words_to_number(words: str) -> float | None:
    """'Twenty-two' -> 22, 'one hundred and fifty' -> 150, 'a million' -> 1e6, 'two dozen' -> 24."""
    total, current = 0.0, 0.0
    seen = False
    for token in re.split(r"[\s\u00a0\u202f\-]+", words.lower().strip()):
        if token in ("and", ""):
            continue
        if token in ("a", "an"):
            current, seen = 1, True
        elif token in UNITS:
            current += UNITS[token]
            seen = True
        elif token in TENS:
            current += TENS[token]
            seen = True
        elif token == "dozen":
            current = (current or 1) * 12
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in ("thousand", "million", "billion", "trillion"):
            total += (current or 1) * SCALES[token]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(text: str) -> float | None:
    """A bare number phrase ('2,000', '1.8 million', '$275m', 'Twenty-two') -> its value."""
    m = CORE.fullmatch(text.strip())
    return _core_value(m)[0] if m else None


def _core_value(m: re.Match) -> tuple[float | None, float]:
    """(value, rounding step) of a CORE match; the step is one unit of the last stated digit."""
    num = m.group("num")
    scale_word = (m.group("scale") or m.group("gscale") or "").lower()
    if num[0].isdigit() or num[0] == ".":
        digits = re.sub(r"[,\u00a0\u202f\u2009]", "", num)
        value = float(digits)
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        step = 10.0 ** -decimals
        if not decimals:
            stripped = digits.rstrip("0")
            step = 10.0 ** (len(digits) - len(stripped)) if stripped else 1.0
    elif num.lower().startswith("half"):
        value, step = 0.5, 0.5  # "half a million"
    else:
        value = words_to_number(num)
        if value is None:
            return None, 0.0
        step = value if value < 20 else 10.0 ** (len(str(int(value))) - len(str(int(value)).rstrip("0")))
    if scale_word in ("dozen", "dozens"):
        return value * 12, 12.0
    if scale_word == "m" and not m.group("cur"):
        return value, step  # "5m" without a currency reads as metres; the unit says so
    scale = SCALES.get(scale_word or (m.group("tscale") or "").lower(), 1.0)
    return value * scale, step * scale


def blank(text: str, spans: Iterable[Span]) -> str:
    """`text` with the given spans replaced by spaces: same length, so offsets survive."""
    chars = list(text)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


def _masked(start: int, end: int, masks: list[Span]) -> bool:
    return any(s < end and start < e for s, e in masks)


def _unit_after(text: str, end: int) -> tuple[str, str | None, float, int]:
    """Look right of a number for its unit: (kind, unit, multiplier, new end of the phrase)."""
    after = text[end:end + 40]
    m = re.match(r"[\s\u00a0]*(?:%|per[\s\u00a0]?cent\b|percent\b|pc\b)", after, re.I)
    if m:
        return "percent", "percent", 1.0, end + m.end()
    m = re.match(r"[\s\u00a0]+per[\s\u00a0]+([0-9][0-9,]*|thousand|hundred|million|capita|head)\b", after, re.I)
    if m:  # "15.88 per 1,000": a rate
        return "rate", "per " + m.group(1).replace(",", ""), 1.0, end + m.end()
    m = re.match(r"-year-old\b|[\s\u00a0]+years?[\s\u00a0]+old\b", after, re.I)
    if m:
        return "age", "year", 1.0, end + m.end()
    m = re.match(r"[\s\u00a0\-]+(?:more[\s\u00a0]+|long[\s\u00a0]+|full[\s\u00a0]+)?([a-z]+[²2]?(?:[\s\u00a0]+[a-z]+)?)", after, re.I)
    if m:
        first = m.group(1).split()[0].lower()
        if first in TIME_UNITS:
            unit, mult = TIME_UNITS[first]
            return "duration", unit, float(mult), end + m.start(1) + len(m.group(1).split()[0])
        if first in CURRENCY_WORDS:
            return "money", CURRENCY_WORDS[first], 1.0, end + m.start(1) + len(first)
        two = " ".join(m.group(1).lower().split()[:2])
        for key in (two, first):
            if key in MEASURES:
                return "measure", MEASURES[key], 1.0, end + m.start(1) + len(key)
    return "count", None, 1.0, end


def find_quantities(text: str, masks: Iterable[Span] = ()) -> list[Quantity]:
    """Every stated quantity in `text`, hedge and range included, outside the masked spans."""
    masks = sorted(masks)
    original, text = text, blank(text, masks)  # same length, so offsets still point into the original
    found: list[Quantity] = []
    taken: list[Span] = []
    cores = list(CORE.finditer(text))
    i = 0
    while i < len(cores):
        m = cores[i]
        i += 1
        q = _quantity_at(text, m, cores[i] if i < len(cores) else None)
        if q is None:
            continue
        if q.bound is Bound.RANGE:
            i += 1  # the range consumed the next number
        found.append(q)
        taken.append((q.start, q.end))
    for rx, make in ((_VAGUE_RE, _vague), (_FRACTION_RE, _fraction), (_RANK_RE, _rank)):
        for m in rx.finditer(text):
            if _masked(m.start(), m.end(), taken):  # masked spans are already blank in `text`
                continue
            q = make(text, m)
            if q:
                found.append(q)
    found = _merge_two_sided(sorted(found, key=lambda q: q.start), text)
    return [replace(q, quote=original[q.start:q.end]) for q in found]


def _merge_two_sided(found: list[Quantity], text: str) -> list[Quantity]:
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
            if low is not None and high is not None and low is not high and low.value < high.value:
                out[-1] = Quantity(prev.start, q.end, text[prev.start:q.end], prev.kind, Bound.RANGE, None,
                                   low.value, high.value, prev.unit or q.unit)
                continue
        out.append(q)
    return out


def _is_not_a_quantity(text: str, m: re.Match) -> bool:
    """Years, dates, identifiers, list numbers, names, denominators: digits that state no amount."""
    start, end = m.start("num"), m.end()
    num = m.group("num")
    before, after = text[max(0, start - 40):start], text[end:end + 30]
    is_digits = num[0].isdigit()
    if re.match(r"^(?:st|nd|rd|th|s)\b|^[:/][0-9]|^\.[0-9]|^-(?!odd\b|year)[a-z]", after, re.I):
        return True  # ordinals, decades, clock times, dotted identifiers, "19-year" handled as age
    if _CLOCK_AFTER.match(after) or _DATE_BEFORE.search(before) or _DATE_AFTER.match(after):
        return True
    if re.search(r"[0-9]{4}(?:-[0-9]{1,2})+-$", before) or re.match(r"^-[0-9]{1,2}-[0-9]{1,2}", after):
        return True  # ISO dates and timestamps: "2020-09-24-11-01-26"
    if _ERA_AFTER.match(after) or re.search(r"\bc\.[\s\u00a0]*$|\bcirca[\s\u00a0]+$", before) and _ERA_AFTER.match(
            re.sub(r"^[\s\u00a0]*[-–][\s\u00a0]*[0-9,]+", "", after)):
        return True  # "549 BC", "2,550 ± 50 BP", "c. 678-549 BC": years of an era
    if re.match(r"^[A-Z_]|^(?:,[0-9])+-[a-z]", after):
        return True  # glued to a capital or underscore ("3G", "01_file"), chemical locants ("1,2,3-tri...")
    if re.search(r"\bper[\s\u00a0]+$|[0-9][\s\u00a0]+in[\s\u00a0]+$", before) or re.match(r"^[\s\u00a0]+in[\s\u00a0]+[0-9]{1,3}\b", after):
        return True  # denominators: "15.88 per 1,000", "1 in 6" (a share, read as one)
    if (not is_digits and num[0].isupper() and re.match(r"^[\s\u00a0]+[A-Z][a-z]", after)
            and not re.search(r"(?:^|[.!?:;\"“”(]|\n)[\s\u00a0]*$", before)):
        return True  # part of a name: "the Four Corners region"
    if re.match(r"[0-9]+(?:(?:\.[0-9]+)+[ \t]+[A-Z]|[.)][ \t])", text[start:start + 20]) and re.search(r"(?:^|\n)[ \t]*$", before):
        return True  # numbering at the start of a line: "1.1 Background", "1. The first point", "2) then"
    if _IDENTIFIER_BEFORE.search(before) or (re.search(r"[A-Za-z][\-–]$", before)
                                             and not re.search(r"[0-9](?:k|m|bn)[\-–]$", before)):
        return True
    if re.search(r"\b(?:1[0-9]{3}|20[0-9]{2})[\-–]$", before) and (len(num) == 2 or _YEARISH.match(num)):
        return True
    if (is_digits and not m.group("cur") and not m.group("scale") and _YEARISH.match(num)
            and not re.match(r"^[\s\u00a0]*(?:%|per)", after) and not HEDGE_RE.search(before)):
        other = re.match(r"^[\s\u00a0]*[-–][\s\u00a0]*([0-9](?:[0-9,]*[0-9])?)", after)
        if not (other and not _YEARISH.match(other.group(1)) and len(other.group(1)) != 2):
            return True  # a year (or a span of years) qualifies a claim, it is not one
    if not is_digits:
        lowered = num.lower()
        if lowered in ("one", "a", "an") and not m.group("scale") and not re.match(r"^[\s\u00a0]+each\b", after):
            return True  # "one of", "on the one hand", "one it cannot": not counts
        if _DETERMINER_BEFORE.search(before) and not m.group("scale"):
            return True  # "the two neighbouring countries": a reference, not a claim
        if lowered == "zero":
            return True
    return False


def _quantity_at(text: str, m: re.Match, nxt: re.Match | None) -> Quantity | None:
    value, step = _core_value(m)
    if value is None or _is_not_a_quantity(text, m):
        return None
    start, end = m.start(), m.end()
    scaled = bool(m.group("scale") or m.group("gscale"))
    currency = CURRENCY_SIGNS.get((m.group("cur") or "").lower())
    before = text[max(0, start - 30):start]
    # Ranges: "between A and B", "from A to B", "A-B", "A to B".
    # "rose from 11 to 18" is a before and an after, not a range
    if nxt is not None and not _CHANGE_BEFORE.search(before):
        gap = text[end:nxt.start()]
        lead = re.search(r"\b(between|from)[\s\u00a0]+$", before, re.I)
        joiner = r"[\s\u00a0]*(?:-|–|—)[\s\u00a0]*" if not lead else (
            r"[\s\u00a0]+(?:and|to)[\s\u00a0]+" if lead.group(1).lower() == "between" else r"[\s\u00a0]+to[\s\u00a0]+")
        if re.fullmatch(joiner, gap) or (not lead and re.fullmatch(r"[\s\u00a0]+(?:to|or)[\s\u00a0]+", gap)):
            if _ERA_AFTER.match(text[nxt.end():nxt.end() + 20]):
                return None  # "between 11,940 ± 40 and 2,550 ± 50 BP": a span of dates
            high, high_step = _core_value(nxt)
            if high is not None and not _is_not_a_quantity(text, nxt) and high > 0:
                words_scale = re.search(rf"(?:{_SCALE_WORD})$", nxt.group("num"), re.I)
                tail = nxt.group("scale") or nxt.group("gscale") or (words_scale and words_scale.group())
                if not scaled and tail:  # "1.25 to 1.5 million", "three to four million"
                    factor = SCALES.get(tail.lower(), 1)
                    if value * factor <= high:  # "1.25 to 1.5 million"
                        value, step, scaled = value * factor, step * factor, True
                if value < high:
                    qstart = start - len(lead.group(0)) if lead else start
                    kind, unit, mult, qend = _unit_after(text, nxt.end())
                    currency = currency or CURRENCY_SIGNS.get((nxt.group("cur") or "").lower())
                    return Quantity(qstart, qend, text[qstart:qend], "money" if currency else kind, Bound.RANGE,
                                    None, value * mult, high * mult, currency or unit)
    kind, unit, mult, qend = _unit_after(text, end)
    if currency:
        kind, unit = "money", currency
    elif kind == "count" and re.search(r"[A-Z][a-z]+,[\s\u00a0]*$", before) and text[end:end + 1] == "," and value < 130:
        kind, unit = "age", "year"  # "Omir Bekaly, 46, is": an appositive age
    elif kind == "count" and re.search(r"\b(?:aged?|ages)(?:[\s\u00a0]+of)?[\s\u00a0]+(?:" + "|".join(
            re.escape(h) for h, _, _ in PREFIX_HEDGES if h.isalpha() or " " in h) + r")?[\s\u00a0]*$", before, re.I):
        kind, unit = "age", "year"  # "the age of 18", "aged over 60"
    each = re.match(r"[\s\u00a0]+each\b", text[qend:qend + 8])
    if each:
        qend += each.end()
    # "from three days to several months": only the lower end is a figure.
    if re.search(r"\bfrom[\s\u00a0]+$", before, re.I) and re.match(r"[\s\u00a0]+to[\s\u00a0]+(?:several|many|a few)\b", text[qend:qend + 20], re.I):
        value *= mult
        return Quantity(start, qend, text[start:qend], kind, Bound.AT_LEAST, value, value, None, unit)
    bound, near, qstart = Bound.EXACT, False, start
    hedge = HEDGE_RE.search(before)
    if hedge and not EMPHASIS_BEFORE.search(before[:hedge.start()] + " "):
        phrase = re.sub(r"[\s\u00a0\u202f\u2009]+", " ", hedge.group(0)).strip().lower()
        bound, near = HEDGES[phrase]
        qstart = start - len(hedge.group(0))
        if phrase in ("some", "over", "under", "about", "around") and kind == "count" and value < 10 and not scaled and not m.group("num")[0].isdigit():
            bound, qstart = Bound.EXACT, start  # "some two" is rare; "under one roof" is not a bound
    suffix = SUFFIX_RE.match(text[end:end + 16])
    if suffix and kind == "count" and bound is Bound.EXACT:
        bound = SUFFIX_BOUNDS[re.sub(r"[\s\u00a0-]+", " ", (suffix.group(1) or suffix.group(2)).lower()).strip()]
        qend = end + suffix.end()
    value *= mult
    step *= mult
    if m.group("tol") and bound is Bound.EXACT:  # "2,550 ± 50": the stated uncertainty is the interval
        tol = float(m.group("tol").replace(",", "")) * mult * SCALES.get(
            (m.group("scale") or m.group("tscale") or "").lower(), 1.0)
        return Quantity(qstart, qend, text[qstart:qend], kind, Bound.APPROX, value, value - tol, value + tol, unit)
    low, high = interval(bound, value, allowance(value, step, scaled), near)
    return Quantity(qstart, qend, text[qstart:qend], kind, bound, value, low, high, unit)


def _vague(text: str, m: re.Match) -> Quantity:
    word = re.sub(r"\s+", " ", m.group("q").lower())
    low, high = VAGUE[word]
    after = text[m.end():m.end() + 20].lower()
    money = re.match(r"\s+of\s+(dollars|euros|pounds|yuan|tenge)", after)
    kind, unit = ("money", CURRENCY_WORDS[money.group(1)]) if money else ("count", None)
    return Quantity(m.start("q"), m.end("q"), m.group("q"), kind, Bound.APPROX, None, low, high, unit, vague=True)


def _fraction(text: str, m: re.Match) -> Quantity:
    group = "q" if m.group("q") else "q2"
    phrase = re.sub(r"\s+", " ", m.group(group).lower())
    if phrase in FRACTIONS:
        value = FRACTIONS[phrase]
    else:
        a, b = re.split(r"[\s-]in[\s-]", phrase)
        num = float(a) if a.isdigit() else words_to_number(a) or 0
        value = 100 * num / (float(b) if b.isdigit() else words_to_number(b) or 1)
    return Quantity(m.start(group), m.end(group), m.group(group), "percent", Bound.EXACT, value, value, value, "percent")


def _rank(text: str, m: re.Match) -> Quantity:
    value = float(ORDINALS[re.split(r"[\s-]", m.group("q").lower())[0]])
    return Quantity(m.start("q"), m.end("q"), m.group("q"), "rank", Bound.EXACT, value, value, value, "rank")
