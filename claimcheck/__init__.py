"""claimcheck: extract numeric claims from articles, reconcile them, and check their citations.

The pipeline, one package per stage (data flows one way):

    documents.read_document            file          -> Document (text, chrome spans, duplicate spans)
    citations.parse_notes              Document      -> Footnotes and in-text Markers
    citations.audit_citations          Notes         -> Citations with flags
    claims.find_quantities             text          -> Quantities (pure, no spaCy)
    claims.extract_claims              Document      -> Claims with frames (the only spaCy import)
    pipeline.process_document          one file      -> DocumentResult, or a Skipped (never raises)
    reconcile.reconcile                Claims        -> Groups and Conflicts (pure)
    links.check_links                  cited URLs    -> LinkResults (httpx over aiohttp)
    pipeline.scan                      paths         -> Report; engines.dask.scan_dask on a cluster
    review.findings, gate.judge        Report        -> Findings (fingerprinted), verdicts against the baseline
    formats                            Report        -> json, jsonl, markdown, github, junit, sarif, html, terminal
"""
from __future__ import annotations

__version__ = "0.1.0"
PROJECT_URL = "https://github.com/claimcheck/claimcheck"
USER_AGENT = f"claimcheck/{__version__} (+{PROJECT_URL})"

__all__ = ["PROJECT_URL", "USER_AGENT", "__version__"]
