"""Splitting a skewed block before it becomes one task, without changing what it finds.

A block (`reconcile.block_key`: kind, dimension, concept or counted noun) is the unit
`reconcile_block` compares inside. On a skewed archive one block ("deaths", or every length in
metres) holds most claims, and one task would do most of the work. A block is split only where
the split is exact, so the cluster's findings stay the default path's field by field:

- **the set a claim counts in** ("35 other countries", "additional compensation", "people
  aboard"): two claims of different sets never meet (`reconcile.evidence.weigh` rules them apart
  whatever else they share, and the older rules of `reconcile.groups` join only claims of one
  defining scope), and the clustering keeps one candidate index per set
  (`reconcile.clusters._set_of`), so each set is a sub-block that finds what the whole block finds.

Nothing else is exact since issue 16: evidence joins claims on topic, time, figure and concept
together, none of them required, so event, place, topic or year would each move a claim out of
the cluster it joins in the whole block. A part that cannot be split further runs as one task.
Its cost stays near-linear (the clustering looks candidates up by page names and weighs a bounded
sample of each cluster) and its memory is its claims': about 1.3 kB per claim
(`scripts/bench_reconcile.py`: 1,000,000 claims in 1.25 GB), so a worker with 4 GB reconciles
a block of about three million claims.
"""
from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping

from ..model import Claim
from ..reconcile.evidence import qualifiers

__all__ = ["Signature", "bucket_of", "components", "signature", "sub_key"]

# What decides which sub-block a claim lands in: the set qualifiers of its frame, sorted.
Signature = tuple[str, ...]
SEP = "\x1f"  # between a block key and its part's name: no key holds a control character


def signature(claim: Claim) -> Signature:
    return tuple(sorted(qualifiers(claim.frame)[0])) if claim.frame is not None else ()


def splittable(key: str) -> bool:
    return not key.startswith("fact|")  # facts compare entities by spelling distance: one task


def components(signatures: Iterable[Signature]) -> dict[Signature, str | None]:
    """Each signature -> the name of its sub-block: one per set, named by the set, so a name does
    not depend on which other sets the block holds (an incremental run re-reads only what it touches)."""
    return {sig: "s:" + ",".join(sig) for sig in set(signatures)}


def sub_key(key: str, claim: Claim, parts: Mapping[str, Mapping[Signature, str | None]]) -> str | None:
    """The claim's sub-block: the block key itself for a block not split, `key` SEP `name` for a part
    of a split one (None, for a claim that can join nothing, is no longer produced but still honoured)."""
    table = parts.get(key)
    if table is None:
        return key
    name = table.get(signature(claim))
    return None if name is None else f"{key}{SEP}{name}"


def block_of(sub: str) -> str:
    """The block key of a sub-block key: what `reconcile_block` and the groups' `key` are given."""
    return sub.split(SEP, 1)[0]


def bucket_of(sub: str, buckets: int) -> int:
    """A stable bucket (0..buckets-1) for a sub-block: the dataset's files are by bucket."""
    return zlib.crc32(sub.encode("utf-8")) % buckets
