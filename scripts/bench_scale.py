#!/usr/bin/env python
"""Scale benchmark: the default path against the Dask engine (issues 13 and 18).

    .venv/bin/python scripts/bench_scale.py                  # 5,000 articles, every engine
    .venv/bin/python scripts/bench_scale.py --articles 1000 --runs default,dask2
    .venv/bin/python scripts/bench_scale.py --archive /tmp/a --articles 21000 --sizes 5000,10000,20000 --add 1000
        # archive runs into a results dataset (a cluster of 2 workers in its own process, so the
        # client's peak is the client's): client and worker peaks per size, then 1,000 articles added
    .venv/bin/python scripts/bench_scale.py --skew 200000  # reconcile a skewed ledger, split or not

Builds an archive of varied ~800-word articles from `seeds/` and `../shared/corpus` (a window of
paragraphs from a source, shuffled, with about half its figures perturbed by up to 40% and place
names swapped, so claims agree, nearly agree and conflict as in a real archive; a source's endnotes
stay at the end so citations are audited), then scans it offline with each engine, each in a fresh
process so peak memory is its own, and prints articles/s, claims/s and peak memory per process.
Every engine must give the same report: the script checks a digest of the JSON report.

Not a test. Timings depend on the machine's load, which is printed with them.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [*sorted((ROOT / "seeds").glob("*.txt")), *sorted((ROOT.parent / "shared" / "corpus").glob("*.txt"))]
RUNS = {"default": "default path, 1 process", "jobs2": "default path, --jobs 2",
        "dask1": "Dask, 1 worker", "dask2": "Dask, 2 workers", "archive": "Dask, 2 workers, results dataset"}
PLACES = ["Xinjiang", "Kazakhstan", "Kyrgyzstan", "Uzbekistan", "Tajikistan", "Afghanistan", "Kabul", "Bishkek",
          "Almaty", "Urumqi", "Fresno", "California", "Lombok", "Indonesia", "Beijing", "Astana"]
NUMBER = re.compile(r"(?<![\w/.:=#%-])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w/])|(?<![\w/.:=#%-])\d+(?:\.\d+)?(?![\w/,])")
NOTES = re.compile(r"(?m)^1\.\s")


# -- the archive ---------------------------------------------------------------------------------

def split_source(text: str) -> tuple[list[str], str]:
    """(body paragraphs, endnotes): the notes start at a `1. ` line followed by several URLs."""
    notes = ""
    for m in NOTES.finditer(text):
        if text.count("http", m.start()) >= 3:
            text, notes = text[:m.start()], text[m.start():]
            break
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()], notes


def perturb(match: re.Match[str], rng: random.Random) -> str:
    raw = match.group()
    plain = raw.replace(",", "")
    value = float(plain)
    if ("," not in raw and "." not in raw and 1500 <= value <= 2099) or rng.random() < 0.5:
        return raw  # years stay (they date claims); half the figures stay, so articles agree
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    new = value * rng.uniform(0.6, 1.4)
    if decimals == 0:
        new = max(1, round(new))
        return f"{new:,}" if "," in raw else str(new)
    return f"{new:,.{decimals}f}" if "," in raw else f"{new:.{decimals}f}"


def article(sources: list[tuple[list[str], str]], rng: random.Random) -> str:
    paragraphs, notes = rng.choice(sources)
    target = rng.randint(400, 1200)  # words: ~800 on average
    start = rng.randrange(len(paragraphs))
    window, words = [], 0
    for p in paragraphs[start:] + paragraphs[:start]:
        window.append(p)
        words += len(p.split())
        if words >= target:
            break
    head, rest = window[0], window[1:]
    rng.shuffle(rest)
    body = "\n\n".join([head, *rest])
    body = NUMBER.sub(lambda m: perturb(m, rng), body)
    for _ in range(rng.randint(0, 2)):
        a, b = rng.sample(PLACES, 2)
        body = body.replace(a, "\0").replace(b, a).replace("\0", b)
    return body + ("\n\n" + notes if notes else "") + "\n"


def build_archive(folder: Path, count: int, seed: int = 13) -> int:
    """`count` articles in folders of 1,000, as an archive is laid out; returns the words written."""
    rng = random.Random(seed)
    sources = [split_source(p.read_text("utf-8")) for p in SOURCES]
    words = 0
    for k in range(count):
        text = article(sources, rng)
        words += len(text.split())
        path = folder / f"{k // 1000:03d}" / f"a{k:07d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return words


# -- one engine, in its own process --------------------------------------------------------------

def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def cpu_s(who: int = resource.RUSAGE_SELF) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def run_one(kind: str, archive: str, paths: list[str] | None = None) -> dict:
    from claimcheck.config import Settings
    from claimcheck.formats.data import report_json
    from claimcheck.pipeline import scan

    settings = Settings(offline=True, jobs=2 if kind == "jobs2" else 1)
    out: dict = {"run": kind, "load_before": os.getloadavg()[0]}
    workers: list[float] = []
    stages: dict[str, float] = {}  # when each stage finished, from the start of the scan

    def progress(stage: str, done: int, total: int) -> None:
        if done == total:
            stages[stage] = time.perf_counter() - t0
    if kind.startswith("dask"):
        import logging

        from distributed import Client, LocalCluster

        from claimcheck.engines.dask import scan_dask

        t0 = time.perf_counter()
        cluster = LocalCluster(processes=True, n_workers=int(kind[4:]), threads_per_worker=1, silence_logs=logging.ERROR)
        client = Client(cluster)
        out["startup_s"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        report = scan_dask([archive], settings, scheduler=cluster.scheduler_address, progress=progress)
        out["wall_s"] = time.perf_counter() - t0
        workers = sorted(client.run(peak_rss_mb).values())
        out["cpu_s"] = sum(client.run(cpu_s).values())
        client.close()
        cluster.close()
    else:
        out["startup_s"] = 0.0
        t0 = time.perf_counter()
        report = scan(paths or [archive], settings, progress)
        out["wall_s"] = time.perf_counter() - t0
        out["cpu_s"] = cpu_s(resource.RUSAGE_CHILDREN)
        if kind == "jobs2":  # the extraction processes are the pool's children, gone by now
            workers = [resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024]
    out["cpu_s"] += cpu_s()
    out.update(
        load_after=os.getloadavg()[0], articles=len(report.documents), skipped=len(report.skipped),
        claims=len(report.claims), groups=len(report.groups), conflicts=len(report.conflicts),
        main_peak_mb=peak_rss_mb(), worker_peak_mb=workers, extract_s=stages.get("extract", out["wall_s"]),
        digest=hashlib.sha256(report_json(report).encode()).hexdigest()[:16],
    )
    return out


# -- the table -----------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--archive", help="reuse (or build here) the archive folder instead of a temporary one")
    parser.add_argument("--runs", default=",".join(RUNS), help=f"comma-separated, of: {', '.join(RUNS)}")
    parser.add_argument("--sizes", help="archive runs (results dataset) on the first N articles, e.g. 5000,10000,20000")
    parser.add_argument("--add", type=int, default=0, help="then add this many new articles to the largest dataset")
    parser.add_argument("--full-rerun", action="store_true", help="and run the grown archive in full, to compare")
    parser.add_argument("--jobs2-at", type=int, default=0, help="and run --jobs 2 on the first N articles, to compare")
    parser.add_argument("--skew", type=int, default=0, help="reconcile a skewed ledger of this many claims, split and not")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: run one engine, print JSON
    parser.add_argument("--paths", help=argparse.SUPPRESS)
    parser.add_argument("--dataset", help=argparse.SUPPRESS)
    parser.add_argument("--address", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        paths = args.paths.split(",") if args.paths else None
        if args.one in ("archive", "add"):
            from bench_archive import archive_run

            print(json.dumps(archive_run(paths or [args.archive], args.dataset, args.one == "add", args.address)))
        else:
            print(json.dumps(run_one(args.one, args.archive, paths)))
        return
    if args.skew:
        skew_main(args.skew)
        return
    if args.sizes:
        archive_main(args)
        return
    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as tmp:
        archive = Path(args.archive or tmp)
        if not any(archive.rglob("*.txt")):
            t0 = time.perf_counter()
            words = build_archive(archive, args.articles)
            print(f"built {args.articles:,} articles ({words:,} words, {words / args.articles:,.0f} a piece) "
                  f"in {time.perf_counter() - t0:.1f} s at {archive}", file=sys.stderr)
        words = sum(len(p.read_text("utf-8").split()) for p in archive.rglob("*.txt"))
        print(f"machine: {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f} before the runs", file=sys.stderr)
        rows = []
        for kind in args.runs.split(","):
            proc = subprocess.run([sys.executable, __file__, "--one", kind, "--archive", str(archive)],
                                  capture_output=True, text=True, check=False)
            if proc.returncode:
                sys.exit(f"{kind} failed:\n{proc.stderr}")
            rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
            r = rows[-1]
            print(f"{kind}: {r['wall_s']:.1f} s, load {r['load_before']:.1f} -> {r['load_after']:.1f}", file=sys.stderr)
    print(f"\n{rows[0]['articles']:,} articles, {words:,} words, {rows[0]['claims']:,} claims, "
          f"{rows[0]['groups']:,} groups, {rows[0]['conflicts']:,} conflicts (offline: no link checks)\n")
    print("| engine | wall s | of it extraction s | startup s | articles/s | claims/s | words/s | CPU s (all processes) | articles per CPU s "
          "| peak MB main | peak MB per worker | load avg (1 min) | report digest |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |")
    for r in rows:
        per_worker = ", ".join(f"{m:.0f}" for m in r["worker_peak_mb"]) or "-"
        print(f"| {RUNS[r['run']]} | {r['wall_s']:.1f} | {r['extract_s']:.1f} | {r['startup_s']:.1f} | {r['articles'] / r['wall_s']:.1f} | "
              f"{r['claims'] / r['wall_s']:.0f} | {words / r['wall_s']:,.0f} | {r['cpu_s']:.0f} | {r['articles'] / r['cpu_s']:.1f} | "
              f"{r['main_peak_mb']:.0f} | {per_worker} | "
              f"{r['load_before']:.1f} -> {r['load_after']:.1f} | {r['digest']} |")
    if len({r["digest"] for r in rows}) > 1:
        sys.exit("the engines' reports differ: that is a bug")


def _child(*argv: str) -> dict:
    proc = subprocess.run([sys.executable, __file__, *argv], capture_output=True, text=True, check=False)
    if proc.returncode:
        sys.exit(f"{argv} failed:\n{proc.stderr[-4000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _folders(archive: Path, start: int, count: int) -> list[str]:
    return [str(archive / f"{k:03d}") for k in range(start // 1000, (start + count + 999) // 1000)]


def _uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()


def archive_main(args: argparse.Namespace) -> None:
    """Archive runs at each size on one cluster of 2 workers (in its own process), then an incremental run."""
    from bench_archive import start_cluster, stop_cluster

    sizes = [int(x) for x in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as tmp:
        archive = Path(args.archive or tmp)
        need = max(sizes) + args.add
        if len(list(archive.rglob("*.txt"))) < need:
            t0 = time.perf_counter()
            words = build_archive(archive, need)
            print(f"built {need:,} articles ({words:,} words) in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        out = Path(tmp) / "datasets"
        proc, address = start_cluster(2)
        rows = []
        try:
            for size in sizes:
                print(f"{_uptime()}  archive run, {size:,} articles ...", file=sys.stderr)
                r = _child("--one", "archive", "--paths", ",".join(_folders(archive, 0, size)),
                           "--dataset", str(out / f"ds-{size}"), "--address", address)
                rows.append(("full", size, r, _uptime()))
                print(f"  {json.dumps(r)}", file=sys.stderr)
            if args.add:
                base = max(sizes)
                print(f"{_uptime()}  adding {args.add:,} articles to the {base:,}-article dataset ...", file=sys.stderr)
                r = _child("--one", "add", "--paths", ",".join(_folders(archive, base, args.add)),
                           "--dataset", str(out / f"ds-{base}"), "--address", address)
                rows.append(("add", args.add, r, _uptime()))
                print(f"  {json.dumps(r)}", file=sys.stderr)
            if args.jobs2_at:
                print(f"{_uptime()}  --jobs 2, {args.jobs2_at:,} articles ...", file=sys.stderr)
                r = _child("--one", "jobs2", "--archive", str(archive), "--paths", ",".join(_folders(archive, 0, args.jobs2_at)))
                rows.append(("jobs2", args.jobs2_at, r, _uptime()))
                print(f"  {json.dumps(r)}", file=sys.stderr)
            if args.add and args.full_rerun:
                print(f"{_uptime()}  full rerun, {base + args.add:,} articles ...", file=sys.stderr)
                r = _child("--one", "archive", "--paths", ",".join(_folders(archive, 0, base + args.add)),
                           "--dataset", str(out / "ds-full"), "--address", address)
                rows.append(("full rerun", base + args.add, r, _uptime()))
                print(f"  {json.dumps(r)}", file=sys.stderr)
        finally:
            stop_cluster(proc)
    print("| run | articles | wall s | extraction s | articles/s | CPU s (workers; client) | client peak MB | "
          "scheduler peak MB | worker peaks MB | groups | conflicts (new) | findings digest | uptime after |")
    print("| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- | ---: | --- | --- | --- |")
    for kind, size, r, up in rows:
        if kind == "jobs2":
            print(f"| default path, --jobs 2 | {r['articles']:,} | {r['wall_s']:.0f} | {r['extract_s']:.0f} | "
                  f"{r['articles'] / r['wall_s']:.1f} | {r['cpu_s']:.0f} (all) | {r['main_peak_mb']:.0f} | - | "
                  f"{', '.join(f'{m:.0f}' for m in r['worker_peak_mb']) or '-'} | {r['groups']:,} | {r['conflicts']:,} | - | {up} |")
            continue
        new = f" ({r['new']:,} new)" if kind == "add" else ""
        print(f"| {kind} | {size:,} | {r['wall_s']:.0f} | {r['extract_s']:.0f} | {size / r['wall_s']:.1f} | "
              f"{r['worker_cpu_s']:.0f}; {r['client_cpu_s']:.0f} | {r['client_peak_mb']:.0f} | {r['scheduler_peak_mb']:.0f} | "
              f"{', '.join(f'{m:.0f}' for m in r['worker_peak_mb'])} | {r['groups']:,} | {r['conflicts']:,}"
              f"{new} | {r['digest']} | {up} |")
    full = [r for kind, _, r, _ in rows if kind == "full"]
    if len(full) > 1:
        peaks = [r["client_peak_mb"] for r in full]
        print(f"\nclient peak: {min(peaks):.0f}-{max(peaks):.0f} MB across sizes ({max(peaks) / min(peaks) - 1:.0%} apart)")
    for r in full:
        print(f"{r['articles']:,} articles: extraction tasks' own thread {r['extract_task_cpu_s']:.0f} CPU s of the workers' "
              f"{r['worker_cpu_s']:.0f} CPU s")


def skew_main(count: int) -> None:
    from bench_archive import skew_run, skewed_ledger, start_cluster, stop_cluster

    from claimcheck.engines.blocks import SPLIT_AT

    with tempfile.TemporaryDirectory(prefix="claimcheck-skew-") as tmp:
        made = skewed_ledger(Path(tmp) / "ledger", count)
        print(f"{_uptime()}  skewed ledger: {json.dumps(made)}", file=sys.stderr)
        proc, address = start_cluster(2)
        rows = []
        try:
            for split_at in (10**12, SPLIT_AT):
                rows.append(skew_run(str(Path(tmp) / "ledger"), str(Path(tmp) / f"ds-{split_at}"), split_at, address))
                print(f"  {json.dumps(rows[-1])}  {_uptime()}", file=sys.stderr)
        finally:
            stop_cluster(proc)
    print(f"\n{made['claims']:,} claims, {made['skewed']:,} of them about one entity (from {made['templates']} real claims' frames)\n")
    print("| blocks split at | wall s | reconcile tasks | largest task s | its share of reconcile time | slowest sub-block s "
          "| groups | conflicts | findings digest |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for r in rows:
        at = "never" if r["split_at"] >= 10**12 else f"{r['split_at']:,} claims"
        print(f"| {at} | {r['wall_s']:.1f} | {r['tasks']} | {r['largest_task_s']:.1f} | {r['largest_share']:.0%} | "
              f"{r['slowest_sub_block_s']:.1f} | {r['groups']:,} | {r['conflicts']:,} | {r['digest']} |")
    print(f"\n{_uptime()}")


if __name__ == "__main__":
    main()
