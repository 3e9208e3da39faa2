"""Characters no article, setting or imported file may contain, and how to say where one is.

They are invisible in an editor, XML 1.0 forbids most of them (one in a title
makes every feed that lists the article unreadable to feed readers), and HTML
calls all of them parse errors. They are refused when a file is read, so a
build never writes them anywhere:

- C0 controls except tab, line feed and carriage return; the form feed too,
  since XML forbids it (a page break pasted from a word processor);
- DEL and the C1 controls (U+007F–U+009F): in UTF-8 text they are almost
  always Windows-1252 punctuation decoded twice (U+0092 for an apostrophe);
- Unicode non-characters (U+FDD0–U+FDEF, U+FFFE, U+FFFF and their copies in
  every plane) and lone surrogates (only a YAML escape can write one).

A YAML value (a title, a description, a tag, an author's name…) may not hold the bidi
embedding, override and isolate controls either (U+202A–U+202E, U+2066–U+2069,
``BIDI_CONTROLS``): invisible, they make a text show in another order than it is written
(a title that reads as something it is not, the "Trojan Source" trick). Right-to-left
text shows in its order without them; a body may hold them, as quoted right-to-left text
can need them there.
"""

from __future__ import annotations

import re
import unicodedata

from . import bidi
from .errors import ArticlegenError

_NONCHARACTERS = "".join(
    chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000)
)
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef" + _NONCHARACTERS + "]"
)
"""One character ``check_text`` refuses."""
_FORBIDDEN_BMP = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)
"""``FORBIDDEN`` for a text with no character past U+FFFF: its 32 non-characters beyond make
the expression test each character one by one, five to ten times slower on an article
(a tenth of reading one)."""
BIDI_CONTROLS = re.compile(f"[{bidi.CODE_POINTS}]")
"""One bidi embedding, override or isolate control, which ``bidi_problem`` refuses in a value."""
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")

_YAML_ESCAPES = {0: "\\0", 7: "\\a", 8: "\\b", 0x0B: "\\v", 0x0C: "\\f", 0x1B: "\\e", 0x85: "\\N"}
"""YAML's short escapes for the characters refused: the way an author most likely wrote one."""


def forbidden_in(text: str) -> re.Pattern[str]:
    """``FORBIDDEN``, or an expression that finds the same in ``text`` sooner."""
    return FORBIDDEN if not text.isascii() and _ASTRAL.search(text) else _FORBIDDEN_BMP


def holds_forbidden(text: str) -> bool:
    """Whether ``text`` holds a character ``FORBIDDEN`` finds. An ASCII text is looked at as
    bytes (``_may_hold_forbidden``, exact for ASCII), five times as fast as the expression."""
    if text.isascii():
        return _may_hold_forbidden(text.encode("ascii"))
    return forbidden_in(text).search(text) is not None


def kind_of(char: str) -> str:
    """What a forbidden character is, in words: a control character, a non-character…"""
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        return "lone surrogate"
    return "control character" if code <= 0x9F else "Unicode non-character"


def describe(char: str) -> str:
    """``control character U+0001`` (or non-character, or lone surrogate) for a message."""
    return f"{kind_of(char)} U+{ord(char):04X}"


def text_problem(
    text: str, display: str, error: type[ArticlegenError], first_line: int = 1
) -> ArticlegenError | None:
    """The first forbidden character of a file's ``text`` (``\\n`` line ends), with its line
    and column and how many more there are; None if there is none."""
    forbidden = forbidden_in(text)
    found = forbidden.search(text)
    if found is None:
        return None
    start = found.start()
    line_start = text.rfind("\n", 0, start) + 1
    more = len(forbidden.findall(text, start + 1))
    also = f" ({more} more in the file)" if more else ""
    char = found.group()
    return error(
        f"{describe(char)} at column {start - line_start + 1}{also}",
        display,
        text.count("\n", 0, start) + first_line,
        f"remove the {kind_of(char)} (U+{ord(char):04X})",
    )


def check_text(text: str, display: str, error: type[ArticlegenError]) -> str:
    """``text`` itself, or ``error`` at its first forbidden character."""
    if problem := text_problem(text, display, error):
        raise problem
    return text


_UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")
"""UTF-16's byte order mark, little- and big-endian."""


def decode_source(data: bytes, display: str, error: type[ArticlegenError]) -> str:
    """Bytes of ``display`` as text: UTF-8 (a BOM is fine), ``\\n`` line ends; otherwise
    ``error`` at the bad byte, or at the first character ``characters`` refuses (looked
    for only where ``_may_hold_forbidden`` says it can be)."""
    try:  # "utf-8-sig" is a codec written in Python: "utf-8" is decoded in one call
        text = data.decode("utf-8")
        if text.startswith("\ufeff"):
            text = text[1:]
    except UnicodeDecodeError:
        text = _decoded_or_raise(data, display, error)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return check_text(text, display, error) if _may_hold_forbidden(data) else text


def _decoded_or_raise(data: bytes, display: str, error: type[ArticlegenError]) -> str:
    """``error`` at the byte of ``data`` that is not UTF-8, as ``utf-8-sig`` places it (after
    a BOM, its offset is counted from the BOM's end)."""
    try:
        return data.decode("utf-8-sig")  # raises: the same bytes failed as UTF-8
    except UnicodeDecodeError as exc:
        if data.startswith(_UTF16_MARKS):  # Windows editors' "Unicode": every other byte 0
            raise error(
                "not UTF-8 text: the file is UTF-16 (it starts with UTF-16's byte order mark)",
                display,
                1,
                "save the file as UTF-8 in your editor (not 'UTF-16' or 'Unicode')",
            ) from exc
        line = data.count(b"\n", 0, exc.start) + 1
        raise error(
            f"not UTF-8 text: byte 0x{data[exc.start]:02x} at offset {exc.start}",
            display,
            line,
            "save the file as UTF-8 in your editor",
        ) from exc


_LEADS = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0xC2, 0xEF, *range(0xF0, 0xF5)])
"""The bytes that start the UTF-8 of every character ``FORBIDDEN`` finds: a C0 control and
DEL are themselves; a C1 control (U+0080–U+009F) starts with C2; U+FDD0–U+FDEF, U+FFFE and
U+FFFF with EF; the non-characters past U+FFFF with F0–F4. A lone surrogate is no UTF-8
at all (decoding refuses it)."""
_NOT_LEADS = bytes(sorted(set(range(256)) - set(_LEADS)))


def _may_hold_forbidden(data: bytes) -> bool:
    """Whether the UTF-8 ``data`` holds a byte that starts a character ``FORBIDDEN`` finds.
    False proves its text holds none; looking for one byte in C is ten times as quick as the
    expression looking for the characters in the decoded text (a tenth of reading an
    article)."""
    return bool(data.translate(None, _NOT_LEADS))


def value_problem(
    key: str, value: str, display: str, line: int, error: type[ArticlegenError]
) -> ArticlegenError | None:
    """An error for a YAML string value holding a forbidden character, which only an escape
    in a double-quoted value can write once the file text itself has been checked."""
    found = forbidden_in(value).search(value)
    if found is None:
        return None
    code = ord(found.group())
    written = _YAML_ESCAPES.get(code) or (f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}")
    return error(
        f"'{key}' contains {describe(found.group())}",
        display,
        line,
        f"remove the escape that writes it (such as {written}) from the quoted value",
    )


def bidi_problem(
    key: str, value: str, display: str, line: int, error: type[ArticlegenError]
) -> ArticlegenError | None:
    """An error for a YAML string value holding a bidi control (``BIDI_CONTROLS``), at its
    position in the value; None if it holds none."""
    found = BIDI_CONTROLS.search(value)
    if found is None:
        return None
    char = found.group()
    more = len(BIDI_CONTROLS.findall(value, found.end()))
    also = f", and {more} more such" if more else ""
    return error(
        f"'{key}' contains the invisible {unicodedata.name(char).lower()} U+{ord(char):04X} "
        f"at character {found.start() + 1} of its value{also}: it makes the text show in "
        "another order than it is written",
        display,
        line,
        "delete it (an editor shows it with 'show invisible characters'; in a quoted value it "
        f"may be written \\u{ord(char):04X}): right-to-left text shows in its order without it",
    )
