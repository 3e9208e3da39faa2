"""Per-item results of a build stage kept for the next build, reused while their inputs stay
the same.

The preview rebuilds after every save, and most of what a rebuild does is per article:
resolving its links, filling its body's placeholders, numbering its citations. After a
save, every article but the edited one is the very same object as in the last build (the
build cache hands it back), so the same work on the same inputs would give the same
result. A stage given a ``Memo`` asks it for each item's result, naming the item (a key)
and everything the result depends on (its inputs); only an item whose inputs differ from
last time is worked out again.

Inputs compare with ``==`` element by element, after ``is``: an unchanged object is
itself, and costs nothing to compare. So they must be values for which ``==`` is as strict
as the result: text, numbers, records of them, or objects that compare by identity. A
value ``==`` could find equal to one that shows differently (a date-time in another time
zone) goes in as ``Same(value)``, which only the very same object equals.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

Result = TypeVar("Result")
Value = TypeVar("Value")


class Same:
    """An input that equals only the very same object: for values whose ``==`` is not
    strict enough (``datetime`` finds moments in two time zones equal)."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Same) and other.value is self.value

    def __hash__(self) -> int:
        return id(self.value)


class Memo(Generic[Result]):
    """Results by key, each with the inputs it was worked out from, for one stage."""

    def __init__(self) -> None:
        self._last: dict[Hashable, tuple[tuple[object, ...], Result]] = {}
        self._now: dict[Hashable, tuple[tuple[object, ...], Result]] = {}
        self._values: dict[Hashable, object] = {}

    def __call__(
        self, key: Hashable, inputs: tuple[object, ...], work: Callable[[], Result]
    ) -> Result:
        """The result kept for ``key`` if it was worked out from equal ``inputs``; else
        ``work()``, kept for next time."""
        kept = self._now.get(key) or self._last.get(key)
        result = kept[1] if kept is not None and kept[0] == inputs else work()
        self._now[key] = (inputs, result)
        return result

    def kept(self, key: Hashable) -> Result | None:
        """The result last kept for ``key``, if any, whatever its inputs: for a stage whose
        inputs depend on what that result needed."""
        kept = self._now.get(key) or self._last.get(key)
        return kept[1] if kept is not None else None

    def same(self, key: Hashable, value: Value) -> Value:
        """The value kept for ``key`` if it equals ``value`` (the very object last given),
        else ``value``, kept: a large input many items share (every link target) is then
        the same object build after build, which each item's inputs compare by ``is``."""
        kept = self._values.get(key)
        if kept is not None and kept == value:
            return kept  # kept under this key, so of its type
        self._values[key] = value
        return value

    def next_build(self) -> None:
        """Start a build: what the last one asked for is kept, the rest forgotten (a renamed
        or deleted article's). A build that did not reach this stage keeps the one before."""
        if self._now:
            self._last, self._now = self._now, {}
