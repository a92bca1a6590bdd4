"""Citation audit: each flag on a small document the test writes itself."""
from __future__ import annotations

import pytest

from claimcheck.citations.audit import audit_citations, load_publishers, publisher_owns, registrable, url_date

OWNERS = load_publishers()


def audit(make_doc, text):
    doc, notes = make_doc(text)
    return {c.number: c for c in audit_citations(doc, notes, OWNERS)}


def test_each_flag(make_doc):
    found = audit(make_doc, (
        "Some 22 states signed.1 Others agreed.2 More came.3 Also.4 And.6\n\n"
        "1. A, “22 countries sign letter,” BBC, July 11, 2019, https://www.cnn.com/2019/07/11/asia/x.html.\n"
        "2. “Activist freed,” The Guardian, August 16, 2019, https://www.theguardian.com/world/2019/aug/17/x.\n"
        "3. “Bilash,” Freedom Now, http://www.freedom-now.org/campaign/serikzhan-bilash/.\n"
        "4. Sean R. Roberts, The War on the Uyghurs (Princeton, NJ: Princeton University Press, 2020).\n"
        "5. “Repeat,” The Guardian, August 16, 2019, https://www.theguardian.com/world/2019/aug/17/x.\n"
        "6. “Far off,” The Guardian, August 1, 2019, https://www.theguardian.com/world/2019/aug/17/y.\n"))
    assert "publisher-domain-mismatch" in found[1].flags
    assert found[2].flags == ("date-mismatch",) and "note:" in found[2].notes[0] and "1 day" in found[2].notes[0]
    assert found[3].flags == ("insecure-scheme",)
    assert found[4].flags == ("no-url",)
    assert set(found[5].flags) == {"duplicate-url", "date-mismatch", "unused-footnote"}
    assert "alarm:" in found[6].notes[-1] and "16 days" in found[6].notes[-1]


def test_marker_beyond_the_last_footnote_is_an_orphan(make_doc):
    found = audit(make_doc, "A claim.[1] Beyond the list.[9]\n\nNotes\n[1] X, “T,” Reuters, https://reuters.com/a\n")
    assert found[9].flags == ("orphan-marker",) and found[9].urls == ()
    assert found[1].flags == ()


def test_numbering_gap(make_doc):
    found = audit(make_doc, "A claim.1 Another.4\n\n1. X, https://x.org/a\n4. Y, https://y.org/b\n")
    assert "numbering-gap" in found[4].flags and "2-3" in found[4].notes[0]


@pytest.mark.parametrize("publisher, url, owns", [
    ("BBC", "https://www.cnn.com/x", False),
    ("The Asan Forum", "https://asanforum.shoplic.site/x", False),
    ("Radio Free Europe", "https://www.rferl.org/a/x.html", True),
    ("Independent", "https://www.independent.co.uk/news/x", True),
    ("Xinjiang Victims Database", "https://www.shahit.biz/eng/", True),
    ("Freedom Now", "http://www.freedom-now.org/x", True),            # fuzzy: not in the data file
    ("Carnegie Endowment for International Peace", "https://carnegieendowment.org/x", True),
    ("Congressional-Executive Commission on China", "http://www.cecc.gov/x", True),  # initials
    ("Asia Times", "https://asiatimes.com/x", True),
    ("Xinhuanet", "http://web.archive.org/web/2014/http:/news.xinhuanet.com/x", True),  # archived page
    ("Reuters", "https://www.theguardian.com/x", False),
])
def test_publisher_owns(publisher, url, owns):
    assert publisher_owns(publisher, url, OWNERS) is owns


def test_publisher_data_file_is_extensible(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[publisher."Village Voice"]\ndomains = ["qishloq.example"]\n')
    owners = load_publishers(str(extra))
    assert publisher_owns("Village Voice", "https://news.qishloq.example/a", owners) is True


def test_helpers():
    assert registrable("www.bbc.co.uk") == "bbc.co.uk" and registrable("asanforum.shoplic.site") == "shoplic.site"
    assert url_date("https://www.theguardian.com/world/2019/aug/17/x").isoformat() == "2019-08-17"
    assert url_date("https://carnegieendowment.org/2019/02/28/x").isoformat() == "2019-02-28"
    assert url_date("https://a.org/2019/99/99/x") is None


@pytest.mark.parametrize("url", ["https://[www.theguardian.com/world/2019/aug/17/x", "http://[::1", "https://a]b.org/x",
                                 "https://[v7.abc]/2019/08/17/x"])
def test_unparseable_urls_are_judged_without_crashing(url):
    assert publisher_owns("The Guardian", url, OWNERS) in (True, False, None)
    url_date(url)


def test_invalid_ipv6_host_in_a_footnote(make_doc):
    found = audit(make_doc, "Claim.1\n\nNotes\n1. “Activist freed,” The Guardian, August 16, 2019, "
                            "https://[www.theguardian.com/world/2019/aug/17/x\n")
    assert found[1].urls == ("https://[www.theguardian.com/world/2019/aug/17/x",)
