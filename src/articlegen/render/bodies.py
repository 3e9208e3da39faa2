"""Article bodies finished once the site is linked: every placeholder a body rendered with
(``markup/placeholders.py``) filled with its link, path link, image or citation."""

from __future__ import annotations

import dataclasses
import operator
import re
from collections.abc import Iterator, Mapping, Sequence
from functools import partial

from ..core.memo import Memo
from ..core.model import (
    Article,
    BodyHtml,
    LinkGraph,
    PlacedImage,
    RenderedBody,
    ResolvedLink,
    TocEntry,
)
from ..core.urls import article_url, link_url
from ..markup.placeholders import BodyFill, Slot, fill_placeholders, finish_body
from ..markup.summary import shorten
from ..trust.references import Citations
from .pathlinks import path_hrefs
from .pictures import body_image_parts

_LINK_TEXT = re.compile(f"\x00{Slot.LINK_TEXT.value}(\\d+)\x00")
"""The placeholder of a ``[[link]]``'s title in a summary, by the link's number."""
_FIELDS = [field.name for field in dataclasses.fields(RenderedBody)]
assert _FIELDS[:2] == ["html", "toc"], "_finished passes these two first"
_AFTER_TOC = operator.attrgetter(*_FIELDS[2:])
"""A body's fields after its HTML and table of contents, which filling leaves as they are."""


def finished_bodies(
    articles: Sequence[Article],
    bodies: Mapping[str, RenderedBody],
    graph: LinkGraph,
    titles: Mapping[str, str],
    images: Mapping[str, Sequence[PlacedImage]],
    citations: Mapping[str, Citations],
    base_path: str,
    memo: Memo[RenderedBody] | None = None,
) -> FinishedBodies:
    """Slug → the body of each of ``articles`` with its placeholders filled: links resolved
    in ``graph`` (a ``[[link]]`` with no text shows the target's title from ``titles``),
    images as ``images`` placed them, citations as numbered, path links resolved
    (``pathlinks``). Each is filled when first asked for (``FinishedBodies``). With a
    ``memo`` (``core.memo``), a body filled with the same values as in the last build is
    the last build's (the very object, which later stages recognise)."""
    fills = {}
    targets: dict[int, tuple[str, str]] = {}
    shown: dict[int, tuple[PlacedImage, tuple[str, str]]] = {}
    for article in articles:
        body, placed = bodies[article.slug], images[article.slug]
        hrefs, texts = body_link_targets(graph.inline[article.slug], titles, base_path, targets)
        parts = [_image_parts(image, base_path, shown) for image in placed]
        fills[article.slug] = BodyFill(
            link_hrefs=hrefs,
            link_texts=texts,
            path_hrefs=path_hrefs(body.path_links, article_url(article.slug), base_path),
            image_urls=[image.url for image in placed],
            image_attributes=[attributes for _, attributes in parts],
            image_sources=[sources for sources, _ in parts],
            citations=citations[article.slug].marks,
        )
    return FinishedBodies(bodies, fills, memo or Memo())


def _image_parts(
    image: PlacedImage, base_path: str, shown: dict[int, tuple[PlacedImage, tuple[str, str]]]
) -> tuple[str, str]:
    """``body_image_parts`` of ``image``, made once for all the bodies that show it (each
    file is placed once a build: the corpus's 1,337 body images are 14), kept in ``shown``
    by its ``id`` beside the image."""
    kept = shown.get(id(image))
    if kept is None or kept[0] is not image:
        kept = shown[id(image)] = (image, body_image_parts(image, base_path))
    return kept[1]


class FinishedBodies(Mapping[str, RenderedBody]):
    """Slug → body with its placeholders filled, each filled the first time it is asked
    for. A rebuild from the command line after one body edit renders a few pages
    (``recordplanning``); filling every body for them was a tenth of its time at 2,000
    articles. Filling changes ``html`` and the table of contents (the titles of its
    headings' ``[[links]]``) alone: ``rendered`` holds each body as Markdown left it, whose
    other fields (summary, words) are the finished one's, for the cards and descriptions
    every page lists; ``fills`` what each is filled with."""

    def __init__(
        self,
        rendered: Mapping[str, RenderedBody],
        fills: Mapping[str, BodyFill],
        memo: Memo[RenderedBody],
    ) -> None:
        self.rendered = rendered
        self.fills = fills
        self._memo = memo
        self._finished: dict[str, RenderedBody] = {}

    def __getitem__(self, slug: str) -> RenderedBody:
        done = self._finished.get(slug)
        if done is None:
            body, fill = self.rendered[slug], self.fills[slug]
            done = self._memo(slug, (body, fill), partial(_finished, body, fill))
            self._finished[slug] = done
        return done

    def __iter__(self) -> Iterator[str]:
        return iter(self.fills)

    def __len__(self) -> int:
        return len(self.fills)

    def finish_all(self) -> FinishedBodies:
        """Fill every body now: for a caller that keeps the site past its build (the
        preview compares every body with the next build's), since the memo a body is
        filled through serves one build at a time."""
        for slug in self.fills:
            self[slug]
        return self


def description(bodies: Mapping[str, RenderedBody], slug: str) -> str:
    """The description the body of ``slug`` gives, its summary: with the titles its
    ``[[links]]`` without text show (the body's summary holds their placeholders, uncut,
    as it is rendered before the site is linked), then cut near the summary's length. A
    body no fill is known for (``bodies`` not filled by ``finished_bodies``) shows none."""
    summary = unfinished(bodies, slug).summary
    if "\x00" not in summary:
        return summary
    fill = bodies.fills.get(slug) if isinstance(bodies, FinishedBodies) else None
    texts = fill.link_texts if fill is not None else ()
    needed = max(map(int, _LINK_TEXT.findall(summary)), default=-1) + 1
    shown = [*texts, *[""] * (needed - len(texts))]
    return shorten(" ".join(fill_placeholders(summary, {Slot.LINK_TEXT: shown}).split()))


def unfinished(bodies: Mapping[str, RenderedBody], slug: str) -> RenderedBody:
    """The body of ``slug`` for a field that filling leaves as it is (all but ``html``),
    without filling it where ``bodies`` fills lazily."""
    return (bodies.rendered if isinstance(bodies, FinishedBodies) else bodies)[slug]


def _finished(body: RenderedBody, fill: BodyFill) -> RenderedBody:
    """``body`` with its HTML and table of contents filled: made from its other fields'
    values at once, where ``dataclasses.replace`` looks each of its 14 fields up by name
    (a sixth of filling a body)."""
    html = BodyHtml(finish_body(body.html, fill))
    return RenderedBody(html, _titled_toc(body.toc, fill), *_AFTER_TOC(body))


def _titled_toc(toc: tuple[TocEntry, ...], fill: BodyFill) -> tuple[TocEntry, ...]:
    """The table of contents with the titles its headings' ``[[links]]`` show, as text (the
    template escapes it), where the heading shows them: not the slug written."""
    if not any("\x00" in entry.text for entry in toc):
        return toc
    texts = {Slot.LINK_TEXT: fill.link_texts}
    return tuple(
        dataclasses.replace(entry, text=fill_placeholders(entry.text, texts)) for entry in toc
    )


def body_link_targets(
    links: Sequence[ResolvedLink | None],
    titles: Mapping[str, str],
    base_path: str,
    targets: dict[int, tuple[str, str]] | None = None,
) -> tuple[list[str], list[str]]:
    """``(hrefs, texts)`` for the body link placeholders of one article. ``targets``: the
    pair of each link already met (by its ``id``), for the articles of one graph, which
    holds one ``ResolvedLink`` per place linked to (``links._made``): some 2,000 for the
    23,000 body links of the bench corpus."""
    targets = {} if targets is None else targets
    hrefs, texts = [], []
    for link in links:
        pair = targets.get(id(link))
        if pair is None:
            pair = targets[id(link)] = _link_target(link, titles, base_path)
        hrefs.append(pair[0])
        texts.append(pair[1])
    return hrefs, texts


def _link_target(
    link: ResolvedLink | None, titles: Mapping[str, str], base_path: str
) -> tuple[str, str]:
    """A body link's href and the text a ``[[link]]`` written without any shows."""
    if link is None:
        return "#", ""
    if link.url is not None:
        return link.url, link.url
    return base_path + link_url(link), titles[link.slug or ""]
