"""Hostile file names, characters and saved reports (issue 20's probe, issue 17's report command)."""
from __future__ import annotations

import json

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
