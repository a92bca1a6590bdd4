"""Issue 9: cost stays linear in the input. Each shape here was quadratic (tens of seconds).

Budgets are CPU seconds of this process (not wall time, which other jobs on the machine skew) and
generous: the linear code takes a few hundredths of them.
"""
from __future__ import annotations

import time

import pytest

from claimcheck.citations.audit import audit_citations, load_publishers
from claimcheck.citations.footnotes import clean_url, parse_notes, split_footnote
from claimcheck.documents import read_document

OWNERS = load_publishers()


def cpu_seconds(fn) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def whole_stage(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")

    def run():
        doc = read_document(path)
        audit_citations(doc, parse_notes(doc), OWNERS)

    return run


@pytest.mark.parametrize("name, text, budget", [
    # 20,000-item HTML <ol>: each <li> looked up its own index among its siblings (43 s)
    ("ol.html", "<p>Claim<sup>1</sup>.</p><h2>Notes</h2><ol>"
     + "".join(f"<li>A, <a href='https://a.org/{i}'>x</a></li>" for i in range(20_000)) + "</ol>", 6.0),
    # one footnote of 100,000 opening quotes: the title pattern backtracked from each (26 s)
    ("quotes.txt", "Claim.1\n\nNotes\n1. " + "“" * 100_000 + "\n", 3.0),
    # a URL followed by 300,000 ")": every trimmed character recounted the brackets (78 s)
    ("parens.txt", "Claim.1\n\nNotes\n1. A, https://a.org/x" + ")" * 300_000 + "\n", 3.0),
    # 40,000 "Notes" headings: each searched the rest of the text for an entry
    ("headings.txt", "Claim.\n" + "Notes\n" * 40_000 + "\n1. A, https://a.org/x\n", 3.0),
    # 40,000 glued markers: each compared with every marker found before it
    ("glued.txt", "Word1 " * 40_000 + "\n\nNotes\n1. A, https://a.org/x\n", 3.0),
    # 40,000 plain-text notes: each trimmed a copy of the text up to its end
    ("notes.txt", "Claim.1\n\n" + "".join(f"{i}. A, “T,” BBC, https://a.org/{i}\n" for i in range(1, 40_001)), 6.0),
])
def test_stages_are_linear(tmp_path, name, text, budget):
    assert cpu_seconds(whole_stage(tmp_path, name, text)) < budget


def test_clean_url_and_split_footnote_are_linear():
    assert cpu_seconds(lambda: clean_url("https://a.org/x" + ")" * 300_000)) < 1.0
    assert cpu_seconds(lambda: split_footnote("“" * 100_000)) < 1.0
    assert cpu_seconds(lambda: split_footnote(("“a" * 50 + "\n") * 2000)) < 1.0


@pytest.mark.parametrize("body, title", [
    ("A, “Title,” BBC, 2019", "Title"),
    ('A, "Title," BBC', "Title"),
    ("“One” and “Two”", "One” and “Two"),           # greedy, as the pattern always was
    ("“a\n“Real title” BBC", "Real title"),       # a title never runs across a line
    ("““”", "“"),
    ("“”", None),
    ('"', None),
])
def test_title_between_quotes(body, title):
    assert split_footnote(body)[1] == title
