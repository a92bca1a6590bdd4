"""The Parquet ledger keeps the JSON Lines ledger's promises: the old or the new ledger, always (issue 20)."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from claimcheck.engines.parquet import read_claims_parquet, write_claims_dataset
from claimcheck.model import Bound, Claim, Kind

pytest.importorskip("pyarrow")
ROOT = Path(__file__).resolve().parents[1]


def claim(doc: str, start: int, value: float) -> Claim:
    return Claim(id=f"{doc}:{start}", doc=f"{doc}.txt", doc_id=doc, path=f"{doc}.txt", start=start, end=start + 2,
                 quote=str(value), kind=Kind.COUNT, bound=Bound.EXACT, value=value, low=value, high=value, unit=None,
                 subject="people", sentence=f"Some {value} people met.")


OLD = [claim("old", 0, 12.0), claim("old", 40, 7.0)]
NEW = [claim("new", 5, 300.0)]


def _killed_while_swapping(folder: Path) -> int:
    """Run write_claims_dataset in a child that dies (no cleanup, no finally) on its first rename of
    the new ledger into place, as a kill -9 between the two renames of a swap would."""
    script = textwrap.dedent(f"""
        import os, sys
        sys.path.insert(0, {str(ROOT)!r})
        from claimcheck.engines import parquet
        from claimcheck.model import Bound, Claim, Kind
        real = os.replace
        def replace(src, dst, *a, **k):
            if str(src).endswith(".partial"):
                os._exit(9)
            return real(src, dst, *a, **k)
        os.replace = replace
        c = Claim(id="new:5", doc="new.txt", doc_id="new", path="new.txt", start=5, end=7, quote="300",
                  kind=Kind.COUNT, bound=Bound.EXACT, value=300.0, low=300.0, high=300.0, unit=None,
                  subject="people", sentence="Some 300.0 people met.")
        parquet.write_claims_dataset([c], {str(folder)!r})
    """)
    return subprocess.run([sys.executable, "-c", script], check=False).returncode


def test_a_kill_while_the_new_ledger_goes_in_leaves_the_old_or_the_new(tmp_path):
    folder = tmp_path / "ledger"
    write_claims_dataset(OLD, folder)
    _killed_while_swapping(folder)
    assert [c.id for c in read_claims_parquet(folder)] in (['old:0', 'old:40'], ['new:5'])  # never "no such ledger"


def test_staging_and_old_folders_of_dead_runs_are_removed_by_the_next_write(tmp_path):
    from claimcheck.ledger import _host

    folder = tmp_path / "ledger"
    write_claims_dataset(OLD, folder)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True).stdout.strip()  # a process id that is no longer alive
    for kind in ("partial", "old"):
        left = tmp_path / f".ledger.{_host()}-{dead}.0123abcd.{kind}"
        left.mkdir()
        (left / "part-00000.parquet").write_bytes(b"left by a killed run")
    alive = tmp_path / f".ledger.{_host()}-{os.getpid()}.0123abcd.partial"  # ours, still running: kept
    alive.mkdir()
    write_claims_dataset(NEW, folder)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["ledger", alive.name])
    assert read_claims_parquet(folder) == NEW


def test_no_staging_folder_is_left_after_a_run(tmp_path):
    write_claims_dataset(OLD, tmp_path / "ledger")
    write_claims_dataset(NEW, tmp_path / "ledger")
    assert [p.name for p in tmp_path.iterdir()] == ["ledger"]


def test_a_symlinked_ledger_folder_is_written_through(tmp_path):
    target, link = tmp_path / "store" / "ledger", tmp_path / "ledger"
    write_claims_dataset(OLD, target)
    (target / "part-99999.parquet").write_bytes(b"a stale part of an earlier, larger run")
    link.symlink_to(target, target_is_directory=True)
    write_claims_dataset(NEW, link)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert sorted(p.name for p in target.iterdir()) == ["part-00000.parquet"]  # no stale part in the target
    assert read_claims_parquet(link) == NEW == read_claims_parquet(target)


@pytest.mark.parametrize("umask, existing, expected", [
    (0o022, None, 0o755),  # a new ledger: what mkdir gives under the umask
    (0o077, None, 0o700),
    (0o022, 0o750, 0o750),  # an existing ledger keeps its mode
    (0o077, 0o755, 0o755),
])
def test_the_folder_mode_is_the_umask_s_or_the_old_ledger_s(tmp_path, umask, existing, expected):
    folder = tmp_path / "ledger"
    if existing is not None:
        write_claims_dataset(OLD, folder)
        folder.chmod(existing)
    old = os.umask(umask)
    try:
        write_claims_dataset(NEW, folder)
    finally:
        os.umask(old)
    assert stat.S_IMODE(folder.stat().st_mode) == expected


def test_without_the_exchange_call_a_kill_between_renames_is_recovered_by_the_next_write(tmp_path, monkeypatch):
    from claimcheck.engines import parquet

    folder = tmp_path / "ledger"
    write_claims_dataset(OLD, folder)
    monkeypatch.setattr(parquet, "_exchange", lambda a, b: False)  # a filesystem without renameat2
    real = os.replace

    def killed(src, dst):
        if str(src).endswith(".partial"):
            raise KeyboardInterrupt  # stands for the kill; the old ledger is aside as .old
        return real(src, dst)

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        write_claims_dataset(NEW, folder)
    monkeypatch.setattr(os, "replace", real)
    parquet.recover(folder)
    assert read_claims_parquet(folder) == OLD
