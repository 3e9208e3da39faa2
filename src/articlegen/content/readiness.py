"""Settings a published site needs that a new one still lacks: an address on ``example.org``,
no description, comment-provider ids left as the placeholders of a sample; and the text
``articlegen new`` and ``init`` wrote for the writer to replace, published as it was
written (``core/scaffolds.py``), or no text at all under an article's header.

A site builds without them (a preview needs none), so they are warnings, each naming its key
and its line in ``site.yaml``, or the article's line; ``--strict``, as the publish workflow
builds, makes them errors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from ..core.errors import Diagnostic
from ..core.layout import CONFIG_FILE
from ..core.model import Article, SiteConfig
from ..core.scaffolds import FIRST_PARAGRAPH, WELCOME_BODY

EXAMPLE_DOMAINS = ("example.com", "example.net", "example.org")
"""Second-level domains reserved for documentation (RFC 2606, RFC 6761)."""
EXAMPLE_TLDS = ("example", "invalid")
"""Top-level domains reserved for documentation and for names that must not resolve
(RFC 2606). Not ``.test``, reserved for tests, which are no sample left unedited."""

_PLACEHOLDER = re.compile(
    r"replace|placeholder|changeme|\byour[-_ ]|\bxxx|…|\.\.\.|^<.*>$|^owner/(name|repo)$",
    re.IGNORECASE,
)
"""Words a sample configuration puts where a real value goes (``R_replace-with-repo-id``,
``your-site-id``, ``<repo id>``, ``owner/name``)."""


def unready_settings(config: SiteConfig) -> list[Diagnostic]:
    """One warning per setting that would publish a placeholder: the base URL, the
    description (search results and link previews show it) and the comment provider's ids."""
    warnings = []
    if is_example_address(config.base_url):
        warnings.append(
            Diagnostic(
                f"'base_url' is {config.base_url}, a reserved example address no real site"
                " has, so canonical links, feeds and the sitemap would point nowhere",
                CONFIG_FILE,
                config.lines.get("base_url"),
                "set base_url to the blog's address, or build with --base-url (the publish "
                "workflow passes the GitHub Pages address)",
            )
        )
    if not config.description.strip():
        missing = "description" not in config.lines
        warnings.append(
            Diagnostic(
                ("there is no 'description'" if missing else "'description' is empty")
                + ": search results and link previews show it for the home page and the feeds",
                CONFIG_FILE,
                config.lines.get("description", 1),
                'write one or two sentences about the blog: description: "…"',
            )
        )
    warnings += _comment_placeholders(config)
    return warnings


def is_example_address(url: str) -> bool:
    """Whether ``url``'s host is a documentation or reserved name, never a real site's."""
    host = (urlsplit(url).hostname or "").rstrip(".")
    return host.rsplit(".", 1)[-1] in EXAMPLE_TLDS or any(
        host == domain or host.endswith("." + domain) for domain in EXAMPLE_DOMAINS
    )


def _comment_placeholders(config: SiteConfig) -> list[Diagnostic]:
    provider = config.comments.provider
    found = []
    for key, value in config.comments.settings.items():
        shown = value.strip()
        if shown and not _PLACEHOLDER.search(shown) and not _example_url(shown):
            continue
        name = f"comments.{provider}.{key}"
        found.append(
            Diagnostic(
                f"'{name}' is a placeholder ('{value}'): readers who open the comments "
                f"would get a comments widget from {provider} that does not load",
                CONFIG_FILE,
                config.lines.get(name),
                f"set the value {provider} gives for this site; to turn comments off, remove "
                "comments.provider and every 'comments: true'",
            )
        )
    return found


def _example_url(value: str) -> bool:
    return value.startswith(("http://", "https://")) and is_example_address(value)


_PLACEHOLDER_START = FIRST_PARAGRAPH.split(":")[0]
"""Looked for first (``str.find``, no expression): in most bodies it is not at all."""
_PLACEHOLDER_TEXT = re.compile(r"\s+".join(map(re.escape, FIRST_PARAGRAPH.split())))
"""The placeholder paragraph, as written or rewrapped by an editor."""
_WELCOME_WORDS = WELCOME_BODY.split()
_WELCOME_START = " ".join(_WELCOME_WORDS[:4])


def scaffold_warnings(articles: Iterable[Article]) -> list[Diagnostic]:
    """A published article or page (no draft) whose body still holds the paragraph ``new``
    wrote in its place, or is the sample article ``init`` wrote, unchanged but for spacing:
    readers would get it as the blog's own text. At the line it starts. Neither fires on text
    a writer wrote: the one is a whole sentence telling the writer what to do, the other the
    whole sample, word for word. One with no text at all (a header alone) is told at its
    title's line: its page would hold the title alone."""
    warnings = []
    for article in articles:
        if article.meta.draft:
            continue
        body, kind = article.body, "page" if article.page else "article"
        if not body.strip():
            warnings.append(
                Diagnostic(
                    f"the {kind} has no text under its header: readers would get a page"
                    " holding its title alone",
                    article.source,
                    article.meta.lines.get("title", 1),
                    f"write its text under the header, or keep 'draft: true' until the {kind}"
                    " is written",
                )
            )
        elif _PLACEHOLDER_START in body and (found := _PLACEHOLDER_TEXT.search(body)):
            summary = " and its summary" if article.meta.description is None else ""
            warnings.append(
                Diagnostic(
                    f"'{_PLACEHOLDER_START}: …' is the placeholder 'articlegen new' wrote:"
                    f" readers would get it as the {kind}'s first paragraph{summary}",
                    article.source,
                    article.body_line + body.count("\n", 0, found.start()),
                    "write your own first paragraph in its place, or keep 'draft: true' until"
                    f" the {kind} is written",
                )
            )
        elif (text := body.lstrip()).startswith(_WELCOME_START) and text.split() == _WELCOME_WORDS:
            warnings.append(
                Diagnostic(
                    "this is the sample article 'articlegen init' wrote, unchanged: readers"
                    " would get it as one of this blog's articles",
                    article.source,
                    article.body_line + body.count("\n", 0, len(body) - len(text)),
                    "write your own text in it, delete the file once you have written an"
                    " article of your own, or keep it out of the site with 'draft: true'",
                )
            )
    return warnings
