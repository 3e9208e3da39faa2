"""The ``articlegen`` command as a whole: one parser made of each command's, and the run of a
command turned into an exit code, whatever it raised, so no input ends in a traceback."""

from __future__ import annotations

import argparse
import contextlib
import gc
import re
import signal
import threading
import time
from collections.abc import Iterator, Sequence
from typing import NoReturn

from .. import __version__
from ..core.errors import (
    ArticlegenError,
    BuildFailed,
    InterruptedAfterWrite,
    did_you_mean,
    interruption,
)
from ..core.wallclock import process_started
from . import building, newfiles, reporting, serving
from .printing import EXIT_ERRORS, EXIT_INTERRUPTED, EXIT_OK, fail, print_error

# The build stages are imported where they are used: a rebuild with nothing to do
# (freshness.fresh_receipt) then costs a walk over the site, not the import of them all.


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code (0 ok, 1 input errors, 2 usage, 130 Ctrl-C).

    Without ``argv`` this process is the command (``sys.argv``), so the wall time its
    summary prints starts with the process; with ``argv`` (tests, embedding), with the call."""
    started = process_started() if argv is None else time.perf_counter()
    args = argparse.Namespace(unfinished=None)  # until the arguments are read
    try:
        parser = make_parser()
        args = parser.parse_args(argv)
        if not hasattr(args, "run"):  # bare 'articlegen': help, as pip, cargo and docker print
            parser.print_help()
            return EXIT_OK
        args.started = started
        with _collections(resident=getattr(args, "resident", False), last=argv is None):
            status: int = args.run(args)
            return status
    except BuildFailed as failed:
        print_error(failed)
        fail(f"{failed.message}; {args.unfinished or _NOTHING_WRITTEN}")
        return EXIT_ERRORS
    except ArticlegenError as error:
        print_error(error)
        return EXIT_ERRORS
    except (KeyboardInterrupt, Exception) as error:
        if (stop := interruption(error)) is None:
            raise
        return _interrupted(stop, args, last=argv is None)


def _interrupted(stop: KeyboardInterrupt, args: argparse.Namespace, last: bool) -> int:
    """Say that the command was interrupted, and what that left; ``EXIT_INTERRUPTED``. As
    the ``last`` thing this process does (it is the command, not a caller's call), a Ctrl-C
    after this one is ignored: it could only cut the message short and end the process by
    the signal instead of the exit code."""
    if last and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    if isinstance(stop, InterruptedAfterWrite):
        fail(
            f"interrupted after the new site was written to {stop.output}; the build cache"
            " was not saved, so the next build does more work"
        )
    else:
        fail(f"interrupted; {args.unfinished or _UNTOUCHED}")
    return EXIT_INTERRUPTED


GC_THRESHOLDS = (50_000, 20, 20)
"""Cyclic garbage collection in a command that keeps running (``serve``), run far less often
than Python's default (700, 10, 10); worker processes keep the default
(``workers.WORKER_GC_THRESHOLDS``)."""


@contextlib.contextmanager
def _collections(*, resident: bool, last: bool) -> Iterator[None]:
    """The command with the cyclic garbage collector's automatic passes off, or, for a
    ``resident`` command (the preview, left running all day), run seldom
    (``GC_THRESHOLDS``); the collector's state is restored after, for callers of ``main``,
    but not when the command is the ``last`` thing its process does (``__main__.command``
    ends it at once).

    A build makes millions of small objects that reference counting frees alone, and each
    pass walks every object the build holds (the build cache's articles and bodies among
    them): with passes as seldom as ``GC_THRESHOLDS`` they still cost a tenth of a body
    edit's rebuild and a twentieth of a cold build's CPU (2,000 articles). A command that
    ends frees what cycles it leaves (Jinja's macros make some) when it ends; the one
    collection that matters is made before Pagefind runs (``output/publish.py``), and worker
    processes collect as Python does by default (``workers``). Peak memory of a cold build
    of 10,000 articles (the largest process): 899 MB with seldom passes, 937 MB without.
    The collector turned back on would make a pass at once, over everything the build made
    and left, its reference cycles with the objects they hold (the site, the templates):
    0.18 s of CPU after a cold build of 2,000 articles, to free memory that a process about
    to end gives back anyway."""
    enabled, thresholds = gc.isenabled(), gc.get_threshold()
    if resident:
        gc.set_threshold(*GC_THRESHOLDS)
    else:
        gc.disable()
    try:
        yield
    finally:
        if not last:
            gc.set_threshold(*thresholds)
            if enabled:
                gc.enable()


_UNTOUCHED = "the previous output is untouched"
_NOTHING_WRITTEN = "nothing was written, " + _UNTOUCHED
"""What a failed build leaves, for the last error line. A command that writes nothing
sets ``unfinished`` to what it says instead."""

COMMANDS = (
    building.add_build,
    building.add_check,
    reporting.add_report,
    reporting.add_suggest,
    building.add_clean,
    serving.add_serve,
    newfiles.add_new,
    newfiles.add_import,
    newfiles.add_init,
)
"""Each command's parser, in the order ``articlegen --help`` lists them."""


class _Parser(argparse.ArgumentParser):
    """argparse's parser, naming the closest command to one mistyped (``articlegen buidl``)."""

    def error(self, message: str) -> NoReturn:
        if invalid := _INVALID_COMMAND.search(message):
            written, choices = invalid.groups()
            message += did_you_mean(written, re.findall(r"'([^']*)'", choices))
        super().error(message)


_INVALID_COMMAND = re.compile(r"argument COMMAND: invalid choice: '([^']*)' \(choose from (.*)\)")
"""argparse's words for a command it does not know, with the commands it knows."""


def make_parser() -> argparse.ArgumentParser:
    """The whole command line: the top-level options, then each command's own parser."""
    parser = _Parser(prog="articlegen", description="Build a health article blog from Markdown.")
    parser.add_argument("-V", "--version", action="version", version=f"%(prog)s {__version__}")
    parser.set_defaults(unfinished=None)
    commands = parser.add_subparsers(
        title="commands", metavar="COMMAND", parser_class=argparse.ArgumentParser
    )
    for add in COMMANDS:
        add(commands)
    return parser
