"""A Dask worker preload for tests/test_faults_dask.py (not a test module).

Every reconcile block that holds a claim of a document whose name starts with `poisons-` raises,
the way a bug of ours would on some figure; every other block reconciles as usual. (Real inputs no
longer raise once issue 20's bugs are fixed: this stands in for the next one.)
"""
from __future__ import annotations

POISON = "poisons-"


def dask_setup(worker) -> None:
    from claimcheck.reconcile import safe

    real = safe.reconcile_block

    def reconcile_block(key, claims, settings):
        if any(c.doc_id.startswith(POISON) for c in claims):
            raise ZeroDivisionError("float division by zero")
        return real(key, claims, settings)

    safe.reconcile_block = reconcile_block
