"""The HTML a Jekyll or Hugo post writes in its Markdown, for a site that shows HTML as text
(without ``markdown: {allow_html: true}``): what Markdown can say as well is written so,
and the tags left are named, for a warning.

Old themes let HTML through, so posts use it for what Markdown lacks: ``<br>`` for a line
break, ``H<sub>2</sub>O``. Here such a tag would show literally.
"""

from __future__ import annotations

import re

from .mdcode import parsed_tokens
from .mdinline import INLINE_TAG, inline_as_markdown
from .mdsource import code_spans_held, outside_code
from .mdtext import escape_block_start, scripted

_HTML_TAG = re.compile(r"(?<!\\)(?<!\]\()(?<!\]: )</?([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?/?>")
"""An HTML tag; not a link's address written in ``<…>`` (``[find](</search/>)``)."""
_BREAK_TAG = re.compile(r"[ \t]*(?<!\\)<br[ \t]*/?>[ \t]*", re.IGNORECASE)
_SCRIPT_TAG = re.compile(r"(?<!\\)<(sub|sup)>([^<\n]*)</\1>", re.IGNORECASE)
_QUOTE_MARKS = " \t>"
"""What a line's block quote markers are written with: a line broken in a quote goes on in it."""


def html_as_markdown(body: str) -> str:
    """A Markdown post's ``<br>``, ``<sub>``/``<sup>`` of digits and simple inline elements
    (``mdinline``) in Markdown, for a site that shows HTML as text: a hard line break (``\\``
    ending the line), ``CO₂``, ``**with**``. In a
    table's row (a new line would end it) and a heading the ``<br>`` stays, for
    ``raw_html``; a tag escaped (``\\<br>``) is text."""
    return code_spans_held(body, _lines)


def _lines(text: str) -> str:
    """``text``'s lines with their ``<br>`` (``_broken``), ``<sub>``/``<sup>`` and simple
    inline elements written as Markdown. A heading's are left as written, for ``raw_html``:
    its id is made from its text, and the old site's was too (``## H<sub>2</sub>O`` had the
    id ``h2o``), which neither the digits (``## Counts above 10<sup>9</sup>/L`` would say
    109/L) nor Unicode's characters (``h₂o``) keep."""
    if not (_BREAK_TAG.search(text) or _SCRIPT_TAG.search(text) or INLINE_TAG.search(text)):
        return text
    headings, paragraphs = _read_lines(text)
    lines = text.split("\n")
    out: list[str] = []
    for number, line in enumerate(lines):
        if number in headings:
            out.append(line)
            continue
        within = paragraphs.get(number, range(number, number + 1))
        if "|" not in line and _BREAK_TAG.search(line):
            line = _broken(line, goes_on=number + 1 in within)
        line = _SCRIPT_TAG.sub(_scripted, line)
        if INLINE_TAG.search(line):  # read with its paragraph: a '*' may pair across lines
            around = (out[within.start : number], lines[number + 1 : within.stop])
            line = inline_as_markdown(line, *around)
        out.append(line)
    return "\n".join(out)


def _read_lines(text: str) -> tuple[set[int], dict[int, range]]:
    """The lines (from 0) of ``text``'s headings, and the lines of the paragraph each of its
    paragraphs' lines is in, as the build's parser reads them: a line over ``---`` is a
    setext heading's only where that is no rule (after a list item or a quote's line, it is
    one), ``#hashtag`` is no heading, and ``1986.`` starts no list after a paragraph's line
    (only ``1.`` does)."""
    headings: set[int] = set()
    paragraphs: dict[int, range] = {}
    for token in parsed_tokens(text):
        if token.map and token.type == "heading_open":
            headings.update(range(*token.map))
        elif token.map and token.type == "paragraph_open":
            paragraphs.update(dict.fromkeys(range(*token.map), range(*token.map)))
    return headings, paragraphs


def _scripted(match: re.Match[str]) -> str:
    """A ``<sub>`` or ``<sup>`` in Unicode's characters for it, or as written where it
    cannot be."""
    text = match.group(2)
    shown, _ = scripted(text, match.group(1).lower())
    return match.group(0) if shown == text else shown


def _broken(line: str, *, goes_on: bool) -> str:
    """A line's ``<br>`` tags as Markdown: the text after each on a line of its own, after a
    ``\\`` and the line's quote markers, its first character escaped where it would start a
    block; at the line's end, a ``\\`` only where its paragraph goes on (``goes_on``) on the
    next line (a ``\\`` ending one shows). A tag before another tag (which may start an
    HTML block) is left, for ``raw_html`` to name."""
    marks = ">" * line[: len(line) - len(line.lstrip(_QUOTE_MARKS))].count(">")
    go_on = "\\\n" + (marks + " " if marks else "")
    pieces = _BREAK_TAG.split(line)
    tags = _BREAK_TAG.findall(line)
    out = pieces[0]
    for number, (tag, piece) in enumerate(zip(tags, pieces[1:], strict=True)):
        if not piece and number == len(tags) - 1:
            out += "\\" if goes_on else ""
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
