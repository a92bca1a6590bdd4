"""Formats CI systems read: GitHub workflow commands, JUnit XML and SARIF code-scanning alerts.

Each finding points at a document and line: a conflict at each of its sides, a citation flag at
its footnote, a link at every place it is cited. Data is escaped as each format requires, so
article text or a server's answer cannot add commands, break the XML or forge a location.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from xml.sax.saxutils import escape, quoteattr

from .. import PROJECT_URL, __version__
from ..gate import review_of
from ..model import BaselineEntry, LinkResult, LinkStatus, Report, Review, Verdict
from .excerpt import clean

GOOD = {LinkStatus.OK, LinkStatus.SKIPPED}
SARIF_LEVEL = {"error": "error", "warning": "warning", "notice": "note"}
# GitHub shows about ten annotations of each level per step; the rest go to the job summary.
ANNOTATION_CAP = 10
_QUIET_LINKS = {LinkStatus.REDIRECTED.value, LinkStatus.UNVERIFIED.value}
_LEVEL_RANK = {"error": 0, "warning": 1, "notice": 2}
_LINK_RANK = ["broken", "invalid-url", "server-error", "tls-error", "timeout", "blocked", "redirected", "unverified"]


def level(v: Verdict) -> str:
    """error when it fails the run; notice when reviewed or merely informative; warning otherwise."""
    if v.fails:
        return "error"
    if v.reviewed is not None or (v.finding.rule.startswith("link/") and v.finding.severity in _QUIET_LINKS):
        return "notice"
    return "warning"


def worst_first(verdicts: Iterable[Verdict]) -> list[Verdict]:
    """Failing first, then by what is most often wrong: contradictions, dead links, unread files, near misses, flags."""
    def rank(v: Verdict) -> tuple:
        f = v.finding
        kind = f.rule.split("/", 1)[0]
        within = {"conflict": 0 if f.severity == "contradiction" else 3, "link": 1, "input": 2, "citation": 4}.get(kind, 2)
        link = _LINK_RANK.index(f.severity) if kind == "link" and f.severity in _LINK_RANK else len(_LINK_RANK)
        return (_LEVEL_RANK[level(v)], within, link, f.where, f.locations[:1], f.key)

    return sorted(verdicts, key=rank)


def _title(v: Verdict) -> str:
    f = v.finding
    kind, _, what = f.rule.partition("/")
    head = {"conflict": f"claimcheck {f.severity} ({what})", "link": f"claimcheck link {what}",
            "citation": f"claimcheck {what}", "input": f"claimcheck {what}"}.get(kind, f"claimcheck {f.rule}")
    return head + (" (reviewed)" if v.reviewed is not None else "")


def why_link(r: LinkResult) -> str:
    code = f" (HTTP {r.http_status})" if r.http_status else ""
    final = f" -> {r.final_url}" if r.final_url and r.final_url != r.url else ""
    return f"{r.status.value}{code}: {r.reason}{final}".strip()


def gh_data(text: str) -> str:
    """A workflow command's message: %, CR and LF escaped, so it stays one command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def gh_property(text: str) -> str:
    """A workflow command's property value: also ':' and ',', which would end or split it."""
    return gh_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(level: str, path: str, line: int, title: str, message: str) -> str:
    return f"::{level} file={gh_property(path)},line={line},title={gh_property(title)}::{gh_data(message)}"


def github(report: Report) -> str:
    """GitHub Actions workflow commands, worst first, at most ANNOTATION_CAP of each level.

    A finding is an `::error` only when it fails the run (the gate's verdict); reviewed ones are
    notices. What the cap leaves out is counted in a last notice; `github_summary` lists it all.
    """
    review = review_of(report)
    shown: dict[str, int] = {}
    left = 0
    out = []
    for v in worst_first(review.verdicts):
        lvl = level(v)
        for place in v.finding.locations or (None,):  # a finding of the whole run has no place
            if shown.get(lvl, 0) >= ANNOTATION_CAP - (lvl == "notice") * (1 + bool(review.stale)):  # room for the last notices
                left += 1
                continue
            shown[lvl] = shown.get(lvl, 0) + 1
            out.append(_command(lvl, place[0], place[1], _title(v), v.finding.message) if place else
                       f"::{lvl} title={gh_property(_title(v))}::{gh_data(v.finding.message)}")
    if review.stale:
        out.append(f"::notice title=claimcheck baseline::{gh_data(f'{len(review.stale)} baseline entries match no finding any more (stale): run claimcheck baseline to drop them')}")
    if left:
        out.append(f"::notice title=claimcheck::{gh_data(f'{left} more annotations not shown (GitHub shows about {ANNOTATION_CAP} of each level): the job summary lists every finding')}")
    return "\n".join(out) + ("\n" if out else "")


def github_summary(report: Report) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: the counts and every finding, which annotations cannot hold."""
    from .review import review_markdown

    return "\n".join(["# claimcheck", "", *review_markdown(review_of(report), full=True)]).rstrip("\n") + "\n"


def _xml(text: str) -> str:
    return escape(clean(text))


def _attr(text: str) -> str:
    return quoteattr(clean(text))


def junit(report: Report) -> str:
    """Suites for links (one case per URL), conflicts (per group), citations (per footnote) and unread inputs.

    A case is a `<failure>` only when one of its findings fails the run; reviewed findings are
    `<skipped>` with who accepted them; other findings pass, with the finding in `<system-out>`.
    """
    review = review_of(report)
    suites = [_links_suite(report, review), _conflicts_suite(report, review), _citations_suite(report, review)]
    if report.skipped:
        suites.append(_inputs_suite(report, review))
    others = [v for v in review.verdicts if v.finding.key.split(":", 1)[0] not in ("link", "conflict", "citation", "skip")]
    if others:  # a kind of finding added later, one case each, until it gets a suite of its own
        cases = [_case("findings", v.finding.key, [v]) for v in others]
        suites.append(_suite("claimcheck findings", [c for c, _ in cases], sum(k == "failure" for _, k in cases),
                             sum(k == "skipped" for _, k in cases)))
    return "\n".join(['<?xml version="1.0" encoding="UTF-8"?>', "<testsuites>", *suites, "</testsuites>"]) + "\n"


def _suite(name: str, cases: list[str], failures: int, skipped: int = 0) -> str:
    head = (f'  <testsuite name="{name}" tests="{len(cases)}" failures="{failures}" errors="0" '
            f'skipped="{skipped}">')
    return "\n".join([head, *cases, "  </testsuite>"])


def _reviewed_words(e: BaselineEntry) -> str:
    return f"reviewed by {e.by} on {e.on}" + (f": {e.note}" if e.note else "")


def _case(classname: str, name: str, verdicts: list[Verdict], time: str = "", detail: str = "",
          skip: str = "") -> tuple[str, str]:
    """One testcase and how it counts ("failure", "skipped" or "")."""
    failing = [v for v in verdicts if v.fails]
    props = "".join(f'<property name="fingerprint" value="{v.finding.fingerprint}"/>' for v in verdicts)
    body = f"<properties>{props}</properties>" if props else ""
    counted = ""
    if failing:
        counted = "failure"
        body += (f"<failure message={_attr(failing[0].finding.message)} type={_attr(failing[0].finding.rule)}>"
                 f"{_xml(chr(10).join([v.finding.message for v in failing] + ([detail] if detail else [])))}</failure>")
    elif verdicts and all(v.reviewed is not None for v in verdicts):
        counted = "skipped"
        body += f"<skipped message={_attr('; '.join(_reviewed_words(v.reviewed) for v in verdicts if v.reviewed))}/>"
    elif skip:
        counted = "skipped"
        body += f"<skipped message={_attr(skip)}/>"
    elif verdicts:
        body += f"<system-out>{_xml(chr(10).join(v.finding.message for v in verdicts))}</system-out>"
    return f'    <testcase classname="{classname}" name={_attr(name)}{time}>{body}</testcase>', counted


def _links_suite(report: Report, review: Review) -> str:
    cases, counts = [], []
    for r in sorted(report.links, key=lambda r: r.url):
        v = review.verdict(f"link:{r.url}")
        where = ", ".join(f"{ref.doc_id or ref.doc}:{ref.line}" for ref in r.refs)
        skip = why_link(r) if r.status in (LinkStatus.SKIPPED, LinkStatus.UNVERIFIED) else ""
        case, counted = _case("links", r.url, [v] if v else [], f' time="{(r.elapsed_ms or 0) / 1000:.3f}"', where, skip)
        cases.append(case)
        counts.append(counted)
    return _suite("claimcheck links", cases, counts.count("failure"), counts.count("skipped"))


def _conflicts_suite(report: Report, review: Review) -> str:
    by_group: dict[str, list[Verdict]] = {}
    for c in report.conflicts:
        v = review.verdict(f"conflict:{c.id}")
        if v:
            by_group.setdefault(c.group, []).append(v)
    cases, counts = [], []
    for g in report.groups:
        case, counted = _case("conflicts", g.label, by_group.get(g.id, []))
        cases.append(case)
        counts.append(counted)
    return _suite("claimcheck conflicts", cases, counts.count("failure"), counts.count("skipped"))


def _citations_suite(report: Report, review: Review) -> str:
    cases, counts = [], []
    for c in report.citations:
        found = [review.verdict(f"citation:{c.doc_id or c.doc}:{c.number}:{flag}") for flag in c.flags]
        case, counted = _case("citations", f"{c.doc_id or c.doc} footnote {c.number}", [v for v in found if v])
        cases.append(case)
        counts.append(counted)
    return _suite("claimcheck citations", cases, counts.count("failure"), counts.count("skipped"))


def _inputs_suite(report: Report, review: Review) -> str:
    cases, counts = [], []
    for s in report.skipped:
        v = review.verdict(f"skip:{s.path}")
        case, counted = _case("inputs", s.path, [v] if v else [])
        cases.append(case)
        counts.append(counted)
    return _suite("claimcheck inputs", cases, counts.count("failure"), counts.count("skipped"))


def sarif(report: Report) -> str:
    """SARIF 2.1.0: one rule per finding kind (conflict/*, citation/*, link/*, input/*), results at their lines.

    Level `error` only for what fails the run; every result carries its fingerprint in
    `partialFingerprints`, and a reviewed one an accepted external suppression.
    """
    review = review_of(report)
    results: list[dict] = []
    rules: dict[str, str] = {}
    for v in review.verdicts:
        f = v.finding
        kind, _, what = f.rule.partition("/")
        rules[f.rule] = {"conflict": f"claims that cannot both hold ({what})", "link": f"cited link is {what}",
                         "citation": f"footnote audit: {what}", "input": "an input file that could not be read"}.get(kind, f.rule)
        locations = [_location(path, line) for path, line in f.locations]
        result: dict = {"ruleId": f.rule, "level": SARIF_LEVEL[level(v)], "message": {"text": clean(f.message)},
                        "partialFingerprints": {"claimcheck/v1": f.fingerprint}}
        if kind == "conflict":
            result["locations"] = locations[:1]
            result["relatedLocations"] = [dict(loc, id=i) for i, loc in enumerate(locations[1:], 1)]
            result["properties"] = {"severity": f.severity, "fails": v.fails}
        else:
            result["locations"] = locations
            result["properties"] = {"fails": v.fails}
        if v.reviewed is not None:
            result["suppressions"] = [{"kind": "external", "status": "accepted",
                                       "justification": clean(_reviewed_words(v.reviewed))}]
        results.append(result)
    run: dict = {"tool": {"driver": {"name": "claimcheck", "version": __version__, "informationUri": PROJECT_URL,
                                     "rules": [{"id": k, "shortDescription": {"text": v}} for k, v in sorted(rules.items())]}},
                 "results": results}
    if review.baseline is not None or review.stale:
        run["properties"] = {"baseline": review.baseline,
                             "staleBaselineEntries": [{"fingerprint": e.fingerprint, "rule": e.rule, "where": e.where,
                                                       "what": e.what} for e in review.stale]}
    doc = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _location(path: str, line: int) -> dict:
    return {"physicalLocation": {"artifactLocation": {"uri": path}, "region": {"startLine": line}}}
