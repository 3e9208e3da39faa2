"""Addresses the last build published an article at that this build no longer has a page at.

Other sites, search engines and readers' bookmarks link to an article's address. When that
address changes (a new ``slug:``, a renamed file whose slug came from its name) the next
build removes the old page, and those links lead nowhere, while the build sees no broken
link: none of them is in ``content/``. The build cache remembers which file each page of
the last build came from, so the build after the change can say so, once, with the
``aliases:`` entry that keeps the old address answering (a redirect page).

Said as notes, not warnings: removing an article on purpose is no mistake, and a warning
would fail every ``--strict`` build until the cache forgets the page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..core.model import Article, BuildResult
from .cache import BuildCache


@dataclass(frozen=True, slots=True)
class PublishedBefore:
    """What the last build published, as the cache holds it before this build replaces it."""

    output: str | None
    """The output folder it wrote (``BuildCache.output``)."""
    articles: Mapping[str, Article]
    """Address (``old-slug/``) → the article or page it showed there."""


def published_before(cache: BuildCache) -> PublishedBefore:
    """The articles and pages whose pages the last build wrote, by address."""
    found = {}
    for entry in cache.sources.values():
        address = f"{entry.article.slug}/"
        if f"{address}index.html" in cache.pages:
            found[address] = entry.article
    return PublishedBefore(cache.output, found)


def moved_away_notes(before: PublishedBefore, result: BuildResult, root: Path) -> list[str]:
    """A note for each address of ``before`` at which ``result`` (a build into the same
    output folder) has no page, unless its file is still there and simply not built now
    (a draft, a scheduled or expired article: the build says why it left that out)."""
    if result.output is None or result.site is None or before.output != str(result.output):
        return []
    now = {page.out_path for page in result.pages}
    built = [*result.site.articles, *result.site.pages]
    by_source = {article.source: article for article in built}
    titles = Counter(article.meta.title for article in built)
    by_title = {a.meta.title: a for a in built if titles[a.meta.title] == 1}
    notes = []
    for address, old in before.articles.items():
        if f"{address}index.html" in now:
            continue
        moved = by_source.get(old.source)
        if moved is not None:
            notes.append(
                f"{old.source}: its address changed from /{address} to /{moved.slug}/, so "
                f"links to /{address} from other sites and bookmarks now lead nowhere"
                f" — {_keep(address, 'its')} to send them on"
            )
        elif not (root / old.source).exists():
            notes.append(_gone(old, address, by_title.get(old.meta.title)))
    return notes


def _gone(old: Article, address: str, same_title: Article | None) -> str:
    """The note for an address whose file is gone: perhaps renamed (``same_title``: the
    article now built with its title), perhaps deleted."""
    lost = (
        f"{old.source} is gone, and with it the page at /{address} ('{old.meta.title}'): "
        "links to it from other sites and bookmarks now lead nowhere"
    )
    if same_title is not None:
        return (
            f"{lost} — if {same_title.source} (at /{same_title.slug}/) is the same article, "
            f"{_keep(address, 'its')}"
        )
    keep = _keep(address, "that file's")
    return f"{lost} — if the article moved to another file, {keep}"


def _keep(address: str, whose: str) -> str:
    return f"add 'aliases: [/{address}]' to {whose} front-matter"
