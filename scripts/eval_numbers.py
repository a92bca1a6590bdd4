#!/usr/bin/env python3
"""Measure the number parser on the MIT-licensed reference cases in ../shared/testdata, file by file.

    .venv/bin/python scripts/eval_numbers.py [--shared ../shared] [-v] [--only NAME]

The cases are read from ../shared/testdata (never copied into the project):

* recognizers_number.json (Microsoft Recognizers-Text): right when the values found (percentages
  aside) equal the values expected.
* recognizers_number_range.json: right when every interval's ends agree, in order.
* recognizers_percent.json: right when the percentages found equal the ones expected.
* quantulum3_quantities.json (quantulum3): right when the (value, unit) pairs found equal the ones
  expected, in any order; a range counts by its midpoint, as quantulum3 states it. quantulum3 reads
  bare years ("in 1979") as quantities and claimcheck's contract does not (a year is a claim's time),
  so expected dimensionless whole numbers from 1000 to 2100 are left out. quantulum3 also lists the
  parts of a compound duration ("3 years, 2 months, 14 days") one by one where claimcheck states one
  duration, so a case is also right when expected durations in a row, each unit smaller than the
  last, equal one duration found (all durations compared in seconds); nothing else is adjusted.

Each file also reports the share on cases the reference marks as supported by its Python port,
where it says so. The references' conventions differ from claimcheck's in places (Recognizers
reads "1m" as a number, and fractions such as "three fifths" as 0.6, which news rarely writes), so
the figures measure agreement, not correctness; the point is the change between versions.
"""
from __future__ import annotations

import argparse
import json
import math
import re
from collections.abc import Callable
from pathlib import Path

from claimcheck.claims.numbers import find_quantities

# quantulum3's unit names -> claimcheck's units (None: a plain count)
QUANTULUM_UNITS = {
    "dimensionless": None, "metre": "m", "kilometre": "km", "mile": "mi", "inch": "in", "nanometre": "nm",
    "picometre": "pm", "attometre": "am", "pound sterling": "GBP", "euro": "EUR", "dollar": "USD",
    "week": "week", "day": "day", "year": "year", "month": "month", "hour": "hour", "gallon": "gal",
    "litre": "l", "centilitre": "cl", "cubic centimetre": "ml", "cubic kilometre": "km3", "square kilometre": "km2",
    "square mile": "mi2", "kilogram": "kg", "milligram": "mg", "pound-mass": "lb", "tonne": "t",
    "degree Celsius": "°C", "degree fahrenheit": "°F", "kilometre per hour": "km/h", "gigahertz": "GHz",
    "megabyte": "MB", "exabyte": "EB", "megawatt hour": "MWh", "watt hour": "Wh", "electronvolt": "eV",
    "teraelectronvolt": "TeV", "percentage": "percent", "ton per day": "t/day",
}


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-4, abs_tol=1e-9)


def _values(text: str, keep: Callable[[str], bool]) -> list[float]:
    return sorted(q.value for q in find_quantities(text) if q.value is not None and keep(q.kind))


def number_case(case: dict) -> bool:
    want = sorted(float(r["Resolution"]["value"]) for r in case["Results"] if r["Resolution"].get("value") is not None)
    got = _values(case["Input"], lambda kind: kind != "percent")
    return len(want) == len(got) and all(_close(a, b) for a, b in zip(want, got))


def percent_case(case: dict) -> bool:
    want = sorted(float(r["Resolution"]["value"].rstrip("%")) for r in case["Results"]
                  if re.fullmatch(r"-?[0-9.]+%", r["Resolution"].get("value") or ""))
    got = _values(case["Input"], lambda kind: kind == "percent")
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
        assert m is not None, r
        want.append(tuple(float(x) if x else None for x in m.groups()))
    got = [_interval(q) for q in find_quantities(case["Input"])]
    return len(want) == len(got) and all(_close(a[0], b[0]) and _close(a[1], b[1]) for a, b in zip(want, got))


SECONDS = {"year": 31557600.0, "month": 2629800.0, "week": 604800.0, "day": 86400.0, "hour": 3600.0, "minute": 60.0,
           "second": 1.0}


def _quantulum_expected(case: dict, merge: bool) -> list[tuple[float, str | None]]:
    out: list[tuple[float, str | None]] = []
    last_unit: str | None = None
    for r in case["res"]:
        value = float(r["value"])
        if r["unit"] == "dimensionless" and value.is_integer() and 1000 <= value <= 2100:
            continue  # a year: a claim's time, not a quantity, in claimcheck's contract
        unit = QUANTULUM_UNITS.get(r["unit"], r["unit"])
        if unit in SECONDS:
            seconds = value * SECONDS[unit]
            if merge and out and out[-1][1] == "s" and last_unit is not None and SECONDS[unit] < SECONDS[last_unit]:
                out[-1] = (out[-1][0] + seconds, "s")  # the next part of a compound duration
            else:
                out.append((seconds, "s"))
            last_unit = unit
            continue
        last_unit = None
        out.append((value, unit))
    return sorted(out, key=lambda x: x[0])


def _quantulum_found(text: str) -> list[tuple[float, str | None]]:
    out = []
    for q in find_quantities(text):
        value = q.value if q.value is not None else (q.low + q.high) / 2 if q.low is not None and q.high is not None else None
        if value is not None:
            out.append((value * SECONDS[q.unit], "s") if q.unit in SECONDS else (value, q.unit))
    return sorted(out, key=lambda x: x[0])


def quantulum_case(case: dict) -> bool:
    got = _quantulum_found(case["req"])
    return any(len(want) == len(got) and all(_close(a[0], b[0]) and a[1] == b[1] for a, b in zip(want, got))
               for want in (_quantulum_expected(case, False), _quantulum_expected(case, True)))


FILES: list[tuple[str, Callable[[dict], bool], str]] = [
    ("recognizers_number.json", number_case, "Input"),
    ("recognizers_number_range.json", range_case, "Input"),
    ("recognizers_percent.json", percent_case, "Input"),
    ("quantulum3_quantities.json", quantulum_case, "req"),
]


def _show(text: str) -> list[tuple]:
    return [(q.quote, q.kind, q.bound.value, q.value, q.low, q.high, q.unit) for q in find_quantities(text)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("-v", "--verbose", action="store_true", help="list the cases it gets wrong")
    ap.add_argument("--only", help="evaluate only this file")
    args = ap.parse_args()
    data = Path(args.shared) / "testdata"
    total_right = total = 0
    for name, judge, field in FILES:
        if args.only and args.only != name:
            continue
        cases = json.loads((data / name).read_text("utf-8"))
        right = [judge(c) for c in cases]
        total_right, total = total_right + sum(right), total + len(cases)
        line = f"{name}: {sum(right)}/{len(cases)} right ({sum(right) / len(cases):.1%})"
        if any("NotSupported" in c for c in cases):
            supported = [ok for c, ok in zip(cases, right) if "python" not in (c.get("NotSupported") or "")]
            line += f"; on the Python port's supported cases {sum(supported)}/{len(supported)} ({sum(supported) / len(supported):.1%})"
        print(line)
        if args.verbose:
            for c, ok in zip(cases, right):
                if not ok:
                    want = c.get("Results", c.get("res"))
                    print("   wrong:", repr(c[field][:100]), "\n      got", _show(c[field]),
                          "\n      want", [r.get("Resolution", {}).get("value", r.get("value")) if "Resolution" in r
                                         else (r["value"], r["unit"]) for r in want])
    print(f"all files: {total_right}/{total} right ({total_right / total:.1%})")


if __name__ == "__main__":
    main()
