"""The holes a rendered body keeps until later stages know what goes in them.

A body renders from its own source alone, so that it can be cached and rendered in a
worker process: where it needs what only the whole site knows — a link's URL and text, an
image's URL and size, a citation's number — it holds a placeholder instead. Each kind is a
``Slot`` with a name; ``placeholder`` writes one while rendering and ``finish_body`` fills
every kind in one pass once the site is linked. Placeholders are delimited by NUL, a
character no input may contain (``core/characters.py``), so none can be written by an author.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..core.model import CitationMark
from ..core.records import record


class Slot(enum.StrEnum):
    """A kind of placeholder, by the letter it is written with."""

    LINK_HREF = "L"
    """An internal link's URL."""
    PATH_HREF = "H"
    """A Markdown link to a path of this site (``/files/a.pdf``, ``../other/``): the site
    path it resolves to, under the site's base path."""
    LINK_TEXT = "T"
    """The text of a ``[[link]]`` written without any: the target's title."""
    IMAGE_URL = "I"
    """A local image's URL, under the site's base path."""
    IMAGE_SIZE = "S"
    """A local image's ``srcset``, ``sizes``, ``width`` and ``height`` attributes (each only
    when known)."""
    IMAGE_SOURCES = "P"
    """The ``<source>`` elements of a local image's ``<picture>``: its WebP copies."""
    CITATION = "C"
    """A ``[^id]`` citation's numbered superscript link."""


def placeholder(slot: Slot, index: int) -> str:
    """The placeholder of the ``index``-th link, path link, image or citation of a body.
    ``slot`` formats as its letter (a ``StrEnum``), without ``Slot.value``, a property of
    Python code: 0.4 µs less a placeholder, of which a bench body writes about twenty."""
    return f"\x00{slot}{index}\x00"


@record
class BodyFill:
    """What the site knows for one body's placeholders, each list in document order."""

    link_hrefs: Sequence[str] = ()
    link_texts: Sequence[str] = ()
    path_hrefs: Sequence[str] = ()
    """Each path link's URL, base path included (``pathlinks``)."""
    image_urls: Sequence[str] = ()
    image_attributes: Sequence[str] = ()
    """Each image's attributes after its ``alt`` (``srcset``, ``sizes``, its size), as HTML."""
    image_sources: Sequence[str] = ()
    """Each image's ``<source>`` elements, as HTML."""
    citations: Sequence[CitationMark] = ()


def finish_body(html: str, fill: BodyFill) -> str:
    """``html`` with every placeholder replaced by what ``fill`` holds for it, escaped. Each
    value is escaped as its placeholder is met, not every value first: a body keeps the
    text of each of its links, which only a ``[[link]]`` written without any shows. The
    escapes of the texts many bodies share (each article's address and title, the same
    few citations) are remembered (``_escaped``, ``_citation``)."""
    return _filled(
        html,
        {
            Slot.LINK_HREF: (fill.link_hrefs, _escaped),
            Slot.LINK_TEXT: (fill.link_texts, _escaped),
            Slot.PATH_HREF: (fill.path_hrefs, escape),
            Slot.IMAGE_URL: (fill.image_urls, _escaped),
            Slot.IMAGE_SIZE: (fill.image_attributes, str),
            Slot.IMAGE_SOURCES: (fill.image_sources, str),
            Slot.CITATION: (fill.citations, _citation),
        },
    )


def fill_placeholders(html: str, values: Mapping[Slot, Sequence[str]]) -> str:
    """Replace each placeholder of a slot in ``values`` by its value, inserted as HTML as is;
    placeholders of other slots stay."""
    return _filled(html, {slot: (given, str) for slot, given in values.items()})


def _filled(html: str, values: Mapping[Slot, tuple[Sequence[Any], Callable[[Any], str]]]) -> str:
    """``html`` with each placeholder of a slot in ``values`` replaced by its value made
    HTML by the function beside it. The text is cut at its NULs, which only placeholders
    write (no input may hold one): every other piece is a placeholder's name, its slot's
    letter and its number, where a pattern's search called back into Python for each. A
    ``Slot`` is its letter (a ``StrEnum``), so the letter finds its values without making
    the member: a body has dozens of placeholders."""
    if "\x00" not in html:
        return html
    pieces = html.split("\x00")
    for index in range(1, len(pieces), 2):
        name = pieces[index]
        kind = values.get(name[:1])  # type: ignore[call-overload]
        if kind is None:
            pieces[index] = f"\x00{name}\x00"
        else:
            given, made = kind
            pieces[index] = made(given[int(name[1:])])
    return "".join(pieces)


def _citation(mark: CitationMark) -> str:
    """A citation's numbered superscript link."""
    return _citation_html(mark.number, mark.anchor, mark.target)


@functools.lru_cache(maxsize=1024)
def _citation_html(number: int, anchor: str, target: str) -> str:
    """``_citation``'s HTML, made once for the same values: an article's citations are
    numbered from 1, so a site's are a few dozen (remembered by the values, not the mark,
    whose hash a dataclass works out in Python)."""
    return (
        f'<sup class="citation" id="{escape(anchor)}">'
        f'<a href="#{escape(target)}" role="doc-noteref">[{number}]</a></sup>'
    )


def escape(text: str) -> str:
    """``text`` safe inside an HTML attribute or element."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


_escaped = functools.lru_cache(maxsize=8192)(escape)
"""``escape`` of the texts bodies share: the links to an article, each of its titles."""
