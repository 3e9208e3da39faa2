"""Article bodies finished once the site is linked: every placeholder a body rendered with
(``markup/placeholders.py``) filled with its link, path link, image or citation."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from functools import partial

from ..core.memo import Memo
from ..core.model import Article, BodyHtml, LinkGraph, PlacedImage, RenderedBody, ResolvedLink
from ..core.urls import article_url, link_url
from ..markup.placeholders import BodyFill, finish_body
from ..trust.references import Citations
from .pathlinks import path_hrefs
from .pictures import body_image_parts


def finished_bodies(
    articles: Sequence[Article],
    bodies: Mapping[str, RenderedBody],
    graph: LinkGraph,
    titles: Mapping[str, str],
    images: Mapping[str, Sequence[PlacedImage]],
    citations: Mapping[str, Citations],
    base_path: str,
    memo: Memo[RenderedBody] | None = None,
) -> dict[str, RenderedBody]:
    """Slug → the body of each of ``articles`` with its placeholders filled: links resolved
    in ``graph`` (a ``[[link]]`` with no text shows the target's title from ``titles``),
    images as ``images`` placed them, citations as numbered, path links resolved
    (``pathlinks``). With a ``memo``
    (``core.memo``), a body filled with the same values as in the last build is the last
    build's (the very object, which later stages recognise)."""
    memo = memo or Memo()
    finished = {}
    for article in articles:
        body, placed = bodies[article.slug], images[article.slug]
        hrefs, texts = body_link_targets(graph.inline[article.slug], titles, base_path)
        parts = [body_image_parts(image, base_path) for image in placed]
        fill = BodyFill(
            link_hrefs=hrefs,
            link_texts=texts,
            path_hrefs=path_hrefs(body.path_links, article_url(article.slug), base_path),
            image_urls=[image.url for image in placed],
            image_attributes=[attributes for _, attributes in parts],
            image_sources=[sources for sources, _ in parts],
            citations=citations[article.slug].marks,
        )
        finished[article.slug] = memo(article.slug, (body, fill), partial(_finished, body, fill))
    return finished


def _finished(body: RenderedBody, fill: BodyFill) -> RenderedBody:
    return dataclasses.replace(body, html=BodyHtml(finish_body(body.html, fill)))


def body_link_targets(
    links: Sequence[ResolvedLink | None], titles: Mapping[str, str], base_path: str
) -> tuple[list[str], list[str]]:
    """``(hrefs, texts)`` for the body link placeholders of one article."""
    hrefs, texts = [], []
    for link in links:
        if link is None:
            hrefs.append("#")
            texts.append("")
        elif link.url is not None:
            hrefs.append(link.url)
            texts.append(link.url)
        else:
            hrefs.append(base_path + link_url(link))
            texts.append(titles[link.slug or ""])
    return hrefs, texts
