"""A YAML document measured from its event stream before it is composed, which takes no
memory: aliases repeat what their anchor holds, so a few hundred bytes of anchors that each
alias the one before expand to billions of values (an "alias bomb"), and deep nesting
overflows the C composer's stack. Both are refused at their line, past ``limits``. A text
that cannot hold either, as its characters alone show (``within_limits``), need not be
measured: the pass costs as much as composing."""

from __future__ import annotations

import contextlib
import functools
import re
from typing import Any

import yaml

from .errors import ArticlegenError
from .limits import MAX_YAML_DEPTH, MAX_YAML_VALUES
from .yamlloader import Loader


def within_limits(text: str) -> bool:
    r"""Whether ``text`` provably stays within both limits, read from its characters alone:
    then ``measure`` cannot raise a limit error, and its event pass can be left out. False
    says nothing: measure it.

    Values: with no ``*`` there is no alias, so the values are the scalar and collection
    start events. Charge each to a character of ``text``: a node to its first character (a
    block mapping's start to its first key's, a flow sequence's one-pair mapping to its
    key's); an empty scalar to the indicator after which nothing was written (``-``, ``?``,
    ``:``, ``---``), or to the key of a flow mapping entry with no value. A key's first
    character is charged at most twice (itself and its mapping, or itself and its empty
    value); ``?`` and a ``:`` with no key three times (the mapping it opens, an empty key, an
    empty value); ``-`` twice. So there are at most 3 values per character.

    Depth: a flow collection holds only flow nodes, so the open collections are block ones,
    then flow ones. Each flow one is opened by a ``[`` or ``{``, or is the one-pair mapping
    directly inside a flow sequence: at most ``2 × count('[') + count('{')``. The block ones
    the scanner opens sit at strictly increasing columns (it opens one only at a column
    deeper than the innermost), and a block collection starts only where a simple key may:
    the first token of a line, or right after a ``-``, ``?`` or keyless ``:`` indicator
    (every other token forbids one after it on its line). So its column is at most the
    length of its line's leading run of spaces, tabs and those three characters (and a
    byte order mark, which libyaml skips there): at most ``widest + 1`` of them are open.
    The parser adds one indentless sequence (``key:`` then ``- item`` at the key's column)
    at most per block mapping, which doubles that. Line breaks are YAML's (``\n``, ``\r``,
    NEL, LS, PS); a text with any but ``\n`` is left to ``measure``.
    """
    if "*" in text or len(text) * 3 > MAX_YAML_VALUES:
        return False
    if any(mark in text for mark in _OTHER_BREAKS):
        return False
    flows = 2 * text.count("[") + text.count("{")
    widest = (MAX_YAML_DEPTH - flows) // 2 - 1  # the widest run with 2 × (widest + 1) + flows fit
    return widest >= 0 and not _runs_wider_than(widest).search("\n" + text)


_OTHER_BREAKS = ("\r", "\x85", "\u2028", "\u2029")
r"""YAML's line breaks other than ``\n``."""


@functools.cache
def _runs_wider_than(width: int) -> re.Pattern[str]:
    r"""A line (after a ``\n``) whose leading run (``within_limits``) is wider than ``width``."""
    return re.compile(f"\n[ \t?:\\-\ufeff]{{{width + 1}}}")


def measure(text: str, path: str, error: type[ArticlegenError], first_line: int) -> None:
    """Raise ``error`` where the document passes ``MAX_YAML_VALUES`` values (each alias
    counting as many as its anchor holds) or ``MAX_YAML_DEPTH`` levels; YAML errors pass
    through. One pass over the events, keeping only the size of each anchor.

    The libyaml in PyYAML 6.0.4's wheels refuses 1,000 levels of ``[`` while
    scanning ahead, before the first event, with a message that reads as a syntax error.
    So a YAML error from the C parser is measured again with the pure-Python one, which has
    no such limit of its own: past ours, that is the error; otherwise the C parser's stands."""
    try:
        _count(Loader(text), path, error, first_line)  # its reader checks characters already
    except yaml.YAMLError:
        if hasattr(yaml, "CSafeLoader"):  # what Loader is built on where present
            with contextlib.suppress(yaml.YAMLError):
                _count(yaml.SafeLoader(text), path, error, first_line)
        raise


def _count(loader: Any, path: str, error: type[ArticlegenError], first_line: int) -> None:
    """``measure`` over the events of ``loader``, which it disposes of."""
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
