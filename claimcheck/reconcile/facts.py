"""Factual claims: the same event told with different places or dates.

Facts group by what happened to what (event and entity: "launch" of the "belt and road
initiative"); inside a group, two documents that name different places (after aliases: Astana
is Nur-Sultan) or dates that cannot both hold are a conflict.
"""
from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from ..claims.frames import time_bounds
from ..config import ReconcileSettings
from ..model import Claim, Conflict, ConflictKind, Group, Severity
from .conflicts import Findings, conflict_id, where
from .groups import group_id, same_name


def reconcile_facts(key: str, claims: Sequence[Claim], settings: ReconcileSettings) -> Findings:
    drafts: list[list[Claim]] = []
    for c in sorted(claims, key=lambda c: c.id):
        f = c.frame
        assert f is not None and f.entity
        home = next((d for d in drafts if d[0].frame and d[0].frame.event == f.event
                     and same_name(d[0].frame.entity or "", f.entity, settings.fuzzy)), None)
        if home is None:
            drafts.append([c])
        else:
            home.append(c)
    groups, conflicts = [], []
    for members in drafts:
        if len({c.doc_id or c.doc for c in members}) < 2:
            continue
        gid = group_id([c.id for c in members])
        found = [x for a, b in combinations(members, 2) if (a.doc_id or a.doc) != (b.doc_id or b.doc)
                 and (x := _conflict(gid, a, b, settings)) is not None]
        f = members[0].frame
        assert f is not None
        groups.append(Group(id=gid, label=f"{f.entity} · {f.event}", key=key, claims=tuple(c.id for c in members),
                            kind=members[0].kind, agrees=not found))
        conflicts.extend(found)
    return tuple(groups), tuple(conflicts)


def _conflict(gid: str, a: Claim, b: Claim, settings: ReconcileSettings) -> Conflict | None:
    fa, fb = a.frame, b.frame
    assert fa is not None and fb is not None
    problems = []
    if fa.place and fb.place and not same_name(fa.place, fb.place, settings.fuzzy):
        problems.append(f"places differ ({a.place or fa.place} / {b.place or fb.place})")
    ta, tb = time_bounds(fa.time), time_bounds(fb.time)
    if ta and tb and (ta[1] < tb[0] or tb[1] < ta[0]):
        problems.append(f"dates differ ({fa.time} / {fb.time})")
    if not problems:
        return None
    why = (f"{where(a)} and {where(b)} tell the same event ({fa.event} {fa.entity}) but "
           + " and ".join(problems) + ", and no alias reconciles them")
    return Conflict(id=conflict_id([a.id, b.id], ConflictKind.FACT), group=gid, claims=tuple(sorted((a.id, b.id))),
                    kind=ConflictKind.FACT, severity=Severity.CONTRADICTION, reason=why)
