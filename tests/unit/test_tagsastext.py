"""HTML tags written in a body on a site without raw HTML: shown as text, so a warning.

Both engines must find the same tags at the same lines (tests/unit/test_fastmarkup.py
compares the whole records; here each engine is asked on its own), and nothing that only
looks like a tag, or is in code, or is escaped on purpose."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from markdown_it.common.html_re import close_tag, open_tag

from articlegen.core.model import RenderedBody
from articlegen.markup import fastmarkup
from articlegen.markup.fastmarkup import render_compiled
from articlegen.markup.markdown import make_markdown, render_body
from articlegen.markup.tagsastext import ELEMENTS, shown_tags, tags_as_text_warnings

MD = make_markdown()


def _reference(body: str) -> RenderedBody:
    return render_body(MD, body, first_line=11, path="content/x.md")


def _compiled(body: str) -> RenderedBody:
    rendered = render_compiled(body, first_line=11, path="content/x.md")
    assert rendered is not None, "the compiled engine renders this body"
    return rendered


ENGINES = [
    pytest.param(_reference, id="reference"),
    pytest.param(
        _compiled,
        id="compiled",
        marks=pytest.mark.skipif(not fastmarkup.AVAILABLE, reason="no markdown-it-pyrs"),
    ),
]
Engine = Callable[[str], RenderedBody]


@pytest.mark.parametrize("engine", ENGINES)
def test_tags_in_text_are_found_once_a_line_at_each_line(engine: Engine) -> None:
    body = (
        "Intro.\n\n"
        "Aim for 150 minutes<br>a week. Water is H<sub>2</sub>O.\n\n"
        '<div class="x">\nin a div, CO<SUB>2</SUB>\n</div>\n\n'
        "- an item with <br/> and [a <b>link</b>](https://example.com)\n\n"
        "| a | b |\n|---|---|\n| <sup>2</sup> | x |\n\n"
        "## A <em>heading</em>\n"
    )
    assert engine(body).html_as_text == (
        ("br", 13, False),
        ("sub", 13, False),
        ("div", 15, False),
        ("div", 17, False),
        ("br", 19, False),
        ("b", 19, False),
        ("sup", 23, True),
        ("em", 25, False),
    )
    assert "H&lt;sub&gt;2&lt;/sub&gt;O" in engine(body).html  # still shown as text


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    "body",
    [
        "If a < b and b > c, take <5 mg.\n",
        "See <https://example.com/a> or <nurse@example.com>.\n",
        "Dear <name>, the type List<T> and <email@x>.\n",
        "Write `<br>` or ``<sub>`` in code.\n",
        "```html\n<p>code</p>\n```\n",
        "    <p>indented code</p>\n",
        "Escaped \\<br> and \\<sub>x\\</sub>, entities &lt;p&gt; and &#60;b&#62;.\n",
        "![an <b>alt</b> text](images/a.png)\n",
        "[a link](<b> 'x') and [b](u \"<i>\")\n",
        "A lone < sub> and <sub and </ p> are no tags.\n",
        "Group <A> vs <B>: fewer events in <B>, and <BR> or <Sub> are no tags either.\n",
        "If a<b and c>d then x; values <a few> here, <a href> too.\n",
    ],
)
def test_text_that_only_looks_like_a_tag_is_not_found(engine: Engine, body: str) -> None:
    assert engine(body).html_as_text == ()


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("See [[Welcome|<b>hi</b>]] and <i>x</i>.\n", (("b", 11, False), ("i", 11, False))),
        ("| a |\n|---|\n| [[Welcome\\|a <br> b]] |\n", (("br", 13, True),)),
        ("See [[Welcome|\\<b>hi]], [[Welcome|&lt;b&gt;]] or [[Welcome|a < b]].\n", ()),
    ],
)
def test_tags_in_a_wiki_links_text_are_found(body: str, found: tuple[object, ...]) -> None:
    """A wiki link's text is shown as written, tags and all. The compiled engine leaves a
    wiki link holding a ``<`` to the reference, so both engines find the same."""
    assert _reference(body).html_as_text == found
    assert render_compiled(body) is None


def test_with_raw_html_allowed_tags_are_html() -> None:
    body = "Water is H<sub>2</sub>O, and \\<br> is text.\n"
    assert render_body(make_markdown(allow_html=True), body).html_as_text == ()


def test_an_escaped_backslash_before_a_tag_leaves_the_tag_shown() -> None:
    assert _reference("A \\\\<br> here.\n").html_as_text == (("br", 11, False),)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_tag_written_again_on_a_later_line_is_found_there_too(engine: Engine) -> None:
    body = "A<br>b<br>c.\n\nAgain<br>here, and <b>x</b>.\n"
    assert engine(body).html_as_text == (("br", 11, False), ("br", 13, False), ("b", 13, False))


def test_past_five_lines_the_rest_are_one_warning() -> None:
    """A pasted HTML article is told of its first lines, then of how many more and where."""
    tags = [("p", line, False) for line in range(10, 18)]
    warnings = tags_as_text_warnings(tags, "content/x.md")
    assert [w.line for w in warnings] == [10, 11, 12, 13, 14, 15]
    assert str(warnings[-1]) == (
        "content/x.md:15: HTML tags on 3 more lines, from this one to line 17, are shown as"
        " text, not as HTML: this site does not allow raw HTML (allow_html: false) — write"
        " them in Markdown, or set markdown: {allow_html: true} in site.yaml"
    )
    six = tags_as_text_warnings(tags[:6], "content/x.md")
    assert [(w.line, w.message.split()[0]) for w in six] == [(n, "<p>") for n in range(10, 16)]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_tag_in_a_tables_cell_is_known_to_be_there(engine: Engine) -> None:
    """A row is one line: what is written for a line break elsewhere cannot be written there,
    in a table at the top or in a list's item alike."""
    body = (
        "Before<br>it.\n\n| a | b<br>c |\n|---|---|\n| <b>x</b> | y |\n\n"
        "- item\n\n  | a |\n  |---|\n  | <p>x</p> |\n\nAfter<br>.\n"
    )
    assert engine(body).html_as_text == (
        ("br", 11, False),
        ("br", 13, True),
        ("b", 15, True),
        ("p", 21, True),
        ("br", 23, False),
    )


def test_a_tag_in_a_quoted_tables_cell_is_known_to_be_there() -> None:
    """The compiled engine leaves a table in a block quote to the reference."""
    assert _reference("> | a |\n> |---|\n> | <br> |\n").html_as_text == (("br", 13, True),)


def test_in_a_tables_row_a_line_break_is_told_what_can_be_done() -> None:
    tags = (("br", 12, True), ("b", 12, True), ("br", 14, False))
    warnings = tags_as_text_warnings(tags, "content/x.md")
    assert [w.hint for w in warnings] == [
        "instead write the text over more rows or cells (a table's row is one line, so no"
        " Markdown line break, paragraph, list or heading fits in a cell), **bold**; or set"
        " markdown: {allow_html: true} in site.yaml",
        "instead write a line ending in \\ for a line break; or set markdown: {allow_html:"
        " true} in site.yaml",
    ]


def test_a_warning_per_line_names_its_tags_and_the_markdown_for_them() -> None:
    warnings = tags_as_text_warnings(
        (("br", 12, False), ("sub", 12, False), ("div", 14, False)), "content/x.md"
    )
    assert [str(w) for w in warnings] == [
        "content/x.md:12: <br> and <sub> are shown as text, not as HTML: this site does not"
        " allow raw HTML (allow_html: false) — instead write a line ending in \\ for a line"
        " break, Unicode's sub- and superscript characters (H₂O, m²); or set markdown:"
        " {allow_html: true} in site.yaml",
        "content/x.md:14: <div> is shown as text, not as HTML: this site does not allow raw"
        " HTML (allow_html: false) — write it in Markdown, or set markdown: {allow_html: true}"
        " in site.yaml",
    ]


NAMES = st.sampled_from(sorted(ELEMENTS))
ATTRIBUTES = st.sampled_from(["", ' class="x"', " id='a b'", " data-x=1", ' a=1 b = "2"', " /"])
"""What a tag may hold after its name: attributes, each with a value, or a slash."""
BARE = st.sampled_from([" few", " and c", " hidden", ' open class="x"', ' class="x" open'])
"""Attributes of which one has no value: a word of prose, as likely as a boolean attribute."""
PLAIN = st.text(alphabet=" <>=/'\"5-.@:_", max_size=20)
"""Text with angle brackets, slashes and quotes, but no letter to name an element."""
COMMONMARK_TAG = re.compile(f"(?={open_tag}|{close_tag})</?([A-Za-z][A-Za-z0-9-]*)")
"""A tag as CommonMark reads one, its name taken: what the rule narrows."""


@given(NAMES, ATTRIBUTES, st.booleans())
@example("sub", "", False)
@example("br", " /", False)
@example("br", "", True)
def test_any_elements_tag_written_in_text_is_found(
    name: str, attributes: str, closing: bool
) -> None:
    tag = f"</{name}>" if closing else f"<{name}{attributes}>"
    text = f"Before{tag}after</{name}>"  # with its closing tag, as HTML writes one
    assert shown_tags(text, text) == [name]


@given(NAMES, st.sampled_from(["", " /", "/"]))
@example("time", "")  # Log each reading as <date>, <time>
@example("small", "")  # Use the <small> or <big> cuff
@example("br", "")
def test_a_bare_opening_tag_alone_is_found_only_for_an_element_without_a_closing_tag(
    name: str, slash: str
) -> None:
    """``<br>`` is HTML wherever it stands; ``<p>``, ``<i>``, ``<time>`` alone are as often
    prose (a label, a blank to fill in), and count only beside their closing tag."""
    text = f"Log <{name}{slash}> here"
    assert shown_tags(text, text) == ([name] if name in ("br", "hr", "wbr") else [])


@given(NAMES, ATTRIBUTES, BARE, st.booleans())
@example("a", "", " few", False)  # values <a few> here
@example("b", "", " and c", False)  # if a<b and c>d
@example("b", "", "", True)  # group <B>
def test_a_tag_in_capitals_or_with_a_bare_attribute_is_not_found(
    name: str, attributes: str, bare: str, upper: bool
) -> None:
    """Writers of HTML write names in lowercase and give attributes values: ``<B>`` (a
    group's label) or a bare word after the name (``<a few>``) is prose."""
    tag = f"<{name.upper()}{attributes}>" if upper else f"<{name}{bare}{attributes}>"
    closing = f"</{name.upper()}>" if upper else ""
    text = f"Before {tag} and {closing}after"
    assert shown_tags(text, text) == []


@given(st.text(alphabet="abiprsu1 <>=/'\"", max_size=30))
@example("If a<b and c>d")
@example('<b class="x">')
def test_what_is_found_is_a_tag_commonmark_reads(text: str) -> None:
    """The rule only narrows CommonMark's: each name it finds is that of a tag markdown-it
    reads there, in the same case."""
    assert set(shown_tags(text, text)) <= set(COMMONMARK_TAG.findall(text))


@given(PLAIN)
@example("a < b")
@example("<5 mg")
@example("</ p>")
def test_text_without_a_letter_after_its_angle_has_no_tag(text: str) -> None:
    """A tag opens with ``<`` and a letter, or ``</`` and one: text without (``a < b``,
    ``<5 mg``, ``</ p>``) holds none, whatever else it holds."""
    assert shown_tags(text, text) == []


@given(NAMES, PLAIN)
def test_a_tag_the_source_does_not_write_is_not_found(name: str, text: str) -> None:
    """What the token shows as a tag but its line writes otherwise (an entity, an escape)."""
    assert shown_tags(f"<{name}>{text}", f"&lt;{name}&gt;{text}") == []
    assert shown_tags(f"<{name}>{text}", f"\\<{name}>{text}") == []
