"""Compiled templates saved with the cache: the next process renders with them, and with a
template changed since, renders what the changed one says."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from articlegen.build import build_with_saved_cache
from articlegen.core.layout import CACHE_DIR, THEME_TEMPLATES
from articlegen.incremental.cachefile import load_cache
from tests.conftest import article
from tests.integration.test_planrecord import edit, same_as_clean


def marked_base(mark: str) -> str:
    """The theme's base.html with a paragraph of ``mark`` at the top of the body."""
    base = (THEME_TEMPLATES / "base.html").read_text(encoding="utf-8")
    head, body, rest = base.partition("<body")
    tag, close, inside = rest.partition(">")
    return f'{head}{body}{tag}{close}<p class="marker">{mark}</p>{inside}'


@pytest.fixture
def blog(site) -> Path:
    articles = {"a.md": article("Alpha", "Alpha text."), "b.md": article("Beta", "Beta text.")}
    root: Path = site(articles, files={"templates/base.html": marked_base("first")})
    build_with_saved_cache(root)
    return root


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates Jinja compiled from their source."""
    names: list[str] = []
    compile_source = jinja2.Environment.compile

    def spied(
        self: jinja2.Environment, source: str, name: str | None = None, *args: bool, **kw: bool
    ) -> object:
        names.append(str(name))
        return compile_source(self, source, name, *args, **kw)

    monkeypatch.setattr(jinja2.Environment, "compile", spied)
    return names


def marks(root: Path, slug: str) -> list[str]:
    page = HTMLParser((root / "public" / slug / "index.html").read_text(encoding="utf-8"))
    return [node.text() for node in page.css(".marker")]


def test_the_compiled_templates_are_saved(blog: Path) -> None:
    assert len(load_cache(blog / CACHE_DIR).templates) >= 2  # base.html, article.html…


def test_a_body_edit_renders_with_the_saved_templates(
    blog: Path, compiled: list[str], tmp_path: Path
) -> None:
    edit(blog, "a.md", lambda text: text.replace("Alpha text.", "Alpha text, edited."))
    build_with_saved_cache(blog)
    assert compiled == []
    assert marks(blog, "a") == ["first"]
    same_as_clean(blog, tmp_path)


def test_a_changed_template_is_compiled_again(
    blog: Path, compiled: list[str], tmp_path: Path
) -> None:
    (blog / "templates" / "base.html").write_text(marked_base("second"), encoding="utf-8")
    edit(blog, "a.md", lambda text: text.replace("Alpha text.", "Alpha text, edited."))
    build_with_saved_cache(blog)
    assert "base.html" in compiled
    assert marks(blog, "a") == marks(blog, "b") == ["second"]
    same_as_clean(blog, tmp_path)
