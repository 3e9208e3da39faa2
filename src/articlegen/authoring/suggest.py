"""``articlegen suggest``: See Also links worth adding, shown as a table or JSON, and added
to the articles' files with ``--write``.

The ranking is ``render.suggestions``; the file editing ``seealsoedit``. This module picks
the articles (named ones, or by default those with no See Also or no Linked from, as the
See Also index lists them), checks the names and formats the answer.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import ArticlegenError, BuildFailed, did_you_mean
from ..core.layout import CONTENT_DIR
from ..core.lookalike import fold
from ..core.model import SUGGEST_FORMATS, Article, LinkRef, LinkTarget, Site, Suggestion
from ..core.slugs import natural_order
from ..render.links import resolve_links
from ..render.suggestions import documents, reasons, suggest, unlinked
from .seealsoedit import edited_file, replace_file


@dataclass(frozen=True, slots=True)
class Suggested:
    """An article and the links worth adding to its See Also, best first."""

    article: Article
    suggestions: tuple[Suggestion, ...]


def suggested(
    site: Site, names: Sequence[str], *, limit: int, root: Path | None = None
) -> list[Suggested]:
    """The best ``limit`` suggestions for each article ``names`` names (by default, for every
    article with no See Also or no Linked from), in the order given (by default, by
    title). A name is a slug, a file (from the working folder, ``root``, the site, or its
    ``content/``) or an exact title, as a See Also item may be; one that is no published
    article of ``site`` is an error, which says so of a file that is not published."""
    linkable = documents(site.articles, site.graph, withheld=site.withheld)
    named = {name: _named(site, name, root) for name in names}
    unknown = [(name, problem) for name, (slug, problem) in named.items() if slug is None]
    if unknown:
        raise BuildFailed(_unknown(site, name, root, problem) for name, problem in unknown)
    chosen = list(dict.fromkeys(slug for slug, _ in named.values() if slug is not None))
    chosen = chosen or _by_title(site, unlinked(linkable, site.graph))
    found = suggest(linkable, chosen, limit=limit)
    return [Suggested(site.by_slug[slug], found[slug]) for slug in chosen]


def _named(site: Site, name: str, root: Path | None) -> tuple[str | None, ArticlegenError | None]:
    """The slug of the published article ``name`` names: by slug, by file (from the working
    folder, ``root`` or its ``content/``, with or without ``.md``), or by title as a See Also
    item names one (``_resolved``); else None, with the resolver's error if it gave one."""
    if name in site.by_slug and not site.by_slug[name].page:
        return name, None
    by_file = {a.source: a.slug for a in site.articles}
    if (file := _file_of(name, root)) in by_file:
        return by_file[file], None
    return _resolved(site, name)


def _resolved(site: Site, name: str) -> tuple[str | None, ArticlegenError | None]:
    """``name`` resolved against the published articles by the rules of a See Also item
    (``links.resolve_links``: a title in any case and spacing, a name two titles share an
    error naming both): the slug, or the error saying why there is none."""
    targets = [LinkTarget(a.slug, a.source, a.meta.title) for a in site.articles]
    (found,), problems = resolve_links([LinkRef(name, 0)], "", targets, kind="article")
    if found is not None and found.slug is not None and not found.fragment:
        return found.slug, None
    return None, problems[0] if problems else None


def _file_of(name: str, root: Path | None) -> str | None:
    """The site's file ``name`` names, written whole or without its ``.md``."""
    return _site_file(name, root) or _site_file(f"{name}.md", root)


def _site_file(name: str, root: Path | None) -> str | None:
    """``name`` as a file of the site (``content/x.md``) that exists, or None."""
    if root is None:
        return None
    site = root.resolve()
    for path in (Path(name), root / name, root / CONTENT_DIR / name):
        try:
            if path.is_file():
                return path.resolve().relative_to(site).as_posix()
        except (ValueError, OSError):
            continue
    return None


def _unknown(
    site: Site, name: str, root: Path | None, problem: ArticlegenError | None
) -> ArticlegenError:
    """Why ``name`` names no published article; ``problem``: the resolver's error, if any."""
    file = _file_of(name, root)
    hint = (
        "name articles by slug (the file name without .md, or its 'slug:'), by file or by "
        "exact title"
    )
    if file is not None and file.startswith(f"{CONTENT_DIR}/") and file.endswith(".md"):
        return ArticlegenError(
            f"'{name}' is {file}, which is not a published article (a draft, a page, or an "
            "article scheduled or expired)",
            hint="suggestions are made for published articles: publish it first, or name another",
        )
    if problem is not None and sum(fold(a.meta.title) == fold(name) for a in site.articles) > 1:
        return problem  # titles two articles share: the error names both
    known = sorted({*(a.slug for a in site.articles), *(a.meta.title for a in site.articles)})
    return ArticlegenError(
        f"no published article has the slug, file or title '{name}'{did_you_mean(name, known)}",
        hint=hint,
    )


def _by_title(site: Site, slugs: list[str]) -> list[str]:
    return sorted(slugs, key=lambda s: (natural_order(site.by_slug[s].meta.title), s))


def format_suggestions(found: Sequence[Suggested], site: Site, fmt: str = "table") -> str:
    """``found`` as an aligned table (one row per suggestion, the article named on its
    first) or a JSON list of objects."""
    if fmt == "json":
        rows = [
            {
                "slug": each.article.slug,
                "title": each.article.meta.title,
                "file": each.article.source,
                "suggestions": [
                    {
                        "slug": s.slug,
                        "title": site.by_slug[s.slug].meta.title,
                        "score": s.score,
                        "shared_tags": list(s.tags),
                        "similar_words": list(s.words),
                        "linked_in_text": s.in_text,
                        "links_here": s.links_here,
                        "why": reasons(s),
                    }
                    for s in each.suggestions
                ],
            }
            for each in found
        ]
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(SUGGEST_FORMATS)}")
    if not found:
        return (
            "Every article has a See Also and is linked from another: nothing to suggest by"
            " default. Name articles to suggest for: articlegen suggest SLUG …\n"
        )
    table = [["article", "score", "suggestion", "why"]]
    for each in found:
        if not each.suggestions:
            table.append([each.article.slug, "-", _nothing_to_suggest(each.article), ""])
        for number, s in enumerate(each.suggestions):
            table.append(
                [each.article.slug if number == 0 else "", f"{s.score:.2f}", s.slug, reasons(s)]
            )
    widths = [max(len(row[i]) for row in table) for i in range(3)]
    return "".join(
        "  ".join([*(v.ljust(w) for v, w in zip(row, widths, strict=False)), row[3]]).rstrip()
        + "\n"
        for row in table
    )


def _nothing_to_suggest(article: Article) -> str:
    """Why ``article`` gets no suggestion. Articles its See Also lists are never suggested,
    so one whose See Also holds every article alike is told so: it may share tags and words
    with them, and is not told that it shares none."""
    beyond = " beyond its See Also" if article.meta.see_also else ""
    return f"(none{beyond}: no other article shares enough tags, words or links)"


def write_suggestions(root: Path, found: Sequence[Suggested]) -> list[Suggested]:
    """Add each article's suggestions to its ``see_also``; the articles changed. Every
    file's edit is made and checked before any is written, so a file that cannot be
    edited safely stops them all, and nothing is written."""
    edits, problems = [], []
    for each in found:
        if each.suggestions:
            try:
                slugs = [s.slug for s in each.suggestions]
                edits.append((each, edited_file(root, each.article.source, slugs)))
            except ArticlegenError as problem:
                problems.append(problem)
    if problems:
        raise BuildFailed(problems)
    for each, data in edits:
        replace_file(root, each.article.source, data)
    return [each for each, _ in edits]
