"""Link fragments: the ``#id`` of a link must name an element its target page really has.

A ``#section`` that matches nothing publishes a link that silently lands at the top of the
page, and a renamed heading breaks every link into it without a word. So every ``#id`` an
author writes is checked: in a body link to another article (``[x](other.md#id)``,
``[[Title#id]]``, ``[[slug#id|text]]``), in a ``see_also`` item (``other-slug#id``) and in a
body link to the article's own page (``[x](#id)``).

The ids a page has, for this check, are the article's own: every ``id=`` (and ``<a name=>``)
of its rendered body — heading ids, citation ids (``cite-N``), ids in raw HTML when
``allow_html`` is on — and its reference list's (``ref-N``). The ids the theme puts around
the body (``main``, ``comments``, ``see-also-title``…) do not count: they come from
templates a site may override and appear or not with settings (comments, a contents list),
so a link to one could break with no article changing. An empty fragment and ``#top`` are
the top of the page (HTML's own rule) and always fine.

The written fragment is percent-decoded, then compared exactly (HTML ids are
case-sensitive). The build runs this on every build over every article, cached bodies
included, so a rebuild in which only the target changed still reports the link it broke.
Works on plain records, so every rule is tested with literal data.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from urllib.parse import unquote

from selectolax.lexbor import LexborHTMLParser

from ..core.errors import LinkError, closest, suggestion
from ..core.model import Article, LinkGraph, LinkRef, RenderedBody, ResolvedLink
from ..core.pageids import THEME_IDS, is_reserved
from ..core.records import record
from ..trust.references import Citations

TOP = "top"
"""The fragment HTML scrolls to the top of the page for when no element has that id."""
LISTED_IDS = 5
"""How many of a page's ids a message lists when none is close to the one written."""


@record
class FragmentLink:
    """A link that names an ``#id``: where it is written, and the page it points to."""

    kind: str
    """``link`` (in the body) or ``see_also``, as link errors name them."""
    written: str
    """The link as the author wrote it, for the message."""
    path: str
    """The linking file."""
    line: int
    """1-based line of the link in that file."""
    target: str
    """Slug of the linked article (the linking one itself for ``#id``)."""
    fragment: str
    """The part after ``#``, as written (perhaps percent-encoded)."""


@record
class PageIds:
    """The ids a link may name on one article's page."""

    path: str
    """The article's file, to name in messages."""
    ids: tuple[str, ...]
    """Body ids in document order, then the reference list's; each once."""


def page_ids(path: str, body_html: str, extra: Iterable[str] = ()) -> PageIds:
    """The ids of ``body_html`` (``id=`` of any element, ``name=`` of an ``<a>``) and
    ``extra`` (ids the page adds for the article, such as its references' ``ref-N``),
    parsed as a browser parses them."""
    tree = LexborHTMLParser(body_html)
    found = [node.attributes.get("id") for node in tree.css("[id]")]
    found += [node.attributes.get("name") for node in tree.css("a[name]")]
    found += extra
    return PageIds(path, tuple(dict.fromkeys(i for i in found if i)))


def resolved_fragments(
    kind: str,
    path: str,
    refs: Sequence[LinkRef],
    resolved: Sequence[ResolvedLink | None],
) -> Iterator[FragmentLink]:
    """The links among ``refs`` (resolved as ``resolved``, item by item) that reached an
    article and name a fragment; unresolved ones are already errors of their own."""
    for ref, link in zip(refs, resolved, strict=True):
        if link is not None and link.slug is not None and link.fragment:
            yield FragmentLink(kind, ref.target, path, ref.line, link.slug, link.fragment)


def same_page_fragments(path: str, slug: str, refs: Iterable[LinkRef]) -> Iterator[FragmentLink]:
    """The ``#id`` links of article ``slug`` (file ``path``) to its own page."""
    for ref in refs:
        yield FragmentLink("link", ref.target, path, ref.line, slug, ref.target.removeprefix("#"))


def fragment_problems(
    links: Iterable[FragmentLink], ids_of: Callable[[str], PageIds | None]
) -> list[LinkError]:
    """An error at each link whose fragment names no id of its target page;
    ``ids_of(slug)`` gives a page's ids, or None when they are unknown (a target that could
    not be read is an error of its own: a link into it is not reported on top of that)."""
    problems = []
    for link in links:
        page = ids_of(link.target)
        if page is None:
            continue
        problem = _problem(link, page)
        if problem is not None:
            problems.append(problem)
    return problems


def _problem(link: FragmentLink, page: PageIds) -> LinkError | None:
    wanted = unquote(link.fragment)
    if not wanted or wanted.lower() == TOP or wanted in page.ids:
        return None
    where = "this article" if link.path == page.path else page.path
    near = _closest(wanted, page.ids)
    return LinkError(
        f"{link.kind} '{link.written}': {where} has no id '{wanted}'{suggestion(near, wanted)}",
        link.path,
        link.line,
        _hint(wanted, page.ids, near),
    )


def _closest(wanted: str, ids: Sequence[str]) -> list[str]:
    """Up to three ids close to ``wanted``, best first: any that differ from it only in
    Unicode form, and for an id the page keeps for itself (``## Comments``, ``#comments``)
    the one its heading got instead (``comments-section``, see ``anchors.unique_id``) —
    both of which ``closest`` may rank low — then the most similar."""
    normal = unicodedata.normalize("NFC", wanted)
    twins = [i for i in ids if unicodedata.normalize("NFC", i) == normal]
    if is_reserved(wanted):
        twins += [i for i in ids if i.startswith(f"{wanted}-section")]
    return list(dict.fromkeys([*twins, *closest(wanted, ids)]))[:3]


def _hint(wanted: str, ids: Sequence[str], near: Sequence[str]) -> str:
    if wanted in THEME_IDS:
        return (
            f"'#{wanted}' is an id of the theme, which templates and settings may change or "
            "leave out: link to the article itself, or to one of its headings"
        )
    if not ids:
        return "the page has no ids to link to: drop the '#…', or give it a '## heading'"
    if near:
        return "ids are case-sensitive; a heading's id is shown by the # link beside it"
    listed = ", ".join(ids[:LISTED_IDS]) + (", …" if len(ids) > LISTED_IDS else "")
    return f"use one of its ids ({listed}); a heading's id is shown by the # link beside it"


def article_fragment_problems(
    articles: list[Article],
    raw: Mapping[str, RenderedBody],
    graph: LinkGraph,
    citations: Mapping[str, Citations],
    damaged: list[Article],
    elsewhere: Iterable[FragmentLink] = (),
    damaged_raw: Mapping[str, RenderedBody] = MappingProxyType({}),
) -> list[LinkError]:
    """Links whose ``#id`` their target page lacks (see ``fragments``): the articles' and
    those ``elsewhere`` (the menu's). Run on every build over every article, cached or not,
    so a change to a target alone is enough to report the links it broke; a page's ids are
    parsed only if a link names one.
    Files sharing a slug (with each other or with a ``damaged`` file, whose links the graph
    holds too) are left out: the graph and the bodies hold one of them, by slug, and the
    shared slug is an error of its own. A damaged file's links are checked where its body
    is in ``damaged_raw`` (slug → body); its own ids are unknown, as its citations' are."""
    every = Counter(a.slug for a in [*articles, *damaged])
    shared = {slug for slug, count in every.items() if count > 1}
    sources = {a.slug: a.source for a in articles if a.slug not in shared}

    @functools.cache
    def ids_of(slug: str) -> PageIds | None:
        if slug not in raw or slug not in sources:  # not built (a damaged file), or shared
            return None
        listed = citations[slug]
        extra = [*(m.anchor for m in listed.marks), *(r.anchor for r in listed.listed)]
        return page_ids(sources[slug], raw[slug].html, extra)

    linking = [(a, raw) for a in articles] + [(a, damaged_raw) for a in damaged]
    links = [
        link
        for a, bodies in linking
        if a.slug not in shared and a.slug in bodies
        for link in (
            *resolved_fragments("see_also", a.source, a.meta.see_also, graph.see_also_each[a.slug]),
            *resolved_fragments("link", a.source, bodies[a.slug].links, graph.inline[a.slug]),
            *same_page_fragments(a.source, a.slug, bodies[a.slug].same_page_links),
        )
    ]
    links += [link for link in elsewhere if link.target not in shared]
    return fragment_problems(links, ids_of)
