"""An archive's files, listed folder by folder while extraction tasks read them.

`documents.collect_paths` sorts every file of a scan by name, so whoever calls it holds the whole
list: about 1 kB per file while it is made (Path objects, resolved paths, ids), and a third of that
kept (`scripts/bench_scale.py` traced it: nearly all the client's growth with the archive). An
archive run lists its files as it hands them out instead: a walk over the roots, one folder's
entries at a time, sorted so a run is repeatable, in batches that are submitted as earlier ones
finish (`dask._extract_all`). The client then holds one folder's names and the batches in flight,
however large the archive.

Each file keeps what the default path derives from the whole list:
- its id (`pipeline.document_ids`): its path from the roots' common folder, its suffix dropped
  unless a file beside it differs only by it; only files of one folder can share a stem, so the
  folder's own listing decides;
- its place in the default path's order, as the key that order sorts by, `(name, path)`, instead
  of an index into the list, so what follows file order (where a URL is first cited) sorts as on
  one machine.

It reads what `collect_paths` reads (`documents.left_out_because` decides, for both), and fails as it
fails when there is nothing to read. The same file named twice is read once: a named file inside a
folder also scanned is read as the folder's; a folder scanned twice (`a/` and `a/b/`) is walked
once; a link to a file is read unless its target is inside a scanned folder or another link names
it (`collect_paths` keeps whichever spelling it meets first; here the target's own).
"""
from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, islice
from pathlib import Path
from typing import Any

from ..documents import is_stdin, left_out_because, nothing_to_read
from ..errors import UsageError
from ..pipeline import document_ids

__all__ = ["ArchiveFile", "batches", "walk"]

# (the default path's sort key for the file: (name, path); the path to read; its document id)
ArchiveFile = tuple[tuple[str, str], str, str]


def _resolved(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):  # a link loop, no permission: the spelling stands for itself
        return str(path.absolute())


def _inside(path: str, folders: Iterable[str]) -> bool:
    return any(path == f or path.startswith(f.rstrip(os.sep) + os.sep) for f in folders)


def walk(paths: Sequence[str], include: list[str] | None, exclude: list[str] | None,
         roots: Sequence[str] | None = None) -> Iterator[ArchiveFile]:
    """The files `collect_paths(paths, include, exclude)` gives, with their ids relative to `roots`
    (the paths themselves unless given: an incremental run keeps its dataset's), a folder at a time."""
    include, exclude = include or [], exclude or []
    roots = list(roots if roots is not None else paths)
    for raw in paths:
        if is_stdin(raw):
            raise UsageError("an archive run reads files its workers can reach: standard input is not one "
                             "(save it to a file in the archive)")
        if not os.path.lexists(raw):
            raise UsageError(f"{raw}: no such file or folder")
    real = {raw: _resolved(Path(raw)) for raw in paths if os.path.isdir(raw)}
    # A folder inside another scanned one (or scanned twice) is walked as part of the first.
    folders = [raw for n, raw in enumerate(real) if not any(
        _inside(real[raw], [real[o]]) and (real[o] != real[raw] or m < n) for m, o in enumerate(real) if o != raw)]
    found = 0
    named, seen = [], set()
    for raw in paths:
        p = Path(raw)
        if raw not in real and (r := _resolved(p)) not in seen and not _walk_keeps(p, r, real, include, exclude):
            seen.add(r)
            named.append(p)
    if named:  # named files outside every scanned folder: one group, as only they can share stems
        ids = document_ids(named, roots)
        for p in named:
            found += 1
            yield (p.name, str(p)), str(p), ids[p]
    left_out: dict[str, list[str]] = {}
    links: set[str] = set()
    for raw in folders:
        for group, left in _folder_groups(Path(raw), include, exclude):
            if not found:  # why nothing is read is said only when nothing is
                left_out.setdefault(raw, []).extend(left)
            kept = [p for p in group if not p.is_symlink() or _first_link(p, links, real.values())]
            if kept:
                ids = document_ids(kept, roots)  # the folder's own listing decides which stems are shared
                for p in kept:
                    found += 1
                    yield (p.name, str(p)), str(p), ids[p]
        left_out.setdefault(raw, [])
    if not found:
        raise UsageError(nothing_to_read(left_out))


def _walk_keeps(path: Path, resolved: str, real: dict[str, str], include: list[str], exclude: list[str]) -> bool:
    """A named file that the walk of a scanned folder holding it reads anyway (so it is read once)."""
    for folder in real.values():
        if _inside(resolved, [folder]):
            return left_out_because(path, os.path.relpath(resolved, folder).replace(os.sep, "/"), include, exclude) is None
    return False


def _first_link(path: Path, links: set[str], folders: Iterable[str]) -> bool:
    target = _resolved(path)
    if target in links or _inside(target, folders):
        return False
    links.add(target)
    return True


def _folder_groups(root: Path, include: list[str], exclude: list[str]) -> Iterator[tuple[list[Path], list[str]]]:
    """(the articles of a folder under `root`, sorted by name; why the folder's other files are not),
    a folder at a time; a folder that cannot be listed comes alone, to be read and skipped with its
    reason, as `collect_paths` does."""
    unlisted: list[OSError] = []
    for top, subfolders, files in os.walk(root, onerror=unlisted.append):
        subfolders.sort()  # every run lists alike
        group, left = [], []
        for name in sorted(files):
            child = Path(top, name)
            why = left_out_because(child, child.relative_to(root).as_posix(), include, exclude)
            if why is None:
                group.append(child)
            elif why:
                left.append(why)
        yield group, left
        yield from _unlisted(root, unlisted, exclude)
    yield from _unlisted(root, unlisted, exclude)  # the root itself, or the last folders walked


def _unlisted(root: Path, errors: list[OSError], exclude: list[str]) -> Iterator[tuple[list[Path], list[str]]]:
    while errors:
        error = errors.pop(0)
        folder = Path(error.filename if error.filename is not None else root)
        rel = folder.relative_to(root).as_posix() if folder.is_relative_to(root) else folder.as_posix()
        if not any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(f"{rel}/", g) for g in exclude):
            yield [folder], []


def batches(files: Iterable[Any], workers: int, per_worker: int, most: int, size: int | None = None
            ) -> Iterator[list[Any]]:
    """Files in batches for extraction tasks: `size` each, or as the Report engine sizes them,
    ceil(n / (workers x per_worker)) up to `most`, n found by looking ahead at most
    workers x per_worker x most files (beyond that, every batch has `most`)."""
    it = iter(files)
    if size is None:
        limit = workers * per_worker * most
        ahead = list(islice(it, limit))
        size = most if len(ahead) >= limit else max(1, -(-len(ahead) // (workers * per_worker)))
        it = chain(ahead, it)
        del ahead  # the chain lets go of the look-ahead as it is consumed
    while batch := list(islice(it, size)):
        yield batch
