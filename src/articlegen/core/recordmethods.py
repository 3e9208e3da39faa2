"""A record's ``__eq__``, ``__hash__`` and ``__repr__``, made without compiling code.

``dataclass`` writes each of these for each class as source text and compiles it with
``exec``: about a tenth of a millisecond a method, for some seventy records at every start of
the command. These are the same methods made from closures over the field names instead:
the same tuples of field values compared and hashed, the same text shown, the same guard
against a record shown inside itself. ``records.record`` asks ``dataclass`` for none of the
three and sets these.
"""

from __future__ import annotations

import operator
import reprlib
from collections.abc import Callable
from dataclasses import Field, fields
from typing import Any

Values = Callable[[Any], tuple[Any, ...]]


def field_values(names: list[str]) -> Values:
    """The values of the fields ``names`` of a record, always as a tuple (``attrgetter`` of
    one name gives the bare value), as ``dataclass``'s methods build them."""
    if len(names) > 1:
        return operator.attrgetter(*names)
    if names:
        get = operator.attrgetter(names[0])
        return lambda self: (get(self),)
    return lambda self: ()


def set_record_methods(cls: type) -> None:
    """Give the dataclass ``cls`` the ``__eq__``, ``__hash__`` and ``__repr__`` that
    ``dataclass(frozen=True)`` would: equal to a record of the very same class with equal
    compared fields, hashed by the fields it hashes, shown by the fields it shows."""
    found: tuple[Field[Any], ...] = fields(cls)
    compared = field_values([f.name for f in found if f.compare])
    hashed = field_values([f.name for f in found if (f.compare if f.hash is None else f.hash)])
    shown = [f.name for f in found if f.repr]
    shown_values = field_values(shown)

    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    def __hash__(self: Any) -> int:
        return hash(hashed(self))

    @reprlib.recursive_repr()
    def __repr__(self: Any) -> str:
        pairs = ", ".join([f"{n}={v!r}" for n, v in zip(shown, shown_values(self), strict=True)])
        return f"{self.__class__.__qualname__}({pairs})"

    for method in (__eq__, __hash__, __repr__):
        method.__qualname__ = f"{cls.__qualname__}.{method.__name__}"
        setattr(cls, method.__name__, method)
