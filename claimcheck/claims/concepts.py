"""Concepts: what a figure measures (deaths, height, cost), read from its words and its unit.

`data/concepts.toml` is the lexicon (a user's aliases file may add `[concepts.NAME]` tables). A
concept is read, strongest evidence first, from
  1. the verb of the figure's clause ("1,204 people died", "killed 1,210"),
  2. a noun the figure is "of" ("the deaths of 1,198 passengers", "an evacuation of 9,000"),
  3. the counted noun itself ("1,198 victims", "1,266 passengers"),
  4. the nearest cue in the words around the figure ("a tsunami 37m high", "a death toll of 36"),
  5. the unit's dimension when it has one concept only (a km2 figure is an area).
A hand list beats a general lexical resource here: WordNet puts "toll" and "lives" nowhere near
"deaths", and what matters is the news register's handful of phrasings per concept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import ConfigError

_TRAILING = frozenset({"of", "on", "in", "above", "below", "per", "a", "to", "into", "at", "from", "off"})
_HEDGES = r"(?:(?:about|around|some|up to|nearly|almost|over|more than|at least|an?|roughly|just) )*"


@dataclass(frozen=True)
class Concept:
    name: str
    kinds: tuple[str, ...]
    units: tuple[str, ...] = ()  # base units, for measures; () = any
    cues: tuple[str, ...] = ()
    default: bool = False


@dataclass(frozen=True)
class Lexicon:
    """The concepts, with one compiled pattern per (kind, base unit) so a figure is matched once."""

    concepts: tuple[Concept, ...] = ()
    _patterns: dict[tuple[str, str], tuple[re.Pattern[str] | None, dict[str, str], str | None, re.Pattern[str] | None]] = field(
        default_factory=dict, compare=False, repr=False)

    def _for(self, kind: str, unit: str) -> tuple[re.Pattern[str] | None, dict[str, str], str | None, re.Pattern[str] | None]:
        key = (kind, unit)
        if key not in self._patterns:
            fitting = [c for c in self.concepts if kind in c.kinds and (not c.units or unit in c.units)]
            cue_of: dict[str, str] = {}
            for c in fitting:
                for cue in c.cues:
                    cue_of.setdefault(cue, c.name)
            words = sorted(cue_of, key=len, reverse=True)
            # an infobox glues its label to the value: "Elevation7,412 m", "Deaths1,204"
            pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")(?:\b|(?=\d))", re.I) if words else None
            default = next((c.name for c in fitting if c.default), None)
            if len(fitting) == 1 and default is None and fitting[0].units:
                default = fitting[0].name
            # phrases that lead into a figure ("certified for", "could carry"), not ones that follow it ("of water")
            phrases = [w for w in words if " " in w and w.split()[0] not in _TRAILING]
            lead = re.compile(r"\b(" + "|".join(re.escape(w) for w in phrases) + r")\s+" + _HEDGES + "$") if phrases else None
            self._patterns[key] = (pattern, cue_of, default, lead)
        return self._patterns[key]

    def word(self, kind: str, unit: str, word: str | None) -> str | None:
        """The concept one word names ("victims" -> deaths), or None."""
        if not word:
            return None
        cues, w = self._for(kind, unit)[1], word.lower()
        # a counted noun is read singular ("body"); a cue may be written plural only ("bodies")
        return cues.get(w) or cues.get(w + "s") or (cues.get(w[:-1] + "ies") if w.endswith("y") else None)

    @staticmethod
    def _predicate(pattern: re.Pattern[str], cue_of: dict[str, str], text: str, end: int) -> str | None:
        """The concept a cue opening the predicate of the figure's noun names ("were left injured")."""
        m = _PREDICATE.match(text, end, end + 50)
        said = pattern.match(text, m.start(1)) if m is not None else None
        return cue_of[said.group().lower()] if said is not None else None

    def concept(self, kind: str, unit: str, text: str, start: int, end: int,
                verb: str | None = None, noun: str | None = None, subject: bool = False) -> str | None:
        """The concept of the figure at text[start:end], from its verb, noun and surrounding words."""
        pattern, cue_of, default, lead = self._for(kind, unit)
        if pattern is None:
            return default
        before = text[max(0, start - 40):start].lower()
        # An infobox label glued to its value is what the value is: "Capacity850 passengers", "Deaths1,204"
        if start > 0 and text[start - 1].isalpha():
            glued = [m for m in pattern.finditer(text, max(0, start - 30), start) if m.end() == start]
            if glued:
                return cue_of[glued[-1].group().lower()]
        # A phrase cue that ends right before the figure: "certified for 850 passengers", "could carry 850"
        if lead is not None and (m := lead.search(before)) is not None:
            return cue_of[m.group(1)]
        if verb and (hit := next((cue_of[v] for v in _forms(verb.lower()) if v in cue_of), None)):
            return hit
        if verb and kind == "count" and verb.lower() not in _VAGUE_VERBS:
            # The clause says what happened ("interviewed 58"), and the lexicon does not know it;
            # unless the counted noun, its subject, names the concept itself: "431 bodies were recovered".
            if not subject:
                return None
            said = self._predicate(pattern, cue_of, text, end)  # "64 protesters were remanded in custody"
            return said or self.word(kind, unit, noun)
        of = re.search(r"\b([a-z]+(?: [a-z]+)?) of (?:the |some |about |around |nearly |over |more than |an? )*$", before)
        if of is not None:
            for w in (of.group(1), of.group(1).split()[-1]):
                if (hit := cue_of.get(w)):
                    return hit
        # Right after the figure, in its own noun phrase: "97 people aboard", "37m high", "50 miles long"
        tail = re.split(r"[,;.()]", text[end:end + 30], maxsplit=1)[0]
        if (m := pattern.search(tail)) is not None and m.start() <= 14:
            return cue_of[m.group().lower()]
        # ... or its noun's predicate: "5,68,292 people were left injured", "36 men were reported missing"
        if (hit := self._predicate(pattern, cue_of, text, end)) is not None:
            return hit
        if noun and (hit := cue_of.get(noun.lower())):
            return hit
        lo, hi = _clause(text, start, end)
        best: tuple[float, str] | None = None
        for m in pattern.finditer(text, lo, hi):
            owner = re.search(r"\b([a-z]+) of (?:the |their |its )?$", text[max(lo, m.start() - 30):m.start()].lower())
            if kind == "count" and owner is not None and owner.group(1) not in cue_of and m.start() > end:
                continue  # "38 are relatives of detainees": the cue names whose relatives, not what is counted
            if (mine := _OWN_FIGURE.match(text, m.end())) is not None and not start <= mine.end() - 1 < end:
                continue  # "16 gas cells, with a capacity of 7 million cubic feet": the cue is the other figure's
            # Distance in characters, after the figure counting a little less ("37m high", "died").
            d = (start - m.end()) * 1.3 if m.end() <= start else max(0, m.start() - end)
            if best is None or d < best[0]:
                best = (d, cue_of[m.group().lower()])
        return best[1] if best else default


_PREDICATE = re.compile(r"\s+(?:[a-z]+\s+)?(?:were|was|are|is|had been|have been|has been)\s+"
                        r"(?:(?:left|reported|confirmed|feared|listed|presumed|found|declared|also|still)\s+)*([a-z]+)\b", re.I)
_OWN_FIGURE = re.compile(r"\s+of\s+(?:(?:about|around|some|nearly|almost|over|more than|at least|roughly|just|an?)\s+)*[$€£¥₹]?\d")

# Verbs that say too little to overrule the words around a figure ("caused 36,420 deaths").
_VAGUE_VERBS = {"cause", "lose", "bring", "leave", "put", "make", "give", "get", "take", "claim", "result", "estimate",
                "confirm", "report", "count", "record", "rise", "reach", "total", "number", "relate", "say", "state",
                "list", "include", "occur", "happen", "follow", "raise", "increase", "climb", "stand", "remain", "stay",
                "compare", "expect", "forecast", "project", "predict", "see", "attribute", "blame", "link", "tie", "place", "cite", "document", "register", "tally", "land", "arrive", "be", "have", "hit",
                "top", "exceed", "pass", "surpass", "near", "approach", "add", "win", "receive", "secure", "gain",
                "collect", "poll", "draw", "attract"}


def _forms(verb: str) -> tuple[str, ...]:
    """A lemma and the written forms a cue list holds: "affect" -> "affected", "die" -> "died",
    "carry" -> "carried", "summit" -> "summitted", "drown" -> "drowning"."""
    forms = [verb, verb + "d", verb + "ed", verb + "s", verb + "ing"]
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        forms += [verb[:-1] + "ied", verb[:-1] + "ies"]
    if verb.endswith("e"):
        forms.append(verb[:-1] + "ing")
    if len(verb) > 2 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
        forms += [verb + verb[-1] + "ed", verb + verb[-1] + "ing"]
    return tuple(forms)


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch around a figure that can say what it measures: its clause, at most ~100 characters."""
    lo = max(0, start - 90)
    cut = max(text.rfind(";", lo, start), text.rfind(". ", lo, start))
    lo = cut + 1 if cut >= 0 else lo
    hi = min(len(text), end + 100)
    cut = min((i for i in (text.find(";", end, hi), text.find(". ", end, hi)) if i >= 0), default=-1)
    hi = cut if cut >= 0 else hi
    return lo, hi


def parse_concepts(table: dict, where: str) -> dict[str, Concept]:
    """[concepts.NAME] tables (or top-level NAME tables of concepts.toml) -> Concepts by name."""
    out: dict[str, Concept] = {}
    for name, spec in table.items():
        if not isinstance(spec, dict):
            raise ConfigError(f"{where}: concept {name!r} must be a table")
        kinds, cues, units = spec.get("kinds", []), spec.get("cues", []), spec.get("units", [])
        for what, value in (("kinds", kinds), ("cues", cues), ("units", units)):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{where}: {name}.{what} must be a list of strings")
        if not kinds:
            raise ConfigError(f"{where}: concept {name!r} names no kinds")
        out[name] = Concept(name=name, kinds=tuple(kinds), units=tuple(units),
                            cues=tuple(c.lower() for c in cues), default=bool(spec.get("default", False)))
    return out
