"""A block tag left open in a site's template (an ``{% if %}`` whose ``{% endif %}`` was
deleted) is an error that names the line the tag opened on, where Jinja named only the line
it noticed it on: the template's ``{% endblock %}`` or its last line, often a hundred lines
further down (from a new-user trial)."""

from __future__ import annotations

from pathlib import Path

from articlegen.build import build_site
from articlegen.core.model import BuildOptions
from articlegen.render.templates import THEME_TEMPLATES
from tests.conftest import article
from tests.helpers import failure_messages

TAGS_END = "    </details>\n    {% endif %}\n    {% endif %}\n"
"""The end of the tags' "more tags" disclosure in the theme's ``article.html``, of the ``if``
around it, and of the ``if article.tags`` around both."""


def failing(site, name: str, text: str) -> tuple[str, int, str]:
    """The one error of a site whose template ``name`` is ``text``: file, line and hint."""
    root: Path = site({"heart.md": article("Heart", tags="[a]")}, files={name: text})
    messages = failure_messages(lambda: build_site(root, BuildOptions(jobs=1, write=False)))
    assert len(messages) == 1, messages
    where, _, hint = messages[0].partition(" — ")
    file, line, _ = where.split(":", 2)
    return file, int(line), hint


def line_of(text: str, piece: str) -> int:
    return text[: text.index(piece)].count("\n") + 1


def test_an_if_whose_endif_was_deleted_is_named_at_its_own_line(site) -> None:
    theme = (THEME_TEMPLATES / "article.html").read_text(encoding="utf-8")
    assert TAGS_END in theme
    text = theme.replace(TAGS_END, "    </details>\n    {% endif %}\n")
    opened = line_of(text, "{% if article.tags %}")
    file, line, hint = failing(site, "templates/article.html", text)
    endblock = text.index("{% endblock %}", text.index("{% if article.tags %}"))
    assert (file, line) == ("templates/article.html", text[:endblock].count("\n") + 1)
    assert hint == (
        f"the 'if' tag opened on line {opened} is not closed before here: add '{{% endif %}}'"
        " where its part ends, or remove this '{% endblock %}' if it is one too many"
    )


def test_a_block_open_at_the_end_of_a_template_is_named_at_its_own_line(site) -> None:
    """Tags that Jinja closes (a ``set`` block, its ``endset``) or that need no closing (a
    ``set`` with '=', a call with a keyword argument) are not taken for the one left open."""
    text = (
        "<figure>\n"
        "{% set shown = 1 %}\n"
        "{% if article.image %}\n"
        "  {% set alt %}{{ article.image.alt | default('', true) }}{% endset %}\n"
        "  {% for n in range(1) %}{{ alt }}{% endfor %}\n"
        "</figure>\n"
    )
    assert failing(site, "templates/_hero.html", text) == (
        "templates/_hero.html",
        6,
        "the 'if' tag opened on line 3 is not closed before here: add '{% endif %}' where its"
        " part ends",
    )


def test_an_end_tag_one_too_many_names_the_block_still_open(site) -> None:
    theme = (THEME_TEMPLATES / "article.html").read_text(encoding="utf-8")
    loop = "{% for tag in article.tags[:shown] %}<li>"
    text = theme.replace(loop, loop + "{% endfor %}", 1)
    file, line, hint = failing(site, "templates/article.html", text)
    assert (file, line) == ("templates/article.html", line_of(text, loop))
    assert hint == (
        f"the 'if' tag opened on line {line_of(text, '{% if article.tags %}')} is not closed"
        " before here: add '{% endif %}' where its part ends, or remove this '{% endfor %}' if"
        " it is one too many"
    )


def test_a_misspelt_end_tag_is_named_with_the_block_it_closes(site) -> None:
    """Jinja stops at '{% endblok %}', no end tag: the block named was the template's last
    one (line 140, below the error at line 4), and the fix offered was to remove the tag."""
    theme = (THEME_TEMPLATES / "article.html").read_text(encoding="utf-8")
    opening = "{% block og_type %}article{% endblock %}"
    assert opening in theme
    text = theme.replace(opening, "{% block og_type %}article{% endblok %}")
    file, line, hint = failing(site, "templates/article.html", text)
    assert (file, line) == ("templates/article.html", line_of(text, "{% endblok %}"))
    assert hint == (
        "'{% endblok %}' is misspelt: write '{% endblock %}', which closes the 'block' tag"
        f" opened on line {line_of(text, '{% block og_type %}')}"
    )


def test_a_tag_unknown_there_is_named_with_the_block_open_at_it(site) -> None:
    """Not a misspelling ('{% endfi %}' is one, of '{% endif %}'): the block open where
    Jinja stopped, not the template's last one."""
    text = "{% if article.tags %}\n<p>{% endwhile %}</p>\n{% endif %}\n{% block x %}\n"
    assert failing(site, "templates/_hero.html", text)[1:] == (
        2,
        "the 'if' tag opened on line 1 is not closed before here: add '{% endif %}' where its"
        " part ends, or remove this '{% endwhile %}' if it is one too many",
    )
