"""``yamlsize.within_limits``: the text-only check that lets a document skip ``measure``.

The property tests check the two bounds its docstring argues (values ≤ 3 per character
without aliases; depth ≤ 2 × (widest leading run + 1) + 2 × '[' + '{'), on the events of
both parsers up to wherever they stop, and that a text it passes never fails ``measure``,
with limits small enough for generated text to reach them."""

from __future__ import annotations

import contextlib
from typing import Any
from unittest import mock

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from articlegen.core import yamlsize
from articlegen.core.errors import ArticlegenError
from articlegen.core.yamldoc import load_mapping
from articlegen.core.yamlloader import Loader

PIECES = [
    *["- ", "-", "? ", "?", ": ", ":", "[", "]", "{", "}", ", ", ",", "a", "b: ", "key: "],
    *["'q'", '"d"', "&a ", "&b ", "!t ", "!!str ", "!!map ", "|", ">", "#c", " ", "  "],
    *["\t", "\ufeff", "--- ", "---", "...", "%YAML 1.1", "~", "1", "null", "*a", "\n"],
]
"""Pieces of YAML syntax that open, close or fill collections, for adversarial text."""

soup = st.lists(
    st.tuples(st.integers(0, 10).map(" ".__mul__), st.lists(st.sampled_from(PIECES), max_size=14)),
    max_size=14,
).map(lambda lines: "\n".join(indent + "".join(pieces) for indent, pieces in lines))
"""Lines of random pieces at random indentation: mostly invalid, which the parsers read
up to an error (the events before it are counted)."""

nested = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=3) | st.integers(), inner, max_size=3)
    ),
    max_leaves=40,
)
"""Data nested many levels deep, written out as valid YAML in the styles below."""


@st.composite
def dumped(draw: Any) -> str:
    """Valid YAML of nested data: block, flow or mixed, indented 2 to 6, with or without
    an explicit document start."""
    return yaml.safe_dump(
        draw(nested),
        default_flow_style=draw(st.sampled_from([None, True, False])),
        indent=draw(st.integers(2, 6)),
        explicit_start=draw(st.booleans()),
        allow_unicode=True,
        width=draw(st.sampled_from([20, 80])),
    )


@st.composite
def compact(draw: Any) -> str:
    """Collections opened on one line (``- - ? - x``, ``- a: - b``), closed on later lines."""
    opened = "".join(draw(st.lists(st.sampled_from(["- ", "? ", ": ", "-  ", "?  "]), max_size=20)))
    tail = draw(st.sampled_from(["x", "a: b", "[x, [y]]", "{a: [b]}", "&n x", "!t y", ""]))
    more = draw(st.lists(st.tuples(st.integers(0, 30), st.sampled_from(PIECES)), max_size=6))
    return opened + tail + "".join(f"\n{' ' * n}{piece}" for n, piece in more)


yaml_text = soup | dumped() | compact()


def events_seen(loader: Any) -> tuple[int, int]:
    """The values (an alias counting 1) and the deepest nesting among the events ``loader``
    gives before it ends or fails."""
    values = depth = opened = 0
    with contextlib.suppress(yaml.YAMLError):
        try:
            while loader.check_event():
                event = loader.get_event()
                if isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
                    values += 1
                elif isinstance(event, yaml.CollectionStartEvent):
                    values, opened = values + 1, opened + 1
                    depth = max(depth, opened)
                elif isinstance(event, yaml.CollectionEndEvent):
                    opened -= 1
        finally:
            loader.dispose()
    return values, depth


def widest_run(text: str) -> int:
    """The longest run of spaces, tabs, '-', '?', ':' and BOMs a line starts with."""
    return max(len(line) - len(line.lstrip(" \t-?:\ufeff")) for line in text.split("\n"))


def loaders(text: str) -> list[Any]:
    return [Loader(text), yaml.SafeLoader(text)] if hasattr(yaml, "CSafeLoader") else [Loader(text)]


@given(yaml_text)
@example("- - - - - - x")
@example("? - ? - ? - x\n: - a")
@example("[[[a: b]: c]: d]")
@example("a:\n- b:\n  - c:\n    - d")
@example("\ufeff- - x")
def test_the_bounds_within_limits_rests_on(text: str) -> None:
    if "*" in text or any(mark in text for mark in ("\r", "\x85", "\u2028", "\u2029")):
        return
    with contextlib.suppress(yaml.reader.ReaderError):  # the pure-Python reader refuses BOMs
        for loader in loaders(text):
            values, depth = events_seen(loader)
            assert values <= 3 * len(text)
            assert depth <= 2 * (widest_run(text) + 1) + 2 * text.count("[") + text.count("{")


@given(yaml_text, st.integers(1, 40), st.integers(1, 600))
@example("- - - x", 3, 50)
@example("- - - x", 4, 50)
def test_what_within_limits_passes_never_fails_measure(text: str, depth: int, values: int) -> None:
    with (
        mock.patch.object(yamlsize, "MAX_YAML_DEPTH", depth),
        mock.patch.object(yamlsize, "MAX_YAML_VALUES", values),
    ):
        if yamlsize.within_limits(text):
            with contextlib.suppress(yaml.YAMLError):
                yamlsize.measure(text, "f.md", ArticlegenError, 1)


def test_what_within_limits_leaves_to_measure() -> None:
    assert yamlsize.within_limits("title: x\ntags: [a, b]\nsee_also:\n  - a\n")
    assert not yamlsize.within_limits("a: &x 1\nb: *x\n")  # an alias may be a bomb
    assert not yamlsize.within_limits("a: x\n" * 3_400)  # long enough to hold 50,000 values
    assert not yamlsize.within_limits("tags: " + "[" * 25 + "]" * 25 + "\n")
    assert not yamlsize.within_limits("a: 1\r\n")  # a line break '^' does not follow
    assert not yamlsize.within_limits("- " * 25 + "x\n")
    assert yamlsize.within_limits("- " * 11 + "x\n")


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: &x 2\nc: 'open\n",  # the composer stops at the anchor, the parser later
        "a: 1\n--- x\nc: [\n",  # ... at the second document
    ],
)
def test_a_syntax_error_after_a_composer_error_comes_first_as_when_measured(text: str) -> None:
    assert yamlsize.within_limits(text)
    with (
        mock.patch("articlegen.core.yamldoc.within_limits", return_value=False),
        pytest.raises(ArticlegenError) as measured,
    ):
        load_mapping(text, "f.md", ArticlegenError)
    with pytest.raises(ArticlegenError) as unmeasured:
        load_mapping(text, "f.md", ArticlegenError)
    assert str(unmeasured.value) == str(measured.value)
    assert "duplicate anchor" not in str(measured.value)
    assert "another document" not in str(measured.value)
