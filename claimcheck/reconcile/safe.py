"""Fault isolation: a block or a document check that raises is a Fault, not the end of the run.

`process_document` makes a bug of ours on one file that file's skip; these wrappers do the same for
the reconcile stage, on every engine: `guarded_block` around `reconcile_block`, `guarded_document`
around `check_document`, `guarded_key` around `block_key`. Each returns what the part found plus
the Faults of the parts that raised, naming the documents whose claims they held; `merge_parts`
sorts the parts together. The claims of a part that raised stay in the report: only its groups
and conflicts are missing, and the Report's `faults` says so.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..config import ReconcileSettings
from ..model import Citation, Claim, Conflict, Fault, Group
from .blocking import block_key
from .conflicts import Findings, reconcile_block
from .internal import check_document

Part = tuple[tuple[Group, ...], tuple[Conflict, ...], tuple[Fault, ...]]
ERROR_KEY = "error|"  # the block of claims whose own key raised (no real key starts so)
_REASON_CHARS = 300


def reason(exc: BaseException) -> str:
    """The exception in one line, short enough for a log: "ZeroDivisionError: float division by zero"."""
    text = " ".join(str(exc).split())
    text = text if len(text) <= _REASON_CHARS else text[:_REASON_CHARS] + "..."
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def documents(claims: Iterable[Claim]) -> tuple[str, ...]:
    """The documents behind some claims, as a reader finds them: their paths, sorted."""
    return tuple(sorted({c.path or c.doc for c in claims}))


def guarded_key(claim: Claim, canon: Mapping[str, str] | None = None) -> str | None:
    """`block_key`, or an `ERROR_KEY` block (with the reason) when computing it raises."""
    try:
        return block_key(claim, canon)
    except Exception as exc:  # a bug of ours on this claim: its block says so
        return f"{ERROR_KEY}{reason(exc)}"


def guarded_block(key: str, claims: Sequence[Claim], settings: ReconcileSettings) -> Part:
    """`reconcile_block`, with what it raises as the block's Fault."""
    if key.startswith(ERROR_KEY):
        return (), (), (Fault("reconcile", "the claims whose blocking key could not be computed", documents(claims),
                              key[len(ERROR_KEY):]),)
    try:
        groups, conflicts = reconcile_block(key, claims, settings)
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:  # a bug of ours on this block: report it, keep the rest
        return (), (), (Fault("reconcile", f"block {key}", documents(claims), reason(exc)),)
    return groups, conflicts, ()


def guarded_document(doc: str, claims: Sequence[Claim], citations: Sequence[Citation],
                     settings: ReconcileSettings) -> Part:
    """`check_document` (breakdowns, cited titles), with what it raises as the document's Fault."""
    try:
        groups, conflicts = check_document(doc, claims, citations, settings)
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:  # a bug of ours on this document: report it, keep the rest
        return (), (), (Fault("check", f"the breakdowns and cited titles of document {doc}",
                              documents(claims) or (doc,), reason(exc)),)
    return groups, conflicts, ()


def merge_parts(parts: Iterable[Part | Findings]) -> Part:
    """Sorted groups, conflicts and faults of several blocks or documents; ids make the order stable."""
    groups: dict[str, Group] = {}
    conflicts: dict[str, Conflict] = {}
    faults: list[Fault] = []
    for part in parts:
        gs, cs = part[0], part[1]
        groups.update((g.id, g) for g in gs)
        conflicts.update((c.id, c) for c in cs)
        if len(part) > 2:
            faults.extend(part[2])  # type: ignore[misc]
    return (tuple(groups[k] for k in sorted(groups)), tuple(conflicts[k] for k in sorted(conflicts)),
            tuple(sorted(set(faults), key=lambda f: (f.stage, f.part, f.documents, f.reason))))
