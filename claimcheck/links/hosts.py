"""Per-host politeness: how many requests a host gets at once, and how long it asked us to wait."""
from __future__ import annotations

import asyncio
import collections
import time

from ..config import LinkSettings

RECENT_ANSWERS = 20  # per host, to tell a host that rate-limits us from one page that does
# Requests a host answered 429 after they had waited out a Retry-After (their own, or the host's
# pause): at this many, with nothing but 429 among its recent answers, the host keeps refusing us,
# and its other links are `blocked` without being sent (Hosts.still_limited).
STILL_LIMITED = 3


class Hosts:
    """Per-host politeness: a concurrency limit, a pause when the host rate-limits us, its recent answers."""

    def __init__(self, settings: LinkSettings) -> None:
        self.s = settings
        self.locks: dict[str, asyncio.Semaphore] = {}
        self.pause_until: dict[str, float] = {}
        self.recent: dict[str, collections.deque[bool]] = {}  # per host: was each recent answer a 429?
        self.sent: collections.Counter[str] = collections.Counter()  # per host: requests sent so far
        self.limited_again: collections.Counter[str] = collections.Counter()  # per host: 429s after a wait
        self.given_up: dict[str, asyncio.Event] = {}  # set once still_limited: ends the host's waits at once

    def lock(self, host: str) -> asyncio.Semaphore:
        """The host's concurrency limit: links.hosts for it or a parent domain, else per_host."""
        if host not in self.locks:
            labels = host.split(".")
            limit = next((self.s.hosts[d] for d in (".".join(labels[i:]) for i in range(len(labels)))
                          if d in self.s.hosts), self.s.per_host)
            self.locks[host] = asyncio.Semaphore(limit)
        return self.locks[host]

    def note_answer(self, host: str, limited: bool) -> bool:
        """Record one answer; True when most of the host's recent answers were 429s.

        A host that rate-limits us answers 429 to nearly everything, and all of it waits for
        Retry-After (RFC 6585). A lone 429 among pages that load holds back only its own retry: a
        whole-host pause for each made 1,000 links with 40 scattered 429s take 18.6 s, not 3.9 s.
        """
        answers = self.recent.setdefault(host, collections.deque(maxlen=RECENT_ANSWERS))
        answers.append(limited)
        # Judged once there are as many answers as were asked for, up to the window: with 128
        # requests in flight, the first answer to come back, a 429, says little about the host
        # (folders taking turns put a rate-limited folder's first link in the first wave).
        if len(answers) < min(RECENT_ANSWERS, self.sent[host]):
            return False
        return sum(answers) * 2 > len(answers)

    def pause(self, host: str, until: float) -> None:
        self.pause_until[host] = max(self.pause_until.get(host, 0), until)

    def refused_again(self, host: str, after_waiting: bool) -> None:
        """A 429 from the host; `after_waiting`: to a request that had waited out a Retry-After."""
        self.limited_again[host] += after_waiting
        if self.still_limited(host):
            self.given_up.setdefault(host, asyncio.Event()).set()

    async def sleep(self, host: str, seconds: float) -> None:
        """A Retry-After wait for the host, cut short when the host is given up on (still_limited)."""
        event = self.given_up.setdefault(host, asyncio.Event())
        try:
            async with asyncio.timeout(seconds):
                await event.wait()
        except TimeoutError:
            pass

    def still_limited(self, host: str) -> bool:
        """The host went on refusing links that had waited as told: its other links are not sent.

        A host that lets us in after the wait (a 429 once, then the page) never gets here, nor one
        that answered anything but 429 among its last RECENT_ANSWERS answers: there a few links
        that always answer 429 are about those pages, and the others are still worth asking for.
        """
        answers = self.recent.get(host, ())
        return self.limited_again[host] >= STILL_LIMITED and all(answers)

    def limiting(self, host: str) -> bool:
        """The host has made us wait: a link of it that ran out of time was held back, not dead."""
        return host in self.pause_until or self.limited_again[host] > 0

    async def wait_turn(self, host: str, deadline: float = float("inf")) -> tuple[str | None, bool]:
        """Wait out the host's pause; called under its lock, so requests queued on it wait too.

        Returns why the link is not to be sent (`blocked`: the host keeps refusing us, or its pause
        outlasts the link's own time budget, `deadline` on the time.monotonic clock), and whether
        it waited out a pause.
        """
        paused = False
        for _ in range(2):  # before the pause and after it: the answers meanwhile may have settled it
            if self.still_limited(host):
                return (f"rate-limited (429): {host} kept answering 429 after its Retry-After wait, so this "
                        "link was not sent; not verified, not dead"), paused
            until = self.pause_until.get(host, 0)
            if until > deadline:
                return (f"rate-limited (429): {host} asked us to wait past this link's time budget; not verified, "
                        "not dead"), paused
            if until <= time.monotonic():
                return None, paused
            await self.sleep(host, until - time.monotonic())
            paused = True
        return None, paused
