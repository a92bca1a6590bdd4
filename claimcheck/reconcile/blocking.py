"""Blocking: the key that decides which claims are ever compared.

Comparing every claim with every other is quadratic; claims are compared only with those that
share a key built from what they count (the frame's entity), their kind and their unit, so the
work stays near n log n and a cluster can shuffle claims by key.
"""
from __future__ import annotations

from ..model import Claim, Kind

# Kinds whose figures are about a document's own narrative ("for two decades", "aged 46", "second
# largest"); comparing them across articles cries wolf far more often than it finds anything.
UNBLOCKED = {Kind.DURATION, Kind.AGE, Kind.RANK}


def block_key(claim: Claim) -> str | None:
    """`kind|unit|entity`, or None when the claim cannot be compared with anything."""
    if claim.kind in UNBLOCKED or claim.frame is None or not claim.frame.entity:
        return None
    if claim.kind is Kind.FACT:
        return f"fact|{claim.frame.event or ''}|{claim.frame.entity}"
    return f"{claim.kind.value}|{claim.unit or ''}|{claim.frame.entity}"
