"""Blocking: the key that decides which claims are ever compared.

Comparing every claim with every other is quadratic; claims are compared only with those that
share a key built from their kind, their unit (after conversion to a base unit, so 600 miles meets
965 km) and what they count, so the work stays near n log n and a cluster can shuffle claims by
key. Spelling variants of what they count ("Kazakh", "Kazahk") are folded first, once over the
distinct names rather than the claims: `canonical_entities` compares names that share their first
two letters with rapidfuzz and maps each to the most frequent spelling.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from rapidfuzz import fuzz, process

from ..model import Claim, Kind

# Kinds whose figures are about a document's own narrative ("for two decades", "aged 46", "second
# largest"); comparing them across articles cries wolf far more often than it finds anything.
UNBLOCKED = {Kind.DURATION, Kind.AGE, Kind.RANK}


def base_value(claim: Claim) -> tuple[float | None, float | None, float | None, str | None]:
    """(value, low, high, unit) in the unit's base unit: 600 mi and 965 km both in metres, "18
    minutes" and "a quarter of an hour" both in seconds."""
    if claim.kind not in (Kind.MEASURE, Kind.DURATION) or not claim.unit:
        return claim.value, claim.low, claim.high, claim.unit
    from ..claims.units import to_base_unit

    unit = to_base_unit(1.0, claim.unit)[1]

    def convert(x: float | None) -> float | None:
        return None if x is None else to_base_unit(x, claim.unit)[0]  # affine for °F, so each end on its own

    return convert(claim.value), convert(claim.low), convert(claim.high), unit


def canonical_entities(names: Iterable[str], fuzzy: int = 90) -> dict[str, str]:
    """Each entity name -> the spelling it is folded into (itself, or a more frequent variant)."""
    counts = Counter(names)
    canon: dict[str, str] = {}
    buckets: dict[str, list[str]] = {}
    for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        bucket = buckets.setdefault(name[:2], [])
        match = process.extractOne(name, bucket, scorer=fuzz.ratio, score_cutoff=fuzzy) if len(name) >= 5 and bucket else None
        if match is not None and len(match[0]) >= 5:
            canon[name] = match[0]
        else:
            canon[name] = name
            bucket.append(name)
    return canon


# Counted nouns that name no subgroup: "1,200 people died" and "1,200 died" count the same dead;
# "a forecast of 40,000" counts what the concept says.
_EVERYONE = {"people", "person", "human", "individual", "total", "number", "figure", "forecast", "projection", "estimate",
             "man", "men", "soul", "resident",
             "civilian", "citizen", "neighbour", "neighbor", "villager", "local", "inhabitant", "occupant", "colleague",
             "miner", "townspeople", "townsfolk"}
# ... and the people a story is about, named by where they were or what they did that day:
# "2,315 of our neighbours died", "43 surviving miners", "six of his colleagues" count the toll.


# People counted by their role aboard or at work: "1,266 passengers" are not the "1,960 aboard".
ROLES = {"passenger": "passenger", "crew": "crew", "crewman": "crew", "crewmember": "crew", "crewmen": "crew",
         "sailor": "crew", "staff": "staff", "worker": "worker", "soldier": "soldier", "child": "child",
         "woman": "woman", "student": "student"}


_ROLE_CONCEPT = {"worker": "workforce", "staff": "workforce"}


def subgroup(claim: Claim) -> str:
    """Who, within a concept, a count is about: "american" in "128 Americans died", "crew" in "696
    crew aboard"; "" for everyone ("1,198 people", "1,198 died") and for measures and money."""
    f = claim.frame
    if f is None or claim.kind is not Kind.COUNT or not f.entity or f.entity in _EVERYONE:
        return ""
    if not f.entity.replace(" ", "").replace("-", "").isalpha():
        return ""  # a misparse ("survivors.[inconsistent"), not a noun
    from ..claims.aliases import load_aliases

    if re.search(rf"\b{re.escape(f.entity)}s? (?:and|or|&) (?![\d,.]+ )[a-z]", claim.sentence, re.I):
        return ""  # "1,198 passengers and crew": everyone; "1,266 passengers and 696 crew" stay two
    if f.entity in ROLES and _ROLE_CONCEPT.get(ROLES[f.entity]) != f.concept:
        return ROLES[f.entity]  # ... unless the role is what the concept counts: "5,000 workers" are the workforce
    if load_aliases().lexicon.word(claim.kind.value, "", f.entity) == f.concept or f.entity in (f.concept or ""):
        return ""  # "1,198 victims", "62 survivors": the noun is the concept itself
    return f.entity


def _anyone(claim: Claim) -> bool:
    """A count whose noun says little beyond its concept ("1,198 people", "1,198 victims", "1,266
    passengers"): the concept decides its block. A count of a named or specific thing ("1.8 million
    Kazakhs", "16 gas cells") keeps its noun as its block, as its sentence states it."""
    f = claim.frame
    assert f is not None
    return not f.entity or f.entity in _EVERYONE or f.entity in ROLES or not f.entity.replace(" ", "").isalpha() \
        or subgroup(claim) == ""


def block_key(claim: Claim, canon: Mapping[str, str] | None = None) -> str | None:
    """`kind|unit|@concept|subgroup` when the lexicon knows what the figure measures, else
    `kind|unit|entity`; None when the claim cannot be compared with anything.

    A function of the claim alone (its frame carries what its document lent it), so a cluster
    can shuffle claims by it. `canon` (from `canonical_entities`) folds spelling variants of the
    entity into one block.
    """
    f = claim.frame
    if f is not None and claim.kind in (Kind.MEASURE, Kind.MONEY) and (f.concept or f.entity or f.topic):
        # One block per dimension (per kind for money, whose currencies meet): what a figure measures
        # is evidence inside it (`evidence.weigh`), so "6,800 km" whose words name no concept still
        # meets "a length of 6,992 km", and a height never joins a length.
        unit = "" if claim.kind is Kind.MONEY else (base_value(claim)[3] or "")
        return f"{claim.kind.value}|{unit}|@|"
    if f is not None and claim.kind is Kind.RATING and claim.unit and f.topic:
        return f"rating|{claim.unit}|@|"  # "Category 5" on a named scale: the scale is what it measures
    if f is not None and f.concept and claim.kind is not Kind.FACT:
        if claim.kind is Kind.DURATION:
            # every duration in one block, compared in seconds: what each times is weighed as evidence
            return "duration|s|@duration|"
        if claim.kind not in UNBLOCKED and (claim.kind is not Kind.COUNT or _anyone(claim)):
            return f"{claim.kind.value}|{claim.unit or ''}|@{f.concept}|{subgroup(claim)}"  # measures and money are above
    if claim.kind in UNBLOCKED or claim.frame is None or not claim.frame.entity:
        return None
    entity = canon.get(claim.frame.entity, claim.frame.entity) if canon else claim.frame.entity
    if claim.kind is Kind.FACT:
        return f"fact|{claim.frame.event or ''}|{entity}"
    base = base_value(claim)[3]
    return f"{claim.kind.value}|{base or ''}|{entity}"
