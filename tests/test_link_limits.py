"""Hosts that refuse us and caches that lie: the link checker's verdicts stay honest (issue 20, 17)."""
from __future__ import annotations

import sqlite3

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


def cached_run(server, path, pages=range(900, 906), **kw):
    urls = [f"{server.base}/ok/page-{i}" for i in pages]
    refs = {u: [LinkRef("d.txt", "d.txt", 1)] for u in urls}
    return check_links(refs, settings(cache=True, cache_path=str(path), **kw), probe_hosts=())


def overwrite_pages(path):
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 4096):  # every page but the first, whose header says "SQLite"
        data[offset:offset + 512] = b"\xff" * 512
    path.write_bytes(bytes(data))


def overwrite_schema_page(path):
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the first page after its 100-byte header: the schema
    path.write_bytes(bytes(data))


def bad_json_row(path):
    db = sqlite3.connect(path)
    db.execute("UPDATE links SET redirects = '{not json' WHERE rowid = 2")
    db.commit()
    db.close()


def another_schema(path):
    path.unlink()
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE links (url TEXT PRIMARY KEY, verdict TEXT)")
    db.commit()
    db.close()


@pytest.mark.parametrize("damage, warned", [(overwrite_pages, "started a fresh cache"),
                                            (overwrite_schema_page, "started a fresh cache"),
                                            (bad_json_row, "1 unreadable entry ignored"),
                                            (another_schema, "started a fresh cache")])
def test_a_corrupt_cache_is_a_warning_and_a_fresh_start_never_a_traceback(server, tmp_path, damage, warned):
    path = tmp_path / "links.sqlite3"
    first = cached_run(server, path)
    assert first.warnings == () and all(not r.from_cache for r in first.results)
    damage(path)
    second = cached_run(server, path)
    assert {r.status for r in second.results} == {LinkStatus.OK}
    (warning,) = second.warnings
    assert str(path) in warning and warned in warning
    third = cached_run(server, path)  # the cache works again, mended
    assert third.warnings == () and all(r.from_cache for r in third.results)


def test_another_programs_database_is_left_alone(server, tmp_path):
    path = tmp_path / "links.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE bookmarks (url TEXT)")
    db.execute("INSERT INTO bookmarks VALUES ('https://example.org/')")
    db.commit()
    db.close()
    outcome = cached_run(server, path)
    assert {r.status for r in outcome.results} == {LinkStatus.OK}
    (warning,) = outcome.warnings
    assert "another program" in warning and "checking without the cache" in warning
    assert sqlite3.connect(path).execute("SELECT url FROM bookmarks").fetchall() == [("https://example.org/",)]


def test_a_result_found_with_allow_private_is_not_reused_by_a_run_that_must_skip_it(server, tmp_path):
    """Issue 17: after one --allow-private run, 127.0.0.1 links were `broken` from the cache, not `skipped`."""
    path = tmp_path / "links.sqlite3"
    url = f"{server.base}/status/404"
    refs = {url: [LinkRef("d.txt", "d.txt", 1)]}
    (allowed,) = check_links(refs, settings(cache=True, cache_path=str(path)), probe_hosts=()).results
    assert allowed.status is LinkStatus.BROKEN
    (guarded,) = check_links(refs, settings(cache=True, cache_path=str(path), allow_private=False),
                             probe_hosts=()).results
    assert guarded.status is LinkStatus.SKIPPED and not guarded.from_cache and "--allow-private" in guarded.reason
    (again,) = check_links(refs, settings(cache=True, cache_path=str(path)), probe_hosts=()).results
    assert again.status is LinkStatus.BROKEN and again.from_cache  # each policy keeps its own results


def test_an_ipv6_footnote_url_is_read_whole_and_a_site_local_address_is_refused(tmp_path):
    """Issue 20: `http://[fec0::1]/` passed the guard, and a .txt footnote's IPv6 URL was cut at ']'."""
    import json

    from typer.testing import CliRunner

    from claimcheck.cli import app

    doc = tmp_path / "article.txt"
    doc.write_text("The office counted 4,210 arrivals.1\n\nNotes\n\n"
                   "1. Regional office, “Arrivals,” March 3, 2020, http://[fec0::1]:8080/arrivals/2020.\n",
                   encoding="utf-8")
    result = CliRunner().invoke(app, ["links", str(doc), "-f", "json", "--no-cache"])
    (link,) = json.loads(result.stdout)["links"]
    assert link["url"] == "http://[fec0::1]:8080/arrivals/2020"
    assert link["status"] == "skipped" and "private" in link["reason"]


def test_a_few_pages_that_always_answer_429_do_not_block_the_rest_of_their_host():
    """Three pages answer 429 however long we wait; the host's other pages load, and are still
    being fetched (one at a time, 100 ms each) when those three have been refused twice."""
    slow = LinkServer(latency=0.1).start()
    try:
        limited = [f"{slow.base}/ratelimit/stubborn-{i}?after=2" for i in range(3)]
        pages = [f"{slow.base}/ok/page-{i}" for i in range(700, 712)]
        results = run(limited + pages, settings(per_host=1, concurrency=4, total_timeout=20.0))
    finally:
        slow.stop()
    assert {results[u].status for u in limited} == {LinkStatus.BLOCKED}
    assert {results[u].status for u in pages} == {LinkStatus.OK}
