"""Link policy without I/O: which URLs may be fetched, and what an answer means.

Pure functions, shared by the checker and testable without a network:

    validate        any string -> None (fetch it) or a verdict (invalid-url, skipped); never raises
    dns_name        a host as the client will send it (lower case, IDNA 2008 A-labels); url_host
                    the same for a URL; folder_of its folder
    host_verdict    the addresses a name resolved to -> refuse private and cloud-metadata addresses
    Patterns        links.include / links.exclude, matched by RE2 in linear time
    decode_body, retry_after_seconds, status_for
"""
from __future__ import annotations

import ipaddress
import re
import time
import zlib
from collections.abc import Iterable
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from ..model import LinkStatus

MAX_URL = 2048
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
# Cloud instance-metadata services answer with credentials: never fetched on a redirect's say-so,
# not even with --allow-private; only when named in links.allow_addresses.
METADATA = tuple(ipaddress.ip_network(n) for n in (
    "169.254.169.254/32",  # AWS, GCP, Azure, OpenStack, DigitalOcean, Oracle
    "169.254.170.2/32",  # AWS ECS task metadata
    "169.254.170.23/32",  # AWS EKS pod identity
    "fd00:ec2::254/128",  # AWS over IPv6
    "fd00:ec2::23/128",  # AWS EKS pod identity over IPv6
    "100.100.100.200/32",  # Alibaba Cloud
    "168.63.129.16/32",  # Azure wire server
    "192.0.0.192/32",  # Oracle Cloud (legacy)
))
_LABEL = re.compile(r"[a-z0-9_-]{1,63}")  # what DNS carries, leniently (underscores and edge hyphens occur)
_CONTROL = re.compile(r"[\x00-\x20\x7f]")
_IPV4_STYLE = re.compile(r"[0-9]+(?:\.[0-9]+){3}")  # what httpx parses as an IPv4 address
_BRACKETED = re.compile(r"\[([^\[\]]+)\](?::[0-9]*)?")  # [IPv6] and a port


@lru_cache(maxsize=4096)
def _ip(address: str) -> IPAddress:
    """The address, with an IPv4 one inside IPv6 (mapped, 6to4, NAT64, compatible) unwrapped."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped or ip.sixtofour:
            return ip.ipv4_mapped or ip.sixtofour  # type: ignore[return-value]
        if any(ip in net for net in _NAT64) or (int(ip) >> 32 == 0 and int(ip) > 1):
            return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip


def is_private(address: str) -> bool:
    ip = _ip(address)
    # fec0::/10 (site-local, deprecated but routed inside sites) is "global" to Python's ipaddress.
    return (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast
            or ip.is_unspecified or (ip.version == 4 and ip in _CGNAT) or (ip.version == 6 and ip.is_site_local)
            or is_metadata(address))


def is_metadata(address: str) -> bool:
    """A cloud instance-metadata address (169.254.169.254, fd00:ec2::254 and the like)."""
    ip = _ip(address)
    return any(ip in net for net in METADATA)


def _allowed(address: str, allowed: Iterable[str]) -> bool:
    ip = _ip(address)
    return any(ip in ipaddress.ip_network(a, strict=False) for a in allowed)


@lru_cache(maxsize=4096)
def dns_name(host: str) -> str:
    """The host as the client sends it and DNS is asked for it; ValueError when it cannot be spelled.

    Lower case; a non-ASCII name as IDNA 2008 A-labels, as httpx encodes it (Python's own "idna"
    codec is IDNA 2003 and spells 'straße.de' as another host, 'strasse.de').
    """
    host = host.lower()
    if ":" in host:  # an IPv6 literal, brackets already removed by urlsplit
        ipaddress.IPv6Address(host)
        return host
    if not host.isascii():
        import idna  # httpx's own dependency; only non-ASCII names need it

        try:
            host = idna.encode(host).decode("ascii")
        except idna.IDNAError as exc:
            raise ValueError(f"host {host!r} cannot be spelled in DNS ({exc})") from None
    if _IPV4_STYLE.fullmatch(host):
        ipaddress.IPv4Address(host)  # 999.1.1.1: ValueError
    labels = host[:-1].split(".") if host.endswith(".") else host.split(".")
    if len(host) > 253 or not all(_LABEL.fullmatch(label) for label in labels):
        raise ValueError(f"host {host!r} has characters or labels DNS cannot carry")
    return host


@lru_cache(maxsize=8192)
def folder_of(url: str) -> str:
    """scheme://host/path/up/to/its/last/ : the unit of catch-all probes and of the order of work."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path.rsplit('/', 1)[0]}/"


@lru_cache(maxsize=8192)
def url_host(url: str) -> str:
    """The DNS name of a URL's host (for a URL validate() accepted): the key of lookups, locks, vetting."""
    return dns_name(urlsplit(url).hostname or "")


def validate(url: str) -> tuple[LinkStatus, str] | None:
    """A verdict for URLs that must not be fetched, or None when the URL can be checked.

    Robust to any string a footnote may hold: whatever cannot be parsed is `invalid-url`, and what
    passes here is a URL the HTTP client accepts too.
    """
    try:
        return _validate(url)
    except Exception as exc:
        return LinkStatus.INVALID_URL, f"malformed URL: {exc}"


def _validate(url: str) -> tuple[LinkStatus, str] | None:
    if len(url) > MAX_URL:
        return LinkStatus.INVALID_URL, f"URL is {len(url)} characters long (limit {MAX_URL})"
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme not in ("http", "https"):
        return LinkStatus.SKIPPED, f"scheme {scheme or '(none)'!r} is not fetched (only http and https)"
    if _CONTROL.search(url) or re.search(r"\s", url):
        return LinkStatus.INVALID_URL, "malformed URL: contains whitespace or control characters"
    parts = urlsplit(url)  # ValueError: a bracket left open, a netloc NFKC would change
    userinfo, _, authority = parts.netloc.rpartition("@")
    if "\\" in parts.netloc or "[" in userinfo or "]" in userinfo:
        return LinkStatus.INVALID_URL, "malformed URL: a backslash or bracket before the host"
    parts.port  # noqa: B018 - raises ValueError on a bad port
    if not parts.hostname:
        return LinkStatus.INVALID_URL, "malformed URL: no host"
    if "[" in authority or "]" in authority:
        literal = _BRACKETED.fullmatch(authority)
        if not literal:
            return LinkStatus.INVALID_URL, "malformed URL: brackets around anything but a whole IPv6 address"
        try:
            ipaddress.IPv6Address(literal[1].replace("%25", "%"))
        except ValueError:
            return LinkStatus.INVALID_URL, f"malformed URL: [{literal[1]}] is not an IPv6 address"
    else:
        dns_name(parts.hostname)
    return None


def host_verdict(host: str, answer: list[str] | Exception | None, offline: bool, allow_private: bool,
                 allowed: Iterable[str] = ()) -> tuple[LinkStatus, str] | None:
    """Refuse a host that does not resolve, or that resolves to a private or metadata address.

    `allow_private` lets private, loopback and link-local addresses through, but not a cloud
    metadata address; an address inside one of the `allowed` networks always passes.
    """
    if isinstance(answer, Exception):
        if offline:
            return LinkStatus.UNVERIFIED, f"no network to resolve {host}"
        return LinkStatus.BROKEN, f"domain {host} does not resolve (DNS: {answer})"
    for address in answer or ():
        if _allowed(address, allowed):
            continue
        if is_metadata(address):
            return LinkStatus.SKIPPED, (f"{host} is a cloud metadata address ({address}); refused even with "
                                        "--allow-private: name it in links.allow_addresses to check it")
        if not allow_private and is_private(address):
            return LinkStatus.SKIPPED, (f"{host} is a private/loopback/link-local address ({address}); "
                                        "use --allow-private to check it")
    return None


def offline_note(probe_hosts: tuple[str, ...]) -> str:
    return (f"No network: no public host name resolves here (tried {', '.join(probe_hosts) or 'the cited hosts'}), "
            "so public links are 'unverified', not dead; --require-network makes that fail.")


class PatternError(ValueError):
    """A links.include/exclude pattern that RE2 cannot run."""


@lru_cache(maxsize=256)
def compile_pattern(pattern: str) -> Any:
    """The pattern on RE2: matching time grows linearly with the URL, whatever the pattern.

    Python's backtracking engine takes minutes on `(a+)+$` against a long run of 'a's; RE2 has no
    backtracking, so it cannot take lookarounds or backreferences: those are refused, with why.
    """
    import re2  # google-re2

    options = re2.Options()
    options.log_errors = False  # the reason goes into the error message, not onto stderr
    try:
        return re2.compile(pattern, options)
    except re2.error as exc:
        detail = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise PatternError(f"{detail} (patterns run on RE2, in linear time: no lookarounds, backreferences "
                           "or repeats over 1000)") from None


class Patterns:
    """links.include and links.exclude, compiled once."""

    def __init__(self, include: Iterable[str], exclude: Iterable[str]) -> None:
        self.include = [compile_pattern(p) for p in include]
        self.exclude = [compile_pattern(p) for p in exclude]

    def verdict(self, url: str) -> tuple[LinkStatus, str] | None:
        """`skipped` for a URL the include/exclude patterns leave out, else None."""
        if self.include and not any(p.search(url) for p in self.include):
            return LinkStatus.SKIPPED, "not matched by links.include"
        if any(p.search(url) for p in self.exclude):
            return LinkStatus.SKIPPED, "excluded by links.exclude"
        return None


def by_pattern(url: str, include: list[str], exclude: list[str]) -> tuple[LinkStatus, str] | None:
    """`skipped` for a URL the include/exclude regexes leave out, else None."""
    return Patterns(include, exclude).verdict(url)


def decode_body(raw: bytes, content_encoding: str | None, charset: str | None, limit: int) -> str:
    """At most `limit` bytes of a page as text, inflated (gzip, deflate) without ever exceeding it."""
    coding = (content_encoding or "").strip().lower()
    if coding in ("gzip", "x-gzip", "deflate"):
        for wbits in (47, -15):  # gzip or zlib header (auto-detected), then raw deflate
            try:
                raw = zlib.decompressobj(wbits).decompress(raw, limit)
                break
            except zlib.error:
                continue
        else:
            return ""  # not what it claims to be: no text to judge
    elif coding not in ("", "identity"):
        return ""  # an encoding not asked for (br, zstd): nothing to read
    try:
        return raw[:limit].decode(charset or "utf-8", errors="replace")
    except LookupError:  # a charset Python does not know
        return raw[:limit].decode("utf-8", errors="replace")


def retry_after_seconds(value: str | None) -> float | None:
    """Retry-After as seconds, whether given as a number or an HTTP-date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def status_for(code: int, accept: list[int]) -> tuple[LinkStatus, str]:
    if code in accept or 200 <= code < 300:
        return LinkStatus.OK, f"HTTP {code}"
    if code in (404, 410):
        return LinkStatus.BROKEN, "gone (410)" if code == 410 else "not found (404)"
    if code in (401, 403, 999, 451):
        return LinkStatus.BLOCKED, f"HTTP {code}: access refused (bot wall or login); not verified, not dead"
    if code == 429:
        return LinkStatus.BLOCKED, "rate-limited (429) beyond the retry budget; not verified, not dead"
    if 400 <= code < 500:
        return LinkStatus.BROKEN, f"client error {code}"
    if code >= 500:
        return LinkStatus.SERVER_ERROR, f"server error {code}"
    return LinkStatus.SERVER_ERROR, f"unexpected status {code}"
