"""A made-up evaluation set built from pages and gold held as Python data (`tests/heldout/build.py`,
`tests/heldout2/build.py`): offsets are computed from the text, every quote and pair is checked,
and only then are pages/*.txt, NAME.claims.jsonl and NAME.pairs.jsonl written.

Gold items: ("n", quote, note[, context]) for negatives; ("c" | "o", label, quote, kind, bound,
value, unit, group, about[, time[, context]]) for core / optional quantities. A "range" bound
takes (low, high) as its value.
"""
from __future__ import annotations

import itertools
import json
import pathlib


def spans(text: str, doc: str, quote: str, ctx: str | None) -> tuple[int, int, int]:
    anchor = ctx or quote
    n = text.count(anchor)
    if n != 1:
        raise SystemExit(f"{doc}: {anchor!r} occurs {n} times; give a unique context")
    if quote not in anchor:
        raise SystemExit(f"{doc}: quote {quote!r} not in context {anchor!r}")
    start = text.index(anchor) + anchor.index(quote)
    end = start + len(quote)
    assert text[start:end] == quote
    occ = 0
    pos = -1
    while True:
        pos = text.find(quote, pos + 1)
        if pos == -1 or pos > start:
            break
        occ += 1
    return start, end, occ


def bounds(bound: str, value, quote: str = "") -> tuple[float | None, float | None]:
    if bound == "range":
        return value
    if bound == "=":
        return value, value
    if bound == "~":
        a, b = value * 0.9, value * 1.1
        return (min(a, b), max(a, b))
    if bound in (">", ">="):
        return value, None
    if quote.lower().startswith(("nearly", "almost")):
        return value * 0.9, value  # the dev gold's reading of "nearly"/"almost"
    return None, value


def num(x: float):
    return int(x) if float(x).is_integer() else x


def build(here: pathlib.Path, name: str, pages: dict[str, str], gold: dict[str, list[tuple]],
          pairs_in: list[tuple[str, str, str, str]]) -> None:
    """Check every span and pair, then write pages/*.txt, NAME.claims.jsonl and NAME.pairs.jsonl."""
    claims: list[dict] = []
    index: dict[str, dict] = {}
    for doc, items in gold.items():
        for item in items:
            if item[0] == "n":
                _, quote, note, *rest = item
                ctx = rest[0] if rest else None
                start, end, occ = spans(pages[doc], doc, quote, ctx)
                rec = {"doc": doc, "quote": quote, "occurrence": occ}
                if ctx:
                    rec["context"] = ctx
                rec.update({"tier": "negative", "note": note, "start": start, "end": end})
            else:
                tier = "core" if item[0] == "c" else "optional"
                label, quote, kind, bound, value, unit, group, about, *rest = item[1:]
                time = rest[0] if rest else None
                ctx = rest[1] if len(rest) > 1 else None
                start, end, occ = spans(pages[doc], doc, quote, ctx)
                low, high = bounds(bound, value, quote)
                rec = {"doc": doc, "quote": quote, "occurrence": occ}
                if ctx:
                    rec["context"] = ctx
                rec.update({"kind": kind, "bound": bound})
                if bound != "range":
                    rec["value"] = num(value)
                if unit:
                    rec["unit"] = unit
                rec["about"] = about
                if time:
                    rec["time"] = time
                if group:
                    rec["group"] = group
                rec.update({"tier": tier, "low": None if low is None else num(round(low, 6)),
                            "high": None if high is None else num(round(high, 6)),
                            "start": start, "end": end})
                if label:
                    if label in index:
                        raise SystemExit(f"duplicate label {label}")
                    index[label] = rec
            claims.append(rec)
    # no two gold spans may overlap within a document
    by_doc: dict[str, list[dict]] = {}
    for c in claims:
        by_doc.setdefault(c["doc"], []).append(c)
    for doc, cs in by_doc.items():
        cs.sort(key=lambda c: c["start"])
        for x, y in itertools.pairwise(cs):
            if y["start"] < x["end"]:
                raise SystemExit(f"{doc}: overlapping gold {x['quote']!r} and {y['quote']!r}")
    pairs = []
    for a, b, expect, why in pairs_in:
        ra, rb = index[a], index[b]
        if ra["doc"] == rb["doc"]:
            raise SystemExit(f"pair {a} / {b}: both sides from one page")
        if expect == "conflict" and ra.get("group") != rb.get("group"):
            raise SystemExit(f"conflict {a} / {b}: gold groups differ")
        side = lambda r: {k: r[k] for k in ("doc", "quote", "occurrence") if k in r} | (  # noqa: E731
            {"context": r["context"]} if "context" in r else {}) | {"start": r["start"], "end": r["end"]}
        pairs.append({"a": side(ra), "b": side(rb), "expect": expect, "why": why})
    folder = here / "pages"
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.txt"):
        old.unlink()
    for doc, text in pages.items():
        (folder / doc).write_text(text, encoding="utf-8")
    with open(here / f"{name}.claims.jsonl", "w", encoding="utf-8") as f:
        for c in sorted(claims, key=lambda c: (c["doc"], c["start"])):
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    with open(here / f"{name}.pairs.jsonl", "w", encoding="utf-8") as f:
        for p in pairs:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    # re-read from disk and verify every span
    for c in claims:
        text = (folder / c["doc"]).read_text(encoding="utf-8")
        assert text[c["start"]:c["end"]] == c["quote"], c
    from collections import Counter
    print(f"{len(pages)} pages; claims {dict(Counter(c['tier'] for c in claims))}; "
          f"pairs {dict(Counter(p['expect'] for p in pairs))}")
