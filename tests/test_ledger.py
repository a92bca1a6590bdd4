"""The claim ledger: written atomically and in place of the file (links, modes), read back strictly."""
from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from claimcheck.errors import LedgerError, OutputError
from claimcheck.ledger import read_ledgers, write_ledger

LINE = {"id": "a:0", "doc": "a.txt", "start": 0, "end": 9, "quote": "About 150", "kind": "count"}


def names(folder):
    return sorted(p.name for p in folder.iterdir())


def test_writes_and_leaves_nothing_else(tmp_path):
    ledger = tmp_path / "out" / "claims.jsonl"
    write_ledger(ledger, "one\n")
    write_ledger(ledger, "two\n")
    assert ledger.read_text() == "two\n" and names(ledger.parent) == ["claims.jsonl"]


def test_a_symlink_is_written_through(tmp_path):
    real = tmp_path / "data" / "claims.jsonl"
    real.parent.mkdir()
    real.write_text("old\n")
    link = tmp_path / "claims.jsonl"
    link.symlink_to(real)
    write_ledger(link, "new\n")
    assert link.is_symlink() and os.readlink(link) == str(real) and real.read_text() == "new\n"
    assert names(real.parent) == ["claims.jsonl"]


def test_a_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "claims.jsonl"
    link.symlink_to(tmp_path / "real.jsonl")
    write_ledger(link, "new\n")
    assert link.is_symlink() and (tmp_path / "real.jsonl").read_text() == "new\n"


def special_files(tmp_path):
    import socket

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    yield fifo, "a FIFO"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "sock"))
    yield tmp_path / "sock", "a socket"
    sock.close()
    (tmp_path / "folder").mkdir()
    yield tmp_path / "folder", "a folder"
    try:
        os.mknod(tmp_path / "null", stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null of our own
    except PermissionError:
        return
    yield tmp_path / "null", "a device"


def test_special_files_are_refused_and_left_alone(tmp_path):
    for path, kind in special_files(tmp_path):
        before = os.lstat(path)
        with pytest.raises(OutputError, match=f"{path}: is {kind}, not a regular file"):
            write_ledger(path, "x\n")
        after = os.lstat(path)
        assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    with pytest.raises(OutputError, match="is a device"):
        write_ledger("/dev/null", "x\n")  # never replaced, even when run as root


def test_a_link_to_a_device_is_refused(tmp_path):
    link = tmp_path / "claims.jsonl"
    link.symlink_to("/dev/null")
    with pytest.raises(OutputError, match="is a device"):
        write_ledger(link, "x\n")
    assert link.is_symlink()


def test_the_mode_of_an_existing_ledger_is_kept(tmp_path):
    ledger = tmp_path / "claims.jsonl"
    ledger.write_text("old\n")
    ledger.chmod(0o664)
    write_ledger(ledger, "new\n")
    assert stat.S_IMODE(ledger.stat().st_mode) == 0o664


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o644)])
def test_a_new_ledger_is_0644_under_the_umask(tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        write_ledger(tmp_path / "claims.jsonl", "x\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "claims.jsonl").stat().st_mode) == mode


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_failed_write_keeps_the_old_ledger_and_no_temporary_file(tmp_path, monkeypatch, error):
    ledger = tmp_path / "claims.jsonl"
    ledger.write_text("old\n")

    def fail(fd):
        raise error

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OutputError if isinstance(error, OSError) else KeyboardInterrupt):
        write_ledger(ledger, "new\n")
    assert ledger.read_text() == "old\n" and names(tmp_path) == ["claims.jsonl"]


def test_the_temporary_file_of_a_killed_run_is_removed_by_the_next(tmp_path):
    ledger = tmp_path / "claims.jsonl"
    code = ("import os, sys, time\nfrom claimcheck import ledger\n"
            "def hang(fd):\n    print('writing', flush=True)\n    time.sleep(60)\n"
            "os.fsync = hang\nledger.write_ledger(sys.argv[1], 'x' * 100000)\n")
    proc = subprocess.Popen([sys.executable, "-c", code, str(ledger)], stdout=subprocess.PIPE)
    try:
        assert proc.stdout.readline() == b"writing\n"
    finally:
        proc.kill()
        proc.wait(30)
    assert len(names(tmp_path)) == 1 and names(tmp_path)[0].endswith(".claimcheck-tmp")  # what a kill leaves
    write_ledger(ledger, "new\n")
    assert names(tmp_path) == ["claims.jsonl"]


def test_a_live_writers_temporary_file_is_not_touched(tmp_path):
    from claimcheck.ledger import _temp_name

    live = tmp_path / _temp_name("claims.jsonl", os.getppid())
    live.write_text("busy")
    other = tmp_path / ".claims.jsonl.notes"  # not ours at all
    other.write_text("keep")
    write_ledger(tmp_path / "claims.jsonl", "new\n")
    assert live.exists() and other.exists()


def write_lines(tmp_path, name, lines: list[str | bytes]) -> str:
    path = tmp_path / name
    path.write_bytes(b"".join((x if isinstance(x, bytes) else x.encode()) + b"\n" for x in lines))
    return str(path)


def test_ledgers_are_read_in_order(tmp_path):
    a = write_lines(tmp_path, "a.jsonl", ["\ufeff" + json.dumps(LINE), "", json.dumps({**LINE, "id": "a:20"})])
    folder = tmp_path / "more"
    folder.mkdir()
    write_lines(folder, "b.jsonl", [json.dumps({**LINE, "id": "b:0", "doc": "b.txt", "extra": [1]})])
    assert [c["id"] for c in read_ledgers([a, str(folder)])] == ["a:0", "a:20", "b:0"]
    assert read_ledgers([str(folder)])[0]["extra"] == [1]


@pytest.mark.parametrize("line, reason", [
    ("{not json", "not JSON"),
    ("[1, 2]", "not a JSON object"),
    (json.dumps({k: v for k, v in LINE.items() if k != "quote"}), "missing 'quote'"),
    (json.dumps({**LINE, "start": "0"}), "'start' must be a whole number"),
    (json.dumps({**LINE, "start": True}), "'start' must be a whole number"),
    (json.dumps({**LINE, "start": 10, "end": 2}), "'end' is before 'start'"),
    (json.dumps({**LINE, "id": 7}), "'id' must be a string"),
    ('{"id": "a:0", "value": NaN}', "not JSON"),
    (b"\xff\xfe{}", "not UTF-8"),
])
def test_malformed_lines_are_named_by_file_and_line(tmp_path, line, reason):
    path = write_lines(tmp_path, "bad.jsonl", [json.dumps(LINE), "", line])
    with pytest.raises(LedgerError) as err:
        read_ledgers([path])
    assert str(err.value).startswith(f"{path}:3: ") and reason in str(err.value)
    assert err.value.exit_code == 2


def test_missing_or_empty_ledgers(tmp_path):
    with pytest.raises(LedgerError, match="no such ledger"):
        read_ledgers([str(tmp_path / "nope.jsonl")])
    with pytest.raises(LedgerError, match=r"no \.jsonl ledger"):
        read_ledgers([str(tmp_path)])
