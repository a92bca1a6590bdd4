"""A saved JSON report back into a Report: the inverse of `data.report_dict`, for `claimcheck report`.

The JSON report does not carry the documents' text. It is read again from each document's path,
relative to the folder the scan ran in (`cwd` recorded in the report, else `root`), so the page can
be made from any folder; then relative to the report's folder and the current one. A report is
data from anywhere, so a file is shown only when it is:

- under the folder the report was made from (its `root`: the scan's folder, and above it only as
  far as the documents it was given by absolute path) or the report's own folder, links resolved,
  so a crafted `"path": "/home/me/.ssh/id_ed25519"` reads nothing;
- the very text the scan read: its SHA-256 is the one the report records (and every claim's quote
  is where its offsets say). A report cannot name a file it did not already hold.

Otherwise the document keeps an empty text and the Report says why in `warnings`. `read_text=False`
reads no file at all.
"""
from __future__ import annotations

import json
import math
import os
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
from .data import claim_from_dict, text_sha256

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


class Sources:
    """Where a saved report's documents may be read from, and in which order they are looked for."""

    def __init__(self, root: Any, cwd: Any, report_folder: Path | None) -> None:
        recorded, start = (Path(p) if isinstance(p, str) and p and Path(p).is_absolute() else None for p in (root, cwd))
        self.starts = [p for p in (start or recorded, report_folder, Path.cwd()) if p is not None]
        fences = [p for p in (recorded, report_folder) if p is not None] or [Path.cwd()]
        self.fences = [Path(os.path.realpath(p)) for p in fences]

    def find(self, raw: str) -> tuple[Path | None, str | None]:
        """The file the report means by `raw`, or None and why none may be read."""
        path = Path(raw)
        candidates = [path] if path.is_absolute() else [start / path for start in self.starts]
        found = next((p for p in candidates if p.is_file()), None)
        if found is None:
            return None, "not found"
        real = Path(os.path.realpath(found))
        if not any(real.is_relative_to(fence) for fence in self.fences):
            return None, f"outside {self.fences[0]}, the folder the report was made from"
        return found, None


def _read_text(d: dict, claims: list[Claim], sources: Sources | None) -> tuple[str, tuple, str | None]:
    """The document's text and chrome spans, read again from disk, or ("", (), why not)."""
    from ..documents import read_document

    raw = d.get("path") or ""
    if sources is None:
        return "", (), None
    path, why = sources.find(raw) if raw else (None, "not found")
    if path is None:
        return "", (), f"{raw or d.get('id')}: {why}, so its text is not shown (the claims are)"
    if not isinstance(d.get("sha256"), str):
        return "", (), (f"{raw}: the report records no fingerprint of its text (made by an older claimcheck?), "
                        "so its text is not shown (the claims are); scan again to show it")
    try:
        doc = read_document(path)
    except DocumentError as exc:
        return "", (), f"{exc}; its text is not shown (the claims are)"
    stale = text_sha256(doc.text) != d["sha256"] or any(doc.text[c.start:c.end] != c.quote for c in claims)
    if stale:
        return "", (), f"{raw}: changed since the scan, so its text is not shown (the claims are)"
    return doc.text, doc.chrome, None


def report_from_dict(data: dict, base: Path | None = None, read_text: bool = True) -> Report:
    """The contract's JSON report (as parsed) -> Report, documents' text read from their paths.

    `base` is the report's folder: where relative paths are tried after the recorded `root`, and
    the only folder files are read from when the report records no root. `read_text=False`: none.
    """
    from ..ledger import claim_problem

    for n, record in enumerate(data.get("claims") or (), 1):  # the ledger's checks: a crafted report is refused
        problem = claim_problem(record)
        if problem:
            raise ValueError(f"claim {n}: {problem}")
    sources = Sources(data.get("root"), data.get("cwd"), base) if read_text else None
    claims = [claim_from_dict(c) for c in data.get("claims") or ()]
    by_doc: dict[str, list[Claim]] = {}
    for c in claims:
        by_doc.setdefault(c.doc_id or c.doc, []).append(c)
    documents, warnings = [], []
    for d in data.get("documents") or ():
        text, chrome, why = _read_text(d, by_doc.get(d["id"], []), sources)
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


def load_report(path: Path | str, read_text: bool = True) -> Report:
    """Read a report written by `scan --format json`; a missing or malformed file is a UsageError.

    `read_text=False` reads no article: the page shows the claims without their documents' text.
    """
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
        return report_from_dict(data, base=path.resolve().parent, read_text=read_text)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        raise UsageError(f"{path}: not a claimcheck JSON report ({type(exc).__name__}: {exc})") from exc
