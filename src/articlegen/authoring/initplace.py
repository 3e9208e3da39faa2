"""Where ``articlegen init`` may not start a new site: inside a folder of another site that
the other site's builds read (``content/``, ``static/``, ``templates/``) or replace (its
output folder).

The site a folder belongs to is found without searching the disk: the folder's own
parents (a site above it), and, for an output folder outside its site (``output: ../www``),
the sites beside each of those parents (``../www`` is beside ``blog/``, and ``www/new``'s
parent ``www`` is beside it too): one listing of a folder for each parent, each entry
holding a ``site.yaml`` asked where its output goes. An output folder any build wrote holds
``OUTPUT_MARKER``; where that is all that is known (a site further away, ``--output``), the
folder is refused all the same, without a site to name.

Nor, unless forced, in a folder that holds anything but hidden entries (``.git``, a
``.venv``), as ``hugo new site`` and ``zola init`` refuse one: a bare ``articlegen init``
in a folder of other work would scatter a site's files among them.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..content.config import load_config
from ..core.errors import ArticlegenError
from ..core.layout import (
    CONFIG_FILE,
    CONTENT_DIR,
    DEFAULT_OUTPUT,
    OUTPUT_MARKER,
    SOURCE_FOLDERS,
    STATIC_DIR,
    TEMPLATES_DIR,
)

_READ_AS = {CONTENT_DIR: "its articles", STATIC_DIR: "files to publish", TEMPLATES_DIR: "templates"}
"""What a site makes of the files in each of its folders that ``init`` may not write into."""
_REPLACED = (
    "its output folder (public/ unless its site.yaml sets output:), which its next build"
    " replaces whole"
)
_HINT = (
    "to work on that site, run articlegen in {site}; to start another, give init a folder"
    " outside it (articlegen init NEW-FOLDER)"
)


def refuse_inside_a_site(root: Path) -> None:
    """Refuse a new site inside the ``content/``, ``static/`` or ``templates/`` folder of a
    site above it: ``articlegen init`` run from the ``content/`` folder a writer works in
    made ``content/content/welcome.md`` an article of the site above, and its
    ``templates/README.md`` and ``site.yaml`` files of that site's content, so the next
    build of that site failed on a README it never wrote. Nor inside a site's output
    folder (``_output_of``), whose contents that site's next build replaces: the output of
    a site above, or of a site beside one of the folder's parents (``output: ../www``)."""
    where = Path(os.path.abspath(root))  # '..' taken away, as the user means it
    for site in where.parents:
        if not (site / CONFIG_FILE).is_file():
            continue
        folder, output = where.relative_to(site).parts[0], _output_of(site)
        if folder in SOURCE_FOLDERS:
            why = f"whose builds would read the new site's files as {_READ_AS[folder]}"
            _refuse(where, site, site / folder, folder, why)
        if where.is_relative_to(output) and not site.is_relative_to(output):
            _refuse(where, site, output, _named(output, site), _REPLACED)
        break  # the nearest site decides: a site's own subfolders may hold what they like
    for site in _sites_beside(where):
        output = _output_of(site)
        if where.is_relative_to(output) and not site.is_relative_to(output):
            _refuse(where, site, output, _named(output, site), _REPLACED)
    for built in (where, *where.parents):
        if (built / OUTPUT_MARKER).is_file():
            raise ArticlegenError(
                f"{where} is {'' if where == built else 'inside '}the output folder of an"
                f" articlegen site (it holds {OUTPUT_MARKER}), which that site's next build"
                " replaces whole",
                hint="give init a folder outside it (articlegen init NEW-FOLDER)",
            )


def refuse_unless_empty(root: Path, shown: str) -> None:
    """Refuse a folder (``shown`` as the user named it) holding files or folders whose names
    do not start with a dot: ``init`` starts a site in an empty folder, or in one where only
    ``git init`` or ``python -m venv .venv`` has been run; ``--force`` adds the site's files
    beside the others, which are never overwritten."""
    try:
        with os.scandir(root) as entries:
            held = sorted(entry.name for entry in entries if not _hidden(entry.name))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ArticlegenError(
            f"cannot list {shown}: {exc.strerror or exc}",
            hint="check that it is a folder you may read and write",
        ) from exc
    if held:
        named = ", ".join(held[:3]) + (f" and {len(held) - 3} more" if len(held) > 3 else "")
        where = f"this folder ({os.path.abspath(root)})" if shown == "." else shown
        raise ArticlegenError(
            f"{where} is not empty (it holds {named}): init starts a new site in an empty folder",
            hint="give init a new folder (articlegen init NEW-FOLDER), or add --force to write"
            " the site's files beside these (a file that is there already is kept, never"
            " overwritten)",
        )


_SYSTEM_FILES = frozenset(("thumbs.db", "desktop.ini"))
"""What Windows leaves in a folder and hides, as macOS's ``.DS_Store`` is hidden by its dot:
a folder holding one looks empty to the writer (on Windows, or copied from it)."""


def _hidden(name: str) -> bool:
    """Whether an entry is one a writer does not see in the folder, nor made it."""
    return name.startswith(".") or name.casefold() in _SYSTEM_FILES


def _refuse(where: Path, site: Path, top: Path, folder: str, why: str) -> None:
    """The refusal of ``where``, the folder ``top`` of ``site`` or inside it."""
    raise ArticlegenError(
        f"{where} is {'the' if where == top else 'inside the'} {folder}/ folder of"
        f" the site {site}, {why}",
        hint=_HINT.format(site=site),
    )


def _named(output: Path, site: Path) -> str:
    """The output folder as ``output:`` would name it from ``site``: ``public``, ``../www``."""
    return os.path.relpath(output, site).replace(os.sep, "/")


def _sites_beside(where: Path) -> list[Path]:
    """The sites (folders holding ``site.yaml``) beside ``where`` and beside each of its
    parents, nearest first: where a site's output outside it (``output: ../www``) would
    be. Not the parents themselves (``refuse_inside_a_site`` asks those), nor anything
    deeper than one folder down from a parent."""
    sites: list[Path] = []
    for folder in (where, *where.parents):
        if folder.parent == folder:
            break
        try:
            with os.scandir(folder.parent) as entries:
                beside = sorted(Path(e.path) for e in entries if _folder_beside(e, folder))
        except OSError:  # a parent we may not list: nothing known beside it
            continue
        sites += [site for site in beside if _is_site(site)]
    return sites


def _folder_beside(entry: os.DirEntry[str], folder: Path) -> bool:
    """Whether ``entry`` of ``folder``'s parent is another folder (or a link to one)."""
    try:
        return entry.name != folder.name and entry.is_dir()
    except OSError:
        return False


def _is_site(folder: Path) -> bool:
    try:
        return (folder / CONFIG_FILE).is_file()
    except OSError:
        return False


def _output_of(site: Path) -> Path:
    """The output folder ``site``'s ``site.yaml`` names (``output:``), as its builds read it;
    the usual one where the file cannot be read, as a build that fails on it says."""
    try:
        return Path(os.path.abspath(site / load_config(site).output))
    except ArticlegenError:
        return site / DEFAULT_OUTPUT
