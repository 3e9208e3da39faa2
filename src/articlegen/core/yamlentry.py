"""``Entry``: a value read from YAML with the file lines of its key and of what it holds, as
``yamldoc`` reads it from the composed document and ``yamlsimple`` from the text of a
header of the common shapes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Entry:
    """A top-level value and the file line of its key. Not frozen, though nothing changes
    one: a header makes dozens, and a frozen dataclass sets each field through
    ``object.__setattr__``, three times slower."""

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
    comment: str | None = field(default=None, compare=False)
    """For a plain scalar on its key's line: the comment YAML read after it (``title: Zinc #1
    Tips``: ``#1 Tips``), which may have been meant as part of it (``yamlchecks.note_comments``)."""
