"""The warnings about how an article's ``tags:`` are written: one tag where several were
most likely meant (a comma in it, a ``- `` item indented under the one above, a tag YAML
read from two lines), and two spellings sharing one tag page."""

from __future__ import annotations

from collections.abc import Iterable

from ..core.errors import Diagnostic
from ..core.model import Article
from ..core.slugs import slugify
from ..core.urls import tag_url


def tag_warnings(articles: Iterable[Article], base: str) -> list[Diagnostic]:
    """Every warning of this module, in the order a build tells them; ``base``: the site's
    ``base_url``, for the address of a tag page."""
    return [
        *comma_tag_warnings(articles),
        *dashed_tag_warnings(articles),
        *split_tag_warnings(articles),
        *shared_tag_warnings(articles, base),
        *merged_tag_warnings(articles, base),
    ]


def comma_tag_warnings(articles: Iterable[Article]) -> list[Diagnostic]:
    """A tag holding a comma: ``tags: sleep, heart`` (as other blog tools take tags) is one
    YAML text, so one tag with one page, where two were almost surely meant."""
    return [
        Diagnostic(
            f"tag '{tag}' holds a comma, so it is one tag",
            article.source,
            article.meta.lines.get("tags"),
            "for several tags write a list: tags: [" + ", ".join(_split(tag)) + "]",
        )
        for article in articles
        for tag in article.meta.tags
        if "," in tag
    ]


def dashed_tag_warnings(articles: Iterable[Article]) -> list[Diagnostic]:
    """A tag holding `` - ``: a list item indented further than the one above it (``- sleep``
    then ``   - heart health``) is, to YAML, more words of that item, so one tag where two
    were meant, and no error says so."""
    return [
        Diagnostic(
            f"tag '{tag}' holds ' - ', so it is one tag",
            article.source,
            article.meta.lines.get("tags"),
            "if it was meant as several, start each '- ' of the list at the same indent:"
            " tags: [" + ", ".join(part.strip() for part in tag.split(" - ")) + "]",
        )
        for article in articles
        for tag in article.meta.tags
        if " - " in tag
    ]


def split_tag_warnings(articles: Iterable[Article]) -> list[Diagnostic]:
    """A tag YAML read from two lines or more (``tags: [men's health, sleep`` then
    ``hygiene]``, or a ``- sleep`` item with ``hygiene`` under it): it joins them into one
    tag, ``sleep hygiene``, where a comma or a ``- `` left out most likely meant two, and no
    error says so. At the line it starts on; a tag holding a comma or `` - `` is told of by
    those warnings."""
    warnings = []
    for article in articles:
        for parts, line in article.meta.split_tags:
            tag = " ".join(parts)
            if "," in tag or " - " in tag:
                continue
            named = ", ".join(f"'{part}'" for part in parts[:-1]) + f" and '{parts[-1]}'"
            warnings.append(
                Diagnostic(
                    f"tag '{tag}' is written over {len(parts)} lines, which YAML joins into"
                    " one tag",
                    article.source,
                    line,
                    f"if you meant {len(parts)} tags, {named}, write them as items of the list"
                    f" ([{', '.join(parts)}], or each after its own '- '); if you meant one"
                    " tag, write it on one line",
                )
            )
    return warnings


def _split(tag: str) -> list[str]:
    return [part.strip() for part in tag.split(",") if part.strip()]


def shared_tag_warnings(articles: Iterable[Article], base: str) -> list[Diagnostic]:
    """Two tags written differently, not only in case, that make the same URL (``C++`` and
    ``C``, ``Omega-3`` and ``Omega 3``): they share one tag page, named as one of them, so a
    reader looking for either finds both. ``Sleep`` and ``sleep`` are one tag by design.
    Warned once per spelling, where it is first written after the first; the page named by
    its address under ``base`` (the site's ``base_url``), as readers reach it."""
    first: dict[str, str] = {}  # a tag page's slug -> the first spelling seen
    warned: set[str] = set()
    warnings = []
    for article in articles:
        for tag in article.meta.tags:
            slug = slugify(tag)  # remembered by slugify: the same few tags on every article
            seen = first.setdefault(slug, tag)
            if seen.casefold() == tag.casefold() or tag.casefold() in warned:
                continue
            warned.add(tag.casefold())
            warnings.append(
                Diagnostic(
                    f"tags '{tag}' and '{seen}' share one page, {base}{tag_url(slug)}"
                    f" (both make the URL '{slug}')",
                    article.source,
                    article.meta.lines.get("tags"),
                    "if they are one tag, write it one way; if not, add a word to one"
                    " so that its URL differs",
                )
            )
    return warnings


def merged_tag_warnings(articles: Iterable[Article], base: str) -> list[Diagnostic]:
    """Two tags of one list, written differently (not only in case), that make the same
    page (``tags: [C, C#]``, both ``/tags/c/``): the article is listed there once, under
    the first, and the second is shown nowhere. At the second's line, the page named by its
    address under ``base``."""
    return [
        Diagnostic(
            f"tags '{tag}' and '{kept}' of this list make one page, {base}{tag_url(slugify(tag))}"
            f" (both make the URL '{slugify(tag)}'), so '{tag}' is left out",
            article.source,
            line,
            f"if they are one tag, remove '{tag}'; if not, add a word to one so that its URL"
            " differs",
        )
        for article in articles
        for tag, kept, line in article.meta.merged_tags
    ]
