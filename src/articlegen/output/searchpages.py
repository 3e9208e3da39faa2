"""Which pages the search index holds, in which shard, and which shards a build changed.

The index is made shard by shard (``shardsearch``): each page belongs to one shard for
good, by a hash of its path, and the shard count follows the page count (a power of two,
so a site must double before the shards change). A shard is indexed again only when one
of its pages was added, removed, or changed in what Pagefind reads: a page whose bytes
changed is compared with the page as last indexed with every ``data-pagefind-ignore``
block, and what ``pagefindrun.EXCLUDED`` names, hollowed out (so a new "Linked from" or
See Also entry, a comment block, the previous/next links change nothing), and anything
else in the page counts.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..core.records import record
from .pagefindrun import EXCLUDED

PAGES_PER_SHARD = 16
"""At most how many pages a shard holds. Pagefind takes about 3 ms of CPU and 0.4 MB a page,
and an edit indexes its page's shard again: 0.07 s for 16 pages, 0.19 s for 64. Smaller
shards cost the merge more (more runs of each word to join: 0.13 s for 128 shards of the
2,000-article bench corpus, 0.11 s for 32, 0.18 s for 256)."""
_BODY = re.compile(rb"<[a-z][^<>]*?\sdata-pagefind-body(?=[\s=/>])", re.IGNORECASE)
_NAME = b"data-pagefind-body"
_IGNORED = ", ".join(("[data-pagefind-ignore]", *EXCLUDED))
_SPACES = re.compile(rb"\s+")
_MARK = "\ue000"
"""Stands in for a hollowed ``data-pagefind-ignore`` block (a private-use character)."""

Stamp = tuple[int, int, int, int]
"""A file's device, inode, size and modification time (ns): a staged page with the stamp
recorded when it was indexed is that very file (unchanged pages are linked, not copied)."""


@record
class IndexedPage:
    """A page as its shard's index was made from it."""

    stamp: Stamp
    sha1: str
    """Of the page's bytes."""
    shard: int


def shard_count(pages: int) -> int:
    """How many shards ``pages`` pages are indexed in: 1 up to ``PAGES_PER_SHARD``, then
    the power of two that keeps shards at most that full."""
    count = 1
    while count * PAGES_PER_SHARD < pages:
        count *= 2
    return count


def shard_of(path: str, count: int) -> int:
    """The shard of the page at ``path`` (relative to the site) among ``count``: the same
    on every build and machine, whatever other pages there are."""
    digest = hashlib.blake2b(path.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % count


def has_body(html: bytes) -> bool:
    """Whether a tag of the page carries ``data-pagefind-body`` (the pages Pagefind
    indexes: articles and pages; listings have none). A page without the name anywhere,
    in any case, has no such tag: it is looked for so first, since the pattern that finds
    the tag tries every ``<`` of a page (50 µs a listing against 5; 820 listings are read
    by every build that indexes)."""
    return _NAME in html.lower() and _BODY.search(html) is not None


def indexed_text(html: bytes) -> bytes:
    """The page as Pagefind reads it, for comparing two versions of a page. Every
    ``data-pagefind-ignore`` block goes: whole where whitespace parts it from the text on
    one side (so it cannot join or split words), else replaced by a mark with its tag;
    either way keeping any element inside that carries other ``data-pagefind-*``
    attributes (Pagefind still reads their metadata or filters) and every ``<img>``
    (Pagefind takes a page's image, its first, from an ignored block too: a See Also
    card's picture is the result image of an article without one). Runs of whitespace
    count as one space, as they do for Pagefind's words, but for the attributes' values,
    which it keeps as written (an image's alt is its result's alt text): they follow,
    every element's that is left, as they are."""
    tree = LexborHTMLParser(html)
    attributes: list[str] = []
    for node in tree.css(_IGNORED):  # an inner block once its outer one is gone: harmless
        read = [inner for inner in node.css("*") if _read_inside(inner)]
        attributes.extend(repr(inner.attributes) for inner in read)
        kept = "".join(inner.html or "" for inner in read)
        if kept or not _spaced(node):
            node.replace_with(f"{_MARK}{node.tag}:{kept}{_MARK}")
        else:
            node.decompose()
    attributes.extend(repr(node.attributes) for node in tree.css("*"))
    text = _SPACES.sub(b" ", (tree.html or "").encode("utf-8"))
    return text + _MARK.join(["", *attributes]).encode("utf-8")


def _spaced(node: LexborNode) -> bool:
    """Whether whitespace separates ``node`` from what comes before or after it."""
    before, after = node.prev, node.next
    return (before is not None and before.tag == "-text" and _ends_blank(before.text_content)) or (
        after is not None and after.tag == "-text" and _starts_blank(after.text_content)
    )


def _read_inside(node: LexborNode) -> bool:
    """Whether Pagefind reads ``node`` although it is in an ignored block."""
    return node.tag == "img" or any(
        k.startswith("data-pagefind-") and k != "data-pagefind-ignore" for k in node.attributes
    )


def _ends_blank(text: str | None) -> bool:
    return text is not None and text[-1:].isspace()


def _starts_blank(text: str | None) -> bool:
    return text is not None and text[:1].isspace()


def stamp_of(path: str | Path) -> Stamp:
    found = os.stat(path)
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns)


@dataclass(slots=True)
class Survey:
    """The pages of a staged site to index, and the shards a build must index again."""

    count: int
    pages: dict[str, IndexedPage]
    """Relative path → the page as it is now, for every page with a ``data-pagefind-body``."""
    changed: set[int]
    plain: dict[str, Stamp] = field(default_factory=dict)
    """Relative path → stamp of every other page (a listing): not read again while its
    file is the same."""


def survey(
    folder: Path,
    html_files: Iterable[str],
    known: dict[str, IndexedPage],
    known_count: int,
    live: Path | None,
    plain: Mapping[str, Stamp] | None = None,
) -> Survey:
    """The indexed pages of the site staged in ``folder`` (``html_files``, relative), and
    which shards changed since the pages ``known`` were indexed in ``known_count`` shards.
    ``live`` is the published site: a page whose bytes changed is compared with its
    version there (when that is the one indexed) in what Pagefind reads. A page is read
    only if its file is not the one indexed, or the one last found without a
    ``data-pagefind-body`` (``plain``: about 900 listings of 2,000 articles, each read
    and looked through by every build before); with a new shard count, every shard
    changed."""
    found: dict[str, tuple[Stamp, str, bool]] = {}  # path → stamp, digest, text unchanged
    unindexed: dict[str, Stamp] = {}
    plain = plain or {}
    prefix = f"{folder}{os.sep}"
    for relative in html_files:
        stamp, before = stamp_of(prefix + relative), known.get(relative)
        if before is not None and before.stamp == stamp:
            found[relative] = (stamp, before.sha1, True)
            continue
        if plain.get(relative) == stamp:
            unindexed[relative] = stamp
            continue
        with open(prefix + relative, "rb") as file:
            data = file.read()
        if has_body(data):
            same = before is not None and _same_text(before, data, live, relative)
            found[relative] = (stamp, _sha1(data), same)
        else:
            unindexed[relative] = stamp
    count = shard_count(len(found))
    pages = {path: IndexedPage(stamp, sha1, shard_of(path, count))
             for path, (stamp, sha1, _) in found.items()}  # fmt: skip
    if count != known_count:
        return Survey(count, pages, set(range(count)), unindexed)
    changed = {pages[path].shard for path, (_, _, same) in found.items() if not same}
    changed |= {page.shard for path, page in known.items() if path not in pages}
    return Survey(count, pages, changed, unindexed)


def _same_text(before: IndexedPage, data: bytes, live: Path | None, relative: str) -> bool:
    """Whether the page's new bytes give Pagefind what the indexed version gave: same
    bytes, or the same ``indexed_text`` as the published page when that is the version
    indexed (checked by its digest)."""
    if _sha1(data) == before.sha1:
        return True
    if live is None:
        return False
    try:
        old = (live / relative).read_bytes()
    except OSError:
        return False
    return _sha1(old) == before.sha1 and indexed_text(old) == indexed_text(data)


def _sha1(data: bytes) -> str:
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()
