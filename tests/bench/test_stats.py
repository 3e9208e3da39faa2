"""bench/stats.py: medians, spreads and same-round ratios, on literal figures."""

from __future__ import annotations

import pytest

from bench.stats import Spread, ratios


def test_spread_is_the_median_lowest_and_highest() -> None:
    assert Spread.of([3.0, 1.0, 2.0, 10.0, 2.5]) == Spread(2.5, 1.0, 10.0)
    assert Spread.of([4.0, 1.0]) == Spread(2.5, 1.0, 4.0)  # an even count: the middle two
    assert Spread.of([7.0]) == Spread(7.0, 7.0, 7.0)


def test_spread_of_nothing_is_an_error() -> None:
    with pytest.raises(ValueError, match="no values"):
        Spread.of([])


def test_ratios_pair_the_rounds() -> None:
    # a slow Hugo round (round 2) pairs with the articlegen run beside it
    assert ratios([4.0, 9.0, 3.0], [2.0, 6.0, 3.0]) == [2.0, 1.5, 1.0]
    assert Spread.of(ratios([4.0, 9.0, 3.0], [2.0, 6.0, 3.0])) == Spread(1.5, 1.0, 2.0)


def test_ratio_to_zero_is_infinite_and_unpaired_rounds_are_an_error() -> None:
    assert ratios([1.0], [0.0]) == [float("inf")]
    with pytest.raises(ValueError, match="2 figures against 1"):
        ratios([1.0, 2.0], [1.0])
