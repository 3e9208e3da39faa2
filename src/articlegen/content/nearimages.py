"""The images of ``static/`` a path that names none may have meant, for the error's "did you
mean": the same path in another case (a file saved as ``Sleep.JPG``, written ``sleep.jpg``:
it works on a Mac's disk and fails on the web server's), then the closest names, those of
its own folder first.
"""

from __future__ import annotations

import mimetypes
import os
import posixpath
from collections.abc import Sequence
from pathlib import Path

from ..core.errors import closest, suggestion

MAX_SUGGESTED_FILES = 20_000
"""Files of ``static/`` a missing image's path is compared with, at most: enough for any
blog, and an error message is never slow to come."""


def near_images(relative: str, static_dirs: Sequence[Path]) -> str:
    """`` (did you mean 'images/Sleep.JPG' (it differs only in case)?)``: the published
    images whose paths come closest to ``relative``, those of its own folder first."""
    folder = posixpath.dirname(relative)
    here = sorted(
        posixpath.join(folder, entry.name)
        for root in static_dirs
        if (root / folder).is_dir()
        for entry in (root / folder).iterdir()
        if entry.is_file() and _is_image_name(entry.name)
    )
    near = _closest_paths(relative, here) or _closest_paths(relative, _files(static_dirs))
    return suggestion(near, relative)


def _closest_paths(relative: str, paths: list[str]) -> list[str]:
    """The paths equal to ``relative`` but for case, then those whose file names come
    closest to its name in any case, without their extensions (every ``.jpg`` shares four
    characters, every path of a folder its name); three at most."""
    same = [path for path in paths if path.casefold() == relative.casefold()]
    names: dict[str, list[str]] = {}
    for path in paths:
        names.setdefault(_name(path), []).append(path)
    near = closest(_name(relative), names)
    return list(dict.fromkeys([*same, *(path for name in near for path in names[name])]))[:3]


def _is_image_name(name: str) -> bool:
    return (mimetypes.guess_type(name)[0] or "").startswith("image/")


def _name(path: str) -> str:
    return posixpath.splitext(posixpath.basename(path))[0].casefold()


def _files(static_dirs: Sequence[Path]) -> list[str]:
    """Every image under ``static_dirs`` (not through links to folders, which are not
    published), as a path relative to its folder; ``MAX_SUGGESTED_FILES`` at most."""
    found: list[str] = []
    for root in static_dirs:
        for folder, _, names in os.walk(root):
            base = Path(folder).relative_to(root).as_posix()
            found += [
                posixpath.normpath(posixpath.join(base, name))
                for name in names
                if _is_image_name(name)
            ]
            if len(found) >= MAX_SUGGESTED_FILES:
                return sorted(found[:MAX_SUGGESTED_FILES])
    return sorted(found)
