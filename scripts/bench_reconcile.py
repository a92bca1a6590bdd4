"""Reconciliation speed and memory on generated claims: 1,000 to 1,000,000.

    .venv/bin/python scripts/bench_reconcile.py [--sizes 1000,10000,100000,1000000] [--seed 7]

Claims are made directly (no extraction) with realistic variety: thousands of entities and
places, alias spellings and misspellings, many dates, hedged and ranged figures, a few sources;
most quantities are stated consistently (within their hedges), about 1 in 50 disagrees. Half the
quantities (`--concept-share`) carry a lexicon concept and a page topic, named in the sentence or
inherited, so concept blocks and their evidence-weighted clustering are measured too. Each size
runs in a fresh process so its peak memory is its own. Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time

SYLLABLES = [c + v for c in "bdfghjklmnprstvwyz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]  # 126
EVENTS = ["live", "arrest", "detain", "kill", "wound", "flee", "sign", "move", "interview", "protest", "vote", "build"]
SOURCES = [None, None, None, "human rights watch", "the interior ministry", "reuters", "the un"]


CONCEPTS = ["deaths", "injuries", "evacuated", "height", "length", "cost", "damage", "population"]


def make_claims(n: int, seed: int, concept_share: float = 0.5):
    from claimcheck.model import Bound, Claim, Frame, Kind

    rng = random.Random(seed)
    n_entities = max(50, n // 40)
    entities = sorted({"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(n_entities)})
    places = ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(max(100, n // 100))]
    # A quantity: what it counts, where, when; articles state it, mostly consistently.
    topics = ["".join(rng.choice(SYLLABLES) for _ in range(3)) for _ in range(max(20, n // 200))]
    truths = []
    for _ in range(max(1, n // 6)):
        # A quantity with a concept ("deaths") is told on pages about one topic, named or inherited.
        concept = rng.choice(CONCEPTS) if rng.random() < concept_share else None
        truths.append((rng.choice(entities), rng.choice(EVENTS), rng.choice(places), str(rng.randint(1990, 2024)),
                       10 ** rng.uniform(1, 7), concept, rng.choice(topics)))
    claims = []
    for i in range(n):
        entity, event, place, year, value, concept, topic = rng.choice(truths)
        if rng.random() < 0.05:  # a misspelling the fuzzy match should absorb
            j = rng.randrange(1, len(entity))
            entity = entity[:j] + entity[j:][::-1]
        if rng.random() < 0.02:  # a real disagreement
            value *= rng.choice([0.5, 1.6, 3.0])
        shape = rng.random()
        v = round(value)
        if shape < 0.6:
            bound, low, high, val = Bound.EXACT, v, v, v
        elif shape < 0.8:
            bound, low, high, val = Bound.APPROX, v * 0.9, v * 1.1, v
        elif shape < 0.9:
            bound, low, high, val = Bound.OVER, v * 0.9, None, v * 0.9
        else:
            bound, low, high, val = Bound.RANGE, v * 0.85, v * 1.15, None
        doc = f"doc{i // 20:06d}"
        frame = Frame(entity=entity if concept is None else "people", event=event if rng.random() > 0.1 else None,
                      place=place if rng.random() > 0.2 else None, time=year if rng.random() > 0.3 else None,
                      scope=("other",) if rng.random() < 0.03 else (), source=rng.choice(SOURCES),
                      concept=concept, topic=f"{topic} {rng.choice(topics)}" if concept else None,
                      topic_from=("sentence" if rng.random() < 0.3 else "document") if concept else None,
                      time_from="sentence", place_from="sentence")
        start = (i % 20) * 100
        claims.append(Claim(id=f"{doc}:{start}", doc=f"{doc}.txt", doc_id=doc, path=f"{doc}.txt", start=start,
                            end=start + 5, quote=str(v), kind=Kind.COUNT, bound=bound, value=val, low=low, high=high,
                            unit=None, subject=entity, sentence=f"{v} {entity} {event} in {place}.", frame=frame,
                            source=frame.source))
    return claims


def one(n: int, seed: int, concept_share: float) -> dict:
    from claimcheck.reconcile import reconcile

    claims = make_claims(n, seed, concept_share)
    t0 = time.perf_counter()
    groups, conflicts = reconcile(claims)
    elapsed = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"claims": n, "seconds": round(elapsed, 2), "peak_mb": round(peak), "groups": len(groups),
            "conflicts": len(conflicts)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,100000,1000000")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--concept-share", type=float, default=0.5,
                    help="share of quantities with a lexicon concept and a page topic (0 = entity blocks only)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.seed, args.concept_share)))
        return
    rows = []
    print(f"{'claims':>10} {'seconds':>8} {'claims/s':>10} {'peak MB':>8} {'groups':>8} {'conflicts':>9}")
    for n in (int(x) for x in args.sizes.split(",")):
        out = subprocess.run([sys.executable, __file__, "--one", str(n), "--seed", str(args.seed),
                              "--concept-share", str(args.concept_share)],
                             capture_output=True, text=True, check=True)
        row = json.loads(out.stdout)
        rows.append(row)
        print(f"{n:>10,} {row['seconds']:>8.2f} {n / max(row['seconds'], 1e-9):>10,.0f} {row['peak_mb']:>8} "
              f"{row['groups']:>8,} {row['conflicts']:>9,}", flush=True)
    if len(rows) >= 2:
        a, b = rows[-2], rows[-1]
        print(f"growth {a['claims']:,} -> {b['claims']:,}: time x{b['seconds'] / max(a['seconds'], 1e-9):.1f} "
              f"for x{b['claims'] / a['claims']:.0f} claims")


if __name__ == "__main__":
    main()
