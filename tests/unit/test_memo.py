"""``core.memo``: a stage's per-item results reused only while their inputs are the same."""

from __future__ import annotations

import datetime as dt

from articlegen.core.memo import Memo, Same


class Work:
    """Counts how often the result is worked out."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> list[int]:
        self.calls += 1
        return [self.calls]


def test_equal_inputs_give_the_kept_result_and_changed_ones_a_new_one() -> None:
    memo: Memo[list[int]] = Memo()
    work = Work()
    first = memo("a", ("text", 1), work)
    memo.next_build()
    assert memo("a", ("text", 1), work) is first
    memo.next_build()
    assert memo("a", ("text", 2), work) == [2]
    assert memo("b", ("text", 2), work) == [3]  # another key has results of its own
    assert work.calls == 3


def test_same_tells_apart_values_equal_by_eq_but_shown_differently() -> None:
    utc = dt.datetime(2024, 1, 1, 12, tzinfo=dt.UTC)
    paris = utc.astimezone(dt.timezone(dt.timedelta(hours=1)))
    assert utc == paris  # equal moments, shown as different times
    memo: Memo[list[int]] = Memo()
    work = Work()
    memo("a", (Same(utc),), work)
    assert memo("a", (Same(paris),), work) == [2]
    assert memo("a", (Same(paris),), work) == [2]
    assert work.calls == 2


def test_a_build_forgets_what_the_last_one_did_not_ask_for() -> None:
    memo: Memo[list[int]] = Memo()
    work = Work()
    memo("gone", (1,), work)
    memo("kept", (1,), work)
    memo.next_build()
    memo("kept", (1,), work)
    memo.next_build()
    memo("gone", (1,), work)
    assert work.calls == 3


def test_a_build_that_never_reached_the_stage_keeps_the_results_before() -> None:
    memo: Memo[list[int]] = Memo()
    work = Work()
    memo("a", (1,), work)
    memo.next_build()
    memo.next_build()  # a build that failed before this stage
    memo("a", (1,), work)
    assert work.calls == 1


def test_same_value_is_the_object_kept_while_it_is_equal() -> None:
    memo: Memo[object] = Memo()
    first = ("x", "y")
    assert memo.same("targets", first) is first
    assert memo.same("targets", tuple(["x", "y"])) is first
    changed = ("x", "z")
    assert memo.same("targets", changed) is changed
