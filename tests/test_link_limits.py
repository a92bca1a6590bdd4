"""Hosts that refuse us and caches that lie: the link checker's verdicts stay honest (issue 20, 17)."""
from __future__ import annotations

import pytest

from claimcheck.config import LinkSettings
from claimcheck.links.checker import check_links
from claimcheck.model import LinkRef, LinkStatus

from .linkserver import LinkServer, refuse_egress


@pytest.fixture(scope="module")
def server():
    srv = LinkServer().start()
    yield srv
    srv.stop()


@pytest.fixture(autouse=True)
def no_egress(monkeypatch):
    return refuse_egress(monkeypatch)


def settings(**kw) -> LinkSettings:
    base = {"timeout": 2.0, "connect_timeout": 1.0, "total_timeout": 4.0, "retries": 2, "backoff": 0.05,
            "retry_after_cap": 5.0, "allow_private": True, "cache": False, "soft_404": False}
    base.update(kw)
    return LinkSettings(**base)


def run(urls, link_settings):
    refs = {u: [LinkRef("doc.txt", "doc.txt", i + 1, i + 1)] for i, u in enumerate(urls)}
    return {r.url: r for r in check_links(refs, link_settings, probe_hosts=()).results}


def test_a_host_answering_429_to_everything_leaves_its_links_blocked_not_timed_out(server):
    """Every link answers `429 Retry-After: 2`: waves of per_host requests, a pause each, used to
    outlast each link's budget, and every link ended as `timeout`, as if the server were down."""
    urls = [f"{server.base}/ratelimit/wall-{i}?after=2" for i in range(12)]
    results = run(urls, settings(per_host=2))
    assert {r.status for r in results.values()} == {LinkStatus.BLOCKED}
    assert all("429" in r.reason and "not dead" in r.reason for r in results.values())
    sent = sum(n for path, n in server.hits.items() if path.startswith("/ratelimit/wall-"))
    assert sent < len(urls) * 3  # the host kept refusing after the wait: the rest were not sent again and again


def test_a_host_that_lets_us_in_after_the_wait_is_not_given_up_on(server):
    urls = [f"{server.base}/ratelimit/once-{i}?after=1" for i in range(8)]
    results = run(urls, settings(per_host=2, total_timeout=10.0))
    assert {r.status for r in results.values()} == {LinkStatus.OK}
