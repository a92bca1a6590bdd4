"""The data model: frozen dataclasses passed from stage to stage. No I/O, no heavy imports.

Offsets (`start`, `end`) are Python `str` indices into `Document.text`, the document's decoded
text; for a `.txt` file that is the file exactly as read.
"""
from __future__ import annotations

from dataclasses import dataclass, field
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
    kind: str  # count, money, percent, duration, age, rank, measure
    bound: Bound
    value: float | None
    low: float | None
    high: float | None
    unit: str | None = None
    vague: bool = False


@dataclass(frozen=True)
class Claim:
    id: str
    doc: str
    start: int
    end: int
    quote: str
    kind: str
    bound: str | None
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
    path: str
    reason: str


@dataclass(frozen=True)
class Report:
    documents: tuple[Document, ...] = ()
    claims: tuple[Claim, ...] = ()
    citations: tuple[Citation, ...] = ()
    links: tuple[LinkResult, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    network_note: str | None = None
    warnings: tuple[str, ...] = ()  # problems that did not stop the run, for stderr
    groups: tuple[dict, ...] = field(default=())
    conflicts: tuple[dict, ...] = field(default=())
