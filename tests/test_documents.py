"""Reading documents: encodings, HTML, page chrome, repeated text and bad input."""
from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from claimcheck.documents import collect_paths, read_document
from claimcheck.errors import DocumentError, UsageError


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("data, encoding, warns", [
    ("Über 2,000 Menschen".encode(), "utf-8", False),
    (codecs.BOM_UTF8 + "Über 2,000".encode(), "utf-8-sig", False),
    ("Über 2,000".encode("utf-16"), "utf-16", False),
    ("Caf\u00e9 \u2014 more than 2,000 visitors said \u201cyes\u201d to the na\u00efve plan".encode("cp1252"), None, True),
])
def test_decoding(tmp_path, data, encoding, warns):
    doc = read_document(write(tmp_path, "a.txt", data))
    assert "2,000" in doc.text and not doc.text.startswith("\ufeff")
    if encoding:
        assert doc.encoding == encoding
    assert bool(doc.warnings) is warns
    if warns:
        assert "a.txt" in doc.warnings[0] and "decoded as" in doc.warnings[0]


@pytest.mark.parametrize("data, reason", [
    (b"", "is empty"),
    (b"   \n\n", "is empty"),
    (b"\x00\x01\x02PNG\x00\x00binary", "looks binary"),
    (codecs.BOM_UTF8 + b"\xff\xfe\xfa broken", "byte-order mark"),
])
def test_bad_files_are_named_errors(tmp_path, data, reason):
    path = write(tmp_path, "bad.txt", data)
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert reason in str(err.value) and str(path) in str(err.value)


def test_huge_file_is_refused_without_reading(tmp_path):
    path = write(tmp_path, "big.txt", b"12 people. " * 1000)
    with pytest.raises(DocumentError, match="over the"):
        read_document(path, max_bytes=1000)


def test_missing_path_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="no such file"):
        collect_paths([str(tmp_path / "nope")])


def test_folders_recurse_with_globs(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("a/one.txt", "a/b/two.md", "a/b/three.html", "a/skip.txt", "a/image.png"):
        (tmp_path / name).write_text("x")
    names = [p.name for p in collect_paths([str(tmp_path)], exclude=["skip*"])]
    assert names == ["one.txt", "three.html", "two.md"]
    assert [p.name for p in collect_paths([str(tmp_path)], include=["*.md"])] == ["two.md"]


def test_html_drops_scripts_styles_navigation(tmp_path):
    html = """<html><head><title>T</title><style>p{}</style><script>var x = 99;</script></head><body>
    <nav>Home 12 Menu</nav><article><h1>Protests</h1><p>About 150 people <a href="https://ex.org/a">marched</a>.</p>
    <p>Twenty<sup>3</sup> were held.</p></article><footer>© 2021 Site</footer></body></html>"""
    doc = read_document(write(tmp_path, "page.html", html.encode()))
    assert "About 150 people marched." in doc.text
    assert "var x" not in doc.text and "Menu" not in doc.text and "2021 Site" not in doc.text
    href, start, end = doc.links[0]
    assert (href, doc.text[start:end]) == ("https://ex.org/a", "marched")
    s, e = doc.superscripts[0]
    assert doc.text[s:e] == "3"


def test_chrome_and_repeated_text(tmp_path):
    para = "There are 1.8 million Kazakhs in China, according to a census taken some years ago by officials."
    text = f"{para}\nLoad more\nplease wait\n0:00 0:34:52 0:00\n{para}\n"
    doc = read_document(write(tmp_path, "d.txt", text.encode()))
    chrome = [doc.text[s:e].strip() for s, e in doc.chrome]
    assert chrome == ["Load more", "please wait", "0:00 0:34:52 0:00"]
    (start, end, first), = doc.duplicates
    assert doc.text[start:end] == para and first == 0


def test_no_break_spaces_are_kept_for_offsets(tmp_path):
    doc = read_document(write(tmp_path, "n.txt", "more than\u00a02,000 ethnic Kazakhs".encode()))
    assert doc.text == "more than\u00a02,000 ethnic Kazakhs"


def test_html_meta_charset_is_honoured(tmp_path):
    page = b'<html><head><meta charset="windows-1251"></head><body><p>' + "Более 2000 человек".encode("cp1251") + b"</p></body></html>"
    doc = read_document(write(tmp_path, "ru.html", page))
    assert doc.encoding == "windows-1251" and "Более 2000 человек" in doc.text and doc.warnings == ()


# Issue 9: one bad file is one file's problem. Each row crashed read_document or parse_notes.
@pytest.mark.parametrize("html, expect", [
    ("<p>Over 300 camps<sup>²</sup> exist.</p>", "Over 300 camps² exist."),        # int('²')
    ("<p>Some 40 fled.</p><p><![ ]</p><p>12 stayed.</p>", "12 stayed."),         # parser rejects `<![ `
    ("<p><![if !IE]>Some 40 fled.<![endif]></p>", "Some 40 fled."),              # conditional comments
    ("<div>" * 1000 + "Some 40 fled." + "</div>" * 1000, "Some 40 fled."),       # recursion
    ("<b>" * 5000 + "Some 40 fled.", "Some 40 fled."),                            # never closed
    ("<ol start='²'><li>A, https://a.org/x</li></ol>", "1. A, https://a.org/x"),  # int('²') again
    ("<ol start='" + "9" * 5000 + "'><li>A</li></ol>", "1. A"),                  # int() of 5,000 digits
])
def test_hostile_html_is_read(tmp_path, html, expect):
    from claimcheck.citations.footnotes import parse_notes

    doc = read_document(write(tmp_path, "h.html", html.encode()))
    parse_notes(doc)
    assert expect in doc.text


def test_doctype_and_processing_instructions_are_not_text(tmp_path):
    doc = read_document(write(tmp_path, "d.html", b"<!DOCTYPE html><html><body><p>x 12</p><?php echo 1 ?></body></html>"))
    assert doc.text.strip() == "x 12"


def test_html_that_looks_like_a_url_gives_no_warning(tmp_path, recwarn):
    read_document(write(tmp_path, "u.html", b"https://example.org/page"))
    assert not [w for w in recwarn if "bs4" in (w.filename or "") or "Markup" in type(w.message).__name__]


@pytest.mark.parametrize("meta", ["idna", "rot13", "utf-16", "x-no-such", "base64"])
def test_odd_declared_charsets_fall_back_to_detection(tmp_path, meta):
    page = f'<html><head><meta charset="{meta}"></head><body><p>Über 2,000</p></body></html>'.encode()
    doc = read_document(write(tmp_path, "m.html", page + b"\xe1" * 70))  # the idna codec raised UnicodeError
    assert "2,000" in doc.text


# Issue 9: nothing lost silently. Streams are read, special files refused with a reason.
class FakeStdin:
    def __init__(self, data: bytes) -> None:
        import io

        self.buffer = io.BytesIO(data)


def test_dash_is_standard_input(monkeypatch):
    monkeypatch.setattr("sys.stdin", FakeStdin(b"About 150 people marched."))
    paths = collect_paths(["-"])
    doc = read_document(paths[0])
    assert (doc.path, doc.name, doc.text, doc.format) == ("<stdin>", "stdin", "About 150 people marched.", "txt")


def test_standard_input_that_is_html_is_read_as_html(monkeypatch):
    monkeypatch.setattr("sys.stdin", FakeStdin(b"<!doctype html><p>About 150 <a href='https://a.org/x'>marched</a>.</p>"))
    doc = read_document(collect_paths(["-"])[0])
    assert doc.format == "html" and doc.text.strip() == "About 150 marched." and doc.links[0][0] == "https://a.org/x"


def test_standard_input_is_bounded(monkeypatch):
    monkeypatch.setattr("sys.stdin", FakeStdin(b"12 people. " * 1000))
    with pytest.raises(DocumentError, match=r"<stdin>: is larger than the limit, max_bytes = 1000 \(1000 bytes\)"):
        read_document(collect_paths(["-"])[0], max_bytes=1000)


def test_a_file_named_dash_is_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-").write_text("Some 12 fled.")
    assert read_document(collect_paths(["./-"])[0]).text == "Some 12 fled."


def test_fifo_is_read_as_a_stream(tmp_path):
    import os
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def feed():
        with open(fifo, "wb") as w:
            w.write(b"About 150 people marched.")

    writer = threading.Thread(target=feed, daemon=True)  # blocks until read: must not hold up the run
    writer.start()
    try:
        paths = collect_paths([str(fifo)])
        assert paths == [fifo]
        assert read_document(paths[0]).text == "About 150 people marched."
    finally:
        writer.join(5)


@pytest.mark.parametrize("how", ["dev-stdin", "process-substitution"])
def test_dev_stdin_and_process_substitution(tmp_path, how):
    import shutil
    import subprocess
    import sys

    code = "import sys; from pathlib import Path; from claimcheck.documents import collect_paths, read_document; " \
           "print(read_document(collect_paths([sys.argv[1]])[0]).text)"
    if how == "dev-stdin":
        out = subprocess.run([sys.executable, "-c", code, "/dev/stdin"], input=b"Some 12 fled.", capture_output=True, timeout=60, check=False)
    else:
        if not shutil.which("bash"):
            pytest.skip("needs bash")
        out = subprocess.run(["bash", "-c", f'"{sys.executable}" -c "$0" <(printf "Some 12 fled.")', code],
                             capture_output=True, timeout=60, check=False)
    assert out.returncode == 0, out.stderr.decode()
    assert out.stdout.decode().strip() == "Some 12 fled."


def test_devices_and_sockets_are_refused(tmp_path):
    import socket

    with pytest.raises(DocumentError, match="/dev/null: is a device, not a document"):
        read_document(collect_paths(["/dev/null"])[0])
    sock_path = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_path))
        with pytest.raises(DocumentError, match="is a socket"):
            read_document(collect_paths([str(sock_path)])[0])


def test_folders_skip_special_files(tmp_path):
    import os

    os.mkfifo(tmp_path / "pipe.txt")  # opening it would block the run
    (tmp_path / "a.txt").write_text("x")
    assert [p.name for p in collect_paths([str(tmp_path)])] == ["a.txt"]


@pytest.mark.parametrize("text, expect", [
    ("more than 2,\u200b000 people", "more than 2,000 people"),
    ("more than 2,\ufeff000 people", "more than 2,000 people"),
    ("more than 2\u2060000 people", "more than 2000 people"),
    ("\ufeffSome 12 fled.", "Some 12 fled."),
])
def test_zero_width_characters_are_removed(tmp_path, text, expect):
    assert read_document(write(tmp_path, "z.txt", text.encode())).text == expect


def test_zero_width_removal_keeps_html_offsets(tmp_path):
    doc = read_document(write(tmp_path, "z.html", "<p>Over 2,\u200b000 <a href='https://a.org'>fled</a><sup>1</sup>.</p>".encode()))
    (_, s, e), = doc.links
    assert doc.text[s:e] == "fled" and doc.text[slice(*doc.superscripts[0])] == "1" and "2,000" in doc.text


@pytest.mark.parametrize("data", [
    codecs.BOM_UTF8, codecs.BOM_UTF8 + b"  \r\n\t", "\ufeff \n".encode("utf-16"), "\u200b\u200b\n".encode(),
])
def test_a_bom_and_white_space_is_empty(tmp_path, data):
    with pytest.raises(DocumentError, match="is empty"):
        read_document(write(tmp_path, "b.txt", data))


@pytest.mark.parametrize("text, codec, expect", [
    ("The fund\u2019s \u201cbudget\u201d was \u20ac4.5 million.", "cp1252", "cp1252"),  # was cp852: "Ç4.5 million"
    ("\u201cWe spent \u20ac4.5 million on it,\u201d she said \u2014 it\u2019s na\u00efve.", "cp1252", "cp1252"),
    ("Le co\u00fbt a d\u00e9pass\u00e9 4,5 millions d\u2019euros, selon l\u2019\u00e9tude.", "cp1252", "cp1252"),
    ("Более 2000 человек были задержаны, сообщили власти во вторник.", "cp1251", "cp1251"),
    ("Ponad 2000 osób zostało zatrzymanych, poinformowały władze we wtorek.", "cp1250", "cp1250"),
])
def test_legacy_encodings_prefer_windows_code_pages(tmp_path, text, codec, expect):
    doc = read_document(write(tmp_path, "w.txt", text.encode(codec)))
    assert (doc.encoding, doc.text) == (expect, text)
    assert doc.warnings == (f"{tmp_path / 'w.txt'}: not UTF-8; decoded as {expect} "
                            + ("(Windows Western European); check the result" if expect == "cp1252"
                               else "(detected by charset-normalizer); check the result"),)


def test_links_that_loop_or_dangle_do_not_stop_collection(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    assert [p.name for p in collect_paths([str(tmp_path)])] == ["a.txt"]


def test_a_file_that_cannot_be_examined_is_kept_for_read_document_to_report(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "locked.txt").write_text("y")
    real_stat = Path.stat

    def stat(self, *args, **kwargs):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)
    paths = collect_paths([str(tmp_path)])
    assert [p.name for p in paths] == ["a.txt", "locked.txt"]
    assert [p.name for p in collect_paths([str(tmp_path / "locked.txt")])] == ["locked.txt"]
