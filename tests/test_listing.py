"""An archive run lists its files folder by folder (engines/listing.py): the same files, ids and order
as `collect_paths` and `document_ids` over the whole list, and batches sized as the Report engine's."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimcheck.documents import collect_paths
from claimcheck.engines.listing import batches, walk
from claimcheck.errors import UsageError
from claimcheck.pipeline import document_ids

from .conftest import SEEDS

# Made-up trees: file names (folders by "/"), then the paths scanned, include and exclude.
TREES = [
    (["a.txt", "b.md", "sub/c.txt", "sub/deeper/d.html"], ["."], [], []),
    (["story.txt", "story.md", "other/story.txt"], ["."], [], []),  # a stem shared beside, and elsewhere
    (["x/1.txt", "x/2.pdf", "x/3.docx", "y/4.txt"], ["x", "y"], [], []),
    (["x/keep.txt", "x/skip.txt", "x/old/z.txt"], ["x"], [], ["skip.txt", "old/*"]),
    (["x/a.txt", "x/b.md", "x/c.txt"], ["x"], ["*.txt"], []),
    (["x/a.txt", "x/sub/b.txt"], ["x", "x/sub"], [], []),  # a folder inside another: read once
    (["x/a.txt", "x/sub/b.txt"], ["x/sub", "x"], [], []),
    (["x/a.txt", "x/a.md", "y/a.txt"], ["x/a.txt", "y/a.txt", "x"], [], []),  # named files, and their folder
    (["n/one.txt", "n/one.md"], ["n/one.txt", "n/one.md"], [], []),
    (["2019/b.txt", "2019/a.txt", "2020/a.txt", "a.txt"], ["."], [], []),  # one name in many folders
]


def _tree(root: Path, names: list[str]) -> None:
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(f"{name}: 12 people.\n")


@pytest.mark.parametrize("names, scanned, include, exclude", TREES)
def test_the_walk_lists_what_collect_paths_lists(tmp_path, monkeypatch, names, scanned, include, exclude):
    _tree(tmp_path, names)
    monkeypatch.chdir(tmp_path)
    files = collect_paths(scanned, include, exclude)
    ids = document_ids(files, scanned)
    want = [((f.name, str(f)), str(f), ids[f]) for f in files]
    got = list(walk(scanned, include, exclude))
    assert sorted(got) == want
    assert len({path for _, path, _ in got}) == len(got)


def test_the_walk_lists_the_seeds_as_collect_paths_does():
    files = collect_paths([str(SEEDS)])
    ids = document_ids(files, [str(SEEDS)])
    assert sorted(walk([str(SEEDS)], None, None)) == [((f.name, str(f)), str(f), ids[f]) for f in files]


def test_ids_are_relative_to_the_dataset_s_roots(tmp_path):
    _tree(tmp_path, ["000/a.txt", "001/b.txt"])
    got = list(walk([str(tmp_path / "001")], None, None, roots=[str(tmp_path)]))
    assert [doc_id for _, _, doc_id in got] == ["001/b"]


def test_a_link_to_a_file_in_the_archive_is_read_once(tmp_path):
    _tree(tmp_path, ["a/story.txt"])
    os.symlink(tmp_path / "a" / "story.txt", tmp_path / "a" / "copy.txt")
    assert [path for _, path, _ in walk([str(tmp_path / "a")], None, None)] == [str(tmp_path / "a" / "story.txt")]


@pytest.mark.parametrize("names, message", [
    ([], "empty folder"),
    (["a.pdf", "b.docx"], "2 files in formats claimcheck does not read (.docx, .pdf)"),
])
def test_nothing_to_read_fails_as_collect_paths_fails(tmp_path, names, message):
    _tree(tmp_path / "x", names)
    (tmp_path / "x").mkdir(exist_ok=True)
    with pytest.raises(UsageError, match=message.replace("(", r"\(").replace(")", r"\)")):
        list(walk([str(tmp_path / "x")], None, None))
    with pytest.raises(UsageError):
        list(walk(["-"], None, None))


@pytest.mark.parametrize("n, workers, sizes", [
    (5, 2, [1, 1, 1, 1, 1]),  # fewer files than tasks: one each
    (100, 2, [7] * 14 + [2]),  # ceil(100 / 16)
    (3200, 2, [200] * 16),  # exactly the look-ahead
    (5000, 2, [200] * 25),
    (5001, 2, [200] * 25 + [1]),
])
def test_batches_are_sized_as_the_report_engine_sizes_them(n, workers, sizes):
    got = list(batches(iter(range(n)), workers, 8, 200))
    assert [len(b) for b in got] == sizes
    assert [x for b in got for x in b] == list(range(n))
