#!/usr/bin/env python
"""Scale benchmark: the default path against the Dask engine with 1 and 2 workers (issue 13).

    .venv/bin/python scripts/bench_scale.py                  # 5,000 articles, every engine
    .venv/bin/python scripts/bench_scale.py --articles 1000 --runs default,dask2

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
        "dask1": "Dask, 1 worker", "dask2": "Dask, 2 workers"}
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


def run_one(kind: str, archive: str) -> dict:
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
        report = scan([archive], settings, progress)
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
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: run one engine, print JSON
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.archive)))
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


if __name__ == "__main__":
    main()
