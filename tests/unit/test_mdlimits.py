"""markdown-it's limits: deep nesting and wide tables are placed errors, never lost text."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from articlegen.core.errors import MarkupError
from articlegen.core.limits import MAX_NESTING, MAX_TABLE_COLUMNS
from articlegen.markup.markdown import make_markdown, render_body
from tests.conftest import HTMLParser

MD = make_markdown()
FIRST_LINE = 7
_MARKERS = {"bullet": ("- ", "  "), "ordered": ("1. ", "   "), "quote": ("> ", "> ")}
"""Each container: the marker that opens it, and what continues it on the lines below."""
_INLINE = {
    "em": ("*", "*"),
    "strong": ("**", "**"),
    "underscore": ("_", "_"),
    "strike": ("~~", "~~"),
    "link": ("[", "](https://example.org/)"),
}


def nested(containers: list[str], inline: list[str]) -> tuple[str, list[str]]:
    """A body nesting ``containers`` (a word at each level), the deepest word wrapped in
    ``inline`` (a word at each level too), then a top-level paragraph; and its words."""
    words = [f"word{n}x" for n in range(len(containers) + len(inline) + 2)]
    deepest = words[len(containers)]
    for n, kind in enumerate(inline):
        opening, closing = _INLINE[kind]
        deepest = f"{opening}{words[len(containers) + 1 + n]} {deepest}{closing}"
    lines, prefix = [], ""
    for level, kind in enumerate(containers):
        marker, continuation = _MARKERS[kind]
        lines.append(f"{prefix}{marker}{words[level]}")
        prefix += continuation
    lines.append(prefix + deepest)
    return "\n".join(lines) + f"\n\n## Dosage\n\nNever exceed {words[-1]}.\n", words


def page_words(html: str) -> set[str]:
    body = HTMLParser(html).body
    return set(re.findall(r"word\d+x", body.text(separator=" ") if body else ""))


@given(
    st.lists(st.sampled_from(sorted(_MARKERS)), max_size=130),
    st.lists(st.sampled_from(sorted(_INLINE)), max_size=130),
)
@example(["bullet"] * 10, [])
@example(["bullet"] * 60, [])
@example(["quote"] * 120, ["strong"] * 120)
@example(["ordered", "quote"] * 40, ["link"] * 30)
def test_every_word_reaches_the_page_or_an_error(containers: list[str], inline: list[str]) -> None:
    body, words = nested(containers, inline)
    rendered = render_body(MD, body, first_line=FIRST_LINE, path="content/x.md")
    last_line = FIRST_LINE + body.count("\n")
    if rendered.problems:
        assert all(isinstance(p, MarkupError) for p in rendered.problems)
        assert all(FIRST_LINE <= p.line <= last_line for p in rendered.problems)
        assert all(p.path == "content/x.md" for p in rendered.problems)
    else:
        assert set(words) <= page_words(rendered.html)


def test_nesting_up_to_the_limit_is_rendered_and_past_it_is_an_error() -> None:
    levels = MAX_NESTING // 2  # a list level counts two: the list and its item
    fits, _ = nested(["bullet"] * levels, [])
    assert render_body(MD, fits).problems == ()
    deeper, _ = nested(["bullet"] * (levels + 1), [])
    (problem,) = render_body(MD, deeper, first_line=FIRST_LINE, path="content/x.md").problems
    assert str(problem) == (
        f"content/x.md:{FIRST_LINE + levels}: lists and quotes nested too deeply (more than "
        f"{MAX_NESTING} levels, a list counting two): the text from here on could not be read"
        " — nest fewer lists or quotes in each other"
    )


def table(columns: int) -> str:
    return "\n".join(
        ["|" + "|".join(f"h{n}" for n in range(columns)) + "|", "|" + "---|" * columns, "|a|b|"]
    )


def test_a_table_up_to_the_column_limit_is_rendered() -> None:
    rendered = render_body(MD, table(MAX_TABLE_COLUMNS))
    assert rendered.problems == ()
    assert len(HTMLParser(rendered.html).css("th")) == MAX_TABLE_COLUMNS


def test_a_wider_table_is_one_error_at_its_first_line() -> None:
    body = "A paragraph\nright before it.\n" + table(MAX_TABLE_COLUMNS + 1) + "\n\nAfter.\n"
    rendered = render_body(MD, body, first_line=FIRST_LINE, path="content/x.md")
    assert [str(p) for p in rendered.problems] == [
        f"content/x.md:{FIRST_LINE + 2}: a table of {MAX_TABLE_COLUMNS + 1} columns, more than "
        f"the limit of {MAX_TABLE_COLUMNS} — split it into several tables, or turn rows into "
        "columns"
    ]
    assert HTMLParser(rendered.html).css("table") == []


def test_a_table_in_a_list_is_measured_too() -> None:
    body = "- item\n\n  " + table(MAX_TABLE_COLUMNS + 1).replace("\n", "\n  ") + "\n"
    (problem,) = render_body(MD, body, first_line=1, path="x.md").problems
    assert problem.line == 3
