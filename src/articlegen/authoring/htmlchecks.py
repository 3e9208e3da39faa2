"""Saved pages the importer refuses before converting them: a redirect stub, which holds no
article, and a page whose elements nest deeper than the converter goes."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..core.errors import SourceError
from ..core.limits import MAX_IMPORT_DEPTH
from .htmlmeta import attribute, plain_text

_REFRESH_URL = re.compile(r"""^\s*([\d.]*)\s*[;,]?\s*url\s*=\s*['"]?([^'"\s]+)""", re.IGNORECASE)
_REDIRECT_WORDS = 40
_REDIRECT_DELAY = 5.0
"""The longest delay of a redirect stub's refresh, in seconds: a page that reloads itself
every few minutes (a clinic's opening hours, a live blog) is an article."""


def check_redirect(tree: LexborHTMLParser, path: str) -> None:
    """Refuse a redirect stub (a ``<meta http-equiv="refresh">`` naming an address after at
    most a few seconds, with at most a line such as ``Redirecting to …`` in its body), which
    holds no article: the page to save is the one it sends the reader to. Its canonical link
    is no evidence of a page reloading itself, as jekyll-redirect-from and Hugo's aliases
    make it the refresh's target; a page that reloads itself has its own text."""
    content = attribute(tree.css_first('meta[http-equiv="refresh" i]'), "content")
    if (found := _REFRESH_URL.match(content)) is None or _delay(found.group(1)) > _REDIRECT_DELAY:
        return
    body = tree.body
    if body is not None and len(plain_text(body).split()) > _REDIRECT_WORDS:
        return
    url = found.group(2)
    raise SourceError(
        f"the page is a redirect to {url}, not an article",
        path,
        hint=f"save the page at {url} (with the browser's Save Page As) and import that file",
    )


def _delay(seconds: str) -> float:
    """A refresh's delay in seconds (none written, or unreadable: 0, as browsers take it)."""
    try:
        return float(seconds)
    except ValueError:
        return 0.0


def check_depth(main: LexborNode, path: str) -> None:
    """Refuse a page whose elements nest deeper than ``MAX_IMPORT_DEPTH``: the writer goes
    down the tree by recursion, and each level of a quote or list costs a pass over the
    text below it. Real pages nest a few dozen levels; measured without recursion."""
    pending = [(main, 0)]
    while pending:
        node, depth = pending.pop()
        if depth > MAX_IMPORT_DEPTH:
            raise SourceError(
                f"elements nested more than {MAX_IMPORT_DEPTH} levels deep",
                path,
                hint="save the article's own part of the page, or paste its text into a .txt "
                "file and import that",
            )
        pending += ((c, depth + 1) for c in node.iter(include_text=False) if c.is_element_node)
