"""The human report, drawn with rich on the Console the CLI hands over."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..model import Report

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
        table = tables.get(c.doc)
        if table is None:
            table = tables[c.doc] = Table(title=f"Claims in {c.doc}", title_justify="left", expand=True)
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
        table.add_row(str(c.line), c.quote, reads + unit, what, c.time or "", " ".join(x for x in support if x))
    return list(tables.values())


def citations_table(report: Report) -> Table | None:
    flagged = [c for c in report.citations if c.flags]
    if not flagged:
        return None
    table = Table(title="Citation audit", expand=True)
    for col in ("where", "note", "flags", "details"):
        table.add_column(col, overflow="fold")
    for c in flagged:
        table.add_row(f"{c.doc}:{c.line}", str(c.number), ", ".join(c.flags), "; ".join(c.notes))
    return table


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
            lines.append(Text.assemble("  ", (where.ljust(width), "dim"), "  ", r.url))
            detail = r.reason + (f"; archived copy: {r.archive_url}" if r.archive_url else "")
            if status != "unverified" and detail:
                lines.append(Text("      " + detail, style="dim" if status in ("ok", "skipped") else ""))
    return lines


def render_scan(report: Report, console: Console, show_claims: bool = True) -> None:
    if show_claims:
        for table in claims_tables(report):
            console.print(table)
    table = citations_table(report)
    if table is not None:
        console.print(table)
    _print_links(report, console)
    render_summary(report, console)


def render_links(report: Report, console: Console) -> None:
    _print_links(report, console)
    render_summary(report, console, show_claims=False)


def _print_links(report: Report, console: Console) -> None:
    lines = links_lines(report)
    if lines:
        console.print(Text("Links", style="bold"))
    for line in lines:
        console.print(line, soft_wrap=True, highlight=False)


def render_summary(report: Report, console: Console, show_claims: bool = True) -> None:
    numeric = sum(c.kind != "fact" for c in report.claims)
    facts = len(report.claims) - numeric
    flags = sum(len(c.flags) for c in report.citations)
    by_status: dict[str, int] = {}
    for r in report.links:
        by_status[r.status.value] = by_status.get(r.status.value, 0) + 1
    parts = [f"{len(report.documents)} documents"]
    if show_claims:
        parts += [f"{numeric} numeric claims", f"{facts} facts"]
    parts.append(f"{len(report.citations)} citations ({flags} flags)")
    if by_status:
        parts.append("links: " + ", ".join(f"{by_status[s]} {s}" for s in LINK_ORDER if s in by_status))
    console.print("[bold]" + " · ".join(parts) + "[/]")
