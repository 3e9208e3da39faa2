"""Where in an old post's own file a warning's subject is written, so that the warning can
name ``file:line`` as the build's own diagnostics do and an editor can jump there.

A reader converts a post (template tags, anchors, links) before the warnings about it are
written, so the converted text's lines are not the source's. What a warning is about is
written in the source as it is, though: a Liquid tag, a shortcode, an anchor, a link's
``#fragment``, a bidi control or a date key in the header. It is looked up in the file
itself; where it is not found (a post converted from HTML, a WordPress export's post, which
has no file of its own) the warning names the file alone, rather than a line that may be
wrong.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..core.characters import BIDI_CONTROLS, decode_source
from ..core.errors import ArticlegenError
from ..core.limits import read_regular_file
from .mdsource import outside_code

_HEADER = re.compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\n.*?^(?:\1|\.\.\.)[ \t]*$", re.S | re.M)
"""A YAML (``---``) or TOML (``+++``) front-matter, as ``mdsource`` reads them."""
_ESCAPED_BIDI = re.compile(
    r"\\(?:u|U0000)(?:202[a-eA-E]|206[6-9])|&#(?:x202[a-eA-E]|x206[6-9]|82(?:0[2-9]|1[0-4]));"
)
"""A bidi control written as an escape in a header value (``"\\u202e"``) or an entity."""


def source_text(file: Path | None) -> str | None:
    """The text of a post's own file as its reader read it (line breaks as ``\\n``); None
    when there is none, or it cannot be read now."""
    if file is None:
        return None
    try:
        data = read_regular_file(file, str(file), ArticlegenError)
        return decode_source(data, str(file), ArticlegenError).replace("\r\n", "\n")
    except (ArticlegenError, OSError):
        return None


def line_of(text: str | None, written: str | re.Pattern[str]) -> int | None:
    """The line (from 1) of the first place ``text`` holds ``written`` (a text, or a pattern);
    None when it holds none."""
    if text is None:
        return None
    if isinstance(written, str):
        index = text.find(written)
    else:
        found = written.search(text)
        index = found.start() if found else -1
    return text.count("\n", 0, index) + 1 if index >= 0 else None


def line_outside_code(text: str | None, written: str) -> int | None:
    """``line_of`` a Markdown file's ``written`` where it stands outside code: an HTML tag
    the import names is one the build shows as text, not the same tag shown in a code span
    (`` `<kbd>` ``) lines before it."""
    if text is None:
        return None
    marked = outside_code(text, lambda part: f"\x01{part}\x02")  # no file holds them
    for part in re.finditer("\x01([^\x02]*)\x02", marked):
        if (index := part.group(1).find(written)) >= 0:
            return marked.count("\n", 0, part.start(1) + index) + 1
    return None


def header_bidi_line(file: Path | None) -> int | None:
    """The line of the first bidi control (as itself or as an escape) in the front-matter
    of a post's file; None for a file without one (an HTML page, an export)."""
    text = source_text(file)
    header = _HEADER.match(text) if text is not None else None
    if header is None:
        return None
    raw = BIDI_CONTROLS.search(header.group(0))
    escaped = _ESCAPED_BIDI.search(header.group(0))
    places = [found.start() for found in (raw, escaped) if found]
    return header.group(0).count("\n", 0, min(places)) + 1 if places else None


def header_key_line(file: Path | None, key: str) -> int | None:
    """The line of the top-level ``key:`` (unindented, perhaps quoted) in the YAML
    front-matter of a post's file, the last where it is written twice, as Jekyll keeps that
    one; None where the header does not write it (a value of ``_config.yml``'s defaults)."""
    text = source_text(file)
    header = _HEADER.match(text) if text is not None else None
    if header is None or header.group(1) != "---":
        return None
    written = re.compile(rf"^(['\"]?){re.escape(key)}\1[ \t]*:(?:[ \t]|$)", re.M)
    places = [found.start() for found in written.finditer(header.group(0))]
    return header.group(0).count("\n", 0, places[-1]) + 1 if places else None


def located(origin: str, line: int | None) -> str:
    """``origin:line`` where the line is known, else ``origin``."""
    return f"{origin}:{line}" if line else origin


def add_place(places: list[str], display: str, file: Path | None, written: str) -> None:
    """Add the post ``display`` to the ``places`` that hold a kind of template tag, at the
    line of ``file`` where ``written`` (the tag as written) first is: each post once."""
    if not any(place == display or place.startswith(f"{display}:") for place in places):
        places.append(located(display, line_of(source_text(file), written)))
