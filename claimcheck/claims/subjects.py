"""What a number counts, read off the dependency parse: "22 states signed a letter" -> "states signed".

Works on spaCy tokens handed over by `extract.py` (which stays the only module that imports
spaCy). Word classes come from the fine-grained tags, so the attribute ruler need not run.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from ..model import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

T = TypeVar("T")

_TAG_CLASSES = {"NOUN": {"NN", "NNS"}, "PROPN": {"NNP", "NNPS"}, "VERB": set(), "NUM": {"CD"}}


def is_word(token: Token, *classes: str) -> bool:
    """Word class from the fine-grained tag, so the attribute ruler need not run."""
    tag = token.tag_
    return any(tag in _TAG_CLASSES[c] or (c == "VERB" and tag.startswith("VB")) for c in classes)


def once(doc: Doc, key: tuple[str, int], work: Callable[[], T]) -> T:
    """`work()`, done once per parsed text and key, such as a sentence's text or its places.

    Every figure of a sentence reads them, and each is a walk of the whole sentence: a page of
    figures puts hundreds of them in one sentence, and walking it for each costs its square.
    """
    memo = doc.user_data.setdefault("claimcheck", {})
    if key not in memo:
        memo[key] = work()
    return memo[key]


def covered_text(tokens) -> str:
    """The original text a run of tokens covers (keeps "Nur-Sultan" whole)."""
    tokens = sorted(tokens, key=lambda t: t.i)
    if not tokens:
        return ""
    # The span's text, not a slice of the doc's: spaCy builds Doc.text anew, token by token, at each call.
    return tokens[0].doc[tokens[0].i:tokens[-1].i + 1].text


def subject_of(tokens: list[Token], q: Quantity) -> str:
    """What the quantity made of `tokens` counts, as a short phrase."""
    phrase = re.sub(r"\s+", " ", _subject(tokens, q)).strip()
    if phrase and len(phrase.split()) <= 2 and q.kind not in ("duration", "age", "rank"):
        # A bare noun says too little: "protesters" -> "protesters gathered in cities",
        # "Kazakhs" -> "Kazakhs repatriated" (the contract's own example is "people arrested").
        done = _what_happened(tokens)
        if done and done.split()[0].lower() not in phrase.lower().split():
            phrase = f"{phrase} {done}"
    return phrase


def _phrase_head(tokens: list[Token]) -> tuple[set[int], Token]:
    """The phrase's token indices, and its head: the last token whose parent lies outside it."""
    skip = {t.i for t in tokens}
    return skip, next((t for t in reversed(tokens) if t.head.i not in skip), tokens[-1])


def _what_happened(tokens: list[Token]) -> str:
    """The verb the counted thing is the subject or object of, with its particle and first phrase."""
    skip, head = _phrase_head(tokens)
    noun = head.head if head.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod") else head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ in ("nsubj", "nsubjpass", "dobj"):
        noun = noun.head.head  # "hundreds of [protesters] gathered": the verb hangs on "hundreds"
    # Done to the thing, it reads as a participle ("Kazakhs repatriated", "people killed"); a verb
    # in the present ("population detain", "people coercing") is more often a misattached clause.
    verb: Token | None
    if (noun.dep_ in ("nsubj", "nsubjpass") and is_word(noun.head, "VERB") and noun.head.tag_ != "VB") or (noun.dep_ == "dobj" and noun.head.tag_ in ("VBN", "VBD")):
        verb = noun.head
    else:
        verb = next((c for c in noun.children if c.dep_ in ("relcl", "acl") and c.tag_ in ("VBN", "VBD")), None)
    if verb is None or verb.lower_ in ("is", "are", "was", "were", "be", "been", "being", "has", "have", "had"):
        return ""
    words = [verb, *(c for c in verb.children if c.dep_ == "prt")]
    # Its first object or place, kept to the head and its modifiers: "gathered in cities across
    # Kazakhstan" -> "gathered in cities", "put 200,000 cadres into villages" -> "put into villages".
    kinds = ("prep",) if noun.dep_ == "dobj" else ("dobj", "prep")
    nxt = next((c for c in verb.children if c.dep_ in kinds and c.i > verb.i and c.i not in skip), None)
    if nxt is not None and nxt.dep_ == "prep":
        prep, nxt = nxt, next((c for c in nxt.children if c.dep_ == "pobj"), None)
        words += [prep] if nxt is not None else []  # no dangling "sent to"
    if nxt is not None:
        words += [t for t in nxt.lefts if t.dep_ in ("amod", "compound") and t.i not in skip] + [nxt]
    return " ".join(t.text for t in sorted(set(words), key=lambda t: t.i))


def _noun_phrase(noun: Token, skip: set[int]) -> str:
    """The counted noun with its modifiers and a following in/of/from phrase, minus the number."""
    keep = [t for t in noun.lefts if t.dep_ in ("amod", "compound", "nmod") and t.i not in skip]
    words = [t for k in keep for t in k.subtree if t.i not in skip and t.dep_ != "det"] + [noun]
    for right in noun.rights:
        if right.dep_ == "prep" and right.lower_ in ("in", "of", "from", "at", "on", "outside", "across") and right.i not in skip:
            words += [t for t in right.subtree if t.i not in skip]
            break
        if right.dep_ in ("acl", "relcl") and is_word(right, "VERB"):
            words += [t for t in right.subtree if t.i not in skip and t.dep_ != "punct"][:6]
            break
    words = sorted(set(words), key=lambda t: t.i)
    return re.sub(r"\s+'s\b", "s", " ".join(t.text for t in words if t.dep_ != "case")).strip(" ,-–—")


def _subject(tokens: list[Token], q: Quantity) -> str:
    """What the quantity counts, read off the dependency parse."""
    skip, head = _phrase_head(tokens)
    if head.dep_ == "prep" and head.head.i not in skip:
        head = head.head  # "numbering over 200,000", "diaspora -- between A and B", "children under 18"
        if is_word(head, "NOUN", "PROPN"):
            return _noun_phrase(head, skip)
        if is_word(head, "VERB") and head.dep_ in ("acl", "advcl") and head.lower_.endswith("ing"):
            owner = head.head  # "the largest diaspora ..., numbering over 200,000"
            if is_word(owner, "VERB"):
                owner = next((t for t in owner.subtree if t.dep_ in ("pobj", "attr", "dobj") and is_word(t, "NOUN") and t.i < head.i), owner)
            if is_word(owner, "NOUN", "PROPN"):
                return _noun_phrase(owner, skip)
    unit = next((t for t in tokens if t.lower_ in ("years", "months", "days", "decades", "weeks", "year")), None)
    if unit is not None and any(c.dep_ == "poss" for c in unit.children):
        return _noun_phrase(unit, skip).replace(unit.text, "").strip()  # "Nazarbayev's eighteen years as President"
    if q.kind == "age":  # "Omir Bekaly, 46, is ...": whose age
        name = [t for t in head.doc[max(0, tokens[0].i - 4):tokens[0].i] if t.tag_ in ("NNP", "NNPS")]
        if name:
            return covered_text([*(w for w in name[-1].lefts if w.tag_ in ("NNP", "NNPS")), name[-1]])
    if q.kind in ("duration", "age") or (is_word(head, "NOUN") and head.lower_ in ("years", "months", "days", "decades")):
        verb = next((a for a in head.ancestors if is_word(a, "VERB")), None)
        if verb is not None:  # a period: who did what for that long ("Kazakhstan pursued a foreign policy course")
            actor = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            what = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "acomp") and c.i not in skip
                         and not any(a.i in skip for a in c.subtree)), None)
            helpers = [c.text for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
            words = [covered_text(actor.subtree) if actor is not None else "", *helpers, verb.text,
                     *(c.text for c in verb.children if c.dep_ == "prt")]  # "has been", "did not give up"
            if what is not None:
                words.append(" ".join(t.text for t in what.lefts if t.dep_ in ("det", "amod", "compound", "poss")) + " " + what.text)
            return " ".join(w.strip() for w in words if w.strip())
    if is_word(head, "NOUN", "PROPN") and head.dep_ not in ("nummod",) and head.i not in skip:
        return _noun_phrase(head, skip)
    # "hundreds of protesters", "32 of the 58 interviewees": the object of "of"
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
        if pobj is not None:
            return _noun_phrase(pobj, skip)
    if head.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and head.head.i not in skip:
        noun = head.head
        phrase = _noun_phrase(noun, skip)
        if noun.dep_ in ("nsubj", "nsubjpass") and is_word(noun.head, "VERB"):
            verb = noun.head
            obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr")), None)
            phrase += f" {verb.text}" + (f" {' '.join(t.text for t in obj.subtree)}" if obj is not None else "")
        return phrase
    if head.dep_ in ("appos", "conj", "pobj", "dobj", "npadvmod", "attr"):
        anchor = head.head
        while anchor.dep_ in ("prep", "conj", "cc") and anchor.head.i != anchor.i:
            anchor = anchor.head
        if is_word(anchor, "VERB") and anchor.dep_ in ("acl", "advcl", "relcl"):
            anchor = anchor.head  # "diaspora ... numbering over 200,000"
            if is_word(anchor, "VERB"):
                anchor = next((c for c in anchor.subtree if c.dep_ == "pobj" and is_word(c, "NOUN")), anchor)
        if is_word(anchor, "NOUN", "PROPN"):
            return _noun_phrase(anchor, skip)
    # Ellipsis: "39 countries sought ... while only 45 still agreed": the count shares a noun.
    sent = head.sent
    counts = once(head.doc, ("counts", sent.start), lambda: [
        t for t in sent if t.dep_ == "nummod" and is_word(t.head, "NOUN", "PROPN")])
    at = once(head.doc, ("count starts", sent.start), lambda: [t.i for t in counts])
    before = bisect.bisect_left(at, head.i)
    count = next((counts[j] for j in range(before - 1, -1, -1) if counts[j].i not in skip), None)  # the nearest
    if count is not None:
        noun = count.head
        return _noun_phrase(noun, skip | {t.i for t in noun.children if t.dep_ == "nummod"})
    if head.dep_ in ("nsubj", "nsubjpass"):
        verb = head.head
        return " ".join(t.text for t in verb.subtree if t.i not in skip and t.dep_ not in ("punct", "mark"))[:80]
    return ""


