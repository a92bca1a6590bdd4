"""Issue 16: wordings of unseen web pages whose figures were lost or misread, one table each
(made-up sentences). `reads` rows give every quantity `find_quantities` must read, as
(quote, kind, bound, value, low, high, unit); `must not` rows put the lookalike beside a real figure.
"""
from __future__ import annotations

import pytest

from claimcheck.claims.numbers import find_quantities

from .test_web_categories import check, quotes, readings


# Units written as abbreviations or with spaces, and the units news measures in.
@pytest.mark.parametrize("text, want", [
    ("Winters grew colder by more than 0.8 deg C that decade.", [("more than 0.8 deg C", "measure", ">", 0.8, 0.8, None, "°C")]),
    ("The lake warmed 2.1 deg. F in a year.", [("2.1 deg. F", "measure", "=", 2.1, 2.1, 2.1, "°F")]),
    ("The trawler sank 6 nmi off the cape.", [("6 nmi", "measure", "=", 6, 6, 6, "nmi")]),
    ("The tanker lay 14 NM from the harbour.", [("14 NM", "measure", "=", 14, 14, 14, "nmi")]),
    ("The yacht was some 3 nautical miles out.", [("some 3 nautical miles", "measure", "~", 3, 2.7, 3.3, "nmi")]),
    ("Gusts reached 52 kts at dawn.", [("52 kts", "measure", "=", 52, 52, 52, "kn")]),
    ("The fire burned 30 sq miles of scrub.", [("30 sq miles", "measure", "=", 30, 30, 30, "mi2")]),
    ("The pit holds 4 cu m of slurry.", [("4 cu m", "measure", "=", 4, 4, 4, "m3")]),
    ("The cargo weighed 80 metric tons.", [("80 metric tons", "measure", "=", 80, 80, 80, "t")]),
    ("Storm winds hit 95 km per hour.", [("95 km per hour", "measure", "=", 95, 95, 95, "km/h")]),
    ("The blast equalled 30 million tons of TNT.", [("30 million tons of TNT", "measure", "=", 3e7, 2.85e7, 3.15e7, "t TNT")]),
    ("A 20-kiloton device and a 5-megaton one.",
     [("20-kiloton", "measure", "=", 20, 20, 20, "kt TNT"), ("5-megaton", "measure", "=", 5, 5, 5, "Mt TNT")]),
    ("The barge carried 40 tons of grain.", [("40 tons", "measure", "=", 40, 40, 40, "t")]),
    ("The breach released 3,100 cubic metres per second.",
     [("3,100 cubic metres per second", "measure", "=", 3100, 3050, 3150, "m3/s")]),
    ("The river peaked near 70,000 cfs.", [("70,000 cfs", "measure", "=", 70000, 66500, 73500, "ft3/s")]),
    ("Its central pressure fell to 915 millibars (27.02 inHg).",
     [("915 millibars", "measure", "=", 915, 915, 915, "mbar"), ("27.02 inHg", "measure", "=", 27.02, 27.02, 27.02, "inHg")]),
    ("The storm deepened to 948 hPa.", [("948 hPa", "measure", "=", 948, 948, 948, "hPa")]),
    ("The flood covered 1,200 hectares and 40 acres more.",
     [("1,200 hectares", "measure", "=", 1200, 1150, 1250, "ha"), ("40 acres", "measure", "=", 40, 40, 40, "acre")]),
])
def test_unit_abbreviations_read(text, want):
    check(text, want)


# A bare "degrees" is a temperature after heat words, on the page's scale; an angle otherwise.
@pytest.mark.parametrize("text, unit", [
    ("The truck did 50 mph. Inside the furnace the air reached 900 degrees.", "°F"),
    ("The lake is 40 metres deep and its water was only 9 degrees in May.", "°C"),
    ("At noon it was 31 °C in the shade; by night the temperature fell to 18 degrees.", "°C"),
    ("Readings of 100 °F were common, and the temperature hit 104 degrees on Sunday.", "°F"),
    ("The barge tilted 25 degrees in cold water 30 metres deep.", "°"),
    ("The crane turned 90 degrees. The tower is 80 metres tall.", "°"),
    ("The ferry listed 20 degrees in the cold sea, 90 metres from shore.", "°"),
    ("The sea was 12 degrees.", "°"),  # the page names no scale and no other units: no telling
])
def test_bare_degrees_take_the_page_scale(text, unit):
    degrees = [q for q in find_quantities(text) if "degrees" in q.quote]
    assert len(degrees) == 1 and degrees[0].unit == unit, readings(text)


@pytest.mark.parametrize("text, want", [
    ("At the summit it was -31 C with the wind.", [("-31 C", "measure", "=", -31, -31, -31, "°C")]),
    ("The water temperature was about 9 C.", [("about 9 C", "measure", "~", 9, 8.1, 9.9, "°C")]),
])
def test_spaced_temperature_letters_read(text, want):
    check(text, want)


@pytest.mark.parametrize("text", [
    "Block 4 C was sold to 12 families.",
    "Under Section 4 C of the water act, 3 firms paid.",
])
def test_spaced_letter_after_a_label_is_no_temperature(text):
    assert not any(q.unit == "°C" for q in find_quantities(text)), readings(text)


# Indian money: "Rs." and "cr", and a rupee sign a page lost in decoding or to a symbol font.
@pytest.mark.parametrize("text, want", [
    ("The state set aside Rs. 2,150 cr for relief.", [("Rs. 2,150 cr", "money", "=", 2.15e10, 2.145e10, 2.155e10, "INR")]),
    ("The board approved Rs 640 cr in grants.", [("Rs 640 cr", "money", "=", 6.4e9, 6.35e9, 6.45e9, "INR")]),
    ("A fund of ₹310 crore was created.", [("₹310 crore", "money", "=", 3.1e9, 3.05e9, 3.15e9, "INR")]),
    ("A fund of â‚¹310 crore was created.", [("â‚¹310 crore", "money", "=", 3.1e9, 3.05e9, 3.15e9, "INR")]),
    ("The plea sought L4,120 cr; the court later paid more than L9 billion; the first award was L980 cr.",
     [("L4,120 cr", "money", "=", 4.12e10, 4.115e10, 4.125e10, "INR"),
      ("more than L9 billion", "money", ">", 9e9, 9e9, None, "INR"),
      ("L980 cr", "money", "=", 9.8e9, 9.75e9, 9.85e9, "INR")]),
    ("The trust got ` 55 lakh from donors.", [("` 55 lakh", "money", "=", 5.5e6, 5.45e6, 5.55e6, "INR")]),
])
def test_rupees_read(text, want):
    check(text, want)


@pytest.mark.parametrize("text", [
    "The L9 billion line was built by 300 workers.",  # no crore or lakh anywhere: a letter is a letter
    "Take the L train for 12 stops.",
    "Size L40 shirts sold out.",
])
def test_a_letter_without_crore_is_no_rupee(text):
    assert not any(q.unit == "INR" for q in find_quantities(text)), readings(text)


# Infobox cells that lost the space between label and value, with small or no-comma figures.
def test_glued_infobox_cells_read_their_values():
    box = ("Harbour Pier collapse\nDate3 May 1961\nHeight41 m (135 ft)\nDeck length318 m\nInjured88\n"
           "Repair costUS$2.6 million\nVessels4 tugs\n\nThe pier fell at night.")
    assert quotes(box) == ["41 m", "135 ft", "318 m", "88", "US$2.6 million", "4"]


def test_glued_cells_with_a_hedge_or_a_named_value():
    box = "Voyage\nLaunched4 June 2009\nShipVela Nord 2\nCargo8,300 t\nCrewc. 40\nLost12"
    assert readings(box) == [("8,300 t", "measure", "=", 8300, 8250, 8350, "t"), ("c. 40", "count", "~", 40, 36, 44, None),
                             ("12", "count", "=", 12, 12, 12, None)]


@pytest.mark.parametrize("text", [
    "Get version2 of the tool, used by 3,000 people.",  # one glued word in a sentence is no cell
    "Report abc123 holds 5 rows.\nIt was filed late.",
])
def test_a_single_glued_word_is_no_cell(text):
    assert len(quotes(text)) == 1, readings(text)


# Counts and measures in adjective form.
@pytest.mark.parametrize("text, want", [
    ("It was refitted as a 720-passenger ferry.", [("720-passenger", "count", "=", 720, 720, 720, None)]),
    ("A 35-knot gust hit the pier.", [("35-knot", "measure", "=", 35, 35, 35, "kn")]),
    ("Residents fled a 14-storey block.", [("14-storey", "count", "=", 14, 14, 14, None)]),
    ("A 6-metre wave struck.", [("6-metre", "measure", "=", 6, 6, 6, "m")]),
    ("The 9-member panel met.", [("9-member", "count", "=", 9, 9, 9, None)]),
    ("The town built a four-lane road.", [("four-lane", "count", "=", 4, 4, 4, None)]),
    ("The four-lane road opened.", [("four-lane", "count", "=", 4, 4, 4, None)]),
    ("A 2,000-strong crowd gathered.", [("2,000-strong", "count", "=", 2000, 1900, 2100, None)]),
    ("It ended a 4.1-billion-kilometre voyage.", [("4.1-billion-kilometre", "measure", "=", 4.1e9, 4.05e9, 4.15e9, "km")]),
    ("The census put it at c. 52,000 and ca. 9 villages.",
     [("c. 52,000", "count", "~", 52000, 46800, 57200, None), ("ca. 9", "count", "~", 9, 8.1, 9.9, None)]),
])
def test_hyphenated_adjectives_read(text, want):
    check(text, want)


@pytest.mark.parametrize("text", [
    "They stayed at a 5-star hotel with 30 rooms.",
    "He hit a 3-pointer in front of 900 fans.",
    "It is a one-way street with 12 shops.",
    "A two-faced deal cost 40 jobs.",
    "The 2-for-1 offer drew 60 buyers.",
    "Written by Tom B., Class 7C, for 40 readers.",  # a class name, not 7 million
    "Probes reached the asteroid 2231 Morra after 60 days.",  # a catalogue number
])
def test_compound_lookalikes_are_not_counts(text):
    assert len(quotes(text)) == 1, readings(text)


# A glued "m" after a comma-grouped figure measures; after a currency it is a million.
@pytest.mark.parametrize("text, want", [
    ("The ridge is 6,212m (the old survey) and rarely climbed.", [("6,212m", "measure", "=", 6212, 6212, 6212, "m")]),
    ("The firm raised $6.2m from investors.", [("$6.2m", "money", "=", 6.2e6, 6.15e6, 6.25e6, "USD")]),
    ("Some 1,300m people live there.", [("Some 1,300m", "count", "~", 1.3e9, 1.17e9, 1.43e9, None)]),
])
def test_grouped_m_is_metres(text, want):
    check(text, want)


# Hedges, with the bounds of the gold conventions (tests/heldout/README.md).
@pytest.mark.parametrize("text, want", [
    ("Officials now say the toll was nearer 640.", [("nearer 640", "count", "~", 640, 576, 704, None)]),
    ("Families said closer to 90.", [("closer to 90", "count", "~", 90, 81, 99, None)]),
    ("There were upwards of 3,000 marchers.", [("upwards of 3,000", "count", ">", 3000, 3000, None, None)]),
    ("The deal is worth north of $2 billion.", [("north of $2 billion", "money", ">", 2e9, 2e9, None, "USD")]),
    ("The tower stands just shy of 300 metres.", [("just shy of 300 metres", "measure", "<", 300, 270, 300, "m")]),
    ("The ascent took only a little over 200 climbers.", [("a little over 200", "count", ">", 200, 200, None, None)]),
    ("The walk took just under 3 hours.", [("just under 3 hours", "duration", "<", 3, 2.7, 3, "hour")]),
    ("He ran it for the best part of 20 years.", [("the best part of 20 years", "duration", "<", 20, 18, 20, "year")]),
    ("Only over 10 came.", [("10", "count", "=", 10, 10, 10, None)]),  # a lone emphasis still cancels "over"
])
def test_hedges_read(text, want):
    check(text, want)


@pytest.mark.parametrize("text, want", [
    ("Boats may not come within 200 m of the wreck.", [("200 m", "measure", "=", 200, 200, 200, "m")]),
    ("The river rose to within 0.8 m of the wall.", [("0.8 m", "measure", "=", 0.8, 0.8, 0.8, "m")]),
    ("Help arrived within 20 minutes.", [("within 20 minutes", "duration", "<=", 20, 0, 20, "minute")]),
    ("Every home lies within 2 km.", [("within 2 km", "measure", "<=", 2, 0, 2, "km")]),
])
def test_within_a_distance_of_a_place_is_exact(text, want):
    check(text, want)


# Shares of a unit of time.
@pytest.mark.parametrize("text, want", [
    ("The hull sank in less than a quarter of an hour.",
     [("less than a quarter of an hour", "duration", "<", 15, 0, 15, "minute")]),
    ("The vote took half an hour.", [("half an hour", "duration", "=", 30, 30, 30, "minute")]),
    ("They waited an hour and a half.", [("an hour and a half", "duration", "=", 1.5, 1.5, 1.5, "hour")]),
    ("The siege lasted three days and a half.", [("three days and a half", "duration", "=", 3.5, 3.5, 3.5, "day")]),
    ("The dam stood for three-quarters of a century.",
     [("three-quarters of a century", "duration", "=", 75, 75, 75, "year")]),
    ("A quarter of the town flooded.", [("A quarter", "percent", "=", 25, 25, 25, "percent")]),
])
def test_shares_of_time_read(text, want):
    check(text, want)


# Page furniture: widget counters, reading times, pagers.
@pytest.mark.parametrize("text", [
    "Posted by Ana on 2 May 2020 | 4 min read | 22 comments\nThe bridge carries 9 lanes.",
    "Filed under: Travel | 5 Comments\nThe bridge carries 9 lanes.",
    "Comments (11)\nThe bridge carries 9 lanes.",
    "Share 40\nThe bridge carries 9 lanes.",
    "Page 3 of 7\nThe bridge carries 9 lanes.",
    "A 6-minute read\nThe bridge carries 9 lanes.",
    "Year 9 History - Group 4\nThe bridge carries 9 lanes.",
])
def test_page_furniture_is_not_read(text):
    assert quotes(text) == ["9"], readings(text)


def test_a_comment_count_in_a_sentence_is_a_claim():
    assert quotes("The post drew 140 comments from readers.") == ["140"]


# A fraction glyph lost in conversion, before a unit of time or length only.
@pytest.mark.parametrize("text, want", [
    ("Ash hid the sun for 31/2 days.", [("31/2 days", "duration", "=", 3.5, 3.5, 3.5, "day")]),
    ("The march covered 41/4 miles.", [("41/4 miles", "measure", "=", 4.25, 4.25, 4.25, "mi")]),
    ("On 21/2 the council met 30 residents.", [("30", "count", "=", 30, 30, 30, None)]),  # a date, no unit
])
def test_lost_fraction_glyphs_read(text, want):
    check(text, want)
