"""Checks inside one document: breakdowns against their totals, figures against their cited titles.

- A breakdown: "32 of the 58 interviewees were Kazakhs, followed by 23 Uyghurs and one each Hui,
  Uzbek and Kyrgyz" states a total (58) and its parts (32 + 23 + 3). Parts that add up to more
  than the total are a contradiction; parts that leave some of it out are a near miss, flagged
  only when the sentence lists three parts or more (a list that looks complete).
- A cited title: a figure in the text that cites footnote N, against a figure about the same
  thing in the title of N ("35 other countries" citing "More than 35 countries defend China").
"""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from itertools import pairwise

from ..config import ReconcileSettings
from ..model import Bound, Citation, Claim, Conflict, ConflictKind, Group, Kind, Severity
from .conflicts import Findings, conflict_id, value_conflict, where
from .groups import group_id, same_name
from .intervals import human, interval_of, share

_EACH = re.compile(r"\bone each\b|\beach\b", re.I)
_OF_THE = re.compile(r"\s*(?:[\w-]+\s+)?(?:out\s+)?of\s+(?:the\s+|all\s+|its\s+|their\s+)?", re.I)


def _between(a: Claim, b: Claim) -> tuple[int, int]:
    """Where the words between two claims of one sentence stand in it (whatever its offset in the page)."""
    at = a.sentence.find(a.quote)
    if at < 0:
        return 0, 0
    lo = at + len(a.quote)
    return lo, lo + max(0, b.start - a.end)


def check_document(doc_id: str, claims: Sequence[Claim], citations: Sequence[Citation] = (),
                   settings: ReconcileSettings | None = None) -> Findings:
    """One document's claims -> the groups and conflicts of its breakdowns and cited titles."""
    settings = settings or ReconcileSettings()
    groups: list[Group] = []
    conflicts: list[Conflict] = []
    for part in (_breakdowns(claims), _cited_titles(claims, settings)):
        for g, c in part:
            groups.append(g)
            if c is not None:
                conflicts.append(c)
    return tuple(groups), tuple(conflicts)


def _group(members: Sequence[Claim], label: str, agrees: bool) -> Group:
    ids = tuple(sorted(c.id for c in members))
    return Group(id=group_id(ids), label=label, key=f"doc|{members[0].doc_id or members[0].doc}", claims=ids,
                 kind=members[0].kind, unit=members[0].unit, agrees=agrees)


def _breakdowns(claims: Sequence[Claim]) -> list[tuple[Group, Conflict | None]]:
    out: list[tuple[Group, Conflict | None]] = []
    by_sentence: dict[tuple[int, str], list[Claim]] = {}
    for c in claims:
        if c.kind is Kind.COUNT and c.cited_in is None and not c.duplicate_of:
            by_sentence.setdefault((c.line, c.sentence), []).append(c)
    for _, members in sorted(by_sentence.items()):
        parts = [c for c in members if c.frame and "part" in c.frame.scope and c.bound is Bound.EXACT]
        if not parts:
            continue
        # the whole is the figure the part is "of" ("32 of the 58 interviewees"); "Four of those
        # survivors" points back to an earlier sentence, and a later "762 survivors" is no total
        totals = [c for c in members if c not in parts and c.bound is Bound.EXACT and c.frame
                  and parts[0].frame and same_name(c.frame.entity or "", parts[0].frame.entity or "", 90)
                  and c.start > parts[0].start and _OF_THE.fullmatch(c.sentence, *_between(parts[0], c)) is not None]
        if not totals:
            continue
        total = totals[0]
        others = [c for c in members if c is not total and c.bound is Bound.EXACT and c.start > parts[0].start
                  and c not in parts and (c.frame is None or "part" not in c.frame.scope)]
        pieces = [parts[0], *others]
        if len(pieces) < 2 or total.value is None:
            continue
        amounts = [_times(c) for c in pieces]
        whole = math.fsum(amounts) if all(math.isfinite(a) for a in amounts) else math.nan
        if not (math.isfinite(whole) and math.isfinite(total.value)):
            continue  # a figure beyond a float (or summing past one): nothing to add up honestly
        label = f"breakdown of {total.quote} ({total.frame.entity if total.frame else '?'})"
        members_all = [total, *pieces]
        sums = " + ".join(human(a) for a in amounts)
        if whole == total.value:
            out.append((_group(members_all, label, True), None))
            continue
        over = whole > total.value
        if not over and len(pieces) < 3:
            continue
        severity = Severity.CONTRADICTION if over else Severity.NEAR_MISS
        why = (f"{where(total)}: the parts ({sums} = {human(whole)}) "
               + (f"add up to more than the stated total of {human(total.value)}" if over
                  else f"leave {human(total.value - whole)} of the stated total of {human(total.value)} unaccounted for"))
        g = _group(members_all, label, False)
        out.append((g, Conflict(id=conflict_id(list(g.claims), ConflictKind.BREAKDOWN), group=g.id, claims=g.claims,
                                kind=ConflictKind.BREAKDOWN, severity=severity, reason=why,
                                gap=_rounded(share(abs(whole - total.value), abs(total.value))))))
    return out


def _rounded(x: float | None) -> float | None:
    """A gap as the report gives it; None (no finite size: a total of zero) stays None."""
    return None if x is None else round(x, 4)


def _times(c: Claim) -> float:
    """ "one each ethnic Hui, Uzbek and Kyrgyz" counts once per name listed."""
    value = float(c.value or 0)
    if _EACH.search(c.quote):
        after = c.sentence[c.sentence.find(c.quote) + len(c.quote):]
        names = re.split(r",\s*|\s+and\s+|\s+or\s+", after.split(".")[0].strip())
        return value * max(1, len([n for n in names if n.strip()]))
    return value


def _cited_titles(claims: Sequence[Claim], settings: ReconcileSettings) -> list[tuple[Group, Conflict | None]]:
    """Each text figure against the figures in the title of the footnote that follows it."""
    titles: dict[int, list[Claim]] = {}
    for c in claims:
        if c.cited_in is not None and interval_of(c) is not None:
            titles.setdefault(c.cited_in, []).append(c)
    out: list[tuple[Group, Conflict | None]] = []
    following = _next_figures(claims)
    for c in claims:
        if (c.cited_in is not None or c.duplicate_of or not c.citations or interval_of(c) is None
                or c.frame is None or not c.frame.entity):
            continue
        note = _own_note(c, following.get(c.id))
        candidates = [t for t in titles.get(note, []) if t.kind is c.kind and t.unit == c.unit and t.frame
                      and t.frame.entity and same_name(t.frame.entity or "", c.frame.entity or "", settings.fuzzy)]
        if not candidates:
            continue
        mine = interval_of(c)
        assert mine is not None
        agreeing = [t for t in candidates if not mine.disjoint(interval_of(t))]  # type: ignore[arg-type]
        label = f"{c.frame.entity} · against the title of footnote {note}"
        if agreeing:
            continue  # the text agrees with its source: nothing for a reviewer
        t = min(candidates, key=lambda t: _distance(t, c))
        g = _group([c, t], label, False)
        conflict = value_conflict(g.id, c, t, settings, ConflictKind.CITED_SOURCE)
        # The comparison without value_conflict's opening (a path may hold ": " itself).
        said = conflict.reason.rpartition(": the intervals do not overlap")
        reason = f"{where(c)} cites footnote {note}, whose title says {t.quote!r}: the intervals do not overlap{said[2]}"
        out.append((g, Conflict(conflict.id, g.id, conflict.claims, ConflictKind.CITED_SOURCE, conflict.severity, reason,
                                conflict.gap)))
    return out


def _distance(a: Claim, b: Claim) -> float:
    """How far apart two figures are, for picking the nearest; never NaN (inf - inf is)."""
    d = abs(float(a.value or 0) - float(b.value or 0))
    return d if not math.isnan(d) else math.inf


def _next_figures(claims: Sequence[Claim]) -> dict[str, int]:
    """Each text claim's id -> where the next figure of its sentence starts (one pass per document)."""
    by_sentence: dict[str, list[Claim]] = {}
    for c in claims:
        if c.cited_in is None:
            by_sentence.setdefault(c.sentence, []).append(c)
    following: dict[str, int] = {}
    for members in by_sentence.values():
        members.sort(key=lambda c: c.start)
        for here, there in pairwise(members):
            following[here.id] = there.start
    return following


def _own_note(c: Claim, next_start: int | None) -> int:
    """The footnote a figure leans on: the first marker after it in its sentence, before the next figure.

    "22 states signed a letter ...2, but 35 other countries responded ...3": 22 cites note 2 and
    35 cites note 3, though the sentence carries both markers.
    """
    if len(c.citations) == 1:
        return c.citations[0]
    rest = c.sentence[c.sentence.find(c.quote) + len(c.quote):]
    cut = next_start - c.end if next_start is not None else len(rest)
    for m in re.finditer(r"(?<=[A-Za-z.,;:’”\"')\]])(\d{1,3})(?=[\s,.;:]|$)|\[(\d{1,3})\]", rest[:max(cut, 0) + 4]):
        n = int(m.group(1) or m.group(2))
        if n in c.citations:
            return n
    return c.citations[0]
