"""The article a link that matches nothing most likely means, when it names what an article
was called before it was renamed.

A writer who renames an article's file (its slug changes) and its title breaks the links
that name it the old way, and the build fails at each, rightly. But the site often knows
where the article went: the renamed article lists its old address in ``aliases:``
(``/old-slug/``), or the record of what the last build published (``movedaway``) holds the
old slug, file or title, and the article that now has that file or title. This says so in
the error's hint, with the link to write. It never makes such a link resolve: an alias is an
old address for readers' bookmarks, not a name to link by (writing.md, Old addresses).

Worked out only for the links that fail (``UnfoundLink``), after the graph is made: a good
build reads no record and looks at no alias, and the memoised resolutions (``core.memo``,
``linkrecord``) hold the errors as ``links`` made them.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Sequence

from ..core.errors import ArticlegenError, UnfoundLink
from ..core.model import Article


def renamed_links(
    problems: Iterable[ArticlegenError], articles: Sequence[Article]
) -> list[ArticlegenError]:
    """``problems``, each link that matches nothing but names an old address of one of
    ``articles`` (``/old-slug/`` in its ``aliases:``) with a hint naming that article."""
    problems = list(problems)
    if not any(isinstance(p, UnfoundLink) for p in problems):
        return problems
    by_alias = {alias.url: a for a in articles for alias in a.meta.aliases}
    return [_hinted(p, by_alias) if isinstance(p, UnfoundLink) else p for p in problems]


def _hinted(problem: UnfoundLink, by_alias: dict[str, Article]) -> ArticlegenError:
    """``problem`` with a hint naming the article that lists its name's address as an
    alias, or as it is."""
    slug = _slug_of(problem.name)
    article = by_alias.get(f"{slug}/")
    if article is None:
        return problem
    what = "file" if _is_file(problem.name) else "slug"
    found = (
        f"'{problem.name}' is no article's {what}: the article '{article.meta.title}'"
        f" ({article.source}) lists /{slug}/ in its aliases, an old address for readers"
    )
    return _with_hint(problem, f"{found} — {_link_as(problem, article)}")


def _is_file(name: str) -> bool:
    """Whether ``name`` is written as a file (``x.md``, ``content/x``), as ``links`` reads it."""
    return name.endswith(".md") or name.startswith("content/")


def _slug_of(name: str) -> str:
    """The slug ``name`` gives: a file's name without ``.md``, else ``name`` itself."""
    return posixpath.basename(name).removesuffix(".md") if _is_file(name) else name


def _link_as(problem: UnfoundLink, article: Article) -> str:
    """The link to write instead, in the form ``problem``'s link was written in."""
    if problem.kind == "see_also":
        return f"list it as {article.slug}"
    if problem.name.endswith(".md") and problem.path:
        here = posixpath.dirname(problem.path) or "."
        return f"link it as [text]({posixpath.relpath(article.source, here)})"
    return f"link it as [[{article.slug}]]"


def _with_hint(problem: UnfoundLink, hint: str) -> UnfoundLink:
    """A copy of ``problem`` with ``hint``: the one the resolutions hold is left as made."""
    assert problem.path is not None and problem.line is not None
    return UnfoundLink(problem.message, problem.path, problem.line, hint, problem.name,
                       problem.kind)  # fmt: skip
