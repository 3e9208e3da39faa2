"""Addresses a build published an article at that the next build no longer serves.

Other sites, search engines and readers' bookmarks link to an article's address, and to the
redirects its ``aliases:`` make. When one of those goes (a new ``slug:``, an alias taken
out, a renamed or deleted file, a slug library that spells a name otherwise after an
upgrade), the build removes its page, and the links to it lead nowhere, while the build sees
no broken link: none of them is in ``content/``. So each build that writes records what it
published into that output folder (``PUBLISHED``), and the next build into the same folder
compares its pages with that, and says what went, with the ``aliases:`` entry that keeps
each address answering.

The record is a file of its own beside the build cache, not a table of it: the cache is
dropped whole when the code changes, and the record must outlive an upgrade, which is when
addresses may change unasked. It is saved by writing builds only: a ``check`` or a failed
build in between changes nothing readers see, so nothing of what the next build compares
with. A ``check`` says the notes all the same, compared with the record of the folder the
build would write, and the preview says them against the real build's record
(``moved_since``): each until a build publishes, since neither writes the record. One
record per output folder: a build into another folder leaves the real one's alone. Said as
notes, not warnings: deleting an article on purpose is no mistake, and a warning would fail
every ``--strict`` build until the record forgot the page.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from ..core.model import Article, BuildResult
from ..core.urls import page_file

PUBLISHED = "published.json"
"""The record, inside ``CACHE_DIR``: output folder → output path → [content file, title]."""
_VERSION = 1
MOST_NOTES = 10
"""Files named one note each; the addresses of the rest are listed in one more note."""

Files = dict[str, tuple[str, str]]
"""Output path (``sleep/index.html``, ``old-post.html``) → the content file that made it,
and that file's title."""


def moved_away(
    cache_dir: Path, result: BuildResult, root: Path, folder: Path, *, heard: bool = True
) -> BuildResult:
    """``result`` with a note for each content file whose addresses the last build that wrote
    into ``folder`` published and ``result`` no longer serves (``moved_away_notes``). A build
    that wrote there (``result.output``) updates the record in ``cache_dir`` to what it
    published, so it says them once; one that wrote nothing (``check``) leaves it as it is.
    A build whose notes are not ``heard`` (``--quiet``) keeps the addresses it no longer
    serves in the record, so that the next build that is heard says them: not said, they
    would be lost for good. A record that cannot be read or written costs only these notes:
    nothing else reads it."""
    if result.site is None:
        return result
    records = _load(cache_dir / PUBLISHED)
    key = _folder_key(folder, root)
    before = records.get(key)
    notes = moved_away_notes(before or {}, result, root, result.site.config.base_url)
    if result.output is not None:
        now = published(result)
        if not heard:  # the addresses gone stay in the record, for the next build to say
            now = {**(before or {}), **now}
        if now != before:  # most builds publish what the last did: nothing to write again
            records[key] = now
            with contextlib.suppress(OSError):
                _save(cache_dir / PUBLISHED, records)
    return replace(result, notes=(*result.notes, *notes))


def moved_since(
    cache_dir: Path, result: BuildResult, root: Path, folder: Path, base: str
) -> list[str]:
    """The notes for a build that publishes nothing and is no check (the preview): against
    the record of ``folder``, where the real build writes, the addresses at ``base`` (the
    site's own, not the preview's), and the record left to the builds that publish."""
    return moved_away_notes(last_published(cache_dir, root, folder), result, root, base)


def last_published(cache_dir: Path, root: Path, folder: Path) -> Files:
    """What the last build that wrote into ``folder`` published, as the record in
    ``cache_dir`` holds it (empty when there is none)."""
    return _load(cache_dir / PUBLISHED).get(_folder_key(folder, root), {})


def published(result: BuildResult) -> Files:
    """What ``result``, a build that wrote, published: each article's and page's own page
    and its redirect pages (``aliases:``). Drafts a ``--drafts`` build showed, and articles a
    ``--future`` build showed before their date, were never meant for readers yet."""
    assert result.site is not None
    files: Files = {}
    for article in (*result.site.articles, *result.site.pages):
        if article.meta.draft or article.slug in result.site.withheld:
            continue
        made = (article.source, article.meta.title)
        files[f"{article.slug}/index.html"] = made
        for alias in article.meta.aliases:
            files[page_file(alias.url)] = made
    return files


def moved_away_notes(before: Files, result: BuildResult, root: Path, base_url: str) -> list[str]:
    """A note for each content file that had pages in ``before`` which ``result`` no longer
    has, its addresses at ``base_url``, unless the file is there and simply not built (a
    draft, a scheduled or expired article: the build says why it left that out)."""
    assert result.site is not None
    served = {page.out_path for page in result.pages} | result.statics
    lost: dict[str, list[str]] = {}
    for out_path, (source, _) in before.items():
        if out_path not in served:
            lost.setdefault(source, []).append(out_path)
    built = {a.source: a for a in (*result.site.articles, *result.site.pages)}
    titles = Counter(article.meta.title for article in built.values())
    same_title = {a.meta.title: a for a in built.values() if titles[a.meta.title] == 1}
    base = base_url.rstrip("/")
    notes: list[str] = []
    unnamed: list[str] = []
    for source, out_paths in lost.items():
        addresses = [_address(path) for path in out_paths]
        now = built.get(source)
        if now is None and os.path.lexists(root / source):
            continue
        if len(notes) == MOST_NOTES:
            unnamed += addresses
        elif now is not None:
            notes.append(_moved(now, addresses, base))
        else:
            title = before[out_paths[0]][1]
            notes.append(_gone(source, title, addresses, base, same_title.get(title)))
    if unnamed:
        notes.append(f"and these addresses of other content files: {_links(unnamed, base)}")
    return notes


def _moved(article: Article, addresses: list[str], base: str) -> str:
    """The note for a file still built whose old addresses went: a new slug, an alias
    taken out of its list."""
    return (
        f"{article.source}: {_links(addresses, base)} no longer "
        f"{'leads' if len(addresses) == 1 else 'lead'} to it (now at {base}/{article.slug}/), "
        f"so links from other sites and bookmarks there lead nowhere — {_keep(addresses, 'its')}"
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
        where = f"{same_title.source} (at {base}/{same_title.slug}/)"
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


def _folder_key(output: Path, root: Path) -> str:
    """The output folder as the record names it: by its real path within the site's (a site
    moved keeps its record), else by its real path."""
    real, site = os.path.realpath(output), os.path.realpath(root)
    inside = os.path.commonpath([real, site]) == site
    return os.path.relpath(real, site) if inside else real


def _load(path: Path) -> dict[str, Files]:
    """The record; empty when there is none, or none of this shape (made by hand, or by
    another version)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not (isinstance(data, dict) and data.get("version") == _VERSION):
        return {}
    folders = data.get("outputs")
    if not isinstance(folders, dict):
        return {}
    return {
        folder: {out: (made[0], made[1]) for out, made in files.items()}
        for folder, files in folders.items()
        if isinstance(files, dict) and all(_is_entry(out, made) for out, made in files.items())
    }


def _is_entry(out_path: object, made: object) -> bool:
    return (
        isinstance(out_path, str)
        and isinstance(made, list)
        and len(made) == 2
        and all(isinstance(part, str) for part in made)
    )


def _save(path: Path, records: Mapping[str, Files]) -> None:
    """The record written whole, then moved into place: never half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    staged = path.with_suffix(".tmp")
    text = json.dumps({"version": _VERSION, "outputs": records}, ensure_ascii=False)
    staged.write_text(text, encoding="utf-8")
    os.replace(staged, path)
