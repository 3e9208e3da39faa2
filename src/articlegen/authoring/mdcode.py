"""Where an imported Markdown body's code blocks are, as the build's parser reads it.

What importers change in a post's text (template tags, ``<br>``, anchors, images) must not
change its code. Fenced blocks and code spans are found by pattern (``mdsource``), but an
indented block depends on what is around it: four spaces start one after a blank line, not
inside a paragraph, and in a list item only past the item's own indent. The site's parser
knows those rules, so its tokens say which lines are code.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from markdown_it.token import Token

from ..markup.markdown import make_markdown

_MAYBE_CODE = re.compile(r"^[-*+>\d.) \t]*?(?: {4}|\t)|```|~~~", re.M)
"""What a code block needs: a line indented as far as an indented block is (after a quote's
or list item's marker, where it may be in one), or a fence."""


def parsed_tokens(body: str, *, allow_html: bool = False) -> list[Token]:
    """``body``'s tokens as the build's parser (made once for each ``allow_html``) reads it."""
    env: dict[str, object] = {"first_line": 1, "path": None, "problems": []}
    return _PARSER(allow_html=allow_html).parse(body, env)


_PARSER = functools.cache(make_markdown)


def code_lines(body: str) -> set[int]:
    """The lines (from 0) of ``body``'s code blocks, fenced or indented."""
    return {
        line
        for token in parsed_tokens(body)
        if token.type in ("code_block", "fence") and token.map
        for line in range(*token.map)
    }


def outside_code_blocks(body: str, change: Callable[[str], str]) -> str:
    """``body`` with ``change`` applied to the text between its code blocks, each block's
    lines kept as written (the line breaks around a block go with the text, as they do
    around a fenced block ``mdsource`` finds); a body with no indented line or fence (most)
    is changed whole, without parsing it."""
    code = code_lines(body) if _MAYBE_CODE.search(body) else set()
    if not code:
        return change(body)
    starts = [0]
    for line in body.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    out: list[str] = []
    position = 0
    for number in sorted(code):
        if number - 1 not in code:  # a block's first line
            out.append(change(body[position : starts[number]]))
            position = starts[number]
        if number + 1 not in code:  # its last line, kept without the break after it
            out.append(body[position : starts[number + 1] - 1])
            position = starts[number + 1] - 1
    out.append(change(body[position:]))
    return "".join(out)
