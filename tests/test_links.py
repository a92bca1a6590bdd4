"""The link checker against a real HTTP server on 127.0.0.1 (no mocks), plus unit tests of its parts."""
from __future__ import annotations

import gzip
import json
import socket
import xml.etree.ElementTree as ET
import zlib

import httpx
import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.config import LinkSettings
from claimcheck.links.checker import check_links
from claimcheck.links.fetch import classify_error
from claimcheck.links.policy import by_pattern, decode_body, host_verdict, is_private, retry_after_seconds, status_for, validate
from claimcheck.model import LinkRef, LinkStatus

from .linkserver import LinkServer, refuse_egress


@pytest.fixture(scope="module")
def server():
    srv = LinkServer().start()
    yield srv
    srv.stop()


@pytest.fixture(autouse=True)
def no_egress(monkeypatch):
    """No test here reaches past loopback, even one that vets a public address."""
    return refuse_egress(monkeypatch)


def fast(tmp_path=None, **kw) -> LinkSettings:
    base = {"timeout": 0.5, "connect_timeout": 0.5, "total_timeout": 4.0, "retries": 2, "backoff": 0.05,
            "retry_after_cap": 2.0, "allow_private": True, "cache": False}
    base.update(kw)
    return LinkSettings(**base)


def run(urls, settings, **kw):
    refs = {u: [LinkRef("doc.txt", "doc.txt", i + 1, i + 1)] for i, u in enumerate(urls)}
    return {r.url: r for r in check_links(refs, settings, probe_hosts=(), **kw).results}


def refused_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


def test_the_whole_matrix(server):
    b = server.base
    cases = {
        f"{b}/ok/page-1": (LinkStatus.OK, 200, ""),
        f"{b}/r301": (LinkStatus.REDIRECTED, 200, "permanent redirect"),
        f"{b}/r302a": (LinkStatus.REDIRECTED, 200, "temporary redirect"),
        f"{b}/loop1": (LinkStatus.BROKEN, 302, "redirect loop"),
        f"{b}/status/404": (LinkStatus.BROKEN, 404, "not found"),
        f"{b}/status/410": (LinkStatus.BROKEN, 410, "gone"),
        f"{b}/status/500": (LinkStatus.SERVER_ERROR, 500, "server error"),
        f"{b}/flaky/a": (LinkStatus.OK, 200, ""),
        f"{b}/ratelimit/a?after=1": (LinkStatus.OK, 200, ""),
        f"{b}/ratelimit-date/a": (LinkStatus.OK, 200, ""),
        f"{b}/ratelimit/b?after=3600": (LinkStatus.BLOCKED, 429, "exceeds the cap"),
        f"{b}/head405": (LinkStatus.OK, 200, ""),
        f"{b}/botwall": (LinkStatus.BLOCKED, 403, "bot wall"),
        f"{b}/soft404": (LinkStatus.BROKEN, 200, "soft 404: title says"),
        f"{b}/news/deep/article": (LinkStatus.BROKEN, 200, "soft 404: deep link redirected to the home page"),
        f"{b}/app/article/42": (LinkStatus.BROKEN, 200, "soft 404: page is 100% identical"),
        f"{b}/members/report-2019": (LinkStatus.BROKEN, 200, "soft 404: redirected to a login page"),
        f"{b}/gate/story-7": (LinkStatus.OK, 200, "after a cookie check"),
        f"{b}/slow": (LinkStatus.TIMEOUT, None, "no answer in time"),
        f"{b}/huge": (LinkStatus.OK, 200, ""),
        f"{b}/close": (LinkStatus.SERVER_ERROR, None, "closed the connection"),
        f"{b}/badcharset": (LinkStatus.OK, 200, ""),
        f"{b}/garbage": (LinkStatus.SERVER_ERROR, None, "malformed answer"),
        f"{b}/badlocation": (LinkStatus.SERVER_ERROR, None, "malformed answer"),
        f"{b}/bigheaders": (LinkStatus.SERVER_ERROR, None, "malformed answer"),
        f"{b}/longheader": (LinkStatus.OK, 200, ""),
        f"{b}/gzip-missing": (LinkStatus.BROKEN, 200, "soft 404: title says 'Page not found'"),
        f"{b}/gzipbomb": (LinkStatus.OK, 200, ""),
        f"http://127.0.0.1:{refused_port()}/x": (LinkStatus.BROKEN, None, "connection refused"),
        b.replace("http://", "https://") + "/ok/page-9": (LinkStatus.TLS_ERROR, None, "TLS handshake failed"),
        "http://exa mple.com/x": (LinkStatus.INVALID_URL, None, "malformed URL"),
        "http://[::1/x": (LinkStatus.INVALID_URL, None, "malformed URL"),
        "javascript:alert(1)": (LinkStatus.SKIPPED, None, "scheme 'javascript'"),
        "file:///etc/passwd": (LinkStatus.SKIPPED, None, "scheme 'file'"),
    }
    results = run(list(cases), fast())
    for url, (status, code, reason) in cases.items():
        got = results[url]
        assert (got.status, got.http_status) == (status, code), (url, got)
        assert reason in got.reason, (url, got.reason)
    assert results[f"{b}/r301"].permanent_redirect and results[f"{b}/r301"].final_url == f"{b}/ok/page-1"
    assert [c for c, _ in results[f"{b}/r302a"].redirects] == [302, 302]
    assert server.huge_bytes < 50 * 1024 ** 2  # the gigabyte body was never read whole
    assert server.hits["/flaky/a"] >= 2 and server.hits["/ratelimit/b?after=3600"] == 1


def test_a_page_cited_at_several_anchors_is_fetched_once(server):
    urls = [f"{server.base}/ok/page-41#intro", f"{server.base}/ok/page-41#method", f"{server.base}/ok/page-41"]
    results = run(urls, fast(soft_404=False))
    assert [results[u].status for u in urls] == [LinkStatus.OK] * 3 and results[urls[0]].url == urls[0]
    assert server.hits["/ok/page-41"] == 1


def test_a_body_that_trickles_in_is_cut_off_by_the_whole_check_timeout(server):
    (result,) = run([f"{server.base}/trickle"], fast(total_timeout=1.0)).values()
    assert result.status is LinkStatus.TIMEOUT and "whole check took over 1s" in result.reason


def test_head_first_then_get_when_head_is_refused(server):
    """Without soft-404 checks no body is needed: HEAD first, GET only when HEAD is refused."""
    url, plain = f"{server.base}/head405?m=1", f"{server.base}/ok/page-11"
    results = run([url, plain], fast(soft_404=False))
    assert results[url].status is LinkStatus.OK and results[plain].status is LinkStatus.OK
    assert [m for m, p in server.methods if p == "/head405?m=1"] == ["HEAD", "GET"]
    assert [m for m, p in server.methods if p == "/ok/page-11"] == ["HEAD"]


def test_a_host_that_rate_limits_us_is_paused_as_a_whole(server):
    """Most answers are 429: nothing more goes to the host until Retry-After has passed."""
    urls = [f"{server.base}/ratelimit/host-{i}?after=1" for i in range(4)]
    results = run(urls, fast(concurrency=2, per_host=1))
    assert all(r.status is LinkStatus.OK for r in results.values())
    times = sorted(t for t, path in server.arrivals if path.startswith("/ratelimit/host-"))
    first_429 = times[0]
    assert times[1] - first_429 >= 0.9  # the request queued behind the first one waited too


def test_one_rate_limited_page_does_not_stall_its_host(server):
    """A 429 among pages that load is about that page: only its retry waits for Retry-After."""
    urls = ([f"{server.base}/ok/page-{i}" for i in range(200, 208)] + [f"{server.base}/ratelimit/lone?after=1"]
            + [f"{server.base}/ok/page-{i}" for i in range(208, 216)])
    results = run(urls, fast(concurrency=2, per_host=1, soft_404=False))
    assert all(r.status is LinkStatus.OK for r in results.values())
    hits = [t for t, path in server.arrivals if path == "/ratelimit/lone?after=1"]
    assert len(hits) == 2
    meanwhile = {path for t, path in server.arrivals if hits[0] < t < hits[1]}
    assert {f"/ok/page-{i}" for i in range(208, 216)} <= meanwhile  # the rest of the host went on


def test_a_per_host_limit_holds_for_that_host():
    slow = LinkServer(latency=0.05).start()
    try:
        urls = [f"{slow.base}/ok/page-{i}" for i in range(300, 306)]
        run(urls, fast(per_host=8, soft_404=False))
        assert slow.most_in_flight > 1  # the default lets several requests in at once...
        slow.most_in_flight = 0
        results = run([u + "?again" for u in urls], fast(per_host=8, hosts={"127.0.0.1": 1}, soft_404=False))
        assert slow.most_in_flight == 1  # ...and links.hosts holds this host to one
        assert all(r.status is LinkStatus.OK for r in results.values())
    finally:
        slow.stop()


def test_private_addresses_are_skipped_by_default(server):
    (result,) = run([f"{server.base}/ok/page-3"], fast(allow_private=False)).values()
    assert result.status is LinkStatus.SKIPPED and "--allow-private" in result.reason


def test_redirect_into_a_private_address_is_refused():
    # A public-looking host is never contacted here: the guard works on resolved addresses.
    async def resolver(host, port):
        return ["169.254.169.254"]  # cloud metadata address

    (result,) = run(["http://metadata.example/latest"], fast(allow_private=False), resolver=resolver).values()
    assert result.status is LinkStatus.SKIPPED and "169.254.169.254" in result.reason


def test_no_network_means_unverified_not_dead():
    async def resolver(host, port):
        raise socket.gaierror(-2, "Name or service not known")

    refs = {"https://www.cnn.com/a": [LinkRef("d.txt", "d.txt", 1)], "https://bbc.co.uk/b": [LinkRef("d.txt", "d.txt", 2)]}
    outcome = check_links(refs, fast(allow_private=False), probe_hosts=("probe.example",), resolver=resolver)
    assert {r.status for r in outcome.results} == {LinkStatus.UNVERIFIED}
    assert outcome.network_note.startswith("No network")


def test_unresolvable_domain_with_network_is_broken(server):
    async def resolver(host, port):
        if host == "gone.example":
            raise socket.gaierror(-2, "Name or service not known")
        return ["93.184.216.34"]

    refs = {"https://gone.example/a": [LinkRef("d.txt", "d.txt", 1)]}
    outcome = check_links(refs, fast(), probe_hosts=("probe.example",), resolver=resolver)
    assert outcome.results[0].status is LinkStatus.BROKEN and outcome.network_note is None


def test_cache_skips_the_second_request(server, tmp_path):
    settings = fast(cache=True, cache_path=str(tmp_path / "cache.sqlite3"))
    url = f"{server.base}/ok/page-77"
    first = run([url], settings)[url]
    hits = server.hits.get("/ok/page-77", 0)
    second = run([url], settings)[url]
    assert (first.from_cache, second.from_cache, second.status) == (False, True, LinkStatus.OK)
    assert server.hits.get("/ok/page-77", 0) == hits
    third = run([url], fast(cache=True, cache_path=str(tmp_path / "cache.sqlite3"), cache_max_age=0))[url]
    assert third.from_cache is False


def test_a_broken_cache_file_is_a_warning_and_the_check_goes_on(server, tmp_path):
    broken = tmp_path / "cache.sqlite3"
    broken.write_bytes(b"this is not a SQLite database" * 100)
    url = f"{server.base}/ok/page-78"
    refs = {url: [LinkRef("d.txt", "d.txt", 1)]}
    outcome = check_links(refs, fast(cache=True, cache_path=str(broken)), probe_hosts=())
    assert outcome.results[0].status is LinkStatus.OK
    (warning,) = outcome.warnings
    assert str(broken) in warning and "checking without the cache" in warning
    assert broken.read_bytes().startswith(b"this is not")  # left as it was, not overwritten


def test_archive_suggestion_for_broken_links(server):
    settings = fast(suggest_archive=True, archive_api=f"{server.base}/wayback/available")
    url = f"{server.base}/status/404"
    refs = {url: [LinkRef("d.txt", "d.txt", 3, 2, "2019-08-16")]}
    (result,) = check_links(refs, settings, probe_hosts=()).results
    assert result.archive_url == f"http://web.archive.org/web/20190816/{url}"


@pytest.fixture
def cited(tmp_path, server):
    doc = tmp_path / "article.txt"
    doc.write_text(f"Some 12 people died.1 Others fled.2\n\n1. A, “T,” Reuters, {server.base}/ok/page-5\n"
                   f"2. B, “U,” Reuters, {server.base}/status/404\n", encoding="utf-8")
    cfg = tmp_path / "claimcheck.toml"
    cfg.write_text("[links]\ncache = false\nallow_private = true\ntimeout = 1.0\nretries = 0\n")
    return doc, cfg


def test_cli_exit_codes_and_formats(cited):
    doc, cfg = cited
    runner = CliRunner()
    result = runner.invoke(app, ["links", str(doc), "--config", str(cfg), "--format", "json"])
    assert result.exit_code == 1
    statuses = {r["url"].rsplit("/", 1)[1]: r["status"] for r in json.loads(result.stdout)["links"]}
    assert statuses == {"page-5": "ok", "404": "broken"}
    ok_only = runner.invoke(app, ["links", str(doc), "--config", str(cfg), "--fail-on", "none,timeout"])
    assert ok_only.exit_code == 0
    github = runner.invoke(app, ["links", str(doc), "--config", str(cfg), "--format", "github"]).stdout
    assert f"::error file={doc},line=4,title=claimcheck link broken::" in github
    junit = ET.fromstring(runner.invoke(app, ["links", str(doc), "--config", str(cfg), "--format", "junit"]).stdout)
    suite = junit.find("testsuite")
    assert (suite.get("tests"), suite.get("failures")) == ("2", "1")
    sarif = json.loads(runner.invoke(app, ["links", str(doc), "--config", str(cfg), "--format", "sarif"]).stdout)
    (alert,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"].startswith("link/")]
    assert alert["ruleId"] == "link/broken" and alert["locations"][0]["physicalLocation"]["region"]["startLine"] == 4
    text = runner.invoke(app, ["links", str(doc), "--config", str(cfg)], env={"COLUMNS": "60"}).stdout.splitlines()
    broken_url = next(line for line in text if "/status/404" in line)
    assert text.index("broken · 1") < text.index("ok · 1")  # worst first; ok links only counted
    assert broken_url.endswith("/status/404") and "article.txt:4 [2]" in broken_url  # one unbroken line
    assert "not found (404)" in text[text.index(broken_url) + 1]
    markdown = runner.invoke(app, ["links", str(doc), "--config", str(cfg), "--format", "markdown"]).stdout
    assert "| broken |" in markdown and "| ok |" in markdown


def test_the_terminal_orders_every_status():
    from claimcheck.formats.terminal import LINK_ORDER

    assert sorted(LINK_ORDER) == sorted(s.value for s in LinkStatus)


def test_require_network_fails_on_unverified():
    from claimcheck.cli import _exit_code
    from claimcheck.config import Settings
    from claimcheck.model import LinkResult, Report

    report = Report(links=(LinkResult("https://a.org", LinkStatus.UNVERIFIED),))
    settings = Settings()
    assert _exit_code(report, settings) == 0
    settings.links.require_network = True
    assert _exit_code(report, settings) == 1


@pytest.mark.parametrize("url, status", [
    ("https://a.org/x", None), ("http://a.org:99999/x", LinkStatus.INVALID_URL), ("mailto:a@b.org", LinkStatus.SKIPPED),
    ("https://a.org/" + "x" * 3000, LinkStatus.INVALID_URL), ("https:///nohost", LinkStatus.INVALID_URL),
])
def test_validate(url, status):
    verdict = validate(url)
    assert (verdict[0] if verdict else None) is status


@pytest.mark.parametrize("url, include, exclude, skipped", [
    ("https://a.org/x", [], [], False),
    ("https://a.org/x", [r"b\.org"], [], True),
    ("https://b.org/x", [r"b\.org"], [r"/x$"], True),
    ("https://b.org/y", [r"b\.org"], [r"/x$"], False),
])
def test_include_and_exclude_patterns(url, include, exclude, skipped):
    verdict = by_pattern(url, include, exclude)
    assert (verdict is not None and verdict[0] is LinkStatus.SKIPPED) is skipped


def test_decode_body_never_inflates_past_its_limit():
    bomb = gzip.compress(b"<title>x</title>" + b" " * (20 * 1024 ** 2))
    assert len(decode_body(bomb, "gzip", "utf-8", 65536)) == 65536
    raw_deflate = zlib.compressobj(wbits=-15)
    data = raw_deflate.compress(b"<title>Deflated</title>") + raw_deflate.flush()
    assert decode_body(data, "deflate", None, 65536) == "<title>Deflated</title>"
    assert decode_body(b"not gzip at all", "gzip", None, 65536) == ""
    assert decode_body(b"\x1b\x00", "br", None, 65536) == ""
    assert decode_body("caf\u00e9".encode("latin-1"), None, "x-no-such-codec", 10) == "caf\ufffd"


@pytest.mark.parametrize("answer, offline, allow_private, status", [
    (["93.184.216.34"], False, False, None),
    (OSError("Name or service not known"), False, False, LinkStatus.BROKEN),
    (OSError("Temporary failure in name resolution"), True, False, LinkStatus.UNVERIFIED),
    (["93.184.216.34", "10.0.0.5"], False, False, LinkStatus.SKIPPED),  # any private answer is refused
    (["10.0.0.5"], False, True, None),
])
def test_host_verdict(answer, offline, allow_private, status):
    verdict = host_verdict("news.example", answer, offline, allow_private)
    assert (verdict[0] if verdict else None) is status


def test_retry_after_both_forms():
    assert retry_after_seconds("7") == 7
    assert 0 <= retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") <= 0.0 + 1  # in the past: no wait
    assert retry_after_seconds("soon") is None


@pytest.mark.parametrize("address, private", [
    ("127.0.0.1", True), ("10.1.2.3", True), ("169.254.169.254", True), ("100.64.1.1", True), ("::1", True),
    ("fd00:ec2::254", True), ("::ffff:127.0.0.1", True), ("93.184.216.34", False), ("2606:2800:220:1::", False),
])
def test_is_private(address, private):
    assert is_private(address) is private


def test_classify_error_uses_httpx_tree():
    request = httpx.Request("GET", "https://a.org")
    assert classify_error(httpx.ReadTimeout("t", request=request))[0] is LinkStatus.TIMEOUT
    refused = httpx.ConnectError("[Errno 111] Connection refused", request=request)
    assert classify_error(refused)[:1] == (LinkStatus.BROKEN,)
    tls = httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed", request=request)
    assert classify_error(tls)[0] is LinkStatus.TLS_ERROR
    assert classify_error(httpx.RemoteProtocolError("closed", request=request))[2] is True


def test_status_over_mock_transport():
    """One function, one fake transport: a 999 bot wall (LinkedIn's) maps to blocked."""
    transport = httpx.MockTransport(lambda request: httpx.Response(999))
    with httpx.Client(transport=transport) as client:
        code = client.get("https://www.linkedin.com/in/x").status_code
    assert status_for(code, [])[0] is LinkStatus.BLOCKED
    assert status_for(403, [403])[0] is LinkStatus.OK


def test_a_redirect_into_a_private_address_is_refused():
    """One method, its network stubbed: each redirect hop passes the private-address guard."""
    import asyncio

    from claimcheck.links.fetch import Fetcher

    class Redirecting(Fetcher):
        async def fetch(self, url):
            return 302, httpx.Headers({"location": "http://intranet.example/admin"}), ""

    async def resolver(host, port):
        return {"news.example": ["93.184.216.34"], "intranet.example": ["10.0.0.5"]}[host]

    async def check(url):
        fetcher = Redirecting(fast(allow_private=False), {"news.example": ["93.184.216.34"]}, False, resolver)
        try:
            return await fetcher.check(url)
        finally:
            await fetcher.aclose()

    result = asyncio.run(check("http://news.example/story"))
    assert result.status is LinkStatus.SKIPPED and "10.0.0.5" in result.reason
    assert result.redirects == ((302, "http://intranet.example/admin"),)


def test_a_run_imports_only_what_it_needs(server):
    """Offline, no HTTP library is loaded; online, httpx's own command-line client is not."""
    import subprocess
    import sys
    import textwrap

    code = textwrap.dedent(f"""
        import socket, sys
        from claimcheck.config import LinkSettings
        from claimcheck.links.checker import check_links
        from claimcheck.model import LinkRef

        async def offline(host, port):
            raise socket.gaierror(-2, "Name or service not known")

        ref = [LinkRef("d", "d", 1)]
        out = check_links({{"https://news.example/a": ref}}, LinkSettings(cache=False), probe_hosts=("p.example",),
                          resolver=offline)
        assert out.results[0].status.value == "unverified"
        assert "httpx" not in sys.modules and "aiohttp" not in sys.modules
        out = check_links({{"{server.base}/ok/page-5": ref}}, LinkSettings(cache=False, allow_private=True), probe_hosts=())
        assert out.results[0].status.value == "ok", out.results[0]
        assert "aiohttp" in sys.modules and "pygments" not in sys.modules and "click" not in sys.modules
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr


def test_a_certificate_nobody_vouches_for_is_a_tls_error(tmp_path):
    """A real TLS handshake over the aiohttp transport: a self-signed certificate fails verification."""
    import shutil
    import subprocess

    if not shutil.which("openssl"):
        pytest.skip("needs the openssl command to make a certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    tls = LinkServer().with_tls(str(cert), str(key)).start()
    try:
        (result,) = run([f"{tls.base}/ok/page-1"], fast()).values()
    finally:
        tls.stop()
    assert result.status is LinkStatus.TLS_ERROR and "CERTIFICATE_VERIFY_FAILED" in result.reason, result
