"""Hostile file names, characters and saved reports (issue 20's probe, issue 17's report command)."""
from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app

runner = CliRunner()
INJECTED = "story\n::error file=app.py,line=1::owned.txt"
CLEARS = "story\x1b[2Jclear.txt"


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_file_names_on_stderr_cannot_start_a_workflow_command_or_drive_the_terminal(tmp_path, fmt):
    """An empty file is a skip, and its name goes to stderr: there it printed a workflow command
    of its own (the name's newline started the line) and cleared the terminal (ESC [2J)."""
    (tmp_path / INJECTED).write_text("", encoding="utf-8")
    (tmp_path / CLEARS).write_text("", encoding="utf-8")
    (tmp_path / "fine.txt").write_text("About 120 people marched in the square.", encoding="utf-8")
    result = runner.invoke(app, ["scan", str(tmp_path), "--offline", "-f", fmt])
    assert result.exit_code == 1
    err = result.stderr
    assert not any(line.lstrip().startswith("::") for line in err.splitlines())
    assert "\x1b" not in err and "\r" not in err
    assert "story\\n::error file=app.py,line=1::owned.txt" in err and "story\\x1b[2Jclear.txt" in err


def test_github_annotations_show_a_file_names_escape_as_text(tmp_path):
    (tmp_path / "note\x1b[2Jclear.txt").write_text(
        "The office counted 4,210 arrivals.1\n\nNotes\n\n1. Regional office, 2020.\n", encoding="utf-8")
    result = runner.invoke(app, ["scan", str(tmp_path), "--offline", "-f", "github"])
    (line,) = result.stdout.splitlines()
    assert "\x1b" not in result.stdout and "note\\x1b[2Jclear.txt" in line and "no-url" in line


def test_junit_stays_well_formed_with_characters_xml_cannot_carry(tmp_path):
    """U+FFFE and U+FFFF are legal in a file name and in text, but in no XML document, escaped or not."""
    import xml.etree.ElementTree as ET

    (tmp_path / "story\uffff.txt").write_text(
        "Some 1,200 families\ufffe left the valley.1\n\nNotes\n\n1. Valley council \ufffe report\uffff, 2019.\n",
        encoding="utf-8")
    result = runner.invoke(app, ["scan", str(tmp_path), "--offline", "-f", "junit"])
    root = ET.fromstring(result.stdout)  # raised "not well-formed (invalid token)"
    (case,) = root.iter("testcase")
    assert case.get("name") == "story\ufffd footnote 1"  # the gap shows as U+FFFD
    assert "\uffff" not in result.stdout and "\ufffe" not in result.stdout


def test_sarif_uris_are_percent_encoded(tmp_path):
    """A name holding '%2F..%2F' pointed a SARIF reader at another file: '%' is data, not an escape."""
    from urllib.parse import unquote

    folder = tmp_path / "articles"
    folder.mkdir()
    name = "a%2F..%2F..%2Fsecret 1.txt"
    (folder / name).write_text("The office counted 4,210 arrivals.1\n\nNotes\n\n1. Regional office, 2020.\n",
                               encoding="utf-8")
    result = runner.invoke(app, ["scan", str(folder), "--offline", "-f", "sarif"])
    sarif = json.loads(result.stdout)
    (finding,) = sarif["runs"][0]["results"]
    uri = finding["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert unquote(uri) == str(folder / name)  # decoded once, as a reader does: the file itself
    assert " " not in uri and uri.endswith("a%252F..%252F..%252Fsecret%201.txt")


# -- `claimcheck report`: a saved report is data from anywhere ----------------------------------------

def crafted_report(path: str, **document) -> dict:
    doc = {"id": "leak", "path": path, "name": "leak.txt", "format": "txt", "encoding": "utf-8"}
    return {"documents": [dict(doc, **document)], "claims": [], "groups": [], "conflicts": [], "citations": [],
            "links": [], "skipped": [], "network": None}


@pytest.mark.parametrize("craft", [
    lambda secret: crafted_report(str(secret)),  # as the issue found it: any file, by absolute path
    lambda secret: dict(crafted_report(str(secret)), root="/"),  # a root that holds everything
    lambda secret: dict(crafted_report(secret.name, chars=len(secret.read_text())), root=str(secret.parent)),
])
def test_a_crafted_report_cannot_read_a_file_into_the_page(tmp_path, craft):
    secret = tmp_path / "home" / "id_ed25519"
    secret.parent.mkdir()
    secret.write_text("-----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1rZXktdjE", encoding="utf-8")
    reports = tmp_path / "downloads"
    reports.mkdir()
    evil = reports / "evil.json"
    evil.write_text(json.dumps(craft(secret)), encoding="utf-8")
    out = tmp_path / "page.html"
    result = runner.invoke(app, ["report", str(evil), "--html", str(out)])
    assert result.exit_code == 0, result.output
    assert "OPENSSH" not in out.read_text("utf-8") and "b3BlbnNzaC1rZXktdjE" not in out.read_text("utf-8")
    assert "text is not shown" in result.stderr


def test_a_report_made_elsewhere_finds_its_articles_from_any_folder(tmp_path, monkeypatch):
    """Issue 17: `claimcheck report r.json` run from another folder lost every article's text."""
    newsroom = tmp_path / "newsroom"
    (newsroom / "articles").mkdir(parents=True)
    (newsroom / "articles" / "a.txt").write_text("Some 3,400 households lost power on Monday.", encoding="utf-8")
    (newsroom / "articles" / "b.txt").write_text("Some 3,900 households lost power on Monday.", encoding="utf-8")
    monkeypatch.chdir(newsroom)
    scan = runner.invoke(app, ["scan", "articles", "--offline", "-f", "json"])
    saved = tmp_path / "reports" / "r.json"
    saved.parent.mkdir()
    saved.write_text(scan.stdout, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    out = elsewhere / "page.html"
    result = runner.invoke(app, ["report", str(saved), "--html", str(out)])
    assert result.exit_code == 0 and "not found" not in result.stderr, result.stderr
    html = out.read_text("utf-8")
    assert 'class="notext"' not in html and "lost power on Monday" in html
    bare = runner.invoke(app, ["report", str(saved), "--html", str(elsewhere / "bare.html"), "--no-text"])
    assert bare.exit_code == 0 and 'class="notext"' in (elsewhere / "bare.html").read_text("utf-8")


# -- a folder that cannot be read ----------------------------------------------------------------------

def scan_as_unprivileged(folder, cwd):
    """`claimcheck scan FOLDER --offline -f json`, run by someone file permissions apply to.

    root reads a chmod 000 folder anyway (CAP_DAC_OVERRIDE): as root, the scan runs as `nobody`
    through setpriv, so the folder truly cannot be listed; otherwise in this process.
    """
    import shutil
    import subprocess
    import sys

    if os.geteuid() != 0:
        result = runner.invoke(app, ["scan", str(folder), "--offline", "-f", "json"])
        return result.exit_code, result.stdout, result.stderr
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.fail("running as root without setpriv: cannot make a folder truly unreadable to the scan")
    run = subprocess.run([setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c",
                          "from claimcheck.cli import main; main()", "scan", str(folder), "--offline", "-f", "json"],
                         cwd=cwd, capture_output=True, text=True, timeout=300, env={**os.environ, "HOME": str(cwd)})
    return run.returncode, run.stdout, run.stderr


@pytest.fixture
def shared_folder():
    """A folder the unprivileged user can reach (pytest's tmp_path is root's alone)."""
    import shutil
    import tempfile

    top = tempfile.mkdtemp(prefix="claimcheck-perm-", dir="/tmp")
    os.chmod(top, 0o755)
    yield top
    for folder, _, _ in os.walk(top):
        os.chmod(folder, 0o755)
    shutil.rmtree(top)


def test_an_unreadable_folder_is_an_error_naming_it_not_zero_documents(shared_folder):
    from pathlib import Path

    articles = Path(shared_folder) / "articles"
    locked = articles / "locked"
    locked.mkdir(parents=True)
    (articles / "open.txt").write_text("About 120 people marched in the square.", encoding="utf-8")
    (locked / "inside.txt").write_text("About 150 people marched in the square.", encoding="utf-8")
    for path in (articles, articles / "open.txt"):
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    os.chmod(locked, 0o000)
    code, out, err = scan_as_unprivileged(articles, shared_folder)
    report = json.loads(out)
    assert [d["name"] for d in report["documents"]] == ["open.txt"]  # the rest is still scanned
    (skip,) = report["skipped"]
    assert skip["path"].endswith("locked") and "cannot be read" in skip["reason"]
    assert code == 1 and "locked" in err

    os.chmod(articles, 0o000)  # the folder named on the command line itself: nothing could be read
    code, out, err = scan_as_unprivileged(articles, shared_folder)
    assert code == 3 and str(articles) in err and "cannot be read" in err


def test_a_report_of_absolute_paths_elsewhere_still_shows_their_text(tmp_path, monkeypatch):
    articles = tmp_path / "srv" / "articles"
    articles.mkdir(parents=True)
    (articles / "a.txt").write_text("Some 3,400 households lost power on Monday.", encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.chdir(home)
    scan = runner.invoke(app, ["scan", str(articles), "--offline", "-f", "json"])
    assert json.loads(scan.stdout)["root"] == str(tmp_path)  # the folder holding both
    saved = home / "r.json"
    saved.write_text(scan.stdout, encoding="utf-8")
    result = runner.invoke(app, ["report", str(saved), "--html", str(home / "page.html")])
    assert result.exit_code == 0 and "not shown" not in result.stderr, result.stderr
    assert "lost power on Monday" in (home / "page.html").read_text("utf-8")
