"""The static files a build publishes: the built-in theme's, then the site's ``static/``,
which overrides them. Found once per build, for ``check`` as for ``build``, so that a
file the build could not publish fails both the same way.

A symbolic link under ``static/`` that leads out of the site is an error, as it is in
``content/``: copied into the output, ``static/passwd.txt -> /etc/passwd`` would publish
the file. Links to folders are not followed (as before); broken links and loops are
errors, named, rather than files that silently go missing; so are named pipes, sockets
and devices, which cannot be copied. Nor may a link reach what the walk leaves out by
name: ``static/c.sqlite -> ../.articlegen-cache/cache.sqlite`` stays in the site, but would
publish the text of drafts (``.git/config``, ``.env`` likewise).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from ..core.errors import ArticlegenError
from ..core.layout import STATIC_DIR, is_skipped
from ..core.limits import special_file_problem
from ..core.model import PlacedImage, RenderedPage
from .articles import broken_link_error, loop_error, outside_site, relative, unlisted

"""The site's folder of files published as they are."""

StaticFile = tuple[Path, str]
"""A static file's source and its path in the output (``/``-separated)."""


def find_static(
    static_dirs: Sequence[Path], root: Path
) -> tuple[list[StaticFile], list[ArticlegenError]]:
    """Every static file to publish, sorted by output path (a later folder's file wins),
    and the links that cannot be published. A folder inside ``root`` may link anywhere
    inside the site; one outside it (the built-in theme) only inside itself."""
    chosen: dict[str, Path] = {}
    problems: list[ArticlegenError] = []
    site = Path(os.path.realpath(root))
    for folder in static_dirs:
        inside = folder.absolute().is_relative_to(root.absolute())
        home = site if inside else Path(os.path.realpath(folder))
        if not _usable_link(folder, home, root, problems) or not folder.is_dir():
            continue
        for path in _walk(folder, home, root, problems):
            chosen[path.relative_to(folder).as_posix()] = path
    return sorted(((source, name) for name, source in chosen.items()), key=lambda f: f[1]), problems


def _walk(folder: Path, home: Path, root: Path, problems: list[ArticlegenError]) -> Iterable[Path]:
    """The regular files under ``folder`` (links to files inside ``home`` included), not
    going into linked folders; each link that leads nowhere or out of ``home`` reported."""
    for parent, subfolders, files in os.walk(
        folder, onerror=unlisted(root, problems, STATIC_DIR, ArticlegenError)
    ):
        here = Path(parent)
        linked = [name for name in subfolders if (here / name).is_symlink()]
        for name in sorted(linked):
            if not is_skipped(name):
                _usable_link(here / name, home, root, problems)
        subfolders[:] = sorted(n for n in subfolders if not is_skipped(n) and n not in linked)
        for name in sorted(files):
            path = here / name
            if is_skipped(name) or not _usable_link(path, home, root, problems):
                continue
            problem = special_file_problem(path, relative(root, path), ArticlegenError)
            if problem is None:
                yield path
            else:
                problems.append(problem)


def _usable_link(path: Path, home: Path, root: Path, problems: list[ArticlegenError]) -> bool:
    """Whether ``path`` (if a link) leads to something inside ``home``; if not, why, added
    to ``problems``."""
    if not path.is_symlink():
        return True
    try:
        target = Path(os.path.realpath(path, strict=True))
    except OSError as exc:
        loop = exc.errno == errno.ELOOP
        problems.append((loop_error if loop else broken_link_error)(root, path, ArticlegenError))
        return False
    if not target.is_relative_to(home):
        kind = "folder" if target.is_dir() else "file"
        problems.append(outside_site(root, path, kind, STATIC_DIR, ArticlegenError))
        return False
    inner = target.relative_to(home)
    left_out = next((part for part in inner.parts if is_skipped(part)), None)
    if left_out is not None:
        problems.append(
            ArticlegenError(
                f"symbolic link to {inner.as_posix()}, which is hidden: {left_out} is never "
                "published, and a link does not publish it either",
                relative(root, path),
                hint=f"remove the link, or copy the file into {STATIC_DIR}/ if it is meant to "
                "be published",
            )
        )
        return False
    return True


def collision_problems(
    pages: Iterable[RenderedPage],
    statics: Iterable[StaticFile],
    root: Path,
    aliases: Mapping[str, str],
) -> list[ArticlegenError]:
    """Static files with the output path of a generated page: one would overwrite the
    other, so neither is published silently. ``aliases`` maps a redirect page's output path
    to the ``file:line`` of its alias, which the message then names."""
    generated = {page.out_path: page.url for page in pages}
    return [
        _collision(relative(root, source), name, generated[name], aliases.get(name))
        for source, name in statics
        if name in generated
    ]


def _collision(source: str, name: str, url: str, alias: str | None) -> ArticlegenError:
    if alias is not None:
        return ArticlegenError(
            f"this static file would be published as {name}, which is the redirect page of "
            f"the alias '/{url}' at {alias}",
            source,
            hint="rename or move the static file, or remove the alias",
        )
    return ArticlegenError(
        f"this static file would be published as {name}, which is the generated page /{url}",
        source,
        hint="rename or move the static file (or change the slug of the page's article)",
    )


def variant_collisions(
    images: Iterable[PlacedImage], statics: Sequence[StaticFile], root: Path
) -> list[ArticlegenError]:
    """Static files, and other images' copies, published at the address of an image's
    responsive copy (``variants``): one would replace the other. (A copy at the original's
    own address replaces it, on purpose.)"""
    sources = {name: source for source, name in statics}
    made: dict[str, Path] = {}
    problems: dict[str, ArticlegenError] = {}
    hint = "rename one of them (copies are named <name>-<width>w.<format>)"
    for image in images:
        if image.source is None:
            continue
        for variant in image.variants:
            first = made.setdefault(variant.path, image.source)
            if first != image.source:
                problems[variant.path] = ArticlegenError(
                    f"this image's responsive copy /{variant.path} has the address of one made "
                    f"of {relative(root, first)}",
                    relative(root, image.source),
                    hint=hint,
                )
    problems |= {
        name: ArticlegenError(
            f"this static file has the address of a responsive copy the build makes of "
            f"{relative(root, original)}: /{name}",
            relative(root, sources[name]),
            hint=hint,
        )
        for name, original in made.items()
        if name in sources and sources[name] != original
    }
    return list(problems.values())
