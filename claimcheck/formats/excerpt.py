"""What every renderer needs to show a finding: the claims it names, each quote in its sentence,
the footnote it leans on and that footnote's link. Pure functions of the Report."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Citation, Claim, Conflict, LinkResult, Report

# C0 and C1 controls (ESC starts terminal escape sequences), and the bidirectional overrides that
# can make a line read differently from what it holds. Tabs and newlines become spaces.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Text safe to print on a terminal or in a one-line format: no control characters."""
    return _CONTROLS.sub(lambda m: " " if m.group() in "\t\n\r" else "", text)


@dataclass(frozen=True)
class Excerpt:
    before: str
    quote: str
    after: str


Marks = tuple[tuple[int, int, int], ...]  # (start, end, note number) of the footnote markers of one document


def sentence_pieces(claim: Claim, text: str = "", marks: Marks = ()) -> tuple[list[tuple[str, int | None]], str,
                                                                           list[tuple[str, int | None]]]:
    """The claim's sentence around its quote, as pieces of text and footnote markers.

    The quote is found by offset in the document's text when it is there; a marker inside the
    sentence ("Uyghurs2", "to 50.4" for 50 and note 4) becomes a piece `("4", 4)` of its own, so a
    renderer draws it as a note and never as part of a word or a figure.
    """
    sentence, quote = claim.sentence or claim.quote, claim.quote
    if text and text[claim.start:claim.end] == quote and sentence:
        sent_start = text.rfind(sentence, max(0, claim.end - len(sentence)), claim.start + len(sentence))
        if sent_start != -1 and sent_start <= claim.start and claim.end <= sent_start + len(sentence):
            sent_end = sent_start + len(sentence)
            return (_split(text, sent_start, claim.start, marks), quote, _split(text, claim.end, sent_end, marks))
    i = sentence.find(quote)
    if i == -1:
        return [(sentence + " \u2014 ", None)], quote, []
    return [(sentence[:i], None)], quote, [(sentence[i + len(quote):], None)]


def _split(text: str, start: int, end: int, marks: Marks) -> list[tuple[str, int | None]]:
    pieces: list[tuple[str, int | None]] = []
    pos = start
    for m_start, m_end, number in marks:
        if start <= m_start and m_end <= end and m_start >= pos:
            if m_start > pos:
                pieces.append((text[pos:m_start], None))
            pieces.append((text[m_start:m_end], number))
            pos = m_end
    if pos < end:
        pieces.append((text[pos:end], None))
    return pieces


def plain(pieces: list[tuple[str, int | None]]) -> str:
    """Pieces as one line of text, each marker as `[n]`: "internment of Uyghurs[2], but"."""
    return "".join(f"[{number}]" if number is not None else piece for piece, number in pieces)


def sentence_parts(claim: Claim, text: str = "", marks: Marks = ()) -> tuple[str, str, str]:
    """The claim's sentence split around its quote (markers written `[n]`), found by offset when it can be."""
    before, quote, after = sentence_pieces(claim, text, marks)
    return plain(before), quote, plain(after)


def excerpt(claim: Claim, width: int = 240, text: str = "", marks: Marks = ()) -> Excerpt:
    """The claim's sentence around its quote, trimmed to about `width` characters."""
    before, quote, after = (clean(part) for part in sentence_parts(claim, text, marks))
    room = max(0, width - len(quote)) // 2
    if len(before) > room:
        before = "…" + before[len(before) - room:].lstrip()
    if len(after) > room:
        after = after[:room].rstrip() + "…"
    return Excerpt(before, quote, after)


def note_marks(report: Report) -> dict[str, Marks]:
    """Each document's footnote markers, sorted by offset."""
    out: dict[str, list[tuple[int, int, int]]] = {}
    for c in report.citations:
        out.setdefault(c.doc_id or c.doc, []).extend((start, end, c.number) for start, end in c.markers)
    return {doc: tuple(sorted(marks)) for doc, marks in out.items()}


@dataclass(frozen=True)
class Side:
    """One claim of a finding, with everything a reviewer weighs it by."""

    claim: Claim
    text: str  # the document's text, when the report carries it: the quote is found by offset
    where: str  # path:line
    source: str | None
    footnotes: tuple[Citation, ...]
    links: tuple[LinkResult, ...]
    marks: Marks = ()


class Index:
    """Lookups a renderer needs, built once per report."""

    def __init__(self, report: Report) -> None:
        self.claims = {c.id: c for c in report.claims}
        self.citations = {(c.doc_id or c.doc, c.number): c for c in report.citations}
        self.links = {r.url: r for r in report.links}
        self.groups = {g.id: g for g in report.groups}
        self.texts = {d.id: d.text for d in report.documents}
        self.marks = note_marks(report)

    def side(self, claim_id: str) -> Side | None:
        c = self.claims.get(claim_id)
        if c is None:
            return None
        doc = c.doc_id or c.doc
        notes = tuple(n for num in ((c.cited_in,) if c.cited_in is not None else c.citations)
                      if num is not None and (n := self.citations.get((doc, num))) is not None)
        links = tuple(r for n in notes for u in n.urls if (r := self.links.get(u)) is not None)
        source = c.source if c.source and not c.source.startswith("footnote") else None
        return Side(c, self.texts.get(doc, ""), f"{c.path or c.doc}:{c.line}", source, notes, links, self.marks.get(doc, ()))

    def sides(self, conflict: Conflict) -> list[Side]:
        return [s for cid in conflict.claims if (s := self.side(cid)) is not None]


def footnote_words(side: Side) -> str:
    """ "footnote 3 (Independent, 2019-07-13) · link ok", or "" when the claim cites nothing."""
    words = []
    for n in side.footnotes:
        who = ", ".join(x for x in (n.publisher, n.date) if x)
        title = "in the title of " if side.claim.cited_in is not None else ""
        words.append(f"{title}footnote {n.number}" + (f" ({clean(who)})" if who else ""))
    states = sorted({r.status.value for r in side.links})
    if states:
        words.append("link " + "/".join(states))
    return " · ".join(words)
