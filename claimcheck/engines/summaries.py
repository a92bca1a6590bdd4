"""What the tasks of an archive run write beside their files and tell the client (archive.py, ledgers.py).

Each task writes its rows to the results dataset and returns a `_Part`: the files it wrote and
their counts, and the findings that fail the run, capped. `_merge` folds the tasks' parts into one
on the workers, so the client gathers one summary however many tasks ran.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Claim, Conflict, Skipped
from . import dataset as ds
from .parquet import write_claims_parquet

__all__ = ["_Part", "_fault_skips", "_merge", "_write_findings"]


@dataclass(frozen=True)
class _Part:
    """What one task tells the client: the files it wrote and their counts (never the rows)."""

    files: dict[str, list[str]] = field(default_factory=dict)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # file stem -> counts
    skipped: tuple[Skipped, ...] = ()
    failing: tuple[Conflict, ...] = ()
    new: tuple[str, ...] = ()  # conflict ids the dataset did not hold before this run
    new_count: int = 0
    seconds: tuple[float, ...] = ()  # reconcile time of each sub-block (blocks only)
    entities: Counter[str] = field(default_factory=Counter)
    cpu: float = 0.0  # CPU seconds of the task's own thread: what a worker spends outside tasks is the rest
    failing_count: int = 0  # all of them; `failing` keeps up to `dataset.KEPT`


# -- on the workers --------------------------------------------------------------------------------

def _findings_rows(found: Iterable[tuple[str, Any]]) -> tuple[list[dict], list[dict], list[Conflict], Counter[str]]:
    groups, conflicts, kept = [], [], []
    counts: Counter[str] = Counter()
    for block, part in found:
        gs, cs = part[0], part[1]
        for g in gs:
            groups.append(ds.group_row(g, block))
            counts["groups"] += 1
            counts["agreeing"] += g.agrees
        for c in cs:
            conflicts.append(ds.conflict_row(c, block))
            counts[c.severity.value] += 1
            kept.append(c)
    return groups, conflicts, kept, counts


def _fault_skips(found: Iterable[tuple[str, Any]]) -> tuple[Skipped, ...]:
    """A block or document check that raised (`reconcile.safe`), as a skip naming its documents: the
    dataset's report has no faults table, and a skip fails the run under `fail_on_skipped` as a Fault does."""
    return tuple(Skipped(", ".join(f.documents), f"not checked: {f.part}: internal error {f.reason}, please report it",
                         error=True)
                 for _, part in found for f in (part[2] if len(part) > 2 else ()))


def _write_findings(folder: Path, stem: str, found: list[tuple[str, Any]], claims: dict[str, Claim], failing: set[str]
                    ) -> tuple[dict[str, list[str]], Counter[str], tuple[Conflict, ...], list[str], int]:
    groups, conflicts, kept, counts = _findings_rows(found)
    files: dict[str, list[str]] = {}
    name = f"{stem}.parquet"
    if groups:
        ds.write_rows(folder / "groups" / name, groups, ds.GROUP_COLUMNS)
        files["groups"] = [name]
    if conflicts:
        ds.write_rows(folder / "conflicts" / name, conflicts, ds.CONFLICT_COLUMNS)
        named = sorted({cid for c in kept for cid in c.claims if cid in claims})
        write_claims_parquet([claims[cid] for cid in named], folder / "sides" / name)
        files["conflicts"], files["sides"] = [name], [name]
    bad = sorted((c for c in kept if c.severity.value in failing), key=lambda c: c.id)
    return files, counts, tuple(bad[:ds.KEPT]), sorted(c.id for c in kept), len(bad)


def _merge(parts: Iterable[_Part]) -> _Part:
    """Tasks' summaries as one, on the workers: the client then gathers one summary, its findings
    capped at `dataset.KEPT` (the counts exact), however many tasks ran. Entity counts are left out
    (they went to blocking already)."""
    files: dict[str, list[str]] = {}
    counts: dict[str, dict[str, int]] = {}
    skipped: list[Skipped] = []
    failing: list[Conflict] = []
    new: list[str] = []
    seconds: list[float] = []
    new_count, failing_count, cpu = 0, 0, 0.0
    for p in parts:
        for table, names in p.files.items():
            files.setdefault(table, []).extend(names)
        counts.update(p.counts)
        skipped.extend(p.skipped[:ds.KEPT - len(skipped)])  # the first ones, in task order
        failing = sorted([*failing, *p.failing], key=lambda c: c.id)[:ds.KEPT]
        new = sorted([*new, *p.new])[:ds.KEPT]
        seconds = sorted([*seconds, *p.seconds], reverse=True)[:ds.KEPT]
        new_count, failing_count, cpu = new_count + p.new_count, failing_count + p.failing_count, cpu + p.cpu
    return _Part(files, counts, tuple(skipped), tuple(failing), tuple(new), new_count, tuple(seconds), Counter(), cpu,
                 failing_count)
