"""Headings of imported Markdown moved together so that the top one is ``##``.

The page shows its title as its one ``<h1>``, so an imported post's ``#`` headings become
``##`` and every other heading moves with them; a setext heading (text over ``===`` or
``---``), which has no deeper levels, is written as an ATX one. The headings are found by the
site's own parser, so a ``#`` line in code is none.

Attribute lists, which kramdown (Jekyll) and Goldmark (Hugo) read and this site's Markdown
does not, are taken out first (``attributes_removed``): the page would show them as text. A
heading's id written so (``## Dose {#dose}``) becomes an HTML anchor in the heading, which
``namedanchors`` turns into a link to the heading's own id, as an old post's anchors are.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .mdcode import parsed_tokens
from .mdsource import spans_held
from .mdtext import merged_levels_note


def headings_from_level_two(body: str, notes: list[str] | None = None) -> str:
    """``body`` with its headings moved up or down together so that the top one is ``##``,
    as the HTML importer does: here the page's title is its one h1, and a ``#`` heading in
    the text is a build warning (an error for ``check --strict``). The headings are found
    by the site's own parser, so a ``#`` line in code is none; a setext heading (text over
    ``===`` or ``---``) is written as an ATX one, which has the deeper levels. Where levels
    5 and 6 both become ``######``, a warning saying so is added to ``notes``."""
    tokens = parsed_tokens(body)
    headings = [
        (token, tokens[index + 1].content)
        for index, token in enumerate(tokens)
        if token.type == "heading_open" and token.map
    ]
    levels = [int(token.tag[1]) for token, _ in headings]
    shift = 2 - min(levels, default=2)
    if shift == 0:
        return body
    if notes is not None and (merged := merged_levels_note(levels, shift)):
        notes.append(merged)
    lines = body.split("\n")
    for token, text in reversed(headings):  # from the end: a setext heading takes fewer lines
        assert token.map is not None
        start, end = token.map
        marks = "#" * min(6, int(token.tag[1]) + shift)
        if token.markup.startswith("#"):
            line = lines[start]
            at = line.index("#")  # what comes before it (a quote's '>', a list's '-') is no '#'
            lines[start] = line[:at] + marks + line[at + len(token.markup) :]
        else:
            words = text.split("\n")
            prefix = _CONTAINERS.match(lines[start]).group(0)  # type: ignore[union-attr]
            joined = " ".join(w.strip() for w in words)
            closing = " #" if joined.endswith("#") else ""  # else its '#'s would close it
            heading = [prefix + marks + " " + joined + closing]
            if "|" in joined and end < len(lines) and _DELIMITER_ROW.match(lines[end]):
                heading.append(prefix.rstrip())  # else the two lines would make a table
            lines[start:end] = heading
    return "\n".join(lines)


_DELIMITER_ROW = re.compile(r"(?:[ \t]*>)*[ \t|:-]*-[ \t|:-]*$")
"""A line under a setext heading's underline that would make a table of the heading's one
ATX line, if that holds a ``|`` (the underline had kept them apart): a blank line goes
between."""


_CONTAINERS = re.compile(r"(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*")
"""What may open a line before a heading's text: block quotes' '>' and list markers (a
heading '1' in the item '1. 1' is not the marker's '1'); it always matches, if empty."""


_BLOCK_ATTRIBUTES = re.compile(
    r"^ {0,3}\{(?::(?![:/])[^}\n]*|[.#][^\s}][^}\n]*|[\w-]+=[^}\n]*)\}[ \t]*$"
)
"""A line holding only an attribute list: kramdown's ``{: .message}`` or ``{:toc}``, or
Goldmark's ``{.note}``, ``{#id}`` or ``{class="x"}``; not ``{::comment}``, an extension."""
_HEADING_ATTRIBUTES = re.compile(
    r"^( {0,3}#{1,6}[ \t].*?)[ \t]*\{:?[ \t]*((?:[.#][^\s{}]+|[\w-]+=\S+)(?:[ \t]+[^{}\n]*)?)\}"
    r"[ \t]*$"
)
"""An ATX heading ending with its attributes: ``## Dose {#dose}``, ``## Dose {: #dose .x}``."""
_SPAN_ATTRIBUTES = re.compile(r"(?<=[)*_`\]>\x00])\{:(?![:/])[^}\n]*\}")
"""kramdown's attributes of a span, right after it: ``[a](u){: target="_blank"}``, or after a
code span (held as ``HELD``, a number, ``HELD``: ``spans_held``)."""
_ID = re.compile(r"(?:^|[ \t])#([A-Za-z][\w:.-]*)")
_INDENT = re.compile(r"[ \t]*(?:>[ \t]*)*")
_TOC = re.compile(r"^\{:[ \t]*toc[ \t]*\}$")
_CANDIDATE = re.compile(r"^ {0,3}\{.*\}[ \t]*$|\}[ \t]*$|[)*_`\]>]\{:", re.M)
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]")


def attributes_removed(body: str, notes: list[str]) -> str:
    """``body`` without its attribute lists, outside code; a heading's id written in one
    becomes an anchor at the end of the heading (``<a id="dose"></a>``), an id of a line
    of its own one at the end of the line before it, or under a code block on a line of
    its own before the block (never on a code line: the fence would not close). kramdown's
    ``{:toc}`` goes with the list item above it, which kramdown replaced by a table of
    contents (the page makes its own). A note in ``notes`` names the others removed."""
    if "{" not in body or not _CANDIDATE.search(body):  # most posts: no parse needed
        return body
    blocks = [
        (token.map[0], token.map[1], token.type == "fence")
        for token in parsed_tokens(body)
        if token.type in ("code_block", "fence") and token.map
    ]
    code = {line for start, end, _ in blocks for line in range(start, end)}
    starts = {end: (start, fence) for start, end, fence in blocks}  # the line under code
    lines = body.split("\n")
    removed: list[str] = []
    out: list[str] = []
    placed: dict[int, int] = {}  # a line of ``lines`` → its index in ``out``
    for number, line in enumerate(lines):
        placed[number] = len(out)
        if number in code:
            out.append(line)
            continue
        if _BLOCK_ATTRIBUTES.match(line):
            written = line.strip()
            if _TOC.match(written.replace(" ", "")) and out and _LIST_ITEM.match(out[-1]):
                out.pop()  # kramdown's "* TOC" item, which the table of contents replaced
                continue
            found = _ID.search(written[1:-1].lstrip(":"))
            if found and number in starts:  # under code: on a line of its own, before it
                first, fence = starts[number]
                out[placed[first] : placed[first]] = _anchor_before(
                    out[placed[first]], fence, found
                )
            elif found and out and out[-1].strip():
                out[-1] += f' <a id="{found.group(1)}"></a>'
            elif written.replace(" ", "") != "{:toc}":
                removed.append(written)
            continue
        if heading := _HEADING_ATTRIBUTES.match(line):
            found = _ID.search(" " + heading.group(2))
            line = heading.group(1) + (f' <a id="{found.group(1)}"></a>' if found else "")
            if not found or _ID.sub("", " " + heading.group(2)).strip():  # classes, keys
                removed.append(heading.group(0)[len(heading.group(1)) :].strip())
        out.append(spans_held(line, lambda part: _SPAN_ATTRIBUTES.sub(_noted(removed), part)))
    if removed:
        shown = ", ".join(dict.fromkeys(removed[:3]))
        notes.append(
            f"its attribute lists ({shown}{', …' if len(removed) > 3 else ''}) were removed, "
            "as the page would show them as text: they set classes or attributes the old "
            "theme used"
        )
    return "\n".join(out)


def _anchor_before(line: str, fence: bool, found: re.Match[str]) -> list[str]:
    """The lines that put an anchor named in ``found`` before a code block whose first line
    is ``line``, in the same block quotes (and list item, for a fence), a blank line between
    (an indented block would read on into the anchor's paragraph)."""
    prefix = _INDENT.match(line)
    written = prefix.group(0) if prefix else ""
    if not fence:  # an indented block's indent is its own: only the quotes' '>'
        written = written[: written.rfind(">") + 1] + (" " if ">" in written else "")
    return [f'{written}<a id="{found.group(1)}"></a>', written.rstrip()]


def _noted(removed: list[str]) -> Callable[[re.Match[str]], str]:
    def remove(match: re.Match[str]) -> str:
        removed.append(match.group(0))
        return ""

    return remove
