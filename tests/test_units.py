"""units.py: written units -> symbols, and the conversion a reconciler uses to compare them."""
from __future__ import annotations

import pytest

from claimcheck.claims.units import to_base_unit, unit_after


@pytest.mark.parametrize("text, unit, rest", [
    ("GB of storage", "GB", " of storage"),
    ("-inch screen", "in", " screen"),
    ("-hp engine", "hp", " engine"),
    ("km across", "km", " across"),
    (" cubic kilometres of", "km3", " of"),
    (" km3 of magma", "km3", " of magma"),
    ("°C overnight", "°C", " overnight"),
    (" degrees Fahrenheit", "°F", ""),
    (" sq m flat", "m2", " flat"),
    (" square miles (290 km2)", "mi2", " (290 km2)"),
    ("C in London", "°C", " in London"),
    (" miles per hour", "mph", ""),
])
def test_unit_after(text, unit, rest):
    found = unit_after("9" + text, 1)
    assert found is not None and found[0] == unit and ("9" + text)[found[1]:] == rest


@pytest.mark.parametrize("text", [" in 2019", "s and 1990s", "G network", " more people", "°30′N", " m/s"[:0] + "x"])
def test_not_units(text):
    assert unit_after("9" + text, 1) is None


@pytest.mark.parametrize("value, unit, base_value, base", [
    (600, "mi", 965606.4, "m"),
    (965, "km", 965000, "m"),
    (5, "km3", 5e9, "m3"),
    (512, "GB", 512e9, "B"),
    (240, "hp", 178967.97, "W"),
    (40, "°F", 4.444444, "°C"),
    (-40, "°C", -40, "°C"),
    (112, "mi2", 290078669, "m2"),
    (1.5, "year", 47336400, "s"),
    (18, "month", 47336400, "s"),
    (300, "lb", 136.077711, "kg"),
])
def test_to_base_unit(value, unit, base_value, base):
    got, got_base = to_base_unit(value, unit)
    assert got_base == base and got == pytest.approx(base_value, rel=1e-6)


def test_600_miles_is_about_965_km():
    miles, _ = to_base_unit(600, "mi")
    km, _ = to_base_unit(965, "km")
    assert abs(miles - km) / km < 0.001


@pytest.mark.parametrize("unit", ["USD", "percent", None, "rank"])
def test_units_it_does_not_know_come_back_unchanged(unit):
    assert to_base_unit(7.0, unit) == (7.0, unit)


@pytest.mark.parametrize("a, unit_a, b, unit_b", [
    (200e6, "t TNT", 200, "Mt TNT"),  # a yield in tons of TNT and in megatons
    (8, "nmi", 14.816, "km"),
    (660, "°F", 348.888889, "°C"),
])
def test_the_same_amount_in_two_units_meets_in_base_units(a, unit_a, b, unit_b):
    assert to_base_unit(a, unit_a)[0] == pytest.approx(to_base_unit(b, unit_b)[0], rel=1e-6)
