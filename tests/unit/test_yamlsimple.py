"""``yamlsimple`` reads exactly what ``yamldoc`` composes, or declines: compared on generated
headers of the shapes it reads and of many it must not (comments, escapes, odd indents,
keys YAML reads as numbers or truth values, values over several lines)."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlegen.core import yamldoc
from articlegen.core.errors import FrontMatterError
from articlegen.core.yamlentry import Entry
from articlegen.core.yamlsimple import simple_entries


def mostly(usual: list[str], odd: list[str]) -> st.SearchStrategy[str]:
    """One of ``usual`` nine times in ten, else one of ``odd``: so that most headers are of
    the shapes ``yamlsimple`` reads, and the rest test what it must decline."""
    return st.integers(0, 9).flatmap(lambda n: st.sampled_from(odd if n == 0 else usual))


KEYS = mostly(["title", "date", "id", "a-b", "_x", "k2"], ["on", "yes", "null", "1", "x y", "<<"])
WORDS = mostly(
    ["word", "two words", "2024-05-14", "2013", "https://example.com/a:b", "a#b", "Men's", "café"],
    [
        *("0x1F", "1.5", "1e3", ".inf", "-1", "~", "null", "true", "No", "on", "=", "0o7", "1_0"),
        *("a: b", "a:", "a #b", "*ref", "&anchor x", "!tag x", "|", ">", "@at", "%p", "[x]"),
        *("{a: b}", "x,y", "?q", "- item", "a\tb", "a\\b", "", " ", "a\u2028b", "\x85"),
    ],
)
SPACES = mostly(["", ""], [" ", " # c", "\t"])


@st.composite
def values(draw: st.DrawFn) -> str:
    """A value as written after ``key: `` or ``- ``, right or wrong."""
    word = draw(WORDS)
    kind = draw(st.sampled_from(["plain", "double", "single", "flow"]))
    if kind == "double":
        return '"' + word + draw(mostly([""], ['"', '\\"', " x"])) + '"'
    if kind == "single":
        return "'" + word + draw(mostly([""], ["'", "''"])) + "'"
    if kind == "flow":
        items = draw(st.lists(WORDS, max_size=3))
        return "[" + draw(mostly([", "], [",", " , ", ",,"])).join(items) + "]"
    return word + draw(SPACES)


@st.composite
def blocks(draw: st.DrawFn) -> list[str]:
    """The lines under a key written with nothing after its colon."""
    indent = draw(mostly(["  ", "    "], ["", " "]))
    lines: list[str] = []
    kind = draw(mostly(["list", "mapping"], ["nothing"]))
    keys = draw(st.lists(KEYS, min_size=1, max_size=3, unique=True))
    for key in keys if kind != "nothing" else []:
        if kind == "mapping":
            lines.append(f"{indent}{key}: {draw(values())}")
        elif draw(st.booleans()):
            lines.append(f"{indent}{draw(mostly(['- '], ['-', '-  ']))}{draw(values())}")
        else:
            lines.append(f"{indent}- {draw(KEYS)}: {draw(values())}")
            inner = indent + draw(mostly(["  "], [" ", "   ", "    "]))
            lines += [
                f"{inner}{draw(KEYS)}: {draw(values())}" for _ in range(draw(st.integers(0, 2)))
            ]
        lines += draw(mostly([[]], [[""], [indent + "  more"], [indent + "# note"], ["- x"]]))
    return lines


@st.composite
def headers(draw: st.DrawFn) -> str:
    """A header of top-level keys, with blank lines, comments and odd spaces among them (a
    key written twice is left to ``test_other_shapes_are_left_to_yamldoc``)."""
    lines: list[str] = [""]
    for key in draw(st.lists(KEYS, min_size=1, max_size=5, unique=True)):
        if draw(st.booleans()):
            lines.append(f"{key}: {draw(values())}")
        else:
            lines.append(f"{key}:" + draw(SPACES))
            lines += draw(blocks())
        lines += draw(mostly([[]], [[""], ["  "], ["# note"], ["  more"], ["..."], ["%YAML"]]))
    return "\n".join(lines) + "\n"


def composed(text: str) -> tuple[dict[str, Entry], list[Any]]:
    """What ``yamldoc.load_mapping`` reads without ``yamlsimple``."""
    with mock.patch.object(yamldoc, "simple_entries", return_value=None):
        return yamldoc.load_mapping(text, "a.md", FrontMatterError, first_line=2)


def same(one: Any, other: Any) -> bool:
    """Equal, and of the same types all the way down (``1 == True``, ``1 == 1.0``)."""
    if type(one) is not type(other):
        return False
    if isinstance(one, Entry):
        fields = ("value", "line", "children", "item_lines", "items", "broken", "written")
        return all(same(getattr(one, name), getattr(other, name)) for name in fields)
    if isinstance(one, dict):
        return list(one) == list(other) and all(same(one[k], other[k]) for k in one)
    if isinstance(one, list | tuple):
        return len(one) == len(other) and all(map(same, one, other))
    return bool(one == other) or (one != one and other != other)  # NaN is no value's equal


@given(headers())
def test_what_it_reads_is_what_yamldoc_composes(text: str) -> None:
    read = simple_entries(text, 2)
    if read is not None:
        entries, problems = composed(text)
        assert problems == []
        assert same(read, entries)


NUMBERS = st.text(st.sampled_from("0123456789-+._:eExXbo"), min_size=1, max_size=12)
"""Values opening as a number may, of the characters YAML's numbers hold: those with a ``-``
after the first character and no ``e`` (days, ``2024-05-14``) ``yamlsimple`` reads as text
without asking ``plain_tag``."""


@given(NUMBERS, st.booleans())
def test_a_value_opening_as_a_number_is_read_as_yamldoc_reads_it(word: str, listed: bool) -> None:
    text = f"\nkey: [{word}]\n" if listed else f"\nkey: {word}\n"
    read = simple_entries(text, 2)
    if read is not None:
        entries, problems = composed(text)
        assert problems == []
        assert same(read, entries)


ARTICLE = """
title: "Alcohol: A Beginner's Routine"
date: 2019-02-15
tags: [relationships, outdoors, 2024]
draft: false
see_also:
  - travel-in-your-30s-at-home

  - knee-pain
image:
  src: images/a.svg
  alt: 'A chart'
references:
  - id: src-1
    title: "Example Fact Sheet: Snoring"
    url: https://example.com/sources/snoring-1
    date: 2013
  -   id: src-2
      authors: [a, b]
"""


def test_a_header_of_the_usual_shapes_is_read_without_composing_it() -> None:
    read = simple_entries(ARTICLE, 2)
    assert read is not None
    assert same(read, composed(ARTICLE)[0])
    assert read["references"].items[1].children == {
        "id": Entry("src-2", 19, written="src-2"),
        "authors": Entry(["a", "b"], 20, None, (20, 20), (Entry("a", 20), Entry("b", 20))),
    }
    assert read["tags"].value == ["relationships", "outdoors", 2024]
    assert read["see_also"].item_lines == (8, 10)


@pytest.mark.parametrize(
    "text",
    [
        "title: a\ntitle: b\n",  # written twice: yamldoc's error
        "title: a # comment\n",
        "title: |\n  text\n",
        "title: a\n  goes on\n",
        "title:\n",  # nothing: read as null
        "tags:\n- a\n",  # a list at its key's indent
        'title: "a\\tb"\n',
        "on: x\n",
        "title: \ufeffx\n",
        "\n\n",
        "k" * 1025 + ": x\n",  # a key longer than YAML's 1,024 characters: its error
        "image:\n  " + "k" * 1025 + ": x\n",
        "references:\n  - " + "k" * 1025 + ": x\n",
        "tags: [why?, how]\n",  # '?' ends a plain scalar in a flow list for pure PyYAML
    ],
)
def test_other_shapes_are_left_to_yamldoc(text: str) -> None:
    assert simple_entries(text, 2) is None
