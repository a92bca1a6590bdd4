"""The terminal's view of the baseline: reviewed findings folded to one line per rule, stale entries listed."""
from __future__ import annotations

from rich.text import Text

from ..gate import review_of
from ..model import Report
from .excerpt import clean


def review_lines(report: Report) -> list[Text]:
    """"Reviewed · 7" and one line per rule ("citation/no-url · 219 in 12 documents"), then stale entries."""
    review = review_of(report)
    by_rule: dict[str, list[str]] = {}
    for v in review.verdicts:
        if v.reviewed is not None:
            by_rule.setdefault(v.finding.rule, []).append(v.finding.where)
    lines: list[Text] = []
    if by_rule:
        total = sum(map(len, by_rule.values()))
        lines.append(Text.assemble(("Reviewed", "bold"), f" · {total} in {clean(review.baseline or 'the baseline')}: "
                                   "reported, never failing the run", style=""))
        for rule in sorted(by_rule):
            docs = len(set(by_rule[rule]))
            lines.append(Text(f"  {rule} · {len(by_rule[rule])}" + (f" in {docs} documents" if docs > 1 else
                                                                    f" in {clean(by_rule[rule][0])}"), style="dim"))
    if review.stale:
        lines.append(Text.assemble(("Stale baseline entries", "bold yellow"), f" · {len(review.stale)}: no finding "
                                   "matches them now; run `claimcheck baseline` to drop them"))
        for e in review.stale[:10]:
            lines.append(Text(f"  {e.rule}  {clean(e.where)}  {clean(e.what)}", style="dim"))
        if len(review.stale) > 10:
            lines.append(Text(f"  +{len(review.stale) - 10} more (--format markdown lists them all)", style="dim"))
    return lines
