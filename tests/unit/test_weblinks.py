"""Every web address of a site's articles, with every place that names it."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlegen.core.model import (
    Article,
    FrontMatter,
    LinkRef,
    MenuItem,
    Reference,
    RenderedBody,
)
from articlegen.core.weburl import (
    _PLAIN_ADDRESS,
    NOT_IN_URLS,
    _unplain_address_problem,
    address_problem,
    labelled_address,
)
from articlegen.trust.weblinks import Place, web_links


def article(source: str, slug: str, **meta: object) -> Article:
    return Article(source, slug, FrontMatter(title=slug, date=None, **meta), "")  # type: ignore[arg-type]


def test_references_see_also_and_body_links_each_with_file_line_and_kind() -> None:
    a = article(
        "content/a.md",
        "a",
        references=(
            Reference("R", "https://example.test/study", line=5, url_line=6),
            Reference("S", "https://example.test/guide", line=15),
        ),
        see_also=(LinkRef("b", 9), LinkRef(" https://example.test/guide|The guide ", 10)),
    )
    b = article("content/b.md", "b", see_also=(LinkRef("a", 4),))
    bodies = {
        "a": RenderedBody(
            "",
            links=(LinkRef("other.md", 12), LinkRef("https://example.test/study#table-2", 14)),
            web_links=(LinkRef("https://example.test/guide", 13),),
        ),
        "b": RenderedBody(
            "",
            web_links=(
                LinkRef("https://example.test/study", 7),
                LinkRef("mailto:someone@example.test", 8),
            ),
        ),
    }
    assert web_links([b, a], bodies) == {
        "https://example.test/study": (
            Place("content/a.md", 6, "reference"),
            Place("content/a.md", 14, "link"),
            Place("content/b.md", 7, "link"),
        ),
        "https://example.test/guide": (
            Place("content/a.md", 10, "see_also"),
            Place("content/a.md", 13, "link"),
            Place("content/a.md", 15, "reference"),
        ),
    }


def test_a_site_without_web_links_has_none() -> None:
    assert web_links([article("content/a.md", "a")], {"a": RenderedBody("")}) == {}


def test_menu_entries_on_the_web_come_first_at_their_site_yaml_line() -> None:
    menu = (
        MenuItem("About", "about", 7),
        MenuItem("Shop", " https://example.test/shop#top ", 9),
    )
    a = article("content/a.md", "a")
    bodies = {"a": RenderedBody("", web_links=(LinkRef("https://example.test/shop", 3),))}
    assert web_links([a], bodies, menu) == {
        "https://example.test/shop": (
            Place("site.yaml", 9, "menu"),
            Place("content/a.md", 3, "link"),
        )
    }


def test_an_address_with_any_white_space_is_refused_as_str_isspace_would() -> None:
    """The check is a pattern, not a loop over the characters: the same set, every one."""
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert all(address_problem(f"https://example.org/a{s}b") for s in spaces)
    assert address_problem("https://example.org/a\u200bb") is None  # zero width: no space


@pytest.mark.parametrize("character", sorted(NOT_IN_URLS))
def test_an_address_with_a_character_no_url_holds_is_refused(character: str) -> None:
    """A quote or ``<`` went into every href as written, escaped: an invalid URL."""
    problem = address_problem(f"https://example.org/a{character}b")
    assert problem is not None
    assert problem[0].startswith(f"holds {character!r}, which no web address can hold")


def test_an_address_may_hold_what_rfc_3986_allows() -> None:
    assert address_problem("https://example.org/a'b(c)!*;=@:$,+&?q=1#f~_-.%20") is None


@given(
    st.from_regex(_PLAIN_ADDRESS, fullmatch=True)
    | st.builds(
        "".join,
        st.lists(
            st.sampled_from(
                [
                    "http",
                    "s",
                    "://",
                    "a",
                    "B.",
                    "-",
                    ":8",
                    "/",
                    "?#",
                    "[",
                    "]",
                    "%",
                    '"',
                    "^",
                    " ",
                    "\x7f",
                    "é",
                    "{",
                    "~",
                    ":",
                ]
            ),
            max_size=12,
        ),
    )
)
def test_an_address_the_quick_pattern_passes_has_no_problem(url: str) -> None:
    """The pattern only ever passes what the full check (split into parts) passes."""
    if _PLAIN_ADDRESS.fullmatch(url):
        assert _unplain_address_problem(url) is None
    assert address_problem(url) == _unplain_address_problem(url)


@pytest.mark.parametrize("url", ["https://[::1/x", "https://]x", "https://[zz]/"])
def test_a_host_in_brackets_that_is_no_ipv6_address_is_refused_not_raised(url: str) -> None:
    """urlsplit raises for these, which ended a build that met one with a traceback."""
    problem = address_problem(url)
    assert problem is not None and problem[0].startswith("is no web address (")
    assert problem[0].endswith(f": '{url}'")


@given(
    st.sampled_from(["https://example.test/a", "http://EXAMPLE.test/b/c.html"]),
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="|"), max_size=30
    ),
)
def test_a_see_also_address_gives_a_title_after_its_bar(address: str, title: str) -> None:
    """``url|Title``, as a wiki link's text: the address whole, the title with its spaces
    collapsed; text before the bar that is no web address is no labelled address."""
    assert labelled_address(f" {address} |{title}") == (address, " ".join(title.split()))
    assert labelled_address(address) is None
    assert labelled_address(f"Sleep Basics|{title}") is None
    assert labelled_address(f"mailto:a@example.test|{title}") is None


def test_a_bar_in_an_address_query_is_no_title_of_one_word() -> None:
    """``?q=sleep|apnea`` pasted as written: the address's error says to encode the bar;
    a second bar is the address's own too (``?q=a|b|c d``), as no title holds one."""
    assert labelled_address("https://example.test/search?q=sleep|apnea") is None
    assert labelled_address("https://example.test/d?q=a|b|c d") is None
    assert labelled_address("https://example.test/a#b|note") is None
    assert labelled_address("https://example.test/search?q=sleep|Sleep search") == (
        "https://example.test/search?q=sleep",
        "Sleep search",
    )
    assert labelled_address("https://example.test/sleep|CDC") == (
        "https://example.test/sleep",
        "CDC",
    )
