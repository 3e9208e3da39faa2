"""``python -m articlegen`` and the ``articlegen`` command.

Loading the CLI takes a moment; a Ctrl-C in it ends the command with a word, not a
traceback, as a Ctrl-C anywhere later does.
"""

import contextlib
import os
import signal
import sys


def run() -> int:
    """Load the CLI and run it on ``sys.argv``; the exit code."""
    try:
        from .cli import main
    except BaseException as error:
        from .core.errors import interruption

        if interruption(error) is None:
            raise
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the process ends here: no second one
        print("error: interrupted", file=sys.stderr)
        code = 130  # cli.printing.EXIT_INTERRUPTED, which could not be loaded
    else:
        code = main()
    if code == 130:
        _interrupt_handled()
    return code


def _interrupt_handled() -> None:
    """Tell Python that the Ctrl-C was handled. CPython notes a ``KeyboardInterrupt`` that
    leaves code run by ``exec`` or ``eval`` from a string, as dataclasses and typing do while
    the build's modules load, even when a caller catches it; ``python -m`` then ends the
    process by SIGINT at exit (status -2), whatever exit code was chosen. A string of code
    run to its end clears that note (CPython's ``run_eval_code_obj``)."""
    exec("None")  # a constant string, run for its side effect on the note


def command() -> None:
    """The ``articlegen`` command: ``run``, then the process ends at once with its exit code,
    its output flushed. Python's own ending would free every object the command made, one
    by one, for a process about to go: about a tenth of a rebuild of a large site. Nothing
    is left to it: the command has closed its files and the cache, and stopped its worker
    processes and threads, by then."""
    code = run()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing to say there
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    command()
