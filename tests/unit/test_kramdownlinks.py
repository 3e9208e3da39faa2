"""A Jekyll post's link addresses holding a space, read whole as kramdown read them."""

from __future__ import annotations

import pytest

from articlegen.authoring.kramdownlinks import spaced_addresses_bracketed


@pytest.mark.parametrize(
    ("written", "bracketed"),
    [
        ("![](../img/flow chart.gif)", "![](<../img/flow chart.gif>)"),
        ('[the notes](/files/my notes.pdf "Notes")', '[the notes](</files/my notes.pdf> "Notes")'),
        ("[![A](a b.png)](/x/)", "[![A](<a b.png>)](/x/)"),
        ("[sic](see note 3)", None),  # words, not an address, as the build tells them
        ("`![](a b.png)`", None),  # code
        ("![](<a b.png>) ![](a.png)", None),
    ],
)
def test_a_spaced_address_is_put_in_angle_brackets(written: str, bracketed: str | None) -> None:
    """kramdown showed ``![](../img/flow chart.gif)`` as an image; CommonMark reads no image
    there, and the build refused the post."""
    assert spaced_addresses_bracketed(f"See {written}.\n") == f"See {bracketed or written}.\n"
