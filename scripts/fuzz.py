#!/usr/bin/env python3
"""Fuzz every target of tests/test_fuzz.py and tests/test_fuzz_reconcile.py and count what fails.

The test suite runs a few hundred derandomised examples per target and stops at the first
failure; this runs 20,000 random ones per target (`--examples`), counts every failure instead of
stopping, groups them by exception and the line that raised it, and prints the first example of
each group. It prints figures; it is not a test.

    .venv/bin/python scripts/fuzz.py                      # every target, 20,000 examples each
    .venv/bin/python scripts/fuzz.py -n 2000 -k footnotes  # targets whose name has "footnotes"
    .venv/bin/python scripts/fuzz.py -k claims             # reconcile and every format over extreme claims
    .venv/bin/python scripts/fuzz.py -k LEDGER             # reconcile LEDGER over hostile ledgers
"""
from __future__ import annotations

import argparse
import re
import sys
import time
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def where(exc: BaseException) -> str:
    """The innermost frame of claimcheck (or of the check) that the exception passed through."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "claimcheck" in f.filename or "test_fuzz" in f.filename]
    if not frames:
        return "?"
    frame = frames[-1]
    return f"{Path(frame.filename).name}:{frame.lineno}"


def fuzz(target: Any, examples: int, seed: int | None) -> dict[str, Any]:
    from hypothesis import Phase, given
    from hypothesis import seed as hypothesis_seed

    from tests.test_fuzz import fuzz_settings

    counts = {"examples": 0, "failures": 0, "slowest": 0.0}
    groups: dict[str, tuple[int, str]] = {}

    @fuzz_settings(examples, deadline=None, phases=[Phase.generate])
    @given(target.strategy)
    def run(value: Any) -> None:
        counts["examples"] += 1
        start = time.perf_counter()
        try:
            target.check(value)
        except Exception as exc:
            counts["failures"] += 1
            first_line = re.sub(r"\d+", "N", (str(exc).splitlines() or [""])[0])[:100]  # one group per kind
            key = f"{type(exc).__name__} at {where(exc)}: {first_line}"
            seen, example = groups.get(key, (0, repr(value)[:400]))
            groups[key] = (seen + 1, example)
        counts["slowest"] = max(counts["slowest"], time.perf_counter() - start)

    if seed is not None:
        run = hypothesis_seed(seed)(run)
    began = time.perf_counter()
    run()
    return {**counts, "seconds": time.perf_counter() - began, "groups": groups}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--examples", type=int, default=20_000, help="examples per target (default 20,000)")
    parser.add_argument("-k", "--target", default="", help="only targets whose name contains this")
    parser.add_argument("--seed", type=int, default=None, help="Hypothesis seed, to repeat a run")
    args = parser.parse_args()

    from tests.test_fuzz import TARGETS
    from tests.test_fuzz_reconcile import TARGETS as RECONCILE_TARGETS

    rows = []
    for target in [t for t in [*TARGETS, *RECONCILE_TARGETS] if args.target in t.name]:
        print(f"fuzzing {target.name} ...", file=sys.stderr, flush=True)
        result = fuzz(target, args.examples, args.seed)
        rows.append((target, result))
        for key, (seen, example) in sorted(result["groups"].items(), key=lambda kv: -kv[1][0]):
            print(f"  {seen} x {key}\n      first example: {example}", file=sys.stderr)

    width = max(len(t.name) for t, _ in rows) if rows else 10
    print(f"{'target':{width}}  {'owner':9}  {'examples':>8}  {'failures':>8}  {'kinds':>5}  {'seconds':>8}  {'slowest':>8}")
    for target, r in rows:
        print(f"{target.name:{width}}  {target.owner:9}  {r['examples']:8d}  {r['failures']:8d}  {len(r['groups']):5d}  "
              f"{r['seconds']:8.1f}  {r['slowest']:7.3f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
