"""``site.yaml`` ``theme:`` and ``logo:`` (``content.theme``): the accent is checked for
contrast on the theme's light and dark backgrounds, with the line, the ratio and a fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from articlegen.content.config import parse_config
from articlegen.content.theme import DARK_BACKGROUNDS, LIGHT_BACKGROUNDS, place_logo
from articlegen.core.colors import TEXT_CONTRAST, parse_color, worst_contrast
from articlegen.core.errors import BuildFailed
from articlegen.core.layout import THEME_STATIC

HEAD = "title: T\nbase_url: https://e.org/\n"


def problems(text: str) -> list[str]:
    with pytest.raises(BuildFailed) as failed:
        parse_config(HEAD + text)
    return [str(e) for e in failed.value.errors]


def test_an_accent_that_passes_is_kept_and_the_dark_one_derived() -> None:
    theme = parse_config(HEAD + 'theme:\n  accent: "#0B6E4F"\n').theme
    assert theme.accent == "#0b6e4f"
    dark = parse_color(theme.accent_dark)
    assert dark is not None and worst_contrast(dark, DARK_BACKGROUNDS)[0] >= TEXT_CONTRAST


def test_without_theme_the_theme_keeps_its_own_colours() -> None:
    theme = parse_config(HEAD).theme
    assert (theme.accent, theme.accent_dark) == ("", "")


def test_a_light_accent_fails_at_its_line_with_the_ratio_and_a_darker_fix() -> None:
    [message] = problems('description: x\ntheme:\n  accent: "#77dd99"\n')
    assert message.startswith("site.yaml:5: 'theme.accent' #77dd99 has a contrast of 1.49:1")
    assert "light background" in message and "4.5:1 (WCAG AA)" in message
    fix = re.search(r'darken it, e\.g\. accent: "(#[0-9a-f]{6})"', message)
    assert fix is not None
    fixed = parse_color(fix.group(1))
    assert fixed is not None and worst_contrast(fixed, LIGHT_BACKGROUNDS)[0] >= TEXT_CONTRAST


def test_an_accent_just_under_the_threshold_reads_under_it() -> None:
    """#cb3364 has 4.4952:1 on the light background: rounded to 4.50 it would read as
    passing the 4.5:1 it fails, so the ratio is rounded down."""
    [message] = problems('theme:\n  accent: "#cb3364"\n')
    assert message.startswith("site.yaml:4: 'theme.accent' #cb3364 has a contrast of 4.49:1")


def test_a_dark_accent_that_fails_on_the_dark_backgrounds_is_an_error_too() -> None:
    [message] = problems('theme:\n  accent: "#0b6e4f"\n  accent_dark: "#0b6e4f"\n')
    assert message.startswith("site.yaml:5: 'theme.accent_dark' #0b6e4f has a contrast of 2.")
    assert "dark background" in message and "lighten it, e.g. accent_dark:" in message


@pytest.mark.parametrize("value", ["red", '"#0b6e4f80"', '"rgba(0, 0, 0, 0.5)"'])
def test_what_is_no_checkable_colour_is_named(value: str) -> None:
    [message] = problems(f"theme:\n  accent: {value}\n")
    assert message.startswith("site.yaml:4: 'theme.accent' is not a colour")
    assert "#rrggbb" in message


def test_unknown_theme_keys_get_a_suggestion() -> None:
    [message] = problems('theme:\n  acent: "#0b6e4f"\n')
    assert "unknown key 'theme.acent' (did you mean 'accent'" in message


def test_the_checked_backgrounds_are_the_stylesheet_s() -> None:
    """The check reads the backgrounds from this module: they must be the ones the built-in
    stylesheet paints, light and dark."""
    css = (THEME_STATIC / "assets" / "style.css").read_text(encoding="utf-8")
    light, dark = css.split("@media (prefers-color-scheme: dark)", 1)

    def painted(block: str) -> tuple[tuple[int, int, int] | None, ...]:
        values = dict(re.findall(r"--(bg|surface):\s*(#[0-9a-fA-F]{6})", block))
        return (parse_color(values["bg"]), parse_color(values["surface"]))

    assert painted(light) == LIGHT_BACKGROUNDS
    assert painted(dark.split("}", 2)[0] + "}") == DARK_BACKGROUNDS


def test_the_logo_is_found_and_measured(tmp_path: Path) -> None:
    static = tmp_path / "static"
    (static / "images").mkdir(parents=True)
    (static / "images" / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="40"/>', encoding="utf-8"
    )
    config = parse_config(HEAD + "logo: images/logo.svg\n")
    logo, found = place_logo(config, [THEME_STATIC, static])
    assert found == []
    assert logo is not None and (logo.url, logo.width, logo.height) == (
        "/images/logo.svg",
        160,
        40,
    )


def test_a_missing_logo_is_an_error_at_its_line(tmp_path: Path) -> None:
    config = parse_config(HEAD + "description: x\nlogo: images/logo.svg\n")
    logo, found = place_logo(config, [THEME_STATIC, tmp_path / "static"])
    assert logo is None
    assert [str(p) for p in found] == [
        "site.yaml:4: image file not found: static/images/logo.svg"
        " — put the file in the site's static/ folder, or fix the path"
    ]
