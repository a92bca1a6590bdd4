"""Formats CI systems read: GitHub workflow commands, JUnit XML and SARIF code-scanning alerts.

Each finding points at a document and line: a conflict at each of its sides, a citation flag at
its footnote, a link at every place it is cited. Data is escaped as each format requires, so
article text or a server's answer cannot add commands, break the XML or forge a location.
"""
from __future__ import annotations

import json
from xml.sax.saxutils import escape, quoteattr

from .. import PROJECT_URL, __version__
from ..model import Conflict, LinkResult, LinkStatus, Report, Severity
from .excerpt import Index, clean

GOOD = {LinkStatus.OK, LinkStatus.SKIPPED}
# GitHub has three annotation levels: notice, warning, error.
LINK_LEVEL = {LinkStatus.BROKEN: "error", LinkStatus.INVALID_URL: "error", LinkStatus.REDIRECTED: "notice",
              LinkStatus.UNVERIFIED: "notice"}
CONFLICT_LEVEL = {Severity.CONTRADICTION: "error", Severity.NEAR_MISS: "warning", Severity.POSSIBLE: "notice"}
SARIF_LEVEL = {"error": "error", "warning": "warning", "notice": "note"}


def _link_level(r: LinkResult) -> str:
    return LINK_LEVEL.get(r.status, "warning")


def why_link(r: LinkResult) -> str:
    code = f" (HTTP {r.http_status})" if r.http_status else ""
    final = f" -> {r.final_url}" if r.final_url and r.final_url != r.url else ""
    return f"{r.status.value}{code}: {r.reason}{final}".strip()


def gh_data(text: str) -> str:
    """A workflow command's message: %, CR and LF escaped, so it stays one command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def gh_property(text: str) -> str:
    """A workflow command's property value: also ':' and ',', which would end or split it."""
    return gh_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(level: str, path: str, line: int, title: str, message: str) -> str:
    return f"::{level} file={gh_property(path)},line={line},title={gh_property(title)}::{gh_data(message)}"


def github(report: Report) -> str:
    """GitHub Actions workflow commands: conflicts at each side, then links, then citation flags."""
    index = Index(report)
    out = []
    for c in report.conflicts:
        level = CONFLICT_LEVEL[c.severity]
        for side in index.sides(c):
            out.append(_command(level, side.claim.path or side.claim.doc, side.claim.line,
                                f"claimcheck {c.severity.value} ({c.kind.value})", c.reason))
    for r in sorted(report.links, key=lambda r: r.url):
        if r.status in GOOD:
            continue
        for ref in r.refs:
            out.append(_command(_link_level(r), ref.path, ref.line, f"claimcheck link {r.status.value}",
                                f"{r.url} {why_link(r)}"))
    paths = {(d.id, d.name): d.path for d in report.documents}
    for cite in report.citations:
        details = "; ".join(cite.notes)
        for flag in cite.flags:
            path = paths.get((cite.doc_id, cite.doc), cite.doc)
            out.append(_command("warning", path, cite.line, f"claimcheck {flag}",
                                f"footnote {cite.number}: {flag}" + (f" ({details})" if details else "")))
    return "\n".join(out) + ("\n" if out else "")


def _xml(text: str) -> str:
    return escape(clean(text))


def _attr(text: str) -> str:
    return quoteattr(clean(text))


def junit(report: Report) -> str:
    """Three suites: links (one case per URL), conflicts (one case per group) and citations (one per footnote)."""
    suites = [_links_suite(report), _conflicts_suite(report), _citations_suite(report)]
    return "\n".join(['<?xml version="1.0" encoding="UTF-8"?>', "<testsuites>", *suites, "</testsuites>"]) + "\n"


def _suite(name: str, cases: list[str], failures: int, skipped: int = 0) -> str:
    head = (f'  <testsuite name="{name}" tests="{len(cases)}" failures="{failures}" errors="0" '
            f'skipped="{skipped}">')
    return "\n".join([head, *cases, "  </testsuite>"])


def _links_suite(report: Report) -> str:
    cases, failures, skipped = [], 0, 0
    for r in sorted(report.links, key=lambda r: r.url):
        where = ", ".join(f"{ref.doc_id or ref.doc}:{ref.line}" for ref in r.refs)
        body = ""
        if r.status in (LinkStatus.SKIPPED, LinkStatus.UNVERIFIED):
            skipped += 1
            body = f"<skipped message={_attr(why_link(r))}/>"
        elif r.status not in (LinkStatus.OK, LinkStatus.REDIRECTED):
            failures += 1
            body = f"<failure message={_attr(why_link(r))} type={_attr(r.status.value)}>{_xml(where)}</failure>"
        ms = (r.elapsed_ms or 0) / 1000
        cases.append(f'    <testcase classname="links" name={_attr(r.url)} time="{ms:.3f}">{body}</testcase>')
    return _suite("claimcheck links", cases, failures, skipped)


def _conflicts_suite(report: Report) -> str:
    by_group: dict[str, list[Conflict]] = {}
    for c in report.conflicts:
        by_group.setdefault(c.group, []).append(c)
    cases, failures = [], 0
    for g in report.groups:
        found = by_group.get(g.id, [])
        body = ""
        if found:
            failures += 1
            worst = min(found, key=lambda c: c.severity is not Severity.CONTRADICTION)
            body = (f"<failure message={_attr(worst.reason)} type={_attr(worst.severity.value)}>"
                    f"{_xml(chr(10).join(c.reason for c in found))}</failure>")
        cases.append(f'    <testcase classname="conflicts" name={_attr(g.label)}>{body}</testcase>')
    return _suite("claimcheck conflicts", cases, failures)


def _citations_suite(report: Report) -> str:
    cases, failures = [], 0
    for c in report.citations:
        body = ""
        if c.flags:
            failures += 1
            body = f"<failure message={_attr(', '.join(c.flags))} type=\"citation\">{_xml('; '.join(c.notes))}</failure>"
        cases.append(f'    <testcase classname="citations" name={_attr(f"{c.doc_id or c.doc} footnote {c.number}")}>'
                     f"{body}</testcase>")
    return _suite("claimcheck citations", cases, failures)


def sarif(report: Report) -> str:
    """SARIF 2.1.0: one rule per finding kind (conflict/*, citation/*, link/*), results at their lines."""
    index = Index(report)
    results: list[dict] = []
    rules: dict[str, str] = {}
    for c in report.conflicts:
        rule = f"conflict/{c.kind.value}"
        rules[rule] = f"claims that cannot both hold ({c.kind.value})"
        locations = [_location(s.claim.path or s.claim.doc, s.claim.line) for s in index.sides(c)]
        results.append({"ruleId": rule, "level": SARIF_LEVEL[CONFLICT_LEVEL[c.severity]],
                        "message": {"text": clean(c.reason)}, "locations": locations[:1],
                        "relatedLocations": [dict(loc, id=i) for i, loc in enumerate(locations[1:], 1)],
                        "properties": {"severity": c.severity.value, "gap": c.gap, "group": c.group},
                        "partialFingerprints": {"claimcheck/v1": c.id}})
    for r in sorted(report.links, key=lambda r: r.url):
        if r.status in GOOD:
            continue
        rule = f"link/{r.status.value}"
        rules[rule] = f"cited link is {r.status.value}"
        results.append({"ruleId": rule, "level": SARIF_LEVEL[_link_level(r)],
                        "message": {"text": clean(f"{r.url}: {why_link(r)}")},
                        "locations": [_location(ref.path, ref.line) for ref in r.refs]})
    paths = {(d.id, d.name): d.path for d in report.documents}
    for cite in report.citations:
        for flag in cite.flags:
            rule = f"citation/{flag}"
            rules[rule] = f"footnote audit: {flag}"
            results.append({"ruleId": rule, "level": "warning",
                            "message": {"text": clean(f"footnote {cite.number}: {flag}; {'; '.join(cite.notes)}".rstrip("; "))},
                            "locations": [_location(paths.get((cite.doc_id, cite.doc), cite.doc), cite.line)]})
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "claimcheck", "version": __version__, "informationUri": PROJECT_URL,
                                      "rules": [{"id": k, "shortDescription": {"text": v}} for k, v in sorted(rules.items())]}},
                  "results": results}],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _location(path: str, line: int) -> dict:
    return {"physicalLocation": {"artifactLocation": {"uri": path}, "region": {"startLine": line}}}
