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


def sentence_parts(claim: Claim, text: str = "") -> tuple[str, str, str]:
    """The claim's sentence split around its quote, found by offset in the text when it is there."""
    sentence, quote = claim.sentence or claim.quote, claim.quote
    if text and text[claim.start:claim.end] == quote and sentence:
        sent_start = text.rfind(sentence, max(0, claim.end - len(sentence)), claim.start + len(sentence))
        if sent_start != -1 and sent_start <= claim.start and claim.end <= sent_start + len(sentence):
            i = claim.start - sent_start
            return sentence[:i], quote, sentence[i + len(quote):]
    i = sentence.find(quote)
    if i == -1:
        return sentence + " \u2014 ", quote, ""
    return sentence[:i], quote, sentence[i + len(quote):]


def excerpt(claim: Claim, width: int = 240, text: str = "") -> Excerpt:
    """The claim's sentence around its quote, trimmed to about `width` characters."""
    before, quote, after = (clean(part) for part in sentence_parts(claim, text))
    room = max(0, width - len(quote)) // 2
    if len(before) > room:
        before = "…" + before[len(before) - room:].lstrip()
    if len(after) > room:
        after = after[:room].rstrip() + "…"
    return Excerpt(before, quote, after)


@dataclass(frozen=True)
class Side:
    """One claim of a finding, with everything a reviewer weighs it by."""

    claim: Claim
    text: str  # the document's text, when the report carries it: the quote is found by offset
    where: str  # path:line
    source: str | None
    footnotes: tuple[Citation, ...]
    links: tuple[LinkResult, ...]


class Index:
    """Lookups a renderer needs, built once per report."""

    def __init__(self, report: Report) -> None:
        self.claims = {c.id: c for c in report.claims}
        self.citations = {(c.doc_id or c.doc, c.number): c for c in report.citations}
        self.links = {r.url: r for r in report.links}
        self.groups = {g.id: g for g in report.groups}
        self.texts = {d.id: d.text for d in report.documents}

    def side(self, claim_id: str) -> Side | None:
        c = self.claims.get(claim_id)
        if c is None:
            return None
        doc = c.doc_id or c.doc
        notes = tuple(n for num in ((c.cited_in,) if c.cited_in is not None else c.citations)
                      if num is not None and (n := self.citations.get((doc, num))) is not None)
        links = tuple(r for n in notes for u in n.urls if (r := self.links.get(u)) is not None)
        source = c.source if c.source and not c.source.startswith("footnote") else None
        return Side(c, self.texts.get(doc, ""), f"{c.path or c.doc}:{c.line}", source, notes, links)

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
