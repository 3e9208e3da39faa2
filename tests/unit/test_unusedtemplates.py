"""A template of the site no page is made with is a warning offering the theme's name."""

from __future__ import annotations

from pathlib import Path

from articlegen.render.templates import THEME_TEMPLATES
from articlegen.render.unusedtemplates import unused_template_warnings
from tests.conftest import article

HINT = (
    "name it as the theme's template it replaces (templates/README.md says where they are),"
    " use it from one of those, or delete it"
)


def warned(root: Path, files: dict[str, str]) -> list[tuple[str | None, str]]:
    for name, text in files.items():
        (root / "templates" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "templates" / name).write_text(text, encoding="utf-8")
    found = unused_template_warnings(root)
    assert all((w.line, w.hint) == (1, HINT) for w in found)
    return [(w.path, w.message) for w in found]


def test_a_copy_of_a_theme_template_under_another_name_is_told(tmp_path: Path) -> None:
    """Saved as Article.html, the copy was passed over without a word: no edit showed."""
    article = (THEME_TEMPLATES / "article.html").read_text(encoding="utf-8")
    assert warned(tmp_path, {"Article.html": article, "README.md": "notes"}) == [
        (
            "templates/Article.html",
            "no page is made with this template: its name is none of the theme's templates, and"
            " no template extends, includes or imports it (did you mean 'article.html' (it"
            " differs only in case)?)",
        )
    ]


def test_a_name_close_to_no_theme_template_is_told_the_theme_names(tmp_path: Path) -> None:
    """'footer.html' was offered '_hero.html', 'search.html' and 'person.html' (their
    shared '.html' made them close): far-off names, where the theme's names help."""
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "footer.html").write_text("<footer></footer>", encoding="utf-8")
    [warning] = unused_template_warnings(tmp_path)
    assert warning.message == (
        "no page is made with this template: its name is none of the theme's templates, and no"
        " template extends, includes or imports it"
    )
    assert warning.hint == (
        "name it as the theme's template it replaces, one of 404.html, archive.html,"
        " article.html, base.html, list.html, page.html, people.html, person.html,"
        " redirect.html, search.html, see_also.html, tags.html, or of the parts these use,"
        " _card.html, _card_image.html, _facts.html, _hero.html, _index_entry.html,"
        " _pagination.html, _people.html, _search_form.html, _share.html, _toc.html"
        " (templates/README.md says where they are), use it from one of those, or delete it"
    )


def test_templates_the_pages_use_are_not_told(tmp_path: Path) -> None:
    base = (THEME_TEMPLATES / "base.html").read_text(encoding="utf-8")
    assert (
        warned(
            tmp_path,
            {
                "base.html": base.replace("<main", '{% include "parts/notice.html" %}<main', 1),
                "parts/notice.html": '{{ partial("_mine.html") }}',
                "_mine.html": "<p>Mine</p>",
                "article.html~": "an editor's backup",
            },
        )
        == []
    )


def test_a_template_named_by_a_value_leaves_every_template_be(tmp_path: Path) -> None:
    """Which one '{% include which %}' uses is known only as the page renders."""
    base = (THEME_TEMPLATES / "base.html").read_text(encoding="utf-8")
    files = {"base.html": base.replace("<main", "{% include which %}<main", 1), "x.html": ""}
    assert warned(tmp_path, files) == []


def test_a_site_without_templates_has_nothing_to_tell(tmp_path: Path) -> None:
    assert unused_template_warnings(tmp_path) == []


def test_the_build_warns_of_it_and_strict_fails(site, run_cli) -> None:
    copy = (THEME_TEMPLATES / "article.html").read_text(encoding="utf-8")
    root = site({"a.md": article("A")}, files={"templates/article copy.html": copy})
    code, _, err = run_cli("check", "--site", root)
    assert code == 0
    assert "warning: templates/article copy.html:1: no page is made with this template" in err
    code, _, err = run_cli("check", "--site", root, "--strict")
    assert code == 1
    assert "error: templates/article copy.html:1: no page is made with this template" in err


def test_a_template_that_does_not_parse_leaves_every_template_be(tmp_path: Path) -> None:
    """What a template with a syntax error includes cannot be read: _box.html is not told as
    unused beside the syntax error of the article.html that includes it."""
    broken = '{% extends "base.html" %}{% block content %}{% include "_box.html" %}{% if %}'
    assert warned(tmp_path, {"article.html": broken, "_box.html": "<p>box</p>"}) == []


def test_a_broken_template_no_page_uses_is_told_all_the_same(tmp_path: Path) -> None:
    """No page renders it, so no syntax error is told: it is the unused one."""
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates/old-article.html").write_text("{% if %}", encoding="utf-8")
    (tmp_path / "templates/_box.html").write_text("<p>box</p>", encoding="utf-8")
    assert [w.path for w in unused_template_warnings(tmp_path)] == [
        "templates/_box.html",
        "templates/old-article.html",
    ]


def test_a_file_a_theme_name_opens_is_not_told(tmp_path: Path) -> None:
    """On macOS or Windows, names differing only in case open one file: article.html opens
    Article.html and every article page is made with it. A link named article.html opens it
    so on any system."""
    article = (THEME_TEMPLATES / "article.html").read_text(encoding="utf-8")
    warned(tmp_path, {"Article.html": article})
    (tmp_path / "templates" / "article.html").symlink_to("Article.html")
    assert warned(tmp_path, {}) == []


def test_hidden_files_are_no_templates(tmp_path: Path) -> None:
    """An editor's lock (.#article.html, a link to nothing) and macOS's ._article.html were
    told as unused templates, or, unreadable, kept every other from being told."""
    article = (THEME_TEMPLATES / "article.html").read_text(encoding="utf-8")
    warned(tmp_path, {"._article.html": "\x00\x05\x16\x07", "article.html": article})
    (tmp_path / "templates" / ".#article.html").symlink_to("user@host.1234:1700000000")
    assert warned(tmp_path, {}) == []
    assert [path for path, _ in warned(tmp_path, {"Article.html": article})] == [
        "templates/Article.html"
    ]
