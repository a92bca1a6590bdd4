"""The review cycle with cited links (issue 17): scan, `claimcheck baseline`, change one article's
figure (and cite a new dead page), scan again. Through the local link server, in every format, only
the new findings fail the run and the old dead link and conflict show as reviewed, never as live.
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app

from .linkserver import LinkServer

runner = CliRunner()

# Made-up articles: two disagree about one figure; the first cites a dead page. The third agrees
# with the first until its figure is changed and it cites another dead page.
AIRPORT = "The airport handled 6.3 million passengers in 2019, officials said.[1]\n\nNotes\n1. {base}/status/404\n"
BOARD = "The airport handled 5.1 million passengers in 2019, the aviation board says.[1]\n\nNotes\n1. {base}/ok/page-1\n"
TERMINAL = "Officials said the airport handled 6.3 million passengers in 2019.\n"
CHANGED = "\n\nOfficials said the airport handled 4.4 million passengers in 2019.[1]\n\nNotes\n1. {base}/status/410\n"
CONFIG = "[links]\ncache = false\nallow_private = true\nretries = 0\n"


@pytest.fixture(scope="module")
def cycle(tmp_path_factory):
    """The folder after the cycle: baseline written by Ada, then the terminal article's figure changed."""
    root = tmp_path_factory.mktemp("cycle")
    server = LinkServer().start()
    articles = root / "articles"
    articles.mkdir()
    (articles / "airport.txt").write_text(AIRPORT.format(base=server.base), encoding="utf-8")
    (articles / "board.txt").write_text(BOARD.format(base=server.base), encoding="utf-8")
    (articles / "terminal.txt").write_text(TERMINAL, encoding="utf-8")
    (root / "claimcheck.toml").write_text(CONFIG, encoding="utf-8")
    state = {"root": root, "base": server.base}
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(root)
        first = runner.invoke(app, ["scan", "articles", "-f", "json", "--fail-on", "conflicts"])
        state["first"] = (first.exit_code, json.loads(first.stdout))
        made = runner.invoke(app, ["baseline", "articles", "--by", "Ada", "--note", "read with the desk"])
        assert made.exit_code == 0, made.output
        again = runner.invoke(app, ["scan", "articles", "-f", "json", "--fail-on", "conflicts"])
        state["unchanged"] = again.exit_code
        (articles / "terminal.txt").write_text(CHANGED.format(base=server.base), encoding="utf-8")
        yield state  # every test of this module runs in `root`
    server.stop()


def _scan(fmt: str, *extra: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = runner.invoke(app, ["scan", "articles", "-f", fmt, "--fail-on", "conflicts", *extra], env=env)
    return result.exit_code, result.stdout


def test_before_the_baseline_the_dead_link_and_conflict_fail_and_after_it_nothing_does(cycle):
    state = cycle
    code, report = state["first"]
    failing = sorted(f["rule"] for f in report["findings"] if f["fails"])
    assert code == 1 and failing == ["conflict/values", "conflict/values", "link/broken"]
    assert state["unchanged"] == 0


def test_json_lists_the_new_findings_failing_and_the_old_ones_reviewed(cycle):
    code, out = _scan("json")
    report = json.loads(out)
    failing = [f for f in report["findings"] if f["fails"]]
    reviewed = [f for f in report["findings"] if f["reviewed"]]
    assert code == 1
    assert sorted(f["rule"] for f in failing) == ["conflict/values", "conflict/values", "link/broken"]
    assert all("terminal" in f["where"] for f in failing)
    assert sorted(f["rule"] for f in reviewed) == ["citation/insecure-scheme", "citation/insecure-scheme",
                                                    "conflict/values", "link/broken"]
    (old_link,) = [f for f in reviewed if f["rule"] == "link/broken"]
    assert "/status/404" in old_link["message"] and old_link["reviewed"]["by"] == "Ada"
    assert [e["rule"] for e in report["stale"]] == ["conflict/values"]  # the terminal's old figure against the board's


def _fingerprints() -> tuple[set[str], set[str]]:
    report = json.loads(_scan("json")[1])
    return ({f["fingerprint"] for f in report["findings"] if f["fails"]},
            {f["fingerprint"] for f in report["findings"] if f["reviewed"]})


def test_sarif_suppresses_the_reviewed_link_and_errors_on_the_new_one(cycle):
    failing, reviewed = _fingerprints()
    code, out = _scan("sarif")
    results = json.loads(out)["runs"][0]["results"]
    assert code == 1
    assert {r["partialFingerprints"]["claimcheck/v1"] for r in results if r["level"] == "error"} == failing
    suppressed = {r["partialFingerprints"]["claimcheck/v1"]: r for r in results if "suppressions" in r}
    assert set(suppressed) == reviewed and all(r["level"] == "note" for r in suppressed.values())
    (link,) = [r for r in suppressed.values() if r["ruleId"] == "link/broken"]
    assert "/status/404" in link["message"]["text"] and link["suppressions"][0]["status"] == "accepted"


def test_junit_skips_the_reviewed_link_and_fails_the_new_one(cycle):
    code, out = _scan("junit")
    links = next(s for s in ET.fromstring(out) if s.get("name") == "claimcheck links")
    cases = {c.get("name").rsplit("/", 1)[-1]: c for c in links}
    assert code == 1 and links.get("failures") == "1" and links.get("skipped") == "1"
    assert cases["404"].find("failure") is None and "reviewed by Ada" in cases["404"].find("skipped").get("message")
    assert cases["410"].find("failure") is not None and cases["410"].find("skipped") is None


def test_github_annotations_and_job_summary_mark_the_reviewed_link(cycle):
    state = cycle
    summary = state["root"] / "summary.md"
    code, out = _scan("github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    lines = out.splitlines()
    assert code == 1
    assert not any("/status/404" in line for line in lines if line.startswith("::error"))
    assert any(line.startswith("::error") and "/status/410" in line for line in lines)
    assert any(line.startswith("::notice") and "link broken (reviewed)" in line and "/status/404" in line for line in lines)
    rows = summary.read_text(encoding="utf-8").splitlines()
    assert any(row.startswith("| reviewed | link/broken |") and "/status/404" in row for row in rows)
    assert any(row.startswith("| **fails** | link/broken |") and "/status/410" in row for row in rows)
    assert not any(row.startswith("| **fails** |") and "/status/404" in row for row in rows)


def test_markdown_marks_the_reviewed_link_in_its_links_table(cycle):
    code, out = _scan("markdown")
    above, _, review = out.partition("## Review")
    rows = [line for line in above.splitlines() if line.startswith("| ") and "/status/" in line]
    assert code == 1
    assert [row.split(" | ")[0] for row in rows] == ["| broken", "| broken (reviewed)"]  # the new one first
    assert "/status/410" in rows[0] and "/status/404" in rows[1]
    assert "1 of 3 links need a look; 1 reviewed, listed under Review." in above
    assert "## Conflicts (2)" in above and "## Citation audit" in above  # the new footnote's flag only
    audit = above.split("## Citation audit")[1]
    assert "terminal.txt" in audit and "airport.txt" not in audit and "board.txt" not in audit
    assert "Reviewed (4)" in review and "read with the desk" in review
    reviewed_rows = review.split("Reviewed (4)")[1].split("</details>")[0]
    assert "/status/404" in reviewed_rows and "/status/410" not in reviewed_rows


def test_the_terminal_folds_the_reviewed_link(cycle):
    code, out = _scan("text", env={"COLUMNS": "200"})
    assert code == 1
    assert "/status/410" in out and "/status/404" not in out  # folded into one line per rule
    assert "Reviewed · 4" in out and re.search(r"link/broken · 1 in articles/airport\.txt", out)
    # Both new conflicts' terminal sides, and the airport side, whose dead link is reviewed but still dead.
    assert out.count("footnote 1 · link broken") == 3


def test_html_shows_the_reviewed_link_as_reviewed_not_as_a_problem(cycle):
    state = cycle
    page_path = state["root"] / "r.html"
    result = runner.invoke(app, ["scan", "articles", "--fail-on", "conflicts", "--html", str(page_path)])
    page = page_path.read_text(encoding="utf-8")
    assert result.exit_code == 1
    problems = page.split('<h2 id="h-citations">')[1].split("</section>")[0]
    assert "/status/410" in problems and "/status/404" not in problems
    reviewed = page.split('<h2 id="h-reviewed">')[1].split("</section>")[0]
    assert "link/broken" in reviewed and "/status/404" in reviewed and "read with the desk" in reviewed
    articles = page.split('<h2 id="h-documents">')[1]
    dead = re.findall(r'data-status="broken">broken</span>( <span class="status reviewed"[^>]*>reviewed</span>)? '
                      r'<a class="url" href="[^"]*/status/(\d+)"', articles)
    assert sorted((code, bool(chip)) for chip, code in dead) == [("404", True), ("410", False)]
    chips = re.findall(r'<li class="(flag(?: reviewed)?)" data-flag="insecure-scheme">', articles)
    assert sorted(chips) == ["flag", "flag reviewed", "flag reviewed"]  # the new footnote's flag alone is live
    assert page.count('class="reviewed-card"') == 1  # the old conflict folded, the two new ones open
    tile = re.search(r'<span class="n">(\d+)</span><span class="what">dead links</span><span class="sub">([^<]*)', page)
    assert tile is not None and tile.group(1) == "1" and "1 more reviewed" in tile.group(2)


def test_markdown_without_a_baseline_lists_every_dead_link_as_live(tmp_path, monkeypatch):
    """The marking comes from the baseline alone: with --no-baseline both dead links are live again."""
    server = LinkServer().start()
    try:
        (tmp_path / "articles").mkdir()
        (tmp_path / "articles" / "airport.txt").write_text(AIRPORT.format(base=server.base), encoding="utf-8")
        (tmp_path / "articles" / "terminal.txt").write_text(CHANGED.format(base=server.base), encoding="utf-8")
        (tmp_path / "claimcheck.toml").write_text(CONFIG, encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        assert runner.invoke(app, ["baseline", "articles", "--by", "Ada"]).exit_code == 0
        reviewed = runner.invoke(app, ["scan", "articles", "-f", "markdown"])
        live = runner.invoke(app, ["scan", "articles", "-f", "markdown", "--no-baseline"])
    finally:
        server.stop()
    assert reviewed.exit_code == 0 and "0 of 2 links need a look; 2 reviewed, listed under Review." in reviewed.stdout
    assert live.exit_code == 1 and "2 of 2 links need a look." in live.stdout and "(reviewed)" not in live.stdout
    assert Path(tmp_path / "claimcheck-baseline.toml").exists()
