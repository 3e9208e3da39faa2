from __future__ import annotations

import unicodedata

import pytest

from articlegen.core.errors import did_you_mean
from articlegen.core.lookalike import collapse, difference, fold


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
