"""Renderers: Report -> text. One module per family, one function per format, no printing except
`terminal`, which draws on a rich Console it is handed.

    data.py      json (the contract's report), jsonl (claims, one a line)
    ci.py        markdown, github (workflow annotations), junit, sarif (link results)
    terminal.py  the human summary with rich
"""
from __future__ import annotations

from collections.abc import Callable

from ..model import Report
from . import ci, data

# Every machine format; `scan` and `links` share them (the text report is drawn by terminal.py).
SCAN_FORMATS: dict[str, Callable[[Report], str]] = {
    "json": data.report_json,
    "jsonl": data.claims_jsonl,
    "markdown": ci.markdown,
    "github": ci.github,
    "junit": ci.junit,
    "sarif": ci.sarif,
}

__all__ = ["SCAN_FORMATS"]
