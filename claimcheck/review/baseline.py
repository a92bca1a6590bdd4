"""The baseline: findings a reviewer has seen and accepted, in a TOML file committed with the articles.

    # claimcheck baseline: ...
    version = 1

    [[finding]]
    fingerprint = "3f1c9a0e5b7d2c4e6a80"
    rule = "citation/no-url"
    where = "articles/kazakhs.md"
    what = "footnote 4: no-url"
    by = "Ada Lovelace"
    on = "2026-12-04"
    note = "a printed report: there is no URL"

TOML rather than JSON: one `[[finding]]` table per entry, so adding or dropping one is a hunk of
its own lines (JSON's commas touch the neighbour), a reviewer can write `#` comments beside an
entry, and the project's other settings are TOML already. Entries are sorted by rule, document and
fingerprint, so re-writing the file after a scan changes only the lines of what changed.

`find_baseline` looks upward from the current folder, as the config is found; `apply_baseline`
splits findings into reviewed, new and stale (entries nothing matches any more).
"""
from __future__ import annotations

import json
import os
import subprocess
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import ConfigError
from ..model import BaselineEntry, Finding

BASELINE_NAME = "claimcheck-baseline.toml"
VERSION = 1
_FIELDS = ("fingerprint", "rule", "where", "what", "by", "on", "note")
_REQUIRED = ("fingerprint", "rule")


@dataclass(frozen=True)
class Baseline:
    path: str
    entries: tuple[BaselineEntry, ...] = ()


@dataclass(frozen=True)
class Applied:
    """Findings against a baseline: (finding, its entry) for each reviewed one, the new, the stale entries."""

    reviewed: tuple[tuple[Finding, BaselineEntry], ...]
    new: tuple[Finding, ...]
    stale: tuple[BaselineEntry, ...]


def find_baseline(start: Path | None = None) -> Path | None:
    """The nearest claimcheck-baseline.toml, upward from `start` (default: the current folder)."""
    here = (start or Path.cwd()).resolve()
    for folder in [here, *here.parents]:
        candidate = folder / BASELINE_NAME
        if candidate.is_file():
            return candidate
    return None


def read_baseline(path: Path) -> Baseline:
    """A baseline file, checked like the config: an unknown key or a wrong type is a ConfigError."""
    try:
        data = tomllib.loads(Path(path).read_text("utf-8-sig"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such baseline file") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the baseline: {exc}") from exc
    unknown = set(data) - {"version", "finding"}
    if unknown:
        raise ConfigError(f"{path}: unknown key {', '.join(map(repr, sorted(unknown)))} (known: version, finding)")
    if data.get("version", VERSION) != VERSION:
        raise ConfigError(f"{path}: baseline version {data['version']!r}; this claimcheck reads version {VERSION}")
    items = data.get("finding", [])
    if not isinstance(items, list):
        raise ConfigError(f"{path}: 'finding' must be an array of tables ([[finding]])")
    return Baseline(str(path), tuple(_entry(path, i, item) for i, item in enumerate(items, 1)))


def _entry(path: Path, number: int, item: object) -> BaselineEntry:
    where = f"{path}: finding {number}"
    if not isinstance(item, dict):
        raise ConfigError(f"{where}: must be a table, not {type(item).__name__}")
    for key, value in item.items():
        if key not in _FIELDS:
            raise ConfigError(f"{where}: unknown key {key!r} (known: {', '.join(_FIELDS)})")
        if not isinstance(value, str):
            raise ConfigError(f"{where}: {key!r} must be a string, not {type(value).__name__} ({value!r})")
    missing = [k for k in _REQUIRED if not item.get(k)]
    if missing:
        raise ConfigError(f"{where}: {', '.join(map(repr, missing))} missing")
    return BaselineEntry(**{k: item.get(k, "") for k in _FIELDS})


def in_scope(entry: BaselineEntry, kinds: Iterable[str] | None, documents: set[str] | None) -> bool:
    """Whether a run that looked for `kinds` of finding in `documents` (None: everything) could have found `entry`.

    An entry out of scope is neither stale nor dropped: a scan of two staged files says nothing
    about the baseline entries of the other forty articles.
    """
    if kinds is not None and entry.rule.split("/", 1)[0] not in set(kinds):
        return False
    if documents is None or entry.rule.startswith("link/"):
        return True  # a link may be cited from several documents: it counts wherever it was checked
    return all(doc in documents for doc in entry.where.split(", "))


def apply_baseline(findings: Iterable[Finding], baseline: Baseline | None) -> Applied:
    """Split findings by the baseline: reviewed (fingerprint in it), new, and entries left unmatched."""
    entries = {e.fingerprint: e for e in (baseline.entries if baseline else ())}
    reviewed, new, matched = [], [], set()
    for f in findings:
        entry = entries.get(f.fingerprint) if f.reviewable else None
        if entry is None:
            new.append(f)
        else:
            reviewed.append((f, entry))
            matched.add(f.fingerprint)
    stale = tuple(e for e in entries.values() if e.fingerprint not in matched)
    return Applied(tuple(reviewed), tuple(new), stale)


def reviewer() -> str:
    """Who is reviewing: git's user.name, else $USER; "unknown" when neither is set."""
    try:
        name = subprocess.run(["git", "config", "user.name"], capture_output=True, text=True, timeout=5).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        name = ""
    return name or os.environ.get("USER") or os.environ.get("USERNAME") or "unknown"


def baseline_entries(findings: Sequence[Finding], previous: Baseline | None, by: str, on: date | None = None,
                     note: str = "", examined: Iterable[str] | None = None,
                     documents: set[str] | None = None) -> tuple[BaselineEntry, ...]:
    """Today's reviewable findings as entries, sorted; an entry already in `previous` keeps its who, when and note.

    Entries of `previous` out of this run's scope (`in_scope`: a kind it did not look for, such as
    links offline, or documents it did not read) are kept as they are.
    """
    kept = {e.fingerprint: e for e in (previous.entries if previous else ())}
    today = (on or date.today()).isoformat()
    out = {e.fingerprint: e for e in kept.values() if not in_scope(e, examined, documents)}
    out.update({f.fingerprint: kept.get(f.fingerprint) or BaselineEntry(f.fingerprint, f.rule, f.where, f.message, by,
                                                                        today, note)
                for f in findings if f.reviewable})
    return tuple(sorted(out.values(), key=lambda e: (e.rule, e.where, e.fingerprint)))


def _toml_string(text: str) -> str:
    # JSON's escapes are TOML's, except that TOML also wants DEL escaped.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def render_baseline(entries: Iterable[BaselineEntry]) -> str:
    lines = ["# claimcheck baseline: findings a reviewer has seen and accepted. They are reported as",
             "# reviewed and never fail the run; a new finding still does. Written by `claimcheck baseline`;",
             "# commit it, and edit `note` to say why an entry is fine.", f"version = {VERSION}"]
    for e in entries:
        lines += ["", "[[finding]]"]
        lines += [f"{key} = {_toml_string(getattr(e, key))}" for key in _FIELDS if key != "note" or e.note]
    return "\n".join(lines) + "\n"
