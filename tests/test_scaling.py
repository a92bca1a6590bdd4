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


# Issue 20: a page of figures. Each figure was parsed with the 1,000 characters around it (a line
# with no full stop is one "sentence"), and each then walked its whole sentence again: 20 ms a
# figure. Now a long line is read in pieces, each parsed once for all its figures.

def figures(n: int, sep: str) -> str:
    """`n` made-up figures as statistical tables print them: counts, thousands, percentages, signs."""
    shapes = ["{:d}", "{:,d}", "{:d}.5%", "-{:d}"]
    return sep.join(shapes[i % 4].format((i * 7919) % 99_991) for i in range(n))


class CountingModel:
    """The real pipeline, counting what it is given to parse."""

    def __init__(self, nlp) -> None:
        self.nlp, self.texts = nlp, []

    def __getattr__(self, name):
        return getattr(self.nlp, name)

    def pipe(self, texts, **kwargs):
        def counted():
            for text in texts:
                self.texts.append(text)
                yield text
        return self.nlp.pipe(counted(), **kwargs)


@pytest.mark.parametrize("text", [
    figures(3000, " ") + "\n",                                           # one line, spaces
    figures(3000, ", ") + "\n",                                          # one line, commas
    "".join(f"Region {r}\t" + figures(6, "\t") + "\n" for r in range(500)),  # a table, a row a line
    "Officials counted " + figures(3000, " and ") + " households\n",     # one sentence of prose, very long
])
def test_a_page_of_figures_is_parsed_once(make_doc, nlp, text):
    from claimcheck.claims.extract import MAX_SENTENCE, extract_claims

    doc, notes = make_doc(text)
    model = CountingModel(nlp)
    claims = extract_claims(doc, notes, model)
    assert sum(map(len, model.texts)) <= len(text)  # each character at most once (was ~1,000 per figure)
    assert max(map(len, model.texts), default=0) <= MAX_SENTENCE
    assert len(claims) >= 2500 if "Region" not in text else len(claims) >= 3000
    for c in claims:  # no figure was cut in two, and each claim carries its piece, not the page
        assert c.quote in c.sentence and len(c.sentence) <= MAX_SENTENCE


@pytest.mark.parametrize("text, pieces", [
    ("About 40 people marched.", ["About 40 people marched."]),
    # clauses joined by semicolons: each clause with its semicolon, as before
    ("; ".join(["In 2019, 40 people marched in Almaty"] * 40) + ".",
     ["In 2019, 40 people marched in Almaty;"] * 39 + ["In 2019, 40 people marched in Almaty."]),
])
def test_long_sentences_are_read_by_clause(text, pieces):
    from claimcheck.claims.extract import read_pieces

    assert [text[s:e] for s, e in read_pieces(text, (0, len(text)), [])] == pieces


@pytest.mark.parametrize("unit, sep", [
    ("1 234 567", " "),    # thousands grouped by spaces: a space inside a figure is no place to cut
    ("12,345", ", "),
    ("about 300", " "),
])
def test_a_long_line_is_never_cut_inside_a_figure(unit, sep):
    from claimcheck.claims.extract import MAX_SENTENCE, read_pieces

    text = sep.join([unit] * 600)
    spans, at = [], 0
    while (at := text.find(unit, at)) >= 0:
        spans.append((at, at + len(unit)))
        at += len(unit)
    cuts = read_pieces(text, (0, len(text)), spans)
    assert all(e - s <= MAX_SENTENCE for s, e in cuts)
    assert [text[s:e] for s, e in cuts if text[s:e].strip(sep + ";")]  # something read
    inside = [(s, e) for s, e in cuts for a, b in spans if a < s < b or a < e < b]
    assert inside == []
    assert all(any(s <= a and b <= e for s, e in cuts) for a, b in spans)  # every figure in a piece


def test_each_figure_of_a_long_line_keeps_its_own_time_and_place(make_doc, nlp):
    """Pieces share one parse; what each figure reads off it (time, place, subject) is still its own."""
    clauses = [f"In {2000 + i % 20}, {10 + i} people marched in {('Almaty', 'Astana', 'Shymkent')[i % 3]}" for i in range(60)]
    text = "; ".join(clauses) + ".\n"
    claims = [c for c in extract_claims_of(make_doc, nlp, text) if c.time is not None]
    counts = {c.quote: c for c in claims if c.quote.isdigit() and int(c.quote) < 100}
    assert len(counts) == 60
    for i in range(60):
        c = counts[str(10 + i)]
        assert (c.time, c.place) == (str(2000 + i % 20), ("Almaty", "Astana", "Shymkent")[i % 3])
        assert "people" in c.subject and c.sentence.startswith(f"In {2000 + i % 20}, {10 + i} people")


def extract_claims_of(make_doc, nlp, text):
    from claimcheck.claims.extract import extract_claims

    doc, notes = make_doc(text)
    return extract_claims(doc, notes, nlp)


@pytest.mark.parametrize("text, run", [
    ("42 9881 706 72 6680", True),                          # a line of results
    ("425, 988, 706, 723", True),
    ("12.5% 40.1% -3", True),
    ("District 12\t425\t1,757,522\t87.2%\t330,139", True),   # a table's row: one label, five figures
    ("1.5 million 2 million 3 million 4 million", True),    # "million" belongs to its figure
    ("In 2019, 40 people marched in Almaty.", False),        # prose
    ("Officials counted 12, 15 and 19 households.", False),
    ("The vote was 52 to 48 in the north and 61 to 39 in the south.", False),
    ("About 40 people.", False),                              # one figure: no run
])
def test_runs_of_figures_are_told_from_prose(text, run):
    from claimcheck.claims.extract import figure_run
    from claimcheck.claims.numbers import find_quantities

    assert figure_run(text, (0, len(text)), find_quantities(text)) is run


def test_a_run_of_figures_is_not_parsed_and_names_no_subject(make_doc, nlp):
    text = "Some 40 families left the valley in 2019.\n42 9881 706 72 6680 1,234\n"
    doc, notes = make_doc(text)
    model = CountingModel(nlp)
    claims = extract_claims_of_with(model, doc, notes)
    assert model.texts == ["Some 40 families left the valley in 2019."]
    prose, *run = claims
    assert prose.quote == "Some 40" and "families" in prose.subject and prose.frame is not None
    assert [c.quote for c in run] == ["42", "9881", "706", "72", "6680", "1,234"]
    assert all(c.subject == "" and c.frame is None and c.sentence == "42 9881 706 72 6680 1,234" for c in run)


def extract_claims_of_with(model, doc, notes):
    from claimcheck.claims.extract import extract_claims

    return extract_claims(doc, notes, model)


def test_a_figure_of_a_long_run_carries_its_stretch_of_the_line(make_doc, nlp):
    from claimcheck.claims.extract import RUN_SENTENCE

    text = figures(2000, " ") + "\n"
    claims = extract_claims_of(make_doc, nlp, text)
    assert len(claims) >= 1500
    assert all(c.quote in c.sentence and len(c.sentence) <= RUN_SENTENCE for c in claims)
    assert all(text.find(c.sentence) <= c.start < text.find(c.sentence) + len(c.sentence) for c in claims[:50])
