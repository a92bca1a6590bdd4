"""Archive runs on Dask (issue 18): results in a dataset, the client holding counts; exact splits;
incremental runs that give a full run's findings without reading the old articles again."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest

from claimcheck.config import Settings
from claimcheck.pipeline import scan

from .conftest import SEEDS, SHARED

pytest.importorskip("distributed")
CORPUS = SHARED / "corpus"

# Made-up articles in two batches: the second agrees with, contradicts and misspells the first.
FIRST = {
    "a1": "About 1,200 Uzbekistanis were detained in Almaty in 2019. Some 40 journalists were arrested in Bishkek.",
    "a2": "Some 1,250 Uzbekistanis were detained in Almaty in 2019, officials said.",
    "a3": "Around 300 Tajiks fled to Dushanbe in 2020. Of the 50 delegates, 30 were women and 25 were men.",
}
SECOND = {
    "b1": "Nearly 3,000 Uzbekstanis were detained in Almaty in 2019.",  # a misspelling, and a contradiction
    "b2": "About 300 Tajiks fled to Dushanbe in 2020, aid groups said. Over 90 journalists were arrested in Bishkek.",
    "b3": "Uzbekstanis: about 1,200 were detained in Almaty in 2019. Uzbekstanis gathered in Osh.",
}


@pytest.fixture(scope="module")
def cluster():
    import dask
    from distributed import Client, LocalCluster

    with dask.config.set({"distributed.scheduler.worker-saturation": 1.0}):
        local = LocalCluster(processes=True, n_workers=2, threads_per_worker=1, dashboard_address=":0",
                             silence_logs=logging.CRITICAL)
    client = Client(local)
    yield client
    client.close()
    local.close()


def write(folder: Path, articles: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / f"{name}.txt").write_text(text + "\n", encoding="utf-8")


def findings(folder: Path):
    from claimcheck.engines import dataset as ds

    d = ds.Dataset.open(folder)
    groups = sorted((ds.group_of(r) for _, rows in d.rows("groups") for r in rows), key=lambda g: g.id)
    conflicts = sorted((ds.conflict_of(r) for _, rows in d.rows("conflicts") for r in rows), key=lambda c: c.id)
    claims = sorted((c for part in d.claims() for c in part), key=lambda c: c.id)
    documents = sorted(r["id"] for _, rows in d.rows("documents", ["id"]) for r in rows)
    return {"groups": groups, "conflicts": conflicts, "claims": claims, "documents": documents}


def run(cluster, paths, folder, **kw):
    from claimcheck.engines.archive import scan_archive

    return scan_archive([str(p) for p in paths], Settings(offline=True), folder, scheduler=cluster.scheduler.address,
                        partition_size=2, **kw)


@pytest.mark.parametrize("split_at", [1, 10**9])  # every block split, and none
def test_the_dataset_holds_the_default_path_s_findings(cluster, tmp_path, split_at):
    paths = [SEEDS, CORPUS] if CORPUS.is_dir() else [SEEDS]
    summary = run(cluster, paths, tmp_path / "ds", split_at=split_at)
    expected = scan([str(p) for p in paths], Settings(offline=True))
    got = findings(tmp_path / "ds")
    assert expected.conflicts and got["groups"] == list(expected.groups) and got["conflicts"] == list(expected.conflicts)
    assert got["claims"] == sorted(expected.claims, key=lambda c: c.id)
    assert got["documents"] == sorted(d.id for d in expected.documents)
    assert (summary.documents, summary.claims, summary.groups) == (len(expected.documents), len(expected.claims),
                                                                   len(expected.groups))
    assert sum(summary.conflicts.values()) == len(expected.conflicts)


def test_an_incremental_run_finds_what_a_full_run_finds_without_the_old_articles(cluster, tmp_path):
    archive = tmp_path / "archive"
    write(archive / "000", FIRST)
    run(cluster, [archive], tmp_path / "grown")
    before = findings(tmp_path / "grown")
    write(archive / "001", SECOND)
    run(cluster, [archive], tmp_path / "full")
    for f in (archive / "000").iterdir():
        f.write_text("Rewritten: 7 unrelated figures.\n")  # the old articles are never read again
    summary = run(cluster, [archive / "001"], tmp_path / "grown", add=True)
    full, grown = findings(tmp_path / "full"), findings(tmp_path / "grown")
    assert full["conflicts"] and any("001/" in cid for c in full["conflicts"] for cid in c.claims)
    for field in ("documents", "claims", "groups", "conflicts"):  # field by field, so a failure names the part
        assert grown[field] == full[field], field
    old = {c.id for c in before["conflicts"]}
    assert set(summary.new_conflicts) == {c.id for c in full["conflicts"]} - old
    assert summary.new_count == len(summary.new_conflicts) > 0
    assert summary.documents == len(full["documents"]) and summary.claims == len(full["claims"])


def test_reconcile_on_dask_over_parquet_ledgers_matches_reconcile_on_one_machine(cluster, tmp_path):
    from claimcheck.engines.ledgers import reconcile_archive
    from claimcheck.engines.parquet import write_claims_dataset
    from claimcheck.pipeline import reconcile_ledgers

    report = scan([str(SEEDS)], Settings(offline=True))
    write_claims_dataset(report.claims[:40], tmp_path / "one")
    write_claims_dataset(report.claims[30:], tmp_path / "two")  # ten claims in both: counted once
    ledgers = [str(tmp_path / "one"), str(tmp_path / "two")]
    expected = reconcile_ledgers(ledgers, Settings())
    reconcile_archive(ledgers, Settings(), tmp_path / "ds", scheduler=cluster.scheduler.address)
    got = findings(tmp_path / "ds")
    assert expected.groups and got["groups"] == list(expected.groups) and got["conflicts"] == list(expected.conflicts)
    assert got["claims"] == sorted(expected.claims, key=lambda c: c.id)


def _dump(d: dict) -> str:
    import json

    return json.dumps(d, sort_keys=True)


def _lines(text: str) -> list[str]:
    return sorted(line for line in text.splitlines() if line)


@pytest.mark.parametrize("fmt", ["github", "jsonl"])
def test_cli_streams_the_default_path_s_lines_from_the_dataset(cluster, tmp_path, monkeypatch, fmt):
    from typer.testing import CliRunner

    from claimcheck.cli import app

    from .conftest import ROOT

    monkeypatch.chdir(ROOT)
    runner = CliRunner()
    got = runner.invoke(app, ["scan", "seeds/", "--engine", "dask", "--scheduler", cluster.scheduler.address, "--offline",
                              "--dataset", str(tmp_path / "ds"), "-f", fmt])
    want = runner.invoke(app, ["scan", "seeds/", "--offline", "-f", fmt])
    assert got.exit_code == want.exit_code, got.stderr
    assert _lines(want.stdout) and _lines(got.stdout) == _lines(want.stdout)  # the same lines, in file order


def test_cli_json_lines_carry_the_report_s_objects(cluster, tmp_path, monkeypatch):
    import json

    from typer.testing import CliRunner

    from claimcheck.cli import app

    from .conftest import ROOT

    monkeypatch.chdir(ROOT)
    runner = CliRunner()
    got = runner.invoke(app, ["scan", "seeds/", "--engine", "dask", "--scheduler", cluster.scheduler.address, "--offline",
                              "--dataset", str(tmp_path / "ds"), "-f", "json", "--html", str(tmp_path / "pages")])
    want = json.loads(runner.invoke(app, ["scan", "seeds/", "--offline", "-f", "json"]).stdout)
    assert got.exit_code == 0, got.stderr
    records = [json.loads(line) for line in got.stdout.splitlines()]
    for kind, field in (("document", "documents"), ("claim", "claims"), ("group", "groups"), ("conflict", "conflicts"),
                        ("citation", "citations")):
        mine = [{k: v for k, v in r.items() if k != "type"} for r in records if r["type"] == kind]
        assert sorted(mine, key=_dump) == sorted(want[field], key=_dump), field
    pages = sorted(p.name for p in (tmp_path / "pages").iterdir())
    assert pages == ["index.html", "page-0000.html"]
    page = (tmp_path / "pages" / "page-0000.html").read_text()
    assert all(d["name"] in page for d in want["documents"]) and "1.8 million" in page


def test_cli_add_names_the_new_conflicts_and_reconcile_runs_on_dask(cluster, tmp_path):
    import json

    from typer.testing import CliRunner

    from claimcheck.cli import app

    runner = CliRunner()
    archive = tmp_path / "archive"
    write(archive / "000", FIRST)
    common = ["--engine", "dask", "--scheduler", cluster.scheduler.address, "--offline", "--dataset", str(tmp_path / "ds")]
    assert runner.invoke(app, ["scan", str(archive), *common, "-f", "json"]).exit_code == 0
    write(archive / "001", SECOND)
    added = runner.invoke(app, ["scan", str(archive / "001"), *common, "--add", "-f", "json", "--fail-on", "conflicts"])
    assert added.exit_code == 1 and "new conflict(s): " in added.stderr and "fails the run" in added.stderr
    ledger = runner.invoke(app, ["scan", str(archive), "--offline", "--ledger-parquet", str(tmp_path / "ledger"), "-f", "json"])
    local = runner.invoke(app, ["reconcile", str(tmp_path / "ledger"), "-f", "json"])
    dask = runner.invoke(app, ["reconcile", str(tmp_path / "ledger"), "-f", "json", "--engine", "dask",
                               "--scheduler", cluster.scheduler.address])
    assert ledger.exit_code == 0 and dask.exit_code == local.exit_code, dask.stderr
    records = [json.loads(line) for line in dask.stdout.splitlines()]
    conflicts = sorted(r["id"] for r in records if r["type"] == "conflict")
    assert conflicts and conflicts == sorted(c["id"] for c in json.loads(local.stdout)["conflicts"])


def test_a_dataset_folder_that_is_not_one_is_a_usage_error(tmp_path):
    from claimcheck.engines.dataset import Dataset
    from claimcheck.errors import UsageError

    with pytest.raises(UsageError, match="not a claimcheck results dataset"):
        Dataset.open(tmp_path)


def test_task_summaries_merge_into_one_capped_summary_with_exact_counts(monkeypatch):
    from claimcheck.engines import dataset as ds
    from claimcheck.engines.summaries import _merge, _Part
    from claimcheck.model import Skipped

    monkeypatch.setattr(ds, "KEPT", 3)
    parts = [_Part(files={"claims": [f"p{n}.parquet"]}, counts={f"p{n}": {"claims": 2}},
                   skipped=(Skipped(f"{n}.txt", "unreadable"),), new=(f"c{9 - n}",), new_count=5, seconds=(float(n),),
                   cpu=1.0, failing_count=7) for n in range(5)]
    one = _merge([_merge(parts[:2]), _merge(parts[2:])])  # as a tree reduction folds them
    assert one.files == {"claims": [f"p{n}.parquet" for n in range(5)]} and len(one.counts) == 5
    assert [s.path for s in one.skipped] == ["0.txt", "1.txt", "2.txt"]  # the first, in task order
    assert one.new == ("c5", "c6", "c7") and one.seconds == (4.0, 3.0, 2.0)  # the smallest ids, the slowest blocks
    assert (one.new_count, one.failing_count, one.cpu) == (25, 35, 5.0)


def test_the_run_summary_counts_every_severity(cluster, tmp_path):
    # a clash on topics both pages only lend is `possible`: the summary counts it as the report does
    folder = tmp_path / "pages"
    folder.mkdir()
    head = "Velmar dam failure\n\nThe Velmar dam failed in 1987, flooding the Ostra valley and the Velmar plain.\n\n"
    (folder / "a.txt").write_text(head + "The flood killed 1,210 people.\n", encoding="utf-8")
    (folder / "b.txt").write_text(head + "In all, 1,150 people died.\n", encoding="utf-8")
    summary = run(cluster, [folder], tmp_path / "ds")
    expected = scan([str(folder)], Settings(offline=True))
    assert [c.severity.value for c in expected.conflicts] == ["possible"]
    assert summary.conflicts == {"contradiction": 0, "near-miss": 0, "possible": 1}
