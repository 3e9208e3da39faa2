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
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..core.model import CitationMark

_PLACEHOLDER = re.compile("\x00([A-Z])(\\d+)\x00")


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
    """The placeholder of the ``index``-th link, path link, image or citation of a body."""
    return f"\x00{slot.value}{index}\x00"


@dataclass(frozen=True, slots=True)
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
    """``html`` with every placeholder replaced by what ``fill`` holds for it, escaped."""
    return fill_placeholders(
        html,
        {
            Slot.LINK_HREF: [escape(href) for href in fill.link_hrefs],
            Slot.LINK_TEXT: [escape(text) for text in fill.link_texts],
            Slot.PATH_HREF: [escape(href) for href in fill.path_hrefs],
            Slot.IMAGE_URL: [escape(url) for url in fill.image_urls],
            Slot.IMAGE_SIZE: list(fill.image_attributes),
            Slot.IMAGE_SOURCES: list(fill.image_sources),
            Slot.CITATION: [
                f'<sup class="citation" id="{escape(m.anchor)}">'
                f'<a href="#{escape(m.target)}" role="doc-noteref">[{m.number}]</a></sup>'
                for m in fill.citations
            ],
        },
    )


def fill_placeholders(html: str, values: Mapping[Slot, Sequence[str]]) -> str:
    """Replace each placeholder of a slot in ``values`` by its value, inserted as HTML as is;
    placeholders of other slots stay. A ``Slot`` is its letter (a ``StrEnum``), so the
    letter finds its values without making the member: a body has dozens of placeholders."""
    if "\x00" not in html:
        return html

    def replace(match: re.Match[str]) -> str:
        kind = values.get(match[1])  # type: ignore[arg-type]
        return match[0] if kind is None else kind[int(match[2])]

    return _PLACEHOLDER.sub(replace, html)


def escape(text: str) -> str:
    """``text`` safe inside an HTML attribute or element."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )
