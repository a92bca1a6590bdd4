"""Footnotes and markers: every shape, the hard glued cases, and malformed lists."""
from __future__ import annotations

import pytest

from claimcheck.citations.footnotes import clean_url, find_urls, iso_date, parse_notes
from claimcheck.claims.extract import extract_claims, load_model
from claimcheck.documents import read_document

from .conftest import SEEDS, SHARED

SEED0 = SEEDS / "000_a19200afb80b3dea.txt"


def test_seed_000_markers_glued_to_words_and_numbers():
    doc = read_document(SEED0)
    notes = parse_notes(doc)
    assert [n.number for n in notes.footnotes] == list(range(1, 16))
    context = {m.number: doc.text[m.start - 10:m.end] for m in notes.markers}
    assert context[2].endswith("Uyghurs2") and context[4].endswith("to 50.4")
    assert context[5].endswith("them.5") and context[7].endswith("rland’)7")
    assert context[9].endswith("policy.’9") and context[10].endswith("sector10")
    four = next(m for m in notes.markers if m.number == 4)
    assert doc.text[four.start - 3:four.end] == "50.4" and four.end - four.start == 1


def test_seed_000_endnote_parts():
    notes = parse_notes(read_document(SEED0))
    two = notes.footnotes[1]
    assert two.authors == "Ben Westcott and Jo Shelley"
    assert two.title.startswith("22 countries sign letter")
    assert (two.publisher, two.date) == ("BBC", "2019-07-11")
    assert two.urls == ("https://www.cnn.com/2019/07/11/asia/xinjiang-uyghur-un-letter-intl-hnk/index.html",)
    assert notes.footnotes[4].date == "2020-10-09"  # not the "2020" in the title
    assert (notes.footnotes[0].publisher, notes.footnotes[0].date, notes.footnotes[0].urls) == ("Princeton University Press", "2020", ())
    assert notes.footnotes[7].publisher == "Xinjiang Victims Database"


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="needs ../shared/corpus beside the checkout")
def test_amnesty_endnotes_19_to_76():
    doc = read_document(SHARED / "corpus" / "01_amnesty_xinjiang_2021_excerpt.txt")
    notes = parse_notes(doc)
    assert [n.number for n in notes.footnotes] == list(range(19, 77))
    assert sum(len(n.urls) for n in notes.footnotes) == 63
    by_number = {n.number: n for n in notes.footnotes}
    assert len(by_number[44].urls) == 5
    assert by_number[19].urls == ("https://www.reuters.com/article/china-society-census-takeaways/factbox-key-takeaways-from-chinas-2020-population-census-idUSL4N2MY2I6",)
    assert by_number[20].urls == () and by_number[22].urls == ()
    assert by_number[24].urls[-1].endswith("10iht-edbequelin.html?_r=1")
    marked = {m.number for m in notes.markers}
    assert marked == set(range(19, 77))
    assert all(doc.text[m.start:m.end] == f"[{m.number}]" for m in notes.markers)


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="needs ../shared/corpus beside the checkout")
@pytest.mark.parametrize("name", ["12_wikipedia_kabul_2019.txt", "13_wikipedia_fresno_environmental_issues_2019.txt",
                                  "14_wikipedia_1257_samalas_eruption_2019.txt"])
def test_wikipedia_pages_parse(name):
    notes = parse_notes(read_document(SHARED / "corpus" / name))
    assert notes.footnotes and notes.markers


def test_bracket_markers_and_references_heading(make_doc):
    doc, notes = make_doc("Over 300 camps were built.[1] Some 12 were closed [2, 3].\n\nReferences\n"
                          "[1] ASPI, “Mapping,” 24 September 2020, https://aspi.org.au/map\n"
                          "[2] Reuters, https://reuters.com/x\n[3] BBC News, https://bbc.co.uk/y\n")
    assert [n.number for n in notes.footnotes] == [1, 2, 3]
    assert sorted((m.number, doc.text[m.start:m.end]) for m in notes.markers) == [(1, "[1]"), (2, "[2, 3]"), (3, "[2, 3]")]
    assert notes.footnotes[0].date == "2020-09-24"


def test_markdown_footnotes_and_links(make_doc):
    doc, notes = make_doc("About 40 reporters[^1] were held, says [CPJ](https://cpj.org/report).\n\n"
                          "[^1]: CPJ, “Census,” https://cpj.org/census.\n", "a.md")
    assert [(n.number, n.urls) for n in notes.footnotes] == [(1, ("https://cpj.org/census",))]
    assert [doc.text[m.start:m.end] for m in notes.markers] == ["[^1]"]
    assert [u for u, _, _ in notes.bare_urls] == ["https://cpj.org/report"]


def test_html_sup_markers_and_ordered_notes(make_doc, tmp_path):
    html = ("<p>Over 300 camps<sup>1</sup> exist.</p><h2>Notes</h2>"
            "<ol><li>ASPI, <a href='https://aspi.org.au/map'>Mapping</a>, 2020.</li></ol>")
    doc, notes = make_doc(html, "p.html")
    assert [(n.number, n.urls) for n in notes.footnotes] == [(1, ("https://aspi.org.au/map",))]
    assert [(m.number, doc.text[m.start:m.end]) for m in notes.markers] == [(1, "1")]


def test_plain_numbers_are_not_markers(make_doc):
    _, notes = make_doc("The G7 met in 2019 and 25 states signed.\n\n1. A note, https://a.org/1\n2. B, https://b.org/2\n")
    assert notes.markers == ()


@pytest.mark.parametrize("raw, clean", [
    ("https://a.org/x/index.html.", "https://a.org/x/index.html"),
    ("https://a.org/x,", "https://a.org/x"),
    ("https://en.wikipedia.org/wiki/Foo_(bar))", "https://en.wikipedia.org/wiki/Foo_(bar)"),
    ("https://en.wikipedia.org/wiki/Foo_(bar", "https://en.wikipedia.org/wiki/Foo_(bar"),
    ("https://a.org/p?q=1&r=(2)”", "https://a.org/p?q=1&r=(2)"),
])
def test_urls_are_exact(raw, clean):
    assert clean_url(raw) == clean


@pytest.mark.parametrize("text, iso", [
    ("BBC, July 11, 2019, https://x", "2019-07-11"), ("11 May 2021", "2021-05-11"), ("April 1999", "1999-04"),
    ("Press, 2007.", "2007"), ("no date", None),
])
def test_iso_dates(text, iso):
    assert iso_date(text) == iso


def test_malformed_lists(make_doc):
    long_url = "https://a.org/" + "x" * 5000
    _, notes = make_doc(
        "Some 12 people died.1 Over 30 fled.2 About 40 stayed.7\n\n"
        "1. A, “T,” BBC, https://bbc.co.uk/a_(b\n2. B, javascript:alert(1)\n"
        "4. C, file:///etc/passwd\n5. D, " + long_url + "\n")
    numbers = [n.number for n in notes.footnotes]
    assert numbers == [1, 2, 4, 5]
    assert notes.footnotes[0].urls == ("https://bbc.co.uk/a_(b",)
    assert notes.footnotes[1].urls == ("javascript:alert(1)",)
    assert notes.footnotes[2].urls == ("file:///etc/passwd",)
    assert find_urls("File:Kabul 2015.jpg|A view File:Bird Market.jpg") == []  # wiki page names, not URLs
    assert notes.footnotes[3].urls == (long_url,)
    assert {m.number for m in notes.markers} == {1, 2}  # 7 has no footnote: a plain number


@pytest.mark.parametrize("tail, notes_found", [
    # the article goes on after its own dated list: no notes, every figure read
    ("Primary effects\nAround 600 houses fell in the old town. Two of the three bridges were cut.\n\n"
     "Secondary effects\nBetween 12,000 and 15,000 people had to leave their homes. Many lived in tents.\n", False),
    # endnotes close the page; one line of the site's furniture after them does not make them prose
    ("Now Reading: Another look at the valley after the flood waters went down\n", True),
])
def test_a_numbered_list_with_the_article_after_it_is_not_the_notes(make_doc, tail, notes_found):
    text = ("Case study: the Orla flood\n\nKey facts\n1. Date: 9 March 2011, 4:17am\n2. Deaths: 213\n"
            "3. Reported: 12 March 2011\n\n" + tail)
    doc, notes = make_doc(text)
    assert (notes.section is not None) is notes_found
    if not notes_found:
        quotes = {c.quote for c in extract_claims(doc, notes, load_model())}
        assert {"213", "Between 12,000 and 15,000"} <= quotes


def test_a_notes_heading_mid_article_does_not_swallow_the_article(make_doc):
    prose = "Some 40 people were arrested in the city according to the police and local reporters on the scene. " * 3
    doc, notes = make_doc(f"Notes\n1. An early aside, https://a.org/x\n\n{prose}\n\nReferences\n1. A, https://b.org/1\n2. B, https://c.org/2\n")
    assert notes.section[0] > doc.text.index(prose)
    assert [n.urls[0] for n in notes.footnotes] == ["https://b.org/1", "https://c.org/2"]


def test_markdown_footnote_labels(make_doc):
    doc, notes = make_doc("Some 40 fled[^cpj] and 12 stayed[^hrw].\n\n[^hrw]: HRW, https://hrw.org/a\n[^cpj]: CPJ, https://cpj.org/b\n", "l.md")
    by_number = {n.number: n.urls[0] for n in notes.footnotes}
    assert {doc.text[m.start:m.end]: by_number[m.number] for m in notes.markers} == {
        "[^cpj]": "https://cpj.org/b", "[^hrw]": "https://hrw.org/a"}


# Issue 9: each of these crashed parse_notes or the audit after it.
@pytest.mark.parametrize("text, name", [
    ("Claim.1\n\nNotes\n1. The Guardian, https://[www.theguardian.com/world/2019/x\n", "v6.txt"),
    ("<p>Claim<sup>1</sup></p><h2>Notes</h2><ol><li>The Guardian, <a href='https://[www.theguardian.com/x'>x</a></li></ol>", "v6.html"),
    ("<p>Over 300 camps<sup>²</sup> exist.</p><h2>Notes</h2><ol><li>A, https://a.org/x</li></ol>", "sup.html"),
    ("<p>Over 300<sup>" + "1" * 5000 + "</sup> exist.</p>", "long.html"),
    ("Some 40 fled[^²] and 12[^" + "7" * 5000 + "] stayed.\n\n[^²]: CPJ, https://cpj.org/b\n[^" + "7" * 5000 + "]: X\n", "md.md"),
    ("Some 40 fled.\n\nNotes\n1. A, http://[::1/x and https://a.org:99999/y and https://]/z\n", "ports.txt"),
])
def test_hostile_notes_are_parsed_and_audited(make_doc, text, name):
    from claimcheck.citations.audit import audit_citations, load_publishers

    doc, notes = make_doc(text, name)
    audit_citations(doc, notes, load_publishers())


def test_superscript_digits_in_sup_are_markers(make_doc):
    doc, notes = make_doc("<p>Over 300 camps<sup>²</sup> exist.</p><h2>Notes</h2><ol><li>A, https://a.org/x</li>"
                          "<li>B, https://b.org/y</li></ol>", "sup.html")
    assert [(m.number, doc.text[m.start:m.end]) for m in notes.markers] == [(2, "²")]
