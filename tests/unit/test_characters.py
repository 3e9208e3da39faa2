"""The forbidden characters, and the quicker search used for texts without astral ones."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlegen.core.characters import (
    BIDI_CONTROLS,
    FORBIDDEN,
    _may_hold_forbidden,
    bidi_problem,
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


BIDI = [chr(code) for code in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]]
VALUES = st.text(
    st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(BIDI),
        st.sampled_from(["\u200e", "\u200f", "\u061c", "ש", "ع", "a"]),  # marks are fine
    ),
    max_size=30,
)


@given(VALUES)
def test_a_value_is_refused_exactly_when_it_holds_a_bidi_control_named_where(value: str) -> None:
    problem = bidi_problem("title", value, "content/a.md", 3, FrontMatterError)
    first = next((i for i, char in enumerate(value) if char in BIDI), None)
    assert (problem is None) == (first is None) == (BIDI_CONTROLS.search(value) is None)
    if problem is not None and first is not None:
        assert (problem.path, problem.line) == ("content/a.md", 3)
        assert f"U+{ord(value[first]):04X} at character {first + 1} of its value" in problem.message
        more = sum(char in BIDI for char in value[first + 1 :])
        assert (f"and {more} more such" in problem.message) == (more > 0)
        assert problem.hint and problem.hint.startswith("delete it")


def test_the_right_to_left_override_is_named_in_words() -> None:
    problem = bidi_problem("title", "Safe \u202eexe.txt", "content/a.md", 2, FrontMatterError)
    assert str(problem) == (
        "content/a.md:2: 'title' contains the invisible right-to-left override U+202E at "
        "character 6 of its value: it makes the text show in another order than it is written"
        " — delete it (an editor shows it with 'show invisible characters'; in a quoted value "
        "it may be written \\u202E): right-to-left text shows in its order without it"
    )
