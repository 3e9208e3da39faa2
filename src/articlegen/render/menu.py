"""The header navigation: ``site.yaml``'s ``menu:`` resolved like any link, then the
built-in entries.

A menu entry names a page or article as a body link does (slug, file under ``content/``,
exact title, ``name#id``) or another site by its http(s) address, so the same rules and
the same errors (with "did you mean") apply, at the entry's line in ``site.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..core.errors import LinkError
from ..core.model import LinkRef, LinkTarget, NavLink, ResolvedLink, SiteConfig
from ..core.urls import article_url, link_url
from .links import resolve_links

MENU_KIND = "menu"
"""How link errors name a menu entry (``menu 'abuot' matches no article or page …``)."""
MENU_HINT = (
    "link to a page or article by slug or file (content/pages/about.md), or to another site"
    " by its https:// address"
)

BUILT_IN = (
    ("Archive", "archive/"),
    ("Tags", "tags/"),
    ("See Also index", "see-also/"),
    ("Search", "search/"),
    ("Feed", "feed.xml"),
)
"""The entries every site has (Search only with a search index), after the site's own
unless ``menu_builtin: false``."""


def menu_refs(config: SiteConfig) -> tuple[LinkRef, ...]:
    """The menu's links as an article's links are written: text and line."""
    return tuple(LinkRef(item.link, item.line) for item in config.menu)


def resolve_menu(
    config: SiteConfig, config_path: str, targets: Iterable[LinkTarget], *, drafts: bool
) -> tuple[tuple[NavLink, ...], tuple[ResolvedLink | None, ...], list[LinkError]]:
    """The site's own entries as ``NavLink``s, each entry's resolution (None where it
    failed, for the ``#id`` check) and the problems; drafts are targets only when built."""
    resolved, problems = resolve_links(
        menu_refs(config),
        config_path,
        targets,
        kind=MENU_KIND,
        drafts_visible=drafts,
        fix_hint=MENU_HINT,
    )
    links = tuple(
        _nav_link(item.title, link)
        for item, link in zip(config.menu, resolved, strict=True)
        if link is not None
    )
    return links, resolved, problems


def _nav_link(title: str, link: ResolvedLink) -> NavLink:
    page = article_url(link.slug) if link.slug is not None else None
    return NavLink(title, link_url(link), page)


def navigation(config: SiteConfig, menu: Iterable[NavLink], *, search: bool) -> list[NavLink]:
    """Every entry of the header navigation, in order: ``menu`` (the site's, resolved),
    then the built-in ones unless the site turns them off."""
    built_in = [
        NavLink(title, url, url)
        for title, url in BUILT_IN
        if config.menu_builtin and (search or url != "search/")
    ]
    return [*menu, *built_in]
