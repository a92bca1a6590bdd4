"""The CI gate: which findings fail a run. The one place that decides, for the exit code and for
every format that says "failure" (JUnit `<failure>`, GitHub `::error`, SARIF level `error`).

A finding fails the run when the policy selects it and no baseline entry marks it reviewed.
The policy comes from the settings, which `--fail-on` adds to:

    --fail-on CHOICE[,CHOICE...]   adds to what the config (or the default) already fails on
        a link status              broken (the default), blocked, server-error, timeout, tls-error,
                                   invalid-url, redirected, unverified, skipped
        conflicts, contradiction   contradictions
        near-miss                  contradictions and near misses
        citations                  citation flags
        unreadable                 input files that could not be read, and parts of the run that raised
                                   (internal errors: Report.faults); on by default
        none                       start from nothing instead: `none` alone never fails on findings,
                                   `none,blocked` fails on blocked links only

So `--fail-on blocked` still fails on broken links; to fail on blocked links alone, say
`--fail-on none,blocked`.
"""
from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass
from pathlib import Path

from .config import LINK_STATUSES, Settings
from .errors import UsageError
from .model import Finding, LinkStatus, Report, Review, Severity, Verdict
from .review import Baseline, apply_baseline, findings, in_scope, scanned
from .review.fingerprints import NOT_CHECKED

# Louder first: a level fails the run on its own findings and on every louder one.
_LEVELS = [Severity.CONTRADICTION, Severity.NEAR_MISS]
_WORDS = {"conflicts": "contradiction", "contradiction": "contradiction", "near-miss": "near-miss"}
_LINK_CHOICES = ("broken", "blocked", "server-error", "timeout", "tls-error", "invalid-url", "redirected", "unverified",
                 "skipped")
FAIL_ON_CHOICES = (*_LINK_CHOICES, *(s for s in LINK_STATUSES if s not in _LINK_CHOICES and s != "ok"), "conflicts",
                   "contradiction", "near-miss", "citations", "unreadable", "none")


def failing_severities(level: str) -> set[Severity]:
    """"contradiction" -> {contradiction}; "near-miss" -> {contradiction, near-miss}; "" -> none."""
    if not level:
        return set()
    return set(_LEVELS[: _LEVELS.index(Severity(level)) + 1])


def apply_fail_on(settings: Settings, fail_on: str | None) -> None:
    """Fold `--fail-on` into the settings (see the module docstring), or a UsageError naming every choice."""
    tokens = [t.strip().lower() for t in (fail_on or "").split(",") if t.strip()]
    for token in tokens:
        if token not in FAIL_ON_CHOICES:
            close = difflib.get_close_matches(token, FAIL_ON_CHOICES, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise UsageError(f"--fail-on: unknown choice {token!r}{hint}; choose from {', '.join(FAIL_ON_CHOICES)}, "
                             "comma-separated")
    if not tokens:
        return
    if "none" in tokens:
        settings.links.fail_on, settings.fail_on_conflicts = [], ""
        settings.fail_on_skipped = settings.fail_on_citations = False
    statuses = [t for t in tokens if t in LINK_STATUSES]
    settings.links.fail_on = list(dict.fromkeys([*settings.links.fail_on, *statuses]))
    levels = {_WORDS[t] for t in tokens if t in _WORDS}
    if settings.fail_on_conflicts:
        levels.add(settings.fail_on_conflicts)
    if levels:
        settings.fail_on_conflicts = "near-miss" if "near-miss" in levels else "contradiction"
    settings.fail_on_citations = settings.fail_on_citations or "citations" in tokens
    settings.fail_on_skipped = settings.fail_on_skipped or "unreadable" in tokens


@dataclass(frozen=True)
class Policy:
    """What fails a run, as the settings say."""

    links: frozenset[str]
    conflicts: frozenset[str]
    citations: bool
    skipped: bool
    require_network: bool

    @classmethod
    def of(cls, settings: Settings) -> Policy:
        return cls(frozenset(settings.links.fail_on), frozenset(s.value for s in failing_severities(settings.fail_on_conflicts)),
                   settings.fail_on_citations, settings.fail_on_skipped, settings.links.require_network)

    def selects(self, f: Finding) -> bool:
        kind = f.rule.split("/", 1)[0]
        if kind == "link":
            return f.severity in self.links or (self.require_network and f.severity == LinkStatus.UNVERIFIED.value)
        if kind == "conflict":
            return f.severity in self.conflicts
        if kind == "citation":
            return self.citations
        if kind == "input":
            return self.skipped
        return True  # a kind of finding added later fails until the policy learns of it


def judge(report: Report, settings: Settings | None = None, baseline: Baseline | None = None,
          root: Path | None = None) -> Review:
    """Every finding of the report with its verdict, the baseline's stale entries, and why the run fails.

    Fingerprints name documents relative to `root`: the baseline's folder when there is one.
    """
    policy = Policy.of(settings or Settings())
    if root is None and baseline is not None:
        root = Path(baseline.path).resolve().parent
    found = findings(report, root)
    applied = apply_baseline(found, baseline)
    looked = examined(report, settings or Settings())
    entries = {f.key: e for f, e in applied.reviewed}
    verdicts = tuple(Verdict(f, policy.selects(f), entries.get(f.key)) for f in found)
    documents = scanned(report, root)
    stale = tuple(e for e in applied.stale if in_scope(e, looked, documents))
    return Review(verdicts, stale, _reasons(verdicts), baseline.path if baseline else None)


def examined(report: Report, settings: Settings) -> set[str]:
    """The kinds of finding this run looked for: a baseline entry of another kind is not stale, just unseen.

    Links count only when they were checked (not --offline, none left unverified); conflicts when
    claims were reconciled; citations when articles were read (not ledgers).
    """
    kinds = {"input"}
    if report.reconciled:
        kinds.add("conflict")
    if report.documents:
        kinds.add("citation")
        if not settings.offline and not any(r.status is LinkStatus.UNVERIFIED for r in report.links):
            kinds.add("link")
    return kinds


def _reasons(verdicts: tuple[Verdict, ...]) -> tuple[str, ...]:
    failing = [v.finding for v in verdicts if v.fails]
    out = []
    links = [f for f in failing if f.rule.startswith("link/") and f.severity != LinkStatus.UNVERIFIED.value]
    if links:
        out.append(f"{len(links)} cited link(s) with a failing status ({', '.join(sorted({f.severity for f in links}))})")
    unverified = sum(f.rule == "link/unverified" for f in failing)
    if unverified:
        out.append(f"{unverified} link(s) could not be verified and the network is required")
    conflicts = [f for f in failing if f.rule.startswith("conflict/")]
    if conflicts:
        out.append(f"{len(conflicts)} conflict(s) ({', '.join(sorted({f.severity for f in conflicts}))})")
    flags = [f for f in failing if f.rule.startswith("citation/")]
    if flags:
        out.append(f"{len(flags)} citation flag(s) ({', '.join(sorted({f.severity for f in flags}))})")
    inputs = sum(f.rule.startswith("input/") and f.rule != NOT_CHECKED for f in failing)
    if inputs:
        out.append(f"{inputs} input file(s) could not be read")
    faults = sum(f.rule == NOT_CHECKED for f in failing)
    if faults:  # like an unreadable input, under `fail_on_skipped`: a clean exit means everything was checked
        out.append(f"{faults} part(s) of the run could not be checked (internal errors, named above); "
                   "the rest of the report is complete")
    other = len(failing) - len(links) - unverified - len(conflicts) - len(flags) - inputs - faults
    if other:
        out.append(f"{other} other finding(s)")
    return tuple(out)


def review_of(report: Report) -> Review:
    """The report's verdicts: as the CLI judged them, or by the default settings and no baseline."""
    return report.review if report.review is not None else judge(report)


def failures(report: Report, settings: Settings) -> tuple[str, ...]:
    """Why this report should fail CI, one line per reason; empty when it should pass."""
    review = report.review if report.review is not None else judge(report, settings)
    return review.reasons


def without_reviewed(report: Report) -> Report:
    """The report with reviewed conflicts, links and citation flags taken out: what the terminal and
    markdown list above the fold (the reviewed ones are folded into their review section)."""
    review = review_of(report)
    if not any(v.reviewed is not None for v in review.verdicts):
        return report

    def reviewed(key: str) -> bool:
        v = review.verdict(key)
        return v is not None and v.reviewed is not None

    citations = tuple(dataclasses.replace(c, flags=tuple(f for f in c.flags
                                                         if not reviewed(f"citation:{c.doc_id or c.doc}:{c.number}:{f}")))
                      for c in report.citations)
    return dataclasses.replace(report, conflicts=tuple(c for c in report.conflicts if not reviewed(f"conflict:{c.id}")),
                               links=tuple(r for r in report.links if not reviewed(f"link:{r.url}")), citations=citations)
