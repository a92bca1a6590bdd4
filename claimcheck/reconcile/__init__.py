"""Reconciliation: Claims -> Groups and Conflicts. Pure functions of the claims; no I/O.

    blocking.py   block_key(claim): claims are compared only inside a block (kind, dimension,
                  concept or counted noun), after canonical_entities has folded spelling variants
    evidence.py   how strongly two claims state one quantity: concept, figure, topic, time, place
    clusters.py   a concept or dimension block's claims -> clusters by that evidence, clashes linked
    groups.py     a counted noun's block -> groups by the fields both state (event, place, time, scope)
    intervals.py  what a claim allows (hedges, precision, open ends) and the gap between two
    conflicts.py  a group -> conflicts between its intervals, with severity and reason
    internal.py   a document -> breakdowns that do not add up, figures against their cited titles
    facts.py      the same event told with different places or dates

`reconcile` runs everything on one machine. A cluster runs the same parts separately:
`canonical_entities` once over the distinct entity names (small), `reconcile_block` per blocking
key (after a shuffle on `block_key`) and `check_document` per document, then `merge` sorts what
they return.

    safe.py       guarded_block, guarded_document, guarded_key: a part that raises is a Fault
                  naming its documents, not the run's end; `reconcile_safely` and the Dask engine
                  use them, `reconcile` lets an exception through (for tests and library callers)
"""
from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from ..config import ReconcileSettings
from ..model import Citation, Claim, Conflict, Fault, Group
from .blocking import block_key, canonical_entities
from .conflicts import reconcile_block
from .internal import check_document
from .safe import Part, guarded_block, guarded_document, guarded_key, merge_parts

__all__ = ["block_key", "canonical_entities", "check_document", "guarded_block", "guarded_document", "guarded_key",
           "merge", "merge_parts", "reconcile", "reconcile_block", "reconcile_safely"]

Findings = tuple[tuple[Group, ...], tuple[Conflict, ...]]


def merge(parts: Iterable[Findings]) -> Findings:
    """Sorted groups and conflicts of several blocks or documents; ids make the order stable."""
    groups: dict[str, Group] = {}
    conflicts: dict[str, Conflict] = {}
    for gs, cs in parts:
        groups.update((g.id, g) for g in gs)
        conflicts.update((c.id, c) for c in cs)
    return tuple(groups[k] for k in sorted(groups)), tuple(conflicts[k] for k in sorted(conflicts))


@contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """The cycle collector rescans every live claim each time a million small objects are made,
    which made 1,000,000 claims cost 44x what 100,000 did; reconciliation makes no cycles."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def reconcile(claims: Sequence[Claim], citations: Sequence[Citation] = (),
              settings: ReconcileSettings | None = None) -> Findings:
    """Every claim -> (groups, conflicts), on one machine. What a block raises propagates."""
    with _no_gc_pauses():
        groups, conflicts, _ = merge_parts(_parts(claims, citations, settings or ReconcileSettings(), guarded=False))
        return groups, conflicts


def reconcile_safely(claims: Sequence[Claim], citations: Sequence[Citation] = (),
                     settings: ReconcileSettings | None = None) -> Part:
    """Every claim -> (groups, conflicts, faults): a block or a document check that raises is a
    Fault naming its documents, and every other part's findings are complete."""
    with _no_gc_pauses():
        return merge_parts(_parts(claims, citations, settings or ReconcileSettings(), guarded=True))


def _parts(claims: Sequence[Claim], citations: Sequence[Citation], settings: ReconcileSettings,
           guarded: bool) -> Sequence[Part]:
    blocks: dict[str, list[Claim]] = {}
    by_doc: dict[str, list[Claim]] = {}
    canon = canonical_entities((c.frame.entity for c in claims if c.frame and c.frame.entity), settings.fuzzy)
    key_of = guarded_key if guarded else block_key
    for c in claims:
        if c.duplicate_of:
            continue  # a repeated paragraph says nothing new
        key = key_of(c, canon)
        if key is not None:
            blocks.setdefault(key, []).append(c)
        by_doc.setdefault(c.doc_id or c.doc, []).append(c)
    cites: dict[str, list[Citation]] = {}
    for cite in citations:
        cites.setdefault(cite.doc_id or cite.doc, []).append(cite)
    if guarded:
        return ([guarded_block(key, block, settings) for key, block in sorted(blocks.items())]
                + [guarded_document(doc, by_doc[doc], cites.get(doc, []), settings) for doc in sorted(by_doc)])
    none: tuple[Fault, ...] = ()
    return ([(*reconcile_block(key, block, settings), none) for key, block in sorted(blocks.items())]
            + [(*check_document(doc, by_doc[doc], cites.get(doc, []), settings), none) for doc in sorted(by_doc)])
