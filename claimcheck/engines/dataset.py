"""The results dataset: what an archive run writes instead of holding a Report on the client.

    DIR/manifest.json            the run's counts, settings that shape it, and every file below
    DIR/claims/p-RUN-N.parquet   the claim ledger (engines/parquet.py's schema), one file per extraction task
    DIR/documents/..., citations/..., skipped/..., refs/...      the same tasks' documents, footnotes,
                                 unread files and cited URLs (refs: where each URL is cited)
    DIR/blocks/bNNNNN.parquet    the claims reconciliation compares, by bucket of their sub-block key
                                 (`split.bucket_of`), with the key: an incremental run reads only the
                                 buckets its new claims fall in
    DIR/groups/..., conflicts/..., sides/...   findings: `bNNNNN` files from the buckets, `d-RUN-N`
                                 files from the documents' own checks; `sides` holds the claims the
                                 conflicts of the same file name name, so a report needs no join
    DIR/links/h-RUN-N.parquet    link results, one file per task of whole hosts
    DIR/entities.parquet         entity names and how often each is counted (for the next incremental run)

Findings, documents, citations and links are stored as the JSON report's own objects (a `json`
column holding `formats.data`'s dict, beside the columns later steps filter on), so the contract's
field names hold here too; claims have typed columns. The manifest lists the files that make the
dataset: a file it does not list is a leftover of a run that did not finish, and is ignored.

Needs pyarrow; it is imported here only.
"""
from __future__ import annotations

import dataclasses
import json
import os
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import OutputError, UsageError
from ..model import Citation, Claim, Conflict, Document, Group, LinkResult, Skipped
from .parquet import _pyarrow, read_claims_parquet, schema

__all__ = ["Dataset", "RunSummary"]

VERSION = 1
MANIFEST = "manifest.json"
TABLES = ("claims", "documents", "citations", "skipped", "refs", "blocks", "groups", "conflicts", "sides", "links",
          "entities")


@dataclass(frozen=True)
class RunSummary:
    """What the client keeps of an archive run: counts, and the findings that fail it (capped)."""

    dataset: str
    documents: int = 0
    claims: int = 0
    citations: int = 0
    flags: int = 0
    groups: int = 0
    agreeing: int = 0
    conflicts: dict[str, int] = field(default_factory=dict)  # by severity
    links: dict[str, int] = field(default_factory=dict)  # by status
    skipped: tuple[Skipped, ...] = ()  # up to `KEPT`; `skipped_count` counts them all
    skipped_count: int = 0
    failing: tuple[Conflict, ...] = ()  # conflicts found at the failing level by this run, up to `KEPT`
    failing_count: int = 0
    failing_links: tuple[LinkResult, ...] = ()
    new_conflicts: tuple[str, ...] = ()  # an incremental run: ids of conflicts the dataset did not hold
    new_count: int = 0
    warnings: tuple[str, ...] = ()
    network_note: str | None = None
    seconds: tuple[float, ...] = ()  # reconcile seconds of the slowest sub-blocks, slowest first
    extract_cpu: float = 0.0  # CPU seconds the extraction tasks spent in their own thread


KEPT = 1000  # failing findings the client keeps in full; the count is always exact


def _write(table: Any, path: Path) -> None:
    _, pq = _pyarrow()
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, tmp, compression="zstd")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write the results dataset: {exc.strerror or exc}") from exc


def write_rows(path: Path, rows: Sequence[dict[str, Any]], columns: dict[str, str]) -> None:
    """Rows of plain values as a Parquet file; `columns` names each column's type (string, bool, int64, float64)."""
    pa, _ = _pyarrow()
    types = {"string": pa.string(), "bool": pa.bool_(), "int64": pa.int64(), "float64": pa.float64()}
    fields = [(name, types[kind]) for name, kind in columns.items()]
    _write(pa.Table.from_pylist(list(rows), schema=pa.schema(fields)), path)


def write_keyed_claims(path: Path, claims: Sequence[tuple[str, Claim]]) -> None:
    """Claims with the sub-block key each was reconciled under (the `blocks` table)."""
    pa, _ = _pyarrow()
    from .parquet import _row

    table = pa.Table.from_pylist([_row(c) for _, c in claims], schema=schema())
    table = table.append_column("block", pa.array([k for k, _ in claims], pa.string()))
    _write(table, path)


def read_keyed_claims(path: Path) -> list[tuple[str, Claim]]:
    from ..formats.data import claim_from_dict

    _, pq = _pyarrow()
    rows = pq.read_table(path).to_pylist()
    return [(row.pop("block"), claim_from_dict(row)) for row in rows]


def read_rows(path: Path, columns: Sequence[str] | None = None) -> list[dict[str, Any]]:
    _, pq = _pyarrow()
    return pq.read_table(path, columns=list(columns) if columns else None).to_pylist()


# -- the JSON objects of the report, as rows --------------------------------------------------------

GROUP_COLUMNS = {"id": "string", "block": "string", "agrees": "bool", "low": "float64", "high": "float64", "json": "string"}
CONFLICT_COLUMNS = {"id": "string", "group": "string", "block": "string", "severity": "string", "json": "string"}
CITATION_COLUMNS = {"doc_id": "string", "number": "int64", "flags": "int64", "json": "string"}
DOCUMENT_COLUMNS = {"id": "string", "path": "string", "json": "string"}
SKIPPED_COLUMNS = {"path": "string", "reason": "string", "error": "bool"}
LINK_COLUMNS = {"url": "string", "status": "string", "json": "string"}
REF_COLUMNS = {"host": "string", "url": "string", "order": "string", "json": "string"}


def _dumps(d: dict) -> str:
    return json.dumps(d, ensure_ascii=False, allow_nan=True)


def group_row(g: Group, block: str) -> dict[str, Any]:
    from ..formats.data import group_dict

    # low and high also as columns: the JSON dict rounds them to 6 decimals, a column need not
    return {"id": g.id, "block": block, "agrees": g.agrees, "low": g.low, "high": g.high, "json": _dumps(group_dict(g))}


def conflict_row(c: Conflict, block: str) -> dict[str, Any]:
    from ..formats.data import conflict_dict

    return {"id": c.id, "group": c.group, "block": block, "severity": c.severity.value, "json": _dumps(conflict_dict(c))}


def citation_row(c: Citation) -> dict[str, Any]:
    from ..formats.data import citation_dict

    return {"doc_id": c.doc_id, "number": c.number, "flags": len(c.flags), "json": _dumps(citation_dict(c))}


def document_row(d: Document) -> dict[str, Any]:
    from ..formats.data import document_dict

    return {"id": d.id, "path": d.path, "json": _dumps(document_dict(d))}


def link_row(r: LinkResult) -> dict[str, Any]:
    from ..formats.data import link_dict

    return {"url": r.url, "status": r.status.value, "json": _dumps(link_dict(r))}


def group_of(row: dict[str, Any]) -> Group:
    from ..formats.load import group_from_dict

    d = json.loads(row["json"])
    g = group_from_dict(d)
    if "evidence" in d and hasattr(g, "evidence"):  # the contract's field, which load.py does not read back (yet)
        g = dataclasses.replace(g, evidence=d["evidence"] or "")
    return dataclasses.replace(g, low=row.get("low", g.low), high=row.get("high", g.high)) if "low" in row else g


def conflict_of(row: dict[str, Any]) -> Conflict:
    from ..formats.load import conflict_from_dict

    return conflict_from_dict(json.loads(row["json"]))


def citation_of(row: dict[str, Any]) -> Citation:
    from ..formats.load import citation_from_dict

    return citation_from_dict(json.loads(row["json"]))


def link_of(row: dict[str, Any]) -> LinkResult:
    from ..formats.load import link_from_dict

    return link_from_dict(json.loads(row["json"]))


def document_of(row: dict[str, Any], text: str = "") -> Document:
    d = json.loads(row["json"])
    return Document(id=d["id"], path=d.get("path") or "", name=d.get("name") or d["id"], text=text,
                    encoding=d.get("encoding") or "", format=d.get("format") or "txt",
                    warnings=tuple(d.get("warnings") or ()))


# -- the dataset as a whole ------------------------------------------------------------------------

class Dataset:
    """A results dataset's folder and manifest: which files make it, and what the runs counted."""

    def __init__(self, folder: str | Path, manifest: dict[str, Any] | None = None) -> None:
        self.folder = Path(folder)
        self.manifest: dict[str, Any] = manifest if manifest is not None else {
            "version": VERSION, "roots": [], "buckets": 0, "split": {}, "counts": {}, "runs": [],
            "files": {t: [] for t in TABLES}}

    @classmethod
    def open(cls, folder: str | Path) -> Dataset:
        path = Path(folder) / MANIFEST
        try:
            manifest = json.loads(path.read_text("utf-8"))
        except FileNotFoundError as exc:
            raise UsageError(f"{folder}: not a claimcheck results dataset (no {MANIFEST})") from exc
        except (OSError, ValueError) as exc:
            raise UsageError(f"{path}: cannot read the dataset's manifest: {exc}") from exc
        if not isinstance(manifest, dict) or manifest.get("version") != VERSION:
            raise UsageError(f"{path}: not a results dataset of this claimcheck (version {VERSION})")
        return cls(folder, manifest)

    def files(self, table: str) -> list[Path]:
        return [self.folder / table / name for name in self.manifest["files"].get(table, [])]

    def path(self, table: str, name: str) -> Path:
        return self.folder / table / name

    def commit(self, files: Mapping[str, Iterable[str]], counts: dict[str, Any],
               drop: Mapping[str, Iterable[str]] | None = None) -> None:
        """Add files to the manifest (and drop superseded ones), then write it atomically."""
        from ..ledger import write_ledger

        listed = self.manifest["files"]
        for table, names in (drop or {}).items():
            gone = set(names)
            listed[table] = [n for n in listed.get(table, []) if n not in gone]
        for table, names in files.items():
            have = set(listed.setdefault(table, []))
            listed[table] += sorted(n for n in names if n not in have)
            listed[table].sort()
        self.manifest["counts"] = counts
        write_ledger(self.folder / MANIFEST, json.dumps(self.manifest, indent=1, sort_keys=True) + "\n")
        for table, names in (drop or {}).items():
            for name in set(names) - set(listed.get(table, [])):
                (self.folder / table / name).unlink(missing_ok=True)

    def totals(self) -> dict[str, int]:
        """The dataset's counts (documents, claims, groups, conflicts by severity, links by status, ...)."""
        total: dict[str, int] = {}
        for counts in (self.manifest.get("counts") or {}).values():
            for k, v in counts.items():
                total[k] = total.get(k, 0) + v
        return total

    def claims(self) -> Iterator[list[Claim]]:
        """The claim ledger, one extraction task's file at a time."""
        for f in self.files("claims"):
            yield read_claims_parquet(f)

    def rows(self, table: str, columns: Sequence[str] | None = None) -> Iterator[tuple[str, list[dict[str, Any]]]]:
        for f in self.files(table):
            yield f.name, read_rows(f, columns)
