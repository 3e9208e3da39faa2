"""Headings of imported Markdown moved together so that the top one is ``##``.

The page shows its title as its one ``<h1>``, so an imported post's ``#`` headings become
``##`` and every other heading moves with them; a setext heading (text over ``===`` or
``---``), which has no deeper levels, is written as an ATX one. The headings are found by the
site's own parser, so a ``#`` line in code is none.
"""

from __future__ import annotations

import functools
import re

from markdown_it.token import Token

from ..markup.markdown import make_markdown
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


def parsed_tokens(body: str) -> list[Token]:
    """``body``'s tokens as the build's parser (with the site's defaults, made once) reads it."""
    return _PARSER().parse(body, {"first_line": 1, "path": None, "problems": []})


_PARSER = functools.cache(make_markdown)
