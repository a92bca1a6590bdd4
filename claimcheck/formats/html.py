"""The reviewer's report: Report -> one self-contained HTML page.

The page works offline and runs no script: filters are CSS (radio buttons and check boxes that
precede what they filter, `:checked ~`; no `:has()`, which costs seconds of style work on large
pages), charts are inline SVG, and a Content-Security-Policy meta tag forbids every
remote load; the one inline style sheet is allowed by its hash. Article text only ever reaches the
page through Jinja2 with autoescaping on, so it never becomes markup.

This module turns the Report into plain view objects (`html_views.py`: what a card, a footnote or
a span of text shows); `templates/report.html.j2` lays them out and `templates/report.css` styles them.
"""
from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable, Sequence
from functools import lru_cache
from urllib.parse import urlsplit

from ..config import Settings
from ..gate import review_of
from ..model import Claim, Document, LinkResult, LinkStatus, Report, Review, Severity
from .chart import Interval, chart, finite, interval_text, narrow
from .excerpt import note_marks, sentence_pieces
from .html_views import (
    BOUND_WORDS,
    CONFLICT_WORDS,
    DEAD,
    FLAG_WORDS,
    LETTERS,
    LINK_TONE,
    SEVERITY_WORDS,
    ClaimView,
    ConflictView,
    DocView,
    FootnoteView,
    GroupView,
    LinkView,
    Page,
    ProblemDoc,
    Segment,
    Side,
)
from .review import reviewed_flags, reviewed_rows, reviewed_words


def safe_href(url: str) -> str | None:
    """The URL as a link target when it is plain http(s) with a host; None for anything else."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _link_view(url: str, result: LinkResult | None, offline: bool | None, reviewed: str = "") -> LinkView:
    if result is None:
        # Offline runs check no link: the summary says so once, not beside every URL.
        return LinkView(url, safe_href(url), "not checked", "" if offline else "not in this report", "muted")
    status = result.status.value
    detail = " ".join(x for x in (str(result.http_status) if result.http_status else "", result.reason) if x)
    if result.final_url and result.final_url != url:
        detail = f"{detail} \u2192 {result.final_url}".strip()
    return LinkView(url, safe_href(url), status, detail, LINK_TONE.get(status, "muted"), reviewed)


def _bound(claim: Claim) -> str | None:
    return claim.bound.value if claim.bound else None


def _reads(claim: Claim) -> str:
    if claim.kind == "fact":
        return " ".join(x for x in ("fact:", claim.predicate, claim.object) if x)
    if claim.bound == "=" and claim.low != claim.high:
        return "a round figure"  # "1.8 million" allows 1.75-1.85 million
    return BOUND_WORDS.get(claim.bound.value if claim.bound else "", "")


def _title(doc: Document) -> str:
    """The article's headline: its first line of text, when that reads like one."""
    for line in doc.text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= 160 else ""
    return ""


def _segments(text: str, claims: Sequence[ClaimView], footnotes: Sequence[FootnoteView],
              chrome: Iterable[tuple[int, int]]) -> tuple[Segment, ...]:
    """The document's text cut into plain stretches, claims, footnote markers and page chrome.

    Spans that overlap one already taken are dropped (claims first, then markers, then chrome),
    so every character of the text appears exactly once.
    """
    spans: list[tuple[int, int, int, Segment]] = []
    for cv in claims:
        spans.append((cv.claim.start, cv.claim.end, 0, Segment("", "claim", claim=cv, anchor=cv.anchor)))
    for fv in footnotes:
        for (start, end), anchor in zip(fv.citation.markers, fv.marker_anchors):
            spans.append((start, end, 1, Segment("", "marker", href=f"#{fv.anchor}", anchor=anchor)))
    for start, end in chrome:
        spans.append((start, end, 2, Segment("", "chrome")))
    taken: list[tuple[int, int, Segment]] = []
    for start, end, _, seg in sorted(spans, key=lambda s: (s[2], s[0])):
        if 0 <= start < end <= len(text) and not any(start < e and s < end for s, e, _ in taken):
            taken.append((start, end, seg))
    out: list[Segment] = []
    pos = 0
    for start, end, seg in sorted(taken, key=lambda t: t[0]):
        if start > pos:
            out.append(Segment(text[pos:start]))
        out.append(Segment(text[start:end], seg.kind, seg.claim, seg.href, seg.anchor))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return tuple(out)


def build_page(report: Report, settings: Settings | None = None) -> Page:
    """Report -> the page's view objects: documents, conflicts, groups, footnotes, summary."""
    offline = settings.offline if settings is not None else None
    review = review_of(report)
    links = {r.url: r for r in report.links}
    docs_by_id: dict[str, Document] = {d.id: d for d in report.documents}
    # Claims of documents the report does not list (a reconciled ledger) still need a home.
    for c in report.claims:
        key = c.doc_id or c.doc
        if key not in docs_by_id:
            docs_by_id[key] = Document(key, c.path or c.doc, c.doc, "", "", "")
    keys = {doc_id: f"d{i}" for i, doc_id in enumerate(docs_by_id)}
    conflicted = {cid for k in report.conflicts for cid in k.claims}

    footnotes: dict[tuple[str, int], FootnoteView] = {}
    for cite in report.citations:
        doc_id = cite.doc_id or cite.doc
        doc_key = keys.get(doc_id)
        if doc_key is None:
            continue
        anchor = f"fn-{doc_key}-{cite.number}"
        footnotes[(doc_id, cite.number)] = FootnoteView(
            anchor, doc_key, docs_by_id[doc_id].name, cite,
            tuple(_link_view(u, links.get(u), offline, reviewed_words(review.verdict(f"link:{u}"))) for u in cite.urls),
            tuple(f"{anchor}-ref{i}" for i in range(len(cite.markers))), reviewed_flags(review, cite))

    claim_views: dict[str, ClaimView] = {}
    marks = note_marks(report)
    for n, c in enumerate(report.claims):
        doc_id = c.doc_id or c.doc
        doc = docs_by_id[doc_id]
        before, quote, after = sentence_pieces(c, doc.text, marks.get(doc_id, ()))
        notes = tuple(footnotes[(doc_id, num)] for num in c.citations if (doc_id, num) in footnotes)
        claim_views[c.id] = ClaimView(c, f"claim-{n}", keys[doc_id], doc.name, tuple(before), quote, tuple(after),
                                      interval_text(c.low, c.high, c.unit, _bound(c)) if c.kind != "fact" else "",
                                      _reads(c), notes, c.id in conflicted)

    docs = []
    for doc_id, doc in docs_by_id.items():
        key = keys[doc_id]
        dclaims = tuple(cv for cv in claim_views.values() if (cv.claim.doc_id or cv.claim.doc) == doc_id)
        dnotes = tuple(fv for (d, _), fv in sorted(footnotes.items(), key=lambda kv: kv[0][1]) if d == doc_id)
        has_text = bool(doc.text)
        segments = _segments(doc.text, dclaims, dnotes, doc.chrome) if has_text else ()
        docs.append(DocView(key, doc, _title(doc), dclaims, dnotes, segments, has_text,
                            sum(fv.problem for fv in dnotes)))

    groups_by_id = {g.id: g for g in report.groups}
    conflicts = []
    order = {Severity.CONTRADICTION: 0, Severity.NEAR_MISS: 1, Severity.POSSIBLE: 2}  # contradictions first, then near misses
    for n, k in enumerate(sorted(report.conflicts, key=lambda k: (order.get(k.severity, 2), k.id))):
        sides = tuple(Side(LETTERS[i % 26], claim_views[cid]) for i, cid in enumerate(k.claims) if cid in claim_views)
        group = groups_by_id.get(k.group)
        intervals = [Interval(s.view.claim.id, s.letter,
                              f"{s.letter} \u00b7 {_short_name(s.view.doc_name, 11)}:{s.view.claim.line}",
                              s.view.claim.low, s.view.claim.high, s.view.claim.unit, _bound(s.view.claim))
                     for s in sides if s.view.claim.kind != "fact"]
        drawn = chart(intervals, k.gap) if len(intervals) >= 2 else None
        doc_keys = sorted({s.view.doc_key for s in sides})
        conflicts.append(ConflictView(
            k, f"conflict-{n}", CONFLICT_WORDS.get(k.kind, "Conflict"), group.label if group else k.group,
            SEVERITY_WORDS.get(k.severity, str(k.severity.value)), sides, drawn,
            _gap_words(k.gap), " ".join(doc_keys),
            "within one article" if len(doc_keys) == 1 else "between articles",
            narrow(drawn) if drawn is not None else None,
            "muted" if k.gap is not None and k.gap <= 0 else ("bad" if k.severity is Severity.CONTRADICTION else "warn"),
            reviewed_words(review.verdict(f"conflict:{k.id}"))))

    groups = []
    for n, g in enumerate(report.groups):
        if not g.agrees:
            continue
        gclaims = tuple(sorted((claim_views[cid] for cid in g.claims if cid in claim_views),
                               key=lambda cv: (cv.doc_key, cv.claim.start)))
        agreed = interval_text(g.low, g.high, g.unit) if finite(g.low) or finite(g.high) else ""
        groups.append(GroupView(g, f"group-{n}", gclaims, agreed,
                                " ".join(sorted({cv.doc_key for cv in gclaims}))))

    problems = [fv for fv in footnotes.values() if fv.problem]
    return Page(report, docs, conflicts, groups, problems, _problem_docs(docs, problems),
                _summary(report, review, conflicts, list(footnotes.values())),
                _link_counts(report), _flag_counts(report), _settings_rows(settings), warnings=_warnings(report),
                reviewed=reviewed_rows(review), stale=[(e.rule, e.where, e.what) for e in review.stale])


def _gap_words(gap: float | None) -> str:
    """The conflict's relative gap for the card: "Gap: 20%.", "Gap: under 1%.", or "The intervals touch."."""
    if gap is None:
        return ""
    if gap <= 0:
        return "The intervals touch."  # a near miss by a hair: said plainly, never as an alarm
    return "Gap: under 1%." if gap < 0.005 else f"Gap: {gap * 100:.0f}%."


def _problem_docs(docs: list[DocView], problems: list[FootnoteView]) -> list[ProblemDoc]:
    """Footnotes with problems (not yet reviewed), by document, each with what its problems are and how many."""
    listed = {id(fv) for fv in problems}
    out = []
    for d in docs:
        bad = tuple(fv for fv in d.footnotes if id(fv) in listed)
        if not bad:
            continue
        counts: dict[str, int] = {}
        for fv in bad:
            for f in fv.citation.flags:
                if f not in fv.reviewed_flags:
                    counts[f] = counts.get(f, 0) + 1
            if any(lv.tone == "bad" and not lv.reviewed for lv in fv.links):
                counts["dead link"] = counts.get("dead link", 0) + 1
        out.append(ProblemDoc(d.key, d.doc.name, d.doc.path, bad, tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))))
    return out


def _short_name(name: str, width: int = 16) -> str:
    stem = name.rsplit(".", 1)[0]
    return stem if len(stem) <= width else stem[: width - 1] + "\u2026"


def _summary(report: Report, review: Review, conflicts: list[ConflictView], footnotes: list[FootnoteView]) -> dict[str, int]:
    """The counts the header and tiles show: what needs a look, and beside it what is reviewed."""
    statuses = [r.status for r in report.links]
    reviewed_dead = sum(r.status in DEAD and bool(reviewed_words(review.verdict(f"link:{r.url}"))) for r in report.links)
    open_ = [k.conflict for k in conflicts if not k.reviewed]
    return {
        "documents": len(report.documents), "skipped": len(report.skipped), "claims": len(report.claims),
        "groups": len(report.groups), "agreeing": sum(g.agrees for g in report.groups),
        "conflicts": len(report.conflicts),
        "contradictions": sum(k.severity == Severity.CONTRADICTION for k in report.conflicts),
        "near_misses": sum(k.severity == Severity.NEAR_MISS for k in report.conflicts),
        "possible": sum(k.severity == Severity.POSSIBLE for k in report.conflicts),
        "open_contradictions": sum(k.severity == Severity.CONTRADICTION for k in open_),
        "open_near_misses": sum(k.severity == Severity.NEAR_MISS for k in open_),
        "reviewed_conflicts": len(conflicts) - len(open_),
        "citations": len(report.citations),
        "flagged": sum(any(f not in fv.reviewed_flags for f in fv.citation.flags) for fv in footnotes),
        "reviewed_flagged": sum(bool(fv.citation.flags) and set(fv.citation.flags) <= fv.reviewed_flags for fv in footnotes),
        "links": len(statuses), "dead": sum(s in DEAD for s in statuses) - reviewed_dead, "reviewed_dead": reviewed_dead,
        "unverified": sum(s == LinkStatus.UNVERIFIED for s in statuses),
    }


def _link_counts(report: Report) -> list[tuple[str, int, str]]:
    counts: dict[str, int] = {}
    for r in report.links:
        counts[r.status.value] = counts.get(r.status.value, 0) + 1
    order = [s.value for s in LinkStatus]
    return [(s, counts[s], LINK_TONE.get(s, "muted")) for s in sorted(counts, key=order.index)]


def _flag_counts(report: Report) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for c in report.citations:
        for f in c.flags:
            counts[f] = counts.get(f, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _settings_rows(settings: Settings | None) -> list[tuple[str, str]]:
    if settings is None:
        return []
    s = settings
    rows = [("model", s.model), ("network", "offline: links not checked" if s.offline else "links checked"),
            ("fails the run", ", ".join([*s.links.fail_on, *([f"conflicts from {s.fail_on_conflicts}"]
                                                             if s.fail_on_conflicts else [])]) or "nothing"),
            ("near miss", f"a gap up to {s.reconcile.near_miss * 100:g}%"), ("jobs", str(s.jobs))]
    if s.include:
        rows.append(("include", ", ".join(s.include)))
    if s.exclude:
        rows.append(("exclude", ", ".join(s.exclude)))
    return rows


def _warnings(report: Report) -> list[str]:
    out = [w for d in report.documents for w in d.warnings]
    out += [f"{s.path}: {s.reason}" for s in report.skipped]
    out += list(report.warnings)
    out += [f"Not checked: {f.message}" for f in report.faults]
    if report.network_note:
        out.append(report.network_note)
    return out


@lru_cache(maxsize=1)
def _environment():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("claimcheck.formats", "templates"),
        autoescape=True,  # every value is escaped unless marked safe; only our own CSS is
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    )
    env.globals["flag_words"] = FLAG_WORDS
    return env


def _css(page: Page) -> str:
    """The style sheet: the static rules, and one rule per document for the document filter."""
    env = _environment()
    static = env.loader.get_source(env, "report.css")[0]  # type: ignore[union-attr]
    per_doc = "".join(
        f'#f-doc-{d.key}:checked ~ main [data-docs]:not([data-docs~="{d.key}"]) {{ display: none; }}\n'
        f"#f-doc-{d.key}:checked ~ .filters .current-{d.key} {{ display: inline; }}\n"
        f'#f-doc-{d.key}:checked ~ .filters label[for="f-doc-{d.key}"] {{ background: var(--note-bg); font-weight: 600; }}\n'
        for d in page.docs)
    return static + per_doc


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def render_html(report: Report, settings: Settings | None = None) -> str:
    """Report -> one self-contained HTML page (no script, no remote load), as text."""
    from markupsafe import Markup

    page = build_page(report, settings)
    css = _css(page)
    policy = (f"default-src 'none'; img-src data:; style-src {csp_hash(css)}; "
              "base-uri 'none'; form-action 'none'")
    return _environment().get_template("report.html.j2").render(
        page=page, css=Markup(css), csp=policy, Severity=Severity)
