"""Units of measure: the words and symbols written after a figure, and conversion to a base unit.

    unit_after(text, pos)        -> (unit, end) for "512GB", "5.5-inch", "330-metre", "5 cubic kilometres"
    to_base_unit(value, unit)    -> (value, base unit): 600 "mi" -> (965606.4, "m"), 40 "°F" -> (4.44.., "°C")

Units are normalised to short symbols (km, m, mi, km2, km3, kg, t, lb, GB, hp, °C, km/h ...), so a
reconciler can compare "600 miles" with "965 km" by converting both with `to_base_unit`. Pure
Python; a hand-written table, because news writes a few dozen units and a units library (pint)
would add weight and still need this table of surface forms.
"""
from __future__ import annotations

import re
from functools import lru_cache

# symbol -> (base unit, factor to the base). Temperatures are affine and handled apart.
FACTORS: dict[str, tuple[str, float]] = {
    # length
    "nm": ("m", 1e-9), "mm": ("m", 1e-3), "cm": ("m", 1e-2), "m": ("m", 1.0), "km": ("m", 1e3),
    "in": ("m", 0.0254), "ft": ("m", 0.3048), "yd": ("m", 0.9144), "mi": ("m", 1609.344), "nmi": ("m", 1852.0),
    # area
    "m2": ("m2", 1.0), "km2": ("m2", 1e6), "ha": ("m2", 1e4), "acre": ("m2", 4046.8564224), "ft2": ("m2", 0.09290304),
    "mi2": ("m2", 2589988.110336),
    # volume
    "ml": ("m3", 1e-6), "cl": ("m3", 1e-5), "l": ("m3", 1e-3), "m3": ("m3", 1.0), "km3": ("m3", 1e9),
    "ft3": ("m3", 0.028316846592), "yd3": ("m3", 0.764554857984), "mi3": ("m3", 4168181825.440579), "gal": ("m3", 0.003785411784), "barrel": ("m3", 0.158987294928),
    # mass
    "mg": ("kg", 1e-6), "g": ("kg", 1e-3), "kg": ("kg", 1.0), "t": ("kg", 1e3), "lb": ("kg", 0.45359237),
    "oz": ("kg", 0.028349523125),
    # data (decimal prefixes, as storage is sold)
    "B": ("B", 1.0), "KB": ("B", 1e3), "MB": ("B", 1e6), "GB": ("B", 1e9), "TB": ("B", 1e12), "PB": ("B", 1e15),
    "EB": ("B", 1e18),
    # power and energy
    "W": ("W", 1.0), "kW": ("W", 1e3), "MW": ("W", 1e6), "GW": ("W", 1e9), "TW": ("W", 1e12), "hp": ("W", 745.69987158227),
    "Wh": ("J", 3600.0), "kWh": ("J", 3.6e6), "MWh": ("J", 3.6e9), "GWh": ("J", 3.6e12), "TWh": ("J", 3.6e15),
    "J": ("J", 1.0), "kJ": ("J", 1e3), "MJ": ("J", 1e6), "kcal": ("J", 4184.0),
    "eV": ("eV", 1.0), "TeV": ("eV", 1e12),
    # explosive yield, as the energy of that much TNT
    "t TNT": ("J", 4.184e9), "kt TNT": ("J", 4.184e12), "Mt TNT": ("J", 4.184e15),
    # speed, frequency
    "km/h": ("m/s", 1 / 3.6), "mph": ("m/s", 0.44704), "m/s": ("m/s", 1.0), "kn": ("m/s", 1852 / 3600), "ft/s": ("m/s", 0.3048),
    # flow (a river's or a breach's discharge) and air pressure (a storm's)
    "m3/s": ("m3/s", 1.0), "ft3/s": ("m3/s", 0.028316846592),
    "hPa": ("Pa", 100.0), "mbar": ("Pa", 100.0), "inHg": ("Pa", 3386.389), "kPa": ("Pa", 1e3),
    "Hz": ("Hz", 1.0), "kHz": ("Hz", 1e3), "MHz": ("Hz", 1e6), "GHz": ("Hz", 1e9),
    # durations (kind `duration`): a year of 365.25 days, a month of a twelfth of that
    "second": ("s", 1.0), "minute": ("s", 60.0), "hour": ("s", 3600.0), "day": ("s", 86400.0), "week": ("s", 604800.0),
    "month": ("s", 2629800.0), "year": ("s", 31557600.0),
}

# Written forms, matched case-insensitively (words) or exactly (symbols, where case carries meaning: MB vs mb, GW vs gw).
_WORDS: dict[str, str] = {
    "nanometres": "nm", "nanometers": "nm", "nanometre": "nm", "nanometer": "nm",
    "millimetres": "mm", "millimeters": "mm", "millimetre": "mm", "millimeter": "mm",
    "centimetres": "cm", "centimeters": "cm", "centimetre": "cm", "centimeter": "cm",
    "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
    "metres": "m", "meters": "m", "metre": "m", "meter": "m",
    "inches": "in", "inch": "in", "feet": "ft", "foot": "ft", "yards": "yd", "yard": "yd",
    "nautical miles": "nmi", "nautical mile": "nmi", "miles": "mi", "mile": "mi", "nmi": "nmi",
    "square kilometres": "km2", "square kilometers": "km2", "square kilometre": "km2", "square kilometer": "km2",
    "square metres": "m2", "square meters": "m2", "square metre": "m2", "square meter": "m2",
    "square miles": "mi2", "square mile": "mi2", "square feet": "ft2", "square foot": "ft2",
    "sq km": "km2", "sq. km": "km2", "sq m": "m2", "sq. m": "m2", "sq mi": "mi2", "sq. mi": "mi2", "sq ft": "ft2",
    "sq. ft": "ft2", "km squared": "km2", "hectares": "ha", "hectare": "ha", "acres": "acre", "acre": "acre",
    "sq kilometres": "km2", "sq kilometers": "km2", "sq miles": "mi2", "sq. miles": "mi2", "sq metres": "m2",
    "sq meters": "m2", "sq. kilometres": "km2", "sq. kilometers": "km2", "sq. metres": "m2", "sq. meters": "m2",
    "square km": "km2", "sq feet": "ft2", "sq. feet": "ft2", "mi²": "mi2", "ft²": "ft2",
    "cubic km": "km3", "cu km": "km3", "cu. km": "km3", "cu m": "m3", "cu. m": "m3", "cu ft": "ft3", "cu. ft": "ft3",
    "cubic miles": "mi3", "cubic mile": "mi3", "cubic yards": "yd3", "cubic yard": "yd3", "cubic foot": "ft3",
    "cubic kilometres": "km3", "cubic kilometers": "km3", "cubic kilometre": "km3", "cubic kilometer": "km3",
    "cubic metres": "m3", "cubic meters": "m3", "cubic metre": "m3", "cubic meter": "m3", "cubic feet": "ft3",
    "km cubed": "km3", "litres": "l", "liters": "l", "litre": "l", "liter": "l", "millilitres": "ml",
    "milliliters": "ml", "centilitres": "cl", "gallons": "gal", "gallon": "gal", "barrels": "barrel", "barrel": "barrel",
    "milligrams": "mg", "milligram": "mg", "grams": "g", "gram": "g", "grammes": "g", "kilograms": "kg",
    "kilogram": "kg", "kilogrammes": "kg", "kilos": "kg", "kilo": "kg", "tonnes": "t", "tonne": "t", "tons": "t",
    "ton": "t", "metric tons": "t", "metric tonnes": "t", "metric ton": "t", "metric tonne": "t", "ounces": "oz", "ounce": "oz", "lbs": "lb", "pounds": "lb", "pound": "lb",
    "gigabytes": "GB", "gigabyte": "GB", "megabytes": "MB", "megabyte": "MB", "terabytes": "TB", "terabyte": "TB",
    "kilobytes": "KB", "petabytes": "PB", "exabytes": "EB",
    "watts": "W", "watt": "W", "kilowatts": "kW", "kilowatt": "kW", "megawatts": "MW", "megawatt": "MW",
    "gigawatts": "GW", "gigawatt": "GW", "horsepower": "hp", "bhp": "hp",
    "kilowatt-hours": "kWh", "kilowatt hours": "kWh", "megawatt-hours": "MWh", "megawatt hours": "MWh",
    "gigawatt-hours": "GWh", "gigawatt hours": "GWh", "terawatt-hours": "TWh", "terawatt hours": "TWh",
    "joules": "J", "kilocalories": "kcal", "calories": "kcal",
    "tons of tnt": "t TNT", "tonnes of tnt": "t TNT", "tons of dynamite": "t TNT", "kilotons": "kt TNT",
    "kilotonnes": "kt TNT", "kiloton": "kt TNT", "kilotonne": "kt TNT", "megatons": "Mt TNT", "megatonnes": "Mt TNT",
    "megaton": "Mt TNT", "megatonne": "Mt TNT", "kilotons of tnt": "kt TNT", "megatons of tnt": "Mt TNT",
    "kilotonnes of tnt": "kt TNT", "megatonnes of tnt": "Mt TNT",
    "degrees celsius": "°C", "degrees centigrade": "°C", "degrees fahrenheit": "°F", "degrees c": "°C",
    "degrees f": "°F", "degree celsius": "°C", "degree fahrenheit": "°F", "degrees": "°", "degree": "°",
    "deg c": "°C", "deg. c": "°C", "deg f": "°F", "deg. f": "°F", "degs c": "°C", "degs f": "°F", "deg celsius": "°C",
    "deg fahrenheit": "°F",
    "kilometres per hour": "km/h", "kilometers per hour": "km/h", "kilometres an hour": "km/h",
    "kilometers an hour": "km/h", "miles per hour": "mph", "miles an hour": "mph", "knots": "kn", "knot": "kn",
    "kts": "kn", "km per hour": "km/h", "km an hour": "km/h", "kmph": "km/h",
    "metres per second": "m/s", "meters per second": "m/s", "feet per second": "ft/s",
    "cubic metres per second": "m3/s", "cubic meters per second": "m3/s", "cubic metres a second": "m3/s",
    "cubic meters a second": "m3/s", "m3/s": "m3/s", "m³/s": "m3/s", "cumecs": "m3/s", "cubic feet per second": "ft3/s",
    "cubic feet a second": "ft3/s", "cfs": "ft3/s", "ft3/s": "ft3/s", "ft³/s": "ft3/s",
    "hectopascals": "hPa", "hpa": "hPa", "millibars": "mbar", "millibar": "mbar", "mbar": "mbar",
    "inches of mercury": "inHg", "inhg": "inHg", "kilopascals": "kPa", "kpa": "kPa",
    "mph": "mph", "kph": "km/h", "km/h": "km/h", "km/hr": "km/h", "hp": "hp", "mm": "mm", "cm": "cm", "km": "km",
    "mi": "mi", "ft": "ft", "yd": "yd", "km2": "km2", "km²": "km2", "km^2": "km2", "m2": "m2", "m²": "m2",
    "m^2": "m2", "km3": "km3", "km³": "km3", "km^3": "km3", "m3": "m3", "m³": "m3", "m^3": "m3", "kg": "kg",
    "mg": "mg", "lb": "lb", "oz": "oz", "ha": "ha", "ml": "ml", "cl": "cl", "bbl": "barrel", "ghz": "GHz",
    "mhz": "MHz", "khz": "kHz", "hz": "Hz",
}
_SYMBOLS: dict[str, str] = {
    "m": "m", "g": "g", "t": "t", "l": "l", "L": "l", "nm": "nm",
    "KB": "KB", "kB": "KB", "MB": "MB", "GB": "GB", "TB": "TB", "PB": "PB", "EB": "EB", "Gb": "GB",
    "W": "W", "kW": "kW", "MW": "MW", "GW": "GW", "TW": "TW", "Wh": "Wh", "kWh": "kWh", "MWh": "MWh",
    "GWh": "GWh", "TWh": "TWh", "J": "J", "kJ": "kJ", "MJ": "MJ", "kcal": "kcal", "eV": "eV", "TeV": "TeV",
    "°C": "°C", "ºC": "°C", "° C": "°C", "°F": "°F", "ºF": "°F", "° F": "°F", "℃": "°C", "℉": "°F", "°": "°",
    "m/s": "m/s", "NM": "nmi", "kn": "kn",
}
_FORMS = sorted([*((w, True) for w in _WORDS), *((s, False) for s in _SYMBOLS)], key=lambda f: -len(f[0]))
_FORM_RE = "|".join((rf"(?i:{re.escape(f)})" if ci else re.escape(f)).replace(r"\ ", r"[ \u00a0]") for f, ci in _FORMS)
# Between the number and its unit: nothing ("512GB"), one space ("5 km"), or a hyphen ("5.5-inch").
_UNIT_RE = re.compile(rf"(?:[ \u00a0\u202f\u2009]?|-)(?P<u>{_FORM_RE})(?![A-Za-z0-9²³])")
# A bare "in" or "s" after a number is a preposition or a decade far more often than inches or seconds.


def unit_after(text: str, pos: int) -> tuple[str, int] | None:
    """The unit written at `text[pos:]` (glued, spaced or hyphenated) and where it ends, or None."""
    glued = re.match(r"[CF](?![A-Za-z0-9])", text[pos:pos + 2])
    if glued and not re.search(r"\b(?:Class|Block|Grade|Year|Form|Group|Room|Unit|Flat|Apartment|Gate|Row|Seat|Bay|"
                               r"Platform|Section|Ward|Level|Floor|Suite|Table|Figure|Appendix)[ \u00a0]+[0-9]+$",
                               text[max(0, pos - 30):pos]):  # "Class 7C", "Block 4F": a name
        # "40C", British news's way of writing degrees Celsius
        return ("°C" if glued.group() == "C" else "°F"), pos + 1
    spaced = re.match(r"[ \u00a0]([CF])(?![A-Za-z0-9'’])", text[pos:pos + 3])
    if (spaced and not re.search(r"\b[A-Z][a-z]+[ \u00a0]+[0-9.,]+$", text[max(0, pos - 30):pos])  # "Section 4 C", "Camp 3 C"
            and (re.search(r"[-−][0-9.,]+$", text[max(0, pos - 8):pos]) or _HEAT.search(text, max(0, pos - 80), pos + 40))):
        return ("°C" if spaced.group(1) == "C" else "°F"), pos + 2  # "-28 C", "the water was around 11 C"
    m = _UNIT_RE.match(text, pos)
    if m is None:
        return None
    written = m.group("u")
    unit = _SYMBOLS.get(written) or _WORDS.get(re.sub(r"[ \u00a0]+", " ", written.lower()))
    if unit is None:
        return None
    if unit == "°" and re.match(r"[0-9′'″]|[ \u00a0]?[NSEW]\b", text[m.end():m.end() + 3]):
        return None  # a coordinate: 51°30′N
    return unit, m.end()


# A bare "660 degrees" is a temperature when the words around it talk of heat or cold, an angle when
# they talk of a tilt or a turn; its scale is the one the page writes elsewhere, or, on a page that
# names none, the one that goes with its other units (miles and feet: Fahrenheit; metres: Celsius).
_HEAT = re.compile(r"\b(?:temperatures?|temps?|heat|heated|hot|hotter|cold|colder|warm|warmer|warmth|cool|cooler|fever|"
                   r"thermometers?|freezing|boiling|mercury|weather|water|sea|air|ocean|lake|climate|thermal|"
                   r"hypothermia|scorching|sweltering|chill|frost|degrees?[ \u00a0]+hotter)\b", re.IGNORECASE)
_ANGLE = re.compile(r"\b(?:list|listed|listing|heel|heeled|heeling|angle|angled|tilt|tilted|tilting|lean|leaned|leant|leaning|slope|sloped|incline|"
                    r"inclined|rotat\w*|turn|turned|turning|spun|latitude|longitude|arc|heading|bearing|pitch|"
                    r"banked|bank|roll|rolled|keel|degrees?[ \u00a0]+(?:east|west|north|south))\b", re.IGNORECASE)
_F_MARKS = re.compile(r"[°º][ \u00a0]?F\b|℉|\bFahrenheit\b|\b(?:degrees?|deg\.?)[ \u00a0]+F\b|[0-9][ \u00a0]?F\b(?![.'’-][A-Za-z])")
_C_MARKS = re.compile(r"[°º][ \u00a0]?C\b|℃|\b(?:Celsius|centigrade)\b|\b(?:degrees?|deg\.?)[ \u00a0]+C\b|[0-9][ \u00a0]?C\b(?![.'’-][A-Za-z])")
_CUSTOMARY = re.compile(r"[0-9][ \u00a0-]?(?:mph|miles?|feet|foot|ft|inch(?:es)?|yards?|pounds|lbs?|gallons?|acres|sq(?:uare)?\.?[ \u00a0]+mi\w*)\b",
                        re.IGNORECASE)
_METRIC = re.compile(r"[0-9][ \u00a0-]?(?:km|kilomet\w+|metres?|meters?|metre|m|cm|mm|kg|kilograms?|tonnes?|hectares|ha|km/h|"
                     r"litres?|liters?)\b", re.IGNORECASE)


def degrees_scale(page: str, start: int, end: int) -> str | None:
    """The scale of a bare "degrees" written at `page[start:end]` (the figure and its unit): "°C" or
    "°F" where the sentence talks of temperature and the page says which scale it uses, else None."""
    line_start = max(page.rfind("\n", 0, start), start - 120)
    before = page[line_start + 1:start]
    after = page[end:end + 60].split("\n")[0]
    near = before[-80:] + " " + after
    if not _HEAT.search(near) or _ANGLE.search(before[-50:] + " " + after[:30]):
        return None
    return _page_scale(page)


@lru_cache(maxsize=8)  # a page's scale is read once (a str caches its hash, so the lookup is cheap)
def _page_scale(page: str) -> str | None:
    fahrenheit, celsius = bool(_F_MARKS.search(page)), bool(_C_MARKS.search(page))
    if fahrenheit != celsius:
        return "°F" if fahrenheit else "°C"
    if fahrenheit:
        return None  # the page writes both: no telling which it meant here
    customary, metric = bool(_CUSTOMARY.search(page)), bool(_METRIC.search(page))
    if customary != metric:
        return "°F" if customary else "°C"
    return None


def to_base_unit(value: float, unit: str | None) -> tuple[float, str | None]:
    """`value` in `unit` -> (value, base unit): lengths in m, areas m2, volumes m3, masses kg, data B,
    power W, energy J, speed m/s, durations s, temperatures °C. Units it does not know (currencies,
    "percent", None) come back unchanged, so callers can convert whatever they hold."""
    if unit == "°F":
        return (value - 32) * 5 / 9, "°C"
    if unit == "K":
        return value - 273.15, "°C"
    if unit in FACTORS:
        base, factor = FACTORS[unit]
        return value * factor, base
    return value, unit
