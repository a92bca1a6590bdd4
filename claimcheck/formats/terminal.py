"""The human report, drawn with rich on the Console the CLI hands over."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..model import Report, Severity
from .excerpt import clean
from .terminal_findings import render_agreeing_groups, render_conflicts
from .terminal_review import review_lines, without_reviewed

STYLE = {"ok": "green", "redirected": "cyan", "broken": "bold red", "blocked": "yellow", "server-error": "red",
         "timeout": "yellow", "tls-error": "red", "invalid-url": "red", "skipped": "dim", "unverified": "dim"}


def _fmt(x: float | None) -> str:
    if x is None:
        return ""
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.4g}"


def claims_tables(report: Report) -> list[Table]:
    """One table per document: line, the phrase, how it reads, what it counts, when, support."""
    tables: dict[str, Table] = {}
    for c in report.claims:
        table = tables.get(c.doc_id or c.doc)
        if table is None:
            table = tables[c.doc_id or c.doc] = Table(title=Text(f"Claims in {clean(c.path or c.doc)}"), title_justify="left", expand=True)
            for col, ratio in (("line", 1), ("quote", 3), ("reads as", 3), ("counts", 5), ("time", 2), ("support", 3)):
                table.add_column(col, overflow="fold", ratio=ratio)
        if c.kind == "fact":
            reads = f"fact: {c.predicate}"
        elif c.bound == "range":
            reads = f"{_fmt(c.low)}-{_fmt(c.high)}"
        else:
            reads = f"{c.bound} {_fmt(c.value)}" if c.value is not None else f"~ {_fmt(c.low)}-{_fmt(c.high)}"
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


_FLAG_WORDS = {"date-mismatch": "URL path says", "publisher-domain-mismatch": "does not own",
               "duplicate-url": "also cited"}


def citation_lines(report: Report) -> list[Text]:
    """Citation flags grouped by flag, one line per document: 80 notes without URLs are one line."""
    by_flag: dict[str, dict[str, list]] = {}
    for c in report.citations:
        for flag in c.flags:
            by_flag.setdefault(flag, {}).setdefault(c.doc_id or c.doc, []).append(c)
    lines: list[Text] = []
    for flag in sorted(by_flag):
        docs = by_flag[flag]
        lines.append(Text.assemble((flag, "yellow"), f" · {sum(map(len, docs.values()))}"))
        for doc, cites in docs.items():
            where = f"{doc}:{cites[0].line}" if len(cites) == 1 else doc
            word = "note" if len(cites) == 1 else "notes"
            lines.append(Text.assemble("  ", (clean(where), "dim"), f"  {word} {note_ranges([c.number for c in cites])}"))
            for c in cites[:3]:
                for note in c.notes:
                    if _FLAG_WORDS.get(flag, "") in note:  # a note explains one flag; show it under that one
                        lines.append(Text(f"      {c.number}: {clean(note)}"))
    return lines


# Worst first: what needs a fix, then what could not be judged, then what is fine.
LINK_ORDER = ["broken", "server-error", "tls-error", "timeout", "invalid-url", "blocked", "redirected",
              "unverified", "skipped", "ok"]


def _cited_at(refs, shown: int = 2) -> str:
    """Where a URL is cited: the first places, then how many more."""
    places = list(dict.fromkeys((r.doc, r.line, r.footnote) for r in refs))
    parts = [(f"{doc}:" if i == 0 or doc != places[i - 1][0] else "") + f"{line}" + (f" [{note}]" if note else "")
             for i, (doc, line, note) in enumerate(places[:shown])]  # "a.txt:12 [3], 40 [9]": one file named once
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
        for r, where in zip(results, wheres):
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
    render_conflicts(report, console)
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
    parts = [f"{documents} documents"]
    if show_claims:
        parts += [f"{numeric} numeric claims", f"{facts} facts"]
        if report.reconciled:
            severe = {s: sum(c.severity is s for c in report.conflicts) for s in Severity}
            parts.append(f"{len(report.groups)} groups")
            parts.append(f"{len(report.conflicts)} conflicts ({severe[Severity.CONTRADICTION]} contradictions, "
                         f"{severe[Severity.NEAR_MISS]} near misses)")
        else:
            parts.append("not reconciled")
    parts.append(f"{len(report.citations)} citations ({flags} flags)")
    if by_status:
        parts.append("links: " + ", ".join(f"{by_status[s]} {s}" for s in LINK_ORDER if s in by_status))
    if report.skipped:
        parts.append(f"{len(report.skipped)} skipped")
    if report.faults:
        parts.append(f"{len(report.faults)} not checked (internal errors)")
    console.print(Text(" · ".join(parts), style="bold"))
