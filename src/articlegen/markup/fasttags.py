"""The compiled engine's HTML (``fastmarkup``) with our tags in place of its own.

markdown-it-pyrs writes plain tags where our markdown-it-py rules write others: an internal
link's placeholder, an image's ``<picture>``, a heading's id and ``#`` link, a scroll box's
``tabindex``, a wiki link's or citation's HTML for its swap. ``fastmarkup`` gathers ours
from the syntax tree, in document order; ``Tags`` puts them in, one by one, and says when
the HTML holds more or fewer tags than the tree has nodes (then the body takes the reference
path).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .anchors import SYMBOL, anchor_label
from .placeholders import escape

_TAG = re.compile(
    '<(?:(a) href="[^"]*"(?: title="[^"]*")?>'
    '|(i)mg src="[^"]*" alt="[^"]*"(?: title="[^"]*")? />'
    "|(/?)h([23])>|table>|pre>)"
)
"""The compiled engine's tags that ours differ from. Raw HTML is never let through to it,
so each is one it wrote, for a node of the tree: the n-th ``<a`` is the n-th link. Which
one a match is, its last group tells (``_LINK``, ``_IMAGE``, ``_HEADING``, or none for a
scroll box); each group opens after the ``<``, so that ``re`` still skips to a ``<`` (a
group around a whole tag made it try every character: three times as long)."""
_LINK, _IMAGE, _HEADING = 1, 2, 4
_SWAP = re.compile("\\[\x80(\\d+)(?:[()']|&quot;)*\x81\\]")
"""A wiki link or citation as swapped before parsing, in text. Looked for on its own, after
the tags: one expression for both, opening with two characters, is tried at every
character of the HTML, and took 0.11 ms a body where the two take 0.04."""


class Tags:
    """Our tags for one body, put into its pieces' HTML in order."""

    def __init__(
        self,
        anchors: Iterable[str],
        imgs: Iterable[str],
        headings: Iterable[tuple[str, str]],  # each heading's id and contents entry
        swapped: dict[int, str],  # a wiki link's or citation's HTML by its swap's number
    ) -> None:
        self.anchors, self.imgs, self.headings = iter(anchors), iter(imgs), iter(headings)
        self.swapped = swapped
        self.heading = self.label = ""

    def rewrite(self, html: str) -> str | None:
        """``html`` with our tags; None if it holds more than the tree has nodes for: not
        the HTML the tree says."""
        try:
            html = _TAG.sub(self._replace, html)
        except StopIteration:
            return None
        return _SWAP.sub(self._swapped, html) if "\x80" in html else html

    def finished(self) -> bool:
        """Whether every node's tag was found."""
        return all(next(left, None) is None for left in (self.anchors, self.imgs, self.headings))

    def _replace(self, match: re.Match[str]) -> str:
        kind = match.lastindex
        if kind == _LINK:
            return next(self.anchors)
        if kind == _HEADING:
            level = match.group(4)
            if not match.group(3):
                anchor, text = next(self.headings)
                self.heading, self.label = escape(anchor), escape(anchor_label(text))
                return f'<h{level} id="{self.heading}">'
            return (
                f' <a class="header-anchor" href="#{self.heading}" '
                f'aria-label="{self.label}">{SYMBOL}</a></h{level}>'
            )
        if kind == _IMAGE:
            return next(self.imgs)
        return match.group(0)[:-1] + ' tabindex="0">'

    def _swapped(self, match: re.Match[str]) -> str:
        return self.swapped[int(match.group(1))]
