"""The Dask engine: the default path's stage functions, partitioned over a cluster.

    files -> extraction      batches of files, one task each: `pipeline.process_document` per file
                             (never raises; spaCy loads once per worker process and stays loaded)
    claims -> reconcile      entity names counted archive-wide and folded (`canonical_entities`), then
                             shuffled on `reconcile.block_key`: `reconcile_block` runs where a block
                             lands; `check_document` runs in the extraction partition that holds the
                             document (a document never spans two), and `reconcile.merge_parts` sorts it all;
                             a block or check that raises is its Fault (`reconcile.safe`)
    URLs -> link checks      `pipeline.link_targets` per document, deduplicated across the archive and
                             shuffled on the host name: each host's URLs are checked by one task, so
                             per-host limits and Retry-After pauses hold cluster-wide
    -> `pipeline.assemble`   on the client, which sorts exactly as the default path does

The result is the Report the default path gives for the same files. Workers must reach the files
(and the Parquet ledger's folder) under the paths the client uses: a shared filesystem.

Dask is imported inside the functions here only, so the default path never needs it.
"""
from __future__ import annotations

import dataclasses
import logging
import os
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, nullcontext
from operator import itemgetter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..config import LinkSettings, ReconcileSettings, Settings
from ..documents import collect_paths
from ..errors import UsageError
from ..model import Claim, Conflict, DocumentResult, Group, LinkRef, LinkResult, Notes, Report, Skipped
from ..pipeline import assemble, document_ids, link_targets, process_document
from ..reconcile import canonical_entities, guarded_document, guarded_key, merge_parts
from ..reconcile.safe import Part
from .blocks import SPLIT_AT, bucketed, findings_of, shuffle_blocks
from .parquet import INSTALL, part_name, staged_dataset, write_claims_parquet

__all__ = ["scan_dask"]

Progress = Callable[[str, int, int], None]
Notice = Callable[[str], None]
# (the file's place in the scan's order, what came of it): its index in the list the Report engine
# makes, or in an archive run the key that list is sorted by (listing.py); either sorts as files do.
Entry = tuple[Any, DocumentResult | Skipped]
Findings = tuple[tuple[Group, ...], tuple[Conflict, ...]]
Order = tuple[int, Any, int, int]  # where a citation of a URL stands in `link_targets` over the whole archive

# A worker's own timers cost CPU per second of wall time, whatever the work: on a busy 2-core machine
# the profiler (every 10 ms), the memory monitor (every 100 ms) and the system monitor took 11% of
# what the tasks themselves got (scripts/bench_scale.py); slower timers cut that by 60%. For the local
# cluster claimcheck starts; give your own cluster the same settings in its Dask config.
QUIET_WORKERS = {"distributed.worker.profile.enabled": False, "distributed.worker.memory.monitor-interval": "1s",
                 "distributed.admin.system-monitor.interval": "2s"}
MAX_PARTITION = 200  # files per extraction task: a few seconds of work, and a ledger part of a few MB
TASKS_PER_WORKER = 8  # extraction tasks per worker at least, for balance and a moving progress bar


# -- on the workers ------------------------------------------------------------------------------

def _warm(model: str) -> None:
    """Load the spaCy pipeline in this worker process now: once, before any task needs it."""
    from ..claims.extract import load_model

    load_model(model)


def _extract(batch: Sequence[tuple[int, str, str]], settings: Settings, ledger: str | None, part: str) -> list[Entry]:
    """One task: `process_document` over a batch of files, and the batch's part of the Parquet ledger."""
    entries: list[Entry] = [(i, process_document(path, settings, doc_id)) for i, path, doc_id in batch]
    if ledger is not None:
        claims = sorted((c for _, r in entries if isinstance(r, DocumentResult) for c in r.claims),
                        key=lambda c: (c.doc_id, c.start, c.end))
        write_claims_parquet(claims, Path(ledger) / f"part-{part}.parquet")
    return entries


def _lost(i: int, path: str, reason: str) -> list[Entry]:
    return [(i, Skipped(path, reason, error=True))]


def _slim(entries: Sequence[Entry]) -> list[Entry]:
    """What the Report needs of a partition: everything but the parsed notes (used on the workers only)."""
    return [(i, dataclasses.replace(r, notes=Notes()) if isinstance(r, DocumentResult) else r) for i, r in entries]


def _claim_order(c: Claim, i: Any, pos: int) -> tuple[str, int, int, Any, int]:
    return (c.doc_id, c.start, c.end, i, pos)  # the default path's sort, ties in file order


def _entity_counts(entries: Iterable[Entry]) -> Counter[str]:
    """How often each entity name is counted in a partition (every claim, as `reconcile` counts them)."""
    return Counter(c.frame.entity for _, r in entries if isinstance(r, DocumentResult)
                   for c in r.claims if c.frame and c.frame.entity)


def _add_counts(parts: Iterable[Counter[str]]) -> Counter[str]:
    total: Counter[str] = Counter()
    for part in parts:
        total.update(part)
    return total


def _canonical(counts: Counter[str], fuzzy: int) -> dict[str, str]:
    """The archive's spelling variants folded, from the distinct names and their counts alone."""
    return canonical_entities(counts.elements(), fuzzy)


def _blockable(entries: Sequence[Entry], canon: Mapping[str, str]
               ) -> list[tuple[str, tuple[str, int, int, Any, int], Claim]]:
    """(block key, order, claim) for every claim reconciliation compares across documents."""
    rows = []
    for i, r in entries:
        if isinstance(r, DocumentResult):
            for pos, c in enumerate(r.claims):
                key = None if c.duplicate_of else guarded_key(c, canon)
                if key is not None:
                    rows.append((key, _claim_order(c, i, pos), c))
    return rows


def _check_documents(entries: Sequence[Entry], settings: ReconcileSettings) -> list[tuple[tuple[int, str], Part]]:
    """`check_document` for each document of a partition, fed as `reconcile.reconcile` feeds it."""
    claims: dict[str, list[tuple[Any, Claim]]] = {}
    cites: dict[str, list[tuple[Any, Any]]] = {}
    for i, r in entries:
        if not isinstance(r, DocumentResult):
            continue
        for pos, c in enumerate(r.claims):
            if not c.duplicate_of:
                claims.setdefault(c.doc_id or c.doc, []).append((_claim_order(c, i, pos), c))
        for pos, cite in enumerate(r.citations):
            cites.setdefault(cite.doc_id or cite.doc, []).append(((cite.doc_id, cite.number, i, pos), cite))
    out = []
    for doc, rows in claims.items():
        mine = [c for _, c in sorted(rows, key=itemgetter(0))]
        theirs = [c for _, c in sorted(cites.get(doc, []), key=itemgetter(0))]
        out.append(((1, doc), guarded_document(doc, mine, theirs, settings)))
    return out


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:  # "http://[::1": the checker calls it invalid, wherever it is checked
        return ""


def _link_rows(entries: Sequence[Entry]) -> list[tuple[str, str, Order, LinkRef]]:
    """(host, url, order, where it is cited) for every citation of a URL.

    `link_targets` over the archive lists footnote URLs of every document first, then bare URLs;
    `order` = (0 for a footnote or 1 for a bare URL, file, rank in the document, rank of the ref)
    puts the pieces back in that order, and the smallest order of a URL is its place in the list.
    """
    rows = []
    for i, r in entries:
        if isinstance(r, DocumentResult):
            for rank, (url, refs) in enumerate(link_targets([r]).items()):
                for j, ref in enumerate(refs):
                    rows.append((_host(url), url, (0 if ref.footnote is not None else 1, i, rank, j), ref))
    return rows


def _check_hosts(groups: Sequence[tuple[str, list[tuple[str, str, Order, LinkRef]]]], settings: LinkSettings
                 ) -> list[tuple[list[tuple[Order, LinkResult]], str | None, tuple[str, ...]]]:
    """One task: every URL of the hosts that landed here, in one `check_links` (one client, one pool)."""
    rows = sorted((row for _, host_rows in groups for row in host_rows), key=itemgetter(2))
    if not rows:
        return []
    targets: dict[str, list[LinkRef]] = {}
    first: dict[str, Order] = {}
    for _, url, order, ref in rows:
        targets.setdefault(url, []).append(ref)
        first.setdefault(url, order)
    from ..links import check_links

    outcome = check_links(targets, settings)
    return [([(first[r.url], r) for r in outcome.results], outcome.network_note, outcome.warnings)]


# -- on the client -------------------------------------------------------------------------------

def scan_dask(paths: list[str], settings: Settings, scheduler: str | None = None,
              progress: Progress | None = None, notice: Notice | None = None, *,
              ledger_parquet: str | Path | None = None, partition_size: int | None = None,
              split_at: int = SPLIT_AT) -> Report:
    """`pipeline.scan` on a Dask cluster: the same Report, with the stages partitioned (module docstring).

    `scheduler` is the address of a running scheduler; without it a local cluster starts, one worker
    process per core. `ledger_parquet` is a folder for the claims as a Parquet dataset (one part per
    extraction task), replaced only when the run succeeds. `notice` receives one-line messages for
    the user (the dashboard's address); `progress(stage, done, total)` the progress of each stage.
    """
    _require_dask()
    files = collect_paths(paths, settings.include, settings.exclude)
    ids = document_ids(files, paths)
    staging = staged_dataset(ledger_parquet) if ledger_parquet is not None else nullcontext(None)
    with staging as ledger_dir:
        if not files:
            if ledger_dir is not None:
                write_claims_parquet([], ledger_dir / part_name(0))
            return assemble([], settings)
        with _connect(scheduler, notice) as client:
            return _scan(client, files, ids, settings, progress, notice,
                         str(ledger_dir) if ledger_dir is not None else None, partition_size, split_at)


def _require_dask() -> None:
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        raise UsageError(f"--engine dask needs Dask ({exc.name or exc} is not installed): {INSTALL}") from exc


@contextmanager
def _connect(scheduler: str | None, notice: Notice | None) -> Iterator[Any]:
    """A client of the user's scheduler, or of a local cluster of one process per core."""
    import dask
    from distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        try:
            client = Client(scheduler)
        except (OSError, TimeoutError, ValueError) as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    else:
        # One task at a time per worker (no task queued behind another): a worker that dies takes
        # only the task it was running with it, which is what lets _extract_all find the culprit.
        with dask.config.set({"distributed.scheduler.worker-saturation": 1.0, **QUIET_WORKERS}):
            cluster = LocalCluster(processes=True, n_workers=os.cpu_count() or 1, threads_per_worker=1,
                                   silence_logs=logging.ERROR)
        client = Client(cluster)
    try:
        if notice is not None:
            notice(_dashboard_notice(client))
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _has_bokeh() -> bool:
    import importlib.util

    return importlib.util.find_spec("bokeh") is not None


def _dashboard_notice(client: Any) -> str:
    """Where to watch the run; the dashboard needs bokeh where the scheduler runs."""
    address = client.scheduler.address
    try:
        bokeh = client.run_on_scheduler(_has_bokeh)
        link = client.dashboard_link if "dashboard" in client.scheduler_info().get("services", {}) else None
    except (OSError, RuntimeError, ValueError, KeyError, TimeoutError):  # a scheduler that refuses run_on_scheduler
        bokeh, link = None, None
    if bokeh and link:
        return f"Dask dashboard: {link} (scheduler {address})"
    return (f"Dask scheduler {address}; no dashboard: bokeh is not installed where the scheduler runs "
            "(pip install 'bokeh>=3.1' there to watch the run in a browser)")


def _workers(client: Any) -> int:
    return sum(w.get("nthreads", 1) for w in client.scheduler_info().get("workers", {}).values()) or 1


def _scan(client: Any, files: Sequence[Path], ids: dict[Path, str], settings: Settings, progress: Progress | None,
          notice: Notice | None, ledger: str | None, partition_size: int | None, split_at: int) -> Report:
    import dask.bag as db

    workers = _workers(client)
    size = partition_size or max(1, min(MAX_PARTITION, -(-len(files) // (workers * TASKS_PER_WORKER))))
    items = [(i, str(f), ids[f]) for i, f in enumerate(files)]
    batches = [items[k:k + size] for k in range(0, len(items), size)]
    if notice is not None:
        notice(f"Dask: {workers} worker{'s' if workers != 1 else ''}, {len(files)} files in {len(batches)} tasks")
    client.run(_warm, settings.model)  # a missing model fails here, once, not in every task

    parts = _extract_all(client, batches, settings, ledger, progress)
    extracted = db.from_delayed(parts)
    slim = client.compute(extracted.map_partitions(_slim).to_delayed())
    found = _gather(client, client.persist(_reconcile_graph(extracted, settings.reconcile, workers, split_at)), "reconcile", progress)
    links: tuple[LinkResult, ...] = ()
    note, warnings = None, ()
    if not settings.offline:
        outcomes = _gather(client, client.persist(_links_graph(extracted, settings.links, workers)), "links", progress)
        links = tuple(r for _, r in sorted((x for res, _, _ in outcomes for x in res), key=itemgetter(0)))
        note = next((n for _, n, _ in outcomes if n), None)
        warnings = tuple(dict.fromkeys(w for _, _, ws in outcomes for w in ws))

    results = [r for _, r in sorted((e for part in client.gather(slim) for e in part), key=itemgetter(0))]
    report = assemble(results, settings, reconcile=False)
    groups, conflicts, faults = merge_parts(f for _, f in sorted(found, key=itemgetter(0)))
    return dataclasses.replace(report, groups=groups, conflicts=conflicts, reconciled=True, faults=faults,
                               links=links, network_note=note, warnings=warnings)


def _reconcile_graph(extracted: Any, settings: ReconcileSettings, workers: int, split_at: int = SPLIT_AT) -> Any:
    """A bag of ((0, sub-block key) or (1, document id), findings) from a bag of extraction entries.

    The entity names of the whole archive are counted (a tree reduction of small Counters) and
    folded into canonical spellings in one task, as `reconcile` does before blocking; blocks over
    `split_at` claims are split on their next keys (blocks.py, exactly), and claims are shuffled
    by bucket of their sub-block (a task shuffle, so it works across machines); each sub-block is
    reconciled where it lands; documents are checked in their own partition.
    """
    import dask
    import dask.bag as db

    nparts = max(1, min(extracted.npartitions, workers * TASKS_PER_WORKER))
    counts = extracted.reduction(_entity_counts, _add_counts, split_every=16)
    canon = dask.delayed(_canonical)(counts, settings.fuzzy)
    tagged, _ = bucketed(extracted.map_partitions(_blockable, canon), split_at)
    blocks = shuffle_blocks(tagged, nparts).map_partitions(findings_of, settings)
    return db.concat([blocks, extracted.map_partitions(_check_documents, settings)])


def _links_graph(extracted: Any, settings: LinkSettings, workers: int) -> Any:
    """A bag of (results with their order, network note, warnings), one per task of whole hosts."""
    nparts = max(1, min(extracted.npartitions, workers * 4))
    return (extracted.map_partitions(_link_rows)
            .groupby(itemgetter(0), shuffle="tasks", npartitions=nparts)
            .map_partitions(_check_hosts, settings))


def _extract_all(client: Any, batches: Iterable[list[tuple[Any, str, str]]], settings: Settings, ledger: str | None,
                 progress: Progress | None, task: Callable[..., Any] = _extract, lost: Callable[..., Any] = _lost,
                 window: int | None = None) -> list[Any]:
    """One future per extraction task, in batch order; the results stay on the workers. Batches are
    submitted as they come, at most `window` running or waiting (all without it), so a client listing
    files as they are read (listing.py) holds only those; the progress total is the files so far.
    A batch whose worker process dies (a crash in a C extension, the memory limit) is run again file
    by file, so only the file that kills a worker is lost: it becomes a Skipped with error=True.
    `task(batch, settings, ledger, part)` and `lost(order, path, reason)` default to the Report engine's."""
    from distributed import as_completed
    from distributed.scheduler import KilledWorker

    run, source = uuid.uuid4().hex[:12], enumerate(batches)
    running: dict[Any, tuple[int, int | None, list[tuple[Any, str, str]]]] = {}
    final: dict[tuple[int, int], Any] = {}
    pending = as_completed()
    total, done = 0, 0

    def submit(n: int, one: int | None, batch: list[tuple[Any, str, str]]) -> None:
        part, key = (f"{n:05d}", f"{n}") if one is None else (f"{n:05d}-{one:04d}", f"{n}-{one}")
        future = client.submit(task, batch if one is None else [batch[one]], settings, ledger, part,
                               key=f"claimcheck-extract-{run}-{key}", pure=False)
        running[future] = (n, one, batch)
        pending.add(future)

    def fill() -> None:  # submit batches until `window` are running or waiting
        nonlocal total
        while (window is None or len(running) < window) and (nxt := next(source, None)) is not None:
            submit(nxt[0], None, nxt[1])
            total += len(nxt[1])

    fill()
    if progress:
        progress("extract", 0, total)
    for future in pending:
        n, one, batch = running.pop(future)
        if future.status == "error" and isinstance(future.exception(), KilledWorker):
            if one is None:  # the batch killed its worker: find the file that did, one task each
                for k in range(len(batch)):
                    submit(n, k, batch)
                continue
            order, path, _ = batch[one]
            future = client.submit(lost, order, path, "the worker process died while reading it (a crash or its "
                                   "memory limit); please report it with the file", key=f"claimcheck-lost-{run}-{n}-{one}")
        elif future.status != "finished":
            future.result()  # the task's own error (the model cannot load, the ledger cannot be written)
        final[(n, one if one is not None else -1)] = future
        done += 1 if one is not None else len(batch)
        fill()
        if progress:
            progress("extract", done, total)
    return [final[k] for k in sorted(final)]


def _gather(client: Any, bag: Any, stage: str, progress: Progress | None, fetch: bool = True) -> list[Any]:
    """Wait for a persisted bag's partitions, counting them on the progress bar, and fetch them (or not)."""
    from distributed import as_completed, futures_of

    futures = futures_of(bag)
    if progress:
        progress(stage, 0, len(futures))
    for done, future in enumerate(as_completed(futures), 1):
        if future.status != "finished":
            future.result()
        if progress:
            progress(stage, done, len(futures))
    return [x for part in client.gather(futures) for x in part] if fetch else []
