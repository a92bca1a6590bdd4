"""Document context: what a page is about, read once, for the figures whose sentence does not say.

Web pages name their topic once (in the title, the first line, the name they repeat) and then
write "the death toll", "it stands", "the eruption". A figure whose own sentence names no topic,
place or time inherits them, from its paragraph first and then from its document, and its frame
records where each came from (`topic_from`, `place_from`, `time_from`): inherited evidence is
weaker than stated evidence, and the reconciler weighs it so.

    topic      the name the document is most about: the capitalised word it repeats most, with the
               title and first lines counting extra ("Krakatau", "Hindenburg", "Katrina")
    year       the main event's year: the year the document names most, the title's first
    dateline   "OLYMPIA, Wash. -" at the top of a news story: where it was filed
    paragraph  a paragraph that names exactly one year lends it to its figures

Pure text and regular expressions: no parse, so it costs little beside extraction.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from ..model import Claim, Frame
from .aliases import norm

# A page names its topic in its title and first lines and keeps repeating it: its first 30,000
# characters say what it is about as well as a book-length page's whole, at a bounded cost.
TOPIC_SPAN = 30_000
TOPIC_NAMES = 12  # a document's topic: its eight most named words, the first the strongest
_NAME = re.compile(r"\b[A-Z][a-zA-Z’'-]*[a-z][a-zA-Z’'-]*\b")
_YEAR = re.compile(r"(?<![\d,.])((?:1[5-9]|20)\d{2})(?!\d|,\d)")
_DATELINE = re.compile(r"^\s*([A-Z][A-Z .'-]{2,30}[A-Z])(?:, [A-Z][a-zA-Z.]+(?: \d{1,2})?)?\s*(?:\([^)]{0,60}\)\s*)?[-–—]")
# Who wrote or printed a page: "By Ana Ruiz", "(Reporting by ...; Editing by ...)", a wire's name
# after its dateline, "From Wikiterra, the free encyclopedia".
_CREDITS = re.compile(r"^\s*(?:by|written by|story by|words by|photos? by)\s+(?-i:[A-Z])[^\n]{0,60}$|"
                      r"\([^()]{0,40}(?:reporting|editing|writing|compiled) by[^()]{0,120}\)|"
                      r"(?<=[a-z0-9] )\((?-i:[A-Z])[A-Za-z .&'-]{2,40}\)(?=\s*[-–—])|"
                      r"\b(?:posted|written|published|filed)\b[^\n|]{0,30}\bby\s+(?-i:[A-Z])\S+(?:\s+(?-i:[A-Z])\S+)?|"
                      r"^\s*from (?-i:[A-Z])[^\n]{0,40}encyclopedia[^\n]*$", re.I | re.M)
_PUBLISHED = re.compile(r"^[^\n]{0,120}(?:\b(?:posted|published|updated|last (?:updated|modified)|filed)\b|\|)"
                        r"[^\n]{0,120}$", re.I | re.M)
_ABBREVIATION = re.compile(r"\b(?:St|Mt|Ft|Dr|Mr|Mrs|Ms|Jr|Sr|Gen|Col|Capt|Lt|Sgt|Rev|Prof|[A-Z])\.\s*$")
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_LOWER = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]+")

# Words that appear capitalised without naming what a text is about: sentence openers, titles of
# page furniture, calendar words, and the generic heads of names ("Mount", "River", "Tower"),
# which say less than the word they qualify ("Helens", "Amazon", "Eiffel").
GENERIC = frozenset(" ".join((
    "the a an in on at as but and of for by with from to after before during when while this that these those it",
    "its he she they we you i his her their our there here what which who how why where if then than so also",
    "however although though because since until according into over under about more most some many all one two",
    "three four five six seven eight nine ten first second third last next new old other january february march",
    "april may june july august september october november december monday tuesday wednesday thursday friday",
    "saturday sunday today yesterday mount mt st saint river lake sea ocean island islands strait bay gulf valley",
    "tower building bridge dam hurricane storm typhoon cyclone tropical volcano eruption disaster tragedy north",
    "south east west central city county state states united kingdom republic national international world war",
    "government president minister ministry court supreme news photo image video share email home menu search read",
    "related advertisement subscribe sign login comments posted updated published copyright rights reserved mr mrs",
    "ms dr prof capt sir lord king queen prince company corporation inc ltd co rms hms uss ss mv despite although",
    "among around between within without across along because until unless whether each every both either neither",
    "such only even just still yet later earlier once now then today according instead most much few several any no",
    "not none nor own same very too again further jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed",
    "thu fri sat sun eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty",
    "forty fifty sixty seventy eighty ninety hundred thousand million billion dozen",
)).split())
RELATIVE_TIME = re.compile(r"\b(?:yesterday|today(?!['’]s)|tonight|this (?:week|month|year)|last (?:week|month)|"
                            r"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|currently|"
                            r"at present|so far this year)\b", re.I)


@dataclass(frozen=True)
class DocContext:
    """What one document is about, for the figures that do not say."""

    topic: str | None = None
    year: str | None = None
    dateline: str | None = None
    paragraph_years: tuple[tuple[int, int, str], ...] = ()  # (start, end, year) of one-year paragraphs

    def paragraph_year(self, offset: int) -> str | None:
        for start, end, year in self.paragraph_years:
            if start <= offset < end:
                return year
        return None


@lru_cache(maxsize=65536)
def topic_word(name: str) -> str | None:
    """The word of a name that says which thing it is: "Mount St. Helens" -> "helens"."""
    words = [w for w in re.split(r"[\s.]+", norm(name).replace("'s", "")) if w]
    kept = [w for w in words if not all(p in GENERIC for p in w.split("-")) and len(w) > 2 and not w.isdigit()]
    return kept[0] if kept else None


def document_context(text: str, end: int | None = None) -> DocContext:
    """Topic, main year, dateline and one-year paragraphs of `text` (up to `end`, the notes)."""
    body = text[:end] if end is not None else text
    dl = _dateline(body)
    topic = _topic(body[:TOPIC_SPAN], dl)
    years: Counter[str] = Counter()
    # When a page was published is not when its story happened ("Posted 14 May 2023",
    # "The Castrel Courier | Friday 9 March 2012" over an anniversary piece): those lines lend no year.
    head = _PUBLISHED.sub(lambda x: " " * len(x.group()), body[:2000])  # a page's date lines are at its top
    for m in _YEAR.finditer(head + body[2000:]):
        years[m.group(1)] += 3 if m.start() < 400 else 1
    year = years.most_common(1)[0][0] if years else None
    paragraphs = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", body):
        lines = m.group().count("\n") + 1
        if lines >= 3 and len(m.group()) / lines < 60:
            continue  # a table or an infobox: each row its own, the year of one row is not the others'
        found = {y.group(1) for y in _YEAR.finditer(m.group())}
        if len(found) == 1:
            paragraphs.append((m.start(), m.end(), found.pop()))
    return DocContext(topic=topic, year=year, dateline=norm(dl) if dl else None,
                      paragraph_years=tuple(paragraphs))


def _topic(body: str, dateline: str | None) -> str | None:
    """The words a page names most, its head counting extra, and only words it writes capitalised
    more often than not: a heading's "Construction" or a sentence's opening "Measurements" are
    common words the page uses elsewhere, a name is written capitalised nearly every time."""
    # A byline, a wire's credit line or a site's furniture names who wrote or printed the page, not
    # what it is about; an infobox glues label and value ("LocationVal Sorra"), so a capital after a
    # lower-case letter starts a new word.
    kept = _CREDITS.sub(lambda m: " " * len(m.group()), body)
    kept = _GLUED.sub(" ", kept)
    lower = Counter(_LOWER.findall(kept))  # every word written in lower case, as written
    head = 400
    title = len(kept) - len(kept.lstrip()) + len((kept.lstrip().splitlines() or [""])[0])
    names: dict[str, float] = {}
    inside: set[str] = set()  # words seen capitalised inside a sentence, not only opening one
    seen: Counter[str] = Counter()
    first = None
    for m in _NAME.finditer(kept):
        before = kept[max(0, m.start() - 6):m.start()]
        opener = (not before.strip() or "\n" in before[-2:] or before.rstrip()[-1:] in "!?:•·-–—\"“|*"
                  or (before.rstrip()[-1:] == "." and not _ABBREVIATION.search(before)))
        w = topic_word(m.group())
        if w is None:
            continue
        seen[w] += 1
        # The title and first lines name the topic; later mentions repeat it or name others; a
        # capital that opens a sentence, a heading or a table cell may be any word, so it counts
        # for less, in the head too (an infobox's "Construction start").
        names[w] = names.get(w, 0.0) + (3 if m.start() < title or (m.start() < head and not opener) else 0.5 if opener else 1)
        first = first or w  # the first name a page gives is usually what it is about
        if not opener:
            inside.add(w)
    if first is not None and first in names:
        names[first] += 2
    # A word seen once, opening a sentence, a heading or a list item ("Introduction", "Measurements
    # are ...", "Walking the valley") is a common word with a capital, not a name.
    # A word the page writes in lower case as often as capitalised is a common word ("Survivors
    # said", "the survivors"); a name may appear in lower case in a link or a tag ("#kharsang").
    names = {w: n for w, n in names.items() if (w in inside or seen[w] >= 2) and _lower_count(lower, w) < seen[w]}
    for w in (topic_word(x) for x in (dateline or "").split()):
        if w is not None:  # "BORGO SORRA, Nov 14 -": where a wire story was filed is what it is about
            names[w] = names.get(w, 0.0) + 3
    top = [w for w, n in sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))[:TOPIC_NAMES] if n >= 1]
    return " ".join(top) or None


def _lower_count(lower: Counter[str], word: str) -> int:
    """How often a page writes `word` in lower case, singular or plural ("survivor", "survivors")."""
    base = word.rstrip("s")
    return lower.get(base, 0) + lower.get(base + "s", 0) + (lower.get(base + "ss", 0) if base != word else 0)


def _dateline(body: str) -> str | None:
    """ "OLYMPIA, Wash. -", "BORGO SORRA, Nov 14 (Wire Press) -": a line of the page's head that
    opens with a place in capitals, as a title case name ("Borgo Sorra")."""
    for line in body[:800].splitlines()[:10]:
        m = _DATELINE.match(line)
        if m is not None:
            return m.group(1).strip().title()
    return None


def with_context(claims: list[Claim], ctx: DocContext) -> list[Claim]:
    """Each claim's frame completed from its paragraph and document, with where each field came from.

    A measure whose words name no concept ("puts the river at 6,800 km") takes the concept its
    document gives most often to figures of the same unit dimension (a page about a river
    measures its length): weaker evidence, but what a reader would assume.
    """
    usual = _usual_concepts(claims)
    out = []
    for c in claims:
        if c.frame is None or c.cited_in is not None or c.kind.value == "fact":  # an event's frame is its sentence's
            out.append(c)
            continue
        f = inherit(c.frame, ctx, c.start, c.sentence)
        if f.concept is None and c.kind.value == "measure" and (concept := usual.get(_dimension(c))):
            f = replace(f, concept=concept, concept_from="document")
        elif (f.concept is None and c.kind.value == "count" and f.event is None and f.entity in (None, "total", "people")
              and (concept := usual.get("count"))):
            f = replace(f, concept=concept, concept_from="document")  # a table's "Total 1,836" under a page of death tolls
        out.append(replace(c, frame=f))
    return out


def _dimension(c: Claim) -> str:
    from .units import to_base_unit

    return (to_base_unit(1.0, c.unit)[1] or "") if c.unit else ""


def _usual_concepts(claims: list[Claim]) -> dict[str, str]:
    """Base unit -> the concept a document gives most of its measures in it."""
    counts: Counter[tuple[str, str]] = Counter()
    for c in claims:
        if _converted(c):
            continue  # "1,210 m (3,970 ft)": one figure told twice is one vote
        if c.kind.value == "measure" and c.frame is not None and c.frame.concept and c.cited_in is None:
            counts[(_dimension(c), c.frame.concept)] += 1
        elif c.kind.value == "count" and c.frame is not None and c.frame.concept and c.cited_in is None:
            counts[("count", c.frame.concept)] += 1
    usual: dict[str, str] = {}
    for (dim, concept), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        # one stated concept may be an aside ("an average depth of 150 feet"); two make a page's habit
        if dim not in usual and n >= 2 and (dim != "count" or 2 * n > sum(m for (d, _), m in counts.items() if d == "count")):
            usual[dim] = concept  # a count's concept only from a page where one concept is most of them
    return usual


_AFTER_FIGURE = re.compile(r"\d[\d,.]*\s*[A-Za-z°$€£%/²³.-]{0,14}\s*\(\s*$")  # "1,210 m (", not "Louisiana ("


def _converted(c: Claim) -> bool:
    """A figure in brackets right after another: its conversion."""
    at = c.sentence.find(c.quote)
    return at > 0 and _AFTER_FIGURE.search(c.sentence[max(0, at - 30):at]) is not None


def inherit(f: Frame, ctx: DocContext, offset: int, sentence: str) -> Frame:
    """`f` with topic, place and time filled from `ctx` where its sentence left them empty."""
    topic, topic_from = f.topic, f.topic_from
    if topic is None and ctx.topic:
        said = norm(sentence)
        stated = re.search(rf"\b{re.escape(ctx.topic.split()[0])}", said) is not None
        topic, topic_from = ctx.topic, "sentence" if stated else "document"
    time, time_from = f.time, "sentence" if f.time else None
    if time is None:
        if (py := ctx.paragraph_year(offset)) is not None:
            time, time_from = py, "paragraph"
        elif ctx.year:
            time, time_from = ctx.year, "document"
    place, place_from = f.place, "sentence" if f.place else None
    if place is None and ctx.dateline:
        place, place_from = ctx.dateline, "document"
    return replace(f, topic=topic, topic_from=topic_from, time=time, time_from=time_from,
                   place=place, place_from=place_from)
