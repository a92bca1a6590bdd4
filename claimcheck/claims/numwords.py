"""Number words and the tables a figure's words are read with: "twenty-two", "one hundred and
fifty", "a million", "two dozen"; scale words and letters ("lakh", "crore", "bn", "m"); ordinals,
shares ("a third"), units of time and the fraction glyphs ("½"). Pure Python.

    words_to_number("one hundred and fifty")   -> 150.0
"""
from __future__ import annotations

import re

from .hedges import SP as _SP

UNITS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"])}
TENS = {w: 10 * (i + 2) for i, w in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "lakhs": 1e5,
          "crore": 1e7, "crores": 1e7, "lakh crore": 1e12, "k": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9,
          "b": 1e9, "tn": 1e12, "trn": 1e12, "tln": 1e12, "t": 1e12, "mil": 1e6, "cr": 1e7, "crs": 1e7}
ORDINALS = {w: i + 1 for i, w in enumerate(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"])}
FRACTIONS = {"half": 50, "a half": 50, "one-half": 50, "a third": 100 / 3, "one-third": 100 / 3,
             "one third": 100 / 3, "two-thirds": 200 / 3, "two thirds": 200 / 3, "a quarter": 25,
             "one-quarter": 25, "one quarter": 25, "three-quarters": 75, "three quarters": 75,
             "a fifth": 20, "one-fifth": 20, "a tenth": 10, "one-tenth": 10}
TIME_UNITS = {"year": ("year", 1), "years": ("year", 1), "yrs": ("year", 1), "month": ("month", 1),
              "months": ("month", 1), "week": ("week", 1), "weeks": ("week", 1), "day": ("day", 1), "days": ("day", 1),
              "hour": ("hour", 1), "hours": ("hour", 1), "hrs": ("hour", 1), "minute": ("minute", 1),
              "minutes": ("minute", 1), "mins": ("minute", 1), "min": ("minute", 1), "second": ("second", 1),
              "seconds": ("second", 1), "secs": ("second", 1), "decade": ("year", 10), "decades": ("year", 10),
              "century": ("year", 100), "centuries": ("year", 100), "millennium": ("year", 1000),
              "millennia": ("year", 1000)}
WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
SCALE_WORD = rf"hundred|thousand|million|billion|trillion|lakh{_SP}crores?|lakhs?|crores?"
NUMWORDS = rf"(?:{WORD})(?:(?:-|{_SP})(?:{WORD}|dozen)|{_SP}(?:{SCALE_WORD})(?:{_SP}and(?={_SP}(?:{WORD})))?)*\b"
NUM = r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+"
VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875,
          "⅕": 0.2}
VULGAR_CHARS = "".join(VULGAR)


def words_to_number(words: str) -> float | None:
    """'Twenty-two' -> 22, 'one hundred and fifty' -> 150, 'a million' -> 1e6, 'two dozen' -> 24."""
    total, current = 0.0, 0.0
    seen = False
    words = re.sub(r"lakh[\s\u00a0]+crores?", "lakhcrore", words.lower().strip())  # 1e5 x 1e7
    part = re.search(r"[\s\u00a0]+and[\s\u00a0]+an?[\s\u00a0]+(half|quarter)$", words)
    if part:  # "two and a half"
        whole = words_to_number(words[:part.start()])
        return None if whole is None else whole + (0.5 if part.group(1) == "half" else 0.25)
    for token in re.split(r"[\s\u00a0\u202f\-]+", words):
        if token in ("and", ""):
            continue
        if token in ("a", "an"):
            current, seen = 1, True
        elif token in UNITS:
            if current % 100 and (UNITS[token] >= 10 or current % 10):
                return None  # "three twenty", "one one hundred": not one number
            current += UNITS[token]
            seen = True
        elif token in TENS:
            if current % 100:
                return None
            current += TENS[token]
            seen = True
        elif token == "dozen":
            current = (current or 1) * 12
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in ("thousand", "million", "billion", "trillion", "lakh", "lakhs", "crore", "crores", "lakhcrore"):
            total += (current or 1) * SCALES.get(token, 1e12)
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None
