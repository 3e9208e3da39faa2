"""A quoted value whose closing quote was forgotten, found where YAML would swallow the lines
after it.

YAML lets a quoted scalar run over several lines, so ``title: "Zinc and sleep`` with no
closing quote is not a syntax error when a later line happens to end in a quote of the same
kind: every line between is folded into the title, and the keys written there (``date:``,
``description:``) vanish. The author then hears only that ``date`` is missing, from a header
that plainly holds it. A continuation line that starts where its own key starts (or further
left) and reads ``name: …`` is almost surely a key, not prose; a line meant to continue the
value can say so by sitting indented under its key, and the hint offers both. The keys it names
are written: ``yamldoc.load_mapping`` hands the top-level ones to its caller, which does not
report them missing on top of it, and a top-level value with a mapping inside that lost keys
so (a reference's ``url``) is not checked, as one that cannot be read is not.
"""

from __future__ import annotations

import re

import yaml

from .errors import ArticlegenError
from .yamlloader import close_quote, line_of

_KEY_LINE = re.compile(r"([ \t]*)([^\s#'\"\-?:,\[\]{}|>!&*%@`][^:#]*?):(?:[ \t]|$)")
"""A line that reads as ``name: value`` (or ``name:``), with its indentation."""
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""The line breaks YAML counts lines by."""


def swallowed_keys(key_node: yaml.Node, value_node: yaml.Node, text: str) -> list[tuple[str, int]]:
    """The keys written on the lines a quoted value of ``key_node`` runs on over, at or left
    of its key's column, each with its column: none for any other value. ``text`` is the
    document."""
    if type(value_node) is not yaml.ScalarNode or value_node.style not in ('"', "'"):
        return []
    start, end = value_node.start_mark.line, value_node.end_mark.line
    if end == start:
        return []
    column = key_node.start_mark.column
    keys = [
        (found.group(2).strip(), len(found.group(1).expandtabs()))
        for line in _LINE_BREAK.split(text)[start + 1 : end + 1]
        if (found := _KEY_LINE.match(line))
    ]
    return [(name, indent) for name, indent in keys if indent <= column]


def swallowed_keys_problem(
    key: str,
    value_node: yaml.ScalarNode,
    swallowed: list[tuple[str, int]],
    text: str,
    path: str,
    error: type[ArticlegenError],
    first_line: int,
) -> ArticlegenError:
    """The problem of the quoted value of ``key`` (``value_node``) that ran on over the
    ``swallowed`` keys (``swallowed_keys``). ``text`` is the document, its first line on
    file line ``first_line``. A reader that checks for missing keys leaves these out: each
    is written, and the quote is what to fix."""
    start, end = value_node.start_mark.line, value_node.end_mark.line
    names = ("the key " if len(swallowed) == 1 else "the keys ") + " and ".join(
        f"'{name}'" for name, _ in swallowed
    )
    first, last = start + 1 + first_line, end + first_line
    lines = f"line {last}" if first == last else f"lines {first}–{last}"
    kind = "double" if value_node.style == '"' else "single"
    return error(
        f"the {kind} quote opened on this line is not closed on it, so YAML read {lines} as"
        f" part of '{key}', and not as {names} written there",
        path,
        start + first_line,
        close_quote(line_of(text, start), value_node.style)
        + "; if those lines go on the value, indent them under its key",
    )
