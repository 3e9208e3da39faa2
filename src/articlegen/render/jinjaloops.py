"""A ``{% for %}`` loop that reads only its counts (``loop.index``, ``loop.length``…) runs
without Jinja's ``LoopContext``, giving the same values.

Jinja wraps such a loop's items in a ``LoopContext``, whose ``__next__`` is a Python call
for every item, and whose ``index`` and ``length`` are properties: three Python calls an
item of an article's reference backlinks (``Back to citation {{ loop.index }}``, ``{% if
loop.length == 1 %}``), 28 us an article page. Here the loop's target and the counts are
the ``for`` statement's own targets: ``for anchor, loop.index0, loop.index in
zip(items, count(), count(1))`` on a list or tuple, where the counts are plain attributes
of a ``CountedLoop``, set as Python sets a loop's target. Any other iterable (a
generator, a loop's ``if`` filter) goes through a generator that counts the same way and
reads ``length`` as Jinja's ``LoopContext`` does (the rest of the items read into a list).

Only a loop whose body reads ``loop`` as ``loop.<one of COUNTS>`` and nothing else does:
``loop.last``, ``loop.cycle(…)``, ``loop.previtem``, a recursive loop, a scoped block,
``loop`` given to a macro or a filter, and a body that includes or imports a template
(which sees the loop's names, ``loop`` too, reading what of it this cannot tell; an
``import … as loop`` or a ``macro loop`` names another value ``loop``) keep Jinja's
``LoopContext``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import count
from typing import Any

import jinja2.compiler
from jinja2 import nodes
from jinja2.compiler import Frame

COUNTS = frozenset({"index", "index0", "first", "length", "revindex", "revindex0"})
"""What a counted loop gives of ``loop``: its counts."""
_OTHER_TEMPLATES = (nodes.Include, nodes.Import, nodes.FromImport)
"""What hands the loop's names to another template or binds ``loop`` by no ``Name``."""
_SIZED = (list, tuple)
"""Iterables zipped with the counts: ``len()`` gives how many items they yield, whenever
it is asked (a subclass's own ``__len__`` goes the general way)."""


def counted(node: nodes.For) -> bool:
    """Whether ``node``'s body reads ``loop`` only as one of its counts, outside a scoped
    block, in a loop that is not recursive, including or importing no template and
    defining no macro named ``loop``. A loop whose body names no ``loop`` (most) is told by
    that one walk over its nodes, before the four others (a template's loops are asked about
    each time it is compiled: once a cold build)."""
    uses = [name for body in node.body for name in body.find_all(nodes.Name) if name.name == "loop"]
    if not uses or node.recursive or any(block.scoped for block in node.find_all(nodes.Block)):
        return False
    if any(True for _ in node.find_all(_OTHER_TEMPLATES)):
        return False
    if any(macro.name == "loop" for macro in node.find_all(nodes.Macro)):
        return False
    counts = {
        id(getattr_node.node)
        for body in node.body
        for getattr_node in body.find_all(nodes.Getattr)
        if isinstance(getattr_node.node, nodes.Name) and getattr_node.attr in COUNTS
    }
    return all(id(name) in counts for name in uses)


class CountedLoop:
    """``loop`` in a counted loop: ``index0`` and ``index`` set by the ``for`` statement as
    it takes each item, the other counts as Jinja's ``LoopContext`` gives them."""

    __slots__ = ("_iterable", "_iterator", "_length", "index", "index0")
    index0: int
    index: int

    def __init__(self, iterable: Iterable[Any], _undefined: object) -> None:
        """As Jinja's code calls ``LoopContext(iterable, undefined)``; no count is undefined."""
        self._iterable = iterable
        self._iterator: Iterator[Any] = iter(())
        self._length: int | None = None

    def __iter__(self) -> Iterator[tuple[Any, int, int]]:
        if type(self._iterable) in _SIZED or (
            isinstance(self._iterable, _SIZED)
            and type(self._iterable).__len__ in (list.__len__, tuple.__len__)
        ):
            return zip(self._iterable, count(), count(1))
        self._iterator = iter(self._iterable)
        return self._counting()

    def _counting(self) -> Iterator[tuple[Any, int, int]]:
        """The items of an iterable ``length`` may have to read ahead, with their counts."""
        index0 = 0
        while True:
            try:
                item = next(self._iterator)
            except StopIteration:
                return
            yield item, index0, index0 + 1
            index0 += 1

    @property
    def length(self) -> int:
        """How many items the loop takes: ``len()`` of the iterable, else (as Jinja) those
        taken so far and the rest, read into a list the loop goes on with."""
        if self._length is None:
            try:
                self._length = len(self._iterable)  # type: ignore[arg-type]
            except TypeError:
                rest = list(self._iterator)
                self._iterator = iter(rest)
                self._length = len(rest) + self.index
        return self._length

    @property
    def first(self) -> bool:
        return self.index0 == 0

    @property
    def revindex(self) -> int:
        return self.length - self.index0

    @property
    def revindex0(self) -> int:
        return self.length - self.index


class CountedLoops(jinja2.compiler.CodeGenerator):
    """Jinja's compiler, writing a counted loop (``counted``) as the module docstring says:
    Jinja's own code for the loop, its ``LoopContext`` made a ``CountedLoop`` whose counts
    are targets of the ``for`` statement."""

    _counted_loop: str | None = None
    """The name of the counted loop whose ``for`` statement is being written."""

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        self.writeline(f"from {__name__} import CountedLoop")
        super().visit_Template(node, frame)

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        outer = self._counted_loop  # a loop inside another's body: the outer's is written
        self._counted_loop = "" if counted(node) and not self.environment.is_async else None
        try:
            super().visit_For(node, frame)
        finally:
            self._counted_loop = outer

    def write(self, x: str) -> None:
        if self._counted_loop is not None:
            if x.startswith(", ") and x.endswith(" in LoopContext("):
                self._counted_loop = name = x[2 : -len(" in LoopContext(")]
                x = f", {name}.index0, {name}.index in ({name} := CountedLoop("
            elif x == ", undefined):" and self._counted_loop:
                self._counted_loop = None
                x = ", undefined)):"
        super().write(x)
