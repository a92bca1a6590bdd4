"""Splitting a skewed block before it becomes one task, without changing what it finds.

A block (`reconcile.block_key`: kind, unit, entity) is the unit `reconcile_block` compares inside.
On a skewed archive one block ("people", counted by most claims) holds most claims, and one task
would do most of the work. The next keys split it, and only where the split is exact, so the
cluster's findings stay the default path's field by field:

- **scope**: a claim joins only a group of its own defining scope (`groups.defining_scope`), so
  each scope is its own sub-block;
- **event and place**: a claim joins a group only through an event or a place it shares with it
  exactly (`groups._Index.candidates`), and a group never holds two events or two places. The
  sub-blocks are the connected parts of the graph whose nodes are the events and places and whose
  edges are the claims that state both; a claim stating neither founds a group of one, which is
  never reported, so it is left out;
- **time** is not a split key: a claim with no date joins a group of any date, so a split by year
  would change which group it joins. Facts (`fact|...` blocks) are not split either: their
  entities are compared by spelling distance, not equality.

A part that cannot be split further runs as one task, with the envelope index of `form_groups`
(a claim inside every member's interval meets no member); its memory is its claims'.
"""
from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping

from ..model import Claim
from ..reconcile.groups import defining_scope

__all__ = ["Signature", "bucket_of", "components", "signature", "sub_key"]

# What decides which sub-block a claim lands in: (defining scope, event, place).
Signature = tuple[tuple[str, ...], str | None, str | None]
SEP = "\x1f"  # between a block key and its part's number: no key holds a control character


def signature(claim: Claim) -> Signature:
    f = claim.frame
    if f is None:
        return ((), None, None)
    return tuple(sorted(defining_scope(f))), f.event, f.place


def splittable(key: str) -> bool:
    return not key.startswith("fact|")


def _node(kind: str, scope: tuple[str, ...], value: str) -> str:
    return f"{kind}:{','.join(scope)}:{value}"


def components(signatures: Iterable[Signature]) -> dict[Signature, str | None]:
    """Each signature -> the name of its sub-block, or None for one that can join nothing.

    A sub-block is named by its smallest node ("e:<scope>:<event>" or "p:<scope>:<place>"), so a
    name does not depend on which other signatures the block holds: adding claims to a block
    renames only the sub-blocks they merge (an incremental run re-reads only those).
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    nodes: dict[Signature, list[str]] = {}
    for sig in set(signatures):
        scope, event, place = sig
        mine = [_node(k, scope, v) for k, v in (("e", event), ("p", place)) if v]
        nodes[sig] = mine
        for n in mine:
            find(n)
        if len(mine) == 2:
            ra, rb = find(mine[0]), find(mine[1])
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return {sig: find(mine[0]) if mine else None for sig, mine in nodes.items()}


def sub_key(key: str, claim: Claim, parts: Mapping[str, Mapping[Signature, str | None]]) -> str | None:
    """The claim's sub-block: the block key itself for a block not split, `key` SEP `name` for a part
    of a split one, None for a claim that can join nothing in a split block."""
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
