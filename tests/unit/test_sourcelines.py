"""Where a warning's subject is written in an old post's own file, for ``file:line``."""

from __future__ import annotations

import re
from pathlib import Path

from articlegen.authoring.namedanchors import anchor_line, fragment_line
from articlegen.authoring.sourcelines import (
    add_place,
    header_bidi_line,
    header_key_line,
    line_of,
    line_outside_code,
    located,
    source_text,
)


def test_line_of_a_text_or_a_pattern_and_none_where_it_is_not() -> None:
    text = "---\ntitle: A\n---\nOne.\n{% include x.html %}\n"
    assert line_of(text, "{% include x.html %}") == 5
    assert line_of(text, re.compile(r"title:")) == 2
    assert line_of(text, "{% nothing %}") is None
    assert line_of(None, "x") is None
    assert (located("a.md", 3), located("a.md", None)) == ("a.md:3", "a.md")


def test_line_outside_code_passes_over_the_same_text_shown_in_code() -> None:
    """A tag shown in a code span (or a fenced block) lines before was named instead."""
    text = "---\ntitle: A\n---\nPress `<kbd>`.\n\n```\n<kbd>\n```\n\n<kbd>Enter</kbd>\n"
    assert line_outside_code(text, "<kbd>") == 10
    assert line_outside_code(text, "<sub>") is None
    assert line_outside_code(None, "<kbd>") is None


def test_the_header_line_of_a_bidi_control_as_itself_or_written_as_an_escape(
    tmp_path: Path,
) -> None:
    raw = tmp_path / "raw.md"
    raw.write_text("---\ntitle: Rest\ndescription: Plain \u2066text\u2069\n---\n", "utf-8")
    escaped = tmp_path / "escaped.md"
    escaped.write_text('+++\ndate = 2020-01-01\ntitle = "A \\u202Eb"\n+++\nBody\n', "utf-8")
    body_only = tmp_path / "body.md"
    body_only.write_text("---\ntitle: Rest\n---\nA \u202e body.\n", "utf-8")
    page = tmp_path / "page.html"
    page.write_text("<h1>A \u202e title</h1>", "utf-8")
    assert header_bidi_line(raw) == 3
    assert header_bidi_line(escaped) == 3
    assert header_bidi_line(body_only) is None  # the body keeps its own: no header line
    assert header_bidi_line(page) is None  # no header: the file alone, no line made up
    assert header_bidi_line(None) is None


def test_the_header_line_of_a_top_level_key_the_last_where_it_is_written_twice(
    tmp_path: Path,
) -> None:
    post = tmp_path / "post.md"
    post.write_text(
        "---\ntitle: A\nimage:\n  date: nested\ndate: 2020-01-01\n'date' : x\n"
        "dated: y\n---\ndate: in the body\n",
        "utf-8",
    )
    toml = tmp_path / "toml.md"
    toml.write_text('+++\ndate = "x"\n+++\n', "utf-8")
    assert header_key_line(post, "date") == 6  # quoted, and after the first: Jekyll keeps it
    assert header_key_line(post, "title") == 2
    assert header_key_line(post, "dated") == 7
    assert header_key_line(post, "last_modified_at") is None  # from _config.yml's defaults
    assert header_key_line(toml, "date") is None
    assert header_key_line(None, "date") is None


def test_a_file_that_cannot_be_read_gives_no_text_rather_than_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"---\ntitle: \xff\n---\n")
    assert source_text(bad) is None
    assert source_text(tmp_path / "gone.md") is None
    assert source_text(None) is None


def test_each_post_is_a_place_once_at_the_line_of_its_first_tag(tmp_path: Path) -> None:
    post = tmp_path / "a.md"
    post.write_text("---\ntitle: A\n---\n\n{% include x %}\n{% include x %}\n", "utf-8")
    places: list[str] = []
    add_place(places, "a.md", post, "{% include x %}")
    add_place(places, "a.md", post, "{% include x %}")
    add_place(places, "gone.md", tmp_path / "gone.md", "{% include x %}")
    assert places == ["a.md:5", "gone.md"]


def test_the_line_of_an_anchor_and_of_a_link_to_a_fragment() -> None:
    text = (
        "---\ntitle: A\n---\n"
        "A <a name='other'></a> and <a name=\"my&#32;dose\"></a>.\n"
        "See [x](/a.html#dose-more) and [y](/a.html#my%20dose).\n"
        "And [z](#dose).\n"
    )
    assert anchor_line(text, "my dose") == 4
    assert anchor_line(text, "missing") is None
    assert fragment_line(text, "my dose") == 5  # as the link writes it, percent-encoded
    assert fragment_line(text, "dose") == 6  # not #dose-more's prefix: the whole name
    assert fragment_line(text, "nowhere") is None
    assert fragment_line(None, "dose") is None
