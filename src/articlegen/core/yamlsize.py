"""A YAML document measured from its event stream before it is composed, which takes no
memory: aliases repeat what their anchor holds, so a few hundred bytes of anchors that each
alias the one before expand to billions of values (an "alias bomb"), and deep nesting
overflows the C composer's stack. Both are refused at their line, past ``limits``."""

from __future__ import annotations

import contextlib
from typing import Any

import yaml

from .errors import ArticlegenError
from .limits import MAX_YAML_DEPTH, MAX_YAML_VALUES
from .yamlloader import Loader


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
