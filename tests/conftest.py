from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp():
    from claimcheck.claims.extract import load_model

    return load_model()


@pytest.fixture
def make_doc(tmp_path):
    """Write `text` to a file and read it back as a Document with its Notes."""
    from claimcheck.citations.footnotes import parse_notes
    from claimcheck.documents import read_document

    def make(text: str, name: str = "doc.txt"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        doc = read_document(path)
        return doc, parse_notes(doc)

    return make
