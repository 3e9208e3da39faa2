"""A key indented otherwise than the key above it, which it goes with, and a list item
indented less than the item above it, as YAML's syntax error for them can say so.

PyYAML's words for a key one space off (``did not find expected '-' indicator``, ``mapping
values are not allowed here``, ``did not find expected key``) are about its parser, not the
header: a writer who typed ``   title: …`` under ``  - id: …`` learns neither that the
indent is wrong nor what it should be. ``yamlloader`` asks this module first for those three.
A ``- `` item indented less than the one above it (``    - zinc`` then ``  - sleep``) is to
YAML outside that list, where the header goes on with keys: ``expected <block end>``; so is
one of a list of mappings indented otherwise than the item before it (``   - id: b`` after
``  - id: a`` and its keys). A key of such an item is compared with the keys above it at
each level, past a value written under one (a list, a ``>`` text), and taken as the sibling
of the nearest; one further in than the item's keys is misindented too, as a key cannot go
under the value of one (``id: a``). An item written without a space after its ``-``
(``-heart``) is a text to YAML, and stumbles it on the next line.
"""

from __future__ import annotations

import re
from dataclasses import replace

import yaml

from .nestedkeys import VALUE_KEYS
from .records import record
from .yamlquoting import double_quoted

_PROBLEMS = (
    "did not find expected '-' indicator",
    "mapping values are not allowed",
    "did not find expected key",
)
"""PyYAML's problems for a key indented otherwise than its siblings (by what it then reads)."""
_KEY = re.compile(r"""( *)(- +)?([^\s:#'"\[\]{},&*!|>%@`-][^:#]*?):(?:[ \t]|$)""")
"""A line that starts a ``key:``, in a list item (``- id: a``) or not: its indent, the
item's ``- ``, the key."""
GLUED_KEY = re.compile(r"( *)()([A-Za-z_][\w-]*):(?=[^\s:/])")
"""A line that starts a key with no space after its colon (``url:https://…``): to YAML a
text, to its writer a key, as the line's place among keys shows (its indent, an empty
group where ``_KEY`` has an item's ``- ``, the key)."""
_ITEM = re.compile(r" *-(?: |$)")
"""A line that is an item of a block list."""
_UNSPACED = re.compile(r"( *)-([^\s-].*)")
"""A line written as a list's item without the space after its ``-`` (``-heart``)."""


def misindented(text: str, line: int, problem: str) -> tuple[str, str] | None:
    """The message and fix for ``problem`` at ``line`` (from 0) of ``text``, where that line is
    a key indented otherwise than the key it goes with (``_levels``): less than it, or one
    space more, or, in an item of a list of mappings, further in than the item's keys under
    a key that holds its value on its line; else None."""
    if not problem.startswith(_PROBLEMS):
        return None
    lines = text.splitlines()
    written_line = lines[line] if 0 <= line < len(lines) else ""
    here = _KEY.match(written_line) or GLUED_KEY.match(written_line)
    if here is None or here.group(2):
        return None
    glued = here.re is GLUED_KEY
    levels = _levels(lines, line)
    written = len(here.group(1))
    if not levels or any(level.column == written for level in levels):
        return None  # where a key can be: the problem is another
    level = levels[0]  # the key on the line above, as ever; past a value, the nearest level
    if not (level.adjacent and level.valued):
        level = min(levels, key=lambda level: abs(level.column - written))
    further = written > levels[0].column + 1
    if further and levels[0].valued and not any(lv.item for lv in levels[: level.depth + 1]):
        if " " in here.group(3):  # no key holds a space: the text above, wrapped at a ': '
            return _wrapped_value(here.group(3), lines, levels[0])
        return _under_a_value(here.group(3), written, levels[0], written_line, lines)
    if further and not levels[0].valued:
        return None  # under a key with no value on its line, where keys go: another problem
    fixed = " " * level.column + written_line.lstrip(" ")
    if glued:  # and put the space YAML needs after the key's colon
        fixed = fixed.replace(":", ": ", 1)
    where = "on the line above it" if level.depth == 0 and level.adjacent else "above it"
    return (
        f"invalid YAML: '{here.group(3)}' is indented {_spaces(written)}, and"
        f" '{level.key}' {where} {_spaces(level.column)}"
        + (", and has no space after its ':'" if glued else ""),
        f"indent it as '{level.key}' is{', with a space after the colon' if glued else ''}:"
        f" write {fixed.rstrip()!r}",
    )


def _wrapped_value(words: str, lines: list[str], above: _Level) -> tuple[str, str]:
    """The message and fix for a value of ``above`` written on over the lines below its key's
    (``description: … why the`` then ``  evening matters: a guide``), where a line holds
    ``': '``, which YAML reads as a key's (``words`` its words before it): the value quoted
    on one line, as it would be on the key's line alone."""
    key, _, first = lines[above.line].partition(":")
    more = []
    for text in lines[above.line + 1 :]:
        if not text.strip() or _indent(text) <= above.column:  # the next key, or the end
            break
        more.append(text.strip())
    value = " ".join([first.strip(), *more])
    return (
        f"invalid YAML: a value holding ': ' (a colon and a space) must be in quotes, when it"
        f" goes on over lines too: YAML reads '{words}' as a key, not words of '{above.key}'",
        f"put the value in double quotes: {key}: {double_quoted(value)}",
    )


def _under_a_value(
    key: str, written: int, above: _Level, line: str, lines: list[str]
) -> tuple[str, str]:
    """The message and fix for a key indented further than the key above it, outside a
    list's item, where that key holds its value on its line: the writer meant it beside
    that key (``title: A`` then ``  date: …``) or under it (``image: x`` then ``  src: …``),
    and PyYAML's words told neither. Under it, a value the mapping holds in a key of its
    own (``image: hero.jpg`` then ``  alt: …``) is moved there, not dropped."""
    fixed = " " * above.column + line.lstrip(" ")
    under = f"write nothing after '{above.key}:' on its line"
    held = VALUE_KEYS.get(above.key) if above.column == 0 else None
    value = lines[above.line].split(":", 1)[1].split(" #", 1)[0].strip()
    if held and held != key and value:
        under += f" and move '{value}' under it as '{held}: {value}'"
    return (
        f"invalid YAML: '{key}' is indented {_spaces(written)}, under '{above.key}', whose value"
        f" is on its line, so YAML can read it neither as a key of its own nor as one of"
        f" '{above.key}'",
        f"if it is a key of its own, indent it as '{above.key}' is: write {fixed.rstrip()!r};"
        f" if it belongs to '{above.key}', {under}",
    )


def list_item_problem(exc: yaml.YAMLError, text: str) -> tuple[int, str, str] | None:
    """The line (from 0), message and fix for ``exc`` when it stumbled on a list item of
    ``text``: one written without a space after its ``-`` (``unspaced_item``), or one indented
    otherwise than the item before it (``misindented_item``); None if it did not."""
    return unspaced_item(exc, text) or misindented_item(exc, text)


def unspaced_item(exc: yaml.YAMLError, text: str) -> tuple[int, str, str] | None:
    """``-heart`` under ``- sleep`` (or under ``tags:``), which YAML reads as a text, not an
    item: it stumbles at the line after it (``could not find expected ':'``), or on a key
    of that item (``-id: a`` then ``  title: T``). Looked for on the lines it names and the
    line above its mark; an item the rest of its list (or the key above it) shows it meant."""
    lines = text.splitlines()
    marks = [getattr(exc, name, None) for name in ("context_mark", "problem_mark")]
    numbers = [mark.line for mark in marks if mark is not None]
    if marks[1] is not None:
        numbers += _content_above(lines, marks[1].line)[:1]
    for number in numbers:
        found = _UNSPACED.fullmatch(lines[number]) if 0 <= number < len(lines) else None
        column = _list_column(lines, number) if found else None
        if found is None or column is None:
            continue
        fixed = f"{' ' * column}- {found.group(2)}"
        return (
            number,
            f"invalid YAML: '{lines[number].strip()}' has no space after its '-', so YAML reads"
            " it as a text, not as an item of the list",
            f"put a space after the '-': write {fixed.rstrip()!r}",
        )
    return None


def misindented_item(exc: yaml.YAMLError, text: str) -> tuple[int, str, str] | None:
    """The line (from 0), message and fix for ``exc`` when it stumbled on a list item
    (``- …``) of ``text`` indented less than the item before it in its list (on the line
    above, past blank lines and comments), which YAML reads as outside that list; or, past
    the keys of an item of a list of mappings (``- id: a`` then ``title: T``), indented
    otherwise than that item; None if it did not."""
    mark = getattr(exc, "problem_mark", None)
    lines, number = text.splitlines(), mark.line if mark is not None else -1
    item = lines[number] if 0 <= number < len(lines) else ""
    above = next(iter(_content_above(lines, number)), None)
    before = _item_before(lines, number)
    if before is None and _ITEM.match(item):  # under a key of an item: '    title: T'
        before = next((level.line for level in _levels(lines, number) if level.item), None)
    if above is None or before is None or not _ITEM.match(item):
        return None
    indent, first = _indent(item), _indent(lines[before])
    mapped = before != above and (getattr(exc, "problem", None) or "").startswith(_PROBLEMS)
    if indent == first or (indent > first and not (mapped and _KEY.match(lines[before]))):
        return None
    if before != above and not mapped:
        return None
    shown, side = lines[before].strip(), "less" if indent < first else "more"
    read = "outside that list" if indent < first else "inside that item, where no list can start"
    return (
        number,
        f"invalid YAML: the list item '{item.strip()}' is indented by {_spaces(indent)}, {side}"
        f" than the '{shown}' above it ({_spaces(first)}), so YAML reads it as {read}",
        f"start each '- ' of a list at the same indent: {_spaces(first)} before '{item.strip()}'",
    )


def _content_above(lines: list[str], line: int) -> list[int]:
    """The lines above ``line`` (from 0) that are neither blank nor a comment, nearest first."""
    return [
        n
        for n in range(min(line, len(lines)) - 1, -1, -1)
        if lines[n].strip() and not lines[n].lstrip().startswith("#")
    ]


def _item_before(lines: list[str], line: int) -> int | None:
    """The line of the item before the one at ``line`` in its list: the outermost item among
    the lines above it, past the keys and values of items, up to a line of no item indented
    less than it (the list's key). None where there is none."""
    indent = _indent(lines[line]) if 0 <= line < len(lines) else 0
    found: int | None = None
    for number in _content_above(lines, line):
        column = _indent(lines[number])
        if _ITEM.match(lines[number]) or _UNSPACED.fullmatch(lines[number]):
            if found is None or column < _indent(lines[found]):
                found = number
        elif column < indent or (column == indent and found is None):
            break
    return found


def _list_column(lines: list[str], line: int) -> int | None:
    """Where the items of the list the line ``line`` (from 0) is meant in start: the item
    before it, or the item after it; its own column under a key with no value on its line
    (``tags:``); None where nothing shows it is meant as an item."""
    indent = _indent(lines[line])
    if (before := _item_before(lines, line)) is not None:
        return _indent(lines[before])
    after = next((n for n in range(line + 1, len(lines)) if lines[n].strip()), None)
    if after is not None and _ITEM.match(lines[after]):
        return _indent(lines[after])
    above = next(iter(_content_above(lines, line)), None)
    key = _KEY.match(lines[above]) if above is not None else None
    if key and not key.string[key.end() :].strip() and len(key.group(1)) <= indent:
        return indent  # the first item, under 'tags:'
    return None


@record
class _Level:
    """A key a misindented key may be meant beside: where its name starts, and how found."""

    column: int
    key: str
    depth: int
    """0 for the nearest key line above, 1 for the key it is under, and so on."""
    adjacent: bool
    """On the nearest line above (past blank lines and comments)."""
    valued: bool
    """Its value is on its line (``id: a``), so no key can go under it."""
    item: bool
    """It starts an item of a list (``- id: a``), as the item's first key."""
    line: int
    """The line (from 0) it is on: that item's, where it starts one."""


def _levels(lines: list[str], line: int) -> list[_Level]:
    """The keys above ``line`` (from 0) that a key on it may be meant beside, nearest first:
    the key of the nearest line above that is no deeper than it (past a value written under
    a key: a list, a ``>`` text), its siblings' first (``- id: a`` for ``title: T`` of that
    item), then each key they are under, out to the top level."""
    levels: list[_Level] = []
    bound: int | None = None
    for number in range(line - 1, -1, -1):
        text = lines[number]
        stripped = text.strip()
        indent = _indent(text)
        if not stripped or stripped.startswith("#") or (bound is not None and indent >= bound):
            continue
        found = _KEY.match(text)
        if found is None:
            if levels:
                break  # a text or a list's item holds no key: no level above it is known
            bound = indent  # a value under a key: its key is further up
            continue
        column = len(found.group(1)) + len(found.group(2) or "")
        if levels and column == levels[-1].column:
            if found.group(2) and not levels[-1].item:
                levels[-1] = replace(levels[-1], item=True, line=number)
        else:
            adjacent = bound is None
            valued = bool(text[found.end() :].strip(" \t"))
            item = bool(found.group(2))
            levels.append(
                _Level(column, found.group(3), len(levels), adjacent, valued, item, number)
            )
        bound = indent
    return levels


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _spaces(count: int) -> str:
    return "1 space" if count == 1 else f"{count} spaces"
