"""A Jekyll or Hugo post's HTML line breaks, sub/superscripts and simple inline elements
written as Markdown."""

from __future__ import annotations

import pytest

from articlegen.authoring.mdhtml import html_as_markdown, raw_html
from articlegen.markup.markdown import make_markdown, render_body


@pytest.mark.parametrize(
    ("body", "markdown"),
    [
        ("One<br>two\n", "One\\\ntwo\n"),
        ("One <br/>\ntwo\n", "One\\\ntwo\n"),
        ("- One<BR />\n  two\n", "- One\\\n  two\n"),
        ("One<br>\n\nTwo<br>\n", "One\n\nTwo\n"),  # a paragraph's end breaks anyway
        ("CO<sub>2</sub> at 2 kg/m<sup>2</sup>\n", "CO₂ at 2 kg/m²\n"),
        ("| a<br>b | c |\n|---|---|\n", "| a<br>b | c |\n|---|---|\n"),  # a row would end
        ("## A<br>B\n", "## A<br>B\n"),
        ("## H<sub>2</sub>O at 10<sup>-3</sup>\n", "## H<sub>2</sub>O at 10<sup>-3</sup>\n"),
        ("> CO<sub>2</sub><br>x\n> ---\n", "> CO<sub>2</sub><br>x\n> ---\n"),
        ("- m<sup>2</sup>\n---\n", "- m²\n---\n"),  # a rule, not a heading's underline
        ("> m<sup>2</sup>\n---\n", "> m²\n---\n"),
        (
            "V<sub>max</sub> `a<br>b`\n\n```\nx<br>\n```\n",
            "V<sub>max</sub> `a<br>b`\n\n```\nx<br>\n```\n",
        ),
        ("Code:\n\n    a<br>b H<sub>2</sub>O\n", "Code:\n\n    a<br>b H<sub>2</sub>O\n"),
        ("Items:<br>- one<br>* two<br>1. three\n", "Items:\\\n\\- one\\\n\\* two\\\n1\\. three\n"),
        ("- One<br>\n- Two<br>\n\nText<br>\n***\n", "- One\n- Two\n\nText\n***\n"),
        ("> Rest.<br>\n>\n> More.<br>\n> Sleep.\n", "> Rest.\n>\n> More.\\\n> Sleep.\n"),
        ("> - one<br>- two<br><br>x\n", "> - one\\\n> \\- two\\\n> \\\n> x\n"),
        ("Type \\<br> or \\<sup>2</sup>.\n", "Type \\<br> or \\<sup>2</sup>.\n"),
        ("A<br><div>b</div>\n", "A<br><div>b</div>\n"),  # the tag may start an HTML block
        ("Born in<br>\n1986. A year.\n", "Born in\\\n1986. A year.\n"),  # only 1. interrupts
        ("Tag<br>\n#hashtag here\n", "Tag\\\n#hashtag here\n"),  # no heading without a space
        ("Quote<br>\n-- Someone\n", "Quote\\\n-- Someone\n"),
        ("Steps<br>\n1. One\n", "Steps\n1. One\n"),
    ],
)
def test_breaks_and_scripts_become_markdown(body: str, markdown: str) -> None:
    assert html_as_markdown(body) == markdown


def test_breaks_before_what_would_start_a_block_keep_the_text_in_its_paragraph() -> None:
    body = "Items:<br>- one<br>2. two\n\n> - in<br>- quote<br>\n>\n> End<br>\n\n- Last<br>\n"
    html = render_body(make_markdown(), html_as_markdown(body)).html
    assert "\\" not in html and html.count("<br />") == 3
    assert html.count("<li>") == 2 and "<p>Items:<br />\n- one<br />\n2. two</p>" in html


def test_a_break_renders_as_one_and_leaves_no_tag_to_name() -> None:
    body = html_as_markdown("Take it<br>with water.\n")
    assert "<br />" in render_body(make_markdown(), body).html
    assert raw_html(body) == {}


@pytest.mark.parametrize(
    "heading",
    [
        "## Counts above 10<sup>9</sup>/L\n",
        "Counts above 10<sup>9</sup>/L\n---\n",
        "> ## Counts above 10<sup>9</sup>/L\n",
    ],
)
def test_a_headings_superscript_is_left_as_written_not_flattened(heading: str) -> None:
    assert html_as_markdown(heading) == heading


@pytest.mark.parametrize(
    ("body", "markdown"),
    [
        (
            'Take it <b>with</b> food, <em class="x">never</em> <del>cold</del> <S>ice</S>.\n',
            "Take it **with** food, *never* ~~cold~~ ~~ice~~.\n",
        ),
        ("<code>a &lt; b</code>, <tt>x`y</tt>\n", "`a < b`, ``x`y``\n"),
        (
            "<b><i>x</i></b> <i><b>y</b></i> <b>Note: <i>z</i></b>\n",
            "__*x*__ ***y*** **Note: *z***\n",
        ),
        ("<b>5*3</b> is <i>~15</i>, a<i>b</i>c\n", "**5*3** is *~15*, a*b*c\n"),
        ("| <b>a</b> | c |\n|---|---|\n", "| **a** | c |\n|---|---|\n"),
        ('<em> a</em> <i>"Q"</i>s foo<b>_x</b>\n', '<em> a</em> <i>"Q"</i>s foo<b>_x</b>\n'),
        ("<b>two\nlines</b> \\<b>x</b> `<b>x</b>`\n", "<b>two\nlines</b> \\<b>x</b> `<b>x</b>`\n"),
        ("## <b>Salt</b>\n", "## <b>Salt</b>\n"),  # its id is made from its text
        ("*note\nfoo<em>x</em> bar\n", "*note\nfoo<em>x</em> bar\n"),  # '*' pairs across lines
        ("Plain\n<b>bold</b> line<br>\nnext\n", "Plain\n**bold** line\\\nnext\n"),
        (
            "<kbd>Ctrl</kbd> <u>u</u> <b><span>s</span></b>\n",
            "<kbd>Ctrl</kbd> <u>u</u> <b><span>s</span></b>\n",
        ),
    ],
)
def test_simple_inline_elements_become_markdown_where_it_reads_the_same(
    body: str, markdown: str
) -> None:
    """Left as tags, '<b>with</b>' showed as text with a warning; each is converted only where
    the site's parser reads the Markdown as the HTML (a space inside '<em> a</em>', a quote
    before a letter, are no emphasis with '*')."""
    assert html_as_markdown(body) == markdown


def test_inline_elements_converted_render_as_their_html_and_leave_no_tag_to_name() -> None:
    body = html_as_markdown("Take it <b>with</b> <i>food</i>, <code>x &amp; y</code>.\n")
    html = render_body(make_markdown(), body).html
    assert "<strong>with</strong> <em>food</em>, <code>x &amp; y</code>" in html
    assert raw_html(body) == {}
