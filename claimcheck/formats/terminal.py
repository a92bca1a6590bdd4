"""The human report, drawn with rich on the Console the CLI hands over."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from ..model import LinkStatus, Report

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


def links_table(report: Report) -> Table | None:
    if not report.links:
        return None
    table = Table(title="Links", expand=True)
    for col in ("status", "url", "http", "cited at", "reason"):
        table.add_column(col, overflow="fold")
    order = [s.value for s in LinkStatus]
    for r in sorted(report.links, key=lambda r: (order.index(r.status.value), r.url)):
        where = ", ".join(f"{ref.doc}:{ref.line}" + (f" [{ref.footnote}]" if ref.footnote else "") for ref in r.refs)
        table.add_row(f"[{STYLE[r.status.value]}]{r.status.value}[/]", r.url, str(r.http_status or ""), where, r.reason)
    return table


def render_scan(report: Report, console: Console, show_claims: bool = True) -> None:
    if show_claims:
        for table in claims_tables(report):
            console.print(table)
    for table in (citations_table(report), links_table(report)):
        if table is not None:
            console.print(table)
    render_summary(report, console)


def render_links(report: Report, console: Console) -> None:
    table = links_table(report)
    if table is not None:
        console.print(table)
    render_summary(report, console)


def render_summary(report: Report, console: Console) -> None:
    numeric = sum(c.kind != "fact" for c in report.claims)
    facts = len(report.claims) - numeric
    flags = sum(len(c.flags) for c in report.citations)
    by_status: dict[str, int] = {}
    for r in report.links:
        by_status[r.status.value] = by_status.get(r.status.value, 0) + 1
    parts = [f"{len(report.documents)} documents", f"{numeric} numeric claims", f"{facts} facts",
             f"{len(report.citations)} citations ({flags} flags)"]
    if by_status:
        parts.append("links: " + ", ".join(f"{n} {s}" for s, n in sorted(by_status.items())))
    console.print("[bold]" + " · ".join(parts) + "[/]")
