"""Conflicts inside a group: two articles' figures for one quantity that cannot both hold.

Not a conflict, by rule:
- figures attributed to different sources (a ministry's count against a rights group's
  estimate): the group says its sources differ, the articles do not contradict each other;
- a figure reached by a change written in the text ("expanded to 50");
- vague amounts ("hundreds", "dozens"), whose conventional intervals are too loose to accuse;
- two figures in one article (its breakdowns and cited titles are checked in `internal.py`);
- a footnote's title quoted in the notes (checked against the text that cites it, in `internal.py`).
A gap within `near_miss` of the figure, or the same number in different units, is a `near-miss`;
anything larger is a `contradiction`.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from itertools import combinations

from ..config import ReconcileSettings
from ..model import Claim, Conflict, ConflictKind, Group, Severity
from .clusters import apart, concept_label, describe, form_concept_groups
from .evidence import JOIN, qualifiers, weigh
from .groups import evidence, form_groups, group_id, group_label, same_name
from .intervals import INF, clash, gap, human_range, interval_of

Findings = tuple[tuple[Group, ...], tuple[Conflict, ...]]
MAX_PAIRWISE = 60  # a larger group is checked claim by claim against its widest agreement


def reconcile_block(key: str, claims: Sequence[Claim], settings: ReconcileSettings) -> Findings:
    """One block's claims -> its groups (two claims or more) and the conflicts inside them."""
    if key.startswith("fact|"):
        from .facts import reconcile_facts

        return reconcile_facts(key, claims, settings)
    groups: list[Group] = []
    conflicts: list[Conflict] = []
    by_concept = "|@" in key
    for members in _groups(key, claims, settings):
        if len(members) < 2:
            continue
        gid = group_id([c.id for c in members])
        found = concept_conflicts(gid, members, settings) if by_concept else group_conflicts(gid, members, settings)
        sources = tuple(sorted({c.frame.source for c in members if c.frame and c.frame.source
                                and not c.frame.source.startswith("footnote")}))
        lo, hi = _agreement(members)
        groups.append(Group(
            id=gid, label=concept_label(members) if by_concept else group_label(members), key=key, claims=tuple(c.id for c in members), kind=members[0].kind,
            unit=members[0].unit, low=lo, high=hi, sources=sources, sources_differ=len(sources) > 1,
            agrees=not found, evidence=describe(members) if by_concept else _stated_alike(members),
        ))
        conflicts.extend(found)
    return tuple(groups), tuple(conflicts)


def _groups(key: str, claims: Sequence[Claim], settings: ReconcileSettings) -> list[list[Claim]]:
    """A concept block clusters by evidence. A block of one common noun ("16 gas cells", "53 levee
    breaches") first gathers its agreeing figures the same way, the noun standing for the concept,
    and leaves the rest to the older rules (the fields both sentences state), which alone may find
    two such figures clashing: "37 countries" and "39 countries" may be two letters. A block of a
    named group ("1.8 million Kazakhs") keeps the older rules."""
    if "|@" in key:
        return form_concept_groups(claims)
    out: list[list[Claim]] = []
    for members in _by_set(claims):  # claims of two sets never meet: each decides its own way
        if any(c.frame is not None and c.frame.proper for c in members) or key.startswith("percent|"):
            out += form_groups(members, settings.fuzzy)
            continue
        agreeing = [g for g in form_concept_groups(members) if len(g) > 1]
        taken = {c.id for g in agreeing for c in g}
        out += agreeing + form_groups([c for c in members if c.id not in taken], settings.fuzzy)
    return out


def _by_set(claims: Sequence[Claim]) -> list[list[Claim]]:
    """The block's claims by the set they count in ("other", "additional"), in the block's order."""
    sets: dict[frozenset[str], list[Claim]] = {}
    for c in claims:
        sets.setdefault(qualifiers(c.frame)[0] if c.frame is not None else frozenset(), []).append(c)
    return [sets[k] for k in sorted(sets, key=sorted)]


def _agreement(members: Sequence[Claim]) -> tuple[float | None, float | None]:
    """The interval every member allows, when they all overlap."""
    spans = [i for c in members if (i := interval_of(c)) is not None]
    if not spans:
        return None, None
    lo, hi = max(i.low for i in spans), min(i.high for i in spans)
    if lo > hi:
        return None, None
    return (None if lo == -INF else lo), (None if hi == INF else hi)


def _comparable(c: Claim) -> bool:
    f = c.frame
    return (interval_of(c) is not None and c.cited_in is None and not c.duplicate_of
            and (f is None or "change" not in f.scope))


def _sources_differ(a: Claim, b: Claim, fuzzy: int) -> bool:
    sa = a.frame.source if a.frame else None
    sb = b.frame.source if b.frame else None
    return bool(sa and sb and not same_name(sa, sb, fuzzy))


def group_conflicts(gid: str, members: Sequence[Claim], settings: ReconcileSettings) -> list[Conflict]:
    """Pairs from different documents whose intervals cannot both hold, with enough in common to accuse."""
    live = [c for c in members if _comparable(c)]
    if len(live) > MAX_PAIRWISE:
        live = _extremes(live)
    spans = {c.id: interval_of(c) for c in live}
    out = []
    for a, b in combinations(live, 2):
        ia, ib = spans[a.id], spans[b.id]
        assert ia is not None and ib is not None
        if not clash(a, b, ia, ib) or (a.doc_id or a.doc) == (b.doc_id or b.doc):
            continue
        if not _sources_differ(a, b, settings.fuzzy) and evidence(a, b) >= 2:
            out.append(value_conflict(gid, a, b, settings))
    return out


def concept_conflicts(gid: str, members: Sequence[Claim], settings: ReconcileSettings) -> list[Conflict]:
    """Conflicts in a group formed by evidence: a clash is a `contradiction` or `near-miss` only when
    the evidence is strong on both sides, else `possible`, with what is unsure in its reason."""
    live = [c for c in members if interval_of(c) is not None and c.cited_in is None and not c.duplicate_of
            and not _conversion(c)]
    if len(live) > MAX_PAIRWISE:
        live = _extremes(live)
    out = []
    for a, b in combinations(live, 2):
        if (a.doc_id or a.doc) == (b.doc_id or b.doc) or _sources_differ(a, b, settings.fuzzy):
            continue
        fa, fb = a.frame, b.frame
        assert fa is not None and fb is not None
        currencies = a.kind.value == "money" and a.unit != b.unit
        if currencies and a.value != b.value:
            continue  # two currencies: no rate to compare them by, only a slip of the same number
        # "reduced to 8,353 feet" states the state after a change: against another figure for that
        # state it is worth a look, but it may be a later figure, so at most `possible`; the size of
        # a change ("plunged more than 1.1 deg C") is compared only with another size of it
        changed = "change" in fa.scope or "change" in fb.scope
        if changed and ("change" in fa.scope) != ("change" in fb.scope) and not (set(fa.scope) | set(fb.scope)) & {"after"} \
                and (_a_state(a if "change" in fa.scope else b) or not _sized_change(b if "change" in fa.scope else a)):
            continue
        if not currencies and (not apart(a, b) or _rounded(a, b)):
            continue
        e = weigh(a, b)
        if e.score < JOIN or not e.raise_clash:
            continue
        found = _slip(gid, a, b) if currencies else value_conflict(gid, a, b, settings)
        what = describe([a, b]).split(" give ", 1)[1].split(";")[0]
        why = f"{what}: {found.reason}"
        severity = found.severity
        weak = list(e.weak) + (["one figure is reached by a change"] if changed else [])
        if weak:
            severity = Severity.POSSIBLE
            why += "; possible only: " + "; ".join(weak)
        out.append(Conflict(found.id, gid, found.claims, found.kind, severity, why, found.gap))
    return _one_per_figures(gid, out, {c.id: c for c in live})


_LOUDNESS = {Severity.CONTRADICTION: 0, Severity.NEAR_MISS: 1, Severity.POSSIBLE: 2}


def _one_per_figures(gid: str, found: list[Conflict], by_id: dict[str, Claim]) -> list[Conflict]:
    """One conflict per pair of figures: three pages saying 1,833 against one saying 1,836 are one
    disagreement, reported once with every page that states either figure."""
    def figure(c: Claim) -> tuple:
        return (c.value, c.low, c.high, c.bound, c.unit)

    merged: dict[tuple, list[Conflict]] = {}
    for k in found:
        a, b = (by_id[i] for i in k.claims)
        merged.setdefault(tuple(sorted((figure(a), figure(b)), key=repr)), []).append(k)
    out = []
    for same in merged.values():
        loudest = min(same, key=lambda k: (_LOUDNESS[k.severity], k.id))
        if len(same) == 1:
            out.append(loudest)
            continue
        ids = tuple(sorted({i for k in same for i in k.claims}))
        docs = len({by_id[i].doc_id or by_id[i].doc for i in ids})
        out.append(Conflict(conflict_id(list(ids), loudest.kind), gid, ids, loudest.kind, loudest.severity,
                            f"{loudest.reason} (the same two figures on {docs} pages in all)", loudest.gap))
    return out


def _slip(gid: str, a: Claim, b: Claim) -> Conflict:
    """ "$470 million" and "470 million euros" for one sum: the same number in two currencies."""
    first, second = sorted((a, b), key=lambda c: c.id)
    why = (f"{where(first)} says {first.quote!r} and {where(second)} says {second.quote!r}: the same number in "
           f"{first.unit} and {second.unit} cannot both be the amount; one looks like a currency slip")
    return Conflict(id=conflict_id([a.id, b.id], ConflictKind.VALUES), group=gid, claims=tuple(sorted((a.id, b.id))),
                    kind=ConflictKind.VALUES, severity=Severity.NEAR_MISS, reason=why, gap=None)


_HEDGE_WORDS = r"(?:(?:about|around|some|nearly|almost|over|more than|at least|roughly|just|approximately|an?)\s+)*"
_STATE = re.compile(r"\b(?:to|from|at)\s+" + _HEDGE_WORDS + "$", re.I)
_SIZED = re.compile(r"\b(?:rose|risen|fell|fallen|dropped|plunged|plummeted|lowered|raised|increased|decreased|declined|"
                    r"grew|grown|shrank|shrunk|cooled|warmed|climbed|jumped|soared|sank|slid|gained|lost)(?:\s+(?:[\w-]+\s+){0,3}?by)?\s+"
                    + _HEDGE_WORDS + "$", re.I)


def _a_state(c: Claim) -> bool:
    """A figure a change reached ("rose to 3.1%", "reduced to 8,353 feet"), not the size of the
    change ("fell by 2%", "plunged more than 1.1 deg C"), which compares with other sizes of it."""
    at = c.sentence.find(c.quote)
    return at < 0 or _STATE.search(c.sentence[:at]) is not None


def _sized_change(c: Claim) -> bool:
    """A figure its words make the size of a change ("was lowered approximately 0.5°C", "fell by
    2%"), though its frame did not read a change: the only kind a change's size compares with."""
    at = c.sentence.find(c.quote)
    return at > 0 and _SIZED.search(c.sentence[:at]) is not None


def _conversion(c: Claim) -> bool:
    """ "4,000 miles (6,437 km)": the figure in brackets restates the one before it, rounded in
    conversion; the figure before it speaks for both."""
    at = c.sentence.find(c.quote)
    return at > 0 and c.sentence[:at].rstrip().endswith("(") and any(ch.isdigit() for ch in c.sentence[max(0, at - 30):at])


def _rounded(a: Claim, b: Claim) -> bool:
    """ "804 feet" and "803.8 feet": one figure is the other rounded to the digits it shows."""
    if a.unit != b.unit or a.value is None or b.value is None:
        return False

    def places(c: Claim) -> int:
        digits = "".join(ch for ch in c.quote if ch.isdigit() or ch == ".")
        return len(digits.split(".", 1)[1]) if "." in digits else 0

    return round(a.value, places(b)) == b.value or round(b.value, places(a)) == a.value


def _stated_alike(members: Sequence[Claim]) -> str:
    """The evidence of a group formed on stated fields: what its members state alike."""
    f = members[0].frame
    assert f is not None
    fields = [name for name, value in (("event", f.event), ("place", f.place)) if value
              and all(c.frame and getattr(c.frame, name) == value for c in members)]
    return (f"{'both' if len(members) == 2 else f'all {len(members)}'} count {f.entity}"
            + (" with the same " + " and ".join(fields) if fields else "") + " (stated in each sentence)")


def _extremes(claims: list[Claim]) -> list[Claim]:
    """For a very large group: the claims at both ends, which any conflict must involve."""
    ordered = sorted(claims, key=lambda c: (interval_of(c).low, c.id))  # type: ignore[union-attr]
    return ordered[:MAX_PAIRWISE // 2] + ordered[-MAX_PAIRWISE // 2:]


def conflict_id(claim_ids: Sequence[str], kind: ConflictKind) -> str:
    return "c-" + hashlib.sha1(("\n".join(sorted(claim_ids)) + kind.value).encode()).hexdigest()[:10]


def value_conflict(gid: str, a: Claim, b: Claim, settings: ReconcileSettings,
                   kind: ConflictKind = ConflictKind.VALUES) -> Conflict:
    """The conflict between two disjoint claims, with its size and its reason in plain words."""
    share, words = gap(a, b)
    slip = a.value is not None and a.value == b.value and a.unit != b.unit
    severity = Severity.NEAR_MISS if share <= settings.near_miss or slip else Severity.CONTRADICTION
    first, second = sorted((a, b), key=lambda c: c.id)
    why = (f"{where(first)} says {first.quote!r}{_allows(first)} and {where(second)} says "
           f"{second.quote!r}{_allows(second)}: the intervals do not overlap; {words}")
    if slip:
        why += "; the same number in different units looks like a conversion slip"
    elif severity is Severity.NEAR_MISS:
        why += f" (within {settings.near_miss:.0%}: rounding, or a near miss worth a look)"
    return Conflict(id=conflict_id([a.id, b.id], kind), group=gid, claims=tuple(sorted((a.id, b.id))), kind=kind,
                    severity=severity, reason=why, gap=None if share == INF else round(share, 4))


def where(c: Claim) -> str:
    """Where a reviewer finds the claim: `path:line`, which terminals and editors open."""
    return f"{c.path or c.doc}:{c.line}"


def _allows(c: Claim) -> str:
    i = interval_of(c)
    if i is None or c.bound is None or (c.bound.value == "=" and i.low == i.high):
        return ""
    if i.high == INF:
        return f" (more than {human_range(i.low, i.low).split('-')[0]})"
    return f" ({human_range(i.low, i.high)})"
