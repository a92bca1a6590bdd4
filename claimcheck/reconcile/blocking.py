"""Blocking: the key that decides which claims are ever compared.

Comparing every claim with every other is quadratic; claims are compared only with those that
share a key built from their kind, their unit (after conversion to a base unit, so 600 miles meets
965 km) and the first letters of what they count, so the work stays near n log n, spelling
variants of one entity still meet (rapidfuzz decides inside the block), and a cluster can
shuffle claims by key.
"""
from __future__ import annotations

from ..model import Claim, Kind

# Kinds whose figures are about a document's own narrative ("for two decades", "aged 46", "second
# largest"); comparing them across articles cries wolf far more often than it finds anything.
UNBLOCKED = {Kind.DURATION, Kind.AGE, Kind.RANK}
PREFIX = 3  # letters of the entity in the key: "kazakh" and "kazahk" meet, "kazakh" and "kyrgyz" do not


def base_value(claim: Claim) -> tuple[float | None, float | None, float | None, str | None]:
    """(value, low, high, unit) in the unit's base unit, when the units module knows it."""
    if claim.kind is not Kind.MEASURE or not claim.unit:
        return claim.value, claim.low, claim.high, claim.unit
    try:
        from ..claims.units import to_base_unit  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return claim.value, claim.low, claim.high, claim.unit
    factor, unit = _factor(to_base_unit, claim.unit)

    def scale(x: float | None) -> float | None:
        return None if x is None else x * factor

    return scale(claim.value), scale(claim.low), scale(claim.high), unit


def _factor(convert, unit: str) -> tuple[float, str]:
    try:
        value, base = convert(1.0, unit)
        return float(value), str(base)
    except (KeyError, ValueError, TypeError):
        return 1.0, unit


def block_key(claim: Claim) -> str | None:
    """`kind|unit|ent`, or None when the claim cannot be compared with anything."""
    if claim.kind in UNBLOCKED or claim.frame is None or not claim.frame.entity:
        return None
    if claim.kind is Kind.FACT:
        return f"fact|{claim.frame.event or ''}|{claim.frame.entity[:PREFIX]}"
    unit = base_value(claim)[3]
    return f"{claim.kind.value}|{unit or ''}|{claim.frame.entity[:PREFIX]}"
