"""Parse a YAML mapping and keep the line of every key.

PyYAML's loaders forget positions once they build Python objects, and silently
keep the last of two equal keys. We compose the node tree (C parser where
present), check it, then construct each value on its own, so every problem can
be reported at the line of the key it belongs to. Before that, the document is measured
(``yamlsize``), so that no alias bomb or deep nesting is composed, unless its text alone
shows it cannot be either (``yamlsize.within_limits``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .errors import ArticlegenError
from .yamlloader import Loader, syntax_error
from .yamlsize import measure, within_limits

_MERGE_KEY = "<<"


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
    written: str | None = field(default=None, compare=False)
    """For a plain (unquoted) scalar: its text as the author wrote it, which YAML may have read
    as something else (``12:30`` as 750, ``on`` as true), for messages to quote (``yamlchecks``)."""


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
    fits = within_limits(text)
    try:
        if not fits:
            measure(text, path, error, first_line)
        loader = Loader(text)
    except yaml.YAMLError as exc:
        raise syntax_error(exc, text, path, error, first_line) from exc
    try:
        try:
            root = loader.get_single_node()
        except yaml.YAMLError as exc:
            if fits and isinstance(exc, yaml.composer.ComposerError):
                exc = _syntax_error_further_on(text, path, error, first_line) or exc
            raise syntax_error(exc, text, path, error, first_line) from exc
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


def _syntax_error_further_on(
    text: str, path: str, error: type[ArticlegenError], first_line: int
) -> yaml.YAMLError | None:
    """The syntax error that measuring, which reads the whole stream first, meets before the
    composer stops at a repeated anchor or a second document: unmeasured text must give the
    error measured text gives."""
    try:
        measure(text, path, error, first_line)
    except yaml.YAMLError as exc:
        return exc
    return None


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
    plain = isinstance(node, yaml.ScalarNode) and not node.style
    return Entry(value, line, written=node.value if plain else None)


def _reason(exc: Exception) -> str:
    return getattr(exc, "problem", None) or str(exc)
