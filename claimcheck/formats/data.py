"""Machine formats: the contract's JSON report and the JSON Lines claim ledger.

Written field by field (not `asdict`), so the contract's names stay stable whatever the model
grows, and every list is sorted so output diffs cleanly.
"""
from __future__ import annotations

import json

from ..model import Citation, Claim, Document, LinkResult, Report


def _num(x: float | None) -> float | int | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() and abs(x) < 2**53 else round(x, 6)


def claim_dict(c: Claim) -> dict:
    out = {
        "id": c.id, "doc": c.doc, "start": c.start, "end": c.end, "quote": c.quote, "kind": c.kind,
        "bound": c.bound, "value": _num(c.value), "low": _num(c.low), "high": _num(c.high), "unit": c.unit,
        "subject": c.subject, "place": c.place, "time": c.time, "source": c.source,
        "citations": list(c.citations), "sentence": c.sentence, "line": c.line,
    }
    if c.kind == "fact":
        out["predicate"], out["object"] = c.predicate, c.object
    if c.cited_in is not None:
        out["cited_in"] = c.cited_in
    if c.duplicate_of:
        out["duplicate_of"] = c.duplicate_of
    return out


def citation_dict(c: Citation) -> dict:
    return {"doc": c.doc, "number": c.number, "url": c.url, "urls": list(c.urls), "authors": c.authors,
            "title": c.title, "publisher": c.publisher, "date": c.date,
            "markers": [list(m) for m in c.markers], "flags": list(c.flags), "notes": list(c.notes),
            "line": c.line}


def link_dict(r: LinkResult) -> dict:
    return {"url": r.url, "status": r.status.value, "http_status": r.http_status, "final_url": r.final_url,
            "reason": r.reason, "redirects": [{"status": s, "location": loc} for s, loc in r.redirects],
            "permanent_redirect": r.permanent_redirect, "elapsed_ms": r.elapsed_ms, "from_cache": r.from_cache,
            "archive_url": r.archive_url,
            "cited_in": [{"doc": ref.doc, "line": ref.line, "footnote": ref.footnote} for ref in r.refs]}


def document_dict(d: Document) -> dict:
    return {"id": d.id, "path": d.path, "name": d.name, "format": d.format, "encoding": d.encoding,
            "chars": len(d.text), "warnings": list(d.warnings)}


def report_dict(report: Report) -> dict:
    return {
        "documents": [document_dict(d) for d in report.documents],
        "claims": [claim_dict(c) for c in report.claims],
        "groups": list(report.groups),
        "conflicts": list(report.conflicts),
        "citations": [citation_dict(c) for c in sorted(report.citations, key=lambda c: (c.doc, c.number))],
        "links": [link_dict(r) for r in sorted(report.links, key=lambda r: r.url)],
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
        "network": report.network_note,
    }


def report_json(report: Report) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"


def claims_jsonl(report: Report) -> str:
    return "".join(json.dumps(claim_dict(c), ensure_ascii=False) + "\n" for c in report.claims)
