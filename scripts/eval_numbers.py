#!/usr/bin/env python3
"""Measure the number parser on Microsoft Recognizers-Text reference cases (MIT licensed).

    .venv/bin/python scripts/eval_numbers.py [--shared ../shared] [-v]

Reads ../shared/testdata/recognizers_number.json and recognizers_number_range.json (never copied
into the project) and prints the share of cases the parser gets right, overall and on the cases
the reference marks as supported by its own Python port. A case is right when the set of values
found equals the set expected (numbers), or when the interval ends agree (ranges).
"""
from __future__ import annotations

import argparse
import json
import math
import re
from pathlib import Path

from claimcheck.claims.numbers import find_quantities


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-4, abs_tol=1e-9)


def number_case(case: dict) -> bool:
    want = sorted(float(r["Resolution"]["value"]) for r in case["Results"] if r["Resolution"].get("value") is not None)
    got = sorted(q.value for q in find_quantities(case["Input"]) if q.value is not None and q.kind != "percent")
    return len(want) == len(got) and all(_close(a, b) for a, b in zip(want, got))


def _interval(q) -> tuple[float | None, float | None]:
    if q.bound.value == "range":
        return q.low, q.high
    if q.bound.value in (">", ">="):
        return q.value, None
    if q.bound.value in ("<", "<="):
        return None, q.value
    return q.value, q.value


def range_case(case: dict) -> bool:
    want = []
    for r in case["Results"]:
        m = re.fullmatch(r"[\[(]([^,]*),([^\])]*)[\])]", r["Resolution"]["value"])
        want.append(tuple(float(x) if x else None for x in m.groups()))
    got = [_interval(q) for q in find_quantities(case["Input"])]
    return len(want) == len(got) and all(_close(a[0], b[0]) and _close(a[1], b[1]) for a, b in zip(want, got))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("-v", "--verbose", action="store_true", help="list the cases it gets wrong")
    args = ap.parse_args()
    data = Path(args.shared) / "testdata"
    for name, judge in (("recognizers_number.json", number_case), ("recognizers_number_range.json", range_case)):
        cases = json.loads((data / name).read_text("utf-8"))
        right = [judge(c) for c in cases]
        supported = [ok for c, ok in zip(cases, right) if "python" not in (c.get("NotSupported") or "")]
        print(f"{name}: {sum(right)}/{len(cases)} right ({sum(right) / len(cases):.1%}); "
              f"on the Python port's supported cases {sum(supported)}/{len(supported)} ({sum(supported) / len(supported):.1%})")
        if args.verbose:
            for c, ok in zip(cases, right):
                if not ok:
                    print("   wrong:", repr(c["Input"][:90]), "->", [(q.quote, q.bound.value, q.value, q.low, q.high) for q in find_quantities(c["Input"])])


if __name__ == "__main__":
    main()
