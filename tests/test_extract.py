"""Claim extraction with the real spaCy pipeline: sentence -> claim with subject and qualifiers."""
from __future__ import annotations

import pytest

from claimcheck.claims.extract import extract_claims, split_sentences


def claims_of(make_doc, nlp, text):
    doc, notes = make_doc(text)
    return extract_claims(doc, notes, nlp)


@pytest.mark.parametrize("sentence, quote, subject_has", [
    ("Twenty-two people were arrested.", "Twenty-two", "people arrested"),
    ("In July 2019, 22 states signed a letter.", "22", "states signed"),
    ("Kazakhstan is home to the largest Uyghur diaspora outside of China, numbering over 200,000.", "over 200,000", "diaspora"),
    ("In fact, China is home to the largest Kazakh diaspora -- between 1.25 million and 1.5 million, most of whom live in Xinjiang.",
     "between 1.25 million and 1.5 million", "Kazakh diaspora"),
    ("There are 1.8 million Kazakhs in China.", "1.8 million", "Kazakhs in China"),
    ("Hundreds of protesters gathered in Almaty.", "Hundreds", "protesters"),
    ("In ethnic terms, 32 of the 58 interviewees were ethnic Kazakhs.", "32", "interviewees"),
    ("Her husband, Omir Bekaly, 46, is also an oralman.", "46", "Omir Bekaly"),
    ("Kazakhstan has pursued a foreign policy course over the last two decades.", "two decades", "Kazakhstan has pursued"),
    ("Only 45 still agreed while 39 countries sought to condemn China.", "39", "countries"),
    ("For two decades it has been a quiet border.", "two decades", "it has been"),
    ("On March 27, hundreds of protesters gathered in cities across Kazakhstan.", "hundreds", "protesters gathered in cities"),
    ("Kazakh authorities have repatriated some 1 million Kazakhs from Turkey.", "some 1 million", "Kazakhs repatriated"),
    ("At least 27 people were killed in the attack.", "At least 27", "people killed"),
    ("He was sentenced to 10 years in prison.", "10 years", "He was sentenced"),
])
def test_subjects(make_doc, nlp, sentence, quote, subject_has):
    claim = next(c for c in claims_of(make_doc, nlp, sentence) if c.quote == quote)
    assert subject_has in claim.subject


@pytest.mark.parametrize("sentence, quote, subject", [
    ("Officials detain hundreds of people every year.", "hundreds", "people"),  # a present-tense verb is left out
    ("Hundreds of families were sent to the camps.", "Hundreds", "families sent to camps"),  # head nouns, no articles
])
def test_subject_predicates_stay_short_and_plain(make_doc, nlp, sentence, quote, subject):
    claim = next(c for c in claims_of(make_doc, nlp, sentence) if c.quote == quote)
    assert claim.subject == subject


def test_time_place_and_source(make_doc, nlp):
    claims = claims_of(make_doc, nlp, "In July 2019, 22 states signed a letter in Geneva, according to Human Rights Watch.")
    (claim,) = claims
    assert (claim.time, claim.place, claim.source) == ("2019-07", "Geneva", "Human Rights Watch")
    (reported,) = claims_of(make_doc, nlp, "By July, RFA reported that more than 100 friends were in custody.")
    assert reported.source == "RFA"


@pytest.mark.parametrize("sentence, source", [
    # a passive's subject is what was estimated, its agent who estimated it
    ("The total damage from Hurricane Orla was estimated at $81.2 billion.", None),
    ("The total damage from Hurricane Orla was estimated at $81.2 billion by the Red Cross.", "the Red Cross"),
    ("The Red Cross estimated the damage from Hurricane Orla at $81.2 billion.", "The Red Cross"),
])
def test_who_says_a_figure_is_the_active_subject_or_the_agent(make_doc, nlp, sentence, source):
    (claim,) = claims_of(make_doc, nlp, sentence)
    assert claim.source == source


def test_each_figure_is_said_by_the_voice_that_governs_it(make_doc, nlp):
    # two attributions in one sentence: each figure keeps its own, and a body ("police") speaks too
    claims = claims_of(make_doc, nlp, "Police estimated the crowd at 3,500; the miners' union said 10,000 had marched.")
    assert {c.quote: c.source for c in claims} == {"3,500": "Police", "10,000": "the miners' union"}


def test_markers_cite_and_never_count(make_doc, nlp):
    text = ("In July 2019, 22 states signed a letter on Uyghurs2, and China could expand to 50.4 Those states were mostly democracies.\n\n"
            "2. A, “22 countries sign letter,” BBC, July 11, 2019, https://www.cnn.com/2019/07/11/x.html.\n"
            "4. B, “The 22 vs. 50 split,” The Jamestown Foundation, December 31, 2019, https://jamestown.org/x/.\n")
    claims = claims_of(make_doc, nlp, text)
    body = [c for c in claims if c.cited_in is None]
    assert [(c.quote, c.value) for c in body] == [("22", 22), ("50", 50)]
    assert all(c.citations == (2, 4) for c in body)
    cited = [(c.quote, c.cited_in, c.source) for c in claims if c.cited_in]
    assert cited == [("22", 2, "footnote 2"), ("22", 4, "footnote 4"), ("50", 4, "footnote 4")]


def test_facts_are_claims_of_kind_fact(make_doc, nlp):
    claims = claims_of(make_doc, nlp, "In 2013, Chinese President Xi Jinping launched his Belt and Road Initiative at Nazarbayev University in Nur-Sultan.")
    (fact,) = [c for c in claims if c.kind == "fact"]
    assert "Xi Jinping" in fact.subject and fact.predicate == "launched" and fact.time == "2013"
    assert "Belt and Road Initiative" in fact.object and "Nur-Sultan" in fact.place


def test_chrome_and_repeats(make_doc, nlp):
    para = "There are 1.8 million Kazakhs in China, and it has the second largest number of Kazakhs after Kazakhstan."
    claims = claims_of(make_doc, nlp, f"{para}\nLoad more\n0:00 0:34:52 0:00\n{para}\n")
    assert [c.quote for c in claims] == ["1.8 million", "second largest"] * 2
    assert [c.duplicate_of for c in claims[2:]] == [claims[0].id, claims[1].id]


def test_ids_are_stable_and_offsets_exact(make_doc, nlp):
    text = "Some text first. About 150 Kyrgyz citizens convened in Bishkek."
    (claim,) = claims_of(make_doc, nlp, text)
    assert text[claim.start:claim.end] == claim.quote == "About 150"
    assert claim.id == f"doc:{claim.start}"


def test_sentence_splitter_keeps_markers_and_abbreviations():
    text = "Now, 45 agreed to support them.5 While the U.S. abstained, Dr. Smith spoke. Next"
    spans = [text[s:e] for s, e in split_sentences(text)]
    assert spans == ["Now, 45 agreed to support them.5", "While the U.S. abstained, Dr. Smith spoke.", "Next"]


def test_that_year_takes_the_year_last_named(make_doc, nlp):
    claims = claims_of(make_doc, nlp, "In 2018, about 150 Kyrgyz citizens convened in Bishkek. "
                                      "About 32,215 Chinese citizens entered Kyrgyzstan that year.")
    assert [(c.quote, c.time) for c in claims] == [("about 150", "2018"), ("About 32,215", "2018")]


@pytest.mark.parametrize("sentence", [
    "In 2019, at least a quarter Kazakhs signed in Xinjiang.",  # the object before its actor
    "In 2004, some two dozen farmers founded a cooperative in Aktobe.",
    "In 1998, the first third of the route opened in Karaganda.",
])
def test_every_claim_is_a_span_of_its_quote(make_doc, nlp, sentence):
    """Issue 20: no claim may end before it starts (a ledger its own reader refuses)."""
    for claim in claims_of(make_doc, nlp, sentence):
        assert claim.start < claim.end, claim
        assert sentence[claim.start:claim.end] == claim.quote, claim
