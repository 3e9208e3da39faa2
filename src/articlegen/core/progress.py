"""A live progress line for long builds on a terminal; nothing at all anywhere else.

The build reports ``(stage, done, total)`` through a plain callback; this module
turns those calls into one line on a terminal, rewritten in place. Short builds
never show it (it appears only once a build has run for a second), and it is
erased when the build ends, so the summary line stays the only thing printed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import TextIO

from .console import is_terminal
from .model import Progress

DELAY = 1.0
"""Seconds a build runs before its progress line appears."""
INTERVAL = 0.1
"""Shortest time between two redraws: a terminal need not show every article."""
BAR_WIDTH = 24


class ProgressLine:
    """Draws ``stage [#####.....] done/total`` on one terminal line, as a build reports it."""

    def __init__(
        self,
        stream: TextIO,
        *,
        delay: float | None = None,
        interval: float = INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream, self.interval, self.clock = stream, interval, clock
        self.delay = DELAY if delay is None else delay
        self.started = clock()
        self.drawn_at: float | None = None
        self.width = 0

    def __call__(self, stage: str, done: int, total: int) -> None:
        """Take one report; redraw if the build is long enough and the last redraw is old."""
        now = self.clock()
        if now - self.started < self.delay:
            return
        if self.drawn_at is not None and now - self.drawn_at < self.interval and done < total:
            return
        self.drawn_at = now
        text = format_progress(stage, done, total, now - self.started)
        self.stream.write("\r" + text.ljust(self.width))
        self.stream.flush()
        self.width = len(text)

    def close(self) -> None:
        """Erase the line, if one was drawn, so what follows starts on a clean line."""
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0

    def __enter__(self) -> ProgressLine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def format_progress(stage: str, done: int, total: int, seconds: float) -> str:
    """``rendering pages [########........] 640/1,424 · 3 s``; no bar when the total is 0."""
    if total <= 0:
        return f"{stage} · {seconds:.0f} s"
    filled = min(BAR_WIDTH, BAR_WIDTH * done // total)
    bar = "#" * filled + "." * (BAR_WIDTH - filled)
    return f"{stage} [{bar}] {done:,}/{total:,} · {seconds:.0f} s"


@contextmanager
def progress_line(stream: TextIO, *, quiet: bool) -> Iterator[ProgressLine | None]:
    """A progress line on ``stream`` when it is a terminal and the user did not ask for quiet,
    erased at the end; None otherwise (CI logs and pipes get no progress, only the summary)."""
    if quiet or not is_terminal(stream):
        yield None
        return
    with ProgressLine(stream) as line:
        yield line


def for_stage(progress: Progress | None, stage: str) -> Callable[[int, int], None] | None:
    """``progress`` for one stage: ``(done, total)`` reports, or None if nobody listens."""
    return partial(progress, stage) if progress is not None else None


def report_progress(progress: Callable[[int, int], None] | None, done: int, total: int) -> None:
    """Tell ``progress``, if anybody listens, that ``done`` of ``total`` steps are done."""
    if progress is not None:
        progress(done, total)
