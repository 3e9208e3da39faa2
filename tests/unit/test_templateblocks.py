"""A site template's blocks must be blocks of the template it extends."""

from __future__ import annotations

from pathlib import Path

from articlegen.render.templateblocks import block_problems
from articlegen.render.templates import THEME_TEMPLATES


def templates(root: Path, files: dict[str, str]) -> Path:
    folder = root / "templates"
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def messages(root: Path, files: dict[str, str]) -> list[str]:
    return [str(p) for p in block_problems(templates(root, files), root)]


def test_a_block_the_theme_lacks_names_the_file_line_and_the_blocks_there_are(
    tmp_path: Path,
) -> None:
    override = '{% extends "base.html" %}\n\n{% block content %}{{ body }}{% endblock %}\n'
    assert messages(tmp_path, {"article.html": override}) == [
        "templates/article.html:3: block 'content' is not in base.html, which this template "
        "extends, so nothing in it is published — use the blocks base.html has: head, main, "
        "og_type, scripts"
    ]


def test_a_site_base_without_the_theme_s_block_is_reported_where_the_theme_fills_it(
    tmp_path: Path,
) -> None:
    base = (THEME_TEMPLATES / "base.html").read_text().replace("block main", "block content")
    problems = messages(tmp_path, {"base.html": base})
    article = (THEME_TEMPLATES / "article.html").read_text()
    line = next(n for n, text in enumerate(article.splitlines(), 1) if "block main" in text)
    assert (
        f"(built-in theme) templates/article.html:{line}: block 'main' is not in base.html, which "
        "this template extends, so nothing in it is published — a template in the site's "
        "templates/ folder replaces one this template of the theme builds on: give it "
        "{% block main %} (blocks there now: content, head, og_type, scripts)"
    ) in problems
    assert all("block 'main' is not in base.html" in p for p in problems)


def test_a_close_name_is_suggested(tmp_path: Path) -> None:
    override = '{% extends "base.html" %}{% block mian %}x{% endblock %}'
    (message,) = messages(tmp_path, {"article.html": override})
    assert "(did you mean 'main'?)" in message


def test_blocks_of_the_parent_and_of_the_templates_above_it_are_fine(tmp_path: Path) -> None:
    files = {
        "layout.html": '{% extends "base.html" %}{% block main %}{% block inner %}{% endblock %}'
        "{% endblock %}",
        "page.html": '{% extends "layout.html" %}{% block inner %}x{% endblock %}'
        "{% block head %}{% endblock %}",
        # a block inside an overriding block is shown wherever its parent block is
        "article.html": '{% extends "base.html" %}{% block main %}{% block extra %}y'
        "{% endblock %}{% endblock %}",
    }
    assert messages(tmp_path, files) == []


def test_templates_that_cannot_be_followed_are_left_to_rendering(tmp_path: Path) -> None:
    files = {
        "computed.html": "{% extends name %}{% block anything %}{% endblock %}",
        "missing.html": '{% extends "nowhere.html" %}{% block anything %}{% endblock %}',
        "broken.html": '{% extends "base.html" %}{% block main %}',
        "loop.html": '{% extends "loop2.html" %}{% block a %}{% endblock %}',
        "loop2.html": '{% extends "loop.html" %}{% block b %}{% endblock %}',
        "plain.html": "{% block standalone %}{% endblock %}",
    }
    assert messages(tmp_path, files) == []


def test_a_site_without_templates_has_nothing_to_check(tmp_path: Path) -> None:
    assert block_problems(tmp_path / "templates", tmp_path) == []
