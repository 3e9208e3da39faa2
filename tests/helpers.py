"""Assertions on built sites shared by the end-to-end tests."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from articlegen.errors import ArticlegenError, BuildFailed, SourceError
from articlegen.markup import make_markdown, render_body
from articlegen.model import ImportedArticle, RenderedBody

NOTHING_WRITTEN = "error: 1 error; nothing was written, the previous output is untouched\n"
"""The last line a failed build or check prints after its one error."""


def snapshot(folder: Path) -> dict[str, str]:
    """Relative path → sha256 of every file under ``folder``."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def internal_link_problems(output: Path, base_path: str = "/") -> list[str]:
    """Every ``href``/``src`` in the output that points inside the site but to no file."""
    problems = []
    for page in sorted(output.rglob("*.html")):
        tree = HTMLParser(page.read_text(encoding="utf-8"))
        for node in tree.css("[href], [src]"):
            ref = node.attributes.get("href") or node.attributes.get("src") or ""
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            if parts.path.startswith("/"):
                if not parts.path.startswith(base_path):
                    problems.append(f"{page}: {ref} is outside {base_path}")
                    continue
                target = output / unquote(parts.path[len(base_path) :])
            else:
                target = page.parent / unquote(parts.path)
            if target.is_dir() or str(target).endswith("/"):
                target = target / "index.html"
            if not target.is_file():
                problems.append(f"{page.relative_to(output)}: {ref}")
    return problems


def failure_messages(run: Callable[[], object]) -> list[str]:
    """The messages of every error ``run()`` raises (one error, or a BuildFailed of many)."""
    try:
        run()
    except BuildFailed as failed:
        return [str(e) for e in failed.errors]
    except ArticlegenError as error:
        return [str(error)]
    raise AssertionError("expected an error")


def rendered_import(
    parse: Callable[[str, str], ImportedArticle], source: str
) -> tuple[ImportedArticle, RenderedBody] | None:
    """``source`` imported with ``parse`` and its body rendered as the build renders it (title
    checked first); None when the importer refuses the source with a clean error."""
    try:
        article = parse(source, "source")
    except SourceError:
        return None
    assert article.title and len(article.title) <= 200 and "\n" not in article.title
    return article, render_body(make_markdown(), article.body)
