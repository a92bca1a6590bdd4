"""Reviewed findings: fingerprints that name what a finding is about, and the committed baseline.

    fingerprints.findings(report, root)       Report -> Findings, each with a stable fingerprint
    baseline.apply_baseline(findings, base)   -> reviewed, new and stale
    baseline.read_baseline / render_baseline  the claimcheck-baseline.toml file

Which findings fail a run is `gate.py`'s decision; this package only names and matches them.
"""
from __future__ import annotations

from .baseline import (
    BASELINE_NAME,
    Applied,
    Baseline,
    apply_baseline,
    baseline_entries,
    find_baseline,
    in_scope,
    read_baseline,
    render_baseline,
    reviewer,
)
from .fingerprints import FINDING_KINDS, findings, fingerprint, scanned

__all__ = ["BASELINE_NAME", "FINDING_KINDS", "Applied", "Baseline", "apply_baseline", "baseline_entries",
           "find_baseline", "findings", "fingerprint", "in_scope", "read_baseline", "render_baseline", "reviewer", "scanned"]
