"""``recordmethods``: a record compares, hashes and shows itself as the methods
``dataclass(frozen=True, slots=True)`` writes do, checked against such a dataclass."""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import pytest

from articlegen.core.records import record


@record
class Pair:
    """Two compared fields and one that is not."""

    first: Any
    second: Any = None
    noted: Any = dataclasses.field(default=None, compare=False)


@dataclasses.dataclass(frozen=True, slots=True)
class PairAsDataclass:
    """``Pair`` as ``dataclass`` alone makes it."""

    first: Any
    second: Any = None
    noted: Any = dataclasses.field(default=None, compare=False)


@record
class One:
    """One field: compared as a tuple of one, as ``dataclass`` does."""

    value: Any


@dataclasses.dataclass(frozen=True, slots=True)
class OneAsDataclass:
    """``One`` as ``dataclass`` alone makes it."""

    value: Any


def pairs_of_each() -> list[tuple[Any, Any]]:
    """The same two records of each kind, made as records and as dataclasses."""
    nan = math.nan
    cases: list[tuple[Any, ...]] = [(1, "a", "x"), (1, "a", "y"), (nan, nan, 0), ([1], {"k": 2}, 0)]
    return [(Pair(*case), PairAsDataclass(*case)) for case in cases] + [
        (One(nan), OneAsDataclass(nan)),
        (One(1.0), OneAsDataclass(1.0)),
        (One(1), OneAsDataclass(1)),
    ]


def test_records_compare_as_dataclasses_do() -> None:
    made = pairs_of_each()
    for a, a_dc in made:
        for b, b_dc in made:
            if type(a) is type(b):
                assert (a == b, a != b) == (a_dc == b_dc, a_dc != b_dc)
    assert Pair(1).__eq__(One(1)) is NotImplemented
    assert Pair(1) != PairAsDataclass(1)


def test_records_hash_as_dataclasses_do() -> None:
    for a, a_dc in pairs_of_each():
        try:
            expected: Any = hash(a_dc)
        except TypeError as error:
            with pytest.raises(TypeError, match=str(error)):
                hash(a)
        else:
            assert hash(a) == expected


def test_records_show_as_dataclasses_do() -> None:
    for a, a_dc in pairs_of_each():
        assert repr(a) == repr(a_dc).replace("AsDataclass(", "(")
    holding: list[Any] = []
    holding_dc: list[Any] = []
    outer, outer_dc = Pair(holding, 2), PairAsDataclass(holding_dc, 2)
    holding.append(outer)  # a record shown inside itself: "..." there
    holding_dc.append(outer_dc)
    assert repr(outer) == "Pair(first=[...], second=2, noted=None)"
    assert repr(outer) == repr(outer_dc).replace("AsDataclass(", "(")
    assert Pair.__repr__.__qualname__ == "Pair.__repr__"


def test_a_record_may_not_define_what_record_makes() -> None:
    with pytest.raises(TypeError, match="record"):

        @record
        class Shown:
            """Shows itself its own way."""

            value: int

            def __repr__(self) -> str:
                return "shown"


def test_records_stay_frozen_as_dataclasses_do() -> None:
    def failure(made: Any, change: Any) -> tuple[type[BaseException], str]:
        with pytest.raises(Exception) as raised:
            change(made)
        return raised.type, str(raised.value)

    for change in (lambda m: setattr(m, "first", 2), lambda m: setattr(m, "other", 2),
                   lambda m: delattr(m, "noted"), lambda m: delattr(m, "other")):  # fmt: skip
        assert failure(Pair(1), change) == failure(PairAsDataclass(1), change)
    assert failure(Pair(1), lambda m: setattr(m, "first", 2))[0] is dataclasses.FrozenInstanceError
