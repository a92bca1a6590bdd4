"""Citation audit: Notes -> Citations with flags (the contract's vocabulary, plus numbering-gap).

Who owns which domain lives in `data/publishers.toml` (users add their own file); for publishers
it does not list, the name is compared with the URL's registrable domain by rapidfuzz, and
initials count ("Human Rights Watch" -> hrw.org). Archive URLs are judged by the page they hold.
"""
from __future__ import annotations

import dataclasses
import functools
import os
import re
import tomllib
from collections.abc import Callable, Iterable
from datetime import date
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from ..documents import LineIndex, guard
from ..errors import ConfigError
from ..model import Citation, Document, Notes

# Two-label public suffixes common in news links. A full Public Suffix List (tldextract) would
# fetch or pin a 200 kB list for a check that only needs the registrable label of a news site.
_SECOND_LEVEL = {"co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "org.au", "net.au", "co.jp", "com.cn",
                 "org.cn", "co.nz", "co.in", "com.br", "co.za", "com.sg", "com.hk", "co.kr", "com.tr",
                 "com.pk", "or.jp", "ne.jp", "gov.cn", "edu.au", "edu.cn", "kz.net"}
_STOPWORDS = {"the", "of", "for", "and", "on", "in", "a", "an", "news", "&"}
_MONTHS = {m: i + 1 for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]([01]?\d|[a-z]{3})[/-]([0-3]?\d)(?=[/-]|$)", re.IGNORECASE)
FUZZY_THRESHOLD = 75
_ORG_WORDS = {"press", "university", "times", "news", "post", "institute", "foundation", "forum", "database",
              "center", "centre", "review", "journal", "monitor", "commission", "agency", "watch", "radio",
              "international", "magazine", "daily", "herald", "tribune", "network", "council", "ministry",
              "project", "group", "society", "organization", "organisation", "association", "bank", "office",
              "service", "broadcasting", "media", "guardian", "telegraph", "observer", "economist", "now",
              "report", "quarterly", "library", "museum", "program", "programme", "initiative", "party"}
_DOMAIN = re.compile(r"(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+[^\W\d_][\w-]*\.?")
# Every flag the audit raises; `citations.ignore_flags` may turn any of them off.
FLAGS = ("numbering-gap", "no-url", "insecure-scheme", "duplicate-url", "publisher-domain-mismatch", "date-mismatch",
         "unused-footnote", "orphan-marker")
_RESOLVERS = {"doi.org", "archive.org", "archive.today", "archive.ph", "bit.ly", "t.co", "tinyurl.com", "goo.gl"}


def load_publishers(extra: str | None = None) -> dict[str, set[str]]:
    """Map every publisher name and alias (lowercased) to the domains it owns.

    `extra` is the user's publishers file, read on top of the shipped one. A file that is not
    UTF-8 TOML of `[publisher."Name"]` tables with `domains` (and optional `aliases`) lists is a
    ConfigError naming the file and the key. Read once per file version, however many documents ask.
    """
    stamp = None
    if extra:
        try:
            info = os.stat(extra)
            stamp = (info.st_mtime_ns, info.st_size)
        except OSError as exc:
            raise ConfigError(f"{extra}: cannot read the publishers file: {exc.strerror or exc}") from exc
    return {name: set(domains) for name, domains in _owners(extra or None, stamp).items()}


@functools.lru_cache(maxsize=8)
def _owners(extra: str | None, stamp: tuple[int, int] | None) -> dict[str, frozenset[str]]:
    builtin = resources.files("claimcheck").joinpath("data/publishers.toml")
    sources = [("claimcheck/data/publishers.toml (shipped)", builtin.read_bytes())]
    if extra:
        try:
            sources.append((extra, Path(extra).read_bytes()))
        except OSError as exc:
            raise ConfigError(f"{extra}: cannot read the publishers file: {exc.strerror or exc}") from exc
    owners: dict[str, set[str]] = {}
    for where, data in sources:
        for name, aliases, domains in _publisher_entries(where, data):
            for alias in [name, *aliases]:
                owners.setdefault(_norm(alias), set()).update(domains)
    return {name: frozenset(domains) for name, domains in owners.items()}


def _publisher_entries(where: str, data: bytes) -> list[tuple[str, list[str], set[str]]]:
    """(name, aliases, domains) of each [publisher."Name"] table, checked key by key."""
    try:
        table = tomllib.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{where}: not UTF-8 (byte {exc.start + 1})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: not valid TOML: {exc}") from exc
    for key in table:
        if key != "publisher":
            raise ConfigError(f"{where}: unknown table {key!r} (a publishers file holds [publisher.\"Name\"] tables)")
    publishers = table.get("publisher", {})
    if not isinstance(publishers, dict):
        raise ConfigError(f"{where}: 'publisher' must be a table of [publisher.\"Name\"] tables")
    entries = []
    for name, entry in publishers.items():
        at = f"{where}: publisher.{name!r}"
        if not isinstance(entry, dict):
            raise ConfigError(f"{at} must be a table with domains = [...]")
        unknown = sorted(set(entry) - {"domains", "aliases"})
        if unknown:
            raise ConfigError(f"{at}: unknown key {unknown[0]!r} (known: aliases, domains)")
        if not entry.get("domains"):
            raise ConfigError(f"{at} has no domains (domains = [\"example.org\"])")
        domains = _strings(entry["domains"], f"{at}.domains", "domains")
        aliases = _strings(entry.get("aliases", []), f"{at}.aliases", "names")
        for i, domain in enumerate(domains):
            if not _DOMAIN.fullmatch(domain):
                host = _hostname(domain if "://" in domain else f"//{domain}") or "example.org"
                raise ConfigError(f"{at}.domains[{i}]: {domain!r} is not a domain (write {host})")
        entries.append((name, aliases, {d.lower().rstrip(".") for d in domains}))
    return entries


def _strings(value: object, at: str, what: str) -> list[str]:
    if not isinstance(value, list):
        raise ConfigError(f"{at} must be a list of {what}, not {type(value).__name__}")
    for i, item in enumerate(value):
        if not isinstance(item, str):
            raise ConfigError(f"{at}[{i}] must be a {what[:-1]} (a string), not {type(item).__name__}")
    return value


def _norm(name: str) -> str:
    return re.sub(r"^the\s+", "", name.strip().lower())


def registrable(host: str) -> str:
    """'www.theguardian.com' -> 'theguardian.com'; 'asanforum.shoplic.site' -> 'shoplic.site'."""
    parts = host.lower().strip(".").split(".")
    if len(parts) >= 3 and ".".join(parts[-2:]) in _SECOND_LEVEL:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def _hostname(url: str) -> str:
    """The URL's host, or "" when it has none or cannot be parsed (`https://[www.example.com/`)."""
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def _archived_target(url: str) -> str:
    m = re.match(r"https?://web\.archive\.org/web/[^/]+/(https?):/+(.+)", url, re.IGNORECASE)
    return f"{m.group(1)}://{m.group(2)}" if m else url


def publisher_owns(publisher: str, url: str, owners: dict[str, set[str]]) -> bool | None:
    """True/False when it can tell; None when the publisher is unknown and the name says nothing."""
    from rapidfuzz import fuzz

    domain = registrable(_hostname(_archived_target(url)))
    if domain in _RESOLVERS:
        return None
    known = owners.get(_norm(publisher))
    if known is not None:
        return any(domain == d or domain.endswith("." + d) or registrable(d) == domain for d in known)
    words = [w for w in re.split(r"[\s\-/]+", publisher.lower()) if w]
    squashed = re.sub(r"[^a-z0-9]", "", "".join(w for w in words if w != "the"))
    initials = "".join(w[0] for w in words if w not in _STOPWORDS and w[0].isalnum())
    label = re.sub(r"[^a-z0-9]", "", domain.split(".")[0])
    if not squashed or not label or len(label) > 63 or len(squashed) > 200:
        return None  # no DNS label is longer than 63, no publisher's name is a page long (and fuzz is quadratic)
    score = max(fuzz.partial_ratio(squashed, label), fuzz.ratio(initials, label) if len(initials) > 1 else 0)
    if score >= FUZZY_THRESHOLD:
        return True
    return False if len(words) <= 6 else None


def _looks_like_publisher(name: str | None, owners: dict[str, set[str]]) -> bool:
    """A named organisation, not a parsing leftover ("from", "22 May") or a person's name."""
    if not name or _norm(name) in owners:
        return bool(name)
    if not re.fullmatch(r"[A-Z][\w.&'’-]*(?:\s+[\w.&'’-]+){0,7}", name) or re.search(r"\d", name):
        return False
    words = name.split()
    person_like = 2 <= len(words) <= 3 and all(w[0].isupper() for w in words) and not ({w.lower() for w in words} & _ORG_WORDS)
    return not person_like


def url_date(url: str) -> date | None:
    try:
        path = urlsplit(url).path
    except ValueError:  # an unparseable host: the date may still stand in the path
        path = re.sub(r"^[a-z][\w+.-]*://[^/]*", "", url, flags=re.IGNORECASE)
    m = _URL_DATE.search(path)
    if not m:
        return None
    year, month, day = m.groups()
    month_no = int(month) if month.isdigit() else _MONTHS.get(month.lower()[:3])
    try:
        return date(int(year), month_no or 0, int(day))
    except ValueError:
        return None


def audit_citations(doc: Document, notes: Notes, owners: dict[str, set[str]], ignore_flags: Iterable[str] = (),
                    ignore_urls: Iterable[str] = ()) -> list[Citation]:
    """One Citation per footnote (and per orphan marker), each with its audit flags and why.

    Flags in `ignore_flags` are never raised; URLs matching an `ignore_urls` pattern (RE2, searched)
    raise no flag of their own (insecure-scheme, duplicate-url, mismatches). Returns the Citations
    for any Document and Notes, or raises DocumentError naming the document.
    """
    with guard(doc.path):
        audited = _audit(doc, notes, owners, _ignored(tuple(ignore_urls)))
    off = set(ignore_flags)
    out = []
    for c, why in audited:
        if "orphan-marker" in c.flags and "orphan-marker" in off:
            continue  # a marker without its note is a citation only through that flag
        out.append(dataclasses.replace(c, flags=tuple(f for f in c.flags if f not in off),
                                       notes=tuple(n for f, n in why if f not in off)))
    return out


@functools.lru_cache(maxsize=8)
def _ignored(patterns: tuple[str, ...]) -> Callable[[str], bool]:
    from ..links.policy import compile_pattern

    compiled = [compile_pattern(p) for p in patterns]
    return lambda url: any(p.search(url) for p in compiled)


def _audit(doc: Document, notes: Notes, owners: dict[str, set[str]],
           ignored: Callable[[str], bool]) -> list[tuple[Citation, list[tuple[str, str]]]]:
    """Citations without their notes, each with its (flag, why) pairs."""
    by_number: dict[int, list] = {}
    for marker in notes.markers:
        by_number.setdefault(marker.number, []).append((marker.start, marker.end))
    seen_urls: dict[str, int] = {}
    lines = LineIndex(doc.text)
    citations: list[tuple[Citation, list[tuple[str, str]]]] = []
    previous = None
    for note in notes.footnotes:
        flags: list[str] = []
        why: list[tuple[str, str]] = []
        if previous is not None and note.number > previous + 1:
            flags.append("numbering-gap")
            why.append(("numbering-gap", f"notes {previous + 1}-{note.number - 1} are missing from the list"))
        previous = note.number
        if not note.urls:
            flags.append("no-url")
        for url in (u for u in note.urls if not ignored(u)):
            if url.lower().startswith("http://"):
                flags.append("insecure-scheme")
            if url in seen_urls:
                flags.append("duplicate-url")
                why.append(("duplicate-url", f"{url} is also cited in note {seen_urls[url]}"))
            seen_urls.setdefault(url, note.number)
        first_http = next((u for u in note.urls if not ignored(u) and re.match(r"https?://", u, re.IGNORECASE)), None)
        # With several sources in one note, which publisher goes with which URL is guesswork.
        publisher = note.publisher if len(note.urls) == 1 and _looks_like_publisher(note.publisher, owners) else None
        if publisher and first_http and publisher_owns(publisher, first_http, owners) is False:
            flags.append("publisher-domain-mismatch")
            why.append(("publisher-domain-mismatch", f"{note.publisher!r} does not own {_hostname(first_http) or first_http}"))
        cited = _iso(note.date)
        in_url = url_date(first_http) if first_http else None
        if cited and in_url and cited != in_url:
            gap = abs((cited - in_url).days)
            flags.append("date-mismatch")
            level = "note" if gap <= 1 else "alarm"
            why.append(("date-mismatch", f"{level}: cited {cited.isoformat()}, URL path says {in_url.isoformat()} ({gap} day{'s' * (gap != 1)} apart)"))
        if notes.markers and note.number not in by_number:
            flags.append("unused-footnote")
        citations.append((Citation(
            doc=doc.name, number=note.number, urls=note.urls, authors=note.authors, title=note.title,
            publisher=note.publisher, date=note.date, markers=tuple(by_number.get(note.number, ())),
            flags=tuple(dict.fromkeys(flags)), line=lines.line(note.start)), why))
    numbers = {n.number for n in notes.footnotes}
    for number, spans in sorted(by_number.items()):
        if number not in numbers:
            citations.append((Citation(doc.name, number, (), None, None, None, None, tuple(spans), ("orphan-marker",),
                                       line=lines.line(spans[0][0])),
                              [("orphan-marker", f"marker [{number}] has no footnote")]))
    return citations


def _iso(value: str | None) -> date | None:
    if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:  # 2019-02-30
            return None
    return None
