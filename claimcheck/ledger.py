"""The claim ledger on disk: JSON Lines written atomically in place of the file, and read back strictly.

    write_ledger(path, text)   temporary file beside the target, fsync, rename; see its docstring
    read_ledgers(paths)        JSON Lines files (or folders of them) -> claim dicts, in order

Writing replaces what the path *names*: through a symbolic link to its target, keeping the
target's mode. It refuses to replace anything that is not a regular file (a device, a FIFO, a
socket, a folder). The temporary file is removed on any exception; one left by a killed run is
recognised by its name (host and process id) and removed by the next write to the same ledger.
"""
from __future__ import annotations

import json
import math
import os
import re
import secrets
import socket
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .errors import LedgerError, OutputError

TEMP_SUFFIX = ".claimcheck-tmp"
NEW_FILE_MODE = 0o644  # less the umask, as for any file a program creates
# Fields every ledger line must carry, with their types: what reconciling and reports rely on.
REQUIRED: dict[str, type] = {"id": str, "doc": str, "start": int, "end": int, "quote": str, "kind": str}

__all__ = ["claim_problem", "read_ledgers", "write_ledger"]


def _host() -> str:
    return re.sub(r"[^A-Za-z0-9-]", "-", socket.gethostname())[:40] or "host"


def _temp_name(name: str, pid: int | None = None) -> str:
    """`.claims.jsonl.HOST-PID.TOKEN.claimcheck-tmp`: whose it is, so a later run can tell if it is stale."""
    return f".{name}.{_host()}-{os.getpid() if pid is None else pid}.{secrets.token_hex(4)}{TEMP_SUFFIX}"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process, or we cannot tell: leave its file alone
    return True


def _remove_stale(folder: Path, name: str) -> None:
    """Remove temporary files of this ledger left by runs on this host that are no longer alive."""
    prefix = f".{name}.{_host()}-"
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX)):
            continue
        pid = entry.name[len(prefix):].split(".", 1)[0]
        if pid.isdecimal() and int(pid) != os.getpid() and not _alive(int(pid)):
            try:
                os.unlink(entry.path)
            except OSError:
                pass  # gone already, or not ours to remove: the write goes on


def write_ledger(path: str | os.PathLike[str], text: str) -> None:
    """Write `text` (UTF-8) to `path` atomically: readers see the old ledger or the new, never half.

    - a symbolic link is written through: its target is replaced and the link stays a link (a
      dangling link creates its target);
    - an existing path that is not a regular file (device, FIFO, socket, folder) is refused with an
      OutputError and left as it was;
    - an existing ledger keeps its mode (and its owner and group where we may set them); a new one
      gets 0644 less the umask; missing folders are created;
    - the temporary file beside the target is removed on any exception, and one left by a killed
      run is removed by the next write. Hard links to the old file keep the old content.
    """
    shown = os.fspath(path)
    target = Path(os.path.realpath(path))  # through every link, to the file that is really replaced
    try:
        old: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        old = None
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write: {exc.strerror or exc}") from exc
    if old is not None and not stat.S_ISREG(old.st_mode):
        raise OutputError(f"{shown}: is {_kind(old.st_mode)}, not a regular file; the ledger is not written there")
    tmp: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale(target.parent, target.name)
        tmp = target.parent / _temp_name(target.name)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0),
                     NEW_FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            if old is not None:
                _keep_owner_and_mode(handle.fileno(), old)
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        tmp = None
        _sync_folder(target.parent)
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write: {exc.strerror or exc}") from exc
    finally:
        if tmp is not None:  # any exception, KeyboardInterrupt included: no temporary file stays
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _keep_owner_and_mode(fd: int, old: os.stat_result) -> None:
    if hasattr(os, "fchown") and (old.st_uid, old.st_gid) != (os.getuid(), os.getgid()):
        try:
            os.fchown(fd, old.st_uid, old.st_gid)
        except PermissionError:
            pass  # only root may give a file away: the ledger is then ours, with its old mode
    if hasattr(os, "fchmod"):
        os.fchmod(fd, stat.S_IMODE(old.st_mode))


def _sync_folder(folder: Path) -> None:
    """Make the rename durable; best effort (not every system can open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def claim_problem(record: Any) -> str | None:
    """Why a decoded ledger line (or a claim of a saved JSON report) is not a claim, or None when it is one.

    Figures are made floats in place: a 400-digit integer would make arithmetic on it raise.
    """
    if not isinstance(record, dict):
        return f"not a JSON object but {type(record).__name__}"
    for key, kind in REQUIRED.items():
        if key not in record:
            return f"missing {key!r}"
        value = record[key]
        if kind is int and (not isinstance(value, int) or isinstance(value, bool)):
            return f"{key!r} must be a whole number, not {value!r}"
        if kind is str and not isinstance(value, str):
            return f"{key!r} must be a string, not {value!r}"
    if record["end"] < record["start"]:
        return "'end' is before 'start'"
    return _check_fields(record) or _check_frame(record.get("frame"))


_KINDS = {"count", "money", "percent", "duration", "age", "rank", "measure", "rate", "fact"}
_BOUNDS = {"=", "~", ">", ">=", "<", "<=", "range"}
_TEXT = ("doc_id", "path", "unit", "subject", "sentence", "place", "time", "source", "predicate", "object",
         "duplicate_of")
_FIGURES = ("value", "low", "high")


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, int) or abs(value) < 10**30 else f"a {len(str(abs(value)))}-digit number"
    return text if len(text) <= 60 else text[:57] + "..."


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_fields(record: dict[str, Any]) -> str | None:
    """The optional fields `claim_from_dict` reads, when present, must have its types: a crafted line
    is refused here, by file and line, rather than met as a TypeError deep in reconciliation."""
    if not isinstance(record["kind"], str) or record["kind"] not in _KINDS:
        return f"'kind' must be one of {', '.join(sorted(_KINDS))}, not {_shown(record['kind'])}"
    if record.get("bound") is not None and (not isinstance(record["bound"], str) or record["bound"] not in _BOUNDS):
        return f"'bound' must be one of {', '.join(sorted(_BOUNDS))} or null, not {_shown(record['bound'])}"
    for key in _TEXT:
        if record.get(key) is not None and not isinstance(record[key], str):
            return f"{key!r} must be a string or null, not {_shown(record[key])}"
    for key in _FIGURES:
        value = record.get(key)
        if value is None:
            continue
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            return f"{key!r} must be a number or null, not {_shown(value)}"
        try:
            number = float(value)
        except OverflowError:
            number = math.inf
        if not math.isfinite(number):
            return f"{key!r} is not a finite number"
        record[key] = number  # one type for every figure: arithmetic on a 400-digit int raises
    if record.get("low") is not None and record.get("high") is not None and record["low"] > record["high"]:
        return f"'low' ({_shown(record['low'])}) is above 'high' ({_shown(record['high'])})"
    citations = record.get("citations")
    if citations is not None and (not isinstance(citations, list) or not all(_whole(n) for n in citations)):
        return f"'citations' must be a list of footnote numbers, not {_shown(citations)}"
    if record.get("cited_in") is not None and not _whole(record["cited_in"]):
        return f"'cited_in' must be a footnote number or null, not {_shown(record['cited_in'])}"
    if "line" in record and not (_whole(record["line"]) and record["line"] >= 1):
        return f"'line' must be a whole number from 1, not {_shown(record['line'])}"
    return None


def _check_frame(frame: Any) -> str | None:
    if frame is None:
        return None
    if not isinstance(frame, dict):
        return f"'frame' must be an object or null, not {_shown(frame)}"
    for key in ("entity", "event", "place", "time", "source"):
        if frame.get(key) is not None and not isinstance(frame[key], str):
            return f"'frame.{key}' must be a string or null, not {_shown(frame[key])}"
    scope = frame.get("scope")
    if scope is not None and (not isinstance(scope, list) or not all(isinstance(w, str) for w in scope)):
        return f"'frame.scope' must be a list of strings, not {_shown(scope)}"
    if frame.get("proper") is not None and not isinstance(frame["proper"], bool):
        return f"'frame.proper' must be true, false or null, not {_shown(frame['proper'])}"
    return None


def _ledger_files(raw: str | os.PathLike[str]) -> list[Path]:
    path = Path(raw)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*.jsonl") if p.is_file())
        if not files:
            raise LedgerError(f"{path}: no .jsonl ledger in this folder")
        return files
    if not path.exists():
        raise LedgerError(f"{path}: no such ledger")
    return [path]


def read_ledgers(paths: Iterable[str | os.PathLike[str]]) -> list[dict[str, Any]]:
    """The claims of JSON Lines ledgers (files, or folders searched for *.jsonl), in the order read.

    Blank lines are skipped and a UTF-8 BOM is allowed. Every other line must be a JSON object with
    the claim's `id` (once per file), `doc`, `start`, `end`, `quote` and `kind`, and the fields it
    may carry must have their types (figures finite numbers, `low` not above `high`, `citations`
    footnote numbers, ...); anything else is a LedgerError naming the file and the line
    (`claims.jsonl:12: not JSON: ...`). Figures come back as floats. Fields beyond these are kept.
    """
    claims: list[dict[str, Any]] = []
    for raw in paths:
        for file in _ledger_files(raw):
            seen: dict[str, int] = {}  # id -> its line: a ledger names each claim once
            try:
                with open(file, "rb") as handle:
                    for number, data in enumerate(handle, 1):
                        for record in _parse_line(file, number, data):
                            if record["id"] in seen:
                                raise LedgerError(f"{file}:{number}: not a claim: id {_shown(record['id'])} is already "
                                                  f"used on line {seen[record['id']]}")
                            seen[record["id"]] = number
                            claims.append(record)
            except OSError as exc:
                raise LedgerError(f"{file}: cannot read the ledger: {exc.strerror or exc}") from exc
    return claims


def _parse_line(file: Path, number: int, data: bytes) -> list[dict[str, Any]]:
    where = f"{file}:{number}"
    try:
        line = data.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        raise LedgerError(f"{where}: not UTF-8 (byte {exc.start + 1})") from exc
    if not line.strip():
        return []
    try:
        record = json.loads(line, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:
        raise LedgerError(f"{where}: not JSON: {exc}") from exc
    problem = claim_problem(record)
    if problem:
        raise LedgerError(f"{where}: not a claim: {problem}")
    for key, value in record.items():
        if isinstance(value, float) and not math.isfinite(value):  # 1e999 decodes as inf
            raise LedgerError(f"{where}: not a claim: {key!r} is not a finite number")
    return [record]
