"""A body's summary as plain text: the words of its first paragraph, cut near
``SUMMARY_LENGTH``; and the citations taken out of it and of a heading's id. Both Markdown
engines (``markdown.py``, ``fastmarkup.py``) make them from their own trees and must agree,
so what they share about them lives here. And the text a summary written by hand
(``description:``) or a ``title:``, plain text both, would show, were it Markdown
(``markdown_shown``)."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable

from markdown_it import MarkdownIt

SUMMARY_LENGTH = 160

CITED = "\x01"
"""Where a ``[^id]`` citation stood in plain text (a control character no article may
hold): it shows nothing there, and takes the spaces before it with it."""
_CITATION_GAP = re.compile(f"\\s*{CITED}")


def uncited(text: str) -> str:
    """``text`` with the citations marked by ``CITED`` taken out, with the spaces before
    each: a heading ``## Results [^a]`` has the id ``results``, not ``results-``. Most texts
    have none, and are not searched: the pattern, opening with spaces, is tried at each."""
    return _CITATION_GAP.sub("", text) if CITED in text else text


def plain(text: str) -> str:
    """``text`` with the citations marked by ``CITED`` taken out, with the spaces before
    each (``two numbers [^a].`` reads ``two numbers.``, not ``two numbers .``), and every
    run of spaces one space."""
    return " ".join(uncited(text).split())


def summary_text(text: str) -> str:
    """A summary as a body keeps it: cut near ``SUMMARY_LENGTH``, unless a ``[[link]]``
    without text holds the placeholder of its title, which is cut once filled
    (``render/bodies.description``): the title's length is not known yet."""
    return text if "\x00" in text else shorten(text)


def shorten(text: str, limit: int = SUMMARY_LENGTH) -> str:
    """``text`` cut at a word boundary near ``limit`` characters, with an ellipsis if cut."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:.-") + "…"


_MARKUP = re.compile(r"[*_`~\[\]<>\\&]")
"""What Markdown (or HTML) in a line of text starts with: a text without any is read as
written, and is not parsed."""
_TAG = re.compile(r"<[^>]*>")
_WIKI_LINK = re.compile(r"\[\[([^\[\]|]+)(?:\|([^\[\]]+))?\]\]")
_CITATION = re.compile(r"[ \t]*(?<!\\)\[\^[^\[\]\s]+\]")
"""A ``[^id]`` citation, which the body shows as a number and a description as written:
it shows nothing in a description's plain text, with the spaces before it."""


_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)
"""A code span: a run of backticks, to the next run as long (what it holds is shown as
written, wiki links and citations too)."""


def _outside_code(text: str, change: Callable[[str], str]) -> str:
    """``text`` with ``change`` made to each part outside its code spans."""
    parts, at = [], 0
    for span in _CODE_SPAN.finditer(text):
        parts += [change(text[at : span.start()]), span[0]]
        at = span.end()
    return "".join([*parts, change(text[at:])])


def _link_text(link: re.Match[str]) -> str:
    return link[2] or link[1]


def markdown_shown(text: str) -> str | None:
    """What ``text`` would show as one line of Markdown (CommonMark, with HTML), where that
    differs from ``text`` written as it is: ``What really helps`` for ``What *really*
    helps``, the link text for a link (a ``[[slug|text]]`` link's text, or its target),
    nothing for a ``[^id]`` citation; None for a text Markdown shows as written."""
    if not _MARKUP.search(text):
        return None
    linked = _outside_code(text, lambda t: _CITATION.sub("", _WIKI_LINK.sub(_link_text, t)))
    shown = html.unescape(_TAG.sub("", _inline_markdown().renderInline(linked)))
    return None if " ".join(shown.split()) == " ".join(text.split()) else " ".join(shown.split())


@functools.cache
def _inline_markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable("strikethrough")
