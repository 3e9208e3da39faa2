"""bench/overhead.py builds a tiny corpus cold and accounts for all of its CPU time (the
timings themselves are not checked here)."""

from __future__ import annotations

import gc
import time

import pytest

from bench import overhead


def test_every_stage_is_shown_and_they_add_up(capsys: pytest.CaptureFixture[str]) -> None:
    assert overhead.main(["--articles", "12", "--runs", "1"]) == 0
    assert gc.isenabled()  # the builds run as the command, which leaves it off: turned on again
    out = capsys.readouterr().out
    table = out.split("ms/article\n", 1)[1].split("\nuser ", 1)[0]
    rows = {line[:18].strip(): float(line[18:].split()[0]) for line in table.splitlines()}
    stages = [*dict.fromkeys(stage for stage, _, _ in overhead.STAGES), overhead.OTHER]
    assert set(rows) == {*stages, "total"}
    assert sum(rows[stage] for stage in stages) == pytest.approx(rows["total"], abs=0.01)
    assert rows["Markdown"] > 0 and rows["templates"] > 0 and rows["front-matter"] > 0
    assert "outside Markdown:" in out and "without the image copies:" in out
    assert "builds timed only in Markdown and image copies (1," in out


def test_a_stage_left_out_runs_untimed() -> None:
    """The builds the time outside Markdown is taken from time no other stage: timing a
    call costs more than many of the calls."""
    clock = overhead.StageClock(only=frozenset({"kept"}))
    assert clock.wrap("left out", lambda: 3)() == 3
    assert list(clock.wrap("left out", lambda: iter((1, 2)))()) == [1, 2]
    assert list(clock.wrap("gen", _numbers)()) == [0, 1, 2]
    assert clock.wrap("kept", lambda: busy(0.005))() is None
    assert set(clock.spent) == {"kept"}


def _numbers():
    yield from range(3)


def test_a_stage_does_not_count_the_stages_it_calls() -> None:
    clock = overhead.StageClock()

    def inner() -> None:
        busy(0.02)

    def outer() -> None:
        busy(0.01)
        timed_inner()

    timed_inner = clock.wrap("inner", inner)
    clock.wrap("outer", outer)()
    assert clock.spent["inner"] >= 0.02
    assert 0.01 <= clock.spent["outer"] < 0.02


def test_a_generator_is_timed_only_while_it_runs() -> None:
    clock = overhead.StageClock()

    def numbers():
        for number in range(3):
            busy(0.005)
            yield number

    timed = clock.wrap("numbers", numbers)
    for _ in timed():
        busy(0.02)  # the caller's time, not the generator's
    assert 0.015 <= clock.spent["numbers"] < 0.04


def busy(seconds: float) -> None:
    """Spend ``seconds`` of CPU time."""
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_each_build_starts_without_what_the_last_one_remembered() -> None:
    """The process's memos (a ``functools`` cache, a plain dict of stems) are emptied, so a
    timed build is not spared the warm-up's work."""
    from articlegen.core.slugs import slugify
    from articlegen.render import textvectors

    slugify("Low Testosterone")
    textvectors.stem_words(["hormones"])
    assert slugify.cache_info().currsize > 0 and textvectors._STEMS
    overhead.forget_memos()
    assert slugify.cache_info().currsize == 0 and not textvectors._STEMS
