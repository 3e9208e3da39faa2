"""CSS colours as a site's settings write them, and how readable one is on another.

``site.yaml``'s ``theme.accent`` colours the links and headings of every page, so the build
checks it the way WCAG 2.x does (relative luminance, contrast ratio from 1:1 to 21:1)
against each background the theme shows text on: an accent that fails there fails the
build rather than shipping links that some readers cannot read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import ROUND_FLOOR, Decimal

Rgb = tuple[int, int, int]
"""A colour as 0–255 red, green and blue."""

TEXT_CONTRAST = 4.5
"""WCAG 2.x AA: the least contrast for body-size text (success criterion 1.4.3)."""

_HEX = re.compile(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
_CHANNEL = r"\s*(\d{1,3}(?:\.\d+)?%?)\s*"
_RGB = re.compile(
    rf"rgb\({_CHANNEL},{_CHANNEL},{_CHANNEL}\)|rgb\({_CHANNEL}\s{_CHANNEL}\s{_CHANNEL}\)"
)

COLOR_FORMS = "a colour as #rrggbb, #rgb or rgb(r, g, b), e.g. #0b6e4f"
"""What ``parse_color`` accepts, for the hints of errors."""


def parse_color(text: str) -> Rgb | None:
    """``#0b6e4f``, ``#0b6``, ``rgb(11, 110, 79)`` or ``rgb(11 110 79)`` (channels 0–255 or
    0–100%) as RGB; None for anything else. Colours with transparency are refused on
    purpose: their contrast depends on what lies beneath."""
    text = text.strip()
    if match := _HEX.fullmatch(text):
        digits = match.group(1)
        if len(digits) == 3:
            digits = "".join(d * 2 for d in digits)
        return (int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16))
    if match := _RGB.fullmatch(text.lower()):
        channels = [c for c in match.groups() if c is not None]
        values = [_channel(c) for c in channels]
        if all(v is not None for v in values):
            red, green, blue = (v for v in values if v is not None)
            return (red, green, blue)
    return None


def _channel(text: str) -> int | None:
    """One ``rgb()`` channel as 0–255, or None when out of range."""
    if text.endswith("%"):
        share = float(text[:-1])
        return round(share * 255 / 100) if share <= 100 else None
    value = float(text)
    return round(value) if value <= 255 else None


def hex_color(rgb: Rgb) -> str:
    """``#rrggbb``, as the stylesheet gets it and errors name it."""
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def relative_luminance(rgb: Rgb) -> float:
    """WCAG 2.x relative luminance: 0 for black, 1 for white."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: Rgb, second: Rgb) -> float:
    """WCAG 2.x contrast ratio of two colours, 1 (same) to 21 (black and white), the same
    whichever comes first."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def ratio_text(ratio: float) -> str:
    """``ratio`` with two decimals, rounded down: 4.4952 rounded to nearest would print as
    4.50 and read as passing the 4.5:1 it fails. Exact (a float converts to Decimal without
    loss), so no ratio under a threshold prints at or above it."""
    return str(Decimal(ratio).quantize(Decimal("0.01"), rounding=ROUND_FLOOR))


def worst_contrast(color: Rgb, backgrounds: Iterable[Rgb]) -> tuple[float, Rgb]:
    """The lowest contrast of ``color`` on any of ``backgrounds``, and that background."""
    return min((contrast_ratio(color, background), background) for background in backgrounds)


def readable_toward(
    color: Rgb, backgrounds: Iterable[Rgb], toward: Rgb, minimum: float = TEXT_CONTRAST
) -> Rgb | None:
    """``color`` mixed with ``toward`` (black to darken, white to lighten) by the least share,
    in steps of 1%, that reaches ``minimum`` on every one of ``backgrounds``: the nearest
    colour of the same hue to suggest in an error, or to use on the dark theme. None when
    even ``toward`` itself falls short."""
    grounds = tuple(backgrounds)
    for percent in range(101):
        mixed = _mix(color, toward, percent / 100)
        if worst_contrast(mixed, grounds)[0] >= minimum:
            return mixed
    return None


def _mix(color: Rgb, toward: Rgb, share: float) -> Rgb:
    red, green, blue = (round(c + (t - c) * share) for c, t in zip(color, toward, strict=True))
    return (red, green, blue)
