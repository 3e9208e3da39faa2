"""The See Also index (``/see-also/``): every article with its links out and in, grouped by
the initial of its title, and the articles with no link either way apart.

Up to ``ONE_PAGE_AT_MOST`` articles the index is one page, with a row of initials to jump
by. A larger site's would be too heavy for a phone as one page: each entry lists every
link out and in by title, some 4 KB an article in the benchmark corpus, so 8 MB at 2,000
articles. ``/see-also/`` then keeps the counts and the row of initials, each initial is a
page of its own (``/see-also/a/``; past ``ENTRIES_PER_PAGE`` entries, more pages:
``/see-also/a/page/2/``), and so are the articles not yet linked (``/see-also/unlinked/``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from ..core.model import Card, CardItem, CardList, PagePlan, Site
from ..core.slugs import by_number, slugify, sort_key
from .site import paginate
from .suggestions import reasons

INDEX_URL = "see-also/"
TITLE = "See Also index"
ONE_PAGE_AT_MOST = 200
"""Articles a one-page index holds; a site with more gets a page per initial."""
ENTRIES_PER_PAGE = 100
"""Entries on one page of an initial's, on a site whose index is split."""
UNLINKED = "unlinked"
"""The address of the not-yet-linked articles' page, under ``INDEX_URL``."""
_OTHER = "#"
"""The initial of titles that begin with a digit (after any leading marks), or hold no letter
or digit at all."""

Entry = Mapping[str, Any]
"""An index entry: an article's card with its ``outgoing`` and ``incoming`` links."""
PageMaker = Callable[..., PagePlan]
"""``PagePlanner.page``: a page's plan from its address, template and context."""


class CardShelf(Protocol):
    """The planner's cards, by slug, each made once a build."""

    def __getitem__(self, slug: str) -> Card: ...

    def listed(self, slugs: Iterable[str]) -> CardList: ...


def index_entries(
    site: Site, cards: CardShelf, see_also: Callable[..., list[dict[str, Any]]]
) -> list[CardItem]:
    """Every article in title order, as its card with its links out (``outgoing``), the
    articles that link to it (``incoming``) and the link most worth adding (``suggested``).
    ``see_also(slug, **extra)`` is the article's See Also items, as its page shows them."""
    entries = []
    for article in sorted(site.articles, key=lambda a: index_order(a.meta.title, a.slug)):
        slug = article.slug
        entries.append(
            CardItem.of(
                cards[slug],
                outgoing=_outgoing(site, cards, see_also(slug, in_text=False), slug),
                incoming=cards.listed(site.graph.backlinks.get(slug, ())),
                suggested=_suggested(site, cards, slug),
            )
        )
    return entries


def index_key(title: str) -> str:
    """``title``'s ``sort_key`` from its first letter or digit on: where a reader looks a
    title up. «Zinc», “Sleep”, ¿Qué? and ¡Ojo! are filed under Z, S, Q and O, not under
    ``_OTHER``, and ordered among the titles of their letter rather than, by the code point
    of their quote, after every letter. A title with no letter or digit keeps its key.
    Unicode counts the spacing modifier letters (U+02B0–U+02FF) as letters, but the ones a
    title starts with are marks written like an apostrophe, the Hawaiian ʻokina of ʻŌlelo
    above all: ʻŌlelo is looked up under O."""
    key = sort_key(title)
    for at, char in enumerate(key):
        if char.isalnum() and not _is_modifier_letter(char):
            return key[at:]
    return key


def _is_modifier_letter(char: str) -> bool:
    """Whether ``char`` is in Unicode's block of spacing modifier letters (``index_key``)."""
    return "\u02b0" <= char <= "\u02ff"


def index_order(title: str, slug: str) -> tuple[str, tuple[str | tuple[int, str], ...], str, str]:
    """The index's order: by ``initial`` first, so that each initial's titles come together
    (``_OTHER``, which sorts before the letters, gathers digits of every script), then by
    ``index_key`` with its numbers by value (``by_number``, as every list in title order:
    "2 tips" before "10 tips"); the exact title ("Zinc" and "zinc"), then the slug, settle
    ties the same way every build."""
    key = index_key(title)
    return _initial_of(key), by_number(key), title, slug


def initial(title: str) -> str:
    """The initial a title is filed under: the first letter of its ``index_key``, upper
    case, or ``_OTHER``."""
    return _initial_of(index_key(title))


def _initial_of(key: str) -> str:
    """``initial`` of a title whose ``index_key`` is ``key``."""
    first = key[:1].upper()
    return first if first.isalpha() and not _is_modifier_letter(first) else _OTHER


def _suggested(site: Site, cards: CardShelf, slug: str) -> CardItem | None:
    """The best link to add to the See Also of an article that lacks one or is linked
    from nowhere (``Site.suggested``): its card, and why (``why``)."""
    best = site.suggested.get(slug)
    return None if best is None else CardItem.of(cards[best.slug], why=reasons(best))


def _outgoing(
    site: Site, cards: CardShelf, items: list[dict[str, Any]], slug: str
) -> list[dict[str, Any]]:
    """The See Also ``items``, then the articles linked only in the body (``in_text``), each
    once in order of appearance: the same links that make up "Linked from" at the other end,
    so an article linked only in its text is not listed as a gap. Links to pages are no
    part of the index."""
    seen = {link.slug for link in site.graph.see_also.get(slug, ())}
    seen |= {page.slug for page in site.pages}  # the index lists articles alone
    for link in site.graph.inline.get(slug, ()):
        if link is not None and link.slug is not None and link.slug not in seen:
            seen.add(link.slug)
            items.append(CardItem.of(cards[link.slug], external=False, in_text=True))
    return items


@dataclass(frozen=True)
class Section:
    """The entries under one initial, or the articles not yet linked."""

    label: str
    """What the row of initials and the heading show: the initial, or "Not yet linked"."""
    slug: str
    """Its address under ``INDEX_URL`` when the index is split."""
    anchor: str
    """The id of its heading."""
    entries: Sequence[Entry]
    linked: bool
    """False for the articles not yet linked."""


def sections(entries: Sequence[Entry]) -> list[Section]:
    """``entries`` (in ``index_order``) under their initials, in that order, then the articles
    with no link either way. An initial's address is its letter (``É`` is filed under ``e``
    and its address is ``e``); an initial whose letter has no address of its own (Greek
    ``Α`` spelt ``a``, as Latin ``A`` is) is numbered by its place."""
    groups: dict[str, list[Entry]] = {}
    unlinked: list[Entry] = []
    for entry in entries:
        if not entry["outgoing"] and not entry["incoming"]:
            unlinked.append(entry)
            continue
        groups.setdefault(initial(entry["title"]), []).append(entry)
    made: list[Section] = []
    taken = {UNLINKED}
    for number, (letter, grouped) in enumerate(groups.items(), start=1):
        slug = "other" if letter == _OTHER else slugify(letter)
        if not slug or slug in taken:
            slug = f"initial-{number}"
        taken.add(slug)
        made.append(Section(letter, slug, f"Initial-{number}", grouped, linked=True))
    if unlinked:
        made.append(Section("Not yet linked", UNLINKED, "Unlinked", unlinked, linked=False))
    return made


def index_pages(entries: Sequence[Entry], page: PageMaker) -> Iterator[PagePlan]:
    """The index's pages: one, or (past ``ONE_PAGE_AT_MOST`` entries) ``/see-also/`` with the
    counts and initials, then each section's pages."""
    parts = sections(entries)
    counts = {
        "total": len(entries),
        "unlinked_total": sum(len(s.entries) for s in parts if not s.linked),
    }
    whole = {**counts, "section": None, "pagination": None}
    if len(entries) <= ONE_PAGE_AT_MOST:
        jump = [
            {"label": s.label, "url": None, "anchor": s.anchor, "current": False} for s in parts
        ]
        yield page(INDEX_URL, "see_also.html", title=TITLE, jump=jump, **whole, **_shown(parts))
        return
    jump = [
        {"label": s.label, "url": f"{INDEX_URL}{s.slug}/", "anchor": None, "current": False}
        for s in parts
    ]
    yield page(INDEX_URL, "see_also.html", title=TITLE, jump=jump, **whole, **_shown([]))
    for part in parts:
        yield from _section_pages(part, page, jump, counts)


def _section_pages(
    part: Section, page: PageMaker, jump: list[dict[str, Any]], counts: dict[str, int]
) -> Iterator[PagePlan]:
    first = f"{INDEX_URL}{part.slug}/"
    chunks = paginate(part.entries, ENTRIES_PER_PAGE)

    def url_of(number: int) -> str:
        return first if number == 1 else f"{first}page/{number}/"

    name = part.label if part.linked else part.label.lower()
    for number, chunk in enumerate(chunks, start=1):
        pagination = {
            "page": number,
            "pages": len(chunks),
            "prev": url_of(number - 1) if number > 1 else None,
            "next": url_of(number + 1) if number < len(chunks) else None,
        }
        yield page(
            url_of(number),
            "see_also.html",
            title=f"{TITLE}: {name}" + (f" (page {number})" if number > 1 else ""),
            jump=[{**item, "current": item["url"] == first} for item in jump],
            section={"label": part.label, "count": len(part.entries)},
            pagination=pagination,
            **counts,
            **_shown([Section(part.label, part.slug, part.anchor, chunk, part.linked)]),
        )


def _shown(parts: Sequence[Section]) -> dict[str, Any]:
    """What a page of the index lists: ``groups`` (an initial, the id of its heading, its
    entries) and ``unlinked`` (the entries of articles not yet linked)."""
    return {
        "groups": [
            {"initial": s.label, "anchor": s.anchor, "entries": s.entries}
            for s in parts
            if s.linked
        ],
        "unlinked": [entry for s in parts if not s.linked for entry in s.entries],
    }
