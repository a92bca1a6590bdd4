"""The claim ledger as a Parquet dataset: the ledger of an archive too big for one JSON Lines file.

    LEDGER/part-00000.parquet, part-00001.parquet, ...   one file per extraction task

The columns are the fields of `data/claims.jsonl` (`formats.data.claim_dict`), which are the fields
of `Claim`: the schema is derived from the model, with `frame` as a struct, `citations` as a list and
the numbers as the claim's own floats (not rounded as in JSON), and rows are read back through
`claim_from_dict`, so `read_claims_parquet` returns the very claims `write_claims_parquet` was given. Any tool that
reads Parquet (DuckDB, pandas, Spark) can query the ledger; `claimcheck reconcile LEDGER` reads it.

Needs pyarrow (`pip install 'claimcheck-news[dask]'`); it is imported here only.
"""
from __future__ import annotations

import os
import shutil
import stat
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import OutputError, UsageError
from ..formats.data import claim_from_dict
from ..model import Claim, Frame

__all__ = ["read_claims_parquet", "staged_dataset", "write_claims_dataset", "write_claims_parquet"]

# The distribution is claimcheck-news ("claimcheck" on PyPI is another project); in a clone of this
# repository, scripts/setup installs the same extra into .venv.
INSTALL = "pip install 'claimcheck-news[dask]' (in a clone: ./scripts/setup --dask)"


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise UsageError(f"Parquet ledgers need pyarrow: {INSTALL}") from exc
    return pa, pq


# The model's annotations -> column types. A field of a type not listed fails loudly (and the tests
# with it), so a field added to Claim or Frame can never be dropped from the ledger in silence.
_SCALARS = {"str": "string", "int": "int64", "float": "float64", "bool": "bool_", "Kind": "string", "Bound": "string"}


def _arrow_type(pa: Any, annotation: str, frame: Any) -> Any:
    base = annotation.replace(" | None", "")
    if base == "Frame" and frame is not None:
        return frame
    if base in _SCALARS:
        return getattr(pa, _SCALARS[base])()
    if base.startswith("tuple[") and base.endswith(", ...]") and base[6:-6] in _SCALARS:
        return pa.list_(getattr(pa, _SCALARS[base[6:-6]])())
    raise TypeError(f"the Parquet ledger has no column type for {annotation!r}: add it to engines/parquet.py")


@lru_cache(maxsize=1)
def schema() -> Any:
    """The ledger's columns: every field of Claim (the keys of `claim_dict`), `frame` a struct of Frame's."""
    pa, _ = _pyarrow()
    frame = pa.struct([(f.name, _arrow_type(pa, str(f.type), None)) for f in fields(Frame)])
    return pa.schema([(f.name, _arrow_type(pa, str(f.type), frame)) for f in fields(Claim)])


def _cell(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return [_cell(v) for v in value]
    if isinstance(value, Frame):
        return {f.name: _cell(getattr(value, f.name)) for f in fields(Frame)}
    return value  # numbers stay the claim's own floats: JSON rounds them to 6 decimals, a column need not


def _row(c: Claim) -> dict[str, Any]:
    return {f.name: _cell(getattr(c, f.name)) for f in fields(Claim)}


def write_claims_parquet(claims: Sequence[Claim], path: str | Path) -> None:
    """Write `claims` as one Parquet file at `path`, atomically (a temporary file, then a rename).

    Raises OutputError when the file cannot be written.
    """
    pa, pq = _pyarrow()
    path = Path(path)
    table = pa.Table.from_pylist([_row(c) for c in claims], schema=schema())
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, tmp, compression="zstd")
        os.replace(tmp, path)
    except (OSError, pa.ArrowException) as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write the Parquet ledger: {exc}") from exc


def write_claims_dataset(claims: Sequence[Claim], folder: str | Path) -> None:
    """The claims of a run on this machine as a dataset of one part, replacing the folder's ledger."""
    with staged_dataset(folder) as staging:
        write_claims_parquet(claims, staging / part_name(0))


def part_name(index: int) -> str:
    return f"part-{index:05d}.parquet"


def parquet_files(path: str | Path) -> list[Path]:
    """The dataset's files: `path` itself, or every `*.parquet` under a folder, in name order."""
    path = Path(path)
    if path.is_dir():
        return sorted((p for p in path.rglob("*.parquet") if not p.name.startswith(".")),
                      key=lambda p: p.relative_to(path).as_posix())
    return [path]


REQUIRED = ("id", "doc", "start", "end", "quote", "kind")  # claim_from_dict defaults the rest


def read_claims_parquet(path: str | Path) -> list[Claim]:
    """The claims of a Parquet ledger (one file, or a folder of them), in file and row order.

    A ledger written before a field was added to the model reads with that field's default.
    Raises UsageError for a file that is not a claim ledger.
    """
    pa, pq = _pyarrow()
    claims: list[Claim] = []
    for f in parquet_files(path):
        try:
            table = pq.read_table(f)
            missing = [name for name in REQUIRED if name not in table.column_names]
            if missing:
                raise UsageError(f"{f}: not a claim ledger (no column {', '.join(missing)})")
            claims.extend(claim_from_dict(row) for row in table.to_pylist())
        except (OSError, pa.ArrowException) as exc:
            raise UsageError(f"{f}: cannot read the Parquet ledger: {exc}") from exc
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise UsageError(f"{f}: not a claim ledger ({type(exc).__name__}: {exc})") from exc
    return claims


@contextmanager
def staged_dataset(folder: str | Path) -> Iterator[Path]:
    """A fresh folder to write a dataset into, put in place of `folder` when the block succeeds.

    The JSON Lines ledger's guarantees (`ledger.write_ledger`), for a folder:
    - readers see the old ledger or the new, never none: the two folders are exchanged in one
      `renameat2(RENAME_EXCHANGE)` (Linux); elsewhere the old one is moved aside and moved back by
      the next write or read if a kill came between the two renames (`recover`);
    - a symbolic link is written through: its target is replaced and the link stays a link;
    - an existing ledger keeps its mode; a new one gets 0777 less the umask, as `mkdir` gives;
    - a run that fails leaves the previous ledger as it was; one that succeeds leaves no part of the
      previous one behind (a smaller archive must not keep a larger archive's stale parts);
    - staging and old folders are named by host and process, and those of runs no longer alive
      are removed by the next write.
    """
    shown = Path(folder)
    folder = Path(os.path.realpath(folder))  # through every link, to the folder that is really replaced
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{shown}: a Parquet ledger is a folder, and this is a file")
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        recover(folder)
        _remove_stale(folder)
        mode = stat.S_IMODE(folder.stat().st_mode) if folder.exists() else 0o777 & ~_umask()
        staging = folder.with_name(_temp_name(folder.name, "partial"))
        staging.mkdir()
        os.chmod(staging, mode)  # mkdir applies the umask; an existing ledger's mode is kept as it was
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write the Parquet ledger: {exc.strerror or exc}") from exc
    try:
        yield staging
        _swap(staging, folder, shown)
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # the new ledger's leftovers, or the old ledger after an exchange


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _temp_name(name: str, kind: str) -> str:
    """`.ledger.HOST-PID.TOKEN.partial`: whose it is, so a later run can tell whether it is stale."""
    from ..ledger import _host

    return f".{name}.{_host()}-{os.getpid()}.{uuid.uuid4().hex[:8]}.{kind}"


def _leftovers(folder: Path) -> Iterator[tuple[Path, int | None, str]]:
    """(path, pid or None, kind) of this ledger's staging and old folders on this host."""
    from ..ledger import _host

    prefix = f".{folder.name}.{_host()}-"
    try:
        entries = list(os.scandir(folder.parent))
    except OSError:
        return
    for entry in entries:
        kind = entry.name.rsplit(".", 1)[-1]
        if entry.name.startswith(prefix) and kind in ("partial", "old"):
            pid = entry.name[len(prefix):].split(".", 1)[0]
            yield Path(entry.path), int(pid) if pid.isdecimal() else None, kind


def recover(folder: str | Path) -> None:
    """Put an old ledger back when a run was killed after moving it aside (the two-rename fallback)."""
    folder = Path(folder)
    if folder.exists() or folder.is_symlink():
        return
    old = sorted((p for p, _, kind in _leftovers(folder) if kind == "old"), key=lambda p: p.stat().st_mtime)
    if old:
        try:
            os.replace(old[-1], folder)
        except OSError:
            pass  # another run got there first


def _remove_stale(folder: Path) -> None:
    from ..ledger import _alive

    for path, pid, _ in _leftovers(folder):
        if pid is not None and pid != os.getpid() and not _alive(pid):
            shutil.rmtree(path, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one system call; False where the system cannot (then nothing changed)."""
    import ctypes
    import errno
    import sys

    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):  # a filesystem without it (NFS, some FUSE)
        return False
    raise OSError(err, os.strerror(err), str(b))


def _swap(staging: Path, folder: Path, shown: Path) -> None:
    try:
        if not folder.exists():
            os.replace(staging, folder)
        elif not _exchange(staging, folder):
            old = folder.with_name(_temp_name(folder.name, "old"))
            os.replace(folder, old)
            try:
                os.replace(staging, folder)
            except OSError:
                os.replace(old, folder)  # put the previous ledger back
                raise
            shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write the Parquet ledger: {exc.strerror or exc}") from exc
    _sync(folder.parent)


def _sync(folder: Path) -> None:
    from ..ledger import _sync_folder

    _sync_folder(folder)
