"""Blocking: the key that decides which claims are ever compared.

Comparing every claim with every other is quadratic; claims are compared only with those that
share a key built from their kind, their unit (after conversion to a base unit, so 600 miles meets
965 km) and what they count, so the work stays near n log n and a cluster can shuffle claims by
key. Spelling variants of what they count ("Kazakh", "Kazahk") are folded first, once over the
distinct names rather than the claims: `canonical_entities` compares names that share their first
two letters with rapidfuzz and maps each to the most frequent spelling.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from rapidfuzz import fuzz, process

from ..model import Claim, Kind

# Kinds whose figures are about a document's own narrative ("for two decades", "aged 46", "second
# largest"); comparing them across articles cries wolf far more often than it finds anything.
UNBLOCKED = {Kind.DURATION, Kind.AGE, Kind.RANK}


def base_value(claim: Claim) -> tuple[float | None, float | None, float | None, str | None]:
    """(value, low, high, unit) in the unit's base unit: 600 mi and 965 km both in metres."""
    if claim.kind is not Kind.MEASURE or not claim.unit:
        return claim.value, claim.low, claim.high, claim.unit
    from ..claims.units import to_base_unit

    unit = to_base_unit(1.0, claim.unit)[1]

    def convert(x: float | None) -> float | None:
        return None if x is None else to_base_unit(x, claim.unit)[0]  # affine for °F, so each end on its own

    return convert(claim.value), convert(claim.low), convert(claim.high), unit


def canonical_entities(names: Iterable[str], fuzzy: int = 90) -> dict[str, str]:
    """Each entity name -> the spelling it is folded into (itself, or a more frequent variant)."""
    counts = Counter(names)
    canon: dict[str, str] = {}
    buckets: dict[str, list[str]] = {}
    for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        bucket = buckets.setdefault(name[:2], [])
        match = process.extractOne(name, bucket, scorer=fuzz.ratio, score_cutoff=fuzzy) if len(name) >= 5 and bucket else None
        if match is not None and len(match[0]) >= 5:
            canon[name] = match[0]
        else:
            canon[name] = name
            bucket.append(name)
    return canon


def block_key(claim: Claim, canon: Mapping[str, str] | None = None) -> str | None:
    """`kind|unit|entity`, or None when the claim cannot be compared with anything.

    `canon` (from `canonical_entities`) folds spelling variants of the entity into one block.
    """
    if claim.kind in UNBLOCKED or claim.frame is None or not claim.frame.entity:
        return None
    entity = canon.get(claim.frame.entity, claim.frame.entity) if canon else claim.frame.entity
    if claim.kind is Kind.FACT:
        return f"fact|{claim.frame.event or ''}|{entity}"
    unit = base_value(claim)[3]
    return f"{claim.kind.value}|{unit or ''}|{entity}"
