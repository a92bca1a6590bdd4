"""`claimcheck reconcile --engine dask`: Parquet ledgers reconciled on Dask into a results dataset.

    ledger files -> tasks             one task per ledger file reads its claims
    -> documents, shuffled whole      the same claim read twice counts once and ids of two scans
                                      are kept apart, as `pipeline.reconcile_ledgers` does; each
                                      task writes its documents' claims and their own checks
    -> blocks, links, manifest        as an archive scan (archive.py `_finish`)
"""
from __future__ import annotations

import dataclasses
import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..config import ReconcileSettings, Settings
from ..errors import UsageError
from ..model import Claim
from ..reconcile import guarded_document
from . import dataset as ds
from .archive import BUCKETS, _failing, _finish
from .blocks import SPLIT_AT
from .dask import TASKS_PER_WORKER, Notice, Progress, _connect, _gather, _require_dask, _workers
from .parquet import read_claims_parquet, staged_dataset, write_claims_parquet
from .summaries import _fault_skips, _Part, _write_findings

__all__ = ["reconcile_archive"]


def reconcile_archive(ledgers: Sequence[str], settings: Settings, dataset: str | Path, *, scheduler: str | None = None,
                      progress: Progress | None = None, notice: Notice | None = None,
                      split_at: int = SPLIT_AT) -> ds.RunSummary:
    """`claimcheck reconcile` over Parquet ledgers on Dask, into a results dataset: one task per ledger file,
    documents shuffled whole (the same claim read twice counts once, as `reconcile_ledgers` does), then blocks."""
    _require_dask()
    from .parquet import parquet_files

    files = []
    for raw in ledgers:
        path = Path(raw)
        if not path.exists():
            raise UsageError(f"{raw}: no such ledger")
        if not (path.suffix == ".parquet" or (path.is_dir() and any(path.rglob("*.parquet")))):
            raise UsageError(f"{raw}: reconcile on Dask reads Parquet ledgers (`scan --ledger-parquet`); "
                             "JSON Lines ledgers are reconciled on this machine")
        files += [str(f) for f in parquet_files(path)]
    with staged_dataset(dataset) as folder:
        target = ds.Dataset(folder)
        target.manifest.update(roots=[], buckets=BUCKETS)
        with _connect(scheduler, notice) as client:
            summary = _reconcile_ledgers(client, target, files, settings, progress, split_at)
    return dataclasses.replace(summary, dataset=str(dataset))


def _ledger_part(paths: Iterable[str]) -> list[Claim]:
    return [c for p in paths for c in read_claims_parquet(p)]


def _documents_part(part: Iterable[tuple[str, list[Claim]]], folder: str, run: str, settings: ReconcileSettings,
                    failing: frozenset[str]) -> list[_Part]:
    """One task of whole documents from ledgers: their claims (each once, ids kept apart) and their own checks."""
    from ..pipeline import _distinct_documents

    claims: list[Claim] = []
    for _, mine in part:
        claims.extend(_distinct_documents(list(mine)))
    claims.sort(key=lambda c: (c.doc_id, c.start, c.end))
    stem = f"p-{run}-{uuid.uuid4().hex[:12]}"
    write_claims_parquet(claims, Path(folder) / "claims" / f"{stem}.parquet")
    by_doc: dict[str, list[Claim]] = {}
    for c in claims:
        if not c.duplicate_of:
            by_doc.setdefault(c.doc_id or c.doc, []).append(c)
    found = [(f"doc|{doc}", guarded_document(doc, by_doc[doc], (), settings)) for doc in sorted(by_doc)]
    files, counts, bad, _, n_bad = _write_findings(Path(folder), f"d-{stem[2:]}", found, {c.id: c for c in claims}, set(failing))
    files["claims"] = [f"{stem}.parquet"]
    counts.update(claims=len(claims), documents=len({c.doc_id for c in claims}))
    entities = Counter(c.frame.entity for c in claims if c.frame and c.frame.entity)
    faults = _fault_skips(found)
    counts["skipped"] += len(faults)
    return [_Part(files, {stem: dict(counts)}, faults, bad, (), 0, (), entities, failing_count=n_bad)]


def _reconcile_ledgers(client: Any, target: ds.Dataset, files: Sequence[str], settings: Settings,
                       progress: Progress | None, split_at: int) -> ds.RunSummary:
    import dask.bag as db

    workers, run = _workers(client), uuid.uuid4().hex[:8]
    nparts = max(1, min(len(files), workers * TASKS_PER_WORKER))
    documents = (db.from_sequence(files, npartitions=max(1, len(files))).map_partitions(_ledger_part)
                 .groupby(lambda c: c.doc_id, shuffle="tasks", npartitions=nparts)
                 .map_partitions(_documents_part, str(target.folder), run, settings.reconcile, _failing(settings)))
    extracted = client.persist(documents)
    _gather(client, extracted, "documents", progress, fetch=False)  # the summaries stay on the workers
    return _finish(client, target, extracted, dataclasses.replace(settings, offline=True), progress, split_at, False, run,
                   workers)

