"""The HTML a Jekyll or Hugo post writes in its Markdown, for a site that shows HTML as text
(without ``markdown: {allow_html: true}``): what Markdown can say as well is written so,
and the tags left are named, for a warning.

Old themes let HTML through, so posts use it for what Markdown lacks: ``<br>`` for a line
break, ``H<sub>2</sub>O``. Here such a tag would show literally.
"""

from __future__ import annotations

import functools
import re

from .mdsource import code_spans_held, outside_code
from .mdtext import escape_block_start, scripted

_HTML_TAG = re.compile(r"(?<!\\)(?<!\]\()(?<!\]: )</?([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?/?>")
"""An HTML tag; not a link's address written in ``<…>`` (``[find](</search/>)``)."""
_BREAK_TAG = re.compile(r"[ \t]*(?<!\\)<br[ \t]*/?>[ \t]*", re.IGNORECASE)
_SCRIPT_TAG = re.compile(r"(?<!\\)<(sub|sup)>([^<\n]*)</\1>", re.IGNORECASE)
_QUOTE_MARKS = " \t>"
"""What a line's block quote markers are written with: a line broken in a quote goes on in it."""
_BLOCK_START = re.compile(
    r"(?:[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|[>#|=]|--|\*\*\*|___|```|~~~|$)"
)
"""What starts a block on a line after its quote markers (a list item, quote, heading,
fence, table, setext underline or rule), or ends a paragraph (a blank line)."""
_UNDERLINE = re.compile(r"(?:=+|-+)[ \t]*$")
"""A setext heading's underline, under a line of text."""


def html_as_markdown(body: str) -> str:
    """A Markdown post's ``<br>``, and ``<sub>``/``<sup>`` of digits, in Markdown, for a
    site that shows HTML as text: a hard line break (``\\`` ending the line), ``CO₂``. In a
    table's row (a new line would end it) and a heading the ``<br>`` stays, for
    ``raw_html``; a tag escaped (``\\<br>``) is text."""
    return code_spans_held(body, _lines)


def _lines(text: str) -> str:
    """``text``'s lines with their ``<br>`` (``_broken``) and ``<sub>``/``<sup>`` written
    as Markdown. A heading's sub/superscript of digits is written as the digits: its id is
    made from its text, and the old site's was too (``## H<sub>2</sub>O`` had the id
    ``h2o``, which links to it name, where H₂O would make ``h₂o``); one with signs, which
    would read otherwise (10-3), stays a tag, for ``raw_html``."""
    lines = text.split("\n")
    out = []
    for number, line in enumerate(lines):
        following = lines[number + 1] if number + 1 < len(lines) else ""
        heading = line.lstrip(_QUOTE_MARKS).startswith("#") or bool(
            line.strip() and _UNDERLINE.match(following.lstrip(_QUOTE_MARKS))
        )
        if not heading and "|" not in line and _BREAK_TAG.search(line):
            line = _broken(line, following)
        out.append(_SCRIPT_TAG.sub(functools.partial(_scripted, heading=heading), line))
    return "\n".join(out)


def _scripted(match: re.Match[str], *, heading: bool) -> str:
    """A ``<sub>`` or ``<sup>`` in Unicode's characters for it (in a heading, its digits),
    or as written where it cannot be."""
    text = match.group(2)
    shown, _ = scripted(text, match.group(1).lower())
    if shown == text or (heading and not text.isdigit()):
        return match.group(0)
    return text if heading else shown


def _broken(line: str, following: str) -> str:
    """A line's ``<br>`` tags as Markdown: the text after each on a line of its own, after a
    ``\\`` and the line's quote markers, its first character escaped where it would start a
    block; at the line's end, a ``\\`` only where the ``following`` line goes on with the
    paragraph (a ``\\`` ending one shows). A tag before another tag (which may start an
    HTML block) is left, for ``raw_html`` to name."""
    marks = ">" * line[: len(line) - len(line.lstrip(_QUOTE_MARKS))].count(">")
    go_on = "\\\n" + (marks + " " if marks else "")
    pieces = _BREAK_TAG.split(line)
    tags = _BREAK_TAG.findall(line)
    out = pieces[0]
    for number, (tag, piece) in enumerate(zip(tags, pieces[1:], strict=True)):
        if not piece and number == len(tags) - 1:
            out += "" if _BLOCK_START.match(following.lstrip(_QUOTE_MARKS)) else "\\"
        elif piece.startswith("<"):
            out += tag + piece
        else:
            out += go_on + (
                "\\" + piece if piece[:1] in tuple("*`~") else escape_block_start(piece)
            )
    return out


def raw_html(body: str) -> dict[str, str]:
    """The names of the HTML elements written in a Markdown body (outside code), each once,
    with its first tag as written (for finding its line): a site shows them as text unless
    its ``markdown: {allow_html: true}``."""
    found: dict[str, str] = {}

    def collect(part: str) -> str:
        for match in _HTML_TAG.finditer(part):
            found.setdefault(match.group(1).lower(), match.group(0))
        return part

    outside_code(body, collect)
    return found
