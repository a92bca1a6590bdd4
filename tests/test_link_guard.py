"""The link checker's defences (issue 9): DNS rebinding, cloud metadata, hostile patterns, any string.

End-to-end cases run against the real local server. Names are answered by a stand-in resolver, and
`no_egress` refuses, in-process, any connection to an address outside 127.0.0.0/8: a test that
vets a public address never sends it a packet.
"""
from __future__ import annotations

import socket
import subprocess
import sys
import textwrap
import time

import httpx
import pytest
import yarl
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.config import LinkSettings, load_settings
from claimcheck.errors import ConfigError
from claimcheck.links.checker import check_links
from claimcheck.links.policy import host_verdict, is_metadata, is_private, validate
from claimcheck.model import LinkRef, LinkStatus

from .linkserver import LinkServer, refuse_egress

PUBLIC = "93.184.216.34"


@pytest.fixture(scope="module")
def server():
    srv = LinkServer().start()
    yield srv
    srv.stop()


@pytest.fixture(autouse=True)
def no_egress(monkeypatch):
    """Every address the client tried to connect to; anything but loopback is refused, unsent."""
    return refuse_egress(monkeypatch)


def settings_for(**kw) -> LinkSettings:
    base = {"timeout": 1.0, "connect_timeout": 1.0, "total_timeout": 4.0, "retries": 0, "cache": False}
    return LinkSettings(**{**base, **kw})


def check(urls, settings, resolver=None):
    refs = {u: [LinkRef("d.txt", "d.txt", i + 1)] for i, u in enumerate(urls)}
    return {r.url: r for r in check_links(refs, settings, probe_hosts=(), resolver=resolver).results}


def test_dns_rebinding_reaches_only_the_address_that_was_checked(server, no_egress):
    """The stand-in answers a public address, then 127.0.0.1 (a rebinding attack): loopback gets nothing."""
    asked: list[str] = []

    async def rebinding(host, port):
        asked.append(host)
        return [PUBLIC] if len(asked) == 1 else ["127.0.0.1"]

    port = server.server_address[1]
    before = server.total
    (result,) = check([f"http://localhost:{port}/ok/page-1"], settings_for(), rebinding).values()
    assert server.total == before  # the loopback server received no request
    assert asked == ["localhost"]  # one lookup: the client did not resolve the name again
    assert set(no_egress) == {PUBLIC}  # it connected to the vetted address only (refused here, unsent)
    assert result.status is LinkStatus.BROKEN and "connection refused" in result.reason


def test_a_redirect_to_the_metadata_address_is_refused_even_with_allow_private(server):
    async def resolver(host, port):
        return {"localhost": ["169.254.169.254"]}[host]

    port = server.server_address[1]
    url = f"{server.base}/away?to=http://localhost:{port}/latest/meta-data/"
    (result,) = check([url], settings_for(allow_private=True), resolver).values()
    assert result.status is LinkStatus.SKIPPED and "metadata" in result.reason and "169.254.169.254" in result.reason
    assert result.redirects == ((302, f"http://localhost:{port}/latest/meta-data/"),)
    assert "/latest/meta-data/" not in server.hits


@pytest.mark.parametrize("answer, allow_private, allowed, status", [
    (["169.254.169.254"], True, [], LinkStatus.SKIPPED),
    (["fd00:ec2::254"], True, [], LinkStatus.SKIPPED),
    (["::ffff:169.254.169.254"], True, [], LinkStatus.SKIPPED),  # IPv4-mapped
    (["64:ff9b::a9fe:a9fe"], True, [], LinkStatus.SKIPPED),  # NAT64 spelling of 169.254.169.254
    (["100.100.100.200"], True, [], LinkStatus.SKIPPED),  # Alibaba Cloud's
    (["169.254.169.254"], True, ["169.254.169.254"], None),  # named explicitly
    (["169.254.169.254"], False, ["169.254.0.0/16"], None),
    (["10.0.0.5"], False, ["10.0.0.0/8"], None),  # an intranet, without --allow-private
    (["10.0.0.5"], True, [], None),
    ([PUBLIC], False, [], None),
])
def test_metadata_addresses_need_naming(answer, allow_private, allowed, status):
    verdict = host_verdict("h.example", answer, False, allow_private, allowed)
    assert (verdict[0] if verdict else None) is status


@pytest.mark.parametrize("address, private, metadata", [
    ("2002:7f00:1::", True, False),  # 6to4 around 127.0.0.1
    ("64:ff9b::7f00:1", True, False),  # NAT64 around 127.0.0.1
    ("::127.0.0.1", True, False),  # IPv4-compatible
    ("fd00:ec2::254", True, True),
    ("168.63.129.16", True, True),  # Azure's wire server: a public-range address
    ("2606:2800:220:1::", False, False),
    ("fec0::1", True, False),  # IPv6 site-local: "global" to Python's ipaddress (issue 20)
    ("feff:ffff::1", True, False),
])
def test_addresses_inside_ipv6(address, private, metadata):
    assert (is_private(address), is_metadata(address)) == (private, metadata)


def test_allow_addresses_must_be_addresses(tmp_path):
    cfg = tmp_path / "claimcheck.toml"
    cfg.write_text('[links]\nallow_addresses = ["169.254.169.254", "not-an-address"]\n')
    with pytest.raises(ConfigError, match="allow_addresses"):
        load_settings(cfg)


def test_a_catastrophic_pattern_finishes_quickly():
    """`(a+)+$` on a long run of a's: minutes with backtracking, linear time on RE2."""
    code = textwrap.dedent("""
        import time
        from claimcheck.config import LinkSettings
        from claimcheck.links.checker import check_links
        from claimcheck.links.policy import by_pattern
        from claimcheck.model import LinkRef
        url = "https://news.example/" + "a" * 2000 + "!"  # within the 2,048-character limit
        start = time.monotonic()
        assert by_pattern(url, [], [r"(a+)+$"]) is None
        settings = LinkSettings(include=[r"(a+)+$"], exclude=[r"(a|aa)+$"], cache=False)
        (result,) = check_links({url: [LinkRef("d", "d", 1)]}, settings, probe_hosts=()).results
        assert result.status.value == "skipped", result.reason
        print(time.monotonic() - start)
    """)
    started = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=20, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail("matching (a+)+$ against a long URL did not finish in 20 s")
    assert done.returncode == 0, done.stderr
    assert float(done.stdout) < 1.0 and time.monotonic() - started < 20


@pytest.mark.parametrize("pattern", [r"(?=news)", r"(a)\1", r"(?<!x)y"])
def test_a_pattern_re2_cannot_run_is_a_config_error(tmp_path, pattern):
    cfg = tmp_path / "claimcheck.toml"
    cfg.write_text(f"[links]\nexclude = ['{pattern}']\n")  # a TOML literal string: backslashes as written
    with pytest.raises(ConfigError, match="RE2"):
        load_settings(cfg)


@pytest.mark.parametrize("url", [
    "https://[www.theguardian.com/world/2019/jul/11/china-uighur",  # a footnote with a stray bracket
    "https://[www.theguardian.com]/world",
    "http://news.example/a\x00b",  # a control character the client refuses
    "http://[v1.fe]/x",  # an IPvFuture literal
    "http://999.1.1.1/x",  # an IPv4 address out of range
    "http://[::1]x/",  # text after the literal
    "http://new\\s.example/",  # a backslash in the host
    'http://"quoted".example/',
])
def test_any_footnote_string_becomes_invalid_url(url, no_egress):
    async def resolver(host, port):
        return [PUBLIC]

    (result,) = check([url], settings_for(allow_private=False), resolver).values()
    assert result.status is LinkStatus.INVALID_URL, result
    assert no_egress == []


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*"[]:/@%.?#ahx19-_~\\ \x00\x7fé\u2100",
                                 "[::1", "xn--", "%25", "a.org", "999", "[v1.x]"]), max_size=16).map("".join),
       st.sampled_from(["http://", "https://", "https://a.org/", "http://[", "http://a.org:", ""]))
def test_validate_takes_any_string_and_passes_only_what_the_client_accepts(tail, head):
    url = head + tail
    verdict = validate(url)  # never raises
    if verdict is None:
        httpx.URL(url)  # the client API and the transport take it as it is
        yarl.URL(str(httpx.URL(url)), encoded=True).raw_host  # noqa: B018


def test_the_checker_never_raises_on_odd_strings():
    async def offline(host, port):
        raise socket.gaierror(-2, "Name or service not known")

    urls = ["", " ", "http://", "https://[", "http://[::1", "http://a.org:99999", "http://a..b/", "HTTP://A.ORG/",
            "http://%zz/", "http://a.org/%zz", "http://\u2100.com/", "//a.org/x", "http:a.org", "https://a.org:0/"]
    results = check(urls, settings_for(), offline)
    assert set(results) == set(urls)
    assert all(r.status in (LinkStatus.INVALID_URL, LinkStatus.SKIPPED, LinkStatus.UNVERIFIED) for r in results.values())


def test_a_redirect_to_a_string_urllib_cannot_join_is_invalid_url(server):
    """httpx takes `http://a]b/` from a Location header; joining it raises: a verdict, not an exception."""
    (result,) = check([f"{server.base}/away?to=http://a]b/"], settings_for(allow_private=True)).values()
    assert (result.status, result.http_status) == (LinkStatus.INVALID_URL, 302) and "malformed" in result.reason
