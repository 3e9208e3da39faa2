from __future__ import annotations

import pytest

from articlegen.errors import ArticlegenError
from articlegen.yamldoc import Entry, load_mapping, usable


def syntax_error(text: str) -> str:
    with pytest.raises(ArticlegenError) as raised:
        load_mapping(text, "f.md", ArticlegenError, first_line=2)
    return str(raised.value)


def test_lines_are_file_lines() -> None:
    entries, problems = load_mapping(
        "a: 1\nb:\n  - x\n  - y\n", "f.md", ArticlegenError, first_line=2
    )
    assert problems == []
    assert entries["a"] == Entry(1, 2)
    assert entries["b"].item_lines == (4, 5)


def test_unconstructible_value_stays_as_a_broken_entry() -> None:
    entries, problems = load_mapping("a: !!timestamp 2024-13-01\nb: 1\n", "f.md", ArticlegenError)
    assert [str(p) for p in problems] == [
        "f.md:1: invalid value for 'a': month must be in 1..12"
        " — write a real date as YYYY-MM-DD, e.g. 2024-05-14"
    ]
    assert entries["a"].broken and set(usable(entries)) == {"b"}


def test_a_timestamp_pyyaml_cannot_construct_is_a_clean_problem() -> None:
    """Found by the property test: PyYAML raised AttributeError for a seconds offset."""
    text = "date: !!timestamp '1937-01-01 00:00:00+00:19:32'\nb: 1\n"
    entries, problems = load_mapping(text, "f.md", ArticlegenError, first_line=2)
    assert [str(p) for p in problems] == [
        "f.md:2: invalid value for 'date': not a valid timestamp"
        " — write a real date as YYYY-MM-DD, e.g. 2024-05-14"
    ]
    assert entries["date"].broken and set(usable(entries)) == {"b"}


def test_unclosed_quote_points_at_the_opening_line() -> None:
    assert syntax_error("a: 'open\nb: 2\nc: 3\n") == (
        "f.md:2: invalid YAML: the quote opened on this line is never closed"
        " — end the value with the same quote it starts with"
    )


def test_unclosed_bracket_points_at_the_opening_line() -> None:
    assert syntax_error("a: 1\nb: [x, y\nc: 3\n") == (
        "f.md:3: invalid YAML: the '[' opened on this line is never closed — end the value with ']'"
    )
    assert syntax_error("a: {x: 1,\n  y: 2\nc: 3\n") == (
        "f.md:2: invalid YAML: the '{' opened on this line is never closed — end the value with '}'"
    )


def test_tab_indentation_hint() -> None:
    assert syntax_error("a: 1\n\tb: 2\n").endswith(" — indent with spaces, not tabs")
    assert syntax_error("a:\n\t- x\n").endswith(" — indent with spaces, not tabs")


def test_control_character_is_reported_at_its_line() -> None:
    assert syntax_error("a: 1\nb: x\x1b\n") == (
        "f.md:3: invalid YAML: character U+001B is not allowed"
        " — remove the control character (often pasted in by accident)"
    )


def test_other_syntax_errors_keep_the_generic_hint() -> None:
    assert syntax_error("a: b: c\n").endswith(
        " — check quotes, colons and indentation (spaces, not tabs)"
    )
