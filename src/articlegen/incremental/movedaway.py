"""Addresses a build published an article at that the next build no longer serves.

Other sites, search engines and readers' bookmarks link to an article's address, and to the
redirects its ``aliases:`` make. When one of those goes (a new ``slug:``, an alias taken
out, a renamed or deleted file), the build removes its page, and the links to it lead
nowhere, while the build sees no broken link: none of them is in ``content/``. So each build
that writes saves what it published, with the cache (``Published``), and the next build
that writes into the same folder compares its pages with that, and says what went, with the
``aliases:`` entry that keeps each address answering.

The record is saved by writing builds only: a ``check`` or a failed build in between
changes nothing of what readers see, so it must not change what the next build compares
with. Said as notes, not warnings: deleting an article on purpose is no mistake, and a
warning would fail every ``--strict`` build until the cache forgot the page.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from ..core.model import Article, BuildResult

MOST_NOTES = 10
"""Files named one note each; the rest are counted in one more, so that deleting a folder
of articles says so in a few lines, not in hundreds."""


@dataclass(frozen=True, slots=True)
class Published:
    """What a build wrote into an output folder that readers may have linked to."""

    output: str
    """The folder, its real path (the same folder reached by another path is the same)."""
    files: Mapping[str, tuple[str, str]]
    """Output path (``sleep/index.html``, ``old-post.html``) → the content file that made
    it and that file's title, for each published article's and page's own page and
    redirect page (``aliases:``). Drafts are left out: they were never meant for readers."""


def published(result: BuildResult) -> Published | None:
    """What ``result``, a build that wrote its output, published; None for one that did not."""
    if result.output is None or result.site is None:
        return None
    files: dict[str, tuple[str, str]] = {}
    for article in (*result.site.articles, *result.site.pages):
        if article.meta.draft:
            continue
        made = (article.source, article.meta.title)
        files[f"{article.slug}/index.html"] = made
        for alias in article.meta.aliases:
            files[_out_path(alias.url)] = made
    return Published(os.path.realpath(result.output), files)


def moved_away(
    before: Published | None, result: BuildResult, root: Path
) -> tuple[BuildResult, Published | None]:
    """``result`` with a note for each address ``before`` that it no longer serves
    (``moved_away_notes``), and what to compare the next build with: what it published, if
    it wrote, else still ``before``."""
    notes = moved_away_notes(before, result, root)
    return replace(result, notes=(*result.notes, *notes)), published(result) or before


def moved_away_notes(before: Published | None, result: BuildResult, root: Path) -> list[str]:
    """A note for each content file that had pages in ``before`` which ``result`` (a build
    into the same folder) no longer has, unless the file is there and simply not built
    (a draft, a scheduled or expired article: the build says why it left that out)."""
    after = published(result)
    if before is None or after is None or before.output != after.output or result.site is None:
        return []
    served = {page.out_path for page in result.pages} | result.statics
    lost: dict[str, list[str]] = {}
    for out_path, (source, _) in before.files.items():
        if out_path not in served:
            lost.setdefault(source, []).append(out_path)
    built = {a.source: a for a in (*result.site.articles, *result.site.pages)}
    titles = Counter(article.meta.title for article in built.values())
    same_title = {a.meta.title: a for a in built.values() if titles[a.meta.title] == 1}
    base = result.site.config.base_url.rstrip("/")
    notes = []
    for source, out_paths in lost.items():
        title = before.files[out_paths[0]][1]
        addresses = [_address(path) for path in out_paths]
        now = built.get(source)
        if now is not None:
            notes.append(_moved(now, addresses, base))
        elif not os.path.lexists(root / source):
            notes.append(_gone(source, title, addresses, base, same_title.get(title)))
    return _at_most(notes, MOST_NOTES)


def _moved(article: Article, addresses: list[str], base: str) -> str:
    """The note for a file still built whose old addresses went: a new slug, an alias
    taken out of its list."""
    return (
        f"{article.source}: {_links(addresses, base)} no longer "
        f"{'leads' if len(addresses) == 1 else 'lead'} to it (now at "
        f"/{article.slug}/), so links from other sites and bookmarks there lead nowhere — "
        f"{_keep(addresses, 'its')}"
    )


def _gone(
    source: str, title: str, addresses: list[str], base: str, same_title: Article | None
) -> str:
    """The note for a file gone with its addresses: perhaps renamed (``same_title``: the
    one article now built with its title), perhaps deleted."""
    lost = (
        f"{source} is gone, and with it {_links(addresses, base)} ('{title}'): links from "
        "other sites and bookmarks there now lead nowhere"
    )
    if same_title is not None:
        where = f"{same_title.source} (at /{same_title.slug}/)"
        return f"{lost} — if {where} is the same article, {_keep(addresses, 'its')}"
    keep = _keep(addresses, "that file's")
    return f"{lost} — if the article moved to another file, {keep}"


def _links(addresses: list[str], base: str) -> str:
    """The addresses as readers' links hold them: the site's address and the path."""
    return ", ".join(f"{base}{address}" for address in addresses)


def _keep(addresses: list[str], whose: str) -> str:
    """The advice: the paths as ``aliases:`` takes them, relative to the site's address."""
    return f"add {', '.join(addresses)} to {whose} front-matter's aliases: list"


def _address(out_path: str) -> str:
    """``sleep/index.html`` → ``/sleep/``; ``old-post.html`` → ``/old-post.html``."""
    return "/" + out_path.removesuffix("index.html")


def _out_path(url: str) -> str:
    """An alias's site-relative address (``urls.alias_url``) → the file its page is."""
    return url if url.endswith(".html") else url + "index.html"


def _at_most(notes: list[str], most: int) -> list[str]:
    """The first ``most`` notes, and one that counts the rest."""
    if len(notes) <= most:
        return notes
    return [*notes[:most], f"and {len(notes) - most} more content files like these"]
