"""Archive runs on Dask: the workers write a results dataset (dataset.py); the client keeps counts.

    files -> extraction tasks      `process_document` per file, then the task writes its claims,
                                   documents, footnotes, cited URLs and the documents' own checks
                                   (`check_document`) to the dataset, and returns counts
    claims files -> blocks         entity names counted archive-wide, block keys, large blocks split,
                                   shuffled by bucket (blocks.py); each task writes its buckets'
                                   claims, groups, conflicts and the claims the conflicts name
    refs files -> links            shuffled by host, as the Report engine does; results written
    -> RunSummary                  counts, and the findings that fail the run (up to `dataset.KEPT`)

The client lists the files folder by folder as the tasks read them (listing.py) and gathers one
summary of the tasks, merged on the workers (summaries.py): what it holds grows with the archive
only by a future and a manifest entry per task of 200 articles, not by the articles. `add=True` adds new articles to an existing dataset: only they are read and
extracted; their claims are reconciled with the claims already in the dataset's blocks (read from
the dataset, not from the articles), and conflicts the dataset did not hold are listed as new.
`ledgers.reconcile_archive` runs the same blocks over Parquet ledgers.
"""
from __future__ import annotations

import dataclasses
import json
import os
import time
import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from ..config import ReconcileSettings, Settings
from ..gate import failing_severities
from ..model import Claim, DocumentResult, LinkResult, Severity, Skipped
from ..pipeline import process_document
from ..reconcile import block_key
from . import dataset as ds
from .blocks import SPLIT_AT, bucketed, reconcile_bucket, shuffle_blocks
from .dask import (
    MAX_PARTITION,
    TASKS_PER_WORKER,
    Notice,
    Progress,
    _canonical,
    _check_documents,
    _check_hosts,
    _connect,
    _extract_all,
    _link_rows,
    _require_dask,
    _warm,
    _workers,
)
from .listing import ArchiveFile, batches, walk
from .parquet import read_claims_parquet, staged_dataset, write_claims_parquet
from .summaries import _fault_skips, _merge, _Part, _write_findings

__all__ = ["scan_archive"]

BUCKETS = 256  # bucket files per findings table: an incremental run rewrites the buckets it touches


def _extract_part(batch: Sequence[ArchiveFile], settings: Settings, folder: str, part: str,
                  run: str = "", failing: frozenset[str] = frozenset()) -> list[_Part]:
    """One extraction task: `process_document` per file, every result written to the dataset."""
    cpu, out, stem = time.thread_time(), Path(folder), f"p-{run}-{part}"
    entries = [(i, process_document(path, settings, doc_id)) for i, path, doc_id in batch]
    done = [r for _, r in entries if isinstance(r, DocumentResult)]
    skipped = tuple(r for _, r in entries if isinstance(r, Skipped))
    claims = sorted((c for r in done for c in r.claims), key=lambda c: (c.doc_id, c.start, c.end))
    name = f"{stem}.parquet"
    write_claims_parquet(claims, out / "claims" / name)
    ds.write_rows(out / "documents" / name, [ds.document_row(r.document) for r in done], ds.DOCUMENT_COLUMNS)
    cites = sorted((c for r in done for c in r.citations), key=lambda c: (c.doc_id, c.number))
    ds.write_rows(out / "citations" / name, [ds.citation_row(c) for c in cites], ds.CITATION_COLUMNS)
    files = {t: [name] for t in ("claims", "documents", "citations")}
    found = [(f"doc|{doc}", f) for (_, doc), f in _check_documents(entries, settings.reconcile)]
    skipped += _fault_skips(found)
    if skipped:
        ds.write_rows(out / "skipped" / name, [{"path": s.path, "reason": s.reason, "error": s.error} for s in skipped],
                      ds.SKIPPED_COLUMNS)
        files["skipped"] = [name]
    if not settings.offline:
        refs = [{"host": h, "url": u, "order": json.dumps(list(o)), "json": ds._dumps(dataclasses.asdict(ref))}
                for h, u, o, ref in _link_rows(entries)]
        ds.write_rows(out / "refs" / name, refs, ds.REF_COLUMNS)
        files["refs"] = [name]
    more, counts, bad, ids, n_bad = _write_findings(out, f"d-{run}-{part}", found, {c.id: c for c in claims}, set(failing))
    files.update(more)
    counts.update(documents=len(done), claims=len(claims), citations=len(cites),
                  flags=sum(len(c.flags) for c in cites), skipped=len(skipped))
    from .dask import _entity_counts

    return [_Part(files, {stem: dict(counts)}, skipped, bad, tuple(ids[:ds.KEPT]), len(ids),
                  entities=_entity_counts(entries), cpu=time.thread_time() - cpu, failing_count=n_bad)]


def _lost_part(order: Any, path: str, reason: str) -> list[_Part]:
    return [_Part(counts={f"lost-{path}": {"skipped": 1}}, skipped=(Skipped(path, reason, error=True),))]


def _entities(parts: Iterable[_Part]) -> Counter[str]:
    total: Counter[str] = Counter()
    for p in parts:
        total.update(p.entities)
    return total


def _add_counts(parts: Iterable[Counter[str]]) -> Counter[str]:
    total: Counter[str] = Counter()
    for p in parts:
        total.update(p)
    return total


def _with_old(counts: Counter[str], old: dict[str, int]) -> Counter[str]:
    return counts + Counter(old)


def _rows_of_claims(parts: Iterable[_Part], folder: str, canon: dict[str, str]) -> list[tuple[str, Any, Claim]]:
    """(block key, order, claim) of the claims files the tasks wrote, as `reconcile` blocks them."""
    rows = []
    for p in parts:
        for name in p.files.get("claims", []):
            for c in read_claims_parquet(Path(folder) / "claims" / name):
                key = None if c.duplicate_of else block_key(c, canon)
                if key is not None:
                    rows.append((key, (c.doc_id, c.start, c.end, c.id), c))
    return rows


def _rows_of_blocks(paths: Iterable[str], canon: dict[str, str]) -> list[tuple[str, Any, Claim]]:
    """The same rows from a dataset's blocks, keyed again (a new spelling may fold differently now)."""
    rows = []
    for path in paths:
        for _, c in ds.read_keyed_claims(Path(path)):
            key = block_key(c, canon)
            if key is not None:
                rows.append((key, (c.doc_id, c.start, c.end, c.id), c))
    return rows


def _old_conflicts(paths: Sequence[str]) -> frozenset[str]:
    return frozenset(r["id"] for p in paths for r in ds.read_rows(Path(p), ["id"]))


def _write_buckets(part: Iterable[tuple[int, list[Any]]], folder: str, run: str, settings: ReconcileSettings,
                   failing: frozenset[str], old: frozenset[str] | None) -> list[_Part]:
    """One reconcile task: its buckets' sub-blocks reconciled, each bucket's files written."""
    out: list[_Part] = []
    for bucket, rows in part:
        stem = f"b{bucket:05d}-{run}"
        done = reconcile_bucket(rows, settings)
        found: list[tuple[str, Any]] = [(sub, f) for sub, _, f, _ in done]
        faults = _fault_skips(found)
        seconds = [t for _, _, _, t in done]
        keyed = [(sub, c) for sub, claims, _, _ in done for c in claims]
        ds.write_keyed_claims(Path(folder) / "blocks" / f"{stem}.parquet", keyed)
        files, counts, bad, _, n_bad = _write_findings(Path(folder), stem, found, {c.id: c for _, c in keyed}, set(failing))
        files["blocks"] = [f"{stem}.parquet"]
        counts["skipped"] += len(faults)
        new = sorted(c.id for _, f in found for c in f[1] if c.id not in old) if old is not None else []
        out.append(_Part(files, {stem: dict(counts)}, faults, bad, tuple(new[:ds.KEPT]), len(new),
                         tuple(sorted(seconds, reverse=True)[:ds.KEPT]), failing_count=n_bad))
    return out


def _write_entities(counts: Counter[str], folder: str, run: str) -> str:
    name = f"e-{run}.parquet"
    ds.write_rows(Path(folder) / "entities" / name, [{"name": k, "count": v} for k, v in sorted(counts.items())],
                  {"name": "string", "count": "int64"})
    return name


def _read_entities(paths: Sequence[str]) -> dict[str, int]:
    return {r["name"]: r["count"] for p in paths for r in ds.read_rows(Path(p))}


@dataclass(frozen=True)
class _Link:
    """What one link task tells the client: its file, counts by status, and the failing results."""

    stem: str
    counts: dict[str, int]
    failing: tuple[LinkResult, ...]
    note: str | None
    warnings: tuple[str, ...]


def _write_links(part: Iterable[tuple[list[tuple[Any, LinkResult]], str | None, tuple[str, ...]]], folder: str,
                 run: str, failing: frozenset[str]) -> list[_Link]:
    out = []
    for results, note, warnings in part:
        links = sorted((r for _, r in results), key=lambda r: r.url)
        stem = f"h-{run}-{uuid.uuid4().hex[:12]}"
        ds.write_rows(Path(folder) / "links" / f"{stem}.parquet", [ds.link_row(r) for r in links], ds.LINK_COLUMNS)
        counts = Counter(f"link:{r.status.value}" for r in links)
        out.append(_Link(stem, dict(counts), tuple(r for r in links if r.status.value in failing)[:ds.KEPT],
                         note, tuple(warnings)))
    return out


def _ref_rows(paths: Iterable[str]) -> list[tuple[str, str, Any, Any]]:
    from ..model import LinkRef

    rows = []
    for p in paths:
        for r in ds.read_rows(Path(p)):
            rows.append((r["host"], r["url"], tuple(json.loads(r["order"])), LinkRef(**json.loads(r["json"]))))
    return rows


# -- on the client -------------------------------------------------------------------------------

def scan_archive(paths: list[str], settings: Settings, dataset: str | Path, *, scheduler: str | None = None,
                 progress: Progress | None = None, notice: Notice | None = None, add: bool = False,
                 partition_size: int | None = None, split_at: int = SPLIT_AT) -> ds.RunSummary:
    """Scan an archive on Dask into the results dataset at `dataset`; return the counts (module docstring).

    A new run replaces the dataset only when it succeeds (engines/parquet.py's `staged_dataset`);
    `add=True` adds the articles at `paths` to the dataset, their ids taken from the roots of the
    run that made it, and commits its manifest last, so a run that fails leaves it as it was.
    """
    _require_dask()
    base = ds.Dataset.open(dataset) if add else None
    roots = base.manifest["roots"] if base is not None else paths
    next(walk(paths, settings.include, settings.exclude, roots))  # nothing to read fails here, before a cluster starts
    staging: Any = nullcontext(Path(dataset)) if add else staged_dataset(dataset)
    with staging as folder:
        target = base if base is not None else ds.Dataset(folder)
        if not add:
            target.manifest.update(roots=[os.path.abspath(p) for p in paths], buckets=BUCKETS)
        with _connect(scheduler, notice) as client:
            files = walk(paths, settings.include, settings.exclude, roots)
            summary = _scan(client, target, files, settings, progress, notice, partition_size, split_at, add)
    return dataclasses.replace(summary, dataset=str(dataset))  # the staging folder is the dataset now


def _failing(settings: Settings) -> frozenset[str]:
    return frozenset(s.value for s in failing_severities(settings.fail_on_conflicts))


def _scan(client: Any, target: ds.Dataset, files: Iterable[ArchiveFile], settings: Settings,
          progress: Progress | None, notice: Notice | None, partition_size: int | None, split_at: int,
          add: bool) -> ds.RunSummary:
    import dask.bag as db

    workers, run = _workers(client), uuid.uuid4().hex[:8]
    if notice is not None:
        notice(f"Dask: {workers} worker{'s' if workers != 1 else ''}, files listed as they are read, "
               f"up to {partition_size or MAX_PARTITION} a task" + (", added to the dataset" if add else ""))
    client.run(_warm, settings.model)
    task = partial(_extract_part, run=run, failing=_failing(settings))
    # Batches in flight: enough to keep every worker busy while the client lists the next folders.
    parts = _extract_all(client, batches(files, workers, TASKS_PER_WORKER, MAX_PARTITION, partition_size), settings,
                         str(target.folder), progress, task, _lost_part, window=workers * TASKS_PER_WORKER)
    extracted = db.from_delayed(parts) if parts else db.from_sequence([], npartitions=1)
    return _finish(client, target, extracted, settings, progress, split_at, add, run, workers)


def _fixed(bag: Any, nparts: int) -> Any:
    """The extraction tasks' outputs gathered into a fixed number of partitions: the graph the client
    builds for the shuffle after them is then the same size whatever the archive's."""
    return bag.repartition(npartitions=nparts) if bag.npartitions > nparts else bag


def _finish(client: Any, target: ds.Dataset, extracted: Any, settings: Settings, progress: Progress | None,
            split_at: int, add: bool, run: str, workers: int) -> ds.RunSummary:
    """Blocks, links and the manifest, after the extraction (or ledger) tasks have written their files."""
    import dask
    import dask.bag as db

    folder = str(target.folder)
    nparts = workers * TASKS_PER_WORKER  # however few or many files came in: blocks spread over every worker
    extracted = _fixed(extracted, nparts)
    counts = extracted.reduction(_entities, _add_counts, split_every=16)
    old_blocks = [str(p) for p in target.files("blocks")] if add else []
    if add:
        old = dask.delayed(_read_entities)([str(p) for p in target.files("entities")])
        counts = dask.delayed(_with_old)(counts, old)
    canon = dask.delayed(_canonical)(counts, settings.reconcile.fuzzy)
    entities = dask.delayed(_write_entities)(counts, folder, run)
    rows = extracted.map_partitions(_rows_of_claims, folder, canon)
    if old_blocks:
        rows = db.concat([rows, db.from_sequence(old_blocks, npartitions=len(old_blocks)).map_partitions(_rows_of_blocks, canon)])
    tagged, _ = bucketed(rows, split_at, target.manifest["buckets"])
    seen = dask.delayed(_old_conflicts)([str(p) for p in target.files("conflicts") if p.name.startswith("b")]) if add else None
    buckets = shuffle_blocks(tagged, nparts).map_partitions(_write_buckets, folder, run, settings.reconcile,
                                                            _failing(settings), seen)
    found = _wait(client, client.persist(buckets), "reconcile", progress, merged=True)
    links: list[_Link] = []
    if not settings.offline:
        refs = [str(p) for part in client.gather(client.compute(extracted.map(lambda p: p.files.get("refs", []))))
                for name in part for p in [Path(folder) / "refs" / name]]
        if refs:
            graph = (db.from_sequence(refs, npartitions=len(refs)).map_partitions(_ref_rows)
                     .groupby(lambda row: row[0], shuffle="tasks", npartitions=max(1, min(len(refs), workers * 4)))
                     .map_partitions(_check_hosts, settings.links)
                     .map_partitions(_write_links, folder, run, frozenset(settings.links.fail_on)))
            links = _wait(client, client.persist(graph), "links", progress)
    extraction = [client.compute(extracted.reduction(_merge, _merge, split_every=16)).result()]
    entity_file = client.compute(entities).result()
    return _commit(target, extraction, found, links, entity_file, add, old_blocks)


def _wait(client: Any, bag: Any, stage: str, progress: Progress | None, merged: bool = False) -> list[Any]:
    """Wait for a persisted bag, counting its tasks on the progress bar; fetch what it holds, or, for a
    bag of summaries (`merged`), one summary merged on the workers."""
    from .dask import _gather

    if not merged:
        return _gather(client, bag, stage, progress)
    _gather(client, bag, stage, progress, fetch=False)
    return [client.compute(bag.reduction(_merge, _merge, split_every=16)).result()]


def _commit(target: ds.Dataset, extraction: list[_Part], found: list[_Part], links: list[_Link], entity_file: str,
            add: bool, old_blocks: Sequence[str]) -> ds.RunSummary:
    files: dict[str, list[str]] = {"entities": [entity_file]}
    counts: dict[str, dict[str, int]] = dict(target.manifest.get("counts") or {}) if add else {}
    drop: dict[str, list[str]] = {"entities": list(target.manifest["files"].get("entities", []))}
    if add:  # every bucket was written again, from the old blocks and the new claims
        for table in ("blocks", "groups", "conflicts", "sides"):
            drop[table] = [n for n in target.manifest["files"].get(table, []) if n.startswith("b")]
        counts = {k: v for k, v in counts.items() if not k.startswith("b")}
    for p in [*extraction, *found]:
        for table, names in p.files.items():
            files.setdefault(table, []).extend(names)
        counts.update(p.counts)
    for link in links:
        files.setdefault("links", []).append(f"{link.stem}.parquet")
        counts[link.stem] = link.counts
    target.commit(files, counts, drop)
    total: Counter[str] = Counter()
    for c in counts.values():
        total.update(c)
    skipped = tuple(s for p in [*extraction, *found] for s in p.skipped)
    failing = sorted((c for p in [*extraction, *found] for c in p.failing), key=lambda c: c.id)
    new = sorted(i for p in ([*found, *extraction] if add else []) for i in p.new)
    return ds.RunSummary(
        dataset=str(target.folder), documents=total["documents"], claims=total["claims"], citations=total["citations"],
        flags=total["flags"], groups=total["groups"], agreeing=total["agreeing"],
        conflicts={s.value: total[s.value] for s in Severity},  # every severity, "possible" too
        links={k.split(":", 1)[1]: v for k, v in sorted(total.items()) if k.startswith("link:")},
        skipped=skipped[:ds.KEPT], skipped_count=total["skipped"], failing=tuple(failing[:ds.KEPT]),
        failing_count=sum(p.failing_count for p in [*extraction, *found]),
        failing_links=tuple(r for link in links for r in link.failing)[:ds.KEPT],
        new_conflicts=tuple(new[:ds.KEPT]), new_count=sum(p.new_count for p in [*found, *extraction]) if add else 0,
        warnings=tuple(dict.fromkeys(w for link in links for w in link.warnings)),
        network_note=next((link.note for link in links if link.note), None),
        seconds=tuple(sorted((t for p in found for t in p.seconds), reverse=True)[:ds.KEPT]),
        extract_cpu=sum(p.cpu for p in extraction))
