"""Article text, file names and server answers cannot hijack the output (issue 9, section 4)."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.formats import SCAN_FORMATS
from claimcheck.formats.terminal import render_scan
from claimcheck.model import Citation, LinkRef, LinkResult, LinkStatus, Report

runner = CliRunner()
EVIL_URL = "https://example.com/a>![x](https://evil.example/p.png)<img src=x onerror=alert(1)>\n::error file=owned.txt::x"
EVIL_NAME = "story\n::add-mask::secret\r,line=1::x.txt"


def hostile_report() -> Report:
    ref = LinkRef(EVIL_NAME, EVIL_NAME, 3, 1, doc_id="story")
    link = LinkResult(EVIL_URL, LinkStatus.BROKEN, 404, "https://x.example/\x1b[31mred\x07|", "soft 404: title says "
                      "**Not found** | <b>", refs=(ref,))
    cite = Citation(EVIL_NAME, 1, (EVIL_URL,), None, "[/b] title", "Pub [/b]", None, ((0, 1),),
                    ("publisher-domain-mismatch",), ("[/b] 'Pub' does not own \x1b]0;pwned\x07 evil",), 3, doc_id="story")
    return Report(citations=(cite,), links=(link,))


def test_github_annotations_cannot_start_a_command():
    out = SCAN_FORMATS["github"](hostile_report())
    lines = out.splitlines()
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert not any(line.startswith(("::add-mask::", "::error file=owned")) for line in lines)
    assert "\r" not in out
    props = lines[0].split("::")[1]  # "error file=...,line=...,title=..."
    assert props.count(",") == 2 and "%2C" in props and "%3A" in props  # the name's ',' and ':' escaped


def test_markdown_cannot_grow_images_html_or_rows():
    out = SCAN_FORMATS["markdown"](hostile_report())
    assert "<img" not in out and "![x](" not in out and "<b>" not in out
    table = [line for line in out.splitlines() if line.startswith("| broken |")]
    assert len(table) == 1 and table[0].count(" | ") == 4  # one row, five cells: no cell broke out
    assert "%3E" in out  # the '>' that would end the autolink is percent-encoded


def test_junit_and_sarif_stay_well_formed():
    ET.fromstring(SCAN_FORMATS["junit"](hostile_report()))
    sarif = json.loads(SCAN_FORMATS["sarif"](hostile_report()))
    assert "\x1b" not in json.dumps(sarif, ensure_ascii=False)


def test_terminal_prints_markup_and_escapes_as_text():
    from rich.console import Console

    console = Console(record=True, width=100, force_terminal=False)
    render_scan(hostile_report(), console)  # "[/b]" in a note crashed rich before
    text = console.export_text()
    assert "[/b]" in text and "\x1b" not in text and "\x07" not in text


def test_file_names_with_brackets_show_whole(tmp_path):
    name = tmp_path / "report [final].txt"
    name.write_text("There are 1.8 million Kazakhs living in China.", encoding="utf-8")
    other = tmp_path / "b.txt"
    other.write_text("There are 1.2 million Kazakhs living in China.", encoding="utf-8")
    result = runner.invoke(app, ["scan", str(tmp_path), "--offline", "--claims"], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "report [final]" in result.stdout


def test_an_unexpected_error_in_one_document_is_that_documents_skip(tmp_path, monkeypatch):
    from claimcheck.claims import extract

    (tmp_path / "bad.txt").write_text("The machine filled 3 in 0.5 seconds.", encoding="utf-8")
    (tmp_path / "good.txt").write_text("About 150 people marched in Bishkek.", encoding="utf-8")
    real = extract.extract_claims

    def flaky(doc, notes, nlp, aliases=None):
        if doc.name == "bad.txt":
            raise RuntimeError("a bug of ours")
        return real(doc, notes, nlp, aliases)

    monkeypatch.setattr(extract, "extract_claims", flaky)
    result = runner.invoke(app, ["scan", str(tmp_path), "--offline", "-f", "json"])
    report = json.loads(result.stdout)
    assert [d["name"] for d in report["documents"]] == ["good.txt"] and report["claims"]
    (skip,) = report["skipped"]
    assert skip["error"] and "RuntimeError" in skip["reason"] and skip["path"].endswith("bad.txt")
    assert result.exit_code == 1  # findings (a skipped file), not "could not run"


def test_nothing_readable_at_all_is_could_not_run(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"\xef\xbb\xbf  \n")
    result = runner.invoke(app, ["scan", str(tmp_path / "empty.txt"), "--offline"])
    assert result.exit_code == 3 and "empty" in result.stderr


def test_a_quote_is_highlighted_where_it_stands_not_where_its_digits_first_appear():
    from claimcheck.formats.excerpt import excerpt
    from claimcheck.model import Bound, Claim, Kind

    text = "In 1935, 35 people lived there."
    claim = Claim(id="d:9", doc="d.txt", start=9, end=11, quote="35", kind=Kind.COUNT, bound=Bound.EXACT, value=35,
                  low=35, high=35, unit=None, subject="people", sentence=text)
    e = excerpt(claim, text=text)
    assert (e.before, e.quote, e.after) == ("In 1935, ", "35", " people lived there.")
