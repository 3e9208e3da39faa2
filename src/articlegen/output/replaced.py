"""The files a build removes by replacing an output folder whole: one with the mark but no
record of the files builds wrote (``outputrecord``), made by an articlegen from before the
record, or with the record deleted. What builds wrote cannot be told from what someone put
there by hand, and the mark allows replacing the folder, so the build does, as it always
did; but a file of someone's own went without a word. Now the build names the files it
removes that it does not write itself, and where they still are: a build with the cache
keeps the site it replaced as the cache's ``spare-output/`` until the next build stages
into it (``write._remove_old``), which is checked file by file before it is said.
``articlegen check`` names them beforehand, when moving them is still simple. Said once,
and not routine, the note is printed under ``build --quiet`` too (``BuildResult.said_once``).

A note, not a warning: the build does what the mark allows and the docs say, and the next
build has the record; a warning would fail ``--strict`` builds, which could then never
replace the folder (each would stop before writing, the record still missing).
"""

from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import Path

from ..core.console import counted
from ..core.layout import OUTPUT_FILES, OUTPUT_MARKER
from ..core.problems import one_line
from .outputrecord import files_under, load_written, shown_folder

SHOWN = 5
"""Files a note names before counting the rest."""


def replaced_files(
    output: Path, building: Collection[str], index: str | None, root: Path
) -> list[str]:
    """The files of ``output`` (relative, sorted) that a build writing ``building`` (and
    its search index in the folder ``index``, None for a build that does not index: its
    files are not known beforehand, but the index is made there whole) does not write, when
    ``output`` has no record and is replaced whole; none when it has one (a build keeps the
    files it did not write) or is not there."""
    if load_written(output) is not None or not output.is_dir():
        return []
    written = {
        name.casefold() for name in (*building, OUTPUT_MARKER, OUTPUT_FILES)
    }  # as a disk ignoring case
    return [
        name
        for name in files_under(output, root)[0]
        if name.casefold() not in written and name.partition("/")[0] != index
    ]


def replaced_notes(
    removed: list[str], output: Path, root: Path, *, spare: Path | None, built: bool
) -> list[str]:
    """The note naming the ``removed`` files: those a build (``built``) removed, with where
    they still are when the replaced site is kept in ``spare``; those ``check`` found the
    next build would remove."""
    if not removed:
        return []
    folder = shown_folder(output, root)
    named = ", ".join(one_line(f"{folder}/{name}") for name in removed[:SHOWN])
    if len(removed) > SHOWN:
        named += f" and {len(removed) - SHOWN:,} more"
    one = len(removed) == 1
    files = (
        f"{counted(len(removed), 'file')} it {'does' if built else 'would'} not write (pages "
        f"an earlier build wrote, or files put there by hand): {named}"
    )
    record = f"no {OUTPUT_FILES}, the record of the files builds wrote there"
    if not built:
        return [
            f"{folder}/ has {record}, so the next build replaces it whole, removing {files} — "
            f"to keep a file put there by hand, move it into static/ first, from where the "
            "build publishes it"
        ]
    if spare is not None and all(os.path.lexists(spare / name) for name in removed):
        where = (
            f"until the next build {'it is' if one else 'they are'} in "
            f"{shown_folder(spare, root)}/, under the same {'name' if one else 'names'}: copy "
            "what you need into static/, from where the build publishes it"
        )
    else:
        where = (
            f"no copy of {'it' if one else 'them'} was kept (a build with the cache keeps the "
            "folder it replaced until the next build; this one ran with --no-cache, or its "
            f"cache is on another disk than {folder}/)"
        )
    return [
        f"{folder}/ had {record} (an articlegen from before the record made it, or the "
        f"record was deleted), so this build replaced it whole, removing {files} — {where}; "
        "from now on builds keep files put there by hand"
    ]
