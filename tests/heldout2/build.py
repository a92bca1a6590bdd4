#!/usr/bin/env python3
"""Build the second made-up held-out set: pages/*.txt, heldout2.claims.jsonl, heldout2.pairs.jsonl.

Page texts and gold live here as Python data; offsets are computed from the text, and every
quote is checked (text[start:end] == quote) before anything is written.

Gold items: ("n", quote, note[, context]) for negatives; ("c" | "o", label, quote, kind, bound,
value, unit, group, about[, time[, context]]) for core / optional quantities. A "range" bound
takes (low, high) as its value.
"""
from __future__ import annotations

import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent

PAGES: dict[str, str] = {}
GOLD: dict[str, list[tuple]] = {}

# ---------------------------------------------------------------------------- Castrel earthquake
PAGES["01_castrel_quake_encyclopedia.txt"] = """2011 Castrel earthquake

From Openpedia, the free encyclopedia

2011 Castrel earthquake
UTC time2011-03-09 02:17:40
Local date9 March 2011
Local time04:17
Magnitude6.8 Mw
Depth12 km (7.5 mi)
EpicentreNear Varenna, Castrel province
Casualties2,315 dead, 8,412 injured
Displacedc. 140,000

The 2011 Castrel earthquake struck the Castrel province of northern Norvenia before dawn on 9 March 2011, with a moment magnitude of 6.8.[1] The shaking lasted about 40 seconds and was felt up to 400 km away. The final government count, published in June 2011, gave 2,315 deaths and 8,412 people injured; around 140,000 were displaced from their homes.[2]

Damage

Some 6,000 buildings collapsed outright and a further 18,000 were damaged, most of them stone houses built before 1950. In the provincial capital, Varenna, 11 of the city's 14 hospitals were put out of action.

Aftershocks

More than 300 aftershocks were recorded in the first week, the largest of magnitude 5.9 on 11 March. By the end of 2011 the national seismic institute had logged 1,240.[3]

Relief

The Red Lantern relief appeal raised €48 million (US$67 million) from the public within a month. Reconstruction was first estimated at €9.2 billion.

References
[1] Norvenian Seismic Institute, Bulletin 11/3, p. 4.
"""
GOLD["01_castrel_quake_encyclopedia.txt"] = [
    ("n", "2011", "a year in the title, not a quantity", "2011 Castrel earthquake\n\nFrom"),
    ("n", "2011", "a year in the infobox title, not a quantity", "encyclopedia\n\n2011 Castrel"),
    ("n", "2011-03-09 02:17:40", "a timestamp, not a quantity"),
    ("n", "9 March 2011", "a date, not a quantity", "date9 March 2011"),
    ("n", "04:17", "a clock time, not a quantity"),
    ("c", "Q1mag_box", "6.8", "measure", "=", 6.8, "magnitude", "castrel-magnitude", "moment magnitude (infobox)", "2011-03-09", "Magnitude6.8"),
    ("c", "Q1depth", "12 km", "measure", "=", 12, "kilometre", "castrel-depth", "depth of the earthquake (infobox)", "2011-03-09"),
    ("o", None, "7.5 mi", "measure", "=", 7.5, "mile", "castrel-depth", "depth, converted (infobox)", "2011-03-09"),
    ("c", "Q1deaths_box", "2,315 dead", "count", "=", 2315, None, "castrel-deaths", "dead (infobox)", "2011"),
    ("c", "Q1inj_box", "8,412 injured", "count", "=", 8412, None, "castrel-injured", "injured (infobox)", "2011"),
    ("c", "Q1displ_box", "c. 140,000", "count", "~", 140000, None, "castrel-displaced", "people displaced (infobox)", "2011"),
    ("n", "2011", "a year in the title, not a quantity", "The 2011 Castrel"),
    ("n", "9 March 2011", "a date, not a quantity", "on 9 March 2011"),
    ("o", None, "6.8", "measure", "=", 6.8, "magnitude", "castrel-magnitude", "moment magnitude (repeat)", "2011-03-09", "magnitude of 6.8"),
    ("n", "[1]", "a note marker", "6.8.[1]"),
    ("c", "Q1shake", "about 40 seconds", "duration", "~", 40, "second", "castrel-shaking-duration", "how long the shaking lasted", "2011-03-09"),
    ("c", "Q1felt", "up to 400 km", "measure", "<=", 400, "kilometre", "castrel-felt-distance", "distance at which the shaking was felt", "2011-03-09"),
    ("n", "June 2011", "a date, not a quantity"),
    ("c", "Q1deaths", "2,315 deaths", "count", "=", 2315, None, "castrel-deaths", "deaths in the final government count", "2011"),
    ("c", "Q1inj", "8,412 people", "count", "=", 8412, None, "castrel-injured", "people injured in the final government count", "2011"),
    ("c", "Q1displ", "around 140,000", "count", "~", 140000, None, "castrel-displaced", "people displaced from their homes", "2011"),
    ("n", "[2]", "a note marker"),
    ("c", "Q1collapsed", "Some 6,000 buildings", "count", "~", 6000, None, "castrel-buildings-collapsed", "buildings that collapsed outright", "2011-03-09"),
    ("c", "Q1damaged", "a further 18,000", "count", "=", 18000, None, "castrel-buildings-damaged", "further buildings damaged", "2011-03-09"),
    ("n", "1950", "a year, not a quantity"),
    ("c", "Q1hosp", "11", "count", "=", 11, None, "castrel-hospitals-out", "Varenna hospitals put out of action", "2011-03", "11 of the city"),
    ("c", "Q1hosp_all", "14 hospitals", "count", "=", 14, None, "varenna-hospitals", "hospitals in Varenna"),
    ("c", "Q1after_week", "More than 300 aftershocks", "count", ">", 300, None, "castrel-aftershocks-week", "aftershocks in the first week", "2011-03"),
    ("c", "Q1after_mag", "5.9", "measure", "=", 5.9, "magnitude", "castrel-largest-aftershock", "magnitude of the largest aftershock", "2011-03-11"),
    ("n", "11 March", "a date, not a quantity"),
    ("n", "2011", "a year, not a quantity", "end of 2011"),
    ("c", "Q1after_year", "1,240", "count", "=", 1240, None, "castrel-aftershocks-2011", "aftershocks logged by the end of 2011", "2011"),
    ("n", "[3]", "a note marker"),
    ("c", "Q1appeal", "€48 million", "money", "=", 48e6, "EUR", "castrel-appeal-raised", "raised by the Red Lantern appeal within a month", "2011-04"),
    ("o", None, "US$67 million", "money", "=", 67e6, "USD", "castrel-appeal-raised", "appeal total, converted", "2011-04"),
    ("c", "Q1appeal_time", "within a month", "duration", "<=", 1, "month", "castrel-appeal-period", "time in which the appeal raised its total", "2011-04"),
    ("c", "Q1rebuild", "€9.2 billion", "money", "~", 9.2e9, "EUR", "castrel-reconstruction-2011", "first estimate of the reconstruction cost", "2011"),
    ("n", "[1]", "a note marker in the references", "[1] Norvenian"),
    ("n", "11/3", "a bulletin number, not a quantity"),
    ("n", "p. 4", "a page number, not a quantity"),
]

PAGES["02_castrel_quake_wire.txt"] = """Quake kills at least 1,100 in northern Norvenia, thousands trapped

By Piet Andersen

VARENNA, Norvenia, March 10 (Meridian Wire) - Rescuers dug through the rubble of collapsed houses on Thursday after a powerful earthquake killed at least 1,100 people and injured more than 5,000 in the mountainous north of Norvenia, officials said.

The magnitude 7.0 quake struck at 4:17 a.m. on Wednesday, 10 km (6 miles) beneath the hills near Varenna, according to the European-Mediterranean monitoring centre. The national seismic institute put its strength at 6.8.

"We are still pulling people out alive," said civil protection chief Mara Kolen. "But every hour makes it harder." She said about 2,500 rescuers and 40 sniffer dogs were working in the town, where nearly half of the old centre had been flattened.

Roughly 60,000 people spent the night in tents or cars, and the interior ministry said the number of displaced could rise above 100,000.

Donations to the Red Lantern appeal can be made on 0800 555 0199.

(Editing by Joan Marsh)
"""
GOLD["02_castrel_quake_wire.txt"] = [
    ("c", "Q2deaths_head", "at least 1,100", "count", ">=", 1100, None, "castrel-deaths-day2", "killed, as of the day after (headline)", "2011-03-10", "kills at least 1,100"),
    ("n", "March 10", "a date in the dateline, not a quantity"),
    ("c", "Q2deaths", "at least 1,100 people", "count", ">=", 1100, None, "castrel-deaths-day2", "killed, as of the day after", "2011-03-10"),
    ("c", "Q2inj", "more than 5,000", "count", ">", 5000, None, "castrel-injured-day2", "injured, as of the day after", "2011-03-10"),
    ("c", "Q2mag_emsc", "magnitude 7.0", "measure", "=", 7.0, "magnitude", "castrel-magnitude-european", "magnitude per the European-Mediterranean centre", "2011-03-09"),
    ("n", "4:17 a.m.", "a clock time, not a quantity"),
    ("c", "Q2depth", "10 km", "measure", "=", 10, "kilometre", "castrel-depth-european", "depth per the European-Mediterranean centre", "2011-03-09"),
    ("o", None, "6 miles", "measure", "=", 6, "mile", "castrel-depth-european", "depth, converted", "2011-03-09"),
    ("c", "Q2mag", "6.8", "measure", "=", 6.8, "magnitude", "castrel-magnitude", "magnitude per the national seismic institute", "2011-03-09", "at 6.8"),
    ("c", "Q2rescuers", "about 2,500 rescuers", "count", "~", 2500, None, "castrel-rescuers", "rescuers working in Varenna", "2011-03-10"),
    ("c", "Q2dogs", "40 sniffer dogs", "count", "=", 40, None, "castrel-dogs", "sniffer dogs working in Varenna", "2011-03-10"),
    ("c", "Q2half", "nearly half", "percent", "<", 50, "percent", "castrel-old-centre-flattened", "share of Varenna's old centre flattened", "2011-03-10"),
    ("c", "Q2tents", "Roughly 60,000", "count", "~", 60000, None, "castrel-night-outdoors", "people who spent the night in tents or cars", "2011-03-09"),
    ("c", "Q2displ", "above 100,000", "count", ">", 100000, None, "castrel-displaced-forecast", "displaced, as the ministry expected it could rise", "2011-03-10"),
    ("n", "0800 555 0199", "a phone number, not a quantity"),
]

PAGES["03_castrel_quake_localpaper.txt"] = """One year after the quake, Varenna still waits

The Castrel Courier | Friday 9 March 2012

By Ines Fabbro

Twelve months ago this morning the ground beneath us moved for nearly a minute. When it stopped, 2,315 of our neighbours were dead or dying, and the old town was a field of stone.

The figures are familiar now. The earthquake, centred about 20 kilometres below the Sella ridge, injured more than 12,000 people and left some 95,000 homeless. Six thousand buildings fell. Of the €48 million given to the Red Lantern appeal, the charity says €31 million has been spent, most of it on 2,400 prefabricated homes.

Yet a year on, only 14% of the damaged houses have been repaired. Rebuilding the province will cost €11 billion, the regional council now says, up from its first estimate last spring.

At dawn tomorrow, in the Piazza Vecchia, a candle will be lit for each of the dead. The full list of names is on page 7.
"""
GOLD["03_castrel_quake_localpaper.txt"] = [
    ("o", None, "One year", "duration", "=", 1, "year", None, "time since the earthquake (headline)"),
    ("n", "9 March 2012", "a date, not a quantity"),
    ("o", None, "Twelve months", "duration", "=", 12, "month", None, "time since the earthquake (anniversary)"),
    ("c", "Q3shake", "nearly a minute", "duration", "<", 1, "minute", "castrel-shaking-duration", "how long the ground moved", "2011-03-09"),
    ("c", "Q3deaths", "2,315", "count", "=", 2315, None, "castrel-deaths", "neighbours dead or dying", "2011"),
    ("c", "Q3depth", "about 20 kilometres", "measure", "~", 20, "kilometre", "castrel-depth", "depth at which the earthquake was centred", "2011-03-09"),
    ("c", "Q3inj", "more than 12,000 people", "count", ">", 12000, None, "castrel-injured", "people injured by the earthquake", "2011"),
    ("c", "Q3homeless", "some 95,000", "count", "~", 95000, None, "castrel-homeless", "people left homeless", "2011"),
    ("c", "Q3collapsed", "Six thousand buildings", "count", "=", 6000, None, "castrel-buildings-collapsed", "buildings that fell", "2011-03-09"),
    ("c", "Q3appeal", "€48 million", "money", "=", 48e6, "EUR", "castrel-appeal-raised", "given to the Red Lantern appeal", "2012-03"),
    ("c", "Q3spent", "€31 million", "money", "=", 31e6, "EUR", "castrel-appeal-spent", "appeal money spent a year on", "2012-03"),
    ("c", "Q3prefab", "2,400 prefabricated homes", "count", "=", 2400, None, "castrel-prefab-homes", "prefabricated homes paid for by the appeal", "2012-03"),
    ("c", "Q3repaired", "14%", "percent", "=", 14, "percent", "castrel-houses-repaired-2012", "share of damaged houses repaired a year on", "2012-03"),
    ("c", "Q3rebuild", "€11 billion", "money", "=", 11e9, "EUR", "castrel-reconstruction-2012", "reconstruction cost as the council now puts it", "2012"),
    ("n", "page 7", "a page reference, not a quantity"),
]

PAGES["04_castrel_quake_student.txt"] = """Earthquakes - Case Study: Castrel, Norvenia (2011)
Geography revision notes | by Sam K. | Year 11

Key facts
1. Date: 9 March 2011, 4:17am
2. Magnitude: 6.8 on the moment magnitude scale
3. Focus depth: 12km (shallow!)
4. Deaths: 2,513
5. Injured: approx. 8,400

Primary effects
Around 6,000 buildings collapsed. Water pipes and 3 of the 4 main roads into Varenna were cut. Shaking lasted about 40 seconds.

Secondary effects
Between 120,000 and 150,000 people had to leave their homes. There were over 1,200 aftershocks in 2011. Many families lived in tents for up to 18 months.

Responses
- The Red Lantern appeal raised 84 million euros.
- The EU sent 350 rescue workers within 48 hours.
- Rebuilding will cost about 11 billion euros.
"""
GOLD["04_castrel_quake_student.txt"] = [
    ("n", "2011", "a year in the title, not a quantity", "(2011)"),
    ("n", "Year 11", "a school year, not a quantity"),
    ("n", "1.", "a list counter, not a quantity", "1. Date"),
    ("n", "9 March 2011", "a date, not a quantity"),
    ("n", "4:17am", "a clock time, not a quantity"),
    ("n", "2.", "a list counter, not a quantity", "2. Magnitude"),
    ("c", "Q4mag", "6.8", "measure", "=", 6.8, "magnitude", "castrel-magnitude", "moment magnitude", "2011-03-09"),
    ("n", "3.", "a list counter, not a quantity", "3. Focus"),
    ("c", "Q4depth", "12km", "measure", "=", 12, "kilometre", "castrel-depth", "focus depth", "2011-03-09"),
    ("n", "4.", "a list counter, not a quantity", "4. Deaths"),
    ("c", "Q4deaths", "2,513", "count", "=", 2513, None, "castrel-deaths", "deaths", "2011"),
    ("n", "5.", "a list counter, not a quantity", "5. Injured"),
    ("c", "Q4inj", "approx. 8,400", "count", "~", 8400, None, "castrel-injured", "injured", "2011"),
    ("c", "Q4collapsed", "Around 6,000 buildings", "count", "~", 6000, None, "castrel-buildings-collapsed", "buildings that collapsed", "2011-03-09"),
    ("c", "Q4roads", "3", "count", "=", 3, None, "castrel-roads-cut", "main roads into Varenna cut", "2011-03-09", "and 3 of"),
    ("c", "Q4roads_all", "the 4 main roads", "count", "=", 4, None, "varenna-main-roads", "main roads into Varenna"),
    ("c", "Q4shake", "about 40 seconds", "duration", "~", 40, "second", "castrel-shaking-duration", "how long the shaking lasted", "2011-03-09"),
    ("c", "Q4displ", "Between 120,000 and 150,000 people", "count", "range", (120000, 150000), None, "castrel-displaced", "people who had to leave their homes", "2011"),
    ("c", "Q4after", "over 1,200 aftershocks", "count", ">", 1200, None, "castrel-aftershocks-2011", "aftershocks in 2011", "2011"),
    ("n", "2011", "a year, not a quantity", "in 2011."),
    ("c", "Q4tents", "up to 18 months", "duration", "<=", 18, "month", "castrel-tent-months", "how long families lived in tents"),
    ("c", "Q4appeal", "84 million euros", "money", "=", 84e6, "EUR", "castrel-appeal-raised", "raised by the Red Lantern appeal", "2011"),
    ("c", "Q4eu", "350 rescue workers", "count", "=", 350, None, "castrel-eu-rescuers", "rescue workers sent by the EU", "2011-03"),
    ("c", "Q4eu_time", "within 48 hours", "duration", "<=", 48, "hour", "castrel-eu-response-time", "how soon the EU team arrived", "2011-03"),
    ("c", "Q4rebuild", "about 11 billion euros", "money", "~", 11e9, "EUR", "castrel-reconstruction-2012", "reconstruction cost"),
]

# ---------------------------------------------------------------------------- Halvard Spire
PAGES["05_halvard_spire_encyclopedia.txt"] = """Halvard Spire

From Openpedia, the free encyclopedia

Halvard Spire
General information
StatusCompleted
Location412 Harbour Road, Port Halvard
Construction started2015
Opened30 September 2021
Cost$1.9 billion[1]
Height
Architectural412 m (1,352 ft)
Roof371 m
Technical details
Floor count88 (+4 below ground)
Floor area310,000 m2
Lifts57

The Halvard Spire is a supertall skyscraper on the waterfront of Port Halvard. At 412 metres to the tip of its spire it has been the tallest building in the country since its completion in 2021.[2] Its roof stands at 371 m.

History

The tower was approved in 2014 with a budget of $1.1 billion and was due to open in 2018. Steel prices, a 14-month halt after the first developer went bankrupt and a redesigned foundation pushed the final bill to $1.9 billion.[3] At the peak of construction some 3,200 workers were on site; two of them died in falls.

Observation deck

The open-air deck, 350 m above the street, opened with the tower. It received 1.2 million visitors in its first year. The tower's double-deck lifts travel at up to 10 m/s (33 ft/s).
"""
GOLD["05_halvard_spire_encyclopedia.txt"] = [
    ("n", "412 Harbour Road", "a street address, not a quantity"),
    ("n", "2015", "a year, not a quantity"),
    ("n", "30 September 2021", "a date, not a quantity"),
    ("c", "T5cost_box", "$1.9 billion", "money", "=", 1.9e9, "USD", "halvard-final-cost", "cost (infobox)", "2021", "Cost$1.9 billion"),
    ("n", "[1]", "a note marker"),
    ("c", "T5h_box", "412 m", "measure", "=", 412, "metre", "halvard-height-architectural", "architectural height (infobox)", None, "Architectural412 m"),
    ("o", None, "1,352 ft", "measure", "=", 1352, "foot", "halvard-height-architectural", "architectural height, converted (infobox)"),
    ("c", "T5roof_box", "371 m", "measure", "=", 371, "metre", "halvard-height-roof", "roof height (infobox)", None, "Roof371 m"),
    ("c", "T5floors", "88", "count", "=", 88, None, "halvard-floors", "floors above ground (infobox)", None, "count88"),
    ("c", "T5basement", "4", "count", "=", 4, None, "halvard-basement-floors", "floors below ground (infobox)", None, "(+4 below"),
    ("c", "T5area", "310,000 m2", "measure", "=", 310000, "square metre", "halvard-floor-area", "floor area (infobox)"),
    ("c", "T5lifts", "57", "count", "=", 57, None, "halvard-lifts", "lifts (infobox)", None, "Lifts57"),
    ("c", "T5h", "412 metres", "measure", "=", 412, "metre", "halvard-height-architectural", "height to the tip of the spire"),
    ("n", "2021", "a year, not a quantity", "completion in 2021"),
    ("n", "[2]", "a note marker"),
    ("c", "T5roof", "371 m", "measure", "=", 371, "metre", "halvard-height-roof", "height of the roof", None, "at 371 m"),
    ("n", "2014", "a year, not a quantity"),
    ("c", "T5budget", "$1.1 billion", "money", "=", 1.1e9, "USD", "halvard-budget-2014", "budget when the tower was approved", "2014"),
    ("n", "2018", "a year, not a quantity"),
    ("c", "T5halt", "14-month", "duration", "=", 14, "month", "halvard-halt", "halt after the first developer went bankrupt"),
    ("c", "T5cost", "$1.9 billion", "money", "=", 1.9e9, "USD", "halvard-final-cost", "final bill", "2021", "bill to $1.9 billion"),
    ("n", "[3]", "a note marker"),
    ("c", "T5workers", "some 3,200 workers", "count", "~", 3200, None, "halvard-workers-peak", "workers on site at the peak of construction"),
    ("c", "T5deaths", "two", "count", "=", 2, None, "halvard-worker-deaths", "workers who died in falls", None, "two of them died"),
    ("c", "T5deck", "350 m", "measure", "=", 350, "metre", "halvard-deck-height", "height of the observation deck above the street"),
    ("c", "T5visitors", "1.2 million visitors", "count", "=", 1.2e6, None, "halvard-deck-visitors-first-year", "deck visitors in its first year", "2021-2022"),
    ("c", "T5liftspeed", "up to 10 m/s", "measure", "<=", 10, "metre per second", "halvard-lift-speed", "speed of the double-deck lifts"),
    ("o", None, "33 ft/s", "measure", "=", 33, "foot per second", "halvard-lift-speed", "lift speed, converted"),
]

PAGES["06_halvard_spire_wire.txt"] = """Port Halvard opens country's tallest tower, years late and far over budget

By Ruth Okafor

PORT HALVARD, Sept 30 (Meridian Wire) - The Halvard Spire, a 1,352-foot glass tower that dominates this port city's skyline, opened on Thursday three years behind schedule and with a price tag of $1.9 billion, $800 million more than its original budget.

The 88-storey building has 57 lifts and office space for about 12,000 people. Its developer, Halcor Group, said 70% of the office floors had been let, against a target of 85% at opening.

Mayor Dana Whitlow called the overruns "painful but forgotten in ten years". An audit last year found that the city had put $240 million of public money into the project through land and tax breaks.

Tickets to the observation deck, 350 metres up, cost $38 for adults. Halcor expects 1.5 million visitors a year.

(Reporting by Ruth Okafor; Editing by Joan Marsh)
"""
GOLD["06_halvard_spire_wire.txt"] = [
    ("n", "Sept 30", "a date in the dateline, not a quantity"),
    ("c", "T6h_ft", "1,352-foot", "measure", "=", 1352, "foot", "halvard-height-architectural", "height of the tower"),
    ("c", "T6delay", "three years", "duration", "=", 3, "year", "halvard-delay", "how late the tower opened against schedule", "2021"),
    ("c", "T6cost", "$1.9 billion", "money", "=", 1.9e9, "USD", "halvard-final-cost", "price tag at opening", "2021"),
    ("c", "T6overrun", "$800 million", "money", "=", 800e6, "USD", "halvard-overrun", "cost above the original budget", "2021"),
    ("c", "T6floors", "88-storey", "count", "=", 88, None, "halvard-floors", "storeys of the building"),
    ("c", "T6lifts", "57 lifts", "count", "=", 57, None, "halvard-lifts", "lifts in the building"),
    ("c", "T6office", "about 12,000 people", "count", "~", 12000, None, "halvard-office-capacity", "people the office space holds"),
    ("c", "T6let", "70%", "percent", "=", 70, "percent", "halvard-office-let-2021", "share of office floors let at opening", "2021"),
    ("c", "T6target", "85%", "percent", "=", 85, "percent", "halvard-office-let-target", "target share let at opening"),
    ("o", None, "ten years", "duration", "=", 10, "year", None, "the mayor's quip"),
    ("c", "T6public", "$240 million", "money", "=", 240e6, "USD", "halvard-public-money", "public money put into the project, per an audit", "2020"),
    ("c", "T6deck", "350 metres", "measure", "=", 350, "metre", "halvard-deck-height", "height of the observation deck"),
    ("c", "T6ticket", "$38", "money", "=", 38, "USD", "halvard-ticket-adult", "adult ticket to the deck at opening", "2021"),
    ("c", "T6expect", "1.5 million visitors a year", "count", "=", 1.5e6, None, "halvard-visitors-forecast", "visitors a year the developer expects", "2021"),
]

PAGES["07_halvard_spire_blog.txt"] = """Up the Spire: a day at Port Halvard's new giant

Posted 14 May 2023 by skylinechaser | 8 min read | 27 comments

It stands 1,350 feet tall, and you feel every one of them in the lift. The ride to the top takes just 42 seconds, and then you step out onto a deck that sits 360 m above the street. Tickets are now $42 (they were $38 when it opened).

Some numbers for the nerds: 86 storeys above ground, 57 lifts, and a spire that alone is 41 metres tall. The whole thing cost somewhere north of $2 billion, which explains why the locals call it "the Money Needle".

Over a million people went up in the first year, and on the Saturday I went the queue was at least 90 minutes long. Tip: book online, go at opening time (10:00) and take the harbour ferry from Pier 3.

On a clear day you can see 80 km (50 miles) out to sea. We got about five.
"""
GOLD["07_halvard_spire_blog.txt"] = [
    ("n", "14 May 2023", "a date, not a quantity"),
    ("o", None, "8 min", "duration", "=", 8, "minute", None, "reading time of the post"),
    ("n", "27 comments", "a page widget count, not a claim"),
    ("c", "T7h", "1,350 feet", "measure", "=", 1350, "foot", "halvard-height-architectural", "height the tower stands"),
    ("c", "T7ride", "42 seconds", "duration", "=", 42, "second", "halvard-lift-ride", "lift ride to the top"),
    ("c", "T7deck", "360 m", "measure", "=", 360, "metre", "halvard-deck-height", "height of the deck above the street"),
    ("c", "T7ticket", "$42", "money", "=", 42, "USD", "halvard-ticket-adult-2023", "adult ticket in 2023", "2023"),
    ("c", "T7ticket_then", "$38", "money", "=", 38, "USD", "halvard-ticket-adult", "adult ticket at opening", "2021"),
    ("c", "T7floors", "86 storeys", "count", "=", 86, None, "halvard-floors", "storeys above ground"),
    ("c", "T7lifts", "57 lifts", "count", "=", 57, None, "halvard-lifts", "lifts"),
    ("c", "T7spire", "41 metres", "measure", "=", 41, "metre", "halvard-spire-height", "height of the spire alone"),
    ("c", "T7cost", "north of $2 billion", "money", ">", 2e9, "USD", "halvard-final-cost", "what the whole thing cost", "2021"),
    ("c", "T7visitors", "Over a million", "count", ">", 1e6, None, "halvard-deck-visitors-first-year", "people who went up in the first year", "2021-2022"),
    ("c", "T7queue", "at least 90 minutes", "duration", ">=", 90, "minute", None, "length of the queue on the author's visit", "2023"),
    ("n", "10:00", "a clock time, not a quantity"),
    ("n", "Pier 3", "a pier name, not a quantity"),
    ("c", "T7view", "80 km", "measure", "=", 80, "kilometre", "halvard-view-distance", "how far you can see on a clear day"),
    ("o", None, "50 miles", "measure", "=", 50, "mile", "halvard-view-distance", "view distance, converted"),
    ("o", None, "about five", "measure", "~", 5, "kilometre", None, "how far the author could see"),
]

PAGES["08_halvard_spire_localpaper.txt"] = """Work stops on Halvard Spire as developer collapses

Port Halvard Evening Post | 22 June 2017

Work on the half-built Halvard Spire came to a halt yesterday after its developer, Norland Estates, was placed in administration owing $310 million to contractors.

The tower, planned to rise 412 metres, now stands at 240 m, with 51 of its floors in place. About 1,800 workers were sent home.

When the council approved the scheme three years ago, it was told the building would cost $1.1 billion and open in 2018. Norland's accounts put the bill so far at $1.6 billion, and the opening has slipped to 2020 at the earliest.

"This is a disaster for the waterfront," said Councillor Ray Imbert, who voted against the tower in 2014. Readers can share their views on 01632 960 412.
"""
GOLD["08_halvard_spire_localpaper.txt"] = [
    ("n", "22 June 2017", "a date, not a quantity"),
    ("c", "T8owed", "$310 million", "money", "=", 310e6, "USD", "halvard-debt-contractors", "what the developer owed contractors", "2017-06"),
    ("c", "T8h_planned", "412 metres", "measure", "=", 412, "metre", "halvard-height-architectural", "planned height of the tower"),
    ("c", "T8h_2017", "240 m", "measure", "=", 240, "metre", "halvard-height-2017", "height of the half-built tower in June 2017", "2017-06"),
    ("c", "T8floors_2017", "51", "count", "=", 51, None, "halvard-floors-2017", "floors in place in June 2017", "2017-06", "51 of its"),
    ("c", "T8sent_home", "About 1,800 workers", "count", "~", 1800, None, "halvard-workers-sent-home", "workers sent home when work stopped", "2017-06"),
    ("o", None, "three years ago", "duration", "=", 3, "year", None, "time since the council approved the scheme"),
    ("c", "T8budget", "$1.1 billion", "money", "=", 1.1e9, "USD", "halvard-budget-2014", "cost the council was told at approval", "2014"),
    ("n", "2018", "a year, not a quantity"),
    ("c", "T8cost_2017", "$1.6 billion", "money", "=", 1.6e9, "USD", "halvard-cost-2017", "bill so far in June 2017", "2017-06"),
    ("n", "2020", "a year, not a quantity"),
    ("n", "2014", "a year, not a quantity"),
    ("n", "01632 960 412", "a phone number, not a quantity"),
]

# ---------------------------------------------------------------------------- Lumen probe
PAGES["09_lumen_probe_encyclopedia.txt"] = """Lumen (spacecraft)

From Openpedia, the free encyclopedia

Lumen
Mission typeAsteroid sample return
OperatorContinental Space Agency (CSA)
Mission duration7 years, 4 months
Launch mass2,140 kg
Dry mass1,310 kg
Power4.2 kW
Launch date3 April 2016, 11:05 UTC
RocketHarfang 4
Mission cost€640 million[1]

Lumen was a robotic probe of the Continental Space Agency that collected samples from the near-Earth asteroid 5127 Varga and returned them to Earth on 11 August 2023. Over the mission the spacecraft travelled about 4.1 billion km.

Target

Varga is roughly 890 m across and turns once every 7.6 hours. When Lumen arrived in June 2019 the asteroid was about 290 million km from Earth.

Sampling

On 2 October 2020 Lumen touched the surface for about six seconds and fired a 5-gram tantalum slug into the ground. The return capsule carried 121 grams of material, twice the 60 g the mission had required.[2]

Cost

The €640 million total covered the spacecraft, the launch (€85 million) and operations until 2024. The sampling arm was built by Brannvik Robotics.
"""
GOLD["09_lumen_probe_encyclopedia.txt"] = [
    ("c", "L9dur", "7 years, 4 months", "duration", "=", 7 + 4 / 12, "year", "lumen-mission-duration", "mission duration, launch to return (infobox)"),
    ("c", "L9mass", "2,140 kg", "measure", "=", 2140, "kilogram", "lumen-launch-mass", "launch mass (infobox)"),
    ("c", "L9dry", "1,310 kg", "measure", "=", 1310, "kilogram", "lumen-dry-mass", "dry mass (infobox)"),
    ("c", "L9power", "4.2 kW", "measure", "=", 4.2, "kilowatt", "lumen-power", "electrical power (infobox)"),
    ("n", "3 April 2016", "a date, not a quantity"),
    ("n", "11:05", "a clock time, not a quantity"),
    ("n", "Harfang 4", "a rocket model name, not a quantity"),
    ("c", "L9cost_box", "€640 million", "money", "=", 640e6, "EUR", "lumen-mission-cost", "mission cost (infobox)", None, "cost€640 million"),
    ("n", "[1]", "a note marker"),
    ("n", "5127", "an asteroid catalogue number, not a quantity", "asteroid 5127"),
    ("n", "11 August 2023", "a date, not a quantity"),
    ("c", "L9dist", "about 4.1 billion km", "measure", "~", 4.1e9, "kilometre", "lumen-distance-travelled", "distance the spacecraft travelled over the mission"),
    ("c", "L9size", "roughly 890 m", "measure", "~", 890, "metre", "varga-diameter", "diameter of the asteroid"),
    ("c", "L9spin", "7.6 hours", "duration", "=", 7.6, "hour", "varga-rotation-period", "rotation period of the asteroid"),
    ("n", "June 2019", "a date, not a quantity"),
    ("c", "L9earthdist", "about 290 million km", "measure", "~", 290e6, "kilometre", "varga-distance-from-earth-2019", "distance of the asteroid from Earth at arrival", "2019-06"),
    ("n", "2 October 2020", "a date, not a quantity"),
    ("c", "L9touch", "about six seconds", "duration", "~", 6, "second", "lumen-touchdown-duration", "how long the probe touched the surface", "2020-10-02"),
    ("c", "L9slug", "5-gram", "measure", "=", 5, "gram", "lumen-slug-mass", "mass of the tantalum slug"),
    ("c", "L9sample", "121 grams", "measure", "=", 121, "gram", "lumen-sample-mass", "material carried by the return capsule", "2023"),
    ("o", None, "twice", "ratio", "=", 2, None, None, "sample carried compared with the requirement"),
    ("c", "L9req", "60 g", "measure", "=", 60, "gram", "lumen-sample-requirement", "sample mass the mission required"),
    ("n", "[2]", "a note marker"),
    ("c", "L9cost", "€640 million", "money", "=", 640e6, "EUR", "lumen-mission-cost", "total mission cost", None, "The €640 million"),
    ("c", "L9launch", "€85 million", "money", "=", 85e6, "EUR", "lumen-launch-cost", "cost of the launch"),
    ("n", "2024", "a year, not a quantity"),
]

PAGES["10_lumen_probe_wire.txt"] = """Capsule with asteroid dust lands safely in Karval desert

By Tom Eriksen

KARVAL, Aug 11 (Meridian Wire) - A capsule carrying dust from a distant asteroid parachuted into the Karval desert on Friday, ending a seven-year, 6.2-billion-kilometre round trip by the Continental Space Agency's Lumen probe.

The capsule, about the size of a car tyre, hit the atmosphere at 12 km per second and was found by helicopter crews within 40 minutes of landing.

Mission scientists had hoped for at least 60 grams of material. Early weighing suggests the capsule holds about 120 grams, project scientist Lena Rask told reporters.

The 2.1-tonne spacecraft cost 640 million euros ($700 million) to build, launch and operate. After releasing the capsule it fired its engines to stay in orbit around the Sun and will be switched off next year.

The samples will be split among 32 laboratories in 11 countries.
"""
GOLD["10_lumen_probe_wire.txt"] = [
    ("n", "Aug 11", "a date in the dateline, not a quantity"),
    ("c", "L10dur", "seven-year", "duration", "=", 7, "year", "lumen-mission-duration", "length of the round trip"),
    ("c", "L10dist", "6.2-billion-kilometre", "measure", "=", 6.2e9, "kilometre", "lumen-distance-travelled", "length of the round trip"),
    ("c", "L10entry", "12 km per second", "measure", "=", 12, "kilometre per second", "lumen-entry-speed", "speed at which the capsule hit the atmosphere", "2023-08-11"),
    ("c", "L10found", "within 40 minutes", "duration", "<=", 40, "minute", "lumen-capsule-found", "time until the capsule was found", "2023-08-11"),
    ("c", "L10req", "at least 60 grams", "measure", ">=", 60, "gram", "lumen-sample-hope", "material the scientists had hoped for"),
    ("c", "L10sample", "about 120 grams", "measure", "~", 120, "gram", "lumen-sample-mass", "material the capsule holds, early weighing", "2023-08"),
    ("c", "L10mass", "2.1-tonne", "measure", "=", 2.1, "tonne", "lumen-launch-mass", "mass of the spacecraft"),
    ("c", "L10cost", "640 million euros", "money", "=", 640e6, "EUR", "lumen-mission-cost", "cost to build, launch and operate"),
    ("o", None, "$700 million", "money", "=", 700e6, "USD", "lumen-mission-cost", "mission cost, converted"),
    ("c", "L10labs", "32 laboratories", "count", "=", 32, None, "lumen-sample-labs", "laboratories the samples will be split among"),
    ("c", "L10countries", "11 countries", "count", "=", 11, None, "lumen-sample-countries", "countries the laboratories are in"),
]

PAGES["11_lumen_probe_blog.txt"] = """Lumen touched an asteroid today and I can't stop grinning

Posted 2 October 2020 by Ana Marek | 112 comments

It's been four and a half years since launch, and this afternoon our little probe finally kissed Varga. Touchdown lasted just 6 seconds - blink and you'd miss it.

Some context, because the numbers are wild. The probe, which weighed 2,410 kg fully fuelled at launch, is now around 310 million km from Earth (more than twice the Earth-Sun distance), so every command takes 17 minutes to arrive. Varga itself is about 900 metres wide, smaller than my home town, and spins once every 7.6 hours.

The team needs just 60 grams to call the mission a success. Fingers crossed the capsule makes it home in 2023!

Edit (21:40): the CSA says the slug fired and the sample horn looks full. WOOHOO.
"""
GOLD["11_lumen_probe_blog.txt"] = [
    ("n", "2 October 2020", "a date, not a quantity"),
    ("n", "112 comments", "a page widget count, not a claim"),
    ("o", None, "four and a half years", "duration", "=", 4.5, "year", None, "time since launch"),
    ("c", "L11touch", "6 seconds", "duration", "=", 6, "second", "lumen-touchdown-duration", "how long the touchdown lasted", "2020-10-02"),
    ("c", "L11mass", "2,410 kg", "measure", "=", 2410, "kilogram", "lumen-launch-mass", "mass of the probe fully fuelled at launch"),
    ("c", "L11earthdist", "around 310 million km", "measure", "~", 310e6, "kilometre", "varga-distance-from-earth-2020", "distance of the probe from Earth on the day of sampling", "2020-10-02"),
    ("o", None, "more than twice", "ratio", ">", 2, None, None, "comparison with the Earth-Sun distance"),
    ("c", "L11signal", "17 minutes", "duration", "=", 17, "minute", "lumen-signal-time-2020", "time a command takes to arrive", "2020-10-02"),
    ("c", "L11size", "about 900 metres", "measure", "~", 900, "metre", "varga-diameter", "width of the asteroid"),
    ("c", "L11spin", "7.6 hours", "duration", "=", 7.6, "hour", "varga-rotation-period", "rotation period of the asteroid"),
    ("c", "L11req", "60 grams", "measure", "=", 60, "gram", "lumen-sample-requirement", "sample mass needed to call the mission a success"),
    ("n", "2023", "a year, not a quantity"),
    ("n", "21:40", "a clock time, not a quantity"),
]

PAGES["12_lumen_probe_localpaper.txt"] = """Brannvik firm's robot arm brings home a piece of an asteroid

Brannvik Herald | 14 August 2023

When the Lumen capsule landed last week, nobody cheered louder than the 140 staff of Brannvik Robotics on Mill Lane. The company built the probe's 3.2-metre sampling arm, a contract worth €18 million that kept the firm going through the lean years after 2015.

"We tested that arm 4,000 times on the floor of Hall 2," said chief engineer Oskar Lind, 58. "It only had to work once."

The whole seven-year mission cost the Continental Space Agency €460 million, of which about 4% was spent in the region. The 2,140 kg probe carried the arm more than 4 billion kilometres there and back.

An exhibition about the mission opens at the town library on 2 September; entry is free.
"""
GOLD["12_lumen_probe_localpaper.txt"] = [
    ("n", "14 August 2023", "a date, not a quantity"),
    ("c", "L12staff", "140 staff", "count", "=", 140, None, "brannvik-staff", "staff of Brannvik Robotics", "2023"),
    ("c", "L12arm", "3.2-metre", "measure", "=", 3.2, "metre", "lumen-arm-length", "length of the sampling arm"),
    ("c", "L12contract", "€18 million", "money", "=", 18e6, "EUR", "lumen-arm-contract", "value of the sampling-arm contract"),
    ("n", "2015", "a year, not a quantity"),
    ("c", "L12tests", "4,000 times", "count", "=", 4000, None, "lumen-arm-tests", "times the arm was tested"),
    ("n", "Hall 2", "a hall name, not a quantity"),
    ("o", None, "58", "age", "=", 58, "year", None, "age of the engineer quoted", None, "Lind, 58"),
    ("c", "L12dur", "seven-year", "duration", "=", 7, "year", "lumen-mission-duration", "length of the mission"),
    ("c", "L12cost", "€460 million", "money", "=", 460e6, "EUR", "lumen-mission-cost", "what the whole mission cost the agency"),
    ("c", "L12share", "about 4%", "percent", "~", 4, "percent", "lumen-regional-share", "share of the cost spent in the region"),
    ("c", "L12mass", "2,140 kg", "measure", "=", 2140, "kilogram", "lumen-launch-mass", "mass of the probe"),
    ("c", "L12dist", "more than 4 billion kilometres", "measure", ">", 4e9, "kilometre", "lumen-distance-travelled", "distance the probe carried the arm there and back"),
    ("n", "2 September", "a date, not a quantity"),
]

# ---------------------------------------------------------------------------- Dunmarrow colliery
PAGES["13_dunmarrow_colliery_encyclopedia.txt"] = """Dunmarrow Colliery collapse

From Openpedia, the free encyclopedia

Dunmarrow Colliery collapse
Date17 February 2009
LocationDunmarrow, Carrick Vale
CauseRoof fall after a methane explosion
Trapped47
Rescued41
Deaths6

On 17 February 2009 a methane explosion brought down the roof of a working face at Dunmarrow Colliery, trapping 47 miners 620 m (2,030 ft) below ground.[1] Rescuers reached them through a 38 cm borehole drilled from the surface. The last of the 41 survivors was brought up after 19 days underground; six men died.

Aftermath

The owner, Carrick Coal, was fined £4.5 million in 2011, and each bereaved family received £250,000 in compensation. The pit had employed about 1,400 people.

Protests

When the company announced on 12 March 2009 that the colliery would close with the loss of 1,150 jobs, about 8,000 people marched through Dunmarrow. Police arrested 112 people during clashes at the colliery gates; 64 were held overnight and 23 were later charged.[2]
"""
GOLD["13_dunmarrow_colliery_encyclopedia.txt"] = [
    ("n", "17 February 2009", "a date, not a quantity", "Date17 February 2009"),
    ("c", "M13trapped_box", "47", "count", "=", 47, None, "dunmarrow-trapped", "miners trapped (infobox)", "2009-02", "Trapped47"),
    ("c", "M13rescued_box", "41", "count", "=", 41, None, "dunmarrow-rescued", "miners rescued (infobox)", "2009-03", "Rescued41"),
    ("c", "M13deaths_box", "6", "count", "=", 6, None, "dunmarrow-deaths", "deaths (infobox)", "2009-03", "Deaths6"),
    ("n", "17 February 2009", "a date, not a quantity", "On 17 February 2009"),
    ("c", "M13trapped", "47 miners", "count", "=", 47, None, "dunmarrow-trapped", "miners trapped by the roof fall", "2009-02"),
    ("c", "M13depth", "620 m", "measure", "=", 620, "metre", "dunmarrow-depth", "depth below ground at which the miners were trapped"),
    ("o", None, "2,030 ft", "measure", "=", 2030, "foot", "dunmarrow-depth", "depth, converted"),
    ("n", "[1]", "a note marker"),
    ("c", "M13bore", "38 cm", "measure", "=", 38, "centimetre", "dunmarrow-borehole-width", "width of the rescue borehole"),
    ("c", "M13rescued", "41 survivors", "count", "=", 41, None, "dunmarrow-rescued", "survivors brought up", "2009-03"),
    ("c", "M13days", "19 days", "duration", "=", 19, "day", "dunmarrow-days-underground", "days until the last survivor was brought up", "2009-03"),
    ("c", "M13deaths", "six men", "count", "=", 6, None, "dunmarrow-deaths", "men who died", "2009-03"),
    ("c", "M13fine", "£4.5 million", "money", "=", 4.5e6, "GBP", "dunmarrow-fine", "fine paid by the owner", "2011"),
    ("n", "2011", "a year, not a quantity"),
    ("c", "M13comp", "£250,000", "money", "=", 250000, "GBP", "dunmarrow-compensation-per-family", "compensation for each bereaved family"),
    ("c", "M13employed", "about 1,400 people", "count", "~", 1400, None, "dunmarrow-employees", "people the pit employed", "2009"),
    ("n", "12 March 2009", "a date, not a quantity"),
    ("c", "M13jobs", "1,150 jobs", "count", "=", 1150, None, "dunmarrow-jobs-lost", "jobs lost by the closure", "2009-03"),
    ("c", "M13march", "about 8,000 people", "count", "~", 8000, None, "dunmarrow-marchers", "people who marched through Dunmarrow", "2009-03"),
    ("c", "M13arrested", "112 people", "count", "=", 112, None, "dunmarrow-arrested", "people arrested at the colliery gates", "2009-03"),
    ("c", "M13held", "64", "count", "=", 64, None, "dunmarrow-held-overnight", "people held overnight", "2009-03", "64 were held"),
    ("c", "M13charged", "23", "count", "=", 23, None, "dunmarrow-charged", "people later charged", "2009", "23 were later"),
    ("n", "[2]", "a note marker"),
]

PAGES["14_dunmarrow_colliery_wire.txt"] = """Last trapped miners freed in Carrick Vale after 19-day ordeal

By Helen Dray

DUNMARROW, March 8 (Meridian Wire) - The last of 43 surviving miners was winched to the surface early on Sunday, 19 days after a methane blast sealed them more than 600 metres underground at the Dunmarrow colliery.

Relatives cheered as the man, a 51-year-old shift foreman, stepped out of the rescue capsule at 6.05 a.m. Six of his colleagues died in the blast.

Twenty-two rescuers had worked in shifts to widen a 38-centimetre (15-inch) borehole wide enough for the capsule, which took 14 minutes to make each trip. Food and water had been sent down a narrower pipe since the fifth day.

The mine's owner, Carrick Coal, has said it will pay compensation of 250,000 pounds to each bereaved family.
"""
GOLD["14_dunmarrow_colliery_wire.txt"] = [
    ("c", "M14days_head", "19-day", "duration", "=", 19, "day", "dunmarrow-days-underground", "length of the ordeal (headline)", "2009-03"),
    ("n", "March 8", "a date in the dateline, not a quantity"),
    ("c", "M14rescued", "43 surviving miners", "count", "=", 43, None, "dunmarrow-rescued", "surviving miners winched to the surface", "2009-03"),
    ("c", "M14days", "19 days", "duration", "=", 19, "day", "dunmarrow-days-underground", "days between the blast and the last rescue", "2009-03"),
    ("c", "M14depth", "more than 600 metres", "measure", ">", 600, "metre", "dunmarrow-depth", "depth at which the miners were sealed"),
    ("o", None, "51-year-old", "age", "=", 51, "year", None, "age of the last man out"),
    ("n", "6.05 a.m.", "a clock time, not a quantity"),
    ("c", "M14deaths", "Six of his colleagues", "count", "=", 6, None, "dunmarrow-deaths", "colleagues who died in the blast", "2009-03"),
    ("c", "M14rescuers", "Twenty-two rescuers", "count", "=", 22, None, "dunmarrow-rescuers", "rescuers who worked in shifts", "2009-03"),
    ("c", "M14bore", "38-centimetre", "measure", "=", 38, "centimetre", "dunmarrow-borehole-width", "width of the borehole"),
    ("o", None, "15-inch", "measure", "=", 15, "inch", "dunmarrow-borehole-width", "borehole width, converted"),
    ("c", "M14trip", "14 minutes", "duration", "=", 14, "minute", "dunmarrow-capsule-trip", "time the capsule took each trip"),
    ("n", "fifth day", "an ordinal day, not a quantity"),
    ("c", "M14comp", "250,000 pounds", "money", "=", 250000, "GBP", "dunmarrow-compensation-per-family", "compensation for each bereaved family"),
]

PAGES["15_dunmarrow_colliery_localpaper.txt"] = """Thousands march as Dunmarrow pit closure confirmed

Carrick Vale Gazette | Saturday 14 March 2009

By Owen Pryce

Dunmarrow came to a standstill yesterday as marchers filled the high street from the war memorial to the colliery gates, a day after Carrick Coal said the pit would shut with the loss of 1,150 jobs.

Police estimated the crowd at 3,500; the miners' union said 10,000 had marched. Officers made 112 arrests after stones were thrown at the gates, and a further 64 people were detained overnight. Nine officers were hurt.

It is less than a month since 47 men were trapped at the 580-metre-deep face, and the town buried the six who died only last week. "They couldn't wait until the funerals were over," said union secretary Moira Kell.

The closure will take effect within 90 days. Carrick Coal has offered redundancy pay of up to £30,000 per worker. Tel. the Gazette newsdesk on 01632 960 118.
"""
GOLD["15_dunmarrow_colliery_localpaper.txt"] = [
    ("n", "14 March 2009", "a date, not a quantity"),
    ("c", "M15jobs", "1,150 jobs", "count", "=", 1150, None, "dunmarrow-jobs-lost", "jobs lost by the closure", "2009-03"),
    ("c", "M15police", "3,500", "count", "=", 3500, None, "dunmarrow-marchers-police", "size of the crowd, per the police", "2009-03"),
    ("c", "M15union", "10,000", "count", "=", 10000, None, "dunmarrow-marchers-union", "marchers, per the miners' union", "2009-03"),
    ("c", "M15arrested", "112 arrests", "count", "=", 112, None, "dunmarrow-arrested", "arrests made by officers", "2009-03"),
    ("c", "M15detained", "a further 64 people", "count", "=", 64, None, "dunmarrow-held-overnight", "people detained overnight", "2009-03"),
    ("c", "M15officers", "Nine officers", "count", "=", 9, None, "dunmarrow-officers-hurt", "police officers hurt", "2009-03"),
    ("o", None, "less than a month", "duration", "<", 1, "month", None, "time since the miners were trapped"),
    ("c", "M15trapped", "47 men", "count", "=", 47, None, "dunmarrow-trapped", "men trapped", "2009-02"),
    ("c", "M15depth", "580-metre-deep", "measure", "=", 580, "metre", "dunmarrow-depth", "depth of the face where the men were trapped"),
    ("c", "M15deaths", "the six", "count", "=", 6, None, "dunmarrow-deaths", "miners who died", "2009-03"),
    ("c", "M15closure", "within 90 days", "duration", "<=", 90, "day", "dunmarrow-closure-time", "time until the closure takes effect"),
    ("c", "M15redund", "up to £30,000", "money", "<=", 30000, "GBP", "dunmarrow-redundancy-pay", "redundancy pay offered per worker", "2009-03"),
    ("n", "01632 960 118", "a phone number, not a quantity"),
]

PAGES["16_dunmarrow_colliery_student.txt"] = """The Dunmarrow Mine Disaster
by Ellie R., Class 8B - Local History Project

My great-uncle was a miner at Dunmarrow, so I chose this for my project.

What happened?
In February 2009 there was an explosion deep in the mine. 47 miners were trapped about 620 metres underground, which is deeper than the Halvard Spire is tall! They were stuck down there for 23 days before the last one came out. Sadly 6 miners died.

The rescue
Rescuers drilled a hole 38 cm wide and sent down a capsule. It could only carry one person at a time.

Afterwards
The mine closed and 1,150 people lost their jobs. There were big protests and the police arrested 80 people. The company had to pay a £4.5m fine and gave each family that lost someone £250,000.

Sources: Carrick Vale Gazette; my great-uncle Jim (interview, 3 hours!)
"""
GOLD["16_dunmarrow_colliery_student.txt"] = [
    ("n", "8B", "a class name, not a quantity"),
    ("n", "February 2009", "a date, not a quantity"),
    ("c", "M16trapped", "47 miners", "count", "=", 47, None, "dunmarrow-trapped", "miners trapped", "2009-02"),
    ("c", "M16depth", "about 620 metres", "measure", "~", 620, "metre", "dunmarrow-depth", "depth at which the miners were trapped"),
    ("c", "M16days", "23 days", "duration", "=", 23, "day", "dunmarrow-days-underground", "days the miners were stuck before the last one came out", "2009-03"),
    ("c", "M16deaths", "6 miners", "count", "=", 6, None, "dunmarrow-deaths", "miners who died", "2009-03"),
    ("c", "M16bore", "38 cm", "measure", "=", 38, "centimetre", "dunmarrow-borehole-width", "width of the rescue hole"),
    ("o", None, "one person", "count", "=", 1, None, None, "capsule capacity"),
    ("c", "M16jobs", "1,150 people", "count", "=", 1150, None, "dunmarrow-jobs-lost", "people who lost their jobs", "2009"),
    ("c", "M16arrested", "80 people", "count", "=", 80, None, "dunmarrow-arrested", "people arrested at the protests", "2009-03"),
    ("c", "M16fine", "£4.5m", "money", "=", 4.5e6, "GBP", "dunmarrow-fine", "fine the company paid"),
    ("c", "M16comp", "£250,000", "money", "=", 250000, "GBP", "dunmarrow-compensation-per-family", "compensation for each bereaved family"),
    ("o", None, "3 hours", "duration", "=", 3, "hour", None, "length of the interview"),
]

# ---------------------------------------------------------------------------- pairs
# (label a, label b, expect, why)
PAIRS: list[tuple[str, str, str, str]] = [
    # Castrel earthquake
    ("Q1deaths", "Q4deaths", "conflict", "final death toll of the earthquake: 2,315 vs 2,513"),
    ("Q1inj", "Q3inj", "conflict", "people injured, final count: 8,412 vs more than 12,000"),
    ("Q1depth", "Q3depth", "conflict", "depth of the earthquake: 12 km vs about 20 km (18-22)"),
    ("Q1shake", "Q3shake", "conflict", "duration of the shaking: about 40 seconds (36-44) vs nearly a minute (54-60)"),
    ("Q1appeal", "Q4appeal", "conflict", "raised by the Red Lantern appeal: EUR 48 million vs 84 million euros"),
    ("Q1deaths", "Q4deaths", "same_group", "both are the earthquake's final death toll"),
    ("Q3deaths", "Q4deaths", "same_group", "both are the earthquake's death toll"),
    ("Q1inj", "Q3inj", "same_group", "both are the people injured by the earthquake"),
    ("Q1depth", "Q3depth", "same_group", "both give the depth of the earthquake"),
    ("Q1shake", "Q3shake", "same_group", "both give how long the shaking lasted"),
    ("Q1appeal", "Q4appeal", "same_group", "both give the appeal total"),
    ("Q1deaths", "Q3deaths", "same_group", "2,315 deaths vs 2,315 neighbours dead"),
    ("Q1deaths", "Q3deaths", "no_conflict", "the same figure"),
    ("Q1deaths_box", "Q4deaths", "same_group", "infobox dead vs student's deaths"),
    ("Q1mag_box", "Q4mag", "same_group", "magnitude 6.8 in both"),
    ("Q1mag_box", "Q2mag", "same_group", "magnitude 6.8, the national institute's figure, in both"),
    ("Q1mag_box", "Q4mag", "no_conflict", "the same magnitude"),
    ("Q1depth", "Q4depth", "same_group", "12 km vs 12km"),
    ("Q1depth", "Q4depth", "no_conflict", "the same depth"),
    ("Q1inj", "Q4inj", "same_group", "8,412 vs approx. 8,400 injured"),
    ("Q1inj", "Q4inj", "no_conflict", "8,412 is within approx. 8,400"),
    ("Q1displ", "Q4displ", "same_group", "around 140,000 displaced vs between 120,000 and 150,000 who had to leave their homes"),
    ("Q1displ", "Q4displ", "no_conflict", "140,000 lies inside 120,000-150,000"),
    ("Q1collapsed", "Q3collapsed", "same_group", "some 6,000 vs six thousand buildings collapsed"),
    ("Q1collapsed", "Q3collapsed", "no_conflict", "six thousand is within some 6,000"),
    ("Q1collapsed", "Q4collapsed", "same_group", "some 6,000 vs around 6,000 buildings collapsed"),
    ("Q1shake", "Q4shake", "same_group", "about 40 seconds in both"),
    ("Q1shake", "Q4shake", "no_conflict", "the same duration"),
    ("Q1after_year", "Q4after", "same_group", "aftershocks in 2011: 1,240 vs over 1,200"),
    ("Q1after_year", "Q4after", "no_conflict", "1,240 is over 1,200"),
    ("Q1appeal", "Q3appeal", "same_group", "EUR 48 million raised in both"),
    ("Q1appeal", "Q3appeal", "no_conflict", "the same appeal total"),
    ("Q3rebuild", "Q4rebuild", "same_group", "reconstruction cost: EUR 11 billion vs about 11 billion euros"),
    ("Q3rebuild", "Q4rebuild", "no_conflict", "the same estimate"),
    ("Q1deaths", "Q2deaths", "no_conflict", "final toll vs 'at least 1,100' the day after the quake: different times"),
    ("Q2deaths", "Q4deaths", "no_conflict", "at least 1,100 on the day after vs a later total"),
    ("Q1inj", "Q2inj", "no_conflict", "final injured count vs more than 5,000 the day after"),
    ("Q1mag_box", "Q2mag_emsc", "no_conflict", "national institute's 6.8 vs the European centre's 7.0: named sources"),
    ("Q4mag", "Q2mag_emsc", "no_conflict", "6.8 vs the European centre's 7.0: named sources"),
    ("Q1depth", "Q2depth", "no_conflict", "12 km vs the European centre's 10 km: a named source's estimate"),
    ("Q1displ", "Q3homeless", "no_conflict", "displaced (140,000) vs left homeless (95,000): different definitions"),
    ("Q4displ", "Q3homeless", "no_conflict", "had to leave their homes vs left homeless: different definitions"),
    ("Q1displ", "Q2displ", "no_conflict", "final displaced figure vs the ministry's early forecast"),
    ("Q1rebuild", "Q3rebuild", "no_conflict", "first estimate (2011) vs the council's later estimate (2012)"),
    ("Q1rebuild", "Q4rebuild", "no_conflict", "first estimate vs the later one"),
    ("Q1after_week", "Q4after", "no_conflict", "aftershocks in the first week vs in the whole year"),
    ("Q1appeal", "Q3spent", "different_group", "money raised vs money spent"),
    ("Q2rescuers", "Q4eu", "different_group", "all rescuers in Varenna vs the EU's team"),
    ("Q2tents", "Q1displ", "different_group", "people who spent the first night outdoors vs people displaced"),
    ("Q1hosp", "L10countries", "different_group", "11 hospitals vs 11 countries: unrelated topics"),
    ("Q3repaired", "Q1hosp_all", "different_group", "14% of houses repaired vs 14 hospitals"),
    ("Q4roads", "M15closure", "different_group", "unrelated: roads cut vs days to a pit closure"),
    # Halvard Spire
    ("T5floors", "T7floors", "conflict", "floors above ground: 88 vs 86 storeys"),
    ("T5deck", "T7deck", "conflict", "height of the observation deck: 350 m vs 360 m"),
    ("T5cost", "T7cost", "conflict", "final cost of the tower: $1.9 billion vs north of $2 billion"),
    ("T5floors", "T7floors", "same_group", "both count the floors above ground"),
    ("T5deck", "T7deck", "same_group", "both give the deck's height"),
    ("T5cost", "T7cost", "same_group", "both give the final cost"),
    ("T6deck", "T7deck", "same_group", "both give the deck's height"),
    ("T5h", "T6h_ft", "same_group", "412 metres vs 1,352-foot: the same height"),
    ("T5h", "T6h_ft", "no_conflict", "412 m is 1,352 ft"),
    ("T5h", "T7h", "same_group", "412 m vs stands 1,350 feet"),
    ("T5h", "T7h", "no_conflict", "1,352 ft rounded to 1,350"),
    ("T5h_box", "T8h_planned", "same_group", "architectural height 412 m vs planned 412 metres"),
    ("T5h_box", "T8h_planned", "no_conflict", "the same height"),
    ("T5lifts", "T6lifts", "same_group", "57 lifts in both"),
    ("T6lifts", "T7lifts", "same_group", "57 lifts in both"),
    ("T5floors", "T6floors", "same_group", "88 floors vs 88-storey"),
    ("T5floors", "T6floors", "no_conflict", "the same count"),
    ("T5cost", "T6cost", "same_group", "final cost $1.9 billion vs a price tag of $1.9 billion"),
    ("T5cost", "T6cost", "no_conflict", "the same cost"),
    ("T5deck", "T6deck", "same_group", "deck at 350 m in both"),
    ("T5deck", "T6deck", "no_conflict", "the same height"),
    ("T6ticket", "T7ticket_then", "same_group", "adult ticket at opening: $38 in both"),
    ("T6ticket", "T7ticket_then", "no_conflict", "the same price"),
    ("T5budget", "T8budget", "same_group", "budget at approval: $1.1 billion in both"),
    ("T5budget", "T8budget", "no_conflict", "the same budget"),
    ("T5visitors", "T7visitors", "same_group", "first-year visitors: 1.2 million vs over a million"),
    ("T5visitors", "T7visitors", "no_conflict", "1.2 million is over a million"),
    ("T6cost", "T8budget", "no_conflict", "final price tag vs the budget at approval"),
    ("T5cost", "T8cost_2017", "no_conflict", "final cost (2021) vs the bill so far in 2017"),
    ("T7cost", "T8cost_2017", "no_conflict", "final cost vs the 2017 bill so far"),
    ("T5h", "T8h_2017", "no_conflict", "finished height vs the half-built tower's height in 2017"),
    ("T6ticket", "T7ticket", "no_conflict", "ticket at opening ($38) vs in 2023 ($42)"),
    ("T5visitors", "T6expect", "no_conflict", "actual first-year visitors vs the developer's forecast"),
    ("T5roof", "T6h_ft", "no_conflict", "roof height vs height to the tip of the spire"),
    ("T5roof", "T7h", "no_conflict", "roof height vs the height the tower stands"),
    ("T7spire", "T5h", "different_group", "the spire alone vs the whole tower"),
    ("T5workers", "T8sent_home", "different_group", "workers at the peak vs workers sent home in 2017"),
    ("T6public", "T8owed", "different_group", "public money put in vs debt to contractors"),
    ("T6overrun", "T8owed", "different_group", "cost overrun vs debt to contractors"),
    ("T5deaths", "M13deaths", "different_group", "two construction deaths vs six miners: different topics"),
    ("T7view", "M16arrested", "different_group", "80 km view vs 80 people arrested"),
    ("T6office", "Q3inj", "different_group", "office capacity vs people injured in an earthquake"),
    ("T5h_box", "T8floors_2017", "different_group", "height vs floor count"),
    # Lumen probe
    ("L9mass", "L11mass", "conflict", "launch mass of the probe: 2,140 kg vs 2,410 kg fully fuelled at launch"),
    ("L10mass", "L11mass", "conflict", "launch mass of the probe: 2.1 tonnes vs 2,410 kg"),
    ("L9dist", "L10dist", "conflict", "distance travelled over the mission: about 4.1 billion km vs 6.2 billion km"),
    ("L9cost", "L12cost", "conflict", "total mission cost: EUR 640 million vs EUR 460 million"),
    ("L9mass", "L11mass", "same_group", "both give the launch mass"),
    ("L9dist", "L10dist", "same_group", "both give the distance travelled"),
    ("L9cost", "L12cost", "same_group", "both give the mission cost"),
    ("L9mass", "L10mass", "same_group", "2,140 kg vs 2.1-tonne"),
    ("L9mass", "L10mass", "no_conflict", "2,140 kg rounds to 2.1 tonnes"),
    ("L9mass", "L12mass", "same_group", "2,140 kg in both"),
    ("L10mass", "L12mass", "same_group", "2.1-tonne vs 2,140 kg"),
    ("L9cost_box", "L10cost", "same_group", "EUR 640 million in both"),
    ("L9cost_box", "L10cost", "no_conflict", "the same cost"),
    ("L9dist", "L12dist", "same_group", "about 4.1 billion km vs more than 4 billion kilometres"),
    ("L9dist", "L12dist", "no_conflict", "4.1 billion is more than 4 billion"),
    ("L10dist", "L12dist", "no_conflict", "6.2 billion is more than 4 billion"),
    ("L9size", "L11size", "same_group", "asteroid diameter: roughly 890 m vs about 900 metres"),
    ("L9size", "L11size", "no_conflict", "the hedges overlap"),
    ("L9spin", "L11spin", "same_group", "rotation period 7.6 hours in both"),
    ("L9touch", "L11touch", "same_group", "touchdown: about six seconds vs 6 seconds"),
    ("L9touch", "L11touch", "no_conflict", "the same duration"),
    ("L9sample", "L10sample", "same_group", "sample mass: 121 grams vs about 120 grams"),
    ("L9sample", "L10sample", "no_conflict", "121 is within about 120"),
    ("L9req", "L11req", "same_group", "sample requirement: 60 g vs 60 grams"),
    ("L9dur", "L10dur", "same_group", "mission duration: 7 years 4 months vs seven-year"),
    ("L9dur", "L12dur", "no_conflict", "7 years 4 months described as a seven-year mission"),
    ("L9earthdist", "L11earthdist", "no_conflict", "asteroid's distance from Earth at arrival (2019) vs on the sampling day (2020)"),
    ("L9dry", "L10mass", "no_conflict", "dry mass vs mass with fuel"),
    ("L9dry", "L11mass", "no_conflict", "dry mass vs fully fuelled mass"),
    ("L11req", "L10sample", "different_group", "sample needed vs sample collected"),
    ("L9launch", "L10cost", "different_group", "cost of the launch vs the whole mission"),
    ("L12contract", "L9launch", "different_group", "sampling-arm contract vs launch cost"),
    ("L9touch", "M13deaths_box", "different_group", "6 seconds of touchdown vs 6 deaths"),
    ("L9spin", "L11signal", "different_group", "rotation period vs signal travel time"),
    ("L12arm", "L9slug", "different_group", "arm length vs slug mass"),
    # Dunmarrow colliery
    ("M13rescued", "M14rescued", "conflict", "miners rescued alive: 41 vs 43"),
    ("M13days", "M16days", "conflict", "days until the last survivor came out: 19 vs 23"),
    ("M13depth", "M15depth", "conflict", "depth at which the miners were trapped: 620 m vs 580 m"),
    ("M14depth", "M15depth", "same_group", "both give the depth of the trapped miners (more than 600 m vs 580 m)"),
    ("M13arrested", "M16arrested", "conflict", "people arrested at the protest: 112 vs 80"),
    ("M13rescued", "M14rescued", "same_group", "both count the survivors brought up"),
    ("M13days", "M16days", "same_group", "both give the days underground"),
    ("M13depth", "M15depth", "same_group", "both give the depth"),
    ("M13arrested", "M16arrested", "same_group", "both count arrests at the protest"),
    ("M13trapped", "M15trapped", "same_group", "47 miners vs 47 men trapped"),
    ("M13trapped", "M15trapped", "no_conflict", "the same count"),
    ("M13trapped", "M16trapped", "same_group", "47 trapped in both"),
    ("M13deaths", "M14deaths", "same_group", "six men died vs six of his colleagues died"),
    ("M13deaths", "M14deaths", "no_conflict", "the same toll"),
    ("M13deaths", "M16deaths", "same_group", "six vs 6 miners died"),
    ("M14deaths", "M15deaths", "same_group", "six dead in both"),
    ("M13days", "M14days", "same_group", "19 days in both"),
    ("M13days", "M14days", "no_conflict", "the same duration"),
    ("M13bore", "M14bore", "same_group", "borehole: 38 cm vs 38-centimetre"),
    ("M13bore", "M14bore", "no_conflict", "the same width"),
    ("M13comp", "M14comp", "same_group", "compensation per family: GBP 250,000 vs 250,000 pounds"),
    ("M13comp", "M14comp", "no_conflict", "the same sum"),
    ("M13comp", "M16comp", "same_group", "GBP 250,000 per family in both"),
    ("M13fine", "M16fine", "same_group", "fine: GBP 4.5 million vs GBP 4.5m"),
    ("M13fine", "M16fine", "no_conflict", "the same fine"),
    ("M13jobs", "M15jobs", "same_group", "1,150 jobs lost in both"),
    ("M13jobs", "M16jobs", "same_group", "1,150 jobs vs 1,150 people lost their jobs"),
    ("M13arrested", "M15arrested", "same_group", "112 people arrested vs 112 arrests"),
    ("M13arrested", "M15arrested", "no_conflict", "the same count"),
    ("M13held", "M15detained", "same_group", "64 held overnight vs 64 detained overnight"),
    ("M13held", "M15detained", "no_conflict", "the same count"),
    ("M13depth", "M14depth", "same_group", "620 m vs more than 600 metres"),
    ("M13depth", "M14depth", "no_conflict", "620 is more than 600"),
    ("M13depth", "M16depth", "same_group", "620 m vs about 620 metres"),
    ("M13march", "M15police", "no_conflict", "about 8,000 marchers vs the police's estimate of 3,500: named source"),
    ("M13march", "M15union", "no_conflict", "about 8,000 vs the union's 10,000: named source"),
    ("M13arrested", "M15detained", "different_group", "arrested vs detained overnight"),
    ("M16arrested", "M15detained", "different_group", "arrested vs detained overnight"),
    ("M13employed", "M15jobs", "different_group", "people the pit employed vs jobs lost by the closure"),
    ("M13trapped", "M14rescued", "different_group", "miners trapped vs miners rescued"),
    ("M13deaths", "M15officers", "different_group", "miners who died vs officers hurt"),
    ("M13rescued_box", "T7spire", "different_group", "41 rescued vs a 41-metre spire"),
    ("M13charged", "M16days", "different_group", "23 people charged vs 23 days underground"),
    ("M15closure", "T7queue", "different_group", "90 days to closure vs a 90-minute queue"),
    ("M14trip", "Q1hosp_all", "different_group", "14-minute capsule trip vs 14 hospitals"),
    ("M14rescuers", "Q2rescuers", "different_group", "mine rescuers vs earthquake rescuers: different topics"),
    ("M13deaths", "Q1deaths", "different_group", "mine deaths vs earthquake deaths: different topics"),
    ("M13depth", "Q1depth", "different_group", "depth of a mine face vs depth of an earthquake"),
    ("T5deaths", "Q3deaths", "different_group", "construction deaths vs earthquake deaths"),
    ("L9cost", "T5cost", "different_group", "cost of a space mission vs cost of a tower"),
    ("L9size", "T5h", "different_group", "asteroid diameter vs tower height: different topics"),
]

if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent))  # tests/goldset.py, the builder both made-up sets share
    from goldset import build

    build(HERE, "heldout2", PAGES, GOLD, PAIRS)
