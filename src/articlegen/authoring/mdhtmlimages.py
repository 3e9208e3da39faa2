"""Images a Markdown post writes in HTML (``<img>``, ``<figure>`` with its ``<figcaption>``,
an image in a link) as the Markdown images the rest of the import handles.

Old blogs write their figures in HTML inside Markdown. Kept so, a site without
``allow_html`` showed the tags as text and the import did not copy their files, as it
copies a Markdown image's. They are converted by the HTML importer (``htmlimport``), as a
WordPress post's or a saved page's images are: an HTML block that holds an image (lines
from one starting with a tag to a blank line, as CommonMark reads them) is converted
whole where its tags are closed within it, unless converting it would lose text (an
``<aside>`` beside the image) or it is a kramdown block of Markdown (``markdown="1"``,
whose images alone are converted), and an image written within a paragraph's text is
converted in its place. The HTML left (``<sub>``, a block without an image) is for
``importer`` to name at its line.
"""

from __future__ import annotations

import re

from .htmlimport import DROPPED, html_markdown
from .mdsource import outside_code

_BLOCK_START = re.compile(
    r"[ ]{0,3}(?:<(?:p|div|figure|center|section|article|main|blockquote|table|dl|details"
    r"|picture|ul|ol|li|h[1-6])(?=[\s/>])|<(?:img|a)\b[^<>]*>[ \t]*(?:\n|$))",
    re.I,
)
"""The start of an HTML block the HTML importer converts whole: a block element it knows
(CommonMark's kind 6), or a line holding an image's or a link's tag alone (kind 7)."""
_OTHER_BLOCK = re.compile(
    r"[ ]{0,3}(?:</?(?:address|aside|body|caption|dd|dialog|dt|fieldset|figcaption|footer"
    r"|form|header|html|legend|menu|nav|tbody|td|tfoot|th|thead|tr)(?=[\s/>]|$)"
    r"|</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>[ \t]*(?:\n|$))",
    re.I,
)
"""The start of another HTML block (CommonMark's kind 6, ``<nav>``, a table's rows, or a
line holding a tag alone, kind 7): its images would be Markdown inside HTML, shown as text,
so it is left as written."""
_ITEM = re.compile(r"[ ]{0,3}<li\b", re.I)
"""A list item standing alone in an HTML block, between the blank lines that part a list
written in HTML: converted as an item of its list, not as loose text."""
_IMAGE = re.compile(r"<(?:img|figure)\b", re.I)
_INLINE_IMAGE = re.compile(
    r"<a\b[^<>]*>\s*<img\b[^<>]*>(?:\s*</img>)?\s*</a>|<img\b[^<>]*>(?:\s*</img>)?", re.I
)
"""An image within a paragraph's text, alone or as all of a link's text."""
_BLANK = re.compile(r"(\n(?:[ \t]*\n)+)")
"""The blank lines between two blocks, one or more: a block after two blank lines starts at
its own first tag, not at a line break."""
_KRAMDOWN_MARKDOWN = re.compile(r"<[a-zA-Z][^<>]*\smarkdown\s*=\s*[\"']?(?:1|span|block)\b", re.I)
"""A kramdown block whose content is Markdown (``<div markdown="1">``): converted as HTML,
its Markdown would be escaped as text, so only its images are converted, in place."""
_WRAPPED = re.compile(r"([ ]{0,3}<[^<>]+>)[ \t]*\n(.*)\n([ ]{0,3}</[a-zA-Z][^<>]*>[ \t]*\n?)", re.S)
"""Such a block's opening and closing tags on lines of their own, around its Markdown."""
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
_ANY_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?>")
_UNCLOSED = frozenset(
    {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source"}
    | {"track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot"}
)
"""Elements with no closing tag, or whose closing tag HTML lets out (``<p>``, ``<li>``)."""


def html_images(body: str, page: str | None, display: str, notes: list[str]) -> str:
    """``body`` with its HTML images as Markdown images; ``page`` is the post's old
    address, against which a relative image or link is resolved, ``display`` names the
    source in errors, and ``notes`` take what the HTML importer notes."""

    def blocks(part: str) -> str:
        pieces = _BLANK.split(part)
        for index in range(0, len(pieces), 2):
            pieces[index] = _converted(pieces[index], page, display, notes)
        return "".join(pieces)

    return outside_code(body, blocks)


def _converted(block: str, page: str | None, display: str, notes: list[str]) -> str:
    """One block (the text between blank lines) with its HTML images as Markdown."""
    if not _IMAGE.search(block):
        return block
    if _KRAMDOWN_MARKDOWN.search(block):
        return _markdown_inside(_inline_images(block, page, display))
    if _BLOCK_START.match(block) and _balanced(block) and not _loses_text(block):
        html = f"<ul>{block}</ul>" if _ITEM.match(block) else block
        ending = block[len(block.rstrip("\n")) :]  # the body's last line break, if it is last
        return html_markdown(html, page, display, notes).strip("\n") + ending
    if _BLOCK_START.match(block) or _OTHER_BLOCK.match(block):
        return block
    return _inline_images(block, page, display)


def _markdown_inside(block: str) -> str:
    """A kramdown Markdown block parted from its tags by blank lines, so that its content
    is read as Markdown here too, not as the rest of an HTML block (shown as text)."""
    wrapped = _WRAPPED.fullmatch(block)
    return f"{wrapped[1]}\n\n{wrapped[2]}\n\n{wrapped[3]}" if wrapped else block


def _inline_images(block: str, page: str | None, display: str) -> str:
    """``block`` with each image (alone or all of a link's text) converted in its place."""
    return _INLINE_IMAGE.sub(lambda m: html_markdown(m.group(0), page, display).strip(), block)


def _balanced(block: str) -> bool:
    """Whether each element ``block`` opens is closed within it, in order: one a blank line
    cuts (``<div>`` and its image, then the text and ``</div>``) is half a block, which,
    converted, would leave its closing tag and the rest shown as text; it is left as
    written, for the HTML warning to name."""
    opened: list[str] = []
    for match in _ANY_TAG.finditer(block):
        name = match[2].lower()
        if name in _UNCLOSED or match[0].endswith("/>"):
            continue
        if not match[1]:
            opened.append(name)
        elif not opened or opened.pop() != name:
            return False
    return not opened


def _loses_text(block: str) -> bool:
    """Whether converting ``block`` would lose text the old page showed: it holds an
    element the HTML importer leaves out with its text (an ``<aside>`` with a dose, a
    ``<form>``, an ``<svg>``), as it does a saved page's sidebar. Such a block is left as
    written, for the HTML warning to name."""
    return any(tag.lower() in DROPPED for tag in _TAG.findall(block))
