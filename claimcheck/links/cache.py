"""A SQLite cache of link results, so a CI that runs on every push does not re-hit every server.

Each status has its own age limit (config.DEFAULT_CACHE_AGES): a healthy link is trusted for a day,
a dead one re-checked within the hour, and `unverified`/`skipped` are never stored.
"""
from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

from ..config import DEFAULT_CACHE_AGES
from ..errors import OutputError
from ..model import LinkResult, LinkStatus

SCHEMA = """
CREATE TABLE IF NOT EXISTS links (
    url TEXT PRIMARY KEY, status TEXT NOT NULL, http_status INTEGER, final_url TEXT, reason TEXT,
    redirects TEXT, permanent INTEGER, archive_url TEXT, checked_at REAL NOT NULL
)"""


def default_path() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("claimcheck")) / "links.sqlite3"


def open_cache(path: str, max_age: float) -> tuple[LinkCache | None, str | None]:
    """The cache, or None and a warning: a cache that cannot be used must not stop the check."""
    try:
        return LinkCache(Path(path) if path else default_path(), max_age), None
    except OutputError as exc:
        return None, f"{exc}; checking without the cache"


class LinkCache:
    def __init__(self, path: Path, max_age: float = -1) -> None:
        self.path = path
        self.max_age = max_age
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path, timeout=10)  # another run may be saving its results
            self.db.execute(SCHEMA)  # also proves the file is a SQLite database
        except (OSError, sqlite3.Error) as exc:
            raise OutputError(f"link cache {path}: {exc}") from exc

    def _fresh(self, status: str, checked_at: float) -> bool:
        limit = self.max_age if self.max_age >= 0 else DEFAULT_CACHE_AGES.get(status, 0)
        return time.time() - checked_at <= limit

    def get(self, url: str) -> LinkResult | None:
        row = self.db.execute("SELECT status, http_status, final_url, reason, redirects, permanent, archive_url, "
                              "checked_at FROM links WHERE url = ?", (url,)).fetchone()
        if row is None or not self._fresh(row[0], row[7]):
            return None
        return LinkResult(url=url, status=LinkStatus(row[0]), http_status=row[1], final_url=row[2], reason=row[3] or "",
                          redirects=tuple(tuple(x) for x in json.loads(row[4] or "[]")), permanent_redirect=bool(row[5]),
                          archive_url=row[6], from_cache=True)

    def put(self, result: LinkResult) -> None:
        if result.status in (LinkStatus.UNVERIFIED, LinkStatus.SKIPPED):
            return
        self.db.execute(
            "INSERT OR REPLACE INTO links VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (result.url, result.status.value, result.http_status, result.final_url, result.reason,
             json.dumps([list(x) for x in result.redirects]), int(result.permanent_redirect), result.archive_url,
             time.time()))

    def save(self, results: list[LinkResult]) -> str | None:
        """Store what was checked (not what came from here) and close; a warning if that failed."""
        try:
            for result in results:
                if not result.from_cache:
                    self.put(result)
            self.db.commit()
        except sqlite3.Error as exc:  # a full disk, a lock held too long: the results stand, unsaved
            return f"link cache {self.path}: results not saved ({exc})"
        finally:
            self.db.close()
        return None
