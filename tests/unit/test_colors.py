"""WCAG 2.x contrast (``core.colors``): the numbers the accent check rests on."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlegen.core.colors import (
    TEXT_CONTRAST,
    contrast_ratio,
    hex_color,
    parse_color,
    ratio_text,
    readable_toward,
    relative_luminance,
    worst_contrast,
)

channels = st.integers(min_value=0, max_value=255)
colors = st.tuples(channels, channels, channels)


@pytest.mark.parametrize(
    ("text", "rgb"),
    [
        ("#0b6e4f", (11, 110, 79)),
        ("#0B6E4F", (11, 110, 79)),
        ("#fff", (255, 255, 255)),
        ("  #abc ", (0xAA, 0xBB, 0xCC)),
        ("rgb(11, 110, 79)", (11, 110, 79)),
        ("rgb(11 110 79)", (11, 110, 79)),
        ("RGB(100%, 0%, 50%)", (255, 0, 128)),
    ],
)
def test_colours_are_read_as_css_writes_them(text: str, rgb: tuple[int, int, int]) -> None:
    assert parse_color(text) == rgb


@pytest.mark.parametrize(
    "text",
    ["red", "#12345", "#0b6e4f80", "#ggg", "rgb(256, 0, 0)", "rgb(1, 2)", "rgba(0,0,0,.5)", ""],
)
def test_what_is_no_checkable_colour_is_refused(text: str) -> None:
    assert parse_color(text) is None


def test_the_known_ratios_of_wcag() -> None:
    """Black on white is 21:1; #767676 on white is the classic 4.54:1 just above AA."""
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
    assert contrast_ratio((0x76, 0x76, 0x76), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)
    assert relative_luminance((255, 255, 255)) == pytest.approx(1)
    assert relative_luminance((0, 0, 0)) == 0


@given(colors, colors)
def test_contrast_is_symmetric_and_between_1_and_21(first, second) -> None:
    ratio = contrast_ratio(first, second)
    assert ratio == contrast_ratio(second, first)
    assert 1 <= ratio <= 21 + 1e-9


@given(colors)
def test_a_colour_on_itself_is_1_to_1(color) -> None:
    assert contrast_ratio(color, color) == pytest.approx(1)


@given(colors)
def test_hex_round_trips(color) -> None:
    assert parse_color(hex_color(color)) == color


@given(colors)
def test_the_suggested_colour_passes_and_is_the_nearest_in_whole_percent(color) -> None:
    white = (253, 253, 252)
    darker = readable_toward(color, [white], (0, 0, 0))
    assert darker is not None  # black reaches 4.5:1 on any light background
    assert worst_contrast(darker, [white])[0] >= 4.5
    if contrast_ratio(color, white) >= 4.5:
        assert darker == color


@pytest.mark.parametrize(
    ("ratio", "text"),
    [
        (4.4952, "4.49"),
        (4.4999999999999995, "4.49"),
        (4.5, "4.50"),
        (4.509, "4.50"),
        (21.0, "21.00"),
    ],
)
def test_a_ratio_is_printed_rounded_down_so_a_failing_one_never_reads_as_passing(
    ratio: float, text: str
) -> None:
    assert ratio_text(ratio) == text


@given(colors, colors)
def test_a_printed_ratio_below_the_threshold_reads_below_it(first, second) -> None:
    ratio = contrast_ratio(first, second)
    assert (float(ratio_text(ratio)) < TEXT_CONTRAST) == (ratio < TEXT_CONTRAST)
