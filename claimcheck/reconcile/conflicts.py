"""Conflicts: intervals that cannot both hold. (Being written: issue 8.)"""
from __future__ import annotations

from collections.abc import Sequence

from ..config import ReconcileSettings
from ..model import Citation, Claim, Conflict, Group


def reconcile_block(key: str, claims: Sequence[Claim], settings: ReconcileSettings
                    ) -> tuple[tuple[Group, ...], tuple[Conflict, ...]]:
    """One block's claims -> its groups and the conflicts inside them."""
    return (), ()


def check_document(doc_id: str, claims: Sequence[Claim], citations: Sequence[Citation],
                   settings: ReconcileSettings) -> tuple[tuple[Group, ...], tuple[Conflict, ...]]:
    """One document's breakdowns against their totals, and its figures against their cited titles."""
    return (), ()
