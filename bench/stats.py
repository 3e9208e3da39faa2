"""The arithmetic of the benchmark's tables: medians, spreads and same-round ratios.

Plain functions on lists of numbers, so they are tested with literal data. A ratio is
taken round by round (articlegen's run against Hugo's run of the same round, minutes
apart) before the median: Hugo's time swings with the machine's load, and a ratio of
two medians could pair a quiet Hugo run with a busy articlegen one.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Spread:
    """The median of some figures, and their lowest and highest."""

    median: float
    low: float
    high: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Spread:
        """The spread of ``values`` (at least one)."""
        if not values:
            raise ValueError("no values to summarise")
        return cls(statistics.median(values), min(values), max(values))


def ratios(ours: Sequence[float], theirs: Sequence[float]) -> list[float]:
    """``ours[i] / theirs[i]`` for each round ``i`` (the lists pair up by round)."""
    if len(ours) != len(theirs):
        raise ValueError(f"{len(ours)} figures against {len(theirs)}: rounds must pair up")
    return [
        mine / other if other else float("inf") for mine, other in zip(ours, theirs, strict=True)
    ]
