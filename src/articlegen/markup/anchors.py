"""Heading ids and their ``#`` links, kept clear of the ids the article page uses itself.

Ids are GitHub-style slugs of the heading text (so links to a section survive a rebuild and
match what authors expect), made unique within the body and never one of ``pageids``: a body
heading "Main" or "Comments" must not take the id of ``<main>`` or of the comments section.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ..core.pageids import is_reserved
from .summary import CITED, uncited

LEVELS = ("h2", "h3")
"""Headings that get an id and a ``#`` link (the ``<h1>`` is the article's title)."""
SYMBOL = "#"
ANCHOR_LABEL = "Link to section: "
"""The start of a heading's ``#`` link's accessible name, which ends with the heading's text."""
_TITLED = frozenset({"text", "code_inline", "wikilink", "citation"})
"""The tokens of a heading whose text its id is made of (a citation, of none)."""
_NOT_SLUG = re.compile(r"[^\w\u4e00-\u9fff\- ]")
_ANCHOR_LINK = re.compile(
    rf' <a class="header-anchor" href="#[^"]*" aria-label="[^"]*">{re.escape(SYMBOL)}</a>'
    rf"(?=</(?:{'|'.join(LEVELS)})>)"
)
"""A heading's ``#`` link and the space before it, as both engines write them (the
compiled one in ``fasttags``), at the end of the heading."""


def heading_anchors_plugin(md: MarkdownIt) -> None:
    """Give each level 2 and 3 heading an id and a ``#`` link to it (class ``header-anchor``)."""
    md.core.ruler.push("heading_anchors", _add_anchors)


def heading_slug(title: str) -> str:
    """GitHub's heading slug: lowercase, spaces to '-', punctuation dropped."""
    return _NOT_SLUG.sub("", title.lower().replace(" ", "-"))


def anchor_label(text: str) -> str:
    """The accessible name of the ``#`` link of a heading reading ``text``: a screen reader's
    list of links shows each one by its name alone, so a name the same for all ("#", or "Link
    to this section") left no way to tell which section each leads to."""
    return f"{ANCHOR_LABEL}{text}" if text else "Link to this section"


def without_anchor_links(html: str) -> str:
    """A finished body's HTML without its headings' ``#`` links, for what shows it without
    the site's styles, which hide each link until its heading is hovered or focused: a feed
    reader showed every heading ending in "#" ("Before you lift #"). The headings keep their
    ids, which the body's own links (a citation's back-link, ``[text](#section)``) lead to."""
    return _ANCHOR_LINK.sub("", html)


def unique_id(slug: str, taken: set[str], natural: Collection[str] = ()) -> str:
    """``slug``, or a variant of it, that is neither in ``taken`` nor reserved; added to ``taken``.

    A variant also avoids the ``natural`` slugs of the other headings, so that renaming one
    heading never moves another's id. Variants of a reserved slug, or of one whose numbered
    variants are (``ref`` → ``ref-1``), end in ``-section``: ``## Main`` gets ``main-section``.
    """
    if slug and slug not in taken and not is_reserved(slug):
        taken.add(slug)
        return slug
    stem = slug or "section"
    if is_reserved(stem) or is_reserved(f"{stem}-1"):
        stem += "-section"
    candidate, number = stem, 1
    while candidate in taken or is_reserved(candidate) or candidate in natural:
        candidate, number = f"{stem}-{number}", number + 1
    taken.add(candidate)
    return candidate


def _add_anchors(state: StateCore) -> None:
    headings = [
        (token, state.tokens[index + 1])
        for index, token in enumerate(state.tokens)
        if token.type == "heading_open" and token.tag in LEVELS
    ]
    slugs = [heading_slug(_title(inline)) for _, inline in headings]
    natural, taken = frozenset(slugs), set[str]()
    for (token, inline), slug in zip(headings, slugs, strict=True):
        children = inline.children if inline.children is not None else []
        anchor = unique_id(slug, taken, natural)
        token.attrSet("id", anchor)
        link = Token("link_open", "a", 1)
        link.attrSet("class", "header-anchor")
        link.attrSet("href", f"#{anchor}")
        inline.children = [
            *children,
            Token("text", "", 0, content=" "),
            link,
            Token("html_block", "", 0, content=SYMBOL),
            Token("link_close", "a", -1),
        ]


def _title(inline: Token) -> str:
    """The heading's text as the slug sees it: plain text, inline code and a wiki link's
    text as written (its target's title is not known yet, and would move the id with it)."""
    children = inline.children or []
    return uncited(
        "".join(CITED if c.type == "citation" else c.content for c in children if c.type in _TITLED)
    )
