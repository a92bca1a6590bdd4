#!/usr/bin/env python3
"""How cost grows with input size: 10 kB, 100 kB and 1 MB inputs in several shapes.

For each input it measures
  * the whole command, `claimcheck scan FILE --offline --format json`, in a subprocess: wall time,
    CPU time and the process's peak memory (so the extraction stages count too), and
  * the document stages alone, in this process: read_document + parse_notes + audit_citations,
    time and peak traced memory (a second pass under tracemalloc, so tracing does not skew the time),
so a slow stage can be told apart from a slow extraction. The last columns say how much each grew
from 100 kB to 1 MB: linear cost grows about 10x. Growth and comparisons use the scan's CPU seconds
(user + system), which other jobs on a shared machine inflate far less than wall time. The "dense" shapes (a page of figures: statistical
tables, results, data appendices) are also set against "prose" of the same size: issue 20 wants a
page of numbers to cost at most twice what prose costs. It prints figures; it is not a test.

    .venv/bin/python scripts/bench_scaling.py                  # every shape and size
    .venv/bin/python scripts/bench_scaling.py --shape list --sizes 100000,1000000 --timeout 120
    .venv/bin/python scripts/bench_scaling.py --stages-only    # no subprocess, no spaCy
    .venv/bin/python scripts/bench_scaling.py --shape prose --shape dense-spaces --shape dense-commas --shape dense-table
"""
from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SENTENCE = "About 150 people were detained in Kashgar in 2019, according to Human Rights Watch"


def sentences(size: int) -> tuple[str, str]:
    """One long line of ordinary sentences joined by semicolons."""
    text = "; ".join([SENTENCE] * (size // (len(SENTENCE) + 2) + 1))
    return "txt", text[:size].rsplit(";", 1)[0] + ".\n"


def long_list(size: int) -> tuple[str, str]:
    """An HTML page whose endnotes are one long <ol>, each item with a link (issue 9's 20,000 items)."""
    head = "<html><body><p>Over 300 camps<sup>1</sup> were built.</p><h2>Notes</h2><ol>"
    items, length, i = [], len(head), 0
    while length < size:
        i += 1
        item = f"<li>Human Rights Watch, <a href='https://www.hrw.org/news/2019/07/{i}/x'>report {i}</a>, 2019.</li>"
        items.append(item)
        length += len(item)
    return "html", head + "".join(items) + "</ol></body></html>"


def long_footnotes(size: int) -> tuple[str, str]:
    """A short article and an endnote list of long notes (authors, a long quoted title, dates, URLs)."""
    prose = "Some 22 countries signed the letter.1 About 37 states defended the policy.2\n\nNotes\n"
    notes, length, i = [], len(prose), 0
    title = "“" + " ".join(["Xinjiang detention camps and what the census of 2020 says about them"] * 25) + ",”"
    while length < size:
        i += 1
        note = (f"{i}. Ben Westcott and Jo Shelley, {title} BBC, July 11, 2019, "
                f"https://www.bbc.co.uk/news/world-asia-china-{i}, accessed 2 May 2021.\n")
        notes.append(note)
        length += len(note)
    return "txt", prose + "".join(notes)


def long_url(size: int) -> tuple[str, str]:
    """A sentence citing one URL as long as the input, closed by a parenthesis."""
    head = "About 150 people were detained (see https://www.example.org/report/"
    path = "abcdefghij/" * ((size - len(head)) // 11)
    return "txt", f"{head}{path}).\n"


_WHO = ["Officials", "The ministry", "Researchers", "Local groups", "The census", "Witnesses", "The survey"]
_VERB = ["counted", "reported", "estimated", "recorded", "found", "listed"]
_WHAT = ["people in the northern province", "new schools across the region", "farms in the valley",
         "workers at the port", "households without power", "cases in the capital", "voters in the district"]


def prose(size: int) -> tuple[str, str]:
    """Ordinary prose: varied sentences ending in full stops, about one figure in each, in paragraphs."""
    rng = random.Random(size)
    out, length = [], 0
    while length < size:
        para = " ".join(
            f"{rng.choice(_WHO)} {rng.choice(_VERB)} about {rng.randint(2, 90_000):,} {rng.choice(_WHAT)} "
            f"in {rng.randint(1990, 2023)}, and the figure was discussed at length by the local council."
            for _ in range(rng.randint(3, 6)))
        out.append(para)
        length += len(para) + 2
    return "txt", "\n\n".join(out)[:size].rsplit(".", 1)[0] + ".\n"


def _figure(rng: random.Random, decimals: bool = True) -> str:
    """A figure as tables print them: counts, thousands, decimals, percentages, negatives."""
    kind = rng.randrange(5)
    if kind == 2 and not decimals:
        kind = 0
    if kind == 0:
        return str(rng.randint(0, 999))
    if kind == 1:
        return f"{rng.randint(1_000, 9_999_999):,}"
    if kind == 2:
        return f"{rng.uniform(0, 100):.1f}"
    if kind == 3:
        return f"{rng.uniform(0, 100):.1f}%"
    return str(rng.randint(-500, 500))


def dense_spaces(size: int) -> tuple[str, str]:
    """A page of figures on one line, separated by spaces: no sentence end anywhere.

    No bare decimals: "96.5 723" reads as a full stop and a note marker ("detained.5 The"), which
    would cut the line into sentences.
    """
    rng = random.Random(size)
    figures, length = [], 0
    while length < size:
        figures.append(_figure(rng, decimals=False))
        length += len(figures[-1]) + 1
    return "txt", " ".join(figures)[:size].rsplit(" ", 1)[0] + "\n"


def dense_commas(size: int) -> tuple[str, str]:
    """A page of figures on one line, separated by commas and spaces."""
    rng = random.Random(size)
    figures, length = [], 0
    while length < size:
        figures.append(_figure(rng))
        length += len(figures[-1]) + 2
    return "txt", ", ".join(figures)[:size].rsplit(",", 1)[0] + "\n"


def dense_table(size: int) -> tuple[str, str]:
    """A statistical table: one row per line, a label and six figures separated by tabs."""
    rng = random.Random(size)
    rows, length, i = ["District\tVotes\tTurnout\tRegistered\tChange\tSeats\tShare"], 0, 0
    while length < size:
        i += 1
        row = f"District {i}\t" + "\t".join(_figure(rng) for _ in range(6))
        rows.append(row)
        length += len(row) + 1
    return "txt", "\n".join(rows) + "\n"


SHAPES: dict[str, Callable[[int], tuple[str, str]]] = {
    "sentences": sentences, "list": long_list, "footnotes": long_footnotes, "url": long_url, "prose": prose,
    "dense-spaces": dense_spaces, "dense-commas": dense_commas, "dense-table": dense_table,
}


def run_scan(path: Path, timeout: float) -> tuple[float | None, float | None, float | None, str]:
    """Wall seconds, CPU seconds, peak MB and exit status of `claimcheck scan PATH --offline --format json`."""
    command = [sys.executable, "-m", "claimcheck", "scan", str(path), "--offline", "--format", "json"]
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            os.wait4(proc.pid, 0)
            return None, None, None, f"killed after {timeout:.0f} s"
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    skipped = [line for line in stderr.splitlines() if line.startswith("skipped:")]
    if skipped:
        print(f"    {path.name}: {skipped[0][:300]}", file=sys.stderr)
    if "Traceback (most recent call last)" in stderr:  # an uncaught exception: the whole run is lost
        last = [line for line in stderr.splitlines() if line.strip()][-1]
        print(f"    {path.name}: crashed: {last[:300]}", file=sys.stderr)
        skipped.append("crash")
    note = f"exit {code}" + (" (crash)" if "crash" in skipped else " (skipped)" if skipped else "")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, note  # ru_maxrss is in kB on Linux


def run_stages(path: Path) -> tuple[float, float, int]:
    """Seconds and peak traced MB of read_document + parse_notes + audit_citations; citations found."""
    from claimcheck.citations.audit import audit_citations, load_publishers
    from claimcheck.citations.footnotes import parse_notes
    from claimcheck.documents import read_document

    owners = load_publishers()

    def stages() -> int:
        doc = read_document(path)
        return len(audit_citations(doc, parse_notes(doc), owners))

    start = time.perf_counter()
    found = stages()
    seconds = time.perf_counter() - start
    tracemalloc.start()
    stages()
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return seconds, peak, found


def fmt(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES), help="shapes to run (default: all)")
    parser.add_argument("--sizes", default="10000,100000,1000000", help="input sizes in bytes, comma-separated")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before a scan is killed (default 600)")
    parser.add_argument("--stages-only", action="store_true", help="skip the subprocess scans")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    shapes = args.shape or list(SHAPES)

    results: dict[tuple[str, int], dict[str, float | None]] = {}
    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as folder:
        baseline = None
        if not args.stages_only:  # the fixed cost: interpreter, imports, spaCy's model
            tiny = Path(folder) / "tiny.txt"
            tiny.write_text("About 150 people marched.\n", encoding="utf-8")
            wall, baseline = run_scan(tiny, args.timeout)[:2]
            print(f"baseline: scan of a one-line file takes {fmt(wall)} s, {fmt(baseline)} s of CPU "
                  "(model loading and start-up)\n")
        header = (f"{'shape':13} {'size':>9} {'scan s':>8} {'cpu s':>7} {'scan MB':>8} {'scan':>16}   "
                  f"{'stages s':>9} {'stages MB':>9} {'citations':>9}")
        print(header)
        print("-" * len(header))
        for shape in shapes:
            for size in sizes:
                fmt_name, text = SHAPES[shape](size)
                path = Path(folder) / f"{shape}-{size}.{fmt_name}"
                path.write_text(text, encoding="utf-8")
                scan_s, cpu_s, scan_mb, note = (None, None, None, "not run") if args.stages_only else run_scan(path, args.timeout)
                stage_s, stage_mb, found = run_stages(path)
                results[(shape, size)] = {"scan": cpu_s, "stages": stage_s}
                print(f"{shape:13} {path.stat().st_size:9d} {fmt(scan_s):>8} {fmt(cpu_s):>7} {fmt(scan_mb, 0):>8} {note:>16}   "
                      f"{fmt(stage_s, 3):>9} {fmt(stage_mb, 1):>9} {found:9d}", flush=True)
        if len(sizes) >= 2:
            small, large = sizes[-2], sizes[-1]
            print(f"\ngrowth from {small} to {large} bytes (linear: about {large / small:.0f}x; "
                  f"scan CPU net of the {fmt(baseline)} s baseline)")
            for shape in shapes:
                a, b = results[(shape, small)], results[(shape, large)]
                stage = b["stages"] / a["stages"] if a["stages"] and b["stages"] else None
                scan = None
                net_small = (a["scan"] or 0) - (baseline or 0)
                if a["scan"] is not None and b["scan"] is not None and net_small >= 0.5:
                    scan = (b["scan"] - (baseline or 0)) / net_small  # below half a second a ratio is noise
                verdict = "ok" if (stage or 0) <= 1.5 * large / small else "SUPERLINEAR (document stages)"
                if not args.stages_only and (a["scan"] is None or b["scan"] is None):
                    verdict += "; scan did not finish"
                elif scan is not None and scan > 1.5 * large / small:
                    verdict += "; scan SUPERLINEAR (extraction stages)"
                elif not args.stages_only and scan is None:
                    verdict += f"; scan net of start-up under 0.5 s at {small} bytes: too small to judge"
                print(f"  {shape:13} stages {fmt(stage, 1):>6}x   scan {fmt(scan, 1):>6}x   {verdict}")
        dense = [s for s in shapes if s.startswith("dense")]
        if "prose" in shapes and dense and not args.stages_only:
            print(f"\ndense figures against prose of the same size, in scan CPU seconds (goal: at most 2x; "
                  f"gross, and net of the {fmt(baseline)} s baseline)")
            for shape in dense:
                for size in sizes:
                    a, b = results[("prose", size)]["scan"], results[(shape, size)]["scan"]
                    if a is None or b is None:
                        print(f"  {shape:13} {size:9d}   scan did not finish")
                        continue
                    net = (b - (baseline or 0)) / max(a - (baseline or 0), 0.1)
                    print(f"  {shape:13} {size:9d}   {b / a:5.2f}x gross   {net:5.2f}x net"
                          + ("" if net <= 2 or a - (baseline or 0) < 0.5 else "   SLOWER THAN 2x PROSE"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
