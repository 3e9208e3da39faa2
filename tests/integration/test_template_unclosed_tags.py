"""A ``{{`` or ``{%`` whose ``}}`` or ``%}`` was left out, with HTML after it, is an error
at the line the tag opened on that says to close it, and how: Jinja read the HTML as more
of the value and named what it met there ("unexpected '/'"), at the line where it gave up."""

from __future__ import annotations

from pathlib import Path

import pytest

from articlegen.build import build_site
from articlegen.core.errors import ArticlegenError, report_lines
from articlegen.core.model import BuildOptions
from articlegen.render.templates import THEME_TEMPLATES
from tests.conftest import article
from tests.helpers import failure_messages

TITLE = '<h1 data-pagefind-meta="title">{{ article.title }}</h1>'
"""The article's title in the theme's ``article.html``."""


def failing(site, text: str) -> tuple[str, int, str]:
    """The one error of a site whose ``article.html`` is ``text``: where, message and hint."""
    root: Path = site({"heart.md": article("Heart")}, files={"templates/article.html": text})
    messages = failure_messages(lambda: build_site(root, BuildOptions(jobs=1, write=False)))
    assert len(messages) == 1, messages
    where, _, hint = messages[0].partition(" — ")
    file, line, message = where.split(":", 2)
    assert file == "templates/article.html"
    return message.strip(), int(line), hint


def theme_with(replacement: str) -> tuple[str, int]:
    """The theme's ``article.html`` with its title written as ``replacement``, and the line."""
    theme = (THEME_TEMPLATES / "article.html").read_text(encoding="utf-8")
    assert TITLE in theme
    text = theme.replace(TITLE, replacement, 1)
    return text, text[: text.index(replacement)].count("\n") + 1


@pytest.mark.parametrize(
    ("written", "opener", "closer", "html", "fix"),
    [
        ("<h1>{{ article.title </h1>", "{{", "}}", "</h1>", "{{ article.title }}"),
        ("<h1>{{- article.title </h1>", "{{-", "}}", "</h1>", "{{- article.title }}"),
        # Jinja gives up on the apostrophe, a line further down
        ("<h1>{{ article.title\n<p>Don't</p></h1>", "{{", "}}", "<p>", "{{ article.title }}"),
        (
            '<h1>{{ article.title | upper <span class="x">!</span></h1>',
            "{{",
            "}}",
            '<span class="x">',
            "{{ article.title | upper }}",
        ),
        ("{% if article.title <h1>x</h1>{% endif %}", "{%", "%}", "<h1>", "{% if article.title %}"),
        # a closed tag before it on the line is not the one named
        (
            "<h1>{{ article.title }}</h1><p>{{ article.description </p>",
            "{{",
            "}}",
            "</p>",
            "{{ article.description }}",
        ),
        # over two lines: the fix on one
        (
            "<h1>{{ article.title\n   | upper </h1>",
            "{{",
            "}}",
            "</h1>",
            "{{ article.title | upper }}",
        ),
    ],
)
def test_an_unclosed_tag_is_named_where_it_opened(
    site, written: str, opener: str, closer: str, html: str, fix: str
) -> None:
    text, line = theme_with(written)
    message, at, hint = failing(site, text)
    assert (message, at, hint) == (
        f"template syntax error: the '{opener}' here has no '{closer}' before the HTML after"
        f" it ({html}), which is read as more of it",
        line,
        f"close it before the HTML: {fix}",
    )


def test_the_fix_the_hint_gives_builds(site) -> None:
    text, _ = theme_with("<h1>{{ article.title </h1>")
    _, _, hint = failing(site, text)
    fix = hint.removeprefix("close it before the HTML: ")
    fixed = text.replace("{{ article.title ", fix, 1)
    root: Path = site({"heart.md": article("Heart")}, files={"templates/article.html": fixed})
    build_site(root, BuildOptions(jobs=1, write=False))


def test_a_comparison_with_nothing_after_it_keeps_jinjas_words(site) -> None:
    """``a < }}`` is no HTML left in a value: the error stays Jinja's."""
    text, line = theme_with("<h1>{{ article.title < }}</h1>")
    message, at, _ = failing(site, text)
    assert message == "template syntax error: unexpected 'end of print statement'"
    assert at == line


def test_html_in_a_quoted_text_is_not_taken_for_the_tag(site) -> None:
    """A closed ``{{ "<b>" }}`` before a broken tag is not the one named."""
    text, line = theme_with('<h1>{{ "<b>" }}</h1>\n<p>{{ article.title </p>')
    message, at, hint = failing(site, text)
    assert at == line + 1
    assert hint == "close it before the HTML: {{ article.title }}"
    assert "(</p>)" in message


def test_a_tag_closed_after_the_html_says_so(site) -> None:
    text, line = theme_with("<h1>{{ article.title </h1> }}")
    message, at, hint = failing(site, text)
    assert (message, at, hint) == (
        "template syntax error: the '{{' here is closed only after the HTML after its value"
        " (</h1>), which is read as more of it",
        line,
        "close it before the HTML: {{ article.title }}",
    )


def test_jinjas_words_about_the_html_are_not_shown_under_it(site) -> None:
    """Jinja's "unexpected '/'" is about a piece of the HTML: the report leaves it out."""
    text, _ = theme_with("<h1>{{ article.title </h1>")
    root: Path = site({"heart.md": article("Heart")}, files={"templates/article.html": text})
    try:
        build_site(root, BuildOptions(jobs=1, write=False))
    except ArticlegenError as failed:
        lines = report_lines(failed)
    else:
        raise AssertionError("the build passed")
    assert len(lines) == 1 and lines[0].startswith("error: templates/article.html:")
