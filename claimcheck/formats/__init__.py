"""Renderers: Report -> text. One module per family, one function per format, no printing except
`terminal`, which draws on a rich Console it is handed.

    data.py         json (the contract's report), jsonl (claims, one a line)
    markdown.py     a pull-request comment
    ci.py           github (workflow commands), junit, sarif
    terminal.py     the human report with rich (terminal_findings.py draws conflicts and groups)
    html.py         the reviewer's self-contained page
    excerpt.py      what renderers share: a claim in its sentence, its footnote, its link
"""
from __future__ import annotations

from collections.abc import Callable

from ..model import Report
from . import ci, data, markdown

# Every machine format; `scan` and `links` share them (the text report is drawn by terminal.py).
SCAN_FORMATS: dict[str, Callable[[Report], str]] = {
    "json": data.report_json,
    "jsonl": data.claims_jsonl,
    "markdown": markdown.markdown,
    "github": ci.github,
    "junit": ci.junit,
    "sarif": ci.sarif,
}

__all__ = ["SCAN_FORMATS"]
