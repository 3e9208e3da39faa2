"""A frozen slots dataclass's ``__init__`` that sets each field through its slot.

The ``__init__`` ``dataclass(frozen=True)`` writes sets each field with
``object.__setattr__(self, name, value)``, which looks the slot up by name again on every
call: twice what the slot's own setter costs. A build makes tens of thousands of records
(a reference, a link, a header's twenty fields, each cached page's), so ``records.record``
gives each this one: the same parameters, defaults and factories, the same fields set.
"""

from __future__ import annotations

from dataclasses import MISSING, fields
from typing import Any

_FACTORY: Any = object()
"""The default of a parameter whose field has a ``default_factory`` (as ``dataclass``'s own
sentinel): the factory is called where it is left out."""


def slot_init(cls: type) -> Any:
    """An ``__init__`` for the frozen slots dataclass ``cls``, taking what its own takes;
    None where ``cls`` has what this does not write (``__post_init__``, a field left out of
    ``__init__`` or keyword-only): a dataclass's own ``__init__`` then stays, and
    ``records.record``, which has ``dataclass`` write none, refuses the class."""
    found = fields(cls)
    if hasattr(cls, "__post_init__") or any(not f.init or f.kw_only for f in found):
        return None
    names: dict[str, Any] = {"_FACTORY": _FACTORY}
    parameters: list[str] = []
    body: list[str] = []
    for number, f in enumerate(found):
        names[f"_set{number}"] = getattr(cls, f.name).__set__
        if f.default is not MISSING:
            names[f"_default{number}"] = f.default
            parameters.append(f"{f.name}=_default{number}")
        elif f.default_factory is not MISSING:
            names[f"_factory{number}"] = f.default_factory
            parameters.append(f"{f.name}=_FACTORY")
            body.append(f" if {f.name} is _FACTORY: {f.name} = _factory{number}()")
        else:
            parameters.append(f.name)
        body.append(f" _set{number}(__record, {f.name})")
    source = f"def __init__(__record, {', '.join(parameters)}):\n" + "\n".join(body or [" pass"])
    exec(source, names)  # made from the field names of our own records alone
    init = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    return init
