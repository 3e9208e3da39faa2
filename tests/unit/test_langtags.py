"""``core.langtags``: well-formed BCP 47 tags pass, the locales other tools write are refused
with the tag to write, and nothing outside the tag alphabet reaches ``<html lang>``."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlegen.core.langtags import language_problem, text_direction

WELL_FORMED = ["en", "en-GB", "pt-BR", "de-CH-1901", "zh-Hant-TW", "es-419", "sr-Latn", "x-local"]


@pytest.mark.parametrize("tag", WELL_FORMED)
def test_well_formed_tags_pass(tag: str) -> None:
    assert language_problem(tag) is None


@pytest.mark.parametrize(
    ("tag", "hint"),
    [
        ("en_US", "write language: en-US (subtags are joined by '-', not '_')"),
        ("en-gb ", "write language: en-gb"),
        ("English", "write the language's code, and a region if it matters: e.g. en, en-GB"),
        ("", "write the language's code"),
        ('en"><script>', "write the language's code"),
        ("en--US", "write the language's code"),
    ],
)
def test_ill_formed_tags_get_the_tag_to_write(tag: str, hint: str) -> None:
    problem = language_problem(tag)
    assert problem is not None
    assert problem[0] == f"must be a BCP 47 language tag, found '{tag}'"
    assert problem[1].startswith(hint)


@given(st.text())
def test_only_letters_digits_and_dashes_pass(tag: str) -> None:
    if language_problem(tag) is None:
        assert tag and all(c.isascii() and (c.isalnum() or c == "-") for c in tag)


@given(
    st.from_regex(r"[a-z]{2,3}", fullmatch=True),
    st.one_of(st.just(""), st.from_regex(r"-[A-Z][a-z]{3}", fullmatch=True)),
    st.one_of(st.just(""), st.from_regex(r"-(?:[A-Z]{2}|[0-9]{3})", fullmatch=True)),
)
def test_language_script_region_pass(language: str, script: str, region: str) -> None:
    assert language_problem(language + script + region) is None


@pytest.mark.parametrize(
    ("tag", "direction"),
    [
        ("fa", "rtl"),
        ("ar-EG", "rtl"),
        ("he", "rtl"),
        ("ur-PK", "rtl"),
        ("az-Arab", "rtl"),
        ("ug-Latn", "ltr"),
        ("en", "ltr"),
        ("zh-Hant", "ltr"),
        ("x-private", "ltr"),
    ],
)
def test_the_direction_of_a_language(tag: str, direction: str) -> None:
    assert text_direction(tag) == direction
