"""Hostile file names, characters and saved reports (issue 20's probe, issue 17's report command)."""
from __future__ import annotations

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
