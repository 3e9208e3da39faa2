"""A key indented otherwise than the key above it, which it goes with, as YAML's syntax error
for it can say so.

PyYAML's words for a key one space off (``did not find expected '-' indicator``, ``mapping
values are not allowed here``, ``did not find expected key``) are about its parser, not the
header: a writer who typed ``   title: …`` under ``  - id: …`` learns neither that the
indent is wrong nor what it should be. ``yamlloader`` asks this module first for those three.
"""

from __future__ import annotations

import re

_PROBLEMS = (
    "did not find expected '-' indicator",
    "mapping values are not allowed",
    "did not find expected key",
)
"""PyYAML's problems for a key indented otherwise than its siblings (by what it then reads)."""
_KEY = re.compile(r"""( *)(- +)?([^\s:#'"\[\]{},&*!|>%@`-][^:#]*?):(?:[ \t]|$)""")
"""A line that starts a ``key:``, in a list item (``- id: a``) or not: its indent, the
item's ``- ``, the key."""


def misindented(text: str, line: int, problem: str) -> tuple[str, str] | None:
    """The message and fix for ``problem`` at ``line`` (from 0) of ``text``, where that line is
    a key indented less than the key of the nearest line above it (past blank lines and
    comments) that holds its value on its line, or one space more, and so is meant as that
    key's sibling; else None."""
    if not problem.startswith(_PROBLEMS):
        return None
    lines = text.splitlines()
    here = _KEY.match(lines[line]) if 0 <= line < len(lines) else None
    if here is None or here.group(2):
        return None
    above = _key_above(lines, line)
    if above is None:
        return None
    indent, key = above
    written = len(here.group(1))
    if written == indent or written > indent + 1:
        return None  # further in: a key meant under the one above, whose value is on its line
    fixed = " " * indent + lines[line].lstrip(" ")
    return (
        f"invalid YAML: '{here.group(3)}' is indented {_spaces(written)}, and '{key}' on the"
        f" line above it {_spaces(indent)}",
        f"indent it as '{key}' is: write {fixed.rstrip()!r}",
    )


def _key_above(lines: list[str], line: int) -> tuple[int, str] | None:
    """The column and name of the key on the nearest line above ``line`` (past blank lines and
    comments), if it holds a value on that line (``title: x``, ``- id: a``): the key a key
    under it goes with. None for a key whose value is under it, or a line with no key."""
    for number in range(line - 1, -1, -1):
        stripped = lines[number].strip()
        if not stripped or stripped.startswith("#"):
            continue
        found = _KEY.match(lines[number])
        if found is None or not lines[number][found.end() :].strip(" \t"):
            return None
        return len(found.group(1)) + len(found.group(2) or ""), found.group(3)
    return None


def _spaces(count: int) -> str:
    return "1 space" if count == 1 else f"{count} spaces"
