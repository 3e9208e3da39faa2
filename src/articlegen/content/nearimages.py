"""The images of ``static/`` a path that names none may have meant, for the error's "did you
mean": the path read loosely, folder by folder: each folder as written, else in another case
(a file saved as ``Images/Sleep.JPG``, written ``images/sleep.jpg``, works on a Mac's disk and
fails on the web server's), else the closest name; then, in the folder reached, the images
whose names are the same in another case or come closest. A path starting ``static/`` is
read without it first, as it is one written from the site's folder.

Only the folders along the path are listed, so an error costs a few folder listings however
large ``static/`` is (a WordPress import can leave hundreds of missing images in a site of
tens of thousands of files).
"""

from __future__ import annotations

import mimetypes
import os
import posixpath
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from ..core.errors import closest, suggestion
from ..core.layout import CONTENT_DIR, STATIC_DIR, is_skipped


def near_images(relative: str, static_dirs: Sequence[Path]) -> str:
    """`` (did you mean 'images/Sleep.JPG' (it differs only in case)?)``, or ``""``."""
    parts = [part for part in relative.replace("\\", "/").split("/") if part not in ("", ".")]
    if not parts:
        return ""
    found = [path for root in static_dirs for path in _loosely(root, parts)]
    if len(parts) > 1 and parts[0] == STATIC_DIR:  # written from the site's folder, as an
        # editor completes it: static/images/a.jpg, where images/a.jpg is meant
        found = [path for root in static_dirs for path in _loosely(root, parts[1:])] + found
    if len(parts) == 1:  # a file name alone, walk.jpg, where images/walk.jpg is meant
        found += [path for root in static_dirs for path in _in_a_folder(root, parts[0])]
    return suggestion(list(dict.fromkeys(found))[:3], relative)


def from_article(src: str, source: str) -> str | None:
    """The path under ``static/`` that an image path climbing out with ``..`` names when
    read from its article's folder, as an editor completes it (``../static/images/a.jpg``
    in ``content/a.md`` is ``images/a.jpg``); None when it leads elsewhere."""
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(source), src.replace("\\", "/")))
    head, _, rest = joined.partition("/")
    return rest if head == STATIC_DIR and rest and not rest.startswith("../") else None


def _in_a_folder(root: Path, name: str) -> list[str]:
    """``folder/name`` for each folder just under ``root`` holding a file of that name in
    any case: a listing of each top folder, however large ``static/`` is below them."""
    return [
        f"{folder}/{found}"
        for folder in _names(root, folders=True)
        for found in _names(root / folder, folders=False)
        if found.casefold() == name.casefold()
    ]


def beside_article(relative: str, source: str, site: Path) -> str | None:
    """The file under ``content/`` that a missing image's path names relative to its article
    (``content/img/walk.jpg`` for ``img/walk.jpg`` in ``content/a.md``), as Hugo's page
    bundles keep images, if there is one: files in ``content/`` are not published."""
    beside = PurePosixPath(source).parent / relative
    try:
        found = beside.parts[0] == CONTENT_DIR and (site / beside).is_file()
    except (OSError, IndexError):
        return None
    return beside.as_posix() if found else None


def _loosely(root: Path, parts: list[str]) -> list[str]:
    """The images under ``root`` that ``parts`` (folders, then a file name) may name."""
    folder, chosen = root, []
    for part in parts[:-1]:
        name = _nearest(part, _names(folder, folders=True))
        if name is None:
            return []
        folder = folder / name
        chosen.append(name)
    images = [name for name in _names(folder, folders=False) if _is_image(name)]
    return [posixpath.join(*chosen, name) for name in _close_images(parts[-1], images)]


def _nearest(part: str, names: list[str]) -> str | None:
    """``part`` if it is one of ``names``, else the one it equals but for case, else the
    closest one."""
    if part in names:
        return part
    close = _close(part.casefold(), {name.casefold(): name for name in names})
    return close[0] if close else None


def _close_images(written: str, names: list[str]) -> list[str]:
    """The names equal to ``written`` but for case, then those whose names without their
    extensions come closest (every ``.jpg`` shares four characters)."""
    same = [name for name in names if name.casefold() == written.casefold()]
    stems: dict[str, list[str]] = {}
    for name in names:
        stems.setdefault(posixpath.splitext(name)[0].casefold(), []).append(name)
    near = closest(posixpath.splitext(written)[0].casefold(), stems)
    return list(dict.fromkeys([*same, *(name for stem in near for name in stems[stem])]))


def _close(folded: str, names: dict[str, str]) -> list[str]:
    if folded in names:
        return [names[folded]]
    return [names[match] for match in closest(folded, names)]


def _names(folder: Path, *, folders: bool) -> list[str]:
    """The published folders or files in ``folder`` (none if it cannot be listed), sorted."""
    try:
        with os.scandir(folder) as entries:
            return sorted(
                entry.name
                for entry in entries
                if not is_skipped(entry.name) and _is_kind(entry, folders)
            )
    except OSError:
        return []


def _is_kind(entry: os.DirEntry[str], folders: bool) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False) if folders else entry.is_file()
    except OSError:
        return False


def _is_image(name: str) -> bool:
    return (mimetypes.guess_type(name)[0] or "").startswith("image/")
