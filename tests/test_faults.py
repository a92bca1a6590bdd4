"""Issue 20: no stage can lose the run. Each test is written from a failure the probe found.

- one article's figures (a total of zero) ended the whole scan in a traceback;
- a reconcile block or a document check that raises is that part's Fault, named with its
  documents; the rest of the report is complete and the run exits 1 (incomplete), not a traceback;
- arithmetic on zero, negative, huge and non-finite figures, and a low above its high;
- crafted ledgers and configs are usage errors (2) naming the file, not tracebacks;
- a renderer that fails on one item renders the rest; a report shows at most MAX_SHOWN conflicts.

Faults are injected (monkeypatch) only where no real input still raises once the bugs are fixed.
"""
from __future__ import annotations

import dataclasses
import json
import math

import pytest
from typer.testing import CliRunner

import claimcheck.reconcile as reconcile_package
from claimcheck.cli import app
from claimcheck.config import ReconcileSettings
from claimcheck.errors import OutputError
from claimcheck.formats.chart import MAX_TICKS, Interval, chart
from claimcheck.formats.html import render_html
from claimcheck.formats.isolate import MAX_SHOWN, capped, render_capped, render_safely
from claimcheck.model import Bound, Claim, Conflict, ConflictKind, Document, Frame, Group, Kind, Report, Severity
from claimcheck.reconcile import reconcile, reconcile_safely, safe
from claimcheck.reconcile.intervals import gap, interval_of, share

runner = CliRunner()


def strict_json(text: str):
    def refuse(name):
        raise AssertionError(f"{name} is not JSON")
    return json.loads(text, parse_constant=refuse)


def figure(doc: str, value: float | None, low: float | None = None, high: float | None = None, bound=Bound.EXACT,
           unit: str | None = None, entity: str = "voter", kind: Kind = Kind.COUNT, start: int = 0) -> Claim:
    """A made-up claim: `value` voters backed the plan in Ruritania in 2021, as article `doc` says."""
    return Claim(id=f"{doc}:{start}", doc=f"{doc}.txt", start=start, end=start + 3, quote=f"{value}", kind=kind,
                 bound=bound, value=value, low=value if low is None else low, high=value if high is None else high,
                 unit=unit, subject="voters", sentence=f"{value} voters backed the plan.", doc_id=doc, path=f"{doc}.txt",
                 frame=Frame(entity=entity, event="back", place="ruritania", time="2021"))


# ---- one line of text crashed the whole scan ----------------------------------------------------

def test_a_breakdown_of_a_total_of_zero_does_not_end_the_scan(tmp_path):
    (tmp_path / "one.txt").write_text("41 of the 0 delegates were Ruritanians, followed by 17 Zemblans.\n")
    (tmp_path / "two.txt").write_text("About 2.5 million voters in Ruritania backed the plan in 2021.\n")
    result = runner.invoke(app, ["scan", str(tmp_path), "--offline", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = strict_json(result.stdout)
    assert {c["doc_id"] for c in report["claims"]} == {"one", "two"} and report["faults"] == []
    (breakdown,) = [c for c in report["conflicts"] if c["kind"] == "breakdown"]
    assert breakdown["gap"] is None and "more than the stated total of 0" in breakdown["reason"]


# ---- a part that raises is that part's Fault ----------------------------------------------------

def poison(monkeypatch):
    """Make every block holding a claim of a document named `poisons-*` raise, as a bug would."""
    real = safe.reconcile_block

    def reconcile_block(key, claims, settings):
        if any(c.doc_id.startswith("poisons") for c in claims):
            raise ZeroDivisionError("float division by zero")
        return real(key, claims, settings)

    monkeypatch.setattr(safe, "reconcile_block", reconcile_block)
    monkeypatch.setattr(reconcile_package, "reconcile_block", reconcile_block)  # the strict path's


def test_a_block_that_raises_is_a_fault_naming_its_documents_and_the_rest_is_complete(monkeypatch):
    poison(monkeypatch)
    claims = [figure("poisons-a", 100.0), figure("b", 300.0), figure("c", 7.0, entity="town"),
              figure("d", 70.0, entity="town")]
    _, conflicts, faults = reconcile_safely(claims)
    (fault,) = faults
    assert fault.stage == "reconcile" and fault.part == "block count||voter"
    assert fault.documents == ("b.txt", "poisons-a.txt") and fault.reason == "ZeroDivisionError: float division by zero"
    assert "could not reconcile block count||voter" in fault.message and "please report it" in fault.message
    assert [c.claims for c in conflicts] == [("c:0", "d:0")]  # the town block is complete
    with pytest.raises(ZeroDivisionError):
        reconcile(claims)  # the strict entry point lets it through, for tests and library callers


@pytest.mark.parametrize("config, code", [("", 1), ("fail_on_skipped = false\n", 0)])
def test_an_incomplete_run_exits_1_unless_told_not_to(monkeypatch, tmp_path, config, code):
    poison(monkeypatch)
    (tmp_path / "poisons-a.txt").write_text("About 2.5 million voters in Ruritania backed the plan in 2021.\n")
    (tmp_path / "b.txt").write_text("Some 4 million voters in Ruritania backed the plan in 2021.\n")
    (tmp_path / "claimcheck.toml").write_text(config)
    result = runner.invoke(app, ["scan", str(tmp_path), "--offline", "-f", "json", "--config",
                                 str(tmp_path / "claimcheck.toml")])
    assert result.exit_code == code, result.stderr
    report = strict_json(result.stdout)
    (fault,) = report["faults"]
    assert fault["stage"] == "reconcile" and sorted(fault["documents"]) == [str(tmp_path / "b.txt"),
                                                                            str(tmp_path / "poisons-a.txt")]
    assert len(report["claims"]) == 2  # the block's claims stay in the report
    assert "not checked: could not reconcile block" in result.stderr
    if code:
        assert "1 part(s) of the run could not be checked" in result.stderr


def test_a_document_check_that_raises_is_that_document_s_fault(monkeypatch):
    def check_document(doc, claims, citations, settings):
        raise KeyError(doc)

    monkeypatch.setattr(safe, "check_document", check_document)
    _, conflicts, faults = reconcile_safely([figure("a", 1.0), figure("b", 5.0)])
    assert [(f.stage, f.documents) for f in faults] == [("check", ("a.txt",)), ("check", ("b.txt",))]
    assert conflicts and conflicts[0].claims == ("a:0", "b:0")


# ---- arithmetic that cannot fail --------------------------------------------------------------

@pytest.mark.parametrize("a, b, words", [
    (-10.0, -5.0, "-5 is 50% above -10"),  # a negative lower end: measured from its size, not its sign
    (0.0, 5.0, "5 is far above 0"),  # a lower end of zero: no finite share
    (-1e308, 1e308, "far above"),  # a difference beyond a float
    (1e300, 3e300, "200% above"),
])
def test_the_gap_between_extreme_figures(a, b, words):
    size, said = gap(figure("a", a), figure("b", b))
    assert size >= 0 and words in said


@pytest.mark.parametrize("claim, expect", [
    (figure("a", math.nan), None),
    (figure("a", math.inf), None),
    (figure("a", 1e300, unit="EB", kind=Kind.MEASURE), None),  # 1e318 bytes: beyond a float
    (figure("a", 5.0, low=9.0, high=1.0, bound=Bound.APPROX), (1.0, 9.0)),  # a low above its high, put in order
    (figure("a", None, low=-math.inf, high=math.inf, bound=Bound.RANGE), (-math.inf, math.inf)),
    (dataclasses.replace(figure("a", -5.0, bound=Bound.UNDER), low=None), (-math.inf, -5.0)),  # "under -5" has no floor
])
def test_intervals_of_extreme_claims(claim, expect):
    i = interval_of(claim)
    assert (None if i is None else (i.low, i.high)) == expect


@pytest.mark.parametrize("part, whole, expect", [(1.0, 0.0, None), (1.0, math.nan, None), (math.inf, 1.0, None),
                                                 (1e308, 1e-308, None), (1.0, 4.0, 0.25), (-1.0, 4.0, -0.25)])
def test_share(part, whole, expect):
    assert share(part, whole) == expect


def test_two_claims_of_1e300_exabytes_are_valid_json(tmp_path):
    ledger = tmp_path / "claims.jsonl"
    ledger.write_text("".join(json.dumps({
        "id": f"{d}:0", "doc": f"{d}.txt", "path": f"{d}.txt", "start": 0, "end": 8, "quote": "1e300 EB",
        "kind": "measure", "bound": "=", "value": 1e300, "low": 1e300, "high": 1e300, "unit": "EB",
        "frame": {"entity": "archive", "event": "hold", "scope": []}}) + "\n" for d in "ab"))
    result = runner.invoke(app, ["reconcile", str(ledger), "-f", "json"])
    assert result.exit_code == 0 and "Infinity" not in result.stdout
    assert all(g["low"] is None or math.isfinite(g["low"]) for g in strict_json(result.stdout)["groups"])


@pytest.mark.parametrize("ends", [
    [(-1e308, -1e308), (1e308, 1e308)],  # OverflowError in the tick step
    [(1e16, 1e16), (1e16 + 2, 1e16 + 2)],  # a step lost in rounding: the tick loop never ended
    [(0.0, 5e-324), (5e-324, 5e-324)],
    [(math.nan, 3.0), (9.0, 1.0)],
    [(0.0, 0.0), (0.0, 0.0)],
])
def test_charts_of_extreme_intervals(ends):
    drawn = chart([Interval(f"k{i}", "AB"[i], "x", lo, hi) for i, (lo, hi) in enumerate(ends)], 1e300)
    assert drawn is not None and 1 <= len(drawn.ticks) <= MAX_TICKS + 1
    assert all(math.isfinite(v) for b in drawn.bars for v in (b.x, b.width, b.text_x))
    assert all(math.isfinite(t.x) for t in drawn.ticks)


# ---- crafted ledgers and configs are usage errors ------------------------------------------------

@pytest.mark.parametrize("extra, why", [({"value": "abc"}, "'value' must be a number or null, not 'abc'"),
                                        ({"citations": [{"a": 1}]}, "'citations' must be a list of footnote numbers"),
                                        ({"low": 9, "high": 1}, "'low' (9.0) is above 'high' (1.0)"),
                                        ({"frame": {"scope": "other"}}, "'frame.scope' must be a list of strings")])
def test_crafted_ledger_lines_are_usage_errors_naming_file_and_line(tmp_path, extra, why):
    ledger = tmp_path / "claims.jsonl"
    line = {"id": "a:0", "doc": "a.txt", "start": 0, "end": 9, "quote": "About 150", "kind": "count", **extra}
    clean = {k: v for k, v in line.items() if k not in extra}
    ledger.write_text(json.dumps({**clean, "id": "a:20"}) + "\n" + json.dumps(line) + "\n")
    result = runner.invoke(app, ["reconcile", str(ledger)])
    assert result.exit_code == 2 and f"{ledger}:2: not a claim: " in result.stderr and why in result.stderr


def test_a_ledger_naming_one_id_twice_is_refused(tmp_path):
    ledger = tmp_path / "claims.jsonl"
    line = {"id": "a:0", "doc": "a.txt", "start": 0, "end": 9, "quote": "About 150", "kind": "count"}
    ledger.write_text(json.dumps(line) + "\n" + json.dumps({**line, "start": 5}) + "\n")
    result = runner.invoke(app, ["reconcile", str(ledger)])
    assert result.exit_code == 2 and "id 'a:0' is already used on line 1" in result.stderr


@pytest.mark.parametrize("text, why", [("jobs = " + "1" * 5000, "a number has too many digits"),
                                       ("include = " + "[" * 5000 + "]" * 5000, "nested too deep"),
                                       ("jobs = " + "1" * 4000, "not a 4000-digit number")])
def test_a_config_of_huge_or_deep_values_is_a_usage_error(tmp_path, text, why):
    (tmp_path / "claimcheck.toml").write_text(text + "\n")
    (tmp_path / "a.txt").write_text("About 150 people marched.\n")
    result = runner.invoke(app, ["scan", str(tmp_path / "a.txt"), "--offline", "--config", str(tmp_path / "claimcheck.toml")])
    assert result.exit_code == 2 and why in result.stderr and len(result.stderr) < 2000


# ---- renderers: one item's failure, and the size of a report ------------------------------------

def many_conflicts(n: int) -> Report:
    claims = tuple(figure(f"d{i:05d}", 100.0 + i) for i in range(n + 1))
    group = Group("g-1", "voters", "count||voter", tuple(c.id for c in claims), Kind.COUNT, agrees=False)
    conflicts = tuple(Conflict(f"c-{i:05d}", "g-1", (claims[0].id, claims[i + 1].id), ConflictKind.VALUES,
                               Severity.NEAR_MISS if i % 2 else Severity.CONTRADICTION, "apart", 0.01) for i in range(n))
    documents = tuple(Document(c.doc_id, c.path, c.doc, c.sentence + "\n", "utf-8", "txt") for c in claims)
    return Report(documents=documents, claims=claims, groups=(group,), conflicts=conflicts, reconciled=True)


def test_a_renderer_that_fails_on_one_item_renders_the_rest_and_names_it():
    report = many_conflicts(40)

    def render(r: Report) -> str:  # a renderer with a bug on one conflict
        if any(c.id == "c-00017" for c in r.conflicts):
            raise ValueError("cannot format it")
        return "".join(f"{c.id}\n" for c in r.conflicts) + "".join(f"left out {f.part}\n" for f in r.faults)

    rendered = render_safely(render, report, "test report")
    assert rendered.text.count("\nc-0") == 38 and "\nc-00017\n" not in rendered.text
    (fault,) = rendered.faults
    assert fault.stage == "render" and fault.part == "conflict c-00017 in the test report"
    assert fault.documents == ("d00000.txt", "d00018.txt") and "ValueError: cannot format it" in fault.message
    assert "left out conflict c-00017 in the test report" in rendered.text


def test_a_renderer_that_cannot_render_anything_is_an_output_error():
    def render(r: Report) -> str:
        raise RuntimeError("broken")

    with pytest.raises(OutputError, match="cannot render the test report: internal error"):
        render_safely(render, many_conflicts(3), "test report")


def test_a_report_shows_at_most_max_shown_conflicts_and_says_how_many_it_left_out():
    report = many_conflicts(MAX_SHOWN + 500)
    shown, note = capped(report)
    assert len(shown.conflicts) == MAX_SHOWN and note is not None and "500 of 1,500 conflicts" in note
    assert sum(c.severity is Severity.CONTRADICTION for c in shown.conflicts) == 750  # the loud ones first
    page = render_capped(render_html, report, "HTML report").text
    assert page.count('class="conflict') <= MAX_SHOWN * 2 and "500 of 1,500 conflicts" in page
    assert capped(many_conflicts(10)) == (many_conflicts(10), None)


def test_reconcile_settings_default_is_used_by_reconcile_safely():
    assert reconcile_safely([figure("a", 1.0)], (), ReconcileSettings()) == ((), (), ())


def test_a_file_that_kills_its_extraction_process_costs_only_that_file(monkeypatch, tmp_path):
    import os

    from claimcheck import pipeline
    from claimcheck.config import Settings

    real = pipeline.read_document

    def read_document(path, *args, **kwargs):  # worker processes are forked: they inherit this
        if path.name.startswith("kills-"):
            os._exit(13)  # what a crash in C code or the memory limit does to a process
        return real(path, *args, **kwargs)

    monkeypatch.setattr(pipeline, "read_document", read_document)
    for name in ("a", "kills-b", "c", "d", "e"):
        (tmp_path / f"{name}.txt").write_text(f"Some {len(name) * 100} fishers lived in Vorland in 2019 ({name}).\n")
    report = pipeline.scan([str(tmp_path)], Settings(offline=True, jobs=2))
    (lost,) = report.skipped
    assert lost.path.endswith("kills-b.txt") and lost.error and "worker process died" in lost.reason
    assert [d.name for d in report.documents] == ["a.txt", "c.txt", "d.txt", "e.txt"] and len(report.claims) == 4


def test_a_saved_report_with_a_crafted_claim_is_a_usage_error(tmp_path):
    saved = tmp_path / "report.json"
    saved.write_text(json.dumps({"claims": [{"id": "a:0", "doc": "a.txt", "start": 0, "end": 3, "quote": "abc",
                                             "kind": "count", "value": "abc"}]}))
    result = runner.invoke(app, ["report", str(saved), "--html", str(tmp_path / "page.html")])
    assert result.exit_code == 2 and "claim 1: 'value' must be a number or null" in result.stderr


def test_a_link_check_that_raises_is_a_fault_and_the_claims_stand(monkeypatch, tmp_path):
    import claimcheck.links as links

    def check_links(targets, settings, progress=None):
        raise RuntimeError("event loop is closed")

    monkeypatch.setattr(links, "check_links", check_links)
    (tmp_path / "a.txt").write_text("Some 400 fishers lived in Vorland in 2019.1\n\nNotes\n1. A. Author, "
                                    "\u201cFishers\u201d, Reuters, 2019, http://127.0.0.1:9/fishers\n")
    result = runner.invoke(app, ["scan", str(tmp_path), "-f", "json"])
    assert result.exit_code == 1, result.stderr
    report = strict_json(result.stdout)
    assert len(report["claims"]) == 1 and report["links"] == []
    (fault,) = report["faults"]
    assert fault["stage"] == "links" and fault["documents"] == [str(tmp_path / "a.txt")]
    assert "could not check the links of 1 cited URL(s)" in result.stderr
