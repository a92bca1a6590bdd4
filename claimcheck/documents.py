"""Reading documents: files and folders -> Document (decoded text, page chrome, repeated text).

Decoding order: a BOM decides (UTF-8, UTF-16); otherwise strict UTF-8; otherwise
charset-normalizer guesses a legacy encoding and the Document carries a warning naming it.
HTML goes through BeautifulSoup (a real parser); the Document's text is the extracted article
text, and offsets point into it.
"""
from __future__ import annotations

import bisect
import codecs
import fnmatch
import re
from pathlib import Path

from .errors import DocumentError, UsageError
from .model import Document

SUPPORTED = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# Lines that are page furniture, not prose: media-player clocks, pagination, loaders, share bars.
_CLOCK_LINE = re.compile(r"^[ \t]*(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[ \t]+(?:\d{1,2}:)?\d{1,2}:\d{2})*[ \t]*$", re.M)
_CHROME_PHRASES = (
    "load more", "please wait", "no media source currently available", "accessibility links",
    "breaking news", "related articles", "share this", "read more", "skip to content",
    "sign up", "subscribe", "advertisement", "email", "print", "now reading", "latest episode",
)
_LINE = re.compile(r"[^\n]*")
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
              "svg", "button", "template", "head")
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h2", "h3", "h4",
               "h5", "h6", "br", "tr", "table", "blockquote", "pre", "figcaption", "figure", "dd",
               "dt", "dl", "hr", "title"}


def collect_paths(paths: list[str], include: list[str] | None = None,
                  exclude: list[str] | None = None) -> list[Path]:
    """Expand files and folders (recursively) into a sorted list of supported files.

    A path that does not exist is a usage error; a file named explicitly is taken whatever its
    suffix (it is read as text), while folders contribute only supported suffixes.
    """
    include = include or []
    exclude = exclude or []
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise UsageError(f"{raw}: no such file or folder")
        if path.is_file():
            found.append(path)
            continue
        for child in sorted(path.rglob("*")):
            rel = child.relative_to(path).as_posix()
            if not child.is_file() or child.suffix.lower() not in SUPPORTED:
                continue
            if include and not any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(child.name, g) for g in include):
                continue
            if any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(child.name, g) for g in exclude):
                continue
            found.append(child)
    unique: dict[Path, Path] = {}
    for p in found:  # the same file named twice is read once, under the name the user gave
        unique.setdefault(p.resolve(), p)
    return sorted(unique.values(), key=lambda p: (p.name, str(p)))


def decode_bytes(data: bytes, name: str) -> tuple[str, str, tuple[str, ...]]:
    """Bytes -> (text, encoding, warnings). Raises DocumentError for binary or undecodable data."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, ()
            except UnicodeDecodeError as exc:
                raise DocumentError(name, f"has a {encoding} byte-order mark but is not valid {encoding}: {exc.reason}") from exc
    declared = re.search(rb"""<meta[^>]+charset=["']?([\w-]+)""", data[:4096], re.I)
    if declared and name.lower().endswith((".html", ".htm")):
        encoding = declared.group(1).decode("ascii").lower()
        try:
            return data.decode(encoding), encoding, ()  # the page says what it is
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: detect instead
    if b"\x00" in data[:8192]:
        raise DocumentError(name, "looks binary (NUL bytes and no UTF-16 byte-order mark); not a text document")
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DocumentError(name, "cannot be decoded as text in any known encoding")
    encoding = best.encoding
    return str(best), encoding, (f"{name}: not UTF-8; decoded as {encoding} (detected, check the result)",)


def read_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file into a Document, or raise DocumentError naming the file."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentError(name, f"is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit (max_bytes)")
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(name, f"cannot be read: {exc.strerror or exc}") from exc
    if not data.strip():
        raise DocumentError(name, "is empty")
    text, encoding, warnings = decode_bytes(data, name)
    fmt = SUPPORTED.get(path.suffix.lower(), "txt")
    links: tuple[tuple[str, int, int], ...] = ()
    sups: tuple[tuple[int, int], ...] = ()
    if fmt == "html":
        text, links, sups = html_to_text(text)
        if not text.strip():
            raise DocumentError(name, "has no article text after removing markup")
    return Document(
        id=path.stem, path=name, name=path.name, text=text, encoding=encoding,
        format=fmt, chrome=find_chrome(text), duplicates=find_duplicates(text), warnings=warnings,
        links=links, superscripts=sups,
    )


def html_to_text(markup: str) -> tuple[str, tuple[tuple[str, int, int], ...], tuple[tuple[int, int], ...]]:
    """Extract readable text from HTML; keep each <a href> and <sup> with its span in that text.

    <sup> content is kept as text (so `word<sup>3</sup>` reads `word3`, the same shape as a plain
    text endnote marker); the footnote parser decides what is a marker.
    """
    from bs4 import BeautifulSoup, Comment, NavigableString, Tag

    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    parts: list[str] = []
    links: list[tuple[str, int, int]] = []
    sups: list[tuple[int, int]] = []
    length = 0

    def emit(piece: str) -> None:
        nonlocal length
        parts.append(piece)
        length += len(piece)

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                emit(re.sub(r"[ \t\r\n]+", " ", str(child)))
            elif isinstance(child, Tag):
                block = child.name in _BLOCK_TAGS
                if block and parts and not parts[-1].endswith("\n"):
                    emit("\n\n" if child.name not in ("br", "li", "tr") else "\n")
                if child.name == "li" and isinstance(child.parent, Tag) and child.parent.name == "ol":
                    items = [li for li in child.parent.find_all("li", recursive=False)]
                    first = int(child.parent.get("start", 1)) if str(child.parent.get("start", "1")).isdigit() else 1
                    emit(f"{first + items.index(child)}. ")  # ordered lists keep their numbers
                start = length
                walk(child)
                href = child.get("href") if child.name == "a" else None
                if isinstance(href, str) and href.strip():
                    links.append((href.strip(), start, length))
                if child.name == "sup":
                    sups.append((start, length))
                if block and parts and not parts[-1].endswith("\n"):
                    emit("\n")

    walk(soup)
    return "".join(parts), tuple(links), tuple(sups)


def find_chrome(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of lines that are page furniture rather than article text."""
    spans = [(m.start(), m.end()) for m in _CLOCK_LINE.finditer(text) if m.group().strip()]
    for m in _LINE.finditer(text):
        line = m.group().strip().lower().rstrip(".:…")
        if line and line in _CHROME_PHRASES:
            spans.append((m.start(), m.end()))
    return tuple(sorted(set(spans)))


def find_duplicates(text: str, min_chars: int = 80) -> tuple[tuple[int, int, int], ...]:
    """Paragraph-sized lines repeated verbatim later in the file: (start, end, first_start)."""
    seen: dict[str, int] = {}
    repeats: list[tuple[int, int, int]] = []
    for m in _LINE.finditer(text):
        line = m.group().strip()
        if len(line) < min_chars:
            continue
        if line in seen:
            repeats.append((m.start(), m.end(), seen[line]))
        else:
            seen[line] = m.start()
    return tuple(repeats)


class LineIndex:
    """Line numbers (1-based) for many offsets of one text, by binary search."""

    def __init__(self, text: str) -> None:
        self.breaks = [i for i, c in enumerate(text) if c == "\n"]

    def line(self, offset: int) -> int:
        return bisect.bisect_left(self.breaks, offset) + 1
