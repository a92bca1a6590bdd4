"""Fuzzing (issue 9): no input crashes a stage; every stage answers or raises DocumentError.

Each Target pairs a Hypothesis strategy with a check that calls one function and asserts what must
hold whatever the input (spans inside the text, flags from the vocabulary, no "internal error").
Here each runs a few hundred derandomised examples, under a minute in all; `scripts/fuzz.py`
runs the same targets 20,000 examples each and counts failures instead of stopping at the first.

Targets of modules this branch does not own (claims.numbers, claims.hedges, links.policy) are
fuzzed read-only; a failure there is reported to their owners, and marked xfail here only then.
"""
from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimcheck.citations.audit import audit_citations, load_publishers, publisher_owns, registrable, url_date
from claimcheck.citations.footnotes import _quoted, clean_url, find_urls, iso_date, parse_notes, split_footnote
from claimcheck.documents import decode_bytes, html_to_text, read_document
from claimcheck.errors import DocumentError
from claimcheck.model import Document

OWNERS = load_publishers()
FLAGS = {"publisher-domain-mismatch", "date-mismatch", "insecure-scheme", "orphan-marker", "unused-footnote",
         "duplicate-url", "no-url", "numbering-gap"}
_TMP = tempfile.TemporaryDirectory(prefix="claimcheck-fuzz-")

# ---- strategies -------------------------------------------------------------------------------

# Characters that have broken text tools before: quotes of every kind, brackets, superscript and
# other-script digits, zero-width and no-break spaces, BOM, markup, the URL and marker punctuation.
TRICKY = ("“”\"'‘’«»()[]{}<>&#^:;/.,!?-–—_*|\\~`=+%€$£¥¹²³⁴⁰½٣３\u200b\u200c\u200d\u2060\ufeff\u00a0\u202f\u2009"
          "\u00ad\u0301\u202e\t\r\n ")
tricky_text = st.text(st.one_of(st.sampled_from(TRICKY), st.characters(codec="utf-8")), max_size=200)
words = st.sampled_from(["About", "over", "nearly", "some", "people", "were", "held", "Uyghurs", "camps", "in",
                         "Xinjiang", "the", "BBC", "Reuters", "The Guardian", "million", "per cent", "between",
                         "and", "to", "said", "Twenty-two", "dozens", "a quarter", "Notes", "References"])
numbers = st.one_of(st.integers(-10, 10**7).map(str), st.sampled_from(["1,000", "1.8 million", "32,215", "50.4",
                                                                       "90-odd", "2019", "1" * 400, "٣٠٠", "2,\u200b000"]),
                    st.from_regex(r"[0-9]{1,4}([.,][0-9]{1,3}){0,3}", fullmatch=True))
urls = st.one_of(
    st.sampled_from(["https://www.theguardian.com/world/2019/aug/17/x", "https://[www.theguardian.com/world/x",
                     "http://[::1", "https://a]b.org/x", "https://a.org:99999/x", "javascript:alert(1)",
                     "file:///etc/passwd", "https://web.archive.org/web/2014/http:/news.xinhuanet.com/x",
                     "https://en.wikipedia.org/wiki/Foo_(bar))", "https://a.org/p?q=(2)”.", "https://xn--80ak6aa92e.com/",
                     "https://" + "a" * 300 + ".org/", "https://a.org/" + ")" * 50, "mailto:x@y.org", "https://ex.org/#frag"]),
    st.builds(lambda host, path: f"https://{host}/{path}",
              st.from_regex(r"[a-z0-9\[\]:.-]{1,30}", fullmatch=True), st.text(st.sampled_from("abc/()[]%.,;:?&=#“”"), max_size=30)),
)
dates = st.one_of(st.sampled_from(["July 11, 2019", "11 Jul 2019", "2019-07-11", "2019-02-30", "Sept 31, 2020",
                                   "April 1999", "2007", "Jan 0, 0000", "Janxyz 12, 2019"]),
                  st.dates().map(lambda d: d.strftime("%B %d, %Y")))
sentence = st.lists(st.one_of(words, numbers, tricky_text.map(lambda t: t[:20])), min_size=1, max_size=12).map(" ".join)
# Text built from the pieces parsers look for, in any order: long enough to reach every branch.
mixed_text = st.lists(st.one_of(
    tricky_text, words, numbers, urls, dates,
    st.sampled_from(["\n", "\n\n", "Notes\n", "\nReferences\n", "1. ", "[1] ", "[^1]: ", "[^a]", "[2]", "[3-5]",
                     "[1, 2]", "word2 ", "50.4 Those", "“", "”", '"', "(", ")", "Press, 2007)", "(City, ST: Publisher, 2020)",
                     "accessed 2 May 2021", "See ", "pp. 12-14", "https://", "“" * 50, ")" * 50])), max_size=40).map("".join)


@st.composite
def marker(draw: Any, fmt: str) -> str:
    n = draw(st.one_of(st.integers(0, 30), st.sampled_from([9999, 10**5])))
    shapes = [f"[{n}]", f"[{n}, {n + 1}]", f"[{n}-{n + 3}]", f"[^{n}]", f"{n}", f".{n}", "[^²]", "[^note]", "²"]
    if fmt == "html":
        shapes += [f"<sup>{n}</sup>", "<sup>²</sup>", f"<sup>[{n}]</sup>", "<sup>" + "1" * 50 + "</sup>"]
    return draw(st.sampled_from(shapes))


@st.composite
def note(draw: Any, fmt: str, n: int) -> str:
    label = draw(st.sampled_from([f"{n}.", f"[{n}]", f"[^{n}]:", f"{n})", "[^²]:", "1" * 20 + "."]))
    url = draw(urls)
    if fmt == "html" and draw(st.booleans()):
        url = f"<a href='{url}'>{draw(st.sampled_from(['link', url, '']))}</a>"
    parts = [draw(st.sampled_from(["A. Author", "Ben Westcott and Jo Shelley", "", "See"])),
             f"“{draw(sentence)}”" if draw(st.booleans()) else draw(sentence),
             draw(st.sampled_from(["BBC", "Reuters", "The Guardian", "Human Rights Watch", "Freedom Now", "x" * 300, ""])),
             draw(dates), url]
    return f"{label} " + ", ".join(p for p in parts if draw(st.booleans()) or p is url)


@st.composite
def document(draw: Any) -> tuple[str, str]:
    """A whole article: prose with numbers and markers, then (maybe) headings and an endnote list."""
    fmt = draw(st.sampled_from(["txt", "md", "html"]))
    paragraphs = []
    for _ in range(draw(st.integers(1, 5))):
        bits = [draw(sentence) + draw(marker(fmt)) for _ in range(draw(st.integers(1, 4)))]
        paragraphs.append(" ".join(bits) + ".")
    heading = draw(st.sampled_from(["Notes", "References", "## Notes", "Endnotes:", "NOTES", "", "Notes\nNotes"]))
    notes = [draw(note(fmt, i + 1)) for i in range(draw(st.integers(0, 8)))]
    if fmt != "html":
        text = "\n\n".join(paragraphs) + (f"\n\n{heading}\n" if heading else "\n\n") + "\n".join(notes) + "\n"
        return fmt, text
    depth = draw(st.integers(0, 1500))
    junk = draw(st.sampled_from(["", "<![ ]", "<![CDATA[x]]>", "<!-- c -->", "<script>var x = 12;</script>", "<?php ?>",
                                 "<!DOCTYPE html>", "</p></p>", "<a href='https://[x'>y</a>", "<ol start='²'>"]))
    body = "".join(f"<p>{p}</p>" for p in paragraphs) + junk
    listing = "<ol>" + "".join(f"<li>{n.split(' ', 1)[-1]}</li>" for n in notes) + "</ol>"
    return fmt, "<div>" * depth + body + (f"<h2>{heading}</h2>" if heading else "") + listing + "</div>" * (depth // 2)


# ---- checks -----------------------------------------------------------------------------------

def _in(span: tuple[int, int], text: str) -> bool:
    return 0 <= span[0] <= span[1] <= len(text)


def check_document(doc: Document) -> None:
    assert isinstance(doc.text, str) and not re.search("[\u200b\u2060\ufeff]", doc.text)
    assert all(_in((s, e), doc.text) for _, s, e in doc.links)
    assert all(_in(span, doc.text) for span in doc.superscripts + doc.chrome)
    assert all(_in((s, e), doc.text) for s, e, _ in doc.duplicates)


def check_notes_and_audit(doc: Document) -> None:
    notes = parse_notes(doc)
    assert all(_in((m.start, m.end), doc.text) for m in notes.markers)
    assert all(_in((f.start, f.end), doc.text) and all(isinstance(u, str) for u in f.urls) for f in notes.footnotes)
    assert notes.section is None or _in(notes.section, doc.text)
    assert all(_in((s, e), doc.text) for _, s, e in notes.bare_urls)
    citations = audit_citations(doc, notes, OWNERS)
    assert all(set(c.flags) <= FLAGS and c.line >= 1 for c in citations)
    assert all(_in(span, doc.text) for c in citations for span in c.markers)


def allowed(exc: DocumentError) -> None:
    """A DocumentError is an answer, unless it is the safety net catching a bug of ours."""
    assert "internal error" not in exc.reason, exc.reason


def read_bytes_as(data: bytes, suffix: str) -> Document | None:
    path = Path(_TMP.name) / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        return read_document(path)
    except DocumentError as exc:
        allowed(exc)
        return None


def check_read_bytes(args: tuple[bytes, str]) -> None:
    doc = read_bytes_as(*args)
    if doc is not None:
        check_document(doc)
        check_notes_and_audit(doc)


def check_decode(data: bytes) -> None:
    try:
        text, encoding, warnings = decode_bytes(data, "x.txt")
    except DocumentError as exc:
        allowed(exc)
        return
    assert isinstance(text, str) and isinstance(encoding, str) and all("x.txt" in w for w in warnings)


def check_html(markup: str) -> None:
    try:
        text, links, sups = html_to_text(markup)
    except DocumentError as exc:
        allowed(exc)
        return
    assert all(_in((s, e), text) for _, s, e in links) and all(_in(span, text) for span in sups)


def check_text_notes(text: str) -> None:
    check_notes_and_audit(Document("d", "d.txt", "d.txt", text, "utf-8", "txt"))


def check_whole_document(generated: tuple[str, str]) -> None:
    fmt, text = generated
    doc = read_bytes_as(text.encode("utf-8", "surrogatepass"), "." + fmt)
    if doc is not None:
        check_document(doc)
        check_notes_and_audit(doc)


_OLD_TITLE = re.compile(r"[“\"](.+)[”\"]")  # the pattern _quoted replaces: they must agree


def check_footnote_helpers(text: str) -> None:
    for url, s, e in find_urls(text):
        assert text[s:e] == url
    cleaned = clean_url(text)
    assert text.startswith(cleaned) and clean_url(cleaned) == cleaned
    authors, title, publisher = split_footnote(text)
    assert all(p is None or isinstance(p, str) for p in (authors, title, publisher))
    old = _OLD_TITLE.search(text)
    assert _quoted(text) == (old.span() if old else None)
    iso = iso_date(text)
    assert iso is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", iso)


def check_audit_helpers(args: tuple[str, str]) -> None:
    publisher, url = args
    assert publisher_owns(publisher, url, OWNERS) in (True, False, None)
    assert url_date(url) is None or isinstance(url_date(url), date)
    assert isinstance(registrable(url), str)


def check_quantities(text: str) -> None:
    from claimcheck.claims.numbers import find_quantities

    for q in find_quantities(text):
        assert _in((q.start, q.end), text) and q.quote == text[q.start:q.end]
        assert q.low is None or q.high is None or q.low <= q.high, q


def check_hedges(args: tuple[str, float, float, bool, str]) -> None:
    from claimcheck.claims import hedges
    from claimcheck.model import Bound

    bound, value, step, flag, text = args
    allowance = hedges.allowance(value, step, flag)
    assert allowance >= 0
    low, high = hedges.interval(Bound(bound), value, allowance, flag)
    assert low is None or high is None or low <= high, (low, high)
    hedges.HEDGE_RE.search(text)
    hedges.SUFFIX_RE.match(text)
    hedges.EMPHASIS_BEFORE.search(text)


def check_policy(args: tuple[str, str]) -> None:
    from claimcheck.links.policy import by_pattern, validate

    url, pattern = args
    verdict = validate(url)
    assert verdict is None or isinstance(verdict[1], str)
    by_pattern(url, [pattern], [r"linkedin\.com", pattern])


# ---- the targets ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Target:
    name: str
    strategy: st.SearchStrategy[Any]
    check: Callable[[Any], None]
    examples: int  # in the test suite; scripts/fuzz.py runs 20,000
    owner: str = "hardening"
    always: tuple[Any, ...] = ()  # inputs run first every time: the issue's own examples


HTML_PIECES = ["<p>", "</p>", "<ol start='3'>", "<li>", "<a href='https://[x'>", "</a>", "<sup>", "²", "</sup>", "<![", "]]>",
               "<!--", "-->", "<![CDATA[", "<!DOCTYPE", "<script>", "12", "&amp;", "&#0;", "&#x110000;", " ", "\n", "<", ">",
               "<br/>", "<![if", "<?", "</", "<b", "='", "\"", "<meta charset='idna'>", "<meta charset=utf-16>",
               "<meta charset=\"cp1251\">", "<meta charset=x-bogus>", "<h2>Notes</h2>", "1. A, https://a.org/x", "€", "\u200b"]
html_markup = st.lists(st.sampled_from(HTML_PIECES), max_size=60).map("".join)
bytes_and_suffix = st.tuples(
    st.one_of(st.binary(max_size=400), mixed_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
              st.tuples(html_markup, st.sampled_from(["utf-8", "cp1252", "cp1251", "utf-16", "utf-8-sig"])).map(
                  lambda mc: mc[0].encode(mc[1], "replace"))),
    st.sampled_from([".txt", ".md", ".html", ".htm", ""]))
TARGETS = [
    Target("documents.read_document(bytes)", bytes_and_suffix, check_read_bytes, 500),
    Target("documents.decode_bytes", st.one_of(st.binary(max_size=600), st.tuples(mixed_text, st.sampled_from(
        ["cp1252", "cp1251", "cp1250", "latin-1", "utf-16-le", "koi8-r", "shift_jis", "gb18030"])).map(
        lambda tc: tc[0].encode(tc[1], "replace"))), check_decode, 500),
    Target("documents.html_to_text", st.one_of(tricky_text, html_markup), check_html, 500, always=(
        "<p>Over 300 camps<sup>²</sup> exist.</p>", "<p><![ ]</p>", "<div>" * 1000 + "x", "<ol start='²'><li>A</li></ol>")),
    Target("footnotes.parse_notes+audit(text)", mixed_text, check_text_notes, 500, always=(
        "Claim.1\n\nNotes\n1. The Guardian, https://[www.theguardian.com/world/2019/x\n", "Claim[^²].\n\n[^²]: X\n",
        "Claim.1\n\nNotes\n1. A, https://a.org/x" + ")" * 3000 + "\n", "Notes\n" * 300 + "1. A\n")),
    Target("footnotes helpers (find_urls, clean_url, split_footnote, iso_date)", mixed_text, check_footnote_helpers, 500),
    Target("audit helpers (publisher_owns, url_date, registrable)", st.tuples(st.one_of(words, tricky_text, mixed_text),
                                                                             st.one_of(urls, tricky_text)),
           check_audit_helpers, 500),
    Target("whole documents: read_document+parse_notes+audit_citations", document(), check_whole_document, 250, always=(
        ("html", "<p>Claim<sup>1</sup></p><h2>Notes</h2><ol><li>The Guardian, <a href='https://[www.theguardian.com/x'>x</a></li></ol>"),
        ("txt", "\ufeff \n"), ("md", "Some 40 fled[^" + "7" * 5000 + "].\n"))),
    Target("claims.numbers.find_quantities", st.one_of(mixed_text, sentence), check_quantities, 300, owner="numbers",
           always=("About " + "1" * 400, "more than 2,\u200b000 people", "1/0 of them")),
    Target("claims.hedges (allowance, interval, hedge patterns)", st.tuples(
        st.sampled_from(["=", "~", ">", ">=", "<", "<="]), st.floats(0, 1e15), st.floats(0, 1e6), st.booleans(), tricky_text),
        check_hedges, 200, owner="numbers"),
    Target("links.policy (validate, by_pattern)", st.tuples(st.one_of(urls, tricky_text, mixed_text),
                                                            st.sampled_from([r"example\.org", r"^https://", r"\.pdf$", "x"])),
           check_policy, 200, owner="links"),
]


def fuzz_settings(examples: int, **kw: Any) -> settings:
    return settings(max_examples=examples, deadline=kw.pop("deadline", 2000), database=None, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
                                           HealthCheck.large_base_example], **kw)


# Failures in modules this branch does not own, reported to their owners (see the module docstring).
# Failures in modules of other owners, marked xfail until fixed (none today: the numbers branch
# fixed the 400-digit overflow and the zero division this test found).
KNOWN_ELSEWHERE: dict[str, str] = {}


@pytest.mark.parametrize("target", [
    pytest.param(t, id=t.name.split(" ")[0],
                 marks=[pytest.mark.xfail(strict=False, reason=KNOWN_ELSEWHERE[t.name])] if t.name in KNOWN_ELSEWHERE else [])
    for t in TARGETS])
def test_fuzz(target: Target) -> None:
    @fuzz_settings(target.examples, derandomize=True)  # the same examples every run: CI does not flake
    @given(target.strategy)
    def run(value: Any) -> None:
        target.check(value)

    for value in target.always:
        run = example(value)(run)
    run()
