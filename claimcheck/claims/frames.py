"""Frames: what a claim is about, as fields a program can compare across articles.

    "There are 1.8 million Kazakh's in China"
        -> Frame(entity="kazakh", event="live", place="china")
    "the over 1 million ethnic Kazakhs who remain in China's Uyghur region"
        -> Frame(entity="kazakh", event="live", place="xinjiang")

Read off the dependency parse that extraction already runs (tokens are handed over by
`extract.py`, the only spaCy import); lemmas come from the pipeline's rule lemmatizer, called only
for the few words a frame needs rather than run over every token. What the figure counts (its
noun, entity and event) is read in `counted.py`; the rest of the frame is built here.
"""
from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING

from ..model import Frame, Quantity
from .aliases import Aliases, norm
from .context import RELATIVE_TIME as _RELATIVE_TIME
from .context import topic_word
from .counted import (
    GLUED_LABEL,
    LIGHT_VERBS,
    SCOPE_WORDS,
    Lemmatize,
    counted_noun,
    elided_noun,
    entity_of,
    event_of,
    governing_verb,
    label_noun,
    said_event,
)
from .subjects import covered_text, is_word, once

if TYPE_CHECKING:
    from spacy.tokens import Token


_SCOPE_PHRASES = re.compile(
    r"\b(directly and indirectly|directly or indirectly|so far|to date|in total|in all|of whom|of which|"
    r"metropolitan area|metro area|urban area|greater \w+|city proper|(?:whole|entire) basin|main stem|"
    r"killed or (?:injured|wounded)|dead or (?:injured|wounded)|killed and (?:injured|wounded)|"
    r"direct and indirect|directly or indirectly|dense[- ]rock equivalent|officially|"
    r"(?:including|excluding|without|not including|with) (?:the |its |their )?(?:\w+ )?(?:antennas?|spires?|flagpoles?|masts?|"
    r"tributar(?:y|ies)|estuary|ground crew|crew|indirect deaths|suburbs)|"
    r"(?:within|in the first|during the first) (?:\w+ )?(?:hours?|days?|weeks?|months?)|"
    r"cpi[- ]adjusted|inflation[- ]adjusted|adjusted for inflation|in today's dollars|"
    r"(?:1[89]|20)\d\d (?:u\.?s\.? )?(?:dollars|usd))\b", re.I)
_DOLLAR_YEAR = re.compile(r"^(\d{4}) (?:u\.?s\.? )?(?:dollars|usd)$")
# "its top speed was 84 mph with a cruising speed of 78 mph": the nearest such phrase is the figure's.
_MEASURE_KIND = re.compile(r"\b((?:top|maximum|max|cruising|average|mean|peak|sustained|minimum) (?:speed|depth|height|"
                           r"temperature|elevation|width|winds?)|cruising|cruises?)\b", re.I)
# "before the eruption", "after the 1957 antenna": a figure of one side of an event is another quantity.
_BEFORE_AFTER = re.compile(r"\b(before|after)\s+(?:the|its|their|a|an)\s+(?:(?:1[5-9]|20)\d\d\s+)?(?!\d)\w+", re.I)
# Verbs of change: "a group China was able to expand to 50" states a later figure, not a rival one.
CHANGE_VERBS = {"expand", "grow", "rise", "increase", "fall", "drop", "decline", "climb", "jump", "double",
                "triple", "swell", "surge", "reduce", "cut", "shrink", "decrease", "soar", "plunge", "reach"}
_PLACE_NOUNS = {"region", "province", "prefecture", "county", "city", "district", "state", "area", "republic",
                "territory", "oblast", "valley", "capital"}
_PLACE_PREPS = {"in", "at", "across", "inside", "throughout", "within"}
_SINCE = re.compile(r"\bsince (?:(?:early|late|mid)[- ])?((?:1[5-9]|20)\d{2})\b", re.I)
_ISO = re.compile(r"^(?:1[5-9]|20)\d{2}(?:-\d{2}(?:-\d{2})?)?$")
_YEAR_IN = re.compile(r"\b((?:1[5-9]|20)\d{2})\b")
_PAST_REFERENCE = re.compile(r"\b(?:years?|decades?|centur(?:y|ies)|months?) (?:since|after|ago)\b|\banniversary\b|"
                             r"\b(?:since|remember(?:s|ed|ing)?|commemorat\w*|memorial)\b", re.I)


def frame_of(tokens: list[Token], q: Quantity, time: str | None, source: str | None,
             aliases: Aliases, lemmatize: Lemmatize) -> Frame:
    """The frame of the quantity made of `tokens` (tokens of one parsed sentence)."""
    skip = {t.i for t in tokens}
    noun, part = counted_noun(tokens, skip, lemmatize, measured=q.kind not in ("count", "rank", "age"))
    entity = event = None
    proper = False
    scope: set[str] = {"part"} if part else set()
    if noun is not None:
        entity, event, proper = entity_of(noun, skip, aliases, lemmatize)
        said = event_of(noun, skip, lemmatize)
        if said and not (event and said in LIGHT_VERBS):  # "has a population of": the noun says "live"
            event = said
        # ... not a word of a name: "80% of New Orleans" is not a new set
        scope |= {w for t in noun.lefts if t.dep_ in ("amod", "compound", "advmod") and t.i not in skip
                  and (w := t.lower_) in SCOPE_WORDS and t.tag_ not in ("NNP", "NNPS")}
    change = _change_verb(tokens, skip, lemmatize)
    if change:
        scope.add("change")
        event = event or change
    sent = tokens[0].sent  # found once: each .sent and .text walks the sentence
    text, base = once(sent.doc, ("text", sent.start), lambda: sent.text), sent.start_char
    around = text[max(0, tokens[0].idx - base - 80):tokens[-1].idx - base + 80]
    scope |= {_DOLLAR_YEAR.sub(r"\1 dollars", norm(m.group(1))) for m in _SCOPE_PHRASES.finditer(around)
              if m.group(1).lower() not in ("of whom", "of which")}
    at = tokens[0].idx - base
    kinds = [(abs(m.start() - at) if m.start() > at else at - m.end(), norm(m.group(1)))
             for m in _MEASURE_KIND.finditer(text, max(0, at - 40), at + 60)]
    if kinds:
        kind = min(kinds)[1]
        scope.add("cruising speed" if kind.startswith("cruis") else kind)
    near = text[max(0, tokens[0].idx - base - 50):tokens[-1].idx - base + 50]
    scope |= {m.group(1).lower() for m in _BEFORE_AFTER.finditer(near)}
    scope |= _clause_qualifiers(text, at, tokens[-1].idx + len(tokens[-1]) - base, event)
    after = text[tokens[-1].idx + len(tokens[-1]) - base:][:12].lower()
    if re.match(r"\s*of (?:whom|which|them|those)\b", after):
        scope.add("part")  # "22, of whom 5 were women": the 5 is a part
    concept = _concept(tokens, q, text, base, noun, governing_verb(noun, lemmatize) or said_event(noun, event), aliases)
    if noun is None and q.kind == "count" and concept:
        entity = elided_noun(tokens, concept, aliases, lemmatize)
    elif noun is None and q.kind == "count" and (label := label_noun(tokens, text, base)) is not None:
        entity = aliases.entity(label)  # "Lifts57", "Floor count88": an infobox row counts what its label names
    tail = text[tokens[-1].idx + len(tokens[-1]) - base:][:30]
    if concept in _PEOPLE_FATES and _ABOARD.match(tail):
        scope.add("aboard")  # "35 people on board died": the deaths aboard, not the whole toll
    head_text = text[:tokens[0].idx - base]
    if (extra := _ANOTHER.search(head_text)) is not None:  # "an additional Rs 7,844 crore", "another 300"
        scope.add("additional" if extra.group(1).lower() in ("another", "additional", "extra", "further") else "other")
    if _FROM_TO.search(head_text) and _TO_NUMBER.match(tail):
        scope.add("before")  # "from 9,677 feet to 8,353 feet": the earlier state ...
    elif _TO_AFTER_FROM.search(head_text):
        scope.add("after")  # ... and the later one
    topic = _named_topic(noun, tokens, skip, text, base, measured=q.kind == "measure")
    end_at = tokens[-1].idx + len(tokens[-1]) - base
    return Frame(
        entity=entity, event=aliases.event(event) if event else None,
        place=_place(noun, tokens, aliases, text),
        time=_figure_time(text, at, end_at, time, _attributive(tokens, skip, q)),
        scope=tuple(sorted(scope)), source=norm(source) if source else None, proper=proper,
        concept=concept, topic=topic, topic_from="sentence" if topic else None,
    )


def _clause_qualifiers(text: str, at: int, end: int, event: str | None) -> set[str]:
    """Defining qualifiers read from the figure's own clause, so a neighbour clause's do not leak:
    "16.4 km long including its approach viaducts; the bridge proper measures 11.8 km".

        including X   right after the figure: "including its approach viaducts" (not "including 36 passengers")
        proper        "the bridge proper", "the city proper": the thing without its additions
        forecast      "a forecast of 40,000", "officials expect 40,000": a figure foreseen, not counted
    """
    lo = max(text.rfind(";", 0, at), 0)
    hi = min((i for i in (text.find(";", end),) if i >= 0), default=len(text))
    found = set()
    after = _INCLUDING.match(text, end, hi)
    if after is not None:
        found.add(f"{after.group(1).lower()} {norm(after.group(2))}")
    if _PROPER.search(text, lo, hi):
        found.add("proper")
    # Which part of a building is measured: "a deck 350 m up", "Roof371 m", "architectural height
    # 412 m" are three heights of one tower; the part is read right beside the figure only.
    part = _PART.search(text, max(lo, at - 45), min(hi, end + 25))
    if part is not None:
        found.add(_PARTS.get(part.group(1).lower(), part.group(1).lower()))
    if (event in _FORECAST_VERBS or _FORECAST_BEFORE.search(text[max(lo, at - 40):at]) is not None
            or _FORECAST_AFTER.match(text, end, hi) is not None):
        found.add("forecast")
    return found


_INCLUDING = re.compile(r"\s*(?:[a-z]+\s+){0,2}?,?\s*(including|excluding|not including|not counting|counting|without) "
                        r"(?:the |its |their |all |any )?((?:(?!\d)[\w-]+ ){0,2}(?!\d)[\w-]+)", re.I)
_PROPER = re.compile(r"\b(?:bridge|city|town|building|structure|crossing|tower|dam|church|island|river|canal|tunnel) proper\b", re.I)
_PART = re.compile(r"(?<![a-z])(roof|(?:observation |viewing )?deck|architectural|top floor|observatory)"
                   r"(?:\s*height)?(?![a-z])", re.I)
_PARTS = {"observation deck": "deck", "viewing deck": "deck", "observatory": "deck"}
_FORECAST_VERBS = {"expect", "forecast", "project", "predict", "anticipate"}
_FORECAST_BEFORE = re.compile(r"\b(?:forecasts?|projections?|projected|expected|predicted|anticipated|targets?|targeted|"
                              r"estimated to reach)\s+(?:of\s+)?(?:(?:about|around|some|up to|nearly|roughly|over|more than|an?) )*$", re.I)
_FORECAST_AFTER = re.compile(r"\s*(?:[a-z]+\s+){0,2}?(?:were|was|are|is)?\s*(?:forecast|expected|projected|predicted|planned|budgeted|anticipated)\b", re.I)


def _figure_time(text: str, at: int, end: int, time: str | None, attributive: bool) -> str | None:
    """The time the figure's own clause gives: "since 1991", the sentence's date when it stands in
    the figure's clause, else the year nearest the figure there; "now" for the story's present
    ("on Saturday", "so far") in the words around it.

    A sentence often dates another of its clauses: "Its height was given as 7,409 metres by the
    Survey of 1952; a GPS survey in 2014 measured 7,412 m" dates each figure by its own half,
    "gathered on Friday to mark 50 years since the dam burst, killing 1,210 people" does not put the
    deaths on Friday. A measure written as an adjective ("the 7,421-metre peak was first climbed
    in 1961") describes its noun, whatever the sentence dates.
    """
    if attributive:
        return None
    # a relative clause ("..., where the compensation was fixed at $470 mn") is a clause of its own
    rel = max(text.rfind(", where ", 0, at), text.rfind(", when ", 0, at))
    lo = max(text.rfind(";", 0, at), text.rfind(" – ", 0, at), text.rfind(" — ", 0, at), rel) + 1
    hi = min((i for i in (text.find(";", end), text.find(" – ", end), text.find(" — ", end)) if i >= 0), default=len(text))
    clause = text[lo:hi]
    since = _SINCE.search(clause)
    if since:
        return f"{since.group(1)}/.."
    years = [(abs(m.start() + lo - at) if m.start() + lo < at else m.start() + lo - end, m.group(1))
             for m in _YEAR_IN.finditer(clause) if not (lo + m.start() < end and lo + m.end() > at)]
    if time and _ISO.match(time) and any(y == time[:4] for _, y in years):
        return time
    if years:
        return min(years)[1]
    now = _RELATIVE_TIME.search(clause)
    if now is not None and not _PAST_REFERENCE.search(text, min(lo + now.end(), at), max(lo + now.start(), end)):
        return "now"  # unless the clause looks back from its present: "marked 50 years since the dam burst, killing 1,210"
    return None  # the sentence's date, if any, stands in another clause


def _attributive(tokens: list[Token], skip: set[int], q: Quantity) -> bool:
    """ "the 7,421-metre peak", "a 40-knot squall": a measure written as its noun's adjective."""
    if q.kind != "measure" or not re.search(r"\d\s*-\s*[a-zA-Z]", q.quote):
        return False
    head = next((t for t in reversed(tokens) if t.head.i not in skip), tokens[-1])
    return head.dep_ in ("compound", "amod", "nmod", "nummod") and is_word(head.head, "NOUN", "PROPN")


def _concept(tokens: list[Token], q: Quantity, text: str, base: int, noun: Token | None, verb: str | None,
             aliases: Aliases) -> str | None:
    """What the figure measures (deaths, height, cost), from the lexicon: verb, noun, words around, unit."""
    unit: str = ""
    if q.kind == "measure" and q.unit:
        from .units import to_base_unit

        unit = to_base_unit(1.0, q.unit)[1] or ""
    start = tokens[0].idx - base
    if (label := GLUED_LABEL.match(tokens[0].text)) is not None and not q.quote[:1].isalpha():
        start += label.end()  # "Capacity850": an infobox label the tokenizer left on the figure
    end = tokens[-1].idx + len(tokens[-1]) - base
    if _WHOLE_OF_PART.search(text[:start]):
        verb = None  # "killing 1,198 of the 1,959 aboard": the verb is the part's, the whole is read from its words
    return aliases.lexicon.concept(q.kind, unit, text, start, end, verb=verb,
                                   noun=noun.lower_ if noun is not None else None,
                                   subject=noun is not None and noun.dep_ in ("nsubj", "nsubjpass", "ROOT"))


_ANOTHER = re.compile(r"\b(another|additional|extra|further|other)\s+(?:Rs\.?\s*|[$€£¥₹]\s*|USD\s+|INR\s+)?$", re.I)
_PEOPLE_FATES = {"deaths", "injuries", "survivors", "missing"}
_ABOARD = re.compile(r"\s*(?:\w+\s+)?(?:on board|aboard|onboard)\b", re.I)
_FROM_TO = re.compile(r"\bfrom\s+(?:about\s+|some\s+|around\s+)?$", re.I)
_TO_NUMBER = re.compile(r"\s*(?:\w+\s+)?to\s+(?:about\s+|some\s+|around\s+)?\d", re.I)
_TO_AFTER_FROM = re.compile(r"\bfrom\s+(?:about\s+|some\s+|around\s+)?\d[\d,.]*\s*(?:\w+\s+)?to\s+(?:about\s+|some\s+|around\s+)?$",
                            re.I)
_WHOLE_OF_PART = re.compile(r"\d[\d,.]*\s*(?:\w+\s+)?(?:out\s+)?of\s+(?:the\s+|all\s+|over\s+|about\s+)*$", re.I)


def _named_topic(noun: Token | None, tokens: list[Token], skip: set[int], text: str, base: int,
                 measured: bool) -> str | None:
    """The named thing a figure is about, when its own clause names one.

    "The Nile River is 6,650 km long", "the Nile's 6,695 km", "the length of the Amazon": the
    measured thing is the subject, possessor or "of" of the figure's noun. For counts and money
    only the possessor and the "of" count: a subject there is usually an agent ("Union Carbide
    paid", "the ministry counted"), not what the figure is about.
    """
    candidates: list[Token] = []
    if noun is not None:
        candidates += [c for c in noun.children if c.dep_ == "poss"]
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None:
            candidates += [c for c in of.children if c.dep_ == "pobj"]
    if measured:
        head = next((t for t in reversed(tokens) if t.head.i not in skip), tokens[-1])
        verb = head
        for _ in range(4):
            if verb.pos_ in ("VERB", "AUX") or verb.tag_.startswith("VB") or verb.dep_ == "ROOT":
                break
            verb = verb.head
        candidates += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        if head.head.i not in skip and head.dep_ in ("appos", "npadvmod", "nmod", "attr", "dobj"):
            candidates.append(head.head)  # "Nile River - 4,132 miles": the name the figure hangs on
        candidates += [g for c in list(candidates) for g in c.children if g.dep_ == "poss"]
    for c in candidates:
        if c.i not in skip and c.tag_ in ("NNP", "NNPS"):
            word = topic_word(_name(c))
            if word:
                return word
    if measured:  # a list or table row: "Nile River - 4,132 miles", "the Missouri with 2,540 miles"
        m = _NAME_BEFORE.search(text[:tokens[0].idx - base])
        if m is not None:
            return topic_word(m.group(1))
    return None


_NAME_BEFORE = re.compile(r"((?:[A-Z][\w'’-]+\s+)*[A-Z][\w'’-]+)\s*(?:[-–—:]|\bwith\b|\bat\b)\s*"
                          r"(?:about |approximately |some |around |nearly |over |more than |almost )?$")


def _change_verb(tokens: list[Token], skip: set[int], lemmatize: Lemmatize) -> str | None:
    """ "expand to 50", "rose to 3.1%", "fell by 2%": the figure is the result of a change."""
    head = next((t for t in reversed(tokens) if t.head.i not in skip), tokens[-1])
    anchor = head.head if head.dep_ == "pobj" else head
    if anchor.dep_ == "prep" and anchor.lower_ in ("to", "by", "from") and is_word(anchor.head, "VERB"):
        lemma = lemmatize(anchor.head, "VERB")
        return lemma if lemma in CHANGE_VERBS else None
    if head.dep_ == "dobj" and is_word(head.head, "VERB"):
        lemma = lemmatize(head.head, "VERB")
        return lemma if lemma in CHANGE_VERBS else None
    return None


def _place(noun: Token | None, tokens: list[Token], aliases: Aliases, text: str) -> str | None:
    """Where the counted thing is: "X is home to", then a place in its own phrase, then its clause's."""
    sent = tokens[0].sent
    home = None if "home" not in text and "Home" not in text else once(sent.doc, ("home", sent.start), lambda: next(
        (subj for t in sent if t.lower_ == "home" and t.dep_ == "attr"
         and (subj := next((c for c in t.head.children if c.dep_ == "nsubj"), None)) is not None
         and subj.tag_ in ("NNP", "NNPS")), None))  # a substring test first: few sentences say "home"
    if home is not None:
        return aliases.place(_name(home))
    skip = {t.i for t in tokens}
    if noun is not None:
        # "Kabul has a population of 4.6 million": the owner; "the population of Kabul": its "of"
        if noun.dep_ == "dobj" and noun.head.lower_ in ("has", "have", "had"):
            owner = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
            if owner is not None and owner.tag_ in ("NNP", "NNPS"):
                return aliases.place(_name(owner))
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None and pobj.i not in skip and pobj.tag_ in ("NNP", "NNPS") and _is_place(pobj):
            return aliases.place(_name(pobj))
    roots = [noun] if noun is not None else []
    if noun is not None and noun.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
        roots.append(noun.head)
    roots.append(sent.root)
    # the sentence's places, found once; each root keeps those below it rather than walking its
    # subtree again (its edges first, a cheap test that nearly always decides)
    places = once(sent.doc, ("places", sent.start), partial(_places_below, sent.root))
    for root in roots:
        lo, hi = root.left_edge.i, root.right_edge.i
        place = next((t for t in places if lo <= t.i <= hi and t.i not in skip and (t == root or root.is_ancestor(t))),
                     None)
        if place is not None:
            return aliases.place(_name(place))
    return None


def _places_below(root: Token) -> list[Token]:
    return [t for t in root.subtree if t.dep_ == "pobj" and t.head.lower_ in _PLACE_PREPS and _is_place(t)
            and not _superlative(t.head.head)]


def _superlative(t: Token) -> bool:
    """ "one of the worst disasters in post-war Europe", "the tallest building in the world": the
    place bounds a comparison, not where the figure applies."""
    return t.tag_ in ("JJS", "RBS") or any(c.tag_ in ("JJS", "RBS") for c in t.children)


def _is_place(t: Token) -> bool:
    if t.tag_ in ("NNP", "NNPS") and not _YEAR_IN.fullmatch(t.text):
        return t.text not in ("January", "February", "March", "April", "May", "June", "July", "August",
                              "September", "October", "November", "December")
    return t.lower_ in _PLACE_NOUNS and any(c.tag_ in ("NNP", "NNPS") for c in t.children)


def _name(t: Token) -> str:
    """A place's whole name: "China's Uyghur region", "Nur-Sultan", "the Ili Kazakh Autonomous Prefecture"."""
    words = [t]
    for c in t.lefts:
        if c.dep_ in ("compound", "poss", "amod") and (c.tag_ in ("NNP", "NNPS") or c.dep_ == "poss"):
            words.extend(w for w in c.subtree if w.dep_ != "det")
    return covered_text(words)


_ARTICLES = re.compile(r"^(?:the|a|an|his|her|its|their|our)\s+", re.I)


def fact_frame(what: str, event: str, places: list[str], year: str, sentence: str, aliases: Aliases) -> Frame:
    """A dated event's frame: the thing launched or signed, the verb, where and when."""
    entity = _ARTICLES.sub("", norm(what))
    return Frame(entity=aliases.entity(entity) or None, event=aliases.event(event),
                 place=aliases.place(places[0]) if places else None, time=normalise_time(year, sentence))


def normalise_time(time: str | None, sentence: str) -> str | None:
    """An ISO interval: "2019-07", "2018", "1991/.." for "since 1991"; None when no year is known."""
    since = _SINCE.search(sentence)
    if since:
        return f"{since.group(1)}/.."
    if not time:
        return None
    if _ISO.match(time):
        return time
    year = _YEAR_IN.search(time)
    return year.group(1) if year else None


def time_bounds(time: str | None) -> tuple[str, str] | None:
    """ "2019-07" -> ("2019-07-01", "2019-07-31") as comparable strings; "1991/.." -> ("1991-01-01", "9999")."""
    if not time:
        return None
    if time == "now":  # the story's present ("on Saturday", "so far"): recent, never a past century
        return "1990-01-01", "9999-12-31"
    start, _, end = time.partition("/")
    lo = (start + "-01-01")[:10] if len(start) == 4 else (start + "-01")[:10]
    if not end:
        end = start
    if end == "..":
        return lo, "9999-12-31"
    hi = end + "-12-31" if len(end) == 4 else (end + "-31" if len(end) == 7 else end)
    return lo, hi
