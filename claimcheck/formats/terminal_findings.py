"""The reviewer's part of the terminal report: conflicts side by side, then groups that agree.

Every piece of article text goes into a rich `Text` (never into markup), with control characters
removed, so a "[/b]" or an escape sequence in an article prints as itself.
"""
from __future__ import annotations

from rich.console import Console
from rich.console import Group as RichGroup
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..model import Conflict, Report, Severity
from .excerpt import Index, Side, clean, excerpt, footnote_words

SEVERITY_STYLE = {Severity.CONTRADICTION: "bold red", Severity.NEAR_MISS: "yellow", Severity.POSSIBLE: "cyan"}


LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def plural(n: int, one: str, many: str | None = None) -> str:
    """ "1 document", "2 documents", "1 near miss", "0 near misses"."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def _side_text(letter: str, side: Side) -> Text:
    e = excerpt(side.claim, 200, side.text, side.marks)
    text = Text.assemble((letter, "bold"), "  ", e.before, (e.quote, "reverse bold"), e.after)
    extra = [f"source: {clean(side.source)}" if side.source else "", footnote_words(side)]
    for line in (x for x in extra if x):
        text.append("\n" + line, style="dim")
    return text


def conflict_lines(conflict: Conflict, index: Index) -> list[Text]:
    """The heading and one `path:line` per side, each printed whole (never folded, never cut)."""
    group = index.groups.get(conflict.group)
    sides = index.sides(conflict)
    docs = {s.claim.doc_id or s.claim.doc for s in sides}
    where = "within one article" if len(docs) == 1 else "between articles"
    lines = [Text.assemble((conflict.severity.value, SEVERITY_STYLE[conflict.severity]), f" · {conflict.kind.value}",
                           f" · {clean(group.label)}" if group else "", (f" · {where}", "dim"))]
    lines += [Text.assemble("  ", (letter, "bold"), "  ", clean(side.where))
              for letter, side in zip(LETTERS, sides)]
    return lines


def conflict_panel(conflict: Conflict, index: Index) -> Panel:
    """One conflict's quotes side by side (lettered as in the lines above), and the reason beneath."""
    sides = index.sides(conflict)
    table = Table.grid(expand=True, padding=(0, 2))
    for _ in sides:
        table.add_column(ratio=1)
    table.add_row(*(_side_text(letter, s) for letter, s in zip(LETTERS, sides)))
    return Panel(RichGroup(table, Text(clean(conflict.reason), style="italic")),
                 border_style=SEVERITY_STYLE[conflict.severity])


def render_conflicts(report: Report, console: Console, index: Index | None = None) -> None:
    """The conflicts, worst first; `index` (of the whole report) names what each side cites, reviewed links included."""
    if not report.reconciled:
        console.print(Text("Reconciliation did not run for this command: no groups or conflicts.", style="dim"))
        return
    if not report.conflicts:
        console.print(Text("No conflicts between claims.", style="green"))
        return
    index = index or Index(report)
    order = {Severity.CONTRADICTION: 0, Severity.NEAR_MISS: 1, Severity.POSSIBLE: 2}
    console.print(Text(f"Conflicts · {len(report.conflicts)}", style="bold"))
    for conflict in sorted(report.conflicts, key=lambda c: (order[c.severity], c.id)):
        for line in conflict_lines(conflict, index):
            console.print(line, soft_wrap=True, highlight=False)  # a location is one line, however narrow
        console.print(conflict_panel(conflict, index))


def render_agreeing_groups(report: Report, console: Console) -> None:
    """Groups without a conflict, one line each: what they count, and how many claims from where."""
    agreeing = [g for g in report.groups if g.agrees]
    if not agreeing:
        return
    index = Index(report)
    console.print(Text(f"Groups that agree · {len(agreeing)}", style="bold"))
    for g in agreeing:
        members = [index.claims[c] for c in g.claims if c in index.claims]
        docs = sorted({c.doc_id or c.doc for c in members})
        quotes = ", ".join(dict.fromkeys(clean(c.quote) for c in members))
        note = " · sources differ" if g.sources_differ else ""
        console.print(Text.assemble("  ", (clean(g.label), "cyan"), f" · {quotes}",
                                    (f" · {plural(len(members), 'claim')} in {plural(len(docs), 'document')}{note}", "dim"),
                                    (f" · {clean(g.evidence)}" if g.evidence else "", "dim")),
                      soft_wrap=True, highlight=False)
