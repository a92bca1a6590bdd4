"""The quality gate: the seeds scored against the hand-made gold, at the floors the issues set.

Floors are never lowered silently: change them only with a note saying why.
"""
from __future__ import annotations

import importlib.util
import json

from typer.testing import CliRunner

from claimcheck.cli import app

from .conftest import ROOT, SEEDS, SHARED

GOLD = SHARED / "gold" / "seeds" if (SHARED / "gold").is_dir() else ROOT / "tests" / "gold" / "seeds"
SCORER = SHARED / "eval" / "score.py" if (SHARED / "eval" / "score.py").is_file() else ROOT / "tests" / "gold" / "score.py"
FLOORS = ["--min-recall", "0.95", "--min-precision", "0.90", "--min-normalised", "0.95", "--max-negative-hits", "0",
          "--min-urls", "1", "--min-markers", "1", "--min-flags", "1", "--max-false-flags", "0",
          "--min-pairs", "1"]  # every seed pair holds: conflicts caught, no false alarms, groups right


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_seeds_pass_the_gold_gate(tmp_path, capsys):
    result = CliRunner().invoke(app, ["scan", str(SEEDS), "--format", "json", "--offline"])
    assert result.exit_code == 0, result.output
    report = tmp_path / "report.json"
    report.write_text(result.stdout, encoding="utf-8")
    code = load_scorer().main([str(report), "--gold", str(GOLD), *FLOORS])
    summary = capsys.readouterr().out.strip().splitlines()[-1]
    assert code == 0, summary
    assert summary.startswith("PASS")
    assert json.loads(result.stdout)["claims"]
