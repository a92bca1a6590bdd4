"""Citations: endnote lists and in-text markers -> Notes -> audited Citations.

    footnotes.py  endnote lists, markers and URLs -> Notes (pure)
    audit.py      Notes -> Citations with flags; data/publishers.toml says who owns which domain
"""
from __future__ import annotations

from .audit import audit_citations, load_publishers
from .footnotes import find_urls, parse_notes

__all__ = ["audit_citations", "find_urls", "load_publishers", "parse_notes"]
