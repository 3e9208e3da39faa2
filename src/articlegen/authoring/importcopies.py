"""The images an import copies into ``static/`` named so that their responsive copies differ.

The build makes copies of each JPEG, PNG and WebP image at several widths, named
``<name>-<width>w.<format>``: two images of one folder whose names differ only in their
suffix (``chart.jpg`` and ``chart.png``, as an old blog may hold both) would have copies at
the same addresses, which the build refuses. An old site served both, so the import copies
the second under a name of its own (``chart-png.png``), its posts' links led there, with a
note saying so.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from ..content.variants import RESPONSIVE_SUFFIXES
from ..core.errors import Diagnostic
from ..core.layout import STATIC_DIR
from .importmarkdown import ImportPlan


def copies_apart(copies: dict[str, Path], static: Path) -> tuple[dict[str, str], list[Diagnostic]]:
    """Old ``static/`` path → new one, for each image of ``copies`` (path under ``static`` →
    source file) whose name, but for its suffix, another of its folder has (a copy before
    it, or a file in ``static`` already, which keeps its name), and a note for each."""
    taken: dict[str, str] = {}
    moved: dict[str, str] = {}
    notes = []
    for path in sorted(copies):
        if not _responsive(path):
            continue
        first = taken.get(_key(path)) or _beside(path, static)
        if first is None:
            taken[_key(path)] = path
            continue
        stem, suffix = posixpath.splitext(path)
        new = f"{stem}-{suffix[1:].lower()}{suffix}"
        moved[path] = taken[_key(new)] = new
        notes.append(
            Diagnostic(
                f"copied as {STATIC_DIR}/{new}, and the posts' links to it led there: the "
                f"responsive copies of {STATIC_DIR}/{path} would have the addresses of "
                f"{STATIC_DIR}/{first}'s",
                str(copies[path]),
            )
        )
    return moved, notes


def _beside(path: str, static: Path) -> str | None:
    """The image in ``static`` already whose name is ``path``'s but for its suffix."""
    stem = posixpath.splitext(path)[0]
    for suffix in RESPONSIVE_SUFFIXES:
        if (other := stem + suffix) != path and (static / other).is_file():
            return other
    return None


def _responsive(path: str) -> bool:
    """Whether the build makes responsive copies of the image at ``path``."""
    return posixpath.splitext(path)[1].lower() in RESPONSIVE_SUFFIXES


def _key(path: str) -> str:
    """What two images whose copies would clash share: their path without its suffix."""
    return posixpath.splitext(path)[0].lower() if _responsive(path) else path


def led_apart(
    plans: list[ImportPlan],
    bodies: list[str | None],
    copies: dict[str, Path],
    static: Path,
    notes: list[Diagnostic],
) -> tuple[list[str | None], dict[str, Path]]:
    """The bodies (``oldlinks`` wrote each image's path as ``</images/a.png>``), the hero
    images of ``plans`` and the ``copies`` with the images ``copies_apart`` moves at their
    new paths; a note for each moved added to ``notes``."""
    moved, apart = copies_apart(copies, static)
    if not moved:
        return bodies, copies
    notes += apart
    for plan in plans:
        plan.hero = moved.get(plan.hero, plan.hero) if plan.hero else plan.hero
    return (
        [None if body is None else _led(body, moved) for body in bodies],
        {moved.get(path, path): source for path, source in copies.items()},
    )


def _led(body: str, moved: dict[str, str]) -> str:
    """``body`` with its links to each moved image led to its new path."""
    for old, new in moved.items():
        body = body.replace(f"</{old}>", f"</{new}>")
    return body
