"""The review in markdown: what fails the run, what is reviewed (folded), what in the baseline is stale.

Shared by the pull-request comment (`markdown`) and the GitHub job summary (`ci.github_summary`),
which is where every finding goes when annotations are capped.
"""
from __future__ import annotations

from ..model import Citation, Review, Verdict
from .ci import level, worst_first
from .markdown import md


def _status(v: Verdict) -> str:
    if v.reviewed is not None:
        return "reviewed"
    return "**fails**" if v.fails else level(v)


def _where(v: Verdict) -> str:
    return md("; ".join(f"{path}:{line}" for path, line in v.finding.locations[:3]) or v.finding.where) + \
        (f" +{len(v.finding.locations) - 3} more" if len(v.finding.locations) > 3 else "")


def review_markdown(review: Review, full: bool = False) -> list[str]:
    """Lines of markdown: a count line, the findings (`full`: every one, else only the new), reviewed and stale folded."""
    new = [v for v in review.verdicts if v.reviewed is None]
    reviewed = [v for v in review.verdicts if v.reviewed is not None]
    failing = sum(v.fails for v in review.verdicts)
    if not review.verdicts and not review.stale:
        return []
    out = ["## Review", "",
           f"{len(review.verdicts)} findings: {failing} new that fail the run, {len(new) - failing} new that do not, "
           f"{len(reviewed)} reviewed"
           + (f"; {len(review.stale)} baseline entries are stale" if review.stale else "")
           + (f" (baseline: `{md(review.baseline)}`)" if review.baseline else "") + ".", ""]
    shown = worst_first(review.verdicts if full else new)
    if shown:
        out += [f"<details{' open' if full else ''}><summary>{'All findings' if full else 'New findings'} ({len(shown)})</summary>",
                "", "| status | rule | where | what | fingerprint |", "| --- | --- | --- | --- | --- |"]
        out += [f"| {_status(v)} | {v.finding.rule} | {_where(v)} | {md(v.finding.message)} | `{v.finding.fingerprint}` |"
                for v in shown]
        out += ["", "</details>", ""]
    if reviewed:
        out += [f"<details><summary>Reviewed ({len(reviewed)}): reported, never failing</summary>", "",
                "| rule | where | what | by | on | note | fingerprint |", "| --- | --- | --- | --- | --- | --- | --- |"]
        out += [f"| {v.finding.rule} | {_where(v)} | {md(v.finding.message)} | {md(e.by)} | {md(e.on)} | {md(e.note)} "
                f"| `{v.finding.fingerprint}` |" for v in worst_first(reviewed) if (e := v.reviewed) is not None]
        out += ["", "</details>", ""]
    if review.stale:
        out += [f"<details><summary>Stale baseline entries ({len(review.stale)}): no finding matches them now</summary>", "",
                "Run `claimcheck baseline` to drop them.", "", "| rule | where | what | fingerprint |",
                "| --- | --- | --- | --- |"]
        out += [f"| {md(e.rule)} | {md(e.where)} | {md(e.what)} | `{md(e.fingerprint)}` |" for e in review.stale]
        out += ["", "</details>", ""]
    return out


def reviewed_words(v: Verdict | None) -> str:
    """"by Ada on 2026-12-04: a printed report" for a reviewed finding; "" otherwise."""
    if v is None or v.reviewed is None:
        return ""
    e = v.reviewed
    return f"by {e.by} on {e.on}" + (f": {e.note}" if e.note else "")


def reviewed_flags(review: Review, cite: Citation) -> frozenset[str]:
    """The footnote's flags the baseline marks reviewed: the HTML draws them so and counts them apart."""
    verdicts = {flag: review.verdict(f"citation:{cite.doc_id or cite.doc}:{cite.number}:{flag}") for flag in cite.flags}
    return frozenset(flag for flag, v in verdicts.items() if v is not None and v.reviewed is not None)


def reviewed_rows(review: Review) -> list[tuple[str, str, str, str]]:
    """(rule, where, what, by/on/note) per reviewed finding, worst first: the HTML's folded table."""
    return [(v.finding.rule, "; ".join(f"{p}:{n}" for p, n in v.finding.locations[:3]) or v.finding.where,
             v.finding.message, reviewed_words(v)) for v in worst_first(review.verdicts) if v.reviewed is not None]
