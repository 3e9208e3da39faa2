"""bench/suggest.py end to end on a small corpus (no timing checked)."""

from __future__ import annotations

import re

import pytest

from bench import suggest


def test_prints_both_rankings_with_their_sizes(capsys: pytest.CaptureFixture[str]) -> None:
    assert suggest.main(["--articles", "30"]) == 0
    every, index = capsys.readouterr().out.splitlines()
    assert re.fullmatch(
        r"every article: \d+\.\d\d s wall, \d+\.\d\d s CPU, 90 suggestions for 30 of 30 articles",
        every,
    )
    assert re.fullmatch(
        r"index: \d+\.\d\d s wall, \d+\.\d\d s CPU, \d+ suggestions for \d+ of 30 articles", index
    )


def test_a_budget_no_ranking_can_meet_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert suggest.main(["--articles", "10", "--budget", "0"]) == 1
    assert capsys.readouterr().err.startswith("over budget: ")


def test_too_few_articles_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as exited:
        suggest.main(["--articles", "1"])
    assert exited.value.code == 2
