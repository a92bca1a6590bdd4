"""Reading documents: files and folders -> Document (decoded text, page chrome, repeated text).

Inputs are regular files, and streams: `-` (standard input, the document `<stdin>`), a FIFO,
`/dev/stdin` or a shell's `<(...)`, each read once up to `max_bytes`. Devices, sockets and other
special files are refused with a DocumentError; folders give only their regular files.

Decoding order: a BOM decides (UTF-8, UTF-16, UTF-32); then the charset an HTML page declares;
then strict UTF-8; then cp1252 when the result reads as Western text (smart quotes, accents, the
euro sign); otherwise charset-normalizer guesses. Every guess leaves a warning on the Document
that names the encoding used.

Zero-width characters (U+200B, U+2060, and U+FEFF inside the text) are removed right after
decoding, before anything takes an offset: offsets index the text without them, for every stage.

HTML goes through BeautifulSoup (a real parser) and an iterative walk (no recursion, however deep
the markup); the Document's text is the extracted article text, and offsets point into it.

Every function here returns a result or raises DocumentError naming the file; `collect_paths`
raises UsageError for a path that does not exist.
"""
from __future__ import annotations

import bisect
import codecs
import fnmatch
import os
import re
import stat
import sys
import warnings as _warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from .errors import ClaimcheckError, DocumentError, UsageError
from .model import Document

SUPPORTED = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
STDIN = Path("-")  # what collect_paths returns for `-`
STDIN_PATH, STDIN_NAME = "<stdin>", "stdin"  # the path and name of standard input's Document

# Lines that are page furniture, not prose: media-player clocks, pagination, loaders, share bars.
_CLOCK_LINE = re.compile(r"^[ \t]*(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[ \t]+(?:\d{1,2}:)?\d{1,2}:\d{2})*[ \t]*$", re.MULTILINE)
_CHROME_PHRASES = (
    "load more", "please wait", "no media source currently available", "accessibility links",
    "breaking news", "related articles", "share this", "read more", "skip to content",
    "sign up", "subscribe", "advertisement", "email", "print", "now reading", "latest episode",
)
_LINE = re.compile(r"[^\n]*")
_SPACES = re.compile(r"[ \t\r\n]+")
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
              "svg", "button", "template", "head")
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h2", "h3", "h4",
               "h5", "h6", "br", "tr", "table", "blockquote", "pre", "figcaption", "figure", "dd",
               "dt", "dl", "hr", "title"}
_ZERO_WIDTH = str.maketrans("", "", "\u200b\u2060\ufeff")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)
# Declared charsets a browser would not honour either (WHATWG): decode these by detection instead.
_UNTRUSTED_CODECS = ("utf-16", "utf-32", "utf-7", "idna", "punycode", "unicode-escape", "raw-unicode-escape",
                     "undefined", "charmap")
# Encodings preferred when charset-normalizer finds several equally clean: the common web ones.
_PREFERRED = ("cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257", "iso8859_15", "koi8_r", "cp1256",
              "cp1255", "shift_jis", "euc_jp", "gb18030", "big5", "euc_kr")
# Characters that stand between two letters in Western text: apostrophes, hyphens, the Catalan l·l.
_IN_WORD = set("’‘·–—\u00ad")
# html.parser gives up (AssertionError) on `<![` not followed by a marked-section keyword.
_BAD_MARKED_SECTION = re.compile(r"<!\[(?!(?:cdata|temp|ignore|include|rcdata|if|else|endif)(?![-_.a-zA-Z0-9]))",
                                 re.IGNORECASE)


@contextmanager
def guard(name: str) -> Iterator[None]:
    """Turn an unexpected exception inside one document's stage into a DocumentError naming it.

    A safety net, not a way of working: every known bad input is handled where it arises (the fuzz
    tests fail on any "internal error"). MemoryError and interrupts pass through.
    """
    try:
        yield
    except (ClaimcheckError, MemoryError):
        raise
    except Exception as exc:
        raise DocumentError(name, f"internal error ({type(exc).__name__}: {str(exc)[:200]}); please report it "
                                  "with the file") from exc


def is_stdin(path: Path | str) -> bool:
    return str(path) == "-"


def collect_paths(paths: list[str], include: list[str] | None = None,
                  exclude: list[str] | None = None) -> list[Path]:
    """Expand files and folders (recursively) into a sorted list of documents to read.

    A path that does not exist is a usage error; `-` is standard input (`STDIN`); a path named
    explicitly is taken whatever it is (a file of any suffix is read as text, a FIFO as a stream,
    and read_document refuses a device with a reason), while folders contribute only regular files
    with supported suffixes. A folder that cannot be listed (no permission) is returned itself, so
    that reading it says why and the run fails, where a walk would pass over it without a word.
    """
    include = include or []
    exclude = exclude or []
    found: list[Path] = []
    left_out: dict[str, list[str]] = {}  # folder -> suffixes of the files it gave nothing for
    for raw in paths:
        if is_stdin(raw):
            found.append(STDIN)
            continue
        path = Path(raw)
        if is_stdin(path):  # `./-` is a file named "-", not standard input
            path = Path.cwd() / "-"
        if not _probe(path.exists):
            raise UsageError(f"{raw}: no such file or folder")
        if not _probe(path.is_dir, False):
            found.append(path)
            continue
        skipped = left_out.setdefault(raw, [])
        for child, listed in _walk(path):
            rel = child.relative_to(path).as_posix()
            if not listed:
                if not any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(f"{rel}/", g) for g in exclude):
                    found.append(child)
                continue
            why = left_out_because(child, rel, include, exclude)
            if why is None:
                found.append(child)
            elif why:
                skipped.append(why)
    if not found:
        raise UsageError(nothing_to_read(left_out))
    unique: dict[Path | str, Path] = {}
    for p in found:  # the same file named twice is read once, under the name the user gave
        unique.setdefault("-" if p is STDIN else _probe(p.resolve, p.absolute()), p)
    return sorted(unique.values(), key=lambda p: (p.name, str(p)))


def left_out_because(child: Path, rel: str, include: list[str], exclude: list[str]) -> str | None:
    """None when a folder's entry is an article to read; else why not, as `nothing_to_read` counts it
    (its suffix, "(include)", "(exclude)"; "" for what is no file at all). `rel` is its path from the folder."""
    if not _probe(child.is_file):
        return ""
    if child.suffix.lower() not in SUPPORTED:
        return child.suffix.lower() or child.name
    if include and not any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(child.name, g) for g in include):
        return "(include)"
    if any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(child.name, g) for g in exclude):
        return "(exclude)"
    return None


def nothing_to_read(left_out: dict[str, list[str]]) -> str:
    """Why folders gave no article: empty, only formats claimcheck does not read, or all filtered out."""
    reads = ", ".join(sorted(SUPPORTED))
    parts = []
    for folder, suffixes in left_out.items():
        formats = sorted({x for x in suffixes if not x.startswith("(")})
        filtered = len(suffixes) - sum(not x.startswith("(") for x in suffixes)
        if not suffixes:
            parts.append(f"{folder} is an empty folder")
        elif formats:
            files = len(suffixes) - filtered
            parts.append(f"{folder}: {files} file{'s' if files != 1 else ''} in formats claimcheck does not read "
                         f"({', '.join(formats)})" + (f", and {filtered} left out by include/exclude" if filtered else ""))
        else:
            parts.append(f"{folder}: all {filtered} article{'s' if filtered != 1 else ''} left out by include/exclude")
    advice = ""
    if any(not x.startswith("(") for suffixes in left_out.values() for x in suffixes):
        advice = (f" claimcheck reads {reads} files. Convert the others to text first, for example "
                  "`pandoc story.docx -t plain -o story.txt` or `pdftotext -layout story.pdf story.txt`.")
    elif any(left_out.values()):
        advice = " Check --include and --exclude, and `include`/`exclude` in the config file."
    return "nothing to read: " + "; ".join(parts) + "." + advice

def _walk(folder: Path) -> Iterator[tuple[Path, bool]]:
    """(path, True) for everything under `folder`, as Path.rglob gives it (links to folders are not
    followed); then (subfolder, False) for each folder, `folder` included, that could not be listed.

    Path.rglob passes over a folder it may not list (PermissionError): a chmod 000 folder of
    articles was 0 documents and exit 0.
    """
    unlisted: list[OSError] = []
    for top, folders, files in os.walk(folder, onerror=unlisted.append):
        for name in folders + files:
            yield Path(top, name), True
    for error in unlisted:
        yield Path(error.filename if error.filename is not None else folder), False


def _probe(ask: Any, otherwise: Any = True) -> Any:
    """ask(), or `otherwise` when the file system will not say (no permission, a link loop).

    A path that cannot be examined is kept (True): read_document then names it with the reason,
    where dropping it here would lose a document without a word.
    """
    try:
        return ask()
    except (OSError, RuntimeError):  # RuntimeError: Path.resolve on a symlink loop
        return otherwise


def _size(n: float) -> str:
    """Bytes in binary units, as limits are set (20 MiB is 20971520): "20 MiB", "20.5 MiB", "900 bytes"."""
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n:.0f} {unit}" if unit == "bytes" or float(n).is_integer() else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GiB"


_RAISE = " (raise max_bytes in the config to read it; fail_on_skipped = false lets a run pass without it)"


def _limit(max_bytes: int) -> str:
    """The limit as configured, and in units a person reads: "max_bytes = 20971520 (20 MiB)"."""
    return f"max_bytes = {max_bytes} ({_size(max_bytes)})"


def _read_stream(handle: IO[bytes], name: str, max_bytes: int) -> bytes:
    """Read a stream to its end, refusing it once it passes max_bytes (never more is held)."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = handle.read(min(1 << 20, max_bytes + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            raise DocumentError(name, f"is larger than the limit, {_limit(max_bytes)}; not read{_RAISE}")


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a file, FIFO or standard input (`-`), at most max_bytes; DocumentError otherwise."""
    if is_stdin(path):
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise DocumentError(STDIN_PATH, "standard input is closed")
        try:
            return _read_stream(stream, STDIN_PATH, max_bytes)
        except OSError as exc:
            raise DocumentError(STDIN_PATH, f"cannot be read: {exc.strerror or exc}") from exc
    name = str(path)
    try:
        info = os.stat(path)
        _check_kind(info.st_mode, name)
        if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
            raise DocumentError(name, f"is {_size(info.st_size)} ({info.st_size} bytes), over the limit, {_limit(max_bytes)}; "
                                      f"not read{_RAISE}")
        with open(path, "rb") as handle:
            _check_kind(os.fstat(handle.fileno()).st_mode, name)  # the same file that was checked
            return _read_stream(handle, name, max_bytes)
    except OSError as exc:
        raise DocumentError(name, f"cannot be read: {exc.strerror or exc}") from exc


def _check_kind(mode: int, name: str) -> None:
    if stat.S_ISREG(mode) or stat.S_ISFIFO(mode):
        return
    if stat.S_ISDIR(mode):
        try:
            os.scandir(name).close()
        except OSError as exc:  # collect_paths hands over the folders it could not list
            raise DocumentError(name, f"is a folder that cannot be read ({exc.strerror or exc}): the documents "
                                      "in it were not scanned") from None
        kind = "a folder"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    else:
        kind = "not a regular file"
    raise DocumentError(name, f"is {kind}, not a document (files, FIFOs and `-` for standard input are read)")


def _sniff_html(data: bytes) -> bool:
    head = data[:1024].lstrip(b" \t\r\n\xef\xbb\xbf").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<meta", b"<body"))


def decode_bytes(data: bytes, name: str, html: bool | None = None) -> tuple[str, str, tuple[str, ...]]:
    """Bytes -> (text, encoding, warnings). Raises DocumentError for binary or undecodable data.

    `html` (default: judged by the name's suffix) lets a page's declared charset decide.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, ()
            except UnicodeError as exc:
                reason = getattr(exc, "reason", str(exc))
                raise DocumentError(name, f"has a {encoding} byte-order mark but is not valid {encoding}: {reason}") from exc
    if html is None:
        html = name.lower().endswith((".html", ".htm"))
    declared = _META_CHARSET.search(data[:4096]) if html else None
    if declared:
        encoding = declared.group(1).decode("ascii").lower()
        try:
            codec = codecs.lookup(encoding)
            if getattr(codec, "_is_text_encoding", True) and not codec.name.startswith(_UNTRUSTED_CODECS):
                return data.decode(codec.name), encoding, ()  # the page says what it is
        except (LookupError, ValueError):
            pass  # a wrong or unknown declaration: detect instead
    if b"\x00" in data[:8192]:
        raise DocumentError(name, "looks binary (NUL bytes and no UTF-16 byte-order mark); not a text document")
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if text and _reads_as_western(text):
        return text, "cp1252", (f"{name}: not UTF-8; decoded as cp1252 (Windows Western European); check the result",)
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if text:  # cp1252 decoded it but did not read as Western: another legacy code page, then
        matches = [m for m in matches if m.encoding != "cp1252"] or matches
    if not matches:
        raise DocumentError(name, "cannot be decoded as text in any known encoding")
    cleanest = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= cleanest + 1e-9]
    best = min(tied, key=lambda m: _PREFERRED.index(m.encoding) if m.encoding in _PREFERRED else len(_PREFERRED))
    return (str(best), best.encoding,
            (f"{name}: not UTF-8; decoded as {best.encoding} (detected by charset-normalizer); check the result",))


def _reads_as_western(text: str, sample: int = 65536) -> bool:
    """Does cp1252-decoded text read as Western European prose, not another code page's mojibake?

    Mojibake of Cyrillic or Greek gives runs of three or more accented letters (`Áîëåå`); of
    Central European code pages, symbols inside words (`zosta³o`). Western text has neither, or
    only now and then.
    """
    text = text[:sample]
    non_ascii = odd = run = 0
    for i, ch in enumerate(text):
        if ch < "\x80":
            run = 0
            continue
        non_ascii += 1
        if ch.isalpha():
            run += 1
            odd += run >= 3
            continue
        run = 0
        if ch not in _IN_WORD and 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha():
            odd += 1
    return odd * 10 <= non_ascii


def read_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file, stream or standard input (`-`) into a Document, or raise DocumentError naming it."""
    stdin = is_stdin(path)
    name = STDIN_PATH if stdin else str(path)
    with guard(name):
        return _document(path, name, stdin, read_bytes(path, max_bytes))


def _document(path: Path, name: str, stdin: bool, data: bytes) -> Document:
    if not data.strip():
        raise DocumentError(name, "is empty")
    fmt = SUPPORTED.get(path.suffix.lower()) if not stdin else None
    if fmt is None:  # standard input, a stream or an unknown suffix: HTML if it says so, else text
        fmt = "html" if (stdin or not path.is_file()) and _sniff_html(data) else "txt"
    text, encoding, warnings = decode_bytes(data, name, html=fmt == "html")
    text = text.translate(_ZERO_WIDTH)
    if not text.strip():
        raise DocumentError(name, "is empty (nothing but a byte-order mark, white space or zero-width characters)")
    links: tuple[tuple[str, int, int], ...] = ()
    sups: tuple[tuple[int, int], ...] = ()
    if fmt == "html":
        text, links, sups = html_to_text(text, name)
        if not text.strip():
            raise DocumentError(name, "has no article text after removing markup")
    return Document(
        id=STDIN_NAME if stdin else path.stem, path=name, name=STDIN_NAME if stdin else path.name, text=text,
        encoding=encoding,
        format=fmt, chrome=find_chrome(text), duplicates=find_duplicates(text), warnings=warnings,
        links=links, superscripts=sups,
    )


def _ol_start(tag: Any) -> int:
    raw = tag.get("start")
    raw = raw.strip() if isinstance(raw, str) else ""
    return int(raw) if raw.isdecimal() and len(raw) <= 6 else 1


def html_to_text(markup: str, name: str = "<html>"
                 ) -> tuple[str, tuple[tuple[str, int, int], ...], tuple[tuple[int, int], ...]]:
    """Extract readable text from HTML; keep each <a href> and <sup> with its span in that text.

    <sup> content is kept as text (so `word<sup>3</sup>` reads `word3`, the same shape as a plain
    text endnote marker); the footnote parser decides what is a marker. The walk keeps its own
    stack: 100,000 nested tags cost what 100,000 paragraphs cost. Markup the parser rejects is a
    DocumentError naming `name`.
    """
    from bs4 import (
        BeautifulSoup,
        Comment,
        MarkupResemblesLocatorWarning,
        NavigableString,
        ParserRejectedMarkup,
        Tag,
        XMLParsedAsHTMLWarning,
    )
    from bs4.element import PreformattedString

    markup = _BAD_MARKED_SECTION.sub("&lt;![", markup)
    try:
        with _warnings.catch_warnings():  # "looks like a URL/file name" is not the reader's business
            _warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
            _warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
            soup = BeautifulSoup(markup, "html.parser")
    except ParserRejectedMarkup as exc:
        raise DocumentError(name, f"the HTML parser rejected the markup: {str(exc).splitlines()[-1][:200]}") from exc
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    parts: list[str] = []
    links: list[tuple[str, int, int]] = []
    sups: list[tuple[int, int]] = []
    items_seen: dict[int, int] = {}  # id(<ol>) -> its <li> children met so far
    length = 0

    def emit(piece: str) -> None:
        nonlocal length
        parts.append(piece)
        length += len(piece)

    def open_tag(tag: Tag) -> None:
        if tag.name in _BLOCK_TAGS and parts and not parts[-1].endswith("\n"):
            emit("\n\n" if tag.name not in ("br", "li", "tr") else "\n")
        parent = tag.parent
        if tag.name == "li" and isinstance(parent, Tag) and parent.name == "ol":
            index = items_seen.get(id(parent), 0)
            items_seen[id(parent)] = index + 1
            emit(f"{_ol_start(parent) + index}. ")  # ordered lists keep their numbers

    def close_tag(tag: Tag, start: int) -> None:
        href = tag.get("href") if tag.name == "a" else None
        if isinstance(href, str) and href.strip():
            links.append((href.strip(), start, length))
        if tag.name == "sup":
            sups.append((start, length))
        if tag.name in _BLOCK_TAGS and parts and not parts[-1].endswith("\n"):
            emit("\n")

    stack: list[tuple[Tag, Iterator[Any], int]] = [(soup, iter(soup.contents), 0)]
    while stack:
        node, children, start = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if node is not soup:
                close_tag(node, start)
        elif isinstance(child, Tag):
            open_tag(child)
            stack.append((child, iter(child.contents), length))
        elif isinstance(child, NavigableString) and not isinstance(child, PreformattedString):
            emit(_SPACES.sub(" ", str(child)))  # doctype, CDATA, processing instructions are not text
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
        self.breaks = [m.start() for m in re.finditer("\n", text)]

    def line(self, offset: int) -> int:
        return bisect.bisect_left(self.breaks, offset) + 1
