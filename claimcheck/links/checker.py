"""Link checking: cited URLs -> LinkResults. The only module that imports httpx.

httpx's exception tree, and the status each failure gets here:

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
import collections
import itertools
import random
import re
import socket
import ssl
import time
from dataclasses import replace
from urllib.parse import urldefrag, urljoin, urlsplit

import httpx

from .. import USER_AGENT
from ..config import LinkSettings
from ..model import CheckOutcome, LinkRef, LinkResult, LinkStatus
from .policy import by_pattern, decode_body, host_verdict, offline_note, retry_after_seconds, status_for, validate
from .resolve import PROBE_HOSTS, Resolver, lookup, resolve_all
from .soft404 import landed_elsewhere, same_as_catch_all, title_says_missing

POOL_SIZE = 4  # connections per httpx pool (see _ShardedTransport)
RECENT_ANSWERS = 20  # per host, to tell a host that rate-limits us from one page that does


class _Answer(Exception):
    """Internal: a finished verdict raised from deep inside a check."""

    def __init__(self, status: LinkStatus, reason: str, http_status: int | None = None) -> None:
        super().__init__(reason)
        self.status, self.reason, self.http_status = status, reason, http_status


def check_links(targets: dict[str, list[LinkRef]], settings: LinkSettings, progress=None,
                probe_hosts: tuple[str, ...] = PROBE_HOSTS, resolver: Resolver | None = None) -> CheckOutcome:
    """Check every URL (with where it is cited) and return one LinkResult per URL."""
    return asyncio.run(Checker(settings, progress, probe_hosts, resolver).run(targets))


def classify_error(exc: Exception) -> tuple[LinkStatus, str, bool]:
    """(status, reason, worth retrying) for a failed request."""
    chain, cause = [], exc
    while cause is not None and len(chain) < 8:
        chain.append(cause)
        cause = cause.__cause__ or cause.__context__
    text = " ".join(str(c) for c in chain)
    if isinstance(exc, httpx.TimeoutException):
        return LinkStatus.TIMEOUT, f"{type(exc).__name__}: no answer in time", True
    if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
        return LinkStatus.INVALID_URL, f"malformed URL: {exc}", False
    if any(isinstance(c, ssl.SSLError) for c in chain) or "CERTIFICATE_VERIFY_FAILED" in text or "SSL" in text:
        return LinkStatus.TLS_ERROR, f"TLS handshake failed: {str(exc)[:160]}", False
    if isinstance(exc, httpx.ConnectError):
        if any(isinstance(c, ConnectionRefusedError) for c in chain) or "refused" in text.lower():
            return LinkStatus.BROKEN, "connection refused: nothing listens at this address", False
        if any(isinstance(c, socket.gaierror) for c in chain) or "name or service not known" in text.lower():
            return LinkStatus.BROKEN, "domain does not resolve (DNS)", False
        return LinkStatus.SERVER_ERROR, f"cannot connect: {str(exc)[:160]}", True
    if isinstance(exc, httpx.RemoteProtocolError):
        if re.search(r"disconnected|closed|incomplete", str(exc), re.I):
            return LinkStatus.SERVER_ERROR, "server closed the connection without a complete answer", True
        return LinkStatus.SERVER_ERROR, f"malformed answer from the server: {str(exc)[:160]}", False
    if isinstance(exc, (httpx.ReadError, httpx.WriteError, httpx.CloseError)):
        return LinkStatus.SERVER_ERROR, "connection reset by the server", True
    return LinkStatus.SERVER_ERROR, f"{type(exc).__name__}: {str(exc)[:160]}", False


class _ShardedTransport(httpx.AsyncBaseTransport):
    """Several small connection pools behind one client, taken in turn.

    httpcore's pool does O(connections^2) bookkeeping per request event: 1,000 requests through one
    pool of 64 took 9x the CPU of sixteen pools of 4. The global and per-host limits still hold.
    """

    def __init__(self, pools: list[httpx.AsyncHTTPTransport]) -> None:
        self._pools = pools
        self._turn = itertools.cycle(pools)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await next(self._turn).handle_async_request(request)

    async def aclose(self) -> None:
        for pool in self._pools:
            await pool.aclose()


class Checker:
    def __init__(self, settings: LinkSettings, progress=None, probe_hosts=PROBE_HOSTS, resolver: Resolver | None = None):
        self.s = settings
        self.progress = progress
        self.probe_hosts = probe_hosts
        self.resolver = resolver
        self.host_locks: dict[str, asyncio.Semaphore] = {}
        self.host_pause: dict[str, float] = {}
        self.recent: dict[str, collections.deque[bool]] = {}  # per host: was each recent answer a 429?
        self.dns: dict[str, list[str] | Exception] = {}
        self.siblings: dict[str, asyncio.Future] = {}
        self.offline = False

    # -- orchestration -------------------------------------------------------------------------
    async def run(self, targets: dict[str, list[LinkRef]]) -> CheckOutcome:
        from .cache import open_cache

        cache, cache_note = open_cache(self.s.cache_path, self.s.cache_max_age) if self.s.cache else (None, None)
        results: dict[str, LinkResult] = {}
        todo = []
        for url in targets:
            verdict = validate(url) or by_pattern(url, self.s.include, self.s.exclude)
            cached = cache.get(url) if cache and verdict is None else None
            if verdict:
                results[url] = LinkResult(url, verdict[0], reason=verdict[1])
            elif cached:
                results[url] = cached
            else:
                todo.append(url)
        names = sorted({urlsplit(u).hostname or "" for u in todo} - {""})
        self.dns, self.offline = await resolve_all(names, self.s.connect_timeout, self.probe_hosts, self.resolver)
        note = offline_note(self.probe_hosts) if self.offline else None
        global_lock = asyncio.Semaphore(self.s.concurrency)
        done = 0
        async with self._client() as self.client:

            pages: dict[str, list[str]] = {}  # the same page cited at several #anchors is fetched once
            for url in todo:
                pages.setdefault(urldefrag(url).url, []).append(url)

            async def one(page: str, urls: list[str]) -> None:
                nonlocal done
                async with global_lock:
                    result = await self._check_bounded(page)
                for url in urls:
                    results[url] = replace(result, url=url)
                done += len(urls)
                if self.progress:
                    self.progress("links", done, len(todo))

            await asyncio.gather(*(one(page, urls) for page, urls in pages.items()))
            if self.s.suggest_archive:
                await self._suggest_archives(results, targets)
        out = [replace(results[url], refs=tuple(refs)) for url, refs in targets.items()]
        if cache:
            cache_note = cache.save(out)
        return CheckOutcome(tuple(out), note, tuple(filter(None, [cache_note])))

    def _client(self) -> httpx.AsyncClient:
        """The one client every request goes through: one configuration, one cookie jar."""
        tls = httpx.create_ssl_context()  # loading the CA bundle costs ~50 ms: once, for every pool
        limits = httpx.Limits(max_connections=POOL_SIZE, max_keepalive_connections=POOL_SIZE)
        pools = max(1, self.s.concurrency // POOL_SIZE)
        transport = _ShardedTransport([httpx.AsyncHTTPTransport(
            http2=True, limits=limits, verify=tls) for _ in range(pools)])
        timeout = httpx.Timeout(self.s.timeout, connect=self.s.connect_timeout, pool=self.s.total_timeout)
        headers = {"User-Agent": self.s.user_agent or USER_AGENT, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
                   "Accept-Encoding": "gzip, deflate"}  # what decode_body can inflate within its limit
        return httpx.AsyncClient(transport=transport, timeout=timeout, headers=headers, follow_redirects=False,
                                 verify=tls, http2=True)

    async def _check_bounded(self, url: str) -> LinkResult:
        started = time.monotonic()
        try:
            async with asyncio.timeout(self.s.total_timeout):  # no extra task per link, unlike wait_for
                result = await self._check(url)
        except TimeoutError:
            result = LinkResult(url, LinkStatus.TIMEOUT, reason=f"whole check took over {self.s.total_timeout:g}s")
        except Exception as exc:  # noqa: BLE001 - a hostile server must not end the run for every link
            result = LinkResult(url, LinkStatus.SERVER_ERROR, reason=f"unexpected {type(exc).__name__}: {str(exc)[:160]}")
        return replace(result, elapsed_ms=int((time.monotonic() - started) * 1000))

    def _guard(self, url: str) -> None:
        host = urlsplit(url).hostname or ""
        verdict = host_verdict(host, self.dns.get(host), self.offline, self.s.allow_private)
        if verdict:
            raise _Answer(*verdict)

    # -- one link ------------------------------------------------------------------------------
    async def _check(self, url: str) -> LinkResult:
        chain: list[tuple[int, str]] = []
        current, seen = url, {url}
        try:
            for _ in range(self.s.max_redirects + 1):
                self._guard(current)
                code, headers, body = await self._fetch(current)
                location = headers.get("location")
                if 300 <= code < 400 and location:
                    nxt = urljoin(current, location)
                    chain.append((code, nxt))
                    if nxt in seen and not headers.get("set-cookie"):  # a cookie wall sends you back once
                        raise _Answer(LinkStatus.BROKEN, f"redirect loop: {' -> '.join([url] + [c[1] for c in chain])}", code)
                    seen.add(nxt)
                    refused = validate(nxt)
                    if refused:
                        raise _Answer(*refused, code)
                    host = urlsplit(nxt).hostname
                    if host and host not in self.dns:
                        self.dns[host] = await lookup(host, self.s.connect_timeout, self.resolver)
                    current = nxt
                    continue
                break
            else:
                raise _Answer(LinkStatus.BROKEN, f"more than {self.s.max_redirects} redirects", chain[-1][0])
        except _Answer as verdict:
            return LinkResult(url, verdict.status, verdict.http_status, current if chain else None, verdict.reason,
                              tuple(chain), any(c in (301, 308) for c, _ in chain))
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

    async def _fetch(self, url: str) -> tuple[int, httpx.Headers, str]:
        """One URL, no redirects: HEAD first, GET when HEAD is refused or unreliable, with retries."""
        host = urlsplit(url).hostname or ""
        lock = self._host_lock(host)
        # HEAD first, unless soft-404 checks need the page anyway: then one bounded GET replaces
        # HEAD + GET (half the requests, and the server sees one visit per link).
        method, attempt = ("GET" if self.s.soft_404 else "HEAD"), 0
        while True:
            try:
                async with lock:
                    pause = self.host_pause.get(host, 0) - time.monotonic()
                    if pause > 0:  # waited under the lock, so requests queued on it wait too
                        await asyncio.sleep(pause)
                    code, headers, body = await self._request(method, url)
            except httpx.HTTPError as exc:
                status, reason, transient = classify_error(exc)
                if transient and attempt < self.s.retries:
                    attempt += 1
                    await asyncio.sleep(self._backoff(attempt))
                    continue
                raise _Answer(status, reason + (f" (after {attempt + 1} attempts)" if attempt else "")) from None
            if code == 429 or (code == 503 and headers.get("retry-after")):
                delay = retry_after_seconds(headers.get("retry-after"))
                delay = self._backoff(attempt + 1) if delay is None else delay
                host_limits_us = self._note_answer(host, limited=True)
                if delay > self.s.retry_after_cap or attempt >= self.s.retries:
                    if code == 429:
                        raise _Answer(LinkStatus.BLOCKED, f"rate-limited (429); Retry-After {delay:g}s "
                                      f"{'exceeds the cap' if delay > self.s.retry_after_cap else 'after retries'}; not dead", 429)
                    return code, headers, body
                attempt += 1
                if host_limits_us:
                    self.host_pause[host] = max(self.host_pause.get(host, 0), time.monotonic() + delay)
                else:
                    await asyncio.sleep(delay)
                continue
            self._note_answer(host, limited=False)
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

    async def _request(self, method: str, url: str) -> tuple[int, httpx.Headers, str]:
        """Send one request; read at most max_body_bytes of the body, and only for GET."""
        async with self.client.stream(method, url) as response:
            chunks, size = [], 0
            if method == "GET" and not (300 <= response.status_code < 400):
                # Raw bytes, decoded by decode_body within the limit: httpx would inflate a whole
                # compressed chunk at once, and a 200 kB gzip bomb is 200 MB of memory.
                async for chunk in response.aiter_raw():
                    chunks.append(chunk)
                    size += len(chunk)
                    if size >= self.s.max_body_bytes:
                        break  # closing the stream drops the rest: a gigabyte body is never read
            body = decode_body(b"".join(chunks), response.headers.get("content-encoding"), response.charset_encoding,
                               self.s.max_body_bytes)
            return response.status_code, response.headers, body

    def _host_lock(self, host: str) -> asyncio.Semaphore:
        """The host's concurrency limit: links.hosts for it or a parent domain, else per_host."""
        if host not in self.host_locks:
            labels = host.split(".")
            limit = next((self.s.hosts[d] for d in (".".join(labels[i:]) for i in range(len(labels)))
                          if d in self.s.hosts), self.s.per_host)
            self.host_locks[host] = asyncio.Semaphore(limit)
        return self.host_locks[host]

    def _note_answer(self, host: str, limited: bool) -> bool:
        """Record one answer; True when most of the host's recent answers were 429s.

        A host that rate-limits us answers 429 to nearly everything, and all of it waits for
        Retry-After (RFC 6585). A lone 429 among pages that load holds back only its own retry: a
        whole-host pause for each made 1,000 links with 40 scattered 429s take 18.6 s, not 3.9 s.
        """
        answers = self.recent.setdefault(host, collections.deque(maxlen=RECENT_ANSWERS))
        answers.append(limited)
        return sum(answers) * 2 > len(answers)

    def _backoff(self, attempt: int) -> float:
        base = self.s.backoff * (2 ** (attempt - 1))
        return base / 2 + random.uniform(0, base / 2)  # "equal jitter": spreads retries, keeps a floor

    async def _sibling_body(self, url: str) -> str | None:
        """What the site serves for a URL beside this one that cannot exist (memoised per folder)."""
        parts = urlsplit(url)
        folder = parts.path.rsplit("/", 1)[0] + "/"
        key = f"{parts.scheme}://{parts.netloc}{folder}"
        if key not in self.siblings:  # one probe per folder, shared by every link that asks at once
            self.siblings[key] = asyncio.ensure_future(self._probe(f"{key}claimcheck-{random.getrandbits(64):016x}"))
        return await self.siblings[key]

    async def _probe(self, url: str) -> str | None:
        try:
            async with self._host_lock(urlsplit(url).hostname or ""):
                code, _, body = await self._request("GET", url)
            return body if 200 <= code < 300 else None
        except httpx.HTTPError:
            return None

    async def _suggest_archives(self, results: dict[str, LinkResult], targets: dict[str, list[LinkRef]]) -> None:
        """For broken links, the Wayback Machine snapshot nearest the citation's date."""
        polite = self._host_lock(urlsplit(self.s.archive_api).hostname or "")  # one host answers them all

        async def nearest(url: str) -> None:
            when = next((ref.date for ref in targets.get(url, []) if ref.date), None)
            params = {"url": url, **({"timestamp": re.sub(r"\D", "", when)[:8]} if when else {})}
            try:
                async with polite:
                    response = await self.client.get(self.s.archive_api, params=params)
                closest = response.json().get("archived_snapshots", {}).get("closest") or {}
            except (httpx.HTTPError, ValueError, AttributeError):
                return
            if closest.get("available") and closest.get("url"):
                results[url] = replace(results[url], archive_url=closest["url"])

        await asyncio.gather(*(nearest(u) for u, r in list(results.items()) if r.status is LinkStatus.BROKEN))
