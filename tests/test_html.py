"""The reviewer's HTML report: its pieces as pure functions, the saved-report loader, the `report`
command, and the page itself in a real headless Chromium (Debian's, driven by Playwright).

Browser tests skip on a machine without Chromium, except under CI (`CI` set), where they fail:
`.ci/run` installs it.
"""
from __future__ import annotations

import dataclasses
import json
import os
import re
from html import unescape
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.config import Settings
from claimcheck.formats.chart import Interval, chart, human, interval_text
from claimcheck.formats.data import report_json
from claimcheck.formats.html import build_page, csp_hash, render_html, safe_href
from claimcheck.formats.load import load_report
from claimcheck.model import (
    Bound,
    Citation,
    Claim,
    Conflict,
    ConflictKind,
    Document,
    Group,
    Kind,
    LinkResult,
    LinkStatus,
    Report,
    Severity,
)

from .browser import chromium_path
from .conftest import SEEDS

runner = CliRunner()
KAZAKHS_RANGE = "between 1.25 million and 1.5 million"
SEED_RANGE_DOC, SEED_POINT_DOC = "002_fa38718b29db2cdd", "003_1a75c8d0f3a15aaa"
HOSTILE = (
    "Hostile notes\n\nOfficials said 500 people <script>alert(1)</script> marched in the city.\n"
    "About 40 <img src=x onerror=alert(1)> were held.</textarea><script>alert('textarea')</script>\n"
    "A \"quoted\" 'attr' breaker: \"><svg onload=alert(1)> and 12 more <a href=\"javascript:alert(1)\">links</a>.\n"
    "See [click me](javascript:alert(1)) and <iframe src=\"javascript:alert(1)\"></iframe>.3\n\n"
    "Notes\n\n3. Evil Corp, \"<script>alert(3)</script>\", javascript:alert(1), 2020.\n"
    "4. Also <b onmouseover=alert(1)>bold</b>, http://example.invalid/\"><script>alert(4)</script>\n"
)


# -- a small report built by hand: two articles that disagree, one footnote, no spaCy ------------

def _claim(doc: Document, quote: str, low, high, bound=Bound.EXACT, value=None, citations=(), source=None,
           subject="kazakhs living in china") -> Claim:
    start = doc.text.index(quote)
    sent_start = doc.text.rfind("\n", 0, start) + 1
    sent_end = doc.text.find("\n", start)
    return Claim(id=f"{doc.id}:{start}", doc=doc.name, doc_id=doc.id, path=doc.path, start=start, end=start + len(quote),
                 quote=quote, kind=Kind.COUNT, bound=bound, value=value, low=low, high=high, unit=None, subject=subject,
                 sentence=doc.text[sent_start:sent_end if sent_end != -1 else None], citations=tuple(citations),
                 source=source, line=doc.text.count("\n", 0, start) + 1)


def small_report(extra_text: str = "") -> Report:
    a = Document("a", "a.txt", "a.txt", "Kazakhs in China\n\nBetween 1.25 million and 1.5 million Kazakhs live in China, "
                 f"HRW says.1 Over 200,000 Uyghurs live in Kazakhstan.{extra_text}\n\nNotes\n\n"
                 "1. HRW, \"Report\", BBC, 2019-07-11, https://www.cnn.com/x\n", "utf-8", "txt")
    b = Document("b", "b.txt", "b.txt", "Another view\n\nSome 1.8 million Kazakhs live in China.\n"
                 "Kazakhstan has more than 200,000 Uyghurs.\n", "utf-8", "txt")
    ca = _claim(a, "Between 1.25 million and 1.5 million", 1.25e6, 1.5e6, Bound.RANGE, citations=(1,),
                source="Human Rights Watch")
    cb = _claim(b, "Some 1.8 million", 1.62e6, 1.98e6, Bound.APPROX, 1.8e6)
    ua = _claim(a, "Over 200,000", 200000, None, Bound.OVER, 200000, subject="uyghurs in kazakhstan")
    ub = _claim(b, "more than 200,000", 200000, float("inf"), Bound.OVER, 200000, subject="uyghurs in kazakhstan")
    marker = a.text.index("says.1") + len("says.")
    cite = Citation("a.txt", 1, ("https://www.cnn.com/x",), "HRW", "Report", "BBC", "2019-07-11", ((marker, marker + 1),),
                    ("publisher-domain-mismatch",), ("'BBC' does not own www.cnn.com",), line=7, doc_id="a")
    ids = sorted([ca.id, cb.id])
    return Report(
        documents=(a, b), claims=tuple(sorted([ca, cb, ua, ub], key=lambda c: (c.doc_id, c.start))), citations=(cite,),
        links=(LinkResult("https://www.cnn.com/x", LinkStatus.BROKEN, 404, reason="not found"),),
        groups=(Group("g1", "kazakh living in china (count)", "kazakh|count|", tuple(ids), Kind.COUNT, agrees=False),
                Group("g2", "uyghur living in kazakhstan (count)", "uyghur|count|", tuple(sorted([ua.id, ub.id])),
                      Kind.COUNT, low=200000, high=None, agrees=True)),
        conflicts=(Conflict("k1", "g1", tuple(ids), ConflictKind.VALUES, Severity.CONTRADICTION,
                            "a.txt allows 1.25-1.5 million, b.txt 1.62-1.98 million: no overlap", 0.08),),
        reconciled=True)


# -- pure pieces ------------------------------------------------------------------------------------

@pytest.mark.parametrize("low, high, unit, words", [
    (1.25e6, 1.5e6, None, "1.25\u20131.5 million"),
    (1.75e6, 1.85e6, None, "1.75\u20131.85 million"),
    (200000, None, None, "200,000 or more"),
    (200000, float("inf"), None, "200,000 or more"),
    (None, 50, "percent", "up to 50%"),
    (0, 18, None, "0\u201318"),
    (32215, 32215, None, "exactly 32,215"),
    (9e5, 1.1e6, None, "900,000 \u2013 1.1 million"),
    (2e9, 3e9, "USD", "$2\u20133 billion"),
    (None, None, None, "any value"),
])
def test_interval_in_words(low, high, unit, words):
    assert interval_text(low, high, unit) == words


def test_human_numbers():
    assert [human(1.8e6), human(200000), human(25, "percent"), human(None), human(float("inf"))] == \
        ["1.8 million", "200,000", "25%", "unknown", "no limit"]


def test_chart_draws_disjoint_intervals_apart_and_marks_the_gap():
    ch = chart([Interval("a", "A", "A", 1.25e6, 1.5e6), Interval("b", "B", "B", 1.75e6, 1.85e6)], gap=0.17)
    assert ch is not None
    a, b = ch.bars
    assert a.x + a.width < b.x  # seen at a glance: A ends before B begins
    assert ch.plot_left <= a.x and b.x + b.width <= ch.plot_right
    assert ch.gap is not None and ch.gap.x1 == pytest.approx(a.x + a.width) and ch.gap.x2 == pytest.approx(b.x)
    assert ch.gap.label == "gap 17%"
    assert [t.label for t in ch.ticks][:2] and all(t1.x < t2.x for t1, t2 in zip(ch.ticks, ch.ticks[1:]))


def test_chart_draws_open_bounds_to_the_edge():
    ch = chart([Interval("a", "A", "A", 200000, None), Interval("b", "B", "B", float("-inf"), 150000),
                Interval("c", "C", "C", 100000, 120000)])
    assert ch is not None
    over, under, closed = ch.bars
    assert over.open_high and not over.open_low and over.x + over.width == pytest.approx(ch.plot_right - ch.arrow)
    assert under.open_low and under.x == pytest.approx(ch.plot_left + ch.arrow)
    assert not closed.open_low and not closed.open_high
    assert ch.gap is None  # three claims: no single gap to label
    assert chart([Interval("a", "A", "A", None, None)]) is None


def test_chart_keeps_an_exact_figure_visible():
    ch = chart([Interval("a", "A", "A", 46, 46), Interval("b", "B", "B", 50, 50)])
    assert ch is not None and all(bar.width >= 6 for bar in ch.bars)


@pytest.mark.parametrize("url, href", [
    ("https://example.org/a?b=1", "https://example.org/a?b=1"), ("http://x.org", "http://x.org"),
    ("javascript:alert(1)", None), ("JaVaScRiPt:alert(1)", None), ("data:text/html,<script>", None),
    ("//evil.example/x", None), ("https:", None),
])
def test_only_web_links_become_links(url, href):
    assert safe_href(url) == href


def test_document_text_is_cut_into_segments_that_cover_it_exactly():
    report = small_report()
    for doc in build_page(report).docs:
        assert "".join(s.text for s in doc.segments) == doc.doc.text
    a = build_page(report).docs[0]
    assert [s.text for s in a.segments if s.kind == "claim"] == ["Between 1.25 million and 1.5 million", "Over 200,000"]
    assert [(s.text, s.href) for s in a.segments if s.kind == "marker"] == [("1", "#fn-d0-1")]


def test_page_is_self_contained_escaped_and_locked_down():
    html = render_html(small_report(extra_text=" <script>alert(1)</script> </textarea> <img src=x onerror=alert(1)>"))
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;/textarea&gt;" in html
    policy = unescape(re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html).group(1))
    assert "default-src 'none'" in policy and "img-src data:" in policy and "unsafe-inline" not in policy
    css = re.search(r"<style>(.*?)</style>", html, re.DOTALL).group(1)
    assert csp_hash(css) in policy  # the one style sheet is allowed by its hash, nothing else
    assert html.count("<style") == 1 and " style=" not in html
    assert not re.search(r'(src|href)="(https?:)?//', html.replace('href="https://www.cnn.com/x"', ""))


def test_page_shows_the_conflict_card_and_its_chart():
    html = render_html(small_report(), Settings(offline=True))
    card = html[html.index('<article class="card conflict'):html.index("</article>")]
    assert "Between 1.25 million and 1.5 million</mark>" in card and "Some 1.8 million</mark>" in card
    assert "a.txt" in card and "b.txt" in card and "Human Rights Watch" in card
    assert "Gap: 8%." in card and "publisher-domain-mismatch" in card and 'data-status="broken"' in card
    assert card.count('<rect class="iv') == 4  # two bars, in the wide chart and in the phone's
    assert 'data-open="high"' not in card  # both Kazakh claims are closed intervals
    assert "offline: links not checked" in html  # how the run was configured


def test_agreeing_groups_are_collapsed_and_open_bounds_drawn():
    html = render_html(small_report())
    assert '<details class="group" id="group-1"' in html and "uyghur living in kazakhstan" in html
    assert "200,000 or more" in html


def test_claims_without_their_documents_still_show():
    """`reconcile` over ledgers gives claims but no documents: each claim shows in its sentence."""
    report = small_report()
    html = render_html(dataclasses.replace(report, documents=(), citations=()))
    assert html.count('class="notext"') == 2 and "Some 1.8 million</mark>" in html


def test_scan_writes_the_page_beside_its_report(tmp_path):
    out = tmp_path / "page.html"
    result = runner.invoke(app, ["scan", str(SEEDS / "000_a19200afb80b3dea.txt"), "--offline", "--format", "json",
                                 "--html", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["claims"]  # stdout is still the JSON report
    assert 'id="fn-d0-2"' in out.read_text("utf-8")


def test_empty_report_renders():
    html = render_html(Report())
    assert "No conflicts" not in html and "not compared" in html


# -- the saved report and the `report` command -------------------------------------------------------

def test_saved_report_loads_back(tmp_path):
    report = small_report()
    for doc in report.documents:
        (tmp_path / doc.path).write_text(doc.text, encoding="utf-8")
    saved = tmp_path / "report.json"
    saved.write_text(report_json(report), encoding="utf-8")
    loaded = load_report(saved)
    assert report_json(loaded) == report_json(report)
    assert [d.text for d in loaded.documents] == [d.text for d in report.documents]  # read again from the paths
    assert loaded.groups == report.groups and loaded.conflicts == report.conflicts
    assert loaded.citations == report.citations and loaded.links == report.links and not loaded.warnings


def test_saved_report_without_its_articles_says_so(tmp_path):
    report = small_report()
    (tmp_path / "a.txt").write_text("changed since", encoding="utf-8")
    saved = tmp_path / "report.json"
    saved.write_text(report_json(report), encoding="utf-8")
    loaded = load_report(saved)
    assert [d.text for d in loaded.documents] == ["", ""]
    assert any("a.txt: changed since the scan" in w for w in loaded.warnings)
    assert any("b.txt: not found" in w for w in loaded.warnings)
    html = render_html(loaded)
    assert html.count('class="notext"') == 2 and "Between 1.25 million and 1.5 million</mark>" in html


def test_report_command_writes_the_page(tmp_path):
    scan = runner.invoke(app, ["scan", str(SEEDS), "--offline", "--format", "json"])
    assert scan.exit_code == 0
    saved = tmp_path / "report.json"
    saved.write_text(scan.stdout, encoding="utf-8")
    out = tmp_path / "out" / "report.html"
    result = runner.invoke(app, ["report", str(saved), "--html", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text("utf-8")
    assert html.startswith("<!doctype html>") and 'id="fn-d0-2"' in html and 'class="notext"' not in html
    assert "Not recorded: this page was made from a saved report" in html


@pytest.mark.parametrize("content, message", [(None, "cannot read the report"), ("{not json", "not a JSON report"),
                                              ("[1, 2]", "not a claimcheck JSON report")])
def test_report_command_refuses_what_is_not_a_report(tmp_path, content, message):
    saved = tmp_path / "report.json"
    if content is not None:
        saved.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["report", str(saved), "--html", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and message in result.stderr and not (tmp_path / "r.html").exists()


def test_report_command_help_has_an_example():
    result = runner.invoke(app, ["report", "--help"])
    assert result.exit_code == 0 and "Example:" in result.stdout


# -- the page in a real browser ---------------------------------------------------------------------

@pytest.fixture
def browser():
    """A function opening a page file in a fresh headless Chromium: (page, events) as a context manager."""
    path = chromium_path()
    try:
        import playwright  # noqa: F401
    except ImportError:
        path = None
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium and Playwright are needed for the browser tests: .ci/run installs them")
        pytest.skip("no Chromium on this machine (apt-get install chromium chromium-driver)")
    from .browser import browser_page

    def open_page(**kwargs):
        return browser_page(path, **kwargs)

    return open_page


@pytest.fixture(scope="module")
def seeds_report() -> Report:
    from claimcheck.pipeline import scan

    return scan([str(SEEDS)], Settings(offline=True))


def _write(tmp_path: Path, report: Report, name: str = "report.html", settings: Settings | None = None) -> Path:
    out = tmp_path / name
    out.write_text(render_html(report, settings or Settings(offline=True)), encoding="utf-8")
    return out


def _bars(card) -> list[dict]:
    """The interval bars of a conflict card's chart, as the browser lays them out."""
    return card.locator("svg rect.iv").evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect();"
        " return {claim: e.dataset.claim, left: r.left, right: r.right, width: r.width}; })"
        " .filter(b => b.width > 0)")  # the chart drawn for this width; the other is not displayed


def _assert_clean(events, page_url: str) -> None:
    assert events.dialogs == [], events.dialogs
    assert events.console_errors == [], events.console_errors
    assert events.page_errors == [], events.page_errors
    assert events.requests == [page_url], events.requests  # nothing loaded but the page itself


def _with_kazakh_conflict(report: Report) -> Report:
    """The seeds' report with the Kazakhs-in-China conflict added by hand (as the reconciler should find it)."""
    rng = next(c for c in report.claims if c.doc_id == SEED_RANGE_DOC and c.quote == KAZAKHS_RANGE)
    point = next(c for c in report.claims if c.doc_id == SEED_POINT_DOC and c.quote == "1.8 million")
    nearly = next(c for c in report.claims if c.quote == "nearly a million")
    some = next(c for c in report.claims if c.quote == "some 1 million")
    ids = tuple(sorted([rng.id, point.id]))
    return dataclasses.replace(
        report, reconciled=True,
        groups=(Group("g-kazakh", "kazakh living in china (count)", "kazakh|count|", ids, Kind.COUNT, agrees=False),
                Group("g-oralman", "kazakh repatriated (count)", "kazakh|count|", tuple(sorted([nearly.id, some.id])),
                      Kind.COUNT, low=9e5, high=1e6, agrees=True)),
        conflicts=(Conflict("k-kazakh", "g-kazakh", ids, ConflictKind.VALUES, Severity.CONTRADICTION,
                            "1.25-1.5 million against 1.75-1.85 million Kazakhs in China: the intervals do not overlap",
                            0.17),))


def _kazakh_card(page):
    card = page.locator("article.conflict").filter(has_text=KAZAKHS_RANGE).filter(has_text="1.8 million")
    assert card.count() == 1
    return card


def _check_kazakh_card(card) -> None:
    assert card.is_visible()
    sides = card.locator("section.side")
    texts = [sides.nth(i).inner_text() for i in range(sides.count())]
    assert any(SEED_RANGE_DOC in t and KAZAKHS_RANGE in t for t in texts), texts
    assert any(SEED_POINT_DOC in t and "1.8 million" in t for t in texts), texts
    marks = card.locator("blockquote.sentence mark").all_inner_texts()
    assert KAZAKHS_RANGE in marks and "1.8 million" in marks
    bars = sorted(_bars(card), key=lambda b: b["left"])
    assert len(bars) == 2 and all(b["width"] > 3 for b in bars)
    assert bars[0]["right"] < bars[1]["left"], bars  # two intervals that do not overlap, drawn apart
    assert card.locator("svg.wide .gap-label").is_visible()


def test_browser_seed_page_with_a_conflict_card(browser, seeds_report, tmp_path):
    """The card and chart, on the seeds' real claims with the conflict supplied by hand (runs before the
    reconciler too); the filters by keyboard, by severity and by document."""
    out = _write(tmp_path, _with_kazakh_conflict(seeds_report))
    with browser() as (page, events):
        page.goto(out.as_uri())
        card = _kazakh_card(page)
        _check_kazakh_card(card)
        page.screenshot(path=str(tmp_path / "conflict.png"), full_page=True)
        groups = page.locator("#groups")
        assert groups.is_visible()
        # "Conflicts only", chosen by keyboard: focus the radio group, arrow to the next choice.
        page.focus("#f-everything")
        page.keyboard.press("ArrowRight")
        assert page.is_checked("#f-conflicts-only")
        assert not groups.is_visible() and not page.locator("#documents").is_visible() and card.is_visible()
        page.keyboard.press("ArrowLeft")
        assert groups.is_visible()
        # The severities and the document, by mouse: the labels are the controls.
        page.click("label[for=f-sev-contradiction]")
        assert not card.is_visible() and not page.is_checked("#f-sev-contradiction")
        page.click("label[for=f-sev-contradiction]")
        assert card.is_visible()
        page.click(".docpick > summary")
        page.click(".doclist label[for=f-doc-d1]")
        assert not card.is_visible() and page.locator("details.doc:visible").count() == 1
        assert page.locator(".docpick > summary").inner_text() == "001_b811e0a3d6e55c4e.txt"
        page.click(".doclist label[for=f-doc-d2]")
        assert card.is_visible()
        page.click(".doclist label[for=f-doc-all]")
        page.click(".docpick > summary")
        assert page.locator("details.doc:visible").count() == 5
        # From the card to the claim in its article: the closed <details> opens on the jump.
        card.locator("a.more-link").first.click()
        assert page.locator("details.doc#doc-d2").get_attribute("open") is not None
        assert page.locator("mark.claim.hot").filter(has_text=KAZAKHS_RANGE).is_visible()
        _assert_clean(events, out.as_uri())


def test_browser_seed_page_from_the_scan(browser, seeds_report, tmp_path):
    """The page for `seeds/` as `scan` makes it: the reconciler's Kazakhs-in-China conflict, the
    agreeing groups hidden by "conflicts only", seed 000's footnote 2 flagged; under 1 MB."""
    out = _write(tmp_path, seeds_report)
    assert out.stat().st_size < 1_000_000
    with browser() as (page, events):
        page.goto(out.as_uri())
        page.screenshot(path=str(tmp_path / "seeds.png"), full_page=True)
        # Seed 000's footnote 2 names the BBC for a CNN link: the flag stands on that footnote.
        page.focus("details#doc-d0 > summary")
        page.keyboard.press("Enter")  # a reader on the keyboard opens the article
        note = page.locator("#fn-d0-2")
        assert note.is_visible()
        flag = note.locator(".flag[data-flag='publisher-domain-mismatch']")
        assert flag.is_visible() and "publisher does not own" in flag.inner_text()
        assert note.locator(".status").first.inner_text() == "not checked"
        page.click("details#doc-d0 > summary")
        _assert_clean(events, out.as_uri())
        _check_kazakh_card(_kazakh_card(page))
        assert page.locator("details.group").count() >= 1 and not page.locator("details.group").first.is_visible()
        page.click("#groups > details.fold > summary")  # agreeing groups are folded until asked for
        assert page.locator("details.group").first.is_visible()
        page.click("label[for=f-conflicts-only]")
        assert page.locator("details.group:visible").count() == 0
        assert _kazakh_card(page).is_visible()


def test_browser_hostile_articles_run_no_script(browser, tmp_path):
    """Script tags, event handlers, javascript: links and `</textarea>` in a .txt and a .md article:
    the page shows them as text, opens no dialog, logs no error and loads nothing."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / "hostile.md").write_text("# <script>alert('md')</script>\n\n" + HOSTILE, encoding="utf-8")
    from claimcheck.pipeline import scan

    report = scan([str(folder)], Settings(offline=True))
    assert len(report.documents) == 2 and report.claims
    # Put the hostile claims in a conflict and a group too, so every part of the page carries them.
    ids = tuple(c.id for c in report.claims[:2])
    report = dataclasses.replace(report, groups=(Group("g<script>", "<script>alert(5)</script>", "k", ids, Kind.COUNT),),
                                 conflicts=(Conflict("k<b>", "g<script>", ids, ConflictKind.VALUES, Severity.NEAR_MISS,
                                                     "<img src=x onerror=alert(6)>", 0.1),))
    out = _write(tmp_path, report, "hostile.html")
    with browser() as (page, events):
        page.goto(out.as_uri())
        for summary in page.locator("main details > summary").all():
            summary.click()  # open every article and group: their text is on screen
        page.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)
        text = page.locator("body").inner_text()
        assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(1)>" in text and "</textarea>" in text
        assert page.locator("main script, main img, main iframe, main a[href^='javascript' i]").count() == 0
        page.wait_for_timeout(300)
        _assert_clean(events, out.as_uri())
