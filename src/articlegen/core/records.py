"""``@record``: the frozen slots dataclass every record passed between stages is.

Below ``model`` so that the small records of the rooms' own modules (and of ``core``'s
below ``model``) are made the same way and as cheaply at every start of the command.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TypeVar, dataclass_transform

from .recordinit import slot_init
from .recordmethods import field_values, set_frozen, set_record_methods

T = TypeVar("T")
_MADE_HERE = ("__eq__", "__hash__", "__repr__", "__setattr__", "__delattr__")
"""The methods ``record`` gives a record, which it may not define itself."""


@dataclass_transform(frozen_default=True)
def record(cls: type[T]) -> type[T]:
    """``@dataclass(frozen=True, slots=True)``, pickled as its class and field values.

    The build cache unpickles and keys thousands of these per build; the slots
    dataclasses' own ``__getstate__`` and ``__setstate__`` look their fields up on every
    call, which made them most of the cost of loading the cache and keying pages. Its
    ``__init__`` sets each field through its slot (``recordinit``), not by its name, and
    its ``__eq__`` and ``__hash__`` are compiled when first called, its ``__repr__``,
    ``__setattr__`` and ``__delattr__`` made without compiling code (``recordmethods``):
    every start of the command makes them all, and a build compares or hashes the records
    of a few classes only. ``dataclass`` writes none of them, only to have them replaced
    (so its ``__dataclass_params__`` say neither ``frozen`` nor ``eq``, though the record
    is both by these, and it has no ``__getstate__``, which ``__reduce__`` leaves unused).
    So a record may not define them itself, nor need what ``slot_init`` does not write (a
    ``__post_init__``, a keyword-only field or one left out of ``__init__``): no record
    does.
    """
    made = dataclass(slots=True, init=False, repr=False, eq=False)(cls)
    if (init := slot_init(made)) is None or any(name in cls.__dict__ for name in _MADE_HERE):
        raise TypeError(f"{cls.__qualname__} has what a record may not have (records.record)")
    made.__init__ = init  # type: ignore[method-assign]
    set_record_methods(made)
    set_frozen(made, cls)
    values = field_values([f.name for f in fields(made)])  # type: ignore[arg-type]
    made.__reduce__ = lambda self: (made, values(self))  # type: ignore[method-assign]
    return made
