"""Bidi controls taken out of what an import writes into a front-matter.

The build refuses a front-matter value holding a bidi embedding, override or isolate
control (``BIDI_CONTROLS``: a title that shows as another text than it is). An old blog's
title, description or tag may hold one, often pasted in unseen; refusing the import over it
would leave the author to edit hundreds of posts first. So an import removes them from the
values it writes (the body may keep them, as the build lets it), with a warning naming the
post's source file (and the header's line, where the post has a file of its own), and the
build's own refusal stays for what an author writes by hand.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ..core.characters import BIDI_CONTROLS
from ..core.model import ImportedArticle, ImportedLink
from .blogsource import Blog
from .sourcelines import header_bidi_line

_TEXTS = ("title", "description", "image", "image_alt", "author")
_LISTS = ("tags", "aliases")


def without_bidi_controls(blogs: list[Blog]) -> None:
    """Every post of ``blogs`` with the bidi controls of its front-matter values removed,
    and a note for each post that held some."""
    for blog in blogs:
        blog.posts = [
            dataclasses.replace(post, article=_cleaned(post.article, post.file))
            for post in blog.posts
        ]


def _cleaned(article: ImportedArticle, file: Path | None) -> ImportedArticle:
    """``article`` without bidi controls in its front-matter values, with a note naming
    the keys that held them (and the line of ``file``'s header with the first, if any)."""
    changes: dict[str, object] = {}
    for key in _TEXTS:
        value = getattr(article, key)
        if value is not None and BIDI_CONTROLS.search(value):
            changes[key] = BIDI_CONTROLS.sub("", value)
    for key in _LISTS:
        values: tuple[str, ...] = getattr(article, key)
        if any(BIDI_CONTROLS.search(value) for value in values):
            changes[key] = tuple(BIDI_CONTROLS.sub("", value) for value in values)
    if any(BIDI_CONTROLS.search(f"{item.text}{item.href or ''}") for item in article.see_also):
        changes["see_also"] = tuple(
            ImportedLink(
                BIDI_CONTROLS.sub("", item.text),
                BIDI_CONTROLS.sub("", item.href) if item.href else item.href,
                item.same_site,
            )
            for item in article.see_also
        )
    if not changes:
        return article
    keys = ", ".join(f"'{key.replace('image_alt', 'image alt')}'" for key in changes)
    note = (
        f"its {keys} held invisible bidi controls (U+202A-U+202E, U+2066-U+2069), which make "
        "a text show in another order than it is written: they are removed, as the build "
        "refuses them in a front-matter value; check that the text reads as meant"
    )
    line = header_bidi_line(file)
    lines = (*article.note_lines, (note, line)) if line else article.note_lines
    return dataclasses.replace(
        article,
        **changes,  # type: ignore[arg-type]
        notes=(*article.notes, note),
        note_lines=lines,
    )
