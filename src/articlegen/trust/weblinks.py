"""Every address on the web that a site's articles point readers to, with each place.

``check --links`` asks for each address once, however many articles use it, and reports a
dead or moved one at every place it is written: an item of ``references:``, a ``see_also``
item, a link in a body (``[text](https://…)``, ``<https://…>``, ``[[https://…|text]]``).
Works on the records alone, so it is tested with literal data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urldefrag

from ..core.model import Article, RenderedBody
from ..core.weburl import is_web_address


@dataclass(frozen=True, slots=True)
class Place:
    """Where an article names an address."""

    path: str
    """The article's file, relative to the site root."""
    line: int
    """1-based line in that file."""
    kind: str
    """``reference``, ``see_also`` or ``link``: what the author wrote there."""


def web_links(
    articles: Iterable[Article], bodies: Mapping[str, RenderedBody]
) -> dict[str, tuple[Place, ...]]:
    """Address (without its ``#fragment``, which a server never sees) → every place naming
    it, in file and line order; the addresses in the order of their first place."""
    found: dict[str, list[Place]] = {}
    for article in sorted(articles, key=lambda a: a.source):
        body = bodies[article.slug]
        named = [
            *((r.url, r.url_line or r.line, "reference") for r in article.meta.references),
            *((s.target.strip(), s.line, "see_also") for s in article.meta.see_also),
            *((link.target.strip(), link.line, "link") for link in body.links),
            *((link.target, link.line, "link") for link in body.web_links),
        ]
        for url, line, kind in sorted(named, key=lambda n: n[1]):
            if is_web_address(url):
                found.setdefault(urldefrag(url).url, []).append(Place(article.source, line, kind))
    return {url: tuple(places) for url, places in found.items()}
