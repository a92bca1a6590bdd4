"""claimcheck: extract numeric claims from articles, reconcile them, and check their citations.

The pipeline, one module per stage (data flows one way):

    documents.read_document   file        -> Document (text, chrome spans, duplicate spans)
    footnotes.parse_notes     Document    -> Footnotes and in-text Markers
    numbers.find_quantities   text        -> Quantities (pure, no spaCy)
    extract.extract_claims    Document    -> Claims (the only spaCy import)
    audit.audit_citations     Footnotes   -> Citations with flags
    links.check_links         URLs        -> LinkResults (the only httpx import)
    pipeline.scan             paths       -> Report
"""
from __future__ import annotations

__version__ = "0.1.0"
PROJECT_URL = "https://github.com/claimcheck/claimcheck"
USER_AGENT = f"claimcheck/{__version__} (+{PROJECT_URL})"

__all__ = ["PROJECT_URL", "USER_AGENT", "__version__"]
