from __future__ import annotations

import pytest

from articlegen.slugs import is_slug, slugify, sort_key, url_slug


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Low T: What Now?", "low-t-what-now"),
        ("Café  Crème", "cafe-creme"),
        ("../etc/passwd", "etc-passwd"),
        ("ÄÖÜ", "aou"),
        ("日本語", ""),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_max_length_drops_whole_words() -> None:
    assert slugify("one two three four", max_length=13) == "one-two-three"
    assert slugify("one two three four", max_length=12) == "one-two"
    assert slugify("abcdefghij", max_length=4) == "abcd"
    assert slugify("short", max_length=60) == "short"


def test_is_slug() -> None:
    assert is_slug("a-1") and not is_slug("a--b") and not is_slug("A") and not is_slug("-a")


def test_url_slug_is_the_last_segment_of_an_address() -> None:
    assert url_slug("https://example.org/2024/05/Low-T/") == "low-t"
    assert url_slug("https://example.org/low-t.html?x=1") == "low-t"
    assert url_slug("https://example.org/low-t/index.html") == "low-t"
    assert url_slug("https://example.org/?p=12") == "" and url_slug(None) == ""


def test_sort_key_folds_case_and_accents_but_keeps_other_letters() -> None:
    titles = ["Zeta", "Gamma", "Ωmega", "éclair", "Éclair", "apple", "Ärger"]
    assert sorted(titles, key=sort_key) == [
        "apple",
        "Ärger",
        "éclair",
        "Éclair",
        "Gamma",
        "Zeta",
        "Ωmega",
    ]
    assert sort_key("Ωmega") == "ωmega"
