"""A heading of the text that names the article's sources (``## References``, ``##
Sources``), where its ``references:`` are listed already.

Writers used to other tools end an article with a sources section of their own. Beside
``references:``, the page shows it, then the References list the build makes from them: two
lists of sources under one name, one of them unchecked and unnumbered. A warning at the
heading's line says so; an article without ``references:`` keeps its section unremarked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from ..core.errors import Diagnostic
from ..core.model import Article, RenderedBody

_NAMES = frozenset(("references", "sources"))
"""What such a heading says, in any case, a colon after it or not."""
_HEADINGS = (
    re.compile(r"^ {0,3}#{2,3}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE),
    re.compile(r"^ {0,3}(\S.*?)[ \t]*\n {0,3}-+[ \t]*$", re.MULTILINE),  # underlined: ##
)


def _names_sources(text: str) -> bool:
    return text.strip().rstrip(":").strip().casefold() in _NAMES


def own_references_warnings(
    articles: Iterable[Article], bodies: Mapping[str, RenderedBody]
) -> list[Diagnostic]:
    """A warning at each ``##`` or ``###`` heading naming sources in the text of an article
    that has ``references:``, at its line."""
    warnings = []
    for article in articles:
        if not article.meta.references:
            continue
        for entry in bodies[article.slug].toc:
            if _names_sources(entry.text):
                warnings.append(
                    Diagnostic(
                        f"a heading '{entry.text}' in the text: the page lists the article's"
                        " 'references:' under a References heading of its own, after the text,"
                        " so it would show two lists of sources",
                        article.source,
                        _line(article, entry.text),
                        "remove this heading, and the list under it once each of its sources"
                        " is an item of 'references:' (cited in the text as [^id])",
                    )
                )
    return warnings


def _line(article: Article, text: str) -> int:
    """The line of the heading reading ``text`` in ``article``'s body (its first, should a
    heading's markup make it read otherwise)."""
    for heading in _HEADINGS:
        for found in heading.finditer(article.body):
            if found[1].strip() == text.strip():
                return article.body_line + article.body.count("\n", 0, found.start())
    return article.body_line
