"""``site.yaml`` ``theme:``: the accent colour, read and checked for contrast.

The accent colours every link, so it is text: WCAG AA asks 4.5:1 against whatever it is
read on. The built-in stylesheet shows links on two light backgrounds (the page and the
boxes on it) and, under ``prefers-color-scheme: dark``, on two dark ones; the accent must
pass on both light ones and ``accent_dark`` on both dark ones. An accent that is too light
or too dark fails the build at its line, with the ratio found and the nearest colour of the
same hue that passes. Without ``accent_dark`` the dark theme takes the accent lightened just
enough (one colour that passed on both would have to be a mid grey).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from ..core.colors import (
    COLOR_FORMS,
    TEXT_CONTRAST,
    Rgb,
    hex_color,
    parse_color,
    ratio_text,
    readable_toward,
    worst_contrast,
)
from ..core.errors import ArticlegenError, ConfigError
from ..core.layout import CONFIG_FILE
from ..core.model import ImageRef, Logo, SiteConfig, ThemeSettings
from ..core.nestedkeys import THEME, key_names
from ..core.yamlchecks import type_problem, unknown_key_problems
from ..core.yamlentry import Entry
from .imagefield import src_problem
from .images import place_images

LIGHT_BACKGROUNDS: tuple[Rgb, ...] = ((0xFD, 0xFD, 0xFC), (0xF2, 0xF3, 0xF1))
"""``--bg`` and ``--surface`` of the built-in ``style.css`` (a test holds them to it)."""
DARK_BACKGROUNDS: tuple[Rgb, ...] = ((0x14, 0x16, 0x1A), (0x1E, 0x21, 0x27))
"""The same under ``prefers-color-scheme: dark``."""

BLACK: Rgb = (0, 0, 0)
WHITE: Rgb = (255, 255, 255)

_BACKGROUNDS = {
    "accent": (LIGHT_BACKGROUNDS, "light", BLACK),
    "accent_dark": (DARK_BACKGROUNDS, "dark", WHITE),
}
"""Each colour key of ``nestedkeys.THEME``: the backgrounds it is read on, their name, and
what fixes it (``tests/unit/test_schema.py`` holds the two to the same keys)."""


def parse_theme(entry: Entry | None, path: str, problems: list[ArticlegenError]) -> ThemeSettings:
    """``theme:`` as ``#rrggbb`` colours; each problem added to ``problems``."""
    if entry is None or entry.children is None:
        return ThemeSettings()
    keys = entry.children
    problems += unknown_key_problems(keys, key_names(THEME), path, ConfigError, section="theme")
    colors: dict[str, Rgb] = {}
    for name, (backgrounds, scheme, toward) in _BACKGROUNDS.items():
        if name in keys and (color := _color(name, keys[name], path, problems)) is not None:
            if problem := contrast_problem(name, color, backgrounds, scheme, toward):
                problems.append(ConfigError(problem[0], path, keys[name].line, problem[1]))
            else:
                colors[name] = color
    accent = colors.get("accent")
    dark = colors.get("accent_dark")
    if dark is None and accent is not None and "accent_dark" not in keys:
        dark = readable_toward(accent, DARK_BACKGROUNDS, WHITE)
    return ThemeSettings(
        accent=hex_color(accent) if accent else "", accent_dark=hex_color(dark) if dark else ""
    )


def _color(name: str, entry: Entry, path: str, problems: list[ArticlegenError]) -> Rgb | None:
    if problem := type_problem(f"theme.{name}", entry, str, path, ConfigError):
        problem.hint = f'put the colour in quotes: {name}: "#0b6e4f"'
        problems.append(problem)
        return None
    color = parse_color(entry.value)
    if color is None:
        problems.append(
            ConfigError(
                f"'theme.{name}' is not a colour: '{entry.value}'",
                path,
                entry.line,
                f"write {COLOR_FORMS}; colour names and transparent colours are not accepted",
            )
        )
    return color


def contrast_problem(
    name: str, color: Rgb, backgrounds: tuple[Rgb, ...], scheme: str, toward: Rgb
) -> tuple[str, str] | None:
    """What is wrong with ``color`` as text on ``backgrounds``, and the fix; None when it
    reaches 4.5:1 on each of them."""
    ratio, background = worst_contrast(color, backgrounds)
    if ratio >= TEXT_CONTRAST:
        return None
    what = (
        f"'theme.{name}' {hex_color(color)} has a contrast of {ratio_text(ratio)}:1 on the theme's"
        f" {scheme} background {hex_color(background)}; link text needs at least"
        f" {TEXT_CONTRAST}:1 (WCAG AA)"
    )
    nearest = readable_toward(color, backgrounds, toward)
    change = "darken" if toward == BLACK else "lighten"
    hint = f'{change} it, e.g. {name}: "{hex_color(nearest)}"' if nearest else f"{change} it"
    return what, hint


def place_logo(
    config: SiteConfig, static_dirs: Sequence[Path]
) -> tuple[Logo | None, list[ArticlegenError]]:
    """``logo:`` found under ``static/`` like a body's image (the same errors, at its line
    in ``site.yaml``), measured and its copies in its own format planned; None without one."""
    if not config.logo:
        return None, []
    ref = ImageRef(config.logo, config.lines.get("logo", 1))
    if bad := src_problem("logo", ref.src, ref.line, CONFIG_FILE, ConfigError):
        return None, [bad]
    [placed], problems = place_images(
        [ref], static_dirs, config.base_path, CONFIG_FILE, config.image_widths
    )
    if problems:
        return None, problems
    width, height = placed.size or (None, None)
    own = Path(config.logo).suffix.lower()
    variants = tuple(v for v in placed.variants if Path(v.path).suffix.lower() == own)
    return Logo(placed.url, width, height, dataclasses.replace(placed, variants=variants)), []
