"""Configuration that says what is wrong: every bad value is a ConfigError naming the key and the file."""
from __future__ import annotations

import codecs
import math

import pytest
from typer.testing import CliRunner

from claimcheck.citations.audit import load_publishers
from claimcheck.config import LIMITS, effective_jobs, load_settings
from claimcheck.errors import ConfigError


def settings_from(tmp_path, toml: str | bytes, name: str = "claimcheck.toml"):
    path = tmp_path / name
    path.write_bytes(toml if isinstance(toml, bytes) else toml.encode())
    return load_settings(path), path


@pytest.mark.parametrize("toml, message", [
    ("include = [1]", "'include[0]' must be str, not int (1)"),
    ("[links]\naccept = [\"403\"]", "'links.accept[0]' must be int, not str ('403')"),
    ("[links]\nfail_on = [\"broken\", 3]", "'links.fail_on[1]' must be str"),
    ("[links]\nhosts = { \"github.com\" = \"2\" }", "'links.hosts.github.com' must be int"),
    ("[links]\ntimeout = nan", "'links.timeout' must be a finite number, not nan"),
    ("[links]\ntimeout = inf", "'links.timeout' must be a finite number, not inf"),
    ("[links]\ntimeout = -1", "links.timeout must be more than 0 and at most 3600"),
    ("[links]\nconcurrency = 4000000", "links.concurrency must be between 1 and 1024, not 4000000"),
    ("[links]\nmax_body_bytes = 1e12", "links.max_body_bytes must be between 1024 and 16777216, not 1000000000000"),
    ("[links]\nmax_body_bytes = 1.5e4", "links.max_body_bytes must be between 1024 and 16777216"),  # 15000: fine type
    ("[links]\nmax_body_bytes = 2.5", "'links.max_body_bytes' must be int, not float (2.5)"),
    ("[links]\nretries = -2", "links.retries must be between 0 and 10, not -2"),
    ("[links]\naccept = [99]", "links.accept[0] must be an HTTP status between 100 and 599, not 99"),
    ("[links]\ncache_max_age = -5", "links.cache_max_age must be -1 (per-status defaults) or between 0 and"),
    ("[links]\ninclude = [\"(\"]", "links.include[0]: '(': missing )"),
    ("[links]\nuser_agent = \"bot\\r\\nX-Evil: 1\"", "links.user_agent must not contain control characters"),
    ("[links]\narchive_api = \"ftp://archive.org\"", "links.archive_api must be an http:// or https:// URL"),
    ("[links]\nfail_on = [\"dead\"]", "unknown status 'dead'"),
    ("jobs = 0", "jobs must be between 1 and 256, not 0"),
    ("jobs = 100000", "jobs must be between 1 and 256, not 100000"),
    ("max_bytes = -1", "max_bytes must be between 1 and 1073741824"),
    ("max_bytes = true", "'max_bytes' must be int, not bool"),
    ("links = 3", "'links' must be a table"),
    ("model = \"\"", "model must not be empty"),
    ("publishers_file = \"nope.toml\"", "publishers_file: no such file"),
])
def test_bad_values_name_the_key_and_the_file(tmp_path, toml, message):
    if "1.5e4" in toml:  # an integral float is a whole number; 15000 is in range
        assert settings_from(tmp_path, toml)[0].links.max_body_bytes == 15000
        return
    with pytest.raises(ConfigError) as err:
        settings_from(tmp_path, toml)
    assert message in str(err.value) and str(tmp_path / "claimcheck.toml") in str(err.value)
    assert err.value.exit_code == 2


def test_cache_max_age_from_the_command_line_is_a_float():
    assert load_settings(cwd=None, overrides={"links": {"cache_max_age": 3600.0}}).links.cache_max_age == 3600.0
    assert load_settings(overrides={"links": {"cache_max_age": -1.0}}).links.cache_max_age == -1.0


def test_cache_max_age_3600_through_the_cli(tmp_path, monkeypatch):
    from claimcheck.cli import app

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("See https://example.org/a for details.")
    result = CliRunner().invoke(app, ["links", "a.txt", "--cache-max-age", "3600", "--no-cache", "--format", "json"])
    assert "cache_max_age" not in result.stderr and result.exit_code in (0, 1)


def test_command_line_values_are_checked_and_named(tmp_path):
    with pytest.raises(ConfigError, match=r"command line: 'links.timeout' must be a finite number, not nan"):
        load_settings(cwd=tmp_path, overrides={"links": {"timeout": math.nan}})
    with pytest.raises(ConfigError, match=r"command line: links.timeout must be more than 0"):
        load_settings(cwd=tmp_path, overrides={"links": {"timeout": 0.0}})


def test_a_utf8_bom_in_a_toml_file_is_read(tmp_path):
    settings, _ = settings_from(tmp_path, codecs.BOM_UTF8 + b'model = "m"\n[links]\ntimeout = 3\n')
    assert (settings.model, settings.links.timeout) == ("m", 3.0)


def test_readme_tool_table_pasted_into_claimcheck_toml(tmp_path):
    settings, _ = settings_from(tmp_path, '[tool.claimcheck]\njobs = 2\n\n[tool.claimcheck.links]\ntimeout = 4.0\n')
    assert (settings.jobs, settings.links.timeout) == (2, 4.0)
    found = load_settings(cwd=tmp_path)  # found upward, not only through --config
    assert found.jobs == 2


def test_both_forms_in_one_file_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match=r"both at the top level and in \[tool\.claimcheck\]"):
        settings_from(tmp_path, 'jobs = 2\n[tool.claimcheck]\njobs = 3\n')


@pytest.mark.parametrize("toml, message", [
    ("tool = 3", "'tool' must be a table"),
    ("[tool]\nclaimcheck = 3", "[tool.claimcheck] must be a table"),
])
def test_malformed_pyproject_tables(tmp_path, toml, message):
    (tmp_path / "pyproject.toml").write_text(toml)
    with pytest.raises(ConfigError) as err:
        load_settings(cwd=tmp_path)
    assert message in str(err.value) and "pyproject.toml" in str(err.value)


def test_publishers_file_is_relative_to_its_config(tmp_path, monkeypatch):
    (tmp_path / "conf").mkdir()
    (tmp_path / "conf" / "mine.toml").write_text('[publisher."Village Voice"]\ndomains = ["qishloq.example"]\n')
    (tmp_path / "conf" / "claimcheck.toml").write_text('publishers_file = "mine.toml"\n')
    monkeypatch.chdir(tmp_path)
    settings = load_settings(tmp_path / "conf" / "claimcheck.toml")
    assert load_publishers(settings.publishers_file)["village voice"] == {"qishloq.example"}


@pytest.mark.parametrize("toml, message", [
    ('[publisher."X"]\ndomains = "x.org"', "publisher.'X'.domains must be a list of domains"),
    ('[publisher."X"]\ndomains = [1]', "publisher.'X'.domains[0] must be a domain"),
    ('[publisher."X"]\ndomains = ["https://x.org/"]', "'https://x.org/' is not a domain (write x.org)"),
    ('[publisher."X"]\naliases = "Ex"\ndomains = ["x.org"]', "publisher.'X'.aliases must be a list of names"),
    ('[publisher."X"]\ndomain = ["x.org"]', "publisher.'X': unknown key 'domain'"),
    ('[publisher."X"]\naliases = ["Ex"]', "publisher.'X' has no domains"),
    ('[publishers."X"]\ndomains = ["x.org"]', "unknown table 'publishers'"),
    ('publisher = 3', "'publisher' must be a table"),
    ('[publisher]\nX = 3', "publisher.'X' must be a table"),
    ('[publisher."X"\ndomains = ["x.org"]', "not valid TOML"),
    (b'\xff[publisher."X"]', "not UTF-8"),
])
def test_a_malformed_publishers_file_is_a_config_error(tmp_path, toml, message):
    path = tmp_path / "mine.toml"
    path.write_bytes(toml if isinstance(toml, bytes) else toml.encode())
    with pytest.raises(ConfigError) as err:
        load_publishers(str(path))
    assert message in str(err.value) and str(path) in str(err.value)


def test_the_shipped_publishers_file_is_valid():
    owners = load_publishers()
    assert owners["bbc news"] == {"bbc.co.uk", "bbc.com"} and len(owners) > 50


def test_jobs_are_capped_by_documents_and_processors(monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 4)
    assert [effective_jobs(100, 2), effective_jobs(100, 50), effective_jobs(3, 50), effective_jobs(8, 0)] == [2, 4, 3, 1]


def test_limits_are_documented_in_the_readme():
    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for key, limit in LIMITS.items():
        high = f"{limit.high:.0f}" if float(limit.high).is_integer() else str(limit.high)
        assert f"`{key}`" in readme and high in readme.replace(",", ""), key
