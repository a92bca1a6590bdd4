"""The data model: frozen dataclasses passed from stage to stage. No I/O, no heavy imports.

Offsets (`start`, `end`) are Python `str` indices into `Document.text`, the document's decoded
text; for a `.txt` file that is the file exactly as read.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

Span = tuple[int, int]


class Bound(str, Enum):
    EXACT = "="
    APPROX = "~"
    OVER = ">"
    AT_LEAST = ">="
    UNDER = "<"
    AT_MOST = "<="
    RANGE = "range"


class Kind(str, Enum):
    """What sort of quantity a claim states; `fact` is a dated event with no number."""

    COUNT = "count"
    MONEY = "money"
    PERCENT = "percent"
    DURATION = "duration"
    AGE = "age"
    RANK = "rank"
    MEASURE = "measure"
    RATE = "rate"  # "1 in 6", "per 1,000 births"
    RATING = "rating"  # a figure on a named scale, the scale as its unit: "Category 4", "magnitude 6.8"
    FACT = "fact"


class Severity(str, Enum):
    """How loud a conflict is: CI fails on contradictions by default, near misses are for a reviewer."""

    CONTRADICTION = "contradiction"
    NEAR_MISS = "near-miss"
    POSSIBLE = "possible"  # the figures clash but the evidence that they are one quantity is weaker


class ConflictKind(str, Enum):
    VALUES = "values"  # two intervals for the same quantity that cannot both hold
    BREAKDOWN = "breakdown"  # parts that do not add up to their stated total
    CITED_SOURCE = "cited-source"  # a figure against the number in the title of the source it cites
    FACT = "fact"  # the same event given different places or dates


class LinkStatus(str, Enum):
    OK = "ok"
    REDIRECTED = "redirected"
    BROKEN = "broken"
    BLOCKED = "blocked"
    SERVER_ERROR = "server-error"
    TIMEOUT = "timeout"
    TLS_ERROR = "tls-error"
    INVALID_URL = "invalid-url"
    SKIPPED = "skipped"
    UNVERIFIED = "unverified"


@dataclass(frozen=True)
class Document:
    """One article as read from disk: its decoded text and what is not article prose."""

    id: str
    path: str
    name: str
    text: str
    encoding: str
    format: str  # "txt", "md" or "html"
    chrome: tuple[Span, ...] = ()  # page furniture: player timestamps, "Load more", ...
    duplicates: tuple[tuple[int, int, int], ...] = ()  # (start, end, start of the first copy)
    warnings: tuple[str, ...] = ()
    links: tuple[tuple[str, int, int], ...] = ()  # (href, start, end) of HTML <a href>
    superscripts: tuple[tuple[int, int], ...] = ()  # spans of HTML <sup> text: marker candidates


@dataclass(frozen=True)
class Marker:
    """A footnote marker in running text: `Uyghurs2`, `[19]`, `[^1]`, `<sup>3</sup>`."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class Footnote:
    """One entry of an endnote list, split into its parts."""

    number: int
    start: int
    end: int
    text: str
    urls: tuple[str, ...] = ()
    authors: str | None = None
    title: str | None = None
    publisher: str | None = None
    date: str | None = None  # ISO: YYYY-MM-DD, YYYY-MM or YYYY


@dataclass(frozen=True)
class Notes:
    """What the footnote parser found in one document."""

    footnotes: tuple[Footnote, ...] = ()
    markers: tuple[Marker, ...] = ()
    section: Span | None = None  # where the endnote list stands
    bare_urls: tuple[tuple[str, int, int], ...] = ()  # URLs in running text, outside notes


@dataclass(frozen=True)
class Quantity:
    """A number as stated, with its hedge turned into a bound and an interval."""

    start: int
    end: int
    quote: str
    kind: str  # count, money, percent, duration, age, rank, measure, rate, rating
    bound: Bound
    value: float | None
    low: float | None
    high: float | None
    unit: str | None = None
    vague: bool = False


@dataclass(frozen=True)
class Frame:
    """What a claim is about, as fields a program can compare across articles.

    Every field is normalised (lower case, lemmas, aliases applied), so two articles that count
    "ethnic Kazakhs" and "Kazakh's" both say `entity="kazakh"`.
    """

    entity: str | None = None  # the counted thing: "kazakh", "state", "people"
    event: str | None = None  # what happened to it or what it did, a lemma: "live", "arrest"
    place: str | None = None  # where, through the alias table: "xinjiang", "astana"
    time: str | None = None  # ISO interval: "2019-07", "2018", "1991/2020"
    scope: tuple[str, ...] = ()  # words that change which quantity it is: "other", "total"
    source: str | None = None  # who says so, normalised: "human rights watch"
    proper: bool = False  # the entity is a name ("Kazakhs"), not a common noun ("people")
    concept: str | None = None  # what the figure measures, from the lexicon: "deaths", "height", "cost"
    topic: str | None = None  # what the text is about: "krakatoa", "hindenburg" (a name, lower case)
    # Where topic, place and time came from: "sentence" (stated beside the figure), "paragraph" or
    # "document" (inherited, weaker evidence). None when the field is empty.
    topic_from: str | None = None
    place_from: str | None = None
    time_from: str | None = None
    concept_from: str | None = None  # "document" when the page lent the concept ("a page of river lengths")


@dataclass(frozen=True)
class Claim:
    id: str
    doc: str  # the file name, as the contract says
    start: int
    end: int
    quote: str
    kind: Kind
    bound: Bound | None
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    subject: str
    sentence: str
    citations: tuple[int, ...] = ()
    place: str | None = None
    time: str | None = None
    source: str | None = None  # who says so: "Human Rights Watch", "RFA", "footnote 3"
    predicate: str | None = None  # facts only
    object: str | None = None  # facts only
    cited_in: int | None = None  # the footnote whose title states this claim
    duplicate_of: str | None = None
    line: int = 1
    doc_id: str = ""  # the document's id (its path relative to what was scanned); "" = same as doc
    path: str = ""  # the document's path as given on the command line
    frame: Frame | None = None


def claim_id(doc_id: str, start: int) -> str:
    """The one place claim ids are built: document id and offset, stable across runs."""
    return f"{doc_id}:{start}"


@dataclass(frozen=True)
class Group:
    """Claims about the same quantity: same entity, event, place, time, scope, kind and unit."""

    id: str
    label: str  # for people: "kazakh living in china (count)"
    key: str  # the blocking key the group was formed in
    claims: tuple[str, ...]  # claim ids, sorted
    kind: Kind
    unit: str | None = None
    low: float | None = None  # the interval every claim allows, when they agree
    high: float | None = None
    sources: tuple[str, ...] = ()  # distinct sources the claims name
    sources_differ: bool = False  # claims name different sources: their figures are not the articles' conflict
    agrees: bool = True
    evidence: str = ""  # why the members were put together, in words: "all give the deaths in ..."


@dataclass(frozen=True)
class Conflict:
    """Two claims (or a breakdown and its total) that cannot both hold, and why in plain words."""

    id: str
    group: str
    claims: tuple[str, ...]
    kind: ConflictKind
    severity: Severity
    reason: str
    gap: float | None = None  # relative distance between the intervals, 0.2 = 20%


@dataclass(frozen=True)
class Citation:
    doc: str
    number: int
    urls: tuple[str, ...]
    authors: str | None
    title: str | None
    publisher: str | None
    date: str | None
    markers: tuple[Span, ...]
    flags: tuple[str, ...]
    notes: tuple[str, ...] = ()  # human explanations of the flags
    line: int = 1
    doc_id: str = ""

    @property
    def url(self) -> str | None:
        return self.urls[0] if self.urls else None


@dataclass(frozen=True)
class LinkRef:
    """Where a URL is cited: for annotations and grouping in reports."""

    doc: str
    path: str
    line: int
    footnote: int | None = None
    date: str | None = None  # the citation's date, for the nearest archive snapshot
    doc_id: str = ""


@dataclass(frozen=True)
class LinkResult:
    url: str
    status: LinkStatus
    http_status: int | None = None
    final_url: str | None = None
    reason: str = ""
    redirects: tuple[tuple[int, str], ...] = ()  # (status, location) per hop
    permanent_redirect: bool = False
    elapsed_ms: int | None = None
    from_cache: bool = False
    archive_url: str | None = None
    refs: tuple[LinkRef, ...] = ()


@dataclass(frozen=True)
class CheckOutcome:
    """What a link check returns: one result per URL, and why links went unverified, if so."""
    results: tuple[LinkResult, ...]
    network_note: str | None = None
    warnings: tuple[str, ...] = ()  # e.g. a cache that could not be used


@dataclass(frozen=True)
class Skipped:
    """An input that produced no results, and why. `error` marks a fault of ours, not of the file."""

    path: str
    reason: str
    error: bool = False


@dataclass(frozen=True)
class Fault:
    """A part of a run that raised instead of answering (a bug of ours), and what it left unchecked.

    The rest of the run is complete: a reconcile block that raises costs that block's groups and
    conflicts (its claims stay in the report), a renderer that fails on one item leaves out that item.
    """

    stage: str  # "reconcile", "check", "links", "render"
    part: str  # what went unchecked: "block count||kazakh", "document story", "conflict c-1234"
    documents: tuple[str, ...]  # the paths of the documents whose claims it held, sorted
    reason: str  # the exception: "ZeroDivisionError: float division by zero"

    @property
    def message(self) -> str:
        docs = ", ".join(self.documents[:5]) + (f" and {len(self.documents) - 5} more" if len(self.documents) > 5 else "")
        verb = {"reconcile": "reconcile", "check": "check", "links": "check the links of",
                "render": "render"}.get(self.stage, self.stage)
        return (f"could not {verb} {self.part}" + (f" ({docs})" if docs else "")
                + f": internal error ({self.reason}); please report it")


@dataclass(frozen=True)
class DocumentResult:
    """Everything extraction learns from one file: the unit of work per file, on any engine."""

    document: Document
    notes: Notes
    claims: tuple[Claim, ...]
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Finding:
    """One thing a reviewer acts on: a conflict, a citation flag, a problem link, an unread input.

    `fingerprint` names what the finding is about (the figures, the URL, the footnote), stable
    across runs, line moves and unrelated edits (review/fingerprints.py builds it); `key` names
    the item of this Report it comes from, so a renderer can find its verdict.
    """

    fingerprint: str
    key: str  # "conflict:<id>", "link:<url>", "citation:<doc_id>:<number>:<flag>", "skip:<path>"
    rule: str  # "conflict/values", "citation/no-url", "link/broken", "input/skipped"
    severity: str  # its own weight: "contradiction", "near-miss", a link status, a flag, "skipped"
    message: str
    where: str  # the document (or, for a link, the first document citing it), for people
    locations: tuple[tuple[str, int], ...] = ()  # (path, line); the first is where it is reported
    reviewable: bool = True  # False for what says nothing about the articles (a link not verified offline)


@dataclass(frozen=True)
class BaselineEntry:
    """A finding a reviewer has seen and accepted: one entry of the committed baseline file."""

    fingerprint: str
    rule: str
    where: str
    what: str
    by: str
    on: str  # ISO date
    note: str = ""


@dataclass(frozen=True)
class Verdict:
    """What the gate made of one finding: whether --fail-on selects it, and whether it is reviewed."""

    finding: Finding
    selected: bool  # --fail-on (or its setting) names it: it would fail the run unless reviewed
    reviewed: BaselineEntry | None = None

    @property
    def fails(self) -> bool:
        return self.selected and self.reviewed is None


@dataclass(frozen=True)
class Review:
    """The gate's decision over a whole Report (gate.judge): one verdict per finding, worst first."""

    verdicts: tuple[Verdict, ...] = ()
    stale: tuple[BaselineEntry, ...] = ()  # baseline entries no finding matches any more
    reasons: tuple[str, ...] = ()  # why the run fails, one line each; empty when it passes
    baseline: str | None = None  # the baseline file read, if any

    def verdict(self, key: str) -> Verdict | None:
        """The verdict of the finding with this `Finding.key`, if any."""
        cached = self.__dict__.get("_keys")  # built once: renderers ask for every item of a report
        if cached is None:
            cached = {v.finding.key: v for v in self.verdicts}
            object.__setattr__(self, "_keys", cached)
        return cached.get(key)


@dataclass(frozen=True)
class Report:
    documents: tuple[Document, ...] = ()
    claims: tuple[Claim, ...] = ()
    citations: tuple[Citation, ...] = ()
    links: tuple[LinkResult, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    network_note: str | None = None
    warnings: tuple[str, ...] = ()  # problems that did not stop the run, for stderr
    groups: tuple[Group, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    reconciled: bool = False  # False when reconciliation did not run (extract-only, links-only)
    review: Review | None = None  # the gate's verdicts and the baseline, set by the CLI (gate.judge)
    faults: tuple[Fault, ...] = ()  # parts that raised and went unchecked: the run is incomplete
