"""``python -m articlegen`` and the ``articlegen`` command.

Loading the CLI takes a moment; a Ctrl-C in it ends the command with a word, not a
traceback, as a Ctrl-C anywhere later does.
"""

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


if __name__ == "__main__":
    sys.exit(run())
