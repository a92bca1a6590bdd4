"""Findings and their fingerprints: the one place a Report's findings are listed and named.

A fingerprint is a hash of what a finding is about, never of where it sits:

    conflict   its kind and, per side, the document and the figure as read (bound, interval, unit;
               for a dated fact its predicate, object, place and time)
    citation   the document, the flag and the footnote's content (URLs, authors, title, publisher,
               date); its number only for flags about numbering (orphan-marker, numbering-gap)
    link       the URL and its status: a 403 someone accepted that turns into a 404 is new
    skip       the unread file
    fault      a part of the run that raised: its stage, what it held and the documents involved

`Finding.where` names the finding's documents the same way (a conflict's joined by ", "), for
people and for telling a stale baseline entry from one this run did not look at.

Lines, offsets, footnote numbers, claim and group ids, messages and the other articles of a scan
are left out, so a fingerprint survives re-runs, moved paragraphs, a renumbered endnote list and
unrelated edits; it changes when the figure, the URL or the footnote does. Document paths are
taken relative to `root` (the baseline's folder, or the current one), so the same files scanned
from another folder or by another path keep their fingerprints.

A new kind of finding is one more function in `FINDING_KINDS`: (Report, doc_key) -> Findings,
each built with `fingerprint("kind", ...parts)`.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from ..model import Claim, Finding, LinkStatus, Report

DocKey = Callable[[str], str]  # a document's path -> the stable name fingerprints use
_NUMBERING_FLAGS = {"orphan-marker", "numbering-gap"}
# Links that say nothing about the article: fine, or left unchecked on purpose.
NOT_FINDINGS = {LinkStatus.OK, LinkStatus.SKIPPED}


def fingerprint(kind: str, *parts: object) -> str:
    """20 hex digits of SHA-256 over the kind and its parts, written as canonical JSON."""
    data = json.dumps([kind, *parts], ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:20]


def doc_keys(root: Path | None = None) -> DocKey:
    """Paths as fingerprints name them: relative to `root` (default: the current folder), '/'-separated."""
    base = os.path.abspath(root or Path.cwd())

    def key(path: str) -> str:
        if not path or path == "-":
            return path
        return Path(os.path.relpath(os.path.abspath(path), base)).as_posix()

    return key


def _num(x: float | None) -> str | None:
    return None if x is None else f"{x:.10g}"  # 1e6 and 1000000.0 read alike


def _figure(c: Claim, doc_key: DocKey) -> list:
    """A claim as what it says, not where it stands."""
    if c.kind == "fact":
        return [doc_key(c.path or c.doc), "fact", c.predicate, c.object, c.place, c.time]
    return [doc_key(c.path or c.doc), c.kind.value, c.bound.value if c.bound else None, _num(c.value), _num(c.low),
            _num(c.high), c.unit]


def conflict_findings(report: Report, doc_key: DocKey) -> Iterable[Finding]:
    claims = {c.id: c for c in report.claims}
    for c in report.conflicts:
        sides = [claims[i] for i in c.claims if i in claims]
        figures = sorted((_figure(s, doc_key) for s in sides), key=json.dumps)
        where = sorted(dict.fromkeys(doc_key(s.path or s.doc) for s in sides))
        yield Finding(fingerprint("conflict", c.kind.value, figures), f"conflict:{c.id}", f"conflict/{c.kind.value}",
                      c.severity.value, c.reason, ", ".join(where),
                      tuple((s.path or s.doc, s.line) for s in sides))


def link_findings(report: Report, doc_key: DocKey) -> Iterable[Finding]:
    for r in sorted(report.links, key=lambda r: r.url):
        if r.status in NOT_FINDINGS:
            continue
        code = f" (HTTP {r.http_status})" if r.http_status else ""
        final = f" -> {r.final_url}" if r.final_url and r.final_url != r.url else ""
        message = f"{r.url}: {r.status.value}{code}: {r.reason}{final}".rstrip(": ")
        yield Finding(fingerprint("link", r.url, r.status.value), f"link:{r.url}", f"link/{r.status.value}",
                      r.status.value, message, doc_key(r.refs[0].path or r.refs[0].doc) if r.refs else r.url,
                      tuple((ref.path or ref.doc, ref.line) for ref in r.refs),
                      reviewable=r.status is not LinkStatus.UNVERIFIED)


def citation_findings(report: Report, doc_key: DocKey) -> Iterable[Finding]:
    paths = {(d.id, d.name): d.path for d in report.documents}
    for cite in report.citations:
        path = paths.get((cite.doc_id, cite.doc), cite.doc)
        content = [list(cite.urls), cite.authors, cite.title, cite.publisher, cite.date]
        details = "; ".join(cite.notes)
        for flag in cite.flags:
            about = [*content, cite.number] if flag in _NUMBERING_FLAGS else content
            yield Finding(fingerprint("citation", doc_key(path), flag, about),
                          f"citation:{cite.doc_id or cite.doc}:{cite.number}:{flag}", f"citation/{flag}", flag,
                          f"footnote {cite.number}: {flag}" + (f" ({details})" if details else ""), doc_key(path),
                          ((path, cite.line),))


def skip_findings(report: Report, doc_key: DocKey) -> Iterable[Finding]:
    for s in report.skipped:
        rule = "input/error" if s.error else "input/skipped"
        yield Finding(fingerprint("skip", doc_key(s.path), rule), f"skip:{s.path}", rule, "skipped",
                      f"{s.path}: {s.reason}", doc_key(s.path), ((s.path, 1),))


NOT_CHECKED = "input/not-checked"  # a part of the run that raised (Report.faults): the run is incomplete


def fault_findings(report: Report, doc_key: DocKey) -> Iterable[Finding]:
    """A part that raised: never reviewable, since a baseline must not hide that something went unchecked."""
    for f in report.faults:
        where = ", ".join(doc_key(d) for d in f.documents)
        yield Finding(fingerprint("fault", f.stage, f.part, [doc_key(d) for d in f.documents]),
                      f"fault:{f.stage}:{f.part}", NOT_CHECKED, "not-checked", f.message, where,
                      tuple((d, 1) for d in f.documents), reviewable=False)


def scanned(report: Report, root: Path | None = None) -> set[str]:
    """The documents this report read (or tried to), named as `Finding.where` names them."""
    doc_key = doc_keys(root)
    paths = [d.path for d in report.documents] + [s.path for s in report.skipped]
    if not report.documents:  # a reconciled ledger: its claims name their documents
        paths += [c.path or c.doc for c in report.claims]
    return {doc_key(p) for p in paths}


FINDING_KINDS: list[Callable[[Report, DocKey], Iterable[Finding]]] = [
    conflict_findings, link_findings, citation_findings, skip_findings, fault_findings]


def findings(report: Report, root: Path | None = None) -> tuple[Finding, ...]:
    """Every finding of the report, each with a fingerprint unique within it.

    Two findings about the same thing (two identical footnotes without a URL in one article) get
    "#2", "#3" folded into the later ones' fingerprints, in document order.
    """
    doc_key = doc_keys(root)
    out: list[Finding] = []
    seen: dict[str, int] = {}
    for kind in FINDING_KINDS:
        for f in kind(report, doc_key):
            n = seen[f.fingerprint] = seen.get(f.fingerprint, 0) + 1
            if n > 1:
                f = dataclasses.replace(f, fingerprint=fingerprint("again", f.fingerprint, n))
            out.append(f)
    return tuple(out)
