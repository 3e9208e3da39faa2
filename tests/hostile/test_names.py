"""Files named as people name them (spaces, accents, a quote, an ampersand): each image is
published at a URL that is valid in ``src`` and leads to its file, wherever it is shown."""

from __future__ import annotations

import io
from urllib.parse import unquote

from PIL import Image

from tests.conftest import SITE_YAML, article, parse

NAMES = ["my photo.png", "café ü.png", "amp&x.png", "quote'x.png"]
"""Image file names under static/images/."""
URL_CHARACTERS = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%"
)
"""What RFC 3986 lets a URL hold: a space or an accent in ``src`` is invalid HTML."""


def png(width: int = 800, height: int = 400) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 50, 50)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_hero_logo_and_body_images_named_with_spaces_have_valid_urls(site, run_cli) -> None:
    hero = f"{{src: 'images/{NAMES[0]}', alt: 'A chart'}}"
    body = "\n\n".join(f"![Figure {n}](<images/{name}>)" for n, name in enumerate(NAMES))
    root = site(
        {"a.md": article("Alpha", body, image=hero)},
        site_yaml=SITE_YAML + f"logo: 'images/{NAMES[1]}'\n",
    )
    for name in NAMES:
        (root / "static/images").mkdir(parents=True, exist_ok=True)
        (root / "static/images" / name).write_bytes(png())
    code, _, err = run_cli("build", "--site", root)
    assert code == 0, err
    output = root / "public"
    shown = 0
    for page in ("a/index.html", "index.html"):
        for img in parse(output / page).css("img"):
            src = img.attributes["src"] or ""
            assert set(src) <= URL_CHARACTERS, (page, src)
            assert (output / unquote(src).lstrip("/")).is_file(), (page, src)
            shown += 1
    assert shown == len(NAMES) + 4  # the body's, the hero, its card and the logo on both
