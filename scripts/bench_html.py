#!/usr/bin/env python3
"""The reviewer's HTML page: its size, and how fast headless Chromium loads and filters it.

    .venv/bin/python scripts/bench_html.py [--shared ../shared] [--copies 1 10]

Scans (offline) `seeds/`, then `seeds/` plus ../shared/corpus, then that set copied --copies
times (to see how the page grows with a larger archive); renders each page; opens it from disk in
a fresh headless Chromium (Debian's, as the tests use) and prints: the page's size, the time
Chromium takes to load it (navigation start to the load event, median of three), and the time to
apply the "conflicts only" filter and the document filter (style and layout included). Figures,
not a test.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claimcheck.config import Settings  # noqa: E402 (after the sys.path line above)
from claimcheck.formats.html import render_html  # noqa: E402 (after the sys.path line above)
from claimcheck.pipeline import scan  # noqa: E402 (after the sys.path line above)
from tests.browser import browser_page, chromium_path  # noqa: E402 (after the sys.path line above)

LOAD = "() => performance.getEntriesByType('navigation')[0].loadEventEnd"
# Toggle a filter and force style and layout, timed inside the page.
TOGGLE = """sel => { const t0 = performance.now(); const el = document.querySelector(sel);
  el.checked = true;
  document.body.getBoundingClientRect(); void document.body.offsetHeight; return performance.now() - t0; }"""


def measure(page_file: Path, executable: str, runs: int = 3) -> dict[str, float]:
    loads, wall, toggles, docs = [], [], [], []
    for _ in range(runs):
        with browser_page(executable) as (page, events):
            t0 = time.perf_counter()
            page.goto(page_file.as_uri(), wait_until="load")
            wall.append((time.perf_counter() - t0) * 1000)
            loads.append(page.evaluate(LOAD))
            toggles.append(page.evaluate(TOGGLE, "#f-conflicts-only"))
            page.evaluate("() => { document.querySelector('#f-everything').checked = true; }")
            docs.append(page.evaluate(TOGGLE, "#f-doc-d0"))
            if events.console_errors or events.dialogs or events.page_errors:
                raise SystemExit(f"the page misbehaved: {events}")
    return {"load_ms": statistics.median(loads), "goto_ms": statistics.median(wall),
            "filter_ms": statistics.median(toggles), "doc_filter_ms": statistics.median(docs)}


def copies_of(folders: list[Path], n: int, into: Path) -> list[str]:
    for i in range(n):
        for folder in folders:
            shutil.copytree(folder, into / f"copy{i:02d}" / folder.name,
                            ignore=shutil.ignore_patterns("*.md"))  # SOURCES.md is not an article
    return [str(into)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--copies", type=int, nargs="*", default=[10], help="also scan corpus+seeds copied N times")
    args = ap.parse_args(argv)
    executable = chromium_path()
    if executable is None:
        raise SystemExit("no Chromium: apt-get install chromium")
    seeds, corpus = ROOT / "seeds", args.shared / "corpus"
    settings = Settings(offline=True)
    print(f"{'input':<28} {'docs':>5} {'claims':>6} {'confl.':>6} {'size':>9} {'load':>8} {'goto':>8} "
          f"{'filter':>8} {'doc flt':>8} {'render':>8}")
    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-html-") as tmp:
        cases: list[tuple[str, list[str]]] = [("seeds/", [str(seeds)]), ("corpus + seeds/", [str(corpus), str(seeds)])]
        for n in args.copies:
            target = Path(tmp) / f"x{n}"
            cases.append((f"(corpus + seeds/) x {n}", copies_of([corpus, seeds], n, target)))
        for label, paths in cases:
            report = scan(paths, settings)
            t0 = time.perf_counter()
            html = render_html(report, settings)
            render_ms = (time.perf_counter() - t0) * 1000
            out = Path(tmp) / f"{len(report.documents)}.html"
            out.write_text(html, encoding="utf-8")
            m = measure(out, executable)
            print(f"{label:<28} {len(report.documents):>5} {len(report.claims):>6} {len(report.conflicts):>6} "
                  f"{out.stat().st_size / 1024:>7.0f}kB {m['load_ms']:>6.0f}ms {m['goto_ms']:>6.0f}ms "
                  f"{m['filter_ms']:>6.1f}ms {m['doc_filter_ms']:>6.1f}ms {render_ms:>6.0f}ms")
    print("load: navigation start to the load event, in the page; goto: the same as the test sees it (wall clock);\n"
          "filter / doc flt: 'conflicts only' / one document chosen, style and layout included; median of 3 runs.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
