"""Who says a figure ("according to X", "X said", "estimated by X": one voice per figure), and when.

    "In 2019, 22 states signed, according to Human Rights Watch"  -> source "Human Rights Watch"
    "Police estimated the crowd at 3,500; the miners' union said 10,000"
        -> 3,500: "Police", 10,000: "the miners' union"
    "In July 2019, 22 states signed"  -> time "2019-07"; "... that year" takes the year last named

Read off the sentence's parse and words; `reconcile` keeps figures of two voices from accusing each other.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .subjects import covered_text, is_word

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..model import Claim

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d{2}\b")
_SAY_VERBS = {"said", "says", "say", "reported", "reports", "claimed", "claims", "estimated", "estimates",
              "told", "noted", "notes", "stated", "states", "wrote", "writes", "announced", "found",
              "finds", "according", "counted", "showed", "shows", "revealed", "confirmed"}

# Bodies news quotes for figures without naming them, each a side of its own: "police said",
# "organisers estimated". Not "officials" or "authorities", which say no more than the paper does.
_BODIES = {"police", "union", "organisers", "organizers", "government", "ministry", "army", "military", "rescuers",
           "coroner", "operator", "council", "agency", "institute", "committee"}


def source_of(sent: Doc) -> str | None:
    """Who the sentence attributes its figures to: "according to X", "X reported/said/claimed"."""
    voices = voices_of(sent)
    return voices[0][1] if voices else None


def voices_of(sent: Doc) -> list[tuple[Token | None, str]]:
    """Each attribution the sentence makes, with its verb: "according to X" speaks for all of it
    (no verb); "Police estimated the crowd at 3,500; the miners' union said 10,000" has two."""
    m = re.search(r"\b[Aa]ccording to ((?:the )?[A-Z][\w'’.&-]*(?: (?:of |for |the )?[A-Z][\w'’.&-]*)*)", sent.text)
    if m:
        return [(None, m.group(1).rstrip("."))]
    found: list[tuple[Token | None, str]] = []
    for token in sent:
        if token.lower_ in _SAY_VERBS and is_word(token, "VERB"):
            # a passive's subject is what was said ("the damage was estimated at $81 billion"); its
            # agent is who said it ("... estimated by the Red Cross")
            who = next((c for c in token.children if c.dep_ == "nsubj"), None) or next(
                (p for c in token.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
            # a name, or a body that speaks for itself in news: "police", "the miners' union"
            if who is not None and (any(t.tag_ in ("NNP", "NNPS") for t in who.subtree) or who.lower_ in _BODIES):
                found.append((token, covered_text(who.subtree)))
    return found


def voice_of(voices: list[tuple[Token | None, str]], tokens: list[Token]) -> str | None:
    """Of several attributions in one sentence, the one whose verb governs the figure, else the first."""
    if tokens:
        for verb, who in voices:
            if verb is not None and verb.is_ancestor(tokens[0]):
                return who
    return voices[0][1]


DATE_PHRASE = re.compile(
    r"\b(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?)?(?:,?\s+(?P<year>(?:1[5-9]|20)\d{2}))?\b"
    r"|\b(?P<early>early|mid|late)[\s-]+(?P<eyear>(?:1[5-9]|20)\d{2})\b|\b(?P<bare>(?:1[5-9]|20)\d{2})\b(?![-–]?\d)")


def date_of(m: re.Match[str]) -> str | None:
    """A date phrase as ISO where it can be; None for a bare "May" (the modal verb, most likely)."""
    if m.group("month"):
        month = MONTHS.index(m.group("month")) + 1
        if m.group("year") and m.group("day"):
            return f"{m.group('year')}-{month:02d}-{int(m.group('day')):02d}"
        if m.group("year"):
            return f"{m.group('year')}-{month:02d}"
        if m.group("month") == "May" and not m.group("day"):
            return None
        return m.group().strip()
    return (m.group("eyear") and f"{m.group('early')} {m.group('eyear')}") or m.group("bare")


_ANAPHORIC_TIME = re.compile(r"\b(?:that|the same) (?:year|month)\b", re.I)


def carry_time(claims: list[Claim]) -> list[Claim]:
    """ "... entered Kyrgyzstan that year": the time is the one the text last named."""
    from dataclasses import replace

    out, last = [], None
    for c in claims:
        if c.time is None and c.cited_in is None and last and _ANAPHORIC_TIME.search(c.sentence):
            c = replace(c, time=last)
        if c.time and _YEAR.search(c.time) and c.cited_in is None:
            last = c.time
        out.append(c)
    return out
