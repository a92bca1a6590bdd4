"""Issue 19: the categories of wording web pages get wrong, one table each (made-up sentences).

Each `reads` row is a sentence and every quantity `find_quantities` must read in it, as
(quote, kind, bound, value, low, high, unit); each `must not read` row lists quotes that must not
be read as quantities (or nothing at all). Traps put the lookalike next to a real figure.
"""
from __future__ import annotations

import pytest

from claimcheck.claims.numbers import find_quantities


def readings(text: str) -> list[tuple]:
    return [(q.quote, q.kind, q.bound.value, q.value, q.low, q.high, q.unit) for q in find_quantities(text)]


def check(text: str, want: list[tuple]) -> None:
    got = readings(text)
    assert [g[:3] for g in got] == [w[:3] for w in want], got
    for g, w in zip(got, want):
        for a, b in zip(g[3:6], w[3:6]):
            assert (a is None and b is None) or (a is not None and b is not None and a == pytest.approx(b)), (got, want)
        assert g[6] == w[6], got


def quotes(text: str) -> list[str]:
    return [q.quote for q in find_quantities(text)]


SS = "Saffir-Simpson category"


# Category 5: a figure on a named scale is a rating, its scale its unit, never a count.
@pytest.mark.parametrize("text, want", [
    ("The storm grew into a Category 4 hurricane overnight.", [("Category 4", "rating", "=", 4, 4, 4, SS)]),
    ("Winds eased and the hurricane fell to category 2 by noon.", [("category 2", "rating", "=", 2, 2, 2, SS)]),
    ("It made landfall as at least a Category 3 storm, killing 41 people.",
     [("at least a Category 3", "rating", ">=", 3, 3, None, SS), ("41", "count", "=", 41, 41, 41, None)]),
    ("A magnitude 6.8 earthquake shook the coast.", [("magnitude 6.8", "rating", "=", 6.8, 6.8, 6.8, "magnitude")]),
    ("The 7.2-magnitude quake left 300 homes damaged.",
     [("7.2-magnitude", "rating", "=", 7.2, 7.2, 7.2, "magnitude"), ("300", "count", "=", 300, 300, 300, None)]),
    ("The tremor measured 5.1 on the Richter scale.", [("5.1 on the Richter scale", "rating", "=", 5.1, 5.1, 5.1, "magnitude")]),
    ("An M5.9 aftershock followed the quake.", [("M5.9", "rating", "=", 5.9, 5.9, 5.9, "magnitude")]),
    # an infobox's label glued to its value, and a label with a colon beside the scale's name
    ("Valdren earthquake\nLocal time04:17\nMagnitude6.8 Mw\nDepth12 km",
     [("Magnitude6.8", "rating", "=", 6.8, 6.8, 6.8, "magnitude"), ("12 km", "measure", "=", 12, 12, 12, "km")]),
    ("Magnitude: 6.8 on the moment magnitude scale", [("Magnitude: 6.8", "rating", "=", 6.8, 6.8, 6.8, "magnitude")]),
    ("The blast rated VEI 5, ejecting 3 cubic kilometres of rock.",
     [("VEI 5", "rating", "=", 5, 5, 5, "VEI"), ("3 cubic kilometres", "measure", "=", 3, 3, 3, "km3")]),
    ("It had a Volcanic Explosivity Index of 4.", [("Volcanic Explosivity Index of 4", "rating", "=", 4, 4, 4, "VEI")]),
    ("An EF3 tornado tore through the town.", [("EF3", "rating", "=", 3, 3, 3, "Enhanced Fujita scale")]),
    ("The ministry raised its travel advice to Level 3.", [("Level 3", "rating", "=", 3, 3, 3, "level")]),
])
def test_ratings_read(text, want):
    check(text, want)


@pytest.mark.parametrize("text, not_read", [
    ("Applicants in category 2 must file 3 forms.", ["category 2"]),  # no storm: a label, and not a rating either
    ("The water rose to sea level 3 metres above the mark.", ["Level 3"]),
    ("The category 4 budget line grew by 12%.", ["category 4"]),
    ("Route M6 carries 4 lanes each way.", ["M6", "6"]),
])
def test_ratings_must_not_read(text, not_read):
    got = readings(text)
    assert not any(g[1] == "rating" for g in got), got
    assert not set(not_read) & {g[0] for g in got}, got


# Category 4: digits that are no quantity. Each row: the sentence, and the one real quantity in it
# (or None), so every trap also checks that the figure beside it still reads.
@pytest.mark.parametrize("text, only", [
    # coordinates in every form pages use, the infobox triple included
    ("Coordinates: 12°31′N 7°12′W / 12.517°N 7.200°W / 12.517; -7.200 and 40 huts.", "40"),
    ("Location 44°05′12″S 169°56′41″E / 44.08667°S 169.94472°E, some 30 km inland.", "some 30 km"),
    ("The wreck lies at 12.517; -7.200, in 60 metres of water.", "60 metres"),
    # dates and date spans
    ("The fair ran on Aug 14 and 15 in 1902 and drew 5,000 visitors.", "5,000"),
    ("Talks ran from March 3 to 5, with 12 delegations.", "12"),
    ("The strikes of May 3 and 4, 1911 idled 900 mills.", "900"),
    ("Floods on 3 and 4 June cut 20 roads.", "20"),
    # clock times and UTC offsets
    ("At 4.15 in the afternoon, 30 boats had left.", "30"),
    ("At 5.45, we counted 18 craters.", "18"),
    ("The shock came at 6:14:02 am EST (UTC−5) and lasted 40 seconds.", "40 seconds"),
    ("Flights resume at 07:30 GMT+8 for 200 passengers.", "200"),
    # designations, models and index names
    ("The airship LZ 130 carried 40 crew.", "40"),
    ("Its sister ship, the LZ 130. It flew 12 times.", "12"),
    ("It was rebuilt (from 1933). LZ 130 made its first flight with 40 crew.", "40"),
    ("An Airbus A380 seats up to 853 passengers.", "up to 853"),
    ("It is as long as two 747 jumbo jets, or 140 metres.", ["two", "140 metres"]),
    ("The Pixel 7 sold 2 million units.", "2 million"),
    ("She drove a Polo 6 for 9 years.", "9 years"),
    ("The sub U-20 fired 2 torpedoes.", "2"),
    ("The Nikkei 225 and the CAC 40 both fell 3%.", "3%"),
    # note markers and page numbers
    ("The hull split in 14 minutes.[1][2]: 429 The crew escaped.", "14 minutes"),
    ("The source rises at 5,100 m[n 1] in the Andes.", "5,100 m"),
    # money-year labels
    ("Damage reached $90 billion (2005 USD), a record.", "$90 billion"),
    ("Damage reached $61.4 billion (2005 U.S. dollars), a record.", "$61.4 billion"),
    ("Costs were $3 billion in 2010 USD.", "$3 billion"),
    # bibliographic numbers
    ("Smith, J. (2001). Journal of Floods 41(3), 201-219. It found 70 dams.", "70"),
    ("Smith, J., vol. 41, no. 3, pp. 201–219, found 70 dams.", "70"),
    ("See ISBN 978-0-12-345678-9 for the 12 maps.", "12"),
    ("See doi:10.1234/abcd.5678 for the 12 maps.", "12"),
    # seat and shelf locations
    ("He sat in Section 112 Row 8, among 40,000 fans.", "40,000"),
    ("The ledger is on Shelf 14, Box 3, with 200 letters.", "200"),
])
def test_not_quantities_on_web_pages(text, only):
    assert quotes(text) == (only if isinstance(only, list) else [only] if only else []), readings(text)


@pytest.mark.parametrize("text, quote", [
    # the same shapes that are quantities: a count after a month name, hours in a duration, a span of days
    ("By March, 300 workers struck.", "300"),
    ("The count rose 2.5, then 3.1 points.", None),
    ("The flight took 3.30 hours.", "3.30 hours"),
    ("Boeing sold 747 aircraft that year.", "747"),
    ("The EU 27 countries met.", None),
    ("He paid 2005 dollars for the car.", "2005 dollars"),
    ("The tower is 324 m tall, 12 more than the old one.", "324 m"),
])
def test_lookalikes_that_are_quantities(text, quote):
    got = quotes(text)
    assert quote is None or quote in got, readings(text)


# Category 2: compound durations are one duration, in the largest unit when exact there to two
# decimals, else in the smallest; hedged "a minute"s and "-hour" adjectives are durations too.
@pytest.mark.parametrize("text, want", [
    ("The rescue took three hours and twenty minutes.",
     [("three hours and twenty minutes", "duration", "=", 200, 200, 200, "minute")]),
    ("The storm raged for 4 days, 6 hours and 10 minutes.", [("4 days, 6 hours and 10 minutes", "duration", "=", 6130, 6130, 6130, "minute")]),
    ("The voyage lasted six days, 20 hours, and 15 minutes.",
     [("six days, 20 hours, and 15 minutes", "duration", "=", 9855, 9855, 9855, "minute")]),
    ("She began a 5-year-and-3-month term.", [("5-year-and-3-month", "duration", "=", 5.25, 5.25, 5.25, "year")]),
    ("The works took a year and six months.", [("a year and six months", "duration", "=", 1.5, 1.5, 1.5, "year")]),
    ("He served 2 years 3 months in all.", [("2 years 3 months", "duration", "=", 2.25, 2.25, 2.25, "year")]),
    ("The roof burned in less than a minute.", [("less than a minute", "duration", "<", 1, 0, 1, "minute")]),
    ("Crews arrived within an hour.", [("within an hour", "duration", "<=", 1, 0, 1, "hour")]),
    ("The hall emptied within two minutes.", [("within two minutes", "duration", "<=", 2, 0, 2, "minute")]),
    ("Within thirty minutes the deck was awash.", [("Within thirty minutes", "duration", "<=", 30, 0, 30, "minute")]),
    ("The nine-hour blast left 12 craters.", [("nine-hour", "duration", "=", 9, 9, 9, "hour"), ("12", "count", "=", 12, 12, 12, None)]),
    ("It ended a seven-hour siege.", [("seven-hour", "duration", "=", 7, 7, 7, "hour")]),
    ("It sank in about three hours and ten minutes.",
     [("about three hours and ten minutes", "duration", "~", 190, 171, 209, "minute")]),
])
def test_compound_durations_read(text, want):
    check(text, want)


@pytest.mark.parametrize("text, want", [
    ("A day later, 40 boats sailed.", ["40"]),  # "a day" without a hedge is no stated duration
    ("Doses come once a week for 6 weeks.", ["6 weeks"]),
    ("It took 5 hours and 3 days later it rained.", ["5 hours", "3 days"]),  # units that grow: a list, not a sum
    ("The two men left.", []),
    ("He was 3 years old and 4 months later he moved.", ["3 years old", "4 months"]),
])
def test_compound_durations_must_not_merge(text, want):
    assert quotes(text) == want, readings(text)


# Category 7: figures glued to a label or a hedge by a table cell or a lost space.
@pytest.mark.parametrize("text, want", [
    ("Casualties3,000 to 3,400 in the first week", [("3,000 to 3,400", "count", "range", None, 3000, 3400, None)]),
    ("Length2,310 km (1,435 mi)", [("2,310 km", "measure", "=", 2310, 2305, 2315, "km"),
                                   ("1,435 mi", "measure", "=", 1435, 1435, 1435, "mi")]),
    ("Ships Sunk1,204\nCrew Lost15", [("1,204", "count", "=", 1204, 1204, 1204, None)]),
    ("The hull flooded in about22 minutes.", [("about22 minutes", "duration", "~", 22, 19.8, 24.2, "minute")]),
    ("It burned for nearly40 hours.", [("nearly40 hours", "duration", "<", 40, 36, 40, "hour")]),
    ("Catchment area4,100,000 km2", [("4,100,000 km2", "measure", "=", 4.1e6, 4.05e6, 4.15e6, "km2")]),
])
def test_glued_figures_read(text, want):
    check(text, want)


@pytest.mark.parametrize("text, want", [
    ("The file abc123 holds 5 rows.", ["5"]),  # letters glued to a plain integer: a code
    ("Covid19 and MP3 files", []),
    ("Get version2 of the app, used by 3,000 people.", ["3,000"]),
    ("The cover5 seal and the handsome3 plan", []),  # a hedge word only when it is a whole word
])
def test_glued_lookalikes_must_not_read(text, want):
    assert quotes(text) == want, readings(text)


# Category 3: a range whose ends carry conversions is one range; the conversions are optional.
@pytest.mark.parametrize("text, want", [
    ("The river runs between 5,100 km (3,169 mi) and 5,900 km (3,666 mi), by most counts.",
     [("between 5,100 km (3,169 mi) and 5,900 km (3,666 mi)", "measure", "range", None, 5100, 5900, "km")]),
    ("The ridge stands 4,300 m (14,100 ft) to 4,400 m (14,400 ft) high.",
     [("4,300 m (14,100 ft) to 4,400 m (14,400 ft)", "measure", "range", None, 4300, 4400, "m")]),
    ("Bids ran from €20 million ($22 million) to €30 million ($33 million).",
     [("from €20 million ($22 million) to €30 million ($33 million)", "money", "range", None, 20e6, 30e6, "EUR")]),
    ("Its span is 120 km (75 mi)–140 km (87 mi).", [("120 km (75 mi)–140 km (87 mi)", "measure", "range", None, 120, 140, "km")]),
])
def test_ranges_with_converted_ends_read(text, want):
    check(text, want)


@pytest.mark.parametrize("text, want", [
    # "and" without "between" is a list of two figures, each with its conversion
    ("The north peak is 4,300 m (14,100 ft) and the south 4,400 m (14,400 ft).", ["4,300 m", "14,100 ft", "4,400 m", "14,400 ft"]),
    ("Peaks of 4,300 m (14,100 ft) and 4,400 m (14,400 ft) stand apart.", ["4,300 m", "14,100 ft", "4,400 m", "14,400 ft"]),
    ("It fell from 900 m (2,950 ft) to 700 m (2,300 ft).", ["900 m", "2,950 ft", "700 m", "2,300 ft"]),  # descending: a change
])
def test_converted_figures_that_are_no_range(text, want):
    assert quotes(text) == want, readings(text)


# Category 1: "m" after a figure is metres or a million, read from context; likewise "k".
@pytest.mark.parametrize("text, want", [
    ("The summit is 4,261m high.", [("4,261m", "measure", "=", 4261, 4261, 4261, "m")]),
    ("The summit, at 4,261.5m, is the highest.", [("4,261.5m", "measure", "=", 4261.5, 4261.5, 4261.5, "m")]),
    ("The peak is 0.4m lower than once thought.", [("0.4m", "measure", "=", 0.4, 0.4, 0.4, "m")]),
    ("They built a 212.5m tower.", [("212.5m", "measure", "=", 212.5, 212.5, 212.5, "m")]),
    ("The camp sits at 1,350m altitude.", [("1,350m", "measure", "=", 1350, 1345, 1355, "m")]),
    ("The spire adds 8m.", [("8m", "measure", "=", 8, 8, 8, "m")]),
    ("The dam is 90 metres tall; its twin is 85m.", [("90 metres", "measure", "=", 90, 90, 90, "m"), ("85m", "measure", "=", 85, 85, 85, "m")]),
    ("The path is 12k long.", [("12k", "measure", "=", 12, 12, 12, "km")]),
    # a currency or a counted noun: a million (a thousand)
    ("They signed a £14m contract.", [("£14m", "money", "=", 14e6, 13.5e6, 14.5e6, "GBP")]),
    ("Some 9m people live there.", [("Some 9m", "count", "~", 9e6, 8.1e6, 9.9e6, None)]),
    ("It cost $2.5m to build.", [("$2.5m", "money", "=", 2.5e6, 2.45e6, 2.55e6, "USD")]),
    ("The fund raised 300m.", [("300m", "count", "=", 300e6, 285e6, 315e6, None)]),
    ("The tower cost $5m and drew 7m in 2019.", [("$5m", "money", "=", 5e6, 4.75e6, 5.25e6, "USD"),
                                                  ("7m", "count", "=", 7e6, 6.65e6, 7.35e6, None)]),
    ("He earns £40k a year.", [("£40k", "money", "=", 40e3, 38e3, 42e3, "GBP")]),
    ("Profits reached 3bn.", [("3bn", "count", "=", 3e9, 2.85e9, 3.15e9, None)]),
])
def test_metres_or_millions(text, want):
    check(text, want)


def test_bare_m_follows_the_page_habit():
    """A bare "324m" on a page that writes lengths in metres (and no sums in millions) is metres."""
    page = "The mast was 300 metres tall in 1889.\n\nIt went from 324m to 330m after the works."
    assert [(g[0], g[1], g[6]) for g in readings(page)] == [
        ("300 metres", "measure", "m"), ("324m", "measure", "m"), ("330m", "measure", "m")]
    money_page = "The club spent £20m on players.\n\nRevenue went from 324m to 330m after the deal."
    assert [g[1] for g in readings(money_page)] == ["money", "count", "count"]


# Category 8: a possibility sets a ceiling or a floor; an estimated noun makes its figure approximate.
@pytest.mark.parametrize("text, want", [
    ("The toll could climb to 75,000.", [("75,000", "count", "<=", 75000, 0, 75000, None)]),
    ("The toll may have been as high as 4,000.", [("as high as 4,000", "count", "<=", 4000, 0, 4000, None)]),
    ("Late rains could push the total to 90,000.", [("90,000", "count", "<=", 90000, 0, 90000, None)]),
    ("The total could climb 5% to 75,000.", [("5%", "percent", "=", 5, 5, 5, "percent"), ("75,000", "count", "<=", 75000, 0, 75000, None)]),
    ("Sales could top 1 million.", [("could top 1 million", "count", ">", 1e6, 1e6, None, None)]),
    ("Prices might fall to 200.", [("200", "count", ">=", 200, 200, None, None)]),
    ("It covers an estimated area of 35 km2.", [("35 km2", "measure", "~", 35, 31.5, 38.5, "km2")]),
    ("It covers an estimated 35 km2.", [("an estimated 35 km2", "measure", "~", 35, 31.5, 38.5, "km2")]),
    # verbs and stacked qualifiers
    ("Losses exceeded $5 billion.", [("exceeded $5 billion", "money", ">", 5e9, 5e9, None, "USD")]),
    ("The plume exceeded approximately 11 kilometres.", [("exceeded approximately 11 kilometres", "measure", ">", 11, 11, None, "km")]),
    ("It assumed only around 3,000 deaths.", [("around 3,000", "count", "~", 3000, 2700, 3300, None)]),
    ("They sought at least another Rs 7,724 crore.",
     [("at least another Rs 7,724 crore", "money", ">=", 7.724e10, 7.724e10, None, "INR")]),
    ("Of the 97 plus one ground crew member, 36 died.",
     [("97", "count", "=", 97, 97, 97, None), ("one", "count", "=", 1, 1, 1, None), ("36", "count", "=", 36, 36, 36, None)]),
    ("One member of the crew also died.", [("One", "count", "=", 1, 1, 1, None)]),
])
def test_modal_bounds_and_qualifiers(text, want):
    check(text, want)


@pytest.mark.parametrize("text, bound", [
    ("The toll will reach 500.", "="),  # a forecast, not a possibility
    ("Sales climbed to 900.", "="),  # a fact
    ("Only 30 remain.", "="),
    ("A ticket costs 90 plus tax.", "="),
    ("The club has 500 plus members.", ">="),
])
def test_no_bound_without_a_qualifier(text, bound):
    assert readings(text)[0][2] == bound, readings(text)


@pytest.mark.parametrize("text", ["On the one hand, prices rose.", "One day he left.", "It was one man’s dream."])
def test_one_that_counts_nothing(text):
    assert readings(text) == []


# Category 6: lakh and crore, and Indian digit grouping, read as the figures they are.
@pytest.mark.parametrize("text, want", [
    ("Some 3.25 lakh people were moved.", [("Some 3.25 lakh", "count", "~", 325000, 292500, 357500, None)]),
    ("The board paid Rs 410 crore.", [("Rs 410 crore", "money", "=", 4.1e9, 4.05e9, 4.15e9, "INR")]),
    ("In all 4,12,306 votes were cast.", [("4,12,306", "count", "=", 412306, 412306, 412306, None)]),
    ("The scheme costs ₹1.5 lakh crore.", [("₹1.5 lakh crore", "money", "=", 1.5e12, 1.45e12, 1.55e12, "INR")]),
    ("The state set aside 250 crore rupees.", [("250 crore rupees", "money", "=", 2.5e9, 2.45e9, 2.55e9, "INR")]),
    ("Over 12 lakh rupees went unpaid.", [("Over 12 lakh rupees", "money", ">", 1.2e6, 1.2e6, None, "INR")]),
    ("They sought Rs 7,413 cr more.", [("Rs 7,413 cr", "money", "=", 7.413e10, 7.4125e10, 7.4135e10, "INR")]),
    ("The award was ₹40cr.", [("₹40cr", "money", "=", 4e8, 3.8e8, 4.2e8, "INR")]),
    # a page that counts in crore: a bare "cr" is a crore there
    ("The first award was 705 crore. A second plea sought 7,844 cr.",
     [("705 crore", "count", "=", 7.05e9, 7.045e9, 7.055e9, None), ("7,844 cr", "count", "=", 7.844e10, 7.8435e10, 7.8445e10, None)]),
])
def test_lakh_and_crore_read(text, want):
    check(text, want)


@pytest.mark.parametrize("text, want", [
    ("The course is worth 5 cr toward the degree.", ["5"]),  # no lakh or crore on the page: credits
    ("The lab logged 24 Cr samples.", ["24"]),
])
def test_cr_without_an_indian_page(text, want):
    assert quotes(text) == want, readings(text)


# Category 9: signed changes in a list keep their signs, the index names are no figures.
@pytest.mark.parametrize("text, want", [
    ("Markets: CAC 40 -0.8%, DAX -1.2%, FTSE 100 +0.4%.",
     [("-0.8%", "percent", "=", -0.8, -0.8, -0.8, "percent"), ("-1.2%", "percent", "=", -1.2, -1.2, -1.2, "percent"),
      ("0.4%", "percent", "=", 0.4, 0.4, 0.4, "percent")]),
    ("Asia: Nikkei 225 −1.5%; Kospi +2.1%", [("−1.5%", "percent", "=", -1.5, -1.5, -1.5, "percent"),
                                          ("2.1%", "percent", "=", 2.1, 2.1, 2.1, "percent")]),
    ("Movers: Acme -3%, Globex +5.2%", [("-3%", "percent", "=", -3, -3, -3, "percent"), ("5.2%", "percent", "=", 5.2, 5.2, 5.2, "percent")]),
    ("Index: Stoxx 600 -12 pts", [("-12", "count", "=", -12, -12, -12, None)]),
])
def test_signed_changes_in_lists(text, want):
    check(text, want)


@pytest.mark.parametrize("text, want", [
    # a space before a glued minus between two plain figures is still a range's dash
    ("Yields were between 5 -10% a year.", [("between 5 -10%", "percent", "range", None, 5, 10, "percent")]),
    ("The rate is 5 -10% a year.", [("5 -10%", "percent", "range", None, 5, 10, "percent")]),
    ("Lows ranged from -5 to -10°C.", [("from -5 to -10°C", "measure", "range", None, -10, -5, "°C")]),
])
def test_dashes_that_are_no_signs(text, want):
    check(text, want)


# Category 10: references and names that are no claims.
@pytest.mark.parametrize("text, want", [
    ("The FBI and the CIA met; the two agencies agreed.", []),
    ("He promoted the Three Represents in 2000.", []),
    ("Pupils in years seven to nine sit the test.", []),
    ("Across Years 10-11 the pass rate fell 4%.", ["4%"]),
    ("She joined the Big Four in 2001.", []),
    ("The Gang of Four fell in 1976.", []),
    ("The Magnificent Seven was remade.", []),
    ("The Final Four drew 70,000 fans.", ["70,000"]),
])
def test_references_and_names_are_no_claims(text, want):
    assert quotes(text) == want, readings(text)


@pytest.mark.parametrize("text, want", [
    ("Three people died.", ["Three"]),  # a capital at the start of a sentence counts
    ("Storm Kills Three People In Town", ["Three"]),  # a headline in title case counts too
    ("After 20 years 5 to 10 people left.", ["20 years", "5 to 10"]),  # years of time, then a range of people
    ("Two agencies agreed.", ["Two"]),
])
def test_counts_that_look_like_names(text, want):
    assert quotes(text) == want, readings(text)


# Category 11: an ambiguous separator ("2.750") is read by the page's own habit.
@pytest.mark.parametrize("text, want", [
    ("The march drew 18.000 people. The pass is 2.750 m high.",
     [("18.000", "count", "=", 18000, 17500, 18500, None), ("2.750 m", "measure", "=", 2750, 2745, 2755, "m")]),
    ("The 2.750 m pass drew 18.500 visitors.",
     [("2.750 m", "measure", "=", 2750, 2745, 2755, "m"), ("18.500", "count", "=", 18500, 18450, 18550, None)]),
    ("The lake is 2,5 km wide and its rim 1.250 m high.",
     [("2,5 km", "measure", "=", 2.5, 2.5, 2.5, "km"), ("1.250 m", "measure", "=", 1250, 1245, 1255, "m")]),
    ("Crowds of 45 000 came; the peak is 4 810 m.",
     [("45 000", "count", "=", 45000, 44500, 45500, None), ("4 810 m", "measure", "=", 4810, 4805, 4815, "m")]),
])
def test_separators_by_the_page_habit(text, want):
    check(text, want)


@pytest.mark.parametrize("text, want", [
    # the page writes decimals with a dot (or thousands with a comma): "2.750" is a decimal
    ("The march drew 18,000 people. The pass is 2.750 km long.",
     [("18,000", "count", "=", 18000, 17500, 18500, None), ("2.750 km", "measure", "=", 2.75, 2.75, 2.75, "km")]),
    ("The rod is 2.750 m long and 3.5 m wide.",
     [("2.750 m", "measure", "=", 2.75, 2.75, 2.75, "m"), ("3.5 m", "measure", "=", 3.5, 3.5, 3.5, "m")]),
    ("The rod is 2.750 m long.", [("2.750 m", "measure", "=", 2.75, 2.75, 2.75, "m")]),  # no habit: a decimal
])
def test_dot_decimals_stay_decimals(text, want):
    check(text, want)


@pytest.mark.parametrize("text, want", [
    ("At least one person died in the fire.", ["At least one"]),
    ("Two crew and one passenger were hurt.", ["Two", "one"]),
    ("Families may have more than one child.", []),  # a rule of policy, not a counted group
])
def test_one_of_a_counted_group(text, want):
    assert quotes(text) == want, readings(text)
