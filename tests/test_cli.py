"""The commands: exit codes, stdout/stderr discipline, the ledger, configuration."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app

from .conftest import ROOT, SEEDS

runner = CliRunner()


@pytest.mark.parametrize("command", ["extract", "scan", "links"])
def test_every_command_help_has_an_example(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Example:" in result.stdout


def test_missing_path_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["scan", str(tmp_path / "missing"), "--offline"])
    assert result.exit_code == 2 and "missing: no such file" in result.stderr and result.stdout == ""


def test_unknown_config_key_is_an_error(tmp_path):
    (tmp_path / "claimcheck.toml").write_text('modle = "x"\n')
    (tmp_path / "a.txt").write_text("About 150 people marched.")
    result = runner.invoke(app, ["scan", str(tmp_path / "a.txt"), "--offline", "--config", str(tmp_path / "claimcheck.toml")])
    assert result.exit_code == 2 and "unknown setting 'modle'" in result.stderr


def test_config_from_pyproject_and_wrong_type(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.claimcheck]\nmax_bytes = "big"\n')
    (tmp_path / "a.txt").write_text("About 150 people marched.")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["scan", "a.txt", "--offline"])
    assert result.exit_code == 2 and "'max_bytes' must be int" in result.stderr


def test_bad_files_are_skipped_and_the_run_goes_on(tmp_path):
    (tmp_path / "good.txt").write_text("About 150 Kyrgyz citizens convened in Bishkek.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03")
    result = runner.invoke(app, ["scan", str(tmp_path), "--format", "json", "--offline"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert [c["quote"] for c in report["claims"]] == ["About 150"]
    assert sorted(s["reason"].split()[0] for s in report["skipped"]) == ["is", "looks"]
    assert "empty.txt: is empty" in result.stderr and "binary.txt" in result.stderr


def test_extract_prints_json_lines(tmp_path):
    (tmp_path / "a.txt").write_text("Twenty-two people were arrested. Nearly 400 camps exist.")
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt")])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["quote"], r["bound"], r["value"]) for r in rows] == [("Twenty-two", "=", 22), ("Nearly 400", "<", 400)]


def test_ledger_is_written_atomically(tmp_path):
    (tmp_path / "a.txt").write_text("About 150 people marched.")
    ledger = tmp_path / "out" / "claims.jsonl"
    result = runner.invoke(app, ["scan", str(tmp_path / "a.txt"), "--offline", "--format", "json", "--ledger", str(ledger)])
    assert result.exit_code == 0
    assert [json.loads(x)["quote"] for x in ledger.read_text().splitlines()] == ["About 150"]
    assert [p.name for p in ledger.parent.iterdir()] == ["claims.jsonl"]  # no temporary file left behind


def test_failed_ledger_write_keeps_what_was_there(tmp_path):
    (tmp_path / "a.txt").write_text("About 150 people marched.")
    ledger = tmp_path / "claims.jsonl"
    ledger.mkdir()  # a folder where the ledger should go: the rename must fail
    (ledger / "keep").write_text("old\n")
    result = runner.invoke(app, ["scan", str(tmp_path / "a.txt"), "--offline", "--ledger", str(ledger)])
    assert result.exit_code == 3 and "not written" in result.stderr and "claims.jsonl" in result.stderr
    assert (ledger / "keep").read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "claims.jsonl"]  # no temporary file left


def test_ledger_of_the_seeds_is_current(monkeypatch):
    monkeypatch.chdir(ROOT)  # paths in the ledger are as given on the command line: `seeds/...`
    result = runner.invoke(app, ["scan", "seeds", "--format", "jsonl", "--offline"])
    assert result.exit_code == 0
    assert (ROOT / "data" / "claims.jsonl").read_text(encoding="utf-8") == result.stdout, (
        "data/claims.jsonl is out of date: run `claimcheck scan seeds/ --offline --ledger data/claims.jsonl`")


@pytest.mark.parametrize("fmt", ["json", "jsonl", "markdown", "github", "junit", "sarif"])
def test_machine_formats_write_only_data_to_stdout(fmt):
    result = runner.invoke(app, ["scan", str(SEEDS / "000_a19200afb80b3dea.txt"), "--offline", "--format", fmt])
    assert result.exit_code == 0 and result.stdout.strip()
    if fmt in ("json", "sarif"):
        json.loads(result.stdout)
    if fmt == "github":
        assert "::warning file=" in result.stdout and "publisher-domain-mismatch" in result.stdout


def test_text_report_lists_claims_only_when_asked(tmp_path):
    seed = str(SEEDS / "004_e20d5d065b71fd36.txt")
    short = runner.invoke(app, ["scan", seed, "--offline"])
    assert short.exit_code == 0 and "numeric claims" in short.stdout and "Twenty-two" not in short.stdout
    full = runner.invoke(app, ["scan", seed, "--offline", "--claims"])
    assert full.exit_code == 0 and "Twenty-two" in full.stdout


def test_missing_model_cannot_run(tmp_path):
    (tmp_path / "a.txt").write_text("About 150 people marched.")
    result = runner.invoke(app, ["scan", str(tmp_path / "a.txt"), "--offline", "--model", "en_core_web_missing"])
    assert result.exit_code == 3
    assert "en_core_web_missing" in result.stderr and "[tool.claimcheck]" in result.stderr


@pytest.mark.parametrize("args, message", [
    (["--fail-on", "broken,dead"], "unknown choice 'dead'"),
    (["--timeout", "0"], "links.timeout must be more than 0"),
])
def test_bad_link_policy_is_a_usage_error(tmp_path, args, message):
    (tmp_path / "a.txt").write_text("See https://example.org/a for details.")
    result = runner.invoke(app, ["links", str(tmp_path / "a.txt"), *args])
    assert result.exit_code == 2 and message in result.stderr


def test_a_bad_per_host_limit_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text("See https://example.org/a for details.")
    (tmp_path / "claimcheck.toml").write_text('[links.hosts]\n"github.com" = 0\n')
    result = runner.invoke(app, ["links", str(tmp_path / "a.txt"), "--config", str(tmp_path / "claimcheck.toml")])
    assert result.exit_code == 2 and "links.hosts.github.com" in result.stderr


def test_jobs_split_documents_across_processes_with_the_same_result():
    one = runner.invoke(app, ["scan", str(SEEDS), "--offline", "--format", "jsonl"])
    two = runner.invoke(app, ["scan", str(SEEDS), "--offline", "--format", "jsonl", "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and one.stdout.count("\n") > 40


def test_html_claims_point_into_the_extracted_text(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><body><nav>Menu 12</nav><article><p>Police said about 150 people marched in Bishkek."
                    "<sup>1</sup></p><ol><li>RFE/RL, <a href='https://www.rferl.org/a/x.html'>report</a>, 2018.</li></ol>"
                    "</article></body></html>", encoding="utf-8")
    result = runner.invoke(app, ["scan", str(page), "--offline", "--format", "json"])
    report = json.loads(result.stdout)
    (claim,) = report["claims"]
    assert (claim["quote"], claim["place"], claim["citations"]) == ("about 150", "Bishkek", [1])
    from claimcheck.documents import read_document

    assert read_document(page).text[claim["start"]:claim["end"]] == "about 150"
    (citation,) = report["citations"]
    assert citation["url"] == "https://www.rferl.org/a/x.html"
