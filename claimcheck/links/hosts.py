"""Per-host politeness: how many requests a host gets at once, and how long it asked us to wait."""
from __future__ import annotations

import asyncio
import collections
import time

from ..config import LinkSettings

RECENT_ANSWERS = 20  # per host, to tell a host that rate-limits us from one page that does


class Hosts:
    """Per-host politeness: a concurrency limit, a pause when the host rate-limits us, its recent answers."""

    def __init__(self, settings: LinkSettings) -> None:
        self.s = settings
        self.locks: dict[str, asyncio.Semaphore] = {}
        self.pause_until: dict[str, float] = {}
        self.recent: dict[str, collections.deque[bool]] = {}  # per host: was each recent answer a 429?
        self.sent: collections.Counter[str] = collections.Counter()  # per host: requests sent so far

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

    async def wait_turn(self, host: str) -> None:
        """Wait out the host's pause; called under its lock, so requests queued on it wait too."""
        pause = self.pause_until.get(host, 0) - time.monotonic()
        if pause > 0:
            await asyncio.sleep(pause)
