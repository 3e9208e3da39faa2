"""Coloured labels on a terminal only, as NO_COLOR and FORCE_COLOR ask; counts written alike."""

from __future__ import annotations

import io

import pytest

from articlegen.core.console import counted, painted, say, wants_colour


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        super().isatty()  # raises ValueError once closed, as a real stream does
        return True


@pytest.mark.parametrize(
    ("environ", "terminal", "expected"),
    [
        ({}, True, True),
        ({}, False, False),  # a pipe, a file, a CI log
        ({"TERM": "dumb"}, True, False),
        ({"NO_COLOR": "1"}, True, False),
        ({"NO_COLOR": ""}, True, True),  # empty counts as unset (no-color.org)
        ({"FORCE_COLOR": "1"}, False, True),
        ({"FORCE_COLOR": ""}, False, False),
        ({"FORCE_COLOR": "1", "TERM": "dumb"}, False, True),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, True, False),  # NO_COLOR wins, as in CPython
    ],
)
def test_colour_follows_the_terminal_and_the_environment(
    environ: dict[str, str], terminal: bool, expected: bool
) -> None:
    stream = Terminal() if terminal else io.StringIO()
    assert wants_colour(stream, environ) is expected


def test_a_closed_stream_gets_no_colour() -> None:
    stream = Terminal()
    stream.close()
    assert wants_colour(stream, {}) is False


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("error: a.md:3: bad", "\x1b[1;31merror:\x1b[0m a.md:3: bad"),
        ("warning: a.md: odd", "\x1b[1;33mwarning:\x1b[0m a.md: odd"),
        ("note: search is off", "\x1b[1;36mnote:\x1b[0m search is off"),
        ("  caused by: OSError: x", "  caused by: OSError: x"),
        ("3 articles; the error: none", "3 articles; the error: none"),
    ],
)
def test_only_the_leading_label_is_coloured(line: str, expected: str) -> None:
    assert painted(line, colour=True) == expected
    assert painted(line, colour=False) == line


def test_say_colours_for_a_terminal_and_not_for_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    terminal, pipe = Terminal(), io.StringIO()
    say("warning: a.md: odd", terminal)
    say("warning: a.md: odd", pipe)
    assert terminal.getvalue() == "\x1b[1;33mwarning:\x1b[0m a.md: odd\n"
    assert pipe.getvalue() == "warning: a.md: odd\n"


@pytest.mark.parametrize(
    ("count", "noun", "expected"),
    [
        (0, "article", "0 articles"),
        (1, "article", "1 article"),
        (2, "page", "2 pages"),
        (1_500, "article", "1,500 articles"),
        (1_234_567, "warning", "1,234,567 warnings"),
    ],
)
def test_counts_have_thousands_separators_and_plurals(count: int, noun: str, expected: str) -> None:
    assert counted(count, noun) == expected


def test_a_bidi_control_a_message_quotes_is_shown_as_its_code_point() -> None:
    """Printed as it is, a right-to-left override reorders the rest of the line on a console
    (``see_also 'ex<U+202E>elpma' …`` would read as another name, and the message garbled)."""
    stream = io.StringIO()
    say("error: a.md:3: see_also 'ex\u202eelpma\u2069 x' names no article", stream)
    assert (
        stream.getvalue()
        == "error: a.md:3: see_also 'ex<U+202E>elpma<U+2069> x' names no article\n"
    )
