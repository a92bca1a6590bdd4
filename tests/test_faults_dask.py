"""Issue 20 on the Dask engine: a failing task is that block's finding, not the run's end.

Today's failure: an article whose text is a breakdown of a total of zero ended a Dask run with a
worker's "Compute Failed" and no report. Its own cluster (two worker processes) carries a preload
that poisons the reconcile blocks of documents named `poisons-*`, so a block that raises is shown.
"""
from __future__ import annotations

import logging
from pathlib import Path

import pytest

from claimcheck.config import Settings
from claimcheck.pipeline import scan

from .fault_preload import POISON

pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    import dask
    from distributed import Client, LocalCluster

    with dask.config.set({"distributed.scheduler.allowed-failures": 0,
                          "distributed.scheduler.worker-saturation": 1.0}):
        local = LocalCluster(processes=True, n_workers=2, threads_per_worker=1, dashboard_address=":0",
                             silence_logs=logging.CRITICAL, preload=[str(Path(__file__).with_name("fault_preload.py"))])
    client = Client(local)
    yield client
    client.close()
    local.close()


def dask_scan(cluster, paths, settings):
    from claimcheck.engines.dask import scan_dask

    return scan_dask([str(p) for p in paths], settings, scheduler=cluster.scheduler.address, partition_size=1)


def articles(folder: Path, poisoned: bool) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text("41 of the 0 delegates were Ruritanians, followed by 17 Zemblans.\n")
    (folder / "b.txt").write_text("About 2.5 million voters in Ruritania backed the plan in 2021.\n")
    (folder / f"{POISON}c.txt" if poisoned else folder / "c.txt").write_text(
        "Some 4 million voters in Ruritania backed the plan in 2021.\n")
    (folder / "d.txt").write_text("More than 300 towns in Zembla joined the league in 2020.\n")
    (folder / "e.txt").write_text("Nearly 40 towns in Zembla joined the league in 2020.\n")
    return folder


def test_a_total_of_zero_no_longer_ends_a_dask_run(cluster, tmp_path):
    archive = articles(tmp_path / "archive", poisoned=False)
    got = dask_scan(cluster, [archive], Settings(offline=True))
    assert not got.faults and len(got.documents) == 5
    assert {c.kind.value for c in got.conflicts} == {"breakdown", "values"}
    local = scan([str(archive)], Settings(offline=True))
    assert (got.groups, got.conflicts) == (local.groups, local.conflicts)


def test_a_poisoned_block_is_named_and_the_rest_of_the_report_is_complete(cluster, tmp_path):
    archive = articles(tmp_path / "archive", poisoned=True)
    got = dask_scan(cluster, [archive], Settings(offline=True))
    (fault,) = got.faults
    assert fault.stage == "reconcile" and fault.part == "block count||@votes|"
    assert sorted(Path(p).name for p in fault.documents) == ["b.txt", f"{POISON}c.txt"]
    assert "please report it" in fault.message
    assert len(got.documents) == 5 and len(got.claims) == len(scan([str(archive)], Settings(offline=True)).claims)
    assert {Path(c.path).name for c in got.claims} >= {"b.txt", f"{POISON}c.txt"}  # the block's claims stay
    kinds = {c.kind.value for c in got.conflicts}
    assert kinds == {"breakdown", "values"}  # the towns (d, e) and the breakdown (a) are still found
    assert [g.key for g in got.groups] == ["count||town", "doc|a"]  # the voters block is the one missing
