"""CI that does what it says (issue 17, section 2): --fail-on, and formats that follow the gate."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.config import Settings
from claimcheck.errors import UsageError
from claimcheck.gate import FAIL_ON_CHOICES, apply_fail_on

from .linkserver import LinkServer, refuse_egress

runner = CliRunner()
CONFIG = "[links]\ncache = false\nallow_private = true\ntimeout = 1.0\nretries = 0\n"


@pytest.fixture(scope="module")
def server():
    srv = LinkServer().start()
    yield srv
    srv.stop()


@pytest.fixture(autouse=True)
def no_egress(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no baseline from elsewhere
    return refuse_egress(monkeypatch)


@pytest.fixture
def cited(tmp_path, server):
    """An article citing a dead page (broken) and a bot wall (blocked, 403)."""
    doc = tmp_path / "story.txt"
    doc.write_text(f"Some 12 boats sank.[1] Others drifted.[2]\n\nNotes\n1. A, “Boats,” Harbour News, {server.base}/status/404\n"
                   f"2. B, “Drift,” Harbour News, {server.base}/botwall\n", encoding="utf-8")
    (tmp_path / "claimcheck.toml").write_text(CONFIG, encoding="utf-8")
    return doc


@pytest.mark.parametrize("fail_on, statuses, conflicts, skipped", [
    (None, ["broken"], "", True),
    ("blocked", ["broken", "blocked"], "", True),  # adds: broken still fails
    ("none,blocked", ["blocked"], "", False),
    ("none", [], "", False),
    ("conflicts", ["broken"], "contradiction", True),
    ("near-miss,conflicts", ["broken"], "near-miss", True),
    ("NONE, Timeout", ["timeout"], "", False),
])
def test_fail_on_adds_to_the_settings_and_none_starts_empty(fail_on, statuses, conflicts, skipped):
    settings = Settings()
    apply_fail_on(settings, fail_on)
    assert (settings.links.fail_on, settings.fail_on_conflicts, settings.fail_on_skipped) == (statuses, conflicts, skipped)


def test_a_bad_fail_on_choice_names_every_choice(tmp_path):
    (tmp_path / "a.txt").write_text("Some 12 boats sank.\n", encoding="utf-8")
    result = runner.invoke(app, ["scan", "a.txt", "--offline", "--fail-on", "near-mis"])
    assert result.exit_code == 2
    for choice in FAIL_ON_CHOICES:
        assert choice in result.stderr
    assert "did you mean 'near-miss'" in result.stderr
    with pytest.raises(UsageError):
        apply_fail_on(Settings(), "broken,,dead")


def test_help_says_how_choices_combine():
    out = runner.invoke(app, ["scan", "--help"], env={"COLUMNS": "200"}).stdout
    assert "added to what the config fails on" in out and "none,blocked" in out and "near-miss" in out


def _run(args, fmt):
    result = runner.invoke(app, ["links", "story.txt", "-f", fmt, *args])
    return result.exit_code, result.stdout


@pytest.mark.parametrize("args, code, errors, failures", [
    ([], 1, ["broken"], 1),
    (["--fail-on", "blocked"], 1, ["blocked", "broken"], 2),
    (["--fail-on", "none,blocked"], 1, ["blocked"], 1),
    (["--fail-on", "none"], 0, [], 0),
])
def test_junit_and_annotations_follow_fail_on(cited, args, code, errors, failures):
    exit_code, github = _run(args, "github")
    assert exit_code == code
    assert sorted(line.split("title=claimcheck link ")[1].split("::")[0] for line in github.splitlines()
                  if line.startswith("::error")) == errors
    assert all(line.startswith(("::warning", "::notice")) for line in github.splitlines() if not line.startswith("::error"))
    exit_code, junit = _run(args, "junit")
    suite = ET.fromstring(junit).find("testsuite")
    assert exit_code == code and suite.get("failures") == str(failures)
    assert "403" in junit  # a blocked link that does not fail is still told, in system-out
    _, sarif = _run(args, "sarif")
    levels = {r["ruleId"]: r["level"] for r in json.loads(sarif)["runs"][0]["results"]}
    assert sorted(k.split("/")[1] for k, v in levels.items() if v == "error") == errors


def test_a_reviewed_link_never_fails_and_an_offline_baseline_keeps_it(cited):
    assert runner.invoke(app, ["baseline", "story.txt", "--by", "Ada", "--note", "the site blocks robots"]).exit_code == 0
    code, github = _run(["--fail-on", "blocked"], "github")
    lines = github.splitlines()
    assert code == 0 and not any(line.startswith("::error") for line in lines)
    assert sum(line.startswith("::notice") and "link" in line and "(reviewed)" in line for line in lines) == 2
    # The markdown comment marks both links reviewed in its links table, needing no look; its review section folds them.
    code, md = _run(["--fail-on", "blocked"], "markdown")
    table, review = md.split("## Review")
    rows = sorted(line.split(" | ")[0] for line in table.splitlines() if "/status/404" in line or "/botwall" in line)
    assert code == 0 and rows == ["| blocked (reviewed)", "| broken (reviewed)"] and "0 of 2 links need a look" in table
    assert "Reviewed (6)" in review and "/status/404" in review and "the site blocks robots" in review  # 2 links, 4 flags
    # A baseline rewritten offline checks no link: the reviewed links stay in it, and are not stale.
    offline = runner.invoke(app, ["baseline", "story.txt", "--by", "Bo", "--offline"])
    assert offline.exit_code == 0 and "0 dropped" in offline.stderr
    stale = runner.invoke(app, ["scan", "story.txt", "--offline", "-f", "json"])
    assert json.loads(stale.stdout)["stale"] == []


def test_conflicts_are_errors_only_when_they_fail(tmp_path):
    (tmp_path / "x.txt").write_text("The port moved 4.2 million containers in 2021, officials said.\n", encoding="utf-8")
    (tmp_path / "y.txt").write_text("The port moved 3.1 million containers in 2021, officials said.\n", encoding="utf-8")
    quiet = runner.invoke(app, ["scan", ".", "--offline", "-f", "github"])
    assert quiet.exit_code == 0 and "::error" not in quiet.stdout and quiet.stdout.count("::warning") == 2
    junit = runner.invoke(app, ["scan", ".", "--offline", "-f", "junit"]).stdout
    assert 'name="claimcheck conflicts" tests="1" failures="0"' in junit
    loud = runner.invoke(app, ["scan", ".", "--offline", "-f", "github", "--fail-on", "conflicts"])
    assert loud.exit_code == 1 and loud.stdout.count("::error") == 2


def test_annotations_are_capped_worst_first_and_the_summary_has_them_all(tmp_path):
    notes = "".join(f"{n}. Desk {n}, Memo {n}, printed.\n" for n in range(1, 31))
    markers = " ".join(f"Fact {n}.[{n}]" for n in range(1, 31))
    (tmp_path / "memo.txt").write_text(f"{markers}\n\nNotes\n{notes}", encoding="utf-8")
    (tmp_path / "x.txt").write_text("The port moved 4.2 million containers in 2021, officials said.\n", encoding="utf-8")
    (tmp_path / "y.txt").write_text("The port moved 3.1 million containers in 2021, officials said.\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    result = runner.invoke(app, ["scan", ".", "--offline", "-f", "github", "--fail-on", "conflicts"],
                           env={"GITHUB_STEP_SUMMARY": str(summary)})
    lines = result.stdout.splitlines()
    assert result.exit_code == 1
    assert [line.split(" ")[0] for line in lines[:2]] == ["::error", "::error"]  # worst first
    assert sum(line.startswith("::warning") for line in lines) == 10
    assert lines[-1].startswith("::notice") and "20 more annotations" in lines[-1]
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("earlier step\n")  # appended, as GitHub wants
    assert written.count("| warning | citation/no-url |") == 30 and written.count("| **fails** | conflict/values |") == 1


def test_a_flag_kind_turned_off_in_config_is_never_raised(tmp_path):
    (tmp_path / "memo.txt").write_text("Fact one.[1] Fact two.[2]\n\nNotes\n1. Desk, Memo, printed.\n"
                                       "2. http://archive.example/memo-2\n", encoding="utf-8")
    before = json.loads(runner.invoke(app, ["scan", ".", "--offline", "-f", "json"]).stdout)
    assert sorted(f for c in before["citations"] for f in c["flags"]) == ["insecure-scheme", "no-url"]
    (tmp_path / "claimcheck.toml").write_text('[citations]\nignore_flags = ["no-url"]\n', encoding="utf-8")
    after = json.loads(runner.invoke(app, ["scan", ".", "--offline", "-f", "json"]).stdout)
    assert [f for c in after["citations"] for f in c["flags"]] == ["insecure-scheme"]
    assert [f["rule"] for f in after["findings"]] == ["citation/insecure-scheme"]


def test_ignored_urls_are_neither_checked_flagged_nor_reported(cited, server, tmp_path):
    (tmp_path / "story.txt").write_text(cited.read_text().replace(f"{server.base}/botwall", "http://archive.example/x"))
    flagged = json.loads(runner.invoke(app, ["scan", "story.txt", "--offline", "-f", "json"]).stdout)
    assert "insecure-scheme" in [f for c in flagged["citations"] for f in c["flags"]]
    (tmp_path / "claimcheck.toml").write_text(CONFIG + 'ignore = ["^http://archive\\\\.example/", "/status/404$"]\n')
    result = runner.invoke(app, ["links", "story.txt", "-f", "json"])
    report = json.loads(result.stdout)
    assert result.exit_code == 0 and report["links"] == [] and report["findings"] == []  # the 404 is ignored too
    scanned = json.loads(runner.invoke(app, ["scan", "story.txt", "--offline", "-f", "json"]).stdout)
    assert "insecure-scheme" not in [f for c in scanned["citations"] for f in c["flags"]]


@pytest.mark.parametrize("toml, message", [
    ('[citations]\nignore_flags = ["no-urls"]\n', "unknown flag 'no-urls' (known: numbering-gap, no-url"),
    ('[citations]\nignore_flags = "no-url"\n', "'citations.ignore_flags' must be a list"),
    ('[citations]\nignore = ["no-url"]\n', "unknown setting 'citations.ignore'"),
    ('[links]\nignore = ["(a"]\n', "links.ignore[0]"),
    ("fail_on_citations = 1\n", "'fail_on_citations' must be bool"),
])
def test_bad_review_settings_are_config_errors(tmp_path, toml, message):
    (tmp_path / "a.txt").write_text("Some 12 boats sank.\n", encoding="utf-8")
    (tmp_path / "claimcheck.toml").write_text(toml, encoding="utf-8")
    result = runner.invoke(app, ["scan", "a.txt", "--offline"])
    assert result.exit_code == 2 and message in result.stderr, result.stderr


def test_fail_on_citations_from_config_or_flag(tmp_path):
    (tmp_path / "memo.txt").write_text("Fact one.[1]\n\nNotes\n1. Desk, Memo, printed.\n", encoding="utf-8")
    assert runner.invoke(app, ["scan", ".", "--offline"]).exit_code == 0
    assert runner.invoke(app, ["scan", ".", "--offline", "--fail-on", "citations"]).exit_code == 1
    (tmp_path / "claimcheck.toml").write_text("fail_on_citations = true\n", encoding="utf-8")
    failed = runner.invoke(app, ["scan", ".", "--offline"])
    assert failed.exit_code == 1 and "1 citation flag(s) (no-url)" in failed.stderr
