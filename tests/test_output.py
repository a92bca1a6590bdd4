"""Output that never misleads (issue 17, section 3) and installing (section 4): locations, the
terminal's headings, words and last line, bad input that fails clearly, --help, the size limit,
and the distribution name. Every article here is made up."""
from __future__ import annotations

import json
import re
import tomllib

import pytest
from rich.console import Console
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.formats.terminal import reads_as, render_scan, render_summary
from claimcheck.model import Bound, Citation, Claim, Conflict, ConflictKind, Document, Group, Kind, Report, Severity

from .conftest import ROOT

runner = CliRunner()
LONG_DIR = "newsroom/archive/2019/investigations/herders_of_the_northern_steppe_long_read_series"
RANGE_ARTICLE = "Herders of the steppe\n\nBetween 2.1 million and 2.4 million Tuvans live in Mongolia, the survey found.\n"
POINT_ARTICLE = "A second look\n\nThere are 3.2 million Tuvans living in Mongolia.\n"


def _articles(folder, **texts):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def _claim(doc: Document, quote: str, low, high, bound=Bound.EXACT, value=None) -> Claim:
    start = doc.text.index(quote)
    line = doc.text.count("\n", 0, start) + 1
    return Claim(id=f"{doc.id}:{start}", doc=doc.name, doc_id=doc.id, path=doc.path, start=start, end=start + len(quote),
                 quote=quote, kind=Kind.COUNT, bound=bound, value=value, low=low, high=high, unit=None,
                 subject="tuvans in mongolia", sentence=doc.text.splitlines()[line - 1], line=line)


def _report(flags=()) -> Report:
    """Two articles under a long folder: one contradiction, one near miss, and a footnote with flags."""
    a = Document("a", f"{LONG_DIR}/first_article_about_tuvan_herders.txt", "first_article_about_tuvan_herders.txt",
                 RANGE_ARTICLE + "Some 40 herders were interviewed.2\n\nNotes\n\n2. Example News, http://127.0.0.1/x\n",
                 "utf-8", "txt")
    b = Document("b", f"{LONG_DIR}/second_article_about_tuvan_herders.txt", "second_article_about_tuvan_herders.txt",
                 POINT_ARTICLE + "Exactly 40 herders were interviewed.\n", "utf-8", "txt")
    ca, cb = _claim(a, "Between 2.1 million and 2.4 million", 2.1e6, 2.4e6, Bound.RANGE), _claim(b, "3.2 million", 3.15e6, 3.25e6)
    ha = _claim(a, "Some 40", 36, 44, Bound.APPROX, 40)
    hb = _claim(b, "Exactly 40", 40, 40, Bound.EXACT, 40)
    cite = Citation("first_article_about_tuvan_herders.txt", 2, ("http://127.0.0.1/x",), None, None, "Example News", None,
                    ((a.text.index("interviewed.2") + 12, a.text.index("interviewed.2") + 13),), tuple(flags),
                    ("'Example News' does not own 127.0.0.1",) if "publisher-domain-mismatch" in flags else (),
                    line=a.text[:a.text.index("2. Example")].count("\n") + 1, doc_id="a")
    return Report(
        documents=(a, b), claims=(ca, cb, ha, hb), citations=(cite,), reconciled=True,
        groups=(Group("g1", "tuvan · live · in mongolia", "k", (ca.id, cb.id), Kind.COUNT, agrees=False),
                Group("g2", "herder · interview", "k", (ha.id, hb.id), Kind.COUNT, agrees=False)),
        # The near miss first, as a report may hold them: every renderer puts the contradiction first.
        conflicts=(Conflict("k0", "g2", (ha.id, hb.id), ConflictKind.VALUES, Severity.NEAR_MISS, "40 and some 40", 0.0),
                   Conflict("k1", "g1", (ca.id, cb.id), ConflictKind.VALUES, Severity.CONTRADICTION, "they differ", 0.33)))


def _terminal(report: Report, width: int = 80, **kwargs) -> str:
    console = Console(record=True, width=width, force_terminal=False, color_system=None)
    render_scan(report, console, **kwargs)
    return console.export_text()


# -- locations: `path:line`, whole, at 80 columns ----------------------------------------------------

def test_every_location_is_path_and_line_on_one_line_at_80_columns():
    text = _terminal(_report(flags=("no-url",)))
    lines = text.splitlines()
    for doc, line in (("first_article_about_tuvan_herders.txt", 3), ("second_article_about_tuvan_herders.txt", 3)):
        where = f"{LONG_DIR}/{doc}:{line}"
        assert len(where) > 80 and any(where in row for row in lines), where  # longer than the screen, still whole
    assert any(f"{LONG_DIR}/first_article_about_tuvan_herders.txt:8  note 2" in row for row in lines)  # the flag's footnote
    assert "interviewed.[2]" in text  # a footnote marker in a quoted sentence is a note, not part of the word
    assert "…" not in "".join(row for row in lines if LONG_DIR[:20] in row)


def test_contradictions_come_before_near_misses_and_say_where_they_are():
    text = _terminal(_report())
    assert text.index("contradiction · values") < text.index("near-miss · values")
    assert "tuvan · live · in mongolia · between articles" in text


# -- flags under their own heading ---------------------------------------------------------------------

def test_a_flags_note_is_shown_only_under_that_flag():
    text = _terminal(_report(flags=("insecure-scheme", "publisher-domain-mismatch")), width=120)
    insecure = text[text.index("insecure-scheme ·"):text.index("publisher-domain-mismatch ·")]
    publisher = text[text.index("publisher-domain-mismatch ·"):]
    assert "does not own" not in insecure
    assert "'Example News' does not own 127.0.0.1" in publisher


# -- how a figure reads, plurals, the last line -----------------------------------------------------------

@pytest.mark.parametrize(("bound", "value", "low", "high", "reads"), [
    (Bound.EXACT, 35, 35, 35, "35"),
    (Bound.APPROX, 1.8e6, 1.62e6, 1.98e6, "about 1,800,000"),
    (Bound.OVER, 200000, 200000, float("inf"), "more than 200,000"),
    (Bound.AT_LEAST, 12, 12, float("inf"), "at least 12"),
    (Bound.UNDER, 50, float("-inf"), 50, "less than 50"),
    (Bound.AT_MOST, 7, float("-inf"), 7, "at most 7"),
    (Bound.RANGE, None, 1.25e6, 1.5e6, "1,250,000 to 1,500,000"),
])
def test_a_claims_hedge_reads_in_words(bound, value, low, high, reads):
    doc = Document("d", "d.txt", "d.txt", "Some 9 herders.\n", "utf-8", "txt")
    claim = _claim(doc, "Some 9", low, high, bound, value)
    assert reads_as(claim) == reads


def test_claims_table_never_shows_the_enum(tmp_path):
    folder = _articles(tmp_path / "in", a=RANGE_ARTICLE, b=POINT_ARTICLE + "Some 40 herders and exactly 12 yurts.\n")
    result = runner.invoke(app, ["scan", str(folder), "--offline", "--claims"], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert "Bound." not in result.stdout and "about 40" in result.stdout and "2,100,000 to 2,400,000" in result.stdout


def test_one_of_each_is_singular():
    console = Console(record=True, width=200, force_terminal=False, color_system=None)
    report = _report()
    render_summary(Report(documents=report.documents[:1], claims=report.claims[:1], reconciled=True,
                          conflicts=report.conflicts[:1], groups=report.groups[:1]), console)
    line = console.export_text()
    assert "1 document ·" in line and "1 numeric claim ·" in line and "1 group ·" in line
    assert "1 conflict (0 contradictions, 1 near miss)" in line and "0 citations (0 flags)" in line
    assert re.search(r"\b1 (documents|contradictions|near misses|groups)\b", line) is None


def test_agreeing_groups_count_documents_without_brackets():
    report = _report()
    agreeing = Report(documents=report.documents, claims=report.claims, reconciled=True,
                      groups=(Group("g2", "herder · interview", "k", (report.claims[2].id,), Kind.COUNT),))
    text = _terminal(agreeing, width=200)
    assert "1 claim in 1 document" in text and "document(s)" not in text


def test_the_last_line_says_nothing_failed_and_what_is_worth_a_look(tmp_path):
    folder = _articles(tmp_path / "in", a=RANGE_ARTICLE, b=POINT_ARTICLE)
    result = runner.invoke(app, ["scan", str(folder), "--offline"])
    last = result.stderr.strip().splitlines()[-1]
    assert result.exit_code == 0 and last.startswith("✓ Nothing fails this run (exit 0)") and "1 conflict" in last


def test_the_last_line_says_what_failed_the_run_and_what_to_do(tmp_path):
    folder = _articles(tmp_path / "in", a=RANGE_ARTICLE, b=POINT_ARTICLE)
    result = runner.invoke(app, ["scan", str(folder), "--offline", "--fail-on", "conflicts", "-f", "json"])
    last = result.stderr.strip().splitlines()[-1]
    assert result.exit_code == 1 and last.startswith("✗ This run fails (exit 1).") and "correct the figures" in last
    assert json.loads(result.stdout)["conflicts"]  # stdout stays data


# -- bad input fails clearly ---------------------------------------------------------------------------

def test_an_empty_folder_is_a_usage_error(tmp_path):
    (tmp_path / "empty").mkdir()
    for command in (["scan", "--offline"], ["extract"], ["links"]):
        result = runner.invoke(app, [command[0], str(tmp_path / "empty"), *command[1:]])
        assert result.exit_code == 2 and "nothing to read" in result.stderr and "empty folder" in result.stderr


def test_a_folder_of_unsupported_files_names_them_and_how_to_convert(tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "story.docx").write_bytes(b"PK\x03\x04 not really a document")
    (folder / "report.pdf").write_bytes(b"%PDF-1.4 not really a document")
    result = runner.invoke(app, ["scan", str(folder), "--offline"])
    assert result.exit_code == 2 and result.stdout == ""
    assert "2 files in formats claimcheck does not read (.docx, .pdf)" in result.stderr
    assert ".md" in result.stderr and ".txt" in result.stderr and "pandoc" in result.stderr and "pdftotext" in result.stderr


def test_filters_that_leave_nothing_say_so(tmp_path):
    folder = _articles(tmp_path / "in", a=RANGE_ARTICLE)
    result = runner.invoke(app, ["scan", str(folder), "--offline", "--exclude", "*.txt"])
    assert result.exit_code == 2 and "left out by include/exclude" in result.stderr


@pytest.mark.parametrize("target", ["folder", "file"])
def test_reconcile_given_articles_says_it_reads_ledgers(tmp_path, target):
    folder = _articles(tmp_path / "in", a=RANGE_ARTICLE, b=POINT_ARTICLE)
    path = folder if target == "folder" else folder / "a.txt"
    result = runner.invoke(app, ["reconcile", str(path)])
    assert result.exit_code == 2 and "--ledger" in result.stderr and f"claimcheck scan {path}" in result.stderr
    assert ("holds 2 articles and no ledger" if target == "folder" else "an article, not a claim ledger") in result.stderr


def test_offline_and_require_network_contradict(tmp_path):
    folder = _articles(tmp_path / "in", a=RANGE_ARTICLE)
    result = runner.invoke(app, ["scan", str(folder), "--offline", "--require-network"])
    assert result.exit_code == 2 and "contradict" in result.stderr and result.stdout == ""


@pytest.mark.parametrize(("given", "suggested"), [("jsn", "json"), ("sarf", "sarif"), ("markdwon", "markdown")])
def test_a_misspelt_format_suggests_the_closest(tmp_path, given, suggested):
    folder = _articles(tmp_path / "in", a=RANGE_ARTICLE)
    result = runner.invoke(app, ["scan", str(folder), "--offline", "-f", given], env={"COLUMNS": "200"})
    assert result.exit_code == 2 and f"Did you mean '{suggested}'?" in result.stderr


@pytest.mark.parametrize("given", ["SARIF", "Json", "TEXT"])
def test_a_format_in_any_case_is_that_format(tmp_path, given):
    folder = _articles(tmp_path / "in", a=RANGE_ARTICLE)
    result = runner.invoke(app, ["scan", str(folder), "--offline", "-f", given])
    assert result.exit_code == 0, result.stderr
    if given != "TEXT":
        json.loads(result.stdout)


@pytest.mark.parametrize("command", ["scan", "extract", "links", "reconcile", "report"])
def test_help_shows_what_a_person_types(command):
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for internal in ("<bool>", "<list[str]>", "<str>", "<path>", "{paths}", "{files}", "{ledgers}"):
        assert internal not in result.stdout, internal
    assert re.search(r"Usage: claimcheck \w+ \[OPTIONS\] (PATHS|FILES|LEDGERS)\.\.\.|REPORT\.json", result.stdout)


def test_help_keeps_the_extra_in_brackets():
    result = runner.invoke(app, ["scan", "--help"], env={"COLUMNS": "200"})
    assert "claimcheck-news[dask]" in result.stdout  # rich read "[dask]" as markup and dropped it


# -- the size limit ------------------------------------------------------------------------------------

def test_a_file_over_the_limit_says_the_limit_as_configured(tmp_path):
    folder = _articles(tmp_path / "in", small=RANGE_ARTICLE, big="About 40 herders. " * 200)
    config = tmp_path / "claimcheck.toml"
    config.write_text("max_bytes = 2048\n")
    result = runner.invoke(app, ["scan", str(folder), "--offline", "--config", str(config)])
    assert result.exit_code == 1
    assert "over the limit, max_bytes = 2048 (2 KiB)" in result.stderr and "3.5 KiB (3600 bytes)" in result.stderr
    config.write_text("max_bytes = 2048\nfail_on_skipped = false\n")
    result = runner.invoke(app, ["scan", str(folder), "--offline", "--config", str(config)])
    assert result.exit_code == 0 and "skipped" in result.stderr


def test_the_readme_documents_the_size_limit_and_what_a_skip_does():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "fail_on_skipped" in readme and "max_bytes" in readme


# -- installing ------------------------------------------------------------------------------------------

def test_the_distribution_is_ours_and_the_command_stays():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "claimcheck-news" and project["scripts"] == {"claimcheck": "claimcheck.cli:main"}
    assert "claimcheck-news[dask]" in project["optional-dependencies"]["test"]


def test_every_install_instruction_names_this_project():
    from claimcheck.engines.parquet import INSTALL

    assert "claimcheck-news[dask]" in INSTALL
    texts = [(ROOT / "README.md").read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in (ROOT / "claimcheck").rglob("*.py")]
    for text in texts:
        assert re.search(r"(?<![-\w])claimcheck\[", text) is None  # "claimcheck[dask]" installs another project


def test_setup_installs_the_test_extra_only_when_asked():
    setup = (ROOT / "scripts" / "setup").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "--test) extras=" in setup and "./scripts/setup --test && .venv/bin/python -m pytest -q" in ci
    assert "./scripts/setup && .venv/bin/claimcheck scan seeds/" in readme
    assert "./scripts/setup --test && .venv/bin/python -m pytest -q" in readme
