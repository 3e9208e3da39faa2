"""Parse a YAML mapping and keep the line of every key.

PyYAML's loaders forget positions once they build Python objects, and silently
keep the last of two equal keys. We compose the node tree (C parser where
present), check it, then construct each value on its own, so every problem can
be reported at the line of the key it belongs to.

Before that, the document is measured from its event stream, which takes no memory:
aliases repeat what their anchor holds, so a few hundred bytes of anchors that each
alias the one before expand to billions of values (an "alias bomb"), and deep nesting
overflows the C composer's stack. Both are refused at their line, past ``limits``.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

import yaml

from .characters import value_problem
from .errors import ArticlegenError, did_you_mean
from .limits import MAX_YAML_DEPTH, MAX_YAML_VALUES

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"
_MERGE_KEY = "<<"


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader (C parser where present) without YAML's timestamp resolver: an
    unquoted date stays the text it was written as, for ``dates`` to read. The resolver
    knows only some of the forms authors write, and some PyYAML versions turn a written
    offset into naive UTC. An explicit ``!!timestamp`` is still constructed.

    Nor does ``<<`` merge: PyYAML merged a nested mapping's keys in place before they were
    read, so an override (``<<: *ref`` then ``id: b``) was a "duplicate key" at a line the
    author never wrote it on. ``<<`` stays a plain key, which ``_entries`` refuses."""

    yaml_implicit_resolvers: ClassVar = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag not in (_TIMESTAMP, _MERGE)]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


@dataclass(frozen=True, slots=True)
class Entry:
    """A top-level value and the file line of its key."""

    value: Any
    """The constructed Python value."""
    line: int
    """1-based file line of the key."""
    children: dict[str, Entry] | None = None
    """For a mapping value: its own keys with their lines."""
    item_lines: tuple[int, ...] = ()
    """For a list value: the file line of each item."""
    items: tuple[Entry, ...] = ()
    """For a list value: each item as an entry (with ``children`` for a mapping item)."""
    broken: bool = False
    """The value could not be constructed (already reported): the key is there, its value is not."""


def usable(entries: dict[str, Entry]) -> dict[str, Entry]:
    """The entries whose value could be constructed, for checking their values."""
    return {key: entry for key, entry in entries.items() if not entry.broken}


def load_mapping(
    text: str, path: str, error: type[ArticlegenError], *, first_line: int = 1
) -> tuple[dict[str, Entry], list[ArticlegenError]]:
    """Parse ``text`` (which starts on file line ``first_line``) into key → Entry.

    A syntax error raises at once; duplicate keys and unconstructible values
    are returned as problems beside the other entries (an unconstructible one
    stays as a ``broken`` entry, so the key does not also count as missing),
    so the caller can report them together with its own.
    """
    try:
        _measure(text, path, error, first_line)
        loader = _Loader(text)
    except yaml.YAMLError as exc:
        raise _syntax_error(exc, text, path, error, first_line) from exc
    try:
        try:
            root = loader.get_single_node()
        except yaml.YAMLError as exc:
            raise _syntax_error(exc, text, path, error, first_line) from exc
        if root is None:
            return {}, []
        if not isinstance(root, yaml.MappingNode):
            kind = "a list" if isinstance(root, yaml.SequenceNode) else "a single value"
            raise error(
                f"expected 'key: value' lines, found {kind}",
                path,
                root.start_mark.line + first_line,
                "write one 'key: value' per line",
            )
        problems: list[ArticlegenError] = []
        return _entries(loader, root, path, error, first_line, problems), problems
    finally:
        loader.dispose()


def _measure(text: str, path: str, error: type[ArticlegenError], first_line: int) -> None:
    """Raise ``error`` where the document passes ``MAX_YAML_VALUES`` values (each alias
    counting as many as its anchor holds) or ``MAX_YAML_DEPTH`` levels; YAML errors pass
    through. One pass over the events, keeping only the size of each anchor.

    The libyaml in PyYAML 6.0.4's wheels refuses 1,000 levels of ``[`` while
    scanning ahead, before the first event, with a message that reads as a syntax error.
    So a YAML error from the C parser is measured again with the pure-Python one, which has
    no such limit of its own: past ours, that is the error; otherwise the C parser's stands."""
    try:
        _count(_Loader(text), path, error, first_line)  # its reader checks characters already
    except yaml.YAMLError:
        if hasattr(yaml, "CSafeLoader"):  # what _Loader is built on where present
            with contextlib.suppress(yaml.YAMLError):
                _count(yaml.SafeLoader(text), path, error, first_line)
        raise


def _count(loader: Any, path: str, error: type[ArticlegenError], first_line: int) -> None:
    """``_measure`` over the events of ``loader``, which it disposes of."""
    try:
        total = 0
        opened: list[tuple[str | None, int]] = []  # anchor and total before each open node
        sizes: dict[str, int] = {}
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent):
                # undefined or recursive: composing says (an alias always names an anchor)
                total += sizes.get(event.anchor or "", 1)
            elif isinstance(event, yaml.ScalarEvent):
                total += 1
                if event.anchor:
                    sizes[event.anchor] = 1
            elif isinstance(event, yaml.CollectionStartEvent):
                opened.append((event.anchor, total))
                total += 1
            elif isinstance(event, yaml.CollectionEndEvent):
                anchor, before = opened.pop()
                if anchor:
                    sizes[anchor] = total - before
            if total > MAX_YAML_VALUES or len(opened) > MAX_YAML_DEPTH:
                raise _measure_error(total, event, path, error, first_line)
    finally:
        loader.dispose()


def _measure_error(
    total: int, event: yaml.Event, path: str, error: type[ArticlegenError], first_line: int
) -> ArticlegenError:
    line = event.start_mark.line + first_line if event.start_mark is not None else None
    if total > MAX_YAML_VALUES:
        return error(
            f"more than {MAX_YAML_VALUES:,} values by here, each alias (*name) counting as a "
            "copy of what its anchor (&name) holds",
            path,
            line,
            "write the values out instead of aliasing aliases",
        )
    return error(
        f"lists and mappings nested more than {MAX_YAML_DEPTH} levels deep",
        path,
        line,
        "nest fewer lists and mappings in each other",
    )


def _entries(
    loader: Any,
    root: yaml.MappingNode,
    path: str,
    error: type[ArticlegenError],
    first_line: int,
    problems: list[ArticlegenError],
) -> dict[str, Entry]:
    entries: dict[str, Entry] = {}
    for key_node, value_node in root.value:
        line = key_node.start_mark.line + first_line
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if not isinstance(key, str) or key == "":
            problems.append(error("a key must be a plain name", path, line))
            continue
        if key == _MERGE_KEY and not key_node.style:  # plain, not "<<" quoted
            problems.append(
                error(
                    "merge keys (<<) are not supported",
                    path,
                    line,
                    "write the keys out; an alias (*name) can still repeat a whole value",
                )
            )
            continue
        if key in entries:
            problems.append(
                error(
                    f"duplicate key '{key}' (first set on line {entries[key].line})",
                    path,
                    line,
                    "keep one of them",
                )
            )
            continue
        try:
            value = loader.construct_object(value_node, deep=True)
        except Exception as exc:
            # PyYAML's constructors fail on odd input in many ways (an AttributeError for the
            # timestamp '1937-01-01 00:00:00+00:19:32'): each is a value the author wrote that
            # cannot be read, never a reason for a traceback.
            hint = (
                "write a real date as YYYY-MM-DD, e.g. 2024-05-14"
                if value_node.tag.endswith(":timestamp")
                else "put the value in quotes to make it text"
            )
            reason = (
                _reason(exc)
                if isinstance(exc, yaml.YAMLError | ValueError)
                else f"not a valid {value_node.tag.rsplit(':', 1)[-1]}"
            )
            problems.append(error(f"invalid value for '{key}': {reason}", path, line, hint))
            entries[key] = Entry(None, line, broken=True)
            continue
        entries[key] = _entry(loader, value_node, value, line, path, error, first_line, problems)
    return entries


def _entry(
    loader: Any,
    node: yaml.Node,
    value: Any,
    line: int,
    path: str,
    error: type[ArticlegenError],
    first_line: int,
    problems: list[ArticlegenError],
) -> Entry:
    """``value`` (constructed from ``node``) with the lines of its nested keys and items."""
    if isinstance(node, yaml.MappingNode):
        children = _entries(loader, node, path, error, first_line, problems)
        return Entry(value, line, children)
    if isinstance(node, yaml.SequenceNode):
        items = tuple(
            _entry(
                loader,
                item,
                item_value,
                item.start_mark.line + first_line,
                path,
                error,
                first_line,
                problems,
            )
            for item, item_value in zip(node.value, value, strict=True)
        )
        return Entry(value, line, None, tuple(item.line for item in items), items)
    return Entry(value, line)


def check_characters(
    entries: dict[str, Entry], path: str, error: type[ArticlegenError]
) -> tuple[dict[str, Entry], list[ArticlegenError]]:
    """Text values (nested ones too) holding a character ``characters`` refuses, each
    reported at the line of its key or list item: YAML escapes such as ``"\\x01"`` write what
    the file's own text cannot hold, and a value reaches HTML, feeds and JSON-LD as it is.

    Such entries come back ``broken``: the key counts as written, its value is not checked
    again (one message per mistake)."""
    checked: dict[str, Entry] = {}
    problems: list[ArticlegenError] = []
    for key, entry in entries.items():
        found = [] if entry.broken else _value_problems(entry, key, path, error)
        problems += found
        checked[key] = Entry(None, entry.line, broken=True) if found else entry
    return checked, problems


def _value_problems(
    entry: Entry, name: str, path: str, error: type[ArticlegenError]
) -> list[ArticlegenError]:
    problems: list[ArticlegenError] = []
    if isinstance(entry.value, str) and (
        problem := value_problem(name, entry.value, path, entry.line, error)
    ):
        problems.append(problem)
    for item in entry.items:
        problems += _value_problems(item, name, path, error)
    for key, child in (entry.children or {}).items():
        problems += _value_problems(child, f"{name}.{key}", path, error)
    return problems


def _syntax_error(
    exc: yaml.YAMLError, text: str, path: str, error: type[ArticlegenError], first_line: int
) -> ArticlegenError:
    if isinstance(exc, yaml.reader.ReaderError):
        return error(
            f"invalid YAML: character U+{exc.character:04X} is not allowed",
            path,
            text.count("\n", 0, max(exc.position, 0)) + first_line,
            "remove the control character (often pasted in by accident)",
        )
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    message = f"invalid YAML: {problem}" + (f" ({context})" if context else "")
    if context == "while scanning a quoted scalar" and "end of stream" in problem:
        # PyYAML points at the end of the header; the author needs the opening quote.
        mark = getattr(exc, "context_mark", None) or mark
        message = "invalid YAML: the quote opened on this line is never closed"
    opened = getattr(exc, "context_mark", None)
    bracket = _FLOW_BRACKETS.get(context or "")
    if bracket and opened is not None and mark is not None and opened.line < mark.line:
        # A '[' or '{' left open shows where the next key no longer fits: point at the opening.
        mark = opened
        message = f"invalid YAML: the '{bracket[0]}' opened on this line is never closed"
    line = mark.line + first_line if mark is not None else None
    hint = "check quotes, colons and indentation (spaces, not tabs)"
    if "tab character" in problem or _tab_on_line(text, mark):
        hint = "indent with spaces, not tabs"
    elif bracket and "never closed" in message:
        hint = f"end the value with '{bracket[1]}'"
    elif "never closed" in message:
        hint = "end the value with the same quote it starts with"
    return error(message, path, line, hint)


_FLOW_BRACKETS = {"while parsing a flow sequence": "[]", "while parsing a flow mapping": "{}"}
"""PyYAML's context for an unclosed ``[`` or ``{``: its brackets."""


def _tab_on_line(text: str, mark: yaml.error.Mark | None) -> bool:
    """Whether the line YAML stumbled on starts with a tab (PyYAML rarely says so itself)."""
    if mark is None:
        return False
    lines = text.splitlines()
    return 0 <= mark.line < len(lines) and lines[mark.line][:1] == "\t"


def _reason(exc: Exception) -> str:
    return getattr(exc, "problem", None) or str(exc)


_TYPE_NAMES = {
    str: "text",
    bool: "true or false",
    int: "a whole number",
    list: "a list",
    dict: "a mapping",
}


def type_problem(
    key: str, entry: Entry, expected: type, path: str, error: type[ArticlegenError]
) -> ArticlegenError | None:
    """An error if ``entry.value`` is not of ``expected`` type (bool is not an int here)."""
    value = entry.value
    ok = isinstance(value, expected) and not (expected is int and isinstance(value, bool))
    if ok:
        return None
    found = type(value).__name__ if value is not None else "nothing"
    return error(
        f"'{key}' must be {_TYPE_NAMES.get(expected, expected.__name__)}, found {found}",
        path,
        entry.line,
    )


def unknown_key_problems(
    entries: dict[str, Entry],
    allowed: Iterable[str],
    path: str,
    error: type[ArticlegenError],
    *,
    section: str = "",
) -> list[ArticlegenError]:
    """One error per key not in ``allowed``, each with the closest valid key."""
    allowed = sorted(allowed)
    prefix = f"{section}." if section else ""
    return [
        error(
            f"unknown key '{prefix}{key}'{did_you_mean(key, allowed)}",
            path,
            entry.line,
            "valid keys: " + ", ".join(allowed),
        )
        for key, entry in entries.items()
        if key not in allowed
    ]


@dataclass(frozen=True, slots=True)
class Span:
    """Where a value is written in the file, for editing it in place: the 1-based file
    line and 0-based column of its first character and of the character after its last."""

    start: tuple[int, int]
    end: tuple[int, int]
    key_line: int
    """File line of its key (of the item itself, for an item)."""
    kind: str
    """``scalar``, ``flow`` (``[a, b]``, ``{a: b}``) or ``block`` (a list or mapping written
    one entry a line)."""
    empty: bool = False
    """A scalar with nothing written (``key:`` alone) or YAML's null (``~``, ``null``)."""
    style: str = ""
    """A scalar's quoting: ``'``, ``"``, ``|``, ``>``, or empty for a plain one."""
    items: tuple[Span, ...] = ()
    """A list's items, in order."""


def value_spans(
    text: str, path: str, error: type[ArticlegenError], *, first_line: int = 1
) -> dict[str, Span]:
    """Where each top-level key's value of the mapping ``text`` (which starts on file line
    ``first_line``) is written; a syntax error raises as in ``load_mapping``."""
    loader = _Loader(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.YAMLError as exc:
            raise _syntax_error(exc, text, path, error, first_line) from exc
        if not isinstance(root, yaml.MappingNode):
            return {}
        return {
            key.value: _span(value, key.start_mark.line + first_line, first_line)
            for key, value in root.value
            if isinstance(key, yaml.ScalarNode)
        }
    finally:
        loader.dispose()


def _span(node: yaml.Node, key_line: int, first_line: int) -> Span:
    start = (node.start_mark.line + first_line, node.start_mark.column)
    end = (node.end_mark.line + first_line, node.end_mark.column)
    if isinstance(node, yaml.ScalarNode):
        empty = node.tag == "tag:yaml.org,2002:null"
        return Span(start, end, key_line, "scalar", empty, node.style or "")
    kind = "flow" if getattr(node, "flow_style", False) else "block"
    items: tuple[Span, ...] = ()
    if isinstance(node, yaml.SequenceNode):
        items = tuple(
            _span(item, item.start_mark.line + first_line, first_line) for item in node.value
        )
    return Span(start, end, key_line, kind, items=items)


def as_scalar(text: str) -> str:
    """``text`` written as a YAML scalar that reads back as itself in a block or a flow
    list: plain where it can be (a slug), else double-quoted (``"2024"``, ``"yes"``)."""
    plain = text == text.strip() and not _FLOW_UNSAFE.search(text)
    if plain:
        try:
            plain = yaml.load(text, Loader=_Loader) == text
        except yaml.YAMLError:
            plain = False
    return text if plain else json.dumps(text, ensure_ascii=False)


_FLOW_UNSAFE = re.compile(r"[,\[\]{}#&*!|>'\"%@`]|: |^[-?:]|\n")
"""What may not start or stand in a plain scalar inside a flow list."""
