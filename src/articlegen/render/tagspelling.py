"""Tags that look like one tag spelt two ways: ``testosteron`` on one article and
``testosterone`` on twelve make two tag pages, each listing part of the articles, and no
check said so (tags written differently that make one slug, ``Omega-3`` and ``omega 3``,
share one page: ``sitechecks.shared_tag_warnings``). Said as notes, not warnings: two
similar tags may be meant (``Dysphagia`` and ``Dysphasia``), and a warning would fail the
``--strict`` builds of sites that built before.

The rule is narrow on purpose, and judges the tags' slugs (so case, accents and spacing
are settled already). Two tags look alike when they have the same letters but for hyphens
(``lowt`` and ``low-t``, ``vitamin-b-12`` and ``vitamin-b12``; not a hyphen between two
digits), or the same words but one, and that word is the other's plural (``supplement``
and ``supplements``, ``allergy`` and ``allergies``) or one slip of the keys from it: a
letter added, left out or changed, or two side by side swapped (``testosteron``,
``excercise``, ``fibre``), in words of five letters or more that start alike (``mental``
and ``dental``, ``weight`` and ``height`` are other words), and not the other with a ``y``
(``health``, ``healthy``). A word holding a digit never differs by a slip: ``vitamin-b6``
and ``vitamin-b12``, ``type-1`` and ``type-2`` are other tags. Two tags one article has
both are meant as two.

Tags that look alike in a chain (``fibre`` like ``fiber`` and like ``fibres``, which do not
look like each other) are one cluster, and each of its tags but the most used is told to
become that one: told one by one, the chain would tell an article with ``fibre`` to write
``fiber`` and also ``fibres``. A tag like that one only through others says which; on a
tie, the spelling's files are offered the tag's spelling instead only when one tag ties.

Cost: each tag gives a few keys (its letters without hyphens; per word, the word with one
letter left out, and its singular), and only tags sharing a key are compared: the work
grows with the tags' letters, not with their pairs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..core.console import counted
from ..core.model import Site, Tag
from ..core.slugs import NaturalKey, natural_order
from ..core.urls import tag_url

MOST_NOTES = 5
"""Tags told their spelling one note each; the rest are named in one more note."""
SHOWN = 3
"""Files a note names before counting the rest."""
_SLIP_LETTERS = 5
"""The shortest word a one-letter slip is judged in: in shorter ones it is another word."""
_HYPHEN = re.compile(r"(?<![0-9])-|-(?![0-9])")
"""A hyphen not between two digits (``1-2`` is not ``12``)."""


def tag_spelling_notes(site: Site) -> list[str]:
    """A note for each of the site's tags that looks like another spelling of a better-used
    one, naming that one (``look_alike_tags``); past ``MOST_NOTES``, one more names the rest."""
    by_slug = {tag.slug: tag for tag in site.tags}
    links = _links(by_slug)
    offers = spelling_offers(_pairs(by_slug, links))
    sources = {article.slug: article.source for article in site.articles}
    base = site.config.base_url
    notes = [
        _note(
            rare,
            common,
            either,
            [by_slug[s].name for s in _through(links, rare, common)],
            sources,
            base,
        )
        for rare, common, either in offers[:MOST_NOTES]
    ]
    if len(offers) > MOST_NOTES:
        rest = ", ".join(
            f"'{rare.name}' and '{common.name}'" for rare, common, _ in offers[MOST_NOTES:]
        )
        notes.append(f"{counted(len(offers) - MOST_NOTES, 'more pair')} of tags look alike: {rest}")
    return notes


def look_alike_tags(tags: Iterable[Tag]) -> list[tuple[Tag, Tag]]:
    """Each tag that looks like another spelling of a better-used one, as (the tag, the
    spelling to write): the most-used tag of its cluster, the tags linked by looking alike
    (``fibre`` like both ``fiber`` and ``fibres``: all three), so that no tag is told to
    become two others, nor one told to change is named as another's spelling. A tag one of
    whose articles has that spelling too is meant as another. Those whose spelling has the
    most articles first."""
    by_slug = {tag.slug: tag for tag in tags}
    return _pairs(by_slug, _links(by_slug))


def spelling_offers(pairs: list[tuple[Tag, Tag]]) -> list[tuple[Tag, Tag, bool]]:
    """Each pair, and whether the spelling's files are offered the tag's spelling too: on a
    tie in articles, when that tag is the only one of its cluster tied with the spelling (two
    tied, ``fiber`` and ``fibre`` with ``fibres``, would offer ``fibres``'s files both)."""
    tied = [common.slug for rare, common in pairs if len(rare.articles) == len(common.articles)]
    return [
        (rare, common, len(rare.articles) == len(common.articles) and tied.count(common.slug) == 1)
        for rare, common in pairs
    ]


def _pairs(by_slug: dict[str, Tag], links: dict[str, set[str]]) -> list[tuple[Tag, Tag]]:
    """``look_alike_tags``'s answer, from the tags and what each looks like."""
    pairs: list[tuple[Tag, Tag]] = []
    for cluster in _clusters(links):
        *rare, common = sorted((by_slug[slug] for slug in cluster), key=_use)
        pairs += [(tag, common) for tag in rare if not _shared(tag, common)]
    return sorted(pairs, key=lambda pair: (-len(pair[1].articles), natural_order(pair[0].slug)))


def _through(links: dict[str, set[str]], rare: Tag, common: Tag) -> list[str]:
    """The tags between ``rare`` and ``common`` on a shortest chain of look-alikes: none
    when the two look alike themselves."""
    start, end = rare.slug, common.slug
    came = {start: start}  # each tag reached: the one it was reached from
    ring = [start]
    while end not in came:
        reached = {n: at for at in reversed(ring) for n in links[at] if n not in came}
        came |= reached
        ring = sorted(reached)
    chain = [came[end]]
    while chain[-1] != start:
        chain.append(came[chain[-1]])
    return chain[-2::-1]


def _links(by_slug: dict[str, Tag]) -> dict[str, set[str]]:
    """Each slug's slugs that look like it (``_alike``) on none of its articles."""
    links: dict[str, set[str]] = {}
    for one, other in _candidates(by_slug):
        if _alike(one, other) and not _shared(by_slug[one], by_slug[other]):
            links.setdefault(one, set()).add(other)
            links.setdefault(other, set()).add(one)
    return links


def _clusters(links: dict[str, set[str]]) -> Iterator[set[str]]:
    """The slugs linked to each other, directly or through others, each group once."""
    seen: set[str] = set()
    for start in links:
        if start in seen:
            continue
        cluster, todo = {start}, [start]
        while todo:
            found = links[todo.pop()] - cluster
            cluster |= found
            todo += found
        seen |= cluster
        yield cluster


def _shared(one: Tag, other: Tag) -> bool:
    """Whether an article has both tags: then they are meant as two."""
    return not set(one.articles).isdisjoint(other.articles)


def _candidates(tags: Iterable[str]) -> Iterator[tuple[str, str]]:
    """Each pair of slugs that share a key, once."""
    buckets: dict[tuple[str, ...], list[str]] = {}
    for slug in tags:
        for key in _keys(slug):
            buckets.setdefault(key, []).append(slug)
    seen: set[tuple[str, str]] = set()
    for slugs in buckets.values():
        for i, one in enumerate(slugs):
            for other in slugs[i + 1 :]:
                pair = (one, other) if one < other else (other, one)
                if pair not in seen:
                    seen.add(pair)
                    yield pair


def _keys(slug: str) -> set[tuple[str, ...]]:
    """Keys any tag that looks like ``slug`` shares with it: its letters without hyphens,
    and its words with one of them as ``_variants`` gives it."""
    words = slug.split("-")
    keys: set[tuple[str, ...]] = {("", _HYPHEN.sub("", slug))}
    for i, word in enumerate(words):
        for variant in _variants(word):
            keys.add((str(i), *words[:i], variant, *words[i + 1 :]))
    return keys


def _variants(word: str) -> set[str]:
    """The word, its singular stems, and, when a slip in it would count, the word with each
    letter left out: a plural and its singular, or two words one slip apart, share one."""
    if any(char.isdigit() for char in word):
        return {word}
    found = {word, word.removesuffix("s"), word.removesuffix("es")}
    if word.endswith("ies"):
        found.add(word[:-3] + "y")
    if len(word) >= _SLIP_LETTERS:
        found.update(word[:i] + word[i + 1 :] for i in range(len(word)))
    return found


def _alike(one: str, other: str) -> bool:
    """Whether two slugs look like one tag spelt two ways (the rule in the docstring above)."""
    if _HYPHEN.sub("", one) == _HYPHEN.sub("", other):
        return True
    words, others = one.split("-"), other.split("-")
    differ = [(a, b) for a, b in zip(words, others, strict=False) if a != b]
    if len(words) != len(others) or len(differ) != 1:
        return False
    short, long = sorted(differ[0], key=len)
    if any(char.isdigit() for char in short + long):
        return False
    return _plural(short, long) or _slip(short, long)


def _plural(short: str, long: str) -> bool:
    if len(short) < 3:
        return False
    return long in (short + "s", short + "es") or (
        short.endswith("y") and long == short[:-1] + "ies"
    )


def _slip(short: str, long: str) -> bool:
    """One letter added, left out or changed, or two side by side swapped, in words that
    start alike, of ``_SLIP_LETTERS`` or more, neither the other with a ``y``."""
    if len(short) < _SLIP_LETTERS or short[0] != long[0] or long == short + "y":
        return False
    at = next((i for i, (a, b) in enumerate(zip(short, long, strict=False)) if a != b), len(short))
    if len(long) == len(short) + 1:
        return short[at:] == long[at + 1 :]
    if len(long) != len(short):
        return False
    swapped = short[at : at + 2] == long[at : at + 2][::-1]
    return short[at + 1 :] == long[at + 1 :] or (swapped and short[at + 2 :] == long[at + 2 :])


def _use(tag: Tag) -> tuple[int, NaturalKey]:
    """Sorts tags least used first (on a tie, the first in the tags' order)."""
    return len(tag.articles), natural_order(tag.slug)


def _note(
    rare: Tag, common: Tag, either: bool, through: list[str], sources: dict[str, str], base: str
) -> str:
    """``content/a.md: tag 'Testosteron' (1 article) looks like 'Testosterone' (12
    articles) spelt another way … — write 'Testosterone' in it …``; on a tie in articles,
    each spelling with the files that would take it (``write one spelling in both:
    'Testosterone' in content/a.md, or 'Testosteron' in content/b.md``). The tag pages are named
    by their addresses under ``base`` (the site's ``base_url``), as readers reach them and
    as the note of addresses moved away names pages: on a site under a base path
    (``/blog/``) a path from the domain's root would lead elsewhere. A tag linked to its
    spelling only by others in its chain says so (``through 'fibre'``); the files of a
    spelling tied with more than one tag are offered none (``spelling_offers``)."""
    files = _files(rare, sources)
    fix = f"write '{common.name}' in {'it' if len(rare.articles) == 1 else 'them'}"
    if either:  # a tie: no telling which is the slip
        every = "both" if len(rare.articles) == 1 else "all of them"
        fix = f"write one spelling in {every}: '{common.name}' in {files}, or '{rare.name}' in "
        fix += _files(common, sources)
    pages = f"{base}{tag_url(rare.slug)} and {base}{tag_url(common.slug)}"
    return (
        f"{files}: tag '{rare.name}' ({counted(len(rare.articles), 'article')}) looks like "
        f"'{common.name}' ({counted(len(common.articles), 'article')}) spelt another way"
        + (" through " + " and ".join(f"'{name}'" for name in through) if through else "")
        + ", so "
        f"each has a tag page of its own, {pages}, listing part of the articles — if they "
        f"are one tag, {fix}; if they are two, leave them"
    )


def _files(tag: Tag, sources: dict[str, str]) -> str:
    """The content files of the tag's articles, ``SHOWN`` named and the rest counted."""
    files = sorted(sources[slug] for slug in tag.articles)
    named = ", ".join(files[:SHOWN])
    return named + (f" and {len(files) - SHOWN:,} more" if len(files) > SHOWN else "")
