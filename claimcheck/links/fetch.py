"""One link, hop by hop: the address guard, redirects, retries, rate limits, and the verdict.

`Fetcher.check(url)` -> LinkResult. Every hop is checked against the private-address guard, and
the client connects only to the addresses the guard vetted (transport.VettedResolver). Failures
arrive as httpx exceptions (transport.py maps aiohttp's onto them), classified here:

    HTTPError
    +-- RequestError
        +-- TransportError
        |   +-- TimeoutException (Connect/Read/Write/PoolTimeout) -> timeout        (retried)
        |   +-- NetworkError
        |   |   +-- ConnectError: refused -> broken, TLS -> tls-error, DNS -> broken (retried otherwise)
        |   |   +-- ReadError / WriteError / CloseError (resets)  -> server-error   (retried)
        |   +-- ProtocolError: RemoteProtocolError: closed early  -> server-error   (retried)
        |   |                  malformed (status line, headers) -> server-error
        |   +-- UnsupportedProtocol                               -> invalid-url
        +-- DecodingError                                         -> server-error
    InvalidURL                                                    -> invalid-url

HTTP answers: 2xx ok (redirected when a chain led there), 404/410 and other 4xx broken, 401/403/999
blocked (a bot wall: unverified, not dead), 429 retried after Retry-After up to a cap then
blocked, 408/502/503/504 retried with backoff then server-error, other 5xx server-error.
"""
from __future__ import annotations

import asyncio
import contextvars
import random
import re
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from urllib.parse import urljoin

import httpx

from .. import USER_AGENT
from ..config import LinkSettings
from ..model import LinkResult, LinkStatus
from .hosts import Hosts
from .policy import decode_body, folder_of, host_verdict, retry_after_seconds, status_for, url_host, validate
from .resolve import Answer, Resolver, lookup
from .soft404 import landed_elsewhere, same_as_catch_all, title_says_missing
from .transport import build_client

Fetched = tuple[int, httpx.Headers, str]  # status code, headers, the start of the body as text
# When the link being checked in this task runs out of time (time.monotonic): a Retry-After wait
# that would end past it is not waited for.
DEADLINE: contextvars.ContextVar[float] = contextvars.ContextVar("DEADLINE", default=float("inf"))


class _Answer(Exception):
    """Internal: a finished verdict raised from deep inside a check."""

    def __init__(self, status: LinkStatus, reason: str, http_status: int | None = None) -> None:
        super().__init__(reason)
        self.status, self.reason, self.http_status = status, reason, http_status


def classify_error(exc: Exception) -> tuple[LinkStatus, str, bool]:
    """(status, reason, worth retrying) for a failed request."""
    chain: list[BaseException] = []
    cause: BaseException | None = exc
    while cause is not None and len(chain) < 8:
        chain.append(cause)
        cause = cause.__cause__ or cause.__context__
    text = " ".join(str(c) for c in chain)
    if isinstance(exc, httpx.TimeoutException):
        return LinkStatus.TIMEOUT, f"{type(exc).__name__}: no answer in time", True
    if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
        return LinkStatus.INVALID_URL, f"malformed URL: {exc}", False
    if any(isinstance(c, (ssl.SSLError, ssl.CertificateError)) for c in chain) or "CERTIFICATE_VERIFY_FAILED" in text \
            or "[SSL" in text:
        return LinkStatus.TLS_ERROR, f"TLS handshake failed: {str(exc)[:160]}", False
    if isinstance(exc, httpx.ConnectError):
        if any(isinstance(c, ConnectionRefusedError) for c in chain) or "refused" in text.lower():
            return LinkStatus.BROKEN, "connection refused: nothing listens at this address", False
        if any(isinstance(c, socket.gaierror) for c in chain) or "name or service not known" in text.lower():
            return LinkStatus.BROKEN, "domain does not resolve (DNS)", False
        return LinkStatus.SERVER_ERROR, f"cannot connect: {str(exc)[:160]}", True
    if isinstance(exc, httpx.RemoteProtocolError):
        if re.search(r"disconnected|closed|incomplete", str(exc), re.IGNORECASE):
            return LinkStatus.SERVER_ERROR, "server closed the connection without a complete answer", True
        return LinkStatus.SERVER_ERROR, f"malformed answer from the server: {str(exc)[:160]}", False
    if isinstance(exc, (httpx.ReadError, httpx.WriteError, httpx.CloseError)):
        return LinkStatus.SERVER_ERROR, "connection reset by the server", True
    return LinkStatus.SERVER_ERROR, f"{type(exc).__name__}: {str(exc)[:160]}", False


@lru_cache(maxsize=256)
def charset(content_type: str | None) -> str | None:
    """httpx's reading of a Content-Type's charset (an email.message parse), once per distinct header."""
    return httpx.Response(200, headers={"content-type": content_type}).charset_encoding if content_type else None


class Fetcher:
    """Checks links over one HTTP client; `dns` holds the answers looked up before the run."""

    def __init__(self, settings: LinkSettings, dns: dict[str, Answer], offline: bool, resolver: Resolver | None) -> None:
        self.s = settings
        self.dns = dns
        self.offline = offline
        self.resolver = resolver
        self.hosts = Hosts(settings)
        self.vetted: dict[str, list[str]] = {}  # name -> the addresses the guard approved: all the client may use
        self.siblings: dict[str, asyncio.Future[str | None]] = {}
        self.answered_429: set[str] = set()  # URLs a server answered 429: out of time, they are `blocked`
        self.on_retry_after: Callable[[str], None] | None = None  # told of each URL answering 429 + Retry-After
        self._client: httpx.AsyncClient | None = None

    @property
    def client(self) -> httpx.AsyncClient:
        if self._client is None:  # built on first use: a run with nothing to fetch loads no CA bundle
            timeout = httpx.Timeout(self.s.timeout, connect=self.s.connect_timeout, pool=self.s.total_timeout)
            headers = {"User-Agent": self.s.user_agent or USER_AGENT, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
                       "Accept-Encoding": "gzip, deflate"}  # what decode_body can inflate within its limit
            self._client = build_client(self.vetted, self.s.concurrency, timeout, headers)
        return self._client

    async def aclose(self) -> None:
        for probe in self.siblings.values():
            probe.cancel()  # probes nobody waited for (their folders' links were not 200 pages)
        if self._client is not None:
            await self._client.aclose()

    async def check(self, url: str) -> LinkResult:
        """The link's verdict within total_timeout; a hostile server cannot end the run."""
        started = time.monotonic()
        try:
            async with asyncio.timeout(self.s.total_timeout):  # no extra task per link, unlike wait_for
                DEADLINE.set(started + self.s.total_timeout)  # this task's, for the waits deep inside
                result = await self._check(url)
        except TimeoutError:
            result = self._out_of_time(url)
        except Exception as exc:
            result = LinkResult(url, LinkStatus.SERVER_ERROR, reason=f"unexpected {type(exc).__name__}: {str(exc)[:160]}")
        return replace(result, elapsed_ms=int((time.monotonic() - started) * 1000))

    def _out_of_time(self, url: str) -> LinkResult:
        """`timeout`, unless the time went on waits a rate limit imposed: then the link was held back."""
        if url in self.answered_429 or self.hosts.limiting(url_host(url)):
            return LinkResult(url, LinkStatus.BLOCKED, 429, reason=f"rate-limited (429): nothing but 429 within the "
                              f"{self.s.total_timeout:g}s budget; not verified, not dead")
        return LinkResult(url, LinkStatus.TIMEOUT, reason=f"whole check took over {self.s.total_timeout:g}s")

    async def guard(self, url: str) -> None:
        """Refuse a hop whose host does not resolve or resolves where it must not; vet the rest."""
        host = url_host(url)
        if host in self.vetted:
            return
        if host not in self.dns:  # a redirect's new host
            self.dns[host] = await lookup(host, self.s.connect_timeout, self.resolver)
        answer = self.dns[host]
        verdict = host_verdict(host, answer, self.offline, self.s.allow_private, self.s.allow_addresses)
        if verdict:
            raise _Answer(*verdict)
        if isinstance(answer, list):
            self.vetted[host] = answer

    # -- one link ------------------------------------------------------------------------------
    async def _check(self, url: str) -> LinkResult:
        chain: list[tuple[int, str]] = []
        current, seen = url, {url}
        try:
            for _ in range(self.s.max_redirects + 1):
                await self.guard(current)
                if self.s.soft_404 and not chain:
                    self._sibling(current)  # beside the page, not after it: one round trip, not two
                code, headers, body = await self.fetch(current)
                location = headers.get("location")
                if not (300 <= code < 400 and location):
                    break
                try:
                    nxt = urljoin(current, location)
                except ValueError as exc:  # httpx let it through; urllib cannot join it
                    raise _Answer(LinkStatus.INVALID_URL, f"redirect to a malformed URL {location!r}: {exc}", code) from None
                chain.append((code, nxt))
                if nxt in seen and not headers.get("set-cookie"):  # a cookie wall sends you back once
                    raise _Answer(LinkStatus.BROKEN, f"redirect loop: {' -> '.join([url] + [c[1] for c in chain])}", code)
                seen.add(nxt)
                refused = validate(nxt)
                if refused:
                    raise _Answer(*refused, code)
                current = nxt
            else:
                raise _Answer(LinkStatus.BROKEN, f"more than {self.s.max_redirects} redirects", chain[-1][0])
        except _Answer as verdict:
            return LinkResult(url, verdict.status, verdict.http_status, current if chain else None, verdict.reason,
                              tuple(chain), any(c in (301, 308) for c, _ in chain))
        return await self._verdict(url, code, body, current, chain)

    async def _verdict(self, url: str, code: int, body: str, current: str, chain: list[tuple[int, str]]) -> LinkResult:
        """The status of a link whose last hop answered `code`: soft 404s, redirects, the rest."""
        status, reason = status_for(code, self.s.accept)
        permanent = any(c in (301, 308) for c, _ in chain)
        final = current if chain else None
        came_back = final == url  # a cookie wall's detour: the cited URL itself answered
        if came_back:
            reason = f"{reason} after a cookie check"
        if status is LinkStatus.OK:
            soft = landed_elsewhere(url, final) or (title_says_missing(body) if body else None)
            if not soft and body and self.s.soft_404:
                soft = same_as_catch_all(body, await self._sibling_body(current))
            if soft:
                return LinkResult(url, LinkStatus.BROKEN, code, final, f"soft 404: {soft}", tuple(chain), permanent)
            if chain and not came_back:
                kind = "permanent" if permanent else "temporary"
                return LinkResult(url, LinkStatus.REDIRECTED, code, final, f"{kind} redirect to {final}" +
                                  ("; update the citation" if permanent else ""), tuple(chain), permanent)
        return LinkResult(url, status, code, final, reason, tuple(chain), permanent)

    async def fetch(self, url: str) -> Fetched:
        """One URL, no redirects: HEAD first, GET when HEAD is refused or unreliable, with retries."""
        host = url_host(url)
        lock = self.hosts.lock(host)
        # HEAD first, unless soft-404 checks need the page anyway: then one bounded GET replaces
        # HEAD + GET (half the requests, and the server sees one visit per link).
        method, attempt, waited = ("GET" if self.s.soft_404 else "HEAD"), 0, False
        deadline = DEADLINE.get()
        while True:
            try:
                async with lock:
                    refused, _ = await self.hosts.wait_turn(host, deadline)
                    if refused:
                        raise _Answer(LinkStatus.BLOCKED, refused, 429)
                    self.hosts.sent[host] += 1
                    code, headers, body = await self.request(method, url)
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                status, reason, transient = classify_error(exc)
                if transient and attempt < self.s.retries:
                    attempt += 1
                    await asyncio.sleep(self._backoff(attempt))
                    continue
                raise _Answer(status, reason + (f" (after {attempt + 1} attempts)" if attempt else "")) from None
            if code == 429 or (code == 503 and headers.get("retry-after")):
                if self.on_retry_after:
                    self.on_retry_after(url)
                delay = retry_after_seconds(headers.get("retry-after"))
                delay = self._backoff(attempt + 1) if delay is None else delay
                host_limits_us = self.hosts.note_answer(host, limited=True)
                if code == 429:
                    self.answered_429.add(url)
                    # Only a retry of this same link counts: a link first sent after the host's
                    # pause may meet a 429 of its own (a host that limits each page once), which
                    # says nothing about whether waiting as told lets us in.
                    self.hosts.refused_again(host, waited)
                over_budget = time.monotonic() + delay > deadline
                if delay > self.s.retry_after_cap or attempt >= self.s.retries or over_budget \
                        or (code == 429 and self.hosts.still_limited(host)):
                    if code == 429:
                        why = ("exceeds the cap" if delay > self.s.retry_after_cap else
                               "would pass this link's time budget" if over_budget else
                               "after retries" if attempt >= self.s.retries else "and the host keeps refusing us")
                        raise _Answer(LinkStatus.BLOCKED, f"rate-limited (429); Retry-After {delay:g}s {why}; not dead", 429)
                    return code, headers, body
                attempt, waited = attempt + 1, True
                if host_limits_us:
                    self.hosts.pause(host, time.monotonic() + delay)
                else:
                    await self.hosts.sleep(host, delay)
                continue
            self.hosts.note_answer(host, limited=False)
            if method == "HEAD" and (code in (400, 403, 404, 405, 501) or (200 <= code < 300 and self._wants_body(headers))):
                method = "GET"  # HEAD refused, mishandled, or the page must be read for soft 404s
                continue
            if code in (408, 502, 503, 504) and attempt < self.s.retries:
                attempt += 1
                await asyncio.sleep(self._backoff(attempt))
                continue
            return code, headers, body

    def _wants_body(self, headers: httpx.Headers) -> bool:
        kind = headers.get("content-type", "text/html")
        return self.s.soft_404 and "html" in kind

    async def request(self, method: str, url: str) -> Fetched:
        """Send one request; read at most max_body_bytes of the body, and only for GET."""
        async with self.client.stream(method, url) as response:
            chunks, size = [], 0
            if method == "GET" and not (300 <= response.status_code < 400):
                # Raw bytes, decoded by decode_body within the limit: inflating a whole compressed
                # chunk at once would make a 200 kB gzip bomb 200 MB of memory.
                async for chunk in response.aiter_raw():
                    chunks.append(chunk)
                    size += len(chunk)
                    if size >= self.s.max_body_bytes:
                        break  # closing the stream drops the rest: a gigabyte body is never read
            body = decode_body(b"".join(chunks), response.headers.get("content-encoding"),
                               charset(response.headers.get("content-type")),
                               self.s.max_body_bytes)
            return response.status_code, response.headers, body

    def _backoff(self, attempt: int) -> float:
        base = self.s.backoff * (2 ** (attempt - 1))
        return base / 2 + random.uniform(0, base / 2)  # "equal jitter": spreads retries, keeps a floor

    def _sibling(self, url: str) -> asyncio.Future[str | None]:
        """What the site serves for a URL beside this one that cannot exist: one probe per folder.

        Started when a folder's first link is, so it runs beside that link; every link of the
        folder that needs it (a 200 page, for the catch-all comparison) shares the answer.
        """
        key = folder_of(url)
        if key not in self.siblings:
            self.siblings[key] = asyncio.ensure_future(self._probe(f"{key}claimcheck-{random.getrandbits(64):016x}"))
        return self.siblings[key]

    async def _sibling_body(self, url: str) -> str | None:
        return await asyncio.shield(self._sibling(url))  # a link that times out leaves the shared probe running

    async def _probe(self, url: str) -> str | None:
        try:
            await self.guard(url)
            async with self.hosts.lock(url_host(url)):
                code, _, body = await self.request("GET", url)
            return body if 200 <= code < 300 else None
        except (_Answer, httpx.HTTPError, httpx.InvalidURL):
            return None

    # -- the Wayback Machine -------------------------------------------------------------------
    async def archive_snapshot(self, url: str, date: str | None) -> str | None:
        """The Wayback Machine snapshot of `url` nearest `date` (YYYY-MM-DD...), if it has one."""
        api = self.s.archive_api
        params = {"url": url, **({"timestamp": re.sub(r"\D", "", date)[:8]} if date else {})}
        try:
            await self.guard(api)  # the archive's host passes the same address guard
            async with self.hosts.lock(url_host(api)):  # one host answers them all
                response = await self.client.get(api, params=params)
            closest = response.json().get("archived_snapshots", {}).get("closest") or {}
        except (_Answer, httpx.HTTPError, httpx.InvalidURL, ValueError, AttributeError):
            return None
        return closest["url"] if closest.get("available") and closest.get("url") else None
