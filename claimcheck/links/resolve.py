"""Host name lookups for the link checker, and the preflight that tells "no network" from "dead".

A link whose host does not resolve is `broken` when the network works and `unverified` when there
is none, so the checker must know which case it is in, and quickly. Probe names (example.com,
www.wikipedia.org) are looked up beside the cited ones; when none of them resolves, the cited
lookups get a short grace (an intranet name answers at once) and the rest are given up.

The probes go first, on their own: a resolver that drops part of a burst of queries (this
workplace's does, above about eight at once, and glibc then waits 5 s to ask again) must not drop
them, or a machine with no network waits out PROBE_TIMEOUT before it says so (2.9 s, not 0.4 s).

Lookups run on daemon threads. socket.getaddrinfo cannot be cancelled, and a resolver with no
upstream can sit on a name for 5 s or more; asyncio's own executor would then hold the end of the
run until every such thread returned (`links ../shared/corpus`, 69 hosts: 5.9 s here, now 3.4 s).
"""
from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import socket
import threading
from collections.abc import Awaitable, Callable, Mapping

from .policy import is_private

PROBE_HOSTS = ("example.com", "www.wikipedia.org")
PROBE_TIMEOUT = 2.0  # seconds for the probes to show there is a network
OFFLINE_GRACE = 0.5  # seconds more for cited names once there is none
OFFLINE_RETRY = 0.1  # seconds before a cited name is asked again, within the grace
PROBE_HEAD_START = 0.05  # seconds the probes have to themselves before the cited names are looked up
LOOKUPS_AT_ONCE = 32  # threads, however many hosts are cited
Resolver = Callable[[str, int], Awaitable[list[str]]]  # tests inject one: (host, port) -> addresses
Answer = list[str] | Exception  # the addresses, or why there are none


def is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return False


def _getaddrinfo(host: str) -> asyncio.Future:
    """socket.getaddrinfo on a daemon thread: a hung lookup never delays the end of the run."""
    loop = asyncio.get_running_loop()
    future = loop.create_future()

    def settle(result) -> None:
        if future.done():  # the caller stopped waiting
            return
        if isinstance(result, Exception):
            future.set_exception(result)
        else:
            future.set_result(result)

    def work() -> None:
        result: list | Exception
        try:
            result = socket.getaddrinfo(host, 443, type=socket.SOCK_STREAM)
        except Exception as exc:
            result = exc
        with contextlib.suppress(RuntimeError):  # the loop has closed: nobody is waiting any more
            loop.call_soon_threadsafe(settle, result)

    threading.Thread(target=work, name=f"dns {host}", daemon=True).start()
    return future


async def lookup(host: str, timeout: float, resolver: Resolver | None = None,
                 slots: asyncio.Semaphore | None = None) -> Answer:
    """The host's addresses, or the exception that says why it has none."""
    if is_ip(host):
        return [host]
    if slots is not None:
        async with slots:
            return await lookup(host, timeout, resolver)
    try:
        if resolver is not None:
            return await resolver(host, 443)
        infos = await asyncio.wait_for(_getaddrinfo(host), timeout)
        return sorted({info[4][0] for info in infos})
    except (TimeoutError, OSError, UnicodeError) as exc:  # UnicodeError: a label IDNA refuses
        return exc


async def resolve_all(names: list[str], timeout: float, probe_hosts: tuple[str, ...] = PROBE_HOSTS,
                      resolver: Resolver | None = None) -> tuple[dict[str, Answer], bool]:
    """Every name's answer, and whether the machine is offline (nothing public resolves)."""
    probe = bool(probe_hosts) and not all(map(is_ip, names))
    pending = [asyncio.ensure_future(lookup(h, PROBE_TIMEOUT, resolver)) for h in probe_hosts] if probe else []
    if pending:  # the probes' queries leave before the cited names' burst, which a resolver may drop part of
        await asyncio.wait(pending, timeout=PROBE_HEAD_START)
    slots = asyncio.Semaphore(LOOKUPS_AT_ONCE)
    lookups = {h: asyncio.ensure_future(lookup(h, timeout, resolver, slots)) for h in names}
    probes = await asyncio.gather(*pending)
    network = any(isinstance(p, list) for p in probes)
    if probe and not network and lookups:
        answers = await _offline_answers(lookups, timeout, resolver)
    else:
        answers = dict(zip(lookups, await asyncio.gather(*lookups.values()), strict=True))
    public = any(isinstance(a, list) and not all(map(is_private, a)) for a in answers.values())
    offline = not public and not network and any(isinstance(a, Exception) for a in answers.values())
    return answers, offline


async def _offline_answers(lookups: Mapping[str, asyncio.Future[Answer]], timeout: float,
                           resolver: Resolver | None) -> dict[str, Answer]:
    """With no network, what answers within OFFLINE_GRACE; the rest is given up.

    A name still unanswered after OFFLINE_RETRY is asked again: glibc re-sends a dropped query only
    after 5 s, and a second query usually comes back at once (seeds: 0.3 s, not 0.8 s, when one of
    twelve queries was dropped).
    """
    await asyncio.wait(lookups.values(), timeout=OFFLINE_RETRY)

    async def again(host: str, first: asyncio.Future[Answer]) -> Answer:
        second = asyncio.ensure_future(lookup(host, timeout, resolver))
        done, rest = await asyncio.wait({first, second}, return_when=asyncio.FIRST_COMPLETED)
        for task in rest:
            task.cancel()
        return done.pop().result()

    retried = {h: asyncio.ensure_future(again(h, task)) for h, task in lookups.items() if not task.done()}
    if retried:
        await asyncio.wait(retried.values(), timeout=OFFLINE_GRACE - OFFLINE_RETRY)
    answers: dict[str, Answer] = {}
    for host, task in lookups.items():
        final = retried.get(host, task)
        if not final.done():
            final.cancel()
            task.cancel()
        answers[host] = final.result() if final.done() and not final.cancelled() else TimeoutError("no answer from DNS in time")
    return answers
