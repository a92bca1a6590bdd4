"""Fuzzing reconciliation and the reports (issue 20): no figure can end a run.

Two targets, run here with a few hundred derandomised examples and by `scripts/fuzz.py` with
20,000 each:

- **claims**: Claims with extreme fields (zero, negative, huge, subnormal, NaN and infinite figures,
  a low above its high, odd units, bounds and frames, repeated ids), reconciled strictly (what a
  block raises fails the example) and rendered in every format; the JSON must be valid JSON.
- **ledgers**: hostile JSON Lines ledgers (wrong types, NaN, swapped bounds, duplicate ids, huge
  integers, nesting) through `reconcile_ledgers`, as `claimcheck reconcile LEDGER` runs them: a
  ledger is reconciled, or refused with a LedgerError/UsageError naming the file; nothing else.
"""
from __future__ import annotations

import io
import json
import math
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from rich.console import Console

from claimcheck.config import Settings
from claimcheck.errors import UsageError
from claimcheck.formats import SCAN_FORMATS
from claimcheck.formats.chart import Interval, chart
from claimcheck.formats.html import render_html
from claimcheck.formats.terminal import render_scan
from claimcheck.model import Bound, Citation, Claim, Document, Frame, Kind, Report
from claimcheck.pipeline import reconcile_ledgers
from claimcheck.reconcile import reconcile

from .test_fuzz import Target, fuzz_settings

_TMP = tempfile.TemporaryDirectory(prefix="claimcheck-fuzz-ledgers-")

# ---- claims -----------------------------------------------------------------------------------

EXTREME = [0.0, -0.0, 1.0, -1.0, 32.0, 58.0, 1e6, 1.8e6, 1e15, 1e300, -1e300, 1.7976931348623157e308, 5e-324,
           math.nan, math.inf, -math.inf, 2.0**53 + 1]
figures = st.one_of(st.none(), st.sampled_from(EXTREME), st.floats(allow_nan=True, allow_infinity=True),
                    st.integers(-10**6, 10**6).map(float))
UNITS = [None, "percent", "USD", "EUR", "km", "mi", "m2", "EB", "B", "kg", "°F", "K", "°C", "s", "W", "per 1,000", "zz"]
SCOPES = ["part", "other", "total", "change", "killed or injured"]
# Made-up sentences of the shapes reconciliation reads: breakdowns, totals, cited titles, plain figures.
SENTENCES = ["41 of the 0 residents were fishers, followed by 17 farmers.",
             "Of 90 boats, 40 were sold, 30 sunk and one each lost, burned and stolen.",
             "About 2.5 million voters in Ruritania backed the plan in 2021.",
             "More than 35 towns joined.3", "Nearly a million trees were planted in Zembla since 1991.",
             "Between -5 and 5 degrees were recorded.", "", "x: y: z"]


@st.composite
def claim(draw: Any, doc: str, start: int) -> Claim:
    kind = draw(st.sampled_from(list(Kind)))
    sentence = draw(st.sampled_from(SENTENCES))
    quote = draw(st.sampled_from([sentence[:2] or "0", "0", "1e300", "about 2.5 million", "32", "one each"]))
    frame = draw(st.one_of(st.none(), st.builds(
        Frame, entity=st.sampled_from([None, "", "resident", "residents", "voter", "town", "tree", "fisher"]),
        event=st.sampled_from([None, "back", "join", "plant", "sell"]), place=st.sampled_from([None, "ruritania", "zembla"]),
        time=st.sampled_from([None, "2021", "2021-07", "1991/..", "1991/2020", "bogus", "9999-99"]),
        scope=st.lists(st.sampled_from(SCOPES), max_size=2, unique=True).map(tuple),
        source=st.sampled_from([None, "footnote 3", "the ministry", "a rights group"]), proper=st.booleans())))
    return Claim(
        id=f"{doc}:{start}", doc=f"{doc}.txt", start=start, end=start + len(quote), quote=quote, kind=kind,
        bound=draw(st.one_of(st.none(), st.sampled_from(list(Bound)))), value=draw(figures), low=draw(figures),
        high=draw(figures), unit=draw(st.sampled_from(UNITS)), subject="things", sentence=sentence,
        citations=tuple(draw(st.lists(st.integers(0, 4), max_size=3))), cited_in=draw(st.sampled_from([None, None, 1, 3])),
        duplicate_of=draw(st.sampled_from([None, None, None, f"{doc}:0"])), line=draw(st.integers(1, 3)),
        doc_id=doc, path=f"{doc}.txt", frame=frame, time=None if frame is None else frame.time)


@st.composite
def claim_sets(draw: Any) -> list[Claim]:
    out = []
    for n in range(draw(st.integers(1, 10))):
        doc = draw(st.sampled_from(["a", "b", "c"]))
        out.append(draw(claim(doc, draw(st.sampled_from([0, 10, 50, n * 7])))))
    return out


def _report(claims: list[Claim], groups: Any, conflicts: Any) -> Report:
    docs = sorted({c.doc_id for c in claims})
    text = {d: " ".join(sorted({c.sentence for c in claims if c.doc_id == d})) + " " * 80 for d in docs}
    documents = tuple(Document(d, f"{d}.txt", f"{d}.txt", text[d], "utf-8", "txt") for d in docs)
    citations = tuple(Citation(f"{d}.txt", n, (f"https://example.org/{n}",), None, "35 towns", None, None, (), (),
                               doc_id=d) for d in docs for n in (1, 3))
    return Report(documents=documents, claims=tuple(claims), citations=citations, groups=groups, conflicts=conflicts,
                  reconciled=True)


def _no_constant(name: str) -> Any:
    raise AssertionError(f"{name} in JSON output")


def check_claims(claims: list[Claim]) -> None:
    cites = [Citation(c.doc, n, (), None, None, None, None, (), (), doc_id=c.doc_id) for c in claims for n in (1, 3)]
    groups, conflicts = reconcile(claims, cites)  # strict: what a block raises fails the example
    for k in conflicts:
        assert k.gap is None or math.isfinite(k.gap), k
    for g in groups:
        assert all(x is None or math.isfinite(x) for x in (g.low, g.high)), g
    report = _report(claims, groups, conflicts)
    for name, render in SCAN_FORMATS.items():
        out = render(report)
        if name in ("json", "sarif"):
            json.loads(out, parse_constant=_no_constant)
        if name == "jsonl":
            for line in out.splitlines():
                json.loads(line, parse_constant=_no_constant)
    render_scan(report, Console(file=io.StringIO(), width=100), show_claims=True)
    render_html(report, Settings())
    intervals = [Interval(c.id, "AB"[i % 2], c.id, c.low, c.high, c.unit, c.bound.value if c.bound else None)
                 for i, c in enumerate(claims)]
    chart(intervals, conflicts[0].gap if conflicts else None)


# ---- ledgers ----------------------------------------------------------------------------------

json_values = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=8)),
                           lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=4), inner, max_size=3)),
                           max_leaves=8)
FIELDS = ["id", "doc", "start", "end", "quote", "kind", "bound", "value", "low", "high", "unit", "citations", "frame",
          "line", "cited_in", "duplicate_of", "doc_id", "path", "sentence", "subject"]
odd = st.one_of(json_values, st.sampled_from(["abc", "NaN", 1e308, -1e308, 10**400, 2**63, -1, 0, [], {}, [{"a": 1}], True,
                                              "range", ">=", "count", "measure", "EB"]))


@st.composite
def ledger_line(draw: Any, n: int) -> str:
    doc = draw(st.sampled_from(["a", "b"]))
    start = draw(st.integers(0, 40))
    low, high = sorted([draw(st.floats(-1e6, 1e6)), draw(st.floats(-1e6, 1e6))])
    record: dict[str, Any] = {
        "id": draw(st.sampled_from([f"{doc}:{start}", f"{doc}:0", "a:0"])), "doc": f"{doc}.txt", "doc_id": doc,
        "path": f"{doc}.txt", "start": start, "end": start + 3, "quote": "abc", "kind": draw(st.sampled_from([k.value for k in Kind])),
        "bound": draw(st.sampled_from([b.value for b in Bound] + [None])), "value": (low + high) / 2, "low": low, "high": high,
        "unit": draw(st.sampled_from(UNITS)), "citations": [1], "sentence": "abc", "line": 1,
        "frame": {"entity": draw(st.sampled_from(["voter", "town"])), "event": None, "place": None,
                  "time": draw(st.sampled_from([None, "2021", "bogus"])), "scope": [], "source": None, "proper": False},
    }
    for _ in range(draw(st.integers(0, 3))):  # break a few fields
        key = draw(st.sampled_from(FIELDS))
        if draw(st.booleans()):
            record[key] = draw(odd)
        else:
            record.pop(key, None)
    if draw(st.booleans()):
        record["low"], record["high"] = record.get("high"), record.get("low")  # swapped bounds
    if draw(st.integers(0, 9)) == 0:
        record["frame"] = draw(odd)
    text = json.dumps(record, allow_nan=True)  # NaN and Infinity too: JSON's own reader must refuse them
    return draw(st.sampled_from([text, text, text, text[: len(text) // 2], "", "[" * 3000]))


ledgers = st.integers(1, 8).flatmap(lambda k: st.tuples(*[ledger_line(i) for i in range(k)]))


def check_ledger(lines: tuple[str, ...]) -> None:
    path = Path(_TMP.name) / "claims.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    try:
        report = reconcile_ledgers([str(path)], Settings())
    except UsageError as exc:  # a LedgerError among them: named by file (and line)
        assert str(path) in str(exc), exc
        return
    assert not report.faults, report.faults
    json.loads(SCAN_FORMATS["json"](report), parse_constant=_no_constant)


LEDGER_ALWAYS = (
    ('{"id": "a:0", "doc": "a.txt", "start": 0, "end": 9, "quote": "About 150", "kind": "count", "value": "abc"}',),
    ('{"id": "a:0", "doc": "a.txt", "start": 0, "end": 9, "quote": "About 150", "kind": "count", "citations": [{"a": 1}]}',),
    tuple(json.dumps({"id": f"{d}:0", "doc": f"{d}.txt", "path": f"{d}.txt", "start": 0, "end": 8, "quote": "1e300 EB",
                      "kind": "measure", "bound": "=", "value": 1e300, "low": 1e300, "high": 1e300, "unit": "EB",
                      "frame": {"entity": "archive", "event": "hold", "scope": []}}) for d in "ab"),
)

TARGETS = [
    Target("reconcile and every format over extreme claims", claim_sets(), check_claims, 150, owner="faults"),
    Target("reconcile LEDGER over hostile ledgers", ledgers, check_ledger, 150, owner="faults", always=LEDGER_ALWAYS),
]


@pytest.mark.parametrize("target", TARGETS, ids=["claims", "ledgers"])
def test_fuzz_reconcile(target: Target) -> None:
    @fuzz_settings(target.examples, derandomize=True)
    @given(target.strategy)
    def run(value: Any) -> None:
        target.check(value)

    for value in target.always:
        run = example(value)(run)
    run()
