"""Markdown footnotes (``Text[^1].`` with ``[^1]: A note.``), which articlegen does not have.

Here ``[^id]`` cites an entry of the article's ``references:``. A writer coming from Hugo or
Jekyll writes footnotes, and was told at the definition's line that "citation [^1] names no
reference": following that hint (a reference with ``id: 1``) published ``[1]: A note.`` as a
paragraph. A definition whose text is a bare address was worse: markdown-it read it as a
link reference definition and dropped it without a word. So each footnote definition, in a
paragraph or read as a link reference, is a problem at its line that says what to do instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from markdown_it.token import Token

from ..core.errors import MarkupError

DEFINITION = re.compile(r"\[\^([^\]\s^]+)\]:")
"""A footnote definition's start, ``[^id]:``; on a line's start it is one."""
_REFERENCE_LABEL = r"\s*\^((?:[^][\\]|\\[\s\S]){0,998})"
"""A link reference label opening ``^`` after spaces, its text after the ``^`` a group: no
unescaped ``[`` and at most 999 characters in all (markdown-it's rules)."""
MAY_DEFINE = re.compile(
    r"(?:^[ \t>*+\-0-9.)#]*|\|[ \t]*)" rf"\[(?:\^[^]\r\n ]+|{_REFERENCE_LABEL})\]:",
    re.MULTILINE,
)
"""A line that may hold a footnote definition, after the marks of lists, quotes and headings
it may be in, or a table cell that opens with one (for the compiled path, which declines
such a body: markdown-it-py looks for one at the start of a heading's or a cell's text);
``[^id]:`` within a sentence is none. The footnote plugin's own definitions are those
whose label, on one line, holds no space (``[^a[b]:``, ``[^a\tb]:``); and any link
reference label starting ``^`` after spaces is one (``[^]:``, ``[ ^1]:``, ``[^a b]:``, over
lines, with an escaped bracket inside): markdown-it-py reads a link reference definition of
it, which ``footnote_problems`` tells. Such a label holds no unescaped ``[`` and is at most
999 characters (markdown-it's rules), so each place is searched up to the next bracket at
most, not on to the body's end."""
_WRITTEN = re.compile(rf"\[{_REFERENCE_LABEL}\]:")
"""A footnote definition's label as written, over lines if it is (``[^Sleep study]:``): the
label markdown-it keeps is upper-cased."""
_ID = re.compile(r"[^\]\s^]+")
"""An id a citation ``[^id]`` can name."""


def opens_definition(src: str, start: int, end: int) -> bool:
    """Whether the ``[^id]`` at ``src[start:end]`` starts a footnote definition: a ``:``
    follows, and only spaces precede it on its line."""
    line_start = src.rfind("\n", 0, start) + 1
    return src.startswith(":", end) and not src[line_start:start].strip()


def footnote_problems(
    children: Sequence[tuple[Token, int]],
    env: Mapping[str, Any],
    lines: Sequence[str],
    first_line: int,
    path: str | None,
) -> list[MarkupError]:
    """A problem for each footnote definition: those read in a paragraph (tokens of type
    ``footnote_definition``) and those markdown-it took for link reference definitions
    (labels starting ``^`` in ``env["references"]``, their ids read from their lines)."""
    found = [
        (line, child.meta["id"]) for child, line in children if child.type == "footnote_definition"
    ]
    for label, definition in env.get("references", {}).items():
        where = definition.get("map")
        if label.startswith("^") and where and where[0] < len(lines):
            written = _WRITTEN.search("\n".join(lines[where[0] : where[1]]))
            identifier = written.group(1) if written else label[1:]
            found.append((first_line + where[0], " ".join(identifier.split())))
    return [_problem(identifier, path, line) for line, identifier in sorted(found)]


def _problem(identifier: str, path: str | None, line: int) -> MarkupError:
    """The problem of the definition ``[^identifier]:``; one whose label no citation can
    name (none, or with a space: ``[^]:``, ``[^Sleep study]:``) is told to name its source
    with an id of its own, and how to cite it."""
    usable = bool(_ID.fullmatch(identifier))
    named = identifier if usable else "short-name"
    kind = "" if identifier else " without an id"
    return MarkupError(
        f"'[^{identifier}]: …' is a Markdown footnote{kind}, which articlegen does not have: "
        f"[^{named}] cites an entry of the article's 'references:'",
        path,
        line,
        f"for a source, add it to 'references:' (id: {named}, title, url)"
        + ("" if usable else f", cite it as [^{named}] (an id has no spaces)")
        + " and delete this line; for a remark, write it in the text",
    )
