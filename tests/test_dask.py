"""The Dask engine on a local cluster of two worker processes: the same Report as the default path.

One cluster serves the whole module (it starts in about two seconds). Its scheduler gives up on a
task after the first worker death (allowed-failures 0) and sends each worker one task at a time,
so the test of a file that kills its worker stays short and certain.
"""
from __future__ import annotations

import dataclasses
import json
import logging
import math
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.config import LinkSettings, Settings
from claimcheck.engines.parquet import read_claims_parquet, write_claims_parquet
from claimcheck.errors import ModelError, UsageError
from claimcheck.formats.data import report_dict
from claimcheck.model import Bound, Claim, Frame, Kind
from claimcheck.pipeline import read_ledger_claims, scan

from .conftest import ROOT, SEEDS, SHARED
from .dask_preload import KILLER
from .linkserver import LinkServer

pytest.importorskip("distributed")
runner = CliRunner()
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="module")
def cluster():
    import dask
    from distributed import Client, LocalCluster

    with dask.config.set({"distributed.scheduler.allowed-failures": 0,
                          "distributed.scheduler.worker-saturation": 1.0}):
        local = LocalCluster(processes=True, n_workers=2, threads_per_worker=1, dashboard_address=":0",
                             silence_logs=logging.CRITICAL, preload=[str(Path(__file__).with_name("dask_preload.py"))])
    client = Client(local)
    yield client
    client.close()
    local.close()


def dask_scan(cluster, paths, settings, **kw):
    from claimcheck.engines.dask import scan_dask

    return scan_dask([str(p) for p in paths], settings, scheduler=cluster.scheduler.address, **kw)


def comparable(report) -> dict:
    """The report as the contract writes it, without what differs from run to run (timings, cache)."""
    out = report_dict(report)
    for link in out["links"]:
        link.pop("elapsed_ms")
        link.pop("from_cache")
    return out


def test_the_same_report_as_the_default_path(cluster):
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} (the shared corpus) is not here")
    paths = [SEEDS, CORPUS]
    settings = Settings(offline=True)
    notices: list[str] = []
    progress: dict[str, tuple[int, int]] = {}
    expected = scan([str(p) for p in paths], settings)
    got = dask_scan(cluster, paths, settings, notice=notices.append, partition_size=3,
                    progress=lambda stage, done, total: progress.__setitem__(stage, (done, total)))
    assert expected.claims and expected.groups and expected.conflicts and expected.citations  # a real comparison
    want, have = comparable(expected), comparable(got)
    for field in want:  # field by field, so a failure names the part that differs
        assert have[field] == want[field], field
    assert got == expected  # and the Report objects themselves, order included
    assert any("Dask scheduler" in n or "Dask dashboard" in n for n in notices)
    files = len(expected.documents) + len(expected.skipped)
    assert progress["extract"] == (files, files) and progress["reconcile"][0] == progress["reconcile"][1] > 1


def test_blocks_split_on_their_next_keys_give_the_same_report(cluster):
    paths = [SEEDS, CORPUS] if CORPUS.is_dir() else [SEEDS]
    settings = Settings(offline=True)
    expected = scan([str(p) for p in paths], settings)
    got = dask_scan(cluster, paths, settings, partition_size=4, split_at=1)  # every block split
    assert expected.groups and comparable(got) == comparable(expected)


def test_spelling_variants_extracted_in_different_tasks_meet_in_one_block(cluster, tmp_path):
    for name, figure, people in (("a", "About 1,200", "Uzbekistanis"), ("b", "Some 1,200", "Uzbekistanis"),
                                 ("c", "Nearly 3,000", "Uzbekstanis")):  # a misspelling, as archives hold them
        (tmp_path / f"{name}.txt").write_text(f"{figure} {people} were detained in Almaty in 2019.\n")
    settings = Settings(offline=True)
    got = dask_scan(cluster, [tmp_path], settings, partition_size=1)  # one task per file
    (group,) = got.groups
    assert group.claims == ("a:0", "b:0", "c:0") and got.conflicts
    assert comparable(got) == comparable(scan([str(tmp_path)], settings))


def test_a_corrupt_file_is_a_skip_and_the_rest_is_complete(cluster, tmp_path):
    archive = tmp_path / "archive"
    shutil.copytree(SEEDS, archive)
    (archive / "003_garbage.txt").write_bytes(bytes(range(256)) * 40)  # binary: NUL bytes, no BOM
    (archive / "004_not_utf16.txt").write_bytes(b"\xff\xfe" + b"\x00\xd8")  # a BOM, then a lone surrogate
    settings = Settings(offline=True)
    got = dask_scan(cluster, [archive], settings, partition_size=2)
    reasons = {Path(s.path).name: (s.reason, s.error) for s in got.skipped}
    assert reasons.keys() == {"003_garbage.txt", "004_not_utf16.txt"}
    assert reasons["003_garbage.txt"][0].startswith("looks binary") and not reasons["003_garbage.txt"][1]
    assert reasons["004_not_utf16.txt"][0].startswith("has a utf-16 byte-order mark but is not valid utf-16")
    assert len(got.documents) == len(list(SEEDS.iterdir()))
    assert comparable(got) == comparable(scan([str(archive)], settings))  # nothing else lost or changed


def test_a_file_that_kills_its_worker_costs_only_that_file(cluster, tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    for name in ("a", f"{KILLER}", "c", "d"):
        (archive / f"{name}.txt").write_text(f"Some 1{len(name)}0 people met in Bishkek in 2019 ({name}).\n")
    got = dask_scan(cluster, [archive], Settings(offline=True), partition_size=4)  # one batch: all four
    (lost,) = got.skipped
    assert Path(lost.path).name == f"{KILLER}.txt" and lost.error and "worker process died" in lost.reason
    assert [d.name for d in got.documents] == ["a.txt", "c.txt", "d.txt"]
    assert len(got.claims) == 3


def test_links_are_checked_host_by_host_with_the_default_path_s_results(cluster, tmp_path):
    server = LinkServer().start()
    try:
        base, refused = server.base, server.base.replace("127.0.0.1", "127.0.0.2")
        archive = tmp_path / "archive"
        archive.mkdir()
        (archive / "one.txt").write_text(
            f"Some 12 people died.1 Others fled.2 See {base}/ok/page-7 and {refused}/x for more.3\n\n"
            f"1. A, “T,” Reuters, {base}/ok/page-1\n2. B, “U,” Reuters, {base}/status/404\n"
            f"3. C, “V,” AP, {refused}/gone\n", encoding="utf-8")
        (archive / "two.txt").write_text(
            f"About 40 left.1 Nearly 300 stayed.2 More at {base}/ok/page-1 today.\n\n"
            f"1. A, “T,” Reuters, {base}/ok/page-1#top\n2. D, “W,” BBC, http://news.invalid/story\n",
            encoding="utf-8")
        (archive / "three.txt").write_text(
            f"Over 90 were held.1\n\n1. A, “T,” Reuters, {base}/ok/page-1\n", encoding="utf-8")
        links = LinkSettings(allow_private=True, cache=False, timeout=2.0, connect_timeout=1.0, retries=0)
        settings = Settings(links=links)
        expected = scan([str(archive)], settings)
        got = dask_scan(cluster, [archive], settings, partition_size=1)
    finally:
        server.stop()
    assert len({link.url.split("/")[2] for link in expected.links}) >= 3  # several hosts, several tasks
    assert comparable(got) == comparable(expected)
    strip = [dataclasses.replace(r, elapsed_ms=None) for r in got.links]
    assert strip == [dataclasses.replace(r, elapsed_ms=None) for r in expected.links]  # same order, same refs
    assert sum(1 for _, path in server.methods if path.startswith("/ok/page-1")) == 2  # once per run


def archive_scan(cluster, paths, settings, folder, **kw):
    from claimcheck.engines.archive import scan_archive

    return scan_archive([str(p) for p in paths], settings, folder, scheduler=cluster.scheduler.address, **kw)


def test_an_archive_run_loses_only_the_file_that_kills_its_worker(cluster, tmp_path):
    from claimcheck.engines.dataset import Dataset

    archive = tmp_path / "archive"
    for name in ("a", f"{KILLER}", "c", "d"):
        (archive / "x").mkdir(parents=True, exist_ok=True)
        (archive / "x" / f"{name}.txt").write_text(f"Some 1{len(name)}0 people met in Bishkek in 2019 ({name}).\n")
    summary = archive_scan(cluster, [archive], Settings(offline=True), tmp_path / "ds", partition_size=4)
    (lost,) = summary.skipped
    assert Path(lost.path).name == f"{KILLER}.txt" and lost.error and "worker process died" in lost.reason
    ids = sorted(r["id"] for _, rows in Dataset.open(tmp_path / "ds").rows("documents", ["id"]) for r in rows)
    assert ids == ["x/a", "x/c", "x/d"] and summary.documents == 3 and summary.skipped_count == 1


def test_an_archive_run_checks_links_as_the_default_path_does(cluster, tmp_path):
    from claimcheck.engines.dataset import Dataset, link_of

    server = LinkServer().start()
    try:
        base = server.base
        archive = tmp_path / "archive"
        for folder, name, text in (("2019", "b", f"About 40 left.1 See {base}/ok/page-7.\n\n1. A, “T,” AP, {base}/ok/page-1\n"),
                                   ("2020", "a", f"Over 90 were held.1\n\n1. A, “T,” AP, {base}/ok/page-1\n"),
                                   ("2020", "c", f"Some 12 died.1\n\n1. B, “U,” AP, {base}/status/404\n")):
            (archive / folder).mkdir(parents=True, exist_ok=True)
            (archive / folder / f"{name}.txt").write_text(text, encoding="utf-8")
        settings = Settings(links=LinkSettings(allow_private=True, cache=False, timeout=2.0, connect_timeout=1.0, retries=0))
        expected = scan([str(archive)], settings)
        archive_scan(cluster, [archive], settings, tmp_path / "ds", partition_size=1)
    finally:
        server.stop()
    got = sorted((link_of(r) for _, rows in Dataset.open(tmp_path / "ds").rows("links") for r in rows), key=lambda r: r.url)
    want = sorted(expected.links, key=lambda r: r.url)
    # the same results, each URL's citations in the default path's file order (by name: 2020/a before 2019/b)
    assert [dataclasses.replace(r, elapsed_ms=None) for r in got] == [dataclasses.replace(r, elapsed_ms=None) for r in want]
    assert [r.doc_id for r in want[0].refs] == ['2020/a', '2019/b']  # one URL cited in two folders


def test_spacy_loads_once_per_worker_process(cluster, tmp_path):
    def models():
        from claimcheck.claims import extract

        return {name: id(nlp) for name, nlp in extract._cache.items()}

    (tmp_path / "a.txt").write_text("About 150 Kyrgyz citizens convened in Bishkek.\n")
    dask_scan(cluster, [tmp_path], Settings(offline=True))
    before = cluster.run(models)
    dask_scan(cluster, [SEEDS], Settings(offline=True), partition_size=1)
    assert cluster.run(models) == before and all(len(m) == 1 for m in before.values())


def test_a_model_the_workers_cannot_load_stops_the_run(cluster, tmp_path):
    (tmp_path / "a.txt").write_text("About 150 Kyrgyz citizens convened in Bishkek.\n")
    with pytest.raises(ModelError, match="no_such_pipeline"):
        dask_scan(cluster, [tmp_path], Settings(offline=True, model="no_such_pipeline"))


def test_a_scheduler_that_does_not_answer_is_a_usage_error(tmp_path):
    import dask

    from claimcheck.engines.dask import scan_dask

    (tmp_path / "a.txt").write_text("About 150 Kyrgyz citizens convened in Bishkek.\n")
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}), pytest.raises(UsageError, match="cannot reach"):
        scan_dask([str(tmp_path)], Settings(offline=True), scheduler="tcp://127.0.0.1:1")


def test_cli_dask_engine_writes_the_parquet_ledger_the_reconcile_command_reads(cluster, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    ledger, parquet = tmp_path / "claims.jsonl", tmp_path / "ledger"
    parquet.mkdir()
    (parquet / "part-99999.parquet").write_bytes(b"a stale part of an earlier, larger run")
    result = runner.invoke(app, ["scan", "seeds/", "--engine", "dask", "--scheduler", cluster.scheduler.address,
                                 "--offline", "--format", "json", "--ledger", str(ledger), "--ledger-parquet", str(parquet)])
    assert result.exit_code == 0, result.stderr
    assert "Dask scheduler" in result.stderr or "Dask dashboard" in result.stderr
    assert not (parquet / "part-99999.parquet").exists() and list(parquet.glob("part-*.parquet"))
    jsonl_claims = read_ledger_claims([str(ledger)])
    assert sorted(read_ledger_claims([str(parquet)]), key=lambda c: c.id) == sorted(jsonl_claims, key=lambda c: c.id)
    from_jsonl = runner.invoke(app, ["reconcile", str(ledger), "--format", "json"])
    from_parquet = runner.invoke(app, ["reconcile", str(parquet), "--format", "json"])
    assert from_parquet.exit_code == from_jsonl.exit_code and json.loads(from_jsonl.stdout)["groups"]
    assert json.loads(from_parquet.stdout) == json.loads(from_jsonl.stdout)


def test_cli_default_engine_writes_the_parquet_ledger_too(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["scan", "seeds/", "--offline", "--format", "json", "--ledger-parquet", str(tmp_path / "l")])
    assert result.exit_code == 0, result.stderr
    claims = [c["id"] for c in json.loads(result.stdout)["claims"]]
    assert [c.id for c in read_claims_parquet(tmp_path / "l")] == claims


def test_the_parquet_ledger_keeps_the_seeds_claims_exactly(tmp_path):
    claims = list(scan([str(SEEDS)], Settings(offline=True)).claims)
    write_claims_parquet(claims, tmp_path / "seeds.parquet")
    assert read_claims_parquet(tmp_path / "seeds.parquet") == claims
    assert read_ledger_claims([str(tmp_path)]) == claims  # a folder holding .parquet files is a ledger too


text = st.text(max_size=12)
maybe = st.none() | text
number = st.none() | st.floats(allow_nan=False, allow_infinity=False)
frames = st.none() | st.builds(Frame, entity=maybe, event=maybe, place=maybe, time=maybe,
                               scope=st.lists(text, max_size=3).map(tuple), source=maybe, proper=st.booleans())


@st.composite
def claims(draw) -> Claim:
    doc_id = draw(st.text(min_size=1, max_size=10))
    start = draw(st.integers(0, 2**40))
    return Claim(id=f"{doc_id}:{start}", doc=draw(text), doc_id=doc_id, path=draw(st.text(min_size=1, max_size=10)),
                 start=start, end=start + draw(st.integers(0, 99)), quote=draw(text), kind=draw(st.sampled_from(Kind)),
                 bound=draw(st.none() | st.sampled_from(Bound)), value=draw(number), low=draw(number), high=draw(number),
                 unit=draw(maybe), subject=draw(text), sentence=draw(text),
                 citations=tuple(draw(st.lists(st.integers(0, 999), max_size=3))), place=draw(maybe), time=draw(maybe),
                 source=draw(maybe), predicate=draw(maybe), object=draw(maybe), cited_in=draw(st.none() | st.integers(0, 99)),
                 duplicate_of=draw(maybe), line=draw(st.integers(1, 10**6)), frame=draw(frames))


@hsettings(max_examples=60, deadline=None)
@given(st.lists(claims(), max_size=5))
def test_any_claim_comes_back_from_parquet_exactly(batch):
    with tempfile.TemporaryDirectory() as folder:
        write_claims_parquet(batch, Path(folder) / "part.parquet")
        back = read_claims_parquet(folder)
    assert back == batch
    assert all(math.copysign(1, a.value) == math.copysign(1, b.value) for a, b in zip(back, batch, strict=True) if a.value is not None)


def test_the_columns_are_the_json_ledger_s_fields():
    from claimcheck.engines.parquet import schema
    from claimcheck.formats.data import claim_dict

    full = Claim(id="a:1", doc="a.txt", start=1, end=2, quote="2", kind=Kind.FACT, bound=Bound.EXACT, value=2, low=2,
                 high=2, unit=None, subject="s", sentence="s", cited_in=1, duplicate_of="a:0", frame=Frame())
    line = claim_dict(full)
    columns = schema()
    assert set(line) <= set(columns.names)
    assert set(line["frame"]) <= {columns.field("frame").type.field(i).name for i in range(columns.field("frame").type.num_fields)}


def test_a_file_that_is_not_a_ledger_is_a_usage_error(tmp_path):
    (tmp_path / "x.parquet").write_bytes(b"PAR1 not really")
    with pytest.raises(UsageError, match="cannot read the Parquet ledger"):
        read_claims_parquet(tmp_path / "x.parquet")


def test_without_dask_the_engine_says_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` now raises ImportError
    (tmp_path / "a.txt").write_text("About 150 Kyrgyz citizens convened in Bishkek.\n")
    result = runner.invoke(app, ["scan", str(tmp_path), "--engine", "dask", "--offline"])
    assert result.exit_code == 2 and "pip install 'claimcheck-news[dask]'" in result.stderr


def test_without_pyarrow_a_parquet_ledger_says_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    (tmp_path / "x.parquet").write_bytes(b"")
    result = runner.invoke(app, ["reconcile", str(tmp_path / "x.parquet")])
    assert result.exit_code == 2 and "pip install 'claimcheck-news[dask]'" in result.stderr
