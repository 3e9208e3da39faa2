"""Cleaning an alias: what a static host can serve a redirect page at, or why not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlegen.core.urls import AliasError, alias_url, page_file


@pytest.mark.parametrize(
    ("written", "url", "out_path"),
    [
        ("/2019/05/old-post/", "2019/05/old-post/", "2019/05/old-post/index.html"),
        ("/old-post", "old-post/", "old-post/index.html"),
        ("2019/05/old-post", "2019/05/old-post/", "2019/05/old-post/index.html"),
        ("/old.html", "old.html", "old.html"),
        ("/stra%C3%9Fe/", "straße/", "straße/index.html"),
        ("  /a//b/ ", "a/b/", "a/b/index.html"),
    ],
)
def test_clean_paths(written: str, url: str, out_path: str) -> None:
    assert alias_url(written) == url
    assert page_file(url) == out_path


@pytest.mark.parametrize(
    ("written", "problem", "fix"),
    [
        ("https://old.example/2019/05/post/", "is an address", "/2019/05/post/"),
        ("//old.example/post/", "is an address", "/post/"),
        ("/?p=123", "has a query", None),
        ("/post/?utm=x", "has a query", None),
        ("/post/#comments", "has a #fragment", "/post/"),
        ("/a/../b/", "'..' segments", "/b/"),
        ("/", "home page", None),
        ("/index.php", "ends in 'index.php'", None),
    ],
)
def test_unservable_aliases_say_why_and_how_to_fix(
    written: str, problem: str, fix: str | None
) -> None:
    with pytest.raises(AliasError, match=problem) as error:
        alias_url(written)
    assert error.value.fix == fix


SEGMENT = st.text(
    alphabet=st.characters(blacklist_categories=["Cs", "Cc"], blacklist_characters="/?#%"),
    min_size=1,
    max_size=12,
).filter(lambda s: s.strip() == s and s not in (".", ".."))


@given(st.lists(SEGMENT, min_size=1, max_size=5), st.booleans())
def test_a_clean_alias_cleans_to_itself_and_stays_inside_the_site(
    segments: list[str], folder: bool
) -> None:
    written = "/" + "/".join(segments) + ("/" if folder else "")
    try:
        url = alias_url(written)
    except AliasError:
        return  # a file that is not a page: refused with its reason
    assert alias_url("/" + url) == url
    assert not url.startswith("/") and ".." not in url.split("/")
    assert page_file(url).endswith((".html", ".htm", "/index.html"))
