"""Machine formats: the contract's JSON report and the JSON Lines claim ledger.

Written field by field (not `asdict`), so the contract's names stay stable whatever the model
grows, and every list is sorted so output diffs cleanly.
"""
from __future__ import annotations

import hashlib
import json
import math
import os

from ..model import Bound, Citation, Claim, Conflict, Document, Frame, Group, Kind, LinkResult, Report


def _num(x: float | None) -> float | int | None:
    """A figure for JSON; a non-finite one (which JSON cannot hold) is null, as an open end is."""
    if x is None or not math.isfinite(x):
        return None
    return int(x) if float(x).is_integer() and abs(x) < 2**53 else round(x, 6)


def claim_dict(c: Claim) -> dict:
    out = {
        "id": c.id, "doc": c.doc, "doc_id": c.doc_id, "path": c.path, "start": c.start, "end": c.end,
        "quote": c.quote, "kind": c.kind.value, "bound": c.bound.value if c.bound else None, "value": _num(c.value), "low": _num(c.low), "high": _num(c.high), "unit": c.unit,
        "subject": c.subject, "place": c.place, "time": c.time, "source": c.source,
        "citations": list(c.citations), "sentence": c.sentence, "line": c.line,
    }
    if c.frame is not None:
        f = c.frame
        out["frame"] = {"entity": f.entity, "event": f.event, "place": f.place, "time": f.time,
                        "scope": list(f.scope), "source": f.source, "proper": f.proper,
                        "concept": f.concept, "topic": f.topic, "topic_from": f.topic_from,
                        "place_from": f.place_from, "time_from": f.time_from, "concept_from": f.concept_from}
    if c.kind == "fact":
        out["predicate"], out["object"] = c.predicate, c.object
    if c.cited_in is not None:
        out["cited_in"] = c.cited_in
    if c.duplicate_of:
        out["duplicate_of"] = c.duplicate_of
    return out


def claim_from_dict(d: dict) -> Claim:
    """A ledger line back into a Claim (the inverse of `claim_dict`), for `claimcheck reconcile`."""
    frame = d.get("frame")
    doc = d["doc"]
    return Claim(
        id=d["id"], doc=doc, doc_id=d.get("doc_id") or doc.rsplit(".", 1)[0], path=d.get("path") or doc,
        start=d["start"], end=d["end"], quote=d["quote"], kind=Kind(d["kind"]),
        bound=Bound(d["bound"]) if d.get("bound") else None, value=d.get("value"), low=d.get("low"),
        high=d.get("high"), unit=d.get("unit"), subject=d.get("subject") or "", sentence=d.get("sentence") or "",
        citations=tuple(d.get("citations") or ()), place=d.get("place"), time=d.get("time"), source=d.get("source"),
        predicate=d.get("predicate"), object=d.get("object"), cited_in=d.get("cited_in"),
        duplicate_of=d.get("duplicate_of"), line=d.get("line", 1),
        frame=Frame(frame.get("entity"), frame.get("event"), frame.get("place"), frame.get("time"),
                    tuple(frame.get("scope") or ()), frame.get("source"), bool(frame.get("proper")),
                    frame.get("concept"), frame.get("topic"), frame.get("topic_from"), frame.get("place_from"),
                    frame.get("time_from"), frame.get("concept_from")) if frame else None,
    )


def group_dict(g: Group) -> dict:
    return {"id": g.id, "label": g.label, "key": g.key, "claims": list(g.claims), "kind": g.kind.value,
            "unit": g.unit, "low": _num(g.low), "high": _num(g.high), "sources": list(g.sources),
            "sources_differ": g.sources_differ, "agrees": g.agrees, "evidence": g.evidence}


def conflict_dict(c: Conflict) -> dict:
    return {"id": c.id, "group": c.group, "claims": list(c.claims), "kind": c.kind.value,
            "severity": c.severity.value, "reason": c.reason, "gap": _num(c.gap)}


def citation_dict(c: Citation) -> dict:
    return {"doc": c.doc, "doc_id": c.doc_id, "number": c.number, "url": c.url, "urls": list(c.urls), "authors": c.authors,
            "title": c.title, "publisher": c.publisher, "date": c.date,
            "markers": [list(m) for m in c.markers], "flags": list(c.flags), "notes": list(c.notes),
            "line": c.line}


def link_dict(r: LinkResult) -> dict:
    return {"url": r.url, "status": r.status.value, "http_status": r.http_status, "final_url": r.final_url,
            "reason": r.reason, "redirects": [{"status": s, "location": loc} for s, loc in r.redirects],
            "permanent_redirect": r.permanent_redirect, "elapsed_ms": r.elapsed_ms, "from_cache": r.from_cache,
            "archive_url": r.archive_url,
            "cited_in": [{"doc": ref.doc, "doc_id": ref.doc_id, "path": ref.path, "line": ref.line, "footnote": ref.footnote} for ref in r.refs]}


def text_sha256(text: str) -> str:
    """The fingerprint `claimcheck report` checks a document's text against before it shows it."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def document_dict(d: Document) -> dict:
    return {"id": d.id, "path": d.path, "name": d.name, "format": d.format, "encoding": d.encoding,
            "chars": len(d.text), "sha256": text_sha256(d.text), "warnings": list(d.warnings)}


def _folders(report: Report) -> dict:
    """`cwd`: where the documents' relative paths start; `root`: the folder the report was made
    from, holding that folder and every document named by an absolute path (the same folder unless
    the scan was given absolute paths elsewhere). `claimcheck report` shows no file outside `root`."""
    try:
        cwd = os.getcwd()
    except OSError:  # the folder was removed under the run
        return {"root": None}
    absolute = [d.path for d in report.documents if os.path.isabs(d.path)]
    root = os.path.commonpath([cwd, *absolute]) if absolute else cwd
    return {"root": root} if root == cwd else {"root": root, "cwd": cwd}


def report_dict(report: Report) -> dict:
    return {
        **_folders(report),  # so `claimcheck report` finds the documents from anywhere, and nothing else
        "documents": [document_dict(d) for d in report.documents],
        "claims": [claim_dict(c) for c in report.claims],
        "groups": [group_dict(g) for g in report.groups],
        "conflicts": [conflict_dict(c) for c in report.conflicts],
        "reconciled": report.reconciled,
        "citations": [citation_dict(c) for c in sorted(report.citations, key=lambda c: (c.doc_id, c.doc, c.number))],
        "links": [link_dict(r) for r in sorted(report.links, key=lambda r: r.url)],
        "skipped": [{"path": s.path, "reason": s.reason, "error": s.error} for s in report.skipped],
        "network": report.network_note,
        "faults": [{"stage": f.stage, "part": f.part, "documents": list(f.documents), "reason": f.reason,
                    "message": f.message} for f in report.faults],
        **review_dict(report),
    }


def review_dict(report: Report) -> dict:
    """Every finding with its fingerprint and the gate's verdict; the baseline and its stale entries."""
    from ..gate import review_of

    review = review_of(report)
    return {
        "findings": [{"fingerprint": v.finding.fingerprint, "key": v.finding.key, "rule": v.finding.rule,
                      "severity": v.finding.severity, "message": v.finding.message, "where": v.finding.where,
                      "locations": [{"path": p, "line": n} for p, n in v.finding.locations],
                      "fails": v.fails, "selected": v.selected,
                      "reviewed": None if v.reviewed is None else {"by": v.reviewed.by, "on": v.reviewed.on,
                                                                   "note": v.reviewed.note}}
                     for v in review.verdicts],
        "baseline": review.baseline,
        "stale": [{"fingerprint": e.fingerprint, "rule": e.rule, "where": e.where, "what": e.what, "by": e.by,
                   "on": e.on, "note": e.note} for e in review.stale],
        "fails": list(review.reasons),
    }


def report_json(report: Report) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"


def claims_jsonl(report: Report) -> str:
    return "".join(json.dumps(claim_dict(c), ensure_ascii=False) + "\n" for c in report.claims)
