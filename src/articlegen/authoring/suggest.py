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
from ..core.model import SUGGEST_FORMATS, Article, Site, Suggestion
from ..core.slugs import sort_key
from ..render.suggestions import documents, reasons, suggest, unlinked
from .seealsoedit import edited_file, replace_file


@dataclass(frozen=True, slots=True)
class Suggested:
    """An article and the links worth adding to its See Also, best first."""

    article: Article
    suggestions: tuple[Suggestion, ...]


def suggested(site: Site, slugs: Sequence[str], *, limit: int) -> list[Suggested]:
    """The best ``limit`` suggestions for each article of ``slugs`` (by default, for every
    article with no See Also or no Linked from), in the order given (by default, by
    title). A name that is no published article of ``site`` is an error."""
    linkable = documents(site.articles, site.graph, withheld=site.withheld)
    known = {a.slug for a in site.articles}  # not the pages (content/pages/): no See Also
    unknown = [slug for slug in slugs if slug not in known]
    if unknown:
        raise BuildFailed(
            ArticlegenError(
                f"no published article has the slug '{slug}'{did_you_mean(slug, sorted(known))}",
                hint="name articles by slug: the file name without .md, or its 'slug:'",
            )
            for slug in unknown
        )
    chosen = list(dict.fromkeys(slugs)) or _by_title(site, unlinked(linkable, site.graph))
    found = suggest(linkable, chosen, limit=limit)
    return [Suggested(site.by_slug[slug], found[slug]) for slug in chosen]


def _by_title(site: Site, slugs: list[str]) -> list[str]:
    return sorted(slugs, key=lambda s: (sort_key(site.by_slug[s].meta.title), s))


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
            table.append([each.article.slug, "-", "(none: no shared tags, words or links)", ""])
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
