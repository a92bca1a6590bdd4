"""Links: cited URLs -> LinkResults.

    checker.py    check_links: settle what needs no network, look up hosts, fan out, archive lookups
    fetch.py      one link hop by hop: guard, redirects, retries, rate limits, soft 404s (httpx)
    transport.py  httpx's client over aiohttp, connecting only to vetted addresses (aiohttp)
    policy.py     pure verdicts: URLs, addresses, include/exclude (RE2), statuses, Retry-After, bodies
    resolve.py    name lookups off the event loop, and the no-network probe
    cache.py      the SQLite result cache
    soft404.py    pages that say 200 but mean "not found"

`check_links` is imported on first use, and httpx and aiohttp only when something is fetched, so
reading `links.policy` (the configuration does) pulls in neither.
"""
from __future__ import annotations

from typing import Any

__all__ = ["check_links"]


def __getattr__(name: str) -> Any:
    if name == "check_links":
        from .checker import check_links

        return check_links
    raise AttributeError(name)
