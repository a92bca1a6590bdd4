"""Reviewed findings (issue 17, section 1): fingerprints, the baseline file and the review cycle."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.config import Settings
from claimcheck.errors import ConfigError
from claimcheck.model import BaselineEntry, Finding
from claimcheck.pipeline import scan
from claimcheck.review import Baseline, apply_baseline, baseline_entries, findings, read_baseline, render_baseline

runner = CliRunner()

# Made-up articles: two disagree about one figure; one has a footnote without a URL.
PORT = "The port moved 4.2 million containers in 2021, officials said.\n"
HARBOUR = ("The port moved 3.1 million containers in 2021, the harbour board says.[1]\n\n"
           "Notes\n1. Harbour Board, Annual Report 2021, printed edition.\n")


def _write(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def _fingerprints(folder: Path) -> dict[str, str]:
    settings = Settings(offline=True)
    report = scan([str(folder)], settings)
    return {f.rule: f.fingerprint for f in findings(report, folder)}


# (what changes, the harbour article after the change, whether the conflict's fingerprint holds)
EDITS = [
    ("a paragraph added above moves every line", "A new first paragraph.\n\nAnd a second one.\n\n" + HARBOUR, True),
    ("an unrelated sentence is added", HARBOUR.replace("says.[1]", "says.[1] Ships waited for days."), True),
    ("the figure changes", HARBOUR.replace("3.1 million", "2.9 million"), False),
]


@pytest.mark.parametrize("what, edited, same", EDITS, ids=[e[0] for e in EDITS])
def test_a_conflict_fingerprint_changes_only_with_its_figures(tmp_path, what, edited, same):
    _write(tmp_path / "a", {"port.txt": PORT, "harbour.txt": HARBOUR})
    _write(tmp_path / "b", {"port.txt": PORT, "harbour.txt": edited})
    before, after = _fingerprints(tmp_path / "a"), _fingerprints(tmp_path / "b")
    assert "conflict/values" in before and "conflict/values" in after
    assert (before["conflict/values"] == after["conflict/values"]) is same, what


def test_a_third_article_leaves_the_fingerprints_alone(tmp_path):
    _write(tmp_path / "a", {"port.txt": PORT, "harbour.txt": HARBOUR})
    before = _fingerprints(tmp_path / "a")
    _write(tmp_path / "a", {"ferry.txt": "The ferry carried 12,000 passengers in 2020.\n",
                            "dock.txt": "The port moved 4.2 million containers in 2021, the mayor said.\n"})
    assert _fingerprints(tmp_path / "a") == before


NOTES = [
    # (second article's notes, whether the no-url finding keeps its fingerprint)
    ("Notes\n1. Harbour Board, Annual Report 2021, printed edition.\n", True),
    ("Notes\n1. City Desk, “Ships,” https://example.org/ships\n2. Harbour Board, Annual Report 2021, printed edition.\n",
     True),  # renumbered: the same footnote under another number
    ("Notes\n1. Harbour Board, Annual Report 2022, printed edition.\n", False),  # its content changed
]


@pytest.mark.parametrize("notes, same", NOTES)
def test_a_citation_fingerprint_follows_the_footnote_not_its_number(tmp_path, notes, same):
    body = "The port moved 3.1 million containers in 2021.[1] Ships waited.[2]\n\n"
    _write(tmp_path / "a", {"harbour.txt": body + NOTES[0][0]})
    _write(tmp_path / "b", {"harbour.txt": body + notes})
    assert (_fingerprints(tmp_path / "a")["citation/no-url"] == _fingerprints(tmp_path / "b")["citation/no-url"]) is same


def _finding(fp: str, rule: str = "citation/no-url", reviewable: bool = True) -> Finding:
    return Finding(fp, f"k:{fp}", rule, "no-url", f"message {fp}", "a.txt", (("a.txt", 3),), reviewable)


def test_apply_baseline_splits_reviewed_new_and_stale():
    base = Baseline("b.toml", (BaselineEntry("f1", "citation/no-url", "a.txt", "m", "Ada", "2026-01-02"),
                               BaselineEntry("gone", "citation/no-url", "a.txt", "m", "Ada", "2026-01-02"),
                               BaselineEntry("f3", "link/unverified", "a.txt", "m", "Ada", "2026-01-02")))
    applied = apply_baseline([_finding("f1"), _finding("f2"), _finding("f3", "link/unverified", reviewable=False)], base)
    assert [f.fingerprint for f, _ in applied.reviewed] == ["f1"]
    assert [f.fingerprint for f in applied.new] == ["f2", "f3"]  # an unverified link is never reviewed
    assert {e.fingerprint for e in applied.stale} == {"gone", "f3"}


def test_the_baseline_file_is_sorted_keeps_reviewers_and_reads_back(tmp_path):
    old = Baseline("b", (BaselineEntry("f2", "citation/no-url", "a.txt", "old words", "Ada", "2026-01-02", "printed"),))
    entries = baseline_entries([_finding("f9", "link/broken"), _finding("f2"), _finding("f1")], old, "Bo",
                               note='says "fine"\nreally')
    assert [e.fingerprint for e in entries] == ["f1", "f2", "f9"]  # by rule, where, fingerprint
    assert entries[1] == old.entries[0]  # who, when and the note of an earlier review are kept
    assert entries[0].by == "Bo" and entries[0].note == 'says "fine"\nreally'
    path = tmp_path / "claimcheck-baseline.toml"
    path.write_text(render_baseline(entries), encoding="utf-8")
    assert read_baseline(path).entries == entries
    assert render_baseline(entries) == render_baseline(read_baseline(path).entries)  # stable: no churn on re-write


@pytest.mark.parametrize("text, message", [
    ('version = 1\n[[finding]]\nfingerprint = "x"\nrule = "r"\nwho = "Ada"\n', "unknown key 'who'"),
    ('version = 1\n[[finding]]\nfingerprint = 3\nrule = "r"\n', "'fingerprint' must be a string"),
    ('version = 1\n[[finding]]\nrule = "r"\n', "'fingerprint' missing"),
    ("version = 2\n", "baseline version 2"),
    ("[[findings]]\n", "unknown key 'findings'"),
    ("version = \n", "cannot read the baseline"),
])
def test_a_bad_baseline_is_a_usage_error(tmp_path, text, message):
    path = tmp_path / "b.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        read_baseline(path)
    (tmp_path / "x.txt").write_text(PORT, encoding="utf-8")
    result = runner.invoke(app, ["scan", str(tmp_path / "x.txt"), "--offline", "--baseline", str(path)])
    assert result.exit_code == 2 and message in result.stderr


def _scan(args: list[str], fmt: str) -> tuple[int, str]:
    result = runner.invoke(app, ["scan", "articles", "--offline", "--fail-on", "conflicts,citations", "-f", fmt, *args])
    return result.exit_code, result.stdout


def test_the_review_cycle(tmp_path, monkeypatch):
    """Scan, baseline, change one article's figure, scan again: only the new finding fails the run,
    and the old ones show as reviewed in every format."""
    monkeypatch.chdir(tmp_path)
    third = "Officials said the port moved 4.2 million containers in 2021.\n"
    _write(tmp_path / "articles", {"port.txt": PORT, "harbour.txt": HARBOUR, "quay.txt": third})
    assert _scan([], "json")[0] == 1  # a conflict and a flag fail it
    made = runner.invoke(app, ["baseline", "articles", "--offline", "--by", "Ada", "--note", "checked with the desk"])
    assert made.exit_code == 0 and "3 added" in made.stderr
    written = Path("claimcheck-baseline.toml").read_text(encoding="utf-8")
    assert 'by = "Ada"' in written and 'note = "checked with the desk"' in written
    assert _scan([], "json")[0] == 0  # everything is reviewed

    # The third article's figure changes: a new conflict with the harbour article; the old one stays.
    (tmp_path / "articles" / "quay.txt").write_text("\n\n" + third.replace("4.2 million", "2.5 million"), encoding="utf-8")
    code, out = _scan([], "json")
    assert code == 1
    report = json.loads(out)
    failing = [f for f in report["findings"] if f["fails"]]
    reviewed = [f for f in report["findings"] if f["reviewed"]]
    # New: quay's changed figure against the other two. Reviewed: port against harbour, the footnote.
    assert [f["rule"] for f in failing] == ["conflict/values"] * 2 and all("quay" in f["where"] for f in failing)
    assert sorted(f["rule"] for f in reviewed) == ["citation/no-url", "conflict/values"]
    assert "quay" not in reviewed[0]["where"] and reviewed[0]["reviewed"]["by"] == "Ada"
    assert [e["rule"] for e in report["stale"]] == ["conflict/values"]  # quay's old figure against harbour
    new_fps = sorted(f["fingerprint"] for f in failing)

    code, out = _scan([], "sarif")
    results = json.loads(out)["runs"][0]["results"]
    assert code == 1
    assert sorted(r["partialFingerprints"]["claimcheck/v1"] for r in results if r["level"] == "error") == new_fps
    suppressed = [r for r in results if "suppressions" in r]
    assert len(suppressed) == 2 and all(r["level"] == "note" for r in suppressed)
    assert suppressed[0]["suppressions"][0]["status"] == "accepted"

    code, out = _scan([], "junit")
    suites = {s.get("name"): s for s in ET.fromstring(out)}
    assert code == 1 and suites["claimcheck conflicts"].get("failures") == "1"  # one group, with new conflicts
    assert suites["claimcheck citations"].get("failures") == "0" and suites["claimcheck citations"].get("skipped") == "1"
    assert "reviewed by Ada" in out

    code, out = _scan([], "github")
    errors = [line for line in out.splitlines() if line.startswith("::error")]
    assert code == 1 and len(errors) == 4 and sum("file=articles/quay.txt" in e for e in errors) == 2  # two sides each
    assert sum("(reviewed)" in line and line.startswith("::notice") for line in out.splitlines()) == 3

    code, out = _scan([], "markdown")
    assert code == 1 and "Reviewed (2)" in out and new_fps[0] in out and "checked with the desk" in out
    above = out.split("## Review")[0]  # the reviewed conflict and footnote are folded below, not listed above
    assert "## Conflicts (2)" in above and "## Citation audit" not in above
    assert "Stale baseline entries (1)" in out

    code, out = _scan([], "text")
    assert code == 1 and "Reviewed · 2" in out and "Stale baseline entries · 1" in out

    html = tmp_path / "r.html"
    assert runner.invoke(app, ["scan", "articles", "--offline", "--html", str(html), "--fail-on", "conflicts"]).exit_code == 1
    page = html.read_text(encoding="utf-8")
    assert page.count('class="reviewed-card"') == 1 and 'id="reviewed"' in page and "checked with the desk" in page


def test_stale_entries_are_reported_and_dropped_by_a_new_baseline(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "articles", {"port.txt": PORT, "harbour.txt": HARBOUR})
    assert runner.invoke(app, ["baseline", "articles", "--offline", "--by", "Ada"]).exit_code == 0
    (tmp_path / "articles" / "harbour.txt").write_text("The harbour is busy.\n", encoding="utf-8")
    result = runner.invoke(app, ["scan", "articles", "--offline", "-f", "json"])
    assert result.exit_code == 0 and "2 entries are stale" in result.stderr
    assert {e["rule"] for e in json.loads(result.stdout)["stale"]} == {"conflict/values", "citation/no-url"}
    sarif = json.loads(runner.invoke(app, ["scan", "articles", "--offline", "-f", "sarif"]).stdout)
    assert len(sarif["runs"][0]["properties"]["staleBaselineEntries"]) == 2
    again = runner.invoke(app, ["baseline", "articles", "--offline", "--by", "Ada"])
    assert "2 dropped" in again.stderr and "[[finding]]" not in Path("claimcheck-baseline.toml").read_text()


def test_the_baseline_is_found_upward_or_named_or_refused(tmp_path, monkeypatch):
    _write(tmp_path / "articles", {"port.txt": PORT, "harbour.txt": HARBOUR})
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["baseline", "articles", "--offline", "--by", "Ada", "-o", "elsewhere.toml"]).exit_code == 0
    assert _scan(["--baseline", "elsewhere.toml"], "json")[0] == 0
    Path("claimcheck-baseline.toml").write_text(Path("elsewhere.toml").read_text())
    monkeypatch.chdir(tmp_path / "articles")  # found upward, and paths still match from a subfolder
    result = runner.invoke(app, ["scan", ".", "--offline", "--fail-on", "conflicts,citations"])
    assert result.exit_code == 0, result.stderr
    assert runner.invoke(app, ["scan", ".", "--offline", "--fail-on", "conflicts", "--no-baseline"]).exit_code == 1
    missing = runner.invoke(app, ["scan", ".", "--offline", "--baseline", "nope.toml"])
    assert missing.exit_code == 2 and "no such baseline file" in missing.stderr


def test_a_scan_of_some_files_leaves_the_other_entries_alone(tmp_path, monkeypatch):
    """pre-commit passes only the staged files: the baseline's other entries are neither stale nor dropped."""
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "articles", {"port.txt": PORT, "harbour.txt": HARBOUR,
                                   "memo.txt": "Fact one.[1]\n\nNotes\n1. Desk, Memo, printed.\n"})
    assert runner.invoke(app, ["baseline", "articles", "--offline", "--by", "Ada"]).exit_code == 0
    full = Path("claimcheck-baseline.toml").read_text(encoding="utf-8")
    assert full.count("[[finding]]") == 3
    some = runner.invoke(app, ["scan", "articles/memo.txt", "--offline", "-f", "json", "--fail-on", "citations"])
    assert some.exit_code == 0 and json.loads(some.stdout)["stale"] == [] and "stale" not in some.stderr
    again = runner.invoke(app, ["baseline", "articles/memo.txt", "--offline", "--by", "Bo"])
    assert "0 dropped" in again.stderr and Path("claimcheck-baseline.toml").read_text(encoding="utf-8") == full


def test_a_new_kind_of_finding_is_one_function(monkeypatch):
    """Another helper's finding kind (an incomplete run, say) plugs in and is carried by every format."""
    from claimcheck.formats import SCAN_FORMATS
    from claimcheck.model import Report
    from claimcheck.review import FINDING_KINDS, fingerprint

    def incomplete(report, doc_key):
        yield Finding(fingerprint("incomplete", "reconcile"), "incomplete:reconcile", "run/incomplete", "incomplete",
                      "reconciliation failed", "", ())

    monkeypatch.setattr("claimcheck.review.fingerprints.FINDING_KINDS", [*FINDING_KINDS, incomplete])
    report = Report()
    assert "::error title=claimcheck run/incomplete::reconciliation failed" in SCAN_FORMATS["github"](report)
    assert '<testsuite name="claimcheck findings" tests="1" failures="1"' in SCAN_FORMATS["junit"](report)
    assert json.loads(SCAN_FORMATS["sarif"](report))["runs"][0]["results"][0]["level"] == "error"
    assert json.loads(SCAN_FORMATS["json"](report))["fails"] == ["1 other finding(s)"]


def test_a_saved_report_shows_the_baseline_s_reviewed_findings(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from claimcheck.cli import app

    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("The Velmar flood of 1987 killed 1,210 people in the valley.\n", encoding="utf-8")
    (tmp_path / "articles" / "b.txt").write_text("The Velmar flood of 1987 killed 1,520 people in the valley.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    saved = runner.invoke(app, ["scan", "articles", "--offline", "--format", "json"])
    (tmp_path / "r.json").write_text(saved.stdout, encoding="utf-8")
    assert runner.invoke(app, ["report", "r.json", "--html", "before.html"]).exit_code == 0
    made = runner.invoke(app, ["baseline", "articles", "--offline"])
    assert made.exit_code == 0 and "1 reviewed finding" in made.output, made.output
    assert runner.invoke(app, ["report", "r.json", "--html", "after.html"]).exit_code == 0
    assert "Reviewed findings" not in (tmp_path / "before.html").read_text(encoding="utf-8")
    assert "Reviewed findings" in (tmp_path / "after.html").read_text(encoding="utf-8")
