"""A YAML mapping of the shapes nearly every header is written in, read from its lines
without composing it: what ``yamldoc`` reads from such a text, entry for entry, in a third
of the time (composing the node tree and walking it again were most of what a cold build
spent on front-matter outside the checks).

The shapes: top-level ``key: value`` lines, where a value is a plain scalar on its line, a
quoted one without escapes or inner quotes, or a flow list of plain words
(``[a, b c]``); or a key with nothing after it over an indented block of either ``- item``
lines (each item such a value, or a mapping of such ``key: value`` lines: a reference) or
``key: value`` lines (``image:``). Blank lines may come between lines. Anything else (a
comment, a tab, an escape, an anchor, a value over several lines, a key written twice, a
key YAML reads as other than text, a character YAML refuses) is declined with None, and
``yamldoc`` reads the text as it reads any: the errors it reports are never this module's
to make. A property test (``tests/unit/test_yamlsimple``) compares the two on generated
headers."""

from __future__ import annotations

import functools
import re
from typing import Any

import yaml

from .yamlentry import Entry
from .yamlloader import SCALAR_TAGS, STR_TAG, Loader, plain_tag

_RESOLVED_FIRST = frozenset(Loader.yaml_implicit_resolvers)
"""First characters of the plain scalars YAML may read as other than text (``plain_tag``
tries its expressions only on these: it has no resolver for any first character)."""

_NUMBER_FIRST = frozenset(
    first
    for first, resolvers in Loader.yaml_implicit_resolvers.items()
    if resolvers and all(tag.endswith((":int", ":float")) for tag, _ in resolvers)
)
"""First characters (digits, signs, ``.``) of the plain scalars YAML tries only its number
expressions on, which take a ``-`` only first or right after the ``e`` of an exponent: such
a scalar with a ``-`` further on and no ``e`` or ``E`` (a day, ``2024-05-14``) is text."""

_LINES = re.compile(
    r"^( *)(- +)?(?:([A-Za-z_][A-Za-z0-9_-]{0,1023}+):(?: +|$))?(.*[^ \n])? *$", re.MULTILINE
)
"""Each line: its indent, a list item's ``- ``, a ``key:`` and what follows, without the
spaces at its end. Each is empty where the line has none. A key is at most 1,024
characters, YAML's limit for a key written without ``?``: a longer one is YAML's error.
The key's letters are taken possessively (``{0,1023}+``): a shorter run is followed by a
letter of the key, never by its colon, so the lines read the same, but a line with no
colon (a See Also slug, a tag) is not tried again at every shorter run (about 3 µs a
header of the bench corpus, a sixth of the search)."""
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
"""Characters a plain scalar may not open with (``-1``, ``?x`` and ``:x`` are left to
``yamldoc``)."""
_FLOW_INDICATORS = re.compile(r"[:#?\[\]{}]")
"""What a plain item of a flow list here holds none of (it opens with no ``_INDICATORS``):
``?`` too, which ends a plain scalar in a flow list for PyYAML's own scanner (used where
libyaml is not installed), though not for libyaml's."""

_Row = tuple[int, int, str, str, str]
"""A line that is not blank: (file line, indent, ``- `` or empty, key or empty, the rest)."""


def simple_entries(text: str, first_line: int) -> dict[str, Entry] | None:
    """``text``'s top-level entries (the text starting on file line ``first_line``) as
    ``yamldoc.load_mapping`` gives them for a text it reads without a problem; None where
    the text is not of the shapes this module reads, or holds no key."""
    if not text.replace("\n", "").isprintable():  # a tab, a control character, a BOM…
        return None
    rows = [
        (number, len(indent), dash, key, rest)
        for number, (indent, dash, key, rest) in enumerate(_LINES.findall(text), first_line)
        if rest or dash or key
    ]
    entries: dict[str, Entry] = {}
    index = 0
    while index < len(rows):
        number, indent, dash, key, rest = rows[index]
        if indent or dash or not key or key in entries or not _text_name(key):
            return None
        if rest:
            entry, index = _value(rest, number), index + 1
        else:
            entry, index = _block(rows, index + 1, number)
        if entry is None:
            return None
        entries[key] = entry
    return entries or None


@functools.lru_cache(maxsize=1024)
def _text_name(key: str) -> bool:
    """Whether YAML reads the plain ``key`` as text: asked once per key a site's headers
    write, not once per time each writes it (a reference's five keys, in every item)."""
    return key[0] not in _RESOLVED_FIRST or plain_tag(key) == STR_TAG


def _value(rest: str, line: int) -> Entry | None:
    """The entry of a value written on its key's (or its ``- ``'s) line, file line ``line``."""
    first = rest[0]
    if first in _INDICATORS:
        if first == '"' or first == "'":
            inner = rest[1:-1]
            if len(rest) < 2 or rest[-1] != first or first in inner or "\\" in inner:
                return None
            return Entry(inner, line)
        return _flow_list(rest, line) if first == "[" else None
    if ": " in rest or " #" in rest or rest[-1] == ":":
        return None
    if first not in _RESOLVED_FIRST:  # text, as most are: what _plain gives, without the call
        return Entry(rest, line, written=rest)
    return _plain(rest, line)


def _plain(text: str, line: int) -> Entry | None:
    """A plain scalar's entry, its value what YAML reads ``text`` as (``2013`` a number,
    ``true`` a truth value); None for a tag ``yamldoc`` leaves to PyYAML."""
    first = text[0]
    if first not in _RESOLVED_FIRST or (
        first in _NUMBER_FIRST and "-" in text[1:] and "e" not in text and "E" not in text
    ):  # text without asking plain_tag: nine in ten of the corpus's values it tried were days
        return Entry(text, line, written=text)
    tag = plain_tag(text)
    if tag == STR_TAG:
        return Entry(text, line, written=text)
    if tag not in SCALAR_TAGS:
        return None
    try:
        return Entry(_constructed(tag, text), line, written=text)
    except Exception:  # a value PyYAML cannot construct: yamldoc says why
        return None


_CONSTRUCTOR: Any = yaml.constructor.SafeConstructor()  # PyYAML's constructors are untyped


@functools.lru_cache(maxsize=1024)
def _constructed(tag: str, text: str) -> Any:
    """The value PyYAML's constructor for ``tag`` (not text) makes of the plain scalar
    ``text``: immutable, so one for every header that writes it."""
    return Loader.yaml_constructors[tag](_CONSTRUCTOR, yaml.ScalarNode(tag, text))


def _flow_list(rest: str, line: int) -> Entry | None:
    """``[a, b c]`` on one line: each item a plain word or words."""
    if rest[-1] != "]":
        return None
    inner = rest[1:-1]
    items: list[Entry] = []
    if inner.strip(" "):
        for written in inner.split(","):
            text = written.strip(" ")
            plain = text and text[0] not in _INDICATORS and not _FLOW_INDICATORS.search(text)
            item = _plain(text, line) if plain else None
            if item is None:
                return None
            items.append(item)
    return _listed(items, line)


def _listed(items: list[Entry], line: int) -> Entry:
    """A list's entry, its key on file line ``line``, as ``yamldoc`` makes it."""
    lines = tuple([item.line for item in items])
    return Entry([item.value for item in items], line, None, lines, tuple(items))


def _block(rows: list[_Row], start: int, line: int) -> tuple[Entry | None, int]:
    """The value of a top-level key on file line ``line`` with nothing after its colon, and
    the row after it: the indented rows from ``start`` on, a list of ``- `` items or a
    mapping of ``key: value`` lines (an empty value, read as nothing, is left to
    ``yamldoc``)."""
    if start == len(rows) or not (column := rows[start][1]):
        return None, start
    if rows[start][2]:
        return _sequence(rows, start, column, line)
    return _mapping(rows, start, column, line)


def _sequence(rows: list[_Row], start: int, column: int, line: int) -> tuple[Entry | None, int]:
    """A block list whose ``- `` items sit at ``column``, up to the next top-level row."""
    items: list[Entry] = []
    index = start
    while index < len(rows):
        number, indent, dash, key, rest = rows[index]
        if not indent:
            break
        if indent != column or not dash:
            return None, index
        if key:
            item, index = _mapping(rows, index, column + len(dash), number, item=True)
        else:
            item, index = _value(rest, number) if rest else None, index + 1
        if item is None:
            return None, index
        items.append(item)
    return _listed(items, line), index


def _mapping(
    rows: list[_Row], start: int, column: int, line: int, *, item: bool = False
) -> tuple[Entry | None, int]:
    """The mapping of the ``key: value`` rows at ``column`` from ``start`` (in a list
    ``item``, the first of them after its ``- ``) up to a row further out, each value on
    its line, its key (or ``- ``) on file line ``line``; and the row after them."""
    children: dict[str, Entry] = {}
    value: dict[str, Any] = {}
    index = start
    while index < len(rows):
        number, indent, dash, key, rest = rows[index]
        if index != start or not item:
            if indent < column and (not indent or dash):
                break  # the next top-level key, or the list's next item
            if indent != column or dash:
                return None, index
        if not (rest and key and key not in children and _text_name(key)):
            return None, index
        entry = _value(rest, number)
        if entry is None:
            return None, index
        children[key] = entry
        value[key] = entry.value
        index += 1
    return Entry(value, line, children), index
