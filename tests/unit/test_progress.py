"""The progress line: drawn only on terminals, only for long builds, erased at the end."""

from __future__ import annotations

import io

from articlegen.core.progress import ProgressLine, format_progress, progress_line


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_nothing_is_drawn_in_the_first_second() -> None:
    clock, out = Clock(), io.StringIO()
    line = ProgressLine(out, clock=clock)
    clock.now += 0.9
    line("reading articles", 5, 10)
    line.close()
    assert out.getvalue() == ""


def test_drawn_in_place_then_erased() -> None:
    clock, out = Clock(), io.StringIO()
    with ProgressLine(out, clock=clock) as line:
        clock.now += 1.5
        line("reading articles", 5, 10)
        clock.now += 1.0
        line("rendering pages", 10, 10)
    first = "reading articles [" + "#" * 12 + "." * 12 + "] 5/10 · 2 s"
    second = "rendering pages [" + "#" * 24 + "] 10/10 · 2 s"
    erase = "\r" + " " * len(second) + "\r"
    assert out.getvalue() == "\r" + first + "\r" + second.ljust(len(first)) + erase


def test_redraws_at_most_ten_times_a_second_but_always_the_last_item() -> None:
    clock, out = Clock(), io.StringIO()
    line = ProgressLine(out, clock=clock, delay=0)
    for done in range(1, 101):
        clock.now += 0.001
        line("rendering pages", done, 100)
    assert out.getvalue().count("\r") == 2  # the first report, then the last
    assert out.getvalue().endswith("100/100 · 0 s")


def test_format_without_a_total_has_no_bar() -> None:
    assert format_progress("writing files", 0, 0, 3.2) == "writing files · 3 s"
    assert format_progress("pages", 1234, 5678, 0).endswith("] 1,234/5,678 · 0 s")


def test_only_terminals_get_a_line_and_quiet_gets_none() -> None:
    with progress_line(io.StringIO(), quiet=False) as line:
        assert line is None
    with progress_line(Terminal(), quiet=True) as line:
        assert line is None
    with progress_line(Terminal(), quiet=False) as line:
        assert isinstance(line, ProgressLine)
