"""Links: cited URLs -> LinkResults.

    checker.py  the asynchronous checker (the only httpx import)
    policy.py   pure verdicts: statuses, include/exclude, private addresses, Retry-After, bodies
    resolve.py  name lookups off the event loop, and the no-network probe
    cache.py    the SQLite result cache
    soft404.py  pages that say 200 but mean "not found"

`check_links` is imported on first use, so reading `links.policy` does not pull in httpx.
"""
from __future__ import annotations

from typing import Any

__all__ = ["check_links"]


def __getattr__(name: str) -> Any:
    if name == "check_links":
        from .checker import check_links

        return check_links
    raise AttributeError(name)
