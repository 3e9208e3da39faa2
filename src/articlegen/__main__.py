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
        return 130  # cli.printing.EXIT_INTERRUPTED, which could not be loaded
    return main()


if __name__ == "__main__":
    sys.exit(run())
