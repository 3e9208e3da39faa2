"""The forbidden characters, and the quicker search used for texts without astral ones."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlegen.core.characters import (
    FORBIDDEN,
    _may_hold_forbidden,
    decode_source,
    forbidden_in,
    holds_forbidden,
)
from articlegen.core.errors import FrontMatterError

TEXT = st.text(
    st.one_of(
        st.characters(codec=None, exclude_categories=()),
        st.sampled_from(
            ["\x00", "\x0b", "\x7f", "\x85", "\ud800", "\ufdd0", "\uffff", "\U0001fffe"]
        ),
        st.sampled_from(["a", "\n", "\t", "é", "—", "\U0001f600"]),
    ),
    max_size=30,
)


@given(TEXT)
def test_the_quicker_search_finds_the_same(text: str) -> None:
    quick = forbidden_in(text)
    assert [m.span() for m in quick.finditer(text)] == [m.span() for m in FORBIDDEN.finditer(text)]


def test_a_text_with_an_astral_character_is_searched_in_full() -> None:
    assert forbidden_in("a\U0001fffe") is FORBIDDEN
    assert forbidden_in("a\U0001f600") is FORBIDDEN
    assert forbidden_in("ascii") is not FORBIDDEN
    assert forbidden_in("é\uffff").search("é\uffff") is not None


@given(TEXT | st.text(st.characters(max_codepoint=127), max_size=30))
def test_a_text_holds_a_forbidden_character_exactly_when_the_search_finds_one(text: str) -> None:
    assert holds_forbidden(text) == (FORBIDDEN.search(text) is not None)


@given(TEXT.filter(lambda text: not any("\ud800" <= c <= "\udfff" for c in text)))
def test_the_bytes_of_a_text_with_a_forbidden_character_are_looked_at(text: str) -> None:
    # decode_source searches the text only where its bytes may hold one: never misses one.
    if FORBIDDEN.search(text):
        assert _may_hold_forbidden(text.encode())


@given(TEXT.filter(lambda text: not any("\ud800" <= c <= "\udfff" for c in text)))
def test_decoding_refuses_what_the_search_finds_and_keeps_the_rest(text: str) -> None:
    data = ("---\r\n" + text + "\r").encode()
    found = FORBIDDEN.search(text.replace("\r\n", "\n").replace("\r", "\n"))
    if found is None:
        assert decode_source(data, "a.md", FrontMatterError) == (
            "---\n" + text.replace("\r\n", "\n").replace("\r", "\n") + "\n"
        )
    else:
        with pytest.raises(FrontMatterError, match=f"U\\+{ord(found.group()):04X}"):
            decode_source(data, "a.md", FrontMatterError)


@pytest.mark.parametrize("char", ["\x01", "\x7f", "\x85", "\ufdd0", "\uffff", "\U0010ffff"])
def test_each_kind_of_forbidden_character_is_refused_when_decoded(char: str) -> None:
    data = ("\ufefftitle: é —\r\nx" + char).encode()
    with pytest.raises(FrontMatterError) as raised:
        decode_source(data, "a.md", FrontMatterError)
    assert str(raised.value).startswith("a.md:2: ") and f"U+{ord(char):04X} at column 2" in str(
        raised.value
    )


def test_plain_text_is_decoded_without_a_search() -> None:
    assert not _may_hold_forbidden("title: café — naïve ’quotes’\n\ttab\r\n".encode())
    assert _may_hold_forbidden("\u00a0".encode())  # C2 A0: looked at, and allowed
    assert decode_source("a\u00a0b\r\nc".encode(), "a.md", FrontMatterError) == "a\u00a0b\nc"
