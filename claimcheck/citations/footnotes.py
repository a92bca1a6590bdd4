"""Footnotes and markers: Document -> Notes.

Endnote lists come as `2. Author, “Title,” Publisher, July 11, 2019, https://...` lines, `[19] ...`
lines under an Endnotes/References/Notes heading, Markdown footnotes (`[^1]: ...`) or an HTML
ordered list. Markers in the text come as `[19]`, `[^1]`, `<sup>3</sup>`, or glued to a word in
text converted from HTML (`Uyghurs2`, `them.5`, `(‘Fatherland’)7`, `50.4` = 50 then marker 4).
A glued number is a marker only where the document has a footnote of that number.
"""
from __future__ import annotations

import bisect
import re

from ..documents import guard
from ..model import Document, Footnote, Marker, Notes

_HEADING = re.compile(r"^[ \t#]*(?:end ?notes|notes|references|footnotes|sources|citations|bibliography|works cited)[ \t]*:?[ \t]*$", re.IGNORECASE | re.MULTILINE)
_ENTRY = re.compile(r"^[ \t]*(?:\[(?P<b>\d{1,4})\]|(?P<d>\d{1,4})\.|\[\^(?P<md>[\w-]+)\]:)(?:[ \t]+|$)", re.MULTILINE)
# Schemes without "//" only in lower case: "File:Kabul 2015.jpg" in a wiki dump is a page name.
# A URL ends at "]" (a bracketed "[https://...]" citation), except the one closing an IPv6 host.
_URL = re.compile(r"""(?:https?|ftp|file)://(?:\[[0-9a-f:.]+(?:%25[\w.~-]+)?\][^\s<>"“”‘’\]]*|[^\s<>"“”‘’\]]+)"""
                  r"""|\b(?-i:javascript|mailto|data):[^\s<>"“”]+""", re.IGNORECASE)
_BRACKET_MARKER = re.compile(r"\[(\d{1,4}(?:[ \t]*[,–-][ \t]*\d{1,4})*)\]")
_MD_MARKER = re.compile(r"\[\^([\w-]+)\](?!:)")
_GLUED = re.compile(r"(?:(?<=[a-z]{2})|(?<=[.,;:!?’'”\")\]]))(\d{1,3})(?=[\s.,;:)]|$)")
_DECIMAL_MARKER = re.compile(r"(?<![\d.,])(\d+)\.(\d{1,3})(?=\s+[A-Z“‘\"']|\s*$)", re.MULTILINE)
_PROSE_AFTER_BLANK = re.compile(r"\n[ \t]*\n(?=[^\n]*[a-z][^\n]{60,})")
_MONTH_DATE = re.compile(
    r"\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}"
    r"|(?<![\d/])(?:1[5-9]|20)\d{2}(?![\d/]))")


_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def note_number(label: str, digits: int = 6) -> int | None:
    """A footnote number from its label: decimal digits (superscript ones too), at most `digits` of them.

    `"12"` -> 12, `"²"` -> 2; `"note"`, `"½"` and a 5,000-digit label -> None (int() would raise).
    """
    label = label.translate(_SUPERSCRIPT_DIGITS)
    return int(label) if label.isdecimal() and len(label) <= digits else None


def clean_url(raw: str) -> str:
    """Trim what a sentence glued to a URL: trailing punctuation and unbalanced closers."""
    opened = {")": raw.count("("), "]": raw.count("[")}
    closed = {")": raw.count(")"), "]": raw.count("]")}  # counted once, kept current while trimming
    end = len(raw)
    while end:
        last = raw[end - 1]
        if last in ".,;:!?'\"’”»*_":
            end -= 1
        elif last in closed and closed[last] > opened[last]:
            closed[last] -= 1
            end -= 1
        else:
            break
    return raw[:end]


def find_urls(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    end = len(text) if end is None else end
    out = []
    for m in _URL.finditer(text, start, end):
        url = clean_url(m.group())
        out.append((url, m.start(), m.start() + len(url)))
    return out


def iso_date(text: str) -> str | None:
    """The first date in a footnote as ISO: YYYY-MM-DD where the day is given, else YYYY-MM / YYYY."""
    m = _MONTH_DATE.search(text)
    if not m:
        return None
    raw = m.group().replace(",", "")
    if re.fullmatch(r"\d{4}", raw):
        return raw
    from datetime import datetime

    from dateutil import parser

    has_day = bool(re.search(r"\b\d{1,2}\b", re.sub(r"\d{4}", "", raw)))
    try:
        when = parser.parse(raw, default=datetime(1900, 1, 1))
    except (ValueError, OverflowError):
        return None
    return when.strftime("%Y-%m-%d" if has_day else "%Y-%m")


def _quoted(text: str) -> tuple[int, int] | None:
    """Span of the first quoted stretch, quotes included: what `[“"](.+)[”"]` matches, in linear time.

    Leftmost opening quote, then the last closing quote on the same line with something between
    (the pattern is greedy, and `.` stops at a line break). The pattern itself backtracked from
    every opening quote to the end of its line: quadratic on a line of 100,000 of them.
    """
    line_start = 0
    while line_start <= len(text):
        line_end = text.find("\n", line_start)
        if line_end < 0:
            line_end = len(text)
        close = max(text.rfind("”", line_start, line_end), text.rfind('"', line_start, line_end))
        openers = [i for i in (text.find("“", line_start, line_end), text.find('"', line_start, line_end)) if i >= 0]
        if openers and close >= 0 and min(openers) < close - 1:
            return min(openers), close + 1
        line_start = line_end + 1
    return None


def split_footnote(body: str) -> tuple[str | None, str | None, str | None]:
    """(authors, title, publisher) of one endnote, Chicago-style or close to it."""
    without_urls = _URL.sub("", body).strip().rstrip(".;, ")
    title = None
    quoted = _quoted(without_urls)
    if quoted:
        title = without_urls[quoted[0] + 1:quoted[1] - 1].strip().rstrip(",.")
        before, after = without_urls[:quoted[0]], without_urls[quoted[1]:]
    else:
        before, after = without_urls, ""
    paren = re.search(r"\(([^()]*:\s*)?([^():]+?),\s*(?:\d{4})\)", without_urls)
    if not quoted and paren:  # book: "Title (City, ST: Publisher, 2020)"
        head = without_urls[:paren.start()].strip()
        who, _, book = head.partition(", ")
        return who or None, book or None, paren.group(2).strip()
    def is_part(p: str) -> bool:
        return bool(p) and not _MONTH_DATE.fullmatch(p) and not re.fullmatch(r"(?:pp?\.?\s*[\d\s–-]+|accessed.*|retrieved.*|see|op\.?\s?cit\.?)", p, re.IGNORECASE)
    after_parts = [p.strip() for p in re.split(r",\s*", _MONTH_DATE.sub("", after)) if is_part(p.strip())]
    before_parts = [p.strip() for p in re.split(r",\s*", re.sub(r"^See\s+", "", before.strip(), flags=re.IGNORECASE)) if is_part(p.strip())]
    publisher = after_parts[0] if after_parts else None
    authors = ", ".join(before_parts) or None
    if publisher is None and before_parts:
        publisher = before_parts[-1]
        authors = ", ".join(before_parts[:-1]) or None
    return authors, title, publisher


def parse_notes(doc: Document) -> Notes:
    """Find the endnote list, split its entries, and link the markers in the running text.

    Returns Notes for any Document, or raises DocumentError naming it (never another exception).
    """
    with guard(doc.path):
        return _parse_notes(doc)


def _parse_notes(doc: Document) -> Notes:
    text = doc.text
    section_start = _find_section(text, min_run=1 if doc.superscripts else 2)
    footnotes: list[Footnote] = []
    labels: dict[str, int] = {}  # Markdown footnote label -> number ("[^note]" is the n-th note)
    links = sorted(doc.links, key=lambda link: link[1])  # in text order (nested <a> close inner first)
    link_starts = [s for _, s, _ in links]
    if section_start is not None:
        entries = list(_ENTRY.finditer(text, section_start))
        for i, m in enumerate(entries):
            end = entries[i + 1].start() if i + 1 < len(entries) else len(text)
            body_end = _entry_end(text, m.end(), end)
            label = m.group("b") or m.group("d") or m.group("md")
            n = note_number(label)
            number = n if n is not None else i + 1
            labels[label] = number
            body = text[m.end():body_end]
            urls = [u for u, _, _ in find_urls(text, m.end(), body_end)]
            first, last = bisect.bisect_left(link_starts, m.start()), bisect.bisect_left(link_starts, body_end)
            urls += [h for h, _, _ in links[first:last] if h not in urls and not h.startswith("#")]
            authors, title, publisher = split_footnote(body)
            plain = _URL.sub("", body)
            after_title = plain[plain.find(title) + len(title):] if title and title in plain else plain
            footnotes.append(Footnote(number, m.start(), body_end, body.strip(), tuple(urls), authors, title,
                                      publisher, iso_date(after_title) or iso_date(plain)))
    numbers = {f.number for f in footnotes}
    limit = section_start if section_start is not None else len(text)
    markers = _find_markers(doc, limit, numbers, labels)
    bare = tuple((u, s, e) for u, s, e in find_urls(text, 0, limit))
    seen = {u for u, _, _ in bare}
    bare += tuple((h, s, e) for h, s, e in doc.links if s < limit and re.match(r"https?://", h) and h not in seen)
    section = (section_start, len(text)) if section_start is not None else None
    return Notes(tuple(footnotes), tuple(markers), section, bare)


def _find_section(text: str, min_run: int = 2) -> int | None:
    """Start of the endnote list: after a Notes/References heading, else a trailing numbered run."""
    last_entry = -1  # a heading counts when an entry follows it somewhere: one pass, not one per heading
    for last in _ENTRY.finditer(text):
        last_entry = last.start()
    headings = [m for m in _HEADING.finditer(text) if m.end() <= last_entry]
    if headings:
        # The last heading, extended back over earlier ones ("Notes", then "References") only while
        # no prose stands between them: a Notes heading mid-article does not swallow the article.
        start = headings[-1]
        for earlier in reversed(headings[:-1]):
            between = text[earlier.end():start.start()]
            if any(len(line) > 200 and not _ENTRY.match(line) for line in between.splitlines()):
                break
            start = earlier
        return start.end()
    first_markdown_note = re.search(r"^\[\^[\w-]+\]:", text, re.MULTILINE)
    if first_markdown_note:
        return first_markdown_note.start()
    # No heading: the last run of increasingly numbered lines that read like citations.
    runs: list[list[re.Match]] = []
    for m in re.finditer(r"^[ \t]*(\d{1,4})\.[ \t]+\S", text, re.MULTILINE):
        if runs and 0 < int(m.group(1)) - int(runs[-1][-1].group(1)) <= 5:  # gaps happen; order does not reverse
            runs[-1].append(m)
        else:
            runs.append([m])
    for run in reversed(runs):
        cited = sum(bool(_URL.search(text, m.start(), m.start() + 600) or _MONTH_DATE.search(text[m.start():m.start() + 400])) for m in run)
        # Endnotes end the page: a numbered list with paragraphs of prose after it is the article's
        # own list ("Key facts: 1. Date: 9 March 2011 ..."), however dated its lines.
        if len(run) >= min_run and cited * 2 >= len(run) and not _prose_after(text, run[-1].end()):
            return run[0].start()
    return None


def _prose_after(text: str, at: int) -> bool:
    """Two or more lines of sentences after the line at `at`: the article goes on (a page's furniture,
    "Now Reading: ...", is one line and no sentence)."""
    nl = text.find("\n", at)
    lines = text[nl + 1:].splitlines() if nl >= 0 else []
    return sum(len(line) >= 60 and line.rstrip().endswith((".", "!", "?")) and not _ENTRY.match(line)
               and any(ch.islower() for ch in line) for line in lines) >= 2


def _entry_end(text: str, body_start: int, next_start: int) -> int:
    """An entry runs to the next entry, but not over a blank line followed by non-note prose."""
    end = next_start
    if next_start == len(text):
        blank = _PROSE_AFTER_BLANK.search(text, body_start, next_start)
        end = blank.start() if blank else next_start
    while end > 0 and text[end - 1].isspace():  # what text[:end].rstrip() gave, without the copy
        end -= 1
    return end


def _find_markers(doc: Document, limit: int, numbers: set[int], labels: dict[str, int]) -> list[Marker]:
    text = doc.text
    found: dict[tuple[int, int], Marker] = {}
    for m in _BRACKET_MARKER.finditer(text, 0, limit):
        parts = re.split(r"[ \t]*([,–-])[ \t]*", m.group(1))
        values = [int(p) for p in parts[::2]]
        if len(values) == 2 and parts[1] in "–-":
            values = list(range(values[0], values[1] + 1)) if values[1] - values[0] < 50 else values
        for v in values:
            found[(m.start(), v)] = Marker(v, m.start(), m.end())
    for m in _MD_MARKER.finditer(text, 0, limit):
        label = m.group(1)
        n = note_number(label)
        number = n if n is not None else labels.get(label, 0)  # 0: no such note (an orphan)
        found[(m.start(), 0)] = Marker(number, m.start(), m.end())
    for s, e in doc.superscripts:
        n = note_number(text[s:e].strip().strip("[]"), 4)
        if n is not None and s < limit:
            found[(s, n)] = Marker(n, s, e)
    if numbers and not found:  # glued markers only in documents without explicit ones
        for m in _GLUED.finditer(text, 0, limit):  # in text order and apart: none inside another
            n = int(m.group(1))
            if n in numbers:
                found[(m.start(1), n)] = Marker(n, m.start(1), m.end(1))
        for m in _DECIMAL_MARKER.finditer(text, 0, limit):
            n = int(m.group(2))
            if n in numbers and (m.start(2), n) not in found:
                found[(m.start(2), n)] = Marker(n, m.start(2), m.end(2))
    return sorted(found.values(), key=lambda mk: (mk.start, mk.number))
