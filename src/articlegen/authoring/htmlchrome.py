"""The site's chrome inside a saved page's article: share buttons, newsletter boxes, related
posts, widgets, author boxes and back-links, which the importer leaves out of the body.

Themes and plugins put these inside the ``<article>`` (WordPress's Jetpack adds
``div.sharedaddy`` and ``div.jp-relatedposts`` to the post's content), where dropping
``<aside>``, ``<nav>`` and ``<footer>`` does not reach them. Losing the article's text
silently is far worse than keeping some chrome, so the rule is cautious: a well-known
plugin's block goes anywhere; a block only known by a generic class (``.share``,
``.widget``, ``.sidebar``: page builders and layouts use them around text) goes only when
it is mostly links and lies outside the article's body element; a back-link only when it
leads into the page's own site. A left-out block that held words besides its links is
named in a note, and nothing is left out when the article would be (nearly) empty without it.
The converter leaves out ``<nav>``, ``<header>``, ``<footer>``, ``<form>`` and ``<aside>`` by
their tag; an ``<aside>`` of text in the body (a clinical warning's callout) is kept as a
quote, and any other of them that held words besides links is named in a note.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

from .htmlmeta import attribute, plain_text

_PLUGINS = ".sharedaddy, .jp-relatedposts, .yarpp-related, .addtoany_share_save_container"
_GENERIC = (
    ".newsletter, .newsletter-box, .subscribe, #sharebutton, .share, .social-share, .sharing,"
    " .widget, .sidebar, .author-box, .about-author, .author-bio"
)
_CHROME = f"{_PLUGINS}, {_GENERIC}"
_BODIES = '[itemprop="articleBody"], .entry-content, .post-content, .article-content, .post-body'
_BACK_LINK = re.compile(
    r"[←«‹<]?\s*(?:back(?: to)?\s*)?(?:all |more )?(?:the )?(?:articles|posts|blog|home)?\s*[→»]?",
    re.IGNORECASE,
)
_NEARLY_EMPTY = 3
LEFT_OUT_WITH_TEXT = ("aside", "footer", "form", "header", "nav")
"""The elements the HTML converter leaves out by their tag that may hold the page's words
(its other dropped tags, scripts and controls, hold none): what notes and checks look in."""
_BY_TAG = ", ".join(LEFT_OUT_WITH_TEXT)
_NO_TEXT = "script, style, button, select, textarea, time"
"""Within an element left out by its tag: controls, and the date the header shows."""


def left_out_by_tag(main: LexborNode, skipped: set[int]) -> tuple[set[int], list[str]]:
    """The ``<aside>`` elements of text in ``main``'s body, to write as quotes, and a note
    naming each other ``<aside>``, ``<nav>``, ``<header>``, ``<footer>`` or ``<form>`` left
    out that held words besides its links (not ``skipped`` ones, as the title)."""
    bodies = _bodies(main)
    quoted: set[int] = set()
    notes = []
    for node in main.css(_BY_TAG):
        ancestor = node.parent
        while ancestor is not None and ancestor.mem_id != main.mem_id:
            if ancestor.mem_id in skipped or ancestor.tag in LEFT_OUT_WITH_TEXT:
                break
            ancestor = ancestor.parent
        if ancestor is None or ancestor.mem_id != main.mem_id or node.mem_id in skipped:
            continue
        hidden = [n for n in node.css(_NO_TEXT) if not _under(n.parent, node, strict=True)]
        hidden += [n for n in node.css("*") if n.mem_id in skipped]
        words = len(_words(node)) - sum(len(_words(n)) for n in hidden)
        if (prose := min(words, _prose_words(node))) <= 0:
            continue
        in_body = not bodies or not _outside(node, main, bodies)
        if node.tag == "aside" and prose * 2 >= words and in_body:
            quoted.add(node.mem_id)
            continue
        shown = " ".join(_words(node)[:8])
        notes.append(f"left out the page's <{node.tag}{_classes(node)}>: '{shown} …'")
    return quoted, notes


def _classes(node: LexborNode) -> str:
    """``node``'s class attribute as the page wrote it, to name it in a note."""
    return f' class="{attribute(node, "class")}"' if attribute(node, "class") else ""


def _bodies(main: LexborNode) -> set[int]:
    """The article's body elements within ``main`` (or ``main`` itself), by ``mem_id``."""
    return {node.mem_id for node in main.css(_BODIES)} | (
        {main.mem_id} if _is(main, _BODIES) else set()
    )


def skip_chrome(main: LexborNode, skipped: set[int], page: str | None) -> list[str]:
    """Add the chrome blocks under ``main`` to ``skipped`` (``page``, the page's own
    address, tells a back-link into its site); a note naming each that held words besides
    its links, or saying why none was left out."""
    bodies = _bodies(main)
    chrome = [n for n in main.css(_CHROME) if _is_chrome(n, main, bodies)]
    chrome += [
        n for n in main.css("p, div, a") if _back_link(n, main, page) and _outside(n, main, bodies)
    ]
    chrome = [n for n in chrome if not any(_under(n, other) for other in chrome if other != n)]
    shown = len(_words(main)) - sum(len(_words(n)) for n in main.css("h1") if n.mem_id in skipped)
    if chrome and shown - sum(len(_words(n)) for n in chrome) < _NEARLY_EMPTY:
        names = ", ".join(dict.fromkeys(_named(n) for n in chrome))
        return [f"kept what looks like the site's chrome ({names}): the article is little else"]
    notes = []
    for node in chrome:
        skipped.add(node.mem_id)
        if _prose_words(node):
            shown_words = " ".join(_words(node)[:8])
            notes.append(f"left out as the site's chrome ({_named(node)}): '{shown_words} …'")
    return notes


def _is_chrome(node: LexborNode, main: LexborNode, bodies: set[int]) -> bool:
    """Whether a block matched by a chrome class is left out: a plugin's anywhere; one known
    by a generic class when mostly links, outside the body and holding no body."""
    if node.mem_id == main.mem_id or node.css_first(_BODIES) is not None:
        return False
    if _is(node, _PLUGINS):
        return True
    words = len(_words(node))
    return not (words and _prose_words(node) * 2 >= words) and _outside(node, main, bodies)


def _outside(node: LexborNode, main: LexborNode, bodies: set[int]) -> bool:
    """Whether ``node`` lies outside the article's body elements (``bodies``), where the
    author's own text is."""
    ancestor = node.parent
    while ancestor is not None and ancestor.mem_id != main.mem_id:
        if ancestor.mem_id in bodies:
            return False
        ancestor = ancestor.parent
    return main.mem_id not in bodies


def _is(node: LexborNode, selector: str) -> bool:
    """Whether ``node`` itself matches ``selector`` (``css_matches`` also looks below it)."""
    parent = node.parent
    return parent is not None and any(n.mem_id == node.mem_id for n in parent.css(selector))


def _prose_words(node: LexborNode) -> int:
    """How many of ``node``'s words are not the text of a link."""
    links = sum(len(_words(a)) for a in node.css("a") if not _under(a.parent, node, strict=True))
    return len(_words(node)) - links


def _under(node: LexborNode | None, other: LexborNode, *, strict: bool = False) -> bool:
    """Whether ``node`` lies within ``other`` (or, unless ``strict``, is it); with
    ``strict``, whether it lies within a link inside ``other`` (a link in a link counted once)."""
    while node is not None and node.mem_id != other.mem_id:
        if strict and node.tag == "a":
            return True
        node = node.parent
    return node is not None and not strict


def _words(node: LexborNode) -> list[str]:
    """The words of ``node``'s text, its elements' texts apart (a heading and the line under it)."""
    return (node.text(deep=True, separator=" ") or "").split()


def _back_link(node: LexborNode, main: LexborNode, page: str | None) -> bool:
    """Whether ``node`` is a link back to the site's list of articles (``All Articles``,
    ``← Back to posts``), alone in its block and leading into the page's own site: a
    ``Home`` link to another site is a reference the author gave."""
    if node.mem_id == main.mem_id or (
        node.tag == "a" and (node.parent is None or node.parent.mem_id != main.mem_id)
    ):
        return False
    text = plain_text(node)
    links = node.css("a[href]") if node.tag != "a" else [node] if attribute(node, "href") else []
    if not text or not links or plain_text(links[0]) != text:
        return False
    try:
        target = urlsplit(attribute(links[0], "href"))
        own = not target.netloc or target.netloc == urlsplit(page or "").netloc
    except ValueError:  # an address Python cannot read ("http://[x/"): no back-link of ours
        return False
    return own and bool(_BACK_LINK.fullmatch(text)) and any(c.isalpha() for c in text)


def _named(node: LexborNode) -> str:
    """The class or id the chrome block was known by, as the page wrote it; else its tag."""
    names = _CHROME.replace(",", " ").split()
    known = [name for name in attribute(node, "class").split() if f".{name}" in names]
    if known:
        return f"class {known[0]}"
    return (
        f"id {attribute(node, 'id')}" if f"#{attribute(node, 'id')}" in names else f"<{node.tag}>"
    )
