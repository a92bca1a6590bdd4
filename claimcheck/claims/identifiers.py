"""Digits that name, date or score things instead of counting them. Pure Python.

`numbers.py` asks these questions of each figure it finds, with the text just before it
(`before`, ending where the figure starts) and just after it (`after`, starting where it ends):

* names of products, series and places: "Pixel 8", "Windows 11", "FTSE 100", "Game 5", "Unit 2",
  "Article 55", "Districts 2, 4 and 10", and a number sandwiched in a capitalised name
  ("Apollo 11 Mission", "KIA ISAF Role 3 Hospital");
* street addresses, postcodes, shirt numbers, coordinates, journal volumes and pages;
* scores and votes: "won 3-1", "102-98", "passed 406-3" (a descending pair is never a range);
* dates: "March 3", "3-4 March", "AD 79", "549 BC", "11,980 ± 40, ... BP".
"""
from __future__ import annotations

import re

SP = r"[\s\u00a0]"
MONTHS = ("jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
          "july|august|september|october|november|december")
# Words that name a numbered thing: "Article 55", and the rest of a list of them ("Districts 2, 4 and 10",
# "Districts 14 and 19-22"). Read right to left from the figure (see `_word_before`), so the check
# costs the length of the words, not a pattern tried at every position of the text before.
_ID_WORDS = frozenset({"article", "articles", "section", "sections", "chapter", "chapters", "part", "parts",
                       "paragraph", "paragraphs", "clause", "clauses", "no", "nos", "number", "resolution",
                       "resolutions", "rule", "rules", "figure", "figures", "fig", "figs", "table", "tables", "page",
                       "pages", "p", "pp", "vol", "volume", "volumes", "issue", "issues", "route", "routes", "highway",
                       "highways", "interstate", "interstates", "flight", "flights", "room", "rooms", "grade",
                       "grades", "level", "levels", "phase", "phases", "version", "versions", "title", "titles", "act",
                       "acts", "amendment", "amendments", "covid", "unit", "units", "tier", "tiers", "protocol",
                       "protocols", "item", "items", "case", "cases", "episode", "episodes", "season", "seasons",
                       "line", "lines", "platform", "platforms", "gate", "gates", "district", "districts", "zone",
                       "zones", "ward", "wards", "square", "street", "streets", "st", "avenue", "avenues", "road",
                       "roads", "rd", "role", "category", "categories", "class", "type", "model", "series", "exhibit",
                       "exhibits", "appendix", "appendices", "zip", "postcode", "isbn", "issn", "doi", "terminal",
                       "terminals", "reactor", "reactors", "block", "blocks", "building", "buildings", "floor",
                       "floors", "suite", "suites", "apartment", "apartments", "apt", "sector", "sectors", "precinct",
                       "precincts", "regulation", "regulations", "directive", "directives", "bill", "bills",
                       "schedule", "schedules", "annex", "footnote", "footnotes", "note", "notes", "verse", "verses",
                       "psalm", "psalms", "ch", "art", "sec", "para", "cl", "reg", "ref", "op",
                       "asteroid", "comet"})
_ID_PAIRS = frozenset({"group of", "zip code", "postal code", "area code"})
# reversed: the list of numbers, "#", the word (and the word before it), read from the figure leftwards
_WORD_BEFORE_REV = re.compile(r"(?P<list>(?:[\s\u00a0]*(?:,|dna|&|ro|-|–)[\s\u00a0]*[0-9]+)*)#?[\s\u00a0]*(?P<dot>\.?)"
                              r"(?P<word>[A-Za-z]+)(?:[\s\u00a0]+(?P<prev>[A-Za-z]+))?(?![A-Za-z])")
_MONTH_WORDS = frozenset(MONTHS.split("|"))
_DATE_BEFORE_REV = re.compile(r"(?:[\s\u00a0]*[-–][\s\u00a0]*(?:ts|dn|dr|ht)?[0-9]{1,2}(?![0-9]))?[\s\u00a0]+\.?(?P<word>[A-Za-z]+)(?![A-Za-z])")


def _word_before(before: str) -> re.Match[str] | None:
    """The word before a figure (and before the list of figures it ends), read right to left."""
    return _WORD_BEFORE_REV.match(before[::-1])


def _is_id_before(before: str) -> bool:
    m = _word_before(before)
    if m is None:
        return False
    word = m.group("word")[::-1].lower()
    prev = (m.group("prev") or "")[::-1].lower()
    return word in _ID_WORDS or f"{prev} {word}" in _ID_PAIRS


def names_before(before: str) -> bool:
    """Whether the word just before a figure names numbered things ("Article", "Class", "Pixel")."""
    if _is_id_before(before):
        return True
    name = _NAME_BEFORE_REV.match(before[::-1])
    return name is not None and name.group("word")[::-1] in _NAME_WORDS


def _is_date_before(before: str) -> bool:
    m = _DATE_BEFORE_REV.match(before[::-1])
    return m is not None and m.group("word")[::-1].lower() in _MONTH_WORDS


# Capitalised names that take a number: products, indices, games and rounds, missions.
_NAMES = ("Game|Games|Match|Round|Heat|Stage|Leg|Lap|Day|Week|Year|Term|Test|Pixel|Windows|iPhone|iPad|iOS|Android|"
          "Galaxy|Apollo|Artemis|Soyuz|Gemini|Boeing|Airbus|FTSE|Nasdaq|Dow|Stoxx|STOXX|DAX|CAC|IBEX|Nikkei|Kospi|"
          "KOSPI|Sensex|Nifty|Russell|Fortune|Formula|Channel|Radio|Studio|Area|War|Proposition|Prop|Measure|"
          "Question|Mark|Vision|Agenda|Top|Hall|Gen|Generation|Series|Model|Version|Edition|Camp|Sector|Terminal|"
          "Reactor|Block|Building|Floor|Station|Pier|Berth|Runway|Bay|Court|Ward|Unit|Zone|Phase|Level|Tier|Grade|"
          "Class|Type|Mk|Mark|Vol|Flight|Group|Route|Highway|Interstate|Bus|Train|Platform|Gate|Lot|Plot|Squad|Team|"
          "Covid|COVID|Ebola|Omega|Alpha|Beta|Delta|Office|Xbox|PlayStation|Switch|Surface|Note|Watch|Fold|Flip|"
          "Section|Row|Seat|Aisle|Shelf|Box|Bin|Rack|Locker|Cabin|Deck|Coach|Carriage|Stand|Tribune|Polo|Golf|Clio")
_NAME_WORDS = frozenset(_NAMES.split("|"))
_NAME_BEFORE_REV = re.compile(r"[ \u00a0]\.?(?P<word>[A-Za-z]+)(?![A-Za-z])")
_STREET = re.compile(r"^[ \u00a0]+(?:[A-Z][A-Za-z'’.-]*[ \u00a0]+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|"
                     r"Ln|Drive|Dr|Way|Place|Pl|Court|Ct|Square|Sq|Terrace|Parkway|Pkwy|Close|Crescent|Gardens|Row|"
                     r"Highway|Hwy|Plaza|Circle|Walk|Mews|Hill|Park)\b")
_STATE_BEFORE = re.compile(r"\b[A-Z]{2},?[ \u00a0]$")  # "NY 10001", "Washington, DC 20500"
_TITLE_WORD = re.compile(r"[A-Z][\w'’.&-]*|[0-9][\w,.]*|(?:of|the|and|in|on|for|to|a|an|at|by|with|as)\b")
_SCORE_CONTEXT_BEFORE = re.compile(
    r"\b(?:won|beat|beats|beaten|beating|lost|lose|loses|losing|drew|draw|draws|drawn|defeated|defeats|trailed|trailing|"
    r"edged|thrashed|routed|crushed|voted|vote of|victory|win)(?:[ \u00a0]+(?:[A-Z][\w'’.-]*|by|the|a|an|in|at|to|on)){0,3}"
    r"[ \u00a0]+$")
_SCORE_CONTEXT_AFTER = re.compile(r"^[ \u00a0]+(?:win|wins|victory|defeat|loss|lead|vote|votes|decision|majority|ruling|"
                                  r"margin|draw|tie|scoreline|result|home win|away win|in favou?r|against|at half|"
                                  r"on aggregate|after extra time)\b", re.IGNORECASE)
_ERA_AFTER = re.compile(r"^(?:[\s\u00a0]*±[\s\u00a0]*[0-9,.]+)?[\s\u00a0]*(?:BC|BCE|AD|CE|BP|B\.C\.|A\.D\.)(?![A-Za-z])")
_NUM = r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+"
# "11,980 ± 40, 11,940 ± 40, and 6,250 ± 40 BP": a list of dates with the era at its end
_ERA_LIST_AFTER = re.compile(rf"^(?:[\s\u00a0]*±[\s\u00a0]*(?:{_NUM}))?(?:[\s\u00a0]*(?:,|and|or|,[\s\u00a0]*and|to|[-–])[\s\u00a0]*"
                             rf"(?:{_NUM})(?:[\s\u00a0]*±[\s\u00a0]*(?:{_NUM}))?)+[\s\u00a0]*(?:BC|BCE|AD|CE|BP)(?![A-Za-z])")
_ERA_BEFORE = re.compile(r"\b(?:AD|A\.D\.|CE)[\s\u00a0]*$")
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?(?:[\s\u00a0]*[-–][\s\u00a0]*[0-9]{{1,2}}(?:st|nd|rd|th)?)?[\s\u00a0]+"
                         rf"(?:of[\s\u00a0]+)?(?:{MONTHS})\b", re.IGNORECASE)
# "Aug 14 and 15", "March 3 to 5": the second day of a span; "3 and 4 June": the first
_DATE_LIST_BEFORE = re.compile(rf"\b(?:{MONTHS})\.?{SP}+[0-9]{{1,2}}(?:st|nd|rd|th)?(?:{SP}*,{SP}*[0-9]{{1,2}}(?:st|nd|rd|th)?)*"
                               rf"(?:,?{SP}+(?:and|to|or|through|until|till|&){SP}+|{SP}*[-–]{SP}*)$", re.IGNORECASE)
_DATE_LIST_AFTER = re.compile(rf"^(?:st|nd|rd|th)?(?:,?{SP}+(?:and|to|or|through|until|till|&){SP}+|{SP}*[-–,]{SP}*)"
                              rf"[0-9]{{1,2}}(?:st|nd|rd|th)?{SP}+(?:of{SP}+)?(?:{MONTHS})\b", re.IGNORECASE)
# "at 4.15 in the afternoon", "At 3.30, we": a clock time written with a dot
_DOT_CLOCK = re.compile(r"(?:[01]?[0-9]|2[0-3])\.[0-5][0-9]")
_DOT_CLOCK_AFTER = re.compile(r"^[\s\u00a0]*(?:in[\s\u00a0]+the[\s\u00a0]+(?:morning|afternoon|evening)|at[\s\u00a0]+night|o['’]clock|hrs\b|h\b)",
                              re.IGNORECASE)
_AT_CLOCK_BEFORE = re.compile(r"(?<!closed )(?<!traded )(?<!trading )(?<!stood )(?<!priced )(?<!valued )(?<!opened )"
                              r"(?<!rate )(?<!pegged )(?<!fixed )\b(?:[Aa]t|by|until|till|before|after)[\s\u00a0]+$")
_AT_CLOCK_AFTER = re.compile(r"^(?:[\s\u00a0]*[,;]|[\s\u00a0]+(?:in|on|and|we|they|he|she|it|I|the|a|there)\b)")
_UTC_BEFORE = re.compile(r"\b(?:UTC|GMT)[\s\u00a0]?[+−-]?[\s\u00a0]?$")
_CLOCK_AFTER = re.compile(r"^(?::[0-9]{2}|[\s\u00a0]*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b))", re.IGNORECASE)
_COORDINATE_AFTER = re.compile(r"^(?:[°º][\s\u00a0]?(?:[0-9]|[NSEW]\b)|[′'″\"][\s\u00a0]?(?:[0-9]|[NSEW]\b)|[′″])")
_JOURNAL_AFTER = re.compile(r"^[\s\u00a0]?\([0-9]{1,4}\):")  # "34(2): 123-145": volume (issue): pages
_JOURNAL_BEFORE = re.compile(r"[0-9]\([0-9]{1,4}\):[\s\u00a0]?$")


def is_date(before: str, after: str) -> bool:
    """ "March 3", "3 March", "March 3-4", "3-4 March", "Aug 14 and 15", "3 and 4 June", "AD 79",
    "549 BC", clock times and UTC offsets."""
    return bool(_is_date_before(before) or _DATE_AFTER.match(after) or _CLOCK_AFTER.match(after)
                or _ERA_AFTER.match(after) or _ERA_LIST_AFTER.match(after) or _ERA_BEFORE.search(before)
                or (before.rstrip().endswith(_LIST_JOINERS) and _DATE_LIST_BEFORE.search(before))
                or _DATE_LIST_AFTER.match(after) or (("UTC" in before or "GMT" in before) and _UTC_BEFORE.search(before)))


_LIST_JOINERS = ("and", "to", "or", "through", "until", "till", "&", "-", "–", "AND", "TO", "OR")


def is_dot_clock(before: str, digits: str, after: str) -> bool:
    """ "at 4.15 in the afternoon", "At 3.30, we heard": hours and minutes with a dot."""
    if not _DOT_CLOCK.fullmatch(digits):
        return False
    return bool(_DOT_CLOCK_AFTER.match(after) or (_AT_CLOCK_BEFORE.search(before) and _AT_CLOCK_AFTER.match(after)))


# Apparatus whose digits are never claims, found once per page: coordinates in every form (the
# infobox triple "12°31′N 7°12′W / 12.517°N 7.200°W / 12.517; -7.200"), the page number after
# reference markers ("[1][2]: 429"), note markers a footnote parser may not know ("[n 1]"), and
# journal volume(issue), pages ("41(3), 201-219").
# (pattern, a character the page must hold for the pattern to be tried, the characters that may
# not stand before a match). Each pattern starts with a digit or a bracket, so the engine skips to
# those; what stands before is checked after, once per candidate.
_APPARATUS = [(re.compile(rx), key, not_before) for rx, key, not_before in [
    (r"[0-9]{1,3}(?:\.[0-9]+)?[°º](?:[\s\u00a0]?[0-9]{1,2}(?:\.[0-9]+)?[′'])?(?:[\s\u00a0]?[0-9]{1,2}(?:\.[0-9]+)?[″\"])?"
     r"[\s\u00a0]?[NSEW](?![A-Za-z])", "°º", ""),
    # "/ 12.517; -7.200" after a coordinate, or such a pair alone with three decimals or more
    (r"[-−]?[0-9]{1,3}\.(?P<decimals>[0-9]{2,});[\s\u00a0]?[-−]?[0-9]{1,3}\.[0-9]{2,}(?![0-9])", ";", "0123456789.,"),
    (r"\][\s\u00a0]?:[\s\u00a0]?[0-9]{1,4}(?:[-–][0-9]{1,4})?(?![0-9])", "]", ""),
    (r"\[(?:n|nb|note|lower-alpha|upper-alpha)[\s\u00a0]?[0-9]{1,3}\]|\[[0-9]{1,3}\](?=[\[\s:.,;]|$)", "[", ""),
    (r"[0-9]{1,4}\([0-9]{1,4}\)[,:][\s\u00a0]?[0-9]{1,6}(?:[-–][0-9]{1,6})?(?![0-9])", "(", "0123456789"),
]]


def apparatus(text: str) -> list[tuple[int, int]]:
    """Spans of `text` that are coordinates, page numbers after markers, note markers or journal
    volume(issue), pages: masked before any figure is read."""
    spans = []
    for rx, key, not_before in _APPARATUS:
        if not any(k in text for k in key):
            continue
        for m in rx.finditer(text):
            start = m.start()
            if start and text[start - 1] in not_before:
                continue
            if "decimals" in rx.groupindex and len(m.group("decimals")) < 3 and not text[max(0, start - 2):start].rstrip().endswith("/"):
                continue  # "1.25; 2.50" is a list; after "/" (the infobox triple) or with 3 decimals, a coordinate pair
            if text[start] == "[" and m.group()[1:2].isdigit() and not (start and (text[start - 1].isalnum() or text[start - 1] in ".,;:!?]")):
                continue  # a bare "[3]" is a marker only right after a word or a stop
            spans.append((start + (text[start] == "]"), m.end()))
    return spans


def is_named(before: str, after: str, line: str) -> bool:
    """A number that is part of a name: "Article 55", "Pixel 8", "Game 5", "the Apollo 11 Mission"."""
    if _is_id_before(before) or before.endswith("#"):
        return True
    name = _NAME_BEFORE_REV.match(before[::-1])
    if name is not None and name.group("word")[::-1] in _NAME_WORDS:
        return True
    # A capitalised word, a number, then a capitalised word or the end of a clause: "Role 3 Hospital",
    # "Pixel 8." -- but not in a headline in title case ("Storm Kills 20 People").
    # A code in capitals names a thing wherever it stands, a sentence's start included: "). LZ 129 made".
    m = re.search(r"(?<![.!?:;\"“(\n])[ \u00a0](?:[A-Z][a-z]+|[A-Z]{2,})[ \u00a0]$|(?:^|[\s(])[A-Z]{2,4}[ \u00a0]$", before)
    if m and (re.match(r"^(?:[ \u00a0]+[A-Z][a-z]|[.,;:!?)]|'s\b|’s\b|$)", after) or _singular_after(after)) and not title_case(line):
        word = m.group().strip()
        return word.lower() not in _NOT_NAMES
    return False


_NOT_NAMES = set(f"{MONTHS.replace('|', ' ')} monday tuesday wednesday thursday friday saturday sunday "
                 "about around over under nearly almost some just only with by at in on of to from than and or but "
                 "the a an that this these those there here after before since until".split())


def _singular_after(after: str) -> bool:
    """ "PHP 8 release", "FTSE 100 fell": a lowercase word that a count would not take (a count takes
    a plural, "NATO's 30 members", or a word like "of", "more", "each")."""
    m = re.match(r"^[ \u00a0]+([a-z]+)\b", after)
    return m is not None and not m.group(1).endswith("s") and m.group(1) not in _COUNT_WORDS


_COUNT_WORDS = frozenset({"of", "in", "per", "more", "each", "to", "and", "or", "than", "other", "new", "times",
                           "people", "percent", "million", "billion", "thousand", "hundred", "dozen", "who", "which",
                           "that", "were", "are", "was", "is", "had", "have", "has", "will", "would", "could", "may",
                           "might", "can", "did", "do", "died", "fled", "left", "lived", "live", "remain",
                           "remained", "stayed", "came", "went"})


def title_case(line: str) -> bool:
    """A headline in title case: most of its words capitalised ("Storm Kills Three People")."""
    words = line.split()
    if len(words) < 4:
        return False
    return sum(bool(_TITLE_WORD.fullmatch(w.strip("\"“”'‘’(),.:;!?"))) for w in words) >= 0.8 * len(words)


def is_address_or_code(before: str, after: str, digits: str) -> bool:
    """Street numbers, postcodes, shirt numbers, coordinates, journal volumes and pages."""
    if _STREET.match(after) or re.match(r"^[ \u00a0]+(?:shirt|jersey)\b", after, re.IGNORECASE):
        return True
    if len(digits) == 5 and digits.isdigit() and _STATE_BEFORE.search(before) and not re.match(r"^[ \u00a0]+[a-z]+s\b", after):
        return True
    if re.search(r"[0-9]\($", before) and re.match(r"^\):", after):
        return True  # the issue in "612(7939): 123-130"
    if _COORDINATE_AFTER.match(after) or (re.search(r"[°º′'″][\s\u00a0]?$", before) and re.match(r"^[′'″]", after)):
        return True
    return bool(_JOURNAL_AFTER.match(after) or _JOURNAL_BEFORE.search(before))


def is_score(before: str, after: str, first: float, second: float) -> bool:
    """ "won 3-1", "102-98", "passed 406-3", "a 2-3 defeat": two integers joined by a dash that are
    a score or a vote. A pair that descends (or is level) is never a range of counts."""
    if not (first.is_integer() and second.is_integer()):
        return False
    return first >= second or bool(_SCORE_CONTEXT_BEFORE.search(before) or _SCORE_CONTEXT_AFTER.match(after))


# Page furniture: counters a page's widgets show, which no writer claims. A figure with a widget word
# between separators or line ends ("| 14 comments", "3 Comments" ending a byline), a widget label with
# its figure ("Comments (7)", "Share 12", "Likes: 40"), a reading time ("3 min read"), a pager
# ("Page 2 of 5") and a counter after a short heading ("Photos (12)"). "The post drew 14 comments
# from readers" is a sentence, and stays a claim.
_WIDGET = (r"(?:comments?|replies|reply|responses?|shares?|likes?|views?|retweets?|reposts?|reactions?|upvotes?|"
           r"followers?|subscribers?|claps?|photos?|images?|videos?|reviews?|ratings?|articles?|posts?|stories)")
_SEP = r"[|·•/–—]"
_WIDGET_AFTER = re.compile(rf"[\s\u00a0]*{_WIDGET}\b[\s\u00a0]*(?:{_SEP}|$|\n)", re.IGNORECASE)
_LINE_OR_SEP_BEFORE = re.compile(rf"(?:^|{_SEP})[\s\u00a0]*$")
_WIDGET_LABEL_BEFORE = re.compile(rf"(?:^|{_SEP})[\s\u00a0]*{_WIDGET}[\s\u00a0]*[:(]?[\s\u00a0]*$", re.IGNORECASE)
_COUNTER_AFTER = re.compile(rf"\)?[\s\u00a0]*(?:{_SEP}|$|\n)")
_READ_TIME_AFTER = re.compile(r"[\s\u00a0-]*(?:min|mins|minutes?)\.?[\s\u00a0]+read\b", re.IGNORECASE)
_PAGER_BEFORE = re.compile(r"\b(?:[Pp]age|PAGE)[\s\u00a0]+[0-9]+[\s\u00a0]+of[\s\u00a0]+$")
_HEADING_COUNTER_BEFORE = re.compile(r"^[ \t]*[A-Z][\w'’&]*(?:[ \t][\w'’&]+){0,3}[ \t]*\($")


def is_page_furniture(line_before: str, after: str) -> bool:
    """Whether the figure between `line_before` (its line up to it) and `after` (the text after it)
    is a widget's counter, a reading time or a pager, not a claim."""
    if _READ_TIME_AFTER.match(after) or _PAGER_BEFORE.search(line_before):
        return True
    if _WIDGET_AFTER.match(after) and _LINE_OR_SEP_BEFORE.search(line_before):
        return True
    return bool(_COUNTER_AFTER.match(after)
                and (_WIDGET_LABEL_BEFORE.search(line_before) or _HEADING_COUNTER_BEFORE.match(line_before)))

