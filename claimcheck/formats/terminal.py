"""The human report, drawn with rich on the Console the CLI hands over."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..gate import without_reviewed
from ..model import Bound, Claim, Report, Severity
from .excerpt import Index, clean
from .terminal_findings import plural, render_agreeing_groups, render_conflicts
from .terminal_review import review_lines

STYLE = {"ok": "green", "redirected": "cyan", "broken": "bold red", "blocked": "yellow", "server-error": "red",
         "timeout": "yellow", "tls-error": "red", "invalid-url": "red", "skipped": "dim", "unverified": "dim"}


def _fmt(x: float | None) -> str:
    if x is None:
        return ""
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.4g}"


# The hedge as a person reads it (`Bound.EXACT` is "=", which reads as nothing at all).
BOUND_WORDS = {Bound.EXACT: "", Bound.APPROX: "about ", Bound.OVER: "more than ", Bound.AT_LEAST: "at least ",
               Bound.UNDER: "less than ", Bound.AT_MOST: "at most "}


def reads_as(c: Claim) -> str:
    """ "35", "about 1,800,000", "more than 200,000", "1,250,000 to 1,500,000", "fact: born"."""
    if c.kind == "fact":
        return f"fact: {c.predicate}"
    if c.bound is Bound.RANGE or c.value is None:
        if c.low is not None and c.high is not None and c.low != float("-inf") and c.high != float("inf"):
            return f"{'about ' if c.bound is not Bound.RANGE else ''}{_fmt(c.low)} to {_fmt(c.high)}"
        return f"at least {_fmt(c.low)}" if c.low is not None and c.low != float("-inf") else f"at most {_fmt(c.high)}"
    return BOUND_WORDS.get(Bound(c.bound), "") + _fmt(c.value) if c.bound is not None else _fmt(c.value)


def claims_tables(report: Report) -> list[Table]:
    """One table per document: line, the phrase, how it reads, what it counts, when, support."""
    tables: dict[str, Table] = {}
    for c in report.claims:
        table = tables.get(c.doc_id or c.doc)
        if table is None:
            table = tables[c.doc_id or c.doc] = Table(title=Text(f"Claims in {clean(c.path or c.doc)}"), title_justify="left", expand=True)
            for col, ratio in (("line", 1), ("quote", 3), ("reads as", 3), ("counts", 5), ("time", 2), ("support", 3)):
                table.add_column(col, overflow="fold", ratio=ratio)
        reads = reads_as(c)
        unit = f" {c.unit}" if c.unit and c.kind != "fact" else ""
        what = f"{c.subject} {c.predicate} {c.object or ''}".strip() if c.kind == "fact" else c.subject
        support = [f"[{', '.join(map(str, c.citations))}]" if c.citations else "",
                   c.source if c.source and not c.source.startswith("footnote") else "",
                   "(cited title)" if c.cited_in else "", "(repeat)" if c.duplicate_of else ""]
        table.add_row(str(c.line), Text(clean(c.quote)), Text(reads + unit), Text(clean(what)), Text(clean(c.time or "")),
                      Text(clean(" ".join(x for x in support if x))))
    return list(tables.values())


def note_ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 7, 9, 10] -> "1-3, 7, 9-10"."""
    out: list[str] = []
    run: list[int] = []
    for n in sorted(set(numbers)):
        if run and n != run[-1] + 1:
            out.append(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]))
            run = []
        run.append(n)
    if run:
        out.append(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]))
    return ", ".join(out)


# The words of the audit's note that explains each flag (citations/audit.py writes them); a flag not
# listed here has no note of its own, and no note is shown under it.
_FLAG_NOTES = {"date-mismatch": "URL path says", "publisher-domain-mismatch": "does not own",
               "duplicate-url": "is also cited in note", "numbering-gap": "are missing from the list",
               "orphan-marker": "has no footnote"}


def _doc_paths(report: Report) -> dict[str, str]:
    """Document id -> its path as given on the command line, for `path:line` locations."""
    paths = {d.id: d.path for d in report.documents}
    for c in report.claims:
        paths.setdefault(c.doc_id or c.doc, c.path or c.doc)
    return paths


def citation_lines(report: Report, shown: int = 3) -> list[Text]:
    """Citation flags grouped by flag, each at its `path:line`.

    A flag that a note explains (a publisher that does not own the domain, a date that differs) has
    a line per footnote with its note; a flag without one (no URL, http://) has a line per document,
    at its first footnote, naming the rest by number: 80 notes without URLs are one line. Past
    `shown` explained footnotes in a document, the rest are named by number on one line.
    """
    paths = _doc_paths(report)
    by_flag: dict[str, dict[str, list]] = {}
    for c in report.citations:
        for flag in c.flags:
            by_flag.setdefault(flag, {}).setdefault(c.doc_id or c.doc, []).append(c)
    lines: list[Text] = []
    for flag in sorted(by_flag):
        docs = by_flag[flag]
        lines.append(Text.assemble((flag, "yellow"), f" · {sum(map(len, docs.values()))}"))
        words = _FLAG_NOTES.get(flag)
        for doc, cites in docs.items():
            path = paths.get(doc, doc)
            if words is None:
                numbers = [c.number for c in cites]
                label = f"note {numbers[0]}" if len(numbers) == 1 else f"notes {note_ranges(numbers)}"
                lines.append(Text.assemble("  ", (clean(f"{path}:{cites[0].line}"), "dim"), f"  {label}"))
                continue
            for c in cites[:shown]:
                why = "; ".join(note for note in c.notes if words in note)
                lines.append(Text.assemble("  ", (clean(f"{path}:{c.line}"), "dim"), f"  note {c.number}",
                                           f": {clean(why)}" if why else ""))
            if len(cites) > shown:  # the rest of this document's, by number: its footnotes list says why
                rest = cites[shown:]
                lines.append(Text.assemble("  ", (clean(f"{path}:{rest[0].line}"), "dim"),
                                           f"  +{len(rest)} more: notes {note_ranges([c.number for c in rest])}"))
    return lines


# Worst first: what needs a fix, then what could not be judged, then what is fine.
LINK_ORDER = ["broken", "server-error", "tls-error", "timeout", "invalid-url", "blocked", "redirected",
              "unverified", "skipped", "ok"]


def _cited_at(refs, shown: int = 2) -> str:
    """Where a URL is cited, as `path:line [note]`: the first places, then how many more."""
    places = list(dict.fromkeys((r.path or r.doc, r.line, r.footnote) for r in refs))
    parts = [f"{path}:{line}" + (f" [{note}]" if note else "") for path, line, note in places[:shown]]
    more = f" +{len(places) - shown} more" if len(places) > shown else ""
    return ", ".join(parts) + more if places else "(not cited)"


def links_lines(report: Report, list_ok: bool = False) -> list[Text]:
    """Links grouped by status, worst first: a heading with the count, then one line per URL.

    A URL is never folded across lines (a table did that at 80 columns), so it can be copied from
    a terminal or a CI log. Each reason goes under its URL; `unverified` links share one reason
    (the network note), and `ok` links are only counted unless asked for.
    """
    groups: dict[str, list] = {}
    for r in report.links:
        groups.setdefault(r.status.value, []).append(r)
    lines: list[Text] = []
    for status in LINK_ORDER + sorted(set(groups) - set(LINK_ORDER)):  # a status added later still shows
        results = sorted(groups.get(status, []), key=lambda r: ([(ref.doc, ref.line) for ref in r.refs], r.url))
        if not results:
            continue
        lines.append(Text.assemble((status, STYLE[status]), f" · {len(results)}"))
        if status == "ok" and not list_ok:
            continue
        wheres = [_cited_at(r.refs) for r in results]
        width = min(max(map(len, wheres)), 48)  # aligned, but one long list does not push every URL right
        for r, where in zip(results, wheres):  # printed with soft_wrap: the line is never folded nor cut
            lines.append(Text.assemble("  ", (clean(where).ljust(width), "dim"), "  ", clean(r.url)))
            detail = r.reason + (f"; archived copy: {r.archive_url}" if r.archive_url else "")
            if status != "unverified" and detail:
                lines.append(Text("      " + clean(detail), style="dim" if status in ("ok", "skipped") else ""))
    return lines


def render_scan(report: Report, console: Console, show_claims: bool = False) -> None:
    """What needs a person first: conflicts, then links and citation flags, then what agrees.

    The per-document claims tables come last, and only when asked for (`--claims`). Findings the
    baseline marks reviewed are folded into one line per rule, after the rest.
    """
    full, report = report, without_reviewed(report)
    render_conflicts(report, console, Index(full))  # a side's footnote still says its link is broken, reviewed or not
    _print_links(report, console, problems_only=True)
    flags = citation_lines(report)
    if flags:
        console.print(Text("Citation flags", style="bold"))
    for line in flags:
        console.print(line, soft_wrap=True, highlight=False)
    render_agreeing_groups(report, console)
    if show_claims:
        for claims in claims_tables(report):
            console.print(claims)
    _print_review(full, console)
    render_summary(full, console)


def render_links(report: Report, console: Console) -> None:
    _print_links(without_reviewed(report), console)
    _print_review(report, console)
    render_summary(report, console, show_claims=False)


def _print_review(report: Report, console: Console) -> None:
    for line in review_lines(report):
        console.print(line, soft_wrap=True, highlight=False)


def _print_links(report: Report, console: Console, problems_only: bool = False) -> None:
    lines = links_lines(report)
    if problems_only and all(r.status.value in ("ok", "skipped", "unverified") for r in report.links):
        lines = []  # nothing to act on; the summary line counts them
    if lines:
        console.print(Text("Links", style="bold"))
    for line in lines:
        console.print(line, soft_wrap=True, highlight=False)


def render_summary(report: Report, console: Console, show_claims: bool = True) -> None:
    """One line: what was read, what was found, by severity; always last."""
    numeric = sum(c.kind != "fact" for c in report.claims)
    facts = len(report.claims) - numeric
    flags = sum(len(c.flags) for c in report.citations)
    by_status: dict[str, int] = {}
    for r in report.links:
        by_status[r.status.value] = by_status.get(r.status.value, 0) + 1
    documents = len(report.documents) or len({c.doc_id or c.doc for c in report.claims})  # ledgers carry no documents
    parts = [plural(documents, "document")]
    if show_claims:
        parts += [plural(numeric, "numeric claim"), plural(facts, "fact")]
        if report.reconciled:
            severe = {s: sum(c.severity is s for c in report.conflicts) for s in Severity}
            parts.append(plural(len(report.groups), "group"))
            parts.append(f"{plural(len(report.conflicts), 'conflict')} ({plural(severe[Severity.CONTRADICTION], 'contradiction')}, "
                         f"{plural(severe[Severity.NEAR_MISS], 'near miss', 'near misses')}"
                         + (f", {severe[Severity.POSSIBLE]} possible" if severe[Severity.POSSIBLE] else "") + ")")
        else:
            parts.append("not reconciled")
    parts.append(f"{plural(len(report.citations), 'citation')} ({plural(flags, 'flag')})")
    if by_status:
        parts.append("links: " + ", ".join(f"{by_status[s]} {s}" for s in LINK_ORDER if s in by_status))
    if report.skipped:
        parts.append(f"{len(report.skipped)} skipped")
    if report.faults:
        parts.append(f"{len(report.faults)} not checked (internal errors)")
    console.print(Text(" · ".join(parts), style="bold"))


def verdict(report: Report, settings, failing: bool) -> str:
    """The run's last line (rich markup): whether anything failed it, and what to do next.

    `failing` is the gate's answer (gate.failures); the failing and the unreviewed findings come
    from the gate's verdicts, so this only words them and points at the way on.
    """
    from ..gate import judge

    review = report.review if report.review is not None else judge(report, settings)
    open_ = [v for v in review.verdicts if v.reviewed is None]
    kinds = {v.finding.rule.split("/", 1)[0] for v in open_ if v.fails}
    if failing:
        steps = []
        if any(v.fails and v.finding.rule.startswith("link/") and v.finding.rule != "link/unverified" for v in open_):
            steps.append("fix or replace the links listed under Links"
                         + ("" if settings.links.suggest_archive else " (--suggest-archive finds archived copies)"))
        if any(v.fails and v.finding.rule == "link/unverified" for v in open_):
            steps.append("run where the network is reachable")
        if "conflict" in kinds:
            steps.append("read the conflicts and correct the figures, or say why they differ")
        if "citation" in kinds:
            steps.append("fix the flagged footnotes")
        if "input" in kinds:
            steps.append("make the skipped files readable, or leave them out (--exclude)")
        if kinds - {"input"}:
            steps.append("once a person has read a finding, `claimcheck baseline` records it as reviewed")
        return f"[bold red]✗ This run fails (exit 1).[/] Next: {'; '.join(steps) or 'see the reasons above'}."
    counts: dict[str, int] = {}
    for v in open_:
        if v.finding.reviewable:
            kind = v.finding.rule.split("/", 1)[0]
            counts[kind] = counts.get(kind, 0) + 1
    words = {"conflict": "conflict", "link": "problem link", "citation": "citation flag", "input": "skipped file"}
    found = [plural(counts[k], words[k]) for k in words if counts.get(k)]
    if not found:
        return "[bold green]✓ Nothing fails this run (exit 0)[/], and nothing needs a look."
    return (f"[bold green]✓ Nothing fails this run (exit 0).[/] Worth a look: {', '.join(found)} "
            "(--fail-on decides what fails a run).")
