"""The output folder's contract: which folder a build may replace.

A build replaces its output folder whole (``output.write_site``), so it takes only a folder
whose loss costs nothing:

* never the site folder, its sources (``content/``, ``templates/``, ``static/``), its build
  cache (which holds the text of drafts), a git repository, or a folder holding the site
  (its parents, the home folder, ``/``); nor anything inside those but the site itself —
  all judged after following symbolic links, so a link cannot smuggle one in;
* and, where the folder exists: one that is empty, or holds ``OUTPUT_MARKER``, the file every
  build writes into its output. A folder built before the marker existed is taken once
  when the site's last build receipt names it and it is exactly as that build left it.
  Never one that holds a ``.git`` (``git init public`` or ``git worktree add public``
  after a build, to publish from there): the mark stays in such a folder, but replacing it
  would delete the repository.

Anything else is an error that names the folder (and the line of ``output:`` in
``site.yaml`` when it came from there) and says how to proceed. ``check`` applies the same
rules as ``build``; ``clean`` deletes only such a folder.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

from ..core.characters import describe
from ..core.errors import OutputError
from ..core.layout import CACHE_DIR, CONFIG_FILE, OUTPUT_MARKER, SOURCE_FOLDERS
from ..core.model import SiteConfig
from ..core.records import record
from ..incremental.freshness import last_output

MARKER_TEXT = (
    b"This folder is the output of articlegen, a static-site generator. Each build\n"
    b"replaces the files the last one wrote (.articlegen-files) and keeps any other,\n"
    b"with a warning. articlegen takes a folder only when it is empty or holds this file.\n"
)
"""The marker's bytes: the same in every build, so outputs stay byte-identical."""

_SOURCES = {folder: f"the {folder} folder" for folder in SOURCE_FOLDERS}


@record
class Destination:
    """The output folder of a build, and where it was named, for messages."""

    path: Path
    """The folder, absolute (not resolved: a link to a folder stays a link)."""
    line: int | None = None
    """The line of ``output:`` in ``site.yaml``, when the folder was named there."""
    flag: bool = False
    """Named by ``--output`` on the command line."""

    def named(self, root: Path) -> str:
        """How messages name the folder: site-relative when inside the site."""
        try:
            shown = self.path.relative_to(root.absolute()).as_posix()
        except ValueError:
            shown = str(self.path)
        shown = shown.replace("\t", "\\t")  # messages escape the other controls themselves
        return f"the --output folder {shown}" if self.flag else f"output folder '{shown}'"

    def error(self, root: Path, message: str, hint: str) -> OutputError:
        """An error about this folder, placed at ``output:`` when it came from there."""
        return OutputError(
            f"{self.named(root)} {message}",
            CONFIG_FILE if self.line is not None else None,
            self.line,
            hint,
        )

    def elsewhere(self) -> str:
        """How to name another folder, where this one was named (not offering its own name:
        a foreign ``public`` is another folder's to give)."""
        where = "give --output" if self.flag else f"set 'output:' in {CONFIG_FILE} to"
        example = "www" if self.path.name == "public" else "public"
        return f"{where} a folder of its own, such as '{example}'"


def destination(root: Path, config: SiteConfig, given: Path | None) -> Destination:
    """The output folder: ``given`` (``--output``) or ``site.yaml``'s ``output``."""
    if given is not None:
        return Destination(given.absolute(), flag=True)
    return Destination(root.absolute() / config.output, config.lines.get("output"))


def check_location(dest: Destination, root: Path) -> None:
    """Refuse a folder whose replacement would destroy the site, its sources or its cache,
    or would publish the cache (a build or ``check`` refuses it before reading anything)."""
    inside = dest.path.is_relative_to(root.absolute())
    if inside and not dest.flag and dest.path.relative_to(root.absolute()).parts[:1] == ("~",):
        raise dest.error(
            root,
            "starts with '~', which only a shell reads as your home folder: the build would "
            "make a folder named '~' in the site",
            "write the whole path (output: /home/you/www), or a folder in the site such as "
            "'public'",
        )
    _check_characters(dest, root)
    _check_reachable(dest, root)
    out, site = Path(os.path.realpath(dest.path)), Path(os.path.realpath(root))
    reason = _forbidden(out, site)
    if reason is not None:
        raise dest.error(
            root,
            f"is {reason}, and a build replaces its output folder whole",
            dest.elsewhere(),
        )


_UNNAMEABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
"""A character a folder's name should not hold: a line break, a tab, another control
character, a Unicode line or paragraph separator. The system takes them, but a file
manager, a shell and a deploy script each show or split such a name differently; in
``site.yaml`` one comes from a YAML escape (``output: "a\\nb"``) or a block scalar
(``output: |``, which ends its value with a line break), never on purpose."""
_SHOWN = {
    "\t": "a tab (U+0009)",
    "\n": "a line break (U+000A)",
    "\r": "a carriage return (U+000D)",
    "\u2028": "a line separator (U+2028)",
    "\u2029": "a paragraph separator (U+2029)",
}


def _check_characters(dest: Destination, root: Path) -> None:
    """Refuse a folder named with an ``_UNNAMEABLE`` character (the part of its path the
    author wrote: the site's own folder may be named anyhow), offering the name without
    it. A build made such a folder, ``public`` and a line break, beside the site."""
    absolute = root.absolute()
    written = dest.path.relative_to(absolute) if dest.path.is_relative_to(absolute) else dest.path
    found = _UNNAMEABLE.search(str(written))
    if found is None:
        return
    char = found.group()
    fixed = _UNNAMEABLE.sub("", str(written)) or "public"
    raise dest.error(
        root,
        f"holds {_SHOWN.get(char) or 'a ' + describe(char)} at character {found.start() + 1},"
        " which would be part of the folder's name",
        "give --output the folder's name without it"
        if dest.flag
        else f"write the folder's name without it: output: {fixed}",
    )


def _check_reachable(dest: Destination, root: Path) -> None:
    """Refuse a path the system cannot look up: a symbolic link in a loop, a name longer
    than the disk takes. Each was a traceback where the folder was first followed."""
    try:
        os.stat(dest.path)
    except FileNotFoundError:  # absent: the build makes it
        return
    except NotADirectoryError:
        raise dest.error(
            root, "has a file where one of the folders of its path belongs", dest.elsewhere()
        ) from None
    except OSError as exc:
        looped = exc.errno == errno.ELOOP
        raise dest.error(
            root,
            f"cannot be looked up: {exc.strerror or exc}"
            + (" (a symbolic link that leads back to itself)" if looped else ""),
            ("remove the link or point it at a folder, or " if looped else "") + dest.elsewhere(),
        ) from None


def _forbidden(out: Path, site: Path) -> str | None:
    """Why ``out`` (resolved) may not be the output folder of ``site`` (resolved), if so."""
    home = Path(os.path.realpath(Path.home()))
    if out == site:
        return "the site folder itself"
    if out == home:
        return "your home folder"
    if site.is_relative_to(out):
        return (
            "the root of the file system"
            if out == Path(out.anchor)
            else ("a folder that holds the site")
        )
    cache = site / CACHE_DIR
    if out.is_relative_to(cache):
        where = "the build cache folder" if out == cache else "inside the build cache folder"
        return f"{where} ({CACHE_DIR}, which holds the text of drafts)"
    if ".git" in out.parts:
        where = "a git repository's own folder" if out.name == ".git" else "inside a git folder"
        return f"{where} (.git)"
    for name, what in _SOURCES.items():
        if out.is_relative_to(site / name):
            return what if out == site / name else f"inside {what} ({name}/)"
    return None


def check_replaceable(dest: Destination, root: Path) -> None:
    """Refuse an existing folder that articlegen did not make: a build would delete it."""
    folder = dest.path
    if folder.is_dir():
        _refuse_git(dest, root)
        if _ours(folder) or last_output(root) == (folder.resolve(), True):
            return
        raise _not_ours(dest, root)
    if folder.exists():  # a link to nothing yet is fine: the build makes its folder
        raise dest.error(
            root,
            "exists and is not a folder",
            f"if the file is not needed, delete it yourself; or {dest.elsewhere()}",
        )


def may_delete(dest: Destination, root: Path) -> bool:
    """Whether ``articlegen clean`` may delete the folder (it exists): one a build may
    replace, or the one the site's last build wrote, even changed since. Raises if it
    may not; False if there is no folder."""
    check_location(dest, root)
    folder = dest.path
    if not folder.exists():
        return False
    if not folder.is_dir():
        raise dest.error(root, "is not a folder", "delete it yourself if it is not needed")
    _refuse_git(dest, root)
    last = last_output(root)
    if _ours(folder) or (last is not None and last[0] == folder.resolve()):
        return True
    raise _not_ours(dest, root)


def _refuse_git(dest: Destination, root: Path) -> None:
    """Refuse a folder that holds a git repository (or a worktree's ``.git`` file): the mark
    or the receipt says the rest is the build's, but the repository is not."""
    if os.path.lexists(dest.path / ".git"):
        raise dest.error(
            root,
            "holds a git repository (.git): a build replaces its output folder whole, "
            "so articlegen leaves it alone",
            "publish from another folder (copy the built site into the repository), or move "
            f"the repository out of '{dest.path.name}'",
        )


def _ours(folder: Path) -> bool:
    """Empty, or marked as an output articlegen made (by a file, not a link to one)."""
    try:
        with os.scandir(folder) as entries:
            names = [entry.name for entry in entries]
    except OSError:
        return False
    marker = folder / OUTPUT_MARKER
    return not names or (OUTPUT_MARKER in names and marker.is_file() and not marker.is_symlink())


def _not_ours(dest: Destination, root: Path) -> OutputError:
    last = last_output(root)
    clean = "articlegen clean" + (f" --output {dest.path}" if dest.flag else "")
    if last is not None and last[0] == dest.path.resolve():
        return dest.error(
            root,
            f"was built by an older articlegen, without the {OUTPUT_MARKER} mark, and changed "
            "since: a build replaces its output folder whole, so articlegen leaves it alone",
            f"run '{clean}' to delete it (or delete it yourself), then build again",
        )
    return dest.error(
        root,
        f"is not empty and has no {OUTPUT_MARKER} file, the mark of a folder articlegen made: "
        "a build replaces its output folder whole, so articlegen leaves this one alone",
        "delete the folder yourself if nothing in it is needed (a site built by an older "
        f"articlegen, without the mark, is made again in full), or {dest.elsewhere()}",
    )
