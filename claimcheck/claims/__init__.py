"""Claims: text -> Quantities (pure number grammar) -> Claims (with spaCy's parse).

    numbers.py   numbers, scales, number words, money, shares, ranges (pure Python); its grammar in
                 numwords.py, figure.py, habits.py, exclusions.py, amounts.py, joins.py
    hedges.py    hedge words and the interval rules (pure Python)
    extract.py   Document + Notes -> Claims; the only module that imports spaCy
    subjects.py  what a number counts, read off the parse extract.py hands over
"""
from __future__ import annotations

from .extract import extract_claims, extract_many, load_model
from .numbers import find_quantities

__all__ = ["extract_claims", "extract_many", "find_quantities", "load_model"]
