"""A SQLite cache of link results, so a CI that runs on every push does not re-hit every server.

Each status has its own age limit (config.DEFAULT_CACHE_AGES): a healthy link is trusted for a day,
a dead one re-checked within the hour, and `unverified`/`skipped` are never stored.

A result is stored under its URL and the settings that decided it (`policy_key`): a link found
`broken` on 127.0.0.1 with --allow-private is not reused by a run that must skip it.

The cache never stops a check. A file that is no SQLite database, or another program's, is left
as it is and the run goes on without a cache (a warning says so). A cache of ours that is damaged
(pages overwritten) or laid out by another version is replaced by a fresh one, with a warning; an
unreadable row is dropped and its link checked again.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from pathlib import Path

from ..config import DEFAULT_CACHE_AGES, LinkSettings
from ..errors import OutputError
from ..model import LinkResult, LinkStatus

APPLICATION_ID = 0x636C6B63  # "clkc" in the file's header: this database is a claimcheck link cache
VERSION = 2  # PRAGMA user_version; 2 added the policy key
COLUMNS = ("url", "policy", "status", "http_status", "final_url", "reason", "redirects", "permanent", "archive_url",
           "checked_at")
SCHEMA = """
CREATE TABLE IF NOT EXISTS links (
    url TEXT NOT NULL, policy TEXT NOT NULL, status TEXT NOT NULL, http_status INTEGER, final_url TEXT,
    reason TEXT, redirects TEXT, permanent INTEGER, archive_url TEXT, checked_at REAL NOT NULL,
    PRIMARY KEY (url, policy)
)"""


def default_path() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("claimcheck")) / "links.sqlite3"


def policy_key(settings: LinkSettings) -> str:
    """The settings that can change a link's verdict, as a short key.

    The address guard (allow_private, allow_addresses), what counts as ok (accept), the soft-404
    reading, redirects, retries, waits and timeouts, and the User-Agent a bot wall judges.
    include/exclude and the cache's own settings are not here: they decide before the cache does.
    """
    s = settings
    decisive = [s.allow_private, sorted(s.allow_addresses), sorted(s.accept), s.soft_404, s.max_body_bytes,
                s.max_redirects, s.retries, s.retry_after_cap, s.timeout, s.connect_timeout, s.total_timeout,
                s.user_agent]
    return hashlib.sha256(json.dumps(decisive, default=str).encode()).hexdigest()[:16]


def open_cache(path: str, max_age: float, policy: str = "") -> tuple[LinkCache | None, str | None]:
    """The cache, or None and a warning: a cache that cannot be used must not stop the check."""
    try:
        return LinkCache(Path(path) if path else default_path(), max_age, policy), None  # its notes: from save()
    except OutputError as exc:
        return None, f"{exc}; checking without the cache"


class LinkCache:
    def __init__(self, path: Path, max_age: float = -1, policy: str = "") -> None:
        self.path = path
        self.max_age = max_age
        self.policy = policy
        self.notes: list[str] = []  # what went wrong and was mended: warnings for the run
        self.dropped_rows = 0
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = self._connect()
            why = self._unusable_layout()
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) or not self._ours_by_header():
                raise OutputError(f"link cache {path}: {exc}") from exc
            why = f"damaged ({exc})"  # its schema pages overwritten: the header still says whose it is
        except (OSError, sqlite3.Error) as exc:
            raise OutputError(f"link cache {path}: {exc}") from exc
        if why:
            self._start_afresh(why)

    def _ours_by_header(self) -> bool:
        """The file's first page says SQLite and claimcheck's application_id (bytes 68-71)."""
        try:
            with open(self.path, "rb") as handle:
                header = handle.read(72)
        except OSError:
            return False
        return header[:16] == b"SQLite format 3\0" and int.from_bytes(header[68:72], "big") == APPLICATION_ID

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=10)  # another run may be saving its results
        db.execute("PRAGMA schema_version").fetchone()  # proves the file is a SQLite database
        return db

    def _unusable_layout(self) -> str | None:
        """Set up an empty file; None when the cache is ours and current, else why it must be replaced.

        Raises OutputError for a database that is not ours: another program's file is never touched.
        """
        app_id = self.db.execute("PRAGMA application_id").fetchone()[0]
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables and app_id in (0, APPLICATION_ID):
            self._create()
            return None
        if app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables != {"links"}):
            self.db.close()
            raise OutputError(f"link cache {self.path}: a SQLite database of another program (not replaced)")
        columns = tuple(row[1] for row in self.db.execute("PRAGMA table_info(links)"))
        if app_id != APPLICATION_ID or version != VERSION or columns != COLUMNS:
            return "laid out by another version of claimcheck"
        return None

    def _create(self) -> None:
        self.db.execute(SCHEMA)
        self.db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        self.db.execute(f"PRAGMA user_version = {VERSION}")
        self.db.commit()

    def _start_afresh(self, why: str) -> None:
        """Replace our own damaged or outdated cache by an empty one: its results are only a saving."""
        try:
            self.db.close()
            self.path.unlink(missing_ok=True)
            for suffix in ("-journal", "-wal", "-shm"):
                self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)
            self.db = self._connect()
            self._create()
        except (OSError, sqlite3.Error) as exc:
            raise OutputError(f"link cache {self.path}: {why}, and could not be replaced ({exc})") from exc
        self.notes.append(f"link cache {self.path}: {why}; started a fresh cache")

    def _fresh(self, status: str, checked_at: float) -> bool:
        limit = self.max_age if self.max_age >= 0 else DEFAULT_CACHE_AGES.get(status, 0)
        return time.time() - checked_at <= limit

    def get(self, url: str) -> LinkResult | None:
        try:
            row = self.db.execute("SELECT status, http_status, final_url, reason, redirects, permanent, archive_url, "
                                  "checked_at FROM links WHERE url = ? AND policy = ?", (url, self.policy)).fetchone()
        except sqlite3.OperationalError:  # locked by another run too long: a miss, not damage
            return None
        except sqlite3.DatabaseError as exc:  # pages overwritten: the file is ours, its content lost
            self._start_afresh(f"damaged ({exc})")
            return None
        if row is None:
            return None
        try:
            if not self._fresh(row[0], row[7]):
                return None
            return LinkResult(url=url, status=LinkStatus(row[0]), http_status=row[1], final_url=row[2],
                              reason=row[3] or "", redirects=tuple((int(c), str(u)) for c, u in json.loads(row[4] or "[]")),
                              permanent_redirect=bool(row[5]), archive_url=row[6], from_cache=True)
        except (ValueError, TypeError):  # a row written by hand or by a bug: check the link again
            self.dropped_rows += 1
            return None

    def put(self, result: LinkResult) -> None:
        if result.status in (LinkStatus.UNVERIFIED, LinkStatus.SKIPPED):
            return
        self.db.execute(
            "INSERT OR REPLACE INTO links VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (result.url, self.policy, result.status.value, result.http_status, result.final_url, result.reason,
             json.dumps([list(x) for x in result.redirects]), int(result.permanent_redirect), result.archive_url,
             time.time()))

    def save(self, results: list[LinkResult]) -> str | None:
        """Store what was checked (not what came from here) and close; a warning if that failed."""
        if self.dropped_rows:
            self.notes.append(f"link cache {self.path}: {self.dropped_rows} unreadable "
                              f"entr{'y' if self.dropped_rows == 1 else 'ies'} ignored; checked again")
        try:
            for attempt in range(2):
                try:
                    for result in results:
                        if not result.from_cache:
                            self.put(result)
                    self.db.commit()
                    break
                except sqlite3.OperationalError:
                    raise  # a full disk, a lock held too long: not the file's fault
                except sqlite3.DatabaseError as exc:
                    if attempt:
                        raise
                    self._start_afresh(f"damaged ({exc})")
        except (sqlite3.Error, OutputError) as exc:  # the results stand, unsaved
            self.notes.append(f"link cache {self.path}: results not saved ({exc})")
        finally:
            self.db.close()
        return "; ".join(self.notes) or None
