"""``recordinit.slot_init``: a record's ``__init__`` takes and sets what the one
``dataclass(frozen=True)`` writes does."""

from __future__ import annotations

import dataclasses
import pickle
from collections.abc import Mapping

import pytest

from articlegen.core.recordinit import slot_init
from articlegen.core.records import record


@record
class Sample:
    """A record of each kind of field: required, with a default, with a factory."""

    first: int
    second: str = "x"
    third: Mapping[str, int] = dataclasses.field(default_factory=dict)


def test_a_record_is_made_as_a_frozen_dataclass_makes_it() -> None:
    made = Sample(1)
    assert (made.first, made.second, made.third) == (1, "x", {})
    assert Sample(1).third is not made.third  # one new value of the factory each
    assert Sample(2, "y", {"k": 1}) == Sample(third={"k": 1}, second="y", first=2)
    assert dataclasses.replace(made, second="z") == Sample(1, "z")
    assert pickle.loads(pickle.dumps(made)) == made
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.first = 2


def test_arguments_it_does_not_take_are_refused() -> None:
    with pytest.raises(TypeError):
        Sample()
    with pytest.raises(TypeError):
        Sample(1, fourth=2)
    with pytest.raises(TypeError):
        Sample(1, first=2)


def test_a_dataclass_with_a_post_init_keeps_its_own() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        value: int

        def __post_init__(self) -> None:
            if self.value < 0:
                raise ValueError(self.value)

    assert slot_init(Checked) is None
