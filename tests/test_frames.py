"""Frames as a table: sentence -> what the figure counts, what happened, where, when, scope."""
from __future__ import annotations

import pytest

from claimcheck.claims.extract import extract_claims
from claimcheck.claims.frames import normalise_time, time_bounds

FRAMES = [
    # sentence, quote, entity, event, place, time, scope words that must be there
    ("There are 1.8 million Kazakh's in China.", "1.8 million", "kazakh", "live", "china", None, ()),
    ("China is home to the largest Kazakh diaspora -- between 1.25 million and 1.5 million.",
     "between 1.25 million and 1.5 million", "kazakh", "live", "china", None, ("largest",)),
    ("The Oralman keep ties with the over 1 million ethnic Kazakhs who remain in China's Uyghur region.",
     "over 1 million", "kazakh", "live", "xinjiang", None, ()),
    ("In July 2019, 22 states signed a letter.", "22", "country", "sign", None, "2019-07", ()),
    ("But 35 other countries responded.", "35", "country", "respond", None, None, ("other",)),
    ("Twenty-two people were arrested in Almaty.", "Twenty-two", "people", "detain", "almaty", None, ()),
    ("Police arrested 300 protesters in Minsk on Sunday.", "300", "people", "detain", "minsk", "now", ()),
    ("In ethnic terms, 32 of the 58 interviewees were ethnic Kazakhs.", "32", "people", "interview", None, None, ("part",)),
    ("The report draws on interviews with 58 people in Xinjiang.", "58", "people", "interview", "xinjiang", None, ()),
    ("Nearly a million ethnic Kazakhs have come from neighbouring countries since 1991.", "Nearly a million",
     "kazakh", "move", None, "1991/..", ()),
    ("Kabul has a population of about 4.6 million.", "about 4.6 million", "people", "live", "kabul", None, ()),
    ("The population of Kabul is 4.6 million.", "4.6 million", "people", "live", "kabul", None, ()),
    ("The death toll rose to 45 on Tuesday.", "45", "people", "kill", None, "now", ("change",)),
    ("The flood killed or injured 90 people in Sindh.", "90", "people", "*", "sindh", None, ("killed or injured",)),
    ("About 6 million people live in the Kabul metropolitan area.", "About 6 million", "people", "live", None, None,
     ("metropolitan area",)),
    ("The number of refugees who fled to Bangladesh reached 700,000 in 2018.", "700,000", "people", "flee", None, "2018",
     ("change",)),
    # a note marker glued to the counted noun's neighbour is not part of a word
    ("1,021 people survived out of the 1,377 passengers and 655 crew aboard,[inconsistent] and 91 of the dead were "
     "Canadian citizens.", "655", "crew", "*", None, None, ()),
]


@pytest.mark.parametrize("sentence, quote, entity, event, place, time, scope", FRAMES)
def test_frame_of_a_figure(make_doc, nlp, sentence, quote, entity, event, place, time, scope):
    doc, notes = make_doc(sentence)
    (claim,) = [c for c in extract_claims(doc, notes, nlp) if c.quote == quote]
    f = claim.frame
    assert f is not None
    assert (f.entity, f.event if event != "*" else "*", f.time) == (entity, event, time)  # "*": any event
    if place is not None:
        assert f.place == place
    assert set(scope) <= set(f.scope)


@pytest.mark.parametrize("time, sentence, iso, bounds", [
    ("2019-07", "In July 2019 ...", "2019-07", ("2019-07-01", "2019-07-31")),
    ("early 2016", "In early 2016 ...", "2016", ("2016-01-01", "2016-12-31")),
    ("1991", "... since 1991", "1991/..", ("1991-01-01", "9999-12-31")),
    (None, "No date here.", None, None),
])
def test_times_are_intervals(time, sentence, iso, bounds):
    assert normalise_time(time, sentence) == iso
    assert time_bounds(iso) == bounds


def test_a_relative_clause_is_not_dated_by_the_sentence_s_opening_year(make_doc, nlp):
    from claimcheck.claims.extract import extract_claims

    doc, notes = make_doc("The 2010 petition seeks a review of the order of May 3, 1989, where the award was "
                          "fixed at $470 million.")
    (claim,) = [c for c in extract_claims(doc, notes, nlp) if c.quote == "$470 million"]
    assert claim.frame is not None and claim.frame.time_from != "sentence"  # not stated: at most the page's year
