"""Aliases: the names that mean the same thing, so frames from different articles compare.

`data/aliases.toml` ships the defaults; a user's `aliases_file` extends them. The concept lexicon
(`data/concepts.toml`) loads here too, and the same user file may add `[concepts.NAME]` tables. Everything is
matched on lower case; plurals are made singular by the caller (frames.py) before lookup.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import ConfigError
from .concepts import Concept, Lexicon, parse_concepts

_TABLES = ("entities", "agents", "events", "places")
_SPACE = re.compile(r"[\s\u00a0]+")


@dataclass(frozen=True)
class Aliases:
    entities: dict[str, str] = field(default_factory=dict)  # variant -> canonical
    agents: dict[str, tuple[str, str]] = field(default_factory=dict)  # "interviewee" -> ("people", "interview")
    events: dict[str, str] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)
    lexicon: Lexicon = field(default_factory=Lexicon)  # concepts: what a figure measures

    def entity(self, name: str) -> str:
        key = norm(name)
        return self.entities.get(key, key)

    def event(self, name: str) -> str:
        key = norm(name)
        return self.events.get(key, key)

    def place(self, name: str) -> str:
        key = norm(name)
        if key.startswith("the "):
            key = self.places.get(key, key[4:])
        return self.places.get(key, key)


def norm(text: str) -> str:
    """Lower case, one space, typographic apostrophes made plain."""
    return _SPACE.sub(" ", text.replace("’", "'").replace("‘", "'")).strip().lower()


def _parse(table: dict, where: str, into: dict[str, dict]) -> None:
    for name, value in table.items():
        if name == "concepts" and isinstance(value, dict):
            into.setdefault("concepts", {}).update(parse_concepts(value, where))
            continue
        if name not in _TABLES:
            raise ConfigError(f"{where}: unknown table [{name}] (known: {', '.join(_TABLES)})")
        if not isinstance(value, dict):
            raise ConfigError(f"{where}: [{name}] must be a table")
        for canonical, variants in value.items():
            if name == "agents":
                if not isinstance(variants, str) or len(variants.split()) != 2:
                    raise ConfigError(f"{where}: agents.{canonical} must be a string \"entity event\", not {variants!r}")
                entity, event = variants.split()
                into[name][norm(canonical)] = (norm(entity), norm(event))
                continue
            if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
                raise ConfigError(f"{where}: {name}.{canonical} must be a list of strings")
            for v in [canonical, *variants]:
                into[name][norm(v)] = norm(canonical)


@lru_cache(maxsize=8)
def load_aliases(user_file: str = "") -> Aliases:
    """The shipped aliases, extended by `user_file` (TOML with the same tables)."""
    tables: dict[str, dict] = {name: {} for name in _TABLES}
    shipped = resources.files("claimcheck").joinpath("data/aliases.toml").read_text("utf-8")
    _parse(tomllib.loads(shipped), "claimcheck/data/aliases.toml", tables)
    lexicon = resources.files("claimcheck").joinpath("data/concepts.toml").read_text("utf-8")
    concepts: dict[str, Concept] = parse_concepts(tomllib.loads(lexicon), "claimcheck/data/concepts.toml")
    if user_file:
        path = Path(user_file)
        try:
            _parse(tomllib.loads(path.read_text("utf-8")), str(path), tables)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read the aliases file: {exc}") from exc
    concepts.update(tables.get("concepts", {}))  # a user's concept replaces the shipped one of its name
    return Aliases(tables["entities"], tables["agents"], tables["events"], tables["places"],
                   Lexicon(tuple(concepts[k] for k in sorted(concepts))))
