"""Link checking: cited URLs -> LinkResults, in four steps a reader can follow in `Checker.run`:

1. **Settle what needs no network** (`_settle`): malformed URLs, other schemes and include/exclude
   patterns get their verdict, fresh cache entries are reused; the rest is grouped by page (a page
   cited at several #anchors is fetched once).
2. **Look up every host** (`resolve.resolve_all`), with the probes that tell "no network" from
   "dead domain".
3. **Fan out** (`_fan_out`): a page whose host is refused (unresolvable, offline, a private or
   metadata address) is settled at once; the others go to `fetch.Fetcher`, `concurrency` at a time.
   httpx and aiohttp are imported only when something is fetched, so an offline run never loads them.
4. **Archive lookups** (`_suggest_archives`) for broken links, when asked for; then the cache is saved.
"""
from __future__ import annotations

import asyncio
import sys
import types
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING
from urllib.parse import urldefrag

from ..config import LinkSettings
from ..model import CheckOutcome, LinkRef, LinkResult, LinkStatus
from .policy import Patterns, host_verdict, offline_note, url_host, validate
from .resolve import PROBE_HOSTS, Answer, Resolver, resolve_all

if TYPE_CHECKING:
    from .cache import LinkCache
    from .fetch import Fetcher

Progress = Callable[[str, int, int], None]  # (stage, done, total)


def check_links(targets: dict[str, list[LinkRef]], settings: LinkSettings, progress: Progress | None = None,
                probe_hosts: tuple[str, ...] = PROBE_HOSTS, resolver: Resolver | None = None) -> CheckOutcome:
    """Check every URL (with where it is cited) and return one LinkResult per URL, in the order given."""
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
        slots = asyncio.Semaphore(self.s.concurrency)

        def settle(urls: list[str], result: LinkResult) -> None:
            nonlocal done
            for url in urls:
                results[url] = replace(result, url=url)
            done += len(urls)
            if self.progress:
                self.progress("links", done, total)

        async def one(page: str, urls: list[str], fetcher: Fetcher) -> None:
            async with slots:
                settle(urls, await fetcher.check(page))

        to_fetch = []
        for page, urls in pages.items():
            refused = self._refused(page)
            if refused:
                settle(urls, LinkResult(page, refused[0], reason=refused[1], elapsed_ms=0))
            else:
                to_fetch.append((page, urls))
        if to_fetch:
            fetcher = self._fetcher()
            await asyncio.gather(*(one(page, urls, fetcher) for page, urls in to_fetch))

    def _refused(self, page: str) -> tuple[LinkStatus, str] | None:
        """The first hop's guard, before any client exists: offline, dead domains, private addresses."""
        host = url_host(page)
        return host_verdict(host, self.dns.get(host), self.offline, self.s.allow_private, self.s.allow_addresses)

    def _fetcher(self) -> Fetcher:
        if self.fetcher is None:
            _without_httpx_cli()
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
