"""Helpers of scripts/bench_scale.py for archive runs (issue 18): a cluster in its own process, a client
that writes a results dataset, and a skewed ledger reconciled with and without splitting.

Not a test; imported by bench_scale.py only.
"""
from __future__ import annotations

import dataclasses
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def start_cluster(workers: int = 2) -> tuple[subprocess.Popen, str]:
    """A LocalCluster in a process of its own; returns it and the scheduler's address."""
    from claimcheck.engines.dask import QUIET_WORKERS

    quiet = {"distributed.scheduler.worker-saturation": 1.0, **(QUIET_WORKERS if os.environ.get("QUIET", "1") == "1" else {})}
    code = ("import logging, sys, time\nfrom distributed import LocalCluster\n"
            "import dask\n"
            f"with dask.config.set({quiet!r}):\n"
            f"    c = LocalCluster(processes=True, n_workers={workers}, threads_per_worker=1, silence_logs=logging.ERROR,"
            " dashboard_address=None)\n"
            "print(c.scheduler_address, flush=True)\nsys.stdin.read()\nc.close()\n")
    # The workers unpickle this module's functions (`_peak`, `_reset_peak`) by name: they must find it.
    here = str(Path(__file__).resolve().parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (here, os.environ.get("PYTHONPATH", "")) if p)}
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    return proc, proc.stdout.readline().strip()


def stop_cluster(proc: subprocess.Popen) -> None:
    assert proc.stdin is not None
    proc.stdin.close()
    proc.wait(timeout=120)


def archive_run(paths: list[str], dataset: str, add: bool, address: str) -> dict:
    """One archive run from this process (the client): time, peaks, CPU, counts, and a digest of the findings."""
    from distributed import Client

    from claimcheck.config import Settings
    from claimcheck.engines.archive import scan_archive

    client = Client(address)
    client.run(_reset_peak)
    before = client.run(_peak)
    stages: dict[str, float] = {}
    t0 = time.perf_counter()

    def progress(stage: str, done: int, total: int) -> None:
        if done == total:
            stages[stage] = time.perf_counter() - t0

    load = os.getloadavg()[0]
    summary = scan_archive(paths, Settings(offline=True), dataset, scheduler=address, add=add, progress=progress)
    wall = time.perf_counter() - t0
    workers = client.run(_peak)
    sched = client.run_on_scheduler(peak_rss_mb)
    client.close()
    return {"articles": summary.documents, "claims": summary.claims, "groups": summary.groups,
            "conflicts": sum(summary.conflicts.values()), "new": summary.new_count, "wall_s": wall,
            "extract_s": stages.get("extract", wall), "client_peak_mb": peak_rss_mb(), "client_cpu_s": cpu_s(),
            "worker_peak_mb": sorted(v[0] for v in workers.values()), "worker_cpu_s": sum(v[1] - before[k][1] for k, v in workers.items()),
            "scheduler_peak_mb": sched, "extract_task_cpu_s": summary.extract_cpu, "load_before": load,
            "load_after": os.getloadavg()[0], "digest": digest(dataset)}


def _reset_peak() -> None:
    """Workers are reused between sizes: their peak is read from /proc after clearing it."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def _peak() -> tuple[float, float]:
    hwm = 0.0
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            hwm = int(line.split()[1]) / 1024
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return hwm, usage.ru_utime + usage.ru_stime


def digest(dataset: str) -> str:
    """The findings of a dataset (groups and conflicts, every field), hashed."""
    import hashlib

    from claimcheck.engines import dataset as ds

    d = ds.Dataset.open(dataset)
    groups = sorted(json.dumps(dataclasses.asdict(ds.group_of(r)), default=str, sort_keys=True)
                    for _, rows in d.rows("groups") for r in rows)
    conflicts = sorted(r["json"] for _, rows in d.rows("conflicts") for r in rows)
    return hashlib.sha256("\n".join(groups + conflicts).encode()).hexdigest()[:16]


# -- a skewed archive ------------------------------------------------------------------------------

PLACES = ["xinjiang", "kazakhstan", "kyrgyzstan", "uzbekistan", "tajikistan", "afghanistan", "kabul", "bishkek",
          "almaty", "urumqi", "fresno", "california", "lombok", "indonesia", "beijing", "astana"]


def skewed_ledger(folder: Path, count: int, share: float = 0.8, seed: int = 18) -> dict:
    """`count` claims made from the seeds' and corpus's claims as templates, `share` of them about one
    entity ("people"); frames keep their templates' events, places, times and scopes (some places
    swapped), so the skewed block has the connectivity real claims have. Written as a Parquet ledger."""
    from claimcheck.config import Settings
    from claimcheck.engines.parquet import write_claims_parquet
    from claimcheck.model import Kind
    from claimcheck.pipeline import scan

    rng = random.Random(seed)
    sources = [str(ROOT / "seeds"), str(ROOT.parent / "shared" / "corpus")]
    templates = [c for c in scan([s for s in sources if Path(s).is_dir()], Settings(offline=True)).claims
                 if c.frame and c.frame.entity and c.kind is not Kind.FACT and c.value is not None and not c.duplicate_of]
    part, claims, skewed = 0, [], 0
    for n in range(count):
        t = rng.choice(templates)
        doc = f"{n // 12:07d}"
        frame = t.frame
        assert frame is not None
        if rng.random() < share:
            frame = dataclasses.replace(frame, entity="people")
            skewed += 1
        if frame.place and rng.random() < 0.3:
            frame = dataclasses.replace(frame, place=rng.choice(PLACES))
        k = rng.uniform(0.7, 1.3) if rng.random() < 0.5 else 1.0
        start = (n % 12) * 100
        claims.append(dataclasses.replace(t, id=f"{doc}:{start}", doc=f"{doc}.txt", doc_id=doc, path=f"{doc}.txt",
                                          start=start, end=start + (t.end - t.start), value=_scale(t.value, k),
                                          low=_scale(t.low, k), high=_scale(t.high, k), frame=frame, duplicate_of=None,
                                          cited_in=None))
        if len(claims) >= 20_000:
            write_claims_parquet(claims, folder / f"part-{part:05d}.parquet")
            part, claims = part + 1, []
    if claims:
        write_claims_parquet(claims, folder / f"part-{part:05d}.parquet")
    return {"claims": count, "skewed": skewed, "templates": len(templates)}


def _scale(x: float | None, k: float) -> float | None:
    return None if x is None else x * k


def skew_run(ledger: str, dataset: str, split_at: int, address: str) -> dict:
    """Reconcile the skewed ledger on the cluster; the reconcile tasks' times from Dask's task stream."""
    from distributed import Client

    from claimcheck.config import Settings
    from claimcheck.engines.ledgers import reconcile_archive

    client = Client(address)
    client.get_task_stream()  # starts recording
    t0 = time.perf_counter()
    summary = reconcile_archive([ledger], Settings(), dataset, scheduler=address, split_at=split_at)
    wall = time.perf_counter() - t0
    tasks = client.get_task_stream(start=time.time() - wall - 1)
    client.close()
    durations = sorted((sum(s["stop"] - s["start"] for s in t["startstops"] if s["action"] == "compute")
                        for t in tasks if "write_buckets" in str(t["key"])), reverse=True)
    total = sum(durations) or 1.0
    return {"split_at": split_at, "wall_s": wall, "tasks": len(durations), "largest_task_s": durations[0] if durations else 0,
            "largest_share": (durations[0] / total) if durations else 0, "reconcile_task_s": total,
            "slowest_sub_block_s": summary.seconds[0] if summary.seconds else 0, "groups": summary.groups,
            "conflicts": sum(summary.conflicts.values()), "digest": digest(dataset)}
