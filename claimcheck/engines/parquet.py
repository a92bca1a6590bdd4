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
import tempfile
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
