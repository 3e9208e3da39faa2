"""A record's ``__eq__``, ``__hash__``, ``__repr__``, ``__setattr__`` and ``__delattr__``.

``dataclass`` writes each of these for each class as source text and compiles it with
``exec``: about a tenth of a millisecond a method, for some seventy records at every start
of the command, though a build compares or hashes records of a few classes only, and shows
none. So a record's ``__eq__`` and ``__hash__`` are compiled, from the same source
``dataclass`` writes, by the first call of either, which puts them in the class in its own
place; ``__repr__`` is made from the field names without compiling anything (it is never
called often), and ``__setattr__`` and ``__delattr__``, which keep a record frozen, the
same way. ``records.record`` asks ``dataclass`` for none of them and sets these.
"""

from __future__ import annotations

import operator
import reprlib
from collections.abc import Callable
from dataclasses import Field, FrozenInstanceError, fields
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


def _tuple_of(owner: str, names: list[str]) -> str:
    """``(self.a,self.b,)``: the tuple of fields ``dataclass``'s methods compare and hash."""
    return "(" + "".join(f"{owner}.{name}," for name in names) + ")"


def set_record_methods(cls: type) -> None:
    """Give the dataclass ``cls`` the ``__eq__``, ``__hash__`` and ``__repr__`` that
    ``dataclass(frozen=True)`` would: equal to a record of the very same class with equal
    compared fields, hashed by the fields it hashes, shown by the fields it shows."""
    found: tuple[Field[Any], ...] = fields(cls)
    compared = [f.name for f in found if f.compare]
    hashed = [f.name for f in found if (f.compare if f.hash is None else f.hash)]

    def compiled() -> dict[str, Any]:
        """``__eq__`` and ``__hash__`` compiled as ``dataclass`` writes them, and put in
        ``cls`` in place of the two below."""
        source = (
            "def __eq__(self, other):\n"
            " if other.__class__ is self.__class__:\n"
            f"  return {_tuple_of('self', compared)}=={_tuple_of('other', compared)}\n"
            " return NotImplemented\n"
            "def __hash__(self):\n"
            f" return hash({_tuple_of('self', hashed)})\n"
        )
        made: dict[str, Any] = {}
        exec(source, made)  # made from the field names of our own records alone
        for name in ("__eq__", "__hash__"):
            made[name].__qualname__ = f"{cls.__qualname__}.{name}"
            made[name].__module__ = cls.__module__
            setattr(cls, name, made[name])
        return made

    def __eq__(self: Any, other: Any) -> Any:
        return compiled()["__eq__"](self, other)

    def __hash__(self: Any) -> int:
        value: int = compiled()["__hash__"](self)
        return value

    for method in (__eq__, __hash__, _shown_by(cls, [f.name for f in found if f.repr])):
        method.__qualname__ = f"{cls.__qualname__}.{method.__name__}"
        setattr(cls, method.__name__, method)


def set_frozen(cls: type, original: type) -> None:
    """Give the dataclass ``cls`` the ``__setattr__`` and ``__delattr__`` that
    ``dataclass(frozen=True)`` compiles for it, as closures: a field may not be set or
    deleted (``FrozenInstanceError``); any other name is handed on, as there, past
    ``original``, the class ``dataclass`` was given (made again with slots, so an instance is
    not one of it: Python refuses that hand-over with ``TypeError``, as it does there)."""
    names = tuple(f.name for f in fields(cls))

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is original or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(original, self).__setattr__(name, value)  # type: ignore[arg-type]

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is original or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(original, self).__delattr__(name)  # type: ignore[arg-type]

    for method in (__setattr__, __delattr__):
        method.__qualname__ = f"{cls.__qualname__}.{method.__name__}"
        setattr(cls, method.__name__, method)


def _shown_by(cls: type, shown: list[str]) -> Callable[[Any], str]:
    """``cls``'s ``__repr__``: ``Name(a=1, b='x')`` by the fields ``shown``, and ``...``
    for a record shown inside itself, as ``dataclass``'s."""
    values = field_values(shown)

    @reprlib.recursive_repr()
    def __repr__(self: Any) -> str:
        pairs = ", ".join([f"{n}={v!r}" for n, v in zip(shown, values(self), strict=True)])
        return f"{self.__class__.__qualname__}({pairs})"

    return __repr__
