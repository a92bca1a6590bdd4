"""The CI gate: which findings fail a run. One policy for links, conflicts and an incomplete run.

An incomplete run is one with inputs that could not be read or parts that raised (Report.faults: a
reconcile block, a document check, the link check): both fail it under `fail_on_skipped` (on by
default), since a clean exit must mean everything was checked.

The CLI exits 1 when `failures` returns anything; the reasons go to stderr so a CI log says why.
"""
from __future__ import annotations

from .config import Settings
from .model import Report, Severity

# Louder first: a level fails the run on its own findings and on every louder one.
_LEVELS = [Severity.CONTRADICTION, Severity.NEAR_MISS]


def failing_severities(level: str) -> set[Severity]:
    """"contradiction" -> {contradiction}; "near-miss" -> {contradiction, near-miss}; "" -> none."""
    if not level:
        return set()
    return set(_LEVELS[: _LEVELS.index(Severity(level)) + 1])


def failures(report: Report, settings: Settings) -> tuple[str, ...]:
    """Why this report should fail CI, one line per reason; empty when it should pass."""
    out = []
    failing = set(settings.links.fail_on)
    bad = [r for r in report.links if r.status.value in failing]
    if bad:
        out.append(f"{len(bad)} cited link(s) with a failing status ({', '.join(sorted({r.status.value for r in bad}))})")
    if settings.links.require_network:
        unverified = sum(r.status.value == "unverified" for r in report.links)
        if unverified:
            out.append(f"{unverified} link(s) could not be verified and the network is required")
    severities = failing_severities(settings.fail_on_conflicts)
    conflicts = [c for c in report.conflicts if c.severity in severities]
    if conflicts:
        out.append(f"{len(conflicts)} conflict(s) at or above {settings.fail_on_conflicts!r}")
    if report.skipped and settings.fail_on_skipped:
        out.append(f"{len(report.skipped)} input file(s) could not be read")
    if report.faults and settings.fail_on_skipped:  # like an unreadable input: the run is incomplete
        out.append(f"{len(report.faults)} part(s) of the run could not be checked (internal errors, named above); "
                   "the rest of the report is complete")
    return tuple(out)
