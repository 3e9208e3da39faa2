from __future__ import annotations

import itertools
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlegen.core.slugs import (
    APOSTROPHES,
    SLUG_RE,
    _transliterated,
    file_slug,
    is_slug,
    natural_order,
    slugify,
    sort_key,
    title_slug,
    url_slug,
)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Low T: What Now?", "low-t-what-now"),
        ("Café  Crème", "cafe-creme"),
        ("../etc/passwd", "etc-passwd"),
        ("ÄÖÜ", "aou"),
        ("Straße", "strasse"),
        ("Łódź", "lodz"),
        ("Ærø", "aero"),
        ("Москва", "moskva"),
        ("Ελλάδα", "ellada"),
        ("Cafe\u0301 in NFD", "cafe-in-nfd"),
        ("Q&amp;A", "q-amp-a"),
        ("💊", ""),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_a_cut_transliterated_slug_drops_whole_words() -> None:
    assert slugify("Große Straße in Łódź", max_length=15) == "grosse-strasse"


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


def test_url_slug_decodes_and_transliterates_the_segment() -> None:
    assert url_slug("https://example.org/%C5%81%C3%B3d%C5%BA-guide/") == "lodz-guide"
    assert url_slug("https://example.org/Stra%C3%9Fe.html") == "strasse"
    assert url_slug("https://example.org/low%20t.html") == "low-t"


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


def test_sort_key_spells_out_latin_letters_without_accents() -> None:
    titles = ["Mango", "Łódź", "Kiwi", "Ærø", "Banana", "Øresund", "Pear"]
    assert sorted(titles, key=sort_key) == [
        "Ærø",
        "Banana",
        "Kiwi",
        "Łódź",
        "Mango",
        "Øresund",
        "Pear",
    ]


@given(st.text())
def test_any_text_slugifies_to_a_slug_or_nothing_and_a_slug_is_its_own(text: str) -> None:
    slug = slugify(text)
    assert slug == "" or is_slug(slug)
    assert slugify(slug) == slug
    assert is_slug(text) == (text != "" and slugify(text) == text)


@given(st.from_regex(SLUG_RE, fullmatch=True))
def test_python_slugify_gives_a_slug_back_as_it_is(slug: str) -> None:
    """Why ``slugify`` returns a slug without asking python-slugify."""
    assert _transliterated(slug) == slug


@given(st.text(st.sampled_from("ab1-_. /\\Ém"), max_size=12).map(lambda name: name + ".md"))
def test_a_file_slug_is_that_of_its_paths_stem(path: str) -> None:
    """``file_slug`` takes a ``*.md`` name that is a slug as it is, without a ``Path``."""
    assert file_slug(path) == slugify(Path(path).stem)
    assert file_slug(path[:-1]) == slugify(Path(path[:-1]).stem)


@given(st.text(), st.integers(min_value=1, max_value=120))
def test_a_cut_slug_fits_and_is_the_start_of_the_whole_one(text: str, length: int) -> None:
    whole, cut = slugify(text), slugify(text, max_length=length)
    assert len(cut) <= length and whole.startswith(cut)
    assert cut == "" or is_slug(cut)
    if len(whole) <= length:
        assert cut == whole
    elif "-" in whole[: length + 1].strip("-"):
        assert whole[len(cut)] == "-"  # whole words dropped, none cut in half


@given(st.text())
def test_sort_keys_hold_no_accents(text: str) -> None:
    assert not any(unicodedata.combining(c) for c in sort_key(text))


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_sort_keys_are_those_the_folding_gives(text: str) -> None:
    """ASCII text takes a shorter way (lowercased alone): the same key as folding and
    decomposing give, which text with an accent after it still goes through."""
    assert sort_key(text) + "e" == sort_key(text + "é")


def test_natural_order_folds_case_and_accents_and_counts_numbers() -> None:
    """Every list a reader reads by title or name: "10 tips" came before "2 tips", and case
    and accents decided places ("Zinc" before "apple", "Éclair" after "zinc")."""
    titles = ["Zinc", "10 tips", "Éclair", "vitamin B12", "2 tips", "apple", "Vitamin B6"]
    assert sorted(titles, key=natural_order) == [
        "2 tips",
        "10 tips",
        "apple",
        "Éclair",
        "Vitamin B6",
        "vitamin B12",
        "Zinc",
    ]


def test_texts_folding_alike_are_ordered_by_the_text_as_written() -> None:
    assert sorted(["zinc", "Zinc", "b2", "b02"], key=natural_order) == ["b02", "b2", "Zinc", "zinc"]


def test_a_number_of_any_length_is_ordered_by_its_value() -> None:
    """``int`` refuses more than 4,300 digits: a key must not."""
    huge = "9" * 5000
    assert sorted([f"a{huge}", "a10", "a9"], key=natural_order) == ["a9", "a10", f"a{huge}"]


@given(st.lists(st.text(st.sampled_from("aAé0129 ٣-"), max_size=8), max_size=12))
def test_natural_order_is_a_total_order(texts: list[str]) -> None:
    """Never a number compared with text; the result does not depend on the input's order,
    and only equal texts tie."""
    ordered = sorted(texts, key=natural_order)
    assert ordered == sorted(reversed(texts), key=natural_order)
    for before, after in itertools.pairwise(ordered):
        assert natural_order(before) < natural_order(after) or before == after


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Heart Rate: What's Normal?", "heart-rate-whats-normal"),
        ("Men\u2019s Health", "mens-health"),
        ("Men\u2018s Health", "mens-health"),
        ("Men\u02bcs Health", "mens-health"),
        ("Don't Skip Leg Day's Rest", "dont-skip-leg-days-rest"),
        ("'90s Fitness", "90s-fitness"),  # not inside a word: a separator as before
        ("Rock 'n' Roll", "rock-n-roll"),
        ("Low T: What Now?", "low-t-what-now"),
        # next to a digit a separator: 5'10" is not 510
        ("Is 5'10\" Short for Men?", "is-5-10-short-for-men"),
        ("Is 5\u201910\u201d Short?", "is-5-10-short"),
        ("B12's Role", "b12-s-role"),
        ("\u041c\u0430\u0440\u0456\u2019\u044f", "mariia"),  # letters of any script
    ],
)
def test_title_slug_drops_apostrophes_between_letters(title: str, slug: str) -> None:
    assert title_slug(title) == slug


@given(st.text(), st.characters(), st.sampled_from(APOSTROPHES), st.characters())
def test_title_slug_drops_an_apostrophe_only_between_two_letters(
    title: str, left: str, apostrophe: str, right: str
) -> None:
    """Any title makes a slug or nothing; an apostrophe is left out only between two letters
    (not digits, '_' or anything else), and elsewhere separates as a space does (python-slugify
    makes an ASCII one a '-', but joins the words around a typographic one)."""
    assert title_slug(title) == "" or is_slug(title_slug(title))
    letters = left.isalpha() and right.isalpha()
    assert title_slug(f"{left}{apostrophe}{right}") == slugify(
        left + right if letters else f"{left} {right}"
    )


def test_slugify_keeps_making_apostrophes_separators() -> None:
    """Tags, anchors and other published addresses keep their slugs."""
    assert slugify("What's Normal") == "what-s-normal"
