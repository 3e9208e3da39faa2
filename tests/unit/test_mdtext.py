from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from articlegen.authoring.mdtext import (
    code_span,
    escape_block_start,
    escape_markdown,
    fenced,
    table,
)
from articlegen.markup.markdown import make_markdown, render_body
from tests.conftest import HTMLParser

MD = make_markdown()


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=80))
def test_escaped_text_renders_as_exactly_that_text(text: str) -> None:
    line = " ".join(text.split())
    body = render_body(MD, escape_block_start(escape_markdown(line)) + "\n")
    assert not body.links and not body.images and not body.citations and not body.problems
    shown = HTMLParser(body.html).body.text() if line else ""
    assert " ".join(shown.split()) == line


def test_addresses_become_links_without_their_closing_punctuation() -> None:
    assert escape_markdown("See https://example.org/a_b), then.", autolink=True) == (
        "See <https://example.org/a_b>), then."
    )


def test_an_address_ends_at_a_control_character() -> None:
    """Found by the property test: CommonMark autolinks hold no ASCII control, so a
    ``<…>`` around one stayed text and a ``[^x]`` inside it became a citation."""
    assert escape_markdown("https://example.org/a\x08[^x]", autolink=True) == (
        "<https://example.org/a>\x08\\[^x]"
    )


def test_block_helpers() -> None:
    assert fenced("a ``` b\n", "py") == "````py\na ``` b\n````"
    assert code_span("a`b") == "`` a`b ``" and code_span("ab") == "`ab`"
    assert table([["A", "B|C"], ["1"]]) == "| A | B\\|C |\n| --- | --- |\n| 1 |  |"


def test_an_address_keeps_the_parentheses_it_opens_and_www_addresses_are_links() -> None:
    text = "At https://example.org/a_(b). Or (https://example.org/c). Or www.example.com/x_]y."
    assert escape_markdown(text, autolink=True) == (
        "At <https://example.org/a_(b)>. Or (<https://example.org/c>)."
        " Or [www.example.com/x\\_\\]y](<https://www.example.com/x_]y>)."
    )
