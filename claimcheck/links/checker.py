"""Link checking: cited URLs -> LinkResults, in four steps a reader can follow in `Checker.run`:

1. **Settle what needs no network** (`_settle`): malformed URLs, other schemes and include/exclude
   patterns get their verdict, fresh cache entries are reused; the rest is grouped by page (a page
   cited at several #anchors is fetched once).
2. **Look up every host** (`resolve.resolve_all`), with the probes that tell "no network" from
   "dead domain".
3. **Fan out** (`_fan_out`): a page whose host is refused (unresolvable, offline, a private or
   metadata address) is settled at once; the others go to `fetch.Fetcher`, `concurrency` at a time,
   folders taking turns and rate-limited folders first (`WorkQueue`), so a section's Retry-After
   wait overlaps the rest of the run instead of being added to its end.
   httpx and aiohttp are imported only when something is fetched, so an offline run never loads them.
4. **Archive lookups** (`_suggest_archives`) for broken links, when asked for; then the cache is saved.
"""
from __future__ import annotations

import asyncio
import sys
import types
from collections import deque
from collections.abc import Callable
from dataclasses import replace
from itertools import chain, zip_longest
from typing import TYPE_CHECKING, Generic, TypeVar
from urllib.parse import urldefrag

from ..config import LinkSettings
from ..model import CheckOutcome, LinkRef, LinkResult, LinkStatus
from .policy import Patterns, folder_of, host_verdict, offline_note, url_host, validate
from .resolve import PROBE_HOSTS, Answer, Resolver, resolve_all

if TYPE_CHECKING:
    from .cache import LinkCache
    from .fetch import Fetcher

Progress = Callable[[str, int, int], None]  # (stage, done, total)
T = TypeVar("T")


def check_links(targets: dict[str, list[LinkRef]], settings: LinkSettings, progress: Progress | None = None,
                probe_hosts: tuple[str, ...] = PROBE_HOSTS, resolver: Resolver | None = None) -> CheckOutcome:
    """Check every URL (with where it is cited) and return one LinkResult per URL, in the order given.

    URLs matching a `settings.ignore` pattern are left out: not checked, and no result.
    """
    if settings.ignore:
        from .policy import compile_pattern

        ignore = [compile_pattern(p) for p in settings.ignore]
        targets = {url: refs for url, refs in targets.items() if not any(p.search(url) for p in ignore)}
    return asyncio.run(Checker(settings, progress, probe_hosts, resolver).run(targets))


class Checker:
    """One run: its settings, the host lookups, and the Fetcher once something is to be fetched."""

    def __init__(self, settings: LinkSettings, progress: Progress | None = None,
                 probe_hosts: tuple[str, ...] = PROBE_HOSTS, resolver: Resolver | None = None) -> None:
        self.s = settings
        self.progress = progress
        self.probe_hosts = probe_hosts
        self.resolver = resolver
        self.dns: dict[str, Answer] = {}
        self.offline = False
        self.fetcher: Fetcher | None = None

    async def run(self, targets: dict[str, list[LinkRef]]) -> CheckOutcome:
        cache, cache_note = self._open_cache()
        results, pages = self._settle(targets, cache)
        names = sorted({url_host(page) for page in pages})
        self.dns, self.offline = await resolve_all(names, self.s.connect_timeout, self.probe_hosts, self.resolver)
        try:
            await self._fan_out(pages, results)
            if self.s.suggest_archive:
                await self._suggest_archives(results, targets)
        finally:
            if self.fetcher is not None:
                await self.fetcher.aclose()
        out = [replace(results[url], refs=tuple(refs)) for url, refs in targets.items()]
        if cache:
            cache_note = cache.save(out)
        note = offline_note(self.probe_hosts) if self.offline else None
        return CheckOutcome(tuple(out), note, tuple(filter(None, [cache_note])))

    def _open_cache(self) -> tuple[LinkCache | None, str | None]:
        if not self.s.cache:
            return None, None
        from .cache import open_cache

        return open_cache(self.s.cache_path, self.s.cache_max_age)

    def _settle(self, targets: dict[str, list[LinkRef]], cache: LinkCache | None
                ) -> tuple[dict[str, LinkResult], dict[str, list[str]]]:
        """Verdicts that need no network, and the pages left to fetch (page -> the URLs citing it)."""
        patterns = Patterns(self.s.include, self.s.exclude)
        results: dict[str, LinkResult] = {}
        pages: dict[str, list[str]] = {}
        for url in targets:
            verdict = validate(url) or patterns.verdict(url)
            cached = cache.get(url) if cache and verdict is None else None
            if verdict:
                results[url] = LinkResult(url, verdict[0], reason=verdict[1])
            elif cached:
                results[url] = cached
            else:
                pages.setdefault(urldefrag(url).url, []).append(url)
        return results, pages

    async def _fan_out(self, pages: dict[str, list[str]], results: dict[str, LinkResult]) -> None:
        """Every page's result, for each URL that cites it; `concurrency` checks at a time."""
        total, done = sum(map(len, pages.values())), 0

        def settle(urls: list[str], result: LinkResult) -> None:
            nonlocal done
            for url in urls:
                results[url] = replace(result, url=url)
            done += len(urls)
            if self.progress:
                self.progress("links", done, total)

        to_fetch = []
        for page, urls in pages.items():
            refused = self._refused(page)
            if refused:
                settle(urls, LinkResult(page, refused[0], reason=refused[1], elapsed_ms=0))
            else:
                to_fetch.append((page, urls))
        if not to_fetch:
            return
        queue = WorkQueue(to_fetch)
        fetcher = self._fetcher()
        fetcher.on_retry_after = queue.hurry

        async def worker() -> None:
            while (item := queue.pop()) is not None:
                settle(item[1], await fetcher.check(item[0]))

        await asyncio.gather(*(worker() for _ in range(min(self.s.concurrency, len(to_fetch)))))

    def _refused(self, page: str) -> tuple[LinkStatus, str] | None:
        """The first hop's guard, before any client exists: offline, dead domains, private addresses."""
        host = url_host(page)
        return host_verdict(host, self.dns.get(host), self.offline, self.s.allow_private, self.s.allow_addresses)

    def _fetcher(self) -> Fetcher:
        if self.fetcher is None:
            _without_httpx_cli()
            _aiohttp_ca_on_a_thread()
            from .fetch import Fetcher  # httpx and aiohttp: only when something is fetched

            self.fetcher = Fetcher(self.s, self.dns, self.offline, self.resolver)
        return self.fetcher

    async def _suggest_archives(self, results: dict[str, LinkResult], targets: dict[str, list[LinkRef]]) -> None:
        """For broken links, the Wayback Machine snapshot nearest the citation's date."""
        broken = [url for url, result in results.items() if result.status is LinkStatus.BROKEN]
        if not broken:
            return
        fetcher = self._fetcher()

        async def nearest(url: str) -> None:
            when = next((ref.date for ref in targets.get(url, []) if ref.date), None)
            snapshot = await fetcher.archive_snapshot(url, when)
            if snapshot:
                results[url] = replace(results[url], archive_url=snapshot)

        await asyncio.gather(*(nearest(url) for url in broken))


class WorkQueue(Generic[T]):
    """The pages in the order they are fetched: each folder (scheme, host, path up to its last /) in
    turn, and a folder that answers with a Retry-After wait (429) ahead of the rest.

    Taking turns sends a folder's first link in the first wave, whatever its place in the document;
    what a site does to a whole section (429s with Retry-After, a slow backend, the soft-404 probe)
    is met at the start, and its wait overlaps the other folders' requests rather than trailing
    them. When a folder answers 429, its other links are likely to wait too: `hurry` moves them
    ahead, so their waits start sooner. They go one in every HURRY_EVERY pages, not all at once:
    a burst of them (or one in two or three) comes back as a run of 429s, which the fetcher reads
    as the whole host rate-limiting us (fetch.Hosts.note_answer), pausing every folder of it for
    the Retry-After (seen: 2 bench runs in 8, +0.35 s each, all at once; 1 in 8, +0.9 s, one in
    three). 1,000 links whose 40 rate-limited ones (Retry-After: 1) are cited last: 1.57 s of
    network time in document order, ~1.2 s this way. Within a folder the document's order is kept;
    with one link per folder (most articles) it is the document's order.
    """

    HURRY_EVERY = 4

    def __init__(self, pages: list[tuple[str, T]]) -> None:
        self.folders: dict[str, deque[tuple[str, T]]] = {}
        for item in pages:
            self.folders.setdefault(folder_of(item[0]), deque()).append(item)
        turns = zip_longest(*self.folders.values()) if 1 < len(self.folders) < len(pages) else ((p,) for p in pages)
        self.order = deque(item for item in chain.from_iterable(turns) if item is not None)
        self.urgent: deque[tuple[str, T]] = deque()
        self.taken: set[str] = set()
        self.hurried: set[str] = set()  # folders whose pages go through `urgent` only
        self.popped = 0

    def pop(self) -> tuple[str, T] | None:
        """The next page to fetch, or None when all have been handed out."""
        self.popped += 1
        sources = (self.urgent, self.order) if self.popped % self.HURRY_EVERY == 0 else (self.order, self.urgent)
        for source in sources:
            while source:
                item = source.popleft()
                if item[0] in self.taken or (source is self.order and folder_of(item[0]) in self.hurried):
                    continue  # sent already, or waiting in `urgent` for its turn
                self.taken.add(item[0])
                return item
        return None

    def hurry(self, url: str) -> None:
        """`url` answered 429 (or 503) with Retry-After: its folder's pending pages move ahead."""
        folder = folder_of(url)
        if folder in self.folders:
            self.hurried.add(folder)
            self.urgent.extend(self.folders.pop(folder))


def _aiohttp_ca_on_a_thread() -> None:
    """Import aiohttp without waiting for the CA store its import loads twice.

    aiohttp builds two default TLS contexts when it is imported, each loading the system CA store:
    35 ms holding the GIL, before the first request. The checker never uses them (https goes
    through certifi's context, transport.AiohttpTransport.tls), so the loads are set aside during
    the import and done on a daemon thread right after, where they fill the event loop's waits
    for the first answers. Until it finishes, those contexts trust nothing: code sharing the
    process that used them at once would fail closed, never open.
    """
    if "aiohttp" in sys.modules:
        return
    import ssl
    import threading

    deferred: list[ssl.SSLContext] = []
    own = ssl.SSLContext.__dict__.get("set_default_verify_paths")

    def later(context: ssl.SSLContext) -> None:
        deferred.append(context)

    ssl.SSLContext.set_default_verify_paths = later  # type: ignore[method-assign,assignment]
    try:
        import aiohttp.connector  # noqa: F401 - the import whose contexts are deferred
    finally:
        if own is None:
            del ssl.SSLContext.set_default_verify_paths
        else:
            ssl.SSLContext.set_default_verify_paths = own  # type: ignore[method-assign]

    def load() -> None:
        for context in deferred:
            context.set_default_verify_paths()

    threading.Thread(target=load, name="aiohttp CA store", daemon=True).start()


def _without_httpx_cli() -> None:
    """Let `import httpx` skip httpx's own command-line client, which the checker never runs.

    httpx imports it whenever click and pygments are installed (here they are, for other tools):
    click, pygments' lexers and four rich modules, 40-100 ms of a link check's start. A stand-in
    is registered only if httpx is not imported yet; `httpx.main` then says it is not loaded.
    """
    if "httpx" in sys.modules or "httpx._main" in sys.modules:
        return
    stand_in = types.ModuleType("httpx._main")

    def main() -> None:
        raise SystemExit("httpx's command line is not loaded in this process (claimcheck skipped it); run `httpx` itself")

    stand_in.main = main  # type: ignore[attr-defined]
    sys.modules["httpx._main"] = stand_in
