"""CI formats for link results and citation findings: markdown, github, junit, sarif.

Each points at the document and line where the URL is cited, so a reviewer lands on the footnote.
"""
from __future__ import annotations

import json
from xml.sax.saxutils import escape, quoteattr

from .. import PROJECT_URL, __version__
from ..model import LinkResult, LinkStatus, Report

GOOD = {LinkStatus.OK, LinkStatus.SKIPPED}
LEVEL = {LinkStatus.BROKEN: "error", LinkStatus.INVALID_URL: "error", LinkStatus.REDIRECTED: "note",
         LinkStatus.UNVERIFIED: "note"}


def _level(r: LinkResult) -> str:
    return LEVEL.get(r.status, "warning")


def _why(r: LinkResult) -> str:
    code = f" (HTTP {r.http_status})" if r.http_status else ""
    final = f" -> {r.final_url}" if r.final_url and r.final_url != r.url else ""
    return f"{r.status.value}{code}: {r.reason}{final}".strip()


def markdown(report: Report) -> str:
    lines = ["# claimcheck report", ""]
    if report.network_note:
        lines += [f"> {report.network_note}", ""]
    lines += ["| status | URL | HTTP | where | reason |", "| --- | --- | --- | --- | --- |"]
    for r in sorted(report.links, key=lambda r: (r.status.value, r.url)):
        where = "; ".join(f"{ref.doc}:{ref.line}" + (f" [{ref.footnote}]" if ref.footnote else "") for ref in r.refs)
        lines.append(f"| {r.status.value} | <{r.url}> | {r.http_status or ''} | {where} | {r.reason.replace('|', '/')} |")
    flagged = [c for c in report.citations if c.flags]
    if flagged:
        lines += ["", "## Citation audit", "", "| document | note | flags | details |", "| --- | --- | --- | --- |"]
        for c in flagged:
            lines.append(f"| {c.doc}:{c.line} | {c.number} | {', '.join(c.flags)} | {'; '.join(c.notes)} |")
    return "\n".join(lines) + "\n"


def github(report: Report) -> str:
    """GitHub Actions workflow commands: one annotation per problem link or flagged citation."""
    out = []
    for r in sorted(report.links, key=lambda r: r.url):
        if r.status in GOOD:
            continue
        for ref in r.refs or ():
            msg = f"{r.url} {_why(r)}".replace("%", "%25").replace("\n", "%0A")
            out.append(f"::{_level(r)} file={ref.path},line={ref.line},title=claimcheck link {r.status.value}::{msg}")
    paths = {d.name: d.path for d in report.documents}
    for c in report.citations:
        details = "; ".join(c.notes)
        for flag in c.flags:
            out.append(f"::warning file={paths.get(c.doc, c.doc)},line={c.line},title=claimcheck {flag}::"
                       f"footnote {c.number}: {flag}" + (f" ({details})" if details else ""))
    return "\n".join(out) + ("\n" if out else "")


def junit(report: Report) -> str:
    """One test case per link: failures for errors, skipped for unverified or skipped links."""
    cases = []
    failures = skipped = 0
    for r in sorted(report.links, key=lambda r: r.url):
        where = ", ".join(f"{ref.doc}:{ref.line}" for ref in r.refs)
        body = ""
        if r.status in (LinkStatus.SKIPPED, LinkStatus.UNVERIFIED):
            skipped += 1
            body = f"<skipped message={quoteattr(_why(r))}/>"
        elif r.status not in (LinkStatus.OK, LinkStatus.REDIRECTED):
            failures += 1
            body = f"<failure message={quoteattr(_why(r))} type={quoteattr(r.status.value)}>{escape(where)}</failure>"
        ms = (r.elapsed_ms or 0) / 1000
        cases.append(f'    <testcase classname="links" name={quoteattr(r.url)} time="{ms:.3f}">{body}</testcase>')
    head = (f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n  <testsuite name="claimcheck links" '
            f'tests="{len(cases)}" failures="{failures}" errors="0" skipped="{skipped}">')
    return "\n".join([head, *cases, "  </testsuite>", "</testsuites>"]) + "\n"


def sarif(report: Report) -> str:
    """SARIF 2.1.0: a code-scanning alert at the footnote's line for each problem link."""
    rules = sorted({r.status.value for r in report.links if r.status not in GOOD})
    results = []
    for r in sorted(report.links, key=lambda r: r.url):
        if r.status in GOOD:
            continue
        results.append({
            "ruleId": f"link/{r.status.value}", "level": _level(r),
            "message": {"text": f"{r.url}: {_why(r)}"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": ref.path},
                                                "region": {"startLine": ref.line}}} for ref in r.refs],
        })
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "claimcheck", "version": __version__, "informationUri": PROJECT_URL,
                                      "rules": [{"id": f"link/{s}", "shortDescription": {"text": f"cited link is {s}"}} for s in rules]}},
                  "results": results}],
    }
    return json.dumps(doc, indent=2) + "\n"
