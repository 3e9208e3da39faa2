from __future__ import annotations

import unicodedata
from random import Random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlegen.core.errors import did_you_mean
from articlegen.core.lookalike import TITLE_STAGES, collapse, difference, fold, uncased


def test_collapse_and_fold() -> None:
    decomposed = unicodedata.normalize("NFD", "  Café\u00a0\tCrème ")
    assert collapse(decomposed) == "Café Crème"
    assert fold(decomposed) == fold("CAFÉ CRÈME") == "café crème"


@pytest.mark.parametrize(
    ("written", "meant", "said"),
    [
        (
            unicodedata.normalize("NFD", "Café"),
            "Café",
            "yours is written in decomposed Unicode (letter and accent apart)",
        ),
        (
            "Café",
            unicodedata.normalize("NFD", "Café"),
            "it is written in decomposed Unicode (letter and accent apart), yours is not",
        ),
        ("Sleep Apnea ", "Sleep Apnea", "yours has a space at the start or end"),
        ("Sleep Apnea", "Sleep Apnea ", "it has a space at the start or end"),
        ("Sleep  Apnea", "Sleep\u00a0Apnea", "it differs only in spacing"),
        ("sleep apnea", "Sleep Apnea", "it differs only in case"),
        (
            "Sleep Apn\u0435a",
            "Sleep Apnea",
            "yours has U+0435 CYRILLIC SMALL LETTER IE where it has U+0065 LATIN SMALL LETTER E",
        ),
        ("Sle\u00adep", "Sleep", "yours has U+00AD SOFT HYPHEN that it has not"),
        ("Sleep", "Sle\u200dep", "it has U+200D ZERO WIDTH JOINER that yours has not"),
        (
            "Health-Conscious",
            "Health\u2011Conscious",
            "yours has U+002D HYPHEN-MINUS where it has U+2011 NON-BREAKING HYPHEN",
        ),
        ("Sleep Apnea!", "Sleep Apn\u0435a", ""),  # the reader sees the '!' differ
        ("Sleep Apnoea", "Sleep Apnea", ""),
        ("Apnea", "Apnea", ""),
    ],
)
def test_difference_is_said_only_where_it_cannot_be_seen(
    written: str, meant: str, said: str
) -> None:
    assert difference(written, meant) == said


def test_many_hidden_differences_are_cut_short() -> None:
    said = difference("\u0430 x \u0435 x \u043e", "a x e x o")
    assert said.count("CYRILLIC") == 2 and said.endswith(", and more")


def test_every_did_you_mean_says_a_difference_no_one_can_see() -> None:
    assert did_you_mean("example\u2011reviewer", ["example-reviewer", "other"]) == (
        " (did you mean 'example-reviewer' (yours has U+2011 NON-BREAKING HYPHEN where it has"
        " U+002D HYPHEN-MINUS)?)"
    )
    assert did_you_mean("tittle", ["title"]) == " (did you mean 'title'?)"


SLEEP = "Sleep and Men's Health: What's Normal?"
TYPED = "Sleep and Men\u2019s Health: What\u2019s Normal?"


def test_fold_takes_typographic_apostrophes_quotes_and_short_dashes_as_ascii() -> None:
    assert fold(TYPED) == fold(SLEEP) == "sleep and men's health: what's normal?"
    assert fold("The \u201cLoading\u201d Dose \u2013 5\u203210\u2033") == fold(
        'the "loading" dose - 5\'10"'
    )
    assert fold("Men\u02bcs \u201eHealth\u201f, \u2018Sleep\u201b") == fold(
        "men's \"health\", 'sleep'"
    )
    # kept apart on purpose: an em dash (autocorrect's for --), guillemets, accents
    for other in ("A \u2014 B", "\u00abA\u00bb", "Men`s", "Men\u00b4s"):
        assert fold(other) != fold(
            other.translate(str.maketrans("\u2014\u00ab\u00bb`\u00b4", "-\"\"''"))
        )


_TYPED_FOR = {
    "'": "\u2018\u2019\u201b\u02bc\u2032",
    '"': "\u201c\u201d\u201e\u201f\u2033",
    "-": "\u2010\u2011\u2012\u2013\u2212",
}


@given(
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"])),
    st.randoms(use_true_random=False),
)
def test_fold_is_blind_to_which_apostrophe_quote_or_dash_was_typed(text: str, rng: Random) -> None:
    typed = "".join(rng.choice(_TYPED_FOR[c]) if c in _TYPED_FOR else c for c in text)
    assert fold(typed) == fold(text)
    assert fold(fold(text)) == fold(text)
    assert not set(fold(text)) & set("".join(_TYPED_FOR.values()))


@given(st.text(st.characters(codec="utf-8", exclude_categories=["Cs"])))
def test_each_title_stage_is_wider_than_the_one_before(text: str) -> None:
    """Each stage's key is a function of the narrower one's, so a wider stage finds every
    title a narrower one finds: the first that finds any may decide (``render/links``)."""
    assert (collapse, uncased, fold) == TITLE_STAGES
    assert uncased(collapse(text)) == uncased(text)
    assert fold(uncased(text)) == fold(text)


def test_ignoring_case_keeps_typed_punctuation_apart() -> None:
    assert uncased("DON\u2019T Stop") == "don\u2019t stop" != uncased("Don't stop")


def test_typographic_punctuation_is_named_not_called_a_case_difference() -> None:
    assert difference(TYPED, SLEEP) == (
        "yours has U+2019 RIGHT SINGLE QUOTATION MARK where it has U+0027 APOSTROPHE, 2 times"
    )
    assert difference(TYPED.upper(), SLEEP) == ""  # the case shows


def test_the_same_hidden_difference_is_said_once_with_its_count() -> None:
    said = difference("K\u0430t\u0430mine \u0430nd Sl\u0435ep", "Katamine and Sleep")
    assert said == (
        "yours has U+0430 CYRILLIC SMALL LETTER A where it has U+0061 LATIN SMALL LETTER A,"
        " 3 times; yours has U+0435 CYRILLIC SMALL LETTER IE where it has U+0065 LATIN SMALL"
        " LETTER E"
    )
