"""The link graph a failing build's pages are planned from, without the files whose
front-matter failed (``Sources.damaged``).

A build that fails still plans its pages, for the addresses its path links are checked
against (``build``, ``rendering.planned_headers``). A page shows the articles it links to
and those that link to it by their cards and titles, and a file whose header failed has
neither: left in the graph, the planning met it and gave up, and every path link of the
site went unchecked until the header was fixed.
"""

from __future__ import annotations

import dataclasses

from ..core.model import LinkGraph, ResolvedLink
from .sources import Sources


def without_damaged(graph: LinkGraph, sources: Sources) -> LinkGraph:
    """``graph`` with no link to or from a damaged file (``Sources.damaged``) whose slug no
    readable article has, for the pages of a failing build, planned for its path links'
    check (``build``): a page shows the articles it links to and those linking to it by
    their cards and titles, which a file whose header failed has not. The links stay
    checked: the graph the checks judge keeps them."""
    gone = {a.slug for a in sources.damaged} - {a.slug for a in sources.articles}
    if not gone:
        return graph

    def kept(links: tuple[ResolvedLink | None, ...]) -> tuple[ResolvedLink | None, ...]:
        return tuple(None if link is not None and link.slug in gone else link for link in links)

    linked = (
        (slug, tuple(s for s in linkers if s not in gone))
        for slug, linkers in graph.backlinks.items()
    )
    return dataclasses.replace(
        graph,
        see_also={
            slug: tuple(link for link in links if link.slug not in gone)
            for slug, links in graph.see_also.items()
        },
        inline={slug: kept(links) for slug, links in graph.inline.items()},
        see_also_each={slug: kept(links) for slug, links in graph.see_also_each.items()},
        backlinks={slug: linkers for slug, linkers in linked if linkers},
    )
