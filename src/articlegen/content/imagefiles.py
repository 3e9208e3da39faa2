"""The file of ``static/`` an image path names, and, when it names none, the error saying
why as precisely as it can be told: a path climbing out of ``static/``, a folder, a file
reached only through a link to a folder, a file left beside the article in ``content/``,
a path written from the site's folder (``static/images/a.jpg``), or a name to correct.

Apart from ``images``, which reads the files found: finding one is a few ``stat`` calls,
explaining a missing one the longest part of the code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from ..core.errors import MarkupError
from ..core.layout import STATIC_DIR
from ..core.model import ImageRef
from .nearimages import beside_article, from_article, near_images


def find_image(relative: str, static_dirs: Sequence[Path]) -> Path | None:
    """The file the output will hold: the last folder that has it wins, as in the static copy,
    which does not go into links to folders either."""
    for folder in reversed(static_dirs):
        candidate = folder / relative
        if _safely(candidate.is_file) and _linked_part(folder, relative) is None:
            return candidate
    return None


def not_found(
    ref: ImageRef, relative: str | None, static_dirs: Sequence[Path], source: str
) -> MarkupError:
    """Why no file of ``static/`` is the image ``ref`` names, as precisely as it can be told.
    ``static_dirs`` ends with the site's own ``static/``, in the site's folder."""
    if relative is None:
        meant = from_article(unquote(urlsplit(ref.src).path), source)
        return MarkupError(
            f"image '{ref.src}' is not a path inside the static folder"
            + (f" (did you mean '{meant}'?)" if meant else ""),
            source,
            ref.line,
            "write the path relative to static/, e.g. ![…]("
            + (f"{meant}), not relative to the article" if meant else "images/photo.jpg)"),
        )
    if (link := _linked_folder(relative, static_dirs)) is not None:
        return MarkupError(
            f"image static/{relative} is in static/{link}, a link to a folder, whose "
            "files are not published",
            source,
            ref.line,
            f"copy the folder into static/ instead of linking it (static/{link})",
        )
    if any(_safely((folder / relative).is_dir) for folder in static_dirs):
        return MarkupError(
            f"image static/{relative} is a folder",
            source,
            ref.line,
            f"give the path of an image file in it, e.g. {PurePosixPath(relative, 'photo.jpg')}",
        )
    if beside := beside_article(relative, source, static_dirs[-1].parent):
        return MarkupError(
            f"image file not found: static/{relative}; {beside} is in content/, whose images "
            "are not published",
            source,
            ref.line,
            f"move it to static/{relative}",
        )
    head, _, inside = relative.partition("/")
    if head == STATIC_DIR and inside:
        return _written_from_site(ref, relative, inside, static_dirs, source)
    return MarkupError(
        f"image file not found: static/{relative}{near_images(relative, static_dirs)}",
        source,
        ref.line,
        "put the file in the site's static/ folder, or fix the path",
    )


def _written_from_site(
    ref: ImageRef, relative: str, inside: str, static_dirs: Sequence[Path], source: str
) -> MarkupError:
    """The error for a path written from the site's folder (``static/images/a.jpg``, or
    ``/static/…``), which names ``static/static/images/a.jpg``: it says the path the writer
    looks at (``static/images/a.jpg``), whether that file is there, and that an image path
    starts inside ``static/``."""
    how = "an image path starts inside the static/ folder, so leave out 'static/'"
    if find_image(inside, static_dirs) is not None:
        return MarkupError(
            f"image '{ref.src}' names static/static/{inside}, not static/{inside}: {how}",
            source,
            ref.line,
            f"write the path as {inside} (for the file static/{inside})",
        )
    return MarkupError(
        f"image file not found: static/{inside}{near_images(relative, static_dirs)}; "
        f"the path '{ref.src}' would name static/static/{inside}: {how}",
        source,
        ref.line,
        f"put the file at static/{inside}, or fix the path, and write it as {inside}",
    )


def _safely(check: Callable[[], bool]) -> bool:
    """``check()`` of a path, False where the system cannot even look (a name longer than
    a disk holds, a folder it may not read): no such image is there to use."""
    try:
        return check()
    except OSError:
        return False


def _linked_folder(relative: str, static_dirs: Sequence[Path]) -> str | None:
    """The folder of ``relative`` (under a static folder) that is a link, if the file is
    there only through it."""
    for folder in reversed(static_dirs):
        if _safely((folder / relative).is_file) and (link := _linked_part(folder, relative)):
            return link
    return None


def _linked_part(folder: Path, relative: str) -> str | None:
    parts = relative.split("/")[:-1]
    for end in range(1, len(parts) + 1):
        if _safely(folder.joinpath(*parts[:end]).is_symlink):
            return "/".join(parts[:end])
    return None
