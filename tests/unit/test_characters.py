"""The forbidden characters, and the quicker search used for texts without astral ones."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from articlegen.core.characters import FORBIDDEN, forbidden_in

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
