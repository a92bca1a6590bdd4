"""Reports from a results dataset (engines/dataset.py), a file at a time: memory follows one file, not the archive.

    text        the terminal report: conflicts (each drawn by terminal_findings.conflict_panel), links
                with problems, citation flags, then the summary line; agreeing groups are counted
    json        JSON Lines: one object a line, {"type": "document" | "claim" | "group" | "conflict" |
                "citation" | "link" | "skipped", ...the contract's fields}
    jsonl       the claims, one a line (the ledger), as `scan -f jsonl` prints them
    github, markdown, junit, sarif   one document each (GitHub caps annotations anyway): rendered from the
                findings only (conflicts with the claims they name, links with problems, flagged footnotes,
                unread files) as the gate judged them, never from the whole archive
    html        pages by document folder, each the reviewer's page of its folder's articles and of the
                conflicts that involve them, and an index page

Lines come out in file order (extraction tasks, then buckets), not sorted across the archive as the
one-machine formats sort them; each file's lines are sorted. Document texts are read back from their
paths only for the excerpts shown (a conflict's sides, an HTML page's articles), and only when every
claim's quote is still where its offsets say.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import Claim, Conflict, Document, LinkStatus, Report, Severity, Skipped
from .data import claim_dict

if TYPE_CHECKING:
    from rich.console import Console

    from ..config import Settings
    from ..engines.dataset import Dataset

__all__ = ["findings_report", "render_dataset", "write_html_pages"]

Write = Callable[[str], Any]
QUIET = {LinkStatus.OK, LinkStatus.SKIPPED, LinkStatus.UNVERIFIED}


def _ds() -> Any:
    from ..engines import dataset

    return dataset


@lru_cache(maxsize=64)
def _text(path: str) -> str:
    from ..documents import read_document
    from ..errors import DocumentError

    try:
        return read_document(Path(path)).text
    except (DocumentError, OSError):
        return ""


def _documents(claims: Iterable[Claim]) -> tuple[Document, ...]:
    """The documents of these claims with their text read back, when it still holds the claims' quotes."""
    by_doc: dict[str, list[Claim]] = {}
    for c in claims:
        by_doc.setdefault(c.doc_id or c.doc, []).append(c)
    docs = []
    for doc_id, mine in sorted(by_doc.items()):
        path = mine[0].path or mine[0].doc
        text = _text(path)
        if text and any(text[c.start:c.end] != c.quote for c in mine):
            text = ""  # changed since the scan: the sentence stands in for it
        docs.append(Document(doc_id, path, mine[0].doc, text, "", path.rsplit(".", 1)[-1]))
    return tuple(docs)


def conflict_files(dataset: Dataset) -> Iterator[Report]:
    """One small Report per conflicts file: its conflicts, the claims they name, their groups."""
    from ..engines.parquet import read_claims_parquet

    ds = _ds()
    groups_by_file = {p.name: p for p in dataset.files("groups")}
    sides_by_file = {p.name: p for p in dataset.files("sides")}
    for path in dataset.files("conflicts"):
        conflicts = tuple(sorted((ds.conflict_of(r) for r in ds.read_rows(path)), key=lambda c: c.id))
        sides = read_claims_parquet(sides_by_file[path.name]) if path.name in sides_by_file else []
        named = {g for c in conflicts for g in (c.group,)}
        groups = tuple(g for g in (ds.group_of(r) for r in ds.read_rows(groups_by_file[path.name]))
                       if g.id in named) if path.name in groups_by_file else ()
        yield Report(claims=tuple(sides), conflicts=conflicts, groups=groups, reconciled=True)


def _links(dataset: Dataset, problems_only: bool = True) -> Iterator[Report]:
    ds = _ds()
    for path in dataset.files("links"):
        links = tuple(ds.link_of(r) for r in ds.read_rows(path) if not problems_only or LinkStatus(r["status"]) not in QUIET)
        if links:
            yield Report(links=links)


def _flagged(dataset: Dataset) -> Iterator[Report]:
    ds = _ds()
    docs = {p.name: p for p in dataset.files("documents")}
    for path in dataset.files("citations"):
        cites = tuple(ds.citation_of(r) for r in ds.read_rows(path) if r["flags"])
        if cites:
            documents = tuple(ds.document_of(r) for r in ds.read_rows(docs[path.name])) if path.name in docs else ()
            yield Report(citations=cites, documents=documents)


def render_dataset(dataset: Dataset, fmt: str, write: Write, console: Console | None = None,
                   findings: Report | None = None) -> None:
    """Write the report of `dataset` in `fmt` (module docstring); `text` draws on `console`.

    `findings` is `findings_report(dataset)` as the gate judged it (the CLI passes it, with the
    verdicts of --fail-on and the baseline); the CI formats and markdown render it.
    """
    if fmt == "text":
        assert console is not None
        _text_report(dataset, console)
    elif fmt == "json":
        _json_lines(dataset, write)
    elif fmt == "jsonl":
        for claims in dataset.claims():
            write("".join(json.dumps(claim_dict(c), ensure_ascii=False) + "\n" for c in claims))
    else:
        from . import SCAN_FORMATS

        write(SCAN_FORMATS[fmt](findings if findings is not None else findings_report(dataset)))


def findings_report(dataset: Dataset, limit: int | None = 10_000, texts: bool = True) -> Report:
    """The findings alone, as one Report: conflicts (up to `limit`, contradictions first; None: all)
    with the claims and groups they name (and, with `texts`, their documents' text), links with
    problems, flagged footnotes, unread files. The gate judges this Report for an archive run."""
    order = {Severity.CONTRADICTION: 0, Severity.NEAR_MISS: 1}
    conflicts: list[Conflict] = []
    claims: dict[str, Claim] = {}
    groups: dict[str, Any] = {}
    for part in conflict_files(dataset):
        conflicts.extend(part.conflicts)
        claims.update((c.id, c) for c in part.claims)
        groups.update((g.id, g) for g in part.groups)
        if limit is not None and len(conflicts) > 2 * limit:  # keep memory bounded while reading
            conflicts = sorted(conflicts, key=lambda c: (order[c.severity], c.id))[:limit]
    conflicts = sorted(conflicts, key=lambda c: (order[c.severity], c.id))[:limit]
    named = {cid for c in conflicts for cid in c.claims}
    kept = tuple(sorted((c for cid, c in claims.items() if cid in named), key=lambda c: (c.doc_id, c.start, c.end)))
    links = tuple(r for part in _links(dataset) for r in part.links)
    flagged = list(_flagged(dataset))
    shown = _documents(kept) if texts else ()
    skipped = tuple(Skipped(r["path"], r["reason"], r["error"]) for _, rows in dataset.rows("skipped") for r in rows)
    return Report(documents=tuple({d.id: d for d in [*shown, *(d for p in flagged for d in p.documents)]}.values()),
                  skipped=skipped,
                  claims=kept, citations=tuple(c for p in flagged for c in p.citations), links=links,
                  groups=tuple(sorted((g for g in groups.values() if g.id in {c.group for c in conflicts}), key=lambda g: g.id)),
                  conflicts=tuple(sorted(conflicts, key=lambda c: c.id)), reconciled=True)


def _json_lines(dataset: Dataset, write: Write) -> None:
    """Each stored object as the contract writes it (the `json` column holds `formats.data`'s dict)."""

    def line(kind: str, d: dict) -> str:
        return json.dumps({"type": kind, **d}, ensure_ascii=False) + "\n"

    for table, kind in (("documents", "document"), ("groups", "group"), ("conflicts", "conflict"),
                        ("citations", "citation"), ("links", "link"), ("skipped", "skipped")):
        for _, rows in dataset.rows(table):
            write("".join(line(kind, json.loads(r["json"]) if "json" in r else r) for r in rows))
        if table == "documents":
            for claims in dataset.claims():
                write("".join(line("claim", claim_dict(c)) for c in claims))


def _text_report(dataset: Dataset, console: Console) -> None:
    from rich.text import Text

    from .excerpt import Index
    from .terminal import citation_lines, links_lines
    from .terminal_findings import conflict_panel

    totals = dataset.totals()
    conflicts = totals.get("contradiction", 0) + totals.get("near-miss", 0)
    if conflicts:
        console.print(Text(f"Conflicts · {conflicts}", style="bold"))
        order = {Severity.CONTRADICTION: 0, Severity.NEAR_MISS: 1}
        for part in conflict_files(dataset):
            part = Report(documents=_documents(part.claims), claims=part.claims, conflicts=part.conflicts,
                          groups=part.groups, reconciled=True)
            index = Index(part)
            for conflict in sorted(part.conflicts, key=lambda c: (order[c.severity], c.id)):
                console.print(conflict_panel(conflict, index))
    else:
        console.print(Text("No conflicts between claims.", style="green"))
    for title, parts, lines in (("Links", _links(dataset), links_lines), ("Citation flags", _flagged(dataset), citation_lines)):
        first = True
        for part in parts:
            for text in lines(part):
                if first:
                    console.print(Text(title, style="bold"))
                    first = False
                console.print(text, soft_wrap=True, highlight=False)
    console.print(Text(summary_line(totals), style="bold"))


def summary_line(totals: dict[str, int]) -> str:
    """The terminal summary's words, from the dataset's counts."""
    parts = [f"{totals.get('documents', 0)} documents", f"{totals.get('claims', 0)} claims",
             f"{totals.get('groups', 0)} groups ({totals.get('agreeing', 0)} agree)",
             f"{totals.get('contradiction', 0) + totals.get('near-miss', 0)} conflicts ({totals.get('contradiction', 0)} "
             f"contradictions, {totals.get('near-miss', 0)} near misses)",
             f"{totals.get('citations', 0)} citations ({totals.get('flags', 0)} flags)"]
    links = {k.split(":", 1)[1]: v for k, v in sorted(totals.items()) if k.startswith("link:")}
    if links:
        parts.append("links: " + ", ".join(f"{v} {k}" for k, v in links.items()))
    if totals.get("skipped"):
        parts.append(f"{totals['skipped']} skipped")
    return " · ".join(parts)


def write_html_pages(dataset: Dataset, folder: str | Path, settings: Settings | None = None) -> list[Path]:
    """The reviewer's report as one page per document folder (`index.html` lists them).

    A page holds its folder's articles (text read back), their claims and footnotes, the groups and
    conflicts that involve them (with the other side's claims, shown by their sentence), and links.
    """
    from ..engines.parquet import read_claims_parquet
    from ..ledger import write_ledger
    from .html import render_html

    ds = _ds()
    out = Path(folder)
    pages: dict[str, list[str]] = {}
    parts: dict[str, set[str]] = {}  # page -> the extraction files that hold its documents
    for name, rows in dataset.rows("documents", ["id"]):
        for r in rows:
            page = r["id"].rsplit("/", 1)[0] if "/" in r["id"] else "."
            pages.setdefault(page, []).append(r["id"])
            parts.setdefault(page, set()).add(name)
    written = []
    for n, (page, ids) in enumerate(sorted(pages.items())):
        mine = set(ids)
        files = sorted(parts[page])
        claims = [c for f in files for c in read_claims_parquet(dataset.path("claims", f)) if (c.doc_id or c.doc) in mine]
        conflicts: dict[str, Conflict] = {}
        sides: dict[str, Claim] = {}
        for part in conflict_files(dataset):
            for c in part.conflicts:
                if any(cid.rsplit(":", 1)[0] in mine for cid in c.claims):
                    conflicts[c.id] = c
                    sides.update((x.id, x) for x in part.claims if x.id in c.claims)
        groups = {g.id: g for _, rows in dataset.rows("groups") for g in map(ds.group_of, rows)
                  if any(cid.rsplit(":", 1)[0] in mine for cid in g.claims)}
        all_claims = {c.id: c for c in [*claims, *sides.values()]}
        for g in groups.values():  # the claims of the groups shown
            missing = [cid for cid in g.claims if cid not in all_claims]
            if missing:
                all_claims.update((c.id, c) for part in dataset.claims() for c in part if c.id in set(missing))
        cites = tuple(c for f in files for c in map(ds.citation_of, ds.read_rows(dataset.path("citations", f)))
                      if (c.doc_id or c.doc) in mine)
        docs = {d.id: d for f in files for d in map(ds.document_of, ds.read_rows(dataset.path("documents", f))) if d.id in mine}
        texts = {d.id: d for d in _documents(claims)}
        documents = tuple(dataclass_replace(docs[i], text=texts[i].text if i in texts else _text(docs[i].path)) for i in sorted(docs))
        urls = {u for c in cites for u in c.urls}
        links = tuple(r for part in _links(dataset, problems_only=False) for r in part.links if r.url in urls)
        report = Report(documents=documents, claims=tuple(sorted(all_claims.values(), key=lambda c: (c.doc_id, c.start, c.end))),
                        citations=cites, links=links, groups=tuple(sorted(groups.values(), key=lambda g: g.id)),
                        conflicts=tuple(sorted(conflicts.values(), key=lambda c: c.id)), reconciled=True)
        path = out / f"page-{n:04d}.html"
        write_ledger(path, render_html(report, settings))
        written.append((page, path, len(ids), len(conflicts)))
    items = "".join(f"<li><a href=\"{p.name}\">{_esc(page)}</a>: {docs_n} documents, {k} conflicts</li>"
                    for page, p, docs_n, k in written)
    write_ledger(out / "index.html", "<!doctype html><meta charset=\"utf-8\"><title>claimcheck report</title>"
                 f"<h1>claimcheck report</h1><p>{_esc(summary_line(dataset.totals()))}</p><ul>{items}</ul>\n")
    return [out / "index.html", *(p for _, p, _, _ in written)]


def _esc(text: str) -> str:
    from html import escape

    return escape(text)


def dataclass_replace(doc: Document, **kw: Any) -> Document:
    import dataclasses

    return dataclasses.replace(doc, **kw)
