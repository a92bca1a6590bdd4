"""The pipeline: paths -> Report. Wires the stages together and prints nothing.

    files -> Documents -> (Notes, Citations) -> Claims -> Groups, Conflicts ; cited URLs -> LinkResults

`process_document` is the unit of work per file: the default path maps it over files here (in
processes when `jobs` > 1) and `engines/dask.py` maps the same function over a cluster.
"""
from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from .citations.audit import audit_citations, load_publishers
from .citations.footnotes import parse_notes
from .config import Settings, effective_jobs
from .documents import LineIndex, collect_paths, is_stdin, read_document
from .errors import ClaimcheckError, DocumentError
from .model import Citation, Claim, Conflict, DocumentResult, Fault, Group, LinkRef, LinkResult, Report, Skipped, claim_id

Progress = Callable[[str, int, int], None]  # (stage, done, total)


def document_ids(files: Sequence[Path], roots: Sequence[str]) -> dict[Path, str]:
    """A readable id per file, stable across runs: its path relative to what was scanned.

    Paths are taken relative to the deepest folder that holds every scanned root (a scanned folder
    counts as itself, a named file as its parent), so `scan seeds/` gives `002_fa38...` and
    `scan a/ b/` gives `a/story` and `b/story`. The suffix is dropped unless two files differ
    only by it.
    """
    bases = [Path(r) if Path(r).is_dir() else Path(r).parent for r in roots] or [Path(".")]
    common = Path(os.path.commonpath([os.path.abspath(b) for b in bases]))
    rel = {f: Path(os.path.relpath(os.path.abspath(f), common)).as_posix() for f in files}
    stems = {f: r.rsplit(".", 1)[0] if "." in r.rsplit("/", 1)[-1] else r for f, r in rel.items()}
    taken: dict[str, int] = {}
    for s in stems.values():
        taken[s] = taken.get(s, 0) + 1
    return {f: stems[f] if taken[stems[f]] == 1 else rel[f] for f in files}


def process_document(path: Path | str, settings: Settings, doc_id: str | None = None,
                     extract: bool = True) -> DocumentResult | Skipped:
    """Read, parse notes, audit citations and extract claims of one file. Never raises.

    A file that cannot be read is a `Skipped` with the reason; an unexpected error inside any stage
    is a `Skipped` with `error=True`, so one bad article never costs the rest of a run.
    """
    path = Path(path)
    try:
        doc = read_document(path, settings.max_bytes)
        if doc_id is not None:
            doc = dataclasses.replace(doc, id=doc_id)
        notes = parse_notes(doc)
        citations = tuple(dataclasses.replace(c, doc_id=doc.id)
                          for c in audit_citations(doc, notes, load_publishers(settings.publishers_file or None),
                                                   settings.citations.ignore_flags, settings.links.ignore))
        claims: tuple[Claim, ...] = ()
        if extract:
            from .claims.aliases import load_aliases
            from .claims.extract import extract_claims, load_model

            aliases = load_aliases(settings.reconcile.aliases_file)
            claims = tuple(extract_claims(doc, notes, load_model(settings.model), aliases))
        return DocumentResult(doc, notes, claims, citations)
    except DocumentError as exc:
        return Skipped(exc.path, exc.reason)
    except (KeyboardInterrupt, MemoryError, ClaimcheckError):
        raise  # no model, a bad aliases file: the run's error, not this file's
    except Exception as exc:  # a bug of ours on this input: report it against the file, go on
        return Skipped(str(path), f"internal error while reading it ({type(exc).__name__}: {exc}); "
                                  "please report it with the file", error=True)


def _process_chunk(args: tuple[list[tuple[str, str]], Settings, bool]) -> list[DocumentResult | Skipped]:
    chunk, settings, extract = args
    return [process_document(path, settings, doc_id, extract) for path, doc_id in chunk]


def process_all(files: Sequence[Path], ids: dict[Path, str], settings: Settings, extract: bool = True,
                progress: Progress | None = None) -> list[DocumentResult | Skipped]:
    """`process_document` over every file, in file order; `jobs` > 1 splits files across processes."""
    # Worker processes get /dev/null for stdin: a run that reads `-` reads it here.
    jobs = 1 if any(is_stdin(f) for f in files) else effective_jobs(settings.jobs, len(files))
    if jobs > 1 and extract:
        chunks = [[(str(f), ids[f]) for f in files[i::jobs]] for i in range(jobs)]
        by_path: dict[str, DocumentResult | Skipped] = {}
        lost: list[tuple[str, str]] = []
        with ProcessPoolExecutor(jobs) as pool:
            futures = [pool.submit(_process_chunk, (c, settings, extract)) for c in chunks]
            for chunk, future in zip(chunks, futures):
                try:
                    by_path.update({p: r for (p, _), r in zip(chunk, future.result())})
                except BrokenProcessPool:  # a worker died (a crash in C code, the memory limit)
                    lost.extend(chunk)
        by_path.update(_rescue(lost, settings))
        if progress:
            progress("extract", len(files), len(files))
        return [by_path[str(f)] for f in files]
    out = []
    for i, f in enumerate(files):
        out.append(process_document(f, settings, ids[f], extract))
        if progress:
            progress("extract" if extract else "read", i + 1, len(files))
    return out


def _rescue(items: Sequence[tuple[str, str]], settings: Settings) -> dict[str, DocumentResult | Skipped]:
    """The files of chunks whose worker process died, one task each in a pool of one process: the
    file that kills it again is a Skipped marked as an error, and the rest are read as usual."""
    out: dict[str, DocumentResult | Skipped] = {}
    todo = list(items)
    while todo:
        with ProcessPoolExecutor(1) as pool:
            futures = [pool.submit(_process_chunk, ([item], settings, True)) for item in todo]
            for item, future in zip(list(todo), futures):
                try:
                    out[item[0]] = future.result()[0]
                except BrokenProcessPool:  # tasks run one at a time: this one killed the process
                    out[item[0]] = Skipped(item[0], "the worker process died while reading it (a crash or the "
                                                    "memory limit); please report it with the file", error=True)
                    todo = todo[todo.index(item) + 1:]
                    break
            else:
                todo = []
    return out


def link_targets(results: Iterable[DocumentResult]) -> dict[str, list[LinkRef]]:
    """Every URL to check, with where it is cited: footnote URLs first, then bare URLs in the text."""
    results = list(results)
    targets: dict[str, list[LinkRef]] = {}
    for r in results:
        for c in r.citations:
            for url in c.urls:
                targets.setdefault(url, []).append(LinkRef(c.doc, r.document.path, c.line, c.number, c.date,
                                                           doc_id=r.document.id))
    for r in results:
        lines = LineIndex(r.document.text) if r.notes.bare_urls else None
        for url, start, _ in r.notes.bare_urls:
            assert lines is not None
            targets.setdefault(url, []).append(LinkRef(r.document.name, r.document.path, lines.line(start),
                                                       doc_id=r.document.id))
    return targets


def assemble(results: Sequence[DocumentResult | Skipped], settings: Settings, reconcile: bool = True,
             progress: Progress | None = None, check_links: bool = False) -> Report:
    """Per-document results -> Report: sort, reconcile, and (when asked) check the cited links."""
    done = [r for r in results if isinstance(r, DocumentResult)]
    skipped = tuple(r for r in results if isinstance(r, Skipped))
    claims = sorted((c for r in done for c in r.claims), key=lambda c: (c.doc_id, c.start, c.end))
    citations: list[Citation] = sorted((c for r in done for c in r.citations), key=lambda c: (c.doc_id, c.number))
    groups: tuple[Group, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    faults: tuple[Fault, ...] = ()
    if reconcile:
        from .reconcile import reconcile_safely

        groups, conflicts, faults = reconcile_safely(claims, citations, settings.reconcile)
    links: tuple[LinkResult, ...] = ()
    note: str | None = None
    warnings: tuple[str, ...] = ()
    if check_links:
        links, note, warnings, link_faults = _checked_links(done, settings, progress)
        faults += link_faults
    return Report(documents=tuple(r.document for r in done), claims=tuple(claims), citations=tuple(citations),
                  links=links, skipped=skipped, network_note=note, warnings=warnings,
                  groups=tuple(groups), conflicts=tuple(conflicts), reconciled=reconcile, faults=faults)


def _checked_links(done: Sequence[DocumentResult], settings: Settings, progress: Progress | None
                   ) -> tuple[tuple[LinkResult, ...], str | None, tuple[str, ...], tuple[Fault, ...]]:
    """`check_links` over every cited URL; a bug of ours in it is a Fault, and the rest of the report stands."""
    from .links import check_links as run_checks
    from .reconcile.safe import reason

    faults: list[Fault] = []
    try:
        targets = link_targets(done)
    except Exception:  # a bug of ours on some document's citations: leave out that document's links only
        fine = []
        for r in done:
            try:
                link_targets([r])
                fine.append(r)
            except Exception as exc:
                faults.append(Fault("links", f"document {r.document.id}", (r.document.path,), reason(exc)))
        targets = link_targets(fine)
    try:
        outcome = run_checks(targets, settings.links, progress)
    except (KeyboardInterrupt, MemoryError, ClaimcheckError):
        raise
    except Exception as exc:  # a bug of ours in the checker: the links go unchecked, the rest stands
        paths = tuple(sorted({ref.path for refs in targets.values() for ref in refs}))
        return (), None, (), (*faults, Fault("links", f"{len(targets)} cited URL(s)", paths, reason(exc)))
    return tuple(outcome.results), outcome.network_note, outcome.warnings, tuple(faults)


def scan(paths: list[str], settings: Settings, progress: Progress | None = None,
         extract: bool = True, check_links: bool | None = None, reconcile: bool | None = None) -> Report:
    """Read, extract, reconcile, audit citations and (unless offline) check links. Returns the Report.

    `reconcile` defaults to `extract`: `claimcheck extract` wants the claims alone and passes False.
    """
    files = collect_paths(paths, settings.include, settings.exclude)
    results = process_all(files, document_ids(files, paths), settings, extract, progress)
    return assemble(results, settings, reconcile=extract if reconcile is None else reconcile, progress=progress,
                    check_links=check_links if check_links is not None else not settings.offline)


def read_ledger_claims(paths: Sequence[str]) -> list[Claim]:
    """Claims from ledgers: JSON Lines files, folders of them, or a Parquet dataset (claimcheck-news[dask])."""
    from .errors import UsageError
    from .formats.data import claim_from_dict
    from .ledger import read_ledgers

    claims: list[Claim] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise UsageError(f"{raw}: no such ledger")
        if path.suffix == ".parquet" or (path.is_dir() and any(path.rglob("*.parquet"))):
            from .engines.parquet import read_claims_parquet

            claims.extend(read_claims_parquet(path))
            continue
        files = sorted(path.rglob("*.jsonl")) if path.is_dir() else [path]
        _check_ledger_files(raw, path, files)
        for f in files:
            for n, line in enumerate(read_ledgers([f]), 1):
                try:
                    claims.append(claim_from_dict(line))
                except (ValueError, KeyError, TypeError, AttributeError) as exc:
                    raise UsageError(f"{f}: claim {n}: not a claim ledger line ({type(exc).__name__}: {exc})") from exc
    return claims


def _check_ledger_files(raw: str, path: Path, files: list[Path]) -> None:
    """Articles given to `reconcile` (a common slip: it reads what `scan --ledger` wrote) fail with a way on."""
    from .documents import SUPPORTED
    from .errors import UsageError

    how = ("`claimcheck reconcile` reads claim ledgers, the JSON Lines files `claimcheck scan PATHS --ledger FILE` "
           "writes (or Parquet datasets).")
    scan_them = " To compare articles, scan them: `claimcheck scan {0}`."
    articles = [f for f in files if f.suffix.lower() in SUPPORTED]
    if path.is_dir() and not files:
        found = sum(1 for f in path.rglob("*") if f.suffix.lower() in SUPPORTED)
        what = f"holds {found} article{'s' if found != 1 else ''} and no ledger" if found else "holds no ledger (.jsonl)"
        raise UsageError(f"{raw}: this folder {what}. " + how + (scan_them.format(raw) if found else ""))
    if articles:
        raise UsageError(f"{articles[0]}: an article, not a claim ledger. " + how + scan_them.format(articles[0]))


def _distinct_documents(claims: list[Claim]) -> list[Claim]:
    """Claims of several scans, each document once under an id of its own.

    Two scans of `x/` and `y/` both call their `story.txt` "story": when one id stands for two
    paths, the path becomes the id. The same claim read twice (one folder, two ledgers) counts once.
    """
    paths: dict[str, set[str]] = {}
    for c in claims:
        paths.setdefault(c.doc_id, set()).add(c.path)
    unique: dict[tuple[str, int, int], Claim] = {}
    for c in claims:
        if len(paths[c.doc_id]) > 1:
            doc_id = c.path.rsplit(".", 1)[0] if "." in c.path.rsplit("/", 1)[-1] else c.path
            dup = claim_id(doc_id, int(c.duplicate_of.rsplit(":", 1)[1])) if c.duplicate_of else None
            c = dataclasses.replace(c, doc_id=doc_id, id=claim_id(doc_id, c.start), duplicate_of=dup)
        unique.setdefault((c.path, c.start, c.end), c)
    ids: dict[str, Claim] = {}
    for c in unique.values():  # a report names claims by id: two claims under one id would merge
        first = ids.setdefault(c.id, c)
        if first is not c:
            from .errors import UsageError

            raise UsageError(f"claim id {c.id!r} stands for two different claims ({first.path} at {first.start} "
                             f"and {c.path} at {c.start}): these ledgers cannot be reconciled together")
    return sorted(unique.values(), key=lambda c: (c.doc_id, c.start, c.end))


def reconcile_ledgers(paths: Sequence[str], settings: Settings) -> Report:
    """`claimcheck reconcile`: the claims of earlier scans -> a Report with groups and conflicts.

    The same claim read from two ledgers (a folder scanned twice) counts once.
    """
    claims = _distinct_documents(read_ledger_claims(paths))
    from .reconcile import reconcile_safely

    groups, conflicts, faults = reconcile_safely(claims, (), settings.reconcile)
    return Report(claims=tuple(claims), groups=groups, conflicts=conflicts, reconciled=True, faults=faults)
