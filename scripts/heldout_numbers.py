#!/usr/bin/env python3
"""A held-out check of the number grammar on real sentences of ../shared/corpus (no gold there).

    .venv/bin/python scripts/heldout_numbers.py [--shared ../shared] [-v]

The expected readings were written down before the grammar was tuned for issue 10, from a reading
of each passage; they were not changed to fit the parser afterwards. Only the readings live here:
each case names a corpus file and a character window (start, end) of it, and the script reads the
text from the file at run time, so no corpus text is copied into the project. Footnote markers
(`[15]`) are blanked first, as the pipeline does. A case is right when `find_quantities` on the
window yields exactly the expected readings: quote, kind, bound, value, low, high, unit.
"""
from __future__ import annotations

import argparse
import math
import re
from pathlib import Path

from claimcheck.claims.numbers import find_quantities

ROOT = Path(__file__).resolve().parents[1]
KABUL, FRESNO, SAMALAS = "12_wikipedia_kabul_2019.txt", "13_wikipedia_fresno_environmental_issues_2019.txt", \
    "14_wikipedia_1257_samalas_eruption_2019.txt"
AMNESTY, DM_400, DM_MAP, DM_BIRTH = ("01_amnesty_xinjiang_2021_excerpt.txt", "08_dailymail_aspi_nearly_400_detention_centres_2020.txt",
                                     "09_dailymail_aspi_camp_network_mapped_2020.txt", "10_dailymail_xinjiang_birth_rate_2020.txt")
NB = "\u00a0"
Reading = tuple  # (quote, kind, bound, value, low, high, unit)

# (category, file, start, end, expected readings). Quotes are the quantity phrases only.
CASES: list[tuple[str, str, int, int, list[Reading]]] = [
    ("year", SAMALAS, 1486, 1527, []),                                   # "around <year>", a time
    ("year", SAMALAS, 11427, 11484, []),
    ("year", SAMALAS, 25815, 25879, []),
    ("year", SAMALAS, 28906, 28966, []),
    ("year", SAMALAS, 11859, 11938, [("7,000 years", "duration", "=", 7000, 6650, 7350, "year")]),
    ("year", SAMALAS, 3493, 3547, []),                                   # a list of dates BP
    ("year", KABUL, 4106, 4150, []),                                     # "about 45 AD"
    ("year", KABUL, 4288, 4314, []),
    ("year", KABUL, 2254, 2284, []),
    ("year", KABUL, 5198, 5245, []),                                     # a span of three-digit years
    ("year", KABUL, 38689, 38730, [("six years", "duration", "=", 6, 6, 6, "year")]),
    ("year", SAMALAS, 10259, 10291, [("15", "count", "=", 15, 15, 15, None)]),
    ("unit", FRESNO, 95, 170, [("about 112 square miles", "measure", "~", 112, 100.8, 123.2, "mi2"),
                               ("290 km2", "measure", "~", 290, 261, 319, "km2")]),   # the conversion inherits "about"
    ("unit", FRESNO, 11532, 11636, [("14.77 inches", "measure", "=", 14.77, 14.77, 14.77, "in"),
                                    ("7.76 inches", "measure", "=", 7.76, 7.76, 7.76, "in")]),
    ("unit", FRESNO, 12048, 12107, [("two years", "duration", "=", 2, 2, 2, "year"),
                                    ("14.77 inch", "measure", "=", 14.77, 14.77, 14.77, "in")]),
    ("unit", FRESNO, 7076, 7164, [("260", "count", "=", 260, 260, 260, None),
                                  ("over 36 billion gallons", "measure", ">", 36e9, 36e9, None, "gal"),
                                  ("half a million", "count", "=", 5e5, 4.75e5, 5.25e5, None)]),
    ("unit", KABUL, 40646, 40712, [(f"95{NB}km", "measure", "=", 95, 95, 95, "km"),
                                   ("$110 million", "money", "=", 110e6, 105e6, 115e6, "USD")]),
    ("unit", KABUL, 12219, 12298, [(f"68{NB}km²", "measure", "=", 68, 68, 68, "km2")]),
    ("unit", SAMALAS, 20515, 20598, [(f"227{NB}±{NB}18 million tonnes", "measure", "~", 227e6, 209e6, 245e6, "t"),
                                     (f"up to 1.3{NB}±{NB}0.3 million tonnes", "measure", "<=", 1.3e6, 0, 1.3e6, "t")]),
    ("hedge", FRESNO, 13153, 13199, [("as high as 60 percent", "percent", "<=", 60, 0, 60, "percent")]),
    ("hedge", FRESNO, 7, 94, [("34th-most", "rank", "=", 34, 34, 34, "rank"),
                              ("close to half a million", "count", "<", 5e5, 4.5e5, 5e5, None)]),
    ("identifier", DM_400, 4030, 4094, []),                              # a vote, 406-3
    ("identifier", KABUL, 24011, 24164, [("11", "count", "=", 11, 11, 11, None), ("18", "count", "=", 18, 18, 18, None),
                                         ("22", "count", "=", 22, 22, 22, None)]),
    ("identifier", KABUL, 37284, 37324, []),                             # 3G
    ("identifier", KABUL, 38922, 39005, []),                             # AH76
    ("identifier", AMNESTY, 58611, 58652, []),                           # volume, number, pages
    ("identifier", KABUL, 45766, 45790, []),                             # Role 3
    ("money", KABUL, 34086, 34168, [(f"US$25{NB}million", "money", "=", 25e6, 24.5e6, 25.5e6, "USD")]),
    ("money", KABUL, 37381, 37427, [(f"$64.5{NB}million", "money", "=", 64.5e6, 64.45e6, 64.55e6, "USD")]),
    ("scale", KABUL, 209, 253, [("5.266 million", "count", "=", 5.266e6, 5.2655e6, 5.2665e6, None)]),
    ("scale", DM_BIRTH, 1439, 1472, [("around 11million", "count", "~", 11e6, 9.9e6, 12.1e6, None)]),
    ("range", KABUL, 16027, 16099, [("around 500,000", "count", "~", 5e5, 4.5e5, 5.5e5, None),
                                    (f"1.5{NB}million", "count", "=", 1.5e6, 1.45e6, 1.55e6, None)]),
    ("range", KABUL, 16410, 16451, [("between 8,000 and 10,000", "count", "range", None, 8000, 10000, None)]),
    ("range", AMNESTY, 7965, 8034, [("one- or two-hour", "duration", "range", None, 1, 2, "hour")]),
    ("range", AMNESTY, 13536, 13565, [("20 or 25 years", "duration", "range", None, 20, 25, "year")]),
    ("range", SAMALAS, 27619, 27660, [("15,000 to 20,000", "count", "range", None, 15000, 20000, None)]),
    ("range", SAMALAS, 3908, 3943, [("62–63 percent", "percent", "range", None, 62, 63, "percent")]),
    ("range", FRESNO, 4842, 4857, [("5–17", "age", "range", None, 5, 17, "year")]),
    ("rank", KABUL, 344, 380, [("75th largest", "rank", "=", 75, 75, 75, "rank")]),
    ("rank", DM_MAP, 6108, 6146, [("19th largest", "rank", "=", 19, 19, 19, "rank")]),
]


def _same(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)
    return a == b


def readings(text: str) -> list[Reading]:
    masks = [m.span() for m in re.finditer(r"\[\d{1,3}\]", text)]
    return [(q.quote, q.kind, q.bound.value, q.value, q.low, q.high, q.unit) for q in find_quantities(text, masks)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("-v", "--verbose", action="store_true", help="show the cases it gets wrong")
    args = ap.parse_args()
    corpus = Path(args.shared) / "corpus"
    texts: dict[str, str] = {}
    by_category: dict[str, list[bool]] = {}
    for category, name, start, end, want in CASES:
        text = texts.setdefault(name, (corpus / name).read_text("utf-8"))
        got = readings(text[start:end])
        ok = len(got) == len(want) and all(all(_same(a, b) for a, b in zip(g, w)) for g, w in zip(got, want))
        by_category.setdefault(category, []).append(ok)
        if args.verbose and not ok:
            print(f"   wrong: {name[:2]} {start}-{end}\n      want {want}\n      got  {got}")
    total = [ok for oks in by_category.values() for ok in oks]
    print("held-out corpus check: " + ", ".join(f"{c} {sum(v)}/{len(v)}" for c, v in by_category.items())
          + f"; all {sum(total)}/{len(total)} ({sum(total) / len(total):.0%})")


if __name__ == "__main__":
    main()
