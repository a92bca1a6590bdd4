"""Blocks on a cluster: claims keyed by `reconcile.block_key`, large blocks split, shuffled by bucket.

    rows (block key, order, claim)        from extraction tasks, ledger files or a dataset's blocks
    -> sizes                              claims per block key (a tree reduction of Counters)
    -> parts                              for each block over `split_at` claims: its sub-blocks
                                          (`split.components` over the block's distinct signatures)
    -> (bucket, sub-block key, order, claim)  shuffled on the bucket (a task shuffle: works across machines)
    -> a sink per partition               `reconcile_block` per sub-block, then returns or writes the findings

Splitting is exact (split.py: by the set a claim counts in), so the findings are those of one
`reconcile_block` per block.
Everything here runs on the workers; the client builds the graph and holds no claim.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from operator import itemgetter
from typing import Any

from ..config import ReconcileSettings
from ..model import Claim
from ..reconcile import guarded_block
from ..reconcile.safe import Part
from .split import Signature, block_of, bucket_of, components, signature, splittable, sub_key

__all__ = ["SPLIT_AT", "bucketed", "reconcile_bucket", "shuffle_blocks"]

Row = tuple[str, Any, Claim]  # (block key, order, claim)
Tagged = tuple[int, str, Any, Claim]  # (bucket, sub-block key, order, claim)

# A block with more claims than this is split on the sets its claims count in (split.py) before it
# becomes a task: a split that is exact, so the findings are those of one `reconcile_block` per
# block. Smaller blocks are not worth the extra pass over their claims.
SPLIT_AT = 20_000
BUCKETS = 4096  # sub-blocks are shuffled by bucket; many more buckets than tasks, for balance


def _count_keys(rows: Iterable[Row]) -> Counter[str]:
    return Counter(key for key, _, _ in rows)


def _add(parts: Iterable[Counter[str]]) -> Counter[str]:
    total: Counter[str] = Counter()
    for part in parts:
        total.update(part)
    return total


def _big(sizes: Counter[str], split_at: int) -> frozenset[str]:
    return frozenset(k for k, n in sizes.items() if n > split_at and splittable(k))


def _signatures(rows: Iterable[Row], big: frozenset[str]) -> list[tuple[str, Signature]]:
    return list({(key, signature(c)) for key, _, c in rows if key in big})


def _as_set(part: Iterable[tuple[str, Signature]]) -> set[tuple[str, Signature]]:
    return set(part)


def _union(parts: Iterable[set[tuple[str, Signature]]]) -> set[tuple[str, Signature]]:
    out: set[tuple[str, Signature]] = set()
    for part in parts:
        out |= part
    return out


def _parts(sigs: set[tuple[str, Signature]]) -> dict[str, dict[Signature, str | None]]:
    by_key: dict[str, list[Signature]] = {}
    for key, sig in sigs:
        by_key.setdefault(key, []).append(sig)
    return {key: components(s) for key, s in by_key.items()}


def _tag(rows: Iterable[Row], parts: Mapping[str, Mapping[Signature, str | None]], buckets: int) -> list[Tagged]:
    out = []
    for key, order, c in rows:
        sub = sub_key(key, c, parts)
        if sub is not None:  # None: in a split block, a claim that can join nothing
            out.append((bucket_of(sub, buckets), sub, order, c))
    return out


def bucketed(rows: Any, split_at: int = SPLIT_AT, buckets: int = BUCKETS) -> tuple[Any, Any]:
    """A bag of rows -> (a bag of tagged rows, a delayed {block key: {signature: sub-block}} of the split blocks)."""
    import dask

    sizes = rows.reduction(_count_keys, _add, split_every=16)
    big = dask.delayed(_big)(sizes, split_at)
    sigs = rows.map_partitions(_signatures, big).reduction(_as_set, _union, split_every=16)
    parts = dask.delayed(_parts)(sigs)
    return rows.map_partitions(_tag, parts, buckets), parts


def shuffle_blocks(tagged: Any, npartitions: int) -> Any:
    """Tagged rows -> a bag of (bucket, rows of the bucket), each bucket whole in one partition."""
    return tagged.groupby(itemgetter(0), shuffle="tasks", npartitions=npartitions)


def sub_blocks(rows: Sequence[Tagged]) -> Iterator[tuple[str, list[Claim]]]:
    """A bucket's rows -> (sub-block key, its claims in the default path's order), by key."""
    by_sub: dict[str, list[tuple[Any, Claim]]] = {}
    for _, sub, order, c in rows:
        by_sub.setdefault(sub, []).append((order, c))
    for sub in sorted(by_sub):
        yield sub, [c for _, c in sorted(by_sub[sub], key=itemgetter(0))]


def reconcile_bucket(rows: Sequence[Tagged], settings: ReconcileSettings
                     ) -> list[tuple[str, list[Claim], Part, float]]:
    """`reconcile_block` for each sub-block of a bucket: (sub-block key, its claims, findings and faults, seconds).

    A sub-block that raises is that sub-block's Fault (`guarded_block`), never the task's end.
    """
    out = []
    for sub, claims in sub_blocks(rows):
        t0 = time.perf_counter()
        found = guarded_block(block_of(sub), claims, settings)
        out.append((sub, claims, found, time.perf_counter() - t0))
    return out


def findings_of(part: Iterable[tuple[int, list[Tagged]]], settings: ReconcileSettings) -> list[tuple[tuple[int, str], Part]]:
    """The Report engine's sink: ((0, sub-block), findings) for every sub-block of the partition."""
    out: list[tuple[tuple[int, str], Part]] = []
    for _, rows in part:
        out.extend(((0, sub), found) for sub, _, found, _ in reconcile_bucket(rows, settings))
    return out
