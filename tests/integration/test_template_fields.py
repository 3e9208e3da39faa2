"""A site template that reads a field its value lacks (``{{ article.subtitle }}`` in an
override of ``article.html``) is an error that names the field, the closest one and the
fields there are, where Jinja named a Python class of articlegen's
(``'articlegen.core.model.Card object' has no attribute 'subtitle'``), which told a writer
nothing (from a new-user trial)."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from articlegen.build import build_site
from articlegen.core.errors import ArticlegenError, report_lines
from articlegen.core.model import BuildOptions
from articlegen.render.templates import OWN_FILTERS, THEME_TEMPLATES, make_environment
from tests.conftest import article
from tests.helpers import failure_messages

TITLE = "{{ article.title }}</h1>"
"""The end of the title's line in the theme's ``article.html``, under which a line is added."""


def with_line(site, added: str) -> tuple[Path, int]:
    """A site whose ``article.html`` is the theme's with ``added`` under the title; the line."""
    theme = (THEME_TEMPLATES / "article.html").read_text(encoding="utf-8")
    assert TITLE in theme
    text = theme.replace(TITLE, TITLE + "\n" + added)
    line = text.splitlines().index(added) + 1
    root = site({"heart.md": article("Heart")}, files={"templates/article.html": text})
    return root, line


def test_a_field_an_article_lacks_is_named_with_the_fields_it_has(site) -> None:
    root, line = with_line(site, "<p>{{ article.subtitle }}</p>")
    messages = failure_messages(lambda: build_site(root, BuildOptions(jobs=1, write=False)))
    assert messages == [
        f"templates/article.html:{line}: template error: this value has no field 'subtitle' "
        "(did you mean 'title'?) — its fields are: author, date, description, draft, image, "
        "reading_minutes, review, slug, tags, title, updated, url, withheld; the theme's copy "
        "of the template shows what each page is given"
    ]


@pytest.mark.parametrize(
    ("added", "said"),
    [
        # a record of fields (the site's settings): the closest one offered
        ("{{ site.titel }}", "this value has no field 'titel' (did you mean 'title'?) — its "
         "fields are: title, base_url,"),
        # a name not given at all: Jinja's words, and the closest name given
        ("{{ artcle }}", "'artcle' is undefined (did you mean 'article' or 'partial'?) — this "
         "page is given: abs_url, article, body,"),
        # a field of a text: Jinja's words, which say it
        ("{{ article.title.nope }}", "'str object' has no attribute 'nope'"),
    ],
)  # fmt: skip
def test_other_values_say_what_they_lack(site, added: str, said: str) -> None:
    root, line = with_line(site, added)
    messages = failure_messages(lambda: build_site(root, BuildOptions(jobs=1, write=False)))
    assert len(messages) == 1
    assert messages[0].startswith(f"templates/article.html:{line}: template error: {said}")
    assert "articlegen." not in messages[0]


def test_the_console_names_no_class_of_articlegen_under_the_error(site) -> None:
    # the report printed Jinja's words as the error's cause beneath ours:
    # "caused by: UndefinedError: 'articlegen.core.model.Card object' has no attribute …"
    root, line = with_line(site, "<p>{{ article.subtitle }}</p>")
    with pytest.raises(ArticlegenError) as raised:
        build_site(root, BuildOptions(jobs=1, write=False))
    lines = report_lines(raised.value)
    assert lines[0].startswith(f"error: templates/article.html:{line}: template error: this value")
    assert not any("articlegen." in each or "caused by" in each for each in lines)


def test_a_name_the_page_is_not_given_lists_the_names_it_is_given(site) -> None:
    """'{{ page.title }}' (Jekyll's name for the page) said only "'page' is undefined", which
    told a writer nothing of what the template has instead: 'article', 'site' and the rest.
    An included template is given the page's names too."""
    root, _ = with_line(site, '{% include "byline-extra.html" %}')
    include = root / "templates/byline-extra.html"
    include.write_text("<p>\n{{ page.title }}</p>\n", encoding="utf-8")
    messages = failure_messages(lambda: build_site(root, BuildOptions(jobs=1, write=False)))
    assert len(messages) == 1
    where, said = messages[0].split(" — ")
    assert where.startswith("templates/byline-extra.html:2: template error: 'page' is undefined")
    given, rest = said.removeprefix("this page is given: ").split("; ")
    assert {"article", "site", "body", "url"} <= set(given.split(", "))
    assert not {"range", "dict", "lipsum"} & set(given.split(", "))
    assert rest == "the theme's copy of the template shows what each holds"


@pytest.mark.parametrize(
    ("added", "hint"),
    [
        # Liquid's (Jekyll's) names for Jinja's filters
        ("{{ article.title | upcase }}", "Liquid's 'upcase' is written | upper here"),
        ("{{ article.description | strip_html }}", "Liquid's 'strip_html' is written | striptags"),
        # a near spelling of a filter there is
        ("{{ article.title | captalize }}", "did you mean 'capitalize'?"),
        ("{{ article.date | humandat }}", "did you mean 'humandate'?"),
    ],
)
def test_a_filter_there_is_none_of_offers_the_one_meant(site, added: str, hint: str) -> None:
    """'{{ title | upcase }}', as Jekyll's templates write it, said only "No filter named
    'upcase'.": the error now offers Jinja's name for it, or the closest filter there is."""
    root, line = with_line(site, added)
    messages = failure_messages(lambda: build_site(root, BuildOptions(jobs=1, write=False)))
    assert len(messages) == 1
    where, said = messages[0].split(" — ")
    assert where.startswith(f"templates/article.html:{line}: template syntax error: No filter")
    assert said.startswith(hint)


def test_the_filters_offered_are_the_filters_templates_have() -> None:
    offered = {*jinja2.filters.FILTERS, *OWN_FILTERS}
    assert set(make_environment(None).filters) == offered


@pytest.mark.parametrize(
    ("added", "hint"),
    [
        (
            "<p>{{ article.title }</p>",
            "close a '{{' with '}}' and a '{%' with '%}': a brace or a percent sign is missing"
            " or one too many on this line",
        ),
        (
            "{% if article.title }<p>x</p>{% endif %}",
            "close a '{{' with '}}' and a '{%' with '%}': a brace or a percent sign is missing"
            " or one too many on this line",
        ),
        (
            "{% if article.title %}<p>x</p>{% endif %\n",
            "close a '{{' with '}}' and a '{%' with '%}': a brace or a percent sign is missing"
            " or one too many on this line",
        ),
        (
            "<p>{{ article.title draft }}</p>",
            "close it with '}}' before 'draft', which it cannot hold",
        ),
    ],
)
def test_a_tag_closed_otherwise_than_it_opens_says_how_to_close_it(
    site, added: str, hint: str
) -> None:
    """Jinja said only "unexpected '}'" or "expected token 'end of print statement', got
    'draft'" (from a new-user trial)."""
    root, line = with_line(site, added.rstrip("\n"))
    messages = failure_messages(lambda: build_site(root, BuildOptions(jobs=1, write=False)))
    assert len(messages) == 1
    where, _, said = messages[0].partition(" — ")
    assert where.startswith(f"templates/article.html:{line}: template syntax error: ")
    assert said == hint


def test_a_value_never_closed_at_the_end_of_a_template_says_so(site) -> None:
    text = "<figure>{{ article.title"
    root = site({"heart.md": article("Heart")}, files={"templates/_hero.html": text})
    messages = failure_messages(lambda: build_site(root, BuildOptions(jobs=1, write=False)))
    assert [message.partition(" — ")[2] for message in messages] == [
        "a '{{' is never closed: end the value with '}}'"
    ]
