"""Issue 20: a run that fetched links exits 0, not 139 (SIGSEGV) or 135 (SIGBUS), after a complete report.

The cause was a thread: importing aiohttp loads the system CA store twice, and the checker moved
those loads to a daemon thread. A short check ended before the loads did; the thread, inside
OpenSSL without the GIL, kept reading while the C library's exit handler (OPENSSL_cleanup) freed
what it read. A CA bundle several times the usual size (SSL_CERT_FILE, which OpenSSL's default
paths honour) makes each load take longer than the check, so the old code fails here every time
rather than on a loaded machine only.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from .linkserver import LinkServer

RUNS = 6


@pytest.fixture(scope="module")
def server():
    srv = LinkServer().start()
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def slow_ca_env(tmp_path_factory) -> dict[str, str]:
    """The environment with a CA bundle of the usual certificates, repeated: loading it takes a while."""
    import certifi

    bundle = tmp_path_factory.mktemp("ca") / "bundle.pem"
    bundle.write_text(Path(certifi.where()).read_text(encoding="ascii") * 4, encoding="ascii")
    return {**os.environ, "SSL_CERT_FILE": str(bundle)}


def described(code: int) -> str:
    return f"killed by {signal.Signals(-code).name}" if code < 0 else f"exit {code}"


def test_no_thread_outlives_a_link_check(server, slow_ca_env):
    """check_links returns with only the main thread left: nothing still running when the process exits."""
    code = textwrap.dedent(f"""
        import threading
        from claimcheck.config import LinkSettings
        from claimcheck.links.checker import check_links
        from claimcheck.model import LinkRef

        out = check_links({{"{server.base}/ok/page-1": [LinkRef("d", "d", 1)]}},
                          LinkSettings(cache=False, allow_private=True), probe_hosts=())
        assert out.results[0].status.value == "ok", out.results[0]
        print(sorted(t.name for t in threading.enumerate()))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env=slow_ca_env, check=False)
    assert done.returncode == 0, f"{described(done.returncode)}: {done.stderr[-2000:]}"
    assert done.stdout.strip() == "['MainThread']"


@pytest.mark.parametrize("command", ["links", "scan"])
def test_the_cli_exits_0_after_fetching_a_page(tmp_path, server, slow_ca_env, command):
    """The real CLI, as a user runs it, several times: a clean run exits 0 with the whole report."""
    article = tmp_path / "article.txt"
    article.write_text("Some 40 villages were flooded in the spring.1\n\nNotes\n"
                       f"1. River Board, \u201cFlood survey,\u201d {server.base}/ok/page-7, 2021.\n", encoding="utf-8")
    argv = [sys.executable, "-m", "claimcheck", command, str(article), "--allow-private", "--no-cache",
            "--format", "json"]
    for run in range(RUNS if command == "links" else 1):  # scan loads spaCy: once is enough
        done = subprocess.run(argv, capture_output=True, text=True, timeout=180, cwd=tmp_path, env=slow_ca_env,
                              check=False)
        assert done.returncode == 0, f"run {run + 1}: {described(done.returncode)}: {done.stderr[-2000:]}"
        links = json.loads(done.stdout)["links"]
        assert [(link["url"], link["status"]) for link in links] == [(f"{server.base}/ok/page-7", "ok")]
