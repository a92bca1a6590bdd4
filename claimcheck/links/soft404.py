"""Soft 404s: pages that answer 200 but are not the page that was cited.

Three signs, each with its evidence: the title or first heading says "not found"; a deep link
landed on the site's home page or a login page; or the page is nearly identical (rapidfuzz) to
what the site serves for a random sibling URL that cannot exist, i.e. a catch-all.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

_NOT_FOUND = re.compile(
    r"\b(?:error\s*404|404\s*(?:error|[-–:|]|not\s+found|page)|not\s+found|page\s+(?:cannot|can't|could\s+not)\s+be\s+found|page\s+(?:does\s+not|doesn't)\s+exist|"
    r"no\s+longer\s+(?:available|exists)|page\s+(?:is\s+)?missing|nothing\s+(?:was\s+)?found|"
    r"we\s+couldn't\s+find|content\s+(?:is\s+)?unavailable)\b", re.IGNORECASE)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.IGNORECASE | re.DOTALL)
_LOGIN = re.compile(r"/(?:login|log-in|signin|sign-in|sign_in|auth|sso|account/login|users/sign_in)(?:[/?.]|$)", re.IGNORECASE)
SIMILAR = 90


def _text(fragment: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment)).strip()


def title_says_missing(body: str) -> str | None:
    """The title or first heading, when it says the page is missing."""
    for rx in (_TITLE, _H1):
        m = rx.search(body)
        if m and _NOT_FOUND.search(_text(m.group(1))):
            return f"{'title' if rx is _TITLE else 'heading'} says {_text(m.group(1))[:80]!r}"
    return None


def landed_elsewhere(url: str, final_url: str | None) -> str | None:
    """A deep link redirected to the home page or a login page."""
    if not final_url or final_url == url:
        return None
    start, end = urlsplit(url), urlsplit(final_url)
    if start.path.strip("/") and not end.path.strip("/") and not end.query:
        return f"deep link redirected to the home page {final_url}"
    if _LOGIN.search(end.path) and not _LOGIN.search(start.path):
        return f"redirected to a login page {final_url}"
    return None


def same_as_catch_all(body: str, sibling_body: str | None) -> str | None:
    """The page matches what the site serves for a URL that cannot exist."""
    if not sibling_body or not body:
        return None
    from rapidfuzz import fuzz

    score = fuzz.ratio(_text(body)[:4000], _text(sibling_body)[:4000])
    return f"page is {score:.0f}% identical to a random URL on the same site (catch-all)" if score >= SIMILAR else None
