"""Name lookups and the no-network preflight, with resolvers the tests inject (no DNS traffic)."""
from __future__ import annotations

import asyncio
import socket
import time

from claimcheck.links.resolve import lookup, resolve_all


def test_offline_gives_up_on_names_that_hang_but_keeps_those_that_answer():
    async def resolver(host, port):
        if host == "intranet.example":
            return ["10.0.0.5"]
        if host == "hangs.example":
            await asyncio.sleep(5)  # a resolver with no upstream sitting on a name
            return ["93.184.216.34"]
        raise socket.gaierror(-3, "Temporary failure in name resolution")

    names = ["hangs.example", "intranet.example", "news.example"]
    answers, offline = asyncio.run(resolve_all(names, 10.0, ("probe.example",), resolver))
    assert offline
    assert answers["intranet.example"] == ["10.0.0.5"]
    assert isinstance(answers["hangs.example"], TimeoutError)  # given up after the grace, not awaited
    assert isinstance(answers["news.example"], socket.gaierror)


def test_with_a_network_every_lookup_is_awaited():
    async def resolver(host, port):
        if host == "slow.example":
            await asyncio.sleep(0.8)  # longer than the offline grace
        if host == "gone.example":
            raise socket.gaierror(-2, "Name or service not known")
        return ["93.184.216.34"]

    answers, offline = asyncio.run(resolve_all(["gone.example", "slow.example"], 10.0, ("probe.example",), resolver))
    assert not offline and answers["slow.example"] == ["93.184.216.34"]
    assert isinstance(answers["gone.example"], socket.gaierror)


def test_literal_addresses_need_no_probe():
    async def resolver(host, port):
        raise AssertionError(f"looked up {host}")

    answers, offline = asyncio.run(resolve_all(["127.0.0.1", "::1"], 1.0, ("probe.example",), resolver))
    assert answers == {"127.0.0.1": ["127.0.0.1"], "::1": ["::1"]} and not offline


def test_the_system_resolver_runs_on_a_thread():
    answer = asyncio.run(lookup("localhost", 2.0))  # /etc/hosts: no traffic leaves the machine
    assert isinstance(answer, list) and any(a in ("127.0.0.1", "::1") for a in answer)


def test_a_name_dns_cannot_spell_is_an_answer_not_a_crash():
    answer = asyncio.run(lookup("a" * 70 + ".example", 2.0))  # fails in IDNA encoding, before any query
    assert isinstance(answer, UnicodeError)


def test_offline_a_dropped_query_is_asked_again():
    """A resolver that drops a query in a burst (glibc asks again only after 5 s): ask once more."""
    asked: dict[str, int] = {}

    async def dropping(host, port):
        asked[host] = asked.get(host, 0) + 1
        if host == "dropped.example" and asked[host] == 1:
            await asyncio.sleep(5)  # the first query was lost
        raise socket.gaierror(-2, "Name or service not known")

    started = time.monotonic()
    answers, offline = asyncio.run(resolve_all(["dropped.example", "news.example"], 10.0, ("probe.example",), dropping))
    assert offline and isinstance(answers["dropped.example"], socket.gaierror) and asked["dropped.example"] == 2
    assert time.monotonic() - started < 0.4  # not the whole grace
