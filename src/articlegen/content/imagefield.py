"""An ``image:`` as an article's front-matter and ``site.yaml`` write it, and ``site.yaml``
``images:``: each key checked at its own line.

Both files take the same shape of ``image:`` (``src``, ``alt``, ``caption``, ``credit``), so
one reader serves both, raising the error class of the file it reads. Here only what is
written is checked; that the file exists under ``static/`` and is an image is checked with
the body's images (``images.place_images``), at the line of ``src``.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..core.errors import ArticlegenError, raise_if_any
from ..core.model import HeroImage
from ..core.nestedkeys import HERO_IMAGE, IMAGES, key_names, required_keys, text_keys
from ..core.schema import IMAGE_FORM
from ..core.yamlchecks import (
    PLAIN_DIGITS,
    as_written,
    found,
    meant_keys,
    quote_hint,
    read_otherwise,
    unknown_key_problems,
)
from ..core.yamlentry import Entry
from .images import static_path

MAX_WIDTH = 8000
"""The widest variant ``images.widths`` may ask for: wider than any screen shows."""


def parse_image(key: str, entry: Entry, path: str, error: type[ArticlegenError]) -> HeroImage:
    """The ``image:`` mapping of ``entry`` (its key named ``key`` in messages); every problem
    raised together, each at its line, as ``error``."""
    keys = entry.children
    if keys is None:
        message = f"'{key}' must be a mapping with 'src' and 'alt'"
        raise error(message, path, entry.line, _form(entry))
    problems = unknown_key_problems(keys, key_names(HERO_IMAGE), path, error, section=key)
    problems += [
        error(
            f"'{key}' has no '{name}'",
            path,
            entry.line,
            f"add '{name}: …' to it"
            + ('; alt: "" marks a decorative image' if name == "alt" else ""),
        )
        for name in required_keys(HERO_IMAGE)
        if name not in keys.keys() | meant_keys(keys, key_names(HERO_IMAGE))
    ]
    values: dict[str, str] = {}
    for name in text_keys(HERO_IMAGE):
        if name in keys:
            try:
                values[name] = _text(f"{key}.{name}", keys[name], path, error, name == "alt")
            except ArticlegenError as problem:
                problems.append(problem)
    if "src" in values and (
        bad := src_problem(f"{key}.src", values["src"], keys["src"].line, path, error)
    ):
        problems.append(bad)
    raise_if_any(problems)
    return HeroImage(
        src=values["src"],
        alt=values["alt"],
        caption=values.get("caption"),
        credit=values.get("credit"),
        line=keys["src"].line,
    )


def _form(entry: Entry) -> str:
    """How to write the ``image:`` of ``entry``: with the path it gives alone, when it does
    (``image: images/walk.jpg``, as other tools write an image), else an example's."""
    value = entry.value
    if isinstance(value, str) and value.strip() and "\n" not in value and '"' not in value:
        return f"write 'image: {{src: {value.strip()}, alt: \"what it shows\"}}'"
    return IMAGE_FORM


def _text(
    key: str, entry: Entry, path: str, error: type[ArticlegenError], may_be_empty: bool
) -> str:
    """Text, trimmed; empty only where ``may_be_empty`` (``alt: ""``)."""
    value = entry.value
    if not isinstance(value, str):
        hint = quote_hint(key, entry)
        if may_be_empty and not entry.written:
            hint = 'write alt: "" for a decorative image'
        raise error(f"'{key}' must be text, found {found(entry)}", path, entry.line, hint)
    if not may_be_empty and not value.strip():
        raise error(f"'{key}' is empty", path, entry.line, "write it, or remove the key")
    return value.strip()


def src_problem(
    key: str, src: str, line: int, path: str, error: type[ArticlegenError]
) -> ArticlegenError | None:
    """Why ``src`` (the value of ``key``: ``image.src``, ``logo``) cannot name a file under
    ``static/``: an address on another site (its size, variants and share card need the
    file), or a path that climbs out."""
    parts = urlsplit(src)
    written = key.rsplit(".", 1)[-1]
    if parts.scheme or parts.netloc:
        return error(
            f"'{key}' is an address ({src}); an image must be a file of this site",
            path,
            line,
            "save the image (if you may use it) under static/, e.g. static/images/photo.jpg,"
            f" and write {written}: images/photo.jpg",
        )
    if parts.query or parts.fragment or static_path(src) is None:
        return error(
            f"'{key}' is not a path inside the static folder: {src}",
            path,
            line,
            f"write the path relative to static/, e.g. {written}: images/photo.jpg",
        )
    return None


def parse_widths(entry: Entry, path: str, error: type[ArticlegenError]) -> tuple[int, ...]:
    """``images: {widths: […]}``: whole pixel widths from 1 to ``MAX_WIDTH``, sorted, each
    once; the defaults when ``widths`` is absent."""
    keys = entry.children or {}
    raise_if_any(unknown_key_problems(keys, key_names(IMAGES), path, error, section="images"))
    widths = keys.get("widths")
    if widths is None:
        return ()
    hint = "write 'images: {widths: [480, 960, 1600]}'"
    if not isinstance(widths.value, list) or not widths.value:
        raise error("'images.widths' must be a list of pixel widths", path, widths.line, hint)
    for item in widths.items:
        value = item.value
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_WIDTH:
            raise error(
                f"each of 'images.widths' must be a whole number of pixels from 1 to {MAX_WIDTH},"
                f" found {as_written(item)}",
                path,
                item.line,
                hint,
            )
        if read_otherwise(item):
            raise error(f"'images.widths' has {as_written(item)}", path, item.line, PLAIN_DIGITS)
    return tuple(sorted(set(widths.value)))
