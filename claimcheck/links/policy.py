"""Link policy without I/O: which URLs may be fetched, and what an answer means.

Pure functions, shared by the checker (`checker.py`) and testable without a network.
"""
from __future__ import annotations

import ipaddress
import re
import time
import zlib
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from ..model import LinkStatus

MAX_URL = 2048
_CGNAT = ipaddress.ip_network("100.64.0.0/10")


def is_private(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast
            or ip.is_unspecified or (ip.version == 4 and ip in _CGNAT))


def validate(url: str) -> tuple[LinkStatus, str] | None:
    """A verdict for URLs that must not be fetched, or None when the URL can be checked."""
    if len(url) > MAX_URL:
        return LinkStatus.INVALID_URL, f"URL is {len(url)} characters long (limit {MAX_URL})"
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme not in ("http", "https"):
        return LinkStatus.SKIPPED, f"scheme {scheme or '(none)'!r} is not fetched (only http and https)"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
        if parts.hostname:
            parts.hostname.encode("idna")  # a host that cannot be spelled in DNS
    except (ValueError, UnicodeError) as exc:
        return LinkStatus.INVALID_URL, f"malformed URL: {exc}"
    if not parts.hostname or re.search(r"\s", url):
        return LinkStatus.INVALID_URL, "malformed URL: no host" if not parts.hostname else "malformed URL: contains whitespace"
    return None


def host_verdict(host: str, answer: list[str] | Exception | None, offline: bool,
                 allow_private: bool) -> tuple[LinkStatus, str] | None:
    """Refuse a host that does not resolve, or that resolves to a private address (unless allowed)."""
    if isinstance(answer, Exception):
        if offline:
            return LinkStatus.UNVERIFIED, f"no network to resolve {host}"
        return LinkStatus.BROKEN, f"domain {host} does not resolve (DNS: {answer})"
    if answer and not allow_private and any(is_private(a) for a in answer):
        return LinkStatus.SKIPPED, (f"{host} is a private/loopback/link-local address ({answer[0]}); "
                                    "use --allow-private to check it")
    return None


def offline_note(probe_hosts: tuple[str, ...]) -> str:
    return (f"No network: no public host name resolves here (tried {', '.join(probe_hosts) or 'the cited hosts'}), "
            "so public links are 'unverified', not dead; --require-network makes that fail.")


def by_pattern(url: str, include: list[str], exclude: list[str]) -> tuple[LinkStatus, str] | None:
    """`skipped` for a URL the include/exclude regexes leave out, else None."""
    if include and not any(re.search(p, url) for p in include):
        return LinkStatus.SKIPPED, "not matched by links.include"
    if any(re.search(p, url) for p in exclude):
        return LinkStatus.SKIPPED, "excluded by links.exclude"
    return None


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
