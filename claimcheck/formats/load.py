"""A saved JSON report back into a Report: the inverse of `data.report_dict`, for `claimcheck report`.

The JSON report does not carry the documents' text. It is read again from each document's path
(as written, then relative to the report's folder) and kept only when it is the text the offsets
were taken from: the same length, and every claim's quote where its offsets say. Otherwise the
document keeps an empty text and the Report says why in `warnings`.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from ..errors import DocumentError, UsageError
from ..model import (
    Citation,
    Claim,
    Conflict,
    ConflictKind,
    Document,
    Fault,
    Group,
    Kind,
    LinkRef,
    LinkResult,
    LinkStatus,
    Report,
    Severity,
    Skipped,
)
from .data import claim_from_dict

__all__ = ["load_report", "report_from_dict"]


def _float(x: Any) -> float | None:
    """JSON numbers back to floats; null stays None (an open bound)."""
    if x is None:
        return None
    value = float(x)
    return None if math.isnan(value) else value


def group_from_dict(d: dict) -> Group:
    return Group(id=d["id"], label=d.get("label") or d["id"], key=d.get("key") or "", claims=tuple(d.get("claims") or ()),
                 kind=Kind(d.get("kind") or "count"), unit=d.get("unit"), low=_float(d.get("low")),
                 high=_float(d.get("high")), sources=tuple(d.get("sources") or ()),
                 sources_differ=bool(d.get("sources_differ")), agrees=bool(d.get("agrees", True)))


def conflict_from_dict(d: dict) -> Conflict:
    return Conflict(id=d["id"], group=d.get("group") or "", claims=tuple(d.get("claims") or ()),
                    kind=ConflictKind(d.get("kind") or "values"), severity=Severity(d.get("severity") or "contradiction"),
                    reason=d.get("reason") or "", gap=_float(d.get("gap")))


def citation_from_dict(d: dict) -> Citation:
    urls = d.get("urls")
    if urls is None:
        urls = [d["url"]] if d.get("url") else []
    return Citation(doc=d["doc"], number=d["number"], urls=tuple(urls), authors=d.get("authors"), title=d.get("title"),
                    publisher=d.get("publisher"), date=d.get("date"),
                    markers=tuple((int(m[0]), int(m[1])) for m in d.get("markers") or ()),
                    flags=tuple(d.get("flags") or ()), notes=tuple(d.get("notes") or ()), line=d.get("line", 1),
                    doc_id=d.get("doc_id") or "")


def link_from_dict(d: dict) -> LinkResult:
    refs = tuple(LinkRef(doc=r.get("doc", ""), path=r.get("path", ""), line=r.get("line", 1), footnote=r.get("footnote"),
                         doc_id=r.get("doc_id") or "") for r in d.get("cited_in") or ())
    return LinkResult(url=d["url"], status=LinkStatus(d["status"]), http_status=d.get("http_status"),
                      final_url=d.get("final_url"), reason=d.get("reason") or "",
                      redirects=tuple((r["status"], r["location"]) for r in d.get("redirects") or ()),
                      permanent_redirect=bool(d.get("permanent_redirect")), elapsed_ms=d.get("elapsed_ms"),
                      from_cache=bool(d.get("from_cache")), archive_url=d.get("archive_url"), refs=refs)


def _read_text(d: dict, claims: list[Claim], base: Path | None) -> tuple[str, tuple, str | None]:
    """The document's text and chrome spans, read again from disk, or ("", (), why not)."""
    from ..documents import read_document

    raw = d.get("path") or ""
    candidates = [Path(raw)] + ([base / raw] if base is not None and not Path(raw).is_absolute() else [])
    path = next((p for p in candidates if raw and p.is_file()), None)
    if path is None:
        return "", (), f"{raw or d.get('id')}: not found, so its text is not shown (the claims are)"
    try:
        doc = read_document(path)
    except DocumentError as exc:
        return "", (), f"{exc}; its text is not shown (the claims are)"
    stale = (d.get("chars") is not None and len(doc.text) != d["chars"]) or any(
        doc.text[c.start:c.end] != c.quote for c in claims)
    if stale:
        return "", (), f"{raw}: changed since the scan, so its text is not shown (the claims are)"
    return doc.text, doc.chrome, None


def report_from_dict(data: dict, base: Path | None = None) -> Report:
    """The contract's JSON report (as parsed) -> Report, documents' text read from their paths.

    `base` is the folder to try relative paths against when they do not resolve from the current one.
    """
    from ..ledger import claim_problem

    for n, record in enumerate(data.get("claims") or (), 1):  # the ledger's checks: a crafted report is refused
        problem = claim_problem(record)
        if problem:
            raise ValueError(f"claim {n}: {problem}")
    claims = [claim_from_dict(c) for c in data.get("claims") or ()]
    by_doc: dict[str, list[Claim]] = {}
    for c in claims:
        by_doc.setdefault(c.doc_id or c.doc, []).append(c)
    documents, warnings = [], []
    for d in data.get("documents") or ():
        text, chrome, why = _read_text(d, by_doc.get(d["id"], []), base)
        if why:
            warnings.append(why)
        documents.append(Document(id=d["id"], path=d.get("path") or "", name=d.get("name") or d["id"], text=text,
                                  encoding=d.get("encoding") or "", format=d.get("format") or "txt", chrome=chrome,
                                  warnings=tuple(d.get("warnings") or ())))
    return Report(
        documents=tuple(documents), claims=tuple(claims),
        citations=tuple(citation_from_dict(c) for c in data.get("citations") or ()),
        links=tuple(link_from_dict(r) for r in data.get("links") or ()),
        skipped=tuple(Skipped(s["path"], s.get("reason") or "", bool(s.get("error"))) for s in data.get("skipped") or ()),
        network_note=data.get("network"), warnings=tuple(warnings),
        groups=tuple(group_from_dict(g) for g in data.get("groups") or ()),
        conflicts=tuple(conflict_from_dict(c) for c in data.get("conflicts") or ()),
        reconciled=bool(data.get("reconciled", bool(data.get("groups") or data.get("conflicts")))),
        faults=tuple(Fault(str(f["stage"]), str(f["part"]), tuple(map(str, f.get("documents") or ())), str(f["reason"]))
                     for f in data.get("faults") or ()),
    )


def load_report(path: Path | str) -> Report:
    """Read a report written by `scan --format json`; a missing or malformed file is a UsageError."""
    path = Path(path)
    try:
        data = json.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the report: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise UsageError(f"{path}: not a JSON report ({exc})") from exc
    if not isinstance(data, dict) or "claims" not in data:
        raise UsageError(f"{path}: not a claimcheck JSON report (no \"claims\")")
    try:
        return report_from_dict(data, base=path.resolve().parent)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        raise UsageError(f"{path}: not a claimcheck JSON report ({type(exc).__name__}: {exc})") from exc
