"""Concepts, document context and evidence-weighted grouping, as tables of made-up sentences.

Each article below is invented: a topic named in a title line, then figures whose sentence may
or may not name it again. Pairs are checked both ways: grouped / kept apart, conflict / not.
"""
from __future__ import annotations

import pytest

from claimcheck.claims.context import document_context, topic_word
from claimcheck.claims.extract import extract_claims
from claimcheck.config import ReconcileSettings
from claimcheck.model import Severity
from claimcheck.reconcile import block_key, reconcile

from .test_reconcile import conflicting, run, together  # noqa: F401  (run is a fixture)

CONCEPTS = [
    # sentence, quote, concept: every wording of one concept gives it
    ("The flood killed 1,210 people.", "1,210", "deaths"),
    ("In all, 1,204 people died.", "1,204", "deaths"),
    ("Some 1,200 lives were lost in the flood.", "Some 1,200", "deaths"),
    ("The flood left a death toll of 1,210.", "1,210", "deaths"),
    ("The deaths of 1,198 passengers shocked the town.", "1,198", "deaths"),
    ("There were 1,198 victims.", "1,198", "deaths"),
    ("At least 300 people were injured in the blast.", "At least 300", "injuries"),
    ("Rescuers said 40 people are still missing.", "40", "missing"),
    ("There were 62 survivors of the crash.", "62", "survivors"),
    ("The ferry had 412 passengers and crew aboard.", "412", "aboard"),
    ("Officials evacuated 9,000 residents from the valley.", "9,000", "evacuated"),
    ("The storm displaced 12,000 families.", "12,000", "displaced"),
    ("Police arrested 88 protesters.", "88", "arrested"),
    ("The town has a population of 45,000.", "45,000", "population"),
    ("Before its collapse the dam was about 85 metres high.", "about 85 metres", "height"),
    ("The summit has an elevation of 2,790 ft.", "2,790 ft", "height"),
    ("The canal is 160 km long.", "160 km", "length"),
    ("The lake is 310 metres deep.", "310 metres", "depth"),
    ("The blast was heard 480 kilometres away.", "480 kilometres", "distance"),
    ("The fire burned 230 square miles of forest.", "230 square miles", "area"),
    ("The eruption ejected 45 km3 of rock.", "45 km3", "volume"),
    ("The train reached 320 km/h on the new line.", "320 km/h", "speed"),
    ("The storm caused $4.2 billion in damage.", "$4.2 billion", "damage"),
    ("The new bridge cost $310 million.", "$310 million", "cost"),
    ("The company paid $47 million in compensation.", "$47 million", "compensation"),
    ("Drivers pay a toll of $12 to cross.", "$12", "price"),
    ("The works employed 5,000 workers at their peak.", "5,000", "workforce"),
    ("The final drew a crowd of 61,000 spectators.", "61,000", "attendance"),
    ("About 20,000 demonstrators marched on the square.", "About 20,000", "protesters"),
    ("The new stadium has 48,000 seats.", "48,000", "capacity"),
    ("Health officials reported 3,400 new cases of cholera.", "3,400", "cases"),
    ("The mayor won 52,310 votes.", "52,310", "votes"),
    ("Rescuers said 33 miners were still trapped underground.", "33", "trapped"),
    ("The valley had 12,000 homes before the flood.", "12,000", "homes"),
    ("The firm reported a net profit of $2.1 billion.", "$2.1 billion", "profit"),
    ("Readers donated $1.2 million to the appeal.", "$1.2 million", "donations"),
    ("Turnout was 64% in the capital.", "64%", "turnout"),
    ("Unemployment fell to 5.2% in March.", "5.2%", "unemployment"),
    ("Inflation reached 9.1% last year.", "9.1%", "inflation"),
    ("The surge left 80% of the valley flooded.", "80%", "flooded"),
    # a verb the lexicon does not know, but its subject names the concept
    ("In all, 431 bodies were recovered from the wreck.", "431", "deaths"),
    ("The quake left some 95,000 homeless.", "some 95,000", "homeless"),
    ("Between 120,000 and 150,000 people had to leave their homes.", "Between 120,000 and 150,000", "displaced"),
    ("Police said 64 protesters were later remanded in custody.", "64", "detained"),
    ("More than 1,000 houses burned in the fire.", "More than 1,000", "destroyed"),
    ("The referendum passed with 52% of the vote.", "52%", "vote_share"),
    ("The marathon drew 45,000 runners.", "45,000", "participants"),
    # an infobox label glued to its value is what the value is, whatever noun follows
    ("MV Orla\n\nTypeRo-ro ferry\nLength98.4 m\nCapacity850 passengers, 90 cars\n\nThe ferry sank in 1997.", "850", "capacity"),
    # the counted noun's own predicate, after it: not the nearer cue of the clause before
    ("Over 5,295 people were killed and 568,292 people were left injured.", "568,292", "injuries"),
    # conjuncts share their verb: the crew member died, whatever "on board" says of the others
    ("35 people on board and one member of the ground crew died in the crash.", "one", "deaths"),
]


@pytest.mark.parametrize("sentence, quote, concept", CONCEPTS)
def test_every_wording_of_a_concept_names_it(make_doc, nlp, sentence, quote, concept):
    doc, notes = make_doc(sentence)
    (claim,) = [c for c in extract_claims(doc, notes, nlp) if c.quote == quote]
    assert claim.frame is not None and claim.frame.concept == concept


@pytest.mark.parametrize("sentence, quote", [
    ("The agency interviewed 58 residents last spring.", "58"),
    # a cue that leads into another figure is that figure's: the capacity is of the 7 million
    ("Inside the skin were 16 gas cells, with a combined capacity of 7 million cubic feet.", "16"),
])
def test_a_clause_about_something_else_gives_no_concept(make_doc, nlp, sentence, quote):
    doc, notes = make_doc(sentence)
    (claim,) = [c for c in extract_claims(doc, notes, nlp) if c.quote == quote]
    assert claim.frame is not None and claim.frame.concept is None


def test_a_bare_figure_takes_the_noun_its_sentence_left_unsaid(make_doc, nlp):
    doc, notes = make_doc("The ferry could carry 900 passengers, but only 412 were on board. "
                          "It had 1,266 passengers and 696 crew; 761 survived.")
    claims = {c.quote: c for c in extract_claims(doc, notes, nlp)}
    assert claims["412"].frame is not None and claims["412"].frame.entity == "passenger"
    # the noun before it names no survivors, so the survivors' noun stays unsaid
    assert claims["761"].frame is not None and claims["761"].frame.entity != "crew"


CONTEXT = [
    # text, topic's first word, main year
    ("Velmar dam failure\n\nThe Velmar dam failed in 1987. Engineers had warned about the Velmar dam in 1985. "
     "The Velmar reservoir emptied in 1987.", "velmar", "1987"),
    ("Hurricane Orla\n\nOrla made landfall in 2011 near the coast. Forecasters tracked Orla for days.", "orla", "2011"),
]


@pytest.mark.parametrize("text, topic, year", CONTEXT)
def test_document_context_names_topic_and_year(text, topic, year):
    ctx = document_context(text)
    assert ctx.topic is not None and ctx.topic.split()[0] == topic
    assert ctx.year == year


def test_a_name_keeps_the_word_that_says_which_thing():
    assert topic_word("Mount St. Helens") == "helens"
    assert topic_word("the Eiffel Tower") == "eiffel"
    assert topic_word("Hurricane Orla") == "orla"


def test_a_figure_inherits_topic_and_time_with_their_provenance(make_doc, nlp):
    doc, notes = make_doc("Velmar dam failure\n\nThe Velmar dam failed in 1987 and Velmar mourned.\n\n"
                          "The death toll was 412.\n\nIn 2004, the Velmar memorial listed 412 names.")
    first = min((c for c in extract_claims(doc, notes, nlp) if c.quote == "412"), key=lambda c: c.start)
    f = first.frame
    assert f is not None and f.topic is not None and f.topic.split()[0] == "velmar"
    assert f.topic_from == "document" and f.time == "1987" and f.time_from == "document"


def test_a_relative_time_is_the_story_present_not_the_main_year(make_doc, nlp):
    doc, notes = make_doc("Velmar dam failure\n\nThe Velmar dam failed in 1987.\n\n"
                          "A second breach on Saturday killed 14 people.")
    (claim,) = [c for c in extract_claims(doc, notes, nlp) if c.quote == "14"]
    assert claim.frame is not None and claim.frame.time == "now" and claim.frame.time_from == "sentence"


VELMAR = "Velmar dam failure\n\nThe Velmar dam failed in 1987, flooding the Ostra valley and the Velmar plain.\n\n"
KORDA = "Korda mine fire\n\nThe Korda mine caught fire in 2009, and Korda miners were trapped.\n\n"

GROUP = [
    # two articles on one topic: the same quantity in other words
    (VELMAR + "In all, 1,204 people died.", VELMAR + "The flood killed 1,210 people.", "1,204", "1,210"),
    (VELMAR + "Some 1,200 lives were lost.", VELMAR + "The death toll reached 1,210.", "Some 1,200", "1,210"),
    (VELMAR + "Before its collapse the dam was about 85 metres high.", VELMAR + "The dam stood 85 m tall.",
     "about 85 metres", "85 m"),
    (VELMAR + "The reservoir held a volume of 45 cubic kilometres.", VELMAR + "The dam held back 45 km3 of water.",
     "45 cubic kilometres", "45 km3"),
    # a measure whose words name no concept meets one that does, on the same figure
    (VELMAR + "The dam was 212.4 metres across at the crest.", VELMAR + "Its crest measured 212.4 m.",
     "212.4 metres", "212.4 m"),
    # one sum to its last digit, though the words around it read as two concepts
    (VELMAR + "The Velmar relief appeal raised €48 million within a month.",
     VELMAR + "Of the €48 million given to the appeal, €31 million has been spent.", "€48 million", "€48 million"),
    # the people a story is about, named by where they were: the toll all the same
    (VELMAR + "The flood killed 1,204 people.", VELMAR + "By morning 1,204 of our neighbours were dead.", "1,204", "1,204"),
    # one rating on one scale
    ("Hurricane Orla\n\nOrla grew into a Category 4 storm over the gulf.",
     "Hurricane Orla\n\nBy August 3 Orla had reached Category 4.", "Category 4", "Category 4"),
    # durations are compared in seconds: a quarter of an hour is 15 minutes
    (VELMAR + "The reservoir emptied in 15 minutes.", VELMAR + "The water was gone within 20 minutes.",
     "15 minutes", "within 20 minutes"),
    # a noun left unsaid is the one before it when that noun names what is counted
    (VELMAR + "The ferry was built for 900 passengers, but only 412 were on board.",
     VELMAR + "The ferry carried 412 passengers.", "412", "412"),
    # a concept the page lends (most of its metres are heights) gives way to one a sentence states
    (VELMAR + "The dam was 85 metres high and rose 90 m above the river bed. The spillway measures 212.4 m.",
     VELMAR + "The spillway is 212.4 m long.", "212.4 m", "212.4 m"),
    # an infobox row counts what its label names: "Lifts57" are the 57 lifts
    ("Halden Tower\n\nHalden Tower\nHeight412 m\nLifts57\nFloor count88\n\nHalden Tower is an office skyscraper.",
     "Halden Tower\n\nThe Halden Tower opened in 2021. It has 57 lifts.", "57", "57"),
    ("Halden Tower\n\nHalden Tower\nHeight412 m\nLifts57\nFloor count88\n\nHalden Tower is an office skyscraper.",
     "Halden Tower\n\nThe Halden Tower opened in 2021. It has 88 storeys.", "88", "88"),
    # "a forecast of 40,000" counts what its clause says, as "expected around 40,000 vehicles" does
    (VELMAR + "Traffic on the dam road averaged 48,000 vehicles a day, compared with a forecast of 40,000.",
     VELMAR + "Planners expected around 40,000 vehicles a day on the dam road.", "40,000", "around 40,000"),
    # a share of the vote, a turnout, the people who took part: each in other words
    (VELMAR + "The Velmar referendum passed with 52% of the vote.", VELMAR + "Some 52 percent of voters backed the plan.",
     "52%", "Some 52 percent"),
    (VELMAR + "Turnout was 72% in the Velmar referendum.", VELMAR + "Nearly 72.2% of registered voters cast ballots.",
     "72%", "Nearly 72.2%"),
    (VELMAR + "The Velmar marathon drew 45,000 runners.", VELMAR + "About 45,000 people took part in the race.",
     "45,000", "About 45,000"),
    # a share of a place: "New" in a name is not a new set
    (VELMAR + "Roughly 60% of New Ostra was flooded.", VELMAR + "The water submerged sixty percent of New Ostra.",
     "Roughly 60%", "sixty percent"),
    # money without a concept word meets the cost on the same figure
    (VELMAR + "The dam cost $412.5 million to build.", VELMAR + "The contract for the dam came to $412.5 million.",
     "$412.5 million", "$412.5 million"),
]

APART = [
    # different topics, one concept: document context keeps them apart
    (VELMAR + "The flood killed 1,210 people.", KORDA + "The fire killed 1,210 people.", "1,210", "1,210"),
    # different concepts, one topic
    (VELMAR + "The flood killed 1,210 people.", VELMAR + "Officials evacuated 1,210 residents.", "1,210", "1,210"),
    # a stated time against another stated time
    (VELMAR + "The flood of 1987 killed 1,210 people.", VELMAR + "A smaller flood in 2015 killed 12 people.",
     "1,210", "12"),
    # different defining qualifiers
    (VELMAR + "Within three days, 800 people had died.", VELMAR + "Within two weeks, 1,100 people had died.",
     "800", "1,100"),
    # a set qualifier on one side
    (VELMAR + "The flood killed 300 people.", VELMAR + "The flood killed 300 other people downstream.", "300", "300"),
    # a subgroup: passengers are not everyone aboard
    (VELMAR + "The ferry carried 1,266 passengers.", VELMAR + "The ferry had 1,960 people aboard.", "1,266", "1,960"),
    # what one driver pays is not what the bridge cost
    (VELMAR + "Drivers pay a toll of $12 to cross the new bridge.", VELMAR + "The new bridge cost $12 million.",
     "$12", "$12 million"),
    # before and after one event
    (VELMAR + "Before the flood the lake was 90 metres deep.", VELMAR + "After the flood the lake was 60 metres deep.",
     "90 metres", "60 metres"),
    # one dimension, two concepts: a height is never a length
    (VELMAR + "The dam was 212 metres high.", VELMAR + "The dam was 212 metres long.", "212 metres", "212 metres"),
    # an open end does not reach everything above it: "over 40 metres" is not 80 km
    (VELMAR + "The wave was over 40 metres high.", VELMAR + "The ash rose 80 km high.", "over 40 metres", "80 km"),
    (VELMAR + "The wave was up to 40 metres high.", VELMAR + "The wave reached 2 metres high in the harbour.",
     "up to 40 metres", "2 metres"),
    # a measure whose words name no concept, at another figure: only the page's topic in common
    (VELMAR + "The dam was about 85 metres high.", VELMAR + "The dam wall measured 112 metres.",
     "about 85 metres", "112 metres"),
    # two ratings on one scale are two moments of a storm, not a conflict
    ("Hurricane Orla\n\nOrla peaked as a Category 5 storm.", "Hurricane Orla\n\nOrla made landfall as a Category 3 storm.",
     "Category 5", "Category 3"),
    # two currencies and two numbers: no rate to compare them by, so nothing says they are one sum
    (VELMAR + "The operator paid $47 million in compensation in 1990.",
     VELMAR + "The operator paid 310 million euros in compensation in 1990.", "$47 million", "310 million euros"),
    # a vague amount groups only with what its words allow
    (VELMAR + "Police arrested 22 protesters in the valley.", VELMAR + "Police arrested several thousand people.",
     "22", "several thousand"),
    # those who had to leave are not those left without a home
    (VELMAR + "Around 140,000 people were displaced by the flood.", VELMAR + "The flood left some 95,000 homeless.",
     "Around 140,000", "some 95,000"),
    # temperatures far apart on their scale are two temperatures
    (VELMAR + "The lake's water was 4°C in spring.", VELMAR + "The lake's water was 12°C.", "4°C", "12°C"),
    # durations in their own units: hours are not decades
    (VELMAR + "The rescue took 61.5 hours.", VELMAR + "The valley stayed empty for six decades.",
     "61.5 hours", "six decades"),
]


@pytest.mark.parametrize("a, b, qa, qb", GROUP)
def test_one_quantity_in_other_words_is_grouped(run, a, b, qa, qb):  # noqa: F811
    claims, groups, _ = run(a, b)
    assert together(claims, groups, qa, qb)


@pytest.mark.parametrize("a, b, qa, qb", APART)
def test_different_quantities_stay_apart(run, a, b, qa, qb):  # noqa: F811
    claims, groups, conflicts = run(a, b)
    assert not together(claims, groups, qa, qb)
    assert not conflicting(claims, conflicts, qa, qb)


def test_a_clash_with_inherited_topics_is_possible_and_says_what_it_is(run):  # noqa: F811
    claims, groups, conflicts = run(VELMAR + "The flood killed 1,210 people.", VELMAR + "In all, 1,150 people died.")
    assert conflicting(claims, conflicts, "1,210", "1,150")
    (c,) = conflicts
    assert c.severity is Severity.POSSIBLE
    assert c.reason.startswith("the deaths in velmar") and "inherited" in c.reason
    (g,) = [g for g in groups if set(c.claims) <= set(g.claims)]
    assert "deaths" in g.evidence and "topic" in g.evidence


def test_agreeing_figures_raise_nothing(run):  # noqa: F811
    claims, groups, conflicts = run(VELMAR + "The flood killed more than 1,200 people.",
                                    VELMAR + "The flood killed 1,210 people.")
    assert together(claims, groups, "more than 1,200", "1,210")
    assert not conflicts


def test_two_clashing_figures_of_one_document_are_two_quantities(run):  # noqa: F811
    claims, groups, conflicts = run(VELMAR + "The flood killed 1,210 people. A later count found 1,150 people died.")
    assert not together(claims, groups, "1,210", "1,150")
    assert not conflicts


def test_block_key_is_a_function_of_one_claim(run):  # noqa: F811
    claims, _, _ = run(VELMAR + "The flood killed 1,210 people.")
    (c,) = [c for c in claims if c.quote == "1,210"]
    assert block_key(c) == "count||@deaths|"
    assert reconcile([c], (), ReconcileSettings()) == ((), ())


CONFLICT = [
    # one quantity, two figures that cannot both hold: (a, b, qa, qb, severity)
    (VELMAR + "The Velmar dam failure of 1987 killed 1,210 people.",
     VELMAR + "The Velmar dam failure of 1987 killed 2,400 people.", "1,210", "2,400", Severity.CONTRADICTION),
    (VELMAR + "The flood killed 1,210 people.", VELMAR + "In all, 1,150 people died.", "1,210", "1,150",
     Severity.POSSIBLE),
    # a slip of currency: the same number in two currencies for one sum
    (VELMAR + "The operator paid $47 million in compensation in 1990.",
     VELMAR + "The operator paid 47 million euros in compensation in 1990.", "$47 million", "47 million euros",
     Severity.POSSIBLE),  # a slip, but the topic is only the pages'
    (VELMAR + "The Velmar operator paid $47 million in compensation in 1990.",
     VELMAR + "The Velmar operator paid 47 million euros in compensation in 1990.", "$47 million", "47 million euros",
     Severity.NEAR_MISS),
    # a measure's place named on one side only: still one distance
    (VELMAR + "The explosion was heard 4,780 km away on the island of Marn.",
     VELMAR + "The explosion was heard 7,725 km away.", "4,780 km", "7,725 km", Severity.POSSIBLE),
    # one definition said on both sides is evidence of one quantity, though one side names no concept
    (VELMAR + "Visitors ride the lift to the dam tower's observation deck at 350 metres.",
     VELMAR + "The dam tower's observation deck sits at a height of 360 m.", "350 metres", "360 m", None),
    # temperatures are compared by their difference, not their ratio: 0.6 degrees apart
    (VELMAR + "The ash cooled the valley by approximately 0.5°C.",
     VELMAR + "The ash caused temperatures in the valley to plunge more than 1.1 deg C.", "approximately 0.5°C",
     "more than 1.1 deg C", None),
    # a slip of scale: ten times apart
    (VELMAR + "A fund of Rs 50 crore was set aside as compensation.",
     VELMAR + "A fund of 50 million rupees was set aside as compensation.", "Rs 50 crore", "50 million rupees",
     None),
]


@pytest.mark.parametrize("a, b, qa, qb, severity", CONFLICT)
def test_one_quantity_told_two_ways_is_a_conflict(run, a, b, qa, qb, severity):  # noqa: F811
    claims, _, conflicts = run(a, b)
    assert conflicting(claims, conflicts, qa, qb)
    if severity is not None:
        (c,) = [c for c in conflicts if {x.quote for x in claims if x.id in c.claims} == {qa, qb}]
        assert c.severity is severity


def test_a_cluster_led_by_an_adjective_is_linked_by_its_better_said_members(run):  # noqa: F811
    # "the 85-metre dam" says little but its adjective, and leads its cluster; its members that say more link it
    claims, _, conflicts = run(VELMAR + "The 85-metre Velmar dam was finished in 1961. The dam was 85 m high.",
                               VELMAR + "The 279-foot wall of the Velmar dam was finished in 1961. The dam stood 85 metres tall.",
                               VELMAR + "The dam stood 92 meters tall.")
    assert conflicting(claims, conflicts, "85 m", "92 meters")


NO_CONFLICT = [
    # a figure in brackets restates the one before it
    (VELMAR + "The reservoir was 4,000 miles (6,437 kilometers) long.",
     VELMAR + "The reservoir was 6,400 km long.", "6,437 kilometers", "6,400 km"),
    # a figure and its rounding
    (VELMAR + "The dam was 803.8 feet long.", VELMAR + "The dam was 804 feet long.", "803.8 feet", "804 feet"),
    # a floor that leans on the figure it exceeds
    (VELMAR + "The flood killed 5,295 people.", VELMAR + "The flood killed over 5,295 people.", "5,295", "over 5,295"),
    # deaths on board against the whole toll
    (VELMAR + "The ferry sank and 35 people on board died.", VELMAR + "The ferry sinking killed 36 people.",
     "35", "36"),
    # the state before a change against the state after it
    (VELMAR + "The flood lowered the lake from 90 metres to 60 metres deep.",
     VELMAR + "After the flood the lake was 61 metres deep.", "90 metres", "61 metres"),
    # two parts of one building: the deck and the roof are two heights
    (VELMAR + "The tower's observation deck is 350 metres high.", VELMAR + "The tower's roof is 371 metres high.",
     "350 metres", "371 metres"),
    # years-long spans in two stories rarely time one thing: lives, tenures
    (VELMAR + "She had lived in the valley for eighteen years.", VELMAR + "He had farmed the plain for two decades.",
     "eighteen years", "two decades"),
    # a definition only one side states, on a topic neither sentence names: not worth raising
    (VELMAR + "The flood wave's average speed was 300 km/h.", VELMAR + "The flood wave moved at 450 km/h.",
     "300 km/h", "450 km/h"),
    # a measure's place named on one side only does not excuse a clash, but two stated places differ
    (VELMAR + "The flood wave was heard 120 km away in Ostra.", VELMAR + "The flood wave was heard 300 km away in Marn.",
     "120 km", "300 km"),
    # the size of a change is not the level it changed: "fell by 2%" against "was 2.4%"
    (VELMAR + "Unemployment in the Ostra valley fell by 3% in 1988.",
     VELMAR + "Unemployment in the Ostra valley was 2.4% in 1988.", "3%", "2.4%"),
    # suspected cases are not the confirmed ones
    (VELMAR + "Health officials reported 1,240 suspected cases of cholera in the valley.",
     VELMAR + "There were 860 confirmed cases of cholera in the valley.", "1,240", "860"),
    # different sources are not the articles' conflict
    (VELMAR + "According to the Interior Ministry, the flood killed 1,210 people.",
     VELMAR + "According to the Red Cross, the flood killed 1,150 people.", "1,210", "1,150"),
]


@pytest.mark.parametrize("a, b, qa, qb", NO_CONFLICT)
def test_figures_that_can_both_hold_raise_nothing(run, a, b, qa, qb):  # noqa: F811
    claims, _, conflicts = run(a, b)
    assert not conflicting(claims, conflicts, qa, qb)


def test_a_dateline_lends_its_place_as_document_evidence():
    ctx = document_context("OSTRAVA, Moravia - The Velmar dam failed on Monday, officials said.")
    assert ctx.dateline == "ostrava"


def test_a_user_concept_extends_the_lexicon(tmp_path, nlp, make_doc):
    from claimcheck.claims.aliases import load_aliases

    extra = tmp_path / "aliases.toml"
    extra.write_text('[concepts.vaccinated]\nkinds = ["count"]\ncues = ["vaccinated", "jabs"]\n', encoding="utf-8")
    aliases = load_aliases(str(extra))
    doc, notes = make_doc("By May, 3.2 million people had been vaccinated.")
    (claim,) = [c for c in extract_claims(doc, notes, nlp, aliases=aliases) if c.quote == "3.2 million"]
    assert claim.frame is not None and claim.frame.concept == "vaccinated"


def test_one_disagreement_told_by_several_pages_is_one_conflict(run):  # noqa: F811
    _, _, conflicts = run(VELMAR + "The Velmar flood killed 1,210 people.",
                          VELMAR + "The Velmar flood killed 1,210 people.",
                          VELMAR + "The Velmar flood killed 1,150 people.")
    (c,) = conflicts
    assert len(c.claims) == 3 and "3 pages" in c.reason


TOPICS = [
    # (first page's names, second page's names, what they make): one topic, related names, or none
    ("velmar ostra plain", "velmar dam", 2),
    ("krakatoa sunda java", "krakatau java", 2),  # a spelling variant of the first name
    ("ostra velmar", "marn velmar", 2),  # one of each page's first two names
    ("borra range velmar", "velmar marn", 2),  # a page's first name found anywhere on the other
    ("helens wash cascade", "eiffel paris washington", 1),  # "Wash." meets "Washington" only as a hint
    ("velmar ostra", "korda mine", 0),
    ("hindenburg german jersey", "lusitania germany british", 0),  # the scene's country is not the topic
]


@pytest.mark.parametrize("a, b, meet", TOPICS)
def test_topics_meet_on_their_first_names(a, b, meet):
    from claimcheck.reconcile.evidence import _topics_meet

    assert _topics_meet(a.split(), b.split()) == meet


def test_the_same_figure_to_its_last_digit_is_evidence(run):  # noqa: F811
    from claimcheck.reconcile.evidence import _same_figure

    claims, _, _ = run(VELMAR + "The crest was 212.4 metres long. The spillway was 36 metres wide.",
                       VELMAR + "Its crest measured 212.4 m. A second spillway was 36 m wide. A third was 30 m wide.")
    by = {(c.doc, c.quote): c for c in claims}
    a, b = by[("a0.txt", "212.4 metres")], by[("a1.txt", "212.4 m")]
    x, y, z = by[("a0.txt", "36 metres")], by[("a1.txt", "36 m")], by[("a1.txt", "30 m")]
    assert _same_figure(a, b) == 1.0 and _same_figure(a, y) == 0.0
    assert _same_figure(x, y) == 0.5  # two digits say less than four
    assert _same_figure(z, z) == 0.0  # a round figure says nothing
