"""Clusters: claims about one quantity in a concept or dimension block, formed by evidence.

Phase one gathers figures that agree, each joining the cluster it scores best with (`evidence.weigh`);
phase two links agreeing clusters whose figures clash only across documents, plausibly and on good
evidence: that clash is a conflict to report, not two quantities. `describe` and `concept_label`
say in words why a cluster's members are together. The older rules for blocks of one counted noun
("16 gas cells") are in `groups.py`.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import Bound, Claim, Frame
from .blocking import base_value
from .evidence import CANNOT, JOIN, PLAUSIBLE_RATIO, TEMPORAL, plausible, qualifiers, topic_words, weigh
from .groups import SLACK
from .intervals import INF, Interval, clash, interval_of


@dataclass
class _Cluster:
    """A group being formed in a concept block: its members and the interval they all allow."""

    n: int
    members: list[Claim] = field(default_factory=list)
    max_low: float = -INF
    min_high: float = INF
    merged_into: int | None = None
    spans: list[Interval | None] = field(default_factory=list)  # each member's interval, computed once
    # The member that says most of what the cluster measures, among its first three: a founder may
    # say little but its adjective ("the 279-foot dam"), a later member its concept too ("85 m high").
    spokesman: Claim | None = None
    _says: int = -1

    def add(self, c: Claim, mine: Interval | None) -> None:
        self.members.append(c)
        self.spans.append(mine)
        if len(self.members) <= 3 and (says := _says_most(c)) > self._says:
            self.spokesman, self._says = c, says
        if mine is not None and c.cited_in is None:
            self.max_low, self.min_high = max(self.max_low, mine.low), min(self.min_high, mine.high)

    def agrees_with(self, c: Claim, mine: Interval | None) -> bool:
        return mine is None or c.cited_in is not None or (
            mine.high + abs(mine.high) * SLACK >= self.max_low and mine.low - abs(mine.low) * SLACK <= self.min_high)

    def score(self, c: Claim, mine: Interval | None) -> float:
        """Phase one, for a claim whose figure agrees with every member: its best link's score, when
        no member is ruled out (a cannot-link) and the links average at least `JOIN` less `SPREAD`."""
        if not self.agrees_with(c, mine):
            return -1.0  # inside what every member allows, so no member's figure clashes with c's
        scores = []
        for i in _sample(len(self.members)):
            other = self.members[i]
            if other.cited_in is None and apart(c, other, mine, self.spans[i]):
                return -1.0  # within the slack of what all allow, yet apart: "1,833" and "1,836"
            e = weigh(c, other)
            if e.score <= CANNOT:
                return e.score
            scores.append(e.score)
        if sum(scores) / len(scores) < JOIN - SPREAD:
            return -1.0
        return max(scores)


def _link(a: _Cluster, b: _Cluster) -> bool:
    """Phase two: two agreeing clusters are one quantity told differently when every pair scores
    `JOIN`, no document gives both a figure and a clashing one, and each clash is plausible."""
    assert a.spokesman is not None and b.spokesman is not None
    if weigh(a.spokesman, b.spokesman).score < JOIN - SPREAD:
        return False  # their best evidenced members do not meet: no need to weigh the rest
    total, n, best = 0.0, 0, -INF
    for i in _sample(len(a.members)):
        x = a.members[i]
        for j in _sample(len(b.members)):
            y = b.members[j]
            e = weigh(x, y)
            if e.score <= CANNOT or _two_currencies(x, y):
                return False
            total, n, best = total + e.score, n + 1, max(best, e.score)
            if x.cited_in is None and y.cited_in is None and apart(x, y, a.spans[i], b.spans[j]) and (
                    (x.doc_id or x.doc) == (y.doc_id or y.doc) or not plausible(x, y, e.score) or _one_place(x, y)
                    or _one_state(x, y) or _inclusion(x, y, a.spans[i], b.spans[j]) or _two_spans(x, y)
                    or x.kind.value == "rating" or (x.value is None and x.bound is not Bound.RANGE)
                    or (y.value is None and y.bound is not Bound.RANGE)):  # a vague amount is never one side of a clash
                return False
    return best >= JOIN and total / n >= JOIN - SPREAD


def _says_most(c: Claim) -> int:
    """How much a claim's own words state: topic, time, place, event, and its concept."""
    return _stated(c) + (c.frame is not None and c.frame.concept is not None and c.frame.concept_from is None)


def apart(a: Claim, b: Claim, ia: Interval | None = None, ib: Interval | None = None) -> bool:
    """The figures clash even with their ends closed: "over 5,295" leans on the official 5,295, it
    does not deny it."""
    if _currency(a) != _currency(b):
        return False  # no rate to compare two currencies by
    ia, ib = ia or interval_of(a), ib or interval_of(b)
    if ia is None or ib is None:
        return False
    return clash(a, b, Interval(ia.low, ia.high), Interval(ib.low, ib.high))


def _one_state(a: Claim, b: Claim) -> bool:
    """Only one of two clashing figures is "before" or "after" an event: likely the other state."""
    fa, fb = a.frame, b.frame
    return fa is not None and fb is not None and bool(set(fa.scope) & TEMPORAL) != bool(set(fb.scope) & TEMPORAL)


def _inclusion(a: Claim, b: Claim, ia: Interval | None, ib: Interval | None) -> bool:
    """One figure says what it includes and is the larger, or what it leaves out and is the
    smaller: "16.4 km including its approach viaducts" does not deny "11.8 km"."""
    if ia is None or ib is None or a.frame is None or b.frame is None:
        return False
    for scope, ix, iy in ((a.frame.scope, ia, ib), (b.frame.scope, ib, ia)):
        words = {w.split()[0] for w in scope if " " in w}
        if "including" in words and ix.low > iy.high:
            return True
        if words & {"excluding", "without"} and ix.high < iy.low:
            return True
    return False


def reach(c: Claim) -> Interval | None:
    """What a figure can be grouped with: its interval, an open end closed where one quantity told
    twice could still reach ("over 40 metres" is not "80 km"; "more than 3,000" may be 3,787; "up
    to 800 metres" is not 37 m).
    Conflicts still read the open interval: "over 40" denies nothing above it."""
    i = interval_of(c)
    if i is None:
        # A vague amount ("several thousand", "dozens") is never accused, but it is not every figure:
        # it groups only with what its words allow ("several thousand" is not "Twenty-two").
        lo, hi = base_value(c)[1:3]
        return Interval(lo, hi) if c.value is None and lo is not None and hi is not None and lo <= hi else None
    if i.high == INF and i.low > 0:
        return Interval(i.low, i.low * PLAUSIBLE_RATIO, low_open=i.low_open)
    if i.low == 0 and i.high > 0 and c.bound in (Bound.UNDER, Bound.AT_MOST):
        return Interval(i.high / PLAUSIBLE_RATIO, i.high, high_open=i.high_open)  # "up to 40 metres" is not 2 cm
    return i


def _one_place(a: Claim, b: Claim) -> bool:
    """Only one of two clashing counts names a place: likely a part ("1,577 in Louisiana") of a
    whole. A measure has no parts by place: "heard 4,780 km away in Rodrigues" is the distance."""
    return (a.kind.value in ("count", "money") and a.frame is not None and b.frame is not None
            and (a.frame.place_from == "sentence") != (b.frame.place_from == "sentence"))


_DAY = 86400.0


def _two_spans(a: Claim, b: Claim) -> bool:
    """Two clashing durations with no event in common, one of them a day or longer: years and
    decades in a story are mostly of lives and tenures ("for eighteen years", "two decades"),
    which two articles rarely time alike; minutes and hours are of one incident."""
    if a.kind.value != "duration" or (a.frame and b.frame and a.frame.event and a.frame.event == b.frame.event):
        return False
    x, y = interval_of(a), interval_of(b)
    return x is None or y is None or max(x.low, y.low) >= _DAY


def _sample(n: int) -> list[int]:
    """The members a newcomer is weighed against: all of a small cluster, the first and latest of a
    large one (they were weighed against the rest when they joined), so a cluster costs O(1)."""
    if n <= MAX_LINK:
        return list(range(n))
    return [*range(MAX_LINK // 2), *range(n - MAX_LINK // 2, n)]


def _keys(c: Claim) -> list[str]:
    """Where a claim is filed in its block's index: its page's first names, else its year."""
    f = c.frame
    assert f is not None
    keys = [f"t:{w[:4]}" for w in topic_words(f)]
    if not keys and f.time and f.time[:4].isdigit():
        keys.append(f"y:{f.time[:4]}")
    return keys or ["-"]


SPREAD = 0.5  # how far below JOIN a cluster's average link may fall when its best link reaches it
MAX_CANDIDATES = 16  # clusters a claim is scored against; the index finds the likeliest first
MAX_LINK = 12  # members compared per cluster when linking two clusters (complete linkage on a sample)


def form_concept_groups(claims: Sequence[Claim], link: bool = True) -> list[list[Claim]]:
    """A concept block's claims -> clusters of one quantity, by evidence-weighted scores.

    Phase one groups figures that agree: claims with the most stated evidence found clusters
    first; each later claim joins the cluster it scores best with (at least `JOIN` against every
    member, its figure inside what they all allow). Phase two links agreeing clusters whose
    figures clash only across documents, plausibly and on good evidence: that is a conflict to
    report, not two quantities. Both phases find candidates through an index on topic words and
    years, so the work stays near-linear in the block's size.
    """
    clusters: list[_Cluster] = []
    # Phase one files claims by currency too: figures in two currencies can be neither compared
    # nor agree; phase two may link their clusters on evidence alone.
    index: dict[str, list[int]] = {}
    shared: dict[str, list[int]] = {}
    spans = {c.id: reach(c) for c in claims}
    for c in sorted(claims, key=lambda c: (-_stated(c), c.id)):
        best, home = JOIN - 1e-9, None
        for i in _candidates(c, index, _currency(c) + _set_of(c)):
            s = clusters[i].score(c, spans[c.id])
            if s > best:
                best, home = s, clusters[i]
        if home is None:
            home = _Cluster(n=len(clusters))
            clusters.append(home)
        home.add(c, spans[c.id])
        _file(c, home.n, index, _currency(c) + _set_of(c))
        _file(c, home.n, shared, _set_of(c))
    for k in sorted(clusters, key=lambda k: (-len(k.members), k.n)) if link else ():
        if k.merged_into is not None:
            continue
        for i in _candidates(k.members[0], shared, _set_of(k.members[0])):
            other = _root(clusters, i)
            if other is k or other.n == k.n or len(other.members) > MAX_LINK * 4:
                continue
            if _link(k, other):
                for c in other.members:
                    k.add(c, spans[c.id])
                    _file(c, k.n, shared, _set_of(c))
                other.members, other.spans = [], []
                other.merged_into = k.n
    return [sorted(k.members, key=lambda c: c.id) for k in clusters if k.members]


def _root(clusters: list[_Cluster], i: int) -> _Cluster:
    k = clusters[i]
    while k.merged_into is not None:
        k = clusters[k.merged_into]
    return k


def _two_currencies(a: Claim, b: Claim) -> bool:
    """Sums in two currencies that are not one number: with no rate to compare them by they neither
    agree nor clash, so nothing says they are one quantity ("3 billion euros" is not "Rs 705 crore");
    one number in two currencies ("$470 million", "470 million euros") is a slip worth a look."""
    return _currency(a) != _currency(b) and a.value != b.value


def _set_of(c: Claim) -> str:
    """The set a claim counts in ("other", "additional"; "" for most): claims of two sets never meet
    (`evidence.weigh`), so each set has its own index, and a block split by set (engines/split.py)
    finds what the whole block finds, whatever the candidate limits."""
    return "|" + ",".join(sorted(qualifiers(c.frame)[0])) + "|" if c.frame is not None else "||"


def _currency(c: Claim) -> str:
    return (c.unit or "") if c.kind.value == "money" else ""


def _candidates(c: Claim, index: dict[str, list[int]], prefix: str = "") -> list[int]:
    seen: dict[int, None] = {}
    for key in _keys(c):
        bucket = index.get(prefix + key, ())
        for i in bucket[-MAX_CANDIDATES:]:  # the latest clusters filed under this name: a bounded look
            seen.setdefault(i, None)
    return list(seen)[:MAX_CANDIDATES]


def _file(c: Claim, n: int, index: dict[str, list[int]], prefix: str = "") -> None:
    for key in _keys(c):
        bucket = index.setdefault(prefix + key, [])
        if not bucket or bucket[-1] != n:
            bucket.append(n)


def _stated(c: Claim) -> int:
    f = c.frame
    assert f is not None
    return (f.topic_from == "sentence") + (f.time_from == "sentence") + (f.place_from == "sentence") + bool(f.event)


def _naming(members: Sequence[Claim]) -> Frame:
    """The frame that best says what a group measures: the first member whose words name a concept."""
    frames = [c.frame for c in members if c.frame is not None]
    return next((f for f in frames if f.concept), frames[0])


def describe(members: Sequence[Claim]) -> str:
    """Why the members are one group, in words: "3 claims give the deaths in krakatau, 1883; topic from each document"."""
    f = _naming(members)
    what = f.concept or f.entity or "figure"
    topics = sorted({(c.frame.topic or "").split()[0] for c in members if c.frame and c.frame.topic})
    sub = f.entity if f.proper and f.entity and f.entity not in (f.concept or "") and f.entity not in topics else None
    years = sorted({c.frame.time for c in members if c.frame and c.frame.time and c.frame.time_from == "sentence"})
    words = f"{'both' if len(members) == 2 else f'all {len(members)}'} give the {what}"
    if sub:
        words += f" of {sub}"
    if topics:
        words += f" in {'/'.join(topics)}"
    if years:
        words += ", " + "/".join(years)
    named = sum(1 for c in members if c.frame and c.frame.topic_from == "sentence")
    words += "; topic " + ("named in every sentence" if named == len(members) else
                           "from each document's title and most named words" if not named else
                           f"named in {named} of {len(members)} sentences, from the document elsewhere")
    return words


def concept_label(members: Sequence[Claim]) -> str:
    """For people: "deaths · velmar · 1987", "height · eiffel", "deaths of american · lusitania"."""
    f = _naming(members)
    topics = sorted({c.frame.topic.split()[0] for c in members if c.frame and c.frame.topic})
    named = f.proper and f.entity and f.entity not in (f.concept or "") and f.entity not in topics
    words = [f"{f.concept} of {f.entity}" if named and f.concept else f.concept or f.entity or "figure"]
    if topics:
        words.append("/".join(topics))
    times = sorted({c.frame.time for c in members if c.frame and c.frame.time and c.frame.time_from == "sentence"})
    if times:
        words.append(", ".join(times))
    return " · ".join(words)
