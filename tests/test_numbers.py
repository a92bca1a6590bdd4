"""Numbers, hedges and intervals: sentence -> the quantity it states (or none)."""
from __future__ import annotations

import pytest

from claimcheck.claims.numbers import find_quantities, parse_number, words_to_number


def only(text: str):
    found = find_quantities(text)
    assert len(found) == 1, [q.quote for q in found]
    return found[0]


@pytest.mark.parametrize("text, quote, bound, value, low, high", [
    # hedges: approximate
    ("about 150 Kyrgyz citizens", "about 150", "~", 150, 135, 165),
    ("around 40 people", "around 40", "~", 40, 36, 44),
    ("roughly 300 cases", "roughly 300", "~", 300, 270, 330),
    ("some 1 million Kazakhs", "some 1 million", "~", 1e6, 9e5, 1.1e6),
    ("an estimated 1 million people", "an estimated 1 million", "~", 1e6, 9e5, 1.1e6),
    ("approximately 2,500 workers", "approximately 2,500", "~", 2500, 2250, 2750),
    ("500 or so delegates", "500 or so", "~", 500, 450, 550),
    # lower bounds
    ("numbering over 200,000.", "over 200,000", ">", 2e5, 2e5, None),
    ("more than 100 of the imam's friends", "more than 100", ">", 100, 100, None),
    ("more than\u00a02,000 ethnic Kazakhs", "more than\u00a02,000", ">", 2000, 2000, None),
    ("at least 12 journalists", "at least 12", ">=", 12, 12, None),
    ("upward of 300 protesters", "upward of 300", ">", 300, 300, None),
    ("90-odd countries", "90-odd", ">", 90, 90, None),
    ("1,000 or more villages", "1,000 or more", ">=", 1000, 1000, None),
    # upper bounds: "nearly" implies closeness, "under" does not
    ("nearly a million ethnic Kazakhs", "nearly a million", "<", 1e6, 9e5, 1e6),
    ("almost 300 detainees", "almost 300", "<", 300, 270, 300),
    ("up to 40 camps", "up to 40", "<=", 40, 0, 40),
    ("children under 18 were barred", "under 18", "<", 18, 0, 18),
    ("fewer than 10 reporters", "fewer than 10", "<", 10, 0, 10),
    ("as many as 3,000 troops", "as many as 3,000", "<=", 3000, 0, 3000),
    # exact, emphasis is not a hedge, rounding allowance for round figures
    ("just 72,000 residents", "72,000", "=", 72000, 71500, 72500),
    ("only 45 still agreed", "45", "=", 45, 45, 45),
    ("About 32,215 Chinese citizens", "About 32,215", "~", 32215, 28993.5, 35436.5),
    ("There are 1.8 million Kazakhs in China", "1.8 million", "=", 1.8e6, 1.75e6, 1.85e6),
    ("over 1 million ethnic Kazakhs", "over 1 million", ">", 1e6, 1e6, None),
    ("32,215 entered", "32,215", "=", 32215, 32215, 32215),
])
def test_hedges_and_intervals(text, quote, bound, value, low, high):
    q = only(text)
    assert (q.quote, q.bound.value) == (quote, bound)
    assert q.value == pytest.approx(value)
    assert (q.low, q.high) == (pytest.approx(low) if low is not None else None, pytest.approx(high) if high is not None else None)


@pytest.mark.parametrize("text, quote, low, high, unit", [
    ("between 1.25 million and 1.5 million, most", "between 1.25 million and 1.5 million", 1.25e6, 1.5e6, None),
    ("between 1.25 and 1.5 million Kazakhs", "between 1.25 and 1.5 million", 1.25e6, 1.5e6, None),
    ("sentences of 9-18 months", "9-18 months", 9, 18, "month"),
    ("from 20 to 30 people", "from 20 to 30", 20, 30, None),
    ("20 to 30 people", "20 to 30", 20, 30, None),
    ("$1.2bn-$1.5bn in loans", "$1.2bn-$1.5bn", 1.2e9, 1.5e9, "USD"),
    ("between two and three weeks", "between two and three weeks", 2, 3, "week"),
])
def test_ranges(text, quote, low, high, unit):
    q = only(text)
    assert (q.quote, q.bound.value, q.value, q.unit) == (quote, "range", None, unit)
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize("text, quote, value", [
    ("2,000 people", "2,000", 2000),
    ("3.5 people per household", "3.5", 3.5),
    ("5 thousand marchers", "5 thousand", 5000),
    ("2 billion people", "2 billion", 2e9),
    ("a 5k run drew 600 runners", "600", 600),
    ("Twenty-two people were arrested", "Twenty-two", 22),
    ("nine judges", "nine", 9),
    ("one each ethnic Hui, Uzbek and Kyrgyz", "one each", 1),
    ("a million people", "a million", 1e6),
    ("one hundred and fifty delegates", "one hundred and fifty", 150),
    ("two thousand five hundred homes", "two thousand five hundred", 2500),
    ("eighteen years as President", "eighteen years", 18),
    ("two dozen eggs", "two dozen", 24),
])
def test_digits_scales_and_number_words(text, quote, value):
    found = [q for q in find_quantities(text) if q.quote == quote]
    assert found, [q.quote for q in find_quantities(text)]
    assert found[0].value == pytest.approx(value)


@pytest.mark.parametrize("text, quote, value, unit", [
    ("a $280 million logistics centre", "$280 million", 280e6, "USD"),
    ("a $275m deal", "$275m", 275e6, "USD"),
    ("€40 million in aid", "€40 million", 40e6, "EUR"),
    ("£5bn of debt", "£5bn", 5e9, "GBP"),
    ("US$3.5 billion loan", "US$3.5 billion", 3.5e9, "USD"),
    ("a fine of 4,000 tenge", "4,000 tenge", 4000, "KZT"),
    ("paid 300 dollars", "300 dollars", 300, "USD"),
])
def test_money(text, quote, value, unit):
    q = only(text)
    assert (q.quote, q.kind, q.unit) == (quote, "money", unit)
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize("text, quote, value", [
    ("60% of voters", "60%", 60),
    ("60 per cent of voters", "60 per cent", 60),
    ("0.4% of GDP", "0.4%", 0.4),
    ("a quarter of the population", "a quarter", 25),
    ("three-quarters of respondents", "three-quarters", 75),
    ("one-third of the budget", "one-third", 100 / 3),
    ("one-in-ten adults", "one-in-ten", 10),
    ("half of the camps", "half", 50),
])
def test_shares_are_percentages(text, quote, value):
    q = only(text)
    assert (q.quote, q.kind, q.unit) == (quote, "percent", "percent")
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize("text, quote, low, high", [
    ("hundreds of protesters gathered", "hundreds", 200, 999),
    ("Dozens of Kazakhstanis", "Dozens", 24, 119),
    ("thousands of Uyghurs", "thousands", 2000, 9999),
    ("hundreds of thousands of people", "hundreds of thousands", 2e5, 999999),
    ("trade totaling billions of dollars", "billions", 2e9, 999e9),
    ("They include hundreds of thousands who were sent", "hundreds of thousands", 2e5, 999999),
    ("would take hundreds of millions of dollars", "hundreds of millions", 2e8, 999999999),
])
def test_vague_amounts(text, quote, low, high):
    q = only(text)
    assert (q.quote, q.value, q.bound.value, q.vague) == (quote, None, "~", True)
    assert (q.low, q.high) == (low, high)


@pytest.mark.parametrize("text", [
    "In 2013, at Nazarbayev University",            # a year
    "the Vienna Convention on Consular Relations, 1963, which",
    "a reference to Article 55 of the Convention",  # identifier
    "Resolution 2231 was adopted",
    "on March 27, protesters gathered",             # dates
    "Apr 8, 2021",
    "on the 4th of July",
    "0:00 0:34:52 0:00",                            # player chrome
    "at 10:30 a.m.",
    "COVID-19 spread",                              # glued identifiers
    "post-1991 Russian policy",
    "during the 1970s and 1980s",                   # decades
    "The two neighboring countries",                # a reference, not a claim
    "one of the re-education camps",
    "the nineteenth century",                       # ordinals
    "192.168.1.2",
])
def test_not_quantities(text):
    assert find_quantities(text) == []


def test_masked_spans_are_not_read_and_offsets_survive():
    text = "expand to 50.4 Those criticizing"
    marker = text.index("4 Those")
    found = find_quantities(text, [(marker, marker + 1)])
    assert [(q.quote, q.value, q.start) for q in found] == [("50", 50, text.index("50"))]


def test_rank_superlatives():
    q = only("the country with the second largest number of Kazakhs")
    assert (q.quote, q.kind, q.value) == ("second largest", "rank", 2)


def test_ages():
    assert only("Her husband, Omir Bekaly, 46, is also").kind == "age"
    q = only("a 19-year-old student")
    assert (q.kind, q.value) == ("age", 19)


@pytest.mark.parametrize("words, value", [("Twenty-two", 22), ("a million", 1e6), ("nine", 9), ("zebra", None)])
def test_words_to_number(words, value):
    assert words_to_number(words) == value


def test_parse_number():
    assert parse_number("1.8 million") == pytest.approx(1.8e6)
    assert parse_number("2,000") == 2000
    assert parse_number("banana") is None


@pytest.mark.parametrize("text, quotes", [
    ("in 2019-20 the budget", []),                      # a fiscal year, not a range of counts
    ("from 2019-2020 onwards", []),
    ("The number range is 1000-5000", ["1000-5000"]),
    ("more than 10 and less than 20 people", ["more than 10 and less than 20"]),
    ("200+ people", ["200+"]),
    ("500 or fewer seats", ["500 or fewer"]),
    ("5k-20k runners", ["5k-20k"]),
])
def test_spans_and_two_sided_bounds(text, quotes):
    assert [q.quote for q in find_quantities(text)] == quotes


@pytest.mark.parametrize("text, quote, kind, unit, bound", [
    ("At 1.66 million km2, Xinjiang is vast", "1.66 million km2", "measure", "km2", "="),
    ("sentenced for 20 or 25 years.", "20 or 25 years", "duration", "year", "range"),
    ("restrictions below the age of 18", "18", "age", "year", "="),
    ("workers aged over 60", "over 60", "age", "year", ">"),
])
def test_units_and_alternatives(text, quote, kind, unit, bound):
    q = only(text)
    assert (q.quote, q.kind, q.unit, q.bound.value) == (quote, kind, unit, bound)


def test_section_numbers_are_not_quantities():
    assert find_quantities("Intro\n1.1 Background on Xinjiang\n2.3.1 Camps") == []


@pytest.mark.parametrize("text, quotes", [
    ("date: 2020-09-24-11-01-26 categories", []),                       # front-matter timestamps
    ("the Median Empire (c. 678-549 BC). In 549 BC, the", []),          # years of an era
    ("formed between 11,940 ± 40 and 2,550 ± 50 BP, with", []),
    ("Districts 2, 4 and 10 hold most offices", []),                   # a list of identifiers
    ("all of them provide 3G services", []),
    ("increased from 11 to 18 in 2005", ["11", "18"]),                 # a change, not a range
    ("rose from about 500,000 to 3 million", ["about 500,000", "3 million"]),
])
def test_dates_identifiers_and_changes(text, quotes):
    assert [q.quote for q in find_quantities(text)] == quotes


def test_stated_uncertainty_is_the_interval():
    q = only("a mass of 120 ± 5 kg")
    assert (q.quote, q.bound.value, q.low, q.high, q.unit) == ("120 ± 5 kg", "~", 115, 125, "kg")


@pytest.mark.parametrize("text, quote, value, low, high, kind", [
    ("close to half a million people", "close to half a million", 5e5, 4.5e5, 5e5, "count"),
    ("home to around 11million Uighurs", "around 11million", 11e6, 9.9e6, 12.1e6, "count"),
    ("1 in 6 children in the valley", "1 in 6", 100 / 6, 100 / 6, 100 / 6, "percent"),
    ("estimated to be 158 ± 12 million tonnes.", "158 ± 12 million tonnes", 158e6, 146e6, 170e6, "measure"),
    ("more than 1500 people", "more than 1500", 1500, 1500, None, "count"),  # a hedge: not a year
])
def test_more_shapes(text, quote, value, low, high, kind):
    q = only(text)
    assert (q.quote, q.kind) == (quote, kind)
    assert q.value == pytest.approx(value) and q.low == pytest.approx(low)
    assert q.high == (pytest.approx(high) if high is not None else None)


@pytest.mark.parametrize("text, quotes", [
    ("between three to four million Uighurs", ["between three to four million"]),
    ("dropped from 15.88 per 1,000 people", ["15.88 per 1,000"]),      # a rate; the denominator is no claim
    ("1,2,3-trichloropropane in the water", []),
    ("`01_amnesty_xinjiang.txt`", []),
    ("the Four Corners region", []),
    ("were reported in 1258–1259, with", []),
])
def test_more_non_quantities(text, quotes):
    assert [q.quote for q in find_quantities(text)] == quotes


def test_list_numbering_is_not_a_quantity():
    assert [q.quote for q in find_quantities("Steps:\n1. Count 40 sheep\n2) Then 12 goats")] == ["40", "12"]


@pytest.mark.parametrize("text, value", [
    ("It had 1.234.567 million users.", 1_234_567e6),  # issue 20: a ValueError dropped the document
    ("Sales reached 2.345.678 billion, against 1.000 last year.", 2_345_678e9),
])
def test_dotted_thousands_with_a_scale_word(text, value):
    assert find_quantities(text)[0].value == pytest.approx(value)
