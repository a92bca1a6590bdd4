"""Markdown for a pull-request comment: conflicts, problem links, citation flags, agreeing groups,
and every claim (folded). Article text and server answers are escaped: they never become links,
images, HTML or table cells of their own."""
from __future__ import annotations

import re

from ..model import LinkStatus, Report, Review, Severity
from .excerpt import Index, clean, excerpt, footnote_words

GOOD = {LinkStatus.OK, LinkStatus.SKIPPED}
_MD_SPECIAL = re.compile(r"([\\`*_\[\]!|~])")
_URL_UNSAFE = re.compile(r"[^A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]")


def md(text: str) -> str:
    """Plain text inside markdown: one line, HTML entities, markdown punctuation backslashed."""
    text = clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def md_url(url: str) -> str:
    """A URL as an autolink that nothing in it can end early: unsafe characters percent-encoded."""
    safe = _URL_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), url)
    return f"<{safe}>" if safe.lower().startswith(("http://", "https://")) else f"`{md(url)}`"


def markdown(report: Report) -> str:
    from ..gate import review_of, without_reviewed
    from .review import review_markdown

    index = Index(report)
    full, report = report, without_reviewed(report)  # reviewed findings are folded in the review section
    review = review_of(full)
    lines = ["# claimcheck report", ""]
    if report.network_note:
        lines += [f"> {md(report.network_note)}", ""]
    for note in (*(f"Not checked: {f.message}" for f in report.faults), *report.warnings):  # an incomplete run says so
        lines += [f"> {md(note)}", ""]
    lines += _conflicts(report, index)
    lines += _links(full, review)
    flagged = [c for c in report.citations if c.flags]
    if flagged:
        paths = {d.id: d.path for d in report.documents}
        lines += ["## Citation audit", "", "| where | note | flags | details |", "| --- | --- | --- | --- |"]
        for c in flagged:
            lines.append(f"| {md(paths.get(c.doc_id or c.doc, c.doc) + f':{c.line}')} | {c.number} | {', '.join(c.flags)} | {md('; '.join(c.notes))} |")
        lines.append("")
    agreeing = [g for g in report.groups if g.agrees]
    if agreeing:
        lines += ["## Groups that agree", ""]
        for g in agreeing:
            quotes = ", ".join(dict.fromkeys(md(index.claims[c].quote) for c in g.claims if c in index.claims))
            lines.append(f"- **{md(g.label)}**: {quotes}" + (f" ({md(g.evidence)})" if g.evidence else ""))
        lines.append("")
    lines += review_markdown(review)
    lines += _claims(report)
    return "\n".join(lines).rstrip("\n") + "\n"


def _links(report: Report, review: Review) -> list[str]:
    """Every link, problems first; a link the baseline marks reviewed is listed as such, after the new ones."""
    if not report.links:
        return []

    def reviewed(url: str) -> bool:
        v = review.verdict(f"link:{url}")
        return v is not None and v.reviewed is not None

    out = ["## Links", "", "| status | URL | HTTP | where | reason |", "| --- | --- | --- | --- | --- |"]
    for r in sorted(report.links, key=lambda r: (r.status in GOOD, reviewed(r.url), r.status.value, r.url)):
        where = "; ".join(md(f"{ref.path or ref.doc}:{ref.line}") + (f" \\[{ref.footnote}\\]" if ref.footnote else "")
                          for ref in r.refs)
        status = r.status.value + (" (reviewed)" if reviewed(r.url) else "")
        out.append(f"| {status} | {md_url(r.url)} | {r.http_status or ''} | {where} | {md(r.reason)} |")
    problems = [r for r in report.links if r.status not in GOOD]
    settled = sum(reviewed(r.url) for r in problems)
    return [*out, "", f"{len(problems) - settled} of {len(report.links)} links need a look"
            + (f"; {settled} reviewed, listed under Review" if settled else "") + ".", ""]


def _conflicts(report: Report, index: Index) -> list[str]:
    if not report.reconciled:
        return ["_Reconciliation did not run: no groups or conflicts._", ""]
    if not report.conflicts:
        return ["No conflicts between claims.", ""]
    out = [f"## Conflicts ({len(report.conflicts)})", ""]
    order = {Severity.CONTRADICTION: 0, Severity.NEAR_MISS: 1, Severity.POSSIBLE: 2}
    for c in sorted(report.conflicts, key=lambda c: (order[c.severity], c.id)):
        group = index.groups.get(c.group)
        out.append(f"### {c.severity.value}: {md(group.label if group else c.group)}")
        out.append("")
        for side in index.sides(c):
            e = excerpt(side.claim, text=side.text, marks=side.marks)
            extra = " · ".join(x for x in (md(f"source: {side.source}") if side.source else "", md(footnote_words(side))) if x)
            where = clean(side.where).replace("`", "'")
            out.append(f"- `{where}`: {md(e.before)}**{md(e.quote)}**{md(e.after)}" + (f" ({extra})" if extra else ""))
        out += ["", "Why: " + md(c.reason), ""]
    return out


def _claims(report: Report) -> list[str]:
    if not report.claims:
        return []
    out = ["<details><summary>All claims</summary>", "", "| where | quote | reads as | counts | time |",
           "| --- | --- | --- | --- | --- |"]
    for c in report.claims:
        reads = f"{c.low:g}-{c.high:g}" if c.bound is not None and c.bound.value == "range" and c.low is not None \
            and c.high is not None else (f"{c.bound.value} {c.value:g}" if c.bound is not None and c.value is not None else c.kind.value)
        out.append(f"| {md(f'{c.path or c.doc}:{c.line}')} | {md(c.quote)} | {md(reads + (' ' + c.unit if c.unit else ''))} "
                   f"| {md(c.subject)} | {md(c.time or '')} |")
    return [*out, "", "</details>", ""]
