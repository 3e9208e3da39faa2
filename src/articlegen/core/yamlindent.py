"""A key indented otherwise than the key above it, which it goes with, and a list item
indented less than the item above it, as YAML's syntax error for them can say so.

PyYAML's words for a key one space off (``did not find expected '-' indicator``, ``mapping
values are not allowed here``, ``did not find expected key``) are about its parser, not the
header: a writer who typed ``   title: …`` under ``  - id: …`` learns neither that the
indent is wrong nor what it should be. ``yamlloader`` asks this module first for those three.
A ``- `` item indented less than the one above it (``    - zinc`` then ``  - sleep``) is to
YAML outside that list, where the header goes on with keys: ``expected <block end>``.
"""

from __future__ import annotations

import re

import yaml

_PROBLEMS = (
    "did not find expected '-' indicator",
    "mapping values are not allowed",
    "did not find expected key",
)
"""PyYAML's problems for a key indented otherwise than its siblings (by what it then reads)."""
_KEY = re.compile(r"""( *)(- +)?([^\s:#'"\[\]{},&*!|>%@`-][^:#]*?):(?:[ \t]|$)""")
"""A line that starts a ``key:``, in a list item (``- id: a``) or not: its indent, the
item's ``- ``, the key."""
_ITEM = re.compile(r" *-(?: |$)")
"""A line that is an item of a block list."""


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


def misindented_item(exc: yaml.YAMLError, text: str) -> tuple[int, str, str] | None:
    """The line (from 0), message and fix for ``exc`` when it stumbled on a list item
    (``- …``) of ``text`` indented less than the item on the line above it (past blank
    lines and comments), which YAML reads as outside that list; None if it did not."""
    mark = getattr(exc, "problem_mark", None)
    lines, number = text.splitlines(), mark.line if mark is not None else -1
    item = lines[number] if 0 <= number < len(lines) else ""
    above = [line for line in lines[:number] if line.strip() and not line.lstrip().startswith("#")]
    if not above or not _ITEM.match(item) or not _ITEM.match(above[-1]):
        return None
    indent, first = (len(line) - len(line.lstrip(" ")) for line in (item, above[-1]))
    if indent >= first:
        return None
    return (
        number,
        f"invalid YAML: the list item '{item.strip()}' is indented by {_spaces(indent)}, less"
        f" than the '{above[-1].strip()}' above it ({_spaces(first)}), so YAML reads it as"
        " outside that list",
        f"start each '- ' of a list at the same indent: {_spaces(first)} before '{item.strip()}'",
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
