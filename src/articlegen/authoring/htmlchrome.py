"""The site's chrome inside a saved page's article: share buttons, newsletter boxes, related
posts, widgets, author boxes and back-links, which the importer leaves out of the body.

Themes and plugins put these inside the ``<article>`` (WordPress's Jetpack adds
``div.sharedaddy`` and ``div.jp-relatedposts`` to the post's content), where dropping
``<aside>``, ``<nav>`` and ``<footer>`` does not reach them. They are known by their
classes and ids; one that holds the article's own text (a theme's ``.sidebar`` layout
around the body) is kept, and a left-out block of more than a few words is named in a note,
so the author can check nothing of the article went with it.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from .htmlmeta import attribute, plain_text

_CHROME = (
    ".sharedaddy, .jp-relatedposts, .newsletter, .newsletter-box, .subscribe, #sharebutton,"
    " .share, .social-share, .sharing, .widget, .sidebar, .author-box, .about-author, .author-bio"
)
_BODIES = '[itemprop="articleBody"], .entry-content, .post-content, .article-content, .post-body'
_BACK_LINK = re.compile(
    r"[←«‹<]?\s*(?:back(?: to)?\s*)?(?:all |more )?(?:the )?(?:articles|posts|blog|home)?\s*[→»]?",
    re.IGNORECASE,
)
_FEW_WORDS = 12


def skip_chrome(main: LexborNode, skipped: set[int]) -> list[str]:
    """Add the chrome blocks under ``main`` to ``skipped``; a note naming each that held
    more than a few words."""
    words = len(_words(main))
    notes = []
    for node in main.css(_CHROME):
        if node.mem_id == main.mem_id or node.mem_id in skipped or _holds_body(node, words):
            continue
        skipped.add(node.mem_id)
        if len(text := _words(node)) > _FEW_WORDS:
            shown = " ".join(text[:8])
            notes.append(f"left out as the site's chrome ({_named(node)}): '{shown} …'")
    for node in main.css("p, div, a"):
        alone = node.tag != "a" or (node.parent is not None and node.parent.mem_id == main.mem_id)
        if node.mem_id != main.mem_id and alone and _back_link(node):
            skipped.add(node.mem_id)
    return notes


def _holds_body(node: LexborNode, words: int) -> bool:
    """Whether ``node`` holds the article's own text: a body element, or half its words."""
    return node.css_first(_BODIES) is not None or len(_words(node)) * 2 > words


def _words(node: LexborNode) -> list[str]:
    """The words of ``node``'s text, its elements' texts apart (a heading and the line under it)."""
    return (node.text(deep=True, separator=" ") or "").split()


def _back_link(node: LexborNode) -> bool:
    """Whether ``node`` is a link back to the site's list of articles (``All Articles``,
    ``← Back to posts``), alone in its block."""
    text = plain_text(node)
    links = node.css("a[href]")
    if not text or not links or plain_text(links[0]) != text:
        return False
    return bool(_BACK_LINK.fullmatch(text)) and any(c.isalpha() for c in text)


def _named(node: LexborNode) -> str:
    """The class or id the chrome block was known by, as the page wrote it."""
    classes = attribute(node, "class").split()
    known = [name for name in classes if f".{name}" in _CHROME.replace(",", " ").split()]
    return f"class {known[0]}" if known else f"id {attribute(node, 'id')}"
