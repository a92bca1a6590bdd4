"""The claim ledger as a Parquet dataset: the ledger of an archive too big for one JSON Lines file.

    LEDGER/part-00000.parquet, part-00001.parquet, ...   one file per extraction task

The columns are the fields of `data/claims.jsonl` (`formats.data.claim_dict`), with `frame` as a
struct, `citations` as a list and the numbers as the claim's own floats (not rounded as in JSON), so
`read_claims_parquet(write_claims_parquet(claims))` gives back the very same claims. Any tool that
reads Parquet (DuckDB, pandas, Spark) can query the ledger; `claimcheck reconcile LEDGER` reads it.

Needs pyarrow (`pip install 'claimcheck[dask]'`); it is imported here only.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import OutputError, UsageError
from ..formats.data import claim_dict, claim_from_dict
from ..model import Claim

__all__ = ["read_claims_parquet", "staged_dataset", "write_claims_dataset", "write_claims_parquet"]

INSTALL = "pip install 'claimcheck[dask]'"


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise UsageError(f"Parquet ledgers need pyarrow: {INSTALL}") from exc
    return pa, pq


def schema() -> Any:
    """The ledger's columns, in the order of `claim_dict`; every column present in every file."""
    pa, _ = _pyarrow()
    text = pa.string()
    frame = pa.struct([("entity", text), ("event", text), ("place", text), ("time", text),
                       ("scope", pa.list_(text)), ("source", text)])
    return pa.schema([
        ("id", text), ("doc", text), ("doc_id", text), ("path", text), ("start", pa.int64()), ("end", pa.int64()),
        ("quote", text), ("kind", text), ("bound", text), ("value", pa.float64()), ("low", pa.float64()),
        ("high", pa.float64()), ("unit", text), ("subject", text), ("place", text), ("time", text),
        ("source", text), ("citations", pa.list_(pa.int64())), ("sentence", text), ("line", pa.int64()),
        ("frame", frame), ("predicate", text), ("object", text), ("cited_in", pa.int64()), ("duplicate_of", text),
    ])


def _row(c: Claim) -> dict[str, Any]:
    row = claim_dict(c)
    # JSON rounds figures to 6 decimals and leaves out empty fields; a column keeps them exactly.
    row.update(value=c.value, low=c.low, high=c.high, predicate=c.predicate, object=c.object,
               cited_in=c.cited_in, duplicate_of=c.duplicate_of)
    row.setdefault("frame", None)
    return row


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


def read_claims_parquet(path: str | Path) -> list[Claim]:
    """The claims of a Parquet ledger (one file, or a folder of them), in file and row order.

    Raises UsageError for a file that is not a claim ledger.
    """
    pa, pq = _pyarrow()
    wanted = schema()
    claims: list[Claim] = []
    for f in parquet_files(path):
        try:
            table = pq.read_table(f)
            missing = [name for name in wanted.names if name not in table.column_names]
            if missing:
                raise UsageError(f"{f}: not a claim ledger (no column {', '.join(missing)})")
            rows = table.select(wanted.names).to_pylist()
            claims.extend(claim_from_dict(row) for row in rows)
        except (OSError, pa.ArrowException) as exc:
            raise UsageError(f"{f}: cannot read the Parquet ledger: {exc}") from exc
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise UsageError(f"{f}: not a claim ledger ({type(exc).__name__}: {exc})") from exc
    return claims


@contextmanager
def staged_dataset(folder: str | Path) -> Iterator[Path]:
    """A fresh folder to write a dataset into, swapped in place of `folder` when the block succeeds.

    A run that fails leaves the previous ledger as it was; one that succeeds leaves no part of the
    previous one behind (a smaller archive must not keep a larger archive's stale parts).
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: a Parquet ledger is a folder, and this is a file")
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".partial", dir=folder.parent))
    except OSError as exc:
        raise OutputError(f"{folder}: cannot write the Parquet ledger: {exc.strerror or exc}") from exc
    try:
        yield staging
        _swap(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(staging: Path, folder: Path) -> None:
    old = folder.with_name(f".{folder.name}.{uuid.uuid4().hex}.old")
    moved = False
    try:
        if folder.exists():
            os.replace(folder, old)
            moved = True
        os.replace(staging, folder)
    except OSError as exc:
        if moved and not folder.exists():
            os.replace(old, folder)  # put the previous ledger back
        raise OutputError(f"{folder}: cannot write the Parquet ledger: {exc.strerror or exc}") from exc
    shutil.rmtree(old, ignore_errors=True)
