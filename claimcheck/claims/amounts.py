"""Amounts said in words that the figure pattern does not read: vague amounts ("hundreds", "tens of
thousands", by the interval convention in hedges.py), "a few hundred" and "several thousand",
shares ("a third of", "1 in 6", "three-quarters of a million") and ranks ("second largest").
Pure Python; each reader takes the text and its regex match and returns one Quantity.
"""
from __future__ import annotations

import re

from ..model import Bound, Quantity
from . import currencies
from .hedges import EMPHASIS_BEFORE, FEW, SEVERAL, VAGUE, allowance, hedge_before, interval
from .numwords import FRACTIONS, ORDINALS, SCALES, words_to_number

VAGUE_RE = re.compile(r"\b(?P<q>(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)\b|(?:dozens|scores|hundreds|thousands|millions|billions|trillions)"
                       r"(?=\s+of\s+\w|\s+(?:more\s+)?[a-z]+s\b))", re.IGNORECASE)
FEW_RE = re.compile(r"\b(?P<q>(?P<how>a\s+few|several)\s+(?P<s>dozen|hundred|thousand|million|billion)(?:\s+(?P<s2>thousand))?)\b", re.IGNORECASE)
_FRACTION_WORDS = "|".join(sorted((re.escape(f).replace(r"\ ", r"[\s\u00a0]+") for f in FRACTIONS), key=len, reverse=True))
FRACTION_RE = re.compile(
    rf"\b(?P<q>{_FRACTION_WORDS})(?=\s+(?:of|the|their|its|his|her|our|all|these|those)\b)|\b(?P<q2>(?:one|two|three|[0-9]{{1,2}})[\s-]in[\s-]"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|[0-9]{1,3}))\b(?![.,][0-9])"
    r"(?![\s\u00a0]+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b)", re.IGNORECASE)
# "three-quarters of a million", "a quarter million": a share of a scale is a count
FRACTION_SCALE_RE = re.compile(
    rf"\b(?P<q>(?P<f>{_FRACTION_WORDS})[\s\u00a0]+(?:of[\s\u00a0]+)?(?:an?[\s\u00a0]+)?(?P<s>thousand|million|billion|trillion))\b", re.IGNORECASE)
RANK_RE = re.compile(r"\b(?P<q>(?:" + "|".join(ORDINALS) + r"|[0-9]{1,3}(?:st|nd|rd|th))[\s-](?:largest|biggest|smallest|"
                      r"highest|lowest|most|least|richest|poorest|busiest|oldest|largest-ever|fastest|deadliest))\b", re.IGNORECASE)


def _hedged(text: str, start: int, value: float) -> tuple[Bound, int, float | None, float | None]:
    """The hedge before a share or fraction ("nearly half", "more than a third"): bound, start, low, high."""
    before = text[max(0, start - 30):start]
    hedge = hedge_before(before)
    if hedge is None or EMPHASIS_BEFORE.search(before[:hedge[0]] + " "):
        return Bound.EXACT, start, value, value
    bound, near = hedge[1], hedge[2]
    low, high = interval(bound, value, 0.0, near)
    return bound, start - (len(before) - hedge[0]), low, high


def vague_amount(text: str, m: re.Match[str]) -> Quantity:
    word = re.sub(r"\s+", " ", m.group("q").lower())
    low, high = VAGUE[word]
    after = text[m.end():m.end() + 20].lower()
    money = re.match(r"\s+of\s+(dollars|euros|pounds|yuan|tenge)", after)
    kind, unit = ("money", currencies.WORDS[money.group(1)]) if money else ("count", None)
    return Quantity(m.start("q"), m.end("q"), m.group("q"), kind, Bound.APPROX, None, low, high, unit, vague=True)


def few_of_scale(text: str, m: re.Match[str]) -> Quantity:
    """ "a few hundred", "several thousand": multiples of the scale word, by the convention in hedges.py."""
    lo, hi = FEW if m.group("how").lower().startswith("a") else SEVERAL
    scale = 12.0 if m.group("s").lower() == "dozen" else SCALES[m.group("s").lower()]
    if m.group("s2"):
        scale *= 1e3
    money = re.match(r"\s+of\s+(dollars|euros|pounds|yuan|tenge)", text[m.end():m.end() + 20], re.IGNORECASE)
    kind, unit = ("money", currencies.WORDS[money.group(1).lower()]) if money else ("count", None)
    return Quantity(m.start("q"), m.end("q"), m.group("q"), kind, Bound.APPROX, None, lo * scale, hi * scale, unit, vague=True)


def share(text: str, m: re.Match[str]) -> Quantity | None:
    group = "q" if m.group("q") else "q2"
    phrase = re.sub(r"\s+", " ", m.group(group).lower())
    if phrase in FRACTIONS:
        value = FRACTIONS[phrase]
    else:  # "1 in 6", "one-in-ten": a share
        a, b = re.split(r"[\s-]in[\s-]", phrase)
        num = float(a) if a.isdigit() else words_to_number(a)
        den = float(b) if b.isdigit() else words_to_number(b)
        if not num or not den or num >= den:
            return None  # "filled 3 in 0.5 seconds", "1 in 0": no share
        value = 100 * num / den
    bound, start, low, high = _hedged(text, m.start(group), value)
    return Quantity(start, m.end(group), text[start:m.end(group)], "percent", bound, value, low, high, "percent")


def share_of_scale(text: str, m: re.Match[str]) -> Quantity | None:
    """ "three-quarters of a million" -> 750,000; "half a million" is read by the core pattern."""
    share = FRACTIONS[re.sub(r"[\s\u00a0]+", " ", m.group("f").lower())]
    if share == 50:
        return None  # "half a million", "five and a half million": the core pattern reads these
    value = share / 100 * SCALES[m.group("s").lower()]
    bound, start, low, high = _hedged(text, m.start("q"), value)
    if bound is Bound.EXACT:
        low, high = interval(bound, value, allowance(value, value, True))  # as round as "250,000"
    return Quantity(start, m.end("q"), text[start:m.end("q")], "count", bound, value, low, high, None)


def rank(text: str, m: re.Match[str]) -> Quantity:
    first = re.split(r"[\s-]", m.group("q").lower())[0]
    value = float(ORDINALS[first] if first in ORDINALS else int(first[:-2]))
    return Quantity(m.start("q"), m.end("q"), m.group("q"), "rank", Bound.EXACT, value, value, value, "rank")
