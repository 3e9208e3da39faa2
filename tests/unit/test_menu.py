"""The header navigation: the site's ``menu:`` resolved like links, then the built-in entries."""

from __future__ import annotations

from articlegen.core.model import LinkTarget, MenuItem, NavLink, SiteConfig
from articlegen.render.menu import navigation, resolve_menu

TARGETS = [
    LinkTarget("about", "content/pages/about.md", "About", page=True),
    LinkTarget("sleep", "content/sleep.md", "How Much Sleep"),
]
BUILT_IN = [
    NavLink("Archive", "archive/", "archive/"),
    NavLink("Tags", "tags/", "tags/"),
    NavLink("See Also index", "see-also/", "see-also/"),
    NavLink("Search", "search/", "search/"),
    NavLink("Feed", "feed.xml", "feed.xml"),
]


def config(*items: MenuItem, builtin: bool = True) -> SiteConfig:
    return SiteConfig("T", "https://e.org/", menu=items, menu_builtin=builtin)


def test_menu_entries_become_links_to_their_pages() -> None:
    site = config(
        MenuItem("About us", "content/pages/about.md", 4),
        MenuItem("Sleep", "How Much Sleep#naps", 5),
        MenuItem("Code", "https://example.org/code", 6),
    )
    links, resolved, problems = resolve_menu(site, "site.yaml", TARGETS, drafts=False)
    assert links == (
        NavLink("About us", "about/", "about/"),
        NavLink("Sleep", "sleep/#naps", "sleep/"),
        NavLink("Code", "https://example.org/code", None),
    )
    assert [link.fragment if link else None for link in resolved] == ["", "naps", ""]
    assert problems == []


def test_a_bad_menu_link_is_an_error_at_its_line_and_left_out() -> None:
    site = config(MenuItem("About", "abuot", 4), MenuItem("Sleep", "sleep", 5))
    links, resolved, problems = resolve_menu(site, "site.yaml", TARGETS, drafts=False)
    assert links == (NavLink("Sleep", "sleep/", "sleep/"),)
    assert resolved[0] is None
    assert [str(p) for p in problems] == [
        "site.yaml:4: menu 'abuot' matches no article or page (did you mean 'about'?) — link to a page "
        "or article by slug or file (content/pages/about.md), or to another site by its "
        "https:// address"
    ]


def test_the_built_in_entries_follow_the_sites_own_unless_turned_off() -> None:
    own = [NavLink("About", "about/", "about/")]
    assert navigation(config(), own, search=True) == [*own, *BUILT_IN]
    without_search = [entry for entry in BUILT_IN if entry.title != "Search"]
    assert navigation(config(), own, search=False) == [*own, *without_search]
    assert navigation(config(builtin=False), own, search=True) == own
    assert navigation(config(builtin=False), [], search=True) == []
