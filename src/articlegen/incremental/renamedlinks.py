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
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from ..core.errors import ArticlegenError, UnfoundLink
from ..core.layout import CACHE_DIR
from ..core.lookalike import fold
from ..core.model import Article
from ..render.menu import MENU_KIND
from .movedaway import Files, last_published


def renamed_links(
    problems: Iterable[ArticlegenError],
    articles: Sequence[Article],
    root: Path,
    folder: Callable[[], Path],
) -> list[ArticlegenError]:
    """``problems``, each link (body link, See Also item, ``menu:`` entry) that matches
    nothing but names an old address of one of ``articles`` (``/old-slug/`` in its
    ``aliases:``), or a slug, file or title the last build into ``folder`` published
    (``movedaway``) that an article now built has moved from, with a hint naming that
    article."""
    problems = list(problems)
    if not any(isinstance(p, UnfoundLink) for p in problems):
        return problems
    by_alias = {alias.url: a for a in articles for alias in a.meta.aliases}
    before = last_published(root / CACHE_DIR, root, folder())
    moved = _Moved(before, articles, by_alias)
    return [_hinted(p, by_alias, moved) if isinstance(p, UnfoundLink) else p for p in problems]


def _hinted(problem: UnfoundLink, by_alias: dict[str, Article], moved: _Moved) -> ArticlegenError:
    """``problem`` with a hint naming the article that lists its name's address as an
    alias, or the one the last build's record says it moved to, or as it is."""
    slug = _slug_of(problem.name)
    what = "file" if _is_file(problem.name) else "slug"
    article = by_alias.get(f"{slug}/")
    if article is not None:
        found = (
            f"'{problem.name}' is no article's {what}: {_named(article)}"
            f" ({article.source}) lists /{slug}/ in its aliases, an old address for readers"
        )
    elif was := moved.find(problem):
        what, source, (article, how) = was
        found = (
            f"'{problem.name}' is no article's {what}, but was {source}'s when the site was"
            f" last published, which {how}"
        )
    else:
        return problem
    if article.source == problem.path:
        return problem
    return _with_hint(problem, f"{found} — {_link_as(problem, article)}")


class _Moved:
    """Where the files the last build published (``Files``) went: the same file built now
    under another slug or title, else the one article now built with its title, else the
    article listing one of its addresses in ``aliases:``."""

    def __init__(self, before: Files, articles: Sequence[Article], by_alias: dict[str, Article]):
        self.before = before
        self.by_source = {a.source: a for a in articles}
        titled: dict[str, list[Article]] = {}
        for article in articles:
            titled.setdefault(article.meta.title, []).append(article)
        self.by_title = {title: found[0] for title, found in titled.items() if len(found) == 1}
        self.by_alias = by_alias

    def find(self, problem: UnfoundLink) -> tuple[str, str, tuple[Article, str]] | None:
        """What ``problem``'s name was (``slug``, ``file``, ``title``), the file it was
        last published for, and the article that file's now is, with how it moved."""
        name = problem.name
        if _is_file(name):
            published = {source for source, _ in self.before.values()}
            paths = _content_paths(name, problem.path or "")
            sources, what = {next((p for p in paths if p in published), "")}, "file"
        elif f"{name}/index.html" in self.before:
            sources, what = {self.before[f"{name}/index.html"][0]}, "slug"
        else:
            key = fold(name)
            sources = {source for source, title in self.before.values() if fold(title) == key}
            what = "title"
        if len(sources) != 1:
            return None
        (source,) = sources
        now = self._now(source)
        return (what, source, now) if now else None

    def _now(self, source: str) -> tuple[Article, str] | None:
        """The article ``source``, last published, is now, and how that is known."""
        if (article := self.by_source.get(source)) is not None:
            return article, f"is now {_named(article)} at /{article.slug}/"
        made = [(out, title) for out, (was, title) in self.before.items() if was == source]
        if not made:
            return None
        if (article := self.by_title.get(made[0][1])) is not None:
            return article, f"is gone; its title, '{article.meta.title}', is {article.source}'s"
        for out, _ in made:
            address = out.removesuffix("index.html")
            if (article := self.by_alias.get(address)) is not None:
                return article, (
                    f"is gone; {_named(article)} ({article.source}) lists"
                    f" its address /{address} in its aliases"
                )
        return None


def _content_paths(name: str, linking: str) -> list[str]:
    """The files ``name`` (written as a file) may name, as the record holds them and as
    ``links`` tries them: relative to the ``linking`` file, then to ``content/``."""
    file = name if name.endswith(".md") else f"{name}.md"
    inside = posixpath.normpath(file.removeprefix("content/").lstrip("/"))
    here = posixpath.normpath(posixpath.join(posixpath.dirname(linking), file))
    return [here, f"content/{inside}"]


def _is_file(name: str) -> bool:
    """Whether ``name`` is written as a file (``x.md``, ``content/x``), as ``links`` reads it."""
    return name.endswith(".md") or name.startswith("content/")


def _slug_of(name: str) -> str:
    """The slug ``name`` gives: a file's name without ``.md``, else ``name`` itself."""
    return posixpath.basename(name).removesuffix(".md") if _is_file(name) else name


def _link_as(problem: UnfoundLink, article: Article) -> str:
    """The link to write instead, in the form ``problem``'s link was written in, to the
    same ``#id``."""
    fragment = f"#{problem.fragment}" if problem.fragment else ""
    if problem.kind == MENU_KIND:
        return f"write link: {article.source if _is_file(problem.name) else article.slug}{fragment}"
    if problem.kind == "see_also":
        return f"list it as {article.slug}{fragment}"
    if problem.name.endswith(".md") and problem.path:
        here = posixpath.dirname(problem.path) or "."
        return f"link it as [text]({posixpath.relpath(article.source, here)}{fragment})"
    return f"link it as [[{article.slug}{fragment}]]"


def _named(article: Article) -> str:
    """``the article 'Title'``, or ``the page 'Title'``."""
    return f"the {'page' if article.page else 'article'} '{article.meta.title}'"


def _with_hint(problem: UnfoundLink, hint: str) -> UnfoundLink:
    """A copy of ``problem`` with ``hint``, and without the articles spelt closest to its
    name, which may be others than the one the hint names: the one the resolutions hold is
    left as made."""
    message = problem.message.removesuffix(problem.offered)
    return UnfoundLink(message, problem.path, problem.line, hint, problem.name, problem.kind,
                       problem.fragment)  # fmt: skip
