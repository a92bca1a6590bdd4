"""Groups in a block of one counted noun ("16 gas cells", "1.8 million Kazakhs"), by the fields
both claims state; blocks keyed by a concept or a dimension cluster by evidence (`clusters.py`).

Two claims belong together when they count the same thing (entity), for the same event, in the
same place and scope, at overlapping times. A field one claim does not state (no place, no
date) does not keep it apart, but a field both state must agree: "22 states signed" and
"Twenty-two people were arrested" differ in entity, the July 2019 and October 2020 letters in
time, people "killed" and "killed or injured" in scope.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..claims.frames import time_bounds
from ..model import Claim, Frame
from .intervals import INF, clash, interval_of

SLACK = 0.02  # wider than any tolerance `clash` allows, so the quick test never hides a clash

# Scope words that describe rather than define: "China is home to the largest Kazakh diaspora"
# counts the same Kazakhs as "1.8 million Kazakhs live in China". "change" marks a figure reached
# by a change ("expanded to 50"): it may group, it never conflicts (see conflicts.py).
DESCRIPTIVE_SCOPE = {"largest", "biggest", "smallest", "change"}


def defining_scope(frame: Frame) -> frozenset[str]:
    return frozenset(frame.scope) - DESCRIPTIVE_SCOPE


@dataclass
class _Draft:
    """A group being formed: what its members state, field by field (None = not stated yet)."""

    entity: str
    scope: frozenset[str]
    n: int = 0  # its place in the block's list of drafts
    event: str | None = None
    place: str | None = None
    time: tuple[str, str] | None = None
    members: list[Claim] = field(default_factory=list)
    # The highest low and lowest high of the members' intervals: a claim inside both clashes with
    # none of them, which spares the scan of every member (a 12,000-claim group made it quadratic).
    max_low: float = -INF
    min_high: float = INF

    def clashes(self, c: Claim) -> bool:
        """A member whose figure cannot hold beside c's, from the same article or with little in common."""
        mine = interval_of(c)
        if mine is None or (mine.high + abs(mine.high) * SLACK >= self.max_low and mine.low - abs(mine.low) * SLACK <= self.min_high):
            return False
        doc = c.doc_id or c.doc
        # One article giving two figures for it means two quantities ("27 killed", "six killed");
        # two articles whose figures clash with little in common count different things too.
        return any(other.cited_in is None and clash(c, other) and ((other.doc_id or other.doc) == doc or evidence(c, other) < 2)
                   for other in self.members)

    def accepts(self, c: Claim, fuzzy: int) -> bool:
        f = c.frame
        assert f is not None
        if self.clashes(c):
            return False
        if defining_scope(f) != self.scope or not same_name(f.entity or "", self.entity, fuzzy):
            return False
        if f.event and self.event and f.event != self.event:
            return False
        if stated_place(f) and self.place and not same_name(stated_place(f) or "", self.place, fuzzy):
            return False
        t = time_bounds(stated_time(f))
        if t and self.time and (t[1] < self.time[0] or self.time[1] < t[0]):
            return False
        # Something stated must match: a bare "23 Uyghurs" does not join "thousands of Uyghurs in
        # Kazakhstan", nor "eight countries" "29 countries", on the strength of the noun alone.
        return (f.event is not None and f.event == self.event) or (stated_place(f) is not None and stated_place(f) == self.place)

    def add(self, c: Claim) -> None:
        f = c.frame
        assert f is not None
        self.members.append(c)
        mine = interval_of(c)
        if mine is not None and c.cited_in is None:
            self.max_low, self.min_high = max(self.max_low, mine.low), min(self.min_high, mine.high)
        self.event = self.event or f.event
        self.place = self.place or stated_place(f)
        t = time_bounds(stated_time(f))
        if t:
            self.time = t if self.time is None else (max(t[0], self.time[0]), min(t[1], self.time[1]))


def evidence(a: Claim, b: Claim) -> int:
    """How much says two claims count the same thing: fields both state alike, and a named entity.

    "27 people were killed" and "six people were killed" in two articles share only the event:
    likely two different attacks, so not enough to accuse either. "Kazakhs living in China" share
    a named entity, an event and a place.
    """
    fa, fb = a.frame, b.frame
    if fa is None or fb is None:
        return 0
    score = int(fa.proper and fb.proper)
    score += sum(x is not None and x == y for x, y in ((fa.event, fb.event), (stated_place(fa), stated_place(fb)),
                                                          (stated_time(fa), stated_time(fb))))
    return score


def stated_time(f: Frame) -> str | None:
    """The time the claim's own sentence gives (not one lent by its paragraph or document)."""
    return f.time if f.time_from in (None, "sentence") else None


def stated_place(f: Frame) -> str | None:
    """The place the claim's own sentence gives (not a dateline's)."""
    return f.place if f.place_from in (None, "sentence") else None


def same_name(a: str, b: str, fuzzy: int) -> bool:
    """Equal, or spelling variants ("Uzbekistan"/"Uzbekstan"): rapidfuzz's ratio at or above `fuzzy`."""
    return a == b or (min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= fuzzy)


def _specificity(c: Claim) -> int:
    f = c.frame
    assert f is not None
    return sum(x is not None for x in (f.event, stated_place(f), stated_time(f)))


class _Index:
    """Drafts by what they state, so a claim meets only the drafts it could join.

    A claim joins a draft only if they share the event or the place and neither contradicts the
    other, so a claim stating both meets the drafts with both the same, or one the same and the
    other open: three small lists, however many drafts the block holds.
    """

    def __init__(self) -> None:
        self.pair: dict[tuple[str, str], list[int]] = {}
        self.event_only: dict[str, set[int]] = {}
        self.place_only: dict[str, set[int]] = {}
        self.event_all: dict[str, list[int]] = {}
        self.place_all: dict[str, list[int]] = {}

    def candidates(self, event: str | None, place: str | None) -> list[int]:
        if event and place:
            found = set(self.pair.get((event, place), ())) | self.event_only.get(event, set()) | self.place_only.get(place, set())
            return sorted(found)
        if event:
            return self.event_all.get(event, [])
        if place:
            return self.place_all.get(place, [])
        return []

    def update(self, n: int, had: tuple[str | None, str | None], now: tuple[str | None, str | None]) -> None:
        if had == now:
            return
        (e0, p0), (e1, p1) = had, now
        if e1 and not e0:
            self.event_all.setdefault(e1, []).append(n)
        if p1 and not p0:
            self.place_all.setdefault(p1, []).append(n)
        if e0 and not p0:
            self.event_only[e0].discard(n)
        if p0 and not e0:
            self.place_only[p0].discard(n)
        if e1 and p1:
            self.pair.setdefault((e1, p1), []).append(n)
        elif e1:
            self.event_only.setdefault(e1, set()).add(n)
        elif p1:
            self.place_only.setdefault(p1, set()).add(n)


def form_groups(claims: Sequence[Claim], fuzzy: int = 90) -> list[list[Claim]]:
    """A block's claims -> lists of claims about the same quantity (singletons included).

    The most specific claims found groups first, so a claim that leaves a field open joins the
    group its stated fields fit rather than founding a vaguer one; order is by claim id, so the
    result does not depend on input order. Drafts are looked up by event and place (`_Index`).
    """
    drafts: list[_Draft] = []
    index = _Index()
    for c in sorted(claims, key=lambda c: (-_specificity(c), c.id)):
        f = c.frame
        assert f is not None and f.entity
        home = None
        if "part" not in f.scope:  # a part ("32 of the 58") is a subset only its sentence defines
            home = next((drafts[i] for i in index.candidates(f.event, stated_place(f)) if drafts[i].accepts(c, fuzzy)), None)
        if home is None:
            home = _Draft(entity=f.entity, scope=defining_scope(f), n=len(drafts))
            drafts.append(home)
        had = (home.event, home.place)
        home.add(c)
        index.update(home.n, had, (home.event, home.place))
    return [sorted(d.members, key=lambda c: c.id) for d in drafts]


def group_id(claim_ids: Sequence[str]) -> str:
    """Stable across runs: derived from the member claims' ids."""
    return "g-" + hashlib.sha1("\n".join(sorted(claim_ids)).encode()).hexdigest()[:10]


def group_label(members: Sequence[Claim]) -> str:
    """For people: "kazakh · live · in china · 2019", from the most specific member's frame."""
    best = max(members, key=lambda c: (_specificity(c), -len(c.id)))
    f = best.frame
    assert f is not None
    words = [f.entity or "?"]
    events = sorted({c.frame.event for c in members if c.frame and c.frame.event})
    if events:
        words.append("/".join(events))
    places = sorted({p for c in members if c.frame and (p := stated_place(c.frame))})
    if places:
        words.append("in " + "/".join(places))
    times = sorted({t for c in members if c.frame and (t := stated_time(c.frame))})
    if times:
        words.append(", ".join(times))
    scope = sorted(defining_scope(f))
    if scope:
        words.append("(" + ", ".join(scope) + ")")
    return " · ".join(words)
