"""What the reviewer's page shows: one frozen view per thing it draws (a link, a footnote, a claim,
a conflict card and its sides, a group, a document and its spans), and the words for statuses,
bounds and severities. `html.build_page` makes them from a Report; the template lays them out.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .. import __version__
from ..model import Citation, Claim, Conflict, ConflictKind, Document, Group, LinkStatus, Report, Severity
from .chart import Chart

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

# The hedge, in words, beside the interval it gives.
BOUND_WORDS = {"=": "exact", "~": "approximate", ">": "a lower bound", ">=": "a lower bound", "<": "an upper bound",
               "<=": "an upper bound", "range": "a range"}
CONFLICT_WORDS = {
    ConflictKind.VALUES: "The figures disagree",
    ConflictKind.BREAKDOWN: "The parts do not add up to the total",
    ConflictKind.CITED_SOURCE: "The figure differs from the source it cites",
    ConflictKind.FACT: "The facts disagree",
}
SEVERITY_WORDS = {Severity.CONTRADICTION: "Contradiction", Severity.NEAR_MISS: "Near miss", Severity.POSSIBLE: "Possible"}
# How a link's status reads to a reviewer, and how loud it is drawn.
LINK_TONE = {"ok": "good", "redirected": "note", "broken": "bad", "server-error": "bad", "tls-error": "bad",
             "invalid-url": "bad", "timeout": "warn", "blocked": "warn", "skipped": "muted", "unverified": "muted"}
# The audit's flags in plain words; the code stays beside them on the page for whoever searches it.
FLAG_WORDS = {
    "publisher-domain-mismatch": "publisher does not own the linked site",
    "date-mismatch": "date differs from the date in the URL",
    "insecure-scheme": "insecure http:// link",
    "orphan-marker": "marker without a footnote",
    "unused-footnote": "footnote never cited in the text",
    "duplicate-url": "same URL as another footnote",
    "no-url": "no URL to check",
}
DEAD = {LinkStatus.BROKEN, LinkStatus.SERVER_ERROR, LinkStatus.TLS_ERROR, LinkStatus.INVALID_URL}


@dataclass(frozen=True)
class LinkView:
    url: str
    href: str | None  # only http(s) URLs become links; anything else (javascript:, data:) stays text
    status: str  # "ok", "broken", ... or "not checked"
    detail: str
    tone: str
    reviewed: str = ""  # "by whom, when: note" when the baseline marks this link's status reviewed


@dataclass(frozen=True)
class FootnoteView:
    anchor: str
    doc_key: str
    doc_name: str
    citation: Citation
    links: tuple[LinkView, ...]
    marker_anchors: tuple[str, ...]
    reviewed_flags: frozenset[str] = frozenset()  # flags the baseline marks reviewed: drawn as such

    @property
    def problem(self) -> bool:
        """A flag or a dead link that no reviewer has marked reviewed: the footnote needs a look."""
        return any(f not in self.reviewed_flags for f in self.citation.flags) or \
            any(link.tone == "bad" and not link.reviewed for link in self.links)

    @property
    def settled(self) -> bool:
        """Every flag and dead link of it is reviewed: listed among reviewed findings, not problems."""
        return not self.problem and (bool(self.citation.flags) or any(link.tone == "bad" for link in self.links))


Pieces = tuple[tuple[str, int | None], ...]  # text, or a footnote marker with its number


@dataclass(frozen=True)
class ClaimView:
    claim: Claim
    anchor: str
    doc_key: str
    doc_name: str
    before: Pieces  # the sentence around the quote, its footnote markers apart from the words
    quote: str
    after: Pieces
    interval: str
    reads: str  # the hedge in words
    footnotes: tuple[FootnoteView, ...]
    in_conflict: bool = False

    @property
    def where(self) -> str:
        """`path:line`, the one form of a location in every format."""
        return f"{self.claim.path or self.claim.doc}:{self.claim.line}"


@dataclass(frozen=True)
class Side:
    """One column of a conflict card: a claim and its letter (shared with its bar in the chart)."""

    letter: str
    view: ClaimView


@dataclass(frozen=True)
class ConflictView:
    conflict: Conflict
    anchor: str
    title: str
    label: str
    severity: str
    sides: tuple[Side, ...]
    chart: Chart | None
    gap: str
    docs: str  # the document keys it involves, for the document filter
    scope: str = "between articles"  # or "within one article": a breakdown, a cited title
    narrow_chart: Chart | None = None  # the same chart drawn for a phone
    gap_tone: str = "bad"  # "bad", "warn", or "muted" when the intervals only touch
    reviewed: str = ""  # "by whom, when: note" when the baseline marks it reviewed: the card is folded


@dataclass(frozen=True)
class GroupView:
    group: Group
    anchor: str
    claims: tuple[ClaimView, ...]
    interval: str
    docs: str


@dataclass(frozen=True)
class Segment:
    """A stretch of a document's text: plain, a claim, a footnote marker, or page chrome."""

    text: str
    kind: str = "text"  # "text", "claim", "marker", "chrome"
    claim: ClaimView | None = None
    href: str = ""
    anchor: str = ""


@dataclass(frozen=True)
class DocView:
    key: str
    doc: Document
    title: str
    claims: tuple[ClaimView, ...]
    footnotes: tuple[FootnoteView, ...]
    segments: tuple[Segment, ...]
    has_text: bool
    problems: int


@dataclass(frozen=True)
class ProblemDoc:
    """One document's footnotes with problems: a folded block of the citation table."""

    key: str
    name: str
    path: str
    footnotes: tuple[FootnoteView, ...]
    counts: tuple[tuple[str, int], ...]  # (flag or "dead link", how many), most first


@dataclass
class Page:
    """Everything the template shows."""

    report: Report
    docs: list[DocView]
    conflicts: list[ConflictView]
    groups: list[GroupView]
    problems: list[FootnoteView]
    problem_docs: list[ProblemDoc]
    summary: dict[str, int]
    links_by_status: list[tuple[str, int, str]]
    flags: list[tuple[str, int]]
    settings: list[tuple[str, str]]
    version: str = __version__
    warnings: list[str] = field(default_factory=list)
    reviewed: list[tuple[str, str, str, str]] = field(default_factory=list)  # rule, where, what, by/on/note
    stale: list[tuple[str, str, str]] = field(default_factory=list)  # rule, where, what
