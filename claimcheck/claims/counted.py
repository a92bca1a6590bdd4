"""What a figure counts: its noun, the entity that noun names, and what happened to it.

    "1,198 passengers died"            -> noun "passengers", entity "passenger", event "die"
    "the number of refugees"           -> looks through "number" to "refugees"
    "Lifts57" (an infobox row)         -> entity "lift", from the row's label
    "70 passengers, but only 36 were on board" -> the 36 are passengers, the noun left unsaid

Read off the sentence's dependency parse; `frames.py` builds the rest of the frame around it.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from .aliases import Aliases, norm
from .subjects import is_word

if TYPE_CHECKING:
    from spacy.tokens import Token

Lemmatize = Callable[["Token", str], str]  # (token, coarse class "NOUN"/"VERB") -> lemma


# Nouns that name a group of people rather than what is counted: the entity is their modifier
# ("the Kazakh diaspora" counts Kazakhs, "the Uyghur population" counts Uyghurs).
COLLECTIVE = {"diaspora", "population", "community", "minority", "people", "peoples", "group", "citizens",
              "nationals", "residents", "inhabitants", "majority", "members"}


# Nouns that say how a figure is measured, not what it counts: look through them ("the number
# of refugees", "a total of 400 camps").
CONTAINERS = {"number", "total", "estimate", "figure", "count", "tally", "sum", "amount", "share", "proportion",
              "percentage", "percent", "rate", "majority", "minority", "half", "third", "quarter", "fraction", "toll",
              "forecast", "projection", "prediction"}


# Modifiers that make it another quantity: "35 other countries" are not "35 countries".
SCOPE_WORDS = {"other", "additional", "further", "remaining", "total", "overall", "combined", "new", "former",
               "more", "extra", "largest", "biggest", "smallest", "registered", "official",
               "suspected", "probable", "presumed", "unconfirmed"}  # "1,240 suspected cases" are not the confirmed


def governing_verb(noun: Token | None, lemmatize: Lemmatize) -> str | None:
    """The verb whose object the counted noun is: "interviewed 55 people who had been detained"
    counts people interviewed, whatever the relative clause adds."""
    if noun is not None and noun.dep_ == "dobj" and is_word(noun.head, "VERB"):
        lemma = lemmatize(noun.head, "VERB")
        return None if lemma in LIGHT_VERBS else lemma
    return None


def said_event(noun: Token | None, event: str | None) -> str | None:
    """The verb a concept may be read from: not the existential "be"/"have" ("was 1,833 people")."""
    return None if event in LIGHT_VERBS else event


# An infobox label the tokenizer left on its value: "Capacity850", "Lifts57".
GLUED_LABEL = re.compile(r"[A-Za-z]{3,}(?=[\d$€£¥₹])")


def counted_noun(tokens: list[Token], skip: set[int], lemmatize: Lemmatize, measured: bool = False) -> tuple[Token | None, bool]:
    """The noun the quantity counts, and whether the figure is a part of it ("32 of the 58 ...")."""
    head = next((t for t in reversed(tokens) if t.head.i not in skip), tokens[-1])
    of = next((c for t in tokens for c in t.children if c.dep_ == "prep" and c.lower_ == "of" and c.i not in skip), None)
    if of is not None:
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
        if pobj is not None:
            # "32 of the 58 interviewees" (a part), "hundreds of protesters" (the whole)
            numbered = any(c.dep_ == "nummod" or c.tag_ == "CD" for c in pobj.children) or pobj.lower_ in ("those", "them", "whom", "these")
            return _through_containers(pobj, skip), numbered
    if head.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod") and head.head.i not in skip \
            and is_word(head.head, "NOUN", "PROPN"):
        return _through_containers(head.head, skip), False
    if head.dep_ == "prep" and head.head.i not in skip:  # "the diaspora -- between A and B", "numbering over N"
        owner = head.head
        if is_word(owner, "VERB") and owner.dep_ in ("acl", "advcl", "relcl"):
            owner = owner.head
        if is_word(owner, "NOUN", "PROPN"):
            return _through_containers(owner, skip), False
    verb = None
    if head.dep_ == "pobj" and head.head.lower_ in ("to", "by", "from") and is_word(head.head.head, "VERB"):
        verb = head.head.head  # "the death toll rose to 45": what rose
    elif head.dep_ == "dobj" and is_word(head.head, "VERB") and lemmatize(head.head, "VERB") in _STATE_VERBS:
        verb = head.head  # "the number of refugees reached 700,000": what reached it
    if verb is not None:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and is_word(c, "NOUN", "PROPN")), None)
        if subj is not None:
            return _through_containers(subj, skip), False
    if head.dep_ == "pobj" and head.head.lower_ == "of" and is_word(head.head.head, "NOUN") and head.head.head.i not in skip:
        return _through_containers(head.head.head, skip), False  # "a population of 4.6 million", "revenue of $4.2 billion"
    if head.dep_ == "attr":  # "the population of Kabul is 5.266 million"
        subj = next((c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and is_word(subj, "NOUN", "PROPN"):
            return _through_containers(subj, skip), False
    if head.dep_ == "appos" and is_word(head.head, "NOUN", "PROPN"):  # "Kazakhs (around 1.6 million)"
        return _through_containers(head.head, skip), False
    if is_word(head, "NOUN", "PROPN") and head.i not in skip:
        return _through_containers(head, skip), False
    anchor = head.head.head if head.head.dep_ == "prep" else head.head  # "stretches [600 miles] across"
    if measured and head.dep_ in ("dobj", "npadvmod", "attr", "acomp", "advmod", "oprd") and is_word(anchor, "VERB"):
        # "The pipeline runs 600 miles", "the economy grew 3%": a measure, share or sum is the subject's
        subj = next((c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass") and is_word(c, "NOUN", "PROPN")), None)
        if subj is not None:
            return _through_containers(subj, skip), False
    return None, False


def _through_containers(noun: Token, skip: set[int]) -> Token:
    """ "the number of refugees" -> refugees; "a total of 400 camps" -> camps; "the death toll" -> death."""
    for _ in range(3):
        if noun.lower_ not in CONTAINERS:
            break
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is None or pobj.i in skip:
            compound = [c for c in noun.lefts if c.dep_ == "compound" and c.i not in skip and is_word(c, "NOUN")]
            if compound:
                noun = compound[-1]
            break
        noun = pobj
    return noun


def _singular(token: Token, lemmatize: Lemmatize) -> str:
    text = token.text.replace("’", "'")
    if text.endswith("'s") or text.endswith("s'"):
        text = text[:-2] if text.endswith("'s") else text[:-1]
    if token.tag_ in ("NNP", "NNPS") or text[:1].isupper():
        # Demonyms and proper plurals the lemmatizer leaves alone: "Kazakhs" -> "Kazakh"
        if token.tag_ == "NNPS" or (text.endswith("s") and not text.endswith("ss") and len(text) > 3):
            return text[:-1] if text.endswith("s") and not text.endswith("ss") else text
        return text
    return lemmatize(token, "NOUN")


def _is_name(t: Token) -> bool:
    """A proper name or demonym ("Kazakhs", "Uyghur"), not a capital that only starts a sentence."""
    return t.tag_ in ("NNP", "NNPS") or (t.text[:1].isupper() and not t.is_sent_start)


def entity_of(noun: Token, skip: set[int], aliases: Aliases, lemmatize: Lemmatize) -> tuple[str, str | None, bool]:
    """(entity, event implied by an agent noun, whether the entity is a name) for the counted noun."""
    name, proper = _singular(noun, lemmatize), _is_name(noun)
    if noun.lower_ in COLLECTIVE or norm(name) in COLLECTIVE:
        mods = [t for t in noun.lefts if t.dep_ in ("amod", "compound", "nmod") and t.i not in skip
                and t.text[:1].isupper() and t.lower_ not in SCOPE_WORDS]
        if mods:  # "the largest Kazakh diaspora" counts Kazakhs
            name, proper = _singular(mods[-1], lemmatize), True
    key = norm(name)
    if key in _PRONOUNS:  # "Five of those interviewed": people, and the verb says which
        key, proper = "people", False
    if key in aliases.agents:
        entity, event = aliases.agents[key]
        return aliases.entity(entity), event, proper
    return aliases.entity(key), None, proper


_GENERIC_LABELS = {"count", "number", "no", "total", "numbers"}


def label_noun(tokens: list[Token], text: str, base: int) -> str | None:
    """The noun of an infobox label glued to a count opening its line ("Lifts57", "Floor count88")."""
    at = tokens[0].idx - base
    if (glued := GLUED_LABEL.match(tokens[0].text)) is not None:
        at += glued.end()
    line = text[text.rfind("\n", 0, at) + 1:at]
    if not line or line[-1:].isspace() or not re.fullmatch(r"[A-Za-z][A-Za-z ]{2,30}", line):
        return None
    words = [w.lower() for w in line.split() if w.lower() not in _GENERIC_LABELS]
    if not words:
        return None
    word = words[-1]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


def elided_noun(tokens: list[Token], concept: str, aliases: Aliases, lemmatize: Lemmatize) -> str | None:
    """The noun a bare figure leaves unsaid, from the figure before it in its sentence, when that
    noun names what the figure's own words say it counts: "capable of carrying 70 passengers, but
    only 36 were on board" counts passengers; "1,266 passengers and 696 crew; 761 survived" leaves
    the survivors' noun unsaid, since neither "passengers" nor "crew" names survivors."""
    for t in reversed(list(tokens[0].sent[:tokens[0].i - tokens[0].sent.start])):
        if t.dep_ == "nummod" and is_word(t.head, "NOUN"):
            if aliases.lexicon.word("count", "", t.head.lower_) != concept:
                return None
            return entity_of(t.head, set(), aliases, lemmatize)[0]
    return None


def event_of(noun: Token, skip: set[int], lemmatize: Lemmatize) -> str | None:
    """What happened to the counted thing, or what it did, as a verb lemma."""
    relcl = next((c for c in noun.children if c.dep_ == "relcl" and is_word(c, "VERB")), None)
    if relcl is not None:
        return lemmatize(relcl, "VERB")
    first = noun
    while first.dep_ == "conj" and first.head.i < first.i and is_word(first.head, "NOUN", "PROPN", "NUM"):
        first = first.head  # "35 people on board and one member of the ground crew died": conjuncts share the verb
    if first.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and is_word(first.head, "VERB"):
        # "There are 1.8 million Kazakhs": the existential "be"; "China is home to": "be" as well
        return lemmatize(first.head, "VERB")
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        above = noun.head.head
        if above.i not in skip and noun.head.lower_ not in ("of", "in", "at", "from") and (is_word(above, "VERB") or above.lower_ in _NOMINAL_EVENTS):
            return lemmatize(above, "VERB" if is_word(above, "VERB") else "NOUN")
        if above.lower_ == "home":  # "China is home to the largest Kazakh diaspora"
            return "live"
    acl = next((c for c in noun.children if c.dep_ == "acl" and is_word(c, "VERB")), None)
    if acl is not None:
        return lemmatize(acl, "VERB")
    return None


_PRONOUNS = {"those", "these", "them", "whom", "ones", "who"}


# "reached 700,000", "topped 1,000", "numbered 200": the figure is the subject's.
_STATE_VERBS = {"reach", "top", "number", "total", "exceed", "surpass", "hit", "near", "pass", "double", "triple"}


# Verbs that say little about what happened: the counted noun's own event wins over them.
LIGHT_VERBS = {"have", "be", "include", "contain", "report", "record", "see", "reach", "number", "total", "estimate"}


# Nouns that name an event ("interviews with 58 people", "the arrest of 22 protesters").
_NOMINAL_EVENTS = {"interview", "interviews", "arrest", "arrests", "detention", "deportation", "evacuation",
                   "killing", "killings", "deaths", "death", "survey", "surveys", "poll", "census"}
