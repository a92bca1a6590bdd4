"""The pipeline: paths -> Report. Wires the stages together and prints nothing.

    files -> Documents -> (Notes, Citations) -> Claims ; cited URLs -> LinkResults
"""
from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

from .citations.audit import audit_citations, load_publishers
from .config import Settings
from .documents import LineIndex, collect_paths, read_document
from .errors import DocumentError
from .citations.footnotes import parse_notes
from .model import Claim, Document, LinkRef, Notes, Report, Skipped

Progress = Callable[[str, int, int], None]  # (stage, done, total)


def read_all(paths: list[str], settings: Settings, progress: Progress | None = None
             ) -> tuple[list[tuple[Document, Notes]], list[Skipped]]:
    """Read and parse every input; unreadable files are skipped with the reason, never fatal."""
    files = collect_paths(paths, settings.include, settings.exclude)
    loaded, skipped = [], []
    for i, path in enumerate(files):
        try:
            doc = read_document(path, settings.max_bytes)
            loaded.append((doc, parse_notes(doc)))
        except DocumentError as exc:
            skipped.append(Skipped(exc.path, exc.reason))
        if progress:
            progress("read", i + 1, len(files))
    return loaded, skipped


def _extract_worker(args: tuple[str, list[tuple[Document, Notes]]]) -> list[list[Claim]]:
    from .claims.extract import extract_many, load_model

    model, items = args
    return list(extract_many(items, load_model(model)))


def extract_claims_all(items: list[tuple[Document, Notes]], settings: Settings,
                       progress: Progress | None = None) -> list[Claim]:
    """Claims of every document, in document order; `jobs` > 1 splits documents across processes."""
    from .claims.extract import extract_many, load_model

    claims: list[Claim] = []
    if settings.jobs > 1 and len(items) > 1:
        chunks = [items[i::settings.jobs] for i in range(settings.jobs)]
        with ProcessPoolExecutor(settings.jobs) as pool:
            for chunk_claims in pool.map(_extract_worker, [(settings.model, c) for c in chunks if c]):
                for doc_claims in chunk_claims:
                    claims.extend(doc_claims)
        if progress:
            progress("extract", len(items), len(items))
    else:
        nlp = load_model(settings.model)
        for i, doc_claims in enumerate(extract_many(items, nlp)):
            claims.extend(doc_claims)
            if progress:
                progress("extract", i + 1, len(items))
    return sorted(claims, key=lambda c: (c.doc, c.start, c.end))


def link_targets(items: list[tuple[Document, Notes]], citations) -> dict[str, list[LinkRef]]:
    """Every URL to check, with where it is cited: footnote URLs first, then bare URLs in the text."""
    targets: dict[str, list[LinkRef]] = {}
    docs = {doc.name: doc for doc, _ in items}
    for c in citations:
        for url in c.urls:
            targets.setdefault(url, []).append(LinkRef(c.doc, docs[c.doc].path, c.line, c.number, c.date))
    for doc, notes in items:
        lines = LineIndex(doc.text) if notes.bare_urls else None
        for url, start, _ in notes.bare_urls:
            targets.setdefault(url, []).append(LinkRef(doc.name, doc.path, lines.line(start)))
    return targets


def scan(paths: list[str], settings: Settings, progress: Progress | None = None,
         extract: bool = True, check_links: bool | None = None) -> Report:
    """Read, extract, audit citations and (unless offline) check links. Returns the Report."""
    items, skipped = read_all(paths, settings, progress)
    owners = load_publishers(settings.publishers_file or None)
    citations = [c for doc, notes in items for c in audit_citations(doc, notes, owners)]
    claims = extract_claims_all(items, settings, progress) if extract and items else []
    links, note, warnings = (), None, ()
    if check_links if check_links is not None else not settings.offline:
        from .links.checker import check_links as run_checks

        outcome = run_checks(link_targets(items, citations), settings.links, progress)
        links, note, warnings = tuple(outcome.results), outcome.network_note, outcome.warnings
    return Report(documents=tuple(d for d, _ in items), claims=tuple(claims), citations=tuple(citations),
                  links=links, skipped=tuple(skipped), network_note=note, warnings=warnings)


