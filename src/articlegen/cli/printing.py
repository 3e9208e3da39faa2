"""How a command ends: its exit codes and the lines it prints (errors, warnings and notes on
standard error, the summary with its counts and wall time), the same for every command."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ..core.console import counted, say
from ..core.errors import ArticlegenError, report_lines, warning_lines
from ..core.model import BuildResult

EXIT_OK, EXIT_ERRORS, EXIT_INTERRUPTED = 0, 1, 130


def summary(result: BuildResult, what: str, args: argparse.Namespace) -> str:
    counts = f"{counted(result.articles, 'article')}, {counted(len(result.pages), 'page')}"
    if len(result.rendered) < len(result.pages):
        counts += f" ({len(result.rendered):,} rendered, the rest unchanged)"
    if result.diagnostics:
        counts += f", {counted(len(result.diagnostics), 'warning')}"
    return f"{counts}; {what} in {wall(args)}"


def wall(args: argparse.Namespace) -> str:
    """The wall time of the command so far, start-up included: what the user waited."""
    return f"{time.perf_counter() - args.started:.2f} s"


def print_notes(result: BuildResult, *, quiet: bool = False) -> None:
    """The notes, after the warnings; with ``quiet`` (``build --quiet``) only those on files
    of the user's the build removed (``said_once``): no later build can say them again, and
    the one copy of those files goes with the next build."""
    for note in (*(() if quiet else result.notes), *result.said_once):
        stderr(f"note: {note}")


def print_warnings(result: BuildResult) -> None:
    for line in warning_lines(result.diagnostics):
        stderr(line)


def print_error(error: ArticlegenError) -> None:
    for line in report_lines(error):
        stderr(line)


def fail(message: str) -> None:
    stderr(f"error: {message}")


def stderr(line: str) -> None:
    """An error, warning or note line, on standard error, its label coloured on a terminal."""
    say(line, sys.stderr)


def shown(path: Path | None, site: Path) -> str:
    if path is None:
        return "-"
    try:
        return (
            path.absolute().relative_to(site.absolute()).as_posix() + "/"
            if path.is_dir()
            else path.absolute().relative_to(site.absolute()).as_posix()
        )
    except ValueError:
        return str(path)
