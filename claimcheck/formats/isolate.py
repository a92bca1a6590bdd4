"""Rendering that cannot lose a report: a renderer that fails on one item renders the rest.

    render_safely(render, report)   the text, and a Fault per item left out because rendering it
                                    raised (found by bisection, so only the items that fail go)
    capped(report, limit)           a report cut to `limit` conflicts and groups for the formats a
                                    person reads, and the sentence saying how many were left out

Renderers stay as they are: this wraps any `Report -> str`. When the whole report renders (the
usual case) it costs one call. When it raises, the items (conflicts, groups, links, citations,
claims, documents) are split in halves until the ones whose presence makes it raise are found;
dropping an item drops what stands on it (a claim's conflicts and groups, a document's claims and
citations). A renderer that fails even on an empty report is an OutputError: nothing can be shown.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..errors import OutputError
from ..model import Fault, Report, Severity

__all__ = ["MAX_SHOWN", "Rendered", "capped", "render_capped", "render_safely"]

MAX_SHOWN = 1000  # conflicts, and groups, that a page or a terminal shows; the JSON report holds all
KINDS = ("conflicts", "groups", "links", "citations", "claims", "documents")
Item = tuple[str, int]  # (the Report field, the index in it)


@dataclass(frozen=True)
class Rendered:
    text: str
    faults: tuple[Fault, ...] = ()  # items left out because rendering them raised
    note: str | None = None  # what the cap on a report's size left out


def render_capped(render: Callable[[Report], str], report: Report, name: str = "report",
                  limit: int = MAX_SHOWN) -> Rendered:
    """A format for people: `capped`, then `render_safely`."""
    shown, note = capped(report, limit)
    return dataclasses.replace(render_safely(render, shown, name), note=note)


def render_safely(render: Callable[[Report], str], report: Report, name: str = "report") -> Rendered:
    """`render(report)`, or, when it raises, the report without the items it raises on."""
    try:
        return Rendered(render(report))
    except (KeyboardInterrupt, MemoryError, OutputError):
        raise
    except Exception as exc:
        first = exc
    everything = [(kind, i) for kind in KINDS for i in range(len(getattr(report, kind)))]

    def renders(removed: set[Item]) -> bool:
        try:
            render(_without(report, removed))
        except (KeyboardInterrupt, MemoryError):
            raise
        except Exception:
            return False
        return True

    if not renders(set(everything)):
        from ..reconcile.safe import reason

        raise OutputError(f"cannot render the {name}: internal error ({reason(first)}); please report it")
    culprits = _culprits(everything, set(), renders)
    from ..reconcile.safe import reason

    faults = tuple(_fault(report, item, name, reason(first)) for item in sorted(culprits))
    kept = _without(report, culprits)
    try:
        return Rendered(render(dataclasses.replace(kept, faults=kept.faults + faults)), faults)
    except Exception:  # the renderer cannot show the notes themselves: show the rest without them
        return Rendered(render(kept), faults)


def _culprits(candidates: Sequence[Item], base: set[Item], renders: Callable[[set[Item]], bool]) -> set[Item]:
    """Items whose removal (with `base` removed) lets the report render; the caller knows that
    removing `base` alone does not, and removing `base` and every candidate does."""
    if len(candidates) <= 1:
        return set(candidates)
    half = len(candidates) // 2
    a, b = list(candidates[:half]), list(candidates[half:])
    if renders(base | set(a)):
        return _culprits(a, base, renders)
    if renders(base | set(b)):
        return _culprits(b, base, renders)
    found = _culprits(a, base | set(b), renders)  # both halves hold a culprit
    if renders(base | found):
        return found
    return found | _culprits(b, base | found, renders)


def _without(report: Report, removed: set[Item]) -> Report:
    """The report less some items, and less what stands on them."""
    gone = {kind: {i for k, i in removed if k == kind} for kind in KINDS}
    docs = {d.id for i, d in enumerate(report.documents) if i in gone["documents"]}
    claims = tuple(c for i, c in enumerate(report.claims) if i not in gone["claims"] and (c.doc_id or c.doc) not in docs)
    lost = {c.id for c in report.claims} - {c.id for c in claims}
    groups = tuple(g for i, g in enumerate(report.groups) if i not in gone["groups"] and not lost.intersection(g.claims))
    lost_groups = {g.id for g in report.groups} - {g.id for g in groups}
    return dataclasses.replace(
        report,
        documents=tuple(d for d in report.documents if d.id not in docs),
        claims=claims,
        citations=tuple(c for i, c in enumerate(report.citations)
                        if i not in gone["citations"] and (c.doc_id or c.doc) not in docs),
        links=tuple(r for i, r in enumerate(report.links) if i not in gone["links"]),
        groups=groups,
        conflicts=tuple(c for i, c in enumerate(report.conflicts) if i not in gone["conflicts"]
                        and not lost.intersection(c.claims) and c.group not in lost_groups),
    )


def _fault(report: Report, item: Item, name: str, why: str) -> Fault:
    kind, i = item
    thing = getattr(report, kind)[i]
    if kind == "documents":
        return Fault("render", f"document {thing.id} in the {name}", (thing.path,), why)
    if kind == "links":
        return Fault("render", f"link {thing.url} in the {name}", tuple(sorted({r.path for r in thing.refs})), why)
    if kind == "citations":
        return Fault("render", f"footnote {thing.number} of {thing.doc_id or thing.doc} in the {name}", (thing.doc,), why)
    if kind == "claims":
        return Fault("render", f"claim {thing.id} in the {name}", (thing.path or thing.doc,), why)
    by_id = {c.id: c for c in report.claims}
    paths = tuple(sorted({by_id[c].path or by_id[c].doc for c in thing.claims if c in by_id}))
    return Fault("render", f"{kind[:-1]} {thing.id} in the {name}", paths, why)


def capped(report: Report, limit: int = MAX_SHOWN) -> tuple[Report, str | None]:
    """The report with at most `limit` conflicts (contradictions first) and `limit` groups (those of
    the shown conflicts first), and a sentence saying what was left out; (report, None) when nothing was.

    5,000 one-line articles gave 83,179 conflicts and a 329 MB page: no reader gets through that, and
    the JSON report (`--format json`) still holds every one.
    """
    if len(report.conflicts) <= limit and len(report.groups) <= limit:
        return report, None
    order = {Severity.CONTRADICTION: 0, Severity.NEAR_MISS: 1}
    shown = sorted(report.conflicts, key=lambda c: (order.get(c.severity, 2), c.id))[:limit]
    wanted = {c.group for c in shown}
    groups = sorted(report.groups, key=lambda g: (g.id not in wanted, g.agrees, g.id))[:max(limit, len(wanted))]
    kept_ids = {g.id for g in groups}
    shown = [c for c in shown if c.group in kept_ids or c.group not in {g.id for g in report.groups}]
    left = (len(report.conflicts) - len(shown), len(report.groups) - len(groups))
    parts = [f"{n:,} of {total:,} {what}" for n, total, what in
             ((left[0], len(report.conflicts), "conflicts"), (left[1], len(report.groups), "groups")) if n]
    note = (f"This report leaves out {' and '.join(parts)} (it shows at most {limit:,} of each, contradictions "
            "first); the JSON report (--format json) holds them all.")
    by_id = {c.id: c for c in shown}
    return dataclasses.replace(report, conflicts=tuple(c for c in report.conflicts if c.id in by_id),
                               groups=tuple(g for g in report.groups if g.id in kept_ids),
                               warnings=(*report.warnings, note)), note
