"""Every address on the web that a site points readers to, with each place.

``check --links`` asks for each address once, however many articles use it, and reports a
dead or moved one at every place it is written: an item of ``references:``, a ``see_also``
item, a link in the body of an article or page (``[text](https://…)``, ``<https://…>``,
``[[https://…|text]]``), an entry of ``site.yaml`` ``menu:``. Works on the records alone, so
it is tested with literal data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urldefrag

from ..core.layout import CONFIG_FILE
from ..core.model import Article, MenuItem, RenderedBody
from ..core.weburl import is_web_address, labelled_address


@dataclass(frozen=True, slots=True)
class Place:
    """Where an article names an address."""

    path: str
    """The article's file, relative to the site root."""
    line: int
    """1-based line in that file."""
    kind: str
    """``reference``, ``see_also``, ``link`` or ``menu``: what the author wrote there."""


def web_links(
    articles: Iterable[Article],
    bodies: Mapping[str, RenderedBody],
    menu: Iterable[MenuItem] = (),
) -> dict[str, tuple[Place, ...]]:
    """Address (without its ``#fragment``, which a server never sees) → every place naming
    it (the ``menu`` entries first, then the files of ``articles``, pages among them, in
    file and line order); the addresses in the order of their first place."""
    named = [(Place(CONFIG_FILE, item.line, "menu"), item.link.strip()) for item in menu]
    for article in sorted(articles, key=lambda a: a.source):
        body = bodies[article.slug]
        written = [
            *((r.url_line or r.line, "reference", r.url) for r in article.meta.references),
            *((s.line, "see_also", _see_also_address(s.target)) for s in article.meta.see_also),
            *((link.line, "link", link.target.strip()) for link in body.links),
            *((link.line, "link", link.target) for link in body.web_links),
        ]
        written.sort(key=lambda w: w[0])
        named += [(Place(article.source, line, kind), url) for line, kind, url in written]
    found: dict[str, list[Place]] = {}
    for place, url in named:
        if is_web_address(url):
            found.setdefault(urldefrag(url).url, []).append(place)
    return {url: tuple(places) for url, places in found.items()}


def _see_also_address(target: str) -> str:
    """The web address of a See Also item, without the title it may give (``url|Title``)."""
    labelled = labelled_address(target)
    return labelled[0] if labelled else target.strip()
