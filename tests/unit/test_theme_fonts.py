"""The theme's font stacks (``theme/static/assets/style.css``) read from the stylesheet: each
ends with the colour emoji fonts of the common platforms, so an emoji in a title or a body
is drawn in colour wherever the system fonts named first lack it."""

from __future__ import annotations

import re
from importlib.resources import files

STYLESHEET = files("articlegen") / "theme/static/assets/style.css"
EMOJI = ["Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"]
"""macOS and iOS, Windows, Android and most Linux desktops."""
GENERIC = {"sans-serif", "serif", "monospace", "system-ui", "ui-monospace"}


def font_stacks(css: str) -> dict[str, list[str]]:
    """Each rule's family list (``font-family``, or the end of a ``font`` shorthand), by
    selector; ``inherit`` and the other keywords for every property are left out."""
    stacks: dict[str, list[str]] = {}
    for selector, body in re.findall(
        r"([^{}]+)\{([^{}]*)\}", re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    ):
        for prop, value in re.findall(r"(font(?:-family)?)\s*:\s*([^;]+)", body):
            if value.strip() in ("inherit", "initial", "unset", "revert", "revert-layer"):
                continue
            families = [f.strip().strip('"') for f in value.split(",")]
            if prop == "font":  # "1rem/1.65 system-ui": the size and line height go first
                families[0] = families[0].split()[-1]
            stacks[selector.strip()] = families
    return stacks


def test_every_font_stack_ends_with_the_colour_emoji_fonts() -> None:
    stacks = font_stacks(STYLESHEET.read_text(encoding="utf-8"))
    assert {"body", "code"} <= set(stacks)
    for selector, families in stacks.items():
        assert families[-3:] == EMOJI, selector
        # after a generic family, so that text keeps the system's letters and digits
        assert families[-4] in GENERIC, selector
