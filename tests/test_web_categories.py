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
