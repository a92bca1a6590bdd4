"""currencies.py: what makes a figure money, as ISO 4217 codes."""
from __future__ import annotations

import re

import pytest

from claimcheck.claims.currencies import PREFIX, currency_after, prefix_code

_PREFIX = re.compile(PREFIX)


@pytest.mark.parametrize("text, code", [
    ("US$40", "USD"), ("$US72m", "USD"), ("A$2bn", "AUD"), ("S$15", "SGD"), ("HK$3.4bn", "HKD"), ("NZ$5", "NZD"),
    ("C$10", "CAD"), ("R$9", "BRL"), ("RM9.90", "MYR"), ("Rs 500", "INR"), ("EUR80m", "EUR"), ("USD 5bn", "USD"),
    ("€1.2bn", "EUR"), ("£4m", "GBP"), ("₹250", "INR"), ("¥2tn", "JPY"), ("₩1,000", "KRW"), ("RMB 5bn", "CNY"),
])
def test_prefixes(text, code):
    m = _PREFIX.match(text)
    assert m is not None and prefix_code(m.group()) == code


def test_yen_or_yuan_by_context():
    assert prefix_code("¥", "Tokyo said the stimulus totals") == "JPY"
    assert prefix_code("¥", "Beijing lent the province") == "CNY"


@pytest.mark.parametrize("text", ["EURO 2024", "USDA rules", "CADDIE 5", "PHP 8", "eur 5"])
def test_not_prefixes(text):
    m = _PREFIX.match(text)
    assert m is None or m.group() in ("$",)


@pytest.mark.parametrize("after, before, scaled, code", [
    (" euros each", "", False, "EUR"),
    (" EUR after tax", "", False, "EUR"),
    (" Australian dollars", "", False, "AUD"),
    (" Swiss francs", "", False, "CHF"),
    (" pounds sterling", "", False, "GBP"),
    (" pounds", "He was fined", False, "GBP"),
    (" pounds for charity", "It raised 20 million", True, "GBP"),
    (" pounds", "The suitcase weighed", False, None),
    (" pounds of cocaine", "Police seized 300 million", True, None),
    (" won", "The ticket cost 20,000", False, "KRW"),
    (" lire", "The old dam cost 3.1 billion", True, "ITL"),  # Italy's currency before the euro
    (" won by women", "Of the 650 seats, 220", False, None),
    (" people", "", False, None),
])
def test_currency_after(after, before, scaled, code):
    found = currency_after("5" + after, 1, before, scaled)
    assert (found[0] if found else None) == code
