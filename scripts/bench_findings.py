#!/usr/bin/env python3
"""What a report of many findings costs: memory per conflict, and the size of each format.

    .venv/bin/python scripts/bench_findings.py [--files 5000] [--uncapped] [--seed 7]

Writes `--files` one-line articles of made-up sentences ("In 2019, about 4,120 fishers lived in
Vorland."): a few dozen quantities (what is counted, where, when) told with scattered figures, so
most pairs disagree, the shape that once gave 83,179 conflicts and a 329 MB page. Scans them
offline, then measures:

- the memory reconciliation holds per conflict (tracemalloc over `reconcile_safely` alone: the
  groups and conflicts it returns, and its peak while working);
- the JSON report's bytes per conflict;
- the HTML page as rendered (capped at `isolate.MAX_SHOWN` conflicts) and, with `--uncapped`, as
  it would be without the cap; the text report too. Peak RSS is the process's, after each step.

Prints figures; asserts nothing. Figures are noisy on a shared machine: `uptime` is printed too.
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

NOUNS = ["fishers", "farmers", "miners", "delegates", "nurses", "teachers", "pilots", "welders"]
VERBS = ["lived", "worked", "voted", "protested"]
PLACES = ["Vorland", "Estria", "Quell", "Maravia", "Tolm"]
HEDGES = ["", "about ", "some ", "more than ", "nearly ", "at least "]


def write_articles(folder: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    quantities = [(rng.choice(NOUNS), rng.choice(VERBS), rng.choice(PLACES), rng.randint(2015, 2022))
                  for _ in range(80)]
    for i in range(n):
        noun, verb, place, year = rng.choice(quantities)
        figure = f"{rng.randint(1, 9000):,}"
        (folder / f"a{i:05d}.txt").write_text(f"In {year}, {rng.choice(HEDGES)}{figure} {noun} {verb} in {place}.\n")


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--uncapped", action="store_true", help="also render the page without the cap (slow, large)")
    parser.add_argument("--no-trace", action="store_true", help="skip the tracemalloc pass (it slows reconciling ~20x)")
    args = parser.parse_args()

    import io

    from rich.console import Console

    from claimcheck.config import Settings
    from claimcheck.formats.data import report_json
    from claimcheck.formats.html import render_html
    from claimcheck.formats.isolate import MAX_SHOWN, render_capped
    from claimcheck.formats.terminal import render_scan
    from claimcheck.pipeline import scan
    from claimcheck.reconcile import reconcile_safely

    print(f"uptime: {os.popen('uptime').read().strip()}")
    with tempfile.TemporaryDirectory(prefix="claimcheck-findings-") as tmp:
        folder = Path(tmp)
        write_articles(folder, args.files, args.seed)
        began = time.perf_counter()
        settings = Settings(offline=True)
        report = scan([str(folder)], settings)
        print(f"scan of {args.files:,} one-line files: {time.perf_counter() - began:.1f} s, {len(report.claims):,} claims, "
              f"{len(report.groups):,} groups, {len(report.conflicts):,} conflicts; peak RSS {rss_mb():,.0f} MB")

        n = max(1, len(report.conflicts))
        if not args.no_trace:
            tracemalloc.start()
            began = time.perf_counter()
            groups, conflicts, _ = reconcile_safely(report.claims, report.citations, settings.reconcile)
            held, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            print(f"reconcile alone, traced: {time.perf_counter() - began:.2f} s; holds {held / 1e6:.1f} MB for "
                  f"{len(groups):,} groups and {len(conflicts):,} conflicts ({held / n:,.0f} B per conflict, groups "
                  f"included), peak {peak / 1e6:.1f} MB ({peak / n:,.0f} B per conflict)")
            del groups, conflicts

        text = report_json(report)
        print(f"JSON report: {len(text) / 1e6:.1f} MB ({len(text.encode()) / n:,.0f} B per conflict, all of them)")
        del text

        began = time.perf_counter()
        page = render_capped(lambda r: render_html(r, settings), report, "HTML report")
        print(f"HTML page, capped at {MAX_SHOWN:,}: {len(page.text.encode()) / 1e6:.1f} MB in {time.perf_counter() - began:.1f} s; "
              f"peak RSS {rss_mb():,.0f} MB; {page.note}")
        del page

        console = Console(file=io.StringIO(), width=120)

        def draw(r):
            with console.capture() as captured:
                render_scan(r, console)
            return captured.get()

        began = time.perf_counter()
        shown = render_capped(draw, report, "text report")
        print(f"text report, capped: {len(shown.text.encode()) / 1e6:.1f} MB in {time.perf_counter() - began:.1f} s; "
              f"peak RSS {rss_mb():,.0f} MB")
        del shown

        if args.uncapped:
            began = time.perf_counter()
            whole = render_html(report, settings)
            print(f"HTML page, uncapped: {len(whole.encode()) / 1e6:.1f} MB in {time.perf_counter() - began:.1f} s "
                  f"({len(whole.encode()) / n:,.0f} B per conflict); peak RSS {rss_mb():,.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
