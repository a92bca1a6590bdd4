#!/usr/bin/env python3
"""Build the made-up held-out set: pages/*.txt, heldout.claims.jsonl, heldout.pairs.jsonl.

Page texts and gold live here as Python data; offsets are computed from the text, and every
quote is checked (text[start:end] == quote) before anything is written.
"""
from __future__ import annotations

import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent

PAGES: dict[str, str] = {}
GOLD: dict[str, list[dict]] = {}

# ---------------------------------------------------------------------------- Tessaro dam
PAGES["01_tessaro_dam_encyclopedia.txt"] = """Tessaro Dam disaster

From Wikiterra, the free encyclopedia

Tessaro Dam disaster
The breached arch of the Tessaro Dam, photographed in 1959
Date14 November 1958
Time21:42 CET
LocationVal Sorra, Montelago province
Dam typeConcrete arch
Height85 m (279 ft)
Crest length212 m
Reservoir capacity52 million m3
Deaths1,204 (official)
Missing37

The Tessaro Dam disaster was the failure of a concrete arch dam on the Sorra river in northern Montelago on the evening of 14 November 1958. The collapse released about 50 million cubic metres (1.8 billion cubic feet) of water into the narrow Val Sorra, and a flood wave up to 30 metres high reached the town of Borgo Sorra, 6 km downstream, in under eight minutes.[1] The official inquiry of 1960 counted 1,204 dead and 37 missing; about 4,000 people were left homeless.

Construction

The dam was completed in 1954 at a cost of 2.3 billion lire. At 85 metres it was then the second-highest arch dam in the country. The reservoir behind it was 4.5 km long.

Cause

Eleven days of heavy rain had raised the reservoir to within 1.5 m of the crest. Shortly before the failure a landslide of some 3 million cubic metres fell from the eastern slope into the lake.[2] The inquiry found that the left abutment rested on fractured limestone that the designers had never tested.

Aftermath

Around 9,000 people were evacuated from villages further down the valley in the following days. Rebuilding Borgo Sorra cost an estimated 14 billion lire. A memorial listing 1,204 names was unveiled in 1968.[3]

References
[1] Commissione d'inchiesta, Relazione finale, 1960, p. 112.
"""
GOLD["01_tessaro_dam_encyclopedia.txt"] = [
    ("n", "14 November 1958", "a date, not a quantity", "Date14 November 1958"),
    ("n", "21:42", "a clock time, not a quantity"),
    ("c", "D1h", "85 m", "measure", "=", 85, "metre", "tessaro-dam-height", "height of the Tessaro dam (infobox)", None, "Height85 m"),
    ("o", None, "279 ft", "measure", "=", 279, "foot", "tessaro-dam-height", "height of the dam, converted (infobox)", None, "(279 ft)"),
    ("c", "D1crest", "212 m", "measure", "=", 212, "metre", "tessaro-crest-length", "length of the dam crest (infobox)"),
    ("c", "D1vol", "52 million m3", "measure", "=", 52e6, "cubic metre", "tessaro-reservoir-capacity", "reservoir capacity (infobox)"),
    ("c", "D1deaths_box", "1,204", "count", "=", 1204, None, "tessaro-deaths", "death toll, official (infobox)", "1958-11", "Deaths1,204"),
    ("c", "D1missing_box", "37", "count", "=", 37, None, "tessaro-missing", "people missing (infobox)", "1958-11", "Missing37"),
    ("n", "14 November 1958", "a date, not a quantity", "evening of 14 November 1958"),
    ("c", "D1released", "about 50 million cubic metres", "measure", "~", 50e6, "cubic metre", "tessaro-water-released", "water released by the collapse", "1958-11"),
    ("o", None, "1.8 billion cubic feet", "measure", "=", 1.8e9, "cubic foot", "tessaro-water-released", "water released, converted", "1958-11"),
    ("c", "D1wave", "up to 30 metres", "measure", "<=", 30, "metre", "tessaro-wave-height", "height of the flood wave that reached Borgo Sorra", "1958-11"),
    ("c", "D1dist", "6 km", "measure", "=", 6, "kilometre", "tessaro-borgo-distance", "distance of Borgo Sorra downstream of the dam"),
    ("c", "D1time", "under eight minutes", "duration", "<", 8, "minute", "tessaro-wave-travel-time", "time the flood wave took to reach Borgo Sorra", "1958-11"),
    ("n", "[1]", "a note marker", "minutes.[1]"),
    ("n", "1960", "a year, not a quantity", "inquiry of 1960"),
    ("c", "D1deaths", "1,204 dead", "count", "=", 1204, None, "tessaro-deaths", "dead counted by the official inquiry", "1958-11"),
    ("c", "D1missing", "37 missing", "count", "=", 37, None, "tessaro-missing", "people missing per the official inquiry", "1958-11"),
    ("c", "D1homeless", "about 4,000", "count", "~", 4000, None, "tessaro-homeless", "people left homeless", "1958-11"),
    ("n", "1954", "a year, not a quantity"),
    ("c", "D1cost", "2.3 billion lire", "money", "=", 2.3e9, "ITL", "tessaro-construction-cost", "construction cost of the dam", "1954"),
    ("o", None, "85 metres", "measure", "=", 85, "metre", "tessaro-dam-height", "height of the dam (repeat)"),
    ("o", None, "second-highest", "count", "=", 2, None, None, "rank among the country's arch dams"),
    ("c", "D1reslen", "4.5 km", "measure", "=", 4.5, "kilometre", "tessaro-reservoir-length", "length of the reservoir"),
    ("c", "D1rain", "Eleven days", "duration", "=", 11, "day", "tessaro-rain-days", "days of heavy rain before the failure", "1958-11"),
    ("c", "D1freeboard", "1.5 m", "measure", "=", 1.5, "metre", "tessaro-freeboard", "how far below the crest the reservoir stood"),
    ("c", "D1slide", "some 3 million cubic metres", "measure", "~", 3e6, "cubic metre", "tessaro-landslide-volume", "volume of the landslide into the lake", "1958-11"),
    ("n", "[2]", "a note marker"),
    ("c", "D1evac", "Around 9,000", "count", "~", 9000, None, "tessaro-evacuated", "people evacuated from villages down the valley", "1958-11"),
    ("c", "D1rebuild", "an estimated 14 billion lire", "money", "~", 14e9, "ITL", "tessaro-rebuild-cost", "cost of rebuilding Borgo Sorra"),
    ("c", "D1names", "1,204 names", "count", "=", 1204, None, "tessaro-memorial-names", "names listed on the 1968 memorial"),
    ("n", "1968", "a year, not a quantity"),
    ("n", "[3]", "a note marker"),
    ("n", "p. 112", "a page number, not a quantity"),
]

PAGES["02_tessaro_dam_newsagency.txt"] = """Valley town remembers dam victims 50 years on

By Carla Ricci

BORGO SORRA, Nov 14 (Continental Press) - Survivors and relatives gathered on Friday in this mountain town to mark 50 years since the Tessaro dam burst, killing 1,210 people in one of the worst peacetime disasters in post-war Europe.

The 279-foot (85-metre) dam gave way at 9:42 p.m. on Nov. 14, 1958, after more than a week of rain, sending a wall of water estimated at 40 metres high down the valley. Some 1,500 houses were destroyed in Borgo Sorra and the hamlets below it.

"I was nine years old. My father put me on the roof of the church and went back for my sisters," said Elena Varzi, 59, who lost six members of her family.

A regional historians' group said last year that the true toll was probably nearer 1,260 once seasonal workers without papers were counted, a figure the state has never accepted.

The reservoir held around 52 million cubic metres of water when it failed. In the days that followed, authorities moved out residents of 14 villages further down the valley, roughly 9,000 people in all.

Prosecutors charged three engineers in 1961. Two were convicted and sentenced to four years in prison; neither served the full term.

The ceremony on Friday was attended by about 3,000 people.

(Reporting by Carla Ricci; Editing by Tom Hale)
"""
GOLD["02_tessaro_dam_newsagency.txt"] = [
    ("o", None, "50 years", "duration", "=", 50, "year", None, "years since the dam burst (headline)", None, "victims 50 years"),
    ("o", None, "50 years", "duration", "=", 50, "year", None, "years since the dam burst (anniversary)", None, "mark 50 years"),
    ("n", "Nov 14", "a date in the dateline, not a quantity"),
    ("c", "D2deaths", "1,210 people", "count", "=", 1210, None, "tessaro-deaths", "people killed when the dam burst", "1958-11"),
    ("c", "D2h_ft", "279-foot", "measure", "=", 279, "foot", "tessaro-dam-height", "height of the dam"),
    ("o", "D2h", "85-metre", "measure", "=", 85, "metre", "tessaro-dam-height", "height of the dam, converted"),
    ("n", "9:42 p.m.", "a clock time, not a quantity"),
    ("n", "Nov. 14, 1958", "a date, not a quantity"),
    ("o", None, "more than a week", "duration", ">", 1, "week", "tessaro-rain-days", "length of the rain before the failure", "1958-11"),
    ("c", "D2wave", "estimated at 40 metres", "measure", "~", 40, "metre", "tessaro-wave-height", "height of the wall of water sent down the valley", "1958-11"),
    ("c", "D2houses", "Some 1,500", "count", "~", 1500, None, "tessaro-houses-destroyed", "houses destroyed in Borgo Sorra and the hamlets below", "1958-11"),
    ("o", None, "nine years old", "age", "=", 9, "year", None, "age of a survivor in 1958"),
    ("o", None, "59", "age", "=", 59, "year", None, "age of the survivor quoted", None, "Varzi, 59"),
    ("c", "D2family", "six members", "count", "=", 6, None, None, "family members the survivor lost"),
    ("c", "D2hist", "nearer 1,260", "count", "~", 1260, None, "tessaro-deaths-historians", "true toll per a regional historians' group, seasonal workers included", "1958-11"),
    ("c", "D2vol", "around 52 million cubic metres", "measure", "~", 52e6, "cubic metre", "tessaro-reservoir-capacity", "water the reservoir held when it failed", "1958-11"),
    ("c", "D2villages", "14 villages", "count", "=", 14, None, "tessaro-villages-evacuated", "villages whose residents were moved out"),
    ("c", "D2evac", "roughly 9,000", "count", "~", 9000, None, "tessaro-evacuated", "people moved out of villages down the valley", "1958-11"),
    ("c", "D2charged", "three engineers", "count", "=", 3, None, "tessaro-engineers-charged", "engineers charged by prosecutors"),
    ("n", "1961", "a year, not a quantity"),
    ("c", "D2convicted", "Two", "count", "=", 2, None, "tessaro-engineers-convicted", "engineers convicted", None, "Two were convicted"),
    ("c", "D2sentence", "four years", "duration", "=", 4, "year", "tessaro-sentence", "prison sentence of the convicted engineers"),
    ("c", "D2attend", "about 3,000", "count", "~", 3000, None, "tessaro-2008-ceremony", "people attending the 2008 ceremony", "2008-11"),
]

PAGES["03_tessaro_dam_blog.txt"] = """Walking the Val Sorra: what's left of the Tessaro dam

Posted by Marta on 3 June 2019 | 6 min read | 14 comments

I'd wanted to visit the Tessaro dam ever since we read about it at school, and this spring I finally did it. The dam wall is still there - well, most of it. It's about 85m tall, and standing on what remains of the 700-foot crest you can see straight down the valley to Borgo Sorra.

A quick bit of history if you don't know it: in November 1958, after days of rain, the left side of the dam gave way. Around 1,200 lives were lost that night, most of them in Borgo Sorra, which was basically wiped off the map. The water took less than ten minutes to get to the town.

The reservoir was holding about 50 million cubic metres of water - enough to fill 20,000 Olympic swimming pools, according to the sign at the visitor centre. Some locals will tell you the death toll was over 2,000. I couldn't find anything to back that up.

Practical stuff

Entry to the visitor centre is EUR 8 (EUR 5 for kids), open 9:00-17:00 from April to October. The trail from the car park to the top of the dam is 11 km round trip with about 450 m of climbing; it took us just under 4 hours with stops. Bring water!

Rating: 5/5. Go.
"""
GOLD["03_tessaro_dam_blog.txt"] = [
    ("n", "3 June 2019", "a date, not a quantity"),
    ("o", None, "6 min", "duration", "=", 6, "minute", None, "reading time of the post"),
    ("n", "14 comments", "a page widget count, not a claim"),
    ("c", "D3h", "about 85m", "measure", "~", 85, "metre", "tessaro-dam-height", "height of the dam wall"),
    ("c", "D3crest", "700-foot", "measure", "=", 700, "foot", "tessaro-crest-length", "length of the dam crest"),
    ("n", "November 1958", "a date, not a quantity"),
    ("c", "D3deaths", "Around 1,200", "count", "~", 1200, None, "tessaro-deaths", "lives lost the night the dam failed", "1958-11"),
    ("c", "D3time", "less than ten minutes", "duration", "<", 10, "minute", "tessaro-wave-travel-time", "time the water took to reach Borgo Sorra", "1958-11"),
    ("c", "D3vol", "about 50 million cubic metres", "measure", "~", 50e6, "cubic metre", "tessaro-reservoir-capacity", "water the reservoir was holding", "1958-11"),
    ("o", "D3pools", "20,000", "count", "=", 20000, None, None, "Olympic swimming pools the water would fill (comparison)"),
    ("c", "D3rumour", "over 2,000", "count", ">", 2000, None, "tessaro-deaths-rumour", "death toll according to some locals (unsupported)", "1958-11"),
    ("c", "D3fee", "EUR 8", "money", "=", 8, "EUR", "tessaro-visitor-fee", "adult entry to the visitor centre", "2019"),
    ("c", "D3feekids", "EUR 5", "money", "=", 5, "EUR", "tessaro-visitor-fee-child", "child entry to the visitor centre", "2019"),
    ("n", "9:00-17:00", "opening hours, not a quantity"),
    ("c", "D3trail", "11 km", "measure", "=", 11, "kilometre", "tessaro-trail-length", "length of the trail, round trip"),
    ("c", "D3climb", "about 450 m", "measure", "~", 450, "metre", "tessaro-trail-climb", "climbing on the trail"),
    ("c", "D3hours", "just under 4 hours", "duration", "<", 4, "hour", None, "time the walk took the author"),
    ("n", "5/5", "a rating, not a quantity"),
]

PAGES["04_tessaro_dam_student.txt"] = """The Tessaro Dam Disaster
Luca B. - Year 9 History Project

Introduction
The Tessaro Dam was a big concrete dam in Montelago. It was 92 meters high and it was finished in 1954. On 14 November 1958 the dam broke and all the water went down the valley.

What happened
It rained for 11 days and the lake got very full. A landslide of 3 million cubic metres fell into the lake and pushed the water over the top. Then the side of the dam broke. The flood wave was 30 m high when it hit Borgo Sorra. The town was 6 kilometres away and the water got there in 8 minutes!

Deaths
1,198 victims died in the flood and 37 were never found. 4,000 people lost their homes.

Fun facts
- The dam cost 2.3 billion lire to build. That is about 1.2 million euros today.
- Now there is a museum about the disaster and 40,000 people visit it every year.
- My grandmother was 12 when it happened and she still remembers the noise.
"""
GOLD["04_tessaro_dam_student.txt"] = [
    ("n", "Year 9", "a school year, not a quantity"),
    ("c", "D4h", "92 meters", "measure", "=", 92, "metre", "tessaro-dam-height", "height of the dam"),
    ("n", "1954", "a year, not a quantity"),
    ("n", "14 November 1958", "a date, not a quantity"),
    ("c", "D4rain", "11 days", "duration", "=", 11, "day", "tessaro-rain-days", "days of rain before the failure", "1958-11"),
    ("c", "D4slide", "3 million cubic metres", "measure", "=", 3e6, "cubic metre", "tessaro-landslide-volume", "volume of the landslide into the lake", "1958-11"),
    ("c", "D4wave", "30 m", "measure", "=", 30, "metre", "tessaro-wave-height", "height of the flood wave when it hit Borgo Sorra", "1958-11"),
    ("c", "D4dist", "6 kilometres", "measure", "=", 6, "kilometre", "tessaro-borgo-distance", "distance of Borgo Sorra from the dam"),
    ("c", "D4time", "8 minutes", "duration", "=", 8, "minute", "tessaro-wave-travel-time", "time the water took to reach the town", "1958-11"),
    ("c", "D4deaths", "1,198 victims", "count", "=", 1198, None, "tessaro-deaths", "victims who died in the flood", "1958-11"),
    ("c", "D4missing", "37", "count", "=", 37, None, "tessaro-missing", "people never found", "1958-11", "37 were never"),
    ("c", "D4homeless", "4,000", "count", "=", 4000, None, "tessaro-homeless", "people who lost their homes", "1958-11"),
    ("c", "D4cost", "2.3 billion lire", "money", "=", 2.3e9, "ITL", "tessaro-construction-cost", "cost of building the dam", "1954"),
    ("c", "D4cost_eur", "about 1.2 million euros", "money", "~", 1.2e6, "EUR", "tessaro-construction-cost-today", "construction cost in today's euros (author's conversion)"),
    ("c", "D4museum", "40,000 people", "count", "=", 40000, None, "tessaro-museum-visitors", "visitors to the museum each year"),
    ("o", None, "12", "age", "=", 12, "year", None, "age of the author's grandmother in 1958", None, "was 12 when"),
]

# ---------------------------------------------------------------------------- Princess Amara ferry
PAGES["05_amara_ferry_encyclopedia.txt"] = """MV Princess Amara

From Wikiterra, the free encyclopedia

MV Princess Amara
History
Builder Onomichi Zosen, Japan
Launched 1978
Fate Capsized 22 March 1997
General characteristics
TypeRo-ro passenger ferry
Tonnage4,210 GT
Length98.4 m (323 ft)
Beam17.6 m
Speed15 knots (28 km/h) service
Capacity850 passengers, 90 cars

MV Princess Amara was a roll-on/roll-off ferry that capsized in the Calder Sound on the morning of 22 March 1997, about 9 nautical miles (17 km) from Port Calder, with the loss of at least 431 lives. It is the deadliest peacetime maritime disaster in the Lesser Selvan Islands.

The ship was built in Japan in 1978 as a 500-passenger ferry and was lengthened by 12 m in 1989, when her passenger capacity was raised to 850.

Sinking

The manifest listed 612 passengers and 48 crew, but the board of inquiry concluded that more than 700 people were aboard, since children under three were not ticketed and some deck passengers had boarded without tickets.[4] About 140 tonnes of cargo above her certified load had been stowed on the vehicle deck. In a 40-knot squall the ferry took on a list of about 30 degrees and capsized within 15 minutes.

431 bodies were recovered; 40 people remain missing. 141 people survived, most of them picked up by fishing boats. The water temperature was around 11 C.

Model of the ship: Onomichi OZ-98 type.
"""
GOLD["05_amara_ferry_encyclopedia.txt"] = [
    ("n", "1978", "a year, not a quantity", "Launched 1978"),
    ("n", "22 March 1997", "a date, not a quantity", "Capsized 22 March 1997"),
    ("c", "F1gt", "4,210 GT", "measure", "=", 4210, "gross ton", "amara-tonnage", "gross tonnage (infobox)"),
    ("c", "F1len", "98.4 m", "measure", "=", 98.4, "metre", "amara-length", "length of the ship (infobox)"),
    ("o", None, "323 ft", "measure", "=", 323, "foot", "amara-length", "length, converted (infobox)"),
    ("c", "F1beam", "17.6 m", "measure", "=", 17.6, "metre", "amara-beam", "beam of the ship (infobox)"),
    ("c", "F1speed", "15 knots", "measure", "=", 15, "knot", "amara-service-speed", "service speed (infobox)"),
    ("o", None, "28 km/h", "measure", "=", 28, "kilometre per hour", "amara-service-speed", "service speed, converted"),
    ("c", "F1cap", "850 passengers", "count", "=", 850, None, "amara-capacity", "certified passenger capacity (infobox)", None, "Capacity850 passengers"),
    ("c", "F1cars", "90 cars", "count", "=", 90, None, "amara-car-capacity", "car capacity (infobox)"),
    ("n", "22 March 1997", "a date, not a quantity", "morning of 22 March 1997"),
    ("c", "F1dist", "about 9 nautical miles", "measure", "~", 9, "nautical mile", "amara-distance-from-port", "distance from Port Calder where the ferry capsized", "1997-03-22"),
    ("o", None, "17 km", "measure", "=", 17, "kilometre", "amara-distance-from-port", "distance from port, converted", "1997-03-22"),
    ("c", "F1lives", "at least 431", "count", ">=", 431, None, "amara-deaths", "lives lost", "1997-03"),
    ("n", "1978", "a year, not a quantity", "Japan in 1978"),
    ("c", "F1cap_orig", "500-passenger", "count", "=", 500, None, "amara-capacity-original", "passenger capacity as built in 1978", "1978"),
    ("c", "F1lengthened", "12 m", "measure", "=", 12, "metre", "amara-lengthening", "how much the ship was lengthened in 1989", "1989"),
    ("n", "1989", "a year, not a quantity"),
    ("o", None, "850", "count", "=", 850, None, "amara-capacity", "passenger capacity after 1989 (repeat)", "1989", "raised to 850"),
    ("c", "F1manifest", "612 passengers", "count", "=", 612, None, "amara-manifest-passengers", "passengers listed on the manifest", "1997-03-22"),
    ("c", "F1crew", "48 crew", "count", "=", 48, None, "amara-crew", "crew listed on the manifest", "1997-03-22"),
    ("c", "F1aboard", "more than 700", "count", ">", 700, None, "amara-people-aboard", "people aboard per the board of inquiry", "1997-03-22"),
    ("o", None, "under three", "age", "<", 3, "year", None, "age under which children were not ticketed"),
    ("n", "[4]", "a note marker"),
    ("c", "F1overload", "About 140 tonnes", "measure", "~", 140, "tonne", "amara-overload", "cargo stowed above the certified load", "1997-03-22"),
    ("c", "F1wind", "40-knot", "measure", "=", 40, "knot", "amara-wind", "wind speed of the squall", "1997-03-22"),
    ("c", "F1list", "about 30 degrees", "measure", "~", 30, "degree", "amara-list", "list the ferry took on before capsizing", "1997-03-22"),
    ("c", "F1sank", "within 15 minutes", "duration", "<=", 15, "minute", "amara-capsize-time", "time the ferry took to capsize", "1997-03-22"),
    ("c", "F1bodies", "431 bodies", "count", "=", 431, None, "amara-deaths", "bodies recovered", "1997-03"),
    ("c", "F1missing", "40 people", "count", "=", 40, None, "amara-missing", "people still missing"),
    ("c", "F1surv", "141 people", "count", "=", 141, None, "amara-survivors", "people who survived", "1997-03"),
    ("c", "F1temp", "around 11 C", "measure", "~", 11, "degree Celsius", "amara-water-temperature", "water temperature", "1997-03-22"),
    ("n", "OZ-98", "a model name, not a quantity"),
]

PAGES["06_amara_ferry_newswire.txt"] = """Hundreds dead or missing as ferry capsizes off Port Calder

PORT CALDER, March 23 (Island Wire) - Rescuers had pulled 96 survivors from the sea by Sunday evening, a day after the ferry Princess Amara capsized in a storm in the Calder Sound, and at least 210 people were confirmed dead, officials said. More than 300 others were still missing.

The 98-metre ferry left Port Calder at 06:40 local time (2240 GMT Friday) bound for Selva Island, some 60 nautical miles to the south. It was carrying 612 passengers and 48 crew, according to the manifest, but port workers said many more had boarded without tickets.

Survivors said the ship began to lean after a sudden squall, with winds of up to 45 knots and waves of 5 metres, and turned over in less than a quarter of an hour. It went down about 12 kilometres offshore.

"There were children everywhere on the car deck," said a survivor, Joel Mbeki, 34, a teacher.

The ferry's owner, Selvan Coastal Lines, said the vessel had passed a safety inspection in January. Its shares fell 18% on Monday.

Navy divers were expected to reach the hull, which lies in 70 metres of water, on Tuesday.
"""
GOLD["06_amara_ferry_newswire.txt"] = [
    ("n", "March 23", "a date in the dateline, not a quantity"),
    ("c", "F2surv", "96 survivors", "count", "=", 96, None, "amara-survivors-day1", "survivors pulled from the sea by the evening after the sinking", "1997-03-23"),
    ("c", "F2dead", "at least 210", "count", ">=", 210, None, "amara-deaths-day1", "people confirmed dead a day after the sinking", "1997-03-23"),
    ("c", "F2missing", "More than 300", "count", ">", 300, None, "amara-missing-day1", "people still missing a day after the sinking", "1997-03-23"),
    ("c", "F2len", "98-metre", "measure", "=", 98, "metre", "amara-length", "length of the ferry"),
    ("n", "06:40", "a clock time, not a quantity"),
    ("n", "2240 GMT", "a clock time, not a quantity"),
    ("c", "F2route", "some 60 nautical miles", "measure", "~", 60, "nautical mile", "amara-route-length", "distance from Port Calder to Selva Island"),
    ("c", "F2manifest", "612 passengers", "count", "=", 612, None, "amara-manifest-passengers", "passengers on the manifest", "1997-03-22"),
    ("c", "F2crew", "48 crew", "count", "=", 48, None, "amara-crew", "crew on the manifest", "1997-03-22"),
    ("c", "F2wind", "up to 45 knots", "measure", "<=", 45, "knot", "amara-wind", "wind speed of the squall", "1997-03-22"),
    ("c", "F2waves", "5 metres", "measure", "=", 5, "metre", "amara-wave-height", "height of the waves", "1997-03-22"),
    ("c", "F2sank", "less than a quarter of an hour", "duration", "<", 15, "minute", "amara-capsize-time", "time the ferry took to turn over", "1997-03-22"),
    ("c", "F2dist", "about 12 kilometres", "measure", "~", 12, "kilometre", "amara-distance-from-port", "distance offshore where the ferry went down", "1997-03-22"),
    ("o", None, "34", "age", "=", 34, "year", None, "age of the survivor quoted", None, "Mbeki, 34"),
    ("c", "F2shares", "18%", "percent", "=", 18, "percent", None, "fall in the owner's shares on Monday", "1997-03-24"),
    ("c", "F2depth", "70 metres", "measure", "=", 70, "metre", "amara-wreck-depth", "depth of water over the hull"),
]

PAGES["07_amara_ferry_blog.txt"] = """Twenty years after the Princess Amara: what actually changed?

SafeSeas Blog | Filed under: Ferry safety, Regulation | 22 March 2017

Twenty years ago today the Princess Amara, a 323-foot ro-ro ferry certified for 850 passengers, rolled over in the Calder Sound. 471 people died (431 bodies were recovered and 40 were never found). Only 139 survived.

I've spent a lot of time with the inquiry report, and a few numbers stand out. The ship could make a top speed of 17 knots, but that morning she was running at full power into a head sea to keep to the timetable. She was carrying roughly 140 tonnes too much cargo. And nobody knows how many people were really on board: the inquiry said more than 700, survivors' groups have always said closer to 800.

What changed? On paper, a lot. Since 2001 every ferry in the islands must carry liferafts for 125% of its certified capacity, and head counts at the gangway are mandatory. In practice, an audit in 2015 found that 3 in 10 ferries still sailed without a working head-count system.

The wreck still lies in 70 m of water off Port Calder. Divers are not allowed within 500 m of it.

Comments (7)
"""
GOLD["07_amara_ferry_blog.txt"] = [
    ("n", "22 March 2017", "a date, not a quantity"),
    ("o", None, "Twenty years", "duration", "=", 20, "year", None, "years since the sinking (headline)", None, "Twenty years after"),
    ("o", None, "Twenty years", "duration", "=", 20, "year", None, "years since the sinking", None, "Twenty years ago"),
    ("c", "F3len", "323-foot", "measure", "=", 323, "foot", "amara-length", "length of the ferry"),
    ("c", "F3cap", "850 passengers", "count", "=", 850, None, "amara-capacity", "certified passenger capacity"),
    ("c", "F3dead", "471 people", "count", "=", 471, None, "amara-deaths-incl-missing", "people who died, missing included", "1997-03"),
    ("c", "F3bodies", "431 bodies", "count", "=", 431, None, "amara-deaths", "bodies recovered", "1997-03"),
    ("c", "F3missing", "40", "count", "=", 40, None, "amara-missing", "people never found", None, "and 40 were"),
    ("c", "F3surv", "139", "count", "=", 139, None, "amara-survivors", "people who survived", "1997-03", "Only 139"),
    ("c", "F3top", "top speed of 17 knots", "measure", "=", 17, "knot", "amara-top-speed", "top speed of the ferry"),
    ("c", "F3overload", "roughly 140 tonnes", "measure", "~", 140, "tonne", "amara-overload", "cargo carried above the limit", "1997-03-22"),
    ("c", "F3aboard", "more than 700", "count", ">", 700, None, "amara-people-aboard", "people on board according to the inquiry", "1997-03-22"),
    ("c", "F3aboard_groups", "closer to 800", "count", "~", 800, None, "amara-people-aboard-survivors-groups", "people on board according to survivors' groups", "1997-03-22"),
    ("n", "2001", "a year, not a quantity"),
    ("c", "F3rafts", "125%", "percent", "=", 125, "percent", None, "liferaft capacity required, as a share of certified capacity", "2001"),
    ("n", "2015", "a year, not a quantity"),
    ("c", "F3audit", "3 in 10", "percent", "=", 30, "percent", None, "ferries sailing without a working head-count system in a 2015 audit", "2015"),
    ("c", "F3depth", "70 m", "measure", "=", 70, "metre", "amara-wreck-depth", "depth of water over the wreck"),
    ("c", "F3exclusion", "500 m", "measure", "=", 500, "metre", "amara-exclusion-zone", "how close divers may approach the wreck"),
    ("n", "(7)", "a comment count, not a claim"),
]

PAGES["08_amara_ferry_student.txt"] = """Princess Amara Ferry Disaster
Grade 8 Social Studies - Group 3

The Princess Amara was a ferry that sank in the Calder Sound on 22/03/1997. The ship was 98 metres long and could carry 850 passengers, but on the day of the disaster it had over 650 people on board.

The ferry left at 6.40 in the morning. About 9 nautical miles from the port a storm hit the ship. Too much cargo was on the ship so it leaned over by 30 degrees and sank in 15 minutes.

431 people died and 141 people survived. The water was only 11 degrees so many people got hypothermia.

Why did it happen?
1. Too much cargo (140 tonnes extra)
2. The captain, who was 54, did not turn back
3. There were not enough lifejackets - only 520 for everyone on board
"""
GOLD["08_amara_ferry_student.txt"] = [
    ("n", "Grade 8", "a school grade, not a quantity"),
    ("n", "Group 3", "a group name, not a quantity"),
    ("n", "22/03/1997", "a date, not a quantity"),
    ("c", "F4len", "98 metres", "measure", "=", 98, "metre", "amara-length", "length of the ship"),
    ("c", "F4cap", "850 passengers", "count", "=", 850, None, "amara-capacity", "passenger capacity"),
    ("c", "F4aboard", "over 650 people", "count", ">", 650, None, "amara-people-aboard", "people on board on the day", "1997-03-22"),
    ("n", "6.40", "a clock time, not a quantity"),
    ("c", "F4dist", "About 9 nautical miles", "measure", "~", 9, "nautical mile", "amara-distance-from-port", "distance from port where the storm hit", "1997-03-22"),
    ("c", "F4list", "30 degrees", "measure", "=", 30, "degree", "amara-list", "list before the ship sank", "1997-03-22"),
    ("c", "F4sank", "15 minutes", "duration", "=", 15, "minute", "amara-capsize-time", "time the ship took to sink", "1997-03-22"),
    ("c", "F4dead", "431 people", "count", "=", 431, None, "amara-deaths", "people who died", "1997-03"),
    ("c", "F4surv", "141 people", "count", "=", 141, None, "amara-survivors", "people who survived", "1997-03"),
    ("c", "F4temp", "11 degrees", "measure", "=", 11, "degree Celsius", "amara-water-temperature", "water temperature", "1997-03-22"),
    ("n", "1.", "a list marker, not a quantity"),
    ("c", "F4overload", "140 tonnes", "measure", "=", 140, "tonne", "amara-overload", "extra cargo", "1997-03-22"),
    ("n", "2.", "a list marker, not a quantity", "2. The"),
    ("o", None, "54", "age", "=", 54, "year", None, "age of the captain"),
    ("n", "3.", "a list marker, not a quantity", "3. There"),
    ("c", "F4jackets", "only 520", "count", "=", 520, None, "amara-lifejackets", "lifejackets on board", "1997-03-22"),
]

# ---------------------------------------------------------------------------- Kharsang Ri
PAGES["09_kharsang_encyclopedia.txt"] = """Kharsang Ri

From Wikiterra, the free encyclopedia

Kharsang Ri
Highest point
Elevation7,412 m (24,318 ft)
Prominence1,870 m (6,135 ft)
Coordinates28°14'N 85°41'E
Geography
LocationDolpa Himal, Nepal-Tibet border
Parent rangeHimalaya
Climbing
First ascent9 May 1961 by Nima Tamang and Roger Holloway
Easiest routeSouth-west ridge

Kharsang Ri is a mountain in the Dolpa Himal on the border between Nepal and Tibet. Its height was given as 7,409 metres by the Survey of 1952; a GPS survey in 2014 measured 7,412 m, which is now the accepted figure.

The peak was first climbed on 9 May 1961 by an 11-member Anglo-Nepali expedition led by Roger Holloway; two climbers, Holloway and Nima Tamang, reached the summit after 42 days on the mountain.

The standard south-west ridge route starts from a base camp at 4,510 m and uses three high camps. As of 2022, 312 climbers had reached the summit and 41 had died on the mountain, giving it one of the highest fatality rates among 7,000-metre peaks.

A climbing permit cost US$1,800 per person in 2022.
"""
GOLD["09_kharsang_encyclopedia.txt"] = [
    ("c", "K1h", "7,412 m", "measure", "=", 7412, "metre", "kharsang-height-2014", "elevation (infobox; the 2014 GPS figure)", "2014", "Elevation7,412 m"),
    ("o", None, "24,318 ft", "measure", "=", 24318, "foot", "kharsang-height-2014", "elevation, converted (infobox)", "2014"),
    ("c", "K1prom", "1,870 m", "measure", "=", 1870, "metre", "kharsang-prominence", "topographic prominence (infobox)"),
    ("o", None, "6,135 ft", "measure", "=", 6135, "foot", "kharsang-prominence", "prominence, converted (infobox)"),
    ("n", "28°14'N 85°41'E", "coordinates, not a quantity"),
    ("n", "9 May 1961", "a date, not a quantity", "ascent9 May 1961"),
    ("c", "K1h1952", "7,409 metres", "measure", "=", 7409, "metre", "kharsang-height-1952", "height per the Survey of 1952", "1952"),
    ("n", "1952", "a year, not a quantity", "Survey of 1952"),
    ("n", "2014", "a year, not a quantity"),
    ("c", "K1h2014", "7,412 m", "measure", "=", 7412, "metre", "kharsang-height-2014", "height per the 2014 GPS survey", "2014", "measured 7,412 m"),
    ("n", "9 May 1961", "a date, not a quantity", "on 9 May 1961"),
    ("c", "K1team", "11-member", "count", "=", 11, None, "kharsang-first-ascent-team", "members of the first-ascent expedition", "1961"),
    ("c", "K1summiters", "two climbers", "count", "=", 2, None, "kharsang-first-ascent-summiters", "climbers who reached the summit in 1961", "1961"),
    ("c", "K1days", "42 days", "duration", "=", 42, "day", "kharsang-first-ascent-days", "days the 1961 expedition spent on the mountain", "1961"),
    ("c", "K1bc", "4,510 m", "measure", "=", 4510, "metre", "kharsang-base-camp", "altitude of base camp on the standard route"),
    ("c", "K1camps", "three high camps", "count", "=", 3, None, "kharsang-high-camps", "high camps on the standard route"),
    ("n", "2022", "a year, not a quantity", "As of 2022"),
    ("c", "K1summits", "312 climbers", "count", "=", 312, None, "kharsang-summiters-total", "climbers who had reached the summit (as of 2022)", "2022"),
    ("c", "K1deaths", "41", "count", "=", 41, None, "kharsang-deaths-total", "climbers who had died on the mountain (as of 2022)", "2022", "and 41 had"),
    ("o", None, "7,000-metre", "measure", "=", 7000, "metre", None, "class of peaks compared with"),
    ("c", "K1permit", "US$1,800", "money", "=", 1800, "USD", "kharsang-permit", "climbing permit per person", "2022"),
]

PAGES["10_kharsang_newsagency.txt"] = """Sixty years on, Kharsang Ri still tests the best

By Prakash Adhikari

KATHMANDU, May 9 (Himal News Service) - Sixty years after it was first climbed, Kharsang Ri remains one of the most feared peaks in the Himalaya, with only a little over 300 summits and 38 deaths on its slopes, mountaineering officials said on Sunday.

The 7,421-metre peak on the Tibetan border was first scaled on May 9, 1961, by Nima Tamang and the British climber Roger Holloway. Tamang, who died in 2009 aged 81, later said the final ridge took them nine hours.

"It is steeper than Everest on the summit day, and the weather turns in minutes," said Ang Dorje, 47, who has led four expeditions to the mountain.

Only three teams have applied for permits this spring, down from 11 in 2019, because of the pandemic, the tourism department said. A permit costs $1,800 per climber.

The standard route gains more than 2,900 metres from base camp.
"""
GOLD["10_kharsang_newsagency.txt"] = [
    ("n", "May 9", "a date in the dateline, not a quantity", "KATHMANDU, May 9"),
    ("o", None, "Sixty years", "duration", "=", 60, "year", None, "years since the first ascent (headline)", None, "Sixty years on"),
    ("o", None, "Sixty years", "duration", "=", 60, "year", None, "years since the first ascent", None, "Sixty years after"),
    ("c", "K2summits", "a little over 300", "count", ">", 300, None, "kharsang-summiters-total", "summits of the peak so far (as of 2021)", "2021"),
    ("c", "K2deaths", "38 deaths", "count", "=", 38, None, "kharsang-deaths-total", "deaths on its slopes so far (as of 2021)", "2021"),
    ("c", "K2h", "7,421-metre", "measure", "=", 7421, "metre", "kharsang-height-2014", "height of the peak (current figure)", "2021"),
    ("n", "May 9, 1961", "a date, not a quantity"),
    ("n", "2009", "a year, not a quantity"),
    ("o", None, "aged 81", "age", "=", 81, "year", None, "Tamang's age at his death"),
    ("c", "K2ridge", "nine hours", "duration", "=", 9, "hour", "kharsang-1961-final-ridge", "time the final ridge took on the first ascent", "1961"),
    ("o", None, "47", "age", "=", 47, "year", None, "age of the expedition leader quoted", None, "Dorje, 47"),
    ("c", "K2leader", "four expeditions", "count", "=", 4, None, None, "expeditions the quoted leader has led to the mountain"),
    ("c", "K2teams", "three teams", "count", "=", 3, None, "kharsang-permit-teams-2021", "teams applying for permits this spring", "2021"),
    ("c", "K2teams2019", "11", "count", "=", 11, None, "kharsang-permit-teams-2019", "teams applying for permits in 2019", "2019", "from 11 in"),
    ("n", "2019", "a year, not a quantity"),
    ("c", "K2permit", "$1,800", "money", "=", 1800, "USD", "kharsang-permit", "permit cost per climber", "2021"),
    ("c", "K2gain", "more than 2,900 metres", "measure", ">", 2900, "metre", "kharsang-route-gain", "height gained on the standard route from base camp"),
]

PAGES["11_kharsang_blog.txt"] = """Kharsang Ri, autumn 2018: 38 days, one summit, all ten fingers

posted 14 Nov 2018 by Jo Whitfield | tags: himalaya, expeditions, kharsang

Kharsang Ri is 7,409m (the old survey height, which most maps still use) and it had been on my list for a decade. Our team was six climbers and four Sherpa staff, and in the end we spent 38 days on the expedition, door to door from Kathmandu.

Base camp sits at about 4,500 m on a moraine shelf. From there it's three camps up the south-west ridge; Camp 3 is at 6,850 m and it is a miserable place. On summit day we left Camp 3 at 1:30 a.m. and reached the top at 11:05. It was -28 C with the wind. I have never been so cold.

A bit of history: the first ascent was in 1961 by a team of 13 climbers, of whom only two made the top. Fewer than 300 people have stood on the summit since, which surprised me given how many 8,000ers get climbed every year.

Kit list and costs are in the next post. Short version: the whole trip cost me about GBP 14,000.
"""
GOLD["11_kharsang_blog.txt"] = [
    ("c", "K3days", "38 days", "duration", "=", 38, "day", "kharsang-2018-expedition-days", "days the author's 2018 expedition took", "2018", "38 days, one"),
    ("n", "14 Nov 2018", "a date, not a quantity"),
    ("c", "K3h", "7,409m", "measure", "=", 7409, "metre", "kharsang-height-1952", "height per the old survey", "1952"),
    ("c", "K3climbers", "six climbers", "count", "=", 6, None, "kharsang-2018-team", "climbers in the author's 2018 team", "2018"),
    ("c", "K3sherpas", "four Sherpa staff", "count", "=", 4, None, "kharsang-2018-staff", "Sherpa staff in the author's team", "2018"),
    ("o", None, "38 days", "duration", "=", 38, "day", "kharsang-2018-expedition-days", "days the expedition took (repeat)", "2018", "spent 38 days"),
    ("c", "K3bc", "about 4,500 m", "measure", "~", 4500, "metre", "kharsang-base-camp", "altitude of base camp"),
    ("c", "K3camps", "three camps", "count", "=", 3, None, "kharsang-high-camps", "camps up the south-west ridge"),
    ("n", "Camp 3", "a camp name, not a quantity", "Camp 3 is"),
    ("c", "K3c3", "6,850 m", "measure", "=", 6850, "metre", "kharsang-camp3", "altitude of Camp 3"),
    ("n", "Camp 3", "a camp name, not a quantity", "left Camp 3"),
    ("n", "1:30 a.m.", "a clock time, not a quantity"),
    ("n", "11:05", "a clock time, not a quantity"),
    ("c", "K3temp", "-28 C", "measure", "=", -28, "degree Celsius", None, "temperature on summit day with the wind", "2018"),
    ("n", "1961", "a year, not a quantity"),
    ("c", "K3team", "13 climbers", "count", "=", 13, None, "kharsang-first-ascent-team", "climbers in the first-ascent team", "1961"),
    ("c", "K3summiters", "only two", "count", "=", 2, None, "kharsang-first-ascent-summiters", "first-ascent climbers who made the top", "1961"),
    ("c", "K3summits", "Fewer than 300", "count", "<", 300, None, "kharsang-summiters-total", "people who have stood on the summit (as of 2018)", "2018"),
    ("o", None, "8,000ers", "measure", "=", 8000, "metre", None, "class of peaks compared with"),
    ("c", "K3cost", "about GBP 14,000", "money", "~", 14000, "GBP", None, "what the whole trip cost the author", "2018"),
]

# ---------------------------------------------------------------------------- Calloway Strait Bridge
PAGES["12_calloway_bridge_encyclopedia.txt"] = """Calloway Strait Bridge

From Wikiterra, the free encyclopedia

Calloway Strait Bridge
Carries6 lanes of road
CrossesCalloway Strait
DesignCable-stayed
Total length16.4 km (10.2 mi)
Longest span1,210 m (3,970 ft)
Clearance below65 m
Tower height227 m
Construction start2011
Opened1 July 2018
Construction costUS$4.1 billion
Daily traffic48,000 (2019)

The Calloway Strait Bridge is a road crossing between Port Ellery and the island of Marrow. The crossing is 16.4 km long including its approach viaducts; the bridge proper, over open water, measures 11.8 km. Its main span of 1,210 metres was the longest of any cable-stayed bridge when it opened.[5]

Construction

Work began in 2011 and employed about 5,000 workers at its peak. The project's original budget was US$3.2 billion; delays to the foundations of the two main towers, each 227 m tall, pushed the final cost to US$4.1 billion. Nine workers died during construction.

Traffic

The toll for a car was set at $12 at opening. Traffic averaged 48,000 vehicles a day in 2019, its first full year, compared with a forecast of 40,000. The speed limit is 90 km/h.
"""
GOLD["12_calloway_bridge_encyclopedia.txt"] = [
    ("c", "B1lanes", "6 lanes", "count", "=", 6, None, "calloway-lanes", "road lanes carried (infobox)"),
    ("c", "B1len", "16.4 km", "measure", "=", 16.4, "kilometre", "calloway-total-length", "total length (infobox)", None, "length16.4 km"),
    ("o", None, "10.2 mi", "measure", "=", 10.2, "mile", "calloway-total-length", "total length, converted (infobox)"),
    ("c", "B1span", "1,210 m", "measure", "=", 1210, "metre", "calloway-main-span", "longest span (infobox)", None, "span1,210 m"),
    ("o", None, "3,970 ft", "measure", "=", 3970, "foot", "calloway-main-span", "longest span, converted (infobox)"),
    ("c", "B1clear", "65 m", "measure", "=", 65, "metre", "calloway-clearance", "navigational clearance below (infobox)"),
    ("c", "B1tower", "227 m", "measure", "=", 227, "metre", "calloway-tower-height", "height of the towers (infobox)", None, "height227 m"),
    ("n", "2011", "a year, not a quantity", "start2011"),
    ("n", "1 July 2018", "a date, not a quantity"),
    ("c", "B1cost", "US$4.1 billion", "money", "=", 4.1e9, "USD", "calloway-final-cost", "construction cost (infobox)", None, "costUS$4.1 billion"),
    ("c", "B1traffic", "48,000", "count", "=", 48000, None, "calloway-daily-traffic-2019", "daily traffic in 2019 (infobox)", "2019", "traffic48,000"),
    ("n", "(2019)", "a year in parentheses, not a quantity", "48,000 (2019)"),
    ("c", "B1len_text", "16.4 km", "measure", "=", 16.4, "kilometre", "calloway-total-length", "length of the crossing including approach viaducts", None, "is 16.4 km"),
    ("c", "B1proper", "11.8 km", "measure", "=", 11.8, "kilometre", "calloway-bridge-proper-length", "length of the bridge proper over open water"),
    ("c", "B1span_text", "1,210 metres", "measure", "=", 1210, "metre", "calloway-main-span", "length of the main span"),
    ("n", "[5]", "a note marker"),
    ("n", "2011", "a year, not a quantity", "began in 2011"),
    ("c", "B1workers", "about 5,000 workers", "count", "~", 5000, None, "calloway-workers-peak", "workers employed at the peak of construction"),
    ("c", "B1budget", "US$3.2 billion", "money", "=", 3.2e9, "USD", "calloway-original-budget", "original budget of the project"),
    ("o", None, "two main towers", "count", "=", 2, None, None, "main towers of the bridge"),
    ("o", None, "227 m tall", "measure", "=", 227, "metre", "calloway-tower-height", "height of each main tower (repeat)"),
    ("o", None, "US$4.1 billion", "money", "=", 4.1e9, "USD", "calloway-final-cost", "final cost (repeat)", None, "cost to US$4.1 billion"),
    ("c", "B1deaths", "Nine workers", "count", "=", 9, None, "calloway-construction-deaths", "workers who died during construction"),
    ("c", "B1toll", "$12", "money", "=", 12, "USD", "calloway-toll-2018", "car toll at opening", "2018"),
    ("c", "B1traffic_text", "48,000 vehicles a day", "count", "=", 48000, None, "calloway-daily-traffic-2019", "average daily traffic in 2019", "2019"),
    ("n", "2019", "a year, not a quantity", "day in 2019"),
    ("c", "B1forecast", "40,000", "count", "=", 40000, None, "calloway-daily-traffic-forecast", "forecast daily traffic"),
    ("c", "B1limit", "90 km/h", "measure", "=", 90, "kilometre per hour", "calloway-speed-limit", "speed limit on the bridge"),
]

PAGES["13_calloway_bridge_newsagency.txt"] = """Calloway Strait Bridge opens after seven years and $900 million overrun

PORT ELLERY, July 1 (Coastal News Agency) - The 16.4-kilometre Calloway Strait Bridge opened to traffic on Sunday, cutting the journey between Port Ellery and Marrow island from 75 minutes by ferry to about 15 minutes by car.

The six-lane crossing cost $4.1 billion, nearly $900 million more than planned, after problems with the foundations of its two 227-metre towers delayed the project by two years. Seven workers were killed during construction, the contractor said.

Officials expect around 40,000 vehicles a day to use the bridge in its first year. Cars will pay a toll of $12 each way.

The first vehicles crossed at 6:00 a.m. Sunday. Premier Dana Whitlock, who cut the ribbon on Saturday, called it "the most important piece of infrastructure this state has built in 50 years."

The Marrow ferry service, which carried 2.3 million passengers last year, will end in September.
"""
GOLD["13_calloway_bridge_newsagency.txt"] = [
    ("c", "B2years", "seven years", "duration", "=", 7, "year", "calloway-construction-years", "years the bridge took to build", "2018"),
    ("c", "B2overrun_head", "$900 million", "money", "=", 9e8, "USD", "calloway-overrun", "cost overrun (headline)", None, "and $900 million"),
    ("n", "July 1", "a date in the dateline, not a quantity"),
    ("c", "B2len", "16.4-kilometre", "measure", "=", 16.4, "kilometre", "calloway-total-length", "length of the crossing"),
    ("c", "B2ferry", "75 minutes", "duration", "=", 75, "minute", "calloway-ferry-journey", "journey time by ferry before the bridge"),
    ("c", "B2car", "about 15 minutes", "duration", "~", 15, "minute", "calloway-car-journey", "journey time by car over the bridge", "2018"),
    ("c", "B2lanes", "six-lane", "count", "=", 6, None, "calloway-lanes", "lanes of the crossing"),
    ("c", "B2cost", "$4.1 billion", "money", "=", 4.1e9, "USD", "calloway-final-cost", "final cost of the crossing", None, "cost $4.1 billion"),
    ("c", "B2overrun", "nearly $900 million", "money", "<", 9e8, "USD", "calloway-overrun", "how much more than planned the crossing cost"),
    ("o", None, "two", "count", "=", 2, None, None, "towers of the bridge", None, "its two 227"),
    ("c", "B2tower", "227-metre", "measure", "=", 227, "metre", "calloway-tower-height", "height of the towers"),
    ("c", "B2delay", "two years", "duration", "=", 2, "year", "calloway-delay", "delay caused by the foundation problems"),
    ("c", "B2deaths", "Seven workers", "count", "=", 7, None, "calloway-construction-deaths", "workers killed during construction, per the contractor"),
    ("c", "B2forecast", "around 40,000", "count", "~", 40000, None, "calloway-daily-traffic-forecast", "vehicles a day expected in the first year"),
    ("c", "B2toll", "$12", "money", "=", 12, "USD", "calloway-toll-2018", "car toll each way at opening", "2018"),
    ("n", "6:00 a.m.", "a clock time, not a quantity"),
    ("o", None, "50 years", "duration", "=", 50, "year", None, "period the premier compared with"),
    ("c", "B2ferrypax", "2.3 million passengers", "count", "=", 2.3e6, None, "calloway-ferry-passengers", "passengers the Marrow ferry carried last year", "2017"),
]

PAGES["14_calloway_bridge_blog.txt"] = """Driving the Calloway Strait Bridge (and is the toll worth it?)

Road Trip Diaries - April 2023

So we finally drove it! The Calloway Strait Bridge is about 10 miles end to end, and at the 90 km/h limit it took us 11 minutes from the toll plaza to the Marrow side. The view from the top of the main span is unreal: you're 65 metres above the water, and the two towers (each taller than a 60-storey building) just keep coming at you.

The toll was $14 when we crossed, up from $12 when the bridge opened in 2018. Not cheap, but the ferry used to take well over an hour.

Traffic has grown a lot: the state says it now carries about 61,000 vehicles a day, way above the 40,000 they planned for. We crossed on a Saturday at 10:15 and it was busy but moving.

Tip: pull into the Lookout 2 rest area on the Marrow side for photos. Parking is free for 30 minutes.

Posted in: Road trips | 3 Comments
"""
GOLD["14_calloway_bridge_blog.txt"] = [
    ("n", "April 2023", "a date, not a quantity"),
    ("c", "B3len", "about 10 miles", "measure", "~", 10, "mile", "calloway-total-length", "length of the bridge end to end"),
    ("c", "B3limit", "90 km/h", "measure", "=", 90, "kilometre per hour", "calloway-speed-limit", "speed limit on the bridge"),
    ("c", "B3time", "11 minutes", "duration", "=", 11, "minute", None, "time the crossing took the author from the toll plaza", "2023"),
    ("c", "B3clear", "65 metres", "measure", "=", 65, "metre", "calloway-clearance", "height above the water at the top of the main span"),
    ("o", None, "two towers", "count", "=", 2, None, None, "towers of the bridge"),
    ("o", None, "60-storey", "count", "=", 60, None, None, "storeys of a building the towers exceed (comparison)"),
    ("c", "B3toll", "$14", "money", "=", 14, "USD", "calloway-toll-2023", "car toll in 2023", "2023"),
    ("c", "B3toll2018", "$12", "money", "=", 12, "USD", "calloway-toll-2018", "car toll at opening", "2018"),
    ("n", "2018", "a year, not a quantity"),
    ("o", None, "well over an hour", "duration", ">", 1, "hour", "calloway-ferry-journey", "journey time by ferry"),
    ("c", "B3traffic", "about 61,000 vehicles a day", "count", "~", 61000, None, "calloway-daily-traffic-2023", "vehicles a day the bridge carries now", "2023"),
    ("c", "B3forecast", "40,000", "count", "=", 40000, None, "calloway-daily-traffic-forecast", "daily traffic planned for"),
    ("n", "10:15", "a clock time, not a quantity"),
    ("n", "Lookout 2", "a place name, not a quantity"),
    ("c", "B3parking", "30 minutes", "duration", "=", 30, "minute", None, "free parking time at the rest area"),
    ("n", "3 Comments", "a comment count, not a claim"),
]

PAGES["15_calloway_bridge_student.txt"] = """Calloway Strait Bridge
My Engineering Project, by Priya S. (Year 10)

The Calloway Strait Bridge is a cable-stayed bridge that joins Port Ellery to the island of Marrow. It opened in 2018.

Facts
* The bridge is 11.8 km long over the water.
* The main span is 1,120 metres, which was a world record for this kind of bridge.
* It has 2 towers that are 227 m high.
* It cost 4.1 billion dollars to build, but the plan was only 3.2 billion.
* 9 workers died while it was being built.
* Around 5,000 people worked on it at the same time.

I chose this bridge because my uncle was one of the engineers. He says the cables, if you put them end to end, would be 52,000 km long - more than going round the Earth!
"""
GOLD["15_calloway_bridge_student.txt"] = [
    ("n", "Year 10", "a school year, not a quantity"),
    ("n", "2018", "a year, not a quantity"),
    ("c", "B4proper", "11.8 km", "measure", "=", 11.8, "kilometre", "calloway-bridge-proper-length", "length of the bridge over the water"),
    ("c", "B4span", "1,120 metres", "measure", "=", 1120, "metre", "calloway-main-span", "length of the main span"),
    ("o", None, "2 towers", "count", "=", 2, None, None, "towers of the bridge"),
    ("c", "B4tower", "227 m", "measure", "=", 227, "metre", "calloway-tower-height", "height of the towers"),
    ("c", "B4cost", "4.1 billion dollars", "money", "=", 4.1e9, "USD", "calloway-final-cost", "cost to build"),
    ("c", "B4budget", "3.2 billion", "money", "=", 3.2e9, "USD", "calloway-original-budget", "planned cost"),
    ("c", "B4deaths", "9 workers", "count", "=", 9, None, "calloway-construction-deaths", "workers who died during construction"),
    ("c", "B4workers", "Around 5,000 people", "count", "~", 5000, None, "calloway-workers-peak", "people working on it at the same time"),
    ("c", "B4cables", "52,000 km", "measure", "=", 52000, "kilometre", "calloway-cable-length", "total length of the cables end to end"),
]

# ---------------------------------------------------------------------------- pairs
# (label a, label b, expect, why)
PAIRS: list[tuple[str, str, str, str]] = [
    # Tessaro dam
    ("D1deaths", "D2deaths", "conflict", "official death toll of the dam failure: 1,204 vs 1,210 killed"),
    ("D1deaths", "D4deaths", "conflict", "death toll of the dam failure: 1,204 vs 1,198 victims"),
    ("D1deaths", "D2deaths", "same_group", "both are the dam failure's death toll"),
    ("D1deaths", "D3deaths", "same_group", "1,204 is within 'around 1,200'"),
    ("D1deaths", "D3deaths", "no_conflict", "1,204 is within 'around 1,200'"),
    ("D2deaths", "D3deaths", "no_conflict", "1,210 is within 'around 1,200'"),
    ("D1deaths", "D2hist", "no_conflict", "historians' estimate counting undocumented seasonal workers vs the official count"),
    ("D1deaths", "D3rumour", "no_conflict", "an unsupported local rumour reported as such vs the official toll"),
    ("D1missing", "D4missing", "same_group", "both: 37 missing / never found"),
    ("D1missing", "D4deaths", "different_group", "missing vs dead"),
    ("D1h", "D2h_ft", "same_group", "85 m dam height vs 279-foot dam height (the same)"),
    ("D1h", "D3h", "same_group", "85 m vs about 85m"),
    ("D1h", "D4h", "conflict", "height of the dam: 85 m vs 92 meters"),
    ("D1crest", "D3crest", "same_group", "crest 212 m vs 700-foot (213 m)"),
    ("D1crest", "D3crest", "no_conflict", "212 m is 696 ft, i.e. a 700-foot crest"),
    ("D1wave", "D2wave", "conflict", "height of the flood wave: up to 30 metres vs estimated at 40 metres"),
    ("D1wave", "D4wave", "same_group", "flood wave height: up to 30 m vs 30 m"),
    ("D1wave", "D4wave", "no_conflict", "30 m is within 'up to 30 metres'"),
    ("D1time", "D4time", "no_conflict", "flood-wave travel time: 'under eight minutes' vs '8 minutes' agree within the hedge"),
    ("D1time", "D3time", "no_conflict", "under eight minutes is also less than ten minutes"),
    ("D1time", "D3time", "same_group", "both are the time the wave took to reach Borgo Sorra"),
    ("D1released", "D3vol", "no_conflict", "water released (about 50 million m3) vs water held (about 50 million m3)"),
    ("D1vol", "D2vol", "same_group", "reservoir capacity: 52 million m3 vs around 52 million m3"),
    ("D1vol", "D3vol", "no_conflict", "52 million is within 'about 50 million' cubic metres"),
    ("D1slide", "D4slide", "same_group", "landslide volume: some 3 million vs 3 million cubic metres"),
    ("D1evac", "D2evac", "same_group", "people evacuated down the valley: around 9,000 vs roughly 9,000"),
    ("D1homeless", "D4homeless", "same_group", "left homeless: about 4,000 vs 4,000"),
    ("D1cost", "D4cost", "same_group", "construction cost 2.3 billion lire in both"),
    ("D1cost", "D4cost_eur", "different_group", "cost in 1954 lire vs a student's conversion to today's euros"),
    ("D4cost", "D1rebuild", "different_group", "cost of the dam vs cost of rebuilding the town"),
    ("D1rain", "D4rain", "same_group", "days of rain: eleven vs 11"),
    ("D1dist", "D4dist", "same_group", "distance of Borgo Sorra: 6 km vs 6 kilometres"),
    ("D2houses", "D1homeless", "different_group", "houses destroyed vs people left homeless"),
    ("D2attend", "D4museum", "different_group", "2008 ceremony attendance vs annual museum visitors"),
    ("D3pools", "D4museum", "different_group", "swimming pools (comparison) vs museum visitors"),
    ("D2evac", "D3pools", "different_group", "people evacuated vs a pool-count comparison"),
    # Princess Amara
    ("F1surv", "F3surv", "conflict", "final number of survivors: 141 vs 139"),
    ("F4surv", "F3surv", "conflict", "final number of survivors: 141 vs 139"),
    ("F1surv", "F4surv", "same_group", "final number of survivors: 141 in both"),
    ("F1surv", "F2surv", "no_conflict", "96 survivors rescued by the day after vs 141 in the end"),
    ("F1surv", "F2surv", "different_group", "survivors counted a day after vs the final count"),
    ("F1bodies", "F3bodies", "same_group", "bodies recovered: 431 in both"),
    ("F1bodies", "F4dead", "same_group", "431 bodies recovered vs 431 died"),
    ("F1bodies", "F3dead", "no_conflict", "431 bodies recovered vs 471 dead including the 40 missing"),
    ("F4dead", "F3dead", "no_conflict", "431 dead (bodies) vs 471 dead including the missing"),
    ("F1lives", "F3dead", "no_conflict", "471 is at least 431"),
    ("F2dead", "F1bodies", "no_conflict", "at least 210 confirmed dead a day after vs 431 in the end"),
    ("F2missing", "F1missing", "no_conflict", "more than 300 missing a day after vs 40 missing in the end"),
    ("F2missing", "F1missing", "different_group", "missing a day after vs still missing years later"),
    ("F1missing", "F3missing", "same_group", "40 missing / never found in both"),
    ("F1manifest", "F2manifest", "same_group", "manifest: 612 passengers in both"),
    ("F2manifest", "F1aboard", "different_group", "passengers on the manifest vs people actually aboard per the inquiry"),
    ("F2manifest", "F3aboard", "no_conflict", "manifest count vs the inquiry's estimate of people aboard"),
    ("F1aboard", "F3aboard_groups", "no_conflict", "survivors' groups' estimate (closer to 800) vs the inquiry's 'more than 700'"),
    ("F1aboard", "F4aboard", "no_conflict", "more than 700 is also over 650"),
    ("F1aboard", "F4aboard", "same_group", "both are the people aboard on the day"),
    ("F1cap", "F3cap", "same_group", "certified capacity 850 in both"),
    ("F3cap", "F1cap_orig", "different_group", "capacity after 1989 vs as built in 1978"),
    ("F4cap", "F1aboard", "different_group", "capacity vs people aboard"),
    ("F1len", "F2len", "same_group", "length 98.4 m vs 98-metre"),
    ("F1len", "F3len", "same_group", "length 98.4 m vs 323-foot"),
    ("F2len", "F4len", "no_conflict", "98-metre vs 98 metres"),
    ("F1speed", "F3top", "no_conflict", "service speed 15 knots vs top speed 17 knots"),
    ("F1speed", "F3top", "different_group", "service speed vs top speed"),
    ("F1dist", "F2dist", "conflict", "where the ferry sank: about 9 nautical miles (17 km) vs about 12 kilometres offshore"),
    ("F1dist", "F4dist", "same_group", "about 9 nautical miles in both"),
    ("F1wind", "F2wind", "same_group", "wind in the squall: 40 knots vs up to 45 knots"),
    ("F1wind", "F2wind", "no_conflict", "40 knots is within 'up to 45 knots'"),
    ("F1sank", "F4sank", "same_group", "time to capsize: within 15 minutes vs 15 minutes"),
    ("F2sank", "F4sank", "same_group", "time to capsize: less than a quarter of an hour vs 15 minutes"),
    ("F1temp", "F4temp", "same_group", "water temperature: around 11 C vs 11 degrees"),
    ("F1overload", "F4overload", "same_group", "overload: about 140 tonnes vs 140 tonnes"),
    ("F2depth", "F3depth", "same_group", "depth over the wreck: 70 metres in both"),
    ("F2depth", "F3exclusion", "different_group", "depth of the wreck vs the divers' exclusion distance"),
    ("F1crew", "F2crew", "same_group", "48 crew in both"),
    # Kharsang Ri
    ("K1h2014", "K2h", "conflict", "current (2014 GPS) height of the peak: 7,412 m vs 7,421 m"),
    ("K1h", "K2h", "conflict", "current height of the peak: 7,412 m vs 7,421 m"),
    ("K1h2014", "K3h", "no_conflict", "2014 GPS height vs the 1952 survey height the blog names"),
    ("K1h1952", "K3h", "same_group", "1952 survey height: 7,409 m in both"),
    ("K1h1952", "K2h", "different_group", "1952 survey height vs the current figure"),
    ("K1team", "K3team", "conflict", "size of the 1961 first-ascent team: 11 vs 13"),
    ("K1summiters", "K3summiters", "same_group", "two reached the summit in 1961 in both"),
    ("K1days", "K3days", "different_group", "1961 expedition's 42 days vs the blogger's 38-day trip"),
    ("K2deaths", "K3days", "different_group", "38 deaths vs a 38-day expedition"),
    ("K1deaths", "K2deaths", "no_conflict", "41 deaths as of 2022 vs 38 as of 2021"),
    ("K1summits", "K2summits", "no_conflict", "312 summiters (2022) vs a little over 300 (2021)"),
    ("K1summits", "K3summits", "no_conflict", "312 by 2022 vs fewer than 300 by 2018"),
    ("K1bc", "K3bc", "same_group", "base camp: 4,510 m vs about 4,500 m"),
    ("K1bc", "K3bc", "no_conflict", "4,510 m is about 4,500 m"),
    ("K1camps", "K3camps", "same_group", "three high camps in both"),
    ("K1permit", "K2permit", "same_group", "permit per climber: US$1,800 in both"),
    ("K1prom", "K2gain", "different_group", "prominence vs the height gained on the route"),
    ("K3c3", "K1h", "different_group", "altitude of Camp 3 vs the summit"),
    ("K2teams2019", "K1team", "different_group", "11 teams applying in 2019 vs the 11-member 1961 team"),
    # Calloway bridge
    ("B1span", "B4span", "conflict", "main span: 1,210 m vs 1,120 metres"),
    ("B1span_text", "B4span", "conflict", "main span: 1,210 metres vs 1,120 metres"),
    ("B1span", "D2deaths", "different_group", "a bridge span of 1,210 m vs 1,210 people killed by a dam failure"),
    ("B1deaths", "B2deaths", "conflict", "workers who died during construction: nine vs seven"),
    ("B2deaths", "B4deaths", "conflict", "workers who died during construction: seven vs 9"),
    ("B1deaths", "B4deaths", "same_group", "construction deaths: nine vs 9"),
    ("B1len", "B2len", "same_group", "total length 16.4 km in both"),
    ("B1len", "B3len", "same_group", "16.4 km (10.2 mi) vs about 10 miles"),
    ("B2len", "B3len", "no_conflict", "16.4 km is about 10 miles"),
    ("B1len", "B4proper", "no_conflict", "total crossing incl. approach viaducts vs the bridge proper over water"),
    ("B1len", "B4proper", "different_group", "total length vs length over open water"),
    ("B1proper", "B4proper", "same_group", "bridge proper over water: 11.8 km in both"),
    ("B1cost", "B2cost", "same_group", "final cost US$4.1 billion in both"),
    ("B1cost", "B4cost", "same_group", "final cost 4.1 billion dollars in both"),
    ("B1cost", "B4budget", "no_conflict", "final cost vs original budget"),
    ("B1budget", "B4budget", "same_group", "original budget 3.2 billion in both"),
    ("B2overrun", "B1budget", "different_group", "overrun vs original budget"),
    ("B1tower", "B2tower", "same_group", "tower height 227 m in both"),
    ("B1tower", "B4tower", "same_group", "tower height 227 m in both"),
    ("B1traffic", "B3traffic", "no_conflict", "48,000 vehicles a day in 2019 vs about 61,000 in 2023"),
    ("B1traffic", "B3traffic", "different_group", "2019 daily traffic vs 2023 daily traffic"),
    ("B1traffic_text", "B2forecast", "no_conflict", "actual 2019 traffic vs the opening-day forecast"),
    ("B1forecast", "B2forecast", "same_group", "forecast daily traffic: 40,000 vs around 40,000"),
    ("B1toll", "B3toll", "no_conflict", "toll $12 at opening vs $14 in 2023"),
    ("B1toll", "B3toll", "different_group", "toll at opening vs toll in 2023"),
    ("B2toll", "B3toll2018", "same_group", "toll at opening $12 in both"),
    ("B1workers", "B4workers", "same_group", "workers at peak: about 5,000 in both"),
    ("B1clear", "B3clear", "same_group", "clearance 65 m in both"),
    ("B1limit", "B3limit", "same_group", "speed limit 90 km/h in both"),
    ("B2car", "B3time", "no_conflict", "about 15 minutes by car (typical journey) vs 11 minutes toll plaza to shore"),
    ("B2years", "K2ridge", "different_group", "unrelated: construction years vs a climb's hours"),
    ("B4cables", "D1vol", "different_group", "unrelated quantities on different topics"),
]


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent))  # tests/goldset.py, the builder both made-up sets share
    from goldset import build

    build(HERE, "heldout", PAGES, GOLD, PAIRS)
