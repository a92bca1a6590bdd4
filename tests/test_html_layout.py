"""The reviewer's page says what it means (issue 17, section 3): contradictions first, where each
conflict lies, a near miss never drawn as an alarm, footnote markers kept out of quotes, long lists
folded, and a page that reads at 1400 px and at 420 px in real headless Chromium."""
from __future__ import annotations

import dataclasses
import re

from claimcheck.config import Settings
from claimcheck.formats.chart import Interval, chart, narrow
from claimcheck.formats.html import build_page, render_html
from claimcheck.model import Severity

from .test_html import _write, browser, seeds_report  # noqa: F401  (fixtures)
from .test_output import _report


def test_contradictions_come_before_near_misses():
    page = build_page(_report(), Settings(offline=True))
    assert [k.conflict.severity for k in page.conflicts] == [Severity.CONTRADICTION, Severity.NEAR_MISS]
    html = render_html(_report(), Settings(offline=True))
    assert html.index("sev-contradiction\" id=") < html.index("sev-near-miss\" id=")


def test_possible_conflicts_are_counted_filtered_and_drawn_quietly():
    report = _report()
    html = render_html(report, Settings(offline=True))
    assert '<label class="tick" for="f-sev-possible">' not in html and "possible" not in html.split('class="lede"')[1].split("</p>")[0]
    maybe = dataclasses.replace(report, conflicts=(dataclasses.replace(report.conflicts[0], severity=Severity.POSSIBLE),
                                                   report.conflicts[1]))
    html = render_html(maybe, Settings(offline=True))
    assert "1 possible, which never fail a run" in html.split('class="lede"')[1].split("</p>")[0]
    assert '<label class="tick" for="f-sev-possible">Possible</label>' in html and 'data-sev="possible"' in html
    assert '<span class="badge sev-possible">Possible</span>' in html


def test_a_conflict_says_whether_it_is_between_articles_or_within_one():
    report = _report()
    inside = dataclasses.replace(report.claims[3], doc_id="a", path=report.claims[2].path, id="a:999")
    report = dataclasses.replace(report, claims=(*report.claims, inside), conflicts=(
        dataclasses.replace(report.conflicts[0], claims=(report.claims[2].id, "a:999")), report.conflicts[1]))
    html = render_html(report, Settings(offline=True))
    assert "Conflicts between articles" not in html and '<h2 id="h-conflicts">Conflicts</h2>' in html
    assert "The figures disagree &middot; between articles" in html
    assert "The figures disagree &middot; within one article" in html
    assert "near misses between articles" not in html


def test_a_near_miss_is_never_a_red_gap_of_none():
    html = render_html(_report(), Settings(offline=True))
    near = html[html.index('sev-near-miss" id='):]
    near = near[:near.index("</header>")]
    assert "Gap: none" not in near and '<strong class="gap tone-muted">The intervals touch.</strong>' in near
    report = _report()
    wider = dataclasses.replace(report, conflicts=(dataclasses.replace(report.conflicts[0], gap=0.03), report.conflicts[1]))
    html = render_html(wider, Settings(offline=True))
    assert '<strong class="gap tone-warn">Gap: 3%.</strong>' in html and '<strong class="gap tone-bad">Gap: 33%.</strong>' in html


def test_footnote_markers_stay_out_of_the_quoted_sentence():
    html = render_html(_report(), Settings(offline=True))
    assert 'interviewed.<sup class="fnmark"><a href="#fn-d0-2" aria-label="footnote 2">2</a></sup>' in html
    assert 'id="fn-d0-2"' in html and "interviewed.2" not in html  # never "interviewed.2", as if a figure


def test_agreeing_groups_and_citation_rows_are_folded():
    report = _report(flags=("no-url",))
    report = dataclasses.replace(report, groups=(dataclasses.replace(report.groups[1], agrees=True), report.groups[0]),
                                 conflicts=report.conflicts[1:])
    html = render_html(report, Settings(offline=True))
    groups = html[html.index('<section id="groups"'):html.index('<section id="citations"')]
    citations = html[html.index('<section id="citations"'):html.index('<section id="documents"')]
    assert '<details class="fold">' in groups and "1 group of claims agrees" in groups
    assert '<details class="fold problems-doc" data-docs="d0">' in citations and "no URL to check: 1" in citations
    assert re.search(r"<details[^>]* open", groups + citations) is None  # folded until opened (the page runs no script)


def test_the_phone_chart_keeps_its_words_and_names_bars_by_letter():
    wide = chart([Interval("a", "A", "A · first_article:3", 2.1e6, 2.4e6, None, "range"),
                  Interval("b", "B", "B · second_article:3", 3.15e6, 3.25e6, None, "=")], 0.33)
    assert wide is not None
    small = narrow(wide)
    assert small.width < wide.width and [b.label for b in small.bars] == ["A", "B"]
    assert len(small.ticks) <= 5 and all(small.plot_left <= t.x <= small.plot_right for t in small.ticks)
    assert small.gap is not None and small.bars[0].x + small.bars[0].width <= small.gap.x1 <= small.gap.x2 <= small.bars[1].x


# -- in the browser: the seeds' page at a desktop's width and a phone's ----------------------------

def test_browser_seed_page_reads_at_1400_and_420_px(browser, seeds_report, tmp_path):  # noqa: F811
    out = _write(tmp_path, seeds_report)
    with browser(width=1400) as (page, events):
        page.goto(out.as_uri())
        assert page.locator("#citations").bounding_box()["height"] < 600  # rows folded by document
        page.locator("details.problems-doc > summary").first.click()
        link = page.locator("details.problems-doc table.problems td.url").first
        assert link.is_visible() and link.bounding_box()["width"] >= 400  # a URL reads on a line or two
        assert page.evaluate("document.documentElement.scrollWidth") <= 1400
        assert not events.page_errors and not events.console_errors
    with browser(width=420) as (page, events):
        page.goto(out.as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") <= 420  # nothing wider than the phone
        cards = page.locator("article.conflict")
        assert cards.count() >= 1
        assert cards.first.locator("svg.narrow").is_visible() and not cards.first.locator("svg.wide").is_visible()
        heights = cards.first.locator("svg.narrow text.tick").evaluate_all(
            "els => els.map(e => e.getBoundingClientRect().height)")
        assert heights and min(heights) >= 10, heights  # about 11 px type, not the wide chart shrunk to a third
        page.locator("details.problems-doc > summary").first.click()
        row = page.locator("details.problems-doc table.problems tr").nth(1)
        assert row.bounding_box()["width"] <= 400 and page.evaluate("document.documentElement.scrollWidth") <= 420
