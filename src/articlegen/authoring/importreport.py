"""What ``articlegen import`` did (``ImportReport``) and how it is printed: each file made,
what was skipped and why, and, for ``--dry-run``, the table of what would be written.

Lines are returned with the stream they belong on: what was done on standard output,
warnings and notes (what needs the author's hand) on standard error.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ..core.console import counted
from ..core.errors import Diagnostic

OUT = "out"
ERR = "err"
_TITLE_WIDTH = 40


@dataclasses.dataclass(frozen=True, slots=True)
class Imported:
    """One new article file and what its author should look at."""

    source: Path
    """The file or folder that was imported."""
    path: Path
    """The new ``content/<slug>.md``."""
    warnings: tuple[Diagnostic, ...]
    """Problems left for the author, at their line in the new file."""
    origin: str = ""
    """The post within the source (its file, or the export's post); the source for one file."""
    title: str = ""
    old: str | None = None
    """The post's old address (site path), if it had one."""
    replaced: bool = False
    """An existing article was written over (``--overwrite``)."""


@dataclasses.dataclass(frozen=True, slots=True)
class AlreadyThere:
    """A post skipped because an article already has its old address."""

    origin: str
    old: str
    existing: str
    """The article that has it, ``content/…``."""


@dataclasses.dataclass(slots=True)
class ImportReport:
    """Everything one ``import`` did (or, in a dry run, would do)."""

    imported: list[Imported] = dataclasses.field(default_factory=list)
    already: list[AlreadyThere] = dataclasses.field(default_factory=list)
    skipped: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    """``(source, "draft 3, attachment 12")`` for each source that left items out."""
    notes: list[Diagnostic] = dataclasses.field(default_factory=list)
    """Warnings about a whole source (unknown keys, template tags kept as text)."""
    images: list[str] = dataclasses.field(default_factory=list)
    """``static/…`` files copied from the sources (images, and files posts link to)."""
    remote: dict[str, str] = dataclasses.field(default_factory=dict)
    """Image address → ``static/`` path it should be saved as, for the author to fetch."""
    authors: list[str] = dataclasses.field(default_factory=list)
    """Ids added to ``site.yaml`` ``authors:``."""
    written: bool = True
    """False for a dry run."""


def import_lines(report: ImportReport, root: Path) -> list[tuple[str, str]]:
    """``(stream, line)`` pairs, in the order to print them."""
    lines: list[tuple[str, str]] = []
    if not report.written:
        lines += _table(report, root)
    for each in report.imported:
        if report.written:
            verb = "replaced" if each.replaced else "imported"
            lines.append((OUT, f"{verb} {each.origin or each.source} as {_shown(each.path, root)}"))
        lines += [(ERR, f"warning: {warning}") for warning in each.warnings]
    for already in report.already:
        lines.append(
            (
                OUT,
                f"skipped {already.origin}: already imported as {already.existing} "
                f"(its old address {already.old}; --overwrite writes it again)",
            )
        )
    for source, counts in report.skipped:
        lines.append((OUT, f"left out of {source}: {counts}"))
    if report.images:
        copied = "would copy" if not report.written else "copied"
        lines.append((OUT, f"{copied} {counted(len(report.images), 'file')} into static/"))
    for person in report.authors:
        added = "would add" if not report.written else "added"
        lines.append((OUT, f"{added} '{person}' to site.yaml 'authors:'"))
    lines += [(ERR, f"warning: {note}") for note in report.notes]
    if report.remote:
        lines.append(
            (
                ERR,
                f"note: images left on the old site ({len(report.remote)}): save each into "
                "static/ as shown, and change its link to the path after static/",
            )
        )
        for url, path in report.remote.items():
            lines.append((ERR, f"  {url} → static/{path}" if path else f"  {url}"))
    if not report.written:
        lines.append((OUT, "dry run: nothing was written"))
    return lines


def _table(report: ImportReport, root: Path) -> list[tuple[str, str]]:
    """Old address → new file, title and number of warnings, one line per article."""
    rows = [("old address", "new file", "title", "warnings")]
    for each in report.imported:
        title = each.title if len(each.title) <= _TITLE_WIDTH else each.title[:39] + "…"
        rows.append(
            (each.old or each.origin, _shown(each.path, root), title, str(len(each.warnings)))
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    table = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    return [(OUT, line.rstrip()) for line in table] + [(OUT, "")]


def _shown(path: Path, root: Path) -> str:
    try:
        return path.absolute().relative_to(root.absolute()).as_posix()
    except ValueError:
        return str(path)
